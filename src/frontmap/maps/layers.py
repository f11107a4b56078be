"""The layers of :func:`frontmap.draw`, one builder each; private (see :mod:`frontmap.maps`).

Every builder takes the collected :class:`~frontmap.maps.scene.Scene` (the collector static maps use
too), extends :class:`Bounds` with what it draws, appends ``(swatch, label)`` rows to the legend and
records what it had to leave out in :class:`Skips`.  Colours, widths, dashes, marker sizes and legend
labels come from the style table (:mod:`frontmap.maps.style`).  All text goes through
:func:`frontmap.maps.kit.esc`.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from typing import Any

from frontmap._dates import to_date
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import bearing, destination
from frontmap.maps import kit as L
from frontmap.maps.scene import AREA_KINDS, THEATRE, Scene, band_of, buffer_km, date_of, is_far
from frontmap.maps.style import Style, status_style, style
from frontmap.reading.claims import DistanceClaim
from frontmap.shapes import distance_interval_km

#: Simplification tolerances in degrees (≈ 200 m for control maps, ≈ 50 m for claim shapes).
CONTROL_TOLERANCE = 0.002
SHAPE_TOLERANCE = 0.0005
#: Pixels kept free when the view is fitted: the side panel (left) and the legend (right).
PADDING_TOP_LEFT, PADDING_BOTTOM_RIGHT = (330, 20), (40, 20)
#: Ukraine's box (west, south, east, north), shown whole when what is drawn spans more than
#: ``WIDE_DEG`` degrees of longitude (or 0.6 of that of latitude).
UKRAINE_BOX, WIDE_DEG = (22.1, 44.4, 40.2, 52.4), 6.0
#: The theatre (west, south, east, north): Ukraine and a margin.  Places outside it do not set the view.
FOCUS = THEATRE


class Bounds:
    """The lon/lat box around what is drawn; :meth:`fit` zooms the map to it.

    Things far from the theatre (a capital abroad, an area compared with) would zoom the map out to
    the world, so shapes that miss :data:`FOCUS` -- and the points of countries and seas anywhere --
    only count when nothing else was drawn.
    """

    def __init__(self) -> None:
        self.core: tuple[float, float, float, float] | None = None  # west, south, east, north
        self.rest: tuple[float, float, float, float] | None = None

    @staticmethod
    def _grow(box: Any, geom: Any) -> tuple[float, float, float, float]:
        w, s, e, n = geom.bounds
        if box is not None:
            w, s, e, n = min(w, box[0]), min(s, box[1]), max(e, box[2]), max(n, box[3])
        return (w, s, e, n)

    def add(self, geom: Any, core: bool = True) -> None:
        if geom is None or geom.is_empty:
            return
        w, s, e, n = geom.bounds
        fw, fs, fe, fn = FOCUS
        if core and w <= fe and e >= fw and s <= fn and n >= fs:
            self.core = self._grow(self.core, geom)
        else:
            self.rest = self._grow(self.rest, geom)

    def add_place(self, place: Place) -> None:
        from shapely.geometry import Point

        w, s, e, n = FOCUS
        near = w <= place.lon <= e and s <= place.lat <= n and place.kind not in ("country", "sea")
        self.add(Point(place.lon, place.lat), core=near)

    def fit(self, m: Any) -> None:
        box = self.core or self.rest
        if box is None:
            return
        w, s, e, n = box
        if e - w > WIDE_DEG or n - s > WIDE_DEG * 0.6:  # a story across the country: show all of it
            uw, us, ue, un = UKRAINE_BOX
            w, s, e, n = min(w, uw), min(s, us), max(e, ue), max(n, un)
        pad = 0.05 if (e - w) < 0.1 and (n - s) < 0.1 else 0.0  # a single point: show its surroundings
        corners = [[s - pad, w - pad], [n + pad, e + pad]]
        m.fit_bounds(
            [[round(v, L.DECIMALS) for v in corner] for corner in corners],
            max_zoom=11,
            padding_top_left=PADDING_TOP_LEFT,
            padding_bottom_right=PADDING_BOTTOM_RIGHT,
        )


class LeftOutWarning(UserWarning):
    """The one warning of a :func:`frontmap.draw` call that left items out: a short message, and every
    item (what, and why) in ``items``."""

    def __init__(self, message: str, items: list[str]) -> None:
        super().__init__(message)
        self.items = list(items)


class Skips:
    """Things that could not be drawn, reported in one warning per :func:`draw` call."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, what: str, exc: BaseException) -> None:
        self.items.append(f"{what}: {exc}")

    def warn(self) -> None:
        """One short line: how many items were left out and the first reason (all of them are in the
        warning's ``items``, in the page's side panel, and in ``m.frontmap_left_out``)."""
        if self.items:
            first = L.clip(self.items[0], 90)
            more = f" (and {len(self.items) - 1} more)" if len(self.items) > 1 else ""
            message = f"draw() left out {len(self.items)} item(s): {first}{more}"
            warnings.warn(LeftOutWarning(message, self.items), stacklevel=3)


# ------------------------------------------------------------------------------------------ marks
def _latlon(lat: float, lon: float) -> list[float]:
    return [round(lat, L.DECIMALS), round(lon, L.DECIMALS)]


def _circle(location: list[float], st: Style, tip: str | None = None, parts: list[str] | None = None) -> Any:
    """A circle marker in the style ``st`` (radius, stroke, fill from the table)."""
    import folium

    return folium.CircleMarker(
        location,
        radius=st.radius,
        color=st.stroke or st.fill,
        weight=st.weight,
        opacity=st.opacity,
        fill=True,
        fill_color=st.fill or st.stroke,
        fill_opacity=st.fill_opacity,
        tooltip=L.tooltip(tip) if tip else None,
        popup=L.popup(parts) if parts else None,
    )


def _geometry(claim: Any, skips: Skips) -> Any:
    try:
        g = claim.geometry()
    except Exception as exc:  # a claim that cannot be shaped is left out, never fatal
        skips.add(f"claim {claim.text!r}", exc)
        return None
    return None if g is None or g.is_empty else g


def _point(claim: Any) -> Any:
    try:
        return claim.point()
    except Exception:
        return None


# -------------------------------------------------------------------------------------- distance
def _stated_marker(point: Any, colour: str | None, tip: str) -> Any:
    """The hollow ring that marks where a claim puts a place (legend: "stated position"); the popup
    is on the shape or line it belongs to (one copy per claim keeps big maps small)."""
    return _circle(L.latlon(point), style("check.stated").but(stroke=colour), tip)


def distance_layer(scene: Scene, bounds: Bounds, legend: list, skips: Skips) -> Any:
    import folium

    claims = [c for c in scene.claims if isinstance(c, DistanceClaim)]
    if not claims:
        return None
    group = folium.FeatureGroup(name=L.esc("Distance claims"))
    st, anchor = style("distance"), style("anchor")
    drawn = False
    anchors: set[str] = set()
    for c in claims:
        g = _from_line(c, skips) if _is_area(c.anchor) else _geometry(c, skips)
        if g is None:
            continue
        drawn = True
        parts = L.claim_popup(c)
        g = g.simplify(SHAPE_TOLERANCE)
        if _is_area(c.anchor):  # measured from a border: the band beside it, no point for the anchor
            L.geo_json(g, st.leaflet(), c.text, parts).add_to(group)
            bounds.add(g)
            continue
        L.geo_json(g, st.leaflet(), c.text, parts).add_to(group)
        bounds.add(g)
        if c.anchor is not None and c.anchor.id not in anchors:  # one dot per place measured from
            anchors.add(c.anchor.id)
            where = _latlon(c.anchor.lat, c.anchor.lon)
            _circle(where, anchor, f"measured from {c.anchor.name}").add_to(group)
        pt = _point(c)
        if pt is not None:
            _stated_marker(pt, st.stroke, f"where “{c.text}” puts it").add_to(group)
    if drawn:
        legend.append((L.swatch(st.fill or ""), st.legend()))
        legend.append((L.swatch(anchor.fill or "", "dot"), anchor.legend()))
    return group


def _is_area(place: Any) -> bool:
    """True for a country or region with an outline: a distance from it is from its border."""
    geom = getattr(place, "geometry", None) if isinstance(place, Place) else None
    return (
        place is not None
        and place.kind in AREA_KINDS
        and geom is not None
        and geom.geom_type in ("Polygon", "MultiPolygon")
    )


def _anchor_name(claim: Any) -> str:
    return str(getattr(getattr(claim, "anchor", None), "name", ""))


def _border_near(claim: Any) -> Any:
    """The anchor's border within reach of the subject (the part a distance from it is measured to)."""
    from shapely.geometry import box

    _low, high = distance_interval_km(claim)
    reach = (high + 50.0) / 70.0  # degrees: generous at any latitude of the theatre
    s = claim.subject
    window = box(s.lon - 2 * reach, s.lat - reach, s.lon + 2 * reach, s.lat + reach)
    return claim.anchor.geometry.boundary.intersection(window)


def _from_line(claim: Any, skips: Skips) -> Any:
    """Where a distance from a border puts its subject: the band between the stated distances from
    the stretch of border near the subject (without a subject: nothing to draw)."""
    if claim.subject is None:
        skips.items.append(f"claim {claim.text!r} (a distance from a border, but from what place?)")
        return None
    try:
        border = _border_near(claim)
        if border.is_empty:
            return None
        low, high = distance_interval_km(claim)
        band = buffer_km(border, high)
        return band.difference(buffer_km(border, low)) if low > 0 else band
    except Exception as exc:
        skips.add(f"claim {claim.text!r}", exc)
        return None


# ---------------------------------------------------------------------------------------- checks
def _check_parts(claim: Any, verdicts: list[Any]) -> list[str]:
    parts = [*L.claim_popup(claim), "<ul style='padding-left: 16px; margin: 4px 0;'>"]
    for v in verdicts:
        c = status_style(v.status).stroke
        what, why = getattr(v, "check", "check"), getattr(v, "explanation", "")
        head = f"<b style='color: {c}'>{L.esc(what)}: {L.esc(v.status)}</b>"
        parts.append(f"<li>{head} {L.esc(L.clip(why))}</li>")
    parts.append("</ul>")
    return parts


def checks_layer(scene: Scene, bounds: Bounds, legend: list, skips: Skips) -> Any:
    """One drawing per checked claim, in the colour of its worst status (see :class:`Scene`)."""
    import folium
    from shapely.geometry import LineString, Point

    if not scene.checks:
        return None
    group = folium.FeatureGroup(name=L.esc("Checks"))
    seen: set[str] = set()
    for chk in scene.checks:
        claim, status = chk.claim, chk.status
        colour = status_style(status).stroke or ""
        if claim.kind in ("area", "share"):  # a size: its check is shown with it in the side panel
            continue
        parts = _check_parts(claim, chk.verdicts)
        stated, actual = _stated_and_actual(claim)
        tip = f"{status}: {claim.text}"
        if stated is not None and actual is not None:
            to_border = _is_area(getattr(claim, "anchor", None))
            if to_border:  # the line ends on the border; no stated point of its own
                tip = f"{tip} (measured to the border of {_anchor_name(claim)})"
            line = style("check.line").coloured(colour)
            folium.PolyLine(
                [L.latlon(stated), _latlon(actual.lat, actual.lon)],
                color=colour,
                weight=line.weight,
                dash_array=line.dash,
                tooltip=L.tooltip(tip),
                popup=L.popup(parts),
            ).add_to(group)
            if not to_border:
                _stated_marker(stated, colour, f"stated: {claim.text}").add_to(group)
            actual_st = style("check.actual").coloured(colour)
            _circle(_latlon(actual.lat, actual.lon), actual_st, f"actual: {actual.name}").add_to(group)
            bounds.add(LineString([(stated.x, stated.y), (actual.lon, actual.lat)]))
        else:
            where = _point(claim)
            if where is None or where.is_empty:
                skips.items.append(f"the check of {claim.text!r} (no position to draw it at)")
                continue
            _circle(L.latlon(where), style("check.point").coloured(colour), tip, parts).add_to(group)
            bounds.add(Point(where.x, where.y))
        seen.add(status)
    for status in ("consistent", "inconsistent", "unverifiable"):
        if status in seen:
            st = status_style(status)
            legend.append((L.swatch(st.stroke or "", "line", dashed=True), st.legend()))
    if seen:
        stated = style("check.stated")
        legend.append((L.swatch(stated.fill or "", "dot"), stated.legend()))
    return group


def _stated_and_actual(claim: Any) -> tuple[Any, Any]:
    """For a distance claim naming both places: where the text puts the subject, and the subject."""
    if not isinstance(claim, DistanceClaim) or claim.subject is None or claim.anchor is None:
        return None, None
    if _is_area(claim.anchor):  # from a border: the line ends on the border, nearest the subject
        from shapely.geometry import Point
        from shapely.ops import nearest_points

        try:
            on_border = nearest_points(_border_near(claim), Point(claim.subject.lon, claim.subject.lat))[0]
        except Exception:
            return None, None
        return on_border, claim.subject
    stated = _point(claim)
    if stated is None:  # no direction: the stated distance along the true bearing
        try:
            stated = destination(claim.anchor, claim.km, bearing(claim.anchor, claim.subject))
        except Exception:
            return None, None
    return stated, claim.subject


# --------------------------------------------------------------------------------------- control
def control_layers(scene: Scene, bounds: Bounds, legend: list, skips: Skips) -> list[Any]:
    layers = [_control_layer(scene, cm, bounds, skips) for cm in _by_date(scene.controls)]
    sides: list[Any] = []
    for cm in scene.controls:
        if cm.side not in sides:
            sides.append(cm.side)
    for side in sides:
        legend.append((L.swatch(scene.side_colour(side)), style("control").legend(side=side)))
    if scene.controls:
        front = style("front_line")
        legend.append((L.swatch(front.stroke or "", "line"), front.legend()))
    changed: list[tuple[Style, Any]] = []
    for ch in scene.changes:
        layers.append(_change_layer(ch, bounds, changed))
    for st, side in changed:
        legend.append((L.swatch(st.fill or ""), st.legend(side=side)))
    return layers


def _by_date(maps: list[Any]) -> list[Any]:
    return sorted(maps, key=lambda cm: (date_of(cm) or _dt.date.min, str(cm.side)))


def _control_layer(scene: Scene, cm: Any, bounds: Bounds, skips: Skips) -> Any:
    import folium

    day = date_of(cm)
    label = " ".join(x for x in ("Control", day.isoformat() if day else "", f"({cm.side})") if x)
    group = folium.FeatureGroup(name=L.esc(label), show=scene.is_latest(cm))
    fill = style("control").coloured(scene.side_colour(cm.side))
    g = cm.geometry.simplify(CONTROL_TOLERANCE)
    named = getattr(cm, "name", None) or (L.file_name(cm.source) if getattr(cm, "source", None) else None)
    about = ", ".join(str(x) for x in (named, day) if x)
    L.geo_json(g, fill.leaflet(), f"held ({cm.side})" + (f", {about}" if about else "")).add_to(group)
    bounds.add(g)
    try:
        line = cm.front_line()
    except Exception as exc:
        skips.add(f"the front line of {label}", exc)
        line = None
    if line is not None and not line.is_empty:
        tip = f"front line{', ' + about if about else ''}"
        L.geo_json(line.simplify(CONTROL_TOLERANCE), style("front_line").leaflet(), tip).add_to(group)
    return group


def _change_layer(ch: Any, bounds: Bounds, changed: list[tuple[Style, Any]]) -> Any:
    import folium

    side, before, after = getattr(ch, "side", ""), getattr(ch, "before", None), getattr(ch, "after", None)
    group = folium.FeatureGroup(name=L.esc(f"Change {before or '?'} → {after or '?'} ({side})"))
    for what in ("gained", "lost"):
        geom = getattr(ch, what)
        if geom is not None and not geom.is_empty:
            st = style(what)
            g = geom.simplify(CONTROL_TOLERANCE)
            L.geo_json(g, st.leaflet(), f"{side} {what} between {before} and {after}").add_to(group)
            bounds.add(g)
            if (st, side) not in changed:
                changed.append((st, side))
    return group


# -------------------------------------------------------------------------------------- inferred
def inferred_layer(scene: Scene, bounds: Bounds, legend: list, skips: Skips) -> Any:
    import folium

    group = folium.FeatureGroup(name=L.esc("Inferred control"))
    sides = []
    line_st, band_st, held_st = style("inferred.line"), style("inferred.band"), style("inferred.place")
    for inf in scene.inferred:
        label = getattr(inf, "label", None) or "inferred"
        line = getattr(inf, "line", None)
        raw_km: Any = getattr(inf, "uncertainty_km", None)
        km = float(raw_km) if L.finite(raw_km) else None
        if line is not None and not line.is_empty:
            try:
                band = band_of(inf)
            except Exception as exc:
                skips.add(f"the uncertainty band of {label!r}", exc)
                band = None
            if band is not None and not band.is_empty:
                tip = (
                    f"where the front may be (up to ± {L.fmt_km(km)} km): {label}"
                    if km is not None
                    else label
                )
                L.geo_json(band, band_st.leaflet(), tip).add_to(group)
                bounds.add(band)
            L.geo_json(line, line_st.leaflet(), f"inferred line ({label})").add_to(group)
            bounds.add(line)
        for side, places in dict(getattr(inf, "held", {}) or {}).items():
            marker = held_st.but(fill=scene.side_colour(side))
            if side not in sides:
                sides.append(side)
            for p in places:
                tip = f"{p.name}: held by {side} (inferred, {label})"
                _circle(_latlon(p.lat, p.lon), marker, tip).add_to(group)
                bounds.add_place(p)
    legend.append((L.swatch(line_st.stroke or "", "line", dashed=True), line_st.legend()))
    for side in sides:
        legend.append((L.swatch(scene.side_colour(side), "dot"), held_st.legend(side=side)))
    return group


# ---------------------------------------------------------------------------------------- shapes
def shapes_layer(scene: Scene, bounds: Bounds, legend: list) -> Any:
    import folium

    group = folium.FeatureGroup(name=L.esc("Shapes"))
    st = style("shape")
    for g in scene.shapes:
        if g is not None and not g.is_empty:
            L.geo_json(g, st.leaflet(), g.geom_type).add_to(group)
            bounds.add(g)
    legend.append((L.swatch(st.fill or ""), st.legend()))
    return group


# -------------------------------------------------------------------------------------- timeline
def timeline(scene: Scene, hide: Any = ()) -> Any:
    """The date-slider layer when the content spans two or more dates, else None."""
    from shapely.geometry import Point

    dates = [getattr(a, "published", None) for a in scene.articles] + [date_of(cm) for cm in scene.controls]
    steps = L.timeline_dates(to_date(d) for d in dates)
    if len(steps) < 2:
        return None
    last = steps[-1].isoformat()
    feats = []
    dot = style("timeline.place")
    dot_style = dot.leaflet() | {"radius": dot.radius}
    seen: set[tuple[int, str]] = set()
    for m, a in scene.mentions:
        p = m.place
        d = to_date(getattr(a, "published", None)) if a is not None else None
        if d is None or p is None or (id(a), p.id) in seen or p.kind == "country" or is_far(p):
            continue
        seen.add((id(a), p.id))
        tip = L.esc(
            f"{p.name} (mentioned {d.isoformat()}, {L.file_name(getattr(a, 'source', None) or 'article')})"
        )
        point = Point(p.lon, p.lat)
        feats.append(L.feature(point, start=d.isoformat(), end=last, tooltip=tip, style=dot_style))
    by_side: dict[str, list[tuple[_dt.date, Any]]] = {}
    for cm in scene.controls:
        day = date_of(cm)
        if day is not None:
            by_side.setdefault(cm.side, []).append((day, cm))
    for side, dated in by_side.items():
        fill = style("control").coloured(scene.side_colour(side)).leaflet()
        for cm, start, end in L.until_next(dated, steps):
            feats.append(
                L.feature(
                    cm.geometry.simplify(CONTROL_TOLERANCE * 2),
                    4,
                    start=start.isoformat(),
                    end=end.isoformat(),
                    tooltip=L.esc(f"held ({side}) on {start.isoformat()}"),
                    style=fill,
                )
            )
    steps_iso = [s.isoformat() for s in steps]
    return L.Timeline(feats, steps_iso, name=L.esc("Timeline (date slider)"), hide=hide)
