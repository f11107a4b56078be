"""Airfields in the gazetteer: the build's rules (gazetteer/airfields.py) on a few made-up records, and
the shipped data as a reader of war news meets it."""

from __future__ import annotations

import pytest
from gazetteer_scripts import load

import frontmap as fm
from frontmap.geometry import distance_km


@pytest.fixture(scope="module")
def airfields():
    return load("airfields")


def _record(id_, name, lat, lon, codes=(), keywords=(), country="UA"):
    return {"id": id_, "name": name, "lat": lat, "lon": lon, "country": country,
            "codes": set(codes), "keywords": list(keywords)}  # fmt: skip


def _town(id_, name, lat, lon, keys, country="UA"):
    return {"id": id_, "name": name, "kind": "settlement", "lat": lat, "lon": lon, "country": country,
            "admin1": "Crimea", "feature": "PPL", "keys": set(keys)}  # fmt: skip


def test_bases_drop_the_airfield_words_and_keep_every_part(airfields):
    r = _record("x", "Northport International Airport / Lake Air Base", 0, 0, keywords=["Old Field Airfield"])
    assert airfields.bases(r) == ["Northport", "Lake", "Old Field"]
    # a keyword that does not name an airfield, or a name with no airfield word, gives no base
    assert airfields.bases(_record("y", "Heliport Z", 0, 0, keywords=["Z town", "Аэродром Z"])) == []


def test_merged_keeps_one_record_per_airfield(airfields):
    ours = [_record("ourairports:2", "Alpha Air Base", 45.0, 33.0, codes=["UKXA"])]
    theirs = [
        _record("airportsdata:UKXA", "Alpha", 45.3, 33.3, codes=["UKXA"]),  # same code
        _record("airportsdata:UKXB", "Alpha Too", 45.01, 33.01, codes=["UKXB"]),  # 1.4 km away
        _record("airportsdata:UKXC", "Beta Airport", 46.0, 34.0, codes=["UKXC"]),
    ]
    assert [r["id"] for r in airfields.merged(ours, theirs)] == ["ourairports:2", "airportsdata:UKXC"]


def test_keys_need_an_airfield_word_and_nearby_towns_lend_their_names_late(airfields):
    towns = [
        _town("t1", "Sakyville", 45.10, 33.60, {"sakyville", "sakiville", "сакивиль"}),
        _town("t2", "Faraway", 45.50, 33.60, {"faraway"}),  # 45 km off: lends nothing
    ]
    [p] = airfields.airfield_places([_record("r", "Sakiville Air Base", 45.09, 33.60)], towns)
    assert p["kind"] == "facility" and p["feature"] == "AIRB" and p["admin1"] == "Crimea"
    assert "sakiville air base" in p["explicit"] and "sakiville airfield" in p["explicit"]
    assert "sakyville airbase" in p["late"] and "sakyville airbase" not in p["explicit"]
    assert not {"sakiville", "sakyville", "faraway airfield"} & p["keys"]
    assert not any("сак" in k for k in p["keys"])  # Cyrillic town keys lend nothing to English words


def test_an_airfield_the_additions_already_have_is_left_out_and_gets_its_names(airfields):
    known = [{"id": "add:a", "name": "A Airport", "kind": "facility", "lat": 50.6, "lon": 30.19,
              "country": "UA", "feature": "AIRP", "keys": {"a airport", "antonov airport"}},
             {"id": "t", "name": "Bee", "kind": "settlement", "lat": 50.0, "lon": 30.0, "country": "UA",
              "feature": "PPL", "keys": {"bee airfield"}}]  # fmt: skip
    record = _record(
        "r", "A Airport", 50.61, 30.19, keywords=["Antonov International Airport", "Bee Airfield"]
    )
    assert airfields.airfield_places([record], known) == []
    assert {"antonov airbase", "antonov airfield"} <= known[0]["keys"]
    assert "bee airfield" not in known[0]["keys"]  # another place's name


@pytest.mark.parametrize(
    "name, lat, lon, country",
    [
        ("Belbek airfield", 44.69, 33.57, "UA"),
        ("Saky air base", 45.09, 33.60, "UA"),
        ("Saki airbase", 45.09, 33.60, "UA"),
        ("Chornobaivka airfield", 46.68, 32.51, "UA"),
        ("Millerovo airbase", 48.96, 40.30, "RU"),
        ("Engels air base", 51.48, 46.21, "RU"),
    ],
)
def test_the_shipped_gazetteer_knows_the_airfields_of_the_war(name, lat, lon, country):
    place = fm.Gazetteer().candidates(name)[0]
    assert place.kind == "facility" and place.country == country
    assert distance_km((place.lon, place.lat), (lon, lat)) < 3


def test_a_bare_town_name_stays_the_town():
    for town in ("Millerovo", "Saky", "Engels"):
        assert fm.Gazetteer().candidates(town)[0].kind == "settlement"


def test_a_distance_said_of_an_airfield_is_measured_from_the_airfield():
    text = "Drones hit the Belbek airfield, some 10 km north of Sevastopol, before dawn."
    article = fm.read(text)
    [claim] = article.claims
    assert claim.subject.kind == "facility" and claim.anchor.name == "Sevastopol"
    assert [m.text for m in article.mentions] == ["Belbek airfield", "Sevastopol"]
