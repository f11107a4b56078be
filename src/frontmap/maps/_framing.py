"""What a static map of a story frames and how it shows claims that are about whole territories.

Three rules a cartographer would follow, applied to the scene before it is laid out:

- **the theatre frames the map**: only what reaches into the scene's
  :data:`~frontmap.maps.scene.THEATRE` (Ukraine and a margin) stretches the extent (:func:`fit`); places
  the scene calls far away (:func:`~frontmap.maps.scene.is_far`: "officials in Washington", "Virginia")
  get no marker either: :func:`far_away` takes them out and the map lists them in a small box.
- **a share or an area of a whole territory highlights the territory**: "a fifth of the country",
  "Ukraine's 603,500 km²" are about Ukraine, not about a disk of that area around its centre;
  :func:`territories` takes such claims out of the scene and gives the territory (the scene's
  :func:`~frontmap.maps.scene.territory_of`) with its verdict notes; a control map drawn with it shows
  the part held.
- **a distance from a line ends on the line**: "within 10 km of the Russian border" is a band along the
  border, not a ring around Russia's centroid 1,000 km away; :func:`line_distances` takes those claims out
  and gives the line, the band's width and the subject to join to its nearest point of the line.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from frontmap.errors import FrontmapError
from frontmap.gazetteer.place import Place
from frontmap.maps.plan import UKRAINE_EXTENT, Plan, verdict_note
from frontmap.maps.plan import fit as fit_plan
from frontmap.maps.scene import THEATRE, Check, Scene, is_far, territory_of
from frontmap.maps.style import Style, status_style, style
from frontmap.shapes import POINT_KINDS, distance_interval_km

__all__ = ["LineDistance", "Territory", "compact", "far_away", "fit", "line_distances", "territories"]


def _inside(lon: float, lat: float, box: tuple[float, float, float, float] = THEATRE) -> bool:
    w, s, e, n = box
    return w <= lon <= e and s <= lat <= n


def _reaches(bounds: tuple[float, ...], box: tuple[float, float, float, float] = THEATRE) -> bool:
    w, s, e, n = box
    return bounds[0] <= e and bounds[2] >= w and bounds[1] <= n and bounds[3] >= s


def _linear(p: Any) -> bool:
    if not isinstance(p, Place) or p.kind in POINT_KINDS:
        return False
    try:
        return p.geometry.geom_type in ("Polygon", "MultiPolygon", "LineString", "MultiLineString")
    except (FrontmapError, AttributeError):
        return False


# ------------------------------------------------------------------------------------- territories
@dataclass
class Territory:
    """A territory a share or area claim speaks of, to highlight instead of a disk."""

    place: Place
    geometry: Any  # lon/lat
    style: Style
    legend: str
    notes: list[tuple[str, str]] = field(default_factory=list)  # (text, colour)


def _notes(checks: list[Check]) -> list[tuple[str, str]]:
    out = []
    for ch in checks:
        colour = status_style(ch.status).stroke or ""
        out += [(n, colour) for n in (verdict_note(v) for v in ch.spatial) if n]
    return out


def territories(scene: Scene) -> tuple[Scene, list[Territory]]:
    """The scene without its claims about whole territories, and those territories to highlight."""
    found: dict[str, Territory] = {}
    taken: list[Any] = []
    for c in scene.claims:
        place = territory_of(c)
        if place is None:
            continue
        taken.append(c)
        t = found.get(place.id)
        if t is None:
            st = style("territory")
            t = found[place.id] = Territory(place, place.geometry, st, f"{st.legend()}: {place.name}")
        t.notes += _notes([ch for ch in scene.checks if ch.claim is c])
    return _without(scene, taken), list(found.values())


def _without(scene: Scene, claims: list[Any]) -> Scene:
    if not claims:
        return scene
    gone = {id(c) for c in claims}
    return dataclasses.replace(
        scene,
        claims=[c for c in scene.claims if id(c) not in gone],
        checks=[ch for ch in scene.checks if id(ch.claim) not in gone],
    )


# ---------------------------------------------------------------------------------- line distances
@dataclass
class LineDistance:
    """A distance claim measured from a border, a region or a river: a band along the line."""

    anchor: Place
    low_km: float
    high_km: float
    subject: Place | None
    style: Style
    legend: str
    colour: str | None = None  # the verdict's colour, when checked
    notes: list[tuple[str, str]] = field(default_factory=list)


def line_distances(scene: Scene) -> tuple[Scene, list[LineDistance]]:
    """The scene without its distances from lines and areas, and those distances as bands."""
    out, taken = [], []
    for c in scene.claims:
        anchor = getattr(c, "anchor", None)
        if getattr(c, "kind", "") != "distance" or not isinstance(anchor, Place) or not _linear(anchor):
            continue
        try:
            low, high = distance_interval_km(c)
        except FrontmapError:
            continue
        taken.append(c)
        checks = [ch for ch in scene.checks if ch.claim is c]
        st = style("distance")
        subject = getattr(c, "subject", None)
        item = LineDistance(anchor, low, high, subject if isinstance(subject, Place) else None, st, "")
        item.legend = f"distance claim: within its stated distance of {anchor.name}'s outline"
        if checks:
            item.colour = status_style(checks[0].status).stroke
        item.notes = _notes(checks)
        out.append(item)
    return _without(scene, taken), out


# ------------------------------------------------------------------------------------------ far away
def far_away(layout: Plan) -> list[Place]:
    """Take the places the scene calls far away (:func:`~frontmap.maps.scene.is_far`) out of
    ``layout``, with the marks and notes out there; the places taken.  Places given as such
    (``render(place, ...)``) stay: they were asked for."""
    far = [p for p in layout.places.values() if p.id not in layout.explicit and is_far(p)]
    for p in far:
        del layout.places[p.id]
    if far:
        layout.marks = [m for m in layout.marks if not is_far(_Spot(m[0], m[1]))]
        layout.notes = [t for t in layout.notes if not is_far(_Spot(t[0], t[1]))]
    return far


@dataclass(frozen=True)
class _Spot:
    lon: float
    lat: float
    kind: str = "point"


def fit(layout: Plan) -> tuple[float, float, float, float]:
    """The extent of what is drawn that reaches into the theatre (:func:`frontmap.maps.plan.fit` of
    it): a place or shape outside the theatre (Moscow, a disk of Russia's size) does not stretch the
    map.  When nothing reaches into it, everything counts; when nothing is drawn, Ukraine."""
    inside = Plan(
        shapes=[(g, st, z, f and _reaches(g.bounds)) for g, st, z, f in layout.shapes],
        marks=[m for m in layout.marks if _inside(m[0], m[1])],
        places={k: p for k, p in layout.places.items() if k in layout.explicit or _frames(p)},
        explicit=layout.explicit,
    )
    box = fit_plan(inside)
    return fit_plan(layout) if box == UKRAINE_EXTENT else box


def _frames(p: Place) -> bool:
    """Whether a mentioned place stretches the map: settlements, facilities and regions in the theatre;
    not rivers, seas and lakes (the Dnipro runs from Russia to the Black Sea: a story about its dam is
    framed by the places along it)."""
    if p.kind in ("river", "sea", "lake"):
        return False
    if p.kind in POINT_KINDS:
        return _inside(p.lon, p.lat)
    try:
        return _reaches(p.geometry.bounds)
    except (FrontmapError, AttributeError):
        return _inside(p.lon, p.lat)


def compact(note: str) -> str:
    r"""A verdict note in short lines, so it finds room on a crowded map:
    ``"distance: stated 45 km, measured 45 km\nbearing: stated 292°, measured 290°"`` ->
    ``"45 km (measured 45 km)\nbearing 292° (290°)"``.

    >>> compact("distance: stated 45 km, measured 44 km\nbearing: stated 292°, measured 290°")
    '45 km (measured 44 km)\nbearing 292° (290°)'
    """
    out = []
    for line in note.splitlines():
        check, _, rest = line.partition(": stated ")
        stated, _, measured = rest.partition(", measured ")
        if not measured:
            out.append(line)
        elif check in ("distance", "area"):
            out.append(f"{stated} (measured {measured})")
        else:
            out.append(f"{check} {stated} ({measured})")
    return "\n".join(out)
