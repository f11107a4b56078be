"""The projection of static maps: a conformal projection chosen from the extent, and the helpers that
move lon/lat geometries into it.

:func:`conformal_crs` picks Lambert Conformal Conic for mid latitudes (standard parallels at one sixth
and five sixths of the extent's latitude span, the classic rule: scale error over Ukraine's 44°N-52.5°N
under 0.3 %), Mercator near the equator and polar stereographic near a pole; all three are conformal,
so shapes and angles are true at every point, and all are in metres on the WGS84 ellipsoid.

:class:`Projector` moves geometries into it.  A lon/lat segment is first split into short pieces
(:func:`shapely.segmentize`), so that an edge along a parallel or a coast comes out curved as it
should instead of as a straight chord; geometries are cut to the map's surroundings in lon/lat first
(no point from the far side of the globe is ever projected) and then to the frame in metres, so that
a clipped polygon's cut edges lie outside the visible map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["Projector", "conformal_crs", "graticule_step", "lonlat_label"]


def conformal_crs(extent: tuple[float, float, float, float]) -> str:
    """A PROJ string of a conformal projection suited to ``extent`` (west, south, east, north, degrees).

    >>> conformal_crs((22.0, 44.0, 40.0, 53.0))
    '+proj=lcc +lat_1=45.5 +lat_2=51.5 +lat_0=48.5 +lon_0=31 +ellps=WGS84 +units=m +no_defs'
    >>> conformal_crs((-10.0, -5.0, 10.0, 5.0)).split()[0]
    '+proj=merc'
    """
    w, s, e, n = extent
    lon0, lat0 = (w + e) / 2, (s + n) / 2
    tail = "+ellps=WGS84 +units=m +no_defs"
    if n >= 80 or s <= -80:
        pole = 90 if lat0 > 0 else -90
        return f"+proj=stere +lat_0={pole:g} +lat_ts={lat0:.6g} +lon_0={lon0:.6g} {tail}"
    if s * n <= 0 or abs(lat0) < 10:
        return f"+proj=merc +lat_ts={lat0:.6g} +lon_0={lon0:.6g} {tail}"
    lat1, lat2 = s + (n - s) / 6, n - (n - s) / 6
    return f"+proj=lcc +lat_1={lat1:.6g} +lat_2={lat2:.6g} +lat_0={lat0:.6g} +lon_0={lon0:.6g} {tail}"


@dataclass
class Projector:
    """Lon/lat to the map's projected metres and back, for one extent."""

    crs: Any  # pyproj.CRS
    _fwd: Any
    _inv: Any
    step_deg: float  # the longest lon/lat segment projected as a straight line

    @classmethod
    def for_extent(cls, extent: tuple[float, float, float, float]) -> Projector:
        from pyproj import CRS, Transformer

        crs = CRS.from_proj4(conformal_crs(extent))
        w, s, e, n = extent
        step = min(max(e - w, n - s) / 150.0, 0.25)
        return cls(
            crs,
            Transformer.from_crs("EPSG:4326", crs, always_xy=True),
            Transformer.from_crs(crs, "EPSG:4326", always_xy=True),
            max(step, 1e-4),
        )

    # ------------------------------------------------------------------------------------- points
    def forward(self, lon: Any, lat: Any) -> tuple[Any, Any]:
        """Projected ``(x, y)`` metres of lon/lat degrees (scalars or arrays)."""
        return self._fwd.transform(lon, lat)

    def inverse(self, x: Any, y: Any) -> tuple[Any, Any]:
        """Lon/lat degrees of projected metres."""
        return self._inv.transform(x, y)

    # --------------------------------------------------------------------------------- geometries
    def geometry(self, geom: Any, lonlat_box: Any = None, frame: Any = None) -> Any:
        """``geom`` (lon/lat) densified, cut to ``lonlat_box`` (a shapely box in degrees), projected and
        cut to ``frame`` (a shapely box in metres); None when nothing is left."""
        import shapely

        if geom is None or geom.is_empty:
            return None
        if lonlat_box is not None:
            if not geom.intersects(lonlat_box):
                return None
            if not lonlat_box.contains(geom):
                geom = geom.intersection(lonlat_box)
                if geom.is_empty:
                    return None
        dense = shapely.segmentize(geom, self.step_deg)

        def move(xy: Any) -> Any:
            x, y = self._fwd.transform(xy[:, 0], xy[:, 1])
            return np.column_stack([x, y])

        out = shapely.transform(dense, move)
        if frame is not None and not frame.contains(out):
            if not out.intersects(frame):
                return None
            out = out.intersection(frame)
        return None if out.is_empty else out

    def bounds(self, extent: tuple[float, float, float, float], n: int = 64) -> tuple[float, ...]:
        """Projected (xmin, ymin, xmax, ymax) of the lon/lat box ``extent``, its edges densified."""
        x, y = self.forward(*_box_edges(extent, n))
        return float(np.min(x)), float(np.min(y)), float(np.max(x)), float(np.max(y))

    def lonlat_envelope(self, frame: tuple[float, float, float, float], n: int = 64) -> tuple[float, ...]:
        """The lon/lat (west, south, east, north) covering the projected rectangle ``frame``."""
        lon, lat = self.inverse(*_box_edges(frame, n))
        ok = np.isfinite(lon) & np.isfinite(lat)
        lon, lat = lon[ok], lat[ok]
        return float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())

    def north_angle(self, lon: float, lat: float) -> float:
        """The direction of true north at (lon, lat) on the map, degrees counter-clockwise from up."""
        x0, y0 = self.forward(lon, lat)
        x1, y1 = self.forward(lon, min(lat + 0.01, 89.99))
        return math.degrees(math.atan2(-(x1 - x0), y1 - y0))


# ------------------------------------------------------------------------------------- graticule
def graticule_step(span_deg: float) -> float:
    """A round spacing (degrees) giving three to seven lines over ``span_deg``.

    >>> graticule_step(18.0), graticule_step(3.0), graticule_step(0.5)
    (4.0, 0.5, 0.1)
    """
    for step in (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 5.0, 10.0, 15.0, 30.0):
        if span_deg / step <= 7:
            return step
    return 60.0


def lonlat_label(value: float, axis: str) -> str:
    """``"30°E"``, ``"48°30′N"``: a graticule label as maps print them.

    >>> lonlat_label(30.0, "lon"), lonlat_label(-3.5, "lon"), lonlat_label(48.25, "lat")
    ('30°E', '3°30′W', '48°15′N')
    """
    hemi = ("E", "W") if axis == "lon" else ("N", "S")
    h = hemi[0] if value >= 0 else hemi[1]
    total = round(abs(value) * 60)
    deg, minutes = divmod(total, 60)
    return f"{deg}°{h}" if minutes == 0 else f"{deg}°{minutes:02d}′{h}"


def _box_edges(box: tuple[float, float, float, float], n: int) -> tuple[Any, Any]:
    """The x and y coordinates of ``n`` points along each edge of the box (x0, y0, x1, y1), in order."""
    x0, y0, x1, y1 = box
    t = np.linspace(0.0, 1.0, n)
    x = np.concatenate([x0 + (x1 - x0) * t, np.full(n, x1), x1 - (x1 - x0) * t, np.full(n, x0)])
    y = np.concatenate([np.full(n, y0), y0 + (y1 - y0) * t, np.full(n, y1), y1 - (y1 - y0) * t])
    return x, y
