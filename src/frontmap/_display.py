"""How records show themselves in a notebook: the HTML helpers of every ``_repr_html_``.

Ground level: it imports nothing of frontmap, so every stage may use it.  Everything a record puts in
its HTML goes through :func:`esc` (``html.escape``): a place or a sentence holding ``<script>`` or ``&``
comes out as text, never as markup.  Numbers are rounded for people (:func:`number`): no
``1.907349e-12 km²`` (overlay noise is 0), thousands separated, a sensible number of digits.

>>> esc('<b>"Kyiv" & co</b>')
'&lt;b&gt;&quot;Kyiv&quot; &amp; co&lt;/b&gt;'
>>> number(1.907349e-12, "km²"), number(6012.4, "km²"), number(72.34, "km"), number(0.2, "%")
('0 km²', '6,012 km²', '72.3 km', '0.2 %')
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "KM2_NOISE",
    "chip",
    "colour",
    "esc",
    "highlight",
    "html_table",
    "number",
    "people_round",
    "side_colour",
    "status_colour",
    "svg_shapes",
]

#: Areas below this (km², a square metre) are the noise of polygon overlay, shown and tabled as 0.
KM2_NOISE = 1e-6
#: The maps' style table, whose colours these displays use too (read as data: nothing is imported).
STYLE_TABLE = Path(__file__).parent / "maps" / "data" / "style.json"
_BOX = "font-family:sans-serif;font-size:13px;line-height:1.45"


@cache
def _table() -> dict[str, Any]:
    return dict(json.loads(STYLE_TABLE.read_text(encoding="utf-8")))


def _layers() -> tuple[dict[str, Any], dict[str, str]]:
    return _table()["layers"], _table()["marker_colours"]


def side_colour(side: Any) -> str:
    """The fill of a side's ground (``"occupied"`` red, ``"ukraine"`` blue, others the first spare)."""
    sides = _table()["sides"]
    key = str(side).strip().lower()
    key = sides["aliases"].get(key, key)
    found = sides.get(key)
    return found if isinstance(found, str) and key != "about" else str(sides["others"][0])


def colour(name: str, key: str = "stroke") -> str:
    """The colour of the maps' style entry ``name`` (``"check.consistent"``, ``"distance"``,
    ``"place.settlement"``: a place's is its marker's), so a notebook shows what the map shows.

    >>> colour("check.inconsistent")
    '#c62828'
    """
    layers, markers = _layers()
    entry = layers.get(name) or layers["place.other"]
    if "marker" in entry and key != "text":
        return str(markers.get(entry["marker"], markers["gray"]))
    return str(entry.get(key) or entry.get("fill") or entry.get("stroke") or markers["gray"])


def status_colour(status: str) -> str:
    """The colour of a verdict's status (``check.<status>`` in the style table)."""
    return colour(f"check.{status}" if status in ("consistent", "inconsistent") else "check.unverifiable")


def esc(x: Any) -> str:
    """``str(x)`` escaped for HTML text and attribute values (quotes too)."""
    return html.escape("" if x is None else str(x), quote=True)


def people_round(x: float, noise: float = KM2_NOISE) -> float:
    """``x`` with float noise removed: 0.0 below ``noise`` (in absolute value), else ``x``.

    >>> people_round(1.907349e-12), people_round(-3e-9), people_round(12.5)
    (0.0, 0.0, 12.5)
    """
    return 0.0 if abs(x) < noise else x


def number(x: Any, unit: str = "", digits: int | None = None, signed: bool = False) -> str:
    """A number as a reader wants it: ``6,012 km²``, ``72.3 km``, ``0 km²`` for noise, ``–`` for none.

    Without ``digits``: no decimals from 100 up, one below, two significant under 1."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if isinstance(x, bool) or not isinstance(x, int | float):
        return esc(x)
    v = people_round(float(x))
    sign = "+" if signed and v else ""
    if digits is None and 0 < abs(v) < 1:
        return f"{v:{sign}.2g} {unit}".rstrip()  # two significant digits
    if digits is None:
        digits = 0 if abs(v) >= 100 or v.is_integer() else 1
    text = f"{v:{sign},.{digits}f}"
    return f"{text} {unit}".rstrip()


def chip(text: str, colour: str, title: str = "") -> str:
    """A small coloured label (a verdict's status): white text on ``colour``."""
    tip = f' title="{esc(title)}"' if title else ""
    return (
        f'<span style="background:{esc(colour)};color:#fff;border-radius:3px;padding:1px 6px;'
        f'font-size:12px;white-space:nowrap"{tip}>{esc(text)}</span>'
    )


def html_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "") -> str:
    """A small table; cells are escaped unless they are :class:`Markup`."""
    head = "".join(f'<th style="text-align:left;padding:2px 8px">{esc(h)}</th>' for h in headers)
    cell = '<td style="padding:2px 8px;white-space:nowrap;vertical-align:top">'
    body = "".join("<tr>" + "".join(f"{cell}{_cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    cap = f'<caption style="text-align:left;font-weight:bold">{esc(caption)}</caption>' if caption else ""
    return f'<table style="{_BOX};border-collapse:collapse">{cap}<tr>{head}</tr>{body}</table>'


class Markup(str):
    """Text that is already HTML (built by these helpers): :func:`html_table` leaves it as it is."""


def _cell(c: Any) -> str:
    return str(c) if isinstance(c, Markup) else esc(c)


def box(title: str, body: str) -> str:
    """A titled block: ``title`` (escaped) in bold over ``body`` (HTML)."""
    return (
        f'<div style="{_BOX}"><div style="font-weight:bold;margin-bottom:4px">{esc(title)}</div>{body}</div>'
    )


def highlight(text: str, spans: Iterable[tuple[int, int, str, str]], limit: int = 20_000) -> str:
    """``text`` escaped, with each ``(start, end, colour, title)`` span marked in its colour.

    A span inside another is marked inside it (a place within a claim); a span that only partly
    overlaps an earlier one is left plain.  Text beyond ``limit`` characters is cut with an ellipsis.

    >>> highlight("a <b> c", [(2, 5, "#ff0000", "tag")]).count("&lt;b&gt;</mark>")
    1
    """
    cut = len(text) > limit
    ordered = sorted((s for s in spans if 0 <= s[0] < s[1] <= limit), key=lambda s: (s[0], -s[1]))
    inner = _marked(text, ordered, 0, min(len(text), limit))
    return f'<div style="{_BOX};white-space:pre-wrap;max-width:60em">{inner}{" …" if cut else ""}</div>'


def _marked(text: str, spans: list[tuple[int, int, str, str]], lo: int, hi: int) -> str:
    out, pos, i = [], lo, 0
    while i < len(spans):
        start, end, colour, title = spans[i]
        i += 1
        if start < pos or end > hi:
            continue
        nested = []
        while i < len(spans) and spans[i][0] < end:
            if spans[i][1] <= end:
                nested.append(spans[i])
            i += 1
        out.append(esc(text[pos:start]))
        out.append(
            f'<mark style="background:{esc(colour)}22;border-bottom:2px solid {esc(colour)};color:inherit;'
            f'padding:0 1px" title="{esc(title)}">{_marked(text, nested, start, end)}</mark>'
        )
        pos = end
    out.append(esc(text[pos:hi]))
    return "".join(out)


# ------------------------------------------------------------------------------------------ a map
def svg_shapes(
    layers: Sequence[tuple[Any, str, float]],
    width: int = 260,
    height: int = 200,
    background: Any = None,
    frame: Any = None,
) -> str:
    """A small inline SVG of shapely (Multi)Polygons in lon/lat: ``layers`` of (geometry, colour,
    fill opacity), drawn in order over ``background`` (land, outlined in grey) on a sea-blue ground;
    east-west scaled by the cosine of the middle latitude so that shapes keep their proportions.
    Framed on the layers and ``frame`` (a geometry), or on ``background`` when there is nothing else.
    Empty layers are skipped."""
    shapes = [(g, ink, a) for g, ink, a in layers if g is not None and not g.is_empty]
    framed = [g for g, _, _ in shapes] + ([frame] if frame is not None and not frame.is_empty else [])
    frame = framed or ([background] if background is not None else [])
    if not frame:
        return ""
    w = min(g.bounds[0] for g in frame)
    s = min(g.bounds[1] for g in frame)
    e = max(g.bounds[2] for g in frame)
    n = max(g.bounds[3] for g in frame)
    k = max(math.cos(math.radians((s + n) / 2)), 0.05)
    pad = 0.06 * max((e - w) * k, n - s, 1e-6)
    x0, y0, dx, dy = w * k - pad, -n - pad, (e - w) * k + 2 * pad, (n - s) + 2 * pad
    pixel = max(dx / width, dy / height)  # one pixel, in degrees: finer detail is not drawn
    shapes = [(g.simplify(pixel), c, a) for g, c, a in shapes]
    if background is not None:
        background = background.simplify(pixel)

    def path(g: Any) -> str:
        parts = []
        for poly in getattr(g, "geoms", [g]):
            if poly.geom_type != "Polygon":
                continue
            for ring in (poly.exterior, *poly.interiors):
                pts = " ".join(f"{x * k:.4f},{-y:.4f}" for x, y in ring.coords)
                parts.append(f"M{pts}Z")
        return " ".join(parts)

    body = []
    if background is not None and not background.is_empty:
        body.append(
            f'<path d="{path(background)}" fill="{colour("base.ukraine", "fill")}" '
            f'stroke="{colour("base.ukraine")}" stroke-width="{dx / 400:.4f}"/>'
        )
    for g, ink, alpha in shapes:
        body.append(
            f'<path d="{path(g)}" fill="{esc(ink)}" fill-opacity="{alpha}" stroke="{esc(ink)}" '
            f'stroke-width="{dx / 300:.4f}" fill-rule="evenodd"/>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="{x0:.4f} {y0:.4f} {dx:.4f} {dy:.4f}" preserveAspectRatio="xMidYMid meet" '
        f'style="background:{colour("base.sea", "fill")};border:1px solid {colour("frame")}">'
        f"{''.join(body)}</svg>"
    )
