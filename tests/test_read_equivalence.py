"""The reader gives exactly the output it gave before it was made faster: every sentence of a corpus
written for this test is read, and ``Article.to_dict()`` is compared with the output stored in
``tests/data/read_equivalence.json`` (generated from the reader before the speed work).

Regenerate the stored output only when a change of the reader's *results* is intended:

    python tests/test_read_equivalence.py --regenerate
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

import frontmap as fm
from frontmap.reading import _scan, lexicon
from frontmap.reading import patterns as P

EXPECTED = Path(__file__).parent / "data" / "read_equivalence.json"
PUBLISHED = "2023-06-15"

#: (id, text): places, homonyms, claims of every kind, control events, headlines, odd input.
CORPUS: list[tuple[str, str]] = [
    # -- places -------------------------------------------------------------------------------------
    ("city", "Shelling hit Kharkiv overnight, the regional governor said."),
    ("possessive", "Kyiv's air defences shot down 20 drones; Odesa’s port was hit again."),
    ("spellings", "Troops entered Izyum and Balakleya, then moved on Kupiansk and Kupyansk-Vuzlovyi."),
    ("region", "Fighting continued in the Kharkiv region and in Donetsk Oblast."),
    (
        "regions-list",
        "Shelling hit the Donetsk and Luhansk regions, and the regions of Kherson and Zaporizhzhia.",
    ),
    ("river", "Boats moved along the Dnipro under fire; the Dnipro River is wide here."),
    ("city-dnipro", "Explosions were heard in the city of Dnipro on Sunday."),
    ("plant", "Inspectors visited the Zaporizhzhia nuclear power plant near Enerhodar."),
    ("plants", "The Khmelnytskyi and Rivne nuclear plants cut their output."),
    ("airfield", "Paratroopers landed at Hostomel Airfield in the first days of the war."),
    ("cyrillic", "Shelling was reported in Київ and Харків, and in Запоріжжя."),
    ("seas", "Ships in the Black Sea and the Sea of Azov were tracked by satellites."),
    ("district", "Strikes hit the Pokrovsk district and Kharkiv's Industrialnyi district."),
    ("renamed", "Dmitrov (formerly Mirnograd) lies near Pokrovsk, the town once called Krasnoarmeisk."),
    ("typo", "Residents of Kramatrosk and Zaporizzhia queued for water."),
    ("anaphora", "Russian troops landed on the Kinburn Spit; shelling of the Spit continued."),
    ("abroad", "Officials in Warsaw, Berlin and Belgorod discussed the attacks on Shebekino."),
    ("border-town", "Shebekino and Grayvoron in the Belgorod region were shelled."),
    ("small-villages", "Ukrainian forces liberated Sokil and Druzhba near Vuhledar."),
    ("village-of", "The village of Andriivka in the Bakhmut district was retaken."),
    (
        "homonym-region",
        "Kamianske in the Zaporizhzhia region came under fire, not the city in Dnipropetrovsk Oblast.",
    ),
    ("homonym-near", "Lyman near Sviatohirsk, and Lyman near Balakliia, were both mentioned."),
    ("hyphen-axis", "Fighting raged on the Bakhmut-Siversk direction and near Kurakhove."),
    # -- words that are not places --------------------------------------------------------------------
    ("person", "Vladimir Putin and Leon Panetta met; Panetta said little."),
    ("common-words", "Most people said March was cold. Police in Reading were busy."),
    ("org", "The Kyiv Independent and the Moscow Times reported the strike."),
    ("title", "The Princess of Wales visited the Governor Kim in Mykolaiv."),
    ("acronym", "US officials and UK-made missiles; the ZNPP was disconnected."),
    ("shouting", "RUSSIA ATTACKS AGAIN: KHARKIV UNDER FIRE"),
    ("dateline", "KHARKIV, Ukraine -- Missiles struck the city centre at dawn."),
    ("ship", "The cruiser Moskva sank in the Black Sea in April 2022."),
    ("agreement", "The Minsk agreements failed; the Vostok battalion fought near Donetsk."),
    ("white-house", "The White House said Kyiv would get more air defence."),
    ("metonymy", "Moscow said it had taken Avdiivka. Kyiv denies the claim; Washington's officials agreed."),
    ("demonym", "Ukrainian and Russian troops clashed near Robotyne; Western aid arrived."),
    ("rhode-island", "A senator from Rhode Island and a rabbi from New York visited Lviv."),
    # -- distance claims ----------------------------------------------------------------------------
    ("distance", "Balakliia lies 74 km (46 miles) southeast of Kharkiv."),
    ("distance-or", "The village is some 40 km, or 25 miles, east of Kharkiv."),
    ("distance-miles", "Ukraine reoccupied towns up to 21 miles east of the capital."),
    ("distance-front", "The front line lies just 7 km from Orikhiv."),
    ("distance-border", "Drones struck within 30 km of the border with Belarus."),
    ("distance-apposition", "Blahodatne, which is about five kilometres north of Bakhmut, was captured."),
    ("distance-after", "About 120 km southeast of Kharkiv, the town of Izium was liberated."),
    (
        "distance-into",
        "Raids reached up to 10 km into Russian territory and 5 km into Russian-held territory.",
    ),
    ("distance-downstream", "Kherson, 70 km downstream, was flooded after the dam collapsed."),
    ("distance-away", "The village of Pisky, about five miles away, was shelled too."),
    ("distance-travel", "To reach Nikopol, drones cover less than 5 km across the river."),
    ("distance-range", "A missile with a range of 300 km and a speed of 40 km/h, 5 km long."),
    ("distance-joined", "Kupiansk lies about 100 km west of Luhansk and some 55 km northwest of Svatove."),
    ("distance-zone", "A 30-km zone around the Zaporizhzhia nuclear power plant was proposed."),
    ("distance-it-lies", "Soledar is a salt-mining town. It lies 11 km northeast of Bakhmut."),
    ("distance-range-low", "Shelling hit villages 28 to 35 km north of Kherson."),
    # -- area, share, comparison claims ---------------------------------------------------------------
    ("area", "Ukrainian forces retook 6,000 square kilometres in the Kharkiv region in September."),
    ("area-slip", "Ukraine has a land area of about 600,000 km, the size of France."),
    ("area-covers", "Ukraine, which covers some 603,628 square km, is Europe's second largest country."),
    ("area-comparison", "Russia seized an area twice the size of Luxembourg near Kharkiv."),
    ("area-hectares", "Farmers lost 500 hectares of fields near Kherson to mines."),
    ("share", "Russia controls about 18% of Ukraine, roughly a fifth of the country."),
    ("share-region", "Ukrainian troops hold a third of the Kherson region and 10% of Russia's Kursk region."),
    ("share-city", "Russian forces control 80% of Bakhmut, the head of Wagner said."),
    ("share-not", "80% of the population left; a third of the country's energy infrastructure was hit."),
    ("share-again", "Russia held a fifth of Ukraine in 2023; by 2025 that figure was 19%."),
    (
        "comparison",
        "The area occupied is larger than Portugal and Belgium combined, an area of 100,000 sq km.",
    ),
    # -- control events ------------------------------------------------------------------------------
    ("event-retook", "Ukrainian troops retook Izium on September 10 while Russian forces captured Bakhmut."),
    ("event-list", "Ukrainian forces liberated Kupiansk, Balakliia and Izium in September."),
    ("event-passive", "Kherson was recaptured by Ukrainian troops on 11 November 2022."),
    ("event-apposition", "Irpin, a town west of Kyiv, was retaken on March 28."),
    ("event-fell", "Avdiivka fell to Russian forces in February after months of fighting."),
    ("event-under", "Melitopol remains under Russian control; Kherson is back in Ukrainian hands."),
    ("event-occupied", "In Russian-occupied Melitopol and formerly occupied Bucha, people waited."),
    ("event-withdrew", "Russian troops withdrew from Kherson and pulled out of Snihurivka."),
    ("event-flag", "The Ukrainian flag was raised over Lyman on October 1."),
    ("event-negated", "Russia has not captured Chasiv Yar and plans to recapture Robotyne failed."),
    ("event-which", "Vuhledar, which Russian forces captured in October, is in ruins."),
    ("event-later", "On May 20 Wagner said it took Bakhmut; later, Ukrainian forces retook Klishchiivka."),
    # -- headlines and structure ---------------------------------------------------------------------
    ("headline", "Ukraine Retakes Kherson As Russian Troops Withdraw From Right Bank\nThe city was freed."),
    ("headline-names", "Zelensky Visits Bakhmut Front Lines Near Chasiv Yar\nHe met soldiers."),
    ("date-line", "Published: 2022-09-12\nUkrainian troops retook Izium."),
    ("dateline-date", "KYIV, Nov. 11, 2022 — Ukrainian forces entered Kherson after Russia withdrew."),
    (
        "abbreviations",
        "Gen. Zaluzhnyi met Lt. Col. Petrenko in St. Petersburg on Feb. 3 near the U.S. embassy.",
    ),
    (
        "paragraphs",
        "Russian forces pushed towards Pokrovsk.\n\nThe town of Myrnohrad, 5 km east of Pokrovsk, "
        "was shelled.\n\nRead more: Ukraine war latest",
    ),
    # -- odd input ------------------------------------------------------------------------------------
    ("empty", ""),
    ("spaces", "   \n\t  "),
    ("digits", "1234567890 ,.;: 5 km 10%"),
    ("control-chars", "Kyiv\x00 and\x07 Kharkiv\x1b were hit"),
    ("html", "<p>Shelling hit <b>Kharkiv</b> and <a href='x'>Izium</a>.</p>"),
    ("invisible", "Bakh\u00admut and Kram\u200batorsk and Харкі\u0301в"),
    ("mixed-script", "Kharkіv with a Cyrillic і and Оскiл with a Latin i"),
    ("long-word", "Kyiv " + "a" * 5000 + " Kharkiv"),
    ("no-breaks", "Kyiv Kharkiv Odesa Lviv Dnipro " * 20),
    ("punctuation", "Kyiv!!! Kharkiv??? ...Odesa... (Lviv) [Dnipro] {Izium} «Lyman» “Bakhmut”"),
    ("apostrophes", "Sivers'k, Kup’yansk and Kyiv’s suburbs; Donbas' towns."),
    ("numbers-odd", "x5 km, -5 km, 1e3 km, 10^3 km, 50,000 km (31,069 miles) from Kyiv."),
    ("all-caps-line", "BREAKING NEWS\nIZIUM LIBERATED\nUkrainian troops entered Izium."),
    ("unicode", "Відбито атаку біля Бахмута; Russian forces near Бахмут 🇺🇦 shelled Часів Яр."),
    (
        "ascii-twins",
        "KİEV and İZYUM: troops ſeized the town; RUSSİAN forces LİBERATED Kupiansk, 5 \u212am away.",
    ),
    (
        "blank-runs",
        "An area the  \n size   of Luxembourg; half  \n a   km from Kyiv; a    fifth \t of   Ukraine.",
    ),
    ("hyphen-runs", "Formerly----occupied Izium and the Bakhmut--Siversk direction; pull-out from Kherson."),
    (
        "long-filler",
        "Ukrainian forces retook the strategically important eastern frontline railway hub town of Lyman.",
    ),
    (
        "many-names",
        "Kyiv, Kharkiv, Odesa, Lviv, Dnipro, Zaporizhzhia, Mykolaiv, Kherson, Izium and Lyman were hit.",
    ),
    (
        "names-in-caps",
        "THE KYIV INDEPENDENT reported that Kyiv Independent journalists saw New York Times staff.",
    ),
]


def _read_all() -> dict[str, dict]:
    return {key: fm.read(text, published=PUBLISHED).to_dict() for key, text in CORPUS}


def _expected() -> dict[str, dict]:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def expected() -> dict[str, dict]:
    return _expected()


def test_corpus_is_the_stored_one(expected):
    assert sorted(expected) == sorted(key for key, _ in CORPUS)


@pytest.mark.parametrize("key,text", CORPUS, ids=[key for key, _ in CORPUS])
def test_same_output(key, text, expected):
    got = json.loads(json.dumps(fm.read(text, published=PUBLISHED).to_dict(), ensure_ascii=False))
    assert got == expected[key]


def test_same_output_read_together(expected):
    """Reading another text first changes nothing (no state leaks from one read to the next)."""
    for key, text in CORPUS:
        fm.read("Kyiv Kharkiv 5 km east of Izium. " + text)
        got = json.loads(json.dumps(fm.read(text, published=PUBLISHED).to_dict(), ensure_ascii=False))
        assert got == expected[key], key


_SCAN_WORDS = [
    *lexicon.FRACTION_WORDS,
    *(w for words in _scan.COMPARISON_WORDS for w in words),
    "a", "the", "of", "to", "than", "in size", "combined", "land", "area", "territory", "Ukraine", "5%",
    "12.5 percent", "7 per cent", "1,000", "x5", "Equal", "Similar", "The", "As", "Larger", "Half", "Third",
]  # fmt: skip


def test_scans_find_what_the_patterns_find():
    """The fast scans of the claim finder yield what ``finditer`` yields (on texts made of the words of
    the patterns, the only places a match can start), and the patterns are still built of those words."""
    assert all(P.leading(list(words)) in P.COMPARISON.pattern for words in _scan.COMPARISON_WORDS)
    assert P.FRACTION_WORDS == P.leading(list(lexicon.FRACTION_WORDS)) and P.FRACTION_WORDS in P.SHARE.pattern
    rng = random.Random(13)
    seps = [" ", "  ", " \n ", "-", "", ", ", "\u00a0", "(", ") — "]
    for _ in range(3000):
        text = "".join(rng.choice(_SCAN_WORDS) + rng.choice(seps) for _ in range(rng.randint(1, 25)))
        for fast, pattern in ((_scan.shares, P.SHARE), (_scan.comparisons, P.COMPARISON)):
            got = [(m.span(), m.groupdict()) for m in fast(text)]
            assert got == [(m.span(), m.groupdict()) for m in pattern.finditer(text)], text


if __name__ == "__main__" and sys.argv[1:] == ["--regenerate"]:
    EXPECTED.write_text(json.dumps(_read_all(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {EXPECTED} ({len(CORPUS)} texts)")
