"""Is a known name in the text a place mention?  An ordered list of small rules (:data:`RULES`).

:func:`~frontmap.reading.mentions.find_mentions` matches gazetteer names in the text, then asks
:func:`decide` about each match (a :class:`Candidate`).  The rules are tried in the order of
:data:`RULES`; the first that returns a :class:`Verdict` decides, the others are not asked.  The order
is the precedence, from the safest evidence to the most ambiguous:

1. shouted words: a dateline is a place ("KHARKIV, Ukraine --"), and so is an acronym the gazetteer
   knows ("ZNPP"); other shouting and acronyms used as modifiers are not ("RUSSIA", "UK officials");
2. longer names the place is part of: a title, an organisation, an agreement, a unit, a ship, a
   geographic name the gazetteer does not know ("Princess of Wales", "Kyiv Independent", "Rhode Island",
   "Staraya Nelidovka");
3. single words that are something else, unless "the" before them makes a river of them ("the Don"):
   ordinary English, a month or weekday, a demonym, a title, a person's given name or surname ("Most",
   "March", "Western", "Vladimir Putin", "Panetta said", "Don said");
4. what is left is a place when it is large or in Ukraine; a name whose only candidates are small
   villages, and a small place abroad, need support (a locative word before it, a noun like "village",
   another Ukrainian place in the sentence, its region named elsewhere in the text); a town of a country
   beyond Ukraine's neighbours also needs its country (or a place there) named in the text.

Whether a place speaks for its state ("Kyiv said", "Moscow's forces") is not decided here: an accepted
mention gets its ``role`` afterwards (:func:`frontmap.reading.mentions.find_mentions`).

Each rule has a one-line docstring saying what it decides and why; ``tests/test_mention_rules.py`` has
a case each rule decides and one it lets pass.

The reader asks the rules through :mod:`frontmap.reading._decide`, which works out once per name what
the rules that look only at the name say (``NAME_ONLY``) and which of the others can decide it at all
(``MAY_DECIDE``), and asks a rule that looks around the name only when the words there have what it
needs (``NEEDS``: a capitalised word joined after it, a vessel word before it ...): a rule that comes to
look around the name must leave ``NAME_ONLY``, a new condition a rule puts on the name itself may go in
``MAY_DECIDE``, and a rule that comes to decide without what ``NEEDS`` says it needs must leave it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import Place
from frontmap.reading._mentions_lines import Lines
from frontmap.reading._tokens import (
    KIND_GAPS,
    POSSESSIVE,
    Hit,
    Token,
    Words,
    measured_after,
    said_a_settlement,
    thing_before,
    title_before,
    vessel_after,
)
from frontmap.reading.lexicon import (
    ACRONYM_MODIFIERS,
    ACRONYM_ORIGINS,
    AGREEMENT_WORDS,
    AXIS_NOUNS,
    COMMON_WORDS,
    DEMONYMS,
    GEO_HEADS,
    GIVEN_NAMES,
    LOCATIVE,
    MONTHS,
    NAME_PREFIXES,
    NEIGHBOUR_COUNTRIES,
    NOBLE_TITLES,
    NOT_PLACES,
    ORG_WORDS,
    PLACE_NOUNS,
    TITLES,
    UNIT_WORDS,
    VILLAGE_SUPPORT,
    WEEKDAYS,
    phrases,
)
from frontmap.reading.patterns import FACILITY_AFTER

__all__ = [
    "LARGE_CITY",
    "NEIGHBOUR_TOWN",
    "RULES",
    "Candidate",
    "Rule",
    "Verdict",
    "candidate",
    "decide",
    "small_villages_only",
    "ukrainian_anchor",
    "word_after",
]


class Verdict(enum.Enum):
    """What a rule decides about a candidate."""

    ACCEPT = "accept"
    REJECT = "reject"
    #: A town next door: a place only if the text names its region or a place there (NEIGHBOUR_TOWN: country).
    IF_REGION_NAMED = "if region named"
    #: A town in a country further away: a place only if the text also names its country or a place there.
    IF_COUNTRY_NAMED = "if country named"


ACCEPT, REJECT, IF_REGION_NAMED = Verdict.ACCEPT, Verdict.REJECT, Verdict.IF_REGION_NAMED
IF_COUNTRY_NAMED = Verdict.IF_COUNTRY_NAMED

#: Kinds of place whose names are rarely anything else.
_LARGE_KINDS = ("country", "region", "sea", "lake", "river", "facility")
_DATELINE = re.compile(r"\s*(?:,|\(|—|–|--|-\s)")
ACRONYM_MODIFIER = re.compile(
    r"-(?!(?:" + phrases(ACRONYM_ORIGINS) + r")\b)\w|\s+[A-Z]|\s+(?:" + phrases(ACRONYM_MODIFIERS) + r")\b"
)
_TITLE_OF = re.compile(r"([A-Za-z]+)\s+of\s+(?:the\s+)?$")
_ORG_STEMS = frozenset(w.rstrip("s") for w in ORG_WORDS)
_CALENDAR = MONTHS | WEEKDAYS
_PERSON_BEFORE = GIVEN_NAMES | TITLES
#: A village smaller than this (or of unknown size, or placed only approximately) needs support.
SMALL_VILLAGE = 1_000
LARGE_CITY = 100_000  #: people in a place abroad that is meant by its name alone (large_city_abroad)
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+(?:the\s+)?$")
#: "according to X", "reported to X", "an advisor to X": a person (a source, an addressee), not a place.
_SOURCE_TO = re.compile(
    r"\b(?:according|thanks|due|owing|report(?:ed|ing|s)?|sa(?:id|ys|ying)|spoke|speaking|talk(?:ed|ing)"
    r"|wr(?:ote|iting)|explain(?:ed|ing)|complain(?:ed|ing)|" + phrases(TITLES) + r")\s+to\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[^\W\d_]+")
#: After a name: up to three more names joined by hyphens, then the noun after them ("-Siversk direction").
_AXIS_AFTER = re.compile(r"(?:-[^\W\d_][^\s-]{0,40}){0,3}[\"”’']?\s{1,3}([a-z]+)")  # bounded: linear reading
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


@dataclass(slots=True)
class Candidate:
    """A known name in the text, with what the rules look at around it."""

    text: str
    hit: Hit
    best: Place  # the gazetteer's first candidate
    word: str  # the first word, without a possessive 's
    low: str  # ``word`` in lower case
    shouted: bool  # ``word`` is in capitals (two letters or more)
    line_start: int  # offset of the line the name is on
    prev: Token | None  # the word before
    nxt: Token | None  # the word after
    prev_cap: bool  # the word before is capitalised and joined to the name ("Governor Kim")
    next_joined: bool  # the word after is joined to the name (one space or hyphen)
    next_cap: bool  # ... and capitalised ("Kyiv Independent")
    persons: set[str]  # surnames of people named in the text, lower case
    gz: Any  # the gazetteer
    lines: Lines  # the lines of the text
    sentence_ua: bool = False  # another name in the sentence can support a small village (ukrainian_anchor)

    @property
    def headline(self) -> bool:
        """Is the name on a Title Case headline line, where capitalised neighbours mean little?  (Asked
        of few names: decided when first asked, once per line.)"""
        return self.lines.headline(self.line_start)


def candidate(
    text: str,
    found: Words,
    h: Hit,
    gz: Any,
    persons: set[str],
    lines: Lines,
    sentence_ua: bool = False,
) -> Candidate:
    """The :class:`Candidate` for hit ``h`` among the words ``found`` of ``text``."""
    prev, prev_joined, nxt, next_joined = found.next_to(h.start, h.end)
    word, low, shouted = _first_word(found.at(h.start))
    return Candidate(
        text,
        h,
        h.places[0],
        word,
        low,
        shouted,
        lines.line_of(h.start),
        prev,
        nxt,
        prev_joined and prev is not None and prev.cap,
        next_joined,
        next_joined and nxt is not None and nxt.cap,
        persons,
        gz,
        lines,
        sentence_ua,
    )


@lru_cache(maxsize=1 << 14)
def _first_word(first: str) -> tuple[str, str, bool]:
    """The first word of a name without a possessive 's, in lower case, and whether it is shouted."""
    word = POSSESSIVE.sub("", first)
    return word, word.lower(), word.isupper() and len(word) > 1


def _starts_sentence(text: str, pos: int) -> bool:
    """Does a sentence, line or list item start at ``pos`` (after quotes and brackets)?"""
    j = pos - 1
    while j >= 0 and text[j] in " \t\"'“‘(«":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;—–-•|"


def _population(c: Candidate) -> int:
    return max(p.population for p in c.hit.places)


# -- 1. shouted words ------------------------------------------------------------------------------


def dateline(c: Candidate) -> Verdict | None:
    """Accept a shouted name that opens a line before a comma or dash: a dateline ("LVIV, Ukraine --")."""
    if c.shouted and c.hit.start == c.line_start and _DATELINE.match(c.text, c.hit.end):
        return ACCEPT
    return None


def _initials(name: str) -> str:
    return "".join(w[0] for w in _NAME_WORD.findall(name)).lower()


def known_acronym(c: Candidate) -> Verdict | None:
    """Accept a word in capitals naming a facility, or the initials of a place in Ukraine ("ZNPP")."""
    if not c.shouted or c.hit.n != 1:
        return None
    for p in c.hit.places:
        if p.kind == "facility" or (p.country == "UA" and _initials(p.name) == c.low):
            return ACCEPT
    return None


def shouted_word(c: Candidate) -> Verdict | None:
    """Reject other shouted words longer than an acronym ("RUSSIA"): headline shouting, not naming."""
    return REJECT if c.shouted and len(c.word) > 3 else None


def acronym_modifier(c: Candidate) -> Verdict | None:
    """Reject an acronym used as a modifier ("US-backed", "UK officials", "US President"): an adjective."""
    if c.shouted and c.hit.n == 1 and ACRONYM_MODIFIER.match(c.text[c.hit.end : c.hit.end + 16]):
        return REJECT
    return None


# -- 2. longer names the place is part of ------------------------------------------------------


def noble_title(c: Candidate) -> Verdict | None:
    """Reject a place in a person's title ("the Princess of Wales"): it names the person."""
    return REJECT if noble_title_before(c.text, c.hit.start) else None


def noble_title_before(text: str, start: int) -> bool:
    """Does a noble title and "of" end just before ``start`` (in the 20 characters before it)?"""
    before = text[max(0, start - 20) : start]
    if "of" not in before:
        return False
    m = _TITLE_OF.search(before)
    return bool(m and m.group(1).lower() in NOBLE_TITLES)


def organisation(c: Candidate) -> Verdict | None:
    """Reject a place that opens an organisation's or publication's name ("the Kyiv Independent")."""
    if c.next_cap and c.nxt is not None and POSSESSIVE.sub("", c.nxt.text).lower().rstrip("s") in _ORG_STEMS:
        return REJECT
    return None


def not_a_place(c: Candidate) -> Verdict | None:
    """Reject a name English uses for something else than the place it translates ("the White House")."""
    return REJECT if c.hit.key in NOT_PLACES else None


def word_after(c: Candidate, words: frozenset[str]) -> bool:
    """Is the word after the name one of ``words``, joined or after a closing quote ('the "Vostok" group')?"""
    n = c.nxt
    return n is not None and n.text in words and (c.next_joined or c.text[c.hit.end : n.start] in KIND_GAPS)


def agreement(c: Candidate) -> Verdict | None:
    """Reject a place naming an agreement ("the Minsk agreements"): a document, not a location."""
    return REJECT if word_after(c, AGREEMENT_WORDS) else None


def military_unit(c: Candidate) -> Verdict | None:
    """Reject a place naming a unit or a court ("the Vostok group"): an organisation, not a location."""
    return REJECT if word_after(c, UNIT_WORDS) else None


def thing_name(c: Candidate) -> Verdict | None:
    """Reject a place named as a ship, a medium or an aircraft ("the cruiser Moskva", "the Orsk frigate")."""
    if c.prev is not None and thing_before(c.text, c.prev, c.hit.start, c.hit.end):
        return REJECT
    return REJECT if vessel_after(c.text, c.hit.start, c.hit.end) else None


def longer_name(c: Candidate) -> Verdict | None:
    """Reject a word opening a longer name: "Rhode" before "Island" (abroad), "Staraya" before a name."""
    if c.hit.n != 1 or not c.next_cap or c.nxt is None:
        return None
    if c.low in NAME_PREFIXES and c.text.startswith(" ", c.hit.end):  # "Staraya Nelidovka", unknown whole
        return REJECT
    # a town in Ukraine stays: "Sevastopol Bay", "the Kerch Peninsula" lie at it (a name the gazetteer
    # knows whole, "the Kerch Strait", "the Volchya River", is read whole before)
    return REJECT if c.best.country != "UA" and c.nxt.text in GEO_HEADS else None


# -- 3. single words that are something else --------------------------------------------------


def river_after_article(c: Candidate) -> Verdict | None:
    """Accept a lone name after "the" that is also a word, a person or a town, and a river ("the Don")."""
    if c.hit.n != 1 or c.next_cap or not any(p.kind == "river" for p in c.hit.places):
        return None
    if c.best.kind == "river" and c.low not in GIVEN_NAMES and c.low not in COMMON_WORDS:
        return None  # nothing else it could be: large_feature takes it
    return ACCEPT if _THE_BEFORE.search(c.text, max(0, c.hit.start - 5), c.hit.start) else None


def common_word(c: Candidate) -> Verdict | None:
    """Reject a lone ordinary English word ("Most", "Police", "Reading"): sentence openers, page words."""
    return REJECT if c.hit.n == 1 and c.low in COMMON_WORDS else None


def calendar_word(c: Candidate) -> Verdict | None:
    """Reject a lone month or weekday ("March", "Sunday"): a date, however many towns share the name."""
    return REJECT if c.hit.n == 1 and c.low in _CALENDAR else None


def demonym(c: Candidate) -> Verdict | None:
    """Reject a lone demonym or adjective of place ("Ukrainian", "Western"): it describes, not names."""
    return REJECT if c.hit.n == 1 and c.low in DEMONYMS else None


def title_word(c: Candidate) -> Verdict | None:
    """Reject a lone title ("Governor", "Marshal"): it introduces a person."""
    return REJECT if c.hit.n == 1 and c.low in TITLES else None


def known_surname(c: Candidate) -> Verdict | None:
    """Reject a word the text uses as a surname elsewhere ("Panetta"), unless said there to be a town's."""
    said = c.hit.n == 1 and c.low in c.persons and not said_a_settlement(c.text, c.hit.start, c.hit.end)
    return REJECT if said else None


def given_name_before_surname(c: Candidate) -> Verdict | None:
    """Reject a given name before a capitalised word ("Vladimir Putin"), except in Title Case headlines."""
    if c.hit.n == 1 and c.low in GIVEN_NAMES and c.next_cap and not c.headline:
        return REJECT
    return None


def surname_after_given_name_or_title(c: Candidate) -> Verdict | None:
    """Reject a word after a given name or title ("Governor Kim", "governor Ivanov"), except in headlines."""
    if c.hit.n != 1 or c.prev is None or c.prev.text.lower() not in _PERSON_BEFORE:
        return None
    if c.prev_cap or title_before(c.text, c.prev, c.hit.start):
        return None if c.headline else REJECT
    return None


def _axis_end(c: Candidate) -> bool:
    """Is the name one end of an axis: joined by a hyphen to another name, before a noun like
    "direction" ("the Bakhmut-Siversk direction")?"""
    text, start, end = c.text, c.hit.start, c.hit.end
    if not (text.startswith("-", end) or (start > 0 and text[start - 1] == "-")):
        return False
    m = _AXIS_AFTER.match(text, end)
    return m is not None and m.group(1) in AXIS_NOUNS


def inside_other_name(c: Candidate) -> Verdict | None:
    """Reject a word after a capitalised word mid-sentence that is no word, demonym, place or axis end."""
    prev = c.prev
    if c.hit.n != 1 or not c.prev_cap or prev is None or c.headline:
        return None
    if c.hit.key in _ORG_STEMS and c.text[prev.end : c.hit.start] == " ":
        return REJECT  # "Ukrainska Pravda": the last word of a publication's name, not the village
    if c.lines.headline_glued(c.line_start, c.hit.start):  # a headline glued to the text after it
        return None
    pl = prev.text.lower()
    if _starts_sentence(c.text, prev.start) or pl in COMMON_WORDS or pl in DEMONYMS:
        return None
    if POSSESSIVE.sub("", pl) in _CALENDAR:  # "last September's Kharkiv counteroffensive": when, not a name
        return None
    if _axis_end(c):
        return None
    # "Ukraine's Donetsk, Zaporizhzhia ...": a place's possessive ends its name, as a hyphen does
    # ("Svatovo-Kupyansk"); a place abroad after a place and a space is part of one name ("the Danube Delta",
    # not the river and a town called Delta)
    if c.best.country != "UA" and not POSSESSIVE.search(prev.text) and c.text[prev.end : c.hit.start] == " ":
        return REJECT
    return None if c.gz.lookup(normalize(POSSESSIVE.sub("", prev.text))) else REJECT


def measured_from_a_place(c: Candidate) -> Verdict | None:
    """Accept a given name said to be a town's ("Victoria, 35 km west", "the village of Victoria")."""
    if c.hit.n != 1 or c.low not in GIVEN_NAMES:  # other names: the rules after decide (_decide.MAY_DECIDE)
        return None
    return ACCEPT if said_a_settlement(c.text, c.hit.start, c.hit.end) else None


def given_name_small_town(c: Candidate) -> Verdict | None:
    """Reject a lone given name whose best candidate is a town under 100,000 ("Victoria"): a person."""
    if c.hit.n == 1 and c.low in GIVEN_NAMES and c.best.kind == "settlement" and c.best.population < 100_000:
        return REJECT
    return None


def given_name_river(c: Candidate) -> Verdict | None:
    """Reject a lone given name whose best candidate is a river, without "the" ("Don said"): a person."""
    if c.hit.n != 1 or c.low not in GIVEN_NAMES or c.best.kind != "river":
        return None
    return None if _THE_BEFORE.search(c.text, max(0, c.hit.start - 5), c.hit.start) else REJECT


# -- 4. what is left: a place, if large, in Ukraine, or supported -------------------------------


def _small_village(p: Place) -> bool:
    return p.kind == "settlement" and (p.population < SMALL_VILLAGE or p.approximate)


def small_villages_only(c: Candidate) -> bool:
    """Are all candidates of ``c`` small villages (and one in Ukraine)?"""
    return small_villages(c.hit.places)


def small_villages(places: tuple[Place, ...]) -> bool:
    """Are all ``places`` small villages (and one in Ukraine)?"""
    return all(_small_village(p) for p in places) and any(p.country == "UA" for p in places)


def _supported_here(c: Candidate) -> bool:
    """A word of place or fighting before the name ("near X", "in the X", "its neighbour X"), a noun
    like "village" or "area" after it, a distance after it ("X, 5 km to its east"), an axis it ends
    ("the X-Y direction"), or Cyrillic script."""
    before = _WORD_BEFORE.search(c.text, max(0, c.hit.start - 30), c.hit.start)
    if before and before.group(1).lower() in VILLAGE_SUPPORT:
        # "according to Sadovyi": a source, not a place ("to" supports "moved to X")
        return not _SOURCE_TO.search(c.text, max(0, before.start() - 14), before.end())
    if c.next_joined and c.nxt is not None and c.nxt.text.lower() in PLACE_NOUNS:
        return True
    if measured_after(c.text, c.hit.end) or _axis_end(c):
        return True
    return bool(_CYRILLIC.search(c.text, c.hit.start, c.hit.end))


def ukrainian_anchor(c: Candidate) -> bool:
    """Can ``c`` support a small village named in its sentence: a name with a candidate in Ukraine that is
    more than a small village, or a small village supported where it stands ("Sokil and Druzhba" alone do
    not support each other; "liberated Sokil and Druzhba" does)."""
    if not any(p.country == "UA" for p in c.hit.places):
        return False
    return not small_villages_only(c) or _supported_here(c)


def small_village_without_support(c: Candidate) -> Verdict | None:
    """Reject a word naming small villages only, unless "in", "village", a place near or Cyrillic backs it."""
    if c.hit.n == 1 and small_villages_only(c) and not c.sentence_ua and not _supported_here(c):
        return REJECT
    return None


def large_feature(c: Candidate) -> Verdict | None:
    """Accept a country, region, sea, lake, river or facility: such names are rarely anything else."""
    return ACCEPT if c.best.kind in _LARGE_KINDS else None


def ukrainian_place(c: Candidate) -> Verdict | None:
    """Accept a name with a candidate in Ukraine: the reports are about Ukraine."""
    if c.best.country == "UA" or any(p.country == "UA" for p in c.hit.places):
        return ACCEPT
    return None


def large_city_abroad(c: Candidate) -> Verdict | None:
    """Accept a place abroad with a candidate of LARGE_CITY people or more ("Warsaw", "Belgorod")."""
    return ACCEPT if _population(c) >= LARGE_CITY else None


#: Words that make a town abroad after them a place, as a hamlet: "in Sudzha", "captured Sudzha".
_PLACE_BEFORE = LOCATIVE | VILLAGE_SUPPORT
#: "in Savasleyka and Borisoglebsk": a name after a list of names that such a word opens.
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"  # one or two capitalised words
_LISTED_AFTER_LOCATIVE = re.compile(
    r"\b(?i:" + "|".join(sorted(_PLACE_BEFORE, key=len, reverse=True)) + r")\s+"
    r"(?:" + _NAME + r"\s*,\s*){0,4}" + _NAME + r"\s*,?\s+(?:and|or)\s+$"
)


def town_abroad_after_locative(c: Candidate) -> Verdict | None:
    """Accept a town abroad after "in", "struck"... or "in A and": 15,000 people, or 2,000 next door."""
    prev = c.prev
    if prev is None:
        return None
    if prev.text.lower() in _PLACE_BEFORE:
        if c.text[prev.end : c.hit.start].strip() != "":
            return None
        person = _SOURCE_TO.search(c.text, max(0, prev.start - 20), prev.end)  # "according to Smirnov"
        if person or c.text.startswith(", who ", c.hit.end):  # "from Smirnov, who wrote": a person
            return None
    elif prev.text.lower() not in ("and", "or") or not _LISTED_AFTER_LOCATIVE.search(
        c.text, max(0, c.hit.start - 120), c.hit.start
    ):
        return None
    return _town_abroad(c)


def town_abroad_before_facility(c: Candidate) -> Verdict | None:
    """Accept a town abroad before "refinery", "air base"...: as large as after "in" ("Tuapse refinery")."""
    return _town_abroad(c) if FACILITY_AFTER.match(c.text, c.hit.end) else None


#: People in a town of a neighbouring country that a locative word before it, or its country named in
#: the text, makes a place ("in Sudzha", "Russia said it had retaken Sudzha").
NEIGHBOUR_TOWN = 2_000


def _town_abroad(c: Candidate) -> Verdict | None:
    """The verdict on a town abroad that the words around say is a place: large enough to be meant (in a
    neighbouring country, or in one further away that the text names: "west of Dachi" in a report on
    Kherson is no town of Chongqing), or no verdict."""
    pop, country = _population(c), c.best.country
    if country in NEIGHBOUR_COUNTRIES:
        return ACCEPT if pop >= NEIGHBOUR_TOWN or c.best.curated else None
    return IF_COUNTRY_NAMED if pop >= 15_000 else None


def border_town(c: Candidate) -> Verdict | None:
    """Keep a place next door if the text names its region (2,000 people: its country) or a distance to it."""
    if c.best.country not in NEIGHBOUR_COUNTRIES:
        return None
    return ACCEPT if measured_after(c.text, c.hit.end) else IF_REGION_NAMED


def small_place_abroad(c: Candidate) -> Verdict | None:
    """Reject any other place abroad: too small to be meant without support."""
    return None if any(p.country == "UA" for p in c.hit.places) else REJECT


Rule = Callable[[Candidate], Verdict | None]

#: The rules in order of precedence: the first that returns a verdict decides.
RULES: tuple[Rule, ...] = (
    dateline,
    known_acronym,
    shouted_word,
    acronym_modifier,
    noble_title,
    organisation,
    not_a_place,
    agreement,
    military_unit,
    thing_name,
    longer_name,
    river_after_article,
    common_word,
    calendar_word,
    demonym,
    title_word,
    known_surname,
    given_name_before_surname,
    surname_after_given_name_or_title,
    inside_other_name,
    measured_from_a_place,
    given_name_small_town,
    given_name_river,
    small_village_without_support,
    large_feature,
    ukrainian_place,
    large_city_abroad,
    town_abroad_after_locative,
    town_abroad_before_facility,
    border_town,
    small_place_abroad,
)


def decide(c: Candidate) -> tuple[Verdict, Rule | None]:
    """The verdict on ``c`` of the first rule of :data:`RULES` that decides, and that rule.

    A candidate no rule decides is refused (none is: a place in Ukraine is accepted, any other refused
    at the latest by :func:`small_place_abroad`).
    """
    for rule in RULES:
        verdict = rule(c)
        if verdict is not None:
            return verdict, rule
    return REJECT, None
