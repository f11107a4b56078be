"""Area, share and comparison claims on an HTML map, drawn for what they say.  Private; used by
:func:`frontmap.draw`.

==================================  ===================================================================
the claim                           what the map shows
==================================  ===================================================================
a share or area of a country or     that territory highlighted -- or, for a share held when control
region ("a fifth of Ukraine")       maps are given, the area the latest of them shows held in it
an area with places ("6,000 km²     the hull of those places (where the change happened)
retaken, including Izium ...")
an area around a town               a disk of the stated area around it
an area with no place               nothing on the map
comparison                          the outlines of the places compared
==================================  ===================================================================

Every stated area or share also becomes a row of the side panel (:mod:`frontmap.maps.panel`): a disk
of that area to scale inside the territory it is compared with.  A disk is never put in the middle of a
country.
"""

from __future__ import annotations

from typing import Any

from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import hull
from frontmap.maps import kit as L
from frontmap.maps.panel import Size, size_of
from frontmap.maps.scene import Scene, hull_places, territory_of
from frontmap.maps.style import Style, side_colours, style
from frontmap.reading.claims import AreaClaim, ComparisonClaim, ShareClaim

__all__ = ["area_layer", "held_in"]

#: Simplification of highlighted territories, degrees (≈ 1 km).
TERRITORY_TOLERANCE = 0.01
#: Share claims about holding ground (``change``) whose territory is replaced by the ground held.
HELD = (None, "held", "occupied", "controlled")


def held_in(scene: Scene, territory: Place) -> tuple[Any, Any] | None:
    """``(ground, control map)``: what the latest occupied-side control map shows held inside
    ``territory``; None without such a map."""
    latest = [
        cm for cm in scene.controls if scene.is_latest(cm) and scene.side_colour(cm.side) == _occupied()
    ]
    for cm in latest:
        try:
            ground = cm.geometry.intersection(territory.geometry)
        except Exception:  # an invalid outline: fall back to the territory
            continue
        if not ground.is_empty:
            return ground, cm
    return None


def _occupied() -> str:
    return side_colours(["occupied"])["occupied"]


def _claim_parts(claim: Any, size: Size | None) -> list[str]:
    if size is None:
        return L.claim_popup(claim)
    ref = f" ({L.esc(size.reference)}: {L.fmt_km(size.reference_km2)} km²)" if size.reference_km2 else ""
    return L.claim_popup(claim, f"<br>{L.fmt_km(size.km2)} km²{ref}")


def _highlight(group: Any, geom: Any, st: Style, tip: str, parts: list[str]) -> None:
    """A territory: a light fill that lets clicks through, and an outline that answers them."""
    shape = geom.simplify(TERRITORY_TOLERANCE, preserve_topology=True)
    fill = st.leaflet() | {"weight": 0, "interactive": False}
    L.geo_json(shape, fill, pane="fm-shade").add_to(group)
    L.geo_json(shape, st.leaflet() | {"fillOpacity": 0, "fill": False}, tip, parts, pane="fm-shade").add_to(
        group
    )


def area_layer(scene: Scene, bounds: Any, legend: list, skips: Any, sizes: list[Size]) -> Any:
    """The "Area claims" layer; each stated size is appended to ``sizes`` (for the side panel)."""
    import folium

    claims = [c for c in scene.claims if isinstance(c, AreaClaim | ShareClaim | ComparisonClaim)]
    if not claims:
        return None
    group = folium.FeatureGroup(name=L.esc("Area claims"))
    shown: list[tuple[Style, str]] = []
    highlighted: set[str] = set()

    def show(st: Style, label: str = "") -> None:
        if (st, label) not in shown:
            shown.append((st, label))

    for c in claims:
        size = size_of(c)
        if size is not None:
            sizes.append(size)
        parts = _claim_parts(c, size)
        territory = territory_of(c)
        places = hull_places(c)
        if territory is not None and territory.id in highlighted:
            continue  # already highlighted for another claim (its popup and the panel list them all)
        if territory is not None:
            highlighted.add(territory.id)
            held = (
                held_in(scene, territory)
                if c.kind == "share" and getattr(c, "change", None) in HELD
                else None
            )
            st = style("territory")
            if held is not None:
                ground, cm = held
                when = getattr(cm, "date", "") or "the latest map"
                tip = f"“{c.text}”: the ground held in {territory.name} on {when}"
                _highlight(group, ground, st, tip, parts)
                show(st, "ground held that a share is stated of")
            else:
                _highlight(group, territory.geometry, st, f"“{c.text}”: {territory.name}", parts)
                show(st)
        elif places:
            _hull(c, places, group, bounds, skips, parts, show)
        elif c.kind == "comparison" or _placed(c):
            _shape(c, group, bounds, skips, parts, show)
        elif size is None:  # neither on the map nor in the panel: say why
            _why_not(c, skips)
        # else: a size without a place -- the side panel shows it
    for st, label in shown:
        swatch = L.swatch(st.stroke or "", "line", dashed=True) if st.dash else L.swatch(st.fill or "")
        legend.append((swatch, label or st.legend()))
    return group


def _placed(c: Any) -> bool:
    """Is the claim's size said of one place (a town it is around, the one place that changed hands)?"""
    subject = getattr(c, "subject", None)
    one_place = c.kind == "area" and len(getattr(c, "places", ()) or ()) == 1
    return one_place or (isinstance(subject, Place) and subject.kind in ("settlement", "facility"))


def _why_not(c: Any, skips: Any) -> None:
    try:
        c.geometry()
    except Exception as exc:
        skips.add(f"claim {c.text!r}", exc)
        return
    skips.items.append(f"claim {c.text!r} (no size to show)")


def _shape(c: Any, group: Any, bounds: Any, skips: Any, parts: list[str], show: Any) -> None:
    st = style(c.kind)
    try:
        g = c.geometry()
    except Exception as exc:  # a claim that cannot be shaped is left out, never fatal
        skips.add(f"claim {c.text!r}", exc)
        return
    if g is None or g.is_empty:
        return
    L.geo_json(g, st.leaflet(), c.text, parts).add_to(group)
    bounds.add(g)
    show(st)


def _hull(
    c: Any, places: tuple[Place, ...], group: Any, bounds: Any, skips: Any, parts: list[str], show: Any
) -> None:
    st = style("hull")
    try:
        h = hull(places)
    except Exception as exc:
        skips.add(f"hull of the places in {c.text!r}", exc)
        return
    names = ", ".join(p.name for p in places)
    L.geo_json(h, st.leaflet(), f"places retaken with “{c.text}”: {names}", parts).add_to(group)
    bounds.add(h)
    show(st)
