"""Numbers, units, qualifiers and compass directions as news writes them.

Pure text-to-value helpers used by the reader; nothing here knows about places.  The units and
qualifiers are read from the package's tables (``data/units.tsv``, ``data/qualifiers.tsv``).

>>> parse_number("6,000")
6000.0
>>> parse_number("two dozen")
24.0
>>> parse_fraction("a fifth")
0.2
>>> DIRECTIONS["north-western"]
'NW'
>>> DISTANCE_UNITS["miles"], AREA_UNITS["sq km"], QUALIFIERS["almost"]
('mi', 'km2', 'nearly')
"""

from __future__ import annotations

import re

from frontmap.quantities._tables import qualifiers, units

__all__ = [
    "AREA_UNITS",
    "DIRECTIONS",
    "DISTANCE_UNITS",
    "EARTH_CIRCUMFERENCE_KM",
    "EARTH_SURFACE_KM2",
    "FRACTIONS",
    "QUALIFIERS",
    "QUALIFIERS_AFTER",
    "SCALES",
    "UNIT_WORDS",
    "fmt",
    "parse_fraction",
    "parse_number",
    "to_km",
    "to_km2",
]

#: Distance unit as written (lower case) -> canonical unit: the length rows of ``data/units.tsv``.
DISTANCE_UNITS: dict[str, str] = {f: u.name for u in units() if u.dimension == "length" for f in u.reader}

#: Area unit as written (lower case, single spaces) -> canonical unit: the area rows of ``data/units.tsv``.
AREA_UNITS: dict[str, str] = {f: u.name for u in units() if u.dimension == "area" for f in u.reader}

#: No distance on Earth is longer (the equator), no area larger (the planet's surface): a figure beyond
#: them is a misprint or not about the ground, never a claim to read.
EARTH_CIRCUMFERENCE_KM = 40_075.0
EARTH_SURFACE_KM2 = 510_072_000.0

_KM = {u.name: u.per_unit for u in units() if u.dimension == "length"}
_KM2 = {u.name: u.per_unit for u in units() if u.dimension == "area"}

#: Qualifier as written (lower case) -> canonical qualifier: the rows of ``data/qualifiers.tsv`` the
#: reader looks for (their meaning: :mod:`frontmap.quantities.tolerance`).
QUALIFIERS: dict[str, str] = {q.written: q.canonical for q in qualifiers() if q.reader}
#: ... and those it looks for after a number and its unit ("10 km or so", "20 km and further").
QUALIFIERS_AFTER: dict[str, str] = {
    q.written: q.canonical for q in qualifiers() if q.written.startswith(("or ", "and "))
}

#: Direction as written (lower case) -> compass abbreviation (16 winds, and the 32-point "by" ones).
DIRECTIONS: dict[str, str] = {}
_WINDS = {"north": "N", "south": "S", "east": "E", "west": "W"}
#: "northern", "northward(s)": the endings a wind's name takes, with the same direction.
_ENDINGS = ("", "ern", "ward", "wards")
for _a, _x in _WINDS.items():
    for _end in _ENDINGS:
        DIRECTIONS[_a + _end] = _x
    DIRECTIONS[_x.lower()] = _x
for _a in ("north", "south"):
    for _b in ("east", "west"):
        _ab = _WINDS[_a] + _WINDS[_b]
        for _sep in ("", "-", " "):
            for _end in _ENDINGS:
                DIRECTIONS[_a + _sep + _b + _end] = _ab
        DIRECTIONS[_ab.lower()] = _ab
for _a, _b in (
    ("north", "northeast"),
    ("east", "northeast"),
    ("east", "southeast"),
    ("south", "southeast"),
    ("south", "southwest"),
    ("west", "southwest"),
    ("west", "northwest"),
    ("north", "northwest"),
):
    _code = _WINDS[_a] + DIRECTIONS[_b]
    for _sep in ("-", " ", ""):
        DIRECTIONS[_a + _sep + _b[:5] + "-" + _b[5:]] = _code
        DIRECTIONS[_a + _sep + _b] = _code
        if _sep:  # "north north west", "north-north west"
            DIRECTIONS[_a + _sep + _b[:5] + " " + _b[5:]] = _code
    DIRECTIONS[_code.lower()] = _code

# the 32-point "by" directions, in words: "southwest by west", "north-east by north" -> "SWbW", "NEbN"
_WORDS_OF = {"N": "north", "S": "south", "E": "east", "W": "west"}
for _code in ("NbE NEbN NEbE EbN EbS SEbE SEbS SbE SbW SWbS SWbW WbS WbN NWbW NWbN NbW").split():
    _from, _to = _code.split("b")
    _heads = {"".join(_WORDS_OF[x] for x in _from)}
    if len(_from) == 2:
        _heads.add(_WORDS_OF[_from[0]] + "-" + _WORDS_OF[_from[1]])
    for _head in _heads:
        DIRECTIONS[_head + " by " + _WORDS_OF[_to]] = _code

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a": 1, "an": 1, "a few": 3, "dozen": 12, "a dozen": 12,
}  # fmt: skip
#: Scale words -> their factor ("two hundred", "1.5 million").
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}

#: Fraction words -> value.
FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
    "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "one-quarter": 0.25,
    "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2,
    "two fifths": 0.4, "two-fifths": 0.4, "a sixth": 1 / 6, "one sixth": 1 / 6, "one-sixth": 1 / 6,
    "a seventh": 1 / 7, "one seventh": 1 / 7, "one-seventh": 1 / 7, "an eighth": 0.125,
    "one eighth": 0.125, "one-eighth": 0.125, "a tenth": 0.1, "one tenth": 0.1, "one-tenth": 0.1,
}  # fmt: skip

_DIGITS = re.compile(
    r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?$"
)
#: A decimal comma, as much of Europe writes it: "486,5", "1,25" (a comma before three digits is a
#: thousands separator: "1,260"), after thousands grouped with spaces too: "3 267,1".
_DECIMAL_COMMA = re.compile(r"^(?:\d+|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+),\d{1,2}$")
#: Thousands grouped with points, as much of Europe writes them: "1.234.567", and "12.800" or "4.160" (a
#: decimal is not written with a final zero: a single group of three digits ending in one is thousands).
POINT_THOUSANDS = r"[1-9]\d{0,2}(?:(?:\.\d{3}){2,}|\.\d\d0)(?![\d.])"
_POINT_THOUSANDS = re.compile(rf"^{POINT_THOUSANDS}$")
_FIGURES = (_DIGITS, _DECIMAL_COMMA, _POINT_THOUSANDS)
_AND_A_HALF = (" and a half", " and one half")
_MAX_NUMBER_TEXT = 80
_SIGNS = "-−–+"  # "-5", "+5", "5-": a signed or dangling figure is not a size


def parse_number(text: str) -> float | None:
    """The value of a number as news writes it, or None.

    Digits with thousands separators ("6,000", "1 000", "12.800"), decimals ("2.5", or with a decimal comma
    "486,5"), halves ("two and a half"), a scale word
    ("1.5 million", "6 thousand") and number words ("twenty-one", "two dozen", "a few hundred").

    >>> parse_number("600,000"), parse_number("1.5 million"), parse_number("twenty-one")
    (600000.0, 1500000.0, 21.0)
    >>> parse_number("188 600"), parse_number("486,5"), parse_number("3 267,1"), parse_number("28,5 thousand")
    (188600.0, 486.5, 3267.1, 28500.0)
    >>> parse_number("12.800"), parse_number("1.234.567"), parse_number("2.345"), parse_number("0.500")
    (12800.0, 1234567.0, 2.345, 0.5)
    >>> parse_number("1,0,0,0") is None, parse_number("-5") is None, parse_number("10^3") is None
    (True, True, True)

    Negative numbers, exponents and other expressions are not read (None), never read as part of them.
    """
    if not isinstance(text, str) or not text.strip() or len(text) > _MAX_NUMBER_TEXT:
        return None
    if text.strip()[0] in _SIGNS or text.strip()[-1] in _SIGNS:
        return None
    written = text.strip().lower()
    if _POINT_THOUSANDS.match(written):
        return float(written.replace(".", ""))
    if _DECIMAL_COMMA.match(written):
        return float(re.sub(r"[\s\u00a0\u2009\u202f]", "", written).replace(",", "."))
    if _DIGITS.match(written):  # "188 600": a space (or thin space) between thousands
        return float(re.sub(r"[,\s\u00a0\u2009\u202f]", "", written))
    for half in _AND_A_HALF:  # "two and a half", "one and a half"
        if written.endswith(half) and written != half.strip():
            whole = parse_number(written[: -len(half)])
            return None if whole is None else whole + 0.5
    words = written.replace("-", " ").split()
    scale = 1.0
    figure = words[0] if words and any(p.match(words[0]) for p in _FIGURES) else None
    while words and words[-1] in SCALES and len(words) > 1 and figure is not None:
        scale *= SCALES[words.pop()]
    value = parse_number(figure) if len(words) == 1 and figure is not None else None
    if value is not None:  # "28,5 thousand": a decimal comma before the scale too
        return value * scale
    if scale != 1.0:
        return None
    return _parse_words(words)


def _parse_words(words: list[str]) -> float | None:
    total, current, seen = 0.0, 0.0, False
    i = 0
    while i < len(words):
        w = words[i]
        pair = " ".join(words[i : i + 2])
        if pair in _UNITS_WORDS and pair.startswith("a "):
            current += _UNITS_WORDS[pair]
            i += 2
            seen = True
            continue
        if w in ("and",) and seen:
            i += 1
            continue
        if w in SCALES:
            current = (current or 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0.0
        elif w in _UNITS_WORDS:
            current += _UNITS_WORDS[w]
        else:
            return None
        seen = True
        i += 1
    return total + current if seen else None


def parse_fraction(text: str) -> float | None:
    """A share as a fraction: "5%", "20 per cent", "a fifth", "one-third", "two thirds".

    >>> parse_fraction("5%"), parse_fraction("20 per cent"), parse_fraction("one-fifth")
    (0.05, 0.2, 0.2)
    >>> parse_fraction("2,5%")  # a decimal comma
    0.025
    >>> parse_fraction("Sixty-eight percent")
    0.68
    """
    if not isinstance(text, str) or len(text) > _MAX_NUMBER_TEXT:
        return None
    t = " ".join(text.strip().lower().split())
    if t in FRACTIONS:
        return FRACTIONS[t]
    m = re.fullmatch(r"(\d+(?:\.\d+|,\d{1,2})?)\s*(?:%|per\s?cent|percent|pc)", t)  # "5,9%": a decimal comma
    if m:
        return round(float(m.group(1).replace(",", ".")) / 100.0, 12)  # 0.059, not 0.059000000000000004
    m = re.fullmatch(r"([a-z][a-z -]*?)\s+(?:per\s?cent|percent)", t)  # "sixty-eight percent"
    value = parse_number(m.group(1)) if m else None
    return value / 100.0 if value is not None else None


def to_km(value: float, unit: str) -> float:
    """A distance in kilometres. ``unit`` is a canonical length unit (``km``, ``m``, ``mi``, ``nmi``,
    ``ft``, ``yd``)."""
    return value * _KM[unit]


def to_km2(value: float, unit: str) -> float:
    """An area in square kilometres. ``unit`` is a canonical area unit (``km2``, ``m2``, ``ha``, ``mi2``,
    ``acre``)."""
    return value * _KM2[unit]


# ---------------------------------------------------------------------------------------- formatting
#: How a number's unit is written in a sentence for people (verdicts' explanations, the CLI's tables).
UNIT_WORDS: dict[str, str] = {"km": "km", "m": "m", "mi": "miles", "nmi": "nautical miles", "ft": "feet",
                              "yd": "yards", "km2": "km²",
                              "mi2": "sq mi", "ha": "ha", "m2": "m²", "acre": "acres", "deg": "°",
                              "share": ""}  # fmt: skip


def fmt(x: float, unit: str | None = None) -> str:
    """A number for an explanation: ``fmt(74.43, "km")`` -> ``'74.4 km'``, ``fmt(0.2, "share")`` -> ``'20%'``.

    >>> fmt(74.43, "km"), fmt(603628.4, "km2"), fmt(0.05, "share"), fmt(0.2, "share")
    ('74.4 km', '603,628 km²', '5%', '20%')
    """
    if unit == "share":
        return f"{x * 100:.3g}%" if x < 0.1 else f"{x * 100:.0f}%"
    if unit == "deg":
        return f"{x:.0f}°"
    if abs(x) >= 100 or float(x).is_integer():
        s = f"{x:,.0f}"
    else:
        s = f"{x:.1f}" if abs(x) >= 1 else f"{x:.3g}"
    word = UNIT_WORDS.get(unit or "", unit or "")
    return f"{s} {word}".strip()
