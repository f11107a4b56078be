"""Saved maps opened in a real headless Chromium with no network (marker ``browser``).

The harness (``tests/browser.py``) answers every asset request from ``node_modules/`` and records
anything it cannot serve; each test asserts the page reported no problem, then inspects the DOM.
Screenshots land in ``artifacts/``.
"""

from __future__ import annotations

import folium
import pytest

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
