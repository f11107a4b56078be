"""The whole-front build (gazetteer/ukraine.py, water.py, front.py) on small slices of each source.

The slices in tests/data/gazetteer/ are written for these tests (same columns as the real extracts,
a dozen made-up or rounded rows): the codifier, WOF localities, hromada/raion centres, Natural Earth
rivers and lakes, the state register. No network; translitua (the build-data extra) is needed.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from gazetteer_scripts import load

DATA = Path(__file__).resolve().parent / "data" / "gazetteer"
REGIONS = {"UA-14": "Donetsk Oblast", "UA-63": "Kharkiv Oblast"}

pytest.importorskip(
    "translitua", reason="the romanisations come from the build-data extra: pip install -e '.[build-data]'"
)


@pytest.fixture(scope="module")
def ukraine():
    return load("ukraine")


@pytest.fixture(scope="module")
def water():
    return load("water")


@pytest.fixture(scope="module")
def build():
    return load("build")


@pytest.fixture(scope="module")
def rows():
    return json.loads((DATA / "katottg.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def wof(ukraine):
    return ukraine.read_wof(DATA / "wof_ua_places.jsonl")


def _existing():
    """A GeoNames record of Bakhmut as build.settlement_places makes it, and one abroad."""
    return [
        {"id": "geonames:900001", "name": "Bakhmut", "kind": "settlement", "lat": 48.59, "lon": 37.99,
         "country": "UA", "admin1": "Donetsk Oblast", "population": 73000, "feature": "PPL",
         "keys": {"bakhmut", "artemivsk", "бахмут"}, "explicit": set(), "primary": {"bakhmut"},
         "geometry": None},
        {"id": "geonames:900009", "name": "Victoria", "kind": "settlement", "lat": 48.4, "lon": -123.4,
         "country": "CA", "admin1": None, "population": 90000, "feature": "PPL", "keys": {"victoria"},
         "explicit": set(), "primary": {"victoria"}, "geometry": None},
    ]  # fmt: skip


def _front(ukraine, rows, wof):
    existing = _existing()
    stop = ukraine.read_word_list(DATA / "stop_words.txt")
    new, stats = ukraine.ukraine_places(
        rows, wof, ukraine.read_centres(DATA / "hromada_centres.json"),
        ukraine.read_centres(DATA / "raion_centres.json"), existing, REGIONS, stop,
    )  # fmt: skip
    return existing, new, stats


# ------------------------------------------------------------------------------------- reading
def test_read_wof_skips_deprecated_district_and_non_locality_records(wof):
    ids = {w["id"] for w in wof}
    assert ids == {1, 2, 3, 4, 5, 6, 7, 8, 11}  # 9 carries a raion's names, 10 is deprecated, 12 a county
    bakhmut = next(w for w in wof if w["id"] == 1)
    assert bakhmut["oblast"] == "UA14" and bakhmut["geonames"] == 900001
    assert "Бахмут" in bakhmut["uk"] and "Артёмовск" in bakhmut["ru"] and "Bakhmut" in bakhmut["latin"]


def test_dms_and_register_rivers(water):
    assert water.dms('N 47° 58’ 20"') == pytest.approx(47.97222, abs=1e-5)
    rivers = water.read_register_rivers(DATA / "register.csv")
    assert [r["latin"] for r in rivers] == [
        "Bakhmutka",
        "Vovcha",
        "Bakhmut",
        "Donets",
    ]  # the balka is not a river


def test_hierarchy_and_english_unit_names(ukraine, rows):
    settlements, raions, hromadas = ukraine.hierarchy(rows)
    assert len(settlements) == 10 and len(raions) == 2 and len(hromadas) == 3
    ukraine.unit_names(settlements, raions, hromadas)
    assert sorted(r["en"] for r in raions.values()) == ["Bakhmut Raion", "Pokrovsk Raion"]
    # the city, not the village Bakhmutske whose name shares more letters with the adjective
    assert sorted(h["en"] for h in hromadas.values()) == [
        "Bakhmut urban hromada", "Pokrovsk urban hromada", "Soledar urban hromada",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("adjective", "names", "expected"),
    [
        ("Пологівський", ["Пологи", "Пологи"], "Пологи"),
        ("Гуляйпільська", ["Гуляйполе", "Зелене"], "Гуляйполе"),
        ("Білозерська", ["Білозерка", "Дніпровське"], "Білозерка"),
        ("Криворізький", ["Кривий Ріг", "Кривокрасне"], "Кривий Ріг"),
        ("Зуйська", ["Завітне"], None),
    ],
)
def test_centre_settlement(ukraine, adjective, names, expected):
    members = [{"name": n, "category": "M" if i == 0 else "C"} for i, n in enumerate(names)]
    found = ukraine.centre_settlement(adjective, members)
    assert (found and found["name"]) == expected


def test_matching_repeated_names_goes_by_the_hromada_centre(ukraine, rows, wof):
    settlements, _, _ = ukraine.hierarchy(rows)
    centres = ukraine.read_centres(DATA / "hromada_centres.json")

    def centre(s):
        c = centres.get(s["hromada_id"][:9])
        return (c["lat"], c["lon"]) if c else None

    m = ukraine.match_settlements(settlements, wof, centre)
    # the two WOF records of Bakhmut hromada's Andriivka are one place (a cluster)
    assert sorted(w["id"] for w in m["UA14020010020030001"]) == [3, 4]
    assert [w["id"] for w in m["UA14020090050030005"]] == [5]  # Soledar hromada's Andriivka
    assert [w["id"] for w in m["UA14020010120064151"]] == [2]  # Кліщіївка ~ Клищіївка (fuzzy)
    assert "UA14160210020030006" not in m  # Novyi Svit: nothing in WOF


def test_a_wof_record_under_another_own_name_is_matched_last(ukraine):
    # WOF files the names of one village on the record of a neighbour (its own name and point): the
    # record whose own name is the village's wins, though the neighbour's lies nearer the centre
    def record(i, own, lat, lon):
        names = {"name:ukr_x_preferred": ["Покровка"], "name:eng_x_preferred": ["Pokrovka"]}
        return ukraine.wof_record({"id": i, "name": own, "lat": lat, "lon": lon, "names": names})

    wof = [record(1, "Іванівка", 46.6576, 31.6714), record(2, "Покровка", 46.478, 31.708)]
    village = {"id": "UA48000000000000001", "name": "Покровка", "category": "C", "oblast": "UA48",
               "hromada_id": "UA48000000"}  # fmt: skip
    m = ukraine.match_settlements([village], wof, lambda s: (46.61, 31.55))
    assert [w["id"] for w in m[village["id"]]] == [2]


def test_ukraine_places_enrich_add_and_fall_back(ukraine, rows, wof):
    existing, new, stats = _front(ukraine, rows, wof)
    bakhmut = existing[0]
    # the GeoNames record is enriched, not duplicated: id, name and point stay
    assert (bakhmut["id"], bakhmut["name"], bakhmut["lat"]) == ("geonames:900001", "Bakhmut", 48.59)
    assert (bakhmut["raion"], bakhmut["hromada"], bakhmut["katottg"]) == (
        "Bakhmut Raion", "Bakhmut urban hromada", "UA14020010010059145",
    )  # fmt: skip
    assert bakhmut["extent_km"] > 2 and {"artyomovsk", "артёмовск"} <= bakhmut["keys"]
    by_id = {p["id"]: p for p in new}
    assert not any(p["id"] == "katottg:UA14020010010059145" for p in new)
    k = by_id["katottg:UA14020010120064151"]
    assert (k["name"], k["admin1"], k["raion"], k["hromada"]) == (
        "Klishchiivka", "Donetsk Oblast", "Bakhmut Raion", "Bakhmut urban hromada",
    )  # fmt: skip
    assert not k["approximate"] and k["uncertainty_km"] == 0 and k["tier"] == 1
    # official, BGN, French, German, Russian and its romanisation, WOF's own Latin spelling
    assert {"klishchiivka", "klishchiyivka", "klichtchiivka", "klischtschijiwka", "клещеевка",
            "kleshcheyevka",
            "klyshchiyivka", "кліщіївка"} <= k["keys"]  # fmt: skip
    svit = by_id["katottg:UA14160210020030006"]
    assert svit["approximate"] and svit["uncertainty_km"] == pytest.approx(8.6)
    assert (svit["lat"], svit["lon"]) == (48.27, 37.2)  # the hromada's centre
    assert by_id["katottg:UA14020090210095170"]["keys"] >= {"orikhovo vasylivka", "орехово васильевка"}
    victoria = by_id["katottg:UA14020010040030003"]
    assert (
        "victoria" not in victoria["keys"] and "вікторія" in victoria["keys"]
    )  # a given name: Cyrillic only
    assert (
        stats["enriched"] == 1 and stats["added"] == 9 and stats["approximate"] == 2
    )  # Bakhmutske, Novyi Svit
    assert stats["raions"] == 2 and stats["hromadas"] == 3


def test_a_renamed_village_is_matched_and_keyed_under_its_former_name(ukraine, rows, wof):
    """Новий Світ of the slice has no WOF record under its name (it sits at its hromada's centre);
    given the former name Сєверне (the 2021 codifier's, :mod:`former`), WOF's Сєверне 6 km from
    the centre places it, and the old name and its spellings become its keys."""
    former = load("former")
    renamed = [dict(r) for r in rows]
    old = {r["id"]: r["name"] for r in rows} | {"UA14160210020030006": "Сєверне"}
    assert former.former_names(renamed, old) == 1
    records = [*wof, ukraine.wof_record({
        "id": 77, "placetype": "locality", "name": "Syeverne", "lat": 48.31, "lon": 37.25,
        "region_id": 85688779, "geonames_id": None, "population": 0, "is_current": -1, "deprecated": None,
        "names": {"name:ukr_x_preferred": ["Syeverne"], "name:ukr_x_variant": ["Сєверне"]},
    })]  # fmt: skip
    _, new, stats = _front(ukraine, renamed, records)
    svit = next(p for p in new if p["id"] == "katottg:UA14160210020030006")
    assert (svit["name"], svit["lat"], svit["lon"], svit["approximate"]) == (
        "Novyi Svit",
        48.31,
        37.25,
        False,
    )
    assert {"novyi svit", "sieverne", "syeverne", "сєверне"} <= svit["keys"] and svit["former"] == ["Сєверне"]
    assert svit["primary"] == {"новий світ", "novyi svit"}  # the name it bears today stays its own
    assert stats["approximate"] == 1  # Bakhmutske only


def test_the_former_codifier_is_read_from_its_sheet(tmp_path):
    """The 2021 edition's sheet: five levels of codes, the category, the name; settlements only."""
    openpyxl = pytest.importorskip("openpyxl")
    former = load("former")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Перший рівень", "Другий рівень", "Третій рівень", "Четвертий рівень", "Додатковий рівень",
                  "Категорія об’єкта", "Назва об’єкта"])  # fmt: skip
    sheet.append(["UA14000000000091971", None, None, None, None, "O", "Донецька"])
    sheet.append(["UA14000000000091971", "UA14160000000061982", "UA14160190000059231",
                  "UA14160190390068286", None, "X", "Сєверне "])  # fmt: skip
    book.save(tmp_path / "kodifikator.xlsx")
    assert former.read_codifier(tmp_path / "kodifikator.xlsx") == {"UA14160190390068286": "Сєверне"}


def test_an_enriched_village_keeps_its_own_name_where_a_namesake_has_it(ukraine, rows, wof):
    """Two Novyi Svits in Donetsk Oblast: GeoNames spells the one of the slice (Pokrovsk hromada, not
    in WOF, known only by its hromada's centre) "Novyy Svit" (and Новий Світ), and a namesake 100 km
    away holds the official spelling. The enriched record still gets its own names, after the namesake's."""
    namesake = {"id": "geonames:900020", "name": "Novyi Svit", "kind": "settlement", "lat": 47.4,
                "lon": 37.6, "country": "UA", "admin1": "Donetsk Oblast", "population": 900,
                "feature": "PPL", "keys": {"novyi svit", "новий світ"}, "explicit": set(),
                "primary": {"novyi svit"}, "geometry": None}  # fmt: skip
    here = {"id": "geonames:900021", "name": "Novyy Svit", "kind": "settlement", "lat": 48.26,
            "lon": 37.19, "country": "UA", "admin1": "Donetsk Oblast", "population": 600,
            "feature": "PPL", "keys": {"novyy svit", "новий світ"}, "explicit": set(),
            "primary": {"novyy svit"}, "geometry": None}  # fmt: skip
    existing = [*_existing(), namesake, here]
    stop = ukraine.read_word_list(DATA / "stop_words.txt")
    new, stats = ukraine.ukraine_places(
        rows, wof, ukraine.read_centres(DATA / "hromada_centres.json"),
        ukraine.read_centres(DATA / "raion_centres.json"), existing, REGIONS, stop,
    )  # fmt: skip
    # the GeoNames record of this hromada's village is enriched (the nearer one), not the namesake
    assert (here["hromada"], here["katottg"]) == ("Pokrovsk urban hromada", "UA14160210020030006")
    assert "hromada" not in namesake and not any(p["id"] == "katottg:UA14160210020030006" for p in new)
    # its own name, which the namesake has, ranks after the namesake; its other names stay as they were
    assert "novyi svit" in here["keys"] and here["late"] == {"novyi svit"}
    index = _pack().build_index([*existing, *new])
    rows_of = {p["id"]: i for i, p in enumerate([*existing, *new])}
    assert index["novyi svit"] == (rows_of["geonames:900020"], rows_of["geonames:900021"])
    assert index["novyy svit"][0] == rows_of["geonames:900021"]
    assert stats["own_names_late"] == 1 and stats["enriched"] == 2


def test_a_geonames_id_of_a_differently_named_place_yields_to_the_own_name(ukraine):
    """WOF gives Miliieve the GeoNames id of Kybaky, 3 km away: Miliieve's own record wins; a place
    found by id that bears the name, or a renamed one with nothing of the name near, is kept."""

    def place(pid, lat, keys):
        return {"id": pid, "kind": "settlement", "country": "UA", "lat": lat, "lon": 25.3, "keys": set(keys)}

    kybaky, miliieve = place("geonames:1", 48.31, {"kybaky"}), place("geonames:2", 48.33, {"miliieve"})
    known = ukraine._Existing([kybaky, miliieve])
    assert known.find([1], {"miliieve"}, 48.32, 25.3, 8.0) is miliieve
    assert known.find([1], {"miliieve"}, 48.32, 25.3, 8.0, names={"kybaky"}) is kybaky  # it bears a name
    assert known.find([1], {"bilmak"}, 48.32, 25.3, 8.0) is kybaky  # renamed: the id decides
    # WOF gives Sorokyne the id of Teple, whose GeoNames record has "Sorokyne" as an alternate name:
    # the record whose own name it is wins
    teple = {**place("geonames:3", 48.31, {"teple", "sorokyne"}), "primary": {"teple"}}
    sorokyne = {**place("geonames:4", 48.29, {"sorokyne", "krasnodon"}), "primary": {"sorokyne"}}
    known = ukraine._Existing([teple, sorokyne])
    assert known.find([3], {"sorokyne"}, 48.29, 25.3, 20.0) is sorokyne


def test_a_village_at_its_hromadas_centre_takes_the_far_geonames_point_only_when_alone(ukraine):
    """Hremiach lies 35 km from its hromada's centre: the one GeoNames Hremiach of its oblast is it, when
    the codifier has no other Hremiach there (``alone_in``); never a place of another oblast."""

    def place(pid, lat, admin1):
        return {"id": pid, "kind": "settlement", "country": "UA", "lat": lat, "lon": 33.3, "admin1": admin1,
                "keys": {"hremiach"}}  # fmt: skip

    far = place("geonames:1", 52.34, "Chernihiv Oblast")
    known = ukraine._Existing([far])
    assert known.find([], {"hremiach"}, 52.03, 33.3, 20.0) is None  # 35 km: beyond the merge radius
    assert known.find([], {"hremiach"}, 52.03, 33.3, 20.0, alone_in="Chernihiv Oblast") is far
    assert known.find([], {"hremiach"}, 52.03, 33.3, 20.0, alone_in="Sumy Oblast") is None
    assert known.find([], {"hremiach"}, 51.70, 33.3, 20.0, alone_in="Chernihiv Oblast") is None  # 71 km
    two = ukraine._Existing([far, place("geonames:2", 51.90, "Chernihiv Oblast")])
    assert two.find([], {"hremiach"}, 52.10, 33.3, 20.0, alone_in="Chernihiv Oblast") is None  # which one?


def test_raions_and_hromadas_are_places_with_news_keys(ukraine, rows, wof):
    _, new, _ = _front(ukraine, rows, wof)
    units = {p["name"]: p for p in new if p["kind"] in ("raion", "hromada")}
    raion = units["Pokrovsk Raion"]
    assert {"pokrovsk raion", "pokrovsk district", "pokrovskyi raion", "покровський район"} <= raion["keys"]
    assert (raion["lat"], raion["lon"], raion["admin1"], raion["raion"]) == (
        48.22,
        37.31,
        "Donetsk Oblast",
        "Pokrovsk Raion",
    )
    h = units["Soledar urban hromada"]
    assert {"soledar hromada", "soledar community", "soledar territorial community", "soledarska hromada",
            "соледарська громада"} <= h["keys"]  # fmt: skip
    assert (h["raion"], h["hromada"], h["katottg"]) == (
        "Bakhmut Raion",
        "Soledar urban hromada",
        "UA14020090000011111",
    )


@pytest.mark.parametrize(
    ("adjective", "centre", "stem"),
    [
        ("Курахівська", "Курахове", "Курахів"),  # "the Kurakhiv community"
        ("Покровська", "Покровськ", "Покровськ"),  # the town's name + -а
        ("Гуляйпільська", "Гуляйполе", "Гуляйпіль"),
        ("Більче-Золотецька", "Більче-Золоте", "Більче-Золоте"),
        ("Вінницька", "Вінниця", None),  # not "Вінни"
        ("Криворізька", "Кривий Ріг", None),
        ("Зуйська", None, None),
    ],
)
def test_adjective_stem(ukraine, adjective, centre, stem):
    assert ukraine.adjective_stem(adjective, centre) == stem


def test_a_hromada_is_named_by_its_adjective_stem_where_no_other_unit_is(ukraine):
    """Курахівська громада is "the Kurakhiv community"; the Pokrovske hromada's Покровська would make
    "Pokrov community", which the city of Pokrov's hromada has: it keeps it alone."""

    def hromada(name, centre, en):
        return {"name": name, "stem": centre, "en": en, "raion_id": None}

    hromadas = {
        "UA14160110000031920": hromada("Курахівська", "Курахове", "Kurakhove urban hromada"),
        "UA12080090000039979": hromada("Покровська", "Покров", "Pokrov urban hromada"),
        "UA12140230000034711": hromada("Покровська", "Покровське", "Pokrovske settlement hromada"),
    }
    centres = {uid[:9]: {"lat": 48.0, "lon": 36.0} for uid in hromadas}
    regions = {"UA-14": "Donetsk Oblast", "UA-12": "Dnipropetrovsk Oblast"}
    keys = {p["name"]: p["keys"] for p in ukraine.unit_places({}, hromadas, {}, centres, regions)}
    kurakhove = keys["Kurakhove urban hromada"]
    assert {"kurakhiv community", "kurakhiv hromada", "kurakhiv territorial community"} <= kurakhove
    assert "kurakhove community" in kurakhove and "kurakhiv" not in kurakhove
    assert "pokrov community" in keys["Pokrov urban hromada"]
    assert "pokrov community" not in keys["Pokrovske settlement hromada"]


@pytest.fixture(scope="module")
def raions():
    return load("raions")


@pytest.mark.parametrize(
    ("russian", "spelled", "not_spelled"),
    [
        ("Купянский", {"Kupyansky", "Kupyanskiy", "Kupianskii", "Kupyanski", "Kupyanskyi"}, set()),
        ("Богодуховский", {"Bogodukhovsky", "Bogodukhovskiy", "Bogodukhovskii"}, {"Bohodukhovsky"}),
        ("Чугуевский", {"Chuguevsky", "Chuguyevsky", "Chuguevskiy"}, {"Chuhuevsky"}),
        ("Донецкий", {"Donetsky", "Donetskiy", "Donetskii"}, set()),
        ("Артёмовск", {"Artemovsk", "Artyomovsk"}, set()),
    ],
)
def test_russian_spellings_of_a_raion_adjective(raions, russian, spelled, not_spelled):
    """Г is g and и is i in Russian (Bogodukhovsky, not the hybrid Bohodukhovsky); the ending -ский
    is spelled -sky, -skiy, -skii, -ski, -skyi."""
    spellings = raions.russian_spellings(russian)
    assert spelled <= spellings and not (not_spelled & spellings)


def _county(wof_id, uk, superseded_by=(), latin=()):
    """A WOF county record as raions.read_counties makes it."""
    return {"id": wof_id, "oblast": "UA14", "lat": 48.2, "lon": 37.2, "geonames": None, "population": 0,
            "uk": list(uk), "ru": [], "latin": list(latin), "current": 1, "county": wof_id,
            "superseded_by": list(superseded_by)}  # fmt: skip


def test_raions_get_their_russian_and_pre_2020_names(ukraine, raions, rows, wof):
    """Pokrovsk Raion is "Pokrovsky district" (its Russian adjective, raion_centres.json) and, before
    2016, "Krasnoarmeysky district": WOF's county Красноармійський (superseded by a record with only
    a Latin name, to which Pokrovsk belongs); the Russian adjective is the centre's WOF Russian name,
    Красноармейск, + -ий. Bakhmut Raion is "Artemovsk/Artyomovsk district" after its centre's WOF
    Russian name. A key another place has keeps its meaning and is reported."""
    existing, new, _ = _front(ukraine, rows, wof)
    other = {**existing[1], "id": "geonames:900010", "keys": {"bakhmutsky rayon"}}
    places = [*existing, *new, other]
    counties = [_county(20, ["Красноармійський"], [21]), _county(21, [], latin=["Krasnoarmiiskyi"])]
    localities = [dict(w, county=21) for w in wof if w["id"] == 8]  # Pokrovsk (WOF: Красноармійськ)
    logged: list[str] = []
    stats = raions.russian_raion_names(
        places, ukraine.read_centres(DATA / "raion_centres.json"),
        ukraine.read_centres(DATA / "hromada_centres.json"), counties, localities, logged.append,
    )  # fmt: skip
    keys = {p["name"]: p["keys"] for p in places if p["kind"] == "raion"}
    pokrovsk, bakhmut = keys["Pokrovsk Raion"], keys["Bakhmut Raion"]
    assert {"pokrovsky district", "pokrovskiy rayon", "pokrovskii raion", "покровский район"} <= pokrovsk
    russian = {"krasnoarmeysky district", "krasnoarmeisky raion", "krasnoarmeyskiy rayon"}
    more = {"krasnoarmiiskyi raion", "красноармійський район", "красноармейский район"}  # Ukrainian; Cyrillic
    assert russian | more <= pokrovsk
    assert {"bakhmutsky district", "bakhmutskiy raion", "бахмутский район", "artemovsk district",
            "artyomovsk raion"} <= bakhmut  # fmt: skip
    assert "bakhmutsky rayon" not in bakhmut and other["keys"] == {"bakhmutsky rayon"}
    assert any("'bakhmutsky rayon' for Bakhmut Raion: geonames:900010" in line for line in logged)
    assert not any(k.endswith(" region") for k in pokrovsk | bakhmut)  # "X region" is an oblast
    assert (stats["old_raions"], stats["refused_taken"]) == (1, 1)


def test_a_raion_key_another_place_has_or_another_raion_wants_is_refused(raions):
    """Current names (first tier) before pre-2020 ones; a key two raions of one tier want goes to
    neither (two old Олександрівський raions)."""
    a, b = {"id": "a", "keys": {"a raion"}}, {"id": "b", "keys": {"b raion"}}
    town = {"id": "t", "keys": {"taken district"}}
    current = {"a": {"x district", "taken district"}, "b": {"y district"}}
    old = {"a": {"old district", "y district"}, "b": {"old district"}}
    stats, refused = raions.add_keys([a, b, town], [current, old])
    assert a["keys"] == {"a raion", "x district"} and b["keys"] == {"b raion", "y district"}
    assert town["keys"] == {"taken district"}
    assert sorted(refused) == [
        ("old district", "a", ("b",)), ("old district", "b", ("a",)),
        ("taken district", "a", ("t",)), ("y district", "a", ("b",)),
    ]  # fmt: skip
    assert stats == {"raions": 2, "keys": 2, "refused_taken": 2, "refused_shared": 2}


def test_rivers_get_lines_and_lakes_polygons(water):
    rivers = water.read_geojson(DATA / "rivers.geojson")
    donets = {"id": "add:siverskyi-donets-river", "name": "Siverskyi Donets", "kind": "river", "lat": 49.21,
              "lon": 37.28, "keys": {"siverskyi donets"}, "geometry": None}  # fmt: skip
    new, lined = water.river_lines(rivers, {donets["id"]: donets})
    assert lined == 1 and donets["geometry"].geom_type == "LineString"  # the two pieces merged
    assert (donets["lat"], donets["lon"]) == (49.21, 37.28)  # the point stays
    assert [p["id"] for p in new] == ["ne:river-don"]  # "Sal" is not a river of the list
    assert new[0]["kind"] == "river" and "don river" in new[0]["keys"]
    # the bare name is a key too (a given name, but a major river), never an explicit one
    assert "don" in new[0]["keys"] and "don" not in new[0]["explicit"] and new[0]["tier"] == 1
    lakes = water.read_geojson(DATA / "lakes.geojson")
    kakhovka = {"id": "add:kakhovka-reservoir", "kind": "river", "keys": set(), "geometry": None}
    new, polygons = water.lake_polygons(lakes, {kakhovka["id"]: kakhovka})
    assert polygons == 1 and kakhovka["kind"] == "lake" and kakhovka["geometry"].geom_type == "Polygon"
    assert [p["name"] for p in new] == ["Kremenchuk Reservoir"] and new[0]["geometry"].is_valid


def test_register_rivers_are_flagged_points(water):
    rows = water.read_register_rivers(DATA / "register.csv")
    taken = frozenset({"bakhmut", "siverskyi donets"})
    out = water.register_rivers(rows, {"donets"}, {"vovcha"}, lambda o: "Donetsk Oblast", taken)
    by_name = {p["name"]: p for p in out}
    assert set(by_name) == {"Bakhmutka River", "Vovcha River", "Bakhmut River"}  # Donets is known already
    assert {"bakhmutka", "bakhmutka river", "river bakhmutka", "річка бахмутка"} <= by_name[
        "Bakhmutka River"
    ]["keys"]
    assert "vovcha" not in by_name["Vovcha River"]["keys"]  # a stop word here
    assert "bakhmut" not in by_name["Bakhmut River"]["keys"]  # the town has that name
    p = by_name["Bakhmutka River"]
    assert p["approximate"] and p["uncertainty_km"] > 0 and p["kind"] == "river" and p["tier"] == 2
    assert (p["lat"], p["lon"]) == (pytest.approx(47.97222, abs=1e-4), pytest.approx(37.76917, abs=1e-4))


def test_register_rivers_take_their_russian_names(water):
    rows = water.read_register_rivers(DATA / "register.csv")
    out = water.register_rivers(
        rows, {"donets"}, set(), lambda o: "Donetsk Oblast", frozenset({"bakhmut"}), {"Вовча": "Волчья"}
    )
    vovcha = next(p for p in out if p["name"] == "Vovcha River")
    assert {"volchya river", "river volchya", "волчья река", "volchya"} <= vovcha["keys"]
    assert "volchya river" not in next(p for p in out if p["name"] == "Bakhmutka River")["keys"]
    # the shipped table: every Russian name is Cyrillic, and differs from the Ukrainian one
    names = water.read_russian_names()
    assert names and all(uk != ru and not ru.isascii() for uk, ru in names.items())


def _front_slice(build, rows, tmp_path) -> tuple[list[dict], dict]:
    """The places of the gazetteer before the whole front, with the front added from the slices in
    ``tests/data/gazetteer/`` (laid out as the build's sources), and the build's counts."""
    front = load("front")
    src = tmp_path / "sources"
    src.mkdir()
    for name, target in [
        ("wof_ua_places.jsonl", front.WOF), ("hromada_centres.json", front.HROMADAS),
        ("raion_centres.json", front.RAIONS), ("register.csv", front.REGISTER),
        ("rivers.geojson", front.RIVERS[0]), ("rivers.geojson", front.RIVERS[1]),
        ("lakes.geojson", front.LAKES[0]), ("lakes.geojson", front.LAKES[1]),
        ("seas.geojson", front.SEAS),
    ]:  # fmt: skip
        data = (DATA / name).read_bytes()
        (src / target).write_bytes(gzip.compress(data) if target.endswith(".gz") else data)
    words = tmp_path / "words"
    words.mkdir()
    for name in front.WORD_LISTS:
        shutil.copy(DATA / "stop_words.txt", words / name)
    places = _existing()
    stats = front.add_front(
        places, src, REGIONS, build.clean_alternates, log=lambda *a: None, rows=rows, words=words
    )
    return places, stats


def test_the_whole_slice_builds_packs_and_reads_back(build, rows, tmp_path):
    from frontmap.gazetteer.store import Store

    places, stats = _front_slice(build, rows, tmp_path)
    assert stats["added"] == 9 and stats["rivers_new"] == 1 and stats["register_rivers"] == 4
    assert stats["seas_new"] == 3  # Baltic Sea, Bosporus, Sea of Azov; not the unnamed lagoon
    files = build.pack(places)
    out = tmp_path / "data"
    build.write(out, files)
    store = Store(out)
    assert store.lookup("klishchiivka")[0].hromada == "Bakhmut urban hromada"
    assert store.lookup("artyomovsk")[0].id == "geonames:900001"
    # the existing place first, then the new village of the same key (andriivka has two)
    assert [p.id for p in store.lookup("andriivka")] == [
        "katottg:UA14020010020030001",
        "katottg:UA14020090050030005",
    ]
    novyi = store.lookup("novyi svit")[0]
    assert novyi.approximate and novyi.uncertainty_km == pytest.approx(8.6) and novyi.extent_km > 0
    inside = store.places_in(hromada="Bakhmut urban hromada")
    assert {p.name for p in inside} >= {"Bakhmut", "Klishchiivka", "Andriivka", "Bakhmut urban hromada"}
    assert all(p.hromada == "Bakhmut urban hromada" for p in inside)
    assert {p.name for p in store.places_in(admin1="Donetsk Oblast", raion="Pokrovsk Raion")} == {
        "Pokrovsk Raion", "Pokrovsk urban hromada", "Pokrovsk", "Novyi Svit",
    }  # fmt: skip
    assert store.places_in() == []
    near = store.near(48.53, 37.961, 5)
    assert near[0].name == "Klishchiivka" and all(p.lat > 48.48 for p in near)
    assert [p.name for p in store.near(48.59, 37.99, 0.5)] == ["Bakhmut"]
    assert store.lookup("siverskyi donets") == ()  # not in this slice's places


@pytest.mark.parametrize(
    ("tier", "country"),
    [(0, "UA"), (0, "RU"), (0, "US"), (1, "UA")],
    ids=["gazetteer town in UA", "gazetteer town in RU", "gazetteer town in US", "codifier village"],
)
def test_bare_river_name_ranks_after_other_places(water, tier, country):
    rivers = water.read_geojson(DATA / "rivers.geojson")
    (don,), _ = water.river_lines(rivers, {})
    # a made-up place called "Don": of the first gazetteer (tier 0) or a new codifier village (tier 1)
    town = {"id": "t:don", "name": "Don", "kind": "settlement", "country": country, "population": 0,
            "feature": "PPL", "keys": {"don"}, "explicit": set(), "tier": tier}  # fmt: skip
    index = _pack().build_index([don, town])
    assert index["don"] == (1, 0)  # the town first, the river after it
    assert index["don river"] == (0,)


def _pack():
    return load("pack")


# ------------------------------------------------------------------------------- Russian forms
def _village(pid, uk, keys, population=0, country="UA", ru=(), tier=1):
    return {"id": pid, "name": pid, "kind": "settlement", "country": country, "population": population,
            "feature": "PPL", "keys": set(keys), "explicit": set(), "primary": set(keys), "tier": tier,
            "uk_name": uk, "ru_names": list(ru)}  # fmt: skip


def test_derived_russian_keys_are_added_late_and_never_take_a_name():
    russian = load("russian")
    pack = _pack()
    synkivka = _village("k:synkivka", "Синьківка", {"синьківка", "synkivka"})
    # a sourced Russian name: nothing is derived for it
    sourced = _village("k:serhiivka1", "Сергіївка", {"сергіївка", "serhiivka", "sergeyevka"}, 1500,
                       ru=["Сергеевка"], tier=0)  # fmt: skip
    namesake = _village("k:serhiivka2", "Сергіївка", {"сергіївка", "serhiivka"})
    ivanove = _village("k:ivanove", "Іванове", {"іванове", "ivanove"})
    ivanovo = _village("g:ivanovo", None, {"ivanovo"}, 400_000, country="RU", tier=0)
    kamianka = _village("k:kamianka", "Кам'янка", {"кам'янка", "kamianka"})
    places = [synkivka, sourced, namesake, ivanove, ivanovo, kamianka]
    stats = russian.add_russian_keys(places, stop={"kamenka"})
    assert {"sinkovka", "синьковка"} <= synkivka["keys"] and "sinkovka" in synkivka["late"]
    assert "late" not in sourced and sourced["keys"] == {"сергіївка", "serhiivka", "sergeyevka"}
    # the same Ukrainian name: the key a namesake has is shared, after it
    assert "sergeyevka" in namesake["keys"]
    # a different, larger place keeps its name; the other form is new
    assert "ivanovo" not in ivanove["keys"] and "ivanovoye" in ivanove["keys"]
    # a common word stays out, the Cyrillic form is kept
    assert "kamenka" not in kamianka["keys"] and "каменка" in kamianka["keys"]
    assert stats["considered"] == 4 and stats["refused"] >= 1
    index = pack.build_index(places)
    assert index["sergeyevka"] == (1, 2)  # the sourced name first
    assert index["ivanovo"] == (4,)


def test_a_renamed_village_shares_the_russian_form_of_its_former_name_with_its_old_namesakes():
    russian = load("russian")
    # Перемога was Побєда until 2024; another Побєда, larger, keeps the name and shares its Russian form
    pobieda = _village("g:pobieda", "Побєда", {"побєда", "pobieda", "pobeda"}, 562, tier=0)
    peremoha = _village("k:peremoha", "Перемога", {"перемога", "peremoha", "побєда", "pobieda"})
    peremoha["former"] = ["Побєда"]
    russian.add_russian_keys([pobieda, peremoha], stop=set())
    assert "pobeda" in peremoha["keys"] and "pobeda" in peremoha["late"]


def test_a_derived_russian_form_is_shared_with_a_small_place_of_ukraine_and_kept_from_a_town():
    russian = load("russian")
    pack = _pack()
    # Makarove (Odesa Oblast), which GeoNames also calls Makarovka, is no town: the village shares the key
    makarove = _village("g:makarove", "Макарове", {"макарове", "makarove", "makarovka"}, 1_200, tier=0)
    makarivka = _village("k:makarivka", "Макарівка", {"макарівка", "makarivka"})
    places = [makarove, makarivka]
    russian.add_russian_keys(places, stop=set())
    assert "makarovka" in makarivka["late"] and pack.build_index(places)["makarovka"] == (0, 1)
    # a town of 10,000 or more keeps it
    town = _village("g:town", "Макарове", {"макарове", "makarove", "makarovka"}, 12_000, tier=0)
    village = _village("k:village", "Макарівка", {"макарівка", "makarivka"})
    russian.add_russian_keys([town, village], stop=set())
    assert "makarovka" not in village["keys"] and "макаровка" in village["keys"]


def test_a_village_whose_sourced_russian_name_is_of_its_former_name_gets_the_form_of_its_name_today():
    russian = load("russian")
    # WOF files Pavlivka (Vuhledar hromada) under its former name, Долинське, with the Russian Долинское
    keys = {"павлівка", "pavlivka", "долинське", "dolynske", "долинское"}
    pavlivka = _village("k:pavlivka", "Павлівка", keys, ru=["Долинское"])
    # a sourced name of its own name (Угледар for Вугледар, not the derived form): nothing is added
    vuhledar = _village("k:vuhledar", "Вугледар", {"вугледар", "vuhledar", "угледар"}, ru=["Угледар"])
    stats = russian.add_russian_keys([pavlivka, vuhledar], stop=set())
    assert {"pavlovka", "павловка"} <= pavlivka["keys"] and "pavlovka" in pavlivka["late"]
    assert "late" not in vuhledar and stats["considered"] == 1


def test_a_small_town_abroad_shares_a_derived_russian_form_ranked_first():
    russian = load("russian")
    pack = _pack()
    sokil = _village("k:sokil", "Сокіл", {"сокіл", "sokil"})
    sokol = _village("g:sokol", None, {"sokol"}, 57_000, country="RU", tier=0)
    places = [sokil, sokol]
    russian.add_russian_keys(places, stop=set())
    assert "sokol" in sokil["keys"] and "sokol" in sokil["late"]
    assert pack.build_index(places)["sokol"] == (1, 0)  # the town abroad first; context may choose


def test_the_slice_resolves_a_russian_form(build, rows, tmp_path):
    places, stats = _front_slice(build, rows, tmp_path)
    # 3 without a WOF Russian name, and Бахмут, whose one (Артёмовск) is of its former name
    assert stats["russian_considered"] == 4 and stats["russian_agree"] == 4  # of 7 WOF Russian names
    index = build.build_index(places)
    # Бахмутське and Новий Світ have no Russian name in the slice's WOF: Бахмутское, Новый Свет
    assert [places[i]["id"] for i in index["bakhmutskoye"]] == ["katottg:UA14020010030030002"]
    assert [places[i]["id"] for i in index["novyy svet"]] == ["katottg:UA14160210020030006"]
    assert "виктория" in index and "viktoriya" in index  # Вікторія: not "victoria", a given name
    assert "vyktoryia" not in index  # Russian и is i


def test_derived_keys_spell_russian_and_not_ukrainian():
    russian = load("russian")
    keys = russian.derived_keys("Газове", stop=set())
    assert {"газово", "газовое", "gazovo", "gazovoye", "gazovoe"} <= keys
    assert not {"hazovoe", "hazovoye", "gazove"} & keys
    assert russian.derived_keys("Нове", stop=set()) == {"ново", "новое", "novoye", "novoe"}  # not "novo"


def test_register_reservoirs_lakes_and_spits_are_named_in_english(water):
    rows = [
        {"reg": "1", "uk": "Карачунівське", "latin": "Karachunivske", "kind": "водосховище",
         "oblast": "Дніпропетровська обл.", "lat": 47.92, "lon": 33.24},
        {"reg": "2", "uk": "Донузлав", "latin": "Donuzlav", "kind": "озеро", "oblast": "", "lat": 45.38,
         "lon": 33.06},
        {"reg": "3", "uk": "Кінбурнська", "latin": "Kinburnska", "kind": "коса", "oblast": "", "lat": 46.55,
         "lon": 31.55},
        {"reg": "4", "uk": "Київське", "latin": "Kyivske", "kind": "водосховище", "oblast": "", "lat": 50.9,
         "lon": 30.5},
        {"reg": "5", "uk": "Арабатська Стрілка", "latin": "Arabatska Strilka", "kind": "коса", "oblast": "",
         "lat": 45.55, "lon": 35.15},
        {"reg": "6", "uk": "Великий Потьомкін", "latin": "Velykyi Potomkin", "kind": "острів", "oblast": "",
         "lat": 46.58, "lon": 32.53},
        {"reg": "7", "uk": "Тендрівська Коса", "latin": "Tendrivska Kosa", "kind": "острів", "oblast": "",
         "lat": 46.19, "lon": 31.88},
    ]  # fmt: skip
    found = water.register_waters(rows, {"kyivske reservoir", "kyivske lake"}, lambda text: None)
    by_id = {p["id"]: p for p in found}
    assert set(by_id) == {f"register:{i}" for i in (1, 2, 3, 5, 6, 7)}  # Kyivske's names are taken
    assert {"karachunivske reservoir"} <= by_id["register:1"]["keys"] and by_id["register:1"][
        "kind"
    ] == "lake"
    assert "lake donuzlav" in by_id["register:2"]["keys"] and "donuzlav" not in by_id["register:2"]["keys"]
    assert by_id["register:3"]["name"] == "Kinburnska Spit" and by_id["register:3"]["kind"] == "facility"
    assert {"kinburnska spit", "kinburn spit"} <= by_id["register:3"]["keys"]
    # a spit's generic word in its name: "Arabatska Strilka" is the Arabat Spit, an "island" Kosa a spit
    assert by_id["register:5"]["name"] == "Arabatska Spit" and "arabat spit" in by_id["register:5"]["keys"]
    # ... named by the noun in -a its adjective in -ivska is made from too ("Tendra Spit")
    assert by_id["register:7"]["keys"] >= {"tendrivska spit", "tendriv spit", "tendra spit"}
    assert "tendrivska kosa island" not in by_id["register:7"]["keys"]
    island = by_id["register:6"]
    assert island["keys"] == {"velykyi potomkin island", "ostriv velykyi potomkin"}
    assert (island["name"], island["kind"]) == ("Velykyi Potomkin Island", "facility")
    assert all(p["approximate"] and p["country"] == "UA" for p in found)


def test_a_register_reservoir_is_also_named_after_its_town_or_river(water):
    def reservoir(i, latin, lat, lon):
        return {"reg": str(i), "uk": "", "latin": latin, "kind": "водосховище", "oblast": "", "lat": lat,
                "lon": lon}  # fmt: skip

    def place(pid, name, kind, lat, lon, keys=()):
        return {"id": pid, "name": name, "kind": kind, "lat": lat, "lon": lon, "keys": set(keys)}

    rows = [
        reservoir(1, "Pechenizke", 49.99, 36.88),
        reservoir(2, "Chervonooskilske", 49.42, 37.57),
        reservoir(3, "Kurakhivske", 48.0, 37.28),
        reservoir(4, "Kanivske", 50.2, 30.9),  # Kaniv is 100 km off: not named after it
        reservoir(5, "Dniprovske", 48.13, 35.18),
    ]
    places = [
        place("t:1", "Pechenihy", "settlement", 49.87, 36.94, {"pechenihy", "pechenegi", "печеніги"}),
        place("r:1", "Oskil River", "river", 49.71, 37.62, {"oskil", "oskol", "oskil river"}),
        place("t:2", "Kurakhivka", "settlement", 48.06, 37.33, {"kurakhivka"}),
        place("t:3", "Kurakhove", "settlement", 47.99, 37.28, {"kurakhove", "kurakhovo"}),
        place("t:4", "Kaniv", "settlement", 49.75, 31.46, {"kaniv"}),
        place("t:5", "Dnipro", "settlement", 48.45, 35.04, {"dnipro"}),
    ]
    waters = water.register_waters(rows, set(), lambda text: None)
    assert water.reservoirs_by_town(waters, places, {"dnipro reservoir"}) == 3
    keys = {w["id"]: w["keys"] for w in waters}
    # the town's Latin spellings, not its Cyrillic name
    assert keys["register:1"] == {"pechenizke reservoir", "pechenihy reservoir", "pechenegi reservoir"}
    # a compound adjective ending in a river's name: the Oskil
    assert {"oskil reservoir", "oskol reservoir"} <= keys["register:2"]
    # of the nearest place named by its stem: Kurakhove, not Kurakhivka 7 km off
    assert {"kurakhove reservoir", "kurakhovo reservoir"} <= keys["register:3"]
    assert "kurakhivka reservoir" not in keys["register:3"]
    assert keys["register:4"] == {"kanivske reservoir"}  # too far from Kaniv
    assert keys["register:5"] == {"dniprovske reservoir"}  # the name is taken


def test_register_capes_and_peninsulas_are_named_in_english_and_misprinted_points_left_out(water):
    rows = [
        {"reg": "1", "uk": "Тарханкут", "latin": "Tarkhankut", "kind": "мис", "oblast": "", "lat": 45.35,
         "lon": 32.49},
        {"reg": "2", "uk": "Тарханкутський", "latin": "Tarkhankutskyi", "kind": "півострів", "oblast": "",
         "lat": 45.47, "lon": 32.97},
        {"reg": "3", "uk": "Опук", "latin": "Opuk", "kind": "мис", "oblast": "", "lat": 44.03, "lon": 46.23},
    ]  # fmt: skip
    by_id = {p["id"]: p for p in water.register_waters(rows, set(), lambda text: None)}
    assert set(by_id) == {"register:1", "register:2"}  # 46 degrees east is beyond Ukraine: a misprint
    assert by_id["register:1"]["keys"] == {"cape tarkhankut", "tarkhankut cape"}  # never the bare name
    assert (by_id["register:1"]["name"], by_id["register:1"]["kind"]) == ("Cape Tarkhankut", "facility")
    assert "tarkhankut peninsula" in by_id["register:2"]["keys"]  # named by its adjective's stem too


def test_a_lake_gets_the_country_and_region_holding_its_point(water):
    from shapely.geometry import box

    units = [
        {"kind": "country", "country": "UA", "name": "Ukraine", "geometry": box(22, 44, 41, 53)},
        {"kind": "region", "country": "UA", "name": "Kyiv Oblast", "geometry": box(29, 49, 32, 52)},
    ]
    lakes = [
        {"lat": 50.9, "lon": 30.5, "country": None, "admin1": None},
        {"lat": 47.7, "lon": 42.5, "country": None, "admin1": None},  # abroad: nothing holds it
    ]
    assert water.locate(lakes, units) == 1
    assert (lakes[0]["country"], lakes[0]["admin1"]) == ("UA", "Kyiv Oblast")
    assert lakes[1]["country"] is None


# ------------------------------------------------------------------------------ WOF-only villages
def _wof(wid, uk, lat, lon, ru=(), latin=(), geonames=None, current=-1):
    return {"id": wid, "oblast": "UA14", "lat": lat, "lon": lon, "geonames": geonames, "population": 0,
            "uk": list(uk), "ru": list(ru), "latin": list(latin), "current": current}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "village"),
    [
        ("Желанне", True), ("Орлово-Іванівка", True), ("Роз’їждже", True), ("Мавроді Іван Васильович", False),
        ("Заказник Володимирівська Дача", False), ("Бахмутський район", False), ("Аеродром", False),
        ("Толстой", False), ("Великан", False), ("Цілинні землі", False), ("Червоний Пахар", False),
        ("Жовтневе Друге", False), ("Золота Балка (3 отд.)", False), ("Ге", False),
    ],
)  # fmt: skip
def test_wof_names_that_are_no_village(name, village):
    wv = load("wof_villages")
    assert (wv.place_like(name) and not wv.no_place(name)) is village


def test_wof_localities_the_gazetteer_lacks_become_villages_with_new_keys_only():
    """Zhelanne (with a duplicate record 1 km away) and Lastochkyne are added; Ханженкове is GeoNames'
    Khanzhonkove (WOF gives its id) and Коросне the codifier's Коросно 0.7 km away: they give them
    their names; Андріївка has places already; the others are no village, gone or abroad."""
    wv = load("wof_villages")

    def place(pid, lat, lon, keys):
        return {"id": pid, "name": pid, "kind": "settlement", "lat": lat, "lon": lon, "country": "UA",
                "population": 0, "feature": "PPL", "keys": set(keys), "explicit": set()}  # fmt: skip

    khanzhonkove = place("geonames:706488", 48.094, 38.076, {"khanzhonkove", "ханжонкове"})
    korosno = place("katottg:UA46", 49.686, 24.544, {"korosno", "коросно"})
    andriivka = place("katottg:UA14", 48.5, 37.97, {"andriivka", "андріївка"})
    places = [khanzhonkove, korosno, andriivka]
    records = [
        _wof(101868499, ["Желанне"], 48.2079, 37.4384, ru=["Желанное"], latin=["Zhelannoye", "Schelanne"]),
        _wof(1360000007, ["Желанне"], 48.2, 37.43),  # WOF's duplicate: one place
        _wof(1343654477, ["Ласточкине"], 48.14824, 37.68145, latin=["Lastochkyne", "Bur"]),
        _wof(1292993477, ["Ханженкове"], 48.09225, 38.07387, geonames=706488),
        _wof(3, ["Коросне"], 49.6859, 24.5333),
        _wof(4, ["Андріївка"], 47.0, 37.0),
        _wof(5, ["Червоний Пахар"], 48.0, 37.0),
        _wof(6, ["Мавроді Іван Васильович", "Краснознаменка"], 50.4, 33.75),
        _wof(8, ["Цілинні землі"], 48.7, 38.2),
        _wof(9, ["Старе Шарне"], 51.2, 29.15, current=0),
        _wof(10, ["Кричунів"], 47.95, 23.98),  # in Romania
    ]
    new, stats = wv.wof_only_places(records, places, lambda lat, lon: "Donetsk Oblast" if lon > 24 else None,
                                    stop=set())  # fmt: skip
    by_id = {p["id"]: p for p in new}
    assert sorted(by_id) == ["wof:101868499", "wof:1343654477"]
    zh = by_id["wof:101868499"]
    assert (zh["name"], zh["admin1"], zh["katottg"]) == ("Zhelanne", "Donetsk Oblast", None)
    assert zh["uncertainty_km"] == wv.UNCERTAINTY_KM > 0 and not zh["approximate"] and zh["tier"] == 1
    assert {"zhelanne", "желанне", "zhelannoye", "желанное", "schelanne"} <= zh["keys"] and not zh["late"]
    la = by_id["wof:1343654477"]
    # no WOF Russian name: the derived forms, ranked after any place named so; WOF's "Bur" is no spelling
    assert {"lastochkyne", "ласточкине", "lastochkino", "ласточкино"} <= la["keys"]
    assert "bur" not in la["keys"]
    assert "lastochkino" in la["late"] and "lastochkyne" not in la["late"]
    assert {"khanzhenkove", "ханженкове"} <= khanzhonkove["keys"] and "коросне" in korosno["keys"]
    assert "андріївка" not in {k for p in new for k in p["keys"]}
    assert stats == {"wof_added": 2, "wof_names_of_existing": 2, "wof_no_place": 2, "wof_not_place_like": 1,
                     "wof_not_current": 1, "wof_abroad": 1}  # fmt: skip
    index = _pack().build_index([*places, *new])
    assert index["zhelannoye"] == (3,) and index["khanzhenkove"] == (0,)


def test_seas_gulfs_and_straits_no_place_has_yet(water):
    marine = water.read_geojson(DATA / "seas.geojson")
    azov = {"keys": {"sea of azov", "azov sea"}}
    seas = {p["name"]: p for p in water.sea_polygons(marine, azov["keys"])}
    assert sorted(seas) == ["Baltic Sea", "Bosporus"]  # the Sea of Azov is known; a lagoon is no place
    baltic = seas["Baltic Sea"]
    assert baltic["kind"] == "sea" and baltic["feature"] == "SEA" and "baltic sea" in baltic["explicit"]
    assert baltic["geometry"].contains(__import__("shapely").Point(baltic["lon"], baltic["lat"]))
    assert seas["Bosporus"]["feature"] == "STRT" and seas["Bosporus"]["keys"] == {"bosporus"}


def test_land_names_of_neighbours_regions():
    world = load("world")
    tatarstan = {"name": "Tatarstan", "name_en": "Republic of Tatarstan", "name_alt": "Kazan|Tatar A.S.S.R."}
    assert world.land_names(tatarstan) == {"Tatarstan"}
    sakha = {"name": "Sakha (Yakutia)", "name_en": "Sakha Republic", "name_alt": ""}
    assert world.land_names(sakha) == {"Yakutia"}
    assert world.land_names({"name": "Chuvash", "name_alt": "Chuvashiya|Chuvashskaya Respublika"}) == {
        "Chuvashiya", "Chuvashia",
    }  # fmt: skip
    krai = {"name": "Krasnodar", "name_alt": "Cossacks of the Black Sea|Kubanskaya|Kuban"}
    assert world.land_names(krai) == set()  # a city's name, a sea, an adjective


def test_land_names_are_curated_keys_unless_a_town_of_the_country_has_them():
    world = load("world")
    region = {"kind": "region", "country": "RU", "keys": {"republic of chechnya"}, "explicit": set(),
              "land_names": {"Chechnya", "Grozny"}}  # fmt: skip
    town = {"kind": "settlement", "country": "RU", "keys": {"grozny"}}
    village = {"kind": "settlement", "country": "UA", "keys": {"chechnya"}}
    assert world.add_land_names([region, town, village], frozenset()) == 1
    assert region["keys"] == {"republic of chechnya", "chechnya"} and region["explicit"] == {"chechnya"}
    assert "land_names" not in region
