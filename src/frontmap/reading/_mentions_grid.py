"""Distances between places, and a grid of an article's places (used by
:mod:`~frontmap.reading.homonyms`: proximity asks for the article's place nearest a candidate)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

from frontmap.gazetteer.place import Place

__all__ = ["ACROSS_BORDER_KM", "Grid", "km", "near_ukraine", "nearest_of"]


#: Ukraine's point in the gazetteer (Natural Earth's label point), and how far from it a town across the
#: border lies at most (Rostov-on-Don 620 km, Minsk 600, Warsaw 820; Sakhalin 6,000).
_UKRAINE = (49.7247, 32.1409)
ACROSS_BORDER_KM = 1_000


def near_ukraine(p: Place) -> bool:
    """Does ``p`` lie within :data:`ACROSS_BORDER_KM` of Ukraine's point (a town across the border, not
    one of the same country on the far side of it: Smirnykh on Sakhalin for "Smirnov")?"""
    return km(p, _UKRAINE) <= ACROSS_BORDER_KM


def km(a: Place, b: Place | tuple[float, float]) -> float:
    """Great-circle distance in km (for ranking only); ``b`` a place or ``(lat, lon)``."""
    sin1, cos1 = _TRIG.get(id(a)) or _trig(a)
    if isinstance(b, Place):
        lon2 = b.lon
        sin2, cos2 = _TRIG.get(id(b)) or _trig(b)
    else:
        lat2, lon2 = b
        p2 = math.radians(lat2)
        sin2, cos2 = math.sin(p2), math.cos(p2)
    c = sin1 * sin2 + cos1 * cos2 * math.cos(math.radians(lon2 - a.lon))
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


#: id(place) -> (sin, cos) of its latitude, the same floats every time (for km); _PLACES holds the
#: places so that their ids stay theirs.  Both are emptied past LIMIT entries.
_TRIG: dict[int, tuple[float, float]] = {}
_PLACES: list[Place] = []
LIMIT = 1 << 16


def _trig(p: Place) -> tuple[float, float]:
    if len(_PLACES) > LIMIT:
        _TRIG.clear()
        _PLACES.clear()
    r = math.radians(p.lat)
    _PLACES.append(p)
    found = _TRIG[id(p)] = (math.sin(r), math.cos(r))
    return found


def nearest_of(pool: Iterable[Place], anchor: Place) -> Place:
    """``min(pool, key=lambda p: km(p, anchor))``: the first of the places nearest ``anchor``."""
    sin2, cos2 = _TRIG.get(id(anchor)) or _trig(anchor)
    lon2 = anchor.lon
    best, found = math.inf, None
    for p in pool:
        sin1, cos1 = _TRIG.get(id(p)) or _trig(p)
        cosine = sin1 * sin2 + cos1 * cos2 * math.cos(math.radians(lon2 - p.lon))
        d = 6371.0 * math.acos(max(-1.0, min(1.0, cosine)))
        if found is None or d < best:
            best, found = d, p
    if found is None:
        raise ValueError("nearest_of() of no places")
    return found


class Grid:
    """Points in cells of half a degree: the places near a point without looking at all of them."""

    CELL = 0.5

    def __init__(self, places: Iterable[Place]):
        self.cells: dict[tuple[int, int], list[Place]] = {}
        for p in places:
            self.cells.setdefault(self._cell(p.lat, p.lon), []).append(p)

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / self.CELL), math.floor(lon / self.CELL))

    def nearest(self, p: Place, radius_km: float, exclude: frozenset[str]) -> float:
        """km to the nearest point within ``radius_km`` (``inf`` if none), ids in ``exclude`` aside."""
        ci, cj = self._cell(p.lat, p.lon)
        di = math.ceil(radius_km / 55.0)
        dj = math.ceil(radius_km / max(1.0, 111.0 * self.CELL * math.cos(math.radians(p.lat))))
        best = math.inf
        sin1, cos1 = _TRIG.get(id(p)) or _trig(p)
        for c in self._around(ci, cj, di, dj):
            if c.id not in exclude:
                # km(p, c), written out
                sin2, cos2 = _TRIG.get(id(c)) or _trig(c)
                cosine = sin1 * sin2 + cos1 * cos2 * math.cos(math.radians(c.lon - p.lon))
                d = 6371.0 * math.acos(max(-1.0, min(1.0, cosine)))
                if d < best:
                    best = d
        return best if best <= radius_km else math.inf

    def _around(self, ci: int, cj: int, di: int, dj: int) -> Iterator[Place]:
        """The points of the cells within ``di`` rows and ``dj`` columns of cell ``(ci, cj)``: from the
        filled cells when they are fewer than the cells of that square (an article's places fill few)."""
        if len(self.cells) < (2 * di + 1) * (2 * dj + 1):
            for (i, j), points in self.cells.items():
                if abs(i - ci) <= di and abs(j - cj) <= dj:
                    yield from points
        else:
            for i in range(ci - di, ci + di + 1):
                for j in range(cj - dj, cj + dj + 1):
                    yield from self.cells.get((i, j), ())
