"""The rules that accept or refuse a known name as a place mention (``frontmap.reading.mentionrules``).

Each rule has its own test: a sentence it decides (and, since the rules are tried in order, no earlier
rule decides first) and a sentence it lets pass.  The sentences are written for these tests.  The
places come from a small gazetteer made up below, so that each case shows which names are known and
how large they are; ``tests/test_read.py`` reads such phrasings with the bundled gazetteer.
"""

from __future__ import annotations

import inspect

import pytest

import frontmap as fm
from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import Place
from frontmap.reading import mentionrules as R
from frontmap.reading.mentionrules import ACCEPT, IF_REGION_NAMED, REJECT, RULES, Candidate, decide
from frontmap.reading.mentions import candidates, find_mentions


def _p(name: str, kind: str, country: str | None, population: int = 0, admin1: str | None = None) -> Place:
    return Place(f"t:{normalize(name)}", name, kind, 48.0, 35.0, country, admin1, population)


#: Names and sizes chosen for these tests (not real data): towns abroad that share a word with
#: ordinary English, a month, a given name or a title, next to a few places in Ukraine.
PLACES = [
    _p("Kherson", "settlement", "UA", 280_000, "Kherson Oblast"),
    _p("Kyiv", "settlement", "UA", 2_900_000, "Kyiv"),
    _p("Donetsk", "settlement", "UA", 900_000, "Donetsk Oblast"),
    _p("Kerch", "settlement", "UA", 150_000, "Crimea"),
    _p("Melnyk", "settlement", "UA", 300, "Vinnytsia Oblast"),
    _p("Nova", "settlement", "UA", 900, "Kherson Oblast"),  # a village of the word alone
    _p("Dnipro", "river", "UA"),
    _p("Saratov Reservoir", "lake", "RU"),
    _p("Russia", "country", "RU"),
    _p("US", "country", "US"),
    _p("Wales", "region", "GB"),
    _p("White House", "settlement", "MA", 3_000_000),  # a translation of Casablanca
    _p("Minsk", "settlement", "BY", 2_000_000),
    _p("Vostok", "settlement", "RU", 5_000),
    _p("Rhode", "settlement", "IE", 600),
    _p("Most", "settlement", "CZ", 65_000),
    _p("Trento", "settlement", "IT", 120_000),  # also "Trident" (ALIASES)
    _p("Hromada", "settlement", "UA", 300, "Zhytomyr Oblast"),
    _p("Postal", "settlement", "UA", 700, "Odesa Oblast"),
    _p("June", "settlement", "US", 300),
    _p("June Lake", "settlement", "US", 600),
    _p("Western", "settlement", "US", 200),
    _p("Western Sahara", "region", "EH"),
    _p("Marshal", "settlement", "US", 400),
    _p("Star City", "settlement", "RU", 5_000),
    _p("Roman", "settlement", "RO", 50_000),
    _p("Kim", "settlement", "US", 100),
    _p("Victoria", "settlement", "CA", 90_000),
    _p("Sofia", "settlement", "BG", 1_200_000),
    _p("Tulcea", "settlement", "RO", 65_000),
    _p("Sulina", "settlement", "RO", 3_000),
    _p("Glushkovo", "settlement", "RU", 5_000, "Kursk Oblast"),
    _p("Guyevo", "settlement", "RU", 900, "Kursk Oblast"),
    # small Ukrainian villages whose Latin names are also an English surname or word
    _p("Bentley", "settlement", "UA", 200, "Kharkiv Oblast"),
    _p("Antonov", "settlement", "UA", 300, "Kyiv Oblast"),  # an aircraft maker's name too
    _p("Sosnivka", "settlement", "UA", 0, "Sumy Oblast"),
    _p("Сосонівка", "settlement", "UA", 0, "Sumy Oblast"),
    _p("Sosnivka Persha", "settlement", "UA", 0, "Sumy Oblast"),  # a name of two words
    # a facility and a canal known by their initials (ALIASES), a river whose name is a given name
    _p("Kherson Hydro Power Plant", "facility", "UA"),
    _p("North Kherson Water Canal", "river", "UA"),
    _p("Don", "river", None),
    _p("Ross", "settlement", "US", 200),
    _p("Ross", "river", None),
]
#: Other names of the places above: name -> the place's name.
ALIASES = {"KHPP": "Kherson Hydro Power Plant", "NKWC": "North Kherson Water Canal", "Trident": "Trento"}


class TinyGazetteer:
    """Just what :func:`candidates` and :func:`find_mentions` ask of a gazetteer."""

    max_words = 3

    def __init__(self, places: list[Place], aliases: dict[str, str] | None = None) -> None:
        self.index: dict[str, tuple[Place, ...]] = {}
        for p in places:
            self.index[normalize(p.name)] = (*self.index.get(normalize(p.name), ()), p)
        for alias, name in (aliases or {}).items():
            self.index[normalize(alias)] = self.index[normalize(name)]

    def lookup(self, key: str) -> tuple[Place, ...]:
        return self.index.get(key, ())


GZ = TinyGazetteer(PLACES, ALIASES)


def candidate(text: str, surface: str) -> Candidate:
    """The first candidate of ``text`` whose words are ``surface``."""
    found = [c for c in candidates(text, GZ) if text[c.hit.start : c.hit.end] == surface]
    assert found, f"{surface!r} is not a known name in {text!r}"
    return found[0]


def check(rule, text: str, surface: str, expected) -> None:
    """``rule`` gives ``expected`` for ``surface``; when it decides, it is the first rule that does."""
    c = candidate(text, surface)
    assert rule(c) is expected
    if expected is not None:
        assert decide(c) == (expected, rule)


def cases(*rows):
    """pytest params ``(text, surface, expected)`` with ids that show the sentence."""
    return pytest.mark.parametrize(
        ("text", "surface", "expected"),
        [pytest.param(t, s, e, id=f"{t!r} [{s}]") for t, s, e in rows],
    )


# --- the list itself --------------------------------------------------------------------------

ORDER = [
    "dateline",
    "known_acronym",
    "shouted_word",
    "acronym_modifier",
    "noble_title",
    "organisation",
    "not_a_place",
    "agreement",
    "military_unit",
    "thing_name",
    "longer_name",
    "river_after_article",
    "common_word",
    "calendar_word",
    "demonym",
    "title_word",
    "known_surname",
    "given_name_before_surname",
    "surname_after_given_name_or_title",
    "inside_other_name",
    "measured_from_a_place",
    "given_name_small_town",
    "given_name_river",
    "small_village_without_support",
    "large_feature",
    "ukrainian_place",
    "large_city_abroad",
    "town_abroad_after_locative",
    "town_abroad_before_facility",
    "border_town",
    "small_place_abroad",
]


def test_rules_in_documented_order():
    assert [r.__name__ for r in RULES] == ORDER


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_rule_has_one_line_docstring_and_a_test(rule):
    doc = inspect.getdoc(rule) or ""
    assert len(doc.splitlines()) == 1 and doc.split()[0] in ("Accept", "Reject", "Keep"), doc
    assert callable(globals().get(f"test_{rule.__name__}")), f"no test_{rule.__name__} in this file"


def test_first_deciding_rule_wins():
    # A shouted word is refused, unless it opens a line as a dateline: dateline is asked first.
    c = candidate("KHERSON, Ukraine -- Rain fell all night.", "KHERSON")
    assert R.shouted_word(c) is REJECT
    assert decide(c) == (ACCEPT, R.dateline)


# --- 1. shouted words --------------------------------------------------------------------------


@cases(
    ("KHERSON, Ukraine -- Rain fell all night.", "KHERSON", ACCEPT),
    ("Rain fell on KHERSON all night.", "KHERSON", None),
)
def test_dateline(text, surface, expected):
    check(R.dateline, text, surface, expected)


@cases(
    ("Drones circled the KHPP at night.", "KHPP", ACCEPT),  # a facility's acronym
    ("Water stopped flowing in the NKWC in May.", "NKWC", ACCEPT),  # the initials of a place in Ukraine
    ("Shells fell as RUSSIA denied everything.", "RUSSIA", None),  # shouting
    ("Rain fell on KHERSON all night.", "KHERSON", None),  # a town, not its initials
)
def test_known_acronym(text, surface, expected):
    check(R.known_acronym, text, surface, expected)


@cases(
    ("Shells fell as RUSSIA denied everything.", "RUSSIA", REJECT),
    ("Shells fell as Russia denied everything.", "Russia", None),
)
def test_shouted_word(text, surface, expected):
    check(R.shouted_word, text, surface, expected)


@cases(
    ("Two US officials spoke on background.", "US", REJECT),
    ("Two US-funded radars arrived.", "US", REJECT),
    ("Two US-built radars arrived.", "US", None),  # where they were built
    ("Analysts at a US-based institute agreed.", "US", None),
    ("Aid from the US arrived by rail.", "US", None),
)
def test_acronym_modifier(text, surface, expected):
    check(R.acronym_modifier, text, surface, expected)


# --- 2. longer names the place is part of -----------------------------------------------------


@cases(
    ("Crowds cheered the Prince of Wales at the gala.", "Wales", REJECT),
    ("Crowds cheered in the north of Wales at the gala.", "Wales", None),
)
def test_noble_title(text, surface, expected):
    check(R.noble_title, text, surface, expected)


@cases(
    ("A Kherson Herald editor filed the story.", "Kherson", REJECT),
    ("The Kherson Regional Military Administration said so.", "Kherson", REJECT),
    ("A Kherson editor filed the story.", "Kherson", None),
    ("Units of the Vostok Battlegroup advanced, the ministry said.", "Vostok", REJECT),
)
def test_organisation(text, surface, expected):
    check(R.organisation, text, surface, expected)


@cases(
    ("Reporters waited outside the White House.", "White House", REJECT),
    ("Reporters waited outside Kherson.", "Kherson", None),
)
def test_not_a_place(text, surface, expected):
    check(R.not_a_place, text, surface, expected)


@cases(
    ("Negotiators revisited the Minsk agreements.", "Minsk", REJECT),
    ("Negotiators met again in Minsk.", "Minsk", None),
)
def test_agreement(text, surface, expected):
    check(R.agreement, text, surface, expected)


@cases(
    ("Tanks of the Vostok battalion rolled west.", "Vostok", REJECT),
    ("The Vostok battlegroup took Velyka Novosilka.", "Vostok", REJECT),
    ("Vostok units took the village.", "Vostok", REJECT),
    ("Tanks rolled west from Vostok.", "Vostok", None),
    ('The "Vostok" group widened its foothold.', "Vostok", REJECT),  # in quotes, the word after them
    ("Tanks of the 'Vostok' battalion rolled west.", "Vostok", REJECT),
    ('Tanks rolled west from "Vostok" at dawn.', "Vostok", None),
)
def test_military_unit(text, surface, expected):
    check(R.military_unit, text, surface, expected)


@cases(
    ("Divers reached the tanker Kerch at dawn.", "Kerch", REJECT),
    ("Divers reached the tanker near Kerch at dawn.", "Kerch", None),
    ("A Telegram channel Kerch said two people died.", "Kerch", REJECT),
    ("The channel said drones flew over Kerch.", "Kerch", None),
    ("The An-225 Kerch was lost in the hangar.", "Kerch", REJECT),  # an aircraft after its model
    ("Troops reached the H-26 Kerch road.", "Kerch", None),  # a road's letter and number
    # a maker's name before its aircraft's model, which begins as the name does
    ("Shelling wrecked the Antonov An-26 on the runway.", "Antonov", REJECT),
    ("Over Kerch Tu-22 bombers were seen.", "Kerch", None),
    # the kind of vessel after the name
    ("Drones hit the Kerch large landing ship at dawn.", "Kerch", REJECT),
    ("In Kerch a ship was hit at dawn.", "Kerch", None),
    ("The Kerch ship repair plant was hit.", "Kerch", None),
    # a pipeline is named as a ship is
    ("Drones struck the Kerch oil pipeline overnight.", "Kerch", REJECT),
    ("A pipeline runs past Kerch to the west.", "Kerch", None),
)
def test_thing_name(text, surface, expected):
    check(R.thing_name, text, surface, expected)


@cases(
    ("The reserve is roughly as big as Rhode Island.", "Rhode", REJECT),
    ("The reserve lies west of Rhode.", "Rhode", None),
    # a town in Ukraine stays: the feature named after it lies at it
    ("Ships anchored in Kerch Bay at dawn.", "Kerch", None),
    # the first word of a settlement's name the gazetteer lacks ("Nova" of "Nova Melnyk"), not a place
    ("Shells fell on Nova Melnyk at dawn.", "Nova", REJECT),
    ("Shells fell on Nova-Melnyk at dawn.", "Nova", None),  # hyphenated: another kind of name
)
def test_longer_name(text, surface, expected):
    check(R.longer_name, text, surface, expected)


# --- 3. single words that are something else --------------------------------------------------


@cases(
    ("Most shops reopened on the third day.", "Most", REJECT),
    ("Shops in Kherson reopened on the third day.", "Kherson", None),
    # the labels of an infobox a page keeps
    ("Raion | Berdiansk Raion | Hromada | Prymorsk urban hromada | Postal code | 71300", "Hromada", REJECT),
    ("Raion | Berdiansk Raion | Hromada | Prymorsk urban hromada | Postal code | 71300", "Postal", REJECT),
    # the Ukrainian coat of arms, an old English name of Trento
    ("Blue flags bore the golden Trident.", "Trident", REJECT),
)
def test_common_word(text, surface, expected):
    check(R.common_word, text, surface, expected)


@cases(
    ("June brought heavy rain to the front.", "June", REJECT),
    ("Campers left June Lake before the storm.", "June Lake", None),
)
def test_calendar_word(text, surface, expected):
    check(R.calendar_word, text, surface, expected)


@cases(
    ("Western diplomats left the talks early.", "Western", REJECT),
    ("Diplomats flew on to Western Sahara.", "Western Sahara", None),
)
def test_demonym(text, surface, expected):
    check(R.demonym, text, surface, expected)


@cases(
    ("Marshal Petrenko inspected the guard.", "Marshal", REJECT),
    ("Cosmonauts trained for months in Star City.", "Star City", None),
)
def test_title_word(text, surface, expected):
    check(R.title_word, text, surface, expected)


@cases(
    ("Olena Melnyk chaired the session. Afterwards Melnyk took questions.", "Melnyk", REJECT),
    ("Buses reached Melnyk shortly after noon.", "Melnyk", None),
    # a town named after a person, said to be a town where it is named
    ("Melnyk is a small town in the east. It bears the name of Olena Melnyk.", "Melnyk", None),
    ("The town of Melnyk honours Olena Melnyk.", "Melnyk", None),
)
def test_known_surname(text, surface, expected):
    check(R.known_surname, text, surface, expected)


@cases(
    ("On the podium, Roman Petrenko thanked the medics.", "Roman", REJECT),
    ("Roman Petrenko Thanks Medics After Long Night\n", "Roman", None),  # a Title Case headline
)
def test_given_name_before_surname(text, surface, expected):
    check(R.given_name_before_surname, text, surface, expected)


@cases(
    ("Mayor KIM cut the ribbon on the bridge.", "KIM", REJECT),
    ("The mayor of Kim cut the ribbon on the bridge.", "Kim", None),
    # a title that marks a person in lower case too; one that is also an ordinary word does not
    ("The regional governor Kim cut the ribbon.", "Kim", REJECT),
    ("A major Kim offensive began at dawn.", "Kim", None),
)
def test_surname_after_given_name_or_title(text, surface, expected):
    check(R.surname_after_given_name_or_title, text, surface, expected)


@cases(
    ("Barges sailed down the Don to the sea.", "Don", ACCEPT),  # a given name, but a river after "the"
    ("The Ross froze early that winter.", "Ross", ACCEPT),  # a town abroad, but a river after "the"
    ("The Don Cossacks rode south.", "Don", None),  # part of a longer name
    ("Don thanked the volunteers by letter.", "Don", None),  # no article
    ("Boats crossed the Dnipro under fire.", "Dnipro", None),  # a river and nothing else
)
def test_river_after_article(text, surface, expected):
    check(R.river_after_article, text, surface, expected)


@cases(
    ("Supporters of Shakhtar Donetsk sang all night.", "Donetsk", REJECT),
    ("Shakhtar Donetsk played its home games far away.", "Donetsk", None),  # opens the sentence
    ("Supporters in Donetsk sang all night.", "Donetsk", None),
    ("Attacks went on in the Lymen-Kherson direction.", "Kherson", None),  # an axis named by its ends
    ("Supporters of Lymen-Kherson sang all night.", "Kherson", REJECT),  # no axis noun after it
    ('Troops cut the "Lymen-Kherson" highway.', "Kherson", None),  # the axis in quotes
    ("Troops cut the Lymen-Kherson route.", "Kherson", None),
    ("He planned last August's Kherson offensive.", "Kherson", None),  # a month's possessive: when
    ("Witnesses of Tuesday's Kherson strike spoke.", "Kherson", None),
    ("Fans of Shakhtar's Donetsk squad sang.", "Donetsk", REJECT),  # a club's possessive stays a name
)
def test_inside_other_name(text, surface, expected):
    check(R.inside_other_name, text, surface, expected)


@cases(
    ("Aid reached Victoria, some 35 km west of the port.", "Victoria", ACCEPT),
    ("Victoria (12 miles from the coast) was shelled.", "Victoria", ACCEPT),
    ("Victoria, 35, thanked the volunteers.", "Victoria", None),
    # what is said of a settlement after its name: a village or town of ..., its population
    ("Victoria, a small farming village in the south, was shelled.", "Victoria", ACCEPT),
    ("Victoria, with a pre-war population of 900, lay empty.", "Victoria", ACCEPT),
    ("Victoria, a city councillor, thanked the volunteers.", "Victoria", None),
    ("Victoria is a small town on the coast.", "Victoria", ACCEPT),
    ("Victoria is a teacher in the town.", "Victoria", None),
    # ... or before it: "the village of"
    ("Shells hit the village of Victoria at dawn.", "Victoria", ACCEPT),
    ("The mayor of the town sent Victoria a letter.", "Victoria", None),
    # no given name: the rules after it decide ("the village of Glushkovo" abroad needs its region)
    ("Shells hit the village of Glushkovo at dawn.", "Glushkovo", None),
)
def test_measured_from_a_place(text, surface, expected):
    check(R.measured_from_a_place, text, surface, expected)


@cases(
    ("Victoria thanked the volunteers by letter.", "Victoria", REJECT),
    ("Flights to Sofia resumed after the storm.", "Sofia", None),
)
def test_given_name_small_town(text, surface, expected):
    check(R.given_name_small_town, text, surface, expected)


@cases(
    ("Don thanked the volunteers by letter.", "Don", REJECT),
    ("Barges sailed down the Don to the sea.", "Don", None),
)
def test_given_name_river(text, surface, expected):
    check(R.given_name_river, text, surface, expected)


# --- 4. what is left: large, in Ukraine, or supported -----------------------------------------


@cases(
    ("Bentley signed the order on Friday.", "Bentley", REJECT),
    ("A statement by Sosnivka was read out.", "Sosnivka", REJECT),
    ("Fighting went on near Bentley all week.", "Bentley", None),  # a locative before it
    ("Troops liberated Sosnivka on Friday.", "Sosnivka", None),  # a verb of fighting over ground
    ("The village of Sosnivka was shelled.", "Sosnivka", None),
    ("Bentley village was shelled.", "Bentley", None),  # a place noun after it
    ("Troops gained ground in the Sosnivka area.", "Sosnivka", None),  # "in the", and "area"
    ("Attacks slowed on the Bentley front.", "Bentley", None),
    ("Bentley and Kherson were shelled.", "Bentley", None),  # another Ukrainian place in the sentence
    ("Bentley and Sosnivka signed the letter.", "Bentley", REJECT),  # two bare villages: no support
    ("Troops liberated Sosnivka and Bentley.", "Bentley", None),  # ... unless one is supported
    ("Сосонівка was shelled.", "Сосонівка", None),  # Cyrillic script
    ("The Bentley-Sosnivka direction was quiet.", "Sosnivka", None),  # an end of an axis
    ("The Bentley-Sosnivka feud was settled.", "Sosnivka", REJECT),  # no axis noun after it
    ("They dug in on the line between Bentley-Sosnivka.", "Bentley", None),  # a line "between" two places
    ("They dug in on the line between Bentley-Sosnivka.", "Sosnivka", None),  # ... both ends of it
    ("Shelling hit Kherson overnight.", "Kherson", None),  # not a small village
    ("Fog covered Rhode overnight.", "Rhode", None),  # small, but not in Ukraine: later rules decide
    ("Its neighbour Bentley changed hands.", "Bentley", None),  # a neighbour is a place
    ("Bentley, some 5 km to its east, changed hands.", "Bentley", None),  # a distance after it
    ("Bentley, a friend of 5 years, wrote.", "Bentley", REJECT),  # a figure of no distance
    ("Schools stay shut, according to Bentley.", "Bentley", REJECT),  # a source, not a place
    ("The general reported to Bentley on Friday.", "Bentley", REJECT),  # an addressee, not a place
    ("The convoy moved to Bentley.", "Bentley", None),  # "to" a place
    ("A glide bomb hit Bentley at dawn.", "Bentley", None),  # a verb of striking ground
    ("The last one to fall was Sosnivka Persha.", "Sosnivka Persha", None),  # two words: no English word
)
def test_small_village_without_support(text, surface, expected):
    check(R.small_village_without_support, text, surface, expected)


def test_small_village_support_is_its_sentence_or_the_one_before():
    # (every place of this gazetteer stands on one point: a town of the sentence before is near)
    text = "Shelling hit Kherson overnight. Bentley signed the order."
    assert [m.text for m in find_mentions(text, GZ)] == ["Kherson", "Bentley"]
    text = "Shelling hit Kherson overnight. The night was quiet. Bentley signed the order."
    assert [m.text for m in find_mentions(text, GZ)] == ["Kherson"]


@cases(
    ("Boats crossed the Dnipro under fire.", "Dnipro", ACCEPT),
    ("Boats crossed the Saratov Reservoir under fire.", "Saratov Reservoir", ACCEPT),  # a lake abroad
    ("Boats left Kherson under fire.", "Kherson", None),
)
def test_large_feature(text, surface, expected):
    check(R.large_feature, text, surface, expected)


@cases(
    ("Shelling hit Kherson overnight.", "Kherson", ACCEPT),
    ("Fog covered Rhode overnight.", "Rhode", None),
)
def test_ukrainian_place(text, surface, expected):
    check(R.ukrainian_place, text, surface, expected)


@cases(
    ("Flights to Sofia resumed after the storm.", "Sofia", ACCEPT),
    ("Ferries docked in Tulcea after the storm.", "Tulcea", None),
)
def test_large_city_abroad(text, surface, expected):
    check(R.large_city_abroad, text, surface, expected)


@cases(
    ("Ferries docked in Tulcea after the storm.", "Tulcea", ACCEPT),
    ("Barges waited near Sulina for the pilot.", "Sulina", ACCEPT),  # small, but next to Ukraine
    ("Tulcea was quiet after the storm.", "Tulcea", None),
    ("Ferries docked in Sulina and Tulcea after the storm.", "Tulcea", ACCEPT),  # listed after "in"
    ("Sulina and Tulcea were quiet after the storm.", "Tulcea", None),
    ("Marines captured Sulina after the storm.", "Sulina", ACCEPT),  # a verb of fighting over ground
    ("Drones struck Sulina and Tulcea overnight.", "Tulcea", ACCEPT),  # listed after one
    ("Drones flew over Sulina overnight.", "Sulina", ACCEPT),
    ("Reporters thanked Sulina after the storm.", "Sulina", None),  # no such word before it
)
def test_town_abroad_after_locative(text, surface, expected):
    check(R.town_abroad_after_locative, text, surface, expected)


@cases(
    ("Drones hit the Tulcea oil refinery overnight.", "Tulcea", ACCEPT),
    ("Drones struck the Sulina air base overnight.", "Sulina", ACCEPT),  # small, but next to Ukraine
    ("Tulcea was quiet after the storm.", "Tulcea", None),
    ("Fog covered the Rhode airfield overnight.", "Rhode", None),  # too small, and far away
)
def test_town_abroad_before_facility(text, surface, expected):
    check(R.town_abroad_before_facility, text, surface, expected)


@cases(
    ("Glushkovo was shelled again overnight.", "Glushkovo", IF_REGION_NAMED),
    ("Troops cleared Guyevo, the ministry said.", "Guyevo", IF_REGION_NAMED),  # a village, not a town
    ("Fog covered Rhode overnight.", "Rhode", None),
    # a distance from it says it is a place (from Sumy, across the border)
    ("Guyevo lies some 40 km northeast of Sumy.", "Guyevo", ACCEPT),
    ("The village of Guyevo was shelled.", "Guyevo", IF_REGION_NAMED),  # called a village: still its region
)
def test_border_town(text, surface, expected):
    check(R.border_town, text, surface, expected)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a Title Case headline glued to its first paragraph: capitalised neighbours mean little there
        (
            "Russian Troops Struggle to Capture Vovchansk. Here is the latest: fighting went on in the "
            "border areas, and the Russian forces have managed to advance only a little so far.",
            ["Vovchansk"],
        ),
        # ... but a long first sentence full of names is no headline
        ("Officials said the Kyiv Independent had the news first, as Panetta told reporters.", []),
    ],
)
def test_a_headline_glued_to_its_text(text, found):
    assert [m.text for m in fm.read(text).mentions] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Troops dug in west of Dachi, 10 km south of Kherson.", ["Kherson"]),  # not a town of Chongqing
        ("Officials met in Brindisi on Monday.", []),
        ("Officials met in Brindisi, Italy, on Monday.", ["Brindisi", "Italy"]),
        ("It is the size of Long Island in New York.", ["Long Island", "New York"]),
    ],
)
def test_a_town_further_away_counts_when_its_country_is_named(text, found):
    assert [m.text for m in fm.read(text).mentions] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Russia said its troops had retaken Sudzha.", ["Russia", "Sudzha"]),  # a town of 7,000
        ("Russia said its troops had cleared Guyevo.", ["Russia"]),  # a village of 900 needs its region
        ("Troops cleared Guyevo in the Kursk region.", ["Guyevo", "Kursk region"]),
        ("Sudzha was quiet.", []),
        # by its own name only: "Pantsir" is also an old name of Krasnoarmeysk, not what a weapon means
        ("Russia said a Pantsir air defence system was destroyed.", ["Russia"]),
    ],
)
def test_a_town_across_the_border_counts_when_its_region_or_country_is_named(text, found):
    assert [m.text for m in fm.read(text).mentions] == found


@cases(
    ("Fog covered Rhode overnight.", "Rhode", REJECT),
    ("Fog covered Melnyk overnight.", "Melnyk", None),
)
def test_small_place_abroad(text, surface, expected):
    check(R.small_place_abroad, text, surface, expected)


# --- what the rules leave to later steps ------------------------------------------------------


def test_metonymy_is_a_role_of_an_accepted_place():
    text = "Kyiv said the convoy had arrived."
    assert decide(candidate(text, "Kyiv")) == (ACCEPT, R.ukrainian_place)
    assert [(m.text, m.role) for m in find_mentions(text, GZ)] == [("Kyiv", "metonymy")]


def test_find_mentions_keeps_what_the_rules_accept():
    text = "Most shops in Kherson reopened, and barges waited near Sulina. Victoria thanked them."
    assert [m.text for m in find_mentions(text, GZ)] == ["Kherson", "Sulina"]
