"""The acceptance test of issue 14: the default output of ``frontmap map examples/*.txt -o map.html``,
opened in headless Chromium with every request aborted, is a complete map a reader can orient on."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontmap.cli import main

pytestmark = pytest.mark.browser

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))
#: Places each example story is about: their labels must be on the page without hovering.
MAIN_PLACES = ("Kyiv", "Kharkiv", "Izium", "Kupiansk", "Avdiivka", "Bakhmut", "Kherson", "Nova Kakhovka")


def visible_labels(page) -> list[str]:
    return page.page.eval_on_selector_all(
        ".fm-label",
        "els => els.filter(e => getComputedStyle(e).visibility === 'visible').map(e => e.textContent)",
    )


def test_default_map_of_the_examples_works_with_no_network(browser, tmp_path, capsys):
    out = tmp_path / "map.html"
    assert main(["map", *map(str, EXAMPLES), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert all(len(line) < 300 for line in err.splitlines())  # a short summary, not kilobytes

    page = browser.open(out, network=False, settle_ms=600, screenshot="examples_default_map")

    assert [u for u in page.requested if not u.endswith("/map.html")] == []
    page.assert_clean()  # no JS error, no console error, nothing requested
    assert page.count(".leaflet-marker-pane > .frontmap-pin") >= 20
    assert page.count(".leaflet-overlay-pane path.leaflet-interactive") >= 10  # claims, checks, regions
    assert page.count(".leaflet-pane path") >= 40  # the basemap: land, oblasts, water, rivers
    labels = visible_labels(page)
    assert set(MAIN_PLACES) <= set(labels), sorted(set(MAIN_PLACES) - set(labels))
    assert any(t.endswith("Oblast") for t in labels)  # oblast names, permanently
    broken = page.page.eval_on_selector_all(
        "img", "els => els.filter(e => !e.complete || !e.naturalWidth).length"
    )
    assert broken == 0
    html = out.read_text(encoding="utf-8")
    assert str(EXAMPLES[0].parent) not in html  # popups name files, never their folders
    assert "kharkiv_counteroffensive.txt" in html


def test_popups_of_a_much_named_place_stay_short(browser, tmp_path):
    out = tmp_path / "map.html"
    assert main(["map", *map(str, EXAMPLES), "-o", str(out), "-q"]) == 0
    page = browser.open(out, network=False)
    kyiv = page.page.locator(".leaflet-marker-pane > .frontmap-pin").nth(0)
    kyiv.dispatch_event("click")
    text = page.page.locator(".leaflet-popup-content").last.inner_text()
    page.screenshot("examples_popup")
    assert text.count("“") <= 3
    page.assert_clean()


def test_the_slider_shows_one_snapshot_at_a_time(browser, tmp_path, map_records):
    import frontmap

    r = map_records
    m = frontmap.draw(r.first, r.control_before, r.control_after, check=False)
    m.save(str(tmp_path / "slider.html"))
    page = browser.open(tmp_path / "slider.html", network=False)
    held = "path[fill='#d32f2f']"
    assert page.count(held) == 1  # the latest control map
    page.page.get_by_text("Timeline (date slider)").click()
    page.page.wait_for_selector(".timecontrol-date")
    for _ in range(3):
        assert page.count(held) == 1  # the slider's snapshot only
        page.page.locator(".timecontrol-forward").click()
        page.page.wait_for_timeout(150)
    page.screenshot("slider_one_snapshot")
    page.page.get_by_text("Timeline (date slider)").click()
    page.page.wait_for_timeout(150)
    assert page.count(held) == 1  # the control map is back
    page.assert_clean()
