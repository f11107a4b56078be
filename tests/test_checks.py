"""Checks of stated numbers against geometry, control maps and each other, on hand-built claims.

Town coordinates are GeoNames points (populations rounded); every polygon is a made-up box, measured
here with frontmap.geometry.area_km2 rather than written down.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from shapely.geometry import box

import frontmap as fm
from frontmap.checks import CHECKS, STATUSES, Verdict, check, position_km
from frontmap.errors import InputError
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import area_km2, bearing_of, destination
from frontmap.quantities.tolerance import factor
from frontmap.reading.article import Article
from frontmap.reading.claims import AreaClaim, ComparisonClaim, Converted, DistanceClaim, ShareClaim
from frontmap.reading.reader import read

KHARKIV = Place("t:kharkiv", "Kharkiv", "settlement", 49.9935, 36.2304, "UA", "Kharkiv Oblast", 1_430_000)
BALAKLIIA = Place("t:balakliia", "Balakliia", "settlement", 49.4627, 36.8586, "UA", "Kharkiv Oblast", 27_000)
IZIUM = Place("t:izium", "Izium", "settlement", 49.2078, 37.2566, "UA", "Kharkiv Oblast", 45_000)
KYIV = Place("t:kyiv", "Kyiv", "settlement", 50.4501, 30.5234, "UA", "Kyiv", 2_900_000)
KHERSON = Place("t:kherson", "Kherson", "settlement", 46.6354, 32.6169, "UA", "Kherson Oblast", 280_000)
BOXLAND = Place("t:boxland", "Boxland", "country", 49.0, 33.0, "XX", _geometry=box(30.0, 47.0, 36.0, 51.0))
STRIP = Place("t:strip", "Strip", "region", 31.4, 34.4, None, _geometry=box(34.2, 31.2, 34.6, 31.6))
BANK = Place("t:bank", "Bank", "region", 32.0, 35.2, None, _geometry=box(34.9, 31.4, 35.6, 32.5))
VILLAGE = Place("t:village", "Village", "settlement", 31.5, 34.45, None)


def km_of(unit: str) -> float:
    return factor(unit, "km")


def dist(text, value, unit="km", direction=None, anchor=KHARKIV, subject=None, qualifier=None, **kw):
    kw.setdefault("value_text", f"{value:g}")
    kw.setdefault("anchor_text", anchor.name if anchor else "the city")
    bearing = bearing_of(direction) if direction else None
    return DistanceClaim(
        text,
        0,
        len(text),
        value=value,
        unit=unit,
        km=value * km_of(unit),
        qualifier=qualifier,
        direction=direction,
        bearing_deg=bearing,
        anchor=anchor,
        subject=subject,
        **kw,
    )


def area(text, km2, change=None, subject=None, qualifier=None, value_text=None, **kw):
    return AreaClaim(text, 0, len(text), value=km2, unit="km2", km2=km2, qualifier=qualifier,
                     value_text=value_text if value_text is not None else f"{km2:,.0f}", change=change,
                     subject=subject, **kw)  # fmt: skip


def share(text, value, value_text, of=BOXLAND, change=None, qualifier=None, **kw):
    return ShareClaim(text, 0, len(text), value=value, value_text=value_text, qualifier=qualifier, of=of,
                      of_text="the country", change=change, **kw)  # fmt: skip


def only(verdicts, check_name):
    found = [v for v in verdicts if v.check == check_name]
    assert len(found) == 1, [(v.check, v.status, v.explanation) for v in verdicts]
    return found[0]


# --- conversion ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "status", "words"),
    [
        (dist("74 km (46 miles)", 74, converted=Converted(46, "mi", "46")), "consistent", "46 miles"),
        (dist("10 km (6 miles)", 10, converted=Converted(6, "mi", "6")), "consistent", "6 miles"),
        (
            area("6,000 km² (2,400 sq mi)", 6000, converted=Converted(2400, "mi2", "2,400")),
            "consistent",
            "2,400",
        ),
        (
            area("8,000 km² (4,970 sq mi)", 8000, converted=Converted(4970, "mi2", "4,970")),
            "inconsistent",
            "linear",
        ),
        (dist("100 km (160 miles)", 100, converted=Converted(160, "mi", "160")), "inconsistent", "inverted"),
        (dist("50 km (40 miles)", 50, converted=Converted(40, "mi", "40")), "inconsistent", "not 40 miles"),
        (
            dist("30 km (12 sq mi)", 30, converted=Converted(12, "mi2", "12")),
            "unverifiable",
            "cannot compare",
        ),
    ],
    ids=[
        "74 km = 46 mi",
        "10 km = 6 mi",
        "6,000 km2 = 2,400 sq mi",
        "linear factor for an area",
        "factor inverted",
        "plain wrong",
        "length vs area",
    ],
)
def test_conversion(claim, status, words):
    v = only(check([claim]), "conversion")
    assert v.status == status
    assert words in v.explanation
    if status != "unverifiable":
        assert v.stated == claim.converted.value
        assert v.measured == pytest.approx(claim.value * factor(claim.unit, claim.converted.unit))
        assert v.ratio == pytest.approx(v.measured / v.stated)


# --- distance and bearing --------------------------------------------------------------------------


def test_distance_and_bearing_consistent():
    c = dist("74 km southeast of Kharkiv", 74, direction="SE", subject=BALAKLIIA)
    vs = check([c])
    d, b = only(vs, "distance"), only(vs, "bearing")
    assert (d.status, b.status) == ("consistent", "consistent")
    assert 73 < d.measured < 76 and d.unit == "km" and d.stated == 74
    assert 130 < b.measured < 150 and b.unit == "deg" and b.stated == 135
    assert "Balakliia lies 74.4 km from Kharkiv" in d.explanation
    assert "(SE)" in b.explanation
    assert [v.check for v in vs] == ["distance", "bearing"]


@pytest.mark.parametrize(
    ("value", "unit", "direction", "distance_status", "bearing_status"),
    [
        (120, "km", "SE", "inconsistent", "consistent"),
        (74, "km", "NW", "consistent", "inconsistent"),
        (74, "km", "E", "consistent", "inconsistent"),  # 142° is 52° off east
        (46, "mi", "SSE", "consistent", "consistent"),
        (30, "mi", "SE", "inconsistent", "consistent"),
        (40, "nmi", "SE", "consistent", "consistent"),  # 74 km is 40 nautical miles
    ],
    ids=[
        "distance wrong",
        "direction reversed",
        "direction 45 deg off",
        "16-wind in miles",
        "miles wrong",
        "nautical miles",
    ],
)
def test_distance_and_bearing_statuses(value, unit, direction, distance_status, bearing_status):
    c = dist(f"{value} {unit} {direction} of Kharkiv", value, unit, direction, subject=BALAKLIIA)
    vs = check([c])
    assert only(vs, "distance").status == distance_status
    assert only(vs, "bearing").status == bearing_status
    assert only(vs, "distance").unit == unit


def test_up_to_allows_anything_closer():
    c = dist("up to 100 km from Kharkiv", 100, qualifier="up to", subject=BALAKLIIA)
    assert only(check([c]), "distance").status == "consistent"


def test_a_figure_a_fifth_short_of_the_line_is_fair_and_a_third_is_not():
    # between two small places: "40 km" for 49.5 km (a fifth short: maps, rounding down, the near edge)
    # is consistent; "30 km" is not
    small = Place("t:small", "Smallton", "settlement", KHARKIV.lat, KHARKIV.lon, "UA", population=1000)
    target = destination(small, 49.5, 90)
    town = Place("t:east", "Eastville", "settlement", target.y, target.x, "UA", population=1000)
    for stated, status in ((40, "consistent"), (30, "inconsistent")):
        c = dist(f"{stated} km east", stated, "km", "E", anchor=small, subject=town)
        assert only(check([c]), "distance").status == status, stated


def test_town_size_widens_the_allowance():
    # 20 km is beyond what "12 km" allows between two points (a fifth short of the line: up to 15 km):
    # inside only because Kharkiv is a big city
    target = destination(KHARKIV, 20.0, 90)
    town = Place("t:east", "Eastville", "settlement", target.y, target.x, "UA", population=1000)
    c = dist("12 km east of Kharkiv", 12, direction="E", subject=town)
    assert only(check([c]), "distance").status == "consistent"
    assert position_km(KHARKIV) > 3.0
    small = Place("t:small", "Smallton", "settlement", KHARKIV.lat, KHARKIV.lon, "UA", population=1000)
    assert only(
        check([dist("12 km east", 12, "km", "E", anchor=small, subject=town)]), "distance"
    ).status == ("inconsistent")


def test_a_distance_from_a_city_centre_has_no_allowance_for_the_city():
    # the same 20 km that "12 km east of Kharkiv" allows (the city's extent) is too far from its centre
    target = destination(KHARKIV, 20.0, 90)
    town = Place("t:east", "Eastville", "settlement", target.y, target.x, "UA", population=1000)
    for words in ("central Kharkiv", "the centre of Kharkiv", "downtown Kharkiv"):
        c = dist(f"12 km east of {words}", 12, direction="E", subject=town, anchor_text=words)
        v = only(check([c]), "distance")
        assert v.status == "inconsistent", words
        assert "from the centre of Kharkiv" in v.explanation
    c = dist(
        "12 km east of the regional centre",
        12,
        direction="E",
        subject=town,
        anchor_text="the regional centre",
    )
    assert only(check([c]), "distance").status == "consistent"


def test_distance_to_an_area_is_to_its_edge():
    # Boxland's east edge is at 36°E; a town at 37°E, 49°N lies about 73 km beyond it
    town = Place("t:t", "Borderton", "settlement", 49.0, 37.0, "UA", population=5000)
    vs = check([dist("73 km from Boxland", 73, anchor=BOXLAND, subject=town, direction="E")])
    d = only(vs, "distance")
    assert d.status == "consistent"
    assert "nearest edge of Boxland" in d.explanation
    assert 70 < d.measured < 76
    assert only(vs, "bearing").status == "unverifiable"


def test_distance_without_anchor_is_unverifiable():
    c = dist("30 km from the capital", 30, anchor=None, subject=BALAKLIIA, anchor_text="the capital")
    v = only(check([c]), "distance")
    assert v.status == "unverifiable"
    assert "'the capital'" in v.explanation


def test_distance_without_subject_is_unverifiable_alone():
    v = only(check([dist("towns 30 km from Kharkiv", 30)]), "distance")
    assert v.status == "unverifiable"
    assert "names no place" in v.explanation


# --- area of a place -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "text", "qualifier", "status"),
    [
        ("true", "{:,.0f}", None, "consistent"),
        ("round", "{:,.0f}", "about", "consistent"),
        ("double", "{:,.0f}", "about", "inconsistent"),
    ],
    ids=["exact", "rounded to 10,000 with about", "double"],
)
def test_area_of_a_country(stated, text, qualifier, status):
    true = area_km2(BOXLAND.geometry)
    value = {"true": round(true), "round": round(true, -4), "double": round(2 * true, -4)}[stated]
    c = area(
        f"Boxland's {value:,.0f} km²",
        value,
        subject=BOXLAND,
        qualifier=qualifier,
        value_text=text.format(value),
    )
    v = only(check([c]), "area")
    assert v.status == status
    assert v.measured == pytest.approx(true)
    assert "Boxland's outline measures" in v.explanation


@pytest.mark.parametrize(
    ("km2", "status"),
    [(6000, "consistent"), (900_000, "inconsistent")],
    ids=["fits", "larger than the country"],
)
def test_area_changed_hands_must_fit_in_its_place(km2, status):
    c = area(f"{km2:,} km² retaken in Boxland", km2, change="regained", subject=BOXLAND)
    assert only(check([c]), "area").status == status


def test_area_without_place_is_unverifiable():
    v = only(check([area("6,000 km² retaken", 6000, change="regained")]), "area")
    assert v.status == "unverifiable"
    assert "control maps" in v.explanation


# --- comparison ------------------------------------------------------------------------------------


def both_areas():
    return area_km2(STRIP.geometry) + area_km2(BANK.geometry)


@pytest.mark.parametrize(
    ("factor_", "relation", "status"),
    [
        (1.0, "equal", "consistent"),
        (1.08, "equal", "consistent"),  # "roughly" allows 10 %
        (0.93, "equal", "consistent"),  # ... either way
        (0.75, "equal", "inconsistent"),
        (1.6, "equal", "inconsistent"),
        (1.6, "larger", "consistent"),
        (0.5, "larger", "inconsistent"),
        (0.5, "smaller", "consistent"),
    ],
    ids=[
        "equal",
        "within 10 percent",
        "7 percent less",
        "25 percent less",
        "60 percent more",
        "larger ok",
        "larger wrong",
        "smaller ok",
    ],
)
def test_comparison_with_places(factor_, relation, status):
    km2 = round(both_areas() * factor_, -2)
    a = area(f"{km2:,.0f} km² retaken", km2, change="regained")
    c = ComparisonClaim("roughly equal to Strip and Bank", 0, 10, places=(STRIP, BANK), relation=relation,
                        qualifier="roughly", refers_to=0)  # fmt: skip
    v = only(check(Article("", claims=(a, c))), "comparison")
    assert v.status == status
    assert v.measured == pytest.approx(both_areas())
    assert v.claim.text == c.text


@pytest.mark.parametrize(
    ("places", "refers_to", "words"),
    [((STRIP, VILLAGE), 0, "Village"), ((STRIP, BANK), None, "not tied"), ((), 0, "names no places")],
    ids=["a point place", "no area claim", "no places"],
)
def test_comparison_unverifiable(places, refers_to, words):
    c = ComparisonClaim("as big as ...", 0, 10, places=places, refers_to=refers_to)
    v = only(check(Article("", claims=(area("6,000 km²", 6000, change="regained"), c))), "comparison")
    assert v.status == "unverifiable"
    assert words in v.explanation


# --- consistency between claims --------------------------------------------------------------------


def test_two_distances_to_the_same_extent_agree():
    a = dist("up to 21 miles east of the capital", 21, "mi", "E", anchor=KYIV, qualifier="up to")
    b = dist("up to 35 kilometres east of Kyiv", 35, "km", "E", anchor=KYIV, qualifier="up to")
    v = only(check([a, b]), "consistency")
    assert v.status == "consistent"
    assert (v.claim, v.other) == (a, b)
    assert v.stated == pytest.approx(21 * 1.609344) and v.measured == 35 and v.unit == "km"
    assert "'up to 21 miles east of the capital'" in v.explanation and "'up to 35 kilometres" in v.explanation


def up_to(text, value, direction, anchor=KYIV):
    return dist(text, value, "km", direction, anchor=anchor, qualifier="up to")


@pytest.mark.parametrize(
    ("b", "expected"),
    [
        (up_to("up to 60 km east of Kyiv", 60, "E"), "inconsistent"),
        (up_to("up to 34 km east-northeast of Kyiv", 34, "ENE"), "consistent"),
        (dist("30 km east of Kyiv", 30, "km", "E", anchor=KYIV), None),
        (up_to("up to 60 km northeast of Kyiv", 60, "NE"), None),
        (up_to("up to 60 km east of Kharkiv", 60, "E", anchor=KHARKIV), None),
        (up_to("up to 60 km from Kyiv", 60, None), None),
    ],
    ids=["60 km", "adjacent 16-wind", "a plain figure", "other direction", "other anchor", "no direction"],
)
def test_extent_pairs(b, expected):
    a = up_to("up to 35 km east of Kyiv", 35, "E")
    vs = [v for v in check([a, b]) if v.check == "consistency"]
    assert [v.status for v in vs] == ([expected] if expected else [])


def test_plain_distances_without_subjects_are_not_compared():
    a = dist("about 21 km west-northwest of Kyiv", 21, "km", "WNW", anchor=KYIV, qualifier="about")
    b = dist("about 29 km north-west of Kyiv", 29, "km", "NW", anchor=KYIV, qualifier="about")
    assert [v for v in check([a, b]) if v.check == "consistency"] == []


def test_distances_to_the_same_named_place_are_compared():
    a = dist("120 km southeast of Kharkiv", 120, direction="SE", subject=IZIUM, source="a")
    b = dist("200 km from Kharkiv", 200, subject=IZIUM, source="b")
    v = only(check([a, b]), "consistency")
    assert v.status == "inconsistent" and (v.claim, v.other) == (a, b)


def test_distances_to_different_named_places_are_not_compared():
    a = dist("74 km southeast of Kharkiv", 74, direction="SE", subject=BALAKLIIA)
    b = dist("120 km southeast of Kharkiv", 120, direction="SE", subject=IZIUM)
    assert [v for v in check([a, b]) if v.check == "consistency"] == []


def test_shares_of_the_same_country_disagree_across_articles():
    a = share("about 5% of the country", 0.05, "5%", qualifier="about", change="held", source="one.txt")
    b = share(
        "around a fifth of the country", 0.2, "a fifth", qualifier="around", change="held", source="two.txt"
    )
    v = only(check([a, b]), "consistency")
    assert v.status == "inconsistent"
    assert "'about 5% of the country' (one.txt)" in v.explanation
    assert "'around a fifth of the country' (two.txt)" in v.explanation
    assert v.unit == "share" and v.ratio == pytest.approx(4.0)


def test_share_without_verb_counts_as_held():
    a = share("about 5% of the country", 0.05, "5%", qualifier="about", source="one.txt")
    b = share(
        "around a fifth of the country", 0.2, "a fifth", qualifier="around", change="held", source="two.txt"
    )
    assert only(check([a, b]), "consistency").status == "inconsistent"


def test_a_share_destroyed_or_flooded_is_not_checked_as_held(maps):
    # "80% of the town was destroyed" says nothing of who holds it: no map measures it
    held = maps[1].share_of(BOXLAND)
    for change, measured in (("held", True), ("destroyed", False), ("flooded", False)):
        c = share("a share", round(held, 3), f"{held:.1%}", change=change, published=dt.date(2022, 9, 20))
        v = only(check([c], against=maps), "share")
        assert (v.measured is not None) == measured, (change, v.explanation)


def test_shares_in_one_article_are_not_compared():
    a = share("a fifth of the country", 0.2, "a fifth", change="held")
    b = share("7% of the country", 0.07, "7%", change="held")
    verdicts = check(Article("", claims=(a, b)))
    assert [v.check for v in verdicts] == ["share", "share"]
    assert all(v.status == "unverifiable" for v in verdicts)


@pytest.mark.parametrize(
    ("b", "expected"),
    [
        (area("6,000 square km", 6000, "regained", source="b", places=(BALAKLIIA,)), "consistent"),
        (area("3,000 square km", 3000, "regained", source="b", places=(BALAKLIIA,)), "inconsistent"),
        (area("6,000 square km", 6000, "captured", source="b", places=(BALAKLIIA,)), None),
        (
            area(
                "3,000 square km",
                3000,
                "regained",
                source="b",
                published=dt.date(2022, 9, 2),
                places=(BALAKLIIA,),
            ),
            None,
        ),
        (area("3,000 square km", 3000, "regained", source="b", places=(KHERSON,)), None),
        (area("3,000 square km", 3000, "regained", source="b"), None),
    ],
    ids=["same figure", "half", "other change", "ten days earlier", "other front", "territory unknown"],
)
def test_area_pairs(b, expected):
    a = area("6,000 km²", 6000, "regained", source="a", published=dt.date(2022, 9, 12), places=(IZIUM,))
    vs = [v for v in check([a, b]) if v.check == "consistency"]
    assert [v.status for v in vs] == ([expected] if expected else [])


def test_area_against_share_uses_the_area_of_of():
    total = area_km2(BOXLAND.geometry)
    for pct, expected in ((0.02, "consistent"), (0.2, "inconsistent")):
        a = area("the ground held", round(0.02 * total, -2), "held", source="a", subject=BOXLAND)
        b = share(f"{pct:.0%} of the country", pct, f"{pct:.0%}", change="held", source="b")
        v = only(check([a, b]), "consistency")
        assert v.status == expected
        assert v.unit == "km2" and v.measured == pytest.approx(pct * total)


def test_an_area_as_large_as_the_country_is_not_a_part_of_it():
    total = area_km2(BOXLAND.geometry)
    whole = area("some ... square kilometres", round(total, -4), "held", qualifier="some", source="a")
    part = share("about 5% of the country", 0.05, "5%", qualifier="about", change="held", source="b")
    assert [v.check for v in check([whole, part])] == ["area", "share"]


def test_sizes_of_the_same_place_are_compared():
    a = area("600,000 square km", 600_000, subject=BOXLAND, source="a")
    b = area("400,000 square km", 400_000, subject=BOXLAND, source="b")
    v = only(check([a, b]), "consistency")
    assert v.status == "inconsistent" and "the size of Boxland" in v.explanation


# --- against control maps --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def maps():
    from frontmap.control.controlmap import ControlMap

    before = ControlMap(box(35.0, 48.0, 38.0, 50.0), dt.date(2022, 9, 6))
    after = ControlMap(box(35.5, 48.0, 38.0, 50.0), dt.date(2022, 9, 13))
    return [before, after]


def test_regained_area_against_maps(maps):
    from frontmap.control.controlmap import change

    lost = change(*maps).lost_km2
    published = dt.date(2022, 9, 13)
    ok = area("retook x km²", round(lost, -2), "regained", published=published)
    wrong = area("retook y km²", round(2 * lost, -2), "regained", published=published)
    v1, v2 = (only(check([c], against=maps), "area") for c in (ok, wrong))
    assert (v1.status, v2.status) == ("consistent", "inconsistent")
    assert v1.measured == pytest.approx(lost)
    assert "2022-09-06" in v1.explanation and "2022-09-13" in v1.explanation


def test_captured_area_is_the_ground_gained(maps):
    v = only(check([area("x", 500, "captured", published=dt.date(2022, 9, 13))], against=maps), "area")
    assert v.status == "inconsistent" and v.measured == 0


def test_held_share_against_the_map_in_force(maps):
    held = maps[1].share_of(BOXLAND)
    c = share("a share", round(held, 3), f"{held:.1%}", change="held", published=dt.date(2022, 9, 20))
    v = only(check([c], against=maps), "share")
    assert v.status == "consistent"
    assert v.measured == pytest.approx(held)
    assert "2022-09-13" in v.explanation


def test_a_share_ukraine_holds_is_checked_against_the_rest_of_the_whole(maps):
    held = maps[1].share_of(BOXLAND)
    rest = 1.0 - held
    kept = share(
        "a share", round(rest, 3), f"{rest:.1%}", change="held_by_ukraine", published=dt.date(2022, 9, 20)
    )
    v = only(check([kept], against=maps), "share")
    assert (v.status, v.measured) == ("consistent", pytest.approx(rest))
    assert "not occupied" in v.explanation
    # the same figure said of the occupier's share is far off
    wrong = share("a share", round(rest, 3), f"{rest:.1%}", change="held", published=dt.date(2022, 9, 20))
    assert only(check([wrong], against=maps), "share").status == "inconsistent"


@pytest.mark.parametrize(
    ("claim", "words"),
    [
        (area("x", 500, "regained"), "no date"),
        (area("x", 500, "regained", published=dt.date(2022, 9, 1)), "no control map on or before"),
    ],
    ids=["undated claim", "before the first map"],
)
def test_against_unverifiable(maps, claim, words):
    v = check([claim], against=maps)[0]
    assert v.status == "unverifiable" and words in v.explanation


def test_against_a_single_geometry_for_held_area():
    g = box(35.0, 48.0, 36.0, 49.0)
    v = only(check([area("x", round(area_km2(g), -2), "held")], against=g), "area")
    assert v.status == "consistent"


# --- the API ---------------------------------------------------------------------------------------


def test_every_claim_gets_a_verdict_and_fields_are_valid():
    claims = [
        dist("74 km (46 miles) southeast of Kharkiv", 74, direction="SE", subject=BALAKLIIA,
             converted=Converted(46, "mi", "46")),
        dist("towns 30 km from Kharkiv", 30),
        area("6,000 km²", 6000, "regained"),
        share("a fifth", 0.2, "a fifth", of=None),
        ComparisonClaim("as big as Strip", 0, 5, places=(STRIP,)),
    ]  # fmt: skip
    verdicts = check(claims)
    assert {id(c) for c in claims} <= {id(v.claim) for v in verdicts}
    for v in verdicts:
        assert isinstance(v, Verdict) and v.check in CHECKS and v.status in STATUSES and v.explanation


def test_article_stamps_source_and_to_dict_is_json():
    c = dist("74 km (46 miles) southeast of Kharkiv", 74, direction="SE", subject=BALAKLIIA,
             converted=Converted(46, "mi", "46"))  # fmt: skip
    art = Article("...", source="report.txt", published=dt.date(2022, 9, 13), claims=(c,))
    verdicts = check(art)
    assert all(v.claim.source == "report.txt" and v.source == "report.txt" for v in verdicts)
    d = json.loads(json.dumps([v.to_dict() for v in verdicts]))
    keys = {
        "check",
        "status",
        "stated",
        "measured",
        "unit",
        "ratio",
        "tolerance",
        "claim",
        "other",
        "explanation",
        "note",
        "others",
        "numbers",
    }
    assert set(d[0]) == keys
    assert d[0]["claim"] == c.to_dict() | {"source": "report.txt"}
    assert d[0]["other"] is None


def test_verdict_is_frozen():
    v = check([dist("towns 30 km from Kharkiv", 30)])[0]
    with pytest.raises(AttributeError):
        v.status = "consistent"


@pytest.mark.parametrize(
    "bad", ["74 km southeast of Kharkiv", 42, [1, 2]], ids=["text", "number", "list of ints"]
)
def test_bad_input_is_refused(bad):
    with pytest.raises(InputError, match="check"):
        check(bad)


def test_a_malformed_claim_is_unverifiable_not_an_error():
    c = DistanceClaim("5 km upstream of Kherson", 0, 24, value=5, km=5, value_text="5", direction="upstream",
                      anchor=KHERSON, subject=BALAKLIIA)  # fmt: skip
    vs = check([c, dist("5 km upstream of Kherson", 5, "km", "E", anchor=KHERSON)])
    assert any(v.claim is c and v.status == "unverifiable" and "upstream" in v.explanation for v in vs)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Ukraine regained some 9,000 square kilometres, more than three times the size of Luxembourg.",
            "consistent",
        ),
        ("Ukraine regained about 6,000 square kilometres, twice the size of Luxembourg.", "consistent"),
        ("Ukraine regained 6,000 sq km, about half the size of Cyprus.", "inconsistent"),
        ("Ukraine regained 6,000 sq km, about ten times the size of Luxembourg.", "inconsistent"),
    ],
    ids=["more than 3x Luxembourg", "2x Luxembourg", "half of Cyprus", "10x Luxembourg"],
)
def test_comparison_multiples(text, status):
    (v,) = [v for v in check(read(text)) if v.check == "comparison"]
    assert v.status == status, v.explanation


def test_a_guessed_anchor_that_does_not_fit_is_no_evidence_against_the_claim():
    text = "Verbove lies about 13 km east of Robotyne. Tokmak is another 15 km to the south."
    claim = fm.read(text).claims[1]
    assert claim.anchor is not None and "implied" in claim.note  # the reader's guess: Verbove
    verdicts = [v for v in check(claim) if v.check in ("distance", "bearing")]
    assert verdicts and {v.status for v in verdicts} == {"unverifiable"}
    assert {v.note for v in verdicts} == {"implied anchor"} and "guess" in verdicts[0].explanation
    # a stated anchor that does not fit is still inconsistent
    wrong = fm.read("Tokmak lies 15 km south of Verbove.").claims[0]
    assert "inconsistent" in {v.status for v in check(wrong)}
