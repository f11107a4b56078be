"""The checks one claim gets on its own: its conversion, its distance and bearing, its area.

Gazetteer points stand for towns that have an extent, so distances and bearings also allow
:func:`position_km` of slack at each end (half the radius of a town of that population).  A check that
lacks a place gives an *unverifiable* verdict saying what is missing.
"""

from __future__ import annotations

import math
from typing import Any

from frontmap.checks.areas import check_area_of_subject, check_comparison
from frontmap.checks.verdict import (
    URBAN_DENSITY,
    Verdict,
    _is_point,
    _verdict,
    fmt,
    judged,
    written,
)
from frontmap.errors import FrontmapError, InputError
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import bearing, bearing_of, compass, distance_km
from frontmap.quantities.tolerance import conversion_consistent, direction_half_angle, factor
from frontmap.reading.claims import AreaClaim, Claim, ComparisonClaim, DistanceClaim, ShareClaim
from frontmap.shapes import distance_interval_km

__all__ = ["claim_checks", "nothing_to_check", "position_km"]


def claim_checks(c: Claim, siblings: tuple[Claim, ...] = ()) -> list[Verdict]:
    """The verdicts one claim gets on its own (no control maps, no other articles)."""
    out: list[Verdict] = []
    if isinstance(c, DistanceClaim | AreaClaim) and c.converted is not None:
        out.append(check_conversion(c))
    if isinstance(c, DistanceClaim):
        out += check_distance(c)
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
    """Slack (km) for where in a place a reporter measured from: half the radius of a town of its
    population at :data:`URBAN_DENSITY` (at least 0.5 km; 0.5 km for facilities and unknown size).

    >>> f"{position_km(Place('x', 'Kharkiv', 'settlement', 50.0, 36.2, population=1_430_000)):.1f}"
    '5.3'
    """
    if place.kind != "settlement" or not place.population:
        return 0.5
    return max(0.5, 0.5 * math.sqrt(place.population / URBAN_DENSITY / math.pi))


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


def nothing_to_check(c: Claim, have_maps: bool) -> Verdict:
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
