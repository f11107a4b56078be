"""The claim finder's scans of a whole text, done faster, with the same matches
(used by :mod:`~frontmap.reading.claimtext`).

:data:`~frontmap.reading.patterns.SHARE` and :data:`~frontmap.reading.patterns.COMPARISON` begin with a
character class that many words start with, so ``finditer`` tries them at almost every word (30 MB/s).
Every match starts where a word of theirs does ("a fifth", "the size of") or at a run of digits, and
``str.find`` finds those words at hundreds of MB/s: :func:`matches` tries the pattern only there, in
order, skipping what an earlier match took, and yields what ``finditer`` yields in a fraction of the
time.  (:data:`~frontmap.reading.patterns.QTY` stays a plain ``finditer``: its number words include
"one" and "ten", whose letters are everywhere.)  The words are the ones the patterns are built from
(:func:`~frontmap.reading.patterns.leading`); ``tests/test_read_equivalence.py`` checks that the
patterns are still built from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from frontmap.reading import lexicon
from frontmap.reading import patterns as P

__all__ = ["COMPARISON_WORDS", "comparisons", "found", "matches", "shares", "word_starts"]

#: The words :data:`~frontmap.reading.patterns.COMPARISON` is built from, in its order.
COMPARISON_WORDS: tuple[tuple[str, ...], ...] = (
    ("equal", "equivalent", "comparable", "similar"),
    ("the size of", "as large as", "as big as"),
    ("larger", "bigger", "greater", "smaller"),
)
_DIGITS = re.compile(r"\d+")
_CENT = re.compile("[cC][eE][nN][tT]")  # "cent" as "(?i:cent)" reads it (no other letter is read as these)


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


def _digit_starts(text: str) -> set[int]:
    """Where a figure can start: the first digit of a run of digits (none follows a word character)."""
    return {m.start() for m in _DIGITS.finditer(text)}


def shares(text: str) -> Iterator[re.Match[str]]:
    """``P.SHARE.finditer(text)``: a percentage or a fraction word, then "of"."""
    starts = word_starts(text, lexicon.FRACTION_WORDS)
    if "%" in text or _CENT.search(text):  # a figure is a share only with "%", "per cent", "percent"
        starts |= _digit_starts(text)
    return matches(P.SHARE, text, sorted(starts))


def comparisons(text: str) -> Iterator[re.Match[str]]:
    """``P.COMPARISON.finditer(text)``: "equal to", "the size of", "larger than"..."""
    starts: set[int] = set()
    for words in COMPARISON_WORDS:
        starts |= word_starts(text, words)
    return matches(P.COMPARISON, text, sorted(starts))


def found(pattern: re.Pattern[str], text: str) -> Iterator[Any]:  # Found: read like a match
    """``P.found(pattern, text)``, faster for SHARE."""
    if pattern is P.SHARE:
        return (P.Found(text, m) for m in shares(text))
    return P.found(pattern, text)
