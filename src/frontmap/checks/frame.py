"""Verdicts as a table and in a notebook: :func:`verdicts_frame` and the verdict's ``repr``/HTML.

``fm.check`` returns a plain list of :class:`~frontmap.checks.verdict.Verdict`; :func:`verdicts_frame`
makes it a GeoDataFrame (one row per verdict, the claim's best point as geometry) for filtering,
grouping and mapping, with numbers rounded for people.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from frontmap._display import Markup, box, chip, esc, html_table, number, people_round, status_colour

__all__ = ["verdict_html", "verdict_repr", "verdicts_frame"]

_UNITS = {"km2": "km²", "mi2": "sq mi", "mi": "miles", "deg": "°", "share": "%"}


def _value(x: Any, unit: str | None) -> str:
    if x is None:
        return "–"
    if unit == "share":
        return number(100 * x, "%", digits=0 if abs(100 * x) >= 10 else 1)
    if unit == "deg":
        return number(x, "°", digits=0)
    return number(x, _UNITS.get(unit or "", unit or ""))


def verdict_repr(v: Any) -> str:
    """``Verdict(distance consistent: stated 74 km, measured 72.3 km; '74 km (46 miles) southeast ...')``"""
    text = getattr(v.claim, "text", "")
    text = text if len(text) <= 60 else text[:57] + "..."
    numbers = ""
    if v.stated is not None or v.measured is not None:
        numbers = f": stated {_value(v.stated, v.unit)}, measured {_value(v.measured, v.unit)}"
    note = f" [{v.note}]" if getattr(v, "note", None) else ""
    return f"Verdict({v.check} {v.status}{note}{numbers}; {text!r})"


def verdict_html(v: Any) -> str:
    """The status as a coloured chip, the numbers, the explanation and the claim."""
    colour = status_colour(v.status)
    rows: list[tuple[str, Any]] = [
        ("stated", _value(v.stated, v.unit)),
        ("measured", _value(v.measured, v.unit)),
    ]
    if v.ratio is not None:
        rows.append(("measured / stated", number(v.ratio, digits=3)))
    if v.tolerance is not None:
        tol = (
            number(v.tolerance, "°", digits=1)
            if v.unit == "deg"
            else number(100 * v.tolerance, "%", digits=1)
        )
        rows.append(("allowed deviation", tol))
    if getattr(v, "note", None):
        rows.append(("note", v.note))
    rows.append(("claim", getattr(v.claim, "text", "")))
    if getattr(v, "other", None) is not None:
        rows.append(("other claim", getattr(v.other, "text", "")))
    rows.append(("source", getattr(v.claim, "source", None) or ""))
    head = f"{chip(v.status, colour)} <b>{esc(v.check)}</b> check"
    body = f"<div>{head}</div><div style='margin:4px 0'>{esc(v.explanation)}</div>"
    return box("Verdict", Markup(body) + html_table(("", ""), rows))


def verdicts_frame(verdicts: Iterable[Any], geometry: bool = True) -> Any:
    """A table of verdicts, one row each: a GeoDataFrame (EPSG:4326, the claim's best point as
    geometry, None where it has none), or a plain DataFrame with ``geometry=False``.

    Columns: ``source``, ``claim`` (its text), ``kind`` (the claim's), ``check``, ``status``,
    ``note``, ``stated``, ``measured``, ``unit``, ``ratio``, ``tolerance``, ``explanation``.  Float noise
    is 0; numbers are otherwise as measured (round them for display: ``.round(1)``).

    >>> verdicts_frame([], geometry=False).columns[:5].tolist()
    ['source', 'claim', 'kind', 'check', 'status']
    """
    import pandas as pd

    cols = ["source", "claim", "kind", "check", "status", "note", "stated", "measured", "unit", "ratio",
            "tolerance", "explanation"]  # fmt: skip
    rows, points = [], []
    for v in verdicts:
        c = v.claim
        num = {k: None if getattr(v, k) is None else people_round(float(getattr(v, k))) for k in
               ("stated", "measured", "ratio", "tolerance")}  # fmt: skip
        rows.append(
            {
                "source": getattr(c, "source", None),
                "claim": getattr(c, "text", ""),
                "kind": getattr(c, "kind", ""),
                "check": v.check,
                "status": v.status,
                "note": getattr(v, "note", None),
                "unit": v.unit,
                "explanation": v.explanation,
            }
            | num
        )
        points.append(_point(c) if geometry else None)
    df = pd.DataFrame(rows, columns=cols)
    if not geometry:
        return df
    import geopandas as gpd

    return gpd.GeoDataFrame(df, geometry=points, crs="EPSG:4326")


def _point(claim: Any) -> Any:
    try:
        return claim.point()
    except Exception:  # a claim with no usable place has no point
        return None
