"""Lines as anchors: distances from a border, a coast or the front line are measured to the line.

- **a border** -- the reader resolves "the (Russian) border" to the neighbouring country; the distance is
  to the nearest edge of that country's outline, which near the subject is the border itself;
- **the coast** -- "from the coast" with no sea named: the nearest of the seas in :data:`SEAS`;
- **the front line** -- "north of the front line": the front line of the control map nearest in time to
  the claim's date (:meth:`~frontmap.control.controlmap.ControlMap.front_line`), only when control maps
  are given (``check(..., against=...)``); how far that map is from the claim's date is said.

"within X km" reads as an upper bound (its qualifier's sense, see the tolerance policy).
The words that name each line are the tables :data:`LINE_WORDS`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from frontmap._dates import to_date
from frontmap.checks.periods import gap_words
from frontmap.checks.verdict import Verdict, _verdict, fmt, judged, place_numbers, stated_length_unit
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.gazetteer.place import Place
from frontmap.quantities.tolerance import check_interval, place_slack_km
from frontmap.reading.claims import Claim, DistanceClaim

__all__ = ["LINE_WORDS", "SEAS", "edge_distance_km", "front_checks", "is_front", "line_anchor", "stated_km"]

#: The words that name a line an anchor may be, by line.
LINE_WORDS: dict[str, re.Pattern[str]] = {
    "front": re.compile(
        r"\b(?:front\s*-?\s*lines?|front|line\s+of\s+contact|contact\s+line|frontline)\b", re.I
    ),
    "coast": re.compile(r"\b(?:coast|coastline|shore|seashore|seafront)\b", re.I),
}
#: Seas a coast may belong to, by name in the gazetteer.
SEAS = ("Black Sea", "Sea of Azov")


def stated_km(c: DistanceClaim) -> tuple[float, float]:
    """The interval (km) a distance claim states: :func:`~frontmap.quantities.tolerance.check_interval` of
    its figure, from the low end of a range when it states one ("28 to 35 kilometres"); a distance by
    road or rail states only the most the straight line can be ("1,600 km by road")."""
    low, high = check_interval(c.km, c.qualifier, c.value_text or None)
    if getattr(c, "measure", None) == "route":
        return 0.0, high
    first = getattr(c, "low", None)
    if first is not None and 0 < first < c.km:
        per = c.km / c.value if c.value else 1.0
        low = min(low, check_interval(first * per)[0])
    return low, high


def _anchor_words(c: DistanceClaim) -> str:
    return c.anchor_text or c.text


def is_front(c: Claim) -> bool:
    """Is ``c`` a distance from the front line (and from no place the gazetteer knows)?"""
    return (
        isinstance(c, DistanceClaim)
        and c.anchor is None
        and bool(LINE_WORDS["front"].search(_anchor_words(c)))
    )


@functools.cache
def _seas() -> tuple[Place, ...]:
    gz = Gazetteer()
    found = []
    for name in SEAS:
        for p in gz.candidates(name, kind="sea"):
            found.append(p)
            break
    return tuple(found)


def line_anchor(c: DistanceClaim) -> Place | None:
    """The place a distance with no gazetteer anchor is measured from when it names a line the gazetteer
    has: the nearest sea for "the coast" (None otherwise, and for the front line)."""
    if c.anchor is not None or c.subject is None or not LINE_WORDS["coast"].search(_anchor_words(c)):
        return None
    seas = _seas()
    if not seas:
        return None
    s = c.subject
    return min(seas, key=lambda p: p.geometry.distance(s.geometry))


def edge_distance_km(point: Place, other: Any) -> float:
    """Geodesic distance (km) from a point place to the nearest part of an area or line (a Place or a
    shapely geometry), measured in an azimuthal-equidistant plane centred on the point (true distances
    from the centre)."""
    import shapely
    from pyproj import Transformer

    to_plane = Transformer.from_crs(
        "EPSG:4326", f"+proj=aeqd +lon_0={point.lon} +lat_0={point.lat} +ellps=WGS84 +units=m", always_xy=True
    )
    geom = other.geometry if isinstance(other, Place) else other
    g = shapely.segmentize(geom, 0.05)
    planar = shapely.transform(g, lambda xy: _stack(to_plane.transform(xy[:, 0], xy[:, 1])))
    edge = planar.boundary if planar.geom_type in ("Polygon", "MultiPolygon") else planar
    return float(shapely.Point(0.0, 0.0).distance(edge)) / 1000.0


def _stack(xy: tuple[Any, Any]) -> Any:
    import numpy as np

    return np.column_stack(xy)


_FRONTS: dict[int, tuple[Any, Any]] = {}  # id -> (the map, its front line): the map kept, its id unique


def _front(cm: Any) -> Any:
    hit = _FRONTS.get(id(cm))
    if hit is None or hit[0] is not cm:
        if len(_FRONTS) > 32:
            _FRONTS.clear()
        hit = _FRONTS[id(cm)] = (cm, cm.front_line())
    return hit[1]


def front_checks(c: Claim, maps: list[Any]) -> list[Verdict]:
    """The distance verdict of a claim measured from the front line, against the control maps."""
    if not isinstance(c, DistanceClaim) or not is_front(c):
        return []
    if c.subject is None:
        return []
    dated = [m for m in maps if m.date is not None]
    when = to_date(c.published)
    if not dated or when is None:
        return [
            _verdict(
                "distance",
                "unverifiable",
                c,
                f"'{c.text}' is measured from the front line; it needs a date and dated control maps",
            )
        ]
    cm = min(dated, key=lambda m: (abs((m.date - when).days), m.date > when))
    line = _front(cm)
    if line.is_empty:
        return [_verdict("distance", "unverifiable", c, f"the control map of {cm.date} has no front line")]
    s = c.subject
    d = edge_distance_km(s, line)
    slack = place_slack_km(s.kind, s.population, s.extent_km, s.uncertainty_km)
    low, high = stated_km(c)
    gap = (cm.date - when).days
    what = (
        f"{s.name} lies {fmt(d, 'km')} from the front line of the control map of {cm.date} ({gap_words(gap)})"
    )
    numbers = {"subject": place_numbers(s, slack_km=slack), "map_date": cm.date, "map_gap_days": gap,
               "line": "front", "slack_km": slack}  # fmt: skip
    per = c.km / c.value if c.value else 1.0
    u = stated_length_unit(c)
    lo, hi = max(0.0, low - slack) / per, (high + slack) / per
    return [judged("distance", c, c.value, d / per, u, lo, hi, what,
                   numbers)]  # fmt: skip
