"""Control inferred from text: who took what, and an approximate line between the two sides.

News reports say who took which place: "Ukrainian forces retook Izium", "the recently liberated town of
...", "Russian-occupied ...", "... fell to Russian forces".  :func:`find_control_events` turns such
phrases into :class:`ControlEvent` records; :func:`infer_control` keeps the latest event per place and
draws an *approximate* line between the places each side holds: the edges shared by Voronoi cells of
opposing places, clipped to the country.  The result is clearly labelled as inferred, with an
uncertainty: each stretch of line lies on the perpendicular bisector of two opposing places, so the true
front anywhere along it could be as far as half their distance away.

The rules (tried on each place mention, within its sentence)
----------------------------------------------------------
* **Before the place** (``TRIGGER [filler] PLACE``, where filler is words like "the strategic city
  of"): regain verbs and nouns (retook, recaptured, liberated, freed, reclaimed, regained, took back,
  "liberation of", "returned control of") → the subject's side, Ukraine when there is no subject;
  capture verbs (captured, seized, took, overran, entered, "took control of", "capture of") → the
  subject's side, no event without one; "occupied X", "Russian-occupied X", "Russian-held X",
  "Ukrainian-controlled X" → the side named (plain "occupied" → Russia; "formerly occupied" → Ukraine);
  withdraw verbs ("withdrew from", "pulled out of", "retreat from", "lost") → the side *opposite* the
  subject; "Ukrainian flag raised over X" → the flag's side.
* **After the place**: passives ("X was recaptured by Ukrainian troops", "X, captured by Russia in
  May") → the ``by`` side, else the verb's default; "X fell to Russian forces"; "X remains under Russian
  control"; "X is back in Ukrainian hands".
* **Lists** ("retook X, Y and Z") share the event of their first (or, for passives, last) member;
  "X, a town near Y, was retaken" is X's event, not Y's.
* The **subject** is the side word (Ukrainian, Ukraine's, Kyiv's, Russian, Russia, Moscow, Wagner...)
  closest before the verb within six words; for capture and withdraw verbs, failing that, the last side
  word earlier in the sentence.
* **No event** for intentions, negations and conditionals: "a plan to recapture X", "the push for the
  liberation of X", "has not retaken X", "could fall to Russian forces" (infinitives such as
  "recapture" are never triggers).  Metonymic mentions ("Kyiv said") and countries are ignored.
* **Date**: the explicit "on September 10" (or "on 10 September 2022") nearest the trigger in the
  sentence, unless "later", "after"... stand between them; the year taken
  from ``published`` (the year before when that would put the day after publication); otherwise the
  published date.

All patterns are compiled once, applied to bounded windows around each mention (linear time overall) and
never raise on odd text.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ._controlrules import WINDOW, left_event, list_separator, right_event, sentence_date
from .place import Place

__all__ = ["SIDES", "ControlEvent", "FrontSegment", "InferredControl", "find_control_events", "infer_control"]

#: Who holds a place after an event.
SIDES = ("ukraine", "russia")


@dataclass(frozen=True)
class ControlEvent:
    """One report that a side holds a place after an event ("Ukrainian forces retook Izium").

    ``text == full_text[start:end]`` is the trigger phrase ("retook", "Russian-occupied", "was
    recaptured by Ukrainian troops"); ``sentence`` the sentence it is in; ``side`` who holds ``place``
    afterwards (``"ukraine"`` or ``"russia"``); ``date`` when (None if unknown); ``source`` the article.
    """

    place: Place
    side: str
    date: _dt.date | None
    text: str
    start: int
    end: int
    sentence: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place.to_dict(),
            "side": self.side,
            "date": self.date.isoformat() if self.date else None,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "source": self.source,
        }


def _published(value: Any) -> _dt.date | None:
    from ._controlio import parse_date

    try:
        return parse_date(value)
    except Exception:
        return None


def find_control_events(
    text: str, mentions: Iterable[Any], published: Any = None, source: str | None = None
) -> list[ControlEvent]:
    """Control events in ``text``: a place mention governed by a capture/liberation phrase.

    Parameters
    ----------
    text : str
        The article text.
    mentions : iterable
        Objects with ``.text``, ``.start``, ``.end`` (offsets into ``text``) and ``.place`` (a
        :class:`Place` or None), e.g. :class:`frontmap.article.Mention`.  Unresolved mentions, mentions
        with ``role == "metonymy"``, and countries, seas and rivers are ignored.
    published : date, str or None
        The publication date: the events' date unless the sentence names a day.
    source : str or None
        Recorded on each event.

    Returns
    -------
    list of ControlEvent
        In text order; empty for text without events (never raises on odd text).

    Examples
    --------
    >>> from types import SimpleNamespace as M
    >>> izium = Place("x:1", "Izium", "settlement", 49.21, 37.26, "UA")
    >>> t = "Ukrainian troops retook Izium on September 10."
    >>> [(e.place.name, e.side, e.text, str(e.date)) for e in find_control_events(
    ...     t, [M(text="Izium", start=24, end=29, place=izium)], published="2022-09-12")]
    [('Izium', 'ukraine', 'retook', '2022-09-10')]
    """
    if not isinstance(text, str) or not text:
        return []
    from ._sentences import sentence_span

    pub = _published(published)
    usable = []
    for m in mentions or ():
        place = getattr(m, "place", None)
        start, end = getattr(m, "start", None), getattr(m, "end", None)
        if not isinstance(place, Place) or not isinstance(start, int) or not isinstance(end, int):
            continue
        if getattr(m, "role", "location") != "location" or place.kind in ("country", "sea", "river"):
            continue
        if 0 <= start < end <= len(text):
            usable.append((start, end, place))
    usable.sort(key=lambda t: (t[0], t[1]))

    events: list[ControlEvent] = []
    chain: list[tuple[int, int, Place]] = []
    chain_sentence: tuple[int, int] | None = None

    def flush() -> None:
        if chain and chain_sentence is not None:
            lo = bisect_left(usable, (chain_sentence[0],), key=lambda u: u[:1])
            hi = bisect_left(usable, (chain[0][0],), key=lambda u: u[:1])
            earlier = [u for u in usable[lo:hi] if u[1] <= chain[0][0]]
            events.extend(_chain_events(text, chain, earlier, chain_sentence, pub, source))

    for start, end, place in usable:
        span = sentence_span(text, start)
        if chain and span == chain_sentence and start >= chain[-1][1]:
            gap = text[chain[-1][1] : start]
            if list_separator(gap):
                chain.append((start, end, place))
                continue
        flush()
        chain, chain_sentence = [(start, end, place)], span
    flush()
    return events


def _chain_events(
    text: str,
    chain: list[tuple[int, int, Place]],
    earlier: list[tuple[int, int, Place]],
    span: tuple[int, int],
    pub: _dt.date | None,
    source: str | None,
) -> list[ControlEvent]:
    """Events for a list of places in one sentence ("X, Y and Z"): a trigger before the first, or a
    passive after the last, applies to all of them.  ``earlier`` are the sentence's mentions before
    the chain (the subject of an apposition closed by the passive)."""
    s0, s1 = span
    first, last = chain[0], chain[-1]
    pre_start = max(s0, first[0] - WINDOW)
    pre = text[pre_start : first[0]]
    post = text[last[1] : min(s1, last[1] + WINDOW)]
    found: list[tuple[str, int, int, list[tuple[int, int, Place]]]] = []
    left = left_event(pre, post)
    if left is not None:
        found.append((left[0], pre_start + left[1], pre_start + left[2], chain))
    right = right_event(post)
    if right is not None:
        side, a, b, closes = right
        targets = chain
        if closes:  # "Irpin, a town west of Kyiv, was retaken": the event is Irpin's
            heads = [m for m in earlier if text[m[1] : m[1] + 3].lstrip(" ").startswith(",")]
            targets = heads[-1:]
        if targets:
            found.append((side, last[1] + a, last[1] + b, targets))
    raw = text[s0:s1]
    sentence = raw.strip()
    out: list[ControlEvent] = []
    for side, a, b, targets in found:
        date = sentence_date(raw, a - s0, pub)
        out.extend(
            ControlEvent(place, side, date, text[a:b], a, b, sentence, source) for _, _, place in targets
        )
    return out


# --------------------------------------------------------------------------------------- inference
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
    from ._controlio import parse_date

    cutoff = parse_date(until) if until is not None else None
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

    from ._frontgeom import _default_country, _lines_only, _resolve_geometry, metric_projection
    from .geometry import distance_km

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
