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
from frontmap.quantities.directions import bearing_difference
from frontmap.quantities.numbers import DIRECTIONS, DISTANCE_UNITS, to_km
from frontmap.quantities.tolerance import direction_bearing
from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import number
from frontmap.reading._ment_places import dominant
from frontmap.reading._mentions_grid import km as _km

__all__ = [
    "LOOSE",
    "REGION_ASIDE",
    "about",
    "bearing_of",
    "beside",
    "border_km",
    "destination",
    "fitting",
    "from_border",
    "near_border",
    "stated",
]

#: "eastern", "north-eastern": a compass adjective before the name of where a place lies.
_COMPASS_ADJ = r"(?:north|south|east|west)(?:-?(?:east|west))?ern"
#: "Snihurivka in Mykolaiv region, some 60 km ...", "Bahatyr, also in the Donetsk region, ...", "Pravdyne,
#: Kherson Oblast (...)", "Orlivka in Ukraine's eastern Donetsk region, ...", "Orlivka in eastern Ukraine,
#: ...": a region (or the part of a country) named between a place and what is said of it.
REGION_ASIDE = re.compile(
    r"^\s*(?:,\s*|,?\s*(?:(?:is|" + P.LIES + r")\s+)?(?:(?:also|both|now|still)\s+)?(?:in|of)\s+(?:the\s+)?)"
    r"(?:(?:[A-Z][\w'’-]+['’]s\s+)?(?:" + _COMPASS_ADJ + r"\s+)?(?:[A-Z][\w'’-]+\s+){1,2}"
    r"(?i:region|oblast|province|district|raion)\b|" + _COMPASS_ADJ + r"\s+[A-Z][\w'’-]+\b)"
)
#: ", a village on the Donets ...": a description after a name, which a distance may end.
_DESCRIPTION = re.compile(r"\s*,\s*(?:a|an|the)\s+", re.IGNORECASE)
_CLAIM_HEAD = re.compile(
    r"[\s,(—–-]*"
    # "Vyshneve and Yehorivka, situated 10 km ...": the distance is said of both names
    r"(?:and\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?\s*,?\s*)?"
    r"(?:(?:which|that|is|was|lies|lay|sits|located|situated|just|some|about|around|roughly|"
    r"approximately|nearly|almost|only|over|under|less|more|than|a|the|village|town)\s+){0,6}",
    re.IGNORECASE,
)
#: What may come between "of" and the place a distance is measured from: "the", "the town of", "the
#: rebel-held industrial city of", "the regional capital of" (:data:`~frontmap.reading.patterns.DESCRIBED`).
_BEFORE_ANCHOR = r"(?:" + P.DESCRIBED.pattern + r"|the\s+)?"
_CLAIM_TAIL = re.compile(r"\s*" + _BEFORE_ANCHOR + "$", re.IGNORECASE)
#: " away from the town of": a distance with no direction, up to the place it is measured from.
_UNDIRECTED_TAIL = re.compile(r"\s+(?:away\s+)?from\s+" + _BEFORE_ANCHOR + "$", re.IGNORECASE)


def stated(text: str, start: int, end: int) -> tuple[float | None, float | None] | None:
    """``(km, bearing)`` when ``text[start:end]`` is a distance and direction ending in "of": ", about 13
    km south of"; ``(km, None)`` for a distance with no direction: " 25 miles away from"; ``(None,
    bearing)`` for a direction alone: ", east of"."""
    aside = REGION_ASIDE.match(text[start:end])  # "X in eastern Ukraine, 10 km from"
    start += aside.end() if aside else 0
    head = _CLAIM_HEAD.match(text, start, end)
    pos = head.end() if head else start
    if text.startswith(",", start):  # "Ivanivka, east of the town of Kupiansk": a direction alone
        bare = _DIRECTION_ONLY.match(text, start, end)
        if bare is not None and _CLAIM_TAIL.fullmatch(text, bare.end(), end):
            bearing = bearing_of(bare.group("dir"))
            return None if bearing is None else (None, bearing)
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
    bearing = bearing_of(d.group("dir"))
    return None if bearing is None else (to_km(value, unit), bearing)  # an odd direction: no claim


#: ", east of", ", just northwest of": a direction with no distance after a name, up to "of".
_DIRECTION_ONLY = re.compile(
    r",\s*(?:(?:just|immediately|directly|slightly|further|farther)\s+)?(?P<dir>" + P.WIND + r")\s+of\s+",
    re.IGNORECASE,
)


def bearing_of(word: str) -> float | None:
    """The bearing of a compass word ("east", "north-western"), None for an odd one."""
    wind = DIRECTIONS.get(" ".join(word.lower().split()), word.upper())
    try:
        return direction_bearing(wind)
    except Exception:
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
    pool: tuple[Place, ...], origin: Place, km: float | None, bearing: float | None
) -> tuple[Place, ...] | None:
    """The candidates of ``pool`` that lie ``km`` from ``origin`` along ``bearing`` (within 2 km of the
    nearest to that point), or, with no bearing, whose distance from it is nearest ``km`` ("Bohatyr,
    25 miles away from Melitopol"), or, with no distance, the nearest within :data:`BESIDE_KM` that lies
    that way ("Ivanivka, east of Kupiansk"); None when none fits well enough to say so, or all fit alike,
    but a city far larger than its namesakes that lies about ``km`` from ``origin`` (:func:`about`)."""
    if km is None:
        return beside(pool, origin, bearing) if bearing is not None else None
    if dominant(pool) and about(_km(pool[0], origin), km):
        return pool[:1]  # "Sumy, 200 miles northeast of Kyiv": the capital, whatever lies nearer that point
    if bearing is not None:
        there = destination(origin, km, bearing)
        err = {p.id: _km(p, there) for p in pool}
        # a compass word covers a sector: "30 km north of Kharkiv" fits a village 33 km north-northeast
        # of it, 13 km off the point due north
        that_way = [p for p in pool if _along(p, origin, km, bearing)]
        if that_way:
            best = min(err[p.id] for p in that_way)
            fit = tuple(p for p in that_way if err[p.id] <= best + 2.0)
            return fit if len(fit) < len(pool) else None
        return _fit(pool, err, km) or _not_against(pool, origin, km, bearing)
    if origin.kind not in ("settlement", "facility"):
        return None  # "1,000 km from Ukraine": from its border, which a point does not stand for
    return _fit(pool, {p.id: abs(_km(p, origin) - km) for p in pool}, km)


#: How far off a stated distance may be, as a share of it (and 5 km more), for a place to lie about that
#: far: "200 miles northeast of Kyiv" is about the capital, 190 miles off (a compass point is a 45-degree
#: sector, so the point the words give may lie far from it).
LOOSE = 0.3


def about(actual: float, km: float) -> bool:
    """Does a place ``actual`` km away lie about the ``km`` a text states (:data:`LOOSE`)?"""
    return abs(actual - km) <= LOOSE * km + 5.0


#: How far a place said to lie some km in a compass direction may be off that direction (degrees: an
#: 8-wind's sector and half as much again); off the distance, a share of it (:data:`LOOSE`), at least 5 km.
_ALONG_DEG = 33.75


def _along(p: Place, origin: Place, km: float, bearing: float) -> bool:
    """Does ``p`` lie about ``km`` from ``origin`` in about the direction ``bearing``?"""
    if abs(_km(p, origin) - km) > max(5.0, LOOSE * km):
        return False
    return _off(origin, p, bearing) <= _ALONG_DEG


#: A namesake a stated distance and direction rule out when none lies about there: one under half or over
#: twice as far (and 5 km more), or off the direction by more than a compass word's sector and half again
#: on either side ("Ivankiv, about 50 km north of Kyiv" is the town 70 km northwest, not the village 20 km
#: southwest).
_AGAINST_RATIO, _AGAINST_DEG = 2.0, 67.5


def _not_against(
    pool: tuple[Place, ...], origin: Place, km: float, bearing: float
) -> tuple[Place, ...] | None:
    """The candidates of ``pool`` a distance of ``km`` along ``bearing`` from ``origin`` does not rule
    out, when it rules out some and not all (:data:`_AGAINST_RATIO`, :data:`_AGAINST_DEG`)."""
    kept = tuple(
        p for p in pool
        if km / _AGAINST_RATIO - 5.0 <= _km(p, origin) <= km * _AGAINST_RATIO + 5.0
        and _off(origin, p, bearing) <= _AGAINST_DEG
    )  # fmt: skip
    return kept if 0 < len(kept) < len(pool) else None


def _fit(pool: tuple[Place, ...], err: dict[str, float], km: float) -> tuple[Place, ...] | None:
    """The candidates whose error (km, by id) is within 2 km of the least, if that is small enough for a
    distance of ``km`` to say so."""
    best = min(err.values())
    if best > max(5.0, 0.4 * km):
        return None
    fit = tuple(p for p in pool if err[p.id] <= best + 2.0)
    return fit if len(fit) < len(pool) else None


#: How far a place said to lie some way "of" a town may be from it (no distance given).
BESIDE_KM = 40.0


def beside(pool: tuple[Place, ...], origin: Place, bearing: float) -> tuple[Place, ...] | None:
    """The candidates within :data:`BESIDE_KM` of ``origin`` whose bearing from it is within 45 degrees
    of ``bearing``: the nearest (within 2 km), or None when none lies there."""
    that_way = {
        p.id: d
        for p in pool
        if origin.kind in ("settlement", "facility") and (d := _km(p, origin)) <= BESIDE_KM
        and _off(origin, p, bearing) <= 45.0
    }  # fmt: skip
    if not that_way:
        return None
    best = min(that_way.values())
    fit = tuple(p for p in pool if that_way.get(p.id, math.inf) <= best + 2.0)
    return fit if len(fit) < len(pool) else None


def _off(origin: Place, p: Place, bearing: float) -> float:
    """Degrees between ``bearing`` and the way from ``origin`` to ``p``."""
    return abs(bearing_difference(_azimuth(origin, p), bearing))


def _azimuth(a: Place, b: Place) -> float:
    """The initial bearing from ``a`` to ``b``, degrees clockwise from north (on a sphere)."""
    la1, la2, dlon = math.radians(a.lat), math.radians(b.lat), math.radians(b.lon - a.lon)
    y = math.sin(dlon) * math.cos(la2)
    x = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(dlon)
    return math.degrees(math.atan2(y, x)) % 360.0


#: How far after a name a distance from a border may begin ("X, located just 5 km from the Russian border").
_BORDER_GAP = 100
#: What ends the phrase after a name: a full stop or a semicolon.
_STOP = re.compile(r"[.;](?:\s|$)")
#: After the distance (and its conversion): the border it is from, by its country's adjective or name.
_FROM_THE_BORDER = re.compile(
    r"\s+(?:away\s+)?from\s+(?:the|[A-Z][a-z]+['’]s)\s+"  # "from Ukraine's border with Russia"
    r"(?:(?P<adj>[A-Z][a-z]+)\s+border\b|border\s+with\s+(?P<name>[A-Z][a-z]+))"
)


def from_border(text: str, start: int, before: int) -> tuple[float, str] | None:
    """``(km, country code)`` when the words after a name that ends at ``start`` say how far it lies
    from a neighbour's border (", less than five kilometers from the Russian border", " located just 5 km
    from the border with Russia"), the distance beginning before ``before`` (the next name).

    >>> text = "Andriivka, less than three miles (5 km) from the Russian border"
    >>> from_border(text, len("Andriivka"), len(text))
    (4.828032, 'RU')
    """
    end = min(len(text), start + _BORDER_GAP)
    if text.find("border", start, end + 40) < 0:  # the common case, decided cheaply
        return None
    stop = _STOP.search(text, start, end)
    q = P.QTY.search(text, start, stop.start() if stop else end)
    if q is None or q.group("dist") is None or q.start() >= before:
        return None
    conv = P.CONVERSION.match(text, q.end())
    border = _FROM_THE_BORDER.match(text, conv.end() if conv else q.end())
    value, unit = number(q), DISTANCE_UNITS.get(q.group("dist").lower())
    if border is None or value is None or unit is None:
        return None
    code = P.ADJ_COUNTRY.get((border.group("adj") or border.group("name")).lower())
    return (to_km(value, unit), code) if code not in (None, "UA") else None


def border_km(p: Place, country: Place) -> float:
    """km from ``p`` to the nearest edge of ``country``'s area within about 200 km of it (``inf`` when
    none lies so near), on a plane around ``p``: a ranking figure (reading loads shapely for it only when
    a text says how far a name lies from a border)."""
    import numpy as np
    import shapely

    near = shapely.clip_by_rect(country.geometry, p.lon - 3.0, p.lat - 2.0, p.lon + 3.0, p.lat + 2.0)
    if near.is_empty:
        return math.inf
    k = _KM_PER_DEGREE * math.cos(math.radians(p.lat))
    plane = shapely.transform(
        near, lambda xy: np.column_stack(((xy[:, 0] - p.lon) * k, (xy[:, 1] - p.lat) * _KM_PER_DEGREE))
    )
    here = shapely.Point(0.0, 0.0)
    return float(here.distance(plane.boundary if plane.contains(here) else plane))


_KM_PER_DEGREE = 111.2


def near_border(pool: tuple[Place, ...], country: Place, km: float) -> tuple[Place, ...] | None:
    """The candidates of ``pool`` that lie about ``km`` from ``country``'s border ("Andriivka, 5 km from the
    Russian border": the village by the border, not a namesake 100 km inside Ukraine), as :func:`fitting`
    keeps those about ``km`` from a town."""
    return _fit(pool, {p.id: abs(border_km(p, country) - km) for p in pool}, km)
