"""Names the capitalised-word matcher of :mod:`~frontmap.reading.mentions` cannot find alone, added to
its hits: each name of a list before one plural feature noun ("the Black and Azov seas", "the Rylsky and
Khomutovsky districts") or of district adjectives after one ("four regions, namely Volchansky and
Izyumsky"), a name with a lower-case compass word ("the southern Bug"), and a facility
named by its town's adjective ("the Kakhovskaya HPP", "the Kakhovskyi reservoir"), and a name written in
lower case ("russia").  Each pass looks for a literal first (a noun, "ern", "sk", a name), so that a text
without one costs a few string searches.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from frontmap.gazetteer.names import normalize
from frontmap.reading import lexicon
from frontmap.reading._tokens import Hit
from frontmap.reading.mentionrules import ACRONYM_MODIFIER

__all__ = ["REGION_GAP", "added_names"]

#: Between the names of a list of regions or districts: "A, B and C", "A, B, and C", "A/B", "A or B". Each
#: run of spaces has one way to be matched (a list that fails to end in its noun fails in linear time).
REGION_GAP = r"\s*(?:,(?:\s*(?:and|or)\b)?|and\b|&|/|or\b)\s*"


def added_names(text: str, kept: list[Hit], gz: Any) -> list[Hit]:
    """``kept`` (hits in text order) with the names of the five passes added or re-read."""
    kept = _listed_districts(text, _listed_features(text, kept, gz), gz)
    kept = _adjective_facilities(text, _compass_names(text, kept, gz), gz)
    return _names_as_written(text, kept, gz)


#: "the Glushkovsky, Rylsky and Khomutovsky districts", "the Black and Azov seas": names listed before one
#: plural noun, each the feature the noun names -- the noun as the gazetteer writes it after a name, and
#: the kind (looked for in the 200 characters before each such noun, so that reading stays linear).
_LISTED_FEATURES = {
    "districts": ("district", "raion"),
    "raions": ("district", "raion"),
    "rayons": ("district", "raion"),
    "communities": ("community", "hromada"),
    "hromadas": ("hromada", "hromada"),
    "rivers": ("river", "river"),
    "reservoirs": ("reservoir", "lake"),
    "lakes": ("lake", "lake"),
    "seas": ("sea", "sea"),
}
_FEATURES = re.compile(
    r"\s(" + "|".join((*_LISTED_FEATURES, *(w.capitalize() for w in _LISTED_FEATURES))) + r")\b"
)
#: Looked for first (the capitalised forms that occur: "the Black and Azov Seas"; fast, as any_in is).
_FEATURE_NOUNS = (*(w for w in _LISTED_FEATURES if w != "lakes"), "Seas", "Rivers")
_DISTRICT_LIST = re.compile(r"\b[A-Z][\w'’-]+(?:" + REGION_GAP + r"[A-Z][\w'’-]+)+$")
_LISTED_NAME = re.compile(r"[A-Z][\w'’-]+")


#: "four regions ..., namely Volchansky, Izyumsky and Kharkovsky", "the districts: Rylsky and Glushkovsky":
#: district adjectives listed after a plural noun for them (the list, then each adjective in it).
_DISTRICT_NOUNS = ("districts", "raions", "rayons", "regions")
_LISTING = ("namely", "including", ":")  # what opens such a list (in the pattern: whole words, or a colon)
_DISTRICTS_BEFORE = re.compile(
    r"(?:" + "|".join(_DISTRICT_NOUNS) + r")\b[^.;:]{0,80}?(?:\bnamely|\bincluding|:)\s*"
    r"(?P<list>[A-Z][\w'’-]+(?:" + REGION_GAP + r"[A-Z][\w'’-]+)+)"
)
_DISTRICT_ADJECTIVE = re.compile(r"[A-Z][\w'’-]*(?:sky|skiy|skyi|skyy|ska|ske)\b")


def _listed_districts(text: str, kept: list[Hit], gz) -> list[Hit]:
    """District adjectives listed after a plural noun for districts ("four regions ..., namely Volchansky,
    Izyumsky and Kharkovsky"): each the raion the gazetteer knows as "<adjective> district" (a village a
    name was read as, "Kharkivske" for "Kharkovsky", becomes the raion)."""
    if "sky" not in text or not any(w in text for w in _LISTING):
        return kept
    added = []
    starts = [h.start for h in kept]
    for lst in _after_nouns(text):
        for name in _DISTRICT_ADJECTIVE.finditer(text, lst.start("list"), lst.end("list")):
            key = normalize(f"{name.group()} district")
            units = tuple(p for p in gz.lookup(key) if p.kind == "raion")
            if not units:
                continue
            i = bisect_right(starts, name.start())
            if i > 0 and (kept[i - 1].start, kept[i - 1].end) == name.span():
                kept[i - 1].key, kept[i - 1].places = key, units
            elif not (i > 0 and kept[i - 1].end > name.start()):
                added.append(Hit(1, name.start(), name.end(), key, units))
    return sorted(kept + added, key=lambda h: h.start) if added else kept


def _after_nouns(text: str):
    """The matches of :data:`_DISTRICTS_BEFORE` in ``text``, tried only where one of its nouns starts
    (found as literals: a scan of the whole text with the pattern costs a few times more)."""
    for noun in _DISTRICT_NOUNS:
        at = text.find(noun)
        while at >= 0:
            window = text[at : at + 100]
            listing = any(w in window for w in _LISTING)
            found = _DISTRICTS_BEFORE.match(text, at) if listing and not text[at - 1 : at].isalnum() else None
            if found:
                yield found
            at = text.find(noun, at + len(noun))


def _listed_features(text: str, kept: list[Hit], gz) -> list[Hit]:
    """ "the Rylsky and Khomutovsky districts", "the Izium and Kupiansk districts", "the Dnipro and
    Inhulets rivers", "the Black and Azov Seas": each name of the list, with the noun after it, is a
    feature of the gazetteer if it knows one by that name (a town of the name read as a mention becomes
    the feature); a name it lacks as a river, a sea or a lake is no town either (a district it lacks
    stays the town: its centre)."""
    if not any(w in text for w in _FEATURE_NOUNS):
        return kept
    added, dropped = [], set()
    starts = [h.start for h in kept]
    for noun in _FEATURES.finditer(text):
        m = _DISTRICT_LIST.search(text, max(0, noun.start() - 200), noun.start())
        suffix, kind = _LISTED_FEATURES[noun.group(1).lower()]
        for name in _LISTED_NAME.finditer(text, m.start(), m.end()) if m else ():
            i = bisect_right(starts, name.start())
            inside = i > 0 and kept[i - 1].end > name.start()
            if inside and (kept[i - 1].start, kept[i - 1].end) != name.span():
                continue  # part of a longer name
            key = normalize(f"{name.group()} {suffix}")
            # a city's district the gazetteer files as a town ("the Holosiivskyi and Dniprovskyi districts"
            # of Kyiv) stays beside the raion of its name: the text's context chooses
            units = tuple(p for p in gz.lookup(key) if p.kind == kind or (kind == "raion" and _city_part(p)))
            if units and inside:
                kept[i - 1].key, kept[i - 1].places = key, units
            elif units:
                added.append(Hit(1, name.start(), name.end(), key, units))
            elif inside and kind != "raion":
                dropped.add(i - 1)  # "the Lozovatka and Dubovka rivers": a river the gazetteer lacks, no town
    if dropped:
        kept = [h for i, h in enumerate(kept) if i not in dropped]
    return sorted(kept + added, key=lambda h: h.start) if added else kept


#: A town of Ukraine this large that the codifier places in no raion is a city's district GeoNames files as
#: a town ("Dniprovskyi raion" of Kyiv, "Kalmiuskyi" of Mariupol).
CITY_DISTRICT_POPULATION = 20_000


def _city_part(p: Any) -> bool:
    return (
        p.kind == "settlement"
        and p.country == "UA"
        and p.raion is None
        and p.population >= CITY_DISTRICT_POPULATION
    )


#: A compass word in lower case before a name of which it is a part: "the southern Bug" (the Southern Bug;
#: "Bug" alone names no place).  Found by the "ern" they end with (a literal: fast), then the stem.
_ERN_NAME = re.compile(r"ern\s+([A-Z][\w'’-]+)")
_COMPASS_STEMS = ("south", "north", "west", "east")


def _compass_names(text: str, kept: list[Hit], gz) -> list[Hit]:
    """ "the southern Bug River": a lower-case compass word and the word after it that the gazetteer
    knows together, as one place (the mention is the word), where no name was read at the word."""
    added: list[Hit] = []
    starts = [h.start for h in kept]
    for m in _ERN_NAME.finditer(text):
        stem = next((w for w in _COMPASS_STEMS if text.startswith(w, m.start() - len(w))), None)
        at = m.start() - len(stem) if stem else 0
        if stem is None or (at > 0 and text[at - 1].isalnum()):
            continue
        i = bisect_right(starts, m.start(1))
        if i > 0 and kept[i - 1].end > m.start(1):
            continue  # a name read there ("the southern Kherson region")
        key = normalize(f"{stem}ern {m.group(1)}")
        places = gz.lookup(key)  # (remembered by the CachedGazetteer, across texts)
        if places:
            added.append(Hit(1, m.start(1), m.end(1), key, tuple(places)))
    return sorted(kept + added, key=lambda h: h.start) if added else kept


#: "the Kakhovskaya HPP", "the Kakhovskyi reservoir", "the Antonivskyi road bridge": the adjective of a
#: town (found by its "sk", a literal: fast) before a facility's noun ...
_ADJECTIVE_NOUN = re.compile(
    r"sk(?P<end>yi|yy|iy|y|e|a|aya|oye|oe)\s+(?:(?:automobile|road|car)\s+)?"  # (a railway bridge is another)
    r"(?P<noun>bridge|reservoir|dam|HPP|NPP|(?:hydroelectric\s+)?(?:power\s*)?(?:station|plant|powerplant))\b"
)
#: ... and the endings of the town's name the adjective is made from (Kursk, Kakhovka, Zaporozhye).
_TOWN_ENDINGS = ("sk", "ka", "ye", "e")


def _adjective_facilities(text: str, kept: list[Hit], gz: Any) -> list[Hit]:
    """A facility the text names by its town's adjective, when the gazetteer knows it under the adjective
    as written or under the town's name: one mention from the adjective to the noun."""
    added: list[Hit] = []
    starts = [h.start for h in kept]
    for m in _ADJECTIVE_NOUN.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        stem = text[start : m.start()]
        i = bisect_right(starts, m.end("noun") - 1)
        if not stem[:1].isupper() or (i > 0 and kept[i - 1].end > start):
            continue  # no capitalised word before "sk", or a name read there
        noun = " ".join(m.group("noun").replace("powerplant", "power plant").split())
        written = text[start : m.end("end")]
        for town in (written, *(stem + ending for ending in _TOWN_ENDINGS)):
            key = normalize(f"{town} {noun}")
            places = tuple(p for p in gz.lookup(key) if p.kind in ("facility", "lake"))
            if places:
                added.append(Hit(1, start, m.end("noun"), key, places))
                break
    return sorted(kept + added, key=lambda h: h.start) if added else kept


#: Around a name in lower case, what makes it part of a web address, a handle or a slug, not a name: a
#: character before it, or one after it that is followed by a letter or digit.
_IN_ADDRESS_BEFORE = "/.@#_-"
_IN_ADDRESS_AFTER = "/.@_"


def _names_as_written(text: str, kept: list[Hit], gz: Any) -> list[Hit]:
    """A name the word scanner cannot read, written as a whole word where no name was read: one of
    :data:`~frontmap.reading.lexicon.LOWER_CASE_NAMES` in lower case ("the border with russia"), or of
    :data:`~frontmap.reading.lexicon.DOTTED_NAMES` in initials ("the U.S.-based institute"), unless, as
    "US" would be, a modifier (:data:`~frontmap.reading.mentionrules.ACRONYM_MODIFIER`: "U.S. officials")."""
    added: list[Hit] = []
    starts = [h.start for h in kept]
    for name in (*lexicon.LOWER_CASE_NAMES, *lexicon.DOTTED_NAMES):
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            before = text[at - 1 : at]
            after = text[end : end + 2]
            i = bisect_right(starts, at)
            if not (
                (before and (before.isalnum() or before in _IN_ADDRESS_BEFORE))
                or after[:1].isalnum()
                or (after[:1] in _IN_ADDRESS_AFTER and after[1:].isalnum())
                or (i > 0 and kept[i - 1].end > at)
                or ("." in name and ACRONYM_MODIFIER.match(text, end))
            ):
                key = normalize(name)
                places = gz.lookup(key)
                if places:
                    added.append(Hit(1, at, end, key, tuple(places)))
            at = text.find(name, end)
    return sorted(kept + added, key=lambda h: h.start) if added else kept
