"""Matplotlib artists from table styles (:mod:`frontmap.maps.style`), for :mod:`frontmap.maps.static`.

A :class:`~frontmap.maps.style.Style` becomes patch, line and marker keywords the way Leaflet reads the
same entry: ``fill_opacity`` is the fill's alpha only (edges keep ``opacity``), widths and marker sizes
are the table's pixels scaled to points, dashes keep their pixel lengths.  Every artist drawn for a
layer carries the entry's name as its matplotlib label (``artist.get_label() == "gained"``), so the map
can be inspected layer by layer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from frontmap.maps.style import Style, style

__all__ = ["draw_legend", "draw_mark", "draw_shape", "line_kw", "mark_kw", "patch_kw"]

_NONE = "none"


def _rgba(colour: str | None, alpha: float) -> Any:
    from matplotlib.colors import to_rgba

    return _NONE if not colour or alpha <= 0 else to_rgba(colour, alpha)


def patch_kw(st: Style) -> dict[str, Any]:
    """``fc``/``ec``/``lw``/``ls``/``hatch`` of a filled shape."""
    st = st.printed()
    edge = st.stroke or st.fill
    return {
        "fc": _rgba(st.fill, st.fill_opacity),
        "ec": _rgba(edge, st.opacity) if st.weight > 0 or st.hatch else _NONE,
        "lw": st.lw,
        "ls": st.dashes(),
        "hatch": st.hatch,
        "label": st.name,
    }


def line_kw(st: Style) -> dict[str, Any]:
    """``color``/``lw``/``ls`` of a stroked line."""
    st = st.printed()
    colour = _rgba(st.stroke or st.fill, st.opacity)
    return {"color": colour, "lw": st.lw, "ls": st.dashes(), "label": st.name}


def mark_kw(st: Style, ms: float | None = None) -> dict[str, Any]:
    """A point marker: ``marker``, ``ms``, ``mfc``, ``mec``, ``mew``."""
    st = st.printed()
    return {
        "marker": st.symbol,
        "ms": st.ms if ms is None else ms,
        "mfc": _rgba(st.fill, st.fill_opacity),
        "mec": _rgba(st.stroke, st.opacity) if st.weight > 0 else _NONE,
        "mew": st.lw,
        "label": st.name,
    }


# ----------------------------------------------------------------------------------------- shapes
def _polygon_path(geom: Any) -> Any:
    from matplotlib.path import Path as MPath
    from shapely.geometry.polygon import orient

    verts, codes = [], []
    polys = getattr(geom, "geoms", [geom])
    for poly in polys:
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        poly = orient(poly, 1.0)  # holes wind the other way: nonzero filling leaves them empty
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)[:, :2]
            if len(xy) < 4:
                continue
            c = np.full(len(xy), MPath.LINETO, dtype=MPath.code_type)
            c[0], c[-1] = MPath.MOVETO, MPath.CLOSEPOLY
            verts.append(xy)
            codes.append(c)
    if not verts:
        return None
    return MPath(np.concatenate(verts), np.concatenate(codes))


def _parts(geom: Any) -> Iterable[Any]:
    if hasattr(geom, "geoms"):
        for g in geom.geoms:
            yield from _parts(g)
    elif not geom.is_empty:
        yield geom


def _multi(polys: list[Any]) -> Any:
    from shapely.geometry import MultiPolygon

    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def draw_shape(ax: Any, geom: Any, st: Style, z: float) -> None:
    """Polygons filled, lines stroked, points marked, in the style ``st``."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import PathPatch

    parts = list(_parts(geom))
    polys = [g for g in parts if g.geom_type == "Polygon"]
    lines = [np.asarray(g.coords)[:, :2] for g in parts if g.geom_type in ("LineString", "LinearRing")]
    points = [g for g in parts if g.geom_type == "Point"]
    if polys:
        path = _polygon_path(_multi(polys))
        if path is not None:
            ax.add_patch(PathPatch(path, zorder=z, **patch_kw(st)))
    if lines:
        kw = line_kw(st)
        ax.add_collection(
            LineCollection(
                lines, colors=kw["color"], linewidths=kw["lw"], linestyles=kw["ls"], zorder=z, label=st.name
            )
        )
    if points:
        ax.plot([p.x for p in points], [p.y for p in points], ls="none", zorder=z, **mark_kw(st))


def draw_mark(ax: Any, x: float, y: float, st: Style, z: float, ms: float | None = None) -> None:
    ax.plot([x], [y], ls="none", zorder=z, **mark_kw(st, ms))


# ----------------------------------------------------------------------------------------- legend
def draw_legend(ax: Any, entries: dict[str, tuple[str, Style]], limit: int = 14) -> Any:
    """A legend of ``{label: (kind, style)}`` (kind: polygon, line or point), upper right."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    for label, (kind, st) in list(entries.items())[:limit]:
        if kind == "polygon":
            kw = patch_kw(st)
            h: Any = Patch(fc=kw["fc"], ec=kw["ec"], lw=kw["lw"], ls=kw["ls"], hatch=kw["hatch"], label=label)
        elif kind == "point":
            h = Line2D([], [], ls="none", **(mark_kw(st) | {"label": label}))
        else:
            h = Line2D([], [], **(line_kw(st) | {"label": label}))
        handles.append(h)
    if not handles:
        return None
    return ax.legend(
        handles=handles,
        loc="upper right",
        fontsize=6.5,
        framealpha=0.9,
        borderpad=0.5,
        labelspacing=0.35,
        handlelength=1.8,
        handletextpad=0.6,
        edgecolor=style("frame").stroke,
    )
