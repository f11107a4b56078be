"""The feature a name's surroundings make of it (used by :mod:`~frontmap.reading.mentions`): "the Donetsk
and Luhansk regions" and "the Kharkiv regional governor" are oblasts, "the Dnipro" with no noun after it
and "a Dnipro tributary" the river, "the Rivne nuclear plant" and "the dam of Kakhovka" the facilities
named after the towns."""

from __future__ import annotations

import re

from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import Place
from frontmap.reading._mentions_added import REGION_GAP as _REGION_GAP
from frontmap.reading._tokens import Hit
from frontmap.reading.lexicon import (
    AXIS_NOUNS,
    HOMONYM_QUALIFIERS,
    METONYMY_NOUNS,
    PLANT_INCIDENTS,
    REGIONAL_OFFICES,
    SETTLEMENT_SIZES,
    TITLES,
    phrases,
)
from frontmap.reading.patterns import FACILITIES, PEOPLES_REPUBLIC

__all__ = ["any_in", "contextual_referents"]

#: "the Donetsk, Zaporizhzhia and Dnipropetrovsk regions", "the Kharkiv regional governor": each a region.
_REGION_WORDS = re.compile(
    r"(?:" + _REGION_GAP + r"[A-Z][\w'’-]*)*\s+(?:regions|oblasts|provinces|territories)\b"
    r"|\s+(?i:regional\s+(?:" + phrases(REGIONAL_OFFICES) + r"))(?!\w)"
)
#: "the regions of A and B", "three regions: A, B, and C", "four regions – A, B, C and D" (or "--").
_REGIONS_OF = re.compile(
    r"\b(?:region|oblast|province)s(?:\s+of\s+|\s*[:—–]\s*|\s+--?\s+)(?:[A-Z][\w'’-]*" + _REGION_GAP + r")*$"
)
_PLANTS = re.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]+)?\s+(?:(?i:nuclear\s+(?:power\s+)?(?:plants?|stations?))|NPPs?|nuclear\s+facilit)"
)
_SHORT_PLANT = re.compile(r"\s+(?:power\s+)?(?:plant|station)\b")
#: "the dam of Kakhovka", "the nuclear power plant of Zaporizhzhia": a facility before "of" and its town;
#: the first word names the facility's name after the town's (a word the text must hold: _OF_WORDS).
_FACILITY_OF = re.compile(
    r"\b(dam|nuclear\s+power\s+(?:plant|station)|nuclear\s+plant|thermal\s+power\s+(?:plant|station))\s+of\s+$",
    re.IGNORECASE,
)
#: A facility's kind -> the end of the gazetteer's name for the one named after a town.
_FACILITY_SUFFIX = {
    "dam": " dam", "nuclear": " nuclear power plant", "thermal": " thermal power plant",
    "hydro": " hydroelectric power plant",
}  # fmt: skip
_OF_WORDS = ("dam of", "plant of", "station of")


def contextual_referents(text: str, hits: list[Hit], gz) -> None:
    """Regions named as such, rivers after "the", nuclear plants: the words around a name pick the
    feature (the homonyms of one kind are chosen afterwards, by :mod:`~frontmap.reading.homonyms`)."""
    # a word a pattern cannot match without, missing from the text, is missing around every name
    regions, plants = any_in(text, _REGION_NOUNS), any_in(text, _PLANT_WORDS)
    republic, facility_of = _REPUBLIC in text, any_in(text, _OF_WORDS)
    words_around = regions or plants or republic or facility_of
    power = any_in(text, _POWER_WORDS)
    for h in hits:
        if h.places[0].kind != "settlement" or h.evidence is not None:
            continue  # (a city's district read as the city is settled: "the Industrialnyi district")
        if power and _power_plant(text, h, gz):
            continue
        incident = _INCIDENT.match(text, h.end) is not None  # "the Chernobyl disaster"
        if (words_around or incident) and _feature_around(
            text, h, gz, regions, plants, republic, facility_of, incident
        ):
            continue
        # "the Dnipro", "the river Prut", "the rivers Don and Dnepr", "the east bank of Dnipro", "a Dnipro
        # tributary": the river (the words before, as words only where they are there at all)
        before = text[max(0, h.start - 60) : h.start]
        words_before = "he" in before[-5:] or "iver" in before or "bank" in before
        if (words_before and _THE_END.search(before)) or _RIVER_AFTER.match(text, h.end):
            if _REGION_AFTER.match(text, h.end):  # "the Bucha region": a town's raion, where no oblast is
                raion = _first_kind(gz.lookup(h.key + " raion"), "raion")
                if raion is not None:
                    h.places, h.evidence = (raion,), "feature"
                continue
            if _SETTLEMENT_NOUN.match(text[h.end : h.end + 120]):
                continue
            river = _first_kind(gz.lookup(h.key + " river"), "river")
            if river is not None:
                h.places, h.evidence = (river,), "feature"


def _feature_around(
    text: str, h: Hit, gz, regions: bool, plants: bool, republic: bool, facility_of: bool, incident: bool
) -> bool:
    """Make ``h`` the region or nuclear plant the words around it name, if they do (and say so)."""
    after = text[h.end : h.end + 120]
    before = text[max(0, h.start - 120) : h.start]
    # "the Donetsk region", "the regions of Kherson and Zaporizhzhia", and the "Donetsk People's
    # Republic" Russia proclaimed over the oblast: the region, never the city
    if (
        (regions and any_in(after, _REGION_NOUNS) and _REGION_WORDS.match(after))
        or (regions and any_in(before, _REGION_NOUNS) and _REGIONS_OF.search(before))
        or (republic and PEOPLES_REPUBLIC.match(after))
    ):
        region = _named_after(gz, h, " oblast", "region")
        if region is not None:
            h.places, h.evidence = (region,), "feature"
            return True
    of = _FACILITY_OF.search(before) if facility_of and " of" in before[-6:] else None
    if of:  # "the hydroelectric power station dam of Kakhovka", "the nuclear power plant of Zaporizhzhia"
        facility = _named_after(gz, h, _FACILITY_SUFFIX[of.group(1).split()[0].lower()], "facility")
        if facility is not None:
            h.places, h.evidence = (facility,), "feature"
            return True
    # "the Rivne nuclear plants", "the Khmelnytskyi and Rivne nuclear plants"; in a text on nuclear
    # plants, "the Kursk plant", "the Zaporizhzhia station"; an incident at the nuclear plant or dam named
    # after the town: "the Chernobyl disaster", "the Kakhovka catastrophe"
    plant = plants and ((any_in(after, _PLANT_WORDS) and _PLANTS.match(after)) or _SHORT_PLANT.match(after))
    incident = incident and not plant
    if plant or incident:
        facility = _named_after(gz, h, " nuclear power plant", "facility")
        facility = facility or (_named_after(gz, h, " dam", "facility") if incident else None)
        if facility is not None:
            h.places, h.evidence = (facility,), "feature"
            return True
    return False


def _power_plant(text: str, h: Hit, gz) -> bool:
    """Make ``h`` the thermal or hydroelectric plant named after its town if the words after it name one
    ("the Sloviansk thermal power station", "Slovyansk TPP", "the Kakhovka hydropower plant"), and say so;
    the mention then runs to the end of those words."""
    power = _POWER_PLANT.match(text, h.end)
    if power is None:
        return False
    facility = _named_after(gz, h, _FACILITY_SUFFIX[power.lastgroup or "thermal"], "facility")
    if facility is None:
        return False
    h.places, h.evidence, h.end = (facility,), "feature", power.end()
    return True


def _named_after(gz, h: Hit, suffix: str, kind: str) -> Place | None:
    """The place of ``kind`` named after the town ``h`` names, by the name as written, then as the
    gazetteer spells the town ("Zaporizhzhya Nuclear Power Plant" is the Zaporizhzhia plant)."""
    for key in dict.fromkeys((h.key, normalize(h.places[0].name))):
        found = _first_kind(gz.lookup(key + suffix), kind)
        if found is not None:
            return found
    return None


_THE_END = re.compile(r"(?:\b[Tt]he|\b[Rr]ivers?(?:\s+[A-Z][\w'’-]*(?:\s*,|\s+and))*|\bbanks?\s+of)\s+$")
_RIVER_AFTER = re.compile(r"\s+(?:tributary|tributaries|delta|floodplain|estuary|riverbed|cascade)\b")
_REGION_AFTER = re.compile(r"\s+region\b")
#: Nouns after a name for a town's surroundings or a unit named after it: "the Bakhmut area(s), district(s)".
_AROUND_NOUNS = tuple(HOMONYM_QUALIFIERS["units"])
#: After "the X": words that make X a town, not the river of its name ("the Oleksandrivka front": axes
#: and roads are named after towns; "the Kharkiv authorities", "the Kharkiv governor": its people; "the
#: Bakhmut area"; "the Kharkiv catastrophe", with no plant or dam of its name), with a plural s.
_SETTLEMENT_NOUN = re.compile(
    # "the Bakhmut-Lysychansk highway": the noun may follow the other names of an axis; "the Kozinka border
    # checkpoint", "the Kozinka border settlement": or "border"
    r"(?:[-–][^\W\d_][\w'’]*){0,3}\s+(?:border\s+)?(?:"
    + "|".join(
        (
            *SETTLEMENT_SIZES,
            *AXIS_NOUNS,
            *_AROUND_NOUNS,
            FACILITIES,
            *sorted(METONYMY_NOUNS | TITLES | PLANT_INCIDENTS, key=len, reverse=True),
        )
    )
    + r")s?\b",
    re.IGNORECASE,
)

#: "thermal power station", "TPP", "hydroelectric power plant", "HES": a power plant of a kind (a key of
#: _FACILITY_SUFFIX), after the town it is named after.
_POWER_PLANT = re.compile(
    r"\s+(?:(?P<thermal>(?i:thermal\s+(?:power\s+)?(?:plant|station))|TPP|TES)"
    r"|(?P<hydro>(?i:hydro(?:electric\s+|\s*)(?:power\s+)?(?:plant|station))|HPP|HES))\b"
)
#: Words the patterns above cannot match without (each is searched only where one of its words is).
_REGION_NOUNS = ("regions", "oblasts", "provinces", "territories", "egional ")
_PLANT_WORDS = ("nuclear", "Nuclear", "NPP")
_INCIDENT = re.compile(r"\s+(?:" + phrases(PLANT_INCIDENTS) + r")\b", re.IGNORECASE)
_REPUBLIC = "epublic"  # "Republic", "republic"
_POWER_WORDS = ("ower", "TPP", "TES", "HPP", "HES")


def any_in(s: str, words: tuple[str, ...]) -> bool:
    for w in words:  # any(w in s for w in words), without a generator (asked of every name)
        if w in s:
            return True
    return False


def _first_kind(places, kind: str) -> Place | None:
    return next((p for p in places if p.kind == kind), None)
