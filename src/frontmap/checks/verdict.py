"""The verdict record and the helpers every check uses to word and judge one.

A :class:`Verdict` says whether a number an article states fits what was measured, with one plain sentence
why.  Every status comes from the one tolerance policy, :mod:`frontmap.quantities.tolerance`: a
measurement is *consistent* when it falls inside :func:`~frontmap.quantities.tolerance.interval` of the
stated number (rounding as written, widened by its qualifier).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

from frontmap.errors import InputError
from frontmap.gazetteer.place import Place
from frontmap.quantities.tolerance import interval
from frontmap.reading.claims import Claim
from frontmap.shapes import POINT_KINDS

__all__ = [
    "CHECKS",
    "STATUSES",
    "URBAN_DENSITY",
    "Verdict",
    "fmt",
    "judged",
    "quote",
    "safe_interval",
    "written",
]

#: The kinds of check, in the order a claim's verdicts are listed.
CHECKS = ("conversion", "distance", "bearing", "area", "share", "comparison", "consistency")
#: The possible statuses.
STATUSES = ("consistent", "inconsistent", "unverifiable")

#: Urban population density (people per km²) used to guess a town's radius from its population.
URBAN_DENSITY = 4000.0

_UNIT_WORDS = {"km": "km", "m": "m", "mi": "miles", "nmi": "nautical miles", "km2": "km²", "mi2": "sq mi",
               "ha": "ha", "m2": "m²", "acre": "acres", "deg": "°", "share": ""}  # fmt: skip


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

    @property
    def source(self) -> str | None:
        """The source of the claim checked."""
        return self.claim.source

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
        }


def _json_num(x: float | None, digits: int = 6) -> float | int | None:
    if x is None or not math.isfinite(x):
        return None
    r = round(float(x), digits)
    return int(r) if r.is_integer() and abs(r) < 1e15 else r


def _claim_dict(c: Claim) -> dict[str, Any]:
    return c.to_dict() | {"source": c.source}


# ---------------------------------------------------------------------------------------- formatting
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
    word = _UNIT_WORDS.get(unit or "", unit or "")
    return f"{s} {word}".strip()


def written(value: float, text: str, unit: str) -> str:
    """A stated number as it was written, with its unit: ``written(46, "46", "mi")`` -> ``'46 miles'``."""
    if not text:
        return fmt(value, unit)
    return f"{text} {_UNIT_WORDS.get(unit, unit)}".strip()


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
    return Verdict(check=check, status=status, claim=claim, explanation=explanation, **fields)


def judged(
    check: str, claim: Claim, stated: float, measured: float, unit: str, low: float, high: float, what: str
) -> Verdict:
    """A verdict from a measurement and the interval the stated number allows; ``what`` opens the
    explanation ("Balakliia lies 74.4 km from Kharkiv")."""
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
    )


def _is_point(p: Place) -> bool:
    return p.kind in POINT_KINDS or p.geometry.geom_type == "Point"
