"""Tests for frontmap.maps.static (static PNG/SVG/PDF maps) and frontmap.maps.labels (label placement).

Files are read back: PNGs with Pillow (size, colours where layers should be), SVGs as XML, PDFs by
their header.  Most maps are drawn without the basemap (faster, and pixels then depend on the layers
alone); the basemap has its own tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import LineString, Point, box

import frontmap as fm
from frontmap.control.controlmap import ControlMap, change
from frontmap.errors import InputError
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import hull
from frontmap.maps._drawing import fill_frame
from frontmap.maps.labels import OFFSETS, Box, place_labels
from frontmap.maps.plan import UKRAINE_EXTENT, fit, plan
from frontmap.maps.scene import collect
from frontmap.maps.static import _axes_rect, figure, render, scale_bar
from frontmap.maps.style import style
from frontmap.reading.article import Article, Mention
from frontmap.reading.claims import AreaClaim, ComparisonClaim, DistanceClaim, ShareClaim

Image = pytest.importorskip("PIL.Image")

KHARKIV = Place("t:kharkiv", "Kharkiv", "settlement", 49.98177, 36.25475, "UA", "Kharkiv Oblast", 1421125)
BALAKLIIA = Place("t:balakliia", "Balakliia", "settlement", 49.45595, 36.84433, "UA", "Kharkiv Oblast", 26334)
IZIUM = Place("t:izium", "Izium", "settlement", 49.20697, 37.27679, "UA", "Kharkiv Oblast", 45884)
ZNPP = Place("t:znpp", "Zaporizhzhia NPP", "facility", 47.5119, 34.5856, "UA", "Zaporizhzhia Oblast")
SQUARE_OBLAST = Place("t:sq", "Square Oblast", "region", 48.5, 31.5, "UA", _geometry=box(31, 48, 32, 49))

DIST = DistanceClaim(
    "72 km southeast of Kharkiv",
    0,
    26,
    value=72,
    km=72,
    value_text="72",
    direction="SE",
    bearing_deg=135.0,
    anchor=KHARKIV,
    subject=BALAKLIIA,
    source="reports/kharkiv.txt",
)
RING = DistanceClaim(
    "up to 30 km from Kharkiv", 0, 24, value=30, km=30, value_text="30", qualifier="up to", anchor=KHARKIV
)
NO_ANCHOR = DistanceClaim(
    "20 km east of the capital",
    0,
    25,
    value=20,
    km=20,
    value_text="20",
    direction="E",
    bearing_deg=90.0,
    anchor_text="the capital",
)
AREA = AreaClaim("6,000 km²", 0, 9, value=6000, km2=6000, value_text="6,000", places=(BALAKLIIA, IZIUM))
SHARE = ShareClaim("a fifth of the region", 0, 21, value=0.2, value_text="a fifth", of=SQUARE_OBLAST)
COMPARISON = ComparisonClaim("as large as Square Oblast", 0, 25, places=(SQUARE_OBLAST,))

RED = (0xD3, 0x2F, 0x2F)  # the occupied side's fill, before transparency
GREEN, DARK_RED = (0x2E, 0x7D, 0x32), (0xC6, 0x28, 0x28)  # consistent / inconsistent


@dataclasses.dataclass(frozen=True)
class Inferred:
    """Duck-typed inferred control, as frontmap.reading.events makes it."""

    held: dict
    line: object = None
    label: str = "inferred front"
    uncertainty_km: float | None = None


def verdict(status: str, claim=DIST, check="distance", stated=72.0, measured=72.3):
    from frontmap.checks import Verdict

    return Verdict(check, status, stated, measured, "km", measured / stated, 0.1, claim)


def layout(things):
    """What a static map of ``things`` draws (the shared collector, then the static plan)."""
    return plan(collect(things, caller="render"))


def pixels(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB")).astype(int)


def near(img: np.ndarray, colour: tuple[int, int, int], tol: int = 12) -> np.ndarray:
    return np.abs(img - np.array(colour)).max(axis=2) <= tol


def to_pixel(lon: float, lat: float, fig) -> tuple[int, int]:
    """Where (lon, lat) lands in the PNG of ``fig`` (as render writes it): through the axes' CRS."""
    from pyproj import Transformer

    ax = fig.axes[0]
    x, y = Transformer.from_crs("EPSG:4326", ax.crs, always_xy=True).transform(lon, lat)
    px, py = ax.transData.transform((x, y))
    return round(px), round(fig.get_size_inches()[1] * fig.dpi - py)


def frame_lonlat(fig) -> tuple[float, float, float, float]:
    """The lon/lat box covering the axes' frame (its edges sampled)."""
    from pyproj import Transformer

    ax = fig.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    t = np.linspace(0, 1, 50)
    xs = np.concatenate([x0 + (x1 - x0) * t, np.full(50, x1), x0 + (x1 - x0) * t, np.full(50, x0)])
    ys = np.concatenate([np.full(50, y0), y0 + (y1 - y0) * t, np.full(50, y1), y0 + (y1 - y0) * t])
    lon, lat = Transformer.from_crs(ax.crs, "EPSG:4326", always_xy=True).transform(xs, ys)
    return lon.min(), lat.min(), lon.max(), lat.max()


def reddish(img: np.ndarray) -> np.ndarray:
    """Pixels of a semi-transparent red fill on a light background."""
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    return (r - g > 30) & (r - b > 30)


# ------------------------------------------------------------------------------------------ formats
@pytest.mark.parametrize(
    ("figsize", "dpi"), [((4, 3), 50), ((6, 4), 100), ((5.5, 3.2), 80), ((3, 6), 60)], ids=str
)
def test_png_size_is_figsize_times_dpi(tmp_path, figsize, dpi):
    out = render([KHARKIV], tmp_path / "m.png", figsize=figsize, dpi=dpi, basemap=False)
    with Image.open(out) as im:
        assert im.size == (round(figsize[0] * dpi), round(figsize[1] * dpi))
        assert im.format == "PNG"


def test_default_png_size(tmp_path):
    with Image.open(render([], tmp_path / "m.png", basemap=False)) as im:
        assert im.size == (1500, 1050)  # (10, 7) inches at 150 dpi


def test_returns_the_path_written_and_leaves_no_temporary_files(tmp_path):
    out = render([KHARKIV], tmp_path / "map.png", basemap=False, dpi=40)
    assert out == tmp_path / "map.png"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png"]


@pytest.mark.parametrize("name", ["map.png", "MAP.PNG", "map.Svg", "m.pdf"])
def test_extension_is_case_insensitive(tmp_path, name):
    out = render([KHARKIV], tmp_path / name, basemap=False, dpi=40)
    assert out.stat().st_size > 1000


def test_svg_is_xml_with_paths_and_the_escaped_title(tmp_path):
    title = 'Kharkiv & Izium: "<retaken>"'
    out = render([ControlMap(box(36, 49, 38, 50)), KHARKIV], tmp_path / "m.svg", title=title, basemap=False)
    raw = out.read_text("utf-8")
    assert "&amp; Izium" in raw and "&lt;retaken&gt;" in raw
    root = ET.fromstring(raw)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f".//{ns}path")) > 10
    texts = ["".join(t.itertext()) for t in root.iter(f"{ns}text")]
    assert title in texts
    assert "Kharkiv" in texts  # labels stay text (editable, searchable)


def test_svg_is_reproducible(tmp_path):
    things = [DIST, ControlMap(box(36, 49, 38, 50), "2022-09-06")]
    a = render(things, tmp_path / "a.svg", basemap=False, title="same").read_bytes()
    b = render(things, tmp_path / "b.svg", basemap=False, title="same").read_bytes()
    assert a == b


def test_pdf_header_and_size(tmp_path):
    out = render(
        [DIST, AREA, ControlMap(box(36, 49, 38, 50))], tmp_path / "m.pdf", title="A PDF", basemap=False
    )
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert len(data) > 5000


# ---------------------------------------------------------------------------- pixels where expected
def test_control_map_square_is_red_at_its_centre_and_not_in_a_far_corner(tmp_path):
    extent, figsize, dpi = (28.0, 46.0, 40.0, 52.0), (8, 6), 60
    cm = ControlMap(box(30.0, 47.0, 32.0, 49.0), "2022-09-06")
    kw = {"extent": extent, "figsize": figsize, "dpi": dpi, "basemap": False, "legend": False}
    img = pixels(render(cm, tmp_path / "m.png", **kw))
    fig = figure(cm, **kw)
    x, y = to_pixel(31.0, 48.0, fig)
    assert reddish(img[y - 3 : y + 4, x - 3 : x + 4]).all()
    fx, fy = to_pixel(39.0, 51.5, fig)  # north-east corner, far from the square
    assert not reddish(img[fy - 5 : fy + 6, fx - 5 : fx + 6]).any()
    assert not reddish(img).all()


def test_a_square_in_degrees_is_drawn_narrower_by_cos_latitude(tmp_path):
    # 2° x 2° at 49°N on a conformal map: a km east equals a km north, so the square is about cos(49°)
    # as wide as it is tall (its southern edge, the widest, is at 48°N)
    cm = ControlMap(box(30.0, 48.0, 32.0, 50.0))
    img = pixels(
        render(
            cm,
            tmp_path / "m.png",
            extent=(26, 45, 36, 53),
            figsize=(6, 6),
            dpi=100,
            basemap=False,
            legend=False,
        )
    )
    ys, xs = np.nonzero(reddish(img))
    ratio = (xs.max() - xs.min() + 1) / (ys.max() - ys.min() + 1)
    assert ratio == pytest.approx(math.cos(math.radians(48.5)), rel=0.03)


def test_fitted_extent_centres_the_content(tmp_path):
    cm = ControlMap(box(24.0, 50.0, 25.0, 51.0))  # far west of Ukraine
    figsize, dpi = (6, 4), 60
    img = pixels(render(cm, tmp_path / "m.png", figsize=figsize, dpi=dpi, basemap=False, legend=False))
    ys, xs = np.nonzero(reddish(img))
    left, bottom, width, height = _axes_rect(False)
    cx, cy = (left + width / 2) * figsize[0] * dpi, (1 - bottom - height / 2) * figsize[1] * dpi
    assert abs(xs.mean() - cx) < 3 and abs(ys.mean() - cy) < 3


@pytest.mark.parametrize(
    ("status", "colour", "absent"),
    [("consistent", GREEN, DARK_RED), ("inconsistent", DARK_RED, GREEN)],
    ids=["consistent", "inconsistent"],
)
def test_verdict_line_takes_the_status_colour(tmp_path, status, colour, absent):
    img = pixels(render(verdict(status), tmp_path / "m.png", dpi=80, basemap=False))
    assert near(img, colour).sum() > 20
    assert near(img, absent).sum() == 0


@pytest.mark.parametrize("check", [True, False], ids=["check", "no-check"])
def test_claims_are_checked_unless_told_not_to(tmp_path, check):
    # Balakliia is 72.3 km from Kharkiv at 144°: "72 km southeast" is consistent
    img = pixels(render(DIST, tmp_path / "m.png", dpi=60, basemap=False, check=check))
    assert bool(near(img, GREEN).sum() > 20) == check


def test_given_verdicts_are_not_checked_again(tmp_path):
    img = pixels(render([DIST, verdict("inconsistent")], tmp_path / "m.png", dpi=60, basemap=False))
    assert near(img, GREEN).sum() == 0 and near(img, DARK_RED).sum() > 20


def test_conversion_verdicts_draw_nothing_of_their_own(tmp_path):
    v = verdict("inconsistent", check="conversion")
    plain = pixels(render(DIST, tmp_path / "a.png", dpi=50, basemap=False, check=False))
    both = pixels(render([DIST, v], tmp_path / "b.png", dpi=50, basemap=False))
    assert near(both, DARK_RED).sum() == 0
    assert (plain == both).all()


def _hex(name: str, key: str = "fill") -> tuple[int, int, int]:

    h = getattr(style(name), key)
    return tuple(int(h[i : i + 2], 16) for i in (1, 3, 5))


def test_basemap_paints_sea_land_and_ukraine_apart(tmp_path):
    kw = {"figsize": (8, 5), "dpi": 60, "legend": False}
    img = pixels(render([], tmp_path / "m.png", **kw))
    fig = figure([], **kw)
    x, y = to_pixel(31.5, 49.4, fig)  # central Ukraine: its commonest colour (oblast names are printed on it)
    patch = img[y - 15 : y + 16, x - 15 : x + 16].reshape(-1, 3)
    colours, counts = np.unique(patch, axis=0, return_counts=True)
    assert tuple(colours[counts.argmax()]) == _hex("base.ukraine")
    sx, sy = to_pixel(31.0, 44.6, fig)  # the Black Sea west of Crimea
    assert near(img[sy - 2 : sy + 3, sx - 2 : sx + 3], _hex("base.sea"), 3).all()
    lx, ly = to_pixel(26.0, 46.0, fig)  # Romania
    assert near(img[ly - 2 : ly + 3, lx - 2 : lx + 3], _hex("base.land"), 3).all()


def test_sea_of_azov_is_not_cut_by_a_straight_line(tmp_path):
    # the map's eastern edge runs through the Sea of Azov: the water reaches the edge, with no stroked
    # cut line along it (polygons are filled without edges and cut outside the frame)
    kw = {
        "extent": (31.0, 44.5, 36.0, 47.5),
        "figsize": (6, 5),
        "dpi": 80,
        "legend": False,
        "north_arrow": False,
    }
    img = pixels(render([], tmp_path / "m.png", **kw))
    fig = figure([], **kw)
    ax = fig.axes[0]
    x1, (y0, y1) = ax.get_xlim()[1], ax.get_ylim()
    from pyproj import Transformer

    lon, lat = Transformer.from_crs(ax.crs, "EPSG:4326", always_xy=True).transform(x1, (y0 + y1) / 2)
    assert 35.5 < lon < 36.5 and 45.5 < lat < 46.5  # the edge's middle is in the sea
    ex, ey = to_pixel(lon, lat, fig)
    strip = img[ey - 15 : ey + 15, ex - 6 : ex]  # the last columns of the map (a faint parallel crosses)
    assert (near(strip, _hex("base.sea"), 3).mean(axis=0) > 0.9).all()


# ------------------------------------------------------------------------------- what can be drawn
THINGS = {
    "place": KHARKIV,
    "facility": ZNPP,
    "region": SQUARE_OBLAST,
    "distance-sector": DIST,
    "distance-ring": RING,
    "area": AREA,
    "share": SHARE,
    "comparison": COMPARISON,
    "control-map": ControlMap(box(36, 49, 38, 50), "2022-09-06"),
    "change": change(
        ControlMap(box(36, 49, 38, 50), "2022-09-06"), ControlMap(box(37, 49, 38, 50), "2022-09-13")
    ),
    "inferred": Inferred(
        {"ukraine": [BALAKLIIA], "occupied": [IZIUM]}, LineString([(36.5, 49.0), (37.5, 49.6)])
    ),
    "polygon": box(30, 48, 31, 49),
    "line": LineString([(30, 48), (33, 49)]),
    "point": Point(30.5, 50.4),
    "inferred-with-band": dataclasses.replace(
        Inferred({"ukraine": [BALAKLIIA]}, LineString([(36.5, 49.0), (37.5, 49.6)])), uncertainty_km=15.0
    ),
    "mention": Mention("Kharkiv", 0, 7, KHARKIV),  # fm.draw took mentions; fm.render used to refuse them
    "verdict": verdict("inconsistent"),
    "nested-list": [[KHARKIV, [IZIUM]], (BALAKLIIA,)],
    "generator": (p for p in (KHARKIV, IZIUM)),
    "article": Article(
        "Balakliia, 72 km southeast of Kharkiv.",
        source="a.txt",
        published=dt.date(2022, 9, 8),
        mentions=(Mention("Balakliia", 0, 9, BALAKLIIA), Mention("Kharkiv", 30, 37, KHARKIV)),
        claims=(DIST,),
    ),
}


@pytest.mark.parametrize("name", list(THINGS), ids=list(THINGS))
def test_draws_every_kind_of_thing(tmp_path, name):
    extent = (29.0, 47.0, 39.0, 51.5)
    empty = pixels(
        render([], tmp_path / "empty.png", extent=extent, dpi=40, basemap=False, north_arrow=False)
    )
    img = pixels(
        render(THINGS[name], tmp_path / "m.png", extent=extent, dpi=40, basemap=False, north_arrow=False)
    )
    assert (img != empty).any(axis=2).sum() > 8


def test_geodataframe_is_reprojected_to_lonlat(tmp_path):
    gpd = pytest.importorskip("geopandas")
    gdf = gpd.GeoDataFrame(geometry=[box(30, 48, 31, 49)], crs=4326).to_crs(3857)
    (geom,) = collect(gdf).shapes
    assert geom.bounds == pytest.approx((30, 48, 31, 49))
    ((drawn, *_),) = layout(gdf).shapes
    assert drawn.bounds == pytest.approx((30, 48, 31, 49))


def test_geoseries_is_reprojected_to_lonlat():
    gpd = pytest.importorskip("geopandas")
    gs = gpd.GeoSeries([box(30, 48, 31, 49), None], crs=4326).to_crs(3857)
    (geom,) = collect(gs).shapes  # the missing row is left out
    assert geom.bounds == pytest.approx((30, 48, 31, 49))


def test_claim_without_anchor_is_skipped_not_fatal(tmp_path):
    out = layout([NO_ANCHOR])
    assert out.shapes == [] and out.marks == []
    assert render(NO_ANCHOR, tmp_path / "m.png", dpi=30, basemap=False).exists()


def test_metonymic_mentions_are_not_mapped():
    moscow = Place("t:moscow", "Moscow", "settlement", 55.75, 37.62, "RU", population=12_000_000)
    art = Article(
        "Moscow said ... in Kharkiv",
        mentions=(Mention("Moscow", 0, 6, moscow, role="metonymy"), Mention("Kharkiv", 18, 25, KHARKIV)),
    )
    assert list(layout(art).places) == [KHARKIV.id]


def test_mentioned_countries_are_left_to_the_basemap_but_given_ones_are_drawn(tmp_path):
    ua = Place("t:ua", "Squareland", "country", 49.0, 32.0, "UA", _geometry=box(30, 47, 34, 51))
    art = Article("Squareland", mentions=(Mention("Squareland", 0, 10, ua),))
    extent = (28, 45, 36, 53)
    kw = {"extent": extent, "dpi": 40, "basemap": False, "source_line": ""}
    blank = pixels(render([], tmp_path / "0.png", **kw))
    mentioned = pixels(render(art, tmp_path / "1.png", **kw))
    given_ = pixels(render(ua, tmp_path / "2.png", **kw))
    assert (mentioned == blank).all()
    assert (given_ != blank).any()


@pytest.mark.parametrize("order", [1, -1], ids=["old-first", "new-first"])
def test_latest_control_map_is_drawn_stronger_than_earlier_ones(order):
    old = ControlMap(box(36, 49, 38, 50), "2022-09-06", name="old")
    new = ControlMap(box(37, 49, 38, 50), "2022-09-13", name="new")
    out = layout([old, new][::order])
    fills = {g.bounds: st for g, st, _, _ in out.shapes if g.geom_type == "Polygon"}
    assert fills[new.geometry.bounds].fill_opacity > fills[old.geometry.bounds].fill_opacity


def test_change_without_gains_has_no_gained_layer():
    ch = change(ControlMap(box(36, 49, 38, 50), "2022-09-06"), ControlMap(box(37, 49, 38, 50), "2022-09-13"))
    legend = list(layout(ch).legend)
    assert any(k.startswith("lost by occupied") for k in legend)
    assert not any(k.startswith("gained by") for k in legend)


# ------------------------------------------------------------------------------------------- extent
def test_fit_covers_the_content_with_a_margin():
    w, s, e, n = fit(layout([KHARKIV, IZIUM, DIST]))
    sector = DIST.geometry().bounds
    assert w < min(KHARKIV.lon, sector[0]) and e > max(IZIUM.lon, sector[2])
    assert s < min(IZIUM.lat, sector[1]) and n > KHARKIV.lat


def test_an_area_retaken_with_several_places_is_their_hull_not_a_disk():
    three = dataclasses.replace(AREA, places=(KHARKIV, BALAKLIIA, IZIUM))
    shapes = layout([three]).shapes
    assert [g.equals(hull(three.places)) for g, *_ in shapes] == [True]
    assert shapes[0][1] == style("hull")
    # one town: the disk of its area around that town, as before
    (disk, st, *_), *_ = layout([dataclasses.replace(AREA, places=(IZIUM,))]).shapes
    assert disk.contains(Point(IZIUM.lon, IZIUM.lat)) and st == style("area")


def test_fit_defaults_to_ukraine_and_ignores_share_disks():
    assert fit(layout([])) == UKRAINE_EXTENT
    assert fit(layout([SHARE])) == fit(layout([SQUARE_OBLAST]))  # the disk would reach further


@given(
    x0=st.floats(-5e6, 5e6),
    y0=st.floats(-5e6, 5e6),
    dx=st.floats(1e3, 5e6),
    dy=st.floats(1e3, 5e6),
    bw=st.floats(1, 20),
    bh=st.floats(1, 20),
)
@settings(max_examples=200, deadline=None)
def test_fill_frame_grows_one_side_to_the_box_shape(x0, y0, dx, dy, bw, bh):
    X0, Y0, X1, Y1 = fill_frame((x0, y0, x0 + dx, y0 + dy), bw, bh)
    assert X0 <= x0 + 1e-6 and X1 >= x0 + dx - 1e-6 and Y0 <= y0 + 1e-6 and Y1 >= y0 + dy - 1e-6
    assert (Y1 - Y0) / (X1 - X0) == pytest.approx(bh / bw, rel=1e-6)
    assert (X0 == pytest.approx(x0) and X1 == pytest.approx(x0 + dx)) or (
        Y0 == pytest.approx(y0) and Y1 == pytest.approx(y0 + dy)
    )


@pytest.mark.parametrize("where", [(24.0, 44.8), (31.0, 48.5), (38.0, 52.0)], ids=str)
@pytest.mark.parametrize("width_km", [30.0, 400.0, 1500.0])
def test_scale_bar_is_a_round_length_true_on_the_ground_where_it_is_drawn(where, width_km):
    from frontmap.maps._projection import Projector

    proj = Projector.for_extent((22.0, 44.2, 40.4, 52.5))
    x, y = proj.forward(*where)
    km, length = scale_bar(proj, x, y, width_km * 1000.0)
    lon0, lat0 = proj.inverse(x, y)
    lon1, lat1 = proj.inverse(x + length, y)
    _, _, metres = Geod(ellps="WGS84").inv(lon0, lat0, lon1, lat1)
    assert metres / 1000 == pytest.approx(km, rel=2e-3)
    mantissa = km / 10 ** math.floor(math.log10(km))
    assert round(mantissa, 9) in (1, 2, 5)
    assert 0.07 * width_km <= length / 1000 <= 0.21 * width_km


# ---------------------------------------------------------------------------------- source and title
def test_default_source_line_names_article_sources_and_the_gazetteer(tmp_path):
    art = dataclasses.replace(THINGS["article"], source="some/dir/kharkiv_report.txt")
    raw = render(art, tmp_path / "m.svg", basemap=False).read_text()
    assert "Sources: kharkiv_report.txt" in raw and "GeoNames (CC BY 4.0)" in raw
    assert "some/dir" not in raw


@pytest.mark.parametrize(
    ("line", "present", "absent"),
    [("", None, "Sources"), ("Data: mine", "Data: mine", "GeoNames")],
    ids=["empty-means-none", "custom"],
)
def test_source_line_can_be_replaced_or_removed(tmp_path, line, present, absent):
    raw = render(THINGS["article"], tmp_path / "m.svg", basemap=False, source_line=line).read_text()
    assert absent not in raw
    if present:
        assert present in raw


def test_uses_no_pyplot_state():
    code = (
        "import frontmap as fm, sys, tempfile, os; fm.render([], os.path.join(tempfile.mkdtemp(), 'm.png'), "
        "basemap=False, dpi=20); print('matplotlib.pyplot' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_public_name():
    assert fm.render is render
    assert "render" in fm.__all__


# ------------------------------------------------------------------------------------------ errors
@pytest.mark.parametrize("name", ["map.jpg", "map", "map.png.bak", "map.html"])
def test_unknown_extension_names_it_and_lists_formats(tmp_path, name):
    with pytest.raises(InputError) as err:
        render([], tmp_path / name)
    msg = str(err.value)
    assert repr(Path(name).suffix or "(none)") in msg
    assert all(f".{f}" in msg for f in ("png", "svg", "pdf"))
    assert not (tmp_path / name).exists()


def test_missing_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        render([], tmp_path / "nope" / "m.png")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"dpi": 0},
        {"dpi": -5},
        {"dpi": "150"},
        {"dpi": True},
        {"dpi": float("nan")},
        {"dpi": 5000},
        {"figsize": (0, 3)},
        {"figsize": (4,)},
        {"figsize": "big"},
        {"figsize": (4, float("inf"))},
        {"figsize": (40, 40), "dpi": 600},
        {"extent": (1, 2, 3)},
        {"extent": (10, 0, 5, 1)},
        {"extent": (0, -100, 1, 1)},
        {"extent": (0, 1, 2, float("nan"))},
        {"extent": "Ukraine"},
        {"title": 42},
        {"source_line": ["a"]},
    ],
    ids=lambda kw: ",".join(f"{k}={v!r}" for k, v in kw.items()),
)
def test_bad_options(tmp_path, kwargs):
    with pytest.raises(InputError):
        render([], tmp_path / "m.png", basemap=False, **kwargs)


@pytest.mark.parametrize(
    "thing",
    [object(), "Kyiv", 42, {"type": "Point"}, b"png", None],
    ids=["object", "str", "int", "dict", "bytes", "None"],
)
def test_things_it_cannot_draw(tmp_path, thing):
    with pytest.raises(InputError, match=type(thing).__name__):
        render([KHARKIV, thing], tmp_path / "m.png", basemap=False)
    assert not (tmp_path / "m.png").exists()


def test_bad_input_leaves_an_existing_file_alone(tmp_path):
    out = tmp_path / "m.png"
    out.write_bytes(b"old")
    with pytest.raises(InputError):
        render(object(), out)
    assert out.read_bytes() == b"old"


# ----------------------------------------------------------------------------------- label placement
def _overlap(a: Box, b: Box) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_first_free_offset_is_upper_right():
    (p,) = place_labels([(100, 100)], [(40, 10)], gap=4)
    assert (p.position, p.ha, p.va) == ("upper right", "left", "bottom")
    assert p.box == Box(104, 104, 144, 114)


def _far_corner(sx: int, sy: int, w: float, h: float, gap: float) -> Box:
    """A tiny box inside the label spot (sx, sy) and inside no other spot: its corner away from the point."""
    x = sx * (gap + w - 1) if sx else 0.0
    y = sy * (gap + h - 1) if sy else 0.0
    return Box(x - 0.1, y - 0.1, x + 0.1, y + 0.1)


@pytest.mark.parametrize("k", range(len(OFFSETS)), ids=[o[0] for o in OFFSETS])
def test_offsets_are_tried_in_order(k):
    w, h, gap = 20.0, 8.0, 3.0
    blocked = [_far_corner(sx, sy, w, h, gap) for _, sx, sy in OFFSETS[:k]]
    (p,) = place_labels([(0, 0)], [(w, h)], gap=gap, point_radius=1, obstacles=blocked)
    assert p is not None and p.position == OFFSETS[k][0]


def test_no_free_offset_means_no_label():
    w, h, gap = 20.0, 8.0, 3.0
    blocked = [_far_corner(sx, sy, w, h, gap) for _, sx, sy in OFFSETS]
    assert place_labels([(0, 0)], [(w, h)], gap=gap, obstacles=blocked) == [None]


def test_higher_priority_wins_a_contested_spot():
    anchors, sizes = [(0, 0), (0, 0)], [(30, 10), (30, 10)]
    bounds = Box(0, 0, 40, 20)  # room for one label only, at the upper right
    low, high = place_labels(anchors, sizes, [1, 5], gap=2, point_radius=0, bounds=bounds)
    assert high is not None and high.position == "upper right"
    assert low is None


def test_labels_stay_inside_bounds():
    spots = place_labels([(2, 2), (98, 98)], [(30, 10)] * 2, gap=2, bounds=Box(0, 0, 100, 100))
    assert spots[0].position == "upper right" and spots[1].position == "lower left"


def test_a_label_never_covers_another_labels_point():
    # B's upper-right label would run over A's point 10 px to its right
    a, b = place_labels([(10, 2), (0, 0)], [(5, 5), (30, 8)], [2, 1], gap=3, point_radius=3)
    assert a is not None and b is not None
    assert b.position != "upper right" and not _overlap(b.box, Box(7, -1, 13, 5))


def test_mismatched_lengths():
    with pytest.raises(ValueError, match="2 anchors but 1 sizes"):
        place_labels([(0, 0), (1, 1)], [(1, 1)])


@given(
    st.lists(
        st.tuples(st.floats(0, 400), st.floats(0, 300), st.floats(5, 80), st.floats(4, 14), st.floats(0, 10)),
        max_size=60,
    ),
)
@settings(max_examples=150, deadline=None)
def test_placed_labels_never_overlap_each_other_points_or_the_edge(items):
    bounds = Box(0, 0, 400, 300)
    anchors = [(x, y) for x, y, *_ in items]
    spots = place_labels(
        anchors,
        [(w, h) for _, _, w, h, _ in items],
        [p for *_, p in items],
        gap=4,
        point_radius=3,
        bounds=bounds,
    )
    placed = [(i, s) for i, s in enumerate(spots) if s is not None]
    for k, (i, a) in enumerate(placed):
        assert a.box.inside(bounds)
        for _, b in placed[k + 1 :]:
            assert not _overlap(a.box, b.box)
        for j, (x, y) in enumerate(anchors):
            if j != i:
                assert not _overlap(a.box, Box(x - 3, y - 3, x + 3, y + 3))


def test_render_skips_labels_that_cannot_fit(tmp_path):
    # twenty settlements a few hundred metres apart: most labels must be dropped, and none overlap
    crowd = [
        Place(
            f"t:{i}", f"Village number {i}", "settlement", 49.0 + i * 0.002, 36.0, "UA", population=1000 + i
        )
        for i in range(20)
    ]
    raw = render(
        crowd, tmp_path / "m.svg", basemap=False, extent=(35.5, 48.7, 36.5, 49.3), figsize=(5, 4)
    ).read_text()
    shown = [i for i in range(20) if f"Village number {i}<" in raw]
    assert 1 <= len(shown) < 20
    assert 19 in shown  # the most populous one is placed first


# --------------------------------------------------------------------------- stories, framed on Ukraine
EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))
KHARKIV_STORY = (
    "KHARKIV, Ukraine (Sept 12, 2022) - Ukrainian troops pushed to within 10 km of the Russian border "
    "north of Kharkiv on Monday, officials said in Washington. Ukrainian forces recaptured Balakliia, a "
    "town 74 km (46 miles) southeast of Kharkiv, and entered Kupiansk and Izium. Kyiv says about 6,000 "
    "square km have been retaken this month, around a fifth of the Kharkiv region. A Pentagon spokesman "
    "in Virginia said the Russian lines had collapsed. Russia still occupies around a fifth of the country."
)
STORIES = {p.stem: (p.read_text("utf-8"), p.name) for p in EXAMPLES} | {
    "kharkiv_story": (KHARKIV_STORY, "kharkiv_story.txt")
}
#: An occupied area in the south-east (a box cut to Ukraine), drawn with the stories.
OCCUPIED_BOX = box(35.0, 46.3, 39.5, 48.0)
SETTLEMENT_BLUE = (0x38, 0xAA, 0xDD)


@pytest.fixture(scope="module")
def ukraine():
    return fm.Gazetteer().country("UA").geometry


@pytest.fixture(scope="module")
def story_maps(tmp_path_factory, ukraine):
    """Each story read, drawn with an occupied area, as (article, figure, PNG pixels)."""
    out = {}
    folder = tmp_path_factory.mktemp("stories")
    occupied = ControlMap(OCCUPIED_BOX.intersection(ukraine), "2022-09-12")
    for name, (text, source) in STORIES.items():
        art = fm.read(text, source=source)
        kw = {"dpi": 50, "title": name}
        fig = figure([art, occupied], **kw)
        img = pixels(render([art, occupied], folder / f"{name}.png", **kw))
        out[name] = (art, fig, img)
    return out


def test_there_are_stories_to_frame():
    assert len(EXAMPLES) >= 4 and "kharkiv_counteroffensive" in STORIES


@pytest.mark.parametrize("name", list(STORIES))
def test_story_map_uses_a_conformal_projected_crs(story_maps, name):
    from pyproj import Proj

    ax = story_maps[name][1].axes[0]
    assert ax.crs.is_projected and not ax.crs.is_geographic
    assert ax.crs.coordinate_operation.method_name == "Lambert Conic Conformal (2SP)"
    f = Proj(ax.crs).get_factors(33.0, 48.5)  # conformal: the same scale in every direction
    assert f.meridional_scale == pytest.approx(f.parallel_scale, rel=1e-9)
    assert abs(f.meridional_scale - 1) < 0.01


@pytest.mark.parametrize("name", list(STORIES))
def test_story_map_is_framed_on_ukraine_not_the_world(story_maps, ukraine, name):
    art, fig, _ = story_maps[name]
    w, s, e, n = frame_lonlat(fig)
    assert 17 < w and e < 47 and 40 < s and n < 57  # not the Atlantic, not Russia's centroid at 58°N
    cx, cy = (w + e) / 2, (s + n) / 2
    assert ukraine.buffer(0.5).contains(Point(cx, cy))
    for m in art.mentions:  # every settlement of the story in Ukraine is on the map
        p = m.place
        if m.role == "location" and p is not None and p.kind == "settlement" and p.country == "UA":
            assert w <= p.lon <= e and s <= p.lat <= n, p.name


@pytest.mark.parametrize(
    "name",
    [
        n
        for n in STORIES
        if ("fifth of" in STORIES[n][0] and "Ukraine" in STORIES[n][0]) or n == "kharkiv_story"
    ],
)
def test_a_share_of_the_country_frames_and_highlights_the_whole_of_ukraine(story_maps, ukraine, name):
    from pyproj import Transformer

    _, fig, _ = story_maps[name]
    ax = fig.axes[0]
    mainland = max(ukraine.geoms, key=lambda g: g.area)
    t = Transformer.from_crs("EPSG:4326", ax.crs, always_xy=True)
    x, y = t.transform(*np.asarray(mainland.exterior.coords).T)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 <= x.min() and x.max() <= x1 and y0 <= y.min() and y.max() <= y1  # covers Ukraine's main area
    labels = {a.get_label() for a in ax.patches}
    assert "territory" in labels and "share" not in labels  # highlighted, not a disk


@pytest.mark.parametrize("name", list(STORIES))
def test_story_map_shows_its_layers(story_maps, name):
    _, _, img = story_maps[name]
    assert reddish(img).sum() > 200  # the occupied area
    assert near(img, SETTLEMENT_BLUE, 12).sum() > 8  # the markers of the story's places (a few px each)
    assert near(img, _hex("base.sea"), 3).sum() > 200  # sea ...
    assert near(img, _hex("base.land"), 3).sum() > 200  # ... and land apart


def test_far_places_are_listed_not_drawn(story_maps):
    _, fig, _ = story_maps["kharkiv_story"]
    ax = fig.axes[0]
    texts = " ".join(t.get_text() for t in ax.texts).replace("\u00a0", " ")
    assert "Washington (US)" in texts and "off this map" in texts
    labels = [t for t in ax.texts if t.get_text() == "Washington"]
    assert labels == []


def test_a_distance_from_the_border_is_a_band_along_it_not_a_ring_around_russia(story_maps, ukraine):
    from pyproj import Transformer

    _, fig, _ = story_maps["kharkiv_story"]
    ax = fig.axes[0]
    bands = [p for p in ax.patches if p.get_label() == "distance"]
    assert bands
    t = Transformer.from_crs(ax.crs, "EPSG:4326", always_xy=True)
    for patch in bands:
        lon, lat = t.transform(*patch.get_path().vertices.T)
        assert lat.max() < 53 and lon.max() < 41  # along the border, inside the map


def test_graticule_is_labelled_in_degrees_at_the_edges(tmp_path):
    raw = render([KHARKIV, IZIUM], tmp_path / "m.svg", basemap=False).read_text()
    texts = ["".join(t.itertext()) for t in ET.fromstring(raw).iter("{http://www.w3.org/2000/svg}text")]
    assert any(t.endswith("°N") for t in texts) and any(t.endswith("°E") for t in texts)
    assert any(t.endswith(" km") for t in texts)  # the scale bar


def test_a_map_of_part_of_ukraine_gets_a_locator(tmp_path):
    fig = figure([KHARKIV, IZIUM], dpi=40)
    assert len(fig.axes[0].child_axes) == 1
    assert figure([KHARKIV, IZIUM], dpi=40, basemap=False).axes[0].child_axes == []
