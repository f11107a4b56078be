"""The unit and qualifier tables, read once from the data files beside this module.

``data/units.tsv``, ``data/qualifiers.tsv`` and ``data/qualifier_senses.tsv`` are the one place where
units and qualifiers are written down; :mod:`~frontmap.quantities.numbers` and
:mod:`~frontmap.quantities.tolerance` derive their public dictionaries from the records read here.
Each file is ``#`` comment lines, a header line naming the columns, then one row per line, its columns
separated by a tab or by two or more spaces; ``-`` stands for an empty list.  A damaged file raises
:class:`~frontmap.errors.FrontmapError` naming the file and line.

>>> km = units()[0]
>>> km.name, km.dimension, km.per_unit, km.reader[:3]
('km', 'length', 1.0, ('km', 'kms', 'kilometre'))
>>> about = next(q for q in qualifiers() if q.written == "an estimated")
>>> about.canonical, about.sense, senses()[about.sense].offsets, about.reader
('about', 'about', (-0.1, 0.1), True)
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from frontmap.errors import FrontmapError

__all__ = [
    "DIMENSIONS",
    "Qualifier",
    "Sense",
    "Unit",
    "fold_qualifier",
    "fold_unit",
    "parse_qualifiers",
    "parse_senses",
    "parse_units",
    "qualifiers",
    "senses",
    "units",
]

#: The dimensions a unit can have, and the unit that counts 1 in each.
DIMENSIONS = {"length": "km", "area": "km2"}

UNIT_COLUMNS = ("unit", "dimension", "per_unit", "reader", "other")
SENSE_COLUMNS = ("sense", "low", "high", "meaning")
QUALIFIER_COLUMNS = ("written", "canonical", "sense", "reader")

_SEPARATOR = re.compile(r" *\t[\t ]*| {2,}[\t ]*")
_YES_NO = {"yes": True, "no": False}


@dataclass(frozen=True)
class Unit:
    """A canonical unit of length or area (a row of ``data/units.tsv``)."""

    name: str  #: "km", "mi2", ...
    dimension: str  #: "length" or "area"
    per_unit: float  #: kilometres (length) or square kilometres (area) in one unit
    reader: tuple[str, ...]  #: written forms the claim reader maps to this unit
    other: tuple[str, ...]  #: written forms only ``tolerance.unit_key`` knows

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form of the unit."""
        return (*self.reader, *self.other)


@dataclass(frozen=True)
class Sense:
    """What a qualifier does to a number (a row of ``data/qualifier_senses.tsv``)."""

    name: str  #: "about", "up to", ...
    low: float  #: relative offset of the low end
    high: float  #: relative offset of the high end
    meaning: str  #: a few words for people

    @property
    def offsets(self) -> tuple[float, float]:
        """``(low, high)``: the qualifier interval is ``[value × (1 + low), value × (1 + high)]``."""
        return (self.low, self.high)


@dataclass(frozen=True)
class Qualifier:
    """A qualifier as written (a row of ``data/qualifiers.tsv``)."""

    written: str  #: the form, folded (:func:`fold_qualifier`)
    canonical: str  #: what a claim reports for it
    sense: str  #: the name of its :class:`Sense`
    reader: bool  #: whether the claim reader looks for it before a number


def fold_qualifier(text: str) -> str:
    """A qualifier as looked up: lower case, hyphens as spaces, single spaces, outer punctuation dropped.

    >>> fold_qualifier("  Up-to "), fold_qualifier("approx."), fold_qualifier("")
    ('up to', 'approx', '')
    """
    return " ".join(text.lower().replace("-", " ").strip(" .,;:").split())


def fold_unit(text: str) -> str:
    """A unit as looked up: lower case without spaces, dots and hyphens.

    >>> fold_unit("Sq. Mi."), fold_unit("square kilometres")
    ('sqmi', 'squarekilometres')
    """
    return re.sub(r"[\s.\-]", "", text.lower())


class _Rows:
    """The rows of one table file, with the file and line for error messages."""

    def __init__(self, text: str, source: str, columns: tuple[str, ...]):
        self.source = source
        self.line = 0
        self._rows: list[tuple[int, list[str]]] = []
        header = True
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            cells = _SEPARATOR.split(line)
            self.line = number
            if header:
                self.check(tuple(cells) == columns, f"header {cells!r} is not {list(columns)!r}")
                header = False
                continue
            self.check(len(cells) == len(columns), f"{len(cells)} columns, want {len(columns)}: {cells!r}")
            self._rows.append((number, cells))
        self.line = 0
        self.check(not header, "no header line")

    def __iter__(self) -> Iterator[list[str]]:
        for number, cells in self._rows:
            self.line = number
            yield cells
        self.line = 0

    def check(self, ok: bool, message: str) -> None:
        if not ok:
            where = f"{self.source}:{self.line}" if self.line else self.source
            raise FrontmapError(f"{where}: {message}")

    def number(self, cell: str, what: str) -> float:
        try:
            value = float(cell)
        except ValueError:
            value = math.nan
        self.check(math.isfinite(value), f"{what} must be a finite number, got {cell!r}")
        return value

    def choice(self, cell: str, what: str, known: Mapping[str, object]) -> str:
        self.check(cell in known, f"{what} must be one of {', '.join(known)}, got {cell!r}")
        return cell

    def word(self, cell: str, fold: Callable[[str], str], what: str) -> str:
        self.check(cell != "-", f"{what} is missing")
        self.check(fold(cell) == cell, f"{what} {cell!r} is not written as {fold(cell)!r}")
        return cell

    def words(self, cell: str, fold: Callable[[str], str], what: str) -> tuple[str, ...]:
        return () if cell == "-" else tuple(self.word(form, fold, what) for form in cell.split(", "))


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def parse_units(text: str, source: str = "units.tsv") -> tuple[Unit, ...]:
    """The units of a ``units.tsv`` text, checked: known dimensions, positive factors, each written form
    (and each form as :func:`fold_unit` looks it up) belonging to one unit only, 1 for km and km²."""
    rows = _Rows(text, source, UNIT_COLUMNS)
    out: list[Unit] = []
    owner: dict[str, str] = {}
    for name, dimension, per_unit, reader, other in rows:
        unit = Unit(
            name=rows.word(name, fold_unit, "unit"),
            dimension=rows.choice(dimension, "dimension", DIMENSIONS),
            per_unit=rows.number(per_unit, "per_unit"),
            reader=rows.words(reader, _plain, "written form"),
            other=rows.words(other, _plain, "written form"),
        )
        rows.check(unit.per_unit > 0, f"per_unit must be > 0, got {per_unit!r}")
        base = DIMENSIONS[unit.dimension] == unit.name
        rows.check(not base or unit.per_unit == 1, f"{unit.name} must count 1, got {per_unit!r}")
        for key in {unit.name, *unit.forms, *map(fold_unit, unit.forms)}:
            rows.check(owner.setdefault(key, unit.name) == unit.name, f"{key!r} is also {owner[key]!r}")
        rows.check(len(set(unit.forms)) == len(unit.forms), f"{unit.name}: a written form is listed twice")
        out.append(unit)
    base_units = list(DIMENSIONS.values())
    rows.check(set(base_units) <= {u.name for u in out}, f"the base units {base_units} are missing")
    return tuple(out)


def parse_senses(text: str, source: str = "qualifier_senses.tsv") -> Mapping[str, Sense]:
    """The qualifier senses of a ``qualifier_senses.tsv`` text, checked: ``-1 <= low <= 0 <= high``."""
    rows = _Rows(text, source, SENSE_COLUMNS)
    out: dict[str, Sense] = {}
    for name, low, high, meaning in rows:
        sense = Sense(name, rows.number(low, "low"), rows.number(high, "high"), meaning)
        rows.check(rows.word(name, _plain, "sense") not in out, f"sense {name!r} is listed twice")
        rows.check(-1 <= sense.low <= 0 <= sense.high, f"want -1 <= low <= 0 <= high, got {low}, {high}")
        out[name] = sense
    return MappingProxyType(out)


def parse_qualifiers(
    text: str, known_senses: Mapping[str, Sense], source: str = "qualifiers.tsv"
) -> tuple[Qualifier, ...]:
    """The qualifiers of a ``qualifiers.tsv`` text, checked: each form written once and folded, each sense
    known, each canonical qualifier a row of its own that is its own canonical."""
    rows = _Rows(text, source, QUALIFIER_COLUMNS)
    out: dict[str, Qualifier] = {}
    lines: dict[str, int] = {}
    for written, canonical, sense, reader in rows:
        q = Qualifier(
            written=rows.word(written, fold_qualifier, "qualifier"),
            canonical=rows.word(canonical, fold_qualifier, "canonical qualifier"),
            sense=rows.choice(sense, "sense", known_senses),
            reader=_YES_NO[rows.choice(reader, "reader", _YES_NO)],
        )
        rows.check(q.written not in out, f"qualifier {written!r} is listed twice")
        out[q.written], lines[q.written] = q, rows.line
    for q in out.values():
        rows.line = lines[q.written]
        target = out.get(q.canonical)
        rows.check(
            target is not None and target.canonical == target.written,
            f"canonical {q.canonical!r} of {q.written!r} must be a row that is its own canonical",
        )
    return tuple(out.values())


def _read(name: str) -> str:
    return resources.files("frontmap.quantities").joinpath("data", name).read_text(encoding="utf-8")


@functools.cache
def units() -> tuple[Unit, ...]:
    """The units of ``data/units.tsv``, in file order."""
    return parse_units(_read("units.tsv"))


@functools.cache
def senses() -> Mapping[str, Sense]:
    """The qualifier senses of ``data/qualifier_senses.tsv`` by name, in file order."""
    return parse_senses(_read("qualifier_senses.tsv"))


@functools.cache
def qualifiers() -> tuple[Qualifier, ...]:
    """The qualifiers of ``data/qualifiers.tsv``, in file order."""
    return parse_qualifiers(_read("qualifiers.tsv"), senses())
