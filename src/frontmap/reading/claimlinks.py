"""Links between the claims of one text, made once all are found (used by
:mod:`~frontmap.reading.claimtext`): two distances joined in one statement share a subject, a distance
with no place to measure from after a sentence about a town is measured from it (else from the town
the article is about), figures listed after a distance with no unit of their own are distances in its
unit ("10 km from A, 41 from B"), a distance in metres with no place at either end is left out, and each
comparison points at the area it sizes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from typing import Any

from frontmap.gazetteer.place import Place
from frontmap.quantities.numbers import parse_number, to_km
from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import (
    NEAR,
    Context,
    anchor_at,
    distance_unit,
    low_end,
    measure_of,
    qualifier,
    sentence_bounds,
)
from frontmap.reading._claims_subject import POINT_KINDS, last_point
from frontmap.reading.claims import AreaClaim, Claim, ComparisonClaim, DistanceClaim, ShareClaim

__all__ = [
    "AGAIN_BEFORE",
    "IMPLIED_NOTES",
    "at_centre",
    "away_anchors",
    "chained_anchors",
    "direction_anchors",
    "explain",
    "joined_subjects",
    "link_comparisons",
    "linked",
    "main_anchors",
    "measured_again",
    "on_the_map",
    "repeated_distances",
    "respective",
    "said_again",
    "topic_anchors",
    "unit_said_once",
]

#: Why a distance's field is empty, in the words of a claim's ``note``.
NO_ANCHOR = "the text names no place to measure from"
LINE_ANCHOR = "measured from {what!r}, which is no gazetteer place"
NO_SUBJECT = "no place in the sentence is linked to this distance"
IMPLIED_BEFORE = "measured from the place the sentence names before its subject (implied)"
IMPLIED_TOPIC = "measured from the town the sentence before is about (implied)"
IMPLIED_FURTHER = "measured from where the distance before it ends ('further', implied)"
IMPLIED_PARALLEL = "measured from the same place as the distance before it in the sentence (implied)"
IMPLIED_MAIN = "measured from the town the article is about (implied)"
IMPLIED_FROM_TOWN = "measured from the town the distance before it in the sentence is about (implied)"
IMPLIED_START = "measured from where the journey starts, the place the sentence names before it (implied)"
IMPLIED_AGAIN = "the distance before it, said again at another time ('this distance', implied)"
#: The notes of a distance measured from a place the text does not name (the reader's guess).
IMPLIED_NOTES = frozenset(
    {
        IMPLIED_AGAIN,
        IMPLIED_BEFORE,
        IMPLIED_TOPIC,
        IMPLIED_FURTHER,
        IMPLIED_PARALLEL,
        IMPLIED_MAIN,
        IMPLIED_FROM_TOWN,
        IMPLIED_START,
    }
)
NO_WHOLE = "the territory it is a share of is not named"


def at_centre(anchor_text: str) -> bool:
    """Does a distance's anchor name the centre of its place ("central Kyiv", "the city centre", "the
    centre of the capital"; not "the regional centre", which is the town itself)?"""
    return bool(anchor_text) and P.CENTRE_ANCHOR.search(anchor_text) is not None


def joined_subjects(text: str, claims: list[Claim]) -> list[Claim]:
    """Two distances joined in one statement share its subject: "A lies about 100 km west of B and
    some 55 km northwest of C" (the second is about A, not about B)."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        if (
            isinstance(c, DistanceClaim)
            and isinstance(prev, DistanceClaim)
            and prev.end <= c.start
            and P.JOINED.fullmatch(text, prev.end, c.start)
            and (prev.subject is not None or c.subject == prev.anchor)
            and not P.TO_NAMED.search(c.text)  # "10 km to A, 25 km to B": each names its own
        ):
            c = replace(c, subject=prev.subject)
        out.append(c)
    return out


def topic_anchors(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """ "The town lies 18 km southeast of A. Troops took B, some 8 km to the south.": a distance with
    no place to measure from, in the sentence after one about a town, is measured from that town."""
    out: list[Claim] = []
    about: tuple[int, Place] | None = None  # (sentence start, subject) of the last distance with one
    for c in claims:
        if isinstance(c, DistanceClaim):
            s, _ = sentence_bounds(ctx, c.start)
            if c.anchor is None and not c.anchor_text and c.subject is not None and about is not None:
                if about[1] != c.subject and sentence_bounds(ctx, max(0, s - 2))[0] <= about[0] < s:
                    c = replace(c, anchor=about[1], anchor_text="", note=IMPLIED_TOPIC)
            if c.subject is not None:
                about = (s, c.subject)
        out.append(c)
    return out


def chained_anchors(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """A distance whose anchor was only implied, after another distance with both ends: "A, 34 km
    northeast of K, and B, some 5 km farther north" goes on from A (the one before ends there: also
    in the next sentence, and after "another", "beyond"); "A, 15 km southeast of the city, and B,
    11 km to the south" is measured from the same place as A, when both stand in one sentence (from A
    itself when A's is a border: a direction is taken from a town)."""
    out: list[Claim] = []
    prev: DistanceClaim | None = None
    for c in claims:
        if isinstance(c, DistanceClaim):
            if (
                prev is not None
                and prev.anchor is not None
                and prev.subject is not None
                and c.subject is not None
                and c.note in (IMPLIED_BEFORE, IMPLIED_TOPIC)
            ):
                further = P.FURTHER.search(ctx.text, max(prev.end, c.start - 12), c.end)
                same = sentence_bounds(ctx, prev.start) == sentence_bounds(ctx, c.start)
                if further and c.subject != prev.subject:
                    c = replace(c, anchor=prev.subject, anchor_text="", note=IMPLIED_FURTHER)
                elif same and c.subject not in (prev.anchor, prev.subject):
                    if c.direction and prev.anchor.kind == "country" and prev.subject.kind in POINT_KINDS:
                        # "Sudzha sits 10 km from the border, while Kursk is 85 km to the northeast": a
                        # direction is taken from a town, the one before is about, not from a border
                        c = replace(c, anchor=prev.subject, anchor_text="", note=IMPLIED_FROM_TOWN)
                    else:
                        c = replace(c, anchor=prev.anchor, anchor_text="", note=IMPLIED_PARALLEL)
            prev = c
        out.append(c)
    return out


def main_anchors(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """ "Witnesses say it was fired from B, about 16 km to the northwest.": a distance still with no
    place to measure from, in an article about one town, is measured from that town: the one it names
    most often as a location (more often than any other; a dateline says where the reporter was)."""
    open_ = {
        i: c
        for i, c in enumerate(claims)
        if isinstance(c, DistanceClaim) and c.anchor is None and not c.anchor_text and c.subject is not None
    }
    main = _main_town(ctx) if open_ else None  # counted only for an article that needs it
    if main is None:
        return claims
    out = list(claims)
    for i, c in open_.items():
        if c.subject != main:
            out[i] = replace(c, anchor=main, anchor_text="", note=IMPLIED_MAIN)
    return out


#: A distance that ends "away" ("just 13 km away").
_AWAY = re.compile(r"\baway$", re.IGNORECASE)


def away_anchors(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """ "... shelling near the plant. Marhanets is just 13 km away.": a distance "away" that nothing
    else gave a place to measure from is from the town or facility the text named last before its
    sentence (other than its subject)."""
    out = list(claims)
    for i, c, s in _unmeasured(ctx, claims, _AWAY):
        named = last_point(ctx, max(0, s - 2 * NEAR), s, exclude=c.subject)
        if named is not None:
            out[i] = replace(c, anchor=named, anchor_text="", note=IMPLIED_TOPIC)
    return out


def _unmeasured(ctx: Context, claims: list[Claim], ending: re.Pattern[str]) -> Iterator[tuple[int, Any, int]]:
    """``(index, claim, start of its sentence)`` of each distance about a place that nothing gave a place
    to measure from, whose text ends as ``ending`` matches."""
    for i, c in enumerate(claims):
        if isinstance(c, DistanceClaim) and c.anchor is None and not c.anchor_text and c.subject is not None:
            if ending.search(c.text):
                yield i, c, sentence_bounds(ctx, c.start)[0]


#: A distance that ends with a direction, from nowhere named ("some 40 km to the north", "18 km northwest").
_DIRECTION_ONLY = re.compile(
    r"\b(?:to\s+the\s+)?(?:north|south|east|west)(?:[-\s]?(?:east|west))?(?:ward)?$", re.IGNORECASE
)


def direction_anchors(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """ "Shelling hit Selydove. Pokrovsk, some 18 km to the northwest, lost power.": a distance ending in
    a direction that nothing else gave a place to measure from is from the one town or facility the
    sentence before names (other than its subject); when it names several, the text does not say which;
    when it names none, the sentences before it are asked in turn (up to :data:`_BACK_SENTENCES`)."""
    out = list(claims)
    for i, c, s in _unmeasured(ctx, claims, _DIRECTION_ONLY):
        for _ in range(_BACK_SENTENCES):
            ps, _end = sentence_bounds(ctx, max(0, s - 2))
            named = {
                m.place for m in ctx.mentions_between(max(ps, s - 2 * NEAR), s)
                if m.role == "location" and m.place is not None and m.place.kind in POINT_KINDS
            } - {c.subject}  # fmt: skip
            if named or ps >= s:
                break
            s = ps
        if len(named) == 1 and ps < s:
            out[i] = replace(c, anchor=named.pop(), anchor_text="", note=IMPLIED_TOPIC)
    return out


#: The most sentences back :func:`direction_anchors` looks for the town a bare direction is from.
_BACK_SENTENCES = 3


def _main_town(ctx: Context) -> Place | None:
    """The town the article names most often as a location (:meth:`Context.located_starts`), when no
    other is named as often."""
    towns = {
        m.place.id: m.place for m in ctx.mentions if m.place is not None and m.place.kind == "settlement"
    }
    counts = Counter({p: len(ctx.located_starts(pid)) for pid, p in towns.items()})
    ranked = [(p, n) for p, n in counts.most_common(2) if n]
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def respective(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """ "Orikhiv and Huliaipole lie 65 km and 100 km respectively southeast of Zaporizhzhia": two
    distances, one for each town of the list in order (the claim found holds both figures and is
    about the first town)."""
    out: list[Claim] = []
    seconds: dict[int, Claim] = {}  # the second figures made here, by start
    for c in claims:
        split = _first_of_pair(ctx, c)
        if split is not None:  # "A and B, located 644 and 241 km from the border, respectively"
            first, c = split
            out.append(first)
        out.append(c)
        if not isinstance(c, DistanceClaim) or c.subject is None or "respectively" not in c.text:
            continue
        pair = P.RESPECTIVELY.search(c.text)
        if pair is None:
            continue
        value = parse_number(pair.group("num"))
        second = _listed(ctx, c)
        if value is None or second is None:
            continue
        made = _at_figure(ctx, c, c.start + pair.start("num"), c.end, pair.group("num"), value, second)
        out.append(made)
        seconds[made.start] = made
    # the second figure found on its own as well ("100 km respectively southeast of ..."): once, the pair's
    return [c for c in out if seconds.get(c.start, c) is c]


def _at_figure(
    ctx: Context, c: DistanceClaim, start: int, end: int, value_text: str, value: float, subject: Place | None
) -> DistanceClaim:
    """The claim ``c`` said of another figure (``text[start:end]``, ``value``) and ``subject``: one of a
    pair said of two towns in turn; its own conversion, range and qualifier are the other figure's."""
    return replace(
        c, text=ctx.text[start:end], start=start, end=end, value=value, value_text=value_text,
        km=c.km / c.value * value if c.value else c.km, subject=subject, converted=None, low=None,
        qualifier=None,
    )  # fmt: skip


def _first_of_pair(ctx: Context, c: Claim) -> tuple[DistanceClaim, DistanceClaim] | None:
    """ "A and B lie 644 and 241 km from the border, respectively": the distance of the first figure,
    which has no unit of its own, about A, and the claim ``c`` found (the second figure) about B; without
    "respectively" too when the claim's subject is the first of two towns listed ("A and B lie 65 and
    100 km southeast of X")."""
    if not isinstance(c, DistanceClaim) or not c.value:
        return None
    pair = P.RESPECTIVE_FIRST.search(ctx.text, max(0, c.start - 24), c.start)
    value = parse_number(pair.group("num")) if pair else None
    if pair is None or value is None:
        return None
    second = _listed(ctx, c)
    # "..., respectively." after the claim, or in it before its direction ("... km respectively east of")
    said = P.RESPECTIVELY_AFTER.match(ctx.text, c.end) or "respectively" in c.text
    if not said and second is None:
        return None
    a, b = (c.subject, second) if second is not None else (_listed(ctx, c, before=True), c.subject)
    first = _at_figure(ctx, c, pair.start("num"), pair.end("num"), pair.group("num"), value, a)
    return first, replace(c, subject=b)


def _listed(ctx: Context, c: DistanceClaim, before: bool = False) -> Place | None:
    """The town listed right after the claim's subject ("A and B", "A, B"), or right before it, where the
    text last lists them, in the claim's sentence or the one before ("... Orikhiv and Huliaipole. The two
    towns lie ... respectively ...")."""
    if c.subject is None:
        return None
    s, _ = sentence_bounds(ctx, c.start)
    s, _ = sentence_bounds(ctx, max(0, s - 2))
    named = [m for m in ctx.mentions_between(s, c.start) if m.place is not None]
    found = None
    for a, b in pairwise(named):
        if (b if before else a).place == c.subject and P.LIST_GAP.fullmatch(ctx.text, a.end, b.start):
            found = (a if before else b).place
    return found


#: "this distance was 38 km", "the gap has narrowed to 5 km", "it is now less than 20 km": the words before
#: a figure that say it is the distance just given, at another time.
AGAIN_BEFORE = re.compile(
    r"(?:\b(?:this|that|the)\s+(?:distance|gap)|\bit)\s+(?:(?:is|was|has|had|have|now|already|been|shrunk|shrank"
    r"|narrowed|grown|grew|fallen|fell|dropped|decreased|increased|reduced|stood|stands)\s+){1,3}"
    r"(?:to\s+|at\s+)?$",
    re.IGNORECASE,
)
_AGAIN_WITHIN = 400  # characters between a distance and the figure that says it again
_DISTANCE_WORD = re.compile(r"\b(?:distance|gap)\b", re.IGNORECASE)


#: Between a distance and the same distance measured another way, in a bracket after it ("about 66 km (75
#: km by road, 72 km by rail)"): the bracket's opening, or the comma after the first other measure.
_ANOTHER_MEASURE_GAP = re.compile(r"\s*[(,;]\s*")


def measured_again(text: str, prev: Claim | None, m: Any, value: float | None) -> DistanceClaim | None:
    """ "The distance to Kyiv is about 543 km (739 km by road, 656 km by rail)": a figure in a bracket
    after a distance's, with how it was measured after it, is that distance measured another way: the
    same ends, its own figure and measure; None for any other figure."""
    if not isinstance(prev, DistanceClaim) or value is None or not m.group("dist"):
        return None
    gap = _ANOTHER_MEASURE_GAP.fullmatch(text, prev.end, m.start())
    if gap is None or (
        gap.group().strip() != "(" and (prev.measure is None or not _in_bracket(text, prev.start))
    ):
        return None  # after a comma: only inside the bracket, after another measure
    measure = P.MEASURE.match(text, m.end())
    unit = distance_unit(m.group("dist"))
    if measure is None or unit is None:
        return None
    end = measure.end("phrase")
    return replace(
        prev, text=text[m.start() : end], start=m.start(), end=end, value=value, unit=unit,
        km=to_km(value, unit), value_text=m.group("num"), qualifier=qualifier(m), converted=None,
        low=low_end(m, value, unit), measure=measure_of(measure),
    )  # fmt: skip


def _in_bracket(text: str, pos: int) -> bool:
    """Is ``pos`` inside a bracket opened at most 80 characters before it?"""
    opened = text.rfind("(", max(0, pos - 80), pos)
    return opened >= 0 and text.find(")", opened, pos) < 0


def said_again(ctx: Context, start: int) -> bool:
    """Do the words before the figure at ``start`` say it is a distance given before ("this distance was
    38 km"; "it is now 20 km" only after "distance" in the same sentence)?"""
    again = AGAIN_BEFORE.search(ctx.text, max(0, start - 50), start)
    if again is None or not again.group().lower().startswith("it"):
        return again is not None
    return _DISTANCE_WORD.search(ctx.text, sentence_bounds(ctx, start)[0], again.start()) is not None


def repeated_distances(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """ "Troops are 22 km east of Pokrovsk; at the start of the year this distance was 38 km": a distance
    with neither end, said to be the one before (:data:`AGAIN_BEFORE`; "it is" only in the same
    sentence), has that one's ends and direction; with no distance before, it keeps none."""
    out: list[Claim] = []
    prev: DistanceClaim | None = None
    for c in claims:
        if isinstance(c, DistanceClaim):
            again = None
            if c.anchor is None and not c.anchor_text and c.subject is None and prev is not None:
                again = AGAIN_BEFORE.search(ctx.text, max(0, c.start - 50, prev.end), c.start)
            if (
                again is not None
                and prev is not None
                and c.start - prev.end <= _AGAIN_WITHIN
                and (
                    not again.group().lower().startswith("it")
                    or sentence_bounds(ctx, prev.start) == sentence_bounds(ctx, c.start)
                )
            ):
                c = replace(
                    c, anchor=prev.anchor, anchor_text=prev.anchor_text, subject=prev.subject,
                    subject_text=prev.subject_text, direction=prev.direction, bearing_deg=prev.bearing_deg,
                    note=IMPLIED_AGAIN,
                )  # fmt: skip
            prev = c
        out.append(c)
    return out


def linked(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """The claims of a text (in text order) with the fields one claim lends another filled in, in this
    order: the ends of a distance said again ("this distance was 38 km"), subjects joined by "and",
    anchors from the topic, from the distance before ("further"), from the place "away" refers to (the
    town named last, nearer than the article's main town), from the article's main town, pairs said
    "respectively"; then only those on the map (:func:`on_the_map`)."""
    claims = repeated_distances(ctx, claims)
    claims = chained_anchors(ctx, topic_anchors(ctx, joined_subjects(ctx.text, claims)))
    claims = respective(ctx, direction_anchors(ctx, main_anchors(ctx, away_anchors(ctx, claims))))
    return on_the_map(unit_said_once(ctx, claims))


#: ", 41 from B", " and 115 from C": a bare figure after a distance, from another place.
_AND_FROM = re.compile(r"(?:" + P.LIST_GAP.pattern + r")(?P<num>\d[\d,.]*)\s+from\s+")


def unit_said_once(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """ "The village is 10 km from A, 41 from B and 115 from C": figures listed after a distance with no
    unit of their own are distances in its unit, of its subject, each from the place after it."""
    out: list[Claim] = []
    for c in claims:
        out.append(c)
        while isinstance(c, DistanceClaim) and c.anchor is not None:
            more = _AND_FROM.match(ctx.text, c.end)
            value = parse_number(more.group("num")) if more else None
            if more is None or not value:
                break
            anchor, anchor_text, end = anchor_at(ctx, more.end())
            if anchor is None:
                break
            c = replace(
                c, text=ctx.text[more.start("num") : end], start=more.start("num"), end=end, value=value,
                km=to_km(value, c.unit), value_text=more.group("num"), qualifier=None, low=None,
                direction=None, bearing_deg=None, anchor=anchor, anchor_text=anchor_text, converted=None,
            )  # fmt: skip
            out.append(c)
    return out


def on_the_map(claims: list[Claim]) -> list[Claim]:
    """The claims a map can use: a distance in metres with no place on either end ("a fire broke out
    100 metres away") is a scene's detail, not a spatial statement, and is left out."""
    return [
        c for c in claims
        if not (isinstance(c, DistanceClaim) and c.unit == "m" and c.subject is None and c.anchor is None
                and not c.anchor_text)
    ]  # fmt: skip


def link_comparisons(claims: list[Claim]) -> list[Claim]:
    """Point each comparison at the area it sizes: the latest area claim before it that is not a
    reference total (an area with a subject, "Ukraine's land area of ..."), else the latest area."""
    out: list[Claim] = []
    last_area = last_free = None  # indexes in ``out`` of the latest area, and of the latest without subject
    for c in claims:
        if isinstance(c, ComparisonClaim):
            c = replace(c, refers_to=last_free if last_free is not None else last_area)
        elif isinstance(c, AreaClaim):
            last_area = len(out)
            if c.subject is None:
                last_free = len(out)
        out.append(c)
    return out


def explain(claims: list[Claim]) -> list[Claim]:
    """Claims with a ``note`` where a field the reader looks for stays empty: rather no field than a
    wrong one, and say why."""
    out: list[Claim] = []
    for c in claims:
        note = "" if c.note else _why(c)
        if note:
            c = replace(c, note=note)
        out.append(c)
    return out


def _why(c: Claim) -> str:
    from_what = ""
    if isinstance(c, DistanceClaim):
        if c.anchor is None:
            from_what = LINE_ANCHOR.format(what=c.anchor_text) if c.anchor_text else NO_ANCHOR
        if c.subject is None and not c.subject_text:
            return f"{from_what}; {NO_SUBJECT}" if from_what else NO_SUBJECT
        return from_what
    if isinstance(c, ShareClaim) and c.of is None:
        return NO_WHOLE
    return ""
