"""Which namesakes a neighbouring name allows (used by :mod:`~frontmap.reading.homonyms`): those in the
unit it names ("X in the Donetsk region", "X, Bakhmut district"), or the one nearest it ("X near Y").

The unit words ("region", "raion", "community" ...) come from the ``units`` table of
``data/homonym_qualifiers.json``.
"""

from __future__ import annotations

import re

from frontmap.gazetteer.place import Place
from frontmap.reading._ment_places import core as _core
from frontmap.reading._mentions_distance import bearing_of, beside
from frontmap.reading._mentions_grid import nearest_of
from frontmap.reading._tokens import Hit
from frontmap.reading.lexicon import HOMONYM_QUALIFIERS, REGIONAL_CENTRES
from frontmap.reading.patterns import WIND

__all__ = ["UNIT_WORD", "by_other", "by_unit", "list_unit", "unit_level"]

#: Unit word -> the level it names ("region" -> admin1, "district" -> raion).
_UNITS: dict[str, str] = dict(HOMONYM_QUALIFIERS["units"])
#: A unit word after a name ("Donetsk region").
UNIT_WORD = re.compile(r"\s*(" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_UNIT_AT_END = re.compile(r"\b(" + "|".join(_UNITS) + r")$", re.IGNORECASE)


def unit_level(text: str, other: Hit) -> str | None:
    """The level of unit the neighbour ``other`` names: its kind, or a unit word after or inside it."""
    p = other.place or other.places[0]
    if p.kind == "region":
        return "admin1"
    if p.kind in ("raion", "hromada"):
        return p.kind
    m = UNIT_WORD.match(text, other.end)
    if m:
        return _UNITS[m.group(1).lower()]
    m = _UNIT_AT_END.search(text, other.start, other.end)
    return _UNITS[m.group(1).lower()] if m else None


#: What joins the names of a list ("A, B and C"), and the most names one unit word is shared by.
_LIST_JOIN = re.compile(r"\s*,\s*|\s*,?\s+(?:and|or)\s+")
_LIST_MAX = 6


def list_unit(text: str, hits: list[Hit], i: int, after: tuple) -> tuple[str, Hit] | None:
    """ "Oleksandrivka and Tymofiivka in the Bohodukhiv district": the unit (its level and name) that the
    last name of a list of settlements is said to lie "in" (the ``after`` qualifier named "in"), which
    holds for each name of the list; None when the name after this one is not joined to it as a list."""
    j = i
    while j + 1 < len(hits) and j - i < _LIST_MAX and hits[j].places[0].kind == "settlement":
        gap = text[hits[j].end : hits[j + 1].start]
        if _LIST_JOIN.fullmatch(gap):
            j += 1
            continue
        if j > i and any(name == "in" and pattern.fullmatch(gap) for name, pattern, _ in after):
            level = unit_level(text, hits[j + 1])
            return (level, hits[j + 1]) if level not in (None, "near") else None
        return None
    return None


def _in_unit(p: Place, level: str, other: Hit) -> bool:
    """Is ``p`` in the unit the neighbour names ("Donetsk region", "Bakhmut district")?"""
    anchor = other.place or other.places[0]
    own = p.admin1 if level == "admin1" else getattr(p, level)
    if not own:
        return False
    if anchor.kind in ("region", "raion", "hromada"):
        return own == anchor.name or _core(own) == _core(anchor.name) or _core(own) == _core(other.key)
    # a town named with a unit word: its oblast ("Zaporizhzhia region"), or the raion named after it
    return _core(own) == _core(other.key) or (level == "admin1" and own == anchor.admin1)


def by_unit(pool: tuple[Place, ...], level: str, other: Hit) -> tuple[Place, ...] | None:
    if level == "near":
        return _by_near(pool, other)
    inside = tuple(p for p in pool if _in_unit(p, level, other))
    if inside:
        return inside
    # no candidate knows its raion or hromada (older data): the district's town stands for it
    anchor = other.place or other.places[0]
    if level != "admin1" and anchor.kind == "settlement" and not any(getattr(p, level) for p in pool):
        return _by_near(pool, other)
    return None


def _by_near(pool: tuple[Place, ...], other: Hit, gap: str = "") -> tuple[Place, ...] | None:
    """The namesake nearest the town named after it; of those that lie the way the words between say
    ("X, south of Y"), when one does."""
    anchor = other.place or other.places[0]
    if anchor.kind not in ("settlement", "facility"):
        if anchor.kind == "region":
            inside = tuple(p for p in pool if p.admin1 and p.admin1 == anchor.name)
            return inside or None
        return None
    way = _WAY.search(gap)
    bearing = bearing_of(way.group()) if way else None
    that_way = beside(pool, anchor, bearing) if bearing is not None else None
    return (nearest_of(that_way or pool, anchor),)


#: A compass word in the words between a name and the town it is said to lie near ("X, south of Y").
_WAY = re.compile(r"\b" + WIND + r"(?=\s+of\b)", re.IGNORECASE)


def by_other(
    pool: tuple[Place, ...], how: str, level: str | None, other: Hit, gap: str = ""
) -> tuple[Place, ...] | None:
    if level is not None and not (level == "near" and how == "unit_or_near"):
        return by_unit(pool, level, other)
    if how == "unit_or_near":
        # "Huliaipole, in Zaporizhia", "X in the Zaporizhzhia direction": in the city's oblast, which a
        # regional centre's name also names (the nearest namesake may lie across the oblast's border)
        anchor = other.place or other.places[0]
        same = tuple(
            p for p in pool if anchor.kind == "settlement" and p.admin1 and p.admin1 == anchor.admin1
        )
        if same and REGIONAL_CENTRES.get((anchor.admin1 or "").lower()) == anchor.name:
            # "the town of Andriivka in Donetsk": the oblast the centre names, not near the city itself
            return same if len(same) < len(pool) else None
        return _by_near(same or pool, other)
    return _by_near(pool, other, gap) if how == "near" else None
