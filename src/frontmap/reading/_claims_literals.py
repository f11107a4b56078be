"""The words a pattern cannot match without, to skip a search that cannot succeed (used by the claim
finders).

The patterns for what happened to ground ("retook", "captured", "Russia has lost") and a few others
are searched in the few hundred characters around every area and share, at 10-80 ns a character:
their alternatives start with ``\\b`` and ignore case, which leaves the regex engine nothing to skip
ahead on.  Yet every match holds one of a few fixed words ("took", "captured", "back", "lost"...),
which :meth:`bytes.find` looks for many times faster in a lower-case copy of the text
(:attr:`~frontmap.reading._scan.Scan.lower`): when none of them is there, the search is skipped.

The words are read from the pattern itself (:func:`required`), so that they follow any change to it:
in a sequence, the longest fixed run of letters or of some group it must match; in an alternation,
one for each alternative.  Anything it does not know gives no words, and the search is always made.

>>> sorted(required(re.compile(r"\\b(?:re-?took|won\\s+back|gave\\s+up)\\b", re.I)))
[b'back', b'gave', b'took']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

try:  # the parsed form of a pattern: CPython's own parser, a private module (Python >= 3.11)
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # a Python without it: no words, and every search is made
    _c = _parser = None

__all__ = ["may_match", "required"]

_MIN_LENGTH = 3  # shorter words are in too many texts to be worth looking for


@cache
def required(pattern: re.Pattern[str]) -> frozenset[bytes] | None:
    """Words (lower-case ASCII letters and digits) one of which every match of ``pattern`` holds,
    whatever the case it is written in; None when there are no such words of at least three letters."""
    if _parser is None:
        return None
    try:
        words = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a form of parsed pattern this does not know: no words, always search
        return None
    if words is None or min(map(len, words)) < _MIN_LENGTH:
        return None
    # "liberated" holds "liberate": looking for the shorter finds both
    return frozenset(w.encode() for w in words if not any(o != w and o in w for o in words))


def may_match(lower: bytes | None, pattern: re.Pattern[str], spans: Iterable[tuple[int, int]]) -> bool:
    """Can ``pattern`` match in the text made of the ``spans`` of a text (each ``(start, end)``, joined
    by white space) whose lower-case copy is ``lower`` (None: a copy that cannot be trusted)?"""
    words = required(pattern)
    if lower is None or words is None:
        return True
    for a, b in spans:
        for w in words:
            if lower.find(w, a, b) >= 0:
                return True
    return False


def _sequence(items: Any) -> set[str] | None:
    """The best words for a sequence of parsed items: a fixed run of letters, or an item's words."""
    best: set[str] | None = None
    run = ""
    for op, av in [*items, (None, None)]:  # (None, None) ends the last run
        char = chr(av).lower() if op is _c.LITERAL else ""
        if char.isascii() and char.isalnum():
            run += char
            continue
        best = _better(best, {run} if run else None)
        run = ""
        best = _better(best, _item(op, av))
    return best


def _item(op: Any, av: Any) -> set[str] | None:
    """The words for one parsed item that is not a letter: a group, an alternation, a repeat."""
    if op is _c.SUBPATTERN:
        return _sequence(av[-1])
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(av[2])
    if op is _c.BRANCH:
        words: set[str] = set()
        for alternative in av[1]:
            found = _sequence(alternative)
            if found is None:
                return None
            words |= found
        return words
    return None  # a class, a look-around, an anchor, an optional part: no word it must hold


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The better of two sets of words: the one whose shortest word is longer, then the smaller."""
    if a is None or b is None:
        return a if b is None else b
    key_a, key_b = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b
