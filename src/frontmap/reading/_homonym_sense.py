"""One settlement name, one place in a text (used by :mod:`~frontmap.reading.homonyms`): the mentions of
a name that weaker evidence decided are the place stronger evidence settled it on elsewhere."""

from __future__ import annotations

import re
from bisect import bisect_right

from frontmap.gazetteer.place import Place
from frontmap.reading._tokens import Hit
from frontmap.reading.lexicon import GLOSS_LANGUAGES, HOMONYM_QUALIFIERS, phrases

__all__ = ["SETTLED", "aliased", "bracketed", "one_sense"]

#: Evidence that settles a name well enough to be context for the others (homonyms' second round).
SETTLED = frozenset({"qualifier", "hierarchy", "claim"})


def one_sense(hits: list[Hit]) -> None:
    """One settlement name, one place in a text: the mentions of a name that only size decided are the
    place its other mentions were settled on by what the text says (a qualifier, a claim, the hierarchy
    or nearness), and those the hierarchy or nearness decided are the place a qualifier or a claim put
    another mention of it ("Bohatyr, 25 miles from Melitopol ... the same location as Bohatyr" in a
    text that names Crimea). Not when those name two places ("the settlement of Lozovaya ... not to be
    confused with the city of Lozovaya"), and not for regions, rivers and the like ("Kyiv" on a list of
    oblasts is the oblast; the bare "Kyiv" of the next sentence is the city)."""
    for settling, weaker, after_only in _ONE_SENSE_STEPS:
        settled: dict[str, Place | None] = {}
        first: dict[str, int] = {}  # where each name was first settled
        for h in hits:
            if h.evidence in settling and h.place is not None and h.place.kind == "settlement":
                known = settled.setdefault(h.key, h.place)
                first.setdefault(h.key, h.start)
                if known is not None and known.id != h.place.id:
                    settled[h.key] = None  # namesakes told apart on purpose
        for h in hits:
            place = settled.get(h.key)
            if place is None or h.evidence not in weaker or h.place is None or h.place.kind != "settlement":
                continue
            if after_only and h.start < first[h.key]:
                continue  # "X is a city in Donetsk Oblast ... not the village of X in Poltava Oblast"
            if place.id != h.place.id and any(p.id == place.id for p in h.places):
                h.place, h.evidence = place, "repeated"


#: Evidence that the text settled a name by (:func:`one_sense`): all but size.
_SETTLED_BY_TEXT = SETTLED | {"proximity"}
#: :func:`one_sense` in turn: (the evidence that settles a name, the weaker evidence it overrules,
#: whether only in mentions after the settled one: a name the text qualifies after naming it may be a
#: namesake set against it).
_ONE_SENSE_STEPS = (
    (frozenset({"qualifier", "claim"}), frozenset({"hierarchy", "proximity"}), True),
    (_SETTLED_BY_TEXT, frozenset({"size"}), False),
)


_LANGUAGE = r"(?:" + phrases(GLOSS_LANGUAGES) + r")(?!\w)"
#: "Mezhove (Ukrainian: Межове; Russian: Межевое)": a bracket after a name that opens with a language.
_GLOSS = re.compile(r"\s*\(\s*" + _LANGUAGE, re.IGNORECASE)
#: Before a name in such a bracket: a language, or what separates its names (": ", "; ", ", ", " / ").
_GLOSS_BEFORE = re.compile(r"(?:[:;,/]|" + _LANGUAGE + r")\s*$", re.IGNORECASE)
#: The most characters of such a bracket looked at.
_GLOSS_CHARS = 300
#: "Makiivka (Makeyevka in Russian)": a bracket of one name and its language, after a name.
_OPENS = re.compile(r"\s*\(\s*")
_IN_LANGUAGE = re.compile(r"\s+in\s+" + _LANGUAGE + r"\s*\)", re.IGNORECASE)


def _glossed(text: str, hits: list[Hit], i: int) -> None:
    """The names a bracket of other languages gives right after name ``i`` are its place: "Pavlivka
    (Ukrainian: Павлівка; Russian: Павловка)" names one village, whichever namesakes "Павловка" has;
    so does "Makiivka (Makeyevka in Russian)"."""
    h, nxt = hits[i], hits[i + 1]
    gloss = _GLOSS.match(text, h.end)
    if gloss is None:
        if _OPENS.fullmatch(text, h.end, nxt.start) and _IN_LANGUAGE.match(text, nxt.end):
            nxt.place, nxt.evidence = h.place, "qualifier"
        return
    close = text.find(")", gloss.end(), gloss.end() + _GLOSS_CHARS)
    for g in hits[i + 1 :]:
        if close < 0 or g.start >= close:
            break
        # its place, on that evidence, where it has namesakes
        if (g.place != h.place or len(g.places) > 1) and _GLOSS_BEFORE.search(
            text, max(gloss.start(), g.start - 25), g.start
        ):
            g.place, g.evidence = h.place, "qualifier"


#: "X (formerly Y)", "X (now Y)": the gaps of the qualifiers table that give a name's other name.
_ALIAS = re.compile(
    "|".join(e["gap"] for e in HOMONYM_QUALIFIERS["after"] if e["other"] == "alias"), re.IGNORECASE
)


def aliased(text: str, h: Hit, nxt: Hit, max_gap: int) -> bool:
    """Does the name after ``h``, ``nxt``, give its other name: "X (formerly Y)", "X (now Y)"?"""
    gap = (h.end, nxt.start)
    return gap[1] - gap[0] <= max_gap and text.find("(", *gap) >= 0 and bool(_ALIAS.fullmatch(text, *gap))


def bracketed(text: str, hits: list[Hit], max_gap: int) -> None:
    """What a bracket right after a name says of the names in it: "Kypuche (formerly Artemivsk)": the
    former name is the place it may be (no Bakhmut); "Pavlivka (Ukrainian: ...; Russian: Павловка)",
    "Makiivka (Makeyevka in Russian)": the name's place in other languages (:func:`_glossed`)."""
    starts = [h.start for h in hits]
    done = -1
    at = text.find("(")
    while at >= 0:  # the names with a bracket after them, left to right (most have none)
        i = bisect_right(starts, at) - 1
        if done < i < len(hits) - 1 and hits[i].end <= at < hits[i + 1].start and hits[i].place is not None:
            done, h, nxt = i, hits[i], hits[i + 1]
            if aliased(text, h, nxt, max_gap) and nxt.place != h.place and h.place in nxt.places:
                nxt.place, nxt.evidence = h.place, "qualifier"
            _glossed(text, hits, i)
        at = text.find("(", at + 1)
