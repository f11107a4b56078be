"""Checking the numbers articles state against geometry: :func:`check` gives :class:`Verdict` records.

=============  ===========================================================================================
check          what is compared
=============  ===========================================================================================
conversion     a parenthetical conversion with its figure: "74 km (46 miles)"; a wrong one is diagnosed
               when it matches a known slip (the linear factor used for an area, the factor inverted).
distance       a distance claim naming both places ("Balakliia, 74 km southeast of Kharkiv") with the
               geodesic distance between them (to the nearest edge when one of them is an area).
bearing        the same claim's direction with the geodesic initial bearing anchor → subject.
area           an area stated for a place ("Ukraine's 600,000 km²") with the gazetteer outline's geodesic
               area; an area said to have changed hands *in* a place must fit inside it; with control
               maps (``against=``), the ground lost/gained or held on the claim's dates.
share          with control maps, a share of a country with the controlled share on the claim's date.
comparison     "about the size of the West Bank and Gaza put together": the area claim it refers
               to against the area of the union of the places.
consistency    two claims about the same thing disagreeing (see :mod:`frontmap.checks.pairs`).
=============  ===========================================================================================

Every status comes from the one tolerance policy, :mod:`frontmap.quantities.tolerance`: a measurement is
*consistent* when it falls inside :func:`~frontmap.quantities.tolerance.interval` of the stated number
(rounding as
written, widened by its qualifier); a direction covers ± its half-angle.  Gazetteer points stand for
towns that have an extent, so distances and bearings also allow :func:`position_km` of slack at each
end (half the radius of a town of that population).  A check that lacks a place, a date or a control
map gives an *unverifiable* verdict saying what is missing; every claim gets at least one verdict.

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
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from frontmap.checks.against import against_checks, reference_maps
from frontmap.checks.pairs import pair_checks
from frontmap.checks.single import claim_checks, nothing_to_check, position_km
from frontmap.checks.verdict import CHECKS, STATUSES, Verdict, _verdict
from frontmap.errors import FrontmapError, InputError
from frontmap.reading.article import Article
from frontmap.reading.claims import Claim

__all__ = ["CHECKS", "STATUSES", "Verdict", "check", "position_km"]


# ------------------------------------------------------------------------------------------- inputs
@dataclass(frozen=True)
class _Group:
    """The claims of one article (or of one source, for loose claims), in order."""

    claims: tuple[Claim, ...]
    label: str


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
            groups.append(_Group(claims, item.source or f"article {i + 1}"))
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


# ------------------------------------------------------------------------------------- entry point
def check(articles_or_claims: Any, against: Any = None) -> list[Verdict]:
    """Check the numbers in articles (or claims) against geometry, control maps and each other.

    Parameters
    ----------
    articles_or_claims : Article, Claim or iterable of them
        Loose claims are grouped by ``source`` (one group counts as one article).
    against : optional
        Reference control: a ``ControlMap``, a list of them, a directory or file path(s) read with
        ``ControlMap.read``, a GeoDataFrame or a shapely geometry (see :mod:`frontmap._checks_against`).

    Returns
    -------
    list of Verdict
        For each article, its claims' own verdicts in claim order (in :data:`CHECKS` order per claim);
        then the cross-claim ``consistency`` verdicts.  Every claim appears in at least one verdict.

    Raises
    ------
    InputError
        For inputs that are not articles or claims; ControlMapError for unreadable control maps.
    """
    groups = _groups(articles_or_claims)
    maps = reference_maps(against)
    singles: list[Verdict] = []
    for g in groups:
        for c in g.claims:
            try:
                singles += claim_checks(c, g.claims)
                if maps is not None:
                    singles += against_checks(c, maps)
            except FrontmapError as exc:  # a malformed claim (unknown direction, qualifier...)
                kind = c.kind if c.kind in CHECKS else "consistency"
                singles.append(_verdict(kind, "unverifiable", c, f"cannot check '{c.text}': {exc}"))
    pairs = pair_checks([g.claims for g in groups])
    covered = {id(v.claim) for v in singles + pairs} | {id(v.other) for v in pairs}
    out: list[Verdict] = []
    for g in groups:
        for c in g.claims:
            mine = [v for v in singles if v.claim is c]
            out += mine if id(c) in covered else [nothing_to_check(c, maps is not None)]
    return out + pairs
