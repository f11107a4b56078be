"""ControlMap.read never changes an area silently: repairs are recorded, refused when they change an
area, and implausible coordinates or CRSs are refused naming the file and the feature."""

from __future__ import annotations

import dataclasses
import io
import json
import warnings
import zipfile

import pytest

from frontmap.control.controlmap import ControlMap
from frontmap.control.repairs import Repair
from frontmap.errors import ControlMapError, InputError

SHELL = [[37, 49], [38, 49], [38, 50], [37, 50], [37, 49]]  # 8,056.2 km²
AWAY = [[39, 49], [40, 49], [40, 50], [39, 50], [39, 49]]  # same size, outside SHELL
BOX_KM2 = 8056.245


def _poly(*rings):
    return {"type": "Polygon", "coordinates": [list(r) for r in rings]}


def _feature(geometry, fid=None, **props):
    f = {"type": "Feature", "properties": props, "geometry": geometry}
    if fid is not None:
        f["id"] = fid
    return f


def _write(tmp_path, name, *features, crs=None):
    doc = {"type": "FeatureCollection", "features": list(features)}
    if crs is not None:
        doc["crs"] = crs
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path


def _read_quietly(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return ControlMap.read(path, date="2022-09-06", **kwargs)


# ------------------------------------------------------------------------ area-changing repairs
def test_hole_outside_its_shell_is_refused(tmp_path):
    # old: read as 16,112 km² (the hole became occupied territory), nothing skipped, no warning
    path = _write(tmp_path, "hole.geojson", _feature(_poly(SHELL, AWAY), id="H1"))
    with pytest.raises(ControlMapError, match=r"hole\.geojson.*feature 'H1'.*Hole lies outside shell") as e:
        ControlMap.read(path, date="2022-09-06")
    assert "8,056.2 → 16,112.5 km²" in str(e.value) and "repair='allow'" in str(e.value)


def test_hole_outside_its_shell_with_repair_allowed_is_recorded_and_warned(tmp_path):
    path = _write(tmp_path, "hole.geojson", _feature(_poly(SHELL, AWAY), id="H1"))
    with pytest.warns(UserWarning) as record:
        cm = ControlMap.read(path, date="2022-09-06", repair="allow")
    texts = [str(w.message) for w in record]
    assert len(texts) == 1
    assert texts[0].startswith(
        f"{path}: repaired 1 feature(s), area of the repaired features 8,056.2 km² before"
    )
    assert "16,112.5 km² after" in texts[0] and "H1: made valid (Hole lies outside shell" in texts[0]
    assert cm.area_km2() == pytest.approx(2 * BOX_KM2, rel=1e-4)
    (r,) = cm.repairs
    assert isinstance(cm.repairs, tuple) and isinstance(r, Repair)
    assert (r.feature, r.km2_before, r.km2_after) == ("H1", pytest.approx(BOX_KM2, rel=1e-4), cm.area_km2())
    assert r.changes_area
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.km2_after = 0.0  # type: ignore[misc]


def test_bow_tie_is_refused_then_allowed(tmp_path):
    # old: read as 4,028 km² silently
    bowtie = [[37, 49], [38, 50], [38, 49], [37, 50], [37, 49]]
    path = _write(tmp_path, "bow.geojson", _feature(_poly(SHELL), id="ok"), _feature(_poly(bowtie), id="bow"))
    with pytest.raises(ControlMapError, match=r"bow\.geojson.*feature 'bow'.*Self-intersection"):
        ControlMap.read(path, date="2022-09-06")
    with pytest.warns(UserWarning, match=r"repaired 1 feature\(s\).*bow: made valid"):
        cm = ControlMap.read(path, date="2022-09-06", repair="allow")
    assert [r.feature for r in cm.repairs] == ["bow"]
    assert cm.repairs[0].km2_after == pytest.approx(BOX_KM2 / 2, rel=1e-3)


def test_repair_that_keeps_the_area_is_recorded_not_refused(tmp_path):
    spike = [[37, 49], [38, 49], [38, 49.5], [38.5, 49.5], [38, 49.5], [38, 50], [37, 50], [37, 49]]
    path = _write(tmp_path, "spike.geojson", _feature(_poly(spike), name="spiky"))
    with pytest.warns(UserWarning, match=r"repaired 1 feature\(s\).*spiky: made valid"):
        cm = ControlMap.read(path, date="2022-09-06")
    assert cm.area_km2() == pytest.approx(BOX_KM2, rel=1e-4)
    assert [r.feature for r in cm.repairs] == ["spiky"] and not cm.repairs[0].changes_area


def test_clean_file_has_no_repairs_and_no_warning(tmp_path):
    cm = _read_quietly(_write(tmp_path, "clean.geojson", _feature(_poly(SHELL), id="a")))
    assert cm.repairs == () and cm.skipped == ()


def test_unknown_repair_mode_is_refused(tmp_path):
    path = _write(tmp_path, "clean.geojson", _feature(_poly(SHELL)))
    with pytest.raises(InputError, match="repair must be one of 'refuse', 'allow'"):
        ControlMap.read(path, repair="yes")


def test_series_passes_repair_on(tmp_path):
    _write(tmp_path, "m_2022-09-06.geojson", _feature(_poly(SHELL, AWAY), id="H1"))
    with pytest.raises(ControlMapError, match="feature 'H1'"):
        ControlMap.series(tmp_path)
    with pytest.warns(UserWarning, match="repaired 1 feature"):
        (cm,) = ControlMap.series(tmp_path, repair="allow")
    assert cm.repairs[0].feature == "H1"


# --------------------------------------------------------------------- dropped members and features
def test_points_and_lines_in_a_collection_are_listed(tmp_path):
    # old: the point and the line vanished without a word
    collection = {
        "type": "GeometryCollection",
        "geometries": [
            _poly(SHELL),
            {"type": "Point", "coordinates": [36, 48]},
            {"type": "LineString", "coordinates": [[36, 48], [36.5, 48.5]]},
        ],
    }
    path = _write(tmp_path, "gc.geojson", _feature(collection, id="G"))
    with pytest.warns(UserWarning, match=r"G: dropped 2 non-polygon member\(s\) \(LineString, Point\)"):
        cm = ControlMap.read(path, date="2022-09-06")
    assert cm.area_km2() == pytest.approx(BOX_KM2, rel=1e-4)
    (r,) = cm.repairs
    assert r.feature == "G" and r.km2_before == r.km2_after


def test_unclosed_ring_names_the_file_and_the_feature(tmp_path):
    # old: "cannot read ... as a map file (IllegalArgumentException: Points of LinearRing do not form a
    # closed linestring)": the whole file refused, no feature named
    unclosed = SHELL[:-1]
    path = _write(
        tmp_path, "open.geojson", _feature(_poly(SHELL), id="good"), _feature(_poly(unclosed), id="U")
    )
    with pytest.raises(
        ControlMapError, match=r"open\.geojson': feature 'U' has a geometry that cannot be read"
    ):
        ControlMap.read(path, date="2022-09-06")
    with pytest.warns(UserWarning, match=r"skipped 1 feature\(s\).*: U"):
        cm = ControlMap.read(path, date="2022-09-06", repair="allow")
    assert cm.skipped == ("U",)
    assert cm.area_km2() == pytest.approx(BOX_KM2, rel=1e-4)


def test_features_are_named_by_id_then_name_then_index(tmp_path):
    path = _write(
        tmp_path,
        "names.geojson",
        _feature(_poly(SHELL), id="a"),
        _feature({"type": "Point", "coordinates": [36, 48]}, name="Kupiansk"),
        _feature({"type": "Point", "coordinates": [36, 48]}),
    )
    with pytest.warns(UserWarning, match="skipped 2"):
        cm = ControlMap.read(path, date="2022-09-06")
    assert cm.skipped == ("Kupiansk", "fid 2")


def test_kml_placemarks_are_named_by_their_name(tmp_path):
    # old: the point was listed as "fid 0" (the empty KML id column won over <name>)
    ring = " ".join(f"{x},{y}" for x, y in SHELL)
    kml = (
        '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        "<Placemark><name>Kupiansk</name><Point><coordinates>37.6,49.7</coordinates></Point></Placemark>"
        "<Placemark><name>zone</name><Polygon><outerBoundaryIs><LinearRing><coordinates>"
        f"{ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
        "</Document></kml>"
    )
    path = tmp_path / "m.kml"
    path.write_text(kml)
    with pytest.warns(UserWarning, match="skipped 1 feature.*Kupiansk"):
        cm = ControlMap.read(path, date="2022-09-06")
    assert cm.skipped == ("Kupiansk",)


# ------------------------------------------------------------------------ CRS and coordinate checks
@pytest.mark.parametrize(
    "crs, match",
    [
        ({"type": "name", "properties": {"name": "EPSG:999999"}}, "unknown CRS 'EPSG:999999'"),
        ({"type": "name", "properties": {"name": "not a crs"}}, "unknown CRS 'not a crs'"),
        ({"type": "link", "properties": {"href": "http://x/crs"}}, "cannot understand its 'crs' member"),
    ],
    ids=["unknown-epsg", "gibberish", "link"],
)
def test_unknown_crs_is_refused_naming_file_and_crs(tmp_path, crs, match):
    # old: EPSG:999999 was read as lon/lat without a word
    path = _write(tmp_path, "crs.geojson", _feature(_poly(SHELL)), crs=crs)
    with pytest.raises(ControlMapError, match=rf"crs\.geojson'.*{match}"):
        ControlMap.read(path, date="2022-09-06")


def test_a_property_called_crs_is_not_taken_for_the_crs(tmp_path):
    path = _write(tmp_path, "prop.geojson", _feature(_poly(SHELL), crs={"note": "as drawn"}))
    assert _read_quietly(path).area_km2() == pytest.approx(BOX_KM2, rel=1e-4)


@pytest.mark.parametrize("name", ["EPSG:4326", "urn:ogc:def:crs:OGC:1.3:CRS84"])
def test_known_crs_member_is_accepted(tmp_path, name):
    path = _write(
        tmp_path, "ok.geojson", _feature(_poly(SHELL)), crs={"type": "name", "properties": {"name": name}}
    )
    assert _read_quietly(path).area_km2() == pytest.approx(BOX_KM2, rel=1e-4)


def test_coordinates_outside_the_world_name_the_feature(tmp_path):
    far = [[170, 49], [190, 49], [190, 50], [170, 50], [170, 49]]
    path = _write(tmp_path, "world.geojson", _feature(_poly(SHELL), id="a"), _feature(_poly(far), id="F"))
    with pytest.raises(
        ControlMapError, match=r"world\.geojson': feature 'F' has coordinates .* outside the world"
    ):
        ControlMap.read(path, date="2022-09-06")


def test_swapped_latitude_and_longitude_are_refused(tmp_path):
    # old: accepted, share of Ukraine 0.0 (the square lay in Iran)
    swapped = [[y, x] for x, y in SHELL]
    path = _write(
        tmp_path, "swap.geojson", _feature(_poly(swapped), id="S"), _feature(_poly(swapped), id="T")
    )
    with pytest.raises(ControlMapError, match=r"swap\.geojson': latitude and longitude look swapped .*'S'"):
        ControlMap.read(path, date="2022-09-06")


def test_a_map_partly_in_the_region_is_not_called_swapped(tmp_path):
    swapped = [[y, x] for x, y in SHELL]
    path = _write(tmp_path, "mixed.geojson", _feature(_poly(SHELL)), _feature(_poly(swapped)))
    cm = _read_quietly(path)
    assert cm.skipped == () and cm.area_km2() > 1.9 * BOX_KM2


# ------------------------------------------------------------------------------ damaged containers
def test_a_kmz_with_damaged_compressed_data_names_the_file(tmp_path):
    # found by tests/test_fuzz_controlmaps.py: a raw zlib.error escaped from reading the KMZ
    kml = b'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
    kml += b"<Placemark><name>a</name></Placemark>" * 20 + b"</Document></kml>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("doc.kml", kml)
    data = bytearray(buf.getvalue())
    start = 30 + len("doc.kml")  # the deflated stream starts after the local header and the name
    data[start : start + 4] = b"\xff\xff\xff\xff"
    path = tmp_path / "damaged.kmz"
    path.write_bytes(bytes(data))
    with pytest.raises(ControlMapError, match=r"damaged\.kmz': cannot unzip 'doc\.kml' \(Error -3"):
        ControlMap.read(path, date="2022-09-06")


def test_a_collection_with_a_collapsed_polygon_is_repaired_not_crashed(tmp_path):
    # found by benchmarks/fuzz_long.py: GEOS's make_valid raised "Overlay input is mixed-dimension"
    # (a raw GEOSException) for a polygon collapsed to a point beside a real one
    collection = {
        "type": "GeometryCollection",
        "geometries": [_poly([[37, 49], [37, 49], [37, 49], [37, 49]]), _poly(SHELL)],
    }
    path = _write(tmp_path, "collapsed.geojson", _feature(collection, id="C"))
    with pytest.warns(UserWarning, match=r"C: made valid \(Too few points"):
        cm = ControlMap.read(path, date="2022-09-06")
    assert cm.area_km2() == pytest.approx(BOX_KM2, rel=1e-4)
    assert [r.feature for r in cm.repairs] == ["C"] and not cm.repairs[0].changes_area


# found by benchmarks/fuzz_long.py: a zip whose damaged directory points before the start of the file
# made zipfile raise a raw "ValueError: negative seek value -256"
BAD_OFFSET_ZIP = (
    b'PK\x03\x04\x14\x00\x00\x00\x08\x00sS}]\x8f\x06\xfc\x84\x87\x00\x00\x00"\x01\x00\x00\x0b\x00\x00\x00'
    b"map.geojson\x85\x8e1\x0b\xc3 \x10\x85\xff\x8a\xb8V\x8a\xb1[\xd7B\xe7\xee\xe2\x10\x92K\x10\xac'\xf62"
    b"\x88\xf8\xdf\xa3u(\x14\x9an\xf7>\xbe{\xbc\xcc)\x05\xe0W\xc6\xef0\xd2\x16\xe1\x86\xce\xc1D\x16=\x17"
    b'\x8c/\x1d\xbe\xaa\xa0\xf3\xb7\xda\x04;7\xb0\xc8v\x87\x88\x01"\xd9\xb7\x9eK%+\xe0\x13(\xa6\x9a\xfd'
    b"\xe6\\EG%\xc3\xdf\x92\xcf\xf7\x03]Z\xfb\xc6\t1\xce\xd6\x8f\xd4gj\xad\xd4Y\n6\xc0II#\x98V\x97\xc3"
    b"\xa8~FcJ1e\x07PK\x01\x02\x14\x03\x14\x00\x00\x00\x08\x00sS}]\x8f\x06\xfc\x84\x87\x00\x00\x00"
    b'"\x01\x00\x00\x0b\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x01\x00\x00\x00\x00map.geojson'
    b"PK\x05\x06\x00\x00\x00\x00\x01\x00\x01\x009\x00\x00\x00\xb0\x01\x00\x00\x00\x00"
)


@pytest.mark.parametrize("as_path", [True, False], ids=["file", "bytes"])
def test_a_zip_with_a_damaged_directory_names_the_file(tmp_path, as_path):
    path = tmp_path / "bad_offset.zip"
    path.write_bytes(BAD_OFFSET_ZIP)
    source = path if as_path else BAD_OFFSET_ZIP
    with pytest.raises(ControlMapError, match=r"(bad_offset\.zip|<bytes>)'.*(cannot unzip|not a readable)"):
        ControlMap.read(source, date="2022-09-06")


def test_a_feature_id_that_is_not_utf8_is_named_with_a_replacement_character(tmp_path):
    # found by benchmarks/fuzz_long.py: a damaged byte in an id raised a raw UnicodeDecodeError
    feature = json.dumps(_feature(_poly(SHELL, AWAY), id="@3", date="2022-09-\u00e9"))
    path = tmp_path / "bytes.geojson"
    path.write_bytes(
        b'{"type": "FeatureCollection", "features": [' + feature.encode().replace(b"@", b"\x80") + b"]}"
    )
    with pytest.raises(ControlMapError, match="feature '\ufffd3' would change area on repair"):
        ControlMap.read(path)
