"""Shares of territory in text: "Russia controls about 18% of Ukraine", "a fifth of the country".

A share (a percentage or a fraction, found by :data:`frontmap.reading.patterns.SHARE`) is a claim when
what it is a share *of* is ground:

- a named country or region ("18% of Ukraine", "a third of the Kherson region"), or a town named before
  "the city" when the clause says who holds or took it ("Russian forces control 80% of the city");
- words for the country the text is about ("its territory", "the country", "the entire territory"), or
  for a region named earlier ("half of the region").

A percentage with no "of" after it is a share when it names one again ("that figure was 19%", "compared
with 7%"), when a state of a town's ground follows it ("Oleshky is 80% flooded"), or when it is a region's
figure in a list said to be of occupation ("Donetsk — 78.1%, Luhansk — 99.6%").  What the ground is said
to be ("destroyed", "flooded": ``data/ground_states.json``) is the claim's ``change``; only control is
checked against control maps.

Shares of people or things ("80% of the population", "a third of the country's energy
infrastructure", "17% of Russia's refining capacity") are not territorial and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import Place
from frontmap.quantities.numbers import parse_fraction
from frontmap.reading import _scan
from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import Context, anchor_at, qualifier, safe, sentence_bounds
from frontmap.reading._claims_found import Widened
from frontmap.reading._claims_subject import subject_before
from frontmap.reading._shares_held import (
    SHARE_JOIN,
    figure_share,
    fractions_held,
    held_elided,
    last_ground,
    whose,
)
from frontmap.reading._shares_parts import part_share
from frontmap.reading.article import Mention
from frontmap.reading.claims import ShareClaim
from frontmap.reading.lexicon import COUNTRY_NOUNS, GROUND_STATES, MONTHS, TOWN_NOUNS, phrases

__all__ = [
    "find_shares",
    "region_figure",
    "share_again",
    "share_also",
    "share_claim",
    "state_share",
    "whole_share",
]

#: "Donetsk — 78.1%", "Luhansk: 99.6%": a region's figure in a list, set off by a dash or a colon ...
_REGION_FIGURE = re.compile(r"\s*[—–:]\s*$")
#: ... in a list that says the figures are of occupation or control.
_OCCUPATION_WORDS = re.compile(r"\b(?:occupation|occupied|control(?:s|led)?|held)\b", re.IGNORECASE)
#: After a share of a named town: what happened to its ground ("80% of Bakhmut was destroyed"; "80% of
#: Vovchansk, in the Kharkiv region, has been captured": an aside between commas or dashes may come
#: first; "half of the city has reportedly fallen under Russian control").
_TOWN_GROUND = re.compile(
    r"(?:\s*\([^()]{1,60}\))?"  # "Krasnoarmeysk (Pokrovsk) was freed": the town's other name
    r"(?:\s*(?P<aside>[,—–])(?:[^,.;:!?\n—–]|(?<=\d)[,.](?=\d)){1,60}(?P=aside))?"
    r"\s*(?:(?:has|had|have|was|were|is|are|remains?|remained|stays?|stayed)\s+)?"
    r"(?:(?:been|now|already|also|largely|mostly|fully|completely|partly|reportedly|fallen|come|passed)\s+)*"
    # "under LPR's and Russian forces' control": whoever's control, held (whose() tells Ukraine's apart)
    r"(?P<state>" + P.STATES + r"|under\s+(?:[\w'’]+\s+){1,5}?control)\b",
    re.I,
)
#: "Oleshky is 80% flooded", "the city, which is 90% destroyed": a state right after a percentage ...
_STATE_AFTER = re.compile(r"\s+(?P<state>" + P.STATES + r")\b", re.I)
#: ... said of a place by a verb just before it.
_STATE_VERB_BEFORE = re.compile(r"\b(?:is|are|was|were|been|now)\s+$", re.I)
_AGAIN_WITHIN = 400  # characters after a share within which "that figure" can name it again
#: "... and 70% is still occupied", "remains under Russian control": a bare percentage said to be held
#: (not "under Kyiv's control").
_STILL_HELD = re.compile(
    r"\s+(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?"
    r"(?:occupied|under\s+(?:Russian\s+)?occupation|under\s+(?:Russian|Moscow's|Russia's)\s+control)\b"
)
#: "the entire", "the whole (of)" before a named whole.
_ENTIRE = re.compile(r"the\s+(?:entire|whole)(?:\s+of)?\s+", re.IGNORECASE)
#: "the (nearly) 29,000-square-kilometre", "the 27,000 km²": the size of the whole, before its name.
_SIZED = re.compile(r"the\s+(?:" + P.QUAL + r"\s+)?" + P.NUM + r"[\s-]*(?i:" + P.AREA_UNIT + r")[\s-]+")
#: "Russia's Kursk region": a possessive before the region that is meant.
_POSSESSED_REGION = re.compile(r"['’ʼ]s\s+(?:the\s+)?")
#: "the territory", "the whole country", "the two regions": the ground a share is of.
_TERRITORY = re.compile(
    r"(?:(?P<det>the|that|this|those|these|our|their)\s+)?"
    r"(?:(?:entire|whole|total|internationally\s+recognised|internationally\s+recognized)\s+)?"
    # "the flooded territory", "the two regions", "the potentially contaminated territories": a word or
    # two describing it
    r"(?P<described>(?:[a-z]+ly\s+)?(?:(?:[a-z]+(?:ed|ing)|two|three|four|both)\s+){1,2})?"
    r"(?P<what>country|territory|land|landmass|land\s+mass|area|region|oblast|province|republic|nation|"
    + phrases(TOWN_NOUNS)
    + r"|territories|countries|cities)s?\b",
    re.IGNORECASE,
)
#: "Russian forces hold three-quarters of it": a share of the region or country named just before.
_OF_IT = re.compile(r"it\b(?!['’]s)", re.IGNORECASE)
#: "its territory", "Ukraine's land", "his country": of the place the words name or point back to.
_ITS_TERRITORY = re.compile(
    r"(?:(?:its|their|our|(?:the\s+)?ukrainian|ukraine['’]s)\s+(?:\w+\s+)?(?:territory|territories|land|landmass|area)"
    r"|(?:his|her|our|their)\s+(?:own\s+)?country)\b",
    re.I,
)
#: "the land seized by Russia": a part of the ground, not the whole.
_TAKEN_PART = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:(?:(?:[A-Z][\w'’-]+|forces|troops)\s+){1,2}(?:has\s+|had\s+|have\s+)?)?"
    r"(?:(?:was|were|had|has|have)\s+(?:been\s+)?)?(?:seized|occupied|captured|taken|took|held"
    r"|controlled|controls|lost|annexed|grabbed)\b"
)

#: "the territory of": the ground of a place named next ("6% of the territory of the Kharkiv region").
_GROUND_OF = re.compile(
    r"(?:territory|land|landmass|land\s+mass|(?P<unit>region|oblast|province))\s+of\s+", re.IGNORECASE
)
#: Words between a share and a bare percentage that make it the same share again ("that figure").
_REFERS_BACK = re.compile(
    r"\b(?:that|the|this|its)\s+(?:total\s+|overall\s+)?(?:figure|share|proportion|percentage)\b"
    # "That is down from a peak of around 27 percent": the same share at another time
    r"|(?:\b(?:is|was|are|were)\s+|,\s*)(?:up|down)\s+from\b"
    # "6% remains occupied, while before the counterattack there were 32%": the same, before
    r"|\bthere\s+(?:were|was|had\s+been)\s+(?:" + P.QUAL + r"\s+)?$"
    # "..., bringing total Russian control to nearly 20%": the whole held, of the same territory
    r"|\b(?:total|overall)\s+(?:[a-z]+\s+)?(?P<held>control|occupation)\s+(?:to|at)\b"
    # "Within four days, Russian control decreased to 9%": the share held, changed
    r"|\b(?P<changed>control|occupation)\s+(?:has\s+|had\s+)?(?:decreased|fell|fallen|dropped|shrank"
    r"|shrunk|rose|risen|grew|grown|increased|expanded)\s+to\s+(?:" + P.QUAL + r"\s+)?$"
    # "less than a third of the region, compared to more than 40% in January": the same at another time
    r"|\bcompared\s+(?:to|with)\b"
    # "Russia controlled 93% of it in June but now holds 73%": the share held, at another time
    r"|\b(?:now|still|today)\s+(?P<holds>controls|holds|occupies|owns)\s+(?:only\s+|just\s+)?(?:"
    + P.QUAL
    + r"\s+)?$",
    re.I,
)
#: "has seized", "now controls": a verb that says the whole is held or was taken, right before "all of"
#: (not "demands", "to take": a goal) ...
_HELD_ALL = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:now\s+|already\s+)?(?:seized|captured|taken|occupied|controlled|held)"
    r"|(?:controls|holds|occupies|seized|captured|took))\s+(?:now\s+|already\s+)?$",
    re.IGNORECASE,
)
#: ... unless a modal or "to" comes before it ("could have taken all of", "aims to hold all of").
_NOT_YET = re.compile(r"\b(?:to|could|would|might|may|must|should|will|not|never)\s+$", re.IGNORECASE)
#: "including": the whole a share held is said to include ("19% of Ukraine, including all of Crimea").
_INCLUDING = re.compile(r"\binclud(?:ing|es|ed)\b", re.IGNORECASE)
#: "(47%)" after a share in words: its exact figure.
_EXACT_AFTER = re.compile(r"\s*\(\s*(?P<pct>\d+(?:[.,]\d+)?\s*" + P.PERCENT_SIGN + r")\s*\)")
#: "'s (primary refining) capacity": the noun a possessive is about.
_OWNED = re.compile(r"['’ʼ]s?\s+((?:[a-z]+\s+){0,2}[a-z]+)\b")


def find_shares(ctx: Context, scan: _scan.Scan) -> list[ShareClaim]:
    """The shares of ground the text states: "a fifth of Ukraine", "almost the entire Lugansk region",
    and a bare percentage that names one of them again ("... that figure was 19%")."""
    text = ctx.text
    shares = [c for c in (share_claim(ctx, m) for m in _widened(text, scan.shares())) if c is not None]
    # "almost the entire Lugansk region", "19% of Ukraine, including all of Crimea"
    found = (whole_share(ctx, m, last) for m, last in _after_last(_widened(text, scan.wholes()), shares))
    wholes = [w for w in found if w is not None]
    if wholes:
        shares = sorted([*shares, *wholes], key=lambda c: c.start)
    # "the army now controls less than a third": the whole unsaid
    elided = [c for c in (held_elided(ctx, m) for m in _widened(text, fractions_held(text))) if c]
    if elided:
        shares = sorted([*shares, *elided], key=lambda c: c.start)
    given = list(shares)
    part = None  # "..., of which 32% is on the right bank and 68% on the left": the part found last
    for m, last in _after_last(_widened(text, scan.bare_percents()), given):
        # "... that figure was 19%": only a text with a share can name it again; "Oleshky is 80% flooded"
        again = share_again(ctx, m, last) if given else None
        again = (
            again or state_share(ctx, m) or region_figure(ctx, m) or of_which(ctx, m) or held_elided(ctx, m)
        )
        again = again or (share_also(ctx, m, last) if given else None)
        if again is None and (piece := part_share(ctx, m, part)) is not None:
            again = part = piece
        if again is not None:
            shares.append(again)
    return shares


def _widened(text: str, found: Iterable[re.Match[str]]) -> Iterator[Any]:  # Widened: read like a match
    """The matches ``found``, each widened to the qualifier written before it (:class:`Widened`)."""
    return (Widened(text, m) for m in found)


def share_claim(ctx: Context, m: re.Match) -> ShareClaim | None:
    """The share claim of the :data:`~frontmap.reading.patterns.SHARE` match ``m``, or None when it is
    not a share of ground."""
    text = ctx.text
    frac = " ".join(m.group("frac").split())
    value = P.WHOLE_SHARES.get(frac.lower()) or parse_fraction(frac)
    if value is None or not 0 < value <= 1:
        return None
    whole = _whole(ctx, m)
    if whole is None:
        return None
    of, of_text, end = whole
    republic = P.PEOPLES_REPUBLIC.match(text, end) if of is not None and of.kind == "region" else None
    if republic:  # "85% of the Donetsk People's Republic": the oblast Russia claims under that name
        of_text, end = of_text + text[end : republic.end()], republic.end()
    if P.NOT_TERRITORY.match(text, end):
        return None
    owned = _OWNED.match(text[end : end + 60])
    if owned and not P.TERRITORIAL_NOUNS & set(owned.group(1).lower().split()):
        # "a third of the country's energy infrastructure", "17% of Russia's refining capacity"; but
        # "18.7% of Ukraine's internationally recognised territory" is ground
        return None
    tail = P.OF_COUNTRY.match(text, end)
    if tail:  # "18% of the territory of Ukraine"
        end = tail.end()
    value_text, qual = m.group("frac"), qualifier(m)
    # "almost half of this area (47%)", "more than a third (36 per cent) of Germany": the exact figure in
    # brackets after the words, unqualified
    exact = _EXACT_AFTER.match(text, end) or _EXACT_AFTER.match(text, m.end("frac"))
    if exact and (pct := parse_fraction(exact.group("pct"))) is not None and abs(pct - value) <= 0.05:
        value, value_text, qual, end = pct, exact.group("pct"), None, max(end, exact.end())
    start = m.start()
    s, e = sentence_bounds(ctx, start)
    # "80% of Bakhmut was destroyed": what the ground is said to be, else what the share's own clause says
    # happened, else (a clause with no verb of its own: "..., and 70% of Pokrovsk") the sentence around it
    state = _TOWN_GROUND.match(text, end)
    a, b = max(s, start - P.WINDOW), min(e, end + 60)
    change = (
        _state(state) if state else _change(ctx, *_own_clause(text, a, start, end, b)) or _change(ctx, a, b)
    )
    if change is None and _held_later(ctx, end):  # "80% of A and 70% of B were now under Russian control"
        change = "held"
    change = whose(ctx, start, end, change)
    return ShareClaim(
        text[start:end],
        start,
        end,
        value=value,
        value_text=value_text,
        qualifier=qual,
        of=of,
        of_text=of_text,
        change=change,
        **ctx.common(start, end),
    )


def state_share(ctx: Context, m: re.Match) -> ShareClaim | None:
    """ "Oleshky is 80% flooded", "the city, which is 90% destroyed", "A and B are 80% under water": a
    percentage (with no "of" after it) of the town a state is said of, when the words before it name one."""
    text = ctx.text
    state = _STATE_AFTER.match(text, m.end("frac"))
    if state is None or not _STATE_VERB_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return None
    of = subject_before(ctx, m.start(), None)
    return figure_share(ctx, m, of, "", _state(state), end=state.end()) if of is not None else None


def region_figure(ctx: Context, m: re.Match) -> ShareClaim | None:
    """ "The occupation by region: Donetsk — 78.1%, Luhansk — 99.6% ...": a percentage set off by a dash or
    a colon after the name of a region (a town's name stands for its oblast), in a list said to be of
    occupation or control."""
    text = ctx.text
    dash = _REGION_FIGURE.search(text, max(0, m.start() - 8), m.start())
    if dash is None or not _OCCUPATION_WORDS.search(text, max(0, m.start() - _TABLE_WINDOW), m.start()):
        return None
    named = _named_ending_at(ctx, dash.start())
    return _held_share(ctx, m, named, named.start, ("region",)) if named is not None else None


def _named_ending_at(ctx: Context, pos: int) -> Mention | None:
    """The place named right before ``pos`` (its name ends there), or None."""
    named = next(ctx.mentions_back(max(0, pos - 60), pos), None)
    return named if named is not None and named.place is not None and named.end == pos else None


def _held_share(
    ctx: Context, m: re.Match, named: Mention, start: int, wholes: tuple[str, ...]
) -> ShareClaim | None:
    """The share held that the percentage ``m`` states of the place ``named`` (itself if of a kind of
    ``wholes``, else the oblast named after the town), the claim's text from ``start``."""
    assert named.place is not None
    region = named.place if named.place.kind in wholes else _oblast_of(ctx, named.text)
    return figure_share(ctx, m, region, named.text, "held", start=start) if region is not None else None


#: "the Donetsk region, of which Moscow already holds about 75%": a relative clause of holding after a
#: region, before a bare percentage.
_OF_WHICH = re.compile(
    r",\s*of\s+which\s+(?:[\w'’-]+\s+){1,3}?(?:already\s+|now\s+|still\s+)?"
    r"(?:holds?|controls?|occup(?:ies|y)|ha(?:s|ve)\s+(?:captured|seized|taken|occupied))\s+$",
    re.IGNORECASE,
)


def of_which(ctx: Context, m: re.Match) -> ShareClaim | None:
    """ "... the entire Donetsk region, of which Moscow already holds about 75%": a percentage a relative
    clause says is held of the region (or the oblast of the town) named just before it."""
    clause = _OF_WHICH.search(ctx.text, max(0, m.start() - 80), m.start())
    named = _named_ending_at(ctx, clause.start()) if clause else None
    return _held_share(ctx, m, named, m.start(), ("region", "country")) if named is not None else None


#: How far before a list of regions' figures the words that say what they are of may stand.
_TABLE_WINDOW = 400


def _oblast_of(ctx: Context, name: str) -> Place | None:
    """The oblast named after the town called ``name`` ("Sumy": Sumy Oblast), if there is one."""
    found = ctx.gz.lookup(normalize(name) + " oblast")
    return next((p for p in found if p.kind == "region"), None)


def _state(m: re.Match) -> str:
    return GROUND_STATES.get(" ".join(m.group("state").lower().split()), "held")


def _whole(ctx: Context, m: re.Match) -> tuple[Place | None, str, int] | None:
    """What the share is of, its text and end offset: a named place, or words for a territory."""
    pos = m.end()
    of, of_text, end = anchor_at(ctx, pos)
    entire = _ENTIRE.match(ctx.text, pos) if of is None else None
    if entire:  # "a third of the entire Kharkiv region"
        of, _, end = anchor_at(ctx, entire.end())
        of_text = ctx.text[pos:end]
    sized = _SIZED.match(ctx.text, pos) if of is None and entire is None else None
    if sized:  # "0.4% of the nearly 29,000-square-kilometre Sumy region"
        of, _, end = anchor_at(ctx, sized.end())
        of_text = ctx.text[pos:end]
    if of is None:
        return _territory(ctx, m)
    inner = _POSSESSED_REGION.match(ctx.text, end)
    region = ctx.mention_at(inner.end()) if inner else None
    if region is not None and region.place is not None and region.place.kind == "region":
        # "10% of Russia's Kursk region": the share is of the region, not of the country
        return region.place, ctx.text[pos : region.end], region.end
    if of.kind == "settlement":
        state = _TOWN_GROUND.match(ctx.text, end)
        if not (state or _says_who_holds(ctx, m.start()) or _held_later(ctx, end)):
            return None  # "80% of the city was without power" is not a share of ground
        # "Russia holds 78% of Donetsk": of the oblast the city's bare name names (not "the city of X"; a
        # state of its ground, "80% of Kherson was flooded", is the city's)
        oblast = None if state else _oblast_of(ctx, of_text)
        if oblast is not None:
            return oblast, of_text, end
    elif of.kind not in ("country", "region"):
        return None
    return of, of_text, end


def _after_last(found: Iterable[Any], given: list[ShareClaim]) -> Iterator[tuple[Any, ShareClaim | None]]:
    """Each match of ``found`` (in text order) with the last of the shares ``given`` (in text order)
    that ends before it, or None."""
    i, last = 0, None
    for m in found:
        while i < len(given) and given[i].end <= m.start():
            last, i = given[i], i + 1
        yield m, last


def whole_share(ctx: Context, m: re.Match, last: ShareClaim | None = None) -> ShareClaim | None:
    """ "Separatists say they control almost the entire Lugansk region": the whole (less a little) of a
    territory, when a qualifier says so and the clause says who holds it ("almost all of Ukraine was
    under an air alert" is no share of ground); or the whole that a share held, ``last`` (the share
    before it), is said to include ("Russia holds 19% of Ukraine, including all of Luhansk": "all of
    Donetsk" alone is mostly a goal)."""
    if qualifier(m) in P.WHOLE_QUALIFIERS and _says_who_holds(ctx, m.start()):
        return share_claim(ctx, m)
    held = _HELD_ALL.search(ctx.text, max(0, m.start() - 40), m.start())
    if held and not _NOT_YET.search(ctx.text, max(0, held.start() - 20), held.start()):
        # "Russia has seized all of the Luhansk region"; "seized all of Robotyne" is the town's capture
        whole = share_claim(ctx, m)
        return whole if whole is not None and whole.of is not None and whole.of.kind != "settlement" else None
    if last is None or last.change not in ("held", "captured"):
        return None
    if sentence_bounds(ctx, m.start())[0] <= last.start and _INCLUDING.search(ctx.text, last.end, m.start()):
        return share_claim(ctx, m)
    return None


def share_again(ctx: Context, m: re.Match, last: ShareClaim | None) -> ShareClaim | None:
    """ "Russia held a fifth of Ukraine in 2023; by 2025 that figure was 19%": a bare percentage that
    names again (``that figure``) the share given just before (``last``) is a share of the same
    territory; so is one the same sentence says is occupied ("30% of the region has been liberated,
    and 70% is still occupied"), a share held."""
    if last is None or last.of is None or last.end > m.start() or m.start() - last.end > _AGAIN_WITHIN:
        return None
    s, e = sentence_bounds(ctx, m.start())
    back = _REFERS_BACK.search(ctx.text, max(s, last.end, m.start() - 120), m.start())
    if back:
        change = "held" if back.group("held") or back.group("changed") or back.group("holds") else last.change
    elif last.start >= s and _STILL_HELD.match(ctx.text, m.end(), e):
        change = "held"
    else:
        return None
    return figure_share(ctx, m, last.of, last.of_text, change)


#: "18% of Ukraine last year, and 0.6% in 2024", "31% of the region is occupied, 5% has been freed", "while
#: the remaining 25% is held by Ukraine": what joins a bare percentage to the share before it in one
#: sentence (ending the words between them) ...
_ALSO_JOIN = SHARE_JOIN
_TIME_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
#: ... and what follows it: a time (the same share at another time) or a verb (what happened to it).
_ALSO_AFTER = re.compile(
    r"\s+(?:(?P<time>(?:in|by|since|during|until|as\s+of|on)\s+(?:early\s+|late\s+|mid-?)?(?:(?:19|20)\d\d"
    r"|(?:" + _TIME_WORDS + r")\b)|(?:a|one|two|three|six)\s+(?:years?|months?)\s+(?:earlier|ago|before)"
    r"|last\s+(?:year|month|week|spring|summer|autumn|fall|winter))"
    r"|(?P<verb>(?:is|are|was|were|has|have|had|remains?|remained)\b))",
    re.IGNORECASE,
)


def share_also(ctx: Context, m: re.Match, last: ShareClaim | None) -> ShareClaim | None:
    """ "Russia took 0.8% of Ukraine's territory in 2025 and 0.6% in 2024", "31% of the region is occupied,
    5% has been liberated": a bare percentage joined in the same sentence to the share just before
    (``last``) is a share of the same ground, at another time (what happened as before) or with what the
    clause after it says happened (a verb and regained, taken, or held by Russia: else it is no share of
    ground)."""
    if last is None or last.of is None or m.start() - last.end > _ALSO_WITHIN:
        return None
    s, e = sentence_bounds(ctx, m.start())
    text = ctx.text
    between = text[last.end : m.start()]
    if last.start < s or not _ALSO_JOIN.search(between) or "%" in between or _PER_CENT.search(between):
        return None
    after = _ALSO_AFTER.match(text, m.end("frac"), e)
    if after is None:
        return None
    change = last.change
    if after.group("verb"):
        clause = _CLAUSE_END.search(text, after.end(), e)
        change = whose(
            ctx, m.start(), m.end("frac"), _change(ctx, after.start(), clause.start() if clause else e)
        )
        if change is None or (change == "held" and not _STILL_HELD.match(text, m.end("frac"), e)):
            return None  # "and 2% is held": by whom? ("the remaining 25% is held by Ukraine" is Ukraine's)
    return figure_share(ctx, m, last.of, last.of_text, change)


_ALSO_WITHIN = 120  # characters between a share and a bare percentage joined to it
_PER_CENT = re.compile(r"\bper\s?cent\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:()]|\s(?:and|but|while|whereas)\s")


def _territory(ctx: Context, m: re.Match) -> tuple[Place | None, str, int] | None:
    """ "its territory", "the country", "the region": the place these words mean here, if any."""
    text, pos = ctx.text, m.end()
    terr = _ITS_TERRITORY.match(text, pos)
    if terr:
        # "its territory": of the region or country named just before ("The Kherson region lost a third
        # of its area"), not of one said to hold it ("Russia occupies a fifth of its territory"); else
        # of the text's country
        words = terr.group().lower().split()
        owner = words[1] if words[0] == "the" else words[0]  # "the Ukrainian territory": Ukrainian
        if (
            owner in ("their", "our")
            and terr.group().lower().endswith(" land")
            and not _says_who_holds(ctx, m.start())
        ):
            return None  # "half of their land is mined": farmers' fields, not a country's ground
        if owner.startswith("ukrain"):
            of = safe(ctx.gz.country, "UA")
        else:
            of = (last_ground(ctx, m.start()) if owner in ("its", "their") else None) or ctx.home
        return of, terr.group(), terr.end()
    it = _OF_IT.match(text, pos)
    if it:
        # "The oblast covers 27,180 km². Russian forces hold three-quarters of it": only when the clause
        # says who holds or took ground, and of the region or country the text named last (this
        # sentence or the one before)
        of = last_ground(ctx, m.start()) if _says_who_holds(ctx, m.start()) else None
        return (of, it.group(), it.end()) if of is not None else None
    terr = _TERRITORY.match(text, pos)
    if not terr:
        return None
    of_text, end = terr.group(), terr.end()
    what = terr.group("what").lower()
    ground_of = None if terr.group("described") else _GROUND_OF.match(text, terr.start("what"))
    if ground_of:
        ground, _, ground_end = anchor_at(ctx, ground_of.end())
        if ground is not None and ground.kind == "settlement" and ground_of.group("unit"):
            # "55 percent of the region of Donetsk": the oblast named after its centre
            ground = _oblast_of(ctx, ground.name)
        if ground is not None and ground.kind in ("country", "region"):
            return ground, text[terr.start() : ground_end], ground_end
    of = ctx.home if what in COUNTRY_NOUNS else None
    if what in TOWN_NOUNS:
        # no town named before it (anchor_at would have found it): "Ukrainian forces control about 70%
        # of the town" is a share of a town the text names later; with no one said to hold it ("80% of
        # the city was without power") it is no share of ground
        if not (_says_who_holds(ctx, m.start()) or _held_later(ctx, end)):
            return None
    elif (
        terr.group("described")
        or of_text.lower().endswith("s")
        or (terr.group("det") or "the").lower() != "the"
    ):
        # "two-thirds of that territory", "a third of those regions": named earlier; "68 percent of the
        # flooded territory": a part described, not the country
        of = None
    elif of is None:
        of = _last_region(ctx, m.start())
    elif _TAKEN_PART.match(text, end):
        of = None  # "50% of the land seized by Russia": a share of a part, not of the country
    return of, of_text, end


def _change(ctx: Context, a: int, b: int) -> str | None:
    """What the clause ``text[a:b]`` says happened to the ground: regained, held or captured."""
    for change, pattern in (("regained", P.REGAINED), ("held", P.HELD), ("captured", P.CAPTURED)):
        if ctx.may_match(pattern, (a, b)) and pattern.search(ctx.text[a:b]):
            return change
    return None


#: Where the clause of a share ends and the next begins: "Russia occupies a fifth of Ukraine; Kyiv has
#: liberated half of what it seized" says nothing of the fifth being regained.
_NEXT_CLAUSE = re.compile(r";|,?\s+(?:while|whereas|but)\s|,\s+and\s", re.IGNORECASE)


def _own_clause(text: str, a: int, start: int, end: int, b: int) -> tuple[int, int]:
    """The part of ``text[a:b]`` in the clause of the share at ``start:end``."""
    for m in _NEXT_CLAUSE.finditer(text, a, start):
        a = m.end()
    after = _NEXT_CLAUSE.search(text, end, b)
    return a, after.start() if after else b


#: "... were also now under Russian control": the shares listed before the verb are held.
_HELD_LATER = re.compile(
    r"\b(?:is|are|was|were|remains?|remained)\s+(?:(?:also|now|still|already|reportedly)\s+)*"
    r"(?:under\s+(?:[\w'’]+\s+){1,4}?control|occupied|in\s+Russian\s+hands)\b",
    re.IGNORECASE,
)


def _held_later(ctx: Context, end: int) -> re.Match | None:
    """The words after a share of a town, later in its sentence, that say it is held ("80% of the city of
    Vovchansk and 70% of Pokrovsk were now under Russian control"), if any."""
    _, e = sentence_bounds(ctx, end)
    return _HELD_LATER.search(ctx.text, end, min(e, end + P.WINDOW))


def _says_who_holds(ctx: Context, pos: int) -> bool:
    """Does the clause before ``pos`` say who holds or took ground ("Russian forces control ...")?"""
    s, _ = sentence_bounds(ctx, pos)
    a = max(s, pos - P.WINDOW)
    return any(
        ctx.may_match(pattern, (a, pos)) and pattern.search(ctx.text[a:pos])
        for pattern in (P.HELD, P.CAPTURED, P.REGAINED)
    )


def _last_region(ctx: Context, pos: int) -> Place | None:
    for m in ctx.mentions_back(0, pos):
        if m.place is not None and m.place.kind == "region":
            return m.place
    return None
