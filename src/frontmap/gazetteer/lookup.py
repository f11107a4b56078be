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

Names can be looked up *within* an oblast, raion or hromada (``within="Donetsk Oblast"``), with a typo
forgiven in long names (:meth:`Gazetteer.lookup_fuzzy`, ``fuzzy=True``); points are turned back into
settlements (:meth:`Gazetteer.reverse`: ``geopandas.tools.reverse_geocode`` works offline).

Examples
--------
>>> gz = Gazetteer()
>>> gz.resolve("Izyum").name, gz.resolve("Izyum").admin1
('Izium', 'Kharkiv Oblast')
>>> gz.resolve("Kalynivka", near="Kyiv").admin1
'Kyiv Oblast'
>>> gz.resolve("Kharkiv region").geometry.geom_type
'Polygon'
>>> gz.resolve("Bahkmut", fuzzy=True).name
'Bakhmut'
>>> gz.reverse((49.99, 36.23)).raw["name"]
'Kharkiv'
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from typing import Any

from frontmap.errors import DataError, InputError, UnknownPlaceError
from frontmap.gazetteer._typos import MAX_NAME_CHARS
from frontmap.gazetteer._typos import fuzzy as _fuzzy
from frontmap.gazetteer.names import normalize, normalize_mixed
from frontmap.gazetteer.place import KINDS, Place
from frontmap.gazetteer.store import PLACES, Store, haversine_km, shipped

__all__ = ["REVERSE_RADIUS_KM", "WITHIN_KINDS", "Gazetteer"]

#: The kinds of place ``within=`` accepts: oblasts (and other first-level regions), raions, hromadas.
WITHIN_KINDS = ("region", "raion", "hromada")
#: How far (km) :meth:`Gazetteer.reverse` looks for the nearest settlement by default.
REVERSE_RADIUS_KM = 25.0
_REVERSE_STEPS_KM = (4.0, 10.0)  # smaller searches tried first: a dense area answers from a few rows
_BIG_KM = 2.0  # settlements wider than this are always considered by reverse()
# The last word of a ``within`` name, and the words the gazetteer's unit names end with instead.
_HROMADA_WORDS = ("hromada", "urban hromada", "rural hromada", "settlement hromada")
_UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "oblast": ("oblast",), "region": ("region", "oblast"), "province": ("oblast",), "raion": ("raion",),
    "rayon": ("raion",), "district": ("raion",), "hromada": _HROMADA_WORDS, "community": _HROMADA_WORDS,
}  # fmt: skip
_WITHIN_HELP = (
    "give an oblast, raion or hromada as a Place or a name such as 'Donetsk Oblast', 'Donetsk region', "
    "'Bakhmut Raion' or 'Bakhmut district'"
)
_ONE = "name it in full or pass the Place (see Gazetteer.candidates(name, kind=...))"


# ------------------------------------------------------------------------------ validation
def _check_name(name: object, what: str = "place name") -> str:
    if not isinstance(name, str):
        raise InputError(f"{what} must be a string, not {type(name).__name__} {name!r}")
    if len(name) > MAX_NAME_CHARS:
        raise InputError(
            f"{what} {name[:40]!r}... is {len(name)} characters long; names are at most {MAX_NAME_CHARS}"
        )
    if not name.strip() or (not name.isascii() and not normalize(name)):
        raise InputError(f"{what} {name!r} is empty; give a place name such as 'Kharkiv'")
    return name


def _bad_key(key: object) -> None:
    raise InputError(f"a lookup key must be a string (a normalised name), not {type(key).__name__} {key!r}")


def _finite_lon_lat(lon: Any, lat: Any, what: str) -> tuple[float, float]:
    try:
        lon, lat = float(lon), float(lat)
    except (TypeError, ValueError):
        raise InputError(f"{what}: coordinates must be numbers") from None
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise InputError(f"{what}: coordinates must be finite")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise InputError(f"{what} is out of range: latitude is -90..90, longitude -180..180 degrees")
    return lon, lat


# ------------------------------------------------------------------------------- the API
class Gazetteer:
    """The bundled offline gazetteer.

    Creating one is free: data is loaded on first use and shared by every instance in the
    process. Instances are also callable (returning themselves), so one can be handed to
    ``geopandas.tools.geocode(..., provider=gz)`` and ``geopandas.tools.reverse_geocode(...,
    provider=gz)`` like a geopy geocoder class.

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
        if type(key) is not str:
            _bad_key(key)
        return shipped().lookup(key)

    def lookup_fuzzy(self, key: str) -> tuple[Place, ...]:
        """Like :meth:`lookup`, forgiving one typo in a long name: the places of the one indexed key
        a typo away from the normalised ``key`` (:func:`~frontmap.gazetteer.names.typo_variants`: two
        adjacent letters swapped, a letter doubled, dropped or added; never a word's first letter).

        Only when ``key`` and the key found both have at least 7 letters
        (:data:`~frontmap.gazetteer.names.FUZZY_MIN_LETTERS`), and only when every key a typo away
        names the same place, or one a town of 10,000 people or more ten times larger than every
        other (:data:`~frontmap.gazetteer.names.FUZZY_TOWN`: the places of that town's spelling that
        names the most, its namesakes too; else ambiguous: ``()``); so short words never match.
        ``key`` itself first. About 0.3 ms a miss (one SQLite query); answers remembered.

        >>> gz = Gazetteer()
        >>> [gz.lookup_fuzzy(k)[0].name for k in ("bahkmut", "zaporizhziha", "gulyaipoloe")]
        ['Bakhmut', 'Zaporizhzhia', 'Huliaipole']
        >>> gz.lookup_fuzzy("lymna")  # too short to guess
        ()
        """
        return self.lookup(key) or _fuzzy(key)

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
        within: Any = None,
        fuzzy: bool = False,
    ) -> list[Place]:
        """Every place called ``name``, best first (closest first when ``near`` is given).

        ``near`` is a place name, a :class:`Place`, a ``(lon, lat)`` tuple or a shapely Point;
        ``kind`` (one of :data:`frontmap.KINDS`) and ``country`` (ISO alpha-2) filter; ``within`` (an
        oblast, raion or hromada: a :class:`Place` of kind region, raion or hromada, or a name such
        as ``"Donetsk Oblast"``, ``"Donetsk region"``, ``"Bakhmut Raion"``, ``"Bakhmut district"``)
        keeps the places inside it, by their ``admin1``/``raion``/``hromada`` or, for a region with
        a polygon, by containment. ``fuzzy=True`` forgives one typo in a long unknown name
        (:meth:`lookup_fuzzy`). Returns an empty list for an unknown name.

        >>> {p.admin1 for p in Gazetteer().candidates("Lyman", within="Donetsk region")}
        {'Donetsk Oblast'}
        """
        _check_name(name)
        kind, country = self._check_filters(kind, country)
        unit = None if within is None else self.within(within)
        found = self._find(name)
        if not found and fuzzy:
            found = self.lookup_fuzzy(normalize(name))
        if kind is not None:
            found = [p for p in found if p.kind == kind]
        if country is not None:
            found = [p for p in found if p.country == country]
        if unit is not None:
            found = [p for p in found if _inside(p, unit)]
        if near is not None and len(found) > 1:
            lon, lat = self._near_point(near)
            found = sorted(found, key=lambda p: haversine_km(lat, lon, p.lat, p.lon))
        return list(found)

    def resolve(
        self,
        name: str,
        near: Any = None,
        kind: str | None = None,
        country: str | None = None,
        within: Any = None,
        fuzzy: bool = False,
    ) -> Place:
        """The best place called ``name``; see :meth:`candidates` for the options.

        Raises
        ------
        UnknownPlaceError
            No place has that name (within ``within``, of ``kind``, in ``country``); the message
            suggests close names.
        InputError
            ``name`` is not a non-empty string of at most 200 characters, or ``near``, ``kind``,
            ``country`` or ``within`` is unusable.

        >>> Gazetteer().resolve("Artemivsk").name
        'Bakhmut'
        >>> Gazetteer().resolve("Lyman", within="Kharkiv Oblast").admin1
        'Kharkiv Oblast'
        """
        if near is None and kind is None and country is None and within is None and not fuzzy:
            _check_name(name)
            found: tuple[Place, ...] | list[Place] = self._find(name)
        else:
            found = self.candidates(name, near=near, kind=kind, country=country, within=within, fuzzy=fuzzy)
        if found:
            return found[0]
        raise self._unknown(name, kind, country, within)

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
        if not key.isascii() and (mixed := normalize_mixed(name)) != key:
            return self.lookup(mixed)  # a key of data built before look-alike letters were unmixed
        return ()

    def _unknown(
        self, name: str, kind: str | None, country: str | None, within: Any = None
    ) -> UnknownPlaceError:
        key = normalize(name)
        filters = [f"{k} {v!r}" for k, v in (("of kind", kind), ("in country", country)) if v is not None]
        if within is not None:
            filters.append(f"within {self.within(within).name}")
        elsewhere = self._find(name) if filters else ()
        if elsewhere:  # the name is known, just not with these filters: say where it is
            shown = "; ".join(
                f"{p.name} ({p.kind}, {p.admin1 or p.country or 'no country'})" for p in elsewhere[:3]
            )
            err = UnknownPlaceError(name, key, ())
            err.args = (f"no place {name!r} {' '.join(filters)}; {len(elsewhere)} elsewhere: {shown}",)
            return err
        err = UnknownPlaceError(name, key, self._suggestions(key))
        if filters:
            err.args = (err.args[0] + f" ({' '.join(filters)})",)
        return err

    def _suggestions(self, key: str) -> tuple[str, ...]:
        """Up to three names of places whose keys are close to ``key``: the place one typo away first
        (:meth:`lookup_fuzzy`), then by edit similarity over every indexed key (each spelling, alias
        and transliteration, shown as its place's name); rapidfuzz, a few ms over the whole index."""
        seen: list[str] = [p.name for p in self.lookup_fuzzy(key)[:1]]
        if key:
            from rapidfuzz import fuzz, process

            hits = process.extract(key, shipped().keys(), scorer=fuzz.ratio, limit=8, score_cutoff=75)
            for k, _score, _ in hits:
                p = self.lookup(k)[0]
                if p.name not in seen:
                    seen.append(p.name)
        return tuple(seen[:3])

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
        return _finite_lon_lat(lon, lat, f"near={near!r} (lon, lat)")

    # -- within an oblast, raion or hromada -------------------------------------------------
    def within(self, unit: Any) -> Place:
        """The oblast, raion or hromada ``unit`` names: a :class:`Place` of kind region, raion or
        hromada is returned as is; a name may end in Oblast, region, province, Raion, rayon,
        district, hromada or community ("Donetsk region" is Donetsk Oblast, "Bakhmut district"
        Bakhmut Raion); a bare name is tried as an oblast, then a raion, then a hromada.
        :class:`~frontmap.errors.InputError` (naming the value) when it is none, or several hromadas.

        >>> Gazetteer().within("Donetsk region").name
        'Donetsk Oblast'
        """
        if isinstance(unit, Place):
            if unit.kind not in WITHIN_KINDS:
                raise InputError(
                    f"within={unit.name!r} is a {unit.kind}, not an oblast, raion or hromada; {_WITHIN_HELP}"
                )
            return unit
        if not isinstance(unit, str):
            raise InputError(f"within={unit!r} is a {type(unit).__name__}; {_WITHIN_HELP}")
        return _unit_named(_check_name(unit, "within"))

    # -- records by id, country, kind ------------------------------------------------------
    def get(self, place_id: str) -> Place:
        """The place with id ``place_id`` (``"geonames:706483"``, ``"ne1:UA-63"`` ...)."""
        if not isinstance(place_id, str):
            raise InputError(f"place id must be a string, not {place_id!r}")
        p = shipped().get(place_id)
        if p is None:
            raise UnknownPlaceError(place_id)
        return p

    def vertices(self, place: Place) -> tuple[tuple[tuple[float, float], ...], ...]:
        """The lines of a river and the rings of a lake's, region's or country's outline, each a tuple
        of ``(lon, lat)`` vertices, read without shapely (``place.geometry`` is the same as a shapely
        geometry); ``()`` for a place with no stored line or outline (settlements, facilities).

        >>> [len(line) > 100 for line in Gazetteer().vertices(Gazetteer().resolve("Dniester"))]
        [True]
        """
        if not isinstance(place, Place):
            raise InputError(f"vertices() takes a Place (from lookup, resolve or get), not {place!r}")
        return shipped().vertices(place.id)

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
        if type(first) is not str:
            _bad_key(first)
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
        ``exactly_one`` is false), or None for an unknown name. ``near``, ``kind``, ``country``,
        ``within`` and ``fuzzy`` are passed on; other geopy options (``timeout`` ...) are ignored.

        >>> loc = Gazetteer().geocode("Izyum")
        >>> loc.address, f"{loc.latitude:.2f}", f"{loc.longitude:.2f}"
        ('Izium, Kharkiv Oblast, UA', '49.21', '37.28')
        """
        opts = {k: kwargs[k] for k in ("near", "kind", "country", "within", "fuzzy") if k in kwargs}
        found = self.candidates(query, **opts)
        if not found:
            return None
        return _location(found[0]) if exactly_one else [_location(p) for p in found]

    def reverse(self, query: Any, exactly_one: bool = True, **kwargs: Any) -> Any:
        """geopy-style reverse geocoding: the settlement at a point as a ``geopy.location.Location``
        (``raw``: the place's :meth:`~Place.to_dict` and ``distance_km``): the smallest whose extent
        covers the point, else the nearest; with ``exactly_one`` false, a list of up to ``limit`` (10).

        ``query`` is ``(lat, lon)`` like geopy, ``"lat, lon"`` or a geopy Point (a shapely Point: x is
        lon). Beyond ``radius_km`` (25) of any settlement: the smallest region, country or sea that
        contains the point, else None. Other geopy options are ignored. With this,
        ``geopandas.tools.reverse_geocode(points, provider=Gazetteer())`` works offline.

        >>> loc = Gazetteer().reverse((49.21, 37.27))
        >>> loc.address, loc.raw["distance_km"] < 2
        ('Izium, Kharkiv Oblast, UA', True)
        """
        lat, lon = _reverse_point(query)
        radius = kwargs.get("radius_km", REVERSE_RADIUS_KM)
        limit = 1 if exactly_one else kwargs.get("limit", 10)
        if not isinstance(radius, int | float) or not math.isfinite(radius) or radius <= 0:
            raise InputError(f"radius_km={radius!r} must be a positive number of kilometres")
        if not isinstance(limit, int) or limit < 1:
            raise InputError(f"limit={limit!r} must be a positive whole number")
        found: list[tuple[float, Place | None]] = [*_nearest(lat, lon, float(radius), limit)]
        found = found or [(0.0, _containing(lat, lon))]
        if found[0][1] is None:
            return None
        locs = [_location(p, distance_km=d) for d, p in found if p is not None]
        return locs[0] if exactly_one else locs


# ------------------------------------------------------------------------------- helpers
def _location(p: Place, distance_km: float | None = None) -> Any:
    from geopy.location import Location

    address = ", ".join(x for x in (p.name, p.admin1 if p.admin1 != p.name else None, p.country) if x)
    raw = p.to_dict()
    if distance_km is not None:
        raw["distance_km"] = round(distance_km, 3)
    return Location(address, (p.lat, p.lon, 0.0), raw)


@functools.lru_cache(maxsize=1 << 12)
def _unit_named(name: str) -> Place:
    """The oblast, raion or hromada called ``name`` (see :meth:`Gazetteer.within`)."""
    key = normalize(name)
    if key.startswith("the "):
        key = key[4:]
    words = key.split(" ")
    tails = _UNIT_WORDS.get(words[-1]) if len(words) > 1 else None
    if tails is not None:
        base = " ".join(words[:-1])
        keys = [key, *(f"{base} {t}" for t in tails)]
    else:
        keys = [f"{key} oblast", key, *(f"{key} {t}" for t in ("raion", *_HROMADA_WORDS))]
    for k in keys:
        if units := [p for p in shipped().lookup(k) if p.kind in WITHIN_KINDS]:
            same = [p for p in units if p.kind == units[0].kind]
            if len(same) > 1 and units[0].kind != "region":  # hromada names repeat across Ukraine
                shown = "; ".join(f"{p.name} ({p.raion or p.name}, {p.admin1})" for p in same[:4])
                raise InputError(
                    f"within={name!r} is ambiguous: {len(same)} {same[0].kind}s: {shown}; {_ONE}"
                )
            return units[0]
    what = ""
    if found := Gazetteer()._find(name):
        what = f" (it is a {found[0].kind}: {found[0].name}, {found[0].admin1 or found[0].country})"
    raise InputError(
        f"within={name!r} is not an oblast, raion or hromada the gazetteer knows{what}; {_WITHIN_HELP}"
    )


def _inside(p: Place, unit: Place) -> bool:
    """Is ``p`` in the oblast, raion or hromada ``unit``?"""
    if unit.kind == "raion":
        return p.raion == unit.name and (p.admin1 == unit.admin1 or None in (p.admin1, unit.admin1))
    if unit.kind == "hromada":
        return (
            p.hromada == unit.name
            and (p.raion == unit.raion or None in (p.raion, unit.raion))
            and (p.admin1 == unit.admin1 or None in (p.admin1, unit.admin1))
        )
    if p.admin1 is not None and p.country == unit.country:
        if p.admin1 == unit.name:
            return True
        if unit.admin1 == unit.name:  # a first-level division: the place's admin1 says it is elsewhere
            return False
    return _contains(unit, p)


def _contains(unit: Place, p: Place) -> bool:
    """Does ``unit``'s polygon contain ``p``'s point? (False when ``unit`` has no polygon.)"""
    import shapely

    g = unit.geometry
    if g.geom_type not in ("Polygon", "MultiPolygon"):
        return False
    shapely.prepare(g)
    return bool(shapely.contains_xy(g, p.lon, p.lat))


def _reverse_point(query: Any) -> tuple[float, float]:
    """``(lat, lon)`` from a geopy-style reverse query."""
    what = f"reverse query {query!r}"
    if isinstance(query, str) and query.count(",") == 1:
        query = query.split(",")
    if getattr(query, "geom_type", None) == "Point":  # shapely: x is longitude
        lon, lat = _finite_lon_lat(query.x, query.y, what)
    elif hasattr(query, "latitude") and hasattr(query, "longitude"):  # geopy Point or Location
        lon, lat = _finite_lon_lat(query.longitude, query.latitude, what)
    elif isinstance(query, tuple | list) and len(query) == 2:
        lon, lat = _finite_lon_lat(query[1], query[0], what)
    else:
        raise InputError(f"{what} is not a (lat, lon) pair, a 'lat, lon' string or a Point")
    return lat, lon


def _nearest(lat: float, lon: float, radius_km: float, limit: int) -> list[tuple[float, Place]]:
    """The ``limit`` settlements nearest to the point within ``radius_km``, as (km, place), best first.

    A settlement whose extent covers the point comes before one whose centre is merely closer (the
    smallest such first): a point in a city's outskirts is in the city, not in the village across its
    boundary. The store's spatial query, small radii first; the few towns wider than
    ``_BIG_KM`` are always looked at, so a small radius is enough to decide."""
    store = shipped()

    def rank(t: tuple[float, Place]) -> tuple[float, float, float]:
        return (max(0.0, t[0] - t[1].extent_km), t[1].extent_km, t[0])

    dlat = radius_km / 110.5  # a degree of latitude is at least 110.5 km: a cheap first test
    big = [
        (d, p)
        for p in _big_settlements(store)
        if abs(p.lat - lat) <= dlat and (d := haversine_km(lat, lon, p.lat, p.lon)) <= radius_km
    ]
    for r in (*(x for x in _REVERSE_STEPS_KM if x < radius_km), radius_km):
        found = {
            p.id: (haversine_km(lat, lon, p.lat, p.lon), p)
            for p in store.near(lat, lon, r)
            if p.kind == "settlement"
        }
        found.update((p.id, (d, p)) for d, p in big)
        hits = sorted(found.values(), key=rank)[:limit]
        # a settlement not yet seen is smaller than _BIG_KM and farther than r: it ranks after r - _BIG_KM
        if r == radius_km or (len(hits) == limit and rank(hits[-1])[0] <= r - _BIG_KM):
            return hits
    return []


@functools.cache
def _big_settlements(store: Store) -> tuple[Place, ...]:
    """Settlements wider than ``_BIG_KM`` (the cities: about a hundred), read once."""
    sql = "SELECT id FROM places WHERE kind = 'settlement' AND extent_km > ? ORDER BY row"
    try:
        return tuple(p for (pid,) in store._query(PLACES, sql, (_BIG_KM,)) if (p := store.get(pid)))
    except DataError:  # data without extents
        return ()


_UNIT_ORDER = {"region": 0, "country": 1, "sea": 2}


@functools.cache
def _units(store: Store) -> tuple[list[Place], Any]:
    """Every region, country and sea with a polygon, and an STRtree of the polygons (read once)."""
    import shapely

    units = [p for k in _UNIT_ORDER for p in store.places(kind=k) if p.geometry.geom_type.endswith("Polygon")]
    return units, shapely.STRtree([p.geometry for p in units])


def _containing(lat: float, lon: float) -> Place | None:
    """The smallest region, else country, else sea whose polygon contains the point (the first call
    reads every such polygon, about 0.1 s)."""
    import shapely

    units, tree = _units(shipped())
    hits = [units[i] for i in tree.query(shapely.Point(lon, lat), predicate="intersects")]
    if not hits:
        return None
    return min(hits, key=lambda p: (_UNIT_ORDER[p.kind], p.geometry.area, p.id))
