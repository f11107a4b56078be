"""Where a distance said of a name puts it: ", about 13 km south of" (used by the claim step of
:mod:`~frontmap.reading.homonyms`, which keeps the namesake that lies there).

>>> text = "Andriivka, a village 17 km northwest of Balakliia"
>>> stated(text, len("Andriivka"), text.index("Balakliia"))
(17.0, 315.0)
"""

from __future__ import annotations

import math
import re

from frontmap.gazetteer.place import Place
from frontmap.quantities.numbers import DIRECTIONS, DISTANCE_UNITS, to_km
from frontmap.quantities.tolerance import direction_bearing
from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import number
from frontmap.reading._mentions_grid import km as _km

__all__ = ["destination", "fitting", "stated"]

#: ", a village on the Donets ...": a description after a name, which a distance may end.
_DESCRIPTION = re.compile(r"\s*,\s*(?:a|an|the)\s+", re.IGNORECASE)
_CLAIM_HEAD = re.compile(
    r"[\s,(—–-]*(?:(?:which|that|is|was|lies|lay|sits|located|situated|just|some|about|around|roughly|"
    r"approximately|nearly|almost|only|over|under|less|more|than|a|the|village|town)\s+){0,6}",
    re.IGNORECASE,
)
_CLAIM_TAIL = re.compile(r"\s*(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.IGNORECASE)
#: " away from the town of": a distance with no direction, up to the place it is measured from.
_UNDIRECTED_TAIL = re.compile(
    r"\s+(?:away\s+)?from\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.IGNORECASE
)


def stated(text: str, start: int, end: int) -> tuple[float, float | None] | None:
    """``(km, bearing)`` when ``text[start:end]`` is a distance and direction ending in "of": ", about 13
    km south of"; ``(km, None)`` for a distance with no direction: " 25 miles away from"."""
    head = _CLAIM_HEAD.match(text, start, end)
    pos = head.end() if head else start
    q = P.QTY.match(text, pos, end)
    if q is None and _DESCRIPTION.match(text, start, end):
        # ", a village on the Donets roughly 17 km (11 miles) northwest of": the first distance of a
        # description (its conversion in brackets after it)
        q = next((m for m in P.QTY.finditer(text, start, end) if m.group("dist")), None)
    if q is None or q.group("dist") is None:
        return None
    value, unit = number(q), DISTANCE_UNITS.get(q.group("dist").lower())
    if value is None or unit is None:
        return None
    pos = q.end()
    conv = P.CONVERSION.match(text, pos, end)
    if conv:
        pos = conv.end()
    d = P.DIRECTION.match(text, pos, end)
    if d is None and _UNDIRECTED_TAIL.fullmatch(text, pos, end):
        return to_km(value, unit), None
    if d is None or d.group("end") is not None or not _CLAIM_TAIL.fullmatch(text, d.end(), end):
        return None
    wind = DIRECTIONS.get(" ".join(d.group("dir").lower().split()), d.group("dir").upper())
    try:
        return to_km(value, unit), direction_bearing(wind)
    except Exception:  # an odd direction: no claim
        return None


def destination(p: Place, km: float, bearing: float) -> tuple[float, float]:
    """``(lat, lon)`` ``km`` from ``p`` along ``bearing`` on a sphere (for ranking only; reading does not
    load the geodesy stack)."""
    d, az = km / 6371.0, math.radians(bearing)
    lat1, lon1 = math.radians(p.lat), math.radians(p.lon)
    lat2 = math.asin(math.sin(lat1) * math.cos(d) + math.cos(lat1) * math.sin(d) * math.cos(az))
    lon2 = lon1 + math.atan2(
        math.sin(az) * math.sin(d) * math.cos(lat1), math.cos(d) - math.sin(lat1) * math.sin(lat2)
    )
    return math.degrees(lat2), math.degrees(lon2)


def fitting(
    pool: tuple[Place, ...], origin: Place, km: float, bearing: float | None
) -> tuple[Place, ...] | None:
    """The candidates of ``pool`` that lie ``km`` from ``origin`` along ``bearing`` (within 2 km of the
    nearest to that point), or, with no bearing, whose distance from it is nearest ``km`` ("Bohatyr,
    25 miles away from Melitopol"); None when none fits well enough for the distance to say so, or all
    fit alike."""
    if bearing is not None:
        there = destination(origin, km, bearing)
        return _fit(pool, {p.id: _km(p, there) for p in pool}, km)
    if origin.kind not in ("settlement", "facility"):
        return None  # "1,000 km from Ukraine": from its border, which a point does not stand for
    return _fit(pool, {p.id: abs(_km(p, origin) - km) for p in pool}, km)


def _fit(pool: tuple[Place, ...], err: dict[str, float], km: float) -> tuple[Place, ...] | None:
    """The candidates whose error (km, by id) is within 2 km of the least, if that is small enough for a
    distance of ``km`` to say so."""
    best = min(err.values())
    if best > max(5.0, 0.4 * km):
        return None
    fit = tuple(p for p in pool if err[p.id] <= best + 2.0)
    return fit if len(fit) < len(pool) else None
