"""The offline gazetteer: resolve place names in war reporting to :class:`~frontmap.Place` records.

The data (GeoNames, Natural Earth, hand-kept additions; see ``frontmap/gazetteer/data/SOURCES.txt``) ships
with the package as SQLite files (:mod:`frontmap.gazetteer.store`), opened and checked against their
SHA-256 the first time a name is looked up; only the rows a lookup needs are read, and polygons only
when a region's, country's or sea's ``geometry`` is first asked for. A damaged installation raises
:class:`~frontmap.errors.DataError`.

Names are matched forgivingly: case, diacritics, apostrophe styles and hyphens are ignored
(:func:`frontmap.gazetteer.names.normalize`), and Russian-based, older and Cyrillic spellings are known
(Kharkov, Izyum, Artemivsk, Київ). Among homonyms Ukraine comes first, then its neighbours, then the
rest of the world; countries and regions come before settlements of the same name; then population.

Examples
--------
>>> gz = Gazetteer()
>>> gz.resolve("Izyum").name, gz.resolve("Izyum").admin1
('Izium', 'Kharkiv Oblast')
>>> gz.resolve("Kalynivka", near="Kyiv").admin1
'Kyiv Oblast'
>>> gz.resolve("Kharkiv region").geometry.geom_type
'Polygon'
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from frontmap.errors import InputError, UnknownPlaceError
from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import KINDS, Place
from frontmap.gazetteer.store import shipped

__all__ = ["Gazetteer"]

MAX_NAME_CHARS = 200


# ------------------------------------------------------------------------------ validation
def _check_name(name: object, what: str = "place name") -> str:
    if not isinstance(name, str):
        raise InputError(f"{what} must be a string, not {type(name).__name__} {name!r}")
    if len(name) > MAX_NAME_CHARS:
        raise InputError(
            f"{what} {name[:40]!r}... is {len(name)} characters long; names are at most {MAX_NAME_CHARS}"
        )
    if not name.strip():
        raise InputError(f"{what} {name!r} is empty; give a place name such as 'Kharkiv'")
    return name


def _haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# ------------------------------------------------------------------------------- the API
class Gazetteer:
    """The bundled offline gazetteer.

    Creating one is free: data is loaded on first use and shared by every instance in the
    process. Instances are also callable (returning themselves), so one can be handed to
    ``geopandas.tools.geocode(..., provider=gz)`` like a geopy geocoder class.

    Examples
    --------
    >>> gz = Gazetteer()
    >>> p = gz.resolve("Kharkov")
    >>> p.name, p.country, f"{p.lat:.2f}"
    ('Kharkiv', 'UA', '49.98')
    >>> [q.admin1 for q in gz.candidates("Lyman")][:2]
    ['Donetsk Oblast', 'Kharkiv Oblast']
    """

    def __call__(self, **kwargs: Any) -> Gazetteer:
        return self

    def __repr__(self) -> str:
        return "Gazetteer()"

    # -- lookups ---------------------------------------------------------------------------
    def lookup(self, key: str) -> tuple[Place, ...]:
        """Places for an already-normalised ``key`` (:func:`frontmap.gazetteer.names.normalize`), best
        first; an empty tuple if none. A dictionary lookup, for scanning text.

        >>> [(p.name, p.admin1) for p in Gazetteer().lookup("balakleya")][0]
        ('Balakliia', 'Kharkiv Oblast')
        """
        return shipped().lookup(key)

    @property
    def max_words(self) -> int:
        """The most words in any indexed name (the longest n-gram worth looking up)."""
        return shipped().max_words

    def candidates(
        self,
        name: str,
        near: Any = None,
        kind: str | None = None,
        country: str | None = None,
    ) -> list[Place]:
        """Every place called ``name``, best first (closest first when ``near`` is given).

        ``near`` is a place name, a :class:`Place`, a ``(lon, lat)`` tuple or a shapely Point;
        ``kind`` (one of :data:`frontmap.KINDS`) and ``country`` (ISO alpha-2) filter.
        Returns an empty list for an unknown name.
        """
        _check_name(name)
        kind, country = self._check_filters(kind, country)
        found = self._find(name)
        if kind is not None:
            found = [p for p in found if p.kind == kind]
        if country is not None:
            found = [p for p in found if p.country == country]
        if near is not None and len(found) > 1:
            lon, lat = self._near_point(near)
            found = sorted(found, key=lambda p: _haversine_km(lon, lat, p.lon, p.lat))
        return list(found)

    def resolve(
        self, name: str, near: Any = None, kind: str | None = None, country: str | None = None
    ) -> Place:
        """The best place called ``name``; see :meth:`candidates` for the options.

        Raises
        ------
        UnknownPlaceError
            No place has that name (the message suggests close names).
        InputError
            ``name`` is not a non-empty string of at most 200 characters, or ``near``,
            ``kind`` or ``country`` is unusable.

        >>> Gazetteer().resolve("Artemivsk").name
        'Bakhmut'
        """
        if near is None and kind is None and country is None:
            _check_name(name)
            found = self._find(name)
        else:
            found = self.candidates(name, near=near, kind=kind, country=country)
        if found:
            return found[0]
        raise self._unknown(name, kind, country)

    def _find(self, name: str) -> tuple[Place, ...] | list[Place]:
        key = normalize(name)
        found = self.lookup(key)
        if found:
            return found
        # forgiving second tries: "the Donbas", "Kharkiv's", "Kyiv city"
        for prefix in ("the ",):
            if key.startswith(prefix) and (found := self.lookup(key[len(prefix) :])):
                return found
        for suffix in ("s", " s", " city", " town", " village"):
            if key.endswith(suffix) and len(key) > len(suffix) + 2:
                if found := self.lookup(key[: -len(suffix)]):
                    return found
        return ()

    def _unknown(self, name: str, kind: str | None, country: str | None) -> UnknownPlaceError:
        key = normalize(name)
        suggestions: tuple[str, ...] = ()
        if key:
            from rapidfuzz import fuzz, process

            hits = process.extract(key, shipped().keys(), scorer=fuzz.ratio, limit=8, score_cutoff=75)
            seen: list[str] = []
            for k, _score, _ in hits:
                p = self.lookup(k)[0]
                if p.name not in seen:
                    seen.append(p.name)
            suggestions = tuple(seen[:3])
        err = UnknownPlaceError(name, key, suggestions)
        if kind or country:
            err.args = (err.args[0] + f" (with kind={kind!r}, country={country!r})",)
        return err

    @staticmethod
    def _check_filters(kind: str | None, country: str | None) -> tuple[str | None, str | None]:
        if kind is not None and kind not in KINDS:
            raise InputError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
        if country is not None:
            if not isinstance(country, str) or len(country) != 2 or not country.isalpha():
                raise InputError(f"country {country!r} is not an ISO 3166-1 alpha-2 code such as 'UA'")
            country = country.upper()
        return kind, country

    def _near_point(self, near: Any) -> tuple[float, float]:
        if isinstance(near, Place):
            return near.lon, near.lat
        if isinstance(near, str):
            return self.resolve(near).point
        if hasattr(near, "x") and hasattr(near, "y") and getattr(near, "geom_type", None) == "Point":
            lon, lat = near.x, near.y
        elif isinstance(near, tuple | list) and len(near) == 2:
            lon, lat = near
        else:
            raise InputError(f"near={near!r} is not a place name, a Place, a (lon, lat) tuple or a Point")
        try:
            lon, lat = float(lon), float(lat)
        except (TypeError, ValueError):
            raise InputError(f"near={near!r}: coordinates must be numbers (lon, lat)") from None
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise InputError(f"near={near!r}: coordinates must be finite (lon, lat)")
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise InputError(f"near={near!r} is out of range: give (lon, lat) in degrees, lon first")
        return lon, lat

    # -- records by id, country, kind ------------------------------------------------------
    def get(self, place_id: str) -> Place:
        """The place with id ``place_id`` (``"geonames:706483"``, ``"ne1:UA-63"`` ...)."""
        if not isinstance(place_id, str):
            raise InputError(f"place id must be a string, not {place_id!r}")
        p = shipped().get(place_id)
        if p is None:
            raise UnknownPlaceError(place_id)
        return p

    def country(self, iso2: str) -> Place:
        """The country with ISO 3166-1 alpha-2 code ``iso2`` (kind ``country``, a polygon).

        >>> Gazetteer().country("ua").name
        'Ukraine'
        """
        _, iso = self._check_filters(None, iso2)
        return self.get(f"ne0:{iso}")

    def capital(self, iso2: str) -> Place | None:
        """The capital city of country ``iso2`` (Kyiv for UA, Moscow for RU), or None."""
        _, iso = self._check_filters(None, iso2)
        return shipped().capitals().get(iso) if iso is not None else None

    def words_from(self, first: str) -> int:
        """The most words in any name whose first (normalised) word is ``first``; 0 if none.

        Lets a text scanner try only the n-grams that can match.
        """
        return shipped().words_from(first)

    def regions(self, country: str = "UA") -> list[Place]:
        """First-level divisions of ``country`` (Natural Earth admin-1 polygons). For Ukraine:
        24 oblasts, Kyiv city, Crimea and Sevastopol."""
        _, iso = self._check_filters(None, country)
        return list(shipped().places(id_prefix=f"ne1:{iso}-"))

    def places(self, kind: str | None = None, country: str | None = None) -> Iterator[Place]:
        """Every place, optionally only of ``kind`` and/or in ``country``."""
        kind, country = self._check_filters(kind, country)
        yield from shipped().places(kind=kind, country=country)

    def __len__(self) -> int:
        return len(shipped())

    # -- geopy compatibility -------------------------------------------------------------------
    def geocode(self, query: str, exactly_one: bool = True, **kwargs: Any) -> Any:
        """geopy-style geocoding: a ``geopy.location.Location`` (a list of them when
        ``exactly_one`` is false), or None for an unknown name. ``near``, ``kind`` and
        ``country`` are passed on; other geopy options (``timeout`` ...) are ignored.

        >>> loc = Gazetteer().geocode("Izyum")
        >>> loc.address, f"{loc.latitude:.2f}", f"{loc.longitude:.2f}"
        ('Izium, Kharkiv Oblast, UA', '49.21', '37.28')
        """
        from geopy.location import Location

        opts = {k: kwargs[k] for k in ("near", "kind", "country") if k in kwargs}
        found = self.candidates(query, **opts)

        def loc(p: Place) -> Location:
            address = ", ".join(x for x in (p.name, p.admin1 if p.admin1 != p.name else None, p.country) if x)
            return Location(address, (p.lat, p.lon, 0.0), p.to_dict())

        if not found:
            return None
        return loc(found[0]) if exactly_one else [loc(p) for p in found]
