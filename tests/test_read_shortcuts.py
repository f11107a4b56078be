"""The reader's shortcuts give what the plain searches give: the claim finder's
(``frontmap.reading._scan`` and ``frontmap.reading._claims_literals``), the sentence splitter's, and the
control-event rules read backwards (``frontmap.reading._events_reverse``).

The scans find units, percent signs and fraction or comparison words first and try the patterns only
there; a search for what happened to ground is skipped when none of the words its every match holds is
in the text.  Both are checked on random texts made of the words the patterns are built from, figures
written every way, and odd characters, against ``finditer`` and ``search`` themselves.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from frontmap.reading import _scan
from frontmap.reading import controlrules as C
from frontmap.reading import patterns as P
from frontmap.reading import sentences as _sentences
from frontmap.reading._claims_literals import may_match, required

#: Pieces of text around figures: units every way, number words, fractions, comparisons, case and
#: characters that the patterns' IGNORECASE reads as ASCII letters (the long s, the Kelvin sign ...).
PIECES = (
    "5", "1,000", "2.5", "74", "188 600", "two", "and", "a", "half", "Five", "hundred", "thousand", "million",
    "km", "KM", "kilometres", "kilometers", "kms", "miles", "mi", "sq", "Sq.", "square", "km²", "km2",
    "hectares", "ha", "acres", "metres", "m", "%", "per cent", "percent", "per", "cent", "of", "a fifth",
    "a third", "quarter", "half of", "the size of", "as large as", "larger than", "bigger", "than",
    "equal to", "roughly", "about", "up to", "(", ")", ",", "-", ".", "\n", "ſ", "\u212a", "İ", "ı", "é",
    "retook", "RECAPTURED", "lost", "won back", "took", "captured", "liberated", "held", "since",
    "all", "All", "the", "The", "entire", "whole", "small", "nearly",
)  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).flatmap(
    lambda words: st.lists(
        st.sampled_from(("", " ", "  ", "-")), min_size=len(words), max_size=len(words)
    ).map(lambda gaps: "".join(w + g for w, g in zip(words, gaps, strict=True)))
)

SCANS = {
    "quantities": P.QTY,
    "shares": P.SHARE,
    "bare_percents": P.BARE_PERCENT,
    "comparisons": P.COMPARISON,
    "wholes": P.ALL_OF,
}


@pytest.mark.parametrize("scan", sorted(SCANS))
@settings(max_examples=400, deadline=None)
@given(text=TEXTS)
@example(text="5% " * 50)
@example(text="It lies 74 km (46 miles) east, two and a half miles from 5 ha, a fifth of it.")
def test_each_scan_finds_what_finditer_finds(scan, text):
    fast = [m.span() for m in getattr(_scan.Scan(text), scan)()]
    assert fast == [m.span() for m in SCANS[scan].finditer(text)]


#: The patterns whose searches the claim finder skips when their words are absent.
GATED = [
    name
    for name in ("LOST", "REGAINED", "HELD", "CAPTURED", "SINCE", "DESCRIBED_BEFORE", "TIMES_BEFORE")
    if isinstance(getattr(P, name, None), re.Pattern)
]


def _lower(text: str) -> bytes | None:
    return _scan.Scan(text).lower


@pytest.mark.parametrize("name", GATED)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_skipped_search_could_not_have_matched(name, data):
    pattern = getattr(P, name)
    text = data.draw(st.one_of(TEXTS, st.from_regex(pattern)))
    if pattern.search(text):
        assert may_match(_lower(text), pattern, [(0, len(text))])


def test_the_gated_patterns_have_words_to_look_for():
    assert GATED and all(required(getattr(P, name)) for name in GATED)


#: Sentence ends as first written (with footnote marks, "people.[1] It"): the fast pattern of
#: ``sentences`` must find exactly these.
PLAIN_END = re.compile(r"""[.!?]+["'”’)\]]*(?:\[[\w ]{1,20}\])*(?=\s+["'“‘(\[]?[A-Z0-9А-ЯІЇЄҐ])|\n+""")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!? \n\t\"'”’)]([“‘AaZz09ЯяіІ", max_size=40))
@example(text="Gen. Smith said.\n\nKyiv? Yes! “Quiet.” (Not) here.")
@example(text="?[0] 0")
def test_sentence_ends_are_those_of_the_plain_pattern(text):
    assert [m.span() for m in _sentences._END.finditer(text)] == [m.span() for m in PLAIN_END.finditer(text)]


#: Words the control-event rules before a place are built from, and some that break them.
EVENT_PIECES = (
    "Ukrainian", "Russian", "troops", "forces", "retook", "retaken", "took", "back", "captured", "seized",
    "liberated", "withdrew", "from", "out", "of", "pulled", "abandoned", "the", "a", "strategic", "town",
    "city", "village", "key", "eastern", "control", "over", "lost", "have", "has", "entered", "in", "and",
    "Kyiv", "ſ", "İ", "\u212a",
)  # fmt: skip
EVENT_TEXTS = st.lists(st.sampled_from(EVENT_PIECES), max_size=12).map(lambda ws: " ".join(ws) + " ")


@settings(max_examples=400, deadline=None)
@given(text=EVENT_TEXTS)
@example(text="Ukrainian troops retook the strategic eastern town of ")
def test_the_rules_before_a_place_read_backwards_say_what_they_say_forwards(text):
    for (_, forwards), backwards in zip(C._LEFT_RULES, C._BACKWARDS, strict=True):
        assert bool(forwards.search(text)) == C._ends_with(backwards, C._folded(text)), forwards.pattern


# -- finding mentions: the rules a name is asked, and the words around it, read the short way ----------

#: Names and the words the mention rules look for around them: given names, titles, a vessel, an
#: agreement, a unit, an organisation, "of" after a noble title, "the" before a river, small villages,
#: shouting, datelines, possessives, hyphens and line breaks.
MENTION_PIECES = (
    "Kyiv", "Kharkiv", "Andriivka", "Sokil", "Druzhba", "Don", "Moskva", "Minsk", "Wales", "Victoria",
    "Guyevo", "Russia", "US", "UK", "KHARKIV", "Rhode", "Island", "Kinburn", "Spit", "Bakhmut", "Siversk",
    "Lyman",
    "Princess", "of", "the", "The", "in", "near", "cruiser", "agreements", "group", "Independent", "said",
    "Vladimir", "Putin", "Governor", "Kim", "Leon", "Panetta", "village", "direction", "region", "km",
    "Kyiv's", "Kyiv’s", "Donetsk", "Oblast", "liberated", "Pokrovsk", "district", "12", "(", ")", ",",
    ".", "-", "—", "\n", "İ", "ſ", "\u212a",
)  # fmt: skip
MENTION_TEXTS = st.lists(st.sampled_from(MENTION_PIECES), max_size=30).flatmap(
    lambda words: st.lists(
        st.sampled_from((" ", " ", "  ", "-", "", "\u00a0", ". ", "\n")),
        min_size=len(words),
        max_size=len(words),
    ).map(lambda gaps: "".join(w + g for w, g in zip(words, gaps, strict=True)))
)


@settings(max_examples=300, deadline=None)
@given(text=MENTION_TEXTS)
@example(text="the Princess of Wales met Vladimir Putin near Kyiv. The cruiser Moskva left Kharkiv.")
@example(text="KHARKIV, Ukraine -- Leon Panetta said Panetta and Governor Kim saw the Minsk agreements")
@example(text="liberated Sokil and Druzhba near Andriivka.\nThe Kinburn Spit, the Don and Rhode Island")
@example(text="the village of Guyevo, 12 km from Kyiv")  # a small town next door after "village of"
def test_the_rules_a_name_is_asked_decide_as_all_rules_do(text):
    from frontmap.gazetteer.lookup import Gazetteer
    from frontmap.reading import mentionrules as R
    from frontmap.reading import mentions as M
    from frontmap.reading._decide import verdicts
    from frontmap.reading._ment_candidates import plain_candidates
    from frontmap.reading._ment_verdicts import plain_verdicts, sentence_ua
    from frontmap.reading._mentions_lines import Lines

    gz = M._cached(Gazetteer())
    found = M.words(text)
    hits, persons, firsts = M._match(text, found, gz)
    lines = Lines(text)
    plain = [R.candidate(text, found, h, gz, persons, lines) for h in hits]
    flags = sentence_ua(text, hits, plain.__getitem__)
    for c, flag in zip(plain, flags or [False] * len(plain), strict=True):
        c.sentence_ua = flag
    expected = [R.decide(c)[0] for c in plain]  # every rule, in order
    assert verdicts(M.candidates(text, gz), gz.memo.plans) == expected
    if isinstance(found, M.PlainWords):
        assert plain_verdicts(text, found, hits, firsts, gz, persons, Lines(text)) == expected
        fields = ("best", "word", "low", "shouted", "line_start", "prev", "nxt")
        fields += ("prev_cap", "next_joined", "next_cap")
        fast = plain_candidates(text, found, hits, firsts, gz, persons, lines)
        for a, b in zip(fast, plain, strict=True):
            assert [getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]


def test_the_gaps_that_join_words_read_the_same_backwards():
    """The word before a name is read in the text backwards, its gap too (``_ment_candidates``)."""
    from frontmap.reading._tokens import JOINED_GAPS

    assert {g[::-1] for g in JOINED_GAPS} == JOINED_GAPS


def _sentence_spans_searching_back(text: str) -> tuple[tuple[int, int], ...]:
    """``sentences.sentence_spans`` as first written: the word before a full stop searched for."""
    spans, start = [], 0
    for m in _sentences._END.finditer(text):
        if text[m.start()] == ".":
            word = _sentences._WORD_BEFORE.search(text, max(start, m.start() - 12), m.start())
            if word and (word.group(1).lower() in _sentences._ABBREV or len(word.group(1)) == 1):
                continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans)


SENTENCE_PIECES = (
    "Gen", "gen", "U.S", "e.g", "Feb", "approx", "approximately", "Kyiv", "a", "B", "x_y", "é", "Ж", "12",
    ".", ". ", "..", "\n", ".\n", " ", "  ", "!", "?", "”", "“", "(", ")", "St", "Mr", "ab", "ſt", "İ",
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=30).map("".join))
@example("Gen. Smith met Mr. Jones in the U.S. yesterday.\n.Then approximately. Kyiv. B. Done")
@example("It lies approx. 12 km away, said Sept. Kyiv and e.g. Lt. Kim")
def test_the_word_before_a_full_stop_is_read_backwards_as_searched(text):
    assert _sentences.sentence_spans.__wrapped__(text) == _sentence_spans_searching_back(text)


@settings(max_examples=300, deadline=None)
@given(text=MENTION_TEXTS | st.sampled_from(("the Spit", "The  Reservoir", "tThe Bay", "the Dam of")))
def test_a_text_the_feature_gate_passes_has_no_feature_after_the(text):
    from frontmap.reading import mentions as M

    if not M._FEATURE_GATE.search(text):
        assert not M._THE_FEATURE.search(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aé\u0301\u036f\u0370\u00ad\u200b\u200d\u2060\ufeff’Ж \ud800", max_size=12))
@example("Орі\u0301хово")
def test_a_text_has_marks_where_the_marks_pattern_finds_them(text):
    from frontmap.reading import _tokens

    assert _tokens._marked(text) == (_tokens._MARKED.search(text) is not None)
