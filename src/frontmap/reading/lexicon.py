"""Word lists and small tables the reader uses, read from the data files in ``frontmap/reading/data``.

The lists encode how news is written: capitalised function words open sentences, titles and given names
precede people, organisation words follow the place names they contain ("Kyiv Independent", "Moscow
Times"), and many ordinary English words are also the names of small towns somewhere ("Most", "Police",
"March", "Reading").  Each data file says in its header what it is for; all are hand-kept for this
project.  Word lists are plain text, one entry per line with ``#`` comments; tables that map a word to
a value are JSON (``"entries"``).

Every file is read once, when this module is imported, into the immutable names below (frozensets for
membership, tuples where the order is used, read-only mappings for tables).

>>> "march" in MONTHS and MONTH_NUMBERS["sept"]
9
>>> COUNTRY_ADJECTIVES["belarusian"]
'BY'
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = [
    "ABBREVIATIONS",
    "ACRONYM_MODIFIERS",
    "ACRONYM_ORIGINS",
    "AGREEMENT_WORDS",
    "ANAPHOR_FEATURES",
    "AXIS_NOUNS",
    "COMMON_WORDS",
    "CONTROL_AUXILIARIES",
    "CONTROL_FILLER",
    "COUNTRY_ADJECTIVES",
    "COUNTRY_NOUNS",
    "DEMONYMS",
    "DISTANCE_MEASURES",
    "FRACTION_WORDS",
    "GEO_HEADS",
    "GIVEN_NAMES",
    "GLOSS_LANGUAGES",
    "GROUND_STATES",
    "HOMONYM_QUALIFIERS",
    "LOCATION_VERBS",
    "LOCATIVE",
    "LOWERCASE_TITLES",
    "MEDIA_WORDS",
    "METONYMY_AUXILIARIES",
    "METONYMY_NOUNS",
    "METONYMY_VERBS",
    "MONTHS",
    "MONTH_NUMBERS",
    "MULTIPLIERS",
    "NAME_ARTICLES",
    "NAME_PREFIXES",
    "NEIGHBOUR_COUNTRIES",
    "NOBLE_TITLES",
    "NOT_PLACES",
    "NUMBER_WORDS",
    "ORG_WORDS",
    "PLACE_NOUNS",
    "REGIONAL_CENTRES",
    "REGIONAL_OFFICES",
    "SETTLEMENT_FACILITIES",
    "SETTLEMENT_SIZES",
    "TERRITORIAL_NOUNS",
    "THING_WORDS",
    "TITLES",
    "TOWN_NOUNS",
    "TRAVEL_VERBS",
    "UNIT_WORDS",
    "VESSEL_WORDS",
    "VILLAGE_SUPPORT",
    "WEEKDAYS",
    "entries",
    "phrases",
]


def _read(name: str) -> str:
    return resources.files("frontmap.reading").joinpath("data", name).read_text(encoding="utf-8")


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of the word list ``data/<name>``, in file order: one a line, ``#`` comments and blank
    lines dropped, inner whitespace collapsed to one space.

    >>> entries("weekdays.txt")[:2]
    ('monday', 'tuesday')
    """
    out = []
    for line in _read(name).splitlines():
        entry = " ".join(line.split("#", 1)[0].split())
        if entry:
            out.append(entry)
    return tuple(out)


def phrases(words: Iterable[str]) -> str:
    """``words`` (a list's entries or a table's keys) as a regex alternation, longest first so that
    "under control" is tried before "under"; a space in one matches any run of whitespace.

    >>> phrases(["under", "under control"])
    'under\\\\s+control|under'
    """
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _words(name: str) -> frozenset[str]:
    return frozenset(entries(name))


def _table(name: str) -> MappingProxyType[str, Any]:
    """The ``"entries"`` mapping of the JSON table ``data/<name>`` (read-only, in file order)."""
    return MappingProxyType(json.loads(_read(name))["entries"])


# -- place mentions (frontmap.reading.mentions, frontmap.reading.mentionrules) -----------------------

#: One line per month, in calendar order: its name, then its abbreviations.
_MONTH_LINES = entries("months.txt")
MONTHS = frozenset(w for line in _MONTH_LINES for w in line.split())
#: Month name or abbreviation -> month number ("sept" -> 9).
MONTH_NUMBERS = MappingProxyType({w: i for i, line in enumerate(_MONTH_LINES, start=1) for w in line.split()})
WEEKDAYS = _words("weekdays.txt")
#: Words that precede a person's name.
TITLES = _words("titles.txt")
#: Those that mark a person even in lower case ("the regional governor Ivanov").
LOWERCASE_TITLES = _words("lowercase_titles.txt")
assert LOWERCASE_TITLES <= TITLES, sorted(LOWERCASE_TITLES - TITLES)
#: Titles of the form "<title> of <place>" that name a person, not the place.
NOBLE_TITLES = _words("noble_titles.txt")
#: Common given names, so that "Vitaly Kim", "Kate Middleton" or "Leon Panetta" are read as people.
GIVEN_NAMES = _words("given_names.txt")
#: Capitalised words after a place that make it part of an organisation or publication name.
ORG_WORDS = _words("org_words.txt")
#: Offices after "<place> regional" that make the place the oblast ("the Kharkiv regional governor").
REGIONAL_OFFICES = _words("regional_offices.txt")
#: Demonyms and adjectives of place, capitalised in English but not place names themselves.
DEMONYMS = _words("demonyms.txt")
#: Capitalised ordinary English words that happen to be the names of small towns somewhere.
COMMON_WORDS = _words("common_words.txt")
#: Names the gazetteer knows as translations of a foreign place name that English uses otherwise.
NOT_PLACES = _words("not_places.txt")
#: Prepositions that introduce a location ("in Kharkiv", "near Izium").
LOCATIVE = _words("locative.txt")
#: What a share of a town's ground is said to be ("destroyed", "under water") -> the claim's change.
GROUND_STATES = _table("ground_states.json")
#: The verbs that say where a place is, by form: "finite" (lies, sit), "continuous" (lying),
#: "participle" (located) -> their words.
LOCATION_VERBS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {form: tuple(words) for form, words in _table("location_verbs.json").items()}
)
#: After a place, these verbs make it stand for its government ("Moscow said", "Kyiv denies").
METONYMY_VERBS = _words("metonymy_verbs.txt")
#: Auxiliaries, negations and adverbs between such a place and its verb ("Kyiv did not confirm").
METONYMY_AUXILIARIES = entries("metonymy_auxiliaries.txt")
#: After a possessive place, these nouns make it stand for its state ("Kyiv's military").
METONYMY_NOUNS = _words("metonymy_nouns.txt")
#: ISO codes of Ukraine's neighbours, where a small town can be meant when the text supports it.
NEIGHBOUR_COUNTRIES = _words("neighbour_countries.txt")
#: Capitalised articles that never start a place name ("The Black Sea"); case-sensitive.
NAME_ARTICLES = _words("name_articles.txt")
#: Words after a place that make it a unit's or a court's name ("the Vostok group").
UNIT_WORDS = _words("unit_words.txt")
#: Words before a place that make it a ship's name ("the landing ship Saratov").
VESSEL_WORDS = _words("vessel_words.txt")
#: Words before a place that make it a medium's name ("the Telegram channel Baza").
MEDIA_WORDS = _words("media_words.txt")
#: Words before a place that make it the name of a thing: a ship or a medium.
THING_WORDS = VESSEL_WORDS | MEDIA_WORDS
#: Capitalised nouns that end a longer geographic name ("Rhode Island"); case-sensitive.
GEO_HEADS = _words("geo_heads.txt")
#: Adjectives that open settlement and river names ("Nova", "Staraya", "Velykyi").
NAME_PREFIXES = _words("name_prefixes.txt")
#: Words after a place that make it an agreement's name ("the Minsk agreements").
AGREEMENT_WORDS = _words("agreement_words.txt")
#: Words after a short acronym that make it a modifier ("UK officials"), in file order.
ACRONYM_MODIFIERS = entries("acronym_modifiers.txt")
#: Words opening a bracket that gives a name in other languages ("X (Ukrainian: ...; Russian: ...)").
GLOSS_LANGUAGES = _words("gloss_languages.txt")
#: Words after a short acronym and a hyphen that say where ("the US-based Institute"): it is a place.
ACRONYM_ORIGINS = _words("acronym_origins.txt")
#: Words before a name of small villages only that make it a place ("near X", "liberated X").
VILLAGE_SUPPORT = _words("village_support.txt")
#: Nouns after a name of small villages only that make it a place ("X village", "the X area").
PLACE_NOUNS = _words("place_nouns.txt")
#: Nouns after names joined by hyphens that make each a place ("the Bakhmut-Siversk direction").
AXIS_NOUNS = _words("axis_nouns.txt")

# -- homonyms (frontmap.reading.homonyms) ------------------------------------------------------------

#: How a text says which place of a shared name it means: unit words, settlement nouns, and the
#: phrasings between two names that qualify one by the other ("X in the Y region", "Y Oblast's X").
HOMONYM_QUALIFIERS: MappingProxyType[str, Any] = _table("homonym_qualifiers.json")
#: Nouns after "the <name>" for a settlement's facility ("the Orlivka border crossing"), in file order.
SETTLEMENT_FACILITIES = entries("settlement_facilities.txt")
#: Nouns after a town's name for an incident at its nuclear plant or dam ("the Chernobyl disaster").
PLANT_INCIDENTS = _words("plant_incidents.txt")
#: Names that stand for their place in lower case too ("russia", as many Ukrainian outlets write it).
LOWER_CASE_NAMES = entries("lower_case_names.txt")
#: Names written as initials with full stops ("U.S."), which the word scanner cannot read.
DOTTED_NAMES = entries("dotted_names.txt")
#: The populations a settlement noun fits ("the village of X", "60 km from the city"): noun -> (low,
#: high), high infinite when the table leaves it open (its "kinds").
SETTLEMENT_SIZES: MappingProxyType[str, tuple[float, float]] = MappingProxyType(
    {
        noun: (float(low), math.inf if high is None else float(high))
        for noun, (low, high) in HOMONYM_QUALIFIERS["kinds"].items()
    }
)

# -- sentences (frontmap.reading.sentences) --------------------------------------------------------

#: Abbreviations whose full stop does not end a sentence ("Gen.", "Feb."), lower case, without the stop.
ABBREVIATIONS = _words("abbreviations.txt")

# -- control events (frontmap.reading.controlrules) ----------------------------------------------

#: Words allowed between a control trigger and its place ("retook the strategic city of"), in file order.
CONTROL_FILLER = entries("control_filler.txt")
#: Auxiliaries allowed before a passive control verb ("which has now been retaken"), in file order.
CONTROL_AUXILIARIES = entries("control_auxiliaries.txt")

# -- claims (frontmap.reading.patterns, claimtext, claimshares) ----------------------------------

#: Words that begin a written-out number ("seventy", "a few hundred"), in file order.
NUMBER_WORDS = entries("number_words.txt")
#: Verbs of travel and advance before a distance ("cover 5 km", "advanced 2 km"), in file order.
TRAVEL_VERBS = entries("travel_verbs.txt")
#: "as the crow flies" -> "straight", "by road" -> "route": how a distance is said to be measured.
DISTANCE_MEASURES: MappingProxyType[str, str] = _table("distance_measures.json")
#: Feature words that, capitalised after "the", name again a place named before ("the Spit").
ANAPHOR_FEATURES = _words("anaphor_features.txt")
#: Fraction words that begin a share ("a fifth of"), in file order.
FRACTION_WORDS = entries("fraction_words.txt")
#: After a possessive place, only these nouns make a share territorial ("Russia's territory").
TERRITORIAL_NOUNS = _words("territorial_nouns.txt")
#: Nouns after "of the" that mean the whole country the text is about ("a fifth of the country").
COUNTRY_NOUNS = _words("country_nouns.txt")
#: Nouns for a settlement ("80% of the city").
TOWN_NOUNS = _words("town_nouns.txt")
#: Country adjective -> ISO code ("russian" -> "RU").
COUNTRY_ADJECTIVES: MappingProxyType[str, str] = _table("country_adjectives.json")
#: Region name -> its administrative centre ("Mykolaiv Oblast" -> "Mykolaiv"): "the regional centre".
REGIONAL_CENTRES: MappingProxyType[str, str] = _table("regional_centres.json")
#: A multiple before "the size of" -> its factor ("twice" -> 2.0).
MULTIPLIERS: MappingProxyType[str, float] = _table("multipliers.json")
