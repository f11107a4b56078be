"""Checking and repairing the features of a control map, for :mod:`frontmap.control.files`.

Every change made to a feature is recorded as a :class:`Repair` (the feature, what was done, its area
before and after).  A repair that changes a feature's area by more than :data:`AREA_TOLERANCE` is refused
with a :class:`~frontmap.errors.ControlMapError` naming the file and the feature, unless the caller
allows it (``repair="allow"``).  Coordinates that cannot be lon/lat (outside the world, or with latitude
and longitude swapped) and unknown CRSs are refused naming the file and the feature or CRS.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from frontmap.control.measure import _area_km2
from frontmap.errors import ControlMapError, FrontmapError, InputError

__all__ = [
    "AREA_TOLERANCE",
    "REGION_BOUNDS",
    "REPAIR_MODES",
    "Repair",
    "check_crs_member",
    "clean_geometries",
]

#: A repair may change a feature's area by at most this fraction unless ``repair="allow"``.
AREA_TOLERANCE = 0.001
#: ``"refuse"`` (the default): area-changing repairs are errors; ``"allow"``: applied and reported.
REPAIR_MODES = ("refuse", "allow")
#: (min lon, min lat, max lon, max lat) of Ukraine and its neighbours: a control map is expected to touch
#: it.  When no feature does but all would with x and y swapped, the axes are taken to be swapped.
REGION_BOUNDS = (14.0, 43.5, 50.0, 60.0)


@dataclass(frozen=True)
class Repair:
    """One change made to one feature while reading: ``feature`` (its id, name or index), ``action``
    (what was done) and its area in km² ``before`` and ``after``."""

    feature: str
    action: str
    km2_before: float
    km2_after: float

    @property
    def changes_area(self) -> bool:
        """Whether the area changed by more than :data:`AREA_TOLERANCE` (relative)."""
        scale = max(abs(self.km2_before), 1e-9)
        return abs(self.km2_after - self.km2_before) > AREA_TOLERANCE * scale

    def __str__(self) -> str:
        return f"{self.feature}: {self.action} ({self.km2_before:,.1f} → {self.km2_after:,.1f} km²)"


def check_mode(repair: str) -> str:
    if repair not in REPAIR_MODES:
        raise InputError(f"repair must be one of {', '.join(map(repr, REPAIR_MODES))}, not {repair!r}")
    return repair


def check_crs_member(data: Any, label: str) -> None:
    """Refuse a GeoJSON ``crs`` member naming a CRS pyproj does not know (GDAL would read it as lon/lat).

    ``data`` is bytes or a read-only buffer (an ``mmap`` of the file).  Every ``"crs": {...}`` object
    with a ``type`` is checked (a property of that name holding something else is left alone)."""
    if not re.match(rb"[\xef\xbb\xbf \t\r\n]*\{", data):  # not a JSON object
        return
    decoder = json.JSONDecoder()
    for m in re.finditer(rb'"crs"\s*:\s*(?=\{)', data):
        try:
            member, _ = decoder.raw_decode(data[m.end() : m.end() + 10_000].decode("utf-8", "replace"))
        except ValueError:
            continue
        if isinstance(member, dict) and "type" in member:
            _check_crs(member, label)


def _check_crs(member: dict[str, Any], label: str) -> None:
    from pyproj import CRS

    props = member.get("properties")
    name = props.get("name") if isinstance(props, dict) else None
    if member.get("type") != "name" or not isinstance(name, str):
        raise ControlMapError(
            f"{label!r}: cannot understand its 'crs' member {_short(member)}; "
            "give a CRS name such as 'EPSG:4326' or remove the member for lon/lat"
        )
    try:
        CRS.from_user_input(name)
    except Exception as e:  # pyproj.exceptions.CRSError
        raise ControlMapError(
            f"{label!r}: unknown CRS {name!r} in its 'crs' member ({str(e)[:120]}); "
            "give a CRS pyproj knows, or lon/lat (EPSG:4326)"
        ) from None


def _short(value: Any) -> str:
    text = json.dumps(value) if value is not None else "(not a JSON object)"
    return text if len(text) < 120 else text[:117] + "..."


def _polygonal(geom: Any) -> Any:
    """The (Multi)Polygon made of the polygonal parts of ``geom`` (empty MultiPolygon if none)."""
    from shapely.geometry import MultiPolygon, Polygon

    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    parts: list[Any] = []
    for g in getattr(geom, "geoms", ()):
        if isinstance(g, Polygon):
            parts.append(g)
        elif isinstance(g, MultiPolygon):
            parts.extend(g.geoms)
        elif hasattr(g, "geoms"):
            sub = _polygonal(g)
            parts.extend(getattr(sub, "geoms", [sub]) if not sub.is_empty else [])
    if len(parts) == 1:
        return parts[0]
    return MultiPolygon(parts)


def _non_polygonal_members(geom: Any) -> list[str]:
    """Geometry types of the non-polygonal (or empty) members of a collection, nested ones included."""
    out: list[str] = []
    for g in getattr(geom, "geoms", ()):
        if g.geom_type == "GeometryCollection":
            out.extend(_non_polygonal_members(g))
        elif g.geom_type not in ("Polygon", "MultiPolygon") or g.is_empty:
            out.append(g.geom_type)
    return out


def _check_lonlat(coords: Any, fid: str, label: str) -> None:
    import numpy as np

    if not np.isfinite(coords).all():
        raise ControlMapError(f"{label!r}: feature {fid!r} has NaN or infinite coordinates")
    if len(coords) and (np.abs(coords[:, 0]).max() > 180.0 or np.abs(coords[:, 1]).max() > 90.0):
        lo, hi = coords.min(axis=0), coords.max(axis=0)
        raise ControlMapError(
            f"{label!r}: feature {fid!r} has coordinates x {lo[0]:g}…{hi[0]:g}, y {lo[1]:g}…{hi[1]:g} "
            "outside the world: they are not lon/lat degrees; "
            "give the file a CRS or reproject it to EPSG:4326"
        )


def _check_axes(polys: Any, first: str, label: str) -> None:
    """Refuse maps that touch the expected region only with x and y swapped."""
    import shapely

    b = shapely.bounds(polys)
    x0, y0, x1, y1 = REGION_BOUNDS

    def touching(minx: Any, miny: Any, maxx: Any, maxy: Any) -> Any:
        return (maxx >= x0) & (minx <= x1) & (maxy >= y0) & (miny <= y1)

    if touching(b[:, 0], b[:, 1], b[:, 2], b[:, 3]).any():
        return
    if touching(b[:, 1], b[:, 0], b[:, 3], b[:, 2]).all():
        raise ControlMapError(
            f"{label!r}: latitude and longitude look swapped (feature {first!r} is at "
            f"x {b[0, 0]:g}…{b[0, 2]:g}, y {b[0, 1]:g}…{b[0, 3]:g}: "
            "far from Ukraine as lon/lat, in it as lat/lon); "
            "write coordinates as longitude, latitude (GeoJSON order)"
        )


def _safe_area(geom: Any) -> float:
    """Geodesic km² of a possibly invalid polygon as a plain reading sees it (0 when it cannot be
    measured): its rings traced as GEOS traces them (``buffer(0)``), so a hole lying outside its shell
    is no hole and a bow-tie counts one of its loops, as pyproj or GIS software would have reported."""
    import shapely

    try:
        return _area_km2(shapely.buffer(geom, 0))
    except (FrontmapError, ValueError, shapely.errors.GEOSException):
        return 0.0


def _made_valid(polygonal: Any) -> Any:
    """The polygonal part of ``shapely.make_valid(polygonal)``; when GEOS cannot repair the whole (a
    MultiPolygon with a part collapsed to a point: "Overlay input is mixed-dimension"), each part is
    repaired alone and the results unioned (empty when nothing polygonal is left)."""
    import shapely
    from shapely.geometry import MultiPolygon

    try:
        return _polygonal(shapely.make_valid(polygonal))
    except shapely.errors.GEOSException:
        pass
    parts = []
    for part in getattr(polygonal, "geoms", [polygonal]):
        try:
            fixed = _polygonal(shapely.make_valid(part))
        except shapely.errors.GEOSException:
            continue
        if not fixed.is_empty:
            parts.append(fixed)
    if not parts:
        return MultiPolygon()
    return _polygonal(shapely.union_all(parts))


def _repair_one(geom: Any, fid: str, label: str) -> tuple[Any, list[Repair]]:
    """The polygonal part of one feature, made valid, and the repairs that took."""
    import shapely

    repairs: list[Repair] = []
    polygonal = _polygonal(geom)
    if polygonal.is_empty:
        return polygonal, repairs
    dropped = _non_polygonal_members(geom) if geom.geom_type == "GeometryCollection" else []
    if dropped:
        km2 = _area_km2(polygonal)
        what = ", ".join(sorted(set(dropped)))
        repairs.append(Repair(fid, f"dropped {len(dropped)} non-polygon member(s) ({what})", km2, km2))
    if not polygonal.is_valid:
        reason = shapely.is_valid_reason(polygonal)
        repaired = _made_valid(polygonal)
        if repaired.is_empty:
            raise ControlMapError(
                f"{label!r}: feature {fid!r} has an invalid polygon that cannot be repaired ({reason}); "
                "fix or remove that feature"
            )
        repairs.append(Repair(fid, f"made valid ({reason})", _safe_area(polygonal), _area_km2(repaired)))
        polygonal = repaired
    return polygonal, repairs


def _clean_one(geom: Any, fid: str, label: str, repair: str) -> tuple[Any, list[Repair]]:
    """One feature the fast checks did not pass: its usable polygonal part (None to skip it) and its
    repairs; raises when its coordinates are not lon/lat or a refused repair changes its area."""
    import shapely

    if geom is None or geom.is_empty:
        return None, []
    geom = shapely.force_2d(geom)
    _check_lonlat(shapely.get_coordinates(geom), fid, label)
    polygonal, done = _repair_one(geom, fid, label)
    if polygonal.is_empty:
        return None, []
    for r in done:
        if r.changes_area and repair != "allow":
            raise ControlMapError(
                f"{label!r}: feature {fid!r} would change area on repair: {r}; "
                "fix the feature, or pass repair='allow' to accept the repaired area"
            )
    return polygonal, done


def _as_array(geoms: Any) -> Any:
    import numpy as np

    arr = np.empty(len(geoms), dtype=object)
    arr[:] = list(geoms) if not isinstance(geoms, np.ndarray) else geoms
    return arr


def _plain(arr: Any) -> Any:
    """A mask of the features that need no work (checked in bulk): non-empty, valid, 2-D Polygons or
    MultiPolygons with every coordinate a finite lon/lat.  Z values are dropped first, in place."""
    import numpy as np
    import shapely

    has_z = shapely.has_z(arr)
    if has_z.any():
        arr[has_z] = shapely.force_2d(arr[has_z])
    type_id = shapely.get_type_id(arr)
    ok = (type_id == 3) | (type_id == 6)
    bounds = shapely.bounds(arr)
    with np.errstate(invalid="ignore"):  # NaN bounds (no coordinates) compare False
        ok &= (np.abs(bounds[:, [0, 2]]) <= 180.0).all(axis=1)
        ok &= (np.abs(bounds[:, [1, 3]]) <= 90.0).all(axis=1)
    rows = np.flatnonzero(ok)
    ok[rows] = shapely.is_valid(arr[rows]) & ~shapely.is_empty(arr[rows])
    return ok


#: Unions of at least this many polygons first try GEOS's coverage union, many times faster than the
#: general union when the polygons tile without overlaps (a map cut into many features).
COVERAGE_MIN = 1_000


def _coverage_union(polys: Any) -> Any:
    """The union of ``polys`` by coverage union, or None unless the result is certainly right: valid,
    and exactly as large as the polygons together (overlaps, duplicates and edges drawn differently
    on the two sides make it invalid or change its area)."""
    import shapely

    if not len(polys):
        return None
    try:
        merged = shapely.coverage_union_all(polys)
    except shapely.errors.GEOSException:
        return None
    total = float(shapely.area(polys).sum())
    if not merged.is_valid or abs(merged.area - total) > 1e-9 * max(total, 1e-300):
        return None
    return merged


def _union(polys: Any, plain: Any) -> Any:
    """The union of valid polygons.  Many polygons: the ones that tile cleanly are merged by coverage
    union (first the ``plain`` ones, that needed no repair; else those GEOS finds no invalid coverage
    edge on) and the few others added by the general union; the general union alone otherwise."""
    import shapely

    if len(polys) == 1:
        return polys[0]
    if len(polys) < COVERAGE_MIN or not hasattr(shapely, "coverage_invalid_edges"):
        return shapely.union_all(polys)
    for tiled in (plain, None):
        if tiled is None:
            try:
                tiled = shapely.is_empty(shapely.coverage_invalid_edges(polys))
            except shapely.errors.GEOSException:
                break
        core = _coverage_union(polys[tiled])
        if core is not None:
            return shapely.union_all([core, *polys[~tiled]]) if not tiled.all() else core
    return shapely.union_all(polys)


def clean_geometries(
    geoms: Any,
    ids: Sequence[str],
    label: str,
    repair: str = "refuse",
    stage: Callable[[str], None] | None = None,
) -> tuple[Any, tuple[str, ...], tuple[Repair, ...]]:
    """Union the polygonal parts of ``geoms`` (lon/lat) into one valid 2-D (Multi)Polygon.

    Returns ``(geometry, skipped ids, repairs)``.  Z values are dropped; invalid polygons are repaired
    with ``shapely.make_valid`` keeping the polygonal parts; non-polygon members of collections are
    dropped; features with no geometry or no polygon (``None`` stands for an unreadable one) are
    skipped.  Each repair is recorded; one that changes a feature's area by more than
    :data:`AREA_TOLERANCE` raises :class:`ControlMapError` naming the feature unless ``repair="allow"``.

    ``geoms`` may be a list or an object array; ``ids`` any sequence of labels (looked up only for
    the features named in a message, a repair or the skipped list).  Plain valid polygons are checked
    in bulk; only the others go through the per-feature checks and repairs, in file order (so the
    first bad feature is the one named).  ``stage`` is told when the merging starts (for a progress bar).
    """
    import numpy as np
    import shapely

    arr = _as_array(geoms)
    plain = _plain(arr)
    clean = arr.copy()
    clean[~plain] = None
    skipped, repairs = [], []
    for row in np.flatnonzero(~plain).tolist():
        polygonal, done = _clean_one(arr[row], ids[row], label, repair)
        if polygonal is None:
            skipped.append(ids[row])
        else:
            clean[row] = polygonal
            repairs.extend(done)
    kept = np.flatnonzero(~shapely.is_missing(clean))
    if not len(kept):
        what = f" ({len(skipped)} feature(s) without polygons: {', '.join(skipped[:5])})" if skipped else ""
        raise ControlMapError(f"{label!r} holds no polygons{what}; a control map needs polygon features")
    polys = clean[kept]
    _check_axes(polys, ids[int(kept[0])], label)
    if stage is not None:
        stage(f"merging {len(polys):,} polygons")
    return _polygonal(_union(polys, plain[kept])), tuple(skipped), tuple(repairs)
