"""Fuzzing control-map files (hypothesis): GeoJSON, KML, KMZ and zip files of random features --
valid boxes, holes inside and outside their shells, bow-ties, spikes, unclosed rings, empty and
nested geometries, points and lines, huge coordinates -- whole or damaged.

Whatever the file, ``ControlMap.read`` either raises a documented error (a
:class:`~frontmap.errors.FrontmapError`) or returns a map in which no area changed silently: valid
polygons are kept as drawn, every other feature is either listed in ``skipped`` or has a ``Repair``,
and the map's area lies between the union of the valid polygons and that plus what the repairs report.

The strategies and ``check_*`` properties are shared with ``benchmarks/fuzz_long.py``.
"""

from __future__ import annotations

import io
import json
import math
import tempfile
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon, box

from frontmap.control.controlmap import ControlMap
from frontmap.errors import FrontmapError
from frontmap.geometry import area_km2

#: The CI profile: the whole fuzz suite stays well under two minutes.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,  # the same inputs on every run: CI never flakes; benchmarks/fuzz_long.py explores
)


# ------------------------------------------------------------------------------------------ features
@dataclass(frozen=True)
class Feature:
    """One generated feature: its GeoJSON geometry (None: no geometry), what kind it is, and for a valid
    polygon the shapely polygon it is."""

    fid: str
    geometry: dict | None
    kind: str
    polygon: Polygon | None = None


def _ring(x: float, y: float, w: float, h: float) -> list[list[float]]:
    return [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]


corners = st.tuples(
    st.floats(22.0, 40.0).map(lambda v: round(v, 4)), st.floats(44.5, 52.0).map(lambda v: round(v, 4))
)
sizes = st.tuples(
    st.floats(0.01, 1.5).map(lambda v: round(v, 4)), st.floats(0.01, 1.5).map(lambda v: round(v, 4))
)


@st.composite
def features(draw: st.DrawFn, fid: str) -> Feature:
    (x, y), (w, h) = draw(corners), draw(sizes)
    shell = _ring(x, y, w, h)
    kind = draw(
        st.sampled_from(
            ["box", "box", "box", "hole_inside", "hole_outside", "bowtie", "spike", "unclosed", "empty",
             "null", "point", "line", "collection", "nested", "multipolygon", "huge", "far"]
        )
    )  # fmt: skip
    poly = {"type": "Polygon", "coordinates": [shell]}
    if kind == "box":
        return Feature(fid, poly, kind, Polygon(shell))
    if kind == "hole_inside":
        hole = _ring(x + w / 4, y + h / 4, w / 2, h / 2)
        return Feature(fid, {"type": "Polygon", "coordinates": [shell, hole]}, kind, Polygon(shell, [hole]))
    if kind == "hole_outside":
        return Feature(fid, {"type": "Polygon", "coordinates": [shell, _ring(x + 2 * w, y, w, h)]}, kind)
    if kind == "bowtie":
        return Feature(
            fid,
            {"type": "Polygon", "coordinates": [[[x, y], [x + w, y + h], [x + w, y], [x, y + h], [x, y]]]},
            kind,
        )
    if kind == "spike":
        m = y + h / 2
        ring = [
            [x, y],
            [x + w, y],
            [x + w, m],
            [x + 1.5 * w, m],
            [x + w, m],
            [x + w, y + h],
            [x, y + h],
            [x, y],
        ]
        return Feature(fid, {"type": "Polygon", "coordinates": [ring]}, kind)
    if kind == "unclosed":
        return Feature(fid, {"type": "Polygon", "coordinates": [shell[:-1]]}, kind)
    if kind == "empty":
        return Feature(
            fid, {"type": draw(st.sampled_from(["Polygon", "MultiPolygon"])), "coordinates": []}, kind
        )
    if kind == "null":
        return Feature(fid, None, kind)
    if kind == "point":
        return Feature(fid, {"type": "Point", "coordinates": [x, y]}, kind)
    if kind == "line":
        return Feature(fid, {"type": "LineString", "coordinates": [[x, y], [x + w, y + h]]}, kind)
    if kind == "collection":
        members = [poly, {"type": "Point", "coordinates": [x, y]}]
        return Feature(fid, {"type": "GeometryCollection", "geometries": members}, kind)
    if kind == "nested":
        inner = {
            "type": "GeometryCollection",
            "geometries": [poly, {"type": "LineString", "coordinates": [[x, y], [x + w, y]]}],
        }
        return Feature(fid, {"type": "GeometryCollection", "geometries": [inner]}, kind)
    if kind == "multipolygon":
        second = _ring(x + w * 2, y, w, h)
        geom = {"type": "MultiPolygon", "coordinates": [[shell], [second]]}
        return Feature(fid, geom, kind, shapely.MultiPolygon([Polygon(shell), Polygon(second)]))
    if kind == "huge":
        big = draw(st.sampled_from([1e6, 1e20, 1e300, -1e300, 181.0, 91.0]))
        return Feature(fid, {"type": "Polygon", "coordinates": [_ring(x, big, w, h)]}, kind)
    # far from Ukraine but valid lon/lat: Australia
    ring = _ring(x + 110.0, -y + 20.0, w, h)
    return Feature(fid, {"type": "Polygon", "coordinates": [ring]}, kind, Polygon(ring))


@st.composite
def feature_lists(draw: st.DrawFn) -> list[Feature]:
    n = draw(st.integers(1, 6))
    return [draw(features(f"f{i}")) for i in range(n)]


# -------------------------------------------------------------------------------------------- files
def geojson_bytes(feats: list[Feature]) -> bytes:
    doc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": f.fid, "properties": {}, "geometry": f.geometry} for f in feats
        ],
    }
    return json.dumps(doc).encode()


def _kml_geometry(g: dict | None) -> str:
    if g is None:
        return ""
    t, c = g["type"], g.get("coordinates")

    def coords(points: list) -> str:
        return "<coordinates>" + " ".join(f"{p[0]!r},{p[1]!r}" for p in points) + "</coordinates>"

    def polygon(rings: list) -> str:
        if not rings:
            return "<Polygon></Polygon>"
        out = f"<Polygon><outerBoundaryIs><LinearRing>{coords(rings[0])}</LinearRing></outerBoundaryIs>"
        for r in rings[1:]:
            out += f"<innerBoundaryIs><LinearRing>{coords(r)}</LinearRing></innerBoundaryIs>"
        return out + "</Polygon>"

    if t == "Polygon":
        return polygon(c)
    if t == "MultiPolygon":
        return "<MultiGeometry>" + "".join(polygon(p) for p in c) + "</MultiGeometry>"
    if t == "Point":
        return f"<Point>{coords([c])}</Point>"
    if t == "LineString":
        return f"<LineString>{coords(c)}</LineString>"
    return "<MultiGeometry>" + "".join(_kml_geometry(m) for m in g["geometries"]) + "</MultiGeometry>"


def kml_bytes(feats: list[Feature]) -> bytes:
    marks = "".join(f"<Placemark><name>{f.fid}</name>{_kml_geometry(f.geometry)}</Placemark>" for f in feats)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        f"{marks}</Document></kml>"
    ).encode()


def _zipped(name: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, data)
    return buf.getvalue()


FORMATS = {
    "geojson": (".geojson", geojson_bytes),
    "kml": (".kml", kml_bytes),
    "kmz": (".kmz", lambda feats: _zipped("doc.kml", kml_bytes(feats))),
    "zip": (".zip", lambda feats: _zipped("map.geojson", geojson_bytes(feats))),
}


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` truncated, with bytes overwritten, or with junk put in."""
    how = draw(st.sampled_from(["truncate", "overwrite", "insert"]))
    at = draw(st.integers(0, max(len(data) - 1, 0)))
    if how == "truncate":
        return data[:at]
    junk = draw(st.binary(min_size=1, max_size=8))
    if how == "overwrite":
        return data[:at] + junk + data[at + len(junk) :]
    return data[:at] + junk + data[at:]


@st.composite
def map_files(draw: st.DrawFn) -> tuple[str, bytes, list[Feature], bool]:
    """``(suffix, bytes, features, damaged?)``."""
    feats = draw(feature_lists())
    suffix, build = FORMATS[draw(st.sampled_from(sorted(FORMATS)))]
    data = build(feats)
    broken = draw(st.booleans()) and draw(st.integers(0, 3)) == 0
    if broken:
        data = draw(damaged(data))
    return suffix, data, feats, broken


# ------------------------------------------------------------------------------------------ property
def read_map(suffix: str, data: bytes, repair: str, as_bytes: bool) -> ControlMap:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if as_bytes:
            return ControlMap.read(data, date="2022-09-06", repair=repair)
        with tempfile.TemporaryDirectory(prefix="frontmap-fuzz-") as tmp:
            path = Path(tmp) / f"map{suffix}"
            path.write_bytes(data)
            return ControlMap.read(path, date="2022-09-06", repair=repair)


def check_map_file(example: tuple[str, bytes, list[Feature], bool], repair: str, as_bytes: bool) -> None:
    """Only documented errors; and a map read has no area changed silently."""
    suffix, data, feats, broken = example
    try:
        cm = read_map(suffix, data, repair, as_bytes)
    except FrontmapError:
        return
    area = cm.area_km2()
    assert math.isfinite(area) and area >= 0
    if broken:
        return  # a damaged file may still read (a truncated list of features): no more to say
    repaired = {r.feature for r in cm.repairs}
    for r in cm.repairs:
        assert repair == "allow" or not r.changes_area, r
    kept_valid = []
    for f in feats:
        if f.polygon is not None:  # a valid polygon: kept as drawn, never skipped nor repaired
            assert f.fid not in cm.skipped and f.fid not in repaired, (f, cm.skipped, cm.repairs)
            kept_valid.append(f.polygon)
        elif f.kind in ("hole_outside", "bowtie", "spike", "collection", "nested"):
            assert f.fid in repaired or f.fid in cm.skipped, (f.kind, cm.repairs, cm.skipped)
        elif f.kind in ("empty", "null", "point", "line"):
            assert f.fid in cm.skipped, (f.kind, cm.skipped)
    floor = area_km2(shapely.union_all(kept_valid)) if kept_valid else 0.0
    ceiling = sum(area_km2(p) for p in kept_valid) + sum(r.km2_after for r in cm.repairs)
    unclosed = any(f.kind == "unclosed" and f.fid not in cm.skipped for f in feats)
    if unclosed:  # a driver may close the ring itself: then it is a valid box of unknown area here
        return
    assert floor * (1 - 1e-6) - 1e-6 <= area <= ceiling * (1 + 1e-6) + 1e-6, (floor, area, ceiling)


@FUZZ
@given(map_files(), st.sampled_from(["refuse", "allow"]))
def test_map_files_raise_only_documented_errors_and_never_change_an_area_silently(example, repair):
    check_map_file(example, repair, as_bytes=False)


@FUZZ
@given(map_files(), st.sampled_from(["refuse", "allow"]))
def test_map_bytes_raise_only_documented_errors_and_never_change_an_area_silently(example, repair):
    check_map_file(example, repair, as_bytes=True)


@settings(FUZZ, max_examples=15)
@given(st.binary(max_size=300), st.sampled_from([".geojson", ".kml", ".kmz", ".json", ".gpkg", ".zip"]))
def test_random_bytes_raise_only_documented_errors(data, suffix):
    try:
        read_map(suffix, data, "refuse", as_bytes=False)
    except FrontmapError:
        pass


def check_geometry(geom: shapely.Geometry, repair: str = "allow") -> None:
    """A shapely geometry given directly: only documented errors; an area that changed is reported
    (and refused unless ``repair="allow"``), one that is not reported is the geometry's as drawn."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cm = ControlMap.read(geom, repair=repair)
    except FrontmapError:
        return
    assert repair == "allow" or not any(r.changes_area for r in cm.repairs), cm.repairs
    if geom.is_valid and geom.geom_type in ("Polygon", "MultiPolygon"):
        assert cm.repairs == () and cm.skipped == ()
    if not cm.repairs and not cm.skipped:
        assert math.isclose(cm.area_km2(), area_km2(geom), rel_tol=1e-6, abs_tol=1e-6), (cm.area_km2(), geom)


coordinates = st.tuples(st.floats(-200, 200, allow_nan=False), st.floats(-100, 100, allow_nan=False))
raw_polygons = st.lists(coordinates, min_size=3, max_size=8).map(lambda pts: Polygon(pts))
geometries = st.one_of(
    raw_polygons,
    st.builds(box, st.floats(22, 39), st.floats(44, 51), st.floats(39.5, 41), st.floats(51.5, 53)),
    st.lists(raw_polygons, min_size=1, max_size=3).map(shapely.GeometryCollection),
)


@FUZZ
@given(geometries, st.sampled_from(["refuse", "allow"]))
def test_geometries_raise_only_documented_errors_and_report_repairs(geom, repair):
    check_geometry(geom, repair)


#: For benchmarks/fuzz_long.py: name -> (strategy, property taking one example).
TARGETS = {
    "control-map files (refuse)": (map_files(), lambda ex: check_map_file(ex, "refuse", False)),
    "control-map files (allow)": (map_files(), lambda ex: check_map_file(ex, "allow", False)),
    "control-map bytes": (map_files(), lambda ex: check_map_file(ex, "allow", True)),
    "control-map geometries": (geometries, check_geometry),
}
