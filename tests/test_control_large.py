"""Large control maps: many features read in bulk give the same map as the slow path would, with the
few features that need work still named; a progress bar on request; a size cap the user can raise;
areas right across the antimeridian.  Speed is measured in benchmarks/bench_control_read.py."""

from __future__ import annotations

import json
import warnings

import pytest
import shapely
from shapely.geometry import Polygon, box

from frontmap.control.controlmap import ControlMap
from frontmap.control.files import MAX_BYTES, load
from frontmap.control.repairs import COVERAGE_MIN
from frontmap.errors import ControlMapError, InputError
from frontmap.geometry import area_km2

X0, Y0, STEP = 36.0, 48.0, 0.02
COLS, ROWS = 40, 30  # 1,200 tiles: enough for the bulk union
assert COLS * ROWS >= COVERAGE_MIN
WHOLE = box(X0, Y0, X0 + COLS * STEP, Y0 + ROWS * STEP)


def _tile(i: int, j: int) -> list[list[float]]:
    x, y = round(X0 + i * STEP, 6), round(Y0 + j * STEP, 6)
    x1, y1 = round(x + STEP, 6), round(y + STEP, 6)
    return [[x, y], [x1, y], [x1, y1], [x, y1], [x, y]]


def _collection(features: list[dict]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features})


def _tiles(**replace: list) -> list[dict]:
    """A feature per tile, ids ``t<i>_<j>``; ``replace`` swaps a tile's rings (``t3_4=[ring, ...]``)."""
    out = []
    for i in range(COLS):
        for j in range(ROWS):
            fid = f"t{i}_{j}"
            rings = replace.get(fid, [_tile(i, j)])
            out.append({"type": "Feature", "id": fid, "properties": {}, "geometry": _polygon(rings)})
    return out


def _polygon(rings: list) -> dict:
    return {"type": "Polygon", "coordinates": rings}


def _write(tmp_path, name: str, features: list[dict]):
    path = tmp_path / name
    path.write_text(_collection(features))
    return path


def _quiet(path, **kwargs) -> ControlMap:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return ControlMap.read(path, date="2022-09-06", **kwargs)


def test_a_map_cut_into_many_tiles_reads_as_the_whole(tmp_path):
    cm = _quiet(_write(tmp_path, "tiles.geojson", _tiles()))
    assert cm.area_km2() == pytest.approx(area_km2(WHOLE), rel=1e-9)
    assert shapely.equals(shapely.normalize(cm.geometry), shapely.normalize(WHOLE))
    assert cm.repairs == () and cm.skipped == ()


def test_a_repaired_tile_among_many_is_named_and_the_map_stays_whole(tmp_path):
    # a spike on tile t5_5's east edge: invalid, its repair keeps the area (and leaves a vertex its
    # neighbour does not have, so the tiles no longer match edge for edge)
    (x, y), (x1, _), (_, y1) = _tile(5, 5)[:3]
    mid = (y + y1) / 2
    spike = [[x, y], [x1, y], [x1, mid], [x1 + 0.01, mid], [x1, mid], [x1, y1], [x, y1], [x, y]]
    path = _write(tmp_path, "spiked.geojson", _tiles(t5_5=[spike]))
    with pytest.warns(UserWarning, match=r"repaired 1 feature\(s\).*t5_5: made valid"):
        cm = ControlMap.read(path, date="2022-09-06")
    assert [r.feature for r in cm.repairs] == ["t5_5"] and not cm.repairs[0].changes_area
    assert cm.area_km2() == pytest.approx(area_km2(WHOLE), rel=1e-9)
    assert cm.geometry.is_valid


def test_an_area_changing_repair_deep_in_a_large_file_is_refused_by_its_id(tmp_path):
    (x, y), (x1, _), (_, y1) = _tile(7, 9)[:3]
    bowtie = [[x, y], [x1, y1], [x1, y], [x, y1], [x, y]]
    path = _write(tmp_path, "bow.geojson", _tiles(t7_9=[bowtie]))
    with pytest.raises(ControlMapError, match=r"bow\.geojson': feature 't7_9' would change area"):
        ControlMap.read(path, date="2022-09-06")


def test_overlapping_features_are_merged_by_the_general_union(tmp_path):
    # every tile drawn twice as wide: each overlaps its neighbour by half
    features = []
    for i in range(COLS):
        for j in range(ROWS):
            ring = _tile(i, j)
            ring[1][0] = ring[2][0] = round(ring[1][0] + STEP, 6)
            features.append(
                {"type": "Feature", "id": f"w{i}_{j}", "properties": {}, "geometry": _polygon([ring])}
            )
    cm = _quiet(_write(tmp_path, "wide.geojson", features))
    expected = box(X0, Y0, X0 + (COLS + 1) * STEP, Y0 + ROWS * STEP)
    assert cm.area_km2() == pytest.approx(area_km2(expected), rel=1e-9)


def test_the_same_feature_twice_counts_once(tmp_path):
    features = _tiles()
    cm = _quiet(_write(tmp_path, "dup.geojson", features + features[:10]))
    assert cm.area_km2() == pytest.approx(area_km2(WHOLE), rel=1e-9)


def test_features_with_heights_read_as_flat(tmp_path):
    features = _tiles()
    for f in features:
        f["geometry"]["coordinates"] = [[[*xy, 120.0] for xy in r] for r in f["geometry"]["coordinates"]]
    cm = _quiet(_write(tmp_path, "z.geojson", features))
    assert not cm.geometry.has_z
    assert cm.area_km2() == pytest.approx(area_km2(WHOLE), rel=1e-9)


def test_unreadable_and_missing_geometries_are_named_among_many(tmp_path):
    features = _tiles(t2_3=[_tile(2, 3)[:-1]])  # an unclosed ring
    features[0]["geometry"] = None
    path = _write(tmp_path, "holes.geojson", features)
    with pytest.raises(ControlMapError, match=r"feature 't2_3' has a geometry that cannot be read"):
        ControlMap.read(path, date="2022-09-06")
    with pytest.warns(UserWarning, match="skipped 2"):
        cm = ControlMap.read(path, date="2022-09-06", repair="allow")
    assert cm.skipped == ("t0_0", "t2_3")


def test_integer_ids_name_features_by_their_number(tmp_path):
    features = [
        {"type": "Feature", "id": 7, "properties": {}, "geometry": _polygon([_tile(0, 0)])},
        {
            "type": "Feature",
            "id": 12,
            "properties": {},
            "geometry": {"type": "Point", "coordinates": [36, 48]},
        },
    ]
    with pytest.warns(UserWarning, match="skipped 1"):
        cm = ControlMap.read(_write(tmp_path, "ints.geojson", features), date="2022-09-06")
    assert cm.skipped == ("fid 12",)


def test_the_latest_date_property_of_many_features_is_the_map_date(tmp_path):
    features = _tiles()
    for k, f in enumerate(features):
        f["properties"]["date"] = f"2022-09-{1 + k % 12:02d}"
    cm = ControlMap.read(_write(tmp_path, "dated.geojson", features))
    assert cm.date.isoformat() == "2022-09-12"


# ------------------------------------------------------------------------------------- progress bar
def test_progress_bar_only_when_asked(tmp_path, capsys):
    path = _write(tmp_path, "tiles.geojson", _tiles())
    _quiet(path)
    assert capsys.readouterr().err == ""
    _quiet(path, progress=True)
    err = capsys.readouterr().err
    assert "reading tiles.geojson" in err and "features" in err


# ---------------------------------------------------------------------------------------- size cap
def test_default_cap_is_500_mb():
    assert MAX_BYTES == 500_000_000


def test_a_file_over_the_cap_is_refused_naming_file_size_and_argument(tmp_path):
    path = _write(tmp_path, "big.geojson", _tiles())
    size = path.stat().st_size
    with pytest.raises(ControlMapError) as e:
        ControlMap.read(path, max_bytes=size - 1)
    msg = str(e.value)
    assert "big.geojson" in msg and f"{size:,} bytes" in msg and "max_bytes=" in msg
    assert _quiet(path, max_bytes=size).area_km2() > 0


def test_bytes_over_the_cap_are_refused_with_their_size(tmp_path):
    data = _collection(_tiles()).encode()
    with pytest.raises(ControlMapError, match=rf"'<bytes>' is {len(data):,} bytes.*max_bytes="):
        load(data, max_bytes=1000)


@pytest.mark.parametrize("cap", [0, -5, 1.5, "500", True])
def test_a_cap_that_is_not_a_positive_whole_number_is_refused(tmp_path, cap):
    path = _write(tmp_path, "tiles.geojson", _tiles()[:2])
    with pytest.raises(InputError, match="max_bytes must be a positive whole number"):
        ControlMap.read(path, max_bytes=cap)


# ------------------------------------------------------------------------------------- antimeridian
def test_a_control_polygon_across_the_antimeridian_measures_the_short_way(tmp_path):
    # old: segmentized first, so the 179 -> -179 edge ran the long way round: ~179x too large
    across = Polygon([(179, 60), (-179, 60), (-179, 61), (179, 61)])
    expected = area_km2(box(0, 60, 2, 61))
    assert ControlMap(across).area_km2() == pytest.approx(expected, rel=1e-9)
    feature = {"type": "Feature", "properties": {}, "geometry": shapely.geometry.mapping(across)}
    cm = _quiet(_write(tmp_path, "chukotka.geojson", [feature]))
    assert cm.area_km2() == pytest.approx(expected, rel=1e-9)


# ---------------------------------------------------------------------------------- KML and layers
def test_kml_with_heights_and_folders_names_features_by_layer_and_name(tmp_path):
    def placemark(name: str, ring: list) -> str:
        coords = " ".join(f"{x},{y},0" for x, y in ring)
        return (
            f"<Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{coords}"
            "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
        )

    (x, y), (x1, _), (_, y1) = _tile(0, 0)[:3]
    bowtie = [[x, y], [x1, y1], [x1, y], [x, y1], [x, y]]
    kml = (
        '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        f"<Folder><name>north</name>{placemark('a', _tile(1, 1))}{placemark('b', _tile(2, 1))}</Folder>"
        f"<Folder><name>south</name>{placemark('c', bowtie)}</Folder>"
        "</Document></kml>"
    )
    path = tmp_path / "layers.kml"
    path.write_text(kml)
    with pytest.raises(ControlMapError, match=r"feature 'south:c' would change area"):
        ControlMap.read(path, date="2022-09-06")
    cm = _quiet(path, layer="north")
    assert cm.area_km2() == pytest.approx(area_km2(box(X0 + STEP, Y0 + STEP, X0 + 3 * STEP, Y0 + 2 * STEP)))
