"""Fuzzing the reader (hypothesis): any text, however odd -- news pieces mixed with random unicode,
control characters, markup, very long words and lines.

``fm.read`` never raises, every record's offsets slice its own text back out of the input, and a text
read twice over (``t + ".\\n\\n" + t``) gives the same places in both halves.  That reading is linear
on growing inputs is measured in ``benchmarks/bench_read.py`` and counted (not timed) in
``tests/test_read_properties.py``.

The strategies and ``check_*`` properties are shared with ``benchmarks/fuzz_long.py``.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frontmap as fm

#: The CI profile: the whole fuzz suite stays well under two minutes.
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,  # the same inputs on every run: CI never flakes; benchmarks/fuzz_long.py explores
)

PIECES = [
    "Kyiv", "Kharkiv", "Izium", "Bakhmut", "Lyman", "Kherson", "Київ", "Donetsk Oblast", "the Dnipro",
    "74 km", "(46 miles)", "southeast of", "north of", "about", "some", "6,000 sq km", "a fifth of",
    "Ukraine", "the country", "twice the size of", "Luxembourg", "captured", "retook", "liberated",
    "Russian forces", "Ukrainian troops", "withdrew from", "on September 10", "since Sept.", "%", "per cent",
    "10^3 km", "-5 km", "1e3 km", "5-10 km", "1,0,0,0 km", "km²", "sq mi", "hectares", "up to", "within",
    ". ", ", ", "\n", "\n\n", "—", "(", ")", "'", '"', "’s", "<script>", "</p>", "&amp;", "\x00", "\ufeff",
    "\u200b", "\u00ad", "\u0301", "😀", "\r\n", "\t", "KYIV, Nov. 11, 2022 —", "Published: 2022-09-06",
]  # fmt: skip

odd_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12
)  # any code point but lone surrogates
texts = st.lists(st.one_of(st.sampled_from(PIECES), odd_text), max_size=30).map(" ".join)


def _records(article: fm.Article) -> list:
    return [*article.mentions, *article.claims, *getattr(article, "events", ())]


def check_read(text: str) -> None:
    """Never raises; offsets slice back; numbers are finite and not negative."""
    art = fm.read(text)
    assert art.text == text
    for r in _records(art):
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start : r.end] == r.text, r
    for c in art.claims:
        for name in ("value", "km", "km2", "low", "factor"):
            v = getattr(c, name, None)
            if isinstance(v, float):
                assert math.isfinite(v) and v >= 0, (name, c)
    art.to_dict()


#: Between the two copies: a full stop and a blank line, so that no sentence runs from one into the
#: other (see the known miss below for a paragraph break without a full stop).
JOIN = ".\n\n"


def check_twice(text: str) -> None:
    """A text read twice over finds the same places in both copies: each copy ends a sentence and a
    paragraph (``text + JOIN``), so the two are the same text in the same surroundings."""
    doubled = (text + JOIN) * 2
    art = fm.read(doubled)
    shift = len(text) + len(JOIN)
    first = [(m.start, m.end, m.place.id) for m in art.mentions if m.end <= len(text)]
    second = [(m.start - shift, m.end - shift, m.place.id) for m in art.mentions if m.start >= shift]
    assert first == second, (first, second)
    for r in _records(art):
        assert doubled[r.start : r.end] == r.text


@FUZZ
@given(texts)
def test_read_never_raises_and_offsets_slice_back(text):
    check_read(text)


@settings(FUZZ, max_examples=40)
@given(texts)
def test_a_text_read_twice_over_finds_the_same_places_in_both_copies(text):
    check_twice(text)


@settings(FUZZ, max_examples=20)
@given(st.binary(max_size=200))
def test_bytes_read_never_raise(data):
    art = fm.read(data)
    for r in _records(art):
        assert art.text[r.start : r.end] == r.text


def test_a_less_than_sign_in_prose_is_not_taken_for_a_tag():
    # found by benchmarks/fuzz_long.py: "<\n\nKyiv >" (and "<?\n\nKyiv >") was blanked as an HTML tag,
    # so the second copy of "Kyiv ><" lost its place
    for text in ("Kyiv ><", "Kyiv > <?", "Kyiv > <b"):
        doubled = text + "\n\n" + text
        assert [m.text for m in fm.read(doubled).mentions] == ["Kyiv", "Kyiv"], doubled
    art = fm.read("Strikes hit villages < 5 km from Kharkiv and > 2 km from Izium.")
    assert [m.text for m in art.mentions] == ["Kharkiv", "Izium"]
    assert [m.text for m in fm.read("<p>Shelling hit <b>Kharkiv</b>.</p>").mentions] == ["Kharkiv"]
    assert [m.text for m in fm.read('<a\n href="x">Kharkiv</a>').mentions] == ["Kharkiv"]


@pytest.mark.xfail(strict=True, reason="known miss: a blank line without a full stop does not end a sentence")
def test_known_miss_a_phrase_does_not_reach_across_a_blank_line():
    # found by benchmarks/fuzz_long.py with "OD southeast of" read twice over: "southeast of" at the
    # end of one paragraph makes the first word of the next a place ("OD", a town in India, now needs
    # India named; a town next door does not)
    assert fm.read("Fighting raged southeast of\n\nSulina and Kyiv.").mentions[0].text == "Kyiv"


@pytest.mark.xfail(strict=True, reason="known miss: a name a qualifier settled overrules later mentions")
def test_known_miss_a_qualified_namesake_overrules_the_next_copy():
    # found by benchmarks/fuzz_long.py: "Andriivka in the Kyiv region" settles the name, and one sense per
    # name makes the Andriivka named with Bakhmut in the next copy the Kyiv-region village too (only
    # mentions after the qualified one are overruled, so the first copy keeps the Bakhmut-area village)
    check_twice("Bakhmut and Andriivka were shelled. Andriivka in the Kyiv region was quiet.")


@pytest.mark.parametrize("text", ["A00B Kyiv A00", "Kyiv Kyiv À Kyiv a000 km²", "Kyiv B Kyiv A00"])
def test_texts_once_found_to_differ_when_read_twice_over(text):
    # found by benchmarks/fuzz_long.py when the two copies differed by a final full stop ("A00." makes
    # a line of three capitalised words, a headline): with identical copies they agree
    check_twice(text)


#: For benchmarks/fuzz_long.py: name -> (strategy, property taking one example).
TARGETS = {
    "texts: read": (texts, check_read),
    "texts: read twice over": (texts, check_twice),
}
