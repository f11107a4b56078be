"""The size a settlement noun gives a name (used by :mod:`~frontmap.reading.homonyms`): "the village of
X", "the Ukrainian town of X", "X village", and for each town of a list after a plural noun: "the
eastern cities of Pokrovsk and Kostiantynivka"; and the namesakes within a text's reach (a small town
far abroad only when the text names its country)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from frontmap.gazetteer.place import Place
from frontmap.reading._ment_places import spelled_as
from frontmap.reading._tokens import Hit
from frontmap.reading.lexicon import (
    COUNTRY_ADJECTIVES,
    HOMONYM_QUALIFIERS,
    NEIGHBOUR_COUNTRIES,
    SETTLEMENT_SIZES,
)
from frontmap.reading.mentionrules import LARGE_CITY
from frontmap.reading.patterns import LIST_GAP, TOWN_PLURALS

__all__ = ["by_kind", "kind_before", "within_reach"]

_KIND_WORDS = "|".join(SETTLEMENT_SIZES)
#: Words before a settlement noun that relate a name to another place (lexicon: homonym_qualifiers.json).
_RELATIONAL = frozenset(HOMONYM_QUALIFIERS["relational"])
_KIND_BEFORE = re.compile(r"(?:\b([A-Za-z]+)\s+)?\b(" + _KIND_WORDS + r")\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_KIND_AFTER = re.compile(r"\s+(" + _KIND_WORDS + r")\b", re.IGNORECASE)
#: The most towns of a list looked back over (bounded, so that a text listing thousands stays linear).
_LIST_MAX = 12
_PLURAL_BEFORE = re.compile(
    r"(?:\b([A-Za-z]+)\s+)?\b(" + "|".join(TOWN_PLURALS) + r")\s+of\s+(?:the\s+)?$", re.IGNORECASE
)


def kind_before(text: str, start: int) -> re.Match | None:
    """ "the (Ukrainian) village of " just before ``start``."""
    return _noun_of_before(_KIND_BEFORE, text, start)


def _noun_of_before(pattern: re.Pattern[str], text: str, start: int) -> re.Match | None:
    """``pattern`` ("<noun> of (the)") ending at ``start``; most names have no "of" before them: look no
    further there."""
    if text.find("of", max(0, start - 12), start) < 0:
        return None
    return pattern.search(text, max(0, start - 40), start)


def _kind_of_list(text: str, hits: Sequence[Hit], i: int) -> tuple[str | None, str | None]:
    """The noun and adjective of "the (eastern) cities of A and B" before the list hit ``i`` is in."""
    k = i
    while k > max(0, i - _LIST_MAX) and LIST_GAP.fullmatch(text, hits[k - 1].end, hits[k].start):
        k -= 1
    plural = _noun_of_before(_PLURAL_BEFORE, text, hits[k].start)
    return (TOWN_PLURALS[plural.group(2).lower()], plural.group(1)) if plural else (None, None)


def by_kind(text: str, hits: Sequence[Hit], i: int, pool: tuple[Place, ...]) -> tuple[Place, ...] | None:
    """ "The village of X", "the Ukrainian town of X", "X village", "the cities of A and X": the
    candidates of that size (and country)."""
    h = hits[i]
    before = kind_before(text, h.start)
    if before and (before.group(1) or "").lower() in _RELATIONAL:
        return None  # "a satellite town of Odesa": what the town before is to Odesa
    kind_word, adjective = (before.group(2), before.group(1)) if before else (None, None)
    if kind_word is None:
        after = _KIND_AFTER.match(text, h.end)
        kind_word = after.group(1) if after else None
    if kind_word is None:
        kind_word, adjective = _kind_of_list(text, hits, i)
    if kind_word is None:
        return None
    lo, hi = SETTLEMENT_SIZES[kind_word.lower()]
    fit = tuple(p for p in pool if p.kind == "settlement" and lo <= p.population <= hi)
    country = COUNTRY_ADJECTIVES.get(adjective.lower()) if adjective else None
    if country:
        fit = tuple(p for p in fit if p.country == country) or fit
    if not any(spelled_as(p, h.key) for p in fit) and any(spelled_as(p, h.key) for p in pool):
        return None  # "the village of Dzhankoy": the town of 42,000, not a hamlet once called so
    return fit if fit and len(fit) < len(pool) else None


#: Ukraine and its neighbours: a namesake further away is meant only when the text names its country,
#: unless it is a city as large as a mention of it needs (mentionrules.LARGE_CITY).
_NEAR_ABROAD = NEIGHBOUR_COUNTRIES | {"UA"}


def within_reach(places: tuple[Place, ...], named: Callable[[], set[str]]) -> tuple[Place, ...]:
    """The candidates a text may mean: with a Ukrainian one among them, no town beyond Ukraine's
    neighbours of under LARGE_CITY people in a country the text does not name (``named()``: the
    countries it names) ("towards Stepnogorsk" in a report on Zaporizhzhia is Stepnohirsk, not the town
    in Kazakhstan): the words' kind of place and size choose among these."""
    far = [p for p in places if p.country not in _NEAR_ABROAD and p.population < LARGE_CITY]
    if not far or not any(p.country == "UA" for p in places):
        return places
    countries = named()
    return tuple(p for p in places if p not in far or p.country in countries)
