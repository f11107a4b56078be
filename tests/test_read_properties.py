"""Properties of reading, for any text built from the pieces news is made of (hypothesis).

Reading never raises, every record quotes its exact span, and what reading gives can always be
checked and turned into JSON and shapes without an exception other than a documented ClaimError.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frontmap as fm
from frontmap.reading.homonyms import EVIDENCE

PIECES = [
    "Kyiv", "Kharkiv's", "74 km", "(46 miles)", "southeast of", "about", "6,000 sq km", "a fifth of",
    "the country", "Gaza", "West Bank", "equal to the size of", "1,0,0,0 km", "km²", "%", "per cent",
    "of the",
    "near", "\n", ". ", "<b>", "</script>", "\x00", "😀", "Київ", "—", "twice the size of", "half a",
    "kilometre and a half", "from the city", "regions of Donetsk and", "up to", "within", "the border",
    "the capital", "since Sept.", "Russia lost", "retook", "’s", "'", '"', "(", ")", "Oblast", "district",
    "the town of", "LVIV —", "NATO", "UK", "US-", "Mr", "Vladimir", "Izium", "the Dnipro", "retaken",
    "Andriivka", "Kamianske", "Lyman", "in the Donetsk region", "(formerly", "the village of", ", 13 km",
    "south of", "Bakhmut", "(Zaporizhzhia region)", "Oblast's",
    "Slovainsk", "Kramatrosk", "Костянти́нівка", "Khar\u00adkiv", "Sivers'k", "Sivers’k-", "ZNPP", "the Don",
    "Don", "direction", "-", "\u0301", "\u200b", "Ivano-Frankivks",
]  # fmt: skip

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_read_never_raises_and_quotes_exact_spans(text):
    art = fm.read(text)
    for record in (*art.mentions, *art.claims):
        assert text[record.start : record.end] == record.text
    assert all(m.evidence in EVIDENCE for m in art.mentions)
    art.to_dict()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from([None, "2022-09-06", "2022-09-12"]))
def test_what_is_read_can_be_checked_and_shaped(text, published):
    art = fm.read(text, published=published)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for verdict in fm.check([art]):
            assert verdict.status in ("consistent", "inconsistent", "unverifiable")
            verdict.to_dict()
    for claim in art.claims:
        try:
            claim.geometry()
            claim.point()
        except fm.ClaimError:
            pass


NAMES = ["Kharkiv", "Kramatorsk", "Sloviansk", "Zaporizhzhia", "Orikhiv", "Костянтинівка"]
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\u0301"]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(NAMES), st.data())
def test_marks_inside_a_name_change_nothing_but_the_span(name, data):
    """A soft hyphen, a zero-width character or a stress mark inside a name: the same place, its span
    taken from the text as written."""
    at = data.draw(st.integers(1, len(name) - 1))
    mark = data.draw(st.sampled_from(INVISIBLE))
    written = name[:at] + mark + name[at:]
    plain, marked = fm.read(f"Shelling hit {name} overnight."), fm.read(f"Shelling hit {written} overnight.")
    assert [m.place.id for m in marked.mentions] == [m.place.id for m in plain.mentions]
    assert [m.text for m in marked.mentions] == [written]


def _reading_steps(text: str) -> int:
    """Python lines run inside ``frontmap.reading`` to read ``text``: a count of work that, unlike a
    time, is the same on every machine (loops in comprehensions count once per item)."""
    folder = str(Path(fm.reading.__file__).parent)
    steps = 0

    def tracer(frame, event, arg):
        nonlocal steps
        if not frame.f_code.co_filename.startswith(folder):
            return None
        if event == "line":
            steps += 1
        return tracer

    fm.read(text[:50])  # the gazetteer and lazy tables are loaded before counting
    sys.settrace(tracer)
    try:
        fm.read(text)
    finally:
        sys.settrace(None)
    return steps


SHAPES = {  # a piece of text, repeated n and 2n times
    "one name repeated": ("Kyiv ", 200),
    "a list of places": ("Bakhmut and Avdiivka, ", 100),
    "one sentence of events and distances": (
        "Ukrainian troops retook Izium on September 10 while Russian forces captured Bakhmut, "
        "a town 5 km north of Donetsk, was retaken and Balakliia lies 74 km southeast of Kharkiv and ",
        40,
    ),
    "areas and comparisons": ("an area twice the size of Luxembourg and 600 sq km near Kharkiv and ", 60),
}


@pytest.mark.parametrize(("piece", "n"), SHAPES.values(), ids=SHAPES.keys())
def test_reading_work_grows_linearly(piece, n):
    """Doubling a text at most about doubles the reading work, whatever its shape (one endless
    sentence, a list of thousands of places): each mention is looked at a bounded number of times
    (rescanning a sentence's earlier mentions, or the claims before, for each one gave 2.4 to 2.7).
    The time this takes is measured in benchmarks/bench_read.py, never in tests."""
    small, large = _reading_steps(piece * n), _reading_steps(piece * 2 * n)
    assert large <= 2.1 * small, (small, large)
