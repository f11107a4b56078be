"""Interactive HTML maps: :func:`draw` turns articles, claims, verdicts and control maps into a
:class:`folium.Map` with layers the reader can switch on and off.

============================  ===================================================================
layer                         what it shows
============================  ===================================================================
Basemap                       land and sea, Ukraine's oblasts, seas, lakes, main rivers; oblast,
                              country and sea names (:mod:`frontmap.maps.basemap`)
Places mentioned              a pin and a permanent label per town or facility, an outline per
                              region, river or sea; the popup quotes a few sentences naming it, with
                              file name and date (:mod:`frontmap.maps.places`)
Distance claims               the claim's uncertainty sector or ring, its anchor and best point (a
                              distance from a border: the band beside the border)
Area claims                   the territory a share or area is of (or the ground held in it), the hull
                              of the places said to have changed hands (:mod:`frontmap.maps.areas`)
Checks                        stated position joined to the actual place, coloured by status
                              (consistent green, inconsistent red, unverifiable grey)
Control <date>                a control map (fill by side) and its front line; one layer per date
Change <date> → <date>        ground gained and lost by a side between two control maps
Inferred control              places held per side, the inferred line and its uncertainty band
Timeline                      a date slider over the dated content (only when it spans several dates)
Shapes                        plain shapely geometries (lon/lat) and GeoDataFrame rows
Web map (tiles)               optional, switched off: web map tiles over the basemap (need a network)
============================  ===================================================================

Beside the map: a legend and a side panel (:mod:`frontmap.maps.panel`) with the sizes stated, drawn to
scale against a territory, the places not drawn (far away, or whole countries) and what was left out.
Every box can be collapsed; labels are laid out without collisions, most important first.

By default the page is self-contained: Leaflet and the date slider's code are inlined
(:mod:`frontmap.maps.offline`), places are CSS pins, the basemap comes from the gazetteer, and the
saved HTML works with no network; web tiles are only an overlay a reader may switch on.

What was passed is sorted by the collector static maps use too (:func:`frontmap.maps.scene.collect`),
and every colour, width, dash and legend label comes from the style table both renderers read
(:mod:`frontmap.maps.style`), so a layer looks the same in the HTML and in a PNG, SVG or PDF.

All text from articles is escaped (see :mod:`frontmap.maps.kit`), coordinates are rounded to
5 decimals and outlines simplified, so maps stay small and safe to open.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from frontmap.errors import FrontmapError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.maps import kit as L
from frontmap.maps import layers as _layers
from frontmap.maps import offline as _offline
from frontmap.maps.areas import area_layer
from frontmap.maps.basemap import Basemap, basemap_data
from frontmap.maps.layers import Bounds, Skips
from frontmap.maps.panel import Legend, Panel, Size
from frontmap.maps.places import Elsewhere, places_layer
from frontmap.maps.scene import ACCEPTED, collect
from frontmap.maps.style import place_style

__all__ = ["ACCEPTED", "UKRAINE_CENTRE", "draw"]

#: Where an empty map is centred, ``(lat, lon)``, and its zoom.
UKRAINE_CENTRE = (48.6, 31.3)
UKRAINE_ZOOM = 6
#: The basemap's name in the layer control.
BASEMAP = "Basemap (land, sea, oblasts)"
#: Simplification tolerance of the basemap outlines, degrees (≈ 1 km).
OUTLINE_TOLERANCE = 0.01


def draw(
    *things: Any, tiles: str | None = "OpenStreetMap", check: bool = True, offline: bool | None = True
) -> Any:
    """An interactive map of articles, claims, verdicts, control maps and places.

    Parameters
    ----------
    *things
        Any mix of :class:`~frontmap.Article`, claims, verdicts (:func:`frontmap.check`),
        control maps and changes (:mod:`frontmap.control`), inferred control, :class:`~frontmap.Place`
        and :class:`~frontmap.Mention`, shapely geometries (lon/lat), GeoDataFrames or GeoSeries -- or
        lists of these; :func:`frontmap.render` takes the same (one collector,
        :func:`frontmap.maps.scene.collect`).  Nothing gives an empty map of Ukraine.
    tiles : str or None
        A folium tile name (default ``"OpenStreetMap"``) offered as an overlay the reader may switch on
        (it needs a network; switched on from the start when ``offline=False``), or None for none.
        The basemap drawn from the gazetteer (land, sea, oblasts, rivers, names) is always there.
    check : bool
        When articles or claims are given and no verdicts, run :func:`frontmap.check` on them and draw
        the verdicts in the "Checks" layer (if checking fails, the map is drawn with a warning).
    offline : bool
        True (the default): the page is self-contained -- the map's code (Leaflet, jQuery for popups,
        the date slider's when there is one, ≈ 0.2 MB) is inlined and places are CSS pins, so the saved
        HTML works with no network.  False: the code is loaded from CDNs, places are icon-font markers
        and the tiles are shown from the start.  (None means True.)

    Returns
    -------
    folium.Map
        ``m.save("map.html")`` writes it; in a notebook it displays itself.  What could not be drawn is
        listed in ``m.frontmap_left_out`` (and in the page's side panel).

    Raises
    ------
    InputError
        For something that is not one of the accepted kinds (the message names its type).

    Items that cannot be drawn (a claim whose geometry cannot be built, a control map without a front
    line) are left out with one short ``UserWarning`` saying how many and the first.

    Examples
    --------
    >>> from frontmap.gazetteer.place import Place
    >>> kyiv = Place("x:1", "Kyiv", "settlement", 50.4501, 30.5234, "UA")
    >>> m = draw(kyiv)
    >>> html = m.get_root().render()
    >>> "Places mentioned" in html, "cdn.jsdelivr.net" in html
    (True, False)
    """
    import folium

    scene = collect(things, check=check, caller="draw")
    offline = offline is not False
    m = folium.Map(
        location=list(UKRAINE_CENTRE), zoom_start=UKRAINE_ZOOM, tiles=None, control_scale=True, zoom_snap=0.25
    )
    bounds, skips, elsewhere = Bounds(), Skips(), Elsewhere()
    legend: list[tuple[str, str]] = []
    sizes: list[Size] = []
    data = basemap_data()
    if data is not None:  # (None only without a gazetteer: a broken install, reported elsewhere)
        Basemap(data, name=BASEMAP).add_to(m)
    if tiles is not None:
        name = L.esc(f"Web map ({tiles}; needs a network)")
        folium.TileLayer(tiles, name=name, overlay=True, control=True, show=not offline).add_to(m)

    layers = [places_layer(scene, bounds, legend, elsewhere, offline=offline)]
    layers.append(_layers.distance_layer(scene, bounds, legend, skips))
    layers.append(area_layer(scene, bounds, legend, skips, sizes))
    layers.append(_layers.checks_layer(scene, bounds, legend, skips))
    for layer in layers:
        if layer is not None:
            layer.add_to(m)
    controls = _layers.control_layers(scene, bounds, legend, skips)
    for layer in controls:
        layer.add_to(m)
    if scene.inferred:
        _layers.inferred_layer(scene, bounds, legend, skips).add_to(m)
    if scene.shapes:
        _layers.shapes_layer(scene, bounds, legend).add_to(m)
    timeline = _layers.timeline(scene, hide=controls)
    if timeline is not None:
        timeline.add_to(m)

    folium.LayerControl(collapsed=False).add_to(m)
    note = "Tick “Timeline” for a date slider." if timeline is not None else ""
    empty = [(L.swatch(place_style("other").fill or "", "pin"), "nothing to show")]
    m.get_root().add_child(Legend(legend or empty, note=note))
    m.get_root().add_child(Panel(sizes, elsewhere, skips.items, scene.checks))
    _offline.own_code(m)
    if offline:
        _offline.inline(m, timeline)
    bounds.fit(m)
    m.frontmap_left_out = list(skips.items)  # type: ignore[attr-defined]  # the details, on request
    skips.warn()
    return m


@cache
def _outlines() -> tuple[tuple[str, str, Any], ...]:
    """``(name, kind, simplified geometry)`` for Ukraine and its oblasts; empty without a gazetteer
    (static maps and tests use it; HTML maps draw the fuller :mod:`frontmap.maps.basemap`)."""
    try:
        gaz = Gazetteer()
        shapes = [(gaz.country("UA"), "country")] + [(r, "region") for r in gaz.regions("UA")]
        return tuple((p.name, kind, p.geometry.simplify(OUTLINE_TOLERANCE)) for p, kind in shapes)
    except (ImportError, FrontmapError, OSError, AttributeError):
        return ()
