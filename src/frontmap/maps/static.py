"""Static maps: PNG, SVG and PDF files drawn with matplotlib, offline.

:func:`render` draws the same things as :func:`frontmap.draw` (articles, claims, verdicts, control maps,
changes, inferred control, places, shapely geometries, lists of them) on a basemap of Ukraine and its
neighbours, and writes one file, chosen by the extension.  No browser, no network, no tiles: the figure is
a plain matplotlib ``Figure`` on the Agg canvas (pyplot and its global state are never touched).

Projection: a conformal projection chosen from the extent (:mod:`frontmap.maps._projection`): Lambert
Conformal Conic with standard parallels at one sixth and five sixths of the extent's latitudes (Mercator
near the equator, polar stereographic near a pole), in metres on the WGS84 ellipsoid.  Shapes and
angles are true everywhere on the map; over Ukraine lengths are true to about 0.3 %, and the scale bar
is measured for the place it is drawn.  Every layer is densified in lon/lat before it is projected
(a coast or a parallel comes out curved, not as a chord) and cut to the frame, so no clipped edge is
stroked across the sea.  The axes' data coordinates are those projected metres; the CRS is ``ax.crs``
(a :class:`pyproj.CRS`).  Meridians and parallels are drawn faintly and labelled where they leave the map
(°E below, °N on the left); a north arrow points to true north where it stands.

Framing (:mod:`frontmap.maps._framing`): the map frames the theatre.  Places a story mentions far
outside Ukraine and its surroundings ("officials in Washington") are listed in a small box instead of
stretching the map; a share or area claim about a whole country or oblast highlights that territory
(its controlled part when a control map is drawn) instead of a disk of that area around its centre, and
an area said to have changed hands with several places is their hull, as on the HTML map; a distance
from a border or a river is a band along the line, and the place it is said of is joined to the nearest
point of the line.  A map showing only part of Ukraine gets a locator inset.

Layers, bottom to top: sea (the background), neighbouring countries, Ukraine, its oblasts, lakes and
rivers (the ``base.*`` entries the HTML basemap uses), the graticule, control maps (filled,
semi-transparent, red for the occupied side) and changes, claim shapes, front lines, inferred control,
verdicts (stated point and actual place joined by a line coloured by status), mentioned places (a
marker by kind), then labels placed so that none overlap each other, a marker or the map's furniture
(:mod:`frontmap.maps.labels`; the story's places first, then oblast, sea and country names), the legend,
a scale bar, a north arrow, the title and a source line.

What was passed is sorted by the same collector as :func:`frontmap.draw`'s
(:func:`frontmap.maps.scene.collect`), laid out by :mod:`frontmap.maps.plan`, and drawn with the colours,
widths, dashes and labels of the style table both renderers read (:mod:`frontmap.maps.style`), so a
layer has the same colour here as in the HTML map.
"""

from __future__ import annotations

import math
import os
import reprlib
import textwrap
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from frontmap._io import atomic_write_with
from frontmap.errors import InputError
from frontmap.gazetteer.place import Place
from frontmap.maps._basemap import Label, draw_basemap, draw_graticule
from frontmap.maps._drawing import (
    MapFrame,
    draw_layers,
    draw_places,
    fill_frame,
    focus_of,
    frame_of,
    map_frame,
    notes_of,
    off_map,
    place_label_groups,
)
from frontmap.maps._framing import LineDistance, compact, far_away, fit, line_distances, territories
from frontmap.maps._furniture import decorate, far_box, locator, scale_bar
from frontmap.maps.artists import draw_legend, draw_shape
from frontmap.maps.plan import UKRAINE_EXTENT, Plan, credit_line, plan
from frontmap.maps.scene import collect
from frontmap.maps.style import style

__all__ = ["FORMATS", "UKRAINE_EXTENT", "figure", "render", "scale_bar"]

#: File formats :func:`render` writes, by extension.
FORMATS = ("png", "svg", "pdf")
_DEFAULT_FIGSIZE = (10.0, 7.0)
_MAX_PIXELS = 100_000_000


# ------------------------------------------------------------------------------------ validation
def _format(path: Any) -> tuple[Path, str]:
    if not isinstance(path, str | os.PathLike):
        raise InputError(f"path must be a file name such as 'map.png', not {reprlib.repr(path)}")
    p = Path(path)
    ext = p.suffix.lower().lstrip(".")
    if ext not in FORMATS:
        raise InputError(
            f"cannot write {str(p)!r}: unknown extension {p.suffix or '(none)'!r}; use one of "
            + ", ".join(f".{f}" for f in FORMATS)
        )
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"cannot write {str(p)!r}: folder {str(folder)!r} does not exist")
    return p, ext


def _positive(name: str, x: Any, high: float) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float | np.integer | np.floating):
        raise InputError(f"{name} must be a number, not {x!r}")
    v = float(x)
    if not 0 < v <= high:
        raise InputError(f"{name} must be > 0 and <= {high:g}, not {x!r}")
    return v


def _extent(extent: Any) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(v) for v in extent)
    except (TypeError, ValueError):
        raise InputError(f"extent must be (west, south, east, north) in degrees, not {extent!r}") from None
    if not all(math.isfinite(v) for v in (w, s, e, n)) or not (w < e and s < n and -90 <= s and n <= 90):
        raise InputError(
            f"extent {extent!r} is not (west, south, east, north) with west < east, south < north, "
            "latitudes within ±90; e.g. (22.0, 44.2, 40.4, 52.5) for Ukraine"
        )
    return w, s, e, n


# ------------------------------------------------------------------------------------- the story
class _Story(NamedTuple):
    layout: Plan
    bands: list[LineDistance]
    far: list[Place]


def _story(scene: Any) -> _Story:
    """Lay out the scene the way a map of a story needs it (see :mod:`frontmap.maps._framing`):
    territories highlighted instead of disks, distances from lines as bands, far places left out."""
    scene, regions = territories(scene)
    scene, bands = line_distances(scene)
    layout = plan(scene)
    for t in regions:
        layout.shape(t.geometry, t.style, 2.2, legend=t.legend)
        if t.notes:
            text = "\n".join(dict.fromkeys(n for n, _ in t.notes))
            layout.notes.append((t.place.lon, t.place.lat, text, t.notes[0][1], 1.0))
    for b in bands:
        layout.legend.setdefault(b.legend, ("polygon", b.style))
        if b.subject is not None:
            layout.place(b.subject)
            if b.notes:
                text = "\n".join(dict.fromkeys(n for n, _ in b.notes))
                layout.notes.append((b.subject.lon, b.subject.lat, text, b.notes[0][1], 1.0))
    far = far_away(layout)
    layout.notes = [(x, y, compact(text), c, p) for x, y, text, c, p in layout.notes]
    return _Story(layout, bands, far)


def _axes_rect(title: bool) -> tuple[float, float, float, float]:
    """The map axes (left, bottom, width, height) as fractions of the figure: room below for the
    graticule labels and the source line, on the left for latitudes, above for the title."""
    left, bottom, right, top = 0.05, 0.07, 0.99, (0.93 if title else 0.985)
    return (left, bottom, right - left, top - bottom)


def render(
    things: Any,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    source_line: str | None = None,
    dpi: float = 150,
    figsize: tuple[float, float] | None = None,
    extent: tuple[float, float, float, float] | None = None,
    basemap: bool = True,
    legend: bool = True,
    north_arrow: bool = True,
    check: bool = True,
) -> Path:
    """Draw ``things`` on a static map and write it to ``path`` (PNG, SVG or PDF by extension).

    Parameters
    ----------
    things : object or list
        What :func:`frontmap.draw` accepts (the same collector, :func:`frontmap.maps.scene.collect`):
        articles, mentions, claims, verdicts, control maps, changes, inferred control, places, shapely
        geometries (lon/lat), GeoDataFrames or GeoSeries, or (nested) lists of them.
    path : str or PathLike
        ``*.png``, ``*.svg`` or ``*.pdf``; written atomically (a reader never sees half a file).
    title : str, optional
        Printed above the map.
    source_line : str, optional
        Small print below the map; by default the sources of the articles and control maps drawn and
        the gazetteer's attribution.  ``""`` prints none.
    dpi : float
        Dots per inch (PNG pixel size is ``figsize × dpi``); vector formats keep text as text.
    figsize : (width, height) in inches, optional
        Default (10, 7).
    extent : (west, south, east, north) in degrees, optional
        Default: what is drawn in the theatre (Ukraine and a margin), plus a margin; all of Ukraine when
        there is nothing to fit.  Far-away places are listed in a box, not framed.  The projection is
        chosen from this extent; the axes keep their shape, so one side of the frame grows to keep the
        map's aspect.  Without an explicit extent, a detail inset is drawn where the claims crowd a
        small part of the map.
    basemap : bool
        Draw the sea, the neighbouring countries, Ukraine's oblasts, lakes and rivers, and their names
        (from the gazetteer), and a locator inset when the map shows only part of Ukraine.
    legend : bool
        Draw a legend of the layers shown (upper right).
    north_arrow : bool
        Draw a north arrow in the upper-left corner.
    check : bool
        When articles or claims are given and no verdicts, run :func:`frontmap.check` on them and draw
        the verdicts (as :func:`frontmap.draw` does; if checking fails, the map is drawn with a warning).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    InputError
        An unknown extension, a missing folder, a bad size, dpi or extent, or something it cannot draw.

    Examples
    --------
    >>> import tempfile, os
    >>> from shapely.geometry import box
    >>> out = render(box(36.0, 49.0, 37.0, 50.0), os.path.join(tempfile.mkdtemp(), "m.svg"),
    ...              title="A square", basemap=False)
    >>> out.suffix, out.stat().st_size > 1000
    ('.svg', True)
    """
    target, fmt = _format(path)
    opts = _options(dpi, figsize, title, source_line, extent)
    fw, fh, dpi_v = opts.width, opts.height, opts.dpi
    if fmt == "png" and fw * fh * dpi_v * dpi_v > _MAX_PIXELS:
        raise InputError(
            f"a {fw:g}x{fh:g} inch figure at {dpi_v:g} dpi is {fw * fh * dpi_v * dpi_v:,.0f} pixels; "
            f"keep it under {_MAX_PIXELS:,} (lower dpi or figsize)"
        )
    fig = _draw(things, opts, basemap=basemap, legend=legend, north_arrow=north_arrow, check=check)

    import matplotlib

    rc: Any = {"svg.fonttype": "none", "pdf.fonttype": 42, "svg.hashsalt": "frontmap"}
    metadata = {"png": {"Software": "frontmap"}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[fmt]

    def write(fh: Any) -> None:
        with matplotlib.rc_context(rc):
            fig.savefig(fh, format=fmt, dpi=dpi_v, metadata=metadata)

    return atomic_write_with(target, write)


def figure(
    things: Any,
    *,
    title: str | None = None,
    source_line: str | None = None,
    dpi: float = 150,
    figsize: tuple[float, float] | None = None,
    extent: tuple[float, float, float, float] | None = None,
    basemap: bool = True,
    legend: bool = True,
    north_arrow: bool = True,
    check: bool = True,
) -> Any:
    """The map :func:`render` would write, as a matplotlib ``Figure`` on the Agg canvas (same options).

    The map is ``fig.axes[0]``; its data coordinates are projected metres and its CRS is ``ax.crs`` (a
    :class:`pyproj.CRS`), so ``Transformer.from_crs("EPSG:4326", ax.crs, always_xy=True)`` places a
    lon/lat on it.  Insets (locator, detail) are its ``child_axes``.  Every artist of a layer is labelled
    with its style's name (``"gained"``, ``"control"``, ``"check.line"`` ...; see
    :mod:`frontmap.maps.artists`)."""
    opts = _options(dpi, figsize, title, source_line, extent)
    return _draw(things, opts, basemap=basemap, legend=legend, north_arrow=north_arrow, check=check)


class _Options(NamedTuple):
    dpi: float
    width: float
    height: float
    box: tuple[float, float, float, float] | None
    title: str | None
    source_line: str | None


def _options(dpi: Any, figsize: Any, title: Any, source_line: Any, extent: Any) -> _Options:
    dpi_v = _positive("dpi", dpi, 1200)
    if figsize is None:
        fw, fh = _DEFAULT_FIGSIZE
    else:
        try:
            fw, fh = figsize
        except (TypeError, ValueError):
            raise InputError(f"figsize must be (width, height) in inches, not {figsize!r}") from None
        fw, fh = _positive("figsize width", fw, 50), _positive("figsize height", fh, 50)
    if title is not None and not isinstance(title, str):
        raise InputError(f"title must be a string, not {reprlib.repr(title)}")
    if source_line is not None and not isinstance(source_line, str):
        raise InputError(f"source_line must be a string, not {reprlib.repr(source_line)}")
    box = _extent(extent) if extent is not None else None
    return _Options(dpi_v, fw, fh, box, title, source_line)


def _dress(ax: Any, m: MapFrame, basemap: bool) -> Any:
    """An axes showing ``m``'s frame: its CRS (``ax.crs``), the sea (or a plain ground), no ticks."""
    frame = style("frame")
    ax.crs = m.proj.crs  # the map's CRS, as cartopy's GeoAxes has it
    ax.set_facecolor(style("base.sea").fill if basemap else frame.fill)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color(frame.stroke)
    return ax


def _story_on(
    ax: Any, story: _Story, m: MapFrame, basemap: bool, width_px: float
) -> tuple[bool, list[Label], list[Label]]:
    """Basemap, layers and places of ``story`` on ``ax``; (basemap drawn, place labels, basemap labels)."""
    base: list[Label] = []
    drew = False
    if basemap:
        skip = {p.name for p in story.layout.places.values()}
        drew, base = draw_basemap(ax, m.proj, m.frame, width_px, skip)
    draw_layers(ax, story.layout, story.bands, m)
    cands = draw_places(ax, story.layout, m)
    x0, y0, x1, y1 = m.frame
    ax.set_xlim(x0, x1)  # drawing may have autoscaled; the frame is ours
    ax.set_ylim(y0, y1)
    ax.apply_aspect()
    return drew, cands, base


#: A detail inset is drawn when the story's claims fill less than this fraction of the map's width.
DETAIL_BELOW = 0.2
_DETAIL_SIZE = (0.36, 0.46)  # fraction of the axes (width, height)


class _Detail(NamedTuple):
    ax: Any
    corner: tuple[float, float]  # its lower left, axes fraction
    frame: MapFrame
    labels: list[Label]  # the places', then the basemap's
    base: list[Label]


def _detail(ax: Any, story: _Story, m: MapFrame, basemap: bool, right_free: bool) -> _Detail | None:
    """A detail inset of where the claims are, when they crowd a small part of a large map (a story
    about the Donbas that also speaks of "a fifth of Ukraine"), drawn at the corner that hides the
    fewest of the story's places; None when the claims are spread out or no corner is free."""
    from shapely.geometry import Point, box

    focus = focus_of(story.layout, m)
    x0, y0, x1, y1 = m.frame
    if focus is None or focus[2] - focus[0] > DETAIL_BELOW * (x1 - x0):
        return None
    fw, fh = _DETAIL_SIZE
    bb = ax.get_window_extent()
    corners = [(1 - fw - 0.012, 0.015)] if right_free else []
    corners += [(0.012, 0.13), (0.012, 1 - fh - 0.16)]
    where = box(*focus)

    def crowd(corner: tuple[float, float]) -> float:
        cx, cy = corner
        r = box(
            x0 + cx * (x1 - x0), y0 + cy * (y1 - y0), x0 + (cx + fw) * (x1 - x0), y0 + (cy + fh) * (y1 - y0)
        )
        return 1e9 * r.intersects(where) + sum(
            r.contains(Point(*xy)) for p in story.layout.places.values() if (xy := m.xy(p.lon, p.lat))
        )

    corner = min(corners, key=crowd)
    if crowd(corner) >= 1e9:
        return None
    inset = _dress(ax.inset_axes((*corner, fw, fh), zorder=23), m, basemap)
    inner = frame_of(m.proj, fill_frame(focus, fw * bb.width, fh * bb.height))
    _, labels, base = _story_on(inset, story, inner, basemap, fw * bb.width)
    for spine in inset.spines.values():
        spine.set_color(style("scale_bar").stroke)
        spine.set_linewidth(1.2)
    draw_shape(ax, box(*inner.frame).boundary, style("scale_bar").but(weight=2.4), 19)
    return _Detail(inset, corner, inner, labels + notes_of(story.layout, inner), base)


def _draw(things: Any, opts: _Options, *, basemap: bool, legend: bool, north_arrow: bool, check: bool) -> Any:
    story = _story(collect(things, check=bool(check), caller="render"))
    layout = story.layout
    fw, fh, dpi_v, title = opts.width, opts.height, opts.dpi, opts.title

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(fw, fh), dpi=dpi_v)
    canvas = FigureCanvasAgg(fig)
    rect = _axes_rect(bool(title))
    m = map_frame(opts.box or fit(layout), fw * rect[2], fh * rect[3])
    ax = _dress(fig.add_axes(rect), m, basemap)
    drew_basemap, cands, base = _story_on(ax, story, m, basemap, fw * rect[2] * dpi_v)
    obstacles = draw_graticule(ax, m.proj, m.frame)
    obstacles += decorate(ax, m.proj, m.frame, north_arrow)
    inset = locator(ax, m.proj, m.frame, 0.985) if basemap else None
    detail = _detail(ax, story, m, basemap, inset is None) if opts.box is None else None
    if detail is None:
        cands += notes_of(layout, m)
    off = story.far + off_map(layout, m)
    if detail is not None and detail.corner[0] > 0.5:  # the inset holds the lower right: list on the left
        far = far_box(ax, off, 0.012, 0.12, "left")
    else:
        far = far_box(ax, off, 0.765 if inset is not None else 0.985)
    obstacles += [a for a in (inset, far, detail and detail.ax) if a is not None]
    legend_artist = draw_legend(ax, layout.legend) if legend else None
    if legend_artist is not None:
        obstacles.append(legend_artist)
    if title:
        fig.text(0.5, 0.985, title, ha="center", va="top", fontsize=13, fontweight="bold")
    line = credit_line(layout, drew_basemap) if opts.source_line is None else opts.source_line
    if line:
        width = max(int(fw * 72 / (6.5 * 0.52)), 40)
        fig.text(
            0.015,
            0.006,
            "\n".join(textwrap.wrap(line, width)[:2]),
            ha="left",
            va="bottom",
            fontsize=6.5,
            color=style("credit").text,
        )
    renderer = canvas.get_renderer()
    place_label_groups(ax, renderer, [cands, base], obstacles, dpi_v)
    if detail is not None:
        bar = decorate(detail.ax, detail.frame.proj, detail.frame.frame, False)
        place_label_groups(detail.ax, renderer, [detail.labels, detail.base], bar, dpi_v)
    return fig
