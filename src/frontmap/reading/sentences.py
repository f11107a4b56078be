"""Sentence boundaries in news text, in linear time.

A sentence ends at ., ! or ? (and any closing quote, bracket or footnote mark) followed by space and a
capital/quote/digit, or at a line break.
Abbreviations common in news (Mr., Dr., Gen., Lt., St., U.S., Feb., approx.) do not end one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from frontmap.reading.lexicon import ABBREVIATIONS

__all__ = ["sentence_span", "sentence_spans"]

_ABBREV = ABBREVIATIONS  # "Gen.", "Feb.": a full stop that does not end a sentence
assert max(map(len, _ABBREV)) < 7  # sentence_spans looks no further before a full stop after 7 letters

#: A sentence end: full stops, question or exclamation marks and closing quotes or brackets (and footnote
#: marks: "people.[1] It is ...") before a space and a capital or digit; or line breaks.  Written to start
#: with one class of characters, which the regex engine skips ahead to (an alternation at the top would
#: be tried at every character).
_END = re.compile(
    r"""[.!?\n](?:(?<=[.!?])[.!?]*["'”’)\]]*(?:\[[\w ]{1,20}\])*"""
    r"""(?=\s+["'“‘(\[]?[A-Z0-9А-ЯІЇЄҐ])|(?<=\n)\n*)"""
)
#: The texts whose sentences are remembered: the one being read (its stages each ask) and one more.  No
#: more: a larger memo would answer for an article read again, and a benchmark that repeats its
#: articles would measure the memo, not the reader.
_TEXTS = 2
#: The word a full stop ends, to tell "Gen." or "U.S." from the end of a sentence.
_WORD_BEFORE = re.compile(r"([\w.]+)\.*$")
#: The same word, in the text read backwards from the full stop: the longest run of word characters
#: and full stops before it is the group _WORD_BEFORE gives (greedy, from the leftmost start it can).
_WORD_BACKWARDS = re.compile(r"[\w.]+")


@lru_cache(maxsize=_TEXTS)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of every sentence of ``text``, covering it in order (whitespace included)."""
    spans = []
    start = 0
    back = None  # the text backwards, made at the first full stop
    n = len(text)
    for m in _END.finditer(text):
        pos, end = m.span()
        # a full stop after seven letters ends no abbreviation (none is longer than six characters)
        # nor a single letter: the word before it is looked at only after a shorter one
        if text[pos] == "." and not (pos >= 7 and text[pos - 7 : pos].isalpha()):
            # the word the full stop ends: _WORD_BEFORE.search(text, max(start, pos - 12), pos), read
            # backwards from the stop (or from before a line break just before it, where "$" matches)
            if back is None:
                back = text[::-1]
            stop = pos - 1 if text[pos - 1 : pos] == "\n" else pos
            word = _WORD_BACKWARDS.match(back, n - stop, n - max(start, pos - 12))
            if word and ((w := text[n - word.end() : stop]).lower() in _ABBREV or len(w) == 1):
                continue
        spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans)


@lru_cache(maxsize=_TEXTS)
def _starts(text: str) -> list[int]:
    return [s for s, _ in sentence_spans(text)]


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence containing ``offset``."""
    spans = sentence_spans(text)
    if not spans:
        return (0, 0)
    i = bisect_right(_starts(text), offset) - 1
    return spans[max(i, 0)]
