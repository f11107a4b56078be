"""Claim geometries: sectors, rings, disks and unions built from hand-made claims.

Coordinates of Kharkiv, Kyiv, Balakliia and Izium are GeoNames points; the polygons are small
hand-made squares, not gazetteer outlines.
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point, Polygon

from frontmap.errors import ClaimError
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import area_km2, bearing, destination, distance_km
from frontmap.reading.claims import AreaClaim, ComparisonClaim, DistanceClaim, ShareClaim
from frontmap.shapes import claim_geometry, claim_point, distance_interval_km

KHARKIV = Place("t:kharkiv", "Kharkiv", "settlement", 49.9935, 36.2304, "UA", population=1_430_000)
KYIV = Place("t:kyiv", "Kyiv", "settlement", 50.4501, 30.5234, "UA", population=2_900_000)
BALAKLIIA = Place("t:balakliia", "Balakliia", "settlement", 49.4627, 36.8586, "UA", population=27_000)
IZIUM = Place("t:izium", "Izium", "settlement", 49.2078, 37.2566, "UA", population=45_000)
SQUARE = Polygon([(30, 48), (32, 48), (32, 50), (30, 50)])  # about 32,000 km²
REGION = Place("t:square", "Squareland", "region", 49.0, 31.0, "UA", _geometry=SQUARE)
SMALL = Place("t:small", "Smallland", "region", 45.5, 40.5, None,
              _geometry=Polygon([(40, 45), (41, 45), (41, 46), (40, 46)]))  # fmt: skip


def dist(text="74 km southeast of Kharkiv", value=74.0, unit="km", km=None, direction="SE", qualifier=None,
         anchor=KHARKIV, value_text=None, **kw):  # fmt: skip
    from frontmap.geometry.geodesic import bearing_of

    return DistanceClaim(
        text, 0, len(text), value=value, unit=unit, km=value if km is None else km,
        value_text=value_text if value_text is not None else f"{value:g}", qualifier=qualifier,
        direction=direction, bearing_deg=bearing_of(direction) if direction else None, anchor=anchor,
        anchor_text=anchor.name if anchor else "the city", **kw,
    )  # fmt: skip


# --- distance --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "half"), [("SE", 22.5), ("SSE", 11.25), ("E", 22.5)], ids=["8-wind SE", "16-wind SSE", "E"]
)
def test_distance_sector_spans_the_direction_precision(direction, half):
    g = claim_geometry(dist(direction=direction))
    from frontmap.geometry.geodesic import bearing_of

    b = bearing_of(direction)
    inside = [destination(KHARKIV, 74, b + s * (half - 1)) for s in (-1, 0, 1)]
    outside = [destination(KHARKIV, 74, b + s * (half + 2)) for s in (-1, 1)]
    assert all(g.contains(p) for p in inside)
    assert not any(g.contains(p) for p in outside)


@pytest.mark.parametrize(
    ("value", "text", "qualifier", "low", "high"),
    [
        (74, "74", None, 72.52, 75.48),  # the ±2 % floor beats ±0.5
        (35, "35", None, 32.5, 37.5),  # ends in 5: ±2.5
        (35, "35", "up to", 0.0, 37.5),
        (20, "20", "about", 17.5, 22.5),  # trailing zero, at most a quarter of 20: ±2.5
    ],
    ids=["74 plain", "35 rounded to 5", "up to 35", "about 20"],
)
def test_distance_radii_follow_the_tolerance_policy(value, text, qualifier, low, high):
    c = dist(value=value, value_text=text, qualifier=qualifier)
    lo, hi = distance_interval_km(c)
    assert lo == pytest.approx(low, abs=1e-6)
    assert hi == pytest.approx(high, abs=1e-6)
    g = claim_geometry(c)
    b = 135.0
    assert g.contains(destination(KHARKIV, (lo + hi) / 2, b))
    assert not g.contains(destination(KHARKIV, hi * 1.03, b))
    if lo > 0:
        assert not g.contains(destination(KHARKIV, lo * 0.97, b))
    else:
        assert g.contains(destination(KHARKIV, 0.5, b))  # a pie slice reaches the anchor


def test_miles_radii_are_in_km():
    c = dist("21 miles east of Kyiv", value=21, unit="mi", km=21 * 1.609344, direction="E", anchor=KYIV)
    lo, hi = distance_interval_km(c)
    assert lo < 21 * 1.609344 < hi
    assert hi < 35  # 21 miles is about 33.8 km, not 21 km
    assert claim_geometry(c).contains(destination(KYIV, 33.8, 90))


def test_no_direction_gives_a_ring_and_no_point():
    c = dist("30 km from Kyiv", value=30, direction=None, anchor=KYIV)
    g = claim_geometry(c)
    assert len(g.interiors) == 1
    for b in (0, 90, 200, 300):
        assert g.contains(destination(KYIV, 30, b))
    assert not g.contains(Point(KYIV.lon, KYIV.lat))
    assert claim_point(c) is None


def test_up_to_without_direction_gives_a_disk():
    g = claim_geometry(
        dist("within 30 km of Kyiv", value=30, direction=None, qualifier="within", anchor=KYIV)
    )
    assert len(g.interiors) == 0
    assert g.contains(Point(KYIV.lon, KYIV.lat))


def test_distance_point_is_the_destination():
    p = claim_point(dist())
    assert distance_km(KHARKIV, p) == pytest.approx(74, rel=1e-6)
    assert bearing(KHARKIV, p) == pytest.approx(135, abs=1e-6)


@pytest.mark.parametrize("fn", [claim_geometry, claim_point], ids=["geometry", "point"])
def test_distance_without_anchor_names_the_claim(fn):
    c = dist("74 km southeast of the city", anchor=None)
    with pytest.raises(ClaimError, match="74 km southeast of the city") as err:
        fn(c)
    assert isinstance(err.value, ValueError)


def test_claim_methods_delegate_here():
    c = dist()
    assert c.geometry().equals(claim_geometry(c))
    assert c.point().equals(claim_point(c))


# --- area ------------------------------------------------------------------------------------------


def area(km2=6000.0, subject=None, places=(), text="6,000 square kilometres", **kw):
    return AreaClaim(text, 0, len(text), value=km2, unit="km2", km2=km2, value_text=f"{km2:,.0f}",
                     subject=subject, places=tuple(places), **kw)  # fmt: skip


def test_area_disk_on_settlement_subject():
    g = claim_geometry(area(subject=IZIUM))
    assert area_km2(g) == pytest.approx(6000, rel=1e-6)
    c = g.centroid
    assert distance_km(c, IZIUM) < 1
    assert claim_point(area(subject=IZIUM)).equals(Point(IZIUM.lon, IZIUM.lat))


def test_area_disk_on_the_places_retaken():
    c = area(places=(KHARKIV, BALAKLIIA, IZIUM), change="regained")
    g = claim_geometry(c)
    assert area_km2(g) == pytest.approx(6000, rel=1e-6)
    centre = claim_point(c)
    # the centroid of the triangle lies between the three towns
    for p in (KHARKIV, BALAKLIIA, IZIUM):
        assert distance_km(centre, p) < 90


def test_area_disk_on_two_places_uses_their_midpoint():
    centre = claim_point(area(places=(KHARKIV, IZIUM)))
    half = distance_km(KHARKIV, IZIUM) / 2
    assert distance_km(centre, KHARKIV) == pytest.approx(half, rel=0.01)


def test_area_on_a_region_subject_uses_its_point():
    assert claim_point(area(km2=32000, subject=REGION)).equals(Point(31.0, 49.0))


def test_area_without_place_raises_with_its_text():
    with pytest.raises(ClaimError, match="6,000 square kilometres"):
        claim_geometry(area())


# --- share -----------------------------------------------------------------------------------------


def share(value=0.2, of=REGION, text="a fifth of Squareland"):
    return ShareClaim(text, 0, len(text), value=value, value_text="a fifth", of=of, of_text="Squareland")


def test_share_disk_has_the_implied_area():
    g = claim_geometry(share())
    assert area_km2(g) == pytest.approx(0.2 * area_km2(SQUARE), rel=1e-6)
    assert claim_point(share()).equals(Point(31.0, 49.0))


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        (share(of=None), "does not say what it is a share of"),
        (share(of=KYIV), "no area"),
        (share(value=1.5), "must be in"),
    ],
    ids=["no of", "of a point", "share above 1"],
)
def test_share_errors(claim, message):
    with pytest.raises(ClaimError, match=message):
        claim_geometry(claim)


# --- comparison ------------------------------------------------------------------------------------


def test_comparison_is_the_union_of_places():
    c = ComparisonClaim("as big as Squareland and Smallland", 0, 10, places=(REGION, SMALL))
    g = claim_geometry(c)
    assert area_km2(g) == pytest.approx(area_km2(SQUARE) + area_km2(SMALL.geometry), rel=1e-9)
    assert g.contains(claim_point(c))


def test_comparison_without_places_raises():
    with pytest.raises(ClaimError, match="names no places"):
        claim_geometry(ComparisonClaim("as big as Atlantis", 0, 10))


def test_unknown_object_is_refused():
    with pytest.raises(ClaimError, match="cannot make a geometry"):
        claim_geometry("74 km southeast of Kharkiv")


def test_area_claim_with_one_place_is_centred_on_it():
    izium = Place("t:izium", "Izium", "settlement", 49.2078, 37.2566, "UA")
    c = AreaClaim("500 sq km", 0, 9, value=500, unit="km2", km2=500.0, value_text="500", change="regained",
                  places=(izium,))  # fmt: skip
    g = claim_geometry(c)
    assert g.contains(izium.geometry)
    assert area_km2(g) == pytest.approx(500, rel=1e-3)
