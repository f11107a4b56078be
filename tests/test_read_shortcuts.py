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


#: Sentence ends as first written: the fast pattern of ``sentences`` must find exactly these.
PLAIN_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9А-ЯІЇЄҐ])|\n+""")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!? \n\t\"'”’)]([“‘AaZz09ЯяіІ", max_size=40))
@example(text="Gen. Smith said.\n\nKyiv? Yes! “Quiet.” (Not) here.")
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
