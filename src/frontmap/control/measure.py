"""Geometry helpers shared by the control modules (:mod:`~frontmap.control.controlmap`,
:mod:`~frontmap.control.inferred`).

Geodesic areas and lengths of lon/lat shapes whose long edges are straight on the map (areas from
:mod:`frontmap.geometry.areas`, right across the antimeridian), a local
equal-area projection for buffers and snapping, the default country and oblast polygons from the
gazetteer, and areas per region.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from frontmap.errors import InputError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import area_km2, length_km

#: Straight lon/lat edges longer than this (degrees) are split before geodesic/projected maths, so that
#: a long edge is treated as straight on the map (as GeoJSON means it), not as a geodesic.
_SEGMENT_DEG = 0.05


# ----------------------------------------------------------------------------------- metric helpers
def _area_km2(geom: Any) -> float:
    """Geodesic area (km², WGS84) of a lon/lat polygonal geometry, edges straight in lon/lat; 0 if empty.

    Measured by :func:`frontmap.geometry.area_km2` as drawn (its area is exact for such edges, so no
    densifying): an edge spanning more than 180° of longitude crosses the antimeridian the short way,
    a ring round a pole bounds the smaller cap.
    """
    if geom is None or geom.is_empty:
        return 0.0
    return area_km2(geom)


def _length_km(geom: Any) -> float:
    """Geodesic length (km, WGS84) of a lon/lat linear geometry, edges straight in lon/lat; 0 if empty."""
    import shapely

    if geom is None or geom.is_empty:
        return 0.0
    return length_km(shapely.segmentize(geom, _SEGMENT_DEG))


@lru_cache(maxsize=32)
def _laea(lon0: float, lat0: float) -> tuple[Any, Any]:
    """Transformers lon/lat → Lambert azimuthal equal-area (metres) centred on (lon0, lat0), and back."""
    from pyproj import CRS, Transformer

    crs = CRS.from_proj4(f"+proj=laea +lat_0={lat0} +lon_0={lon0} +x_0=0 +y_0=0 +ellps=WGS84 +units=m")
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    return fwd, inv


def metric_projection(geom: Any) -> tuple[Any, Any]:
    """``(to_metric, to_lonlat)``: functions projecting lon/lat geometries to a LAEA plane in metres
    centred on ``geom`` (rounded to 0.5°, so nearby geometries share a plane), and back.
    Long edges are split first so they stay straight in lon/lat."""
    import shapely

    c = geom.centroid if not geom.is_empty else None
    lon0 = round(c.x * 2) / 2 if c is not None else 0.0
    lat0 = round(c.y * 2) / 2 if c is not None else 0.0
    fwd, inv = _laea(lon0, lat0)

    def to_metric(g: Any) -> Any:
        return shapely.transform(shapely.segmentize(g, _SEGMENT_DEG), lambda xy: _apply(fwd, xy))

    def to_lonlat(g: Any) -> Any:
        return shapely.transform(g, lambda xy: _apply(inv, xy))

    return to_metric, to_lonlat


def _apply(transformer: Any, xy: Any) -> Any:
    import numpy as np

    x, y = transformer.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


def _lines_only(geom: Any) -> Any:
    """The linear parts of ``geom`` merged into a (Multi)LineString (an empty MultiLineString if none)."""
    import shapely
    from shapely.geometry import LineString, MultiLineString

    parts: list[Any] = []
    stack = [geom]
    while stack:
        g = stack.pop()
        if isinstance(g, LineString):
            if not g.is_empty:
                parts.append(g)
        elif isinstance(g, MultiLineString):
            parts.extend(p for p in g.geoms if not p.is_empty)
        elif hasattr(g, "geoms"):
            stack.extend(g.geoms)
    if not parts:
        return MultiLineString()
    return shapely.line_merge(MultiLineString(parts))


# ---------------------------------------------------------------------------------- default geometry
@cache
def _gazetteer() -> Any:
    return Gazetteer()


def _default_country() -> Any:
    return _gazetteer().country("UA").geometry


def _resolve_geometry(place: Any, what: str = "place") -> Any:
    """A shapely geometry from a place name, :class:`Place`, shapely geometry or ``(lon, lat)``."""
    from shapely.geometry import Point
    from shapely.geometry.base import BaseGeometry

    if isinstance(place, BaseGeometry):
        return place
    if isinstance(place, Place):
        return place.geometry
    if isinstance(place, str):
        if not place.strip():
            raise InputError(f"empty {what} name {place!r}; give a name such as 'Ukraine' or 'Izium'")
        if place.strip().lower() in ("ukraine", "ua"):
            return _default_country()
        return _gazetteer().resolve(place).geometry
    if isinstance(place, tuple) and len(place) == 2 and all(isinstance(v, (int, float)) for v in place):
        return Point(float(place[0]), float(place[1]))
    raise InputError(
        f"cannot use {place!r} as a {what}; give a name, a Place, a shapely geometry or a (lon, lat) tuple"
    )


def _regions(regions: Any) -> list[tuple[str, Any]]:
    """``[(name, geometry)]`` from a GeoDataFrame (column ``name``), a mapping, (name, geom) pairs or
    Places; the gazetteer's admin-1 regions of Ukraine when None."""
    if regions is None:
        return _default_regions()
    if hasattr(regions, "geometry") and hasattr(regions, "columns"):
        cols = {str(c).lower(): c for c in regions.columns}
        name_col = cols.get("name")
        if name_col is None:
            raise InputError(f"regions GeoDataFrame needs a 'name' column; it has {list(regions.columns)!r}")
        return [(str(n), g) for n, g in zip(regions[name_col], regions.geometry, strict=True)]
    if isinstance(regions, dict):
        return [(str(n), g) for n, g in regions.items()]
    out = []
    for r in regions:
        if isinstance(r, Place):
            out.append((r.name, r.geometry))
        elif isinstance(r, tuple) and len(r) == 2:
            out.append((str(r[0]), r[1]))
        else:
            raise InputError(
                f"cannot use {r!r} as a region; give (name, geometry) pairs, Places or a GeoDataFrame"
            )
    return out


@cache
def _default_regions() -> list[tuple[str, Any]]:
    return [(p.name, p.geometry) for p in _gazetteer().regions("UA")]


@lru_cache(maxsize=64)
def _region_area_km2(name: str, wkb: bytes) -> float:
    import shapely

    return _area_km2(shapely.from_wkb(wkb))


def _per_region(geoms: dict[str, Any], regions: Any) -> tuple[list[str], list[float], dict[str, list[float]]]:
    """Area (km²) of each geometry in ``geoms`` inside each region."""
    import shapely

    pairs = _regions(regions)
    names = [n for n, _ in pairs]
    region_km2 = [_region_area_km2(n, shapely.to_wkb(g)) for n, g in pairs]
    out: dict[str, list[float]] = {}
    for key, geom in geoms.items():
        vals = []
        if geom is not None and not geom.is_empty:
            shapely.prepare(geom)
        for _, rg in pairs:
            if geom is None or geom.is_empty or not geom.intersects(rg):
                vals.append(0.0)
            else:
                vals.append(_area_km2(geom.intersection(rg)))
        out[key] = vals
    return names, region_km2, out


# --------------------------------------------------------------------------------------- ControlMap
