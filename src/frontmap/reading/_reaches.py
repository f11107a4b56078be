"""Where along a river a text means it: the point of its line nearest the town named closest to it in
the text.

The gazetteer gives a long feature one representative point (the Dnipro's lies by Nikopol), which says
nothing of the reach an article is about: "the Dnipro" of a report from Kherson is the river at Kherson,
and of one from Kyiv the river at Kyiv.  A mention of a river keeps its gazetteer record (id, name, line,
extent) with its point moved to the point of its line nearest the settlement, facility, district or
community named closest to it in the text as a location (not "Kyiv" that speaks), when that place lies
within :data:`REACH_KM` of it; otherwise, with none named, or no line stored, the mention keeps the
gazetteer's point.  Places are equal by id, so the mentions of one river still name one place.  A lake
or reservoir keeps its point, which lies inside it: "the Kakhovka reservoir" is the whole of it more
often than the shore by the town named next to it.

Lines come as vertices (:meth:`frontmap.gazetteer.Gazetteer.vertices`): no shapely for the reader.
"""

from __future__ import annotations

import dataclasses
import math
from bisect import bisect_left
from typing import Any

from frontmap.gazetteer.place import Place
from frontmap.gazetteer.store import haversine_km
from frontmap.reading.article import Mention

__all__ = ["REACH_KINDS", "REACH_KM", "at_reaches", "nearest_on"]

#: Kinds of place a line stands for, whose one point says nothing: rivers (and canals).
REACH_KINDS = frozenset({"river"})
#: The town named closest says where along the feature the text is when it lies this close to it (km).
REACH_KM = 100.0
#: Kinds of place a reach is measured from: those that stand at one point, and districts and communities
#: (by their centres: "a bridge over the Seim in the Glushkovsky district").
_TOWN_KINDS = frozenset({"settlement", "facility", "raion", "hromada"})

#: The point found for a feature and a town (by id and point: a gazetteer of one's own may reuse an id),
#: kept across reads (a few hundred pairs at most).
_MEMO: dict[tuple[Any, ...], tuple[float, float] | None] = {}
_MEMO_LIMIT = 4096


def at_reaches(mentions: list[Mention], gz: Any) -> list[Mention]:
    """``mentions`` with each river's place at its reach (see the module's description);
    unchanged when ``gz`` cannot give lines (it lacks ``vertices``)."""
    longs = [i for i, m in enumerate(mentions) if m.place is not None and m.place.kind in REACH_KINDS]
    if not longs:
        return mentions
    # places the text puts things at, not a capital that speaks for its state ("Kyiv said")
    towns = [
        m for m in mentions if m.place is not None and m.place.kind in _TOWN_KINDS and m.role == "location"
    ]
    vertices = getattr(gz, "vertices", None)
    if not towns or vertices is None:
        return mentions
    out = list(mentions)
    starts = [t.start for t in towns]  # in text order, as the mentions are
    for i in longs:
        m = out[i]
        feature = m.place
        assert feature is not None
        j = bisect_left(starts, m.start)  # the one named closest: just before or just after
        near = towns[max(0, j - 1) : j + 1]
        town = min(near, key=lambda t: abs(t.start - m.start)).place
        assert town is not None
        point = _reach(feature, town, vertices)
        if point is not None:
            out[i] = dataclasses.replace(m, place=dataclasses.replace(feature, lat=point[1], lon=point[0]))
    return out


def _reach(feature: Place, town: Place, vertices: Any) -> tuple[float, float] | None:
    """``(lon, lat)`` of the point of ``feature``'s lines nearest ``town``, if within REACH_KM of it."""
    key = (feature.id, feature.lat, feature.lon, town.lat, town.lon)
    if key in _MEMO:
        return _MEMO[key]
    lines = vertices(feature)
    point = nearest_on(lines, town.lon, town.lat) if lines else None
    if point is not None and haversine_km(point[1], point[0], town.lat, town.lon) > REACH_KM:
        point = None
    if len(_MEMO) >= _MEMO_LIMIT:
        _MEMO.clear()
    _MEMO[key] = point
    return point


def nearest_on(lines: Any, lon: float, lat: float) -> tuple[float, float] | None:
    """The point of ``lines`` (sequences of ``(lon, lat)`` vertices, the segments between them) nearest
    ``(lon, lat)``, measured on a plane true to scale around that point (a reach is tens of km, where the
    plane is off by well under 1 %); None for no vertex."""
    k = math.cos(math.radians(lat))  # km per degree of longitude, relative to latitude
    best, found = math.inf, None
    for line in lines:
        if not line:
            continue
        ax, ay = (line[0][0] - lon) * k, line[0][1] - lat
        if ax * ax + ay * ay < best:
            best, found = ax * ax + ay * ay, (ax, ay)
        for x, y in line[1:]:
            bx, by = (x - lon) * k, y - lat
            dx, dy = bx - ax, by - ay
            dd = dx * dx + dy * dy
            t = 0.0 if dd == 0.0 else min(1.0, max(0.0, -(ax * dx + ay * dy) / dd))
            px, py = ax + t * dx, ay + t * dy
            d = px * px + py * py
            if d < best:
                best, found = d, (px, py)
            ax, ay = bx, by
    if found is None:
        return None
    return (lon + found[0] / k if k else lon, lat + found[1])
