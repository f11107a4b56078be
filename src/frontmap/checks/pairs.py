"""Cross-report consistency: reports of the same distance or the same territory, compared per group.

Claims are first put in **groups** of claims that report the same thing, then each group gets its
verdicts in one pass -- so verdicts and their cost grow linearly with the corpus, not with its pairs.

**Same distance** -- distance claims with the same anchor place and

- the same subject place (their directions may differ: "120 km southeast of Kharkiv", "200 km from
  Kharkiv"), at any time;
- or, with no subject, both bounds of the same sense -- the extent of an advance ("towns up to 35 km east
  of Kyiv", "within 30 km of the city") -- in directions chained by the wider half-angle ("E" and "ENE"
  are one direction, "E" and "NE" two), published within the ``window_extent`` of the tolerance policy
  of each other.  Two plain figures without subjects usually locate two different, unnamed places, so
  they are not compared.

**Same territory** -- an area or share claim is about a *territory* and what happened to it (``change``:
regained, captured, held; a share with no verb counts as held; an area with no change but a subject is
the *size* of that place).  The territory is the region or country named (a share's ``of``, an area's
``subject``), else the oblast of the places the claim says changed hands (their country when they lie in
several), else the country most of the article's places lie in; a loose claim with none of these is
compared only with others like it.  Reports are compared within the ``window_<change>`` days of the
tolerance policy (gains grow daily, holdings slowly, sizes never change); undated ones only with each
other.

**Per group** (claims from at least two articles): each claim's interval is computed once
(:func:`~frontmap.quantities.tolerance.check_interval`; bounds of the same sense are compared as numbers,
"up to 21 miles" with "up to 35 km"), then a sweep over the sorted interval ends finds the point most of
them contain: the **consensus**.  One ``consistency`` verdict says which reports agree on it; each
**outlier** gets an inconsistent verdict naming the reports it disagrees with.  When no two reports agree,
one inconsistent verdict names them all.  Two claims of one article are never set against each other
("a fifth now, 7% before 2022" are two moments).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from frontmap._dates import to_date
from frontmap.checks.verdict import Verdict, _verdict, fmt, quote
from frontmap.errors import FrontmapError
from frontmap.geometry.geodesic import bearing_of
from frontmap.quantities.tolerance import bound_sense, check_interval, direction_half_angle, window_days
from frontmap.reading.claims import AreaClaim, Claim, DistanceClaim, ShareClaim
from frontmap.shapes import place_area_km2

__all__ = ["SHOWN", "Report", "group_checks", "pair_checks", "topic"]

#: How many of the reports an outlier disagrees with its verdict names (it counts them all).
SHOWN = 3


@dataclass(frozen=True, slots=True)
class Report:
    """One claim in a group: its article (index), value and interval in the group's unit, date."""

    article: int
    claim: Claim
    value: float
    low: float
    high: float
    date: _dt.date | None


# ------------------------------------------------------------------------------------------- groups
def topic(c: Claim) -> tuple[str, str | None] | None:
    """``(change, place id)`` an area or share claim is about, or None when it is about nothing known.

    >>> topic(ShareClaim("a fifth", 0, 7, value=0.2)) is None
    True
    """
    if isinstance(c, ShareClaim):
        if c.of is None or not c.value > 0:
            return None
        return (c.change or "held", c.of.id)
    if isinstance(c, AreaClaim) and c.km2 > 0:
        if c.change is None:
            return ("size", c.subject.id) if c.subject is not None else ("unknown", None)
        return (c.change, c.subject.id if c.subject is not None else None)
    return None


def territory(c: Claim, article_country: str | None) -> str | None:
    """The name of the territory an area or share claim is about (see the module docstring)."""
    if isinstance(c, ShareClaim):
        return _territory_name(c.of) if c.of is not None else None
    s = getattr(c, "subject", None)
    if s is not None:
        return _territory_name(s)
    places = getattr(c, "places", ())
    oblasts = {p.name if p.kind == "region" else p.admin1 for p in places} - {None}
    if len(oblasts) == 1:
        return str(next(iter(oblasts)))
    countries = {p.country for p in places} - {None}
    if len(countries) == 1:
        return f"country {next(iter(countries))}"
    if article_country is None:
        return None
    country, _, oblast = article_country.partition("|")
    held = isinstance(c, AreaClaim) and c.change == "held"
    return country if held or not oblast else oblast  # gains are local, holdings national


def _territory_name(p: Any) -> str:
    return f"country {p.country}" if p.kind == "country" and p.country else str(p.name)


def _key(c: Claim, country: str | None) -> tuple[Any, ...] | None:
    """What a claim reports, as a hashable key; None when it is compared with nothing."""
    if isinstance(c, DistanceClaim):
        if c.anchor is None or not c.km > 0:
            return None
        if c.subject is not None:
            return ("distance", c.anchor.id, c.subject.id)
        sense = bound_sense(c.qualifier)
        if sense == "point":
            return None
        return ("extent", c.anchor.id, sense, c.direction is not None)
    t = topic(c)
    if t is None:
        return None
    if t[0] == "size":
        return ("size", t[1])
    where = territory(c, country)
    return ("territory", t[0], where)


def _window(key: tuple[Any, ...]) -> int | None:
    if key[0] == "distance" or key[0] == "size":
        return None
    if key[0] == "extent":
        return window_days("extent")
    return window_days(key[1])


def _by_date(claims: list[tuple[int, Claim]], days: int | None) -> Iterable[list[tuple[int, Claim]]]:
    """Chains of claims whose dates are within ``days`` of the previous one (sort and sweep); undated
    claims join the chain when there is one, else form their own."""
    if days is None:
        yield claims
        return
    undated = [x for x in claims if to_date(x[1].published) is None]
    dated = sorted((x for x in claims if to_date(x[1].published) is not None),
                   key=lambda x: to_date(x[1].published))  # type: ignore[arg-type,return-value]  # fmt: skip
    chains: list[list[tuple[int, Claim]]] = []
    last: _dt.date | None = None
    for x in dated:
        d = to_date(x[1].published)
        assert d is not None
        if not chains or (last is not None and (d - last).days > days):
            chains.append([])
        chains[-1].append(x)
        last = d
    if len(chains) == 1:  # an unknown date does not exclude, when the dated ones are all of one time
        chains[0] += undated
    elif undated:
        chains.append(undated)
    yield from chains


def _by_direction(claims: list[tuple[int, Claim]]) -> Iterable[list[tuple[int, Claim]]]:
    """Chains of distance claims whose directions are within the wider half-angle of the previous one."""
    keyed = []
    for x in claims:
        c = x[1]
        assert isinstance(c, DistanceClaim)
        if c.direction is None:
            keyed.append((-1.0, 0.0, x))
            continue
        try:
            keyed.append((bearing_of(c.direction), direction_half_angle(c.direction), x))
        except FrontmapError:
            continue
    keyed.sort(key=lambda k: k[0])
    chain: list[tuple[int, Claim]] = []
    prev: tuple[float, float] | None = None
    for b, half, x in keyed:
        if chain and prev is not None and b - prev[0] > max(half, prev[1]):
            yield chain
            chain = []
        chain.append(x)
        prev = (b, half)
    if chain:
        yield chain


def groups_of(
    claim_groups: list[tuple[Claim, ...]], countries: list[str | None]
) -> list[list[tuple[int, Claim]]]:
    """Groups of claims reporting the same thing, each claim in at most one group."""
    by_key: dict[tuple[Any, ...], list[tuple[int, Claim]]] = defaultdict(list)
    for gi, claims in enumerate(claim_groups):
        for c in claims:
            k = _key(c, countries[gi] if gi < len(countries) else None)
            if k is not None:
                by_key[k].append((gi, c))
    out: list[list[tuple[int, Claim]]] = []
    for k, members in by_key.items():
        need = _need(k)
        if len({gi for gi, _ in members} if need == "articles" else members) < 2:
            continue
        for chain in _by_date(members, _window(k)):
            parts = _by_direction(chain) if k[0] == "extent" else [chain]
            out += [p for p in parts if len({gi for gi, _ in p} if need == "articles" else p) >= 2]
    return out


def _need(key: tuple[Any, ...]) -> str:
    """What a group needs to be compared: two ``articles`` (territory: two figures of one article are two
    territories or two moments) or two ``claims`` (distances: one article may say the same twice)."""
    return "claims" if key[0] in ("distance", "extent") else "articles"


# ---------------------------------------------------------------------------------------- intervals
def _unit(members: list[tuple[int, Claim]]) -> str:
    kinds = {type(c) for _, c in members}
    if kinds == {DistanceClaim}:
        return "km"
    return "share" if kinds == {ShareClaim} and len({c.of.id for _, c in members}) == 1 else "km2"  # type: ignore[attr-defined]


def _report(gi: int, c: Claim, unit: str, strip: bool) -> Report | None:
    q = None if strip else getattr(c, "qualifier", None)
    text = getattr(c, "value_text", "") or None
    try:
        if isinstance(c, DistanceClaim):
            v = c.km
            lo, hi = check_interval(v, q, text)
        elif isinstance(c, AreaClaim):
            v = c.km2
            lo, hi = check_interval(v, q, text)
        else:
            assert isinstance(c, ShareClaim) and c.of is not None
            lo, hi = check_interval(c.value, q, text, share=True)
            total = 1.0 if unit == "share" else place_area_km2(c.of)
            v, lo, hi = c.value * total, lo * total, hi * total
    except FrontmapError:
        return None
    return Report(gi, c, v, lo, hi, to_date(c.published))


def consensus(reports: list[Report]) -> tuple[float, float, list[Report]]:
    """The interval most reports share and those reports: a sweep over the sorted interval ends."""
    events = sorted(
        [(r.low, 0, i) for i, r in enumerate(reports)] + [(r.high, 1, i) for i, r in enumerate(reports)]
    )
    best, count, at = 0, 0, 0.0
    for x, kind, _ in events:
        count += 1 if kind == 0 else -1
        if kind == 0 and count > best:
            best, at = count, x
    members = [r for r in reports if r.low <= at <= r.high]
    low = max(r.low for r in members)
    high = min(r.high for r in members)
    return low, high, members


# ------------------------------------------------------------------------------------------ verdicts
def _span(low: float, high: float, unit: str) -> str:
    if math.isinf(high):
        return f"over {fmt(low, unit)}"
    return f"{fmt(low, unit).split(' ')[0]}–{fmt(high, unit)}"


def _about(c: Claim, key_place: str | None) -> str:
    if isinstance(c, DistanceClaim):
        assert c.anchor is not None
        return f"{c.direction} of {c.anchor.name}" if c.direction else f"from {c.anchor.name}"
    t = topic(c)
    change = t[0] if t else "unknown"
    words = {"size": "the size of", "held": "held in", "regained": "regained in", "captured": "captured in",
             "destroyed": "destroyed in", "damaged": "damaged in", "flooded": "flooded in",
             "held_by_ukraine": "held by Ukraine in"}  # fmt: skip
    place = getattr(c, "of", None) or getattr(c, "subject", None)
    if place is not None:
        return f"{words.get(change, change)} {place.name}"
    if key_place and not key_place.startswith("country "):
        return f"{change} territory in {key_place}"
    return "an unnamed area" if change == "unknown" else f"{change} territory"


def _names(reports: list[Report], unit: str) -> str:
    parts = [f"{quote(r.claim)} ({fmt(r.value, unit)})" for r in reports]
    if len(parts) > 3:
        return f"{', '.join(parts[:2])} and {len(parts) - 2} other reports"
    return " and ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else parts[0]


def _both(reports: list[Report]) -> str:
    return "both" if len(reports) == 2 else "all"


def _group_verdict(status: str, first: Report, rest: list[Report], unit: str, explanation: str,
                   numbers: dict[str, Any]) -> Verdict:  # fmt: skip
    other = rest[0] if rest else None
    return _verdict(
        "consistency",
        status,
        first.claim,
        explanation,
        other=other.claim if other else None,
        others=tuple(r.claim for r in rest),
        stated=first.value,
        measured=other.value if other else None,
        unit=unit,
        ratio=other.value / first.value if other and first.value else None,
        tolerance=_rel(first) + (_rel(other) if other else 0.0),
        numbers=numbers,
    )


def _rel(r: Report) -> float:
    return max(r.value - r.low, r.high - r.value) / r.value if r.value and math.isfinite(r.high) else math.inf


def _verdicts(members: list[tuple[int, Claim]], country_key: str | None) -> list[Verdict]:
    unit = _unit(members)
    senses = {bound_sense(getattr(c, "qualifier", None)) for _, c in members}
    strip = len(senses) == 1 and senses != {"point"}  # "up to 21 miles" vs "up to 35 km": the numbers
    reports = [r for gi, c in members if (r := _report(gi, c, unit, strip)) is not None]
    across = not isinstance(members[0][1], DistanceClaim)  # territory: only across articles
    if len({r.article for r in reports} if across else reports) < 2:
        return []
    about = _about(reports[0].claim, country_key)
    values = [{"source": r.claim.source, "text": r.claim.text, "value": r.value, "allowed": [r.low, r.high],
               "date": r.date} for r in reports]  # fmt: skip
    low, high, agree = consensus(reports)
    if len(agree) < 2 or (across and len({r.article for r in agree}) < 2):
        if len(agree) >= 2:  # the only agreement is within one article: nothing to say across reports
            return []
        spans = " and ".join(f"{_span(r.low, r.high, unit)}" for r in reports[:3])
        why = f"{_names(reports, unit)}, {_both(reports)} {about}, disagree: allowed {spans} do not overlap"
        return [_group_verdict("inconsistent", reports[0], reports[1:], unit, why,
                               {"reports": values, "consensus": None})]  # fmt: skip
    out = []
    numbers = {"reports": len(values), "consensus": [low, high]}
    head = f"{_names(agree, unit)}, {_both(agree)} {about},"
    out.append(_group_verdict("consistent", agree[0], agree[1:], unit,
                              f"{head} agree ({_span(low, high, unit)} allowed by all)",
                              numbers | {"reports": values}))  # fmt: skip
    inside = {id(r) for r in agree}
    by_low = sorted(agree, key=lambda a: a.low)  # those above an outlier: a suffix of these
    by_high = sorted(agree, key=lambda a: a.high)  # those below it: a prefix of these
    lows, highs = [a.low for a in by_low], [a.high for a in by_high]
    for r in reports:
        if id(r) in inside:
            continue
        if r.high < low:  # below the consensus: disagrees with every agreeing report starting above it
            i = bisect.bisect_right(lows, r.high)
            against, n = by_low[i : i + SHOWN + 1], len(by_low) - i
        else:
            i = bisect.bisect_left(highs, r.low)
            against, n = by_high[max(0, i - SHOWN - 1) : i], i
        against = [a for a in against if a.article != r.article or not across][:SHOWN]
        if not against:
            continue
        why = (f"{quote(r.claim)} ({fmt(r.value, unit)}, {about}) disagrees with {_names(against, unit)}"
               f"{f' (of {n})' if n > len(against) else ''}: allowed {_span(r.low, r.high, unit)} against "
               f"{_span(low, high, unit)}")  # fmt: skip
        out.append(_group_verdict("inconsistent", r, against, unit, why,
                                  numbers | {"outlier": r.claim.text, "disagrees_with": n}))  # fmt: skip
    return out


def group_checks(
    claim_groups: list[tuple[Claim, ...]], countries: list[str | None] | None = None
) -> list[Verdict]:
    """``consistency`` verdicts per group of claims that report the same thing (see the module
    docstring); ``countries`` names, per article, the country most of its places lie in."""
    countries = countries or [None] * len(claim_groups)
    out: list[Verdict] = []
    for members in groups_of(claim_groups, countries):
        first = members[0][1]
        key = _key(first, countries[members[0][0]])
        out += _verdicts(members, key[2] if key and key[0] == "territory" else None)
    return out


def pair_checks(groups: list[tuple[Claim, ...]]) -> list[Verdict]:
    """:func:`group_checks` without article countries (the name of earlier versions)."""
    return group_checks(groups)


def article_country(places: Iterable[Any]) -> str | None:
    """Where an article is: ``"country XX|Oblast"`` -- the country code most of ``places`` have, and the
    first-level region (oblast) most of its towns and regions lie in when it has at least two and more than
    twice as many as any other ("" when none does); None when no place has a country."""
    places = list(places)
    counts = Counter(p.country for p in places if getattr(p, "country", None))
    if not counts:
        return None
    code = counts.most_common(1)[0][0]
    regions = Counter(p.admin1 for p in places if p.kind in ("settlement", "region") and p.country == code
                      and p.admin1)  # fmt: skip
    ranked = [*regions.most_common(2), ("", 0), ("", 0)]
    top, second = ranked[0], ranked[1]
    return f"country {code}|{top[0] if top[1] >= 2 and top[1] > 2 * second[1] else ''}"
