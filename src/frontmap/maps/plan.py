"""What a static map draws, laid out from a :class:`~frontmap.maps.scene.Scene`: the layers of
:mod:`frontmap.maps.static`.

:func:`plan` turns the scene into lon/lat shapes and point marks, each with its
:class:`~frontmap.maps.style.Style` and z-order, the places to mark and label, verdict notes, legend
entries and the sources to credit.  No matplotlib here: :mod:`frontmap.maps.artists` turns styles into
artists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from frontmap.errors import FrontmapError
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import hull
from frontmap.maps.scene import Check, Scene, band_of, date_of, hull_places
from frontmap.maps.style import Style, status_style, style

__all__ = ["ATTRIBUTION", "UKRAINE_EXTENT", "Plan", "credit_line", "fit", "plan", "verdict_note"]

#: (west, south, east, north) in degrees: the default extent when there is nothing to fit.
UKRAINE_EXTENT = (22.0, 44.2, 40.4, 52.5)
ATTRIBUTION = "gazetteer: GeoNames (CC BY 4.0), Natural Earth"
_SLIVER_KM2 = 0.5
_CLAIM_KINDS = ("distance", "area", "share", "comparison")  # each has its entry in the style table


@dataclass
class Plan:
    """What to draw, in lon/lat, with styles from the table (no matplotlib yet)."""

    # (geometry, style, zorder, fit): polygons are filled, lines stroked, points marked
    shapes: list[tuple[Any, Style, float, bool]] = field(default_factory=list)
    marks: list[tuple[float, float, Style, float]] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    explicit: set[str] = field(default_factory=set)  # ids of places passed as such (not just mentioned)
    # (lon, lat, text, colour, priority)
    notes: list[tuple[float, float, str, str, float]] = field(default_factory=list)
    legend: dict[str, tuple[str, Style]] = field(default_factory=dict)  # label -> (kind, style)
    sources: list[str] = field(default_factory=list)

    def shape(self, geom: Any, st: Style, z: float, fit: bool = True, legend: str | None = None) -> None:
        if geom is None or getattr(geom, "is_empty", True):
            return
        self.shapes.append((geom, st, z, fit))
        if legend:
            self.legend.setdefault(legend, (_kind_of(geom), st))

    def mark(self, lon: float, lat: float, st: Style, z: float, legend: str | None = None) -> None:
        self.marks.append((lon, lat, st, z))
        if legend:
            self.legend.setdefault(legend, ("point", st))

    def place(self, p: Any) -> None:
        if isinstance(p, Place) and p.id not in self.places:
            self.places[p.id] = p


def _kind_of(geom: Any) -> str:
    t = geom.geom_type
    return "polygon" if "Polygon" in t else ("line" if "Line" in t else "point")


def _date(d: Any) -> str:
    return d.isoformat() if hasattr(d, "isoformat") else ("" if d is None else str(d))


def _safe(fn: Any) -> Any:
    """Call a claim's geometry()/point(): None when the claim cannot be placed (no anchor ...)."""
    try:
        return fn()
    except FrontmapError:
        return None


def _line(coords: list[tuple[float, float]]) -> Any:
    from shapely.geometry import LineString

    return LineString(coords)


# ------------------------------------------------------------------------------------------ claims
def _add_claim(out: Plan, c: Any) -> None:
    kind = getattr(c, "kind", "claim")
    st = style(kind if kind in _CLAIM_KINDS else "area")
    places = hull_places(c)
    if places:  # where the area changed hands, not a disk of its size around their middle
        hull_style = style("hull")
        out.shape(_safe(lambda: hull(places)), hull_style, 3.0, legend=hull_style.legend())
    else:
        # a share or a comparison is a size, not a location: never stretch the extent to it
        out.shape(_safe(c.geometry), st, 3.0, fit=kind not in ("share", "comparison"), legend=st.legend())
    for attr in ("anchor", "subject", "of"):
        out.place(getattr(c, attr, None))
    for p in getattr(c, "places", ()) if kind == "area" else ():
        out.place(p)
    pt = _safe(c.point)
    if pt is not None and not pt.is_empty:
        point = style("claim.point")
        out.mark(pt.x, pt.y, point.but(fill=st.fill), 5.5, legend=point.legend())
        anchor = getattr(c, "anchor", None)
        if anchor is not None:
            line = _line([(anchor.lon, anchor.lat), (pt.x, pt.y)])
            out.shape(line, style("claim.ray").but(stroke=st.stroke), 4.5)


# ------------------------------------------------------------------------------------------ checks
def _add_check(out: Plan, scene: Scene, check: Check) -> None:
    claim, other = check.claim, check.other
    colour = status_style(check.status)
    out.legend.setdefault(colour.legend(), ("line", style("check.line").coloured(colour.stroke or "")))
    kind = getattr(claim, "kind", "")
    places = hull_places(claim)
    out.shape(
        _safe(lambda: hull(places)) if places else _safe(claim.geometry),
        style("check.shape").but(stroke=colour.stroke),
        5.0,
        fit=kind in ("distance", "area"),
    )
    # only a distance (or a claim compared with another) states a position; an area's or share's
    # disk centre is where frontmap put it, not what the article said
    stated = _safe(claim.point) if kind == "distance" or other is not None else None
    stated_xy = None if stated is None or stated.is_empty else (stated.x, stated.y)
    actual: tuple[float, float] | None = None
    subject = getattr(claim, "subject", None) if kind == "distance" else None
    if isinstance(subject, Place):
        out.place(subject)
        actual = (subject.lon, subject.lat)
    elif other is not None:  # two claims disagreeing: join their points
        p = _safe(other.point)
        actual = None if p is None or p.is_empty else (p.x, p.y)
    if stated_xy is not None:
        marker = style("check.stated")
        out.mark(*stated_xy, marker.but(stroke=colour.stroke), 7.0, legend=marker.legend())
        if actual is not None:
            out.shape(_line([stated_xy, actual]), style("check.line").coloured(colour.stroke or ""), 6.5)
    where = actual or stated_xy
    notes = [n for n in (verdict_note(v) for v in check.spatial) if n]
    if where is not None and notes:
        out.notes.append((where[0], where[1], "\n".join(notes), colour.stroke or "", 1.0))


def verdict_note(v: Any) -> str:
    """``"distance: stated 74 km, measured 72 km"``; empty when a number is missing."""
    stated, measured, unit = getattr(v, "stated", None), getattr(v, "measured", None), getattr(v, "unit", "")
    if not isinstance(stated, int | float) or not isinstance(measured, int | float):
        return ""
    check = getattr(v, "check", "")
    if unit == "share":
        return f"{check}: stated {stated:.0%}, measured {measured:.0%}"
    if unit == "deg":
        return f"{check}: stated {stated:.0f}°, measured {measured:.0f}°"
    unit = {"km2": "km²", "mi2": "sq mi"}.get(unit or "", unit or "")
    return f"{check}: stated {stated:,.0f} {unit}, measured {measured:,.0f} {unit}".rstrip()


# --------------------------------------------------------------------------------- control, changes
def _add_control(out: Plan, scene: Scene, cm: Any) -> None:
    """Each side's latest snapshot solid with a solid front line; earlier ones fainter, front dashed."""
    current = scene.is_latest(cm)
    colour = scene.side_colour(cm.side)
    when = _date(date_of(cm))
    suffix = f" ({when})" if when else ""
    fill = style("control" if current else "control.earlier").coloured(colour)
    out.shape(cm.geometry, fill, 2.0 if current else 1.9, legend=fill.legend(side=cm.side, when=suffix))
    try:
        front = cm.front_line()
    except (FrontmapError, ImportError, LookupError):  # no country outline available: no front line
        front = None
    line = style("front_line" if current else "front_line.earlier")
    out.shape(front, line, 4.0 if current else 3.9, legend=line.legend(when=f" {when}" if when else ""))


def _add_change(out: Plan, ch: Any) -> None:
    side = getattr(ch, "side", "")
    span = " - ".join(x for x in (_date(getattr(ch, "before", None)), _date(getattr(ch, "after", None))) if x)
    fields = {"side": side, "span": f" ({span})" if span else ""}
    # slivers left by polygon overlay (say 1e-12 km²) are not worth a legend entry
    for what in ("gained", "lost"):
        if getattr(ch, f"{what}_km2", 1.0) >= _SLIVER_KM2:
            st = style(what)
            out.shape(getattr(ch, what), st, 2.5, legend=st.legend(**fields))


def _add_inferred(out: Plan, scene: Scene, inf: Any) -> None:
    held = dict(getattr(inf, "held", {}) or {})
    for side, places in held.items():
        marker = style("inferred.place").but(fill=scene.side_colour(side))
        for p in places:
            out.place(p)
            out.mark(p.lon, p.lat, marker, 8.5, legend=marker.legend(side=side))
    try:
        out.shape(band_of(inf), style("inferred.band"), 1.5, fit=False)
    except Exception:  # a band that cannot be projected: the line alone still says it
        pass
    line = style("inferred.line")
    out.shape(getattr(inf, "line", None), line, 4.2, legend=line.legend())


# --------------------------------------------------------------------------------------- the plan
def plan(scene: Scene) -> Plan:
    """Lay out ``scene`` for a static map."""
    out = Plan(sources=scene.sources())
    for p in scene.places:
        out.place(p)
        out.explicit.add(p.id)
    for m, _article in scene.mentions:
        out.place(m.place)
    for c in scene.claims:
        _add_claim(out, c)
    for g in scene.shapes:
        out.shape(g, style("shape"), 3.5)
    for cm in scene.controls:
        _add_control(out, scene, cm)
    for ch in scene.changes:
        _add_change(out, ch)
    for inf in scene.inferred:
        _add_inferred(out, scene, inf)
    for check in scene.checks:
        _add_check(out, scene, check)
    return out


def fit(out: Plan) -> tuple[float, float, float, float]:
    """Bounds of what is drawn (fit shapes, places, marks) plus a margin; Ukraine when empty."""
    bounds = [g.bounds for g, _, _, fit in out.shapes if fit]
    bounds += [
        (p.lon, p.lat, p.lon, p.lat) for p in out.places.values() if p.kind in ("settlement", "facility")
    ]
    bounds += [
        p.geometry.bounds
        for p in out.places.values()
        if p.kind not in ("settlement", "facility", "country") or p.id in out.explicit
    ]
    bounds += [(x, y, x, y) for x, y, _, _ in out.marks]
    if not bounds:
        return UKRAINE_EXTENT
    b = np.asarray(bounds, dtype=float)
    w, s, e, n = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
    mx = max((e - w) * 0.08, 0.25)
    my = max((n - s) * 0.08, 0.2)
    return w - mx, max(s - my, -89.0), e + mx, min(n + my, 89.0)


def credit_line(out: Plan, basemap: bool) -> str:
    parts = []
    if out.sources:
        shown = out.sources[:6]
        more = len(out.sources) - len(shown)
        parts.append("Sources: " + ", ".join(shown) + (f" and {more} more" if more > 0 else ""))
    if basemap or out.places:
        parts.append(ATTRIBUTION)
    return "; ".join(parts)
