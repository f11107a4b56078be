"""Claim records: the spatial statements an article makes, each with the exact text it came from.

Four kinds, all immutable:

- :class:`DistanceClaim` -- "74 km (46 miles) southeast of Kharkiv"
- :class:`AreaClaim` -- "about 6,000 square kilometres retaken"
- :class:`ShareClaim` -- "around a fifth of the country"
- :class:`ComparisonClaim` -- "about the size of the West Bank and Gaza put together"

Every claim has ``kind``, ``text``, ``start`` and ``end`` (Python offsets into the article text),
``sentence`` (the sentence it sits in) and ``source`` (the article's source).  Numbers keep the
way they were written (``value_text``) so that their precision can be judged.  ``geometry()`` and
``point()`` turn a claim into shapes (see :mod:`frontmap.shapes`); ``to_dict()`` gives the JSON
form printed by ``frontmap extract``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, ClassVar

from frontmap.gazetteer.place import Place
from frontmap.reading._show import claim_html, claim_repr

__all__ = [
    "AreaClaim",
    "Claim",
    "ComparisonClaim",
    "Converted",
    "DistanceClaim",
    "ShareClaim",
]


@dataclass(frozen=True, slots=True)
class Converted:
    """A parenthetical conversion as written: "(46 miles)" -> Converted(46, "mi", "46")."""

    value: float
    unit: str
    value_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"value": _num(self.value), "unit": self.unit}


#: How claims become shapes: filled in by :mod:`frontmap.shapes`, the stage above reading, when it is
#: imported (``import frontmap`` does), so that reading never imports the stage that uses it.
SHAPERS: dict[str, Any] = {}


def _shaper(name: str) -> Any:
    try:
        return SHAPERS[name]
    except KeyError:
        raise RuntimeError(
            f"{name} is provided by frontmap.shapes; import frontmap (or frontmap.shapes) first"
        ) from None


def _num(x: float | None) -> float | int | None:
    """A number for JSON: integral floats as ints (74.0 -> 74)."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 1e15 else x


def _place(p: Place | None) -> dict[str, Any] | None:
    return p.to_dict() if p is not None else None


@dataclass(frozen=True, slots=True)
class Claim:
    """Fields common to every claim; ``note`` says, in one plain sentence, why a field is empty or
    how it was inferred ("the text names no place to measure from"), and is empty otherwise."""

    kind: ClassVar[str] = "claim"
    text: str
    start: int
    end: int
    sentence: str = field(default="", repr=False, compare=False)
    source: str | None = field(default=None, compare=False)
    published: _dt.date | None = field(default=None, compare=False)
    note: str = field(default="", compare=False)

    def _base(self) -> dict[str, Any]:
        base = {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end}
        return base | {"note": self.note} if self.note else base

    def to_dict(self) -> dict[str, Any]:
        """The claim as JSON-ready data (the ``frontmap extract`` contract)."""
        return self._base()

    def geometry(self) -> Any:
        """The region the claim describes, as a shapely geometry (lon/lat); see :mod:`frontmap.shapes`."""
        return _shaper("claim_geometry")(self)

    def point(self) -> Any:
        """The claim's best single point (shapely Point, lon/lat), or None; see :mod:`frontmap.shapes`."""
        return _shaper("claim_point")(self)

    def __repr__(self) -> str:
        """One line: the text and what it reads as, ``DistanceClaim('74 km southeast of Kharkiv': 74 km
        SE of Kharkiv (subject Balakliia))``."""
        return claim_repr(self)

    def _repr_html_(self) -> str:
        """In a notebook: the sentence with the claim marked, and its fields."""
        return claim_html(self)


@dataclass(frozen=True, slots=True, repr=False)  # repr: Claim.__repr__, one line
class DistanceClaim(Claim):
    """A distance from an anchor, optionally in a direction: "up to 35 km east of Kyiv".

    ``value``/``unit`` as written (unit one of ``km``, ``m``, ``mi``); ``km`` the value in kilometres;
    ``direction`` a compass abbreviation (``"SE"``, ``"NNW"``, a 32-point one as reference pages give
    them: ``"SWbW"``, or two neighbouring ones said together: ``"N/NE"``) or None, ``bearing_deg`` its
    bearing (135.0; of two, the middle of the arc they cover);
    ``anchor`` the place measured from and ``anchor_text`` how the text named it ("the capital");
    ``subject`` the place the statement is about, when the sentence names it, and ``subject_text`` how
    the text named a subject that is no gazetteer place ("the front line"); ``low`` the lower end
    of a range ("28 to 35 km": ``low`` 28, ``value`` 35), else None; ``measure`` how the text says it was
    measured, when it says so: ``"straight"`` ("as the crow flies") or ``"route"`` ("by road": longer
    than the straight line the checks measure, so the most that line can be).
    """

    kind: ClassVar[str] = "distance"
    value: float = 0.0
    unit: str = "km"
    km: float = 0.0
    value_text: str = ""
    qualifier: str | None = None
    low: float | None = None
    direction: str | None = None
    bearing_deg: float | None = None
    anchor: Place | None = None
    anchor_text: str = ""
    subject: Place | None = None
    converted: Converted | None = None
    subject_text: str = ""
    measure: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return self._base() | {
            "value": _num(self.value),
            "unit": self.unit,
            "km": round(self.km, 6),
            "low": _num(self.low),
            "qualifier": self.qualifier,
            "direction": self.direction,
            "bearing": self.bearing_deg,
            "anchor": _place(self.anchor),
            "anchor_text": self.anchor_text,
            "subject": _place(self.subject),
            "subject_text": self.subject_text,
            "converted": self.converted.to_dict() if self.converted else None,
            "measure": self.measure,
        }


@dataclass(frozen=True, slots=True, repr=False)  # repr: Claim.__repr__, one line
class AreaClaim(Claim):
    """An area: "about 6,000 square kilometres (2,400 sq mi) retaken".

    ``unit`` one of ``km2``, ``mi2``, ``ha``, ``m2``; ``km2`` the value in square kilometres;
    ``subject`` the place whose area it is ("Ukraine's land area of ...") or None; ``change`` says
    what happened to the area when the sentence says so: ``"regained"`` (retaken, liberated,
    reclaimed), ``"captured"`` or ``"held"`` (controls, occupies), else None; ``places`` are the places
    the article says changed hands with it (the centre of its disk when there is no subject);
    ``since`` the start date the sentence gives ("since the start of September"), if any; ``low`` the
    lower end of a range ("between 500 and 600 km²": ``low`` 500, ``value`` 600), else None.
    """

    kind: ClassVar[str] = "area"
    value: float = 0.0
    unit: str = "km2"
    km2: float = 0.0
    value_text: str = ""
    qualifier: str | None = None
    low: float | None = None
    subject: Place | None = None
    converted: Converted | None = None
    change: str | None = None
    places: tuple[Place, ...] = ()
    since: _dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return self._base() | {
            "value": _num(self.value),
            "unit": self.unit,
            "km2": round(self.km2, 6),
            "low": _num(self.low),
            "qualifier": self.qualifier,
            "converted": self.converted.to_dict() if self.converted else None,
            "subject": _place(self.subject),
            "change": self.change,
            "places": [p.to_dict() for p in self.places],
            "since": self.since.isoformat() if self.since else None,
        }


@dataclass(frozen=True, slots=True, repr=False)  # repr: Claim.__repr__, one line
class ShareClaim(Claim):
    """A fraction of a territory: "around a fifth of the country" -> value 0.2, of = Ukraine.

    ``value`` is a fraction (0.2, not 20); ``value_text`` as written ("a fifth", "5%");
    ``of`` the territory; ``change`` as for :class:`AreaClaim` (``"held"`` when no one or Russia is said
    to hold it), ``"held_by_ukraine"`` when the sentence says Ukraine holds it ("Kyiv controls less than
    a fifth of the region"), or what the ground is said to be when that is not who holds it:
    ``"destroyed"``, ``"damaged"``, ``"flooded"`` ("Oleshky is 80% flooded"; these are never checked
    against control maps).
    """

    kind: ClassVar[str] = "share"
    value: float = 0.0
    value_text: str = ""
    qualifier: str | None = None
    of: Place | None = None
    of_text: str = ""
    change: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return self._base() | {
            "value": self.value,
            "value_text": self.value_text,
            "qualifier": self.qualifier,
            "of": _place(self.of),
            "of_text": self.of_text,
            "change": self.change,
        }


@dataclass(frozen=True, slots=True, repr=False)  # repr: Claim.__repr__, one line
class ComparisonClaim(Claim):
    """An area compared with named places: "about the size of the West Bank and Gaza put together".

    ``places`` the places compared with (their areas are summed when ``combined``); ``relation`` one of
    ``"equal"``, ``"larger"``, ``"smaller"``; ``factor`` the multiple of the places' area the statement
    names ("three times the size of Luxembourg": 3.0; "half the size of": 0.5); ``refers_to`` the index,
    in the article's ``claims``, of the area claim being compared (None when no area claim precedes it).
    """

    kind: ClassVar[str] = "comparison"
    places: tuple[Place, ...] = ()
    relation: str = "equal"
    factor: float = 1.0
    qualifier: str | None = None
    refers_to: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return self._base() | {
            "places": [p.to_dict() for p in self.places],
            "relation": self.relation,
            "factor": self.factor,
            "qualifier": self.qualifier,
            "refers_to": self.refers_to,
        }
