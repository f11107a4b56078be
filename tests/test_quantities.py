"""Numbers, fractions, units, qualifiers and directions as news writes them, and the tables behind them."""

from __future__ import annotations

import pytest

from frontmap.errors import FrontmapError
from frontmap.quantities import _tables as tables
from frontmap.quantities import tolerance as tol
from frontmap.quantities.numbers import (
    AREA_UNITS,
    DIRECTIONS,
    DISTANCE_UNITS,
    QUALIFIERS,
    QUALIFIERS_AFTER,
    parse_fraction,
    parse_number,
    to_km,
    to_km2,
)

NUMBERS = [
    ("74", 74),
    ("6,000", 6000),
    ("600,000", 600000),
    ("2.5", 2.5),
    ("1,234.5", 1234.5),
    ("486,5", 486.5),  # a decimal comma: one or two digits after it
    ("1,25", 1.25),
    ("188 600", 188600),  # thousands separated by a space
    ("188\u2009600", 188600),  # ... or a thin space
    ("3 267,1", 3267.1),  # thousands by a space, then a decimal comma
    ("12.800", 12800),  # thousands by a point: no decimal is written with a final zero
    ("1.234.567", 1234567),  # ... or two points
    ("2.345", 2.345),  # one point before three digits that do not end in zero: a decimal
    ("0.500", 0.5),
    ("two and a half", 2.5),
    ("one and a half", 1.5),
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


# signed figures and expressions are not read as the digits in them ("\u2212" is a minus sign)
NOT_NUMBERS = ["-5", "+5", "5-", "\u22125", "\u20135", "10^3", "1e3", "1/2", "2*3", "-twenty"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "1,0,0,0",
        "1,0000",
        "12,345,6",
        "1 000,000",  # a comma before three digits is no decimal comma
        "and a half",
        "many",
        "9" * 100,
        "twenty bananas",
        None,
        7,
        *NOT_NUMBERS,
    ],
)
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
        ("north north west", "NNW"),  # spaces only, as some pages write it
        ("east-south east", "ESE"),
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


# --- the unit and qualifier tables (data/units.tsv, data/qualifiers.tsv, data/qualifier_senses.tsv) ---

UNITS = tables.units()
QUALIFIER_ROWS = tables.qualifiers()
BY_WRITTEN = {q.written: q for q in QUALIFIER_ROWS}


def test_the_tables_hold_the_known_units_and_senses():
    assert [u.name for u in UNITS] == ["km", "m", "mi", "nmi", "ft", "yd", "km2", "m2", "ha", "mi2", "acre"]
    assert list(tables.senses()) == ["exact", "about", "below", "above", "just above", "up to"]
    assert len(QUALIFIER_ROWS) == 71
    assert sum(q.reader for q in QUALIFIER_ROWS) == 40
    assert {BY_WRITTEN[w].canonical for w in ("virtually", "essentially", "practically")} == {"nearly"}
    assert {BY_WRITTEN[w].canonical for w in ("a mere", "mere", "as close as")} == {"just"}


@pytest.mark.parametrize("unit", UNITS, ids=[u.name for u in UNITS])
def test_every_unit_row_is_loaded_and_typed(unit):
    assert isinstance(unit, tables.Unit)
    assert unit.dimension in tables.DIMENSIONS
    assert type(unit.per_unit) is float and unit.per_unit > 0
    assert all(isinstance(f, str) and f == " ".join(f.lower().split()) for f in unit.forms)
    assert unit.forms, "a unit with no written form"
    assert tables.fold_unit(unit.name) == unit.name


@pytest.mark.parametrize(
    ("unit", "per_unit"),
    [("km", 1.0), ("m", 0.001), ("mi", 1.609344), ("nmi", 1.852), ("ft", 0.0003048), ("yd", 0.0009144),
     ("km2", 1.0), ("m2", 1e-6), ("ha", 0.01),
     ("mi2", 1.609344**2), ("acre", 0.0040468564224)],
)  # fmt: skip
def test_unit_factors(unit, per_unit):
    assert next(u.per_unit for u in UNITS if u.name == unit) == pytest.approx(per_unit, rel=1e-15)


FORMS = [(f, u) for u in UNITS for f in u.forms]


@pytest.mark.parametrize(("form", "unit"), FORMS, ids=[f"{f}->{u.name}" for f, u in FORMS])
def test_every_written_unit_maps_to_its_unit(form, unit):
    assert tol.unit_key(form) == unit.name
    assert tol.unit_key(form.upper().replace(" ", ". ")) == unit.name
    reader = DISTANCE_UNITS if unit.dimension == "length" else AREA_UNITS
    assert reader.get(form) == (unit.name if form in unit.reader else None)


def test_the_unit_views_agree_with_the_table():
    assert DISTANCE_UNITS == {f: u.name for u in UNITS if u.dimension == "length" for f in u.reader}
    assert AREA_UNITS == {f: u.name for u in UNITS if u.dimension == "area" for f in u.reader}
    assert tol.LENGTH_KM == {u.name: u.per_unit for u in UNITS if u.dimension == "length"}
    assert tol.AREA_KM2 == {u.name: u.per_unit for u in UNITS if u.dimension == "area"}
    for unit, km in tol.LENGTH_KM.items():
        assert to_km(1, unit) == km
    for unit, km2 in tol.AREA_KM2.items():
        assert to_km2(1, unit) == km2


#: The reader's vocabulary when the tables were moved into data files (the acceptance figures were
#: measured with it), and the forms read since.  The reader builds its patterns from these: a change
#: here changes what it finds.
READER_DISTANCE_UNITS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mi": "mi", "mile": "mi", "miles": "mi", "m": "m", "metre": "m",
    "metres": "m", "meter": "m", "meters": "m", "nmi": "nmi", "nautical mile": "nmi",
    "nautical miles": "nmi", "sea mile": "nmi", "sea miles": "nmi",
    # read since, in conversions only ("100 metres (330 feet)"): what the patterns find is up to them
    "ft": "ft", "foot": "ft", "feet": "ft", "yd": "yd", "yds": "yd", "yard": "yd", "yards": "yd",
}  # fmt: skip
READER_AREA_UNITS = {
    "km2": "km2", "km²": "km2", "sq km": "km2", "sqkm": "km2", "square km": "km2", "km sq": "km2",
    "square kilometre": "km2", "square kilometres": "km2", "square kilometer": "km2",
    "square kilometers": "km2", "sq kilometres": "km2", "sq kilometers": "km2",
    # read since: "кв. км" as machine translation writes it ("107 square meters. km")
    "square meters km": "km2", "square metres km": "km2", "square meter km": "km2", "square metre km": "km2",
    "mi2": "mi2", "mi²": "mi2", "sq mi": "mi2", "sq miles": "mi2", "square mile": "mi2",
    "square miles": "mi2", "square mi": "mi2",
    "ha": "ha", "hectare": "ha", "hectares": "ha",
    "m2": "m2", "m²": "m2", "sq m": "m2", "square metre": "m2", "square metres": "m2",
    "square meter": "m2", "square meters": "m2",
    "acre": "acre", "acres": "acre",
}  # fmt: skip
READER_QUALIFIERS = {
    "about": "about", "around": "around", "some": "some", "roughly": "roughly",
    "approximately": "approximately", "approx": "approximately", "an estimated": "about",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "close to": "nearly",
    "virtually": "nearly", "essentially": "nearly", "practically": "nearly",
    "up to": "up to", "within": "within", "as far as": "up to", "as much as": "up to",
    "less than": "less than", "under": "less than", "fewer than": "less than", "no more than": "up to",
    "more than": "more than", "over": "more than", "at least": "at least", "just over": "more than",
    "upwards of": "more than", "further than": "more than", "farther than": "more than",
    "just": "just", "only": "just", "barely": "just", "exactly": "exactly",
    "a mere": "just", "mere": "just", "as close as": "just", "~": "about", "≈": "about",
    # read since: "(a) little over 8 km"
    "a little over": "slightly more than", "little over": "slightly more than",
}  # fmt: skip


def test_the_reader_vocabulary_is_unchanged():
    assert DISTANCE_UNITS == READER_DISTANCE_UNITS
    assert AREA_UNITS == READER_AREA_UNITS
    assert QUALIFIERS == READER_QUALIFIERS


@pytest.mark.parametrize("row", QUALIFIER_ROWS, ids=[q.written for q in QUALIFIER_ROWS])
def test_every_qualifier_row_is_loaded_and_typed(row):
    assert isinstance(row, tables.Qualifier)
    assert isinstance(row.written, str) and tables.fold_qualifier(row.written) == row.written
    assert type(row.reader) is bool
    assert row.sense in tables.senses()
    canonical = BY_WRITTEN[row.canonical]
    assert canonical.canonical == canonical.written
    # each written form maps to its canonical form (for the reader) and to its sense (for the tolerance)
    assert QUALIFIERS.get(row.written) == (row.canonical if row.reader else None)
    assert tol.QUALIFIERS[row.written] == tables.senses()[row.sense].offsets
    assert type(tol.QUALIFIERS[row.written][0]) is float


@pytest.mark.parametrize("sense", tables.senses().values(), ids=lambda s: s.name)
def test_every_sense_row_is_loaded_and_typed(sense):
    assert isinstance(sense, tables.Sense)
    assert type(sense.low) is float and type(sense.high) is float
    assert -1 <= sense.low <= 0 <= sense.high
    assert sense.meaning
    assert any(q.sense == sense.name for q in QUALIFIER_ROWS)


def test_the_qualifier_views_agree_with_the_table():
    assert QUALIFIERS == {q.written: q.canonical for q in QUALIFIER_ROWS if q.reader}
    assert tol.QUALIFIERS == {q.written: tables.senses()[q.sense].offsets for q in QUALIFIER_ROWS}
    assert set(QUALIFIERS) <= set(tol.QUALIFIERS)
    assert set(QUALIFIERS.values()) <= set(tol.QUALIFIERS)
    # the forms written after a number ("10 km or so") are read there, never before one
    assert QUALIFIERS_AFTER == {
        "or so": "about",
        "or thereabouts": "about",
        "or more": "at least",
        "or less": "up to",
        "and more": "at least",
        "and further": "at least",
    }
    assert not set(QUALIFIERS_AFTER) & set(QUALIFIERS)


def test_a_form_means_what_its_canonical_name_means_but_for_just_over():
    # The reader reports "just over" as "more than" (as it always has); the tolerance reads "just over"
    # itself as just above.  The data file says so; nothing else may differ.
    differ = {q.written for q in QUALIFIER_ROWS if q.sense != BY_WRITTEN[q.canonical].sense}
    assert differ == {"just over"}
    assert tol.QUALIFIERS[QUALIFIERS["just over"]] != tol.QUALIFIERS["just over"]


def test_the_tables_are_read_once():
    assert tables.units() is tables.units()
    assert tables.qualifiers() is tables.qualifiers()
    with pytest.raises(TypeError):
        tables.senses()["about"] = tables.senses()["exact"]  # type: ignore[index]


# --- damaged tables --------------------------------------------------------------------------------

UNITS_OK = """# a comment

unit  dimension  per_unit  reader        other
km    length     1         km, kms       -
km2\tarea\t1\tkm2, sq km\t-
"""


def test_a_small_unit_table_parses():
    km, km2 = tables.parse_units(UNITS_OK)
    assert km == tables.Unit("km", "length", 1.0, ("km", "kms"), ())
    assert km2.forms == ("km2", "sq km")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("unit  dimension", "unit dimension", r"units\.tsv:3: header"),
        ("km, kms       -", "km, kms", r"units\.tsv:4: 4 columns, want 5"),
        ("length", "volume", r"units\.tsv:4: dimension must be one of length, area, got 'volume'"),
        ("1         km,", "one       km,", r"units\.tsv:4: per_unit must be a finite number, got 'one'"),
        ("1         km,", "nan       km,", r"units\.tsv:4: per_unit must be a finite number, got 'nan'"),
        ("1         km,", "-1        km,", r"units\.tsv:4: per_unit must be > 0"),
        ("1         km,", "2         km,", r"units\.tsv:4: km must count 1"),
        ("km, kms       -", "km, kms       Miles", r"units\.tsv:4: written form 'Miles' is not written as"),
        ("km, kms       -", "km, km        -", r"units\.tsv:4: km: a written form is listed twice"),
        ("km2, sq km", "km2, kms", r"units\.tsv:5: 'kms' is also 'km'"),
        ("km2, sq km", "km2, sq km, K.m.s", r"units\.tsv:5: written form 'K.m.s' is not written"),
        ("km2, sq km", "km2, sq km, k.m.s", r"units\.tsv:5: 'kms' is also 'km'"),
        ("km2\tarea", "Km 2\tarea", r"units\.tsv:5: unit 'Km 2' is not written as 'km2'"),
        ("km2\tarea", "-\tarea", r"units\.tsv:5: unit is missing"),
        ("km2\tarea\t1", "ha\tarea\t0.01", r"units\.tsv: the base units \['km', 'km2'\] are missing"),
    ],
)
def test_a_damaged_unit_table_names_file_and_line(old, new, message):
    assert old in UNITS_OK
    with pytest.raises(FrontmapError, match=message):
        tables.parse_units(UNITS_OK.replace(old, new, 1))


def test_columns_are_split_at_tabs_or_runs_of_spaces():
    assert tables.parse_units(UNITS_OK.replace("km2\tarea", "km2 \t area")) == tables.parse_units(UNITS_OK)


def test_an_empty_table_has_no_header():
    with pytest.raises(FrontmapError, match=r"units\.tsv: no header line"):
        tables.parse_units("# nothing here\n")


SENSES_OK = "sense  low  high  meaning\nexact  0  0  as written\nabout  -0.10  +0.10  a tenth either side\n"
QUALIFIERS_OK = (
    "written  canonical  sense  reader\nabout  about  about  yes\ncirca  about  about  no\n"
    "exactly  exactly  exact  yes\n"
)


def test_small_qualifier_tables_parse():
    senses = tables.parse_senses(SENSES_OK)
    assert senses["about"] == tables.Sense("about", -0.1, 0.1, "a tenth either side")
    rows = tables.parse_qualifiers(QUALIFIERS_OK, senses)
    assert rows[1] == tables.Qualifier("circa", "about", "about", False)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("-0.10  +0.10", "0.10  +0.10", r"qualifier_senses\.tsv:3: want -1 <= low <= 0 <= high"),
        ("-0.10  +0.10", "-2  +0.10", r"qualifier_senses\.tsv:3: want -1 <= low <= 0 <= high"),
        ("+0.10", "ten", r"qualifier_senses\.tsv:3: high must be a finite number, got 'ten'"),
        ("about  -0.10", "exact  -0.10", r"qualifier_senses\.tsv:3: sense 'exact' is listed twice"),
    ],
)
def test_a_damaged_sense_table_names_file_and_line(old, new, message):
    with pytest.raises(FrontmapError, match=message):
        tables.parse_senses(SENSES_OK.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("circa  about  about  no", "circa  about  roughly  no", r"qualifiers\.tsv:3: sense must be one of"),
        ("about  no", "about  maybe", r"qualifiers\.tsv:3: reader must be one of yes, no, got 'maybe'"),
        ("circa  about  about  no", "circa  about about  no", r"qualifiers\.tsv:3: 3 columns, want 4"),
        ("circa  about", "Circa  about", r"qualifiers\.tsv:3: qualifier 'Circa' is not written as 'circa'"),
        ("circa  about", "up-to  about", r"qualifiers\.tsv:3: qualifier 'up-to' is not written as 'up to'"),
        ("circa  about", "about  about", r"qualifiers\.tsv:3: qualifier 'about' is listed twice"),
        ("circa  about", "circa  roughly", r"qualifiers\.tsv:3: canonical 'roughly' of 'circa' must be"),
        ("about  about  about", "about  circa  about", r"qualifiers\.tsv:2: canonical 'circa' of 'about'"),
    ],
)
def test_a_damaged_qualifier_table_names_file_and_line(old, new, message):
    assert old in QUALIFIERS_OK
    with pytest.raises(FrontmapError, match=message):
        tables.parse_qualifiers(QUALIFIERS_OK.replace(old, new, 1), tables.parse_senses(SENSES_OK))
