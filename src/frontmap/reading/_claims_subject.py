"""Which place a distance statement is about (used by :mod:`~frontmap.reading.claimtext`): the place
named after the distance, a feature or town the sentence names again ("The reservoir, ...", "The town
lies ...", "It lies ...", "; it lies ..."), a description ("the frontline city, which lies ..."), or the
nearest place before it that the words between link to it ("Balakliia, ... which lies 74 km ...")."""

from __future__ import annotations

import re
from typing import Any

from frontmap.gazetteer.place import Place
from frontmap.reading import lexicon
from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import (
    NEAR,
    Anchor,
    Context,
    anchor_at,
    centre_of,
    fits,
    latest_place,
    named_at,
    places_back,
    regional_centre,
    sentence_bounds,
)
from frontmap.reading._claims_before import AROUND_WORDS, COVERS_ENDS, SUBJECT_AREA_ENDS, ZONE_AROUND, may_end
from frontmap.reading._mentions_distance import REGION_ASIDE, about
from frontmap.reading._mentions_grid import km as _km
from frontmap.reading.article import Mention

__all__ = [
    "LINKED_KINDS",
    "POINT_KINDS",
    "area_subject",
    "capital_meant",
    "line_subject_text",
    "only_town",
    "radius_anchor",
    "reached_after",
    "region_of_change",
    "subject_before",
    "topic",
]

# -- what may stand between a place and the distance said of it --------------------------------------

#: "the Zatoka bridge over the Dniester Estuary, roughly 50 km ...", "the port of Reni, on the Danube, 250 km
#: ...": where a place stands, named between it and what is said of it (a river, an estuary, a road).
WHERE_ASIDE = re.compile(
    r"^\s*,?\s+(?:over|across|on|along)\s+(?:the\s+(?:[A-Z][\w'’-]*\s*){1,4}"
    r"(?:(?:peninsula|river|estuary|spit|island|reservoir|lake|bay|highway|road)\s*)?"
    # "on Crimea's west coast", "on the Dnipro's left bank"
    r"|(?:the\s+)?[A-Z][\w'’-]*['’]s\s+(?:(?:north|south|east|west|right|left)(?:ern)?\s+)?"
    r"(?:coast|bank|shore|edge|side)\s*)(?=\s*,)"
)
#: "Enerhodar, where most plant staff live, about 6 km ...": a relative clause between a place and what is
#: said of it, set off by commas.
RELATIVE_ASIDE = re.compile(r"^\s*,\s*(?:where|which|who|whose)\b[^,.;:()]{1,80},")
#: "Popasna in May, some 35 km ...", "Dachne on Tuesday, about 23 km ...": when, between a place and what
#: is said of it (the calendar words of months.txt and weekdays.txt, a year).
TIME_ASIDE = re.compile(
    r"^\s*,?\s*(?:in|on|since|by|until|from)\s+(?:(?:early|late|mid)[\s-]+)?(?:"
    + "|".join(sorted(lexicon.MONTHS | lexicon.WEEKDAYS, key=len, reverse=True))
    + r"|(?:19|20)\d\d)\b\.?(?:\s+\d{1,2}\b)?(?:,?\s+(?:19|20)\d\d\b)?",
    re.IGNORECASE,
)
#: ", a village on the shore of the", ", on the shore of the", "is located on the", "lies on the left bank
#: of the": a description that names, before a lake or a peninsula, where a place lies.
ON_THE_WAY = re.compile(
    r"(?:,\s*(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?)?|\b(?:" + P.LIES + "|" + P.LOCATED + r")\s+)"
    r"(?:on|near|by|beside|at|along|off)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
#: Words after a list of towns that say a distance is said of each: "both", "respectively", "lie".
LIST_SAID_OF_ALL = re.compile(
    # a plural verb: "A and B lie 50 km ...", not "A and B, which lies 45 km ..."
    r"\b(?:both|all|each|respectively|are|"
    + "|".join(v for v in lexicon.LOCATION_VERBS["finite"] if not v.endswith("s"))
    + r")\b",
    re.IGNORECASE,
)
#: "the villages of A and B": a plural noun before a list of towns.
PLURAL_NOUN_BEFORE = re.compile(r"\b(?:" + "|".join(P.TOWN_PLURALS) + r")\s+of\s+$", re.IGNORECASE)
#: "is located on the", "lies near": a feature named after these words says where the subject lies.
LIES_ON_BEFORE = re.compile(rf"\b(?:{P.LIES}|{P.LOCATED})\s+(?:on|in|at|near|along|beside)\s+(?:the\s+)?$")
#: "the Tarkhankut peninsula", "the Kurakhove Reservoir": a feature named after a place, not the place.
FEATURE_AFTER = re.compile(
    r"\s+(?:peninsula|spit|island|estuary|bay|gulf|lagoon|lake|cape|reservoir)\b", re.IGNORECASE
)
_ON_THE = re.compile(r"\bon\s+the\s+$", re.IGNORECASE)
#: "Kherson city, about 60 km away", "the Saratov refinery, about 850 km ...": a settlement noun, or a
#: facility of the settlement, after a place's name: part of how it, or what is in it, is named.
TOWN_WORD_AFTER = re.compile(r"^\s+(?:city|town|village|" + P.FACILITIES + r")\b", re.IGNORECASE)
#: What may stand between a place and the distance said of it without breaking the link, each taken out
#: once, in this order, with what replaces it: a settlement noun or facility ("the Saratov refinery in the
#: Saratov region, ..."), the region it is in, a relative clause (commas kept as one), where, when.
ASIDES: tuple[tuple[re.Pattern[str], str], ...] = (
    (TOWN_WORD_AFTER, ""), (REGION_ASIDE, ""), (RELATIVE_ASIDE, ","), (WHERE_ASIDE, ""), (TIME_ASIDE, ""),
)  # fmt: skip

# -- the subject -------------------------------------------------------------------------------------

#: Nothing, or a participle of where the subject lies ("Located 50 km north of Bakhmut, the town ...",
#: "Located on the river Berestova 101 km south of Kharkiv.", "Situated in the Chernihiv region, 55 km
#: from the border, X ..."), before a distance that opens its sentence; matched within bounds, without
#: copying the span.
_OPENING = re.compile(
    r"\s*(?:(?:" + P.LOCATED + "|" + P.LYING + r")\s+"
    r"(?:(?:on|by|at|along|in|near)\s+[^,.;()]{1,50}(?:\s*,\s*|\s+))?)?",
    re.IGNORECASE,
)
_TOWN_NOUN = re.compile(r"\b(?:town|city|village|settlement|hub)\b")
#: After a distance a sentence opened with ("Located ..."), a comma and a pronoun: ", this is", ", it has".
_TOPIC_AFTER = re.compile(r",\s*(?:this|it)\s", re.IGNORECASE)
#: "the capital of", "the administrative centre of" before a region: its centre, the town meant.
_CAPITAL_OF = re.compile(
    r"(?:\bthe\s+)?\b(?:capital|administrative\s+cent(?:er|re))\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_LINK_WORDS = 30  # at most this many words between a subject and its distance (an apposition: fewer)
_LINK_CHARS = 600  # and at most this many characters (so that a long sentence stays linear)
POINT_KINDS = ("settlement", "facility")  # the kinds of place a distance is said of
#: Kinds that are a subject only when set off before it ("Lake Donuzlav, 90 km ..."), else where it lies.
LINKED_KINDS = ("lake",)
_CLOSING_QUOTES = "\"”’'»"  # a quotation that ends on the name
_PARENTHESES = re.compile(r"\s*\([^()]{0,80}\)")  # what a distance can be about or measured from
#: "Rodynske, north of Chervonyi Lyman, is ...", "Hlyboke, near Kharkiv, lies ...", "Bezimenne, in
#: separatist-controlled Donetsk, 11 miles ...": where a place is, set off by commas between it and what is
#: said of it; the place named in it is not the subject.
_WHERE = (
    r",\s*(?:(?:just|some|about|roughly|directly|due)\s+)?(?:(?:north|south|east|west)(?:[-\s]?(?:east|west))?"
    r"(?:ern)?\s+of|near|outside|close\s+to|not\s+far\s+from"
    r"|in\s+(?:(?:the\s+)?[\w'’]+-(?:controlled|held|occupied)\s+)?)\s*"
)
#: ... ended by a comma, or by "and" before the distance ("Novoselivka, south of Shandryholove and 10 km")
_AND_FIGURE = r"\s+and(?=\s*$|\s+(?:\w+\s+)?\d)"  # (a gap ends before the figure)
_POSITION_ASIDE = re.compile(rf"^\s*{_WHERE}[^,.;:()]{{1,60}}?(?:(?=,)|{_AND_FIGURE})", re.IGNORECASE)
_POSITION_BEFORE = re.compile(_WHERE + "$", re.IGNORECASE)
_AND_AFTER = re.compile(_AND_FIGURE)

#: "The village had 500 residents and lies 20 km ...": a first predicate, then where the place lies.
_FIRST_PREDICATE = r"(?:\s+(?:was|is|has|had)\s(?:[^.;:,()]|(?<=\d)[,.](?=\d)){1,80}?\s+and)?"
#: "The town lies ...", "The village, some 10 km ...": a town named before, by its kind.
_THE_TOWN = re.compile(
    # "The two villages are also some 30 km north of ...", "All three towns lie ...": the first of the
    # places named before
    r"\s*(?:The|This|These|Both|All)\s+(?:[\w'’-]+\s+){0,3}?(?P<what>town(?:ship)?|city|village|settlement|hub|port)(?:s|es)?"
    # "The city in Cherkasy region, about 200 km south of Kyiv, is ...": where it lies, then the distance
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w'’-]*\s+(?:region|oblast|province|district|raion)\b)?"
    rf"{_FIRST_PREDICATE}(?:\s+(?:itself\s+|themselves\s+|also\s+)?(?:is|are|{P.LIES})\b|\s*,)"
)
#: "The reservoir, some 10 km west of the city centre, ...": a feature named before, by its kind.
_THE_FEATURE = re.compile(
    r"\s*(?:The|This)\s+(?:(?:small|tiny|rocky|strategic)\s+)?(?P<what>reservoir|lake|dam|bridge|plant|airfield"
    r"|airbase|spit|island)"
    r"(?:\s+(?:itself\s+)?(?:is|" + P.LIES + r")\b|\s*,)"
)
#: The kind of place each feature word of _THE_FEATURE names again.
_FEATURE_KIND = {"reservoir": "lake", "lake": "lake", "dam": "facility", "bridge": "facility",
                "plant": "facility", "airfield": "facility", "airbase": "facility",
                "spit": "facility", "island": "facility"}  # fmt: skip
#: "the collapse of the dam, which is about 60 km upstream from Kherson", "the damaged dam on the Dnieper
#: River, roughly 30 km east of ...": a facility named before, by its kind, in the middle of a sentence.
_FEATURE_BEFORE = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w'’-]+\s+){0,2}?(?P<what>dam|bridge|plant|airfield|airbase)"
    r"(?:\s+on\s+the\s+(?:[\w'’-]+\s+){1,3}?river)?\s*,?\s*" + P.WHICH_LIES + "$",
    re.IGNORECASE,
)
#: "is", "lies", "is located", "sits": the verbs after "it" that say where the place is.
_IS_LOCATED = r"(?:(?:is|" + P.LIES + r")\s+)?(?:is|" + P.LOCATED + "|" + P.LIES + r")\b"
#: ", which", ", a", ", the": a town named after "It ..." that a clause or an apposition then describes.
_INTRODUCED = re.compile(r"\s*,\s*(?:which|that|where|a|an|the)\b", re.IGNORECASE)
#: "It lies 11 km northwest of Bakhmut", "A part of the Sloviansk Municipality, it stands on the Donets,
#: 30 km from Sloviansk", "This is just 17 miles from Kyiv": the place the sentence before is about.
_IT_LIES = re.compile(
    r"\s*(?:(?:A|An|Located|Situated)\s[^,.;]{1,60},\s*)?"
    rf"(?:(?:[Ii]t|This|That)['’]s\b|(?:[Ii]t|This|That|The\s+(?:town|city|village|settlement))"
    rf"{_FIRST_PREDICATE}\s+{_IS_LOCATED})"  # "It's", "That's about 35 miles east of Kherson"
)
#: "...; it lies 20 km south of B": a clause about the place the sentence opened with.
_IT_LIES_CLAUSE = re.compile(r"[;:]\s*it\s+" + _IS_LOCATED)


def last_point(ctx: Context, lo: int, hi: int, exclude: Place | None = None) -> Place | None:
    """The town or facility named last as a location in ``text[lo:hi]``, other than ``exclude``."""
    for m in ctx.mentions_back(lo, hi):
        p = m.place
        if m.role == "location" and p is not None and p.kind in POINT_KINDS and p != exclude:
            return p
    return None


def only_town(ctx: Context, pos: int) -> Place | None:
    """The one settlement the sentence at ``pos`` names (None if it names none or several)."""
    s, e = sentence_bounds(ctx, pos)
    towns = {m.place.id: m.place for m in ctx.mentions_between(max(s, pos - NEAR), min(e, pos + NEAR))
             if m.place is not None and m.role == "location" and m.place.kind == "settlement"}  # fmt: skip
    return next(iter(towns.values())) if len(towns) == 1 else None


def topic(ctx: Context, s: int, anchor: Place | None, what: str = "") -> Place | None:
    """The place the sentence before ``s`` is about: its first town named as a location (not one that
    speaks for its state), other than ``anchor``; else the town named last before ``s``.  A ``what``
    ("village", "city") keeps to towns of the size it fits (:func:`~frontmap.reading._claimcontext.fits`)."""
    ps, _ = sentence_bounds(ctx, max(0, s - 2))
    named = [
        m for m in ctx.mentions_between(max(ps, s - NEAR * 2), s)
        if m.place is not None and m.role == "location" and m.place.kind in POINT_KINDS and m.place != anchor
        and (m.place.kind != "settlement" or fits(m.place, what))
    ]  # fmt: skip
    # "... blocked the city of Chernihiv. The city lies ...": the town the sentence called so
    called = [m for m in named if what and _called(ctx.text, m.start, what)]
    if called or named:
        return (called or named)[0].place
    if 0 < ps < s and _IT_LIES.match(ctx.text, ps):
        # "X is a village ... It is located in Y hromada. It is located 88 km ...": the sentence before
        # is about the same place; so is the one before it
        return topic(ctx, ps, anchor, what)
    return latest_place(ctx, s, "settlement", exclude=anchor, what=what)


def _called(text: str, start: int, what: str) -> bool:
    """Does the text call the place named at ``start`` a ``what`` ("the city of X")?"""
    return text[max(0, start - len(what) - 5) : start].lower().rstrip().endswith(f"{what} of")


def subject_before(ctx: Context, start: int, anchor: Place | None) -> Place | None:
    """The place a distance statement is about: the nearest settlement before it in the sentence,
    when the words between link them ("Balakliia, ... which lies 74 km ..."), or the place a sentence
    starting "The town ..." / "It lies ..." or a description ("the frontline city, which lies ...")
    refers back to."""
    s, _ = sentence_bounds(ctx, start)
    apposed = _apposed(ctx, s, start, anchor)
    if apposed is not None:  # "..., including the city of Horlivka, 12 km from Pivdenne"
        return apposed
    referred = _subject_referred(ctx, start, anchor)
    if referred is not None:
        return referred[0]
    return _subject_linked(ctx, s, start, anchor) or _defined(ctx, s, start, anchor)


#: Only a comma between a town and the distance after it: "Horlivka, 12 km from Pivdenne".
_APPOSITION = re.compile(r"\s*,\s*")


def _apposed(ctx: Context, s: int, start: int, anchor: Place | None) -> Place | None:
    """The town a distance is set off after by a comma alone ("Horlivka, 12 km from Pivdenne"): what it
    is said of, whatever the sentence opened with ("The towns lie near the front, ... Horlivka, 12 km
    ...")."""
    m = next(ctx.mentions_back(max(s, start - 60), start), None)
    if m is None or m.place is None or m.place.kind not in POINT_KINDS or m.place == anchor:
        return None
    if _in_position_aside(ctx, s, m) or _on_a_feature(ctx.text, s, m):
        return None  # "Bezimenne, in separatist-controlled Donetsk, 11 miles ...": where Bezimenne is
    return m.place if m.role == "location" and _APPOSITION.fullmatch(ctx.text, m.end, start) else None


#: "in Budzhak": where a place named before lies.
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$")
#: "In Zaporizhzhia, Russian forces are ...", "Near Pokrovsk, troops ...": a sentence opening with where,
#: then what it says is there (not "In Bakhmut, which lies ...").
_OPENING_IN = re.compile(r"\s*(?:in|near|around|outside)\s+(?:the\s+)?", re.IGNORECASE)
_SAID_AFTER = re.compile(r"\s*,\s*(?!(?:which|where|that|who|an?)\b)[\w'’-]+\s+[\w'’-]+", re.IGNORECASE)
#: ", a village in", ", a small resort town in the": a place named before described, then where it lies.
_DESCRIBED_IN = re.compile(
    r",\s*(?:a|an)\s+(?:[a-z][\w-]*\s+){0,3}(?:village|town|city|settlement|hamlet|resort|suburb)\s+in\s+(?:the\s+)?$"
)
#: "Nikopol (Ukrainian: ...; Greek: ...) is a city in ...", "X is located on ...": a sentence defining the
#: town it opens with.
_DEFINES = re.compile(
    r"\s*(?:\([^()]{0,300}\)\s*)?"
    # ", formerly Oktiabr (Ukrainian: ...),": its old name between
    r"(?:,\s*(?:formerly|previously)\s+[^,.;()]{1,40}(?:\s*\([^()]{0,120}\))?\s*,)?"
    # "is a village in", and "is village in" as stubs write it
    r",?\s*(?:(?:is|was)\s+(?:(?:a|an|the)\s+|(?=(?:village|town|city|settlement)\s+in\b))"
    # "Druzhkivka is located near the confluence of ...": where it lies
    r"|(?:is|was|lies)\s+(?:located|situated)\b)",
    re.IGNORECASE,
)


def _defined(ctx: Context, s: int, start: int, anchor: Place | None) -> Place | None:
    """The town a sentence opens by defining, as encyclopedias do ("Nikopol (...) is a city in the
    Dnipropetrovsk Oblast of Ukraine, on the right bank of the Dnieper, about 100 km south-west of
    Dnipro", "The town of Orikhiv is located on ..."): what the distances of that sentence are about."""
    # the name that opens the sentence: looked for only where the sentence opens (a long one stays linear)
    first = next(iter(ctx.mentions_between(s, min(start, s + 40))), None)
    if first is None or first.place is None:
        return None
    if ctx.text[s : first.start].strip() and not P.DESCRIBED.fullmatch(ctx.text, s, first.start):
        return None
    if first.place.kind not in POINT_KINDS or first.place == anchor or first.role != "location":
        return None
    return first.place if _DEFINES.match(ctx.text, first.end) else None


def _subject_referred(ctx: Context, start: int, anchor: Place | None) -> tuple[Place | None] | None:
    """The subject when the sentence names it by reference (after the distance, "The reservoir", "The
    town", "It lies", a description, "; it lies"), as a 1-tuple (its place may be None); None when it
    does not."""
    s, e = sentence_bounds(ctx, start)
    opening = _OPENING.fullmatch(ctx.text, s, start)
    if opening is not None:
        # "About 120 km southeast of Kharkiv, the town of Izium ...": the subject follows the distance.
        claim_end = _phrase_end(ctx, start, e)
        after = P.SUBJECT_AFTER.match(ctx.text, claim_end)
        if after and claim_end > start:
            m = ctx.mention_at(after.end())
            if m is not None and m.place is not None and m.place.kind in ("settlement", "facility"):
                return (m.place,)
            noun = _TOWN_NOUN.search(after.group())
            if noun and m is None:  # "Located 50 km north of Bakhmut, the town was ...": the one before
                return (topic(ctx, s, anchor, noun.group()),)
        if opening.group().strip() and (claim_end == start or _TOPIC_AFTER.match(ctx.text, claim_end)):
            # "Located 121 km south of Bryansk and 30 km from the border.", "Located about 144 km northwest
            # of Poltava, this is ...": no subject follows, so it is the one the sentence before is about
            return (topic(ctx, s, anchor),)
    feature = _THE_FEATURE.match(ctx.text, s)
    if feature:  # "The reservoir, some 10 km west of the city centre": the reservoir named before
        return (latest_place(ctx, s, _FEATURE_KIND[feature.group("what")], exclude=anchor),)
    the_town = _THE_TOWN.match(ctx.text, s)
    it_lies = None if the_town else _IT_LIES.match(ctx.text, s)
    opening = the_town or it_lies
    if opening and any(
        m.place is not None and m.place.kind in POINT_KINDS and _INTRODUCED.match(ctx.text, m.end)
        for m in ctx.mentions_between(opening.end(), start)
    ):
        # "It is important to tell it from the city of X, which lies 160 km ...", "It stands beside X, a
        # town about 53 km southwest of Y", "The village is distinct from the city of X, the regional
        # centre, located 90 miles ...": the town the clause introduces is what the distance is about
        the_town = it_lies = None
    if the_town or it_lies:
        # "The town lies 15 miles west of Donetsk", "It lies 11 km northwest of Bakhmut": the place
        # the sentence before is about.
        return (topic(ctx, s, anchor, the_town.group("what") if the_town else ""),)
    lo = max(s, start - 100)
    described = (
        P.DESCRIBED_BEFORE.search(ctx.text, lo, start)
        if ctx.may_match(P.DESCRIBED_BEFORE, (lo, start))
        else None
    )
    named = ctx.mentions_between(described.start(), start) if described else []
    # a river or region may be named in the description ("a hub on the Siverskyi Donets"), a town not
    if described and not any(m.place is not None and m.place.kind in POINT_KINDS for m in named):
        # "... the frontline city, which lies 15 km from Donetsk": the town named last before it, of
        # a size the noun fits ("on the edge of the village" is not the city named after it)
        what = described.group("what")
        return (latest_place(ctx, described.start(), "settlement", exclude=anchor, what=what),)
    feature = _FEATURE_BEFORE.search(ctx.text, lo, start) if not described else None
    if feature and not any(
        m.place is not None and m.place.kind in POINT_KINDS
        for m in ctx.mentions_between(feature.end(), start)
    ):
        # the facility named last whose name says it is one ("the dam": the Kakhovka Dam)
        what = feature.group("what").lower()
        places = places_back(ctx, feature.start(), "facility", exclude=anchor)
        facility = next((p for p in places if what in p.name.lower().split()), None)
        if facility is not None:
            return (facility,)
    clause = _IT_LIES_CLAUSE.search(ctx.text, lo, start) if ";" in ctx.text[lo:start] else None
    if clause is not None:
        # "Serhiivka, a resort ..., has no military sites; it lies 20 km south of B": the sentence's topic
        first = next((m for m in ctx.mentions_between(s, clause.start()) if m.role == "location"), None)
        if first is not None and first.place is not None and first.place.kind in POINT_KINDS:
            return (first.place if first.place != anchor else None,)
    return None


def _in_position_aside(ctx: Context, s: int, m: Mention) -> bool:
    """Whether ``m`` is named in an aside that says where the place named just before it is
    ("Rodynske, north of Chervonyi Lyman, is ..."; not "positions to the north, near Ruska Lozova")."""
    if not (ctx.text.startswith(",", m.end) or _AND_AFTER.match(ctx.text, m.end)):
        return False
    where = _POSITION_BEFORE.search(ctx.text, max(s, m.start - 40), m.start)
    if where is None:
        return False
    before = next(ctx.mentions_back(max(s, where.start() - 60), where.start()), None)
    return before is not None and before.end == where.start()


def _subject_linked(ctx: Context, s: int, start: int, anchor: Place | None) -> Place | None:
    """The nearest place before ``start`` in the sentence (from ``s``) that the words between link to
    the distance ("Balakliia, ... which lies 74 km ...", "Snihurivka in Mykolaiv region, some 60 km").
    A town named where the subject lies ("The plant is located in Kurchatov, 40 km west of Kursk") is
    the subject only when the sentence names nothing before it that lies there."""
    where = None  # the town the subject is said to lie in, linked to the distance itself
    for m in ctx.mentions_back(max(s, start - _LINK_CHARS), start):
        place = m.place
        if (
            place is None
            or m.role == "metonymy"
            or P.AGENT_BEFORE.search(ctx.text, max(0, m.start - 8), m.start)
        ):
            continue  # "ordered by Moscow": who acts is not where the distance is
        capital = place.kind == "region" and _CAPITAL_OF.search(ctx.text, max(0, m.start - 30), m.start)
        if capital:  # "the capital of Cherkasy Oblast, a city ... 190 km from Kyiv": the town, unless the
            place = centre_of(ctx, place)  # words describe it, named just before ("Kursk, the capital of")
            named = next(ctx.mentions_back(max(s, capital.start() - 40), capital.start()), None)
            if place is None or (named is not None and named.place == place):
                continue
        if place.kind not in POINT_KINDS + LINKED_KINDS or (anchor is not None and place == anchor):
            continue
        if _where_it_is(ctx, s, start, anchor, m):
            continue
        lies_in = LIES_ON_BEFORE.search(ctx.text, max(s, m.start - 30), m.start)
        if lies_in and place.kind != "settlement":
            continue  # "X is located on the Kinburn Spit, about 67 km ...": where X lies, not X
        between = ctx.text[m.end : start]  # at most _LINK_CHARS long
        if len(between.split()) > _LINK_WORDS:
            return where  # too far for any link below
        # "Pokrovsk (formerly Krasnoarmeisk), a hub ...": a bracketed aside does not break the link, nor
        # do the asides of ASIDES ("Snihurivka in Mykolaiv region, some 60 km ...")
        gap = (_PARENTHESES.sub("", between) if "(" in between else between).removeprefix(")")
        gap = gap.lstrip(_CLOSING_QUOTES)  # 'liberated the village of Sokil", around 30 km ...'
        gap = _POSITION_ASIDE.sub(lambda a: "," if a[0].endswith("and") else "", gap, count=1)
        for aside, kept in ASIDES:
            gap = aside.sub(kept, gap, count=1)
        # "A and B lie 50 and 95 km ..., respectively": the first figure of the pair is part of the link
        gap = P.RESPECTIVE_FIRST.sub("", gap, count=1) if " and " in gap else gap
        words = gap.split()
        # "Kostyantynivka: 10 km from the front line", as a headline writes it: a colon right after the name
        apposition = (
            len(words) <= 3 and (gap.lstrip()[:1] in (",", "(", "—", "–") or gap[:1] == ":")
        ) or bool(P.APPOSITIVE.match(gap) and not P.CLAUSE_WORDS.search(gap))
        if place.kind in LINKED_KINDS:
            described = ON_THE_WAY.search(ctx.text, max(s, m.start - 80), m.start)
            if apposition and not described:
                return place
            continue  # "a village on the shore of the Kakhovka reservoir(,) about 35 km ...": the village
        linked = apposition or (P.LINK.search(gap) and len(words) <= _LINK_WORDS)
        if lies_in:  # the place named before it, if the words link it, else this town if they link it
            where = where or (place if linked else None)
            continue
        if linked:
            head = _list_head(ctx, s, m, gap) if place is m.place else place
            return place if head == anchor else head  # "A and B, both 5 km from A" is about B
        return where
    return where


def _on_a_feature(text: str, s: int, m: Mention) -> bool:
    """Is ``m`` a feature the text puts a place on ("near Olenivka on the Tarkhankut peninsula")?"""
    return bool(_ON_THE.search(text, max(s, m.start - 8), m.start) and FEATURE_AFTER.search(m.text))


def _where_it_is(ctx: Context, s: int, start: int, anchor: Place | None, m: Mention) -> bool:
    """Is ``m`` named to say where something is, not as what a distance is about?"""
    text = ctx.text
    if FEATURE_AFTER.match(text, m.end):
        return True  # "near Olenivka on the Tarkhankut peninsula, 120 km ...": the peninsula's name
    if _on_a_feature(text, s, m):
        return True
    if _in_position_aside(ctx, s, m):
        return True  # "Rodynske, north of Chervonyi Lyman, is ...": where the subject is
    if _IN_BEFORE.search(text, max(s, m.start - 8), m.start) and _defined(ctx, s, start, anchor):
        return True  # "Reni is a city in southern Ukraine in Budzhak, located ...": where Reni is
    if _DESCRIBED_IN.search(text, max(s, m.start - 50), m.start):
        return True  # "Klishchiivka, a village in Donetsk some 9 km south of ...": where the village is
    # "In Zaporizhzhia, Russian forces are now 30 km from Orikhiv": where, not what
    return bool(_OPENING_IN.fullmatch(text, s, m.start) and _SAID_AFTER.match(text, m.end))


def _list_head(ctx: Context, s: int, m: Mention, gap: str) -> Place | None:
    """The place of ``m``, or the first of the towns listed with it when the distance is said of all
    of them ("Yevhenivka and Sokil, both about 5 km west of ...", "the villages of A and B, situated
    about 10 km ...", "A and B lie 65 km and 100 km respectively ..."): a record has one subject, and
    the first named stands for the list."""
    head = m
    for prev in ctx.mentions_back(s, m.start):
        if prev.place is None or prev.place.kind != "settlement" or prev.role != "location":
            break
        if not P.LIST_GAP.fullmatch(ctx.text, prev.end, head.start):
            break
        head = prev
    if head is m:
        return m.place
    plural = LIST_SAID_OF_ALL.search(gap) or PLURAL_NOUN_BEFORE.search(
        ctx.text, max(s, head.start - 40), head.start
    )
    return head.place if plural else m.place


def _phrase_end(ctx: Context, start: int, e: int) -> int:
    """End of the distance phrase that starts at ``start`` (up to the first comma)."""
    comma = ctx.text.find(",", start, e)
    return comma if comma != -1 else start


def line_subject_text(ctx: Context, start: int) -> str:
    """ "The front line lies 7 km from Orikhiv": a line the sentence opens with, as the subject."""
    line = P.LINE_SUBJECT.match(ctx.text, sentence_bounds(ctx, start)[0])
    return "the " + " ".join(line.group("what").split()) if line and line.end() <= start else ""


#: "within a radius of 5 km (of the plant)": a zone's radius written before its figure (not "a drone with
#: a radius of 300 km": a reach) ...
_RADIUS_BEFORE = re.compile(r"\b(?:within|in)\s+a\s+(?:radius|perimeter)\s+of\s+$", re.IGNORECASE)
#: "a radius of 30 km", whatever comes before: a zone only when ZONE_AROUND follows.
_A_RADIUS = re.compile(r"\ba\s+radius\s+of\s+$", re.IGNORECASE)
#: ... and the place it is around, after the figure.
_AROUND = re.compile(r"\s+(?:of|from|" + AROUND_WORDS + r")\s+", re.IGNORECASE)


def radius_anchor(ctx: Context, start: int, pos: int) -> Anchor | None:
    """For a figure (from ``start``, its words ending at ``pos``) written as a zone's radius ("within a
    radius of 5 km of the plant"): the place it is around (``(None, "", pos)`` when it names none);
    None for any other figure."""
    if not _RADIUS_BEFORE.search(ctx.text, max(0, start - 20), start):
        # "a radius of 30 km around the plant": a zone, when a place it is around follows
        if not (_A_RADIUS.search(ctx.text, max(0, start - 20), start) and ZONE_AROUND.match(ctx.text, pos)):
            return None
    around = _AROUND.match(ctx.text, pos)
    found = anchor_at(ctx, around.end()) if around else (None, "", pos)
    return found if found[0] is not None or found[1] else (None, "", pos)


#: "... from Nikopol to the Zaporizhzhia plant", "from Serhiivka, a village on the coast, to Odesa": the
#: place a distance from a place reaches (an aside between commas may describe the first).
_TO_REACHED = re.compile(r"(?:\s*,\s*(?:a|an|the)\s[^,;.()]{1,80},)?\s+to\s+")


def reached_after(ctx: Context, end: int, anchor: Place | None) -> tuple[Place, int] | None:
    """The town or facility named after "to" at ``end``, just after the place a distance is from ("12 km
    from Nikopol to the Zaporizhzhia nuclear power plant"), and where its name ends; not the place
    measured from, nor a line or region ("from Kharkiv to the border")."""
    to = _TO_REACHED.match(ctx.text, end) if anchor is not None else None
    named = named_at(ctx, to.end()) if to else None
    if named is None or named.place is None or named.place == anchor or named.place.kind not in POINT_KINDS:
        return None
    return named.place, named.end


#: "the capital" with no country before it: the country's, or a region's when the text says so.
_THE_CAPITAL = re.compile(r"the\s+capital", re.IGNORECASE)


def capital_meant(ctx: Context, fields: dict[str, Any], km: float, start: int) -> None:
    """ "Snihurivka, 70 km east of the capital" in a report on Mykolaiv Oblast: the regional centre
    (Mykolaiv, 60 km off), not Kyiv (430 km), when the distance fits the centre of the region named last
    and not the country's capital (:func:`~frontmap.reading._mentions_distance.about`); ``fields`` (a
    claim's) are changed in place."""
    anchor, subject = fields.get("anchor"), fields.get("subject")
    if anchor is None or subject is None or not _THE_CAPITAL.fullmatch(fields.get("anchor_text") or ""):
        return
    centre = regional_centre(ctx, start)
    if centre is None or centre == anchor or subject.kind not in POINT_KINDS:
        return
    if about(_km(subject, centre), km) and not about(_km(subject, anchor), km):
        fields["anchor"] = centre


# -- the place an area is of ---------------------------------------------------------------------


def region_of_change(ctx: Context, s: int, start: int, end: int, e: int) -> Place | None:
    """ "retook 80 km2 in the Kherson region": the one region named in the clause around the number."""
    regions = [
        m.place
        for m in ctx.mentions_between(max(s, start - 80), min(e, end + 60))
        if m.place is not None and m.place.kind == "region" and m.place.country == "UA"
        and P.IN_REGION.search(ctx.text, max(0, m.start - 12), m.start)
    ]  # fmt: skip
    return regions[0] if len({p.id for p in regions}) == 1 else None


def area_subject(ctx: Context, start: int, before: str, after: str, change: str | None) -> Place | None:
    """ "Ukraine's total land area of about ...", "the country's land mass of ...", "Crimea, a peninsula
    of some ...", "Crimea's 27,000 km2" -> the place whose size it is."""
    tail = before[-90:]
    cover = P.COVERS.search(tail) if may_end(tail, 0, len(tail), COVERS_ENDS) else None
    if not cover and P.IN_SIZE.match(after):
        cover = P.WHICH_IS.search(tail)
    if not cover and change is None:
        cover = P.POSSESSIVE_END.search(tail)
    if cover:
        # "Ukraine, which covers some 600,000 square km": the place just before the verb.
        offset, b0 = start - len(tail) + cover.start(), start - len(before)  # ``before`` may blank an aside
        near = [m for m in ctx.mentions_between(max(b0, offset - 120), offset + 1)
                if m.place is not None and before[m.start - b0] != " "]  # fmt: skip
        gap = before[max(0, near[-1].end - b0) : offset - b0].strip(" '’ʼ") if near else "x"
        if (
            near
            and near[-1].place is not None
            and near[-1].place.kind in ("country", "region", "sea")
            and (len(gap.split()) <= 1)
        ):
            return near[-1].place
    hit = P.SUBJECT_AREA.search(tail) if may_end(tail, 0, len(tail), SUBJECT_AREA_ENDS) else None
    if not hit:
        return None
    offset = start - len(tail) + hit.start()
    head = tail[: hit.start()]
    if re.search(r"\bthe\s+country$", head, re.I):
        return ctx.home
    for m in reversed(ctx.mentions_between(max(0, offset - 60), offset + 1)):
        if m.end == offset or ctx.text[m.end : offset] in ("", "'", "’"):
            return m.place
    return None
