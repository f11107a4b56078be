"""Tests for frontmap.control.controlmap: control maps, front lines, change, series helpers.

Every geometry here is made up: a rectangular "country" and squares inside or straddling it, so the
expected areas and lines are known independently (analytic ellipsoidal zone areas, an equal-area
projection).  A few integration tests use the gazetteer when it is installed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import warnings
import zipfile

import geopandas as gpd
import pytest
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from frontmap.control import controlmap as fl
from frontmap.control.controlmap import Change, ControlMap, at, between, change
from frontmap.errors import ControlMapError, FrontmapError, InputError
from frontmap.gazetteer.place import Place

# A made-up country: lon 30–40, lat 45–52.  Its "border" is the rectangle's outline.
COUNTRY = box(30.0, 45.0, 40.0, 52.0)
INSIDE = box(34.0, 47.0, 36.0, 49.0)  # well inside
STRADDLING = box(38.0, 47.0, 42.0, 50.0)  # crosses the eastern border at lon 40
ALONG_BORDER = box(38.0, 47.0, 40.0, 50.0)  # its east edge lies on the border
REGIONS = [("West", box(30.0, 45.0, 35.0, 52.0)), ("East", box(35.0, 45.0, 40.0, 52.0))]

WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563


def zone_area_km2(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Exact area of a lon/lat rectangle (edges along meridians and parallels) on the WGS84 ellipsoid,
    from the authalic-latitude function q(φ): A = a²/2 · Δλ · (q(φ2) − q(φ1))."""
    e2 = WGS84_F * (2 - WGS84_F)
    e = math.sqrt(e2)

    def q(lat: float) -> float:
        s = math.sin(math.radians(lat))
        return (1 - e2) * (s / (1 - e2 * s * s) - math.log((1 - e * s) / (1 + e * s)) / (2 * e))

    return WGS84_A**2 / 2 * math.radians(lon2 - lon1) * (q(lat2) - q(lat1)) / 1e6


def laea_area_km2(geom: Polygon) -> float:
    """Area in an equal-area projection centred on the polygon (an independent method)."""
    c = geom.centroid
    t = Transformer.from_crs(
        "EPSG:4326", f"+proj=laea +lat_0={c.y} +lon_0={c.x} +ellps=WGS84 +units=m", always_xy=True
    )
    dense = shapely.segmentize(geom, 0.01)
    return (
        shapely.transform(dense, lambda xy: __import__("numpy").column_stack(t.transform(*xy.T))).area / 1e6
    )


def geodesic_distance_km(a: Point, b: Point) -> float:
    return Geod(ellps="WGS84").inv(a.x, a.y, b.x, b.y)[2] / 1000


# ------------------------------------------------------------------------------------------- areas
@pytest.mark.parametrize(
    "rect",
    [(36.0, 49.0, 36.1, 49.1), (37.0, 49.0, 38.0, 50.0), (30.0, 45.0, 40.0, 52.0), (22.0, 44.0, 41.0, 53.0)],
    ids=["0.1deg", "1deg", "10x7deg", "ukraine-sized"],
)
def test_area_matches_analytic_zone_area(rect):
    cm = ControlMap(box(*rect), "2022-01-01")
    assert cm.area_km2() == pytest.approx(zone_area_km2(*rect), rel=1e-3)


@pytest.mark.parametrize(
    "geom",
    [
        Polygon([(35.0, 48.0), (37.5, 47.2), (38.9, 48.6), (37.1, 50.3), (35.4, 49.7)]),
        Polygon(Point(36.5, 48.5).buffer(1.2).exterior.coords),
        box(34.0, 47.0, 38.0, 50.0).difference(box(35.0, 48.0, 36.0, 49.0)),
    ],
    ids=["pentagon", "circle-ish", "square-with-hole"],
)
def test_area_matches_equal_area_projection(geom):
    assert ControlMap(geom).area_km2() == pytest.approx(laea_area_km2(geom), rel=1e-3)


def test_multipolygon_area_is_sum_of_parts():
    a, b = box(30.0, 45.0, 31.0, 46.0), box(33.0, 48.0, 34.0, 49.0)
    cm = ControlMap(MultiPolygon([a, b]))
    assert cm.area_km2() == pytest.approx(zone_area_km2(*a.bounds) + zone_area_km2(*b.bounds), rel=1e-3)


@pytest.mark.parametrize(
    "geom, expected",
    [
        (INSIDE, zone_area_km2(*INSIDE.bounds) / zone_area_km2(*COUNTRY.bounds)),
        (STRADDLING, zone_area_km2(38.0, 47.0, 40.0, 50.0) / zone_area_km2(*COUNTRY.bounds)),
        (COUNTRY, 1.0),
        (box(50.0, 45.0, 51.0, 46.0), 0.0),
    ],
    ids=["inside", "straddling-counts-inside-only", "all", "elsewhere"],
)
def test_share_of_geometry(geom, expected):
    assert ControlMap(geom).share_of(COUNTRY) == pytest.approx(expected, rel=1e-3, abs=1e-12)


def test_share_of_refuses_points():
    with pytest.raises(InputError, match="share_of needs an area"):
        ControlMap(INSIDE).share_of(Point(35, 48))


# -------------------------------------------------------------------------------------- by region
def _regions_as(kind):
    if kind == "pairs":
        return REGIONS
    if kind == "dict":
        return dict(REGIONS)
    if kind == "gdf":
        return gpd.GeoDataFrame({"name": [n for n, _ in REGIONS]}, geometry=[g for _, g in REGIONS], crs=4326)
    return [Place(f"t:{n}", n, "region", g.centroid.y, g.centroid.x, _geometry=g) for n, g in REGIONS]


@pytest.mark.parametrize("kind", ["pairs", "dict", "gdf", "places"])
def test_by_region_areas_shares_and_order(kind):
    occupied = box(33.0, 47.0, 36.0, 49.0)  # 2° in West, 1° in East
    df = ControlMap(occupied).by_region(_regions_as(kind))
    assert list(df.columns) == ["region", "km2", "share", "region_km2"]
    assert list(df["region"]) == ["West", "East"]  # sorted by km2, largest first
    west = zone_area_km2(33.0, 47.0, 35.0, 49.0)
    east = zone_area_km2(35.0, 47.0, 36.0, 49.0)
    assert df["km2"].tolist() == pytest.approx([west, east], rel=1e-3)
    assert df["share"].iloc[0] == pytest.approx(west / zone_area_km2(30.0, 45.0, 35.0, 52.0), rel=1e-3)
    assert df.attrs["outside_km2"] == pytest.approx(0.0, abs=0.5)


def test_by_region_lists_untouched_regions_and_outside_area():
    df = ControlMap(STRADDLING).by_region(REGIONS)
    assert df.set_index("region")["km2"]["West"] == 0.0
    assert df.attrs["outside_km2"] == pytest.approx(zone_area_km2(40.0, 47.0, 42.0, 50.0), rel=1e-3)


def test_by_region_rejects_unknown_region_format():
    with pytest.raises(InputError, match="region"):
        ControlMap(INSIDE).by_region([42])


# ------------------------------------------------------------------------------------- front line
def _max_gap_m(line, other):
    """Largest distance (m, in a LAEA plane) from a vertex of ``line`` to ``other``."""
    to_metric, _ = fl.metric_projection(COUNTRY)
    m_line, m_other = to_metric(line), to_metric(other)
    return max(Point(xy).distance(m_other) for xy in shapely.get_coordinates(m_line))


def _min_gap_m(line, other):
    to_metric, _ = fl.metric_projection(COUNTRY)
    return to_metric(line).distance(to_metric(other))


@pytest.mark.parametrize("tolerance_km", [1.0, 2.0, 3.0])
@pytest.mark.parametrize("geom", [STRADDLING, ALONG_BORDER], ids=["straddling", "along-border"])
def test_front_line_has_no_segment_on_the_border(geom, tolerance_km):
    cm = ControlMap(geom)
    front = cm.front_line(country=COUNTRY, tolerance_km=tolerance_km)
    assert front.geom_type in ("LineString", "MultiLineString")
    # it stays at least ~the tolerance away from the border (the projection plane adds a few metres)
    assert _min_gap_m(front, COUNTRY.exterior) > tolerance_km * 1000 * 0.99
    # it lies on the controlled area's boundary and inside the country
    assert _max_gap_m(front, geom.boundary) < 1.0
    assert COUNTRY.covers(front)
    # the western edge (lon 38) is front line from end to end
    west_edge = LineString([(38.0, 47.0), (38.0, 50.0)])
    assert front.buffer(1e-7).covers(west_edge)
    # and the lengths add up: west edge + two edges running east to 40° minus the tolerance
    expected = (
        fl._length_km(west_edge)
        + fl._length_km(LineString([(38.0, 47.0), (40.0, 47.0)]))
        + fl._length_km(LineString([(38.0, 50.0), (40.0, 50.0)]))
        - 2 * tolerance_km
    )
    assert cm.front_length_km(country=COUNTRY, tolerance_km=tolerance_km) == pytest.approx(expected, rel=2e-3)


def test_front_line_of_an_inland_area_is_its_whole_boundary():
    cm = ControlMap(INSIDE)
    assert cm.front_length_km(country=COUNTRY) == pytest.approx(fl._length_km(INSIDE.exterior), rel=1e-6)


def test_front_line_includes_holes():
    holed = box(34.0, 47.0, 38.0, 50.0).difference(box(35.0, 48.0, 36.0, 49.0))
    front = ControlMap(holed).front_line(country=COUNTRY)
    assert front.buffer(1e-7).covers(box(35.0, 48.0, 36.0, 49.0).exterior)


def test_front_line_ignores_sliver_holes_but_not_pockets():
    sliver = box(35.0, 48.0, 36.0, 48.0005)  # ~55 m wide: a gap between two drawn layers
    pocket = box(36.5, 48.0, 36.6, 48.1)  # ~7 km wide: held by the other side
    area = box(34.0, 47.0, 38.0, 50.0).difference(sliver).difference(pocket)
    front = ControlMap(area).front_line(country=COUNTRY)
    assert front.buffer(1e-7).covers(pocket.exterior)
    assert front.distance(sliver.centroid) > 0.1
    wide = ControlMap(area).front_line(country=COUNTRY, min_hole_width_km=20)  # drops the pocket too
    assert wide.distance(pocket.centroid) > 0.5
    kept = ControlMap(area).front_line(country=COUNTRY, min_hole_width_km=0)
    assert kept.buffer(1e-7).covers(sliver.exterior)


def test_front_line_leaves_out_shores_of_water():
    lagoon = box(35.0, 48.0, 36.0, 49.0)
    area = box(34.0, 47.0, 38.0, 50.0).difference(lagoon)
    cm = ControlMap(area)
    assert cm.front_line(country=COUNTRY).buffer(1e-7).covers(lagoon.exterior)
    dry = cm.front_line(country=COUNTRY, water=lagoon)
    assert _min_gap_m(dry, lagoon.exterior) > 2990
    assert cm.front_length_km(country=COUNTRY, water=lagoon) == pytest.approx(
        fl._length_km(box(34.0, 47.0, 38.0, 50.0).exterior), rel=1e-6
    )


def test_front_line_of_whole_country_is_empty():
    assert ControlMap(COUNTRY).front_line(country=COUNTRY).is_empty
    assert ControlMap(COUNTRY).front_length_km(country=COUNTRY) == 0.0


def test_front_line_along_a_coast_follows_the_coast_shape():
    # a country whose southern "coast" is a jagged line; the occupied strip runs along it
    coast = [(30.0, 45.0), (32.0, 45.3), (34.0, 44.9), (36.0, 45.4), (40.0, 45.0)]
    country = Polygon([*coast, (40.0, 52.0), (30.0, 52.0)])
    strip = country.intersection(box(31.0, 44.0, 37.0, 46.0))
    front = ControlMap(strip).front_line(country=country, tolerance_km=2.0)
    assert _min_gap_m(front, country.exterior) > 1990
    assert front.buffer(1e-7).covers(LineString([(31.5, 46.0), (36.5, 46.0)]))  # the northern edge


@pytest.mark.parametrize("bad", [-1.0, float("nan")], ids=["negative", "nan"])
def test_front_line_refuses_bad_tolerance(bad):
    with pytest.raises(InputError, match="tolerance_km"):
        ControlMap(INSIDE).front_line(country=COUNTRY, tolerance_km=bad)
    with pytest.raises(InputError, match="min_hole_width_km"):
        ControlMap(INSIDE).front_line(country=COUNTRY, min_hole_width_km=bad)


# --------------------------------------------------------------------------------------- contains
@pytest.mark.parametrize(
    "where, expected",
    [
        (Point(35.0, 48.0), True),
        ((35.0, 48.0), True),
        ((36.5, 48.0), False),
        (Point(34.0, 48.0), True),  # on the boundary
        (Place("t:1", "Inside", "settlement", 48.5, 35.5), True),
        (Place("t:2", "Outside", "settlement", 46.0, 31.0), False),
        (box(34.5, 47.5, 35.5, 48.5), True),
        (box(35.5, 47.5, 36.5, 48.5), False),  # only partly inside
    ],
    ids=["point-in", "tuple-in", "tuple-out", "boundary", "place-in", "place-out", "box-in", "box-partly"],
)
def test_contains(where, expected):
    assert ControlMap(INSIDE).contains(where) is expected


def test_contains_rejects_junk():
    with pytest.raises(InputError, match="cannot use"):
        ControlMap(INSIDE).contains(42)


# ----------------------------------------------------------------------------------------- change
def test_change_gained_lost_and_net():
    before = ControlMap(box(34.0, 47.0, 36.0, 49.0), "2022-09-06")
    after = ControlMap(box(35.0, 47.0, 37.0, 49.0), "2022-09-12")
    c = change(before, after)
    assert isinstance(c, Change)
    assert (c.before, c.after, c.side) == (dt.date(2022, 9, 6), dt.date(2022, 9, 12), "occupied")
    assert c.gained_km2 == pytest.approx(zone_area_km2(36.0, 47.0, 37.0, 49.0), rel=1e-3)
    assert c.lost_km2 == pytest.approx(zone_area_km2(34.0, 47.0, 35.0, 49.0), rel=1e-3)
    assert c.net_km2 == pytest.approx(c.gained_km2 - c.lost_km2)
    assert c.gained.intersection(before.geometry).area < 1e-12
    assert c.lost.intersection(after.geometry).area < 1e-12


@pytest.mark.parametrize(
    "before, after",
    [
        (box(34.0, 47.0, 38.0, 50.0), box(34.0, 47.0, 36.5, 50.0)),
        (box(34.0, 47.0, 36.0, 49.0), box(33.0, 46.0, 37.0, 50.0)),
        (INSIDE, box(35.5, 48.5, 39.0, 51.0)),
        (Polygon([(35, 48), (37.5, 47.2), (38.9, 48.6), (37.1, 50.3)]), INSIDE),
    ],
    ids=["retreat", "advance", "shift", "irregular"],
)
def test_change_net_equals_difference_of_areas(before, after):
    a, b = ControlMap(before, "2022-01-01"), ControlMap(after, "2022-02-01")
    c = change(a, b)
    assert c.net_km2 == pytest.approx(b.area_km2() - a.area_km2(), rel=1e-6, abs=1e-6)
    assert c.gained_km2 >= 0 and c.lost_km2 >= 0


def test_change_by_region():
    before = ControlMap(box(33.0, 47.0, 36.0, 49.0), "2022-09-06")
    after = ControlMap(box(34.0, 47.0, 36.0, 49.0), "2022-09-12")  # gave up 33–34°, all in West
    df = change(before, after).by_region(REGIONS)
    assert list(df.columns) == ["region", "gained_km2", "lost_km2", "net_km2"]
    west = df.set_index("region").loc["West"]
    assert west["lost_km2"] == pytest.approx(zone_area_km2(33.0, 47.0, 34.0, 49.0), rel=1e-3)
    assert west["gained_km2"] == 0.0
    assert df["region"].iloc[0] == "West"
    assert df.set_index("region").loc["East", "net_km2"] == 0.0


def test_change_refuses_mixed_sides_and_reversed_dates():
    a = ControlMap(INSIDE, "2022-01-01")
    with pytest.raises(ControlMapError, match="'ukraine'"):
        change(a, ControlMap(INSIDE, "2022-02-01", side="ukraine"))
    with pytest.raises(ControlMapError, match="swap"):
        change(ControlMap(INSIDE, "2022-03-01"), a)
    with pytest.raises(InputError, match="two ControlMaps"):
        change(a, INSIDE)


# ----------------------------------------------------------------------------------- at / between
SERIES = [ControlMap(INSIDE, d) for d in ("2022-09-12", "2022-09-01", "2022-10-01")]


@pytest.mark.parametrize(
    "when, expected",
    [
        ("2022-08-31", None),
        ("2022-09-01", "2022-09-01"),
        ("2022-09-11", "2022-09-01"),
        ("2023-01-01", "2022-10-01"),
    ],
)
def test_at(when, expected):
    found = at(SERIES, when)
    assert (found.date.isoformat() if found else None) == expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        ("2022-09-05", "2022-09-20", ("2022-09-01", "2022-10-01")),
        ("2022-09-12", "2022-09-12", ("2022-09-12", "2022-09-12")),
        ("2022-08-01", "2022-09-02", (None, "2022-09-12")),
        ("2022-09-13", "2022-11-01", ("2022-09-12", None)),
    ],
    ids=["inside", "exact-dates", "before-series", "after-series"],
)
def test_between(start, end, expected):
    pair = between(SERIES, start, end)
    assert tuple(cm.date.isoformat() if cm else None for cm in pair) == expected


def test_between_and_at_need_dates():
    with pytest.raises(InputError, match="before start"):
        between(SERIES, "2022-10-01", "2022-09-01")
    with pytest.raises(ControlMapError, match="no date"):
        at([ControlMap(INSIDE)], "2022-01-01")
    with pytest.raises(InputError, match="cannot read date"):
        at(SERIES, "someday")


# ---------------------------------------------------------------------------------------- reading
def _feature(geom, **props):
    return {"type": "Feature", "properties": props, "geometry": shapely.geometry.mapping(geom)}


def _geojson(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def _kml(*polys):
    marks = "".join(
        f"<Placemark><name>p{i}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>"
        + " ".join(f"{x},{y},0" for x, y in p.exterior.coords)
        + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
        for i, p in enumerate(polys)
    )
    return (
        f'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>{marks}</Document></kml>'
    )


def _zip(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_read_geojson_with_date_from_file_name(tmp_path):
    path = tmp_path / "snapshot_2022-09-06.geojson"
    path.write_text(_geojson(_feature(INSIDE)))
    cm = ControlMap.read(path)
    assert (cm.date, cm.side, cm.source, cm.name) == (
        dt.date(2022, 9, 6),
        "occupied",
        str(path),
        "snapshot_2022-09-06",
    )
    assert cm.geometry.equals(INSIDE)


@pytest.mark.parametrize(
    "props, arg, expected",
    [
        ({"date": "2022-09-10"}, None, dt.date(2022, 9, 10)),
        ({"target_date": "2022-09-11", "other": 1}, None, dt.date(2022, 9, 11)),
        ({"Date": "2022-09-12T08:00:00Z"}, None, dt.date(2022, 9, 12)),
        ({"date": "2022-09-10"}, "2023-01-02", dt.date(2023, 1, 2)),
        ({}, dt.date(2022, 1, 1), dt.date(2022, 1, 1)),
        ({"name": "no date here"}, None, dt.date(2021, 5, 4)),  # falls back to the file name
    ],
    ids=["date-prop", "target_date", "capitalised-datetime", "argument-wins", "date-object", "file-name"],
)
def test_read_date_sources(tmp_path, props, arg, expected):
    path = tmp_path / "map_20210504.geojson"
    path.write_text(_geojson(_feature(INSIDE, **props)))
    assert ControlMap.read(path, date=arg).date == expected


def test_read_latest_date_of_several_features(tmp_path):
    path = tmp_path / "m.geojson"
    path.write_text(_geojson(_feature(INSIDE, date="2022-09-01"), _feature(STRADDLING, date="2022-09-03")))
    assert ControlMap.read(path).date == dt.date(2022, 9, 3)


def test_read_unix_timestamp_file_name(tmp_path):
    path = tmp_path / "1662501910.geojson"  # 2022-09-06 22:05 UTC
    path.write_text(_geojson(_feature(INSIDE)))
    assert ControlMap.read(path).date == dt.date(2022, 9, 6)


def test_read_unions_repairs_and_drops_z(tmp_path):
    bowtie = Polygon([(30, 45), (32, 47), (32, 45), (30, 47)])  # self-intersecting
    with_z = Polygon([(x, y, 100.0) for x, y in box(33, 45, 34, 46).exterior.coords])
    path = tmp_path / "m.geojson"
    path.write_text(_geojson(_feature(bowtie, id="bow"), _feature(with_z), _feature(box(33.5, 45, 35, 46))))
    with pytest.raises(ControlMapError, match="feature 'bow' would change area on repair"):
        ControlMap.read(path, date="2022-01-01")  # repairing the bow-tie doubles its area
    with pytest.warns(UserWarning, match=r"repaired 1 feature\(s\).*bow: made valid"):
        cm = ControlMap.read(path, date="2022-01-01", repair="allow")
    assert [r.feature for r in cm.repairs] == ["bow"]
    assert cm.geometry.is_valid and not cm.geometry.has_z
    assert cm.geometry.geom_type == "MultiPolygon"
    expected = shapely.union_all([shapely.make_valid(bowtie), box(33, 45, 35, 46)])
    assert cm.geometry.symmetric_difference(expected).area < 1e-9


def test_read_skips_non_polygons_with_a_warning(tmp_path):
    path = tmp_path / "m.geojson"
    path.write_text(
        _geojson(
            _feature(INSIDE, id="area"),
            _feature(Point(35, 48), id="town"),
            _feature(LineString([(30, 45), (31, 46)]), id="road"),
        )
    )
    with pytest.warns(UserWarning, match=r"skipped 2 feature\(s\).*town.*road"):
        cm = ControlMap.read(path, date="2022-01-01")
    assert cm.skipped == ("town", "road")
    assert cm.geometry.equals(INSIDE)


def test_read_kml_kmz_and_gpkg(tmp_path):
    kml = _kml(INSIDE, STRADDLING)
    (tmp_path / "a_2022-09-06.kml").write_text(kml)
    (tmp_path / "a_2022-09-06.kmz").write_bytes(_zip({"doc.kml": kml, "files/icon.png": b"\x89PNG"}))
    gpd.GeoDataFrame({"name": ["x"]}, geometry=[INSIDE.union(STRADDLING)], crs=4326).to_file(
        tmp_path / "a_2022-09-06.gpkg", layer="occupied"
    )
    expected = INSIDE.union(STRADDLING)
    for ext in ("kml", "kmz", "gpkg"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            cm = ControlMap.read(tmp_path / f"a_2022-09-06.{ext}")
        assert cm.date == dt.date(2022, 9, 6), ext
        assert cm.geometry.symmetric_difference(expected).area < 1e-9, ext


def test_read_reprojects_a_projected_geopackage(tmp_path):
    frame = gpd.GeoDataFrame({"name": ["x"]}, geometry=[INSIDE], crs=4326).to_crs(32636)
    frame.to_file(tmp_path / "utm.gpkg")
    cm = ControlMap.read(tmp_path / "utm.gpkg")
    assert cm.area_km2() == pytest.approx(ControlMap(INSIDE).area_km2(), rel=1e-3)


@pytest.mark.parametrize(
    "source",
    [INSIDE, gpd.GeoDataFrame({"date": ["2022-09-06"]}, geometry=[INSIDE], crs=4326)],
    ids=["shapely", "geodataframe"],
)
def test_read_in_memory_objects(source):
    cm = ControlMap.read(source, side="Ukraine")
    assert cm.geometry.equals(INSIDE) and cm.side == "ukraine" and cm.source is None


# -------------------------------------------------------------------------------------- read errors
def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


READ_ERRORS = [
    ("empty.geojson", b"", {}, "is empty"),
    ("garbage.geojson", b"this is not a map", {}, "cannot read .* as a map file"),
    ("nothing.geojson", _geojson(), {}, "holds no features"),
    ("points.geojson", _geojson(_feature(Point(35, 48), id="p1")), {}, "holds no polygons .*p1"),
    ("nested.kmz", _zip({"doc.kml": _kml(INSIDE), "more.kmz": b"x"}), {}, "zipped-within-zipped"),
    ("nested2.kmz", _zip({"doc.kml": _zip({"a.kml": "x"})}), {}, "zipped-within-zipped"),
    ("bomb.kmz", _zip({"doc.kml": " " * 2_000_000}), {"max_bytes": 100_000}, "unzips to more than"),
    ("big.geojson", _geojson(_feature(INSIDE)), {"max_bytes": 50}, "larger than the 50-byte cap"),
    ("nokml.kmz", _zip({"readme.txt": "hello"}), {}, "no .kml"),
    ("bad.kmz", b"PK\x03\x04 broken", {}, "not a readable KMZ"),
    (
        "flat.geojson",
        _geojson(
            _feature(INSIDE),
            {
                "type": "Feature",
                "id": 7,
                "properties": {"id": "F7"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[30, 48], [31, 48], [32, 48], [30, 48]]],
                },
            },
        ),
        {},
        "feature 'F7' has an invalid polygon that cannot be repaired",
    ),
    (
        "proj.geojson",
        _geojson(_feature(box(300000, 5000000, 400000, 5100000))),
        {},
        "not lon/lat degrees",
    ),
]


@pytest.mark.parametrize(
    "name, data, kwargs, match", READ_ERRORS, ids=[c[0].split(".")[0] for c in READ_ERRORS]
)
def test_read_errors_name_the_file(tmp_path, name, data, kwargs, match):
    path = _write(tmp_path, name, data)
    with pytest.raises(ControlMapError, match=match) as info:
        ControlMap.read(path, **kwargs)
    assert name in str(info.value)
    assert isinstance(info.value, (FrontmapError, ValueError))


@pytest.mark.parametrize(
    "source, match",
    [
        ("/no/such/file_2022-01-01.geojson", "no such file"),
        ("ftp://example.org/map.geojson", "only http"),
        (42, "cannot read a control map from 'int'"),
    ],
    ids=["missing", "ftp-url", "not-a-source"],
)
def test_read_bad_sources(source, match):
    with pytest.raises(ControlMapError, match=match):
        ControlMap.read(source)


def test_read_directory_is_refused(tmp_path):
    with pytest.raises(ControlMapError, match="is a directory"):
        ControlMap.read(tmp_path)


def test_controlmap_needs_polygons_and_a_side():
    with pytest.raises(ControlMapError, match="Polygon or MultiPolygon"):
        ControlMap(Point(1, 2))
    with pytest.raises(InputError, match="side"):
        ControlMap(INSIDE, side="  ")


# ------------------------------------------------------------------------------------------- series
def test_series_sorts_by_date_and_reads_folders(tmp_path):
    for d in ("2022-09-12", "2022-09-06", "2022-10-01"):
        _write(tmp_path, f"m_{d}.geojson", _geojson(_feature(INSIDE)))
    from_list = ControlMap.series(sorted(tmp_path.iterdir(), reverse=True))
    from_dir = ControlMap.series(tmp_path)
    for maps in (from_list, from_dir):
        assert [m.date.isoformat() for m in maps] == ["2022-09-06", "2022-09-12", "2022-10-01"]


def test_series_names_the_file_without_a_date(tmp_path):
    _write(tmp_path, "m_2022-09-06.geojson", _geojson(_feature(INSIDE)))
    undated = _write(tmp_path, "undated.geojson", _geojson(_feature(INSIDE)))
    with pytest.raises(ControlMapError, match=r"no date for .*undated\.geojson"):
        ControlMap.series(tmp_path)
    with pytest.raises(ControlMapError, match="no control-map files"):
        ControlMap.series([])
    assert ControlMap.series([undated], date="2022-01-01")[0].date == dt.date(2022, 1, 1)


def test_with_date_and_repr():
    cm = ControlMap(INSIDE).with_date("2022-09-06")
    assert cm.date == dt.date(2022, 9, 6)
    assert "2022, 9, 6" in repr(cm) and "5 points" in repr(cm)
    gdf = cm.to_geodataframe()
    assert gdf.crs.to_epsg() == 4326 and gdf["area_km2"].iloc[0] == pytest.approx(cm.area_km2())


# -------------------------------------------------------------------------------- with the gazetteer
@pytest.fixture(scope="module")
def gazetteer():
    gz = pytest.importorskip("frontmap.gazetteer")
    try:
        return gz.Gazetteer()
    except Exception as e:  # data not built yet
        pytest.skip(f"gazetteer unavailable: {e}")


def test_share_of_ukraine_uses_the_country_polygon(gazetteer):
    ukraine = gazetteer.country("UA").geometry
    cm = ControlMap(box(36.0, 48.0, 37.0, 49.0))
    assert cm.share_of("Ukraine") == pytest.approx(cm.area_km2() / fl._area_km2(ukraine), rel=1e-6)


def test_by_region_names_oblasts(gazetteer):
    df = ControlMap(box(36.5, 49.2, 37.0, 49.6)).by_region()  # around Izium
    assert df["region"].iloc[0] == "Kharkiv Oblast"
    assert df["km2"].iloc[0] == pytest.approx(ControlMap(box(36.5, 49.2, 37.0, 49.6)).area_km2(), rel=1e-3)


def test_contains_a_named_place(gazetteer):
    izium = gazetteer.resolve("Izium")
    cm = ControlMap(Point(izium.lon, izium.lat).buffer(0.2))
    assert cm.contains("Izium") and cm.contains(izium)
    assert not cm.contains("Lviv")
