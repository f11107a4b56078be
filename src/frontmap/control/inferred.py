"""Control inferred from the events read in text: who holds which place, and an approximate front.

:func:`infer_control` keeps the latest :class:`~frontmap.reading.events.ControlEvent` per place and draws
an *approximate* line between the places each side holds: the edges shared by Voronoi cells of opposing
places, clipped to the country.  The result is clearly labelled as inferred, with an uncertainty: each
stretch of line lies on the perpendicular bisector of two opposing places, so the true front anywhere
along it could be as far as half their distance away.  The events themselves are found in text by
:mod:`frontmap.reading.events`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from frontmap._dates import require_date
from frontmap.control.measure import _default_country, _lines_only, _resolve_geometry, metric_projection
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import distance_km
from frontmap.reading.events import SIDES, ControlEvent

__all__ = ["FrontSegment", "InferredControl", "infer_control"]


@dataclass(frozen=True)
class FrontSegment:
    """One stretch of inferred line: the shared Voronoi edge between a place held by Ukraine and one held
    by Russia (lon/lat).  ``uncertainty_km`` is half their geodesic distance: the front may lie anywhere
    between them."""

    line: Any
    uncertainty_km: float
    ukraine: Place
    russia: Place


@dataclass(frozen=True, eq=False)
class InferredControl:
    """Control inferred from reports: who holds which place, and an approximate line between them.

    Attributes
    ----------
    events : tuple of ControlEvent
        The deciding event for each place (the latest; among undated events, the last given).
    held : dict
        ``{"ukraine": [Place, ...], "russia": [Place, ...]}``, sorted by name.
    line : shapely (Multi)LineString or None
        The approximate line, lon/lat: the edges shared by the Voronoi cells of opposing places
        (settlements and facilities; regions are listed in ``held`` but not used), clipped to the country.
    segments : tuple of FrontSegment
        Its stretches, each with its own ``uncertainty_km``.
    band : shapely (Multi)Polygon or None
        The line widened by each stretch's uncertainty, clipped to the country: where the front may be.
    uncertainty_km : float or None
        The largest stretch uncertainty (half the distance between the two opposing places of that
        stretch): a conservative single figure for the whole line.
    reason : str or None
        Why there is no line (one side only, fewer than two places...); None when there is one.
    label : str
        "inferred from N reports ..." — say it on every map.
    inferred : bool
        Always True: this is not an observed control map.
    """

    events: tuple[ControlEvent, ...]
    held: dict[str, list[Place]]
    line: Any = None
    segments: tuple[FrontSegment, ...] = ()
    band: Any = None
    uncertainty_km: float | None = None
    reason: str | None = None
    label: str = ""
    inferred: bool = field(default=True, init=False)

    def to_geodataframe(self) -> Any:
        """Rows for places (``record="place"``), line stretches (``"line"``) and the band (``"band"``),
        EPSG:4326, with columns record, name, side, date, text, source, uncertainty_km, inferred, label."""
        import geopandas as gpd
        from shapely.geometry import Point

        rows, geoms = [], []
        base = {"inferred": True, "label": self.label}
        for e in self.events:
            rows.append(
                base
                | {
                    "record": "place",
                    "name": e.place.name,
                    "side": e.side,
                    "date": e.date.isoformat() if e.date else None,
                    "text": e.text,
                    "source": e.source,
                    "uncertainty_km": None,
                }
            )
            geoms.append(Point(e.place.lon, e.place.lat))
        for s in self.segments:
            name = f"{s.ukraine.name} | {s.russia.name}"
            rows.append(base | {"record": "line", "name": name, "uncertainty_km": s.uncertainty_km})
            geoms.append(s.line)
        if self.band is not None:
            rows.append(
                base | {"record": "band", "name": "uncertainty band", "uncertainty_km": self.uncertainty_km}
            )
            geoms.append(self.band)
        cols = ["record", "name", "side", "date", "text", "source", "uncertainty_km", "inferred", "label"]
        return gpd.GeoDataFrame(rows, columns=cols, geometry=geoms, crs="EPSG:4326")


_POINT_KINDS = ("settlement", "facility")


def infer_control(events: Iterable[ControlEvent], country: Any = None, until: Any = None) -> InferredControl:
    """Who holds what according to ``events``, and an approximate line between the two sides.

    Parameters
    ----------
    events : iterable of ControlEvent
        From :func:`find_control_events` (e.g. ``article.events`` of several articles).
    country : shapely (Multi)Polygon, Place, name or None
        Clips the line; the gazetteer's Ukraine when None (only needed when there is a line to draw).
    until : date, str or None
        Ignore events dated after this day (undated events are kept).

    The latest event per place wins (undated events count as older than dated ones).  With places on
    one side only, or fewer than two places, ``line`` is None and ``reason`` says why.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> a = Place("x:1", "A", "settlement", 49.0, 36.0)
    >>> b = Place("x:2", "B", "settlement", 49.0, 38.0)
    >>> ev = [ControlEvent(a, "ukraine", None, "retook", 0, 6, ""),
    ...       ControlEvent(b, "russia", None, "captured", 0, 8, "")]
    >>> inf = infer_control(ev, country=box(34, 47, 40, 51))
    >>> inf.line.geom_type, f"{inf.uncertainty_km:.0f}", inf.label
    ('LineString', '73', 'inferred from 2 reports about 2 places')
    """
    cutoff = require_date(until, "until")
    latest: dict[str, tuple[tuple[_dt.date, int], ControlEvent]] = {}
    n = 0
    for i, e in enumerate(events):
        if not isinstance(e, ControlEvent) or e.side not in SIDES:
            continue
        if cutoff is not None and e.date is not None and e.date > cutoff:
            continue
        n += 1
        key = (e.date or _dt.date.min, i)
        if e.place.id not in latest or key >= latest[e.place.id][0]:
            latest[e.place.id] = (key, e)
    deciding = tuple(sorted((e for _, e in latest.values()), key=lambda e: (e.place.name, e.place.id)))
    held: dict[str, list[Place]] = {s: [e.place for e in deciding if e.side == s] for s in SIDES}
    label = (
        f"inferred from {n} report{'s' * (n != 1)} about {len(deciding)} place{'s' * (len(deciding) != 1)}"
    )

    def without(reason: str) -> InferredControl:
        return InferredControl(deciding, held, reason=reason, label=label)

    pts = {s: [p for p in held[s] if p.kind in _POINT_KINDS] for s in SIDES}
    if len(deciding) < 2:
        return without(f"{len(deciding)} place(s) reported; a line needs places held by both sides")
    missing = [s for s in SIDES if not pts[s]]
    if missing:
        return without(f"no settlement reported held by {' or '.join(missing)}; a line needs both sides")
    return _voronoi_line(deciding, held, pts, country, label)


def _voronoi_line(
    deciding: tuple[ControlEvent, ...],
    held: dict[str, list[Place]],
    pts: dict[str, list[Place]],
    country: Any,
    label: str,
) -> InferredControl:
    import shapely
    from shapely.geometry import MultiPoint, Point

    outline = _default_country() if country is None else _resolve_geometry(country, "country")
    to_metric, to_lonlat = metric_projection(outline)
    area = to_metric(outline)
    places: list[tuple[str, Place, Any]] = []
    seen: set[tuple[float, float]] = set()
    for side in SIDES:
        for p in pts[side]:
            xy = to_metric(Point(p.lon, p.lat))
            key = (round(xy.x), round(xy.y))
            if key not in seen:  # two places at one spot: keep the first
                seen.add(key)
                places.append((side, p, xy))
    if {s for s, _, _ in places} != set(SIDES):
        return InferredControl(deciding, held, reason="opposing places coincide", label=label)
    frame = area.envelope.union(MultiPoint([xy for _, _, xy in places]).envelope).buffer(100_000).envelope
    cells = shapely.voronoi_polygons(MultiPoint([xy for _, _, xy in places]), extend_to=frame, ordered=True)
    clipped = [c.intersection(area) for c in cells.geoms]
    tree = shapely.STRtree(clipped)
    segments, metric_parts, band_parts = [], [], []
    for i, (side_i, p_i, _) in enumerate(places):
        if side_i != "ukraine" or clipped[i].is_empty:
            continue
        for j in tree.query(clipped[i], predicate="intersects"):
            side_j, p_j, _ = places[int(j)]
            if side_j != "russia":
                continue
            edge = _lines_only(clipped[i].intersection(clipped[int(j)]))
            if edge.is_empty or edge.length < 1.0:
                continue
            half_km = distance_km(p_i, p_j) / 2
            segments.append(FrontSegment(to_lonlat(edge), half_km, p_i, p_j))
            metric_parts.append(edge)
            band_parts.append(edge.buffer(half_km * 1000.0))
    if not segments:
        return InferredControl(
            deciding, held, reason="the two sides' places share no boundary inside the country", label=label
        )
    line = to_lonlat(_lines_only(shapely.union_all(metric_parts)))
    band = to_lonlat(shapely.union_all(band_parts).intersection(area))
    return InferredControl(
        deciding,
        held,
        line=line,
        segments=tuple(segments),
        band=band,
        uncertainty_km=max(s.uncertainty_km for s in segments),
        label=label,
    )
