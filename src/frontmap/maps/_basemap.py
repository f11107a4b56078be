"""The basemap and graticule of static maps, drawn in the map's projection (:mod:`._projection`).

Sea is the map's background; land is the countries of the gazetteer that reach into the map, Ukraine
lighter with its oblast boundaries, lakes and reservoirs in the sea's colour, the main rivers as lines,
with the entries ``base.*`` of the style table that the HTML basemap uses too.  Polygons are filled
without an edge and their outlines stroked as lines, both cut to a frame a little larger than the map,
so no cut edge is ever stroked across a sea.  Country, oblast and sea names are returned as label
candidates of negative priority: the story's places and notes are labelled first.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np

from frontmap.errors import FrontmapError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.maps._projection import Projector, graticule_step, lonlat_label
from frontmap.maps.artists import draw_shape
from frontmap.maps.style import style

__all__ = ["draw_basemap", "draw_graticule"]

#: A label candidate: (x, y, text, text keywords, priority).
Label = tuple[float, float, str, dict[str, Any], float]


@cache
def _lines(kind: str) -> tuple[Any, ...]:
    """The gazetteer's places of ``kind`` that have a line or polygon (rivers, lakes), loaded once."""
    out = []
    for p in Gazetteer().places(kind):
        try:
            g = p.geometry
        except FrontmapError:
            continue
        if g.geom_type != "Point":
            out.append(p)
    return tuple(out)


def _clip(proj: Projector, geom: Any, lonlat: Any, frame: Any, tolerance: float) -> Any:
    import shapely

    g = proj.geometry(geom, lonlat, frame)
    return None if g is None else shapely.simplify(g, tolerance, preserve_topology=True)


def draw_basemap(
    ax: Any, proj: Projector, frame: tuple[float, float, float, float], width_px: float, skip: set[str]
) -> tuple[bool, list[Label]]:
    """Land, Ukraine, oblasts, water and rivers; (whether Ukraine was drawn, name labels).

    ``skip`` holds names the story labels itself (a mentioned oblast is not labelled twice)."""
    from shapely.geometry import box

    x0, y0, x1, y1 = frame
    pad = 0.04 * max(x1 - x0, y1 - y0)
    clip = box(x0 - pad, y0 - pad, x1 + pad, y1 + pad)
    w, s, e, n = proj.lonlat_envelope((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    lonlat = box(w - 0.5, max(s - 0.5, -90), e + 0.5, min(n + 0.5, 90))
    tol = 0.5 * (x1 - x0) / max(width_px, 1.0)
    gz = Gazetteer()
    land, ukraine = style("base.land"), style("base.ukraine")
    labels: list[Label] = []
    visible = box(*frame)
    country_text = {"fontsize": 7.5, "color": style("label.country").text, "fontweight": "bold"}
    for c in gz.places("country"):
        if c.country == "UA" or not _touches(c.geometry.bounds, (w, s, e, n)):
            continue
        g = _clip(proj, c.geometry, lonlat, clip, tol)
        if g is None:
            continue
        draw_shape(ax, g, land.but(weight=0), 0.1)
        draw_shape(ax, g.boundary, land, 0.15)
        inside = g.intersection(visible)
        if inside.area > 0.04 * visible.area and c.name not in skip:
            pt = inside.representative_point()
            labels.append((pt.x, pt.y, c.name.upper(), country_text, -3.0))
    try:
        ua = gz.country("UA")
    except (LookupError, FrontmapError):
        return False, labels
    g = _clip(proj, ua.geometry, lonlat, clip, tol)
    if g is not None:
        draw_shape(ax, g, ukraine.but(weight=0), 0.2)
    labels += _oblasts(ax, proj, gz, lonlat, clip, tol, visible, skip)
    _water(ax, proj, lonlat, clip, tol)
    if g is not None:
        draw_shape(ax, g.boundary, ukraine, 0.4)
    sea_text = {"fontsize": 7.5, "color": style("label.sea").text, "style": "italic"}
    for sea in gz.places("sea"):
        x, y = proj.forward(sea.lon, sea.lat)
        if visible.contains(_point(x, y)) and sea.name not in skip:
            labels.append((x, y, sea.name, sea_text, -2.0))
    return g is not None, labels


def _oblasts(
    ax: Any, proj: Projector, gz: Any, lonlat: Any, clip: Any, tol: float, visible: Any, skip: set[str]
) -> list[Label]:
    border = style("base.oblast")
    text = {"fontsize": 6.5, "color": style("label.oblast").text, "style": "italic"}
    out: list[Label] = []
    for r in gz.regions("UA"):
        g = _clip(proj, r.geometry.boundary, lonlat, clip, tol)
        if g is not None:
            draw_shape(ax, g, border, 0.3)
        x, y = proj.forward(r.lon, r.lat)
        if (
            r.name not in skip
            and r.name not in ("Kyiv City", "Sevastopol")
            and visible.contains(_point(x, y))
        ):
            out.append((x, y, r.name.replace(" Oblast", ""), text, -1.0))
    return out


def _water(ax: Any, proj: Projector, lonlat: Any, clip: Any, tol: float) -> None:
    water, river = style("base.water"), style("base.river")
    for lake in _lines("lake"):
        g = _clip(proj, lake.geometry, lonlat, clip, tol)
        if g is not None:
            draw_shape(ax, g, water, 0.32)
    for r in _lines("river"):
        g = _clip(proj, r.geometry, lonlat, clip, tol)
        if g is not None:
            draw_shape(ax, g, river, 0.31)


def _point(x: float, y: float) -> Any:
    from shapely.geometry import Point

    return Point(x, y)


def _touches(b: tuple[float, ...], env: tuple[float, ...]) -> bool:
    return b[0] <= env[2] and b[2] >= env[0] and b[1] <= env[3] and b[3] >= env[1]


# ------------------------------------------------------------------------------------- graticule
def draw_graticule(ax: Any, proj: Projector, frame: tuple[float, float, float, float]) -> list[Any]:
    """Meridians and parallels at a round spacing, labelled where they leave the map (°E below, °N on
    the left); returns the label artists."""
    from matplotlib.collections import LineCollection
    from shapely.geometry import LineString, box

    x0, y0, x1, y1 = frame
    w, s, e, n = proj.lonlat_envelope(frame)
    step = graticule_step(max(e - w, n - s))
    rect = box(*frame)
    grid = style("frame")
    lines, texts = [], []
    edge_bottom, edge_left = LineString([(x0, y0), (x1, y0)]), LineString([(x0, y0), (x0, y1)])
    t = np.linspace(0.0, 1.0, 200)
    for lon in np.arange(math.ceil(w / step) * step, e + 1e-9, step):
        lats = s - 1 + (n - s + 2) * t
        line = LineString(np.column_stack(proj.forward(np.full_like(lats, lon), lats)))
        lines += _parts(line.intersection(rect))
        hit = line.intersection(edge_bottom)
        if not hit.is_empty:
            texts.append(("x", hit.centroid.x, lonlat_label(float(lon), "lon")))
    for lat in np.arange(math.ceil(s / step) * step, n + 1e-9, step):
        lons = w - 1 + (e - w + 2) * t
        line = LineString(np.column_stack(proj.forward(lons, np.full_like(lons, lat))))
        lines += _parts(line.intersection(rect))
        hit = line.intersection(edge_left)
        if not hit.is_empty:
            texts.append(("y", hit.centroid.y, lonlat_label(float(lat), "lat")))
    ax.add_collection(
        LineCollection(lines, colors=grid.stroke, linewidths=0.35, alpha=0.45, zorder=0.5, label="graticule")
    )
    text = {"fontsize": 6.5, "color": grid.text}
    out = []
    for axis, v, label in texts:
        if axis == "x":
            out.append(
                ax.text(v, -0.008, label, transform=ax.get_xaxis_transform(), ha="center", va="top", **text)
            )
        else:
            out.append(
                ax.text(-0.006, v, label, transform=ax.get_yaxis_transform(), ha="right", va="center", **text)
            )
    return out


def _parts(g: Any) -> list[Any]:
    if g.is_empty:
        return []
    geoms = getattr(g, "geoms", [g])
    return [np.asarray(p.coords) for p in geoms if p.geom_type == "LineString" and len(p.coords) > 1]
