"""The lines of a text, and which are Title Case headlines (used by :mod:`~frontmap.reading.mentions`
and :mod:`~frontmap.reading.mentionrules`): on a headline, capitalised neighbours mean little
("Roman Petrenko Thanks Medics After Long Night").

>>> lines = Lines("Ukraine Retakes Kherson As Russian Troops Withdraw\\nThe city was freed by troops.")
>>> lines.line_of(8), lines.headline(0)
(0, True)
>>> lines.line_of(60), lines.headline(lines.line_of(60))
(51, False)
>>> Lines("Troops Struggle to Take Vovchansk. Fighting went on all day.").headline_glued(0, 24)
True
"""

from __future__ import annotations

import re

__all__ = ["Lines", "is_headline"]

_LONG_WORD_FIRST = re.compile(r"(\S)\S{3,}")  # the first letter of each word of str.split() over 3 long
#: A line this long (its newline included) or longer is a paragraph, never a headline.
_LONGEST_HEADLINE = 300
#: The longest first sentence of a line read as a headline glued to its text; what headlines lack.
_LONGEST_GLUED = 150
_NOT_IN_HEADLINES = re.compile(r"[(;:]")
#: The end of a sentence within a line: a full stop, "?" or "!" and a space, or a newline.
_SENTENCE_END = re.compile(r"[.?!](?=\s)|\n")


def is_headline(line: str) -> bool:
    """Do most words of ``line`` longer than three characters that start with a letter start with a
    capital?  (At least three such words.)"""
    firsts = [c for c in _LONG_WORD_FIRST.findall(line) if c.isalpha()]
    return len(firsts) >= 3 and sum(map(str.isupper, firsts)) >= 0.7 * len(firsts)


class Lines:
    """The lines of a text: where the line holding an offset starts (found from where the line asked
    about last ended when offsets are asked in order, as names are: linear in the text), and whether a
    line, or its first sentence, is a headline (decided when first asked, once per line)."""

    def __init__(self, text: str):
        self.text = text
        self.start = self.end = 0  # the line last asked about: text[start:end], its newline included
        self._headlines: dict[int, bool] = {}
        self._glued: dict[int, int] = {}  # line start -> end of a glued headline first sentence, or -1

    def line_of(self, offset: int) -> int:
        """The start of the line containing ``offset``."""
        if not self.start <= offset < self.end:
            text = self.text
            lo = self.end if offset >= self.end else 0
            self.start = text.rfind("\n", lo, offset) + 1 or lo
            b = text.find("\n", offset)
            self.end = b + 1 if b >= 0 else len(text) + 1
        return self.start

    def headline_glued(self, line_start: int, offset: int) -> bool:
        """Is ``offset`` in the first sentence of the line at ``line_start``, and that sentence a Title Case
        headline a page glued to its first paragraph ("Russian Troops Struggle to Capture Vovchansk. Here's
        the latest ...")?"""
        glued = self._glued.get(line_start)
        if glued is None:  # where the first sentence ends, if it is such a headline (else -1): once a line
            end = _SENTENCE_END.search(self.text, line_start, line_start + _LONGEST_GLUED)
            first = self.text[line_start : end.start()] if end is not None else ""
            headline = bool(first) and not _NOT_IN_HEADLINES.search(first) and is_headline(first)
            glued = self._glued[line_start] = end.start() if end is not None and headline else -1
        return offset < glued

    def headline(self, line_start: int) -> bool:
        """Is the line that starts at ``line_start`` a Title Case headline?"""
        found = self._headlines.get(line_start)
        if found is None:
            b = self.text.find("\n", line_start)
            b = b + 1 if b >= 0 else len(self.text) + 1
            found = self._headlines[line_start] = b - line_start < _LONGEST_HEADLINE and is_headline(
                self.text[line_start : b - 1]
            )
        return found
