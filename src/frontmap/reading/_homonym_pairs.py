"""What nearness measures from when a text settles no place of Ukraine (used by
:mod:`~frontmap.reading.homonyms`): namesakes that lie together, or the first-ranked towns.

Two names a text gives close together, each with several candidates, of which one of each lies next to one
of the other's while no other pair does: "a convoy in Zarichne is preparing to break through to Torske"
names one of 32 Zarichnes and one of 3 Torskes, and only one pair of them lies 2 km apart.  So close a pair
is unlikely to be chance -- about the number of pairs times the area of a circle of their distance, over
the area of Ukraine -- and the two count as the article's places: nearness then chooses them
(:func:`~frontmap.reading.homonyms.proximity`), unless stronger evidence chose already.

>>> round(chance(32, 3, 2.0), 4)
0.002
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from frontmap.gazetteer.place import Place
from frontmap.reading._mentions_grid import km

__all__ = [
    "PAIR_CHANCE",
    "PAIR_KM",
    "PAIR_TEXT",
    "WEAK_ANCHOR_POPULATION",
    "chance",
    "close_pairs",
    "weak_anchors",
]

#: Population of a town in Ukraine that anchors proximity when no other place is settled (weak_anchors).
WEAK_ANCHOR_POPULATION = 10_000

#: The most characters between two names whose namesakes may pair up ...
PAIR_TEXT = 600
#: ... the most km a pair may lie apart ...
PAIR_KM = 20.0
#: ... and the most likely a pair as close may be by chance (low: a text's names make many pairs).
PAIR_CHANCE = 0.01
#: No closer than this is told apart (a village's own extent) ...
_MIN_KM = 2.0
#: ... and closer than this the two are one place under two names (a renamed village), no pair.
_SAME_KM = 0.3
#: Ukraine's area in km² (what the candidates of a name are spread over).
_AREA_KM2 = 603_628.0
#: Degrees of latitude in PAIR_KM (a quick bound before measuring).
_LAT_SPAN = PAIR_KM / 111.0
#: Names before a name that it is paired with at most (a long list of villages stays linear).
_LOOK_BACK = 8


def weak_anchors(places: dict[str, Place], undecided: list[tuple[int, str, tuple[Place, ...]]]) -> None:
    """With no place of Ukraine among ``places`` (the article's, by id), add what proximity measures from:
    with no town settled at all, the namesakes of two names that lie together (:func:`close_pairs`: "in
    Zarichne ... to Torske"); else the first-ranked town of each undecided name (``undecided``: offset,
    key and candidates of each; a town of :data:`WEAK_ANCHOR_POPULATION` or more in Ukraine): in "near
    Dmitrov as Pokrovsk fell" the two names keep each other on the Donetsk front."""
    if any(p.country == "UA" for p in places.values()):
        return
    if not any(p.kind == "settlement" for p in places.values()):
        pairs = close_pairs(undecided)
        for place in pairs:
            places.setdefault(place.id, place)
        if pairs:
            return
    for _, _, pool in undecided:
        top = pool[0]
        if top.country == "UA" and top.kind == "settlement" and top.population >= WEAK_ANCHOR_POPULATION:
            places.setdefault(top.id, top)


def chance(n: int, m: int, d_km: float) -> float:
    """About how many of ``n`` x ``m`` pairs of places spread over Ukraine would lie within ``d_km``."""
    return n * m * math.pi * max(d_km, _MIN_KM) ** 2 / _AREA_KM2


def close_pairs(names: Iterable[tuple[int, str, tuple[Place, ...]]]) -> list[Place]:
    """The places of the pairs that lie together, among ``names``: (offset, key, candidates) of each
    mention still undecided, in the order of the text."""
    seen: list[tuple[int, str, list[Place], list[float]]] = []
    found: list[Place] = []
    tried: set[tuple[str, str]] = set()  # each two names once, however often the text repeats them
    for start, key, pool in names:
        towns = sorted((p for p in pool if p.kind == "settlement"), key=lambda p: p.lat)
        lats = [p.lat for p in towns]
        for start2, key2, towns2, lats2 in reversed(seen[-_LOOK_BACK:]):
            if start - start2 > PAIR_TEXT:
                break
            if key2 == key or (key, key2) in tried or chance(len(towns), len(towns2), 0) > PAIR_CHANCE:
                continue  # so many namesakes that even the closest pair could be chance
            tried.add((key, key2))
            if (pair := _pair(towns, towns2, lats2)) is not None:
                found.extend(pair)
        seen.append((start, key, towns, lats))
    return found


def _pair(towns: list[Place], others: list[Place], lats: list[float]) -> tuple[Place, Place] | None:
    """The one pair of ``towns`` and ``others`` (sorted by latitude, ``lats``) that lies close, if it is
    clearly the closest and too close to be chance."""
    if len(towns) < 2 and len(others) < 2:
        return None
    close: list[tuple[float, Place, Place]] = []
    for a in towns:
        lo, hi = bisect_left(lats, a.lat - _LAT_SPAN), bisect_right(lats, a.lat + _LAT_SPAN)
        close.extend((d, a, b) for b in others[lo:hi] if _SAME_KM < (d := km(a, b)) <= PAIR_KM)
    if not close:
        return None
    close.sort(key=lambda t: t[0])
    d, a, b = close[0]
    if len(close) > 1 and close[1][0] <= max(2 * d, d + 5.0):
        return None  # two pairs about as close: neither stands out
    return (a, b) if chance(len(towns), len(others), d) <= PAIR_CHANCE else None
