"""The verdict record and the helpers every check uses to word and judge one.

A :class:`Verdict` says whether a number an article states fits what was measured, with one plain sentence
why.  Every status comes from the one tolerance policy, :mod:`frontmap.quantities.tolerance`: a
measurement is *consistent* when it falls inside :func:`~frontmap.quantities.tolerance.interval` of the
stated number (rounding as written, widened by its qualifier).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from frontmap.checks.frame import verdict_html, verdict_repr
from frontmap.errors import InputError
from frontmap.gazetteer.place import Place
from frontmap.quantities.numbers import DISTANCE_UNITS, UNIT_WORDS, fmt
from frontmap.quantities.tolerance import check_policy, interval
from frontmap.reading.claims import Claim, DistanceClaim
from frontmap.shapes import POINT_KINDS

__all__ = [
    "CHECKS",
    "STATUSES",
    "URBAN_DENSITY",
    "Verdict",
    "fmt",
    "judged",
    "place_numbers",
    "quote",
    "safe_interval",
    "stated_length_unit",
    "written",
]

#: The kinds of check, in the order a claim's verdicts are listed.
CHECKS = ("conversion", "distance", "bearing", "area", "share", "comparison", "consistency")
#: The possible statuses.
STATUSES = ("consistent", "inconsistent", "unverifiable")
#: Notes a verdict may carry beside its status: ``impossible`` (a number no place can have: an area
#: larger than the country or the Earth, a share over 100 %, a negative distance), ``road`` (a distance
#: consistent as a road distance, not as the crow flies), ``not independent`` (the claim itself chose
#: which of several namesakes is meant), ``far map`` (the nearest control map is weeks from the claim),
#: ``implied anchor`` (the text does not say where a distance is measured from; the reader's guess did
#: not fit, which is no evidence against the claim: unverifiable).
NOTES = ("impossible", "road", "not independent", "far map", "implied anchor")

_NO_NUMBERS: Mapping[str, Any] = MappingProxyType({})

#: Urban population density (people per km²) used to guess a town's radius from its population
#: (the ``urban_density`` row of the tolerance policy).
URBAN_DENSITY = check_policy()["urban_density"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one check of one claim (or of two claims against each other).

    Attributes
    ----------
    check : str
        One of :data:`CHECKS`.
    status : str
        ``"consistent"``, ``"inconsistent"`` or ``"unverifiable"``.
    stated, measured : float or None
        The number the claim states and the one measured (or, for ``conversion``, computed from the
        figure; for ``consistency``, the other claim's number), both in ``unit``.
    unit : str or None
        ``km``, ``km2``, ``mi``..., ``deg`` for bearings, ``share`` for fractions (0.2 = 20 %).
    ratio : float or None
        ``measured / stated`` (None for bearings).
    tolerance : float or None
        The relative deviation allowed (0.1 = 10 %); for bearings, the angle allowed in degrees.
    claim, other : Claim
        The claim checked, and for cross-claim checks the other claim.
    explanation : str
        One plain sentence saying what was compared and why the status follows.
    note : str or None
        One of :data:`NOTES` when the status needs a qualification ("impossible", "road" ...).
    others : tuple of Claim
        For a cross-report verdict, every other report in the group it speaks about (``other`` is the
        first of them).
    numbers : mapping
        Every number the verdict used: the allowed interval, the places' points, extents and homonym
        evidence, the maps' dates ...; JSON-ready (see :meth:`to_dict`).
    """

    check: str
    status: str
    stated: float | None
    measured: float | None
    unit: str | None
    ratio: float | None
    tolerance: float | None
    claim: Claim
    other: Claim | None = None
    explanation: str = ""
    note: str | None = None
    others: tuple[Claim, ...] = field(default=(), compare=False)
    numbers: Mapping[str, Any] = field(default_factory=lambda: _NO_NUMBERS, compare=False, hash=False)

    @property
    def source(self) -> str | None:
        """The source of the claim checked."""
        return self.claim.source

    def __repr__(self) -> str:
        """One line: ``Verdict(distance consistent: stated 74 km, measured 72.3 km; '74 km ...')``."""
        return verdict_repr(self)

    def _repr_html_(self) -> str:
        """In a notebook: the status in its colour, the numbers, the explanation and the claim."""
        return verdict_html(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: claims as ``frontmap extract`` prints them, plus their ``source``."""
        return {
            "check": self.check,
            "status": self.status,
            "stated": _json_num(self.stated),
            "measured": _json_num(self.measured),
            "unit": self.unit,
            "ratio": _json_num(self.ratio, 4),
            "tolerance": _json_num(self.tolerance, 4),
            "explanation": self.explanation,
            "claim": _claim_dict(self.claim),
            "other": _claim_dict(self.other) if self.other is not None else None,
            "note": self.note,
            "others": [_claim_dict(c) for c in self.others],
            "numbers": _json_tree(self.numbers),
        }


def _json_num(x: float | None, digits: int = 6) -> float | int | None:
    if x is None or not math.isfinite(x):
        return None
    r = round(float(x), digits)
    return int(r) if r.is_integer() and abs(r) < 1e15 else r


def _claim_dict(c: Claim) -> dict[str, Any]:
    return c.to_dict() | {"source": c.source}


def _json_tree(x: Any) -> Any:
    """Mappings, sequences and numbers as JSON-ready data (floats rounded, dates as ISO text)."""
    if isinstance(x, Mapping):
        return {str(k): _json_tree(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_json_tree(v) for v in x]
    if isinstance(x, bool) or x is None or isinstance(x, str | int):
        return x
    if isinstance(x, float):
        return _json_num(x)
    iso = getattr(x, "isoformat", None)
    return iso() if iso is not None else str(x)


def place_numbers(p: Place, **extra: Any) -> dict[str, Any]:
    """What a verdict records of a place: id, name, kind, point (lon, lat), extent and uncertainty (km)."""
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "point": [round(p.lon, 6), round(p.lat, 6)],
        "extent_km": round(p.extent_km, 3) if p.extent_km else None,
        "uncertainty_km": round(p.uncertainty_km, 3),
    } | extra


def stated_length_unit(c: DistanceClaim) -> str:
    """The unit a distance verdict gives its numbers in: the claim's unit of length, else km."""
    return c.unit if c.unit in _LENGTH_UNITS else "km"


_LENGTH_UNITS = frozenset(DISTANCE_UNITS.values())


def written(value: float, text: str, unit: str) -> str:
    """A stated number as it was written, with its unit: ``written(46, "46", "mi")`` -> ``'46 miles'``."""
    if not text:
        return fmt(value, unit)
    return f"{text} {UNIT_WORDS.get(unit, unit)}".strip()


def quote(c: Claim) -> str:
    """The claim's text in quotes, with the file name of its source when known."""
    return f"'{c.text}'" + (f" ({os.path.basename(c.source) or c.source})" if c.source else "")


def _span(low: float, high: float, unit: str) -> str:
    return f"{fmt(low, unit).split(' ')[0]}–{fmt(high, unit)}"


def safe_interval(value: float, qualifier: str | None, text: str | None) -> tuple[float, float]:
    """:func:`frontmap.quantities.tolerance.interval`, ignoring a qualifier the policy does not know."""
    try:
        return interval(value, qualifier, text or None)
    except InputError:
        return interval(value, None, text or None)


def _verdict(check: str, status: str, claim: Claim, explanation: str, **kw: Any) -> Verdict:
    fields = {"stated": None, "measured": None, "unit": None, "ratio": None, "tolerance": None} | kw
    if "numbers" in fields:
        fields["numbers"] = MappingProxyType(dict(fields["numbers"]))
    return Verdict(check=check, status=status, claim=claim, explanation=explanation, **fields)


def judged(
    check: str,
    claim: Claim,
    stated: float,
    measured: float,
    unit: str,
    low: float,
    high: float,
    what: str,
    numbers: Mapping[str, Any] | None = None,
    note: str | None = None,
) -> Verdict:
    """A verdict from a measurement and the interval the stated number allows; ``what`` opens the
    explanation ("Balakliia lies 74.4 km from Kharkiv"); ``numbers`` adds to what the verdict records
    (the measured value and the allowed interval are always recorded)."""
    ok = low <= measured <= high
    tol = max(stated - low, high - stated) / stated if stated else math.inf
    said = f"'{claim.text}'"
    tail = f"consistent with {said}" if ok else f"inconsistent with {said} (allowed {_span(low, high, unit)})"
    return _verdict(
        check,
        "consistent" if ok else "inconsistent",
        claim,
        f"{what}: {tail}",
        stated=stated,
        measured=measured,
        unit=unit,
        ratio=measured / stated if stated else None,
        tolerance=tol,
        note=note,
        numbers={"measured": measured, "allowed": [low, high], "unit": unit} | dict(numbers or {}),
    )


def _is_point(p: Place) -> bool:
    return p.kind in POINT_KINDS or p.geometry.geom_type == "Point"
