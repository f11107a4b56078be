"""Tests for frontmap.quantities.tolerance: precision from writing, qualifiers, directions, conversions."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontmap.errors import InputError
from frontmap.quantities import _tables as tables
from frontmap.quantities import tolerance as tol

# --- precision read from how a number is written ----------------------------------------------

PRECISION = [
    ("74", 74, 0.5),
    ("21", 21, 0.5),
    ("6,000", 6000, 500),
    ("600,000", 600_000, 50_000),
    ("600 000", 600_000, 50_000),
    ("20", 20, 2.5),
    ("100", 100, 10),
    ("200", 200, 25),
    ("10,000", 10000, 1000),
    ("1,000", 1000, 100),
    ("35", 35, 2.5),
    ("7,500", 7500, 250),
    ("2.5", 2.5, 0.25),
    ("5", 5, 0.5),  # a lone 5 is a digit, not "rounded to fives"
    ("500", 500, 50),
    ("2.0", 2.0, 0.05),
    ("1.50", 1.5, 0.005),
    ("45.98", 45.98, 0.005),
    ("0,8", 0.8, 0.05),  # a decimal comma, as the reader reads it
    ("486,5", 486.5, 0.25),
    ("12.800", 12800, 50),  # thousands grouped with a point, as the reader reads them
    ("1.5 million", 1.5e6, 250_000),
    ("3k", 3000, 500),
    ("6,000km²", 6000, 500),
    ("5%", 5, 0.5),
]


@pytest.mark.parametrize(("text", "value", "half"), PRECISION, ids=[p[0] for p in PRECISION])
def test_rounding_half_width_from_text(text, value, half):
    assert tol.rounding_half_width(value, text) == pytest.approx(half)


@pytest.mark.parametrize("value", [74, 21, 6000, 600_000, 35, 2.5, 45.98, 7500])
def test_without_text_the_value_is_read_as_written_plainly(value):
    assert tol.rounding_half_width(value) == tol.rounding_half_width(value, f"{value:,}")


def test_text_precision_carries_over_to_another_unit():
    # value converted to km, precision from the miles figure as written
    assert tol.rounding_half_width(74.03, "46") == pytest.approx(0.5 * 74.03 / 46)


@pytest.mark.parametrize("text", ["a fifth", "half", "a dozen"])
def test_numbers_in_words_get_ten_percent(text):
    assert tol.rounding_half_width(0.2, text) == pytest.approx(tol.WORDS_RELATIVE * 0.2)


def test_interval_never_narrower_than_floor():
    low, high = tol.interval(45.98, text="45.98")
    assert (low, high) == pytest.approx((45.98 * 0.98, 45.98 * 1.02))


# --- qualifiers ----------------------------------------------------------------------------------

QUALIFIED = [
    (None, (5500, 6500)),
    ("exactly", (5500, 6500)),
    ("just", (5500, 6500)),
    ("about", (5400, 6600)),
    ("around", (5400, 6600)),
    ("roughly", (5400, 6600)),
    ("approximately", (5400, 6600)),
    ("some", (5400, 6600)),
    ("nearly", (5400, 6500)),
    ("almost", (5400, 6500)),
    ("just under", (5400, 6500)),
    ("more than", (5500, 12000)),
    ("over", (5500, 12000)),
    ("at least", (5500, 12000)),
    ("just over", (5500, 6600)),
    ("up to", (0, 6500)),
    ("within", (0, 6500)),
    ("as far as", (0, 6500)),
    ("less than", (0, 6500)),
    ("About", (5400, 6600)),
    ("  up-to ", (0, 6500)),
    ("approx.", (5400, 6600)),
]


@pytest.mark.parametrize(("qualifier", "expected"), QUALIFIED, ids=[repr(q) for q, _ in QUALIFIED])
def test_interval_for_6000_as_written(qualifier, expected):
    assert tol.interval(6000, qualifier, "6,000") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [(None, (72.52, 75.48)), ("about", (66.6, 81.4)), ("nearly", (66.6, 75.48)), ("up to", (0, 75.48))],
)
def test_interval_for_74_uses_the_floor(qualifier, expected):
    assert tol.interval(74, qualifier, "74") == pytest.approx(expected)


@settings(max_examples=80, deadline=None)
@given(
    value=st.floats(1e-3, 1e7, allow_nan=False),
    qualifier=st.sampled_from(sorted(tol.QUALIFIERS)),
)
def test_every_qualifier_contains_the_value(value, qualifier):
    low, high = tol.interval(value, qualifier)
    assert 0 <= low <= value <= high
    assert high - low >= 2 * tol.MIN_RELATIVE * value * (1 - 1e-12)


@pytest.mark.parametrize(
    ("args", "expected"),
    [((6000, None, "6,000"), 500 / 6000), ((74, "up to"), 1.0), ((6000, "more than", "6,000"), 1.0)],
)
def test_relative_tolerance(args, expected):
    assert tol.relative_tolerance(*args) == pytest.approx(expected)


def test_relative_tolerance_of_zero_is_infinite():
    assert tol.relative_tolerance(0) == math.inf


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((6000, "give or take"), "'give or take'"),
        ((6000, 5), "5"),
        ((-1,), "-1"),
        ((math.nan,), "nan"),
        (("6000",), "'6000'"),
        ((True,), "True"),
    ],
    ids=["unknown-qualifier", "qualifier-not-str", "negative", "nan", "string-value", "bool-value"],
)
def test_bad_interval_inputs_raise(args, fragment):
    with pytest.raises(InputError, match=fragment):
        tol.interval(*args)


def _docstring_table(doc: str, after: str) -> list[list[str]]:
    """The rows (header first) of the first reStructuredText simple table after ``after`` in ``doc``."""
    lines = doc[doc.index(after) :].splitlines()
    rules = [i for i, line in enumerate(lines) if re.fullmatch(r"=+(?: +=+)+", line)][:3]
    starts = [m.start() for m in re.finditer(r"=+", lines[rules[0]])]
    cut = list(zip(starts, [*starts[1:], None], strict=True))
    rows = [lines[rules[0] + 1], *lines[rules[1] + 1 : rules[2]]]
    return [[line[a:b].strip() for a, b in cut] for line in rows]


QUALIFIER_DOC = _docstring_table(tol.__doc__ or "", "**Qualifiers**")


def test_the_docstring_qualifier_table_names_every_sense_in_order():
    assert QUALIFIER_DOC[0] == ["sense", "qualifiers", "offsets", '"6,000" becomes']
    assert [row[0] for row in QUALIFIER_DOC[1:]] == list(tables.senses())


@pytest.mark.parametrize("row", QUALIFIER_DOC[1:], ids=[row[0] for row in QUALIFIER_DOC[1:]])
def test_the_docstring_qualifier_table_agrees_with_the_data(row):
    sense, written, offsets, becomes = row
    assert tuple(float(x) for x in offsets.strip("()").split(", ")) == tables.senses()[sense].offsets
    names = written.split(", ")
    listed = [None if n == "None" else n for n in names if n != "..."]
    rows = {q.written: q for q in tables.qualifiers()}
    for name in listed:
        assert rows[tables.fold_qualifier(name or "none")].sense == sense, name
        assert tol.QUALIFIERS[tables.fold_qualifier(name or "none")] == tables.senses()[sense].offsets
    every = {q.written for q in tables.qualifiers() if q.sense == sense}
    shown = {tables.fold_qualifier(n or "none") for n in listed}
    assert shown < every if names[-1] == "..." else shown == every
    low, high = (float(x.replace(",", "")) for x in re.findall(r"[\d,]*\d", becomes))
    assert tol.interval(6000, listed[0], "6,000") == pytest.approx((low, high))


# --- directions ----------------------------------------------------------------------------------


@pytest.mark.parametrize("wind", tol.WINDS_16)
def test_direction_half_angle_by_wind(wind):
    expected = 22.5 if len(wind) <= 2 else 11.25
    assert tol.direction_half_angle(wind) == expected


@pytest.mark.parametrize(
    ("words", "key"),
    [("south-east", "SE"), ("Southeast", "SE"), ("south east", "SE"), ("se", "SE"),
     ("north-northeast", "NNE"), ("WEST", "W"), ("west-south-west", "WSW"),
     ("southwest by west", "SWbW"), ("SWbW", "SWbW"), ("north by east", "NbE"), ("NbE", "NbE"),
     ("north-east by north", "NEbN"), ("northward", "N"), ("south-eastwards", "SE")],
)  # fmt: skip
def test_direction_words(words, key):
    assert tol.direction_key(words) == key


@pytest.mark.parametrize(
    ("words", "key", "bearing", "half"),
    [("north and northeast", "N/NE", 22.5, 45.0), ("N/NE", "N/NE", 22.5, 45.0),
     ("west or south-west", "W/SW", 247.5, 45.0), ("northwest and north", "NW/N", 337.5, 45.0),
     ("south and south-southeast", "S/SSE", 174.375, 28.125), ("east to south-east", "E/SE", 112.5, 45.0)],
)  # fmt: skip
def test_two_neighbouring_directions_said_together_cover_both(words, key, bearing, half):
    assert tol.direction_key(words) == key
    assert (tol.direction_bearing(words), tol.direction_half_angle(words)) == (bearing, half)


@pytest.mark.parametrize("bad", ["north and south", "east or west", "N/SE", "N/N", "N/NE/E", "north and up"])
def test_two_directions_further_apart_than_a_quarter_raise(bad):
    with pytest.raises(InputError, match="direction"):
        tol.direction_key(bad)


@pytest.mark.parametrize("wind", tol.WINDS_32)
def test_the_32_points_are_a_quarter_wind_apart(wind):
    i = tol.WINDS_32.index(wind)
    assert tol.direction_bearing(wind) == i * 11.25
    assert tol.direction_half_angle(wind) == (5.625 if i % 2 else 11.25 if i % 4 else 22.5)
    assert (wind in tol.WINDS_16) == (i % 2 == 0)


@pytest.mark.parametrize("bad", ["up", "NbN", "by", "", "northern", "wards", "upward", None, 135])
def test_unknown_direction_raises(bad):
    with pytest.raises(InputError, match=re.escape(repr(bad))):
        tol.direction_half_angle(bad)


# --- units and conversions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "key"),
    [("miles", "mi"), ("Mile", "mi"), ("kilometres", "km"), ("kms", "km"), ("km²", "km2"),
     ("square kilometres", "km2"), ("sq km", "km2"), ("sq mi", "mi2"), ("sq. mi.", "mi2"),
     ("square miles", "mi2"), ("hectares", "ha"), ("metres", "m"), ("acres", "acre")],
)  # fmt: skip
def test_unit_key(unit, key):
    assert tol.unit_key(unit) == key


@pytest.mark.parametrize(
    ("unit", "key"),
    [("square km", "km2"), ("sq kilometres", "km2"), ("sq miles", "mi2"), ("square mi", "mi2"),
     ("nautical miles", "nmi"), ("NM", "nmi"), ("Hectare", "ha"), ("sq-km", "km2")],
)  # fmt: skip
def test_unit_key_knows_every_form_of_the_table(unit, key):
    assert tol.unit_key(unit) == key


KNOWN_UNITS = "known: km, m, mi, nmi, ft, yd, km2, m2, ha, mi2, acre (and their usual spellings)"


@pytest.mark.parametrize("unit", ["furlong", "", "k m²x", "kilometress", "kmss", "sq", "square", "mis"])
def test_an_unknown_or_damaged_unit_raises_input_error(unit):
    with pytest.raises(InputError) as err:
        tol.unit_key(unit)
    assert str(err.value) == f"unknown unit {unit!r}; {KNOWN_UNITS}"
    with pytest.raises(InputError, match=re.escape(f"unknown unit {unit!r}")):
        tol.factor("km", unit)


def test_a_unit_of_the_wrong_type_raises_input_error():
    with pytest.raises(InputError, match="unit must be a string such as 'km' or 'sq mi', got 3"):
        tol.unit_key(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(("a", "b"), [("km", "mi"), ("m", "km"), ("km2", "mi2"), ("ha", "acre")])
def test_factor_round_trip(a, b):
    assert tol.factor(a, b) * tol.factor(b, a) == pytest.approx(1.0)


def test_square_mile_is_the_mile_squared():
    assert tol.factor("mi2", "km2") == pytest.approx(tol.factor("mi", "km") ** 2)
    assert tol.factor("km2", "mi2") == pytest.approx(0.386102, rel=1e-6)


@pytest.mark.parametrize(("a", "b"), [("km", "km2"), ("furlong", "km"), ("km", 3)])
def test_bad_units_raise(a, b):
    with pytest.raises(InputError):
        tol.factor(a, b)


CONVERSIONS = [
    # value, converted, units, texts, consistent?
    (74, 46, ("km", "mi"), ("74", "46"), True),
    (46, 74, ("mi", "km"), ("46", "74"), True),
    (6000, 2400, ("km2", "mi2"), ("6,000", "2,400"), True),
    (6000, 2317, ("km2", "mi2"), ("6,000", "2,317"), True),
    (8000, 4970, ("km2", "mi2"), ("8,000", "4,970"), False),  # the linear km->mi factor
    (1000, 600, ("km2", "mi2"), ("1,000", "600"), False),
    (20, 20, ("km", "mi"), (None, None), False),  # km and miles confused
    (10, 6, ("km", "mi"), ("10", "6"), True),
    (35, 56, ("km", "mi"), ("35", "56"), False),  # converted the wrong way
]


@pytest.mark.parametrize(
    ("value", "converted", "units", "texts", "ok"),
    CONVERSIONS,
    ids=[f"{c[0]}{c[2][0]}-as-{c[1]}{c[2][1]}" for c in CONVERSIONS],
)
def test_conversion_consistent(value, converted, units, texts, ok):
    result, ratio, tolerance = tol.conversion_consistent(value, converted, tol.factor(*units), *texts)
    assert result is ok
    assert ratio == pytest.approx(converted / (value * tol.factor(*units)))
    assert tolerance >= tol.CONVERSION_SLACK


def test_conversion_tolerance_is_the_converted_rounding_plus_slack():
    _, _, tolerance = tol.conversion_consistent(6000, 2400, tol.factor("km2", "mi2"), "6,000", "2,400")
    assert tolerance == pytest.approx(tol.CONVERSION_FLOOR)  # 50 / 2400 + 3 % is less
    _, _, tolerance = tol.conversion_consistent(3, 2, tol.factor("km", "mi"), "3", "2")
    assert tolerance == pytest.approx(0.5 / 2 + tol.CONVERSION_SLACK)  # "2 miles": 1.5 to 2.5


def test_a_conversion_up_to_15_percent_off_is_consistent_however_it_is_written():
    # "about 160 km (90 miles)": 99.4 miles, the reporter converted a figure rounded otherwise; "about 14 km
    # (10 miles)": 8.7 miles, rounded to the nearest five
    assert tol.conversion_consistent(160, 90, tol.factor("km", "mi"), "160", "90")[0] is True
    assert tol.conversion_consistent(14, 10, tol.factor("km", "mi"), "14", "10")[0] is True
    assert tol.conversion_consistent(160, 80, tol.factor("km", "mi"), "160", "80")[0] is False


@pytest.mark.parametrize(
    ("value", "converted", "units", "ok"),
    [
        (100, 62, ("km", "mi"), True),
        (100, 80, ("km", "mi"), False),
        (200, 150, ("km", "mi"), False),
        (50, 38, ("km", "mi"), False),
        (50, 31, ("km", "mi"), True),
        (21, 35, ("mi", "km"), True),
    ],
    ids=lambda x: str(x),
)
def test_round_numbers_and_their_conversions(value, converted, units, ok):
    result = tol.conversion_consistent(value, converted, tol.factor(*units), str(value), str(converted))
    assert result[0] is ok


@pytest.mark.parametrize("args", [(74, 46, 0), (74, 46, -1), (math.nan, 46, 0.6), (74, -46, 0.6)], ids=repr)
def test_bad_conversion_inputs_raise(args):
    with pytest.raises(InputError):
        tol.conversion_consistent(*args)


def test_tolerance_imports_no_geometry():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(tol))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not any(m.split(".")[0] in {"shapely", "pyproj", "numpy", "geometry"} for m in imported)


# --- the checks' policy table (places, roads, windows) ------------------------------------------------


def test_the_docstring_policy_table_matches_check_policy_tsv():
    policy = tol.check_policy()
    rows = re.findall(r"^``(\w+)``\s+([\d.]+)", tol.__doc__ or "", re.M)
    assert {name for name, _ in rows} == set(policy)
    for name, value in rows:
        assert policy[name] == pytest.approx(float(value)), name


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name value unit meaning\nx 1 km a\nx 2 km b\n", "listed twice"),
        ("name value unit meaning\nx -1 km a\n", ">= 0"),
        ("name value unit meaning\nx many km a\n", "finite number"),
    ],
    ids=["twice", "negative", "not a number"],
)
def test_a_damaged_policy_table_is_refused(text, message):
    from frontmap.errors import FrontmapError

    with pytest.raises(FrontmapError, match=message):
        tol.parse_policy(text.replace(" ", "  "))


def test_road_band_and_windows_come_from_the_table():
    assert tol.ROAD_FACTOR == (1.2, 1.4)
    assert tol.window_days("regained") == 2 and tol.window_days("size") is None
