"""The layers of :func:`frontmap.draw`, one builder each; private (see :mod:`frontmap.maps`).

Every builder takes the sorted :class:`Content`, extends :class:`Bounds` with what it draws,
appends ``(swatch, label)`` rows to the legend and records what it had to leave out in
:class:`Skips`.  All text goes through :func:`frontmap.maps.kit.esc`.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from dataclasses import dataclass, field
from typing import Any

from frontmap._dates import to_date
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import bearing, destination, hull
from frontmap.maps import kit as L
from frontmap.reading.claims import AreaClaim, ComparisonClaim, DistanceClaim, ShareClaim

#: Simplification tolerances in degrees (≈ 200 m for control maps).
CONTROL_TOLERANCE = 0.002
#: The theatre (west, south, east, north): Ukraine and a margin.  Places outside it do not set the view.
FOCUS = (21.0, 43.5, 41.5, 53.5)


@dataclass
class Content:
    """What was handed to :func:`draw`, sorted by kind (articles contribute mentions and claims)."""

    articles: list[Any] = field(default_factory=list)
    mentions: list[tuple[Any, Any]] = field(default_factory=list)  # (mention, article or None)
    places: list[Place] = field(default_factory=list)
    claims: list[Any] = field(default_factory=list)
    verdicts: list[Any] = field(default_factory=list)
    control: list[Any] = field(default_factory=list)
    changes: list[Any] = field(default_factory=list)
    inferred: list[Any] = field(default_factory=list)
    shapes: list[Any] = field(default_factory=list)  # plain shapely geometries, lon/lat


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
        pad = 0.05 if (e - w) < 0.1 and (n - s) < 0.1 else 0.0  # a single point: show its surroundings
        corners = [[s - pad, w - pad], [n + pad, e + pad]]
        m.fit_bounds([[round(v, L.DECIMALS) for v in corner] for corner in corners], max_zoom=11)


class Skips:
    """Things that could not be drawn, reported in one warning per :func:`draw` call."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, what: str, exc: BaseException) -> None:
        self.items.append(f"{what}: {exc}")

    def warn(self) -> None:
        if self.items:
            more = len(self.items) - 5
            shown = "; ".join(self.items[:5]) + (f"; and {more} more" if more > 0 else "")
            warnings.warn(f"draw() left out {len(self.items)} item(s): {shown}", UserWarning, stacklevel=3)


# ------------------------------------------------------------------------------- places mentioned
def places_layer(content: Content, bounds: Bounds, legend: list, offline: bool = False) -> Any:
    """One marker per place (an awesome marker, or a CSS pin when ``offline``: no icon font)."""
    import folium

    group = folium.FeatureGroup(name=L.esc("Places mentioned"))
    entries: dict[str, tuple[Place, list[tuple[str, str]]]] = {}
    for p in content.places:
        entries.setdefault(p.id, (p, []))
    for mention, article in content.mentions:
        if mention.place is None:
            continue
        _, quotes = entries.setdefault(mention.place.id, (mention.place, []))
        if article is not None:
            quote = (article.sentence_at(mention.start), L.provenance(article.source, article.published))
        else:
            quote = (mention.text, L.provenance(mention.source, None))
        if quote not in quotes:
            quotes.append(quote)
    kinds = []
    for place, quotes in entries.values():
        colour, icon = L.KIND_STYLE.get(place.kind, L.OTHER_KIND)
        if place.kind not in kinds:
            kinds.append(place.kind)
        where = ", ".join(x for x in (place.kind, place.admin1, place.country) if x)
        parts = [f"<b>{L.esc(place.name)}</b> <small>({L.esc(where)})</small>"]
        if quotes:
            parts.append("<ul style='padding-left: 16px; margin: 4px 0;'>")
            for sentence, prov in quotes[: L.MAX_SENTENCES]:
                parts.append(
                    f"<li>“{L.esc(L.clip(sentence))}”" + (f" <i>— {prov}</i>" if prov else "") + "</li>"
                )
            parts.append("</ul>")
            if len(quotes) > L.MAX_SENTENCES:
                parts.append(f"<i>and {len(quotes) - L.MAX_SENTENCES} more</i>")
        folium.Marker(
            [round(place.lat, L.DECIMALS), round(place.lon, L.DECIMALS)],
            icon=L.pin_icon(colour) if offline else folium.Icon(color=colour, icon=icon, prefix="fa"),
            tooltip=L.tooltip(place.name),
            popup=L.popup(parts),
        ).add_to(group)
        bounds.add_place(place)
    for kind in kinds:
        legend.append((L.swatch(L.KIND_STYLE.get(kind, L.OTHER_KIND)[0], "pin"), f"place mentioned: {kind}"))
    return group


def _claim_parts(claim: Any) -> list[str]:
    parts = [f"<b>{L.esc(L.clip(claim.text, 200))}</b>"]
    if claim.sentence and claim.sentence != claim.text:
        parts.append(f"<br>“{L.esc(L.clip(claim.sentence))}”")
    prov = L.provenance(claim.source, claim.published)
    if prov:
        parts.append(f"<br><i>{prov}</i>")
    return parts


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
def _stated_marker(point: Any, colour: str, tip: str, parts: list[str]) -> Any:
    """The hollow ring that marks where a claim puts a place (legend: "stated position")."""
    import folium

    return folium.CircleMarker(
        L.latlon(point),
        radius=6,
        color=colour,
        weight=2,
        fill=True,
        fill_color="#fff",
        fill_opacity=1,
        tooltip=L.tooltip(tip),
        popup=L.popup(parts),
    )


def distance_layer(content: Content, bounds: Bounds, legend: list, skips: Skips) -> Any:
    import folium

    claims = [c for c in content.claims if isinstance(c, DistanceClaim)]
    if not claims:
        return None
    group = folium.FeatureGroup(name=L.esc("Distance claims"))
    drawn = False
    for c in claims:
        g = _geometry(c, skips)
        if g is None:
            continue
        drawn = True
        parts = _claim_parts(c)
        style = {
            "color": L.DISTANCE_COLOUR,
            "weight": 1.5,
            "fillColor": L.DISTANCE_COLOUR,
            "fillOpacity": 0.18,
        }
        L.geo_json(g, style, c.text, parts).add_to(group)
        bounds.add(g)
        if c.anchor is not None:
            folium.CircleMarker(
                [round(c.anchor.lat, L.DECIMALS), round(c.anchor.lon, L.DECIMALS)],
                radius=4,
                color="#222",
                fill=True,
                fill_color="#222",
                fill_opacity=1,
                tooltip=L.tooltip(f"measured from {c.anchor.name}"),
            ).add_to(group)
        pt = _point(c)
        if pt is not None:
            _stated_marker(pt, L.DISTANCE_COLOUR, f"where “{c.text}” puts it", parts).add_to(group)
    if drawn:
        legend.append((L.swatch(L.DISTANCE_COLOUR), "distance claim: where the stated distance allows"))
        legend.append((L.swatch("#222", "dot"), "place a distance is measured from"))
    return group


# ------------------------------------------------------------------------------------------ area
def area_layer(content: Content, bounds: Bounds, legend: list, skips: Skips) -> Any:
    import folium

    claims = [c for c in content.claims if isinstance(c, AreaClaim | ShareClaim | ComparisonClaim)]
    if not claims:
        return None
    group = folium.FeatureGroup(name=L.esc("Area claims"))
    hulls = False
    for c in claims:
        g = _geometry(c, skips)
        if g is not None:
            style = {"color": L.AREA_COLOUR, "weight": 1.5, "fillColor": L.AREA_COLOUR, "fillOpacity": 0.15}
            L.geo_json(g, style, c.text, _claim_parts(c)).add_to(group)
            bounds.add(g)
        places = getattr(c, "places", ()) if isinstance(c, AreaClaim) else ()
        if len(places) >= 2:
            try:
                h = hull(places)
            except Exception as exc:
                skips.add(f"hull of the places in {c.text!r}", exc)
                continue
            style = {"color": L.AREA_COLOUR, "weight": 2, "dashArray": "6 4", "fillOpacity": 0.05}
            names = ", ".join(p.name for p in places)
            L.geo_json(h, style, f"places retaken with “{c.text}”: {names}", _claim_parts(c)).add_to(group)
            bounds.add(h)
            hulls = True
    legend.append((L.swatch(L.AREA_COLOUR), "area claim: a disk of the stated area"))
    if hulls:
        legend.append(
            (L.swatch(L.AREA_COLOUR, "line", dashed=True), "hull of the places said to change hands")
        )
    return group


# ---------------------------------------------------------------------------------------- checks
_RANK = {"inconsistent": 0, "consistent": 1, "unverifiable": 2}


def checks_layer(content: Content, bounds: Bounds, legend: list, skips: Skips) -> Any:
    import folium
    from shapely.geometry import LineString, Point

    if not content.verdicts:
        return None
    by_claim: dict[int, list[Any]] = {}
    for v in content.verdicts:
        by_claim.setdefault(id(v.claim), []).append(v)
    group = folium.FeatureGroup(name=L.esc("Checks"))
    seen: set[str] = set()
    for verdicts in by_claim.values():
        claim = verdicts[0].claim
        status = min((v.status for v in verdicts), key=lambda s: _RANK.get(s, 3))
        colour = L.STATUS_COLOURS.get(status, L.STATUS_COLOURS["unverifiable"])
        parts = [*_claim_parts(claim), "<ul style='padding-left: 16px; margin: 4px 0;'>"]
        for v in verdicts:
            c = L.STATUS_COLOURS.get(v.status, "#757575")
            parts.append(
                f"<li><b style='color: {c}'>{L.esc(v.check)}: {L.esc(v.status)}</b> "
                f"{L.esc(L.clip(v.explanation))}</li>"
            )
        parts.append("</ul>")
        stated, actual = _stated_and_actual(claim)
        tip = f"{status}: {claim.text}"
        if stated is not None and actual is not None:
            folium.PolyLine(
                [L.latlon(stated), [round(actual.lat, L.DECIMALS), round(actual.lon, L.DECIMALS)]],
                color=colour,
                weight=3,
                dash_array="6 5",
                tooltip=L.tooltip(tip),
                popup=L.popup(parts),
            ).add_to(group)
            _stated_marker(stated, colour, f"stated: {claim.text}", parts).add_to(group)
            folium.CircleMarker(
                [round(actual.lat, L.DECIMALS), round(actual.lon, L.DECIMALS)],
                radius=6,
                color=colour,
                fill=True,
                fill_color=colour,
                fill_opacity=0.9,
                tooltip=L.tooltip(f"actual: {actual.name}"),
                popup=L.popup(parts),
            ).add_to(group)
            bounds.add(LineString([(stated.x, stated.y), (actual.lon, actual.lat)]))
        else:
            where = _point(claim)
            if where is None or where.is_empty:
                skips.items.append(f"the check of {claim.text!r} (no position to draw it at)")
                continue
            folium.CircleMarker(
                L.latlon(where),
                radius=7,
                color=colour,
                fill=True,
                fill_color=colour,
                fill_opacity=0.8,
                tooltip=L.tooltip(tip),
                popup=L.popup(parts),
            ).add_to(group)
            bounds.add(Point(where.x, where.y))
        seen.add(status)
    for status in ("consistent", "inconsistent", "unverifiable"):
        if status in seen:
            legend.append((L.swatch(L.STATUS_COLOURS[status], "line", dashed=True), f"check: {status}"))
    if seen:
        legend.append((L.swatch("#fff", "dot"), "stated position (filled: the actual place)"))
    return group


def _stated_and_actual(claim: Any) -> tuple[Any, Any]:
    """For a distance claim naming both places: where the text puts the subject, and the subject."""
    if not isinstance(claim, DistanceClaim) or claim.subject is None or claim.anchor is None:
        return None, None
    stated = _point(claim)
    if stated is None:  # no direction: the stated distance along the true bearing
        try:
            stated = destination(claim.anchor, claim.km, bearing(claim.anchor, claim.subject))
        except Exception:
            return None, None
    return stated, claim.subject


# --------------------------------------------------------------------------------------- control
def _side_colour(side: str) -> str:
    return L.SIDE_COLOURS.get(str(side).lower(), "#616161")


def control_layers(content: Content, bounds: Bounds, legend: list, skips: Skips) -> list[Any]:
    import folium

    layers = []
    maps = sorted(content.control, key=lambda cm: (cm.date or _dt.date.min, str(cm.side)))
    latest = {}
    for cm in maps:
        latest[cm.side] = cm
    sides = []
    for cm in maps:
        label = " ".join(x for x in ("Control", cm.date.isoformat() if cm.date else "", f"({cm.side})") if x)
        group = folium.FeatureGroup(name=L.esc(label), show=latest[cm.side] is cm)
        colour = _side_colour(cm.side)
        g = cm.geometry.simplify(CONTROL_TOLERANCE)
        about = ", ".join(str(x) for x in (getattr(cm, "name", None) or cm.source, cm.date) if x)
        tip = f"held ({cm.side})" + (f", {about}" if about else "")
        L.geo_json(g, {"color": colour, "weight": 1, "fillColor": colour, "fillOpacity": 0.25}, tip).add_to(
            group
        )
        bounds.add(g)
        try:
            line = cm.front_line()
        except Exception as exc:
            skips.add(f"the front line of {label}", exc)
            line = None
        if line is not None and not line.is_empty:
            L.geo_json(
                line.simplify(CONTROL_TOLERANCE),
                {"color": "#111", "weight": 3},
                f"front line{', ' + about if about else ''}",
            ).add_to(group)
        layers.append(group)
        if cm.side not in sides:
            sides.append(cm.side)
    for ch in content.changes:
        label = f"Change {ch.before or '?'} → {ch.after or '?'} ({ch.side})"
        group = folium.FeatureGroup(name=L.esc(label))
        for geom, what, colour in ((ch.gained, "gained", "#b71c1c"), (ch.lost, "lost", "#1b5e20")):
            if geom is not None and not geom.is_empty:
                g = geom.simplify(CONTROL_TOLERANCE)
                style = {"color": colour, "weight": 1, "fillColor": colour, "fillOpacity": 0.45}
                L.geo_json(g, style, f"{ch.side} {what} between {ch.before} and {ch.after}").add_to(group)
                bounds.add(g)
        layers.append(group)
    for side in sides:
        legend.append((L.swatch(_side_colour(side)), f"area held: {side} (control map)"))
    if maps:
        legend.append((L.swatch("#111", "line"), "front line"))
    if content.changes:
        legend.append((L.swatch("#b71c1c") + L.swatch("#1b5e20"), "gained / lost between two dates"))
    return layers


# -------------------------------------------------------------------------------------- inferred
def inferred_layer(content: Content, bounds: Bounds, legend: list, skips: Skips) -> Any:
    import folium

    group = folium.FeatureGroup(name=L.esc("Inferred control"))
    sides = []
    for inf in content.inferred:
        label = getattr(inf, "label", None) or "inferred"
        line = getattr(inf, "line", None)
        raw_km: Any = getattr(inf, "uncertainty_km", None)
        km = float(raw_km) if L.finite(raw_km) else None
        if line is not None and not line.is_empty:
            band = getattr(inf, "band", None)
            try:
                if (band is None or band.is_empty) and km is not None and km > 0:
                    band = L.buffer_km(line, km)
            except Exception as exc:
                skips.add(f"the uncertainty band of {label!r}", exc)
                band = None
            if band is not None and not band.is_empty:
                style = {"color": L.INFERRED_COLOUR, "weight": 0, "fillColor": L.INFERRED_COLOUR}
                tip = (
                    f"where the front may be (up to ± {L.fmt_km(km)} km): {label}"
                    if km is not None
                    else label
                )
                L.geo_json(band, style | {"fillOpacity": 0.15}, tip).add_to(group)
                bounds.add(band)
            L.geo_json(
                line,
                {"color": L.INFERRED_COLOUR, "weight": 3, "dashArray": "8 6"},
                f"inferred line ({label})",
            ).add_to(group)
            bounds.add(line)
        for side, places in dict(getattr(inf, "held", {}) or {}).items():
            colour = _side_colour(side)
            if side not in sides:
                sides.append(side)
            for p in places:
                folium.CircleMarker(
                    [round(p.lat, L.DECIMALS), round(p.lon, L.DECIMALS)],
                    radius=5,
                    color="#333",
                    weight=1,
                    fill=True,
                    fill_color=colour,
                    fill_opacity=0.9,
                    tooltip=L.tooltip(f"{p.name}: held by {side} (inferred, {label})"),
                ).add_to(group)
                bounds.add_place(p)
    legend.append(
        (L.swatch(L.INFERRED_COLOUR, "line", dashed=True), "inferred front line (band: uncertainty)")
    )
    for side in sides:
        legend.append((L.swatch(_side_colour(side), "dot"), f"held by {side} (inferred)"))
    return group


# ---------------------------------------------------------------------------------------- shapes
def shapes_layer(content: Content, bounds: Bounds, legend: list) -> Any:
    import folium

    group = folium.FeatureGroup(name=L.esc("Shapes"))
    for g in content.shapes:
        if g is not None and not g.is_empty:
            style = {"color": "#455a64", "weight": 2, "fillColor": "#90a4ae", "fillOpacity": 0.25}
            L.geo_json(g, style, g.geom_type).add_to(group)
            bounds.add(g)
    legend.append((L.swatch("#90a4ae"), "other shapes"))
    return group


# -------------------------------------------------------------------------------------- timeline
def timeline(content: Content) -> Any:
    """The date-slider layer when the content spans two or more dates, else None."""
    from shapely.geometry import Point

    dates = [a.published for a in content.articles] + [cm.date for cm in content.control]
    steps = L.timeline_dates(to_date(d) for d in dates)
    if len(steps) < 2:
        return None
    last = steps[-1].isoformat()
    feats = []
    for a in content.articles:
        d = to_date(a.published)
        if d is None:
            continue
        for p in a.places:
            feats.append(
                L.feature(
                    Point(p.lon, p.lat),
                    start=d.isoformat(),
                    end=last,
                    tooltip=L.esc(f"{p.name} (mentioned {d.isoformat()}, {a.source or 'article'})"),
                    style={
                        "radius": 6,
                        "color": "#0d47a1",
                        "weight": 2,
                        "fillColor": "#64b5f6",
                        "fillOpacity": 0.9,
                    },
                )
            )
    by_side: dict[str, list[tuple[_dt.date, Any]]] = {}
    for cm in content.control:
        day = to_date(cm.date)
        if day is not None:
            by_side.setdefault(cm.side, []).append((day, cm))
    for side, dated in by_side.items():
        colour = _side_colour(side)
        for cm, start, end in L.until_next(dated, steps):
            feats.append(
                L.feature(
                    cm.geometry.simplify(CONTROL_TOLERANCE * 2),
                    4,
                    start=start.isoformat(),
                    end=end.isoformat(),
                    tooltip=L.esc(f"held ({side}) on {start.isoformat()}"),
                    style={"color": colour, "weight": 1, "fillColor": colour, "fillOpacity": 0.3},
                )
            )
    return L.Timeline(feats, [s.isoformat() for s in steps], name=L.esc("Timeline (date slider)"))
