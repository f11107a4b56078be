"""frontmap.draw: layers, popups, escaping, offline basemap, bounds, timeline -- checked on the
rendered HTML (the browser tests in test_browser.py open the same maps in Chromium)."""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from html.parser import HTMLParser
from importlib import resources
from typing import ClassVar

import folium
import pytest
from shapely.geometry import LineString, Point, box, shape

import frontmap
from frontmap.checks import Verdict
from frontmap.control.controlmap import ControlMap, change
from frontmap.errors import InputError
from frontmap.gazetteer.place import Place
from frontmap.maps import html as maps
from frontmap.maps import kit as _mapkit
from frontmap.maps import offline as _offline
from frontmap.maps.basemap import LabelSet
from frontmap.maps.style import marker_colour, place_style, status_style, style
from frontmap.reading.article import Article, Mention
from frontmap.reading.claims import AreaClaim, DistanceClaim, ShareClaim

REAL_BASEMAP = maps.basemap_data  # kept before the autouse fixture below replaces it


def render(m: folium.Map) -> str:
    return m.get_root().render()


def layer_names(m: folium.Map) -> list[str]:
    return [c.layer_name for c in m._children.values() if isinstance(c, folium.map.Layer) and c.control]


def fit_bounds(m: folium.Map) -> list[list[float]] | None:
    fits = [c for c in m._children.values() if type(c).__name__ == "FitBounds"]
    return fits[-1].bounds if fits else None


SMALL_BASEMAP = {
    "shapes": _mapkit.collection(
        [_mapkit.feature(box(30, 45, 40, 52), k="ukraine"), _mapkit.feature(box(30, 49, 40, 52), k="oblast")]
    ),
    "labels": [{"t": "North Oblast", "at": [50.5, 35.0], "c": "oblast", "p": 10}],
    "styles": {"ukraine": {"color": "#000000"}, "oblast": {"color": "#000000"}},
}


@pytest.fixture(autouse=True)
def small_basemap(monkeypatch):
    """A made-up two-shape basemap, so tests do not depend on the shipped data."""
    monkeypatch.setattr(maps, "basemap_data", lambda: SMALL_BASEMAP)


# ------------------------------------------------------------------------------------ empty, errors
def test_nothing_gives_an_empty_map_of_ukraine():
    m = frontmap.draw()
    assert isinstance(m, folium.Map)
    assert m.location == list(maps.UKRAINE_CENTRE)
    assert fit_bounds(m) is None
    assert "Places mentioned" in render(m)


@pytest.mark.parametrize(
    "bad, named",
    [
        pytest.param(42, "'int'", id="int"),
        pytest.param(object(), "'object'", id="object"),
        pytest.param({"lat": 50}, "'dict'", id="dict"),
        pytest.param([Point(30, 50), 3.5], "'float'", id="float-inside-a-list"),
        pytest.param("Kyiv was shelled", "the text 'Kyiv was shelled'", id="raw-text"),
    ],
)
def test_unknown_things_raise_input_error_naming_the_type(bad, named):
    with pytest.raises(InputError) as info:
        frontmap.draw(bad)
    message = str(info.value)
    assert named in message
    assert "Article" in message and "ControlMap" in message and "Place" in message


def test_input_error_is_a_value_error():
    with pytest.raises(ValueError):
        frontmap.draw(None)


# ------------------------------------------------------------------------------------------- layers
@pytest.mark.parametrize(
    "pick, layer",
    [
        pytest.param(lambda r: r.kharkiv, "Places mentioned", id="place"),
        pytest.param(lambda r: r.distance, "Distance claims", id="distance-claim"),
        pytest.param(lambda r: r.area, "Area claims", id="area-claim"),
        pytest.param(lambda r: r.control_after, "Control 2022-09-13 (occupied)", id="control-map"),
        pytest.param(lambda r: box(36, 49, 37, 50), "Shapes", id="shapely"),
        pytest.param(lambda r: Mention("Kharkiv", 0, 7, r.kharkiv), "Places mentioned", id="mention"),
        pytest.param(
            lambda r: change(r.control_before, r.control_after),
            "Change 2022-09-06 → 2022-09-13 (occupied)",
            id="change",
        ),
        pytest.param(lambda r: Inferred(), "Inferred control", id="inferred"),
        pytest.param(lambda r: _geoseries(), "Shapes", id="geoseries"),
    ],
)
def test_each_kind_of_thing_gets_its_layer(map_records, pick, layer):
    m = frontmap.draw(pick(map_records), check=False)
    assert layer in layer_names(m)


class Inferred:  # duck-typed inferred control: places held, no line (so no uncertainty either)
    held: ClassVar = {"ukraine": [Place("t:a", "Alpha", "settlement", 49.5, 36.5)]}


def _geoseries():
    gpd = pytest.importorskip("geopandas")
    return gpd.GeoSeries([box(36, 49, 37, 50)], crs=4326)


def test_change_legend_names_gains_and_losses_by_side(map_records):
    r = map_records
    html = render(frontmap.draw(change(r.control_before, r.control_after)))
    assert "lost by occupied" in html and "gained by occupied" not in html  # the area only shrank


SQUARE = Place("t:sq", "Square Oblast", "region", 48.5, 31.5, "UA", _geometry=box(31, 48, 32, 49))


def _shapes_in(m: folium.Map, layer: str) -> list:
    return [
        (shape(g.data["features"][0]["geometry"]), g.style_function(None))
        for g in _find(m._children["feature_group_" + _group_id(m, layer)], folium.GeoJson)
    ]


def test_a_share_of_a_region_highlights_the_region_not_a_disk():
    m = frontmap.draw(ShareClaim("a fifth", 0, 7, value=0.2, of=SQUARE), check=False)
    shapes = _shapes_in(m, "Area claims")
    assert shapes and all(g.equals(SQUARE.geometry) for g, _ in shapes)  # the territory, twice: fill, outline
    territory = style("territory")
    assert {st["color"] for _, st in shapes} == {territory.stroke}
    html = render(m)
    assert "Sizes stated (1)" in html and "20% of Square Oblast" in html  # the size, beside the map


def test_a_share_held_highlights_the_ground_held_when_a_control_map_is_given():
    held = ControlMap(box(31.5, 48, 32, 49), date="2022-09-13")
    claim = ShareClaim("a fifth", 0, 7, value=0.2, of=SQUARE, change="held")
    shapes = _shapes_in(frontmap.draw(claim, held, check=False), "Area claims")
    assert shapes and all(g.equals(box(31.5, 48, 32, 49)) for g, _ in shapes)


def test_an_area_without_a_place_is_a_size_in_the_panel_not_a_disk_on_the_map():
    claim = AreaClaim("2,150 square kilometres", 0, 23, value=2150, km2=2150)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not "left out": shown where it belongs
        m = frontmap.draw(claim, check=False)
    assert _shapes_in(m, "Area claims") == []
    html = render(m)
    assert "Sizes stated (1)" in html and "2,150 km²" in html and "<svg" in html


def test_an_area_retaken_around_places_is_their_hull(map_records):
    ((g, _),) = _shapes_in(frontmap.draw(map_records.area, check=False), "Area claims")
    assert g.geom_type == "Polygon"
    for p in map_records.area.places:
        assert g.buffer(1e-6).contains(Point(p.lon, p.lat))


def test_a_distance_from_a_border_ends_on_the_border(map_records):
    land = Place("t:land", "Northland", "country", 51.0, 36.0, "RU", _geometry=box(35, 50.2, 38, 52))
    claim = DistanceClaim(
        "10 km from the border", 0, 21, value=10, km=10, anchor=land, subject=map_records.kharkiv
    )
    v = Verdict("distance", "consistent", 10.0, 10.0, "km", 1.0, 0.1, claim, explanation="made-up")
    m = frontmap.draw(claim, v)
    (line,) = _find(m, folium.PolyLine)
    (on_border, actual) = line.locations
    assert on_border[0] == pytest.approx(50.2, abs=1e-4)  # on the border, not at Northland's middle
    assert on_border[1] == pytest.approx(map_records.kharkiv.lon, abs=1e-3)
    assert actual == [round(map_records.kharkiv.lat, 5), round(map_records.kharkiv.lon, 5)]
    ((band, _),) = _shapes_in(m, "Distance claims")
    assert band.intersects(Point(36.2, 50.11)) and not band.intersects(Point(36, 51))  # 10 km south of it


def complete_layers(records) -> list[str]:
    """The layer control of draw(articles, control_before, control_after, tiles=None), in order."""
    return [maps.BASEMAP, *records.complete_layers[1:]]


def test_articles_give_the_complete_map(map_records):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = frontmap.draw(
            map_records.articles, map_records.control_before, map_records.control_after, tiles=None
        )
    assert layer_names(m) == complete_layers(map_records)
    html = render(m)
    assert "L.control.scale" in html
    assert "frontmap-legend" in html


def test_only_the_latest_control_map_per_side_is_shown_at_first(map_records):
    m = frontmap.draw(map_records.control_after, map_records.control_before)
    shown = {c.layer_name: c.show for c in m._children.values() if isinstance(c, folium.FeatureGroup)}
    assert shown["Control 2022-09-06 (occupied)"] is False
    assert shown["Control 2022-09-13 (occupied)"] is True


def test_one_marker_per_place_however_often_mentioned(map_records):
    m = frontmap.draw(map_records.articles, check=False)
    markers = [c for c in m._children["feature_group_" + _group_id(m, "Places mentioned")]._children.values()]
    assert len([c for c in markers if isinstance(c, folium.Marker)]) == len(map_records.places)


def _group_id(m: folium.Map, name: str) -> str:
    for key, child in m._children.items():
        if isinstance(child, folium.FeatureGroup) and child.layer_name == name:
            return key.removeprefix("feature_group_")
    raise AssertionError(f"no layer {name!r}")


@pytest.mark.parametrize(
    "kind, icon",
    [(kind, place_style(kind).icon) for kind in ("settlement", "region", "river", "facility")],
)
def test_marker_icon_depends_on_the_kind(kind, icon):
    html = render(frontmap.draw(Place("t:1", "Somewhere", kind, 49.0, 32.0, "UA"), offline=False))
    assert f'"icon": "{icon}"' in html


def test_popup_quotes_each_sentence_with_source_and_date(map_records):
    html = render(frontmap.draw(map_records.articles, check=False))
    assert "Residents of Izium returned on Tuesday." in html
    assert "second.txt, 2022-09-13" in html
    assert "first.txt, 2022-09-10" in html


def test_popups_name_files_never_their_folders(map_records):
    import dataclasses

    article = dataclasses.replace(map_records.second, source="/home/someone/news/second.txt")
    held = ControlMap(
        box(37.7, 48.9, 38.4, 49.9), date="2022-09-13", source="/home/someone/maps/after.geojson"
    )
    html = render(frontmap.draw(article, map_records.first, held, check=False))
    assert "/home/someone" not in html and "second.txt, 2022-09-13" in html and "after.geojson" in html


def test_a_place_named_in_many_sentences_shows_a_few_and_how_many_more(map_records):
    text = " ".join(f"Kharkiv was hit for the {i}th time." for i in range(12))
    starts = [i for i in range(len(text)) if text.startswith("Kharkiv", i)]
    mentions = tuple(Mention("Kharkiv", i, i + 7, map_records.kharkiv) for i in starts)
    article = Article(text, source="a.txt", mentions=mentions)
    (popup,) = [p for p in _find(frontmap.draw(article, check=False), folium.Popup)]
    shown = popup.html.render()
    assert shown.count("<li>") == 3 and "and 9 more sentence(s)" in shown


def test_labels_are_permanent_most_important_first(map_records):
    m = frontmap.draw(map_records.articles, check=False)
    (labels,) = _find(m, LabelSet)
    specs = json.loads(labels.data)
    ranks = {s["t"]: s["p"] for s in specs}
    assert set(ranks) == {p.name for p in map_records.places}
    assert ranks["Kharkiv"] > ranks["Kupiansk"]  # named in more sentences, measured from
    assert all(s["pin"] for s in specs if s["c"] == "place")


def test_verdicts_are_coloured_by_status(map_records):
    base = dict(stated=74.0, measured=70.0, unit="km", ratio=0.95, tolerance=0.1, claim=map_records.distance)
    for status in ("consistent", "inconsistent", "unverifiable"):
        colour = status_style(status).stroke
        v = Verdict("distance", status, explanation=f"made-up {status} verdict", **base)
        html = render(frontmap.draw(v))
        assert "Checks" in html
        assert f'"color": "{colour}"' in html
        assert f"made-up {status} verdict" in html


def test_checks_are_run_on_articles_unless_told_not_to(map_records):
    assert "Checks" in layer_names(frontmap.draw(map_records.first))
    assert "Checks" not in layer_names(frontmap.draw(map_records.first, check=False))


def test_distance_check_joins_stated_position_and_actual_place(map_records):
    m = frontmap.draw(map_records.distance)
    lines = _find(m, folium.PolyLine)
    assert len(lines) == 1
    (stated, actual) = lines[0].locations
    assert actual == [round(map_records.balakliia.lat, 5), round(map_records.balakliia.lon, 5)]
    where = map_records.distance.point()
    assert stated == [pytest.approx(where.y, abs=1e-5), pytest.approx(where.x, abs=1e-5)]


def _find(element, cls) -> list:
    out = []
    for child in element._children.values():
        if isinstance(child, cls):
            out.append(child)
        out.extend(_find(child, cls))
    return out


def test_inferred_control_is_labelled_inferred():
    class Inferred:  # duck-typed like frontmap.control.inferred.InferredControl
        held: ClassVar = {
            "ukraine": [Place("t:a", "Alpha", "settlement", 49.5, 36.5)],
            "russia": [Place("t:b", "Bravo", "settlement", 49.5, 37.5)],
        }
        line = LineString([(37.0, 49.0), (37.0, 50.0)])
        band = None
        uncertainty_km = 36.0
        label = "inferred from 2 reports"

    m = frontmap.draw(Inferred())
    html = render(m)
    assert "Inferred control" in layer_names(m)
    assert "Alpha: held by ukraine (inferred, inferred from 2 reports)" in html
    assert "± 36 km" in html


# ------------------------------------------------------------------------------------ bad claims
def test_a_claim_without_anchor_is_left_out_with_one_warning(map_records):
    lost = DistanceClaim("30 km north of the capital", 0, 26, value=30, km=30, direction="N", anchor=None)
    with pytest.warns(UserWarning, match=r"left out 1 item.*30 km north of the capital"):
        m = frontmap.draw(lost, map_records.kharkiv, check=False)
    assert "Places mentioned" in layer_names(m)


def test_a_claim_whose_geometry_fails_unexpectedly_is_left_out(map_records, monkeypatch):
    from frontmap.reading.claims import SHAPERS

    def broken(claim):
        raise RuntimeError("shapes not ready")

    monkeypatch.setitem(SHAPERS, "claim_geometry", broken)
    with pytest.warns(UserWarning, match="shapes not ready") as caught:
        m = frontmap.draw(map_records.distance, check=False)
    assert isinstance(m, folium.Map)
    assert len(caught) == 1 and len(str(caught[0].message)) < 200  # one short line
    assert any("shapes not ready" in item for item in caught[0].message.items)  # all, for --verbose
    assert any("shapes not ready" in item for item in m.frontmap_left_out)  # the details, on request


# ---------------------------------------------------------------------------------------- escaping
PAYLOADS = [
    pytest.param("<script>alert(1)</script>", id="script-tag"),
    pytest.param("</script><script>alert(2)</script>", id="script-close"),
    pytest.param("<img src=x onerror=alert(3)>", id="img-onerror"),
    pytest.param("`${alert(4)}`", id="template-literal"),
    pytest.param('"><svg onload=alert(5)>', id="attribute-break"),
    pytest.param("\\`);alert(6);//", id="backslash-backtick"),
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("offline", [True, False], ids=["offline", "cdn"])
def test_text_from_articles_never_reaches_the_page_raw(payload, offline):
    place = Place("t:x", f"Town {payload}", "region", 48.5, 31.5, "UA", _geometry=box(31, 48, 32, 49))
    text = f"Shelling hit Town {payload} overnight."
    start = text.index("Town")
    article = Article(
        text,
        source=f"report {payload}.txt",
        published=dt.date(2022, 9, 1),
        mentions=(Mention(place.name, start, start + len(place.name), place),),
        claims=(ShareClaim(f"a fifth {payload}", 0, 5, sentence=text, value=0.2, of=place, source=payload),),
    )
    cm = ControlMap(box(31, 48, 32, 49), date="2022-09-02", source=f"{payload}.geojson", name=payload)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # everything is drawn: the share disk, the marker, the control map
        html = render(frontmap.draw(article, cm, tiles=None, offline=offline))
    assert payload not in html
    assert _mapkit.esc(payload) in html
    if offline:
        assert external_refs(html) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("plain", "plain"),
        ("<b>", "&lt;b&gt;"),
        ("a & b", "a &amp; b"),
        ("'quoted' \"twice\"", "&#x27;quoted&#x27; &quot;twice&quot;"),
        ("`${x}`", "&#96;&#36;&#123;x&#125;&#96;"),
        ("back\\slash", "back&#92;slash"),
    ],
)
def test_esc(text, expected):
    assert _mapkit.esc(text) == expected


def test_json_in_script_blocks_cannot_close_the_script():
    assert "</" not in _mapkit.script_json({"a": "</script><!--"})
    assert json.loads(_mapkit.script_json({"a": "</script>&"})) == {"a": "</script>&"}


# ---------------------------------------------------------------------------- tiles, size, bounds
def test_no_tiles_gives_the_basemap_and_no_tile_server(map_records):
    m = frontmap.draw(map_records.kharkiv, tiles=None)
    html = render(m)
    assert "tile.openstreetmap.org" not in html
    assert maps.BASEMAP in layer_names(m)
    assert "North Oblast" in html  # oblast names, as permanent labels


def test_by_default_tiles_are_an_overlay_switched_off_over_the_basemap(map_records):
    m = frontmap.draw(map_records.kharkiv)
    (tiles,) = _find(m, folium.TileLayer)
    assert tiles.overlay and not tiles.show
    assert "tile.openstreetmap.org" in render(m)
    assert layer_names(m)[:2] == [maps.BASEMAP, "Web map (OpenStreetMap; needs a network)"]
    (tiles,) = _find(frontmap.draw(map_records.kharkiv, offline=False), folium.TileLayer)
    assert tiles.show  # online: the tiles are shown from the start


def test_coordinates_are_rounded_to_five_decimals(map_records):
    html = render(frontmap.draw(map_records.articles, map_records.control_after, tiles=None))
    html = re.sub(r"<(script|style)>/\* frontmap/(assets|maps/data)/.*?</\1>", "", html, flags=re.S)  # code
    long_numbers = re.findall(r"-?\d+\.\d{6,}", html)
    assert long_numbers == []


def test_bounds_fit_the_content(map_records):
    m = frontmap.draw(map_records.kharkiv, map_records.izium)
    (south, west), (north, east) = fit_bounds(m)
    assert south <= 49.2078 and north >= 49.9935
    assert west <= 36.2304 and east >= 37.2566
    assert north - south < 1.5 and east - west < 1.5


def test_a_single_place_is_shown_with_its_surroundings(map_records):
    (south, west), (north, east) = fit_bounds(frontmap.draw(map_records.kharkiv))
    assert 0.05 <= north - south <= 0.2 and 0.05 <= east - west <= 0.2


def test_the_real_basemap_has_land_sea_oblasts_rivers_and_names_and_is_small():
    data = REAL_BASEMAP()
    if data is None:
        pytest.skip("gazetteer not available")
    kinds = [f["properties"]["k"] for f in data["shapes"]["features"]]
    assert kinds.count("ukraine") == 1 and kinds.count("oblast") >= 25
    assert kinds.count("land") >= 10 and kinds.count("water") >= 2 and kinds.count("river") >= 5
    names = {label["t"]: label["c"] for label in data["labels"]}
    assert (
        names["Kharkiv Oblast"] == "oblast" and names["Russia"] == "country" and names["Black Sea"] == "sea"
    )
    assert "Kyiv City" not in names  # too small to name
    assert len(_mapkit.script_json(data)) < 400_000
    # shapes only: a place known by its point alone (a register lake) would become a default marker
    assert {f["geometry"]["type"] for f in data["shapes"]["features"]} <= {
        "Polygon", "MultiPolygon", "LineString", "MultiLineString"
    }  # fmt: skip


# ---------------------------------------------------------------------------------------- timeline
def test_timeline_appears_when_content_spans_several_dates(map_records):
    assert "Timeline (date slider)" in layer_names(frontmap.draw(map_records.articles, check=False))
    assert "Timeline (date slider)" not in layer_names(frontmap.draw(map_records.first, check=False))


def test_timeline_features_last_until_the_next_snapshot(map_records):
    m = frontmap.draw(map_records.first, map_records.control_before, map_records.control_after, check=False)
    (timeline,) = _find(m, _mapkit.Timeline)
    data = json.loads(timeline.data)
    assert data["times"] == ["2022-09-06", "2022-09-10", "2022-09-13"]
    spans = [(f["properties"]["start"], f["properties"]["end"]) for f in data["features"]]
    assert ("2022-09-06", "2022-09-10") in spans  # the earlier map, until the step before the next one
    assert ("2022-09-13", "2022-09-13") in spans
    places = [s for s in spans if s[0] == "2022-09-10"]
    assert places and all(end == "2022-09-13" for _, end in places)


@pytest.mark.parametrize(
    "dates, steps, expected",
    [
        pytest.param(["a1"], ["a1", "a3"], [("a1", "a3")], id="one-lasts-to-the-end"),
        pytest.param(["a1", "a3"], ["a1", "a2", "a3"], [("a1", "a2"), ("a3", "a3")], id="two"),
        pytest.param(["a2", "a1"], ["a1", "a2"], [("a1", "a1"), ("a2", "a2")], id="unsorted"),
    ],
)
def test_until_next(dates, steps, expected):
    day = {"a1": dt.date(2022, 1, 1), "a2": dt.date(2022, 1, 2), "a3": dt.date(2022, 1, 3)}
    out = _mapkit.until_next([(day[d], d) for d in dates], [day[s] for s in steps])
    assert [(day[a] == s, day[b] == e) for (_, s, e), (a, b) in zip(out, expected, strict=True)] == [
        (True, True)
    ] * len(expected)


# --------------------------------------------------------------------------------------- notebooks
def test_repr_html_embeds_the_map(map_records):
    html = frontmap.draw(map_records.kharkiv)._repr_html_()
    assert "iframe" in html and "Kharkiv" in html


def test_places_far_from_the_theatre_do_not_zoom_the_map_out(map_records):
    washington = Place("t:dc", "Washington", "settlement", 38.895, -77.037, "US")
    russia = Place("t:ru", "Russia", "country", 61.5, 105.3, "RU")
    (_, west), (north, _) = fit_bounds(
        frontmap.draw(map_records.kharkiv, map_records.izium, washington, russia)
    )
    assert west > 30 and north < 52


def test_far_places_are_listed_beside_the_map_not_drawn():
    washington = Place("t:dc", "Washington", "settlement", 38.895, -77.037, "US")
    gaza = Place("t:gaza", "Gaza", "settlement", 31.5, 34.47, "PS")
    m = frontmap.draw(washington, gaza)
    assert fit_bounds(m) is None  # the map stays on Ukraine
    assert _find(m, folium.Marker) == []
    assert "Not on the map: Washington, Gaza" in render(m)


def test_shapes_far_away_do_not_set_the_view(map_records):
    (south, _), _ = fit_bounds(frontmap.draw(map_records.kharkiv, box(34.2, 31.2, 35.6, 32.6)))
    assert south > 49


# ----------------------------------------------------------------------------------------- offline
class Refs(HTMLParser):
    """Collects what a page would load or link to: src/href attributes, and url()/@import in styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []  # (where, reference)
        self.links = 0
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += tag == "link"
        self.refs += [(f"{tag} {k}", v) for k, v in attrs if k in ("src", "href") and v]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.refs += [("style url", u) for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", data)]
            self.refs += [("style", "@import") for _ in re.findall(r"@import", data)]


def external_refs(html: str) -> list[str]:
    """Every reference in ``html`` that is not a ``data:`` URI (script text is not looked into)."""
    parser = Refs()
    parser.feed(html)
    return [f"{where}={ref}" for where, ref in parser.refs if not ref.startswith("data:")]


def asset_names(html: str) -> list[str]:
    return re.findall(r"<(?:script|style)>/\* frontmap/assets/([\w.-]+) \*/", html)


def test_the_reference_finder_sees_cdn_links(map_records):
    refs = external_refs(render(frontmap.draw(map_records.kharkiv, offline=False)))
    assert "script src=https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in refs
    assert any(r.startswith("link href=https://") for r in refs)
    page = '<style>a { background: url("x.png") }</style><a href="#top"><img src="data:,">'
    assert external_refs(page) == ["style url=x.png", "a href=#top"]


@pytest.mark.parametrize(
    "pick",
    [
        pytest.param(lambda r: [], id="empty"),
        pytest.param(lambda r: r.kharkiv, id="one-place"),
        pytest.param(lambda r: [r.articles, r.control_before, r.control_after], id="everything-and-slider"),
    ],
)
def test_offline_html_refers_to_nothing_outside_the_page(map_records, pick, tmp_path):
    m = frontmap.draw(pick(map_records), tiles=None)
    m.save(str(tmp_path / "map.html"))
    for html in (render(m), (tmp_path / "map.html").read_text(encoding="utf-8")):
        assert external_refs(html) == []
        parser = Refs()
        parser.feed(html)
        # no <link>, no src or href at all (not even data: URIs): every script and style is inline text
        assert parser.links == 0 and [where for where, _ in parser.refs if where != "style url"] == []
        assert asset_names(html)[:2] == ["leaflet.css", "leaflet.js"]


def test_offline_inlines_only_what_the_map_uses(map_records):
    empty = asset_names(render(frontmap.draw(tiles=None)))
    places = asset_names(render(frontmap.draw(map_records.kharkiv, tiles=None)))
    slider = asset_names(render(frontmap.draw(map_records.articles, check=False, tiles=None)))
    assert empty == ["leaflet.css", "leaflet.js"]
    assert places == ["leaflet.css", "leaflet.js", "jquery.min.js"]  # popups are built with $(...)
    assert slider == [*places, *_offline.TIMELINE]
    html = render(frontmap.draw(map_records.articles, check=False, tiles=None))
    for absent in ("fontawesome", "awesome-markers", "bootstrap", "moment", "jquery-ui", "glyphicons"):
        assert absent not in html.lower()


def test_offline_places_are_css_pins_coloured_by_kind(map_records):
    m = frontmap.draw(map_records.articles, check=False, tiles=None)
    icons = _find(m, folium.DivIcon)
    assert len(icons) == len(map_records.places)
    assert _find(m, folium.Icon) == []
    for place in map_records.places:
        colour = place_style(place.kind).marker
        hex_ = marker_colour(colour)
        assert any(f"frontmap-pin-{colour}" in i.options["class_name"] for i in icons)
        assert f"background:{hex_}" in _mapkit.pin_icon(colour).options["html"]
        assert f"background:{hex_}" in _mapkit.swatch(colour, "pin")  # the legend shows the same colour


def test_offline_with_tiles_inlines_the_code_and_keeps_the_tiles(map_records):
    html = render(frontmap.draw(map_records.kharkiv, offline=True))
    assert external_refs(html) == []
    assert "tile.openstreetmap.org" in html  # the tiles alone come from the network
    assert "Outlines (country, oblasts)" not in html


def test_tiles_none_can_still_load_from_cdns(map_records):
    html = render(frontmap.draw(map_records.kharkiv, tiles=None, offline=False))
    assert asset_names(html) == []
    assert "script src=https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in external_refs(html)


def test_maps_are_offline_by_default(map_records):
    html = render(frontmap.draw(map_records.articles))
    assert external_refs(html) == []
    assert asset_names(html)[:2] == ["leaflet.css", "leaflet.js"]


def test_online_maps_load_the_code_from_cdns(map_records):
    m = frontmap.draw(map_records.kharkiv, offline=False)
    html = render(m)
    assert asset_names(html) == []
    assert _find(m, folium.DivIcon) == [] and len(_find(m, folium.Icon)) == 1
    assert [name for name, _ in m.default_js] == [name for name, _ in folium.Map.default_js]
    assert "awesome-markers" in html and "leafletjs.com" not in html


def test_offline_attribution_is_plain_text():
    html = render(frontmap.draw(tiles=None))
    assert 'attributionControl.setPrefix("Leaflet")' in html


@pytest.mark.parametrize("name", [*_offline.BASE, *_offline.POPUPS, *_offline.TIMELINE])
def test_every_inlined_asset_is_shipped_with_its_source_and_licence(name):
    folder = resources.files("frontmap") / "assets"
    sources = (folder / "SOURCES.txt").read_text(encoding="utf-8")
    (line,) = [x for x in sources.splitlines() if x.strip().startswith(f"{name}: ")]
    package = line.split(": ", 1)[1].split("@", 1)[0]
    assert re.search(rf"^{re.escape(package)} +\S+ +(MIT|BSD-2-Clause|Apache-2.0) +sha512-", sources, re.M)
    assert (folder / f"LICENSE.{package}").read_text(encoding="utf-8").strip()
    block = _offline.block(name)
    assert block.count("</script>") + block.count("</style>") == 1  # nothing closes the block early


def test_a_broken_asset_is_refused(monkeypatch):
    monkeypatch.setattr(_offline, "asset", lambda name: "var a = '</script><script>alert(1)';")
    with pytest.raises(ValueError, match=r"frontmap/assets/leaflet\.js cannot be inlined; rebuild"):
        _offline.block("leaflet.js")


def test_the_pages_own_code_takes_its_colours_from_the_style_table():
    from frontmap.maps.basemap import own_asset

    raw = (resources.files("frontmap.maps") / "data" / "frontmap.css").read_text(encoding="utf-8")
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", raw) == []  # colours only as $style names$
    css = own_asset("frontmap.css")
    assert "$" not in css and style("base.sea").fill in css and style("label.oblast").text in css
    for name in _offline.OWN:
        assert _offline._checked(name, own_asset(name), "frontmap/maps/data").count("</") == 1
