"""Choosing among places of one name (homonyms) by what the text says, and recording why.

Ukraine has a dozen villages called Andriivka; Kamianske is a city in Dnipropetrovsk Oblast and a village
on the Zaporizhzhia front.  The gazetteer gives every candidate of a name, largest first; this module
picks one by the evidence the text offers, from the strongest to the weakest (:data:`ORDER`):

``qualifier``
    the text says it next to the name: "in the Donetsk region", "Donetsk Oblast's X", "X (Zaporizhzhia
    region)", "X, Zaporizhzhia Oblast", "in the Bakhmut district", "near Y", "north of Y", "X (south of
    Y)", "the village of X", "the Ukrainian town of X"; "X (formerly Y)" makes X the town Y names, in this
    mention and the later ones of X, even where X's own candidates lie elsewhere (an old or foreign name
    the gazetteer lacks); "A and B in the X district" says it of each (``data/homonym_qualifiers.json``).
``claim``
    a distance claim names it: "X, about 13 km south of Y", "X, a village on the Donets 17 km northwest
    of Y", "X (15 km southeast of Y and 7 km northeast of Z)" keeps the X that lies that far in that
    direction from Y: what the sentence says of the name before the units it shares with the article's
    other places, which may hold namesakes of it in one raion.
``hierarchy``
    the candidate lies in an oblast its sentence names, or shares its raion with a place of its sentence,
    or its hromada or raion with the article's unambiguous places, or lies in an oblast the article names
    elsewhere (in that order: "Shelling hit Novhorod-Siverskyi. In Sumy Oblast, drones struck
    Krasnopillia" means Sumy's Krasnopillia, whatever raion Novhorod-Siverskyi shares).  The oblast of
    a mere town is not counted: oblasts are large, and the front runs along their borders (Lyman in
    Donetsk Oblast is nearer Izium than Lyman in Kharkiv Oblast).
    Nor is the raion of a city of :data:`RAION_CITY_POPULATION` or more: a strike on Chernihiv says
    nothing of which Avdiivka a later sentence means; nor a raion the text does not name, shared by a
    candidate none of the article's places lies near (raions run 100 km: Vovchansk's village 70 km off).
``proximity``
    the candidate lies within :data:`NEAR_KM` of the nearest unambiguous place the article names, and
    clearly nearer than the other candidates: an article's places lie together, a faraway namesake loses.
    With no place of Ukraine settled, it measures from the one pair of namesakes of two names that lie
    too close together to be chance, or from the largest towns of the names
    (:mod:`~frontmap.reading._homonym_pairs`).
``size``
    nothing in the text points to one: the gazetteer's order (largest first, a place whose own name this
    is before one that merely had it once), and a city abroad before a far smaller Ukrainian namesake;
    a town beyond Ukraine's neighbours only when the text names its country
    (:func:`~frontmap.reading._homonym_kinds.within_reach`).

Each step narrows the candidates; the steps after it choose among those left.  The mention records the
last step that narrowed them (``size`` when none did), or:

``only``
    the name has one candidate.
``feature``
    words around the name say which kind of feature it is: "the Donetsk and Luhansk regions", "the
    Dnipro" (the river), "the Rivne nuclear plant", "Kharkiv's Industrialnyi district" (of the city).
``anaphora``
    a capitalised feature word after "the" names again the place of that kind the text named before
    ("Kinburn ... Russian forces on the Spit"; :mod:`~frontmap.reading.mentions`).
``repeated``
    the text settled the name (by a qualifier, a claim, the hierarchy or nearness) where it named it
    elsewhere, on one place, and only size chose here: "the settlements of Kamianske and Plavni ...
    Kamianske was shelled" is the front-line village twice, not the village and then the city; or a
    qualifier or a claim settled it before, and the hierarchy or nearness chose here.

A city of 50,000 or more that is ten times larger than every namesake (:func:`_dominant`) is taken at
once (``size``), and counts as one of the article's places for the other names; it yields to a village
on a qualifier ("the village of X", "X in the Zaporizhzhia region"), or when a village lies within
:data:`VILLAGE_NEAR_KM` of the article's other places, one of them under :data:`LOCAL_TOWN` people, while
the city is farther than :data:`CITY_FAR_KM` from all of them and the article does not name its region.

Names the text itself settles (by a qualifier, the hierarchy or a claim) are context in turn: the names
that only nearness or size decided are chosen again once they count (:func:`_second_round`), and the
mentions of a settled name that only size decided are the place it settled
(:func:`~frontmap.reading._homonym_sense.one_sense`).

Work stays linear in the length of the text: the article's unambiguous places are gathered once (their
units counted, their points put in a grid), and each mention looks only at its neighbours in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import MappingProxyType

from frontmap.gazetteer.place import Place
from frontmap.reading import patterns as P
from frontmap.reading._directions import named_as_direction
from frontmap.reading._homonym_kinds import by_kind, kind_before, within_reach
from frontmap.reading._homonym_pairs import weak_anchors
from frontmap.reading._homonym_sense import SETTLED, aliased, bracketed, one_sense
from frontmap.reading._homonym_units import UNIT_WORD, by_other, by_unit, list_unit, unit_level
from frontmap.reading._ment_places import RAION_CITY_POPULATION as RAION_CITY_POPULATION
from frontmap.reading._ment_places import core as _core
from frontmap.reading._ment_places import dominant as _dominant
from frontmap.reading._ment_places import hromada_key, name_key, names_its_raion, spelled_as, unit_keys
from frontmap.reading._mentions_distance import fitting, from_border, near_border, stated
from frontmap.reading._mentions_grid import Grid
from frontmap.reading._mentions_grid import km as _km
from frontmap.reading._tokens import Hit
from frontmap.reading.lexicon import HOMONYM_QUALIFIERS, REGIONAL_CENTRES
from frontmap.reading.sentences import sentence_spans

__all__ = ["EVIDENCE", "ORDER", "choose", "resolve"]

#: The evidence a mention's place was chosen by: name -> what it means (see the module docstring).
EVIDENCE: MappingProxyType[str, str] = MappingProxyType(
    {
        "only": "the name has one candidate",
        "feature": "words around the name say which kind of feature it is (a region, a river, a plant)",
        "qualifier": "the text qualifies the name: its region or district, a place it is near, its kind",
        "hierarchy": "it shares its hromada, raion or oblast with the article's other places",
        "proximity": "it lies close to the article's other places, its namesakes far from them",
        "claim": "a distance claim names it, and it lies at that distance and bearing from the anchor",
        "size": "nothing in the text points elsewhere: the largest (or the name's own) place",
        "anaphora": "a feature word after 'the' ('the Spit') names again the place of that kind named before",
        "repeated": "the text settled the name where it named it elsewhere; weaker evidence chose here",
    }
)
#: The steps that choose among candidates, strongest first.
ORDER: tuple[str, ...] = ("qualifier", "claim", "hierarchy", "proximity", "size")

#: A candidate this close (km) to one of the article's places is near them; farther, proximity says nothing.
NEAR_KM = 60.0
#: Candidates within this many km of the nearest one are equally near (a claim may choose among them).
SLACK_KM = 10.0
#: A town of this many people (and FAR_LARGER times its namesakes') is far larger than they: units
#: shared only with them do not rule it out (hierarchy), and size takes it over a small one the name
#: once belonged to.
BIG_TOWN = 20_000
FAR_LARGER = 5  #: Lyman, 20,000 people, over a village of 4,000 by Kharkiv, in a text naming Izium.
#: Near the article's places, a town this large stays in the running against nearer namesakes far smaller
#: or of unknown size (Vasylivka, a raion centre of 12,500 people 45 km from Zaporizhzhia, not a village).
NEAR_TOWN = 10_000
#: A village beats a dominant city by proximity only this close to the article's places ...
VILLAGE_NEAR_KM = 30.0
#: ... while the city is farther than this from all of them, and the village is near one of them smaller
#: than this (a regional centre is named for many reasons).
CITY_FAR_KM = NEAR_KM
LOCAL_TOWN = 100_000
#: Gap (characters) between a name and a neighbour that can qualify it.
_MAX_GAP = 80
#: ... and between a name and the place a distance said of it is measured from (a description between:
#: ", a village in Ukraine's Dnipropetrovsk region about 65 km west-southwest of").
_CLAIM_GAP = 160

_Q = HOMONYM_QUALIFIERS
_AFTER = tuple(
    (e["name"], re.compile(e["gap"], re.IGNORECASE), e["other"]) for e in _Q["after"] if e["other"] != "alias"
)
_BEFORE = tuple((e["name"], re.compile(e["gap"], re.IGNORECASE), e["other"]) for e in _Q["before"])
_LARGE_KINDS = ("country", "region", "sea", "river", "facility")


def _far_larger(than: Iterable[Place], floor: int = BIG_TOWN) -> int:
    """The population of a town far larger than each of ``than``: ``floor``, or FAR_LARGER times theirs."""
    return max(floor, FAR_LARGER * max(p.population for p in than))


def _biggest(pool: tuple[Place, ...]) -> Place:
    return max(pool, key=lambda p: p.population)


# -- what the article says around its names, gathered once ---------------------------------------


@dataclass
class _Context:
    """The article: its hits, their sentences, and its unambiguous places (units counted, points gridded)."""

    text: str
    hits: list[Hit]
    sentence_starts: list[int]
    places: dict[str, Place] = field(default_factory=dict)
    units: dict[tuple[str, str], int] = field(default_factory=dict)  # (level, core name) -> distinct places
    #: (sentence, level, core name) -> mentions
    sentence_units: dict[tuple[int, str, str], int] = field(default_factory=dict)
    grid: Grid | None = None
    near: dict[str, float] = field(default_factory=dict)  # candidate id -> km to nearest place
    renamed: dict[str, Place] = field(default_factory=dict)  # name -> the place "X (formerly Y)" made it
    #: hits whose steps left several candidates, so that size chose among them (not settled by the text)
    sized: set[int] = field(default_factory=set)
    #: the countries the text names, or names a place of that has no namesake elsewhere (when asked)
    named: set[str] | None = None
    country: Callable[[str], Place | None] | None = None  # a country's place by its code

    def countries_named(self) -> set[str]:
        """The countries the text names, or names a place of with no namesake elsewhere."""
        if self.named is None:
            self.named = {
                h.places[0].country or "" for h in self.hits if len({p.country for p in h.places}) == 1
            }
        return self.named

    def sentence(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def add(self, h: Hit, p: Place) -> None:
        """Count ``p``'s units: its hromada and raion (or itself, if it is one), and an oblast named as
        such (an oblast is too large for the oblast of a mere town to say much)."""
        if p.kind == "region" and named_as_direction(self.text, h.start, h.end):
            return  # "pushing toward the Dnipropetrovsk region", "the Donetsk-Dnipropetrovsk Oblast border"
        per_sentence, counted = unit_keys(p)  # (level, core name) of each unit, once per place
        sentence = bisect_right(self.sentence_starts, h.start) - 1
        sentence_units = self.sentence_units
        for level, core in per_sentence:
            key = (sentence, level, core)
            sentence_units[key] = sentence_units.get(key, 0) + 1
        if p.id in self.places:
            return
        self.places[p.id] = p
        units = self.units
        for key2 in counted:
            units[key2] = units.get(key2, 0) + 1

    def finish(self) -> None:
        """Grid the places proximity measures from: settlements and facilities, in Ukraine or not too large
        (a capital abroad is named for its government more often than as a place)."""
        self.grid = Grid(
            p
            for p in self.places.values()
            if p.kind in ("settlement", "facility") and (p.country == "UA" or p.population < 500_000)
        )


def _context(text: str, hits: list[Hit]) -> _Context:
    starts = [s for s, _ in sentence_spans(text)] or [0]
    return _Context(text, hits, starts)


# -- 1. qualifier ------------------------------------------------------------------------------


def _renamed(ctx: _Context, i: int) -> Place | None:
    """ "X (formerly Y)", "X (now Y)": the town Y names (its namesake that X is too, if any: "Kypuche
    (formerly Artemivsk)" is no Bakhmut), whether or not it is among X's candidates (an old or foreign
    name the gazetteer lacks: "Dmitrov (formerly Mirnograd)")."""
    if i + 1 >= len(ctx.hits):
        return None
    h, nxt = ctx.hits[i], ctx.hits[i + 1]
    if not aliased(ctx.text, h, nxt, _MAX_GAP):
        return None
    anchor = nxt.place or next((p for p in nxt.places if p in h.places), nxt.places[0])
    if anchor.kind != "settlement" or h.places == (anchor,):  # nothing to choose: "Kyiv (formerly Kiev)"
        return None
    return anchor


def _neighbour(ctx: _Context, i: int, pool: tuple[Place, ...]) -> tuple[Place, ...] | None:
    """A neighbouring name that qualifies this one: "X in the Y region", "Y Oblast's X", "X near Y"."""
    text, h = ctx.text, ctx.hits[i]
    if i + 1 < len(ctx.hits):
        nxt = ctx.hits[i + 1]
        gap = text[h.end : nxt.start]
        if len(gap) <= _MAX_GAP:
            for _, pattern, how in _AFTER:
                if pattern.fullmatch(gap):
                    level = unit_level(text, nxt)
                    if level is None and how == "unit":
                        continue
                    return by_other(pool, how, level, nxt, gap)
        if (shared := list_unit(text, ctx.hits, i, _AFTER)) is not None:  # "A and B in the X district"
            return by_unit(pool, *shared)
    if i > 0:
        prev = ctx.hits[i - 1]
        unit = UNIT_WORD.match(text, prev.end)  # "the Donetsk region village of X"
        start = unit.end() if unit and unit.end() <= h.start else prev.end
        gap = text[start : h.start]
        if len(gap) <= _MAX_GAP and any(pattern.fullmatch(gap) for _, pattern, _how in _BEFORE):
            level = unit_level(text, prev)
            if level is not None:
                return by_unit(pool, level, prev)
    return None


def qualifier(ctx: _Context, i: int, pool: tuple[Place, ...]) -> tuple[Place, ...] | None:
    """The candidates the words next to the name allow (kind first, then a neighbouring name)."""
    narrowed = by_kind(ctx.text, ctx.hits, i, within_reach(pool, ctx.countries_named))  # "the city of X"
    pool = narrowed if narrowed is not None else pool
    by_name = _neighbour(ctx, i, pool) if len(pool) > 1 else None
    return by_name or narrowed


# -- 3. hierarchy --------------------------------------------------------------------------------


def hierarchy(ctx: _Context, i: int, pool: tuple[Place, ...]) -> tuple[Place, ...] | None:
    """The candidates sharing the most units with the article's places: an oblast named (as such) in the
    same sentence, then a raion with a place of the same sentence, then hromada, then raion with a place
    of the article, then an oblast named elsewhere in the article."""
    s = ctx.sentence(ctx.hits[i].start)
    named = {_core(q.name) for q in ctx.places.values() if q.kind == "raion"}

    def score(p: Place) -> tuple[int, ...]:
        admin1 = _core(p.admin1)
        raion = _core(p.raion)
        shared = ("raion", raion) in ctx.units  # (a raion shared in the sentence is shared in the article)
        if shared and raion not in named and _nearest(ctx, p, p.id in ctx.places) > NEAR_KM:
            raion = ""  # a raion shared with towns none of which lies near says nothing (see above)
        return (
            ctx.sentence_units.get((s, "admin1", admin1), 0) if admin1 else 0,
            ctx.sentence_units.get((s, "raion", raion), 0) if raion else 0,
            ctx.units.get(("hromada", hromada_key(p)), 0) if p.hromada else 0,
            ctx.units.get(("raion", raion), 0) if raion else 0,
            ctx.units.get(("admin1", admin1), 0) if admin1 else 0,
        )

    scores = {p.id: score(p) for p in pool}
    top = max(scores.values())
    if not any(top):
        return None
    best = tuple(p for p in pool if scores[p.id] == top)
    big = _far_larger(best)
    if not any(top[:-1]):
        # only an oblast named elsewhere: too weak to rule out a town far larger than the namesakes in it
        # whose own name it is ("the town of Lyman" beside Kreminna's oblast; not Donetsk for "Aleksandrovka")
        # or the gazetteer ranks first by a curated name (Lyman for "Krasny Liman", its Soviet name)
        first, key = ctx.hits[i].places[0], ctx.hits[i].key
        far = {p.id for p in pool if p.population >= big and p.country in {q.country for q in best}}
        best = tuple(p for p in pool if p in best or (p.id in far and (spelled_as(p, key) or p is first)))
    elif not any(p.kind in ("raion", "hromada") for p in ctx.places.values()):
        # units shared only with other towns: a town far larger than the namesakes they prefer stays in
        # the running (size then chooses) when it lies in one the article names, or in the oblast of one
        # of its towns, and no oblast of the sentence rules it out -- the city of Kostiantynivka, not a
        # village of Pokrovsk Raion, in "the towns of Kostyantynivka and Pokrovsk"
        oblasts = {q.admin1 for q in ctx.places.values() if q.kind == "settlement"}
        named = {p.id for p in pool if any(scores[p.id]) or p.admin1 in oblasts}
        # ... and so do a place whose own name this is, when those preferred merely had it once (the town
        # of Krasnohorivka, not a village renamed from it), and a town its raion is named after (Vasylivka)
        key = ctx.hits[i].key
        former = all(name_key(p) != key for p in best)
        # (a far larger town that merely had the name stays only beside others that merely had it too:
        # not Chystiakove, once Oleksiivka, beside a village that is Oleksiivka)
        own = any(spelled_as(p, key) for p in best)
        kept = {
            p.id for p in pool if p.id in named and scores[p.id][0] == top[0]
            and ((p.population >= big and (spelled_as(p, key) or not own)) or (former and name_key(p) == key)
                 or (p.population >= NEAR_TOWN and names_its_raion(p)))
        }  # fmt: skip
        best = tuple(p for p in pool if p in best or p.id in kept)
    return best if len(best) < len(pool) else None


# -- 4. proximity --------------------------------------------------------------------------------


def _nearest(ctx: _Context, p: Place, mentioned: bool = False) -> float:
    """km from ``p`` to the nearest of the article's places (``inf`` beyond :data:`NEAR_KM`), once per
    candidate and article; ``mentioned``: ``p`` is one of them (a city taken provisionally), leave it out."""
    key = p.id + "!" if mentioned else p.id
    if key not in ctx.near:
        assert ctx.grid is not None
        ctx.near[key] = ctx.grid.nearest(p, NEAR_KM, frozenset({p.id}) if mentioned else frozenset())
    return ctx.near[key]


def _near_town(ctx: _Context, p: Place) -> bool:
    """Is ``p`` within :data:`VILLAGE_NEAR_KM` of one of the article's places smaller than a city of
    :data:`LOCAL_TOWN` people?"""
    return any(
        q.population < LOCAL_TOWN and q.kind in ("settlement", "facility") and _km(p, q) <= VILLAGE_NEAR_KM
        for q in ctx.places.values()
    )


def proximity(ctx: _Context, i: int, pool: tuple[Place, ...]) -> tuple[Place, ...] | None:
    """The candidates near the article's places (within :data:`NEAR_KM`, and within :data:`SLACK_KM` of
    the nearest, or a town of :data:`NEAR_TOWN` far larger than those); a dominant city yields only
    to a village of its name close by while it is far from all of them."""
    if _dominant(pool):
        city = pool[0]
        # only a village of the city's own name, however spelled ("Kamyanske": Kamianske and its villages;
        # Mykolaivka, once Mykolaiv, does not take Mykolaiv's place)
        key = name_key(city)
        near = [p for p in pool[1:] if name_key(p) == key and _nearest(ctx, p) <= VILLAGE_NEAR_KM]
        # nor, when the article names the city's region, a village outside it ("in Zaporizhzhia Oblast ...
        # to Zaporizhzhia": the city, not a Donetsk village; "Kharkiv region ... Lozova": it holds both)
        if any(q.kind == "region" and q.name == city.admin1 for q in ctx.places.values()):
            near = [p for p in near if p.admin1 == city.admin1]
        # nor a village in the oblast the city heads and names: "the front lines in Zaporizhzhia" near
        # Tokmak are the oblast's, the bare name meaning it as often as the city
        if REGIONAL_CENTRES.get((city.admin1 or "").lower()) == city.name:
            near = [p for p in near if p.admin1 != city.admin1]
        if near and _nearest(ctx, city, mentioned=True) > CITY_FAR_KM:
            # next to a town, not merely to a city the article names for other reasons (Mykolaiv on a
            # list of cities evacuees go to is not the village outside Khmelnytskyi)
            local = [p for p in near if _near_town(ctx, p)]
            if local:
                return (min(local, key=lambda p: _nearest(ctx, p)),)
        return None
    d = {p.id: _nearest(ctx, p) for p in pool}
    best = min(d.values())
    if best > NEAR_KM:
        return None
    within = best + SLACK_KM
    # a town far larger than the closer namesakes, itself near the article's places, stays in the running
    # (size then chooses): the city of Kostiantynivka 57 km from Donetsk over a village 33 km from it
    big = _far_larger([p for p in pool if d[p.id] <= within], floor=NEAR_TOWN)
    close = tuple(p for p in pool if d[p.id] <= within or (d[p.id] <= NEAR_KM and p.population >= big))
    return close if len(close) < len(pool) else None


# -- 2. claim ------------------------------------------------------------------------------------


def claim(ctx: _Context, i: int, pool: tuple[Place, ...]) -> tuple[Place, ...] | None:
    """The candidates that lie where a distance claim puts the name ("X, about 13 km south of Y", "X, a
    village on the Donets 17 km northwest of Y": a river or region may be named on the way, a town not),
    or, for the place measured from, where the claim's subject says it is ("Pokrovske, about 55 km north
    of Huliaipole": the Huliaipole 55 km south of the Pokrovske the text settled)."""
    h = ctx.hits[i]
    listed = h.end  # the end of the names listed with this one ("Vyshneve and Yehorivka, 10 km ...")
    for j in range(i + 1, len(ctx.hits)):  # a few names at most: the gap is bounded
        anchor_hit = ctx.hits[j]
        if anchor_hit.start - h.end > _CLAIM_GAP:
            break
        said = stated(ctx.text, h.end, anchor_hit.start)
        if said is not None and anchor_hit.places[0].kind != "country":  # (a country's border: below)
            return fitting(pool, anchor_hit.place or anchor_hit.places[0], *said)
        if anchor_hit.places[0].kind in ("settlement", "facility"):
            if not P.LIST_GAP.fullmatch(ctx.text, listed, anchor_hit.start):
                break  # a town between: a distance after it is said of that town
            listed = anchor_hit.end
    later = (ctx.hits[k] for k in range(i + 1, len(ctx.hits)))  # not a region: "X in the Y region, 8 km"
    nxt = next((g.start for g in later if g.places[0].kind not in _AREAS), len(ctx.text))
    border = from_border(ctx.text, h.end, nxt) if ctx.country is not None else None
    country = ctx.country(border[1]) if border is not None and ctx.country is not None else None
    if border is not None and country is not None:  # "X, less than 5 km from the Russian border"
        return near_border(pool, country, border[0])
    town = _OF_THE_TOWN.search(ctx.text, h.end, min(len(ctx.text), h.end + _CLAIM_GAP))
    if town is not None and not _BREAK.search(ctx.text, h.end, town.start()):
        # "Dobropillia, some 14 km north-northwest of the town": from the town named last before it
        said = stated(ctx.text, h.end, town.start("the"))
        back = range(i - 1, max(-1, i - 11), -1)  # the last of the ten names before that has a place
        before = next((ctx.hits[k].place for k in back if ctx.hits[k].place is not None), None)
        if said is not None and before is not None and before.kind == "settlement":
            return fitting(pool, before, *said)
    subject = ctx.hits[i - 1] if i > 0 else None
    if subject is None or subject.place is None or h.start - subject.end > _CLAIM_GAP:
        return None
    said = stated(ctx.text, subject.end, h.start)
    if said is None:
        return None
    km, az = said
    return fitting(pool, subject.place, km, None if az is None else (az + 180.0) % 360.0)


_AREAS = ("region", "country")  # names that say where a place lies, not other places
#: "... 14 km north-northwest of the town": a distance after a name, measured from a town named before.
_OF_THE_TOWN = re.compile(r"\b(?:of|from)\s+(?P<the>the)\s+(?:town|city|village)\b(?!\s+of\b)")
#: What ends the phrase after a name: a full stop, a semicolon, a bracket.
_BREAK = re.compile(r"[.;()]")


# -- 5. size -------------------------------------------------------------------------------------


def _local(ctx: _Context, h: Hit, home: Place, by_kind: bool = True) -> bool:
    """Does the text present the Ukrainian namesake: "the town of X" (unless ``by_kind`` is false), or a
    Ukrainian place named nearby?"""
    if by_kind and kind_before(ctx.text, h.start):
        return True
    exclude = frozenset({home.id})
    assert ctx.grid is not None
    return ctx.grid.nearest(home, NEAR_KM, exclude) <= NEAR_KM


def size(ctx: _Context, i: int, pool: tuple[Place, ...]) -> tuple[Place, ...]:
    """The largest candidate in the gazetteer's order, but a city abroad before a far smaller Ukrainian
    namesake, and a place whose own name this is before a small one that merely had it once."""
    h = ctx.hits[i]
    pool = within_reach(pool, lambda: ctx.countries_named() | {p.country or "" for p in ctx.places.values()})
    top = pool[0]
    big = _biggest(pool)
    if big.country != top.country and big.population >= max(100_000, 100 * top.population):
        if not _local(ctx, h, top):
            return (big,)
    demotable = top.kind == "settlement" and not top.curated  # curated names stay first
    if demotable and name_key(top) != h.key and top.population < 10_000:
        floor = 10 * max(top.population, 1)
        own = [p for p in pool[1:] if name_key(p) == h.key and p.population >= floor]
        # neither is written as the text writes it ("Konstantinovka": a Crimean Konstantynovka of 1,300
        # people, the Donetsk city of 67,000): the far larger town
        larger = own or [p for p in pool[1:] if p.population >= max(BIG_TOWN, floor)]
        # "the village of Klimovo" in a report on Bryansk: a noun of size says nothing of which country,
        # and the text writes the larger town's own name
        if larger and not _local(ctx, h, top, by_kind=not own):
            return (larger[0],)
    return (top,)


Step = Callable[[_Context, int, tuple[Place, ...]], tuple[Place, ...] | None]

#: The steps between the qualifier and size, in :data:`ORDER` (the qualifier runs first, for every
#: mention, so that places it settles count as context for the others; size decides what is left).
_STEP: dict[str, Step] = {"hierarchy": hierarchy, "proximity": proximity, "claim": claim}
_STEPS: tuple[tuple[str, Step], ...] = tuple((name, _STEP[name]) for name in ORDER if name in _STEP)

#: A city far larger than its namesakes yields only to a village a distance claim puts where it is, or
#: to one among the article's places.
_DOMINATED_STEPS: tuple[tuple[str, Step], ...] = (("claim", claim), ("proximity", proximity))


def choose(
    ctx: _Context, i: int, pool: tuple[Place, ...], evidence: str | None, skip: str = ""
) -> tuple[Place, str]:
    """The place of mention ``i`` among ``pool``, and the evidence that chose it: the last step that
    narrowed the candidates (``size`` when none did); the step ``skip`` names is known to say nothing."""
    for name, step in _DOMINATED_STEPS if _dominant(pool) else _STEPS:
        if len(pool) == 1:
            break
        if name == skip:
            continue
        narrowed = step(ctx, i, pool)
        if narrowed:
            pool, evidence = narrowed, name
    if len(pool) == 1:
        return pool[0], evidence or "size"
    ctx.sized.add(i)
    return size(ctx, i, pool)[0], evidence or "size"


def resolve(text: str, hits: list[Hit], country: Callable[[str], Place | None] | None = None) -> None:
    """Set ``place`` and ``evidence`` of every hit (``place`` already set: ``evidence`` kept or ``only``);
    ``country`` gives a country's place by its code (for distances said from a border)."""
    ctx = _context(text, hits)
    ctx.country = country
    pending: list[tuple[int, tuple[Place, ...], str | None]] = []
    last = len(hits) - 1
    for i, h in enumerate(hits):
        # "X (formerly Y)" has a bracket between the names, which most neighbours have not (_renamed)
        has_bracket = i < last and text.find("(", h.end, hits[i + 1].start) >= 0
        renamed = _renamed(ctx, i) if has_bracket else None
        if renamed is not None:
            ctx.renamed[h.key] = renamed
        renamed = renamed or ctx.renamed.get(h.key)
        if renamed is not None:  # this mention, and later ones of the name
            h.place, h.evidence = renamed, "qualifier"
        elif h.place is not None:
            h.evidence = h.evidence or "only"
        elif len(h.places) == 1:
            h.place, h.evidence = h.places[0], h.evidence or "only"
        else:
            narrowed = qualifier(ctx, i, h.places)
            if narrowed is not None and len(narrowed) == 1:
                h.place, h.evidence = narrowed[0], "qualifier"
            elif narrowed is None and _dominant(h.places):
                # a city outranks its villages: taken now, so that it counts as context for the others,
                # and looked at again once the article's places are known (a village may lie among them)
                h.place, h.evidence = h.places[0], "size"
                if h.place.kind == "settlement":
                    pending.append((i, h.places, None))
            else:
                pending.append((i, narrowed or h.places, "qualifier" if narrowed else None))
                continue
        ctx.add(h, h.place)
    # with no place of Ukraine settled yet, what proximity measures from
    weak_anchors(ctx.places, [(ctx.hits[i].start, ctx.hits[i].key, pool) for i, pool, _ in pending])
    ctx.finish()
    _choose_each(ctx, pending)
    _second_round(ctx, pending)
    one_sense(hits)
    bracketed(text, hits, _MAX_GAP)


def _second_round(ctx: _Context, pending: list[tuple[int, tuple[Place, ...], str | None]]) -> None:
    """Names settled among their namesakes by the text ("Torske, 12 km east of Lyman") become context
    for the names that only nearness or size decided, which are then chosen again: "Yampil and
    Novoselivka ... near Lyman" are the villages of Torske's hromada."""
    new = [
        (ctx.hits[i], place)
        for i, _, _ in pending
        if ctx.hits[i].evidence in SETTLED and i not in ctx.sized
        and (place := ctx.hits[i].place) is not None and place.id not in ctx.places
    ]  # fmt: skip
    # chosen by nearness or size, or by size among the namesakes a step left ("in Donetsk Oblast" narrows
    # to two villages of the oblast; a neighbour the text settles may tell them apart)
    weak = [
        (i, pool, ev)
        for i, pool, ev in pending
        if ctx.hits[i].evidence in ("proximity", "size") or i in ctx.sized
    ]
    if not new or not weak:
        return
    for h, place in new:
        ctx.add(h, place)
    ctx.near.clear()
    ctx.finish()
    _choose_each(ctx, weak)


def _choose_each(ctx: _Context, pending: list[tuple[int, tuple[Place, ...], str | None]]) -> None:
    """The place of each pending mention (:func:`choose`); a city taken over its villages is looked at
    by proximity, which depends on its candidates only, once per name and article, unless a distance
    said of this mention places it ("the fall of Makiivka ... Makiivka sits some 35 miles southeast of
    Kupiansk": the village there, which :func:`one_sense` then gives the other mentions)."""
    dominated: dict[tuple[str, ...], tuple[Place, str]] = {}
    for i, pool, evidence in pending:
        h = ctx.hits[i]
        if evidence is None and _dominant(pool) and not claim(ctx, i, pool):
            ids = tuple(p.id for p in pool)
            if ids not in dominated:
                dominated[ids] = choose(ctx, i, pool, evidence, skip="claim")
            h.place, h.evidence = dominated[ids]
        else:
            h.place, h.evidence = choose(ctx, i, pool, evidence)
