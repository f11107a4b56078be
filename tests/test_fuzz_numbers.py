"""Fuzzing numbers as news writes them (hypothesis): figures with thousands separators, decimals,
signs, exponents and odd punctuation, alone and inside sentences with units.

A figure is read as its value or not at all: never ``3`` for "10^3", never ``5`` for "-5"; and what
the reader keeps is plausible (distances at most once round the Earth, areas within its surface,
shares between 0 and 1).

The strategies and ``check_*`` properties are shared with ``benchmarks/fuzz_long.py``.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frontmap as fm
from frontmap.quantities.numbers import EARTH_CIRCUMFERENCE_KM, EARTH_SURFACE_KM2, parse_number

#: The CI profile: the whole fuzz suite stays well under two minutes.
FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,  # the same inputs on every run: CI never flakes; benchmarks/fuzz_long.py explores
)

SIGNS = ["-", "+", "\u2212", "\u2013"]  # hyphen-minus, plus, minus sign, en dash


@st.composite
def written_numbers(draw: st.DrawFn) -> tuple[str, float]:
    """A non-negative figure as news may write it, with its value."""
    n = draw(st.integers(0, 10**9))
    style = draw(st.sampled_from(["plain", "commas", "spaces", "decimal"]))
    if style == "plain":
        return str(n), float(n)
    if style == "commas":
        return f"{n:,}", float(n)
    if style == "spaces":
        return f"{n:,}".replace(",", draw(st.sampled_from([" ", "\u00a0", "\u202f"]))), float(n)
    frac = draw(st.integers(1, 99))
    return f"{n:,}.{frac}", float(f"{n}.{frac}")


@st.composite
def not_plain_numbers(draw: st.DrawFn) -> tuple[str, float]:
    """Text around a figure that must not be read as the figure: ``(text, the figure's value)``."""
    text, value = draw(written_numbers())
    how = draw(st.sampled_from(["sign", "exponent", "e-notation", "product"]))
    if how == "sign":
        return draw(st.sampled_from(SIGNS)) + text, value
    if how == "exponent":
        base = draw(st.sampled_from(["10", "2", text]))
        return f"{base}^{text}", value
    if how == "e-notation":
        return f"{draw(st.integers(1, 9))}e{text}", value
    return f"{draw(st.integers(2, 9))}*{text}", value


UNITS = {"km": 1.0, "kilometres": 1.0, "kilometers": 1.0, "miles": 1.609344}
AREA_UNITS = {"sq km": 1.0, "square kilometres": 1.0, "km2": 1.0}


def _claims(text: str, kind: str) -> list:
    return [c for c in fm.read(text).claims if c.kind == kind]


def check_parse(example: tuple[str, float]) -> None:
    text, value = example
    got = parse_number(text)
    assert got is None or math.isclose(got, value, rel_tol=1e-12), (text, got, value)


def check_not_a_number(example: tuple[str, float]) -> None:
    text, _ = example
    assert parse_number(text) is None, text


def check_distance_sentence(example: tuple[tuple[str, float], str]) -> None:
    """A distance is read as written (or not at all), in km at most the Earth's circumference."""
    (figure, value), unit = example
    for c in _claims(f"Balakliia lies {figure} {unit} southeast of Kharkiv.", "distance"):
        assert math.isclose(c.value, value, rel_tol=1e-9), (figure, c)
        assert math.isclose(c.km, value * UNITS[unit], rel_tol=1e-6), (figure, c)
        assert 0 < c.km <= EARTH_CIRCUMFERENCE_KM, c  # the reader's bound: once round the Earth


def check_not_a_distance(example: tuple[tuple[str, float], str]) -> None:
    """A signed figure or an expression is never read as the figure in it."""
    (figure, value), unit = example
    for c in _claims(f"Balakliia lies {figure} {unit} southeast of Kharkiv.", "distance"):
        assert not math.isclose(c.value, value), (figure, c)
        assert c.km >= 0, c


def check_area_sentence(example: tuple[tuple[str, float], str]) -> None:
    (figure, value), unit = example
    for c in _claims(f"Russian forces captured {figure} {unit} near Kharkiv.", "area"):
        assert math.isclose(c.value, value, rel_tol=1e-9), (figure, c)
        assert 0 < c.km2 <= EARTH_SURFACE_KM2 + 1, c


def check_share_sentence(example: tuple[str, float]) -> None:
    figure, _ = example
    for c in _claims(f"Russia now occupies {figure}% of Ukraine.", "share"):
        assert 0 < c.value <= 1, (figure, c)


distance_sentences = st.tuples(written_numbers(), st.sampled_from(sorted(UNITS)))
bad_distance_sentences = st.tuples(not_plain_numbers(), st.sampled_from(sorted(UNITS)))
area_sentences = st.tuples(written_numbers(), st.sampled_from(sorted(AREA_UNITS)))


@FUZZ
@given(written_numbers())
def test_a_written_figure_parses_to_its_value_or_nothing(example):
    check_parse(example)


@FUZZ
@given(not_plain_numbers())
def test_signed_figures_and_expressions_are_not_numbers(example):
    check_not_a_number(example)


@FUZZ
@given(distance_sentences)
def test_distances_are_read_as_written_and_plausible(example):
    check_distance_sentence(example)


@FUZZ
@given(bad_distance_sentences)
def test_signed_and_exponent_distances_are_never_misread(example):
    check_not_a_distance(example)


@settings(FUZZ, max_examples=40)
@given(area_sentences)
def test_areas_are_read_as_written_and_plausible(example):
    check_area_sentence(example)


@settings(FUZZ, max_examples=40)
@given(written_numbers())
def test_shares_are_between_zero_and_one(example):
    check_share_sentence(example)


#: For benchmarks/fuzz_long.py: name -> (strategy, property taking one example).
TARGETS = {
    "numbers: parse_number": (written_numbers(), check_parse),
    "numbers: signs and exponents": (not_plain_numbers(), check_not_a_number),
    "numbers: distances in text": (distance_sentences, check_distance_sentence),
    "numbers: signed distances in text": (bad_distance_sentences, check_not_a_distance),
    "numbers: areas in text": (area_sentences, check_area_sentence),
    "numbers: shares in text": (written_numbers(), check_share_sentence),
}
