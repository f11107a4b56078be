"""Self-contained maps: the JavaScript and CSS folium loads from CDNs, inlined into the page instead.

Private; :func:`frontmap.draw` uses it by default (``offline=True``).  :func:`inline` empties
the CDN lists of a :class:`folium.Map` (and of the date slider) and adds an element that writes the
shipped copies into the page's ``<head>`` as ``<script>`` and ``<style>`` blocks, so the HTML written by
``m.save()`` or ``m.get_root().render()`` requests nothing from anywhere.

The copies live in ``frontmap/assets/`` (Leaflet, Leaflet.TimeDimension and iso8601-js-period, from npm;
``SOURCES.txt`` there says which versions and licences) and are built by ``scripts/vendor_assets.py``.
They are read on first use, never at import.  Only what a map uses is inlined: Leaflet always, jQuery
when the map has a popup (folium builds popup content with ``$(...)``), the date-slider stack only
with a date slider.  Place markers in offline maps are CSS pins (:func:`frontmap.maps.kit.pin_icon`),
so no icon font, Bootstrap or Leaflet.awesome-markers is needed.  frontmap's own code (labels, side
panel, legend: ``frontmap/maps/data/frontmap.{css,js}``) is inlined into every map (:func:`own_code`).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from branca.element import Element, Figure, MacroElement
from folium.template import Template

from frontmap.maps.basemap import own_asset

#: frontmap's own code (labels, panel), in every map, from ``frontmap/maps/data``.
OWN = ("frontmap.css", "frontmap.js")
#: Shipped files inlined into every offline map, in load order.
BASE = ("leaflet.css", "leaflet.js")
#: Inlined when the map has a popup.
POPUPS = ("jquery.min.js",)
#: Shipped files the date slider needs (iso8601 before the TimeDimension plugin, which reads it).
TIMELINE = ("leaflet.timedimension.control.css", "iso8601.js", "leaflet.timedimension.min.js")


@cache
def asset(name: str) -> str:
    """The text of one shipped asset (``leaflet.js``, ...), read once."""
    return (resources.files("frontmap") / "assets" / name).read_text(encoding="utf-8")


def block(name: str) -> str:
    """``<script>`` or ``<style>`` holding the shipped file ``name``.

    The files were checked when they were built (no ``</script``, ``</style`` or ``<!--`` inside);
    the check is repeated here so a hand-edited copy cannot break the page.
    """
    return _checked(name, asset(name), "frontmap/assets")


def _checked(name: str, text: str, folder: str) -> str:
    tag = "style" if name.endswith(".css") else "script"
    lowered = text.lower()
    if f"</{tag}" in lowered or "<!--" in lowered:
        raise ValueError(f"the shipped file {folder}/{name} cannot be inlined; rebuild or fix it")
    return f"<{tag}>/* {folder}/{name} */\n{text}\n</{tag}>"


class _Raw(Element):
    """Markup written as is (a plain :class:`~branca.element.Element` would parse it as a template)."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self._name = "Raw"
        self.markup = markup

    def render(self, **kwargs: Any) -> str:
        return self.markup


class InlineAssets(MacroElement):
    """Writes the shipped files ``names`` (and jQuery if the map has popups) into the ``<head>`` of the
    page it is rendered in, and sets the attribution prefix to plain text (Leaflet's own prefix is a
    link to leafletjs.com).  Add it to the map."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
if ({{ this._parent.get_name() }}.attributionControl) {
    {{ this._parent.get_name() }}.attributionControl.setPrefix("Leaflet");
}
{% endmacro %}
"""
    )

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__()
        self._name = "InlineAssets"
        self.names = tuple(names)

    def render(self, **kwargs: Any) -> str:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("an offline map can only be rendered inside a folium Figure")
        names = self.names
        if _has_popup(self._parent):
            names = names[: len(BASE)] + POPUPS + names[len(BASE) :]
        for name in names:
            figure.header.add_child(_Raw(block(name)), name=f"frontmap_asset_{name}")
        super().render(**kwargs)
        return ""


def _has_popup(element: Any) -> bool:
    from folium import Popup

    return any(isinstance(c, Popup) or _has_popup(c) for c in element._children.values())


class OwnCode(MacroElement):
    """Writes frontmap's own CSS and JavaScript (``frontmap/maps/data/frontmap.{css,js}``: labels,
    panel, legend) into the ``<head>``; every HTML map has it, online or not."""

    def __init__(self) -> None:
        super().__init__()
        self._name = "OwnCode"

    def render(self, **kwargs: Any) -> str:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("a frontmap map can only be rendered inside a folium Figure")
        for name in OWN:
            figure.header.add_child(
                _Raw(_checked(name, own_asset(name), "frontmap/maps/data")), name=f"frontmap_{name}"
            )
        return ""


def own_code(m: Any) -> None:
    """Add frontmap's own CSS and JavaScript to ``m`` (a :class:`folium.Map`)."""
    m.add_child(OwnCode(), name="frontmap_own_code")


def inline(m: Any, timeline: Any = None) -> None:
    """Make ``m`` (a :class:`folium.Map`, and its date slider ``timeline`` if any) self-contained."""
    m.default_js, m.default_css = [], []
    names: tuple[str, ...] = BASE
    if timeline is not None:
        timeline.default_js, timeline.default_css = [], []
        names = BASE + TIMELINE
    m.add_child(InlineAssets(names), name="frontmap_offline_assets")
