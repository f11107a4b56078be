"""A claim pattern's match widened to what is written around it (used by
:mod:`~frontmap.reading.claimtext`).

The few dozen characters before a figure may hold a qualifier ("about") and the lower end of a range
("28 to"); both patterns end at the figure (``$``), so a search would try them at each of those
characters, though most figures follow neither.  Each ends in a word or a mark that a look at what is
before the figure's white space rules out (a qualifier's last word, a dash, "to" or "and"):
:class:`Widened` searches only when that could end one.

>>> text = "Fighting raged some 28 to 35 km east of the town."
>>> m = Widened(text, P.QTY.search(text))
>>> (m.start(), m.group("qual"), m.group("low"), m.group())
(15, 'some', '28', '35 km')
"""

from __future__ import annotations

import re
from typing import Any

from frontmap.quantities.numbers import QUALIFIERS_AFTER
from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import distance_unit, low_end, number
from frontmap.reading._claims_before import QUALIFIER_ENDS, may_end

__all__ = ["Widened", "low_of_next", "trimmed_end"]

#: What the lower end of a range (:data:`~frontmap.reading.patterns.RANGE_LOW`) ends with: a dash, or
#: one of these words.
_DASH = re.compile("[-–—−]")
_RANGE_ENDS = frozenset({"to", "and"})
_RANGE_WINDOW = 40  # characters before a figure searched for the lower end of a range
_QUAL_WINDOW = 30  # ... and for a qualifier


#: A qualifier written after a figure and its unit ("10 km or so", "5 miles or more").
_QUAL_AFTER = re.compile(
    r"\s+(" + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS_AFTER) + r")\b", re.IGNORECASE
)


class Widened:
    """A claim pattern's match ``m`` in ``text``, read like a match: widened to the qualifier and the
    range written before it ("about 6,000 km²", "28 to 35 km"), and to the "a" of a fraction in words,
    or to a qualifier written after its unit ("10 km or so": the match ends after it)."""

    __slots__ = ("_end", "_frac", "_low", "_low_unit", "_m", "_qual", "_start")

    def __init__(self, text: str, m: re.Match):
        self._m = m
        start = m.start()
        self._frac = self._low = self._low_unit = None
        if "frac" in m.re.groupindex and not m.group("frac")[0].isdigit():
            f = P.FRACTION_BEFORE.search(text, max(0, start - 8), start)
            if f:
                start = f.start(1)
                self._frac = text[start : m.end("frac")]
        lo = max(0, start - _RANGE_WINDOW)
        if "num" in m.re.groupindex and (
            _ends_with(text, lo, start, _DASH) or may_end(text, lo, start, _RANGE_ENDS)
        ):
            r = P.range_low(text, lo, start)
            if r:  # "28 to 35 km": the claim starts at the range's lower end
                start = r.start()
                self._low = r.group("between") or r.group("low") or r.group("low_with_unit")
                self._low_unit = r.group("low_unit")
        lo, q = max(0, start - _QUAL_WINDOW), None
        if start > 0 and (
            (text[start - 1].isspace() and may_end(text, lo, start, QUALIFIER_ENDS))
            or _sign_before(text, lo, start)
        ):
            q = P.QUAL_BEFORE.search(text, lo, start)
        self._start = q.start(1) if q else start
        self._qual = q.group(1) if q else None
        self._end = m.end()
        after = _QUAL_AFTER.match(text, m.end()) if q is None and "num" in m.re.groupindex else None
        if after:
            self._qual, self._end = after.group(1), after.end()

    def start(self, group: int | str = 0) -> int:
        return self._start if group == 0 else self._m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._end if group == 0 else self._m.end(group)

    def group(self, name: int | str = 0) -> str | None:
        if name == "qual":
            return self._qual
        if name == "frac" and self._frac is not None:
            return self._frac
        if name == "low":
            return self._low
        if name == "low_unit":
            return self._low_unit
        return self._m.group(name)


def _sign_before(text: str, lo: int, hi: int) -> bool:
    """Does ``text[lo:hi]`` end with a qualifier's sign, and maybe spaces ("~130 km", "~ 130 km")?"""
    before = text[lo:hi].rstrip()
    return bool(before) and before[-1] in P.QUAL_SIGNS


def _ends_with(text: str, lo: int, hi: int, last: re.Pattern[str]) -> bool:
    """Does ``text[lo:hi]``, without the white space it ends with, end with a character ``last`` matches?"""
    j = hi
    while j > lo and text[j - 1].isspace():
        j -= 1
    return j > lo and last.match(text, j - 1) is not None


#: A figure followed by the upper end of a range ("500 metres to 1 km").
_RANGE_TO = re.compile(r"\s+to\s+\d")


def low_of_next(text: str, q: re.Match, following: list[re.Match]) -> bool:
    """Is ``q`` the lower end, with a unit of its own, of the range of the figure after it ("500
    metres to 1 km": one distance, up to 1 km)?"""
    if not following or not _RANGE_TO.match(text, q.end()):
        return False
    upper: Any = Widened(text, following[0])  # read like a match
    if upper.group("low_unit") is None or upper.start() > q.start():
        return False
    unit = distance_unit(upper.group("dist"))
    return unit is not None and low_end(upper, number(upper), unit) is not None


def trimmed_end(text: str, start: int, end: int) -> int:
    """The end of a claim's span (from ``start``), moved back over the commas and spaces its words were
    read up to: "664 km (413 miles), the ministry said" ends at the bracket."""
    while end > start and text[end - 1] in ", ":
        end -= 1
    return end
