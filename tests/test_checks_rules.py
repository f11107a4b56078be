"""One test per rule of the checks (issue 12), each with its own made-up sentence and synthetic places and
control maps (boxes measured here with frontmap.geometry.area_km2, never written down)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from shapely.geometry import LineString, box

from frontmap.checks import check
from frontmap.checks.against import bracket, claim_change
from frontmap.checks.pairs import consensus, group_checks
from frontmap.checks.periods import claim_period
from frontmap.control.controlmap import ControlMap, change
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import destination
from frontmap.quantities.tolerance import check_interval, distance_basis, place_radius_km, share_interval
from frontmap.reading.article import Article, Mention
from frontmap.reading.claims import AreaClaim, DistanceClaim, ShareClaim

D = dt.date
ANCHOR = Place("r:anchor", "Oldtown", "settlement", 49.0, 35.0, "UA", "North Oblast", 1000)
LAND = Place("r:land", "Landia", "country", 49.0, 33.0, "UA", _geometry=box(30.0, 47.0, 36.0, 51.0))
NORTH = Place("r:north", "North Oblast", "region", 50.0, 33.0, "UA", "North Oblast",
              _geometry=box(30.0, 49.0, 36.0, 51.0))  # fmt: skip


def town(name: str, km: float, bearing: float = 90.0, **kw) -> Place:
    p = destination(ANCHOR, km, bearing)
    return Place(f"r:{name}", name, "settlement", p.y, p.x, "UA", "North Oblast", **kw)


def dist(text: str, km: float, subject=None, anchor=ANCHOR, qualifier=None, direction=None, **kw):
    return DistanceClaim(text, 0, len(text), value=km, km=km, value_text=f"{km:g}", qualifier=qualifier,
                         direction=direction, anchor=anchor, subject=subject, **kw)  # fmt: skip


def area(text, km2, change=None, qualifier=None, value_text=None, sentence="", **kw):
    return AreaClaim(text, 0, len(text), sentence=sentence or text, value=km2, km2=km2, qualifier=qualifier,
                     value_text=value_text or f"{km2:,.0f}", change=change, **kw)  # fmt: skip


def only(verdicts, name):
    found = [v for v in verdicts if v.check == name]
    assert len(found) == 1, [(v.check, v.status, v.explanation) for v in verdicts]
    return found[0]


# --- extent-aware distances --------------------------------------------------------------------------


def test_extent_of_both_places_widens_a_distance():
    # centres 10.5 km apart; a 9 km figure fits once both villages' extents and a point's uncertainty count
    far = town("Brightfield", 10.5, extent_km=0.8, uncertainty_km=0.6)
    near = Place("r:a2", "Oldtown", "settlement", ANCHOR.lat, ANCHOR.lon, "UA", extent_km=0.5)
    v = only(check([dist("Brightfield is 9 km from Oldtown", 9, far, anchor=near)]), "distance")
    assert v.status == "consistent"
    assert v.numbers["subject"]["extent_km"] == 0.8 and v.numbers["subject"]["uncertainty_km"] == 0.6
    assert v.numbers["slack_km"] == pytest.approx(1.9)
    assert v.numbers["subject"]["point"] == [round(far.lon, 6), round(far.lat, 6)]


def test_extent_shortens_a_distance_but_never_lengthens_it():
    # a big town 20 km away: "12 km" may be measured from its edge; "26 km" is no one's straight line
    big = town("Greatford", 20.0, extent_km=8.0)
    short = only(check([dist("Greatford lies 12 km from Oldtown", 12, big)]), "distance")
    assert short.status == "consistent" and short.numbers["basis"] == "straight"
    long = only(check([dist("Greatford lies 26 km from Oldtown", 26, big)]), "distance")
    assert long.numbers["basis"] == "road" and long.note == "road"
    too_long = only(check([dist("Greatford lies 32 km from Oldtown", 32, big)]), "distance")
    assert too_long.status == "inconsistent"
    assert too_long.numbers["beyond_km"] == 0


def test_radius_comes_from_extent_population_or_kind():
    assert place_radius_km("settlement", extent_km=3.0) == 3.0
    assert place_radius_km("settlement", 350 * 4000) == pytest.approx((350 / 3.14159265) ** 0.5, rel=1e-4)
    assert place_radius_km("facility") == 0.5


def test_road_distance_is_consistent_and_said():
    hill = town("Hillcross", 50.0, population=500)
    v = only(check([dist("Hillcross, 64 km by road from Oldtown", 64, hill)]), "distance")
    assert v.status == "consistent" and v.note == "road"
    assert "road distance" in v.explanation
    assert v.numbers["basis"] == "road"


def test_too_long_even_by_road_is_inconsistent():
    hill = town("Hillcross", 50.0, population=500)
    v = only(check([dist("Hillcross lies 90 km from Oldtown", 90, hill)]), "distance")
    assert v.status == "inconsistent" and v.note is None


def test_distance_basis_policy():
    assert distance_basis(49, 51, 50, 1) == "straight"
    assert distance_basis(66, 68, 50, 1) == "road"
    assert distance_basis(30, 31, 50, 1) is None


# --- homonyms ----------------------------------------------------------------------------------------


def test_a_claim_that_chose_its_namesake_is_not_independent():
    # "Kalynivka" is a name shared by dozens of villages; the reader picked one by the distance itself
    from frontmap.gazetteer.lookup import Gazetteer

    namesakes = [p for p in Gazetteer().candidates("Kalynivka") if p.kind == "settlement"]
    assert len(namesakes) > 1
    village = namesakes[3]  # not the largest: only the distance could have chosen it
    kyiv = Gazetteer().resolve("Kyiv")
    from frontmap.geometry.geodesic import distance_km

    km = round(distance_km(kyiv, village))
    text = f"the village of Kalynivka, {km} km from the capital Kyiv"
    c = DistanceClaim(f"{km} km from the capital Kyiv", 23, len(text), value=km, km=km, value_text=str(km),
                      anchor=kyiv, subject=village)  # fmt: skip
    mentions = (
        Mention("Kalynivka", 15, 24, village, evidence="claim"),
        Mention("Kyiv", len(text) - 4, len(text), kyiv, evidence="size"),
    )
    v = only(check(Article(text, claims=(c,), mentions=mentions)), "distance")
    assert v.note == "not independent"
    assert "not independent evidence" in v.explanation
    assert v.numbers["subject"]["default"] is False
    assert v.numbers["subject"]["evidence"] == "claim" and v.numbers["subject"]["namesakes"] == len(
        Gazetteer().lookup("kalynivka")
    )


# --- lines as anchors --------------------------------------------------------------------------------


def test_distance_from_the_front_line_is_to_the_line():
    held = ControlMap(box(35.2, 48.0, 36.5, 50.0), D(2024, 5, 1))
    subject = Place("r:west", "Westbank", "settlement", 49.0, 34.9, "UA", population=2000)
    c = dist("some 20 km west of the front line", 20, subject, anchor=None, qualifier="some",
             anchor_text="the front line", published=D(2024, 5, 3))  # fmt: skip
    v = only(check([c], against=[held]), "distance")
    assert v.status == "consistent"
    assert 20 < v.measured < 25 and "front line" in v.explanation
    assert v.numbers["map_gap_days"] == -2


def test_within_is_an_upper_bound():
    near = town("Closeby", 12.0, population=800)
    assert only(
        check([dist("within 30 km of Oldtown", 30, near, qualifier="within")]), "distance"
    ).status == ("consistent")


def test_distance_to_a_border_is_to_the_neighbour_outline():
    neighbour = Place(
        "r:nb", "Neighbouria", "country", 49.0, 40.0, "RU", _geometry=box(36.0, 47.0, 42.0, 51.0)
    )
    frontier = Place("r:fr", "Frontier", "settlement", 49.0, 35.8, "UA", population=3000)
    c = dist("15 km from the border", 15, frontier, anchor=neighbour, anchor_text="the border")
    v = only(check([c]), "distance")
    assert v.status == "consistent" and "border of Neighbouria" in v.explanation


def test_line_anchor_geometry():
    from frontmap.checks.lines import edge_distance_km

    line = LineString([(35.1, 48.0), (35.1, 50.0)])
    assert edge_distance_km(ANCHOR, line) == pytest.approx(7.3, abs=0.2)


# --- stated areas against control maps ---------------------------------------------------------------


@pytest.fixture(scope="module")
def series():
    return [
        ControlMap(box(33.0, 48.0, 36.0, 50.0), D(2022, 8, 28)),
        ControlMap(box(33.5, 48.0, 36.0, 50.0), D(2022, 9, 6)),
        ControlMap(box(34.0, 48.0, 36.0, 50.0), D(2022, 9, 12)),
        ControlMap(box(34.2, 48.0, 36.0, 50.0), D(2022, 10, 1)),
    ]


def lost(series, a, b):
    maps = {m.date: m for m in series}
    return change(maps[a], maps[b]).lost_km2


@pytest.mark.parametrize(
    ("sentence", "change_"),
    [
        ("More than 2,000 square kilometres are back in Ukrainian hands.", "regained"),
        ("Kyiv's forces liberated about 2,000 km² last week.", "regained"),
        ("Russian troops have captured some 2,000 km² in a week.", "captured"),
        ("Moscow's forces still hold some 2,000 km² on the left bank.", "held"),
        ("Talks were held on a 2,000 km² demilitarised zone.", None),
    ],
    ids=["back in hands", "liberated", "Russia captured", "Russia holds", "talks held"],
)
def test_direction_of_change_from_the_sentence(sentence, change_):
    assert claim_change(area("2,000 km²", 2000, sentence=sentence)) == change_


def test_a_retaken_area_with_no_place_is_checked_against_the_change(series):
    km2 = lost(series, D(2022, 9, 6), D(2022, 9, 12))
    s = f"Between 6 and 12 September some {km2:,.0f} square kilometres were back in Ukrainian hands."
    c = area(f"some {km2:,.0f} square kilometres", round(km2), qualifier="some", sentence=s,
             published=D(2022, 9, 20))  # fmt: skip
    v = only(check([c], against=series), "area")
    assert v.status == "consistent" and v.measured == pytest.approx(km2)
    assert list(v.numbers["maps"]) == [D(2022, 9, 6), D(2022, 9, 12)]
    assert "lost" in v.explanation


def test_the_stated_period_chooses_the_maps_not_the_article_date(series):
    km2 = lost(series, D(2022, 8, 28), D(2022, 9, 12))
    s = f"Since the beginning of September the army has freed roughly {km2:,.0f} sq km."
    c = area(
        f"roughly {km2:,.0f} sq km", round(km2), "regained", "roughly", sentence=s, published=D(2022, 9, 12)
    )
    v = only(check([c], against=series), "area")
    assert v.status == "consistent" and v.measured == pytest.approx(km2)
    assert "since the beginning of september" in v.explanation.lower()


def test_without_a_period_the_week_before_the_article(series):
    c = area("about 1,000 km²", 1000, "regained", "about", sentence="Troops retook about 1,000 km².",
             published=D(2022, 9, 12))  # fmt: skip
    v = only(check([c], against=series), "area")
    assert v.numbers["period_stated"] is False  # 2022-09-05 to 2022-09-12: the map in force on the 5th
    assert list(v.numbers["maps"]) == [D(2022, 8, 28), D(2022, 9, 12)]


def test_captured_is_ground_gained(series):
    c = area("400 km²", 400, sentence="Russia captured 400 km² within four days.", published=D(2022, 9, 10))
    v = only(check([c], against=series), "area")
    assert v.measured == 0 and v.status == "inconsistent" and "gained" in v.explanation


def test_a_lower_bound_is_open(series):
    km2 = lost(series, D(2022, 8, 28), D(2022, 9, 12))
    miles = round(km2 / 2.59 / 4, -2)  # a quarter of the ground, in square miles
    s = f"Over {miles:,.0f} square miles have been liberated since the start of the month."
    c = AreaClaim(
        f"Over {miles:,.0f} square miles",
        0,
        10,
        sentence=s,
        value=miles,
        unit="mi2",
        km2=miles * 2.59,
        value_text=f"{miles:,.0f}",
        qualifier="over",
        change="regained",
        published=D(2022, 9, 12),
    )
    assert only(check([c], against=series), "area").status == "consistent"
    assert check_interval(1000, "over")[1] == float("inf")


def test_an_upper_bound_caps(series):
    c = area("up to 100 km²", 100, "regained", "up to", sentence="Up to 100 km² were retaken in four days.",
             published=D(2022, 9, 10))  # fmt: skip
    assert only(check([c], against=series), "area").status == "inconsistent"


def test_share_uses_the_nearest_map_on_either_side_and_says_how_far(series):
    cm = series[-1]
    held = cm.share_of(LAND)
    c = ShareClaim("about a fifth of Landia", 0, 10, value=round(held, 2), value_text=f"{held:.0%}",
                   qualifier="about", of=LAND, change="held", published=D(2022, 10, 20))  # fmt: skip
    v = only(check([c], against=series), "share")
    assert v.numbers["map_date"] == D(2022, 10, 1) and v.numbers["map_gap_days"] == -19
    assert "19 days before" in v.explanation


def test_a_rough_fraction_in_words_is_rough():
    low, high = share_interval(0.2, None, "a fifth")
    assert low <= 0.17 and high >= 0.23


@pytest.mark.parametrize(
    ("sentence", "published", "start", "end"),
    [
        ("Between 3 and 9 October the brigade pushed on.", D(2022, 10, 20), D(2022, 10, 3), D(2022, 10, 9)),
        ("In just three days the line moved.", D(2022, 10, 20), D(2022, 10, 17), D(2022, 10, 20)),
        ("Since the start of the month the line moved.", D(2022, 10, 20), D(2022, 10, 1), D(2022, 10, 20)),
        (
            "Since the counteroffensive began, villages were freed near Kherson.",
            D(2022, 10, 20),
            D(2022, 8, 29),
            D(2022, 10, 20),
        ),
        ("From October 2 to October 5 the line moved.", D(2022, 10, 20), D(2022, 10, 2), D(2022, 10, 5)),
    ],
    ids=["between", "within days", "since the month began", "since the counteroffensive", "from...to"],
)
def test_periods(sentence, published, start, end):
    p = claim_period(sentence, published, sentence)
    assert (p.start, p.end, p.stated) == (start, end, True)


def test_bracket_takes_the_map_nearest_the_end(series):
    p = claim_period("since 6 September", D(2022, 9, 13))
    before, after = bracket(series, p)
    assert (before.date, after.date) == (D(2022, 9, 6), D(2022, 9, 12))


# --- impossible numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        ShareClaim("130% of the country", 0, 5, value=1.3, value_text="130%", of=LAND, change="held"),
        area("900 million km²", 9e8, "regained", value_text="900 million"),
        dist("-5 km from Oldtown", -5, town("Minus", 5)),
    ],
    ids=["share over 100 percent", "larger than the Earth", "negative distance"],
)
def test_impossible_numbers_are_flagged(claim):
    v = check([claim])[0]
    assert v.status == "inconsistent" and v.note == "impossible" and "impossible" in v.explanation


def test_an_area_larger_than_its_region_is_impossible():
    c = area("200,000 km² retaken in North Oblast", 200_000, "regained", subject=NORTH)
    v = only(check([c]), "area")
    assert v.status == "inconsistent" and v.note == "impossible"


# --- cross-report checks -----------------------------------------------------------------------------


def report(i, km2, when, places=(), source=None):
    return area(
        f"{km2:,} km² retaken", km2, "regained", source=source or f"r{i}", published=when, places=places
    )


def test_only_the_same_territory_is_compared():
    east = Place("r:e", "Eastvale", "settlement", 49.0, 37.0, "UA", "East Oblast")
    west = Place("r:w", "Westvale", "settlement", 49.0, 31.0, "UA", "West Oblast")
    a, b = report(1, 1150, D(2024, 8, 20), (east,)), report(2, 5000, D(2024, 8, 20), (west,))
    assert [v for v in check([a, b]) if v.check == "consistency"] == []


def test_only_within_the_time_window():
    east = Place("r:e", "Eastvale", "settlement", 49.0, 37.0, "UA", "East Oblast")
    a, b = report(1, 1150, D(2022, 9, 1), (east,)), report(2, 5000, D(2024, 9, 1), (east,))
    assert [v for v in check([a, b]) if v.check == "consistency"] == []


def test_a_group_has_a_consensus_and_outliers():
    east = Place("r:e", "Eastvale", "settlement", 49.0, 37.0, "UA", "East Oblast")
    claims = [report(i, k, D(2022, 9, 12), (east,)) for i, k in enumerate([6000, 6100, 5900, 6050, 2000])]
    vs = group_checks([(c,) for c in claims])
    ok = [v for v in vs if v.status == "consistent"]
    bad = [v for v in vs if v.status == "inconsistent"]
    assert len(ok) == 1 and len(ok[0].others) == 3
    assert len(bad) == 1 and bad[0].claim is claims[-1]
    assert bad[0].numbers["disagrees_with"] == 4 and len(bad[0].others) == 3
    lo, hi = ok[0].numbers["consensus"]
    assert lo <= 6000 <= hi


def test_consensus_sweep():
    from frontmap.checks.pairs import Report

    rs = [Report(i, None, v, v - 1, v + 1, None) for i, v in enumerate([10, 10.5, 11, 30])]  # type: ignore[arg-type]
    low, high, members = consensus(rs)
    assert [r.value for r in members] == [10, 10.5, 11] and (low, high) == (10, 11)


def test_verdict_count_grows_linearly():
    east = Place("r:e", "Eastvale", "settlement", 49.0, 37.0, "UA", "East Oblast")
    small = [(report(i, 6000, D(2022, 9, 12), (east,)),) for i in range(20)]
    large = [(report(i, 6000, D(2022, 9, 12), (east,)),) for i in range(400)]
    assert len(group_checks(small)) == len(group_checks(large)) == 1
    mixed = [(report(i, 6000 if i % 10 else 2000, D(2022, 9, 12), (east,)),) for i in range(400)]
    vs = group_checks(mixed)
    assert len(vs) == 1 + 40 and all(len(v.others) <= 3 for v in vs[1:])


# --- depth of advance, ranges, coasts, approximate points -----------------------------------------------


def test_depth_of_advance_is_measured_against_the_control_change():
    # the occupied box loses its western 0.5° of longitude (about 37 km at 49°N) between the maps
    maps = [
        ControlMap(box(34.0, 48.0, 37.0, 50.0), D(2022, 9, 6)),
        ControlMap(box(34.5, 48.0, 37.0, 50.0), D(2022, 9, 12)),
    ]
    s = "Between 6 and 12 September the brigades advanced up to 40 km into occupied ground."
    c = DistanceClaim("up to 40 km", 0, 11, sentence=s, value=40, km=40, value_text="40", qualifier="up to",
                      published=D(2022, 9, 14))  # fmt: skip
    v = only(check([c], against=maps), "distance")
    assert v.status == "consistent" and 30 < v.measured < 40
    assert "beyond the earlier front line" in v.explanation
    wrong = DistanceClaim("about 80 km", 0, 11, sentence=s.replace("up to 40", "about 80"), value=80, km=80,
                          value_text="80", qualifier="about", published=D(2022, 9, 14))  # fmt: skip
    assert only(check([wrong], against=maps), "distance").status == "inconsistent"


def test_a_stated_range_allows_its_low_end():
    hill = town("Rangeford", 30.0, population=300)
    c = dataclasses.replace(dist("28 to 35 km from Oldtown", 35, hill), low=28)
    v = only(check([c]), "distance")
    assert v.status == "consistent" and v.numbers["allowed"][0] < 28


def test_an_approximate_point_is_said():
    vague = town("Fogwell", 14.0, uncertainty_km=8.6)
    v = only(check([dist("about 6 km from Oldtown", 6, vague, qualifier="about")]), "distance")
    assert "Fogwell's point is approximate, ±8.6 km" in v.explanation


def test_distance_from_the_coast_is_to_the_nearest_sea():
    from frontmap.gazetteer.lookup import Gazetteer

    shore = Gazetteer().resolve("Skadovsk")
    c = dist("about 5 km from the coast", 5, shore, anchor=None, qualifier="about", anchor_text="the coast")
    v = only(check([c]), "distance")
    assert v.status != "unverifiable" and "Sea" in v.explanation


def test_ground_larger_than_the_country_is_impossible():
    c = area(
        "900,000 km² recaptured", 900_000, "regained", sentence="Troops recaptured 900,000 km² this year."
    )
    v = only(check([c]), "area")
    assert v.note == "impossible" and "Ukraine" in v.explanation


def test_a_claim_that_agrees_with_the_default_namesake_stays_independent():
    from frontmap.gazetteer.lookup import Gazetteer

    gz = Gazetteer()
    village, kyiv = gz.lookup("kalynivka")[0], gz.resolve("Kyiv")
    text = "Kalynivka, 250 km from Kyiv"
    c = DistanceClaim("250 km from Kyiv", 11, len(text), value=250, km=250, value_text="250", anchor=kyiv,
                      subject=village)  # fmt: skip
    mentions = (Mention("Kalynivka", 0, 9, village, evidence="claim"),)
    v = only(check(Article(text, claims=(c,), mentions=mentions)), "distance")
    assert v.note != "not independent" and v.numbers["subject"]["default"] is True
