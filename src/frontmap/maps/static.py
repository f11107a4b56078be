"""Static maps: PNG, SVG and PDF files drawn with matplotlib, offline.

:func:`render` draws the same things as :func:`frontmap.draw` (articles, claims, verdicts, control maps,
changes, inferred control, places, shapely geometries, lists of them) on a light basemap of Ukraine's
oblasts, and writes one file, chosen by the extension.  No browser, no network, no tiles: the figure is
a plain matplotlib ``Figure`` on the Agg canvas (pyplot and its global state are never touched).

Projection: the map is drawn in lon/lat degrees (EPSG:4326, "plate carrée") with the axes' aspect set to
``1 / cos(mid-latitude)``, so that a kilometre east-west and a kilometre north-south have the same
length at the map's middle latitude and north is up.  Over Ukraine (44°N-52.5°N) east-west scale then
varies by about ±9 % from the bottom to the top of the map; the scale bar is computed for its own
latitude, along the parallel on the WGS84 ellipsoid.  Everything frontmap stores is lon/lat, so nothing
is reprojected.

Layers, bottom to top: neighbouring countries (lighter grey), Ukraine's oblasts and outline (the
gazetteer's), control maps (filled, semi-transparent, red for the occupied side) and changes, claim
shapes (distance sectors/rings, area disks, share disks as outlines only: a size, not a place),
front lines, inferred control (places held, the line and its uncertainty band), verdicts (stated point and
actual place joined by a line coloured by status), mentioned places (a marker by kind), then labels placed
so that none overlap (:mod:`frontmap.maps.labels`), the legend, a scale bar, a north arrow, the title and
a source line.

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
from frontmap.errors import FrontmapError, InputError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.maps.artists import draw_legend, draw_mark, draw_shape
from frontmap.maps.labels import Box, place_labels
from frontmap.maps.plan import UKRAINE_EXTENT, Plan, credit_line, fit, plan
from frontmap.maps.scene import collect
from frontmap.maps.style import place_style, style

__all__ = ["FORMATS", "UKRAINE_EXTENT", "figure", "render"]

#: File formats :func:`render` writes, by extension.
FORMATS = ("png", "svg", "pdf")
_NEIGHBOURS = ("BY", "RU", "PL", "SK", "HU", "RO", "MD")
_DEFAULT_FIGSIZE = (10.0, 7.0)
_MAX_PIXELS = 100_000_000
_MARKED = ("settlement", "facility")
_LABEL_RANK = {"settlement": 5, "facility": 4, "region": 2, "river": 2, "sea": 1, "country": 0}


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


# ------------------------------------------------------------------------------------- drawing
def _basemap(ax: Any, extent: tuple[float, float, float, float], width_px: float) -> bool:
    """Draw neighbours, oblasts and Ukraine's outline from the gazetteer; False when it is unavailable.

    Outlines are clipped to the extent (plus a margin) and simplified to half a pixel, which keeps SVG
    and PDF files small without any visible change."""
    import shapely
    from shapely.geometry import box

    w, s, e, n = extent
    pad = 0.05 * max(e - w, n - s)
    frame = box(w - pad, s - pad, e + pad, n + pad)
    tolerance = 0.5 * (e - w) / max(width_px, 1.0)

    def fit(g: Any) -> Any:
        if g is None or g.is_empty or not g.intersects(frame):
            return None
        if not frame.contains(g):
            g = g.intersection(frame)
        return shapely.simplify(g, tolerance, preserve_topology=True)

    gz = Gazetteer()
    for code in _NEIGHBOURS:
        try:
            g = fit(gz.country(code).geometry)
        except (LookupError, FrontmapError):
            continue
        if g is not None:
            draw_shape(ax, g, style("outline.neighbour"), 0.1)
    try:
        ua = gz.country("UA").geometry
    except (LookupError, FrontmapError):
        return False
    country, region = style("outline.country"), style("outline.region")
    layers = [
        (fit(ua), country.but(weight=0), 0.2),
        *((fit(r.geometry.boundary), region, 0.3) for r in gz.regions("UA")),
        (fit(ua.boundary), country, 0.4),
    ]
    for geom, st, z in layers:
        if geom is not None:
            draw_shape(ax, geom, st, z)
    return True


def _draw_places(ax: Any, out: Plan) -> list[tuple[float, float, str, dict[str, Any], float]]:
    """Markers and outlines for places; returns label candidates (lon, lat, text, text style, priority)."""
    labels = []
    point, area = style("label.point").text, style("label.area").text
    for p in out.places.values():
        if p.kind == "country" and p.id not in out.explicit:  # a mentioned country: the basemap shows it
            continue
        st = place_style(p.kind)
        if p.kind in _MARKED:
            ms = st.ms
            if p.kind == "settlement" and p.population:
                ms = min(3.5 + math.log10(max(p.population, 1000)) - 3, 8.0)
            draw_mark(ax, p.lon, p.lat, st, 8, ms=ms)
        else:  # region, country and seas outlined, rivers stroked
            draw_shape(ax, p.geometry, st, 0.05 if p.kind == "sea" else 1.0)
        size = 9.0 if p.population >= 1_000_000 else (8.0 if p.population >= 100_000 else 7.0)
        text = {"fontsize": size, "color": point}
        if p.kind in ("region", "river", "sea", "country"):
            text = {"fontsize": 7.5, "color": area, "style": "italic"}
        prio = _LABEL_RANK.get(p.kind, 1) * 1e9 + min(p.population, 1e9 - 1)
        labels.append((p.lon, p.lat, p.name, text, prio))
    return labels


def _axes_rect(title: bool) -> tuple[float, float, float, float]:
    """The map axes (left, bottom, width, height) as fractions of the figure: room below for the tick
    labels and the source line, above for the title."""
    left, bottom, right, top = 0.045, 0.075, 0.99, (0.93 if title else 0.985)
    return (left, bottom, right - left, top - bottom)


def _aspect(south: float, north: float) -> float:
    """Data aspect (y unit / x unit) that makes a km east equal a km north at the middle latitude."""
    return 1 / max(math.cos(math.radians((south + north) / 2)), 0.05)


def _fill_box(
    extent: tuple[float, float, float, float], width_in: float, height_in: float
) -> tuple[float, ...]:
    """Grow ``extent`` (west, south, east, north) about its centre, in one direction only, so that drawn
    at :func:`_aspect` it fills a box of ``width_in × height_in`` exactly.

    >>> w, s, e, n = _fill_box((30.0, 50.0, 31.0, 51.0), 2.0, 1.0)
    >>> round((n - s) * _aspect(s, n) / (e - w), 6), (w + e) / 2, (s + n) / 2
    (0.5, 30.5, 50.5)
    """
    w, s, e, n = extent
    a = _aspect(s, n)
    want = height_in / width_in
    have = (n - s) * a / (e - w)
    if have < want:  # too wide: add latitude
        half = want * (e - w) / a / 2
        cy = (s + n) / 2
        s, n = max(cy - half, -89.9), min(cy + half, 89.9)
    else:  # too tall: add longitude
        half = (n - s) * a / want / 2
        cx = (w + e) / 2
        w, e = cx - half, cx + half
    return w, s, e, n


def _scale_bar_km(lon: float, lat: float, width_deg: float) -> tuple[float, float]:
    """A round length (km) near a fifth of the map's width, and its length in degrees of longitude along
    the parallel ``lat`` on the WGS84 ellipsoid (radius of the parallel ``N(φ)·cos φ``)."""
    a, f = 6378137.0, 1 / 298.257223563
    e2 = f * (2 - f)
    phi = math.radians(lat)
    km_per_deg = math.pi / 180 * a * math.cos(phi) / math.sqrt(1 - e2 * math.sin(phi) ** 2) / 1000
    target = 0.2 * width_deg * km_per_deg
    exp = 10 ** math.floor(math.log10(target))
    km = max(m * exp for m in (1, 2, 5) if m * exp <= target)
    return km, km / km_per_deg


def _decorate(ax: Any, north_arrow: bool) -> list[Any]:
    """Scale bar (lower left) and north arrow (upper left); returns their artists (label obstacles)."""
    import matplotlib.patheffects as pe

    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    w, h = x1 - x0, y1 - y0
    bx, by = x0 + 0.03 * w, y0 + 0.04 * h
    km, deg = _scale_bar_km(bx, by, w)
    bar_style = style("scale_bar")
    dark = bar_style.stroke
    halo = [pe.withStroke(linewidth=2.5, foreground=bar_style.fill)]
    out = []
    for i in range(2):
        colour = dark if i == 0 else bar_style.fill
        (bar,) = ax.plot(
            [bx + i * deg / 2, bx + (i + 1) * deg / 2],
            [by, by],
            color=colour,
            lw=4,
            solid_capstyle="butt",
            zorder=20,
            path_effects=[pe.withStroke(linewidth=5.5, foreground=dark)],
        )
        out.append(bar)
    label = f"{km:g} km"
    out.append(
        ax.text(
            bx + deg / 2,
            by + 0.012 * h,
            label,
            ha="center",
            va="bottom",
            fontsize=7.5,
            color=bar_style.text,
            zorder=20,
            path_effects=halo,
        )
    )
    if north_arrow:
        ax_ = ax.annotate(
            "N",
            xy=(0.04, 0.95),
            xytext=(0.04, 0.85),
            xycoords="axes fraction",
            ha="center",
            va="center",
            fontsize=9,
            fontweight="bold",
            zorder=20,
            color=bar_style.text,
            arrowprops={"arrowstyle": "-|>", "color": dark, "lw": 1.2},
        )
        out.append(ax_)
    return out


def _place_labels(
    ax: Any,
    renderer: Any,
    cands: list[tuple[float, float, str, dict[str, Any], float]],
    obstacles: list[Any],
    dpi: float,
) -> None:
    import matplotlib.patheffects as pe

    if not cands:
        return
    texts = [ax.text(x, y, s, zorder=21, **st) for x, y, s, st, _ in cands]
    sizes = []
    for t in texts:
        bb = t.get_window_extent(renderer)
        sizes.append((bb.width, bb.height))
    anchors = ax.transData.transform([(x, y) for x, y, *_ in cands])
    boxes = [Box(*a.get_window_extent(renderer).extents) for a in obstacles]
    px = dpi / 72.0
    spots = place_labels(
        [tuple(a) for a in anchors],
        sizes,
        [c[4] for c in cands],
        gap=4 * px,
        point_radius=3 * px,
        bounds=Box(*ax.bbox.extents),
        obstacles=boxes,
    )
    inv = ax.transData.inverted()
    # The white halo is a stroked copy underneath (drawn as a path); the label itself stays plain text,
    # so SVG and PDF labels remain text that can be searched and edited.
    halo = [pe.Stroke(linewidth=2.4, foreground="white")]
    for t, spot, (_, _, s, st, _) in zip(texts, spots, cands, strict=True):
        if spot is None:
            t.remove()
            continue
        xy = inv.transform((spot.x, spot.y))
        t.set_position(xy)
        t.set_horizontalalignment(spot.ha)
        t.set_verticalalignment(spot.va)
        ax.text(*xy, s, zorder=20.5, ha=spot.ha, va=spot.va, path_effects=halo, **st)


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
        Default: what is drawn, plus a margin; all of Ukraine when there is nothing to fit.  The axes
        keep their shape, so one side of the extent grows to keep the map's aspect.
    basemap : bool
        Draw Ukraine's oblasts and outline and neighbouring countries (from the gazetteer).
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

    Every artist of a layer is labelled with its style's name (``"gained"``, ``"control"``,
    ``"check.line"`` ...; see :mod:`frontmap.maps.artists`)."""
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


def _draw(things: Any, opts: _Options, *, basemap: bool, legend: bool, north_arrow: bool, check: bool) -> Any:
    layout = plan(collect(things, check=bool(check), caller="render"))
    west, south, east, north = opts.box or fit(layout)
    fw, fh, dpi_v, title = opts.width, opts.height, opts.dpi, opts.title

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    frame = style("frame")
    fig = Figure(figsize=(fw, fh), dpi=dpi_v)
    canvas = FigureCanvasAgg(fig)
    rect = _axes_rect(bool(title))
    ax = fig.add_axes(rect)
    ax.set_facecolor(frame.fill)
    aspect = _aspect(south, north)
    west, south, east, north = _fill_box((west, south, east, north), fw * rect[2], fh * rect[3])
    ax.set_aspect(aspect, adjustable="box")
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.tick_params(labelsize=6.5, length=2, colors=frame.text)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:g}°E" if v >= 0 else f"{-v:g}°W")
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:g}°N" if v >= 0 else f"{-v:g}°S")
    for spine in ax.spines.values():
        spine.set_color(frame.stroke)

    drew_basemap = _basemap(ax, (west, south, east, north), fw * rect[2] * dpi_v) if basemap else False
    for geom, st, z, _ in layout.shapes:
        draw_shape(ax, geom, st, z)
    for x, y, st, z in layout.marks:
        draw_mark(ax, x, y, st, z)
    cands = _draw_places(ax, layout)
    cands += [(x, y, s, {"fontsize": 6.5, "color": c}, p) for x, y, s, c, p in layout.notes]
    ax.set_xlim(west, east)  # drawing may have autoscaled; the extent is ours
    ax.set_ylim(south, north)
    ax.apply_aspect()

    obstacles = _decorate(ax, north_arrow)
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
            0.008,
            "\n".join(textwrap.wrap(line, width)[:2]),
            ha="left",
            va="bottom",
            fontsize=6.5,
            color=style("credit").text,
        )
    _place_labels(ax, canvas.get_renderer(), cands, obstacles, dpi_v)
    return fig
