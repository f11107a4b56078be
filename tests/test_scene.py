"""One collector and one style table for both renderers (frontmap.maps.scene, frontmap.maps.style).

Every kind of input goes through :func:`frontmap.maps.scene.collect` in both :func:`frontmap.draw`
(folium) and :func:`frontmap.render` (matplotlib) and is accepted, or refused, by both alike; and a layer
has the same colours in the HTML (read from the folium elements) as in the static map (read from the
matplotlib artists, which carry their style's name as label).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import warnings
from importlib import resources
from pathlib import Path
from typing import Any

import folium
import pytest
from matplotlib.colors import to_rgb, to_rgba
from shapely.geometry import LineString, Point, box

import frontmap as fm
from frontmap.checks import Verdict
from frontmap.control.controlmap import ControlMap, change
from frontmap.errors import InputError
from frontmap.gazetteer.place import Place
from frontmap.maps import html, scene, static
from frontmap.maps.scene import ACCEPTED, MAX_DEPTH, Scene, collect
from frontmap.maps.style import marker_colour, place_style, side_colours, status_style, style
from frontmap.reading.article import Article, Mention
from frontmap.reading.claims import AreaClaim, ComparisonClaim, DistanceClaim, ShareClaim

KHARKIV = Place("t:kharkiv", "Kharkiv", "settlement", 49.98177, 36.25475, "UA", "Kharkiv Oblast", 1421125)
BALAKLIIA = Place("t:balakliia", "Balakliia", "settlement", 49.45595, 36.84433, "UA", population=26334)
IZIUM = Place("t:izium", "Izium", "settlement", 49.20697, 37.27679, "UA", population=45884)
MOSCOW = Place("t:moscow", "Moscow", "settlement", 55.75, 37.62, "RU", population=12_000_000)
SQUARE = Place("t:sq", "Square Oblast", "region", 48.5, 31.5, "UA", _geometry=box(31, 48, 32, 49))

DIST = DistanceClaim(
    "72 km southeast of Kharkiv", 0, 26, value=72, km=72, value_text="72", direction="SE",
    bearing_deg=135.0, anchor=KHARKIV, subject=BALAKLIIA, source="reports/kharkiv.txt",
)  # fmt: skip
AREA = AreaClaim("6,000 km²", 0, 9, value=6000, km2=6000, value_text="6,000", places=(BALAKLIIA, IZIUM))
AREA_AROUND = AreaClaim("1,000 km² around Izium", 0, 23, value=1000, km2=1000, subject=IZIUM)
SHARE = ShareClaim("a fifth of the region", 0, 21, value=0.2, value_text="a fifth", of=SQUARE)
COMPARISON = ComparisonClaim("as large as Square Oblast", 0, 25, places=(SQUARE,))
TEXT = "Balakliia, 72 km southeast of Kharkiv. Moscow said nothing."
ARTICLE = Article(
    TEXT,
    source="a.txt",
    published=dt.date(2022, 9, 8),
    mentions=(
        Mention("Balakliia", 0, 9, BALAKLIIA),
        Mention("Kharkiv", 30, 37, KHARKIV),
        Mention("Moscow", 39, 45, MOSCOW, role="metonymy"),
    ),
    claims=(DIST,),
)


def verdict(status: str = "consistent", claim: Any = DIST, check: str = "distance") -> Verdict:
    return Verdict(check, status, 72.0, 72.3, "km", 72.3 / 72.0, 0.1, claim, explanation=f"made-up {status}")


@dataclasses.dataclass(frozen=True)
class Held:
    """Duck-typed control map (no gazetteer needed): its front line is its western edge."""

    geometry: Any
    date: Any = None
    side: str = "occupied"
    source: str | None = None
    name: str | None = None

    def front_line(self) -> Any:
        w, s, _, n = self.geometry.bounds
        return LineString([(w, s), (w, n)])


@dataclasses.dataclass(frozen=True)
class Inferred:
    """Duck-typed inferred control, with or without the uncertainty the HTML map used to require."""

    held: dict
    line: Any = None
    uncertainty_km: float | None = None
    label: str = "inferred from 2 reports"


LINE = LineString([(36.5, 49.0), (37.5, 49.6)])
CONTROL = ControlMap(box(36, 49, 38, 50), "2022-09-06", source="before.geojson")
SHRUNK = ControlMap(box(37, 49, 38, 50), "2022-09-13", source="after.geojson")
GROWN = ControlMap(box(35, 49, 38, 50), "2022-09-20", source="later.geojson")


def _gdf() -> Any:
    gpd = pytest.importorskip("geopandas")
    return gpd.GeoDataFrame(geometry=[box(30, 48, 31, 49)], crs=4326).to_crs(3857)


def _geoseries() -> Any:
    gpd = pytest.importorskip("geopandas")
    return gpd.GeoSeries([box(30, 48, 31, 49), None], crs=4326).to_crs(3857)


# what each kind of input is sorted into: {Scene field: count}
KINDS: dict[str, tuple[Any, dict[str, int]]] = {
    "place": (lambda: KHARKIV, {"places": 1}),
    "region": (lambda: SQUARE, {"places": 1}),
    "mention": (lambda: Mention("Kharkiv", 0, 7, KHARKIV), {"mentions": 1}),
    "mention-metonymy-given-alone": (
        lambda: Mention("Moscow", 0, 6, MOSCOW, role="metonymy"),
        {"mentions": 1},
    ),
    "mention-without-place": (lambda: Mention("Nowhere", 0, 7, None), {}),
    "article": (lambda: ARTICLE, {"articles": 1, "mentions": 2, "claims": 1}),
    "distance-claim": (lambda: DIST, {"claims": 1}),
    "area-claim": (lambda: AREA, {"claims": 1}),
    "share-claim": (lambda: SHARE, {"claims": 1}),
    "comparison-claim": (lambda: COMPARISON, {"claims": 1}),
    "verdict": (lambda: verdict(), {"verdicts": 1, "checks": 1}),
    "conversion-verdict": (lambda: verdict(check="conversion"), {"verdicts": 1}),
    "control-map": (lambda: CONTROL, {"controls": 1}),
    "duck-control-map": (lambda: Held(box(36, 49, 38, 50), "2022-09-06"), {"controls": 1}),
    "change": (lambda: change(CONTROL, SHRUNK), {"changes": 1}),
    "inferred": (lambda: Inferred({"ukraine": [BALAKLIIA], "occupied": [IZIUM]}, LINE), {"inferred": 1}),
    "inferred-with-band": (lambda: Inferred({"ukraine": [BALAKLIIA]}, LINE, 12.0), {"inferred": 1}),
    "polygon": (lambda: box(30, 48, 31, 49), {"shapes": 1}),
    "line": (lambda: LineString([(30, 48), (33, 49)]), {"shapes": 1}),
    "point": (lambda: Point(30.5, 50.4), {"shapes": 1}),
    "geodataframe": (_gdf, {"shapes": 1}),
    "geoseries": (_geoseries, {"shapes": 1}),
    "nested-list": (lambda: [[KHARKIV, [IZIUM]], (BALAKLIIA,)], {"places": 3}),
    "generator": (lambda: (p for p in (KHARKIV, IZIUM)), {"places": 2}),
    "empty": (lambda: [], {}),
    "claim-given-twice": (lambda: [ARTICLE, DIST], {"articles": 1, "mentions": 2, "claims": 1}),
}
FIELDS = ("articles", "mentions", "places", "claims", "verdicts", "checks", "controls", "changes", "inferred",
          "shapes")  # fmt: skip


def counts(s: Scene) -> dict[str, int]:
    return {f: len(getattr(s, f)) for f in FIELDS if getattr(s, f)}


@pytest.fixture
def spy(monkeypatch):
    """Record the scene each renderer collects, through the one collector."""
    assert html.collect is scene.collect and static.collect is scene.collect
    seen: dict[str, Scene] = {}

    def recording(things: Any, **kw: Any) -> Scene:
        out = scene.collect(things, **kw)
        seen[kw["caller"]] = out
        return out

    monkeypatch.setattr(html, "collect", recording)
    monkeypatch.setattr(static, "collect", recording)
    monkeypatch.setattr(html, "basemap_data", lambda: None)
    return seen


@pytest.mark.parametrize("name", list(KINDS), ids=list(KINDS))
def test_every_kind_goes_through_the_one_collector_in_both_renderers(spy, tmp_path, name):
    make, expected = KINDS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # everything here can be drawn
        m = fm.draw(make(), check=False)
        out = fm.render(make(), tmp_path / "m.png", check=False, basemap=False, dpi=30)
    assert isinstance(m, folium.Map) and out.stat().st_size > 0
    assert counts(spy["draw"]) == counts(spy["render"]) == expected


def test_render_draws_a_mention(tmp_path):
    # fm.draw(mention) always worked; fm.render(mention) used to raise
    mention = Mention("Kharkiv", 0, 7, KHARKIV)
    kw = {"basemap": False, "dpi": 40, "extent": (35, 49, 37, 51)}
    empty = fm.render([], tmp_path / "0.png", **kw).read_bytes()
    assert fm.render(mention, tmp_path / "1.png", **kw).read_bytes() != empty
    assert "Kharkiv" in fm.render(mention, tmp_path / "m.svg", basemap=False).read_text("utf-8")


def test_draw_takes_inferred_control_without_an_uncertainty():
    # fm.render took any record with ``held``; fm.draw used to want ``line`` and ``uncertainty_km`` too
    m = fm.draw(Inferred({"ukraine": [BALAKLIIA]}))
    assert "Inferred control" in [
        c.layer_name for c in m._children.values() if isinstance(c, folium.FeatureGroup)
    ]


def test_draw_reprojects_a_geoseries():
    (geom,) = collect(_geoseries()).shapes
    assert geom.bounds == pytest.approx((30, 48, 31, 49))
    assert fm.draw(_geoseries()) is not None


def test_metonymic_mentions_in_articles_are_left_out_of_both():
    s = collect(ARTICLE)
    assert [m.place.name for m, _ in s.mentions] == ["Balakliia", "Kharkiv"]
    assert "Moscow" not in fm.draw(ARTICLE, check=False).get_root().render()


# ------------------------------------------------------------------------------------------ errors
BAD = {
    "int": 42,
    "object": object(),
    "dict": {"lat": 50},
    "None": None,
    "str": "Kyiv was shelled",
    "bytes": b"png",
    "float-in-a-list": [KHARKIV, 3.5],
}


@pytest.mark.parametrize("renderer", ["draw", "render"])
@pytest.mark.parametrize("name", list(BAD), ids=list(BAD))
def test_both_refuse_the_same_things_naming_them_and_what_works(tmp_path, renderer, name):
    thing = BAD[name]
    with pytest.raises(InputError) as info:
        if renderer == "draw":
            fm.draw(thing)
        else:
            fm.render(thing, tmp_path / "m.png", basemap=False)
    message = str(info.value)
    bad = thing[-1] if isinstance(thing, list) else thing
    assert type(bad).__name__ in message
    assert f"{renderer}() accepts {ACCEPTED}" in message
    if isinstance(bad, str | bytes):
        assert "fm.read(text)" in message
    assert not (tmp_path / "m.png").exists()


def test_a_dataframe_without_geometry_is_refused():
    pd = pytest.importorskip("pandas")
    with pytest.raises(InputError, match="'DataFrame'"):
        collect(pd.DataFrame({"a": [1]}))


@pytest.mark.parametrize("renderer", ["draw", "render"])
def test_too_deep_nesting_is_refused_by_both(tmp_path, renderer):
    deep: Any = KHARKIV
    for _ in range(MAX_DEPTH + 2):
        deep = [deep]
    with pytest.raises(InputError, match=rf"{renderer}\(\) got lists nested more than {MAX_DEPTH} deep"):
        fm.draw(deep) if renderer == "draw" else fm.render(deep, tmp_path / "m.png")
    shallow: Any = KHARKIV
    for _ in range(MAX_DEPTH):
        shallow = [shallow]
    assert [p.name for p in collect(shallow).places] == ["Kharkiv"]


# ------------------------------------------------------------------------------------------ checks
def test_checks_run_once_per_claim_when_asked(monkeypatch):
    given: list[Any] = []

    def fake_check(things):
        given.extend(things)
        return [verdict()]

    monkeypatch.setattr(scene, "run_check", fake_check)
    s = collect([ARTICLE, DIST, AREA], check=True)
    assert given == [ARTICLE, AREA]  # DIST is in the article: checked with it, not twice
    assert [c.status for c in s.checks] == ["consistent"]
    assert collect([ARTICLE, verdict("inconsistent")], check=True).checks[0].status == "inconsistent"
    assert collect([SQUARE], check=True).verdicts == []  # nothing to check


@pytest.mark.parametrize("renderer", ["draw", "render"])
def test_a_failing_check_warns_and_the_map_is_still_made(monkeypatch, tmp_path, renderer):
    def broken(things):
        raise RuntimeError("checker not ready")

    monkeypatch.setattr(scene, "run_check", broken)
    with pytest.warns(UserWarning, match=rf"{renderer}\(\) could not check the claims: checker not ready"):
        if renderer == "draw":
            fm.draw(DIST)
        else:
            fm.render(DIST, tmp_path / "m.png", basemap=False, dpi=30)


@pytest.mark.parametrize(
    ("statuses", "worst"),
    [
        (["consistent", "inconsistent"], "inconsistent"),
        (["unverifiable", "consistent"], "consistent"),
        (["unverifiable", "unverifiable"], "unverifiable"),
        (["unverifiable", "inconsistent", "consistent"], "inconsistent"),
    ],
)
def test_a_claim_checked_several_ways_takes_its_worst_status(statuses, worst):
    (group,) = collect([verdict(s) for s in statuses]).checks
    assert group.status == worst and len(group.verdicts) == len(statuses)


def test_unit_conversions_are_listed_but_do_not_colour_a_claim():
    (group,) = collect([verdict("inconsistent", check="conversion"), verdict("consistent")]).checks
    assert group.status == "consistent"
    assert [v.check for v in group.verdicts] == ["conversion", "distance"]
    assert [v.check for v in group.spatial] == ["distance"]
    assert collect(verdict("inconsistent", check="conversion")).checks == []


# ------------------------------------------------------------------------------------- control maps
@pytest.mark.parametrize(
    ("dates", "latest"),
    [
        (["2022-09-06", "2022-09-13"], 1),
        (["2022-09-13", "2022-09-06"], 0),
        ([None, "2022-09-06"], 1),
        (["2022-09-06", None], 0),
        ([None, None], 1),  # undated: the last given
        (["2022-09-06", "2022-09-06"], 1),  # a tie: the last given
    ],
)
def test_the_latest_control_map_of_a_side(dates, latest):
    maps = [ControlMap(box(36, 49, 38 - i * 0.5, 50), d) for i, d in enumerate(dates)]
    s = collect(maps)
    assert [s.is_latest(cm) for cm in maps] == [i == latest for i in range(len(maps))]


def test_sides_keep_their_colours_and_others_take_the_palette_in_order():
    maps = [Held(box(30, 48, 31, 49), side=side) for side in ("Wagner", "russia", "ukraine", "militia")]
    s = collect(maps)
    table = json.loads((resources.files("frontmap.maps") / "data" / "style.json").read_text("utf-8"))
    others = table["sides"]["others"]
    assert [s.side_colour(cm.side) for cm in maps] == [
        others[0], table["sides"]["occupied"], table["sides"]["ukraine"], others[1]
    ]  # fmt: skip
    assert side_colours(["RU", "ua"]) == {"ru": table["sides"]["occupied"], "ua": table["sides"]["ukraine"]}


def test_sources_are_credited_once_without_their_folders():
    s = collect(
        [ARTICLE, dataclasses.replace(DIST, source="x/y/other.txt"), CONTROL, change(CONTROL, SHRUNK)]
    )
    assert s.sources() == ["a.txt", "kharkiv.txt", "other.txt", "before.geojson", "after.geojson"]


# -------------------------------------------------------------------------------- the style table
def test_the_table_is_the_only_place_colours_are_written():
    folder = Path(scene.__file__).parent
    hex_colour = re.compile(r"#[0-9a-fA-F]{3,6}\b")
    for path in sorted(folder.glob("*.py")):
        assert hex_colour.findall(path.read_text("utf-8")) == [], path.name


def test_every_entry_of_the_table_loads():
    table = json.loads((resources.files("frontmap.maps") / "data" / "style.json").read_text("utf-8"))
    for name in table["layers"]:
        st = style(name)
        for colour in (st.fill, st.stroke, st.text):
            assert colour is None or re.fullmatch(r"#[0-9a-f]{6}", colour)
    with pytest.raises(LookupError, match="no style 'nope'"):
        style("nope")


def test_places_take_the_colour_of_their_awesome_marker():
    for kind in ("settlement", "facility", "region", "country", "river", "sea", "something-else"):
        st = place_style(kind)
        assert st.marker and st.icon and st.fill == marker_colour(st.marker)
    assert place_style("something-else").legend(kind="volcano") == "place mentioned: volcano"


def test_static_sizes_are_the_tables_pixels_scaled():
    st = style("front_line")
    assert st.lw == pytest.approx(st.weight * 0.5)
    dashed = style("inferred.line")
    on, off = (float(x) for x in dashed.dash.split())
    offset, pattern = dashed.dashes()
    # matplotlib scales the pattern by the line width: the dashes come out as the pixels scaled
    assert offset == 0 and pattern[0] * dashed.lw == pytest.approx(on * 0.5)
    assert pattern[1] * dashed.lw == pytest.approx(off * 0.5)


# ------------------------------------------------------------------- same layer, same colour, twice
def _html_items(m: folium.Map) -> list[tuple[str, str, dict[str, Any]]]:
    """(layer name, tooltip, Leaflet style) of every GeoJSON, circle marker and polyline of the map."""
    out = []
    for group in m._children.values():
        if not isinstance(group, folium.FeatureGroup):
            continue
        for el in group._children.values():
            tips = [c.text for c in el._children.values() if isinstance(c, folium.Tooltip)]
            tip = tips[0] if tips else ""
            if isinstance(el, folium.GeoJson):
                out.append((group.layer_name, tip, el.style_function(el.data["features"][0])))
            elif isinstance(el, folium.CircleMarker | folium.PolyLine):
                out.append((group.layer_name, tip, el.options))
    return out


def _html_colour(m: folium.Map, layer: str, tip: str, part: str) -> tuple[float, ...]:
    found = [st for name, t, st in _html_items(m) if name.startswith(layer) and tip in t]
    assert found, f"nothing in {layer!r} with tooltip {tip!r}: {_html_items(m)}"
    st = found[0]
    if part == "fill":
        return to_rgba(st["fillColor"], st.get("fillOpacity", 1.0))
    return to_rgba(st["color"], st.get("opacity", 1.0))


def _mpl_colours(fig: Any, name: str, part: str) -> list[tuple[float, ...]]:
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import PathPatch

    (ax, *_) = fig.axes
    out = []
    for a in [*ax.patches, *ax.collections, *ax.lines]:
        if a.get_label() != name:
            continue
        if isinstance(a, PathPatch):
            out.append(a.get_facecolor() if part == "fill" else a.get_edgecolor())
        elif isinstance(a, LineCollection):
            out.append(tuple(a.get_edgecolor()[0]))
        elif isinstance(a, Line2D):
            c = a.get_markerfacecolor() if part == "fill" else a.get_markeredgecolor()
            out.append(to_rgba(c))
    assert out, f"no artist labelled {name!r}"
    return [tuple(float(x) for x in c) for c in out]


SAME = [
    # style entry, things, HTML layer, a tooltip in that layer, fill or stroke
    ("distance", DIST, "Distance claims", "72 km southeast", "fill"),
    ("area", AREA_AROUND, "Area claims", "around Izium", "fill"),
    ("comparison", COMPARISON, "Area claims", "as large as", "stroke"),
    ("control", Held(box(36, 49, 38, 50)), "Control", "held (occupied)", "fill"),
    ("control", Held(box(36, 49, 38, 50), side="ukraine"), "Control", "held (ukraine)", "fill"),
    ("control", Held(box(36, 49, 38, 50), side="Wagner"), "Control", "held (Wagner)", "fill"),
    ("front_line", Held(box(36, 49, 38, 50)), "Control", "front line", "stroke"),
    ("gained", change(SHRUNK, GROWN), "Change", "gained", "fill"),
    ("lost", change(CONTROL, SHRUNK), "Change", "lost", "fill"),
    ("lost", change(CONTROL, SHRUNK), "Change", "lost", "stroke"),
    ("inferred.line", Inferred({"ukraine": [BALAKLIIA]}, LINE, 12.0), "Inferred", "inferred line", "stroke"),
    ("inferred.band", Inferred({"ukraine": [BALAKLIIA]}, LINE, 12.0), "Inferred", "may be", "fill"),
    ("inferred.place", Inferred({"ukraine": [BALAKLIIA]}, LINE, 12.0), "Inferred", "Balakliia", "fill"),
    ("shape", box(36, 49, 37, 50), "Shapes", "Polygon", "fill"),
    ("shape", LineString([(36, 49), (37, 50)]), "Shapes", "LineString", "stroke"),
    ("check.line", verdict("consistent"), "Checks", "consistent: 72 km", "stroke"),
    ("check.line", verdict("inconsistent"), "Checks", "inconsistent: 72 km", "stroke"),
    ("check.stated", verdict("inconsistent"), "Checks", "stated: 72 km", "stroke"),
]


@pytest.mark.parametrize(
    ("name", "things", "layer", "tip", "part"),
    SAME,
    ids=[f"{s[0]}-{s[4]}-{i}" for i, s in enumerate(SAME)],
)
def test_a_layer_has_the_same_colour_in_html_and_static_maps(monkeypatch, name, things, layer, tip, part):
    monkeypatch.setattr(html, "basemap_data", lambda: None)
    m = fm.draw(things, check=False)
    fig = static.figure(things, check=False, basemap=False, dpi=30, figsize=(4, 3))
    in_html = _html_colour(m, layer, tip, part)
    in_static = _mpl_colours(fig, name, part)
    assert all(c == pytest.approx(in_html, abs=1e-6) for c in in_static), (in_html, in_static)
    st = style(name)
    if part == "fill" and st.fill is not None:  # a fixed colour: the table's
        assert to_rgb(st.fill) == pytest.approx(in_html[:3])


def test_status_colours_come_from_the_table():
    for status in ("consistent", "inconsistent", "unverifiable", "made-up"):
        st = status_style(status)
        assert st.stroke == style(f"check.{status if status != 'made-up' else 'unverifiable'}").stroke
