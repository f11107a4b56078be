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
``tests/test_read_equivalence.py`` checks that the patterns are still built from the fraction and
comparison words, and :class:`Scan`'s doctest that every unit is found.

>>> [m.group() for m in Scan("It lies 74 km (46 miles) east, two and a half miles from 5 ha.").quantities()]
['74 km', '46 miles', 'two and a half miles', '5 ha']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import pairwise
from typing import AnyStr

from frontmap.reading import lexicon
from frontmap.reading import patterns as P

__all__ = ["COMPARISON_WORDS", "Scan", "comparisons", "matches", "shares", "word_starts"]

#: The words :data:`~frontmap.reading.patterns.COMPARISON` is built from, in its order.
COMPARISON_WORDS: tuple[tuple[str, ...], ...] = (
    ("equal", "equivalent", "comparable", "similar"),
    ("the size of", "as large as", "as big as"),
    ("larger", "bigger", "greater", "smaller"),
)
#: What always follows the last of :data:`COMPARISON_WORDS` ("larger than"), and is rarer than they are.
_THAN = "than"
#: Where a unit of :data:`~frontmap.reading.patterns.QTY` can start, in the lower-cased text
#: (:attr:`Scan.lower`): every spelling of ``AREA_UNIT`` and ``DIST_UNIT`` begins with one of these
#: or of :data:`_UNIT_WORDS`.  Each starts with fixed letters, so that it is found at ``str.find``
#: speed; an "m" also follows no letter but the last of "thousand" or "million" ("5 thousandm"), as
#: it ends so many words.
_UNIT_STARTS = tuple(
    re.compile(p)
    for p in (
        rb"k(?:m|ilomet(?:re|er))",
        rb"m(?<![a-ce-mo-z]m)(?:ile|i\b|i2|et(?:re|er)|\b)",
        rb"ha\b",
        rb"nmi\b",
    )
)
#: ... and these, found as words (:func:`_found`).
_UNIT_WORDS = ("sq", "hectare", "acre", "nautical", "sea")


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
_SCALE_WORDS = (b"million", b"thousand")
#: The letters other than ASCII that a case-insensitive pattern reads as ASCII letters ("ſ" is an "s",
#: the Kelvin sign a "k"): a text with one is scanned the plain way.
_ODD_CASES = ("İ", "ı", "ſ", "\u212a")
_WORD_START = re.compile(r"\b\w")
#: Letters that English words rarely hold (well under one in 500 letters).
_RARE_LETTERS = frozenset("jqxz")
#: Letters from the most to the least common in English text.
_LETTER_RANKS = "etaoinshrdlcumwfgypbvkjxqz"


def _run_before(words: Iterable[str]) -> re.Pattern[bytes]:
    """A pattern that, matched in the reversed :attr:`Scan.lower` where a position ``p`` is, spans what
    before ``p`` can be part of a figure: any character but an ASCII letter, and whole ``words``."""
    alternatives = "|".join(sorted((w[::-1] for w in words), key=len, reverse=True))
    return re.compile(rb"(?:[\W\d]|(?:" + alternatives.encode() + rb")(?!\w))*")


_FIGURE_BEFORE = _run_before(_FIGURE_WORDS)
#: The words :data:`~frontmap.reading.patterns.ALL_OF` starts with.
_WHOLE_WORDS = tuple(P.WHOLE_SHARES)
#: Before "%" or "cent" ("per cent", "percent"): what a percentage can be made of ("5.5 per cent",
#: "sixty-eight percent").
_PERCENT_BEFORE = re.compile(rb"(?:\W?rep)?" + _FIGURE_BEFORE.pattern)


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


def _occurrences(text: AnyStr, sub: AnyStr) -> Iterator[int]:
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + 1)


@cache
def _finder(word: str) -> tuple[bytes, bytes, int, re.Pattern[bytes]]:
    """How :func:`_found` finds ``word``: the word; its rarest letter if that is rare enough to look for
    alone (``b""`` if not); where the part looked for starts in the word; and a pattern for the part
    of the word from its least common letter on ("fth" for "ifth"): the regex engine skips ahead to
    the first letter of a pattern, the faster the rarer it is."""
    rare = next((c for c in word if c in _RARE_LETTERS), "")
    if rare:
        return word.encode(), rare.encode(), word.index(rare), re.compile(re.escape(word.encode()))
    shortest = 3 if len(word) <= 5 else 4  # a shorter part ("ble" of "comparable") is in too many words
    at = max(range(max(1, len(word) - shortest + 1)), key=lambda i: (_LETTER_RANKS.find(word[i]), -i))
    return word.encode(), b"", at, re.compile(re.escape(word[at:].encode()))


def _found(lower: bytes, word: str) -> list[int]:
    """Where ``word`` (lower case) is in ``lower``, overlapping ones too.  A word with a rare letter
    ("size", "equal") is found where that letter is: ``find`` looks for one letter many times faster."""
    whole, letter, at, part = _finder(word)
    out = []
    if letter:
        i = lower.find(letter, at)
        while i >= 0:
            if lower.startswith(whole, i - at):
                out.append(i - at)
            i = lower.find(letter, i + 1)
        return out
    m = part.search(lower, at)
    while m is not None:
        if lower.startswith(whole, m.start() - at):
            out.append(m.start() - at)
        m = part.search(lower, m.start() + 1)
    return out


def _blank_before(text: str, i: int) -> int:
    """The start of the white space that ends just before ``i`` (``i`` itself if there is none)."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j


def word_starts(text: str, lower: bytes, words: Iterable[str]) -> set[int]:
    """Every offset where ``leading(words)`` can match: one character before each of the words without
    its first letter (found in ``lower``, :attr:`Scan.lower`, and checked as written in ``text``, with
    white space for each space), where that character is one of the words' first letters (in either
    case) and starts a word."""
    firsts, needles, phrases, one_letter = _plan(tuple(words))
    out: set[int] = set()
    for needle, tails in needles:  # "ifth" finds "fifth" and "fifths"
        for i in _found(lower, needle):
            out.update(i - k - 1 for tail, k in tails if text.startswith(tail, i - k) and i > k)
    for head, second in phrases:  # "he\s+size\s+of": "size" after white space after "he"
        for i in _found(lower, second):
            j = _blank_before(text, i)
            if (
                j < i
                and text.startswith(second, i)
                and text.startswith(head, j - len(head))
                and j > len(head)
            ):
                out.add(j - len(head) - 1)
    if one_letter:  # a one-letter word: wherever a first letter is
        out.update(i for c in firsts for i in _occurrences(text, c))
    return {s for s in out if text[s] in firsts and (s == 0 or not _word_char(text[s - 1]))}


@cache
def _plan(
    words: tuple[str, ...],
) -> tuple[frozenset[str], list[tuple[str, list[tuple[str, int]]]], set[tuple[str, str]], bool]:
    """How :func:`word_starts` finds ``words``: their first letters (in either case); the fewest
    strings to look for to find every one-word tail (each tail that holds no other), with the tails
    that hold it and where; the first two words of each phrase ("the size of": "he", "size"); and
    whether one of them has one letter."""
    firsts = frozenset({w[0] for w in words} | {w[0].upper() for w in words})
    tails = {w[1:] for w in words if " " not in w and len(w) > 1}
    needles = sorted(t for t in tails if not any(o != t and o in t for o in tails))
    found = [
        (n, [(t, k) for t in sorted(tails) for k in range(len(t)) if t.startswith(n, k)]) for n in needles
    ]
    phrases = {tuple(w[1:].split(" ")[:2]) for w in words if " " in w}
    return firsts, found, phrases, any(len(w) == 1 for w in words)  # type: ignore[return-value]


def _words_before(text: str, lower: bytes, follower: str, words: Iterable[str]) -> set[int]:
    """Every offset where ``leading(words)`` can match right before white space and ``follower``."""
    words = tuple(words)
    firsts = _plan(words)[0]
    out: set[int] = set()
    for i in _found(lower, follower):
        j = _blank_before(text, i)
        if j < i and text.startswith(follower, i):
            out.update(j - len(w) for w in words if text.startswith(w[1:], j - len(w) + 1))
    return {s for s in out if s >= 0 and text[s] in firsts and (s == 0 or not _word_char(text[s - 1]))}


def _word_char(c: str) -> bool:
    """Is ``c`` matched by ``\\w``?"""
    return c.isalnum() or c == "_"


class Scan:
    """The scans of one text (see the module docstring).  Units and "per cent" are matched whatever
    their case, so they are looked for in a copy of the text made once, in lower case (:attr:`lower`).

    Every spelling of every unit, after figures written every way, is found as ``finditer`` finds it:

    >>> from frontmap.quantities.numbers import AREA_UNITS, DISTANCE_UNITS
    >>> units = [*DISTANCE_UNITS, *AREA_UNITS, "KM", "Sq Mi", "kilometres", "Square Miles", "m²"]
    >>> figures = ["5", "1,000", "2.5", "two and a half", "a", "half a", "Five", "a few hundred"]
    >>> text = ", ".join(f"{n}{sep}{u}" for n in figures for u in units for sep in (" ", "-", ""))
    >>> [m.span() for m in Scan(text).quantities()] == [m.span() for m in P.QTY.finditer(text)]
    True
    """

    def __init__(self, text: str):
        self.text = text
        odd = not text.isascii() and any(c in text for c in _ODD_CASES)
        #: ``text`` in lower case, one byte a character (Latin-1, "?" for any other): the ASCII letters
        #: are those of ``text``, at the same offsets; None for a text with a letter that the patterns
        #: read as an ASCII one (:data:`_ODD_CASES`)
        self.lower = None if odd else text.encode("latin-1", "replace").lower()
        self._reversed: bytes | None = None
        self._percents: list[int] | None = None

    def quantities(self) -> Iterator[re.Match[str]]:
        """``P.QTY.finditer(text)``: a figure and a unit of length or area."""
        if self.lower is None:
            return P.QTY.finditer(self.text)
        units = {m.start() for unit in _UNIT_STARTS for m in unit.finditer(self.lower)}
        units.update(i for word in _UNIT_WORDS for i in _found(self.lower, word))
        starts: list[int] = []
        for u in sorted(units):
            if u > 0 and (not self.lower[u - 1 : u].isalpha() or self.lower.endswith(_SCALE_WORDS, 0, u)):
                starts.extend(self._word_starts_before(u, _FIGURE_BEFORE))
        return matches(P.QTY, self.text, sorted(set(starts)))

    def shares(self) -> Iterator[re.Match[str]]:
        """``P.SHARE.finditer(text)``: a percentage or a fraction word, then "of"."""
        if self.lower is None:
            return P.SHARE.finditer(self.text)
        starts = word_starts(self.text, self.lower, lexicon.FRACTION_WORDS).union(self._percent_starts())
        return matches(P.SHARE, self.text, sorted(starts))

    def wholes(self) -> Iterator[re.Match[str]]:
        """``P.ALL_OF.finditer(text)``: "all of", "the entire", "the whole", "the entirety of"."""
        if self.lower is None:
            return P.ALL_OF.finditer(self.text)
        return matches(P.ALL_OF, self.text, sorted(word_starts(self.text, self.lower, _WHOLE_WORDS)))

    def bare_percents(self) -> Iterator[re.Match[str]]:
        """``P.BARE_PERCENT.finditer(text)``: a percentage with no "of" after it."""
        if self.lower is None:
            return P.BARE_PERCENT.finditer(self.text)
        return matches(P.BARE_PERCENT, self.text, self._percent_starts())

    def comparisons(self) -> Iterator[re.Match[str]]:
        """``P.COMPARISON.finditer(text)``: "equal to", "the size of", "larger than"..."""
        if self.lower is None:
            return P.COMPARISON.finditer(self.text)
        *words, before_than = COMPARISON_WORDS
        starts = _words_before(self.text, self.lower, _THAN, before_than)
        for group in words:
            starts |= word_starts(self.text, self.lower, group)
        return matches(P.COMPARISON, self.text, sorted(starts))

    def _percent_starts(self) -> list[int]:
        """Where a percentage can start: the words just before each "%" and "cent", in order."""
        if self._percents is None:
            assert self.lower is not None
            signs = sorted(
                [*_occurrences(self.lower, b"%"), *(i for i in _found(self.lower, "cent") if self._per(i))]
            )
            # a percentage holds one sign, its last: a step back ends at the sign before ("5% 6% ...")
            starts = {
                s
                for before, i in pairwise([-1, *signs])
                for s in self._word_starts_before(i, _PERCENT_BEFORE, before + 1)
            }
            self._percents = sorted(starts)
        return self._percents

    def _per(self, cent: int) -> bool:
        """Is the "cent" at ``cent`` the end of "percent" or "per cent"?"""
        assert self.lower is not None
        return self.lower.endswith(b"per", 0, cent) or (
            self.lower.endswith(b"per", 0, cent - 1) and not self.lower[cent - 1 : cent].isalnum()
        )

    def _word_starts_before(self, pos: int, run: re.Pattern[bytes], floor: int = 0) -> Iterator[int]:
        """The starts of the words in what ``run`` spans before ``pos`` (not before ``floor``)."""
        if self._reversed is None:
            assert self.lower is not None
            self._reversed = self.lower[::-1]
        n = len(self.text)
        start = n - run.match(self._reversed, n - pos, n - floor).end()  # type: ignore[union-attr]
        return (m.start() for m in _WORD_START.finditer(self.text, start, pos))


def shares(text: str) -> Iterator[re.Match[str]]:
    """``P.SHARE.finditer(text)`` (:meth:`Scan.shares`)."""
    return Scan(text).shares()


def comparisons(text: str) -> Iterator[re.Match[str]]:
    """``P.COMPARISON.finditer(text)`` (:meth:`Scan.comparisons`)."""
    return Scan(text).comparisons()
