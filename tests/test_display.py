"""Tests for how records show themselves in notebooks and tables: one-line reprs, ``_repr_html_``
(escaped, numbers rounded for people), ``fm.verdicts_frame`` and ``ControlMap.series`` over time.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from shapely.geometry import box

import frontmap as fm
from frontmap._display import esc, highlight, html_table, number, people_round, svg_shapes
from frontmap.checks import Verdict
from frontmap.control.controlmap import ControlMap, change
from frontmap.gazetteer.place import Place
from frontmap.reading.article import Article, Mention
from frontmap.reading.claims import AreaClaim, DistanceClaim, ShareClaim

EVIL = "<script>alert('x')</script> & Co"
KHARKIV = Place("t:kharkiv", "Kharkiv", "settlement", 49.98177, 36.25475, "UA", "Kharkiv Oblast", 1421125)
BALAKLIIA = Place("t:balakliia", "Balakliia", "settlement", 49.45595, 36.84433, "UA", "Kharkiv Oblast", 26334)
NASTY = Place("t:nasty", EVIL, "region", 48.5, 31.5, "UA", admin1=EVIL, _geometry=box(31, 48, 32, 49))
TEXT = f"Balakliia, 72 km southeast of Kharkiv. {EVIL} said so."
DIST = DistanceClaim(
    "72 km southeast of Kharkiv",
    11,
    37,
    sentence="Balakliia, 72 km southeast of Kharkiv.",
    source="a&b.txt",
    value=72,
    km=72,
    value_text="72",
    direction="SE",
    bearing_deg=135.0,
    anchor=KHARKIV,
    subject=BALAKLIIA,
)
ARTICLE = Article(
    TEXT,
    source="a&b.txt",
    published=dt.date(2022, 9, 8),
    mentions=(
        Mention("Balakliia", 0, 9, BALAKLIIA),
        Mention("Kharkiv", 30, 37, KHARKIV),
        Mention(EVIL, 39, 39 + len(EVIL), NASTY),
    ),
    claims=(DIST,),
)


def verdict(status: str = "consistent", explanation: str = "Balakliia lies 72.3 km from Kharkiv") -> Verdict:
    return Verdict("distance", status, 72.0, 72.3, "km", 72.3 / 72, 0.1, DIST, explanation=explanation)


def assert_escaped(html: str) -> None:
    assert "<script>" not in html and "</script>" not in html
    assert "&lt;script&gt;" in html
    assert "&amp; Co" in html and " & Co" not in html


# ------------------------------------------------------------------------------------------ escaping
@pytest.mark.parametrize(
    "make",
    [
        lambda: ARTICLE._repr_html_(),
        lambda: NASTY._repr_html_(),
        lambda: verdict(explanation=EVIL)._repr_html_(),
        lambda: ControlMap(box(36, 49, 38, 50), "2022-09-06", name=EVIL)._repr_html_(),
        lambda: ShareClaim(EVIL, 0, len(EVIL), sentence=EVIL, value=0.2, of=NASTY)._repr_html_(),
        lambda: html_table(("a", "b"), [(EVIL, 1)], caption="x"),
        lambda: highlight(EVIL, [(0, 8, "#ff0000", EVIL)]),
    ],
    ids=["article", "place", "verdict", "controlmap", "claim", "table", "highlight"],
)
def test_html_escapes_markup_and_ampersands(make):
    assert_escaped(make())


def test_escaped_attribute_values_cannot_break_out():
    html = highlight("Kyiv", [(0, 4, '"><img src=x onerror=alert(1)>', 'a"b')])
    assert "<img" not in html and "&quot;&gt;&lt;img" in html
    assert esc('a"b') == "a&quot;b"


def test_article_html_marks_every_mention_and_claim_and_nests_places_in_claims():
    html = ARTICLE._repr_html_()
    assert html.count("<mark") == 1 + 3  # the claim and the three mentions
    claim_at = html.index("72 km southeast of ")
    assert html.index(">Kharkiv</mark></mark>") > claim_at  # Kharkiv marked inside the claim
    assert "a&amp;b.txt" in html and "2022-09-08" in html


def test_verdict_html_shows_a_coloured_status_and_its_numbers():
    html = verdict("inconsistent")._repr_html_()
    assert "#c62828" in html and ">inconsistent<" in html
    assert "72 km" in html and "72.3 km" in html and "1.004" in html


def test_place_html_lists_the_record_and_draws_an_area():
    assert "<svg" in NASTY._repr_html_() and "<svg" not in KHARKIV._repr_html_()
    html = KHARKIV._repr_html_()
    assert "1,421,125" in html and "49.98177°N" in html


def test_controlmap_and_change_html_show_a_small_map_and_rounded_figures():
    a = ControlMap(box(37.0, 49.0, 38.0, 50.0), "2022-09-06")
    b = ControlMap(box(37.5, 49.0, 38.0, 50.0), "2022-09-12")
    html = a._repr_html_()
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    ET.fromstring(svg)  # well-formed
    assert "8,056 km²" in html and "2022-09-06" in html
    ch = change(a, b)
    html = ch._repr_html_()
    assert "<svg" in html and "4,028 km²" in html and "-4,028 km²" in html
    assert not re.search(r"\de-\d", html)  # no 1.9e-12 anywhere


# ------------------------------------------------------------------------------------------- reprs
def test_article_repr_is_one_short_line_of_counts():
    text = "Balakliia, 72 km southeast of Kharkiv. " * 200
    art = Article(text, source="long.txt", mentions=ARTICLE.mentions * 50, claims=(DIST,) * 20)
    r = repr(art)
    assert "\n" not in r and len(r) < 160
    assert "7,800 chars" in r and "150 mentions of 3 places" in r and "20 claims" in r


def test_read_article_repr_is_short(tmp_path):
    art = fm.read("Ukrainian forces recaptured Balakliia, a town 74 km (46 miles) southeast of Kharkiv.")
    assert len(repr(art)) < 120 and "2 mentions of 2 places, 1 claim" in repr(art)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (DIST, "DistanceClaim('72 km southeast of Kharkiv': 72 km SE of Kharkiv (subject Balakliia))"),
        (KHARKIV, "Place('Kharkiv', settlement, 49.9818°N 36.2548°E, Kharkiv Oblast, UA, pop. 1,421,125"),
        (
            verdict(),
            "Verdict(distance consistent: stated 72 km, measured 72.3 km; '72 km southeast of Kharkiv')",
        ),
        (AreaClaim("6,000 km²", 0, 9, value=6000, km2=6000, change="regained"), "6,000 km² regained"),
    ],
    ids=["claim", "place", "verdict", "area"],
)
def test_reprs_are_one_informative_line(record, expected):
    r = repr(record)
    assert r.startswith(expected) or expected in r
    assert "\n" not in r and len(r) < 200


# ------------------------------------------------------------------------------------------ numbers
@pytest.mark.parametrize(
    ("x", "unit", "text"),
    [
        (1.907349e-12, "km²", "0 km²"),
        (-3e-9, "km²", "0 km²"),
        (6012.4, "km²", "6,012 km²"),
        (74.0, "km", "74 km"),
        (72.34, "km", "72.3 km"),
        (0.0123, "", "0.012"),
        (None, "km", "–"),
        (float("nan"), "km", "–"),
    ],
)
def test_numbers_are_rounded_for_people(x, unit, text):
    assert number(x, unit) == text


def test_people_round_removes_overlay_noise_only():
    assert people_round(1.9e-12) == 0.0 and people_round(0.5) == 0.5


def test_change_by_region_has_no_float_noise():
    a = ControlMap(box(37.0, 49.0, 38.0, 50.0), "2022-09-06")
    b = ControlMap(box(37.5, 49.0, 38.0, 50.0), "2022-09-12")
    df = change(a, b).by_region()
    for col in ("gained_km2", "lost_km2", "net_km2"):
        assert ((df[col] == 0) | (df[col].abs() >= 1e-6)).all()


def test_svg_of_nothing_is_empty():
    assert svg_shapes([]) == ""


# ------------------------------------------------------------------------------------ tables of records
def test_verdicts_frame_is_a_geodataframe_one_row_per_verdict():
    pytest.importorskip("geopandas")
    vs = [verdict("consistent"), verdict("inconsistent")]
    gdf = fm.verdicts_frame(vs)
    assert len(gdf) == 2 and gdf.crs.to_epsg() == 4326
    assert list(gdf["status"]) == ["consistent", "inconsistent"]
    assert gdf.loc[0, "claim"] == "72 km southeast of Kharkiv" and gdf.loc[0, "source"] == "a&b.txt"
    assert gdf.geometry[0].y == pytest.approx(DIST.point().y)
    plain = fm.verdicts_frame(vs, geometry=False)
    assert "geometry" not in plain.columns and plain["measured"].tolist() == [72.3, 72.3]


def test_verdicts_frame_of_checked_articles():
    pytest.importorskip("geopandas")
    art = fm.read("Ukrainian forces recaptured Balakliia, a town 74 km (46 miles) southeast of Kharkiv.")
    vs = fm.check(art)
    gdf = fm.verdicts_frame(vs)
    assert len(gdf) == len(vs) and set(gdf["check"]) >= {"distance", "conversion"}


def test_article_and_controlmap_to_geodataframe():
    pytest.importorskip("geopandas")
    gdf = ARTICLE.to_geodataframe()
    assert list(gdf["record"]) == ["mention"] * 3 + ["claim"] and gdf.crs.to_epsg() == 4326
    cm = ControlMap(box(37.0, 49.0, 38.0, 50.0), "2022-09-06")
    assert cm.to_geodataframe().loc[0, "area_km2"] == pytest.approx(8056, abs=1)


# -------------------------------------------------------------------------------- control over time
def _series(tmp_path):
    import json

    from shapely.geometry import mapping

    for day, west in (("2022-09-13", 37.5), ("2022-09-06", 37.0), ("2022-10-01", 37.8)):
        geom = mapping(box(west, 49.0, 38.0, 50.0))
        feature = {"type": "Feature", "properties": {}, "geometry": geom}
        (tmp_path / f"occupied_{day}.geojson").write_text(
            json.dumps({"type": "FeatureCollection", "features": [feature]})
        )
    return ControlMap.series(tmp_path)


def test_series_is_still_a_list_of_maps_sorted_by_date(tmp_path):
    s = _series(tmp_path)
    assert isinstance(s, list) and isinstance(s, fm.ControlSeries) and len(s) == 3
    first, *_ = s
    maps: list = []
    maps += s
    assert first.date == dt.date(2022, 9, 6) and maps[-1].date == dt.date(2022, 10, 1)
    assert "3 maps, 2022-09-06 .. 2022-10-01" in repr(s)


def test_series_frame_has_a_date_index_area_and_share(tmp_path):
    import pandas as pd

    s = _series(tmp_path)
    df = s.to_frame()
    assert isinstance(df.index, pd.DatetimeIndex) and df.index.name == "date"
    assert list(df.index.date) == [dt.date(2022, 9, 6), dt.date(2022, 9, 13), dt.date(2022, 10, 1)]
    assert list(df.columns[:3]) == ["area_km2", "share", "change_km2"]
    assert df["area_km2"].tolist() == pytest.approx([cm.area_km2() for cm in s])
    assert df["share"].tolist() == pytest.approx([cm.share_of("Ukraine") for cm in s])
    assert pd.isna(df["change_km2"].iloc[0])
    assert df["change_km2"].iloc[1] == pytest.approx(s[1].area_km2() - s[0].area_km2())


def test_series_plot_draws_the_area_over_time_with_a_share_scale(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    s = _series(tmp_path)
    ax = s.plot()
    try:
        (line,) = ax.get_lines()
        assert line.get_ydata().tolist() == pytest.approx([cm.area_km2() / 1000 for cm in s])
        assert "thousand km²" in ax.get_ylabel()
        labels = [a.get_ylabel() for a in ax.child_axes] + [
            a.get_ylabel() for a in ax.figure.axes if a is not ax
        ]
        assert any("share of Ukraine" in t for t in labels)
    finally:
        plt.close(ax.figure)


def test_series_html_is_a_table_of_rounded_figures(tmp_path):
    html = _series(tmp_path)._repr_html_()
    assert "8,056 km²" in html and "-4,028 km²" in html and "2022-09-13" in html
    assert html.count("<tr>") == 4
