"""The checks one claim gets on its own: its conversion, its distance and bearing, its area.

Gazetteer points stand for places that have an extent, so distances and bearings also allow
:func:`position_km` of slack at each end (the place's radius plus its point's uncertainty); a stated
distance longer than the straight line, by at most the road factor, is consistent as a road distance
(note ``road``).  When the article chose a place among its namesakes by the distance itself, the
verdict says it is not independent evidence (note ``not independent``).  Impossible numbers get the note
``impossible``.  A check that lacks a place gives an *unverifiable* verdict saying what is missing.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Mapping
from typing import Any

from frontmap.checks.areas import check_area_of_subject, check_comparison
from frontmap.checks.lines import edge_distance_km, is_front, line_anchor, stated_km
from frontmap.checks.verdict import (
    Verdict,
    _is_point,
    _verdict,
    fmt,
    judged,
    place_numbers,
    stated_length_unit,
    written,
)
from frontmap.errors import FrontmapError, InputError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import bearing, bearing_of, compass, distance_km
from frontmap.quantities.directions import bearing_difference
from frontmap.quantities.tolerance import (
    ROAD_FACTOR,
    check_interval,
    check_policy,
    conversion_consistent,
    direction_half_angle,
    distance_basis,
    factor,
    place_slack_km,
    short_of_line,
)
from frontmap.reading.claimlinks import IMPLIED_NOTES, at_centre
from frontmap.reading.claims import AreaClaim, Claim, ComparisonClaim, DistanceClaim, ShareClaim
from frontmap.shapes import place_area_km2

__all__ = ["claim_checks", "nothing_to_check", "position_km"]


def claim_checks(
    c: Claim, siblings: tuple[Claim, ...] = (), evidence: Mapping[str, Any] | None = None
) -> list[Verdict]:
    """The verdicts one claim gets on its own (no control maps, no other articles); ``evidence`` says how
    the article chose its places among namesakes (see :func:`check_distance`)."""
    out: list[Verdict] = []
    if isinstance(c, DistanceClaim | AreaClaim) and c.converted is not None:
        out.append(check_conversion(c))
    bad = _impossible(c)
    if bad is not None:
        return [*out, bad]
    if isinstance(c, DistanceClaim):
        out += check_distance(c, evidence)
        return out
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
    """Slack (km) for where in a place a reporter measured from: the place's radius (its gazetteer
    ``extent_km``, else that of a town of its population, else of its kind) plus the uncertainty of its
    point -- :func:`frontmap.quantities.tolerance.place_slack_km`.

    >>> f"{position_km(Place('x', 'Kharkiv', 'settlement', 50.0, 36.2, population=1_430_000)):.1f}"
    '10.7'
    """
    return place_slack_km(place.kind, place.population, place.extent_km, place.uncertainty_km)


def _negative(c: Claim) -> str | None:
    value = getattr(c, "value", 0.0)
    return f"a {c.kind} cannot be negative" if value is not None and value < 0 else None


def _over_whole(c: Claim) -> str | None:
    if isinstance(c, ShareClaim) and c.value > 1.0:
        return f"a share of {fmt(c.value, 'share')} is more than the whole"
    return None


def _over_earth(c: Claim) -> str | None:
    earth = check_policy()["earth_km2"]
    if isinstance(c, AreaClaim) and c.km2 > earth:
        return f"{fmt(c.km2, 'km2')} is more than the area of the Earth ({fmt(earth, 'km2')})"
    return None


@functools.cache
def _country_km2(code: str) -> tuple[str, float] | None:
    try:
        country = Gazetteer().country(code)
        return country.name, place_area_km2(country)
    except FrontmapError:
        return None


def _over_country(c: Claim) -> str | None:
    """Ground said to change hands (or be held) with no place named, larger than the country its places
    are in (Ukraine when it names none): no front is that large."""
    if not isinstance(c, AreaClaim) or c.subject is not None or c.change is None or not c.km2 > 0:
        return None
    codes = {p.country for p in c.places if p.country}
    found = _country_km2(codes.pop() if len(codes) == 1 else "UA")
    if found is None or check_interval(c.km2, c.qualifier, c.value_text or None)[0] <= found[1]:
        return None
    return f"{fmt(c.km2, 'km2')} is more than the whole of {found[0]} ({fmt(found[1], 'km2')})"


#: The rules that find an impossible number, in order: each gives the reason, or None.
IMPOSSIBLE: tuple[Any, ...] = (_negative, _over_whole, _over_earth, _over_country)


def _impossible(c: Claim) -> Verdict | None:
    """A number no claim can state (:data:`IMPOSSIBLE`): a negative distance or area, a share over 100 %,
    an area larger than the Earth or than the country it lies in."""
    for rule in IMPOSSIBLE:
        why = rule(c)
        if why is not None:
            kind = c.kind if c.kind in ("distance", "area", "share") else "consistency"
            return _verdict(kind, "inconsistent", c, f"'{c.text}' is impossible: {why}",
                            stated=getattr(c, "value", None), unit=getattr(c, "unit", None),
                            note="impossible")  # fmt: skip
    return None


def check_distance(c: DistanceClaim, evidence: Mapping[str, Any] | None = None) -> list[Verdict]:
    """Distance and bearing verdicts for a claim that names both places; [] when it names no subject.

    ``evidence`` maps a place id to how the article chose that place among its namesakes
    (``{"evidence": "claim", "namesakes": 3}``)."""
    if c.subject is None or is_front(c):
        return []  # a distance from the front line is measured against control maps (lines.front_checks)
    anchor = c.anchor if c.anchor is not None else line_anchor(c)
    if anchor is None:
        return [
            _verdict(
                "distance",
                "unverifiable",
                c,
                f"'{c.text}': {_no_anchor(c)}, so the distance to {c.subject.name} cannot be measured",
            )
        ]
    a, s = anchor, c.subject
    if a == s:
        return [_verdict("distance", "unverifiable", c, f"'{c.text}' measures {a.name} from itself")]
    if c.km <= 0:
        return [_verdict("distance", "unverifiable", c, f"'{c.text}' states no distance")]
    low, high = stated_km(c)
    places = {"anchor": _with_evidence(a, evidence), "subject": _with_evidence(s, evidence)}
    if _is_point(a) and _is_point(s):
        d = distance_km(a, s)
        # "12 km from central Kyiv": measured from the centre, not from anywhere in the city
        centre = at_centre(c.anchor_text)
        slack = (_uncertainty(a) if centre else position_km(a)) + position_km(s)
        beyond = _uncertainty(a) + _uncertainty(s)
        what = f"{s.name} lies {fmt(d, 'km')} from {'the centre of ' if centre else ''}{a.name}"
    elif _is_point(a) or _is_point(s):
        pt, area = (a, s) if _is_point(a) else (s, a)
        d = edge_distance_km(pt, area)
        slack = position_km(pt)
        beyond = _uncertainty(pt)
        edge = (
            "border" if area.kind == "country" and "border" in (c.anchor_text or c.text).lower() else "edge"
        )
        what = f"{pt.name} lies {fmt(d, 'km')} from the nearest {edge} of {area.name}"
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
    if c.measure == "route":  # "1,600 km by road"
        what += " in a straight line (a way by road or rail is longer: the figure is the most it can be)"
    out = [_judge_distance(c, d, (slack, beyond), low, high, what + _approximate(a, s), places)]
    if c.direction is None:
        return _guessed(c, out)
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
    return _guessed(c, out)


def _guessed(c: DistanceClaim, verdicts: list[Verdict]) -> list[Verdict]:
    """A distance whose place to measure from the reader only guessed ("Tokmak is another 23 km to the
    south": from the town named before?) cannot be shown wrong by that guess: what does not fit is
    unverifiable (note ``implied anchor``); what fits stays consistent."""
    if c.note not in IMPLIED_NOTES or c.anchor is None:
        return verdicts
    return [
        dataclasses.replace(
            v,
            status="unverifiable",
            note="implied anchor",
            explanation=f"{v.explanation}; but the text does not say where '{c.text}' is measured from "
            f"({c.anchor.name} is the reader's guess), so this is no evidence against it",
        )
        if v.status == "inconsistent"
        else v
        for v in verdicts
    ]


def _with_evidence(p: Place, evidence: Mapping[str, Any] | None) -> dict[str, Any]:
    extra = dict((evidence or {}).get(p.id, {}))
    return place_numbers(p, slack_km=round(position_km(p), 3), **extra)


def _judge_distance(
    c: DistanceClaim,
    d: float,
    slacks: tuple[float, float],
    low: float,
    high: float,
    what: str,
    places: dict[str, Any],
) -> Verdict:
    """The distance verdict: straight line, or road distance (:func:`distance_basis`), with its numbers.
    ``slacks``: how much shorter (the places' radii and point uncertainty) and how much longer (the
    point uncertainty only) than the straight line ``d`` the stated figure may be."""
    slack, beyond = slacks
    u = stated_length_unit(c)
    per = c.km / c.value if c.value else 1.0  # km per stated unit
    basis = distance_basis(low, high, d, slack, beyond)
    numbers = places | {"straight_km": d, "slack_km": slack, "beyond_km": beyond, "basis": basis,
                        "road_band_km": [d * ROAD_FACTOR[0], d * ROAD_FACTOR[1]]}  # fmt: skip
    tail = _not_independent(places)
    note = "not independent" if tail else None
    if basis == "road":  # the measured straight line may be as short as the stated figure / road factor
        lo, hi = low / ROAD_FACTOR[1] / per, (high + slack) / per
        v = judged("distance", c, c.value, d / per, u, lo, hi, what, numbers, "road")
        said = f"'{c.text}' is longer than the straight line, consistent as a road distance (up to "
        explanation = f"{what}: {said}{ROAD_FACTOR[1]:g} times the straight line){tail}"
        return dataclasses.replace(v, explanation=explanation, note=note or "road")
    # below the line: within the places' extents, or a fifth short of the line between their points
    lo, hi = max(0.0, low - beyond) / per, max(high + slack, short_of_line(c.km)) / per
    v = judged("distance", c, c.value, d / per, u, lo, hi, what, numbers, note)
    return dataclasses.replace(v, explanation=v.explanation + tail) if tail else v


def _uncertainty(p: Place) -> float:
    """How far (km) the place's point may be from where it really is (0 for a well-placed point)."""
    return max(0.0, p.uncertainty_km or 0.0)


def _approximate(*places: Place) -> str:
    """What to add to an explanation for places whose point is uncertain by 1 km or more:
    " (Blahodatne's point is approximate, ±8.6 km)"."""
    shaky = [
        f"{p.name}'s point is approximate, ±{p.uncertainty_km:.1f} km"
        for p in places
        if p.uncertainty_km >= 1
    ]
    return f" ({'; '.join(shaky)})" if shaky else ""


def _not_independent(places: dict[str, Any]) -> str:
    """The clause saying the verdict is not independent evidence: the distance chose the place among its
    namesakes, and it is not the one chosen when nothing points elsewhere (the gazetteer's first)."""
    for role in ("subject", "anchor"):
        p = places[role]
        if p.get("evidence") == "claim" and p.get("namesakes", 0) > 1 and not p.get("default", False):
            return (f", but this distance is what chose this {p['name']} among {p['namesakes']} places of "
                    "that name, so the verdict is not independent evidence")  # fmt: skip
    return ""


def _bearing_verdict(
    c: DistanceClaim, a: Place, s: Place, b: float, d: float, slack: float, compass: Any
) -> Verdict:
    assert c.direction is not None
    stated = c.bearing_deg if c.bearing_deg is not None else bearing_of(c.direction)
    half = direction_half_angle(c.direction)
    tol = half + math.degrees(math.atan2(slack, d))
    diff = bearing_difference(b, stated)
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


def nothing_to_check(c: Claim, have_maps: bool) -> Verdict:
    maps = "" if have_maps else "; give control maps (against=) to check it against the ground"
    if isinstance(c, DistanceClaim):
        if is_front(c):
            why = "it is measured from the front line" + (maps or " but names no place at that distance")
        elif c.anchor is None:
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
