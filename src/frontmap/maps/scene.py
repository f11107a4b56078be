"""What a map shows, collected from what the user passed: the one collector of both renderers.

:func:`collect` walks what was given to :func:`frontmap.draw` (folium) or :func:`frontmap.render`
(matplotlib) -- articles, mentions, claims, verdicts, control maps, changes, inferred control, places,
shapely geometries, GeoDataFrames and GeoSeries, and (nested) lists or generators of them -- and sorts
it into one :class:`Scene`.  Records are recognised by type where frontmap defines them, else
duck-typed, so records from any module work.  Anything else raises :class:`~frontmap.errors.InputError`
naming the item and what would work.

The scene also settles what both renderers must agree on: which control map of a side is the latest,
the colour of each side (:mod:`frontmap.maps.style`), the checks to draw (verdicts grouped by claim,
in their worst status), the inferred uncertainty band and the sources to credit.  How each renderer draws
it is its own business (:mod:`frontmap.maps.layers`, :mod:`frontmap.maps.plan`).
"""

from __future__ import annotations

import datetime as _dt
import os
import reprlib
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontmap._dates import to_date
from frontmap.checks import check as run_check
from frontmap.errors import InputError
from frontmap.gazetteer.place import Place
from frontmap.maps.style import side_colours, side_key
from frontmap.reading.article import Mention
from frontmap.reading.claims import Claim

__all__ = [
    "ACCEPTED",
    "MAX_DEPTH",
    "NEARBY",
    "THEATRE",
    "Check",
    "Scene",
    "band_of",
    "buffer_km",
    "collect",
    "date_of",
    "hull_places",
    "is_far",
    "territory_of",
]

#: What :func:`collect` accepts, as said in its error messages.
ACCEPTED = (
    "Article, claims (DistanceClaim, AreaClaim, ShareClaim, ComparisonClaim), Verdict, ControlMap, "
    "Change, InferredControl, Place, Mention, shapely geometries (lon/lat), GeoDataFrames or GeoSeries, "
    "or lists of these"
)
#: How deep lists may nest.
MAX_DEPTH = 20
#: Checks with nothing to show on a map (a unit conversion is arithmetic on the text): listed with the
#: claim's other verdicts but they neither colour it nor draw it on their own.
NOT_SPATIAL = ("conversion",)
#: A claim checked several ways takes the first of these statuses among its verdicts.
WORST_FIRST = ("inconsistent", "consistent", "unverifiable")
#: The theatre (west, south, east, north): Ukraine and a margin.  Only what lies in it frames a map.
THEATRE = (21.0, 43.5, 41.5, 53.5)
#: Places outside this box (Washington, Gaza) are far away: listed beside the map, not drawn on it.
NEARBY = (12.0, 37.0, 56.0, 61.0)
#: Place kinds that are areas (a claim about one is about its territory).
AREA_KINDS = ("country", "region", "raion", "hromada")


@dataclass
class Check:
    """The verdicts of one claim: drawn once, in the colour of ``status`` (the worst spatial one)."""

    claim: Claim
    verdicts: list[Any]  # every verdict of the claim, in the order given (non-spatial ones too)
    status: str
    other: Claim | None = None  # the other claim of a cross-claim check

    @property
    def spatial(self) -> list[Any]:
        """The verdicts that say something about where (all but :data:`NOT_SPATIAL` checks)."""
        return [v for v in self.verdicts if getattr(v, "check", "") not in NOT_SPATIAL]


@dataclass
class Scene:
    """What was handed to a renderer, sorted by kind (articles contribute their mentions and claims)."""

    articles: list[Any] = field(default_factory=list)
    mentions: list[tuple[Mention, Any]] = field(default_factory=list)  # (mention, article or None), located
    places: list[Place] = field(default_factory=list)  # given as such (not only mentioned)
    claims: list[Claim] = field(default_factory=list)  # given or in articles, each once
    verdicts: list[Any] = field(default_factory=list)  # given, or from check=True
    controls: list[Any] = field(default_factory=list)
    changes: list[Any] = field(default_factory=list)
    inferred: list[Any] = field(default_factory=list)
    shapes: list[Any] = field(default_factory=list)  # shapely geometries, lon/lat
    checks: list[Check] = field(default_factory=list)  # filled by collect()
    side_colours: dict[str, str] = field(default_factory=dict)  # filled by collect()

    def add_claim(self, claim: Claim) -> None:
        if not any(claim is c for c in self.claims):
            self.claims.append(claim)

    def side_colour(self, side: Any) -> str:
        key = side_key(side)
        if key not in self.side_colours:  # a side the collector did not see: colour it now
            self.side_colours.update(side_colours([*self.side_colours, key]))
        return self.side_colours[key]

    def is_latest(self, cm: Any) -> bool:
        """True for the latest control map of its side (undated maps count as oldest; on a tie, the
        one given last)."""
        return self._latest().get(side_key(cm.side)) is cm

    def _latest(self) -> dict[str, Any]:
        def when(cm: Any) -> tuple[bool, _dt.date]:
            day = date_of(cm)
            return (day is not None, day or _dt.date.min)

        latest: dict[str, Any] = {}
        for cm in self.controls:
            key = side_key(cm.side)
            if key not in latest or when(cm) >= when(latest[key]):
                latest[key] = cm
        return latest

    def sources(self) -> list[str]:
        """The sources of what is drawn (file names without their folder), each once, in order."""
        found = [getattr(a, "source", None) for a in self.articles]
        found += [getattr(c, "source", None) for c in self.claims]
        found += [getattr(ch.claim, "source", None) for ch in self.checks]
        found += [getattr(cm, "source", None) for cm in self.controls]
        found += [s for ch in self.changes for s in (getattr(ch, "sources", ()) or ())]
        out: list[str] = []
        for s in found:
            if not s:
                continue
            text = str(s)
            if not text.startswith(("http://", "https://")) and os.sep in text:
                text = Path(text).name
            if text not in out:
                out.append(text)
        return out


def date_of(record: Any) -> _dt.date | None:
    """A control map's (or any record's) ``date`` as a date; None when it has none or it is unreadable."""
    return to_date(getattr(record, "date", None))


# ---------------------------------------------------------------------------------------- collect
def collect(things: Any, *, check: bool = False, caller: str = "draw") -> Scene:
    """Sort ``things`` into a :class:`Scene`; :class:`InputError` for anything that cannot be drawn.

    With ``check``, when claims are given (alone or in articles) and no verdict, :func:`frontmap.check`
    is run on them and its verdicts are drawn too; if checking fails, the map is still made, with a
    warning.  ``caller`` names the function in messages (``draw``, ``render``).
    """
    scene = Scene()
    _walk(things, scene, 0, caller)
    if check and scene.claims and not scene.verdicts:
        scene.verdicts = _run_checks(scene, caller)
    scene.checks = _group_checks(scene.verdicts)
    sides = [cm.side for cm in scene.controls] + [getattr(ch, "side", "") for ch in scene.changes]
    sides += [side for inf in scene.inferred for side in dict(getattr(inf, "held", {}) or {})]
    scene.side_colours = side_colours(sides)
    return scene


def _describe(thing: Any) -> str:
    return reprlib.repr(thing)


def _walk(thing: Any, scene: Scene, depth: int, caller: str) -> None:
    if depth > MAX_DEPTH:
        raise InputError(
            f"{caller}() got lists nested more than {MAX_DEPTH} deep; pass the records themselves, "
            "or a flat list of them"
        )
    for accepts, add in _KINDS:
        if accepts(thing):
            add(scene, thing)
            return
    if isinstance(thing, str | bytes):
        raise InputError(
            f"cannot draw the text {_describe(thing)} (a {type(thing).__name__}): read it first "
            f"(fm.read(text) gives an Article); {caller}() accepts {ACCEPTED}"
        )
    if isinstance(thing, Iterable) and not isinstance(thing, dict) and not hasattr(thing, "columns"):
        for item in thing:
            _walk(item, scene, depth + 1, caller)
        return
    raise InputError(
        f"cannot draw a {type(thing).__name__!r} ({_describe(thing)}); {caller}() accepts {ACCEPTED}"
    )


def _is_geometry(thing: Any) -> bool:
    from shapely.geometry.base import BaseGeometry

    return isinstance(thing, BaseGeometry)


def _is_table(thing: Any) -> bool:  # a GeoDataFrame or GeoSeries
    return hasattr(thing, "to_crs") and hasattr(thing, "geometry") and not _is_geometry(thing)


def _add_table(scene: Scene, table: Any) -> None:
    gs = table.geometry
    if getattr(gs, "crs", None) is not None:
        gs = gs.to_crs(4326)
    scene.shapes.extend(g for g in gs if g is not None and not g.is_empty)


def _add_article(scene: Scene, article: Any) -> None:
    scene.articles.append(article)
    for m in article.mentions:  # a place speaking for its state ("Moscow said") is not where anything is
        if m.place is not None and getattr(m, "role", "location") == "location":
            scene.mentions.append((m, article))
    for c in article.claims:
        scene.add_claim(c)


def _add_mention(scene: Scene, m: Mention) -> None:
    if m.place is not None:  # given on its own: drawn whatever its role
        scene.mentions.append((m, None))


def _has(*names: str) -> Callable[[Any], bool]:
    return lambda thing: all(hasattr(thing, n) for n in names)


#: (recognise, add) in the order tried: frontmap's own types first, then duck-typed records.
_KINDS: list[tuple[Callable[[Any], bool], Callable[[Scene, Any], None]]] = [
    (lambda t: isinstance(t, Place), lambda s, t: s.places.append(t)),
    (lambda t: isinstance(t, Claim), Scene.add_claim),
    (lambda t: isinstance(t, Mention), _add_mention),
    (_is_geometry, lambda s, t: s.shapes.append(t)),
    (_is_table, _add_table),
    (_has("mentions", "claims"), _add_article),  # Article
    (_has("status", "claim"), lambda s, t: s.verdicts.append(t)),  # Verdict
    (_has("gained", "lost"), lambda s, t: s.changes.append(t)),  # Change
    (_has("held"), lambda s, t: s.inferred.append(t)),  # InferredControl
    (_has("front_line", "geometry"), lambda s, t: s.controls.append(t)),  # ControlMap
]


def _run_checks(scene: Scene, caller: str) -> list[Any]:
    in_articles = {id(c) for a in scene.articles for c in a.claims}
    try:
        return list(run_check(scene.articles + [c for c in scene.claims if id(c) not in in_articles]))
    except Exception as exc:  # the map is still worth having without its checks
        warnings.warn(f"{caller}() could not check the claims: {exc}", UserWarning, stacklevel=4)
        return []


def _rank(status: Any) -> int:
    return WORST_FIRST.index(status) if status in WORST_FIRST else len(WORST_FIRST)


def _group_checks(verdicts: list[Any]) -> list[Check]:
    groups: dict[int, Check] = {}
    for v in verdicts:
        claim = getattr(v, "claim", None)
        if not isinstance(claim, Claim):
            continue
        group = groups.setdefault(id(claim), Check(claim, [], ""))
        group.verdicts.append(v)
        other = getattr(v, "other", None)
        if group.other is None and isinstance(other, Claim):
            group.other = other
    out = []
    for group in groups.values():
        spatial = [str(v.status) for v in group.spatial]
        if spatial:
            group.status = min(spatial, key=_rank)
            out.append(group)
    return out


# ------------------------------------------------------------------------------- where things are
def is_far(place: Any) -> bool:
    """True for a place to list rather than draw: a point outside :data:`NEARBY`, or an area that
    does not reach into :data:`THEATRE` (the United States; not Russia, which borders Ukraine)."""
    from shapely.geometry import box

    kind = getattr(place, "kind", "")
    if kind in (*AREA_KINDS, "sea", "lake", "river"):
        geom = getattr(place, "geometry", None)
        if geom is not None and not geom.is_empty and geom.geom_type != "Point":
            return not geom.intersects(box(*THEATRE))
    w, s, e, n = NEARBY
    return not (w <= place.lon <= e and s <= place.lat <= n)


def territory_of(claim: Any) -> Place | None:
    """The country or region an area or share claim is about, when it has an outline: a share's
    ``of`` ("a fifth of Ukraine"), an area claim's subject when that is a region or country.  Such a
    claim is drawn by highlighting that territory, not as a disk of its size."""
    kind = getattr(claim, "kind", "")
    place = getattr(claim, "of", None) if kind == "share" else getattr(claim, "subject", None)
    if kind not in ("share", "area") or not isinstance(place, Place) or place.kind not in AREA_KINDS:
        return None
    geom = place.geometry
    if geom is None or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    return place


def hull_places(claim: Any) -> tuple[Place, ...]:
    """The places whose hull shows where an area changed hands ("6,000 km² retaken, including Izium,
    Balakliia and Kupiansk"): two or more, when the area is not said of one town.  Empty otherwise: such
    a claim is drawn as a disk of its area around that town (or, with no place, not on the map)."""
    if getattr(claim, "kind", "") != "area" or territory_of(claim) is not None:
        return ()
    subject = getattr(claim, "subject", None)
    places = tuple(getattr(claim, "places", ()) or ())
    if len(places) < 2 or (isinstance(subject, Place) and subject.kind in ("settlement", "facility")):
        return ()
    return places


# --------------------------------------------------------------------------------- inferred band
def band_of(inferred: Any) -> Any:
    """Where an inferred front may be: its own ``band``, else its line widened by ``uncertainty_km``;
    None when it has neither.  May raise (a projection failing) -- the renderers report it."""
    band = getattr(inferred, "band", None)
    if band is not None and not band.is_empty:
        return band
    line, km = getattr(inferred, "line", None), getattr(inferred, "uncertainty_km", None)
    if line is None or line.is_empty or not isinstance(km, int | float) or not km > 0 or km == float("inf"):
        return None
    return buffer_km(line, float(km))


def buffer_km(geom: Any, km: float) -> Any:
    """A geodesic-enough buffer: ``geom`` buffered by ``km`` in an azimuthal-equidistant plane centred
    on it (true distances from the centre; fine for the few hundred km of a front line)."""
    import numpy as np
    import shapely
    from pyproj import Transformer

    c = geom.centroid
    crs = f"+proj=aeqd +lon_0={c.x} +lat_0={c.y} +ellps=WGS84 +units=m"
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    back = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    def apply(t: Any, g: Any) -> Any:
        return shapely.transform(g, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))

    return apply(back, apply(fwd, geom).buffer(km * 1000.0, quad_segs=8))
