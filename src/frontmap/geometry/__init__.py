"""The geometry stage: geodesic measures and shapes on the WGS84 ellipsoid (pyproj ``Geod``).

Everything is re-exported from :mod:`~frontmap.geometry.geodesic`, so ``fm.geometry.area_km2(...)`` and
``from frontmap.geometry import distance_km`` both work.
"""

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
