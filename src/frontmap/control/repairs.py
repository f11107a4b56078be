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


def check_crs_member(data: bytes, label: str) -> None:
    """Refuse a GeoJSON ``crs`` member naming a CRS pyproj does not know (GDAL would read it as lon/lat).

    Every ``"crs": {...}`` object with a ``type`` is checked (a property of that name holding
    something else is left alone)."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head != b"{":
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


def _check_axes(polys: list[Any], ids: list[str], label: str) -> None:
    """Refuse maps that touch the expected region only with x and y swapped."""
    import numpy as np
    import shapely

    b = shapely.bounds(np.asarray(polys, dtype=object))
    x0, y0, x1, y1 = REGION_BOUNDS

    def touching(minx: Any, miny: Any, maxx: Any, maxy: Any) -> Any:
        return (maxx >= x0) & (minx <= x1) & (maxy >= y0) & (miny <= y1)

    if touching(b[:, 0], b[:, 1], b[:, 2], b[:, 3]).any():
        return
    if touching(b[:, 1], b[:, 0], b[:, 3], b[:, 2]).all():
        raise ControlMapError(
            f"{label!r}: latitude and longitude look swapped (feature {ids[0]!r} is at "
            f"x {b[0, 0]:g}…{b[0, 2]:g}, y {b[0, 1]:g}…{b[0, 3]:g}: "
            "far from Ukraine as lon/lat, in it as lat/lon); "
            "write coordinates as longitude, latitude (GeoJSON order)"
        )


def _safe_area(geom: Any) -> float:
    """Geodesic km² of a possibly invalid polygon as drawn (0 when it cannot be measured)."""
    try:
        return _area_km2(geom)
    except (FrontmapError, ValueError):
        return 0.0


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
        repaired = _polygonal(shapely.make_valid(polygonal))
        if repaired.is_empty:
            raise ControlMapError(
                f"{label!r}: feature {fid!r} has an invalid polygon that cannot be repaired ({reason}); "
                "fix or remove that feature"
            )
        repairs.append(Repair(fid, f"made valid ({reason})", _safe_area(polygonal), _area_km2(repaired)))
        polygonal = repaired
    return polygonal, repairs


def clean_geometries(
    geoms: list[Any], ids: list[str], label: str, repair: str = "refuse"
) -> tuple[Any, tuple[str, ...], tuple[Repair, ...]]:
    """Union the polygonal parts of ``geoms`` (lon/lat) into one valid 2-D (Multi)Polygon.

    Returns ``(geometry, skipped ids, repairs)``.  Z values are dropped; invalid polygons are repaired
    with ``shapely.make_valid`` keeping the polygonal parts; non-polygon members of collections are
    dropped; features with no geometry or no polygon (``None`` stands for an unreadable one) are
    skipped.  Each repair is recorded; one that changes a feature's area by more than
    :data:`AREA_TOLERANCE` raises :class:`ControlMapError` naming the feature unless ``repair="allow"``.
    """
    import shapely

    polys, kept, skipped, repairs = [], [], [], []
    for geom, fid in zip(geoms, ids, strict=True):
        if geom is None or geom.is_empty:
            skipped.append(fid)
            continue
        geom = shapely.force_2d(geom)
        _check_lonlat(shapely.get_coordinates(geom), fid, label)
        polygonal, done = _repair_one(geom, fid, label)
        if polygonal.is_empty:
            skipped.append(fid)
            continue
        for r in done:
            if r.changes_area and repair != "allow":
                raise ControlMapError(
                    f"{label!r}: feature {fid!r} would change area on repair: {r}; "
                    "fix the feature, or pass repair='allow' to accept the repaired area"
                )
        repairs.extend(done)
        polys.append(polygonal)
        kept.append(fid)
    if not polys:
        what = f" ({len(skipped)} feature(s) without polygons: {', '.join(skipped[:5])})" if skipped else ""
        raise ControlMapError(f"{label!r} holds no polygons{what}; a control map needs polygon features")
    _check_axes(polys, kept, label)
    merged = shapely.union_all(polys) if len(polys) > 1 else polys[0]
    return _polygonal(merged), tuple(skipped), tuple(repairs)
