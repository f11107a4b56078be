"""The basemap of HTML maps, drawn from the gazetteer's own data (no tile server): sea and land,
Ukraine and its oblasts, seas, lakes and reservoirs, the main rivers, and permanent labels (oblast,
country and sea names) placed without collisions by ``frontmap.js``.  Private; used by
:func:`frontmap.draw`.

Everything comes from the data frontmap ships (Natural Earth countries and first-level units, rivers,
lakes and seas; see ``frontmap/gazetteer/data/SOURCES.txt``), simplified to about 1-3 km and cut to
the theatre, and is built once per process.  The sea is the map's background colour; land is painted
over it, then water bodies and rivers.  The layer sits in its own pane under the tile pane, so web
tiles, when a reader switches them on, cover it.

Labels of all kinds (these and the story's places, :mod:`frontmap.maps.layers`) are markers in the
pane ``fm-labels``; ``frontmap.js`` lays them out after every zoom, most important first, and hides
those that would overlap (the same greedy rule as :mod:`frontmap.maps.labels` for static maps).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from branca.element import MacroElement
from folium.map import Layer
from folium.template import Template

from frontmap.errors import FrontmapError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.maps import kit as L
from frontmap.maps.style import style

__all__ = ["LAND_BOX", "PRIORITY", "Basemap", "LabelSet", "basemap_data", "own_asset"]

#: (west, south, east, north): land, water and rivers are cut to this box (the theatre and around).
LAND_BOX = (12.0, 37.0, 56.0, 61.0)
#: Where country and sea names are placed: the representative point of their part in this box.
LABEL_BOX = (21.0, 42.5, 42.0, 54.0)
#: Simplification tolerances, degrees: Ukraine and its oblasts, water, the other countries.
FINE, COARSE = 0.01, 0.025
#: Oblasts smaller than this (km², about) get no name (Kyiv City, Sevastopol).
MIN_LABELLED_DEG2 = 0.5
#: Layout priority of each label class; the story's places rank above all of these.
PRIORITY = {"country": 30.0, "sea": 25.0, "oblast": 10.0}
#: Countries named on the basemap (the neighbours a reader orients by).
NAMED_COUNTRIES = ("RU", "BY", "PL", "SK", "HU", "RO", "MD", "TR", "GE", "BG", "LT")
#: The basemap's sources, shown in the map's attribution (plain text).
CREDIT = "Basemap: Natural Earth; places: GeoNames (CC BY 4.0), frontmap gazetteer"
_BASE_KINDS = ("land", "ukraine", "oblast", "water", "river")


# ------------------------------------------------------------------------------------------ data
@cache
def basemap_data() -> dict[str, Any] | None:
    """``{"shapes": FeatureCollection, "labels": [...], "styles": {...}}``; None without a gazetteer."""
    try:
        return _build(Gazetteer())
    except (ImportError, FrontmapError, OSError, AttributeError, ValueError):
        return None


def _build(gaz: Gazetteer) -> dict[str, Any]:
    from shapely.geometry import box

    land_box, label_box = box(*LAND_BOX), box(*LABEL_BOX)
    feats: list[dict[str, Any]] = []
    labels: list[dict[str, Any]] = []

    def add(geom: Any, kind: str, tolerance: float) -> None:
        g = geom.intersection(land_box).simplify(tolerance, preserve_topology=True)
        if not g.is_empty:
            feats.append(L.feature(g, 3, k=kind))

    ukraine = gaz.country("UA")
    for country in gaz.places(kind="country"):
        g = country.geometry
        if country.id == ukraine.id or g is None or not g.intersects(land_box):
            continue
        add(g, "land", COARSE)
        if country.country in NAMED_COUNTRIES:
            _area_label(labels, country.name, g.intersection(label_box), "country")
    add(ukraine.geometry, "ukraine", FINE)
    for region in gaz.regions("UA"):
        add(region.geometry, "oblast", FINE)
        if region.geometry.area >= MIN_LABELLED_DEG2:
            labels.append(_label(region.name, region.lat, region.lon, "oblast"))
    for kind in ("sea", "lake"):
        for water in gaz.places(kind=kind):
            # a lake known only by its point (the register's) is no shape to draw
            g = water.geometry
            if g is not None and g.geom_type != "Point" and g.intersects(land_box):
                add(water.geometry, "water", FINE)
                if kind == "sea":
                    _area_label(labels, water.name, water.geometry.intersection(label_box), "sea")
    for river in gaz.places(kind="river"):
        g = river.geometry
        if g is not None and g.geom_type != "Point" and g.intersects(land_box):
            add(g, "river", FINE)
    styles = {k: style(f"base.{k}").leaflet() | {"interactive": False} for k in _BASE_KINDS}
    return {"shapes": L.collection(feats), "labels": labels, "styles": styles, "credit": L.esc(CREDIT)}


def _label(text: str, lat: float, lon: float, kind: str, priority: float | None = None) -> dict[str, Any]:
    p = PRIORITY.get(kind, 0.0) if priority is None else priority
    return {"t": L.esc(text), "at": [round(lat, 4), round(lon, 4)], "c": kind, "p": p}


def _area_label(labels: list[dict[str, Any]], name: str, part: Any, kind: str) -> None:
    if part.is_empty:
        return
    if part.geom_type == "MultiPolygon":  # the largest piece, not a point between pieces
        part = max(part.geoms, key=lambda g: g.area)
    pt = part.representative_point()
    labels.append(_label(name, pt.y, pt.x, kind))


# ----------------------------------------------------------------------------- the page's own code
@cache
def own_asset(name: str) -> str:
    """``frontmap.js`` or ``frontmap.css`` from ``frontmap/maps/data`` (colours filled in for CSS)."""
    text = (resources.files("frontmap.maps") / "data" / name).read_text(encoding="utf-8")
    if name.endswith(".css"):
        halo = style("label.place").stroke or ""

        def colour(match: re.Match[str]) -> str:
            key = match.group(1)
            if key == "halo":
                return halo
            st = style(key)
            return st.text or st.fill or st.stroke or ""

        text = re.sub(r"\$([a-z.]+)\$", colour, text)
    return text


# ---------------------------------------------------------------------------------------- elements
class Basemap(Layer):
    """The basemap layer (creates the panes the other frontmap layers use: add it first)."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
    var map = {{ this._parent.get_name() }};
    frontmap.panes(map);
    var data = {{ this.data }};
    var base = L.geoJSON(data.shapes, {pane: "fm-base", interactive: false, attribution: data.credit,
        style: function (f) { return data.styles[f.properties.k]; }});
    var labels = data.labels.map(function (s) { return frontmap.label(map, s); });
    return L.layerGroup([base].concat(labels));
})();
{% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
{% endmacro %}
"""
    )

    def __init__(self, data: dict[str, Any], name: str = "Basemap") -> None:
        super().__init__(name=L.esc(name), overlay=True, control=True, show=True)
        self._name = "Basemap"
        self.data = L.script_json(data)


class LabelSet(MacroElement):
    """Permanent labels (``[{t, at, c, p, pin}]``, texts already escaped) added to the layer it is a
    child of, so they come and go with it."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
    var map = {{ this._parent._parent.get_name() }}, group = {{ this._parent.get_name() }};
    frontmap.panes(map);
    {{ this.data }}.forEach(function (s) { frontmap.label(map, s).addTo(group); });
})();
{% endmacro %}
"""
    )

    def __init__(self, specs: list[dict[str, Any]]) -> None:
        super().__init__()
        self._name = "LabelSet"
        self.data = L.script_json(specs)
