"""Building blocks of :func:`frontmap.draw`: escaping, compact GeoJSON, one builder per map layer,
the legend and the date slider.  Private: the public entry point is :mod:`frontmap.maps`.

Safety rule for everything here: text that comes from an article, a file name or a record reaches
the page only through :func:`esc`, which HTML-escapes it *and* neutralises the characters that
matter inside the JavaScript template literals folium wraps tooltips and popups in (backtick,
``$``, backslash).  JSON embedded in a ``<script>`` block escapes ``<``, ``>`` and ``&``.
Leaflet inserts layer names with ``innerHTML``, so layer names go through :func:`esc` too.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import math
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Any

import folium
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

from frontmap.maps.style import marker_colour, style

#: Decimal places kept in coordinates (5 ≈ 1 m).
DECIMALS = 5

MAX_TEXT = 400


# ------------------------------------------------------------------------------------------- text
def esc(text: Any) -> str:
    """HTML-escape ``text`` for a popup, tooltip, legend or layer name.

    Besides ``& < > " '`` it replaces the backtick, ``$``, backslash and braces with character
    references, so the text stays inert inside the JavaScript template literals folium emits.

    >>> esc("<b>`$x`</b>")
    '&lt;b&gt;&#96;&#36;x&#96;&lt;/b&gt;'
    """
    s = html.escape(str(text), quote=True)
    for ch in "`$\\{}":  # as decimal character references: &#96; &#36; &#92; and the braces
        s = s.replace(ch, f"&#{ord(ch)};")
    return s


def clip(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` with whitespace collapsed, cut to ``limit`` characters with an ellipsis."""
    t = " ".join(str(text).split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


def tooltip(text: str) -> folium.Tooltip:
    return folium.Tooltip(esc(clip(text, 160)), sticky=True)


def popup(parts: Sequence[str]) -> folium.Popup:
    """A popup from already-escaped HTML fragments (build them with :func:`esc`)."""
    return folium.Popup("".join(parts), max_width=420)


def script_json(data: Any) -> str:
    """JSON safe to paste inside a ``<script>`` block (no ``</script>``, no HTML entities)."""
    return (
        json.dumps(data, ensure_ascii=True, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def file_name(source: Any) -> str:
    """A source as a reader should see it: a URL as is, a file path by its name only (never the
    folders of the machine that made the map)."""
    text = str(source)
    if text.startswith(("http://", "https://")):
        return text
    return PurePath(text.replace("\\", "/")).name or text


def provenance(source: Any, published: Any) -> str:
    """``source, 2022-09-10`` escaped (either part may be missing)."""
    bits = [clip(file_name(source), 120)] if source else []
    if published:
        bits.append(published.isoformat() if hasattr(published, "isoformat") else str(published))
    return esc(", ".join(bits)) if bits else ""


def claim_popup(claim: Any, *extra: str) -> list[str]:
    """The popup lines of a claim: its text in bold, ``extra`` lines (already HTML), the sentence it
    stands in (when longer than the claim) and where it comes from."""
    parts = [f"<b>{esc(clip(claim.text, 200))}</b>", *extra]
    if claim.sentence and claim.sentence != claim.text:
        parts.append(f"<br>“{esc(clip(claim.sentence))}”")
    prov = provenance(claim.source, claim.published)
    if prov:
        parts.append(f"<br><i>{prov}</i>")
    return parts


# --------------------------------------------------------------------------------------- geometry
def rounded(geom: Any, decimals: int = DECIMALS) -> Any:
    """``geom`` with coordinates rounded (lon/lat degrees)."""
    import numpy as np
    import shapely

    return shapely.transform(geom, lambda xy: np.round(xy, decimals))


def feature(geom: Any, decimals: int = DECIMALS, **properties: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": rounded(geom, decimals).__geo_interface__,
    }


def collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    for i, f in enumerate(features):
        f.setdefault("id", str(i))
    return {"type": "FeatureCollection", "features": features}


def latlon(geom: Any) -> list[float]:
    """``[lat, lon]`` of a shapely Point (folium's order), rounded."""
    return [round(geom.y, DECIMALS), round(geom.x, DECIMALS)]


def geo_json(geom: Any, style: dict[str, Any], tip: str | None = None, parts: Sequence[str] = (),
             **kwargs: Any) -> folium.GeoJson:  # fmt: skip
    """One styled GeoJSON layer for a shapely geometry, with an escaped tooltip and popup."""
    return folium.GeoJson(
        collection([feature(geom)]),
        style_function=lambda _f, s=style: s,
        tooltip=tooltip(tip) if tip else None,
        popup=popup(parts) if parts else None,  # type: ignore[arg-type]  # a plain Popup binds fine
        **kwargs,
    )


def swatch(colour: str, shape: str = "box", dashed: bool = False) -> str:
    """Legend symbol: ``box`` (filled area), ``line``, ``dot`` (circle) or ``pin`` (marker).

    ``colour`` is a hex colour from the style table, or an awesome-marker colour name (``"blue"``)."""
    colour = colour if colour.startswith("#") else marker_colour(colour)
    border = "dashed" if dashed else "solid"
    edge = style("legend").stroke
    css = {
        "line": f"width:20px;border-top:3px {border} {colour};vertical-align:middle",
        "dot": f"width:10px;height:10px;border-radius:50%;background:{colour};border:1px solid {edge}",
        "pin": f"width:10px;height:14px;border-radius:50% 50% 50% 0;rotate:-45deg;background:{colour}",
    }.get(shape, f"width:18px;height:11px;background:{colour};opacity:0.55;border:1px {border} {colour}")
    return f'<span style="display:inline-block;{css}"></span>'


def pin_icon(colour: str) -> folium.DivIcon:
    """A map pin drawn with CSS alone (no icon font, no image): a teardrop of the awesome-marker
    ``colour`` (a ``marker`` of the style table's places) with a white dot, its tip on the place.  Used
    by offline maps; the legend's ``pin`` swatch has the same shape and colour."""
    hex_, white = marker_colour(colour), style("pin").stroke
    html = (
        '<div style="width:20px;height:20px;box-sizing:border-box;border-radius:50% 50% 50% 0;'
        f"transform:rotate(-45deg);background:{hex_};border:2px solid {white};"
        'box-shadow:-1px 1px 3px rgba(0,0,0,0.45)">'
        f'<div style="width:6px;height:6px;margin:5px;border-radius:50%;background:{white}"></div></div>'
    )
    # the square's bottom-left corner, turned 45 degrees, is the tip: 10 * sqrt(2) below the centre
    return folium.DivIcon(html=html, icon_size=(20, 20), icon_anchor=(10, 24), popup_anchor=(0, -22),
                          class_name=f"frontmap-pin frontmap-pin-{colour}")  # fmt: skip


# ------------------------------------------------------------------------------ the date slider
class Timeline(JSCSSMixin, Layer):
    """A toggleable layer with a date slider (Leaflet.TimeDimension, the library behind folium's
    :class:`~folium.plugins.TimestampedGeoJson`, whose assets it reuses).

    Each feature carries ``start``/``end`` (ISO dates): at slider date *d* the layer shows the
    features with ``start <= d <= end``.  (TimestampedGeoJson's own layer slices polygon rings by
    time index, which drops holes and parts of multipolygons, so the filtering is done here.)
    The slider appears when the layer is switched on.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
    var map = {{ this._parent.get_name() }};
    var data = {{ this.data }};
    var times = data.times.map(function (t) { return Date.parse(t); });
    var td = L.timeDimension({times: times, currentTime: times[0]});
    var Control = L.Control.TimeDimension.extend({
        _getDisplayDateFormat: function (date) { return date.toISOString().slice(0, 10); }
    });
    var control = new Control({timeDimension: td, position: "bottomleft", autoPlay: false,
        loopButton: true, speedSlider: false, timeSliderDragUpdate: true,
        playerOptions: {transitionTime: 1500, loop: true, startOver: true}});
    var shapes = L.geoJson(null, {
        pointToLayer: function (f, latlng) { return L.circleMarker(latlng, f.properties.style); },
        style: function (f) { return f.properties.style; },
        onEachFeature: function (f, layer) {
            if (f.properties.tooltip) { layer.bindTooltip(f.properties.tooltip); }
            if (f.properties.popup) { layer.bindPopup(f.properties.popup); }
        }
    });
    var group = L.layerGroup([shapes]);
    function show() {
        var t = td.getCurrentTime();
        shapes.clearLayers();
        data.features.forEach(function (f) {
            var p = f.properties;
            if (Date.parse(p.start) <= t && t <= Date.parse(p.end)) { shapes.addData(f); }
        });
    }
    td.on("timeload", show);
    // one snapshot at a time: while the slider is on, the control maps' own layers step aside
    var others = [{{ this.hide }}], hidden = [];
    group.on("add", function () {
        map.addControl(control); show();
        setTimeout(function () {  // after the layer control has finished its own changes
            hidden = others.filter(function (l) { return map.hasLayer(l); });
            hidden.forEach(function (l) { map.removeLayer(l); });
        }, 0);
    });
    group.on("remove", function () {
        map.removeControl(control);
        var back = hidden;
        hidden = [];
        setTimeout(function () { back.forEach(function (l) { map.addLayer(l); }); }, 0);
    });
    return group;
})();
{% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
{% endmacro %}
"""
    )

    def __init__(
        self, features: list[dict[str, Any]], times: list[str], name: str, show: bool = False, hide: Any = ()
    ):
        from folium.plugins import TimestampedGeoJson

        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "Timeline"
        self.default_js = list(TimestampedGeoJson.default_js)
        self.default_css = list(TimestampedGeoJson.default_css)
        self.times = list(times)
        self.data = script_json({"times": self.times, "features": features})
        self._hide = list(hide)  # layers (folium elements) hidden while the slider is shown

    @property
    def hide(self) -> str:
        return ", ".join(layer.get_name() for layer in self._hide)


def timeline_dates(dates: Iterable[_dt.date | None]) -> list[_dt.date]:
    return sorted({d for d in dates if d is not None})


def until_next(
    dated: list[tuple[_dt.date, Any]], steps: list[_dt.date]
) -> list[tuple[Any, _dt.date, _dt.date]]:
    """``(item, start, end)``: each dated item lasts until the slider step before the next item's date
    (the last one until the last step)."""
    dated = sorted(dated, key=lambda t: t[0])
    out = []
    for i, (d, item) in enumerate(dated):
        if i + 1 < len(dated):
            nxt = dated[i + 1][0]
            before = [s for s in steps if d <= s < nxt]
            end = before[-1] if before else d
        else:
            end = steps[-1]
        out.append((item, d, end))
    return out


def fmt_km(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.1f}".rstrip("0").rstrip(".")


def finite(x: Any) -> bool:
    return isinstance(x, int | float) and math.isfinite(x)
