"""Interactive HTML maps: :func:`draw` turns articles, claims, verdicts and control maps into a
:class:`folium.Map` with layers the reader can switch on and off.

============================  ===================================================================
layer                         what it shows
============================  ===================================================================
Places mentioned              a marker per place (icon and colour by kind); the tooltip names it,
                              the popup quotes each sentence that mentions it, with source and date
Distance claims               the claim's uncertainty sector or ring, its anchor and best point
Area claims                   a disk of the stated area (shares, comparisons too); the hull of the
                              places said to have changed hands
Checks                        stated position joined to the actual place, coloured by status
                              (consistent green, inconsistent red, unverifiable grey)
Control <date>                a control map (fill by side) and its front line; one layer per date
Inferred control              places held per side, the inferred line and its uncertainty band
Timeline                      a date slider over the dated content (only when it spans several dates)
Shapes                        plain shapely geometries (lon/lat) and GeoDataFrame rows
Outlines                      with ``tiles=None``: country and oblast outlines instead of map tiles
============================  ===================================================================

With ``tiles=None`` the page is self-contained: Leaflet and the date slider's code are inlined
(:mod:`frontmap.maps.offline`), places are CSS pins, and the saved HTML requests nothing from the network.

All text from articles is escaped (see :mod:`frontmap.maps.kit`), coordinates are rounded to
5 decimals and outlines simplified, so maps stay small and safe to open.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from functools import cache
from typing import Any

from frontmap.checks import check
from frontmap.errors import FrontmapError, InputError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.gazetteer.place import Place
from frontmap.maps import kit as L
from frontmap.maps import layers as _layers
from frontmap.maps import offline as _offline
from frontmap.maps.layers import Bounds, Content, Skips
from frontmap.reading.article import Article, Mention
from frontmap.reading.claims import Claim

__all__ = ["ACCEPTED", "UKRAINE_CENTRE", "draw"]

#: What :func:`draw` accepts, as said in its error message.
ACCEPTED = (
    "Article, claims (DistanceClaim, AreaClaim, ShareClaim, ComparisonClaim), Verdict, ControlMap, "
    "Change, InferredControl, Place, Mention, shapely geometries (lon/lat), GeoDataFrames, or lists of these"
)
#: Where an empty map is centred, ``(lat, lon)``, and its zoom.
UKRAINE_CENTRE = (48.6, 31.3)
UKRAINE_ZOOM = 6
#: Simplification tolerance of the basemap outlines, degrees (≈ 1 km).
OUTLINE_TOLERANCE = 0.01


def _describe(thing: Any) -> str:
    text = repr(thing)
    return text if len(text) <= 60 else text[:57] + "..."


def _sort(thing: Any, into: Content, depth: int = 0) -> None:
    if isinstance(thing, Article):
        into.articles.append(thing)
        into.mentions.extend((m, thing) for m in thing.mentions)
        into.claims.extend(thing.claims)
    elif isinstance(thing, Claim):
        into.claims.append(thing)
    elif isinstance(thing, Place):
        into.places.append(thing)
    elif isinstance(thing, Mention):
        into.mentions.append((thing, None))
    elif all(hasattr(thing, a) for a in ("check", "status", "claim", "explanation")):
        into.verdicts.append(thing)
    elif all(hasattr(thing, a) for a in ("held", "line", "uncertainty_km")):
        into.inferred.append(thing)
    elif all(hasattr(thing, a) for a in ("gained", "lost", "side")):
        into.changes.append(thing)
    elif all(hasattr(thing, a) for a in ("geometry", "date", "side", "front_line")):
        into.control.append(thing)
    elif _is_geometry(thing):
        into.shapes.append(thing)
    elif hasattr(thing, "geometry") and hasattr(thing, "columns"):  # a GeoDataFrame
        gs = thing.geometry.to_crs(4326) if getattr(thing, "crs", None) is not None else thing.geometry
        into.shapes.extend(g for g in gs if g is not None)
    elif isinstance(thing, str | bytes):
        raise InputError(
            f"cannot draw the text {_describe(thing)}: read it first (fm.read(text) gives an Article); "
            f"draw() accepts {ACCEPTED}"
        )
    elif isinstance(thing, Iterable) and not isinstance(thing, dict) and not hasattr(thing, "columns"):
        if depth > 8:
            raise InputError("draw() got lists nested more than 8 deep; pass the records themselves")
        for item in thing:
            _sort(item, into, depth + 1)
    else:
        raise InputError(
            f"cannot draw a {type(thing).__name__!r} ({_describe(thing)}); draw() accepts {ACCEPTED}"
        )


def _is_geometry(thing: Any) -> bool:
    from shapely.geometry.base import BaseGeometry

    return isinstance(thing, BaseGeometry)


def draw(
    *things: Any, tiles: str | None = "OpenStreetMap", check: bool = True, offline: bool | None = None
) -> Any:
    """An interactive map of articles, claims, verdicts, control maps and places.

    Parameters
    ----------
    *things
        Any mix of :class:`~frontmap.Article`, claims, verdicts (:func:`frontmap.check`),
        control maps and changes (:mod:`frontmap.control`), inferred control, :class:`~frontmap.Place`
        and :class:`~frontmap.Mention` -- or lists of these.  Nothing gives an empty map of Ukraine.
    tiles : str or None
        A folium tile name (default ``"OpenStreetMap"``, loaded from the internet by the viewer), or
        None for no tile server: country and oblast outlines from the gazetteer form the background
        and the page is self-contained (see ``offline``), so it works with no network.
    check : bool
        When articles or claims are given and no verdicts, run :func:`frontmap.check` on them and draw
        the verdicts in the "Checks" layer.
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
    >>> kyiv = Place("x:1", "Kyiv", "settlement", 50.4501, 30.5234, "UA")
    >>> m = draw(kyiv, tiles=None)
    >>> html = m.get_root().render()
    >>> "Places mentioned" in html, "cdn.jsdelivr.net" in html
    (True, False)
    """
    import folium

    content = Content()
    _sort(things, content)
    if check and not content.verdicts and content.claims:
        content.verdicts = _run_checks(content)

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

    _layers.places_layer(content, bounds, legend, offline=offline).add_to(m)
    for build in (_layers.distance_layer, _layers.area_layer, _layers.checks_layer):
        layer = build(content, bounds, legend, skips)
        if layer is not None:
            layer.add_to(m)
    for layer in _layers.control_layers(content, bounds, legend, skips):
        layer.add_to(m)
    if content.inferred:
        _layers.inferred_layer(content, bounds, legend, skips).add_to(m)
    if content.shapes:
        _layers.shapes_layer(content, bounds, legend).add_to(m)
    timeline = _layers.timeline(content)
    if timeline is not None:
        timeline.add_to(m)

    folium.LayerControl(collapsed=False).add_to(m)
    note = "Tick “Timeline” for a date slider." if timeline is not None else ""
    m.get_root().add_child(L.Legend(legend or [(L.swatch("#999", "pin"), "nothing to show")], note=note))
    if offline:
        _offline.inline(m, timeline)
    bounds.fit(m)
    skips.warn()
    return m


def _run_checks(content: Content) -> list[Any]:
    try:
        return list(check(content.articles + [c for c in content.claims if not _in_articles(c, content)]))
    except Exception as exc:  # the map is still worth having without its checks
        warnings.warn(f"draw() could not check the claims: {exc}", UserWarning, stacklevel=3)
        return []


def _in_articles(claim: Any, content: Content) -> bool:
    return any(claim is c for a in content.articles for c in a.claims)


@cache
def _outlines() -> tuple[tuple[str, str, Any], ...]:
    """``(name, kind, simplified geometry)`` for Ukraine and its oblasts; empty without a gazetteer."""
    try:
        gaz = Gazetteer()
        shapes = [(gaz.country("UA"), "country")] + [(r, "region") for r in gaz.regions("UA")]
        return tuple((p.name, kind, p.geometry.simplify(OUTLINE_TOLERANCE)) for p, kind in shapes)
    except (ImportError, FrontmapError, OSError, AttributeError):
        return ()
