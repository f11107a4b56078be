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
consistency    two claims about the same thing disagreeing (see :mod:`frontmap._checks_pairs`).
=============  ===========================================================================================

Every status comes from the one tolerance policy, :mod:`frontmap.tolerance`: a measurement is
*consistent* when it falls inside :func:`~frontmap.tolerance.interval` of the stated number (rounding as
written, widened by its qualifier); a direction covers ± its half-angle.  Gazetteer points stand for
towns that have an extent, so distances and bearings also allow :func:`position_km` of slack at each
end (half the radius of a town of that population).  A check that lacks a place, a date or a control
map gives an *unverifiable* verdict saying what is missing; every claim gets at least one verdict.

Examples
--------
>>> from frontmap.claims import DistanceClaim
>>> from frontmap.place import Place
>>> kharkiv = Place("x:1", "Kharkiv", "settlement", 49.9935, 36.2304, "UA", population=1_430_000)
>>> balakliia = Place("x:2", "Balakliia", "settlement", 49.4627, 36.8586, "UA", population=27_000)
>>> c = DistanceClaim("74 km southeast of Kharkiv", 0, 26, value=74, km=74, value_text="74",
...                   direction="SE", bearing_deg=135.0, anchor=kharkiv, subject=balakliia)
>>> [(v.check, v.status) for v in check([c])]
[('distance', 'consistent'), ('bearing', 'consistent')]
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .claims import AreaClaim, Claim, ComparisonClaim, DistanceClaim, ShareClaim
from .errors import FrontmapError, InputError
from .place import Place
from .shapes import POINT_KINDS

__all__ = ["CHECKS", "STATUSES", "Verdict", "check", "position_km"]

#: The kinds of check, in the order a claim's verdicts are listed.
CHECKS = ("conversion", "distance", "bearing", "area", "share", "comparison", "consistency")
#: The possible statuses.
STATUSES = ("consistent", "inconsistent", "unverifiable")

#: Urban population density (people per km²) used to guess a town's radius from its population.
URBAN_DENSITY = 4000.0

_UNIT_WORDS = {"km": "km", "m": "m", "mi": "miles", "nmi": "nautical miles", "km2": "km²", "mi2": "sq mi",
               "ha": "ha", "m2": "m²", "acre": "acres", "deg": "°", "share": ""}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one check of one claim (or of two claims against each other).

    Attributes
    ----------
    check : str
        One of :data:`CHECKS`.
    status : str
        ``"consistent"``, ``"inconsistent"`` or ``"unverifiable"``.
    stated, measured : float or None
        The number the claim states and the one measured (or, for ``conversion``, computed from the
        figure; for ``consistency``, the other claim's number), both in ``unit``.
    unit : str or None
        ``km``, ``km2``, ``mi``..., ``deg`` for bearings, ``share`` for fractions (0.2 = 20 %).
    ratio : float or None
        ``measured / stated`` (None for bearings).
    tolerance : float or None
        The relative deviation allowed (0.1 = 10 %); for bearings, the angle allowed in degrees.
    claim, other : Claim
        The claim checked, and for cross-claim checks the other claim.
    explanation : str
        One plain sentence saying what was compared and why the status follows.
    """

    check: str
    status: str
    stated: float | None
    measured: float | None
    unit: str | None
    ratio: float | None
    tolerance: float | None
    claim: Claim
    other: Claim | None = None
    explanation: str = ""

    @property
    def source(self) -> str | None:
        """The source of the claim checked."""
        return self.claim.source

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: claims as ``frontmap extract`` prints them, plus their ``source``."""
        return {
            "check": self.check,
            "status": self.status,
            "stated": _json_num(self.stated),
            "measured": _json_num(self.measured),
            "unit": self.unit,
            "ratio": _json_num(self.ratio, 4),
            "tolerance": _json_num(self.tolerance, 4),
            "explanation": self.explanation,
            "claim": _claim_dict(self.claim),
            "other": _claim_dict(self.other) if self.other is not None else None,
        }


def _json_num(x: float | None, digits: int = 6) -> float | int | None:
    if x is None or not math.isfinite(x):
        return None
    r = round(float(x), digits)
    return int(r) if r.is_integer() and abs(r) < 1e15 else r


def _claim_dict(c: Claim) -> dict[str, Any]:
    return c.to_dict() | {"source": c.source}


# ---------------------------------------------------------------------------------------- formatting
def fmt(x: float, unit: str | None = None) -> str:
    """A number for an explanation: ``fmt(74.43, "km")`` -> ``'74.4 km'``, ``fmt(0.2, "share")`` -> ``'20%'``.

    >>> fmt(74.43, "km"), fmt(603628.4, "km2"), fmt(0.05, "share"), fmt(0.2, "share")
    ('74.4 km', '603,628 km²', '5%', '20%')
    """
    if unit == "share":
        return f"{x * 100:.3g}%" if x < 0.1 else f"{x * 100:.0f}%"
    if unit == "deg":
        return f"{x:.0f}°"
    if abs(x) >= 100 or float(x).is_integer():
        s = f"{x:,.0f}"
    else:
        s = f"{x:.1f}" if abs(x) >= 1 else f"{x:.3g}"
    word = _UNIT_WORDS.get(unit or "", unit or "")
    return f"{s} {word}".strip()


def written(value: float, text: str, unit: str) -> str:
    """A stated number as it was written, with its unit: ``written(46, "46", "mi")`` -> ``'46 miles'``."""
    if not text:
        return fmt(value, unit)
    return f"{text} {_UNIT_WORDS.get(unit, unit)}".strip()


def quote(c: Claim) -> str:
    """The claim's text in quotes, with the file name of its source when known."""
    import os

    return f"'{c.text}'" + (f" ({os.path.basename(c.source) or c.source})" if c.source else "")


def _span(low: float, high: float, unit: str) -> str:
    return f"{fmt(low, unit).split(' ')[0]}–{fmt(high, unit)}"


def safe_interval(value: float, qualifier: str | None, text: str | None) -> tuple[float, float]:
    """:func:`frontmap.tolerance.interval`, ignoring a qualifier the policy does not know."""
    from .tolerance import interval

    try:
        return interval(value, qualifier, text or None)
    except InputError:
        return interval(value, None, text or None)


def _verdict(check: str, status: str, claim: Claim, explanation: str, **kw: Any) -> Verdict:
    fields = {"stated": None, "measured": None, "unit": None, "ratio": None, "tolerance": None} | kw
    return Verdict(check=check, status=status, claim=claim, explanation=explanation, **fields)


def judged(
    check: str, claim: Claim, stated: float, measured: float, unit: str, low: float, high: float, what: str
) -> Verdict:
    """A verdict from a measurement and the interval the stated number allows; ``what`` opens the
    explanation ("Balakliia lies 74.4 km from Kharkiv")."""
    ok = low <= measured <= high
    tol = max(stated - low, high - stated) / stated if stated else math.inf
    said = f"'{claim.text}'"
    tail = f"consistent with {said}" if ok else f"inconsistent with {said} (allowed {_span(low, high, unit)})"
    return _verdict(
        check,
        "consistent" if ok else "inconsistent",
        claim,
        f"{what}: {tail}",
        stated=stated,
        measured=measured,
        unit=unit,
        ratio=measured / stated if stated else None,
        tolerance=tol,
    )


# ------------------------------------------------------------------------------------------- inputs
@dataclass(frozen=True)
class _Group:
    """The claims of one article (or of one source, for loose claims), in order."""

    claims: tuple[Claim, ...]
    label: str


def _groups(items: Any) -> list[_Group]:
    from .article import Article

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
    from ._checks_against import against_checks, reference_maps
    from ._checks_pairs import pair_checks

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
            out += mine if id(c) in covered else [_nothing_to_check(c, maps is not None)]
    return out + pairs


def claim_checks(c: Claim, siblings: tuple[Claim, ...] = ()) -> list[Verdict]:
    """The verdicts one claim gets on its own (no control maps, no other articles)."""
    out: list[Verdict] = []
    if isinstance(c, DistanceClaim | AreaClaim) and c.converted is not None:
        out.append(check_conversion(c))
    if isinstance(c, DistanceClaim):
        out += check_distance(c)
        return out
    from ._checks_areas import check_area_of_subject, check_comparison

    if isinstance(c, AreaClaim):
        v = check_area_of_subject(c)
        if v is not None:
            out.append(v)
    elif isinstance(c, ComparisonClaim):
        out.append(check_comparison(c, siblings))
    return out


# --------------------------------------------------------------------------------------- conversion
_LINEAR = {"km2": "km", "mi2": "mi", "m2": "m"}


def check_conversion(c: DistanceClaim | AreaClaim) -> Verdict:
    """Does the parenthetical conversion agree with the figure?  Diagnoses the usual slips."""
    from .tolerance import conversion_consistent, factor

    conv = c.converted
    assert conv is not None
    try:
        f = factor(c.unit, conv.unit)
    except InputError as exc:
        return _verdict("conversion", "unverifiable", c, f"cannot compare the units of '{c.text}': {exc}")
    ok, _, tol = conversion_consistent(c.value, conv.value, f, c.value_text or None, conv.value_text or None)
    expected = c.value * f
    head = f"{written(c.value, c.value_text, c.unit)} is {fmt(expected, conv.unit)}"
    said = written(conv.value, conv.value_text, conv.unit)
    if ok:
        why = f"{head}: consistent with the stated {said} (within {tol:.0%})"
    else:
        why = f"{head}, not {said}" + _diagnose(c, f)
    return _verdict(
        "conversion",
        "consistent" if ok else "inconsistent",
        c,
        why,
        stated=conv.value,
        measured=expected,
        unit=conv.unit,
        ratio=expected / conv.value if conv.value else None,
        tolerance=tol,
    )


def _diagnose(c: DistanceClaim | AreaClaim, f: float) -> str:
    from .tolerance import conversion_consistent, factor

    conv = c.converted
    assert conv is not None
    slips: list[tuple[float, str]] = [(1 / f, "the factor was inverted")]
    a, b = _LINEAR.get(c.unit), _LINEAR.get(conv.unit)
    if a and b and a != b:
        lin = factor(a, b)
        slips.insert(0, (lin, f"that is the linear {a}→{b} factor ({lin:.3f}), not the square one ({f:.3f})"))
    if c.unit in ("km", "mi") and conv.unit in ("km", "mi") and c.unit != conv.unit:
        slips.append((f * f, "that is the square-unit factor used for a length"))
    for g, text in slips:
        if conversion_consistent(c.value, conv.value, g, c.value_text or None, conv.value_text or None)[0]:
            return f": {text}"
    return ""


# ------------------------------------------------------------------------------- distance, bearing
def position_km(place: Place) -> float:
    """Slack (km) for where in a place a reporter measured from: half the radius of a town of its
    population at :data:`URBAN_DENSITY` (at least 0.5 km; 0.5 km for facilities and unknown size).

    >>> f"{position_km(Place('x', 'Kharkiv', 'settlement', 50.0, 36.2, population=1_430_000)):.1f}"
    '5.3'
    """
    if place.kind != "settlement" or not place.population:
        return 0.5
    return max(0.5, 0.5 * math.sqrt(place.population / URBAN_DENSITY / math.pi))


def _is_point(p: Place) -> bool:
    return p.kind in POINT_KINDS or p.geometry.geom_type == "Point"


def _edge_distance_km(point: Place, other: Place) -> float:
    """Geodesic distance (km) from a point place to the nearest part of an area or line place's geometry,
    measured in an azimuthal-equidistant plane centred on the point (true distances from the centre)."""
    import shapely
    from pyproj import Transformer

    to_plane = Transformer.from_crs(
        "EPSG:4326", f"+proj=aeqd +lon_0={point.lon} +lat_0={point.lat} +ellps=WGS84 +units=m", always_xy=True
    )
    g = shapely.segmentize(other.geometry, 0.05)
    planar = shapely.transform(g, lambda xy: _stack(to_plane.transform(xy[:, 0], xy[:, 1])))
    edge = planar.boundary if planar.geom_type in ("Polygon", "MultiPolygon") else planar
    return float(shapely.Point(0.0, 0.0).distance(edge)) / 1000.0


def _stack(xy: tuple[Any, Any]) -> Any:
    import numpy as np

    return np.column_stack(xy)


def check_distance(c: DistanceClaim) -> list[Verdict]:
    """Distance and bearing verdicts for a claim that names both places; [] when it names no subject."""
    if c.subject is None:
        return []
    if c.anchor is None:
        return [
            _verdict(
                "distance",
                "unverifiable",
                c,
                f"'{c.text}': {_no_anchor(c)}, so the distance to {c.subject.name} cannot be measured",
            )
        ]
    a, s = c.anchor, c.subject
    if a == s:
        return [_verdict("distance", "unverifiable", c, f"'{c.text}' measures {a.name} from itself")]
    from .geometry import bearing, compass, distance_km
    from .shapes import distance_interval_km

    try:
        low, high = distance_interval_km(c)
    except FrontmapError as exc:
        return [_verdict("distance", "unverifiable", c, str(exc))]
    if _is_point(a) and _is_point(s):
        d = distance_km(a, s)
        slack = position_km(a) + position_km(s)
        what = f"{s.name} lies {fmt(d, 'km')} from {a.name}"
    elif _is_point(a) or _is_point(s):
        pt, area = (a, s) if _is_point(a) else (s, a)
        d = _edge_distance_km(pt, area)
        slack = position_km(pt)
        what = f"{pt.name} lies {fmt(d, 'km')} from the nearest edge of {area.name}"
    else:
        return [
            _verdict(
                "distance",
                "unverifiable",
                c,
                f"'{c.text}' relates two areas ({s.name} and {a.name}); "
                "a distance between areas is not defined",
            )
        ]
    u = c.unit if c.unit in ("km", "mi", "m") else "km"
    per = c.km / c.value if c.value else 1.0  # km per stated unit
    lo, hi = max(0.0, low - slack) / per, (high + slack) / per
    out = [judged("distance", c, c.value, d / per, u, lo, hi, what)]
    if c.direction is None:
        return out
    if not (_is_point(a) and _is_point(s)):
        out.append(
            _verdict(
                "bearing",
                "unverifiable",
                c,
                f"the direction in '{c.text}' is from or to an area "
                f"({a.name if not _is_point(a) else s.name}); a bearing needs two points",
            )
        )
        return out
    out.append(_bearing_verdict(c, a, s, bearing(a, s), d, slack, compass))
    return out


def _bearing_verdict(
    c: DistanceClaim, a: Place, s: Place, b: float, d: float, slack: float, compass: Any
) -> Verdict:
    from .geometry import bearing_of
    from .tolerance import direction_half_angle

    assert c.direction is not None
    stated = c.bearing_deg if c.bearing_deg is not None else bearing_of(c.direction)
    half = direction_half_angle(c.direction)
    tol = half + math.degrees(math.atan2(slack, d))
    diff = (b - stated + 180.0) % 360.0 - 180.0
    ok = abs(diff) <= tol
    what = f"{s.name} lies at a bearing of {b:.0f}° ({compass(b)}) from {a.name}"
    if ok:
        tail = f"consistent with {c.direction} in '{c.text}'"
    else:
        tail = (
            f"{abs(diff):.0f}° off {c.direction} ({stated:.0f}°) in '{c.text}', "
            f"more than the ±{tol:.0f}° allowed"
        )
    return _verdict(
        "bearing",
        "consistent" if ok else "inconsistent",
        c,
        f"{what}: {tail}",
        stated=stated,
        measured=b,
        unit="deg",
        tolerance=tol,
    )


# ---------------------------------------------------------------------------------- nothing to check
def _no_anchor(c: DistanceClaim) -> str:
    if c.anchor_text:
        return f"the place measured from ({c.anchor_text!r}) is not in the gazetteer"
    return "it does not say where the distance is measured from"


def _nothing_to_check(c: Claim, have_maps: bool) -> Verdict:
    maps = "" if have_maps else "; give control maps (against=) to check it against the ground"
    if isinstance(c, DistanceClaim):
        if c.anchor is None:
            why = _no_anchor(c)
        else:
            why = f"it names no place at that distance from {c.anchor.name}, so nothing can be measured"
        return _verdict(
            "distance", "unverifiable", c, f"'{c.text}': {why} and no other report gives the same distance"
        )
    if isinstance(c, AreaClaim):
        if c.subject is not None and _is_point(c.subject):
            why = f"{c.subject.name} has no outline in the gazetteer"
        else:
            why = "it names no region or country whose area it is, and no other report matches it"
        return _verdict("area", "unverifiable", c, f"'{c.text}': {why}{maps if c.change else ''}")
    if isinstance(c, ShareClaim):
        if c.of is None:
            why = (
                f"it does not say what it is a share of ({c.of_text!r} is not a known place)"
                if c.of_text
                else "it does not say what it is a share of"
            )
        elif _is_point(c.of):
            why = f"{c.of.name} has no outline in the gazetteer"
        else:
            why = f"nothing to compare a share of {c.of.name} with{maps}"
        return _verdict("share", "unverifiable", c, f"'{c.text}': {why}")
    return _verdict(getattr(c, "kind", "consistency"), "unverifiable", c, f"'{c.text}': nothing to check")
