"""The two ends a distance statement names around its figure (used by
:mod:`~frontmap.reading.claimtext`): "the distance from A to B is", "between A and B", "the distance to B
is", "From A to B -", and the figure paired with one of these by how each is measured ("1,593 km by road
and 1,237 km by direct route"); after it, "7 km to go to reach X", "90 km separate A from B", "200 km
between A and B"; around it, "A (32 km)"; and the end a distance leaves unnamed ("B, some 40 km to the
west"), implied by what the text named before."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import NEAR, Context, anchor_at, measure_of, named_at, sentence_bounds
from frontmap.reading._claims_subject import PLURAL_NOUN_BEFORE, POINT_KINDS, topic
from frontmap.reading.claimlinks import IMPLIED_BEFORE, IMPLIED_TOPIC
from frontmap.reading.claims import DistanceClaim

__all__ = ["ends_about", "ends_after", "ends_named", "implied_anchor"]


#: "the distance", "the shortest distance", "the closest distance": the noun that names a distance's ends.
_THE_DISTANCE = r"[Tt]he\s+(?:(?:shortest|closest|nearest|minimum|straight-line|direct)\s+)?distance"
#: The verb between the ends a distance names and its figure ("is", "will be", "spans", "comes to").
_IS = (
    r"(?:is|was|(?:will|would)\s+be|stands\s+at|spans|measures|constitutes|comes\s+to|amounts\s+to)\s+"
    r"(?:(?:now|indeed|actually|still|currently|also|only|just)\s+)?"
)
#: "the distance from the front line to Kramatorsk is roughly 14 km", "the distance between A and B is":
#: the words before a figure that name both ends.
_DISTANCE_BETWEEN = re.compile(
    r"\b" + _THE_DISTANCE + r"\s+"
    r"(?:from\s+(?P<a>[^,;.()]{1,60}?)\s+to|between\s+(?P<a2>[^,;.()]{1,60}?)\s+and)"
    # "to the raion (district) center Volnovakha": a short bracket inside the second end
    r"\s+(?P<b>(?:[^,;.()]|\([^,;.()]{1,20}\)){1,80}?)\s+" + _IS + "$"
)
#: "the distance between the cities is", "the distance between them": the two places named just before.
_BETWEEN_THEM = re.compile(
    r"\b" + _THE_DISTANCE + r"\s+between\s+(?:them|the\s+two(?:\s+(?:cities|towns|villages|settlements))?"
    r"|the\s+(?:cities|towns|villages|settlements))\s+" + _IS + "$"
)
#: How far back (characters) the two places "between them" refers to may be named.
_THEM_BACK = 400
#: "The distance to Kyiv is about 540 km", "the distance to Druzhkivka from Donetsk is 66 km", an
#: infobox's "Distance to Donetsk - 94 kilometres": the end named first is B; with no "from A" the
#: distance is from the place the text is about (as "the distance from it to B").
_DISTANCE_TO = re.compile(
    r"\b(?:" + _THE_DISTANCE + r"|Distance)\s+to\s+(?:the\s+(?:city|town|village)\s+(?:of\s+)?)?"
    r"(?P<b>[^,;.()]{1,60}?)(?:\s+from\s+(?P<a>[^,;.()]{1,60}?))?(?:\s+" + _IS + r"|\s*[-–—:]\s*)$"
)
#: "Saky is separated from Yevpatoria by 20 km": the place named before the verb, from A.
_SEPARATED = re.compile(r"\b(?:is|are|was|were)\s+separated\s+from\s+(?P<a>[^,;.()]{1,60}?)\s+by\s+$")
#: "The distance from Kharkiv is 160 km", an infobox's "Distance from Kharkiv by rail 193 km": from A to
#: the place the text is about (a measure may stand for the verb).
_DISTANCE_FROM = re.compile(
    r"\b(?:" + _THE_DISTANCE + r"|Distance)\s+from\s+(?:the\s+(?:city|town|village)\s+(?:of\s+)?)?"
    r"(?P<a>(?:(?!\sto\s)[^,;.()]){1,60}?)"
    r"(?:\s+" + _IS + r"|\s*[-–—:]\s*|(?<=\s)(?:" + P.MEASURE_PHRASES + r")\s+)$",
    re.IGNORECASE,
)
#: "From the centre of Orikhiv to the front line - approximately 8 km", "From Kherson to Mykolaiv is
#: about 60 km", "from Odesa to Saky, about 270 km", "from near Hostomel, north of the capital, to
#: Prybirsk, a distance of 64 km": the same without the word "distance" before, the figure right after
#: the two ends (an aside between commas may follow the first; no figure in the first: "From A it is
#: 10 km to B, 25 km to C" names no end of the second distance).
_FROM_TO = re.compile(
    r"\b[Ff]rom\s+(?:near\s+|the\s+(?:centre|center|edge|outskirts)\s+of\s+)?(?P<a>[^,;.()\d]{1,60}?)"
    r"(?:,[^,;.()]{1,50},)?\s+to\s+(?P<b>[^,;.()]{1,60}?)"
    r"(?:\s+(?:there\s+(?:is|are|was|were)|is|was)\s+(?:(?:now|only|just)\s+)?"
    r"|\s*[-–—:,]\s*(?:it\s+is\s+|it['’]s\s+|(?P<distance>an?\s+distance\s+of\s+))?)$"
)
_IT_END = re.compile(r"(?:it|there)\b")
#: "stretches from A to B", "the elevation difference from A to B": what follows is a line's length or
#: a height, not the distance between the two.
_NOT_BETWEEN_BEFORE = re.compile(
    r"\b(?:stretch\w*|runs?|running|ran|extend\w*|spans?|spanning|spanned|difference|drops?|rises?|climbs?)\s+$",
    re.I,
)


#: "Distances from the city to the regional centres by road: Melitopol - 57 km, Simferopol - 315 km": a
#: heading that says the figures of a list after it are distances (from the place it names, or else the
#: one the text is about; a measure in it is every figure's) ...
_LIST_HEAD = re.compile(r"\b[Dd]istances?\b(?P<head>[^.:;]{0,160}?):")
#: ... and the list up to a figure: items "Name - N km," before it, then its own name and a dash or colon.
_ITEMS = re.compile(
    r"(?:\s*[^,;:.\d]{1,40}?\s*[-–—:]\s*\d[\d,.]*\s*" + P.DIST_UNIT + r"\s*[,;])*"
    r"\s*(?P<name>[^,;:.\d]{1,40}?)\s*[-–—:]\s*",
    re.IGNORECASE,
)
_HEAD_FROM = re.compile(r"\bfrom\s+")
_HEAD_MEASURE = re.compile(r"\b(?P<phrase>" + P.MEASURE_PHRASES + r")\b", re.IGNORECASE)


def _listed(ctx: Context, start: int) -> dict[str, Any] | None:
    """The ends of a figure in a list of distances (:data:`_LIST_HEAD`): the place the item names is the
    subject; what the heading says the distances are from, the anchor."""
    text = ctx.text
    lo = max(sentence_bounds(ctx, start)[0], start - 800)
    if "istance" not in text[lo:start]:
        return None
    heads = list(_LIST_HEAD.finditer(text, lo, start))
    items = _ITEMS.fullmatch(text, heads[-1].end(), start) if heads else None
    named = named_at(ctx, items.start("name")) if items else None
    if named is None or named.place is None:
        return None
    head = heads[-1]
    by = _HEAD_FROM.search(text, head.start("head"), head.end("head"))
    anchor, anchor_text, _ = anchor_at(ctx, by.end()) if by is not None else (None, "", 0)
    found: dict[str, Any] = {"subject": named.place, "anchor": anchor, "anchor_text": anchor_text}
    if anchor is None:  # "Distances by road: ...": from the place the text is about
        found.update(anchor=topic(ctx, head.start(), named.place), note=IMPLIED_TOPIC)
    if found["anchor"] is None or found["anchor"] == named.place:
        return None
    measure = _HEAD_MEASURE.search(text, head.start("head"), head.end("head"))
    if measure is not None:
        found["measure"] = measure_of(measure)
    return found


def ends_named(ctx: Context, start: int) -> dict[str, Any] | None:
    """The two ends "the distance from A to B is" (or "between A and B", or a sentence opening "From A
    to B -") names before a figure at ``start``: B the subject, A the anchor (a place, or a line such as
    "the front line"). When one end is "it" ("the distance from it to Crimea"), the other is the anchor
    and ``of_it`` is set: the subject is the place the text was about."""
    if ctx.text[max(0, start - 3) : start].rstrip().endswith(("-", "–", "—", ":")):  # "Melitopol - 57 km"
        listed = _listed(ctx, start)
        if listed is not None:
            return listed
    lo = max(sentence_bounds(ctx, start)[0], start - 200)
    window = ctx.text[lo:start]
    m = _DISTANCE_BETWEEN.search(ctx.text, lo, start) if "distance" in window else None
    if m is None and "istance to " in window:
        return _distance_to(ctx, _DISTANCE_TO.search(ctx.text, lo, start))
    if m is None and "istance from " in window:
        only_a = _DISTANCE_FROM.search(ctx.text, lo, start)
        if only_a is not None:
            return _from_it(ctx, only_a.start("a"))
    if m is None and "rom " in window:
        m = _FROM_TO.search(ctx.text, lo, start)
        if m is not None and not m.group("distance") and _NOT_BETWEEN_BEFORE.search(ctx.text, lo, m.start()):
            return None  # "the front stretches from Kherson to Kharkiv, about 1,000 km": a length
    if m is None:
        return None
    a_group = "a" if m.group("a") is not None else "a2"
    a_start = m.start(a_group)
    for it_at, other_at in ((a_start, m.start("b")), (m.start("b"), a_start)):
        it = _IT_END.match(ctx.text, it_at)  # "the distance from it to Crimea", "From there to the river"
        if it is not None and it.end() == m.end(a_group if it_at == a_start else "b"):
            named = ctx.mention_at(other_at)
            if named is not None and named.place is not None:
                return {"anchor": named.place, "anchor_text": named.text, "of_it": True}
            anchor, anchor_text, _ = anchor_at(ctx, other_at)  # "to the temporarily occupied Crimea"
            return {"anchor": anchor, "anchor_text": anchor_text, "of_it": True} if anchor else None
    for subject_at, anchor_group in ((m.start("b"), a_group), (a_start, "b")):
        # "... from the front line to Kramatorsk": the town is the subject, the line the anchor
        named = named_at(ctx, subject_at)  # "to the Crimean city of Saky"
        if named is not None and named.place is not None:
            anchor, anchor_text, _ = anchor_at(ctx, m.start(anchor_group))
            if anchor != named.place:
                # "to the nearest point of Ukraine": the words, when they name no place (but "the beach"
                # alone stands for a place named before: the text's own town, later)
                words = m.group(anchor_group)
                anchor_text = anchor_text or (words if anchor is None and len(words.split()) > 2 else "")
                return {"subject": named.place, "anchor": anchor, "anchor_text": anchor_text}
    return _two_lines(ctx, a_start, m.start("b"))


def _between_them(ctx: Context, start: int) -> dict[str, Any] | None:
    """ "Shells hit Nikopol from Enerhodar. The distance between the cities is about 7 km": the two
    places named last before the figure at ``start``, the later the anchor, the earlier the subject."""
    lo = max(sentence_bounds(ctx, start)[0], start - 200)
    them = _BETWEEN_THEM.search(ctx.text, lo, start) if ctx.text.find("between", lo, start) >= 0 else None
    if them is None:
        return None
    found: list[Any] = []
    for named in ctx.mentions_back(max(0, them.start() - _THEM_BACK), them.start()):
        p = named.place
        if p is not None and p.kind in POINT_KINDS and p not in found:
            found.append(p)
            if len(found) == 2:
                return {"subject": found[1], "anchor": found[0]}
    return None


def _two_lines(ctx: Context, a_at: int, b_at: int) -> dict[str, Any] | None:
    """ "from the front line to the administrative border - about 2 km": two ends, neither a town, each
    a line or a place a distance may be measured from; the first is the anchor, the second what the
    distance is about (its words)."""
    anchor, anchor_text, _ = anchor_at(ctx, a_at)
    far, far_text, _ = anchor_at(ctx, b_at)
    if (anchor is None and not anchor_text) or (far is None and not far_text) or (far and far == anchor):
        return None
    return {"subject": None, "subject_text": far_text, "anchor": anchor, "anchor_text": anchor_text}


def _distance_to(ctx: Context, m: re.Match | None) -> dict[str, Any] | None:
    """The ends :data:`_DISTANCE_TO` names, as :func:`ends_named` gives them."""
    if m is None:
        return None
    if m.group("a") is None:  # "the distance to the front line is 20 km": a line, from the text's place
        return _from_it(ctx, m.start("b"))
    named = ctx.mention_at(m.start("b"))
    if named is None or named.place is None:
        return None
    anchor, anchor_text, _ = anchor_at(ctx, m.start("a"))
    if anchor is None or anchor == named.place:
        return None
    return {"subject": named.place, "anchor": anchor, "anchor_text": anchor_text}


def _separated(ctx: Context, start: int) -> dict[str, Any] | None:
    """The ends of "B is separated from A by" before a figure at ``start``: A the anchor, B the place
    named just before the verb."""
    lo = max(sentence_bounds(ctx, start)[0], start - 120)
    m = _SEPARATED.search(ctx.text, lo, start) if ctx.text.find("separated from ", lo, start) >= 0 else None
    if m is None:
        return None
    anchor, anchor_text, _ = anchor_at(ctx, m.start("a"))
    if anchor is None and not anchor_text:
        return None
    found: dict[str, Any] = {"anchor": anchor, "anchor_text": anchor_text}
    named = next(ctx.mentions_back(max(0, m.start() - 40), m.start()), None)
    if named is not None and named.place is not None and not ctx.text[named.end : m.start()].strip():
        found["subject"] = named.place
    return found


def _from_it(ctx: Context, pos: int) -> dict[str, Any] | None:
    """The place or line named at ``pos`` as the anchor of a distance about the place the text is about
    ("the distance to the front line is 20 km", "the distance from Kharkiv is 160 km")."""
    anchor, anchor_text, _ = anchor_at(ctx, pos)
    return {"anchor": anchor, "anchor_text": anchor_text, "of_it": True} if anchor or anchor_text else None


#: "1,593 km by road and [1,237 km by direct route]": the figure a second one is paired with, by measure;
#: or "664 km, [by road 584 km]", when the second figure's own measure comes before it.
_MEASURED_BEFORE = re.compile(
    r"(?P<num>\d[\d,.]*)\s*-?\s*" + P.DIST_UNIT + r"\s+(?:" + P.MEASURE_PHRASES + r")\s*,?\s+and\s+$",
    re.IGNORECASE,
)
_FIGURE_BEFORE = re.compile(
    r"(?P<num>\d[\d,.]*)\s*-?\s*" + P.DIST_UNIT + r"\b(?:\s*\([^()]{1,30}\))?\s*,\s*(?:and\s+)?$",
    re.IGNORECASE,
)


def ends_about(ctx: Context, start: int) -> dict[str, Any] | None:
    """The two ends a distance statement names before its figure (:func:`ends_named`), or before the
    figure it is paired with by how each is measured ("the distance from A to B is 1,593 km by road and
    1,237 km by direct route", "is 664 km by train, by road 584 km"); "the distance from it to Crimea" is
    about the place the sentence before is about."""
    own = P.MEASURE_BEFORE.search(ctx.text, max(0, start - 40), start)  # ", by road 584 km"
    if own is not None:
        pair = _FIGURE_BEFORE.search(ctx.text, max(0, own.start() - 40), own.start())
    else:
        pair = _MEASURED_BEFORE.search(ctx.text, max(0, start - 60), start)
    at = pair.start("num") if pair else start
    between = ends_named(ctx, at) or _separated(ctx, start) or _between_them(ctx, at)
    if between is not None and between.pop("of_it", False):
        between["subject"] = topic(ctx, sentence_bounds(ctx, start)[0], between["anchor"])
    return between


#: "some 7 km to go to reach the outskirts of X", "10 km left to go before X": what remains to a place.
_TO_GO = re.compile(r"\s+(?:left\s+)?to\s+go\s+(?:to\s+reach|before\s+reaching|until|to)\s+", re.IGNORECASE)
#: "Just over 90 km separate Urozhaine from the Sea of Azov", "only 8 km separated the troops from
#: Pokrovsk", "20 km separate Kupiansk and Kharkiv": the verb after a figure, then its two ends.
_SEPARATE = re.compile(
    r"\s+(?:now\s+|still\s+|only\s+)?separated?s?\s+(?P<a>[^,;.:()]{1,60}?)\s+(?:from|and)\s+(?!the\s+rest\b)"
)


def ends_after(ctx: Context, pos: int, start: int) -> dict[str, Any] | None:
    """The ends named after a figure (from ``start`` to ``pos``), with ``end``, where the anchor ends:
    "They have some 7 km to go to reach the outskirts of X" (the distance left to X); a figure that
    "separates" two ends, the first the subject (when it is a place), the second the anchor; two towns
    it lies "between" (:func:`_between_after`); the town just before the figure's bracket
    (:func:`_bracketed`)."""
    text = ctx.text
    bracketed = _bracketed(ctx, start, pos)
    if bracketed is not None:
        return bracketed
    to_go = _TO_GO.match(text, pos)
    if to_go:
        anchor, anchor_text, end = anchor_at(ctx, to_go.end())
        found = anchor is not None or anchor_text
        return {"end": end, "anchor": anchor, "anchor_text": anchor_text} if found else None
    m = _SEPARATE.match(text, pos)
    if m is None:
        return _between_after(ctx, pos)
    anchor, anchor_text, end = anchor_at(ctx, m.end())
    if anchor is None and not anchor_text:
        return None
    first = named_at(ctx, m.start("a"))
    subject = first.place if first is not None and first.end == m.end("a") else None
    return {"end": end, "subject": subject, "anchor": anchor, "anchor_text": anchor_text}


#: A bracket around nothing but a figure: "(" just before it, ")" just after; a dash before the town
#: names the last stop of a route, a distance before it its anchor (the bracket measures it again).
_ROUTE_BEFORE = re.compile(r"[-–—]\s*$|\d\s*(?:km|kilomet(?:re|er)s?|miles?)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_OPENED = re.compile(r"\(\s*$")
_CLOSED = re.compile(r"\s*\)")


def _bracketed(ctx: Context, start: int, pos: int) -> dict[str, Any] | None:
    """ "between Ivankiv (32 km) and Chornobyl (23 km)", "the nearest villages are A (0.5 km) and B (1
    km)": a bracket holding only a distance, right after a town's name, says how far that town lies
    (from the place the text is about): the town is the anchor."""
    text = ctx.text
    if not _CLOSED.match(text, pos) or not _OPENED.search(text, max(0, start - 3), start):
        return None
    town = next(ctx.mentions_back(max(0, start - 60), start), None)
    if town is None or town.place is None or town.place.kind not in POINT_KINDS:
        return None
    if text[town.end : start].strip(" (") != "" or _ROUTE_BEFORE.search(
        text, max(0, town.start - 40), town.start
    ):
        return None  # "Marhanets–Nikopol–Pokrov (41 km)": a route's length; "120 km from A (140 km by road)"
    return {"end": pos, "anchor": town.place, "anchor_text": town.text}


#: "drove 200 km between Kyiv and Chernihiv": two towns after a figure.
_BETWEEN_AFTER = re.compile(r"\s+between\s+(?P<a>[^,;.:()]{1,60}?)\s+and\s+")


def _between_after(ctx: Context, pos: int) -> dict[str, Any] | None:
    """The two towns "between A and B" names just after a figure: B the subject, A the anchor, as in "the
    distance between A and B" (not two rivers an advance ran between)."""
    m = _BETWEEN_AFTER.match(ctx.text, pos)
    if m is None:
        return None
    first, second = named_at(ctx, m.start("a")), named_at(ctx, m.end())
    if first is None or second is None or first.end != m.end("a"):
        return None
    if not all(n.place is not None and n.place.kind in POINT_KINDS for n in (first, second)):
        return None
    return {"end": second.end, "subject": second.place, "anchor": first.place, "anchor_text": first.text}


#: "5 km to its east": a distance measured from a place named before.
_ITS = re.compile(r"\bits\b", re.IGNORECASE)
#: "15 km apart": a distance between two places the text names, not from one to the other.
_APART = re.compile(r"\bapart\b", re.IGNORECASE)


def implied_anchor(ctx: Context, c: DistanceClaim) -> DistanceClaim:
    """A distance with no place after it ("..., the town of B, about five miles away", "B, some 40 miles
    to the west") is measured from the place the sentence named before its subject; "to its east" with
    none there, from the town the sentence before is about."""
    if c.subject is None or c.anchor is not None or c.anchor_text:
        return c
    s, _ = sentence_bounds(ctx, c.start)
    before = [m for m in ctx.mentions_between(max(s, c.start - NEAR), c.start) if m.place is not None]
    at = next((i for i in range(len(before) - 1, -1, -1) if before[i].place == c.subject), None)
    if at is not None and _APART.search(c.text):
        # "Sloviansk and Kramatorsk, which sit about 15 km apart": about the first, from the second
        pair = [
            m for m in before if m.role == "location" and m.place is not None and m.place.kind in POINT_KINDS
        ]
        pair = [m for m in pair if m.place != c.subject][-1:] + [m for m in pair if m.place == c.subject][-1:]
        if len(pair) == 2:
            first, second = sorted(pair, key=lambda m: m.start)
            return replace(c, subject=first.place, anchor=second.place, anchor_text=second.text)
    lead = at  # "the cities of Lysychansk and Sievierodonetsk, 25 km away": about the first, from before it
    while lead and P.LIST_GAP.fullmatch(ctx.text, before[lead - 1].end, before[lead].start):
        lead -= 1
    if (
        lead is not None
        and lead != at
        and PLURAL_NOUN_BEFORE.search(ctx.text, max(0, before[lead].start - 30), before[lead].start)
    ):
        c = replace(c, subject=before[lead].place)
    else:
        lead = at
    for m in reversed(before[:lead] if lead is not None else []):
        p = m.place
        if m.role == "location" and p is not None and p.kind in POINT_KINDS and p != c.subject:
            if P.LINE_NAMED_AFTER.match(ctx.text, m.end):
                continue  # "along the Kursk border": a line named after the town, not the town
            return replace(c, anchor=m.place, anchor_text=m.text, note=IMPLIED_BEFORE)
    if _ITS.search(c.text):
        # "Its neighbour Lobkove, 5 km to its east": "its" is the town the sentence before is about
        about = topic(ctx, s, c.subject)
        if about is not None and about != c.subject:
            return replace(c, anchor=about, note=IMPLIED_TOPIC)
    return c
