"""Cross-claim consistency: two reports of the same distance or the same territory, side by side.

**Same distance** -- two distance claims with the same anchor place, in the same article or not, and

- the same subject place when both name one (two different towns may well lie at different distances);
- the same direction: both without one, or bearings no further apart than the wider half-angle of the
  two ("E" and "ENE" match, "E" and "NE" do not); a claim without direction matches one with a
  direction only when both name the same subject;
- when neither names a subject, both bounds of the same sense -- the extent of an advance ("towns up
  to 35 km east of Kyiv", "within 30 km of the city") -- published within :data:`EXTENT_WINDOW_DAYS` of
  each other, since such extents move.  Two plain figures without subjects ("about 21 km west-northwest
  of Kyiv", "about 29 km north-west of Kyiv") usually locate two different, unnamed places, so they
  are not compared.

**Same territory** -- an area or share claim is about a *topic*: the place (a share's ``of``, an area's
``subject``, an unnamed territory when there is none) and what happened to it (``change``: regained,
captured, held; a share with no verb counts as held).  An area with no change but a subject is the
*size* of that place ("Ukraine's 600,000 km²").  Two claims are compared when

- they come from different articles (within one article two figures are normally two territories or
  two moments: "a fifth now, 7% before 2022");
- their topics match (an area with no subject matches a share of any place with the same change; its
  km² are compared with the share times the place's area);
- they list places that changed hands, both of them, and these share a place or an oblast (else they
  are two fronts);
- they were published within :data:`TERRITORY_WINDOW_DAYS` of each other (gains grow daily, holdings
  slowly, sizes never change); unknown dates do not exclude.

Two numbers agree when the intervals :func:`~frontmap.quantities.tolerance.interval` gives them overlap.
When both
are bounds of the same sense ("up to 21 miles" and "up to 35 km") the bound qualifier is dropped and
the numbers themselves compared; a bound against a plain figure only requires the figure on the right
side of it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Any

from frontmap._dates import to_date
from frontmap.checks.verdict import Verdict, _verdict, fmt, quote, safe_interval
from frontmap.errors import FrontmapError
from frontmap.geometry.geodesic import bearing_of
from frontmap.quantities.tolerance import QUALIFIERS, direction_half_angle
from frontmap.reading.claims import AreaClaim, Claim, DistanceClaim, ShareClaim
from frontmap.shapes import place_area_km2

__all__ = ["EXTENT_WINDOW_DAYS", "TERRITORY_WINDOW_DAYS", "pair_checks"]

#: Days apart two subject-less distance claims (extents of an advance) may be published and still compared.
EXTENT_WINDOW_DAYS = 7
#: Days apart two territory claims may be published and still compared, by change; None: any time.
TERRITORY_WINDOW_DAYS: dict[str, int | None] = {"regained": 2, "captured": 2, "held": 31, "size": None,
                                                "unknown": 2}  # fmt: skip


def pair_checks(groups: list[tuple[Claim, ...]]) -> list[Verdict]:
    """``consistency`` verdicts for every pair of claims that report the same thing."""
    items = [(gi, c) for gi, claims in enumerate(groups) for c in claims]
    out: list[Verdict] = []
    by_anchor: dict[str, list[DistanceClaim]] = defaultdict(list)
    for _, c in items:
        if isinstance(c, DistanceClaim) and c.anchor is not None and c.km > 0:
            by_anchor[c.anchor.id].append(c)
    for distances in by_anchor.values():
        for a, b in combinations(distances, 2):
            try:
                if _same_distance(a, b):
                    out.append(_compare_distances(a, b))
            except FrontmapError:  # a malformed claim is reported by its own checks
                continue
    by_change: dict[str, list[tuple[int, Claim, tuple[str, str | None]]]] = defaultdict(list)
    for gi, c in items:
        t = topic(c)
        if t is not None:
            by_change[t[0]].append((gi, c, t))
    for territories in by_change.values():
        for (ga, x, tx), (gb, y, ty) in combinations(territories, 2):
            try:
                v = _compare_territory(x, y) if ga != gb and _same_territory(x, tx, y, ty) else None
            except FrontmapError:
                continue
            if v is not None:
                out.append(v)
    return out


# ------------------------------------------------------------------------------------------ helpers
def _bound(q: str | None) -> str:
    """ "upper" for up to/within/less than..., "lower" for more than/at least..., else "point"."""
    lo, hi = QUALIFIERS.get(" ".join((q or "none").lower().split()), (0.0, 0.0))
    return "upper" if lo <= -1.0 else "lower" if hi >= 0.5 else "point"


def _intervals(
    va: float, qa: str | None, ta: str, vb: float, qb: str | None, tb: str
) -> tuple[tuple[float, float], tuple[float, float], bool]:
    """The two intervals to compare and whether they agree (see the module docstring)."""
    ka, kb = _bound(qa), _bound(qb)
    if ka == kb and ka != "point":
        qa = qb = None  # "up to 21 miles" vs "up to 35 km": compare the bounds themselves
    ia, ib = safe_interval(va, qa, ta), safe_interval(vb, qb, tb)
    ok = ia[0] <= ib[1] and ib[0] <= ia[1]
    return ia, ib, ok


def _rel(v: float, iv: tuple[float, float]) -> float:
    return max(v - iv[0], iv[1] - v) / v if v else math.inf


def _within(a: Claim, b: Claim, days: int | None) -> bool:
    da, db = to_date(a.published), to_date(b.published)
    if days is None or da is None or db is None:
        return True
    return abs((da - db).days) <= days


def _consistency(a: Claim, b: Claim, ok: bool, head: str, va: float, vb: float, unit: str, tol: float,
                 ia: tuple[float, float], ib: tuple[float, float]) -> Verdict:  # fmt: skip
    if ok:
        tail = "agree"
    else:
        tail = f"disagree: allowed {_pair(ia, unit)} and {_pair(ib, unit)} do not overlap"
    return _verdict(
        "consistency",
        "consistent" if ok else "inconsistent",
        a,
        f"{head} {tail}",
        other=b,
        stated=va,
        measured=vb,
        unit=unit,
        ratio=vb / va if va else None,
        tolerance=tol,
    )


def _pair(iv: tuple[float, float], unit: str) -> str:
    return f"{fmt(iv[0], unit).split(' ')[0]}–{fmt(iv[1], unit)}"


# ----------------------------------------------------------------------------------------- distance
def _same_distance(a: DistanceClaim, b: DistanceClaim) -> bool:
    if a.subject is not None and b.subject is not None and a.subject != b.subject:
        return False
    named = a.subject is not None and a.subject == b.subject
    if (a.direction is None) != (b.direction is None):
        return named
    if a.direction is not None and b.direction is not None:
        try:
            diff = abs((bearing_of(a.direction) - bearing_of(b.direction) + 180.0) % 360.0 - 180.0)
            if diff > max(direction_half_angle(a.direction), direction_half_angle(b.direction)):
                return False
        except FrontmapError:
            return False
    if named:
        return True
    extent = _bound(a.qualifier) == _bound(b.qualifier) != "point"
    return extent and _within(a, b, EXTENT_WINDOW_DAYS)


def _compare_distances(a: DistanceClaim, b: DistanceClaim) -> Verdict:
    ia, ib, ok = _intervals(a.km, a.qualifier, a.value_text, b.km, b.qualifier, b.value_text)
    assert a.anchor is not None
    where = f"{a.direction} of " if a.direction else "from "
    head = f"{quote(a)} ({fmt(a.km, 'km')}) and {quote(b)} ({fmt(b.km, 'km')}), both {where}{a.anchor.name},"
    return _consistency(a, b, ok, head, a.km, b.km, "km", _rel(a.km, ia) + _rel(b.km, ib), ia, ib)


# ---------------------------------------------------------------------------------------- territory
def topic(c: Claim) -> tuple[str, str | None] | None:
    """``(change, place id)`` an area or share claim is about, or None when it is about nothing known.

    >>> topic(ShareClaim("a fifth", 0, 7, value=0.2)) is None
    True
    """
    if isinstance(c, ShareClaim):
        if c.of is None or not c.value > 0:
            return None
        return (c.change or "held", c.of.id)
    if isinstance(c, AreaClaim) and c.km2 > 0:
        if c.change is None:
            return ("size", c.subject.id) if c.subject is not None else ("unknown", None)
        return (c.change, c.subject.id if c.subject is not None else None)
    return None


def _same_territory(a: Claim, ta: tuple[str, str | None], b: Claim, tb: tuple[str, str | None]) -> bool:
    if ta[0] != tb[0]:
        return False
    if ta[1] != tb[1]:
        # an area with no subject may be compared with a share of some place
        loose = (isinstance(a, AreaClaim) and ta[1] is None and isinstance(b, ShareClaim)) or (
            isinstance(b, AreaClaim) and tb[1] is None and isinstance(a, ShareClaim)
        )
        if not loose:
            return False
        area, part = (a, b) if isinstance(a, AreaClaim) else (b, a)
        if isinstance(area, AreaClaim) and isinstance(part, ShareClaim) and _whole(area, part.of):
            return False
    pa, pb = getattr(a, "places", ()), getattr(b, "places", ())
    if pa and pb:
        ka = {p.id for p in pa} | {p.admin1 for p in pa if p.admin1}
        kb = {p.id for p in pb} | {p.admin1 for p in pb if p.admin1}
        if not ka & kb:
            return False
    sa, sb = getattr(a, "since", None), getattr(b, "since", None)
    window = TERRITORY_WINDOW_DAYS.get(ta[0], 2)
    if sa is not None and sb is not None and window is not None and abs((sa - sb).days) > window:
        return False
    return _within(a, b, window)


def _whole(area: AreaClaim, place: Any) -> bool:
    """Is an area with no subject as large as the place a share is of?  Then it is most likely that
    place's own size ("some 600,000 km²" next to "a fifth of Ukraine"), not a part of it."""
    try:
        total = place_area_km2(place)
    except FrontmapError:
        return False
    low, high = safe_interval(area.km2, area.qualifier, area.value_text)
    return area.km2 >= total or low <= total <= high


def _as_km2(c: Claim, strip: bool) -> tuple[float, float, float] | None:
    """``(km2, low, high)`` of an area claim, or of a share claim via the area of ``of``; ``strip``
    drops the qualifier (two bounds of the same sense)."""
    q = None if strip else c.qualifier  # type: ignore[attr-defined]
    if isinstance(c, AreaClaim):
        return (c.km2, *safe_interval(c.km2, q, c.value_text))
    assert isinstance(c, ShareClaim) and c.of is not None
    try:
        total = place_area_km2(c.of)
    except FrontmapError:
        return None
    lo, hi = safe_interval(c.value, q, c.value_text)
    return c.value * total, lo * total, hi * total


_ABOUT = {"size": "the size of", "held": "held in", "regained": "regained in", "captured": "captured in"}


def _about(a: Claim, b: Claim, change: str) -> str:
    """What two claims are both about: "held in Ukraine", "the size of Ukraine", "regained territory"."""
    place = None
    for c in (a, b):
        place = place or getattr(c, "of", None) or getattr(c, "subject", None)
    if place is not None:
        return f"{_ABOUT.get(change, change)} {place.name}"
    return "an unnamed area" if change == "unknown" else f"{change} territory"


def _compare_territory(a: Claim, b: Claim) -> Verdict | None:
    t = topic(a)
    assert t is not None
    about = _about(a, b, t[0])
    if isinstance(a, ShareClaim) and isinstance(b, ShareClaim):
        ia, ib, ok = _intervals(a.value, a.qualifier, a.value_text, b.value, b.qualifier, b.value_text)
        va, vb, unit = a.value, b.value, "share"
    elif isinstance(a, AreaClaim) and isinstance(b, AreaClaim):
        ia, ib, ok = _intervals(a.km2, a.qualifier, a.value_text, b.km2, b.qualifier, b.value_text)
        va, vb, unit = a.km2, b.km2, "km2"
    else:
        strip = _bound(a.qualifier) == _bound(b.qualifier) != "point"  # type: ignore[attr-defined]
        xa, xb = _as_km2(a, strip), _as_km2(b, strip)
        if xa is None or xb is None:
            return None
        (va, *la), (vb, *lb), unit = xa, xb, "km2"
        ia, ib = (la[0], la[1]), (lb[0], lb[1])
        ok = ia[0] <= ib[1] and ib[0] <= ia[1]
    head = f"{quote(a)} and {quote(b)}, both {about}, give {fmt(va, unit)} and {fmt(vb, unit)}:"
    return _consistency(a, b, ok, head, va, vb, unit, _rel(va, ia) + _rel(vb, ib), ia, ib)
