"""Checking the numbers articles state against geometry: :func:`check` gives :class:`Verdict` records.

=============  ===========================================================================================
check          what is compared
=============  ===========================================================================================
conversion     a parenthetical conversion with its figure: "74 km (46 miles)"; a wrong one is diagnosed
               when it matches a known slip (the linear factor used for an area, the factor inverted).
distance       a distance claim naming both places ("Balakliia, 74 km southeast of Kharkiv") with the
               geodesic distance between them, each end anywhere within its place (extent and point
               uncertainty), or as a road distance (up to 1.4 times the straight line, said so); to the
               nearest edge of an area or line (a border, the coast); with control maps, to the front line
               (:mod:`frontmap.checks.lines`) and the depth of an advance (:mod:`frontmap.checks.advance`).
bearing        the same claim's direction with the geodesic initial bearing anchor → subject.
area           an area stated for a place ("Ukraine's 600,000 km²") with the gazetteer outline's geodesic
               area; an area said to have changed hands *in* a place must fit inside it; with control
               maps (``against=``), the ground lost/gained over the period the text states, or held on
               the claim's date (:mod:`frontmap.checks.against`, :mod:`frontmap.checks.periods`).
share          with control maps, a share of a country with the controlled share of the map nearest in
               time to the claim's date.
comparison     "about the size of the West Bank and Gaza put together": the area claim it refers
               to against the area of the union of the places.
consistency    reports of the same distance or territory, per group: the consensus and the outliers
               (see :mod:`frontmap.checks.pairs`).
=============  ===========================================================================================

Every status comes from the one tolerance policy, :mod:`frontmap.quantities.tolerance`: a measurement is
*consistent* when it falls inside :func:`~frontmap.quantities.tolerance.check_interval` of the stated
number (rounding as written, widened by its qualifier; a lower bound open above); a direction covers ±
its half-angle.  Gazetteer points stand for places that have an extent, so distances and bearings also
allow :func:`position_km` of slack at each end (the place's radius plus its point's uncertainty).  A
number no claim can state (a negative distance, a share over 100 %, an area larger than the Earth or
than its region) is *inconsistent* with the note ``impossible``.  A check that lacks a place, a date or
a control map gives an *unverifiable* verdict saying what is missing; every claim gets at least one
verdict.  Every verdict records the numbers it used in ``numbers`` (``to_dict()``).

Examples
--------
>>> from frontmap.reading.claims import DistanceClaim
>>> from frontmap.gazetteer.place import Place
>>> kharkiv = Place("x:1", "Kharkiv", "settlement", 49.9935, 36.2304, "UA", population=1_430_000)
>>> balakliia = Place("x:2", "Balakliia", "settlement", 49.4627, 36.8586, "UA", population=27_000)
>>> c = DistanceClaim("74 km southeast of Kharkiv", 0, 26, value=74, km=74, value_text="74",
...                   direction="SE", bearing_deg=135.0, anchor=kharkiv, subject=balakliia)
>>> [(v.check, v.status) for v in check([c])]
[('distance', 'consistent'), ('bearing', 'consistent')]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from frontmap.checks.advance import advance_checks
from frontmap.checks.against import against_checks, reference_maps
from frontmap.checks.lines import front_checks
from frontmap.checks.pairs import article_country, group_checks
from frontmap.checks.single import claim_checks, nothing_to_check, position_km
from frontmap.checks.verdict import CHECKS, NOTES, STATUSES, Verdict, _verdict
from frontmap.errors import FrontmapError, InputError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.gazetteer.names import normalize
from frontmap.reading.article import Article
from frontmap.reading.claims import Claim

__all__ = ["CHECKS", "NOTES", "STATUSES", "Verdict", "check", "position_km"]


# ------------------------------------------------------------------------------------------- inputs
@dataclass(frozen=True)
class _Group:
    """The claims of one article (or of one source, for loose claims), in order, with what the article
    tells about them: its text, how its places were chosen among namesakes, its country."""

    claims: tuple[Claim, ...]
    label: str
    text: str = ""
    evidence: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    country: str | None = None


def _groups(items: Any) -> list[_Group]:
    if isinstance(items, Article | Claim):
        items = [items]
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise InputError(
            f"check() takes Articles or claims (or a list of them), got {items!r}; "
            "read text first with frontmap.read(text)"
        )
    groups: list[_Group] = []
    loose: dict[Any, list[Claim]] = {}
    for i, item in enumerate(items):
        if isinstance(item, Article):
            claims = tuple(_stamp(c, item.source, item.published) for c in item.claims)
            groups.append(_Group(claims, item.source or f"article {i + 1}", item.text, homonym_evidence(item),
                                 article_country(item.places)))  # fmt: skip
        elif isinstance(item, Claim):
            loose.setdefault(item.source, []).append(item)
        else:
            raise InputError(f"check() takes Articles or claims; item {i} is {item!r}")
    groups += [_Group(tuple(cs), src or "claims") for src, cs in loose.items()]
    return groups


def _stamp(c: Claim, source: str | None, published: Any) -> Claim:
    """The claim with its article's source and date filled in where it lacks them."""
    changes: dict[str, Any] = {}
    if c.source is None and source is not None:
        changes["source"] = source
    if c.published is None and published is not None:
        changes["published"] = published
    return dataclasses.replace(c, **changes) if changes else c


def homonym_evidence(article: Article) -> dict[str, dict[str, Any]]:
    """For each place of the article that shares its name with other gazetteer places: how the reader
    chose it (``evidence``, see :data:`frontmap.reading.homonyms.EVIDENCE`), how many places have that
    name (``namesakes``) and whether it is the one the gazetteer ranks first (``default``: the one chosen
    when nothing in the text points elsewhere)."""
    out: dict[str, dict[str, Any]] = {}
    gz = Gazetteer()
    for m in article.mentions:
        p = m.place
        if p is None or p.id in out or m.evidence in (None, "only"):
            continue
        try:
            found = gz.lookup(normalize(m.text))
        except FrontmapError:
            continue
        if len(found) > 1:
            out[p.id] = {"evidence": m.evidence, "namesakes": len(found), "default": found[0] == p}
    return out


# ------------------------------------------------------------------------------------- entry point
def check(articles_or_claims: Any, against: Any = None) -> list[Verdict]:
    """Check the numbers in articles (or claims) against geometry, control maps and each other.

    Parameters
    ----------
    articles_or_claims : Article, Claim or iterable of them
        Loose claims are grouped by ``source`` (one group counts as one article).
    against : optional
        Reference control: a ``ControlMap``, a list of them, a directory or file path(s) read with
        ``ControlMap.read``, a GeoDataFrame or a shapely geometry (see :mod:`frontmap.checks.against`).

    Returns
    -------
    list of Verdict
        For each article, its claims' own verdicts in claim order (in :data:`CHECKS` order per claim);
        then the cross-report ``consistency`` verdicts, per group of reports of the same thing.  Every
        claim appears in at least one verdict.

    Raises
    ------
    InputError
        For inputs that are not articles or claims; ControlMapError for unreadable control maps.
    """
    groups = _groups(articles_or_claims)
    maps = reference_maps(against)
    singles: dict[int, list[Verdict]] = {}
    for g in groups:
        for c in g.claims:
            singles[id(c)] = _own(c, g, maps)
    pairs = group_checks([g.claims for g in groups], [g.country for g in groups])
    covered = {id(c) for vs in singles.values() if vs for c in [vs[0].claim]}
    for v in pairs:
        covered |= {id(v.claim)} | {id(o) for o in v.others}
    out: list[Verdict] = []
    for g in groups:
        for c in g.claims:
            mine = singles[id(c)]
            out += mine if id(c) in covered else [nothing_to_check(c, maps is not None)]
    return out + pairs


def _own(c: Claim, g: _Group, maps: list[Any] | None) -> list[Verdict]:
    """The verdicts one claim gets on its own and against the maps."""
    try:
        out = claim_checks(c, g.claims, g.evidence)
        if maps is not None and not any(v.note == "impossible" for v in out):
            out += against_checks(c, maps, g.text) + front_checks(c, maps) + advance_checks(c, maps, g.text)
        return out
    except FrontmapError as exc:  # a malformed claim (unknown direction, qualifier...)
        kind = c.kind if c.kind in CHECKS else "consistency"
        return [_verdict(kind, "unverifiable", c, f"cannot check '{c.text}': {exc}")]
