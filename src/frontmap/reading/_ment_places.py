"""What :mod:`~frontmap.reading.homonyms` asks of a place or of a name's candidates that depends on
them alone, worked out once per gazetteer answer rather than once per mention.

The answers are remembered by the identity of the place or tuple of places (the gazetteer's memo
hands out the same objects for the same name), each entry holding its object so that the id stays
its own; a memo is emptied when it grows past :data:`~frontmap.reading._gzcache.LIMIT` entries.
Nothing read in a text is remembered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import Place
from frontmap.reading._gzcache import LIMIT
from frontmap.reading._mentions_grid import near_ukraine
from frontmap.reading.lexicon import COUNTRY_ADJECTIVES
from frontmap.reading.mentionrules import NEIGHBOUR_TOWN, SMALL_VILLAGE

__all__ = [
    "RAION_CITY_POPULATION",
    "as_spelled",
    "core",
    "dominant",
    "hromada_key",
    "name_key",
    "names_its_raion",
    "raion_of",
    "region_or_country",
    "unit_keys",
]

#: A city this large is named for itself (a strike on Chernihiv): its raion, thousands of km² of villages
#: around it, says nothing of which namesake a village name is; its hromada, the city itself, still does.
RAION_CITY_POPULATION = 100_000
_LARGE_KINDS = ("country", "region", "sea", "river", "facility")
_CORE_TAIL = re.compile(r"(?:\s+(?:oblast|region|province|raion|rayon|district|urban|rural|settlement|"
                        r"village|hromada|community|municipality))+$")  # fmt: skip


@lru_cache(maxsize=8192)
def core(name: str | None) -> str:
    """A unit's name without its unit words: "Bakhmut urban hromada" -> "bakhmut"."""
    return _CORE_TAIL.sub("", normalize(name)) if name else ""


def hromada_key(p: Place) -> str:
    """The hromada ``p`` lies in (or is) as one key: its core name and its raion's, since 103 core names
    are shared by hromadas of different raions ("Kamianske urban hromada" of Dnipropetrovsk Oblast and
    "Kamianske rural hromada" of Zakarpattia are not one unit)."""
    name = p.name if p.kind == "hromada" else p.hromada
    return f"{core(name)}|{core(p.raion)}" if name else ""


def raion_of(p: Place) -> str | None:
    """The raion ``p`` counts for: none for a city of :data:`RAION_CITY_POPULATION` or more."""
    return None if p.population >= RAION_CITY_POPULATION else p.raion


def _dominant(places: tuple[Place, ...]) -> bool:
    if len(places) == 1 or places[0].kind in _LARGE_KINDS:
        return True
    top, second = places[0].population, max(p.population for p in places[1:])
    return top >= 50_000 and top >= 10 * max(second, 1)


_DOMINANT: dict[int, tuple[tuple[Place, ...], bool]] = {}


def dominant(places: tuple[Place, ...]) -> bool:
    """One candidate, a large feature, or a city far larger than every namesake."""
    known = _DOMINANT.get(id(places))
    if known is None or known[0] is not places:
        if len(_DOMINANT) > LIMIT:
            _DOMINANT.clear()
        known = _DOMINANT[id(places)] = (places, _dominant(places))
    return known[1]


#: A place's units as ``(level, core name)``: those a sentence counts, and all.
UnitKeys = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
_UNITS: dict[int, tuple[Place, UnitKeys]] = {}


def unit_keys(p: Place) -> UnitKeys:
    """The units a mention of ``p`` counts for (``homonyms._Context.add``): an oblast named as such
    and the raion (or itself, if it is one), counted per sentence; and those with the hromada, counted
    per place."""
    known = _UNITS.get(id(p))
    if known is None or known[0] is not p:
        units = (
            ("admin1", p.name if p.kind == "region" else None),
            ("raion", p.name if p.kind == "raion" else raion_of(p)),
        )
        per_sentence = tuple((level, core(unit)) for level, unit in units if unit)
        hromada = hromada_key(p)
        counted = per_sentence + ((("hromada", hromada),) if hromada else ())
        if len(_UNITS) > LIMIT:
            _UNITS.clear()
        known = _UNITS[id(p)] = (p, (per_sentence, counted))
    return known[1]


_NAME_KEYS: dict[int, tuple[Place, str]] = {}


def name_key(p: Place) -> str:
    """``normalize(p.name)``: the key of the place's own name (is a name the place's own, or one it
    merely had once?)."""
    known = _NAME_KEYS.get(id(p))
    if known is None or known[0] is not p:
        if len(_NAME_KEYS) > LIMIT:
            _NAME_KEYS.clear()
        known = _NAME_KEYS[id(p)] = (p, normalize(p.name))
    return known[1]


def spelled_as(p: Place, key: str) -> bool:
    """Is ``key`` a spelling of ``p``'s own name (Konstantinovka of Kostiantynivka), not a name it merely
    had once (Aleksandrovka, before Donetsk grew over it)? Alike enough letter for letter (difflib)."""
    own = name_key(p)
    return own == key or SequenceMatcher(None, own, key, autojunk=False).ratio() >= _SPELLED_AS


#: How alike a name and a key must be (difflib's ratio) to be one name spelled two ways.
_SPELLED_AS = 0.6


def names_its_raion(p: Place) -> bool:
    """Is ``p`` the town its raion is named after (Vasylivka of Vasylivka Raion: a raion centre)?"""
    return p.raion is not None and core(p.raion) == name_key(p)


def region_or_country(p: Place, key: str, regions: set, countries: set) -> bool:
    """Does the text name the region of ``p``, a town across the border, or, when ``p`` is large enough
    to be meant by its own name (``key``, as the text writes it: not an old or other name, "Pantsir" for
    Krasnoarmeysk) and lies near Ukraine (not Smirnykh on Sakhalin for "Smirnov"), its country?"""
    if p.admin1 in regions:
        return True
    # a village the gazetteer's curators added for the news (Przewodów) is meant as a town is
    small = p.population < NEIGHBOUR_TOWN and not p.curated
    if p.country not in countries or small or not spelled_as(p, key):
        return False
    return near_ukraine(p)


#: "the closest Romanian coast city, Sulina": a neighbour's adjective names its country, as its name would;
#: not Russia's or Ukraine's, which nearly every report names in passing.
_ADJECTIVE_NAMES = re.compile(
    r"\b(" + "|".join(a.title() for a, c in COUNTRY_ADJECTIVES.items() if c not in ("UA", "RU")) + r")\b"
)


def countries_by_adjective(text: str) -> set[str]:
    """The codes of the countries next door whose adjective ``text`` uses ("Romanian", "Moldovan")."""
    return {COUNTRY_ADJECTIVES[m.lower()] for m in set(_ADJECTIVE_NAMES.findall(text))}


_SPELLED: dict[int, tuple[tuple[Place, ...], str, tuple[Place, ...]]] = {}


def as_spelled(key: str, places: tuple[Place, ...], lookup: Callable[[str], Any]) -> tuple[Place, ...]:
    """The places a name written ``key`` may mean: ``places`` (the gazetteer's answer), or, when ``key``
    is only another spelling, a letter apart, of the one name they all bear, and they are all villages
    under SMALL_VILLAGE people ("Novofedirivka" is recorded for one hamlet of Ukraine's dozen
    Novofedorivkas), every place of that name and kind (``lookup`` of the name, in its order), among
    which the homonym rules choose by what the text says.  A town's spelling stays its own (Ocheretine)."""
    known = _SPELLED.get(id(places))
    if known is None or known[0] is not places or known[1] != key:
        own = {name_key(p) for p in places}
        name = own.pop() if len(own) == 1 else key
        wider = places
        small = all(p.population < SMALL_VILLAGE for p in places)
        if small and name != key and _one_edit(name, key):
            kinds = {p.kind for p in places}
            every = tuple(p for p in lookup(name) if p.kind in kinds and name_key(p) == name)
            wider = every if {p.id for p in places} <= {p.id for p in every} else places
        if len(_SPELLED) > LIMIT:
            _SPELLED.clear()
        known = _SPELLED[id(places)] = (places, key, wider)
    return known[2]


def _one_edit(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one letter changed, added or dropped apart (not equal)?"""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :] and a != b
