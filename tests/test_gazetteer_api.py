"""Tests for the gazetteer's ``within=``, typo-tolerant lookup, ``reverse`` (geopy and geopandas) and
bad input, against the shipped data (places that exist before and after the settlements rebuild)."""

from __future__ import annotations

import math
import pickle
import shutil

import pytest

import frontmap as fm
import frontmap.gazetteer._typos as typos_module
import frontmap.gazetteer.lookup as lookup_module
from frontmap.errors import InputError, UnknownPlaceError
from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.store import Store, data_directory, haversine_km, shipped


@pytest.fixture(scope="module")
def gz():
    return fm.Gazetteer()


def has_raions(gz) -> bool:
    return any(p.kind == "raion" for p in gz.lookup("bakhmut raion"))


needs_raions = pytest.mark.skipif(
    not has_raions(fm.Gazetteer()),
    reason="the shipped data has no raions yet (before the settlements rebuild)",
)


# ----------------------------------------------------------------- within


@pytest.mark.parametrize(
    ("name", "within", "admin1"),
    [
        ("Lyman", "Donetsk Oblast", "Donetsk Oblast"),
        ("Lyman", "Donetsk region", "Donetsk Oblast"),
        ("Lyman", "donetsk oblast", "Donetsk Oblast"),
        ("Lyman", "Donetsk", "Donetsk Oblast"),  # a bare name: the oblast first
        ("Lyman", "Kharkiv Oblast", "Kharkiv Oblast"),
        ("Lyman", "Kharkov region", "Kharkiv Oblast"),
        ("Lyman", "Kharkivska oblast", "Kharkiv Oblast"),
        ("Lyman", "Харківська область", "Kharkiv Oblast"),
        ("Kalynivka", "Kyiv Oblast", "Kyiv Oblast"),
        ("Kalynivka", "Vinnytsia Oblast", "Vinnytsia Oblast"),
        ("Izium", "Kharkiv Oblast", "Kharkiv Oblast"),
        ("Kharkiv", "Kharkiv Oblast", "Kharkiv Oblast"),
    ],
    ids=lambda v: str(v),
)
def test_within_an_oblast_keeps_its_places(gz, name, within, admin1):
    p = gz.resolve(name, within=within)
    assert p.admin1 == admin1 and normalize(p.name) == normalize(name)
    found = gz.candidates(name, within=within)
    assert found and all(q.admin1 == admin1 for q in found)
    assert found[0] == p


def test_within_narrows_the_homonyms(gz):
    everywhere = gz.candidates("Lyman")
    donetsk = gz.candidates("Lyman", within="Donetsk Oblast")
    kharkiv = gz.candidates("Lyman", within="Kharkiv Oblast")
    assert set(donetsk) <= set(everywhere) and set(kharkiv) <= set(everywhere)
    assert not set(donetsk) & set(kharkiv)
    assert gz.resolve("Lyman") == donetsk[0]  # the famous one is in Donetsk Oblast


def test_within_accepts_a_place(gz):
    oblast = gz.resolve("Kharkiv region")
    assert gz.within(oblast) is oblast
    assert gz.resolve("Lyman", within=oblast).admin1 == "Kharkiv Oblast"


def test_within_combines_with_near_kind_and_country(gz):
    kyiv = gz.resolve("Kyiv")
    found = gz.candidates("Kalynivka", within="Kyiv Oblast", near=kyiv)
    dist = [haversine_km(kyiv.lat, kyiv.lon, p.lat, p.lon) for p in found]
    assert len(found) >= 2 and dist == sorted(dist)
    assert (
        gz.resolve("Kalynivka", within="Kyiv Oblast", kind="settlement", country="UA").admin1 == "Kyiv Oblast"
    )


def test_within_a_region_without_admin1_uses_its_polygon(gz):
    donbas = gz.within("Donbas")
    assert donbas.kind == "region" and donbas.admin1 is None
    found = gz.candidates("Lyman", within="Donbas")
    assert found and {p.admin1 for p in found} <= {"Donetsk Oblast", "Luhansk Oblast"}
    assert gz.resolve("Bakhmut", within=donbas).name == "Bakhmut"
    with pytest.raises(UnknownPlaceError):
        gz.resolve("Izium", within="Donbas")


def test_within_excludes_places_elsewhere(gz):
    with pytest.raises(UnknownPlaceError, match="within Donetsk Oblast") as err:
        gz.resolve("Kharkiv", within="Donetsk Oblast")
    assert "Kharkiv Oblast" in str(err.value)  # it says where Kharkiv is
    assert gz.candidates("Izium", within="Donetsk Oblast") == []
    assert gz.geocode("Izium", within="Donetsk Oblast") is None


@needs_raions
@pytest.mark.parametrize("within", ["Bakhmut Raion", "Bakhmut district", "Bakhmut rayon", "bakhmut raion"])
def test_within_a_raion(gz, within):
    unit = gz.within(within)
    assert (unit.kind, unit.name, unit.admin1) == ("raion", "Bakhmut Raion", "Donetsk Oblast")
    found = gz.candidates("Kalynivka", within=within)
    assert found and all(p.raion == "Bakhmut Raion" and p.admin1 == "Donetsk Oblast" for p in found)
    assert gz.resolve("Bakhmut", within=within).kind == "settlement"


@needs_raions
def test_within_a_hromada(gz):
    unit = gz.within("Bakhmut hromada")
    assert unit.kind == "hromada" and unit.raion == "Bakhmut Raion"
    p = gz.resolve("Bakhmut", within=unit)
    assert p.hromada == unit.name
    assert gz.candidates("Lyman", within=unit) == []


@needs_raions
def test_within_a_hromada_name_several_hromadas_share(gz):
    with pytest.raises(InputError, match="'Kalynivka hromada' is ambiguous") as err:
        gz.within("Kalynivka hromada")
    assert "pass the Place" in str(err.value)
    units = gz.candidates("Kalynivka hromada", kind="hromada")
    assert len({(u.name, u.raion) for u in units}) >= 2
    for unit in units:  # each one, passed as a Place, keeps its own villages
        found = gz.candidates("Kalynivka", within=unit)
        assert all(p.hromada == unit.name and p.raion == unit.raion for p in found)


@needs_raions
def test_candidates_carry_their_hierarchy(gz):
    p = gz.resolve("Lyman", within="Donetsk Oblast")
    d = p.to_dict()
    assert d["admin1"] == "Donetsk Oblast" and d["raion"] == "Kramatorsk Raion" and "hromada" in d
    assert gz.geocode("Lyman", within="Donetsk Oblast").raw["raion"] == "Kramatorsk Raion"


@pytest.mark.parametrize(
    ("within", "fragment"),
    [
        ("Atlantis Xq", "'Atlantis Xq' is not an oblast, raion or hromada"),
        ("Kharkiv River", "it is a river"),
        ("", "empty"),
        ("x" * 300, "300 characters"),
        (42, "within=42"),
        (["Donetsk Oblast"], "within=\\['Donetsk Oblast'\\]"),
        (math.nan, "within=nan"),
    ],
    ids=["unknown", "a-river", "empty", "too-long", "int", "list", "nan"],
)
def test_bad_within_raises_input_error_naming_it(gz, within, fragment):
    with pytest.raises(InputError, match=fragment) as err:
        gz.resolve("Lyman", within=within)
    if within and isinstance(within, str) and len(within) < 100:
        assert "Donetsk Oblast" in str(err.value)  # says what works
    with pytest.raises(InputError):
        gz.candidates("Lyman", within=within)


def test_within_a_settlement_place_is_refused(gz):
    with pytest.raises(InputError, match="is a settlement"):
        gz.resolve("Lyman", within=gz.resolve("Kharkiv"))


# ----------------------------------------------------------------- typo-tolerant lookup

TYPOS = [
    ("Bahkmut", "Bakhmut"),  # an adjacent swap
    ("Zaporizhziha", "Zaporizhzhia"),
    ("Gulyaipoloe", "Huliaipole"),  # an inserted letter
    ("Kharkivv", "Kharkiv"),  # a doubled letter
    ("Kramatosk", "Kramatorsk"),  # a dropped letter
    ("Pokrovks", "Pokrovsk"),
    ("Kupainsk", "Kupiansk"),
    ("Kharkovv", "Kharkiv"),  # a typo in another spelling
    ("Sievierodonetks", "Sievierodonetsk"),
    ("Chasiv Yra", "Chasiv Yar"),
    # other keys a typo away name villages: the town ten times larger than each is the one meant
    ("Avdivka", "Avdiivka"),
    ("Kostiantnivka", "Kostiantynivka"),
    ("Yasinovata", "Yasynuvata"),
]


@pytest.mark.parametrize(("typo", "name"), TYPOS, ids=[t for t, _ in TYPOS])
def test_lookup_fuzzy_forgives_one_typo(gz, typo, name):
    assert gz.lookup(normalize(typo)) == ()
    assert gz.lookup_fuzzy(normalize(typo))[0].name == name
    assert gz.resolve(typo, fuzzy=True).name == name
    assert gz.candidates(typo, fuzzy=True)[0].name == name
    with pytest.raises(UnknownPlaceError) as err:  # without fuzzy=True: unknown, the name suggested first
        gz.resolve(typo)
    assert err.value.suggestions[0] == name


@pytest.mark.parametrize(
    "key",
    [
        "lymna",  # too short to guess
        "izyumm",  # six letters
        "kyvi",
        "between",  # common words
        "against",
        "village",
        "soldiers",
        "president",  # not "Presidente ..."
        "russians",
        "ukrainians",
        "offensive",
        "military",
        "abkhmut",  # the first letter stays
        "akhmut",
        "xqzvbnmlk",
    ],
)
def test_lookup_fuzzy_does_not_guess(gz, key):
    assert gz.lookup_fuzzy(key) == ()


def test_lookup_fuzzy_takes_the_spelling_that_names_every_place_the_others_name(gz):
    # "urozhane" is a typo away from "urozhaine", "urozhajne" and "urozhayne": spellings of one name,
    # the first naming every place the others do (a dozen villages, Urozhainoe in Crimea among them); the
    # reader's homonym rules choose among them
    assert gz.lookup_fuzzy("urozhane") == gz.lookup("urozhaine")
    assert len(gz.lookup("urozhaine")) > len(gz.lookup("urozhajne")) > 1


def test_lookup_fuzzy_keeps_the_namesakes_of_the_town_it_takes(gz):
    # "kostiantnivka" is a typo away from spellings of the Donetsk city and of smaller places; the city
    # comes first, with every village of its name after it, for the reader to choose among by the text
    found = gz.lookup_fuzzy("kostiantnivka")
    assert found[0].name == "Kostiantynivka" and found[0].admin1 == "Donetsk Oblast"
    assert found == gz.lookup("kostiantynivka")
    assert any(p.admin1 == "Sumy Oblast" for p in found)


def test_lookup_fuzzy_returns_exact_keys_as_lookup_does(gz):
    assert gz.lookup_fuzzy("kharkiv") is gz.lookup("kharkiv")
    assert gz.lookup_fuzzy("kyiv") == gz.lookup("kyiv")


@pytest.fixture
def fresh_fuzzy():
    lookup_module._fuzzy.cache_clear()
    yield
    lookup_module._fuzzy.cache_clear()


def test_lookup_fuzzy_ambiguous_is_no_match(gz, monkeypatch, fresh_fuzzy):
    # two indexed keys one typo away, naming different places of a size: no guess
    monkeypatch.setattr(typos_module, "_indexed", lambda store, keys: ["kharkiv", "zaporizhzhia"])
    assert gz.lookup_fuzzy("zzzambiguous") == ()
    # nor a city and a region (whose population is not known)
    monkeypatch.setattr(typos_module, "_indexed", lambda store, keys: ["kharkiv", "zakarpattia"])
    assert gz.lookup_fuzzy("zzzregion") == ()
    # a city ten times larger than the other place is the one meant
    monkeypatch.setattr(typos_module, "_indexed", lambda store, keys: ["kharkiv", "bucha"])
    assert gz.lookup_fuzzy("zzzlarger")[0].name == "Kharkiv"
    # two keys naming the same place are one match
    monkeypatch.setattr(typos_module, "_indexed", lambda store, keys: ["kharkiv", "kharkov"])
    assert gz.lookup_fuzzy("zzzsameplace")[0].name == "Kharkiv"


def test_lookup_fuzzy_is_fast(gz, fresh_fuzzy):
    import time

    keys = [normalize(t) for t, _ in TYPOS] + ["between", "xqzvbnmlkj", "kupiansk vuzlovyy"]
    t = time.process_time()
    for k in keys:
        gz.lookup_fuzzy(k)
    first = (time.process_time() - t) / len(keys)
    t = time.process_time()
    for _ in range(100):
        for k in keys:
            gz.lookup_fuzzy(k)
    warm = (time.process_time() - t) / (100 * len(keys))
    assert first < 0.02 and warm < 0.0005, (first, warm)


# ----------------------------------------------------------------- suggestions


@pytest.mark.parametrize(
    ("typo", "name"),
    [
        ("Kharkovv", "Kharkiv"),
        ("Artemovskk", "Bakhmut"),
        ("Харкивв", "Kharkiv"),
        ("Zaporozhiye", "Zaporizhzhia"),
    ],
)
def test_suggestions_draw_on_every_spelling(gz, typo, name):
    with pytest.raises(UnknownPlaceError) as err:
        gz.resolve(typo)
    assert name in err.value.suggestions
    assert len(err.value.suggestions) <= 3


def test_suggestions_are_fast(gz):
    import time

    with pytest.raises(UnknownPlaceError):
        gz.resolve("Qharkivz")  # loads the keys once
    t = time.process_time()
    for name in ("Kharkivvv", "Zaporrizhzhia", "Xqzvbn", "Izyummmm"):
        with pytest.raises(UnknownPlaceError):
            gz.resolve(name)
    assert (time.process_time() - t) / 4 < 0.25


# ----------------------------------------------------------------- look-alikes and invisible characters

MESSY = [
    ("Оскiл", "Oskil"),  # Latin i inside Cyrillic
    ("Харкiв", "Kharkiv"),
    ("Kharkіv", "Kharkiv"),  # Cyrillic і inside Latin
    ("Іzium", "Izium"),
    ("Bakh\u00admut", "Bakhmut"),  # soft hyphen
    ("Kup\u200biansk", "Kupiansk"),  # zero-width space
    ("\ufeffIzium", "Izium"),  # byte-order mark
    ("Ly\u200dman", "Lyman"),  # zero-width joiner
    ("Харкі\u0301в", "Kharkiv"),  # stress mark
    ("Ки\u0301їв", "Kyiv"),
]


@pytest.mark.parametrize(("text", "name"), MESSY, ids=[n + str(i) for i, (_, n) in enumerate(MESSY)])
def test_names_as_pages_carry_them_resolve(gz, text, name):
    p = gz.resolve(text)
    assert p.name == name or p.name.startswith(name)  # Oskil: the river or the town


def test_every_shipped_key_is_reachable(gz):
    from frontmap.gazetteer.names import normalize_mixed

    keys = shipped().keys()
    assert len(keys) > 100_000
    # data built with this normalize: every key is its own key; older data: the fallback finds it
    assert all(normalize(k) == k or normalize_mixed(k) == k for k in keys)


# ----------------------------------------------------------------- reverse


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ((49.99, 36.23), "Kharkiv"),
        ((49.207, 37.277), "Izium"),
        ((48.594, 37.999), "Bakhmut"),
        ((50.45, 30.52), "Kyiv"),
        ("49.99, 36.23", "Kharkiv"),
        ([55.75, 37.62], "Moscow"),
    ],
    ids=["Kharkiv", "Izium", "Bakhmut", "Kyiv", "string", "Moscow-list"],
)
def test_reverse_finds_the_settlement(gz, query, name):
    from geopy.location import Location

    loc = gz.reverse(query)
    assert isinstance(loc, Location)
    assert loc.raw["name"] == name and loc.address.startswith(name)
    assert loc.raw["kind"] == "settlement" and 0 <= loc.raw["distance_km"] < 5


def test_reverse_accepts_points(gz):
    from geopy.point import Point as GeoPoint
    from shapely.geometry import Point

    assert gz.reverse(GeoPoint(49.99, 36.23)).raw["name"] == "Kharkiv"
    assert gz.reverse(Point(36.23, 49.99)).raw["name"] == "Kharkiv"  # shapely: x is longitude


def test_reverse_many_is_nearest_first(gz):
    locs = gz.reverse((49.207, 37.277), exactly_one=False, limit=5)
    assert 1 <= len(locs) <= 5 and locs[0].raw["name"] == "Izium"
    assert all(loc.raw["kind"] == "settlement" for loc in locs)
    assert all(loc.raw["distance_km"] <= 25 for loc in locs)


def test_reverse_within_a_city_is_the_city(gz):
    kyiv = gz.resolve("Kyiv")
    assert gz.reverse((kyiv.lat - 0.03, kyiv.lon - 0.03)).raw["name"] == "Kyiv"


def test_reverse_away_from_settlements_is_the_containing_unit(gz):
    sea = gz.reverse((43.5, 33.0))  # the middle of the Black Sea
    assert sea.raw["name"] == "Black Sea" and sea.raw["distance_km"] == 0
    assert gz.reverse((46.0, 36.6)).raw["name"] == "Sea of Azov"
    assert gz.reverse((0.0, -30.0)) is None  # the Atlantic: nothing


def test_reverse_radius(gz):
    far = gz.reverse((49.99, 36.23), radius_km=0.1)
    assert far is None or far.raw["kind"] != "settlement" or far.raw["distance_km"] <= 0.1


@pytest.mark.parametrize(
    "query", [(49.207, 37.277), (48.594, 37.999), (55.75, 37.62), (48.3, 37.0), (50.40, 30.40), (47.1, 35.2)]
)
def test_reverse_is_the_nearest_settlement_or_one_covering_the_point(gz, query):
    lat, lon = query
    around = [p for p in shipped().near(lat, lon, 25.0) if p.kind == "settlement"]
    dist = {p.id: haversine_km(lat, lon, p.lat, p.lon) for p in around}
    nearest = min(around, key=lambda p: dist[p.id])
    got = gz.reverse(query).raw
    assert got["distance_km"] == pytest.approx(dist[got["id"]], abs=1e-3)
    assert got["id"] == nearest.id or got["distance_km"] <= got.get("extent_km", 0)


def test_geopandas_reverse_geocode_works_offline(gz):
    geopandas = pytest.importorskip("geopandas")
    from shapely.geometry import Point

    points = [Point(36.23, 49.99), Point(37.277, 49.207), Point(-30.0, 0.0)]
    df = geopandas.tools.reverse_geocode(points, provider=gz)
    assert df.crs.to_epsg() == 4326 and len(df) == 3
    assert df.address.iloc[0].startswith("Kharkiv") and df.address.iloc[1].startswith("Izium")
    assert df.geometry.iloc[1].x == pytest.approx(37.28, abs=0.05)
    assert df.geometry.iloc[1].y == pytest.approx(49.21, abs=0.05)
    assert df.geometry.iloc[2].is_empty and not isinstance(df.address.iloc[2], str)


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ((math.nan, 30.0), "finite"),
        ((50.0, math.inf), "finite"),
        ((95.0, 30.0), "out of range"),
        ((50.0, 200.0), "out of range"),
        ("Kharkiv", "lat, lon"),
        ("a, b", "numbers"),
        (42, "reverse query 42"),
        ((1, 2, 3), "reverse query"),
        (None, "reverse query None"),
    ],
    ids=["nan", "inf", "lat-range", "lon-range", "name", "letters", "int", "3-tuple", "None"],
)
def test_reverse_bad_query_raises_input_error(gz, query, fragment):
    with pytest.raises(InputError, match=fragment):
        gz.reverse(query)


@pytest.mark.parametrize(
    "opts", [{"radius_km": -1}, {"radius_km": math.nan}, {"limit": 0}, {"radius_km": "x"}]
)
def test_reverse_bad_options_raise_input_error(gz, opts):
    with pytest.raises(InputError):
        gz.reverse((49.99, 36.23), exactly_one=False, **opts)


# ----------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "bad",
    [["Kyiv"], ("kyiv",), None, 42, b"kyiv", {"kyiv"}],
    ids=["list", "tuple", "None", "int", "bytes", "set"],
)
def test_lookups_of_non_strings_raise_input_error(gz, bad):
    for call in (gz.lookup, gz.lookup_fuzzy, gz.words_from, gz.resolve, gz.candidates, gz.within):
        with pytest.raises(InputError, match=r"string|within"):
            call(bad)


def test_lookup_of_a_list_names_it(gz):
    with pytest.raises(InputError, match=r"\['Kyiv'\]"):
        gz.lookup(["Kyiv"])


@pytest.mark.parametrize("bad", ["", "   ", "\u200b", "x" * 201])
def test_empty_or_absurd_names_raise_input_error(gz, bad):
    with pytest.raises(InputError):
        gz.resolve(bad, fuzzy=True)
    assert gz.lookup_fuzzy(normalize(bad)) == ()


def test_nan_near_raises_input_error(gz):
    with pytest.raises(InputError, match="near"):
        gz.resolve("Lyman", near=(math.nan, 48.0), within="Donetsk Oblast")


def test_a_pickled_store_comes_back_as_the_store_of_its_folder(tmp_path):
    assert pickle.loads(pickle.dumps(shipped())) is shipped()  # one shared store per process
    copy = tmp_path / "data"
    shutil.copytree(data_directory(), copy)
    other = pickle.loads(pickle.dumps(Store(copy)))
    assert other.directory == copy and other is not shipped()
    assert pickle.loads(pickle.dumps(other)) is other
    assert [p.name for p in other.lookup("izium")] == [p.name for p in shipped().lookup("izium")]
