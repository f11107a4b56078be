"""Finding spatial claims in text (used by :func:`frontmap.read`).

One compiled pattern finds every "number + unit" and every share ("5%", "a fifth"); what follows and
precedes it, within the sentence, decides what it is:

- distance: a length unit with a direction and/or an anchor ("74 km (46 miles) southeast of Kharkiv",
  "up to 21 miles east of the capital", "within 30 km of the border").  A bare length ("a 300 km range",
  "at 40 km/h") is not a location statement and is skipped.
- area: an area unit ("6,000 square kilometres"), or the common slip of a length unit after "area of"
  ("a land area of about 600,000 km").
- share: a percentage or fraction "of" a territory (the country, Ukraine, its territory, a region);
  shares of people or things ("80% of the population") are not territorial and are skipped
  (:mod:`~frontmap.reading.claimshares`).
- comparison: "equal to / the size of / larger than" named places, linked to the area claim it sizes
  (:mod:`~frontmap.reading._claims_comparisons`).

The patterns are in :mod:`~frontmap.reading.patterns`; what the finders know about the article (its
mentions, the place named at an offset) in :mod:`~frontmap.reading._claimcontext`.  All patterns are
linear (no nested unbounded repetition) and look at most a few hundred characters around each number,
so reading stays linear in the length of the text.

Reading is fast because the patterns are tried only where they can match: at the figures before a
unit or a percent sign and at the words of fractions and comparisons, found by fixed-string scans
(:mod:`~frontmap.reading._scan`); and a pattern searched around a figure is searched only when the
word before the figure (:mod:`~frontmap.reading._claims_before`), or a word every match holds
(:mod:`~frontmap.reading._claims_literals`), is there.  Each shortcut gives exactly what the plain
search gives.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from dataclasses import replace
from typing import Any

from frontmap.errors import InputError
from frontmap.gazetteer.place import Place
from frontmap.quantities.numbers import (
    AREA_UNITS,
    DISTANCE_UNITS,
    EARTH_CIRCUMFERENCE_KM,
    EARTH_SURFACE_KM2,
    parse_number,
    to_km,
    to_km2,
)
from frontmap.quantities.tolerance import direction_bearing, direction_key
from frontmap.reading import _scan
from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import (
    DESCRIBED_ANCHOR,
    LINE_GOAL,
    NEAR,
    Context,
    across_border,
    anchor_at,
    distance_unit,
    far_side,
    home_country,
    low_end,
    measure_of,
    named_at,
    number,
    qualifier,
    safe,
    sentence_bounds,
    town_called,
)
from frontmap.reading._claims_before import (
    BACK_AFTER,
    DEEP,
    PUSHED_BEFORE,
    a_reach,
    area_slip,
    dimension,
    distance_said,
    travelled,
    zone_before,
)
from frontmap.reading._claims_comparisons import comparison_claim
from frontmap.reading._claims_ends import ends_about, ends_after, implied_anchor
from frontmap.reading._claims_found import Widened, low_of_next, trimmed_end
from frontmap.reading._claims_subject import (
    POINT_KINDS,
    area_subject,
    capital_meant,
    last_point,
    line_subject_text,
    only_town,
    radius_anchor,
    reached_after,
    region_of_change,
    subject_before,
    topic,
)
from frontmap.reading.article import Mention
from frontmap.reading.claimlinks import (
    IMPLIED_BEFORE,
    IMPLIED_START,
    IMPLIED_TOPIC,
    explain,
    link_comparisons,
    linked,
    measured_again,
    said_again,
)
from frontmap.reading.claims import AreaClaim, Claim, Converted, DistanceClaim
from frontmap.reading.claimshares import find_shares

__all__ = ["find_claims"]

_NEXT_MARK = re.compile(r"\s*(\S)")  # the first character after white space
_ABBREVIATION_DOT = re.compile(r"(?<=[A-Za-z])\.(?=\s*[(\[])")  # "km. (" but not "km (" nor "km. It"
#: What closes each mark that opens a conversion ("(46 miles)", "—roughly 16 miles—").
_CLOSES = {"(": ")", "[": "]", "—": "—", "–": "–"}


def find_claims(
    text: str, mentions: list[Mention], gz, source=None, published=None, events=()
) -> list[Claim]:
    """The spatial claims of ``text`` (see the module docstring), ordered by position.

    ``events`` are the article's control events ("retook Izium"): an area said to be regained or
    captured lists the places the same article says changed hands that way.
    """
    home = home_country(mentions, gz)
    scan = _scan.Scan(text)
    ctx = Context(text, mentions, gz, source, published, home, events, scan.lower)
    claims: list[Claim] = []
    taken_until = -1  # matches inside an earlier claim ("(46 miles)") are part of it
    c: Claim | None
    quantities = list(scan.quantities())
    for i, q in enumerate(quantities):
        if q.start() < taken_until:  # (widening moves a start back, never forward)
            continue
        m: Any = Widened(text, q)  # read like a match
        if m.start() < taken_until or low_of_next(text, q, quantities[i + 1 : i + 2]):
            continue
        value = number(m)
        converted, figure_end = _conversion(text, m.end(), _unit_of(m))
        area = bool(m.group("area")) or area_slip(text, m, value)
        if _beyond_earth(m, value, area):  # "50,000 km (31,069 miles)": neither figure is read
            taken_until = max(taken_until, figure_end)
            continue
        c = (_area if area else _distance)(ctx, m, value, converted, figure_end)
        if c is None and not area:  # "about 66 km (75 km by road, ...)": the one before, measured so
            c = measured_again(text, claims[-1] if claims else None, m, value)
        if c is not None:
            claims.append(c)
            # numbers inside this claim's own figure or conversion belong to it ("74 km (46 miles)")
            taken_until = max(taken_until, figure_end)
    shares = find_shares(ctx, scan)
    claims.extend(shares)
    claims.sort(key=lambda c: c.start)
    claims = linked(ctx, claims)
    first_area = min((c.start for c in claims if isinstance(c, AreaClaim)), default=None)
    comparisons = [comparison_claim(ctx, m, first_area) for m in scan.comparisons()]
    claims.extend(c for c in comparisons if c is not None)
    claims.sort(key=lambda c: c.start)
    return explain(link_comparisons(claims))


def _unit_of(m: re.Match) -> str | None:
    """The canonical unit of a match with an ``area`` or a ``dist`` group."""
    if m.group("area"):
        return _area_unit(m.group("area"))
    return distance_unit(m.group("dist"))


def _conversion(text: str, pos: int, written_unit: str | None) -> tuple[Converted | None, int]:
    """The conversion after a figure: "(46 miles)", "—16 miles—", or ", or 25 miles," in another unit."""
    # "8 462 sq. km. (3 267 sq. mi.)": the unit's own dot
    opens = pos + 1 if _ABBREVIATION_DOT.match(text, pos) else pos
    first = _NEXT_MARK.match(text, opens)  # a conversion opens with a bracket, a comma or "or"
    mark = first.group(1) if first else ""
    c = P.CONVERSION.match(text, opens) if mark in _CLOSES else None
    if c is not None and c.group()[-1] != _CLOSES[mark]:
        c = None  # "(9 miles—" is no pair
    c = c or (P.OR_CONVERSION.match(text, pos) if mark in (",", "o", "/") else None)
    # "[3267, 1 mi²]": a converter's decimal comma with a space after it
    value = parse_number(re.sub(r",\s+(?=\d{1,2}$)", ",", re.sub(r"\s+", " ", c.group("num")))) if c else None
    unit = _unit_of(c) if c else None
    if c is None or value is None or unit is None or (c.re is P.OR_CONVERSION and unit == written_unit):
        return None, pos  # "80 or 60 km" are two figures, not a conversion
    return Converted(value, unit, c.group("num")), c.end()


def _area_unit(s: str) -> str | None:
    key = " ".join(s.lower().replace(".", " ").replace("-", " ").split())  # "square-kilometer"
    return AREA_UNITS.get(key) or AREA_UNITS.get(key.replace(" ", ""))


def _beyond_earth(m: re.Match, value: float | None, area: bool) -> bool:
    """Whether a figure (of ``value``) is impossible on Earth: a distance longer than the equator, an
    area larger than the planet's surface ("1.5 million km²" is fine)."""
    if value is None:
        return False
    if area:
        unit = _area_unit(m.group("area")) if m.group("area") else "km2"
        return unit is not None and to_km2(value, unit) > EARTH_SURFACE_KM2
    unit = DISTANCE_UNITS.get(m.group("dist").lower())
    return unit is not None and to_km(value, unit) > EARTH_CIRCUMFERENCE_KM


def _distance(
    ctx: Context, m: re.Match, value: float | None, converted: Converted | None, pos: int
) -> DistanceClaim | None:
    """``value``: the figure's; ``converted`` and ``pos``: the parenthetical conversion after the figure,
    and where it ends."""
    text = ctx.text
    unit = DISTANCE_UNITS.get(m.group("dist").lower())
    figure = _figure(ctx, m, value, converted, pos)
    if figure is None or unit is None:
        return None
    value, pos, travel, measure = figure
    start = m.start()

    def claim(end: int, **fields) -> DistanceClaim:
        end = trimmed_end(text, start, end)  # "664 km (413 miles), the ministry said"
        if "subject" not in fields:
            fields.update(
                _subject_and_anchor(ctx, start, end, fields.get("anchor"), fields.get("anchor_text", ""))
            )
        if fields["subject"] is None and not fields.get("subject_text"):
            fields["subject_text"] = line_subject_text(ctx, start)  # "The front line lies 7 km from Orikhiv"
        far_side(ctx, fields)
        capital_meant(ctx, fields, to_km(value, unit), start)  # "70 km east of the capital": whose?
        return DistanceClaim(
            text[start:end], start, end, value=value, unit=unit, km=to_km(value, unit),
            value_text=m.group("num"), qualifier=qualifier(m), converted=converted,
            low=low_end(m, value, unit), measure=fields.pop("measure", measure), **fields,
            **ctx.common(start, end),
        )  # fmt: skip

    if (radius := radius_anchor(ctx, start, pos)) is not None:  # "within a radius of 5 km of the plant"
        return claim(radius[2], anchor=radius[0], anchor_text=radius[1])
    zone = P.ZONE.match(text, pos)
    if zone:  # "the 1.5 km zone around the plant": a radius around the place
        anchor, anchor_text, end = anchor_at(ctx, zone.end()) if zone.group("of") else (None, "", 0)
        if anchor is not None or anchor_text:
            return claim(end, anchor=anchor, anchor_text=anchor_text)
        # "a 10-km-deep buffer zone in the area": the zone's depth, from a line the text leaves unnamed
        return claim(zone.end("noun"), anchor=None, anchor_text="", subject=None)
    d = P.DIRECTION.match(text, pos)
    if d is None:
        between = ends_about(ctx, start)
        if between is not None:  # "the distance from the front line to Kramatorsk is roughly 14 km"
            return claim(pos, **between)
        return _undirected(ctx, claim, start, pos, travel)
    try:
        direction = _direction(d)
    except InputError:
        return None
    fields = {"direction": direction, "bearing_deg": direction_bearing(direction)}
    if converted is None and d.group("conv"):  # "18 kilometers south (11 miles) of Pokrovsk"
        converted = _conversion(text, d.start("conv"), unit)[0]
    return _directed(ctx, claim, start, d, travel, fields)


#: "as the crow flies from", ", by road, from": how a distance is measured, between its direction and
#: the place it is measured from.
_MEASURED_FROM = re.compile(P.MEASURE.pattern + r"\s*(?:of|from)\s+", re.IGNORECASE)


def _directed(ctx: Context, claim, start: int, d: re.Match, travel: bool, fields: dict) -> DistanceClaim:
    """A distance with its direction (``d``): from the place named after "of"/"from", else as
    :func:`_direction_ends` says."""
    text = ctx.text
    of = d.end()
    if d.group("end") is not None:  # "... some 20 km to the south."
        measured = _MEASURED_FROM.match(text, d.end("dir"))
        if measured is None:
            return _direction_ends(ctx, claim, start, d, travel, fields)
        # "80 km east as the crow flies from the plant": how it is measured, then the place
        of, fields["measure"] = measured.end(), measure_of(measured)
    anchor, anchor_text, end = anchor_at(ctx, of)
    if anchor is None and not anchor_text:
        it = _OF_IT.match(text, of)
        if it:  # "Khreshchenivka is some 10 km west of it."
            return _it_anchor(ctx, claim(it.end(), **fields), it.group())
        described = DESCRIBED_ANCHOR.match(text, of)  # "3 km northwest of the reactors"
        end, anchor_text = (described.end(), described.group()) if described else (d.end("dir"), "")
    return claim(end, anchor=anchor, anchor_text=anchor_text, **fields)


def _direction(d: re.Match) -> str:
    """The direction key of a :data:`~frontmap.reading.patterns.DIRECTION` match: of both directions said
    together ("north and northeast"), or of the first when they are no neighbours ("north and south")."""
    if d.group("dir2"):
        with contextlib.suppress(InputError):
            return direction_key(f"{d.group('dir')} and {d.group('dir2')}")
    return direction_key(d.group("dir"))


def _direction_ends(
    ctx: Context, claim, start: int, d: re.Match, travel: bool, fields: dict
) -> DistanceClaim:
    """A distance whose direction ends the phrase ("... some 20 km to the south."): about the town
    after a verb ("20 km to the north is Kurakhove"), or the town a journey reaches ("drove 200 km
    northwest to Zaporizhzhia"), else measured from the place named before its subject."""
    text = ctx.text
    inverted = _named_after_verb(ctx, claim, d.end("dir"), **fields)  # "20 km to the north is Kurakhove"
    if inverted is not None:
        return inverted
    to = P.TO_PLACE.match(text, d.end("dir")) if travel else None
    goal = ctx.mention_at(to.end()) if to else None
    if goal is not None and goal.place is not None and goal.place.kind in POINT_KINDS:
        # "... to Berdiansk, before driving 200 km northwest to Zaporizhzhia": the town reached lies
        # that way from where the journey began, the place named last before the figure
        began = last_point(ctx, max(sentence_bounds(ctx, start)[0], start - NEAR), start, exclude=goal.place)
        if began is not None:
            fields.update(anchor=began, anchor_text="", note=IMPLIED_START)
        return claim(goal.end, subject=goal.place, **fields)
    return implied_anchor(ctx, claim(d.end("dir"), **fields))


#: A sentence that opens on "it" ("It is ...", "Now it is ...").
_IT_FIRST = re.compile(r"\s*(?:\w+\s+)?it\s+(?:is|was)\b", re.IGNORECASE)
#: "10 km west of it": a place named before (not "of it's", "of its").
_OF_IT = re.compile(r"it\b(?!['’])", re.IGNORECASE)


def _it_anchor(ctx: Context, c: DistanceClaim, it: str) -> DistanceClaim:
    """ "Troops took A and pushed 10 km west of it": the place the sentence named last before the
    distance, other than its subject; with none, "B is some 10 km west of it": the town the sentence
    before is about.  A sentence that opens on "it" ("It is 10 km to B", "Now it is a key point ... -
    20 km to the north is B") is about that town too, whatever it names after "it"."""
    s, _ = sentence_bounds(ctx, c.start)
    named = (
        []
        if _IT_FIRST.match(ctx.text, s)
        else [
            m.place
            for m in ctx.mentions_between(s, c.start)
            if m.role == "location" and m.place is not None and m.place.kind in POINT_KINDS
        ]
    )
    before = [p for p in named if p != c.subject]
    about = before[-1] if before else topic(ctx, s, c.subject)
    if about is None or about == c.subject:
        return c
    return replace(c, anchor=about, anchor_text=it, note=IMPLIED_TOPIC if not before else IMPLIED_BEFORE)


def _figure(
    ctx: Context, m: re.Match, value: float | None, converted: Converted | None, pos: int
) -> tuple[float, int, bool, str | None] | None:
    """A distance figure's value, where the words after it start, whether a verb of travel comes before
    it, and how it is measured ("route" for "by road"); None when the figure is no location ("a range
    of 300 km", "40 km/h", "5 km long")."""
    text = ctx.text
    if value is None:
        return None
    start, lo = m.start(), max(0, m.start() - 40)
    if dimension(text, start):  # "690 metres by 682 metres": a size
        return None
    travel = travelled(text, start)
    if a_reach(text, lo, start, pos) and not travel:
        return None  # "a range of 300 km"; not "advanced to a depth of 7 km"
    half = P.AND_A_HALF.match(text, pos)
    if half and m.group("num").strip().lower() in ("a", "an", "one"):  # "a kilometre and a half"
        value, pos = value + 0.5, half.end()
    if converted is not None and text.startswith(",", pos):  # "40 km, or 25 miles, east of Kharkiv"
        pos += 1
    back = None if travel else BACK_AFTER.match(text, pos)
    if back and PUSHED_BEFORE.search(text, max(0, start - 70), start):  # "pushed Ukraine 9 km back"
        travel, pos = True, back.end()
    if P.ZONE.match(text, pos):  # "a 10-km-deep buffer zone", "a 15-km radius": a zone's depth
        return value, pos, travel, None
    deep = DEEP.match(text, pos)
    if deep and not travel and not P.INTO_NAMED.match(text, deep.end()):
        # "the incursion was about 12 km deep": an advance's depth, read as one travelled; "a buffer zone
        # 15 km deep": a zone's; "a trench 2 m deep" is a size
        travel = P.ADVANCE_NOUN.search(text, lo, start) is not None
        deep = deep if travel or zone_before(text, start) else None
    if deep:  # "advanced 1.5 km deep near Robotyne": the depth of an advance
        pos = deep.end()
    measure = P.MEASURE.match(text, pos)  # "about 60 km as the crow flies from", "1,600 km by road"
    if measure and P.FIGURE_NEXT.match(text, measure.end()):  # "664 km, by road 584 km": the next one's
        measure = None
    if measure:
        pos = measure.end()
    if P.NOT_LOCATION.match(text, pos):
        return None
    paired = None if deep or measure else P.PAIRED.match(text, pos)  # "12 km deep and 40 km wide": a width
    if paired:  # "about 80 km and 60 km from the city": both share what follows
        pos = paired.end()
    said = measure or P.MEASURE_BEFORE.search(text, lo, start)  # or before it: "by train is 664 km"
    how = measure_of(said) if said else None
    return value, pos, travel, how


def _undirected(ctx: Context, claim, start: int, pos: int, travel: bool) -> DistanceClaim | None:
    """A distance with no compass direction after it: along a river, into a country, from or of a
    place, away, or travelled.  ``claim(end, **fields)`` makes the record."""
    text = ctx.text
    stream = P.STREAM.match(text, pos)
    if stream and not stream.group("of"):
        # "Kherson, 70 km downstream": a distance along the river, no compass direction.
        return claim(stream.end("dir"))
    into = None if stream else P.INTO.match(text, pos)
    if into:
        # "up to 10 km into Ukrainian territory": measured from the border of that country.
        if into.group("held"):  # "into Russian-held territory": measured from the front line
            return claim(into.end(), anchor_text=into.group("what"))
        adj = (into.group("adj") or into.group("adj2")).lower()
        code = P.ADJ_COUNTRY.get(adj, "UA")
        return claim(into.end(), anchor=safe(ctx.gz.country, code), anchor_text=into.group("what"))
    ends = None if stream else ends_after(ctx, pos, start)
    if ends is not None:  # "some 7 km to go to reach X", "90 km separate Urozhaine from the Sea of Azov"
        return claim(ends.pop("end"), **ends)
    into_named = None if stream else P.INTO_NAMED.match(text, pos)
    named = ctx.mention_at(into_named.end()) if into_named else None
    if into_named and named is not None and named.place is not None and across_border(named.place):
        # "up to 10 km deep into Kursk": measured from the border of the country the region is in
        country = safe(ctx.gz.country, named.place.country)
        return claim(named.end, anchor=country, anchor_text=text[into_named.start("what") : named.end])
    away = stream or P.AWAY.match(text, pos)
    if away:
        anchor, anchor_text, end = anchor_at(ctx, away.end())
        if anchor is None and not anchor_text:
            if P.IT_ANCHOR.match(text, away.end()):  # "now 10 km from it": the place named before
                c = _it_anchor(ctx, claim(away.end() + 2), "it")
                return c if c.anchor else replace(c, anchor=c.subject, anchor_text="it", subject=None)
            # "500 km from the site of the 1986 disaster", "5 km from Novoselivka Persha": from what the
            # words describe or name, which is no place of the gazetteer
            described = None if stream else DESCRIBED_ANCHOR.match(text, away.end())
            if described is None:
                return None
            end, anchor_text = described.end(), described.group()
        reached = reached_after(ctx, end, anchor) if away.group().strip() == "from" else None
        if reached is not None:  # "It is only 12 km from Nikopol to the Zaporizhzhia plant": B, from A
            return claim(reached[1], anchor=anchor, anchor_text=anchor_text, subject=reached[0])
        return claim(end, anchor=anchor, anchor_text=anchor_text)
    bare = P.AWAY_END.match(text, pos)
    distance = not bare and not travel and distance_said(text, start)
    if bare or distance:  # "B, five miles away", "B (a distance of 5 km)": from the place named before B;
        # "At a distance of 2 km is the village of B": about the town after the verb
        inverted = _named_after_verb(ctx, claim, pos) if distance else None
        return inverted or implied_anchor(ctx, claim(bare.end() if bare else pos))
    to = None if travel else P.TO_PLACE.match(text, pos)
    said = to is not None and P.IT_IS_BEFORE.search(text, max(0, start - 30), start)
    goal = named_at(ctx, to.end()) if to is not None and said else None
    if goal is not None and goal.place is not None and goal.place.kind in POINT_KINDS:
        # "From Chasiv Yar it is about 10 km to Kostiantynivka, 25 km to Kramatorsk", "A is 81 km by road
        # to the nearest Russian town of B": to the town named
        return _it_anchor(ctx, claim(goal.end, subject=goal.place), "")
    line = anchor_at(ctx, to.end()) if to else None
    if line is not None and LINE_GOAL.fullmatch(line[1]):
        # "only 30 km to the border", "10 km to the front line": measured from the line reached
        return claim(line[2], anchor=line[0], anchor_text=line[1])
    if travel:  # "To reach Nikopol, drones cover less than 5 km": the one town of the sentence is the goal
        return claim(pos, subject=_subject(ctx, start, None, pos) or only_town(ctx, start))
    # "..., but at the start of the year this distance was 38 km": the ends of the one before (linked); "a
    # buffer zone of at least 60 km": its depth, from a line left unnamed
    return (
        claim(pos, anchor=None, subject=None) if said_again(ctx, start) or zone_before(text, start) else None
    )


def _named_after_verb(ctx: Context, claim, pos: int, **fields: Any) -> DistanceClaim | None:
    """ "20 km to the north is Kurakhove", "At a distance of 2 km is the village of B": about the town after
    the verb at ``pos``, from the one the text is about; None when no town follows."""
    inverted = P.SUBJECT_INVERTED.match(ctx.text, pos)
    after = ctx.mention_at(inverted.end()) if inverted else None
    if after is None or after.place is None or after.place.kind not in POINT_KINDS:
        return None
    return _it_anchor(ctx, claim(pos, subject=after.place, **fields), "")


def _subject_and_anchor(ctx: Context, start: int, end: int, anchor: Place | None, anchor_text: str) -> dict:
    """The subject of a distance; when the anchor is "the city" and the subject is the town named last
    ("Lyman, a rail hub 30 km northeast of the city"), the city is another; "the centre" is the town's."""
    town = P.THE_TOWN_ANCHOR.fullmatch(anchor_text) if anchor is not None else None
    if town is None or town.group("centre"):  # "X, 3.5 km from the center": a place by the town's centre
        return {"subject": _subject(ctx, start, anchor, end)}
    subject = _subject(ctx, start, None, end)
    if subject == anchor and anchor is not None:
        # another: "to Zaporizhzhia, 200 km northwest of the besieged city" (Mariupol, named as often)
        anchor = town_called(ctx, start, (town.group("what") or "city").lower(), exclude=subject)
    return {"subject": subject if subject != anchor else None, "anchor": anchor}


#: "... a small city 70 miles northeast of Kherson, Vysokopillya.": a town described before a distance and
#: named after it (the description, then the comma before the name).
_NOUN_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:city|town|village|settlement)\s+(?:of\s+)?$")
_NAMED_AFTER = re.compile(r"\s*,\s*(?=[A-Z][\w'’-]*\s*[.;]|[A-Z][\w'’-]*\s*$)")
#: "Ten km north of Kherson (the regional capital) lies the village of X": the subject after the anchor.
_INVERTED = re.compile(r"(?:\s*\([^()]{0,120}\))?" + P.SUBJECT_INVERTED.pattern)


def _subject(ctx: Context, start: int, anchor: Place | None, end: int) -> Place | None:
    """The place a distance statement is about (see :func:`subject_before`), else the place the phrase is
    near ("60 km north of Donetsk near Bakhmut") or in ("... in the town of Zatoka"; when it opens its
    sentence, any place: "About 150 km south of Lutsk, in Lviv, ...", or the town after a verb: "lies X")."""
    found = subject_before(ctx, start, anchor)
    if found is None and end > start:
        opens = P.QUAL_OPENING.fullmatch(ctx.text, sentence_bounds(ctx, start)[0], start)
        near = (
            (opens and (P.IN_AFTER.match(ctx.text, end) or _INVERTED.match(ctx.text, end)))
            or P.NEAR_AFTER.match(ctx.text, end)
            or P.IN_TOWN_AFTER.match(ctx.text, end)  # "... in the coastal town of Zatoka"
        )
        if near is None and _NOUN_BEFORE.search(ctx.text, max(0, start - 40), start):
            near = _NAMED_AFTER.match(
                ctx.text, end
            )  # "a small city 70 miles northeast of Kherson, Vysokopillya"
        m = ctx.mention_at(near.end()) if near else None
        if m is not None and m.place is not None and m.place.kind in POINT_KINDS and m.place != anchor:
            return m.place
    return found


def _area(
    ctx: Context, m: re.Match, value: float | None, converted: Converted | None, end: int
) -> AreaClaim | None:
    """``value``: the figure's; ``converted`` and ``end``: the parenthetical conversion after the figure,
    and where it ends."""
    text = ctx.text
    if value is None:
        return None
    unit = _area_unit(m.group("area")) if m.group("area") else "km2"
    if unit is None:
        return None
    start = m.start()
    s, e = sentence_bounds(ctx, start)
    spans = (max(s, start - P.WINDOW), start), (end, min(e, end + 80))
    before, after = P.size_clause(text[spans[0][0] : start]), text[end : spans[1][1]]
    clause = before + " " + after
    change = None
    lost = P.LOST.search(clause) if ctx.may_match(P.LOST, *spans) else None
    if lost:
        russian = re.match(r"russia|moscow|the\s+russians", lost.group("who"), re.IGNORECASE)
        change = "regained" if russian else "captured"
    elif ctx.may_match(P.REGAINED, *spans) and P.REGAINED.search(clause):
        change = "regained"
    elif ctx.may_match(P.HELD, (start - len(before[-80:]), start)) and P.HELD.search(before[-80:]):
        change = "held"
    elif ctx.may_match(P.CAPTURED, *spans) and P.CAPTURED.search(clause):
        change = "captured"
    subject = area_subject(ctx, start, before, text[end : end + 40], change)
    since = _since(ctx, s, e)
    places: tuple[Place, ...] = ()
    if subject is None and change in ("regained", "captured"):
        region = region_of_change(ctx, s, start, end, e)
        if region is not None:
            places = (region,)
        else:
            side = "ukraine" if change == "regained" else "russia"
            changed = [ev.place for ev in ctx.events if ev.side == side and ev.place.kind in P.CHANGED_KINDS]
            places = tuple({p.id: p for p in changed}.values())
    return AreaClaim(
        text[start:end],
        start,
        end,
        value=value,
        unit=unit,
        km2=to_km2(value, unit),
        value_text=m.group("num"),
        qualifier=qualifier(m),
        low=low_end(m, value),
        subject=subject,
        converted=converted,
        change=change if subject is None else None,
        places=places,
        since=since,
        **ctx.common(start, end),
    )


def _since(ctx: Context, s: int, e: int) -> _dt.date | None:
    m = ctx.search(P.SINCE, s, e)
    if not m or ctx.published is None:
        return None
    month = P.MONTHS.index(m.group("month").lower()[:3]) + 1
    year = ctx.published.year if month <= ctx.published.month else ctx.published.year - 1
    day = int(m.group("day")) if m.group("day") else 1
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None
