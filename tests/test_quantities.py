"""Numbers, fractions, units and directions as news writes them."""

from __future__ import annotations

import pytest

from frontmap.quantities.numbers import DIRECTIONS, parse_fraction, parse_number, to_km, to_km2

NUMBERS = [
    ("74", 74),
    ("6,000", 6000),
    ("600,000", 600000),
    ("2.5", 2.5),
    ("1,234.5", 1234.5),
    ("1.5 million", 1_500_000),
    ("6 thousand", 6000),
    ("twenty-one", 21),
    ("twenty one", 21),
    ("two dozen", 24),
    ("a dozen", 12),
    ("a few hundred", 300),
    ("six thousand", 6000),
    ("a hundred and fifty", 150),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS, ids=[t for t, _ in NUMBERS])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "   ", "1,0,0,0", "1,00", "many", "9" * 100, "twenty bananas", None, 7])
def test_parse_number_refuses(text):
    assert parse_number(text) is None


FRACTIONS = [
    ("5%", 0.05),
    ("20 per cent", 0.2),
    ("18 percent", 0.18),
    ("a fifth", 0.2),
    ("one-fifth", 0.2),
    ("two-thirds", 2 / 3),
    ("a quarter", 0.25),
    ("half", 0.5),
    ("a tenth", 0.1),
]


@pytest.mark.parametrize(("text", "value"), FRACTIONS, ids=[t for t, _ in FRACTIONS])
def test_parse_fraction(text, value):
    assert parse_fraction(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "a lot", "5", "fifth avenue", None])
def test_parse_fraction_refuses(text):
    assert parse_fraction(text) is None


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("east", "E"),
        ("north-western", "NW"),
        ("southeast", "SE"),
        ("south-east", "SE"),
        ("north-northeast", "NNE"),
        ("ese", "ESE"),
        ("western", "W"),
    ],
)
def test_directions(word, code):
    assert DIRECTIONS[word] == code


def test_unit_conversions():
    assert to_km(46, "mi") == pytest.approx(74.03, abs=0.01)
    assert to_km(800, "m") == pytest.approx(0.8)
    assert to_km2(2400, "mi2") == pytest.approx(6215.97, abs=0.01)
    assert to_km2(150_000, "ha") == pytest.approx(1500)
