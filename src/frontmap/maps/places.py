"""The places of the story on an HTML map: a pin and a permanent label for each town or facility, the
outline and name of each region, sea or river, and a list of the places too far away to draw.
Private; used by :func:`frontmap.draw` (see :mod:`frontmap.maps.layers` for the other layers).

Labels are laid out in the page by ``frontmap.js`` (:mod:`frontmap.maps.basemap`), most important
first: a place named in more sentences, and one a claim measures from or to, outranks one named in
passing; size breaks ties.  Countries are not drawn (a pin in a country's middle says nothing): they
are listed beside the map with what was said of them, as are places outside the theatre.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from frontmap.gazetteer.place import Place
from frontmap.maps import kit as L
from frontmap.maps.basemap import LabelSet
from frontmap.maps.scene import THEATRE, Scene, is_far
from frontmap.maps.style import place_style

__all__ = ["Elsewhere", "places_layer", "quotes_of"]

#: Sentences quoted in a popup before "and N more".
SHOWN_SENTENCES = 3
#: Place kinds drawn as a pin.
PIN_KINDS = ("settlement", "facility")
#: Base priority of the story's labels (above every basemap label).
STORY = 100.0

Quote = tuple[str, str]  # (sentence, provenance: escaped)


@dataclass
class Elsewhere:
    """Places mentioned but not drawn: far away, or countries. ``(place, quotes)`` each."""

    places: list[tuple[Place, list[Quote]]] = field(default_factory=list)


def quotes_of(scene: Scene) -> dict[str, tuple[Place, list[Quote]]]:
    """``{place id: (place, [(sentence, provenance), ...])}``: given places first, then mentioned ones."""
    entries: dict[str, tuple[Place, list[Quote]]] = {}
    for p in scene.places:
        entries.setdefault(p.id, (p, []))
    for mention, article in scene.mentions:
        place = mention.place
        if place is None:  # the collector keeps located mentions only
            continue
        _, quotes = entries.setdefault(place.id, (place, []))
        sentence_at = getattr(article, "sentence_at", None)
        if sentence_at is not None:
            published = getattr(article, "published", None)
            quote = (sentence_at(mention.start), L.provenance(getattr(article, "source", None), published))
        else:
            quote = (mention.text, L.provenance(getattr(mention, "source", None), None))
        if quote not in quotes:
            quotes.append(quote)
    return entries


def quote_list(quotes: list[Quote], shown: int = SHOWN_SENTENCES) -> list[str]:
    """HTML of the first ``shown`` quotes and a compact "and N more" (fragments already escaped)."""
    if not quotes:
        return []
    parts = ["<ul style='padding-left: 16px; margin: 4px 0;'>"]
    for sentence, prov in quotes[:shown]:
        parts.append(
            f"<li>“{L.esc(L.clip(sentence, 240))}”" + (f" <i>— {prov}</i>" if prov else "") + "</li>"
        )
    parts.append("</ul>")
    if len(quotes) > shown:
        parts.append(f"<i>and {len(quotes) - shown} more sentence(s)</i>")
    return parts


def _claimed(scene: Scene) -> dict[str, int]:
    """How many claims measure from, to or of each place (by id)."""
    out: dict[str, int] = {}
    for c in scene.claims:
        for attr in ("subject", "anchor", "of"):
            p = getattr(c, attr, None)
            if isinstance(p, Place):
                out[p.id] = out.get(p.id, 0) + 1
        for p in getattr(c, "places", ()) or ():
            if isinstance(p, Place):
                out[p.id] = out.get(p.id, 0) + 1
    return out


def importance(place: Place, n_quotes: int, n_claims: int) -> float:
    """Layout priority of a place's label: sentences naming it, claims about it, then its size."""
    return round(STORY + 10.0 * n_quotes + 12.0 * n_claims + math.log10(max(place.population, 0) + 1), 2)


def _popup(place: Place, quotes: list[Quote]) -> list[str]:
    where = ", ".join(x for x in (place.kind, place.admin1, place.country) if x)
    return [f"<b>{L.esc(place.name)}</b> <small>({L.esc(where)})</small>", *quote_list(quotes)]


def _label_point(place: Place) -> tuple[float, float]:
    """``(lat, lon)`` for an area's name: its representative point, within the theatre if it reaches it."""
    from shapely.geometry import box

    geom = place.geometry
    if geom is None or geom.geom_type == "Point":
        return place.lat, place.lon
    w, s, e, n = THEATRE
    if place.kind in ("region", "raion", "hromada") and w <= place.lon <= e and s <= place.lat <= n:
        return place.lat, place.lon  # where the basemap names it: the story's label takes the spot
    part = geom.intersection(box(*THEATRE))
    if part.is_empty:
        return place.lat, place.lon
    if part.geom_type.startswith("Multi"):
        part = max(part.geoms, key=lambda g: g.area or g.length)
    pt = part.interpolate(0.5, normalized=True) if "Line" in part.geom_type else part.representative_point()
    return pt.y, pt.x


def places_layer(scene: Scene, bounds: Any, legend: list, elsewhere: Elsewhere, offline: bool = True) -> Any:
    """One pin (a CSS pin when ``offline``, an awesome marker otherwise) and label per town or facility,
    an outline and label per region, sea or river; far places and countries go to ``elsewhere``."""
    import folium

    group = folium.FeatureGroup(name=L.esc("Places mentioned"))
    kinds: list[str] = []
    labels: list[dict[str, Any]] = []
    claimed = _claimed(scene)
    for place, quotes in quotes_of(scene).values():
        if place.kind == "country" or is_far(place):
            elsewhere.places.append((place, quotes))
            continue
        st = place_style(place.kind)
        rank = importance(place, len(quotes), claimed.get(place.id, 0))
        geom = place.geometry if place.kind not in PIN_KINDS else None
        if geom is not None and geom.geom_type != "Point" and not geom.is_empty:
            shape = geom.simplify(0.005, preserve_topology=True)
            line = "Line" in geom.geom_type
            look = st.leaflet() | ({"fill": False} if line else {})
            L.geo_json(shape, look, place.name, _popup(place, quotes)).add_to(group)
            lat, lon = _label_point(place)
            labels.append(
                {"t": L.esc(place.name), "at": [round(lat, 4), round(lon, 4)], "c": "area", "p": rank}
            )
        else:
            marker = st.marker or "gray"
            folium.Marker(
                [round(place.lat, L.DECIMALS), round(place.lon, L.DECIMALS)],
                icon=L.pin_icon(marker)
                if offline
                else folium.Icon(color=marker, icon=st.icon or "", prefix="fa"),
                tooltip=L.tooltip(place.name),
                popup=L.popup(_popup(place, quotes)),
            ).add_to(group)
            at = [round(place.lat, 4), round(place.lon, 4)]
            labels.append({"t": L.esc(place.name), "at": at, "c": "place", "p": rank, "pin": True})
        bounds.add_place(place)
        if place.kind not in kinds:
            kinds.append(place.kind)
    if labels:
        group.add_child(LabelSet(labels), name="frontmap_labels")
    for kind in kinds:
        st = place_style(kind)
        shape = "pin" if kind in PIN_KINDS else ("line" if kind == "river" else "box")
        legend.append((L.swatch(st.fill or "", shape, dashed=bool(st.dash)), st.legend(kind=kind)))
    return group
