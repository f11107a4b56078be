"""Checking area and share claims against reference control maps (``check(..., against=...)``).

``against`` may be a :class:`~frontmap.control.controlmap.ControlMap`, a list of them, a path (a file, or a
directory of dated snapshots), a GeoDataFrame or a shapely geometry, or a list mixing these.  Paths and
other inputs are read with ``ControlMap.read``.

The maps show the territory held by one ``side`` (``"occupied"``, Russian-held, by default).  A claim's
change reads, for occupied-area maps:

==============  ======================================================================================
change          measured
==============  ======================================================================================
``regained``    ``Change.lost_km2`` between the map in force at the window's start and the first map on
                or after its end (:func:`~frontmap.control.controlmap.between`): ground the occupier lost --
                only inside the region when the claim names one ("80 km² in the Kherson region")
``captured``    ``Change.gained_km2`` over the same window
``held``/None   a share: ``ControlMap.share_of(of)`` of the map in force on the claim's date; an area:
                the map's area (within the subject when the subject is a region)
==============  ======================================================================================

For maps of Ukraine's side (``side="ukraine"``) ``regained`` and ``captured`` swap and ``held`` is not
checked (the claim does not say who holds the ground).

**The window** of a gain is ``claim.since`` (when the sentence gives a start) or :data:`DEFAULT_WINDOW_DAYS`
before the claim's ``published`` date, to ``published``.  A claim without date is unverifiable against
dated maps.  A single undated map is taken as the reference for any date (held claims only).
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any

from frontmap._dates import to_date
from frontmap.checks.verdict import Verdict, _verdict, fmt, judged, safe_interval
from frontmap.control.controlmap import ControlMap, at, between
from frontmap.control.controlmap import change as diff
from frontmap.errors import FrontmapError, InputError
from frontmap.geometry.geodesic import area_km2
from frontmap.reading.claims import AreaClaim, Claim, ShareClaim
from frontmap.shapes import place_area_km2

__all__ = ["DEFAULT_WINDOW_DAYS", "against_checks", "reference_maps"]

#: Days before ``published`` a gain is measured from when the claim gives no start date.
DEFAULT_WINDOW_DAYS = 7


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


def against_checks(c: Claim, maps: list[Any]) -> list[Verdict]:
    """Verdicts of one area or share claim against the control maps ([] for other claims)."""
    if not isinstance(c, AreaClaim | ShareClaim):
        return []
    kind = "area" if isinstance(c, AreaClaim) else "share"
    if isinstance(c, AreaClaim) and c.change is None:
        return []  # the size of a place, or an area of unknown status: nothing on a control map
    if isinstance(c, ShareClaim) and (c.of is None or not c.value > 0):
        return [_verdict("share", "unverifiable", c, f"'{c.text}' does not say what it is a share of")]
    side = maps[0].side
    change = c.change or "held"
    try:
        if change == "held":
            if side != "occupied":
                return [_no(kind, c, f"the control maps show {side!r} ground; "
                                 f"'{c.text}' does not say who holds it")]  # fmt: skip
            return [_held(c, maps)]
        if change in ("regained", "captured"):
            return [_gain(c, maps, change, side)]
    except FrontmapError as exc:
        return [_no(kind, c, f"cannot check '{c.text}' against the control maps: {exc}")]
    return []


def _held(c: AreaClaim | ShareClaim, maps: list[Any]) -> Verdict:
    kind = "area" if isinstance(c, AreaClaim) else "share"
    dated = [m for m in maps if m.date is not None]
    when = to_date(c.published)
    if not dated:
        cm = maps[0]
        label = f"the reference map {cm.name or cm.source or ''}".rstrip()
    elif when is None:
        return _no(kind, c, f"'{c.text}' has no date, so no control map can be chosen")
    else:
        cm = at(dated, when)
        if cm is None:
            return _no(kind, c, f"no control map on or before {when} for '{c.text}'")
        label = f"the control map of {cm.date}"
    if isinstance(c, ShareClaim):
        assert c.of is not None
        measured = cm.share_of(c.of)
        low, high = safe_interval(c.value, c.qualifier, c.value_text)
        what = f"{label} shows {fmt(measured, 'share')} of {c.of.name} held"
        return judged("share", c, c.value, measured, "share", low, high, what)
    measured, where = cm.area_km2(), ""
    s = c.subject
    if s is not None and s.geometry.geom_type in ("Polygon", "MultiPolygon"):
        inter = cm.geometry.intersection(s.geometry)
        measured, where = (area_km2(inter) if not inter.is_empty else 0.0), f" in {s.name}"
    low, high = safe_interval(c.km2, c.qualifier, c.value_text)
    what = f"{label} shows {fmt(measured, 'km2')} held{where}"
    return judged("area", c, c.km2, measured, "km2", low, high, what)


def _gain(c: AreaClaim | ShareClaim, maps: list[Any], change: str, side: str) -> Verdict:
    kind = "area" if isinstance(c, AreaClaim) else "share"
    dated = [m for m in maps if m.date is not None]
    end = to_date(c.published)
    if len(dated) < 2:
        return _no(kind, c, f"'{c.text}' is a change over time; it needs two dated control maps")
    if end is None:
        return _no(kind, c, f"'{c.text}' has no date, so no control maps can be chosen")
    since = getattr(c, "since", None)
    start = since if since is not None and since < end else end - _dt.timedelta(days=DEFAULT_WINDOW_DAYS)
    before, after = between(dated, start, end)
    if before is None:
        return _no(kind, c, f"no control map on or before {start} (the start of '{c.text}')")
    if after is None:
        after = at(dated, end)
    if after is None or after.date is None or before.date is None or after.date <= before.date:
        return _no(kind, c, f"no control map after {before.date} to measure '{c.text}'")
    ch = diff(before, after)
    lost = (change == "regained") == (side == "occupied")
    km2 = ch.lost_km2 if lost else ch.gained_km2
    verb = "lost" if lost else "gained"
    where = ""
    regions = [p for p in getattr(c, "places", ()) if p.kind == "region"]
    if regions:  # "retook 80 km2 in the Kherson region": only the change inside the region counts
        per_region = ch.by_region(regions=regions)
        km2 = float(per_region["lost_km2" if lost else "gained_km2"].sum())
        where = " in " + " and ".join(p.name for p in regions)
    what = (
        f"between the control maps of {before.date} and {after.date} the {side} side {verb} "
        + fmt(km2, "km2")
        + where
    )
    if isinstance(c, AreaClaim):
        low, high = safe_interval(c.km2, c.qualifier, c.value_text)
        return judged("area", c, c.km2, km2, "km2", low, high, what)

    assert c.of is not None
    total = place_area_km2(c.of)
    low, high = safe_interval(c.value, c.qualifier, c.value_text)
    what += f" ({fmt(km2 / total, 'share')} of {c.of.name})"
    return judged("share", c, c.value, km2 / total, "share", low, high, what)
