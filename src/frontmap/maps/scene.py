"""What a map shows, collected from what the user passed: the layers :mod:`frontmap.maps.static` draws.

:func:`collect` walks articles, claims, verdicts, control maps, changes, inferred control, places,
shapely geometries, GeoDataFrames and (nested) lists of them, duck-typed so that records from any module
work, and fills a :class:`Scene`: lon/lat shapes with their style, point marks, places to mark and label,
verdict notes, legend entries and the sources to credit.  No matplotlib here: styles are plain
keyword dictionaries (``fc``, ``ec``, ``color``, ``lw``, ``ls``, ``alpha``, ``hatch``, ``marker``...).
"""

from __future__ import annotations

import os
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from frontmap.checks import check as run_check
from frontmap.errors import FrontmapError, InputError
from frontmap.gazetteer.place import Place
from frontmap.reading.claims import Claim

__all__ = ["UKRAINE_EXTENT", "Scene", "collect", "credit_line", "fit"]

#: (west, south, east, north) in degrees: the default extent when there is nothing to fit.
UKRAINE_EXTENT = (22.0, 44.2, 40.4, 52.5)
ATTRIBUTION = "gazetteer: GeoNames (CC BY 4.0), Natural Earth"

STATUS_COLOURS = {"consistent": "#2e7d32", "inconsistent": "#c62828", "unverifiable": "#757575"}
_SIDES = {
    "occupied": "#d32f2f",
    "russia": "#d32f2f",
    "ru": "#d32f2f",
    "ukraine": "#1565c0",
    "ua": "#1565c0",
}
_OTHER_SIDES = ("#9467bd", "#ff7f0e", "#8c564b", "#e377c2")
_SLIVER_KM2 = 0.5
_CLAIM = {"distance": "#e6550d", "area": "#31a354", "share": "#756bb1", "comparison": "#3182bd"}


# --------------------------------------------------------------------------------------- collection
@dataclass
class Scene:
    """What to draw, in lon/lat, collected from the user's things (no matplotlib yet)."""

    # (geometry, style, zorder, fit): polygons are filled, lines stroked, points marked
    shapes: list[tuple[Any, dict[str, Any], float, bool]] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    marks: list[tuple[float, float, dict[str, Any], float]] = field(default_factory=list)
    notes: list[tuple[float, float, str, str, float]] = field(
        default_factory=list
    )  # lon lat text colour prio
    legend: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    side_colours: dict[str, str] = field(default_factory=dict)
    explicit: set[str] = field(default_factory=set)  # ids of places passed as such (not just mentioned)
    verdicts: dict[int, list[Any]] = field(default_factory=dict)
    controls: list[Any] = field(default_factory=list)
    checkable: list[Any] = field(default_factory=list)  # articles and claims given, for check=True
    verdicts_given: bool = False  # id(claim) -> [claim, other, verdicts]

    def shape(self, geom: Any, z: float, fit: bool = True, legend: str | None = None, **style: Any) -> None:
        if geom is None or getattr(geom, "is_empty", True):
            return
        self.shapes.append((geom, style, z, fit))
        if legend:
            self.legend.setdefault(legend, {"kind": _kind_of(geom), **style})

    def mark(self, lon: float, lat: float, z: float, legend: str | None = None, **style: Any) -> None:
        self.marks.append((lon, lat, style, z))
        if legend:
            self.legend.setdefault(legend, {"kind": "point", **style})

    def place(self, p: Place | None) -> None:
        if p is not None and p.id not in self.places:
            self.places[p.id] = p

    def source(self, s: Any) -> None:
        if s:
            text = str(s)
            if not text.startswith(("http://", "https://")) and os.sep in text:
                text = Path(text).name
            if text not in self.sources:
                self.sources.append(text)


def _kind_of(geom: Any) -> str:
    t = geom.geom_type
    return "polygon" if "Polygon" in t else ("line" if "Line" in t else "point")


def _side_colour(side: str, scene: Scene) -> str:
    """Red for the occupied side, blue for Ukraine, then a palette in order of appearance."""
    key = str(side).strip().lower()
    if key in _SIDES:
        return _SIDES[key]
    if key not in scene.side_colours:
        scene.side_colours[key] = _OTHER_SIDES[len(scene.side_colours) % len(_OTHER_SIDES)]
    return scene.side_colours[key]


def _date(d: Any) -> str:
    return d.isoformat() if hasattr(d, "isoformat") else ("" if d is None else str(d))


def _safe(fn: Any) -> Any:
    """Call a claim's geometry()/point(): None when the claim cannot be placed (no anchor ...)."""
    try:
        return fn()
    except FrontmapError:
        return None


def _add_claim(scene: Scene, c: Any, source: Any = None) -> None:
    kind = getattr(c, "kind", "claim")
    colour = _CLAIM.get(kind, "#636363")
    scene.source(getattr(c, "source", None) or source)
    geom = _safe(c.geometry)
    if kind == "share":  # a size, not a location: outline only, and never stretch the extent to it
        scene.shape(
            geom, 3.0, fit=False, legend="share claim (size only)", fc="none", ec=colour, ls="--", lw=1
        )
    elif kind == "comparison":
        scene.shape(geom, 3.0, fit=False, legend="comparison claim", fc="none", ec=colour, ls=":", lw=1)
    else:
        scene.shape(geom, 3.0, legend=f"{kind} claim", fc=colour, ec=colour, alpha=0.22, lw=0.8)
    for attr in ("anchor", "subject", "of"):
        scene.place(getattr(c, attr, None))
    for p in getattr(c, "places", ()) if kind == "area" else ():
        scene.place(p)
    pt = _safe(c.point)
    if pt is not None and not pt.is_empty:
        scene.mark(pt.x, pt.y, 5.5, legend="claim's best point", marker="D", ms=4, mfc=colour, mec="white")
        anchor = getattr(c, "anchor", None)
        if anchor is not None:
            line = _line([(anchor.lon, anchor.lat), (pt.x, pt.y)])
            scene.shape(line, 4.5, color=colour, lw=0.9, ls="--")


def _line(coords: list[tuple[float, float]]) -> Any:
    from shapely.geometry import LineString

    return LineString(coords)


_RANK = {"inconsistent": 2, "unverifiable": 1, "consistent": 0}
#: Checks with nothing to show on a map (a unit conversion is arithmetic on the text).
_NOT_SPATIAL = ("conversion",)


def _add_verdict(scene: Scene, v: Any) -> None:
    """Group verdicts by claim; :func:`finish` draws one mark per claim in its worst status."""
    claim = getattr(v, "claim", None)
    if not isinstance(claim, Claim) or getattr(v, "check", "") in _NOT_SPATIAL:
        return
    scene.source(claim.source)
    entry = scene.verdicts.setdefault(id(claim), [claim, None, []])
    entry[2].append(v)
    other = getattr(v, "other", None)
    if isinstance(other, Claim) and entry[1] is None:
        entry[1] = other


def _finish_verdicts(scene: Scene) -> None:
    for claim, other, verdicts in scene.verdicts.values():
        status = max((str(v.status) for v in verdicts), key=lambda s: _RANK.get(s, 1))
        colour = STATUS_COLOURS.get(status, STATUS_COLOURS["unverifiable"])
        scene.legend.setdefault(f"check: {status}", {"kind": "line", "color": colour, "lw": 2.0})
        kind = getattr(claim, "kind", "")
        geom = _safe(claim.geometry)
        scene.shape(geom, 5.0, fit=kind in ("distance", "area"), fc="none", ec=colour, lw=1.2, ls="--")
        # only a distance (or a claim compared with another) states a position; an area's or share's
        # disk centre is where frontmap put it, not what the article said
        stated = _safe(claim.point) if kind == "distance" or other is not None else None
        stated_xy = None if stated is None or stated.is_empty else (stated.x, stated.y)
        actual: tuple[float, float] | None = None
        subject = getattr(claim, "subject", None) if kind == "distance" else None
        if isinstance(subject, Place):
            scene.place(subject)
            actual = (subject.lon, subject.lat)
        elif isinstance(other, Claim):  # two claims disagreeing: join their points
            p = _safe(other.point)
            actual = None if p is None or p.is_empty else (p.x, p.y)
        if stated_xy is not None:
            scene.mark(
                *stated_xy, 7.0, legend="stated position", marker="o", ms=7, mfc="white", mec=colour, mew=1.6
            )
            if actual is not None:
                scene.shape(_line([stated_xy, actual]), 6.5, color=colour, lw=2.0)
        where = actual or stated_xy
        notes = [n for n in (_verdict_note(v) for v in verdicts) if n]
        if where is not None and notes:
            scene.notes.append((where[0], where[1], "\n".join(notes), colour, 1.0))


def _verdict_note(v: Any) -> str:
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


def _add_control(scene: Scene, cm: Any) -> None:
    scene.controls.append(cm)  # drawn by _finish_controls, which knows which snapshot is the latest


def _finish_controls(scene: Scene) -> None:
    """Each side's latest snapshot solid with a solid front line; earlier ones fainter, front dashed."""
    latest: dict[str, Any] = {}
    for cm in scene.controls:
        key = str(cm.side)
        if key not in latest or (
            cm.date is not None and (latest[key].date is None or cm.date >= latest[key].date)
        ):
            latest[key] = cm
    for cm in scene.controls:
        current = latest[str(cm.side)] is cm
        colour = _side_colour(cm.side, scene)
        when = _date(cm.date)
        scene.source(getattr(cm, "source", None))
        label = f"held: {cm.side}" + (f" ({when})" if when else "")
        scene.shape(
            cm.geometry,
            2.0 if current else 1.9,
            legend=label,
            fc=colour,
            ec="none",
            alpha=0.3 if current else 0.14,
        )
        try:
            front = cm.front_line()
        except (FrontmapError, ImportError, LookupError):  # no country outline available: no front line
            front = None
        scene.shape(
            front,
            4.0 if current else 3.9,
            legend="front line" + (f" {when}" if when else ""),
            color="#3b0a0a" if current else "#7f4c4c",
            lw=1.6 if current else 1.1,
            ls="-" if current else "--",
        )


def _add_change(scene: Scene, ch: Any) -> None:
    side = getattr(ch, "side", "")
    for s in getattr(ch, "sources", ()) or ():
        scene.source(s)
    span = " - ".join(x for x in (_date(getattr(ch, "before", None)), _date(getattr(ch, "after", None))) if x)
    suffix = f" ({span})" if span else ""
    # slivers left by polygon overlay (say 1e-12 km²) are not worth a legend entry
    gained = ch.gained if getattr(ch, "gained_km2", 1.0) >= _SLIVER_KM2 else None
    lost = ch.lost if getattr(ch, "lost_km2", 1.0) >= _SLIVER_KM2 else None
    scene.shape(
        gained,
        2.5,
        legend=f"gained by {side}{suffix}",
        fc="#d95f02",
        ec="#a63603",
        alpha=0.5,
        lw=0.6,
        hatch="////",
    )
    scene.shape(
        lost,
        2.5,
        legend=f"lost by {side}{suffix}",
        fc="#1b9e77",
        ec="#006d2c",
        alpha=0.5,
        lw=0.6,
        hatch="\\\\\\\\",
    )


def _add_inferred(scene: Scene, inf: Any) -> None:
    held = getattr(inf, "held", {}) or {}
    for side, places in held.items():
        colour = _side_colour(side, scene)
        for p in places:
            scene.place(p)
            scene.mark(
                p.lon,
                p.lat,
                6.2,
                legend=f"held by {side} (inferred)",
                marker="o",
                ms=10,
                mfc="none",
                mec=colour,
                mew=2.0,
            )
    scene.shape(
        getattr(inf, "line", None),
        4.2,
        legend=getattr(inf, "label", None) or "inferred line",
        color="#54278f",
        lw=1.5,
        ls="-.",
    )


def _add_place(scene: Scene, p: Place) -> None:
    scene.place(p)
    scene.explicit.add(p.id)


def collect(things: Any, check: bool = False) -> Scene:
    """Walk ``things`` (see :func:`frontmap.maps.static.render`) into a :class:`Scene`; InputError for
    anything it cannot draw.  With ``check``, when articles or claims come without any verdict,
    :func:`frontmap.check` is run on them and its verdicts drawn too (as :func:`frontmap.draw` does)."""
    scene = Scene()
    _walk(things, scene, 0)
    if check and scene.checkable and not scene.verdicts_given:
        for v in run_check(scene.checkable):
            _add_verdict(scene, v)
    _finish_controls(scene)
    _finish_verdicts(scene)
    return scene


def _walk(things: Any, scene: Scene, depth: int) -> None:
    from shapely.geometry.base import BaseGeometry

    if depth > 20:
        raise InputError("things are nested more than 20 levels deep; pass a flat list")
    if isinstance(things, Place):
        _add_place(scene, things)
    elif isinstance(things, Claim):
        _add_claim(scene, things)
        scene.checkable.append(things)
    elif isinstance(things, BaseGeometry):
        scene.shape(things, 3.5, fc="#6a51a3", ec="#3f007d", alpha=0.25, color="#3f007d", lw=1.2)
    elif hasattr(things, "mentions") and hasattr(things, "claims"):  # Article
        scene.checkable.append(things)
        scene.source(getattr(things, "source", None))
        for m in things.mentions:
            if m.place is not None and getattr(m, "role", "location") == "location":
                scene.place(m.place)
        for c in things.claims:
            _add_claim(scene, c, getattr(things, "source", None))
    elif hasattr(things, "status") and hasattr(things, "claim"):  # Verdict
        scene.verdicts_given = True
        _add_verdict(scene, things)
    elif hasattr(things, "gained") and hasattr(things, "lost"):  # Change
        _add_change(scene, things)
    elif hasattr(things, "held"):  # InferredControl
        _add_inferred(scene, things)
    elif hasattr(things, "front_line") and hasattr(things, "geometry"):  # ControlMap
        _add_control(scene, things)
    elif hasattr(things, "to_crs") and hasattr(things, "geometry"):  # GeoDataFrame / GeoSeries
        gs = things.geometry
        if gs.crs is not None:
            gs = gs.to_crs(4326)
        for g in gs:
            _walk(g, scene, depth + 1)
    elif isinstance(things, Iterable) and not isinstance(things, str | bytes | dict):
        for t in things:
            _walk(t, scene, depth + 1)
    else:
        raise InputError(
            f"cannot draw {reprlib.repr(things)} (a {type(things).__name__}); give articles, claims, "
            "verdicts, control maps, changes, inferred control, places, shapely geometries or lists of them"
        )


def fit(scene: Scene) -> tuple[float, float, float, float]:
    """Bounds of what is drawn (fit shapes, places, marks) plus a margin; Ukraine when empty."""
    bounds = [g.bounds for g, _, _, fit in scene.shapes if fit]
    bounds += [
        (p.lon, p.lat, p.lon, p.lat) for p in scene.places.values() if p.kind in ("settlement", "facility")
    ]
    bounds += [
        p.geometry.bounds
        for p in scene.places.values()
        if p.kind not in ("settlement", "facility", "country") or p.id in scene.explicit
    ]
    bounds += [(x, y, x, y) for x, y, _, _ in scene.marks]
    if not bounds:
        return UKRAINE_EXTENT
    b = np.asarray(bounds, dtype=float)
    w, s, e, n = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
    mx = max((e - w) * 0.08, 0.25)
    my = max((n - s) * 0.08, 0.2)
    return w - mx, max(s - my, -89.0), e + mx, min(n + my, 89.0)


def credit_line(scene: Scene, basemap: bool) -> str:
    parts = []
    if scene.sources:
        shown = scene.sources[:6]
        more = len(scene.sources) - len(shown)
        parts.append("Sources: " + ", ".join(shown) + (f" and {more} more" if more > 0 else ""))
    if basemap or scene.places:
        parts.append(ATTRIBUTION)
    return "; ".join(parts)
