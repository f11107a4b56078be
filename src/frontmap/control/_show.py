"""How control maps and changes show themselves in a notebook: a small map and the figures.

The map is an inline SVG (:func:`frontmap._display.svg_shapes`): the held area (or the ground gained
and lost) over Ukraine's outline, in the maps' colours.  Areas are geodesic km², rounded for people.
"""

from __future__ import annotations

from typing import Any

from frontmap._display import box, colour, html_table, number, side_colour, svg_shapes
from frontmap.control.measure import _default_country
from frontmap.errors import FrontmapError

__all__ = ["change_html", "controlmap_html"]


def _ukraine() -> Any:
    try:
        return _default_country()
    except (FrontmapError, LookupError):
        return None


def _beside(table: str, layers: list[tuple[Any, str, float]], whole: bool) -> str:
    """The table with the small map to its right (``whole``: framed on all of Ukraine)."""
    ukraine = _ukraine()
    svg = svg_shapes(layers, background=ukraine, frame=ukraine if whole else None)
    return f'<div style="display:flex;gap:16px;align-items:flex-start">{table}{svg}</div>'


def controlmap_html(cm: Any) -> str:
    """The held area on a small map, with date, side, area, share of Ukraine and provenance."""
    rows: list[tuple[str, Any]] = [
        ("date", cm.date.isoformat() if cm.date else "undated"),
        ("side", cm.side),
        ("area", number(cm.area_km2(), "km²")),
    ]
    try:
        rows.append(("share of Ukraine", number(100 * cm.share_of("Ukraine"), "%", digits=2)))
    except (FrontmapError, LookupError, ValueError):
        pass
    rows += [("name", cm.name or ""), ("source", cm.source or "")]
    if cm.repairs:
        rows.append(("repairs", f"{len(cm.repairs)} (see .repairs)"))
    if cm.skipped:
        rows.append(("features skipped", len(cm.skipped)))
    title = f"ControlMap {cm.name or ''} ({cm.date.isoformat() if cm.date else 'undated'})"
    return box(
        title, _beside(html_table(("", ""), rows), [(cm.geometry, side_colour(cm.side), 0.45)], whole=True)
    )


def change_html(ch: Any) -> str:
    """Ground gained and lost on a small map, with the areas."""
    span = " to ".join(d.isoformat() if d else "undated" for d in (ch.before, ch.after))
    rows = [
        ("side", ch.side),
        ("gained", number(ch.gained_km2, "km²")),
        ("lost", number(ch.lost_km2, "km²")),
        ("net", number(ch.net_km2, "km²", signed=True)),
    ]
    layers = [(ch.gained, colour("gained"), 0.55), (ch.lost, colour("lost"), 0.55)]
    return box(f"Change, {span}", _beside(html_table(("", ""), rows), layers, whole=False))
