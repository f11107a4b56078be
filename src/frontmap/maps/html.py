"""Interactive HTML maps: :func:`draw` turns articles, claims, verdicts and control maps into a
:class:`folium.Map` with layers the reader can switch on and off.

============================  ===================================================================
layer                         what it shows
============================  ===================================================================
Places mentioned              a marker per place (icon and colour by kind); the tooltip names it,
                              the popup quotes each sentence that mentions it, with source and date
Distance claims               the claim's uncertainty sector or ring, its anchor and best point
Area claims                   a disk of the stated area (shares and comparisons as dashed outlines:
                              a size, not a place); the hull of the places said to have changed hands
Checks                        stated position joined to the actual place, coloured by status
                              (consistent green, inconsistent red, unverifiable grey)
Control <date>                a control map (fill by side) and its front line; one layer per date
Change <date> → <date>        ground gained and lost by a side between two control maps
Inferred control              places held per side, the inferred line and its uncertainty band
Timeline                      a date slider over the dated content (only when it spans several dates)
Shapes                        plain shapely geometries (lon/lat) and GeoDataFrame rows
Outlines                      with ``tiles=None``: country and oblast outlines instead of map tiles
============================  ===================================================================

With ``tiles=None`` the page is self-contained: Leaflet and the date slider's code are inlined
(:mod:`frontmap.maps.offline`), places are CSS pins, and the saved HTML requests nothing from the network.

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
from frontmap.maps.layers import Bounds, Skips
from frontmap.maps.scene import ACCEPTED, collect
from frontmap.maps.style import place_style

__all__ = ["ACCEPTED", "UKRAINE_CENTRE", "draw"]

#: Where an empty map is centred, ``(lat, lon)``, and its zoom.
UKRAINE_CENTRE = (48.6, 31.3)
UKRAINE_ZOOM = 6
#: Simplification tolerance of the basemap outlines, degrees (≈ 1 km).
OUTLINE_TOLERANCE = 0.01


def draw(
    *things: Any, tiles: str | None = "OpenStreetMap", check: bool = True, offline: bool | None = None
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
        A folium tile name (default ``"OpenStreetMap"``, loaded from the internet by the viewer), or
        None for no tile server: country and oblast outlines from the gazetteer form the background
        and the page is self-contained (see ``offline``), so it works with no network.
    check : bool
        When articles or claims are given and no verdicts, run :func:`frontmap.check` on them and draw
        the verdicts in the "Checks" layer (if checking fails, the map is drawn with a warning).
    offline : bool or None
        Inline the map's code (Leaflet, and the date slider's when there is one, ≈ 0.2 MB) instead of
        loading it from CDNs, and draw places as CSS pins instead of icon-font markers, so the saved
        HTML refers to no other file.  None (the default) means ``tiles is None``; ``offline=True``
        with tiles still inlines the code (only the tiles then need the network).

    Returns
    -------
    folium.Map
        ``m.save("map.html")`` writes it; in a notebook it displays itself.

    Raises
    ------
    InputError
        For something that is not one of the accepted kinds (the message names its type).

    Items that cannot be drawn (a claim whose geometry cannot be built, a control map without a front
    line) are left out with one ``UserWarning`` listing them.

    Examples
    --------
    >>> from frontmap.gazetteer.place import Place
    >>> kyiv = Place("x:1", "Kyiv", "settlement", 50.4501, 30.5234, "UA")
    >>> m = draw(kyiv, tiles=None)
    >>> html = m.get_root().render()
    >>> "Places mentioned" in html, "cdn.jsdelivr.net" in html
    (True, False)
    """
    import folium

    scene = collect(things, check=check, caller="draw")

    if offline is None:
        offline = tiles is None
    m = folium.Map(location=list(UKRAINE_CENTRE), zoom_start=UKRAINE_ZOOM, tiles=tiles, control_scale=True)
    bounds, skips = Bounds(), Skips()
    legend: list[tuple[str, str]] = []
    if tiles is None:
        outlines = _outlines()
        if outlines:
            L.basemap_layer(outlines).add_to(m)
        else:
            skips.items.append("the country and oblast outlines (gazetteer not available)")

    _layers.places_layer(scene, bounds, legend, offline=offline).add_to(m)
    for build in (_layers.distance_layer, _layers.area_layer, _layers.checks_layer):
        layer = build(scene, bounds, legend, skips)
        if layer is not None:
            layer.add_to(m)
    for layer in _layers.control_layers(scene, bounds, legend, skips):
        layer.add_to(m)
    if scene.inferred:
        _layers.inferred_layer(scene, bounds, legend, skips).add_to(m)
    if scene.shapes:
        _layers.shapes_layer(scene, bounds, legend).add_to(m)
    timeline = _layers.timeline(scene)
    if timeline is not None:
        timeline.add_to(m)

    folium.LayerControl(collapsed=False).add_to(m)
    note = "Tick “Timeline” for a date slider." if timeline is not None else ""
    empty = [(L.swatch(place_style("other").fill or "", "pin"), "nothing to show")]
    m.get_root().add_child(L.Legend(legend or empty, note=note))
    if offline:
        _offline.inline(m, timeline)
    bounds.fit(m)
    skips.warn()
    return m


@cache
def _outlines() -> tuple[tuple[str, str, Any], ...]:
    """``(name, kind, simplified geometry)`` for Ukraine and its oblasts; empty without a gazetteer."""
    try:
        gaz = Gazetteer()
        shapes = [(gaz.country("UA"), "country")] + [(r, "region") for r in gaz.regions("UA")]
        return tuple((p.name, kind, p.geometry.simplify(OUTLINE_TOLERANCE)) for p, kind in shapes)
    except (ImportError, FrontmapError, OSError, AttributeError):
        return ()
