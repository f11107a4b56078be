"""Area checks of single claims: a place's stated size, ground that changed hands in a place, and
comparisons with named places ("about the size of the West Bank and Gaza put together").

Areas are geodesic km² of the gazetteer's outlines (:func:`frontmap.shapes.place_area_km2`); stated
numbers become intervals by :func:`~frontmap.quantities.tolerance.interval`.  A comparison with named
places is a
likeness, so an unqualified one is read as "about" (±10 %), never narrower than the area's own rounding.
"""

from __future__ import annotations

from frontmap.checks.verdict import (
    Verdict,
    _is_point,
    _span,
    _verdict,
    fmt,
    judged,
    place_numbers,
    safe_interval,
)
from frontmap.errors import FrontmapError
from frontmap.geometry.geodesic import area_km2
from frontmap.reading.claims import AreaClaim, Claim, ComparisonClaim, ShareClaim
from frontmap.shapes import place_area_km2

__all__ = ["check_area_of_subject", "check_comparison", "stated_area"]


def check_area_of_subject(c: AreaClaim) -> Verdict | None:
    """An area claimed for a region or country: its outline's area (no change) or an upper bound
    (ground that changed hands *in* it); None when the subject is not an area."""
    s = c.subject
    if s is None or _is_point(s) or not c.km2 > 0:
        return None
    try:
        measured = place_area_km2(s)
    except FrontmapError:
        return None
    low, high = safe_interval(c.km2, c.qualifier, c.value_text)
    if c.change is None:
        return judged(
            "area",
            c,
            c.km2,
            measured,
            "km2",
            low,
            high,
            f"{s.name}'s outline measures {fmt(measured, 'km2')}",
        )
    ok = low <= measured
    what = f"{s.name} measures {fmt(measured, 'km2')} in all"
    tail = (
        "so the area fits inside it"
        if ok
        else "less than the area said to have changed hands in it, which is impossible"
    )
    return _verdict(
        "area",
        "consistent" if ok else "inconsistent",
        c,
        f"{what}: {tail} ('{c.text}')",
        stated=c.km2,
        measured=measured,
        unit="km2",
        ratio=measured / c.km2,
        tolerance=(c.km2 - low) / c.km2,
        note=None if ok else "impossible",
        numbers={"measured": measured, "allowed": [low, high], "unit": "km2", "subject": place_numbers(s)},
    )


def stated_area(c: Claim) -> tuple[float, float, float] | None:
    """``(km2, low, high)`` an area or share claim states (a share times the area of ``of``), or None."""
    if isinstance(c, AreaClaim) and c.km2 > 0:
        return (c.km2, *safe_interval(c.km2, c.qualifier, c.value_text))
    if isinstance(c, ShareClaim) and c.of is not None and c.value > 0:
        try:
            total = place_area_km2(c.of)
        except FrontmapError:
            return None
        lo, hi = safe_interval(c.value, c.qualifier, c.value_text)
        return c.value * total, lo * total, hi * total
    return None


def check_comparison(c: ComparisonClaim, siblings: tuple[Claim, ...]) -> Verdict:
    """The area a comparison refers to against the area of the union of the compared places."""
    target = siblings[c.refers_to] if c.refers_to is not None and 0 <= c.refers_to < len(siblings) else None
    names = " and ".join(p.name for p in c.places) or "no places"
    if target is None:
        return _verdict(
            "comparison", "unverifiable", c, f"'{c.text}' is not tied to an area stated before it"
        )
    if not c.places:
        return _verdict("comparison", "unverifiable", c, f"'{c.text}' names no places known to the gazetteer")
    points = [p.name for p in c.places if _is_point(p)]
    if points:
        return _verdict(
            "comparison", "unverifiable", c,
            f"{', '.join(points)} in '{c.text}' has no outline in the gazetteer (only a point), so the "
            "areas cannot be added up",
        )  # fmt: skip
    stated = stated_area(target)
    if stated is None:
        return _verdict(
            "comparison", "unverifiable", c, f"the claim '{target.text}' compared has no usable area"
        )
    from shapely import union_all

    measured = area_km2(union_all([p.geometry for p in c.places])) * c.factor
    km2, low, high = stated
    # "about the size of X": the area lies in about(area of X); compared with the area's own interval
    q = c.qualifier or "about"  # a likeness to named places is approximate even when unqualified
    like = safe_interval(measured, q, None)
    parts = ", ".join(f"{p.name} {fmt(area_km2(p.geometry), 'km2')}" for p in c.places)
    verb = "measure" if len(c.places) > 1 else "measures"
    base = measured / c.factor
    together = f"{names} {verb} {fmt(base, 'km2')}" + (f" together ({parts})" if len(c.places) > 1 else "")
    if c.factor != 1.0:
        together += f", so {c.factor:g} times that is {fmt(measured, 'km2')}"
    if c.relation == "larger":  # the stated area is larger than the places
        ok, allowed = measured <= high, f"{fmt(km2, 'km2')} may be up to {_span(low, high, 'km2')}"
    elif c.relation == "smaller":
        ok, allowed = measured >= low, f"{fmt(km2, 'km2')} may be down to {_span(low, high, 'km2')}"
    else:
        ok = low <= like[1] and like[0] <= high
        allowed = f"{_span(low, high, 'km2')} against {_span(*like, 'km2')}"
    rel = {"equal": "comparable to", "larger": "smaller than", "smaller": "larger than"}.get(
        c.relation, "comparable to"
    )
    tail = f"{rel} '{target.text}'" if ok else f"not {rel} '{target.text}' ({allowed})"
    return _verdict(
        "comparison",
        "consistent" if ok else "inconsistent",
        c,
        f"{together}: {tail}",
        stated=km2,
        measured=measured,
        unit="km2",
        ratio=measured / km2,
        tolerance=max(km2 - low, high - km2) / km2 + max(measured - like[0], like[1] - measured) / measured,
    )
