"""The claim finder's scans of a whole text, done faster, with the same matches
(used by :mod:`~frontmap.reading.claimtext`).

A pattern that can start at almost any word costs about 20 ns a character however rarely it matches:
``finditer`` tries it at every position.  But every match of the claim patterns holds a word that is
rare, and that ``str.find`` (or a pattern that starts with a fixed letter) finds at hundreds of MB/s:

- :data:`~frontmap.reading.patterns.QTY` ("74 km", "two and a half miles") a unit, right after its figure;
- :data:`~frontmap.reading.patterns.SHARE` a fraction word ("a fifth of"), or "%", "per cent" or
  "percent" after a figure, as :data:`~frontmap.reading.patterns.BARE_PERCENT` does;
- :data:`~frontmap.reading.patterns.COMPARISON` one of its words ("the size of", "larger than").

:class:`Scan` finds those words; from a unit or a percent sign it steps back over what a figure can be
made of (digits, separators, number words: :func:`_run_before`); and :func:`matches` tries the pattern
only at the words there, in order, skipping what an earlier match took.  It yields what ``finditer``
yields in a fraction of the time.  The words are the ones the patterns are built from
(:func:`~frontmap.reading.patterns.leading`, :data:`~frontmap.reading.patterns.NUM`,
:data:`~frontmap.reading.patterns.AREA_UNIT`, :data:`~frontmap.reading.patterns.DIST_UNIT`);
``tests/test_read_equivalence.py`` checks that the patterns are still built from them.

>>> [m.group() for m in Scan("It lies 74 km (46 miles) east, two and a half miles from 5 ha.").quantities()]
['74 km', '46 miles', 'two and a half miles', '5 ha']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from frontmap.reading import lexicon
from frontmap.reading import patterns as P

__all__ = ["COMPARISON_WORDS", "Scan", "comparisons", "matches", "shares", "word_starts"]

#: The words :data:`~frontmap.reading.patterns.COMPARISON` is built from, in its order.
COMPARISON_WORDS: tuple[tuple[str, ...], ...] = (
    ("equal", "equivalent", "comparable", "similar"),
    ("the size of", "as large as", "as big as"),
    ("larger", "bigger", "greater", "smaller"),
)
#: Where a unit of :data:`~frontmap.reading.patterns.QTY` can start, in the lower-cased text: every
#: spelling of ``AREA_UNIT`` and ``DIST_UNIT`` begins with one of these (each starts with a fixed letter,
#: so that it is found at ``str.find`` speed).
_UNIT_STARTS = tuple(
    re.compile(p) for p in (r"k(?:m|ilomet)", r"m(?:i|et|²|\b)", r"sq", r"hectare", r"ha\b", r"acre")
)


def _leading_words(words: Iterable[str]) -> frozenset[str]:
    """The words :func:`~frontmap.reading.patterns.leading` reads in ``words``: any of their first
    letters before the rest of any first word ("five", but also "tive"), then their other words.

    >>> sorted(_leading_words(["half a", "an", "a"]))
    ['a', 'aalf', 'an', 'h', 'half', 'hn']
    """
    words = list(words)
    firsts = {w[0] for w in words}
    rests = {w.split(" ")[0][1:] for w in words}
    return frozenset({f + r for f in firsts for r in rests} | {x for w in words for x in w.split(" ")[1:]})


#: The words a figure of :data:`~frontmap.reading.patterns.NUM` can be made of, in lower case: number
#: words, "a" and "half" before a unit ("half a mile"), and the words of "two and a half", "1.5 million".
_FIGURE_WORDS = (
    _leading_words(lexicon.NUMBER_WORDS)
    | _leading_words(["half an", "half a", "an", "a"])
    | {"and", "half", "million", "thousand"}
)
#: The two words a figure can end with right before its unit, with no space between ("5 thousandkm").
_SCALE_WORDS = ("million", "thousand")
#: Letters that a case-insensitive pattern matches as an ASCII letter that ``str.lower`` does not make
#: ("ſ" is an "s", "ı" an "i"): a text with one is scanned the plain way.
_ODD_CASES = ("ſ", "ı")
_WORD_START = re.compile(r"\b\w")


def _run_before(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that, matched in the reversed lower-cased text where a position ``p`` is, spans what
    before ``p`` can be part of a figure: any character but a letter, and whole ``words``."""
    alternatives = "|".join(sorted((w[::-1] for w in words), key=len, reverse=True))
    return re.compile(r"(?:[\W\d]|(?:" + alternatives + r")(?!\w))*")


_FIGURE_BEFORE = _run_before(_FIGURE_WORDS)
#: Before "%" or "cent" ("per cent", "percent"): what a percentage can be made of ("5.5 per cent").
_PERCENT_BEFORE = re.compile(r"(?:\s?rep)?[\W\d]*")


def matches(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` yields, given every offset where one can start (more do no
    harm) in increasing order; ``pattern`` never matches the empty string."""
    pos = 0
    for s in starts:
        if s < pos:
            continue
        m = pattern.match(text, s)
        if m is not None:
            yield m
            pos = max(m.end(), s + 1)


def _occurrences(text: str, sub: str) -> Iterator[int]:
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + 1)


def _blank_before(text: str, i: int) -> int:
    """The start of the white space that ends just before ``i`` (``i`` itself if there is none)."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j


def word_starts(text: str, words: Iterable[str]) -> set[int]:
    """Every offset where ``leading(words)`` can match: one character before each of the words without
    its first letter (found as written, with white space for each space), where that character is one
    of the words' first letters (in either case) and starts a word."""
    words = list(words)
    firsts = {w[0] for w in words} | {w[0].upper() for w in words}
    out: set[int] = set()
    for w in words:
        segments = w[1:].split(" ")
        if segments == [""]:  # a one-letter word: wherever a first letter is
            out.update(i for c in firsts for i in _occurrences(text, c))
        elif len(segments) == 1:
            out.update(i - 1 for i in _occurrences(text, segments[0]) if i > 0)
        else:  # "he\s+size\s+of": "size" after white space after "he"
            head = segments[0]
            for i in _occurrences(text, segments[1]):
                j = _blank_before(text, i)
                if j < i and text.startswith(head, j - len(head)) and j - len(head) >= 1:
                    out.add(j - len(head) - 1)
    return {s for s in out if text[s] in firsts and (s == 0 or not _word_char(text[s - 1]))}


def _word_char(c: str) -> bool:
    """Is ``c`` matched by ``\\w``?"""
    return c.isalnum() or c == "_"


class Scan:
    """The scans of one text (see the module docstring).  Units and "per cent" are matched whatever
    their case, so they are looked for in the text lowered once, offset for offset."""

    def __init__(self, text: str):
        self.text = text
        lower = text.lower()
        #: ``text`` in lower case, or None when lowering moves offsets ("İ" lowers to two characters)
        #: or leaves a letter the patterns read as another (:data:`_ODD_CASES`)
        self.lower = lower if len(lower) == len(text) and not any(c in text for c in _ODD_CASES) else None
        self._reversed: str | None = None
        self._percents: list[int] | None = None

    def quantities(self) -> Iterator[re.Match[str]]:
        """``P.QTY.finditer(text)``: a figure and a unit of length or area."""
        if self.lower is None:
            return P.QTY.finditer(self.text)
        units = sorted({m.start() for unit in _UNIT_STARTS for m in unit.finditer(self.lower)})
        starts: list[int] = []
        for u in units:
            if u > 0 and (not self.lower[u - 1].isalpha() or self.lower.endswith(_SCALE_WORDS, 0, u)):
                starts.extend(self._word_starts_before(u, _FIGURE_BEFORE))
        return matches(P.QTY, self.text, sorted(set(starts)))

    def shares(self) -> Iterator[re.Match[str]]:
        """``P.SHARE.finditer(text)``: a percentage or a fraction word, then "of"."""
        if self.lower is None:
            return P.SHARE.finditer(self.text)
        starts = word_starts(self.text, lexicon.FRACTION_WORDS).union(self._percent_starts())
        return matches(P.SHARE, self.text, sorted(starts))

    def bare_percents(self) -> Iterator[re.Match[str]]:
        """``P.BARE_PERCENT.finditer(text)``: a percentage with no "of" after it."""
        if self.lower is None:
            return P.BARE_PERCENT.finditer(self.text)
        return matches(P.BARE_PERCENT, self.text, self._percent_starts())

    def comparisons(self) -> Iterator[re.Match[str]]:
        """``P.COMPARISON.finditer(text)``: "equal to", "the size of", "larger than"..."""
        starts: set[int] = set()
        for words in COMPARISON_WORDS:
            starts |= word_starts(self.text, words)
        return matches(P.COMPARISON, self.text, sorted(starts))

    def _percent_starts(self) -> list[int]:
        """Where a percentage can start: the words just before each "%" and "cent", in order."""
        if self._percents is None:
            assert self.lower is not None
            signs = [*_occurrences(self.text, "%"), *_occurrences(self.lower, "cent")]
            starts = {s for i in signs for s in self._word_starts_before(i, _PERCENT_BEFORE)}
            self._percents = sorted(starts)
        return self._percents

    def _word_starts_before(self, pos: int, run: re.Pattern[str]) -> Iterator[int]:
        """The starts of the words in what ``run`` spans before ``pos``."""
        if self._reversed is None:
            assert self.lower is not None
            self._reversed = self.lower[::-1]
        n = len(self.text)
        start = n - run.match(self._reversed, n - pos).end()  # type: ignore[union-attr]
        return (m.start() for m in _WORD_START.finditer(self.text, start, pos))


def shares(text: str) -> Iterator[re.Match[str]]:
    """``P.SHARE.finditer(text)`` (:meth:`Scan.shares`)."""
    return Scan(text).shares()


def comparisons(text: str) -> Iterator[re.Match[str]]:
    """``P.COMPARISON.finditer(text)`` (:meth:`Scan.comparisons`)."""
    return Scan(text).comparisons()
