"""The tolerance policy: how a number stated in the news becomes an interval.

Everything here is plain arithmetic on numbers and strings (no geometry), so claim geometries and
checks share one written-down policy.  The policy has three parts.

**Rounding** -- a number's precision is read from how it was written (``text``):

============================  ==========================================  ===================
written                       rule                                        half-width
============================  ==========================================  ===================
``74``, ``21``, ``45.98``     ±0.5 of the last written digit              ±0.5, ±0.5, ±0.005
``6,000``, ``600,000``, 20    trailing zeros: rounded to the place of the  ±500, ±50,000, ±2.5
``100``, ``200``, ``10,000``  last non-zero digit, but to at most a quarter ±10, ±25, ±1,000
                              of the number (1-2-5 steps: 100 -> 50 -> 20)
``35``, ``7,500``, ``2.5``    ≥ 2 significant digits ending in 5: rounded  ±2.5, ±250, ±0.25
                              to 5 in that place
``2.0``, ``1.50``             zeros after a decimal point were written on  ±0.05, ±0.005
                              purpose: ±0.5 of the last written digit
``1.5 million``, ``3k``       the multiplier scales the half-width         ±250,000, ±500
``a fifth``, ``half``         a number in words: ±10 % (:data:`WORDS_RELATIVE`)
============================  ==========================================  ===================

The precision is carried over *relatively*: ``text`` may be in another unit than ``value`` (``value``
= 74.03 km, ``text`` = ``"46"`` miles gives ±0.5/46 of 74.03).  Without ``text`` the value's own
shortest decimal form is used (6000.0 reads as ``"6000"``).  :func:`interval` never allows less than
:data:`MIN_RELATIVE` (2 %) either side: a map, a gazetteer point and a reporter's rounding all add
error beyond the last digit.

**Qualifiers** -- :data:`QUALIFIERS` maps each qualifier as written (lower case; hyphens, outer dots and
extra spaces are ignored) to the relative offsets ``(low, high)`` of its *sense*; the qualifier interval
is ``[value × (1 + low), value × (1 + high)]``.  Both are tables in the package data:
``data/qualifiers.tsv`` (every written form, its canonical name and its sense) and
``data/qualifier_senses.tsv`` (the offsets of each sense); the table below is checked against them.

==========  ====================================================  ==============  ==========================
sense       qualifiers                                            offsets         "6,000" becomes
==========  ====================================================  ==============  ==========================
exact       None, just, exactly, precisely, only, ...             (0, 0)          [5,500, 6,500] (rounding)
about       about, around, roughly, approximately, some, ...      (-0.10, +0.10)  [5,400, 6,600]
below       nearly, almost, just under, close to, ...             (-0.10, 0)      [5,400, 6,500]
above       more than, over, at least, upwards of, ...            (0, +1.0)       [5,500, 12,000]
just above  just over, slightly more than, ...                    (0, +0.10)      [5,500, 6,600]
up to       up to, within, as far as, less than, under, ...       (-1, 0)         [0, 6,500]
==========  ====================================================  ==============  ==========================

The final interval is the union (envelope) of the rounding interval and the qualifier interval:
a qualifier widens, it never narrows what rounding already allows.  "More than" is capped at
twice the number so that intervals stay finite and drawable (a reporter who means three times as much
says so).  Unknown qualifiers raise
:class:`~frontmap.errors.InputError` listing the known ones.

**Directions** -- "southeast" names an 8-wind point and covers ±22.5°; "south-southeast" a 16-wind
point and covers ±11.25°; "southwest by west" a 32-point one and covers ±5.625°
(:func:`direction_half_angle`); two neighbouring ones said together ("north and northeast", "N/NE")
cover both.  They and the wind tables :data:`WINDS_16` and :data:`WINDS_32` live in
:mod:`~frontmap.quantities.directions` and are re-exported here, so that :mod:`frontmap.geometry` and the
checks read them from one place.

**Conversions** -- "74 km (46 miles)": :func:`conversion_consistent` accepts the pair when
``converted / (value × factor)`` is within the rounding of the converted figure as written plus
:data:`CONVERSION_SLACK` (3 %), and never less than :data:`CONVERSION_FLOOR` (15 %) -- the parenthetical
is the number the reporter computed, maybe from a figure rounded otherwise; unit factors
are in :data:`LENGTH_KM` and :data:`AREA_KM2`, read from ``data/units.tsv`` with every written form
:func:`unit_key` knows.

**Places and roads** -- the numbers beyond a figure's own rounding are rows of ``data/check_policy.tsv``
(:func:`check_policy`):

==========================  ==========  ======================================================================
name                        value       meaning
==========================  ==========  ======================================================================
``urban_density``           4000        people per km² of a town: one of population P has radius √(P/4000/π)
``radius_settlement``       0.5 km      radius of a settlement of unknown population
``radius_facility``         0.5 km      radius of a plant, airport, base or bridge
``radius_other``            0.5 km      radius of any other place given as a point
``road_factor_low``         1.2         a road is typically 1.2 ...
``road_factor_high``        1.4         ... to 1.4 times the straight line (:data:`ROAD_FACTOR`)
``distance_short``          0.2         a distance between points may be a fifth short (:func:`short_of_line`)
``rough_fraction``          0.15        a fraction in words ("about a fifth") allows ±15 %
``window_regained``         2 days      reports of ground retaken are compared within 2 days of each other
``window_captured``         2 days      ... ground captured, 2 days
``window_held``             31 days     ... ground held, 31 days (sizes of places: any time)
``window_held_by_ukraine``  31 days     ... ground Ukraine holds, 31 days
``window_unknown``          2 days      ... an area of unknown status, 2 days
``window_extent``           7 days      ... the extent of an advance ("up to 35 km east of Kyiv"), 7 days
``map_gap_warn``            31 days     a control map further than this from a claim's date is called far
``earth_km2``               510072000   no area can be larger than the Earth's
==========================  ==========  ======================================================================

A distance between two places is measured between their points, and each end may lie anywhere within
its place (:func:`place_radius_km`: the gazetteer's ``extent_km``, else the radius of a town of its
population, else the radius of its kind) plus the point's own ``uncertainty_km``
(:func:`place_slack_km`).  A stated distance longer than the straight line but no longer than
``road_factor_high`` times it (between the points) is consistent *as a road distance*
(:func:`distance_basis`).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from types import MappingProxyType

from frontmap.errors import InputError
from frontmap.quantities._tables import _read, _Rows, fold_qualifier, fold_unit, qualifiers, senses, units
from frontmap.quantities.directions import (
    WINDS_16,
    WINDS_32,
    direction_bearing,
    direction_half_angle,
    direction_key,
)
from frontmap.quantities.numbers import POINT_THOUSANDS

__all__ = [
    "AREA_KM2",
    "CONVERSION_FLOOR",
    "CONVERSION_SLACK",
    "LENGTH_KM",
    "MIN_RELATIVE",
    "QUALIFIERS",
    "ROAD_FACTOR",
    "WINDS_16",
    "WINDS_32",
    "WORDS_RELATIVE",
    "bound_sense",
    "check_interval",
    "check_policy",
    "conversion_consistent",
    "direction_bearing",
    "direction_half_angle",
    "direction_key",
    "distance_basis",
    "factor",
    "interval",
    "parse_policy",
    "place_radius_km",
    "place_slack_km",
    "relative_tolerance",
    "rounding_half_width",
    "share_interval",
    "short_of_line",
    "unit_key",
    "window_days",
]

#: The smallest relative half-width :func:`interval` allows on either side.
MIN_RELATIVE = 0.02
#: Relative half-width of a number written in words ("a fifth", "half", "a dozen").
WORDS_RELATIVE = 0.10
#: Extra relative slack for unit conversions (rough factors such as 1.6 km per mile, double rounding).
CONVERSION_SLACK = 0.03
#: A conversion within this much of its figure is consistent however precisely it is written: reporters
#: often convert the figure rounded otherwise ("about 160 km (90 miles)", from 145 km; "about 14 km (10
#: miles)", from 16); the slips the check names (an inverted or linear factor: 60 % off or more) are far
#: larger.  Fact-checkers' rule of thumb, and the dev set's annotation, is the same 15 %.
CONVERSION_FLOOR = 0.15

#: Qualifier as written -> relative offsets (low, high) of its sense: every row of ``data/qualifiers.tsv``
#: with the offsets of ``data/qualifier_senses.tsv``; see the module docstring.
QUALIFIERS: dict[str, tuple[float, float]] = {q.written: senses()[q.sense].offsets for q in qualifiers()}

#: Length units -> kilometres per unit (``data/units.tsv``).
LENGTH_KM: dict[str, float] = {u.name: u.per_unit for u in units() if u.dimension == "length"}
#: Area units -> square kilometres per unit (``data/units.tsv``).
AREA_KM2: dict[str, float] = {u.name: u.per_unit for u in units() if u.dimension == "area"}

# Every written form of a unit, folded (:func:`fold_unit`) -> the unit.
_UNIT_ALIASES = {fold_unit(f): u.name for u in units() for f in u.forms if fold_unit(f) != u.name}

_NUMBER = re.compile(
    r"""
    (?P<int>\d{1,3}(?:[,\u00a0\u202f\u2009\ ]\d{3})+(?!\d) # grouped thousands: 6,000 / 600 000
      |"""
    + POINT_THOUSANDS  # or with points, as the reader reads them: 12.800
    + r"""
      |\d+)                                               # or plain digits
    (?:\.(?P<frac>\d+)|,(?P<cfrac>\d{1,2})(?!\d))?           # decimal part: "0.8", "0,8" (as the reader)
    (?:\s*(?P<mult>thousand|million|billion|mln|mn|bn|k)(?![a-z]))?  # an optional multiplier word
    """,
    re.VERBOSE | re.IGNORECASE,
)
_MULTIPLIERS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}


def _finite(name: str, x: object) -> float:
    if isinstance(x, bool) or not hasattr(x, "__float__"):
        raise InputError(f"{name} must be a number, got {x!r}")
    v = float(x)  # type: ignore[arg-type]
    if not math.isfinite(v):
        raise InputError(f"{name} must be a finite number, got {x!r}")
    return v


def _written(text: str) -> tuple[float, float] | None:
    """``(value, half_width)`` of a number as written, or None when ``text`` holds no digits."""
    m = _NUMBER.search(text)
    if m is None:
        return None
    whole = re.sub(r"\D", "", m["int"])
    frac = m["frac"] or m["cfrac"] or ""
    mult = _MULTIPLIERS[m["mult"].lower()] if m["mult"] else 1.0
    value = float(f"{whole}.{frac or 0}") * mult
    if frac:  # a written decimal: every written digit counts
        place = 10.0 ** -len(frac)
        digits = (whole + frac).lstrip("0")
    else:
        stripped = whole.rstrip("0")
        if not stripped:  # "0"
            return value, 0.5 * mult
        place = 10.0 ** (len(whole) - len(stripped))
        digits = stripped.lstrip("0")
    if len(digits) >= 2 and digits[-1] == "5":
        return value, 2.5 * place * mult
    step = place
    if not frac:
        # A round number is read as rounded to at most a quarter of itself, stepping down the 1-2-5
        # series: "100" is to the nearest 20 (not 100), "200" to 50, "6,000" stays at 1,000.
        n = float(whole)
        while step > n / 4 and step > 1:
            step = step * 0.4 if f"{step:.0f}"[0] == "5" else step / 2  # 10 -> 5 -> 2 -> 1
    return value, 0.5 * step * mult


def rounding_half_width(value: float, text: str | None = None) -> float:
    """Half-width of the rounding implied by how ``value`` was written (no floor, no qualifier).

    Parameters
    ----------
    value : float
        The number, in the unit the caller works in (e.g. km).
    text : str, optional
        The number as written ("6,000", "1.5 million", "46"); may be in another unit than ``value``,
        since its precision is carried over relatively.  Default: ``value``'s own decimal form.

    Examples
    --------
    >>> rounding_half_width(6000, "6,000"), rounding_half_width(74), rounding_half_width(35)
    (500.0, 0.5, 2.5)
    >>> f"{rounding_half_width(74.03, '46'):.3f}"  # 46 miles as written, value in km
    '0.805'
    """
    v = abs(_finite("value", value))
    if text is None or not str(text).strip():
        r = repr(v)
        text = str(int(v)) if v.is_integer() and v < 1e16 else ("" if "e" in r else r)
        if not text:
            return 0.0
    parsed = _written(str(text))
    if parsed is None:  # a number in words
        return WORDS_RELATIVE * v
    written, half = parsed
    if written == 0:
        return half if v == 0 else 0.0
    return half * v / written


def _qualifier_offsets(qualifier: str | None) -> tuple[float, float]:
    if qualifier is None:
        return QUALIFIERS["none"]
    if not isinstance(qualifier, str):
        raise InputError(f"qualifier must be a string or None, got {qualifier!r}")
    key = fold_qualifier(qualifier) or "none"
    try:
        return QUALIFIERS[key]
    except KeyError:
        known = ", ".join(sorted(QUALIFIERS))
        raise InputError(f"unknown qualifier {qualifier!r}; known: {known}") from None


def interval(value: float, qualifier: str | None = None, text: str | None = None) -> tuple[float, float]:
    """The interval ``(low, high)`` a stated non-negative number allows.

    The union of the rounding interval (at least ±:data:`MIN_RELATIVE`) and the qualifier's interval
    from :data:`QUALIFIERS`; ``low`` is never below 0.  Same unit as ``value``.

    Examples
    --------
    >>> interval(6000, text="6,000")
    (5500.0, 6500.0)
    >>> [round(x, 2) for x in interval(74, "about")]
    [66.6, 81.4]
    >>> interval(35, "up to")
    (0.0, 37.5)
    """
    v = _finite("value", value)
    if v < 0:
        raise InputError(f"value must be >= 0 (a distance, area or share), got {value!r}")
    lo_rel, hi_rel = _qualifier_offsets(qualifier)
    r = max(rounding_half_width(v, text), MIN_RELATIVE * v)
    low = min(v - r, v * (1.0 + lo_rel))
    high = max(v + r, v * (1.0 + hi_rel))
    return max(low, 0.0), high


def relative_tolerance(value: float, qualifier: str | None = None, text: str | None = None) -> float:
    """The largest relative deviation from ``value`` that :func:`interval` allows (``inf`` for 0).

    Examples
    --------
    >>> f"{relative_tolerance(6000, text='6,000'):.4f}", relative_tolerance(74, "up to")
    ('0.0833', 1.0)
    """
    low, high = interval(value, qualifier, text)
    v = float(value)
    if v == 0:
        return math.inf
    return max(v - low, high - v) / v


def unit_key(unit: str) -> str:
    """Canonical unit name: "miles" -> "mi", "square kilometres" -> "km2", "sq mi" -> "mi2".

    Any written form of ``data/units.tsv``, with case, spaces, dots and hyphens ignored and a plural "s"
    allowed; anything else raises :class:`~frontmap.errors.InputError` naming the known units.
    """
    if not isinstance(unit, str):
        raise InputError(f"unit must be a string such as 'km' or 'sq mi', got {unit!r}")
    s = fold_unit(unit)
    if s in LENGTH_KM or s in AREA_KM2:
        return s
    if s in _UNIT_ALIASES:
        return _UNIT_ALIASES[s]
    if s.endswith("s") and not s.endswith("ss") and s[:-1] in _UNIT_ALIASES:  # plurals, once
        return _UNIT_ALIASES[s[:-1]]
    known = ", ".join([*LENGTH_KM, *AREA_KM2])
    raise InputError(f"unknown unit {unit!r}; known: {known} (and their usual spellings)")


def factor(from_unit: str, to_unit: str) -> float:
    """Multiply a value in ``from_unit`` by this to get ``to_unit``: ``factor("km", "mi")`` = 0.6214.

    Examples
    --------
    >>> f"{factor('km', 'mi'):.4f}", f"{factor('km2', 'sq mi'):.4f}", factor("ha", "km2")
    ('0.6214', '0.3861', 0.01)
    """
    a, b = unit_key(from_unit), unit_key(to_unit)
    for table in (LENGTH_KM, AREA_KM2):
        if a in table and b in table:
            return table[a] / table[b]
    raise InputError(f"cannot convert {from_unit!r} to {to_unit!r}: one is a length, the other an area")


def conversion_consistent(
    value: float,
    converted: float,
    factor: float,
    text_value: str | None = None,
    text_converted: str | None = None,
) -> tuple[bool, float, float]:
    """Does a stated conversion agree with its figure?  "74 km (46 miles)" -> (True, 1.0004, 0.04).

    Parameters
    ----------
    value, converted : float
        The first figure and its conversion as stated (74 and 46).
    factor : float
        Units of ``converted`` per unit of ``value`` (km -> mi: 0.621371; see :func:`factor`).
    text_value, text_converted : str, optional
        The two numbers as written, for their precision.

    Returns
    -------
    (ok, ratio, tolerance)
        ``ratio = converted / (value × factor)``; ``tolerance`` is the relative rounding of the
        converted figure as written plus :data:`CONVERSION_SLACK` -- the parenthetical is the number
        the reporter computed from the first and rounded; ``ok = |ratio − 1| <= tolerance``.
        ``text_value`` is accepted for symmetry and not used.

    Examples
    --------
    >>> ok, ratio, tol = conversion_consistent(6000, 2400, factor("km2", "mi2"), "6,000", "2,400")
    >>> ok, f"{ratio:.3f}"
    (True, '1.036')
    >>> conversion_consistent(8000, 4970, factor("km2", "mi2"))[0]  # the linear km->mi factor was used
    False
    """
    v = _finite("value", value)
    c = _finite("converted", converted)
    f = _finite("factor", factor)
    if f <= 0:
        raise InputError(f"factor must be > 0, got {factor!r}")
    if v < 0 or c < 0:
        raise InputError(f"value and converted must be >= 0, got {value!r} and {converted!r}")
    expected = v * f
    if expected == 0 or c == 0:
        ok = expected == c
        return ok, (1.0 if ok else math.inf), CONVERSION_SLACK
    ratio = c / expected
    rel = rounding_half_width(c, text_converted) / c
    tolerance = max(rel + CONVERSION_SLACK, CONVERSION_FLOOR)
    return abs(ratio - 1.0) <= tolerance, ratio, tolerance


# ------------------------------------------------------------------------------ places, roads, time
POLICY_COLUMNS = ("name", "value", "unit", "meaning")


def parse_policy(text: str, source: str = "check_policy.tsv") -> Mapping[str, float]:
    """The numbers of a ``check_policy.tsv`` text by name, checked: finite, non-negative, named once."""
    rows = _Rows(text, source, POLICY_COLUMNS)
    out: dict[str, float] = {}
    for name, value, _unit, _meaning in rows:
        rows.check(name not in out, f"{name!r} is listed twice")
        v = rows.number(value, name)
        rows.check(v >= 0, f"{name} must be >= 0, got {value!r}")
        out[name] = v
    return MappingProxyType(out)


@functools.cache
def check_policy() -> Mapping[str, float]:
    """The numbers of ``data/check_policy.tsv`` by name (see the module docstring).

    >>> check_policy()["road_factor_high"], check_policy()["window_held"]
    (1.4, 31.0)
    """
    return parse_policy(_read("check_policy.tsv"))


#: ``(typical, most)`` times the straight line a road distance is (``road_factor_low``, ``road_factor_high``).
ROAD_FACTOR: tuple[float, float] = (check_policy()["road_factor_low"], check_policy()["road_factor_high"])


def short_of_line(value: float) -> float:
    """The longest straight line between two places' points that a stated distance of ``value`` may
    fall short of by ``distance_short`` (a fifth): reporters read maps, round down and measure from
    the near edge of a town.  (A figure above the line is judged by the road band: :func:`distance_basis`.)

    >>> short_of_line(40), short_of_line(5)
    (50.0, 6.25)
    """
    return value / (1.0 - check_policy()["distance_short"])


def place_radius_km(kind: str, population: int = 0, extent_km: float = 0.0) -> float:
    """Radius (km) of the area a place given as a point covers: ``extent_km`` when the gazetteer knows it,
    else that of a town of ``population`` at ``urban_density``, else the ``radius_<kind>`` row (or
    ``radius_other``).

    >>> f"{place_radius_km('settlement', 1_430_000):.1f}", place_radius_km("facility")
    ('10.7', 0.5)
    """
    policy = check_policy()
    if extent_km and extent_km > 0:
        return float(extent_km)
    if kind == "settlement" and population and population > 0:
        return max(policy["radius_settlement"], math.sqrt(population / policy["urban_density"] / math.pi))
    return policy.get(f"radius_{kind}", policy["radius_other"])


def place_slack_km(
    kind: str, population: int = 0, extent_km: float = 0.0, uncertainty_km: float = 0.0
) -> float:
    """How far (km) from its point a distance to a place may have been measured: its radius
    (:func:`place_radius_km`) plus the point's own uncertainty."""
    return place_radius_km(kind, population, extent_km) + max(0.0, uncertainty_km or 0.0)


def distance_basis(
    low: float, high: float, straight: float, slack: float, beyond: float | None = None
) -> str | None:
    """Which distance a stated interval ``low``–``high`` (km) fits, given the straight-line distance between
    the two points and the slack of both ends: ``"straight"`` (as the crow flies), ``"road"`` (longer
    than the straight line, by at most ``road_factor_high`` times it) or None (neither).

    A distance is measured between the places' points or from their edges, so a stated figure may be
    shorter than the straight line by the whole ``slack`` (radii and point uncertainty), but longer by
    ``beyond`` only (the points' uncertainty; ``slack`` when not given): nobody measures from a town's
    far side, and a longer figure is a road distance or wrong.

    >>> straight = 72.3
    >>> [distance_basis(lo, hi, straight, 12.0) for lo, hi in ((73.5, 74.5), (95, 96), (150, 152))]
    ['straight', 'road', None]
    >>> distance_basis(60.5, 61.5, straight, 12.0, beyond=0.0), distance_basis(80, 81, straight, 12.0, 0.0)
    ('straight', 'road')
    """
    beyond = slack if beyond is None else beyond
    if low <= straight + beyond and high >= max(0.0, straight - slack):
        return "straight"
    if high >= straight and low <= ROAD_FACTOR[1] * straight:
        return "road"
    return None


def share_interval(
    value: float, qualifier: str | None = None, text: str | None = None
) -> tuple[float, float]:
    """:func:`interval` for a share (0.2 = a fifth), a fraction in words ("about a fifth") being rough:
    at least ±``rough_fraction`` of it.

    >>> [round(x, 3) for x in share_interval(0.2, "around", "a fifth")]
    [0.17, 0.23]
    """
    low, high = interval(value, qualifier, text)
    if text and not any(ch.isdigit() for ch in text):
        r = check_policy()["rough_fraction"] * value
        low, high = min(low, value - r), max(high, value + r)
    return max(low, 0.0), high


def window_days(topic: str) -> int | None:
    """Days apart two reports about ``topic`` (``regained``, ``captured``, ``held``, ``unknown``, ``extent``)
    may be and still be compared; None (any time) for the size of a place.

    >>> window_days("held"), window_days("size")
    (31, None)
    """
    days = check_policy().get(f"window_{topic}")
    return None if days is None else int(days)


def bound_sense(qualifier: str | None) -> str:
    """``"lower"`` for more than/over/at least..., ``"upper"`` for up to/within/less than..., else
    ``"point"``.

    >>> bound_sense("more than"), bound_sense("within"), bound_sense("about"), bound_sense(None)
    ('lower', 'upper', 'point', 'point')
    """
    try:
        lo, hi = _qualifier_offsets(qualifier)
    except InputError:
        return "point"
    return "upper" if lo <= -1.0 else "lower" if hi >= 0.5 else "point"


def check_interval(
    value: float, qualifier: str | None = None, text: str | None = None, share: bool = False
) -> tuple[float, float]:
    """The interval a stated number allows when it is *checked*: :func:`interval` (or
    :func:`share_interval` for a share), except that a lower bound ("more than", "over", "at least") is
    open above -- the cap at twice the number only keeps drawn shapes finite.  An unknown qualifier is
    read as none.

    >>> check_interval(1000, "over")
    (900.0, inf)
    >>> check_interval(35, "up to")
    (0.0, 37.5)
    """
    try:
        _qualifier_offsets(qualifier)
    except InputError:
        qualifier = None
    low, high = (share_interval if share else interval)(value, qualifier, text)
    return (low, math.inf) if bound_sense(qualifier) == "lower" else (low, high)
