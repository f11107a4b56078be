"""The geometry stage: geodesic measures and shapes on the WGS84 ellipsoid (pyproj ``Geod``).

Everything is re-exported from :mod:`~frontmap.geometry.geodesic` (whose :func:`area_km2` and
:func:`length_km` come from :mod:`~frontmap.geometry.areas`, with the edge semantics stated there: edges
straight in lon/lat, antimeridian crossings, polar caps), so ``fm.geometry.area_km2(...)`` and
``from frontmap.geometry import distance_km`` both work.
"""

from frontmap.geometry.areas import EARTH_KM2
from frontmap.geometry.geodesic import (
    CIRCLE_VERTICES,
    area_km2,
    bearing,
    bearing_of,
    compass,
    destination,
    disk_of_area,
    distance_km,
    hull,
    length_km,
    point_of,
    ring,
    sector,
)

__all__ = [
    "CIRCLE_VERTICES",
    "EARTH_KM2",
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
