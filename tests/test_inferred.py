"""Tests for frontmap.reading.events: control events from text, and control inferred from them.

Sentences are written for these tests; place names are invented (Ostrivka, Bilohir, ...), so the only
thing that decides an event is the phrasing around the mention.
"""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from frontmap.control.inferred import InferredControl, infer_control
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import distance_km
from frontmap.reading.events import ControlEvent, find_control_events

NAMES = ["Ostrivka", "Bilohir", "Zorivka", "Tykhodar", "Nova Hora", "Krainiv", "Pryluzhne"]
PLACES = {
    n: Place(f"t:{n}", n, "settlement", 48.0 + i * 0.1, 36.0 + i * 0.1, "UA") for i, n in enumerate(NAMES)
}
REGION = Place("t:region", "Stepova Oblast", "region", 47.5, 35.0, "UA")
COUNTRY_PLACE = Place("t:ua", "Ukraine", "country", 49.0, 31.0, "UA")
_NAME_RX = re.compile("|".join([*NAMES, "Stepova Oblast", "Ukraine"]))


def mentions(text, role="location"):
    """Mentions of the invented places in ``text`` (what the reader would produce)."""
    out = []
    for m in _NAME_RX.finditer(text):
        place = {"Stepova Oblast": REGION, "Ukraine": COUNTRY_PLACE}.get(m.group()) or PLACES[m.group()]
        out.append(SimpleNamespace(text=m.group(), start=m.start(), end=m.end(), place=place, role=role))
    return out


def events(text, published="2023-03-01"):
    return [(e.place.name, e.side) for e in find_control_events(text, mentions(text), published=published)]


# --------------------------------------------------------------------------------------- phrasings
POSITIVE = [
    # Ukraine regains
    ("retook", "Ukrainian troops retook Ostrivka after a week of fighting.", [("Ostrivka", "ukraine")]),
    ("recaptured-no-subject", "Soldiers recaptured Bilohir overnight.", [("Bilohir", "ukraine")]),
    ("liberated-adjective", "Aid reached the recently liberated city of Zorivka.", [("Zorivka", "ukraine")]),
    ("liberated-in", "Power returned in liberated Tykhodar.", [("Tykhodar", "ukraine")]),
    ("freed", "The brigade freed Krainiv from occupation.", [("Krainiv", "ukraine")]),
    ("reclaimed", "Kyiv's army reclaimed the village of Ostrivka.", [("Ostrivka", "ukraine")]),
    ("regained-control", "Ukraine regained control of Nova Hora.", [("Nova Hora", "ukraine")]),
    ("took-back", "Ukraine took back Pryluzhne after the dam burst.", [("Pryluzhne", "ukraine")]),
    ("liberation-of", "Crowds cheered the liberation of Bilohir.", [("Bilohir", "ukraine")]),
    ("returned-control", "The operation returned control of Zorivka to Kyiv.", [("Zorivka", "ukraine")]),
    ("flag-raised", "A Ukrainian flag was raised over Krainiv this morning.", [("Krainiv", "ukraine")]),
    ("formerly-occupied", "Teams cleared mines in formerly occupied Ostrivka.", [("Ostrivka", "ukraine")]),
    ("passive-by-ukraine", "Bilohir was recaptured by Ukraine last week.", [("Bilohir", "ukraine")]),
    ("participle", "Tykhodar, liberated two weeks ago, still has no water.", [("Tykhodar", "ukraine")]),
    ("back-in-hands", "Nova Hora is back in Ukrainian hands.", [("Nova Hora", "ukraine")]),
    (
        "list",
        "Ukrainian forces recaptured Ostrivka, Bilohir and Zorivka.",
        [("Ostrivka", "ukraine"), ("Bilohir", "ukraine"), ("Zorivka", "ukraine")],
    ),
    (
        "passive-list",
        "Krainiv and Pryluzhne were liberated.",
        [("Krainiv", "ukraine"), ("Pryluzhne", "ukraine")],
    ),
    (
        "apposition",
        "Krainiv, a small town 20 km south of Bilohir, was retaken on Monday.",
        [("Krainiv", "ukraine")],
    ),
    (
        "which-ukraine",
        "Shells hit Ostrivka, which Ukrainian forces retook in May.",
        [("Ostrivka", "ukraine")],
    ),
    # Russia takes
    ("captured-by-subject", "Russian forces captured the village of Tykhodar.", [("Tykhodar", "russia")]),
    ("russia-captured", "Russia captured Krainiv after a long siege.", [("Krainiv", "russia")]),
    ("seized", "Moscow's troops seized the strategic town of Bilohir.", [("Bilohir", "russia")]),
    ("took", "Wagner fighters took Zorivka.", [("Zorivka", "russia")]),
    ("took-all-of", "Wagner fighters took all of Zorivka.", [("Zorivka", "russia")]),
    ("took-control", "Russian units took control of Nova Hora.", [("Nova Hora", "russia")]),
    ("russian-occupied", "Life in Russian-occupied Ostrivka is hard.", [("Ostrivka", "russia")]),
    ("occupied-adjective", "Partisans in occupied Pryluzhne blew up a depot.", [("Pryluzhne", "russia")]),
    ("russian-held", "A drone struck Russian-held Krainiv.", [("Krainiv", "russia")]),
    ("fell-to", "Bilohir fell to Russian forces after months of fighting.", [("Bilohir", "russia")]),
    ("passive-by-russia", "Zorivka was captured by Russian troops in spring.", [("Zorivka", "russia")]),
    (
        "participle-by",
        "Tykhodar, occupied by Russia since the first week, is cut off.",
        [("Tykhodar", "russia")],
    ),
    ("under-control", "Ostrivka remains under Russian control.", [("Ostrivka", "russia")]),
    ("annexed", "Russia annexed Stepova Oblast in a sham vote.", [("Stepova Oblast", "russia")]),
    ("capture-of-by", "The capture of Krainiv by Russian forces was confirmed.", [("Krainiv", "russia")]),
    ("russia-says", "The Russian military said it had captured Nova Hora.", [("Nova Hora", "russia")]),
    ("in-may", "In May Russian forces captured Bilohir.", [("Bilohir", "russia")]),
    # the subject decides
    ("ukraine-captured", "Ukrainian forces captured Pryluzhne.", [("Pryluzhne", "ukraine")]),
    ("russia-retook", "Russian forces retook Zorivka.", [("Zorivka", "russia")]),
    ("subject-after-said", "Kyiv's officials said Russian troops entered Krainiv.", [("Krainiv", "russia")]),
    ("subject-far", "Ukrainian troops, backed by artillery, captured Ostrivka.", [("Ostrivka", "ukraine")]),
    # withdrawals: the side that withdraws loses the place
    ("russia-withdrew", "Russian forces withdrew from Bilohir.", [("Bilohir", "ukraine")]),
    ("ukraine-withdrew", "Ukrainian troops withdrew from Tykhodar.", [("Tykhodar", "russia")]),
    ("pulled-out", "The Ukrainian army pulled out of Nova Hora.", [("Nova Hora", "russia")]),
    (
        "withdrawal-noun",
        "Moscow announced the withdrawal of its troops from Krainiv.",
        [("Krainiv", "ukraine")],
    ),
    ("retreated", "Russian units retreated from Zorivka.", [("Zorivka", "ukraine")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in POSITIVE], ids=[c[0] for c in POSITIVE])
def test_phrasings(text, expected):
    assert events(text) == expected


NEGATIVE = [
    ("accused-of-shelling", "Russia accused Ukraine of shelling Ostrivka."),
    ("plan-to-recapture", "Kyiv announced a plan to recapture Bilohir."),
    ("push-for-liberation", "Officials discussed the push for the liberation of Zorivka."),
    ("not-yet", "Ukrainian forces have not yet retaken Tykhodar."),
    ("could", "Ukrainian forces could recapture Krainiv soon."),
    ("could-passive", "Nova Hora could be recaptured by Ukraine."),
    ("trying-to-capture", "Officials said Russian forces were trying to capture Pryluzhne."),
    ("outskirts", "Russian troops captured the outskirts of Ostrivka."),
    ("denied", "Kyiv denied that Russian forces had captured Bilohir."),
    ("population", "About 80% of the population of Zorivka has left."),
    ("no-subject-capture", "The town of Tykhodar was captured in the spring."),
    ("near", "Russian forces near Krainiv shelled the roads."),
    ("attack", "Russia attacked Nova Hora with drones."),
    ("not-passive", "Volunteers from Pryluzhne liberated nobody."),
    ("country-ignored", "Russia invaded Ukraine and occupied Ukraine's south."),
]


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVE], ids=[c[0] for c in NEGATIVE])
def test_no_event(text):
    assert events(text) == []


@pytest.mark.xfail(strict=True, reason="known miss: a passive after a relative clause is not linked back")
def test_known_miss_relative_clause_then_passive():
    text = "Ostrivka, which Russia captured in March, was freed in November."
    assert events(text) == [("Ostrivka", "russia"), ("Ostrivka", "ukraine")]


def test_only_the_sentence_counts():
    text = "Ukrainian troops retook the hills. Bilohir lies beyond them."
    assert events(text) == []


def test_metonymy_and_unresolved_mentions_are_ignored():
    text = "Ukrainian troops retook Ostrivka."
    ms = mentions(text, role="metonymy")
    assert find_control_events(text, ms) == []
    unresolved = [SimpleNamespace(text=m.text, start=m.start, end=m.end, place=None) for m in mentions(text)]
    assert find_control_events(text, unresolved) == []


# -------------------------------------------------------------------------------------- provenance
def test_event_records_provenance():
    text = "Shelling went on. Russian forces captured the village of Tykhodar on 4 May. Aid is blocked."
    (e,) = find_control_events(text, mentions(text), published="2023-06-01", source="wire-17")
    assert isinstance(e, ControlEvent)
    assert e.text == text[e.start : e.end] == "captured"
    assert e.sentence == "Russian forces captured the village of Tykhodar on 4 May."
    assert (e.source, e.date, e.place is PLACES["Tykhodar"]) == ("wire-17", dt.date(2023, 5, 4), True)
    assert e.to_dict()["place"]["name"] == "Tykhodar"


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        ("Ukraine retook Bilohir.", "2022-09-12", dt.date(2022, 9, 12)),
        ("Ukraine retook Bilohir on September 10.", "2022-09-12", dt.date(2022, 9, 10)),
        ("Ukraine retook Bilohir on Sept. 10.", "2022-09-12", dt.date(2022, 9, 10)),
        ("On Saturday, September 10th, Ukraine retook Bilohir.", dt.date(2022, 9, 12), dt.date(2022, 9, 10)),
        ("Ukraine retook Bilohir on 10 September 2021.", "2022-09-12", dt.date(2021, 9, 10)),
        ("Ukraine retook Bilohir on December 30.", "2023-01-03", dt.date(2022, 12, 30)),
        ("Ukraine retook Bilohir on September 10.", None, None),
        ("Ukraine retook Bilohir on September 10, 2022.", None, dt.date(2022, 9, 10)),
        ("Ukraine retook Bilohir on Saturday.", dt.datetime(2022, 9, 12, 8, 30), dt.date(2022, 9, 12)),
        ("Ukraine retook Bilohir on February 30.", "2022-09-12", dt.date(2022, 9, 12)),
        (
            "It began on September 6, and two days later Ukraine retook Bilohir.",
            "2022-09-12",
            dt.date(2022, 9, 12),
        ),
        ("Shelling stopped on May 2; Ukraine retook Bilohir on May 4.", "2022-09-12", dt.date(2022, 5, 4)),
    ],
    ids=[
        "published",
        "on-month-day",
        "abbreviated-month",
        "weekday-ordinal",
        "day-month-year",
        "previous-year",
        "no-published-no-year",
        "explicit-year",
        "weekday-only",
        "impossible-day",
        "relative-to-another-date",
        "nearest-date",
    ],
)
def test_event_dates(sentence, published, expected):
    (e,) = find_control_events(sentence, mentions(sentence), published=published)
    assert e.date == expected


# ------------------------------------------------------------------------------------- robustness
@pytest.mark.parametrize(
    "text, ms",
    [
        ("", []),
        (None, []),
        (42, []),
        ("Ukraine retook Ostrivka.", None),
        (
            "Ukraine retook Ostrivka.",
            [SimpleNamespace(text="Ostrivka", start=500, end=508, place=PLACES["Ostrivka"])],
        ),
        (
            "Ukraine retook Ostrivka.",
            [SimpleNamespace(text="x", start="a", end=None, place=PLACES["Ostrivka"])],
        ),
        ("Ukraine retook Ostrivka.", [object()]),
    ],
    ids=["empty", "none", "int", "no-mentions", "offsets-out-of-range", "bad-offsets", "not-a-mention"],
)
def test_odd_input_gives_no_events(text, ms):
    assert find_control_events(text, ms) == []


def test_pathological_text_is_handled():
    text = "the city of " * 5000 + "Ostrivka" + ", and" * 5000 + " was liberated."
    assert find_control_events(text, mentions(text)) == []  # the trigger is beyond the window
    text = ("retook " * 3000) + "Ostrivka."
    assert [(e.place.name, e.side) for e in find_control_events(text, mentions(text))] == [
        ("Ostrivka", "ukraine")
    ]


_TOKENS = [*"abc ,.;'-\nRUkrainsfoedtlbyw", "Ostrivka", " retook ", " by ", " Russian ", " was ", "occupied "]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_TOKENS), max_size=80).map("".join),
    st.lists(st.tuples(st.integers(-5, 300), st.integers(-5, 300)), max_size=6),
)
def test_never_raises_on_random_text(text, spans):
    ms = [SimpleNamespace(text="", start=a, end=b, place=PLACES["Ostrivka"]) for a, b in spans]
    ms += mentions(text)
    for e in find_control_events(text, ms, published="2022-01-01"):
        assert e.text == text[e.start : e.end] and e.side in ("ukraine", "russia")


# ----------------------------------------------------------------------------------------- infer
COUNTRY = box(34.0, 47.0, 40.0, 51.0)


def place(name, lon, lat, kind="settlement"):
    return Place(f"p:{name}", name, kind, lat, lon, "UA")


def ev(p, side, date=None):
    return ControlEvent(p, side, dt.date.fromisoformat(date) if date else None, "x", 0, 1, "x", "test")


WEST = [place("W1", 35.0, 48.0), place("W2", 35.5, 49.0), place("W3", 35.0, 50.0)]
EAST = [place("E1", 38.0, 48.0), place("E2", 38.5, 49.0), place("E3", 38.0, 50.0)]


def test_line_separates_the_two_sides():
    inf = infer_control([ev(p, "ukraine") for p in WEST] + [ev(p, "russia") for p in EAST], country=COUNTRY)
    assert isinstance(inf, InferredControl) and inf.inferred is True and inf.reason is None
    assert inf.label == "inferred from 6 reports about 6 places"
    assert {k: [p.name for p in v] for k, v in inf.held.items()} == {
        "ukraine": ["W1", "W2", "W3"],
        "russia": ["E1", "E2", "E3"],
    }
    minx, miny, maxx, maxy = inf.line.bounds
    assert 35.5 < minx and maxx < 38.0  # between the westmost Russian and eastmost Ukrainian place
    assert miny == pytest.approx(47.0, abs=0.01) and maxy == pytest.approx(51.0, abs=0.01)  # clipped
    assert COUNTRY.buffer(1e-5).covers(inf.line)  # ~1 m: the clip is made in a projected plane
    # every stretch is as far from its two places, and its uncertainty is half their distance
    for s in inf.segments:
        mid = s.line.interpolate(0.5, normalized=True)
        assert distance_km(mid, s.ukraine) == pytest.approx(distance_km(mid, s.russia), rel=0.01)
        assert s.uncertainty_km == pytest.approx(distance_km(s.ukraine, s.russia) / 2)
    assert inf.uncertainty_km == max(s.uncertainty_km for s in inf.segments)
    assert inf.band.buffer(1e-5).covers(inf.line) and COUNTRY.buffer(1e-5).covers(inf.band)


def test_two_places_give_the_perpendicular_bisector():
    a, b = place("A", 36.0, 49.0), place("B", 38.0, 49.0)
    inf = infer_control([ev(a, "ukraine"), ev(b, "russia")], country=COUNTRY)
    assert inf.line.geom_type == "LineString"
    for frac in (0.1, 0.5, 0.9):
        pt = inf.line.interpolate(frac, normalized=True)
        assert distance_km(pt, a) == pytest.approx(distance_km(pt, b), rel=2e-3)
    assert inf.uncertainty_km == pytest.approx(distance_km(a, b) / 2)


def test_latest_event_per_place_wins():
    a, b = place("A", 36.0, 49.0), place("B", 38.0, 49.0)
    evs = [
        ev(a, "russia", "2022-03-01"),
        ev(a, "ukraine", "2022-09-10"),
        ev(b, "ukraine"),  # undated: older than any dated event
        ev(b, "russia", "2022-04-01"),
    ]
    inf = infer_control(evs, country=COUNTRY)
    assert {e.place.name: e.side for e in inf.events} == {"A": "ukraine", "B": "russia"}
    before = infer_control(evs, country=COUNTRY, until="2022-06-01")
    assert {e.place.name: e.side for e in before.events} == {"A": "russia", "B": "russia"}
    assert before.line is None and "ukraine" in before.reason


def test_undated_events_keep_input_order():
    a, b = place("A", 36.0, 49.0), place("B", 38.0, 49.0)
    inf = infer_control([ev(a, "russia"), ev(a, "ukraine"), ev(b, "russia")], country=COUNTRY)
    assert {e.place.name: e.side for e in inf.events} == {"A": "ukraine", "B": "russia"}


@pytest.mark.parametrize(
    "evs, reason",
    [
        ([], "0 place"),
        ([ev(WEST[0], "ukraine")], "1 place"),
        ([ev(p, "ukraine") for p in WEST], "russia"),
        ([ev(place("R", 36.0, 49.0, "region"), "russia"), *[ev(p, "ukraine") for p in WEST]], "russia"),
    ],
    ids=["nothing", "one-place", "one-side", "region-only-on-one-side"],
)
def test_no_line_says_why(evs, reason):
    inf = infer_control(evs, country=COUNTRY)
    assert inf.line is None and inf.band is None and inf.segments == () and inf.uncertainty_km is None
    assert reason in inf.reason
    assert len(inf.to_geodataframe()) == len(inf.events)


def test_regions_are_held_but_not_used_for_the_line():
    r = place("R", 37.0, 49.0, "region")
    inf = infer_control([ev(WEST[0], "ukraine"), ev(EAST[0], "russia"), ev(r, "russia")], country=COUNTRY)
    assert [p.name for p in inf.held["russia"]] == ["E1", "R"]
    assert {(s.ukraine.name, s.russia.name) for s in inf.segments} == {("W1", "E1")}


def test_to_geodataframe():
    inf = infer_control([ev(p, "ukraine") for p in WEST] + [ev(p, "russia") for p in EAST], country=COUNTRY)
    gdf = inf.to_geodataframe()
    assert gdf.crs.to_epsg() == 4326
    assert list(gdf["record"].value_counts().sort_index().items()) == [
        ("band", 1),
        ("line", len(inf.segments)),
        ("place", 6),
    ]
    assert gdf["inferred"].all() and (gdf["label"] == inf.label).all()
    places = gdf[gdf["record"] == "place"]
    assert all(isinstance(g, Point) for g in places.geometry)
    lines = shapely.union_all(list(gdf[gdf["record"] == "line"].geometry))
    assert lines.symmetric_difference(inf.line).length < 1e-6


def test_events_from_text_feed_inference():
    a, b = place("A", 36.0, 49.0), place("B", 38.0, 49.0)
    text = "Ukrainian troops retook A on 10 September. Russian forces held B, which Russia seized in March."
    ms = [
        SimpleNamespace(text="A", start=text.index(" A ") + 1, end=text.index(" A ") + 2, place=a),
        SimpleNamespace(text="B", start=text.index(" B,") + 1, end=text.index(" B,") + 2, place=b),
    ]
    evs = find_control_events(text, ms, published="2022-09-12")
    assert [(e.place.name, e.side) for e in evs] == [("A", "ukraine"), ("B", "russia")]
    assert infer_control(evs, country=COUNTRY).line is not None
