"""Control maps over time, the front line between them, and what changed.

A :class:`ControlMap` is one snapshot: the territory held by one side (by default ``"occupied"``, the
area held by Russia) on one date, as a single lon/lat (Multi)Polygon.  From it come its geodesic area,
its share of a country, a per-oblast table, the front line (where the area meets the rest of the
country, without the stretches along the international border or the coast) and point-in-area tests.
:func:`change` compares two snapshots; :func:`at` and :func:`between` pick snapshots from a series.

All coordinates are lon/lat degrees (EPSG:4326); areas are geodesic km² on the WGS84 ellipsoid,
lengths geodesic km.  Country and region polygons default to the gazetteer's (``Gazetteer().country
("UA")`` and ``Gazetteer().regions("UA")``); every method that uses them takes them as an optional
argument, so any country can be used.
"""

from __future__ import annotations

import datetime as _dt
import os
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from frontmap._dates import date_from_name, require_date
from frontmap._display import KM2_NOISE
from frontmap.control._show import change_html, controlmap_html
from frontmap.control.files import MAX_BYTES, load
from frontmap.control.measure import (
    _area_km2,
    _default_country,
    _gazetteer,
    _length_km,
    _lines_only,
    _per_region,
    _resolve_geometry,
    metric_projection,
)
from frontmap.control.repairs import Repair, _polygonal
from frontmap.control.timeline import ControlSeries
from frontmap.errors import ControlMapError, GeometryError, InputError
from frontmap.gazetteer.place import Place

__all__ = ["Change", "ControlMap", "Repair", "at", "between", "change"]

#: Default tolerance (km) within which a stretch of boundary counts as lying on the country outline.
FRONT_TOLERANCE_KM = 3.0
#: Holes narrower than this (km) are slivers between drawn layers, not pockets: not part of the front.
MIN_HOLE_WIDTH_KM = 0.1


@dataclass(frozen=True, repr=False)
class ControlMap:
    """The area held by one side on one date: an immutable snapshot.

    Parameters
    ----------
    geometry : shapely Polygon or MultiPolygon
        The controlled area, lon/lat degrees (EPSG:4326), valid and 2-D.
    date : datetime.date or None
        The day the snapshot shows.
    side : str
        Who holds ``geometry``: ``"occupied"`` (held by Russia, the default), ``"ukraine"``, ... stored
        lower-case.  :func:`change` compares only maps of the same side.
    source : str or None
        Where it was read from (a path or URL).
    name : str or None
        A short label (the file name without extension by default).
    skipped : tuple of str
        Ids of features that were not polygons (points, lines, empty geometries) and were left out
        (also unreadable geometries, when read with ``repair="allow"``).
    repairs : tuple of Repair
        Every change made to a feature while reading (made valid, non-polygon members of a collection
        dropped ...): the feature's id (or name, or index), what was done, its km² before and after.

    Build one with :meth:`read` (files, URLs, GeoDataFrames, geometries) or directly.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> cm = ControlMap.read(box(37.0, 49.0, 38.0, 50.0), date="2022-09-06")
    >>> f"{cm.area_km2():.0f}", cm.date.isoformat(), cm.side
    ('8056', '2022-09-06', 'occupied')
    """

    geometry: Any
    date: _dt.date | None = None
    side: str = "occupied"
    source: str | None = None
    name: str | None = None
    skipped: tuple[str, ...] = field(default=(), compare=False)
    repairs: tuple[Repair, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        from shapely.geometry import MultiPolygon, Polygon

        if not isinstance(self.geometry, (Polygon, MultiPolygon)):
            raise ControlMapError(
                f"a ControlMap needs a Polygon or MultiPolygon, not {type(self.geometry).__name__!r}; "
                "use ControlMap.read() to extract and repair polygons"
            )
        object.__setattr__(self, "date", require_date(self.date))
        if not isinstance(self.side, str) or not self.side.strip():
            raise InputError(
                f"side must be a non-empty string such as 'occupied' or 'ukraine', not {self.side!r}"
            )
        object.__setattr__(self, "side", self.side.strip().lower())
        object.__setattr__(self, "skipped", tuple(self.skipped))
        object.__setattr__(self, "repairs", tuple(self.repairs))

    def __repr__(self) -> str:
        import shapely

        n = int(shapely.get_num_coordinates(self.geometry))
        return (
            f"ControlMap(name={self.name!r}, date={self.date!r}, side={self.side!r}, "
            f"geometry=<{self.geometry.geom_type}, {n} points>, source={self.source!r})"
        )

    # ---------------------------------------------------------------------------------- reading
    @classmethod
    def read(
        cls,
        source: Any,
        date: Any = None,
        side: str = "occupied",
        *,
        name: str | None = None,
        layer: str | None = None,
        max_bytes: int = MAX_BYTES,
        repair: str = "refuse",
        progress: bool = False,
    ) -> ControlMap:
        """Read a control map from a file, a URL, a GeoDataFrame or a shapely geometry.

        Parameters
        ----------
        source : path, str, bytes, GeoDataFrame or shapely geometry
            GeoJSON, KML, KMZ (unzipped in memory) or GeoPackage, read with pyogrio; a string
            starting with ``http://`` or ``https://`` is downloaded (only when you pass one).  All
            spatial layers are read and unioned unless ``layer`` names one.  Data in another CRS is
            reprojected to lon/lat.
        date : date, str or None
            The snapshot date.  When None: the latest date in a date-like property (``date``,
            ``target_date``, ``snapshot_date``, ``day``, ``effective``, ``datetime``, ``timestamp``,
            ``time``), else a date in the file name (``deepstate_2022-09-06.geojson``, or a stem of 9–10
            digits read as a Unix time), else None.
        side : str
            Who holds the area (default ``"occupied"``).
        max_bytes : int
            Refuse files (and KMZ contents once unzipped) larger than this (default 500 MB); the error
            names the file and its size.
        repair : ``"refuse"`` or ``"allow"``
            With ``"refuse"`` (the default) a repair that changes a feature's area by more than 0.1 %
            (a hole outside its shell, a bow-tie ring ...) and a geometry that cannot be parsed (an
            unclosed ring) are errors; with ``"allow"`` the repair is applied (the unparseable feature
            skipped), recorded and warned about.
        progress : bool
            Show a progress bar (tqdm, on stderr) while a large file is read (default off).

        Invalid polygons are repaired (``shapely.make_valid``, polygonal parts kept), Z values dropped
        and all polygons unioned.  Every repair is recorded in :attr:`repairs` (feature, what was done,
        km² before and after) and summarised in one warning.  Features that are not polygons are
        skipped with a warning listing their ids (also kept in :attr:`skipped`).

        Raises
        ------
        ControlMapError
            Naming the file: unreadable or empty file, no polygons, a zip inside the KMZ, a file over the
            size cap, a polygon that cannot be repaired or whose repair changes its area (with its feature
            id), an unknown CRS, coordinates outside the world or with latitude and longitude swapped.
        """
        loaded = load(source, layer=layer, max_bytes=max_bytes, repair=repair, progress=progress)
        when = require_date(date)
        if when is None:
            when = loaded.date
        if when is None and isinstance(source, (str, os.PathLike)):
            when = date_from_name(os.fspath(source).split("?")[0])
        _warn_about(loaded.source or "control map", loaded.skipped, loaded.repairs)
        return cls(
            loaded.geometry, when, side, loaded.source, name or loaded.name, loaded.skipped, loaded.repairs
        )

    @classmethod
    def series(cls, paths: Iterable[Any], side: str = "occupied", **kwargs: Any) -> ControlSeries:
        """Read several snapshots and return them sorted by date (oldest first), as a
        :class:`~frontmap.control.timeline.ControlSeries`: a list of the maps whose ``to_frame()`` is a
        pandas DataFrame indexed by date (``area_km2``, ``share`` of Ukraine, ``change_km2``) and whose
        ``plot()`` draws the area held over time.

        Every snapshot needs a date (from a property or its file name); otherwise
        :class:`ControlMapError` names the file.  Extra keyword arguments go to :meth:`read`.
        A directory may be given instead of the list of paths: its ``*.geojson``, ``*.kml``, ``*.kmz``
        and ``*.gpkg`` files are read.
        """
        if isinstance(paths, (str, os.PathLike)) and os.path.isdir(paths):
            folder = os.fspath(paths)
            exts = (".geojson", ".json", ".kml", ".kmz", ".gpkg")
            paths = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.lower().endswith(exts))
        elif isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        maps = []
        for p in paths:
            cm = p if isinstance(p, ControlMap) else cls.read(p, side=side, **kwargs)
            if cm.date is None:
                raise ControlMapError(
                    f"no date for {cm.source or p!r}: put one in the file name (name_2022-09-06.geojson) "
                    "or a 'date' property, or read it with ControlMap.read(path, date=...)"
                )
            maps.append(cm)
        if not maps:
            raise ControlMapError("no control-map files given")
        return ControlSeries(sorted(maps, key=lambda m: m.date))  # type: ignore[arg-type,return-value]

    def with_date(self, date: Any) -> ControlMap:
        """A copy with another date (the geometry is shared)."""
        import dataclasses

        return dataclasses.replace(self, date=require_date(date))

    # ------------------------------------------------------------------------------- measuring
    @cached_property
    def _area(self) -> float:
        return _area_km2(self.geometry)

    def area_km2(self) -> float:
        """Geodesic area of the controlled territory, km² (WGS84 ellipsoid)."""
        return self._area

    def share_of(self, place: Any = "Ukraine") -> float:
        """The fraction (0–1) of ``place`` that is controlled: area(controlled ∩ place) / area(place).

        ``place`` is a name (``"Ukraine"`` is the gazetteer's country polygon), a :class:`Place` or a
        polygonal shapely geometry.  Controlled area outside ``place`` does not count.
        """
        geom = _resolve_geometry(place)
        if geom.geom_type not in ("Polygon", "MultiPolygon"):
            raise InputError(
                f"share_of needs an area, but {place!r} is a {geom.geom_type}; give a region or country"
            )
        total = _area_km2(geom)
        if total <= 0:
            raise GeometryError(f"{place!r} has no area; give a region or country polygon")
        if geom.covers(self.geometry):
            return self._area / total
        return _area_km2(self.geometry.intersection(geom)) / total

    def by_region(self, regions: Any = None) -> Any:
        """Controlled km² in each region, as a pandas DataFrame sorted by ``km2``, largest first.

        Columns: ``region`` (name), ``km2`` (controlled area inside it), ``share`` (``km2`` over the
        region's own area, 0–1), ``region_km2``.  All regions are listed, zeros included.
        ``df.attrs["outside_km2"]`` is the controlled area falling in no region (sea, other countries,
        gaps between region polygons).  ``regions`` defaults to the gazetteer's oblasts of Ukraine;
        it may be a GeoDataFrame with a ``name`` column, a ``{name: geometry}`` dict, ``(name,
        geometry)`` pairs or Places.
        """
        import pandas as pd

        names, region_km2, vals = _per_region({"km2": self.geometry}, regions)
        km2 = vals["km2"]
        df = pd.DataFrame(
            {
                "region": names,
                "km2": km2,
                "share": [k / r if r > 0 else 0.0 for k, r in zip(km2, region_km2, strict=True)],
                "region_km2": region_km2,
            }
        )
        df = df.sort_values("km2", ascending=False, kind="stable").reset_index(drop=True)
        df.attrs["outside_km2"] = max(self._area - sum(km2), 0.0)
        df.attrs["date"] = self.date
        df.attrs["side"] = self.side
        return df

    def front_line(
        self,
        country: Any = None,
        tolerance_km: float = FRONT_TOLERANCE_KM,
        *,
        water: Any = None,
        min_hole_width_km: float = MIN_HOLE_WIDTH_KM,
    ) -> Any:
        """The line where the controlled area meets the rest of the country, lon/lat.

        The boundary of the controlled polygon without the stretches lying within ``tolerance_km`` of the
        country's outline (international border and coast) or outside the country: computed as the
        boundary's intersection with the country shrunk by ``tolerance_km`` in a Lambert azimuthal
        equal-area plane centred on the country.  The ends of each stretch of front therefore stop
        ``tolerance_km`` short of the border.  Holes (areas held by the other side inside the controlled
        one) are part of the front, except slivers narrower than ``min_hole_width_km`` (gaps left
        between layers drawn separately, such as the areas held since 2014 and since 2022).

        Limits: the outline decides what is coast.  A lagoon or reservoir that the outline counts as land
        (the Sivash, with the gazetteer's Natural Earth outline) has shores that look like front unless
        given as ``water``; where the map's coast or border strays from the outline by more than
        ``tolerance_km``, short spurious pieces remain.

        Parameters
        ----------
        country : name, Place, shapely (Multi)Polygon or None
            The country outline; the gazetteer's Ukraine (Crimea included) when None.
        tolerance_km : float
            How close to the outline (or ``water``) a stretch of boundary may be and still count as
            border or coast.
        water : shapely geometry or None
            Lakes, lagoons, reservoirs inside the outline whose shores are not front.
        min_hole_width_km : float
            Holes of the controlled area narrower than this are slivers, not pockets, and are ignored.

        Returns
        -------
        shapely LineString or MultiLineString (possibly empty)
        """
        import shapely
        from shapely.geometry import MultiPolygon, Polygon

        for label, value in (("tolerance_km", tolerance_km), ("min_hole_width_km", min_hole_width_km)):
            if not isinstance(value, (int, float)) or not value >= 0:
                raise InputError(f"{label} must be a number ≥ 0, not {value!r}")
        outline = _default_country() if country is None else _resolve_geometry(country, "country")
        inner, to_metric, to_lonlat = _shrunk_country(outline, float(tolerance_km))
        if water is not None:
            inner = inner.difference(
                to_metric(_resolve_geometry(water, "water")).buffer(tolerance_km * 1000.0)
            )
        half_width_m = min_hole_width_km * 500.0
        parts = []
        for poly in getattr(self.geometry, "geoms", [self.geometry]):
            holes = [
                h
                for h in poly.interiors
                if half_width_m <= 0 or not to_metric(Polygon(h)).buffer(-half_width_m).is_empty
            ]
            parts.append(Polygon(poly.exterior, holes) if len(holes) != len(poly.interiors) else poly)
        boundary = to_metric(shapely.boundary(MultiPolygon(parts)))
        return to_lonlat(_lines_only(boundary.intersection(inner)))

    def front_length_km(
        self, country: Any = None, tolerance_km: float = FRONT_TOLERANCE_KM, **kwargs: Any
    ) -> float:
        """Geodesic length of :meth:`front_line` (same arguments), km."""
        return _length_km(self.front_line(country, tolerance_km, **kwargs))

    def contains(self, place: Any) -> bool:
        """Whether ``place`` (a name, :class:`Place`, shapely geometry or ``(lon, lat)``) was inside the
        controlled area on this map's date.  A Place or name counts by its representative point
        (``lon``, ``lat``); another geometry must be covered entirely; the boundary counts as inside."""
        from shapely.geometry import Point

        if isinstance(place, str) and place.strip().lower() not in ("ukraine", "ua"):
            place = _gazetteer().resolve(place)
        if isinstance(place, Place):
            geom = Point(place.lon, place.lat)
        else:
            geom = _resolve_geometry(place)
        return bool(self.geometry.covers(geom))

    def _repr_html_(self) -> str:
        """In a notebook: the held area on a small map, with its date, area and share of Ukraine."""
        return controlmap_html(self)

    def to_geodataframe(self) -> Any:
        """One-row GeoDataFrame (EPSG:4326): name, date, side, source, area_km2, geometry."""
        import geopandas as gpd

        row = {
            "name": self.name,
            "date": self.date.isoformat() if self.date else None,
            "side": self.side,
            "source": self.source,
            "area_km2": self._area,
        }
        return gpd.GeoDataFrame([row], geometry=[self.geometry], crs="EPSG:4326")


def _warn_about(label: str, skipped: tuple[str, ...], repairs: tuple[Repair, ...]) -> None:
    """One warning for the skipped features, one summarising the repairs (area before and after)."""
    if skipped:
        shown = ", ".join(skipped[:10]) + (" ..." if len(skipped) > 10 else "")
        warnings.warn(
            f"{label}: skipped {len(skipped)} feature(s) that are not usable polygons: {shown}",
            UserWarning,
            stacklevel=3,
        )
    if repairs:
        before = sum(r.km2_before for r in repairs)
        after = sum(r.km2_after for r in repairs)
        shown = "; ".join(str(r) for r in repairs[:10]) + (" ..." if len(repairs) > 10 else "")
        warnings.warn(
            f"{label}: repaired {len(repairs)} feature(s), area of the repaired features "
            f"{before:,.1f} km² before, {after:,.1f} km² after (see .repairs): {shown}",
            UserWarning,
            stacklevel=3,
        )


_SHRUNK: dict[tuple[bytes, float], tuple[Any, Any, Any]] = {}


def _shrunk_country(outline: Any, tolerance_km: float) -> tuple[Any, Any, Any]:
    """The country shrunk by ``tolerance_km`` in its LAEA plane, with the plane's transforms (cached)."""
    import shapely

    key = (shapely.to_wkb(outline), tolerance_km)
    hit = _SHRUNK.get(key)
    if hit is None:
        to_metric, to_lonlat = metric_projection(outline)
        inner = to_metric(outline).buffer(-tolerance_km * 1000.0)
        shapely.prepare(inner)
        if len(_SHRUNK) > 16:
            _SHRUNK.clear()
        hit = _SHRUNK[key] = (inner, to_metric, to_lonlat)
    return hit


# ------------------------------------------------------------------------------------------- change
@dataclass(frozen=True, repr=False)
class Change:
    """What changed between two control maps of the same side.

    ``gained`` is the area held in ``after`` but not in ``before``; ``lost`` the area held in ``before``
    but not in ``after`` — from the point of view of ``side`` (for occupied-area maps, Ukraine's
    counter-offensive shows as ``lost``).  Areas are geodesic km²; ``net_km2 = gained_km2 - lost_km2``,
    equal (up to rounding) to ``after.area_km2() - before.area_km2()``.
    """

    gained: Any
    lost: Any
    gained_km2: float
    lost_km2: float
    before: _dt.date | None
    after: _dt.date | None
    side: str
    sources: tuple[str | None, str | None] = (None, None)

    @property
    def net_km2(self) -> float:
        """``gained_km2 - lost_km2``."""
        return self.gained_km2 - self.lost_km2

    def __repr__(self) -> str:
        return (
            f"Change(side={self.side!r}, before={self.before!r}, after={self.after!r}, "
            f"gained_km2={self.gained_km2:.1f}, lost_km2={self.lost_km2:.1f}, net_km2={self.net_km2:.1f})"
        )

    def _repr_html_(self) -> str:
        """In a notebook: the ground gained and lost on a small map, with the areas."""
        return change_html(self)

    def by_region(self, regions: Any = None) -> Any:
        """km² gained and lost in each region, a pandas DataFrame sorted by ``gained_km2 + lost_km2``
        (the area that changed hands), largest first.  Columns: ``region``, ``gained_km2``,
        ``lost_km2``, ``net_km2``.  ``regions`` as in :meth:`ControlMap.by_region`."""
        import pandas as pd

        names, _, vals = _per_region({"gained": self.gained, "lost": self.lost}, regions)
        df = pd.DataFrame({"region": names, "gained_km2": vals["gained"], "lost_km2": vals["lost"]})
        areas = df[["gained_km2", "lost_km2"]]
        df[["gained_km2", "lost_km2"]] = areas.mask(areas.abs() < KM2_NOISE, 0.0)  # overlay noise: 0
        df["net_km2"] = df["gained_km2"] - df["lost_km2"]
        order = (df["gained_km2"] + df["lost_km2"]).sort_values(ascending=False, kind="stable").index
        df = df.loc[order].reset_index(drop=True)
        df.attrs.update(before=self.before, after=self.after, side=self.side)
        return df


def change(before: ControlMap, after: ControlMap) -> Change:
    """Compare two control maps of the same side: area gained and lost between them.

    >>> from shapely.geometry import box
    >>> a = ControlMap(box(37.0, 49.0, 38.0, 50.0), "2022-09-06")
    >>> b = ControlMap(box(37.5, 49.0, 38.0, 50.0), "2022-09-12")
    >>> c = change(a, b)
    >>> f"{c.gained_km2:.0f} {c.lost_km2:.0f} {c.net_km2:.0f}"
    '0 4028 -4028'
    """
    for label, cm in (("before", before), ("after", after)):
        if not isinstance(cm, ControlMap):
            raise InputError(f"change() needs two ControlMaps; {label} is {type(cm).__name__!r}")
    if before.side != after.side:
        raise ControlMapError(
            f"cannot compare a {before.side!r} map with a {after.side!r} map; read both with the same side="
        )
    if before.date and after.date and after.date < before.date:
        raise ControlMapError(
            f"'after' ({after.date}) is earlier than 'before' ({before.date}); "
            "swap them: change(before, after)"
        )

    gained = _polygonal(after.geometry.difference(before.geometry))
    lost = _polygonal(before.geometry.difference(after.geometry))
    return Change(
        gained=gained,
        lost=lost,
        gained_km2=_area_km2(gained),
        lost_km2=_area_km2(lost),
        before=before.date,
        after=after.date,
        side=before.side,
        sources=(before.source, after.source),
    )


# ------------------------------------------------------------------------------------ series helpers
def _dated(series: Sequence[ControlMap]) -> list[ControlMap]:
    maps = list(series)
    for cm in maps:
        if not isinstance(cm, ControlMap):
            raise InputError(f"a series holds ControlMaps, not {type(cm).__name__!r}")
        if cm.date is None:
            raise ControlMapError(
                f"control map {cm.name or cm.source!r} has no date; give it one with with_date()"
            )
    return sorted(maps, key=lambda m: m.date)  # type: ignore[arg-type,return-value]


def at(series: Sequence[ControlMap], date: Any) -> ControlMap | None:
    """The map in force on ``date``: the latest one dated on or before it (None if all are later).

    ``series`` need not be sorted; every map needs a date.
    """
    when = require_date(date)
    found = None
    for cm in _dated(series):
        if cm.date <= when:  # type: ignore[operator]
            found = cm
    return found


def between(
    series: Sequence[ControlMap], start: Any, end: Any
) -> tuple[ControlMap | None, ControlMap | None]:
    """The pair of maps bracketing ``start``…``end``: ``(the latest on or before start, the earliest on
    or after end)``; either is None when the series does not reach that far.

    Feed the pair to :func:`change` to see what changed over the period (``change(*between(...))``
    when neither is None).
    """
    d0, d1 = require_date(start), require_date(end)
    if d0 is None or d1 is None:
        raise InputError(f"between() needs two dates, got {start!r} and {end!r}")
    if d1 < d0:
        raise InputError(f"end {d1} is before start {d0}")
    maps = _dated(series)
    before = at(maps, d0)
    after = next((cm for cm in maps if cm.date >= d1), None)  # type: ignore[operator]
    return before, after
