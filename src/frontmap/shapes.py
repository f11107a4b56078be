"""Claim geometries: the region on the map each kind of claim describes.

=====================  ================================================================================
claim                  geometry (:func:`claim_geometry`) and best point (:func:`claim_point`)
=====================  ================================================================================
distance, direction    the annular *sector* around the anchor: radii from the number's interval
                       (:func:`frontmap.quantities.tolerance.interval`: rounding and qualifier), angle ± the
                       direction's half-angle (8-wind ±22.5°, 16-wind ±11.25°).  "up to"/"within"
                       give a pie slice from 0 km.  Point: ``km`` along the bearing from the anchor.
distance, no direction the *ring* between the two radii (a disk for "up to"/"within").  Point: None
                       -- every point of the ring is equally likely, and the anchor is the one place
                       the claim says the subject is *not*.
area                   a *disk* of the stated area (km²) centred on the subject when it is a
                       settlement or facility, else on the centroid of the hull of the places said to
                       have changed hands, else on the subject's representative point.  Point: that
                       centre.  The disk shows a size near a place, not a boundary.
share                  a *disk* of the implied area (fraction × geodesic area of ``of``) centred on
                       ``of``'s representative point.  Again a size, not a location: "a fifth of the
                       country" is not the middle fifth.  Point: that centre.
comparison             the union of the compared places' geometries.  Point: its representative point.
=====================  ================================================================================

All shapes are shapely geometries in lon/lat (WGS84 degrees); distances in km, areas in km².  A claim
that lacks what its shape needs (no anchor, no place to centre on, a share of a point) raises
:class:`~frontmap.errors.ClaimError` naming the claim's text.

Examples
--------
>>> from frontmap.reading.claims import DistanceClaim
>>> from frontmap.gazetteer.place import Place
>>> kharkiv = Place("x:1", "Kharkiv", "settlement", 49.9935, 36.2304, "UA")
>>> c = DistanceClaim("74 km southeast of Kharkiv", 0, 26, value=74, unit="km", km=74,
...                   value_text="74", direction="SE", bearing_deg=135.0, anchor=kharkiv)
>>> p = claim_point(c)
>>> f"{p.x:.3f} {p.y:.3f}"
'36.953 49.521'
>>> claim_geometry(c).contains(p)
True
"""

from __future__ import annotations

from typing import Any

from frontmap.errors import ClaimError, FrontmapError
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import area_km2, bearing_of, destination, disk_of_area, hull, ring, sector
from frontmap.quantities.tolerance import direction_half_angle, interval
from frontmap.reading.claims import SHAPERS

__all__ = ["POINT_KINDS", "claim_geometry", "claim_point", "distance_interval_km", "place_area_km2"]

#: Place kinds whose geometry is a point (a settlement or facility has no polygon in the gazetteer).
POINT_KINDS = ("settlement", "facility")


def _label(claim: Any) -> str:
    return f"{getattr(claim, 'kind', 'claim')} claim {getattr(claim, 'text', claim)!r}"


def distance_interval_km(claim: Any) -> tuple[float, float]:
    """``(low, high)`` in km that a distance claim's number allows (rounding, qualifier; see tolerance).

    Examples
    --------
    >>> from frontmap.reading.claims import DistanceClaim
    >>> c = DistanceClaim("up to 35 km", 0, 11, value=35, unit="km", km=35, value_text="35",
    ...                   qualifier="up to")
    >>> distance_interval_km(c)
    (0.0, 37.5)
    """
    km = float(claim.km)
    if km <= 0:
        raise ClaimError(f"{_label(claim)} has no distance (km={claim.km!r}); a distance must be > 0")
    try:  # "up to", "within" ... give low = 0: a pie slice or disk from the anchor
        return interval(km, claim.qualifier, claim.value_text or None)
    except FrontmapError as exc:
        raise ClaimError(f"{_label(claim)}: {exc}") from None


def place_area_km2(place: Place) -> float:
    """Geodesic area in km² of a place's polygon; ClaimError for a place that is only a point."""
    if place.kind in POINT_KINDS or place.geometry.geom_type not in ("Polygon", "MultiPolygon"):
        raise ClaimError(
            f"{place.name!r} is a {place.kind} without an outline in the gazetteer, so it has no area; "
            "name a region or country instead"
        )
    return area_km2(place.geometry)


def _centre(place: Place) -> Any:
    """The representative point of a place (the stored one for polygons: always inside)."""
    from shapely.geometry import Point

    return Point(place.lon, place.lat)


def _area_centre(claim: Any) -> Any:
    subject = claim.subject
    if subject is not None and subject.kind in POINT_KINDS:
        return _centre(subject)
    if claim.places:
        h = hull(claim.places)
        if h.geom_type == "Point":  # one place (or several at the same spot)
            return h
        return h.centroid if h.geom_type == "Polygon" else h.interpolate(0.5, normalized=True)
    if subject is not None:
        return _centre(subject)
    raise ClaimError(
        f"{_label(claim)} has neither a subject place nor places said to have changed hands, "
        "so there is nowhere to put it; give the claim a subject or places"
    )


def _require_anchor(claim: Any) -> None:
    if claim.anchor is None:
        raise ClaimError(
            f"{_label(claim)} has no anchor place (anchor text {claim.anchor_text!r} was not resolved); "
            "a distance needs a place to measure from"
        )


def claim_geometry(claim: Any) -> Any:
    """The region a claim describes, as a shapely geometry in lon/lat (see the module docstring).

    Raises
    ------
    ClaimError
        When the claim lacks what its shape needs (anchor, places, an area for ``of``).

    Examples
    --------
    >>> from frontmap.reading.claims import AreaClaim
    >>> from frontmap.geometry import area_km2
    >>> izium = Place("x:2", "Izium", "settlement", 49.2078, 37.2566, "UA")
    >>> g = claim_geometry(AreaClaim("6,000 km²", 0, 9, value=6000, km2=6000, subject=izium))
    >>> f"{area_km2(g):.0f}"
    '6000'
    """
    kind = getattr(claim, "kind", None)
    try:
        if kind == "distance":
            _require_anchor(claim)
            low, high = distance_interval_km(claim)
            if claim.direction is None:
                return ring(_centre(claim.anchor), low, high)

            return sector(
                _centre(claim.anchor), low, high, _bearing(claim), direction_half_angle(claim.direction)
            )
        if kind == "area":
            if not claim.km2 > 0:
                raise ClaimError(f"{_label(claim)} has no area (km2={claim.km2!r}); an area must be > 0")
            return disk_of_area(_area_centre(claim), claim.km2)
        if kind == "share":
            if claim.of is None:
                raise ClaimError(
                    f"{_label(claim)} does not say what it is a share of ({claim.of_text!r} was not "
                    "resolved); a share needs a region or country"
                )
            if not 0 < claim.value <= 1:
                raise ClaimError(f"{_label(claim)} has share {claim.value!r}; a share must be in (0, 1]")
            return disk_of_area(_centre(claim.of), claim.value * place_area_km2(claim.of))
        if kind == "comparison":
            if not claim.places:
                raise ClaimError(f"{_label(claim)} names no places to compare with")
            from shapely import union_all

            return union_all([p.geometry for p in claim.places])
    except ClaimError as exc:
        if claim.text in str(exc):
            raise
        raise ClaimError(f"{_label(claim)}: {exc}") from None
    except FrontmapError as exc:  # GeometryError, InputError from the layers below
        raise ClaimError(f"{_label(claim)}: {exc}") from None
    raise ClaimError(
        f"cannot make a geometry from {claim!r}: not a distance, area, share or comparison claim"
    )


def _bearing(claim: Any) -> float:
    if claim.bearing_deg is not None:
        return float(claim.bearing_deg)

    return bearing_of(claim.direction)


def claim_point(claim: Any) -> Any:
    """The claim's best single point (shapely Point, lon/lat), or None for a distance without direction.

    Raises :class:`~frontmap.errors.ClaimError` like :func:`claim_geometry` when the claim lacks a place.

    Examples
    --------
    >>> from frontmap.reading.claims import DistanceClaim
    >>> kyiv = Place("x:3", "Kyiv", "settlement", 50.4501, 30.5234, "UA")
    >>> claim_point(DistanceClaim("35 km from Kyiv", 0, 15, value=35, km=35, anchor=kyiv)) is None
    True
    """
    kind = getattr(claim, "kind", None)
    try:
        if kind == "distance":
            _require_anchor(claim)
            if claim.direction is None:
                return None

            return destination(_centre(claim.anchor), claim.km, _bearing(claim))
        if kind == "area":
            return _area_centre(claim)
        if kind == "share":
            if claim.of is None:
                raise ClaimError(f"{_label(claim)} does not say what it is a share of")
            return _centre(claim.of)
        if kind == "comparison":
            return claim_geometry(claim).representative_point()
    except ClaimError:
        raise
    except FrontmapError as exc:
        raise ClaimError(f"{_label(claim)}: {exc}") from None
    raise ClaimError(f"cannot place {claim!r}: not a distance, area, share or comparison claim")


SHAPERS.update(claim_geometry=claim_geometry, claim_point=claim_point)
