"""The furniture of static maps: scale bar, north arrow, locator inset and the box listing far places.

All of it works in the map's projected metres (:mod:`frontmap.maps._projection`): the scale bar is
measured for where it stands, the north arrow points to true north where it stands (on a conic
projection north turns across the map), the locator inset shows Ukraine with the map's frame on it.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

from frontmap.errors import FrontmapError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.gazetteer.place import Place
from frontmap.maps._projection import Projector
from frontmap.maps.artists import draw_shape
from frontmap.maps.style import style

__all__ = ["decorate", "far_box", "locator", "scale_bar"]


def scale_bar(proj: Projector, x: float, y: float, frame_width: float) -> tuple[float, float]:
    """A round length (km) near a fifth of the map's width, and its length on the map (projected
    metres) at (x, y): the projection's scale there, measured along the WGS84 geodesic."""
    from pyproj import Geod

    lon, lat = proj.inverse(x, y)
    lon2, lat2, _ = Geod(ellps="WGS84").fwd(lon, lat, 90.0, 1000.0)
    x2, y2 = proj.forward(lon2, lat2)
    k = math.hypot(x2 - x, y2 - y) / 1000.0  # map metres per metre on the ground
    target = 0.2 * frame_width / k / 1000.0
    exp = 10 ** math.floor(math.log10(target))
    km = max(f * exp for f in (1, 2, 5) if f * exp <= target)
    return km, km * 1000.0 * k


def decorate(
    ax: Any, proj: Projector, frame: tuple[float, float, float, float], north_arrow: bool
) -> list[Any]:
    """Scale bar (lower left) and north arrow (upper left, pointing to true north); their artists."""
    import matplotlib.patheffects as pe

    x0, y0, x1, y1 = frame
    w, h = x1 - x0, y1 - y0
    bx, by = x0 + 0.03 * w, y0 + 0.045 * h
    km, length = scale_bar(proj, bx, by, w)
    bar = style("scale_bar")
    dark = bar.stroke
    halo = [pe.Stroke(linewidth=2.5, foreground=bar.fill)]  # a stroked copy under plain text (SVG: text)
    out = []
    for i in range(2):
        (seg,) = ax.plot(
            [bx + i * length / 2, bx + (i + 1) * length / 2],
            [by, by],
            color=dark if i == 0 else bar.fill,
            lw=4,
            solid_capstyle="butt",
            zorder=20,
            label="scale bar",
            path_effects=[pe.withStroke(linewidth=5.5, foreground=dark)],
        )
        out.append(seg)
    text = {"va": "bottom", "fontsize": 7, "color": bar.text}
    (px0, _), (px1, _) = ax.transData.transform([(bx, by), (bx + length, by)])
    ticks = (
        ((0.0, "0"), (0.5, f"{km / 2:g}"), (1.0, f"{km:g} km")) if px1 - px0 > 90 else ((1.0, f"{km:g} km"),)
    )
    for at, s in ticks:
        xy = (bx + at * length, by + 0.014 * h)
        ax.text(*xy, s, ha="center", zorder=19.9, path_effects=halo, **text)
        out.append(ax.text(*xy, s, ha="center", zorder=20, **text))
    if north_arrow:
        tx, ty = x0 + 0.04 * w, y0 + 0.86 * h
        lon, lat = proj.inverse(tx, ty)
        a = math.radians(proj.north_angle(lon, lat))
        hx, hy = tx - 0.07 * h * math.sin(a), ty + 0.07 * h * math.cos(a)
        out.append(
            ax.annotate(
                "N",
                xy=(hx, hy),
                xytext=(tx, ty),
                ha="center",
                va="top",
                fontsize=9,
                fontweight="bold",
                zorder=20,
                color=bar.text,
                arrowprops={"arrowstyle": "-|>", "color": dark, "lw": 1.2},
            )
        )
    return out


def locator(ax: Any, proj: Projector, frame: tuple[float, float, float, float], right: float) -> Any:
    """A small map of Ukraine with the frame drawn on it (lower right), when the map shows only a part
    of the country; None otherwise."""
    import shapely
    from shapely.geometry import box

    try:
        ua = Gazetteer().country("UA").geometry
    except (LookupError, FrontmapError):
        return None
    g = proj.geometry(ua)
    if g is None:
        return None
    shown = box(*frame)
    if shown.intersection(g).area > 0.6 * g.area or not shown.intersects(g):
        return None
    g = shapely.simplify(g, 0.004 * (g.bounds[2] - g.bounds[0]))
    gx0, gy0, gx1, gy1 = g.bounds
    width = 0.2
    height = width * (gy1 - gy0) / (gx1 - gx0) * ax.bbox.width / ax.bbox.height
    inset = ax.inset_axes((right - width, 0.02, width, height), zorder=22)
    inset.set_facecolor(style("base.land").fill)
    draw_shape(inset, g, style("base.ukraine"), 1)
    draw_shape(inset, shown.boundary, style("check.inconsistent").but(weight=2.5), 2)
    inset.set_xlim(gx0 - 0.04 * (gx1 - gx0), gx1 + 0.04 * (gx1 - gx0))
    inset.set_ylim(gy0 - 0.04 * (gy1 - gy0), gy1 + 0.04 * (gy1 - gy0))
    inset.set_xticks([])
    inset.set_yticks([])
    for spine in inset.spines.values():
        spine.set_color(style("frame").stroke)
    return inset


def far_box(ax: Any, far: list[Place], x: float, y: float = 0.02, ha: str = "right") -> Any:
    """The places of the story that lie far outside the map, listed in a small box whose lower
    ``ha`` corner is at (``x``, ``y``), axes fraction."""
    if not far:
        return None
    # a name and its country never split across lines (no-break spaces)
    names = [(f"{p.name} ({p.country})" if p.country else p.name).replace(" ", "\u00a0") for p in far]
    text = "\n".join(textwrap.wrap("Also mentioned, off this map: " + ", ".join(names), 42)[:4])
    return ax.text(
        x,
        y,
        text,
        transform=ax.transAxes,
        ha=ha,
        va="bottom",
        fontsize=6.5,
        color=style("credit").text,
        zorder=22,
        bbox={
            "boxstyle": "round,pad=0.35",
            "fc": "white",
            "ec": style("frame").stroke,
            "lw": 0.5,
            "alpha": 0.9,
        },
    )
