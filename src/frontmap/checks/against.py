"""Checking area and share claims against reference control maps (``check(..., against=...)``).

``against`` may be a :class:`~frontmap.control.controlmap.ControlMap`, a list of them, a path (a file, or a
directory of dated snapshots), a GeoDataFrame or a shapely geometry, or a list mixing these.  Paths and
other inputs are read with ``ControlMap.read``.

The maps show the territory held by one ``side`` (``"occupied"``, Russian-held, by default).  What a
claim says happened to the ground (its ``change``; when the reader found none, the first phrase of
:data:`CHANGE_PHRASES` in its sentence: "back in Ukrainian hands" is ground *regained*, "Russia captured"
ground *captured*) reads, for occupied-area maps:

==============  ======================================================================================
change          measured
==============  ======================================================================================
``regained``    ``Change.lost_km2``: ground the occupying side lost over the claim's period -- only inside
                the region when the claim names one ("80 km² in the Kherson region"); a retaken area with
                no place named is the whole change
``captured``    ``Change.gained_km2`` over the same period
``held``/None   a share: ``ControlMap.share_of(of)`` of the map nearest in time to the claim's date (on
                either side; how far it is is said); an area: the map's area (within the subject when
                the subject is a region)
``held_by_      a share Ukraine is said to hold ("Kyiv controls less than a fifth of the region"): the
ukraine``       rest of ``of``, ``1 - ControlMap.share_of(of)``, on the same map
==============  ======================================================================================

For maps of Ukraine's side (``side="ukraine"``) ``regained`` and ``captured`` swap and ``held`` is not
checked (the claim does not say who holds the ground).

**The period** of a change is the one the sentence states (:func:`frontmap.checks.periods.claim_period`:
"between 8 and 11 September", "since the beginning of the month", "within four days", "since the
counteroffensive began"), else ``claim.since`` to the article's date, else the week before the article's
date.  The maps compared are the latest on or before the period's start and the first on or after its
end (else the latest before it).  Bounds are bounds (:func:`~frontmap.quantities.tolerance.check_interval`:
"more than 1,000 square miles" allows anything above); a fraction in words is rough.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from typing import Any

from frontmap._dates import to_date
from frontmap.checks.periods import Period, claim_period, gap_words
from frontmap.checks.verdict import Verdict, _verdict, fmt, judged
from frontmap.control.controlmap import Change, ControlMap
from frontmap.control.controlmap import change as diff
from frontmap.errors import FrontmapError, InputError
from frontmap.geometry.geodesic import area_km2
from frontmap.quantities.tolerance import check_interval, check_policy
from frontmap.reading.claims import AreaClaim, Claim, ShareClaim
from frontmap.shapes import place_area_km2

__all__ = [
    "CHANGE_PHRASES",
    "against_checks",
    "bracket",
    "cached_change",
    "claim_change",
    "nearest_map",
    "reference_maps",
]

_UA = r"(?:Ukrainian|Ukraine's|Kyiv's|Ukraine)"
_RU = r"(?:Russia|Russian|Moscow|Russia's|Moscow's)(?:\s+(?:forces|troops|army|units))?"

#: What a sentence says happened to the ground when the reader found no verb: first match wins.
CHANGE_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), change)
    for p, change in (
        (rf"\b(?:back|returned|restored)\s+(?:in(?:to)?|under|to)\s+{_UA}\s+(?:hands|control)", "regained"),
        (rf"\b{_RU}\s+(?:has\s+|have\s+|had\s+)?(?:lost|ceded|abandoned|withdrew\s+from)\b", "regained"),
        (rf"\b{_UA}\s+(?:forces\s+|troops\s+)?(?:has\s+|have\s+|had\s+)?(?:lost|ceded)\b", "captured"),
        (rf"\b{_RU}\s+(?:has\s+|have\s+|had\s+)?(?:captured|seized|taken|took|occupied|gained|overran)\b",
         "captured"),
        (r"\b(?:liberated|liberation|retaken|retook|recaptured|regained|reclaimed|de-?occupied|freed|"
         r"took\s+back|taken\s+back|won\s+back)\b", "regained"),
        (rf"\b{_RU}\s+(?:now\s+|still\s+)?(?:has\s+|have\s+)?(?:occupies|occupied|controls?|holds?|held)\b",
         "held"),
        (r"\bunder\s+(?:Russian|Moscow's|Russia's)\s+(?:control|occupation)\b", "held"),
    )
)  # fmt: skip


def claim_change(c: Claim) -> str | None:
    """What the claim says happened to the ground: the reader's ``change``, else the sentence's phrase."""
    found = getattr(c, "change", None)
    if found is not None:
        return str(found)
    text = c.sentence or c.text
    for pattern, change in CHANGE_PHRASES:
        if pattern.search(text):
            return change
    return None


def reference_maps(against: Any) -> list[Any] | None:
    """The control maps ``against`` describes, dated ones sorted by date; None when ``against`` is None."""
    if against is None:
        return None

    items = [against] if not isinstance(against, list | tuple) else list(against)
    maps: list[ControlMap] = []
    for x in items:
        if isinstance(x, ControlMap):
            maps.append(x)
        elif isinstance(x, str | os.PathLike) and os.path.isdir(x):
            maps += ControlMap.series(os.fspath(x))  # type: ignore[arg-type]
        elif x is None:
            raise InputError("against= holds None; give ControlMaps, paths, GeoDataFrames or geometries")
        else:
            maps.append(ControlMap.read(x))
    if not maps:
        raise InputError("against= is empty; give at least one control map")
    return sorted(maps, key=lambda m: (m.date is None, m.date or _dt.date.min))


def _no(kind: str, c: Claim, why: str) -> Verdict:
    return _verdict(kind, "unverifiable", c, why)


def against_checks(c: Claim, maps: list[Any], context: str = "") -> list[Verdict]:
    """Verdicts of one area or share claim against the control maps ([] for other claims); ``context``
    is the article's text (it picks among campaigns a period is dated by)."""
    if not isinstance(c, AreaClaim | ShareClaim):
        return []
    kind = "area" if isinstance(c, AreaClaim) else "share"
    change = claim_change(c)
    if isinstance(c, AreaClaim) and (change is None or (c.change is None and c.subject is not None)):
        return []  # the size of a place, or an area of unknown status: nothing on a control map
    if isinstance(c, ShareClaim) and (c.of is None or not c.value > 0):
        return [_verdict("share", "unverifiable", c, f"'{c.text}' does not say what it is a share of")]
    side = maps[0].side
    change = change or "held"
    try:
        if change in ("held", "held_by_ukraine"):
            if side != "occupied":
                return [_no(kind, c, f"the control maps show {side!r} ground; "
                                 f"'{c.text}' does not say who holds it")]  # fmt: skip
            return [_held(c, maps)]
        if change in ("regained", "captured"):
            return [_gain(c, maps, change, side, context)]
    except FrontmapError as exc:
        return [_no(kind, c, f"cannot check '{c.text}' against the control maps: {exc}")]
    return []


# ------------------------------------------------------------------------------------------- held
def nearest_map(dated: list[Any], when: _dt.date) -> Any:
    """The dated map nearest in time to ``when``, on either side (the earlier one on a tie)."""
    return min(dated, key=lambda m: (abs((m.date - when).days), m.date > when))


def _held(c: AreaClaim | ShareClaim, maps: list[Any]) -> Verdict:
    kind = "area" if isinstance(c, AreaClaim) else "share"
    dated = [m for m in maps if m.date is not None]
    when = to_date(c.published)
    numbers: dict[str, Any] = {"claim_date": when}
    note = None
    if not dated:
        cm = maps[0]
        label = f"the reference map {cm.name or cm.source or ''}".rstrip()
    elif when is None:
        return _no(kind, c, f"'{c.text}' has no date, so no control map can be chosen")
    else:
        cm = nearest_map(dated, when)
        gap = (cm.date - when).days
        label = f"the control map of {cm.date} ({gap_words(gap)})"
        numbers |= {"map_date": cm.date, "map_gap_days": gap}
        note = "far map" if abs(gap) > check_policy()["map_gap_warn"] else None
    if isinstance(c, ShareClaim):
        assert c.of is not None
        measured, held = cm.share_of(c.of), "held"
        if c.change == "held_by_ukraine":  # the rest of the whole: what the occupied map leaves
            measured, held = 1.0 - measured, "not occupied"
        low, high = check_interval(c.value, c.qualifier, c.value_text, share=True)
        what = f"{label} shows {fmt(measured, 'share')} of {c.of.name} {held}"
        return judged("share", c, c.value, measured, "share", low, high, what, numbers, note)
    measured, where = cm.area_km2(), ""
    s = c.subject
    if s is not None and s.geometry.geom_type in ("Polygon", "MultiPolygon"):
        inter = cm.geometry.intersection(s.geometry)
        measured, where = (area_km2(inter) if not inter.is_empty else 0.0), f" in {s.name}"
    low, high = check_interval(c.km2, c.qualifier, c.value_text)
    what = f"{label} shows {fmt(measured, 'km2')} held{where}"
    return judged("area", c, c.km2, measured, "km2", low, high, what, numbers, note)


# ----------------------------------------------------------------------------------------- change
# Remembered per pair of map objects (kept in the value, so that an id is never reused while cached).
_CHANGES: dict[tuple[int, int], tuple[Any, Any, Change]] = {}
_REGIONAL: dict[tuple[int, int, tuple[str, ...]], tuple[Any, Any, tuple[float, float]]] = {}


def cached_change(before: Any, after: Any) -> Change:
    """:func:`~frontmap.control.controlmap.change`, remembered for the pair (many claims, few maps)."""
    key = (id(before), id(after))
    hit = _CHANGES.get(key)
    if hit is None or hit[0] is not before or hit[1] is not after:
        if len(_CHANGES) > 64:
            _CHANGES.clear()
            _REGIONAL.clear()
        hit = _CHANGES[key] = (before, after, diff(before, after))
    return hit[2]


def _regional(before: Any, after: Any, regions: list[Any]) -> tuple[float, float]:
    """``(gained_km2, lost_km2)`` inside ``regions`` between two maps, remembered."""
    key = (id(before), id(after), tuple(p.id for p in regions))
    hit = _REGIONAL.get(key)
    if hit is None or hit[0] is not before or hit[1] is not after:
        table = cached_change(before, after).by_region(regions=regions)
        hit = _REGIONAL[key] = (
            before,
            after,
            (float(table["gained_km2"].sum()), float(table["lost_km2"].sum())),
        )
    return hit[2]


def bracket(dated: list[Any], period: Period) -> tuple[Any, Any]:
    """The maps a change over ``period`` is measured between: the latest on or before its start, and the
    one nearest its end (on either side; the later on a tie) among those after the first; either None
    when there is none."""
    before = None
    for m in dated:
        if m.date <= period.start:
            before = m
    later = [m for m in dated if before is not None and m.date > before.date]
    if not later:
        return before, None
    return before, min(later, key=lambda m: (abs((m.date - period.end).days), m.date < period.end))


def _regions(c: Claim) -> list[Any]:
    places = list(getattr(c, "places", ()))
    s = getattr(c, "subject", None)
    if s is not None and s.kind == "region":
        places.append(s)
    seen: dict[str, Any] = {}
    for p in places:
        if p.kind == "region" and p.geometry.geom_type in ("Polygon", "MultiPolygon"):
            seen.setdefault(p.id, p)
    return list(seen.values())


def _gain(c: AreaClaim | ShareClaim, maps: list[Any], change: str, side: str, context: str) -> Verdict:
    kind = "area" if isinstance(c, AreaClaim) else "share"
    dated = [m for m in maps if m.date is not None]
    end = to_date(c.published)
    if len(dated) < 2:
        return _no(kind, c, f"'{c.text}' is a change over time; it needs two dated control maps")
    if end is None:
        return _no(kind, c, f"'{c.text}' has no date, so no control maps can be chosen")
    period = claim_period(c.sentence or c.text, end, context, getattr(c, "since", None))
    before, after = bracket(dated, period)
    if before is None:
        return _no(kind, c, f"no control map on or before {period.start} (the start of '{c.text}')")
    if after is None or after.date <= before.date:
        return _no(kind, c, f"no control map after {before.date} to measure '{c.text}'")
    ch = cached_change(before, after)
    lost = (change == "regained") == (side == "occupied")
    km2 = ch.lost_km2 if lost else ch.gained_km2
    verb = "lost" if lost else "gained"
    regions, where = _regions(c), ""
    if regions:  # "retook 80 km2 in the Kherson region": only the change inside the region counts
        gained, lost_in = _regional(before, after, regions)
        km2 = lost_in if lost else gained
        where = " in " + " and ".join(p.name for p in regions)
    said = f"'{period.text}'" if period.stated else "the week before the article, no period being stated"
    what = (f"between the control maps of {before.date} and {after.date} (for {said}) the {side} side {verb} "
            f"{fmt(km2, 'km2')}{where}")  # fmt: skip
    gaps = [(before.date - period.start).days, (after.date - period.end).days]
    numbers: dict[str, Any] = {
        "period": [period.start, period.end],
        "period_text": period.text,
        "period_stated": period.stated,
        "maps": [before.date, after.date],
        "map_gaps_days": gaps,
        "side": side,
        "change": change,
        "regions": [p.name for p in regions],
    }
    note = "far map" if max(abs(g) for g in gaps) > check_policy()["map_gap_warn"] else None
    if isinstance(c, AreaClaim):
        low, high = check_interval(c.km2, c.qualifier, c.value_text)
        return judged("area", c, c.km2, km2, "km2", low, high, what, numbers, note)

    assert c.of is not None
    total = place_area_km2(c.of)
    low, high = check_interval(c.value, c.qualifier, c.value_text, share=True)
    what += f" ({fmt(km2 / total, 'share')} of {c.of.name})"
    return judged("share", c, c.value, km2 / total, "share", low, high, what, numbers, note)
