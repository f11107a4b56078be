"""Drawing a laid-out story on matplotlib axes in the map's projection, for :mod:`frontmap.maps.static`.

:class:`MapFrame` is the projection and the frame (projected metres) one axes shows; the functions
here draw the story's places, its distance bands and its labels on such an axes, so the main map and a
detail inset are drawn the same way.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from frontmap.errors import FrontmapError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.gazetteer.place import Place
from frontmap.maps._basemap import Label
from frontmap.maps._framing import LineDistance
from frontmap.maps._projection import Projector
from frontmap.maps.artists import draw_mark, draw_shape
from frontmap.maps.labels import Box, place_labels
from frontmap.maps.plan import Plan
from frontmap.maps.style import place_style, style

__all__ = [
    "MapFrame",
    "draw_bands",
    "draw_layers",
    "draw_places",
    "fill_frame",
    "focus_of",
    "frame_of",
    "map_frame",
    "off_map",
    "place_label_groups",
]

_MARKED = ("settlement", "facility")
_LABEL_RANK = {"settlement": 5, "facility": 4, "region": 2, "river": 2, "sea": 1, "country": 0}


class MapFrame(NamedTuple):
    """The projection and what is cut to: the frame (metres), a padded frame and its lon/lat cover."""

    proj: Projector
    frame: tuple[float, float, float, float]
    clip: Any
    lonlat: Any

    def shape(self, geom: Any) -> Any:
        return self.proj.geometry(geom, self.lonlat, self.clip)

    def xy(self, lon: float, lat: float) -> tuple[float, float] | None:
        x, y = self.proj.forward(lon, lat)
        return (float(x), float(y)) if math.isfinite(x) and math.isfinite(y) else None


def map_frame(extent: tuple[float, float, float, float], width_in: float, height_in: float) -> MapFrame:
    """The frame of a ``width_in × height_in`` map of ``extent`` (lon/lat) in a projection suited to it."""
    proj = Projector.for_extent(extent)
    return frame_of(proj, fill_frame(proj.bounds(extent), width_in, height_in))


def frame_of(proj: Projector, frame: tuple[float, float, float, float]) -> MapFrame:
    """A :class:`MapFrame` showing the projected rectangle ``frame`` of ``proj``."""
    from shapely.geometry import box

    x0, y0, x1, y1 = frame
    pad = 0.05 * max(x1 - x0, y1 - y0)
    w, s, e, n = proj.lonlat_envelope((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    lonlat = box(w - 0.5, max(s - 0.5, -90.0), e + 0.5, min(n + 0.5, 90.0))
    return MapFrame(proj, frame, box(x0 - pad, y0 - pad, x1 + pad, y1 + pad), lonlat)


def fill_frame(
    bounds: tuple[float, ...], width_in: float, height_in: float
) -> tuple[float, float, float, float]:
    """Grow projected ``bounds`` (xmin, ymin, xmax, ymax) about their centre, in one direction only, to
    the shape of a ``width_in × height_in`` box (a metre is as long east as north on a conformal map).

    >>> fill_frame((0.0, 0.0, 100.0, 100.0), 2.0, 1.0)
    (-50.0, 0.0, 150.0, 100.0)
    """
    x0, y0, x1, y1 = bounds
    want = height_in / width_in
    if (y1 - y0) / (x1 - x0) < want:  # too wide: add height
        half, cy = want * (x1 - x0) / 2, (y0 + y1) / 2
        return x0, cy - half, x1, cy + half
    half, cx = (y1 - y0) / want / 2, (x0 + x1) / 2
    return cx - half, y0, cx + half, y1


def draw_places(ax: Any, out: Plan, m: MapFrame) -> list[Label]:
    """Markers and outlines for places; returns label candidates (x, y, text, text style, priority)."""
    labels = []
    point, area = style("label.point").text, style("label.area").text
    for p in out.places.values():
        if p.kind == "country" and p.id not in out.explicit:  # a mentioned country: the basemap shows it
            continue
        xy = m.xy(p.lon, p.lat)
        if xy is None:
            continue
        st = place_style(p.kind)
        if p.kind in _MARKED:
            ms = st.ms
            if p.kind == "settlement" and p.population:
                ms = min(3.5 + math.log10(max(p.population, 1000)) - 3, 8.0)
            draw_mark(ax, *xy, st, 8, ms=ms)
        else:  # region, country and seas outlined, rivers stroked
            g = m.shape(p.geometry)
            if g is not None:
                draw_shape(ax, g, st, 0.05 if p.kind == "sea" else 1.0)
        size = 9.0 if p.population >= 1_000_000 else (8.0 if p.population >= 100_000 else 7.0)
        text = {"fontsize": size, "color": point}
        if p.kind in ("region", "river", "sea", "country"):
            text = {"fontsize": 7.5, "color": area, "style": "italic"}
        prio = _LABEL_RANK.get(p.kind, 1) * 1e9 + min(p.population, 1e9 - 1)
        labels.append((*xy, p.name, text, prio))
    return labels


def off_map(layout: Plan, m: MapFrame) -> list[Place]:
    """Mentioned settlements and facilities that fall outside the frame (Moscow on a map of Kyiv)."""
    x0, y0, x1, y1 = m.frame
    out = []
    for p in layout.places.values():
        xy = m.xy(p.lon, p.lat) if p.kind in _MARKED and p.id not in layout.explicit else (x0, y0)
        if xy is None or not (x0 <= xy[0] <= x1 and y0 <= xy[1] <= y1):
            out.append(p)
    return out


def draw_bands(ax: Any, bands: list[LineDistance], m: MapFrame) -> None:
    """Distances from a border, region or river: the band the stated distance allows along the line,
    and the subject joined to the nearest point of the line."""
    from shapely.geometry import Point, box
    from shapely.ops import nearest_points

    for b in bands:
        x0, y0, x1, y1 = m.clip.bounds
        grow = b.high_km * 1000.0 * 1.2
        wide = box(x0 - grow, y0 - grow, x1 + grow, y1 + grow)
        line = m.proj.geometry(b.anchor.geometry, None, wide)
        if line is None:
            continue
        solid = "Polygon" in line.geom_type
        inner = line if solid else None
        if b.low_km > 0:
            inner = line.buffer(b.low_km * 1000.0)
        band = line.buffer(b.high_km * 1000.0)
        band = band.difference(inner) if inner is not None else band
        band = _on_this_side(band.intersection(m.clip), b.anchor, m)
        st = b.style.but(weight=0.5 * b.style.weight)
        st = st if b.colour is None else st.but(stroke=b.colour)
        draw_shape(ax, band, st, 3.0)
        if b.subject is not None:
            xy = m.xy(b.subject.lon, b.subject.lat)
            if xy is not None:
                edge = line.boundary if solid else line
                _, near = nearest_points(Point(xy), edge)
                check = style("check.line").coloured(b.colour or style("check.unverifiable").stroke or "")
                from shapely.geometry import LineString

                draw_shape(ax, LineString([xy, (near.x, near.y)]), check, 6.5)


def _on_this_side(band: Any, anchor: Place, m: MapFrame) -> Any:
    """ "Within 10 km of the Russian border" in news of Ukraine is on Ukraine's side: the band cut to
    Ukraine when the line is another country's outline (unchanged when that leaves nothing)."""
    if anchor.kind != "country" or anchor.country == "UA":
        return band
    try:
        ua = m.shape(Gazetteer().country("UA").geometry)
    except (LookupError, FrontmapError):
        return band
    inside = band.intersection(ua) if ua is not None else band
    return band if inside.is_empty else inside


def place_label_groups(
    ax: Any, renderer: Any, groups: list[list[Label]], obstacles: list[Any], dpi: float
) -> None:
    """Place each group's labels (:func:`frontmap.maps.labels.place_labels`) around what earlier
    groups placed: the story's places and notes first, then the basemap's names, whose points (an
    oblast's middle) need not be kept clear."""
    boxes = [Box(*a.get_window_extent(renderer).extents) for a in obstacles]
    px = dpi / 72.0
    for cands in groups:
        if cands:
            boxes += _place_group(ax, renderer, cands, boxes, px)


def _place_group(ax: Any, renderer: Any, cands: list[Label], boxes: list[Box], px: float) -> list[Box]:
    import matplotlib.patheffects as pe

    texts = [ax.text(x, y, s, zorder=21, **st) for x, y, s, st, _ in cands]
    sizes = []
    for t in texts:
        bb = t.get_window_extent(renderer)
        sizes.append((bb.width, bb.height))
    anchors = ax.transData.transform([(x, y) for x, y, *_ in cands])
    r = 3 * px
    spots = place_labels(
        [tuple(a) for a in anchors],
        sizes,
        [c[4] for c in cands],
        gap=4 * px,
        point_radius=r,
        bounds=Box(*ax.bbox.extents),
        obstacles=boxes,
    )
    inv = ax.transData.inverted()
    # The white halo is a stroked copy underneath (drawn as a path); the label itself stays plain text,
    # so SVG and PDF labels remain text that can be searched and edited.
    halo = [pe.Stroke(linewidth=2.4, foreground="white")]
    placed = [Box(x - r, y - r, x + r, y + r) for x, y in anchors]  # later groups keep clear of points
    for t, spot, (_, _, s, st, _) in zip(texts, spots, cands, strict=True):
        if spot is None:
            t.remove()
            continue
        xy = inv.transform((spot.x, spot.y))
        t.set_position(xy)
        t.set_horizontalalignment(spot.ha)
        t.set_verticalalignment(spot.va)
        ax.text(*xy, s, zorder=20.5, ha=spot.ha, va=spot.va, path_effects=halo, **st)
        placed.append(spot.box)
    return placed


def draw_layers(ax: Any, layout: Plan, bands: list[LineDistance], m: MapFrame) -> None:
    """The story's shapes, distance bands and marks (places are :func:`draw_places`)."""
    for geom, st, z, _ in layout.shapes:
        g = m.shape(geom)
        if g is not None:
            draw_shape(ax, g, st, z)
    draw_bands(ax, bands, m)
    for x, y, st, z in layout.marks:
        xy = m.xy(x, y)
        if xy is not None:
            draw_mark(ax, *xy, st, z)


def notes_of(layout: Plan, m: MapFrame) -> list[Label]:
    """The verdict notes as label candidates: after the settlements' and facilities' names, before
    those of regions, rivers and seas."""
    out: list[Label] = []
    for x, y, s, c, p in layout.notes:
        xy = m.xy(x, y)
        if xy is not None:
            out.append((*xy, s, {"fontsize": 6.5, "color": c}, 3e9 + p))
    return out


#: The layers that say where a story happens (claims and checks), by style name.
_FOCUS = ("distance", "area", "check.shape", "check.line", "claim.ray", "shape")


def focus_of(layout: Plan, m: MapFrame, min_km: float = 40.0) -> tuple[float, float, float, float] | None:
    """Where the story's claims and checks are (projected bounds, padded), when they are at least two
    marks or shapes; None otherwise."""
    pts = [m.xy(x, y) for x, y, *_ in layout.marks] + [m.xy(x, y) for x, y, *_ in layout.notes]
    for g, st, _z, fit in layout.shapes:
        if fit and st.name in _FOCUS:
            w, s, e, n = g.bounds
            pts += [m.xy(w, s), m.xy(e, n), m.xy(w, n), m.xy(e, s)]
    xy = [p for p in pts if p is not None]
    if len(xy) < 2:
        return None
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys), min_km * 1000.0) * 0.65
    return cx - half, cy - half, cx + half, cy + half
