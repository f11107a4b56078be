"""Tests for frontmap.geometry: geodesic points, shapes and measurement on WGS84."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import (
    GeometryCollection,
    LineString,
    MultiLineString,
    MultiPolygon,
    Point,
    Polygon,
    box,
)

from frontmap import Place
from frontmap.errors import GeometryError
from frontmap.geometry import EARTH_KM2
from frontmap.geometry import geodesic as geo
from frontmap.quantities.tolerance import WINDS_16

# A few centres (lon, lat): coordinates from GeoNames (CC BY 4.0), rounded.
KHARKIV = (36.2304, 49.9935)
KYIV = (30.5234, 50.4501)
CENTRES = {"kharkiv": KHARKIV, "kyiv": KYIV, "equator": (0.0, 0.0), "south-70": (-60.0, -70.0)}

lons = st.floats(-180, 180, allow_nan=False)
lats = st.floats(-80, 80, allow_nan=False)

# WGS84
A_M = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)


def analytic_cell_km2(lon0: float, lat0: float, dlon: float, dlat: float) -> float:
    """Area of the lon/lat cell bounded by meridians and parallels on the WGS84 ellipsoid.

    A = b²·Δλ/2·[g(φ2) − g(φ1)], g(φ) = sinφ/(1 − e²sin²φ) + atanh(e·sinφ)/e  (authalic formula).
    """
    e = math.sqrt(E2)
    b2 = A_M**2 * (1 - E2)

    def g(lat: float) -> float:
        s = math.sin(math.radians(lat))
        return s / (1 - E2 * s * s) + math.atanh(e * s) / e

    return b2 * math.radians(dlon) / 2 * (g(lat0 + dlat) - g(lat0)) / 1e6


def cell_polygon(lon0: float, lat0: float, dlon: float, dlat: float, n: int = 4000) -> Polygon:
    """The same cell with its parallels densified (meridians are geodesics already)."""
    xs = np.linspace(lon0, lon0 + dlon, n)
    south = list(zip(xs, np.full(n, lat0), strict=True))
    north = list(zip(xs[::-1], np.full(n, lat0 + dlat), strict=True))
    return Polygon(south + north)


# --- measurement ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [(30, 50, 1, 1), (22, 44, 18, 8), (-10, -60, 5, 3), (100, -1, 2, 2)],
    ids=["1x1-at-50N", "ukraine-box", "southern", "equator"],
)
def test_area_matches_the_analytic_ellipsoidal_cell(cell):
    assert geo.area_km2(cell_polygon(*cell)) == pytest.approx(analytic_cell_km2(*cell), rel=1e-7)


SQUARE = Polygon([(30, 50), (31, 50), (31, 51), (30, 51)])
HOLE = [(30.25, 50.25), (30.75, 50.25), (30.75, 50.75), (30.25, 50.75)]


def test_area_is_orientation_independent():
    a = geo.area_km2(SQUARE)
    assert a > 7000
    assert geo.area_km2(Polygon(SQUARE.exterior.coords[::-1])) == pytest.approx(a, rel=1e-12)


@pytest.mark.parametrize("hole_reversed", [False, True], ids=["hole-ccw", "hole-cw"])
@pytest.mark.parametrize("shell_reversed", [False, True], ids=["shell-ccw", "shell-cw"])
def test_holes_are_subtracted_whatever_their_orientation(shell_reversed, hole_reversed):
    shell = list(SQUARE.exterior.coords)[::-1] if shell_reversed else list(SQUARE.exterior.coords)
    hole = HOLE[::-1] if hole_reversed else HOLE
    expected = geo.area_km2(SQUARE) - geo.area_km2(Polygon(HOLE))
    assert geo.area_km2(Polygon(shell, [hole])) == pytest.approx(expected, rel=1e-12)


def test_multipolygon_and_collection_sum_their_parts():
    other = Polygon([(35, 48), (36, 48), (36, 49)])
    clockwise = Polygon(other.exterior.coords[::-1])  # mixed orientations must not cancel
    expected = geo.area_km2(SQUARE) + geo.area_km2(other)
    assert geo.area_km2(MultiPolygon([SQUARE, clockwise])) == pytest.approx(expected)
    collection = GeometryCollection([SQUARE, clockwise, Point(1, 2), LineString([(0, 0), (1, 1)])])
    assert geo.area_km2(collection) == pytest.approx(expected)


@pytest.mark.parametrize(
    "g",
    [Point(30, 50), LineString([(30, 50), (31, 50), (31, 51)]), MultiLineString([[(0, 0), (1, 1)]])],
    ids=["point", "line", "multiline"],
)
def test_points_and_lines_have_no_area(g):
    assert geo.area_km2(g) == 0.0


def test_area_of_a_place_and_of_geojson():
    region = Place("x:1", "Square", "region", 50.5, 30.5, _geometry=SQUARE)
    assert geo.area_km2(region) == geo.area_km2(SQUARE)
    assert geo.area_km2(SQUARE.__geo_interface__) == geo.area_km2(SQUARE)


def test_area_of_a_huge_polygon_is_not_its_complement():
    # a clockwise hemisphere-sized polygon still gives its own area, not the rest of the earth
    big = Polygon([(-170, -60), (170, -60), (170, 60), (-170, 60)])
    a = geo.area_km2(big)
    assert a == pytest.approx(geo.area_km2(Polygon(big.exterior.coords[::-1])))
    assert a < 510e6 / 2 + 1e6


def test_length_km():
    equator = geo.length_km(LineString([(0, 0), (1, 0)]))
    assert equator == pytest.approx(A_M * math.pi / 180 / 1000, rel=1e-12)
    multi = MultiLineString([[(0, 0), (1, 0)], [(5, 0), (7, 0)]])
    assert geo.length_km(multi) == pytest.approx(3 * equator, rel=1e-12)
    assert geo.length_km(Point(0, 0)) == 0.0
    square = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])
    holed = Polygon(square.exterior.coords, [[(0.2, 0.2), (0.8, 0.2), (0.8, 0.8)]])
    assert geo.length_km(holed) == geo.length_km(square)  # the outer perimeter only


# --- every valid lon/lat shape: edges straight in lon/lat, antimeridian, poles -----------------

EARTH = 510_065_621.7  # km², 4π·R_q² on WGS84 (R_q the authalic radius)


def authalic_earth_km2() -> float:
    e = math.sqrt(E2)
    return 2 * math.pi * A_M**2 * (1 + (1 - E2) / e * math.atanh(e)) / 1e6


def test_earth_constant_is_the_authalic_sphere():
    assert authalic_earth_km2() == pytest.approx(EARTH, abs=0.05)
    assert EARTH_KM2 == pytest.approx(authalic_earth_km2(), rel=1e-12)


def _both_ways(p: Polygon) -> list[Polygon]:
    return [p, Polygon(p.exterior.coords[::-1], [h.coords[::-1] for h in p.interiors])]


def test_whole_earth_box_is_the_whole_earth():  # old code: 0.0
    for p in _both_ways(box(-180, -90, 180, 90)):
        assert geo.area_km2(p) == pytest.approx(EARTH, rel=1e-10)


def test_band_between_parallels_is_the_authalic_band():  # old code: 0.0
    for p in _both_ways(box(-180, -80, 180, 80)):
        assert geo.area_km2(p) == pytest.approx(analytic_cell_km2(-180, -80, 360, 160), rel=1e-10)
    assert geo.area_km2(box(-180, -80, 180, 80)) == pytest.approx(5.0225e8, rel=1e-4)


@pytest.mark.parametrize(
    "p",
    [box(-180, 0, 180, 90), box(-180, -90, 180, 0), box(0, -90, 180, 90), box(-90, -90, 90, 90)],
    ids=["north", "south", "east", "greenwich"],
)
def test_hemispheres_are_half_the_earth(p):
    for q in _both_ways(p):
        assert geo.area_km2(q) == pytest.approx(EARTH / 2, rel=1e-10)


@pytest.mark.parametrize("dlon", [0.5, 1, 30, 179, 180])
def test_lune_is_its_share_of_the_earth(dlon):
    for q in _both_ways(box(10, -90, 10 + dlon, 90)):
        assert geo.area_km2(q) == pytest.approx(EARTH * dlon / 360, rel=1e-10)


ACROSS_180 = analytic_cell_km2(179, 0, 2, 1)  # ≈ 24,617 km²


@pytest.mark.parametrize(
    "p",
    [
        box(179, 0, 181, 1),
        Polygon([(179, 0), (-179, 0), (-179, 1), (179, 1)]),
        Polygon([(-179, 0), (179, 0), (179, 1), (-179, 1)]),
        MultiPolygon([box(179, 0, 180, 1), box(-180, 0, -179, 1)]),
    ],
    ids=["179-181", "179-minus179", "minus179-179", "split"],
)
def test_box_across_the_antimeridian(p):  # old code through control.measure's segmentize: 4,406,430
    assert ACROSS_180 == pytest.approx(24_617, abs=1)
    assert geo.area_km2(p) == pytest.approx(ACROSS_180, rel=1e-10)


@pytest.mark.parametrize(
    "p",
    [
        Polygon([(0, 80), (90, 80), (180, 80), (-90, 80)]),
        Polygon([(-180, 80), (-60, 80), (60, 80)]),
        box(-180, 80, 180, 90),
        shapely.segmentize(box(-180, 80, 180, 90), 0.05),
    ],
    ids=["4-vertex", "3-vertex", "box-to-pole", "segmentized"],
)
def test_ring_round_the_north_pole_is_the_polar_cap(p):  # old code: 4-vertex 0.0
    for q in _both_ways(p):
        assert geo.area_km2(q) == pytest.approx(analytic_cell_km2(-180, 80, 360, 10), rel=1e-10)


def test_ring_round_the_south_pole_is_the_polar_cap():
    south = Polygon([(0, -70), (-120, -70), (120, -70)])
    for q in _both_ways(south):
        assert geo.area_km2(q) == pytest.approx(analytic_cell_km2(-180, -90, 360, 20), rel=1e-10)


def test_holes_are_subtracted_from_the_earth_and_from_bands():
    hole = box(30, 50, 31, 51)
    for p in _both_ways(Polygon(box(-180, -90, 180, 90).exterior.coords, [hole.exterior.coords])):
        assert geo.area_km2(p) == pytest.approx(EARTH_KM2 - analytic_cell_km2(30, 50, 1, 1), rel=1e-12)
    across = Polygon(box(-180, -10, 180, 10).exterior.coords, [[(179, 0), (-179, 0), (-179, 1), (179, 1)]])
    assert geo.area_km2(across) == pytest.approx(analytic_cell_km2(0, -10, 360, 20) - ACROSS_180, rel=1e-12)


def test_edges_are_straight_in_lon_lat_so_densifying_changes_nothing():
    # long slanted edges included: the measure is of the shape shapely draws
    tri = Polygon([(-170, -60), (0, 10), (-20, 75)])  # edges of 170°, 20° and 150° of longitude
    assert geo.area_km2(tri) == pytest.approx(geo.area_km2(shapely.segmentize(tri, 0.01)), rel=1e-10)
    assert geo.area_km2(SQUARE) == pytest.approx(analytic_cell_km2(30, 50, 1, 1), rel=1e-12)
    coarse = box(22, 44, 40, 52)  # four vertices around Ukraine: 1,193,855 km² (geodesic edges: 1,187,394)
    assert geo.area_km2(coarse) == pytest.approx(analytic_cell_km2(22, 44, 18, 8), rel=1e-12)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(-360, 360),
    st.floats(-90, 89),
    st.floats(1e-3, 179.9),
    st.floats(1e-3, 90),
)
def test_any_box_is_the_analytic_cell(lon0, lat0, dlon, dlat):
    lat1 = min(lat0 + dlat, 90.0)
    p = Polygon([(lon0, lat0), (lon0 + dlon, lat0), (lon0 + dlon, lat1), (lon0, lat1)])
    expected = analytic_cell_km2(lon0, lat0, dlon, lat1 - lat0)
    assert geo.area_km2(p) == pytest.approx(expected, rel=1e-9, abs=1e-6)


def test_length_across_the_antimeridian_and_along_parallels():
    degree = geo.length_km(LineString([(0, 0), (1, 0)]))
    assert geo.length_km(LineString([(179, 0), (-179, 0)])) == pytest.approx(2 * degree, rel=1e-12)
    assert geo.length_km(LineString([(179, 0), (181, 0)])) == pytest.approx(2 * degree, rel=1e-12)
    # the perimeter of the band: two parallels at ±80 and two meridians of 160°
    parallel = (
        2 * math.pi * A_M * math.cos(math.radians(80)) / math.sqrt(1 - E2 * math.sin(math.radians(80)) ** 2)
    )
    meridian = geo.distance_km((0, -80), (0, 80))
    assert geo.length_km(box(-180, -80, 180, 80)) == pytest.approx(
        2 * parallel / 1000 + 2 * meridian, rel=1e-5
    )


AREA_ERRORS = {
    "lat-91": (lambda: geo.area_km2(Polygon([(30, 50), (31, 50), (31, 91)])), "91"),
    "lat-minus-95": (lambda: geo.area_km2(Polygon([(30, -95), (31, 50), (31, 51)])), "-95"),
    "nan": (lambda: geo.area_km2(Polygon([(30, 50), (math.nan, 50), (31, 51)])), "nan"),
    "inf": (lambda: geo.area_km2(Polygon([(30, 50), (31, 50), (31, math.inf)])), "inf"),
    "edge-over-360": (lambda: geo.area_km2(Polygon([(-200, 0), (200, 0), (200, 1)])), "360"),
    "length-lat-91": (lambda: geo.length_km(LineString([(0, 0), (0, 91)])), "91"),
    "length-nan": (lambda: geo.length_km(LineString([(0, 0), (math.nan, 1)])), "nan"),
}


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@pytest.mark.parametrize("call", AREA_ERRORS.values(), ids=AREA_ERRORS.keys())
def test_what_cannot_be_measured_raises_geometry_error(call):
    fn, fragment = call
    with pytest.raises(GeometryError, match=fragment):
        fn()


# --- points, distances and bearings --------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(lon=lons, lat=lats, km=st.floats(0.001, 5000), az=st.floats(0, 360, exclude_max=True))
def test_destination_round_trip(lon, lat, km, az):
    p = (lon, lat)
    q = geo.destination(p, km, az)
    assert geo.distance_km(q, p) == pytest.approx(km, abs=1e-6)  # 1 mm
    diff = (geo.bearing(p, q) - az + 180) % 360 - 180
    assert abs(diff) < 1e-6
    assert 0 <= geo.bearing(q, p) < 360


def test_destination_zero_km_and_negative_bearing():
    assert geo.destination(KHARKIV, 0, 90).equals(Point(KHARKIV))
    a, b = geo.destination(KHARKIV, 50, -45), geo.destination(KHARKIV, 50, 315)
    assert (a.x, a.y) == pytest.approx((b.x, b.y), abs=1e-12)


def test_bearing_of_same_point_is_zero():
    assert geo.bearing(KYIV, KYIV) == 0.0


@pytest.mark.parametrize(
    "x",
    [
        KHARKIV,
        list(KHARKIV),
        np.array(KHARKIV),
        Point(KHARKIV),
        Place("x:1", "Kharkiv", "settlement", KHARKIV[1], KHARKIV[0]),
    ],
    ids=["tuple", "list", "array", "Point", "Place"],
)
def test_point_of_accepts(x):
    assert geo.point_of(x) == KHARKIV


@pytest.mark.parametrize("i", range(16))
def test_compass_and_bearing_of_round_trip(i):
    wind = WINDS_16[i]
    assert geo.bearing_of(wind) == i * 22.5
    assert geo.compass(i * 22.5) == wind
    assert geo.compass(i * 22.5 + 11.2) == wind
    assert geo.compass(i * 22.5 - 11.2) == wind


@pytest.mark.parametrize(
    ("az", "points", "expected"),
    [(11.24, 16, "N"), (11.26, 16, "NNE"), (22.4, 8, "N"), (22.6, 8, "NE"), (359, 4, "N"),
     (135, 4, "S"), (134, 4, "E"), (-45, 8, "NW"), (360, 16, "N")],
)  # fmt: skip
def test_compass_boundaries(az, points, expected):
    assert geo.compass(az, points) == expected


@pytest.mark.parametrize(("words", "az"), [("south-east", 135.0), ("North", 0.0), ("WSW", 247.5)])
def test_bearing_of_words(words, az):
    assert geo.bearing_of(words) == az


# --- shapes --------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(lon=lons, lat=lats, exponent=st.floats(0, 6))
def test_disk_of_area_has_that_area(lon, lat, exponent):
    km2 = 10.0**exponent
    disk = geo.disk_of_area((lon, lat), km2)
    assert geo.area_km2(disk) == pytest.approx(km2, rel=1e-4)
    assert disk.is_valid
    assert len(disk.exterior.coords) - 1 >= geo.CIRCLE_VERTICES


@pytest.mark.parametrize("name", CENTRES)
def test_ring_vertices_lie_at_the_stated_distances(name):
    c = CENTRES[name]
    r = geo.ring(c, 20, 80)
    assert r.is_valid and len(r.interiors) == 1
    assert len(r.exterior.coords) - 1 >= 256 and len(r.interiors[0].coords) - 1 >= 256
    assert all(geo.distance_km(c, p) == pytest.approx(80, abs=1e-6) for p in r.exterior.coords)
    assert all(geo.distance_km(c, p) == pytest.approx(20, abs=1e-6) for p in r.interiors[0].coords)


@pytest.mark.parametrize("name", CENTRES)
def test_ring_area_is_the_difference_of_two_disks(name):
    c = CENTRES[name]
    outer, inner = geo.ring(c, 0, 80), geo.ring(c, 0, 20)
    expected = geo.area_km2(outer) - geo.area_km2(inner)
    assert geo.area_km2(geo.ring(c, 20, 80)) == pytest.approx(expected, rel=1e-9)
    # and a densified disk is within densification error of the ideal circle
    assert geo.area_km2(outer) == pytest.approx(math.pi * 80**2, rel=2e-3)


@pytest.mark.parametrize("km_min", [0, 30], ids=["pie", "annular"])
@pytest.mark.parametrize("half", [11.25, 22.5], ids=["16-wind", "8-wind"])
def test_sectors_tile_the_ring(km_min, half):
    pieces = [geo.sector(KHARKIV, km_min, 90, az, half) for az in np.arange(0, 360, 2 * half)]
    assert all(p.is_valid for p in pieces)
    total = sum(geo.area_km2(p) for p in pieces)
    assert total == pytest.approx(geo.area_km2(geo.ring(KHARKIV, km_min, 90)), rel=1e-9)


SECTOR_POINTS = [
    (74, 135, True),
    (61, 115, True),
    (89, 155, True),
    (74, 159, False),  # beyond the half angle
    (74, 111, False),
    (55, 135, False),  # nearer than km_min
    (95, 135, False),  # further than km_max
    (74, 315, False),  # opposite direction
]


@pytest.mark.parametrize(
    ("km", "az", "inside"), SECTOR_POINTS, ids=[f"{k}km-{a}deg" for k, a, _ in SECTOR_POINTS]
)
def test_points_at_stated_distance_and_bearing_fall_inside_the_sector(km, az, inside):
    s = geo.sector(KHARKIV, 60, 90, 135, 22.5)
    assert s.contains(geo.destination(KHARKIV, km, az)) is inside


def test_sector_arcs_are_densified_and_reach_the_edges():
    s = geo.sector(KHARKIV, 0, 90, 135, 22.5)
    coords = [c for c in s.exterior.coords[:-1] if c != KHARKIV]
    azs = sorted(geo.bearing(KHARKIV, c) for c in coords)
    assert azs[0] == pytest.approx(112.5, abs=1e-6) and azs[-1] == pytest.approx(157.5, abs=1e-6)
    assert max(np.diff(azs)) <= 360 / 256 + 1e-6


def test_full_half_angle_is_the_ring():
    assert geo.sector(KHARKIV, 10, 50, 77, 180).equals(geo.ring(KHARKIV, 10, 50))
    assert geo.sector(KHARKIV, 0, 50, 77, 180).equals(geo.ring(KHARKIV, 0, 50))


def test_shapes_near_the_antimeridian_stay_continuous():
    disk = geo.disk_of_area((179.9, 10), 50_000)
    assert disk.is_valid and max(x for x, _ in disk.exterior.coords) > 180
    assert geo.area_km2(disk) == pytest.approx(50_000, rel=1e-6)


def test_exteriors_are_counter_clockwise():
    for shape in (geo.ring(KYIV, 5, 10), geo.sector(KYIV, 0, 10, 0, 45), geo.disk_of_area(KYIV, 100)):
        assert shape.exterior.is_ccw


# --- hull ----------------------------------------------------------------------------------------


def test_hull_of_one_and_two_points():
    assert geo.hull([KYIV]).equals(Point(KYIV))
    assert geo.hull([KYIV, KYIV]).equals(Point(KYIV))
    line = geo.hull([KYIV, KHARKIV])
    assert isinstance(line, LineString) and set(line.coords) == {KYIV, KHARKIV}


def test_hull_of_collinear_points_is_a_line():
    h = geo.hull([(30, 48), (30, 49), (30, 50)])
    assert isinstance(h, LineString)
    assert set(h.coords) == {(30, 48), (30, 50)}


def test_hull_vertices_are_the_input_points():
    corners = [(36.2, 50.0), (37.5, 49.2), (37.0, 48.6), (35.6, 49.1)]
    inner = (36.6, 49.3)
    places = [
        Place(f"x:{i}", f"P{i}", "settlement", lat, lon) for i, (lon, lat) in enumerate([*corners, inner])
    ]
    h = geo.hull(places)
    assert isinstance(h, Polygon) and h.is_valid and h.exterior.is_ccw
    assert set(h.exterior.coords) == set(corners)
    assert h.contains(Point(inner))


# --- bad input -----------------------------------------------------------------------------------

BAD_CALLS = {
    "negative-km": (lambda: geo.destination(KYIV, -1, 0), "-1"),
    "nan-km": (lambda: geo.destination(KYIV, math.nan, 0), "nan"),
    "inf-km": (lambda: geo.destination(KYIV, math.inf, 0), "inf"),
    "string-km": (lambda: geo.destination(KYIV, "5", 0), "'5'"),
    "bool-km": (lambda: geo.destination(KYIV, True, 0), "True"),
    "bearing-361": (lambda: geo.destination(KYIV, 5, 361), "361"),
    "bearing-minus-400": (lambda: geo.destination(KYIV, 5, -400), "-400"),
    "nan-bearing": (lambda: geo.sector(KYIV, 0, 5, math.nan, 10), "nan"),
    "half-angle-0": (lambda: geo.sector(KYIV, 0, 5, 90, 0), "0"),
    "half-angle-negative": (lambda: geo.sector(KYIV, 0, 5, 90, -10), "-10"),
    "half-angle-181": (lambda: geo.sector(KYIV, 0, 5, 90, 181), "181"),
    "km-min-above-max": (lambda: geo.sector(KYIV, 10, 5, 90, 10), "10"),
    "km-min-equals-max": (lambda: geo.ring(KYIV, 5, 5), "5"),
    "km-max-zero": (lambda: geo.ring(KYIV, 0, 0), "0"),
    "area-zero": (lambda: geo.disk_of_area(KYIV, 0), "0"),
    "area-negative": (lambda: geo.disk_of_area(KYIV, -5), "-5"),
    "area-nan": (lambda: geo.disk_of_area(KYIV, math.nan), "nan"),
    "ring-contains-pole": (lambda: geo.ring((0, 89), 0, 200), "pole"),
    "disk-contains-pole": (lambda: geo.disk_of_area((30, 80), 2e7), "pole"),
    "lat-beyond-90": (lambda: geo.destination((30, 95), 5, 0), "95"),
    "lon-beyond-180": (lambda: geo.distance_km((200, 50), KYIV), "200"),
    "lat-lon-swapped-string": (lambda: geo.point_of("Kyiv"), "'Kyiv'"),
    "three-numbers": (lambda: geo.point_of((1, 2, 3)), r"\(1, 2, 3\)"),
    "empty-point": (lambda: geo.point_of(Point()), "empty"),
    "empty-polygon": (lambda: geo.area_km2(Polygon()), "empty"),
    "not-a-geometry": (lambda: geo.area_km2("POLYGON"), "'POLYGON'"),
    "none-geometry": (lambda: geo.length_km(None), "None"),
    "hull-of-nothing": (lambda: geo.hull([]), "no points"),
    "hull-of-a-string": (lambda: geo.hull("Kyiv"), "'Kyiv'"),
    "compass-5-points": (lambda: geo.compass(10, points=5), "5"),
    "unknown-direction": (lambda: geo.bearing_of("up"), "'up'"),
}


@pytest.mark.parametrize("call", BAD_CALLS.values(), ids=BAD_CALLS.keys())
def test_bad_input_raises_geometry_error_naming_the_value(call):
    fn, fragment = call
    with pytest.raises(GeometryError, match=fragment):
        fn()


def test_geometry_error_is_a_value_error():
    with pytest.raises(ValueError, match=re.escape("-1")):
        geo.ring(KYIV, 0, -1)
