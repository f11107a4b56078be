"""Geodesic geometry on WGS84: points at a distance and bearing, sectors, rings, disks of a given area.

:class:`pyproj.Geod` (WGS84 ellipsoid) does all geodesy; shapely holds the shapes.  Coordinates are
always ``(lon, lat)`` in degrees; distances in km, areas in km², bearings in degrees clockwise from
north.  Measurements (:func:`area_km2`, :func:`length_km`, :func:`distance_km`) are on the ellipsoid --
planar degrees are never measured; :func:`area_km2` and :func:`length_km` live in
:mod:`frontmap.geometry.areas` (re-exported here), whose docstring states their edge semantics.

Curved edges are densified: a full circle has 256 vertices and an arc at least one vertex every
360/256 = 1.40625°, so that the shape drawn from the vertices and the shape measured agree
(:func:`disk_of_area` solves for the radius on the densified polygon itself).  Polygon edges between
vertices are straight lon/lat segments, when measured as when drawn or tested by shapely; over the
short edges made here they differ from geodesics by metres.

Scope: Ukraine and its neighbours.  Shapes that contain a pole are refused
(:class:`~frontmap.errors.GeometryError`); shapes near the antimeridian keep their longitudes
continuous around the centre (they may run past ±180°) so that they stay valid polygons, but
frontmap draws no such maps.

Every function accepts as a point anything :func:`point_of` does: a :class:`~frontmap.gazetteer.place.Place`
(or any object with ``.lon``/``.lat``), a shapely ``Point`` or a ``(lon, lat)`` pair.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
from pyproj import Geod
from shapely.geometry import LineString, MultiPoint, Point, Polygon
from shapely.geometry.polygon import orient

from frontmap.errors import GeometryError
from frontmap.geometry.areas import area_km2, length_km
from frontmap.quantities.tolerance import WINDS_16, direction_bearing

__all__ = [
    "CIRCLE_VERTICES",
    "area_km2",
    "bearing",
    "bearing_of",
    "compass",
    "destination",
    "disk_of_area",
    "distance_km",
    "hull",
    "length_km",
    "point_of",
    "ring",
    "sector",
]

#: Vertices of a full densified circle; arcs get one vertex at least every 360/CIRCLE_VERTICES degrees.
CIRCLE_VERTICES = 256
_STEP_DEG = 360.0 / CIRCLE_VERTICES
_GEOD = Geod(ellps="WGS84")


# --- validation ---------------------------------------------------------------------------------


def _number(name: str, x: Any) -> float:
    if isinstance(x, bool) or not hasattr(x, "__float__") or isinstance(x, str | bytes):
        raise GeometryError(f"{name} must be a number, got {x!r}")
    v = float(x)
    if math.isnan(v):
        raise GeometryError(f"{name} must be a number, got {x!r}")
    return v


def _km(name: str, x: Any) -> float:
    v = _number(name, x)
    if not 0 <= v < math.inf:
        raise GeometryError(f"{name} must be a finite distance >= 0 km, got {x!r}")
    return v


def _bearing(name: str, x: Any) -> float:
    v = _number(name, x)
    if not -360 <= v <= 360:
        raise GeometryError(f"{name} must be in degrees within ±360, got {x!r}")
    return v % 360.0


def point_of(x: Any) -> tuple[float, float]:
    """``(lon, lat)`` of a Place (anything with ``.lon``/``.lat``), a shapely Point or a (lon, lat) pair.

    Raises :class:`~frontmap.errors.GeometryError` for anything else (a place *name* must first be
    resolved with the gazetteer), for NaN, or for lon outside ±180 / lat outside ±90.

    Examples
    --------
    >>> point_of((36.23, 49.99)), point_of(Point(30.52, 50.45))
    ((36.23, 49.99), (30.52, 50.45))
    """
    if isinstance(x, Point):
        if x.is_empty:
            raise GeometryError("empty Point given; a point needs coordinates")
        lon, lat = x.x, x.y
    elif hasattr(x, "lon") and hasattr(x, "lat"):
        lon, lat = x.lon, x.lat
    elif isinstance(x, tuple | list | np.ndarray) and len(x) == 2:
        lon, lat = x[0], x[1]
    else:
        raise GeometryError(
            f"expected a Place, a shapely Point or a (lon, lat) pair, got {x!r}"
            + (" (resolve place names with the gazetteer first)" if isinstance(x, str) else "")
        )
    lon, lat = _number("lon", lon), _number("lat", lat)
    if not -90 <= lat <= 90:
        raise GeometryError(f"lat must be within ±90 degrees, got {lat!r} (is the pair (lon, lat)?)")
    if not -180 <= lon <= 180:
        raise GeometryError(f"lon must be within ±180 degrees, got {lon!r}")
    return lon, lat


# --- points, distances, bearings -----------------------------------------------------------------


def destination(place_or_point: Any, km: float, bearing: float) -> Point:
    """The point ``km`` kilometres from a point along the initial bearing (geodesic forward problem).

    Examples
    --------
    >>> p = destination((36.2304, 49.9935), 74, 135)
    >>> f"{p.x:.4f} {p.y:.4f}"
    '36.9531 49.5208'
    """
    lon, lat = point_of(place_or_point)
    d, az = _km("km", km), _bearing("bearing", bearing)
    lon2, lat2, _ = _GEOD.fwd(lon, lat, az, d * 1000.0)
    return Point(lon2, lat2)


def distance_km(a: Any, b: Any) -> float:
    """Geodesic distance in km between two points.

    Examples
    --------
    >>> f"{distance_km((30.5234, 50.4501), (36.2304, 49.9935)):.1f}"
    '410.3'
    """
    (lon1, lat1), (lon2, lat2) = point_of(a), point_of(b)
    return float(_GEOD.inv(lon1, lat1, lon2, lat2)[2]) / 1000.0


def bearing(a: Any, b: Any) -> float:
    """Initial azimuth in degrees from ``a`` towards ``b``, clockwise from north, in [0, 360).

    0.0 when the two points coincide.

    Examples
    --------
    >>> f"{bearing((30.5234, 50.4501), (36.2304, 49.9935)):.1f}"
    '94.9'
    """
    (lon1, lat1), (lon2, lat2) = point_of(a), point_of(b)
    if (lon1, lat1) == (lon2, lat2):
        return 0.0
    deg = float(_GEOD.inv(lon1, lat1, lon2, lat2)[0]) % 360.0
    return 0.0 if deg >= 360.0 else deg  # -1e-17 % 360 is 360.0


def compass(bearing: float, points: int = 16) -> str:
    """The nearest compass point to a bearing: ``compass(130)`` -> ``"SE"``; ``points`` is 4, 8 or 16.

    Examples
    --------
    >>> compass(130), compass(150), compass(150, points=8), compass(359, points=4)
    ('SE', 'SSE', 'SE', 'N')
    """
    if points not in (4, 8, 16):
        raise GeometryError(f"points must be 4, 8 or 16, got {points!r}")
    az = _bearing("bearing", bearing)
    step = 360.0 / points
    index = math.floor(az / step + 0.5) % points
    return WINDS_16[index * (16 // points)]


def bearing_of(direction: str) -> float:
    """The bearing in degrees of a compass direction: ``"SE"`` -> 135.0 (words like "south-east" too, and
    the 32-point "by" directions: "SWbW").

    Examples
    --------
    >>> bearing_of("SE"), bearing_of("NNW"), bearing_of("west")
    (135.0, 337.5, 270.0)
    """
    try:
        return direction_bearing(direction)
    except ValueError as exc:
        raise GeometryError(str(exc)) from None


# --- shapes --------------------------------------------------------------------------------------


def _check_pole(lon: float, lat: float, radius_km: float) -> None:
    for pole in (90.0, -90.0):
        to_pole = _GEOD.inv(lon, lat, lon, pole)[2] / 1000.0
        if radius_km >= to_pole:
            raise GeometryError(
                f"a circle of {radius_km!r} km around ({lon!r}, {lat!r}) would contain a pole; "
                "frontmap shapes must stay clear of the poles"
            )


def _arc(lon: float, lat: float, km: float, az_start: float, az_end: float) -> list[tuple[float, float]]:
    """Vertices from azimuth ``az_start`` to ``az_end`` (degrees, increasing), both ends included."""
    n = max(math.ceil((az_end - az_start) / _STEP_DEG - 1e-9), 2)
    az = np.linspace(az_start, az_end, n + 1)
    lons, lats, _ = _GEOD.fwd(np.full(n + 1, lon), np.full(n + 1, lat), az, np.full(n + 1, km * 1000.0))
    lons = lon + (np.asarray(lons) - lon + 180.0) % 360.0 - 180.0  # continuous around the centre
    return list(zip(lons.tolist(), np.asarray(lats).tolist(), strict=True))


def _circle(lon: float, lat: float, km: float) -> list[tuple[float, float]]:
    return _arc(lon, lat, km, 0.0, 360.0)[:-1]


def _radii(km_min: Any, km_max: Any) -> tuple[float, float]:
    r0, r1 = _km("km_min", km_min), _km("km_max", km_max)
    if r1 <= 0:
        raise GeometryError(f"km_max must be > 0 km, got {km_max!r}")
    if r0 >= r1:
        raise GeometryError(f"km_min must be less than km_max, got km_min={km_min!r}, km_max={km_max!r}")
    return r0, r1


def ring(center: Any, km_min: float, km_max: float) -> Polygon:
    """The annulus between ``km_min`` and ``km_max`` around a point (``km_min`` 0 gives a disk).

    Each circle has :data:`CIRCLE_VERTICES` vertices; the exterior is counter-clockwise.

    Examples
    --------
    >>> f"{area_km2(ring((36.23, 49.99), 0, 10)):.1f}"  # close to pi * 10**2
    '314.1'
    """
    lon, lat = point_of(center)
    r0, r1 = _radii(km_min, km_max)
    _check_pole(lon, lat, r1)
    holes = [_circle(lon, lat, r0)] if r0 > 0 else []
    return orient(Polygon(_circle(lon, lat, r1), holes), 1.0)


def sector(center: Any, km_min: float, km_max: float, bearing: float, half_angle: float) -> Polygon:
    """The annular sector ``km_min``–``km_max`` km from a point within ``bearing ± half_angle`` degrees.

    ``km_min`` 0 gives a pie slice; ``half_angle`` 180 gives the whole :func:`ring`.

    Examples
    --------
    >>> s = sector((36.23, 49.99), 60, 90, 135, 22.5)  # "60-90 km southeast"
    >>> s.contains(destination((36.23, 49.99), 74, 140)), f"{area_km2(s):.0f}"
    (True, '1767')
    """
    lon, lat = point_of(center)
    r0, r1 = _radii(km_min, km_max)
    az = _bearing("bearing", bearing)
    h = _number("half_angle", half_angle)
    if not 0 < h <= 180:
        raise GeometryError(f"half_angle must be in (0, 180] degrees, got {half_angle!r}")
    if h == 180:
        return ring((lon, lat), r0, r1)
    _check_pole(lon, lat, r1)
    outer = _arc(lon, lat, r1, az - h, az + h)
    inner = _arc(lon, lat, r0, az - h, az + h)[::-1] if r0 > 0 else [(lon, lat)]
    return orient(Polygon(outer + inner), 1.0)


def disk_of_area(center: Any, km2: float) -> Polygon:
    """A geodesic circle around a point whose geodesic area (as densified, see :func:`area_km2`) is ``km2``.

    The radius is solved for numerically (Newton steps on area ∝ r², to 1e-10 relative).

    Examples
    --------
    >>> f"{area_km2(disk_of_area((36.23, 49.99), 6000)):.3f}"
    '6000.000'
    """
    lon, lat = point_of(center)
    target = _number("km2", km2)
    if not 0 < target < math.inf:
        raise GeometryError(f"km2 must be a finite area > 0 km², got {km2!r}")
    r = math.sqrt(target / math.pi)
    _check_pole(lon, lat, r)
    for _ in range(60):
        poly = Polygon(_circle(lon, lat, r))
        area = area_km2(poly)
        if abs(area - target) <= 1e-10 * target:
            break
        r_new = r * math.sqrt(target / area)
        _check_pole(lon, lat, r_new)
        r = r_new
    else:  # pragma: no cover - converges in < 10 steps for any disk clear of the poles
        raise GeometryError(f"no radius found for a disk of {km2!r} km² around ({lon!r}, {lat!r})")
    return orient(poly, 1.0)


def hull(places: Iterable[Any]) -> Polygon | LineString | Point:
    """The convex hull of places/points: a Polygon, or a LineString/Point when they are collinear/one.

    Computed in an azimuthal-equidistant projection centred on the points (so distances and
    directions from the centre are true), then mapped back to the input coordinates exactly: the
    hull's vertices are input points, its edges straight in lon/lat (not densified).

    Examples
    --------
    >>> hull([(36.2, 50.0), (37.5, 49.2), (37.0, 48.6), (36.9, 49.3)]).geom_type
    'Polygon'
    """
    if isinstance(places, str | bytes) or not isinstance(places, Iterable):
        raise GeometryError(f"hull needs an iterable of places or points, got {places!r}")
    pts = list(dict.fromkeys(point_of(p) for p in places))
    if not pts:
        raise GeometryError("hull of no points: give at least one place or point")
    if len(pts) == 1:
        return Point(pts[0])
    from pyproj import Proj

    xyz = np.array([_unit_vector(lon, lat) for lon, lat in pts]).mean(axis=0)
    lon0 = math.degrees(math.atan2(xyz[1], xyz[0]))
    lat0 = math.degrees(math.atan2(xyz[2], math.hypot(xyz[0], xyz[1])))
    proj = Proj(proj="aeqd", lon_0=lon0, lat_0=lat0, ellps="WGS84")
    xs, ys = proj([p[0] for p in pts], [p[1] for p in pts])
    back = dict(zip(zip(xs, ys, strict=True), pts, strict=True))
    h = MultiPoint(list(zip(xs, ys, strict=True))).convex_hull
    if isinstance(h, Polygon) and h.area > 0.01 * h.length:  # a few cm thin: collinear but for rounding
        return orient(Polygon([back[c] for c in h.exterior.coords]), 1.0)
    ends = list(h.exterior.coords if isinstance(h, Polygon) else h.coords)
    a, b = max(((p, q) for p in ends for q in ends), key=lambda pq: math.dist(*pq))
    return LineString([back[a], back[b]])


def _unit_vector(lon: float, lat: float) -> tuple[float, float, float]:
    lo, la = math.radians(lon), math.radians(lat)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))
