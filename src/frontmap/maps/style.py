"""The style table of both map renderers: ``frontmap/maps/data/style.json``, one entry per layer.

Folium (:mod:`frontmap.maps.layers`) and matplotlib (:mod:`frontmap.maps.static`) read their colours,
opacities, line widths, dashes, marker sizes and legend labels from here, so a layer looks the same in
an HTML map and in a PNG, SVG or PDF.  Sizes are CSS pixels as Leaflet takes them; static maps scale them
by ``units.points_per_px`` (:attr:`Style.lw`, :attr:`Style.ms`, :meth:`Style.dashes`).  An entry's
``print`` object overrides some of its keys for static maps only (:meth:`Style.printed`).

The table is read on first use, never at import.

>>> style("gained").fill == style("gained").leaflet()["fillColor"]
True
>>> place_style("settlement").fill == marker_colour(place_style("settlement").marker)
True
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "Style",
    "marker_colour",
    "place_style",
    "points_per_px",
    "side_colours",
    "side_key",
    "status_style",
    "style",
]

_HEX = re.compile(r"#[0-9a-f]{6}")
_COLOURS = ("fill", "stroke", "text")
_NUMBERS = ("fill_opacity", "opacity", "weight", "radius")
_TEXTS = ("dash", "hatch", "marker", "icon", "symbol", "label", "about")


@dataclass(frozen=True, slots=True)
class Style:
    """One entry of the table.  Colours are ``#rrggbb``; ``weight``, ``radius`` and ``dash`` are pixels."""

    name: str
    fill: str | None = None
    stroke: str | None = None
    text: str | None = None
    fill_opacity: float = 1.0
    opacity: float = 1.0
    weight: float = 1.0
    radius: float = 5.0
    dash: str | None = None  # a CSS dash array, "6 4"
    hatch: str | None = None  # static maps only (matplotlib hatch pattern)
    marker: str | None = None  # awesome-marker colour name (places)
    icon: str | None = None  # Font Awesome icon (places)
    symbol: str = "o"  # matplotlib marker (static maps)
    label: str = ""  # legend text; {fields} filled by :meth:`legend`
    overrides: tuple[tuple[str, Any], ...] = field(default=(), repr=False)

    # ---------------------------------------------------------------------------------- building
    def coloured(self, colour: str) -> Style:
        """This style with ``colour`` as both fill and stroke (a side's or a status's colour)."""
        return dataclasses.replace(self, fill=colour, stroke=colour)

    def but(self, **changes: Any) -> Style:
        return dataclasses.replace(self, **changes)

    def legend(self, **fields: Any) -> str:
        """The legend label, its ``{fields}`` filled in (missing ones are empty)."""
        return self.label.format_map(_Blank(fields))

    # ------------------------------------------------------------------------------------ folium
    def leaflet(self) -> dict[str, Any]:
        """Leaflet path options (GeoJSON ``style_function`` / CircleMarker keys)."""
        out: dict[str, Any] = {"color": self.stroke or self.fill, "weight": self.weight}
        if self.opacity != 1.0:
            out["opacity"] = self.opacity
        if self.fill:
            out["fillColor"] = self.fill
        # no fill colour means no fill (Leaflet would fill a polygon at 0.2 by default)
        out["fillOpacity"] = self.fill_opacity if self.fill else 0
        if self.dash:
            out["dashArray"] = self.dash
        return out

    # --------------------------------------------------------------------------------- matplotlib
    def printed(self) -> Style:
        """This style with its ``print`` overrides (static maps)."""
        return dataclasses.replace(self, **dict(self.overrides), overrides=()) if self.overrides else self

    @property
    def lw(self) -> float:
        """Line width in points."""
        return self.weight * points_per_px()

    @property
    def ms(self) -> float:
        """Marker size (diameter) in points."""
        return 2 * self.radius * points_per_px()

    def dashes(self) -> Any:
        """A matplotlib line style: ``"-"``, or ``(0, (on, off, ...))`` in units of the line width
        (matplotlib scales dash patterns by it), so that the dashes have their pixel lengths scaled."""
        if not self.dash:
            return "-"
        lw = max(self.lw, 1e-6)
        return (0, tuple(float(x) * points_per_px() / lw for x in self.dash.split()))


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


# --------------------------------------------------------------------------------------- the table
@cache
def _table() -> dict[str, Any]:
    text = (resources.files("frontmap.maps") / "data" / "style.json").read_text(encoding="utf-8")
    table = json.loads(text)
    markers = set(table["marker_colours"]) - {"about"}
    for name, entry in table["layers"].items():
        _validate(name, entry, markers)
    return table


def _validate(name: str, entry: dict[str, Any], markers: set[str]) -> None:
    """Refuse typos in the table: unknown keys, colours that are not ``#rrggbb``, unknown markers."""
    known = {*_COLOURS, *_NUMBERS, *_TEXTS, "print"}
    for key, value in [*entry.items(), *entry.get("print", {}).items()]:
        if key not in known:
            raise ValueError(f"style.json: {name!r} has an unknown key {key!r}")
        if key in _COLOURS and not _HEX.fullmatch(str(value)):
            raise ValueError(f"style.json: {name}.{key} must be #rrggbb (lower case), not {value!r}")
    if "marker" in entry and entry["marker"] not in markers:
        raise ValueError(f"style.json: {name!r} uses an unknown marker colour {entry['marker']!r}")


@cache
def style(name: str) -> Style:
    """The entry ``name`` of the table (``"gained"``, ``"check.line"``, ``"place.settlement"`` ...)."""
    try:
        entry = dict(_table()["layers"][name])
    except KeyError:
        raise LookupError(f"no style {name!r} in frontmap/maps/data/style.json") from None
    entry.pop("about", None)
    overrides = tuple(sorted(entry.pop("print", {}).items()))
    if "marker" in entry:  # a place: its colour is its awesome marker's
        entry.setdefault("fill", marker_colour(entry["marker"]))
        entry.setdefault("stroke", entry["fill"])
    return Style(name, overrides=overrides, **entry)


def place_style(kind: str) -> Style:
    """The style of a place of ``kind`` (``settlement``, ``region`` ...; others: ``place.other``)."""
    try:
        return style(f"place.{kind}")
    except LookupError:
        return style("place.other")


def status_style(status: str) -> Style:
    """The colours of a check's status (``consistent``, ``inconsistent``; anything else: unverifiable)."""
    try:
        return style(f"check.{status}")
    except LookupError:
        return style("check.unverifiable")


def marker_colour(name: str) -> str:
    """The hex colour of the awesome marker ``name`` (``"blue"`` ...); ``gray``'s for unknown names."""
    markers = _table()["marker_colours"]
    return str(markers.get(name, markers["gray"]))


@cache
def points_per_px() -> float:
    return float(_table()["units"]["points_per_px"])


def side_colours(sides: Iterable[Any]) -> dict[str, str]:
    """``{side: colour}`` for the sides given (case-insensitive keys): the occupied side red, Ukraine blue
    (and their aliases), other sides the table's ``others`` in order of appearance."""
    table = _table()["sides"]
    aliases, others = table["aliases"], table["others"]
    out: dict[str, str] = {}
    n = 0
    for side in sides:
        key = side_key(side)
        if key in out:
            continue
        key_ = aliases.get(key, key)
        if key_ != "about" and isinstance(table.get(key_), str):
            out[key] = table[key_]
        else:
            out[key] = others[n % len(others)]
            n += 1
    return out


def side_key(side: Any) -> str:
    return str(side).strip().lower()
