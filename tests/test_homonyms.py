"""Choosing among places of one name, and the evidence recorded (``frontmap.reading.homonyms``).

The sentences are written for these tests.  The places come from a small gazetteer made up below:
several villages of one name in different oblasts, raions and hromadas, a city with a village namesake,
a Russian town that shares an old name of a Ukrainian one.  Coordinates are roughly where such places
lie, so that distances mean something; the names, units and sizes are chosen for the tests (not real
data).  A few cases at the end read with the bundled gazetteer.
"""

from __future__ import annotations

import pytest

import frontmap as fm
from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import Place
from frontmap.reading import homonyms as H
from frontmap.reading.mentions import find_mentions


def _p(
    pid: str,
    name: str,
    lat: float,
    lon: float,
    admin1: str | None,
    population: int = 0,
    raion: str | None = None,
    hromada: str | None = None,
    kind: str = "settlement",
    country: str = "UA",
) -> Place:
    return Place(f"t:{pid}", name, kind, lat, lon, country, admin1, population, raion=raion, hromada=hromada)


BAKHMUT_H = "Bakhmut urban hromada"
PLACES = {
    # four villages called Andriivka: two in Donetsk Oblast, one each in Zaporizhzhia and Kharkiv
    "andriivka-bakhmut": _p("andriivka-bakhmut", "Andriivka", 48.49, 37.97, "Donetsk Oblast", 90,
                            "Bakhmut Raion", BAKHMUT_H),
    "andriivka-kramatorsk": _p("andriivka-kramatorsk", "Andriivka", 48.90, 37.45, "Donetsk Oblast", 1_000,
                               "Kramatorsk Raion", "Sviatohirsk hromada"),
    "andriivka-polohy": _p("andriivka-polohy", "Andriivka", 47.10, 36.60, "Zaporizhzhia Oblast", 2_700,
                           "Polohy Raion", "Polohy urban hromada"),
    "andriivka-izium": _p("andriivka-izium", "Andriivka", 49.53, 36.63, "Kharkiv Oblast", 9_700,
                          "Izium Raion", "Balakliia urban hromada"),
    "bakhmut": _p("bakhmut", "Bakhmut", 48.595, 38.00, "Donetsk Oblast", 70_000, "Bakhmut Raion", BAKHMUT_H),
    "klishchiivka": _p("klishchiivka", "Klishchiivka", 48.53, 37.97, "Donetsk Oblast", 400, "Bakhmut Raion",
                       BAKHMUT_H),
    "chasiv-yar": _p("chasiv-yar", "Chasiv Yar", 48.59, 37.84, "Donetsk Oblast", 12_000),  # no units known
    "kharkiv": _p("kharkiv", "Kharkiv", 49.99, 36.23, "Kharkiv Oblast", 1_400_000),
    "kyiv": _p("kyiv", "Kyiv", 50.45, 30.52, "Kyiv City", 2_900_000),
    # a city and a village of one name, and a town beside the village
    "kamianske-city": _p("kamianske-city", "Kamianske", 48.52, 34.61, "Dnipropetrovsk Oblast", 226_000),
    "kamianske-village": _p("kamianske-village", "Kamianske", 47.54, 35.37, "Zaporizhzhia Oblast", 2_000,
                            "Vasylivka Raion"),
    "stepnohirsk": _p("stepnohirsk", "Stepnohirsk", 47.58, 35.45, "Zaporizhzhia Oblast", 5_000,
                      "Vasylivka Raion"),
    "dnipro": _p("dnipro", "Dnipro", 48.47, 35.04, "Dnipropetrovsk Oblast", 970_000),
    "dnipro-river": _p("dnipro-river", "Dnipro River", 47.5, 34.5, None, kind="river"),
    # a Russian town whose name is also an old name of a Ukrainian one
    "dmitrov": _p("dmitrov", "Dmitrov", 56.34, 37.52, "Moscow Oblast", 61_000, country="RU"),
    "myrnohrad": _p("myrnohrad", "Myrnohrad", 48.31, 37.27, "Donetsk Oblast", 46_000, "Pokrovsk Raion"),
    "pokrovsk": _p("pokrovsk", "Pokrovsk", 48.28, 37.18, "Donetsk Oblast", 60_000, "Pokrovsk Raion"),
    "moscow": _p("moscow", "Moscow", 55.75, 37.62, "Moscow", 12_000_000, country="RU"),
    # two villages of one name, on either side of Bakhmut, with no units known: only a claim tells them apart
    "zelene-south": _p("zelene-south", "Zelene", 48.478, 38.00, "Donetsk Oblast", 300),
    "zelene-north": _p("zelene-north", "Zelene", 48.70, 38.00, "Donetsk Oblast", 500),
    "zelene-far": _p("zelene-far", "Zelene", 46.50, 30.70, "Odesa Oblast", 800),
    # oblasts
    "donetsk-oblast": _p("donetsk-oblast", "Donetsk Oblast", 48.0, 37.8, "Donetsk Oblast", kind="region"),
    "zaporizhzhia-oblast": _p("zaporizhzhia-oblast", "Zaporizhzhia Oblast", 47.5, 35.8,
                              "Zaporizhzhia Oblast", kind="region"),
    "kharkiv-oblast": _p("kharkiv-oblast", "Kharkiv Oblast", 49.5, 36.5, "Kharkiv Oblast", kind="region"),
}  # fmt: skip

#: Other names of the places above, as the gazetteer would index them.
ALIASES = {
    "dmitrov": ["myrnohrad"],
    "dnipro river": ["dnipro-river"],
    "donetsk region": ["donetsk-oblast"],
    "zaporizhzhia region": ["zaporizhzhia-oblast"],
    "kharkiv region": ["kharkiv-oblast"],
}


class FakeGazetteer:
    """Just what :func:`find_mentions` asks of a gazetteer: candidates by name, largest first."""

    max_words = 3

    def __init__(self, places: dict[str, Place], aliases: dict[str, list[str]]) -> None:
        self.index: dict[str, list[Place]] = {}
        for p in places.values():
            self.index.setdefault(normalize(p.name), []).append(p)
        for key, ids in aliases.items():
            self.index.setdefault(key, []).extend(places[i] for i in ids)
        for found in self.index.values():
            found.sort(key=lambda p: -p.population)

    def lookup(self, key: str) -> tuple[Place, ...]:
        return tuple(self.index.get(key, ()))


GZ = FakeGazetteer(PLACES, ALIASES)


def chosen(text: str, surface: str, gz=GZ) -> tuple[str, str | None]:
    """The id of the place the first mention ``surface`` of ``text`` resolves to, and its evidence."""
    found = [m for m in find_mentions(text, gz) if m.text == surface]
    assert found, f"{surface!r} not found in {text!r}"
    return found[0].place.id.removeprefix("t:"), found[0].evidence


def cases(*rows):
    """pytest params ``(text, surface, place, evidence)`` with ids that show the sentence."""
    return pytest.mark.parametrize(
        ("text", "surface", "place", "evidence"),
        [pytest.param(*row, id=f"{row[0]!r} [{row[1]}]") for row in rows],
    )


def test_evidence_vocabulary_is_a_documented_table():
    assert set(H.ORDER) <= set(H.EVIDENCE)
    assert H.ORDER[0] == "qualifier" and H.ORDER[-1] == "size"  # what the text says first, the default last
    doc = H.__doc__ or ""
    assert sorted(H.ORDER, key=lambda k: doc.index(f"``{k}``\n")) == list(H.ORDER)  # documented in order
    assert all(H.EVIDENCE[k] and f"``{k}``" in (H.__doc__ or "") for k in H.EVIDENCE)


# --- 1. qualifier ---------------------------------------------------------------------------------


@cases(
    # two Andriivkas are in Donetsk Oblast: the larger of those two
    ("Troops took Andriivka in the Donetsk region.", "Andriivka", "andriivka-kramatorsk", "qualifier"),
    ("Shells fell on Andriivka in the Zaporizhzhia region.", "Andriivka", "andriivka-polohy", "qualifier"),
    # a compass adjective before the region ("in the southeastern Zaporizhzhia region")
    (
        "Shells fell on Andriivka in southern Zaporizhzhia region.",
        "Andriivka",
        "andriivka-polohy",
        "qualifier",
    ),
    (
        "Troops took Kamianske in the south-eastern Zaporizhzhia region.",
        "Kamianske",
        "kamianske-village",
        "qualifier",
    ),
    ("Donetsk Oblast's Andriivka was shelled.", "Andriivka", "andriivka-kramatorsk", "qualifier"),
    ("The raid on Andriivka (Zaporizhzhia region) failed.", "Andriivka", "andriivka-polohy", "qualifier"),
    ("Drones hit Andriivka, Kharkiv Oblast, at dawn.", "Andriivka", "andriivka-izium", "qualifier"),
    ("Sappers cleared Andriivka in the Bakhmut district.", "Andriivka", "andriivka-bakhmut", "qualifier"),
    ("Sappers cleared Andriivka near Bakhmut.", "Andriivka", "andriivka-bakhmut", "qualifier"),
    ("Sappers cleared Andriivka, south of Bakhmut.", "Andriivka", "andriivka-bakhmut", "qualifier"),
    # the nearest of the namesakes that lie the way the words say, not merely the nearest
    ("Zelene, south of Bakhmut, was shelled.", "Zelene", "zelene-south", "qualifier"),
    ("Zelene, just north of Bakhmut, was shelled.", "Zelene", "zelene-north", "qualifier"),
    ("The Kharkiv region village of Andriivka was shelled.", "Andriivka", "andriivka-izium", "qualifier"),
    ("Aid reached the village of Kamianske on Monday.", "Kamianske", "kamianske-village", "qualifier"),
    ("Aid reached Kamianske village on Monday.", "Kamianske", "kamianske-village", "qualifier"),
    ("Kamianske, Zaporizhzhia Oblast, was shelled.", "Kamianske", "kamianske-village", "qualifier"),
    ("Guns fired on Dmitrov (formerly Myrnohrad) all night.", "Dmitrov", "myrnohrad", "qualifier"),
    # the unit after the last name of a list is said of each name
    ("Shells hit Andriivka and Kamianske in the Zaporizhzhia region.", "Andriivka", "andriivka-polohy",
     "qualifier"),
    ("Shells hit Andriivka, Zelene and Kamianske in the Zaporizhzhia region.", "Andriivka",
     "andriivka-polohy", "qualifier"),
    ("Mortars hit Andriivka or Klishchiivka in the Kharkiv region.", "Andriivka", "andriivka-izium",
     "qualifier"),
)  # fmt: skip
def test_qualifier(text, surface, place, evidence):
    assert chosen(text, surface) == (place, evidence)


def test_a_unit_is_not_said_of_a_name_outside_the_list():
    # "and then moved on" joins two clauses, not a list: the first Andriivka is not said to be in Zaporizhzhia
    text = "Troops took Andriivka and then moved on Kamianske in the Zaporizhzhia region."
    assert chosen(text, "Andriivka")[1] != "qualifier"


def test_a_former_name_makes_the_place_even_beyond_the_candidates():
    # here "Hirnyk" is known only as a town in Russia; "X (formerly Y)" says X is Y's place, in this
    # mention and in the later ones of X
    text = "Troops in Hirnyk (formerly Pokrovsk) held out. Later Hirnyk fell."
    gz = FakeGazetteer({**PLACES, "hirnyk": _p("hirnyk", "Hirnyk", 55.0, 60.0, "Chelyabinsk Oblast", 20_000,
                                               country="RU")}, ALIASES)  # fmt: skip
    found = [(m.text, m.place.id, m.evidence) for m in find_mentions(text, gz)]
    assert found == [
        ("Hirnyk", "t:pokrovsk", "qualifier"),
        ("Pokrovsk", "t:pokrovsk", "only"),
        ("Hirnyk", "t:pokrovsk", "qualifier"),
    ]


def test_a_qualified_mention_settles_the_name_for_the_article():
    text = "Troops took Andriivka in the Zaporizhzhia region. Andriivka was quiet by noon."
    found = [(m.place.id, m.evidence) for m in find_mentions(text, GZ) if m.text == "Andriivka"]
    # the second mention follows the first: it shares the first one's units (and lies at its point)
    assert found == [("t:andriivka-polohy", "qualifier"), ("t:andriivka-polohy", "hierarchy")]


# --- 2. hierarchy ---------------------------------------------------------------------------------


@cases(
    ("Dmitrov was cut off, and Pokrovsk too.", "Dmitrov", "myrnohrad", "hierarchy"),  # Pokrovsk Raion
    # Klishchiivka shares its hromada with one Andriivka only
    ("Andriivka and Klishchiivka were shelled.", "Andriivka", "andriivka-bakhmut", "hierarchy"),
    # the oblast named in the sentence
    ("In the Zaporizhzhia region, Andriivka was shelled.", "Andriivka", "andriivka-polohy", "hierarchy"),
    # ... or elsewhere in the article
    (
        "Fighting went on in the Kharkiv region. Andriivka was shelled.",
        "Andriivka",
        "andriivka-izium",
        "hierarchy",
    ),
)
def test_hierarchy(text, surface, place, evidence):
    assert chosen(text, surface) == (place, evidence)


def test_hierarchy_is_not_the_oblast_of_a_mere_town():
    # Kharkiv the city is in Kharkiv Oblast, but only an oblast named as such counts: with Chasiv Yar
    # named too, the Andriivka near it wins by proximity
    text = "Kharkiv was quiet. Near Chasiv Yar the guns fired on. Andriivka burned."
    assert chosen(text, "Andriivka") == ("andriivka-bakhmut", "proximity")


# --- 3. proximity ---------------------------------------------------------------------------------


@cases(
    # Chasiv Yar has no units known: only its distance to each Andriivka speaks
    ("Andriivka and Chasiv Yar were shelled.", "Andriivka", "andriivka-bakhmut", "proximity"),
    ("Dmitrov was cut off, and Chasiv Yar too.", "Dmitrov", "myrnohrad", "proximity"),
    # a dominant city yields to a village among the article's places...
    ("Kamianske was shelled. Stepnohirsk was hit too.", "Kamianske", "kamianske-village", "proximity"),
)
def test_proximity(text, surface, place, evidence):
    assert chosen(text, surface) == (place, evidence)


def test_faraway_namesake_loses_only_within_reach():
    # the article's only place lies far from every Andriivka: proximity says nothing, size decides
    assert chosen("Kyiv sent aid. Andriivka was shelled.", "Andriivka") == ("andriivka-izium", "size")


def test_dominant_city_stays_when_it_is_among_the_places():
    # ... but not when the city lies among them too
    text = "Kamianske was shelled. Dnipro and Stepnohirsk were hit too."
    assert chosen(text, "Kamianske") == ("kamianske-city", "size")


# --- 4. claim -------------------------------------------------------------------------------------


@cases(
    ("Zelene, about 13 km south of Bakhmut, was shelled.", "Zelene", "zelene-south", "claim"),
    ("Zelene lies some 12 kilometres north of Bakhmut.", "Zelene", "zelene-north", "claim"),
    ("Zelene is about 8 miles (13 km) south of Bakhmut.", "Zelene", "zelene-south", "claim"),
    # with no direction, the namesake whose distance from the anchor is nearest the one said
    ("Zelene, some 590 km away from Bakhmut, was shelled.", "Zelene", "zelene-far", "claim"),
    # with no distance, the nearest namesake that lies that way
    ("Zelene, south of the town of Bakhmut, was shelled.", "Zelene", "zelene-south", "claim"),
    ("Zelene, just north of the city of Bakhmut, was shelled.", "Zelene", "zelene-north", "claim"),
    # the place measured from may be described before its name
    ("Zelene, 12 km north of the embattled city of Bakhmut, fell.", "Zelene", "zelene-north", "claim"),
    ("Zelene, which is about 590 km from the ruined town of Bakhmut, fell.", "Zelene", "zelene-far", "claim"),
    # said of two names listed together
    ("Zelene and Klishchiivka, some 13 km south of Bakhmut, burned.", "Zelene", "zelene-south", "claim"),
    # where it lies, named between the name and its distance
    ("Zelene in eastern Ukraine, some 590 km from Bakhmut, fell.", "Zelene", "zelene-far", "claim"),
)
def test_claim(text, surface, place, evidence):
    assert chosen(text, surface) == (place, evidence)


def test_claim_that_fits_no_candidate_says_nothing():
    # 60 km south of Bakhmut is no Zelene: both near ones stay, the larger wins
    assert chosen("Zelene, 60 km south of Bakhmut, was shelled.", "Zelene") == ("zelene-north", "proximity")
    # nor does a direction in which none lies near
    assert chosen("Zelene, west of the town of Bakhmut, was shelled.", "Zelene") == (
        "zelene-north",
        "proximity",
    )


# --- 5. size, only, feature -----------------------------------------------------------------------


@cases(
    ("Andriivka was shelled.", "Andriivka", "andriivka-izium", "size"),
    ("Kamianske was shelled.", "Kamianske", "kamianske-city", "size"),
    ("Dmitrov was quiet.", "Dmitrov", "dmitrov", "size"),
    ("Troops entered Klishchiivka.", "Klishchiivka", "klishchiivka", "only"),
    ("Boats crossed the Dnipro at night.", "Dnipro", "dnipro-river", "feature"),
    ("Dnipro was hit at night.", "Dnipro", "dnipro", "only"),
)
def test_size_only_and_feature(text, surface, place, evidence):
    assert chosen(text, surface) == (place, evidence)


def test_evidence_is_in_the_json_record():
    (m,) = find_mentions("Troops took Andriivka near Bakhmut.", GZ)[:1]
    assert m.to_dict()["evidence"] == "qualifier"
    assert set(m.to_dict()) == {"text", "start", "end", "role", "place", "evidence"}


def test_every_evidence_recorded_is_in_the_vocabulary():
    text = (
        "Troops took Andriivka in the Donetsk region. Zelene, about 13 km south of Bakhmut, burned. "
        "Kamianske was shelled, and boats crossed the Dnipro. Dmitrov was quiet."
    )
    assert {m.evidence for m in find_mentions(text, GZ)} <= set(H.EVIDENCE)


def test_many_mentions_read_in_linear_time():
    # every Andriivka after the first follows from the article's places, looked up once per candidate
    text = "Andriivka and Chasiv Yar were shelled. " * 2_000
    found = find_mentions(text, GZ)
    assert len(found) == 4_000
    assert {m.place.id for m in found if m.text == "Andriivka"} == {"t:andriivka-bakhmut"}


# --- with the bundled gazetteer -------------------------------------------------------------------


def _has(key: str, admin1: str) -> bool:
    return any(p.admin1 == admin1 for p in fm.Gazetteer().lookup(key))


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        pytest.param(
            "Fighting flared in Lyman in the Donetsk region.", "Donetsk Oblast", id="Lyman, Donetsk"
        ),
        pytest.param("Drones hit Lyman in the Kharkiv region.", "Kharkiv Oblast", id="Lyman, Kharkiv"),
        pytest.param("Shelling hit Lyman and Izium overnight.", "Donetsk Oblast", id="Lyman with Izium"),
        pytest.param(
            # the village of 4,000 lies nearer Kharkiv and Balakliia; the town of 20,000 is near Izium
            "Shells hit the station at Balakliia, on the line that runs from Kharkiv through Izium to Lyman.",
            "Donetsk Oblast",
            id="Lyman, five times its nearer namesake",
        ),
    ],
)
def test_lyman_on_the_bundled_gazetteer(text, admin1):
    if not (_has("lyman", "Donetsk Oblast") and _has("lyman", "Kharkiv Oblast")):
        pytest.skip("the bundled gazetteer has no Lyman in both Donetsk and Kharkiv Oblast")
    m = next(m for m in fm.read(text).mentions if m.text == "Lyman")
    assert m.place.admin1 == admin1 and m.evidence in H.EVIDENCE


def test_a_city_in_the_articles_oblast_outweighs_a_village_sharing_a_raion_on_the_bundled_gazetteer():
    # a village called Kostiantynivka lies in Pokrovsk Raion; the city, 67,000 people, in the next raion
    text = (
        "Dobropillia lies about 90 km northwest of Donetsk. It is near Pokrovsk, and Russian units try to "
        "drive a wedge between Pokrovsk and Kostiantynivka."
    )
    m = next(m for m in fm.read(text).mentions if m.text == "Kostiantynivka")
    assert (m.place.admin1, m.place.raion) == ("Donetsk Oblast", "Kramatorsk Raion")
    assert m.place.population > 50_000


@pytest.mark.parametrize(
    "text",
    [  # the village a distance from the border places, past the region named between them
        "Russia took Kamianka in the Kharkiv region, about 8 km from the Russian border.",
        "Russia took a Kharkiv region village: Kamianka, 8 km (5 miles) from Ukraine's border with Russia.",
    ],
)
def test_a_village_by_its_distance_from_the_border_on_the_bundled_gazetteer(text):
    (m,) = [m for m in fm.read(text).mentions if m.text == "Kamianka"]
    assert (m.place.admin1, m.place.hromada) == ("Kharkiv Oblast", "Dvorichanske settlement hromada")


def test_kalynivka_near_kyiv_on_the_bundled_gazetteer():
    m = next(m for m in fm.read("A depot burned in Kalynivka near Kyiv.").mentions if m.text == "Kalynivka")
    assert (m.place.admin1, m.evidence) == ("Kyiv Oblast", "qualifier")


def test_a_cape_named_is_a_place_that_nearness_measures_from_on_the_bundled_gazetteer():
    text = "Air defences near Cape Tarkhankut were hit; a radar near Olenivka burned."
    cape, village = fm.read(text).mentions
    assert (cape.text, cape.place.name, cape.place.admin1) == ("Cape Tarkhankut", "Cape Tarkhankut", "Crimea")
    assert (village.place.admin1, village.evidence) == ("Crimea", "proximity")  # not Olenivka by Donetsk


def test_dmitrov_near_pokrovsk_on_the_bundled_gazetteer():
    if not _has("dmitrov", "Donetsk Oblast"):
        pytest.skip("the bundled gazetteer does not know Dmitrov as an old name of Myrnohrad")
    text = "Troops near Dmitrov were cut off as Pokrovsk fell."
    m = next(m for m in fm.read(text).mentions if m.text == "Dmitrov")
    assert m.place.admin1 == "Donetsk Oblast"


def test_two_undecided_names_whose_namesakes_lie_together_are_that_pair_on_the_bundled_gazetteer():
    # 32 Zarichnes and 3 Torskes; one of each lies 2 km from the other, by Lyman: no chance
    text = "Russian vehicles gathered in Zarichne before trying to reach Torske."
    found = {m.text: (m.place.admin1, m.evidence) for m in fm.read(text).mentions}
    assert found == {"Zarichne": ("Donetsk Oblast", "proximity"), "Torske": ("Donetsk Oblast", "proximity")}
    zarichne = next(m.place for m in fm.read(text).mentions if m.text == "Zarichne")
    assert abs(zarichne.lat - 49.02) < 0.05 and abs(zarichne.lon - 37.93) < 0.05
    # names with dozens of namesakes make close pairs by chance: size still decides
    assert {m.evidence for m in fm.read("Shelling hit Andriivka and Ivanivka overnight.").mentions} == {
        "size"
    }


def test_a_misspelling_of_a_name_many_villages_share_is_chosen_among_them_on_the_bundled_gazetteer():
    # "Urozhane": a typo away from three spellings of Urozhaine; the village by Velyka Novosilka
    text = "Fighting went on near Urozhane, south of Velyka Novosilka."
    m = next(m for m in fm.read(text).mentions if m.text == "Urozhane")
    assert (m.place.name, m.place.admin1) == ("Urozhaine", "Donetsk Oblast")


@pytest.mark.parametrize(
    "text, name, admin1",
    [
        # a neighbour the text settles (by the oblast named later) brings the city's namesake village in
        ("Kamianske matters: taking it would open the road to Stepnogorsk. Fighting goes on across the "
         "Zaporozhye region.", "Kamianske", "Zaporizhzhia Oblast"),
        # a village named as the oblast's centre, in that oblast, is not what the bare name means
        ("A week after Robotyne was retaken, on the road to Melitopol in Russian-controlled Zaporizhzhia, "
         "brigades turned to Novoprokopivka.", "Zaporizhzhia", "Zaporizhzhia Oblast"),
    ],
)  # fmt: skip
def test_a_city_and_its_namesake_villages_are_weighed_again_with_the_neighbours_settled(text, name, admin1):
    m = next(m for m in fm.read(text).mentions if m.text == name)
    assert m.place.admin1 == admin1 and (m.place.population > 100_000) == (name == "Zaporizhzhia")


@pytest.mark.parametrize(
    "text, admin1",
    [
        # a town of 47,000 in Kazakhstan against a Ukrainian village of 4,400: not without Kazakhstan
        ("Russian troops advanced towards Stepnogorsk overnight.", "Zaporizhzhia Oblast"),
        # ... nor when the text calls it a city (it is a town of 4,400)
        ("Troops are evacuating the front zone, including the city of Stepnogorsk.", "Zaporizhzhia Oblast"),
        ("Officials in Stepnogorsk, Kazakhstan, said the plant was closed.", "Akmola"),
        # a city of millions needs no country named
        ("Diplomats met in New York on Monday.", "New York"),
    ],
)
def test_a_namesake_beyond_the_neighbours_needs_its_country_named_unless_a_city(text, admin1):
    assert fm.read(text).mentions[0].place.admin1 == admin1


def test_a_noun_of_size_does_not_choose_a_place_that_merely_had_the_name():
    # "the village of Dzhankoy": the town of 42,000 whose name it is, not a hamlet once called so
    m = fm.read("RIA reported a fire at a substation near the village of Dzhankoy.").mentions[0]
    assert (m.place.name, m.place.population > 10_000) == ("Dzhankoi", True)


@pytest.mark.parametrize(
    "text, admin1",
    [
        # "X Oblast borders Russia" says where the oblast is: its places are the article's
        ("Semenivka was hit overnight. Chernihiv Oblast borders Russia.", "Chernihiv Oblast"),
        # "the X Oblast borders" (the noun) is a boundary, not where places lie
        ("Shelling near Semenivka hit the Chernihiv Oblast borders again.", "Poltava Oblast"),
    ],
)
def test_an_oblast_that_borders_a_country_is_still_where_places_lie(text, admin1):
    m = next(m for m in fm.read(text).mentions if m.text == "Semenivka")
    assert m.place.admin1 == admin1


def test_in_a_regional_centre_that_names_its_oblast_is_in_the_oblast_on_the_bundled_gazetteer():
    # "Andriivka in Donetsk": the oblast, among whose Andriivkas the distance to Bakhmut chooses (not the
    # Andriivka nearest the city of Donetsk)
    text = (
        "Troops took the town of Andriivka in Donetsk. Andriivka lies about six miles southwest of Bakhmut."
    )
    places = {m.place.raion for m in fm.read(text).mentions if m.text == "Andriivka"}
    assert places == {"Bakhmut Raion"}


def test_a_pair_is_too_close_for_chance_only_with_few_namesakes():
    from frontmap.reading._homonym_pairs import PAIR_CHANCE, chance

    assert chance(32, 3, 2.3) < PAIR_CHANCE < chance(60, 80, 5.0)


def test_a_village_on_the_border_of_two_named_oblasts_may_lie_in_either_on_the_bundled_gazetteer():
    # "the border of Luhansk and Donetsk oblasts" counted Donetsk Oblast as context and Luhansk as a mere
    # boundary: Bilohorivka was the Donetsk village 21 km from the Luhansk one by Kreminna and Terny
    text = (
        "Shelling hit Bilohorivka again. Fighting went on near Bilohorivka and near Terny, on the border of "
        "Luhansk and Donetsk oblasts."
    )
    found = {(m.text, m.place.raion) for m in fm.read(text).mentions if m.place.kind == "settlement"}
    assert found == {("Bilohorivka", "Siverskodonetsk Raion"), ("Terny", "Kramatorsk Raion")}


def test_a_soviet_name_curated_for_a_town_is_not_ruled_out_by_an_oblast_named_elsewhere():
    # "Krasny Liman" is Lyman's name until 2016, which Russian sources keep, and the own name of villages,
    # one in Luhansk Oblast: an oblast named in another sentence does not outweigh the curated name
    text = (
        "The situation around Kremennaya is difficult, an official of the Luhansk region said. Ukraine is "
        "reinforcing its lines in the direction of Slavyansk and Krasny Liman."
    )
    (m,) = [m for m in fm.read(text).mentions if m.text == "Krasny Liman"]
    assert (m.place.name, m.place.admin1) == ("Lyman", "Donetsk Oblast")


def test_former_name_on_the_bundled_gazetteer():
    if not any(p.name == "Myrnohrad" for p in fm.Gazetteer().lookup("mirnograd")):
        pytest.skip("the bundled gazetteer does not know Mirnograd as a name of Myrnohrad")
    text = "Troops in Dmitrov (formerly Mirnograd) were cut off, and the roads out of Dmitrov were mined."
    found = [(m.place.name, m.evidence) for m in fm.read(text).mentions if m.text == "Dmitrov"]
    assert found == [("Myrnohrad", "qualifier")] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Pavlivka (Ukrainian: Павлівка; Russian: Павловка), a village of Vuhledar hromada, was shelled.",
        "Mezhove (Ukrainian: Межове; Russian: Межевое) lies north of Pokrovsk.",
    ],
)
def test_the_names_a_bracket_of_languages_gives_are_the_place_before_it_on_the_bundled_gazetteer(text):
    # the Russian spelling alone would be another village of the name (one the size of the name chose)
    places = [(m.text, m.place.id) for m in fm.read(text).mentions[:3]]
    assert len({pid for _, pid in places}) == 1, places
    assert [m.evidence for m in fm.read(text).mentions[:3]][2] == "qualifier"


@pytest.mark.parametrize(
    ("text", "first", "glossed"),
    [
        ("Nobody expected the loss of Makiivka (Makeyevka in Russian); Makiivka lies 56 km southeast of "
         "Kupiansk.", "Makiivka", "Makeyevka"),
        ("The Oskil (Oskol in Russian) rose after the rains.", "Oskil", "Oskol"),
    ],
)  # fmt: skip
def test_a_name_and_its_language_in_brackets_is_the_place_before_it_on_the_bundled_gazetteer(
    text, first, glossed
):
    found = {m.text: m for m in fm.read(text).mentions}
    # the Russian spelling alone would be the city near Donetsk, or the Russian town of Stary Oskol's name
    assert found[glossed].place.id == found[first].place.id
    assert found[glossed].evidence == "qualifier"


def test_city_and_oblast_still_read_as_before():
    art = fm.read("Strikes hit Kharkiv and Zaporizhzhia. People left the Donetsk and Luhansk regions.")
    found = [(m.text, m.place.name, m.place.kind, m.evidence) for m in art.mentions]
    assert [f[:3] for f in found] == [
        ("Kharkiv", "Kharkiv", "settlement"),
        ("Zaporizhzhia", "Zaporizhzhia", "settlement"),
        ("Donetsk", "Donetsk Oblast", "region"),
        ("Luhansk", "Luhansk Oblast", "region"),
    ]
    assert [f[3] for f in found[2:]] == ["feature", "feature"]
    assert {f[3] for f in found[:2]} <= {"only", "size"}


@pytest.mark.parametrize(
    ("text", "name", "unit"),
    [
        pytest.param(
            "A drone struck Chernihiv and shells fell on Donetsk. Ukrainian units left Avdiivka.",
            "Avdiivka",
            "Donetsk Oblast",
            id="a big city's raion does not pull a village namesake",
        ),
        pytest.param(
            "Shells hit Novhorod-Siverskyi at night. In nearby Sumy Oblast, drones struck Krasnopillia.",
            "Krasnopillia",
            "Sumy Oblast",
            id="an oblast named in the sentence before a raion shared elsewhere",
        ),
        pytest.param(
            "Shells hit Semenivka and Novhorod-Siverskyi at dawn. Later a drone fell near Snovsk.",
            "Semenivka",
            "Novhorod-Siverskyi Raion",
            id="a raion shared in the sentence before one shared in the next",
        ),
        pytest.param(
            "Ukrainian troops retook Torske, near Lyman, which opens the way to the Luhansk region.",
            "Lyman",
            "Donetsk Oblast",
            id="a region the sentence points to is not where its places lie",
        ),
        pytest.param(
            "Izium fell after months. Troops also took back Andriivka, a village on the Siverskyi Donets "
            "some 17 km north-west of Balakliia.",
            "Andriivka",
            "Donets settlement hromada",
            id="a distance after a description of the name before the nearness of other places",
        ),
        pytest.param(
            "Ukrainian forces freed Torske, about 12 km east of Lyman, the head of the Donetsk Regional "
            "Military Administration said. They had taken Novoselivka the week before.",
            "Novoselivka",
            "Lyman urban hromada",
            id="a place the text settled is context for a namesake chosen by nearness alone",
        ),
        pytest.param(
            "Shelling hit Dnipro overnight. Troops attacked Velykomykhailivka, a village in Ukraine's "
            "Dnipropetrovsk region some 65 km (40 miles) west-southwest of Pokrovsk.",
            "Velykomykhailivka",
            "Velykomykhailivka rural hromada",
            id="a distance with its conversion at the end of a long description",
        ),
        pytest.param(
            "Assault groups pushed toward Mezhova and took Uspenivka (south of Udachne), a blogger said.",
            "Uspenivka",
            "Donetsk Oblast",
            id="a direction in brackets after the name",
        ),
        pytest.param(
            "Shelling hit Velyka Novosilka. The regional capital of Zaporizhzhia is 120 km to the west.",
            "Zaporizhzhia",
            "Zaporizhzhia urban hromada",
            id="the regional capital of X is the oblast's centre, not a village of its name nearby",
        ),
        pytest.param(
            "Ukrainian units may leave the salient at Nevelske, north of Marinka and Krasnohorivka, soon.",
            "Krasnohorivka",
            "Marinka urban hromada",
            id="the town whose own name it is, not a village renamed from it that shares a hromada nearby",
        ),
        pytest.param(
            "Smoke rose over Kamianske. The line runs from Zaporizhzhia past Malokaterynivka to Vasylivka.",
            "Vasylivka",
            "Vasylivka Raion",
            id="a town its raion is named after stays in the running against a village the units prefer",
        ),
        pytest.param(
            "The line runs from Zaporizhzhia to Vasylivka, then via Melitopol to the Crimea.",
            "Vasylivka",
            "Zaporizhzhia Oblast",
            id="a region at the end of a route is where it goes, not where the towns on it lie",
        ),
        pytest.param(
            "Shells fell on Sloviansk and Kramatorsk; in Mykolaiv, the port was hit by a missile.",
            "Mykolaiv",
            "Mykolaiv Oblast",
            id="a city before a village that once had its name",
        ),
        pytest.param(
            "Moscow said its troops had taken Konstantinovka in the Sumy region near the border.",
            "Konstantinovka",
            "Sumy Oblast",
            id="the Russian form of a village whose root differs (Kostiantyn-/Konstantin-)",
        ),
        pytest.param(
            "Russian troops attacked near Bila Hora and advanced north of Dyliivka (roughly 15 km "
            "southeast of Kostiantynivka and 8 km northeast of Toretsk), bloggers said.",
            "Dyliivka",
            "Toretsk urban hromada",
            id="distances in brackets after the name before a raion its namesake shares",
        ),
        pytest.param(
            "Shells hit Kurakhove overnight. Dachne lies in Synelnykove district, near the oblast border.",
            "Dachne",
            "Synelnykove Raion",
            id="'X lies in the Y district' qualifies X",
        ),
        pytest.param(
            "Troops retook the village of Andriivka on Tuesday, located just 5 kilometres from the border "
            "with Russia.",
            "Andriivka",
            "Khotin settlement hromada",
            id="a distance from a neighbour's border keeps the namesake that lies that far from it",
        ),
        pytest.param(
            "Blasts shook an air base in Crimea, beside the village of Novofedirivka on the west coast.",
            "Novofedirivka",
            "Yevpatoriia Raion",
            id="a spelling recorded for one hamlet of a common name stands for every place of that name",
        ),
        pytest.param(
            "Artillery kept hitting Borova in the Kharkiv region. Units pressed in from Vovchansk and from "
            "Borova.",
            "Borova",
            "Izium Raion",
            id="a raion shared with a town 70 km away does not outweigh a namesake by the others",
        ),
        pytest.param(
            "Krasnyi Lyman, a village of Pokrovsk Raion, lies about 8 km north-east of Pokrovsk.",
            "Krasnyi Lyman",
            "Pokrovsk Raion",
            id="a village's own name before a city's old name",
        ),
        pytest.param(
            "The Russian ministry said its troops had pushed west of Krasny Liman.",
            "Krasny Liman",
            "Kramatorsk Raion",
            id="the Russian form of a city's old name stays the city's",
        ),
        pytest.param(
            "The ministry said its troops had taken Yevgenovka in the Donetsk region. Fighting goes on near "
            "Ocheretino, north of Pokrovsk.",
            "Yevgenovka",
            "Pokrovsk Raion",
            id="namesakes an oblast leaves are told apart by a neighbour the text settles later",
        ),
        pytest.param(
            "Evacuations began in Dnipropetrovsk Oblast. The town of Pokrovske in Synelnykove Raion, about "
            "55 km north of Huliaipole, is close to the front.",
            "Huliaipole",
            "Zaporizhzhia Oblast",
            id="the place a distance is measured from lies where the settled subject says",
        ),
        pytest.param(
            "Krasnyi Lyman is a village of Pokrovsk Raion. It is not the city of Lyman in Kramatorsk Raion, "
            "which bore that name until 2016.",
            "Krasnyi Lyman",
            "Pokrovsk Raion",
            id="a raion its sentence names before the hromada of a place named later under another name",
        ),
        pytest.param(
            "Mali Shcherbaky lies about 13 km east of Kamenskoye, on the former shore of the reservoir.",
            "Kamenskoye",
            "Zaporizhzhia Oblast",
            id="a distance takes a village's name from the city far larger than it",
        ),
        pytest.param(
            "Russian troops pushing from the Donetsk region took Malynivka, east of Huliaipole, and are "
            "pressing on Dobropillia, some 14 km north-northwest of the town.",
            "Dobropillia",
            "Zaporizhzhia Oblast",
            id="a distance from 'the town' places the name near the town named before",
        ),
        pytest.param(
            "Russia holds most of Donetsk. Its next target is Kostiantynivka, a city on the road north.",
            "Kostiantynivka",
            "Kostiantynivka urban hromada",
            id="a city near the article's places is not ruled out by a nearer village of its name",
        ),
        pytest.param(
            "Attacks hit the Sumy region and the eastern cities of Pokrovsk and Kostiantynivka.",
            "Kostiantynivka",
            "Kostiantynivka urban hromada",
            id="a plural settlement noun before a list sizes each town of it",
        ),
        pytest.param(
            "Russian troops shelled Konstantinovka overnight.",
            "Konstantinovka",
            "Kostiantynivka urban hromada",
            id="a spelling neither namesake is written in goes to the far larger town",
        ),
        pytest.param(
            "The governor said the village of Klimovo came under fire from across the border.",
            "Klimovo",
            "Bryansk Oblast",
            id="'the village of' names no country: the town whose own name is written",
        ),
        pytest.param(
            "Russian forces advanced near Dobropillia in Donetsk region. They aim to encircle the towns of "
            "Kostyantynivka and Pokrovsk.",
            "Kostyantynivka",
            "Kostiantynivka urban hromada",
            id="a raion shared with another town does not outweigh a city of the oblast named",
        ),
        pytest.param(
            "Russian troops pulled back from the Bucha region in late March.",
            "Bucha",
            "Bucha Raion",
            id="'the X region' with no oblast of that name is the town's raion, not the river 'the X'",
        ),
        pytest.param(
            "Progress was reported at seven settlements in the Bakhmut area.",
            "Bakhmut",
            "Bakhmut urban hromada",
            id="'the X area' is the town's surroundings, not the river 'the X' alone would be",
        ),
        pytest.param(
            "Evacuees will travel by bus through Kherson and Mykolaiv to Khmelnytskyi, Odesa and Kyiv.",
            "Mykolaiv",
            "Mykolaiv Oblast",
            id="a city on a list of cities is not the village outside one of them",
        ),
        pytest.param(
            "Russian troops were reported on the outskirts of Huliaipole, in Zaporizhia, on Monday.",
            "Huliaipole",
            "Zaporizhzhia Oblast",
            id="'X, in Y' with Y a regional centre: in its oblast, not the namesake nearest the city",
        ),
        pytest.param(
            "Kyiv sent fresh brigades to the area of Gulyaipole in the Zaporozhye direction.",
            "Gulyaipole",
            "Zaporizhzhia Oblast",
            id="'X in the Y direction' with Y a regional centre: in its oblast too",
        ),
        pytest.param(
            "Water rose along the Vovcha west of Kurakhove, but Bahatyr, Oleksiivka and Kostiantynopil "
            "stayed dry.",
            "Oleksiivka",
            "Volnovakha Raion",
            id="the village of the name in its neighbours' raion, not a far larger town once called so",
        ),
        pytest.param(
            "Troops entered the strategic town of Lyman. Russian units fell back to Kreminna, a city in "
            "Luhansk Oblast.",
            "Lyman",
            "Donetsk Oblast",
            id="an oblast named only for another town does not rule out a far larger namesake",
        ),
    ],
)
def test_namesakes_on_the_bundled_gazetteer(text, name, unit):
    m = next(m for m in fm.read(text).mentions if m.text == name)
    assert unit in (m.place.admin1, m.place.raion, m.place.hromada), (m.place, m.evidence)


def test_a_name_the_text_settles_is_that_place_where_only_size_chose():
    text = (
        "Russian units are trying to take the settlements of Kamianske and Plavni to push on to the "
        "outskirts of Zaporizhzhia. Both Kamianske and Plavni have been shelled all summer."
    )
    found = [(m.place.raion, m.evidence) for m in fm.read(text).mentions if m.text == "Kamianske"]
    # the second is no longer the city of Dnipropetrovsk Oblast that a bare name would be
    assert found == [("Vasylivka Raion", "proximity"), ("Vasylivka Raion", "repeated")]


@pytest.mark.parametrize("spelling", ["Kamianske", "Kamyanske", "Kamenskoye"])
def test_a_village_of_a_citys_name_is_found_however_the_text_spells_it(spelling):
    text = f"Fighting went on near Stepnohirsk and Lobkove. Shells also fell on {spelling}, officials said."
    m = next(m for m in fm.read(text).mentions if m.text == spelling)
    # the village next to Stepnohirsk, not the city of 227,000 people in Dnipropetrovsk Oblast
    assert (m.place.raion, m.evidence) == ("Vasylivka Raion", "proximity")


def test_a_village_in_the_region_the_text_names_may_still_be_meant_over_its_city():
    text = "In the Kharkiv region, Russian units attacked near Kruhliakivka, Senkove and Lozova on Sunday."
    m = next(m for m in fm.read(text).mentions if m.text == "Lozova")
    # the village by Kruhliakivka, not the city of 54,000 150 km away: the region named holds both
    assert (m.place.hromada, m.evidence) == ("Borova settlement hromada", "proximity")


def test_a_raion_centre_near_the_articles_places_beats_a_nearer_village_of_its_name():
    text = "Shelling hit Vasylivka again. The city of Zaporizhzhia was attacked by drones as well."
    m = next(m for m in fm.read(text).mentions if m.text == "Vasylivka")
    # the town of 12,500 people 45 km from Zaporizhzhia, not a village of unknown size 15 km from it
    assert (m.place.raion, m.place.population > 10_000) == ("Vasylivka Raion", True)


def test_a_regional_centre_whose_region_the_text_names_stays_the_city():
    text = (
        "Drones struck villages in Zaporizhzhia Oblast. A tank was hit near the village of Bogatyr in "
        "the Donetsk region. The distance from the front line to Zaporizhzhia is about 30 km."
    )
    m = next(m for m in fm.read(text).mentions if m.text == "Zaporizhzhia")
    # not the village of that name next to Bahatyr in Donetsk Oblast
    assert (m.place.admin1, m.place.population > 700_000) == ("Zaporizhzhia Oblast", True)


def test_a_large_city_called_a_town_is_still_the_city():
    m = fm.read("Russian forces were pushed back near the town of Kryvyi Rih.").mentions[0]
    # news calls cities of 600,000 towns too: not the Kherson village of that name
    assert (m.place.admin1, m.place.population > 500_000) == ("Dnipropetrovsk Oblast", True)


def test_a_town_related_to_another_is_no_kind_of_that_other():
    text = "Chornomorsk, in Odesa Oblast, grew up as a satellite town of Odesa."
    m = next(m for m in fm.read(text).mentions if m.text == "Odesa")
    # not the Odessa of Texas, a town where the Ukrainian city of a million is a city
    assert (m.place.country, m.place.population > 900_000) == ("UA", True)


def test_a_far_larger_town_stays_in_the_running_only_under_its_own_name():
    text = "Russian forces destroyed the units defending Aleksandrovka. The town is in the Kherson Region."
    m = next(m for m in fm.read(text).mentions if m.text == "Aleksandrovka")
    # a village of Kherson Oblast, not Donetsk, a city of 900,000 that grew over a settlement of that name
    assert m.place.admin1 == "Kherson Oblast"
    text = "Fighting went on near Konstantinovka, the ministry said. Donetsk Oblast was shelled."
    m = next(m for m in fm.read(text).mentions if m.text == "Konstantinovka")
    assert (m.place.name, m.place.population > 50_000) == ("Kostiantynivka", True)  # the Russian spelling


def test_a_compass_word_covers_a_sector():
    text = "Fighting reached Hlyboke, a village 30 kilometers (19 miles) north of Kharkiv, on Sunday."
    m = next(m for m in fm.read(text).mentions if m.text == "Hlyboke")
    # the Hlyboke 33 km north-northeast of Kharkiv (13 km off the point due north), not one near Kyiv
    assert (m.place.admin1, m.evidence) == ("Kharkiv Oblast", "claim")


def test_a_loose_distance_from_a_capital_keeps_the_capital():
    text = "The city of Sumy, located 200 miles northeast of Kyiv, was never taken."
    m = next(m for m in fm.read(text).mentions if m.text == "Kyiv")
    # the capital lies 190 miles from Sumy (to the west-southwest): not a village of Mykolaiv Oblast that
    # happens to lie nearer the point 200 miles southwest of Sumy
    assert (m.place.admin1, m.evidence) == ("Kyiv City", "claim")


def test_a_distance_from_a_country_chooses_no_namesake():
    text = "A major airport near the city of Kazan, 1,000 kilometres from Ukraine, was closed."
    m = next(m for m in fm.read(text).mentions if m.text == "Kazan")
    # measured from a border, not from a point: the Turkish Kazan is no nearer the figure for it
    assert (m.place.country, m.evidence) == ("RU", "size")


def test_a_name_a_claim_settled_is_that_place_where_the_hierarchy_chose_after_it():
    text = (
        "Blasts were heard in Bohatyr, 25 miles away from Melitopol, and in Crimea. Later the same "
        "location as Bohatyr was hit again."
    )
    found = [(m.place.admin1, m.evidence) for m in fm.read(text).mentions if m.text == "Bohatyr"]
    # the second is not the Crimean village the hierarchy of a text naming Crimea would make it
    assert found == [("Zaporizhzhia Oblast", "claim"), ("Zaporizhzhia Oblast", "repeated")]


def test_namesakes_a_text_tells_apart_stay_apart():
    text = (
        "Units took the settlement of Lozovaya in the Kharkov region, about 30 km north-east of Borovaya; "
        "it is not the city of Lozovaya in the south of the region."
    )
    first, second = (m.place for m in fm.read(text).mentions if m.text == "Lozovaya")
    assert first.id != second.id and second.raion == "Lozova Raion"


def test_hromadas_of_one_name_in_two_raions_are_two_units():
    from frontmap.reading._ment_places import hromada_key

    city = _p("k1", "Kamianske", 48.5, 34.6, "Dnipropetrovsk Oblast", 220_000, "Kamianske Raion",
              "Kamianske urban hromada")  # fmt: skip
    village = _p("k2", "Kamianske", 48.2, 22.6, "Zakarpattia Oblast", 1_500, "Berehove Raion",
                 "Kamianske rural hromada")  # fmt: skip
    neighbour = _p("k3", "Kholmok", 48.25, 22.65, "Zakarpattia Oblast", 900, "Berehove Raion",
                   "Kamianske rural hromada")  # fmt: skip
    hromada = _p("k4", "Kamianske rural hromada", 48.2, 22.6, "Zakarpattia Oblast", 0, "Berehove Raion",
                 kind="hromada")  # fmt: skip
    assert hromada_key(city) != hromada_key(village) == hromada_key(neighbour) == hromada_key(hromada)


def test_a_distance_said_of_a_later_mention_places_a_citys_namesake_everywhere():
    text = (
        "Kyiv says the fight for Makiivka goes on. Makiivka, some 55 km southeast of Kupiansk, was "
        "attacked from three sides."
    )
    found = [
        (m.place.admin1, m.place.population < 50_000) for m in fm.read(text).mentions if m.text == "Makiivka"
    ]
    # the village of Luhansk Oblast the distance puts there, not the large city near Donetsk, both times
    assert found == [("Luhansk Oblast", True)] * 2


def test_a_distance_and_direction_rule_out_namesakes_that_lie_nowhere_near_it():
    text = "Engineers blew up the bridge at Ivankiv, about 50 kilometers north of Kyiv."
    m = next(m for m in fm.read(text).mentions if m.text == "Ivankiv")
    # the town 70 km northwest of the capital, not the village 20 km southwest of it that lies nearest
    assert (m.place.raion, m.evidence) == ("Vyshhorod Raion", "claim")


def test_a_former_name_is_the_place_of_the_name_before_it_when_that_is_one_of_its_namesakes():
    text = "The mine lies between Perevalsk and Kypuche (formerly Artemivsk, some 7,000 people)."
    found = {m.text: (m.place.name, m.place.admin1) for m in fm.read(text).mentions}
    # Artemivsk was also Bakhmut's name; here it is the Luhansk town renamed Kypuche
    assert found["Kypuche"] == found["Artemivsk"] == ("Kypuche", "Luhansk Oblast")
