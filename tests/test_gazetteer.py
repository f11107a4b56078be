"""Tests for frontmap.gazetteer: resolving names from war reporting with the shipped data."""

from __future__ import annotations

import math

import pytest

import frontmap as fm
from frontmap.errors import InputError, UnknownPlaceError
from frontmap.gazetteer.names import normalize


@pytest.fixture(scope="module")
def gz():
    return fm.Gazetteer()


# (query, expected name, expected kind, expected country, expected admin1 or None to skip)
SEED_PLACES = [
    ("Kyiv", "Kyiv", "settlement", "UA", None),
    ("Irpin", "Irpin", "settlement", "UA", "Kyiv Oblast"),
    ("Bucha", "Bucha", "settlement", "UA", "Kyiv Oblast"),
    ("Hostomel", "Hostomel", "settlement", "UA", "Kyiv Oblast"),
    ("Hostomel Airfield", "Hostomel Airport", "facility", "UA", "Kyiv Oblast"),
    ("Mykolaiv", "Mykolaiv", "settlement", "UA", "Mykolaiv Oblast"),
    ("Odesa", "Odesa", "settlement", "UA", "Odesa Oblast"),
    ("Kharkiv", "Kharkiv", "settlement", "UA", "Kharkiv Oblast"),
    ("Dnipro", "Dnipro", "settlement", "UA", "Dnipropetrovsk Oblast"),
    ("Mariupol", "Mariupol", "settlement", "UA", "Donetsk Oblast"),
    ("Kherson", "Kherson", "settlement", "UA", "Kherson Oblast"),
    ("Zaporizhzhia", "Zaporizhzhia", "settlement", "UA", "Zaporizhzhia Oblast"),
    ("Zaporizhzhia nuclear power plant", "Zaporizhzhia Nuclear Power Plant", "facility", "UA", None),
    ("ZNPP", "Zaporizhzhia Nuclear Power Plant", "facility", "UA", None),
    ("Balakliia", "Balakliia", "settlement", "UA", "Kharkiv Oblast"),
    ("Vovchansk", "Vovchansk", "settlement", "UA", "Kharkiv Oblast"),
    ("Izium", "Izium", "settlement", "UA", "Kharkiv Oblast"),
    ("Zaliznichne", "Zaliznychne", "settlement", "UA", "Kharkiv Oblast"),
    ("Donetsk", "Donetsk", "settlement", "UA", "Donetsk Oblast"),
    ("Luhansk", "Luhansk", "settlement", "UA", "Luhansk Oblast"),
    ("Crimea", "Crimea", "region", "UA", None),
    ("Donbas", "Donbas", "region", "UA", None),
    ("Black Sea", "Black Sea", "sea", None, None),
    ("Sea of Azov", "Sea of Azov", "sea", None, None),
    ("Gaza", "Gaza Strip", "region", "PS", None),
    ("West Bank", "West Bank", "region", "PS", None),
    ("Afghanistan", "Afghanistan", "country", "AF", None),
    ("Russia", "Russia", "country", "RU", None),
    ("Russian Federation", "Russia", "country", "RU", None),
    ("Britain", "United Kingdom", "country", "GB", None),
    ("Kharkiv region", "Kharkiv Oblast", "region", "UA", None),
    ("Kherson region", "Kherson Oblast", "region", "UA", None),
    ("Mykolaiv region", "Mykolaiv Oblast", "region", "UA", None),
    ("Moscow", "Moscow", "settlement", "RU", None),
    ("Sevastopol", "Sevastopol", "settlement", "UA", "Sevastopol"),
    ("Sevastopol City", "Sevastopol", "region", "UA", None),
    ("Kyiv City", "Kyiv City", "region", "UA", None),
    ("Washington", "Washington", "settlement", "US", None),
    ("Robotyne", "Robotyne", "settlement", "UA", "Zaporizhzhia Oblast"),
    ("Snake Island", "Zmiinyi Island", "facility", "UA", None),
    ("Kakhovka dam", "Kakhovka Dam", "facility", "UA", "Kherson Oblast"),
    ("Dnipro River", "Dnipro River", "river", None, None),
    ("Dnieper", "Dnipro River", "river", None, None),
    ("Siverskyi Donets", "Siverskyi Donets", "river", None, None),
    ("Belgorod", "Belgorod", "settlement", "RU", "Belgorod Oblast"),
    ("Kursk region", "Kursk Oblast", "region", "RU", None),
]


@pytest.mark.parametrize(
    ("query", "name", "kind", "country", "admin1"), SEED_PLACES, ids=[s[0] for s in SEED_PLACES]
)
def test_seed_places_resolve(gz, query, name, kind, country, admin1):
    p = gz.resolve(query)
    assert (p.name, p.kind, p.country) == (name, kind, country)
    if admin1 is not None:
        assert p.admin1 == admin1


FRONT_TOWNS = (
    "Kupiansk Lyman Bakhmut Avdiivka Vuhledar Tokmak Melitopol Enerhodar Kramatorsk Sloviansk Siversk "
    "Soledar Kreminna Svatove Lysychansk Sievierodonetsk Huliaipole Orikhiv Marinka Pokrovsk Toretsk "
    "Kurakhove Selydove Myrnohrad Kostiantynivka Chernihiv Sumy Okhtyrka Trostianets Snihurivka Beryslav"
).split()


@pytest.mark.parametrize("name", [*FRONT_TOWNS, "Chasiv Yar", "Nova Kakhovka"])
def test_front_towns_resolve_to_their_ukrainian_name(gz, name):
    p = gz.resolve(name)
    assert p.country == "UA" and p.kind == "settlement" and p.name == name
    assert p.admin1.endswith("Oblast")


SPELLINGS = [
    ("Kiev", "Kyiv"),
    ("Київ", "Kyiv"),
    ("Киев", "Kyiv"),
    ("Kharkov", "Kharkiv"),
    ("Харьков", "Kharkiv"),
    ("KHARKIV", "Kharkiv"),
    ("Izyum", "Izium"),
    ("Balakliya", "Balakliia"),
    ("Balakleya", "Balakliia"),
    ("Volchansk", "Vovchansk"),
    ("Gostomel", "Hostomel"),
    ("Irpen", "Irpin"),
    ("Zaporizhia", "Zaporizhzhia"),
    ("Zaporozhye", "Zaporizhzhia"),
    ("Nikolaev", "Mykolaiv"),
    ("Odessa", "Odesa"),
    ("Dnepr", "Dnipro"),
    ("Dnipropetrovsk", "Dnipro"),
    ("Kupyansk", "Kupiansk"),
    ("Kup'yansk", "Kupiansk"),
    ("Kup’yansk", "Kupiansk"),
    ("Krasny Liman", "Lyman"),  # the Russian form of the old name (the Ukrainian one is a village's too)
    ("Artemivsk", "Bakhmut"),
    ("Artemovsk", "Bakhmut"),
    ("Артёмовск", "Bakhmut"),  # the Russian name with its ё (Artemovsk in Krasnoyarsk Krai is smaller)
    ("Krasnoarmeysk", "Pokrovsk"),
    ("Krasnoarmiisk", "Pokrovsk"),
    ("Dzerzhynsk", "Toretsk"),
    ("Dzerzhinsk", "Toretsk"),
    ("Kirovohrad", "Kropyvnytskyi"),
    ("Severodonetsk", "Sievierodonetsk"),
    ("Novaya Kakhovka", "Nova Kakhovka"),
    ("Nova-Kakhovka", "Nova Kakhovka"),
    ("New Kakhovka", "Nova Kakhovka"),  # translated; Kakhovka is another town
    ("Energodar", "Enerhodar"),
    ("Avdeyevka", "Avdiivka"),
    ("Zaliznichne", "Zaliznychne"),
    ("Gostomel airport", "Hostomel Airport"),
    ("Antonov Airport", "Hostomel Airport"),
    ("Zaporizhzhia NPP", "Zaporizhzhia Nuclear Power Plant"),
    ("Kakhovka Hydroelectric Power Plant", "Kakhovka Dam"),
    ("Kharkov region", "Kharkiv Oblast"),
    ("Zaporozhye region", "Zaporizhzhia Oblast"),
    ("Kharkivshchyna", "Kharkiv Oblast"),
    ("Kharkiv oblast", "Kharkiv Oblast"),
    ("Kharkiv province", "Kharkiv Oblast"),
    ("Харківська область", "Kharkiv Oblast"),
    ("USA", "United States of America"),
    ("United States", "United States of America"),
    ("UK", "United Kingdom"),
    ("Great Britain", "United Kingdom"),
    ("Dnieper River", "Dnipro River"),
    ("Siversky Donets", "Siverskyi Donets"),
    ("Kerch Strait", "Kerchenska Strait"),  # the register's strait, by the stem of its adjective
    ("Ostrov Zmeiny", "Zmiinyi Island"),  # the Russian name of Snake Island
    ("Siverskyy Donets", "Siverskyi Donets"),
    ("river Dnipro", "Dnipro River"),
]


@pytest.mark.parametrize(("query", "name"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_spelling_variants_resolve(gz, query, name):
    assert gz.resolve(query).name == name


@pytest.mark.parametrize("query", ["Kharkiv", "Kherson", "Luhansk", "Donetsk", "Sumy", "Zaporizhzhia"])
def test_bare_oblast_centre_name_is_the_city(gz, query):
    assert gz.resolve(query).kind == "settlement"


@pytest.mark.parametrize("query", ["Dnipro", "Dnepr"])
def test_bare_dnipro_is_the_city_not_the_river(gz, query):
    assert gz.resolve(query).kind == "settlement"
    assert "river" in {p.kind for p in gz.candidates("Dnieper")}


def test_pokrovsk_is_the_ukrainian_city_not_engels(gz):
    p = gz.resolve("Pokrovsk")
    assert (p.country, p.admin1) == ("UA", "Donetsk Oblast")
    assert any(c.country == "RU" for c in gz.candidates("Pokrovsk"))  # the homonyms are still there


@pytest.mark.parametrize(
    ("name", "near", "admin1"),
    [
        ("Kalynivka", "Kyiv", "Kyiv Oblast"),
        ("Kalynivka", (28.47, 49.23), "Vinnytsia Oblast"),
        ("Lyman", "Kharkiv", "Kharkiv Oblast"),
        ("Lyman", "Kramatorsk", "Donetsk Oblast"),
        ("Zaliznychne", "Zaporizhzhia", "Zaporizhzhia Oblast"),
    ],
    ids=lambda v: str(v),
)
def test_near_prefers_the_closest_homonym(gz, name, near, admin1):
    assert gz.resolve(name, near=near).admin1 == admin1


def test_near_accepts_place_and_point(gz):
    from shapely.geometry import Point

    kyiv = gz.resolve("Kyiv")
    a = gz.resolve("Kalynivka", near=kyiv)
    b = gz.resolve("Kalynivka", near=Point(kyiv.lon, kyiv.lat))
    assert a == b and a.admin1 == "Kyiv Oblast"


def test_candidates_are_ranked_ukraine_first_then_population(gz):
    found = gz.candidates("Lyman")
    assert len(found) >= 3
    ua = [p for p in found if p.country == "UA"]
    assert found[: len(ua)] == ua
    pops = [p.population for p in ua]
    assert pops == sorted(pops, reverse=True)
    assert found[0].admin1 == "Donetsk Oblast"


def test_countries_and_regions_come_before_settlements(gz):
    found = gz.candidates("Gaza")
    assert found[0].kind == "region" and any(p.kind == "settlement" for p in found[1:])


def test_filters(gz):
    assert gz.resolve("Gaza", kind="settlement").kind == "settlement"
    assert gz.resolve("Pokrovsk", country="ru").country == "RU"
    assert gz.resolve("Odessa", country="US").admin1 == "Texas"
    with pytest.raises(UnknownPlaceError):
        gz.resolve("Kharkiv", kind="sea")


def test_lookup_is_by_normalised_key(gz):
    assert gz.lookup(normalize("Kup’yansk"))[0].name == "Kupiansk"
    assert gz.lookup("no such place at all") == ()
    assert gz.lookup("kharkiv") is gz.lookup("kharkiv")  # cached tuple


def test_max_words_bounds_every_key(gz):
    assert 3 <= gz.max_words <= 8
    assert gz.resolve("Zaporizhzhia nuclear power plant")  # 4 words


def test_instances_share_the_loaded_data():
    a, b = fm.Gazetteer(), fm.Gazetteer()
    assert a.resolve("Sumy") is b.resolve("Sumy")


def test_polygons(gz):
    for name in ("Kharkiv Oblast", "Crimea", "Donbas", "Ukraine", "Black Sea", "Gaza"):
        g = gz.resolve(name).geometry
        assert g.geom_type in ("Polygon", "MultiPolygon") and g.is_valid, name
    assert gz.resolve("Kharkiv").geometry.geom_type == "Point"
    assert gz.resolve("Donbas").geometry.contains(gz.resolve("Bakhmut").geometry)
    assert gz.resolve("Crimea").geometry.contains(gz.resolve("Simferopol").geometry)
    assert gz.resolve("Black Sea").geometry.contains(gz.resolve("Snake Island").geometry)
    assert not gz.resolve("Sea of Azov").geometry.intersects(gz.resolve("Black Sea").geometry.buffer(-0.01))


def test_ukraine_area_includes_crimea(gz):
    from pyproj import Geod

    area = abs(Geod(ellps="WGS84").geometry_area_perimeter(gz.country("UA").geometry)[0]) / 1e6
    assert area == pytest.approx(603_628, rel=0.01)
    assert gz.country("UA").geometry.contains(gz.resolve("Sevastopol", kind="settlement").geometry)


def test_get_country_capital_regions(gz):
    assert gz.get("ne1:UA-63").name == "Kharkiv Oblast"
    assert gz.get(gz.resolve("Izium").id).name == "Izium"
    assert gz.country("RU").name == "Russia"
    assert gz.capital("UA").name == "Kyiv"
    assert gz.capital("RU").name == "Moscow"
    regions = gz.regions("UA")
    names = {p.name for p in regions}
    assert len(regions) == 27  # 24 oblasts, Kyiv city, Crimea, Sevastopol
    assert {"Crimea", "Sevastopol", "Kyiv City", "Kharkiv Oblast", "Zakarpattia Oblast"} <= names
    assert all(p.kind == "region" and p.country == "UA" for p in regions)
    with pytest.raises(UnknownPlaceError):
        gz.get("geonames:0")


def test_places_iterates_with_filters(gz):
    seas = list(gz.places(kind="sea"))
    assert {"Black Sea", "Sea of Azov", "Baltic Sea", "Caspian Sea", "Bosporus"} <= {p.name for p in seas}
    assert all(p.kind == "sea" for p in seas)
    assert all(p.country == "MD" for p in gz.places(country="MD"))
    assert len(gz) > 50_000


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        (None, "string"),
        (42, "string"),
        (b"Kyiv", "string"),
        ("x" * 201, "201 characters"),
        (["Kyiv"], "string"),
        ("\u200b\u00ad", "empty"),
    ],
    ids=["empty", "blank", "None", "int", "bytes", "too-long", "list", "invisible"],
)
def test_bad_names_raise_input_error(gz, bad, fragment):
    with pytest.raises(InputError, match=fragment):
        gz.resolve(bad)
    with pytest.raises(InputError):
        gz.candidates(bad)
    with pytest.raises(InputError):
        gz.geocode(bad)
    if not isinstance(bad, str):
        with pytest.raises(InputError, match="string"):
            gz.lookup(bad)


MESSY_SPELLINGS = [
    ("Kharkіv", "Kharkiv"),  # a Cyrillic і in a Latin name
    ("Харкiв", "Kharkiv"),  # a Latin i in a Cyrillic name
    ("Izyum\u200b", "Izium"),  # zero-width space
    ("Bakh\u00admut", "Bakhmut"),  # soft hyphen
    ("Ки\u0301їв", "Kyiv"),  # stress mark
    ("Lyman\ufeff", "Lyman"),
]


@pytest.mark.parametrize(("query", "name"), MESSY_SPELLINGS, ids=[n for _, n in MESSY_SPELLINGS])
def test_messy_spellings_resolve(gz, query, name):
    assert gz.resolve(query).name == name
    assert gz.lookup(normalize(query))[0].name == name


@pytest.mark.parametrize(
    "near",
    [(math.nan, 50.0), (30.0, math.inf), (200.0, 50.0), (30.0, 95.0), ("a", "b"), (1, 2, 3), 42],
    ids=["nan", "inf", "lon-range", "lat-range", "strings", "3-tuple", "int"],
)
def test_bad_near_raises_input_error(gz, near):
    with pytest.raises(InputError, match="near"):
        gz.resolve("Kalynivka", near=near)


@pytest.mark.parametrize(("kind", "country"), [("city", None), (None, "UKR"), (None, "1A")])
def test_bad_filters_raise_input_error(gz, kind, country):
    with pytest.raises(InputError):
        gz.resolve("Kyiv", kind=kind, country=country)


def test_unknown_name_suggests_close_names(gz):
    with pytest.raises(UnknownPlaceError) as err:
        gz.resolve("Kharkivv")
    assert "Kharkiv" in err.value.suggestions
    assert err.value.tried == "kharkivv"
    assert isinstance(err.value, LookupError)
    with pytest.raises(UnknownPlaceError, match="Xqzvbn"):
        gz.resolve("Xqzvbn")


# ----------------------------------------------------------------- geopy / geopandas


def test_geocode_returns_a_geopy_location(gz):
    from geopy.location import Location

    loc = gz.geocode("Izyum")
    assert isinstance(loc, Location)
    assert loc.address.startswith("Izium")
    assert (loc.latitude, loc.longitude) == pytest.approx((49.207, 37.277), abs=0.01)
    assert loc.raw["id"] == gz.resolve("Izium").id
    assert gz.geocode("Xqzvbn") is None
    many = gz.geocode("Lyman", exactly_one=False)
    assert isinstance(many, list) and len(many) >= 3
    assert gz.geocode("Kalynivka", near="Kyiv").raw["admin1"] == "Kyiv Oblast"


def test_geopandas_geocode_uses_the_gazetteer_offline(gz):
    geopandas = pytest.importorskip("geopandas")

    df = geopandas.tools.geocode(["Kyiv", "Izyum", "Xqzvbn"], provider=gz)
    assert df.crs.to_epsg() == 4326
    assert df.geometry.iloc[0].x == pytest.approx(30.52, abs=0.05)
    assert df.geometry.iloc[1].y == pytest.approx(49.21, abs=0.05)
    assert df.address.iloc[1].startswith("Izium")
    assert df.geometry.iloc[2].is_empty and not isinstance(df.address.iloc[2], str)


@pytest.mark.parametrize("name", ["Chernobyl nuclear plant", "Chornobyl NPP", "ChNPP"])
def test_the_chornobyl_plant_is_the_plant_not_the_town(name):
    place = fm.Gazetteer().candidates(name)[0]
    assert place.kind == "facility" and abs(place.lat - 51.39) < 0.02 and abs(place.lon - 30.10) < 0.03


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("DniproHES", 47.87, 35.09),
        ("Azovstal", 47.10, 37.61),
        ("Azov steel plant", 47.10, 37.61),  # not the town of Azov in Russia
        ("Sloviansk thermal power plant", 48.86, 37.77),
    ],
)
def test_plants_struck_in_the_war_are_facilities(name, lat, lon):
    place = fm.Gazetteer().candidates(name)[0]
    assert place.kind == "facility" and abs(place.lat - lat) < 0.02 and abs(place.lon - lon) < 0.03
