"""Saved maps opened in a real headless Chromium with no network (marker ``browser``).

The harness (``tests/browser.py``) answers every asset request from ``node_modules/`` and records
anything it cannot serve; each test asserts the page reported no problem, then inspects the DOM.
Screenshots land in ``artifacts/``.
"""

from __future__ import annotations

import datetime as dt

import browser as browser_harness
import folium
import pytest

import frontmap
from frontmap.control.controlmap import change
from frontmap.gazetteer.place import Place
from frontmap.maps.html import BASEMAP, UKRAINE_CENTRE
from frontmap.maps.style import place_style, style
from frontmap.reading.article import Article, Mention
from frontmap.reading.claims import ShareClaim

pytestmark = pytest.mark.browser


# -- the harness itself: it must see what it is meant to catch ------------------------------------


def test_harness_serves_folium_assets_locally(browser, tmp_path):
    m = folium.Map(location=[49.0, 32.0], zoom_start=6, tiles="OpenStreetMap")
    folium.Marker([50.45, 30.52], icon=folium.Icon(icon="city", prefix="fa")).add_to(m)
    folium.GeoJson(
        {"type": "Polygon", "coordinates": [[[30, 48], [32, 48], [32, 49], [30, 48]]]}, name="triangle"
    ).add_to(m)
    folium.LayerControl().add_to(m)
    m.save(tmp_path / "plain.html")

    page = browser.open(tmp_path / "plain.html", screenshot="harness_plain")

    page.assert_clean()
    assert page.tiles > 0
    assert any("leaflet@1.9.3/dist/leaflet.js" in u for u in page.served)
    assert page.count(".leaflet-marker-pane > *") == 1
    assert page.count(".leaflet-overlay-pane path.leaflet-interactive") == 1
    assert page.layer_names() == ["triangle"]


def test_harness_records_a_url_it_cannot_serve(browser, tmp_path):
    m = folium.Map(
        location=[49.0, 32.0], zoom_start=6, tiles="https://tiles.example.org/{z}/{x}/{y}.png", attr="x"
    )
    m.save(tmp_path / "elsewhere.html")

    page = browser.open(tmp_path / "elsewhere.html")

    assert page.unserved and all(u.startswith("https://tiles.example.org/") for u in page.unserved)
    with pytest.raises(AssertionError, match="not served locally"):
        page.assert_clean()


def test_harness_sees_injected_markup_run(browser, tmp_path):
    # A deliberately unsafe page: folium's Popup embeds raw HTML.  The harness must notice.
    m = folium.Map(location=[49.0, 32.0], zoom_start=6, tiles=None)
    folium.Marker([50.45, 30.52], popup=folium.Popup("<img src=x onerror=alert(7)>")).add_to(m)
    m.save(tmp_path / "unsafe.html")

    page = browser.open(tmp_path / "unsafe.html")

    assert page.dialogs == ["alert: 7"]
    with pytest.raises(AssertionError, match="dialog opened"):
        page.assert_clean()


def test_harness_sees_a_script_error(browser, tmp_path):
    m = folium.Map(location=[49.0, 32.0], zoom_start=6, tiles=None)
    folium.Marker([50.45, 30.52], popup=folium.Popup("</script><p>broken</p>")).add_to(m)
    m.save(tmp_path / "broken.html")

    page = browser.open(tmp_path / "broken.html")

    assert page.page_errors


# -- frontmap's maps -------------------------------------------------------------------------------


def save(m, path):
    m.save(str(path))
    return path


def only_the_page(page, path):
    """Every request the page made other than itself (data: URIs are not requests)."""
    return [u for u in page.requested if u != f"{browser_harness.ORIGIN}/{path.name}"]


def test_complete_offline_map_needs_no_network(browser, tmp_path, map_records):
    r = map_records
    m = frontmap.draw(r.articles, r.control_before, r.control_after, tiles=None)
    path = save(m, tmp_path / "complete.html")
    page = browser.open(path, network=False)
    page.page.get_by_text("Timeline (date slider)").click()  # every layer on, the slider shown
    page.page.wait_for_selector(".timecontrol-date")
    page.page.wait_for_timeout(200)
    page.screenshot("complete_offline_map")

    assert only_the_page(page, path) == []
    page.assert_clean()  # no console error or warning, no page error, no dialog
    assert page.tiles == 0
    assert page.layer_names() == [BASEMAP, *r.complete_layers[1:]]
    pins = [p for p in r.places if p.kind in ("settlement", "facility") or p.geometry.geom_type == "Point"]
    assert page.count(".leaflet-marker-pane > .frontmap-pin") == len(pins)
    assert page.count(".leaflet-marker-pane > *") == len(pins)
    # the basemap is drawn but not interactive; the claims, checks, control map and timeline are
    assert page.count(".leaflet-fm-base-pane path:not(.leaflet-interactive)") >= 20
    assert page.count(".leaflet-overlay-pane path.leaflet-interactive") >= 6
    assert page.count(".leaflet-control-scale") == 1
    assert page.texts(".timecontrol-date") == ["2022-09-06"]  # the slider starts at the first date
    assert page.count(".leaflet-control-attribution a") == 0  # nothing to follow either
    legend = " ".join(page.texts(".frontmap-legend"))
    assert "check: consistent" in legend and "area held: occupied" in legend


def test_offline_pins_carry_the_colour_of_their_kind(browser, tmp_path, map_records):
    path = save(frontmap.draw(map_records.articles, check=False, tiles=None), tmp_path / "pins.html")
    page = browser.open(path, network=False, screenshot="offline_pins")

    classes = page.page.eval_on_selector_all(".leaflet-marker-pane > *", "els => els.map(e => e.className)")
    kinds = {p.kind for p in map_records.places}
    expected = {place_style(k).marker for k in kinds}
    assert {c.split("frontmap-pin-")[1].split()[0] for c in classes} == expected
    # the pin's tip is on the place: Leaflet puts the anchor (10, 24) of the icon box on the place,
    # and the turned teardrop reaches down to there
    icon = page.page.locator(".leaflet-marker-pane > *").first
    outer, drop = icon.bounding_box(), icon.locator("> div").bounding_box()
    margins = icon.evaluate("e => [e.style.marginLeft, e.style.marginTop]")
    assert margins == ["-10px", "-24px"]
    assert drop["y"] + drop["height"] == pytest.approx(outer["y"] + 24, abs=1)
    assert drop["x"] + drop["width"] / 2 == pytest.approx(outer["x"] + 10, abs=1)
    page.assert_clean()
    assert only_the_page(page, path) == []


def test_offline_with_tiles_requests_only_tiles(browser, tmp_path, map_records):
    m = frontmap.draw(map_records.first, check=False, offline=True)
    path = save(m, tmp_path / "tiled_offline.html")
    page = browser.open(path)
    assert page.tiles == 0  # the web map is an overlay, off until the reader wants it
    page.page.get_by_text("Web map (OpenStreetMap; needs a network)").click()
    page.page.wait_for_timeout(300)

    page.assert_clean()
    assert page.tiles > 0
    assert all(browser_harness.TILE_URL.match(u) for u in only_the_page(page, path))
    assert page.count(".leaflet-marker-pane > .frontmap-pin") == len(map_records.first.places)


def test_popup_shows_sentences_source_and_date(browser, tmp_path, map_records):
    m = frontmap.draw(map_records.second, check=False, tiles=None)
    page = browser.open(save(m, tmp_path / "popup.html"), network=False)

    text = page.open_popup(".leaflet-marker-pane > *", 0)  # Izium, first mentioned
    page.screenshot("popup_izium")
    assert "Izium" in text
    assert "Residents of Izium returned on Tuesday." in text
    assert "second.txt, 2022-09-13" in text
    page.assert_clean()


def test_online_maps_keep_awesome_markers(browser, tmp_path, map_records):
    m = frontmap.draw(map_records.second, check=False, offline=False)
    page = browser.open(save(m, tmp_path / "online.html"))

    names = [page.page.locator(".leaflet-marker-pane > *").nth(i).get_attribute("class") for i in range(3)]
    assert all("awesome-marker" in n for n in names)
    assert "Izium" in page.open_popup(".leaflet-marker-pane > *", 0)
    page.assert_clean()


def test_switching_a_layer_off_removes_its_markers(browser, tmp_path, map_records):
    m = frontmap.draw(map_records.articles, check=False, offline=False)
    page = browser.open(save(m, tmp_path / "toggle.html"))
    assert page.count(".leaflet-marker-pane > *") == len(map_records.places)
    assert page.tiles > 0  # OpenStreetMap shown when online (served by the harness)

    page.page.get_by_text("Places mentioned").click()

    assert page.count(".leaflet-marker-pane > *") == 0
    page.assert_clean()


def test_date_slider_steps_through_the_snapshots(browser, tmp_path, map_records):
    r = map_records
    m = frontmap.draw(r.first, r.control_before, r.control_after, check=False, tiles=None)
    page = browser.open(save(m, tmp_path / "timeline.html"), network=False)
    assert page.count(".timecontrol-date") == 0  # the slider comes with the layer

    page.page.get_by_text("Timeline (date slider)").click()
    page.page.wait_for_selector(".timecontrol-date")
    first = page.texts(".timecontrol-date")
    paths_first = page.count(".leaflet-overlay-pane path")
    page.page.locator(".timecontrol-forward").click()
    page.page.wait_for_timeout(200)
    second = page.texts(".timecontrol-date")
    page.page.locator(".timecontrol-forward").click()
    page.page.wait_for_timeout(200)
    page.screenshot("timeline_last_step")

    assert first == ["2022-09-06"] and second == ["2022-09-10"]
    assert page.texts(".timecontrol-date") == ["2022-09-13"]
    # on 2022-09-10 the places of the first article join the earlier control map
    assert page.count(".leaflet-overlay-pane path") != paths_first
    page.assert_clean()


def test_an_empty_map_opens_on_ukraine(browser, tmp_path):
    page = browser.open(
        save(frontmap.draw(tiles=None), tmp_path / "empty.html"), screenshot="empty_map", network=False
    )
    page.assert_clean()
    assert page.count(".leaflet-marker-pane > *") == 0
    centre = page.page.evaluate(
        "() => { for (const k in window) { if (k.startsWith('map_') && window[k] && window[k].getCenter)"
        " { const c = window[k].getCenter(); return [c.lat, c.lng]; } } return null; }"
    )
    assert centre == pytest.approx(list(UKRAINE_CENTRE), abs=0.01)


def test_layers_are_painted_in_the_colours_of_the_style_table(browser, tmp_path, map_records):
    # the static maps read the same entries (tests/test_scene.py compares the two renderers)
    r = map_records
    m = frontmap.draw(r.control_after, change(r.control_before, r.control_after), check=False, tiles=None)
    page = browser.open(save(m, tmp_path / "colours.html"), network=False)

    painted = page.page.eval_on_selector_all(
        ".leaflet-overlay-pane path.leaflet-interactive",
        "els => els.map(e => [e.getAttribute('fill'), e.getAttribute('fill-opacity')])",
    )
    held, lost = style("control"), style("lost")
    assert [lost.fill, str(lost.fill_opacity)] in painted
    assert ["#d32f2f", str(held.fill_opacity)] in painted  # the occupied side
    page.assert_clean()


XSS = {
    "name": "Vil<img src=x onerror=\"window.__xss=1;alert('name')\">ne",
    "sentence": "</script><script>window.__xss=2;alert('sentence')</script>",
    "source": "<svg onload=\"window.__xss=3;alert('source')\">.txt",
    "claim": "`${window.__xss=4}` a fifth",
}


def test_hostile_text_stays_inert_and_is_shown_literally(browser, tmp_path):
    place = Place("t:x", XSS["name"], "settlement", 48.5, 31.5, "UA")
    text = f"Strikes near {XSS['name']} were reported. {XSS['sentence']}"
    start = text.index("Vil")
    article = Article(
        text,
        source=XSS["source"],
        published=dt.date(2022, 9, 1),
        mentions=(Mention(place.name, start, start + len(place.name), place),),
        claims=(ShareClaim(XSS["claim"], 0, 5, sentence=text, value=0.2, of=place, source=XSS["source"]),),
    )
    with pytest.warns(UserWarning, match="left out 1 item"):  # a share of a town: no area
        m = frontmap.draw(article, tiles=None)
    page = browser.open(save(m, tmp_path / "hostile.html"), network=False)

    popup = page.open_popup(".leaflet-marker-pane > *", 0)
    page.page.locator(".leaflet-marker-pane > *").first.dispatch_event("mouseover")
    page.page.wait_for_timeout(100)
    tooltip = " ".join(page.texts(".leaflet-tooltip"))
    page.screenshot("hostile_text_inert")

    page.assert_clean()  # no dialog, no script error, no request for "x"
    assert page.page.evaluate("window.__xss") is None
    assert page.count("img[src='x'], .leaflet-popup-content svg, .leaflet-popup-content script") == 0
    assert XSS["name"] in popup and XSS["source"] in popup
    assert XSS["sentence"] in popup
    assert XSS["name"] in tooltip
    assert XSS["name"] in " ".join(page.texts(".leaflet-popup-content b"))
    assert XSS["name"] in page.texts(".fm-label-place")  # the permanent label, literally
    page.page.get_by_text("item(s) left out").click()  # details on request
    assert XSS["claim"] in " ".join(page.texts(".fm-panel li"))  # left out (a share of a town), inert
    page.assert_clean()
