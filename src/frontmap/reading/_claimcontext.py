"""What the claim finders (:mod:`~frontmap.reading.claimtext`, :mod:`~frontmap.reading.claimshares`)
know about the article, and the helpers they share: the place named at an offset (an anchor), the
number and qualifier of a match."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import Place
from frontmap.quantities.numbers import DISTANCE_UNITS, QUALIFIERS, QUALIFIERS_AFTER, parse_number, to_km
from frontmap.reading import patterns as P
from frontmap.reading._claims_literals import may_match
from frontmap.reading._directions import named_as_direction
from frontmap.reading.article import Mention
from frontmap.reading.lexicon import (
    DISTANCE_MEASURES,
    NEIGHBOUR_COUNTRIES,
    REGIONAL_CENTRES,
    SETTLEMENT_SIZES,
)
from frontmap.reading.sentences import sentence_span

__all__ = [
    "DESCRIBED_ANCHOR",
    "LINE_GOAL",
    "NEAR",
    "Context",
    "anchor_at",
    "centre_of",
    "distance_unit",
    "far_side",
    "home_country",
    "latest_place",
    "low_end",
    "measure_of",
    "number",
    "qualifier",
    "regional_centre",
    "safe",
    "sentence_bounds",
    "town_called",
]


#: Characters around a claim in which its implied places are looked for: a few lines, so that reading
#: stays linear however long a sentence is.
NEAR = 300


class Context:
    """What the claim finder needs from the rest of the article."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        gz,
        source,
        published,
        home: Place | None,
        events=(),
        lower: bytes | None = None,
    ):
        """``lower``: the text in lower case for :func:`~frontmap.reading._claims_literals.may_match`."""
        self.text = text
        self.lower = lower
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.gz = gz
        self.source = source
        self.published = published
        self.home = home
        self.events = tuple(events)
        self._sentence: tuple[int, int, str] = (-1, -1, "")
        self._found: dict[tuple[re.Pattern[str], int, int], re.Match[str] | None] = {}
        self._located: dict[str, list[int]] | None = None

    def located_starts(self, place_id: str) -> list[int]:
        """Where the text names the place ``place_id`` as a location, in order (not in an upper-case
        dateline, "KHARKIV, Ukraine -"); worked out once per article."""
        if self._located is None:
            self._located = {}
            for m in self.mentions:
                if m.place is not None and m.role == "location" and not m.text.isupper():
                    self._located.setdefault(m.place.id, []).append(m.start)
        return self._located.get(place_id, [])

    def mention_at(self, pos: int) -> Mention | None:
        """The mention starting at ``pos`` (after optional "the ")."""
        i = bisect_left(self.starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            return self.mentions[i]
        return None

    def mentions_between(self, a: int, b: int) -> list[Mention]:
        i = bisect_left(self.starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            out.append(self.mentions[i])
            i += 1
        return out

    def mentions_back(self, a: int, b: int) -> Iterator[Mention]:
        """The mentions starting in ``[a, b)``, last first, one at a time (a caller that stops early
        pays only for what it looks at, not for the whole span)."""
        i = bisect_left(self.starts, b) - 1
        while i >= 0 and self.mentions[i].start >= a:
            yield self.mentions[i]
            i -= 1

    def search(self, pattern: re.Pattern[str], s: int, e: int) -> re.Match[str] | None:
        """``pattern.search(text[s:e])``, done once per sentence however many claims ask."""
        key = (pattern, s, e)
        if key not in self._found:
            self._found[key] = pattern.search(self.text[s:e]) if self.may_match(pattern, (s, e)) else None
        return self._found[key]

    def may_match(self, pattern: re.Pattern[str], *spans: tuple[int, int]) -> bool:
        """Can ``pattern`` match in the ``spans`` of the text, joined by white space?  False when it
        holds none of the words every match has (:func:`~frontmap.reading._claims_literals.may_match`)."""
        return may_match(self.lower, pattern, spans)

    def common(self, start: int, end: int) -> dict:
        s, e = sentence_span(self.text, start)
        if self._sentence[:2] != (s, e):  # claims of one long sentence share its (stripped) text
            self._sentence = (s, e, self.text[s:e].strip())
        return {
            "sentence": self._sentence[2],
            "source": self.source,
            "published": self.published,
        }


def number(m: re.Match) -> float | None:
    """The value of a match's ``num`` group ("a" kilometre is 1, "half" a mile 0.5), None unless positive."""
    written = " ".join(m.group("num").lower().split())
    value = 0.5 if written.startswith("half") else 1.0 if written in ("a", "an") else parse_number(written)
    return value if value is not None and value > 0 else None


def distance_unit(written: str | None) -> str | None:
    """The canonical unit of length written ``written`` ("kilometres", "nautical  miles" -> "nmi"),
    or None."""
    return DISTANCE_UNITS.get(" ".join(written.lower().split())) if written else None


def low_end(m: re.Match, value: float | None, unit: str | None = None) -> float | None:
    """The lower end of a range written before the figure ("28 to 35 km" -> 28), or None; one with a
    unit of length of its own is converted to the figure's ``unit`` ("500 metres to 1 km" -> 0.5)."""
    written = m.group("low")
    low = parse_number(" ".join(written.lower().split())) if written else None
    own = m.group("low_unit")
    if low is not None and own:
        own_unit = distance_unit(own)
        if own_unit is None or unit is None:
            return None
        low = to_km(low, own_unit) / to_km(1, unit)
    return low if low is not None and value is not None and 0 < low < value else None


def measure_of(m: re.Match) -> str:
    """How the ``phrase`` group of a match says a distance was measured ("by road" -> "route", "as the crow
    flies" -> "straight": ``lexicon.DISTANCE_MEASURES``)."""
    return DISTANCE_MEASURES[" ".join(m.group("phrase").lower().split())]


def qualifier(m: re.Match) -> str | None:
    """The canonical qualifier written before a match ("about", "up to") or after it ("or so"), or None."""
    q = " ".join(m.group("qual").lower().split()) if m.group("qual") else None
    return (QUALIFIERS.get(q) or QUALIFIERS_AFTER.get(q)) if q else None


def sentence_bounds(ctx: Context, pos: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence of the article containing ``pos``."""
    return sentence_span(ctx.text, pos)


Anchor = tuple[Place | None, str, int]


def anchor_at(ctx: Context, pos: int) -> Anchor:
    """The place named at ``pos`` (a mention, "the capital", "the border"), its text and end offset:
    the first of :data:`ANCHOR_FINDERS` that finds one, else ``(None, "", pos)``."""
    for finder in ANCHOR_FINDERS:
        found = finder(ctx, pos)
        if found is not None:
            return found
    return None, "", pos


def named_at(ctx: Context, pos: int) -> Mention | None:
    """The mention at ``pos``, after a description there ("the Crimean city of Saky", "the nearest
    Russian town of Grayvoron") or after "the" ("to the Dnipro", "to the Donbas")."""
    text = ctx.text
    described = P.DESCRIBED.match(text, pos)
    found = (ctx.mention_at(described.end()) if described else None) or ctx.mention_at(pos)
    if found is None and text.startswith(("the ", "The "), pos):
        found = ctx.mention_at(pos + 4)
    return found


def across_border(p: Place) -> bool:
    """Is ``p`` what an advance "into" it crosses a border to reach: a region, or a town abroad that
    stands for its region ("deep into Kursk")?"""
    return p.kind == "region" or (p.kind == "settlement" and p.country not in ("UA", ""))


def _named(ctx: Context, pos: int) -> Anchor | None:
    """A mention at ``pos`` (after an optional "the", or an opening quote: 'west of "Donetsk'); "Moscow-held
    Donetsk" is Donetsk; "Ukraine's crucial city, Kurakhove", "Russia's border city of Belgorod", "the
    Donetsk region town of Bakhmut", "the Black Sea port city of Kherson": the town a country's, a region's
    or a sea's name describes."""
    text = ctx.text
    the = re.match(r"(?:the\s+|[\"“‘«'])?", text[pos : pos + 5])
    for p in (pos, pos + (the.end() if the else 0)):
        m = ctx.mention_at(p)
        if m is not None and not P.HELD_BY.match(text, m.end):
            country = (
                m.place is not None and m.place.kind == "country" and text.startswith(("'s ", "’s "), m.end)
            )
            # ... or a sea's: "the Black Sea port city of Kherson"
            wide = m.place is not None and m.place.kind in ("region", "sea")
            if country or (wide and text.startswith(" ", m.end)):
                described = P.DESCRIBED.match(text, m.end + (3 if country else 1))
                town = ctx.mention_at(described.end()) if described else None
                if (
                    town is not None
                    and town.place is not None
                    and town.place.kind in ("settlement", "facility")
                ):
                    return town.place, text[pos : town.end], town.end
            place = m.place
            capital = _CAPITAL_AFTER.match(text, m.end) if place and place.kind == "country" else None
            if place is not None and capital is not None:  # "50 km south of Ukraine's capital": Kyiv
                return safe(ctx.gz.capital, place.country), text[pos : capital.end()], capital.end()
            centre = _CENTRE_AFTER.match(text, m.end) if place and place.kind == "region" else None
            # "east of the Zaporizhzhia oblast centre": the city
            if place is not None and centre is not None and (seat := centre_of(ctx, place)) is not None:
                return seat, text[pos : centre.end()], centre.end()
            return m.place, text[pos : m.end], m.end
    return None


#: After a seat's word: no name of it ("Ukraine's capital city of Kyiv", "the capital, Kyiv" name it).
_NOT_NAMED = r"\b(?!\s*(?:,\s*)?(?:of\s+)?(?-i:[A-Z]))"
#: After a country's name: its capital, not named ("Ukraine's capital", "Russia capital").
_CAPITAL_AFTER = re.compile(r"(?:['’]s)?\s+capital(?:\s+city)?" + _NOT_NAMED)
#: After a region's name: its centre, not named ("the Zaporizhzhia oblast centre", "the Kharkiv region's
#: capital").
_CENTRE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:regional|administrative)\s+)?(?:cent(?:re|er)|capital)" + _NOT_NAMED
)


_OF = re.compile(r"\s+of\s+")
#: What a distance is measured from when it is no place: words after an article or a possessive up to
#: the end of the phrase ("the site of the disaster", "one another", the "combat zone" in quotes,
#: "several areas held by Russian forces"), or capitalised words (a name the gazetteer does not know).
_PHRASE_ENDS = r"and|or|but|in|on|at|where|which|that|who|when|while|as|after|before|to|is|are|was|were"
DESCRIBED_ANCHOR = re.compile(
    r"(?:(?:the|its|their|our|my|his|her|your|one|each|several|many|both)\s+[\"“]?[\w'’-]+(?:\s+(?!(?:"
    + _PHRASE_ENDS
    + r")\b)[\w'’-]+){0,7}[\"”]?"
    # "Kolotilovka", "Kolotilovka village": a name the gazetteer lacks, perhaps with what it is
    r"|(?-i:[A-Z][\w'’-]+)(?:[\s-](?-i:[A-Z][\w'’-]+)){0,3}(?:\s+(?:village|town|city|settlement))?)"
    r"(?=\s*(?:[,.;:)—–\"”]|$)|\s+(?:" + _PHRASE_ENDS + r")\b)",
    re.IGNORECASE,
)
#: A line a distance reaches ("30 km to the border", "10 km to the front line", "5 km to the occupied
#: territories"): measured from it.
LINE_GOAL = re.compile(
    r".*\b(?:border|frontier|" + P.FRONT_LINE + "|" + P.HELD_GROUND + ")",
    re.IGNORECASE | re.DOTALL,
)
_COUNTRY_WORD = "|".join(P.ADJ_COUNTRY)
#: "the Russian border", "the Ukraine-Russia state border" (``adj2``: a border named by both), "Ukraine's
#: (northern) border with Poland", "the boundary with Ukraine" ("boundary" only with a country named:
#: "the boundary of Donetsk Oblast" is no border).
BORDER = re.compile(
    r"(?:(?P<own>" + _COUNTRY_WORD + r")['’]s\s+|the\s+)?(?:(?P<adj>" + _COUNTRY_WORD + r")"
    r"(?:\s*[-–/]\s*(?P<adj2>" + _COUNTRY_WORD + r"))?\s+)?"
    r"(?:" + P.SIDE + r")?(?:state\s+)?"
    r"(?:border|frontier|(?P<boundary>boundary))\b"
    r"(?!\s+(?:city|town|village|cities|towns|villages)\b)"  # "Russia's border city of Belgorod": a town
    r"(?:\s+with\s+(?:the\s+)?(?P<with>" + _COUNTRY_WORD + r")\b)?",
    re.IGNORECASE,
)
#: Ukraine's neighbours other than Russia: "the border" in a sentence naming one of them is with it.
OTHER_NEIGHBOURS = frozenset(NEIGHBOUR_COUNTRIES - {"RU"})


def _capital(ctx: Context, pos: int) -> Anchor | None:
    """ "the capital", "the Russian capital"; "the capital of the Donetsk People's Republic" is the
    region's centre, "the capital of Russia" the country's capital; "the capital, Minsk", "the capital
    Chisinau": the capital named."""
    cap = P.CAPITAL.match(ctx.text, pos)
    if not cap:
        return None
    of = _OF.match(ctx.text, cap.end())
    if of:
        place, _, end = anchor_at(ctx, of.end())
        centre = centre_of(ctx, place) if place is not None else None
        if centre is not None:
            return centre, ctx.text[pos:end], end
    after = _NAME_AFTER.match(ctx.text, cap.end())
    named = ctx.mention_at(after.end()) if after else None
    if named is not None and named.place is not None and _a_capital(ctx, named.place):
        return named.place, ctx.text[pos : named.end], named.end
    code = P.ADJ_COUNTRY.get((cap.group("adj") or "").lower()) or (ctx.home.country if ctx.home else "UA")
    return safe(ctx.gz.capital, code), cap.group(), cap.end()


#: Between "the capital" and the name of the one meant: a comma, or nothing.
_NAME_AFTER = re.compile(r",?\s*")


def _a_capital(ctx: Context, place: Place) -> bool:
    """Is ``place`` the capital of its country or the centre of its region?"""
    if place.kind != "settlement":
        return False
    if place == safe(ctx.gz.capital, place.country):
        return True
    return place.admin1 is not None and _centre_town(ctx, place.admin1) == place


def centre_of(ctx: Context, place: Place) -> Place | None:
    """The capital of a country, or the centre of a Ukrainian region (a sourced table)."""
    if place.kind == "country":
        return safe(ctx.gz.capital, place.country)
    return _centre_town(ctx, place.name) if place.kind == "region" else None


def _the_town(ctx: Context, pos: int) -> Anchor | None:
    """ "the city", "the plant", "the city centre": the place of that kind named last -- of a size the
    word fits (:data:`~frontmap.reading.lexicon.SETTLEMENT_SIZES`: the village of Moshchun is not "the
    city" a sentence about Kyiv goes on to measure from)."""
    town = P.THE_TOWN_ANCHOR.match(ctx.text, pos)
    if not town:
        return None
    last = town_called(ctx, pos, (town.group("what") or "city").lower())
    return (last, town.group(), town.end()) if last is not None else None


def town_called(ctx: Context, pos: int, what: str, exclude: Place | None = None) -> Place | None:
    """The place "the <what>" means at ``pos`` ("the city": the one the text has named most; "the
    village", "the plant": the one named last), other than ``exclude``."""
    find = salient_city if what in SALIENT_NOUNS else latest_place
    return find(ctx, pos, P.THE_KIND[what], exclude=exclude, what=what)


def _part_of(ctx: Context, pos: int) -> Anchor | None:
    """ "the centre of the capital", "the outskirts of Kharkiv": measured from the place itself; "the
    towns of Marhanets and Nikopol": from the first of them."""
    part = P.PART_OF.match(ctx.text, pos) or P.TOWNS_OF.match(ctx.text, pos)
    if not part:
        return None
    place, _, end = anchor_at(ctx, part.end())
    return (place, ctx.text[pos:end], end) if place is not None else None


def _centre(ctx: Context, pos: int) -> Anchor | None:
    """ "the regional centre" with no name after it."""
    centre = P.REGIONAL_CENTRE.match(ctx.text, pos)
    place = regional_centre(ctx, pos) if centre else None
    return (place, centre.group(), centre.end()) if centre and place is not None else None


def _thing(ctx: Context, pos: int) -> Anchor | None:
    """ "within 30 km of the front line": a real anchor that is no gazetteer place ("the river Dnipro"
    is the river)."""
    thing = P.THING.match(ctx.text, pos)
    if not thing:
        return None
    named = ctx.mention_at(thing.end() + 1)
    if named is not None and named.place is not None and named.place.kind in ("river", "facility"):
        return named.place, ctx.text[pos : named.end], named.end
    return None, thing.group(), thing.end()


def _described(ctx: Context, pos: int) -> Anchor | None:
    """A place after describing words: "the destroyed Kakhovka dam", "the Russian-held city Donetsk",
    "the logistics hub of Pokrovsk", "the regional centre, Zaporizhzhia"."""
    for pattern in (P.DESCRIPTORS, P.DESCRIBED):
        words = pattern.match(ctx.text, pos)
        m = ctx.mention_at(words.end()) if words else None
        if m is not None and m.place is not None:
            return m.place, ctx.text[pos : m.end], m.end
    return None


def _ground(ctx: Context, pos: int) -> Anchor | None:
    """ "Romanian territory", "Russian airspace": a country's ground."""
    ground = P.ADJ_TERRITORY.match(ctx.text, pos)
    if not ground:
        return None
    return safe(ctx.gz.country, P.ADJ_COUNTRY[ground.group("adj").lower()]), ground.group(), ground.end()


def _border(ctx: Context, pos: int) -> Anchor | None:
    """ "the Ukrainian border" is Ukraine's edge (seen from Russia); a bare "the border" is the border
    with the one other neighbour the sentence names ("Belarus ... the border"), else with Russia."""
    border = _border_match(ctx.text, pos)
    if not border:
        return None
    named = border.group("with") or border.group("adj")
    code = P.ADJ_COUNTRY.get(named.lower(), "RU") if named else _border_country(ctx, pos)
    return safe(ctx.gz.country, code), border.group(), border.end()


def _border_match(text: str, pos: int) -> re.Match | None:
    """:data:`BORDER` at ``pos``, a "boundary" only with a country named."""
    border = BORDER.match(text, pos)
    if border and border.group("boundary") and not (border.group("adj") or border.group("with")):
        return None
    return border


def far_side(ctx: Context, fields: dict[str, Any]) -> None:
    """ "Kursk is 100 km from the Russian-Ukrainian border": a distance to a border is a distance to
    the country across it, the one the subject is not in: the other country named ("Russian-Ukrainian"),
    else Ukraine, or Russia for a place in Ukraine ("Kursk, 100 km from the Russian border")."""
    anchor, subject = fields.get("anchor"), fields.get("subject")
    border = BORDER.fullmatch(fields.get("anchor_text") or "")
    if border is None or anchor is None or subject is None or subject.country != anchor.country:
        return
    code = P.ADJ_COUNTRY[border.group("adj2").lower()] if border.group("adj2") else None
    if code is None or code == subject.country:
        code = "RU" if subject.country == "UA" else "UA"
    fields["anchor"] = safe(ctx.gz.country, code) or anchor


def _two_sided(ctx: Context, pos: int) -> Anchor | None:
    """ "the Ukraine-Russia border", "the Ukraine border", "Ukraine's border with Poland": a border named by
    a country, before the country's name is read as the anchor."""
    border = _border_match(ctx.text, pos)
    named = border and (border.group("adj") or border.group("own") or border.group("with"))
    return _border(ctx, pos) if named else None


#: How an anchor is named, tried in this order.
ANCHOR_FINDERS = (
    _two_sided,
    _named,
    _capital,
    _the_town,
    _part_of,
    _centre,
    _thing,
    _described,
    _ground,
    _border,
)


def fits(p: Place, what: str) -> bool:
    """Whether ``p``'s population fits the noun a text calls it by ("the village", "the city":
    :data:`~frontmap.reading.lexicon.SETTLEMENT_SIZES`); any other noun fits any size."""
    low, high = SETTLEMENT_SIZES.get(what.lower(), (0.0, math.inf))
    return low <= p.population <= high


def latest_place(
    ctx: Context, pos: int, kind: str, exclude: Place | None = None, what: str = ""
) -> Place | None:
    """The place of ``kind`` named last before ``pos`` (within a few sentences) as a location (not
    "Moscow's forces", a capital speaking for its state; not a region named as a border or a direction,
    "close to the border with the X region"), other than ``exclude``, and of a size the noun ``what``
    fits (:func:`fits`)."""
    return next(places_back(ctx, pos, kind, exclude, what), None)


def places_back(
    ctx: Context, pos: int, kind: str, exclude: Place | None = None, what: str = ""
) -> Iterator[Place]:
    """The places :func:`latest_place` could return, last named first, each once; a facility may have
    been named further back ("the plant" of a report on one plant, named in its first sentence)."""
    seen: set[str] = set()
    for m in ctx.mentions_back(max(0, pos - (5 if kind == "facility" else 2) * NEAR), pos):
        p = m.place
        if p is None or p.kind != kind or p == exclude or m.role != "location" or not fits(p, what):
            continue
        if p.id not in seen and (kind != "region" or not named_as_direction(ctx.text, m.start, m.end)):
            seen.add(p.id)
            yield p


#: The nouns that name the article's main town rather than the last one named: "the city" (a report on
#: Kharkiv that mentions Belgorod once still measures "34 km south of the city" from Kharkiv).
SALIENT_NOUNS = frozenset({"city"})


def salient_city(
    ctx: Context, pos: int, kind: str, exclude: Place | None = None, what: str = ""
) -> Place | None:
    """Of the places :func:`latest_place` could return (named within a few sentences before ``pos``),
    the one the text has named most often so far as a location (a dateline says where the reporter
    was, not what the story is about), the largest among equals ("the city" is rarely the town beside
    it), then the last named."""
    seen = list(places_back(ctx, pos, kind, exclude, what))
    if len(seen) < 2:
        return seen[0] if seen else None
    times = {p: bisect_left(ctx.located_starts(p.id), pos) for p in seen}
    return max(seen, key=lambda p: (times[p], p.population, -seen.index(p)))


def regional_centre(ctx: Context, pos: int) -> Place | None:
    """ "the regional centre": the centre of the region named last before ``pos``, else of the region
    of the town named last."""
    region = latest_place(ctx, pos, "region")
    name = region.name if region is not None else None
    if name is None:
        town = latest_place(ctx, pos, "settlement")
        name = town.admin1 if town is not None else None
    return _centre_town(ctx, name) if name is not None else None


def _centre_town(ctx: Context, region: str) -> Place | None:
    """The town that is the centre of the region named ``region`` (a sourced table), if known."""
    centre = REGIONAL_CENTRES.get(region.lower())
    if centre is None:
        return None
    towns = [p for p in ctx.gz.lookup(normalize(centre)) if p.kind == "settlement"]
    return next((p for p in towns if p.admin1 == region), towns[0] if towns else None)


def _border_country(ctx: Context, pos: int) -> str:
    """The country across "the border" at ``pos``: the one neighbour of Ukraine other than Russia that
    the sentence names, else Russia."""
    s, e = sentence_bounds(ctx, pos)
    named = {
        m.place.country for m in ctx.mentions_between(max(s, pos - NEAR), min(e, pos + NEAR))
        if m.place is not None and m.place.kind == "country" and m.place.country in OTHER_NEIGHBOURS
    }  # fmt: skip
    return named.pop() if len(named) == 1 else "RU"


def home_country(mentions: list[Mention], gz) -> Place | None:
    """The country "the country" means: Ukraine, unless the text names places of one other country
    only (Russia, the usual actor, does not count: "Russia controls a fifth of the country")."""
    codes: set[str] = set()
    named: set[str] = set()
    for p in (m.place for m in mentions):
        if p is not None and p.country:
            codes.add(p.country)
            if p.kind == "country":
                named.add(p.country)
    others = (codes & named) - {"UA", "RU"}
    code = "UA" if "UA" in codes or len(others) != 1 else others.pop()
    return safe(gz.country, code)


def safe(fn, *args):
    """``fn(*args)``, or None if it raises (an unknown country or capital code)."""
    try:
        return fn(*args)
    except Exception:
        return None
