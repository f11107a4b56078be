"""`Place`: one gazetteer entry, an immutable record.

Coordinates are WGS84 degrees; ``geometry`` is a shapely geometry in lon/lat order (a Point for a
settlement or facility, a (Multi)Polygon for a region, country or sea, a (Multi)LineString or Point
for a river).  Polygons are loaded lazily the first time ``geometry`` is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontmap._display import box, html_table, number, svg_shapes

__all__ = ["KINDS", "Place"]

#: The feature kinds a place can have: ``raion`` and ``hromada`` are Ukraine's districts and
#: communities (post-2020 units), ``lake`` holds lakes and reservoirs.
KINDS = ("settlement", "region", "raion", "hromada", "country", "river", "lake", "sea", "facility")


@dataclass(frozen=True, eq=False, slots=True)
class Place:
    """A named place from the gazetteer.

    Parameters
    ----------
    id : str
        Stable identifier with its source as prefix: ``"geonames:706483"``, ``"ne:UA-63"``,
        ``"ne0:UA"``, ``"add:hostomel-airport"``.
    name : str
        The preferred English name (Ukrainian-based transliteration for Ukrainian places: Kyiv, Izium).
    kind : str
        One of :data:`KINDS`.
    lat, lon : float
        A representative point in degrees (for polygons a point inside them).
    country : str or None
        ISO 3166-1 alpha-2 code (``"UA"``); None for seas and other features beyond one country.
    admin1 : str or None
        First-level region, e.g. ``"Kharkiv Oblast"``.
    population : int
        0 where unknown.
    feature : str
        A GeoNames-style feature code when known: ``"PPLC"`` (capital), ``"PPLA"`` (main place of
        its region), ``"PPL"``, ``"PCLI"`` (country), ``"ADM1"``, ``"AIRP"`` ...; ``""`` otherwise.
    raion, hromada : str or None
        For places in Ukraine, the district (``"Bakhmut Raion"``) and community
        (``"Bakhmut urban hromada"``) they belong to, where known.
    katottg : str or None
        The code of the official codifier of Ukraine's administrative units (``"UA14020010010047698"``).
    extent_km : float
        Radius (km) of the area the place covers: from its polygon, its area or its population; 0
        where unknown.  A distance "from" a town may be measured from anywhere within it.
    uncertainty_km : float
        How far the point may be from where the place really is (0 for a surveyed point; a village
        placed at its hromada's centre carries the typical distance to it).
    approximate : bool
        True when the point is a stand-in (e.g. the centre of the hromada), not the place's own.

    Two places are equal when their ids are equal.

    Examples
    --------
    >>> p = Place("x:1", "Izium", "settlement", 49.2078, 37.2566, "UA", "Kharkiv Oblast", 45000)
    >>> p.geometry.wkt
    'POINT (37.2566 49.2078)'
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    feature: str = ""
    _geometry: Any = field(default=None, repr=False)
    raion: str | None = None
    hromada: str | None = None
    katottg: str | None = None
    extent_km: float = 0.0
    uncertainty_km: float = 0.0
    approximate: bool = False

    @property
    def geometry(self) -> Any:
        """The shapely geometry, lon/lat (a Point built from lat/lon when none is stored)."""
        g = self._geometry
        if callable(g):  # a lazy loader: call once, keep the result
            g = g()
            object.__setattr__(self, "_geometry", g)
        if g is None:
            from shapely.geometry import Point

            g = Point(self.lon, self.lat)
            object.__setattr__(self, "_geometry", g)
        return g

    @property
    def curated(self) -> bool:
        """Was the place added to the gazetteer by hand, for the news (id ``add:…``: Przewodów, the
        Antonivskyi Bridge)?"""
        return self.id.startswith("add:")

    @property
    def point(self) -> tuple[float, float]:
        """``(lon, lat)`` of the representative point."""
        return (self.lon, self.lat)

    def to_dict(self) -> dict[str, Any]:
        """The place as plain JSON-ready data (no geometry); the hierarchy and extent keys only where
        known, so records of places outside Ukraine stay as they were."""
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "lat": round(self.lat, 6),
            "lon": round(self.lon, 6),
            "country": self.country,
            "admin1": self.admin1,
            "population": self.population,
        }
        for key in ("raion", "hromada", "katottg"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.extent_km:
            out["extent_km"] = round(self.extent_km, 3)
        if self.uncertainty_km or self.approximate:
            out["uncertainty_km"] = round(self.uncertainty_km, 3)
            out["approximate"] = self.approximate
        return out

    def __repr__(self) -> str:
        """One line: ``Place('Kharkiv', settlement, 49.9818°N 36.2548°E, Kharkiv Oblast, UA,
        pop. 1,421,125, id='geonames:706483')``."""
        lat = f"{abs(self.lat):.4f}°{'N' if self.lat >= 0 else 'S'}"
        lon = f"{abs(self.lon):.4f}°{'E' if self.lon >= 0 else 'W'}"
        parts = [repr(self.name), self.kind, f"{lat} {lon}"]
        parts += [x for x in (self.admin1, self.country) if x]
        if self.population:
            parts.append(f"pop. {self.population:,}")
        if self.approximate:
            parts.append(f"approximate ±{self.uncertainty_km:g} km")
        return f"Place({', '.join(parts)}, id={self.id!r})"

    def _repr_html_(self) -> str:
        """In a notebook: the place's record, and its outline for an area."""
        fields = [(k, v) for k, v in self.to_dict().items() if k not in ("name", "lat", "lon")]
        rows = [
            (k, number(v) if isinstance(v, int | float) else v) for k, v in fields if v not in (None, "", 0)
        ]
        rows.insert(0, ("point", f"{self.lat:.5f}°N, {self.lon:.5f}°E"))
        g = self.geometry
        outline = svg_shapes([(g, "#d252b9", 0.2)], 200, 150) if "Polygon" in g.geom_type else ""
        return box(f"{self.name} ({self.kind})", html_table(("", ""), rows) + outline)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        return {
            "type": "Feature",
            "geometry": self.geometry.__geo_interface__,
            "properties": self.to_dict(),
        }
