"""The boxes beside an HTML map: the legend (bottom right) and the side panel (top left) with the sizes
the story states, drawn to scale against a territory a reader knows, the places too far away to draw,
and a one-line note of what was left out.  Every box can be collapsed.  Private; used by
:func:`frontmap.draw`.

A stated area without a place ("the reservoir covered about 2,150 square kilometres") or a share
("a fifth of the country") is a size, not a location: instead of a disk somewhere on the map, the panel
shows a disk of that area inside a disk of the area of the territory it is compared with (the oblast of
the places involved, else Ukraine), both to the same scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from branca.element import MacroElement
from folium.template import Template

from frontmap.errors import FrontmapError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import area_km2
from frontmap.maps import kit as L
from frontmap.maps.places import Elsewhere, quote_list
from frontmap.maps.scene import territory_of
from frontmap.maps.style import status_style, style

__all__ = ["Legend", "Panel", "Size", "size_of"]

#: Radius in pixels of the reference disk of a size comparison.
REFERENCE_PX = 26
#: The sizes section starts open when it has at most this many rows.
OPEN_SIZES = 2
#: Left-out items named in the panel before "and N more".
SHOWN_SKIPS = 12


@dataclass(frozen=True)
class Size:
    """A stated area and what it is compared with (km²; ``reference`` None when nothing is known)."""

    text: str  # the claim's text
    km2: float
    reference: str | None
    reference_km2: float | None
    provenance: str  # escaped
    claim: Any = field(default=None, compare=False, repr=False)


@cache
def _unit_area(name: str) -> tuple[str, float] | None:
    """``(name, km²)`` of Ukraine (``"UA"``) or of one of its oblasts, by name; None if unknown."""
    try:
        gaz = Gazetteer()
        units = [gaz.country("UA")] if name == "UA" else [r for r in gaz.regions("UA") if r.name == name]
        return (units[0].name, area_km2(units[0].geometry)) if units else None
    except (ImportError, FrontmapError, OSError, AttributeError, ValueError):
        return None


def _reference(claim: Any) -> tuple[str, float] | None:
    territory = territory_of(claim)
    if territory is not None:
        try:
            return territory.name, area_km2(territory.geometry)
        except (FrontmapError, ValueError, AttributeError):
            return None
    places = [p for p in (getattr(claim, "subject", None), *(getattr(claim, "places", ()) or ())) if p]
    oblasts = [p.admin1 for p in places if isinstance(p, Place) and p.admin1 and p.country == "UA"]
    if oblasts:
        found = _unit_area(max(set(oblasts), key=oblasts.count))
        if found is not None:
            return found
    return _unit_area("UA")


def size_of(claim: Any) -> Size | None:
    """The size an area or share claim states, with its reference territory; None when it states none."""
    kind = getattr(claim, "kind", "")
    km2: float | None = None
    if kind == "area":
        km2 = float(getattr(claim, "km2", 0) or 0)
    elif kind == "share":
        of = getattr(claim, "of", None)
        value = float(getattr(claim, "value", 0) or 0)
        if isinstance(of, Place) and of.geometry is not None and 0 < value <= 1:
            try:
                km2 = value * area_km2(of.geometry)
            except (FrontmapError, ValueError, AttributeError):
                km2 = None
    if not km2 or not math.isfinite(km2) or km2 <= 0:
        return None
    ref = _reference(claim)
    prov = L.provenance(getattr(claim, "source", None), getattr(claim, "published", None))
    return Size(claim.text, km2, ref[0] if ref else None, ref[1] if ref else None, prov, claim)


def _disks(size: Size) -> str:
    """An SVG: the reference territory's area and the stated area as disks to one scale."""
    ref, disk = style("size.reference"), style("size.disk")
    big = float(REFERENCE_PX)
    if size.reference_km2 and size.reference_km2 > 0:
        r = big * math.sqrt(size.km2 / size.reference_km2)
        if r > big:  # larger than the reference: scale the stated one to the box instead
            big, r = big * big / r, big
    else:
        r = big * 0.6
    r = max(r, 1.5)
    side = 2 * REFERENCE_PX + 4
    cy = side / 2
    return (
        f'<svg width="{side}" height="{side}" viewBox="0 0 {side} {side}" role="img">'
        f'<circle cx="{cy}" cy="{cy}" r="{big:.1f}" fill="{ref.fill}" stroke="{ref.stroke}" '
        f'stroke-width="{ref.weight}"/>'
        f'<circle cx="{cy}" cy="{cy + big - r:.1f}" r="{r:.1f}" fill="{disk.fill}" '
        f'fill-opacity="{disk.fill_opacity}" stroke="{disk.stroke}" stroke-width="{disk.weight}"/></svg>'
    )


def _verdicts(check: Any) -> str:
    """The status of a size's check, coloured, its explanations on request."""
    colour = status_style(check.status).stroke
    items = "".join(
        f"<li>{L.esc(getattr(v, 'check', 'check'))}: {L.esc(v.status)}. "
        f"{L.esc(L.clip(getattr(v, 'explanation', ''), 300))}</li>"
        for v in check.verdicts
    )
    head = f"<summary style='color:{colour}'>check: {L.esc(check.status)}</summary>"
    return f"<details>{head}<ul>{items}</ul></details>"


def _size_row(size: Size, check: Any = None) -> str:
    text = f"<b>{L.esc(L.clip(size.text, 90))}</b>: {L.fmt_km(size.km2)} km²"
    if size.reference and size.reference_km2:
        share = 100.0 * size.km2 / size.reference_km2
        pct = f"{share:.0f}" if share >= 1 else f"{share:.1f}".rstrip("0").rstrip(".")
        text += f", {pct}% of {L.esc(size.reference)} ({L.fmt_km(size.reference_km2)} km²)"
    if size.provenance:
        text += f" <i>— {size.provenance}</i>"
    if check is not None:
        text += _verdicts(check)
    return f'<div class="fm-size">{_disks(size)}<div>{text}</div></div>'


def _elsewhere_rows(elsewhere: Elsewhere) -> list[str]:
    rows = []
    for place, quotes in elsewhere.places:
        where = ", ".join(x for x in (place.kind, place.country) if x)
        n = f" · {len(quotes)} sentence(s)" if quotes else ""
        body = "".join(quote_list(quotes)) or "<span class='fm-note'>given as such</span>"
        rows.append(
            f"<details><summary>{L.esc(place.name)} "
            f"<small class='fm-note'>({L.esc(where)}{n})</small></summary>{body}</details>"
        )
    return rows


_PANEL = Template(
    """
{% macro html(this, kwargs) %}
<div class="fm-panel">{{ this.body }}</div>
{% endmacro %}
"""
)


class Panel(MacroElement):
    """The side panel: sizes stated, places not drawn, what was left out (all collapsible)."""

    _template = _PANEL

    def __init__(self, sizes: list[Size], elsewhere: Elsewhere, skipped: list[str], checks: Any = ()) -> None:
        super().__init__()
        self._name = "Panel"
        parts = []
        if sizes:
            by_claim = {id(ch.claim): ch for ch in checks}
            rows = "".join(_size_row(s, by_claim.get(id(s.claim))) for s in sizes)
            is_open = " open" if len(sizes) <= OPEN_SIZES else ""
            parts.append(
                f"<details{is_open}><summary>Sizes stated ({len(sizes)})</summary>"
                "<div class='fm-note'>Sizes, not places: each disk has the stated area, inside the "
                f"territory it is compared with.</div>{rows}</details>"
            )
        if elsewhere.places:
            names = ", ".join(L.esc(p.name) for p, _ in elsewhere.places[:4])
            more = f" and {len(elsewhere.places) - 4} more" if len(elsewhere.places) > 4 else ""
            parts.append(
                f"<details><summary>Not on the map: {names}{more}</summary>"
                f"{''.join(_elsewhere_rows(elsewhere))}</details>"
            )
        if skipped:
            items = "".join(f"<li>{L.esc(L.clip(s, 300))}</li>" for s in skipped[:SHOWN_SKIPS])
            more = f"<i>and {len(skipped) - SHOWN_SKIPS} more</i>" if len(skipped) > SHOWN_SKIPS else ""
            parts.append(
                f"<details><summary class='fm-note'>{len(skipped)} item(s) left out</summary>"
                f"<ul>{items}</ul>{more}</details>"
            )
        self.body = "".join(parts)
        self.empty = not parts

    def render(self, **kwargs: Any) -> str:
        if not self.empty:
            super().render(**kwargs)
        return ""


_LEGEND = Template(
    """
{% macro html(this, kwargs) %}
<details class="frontmap-legend" open><summary>{{ this.title }}</summary>
{% for swatch, label in this.rows %}<div class="fm-row">
<span class="fm-swatch">{{ swatch }}</span><span>{{ label }}</span></div>
{% endfor %}{% if this.note %}
<div class="fm-note" style="color: {{ this.note_colour }}">{{ this.note }}</div>{% endif %}
</details>
{% endmacro %}
"""
)


class Legend(MacroElement):
    """A small legend box that can be collapsed.  ``rows`` are ``(swatch_html, label)``; labels are
    escaped here, swatches are markup built by :func:`frontmap.maps.kit.swatch` from fixed colours.
    Rows with the same label are shown once."""

    _template = _LEGEND

    def __init__(self, rows: list[tuple[str, str]], title: str = "Legend", note: str = "") -> None:
        super().__init__()
        self._name = "Legend"
        self.rows = [(s, L.esc(label)) for s, label in _grouped(rows)]
        self.title = L.esc(title)
        self.note = L.esc(note)
        self.note_colour = style("legend").text


#: Legend labels "prefix: what" sharing a prefix are merged into one row: "prefix: a, b, c".
GROUPED = ("place mentioned", "check")


def _grouped(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Rows with the same label once, and rows of a :data:`GROUPED` prefix merged into one."""
    out: list[tuple[str, str]] = []
    merged: dict[str, int] = {}  # prefix -> index in out
    names: dict[str, list[str]] = {}
    for swatch, label in rows:
        prefix, _, what = label.partition(": ")
        if prefix in GROUPED and what:
            if prefix not in merged:
                merged[prefix] = len(out)
                names[prefix] = []
                out.append(("", ""))
            i = merged[prefix]
            if what not in names[prefix]:
                names[prefix].append(what)
                out[i] = (out[i][0] + swatch, f"{prefix}: {', '.join(names[prefix])}")
        elif all(label != existing for _, existing in out):
            out.append((swatch, label))
    return out
