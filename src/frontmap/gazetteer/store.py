"""The gazetteer's shipped data: two SQLite files, checked against ``MANIFEST.json`` when first opened.

The files live in ``frontmap/gazetteer/data`` and are written by ``gazetteer/build.py``; their layout
(format 2) is documented in ``gazetteer/README.md``:

``places.sqlite``
    ``meta`` (format_version, places, max_words), ``places`` (one row per place, ``row`` 0, 1, 2 ...,
    with Ukraine's raion/hromada/KATOTTG code, extent and uncertainty; indexed by latitude),
    ``names`` (normalised name -> place rows, ``rank`` 0 best) and ``first_words`` (first word of a
    multi-word name -> the most words of a name starting with it).
``geometry.sqlite``
    ``meta`` (format_version) and ``geometry`` (place id -> polygon or river line as WKB).
``MANIFEST.json``
    The format version and every data file's size and SHA-256.

Nothing is loaded eagerly: a file's SHA-256 is checked when it is first opened (the places on the
first lookup, the polygons when a geometry is first asked for), then SQLite reads only the pages a
query needs. Damaged, truncated or missing files raise :class:`~frontmap.errors.DataError` naming the
file, never wrong data.

:func:`shipped` is the store of the installed data; tests open a copy with ``Store(directory)``.
Besides name lookups, :meth:`Store.places_in` lists the places of an oblast, raion or hromada and
:meth:`Store.near` the places within a radius of a point (for reverse geocoding).

>>> shipped().lookup("izyum")[0].name
'Izium'
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from frontmap.errors import DataError
from frontmap.gazetteer._wkb import Parts, parts
from frontmap.gazetteer.place import Place

__all__ = [
    "FORMAT_VERSION",
    "GEOMETRY",
    "GEOMETRY_SCHEMA",
    "MANIFEST",
    "PLACES",
    "PLACES_SCHEMA",
    "Store",
    "reopen",
    "shipped",
]

FORMAT_VERSION = 2
MANIFEST = "MANIFEST.json"
PLACES = "places.sqlite"
GEOMETRY = "geometry.sqlite"
REINSTALL = "reinstall frontmap: pip install --force-reinstall frontmap"
#: Kinds whose geometry may be stored in geometry.sqlite (polygons; lines for rivers).
POLYGON_KINDS = frozenset({"country", "region", "sea", "lake", "river"})
EARTH_RADIUS_KM = 6371.0088

#: The tables of the two SQLite files (gazetteer/build.py creates them with this schema).
PLACES_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE places (
    row INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    admin1 TEXT,
    population INTEGER NOT NULL,
    feature TEXT NOT NULL,
    raion TEXT,
    hromada TEXT,
    katottg TEXT,
    extent_km REAL NOT NULL DEFAULT 0,
    uncertainty_km REAL NOT NULL DEFAULT 0,
    approximate INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX places_lat ON places (lat);
CREATE TABLE names (
    key TEXT NOT NULL,
    rank INTEGER NOT NULL,
    row INTEGER NOT NULL REFERENCES places (row),
    PRIMARY KEY (key, rank)
) WITHOUT ROWID;
CREATE TABLE first_words (word TEXT PRIMARY KEY, words INTEGER NOT NULL) WITHOUT ROWID;
"""
GEOMETRY_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE geometry (id TEXT PRIMARY KEY, wkb BLOB NOT NULL);
"""

#: The columns of a place row, in the order :meth:`Store._place` reads them.
_COLUMNS = (
    "p.row, p.id, p.name, p.kind, p.lat, p.lon, p.country, p.admin1, p.population, p.feature,"
    " p.raion, p.hromada, p.katottg, p.extent_km, p.uncertainty_km, p.approximate"
)
_LOOKUP = f"SELECT {_COLUMNS} FROM names n JOIN places p ON p.row = n.row WHERE n.key = ? ORDER BY n.rank"
_WORDS_FROM = (
    "SELECT coalesce((SELECT words FROM first_words WHERE word = ?1),"
    " (SELECT 1 FROM names WHERE key = ?1), 0)"
)
_MEMO_LIMIT = 1 << 17  # first words remembered (misses included) before the memo is emptied


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One data file as ``MANIFEST.json`` records it."""

    name: str
    size: int
    sha256: str


class Store:
    """The gazetteer files in ``directory``: places, names and polygons, read on demand.

    Places are built once per row and shared (so the same name always gives the same
    :class:`Place` objects); lookups of a name that exists are remembered.
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._dbs: dict[str, sqlite3.Connection] = {}
        self._verified: set[str] = set()
        self._manifest: dict[str, FileEntry] | None = None
        self._places: dict[int, Place] = {}
        self._memo: dict[str, tuple[Place, ...]] = {}
        self._first_words: dict[str, int] = {}
        self._meta: dict[str, Any] | None = None
        self._capitals: dict[str, Place] | None = None
        self._keys: list[str] | None = None
        self._vertices: dict[str, Parts] = {}
        _OPEN_STORES.add(self)

    def __repr__(self) -> str:
        return f"Store({str(self.directory)!r})"

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Pickled as its folder: unpickled (in a Dask worker, say), it is that process's store of the
        folder, opening the files anew there, never a copy of open database connections."""
        return reopen, (str(self.directory),)

    # -- files -----------------------------------------------------------------------------
    def _error(self, name: str, problem: str) -> DataError:
        return DataError(f"gazetteer data file {self.directory / name} {problem}; {REINSTALL}")

    def manifest(self) -> dict[str, FileEntry]:
        """The data files ``MANIFEST.json`` lists, by name (read and checked once)."""
        if self._manifest is None:
            self._manifest = self._read_manifest()
        return self._manifest

    def _read_manifest(self) -> dict[str, FileEntry]:
        try:
            raw = json.loads((self.directory / MANIFEST).read_bytes())
        except FileNotFoundError:
            raise self._error(MANIFEST, "is missing") from None
        except (OSError, ValueError) as exc:
            raise self._error(MANIFEST, f"cannot be read ({exc})") from None
        version = raw.get("version") if isinstance(raw, dict) else None
        if version != FORMAT_VERSION:
            raise self._error(
                MANIFEST, f"is for data format {version!r}; this frontmap reads {FORMAT_VERSION}"
            )
        try:
            return {
                name: FileEntry(name, int(entry["bytes"]), str(entry["sha256"]))
                for name, entry in raw["files"].items()
            }
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise self._error(MANIFEST, f"is malformed ({exc!r})") from None

    def verify(self, name: str) -> Path:
        """Check ``name`` against the manifest (size, then SHA-256); returns its path."""
        entry = self.manifest().get(name)
        if entry is None:
            raise self._error(name, f"is not listed in {MANIFEST}")
        path = self.directory / name
        try:
            with open(path, "rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                if size != entry.size:
                    raise self._error(name, f"has {size:,} bytes, {MANIFEST} says {entry.size:,}")
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
        except FileNotFoundError:
            raise self._error(name, "is missing") from None
        except OSError as exc:
            raise self._error(name, f"cannot be read ({exc})") from None
        if digest != entry.sha256:
            raise self._error(name, f"is damaged: its SHA-256 does not match {MANIFEST}")
        return path

    def _db(self, name: str) -> sqlite3.Connection:
        db = self._dbs.get(name)
        if db is None:
            with self._lock:
                db = self._dbs.get(name)
                if db is None:
                    db = self._dbs[name] = self._open(name)
        return db

    def _open(self, name: str) -> sqlite3.Connection:
        path = self.verify(name) if name not in self._verified else self.directory / name
        self._verified.add(name)
        try:
            # immutable: read-only, no locks, no journal files (the data never changes in place)
            uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
            db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            row = db.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
        except sqlite3.Error as exc:
            raise self._error(name, f"cannot be read ({exc})") from None
        if row is None or row[0] != FORMAT_VERSION:
            db.close()
            found = None if row is None else row[0]
            raise self._error(name, f"is in data format {found!r}; this frontmap reads {FORMAT_VERSION}")
        return db

    def _query(self, name: str, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        try:
            return self._db(name).execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise self._error(name, f"cannot be read ({exc})") from None

    def _forget_connections(self) -> None:
        """After ``fork()``: a child opens its own connections (files stay verified)."""
        self._dbs = {}
        self._lock = threading.Lock()

    # -- places ----------------------------------------------------------------------------
    def _place(self, r: tuple[Any, ...]) -> Place:
        p = self._places.get(r[0])
        if p is None:
            row, pid, name, kind, lat, lon, country, admin1, population, feature = r[:10]
            raion, hromada, katottg, extent, uncertainty, approximate = r[10:]
            geom = functools.partial(self.geometry, pid) if kind in POLYGON_KINDS else None
            p = Place(
                pid, name, kind, lat, lon, country, admin1, population, feature, geom,
                raion, hromada, katottg, extent, uncertainty, bool(approximate),
            )  # fmt: skip
            p = self._places.setdefault(row, p)
        return p

    def meta(self) -> dict[str, Any]:
        """The ``meta`` table of the places file: format_version, places, max_words."""
        if self._meta is None:
            self._meta = dict(self._query(PLACES, "SELECT key, value FROM meta"))
        return self._meta

    def __len__(self) -> int:
        return int(self.meta()["places"])

    @property
    def max_words(self) -> int:
        """The most words in any indexed name."""
        return int(self.meta()["max_words"])

    def lookup(self, key: str) -> tuple[Place, ...]:
        """Places whose name normalises to ``key``, best first; ``()`` if none."""
        hit = self._memo.get(key)
        if hit is None:
            hit = tuple(self._place(r) for r in self._query(PLACES, _LOOKUP, (key,)))
            if hit:
                self._memo[key] = hit
        return hit

    def words_from(self, first: str) -> int:
        """The most words in a name whose first word is ``first``; 0 if no name starts with it."""
        n = self._first_words.get(first)
        if n is None:
            n = self._query(PLACES, _WORDS_FROM, (first,))[0][0]
            if len(self._first_words) >= _MEMO_LIMIT:
                self._first_words = {}
            self._first_words[first] = n
        return n

    def get(self, place_id: str) -> Place | None:
        """The place with id ``place_id``, or None."""
        rows = self._query(PLACES, f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (place_id,))
        return self._place(rows[0]) if rows else None

    def places(
        self, kind: str | None = None, country: str | None = None, id_prefix: str | None = None
    ) -> Iterator[Place]:
        """Every place in row order, optionally only of ``kind``, in ``country``, with ids starting
        with ``id_prefix``."""
        where, args = ["1"], []
        for column, value in (("kind", kind), ("country", country)):
            if value is not None:
                where.append(f"p.{column} = ?")
                args.append(value)
        if id_prefix:  # a range on the id index: prefix <= id < prefix with its last character + 1
            where.append("p.id >= ? AND p.id < ?")
            args += [id_prefix, id_prefix[:-1] + chr(ord(id_prefix[-1]) + 1)]
        sql = f"SELECT {_COLUMNS} FROM places p WHERE {' AND '.join(where)} ORDER BY p.row"
        for r in self._query(PLACES, sql, tuple(args)):
            yield self._place(r)

    def places_in(
        self, admin1: str | None = None, raion: str | None = None, hromada: str | None = None
    ) -> list[Place]:
        """Places within an oblast (``admin1``, "Donetsk Oblast"), a raion ("Bakhmut Raion") and/or a
        hromada ("Bakhmut urban hromada"), in row order; every given filter must match. The raion
        and hromada places themselves are included (their ``raion``/``hromada`` fields are set)."""
        where, args = [], []
        for column, value in (("admin1", admin1), ("raion", raion), ("hromada", hromada)):
            if value is not None:
                where.append(f"p.{column} = ?")
                args.append(value)
        if not where:
            return []
        sql = f"SELECT {_COLUMNS} FROM places p WHERE {' AND '.join(where)} ORDER BY p.row"
        return [self._place(r) for r in self._query(PLACES, sql, tuple(args))]

    def near(self, lat: float, lon: float, radius_km: float) -> list[Place]:
        """Places whose point lies within ``radius_km`` (great-circle) of ``lat``, ``lon``, nearest
        first. A bounding-box query on the latitude index, then the exact distance."""
        dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
        coslat = max(math.cos(math.radians(lat)), 1e-6)
        dlon = min(180.0, dlat / coslat)
        sql = f"SELECT {_COLUMNS} FROM places p WHERE p.lat BETWEEN ? AND ?"
        args: tuple[Any, ...] = (lat - dlat, lat + dlat)
        if lon - dlon >= -180 and lon + dlon <= 180:
            sql += " AND p.lon BETWEEN ? AND ?"
            args += (lon - dlon, lon + dlon)
        found = []
        for r in self._query(PLACES, sql, args):
            d = haversine_km(lat, lon, r[4], r[5])
            if d <= radius_km:
                found.append((d, r[0], r))
        found.sort(key=lambda t: (t[0], t[1]))
        return [self._place(r) for _, _, r in found]

    def capitals(self) -> dict[str, Place]:
        """Each country's capital (feature PPLC; the most populous if several), by ISO code."""
        if self._capitals is None:
            best: dict[str, Place] = {}
            for p in self._places_with_feature("PPLC"):
                c = p.country
                if c is not None and (c not in best or p.population > best[c].population):
                    best[c] = p
            self._capitals = best
        return self._capitals

    def _places_with_feature(self, feature: str) -> list[Place]:
        sql = f"SELECT {_COLUMNS} FROM places p WHERE p.feature = ? ORDER BY p.row"
        return [self._place(r) for r in self._query(PLACES, sql, (feature,))]

    def keys(self) -> list[str]:
        """Every indexed (normalised) name, sorted; read once, for suggestions."""
        if self._keys is None:
            rows = self._query(PLACES, "SELECT key FROM names WHERE rank = 0 ORDER BY key")
            self._keys = [k for (k,) in rows]
        return self._keys

    # -- polygons --------------------------------------------------------------------------
    def wkb(self, place_id: str) -> bytes | None:
        """The polygon of ``place_id`` as WKB, or None."""
        rows = self._query(GEOMETRY, "SELECT wkb FROM geometry WHERE id = ?", (place_id,))
        return bytes(rows[0][0]) if rows else None

    def vertices(self, place_id: str) -> Parts:
        """The lines and rings of ``place_id``'s geometry as ``(lon, lat)`` vertices, read without
        shapely (:func:`~frontmap.gazetteer._wkb.parts`) once per place; ``()`` when none is stored."""
        found = self._vertices.get(place_id)
        if found is None:
            wkb = self.wkb(place_id)
            found = self._vertices[place_id] = () if wkb is None else parts(wkb)
        return found

    def geometry(self, place_id: str) -> Any:
        """The polygon of ``place_id`` as a shapely geometry, or None."""
        import shapely

        wkb = self.wkb(place_id)
        return None if wkb is None else shapely.from_wkb(wkb)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


_OPEN_STORES: weakref.WeakSet[Store] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for store in list(_OPEN_STORES):
        store._forget_connections()


if hasattr(os, "register_at_fork"):  # SQLite connections must not be shared with a forked child
    os.register_at_fork(after_in_child=_after_fork_in_child)


def data_directory() -> Path:
    """The folder of the installed data files."""
    folder = resources.files("frontmap.gazetteer").joinpath("data")
    if not isinstance(folder, Path):  # e.g. imported from a zip archive: SQLite needs real files
        raise DataError(f"gazetteer data folder {folder} is not a folder on disk; {REINSTALL}")
    return folder


@functools.cache
def shipped() -> Store:
    """The store of the data installed with frontmap, shared by the whole process."""
    return Store(data_directory())


def reopen(directory: str) -> Store:
    """The store of ``directory`` in this process, one per folder (:func:`shipped` for the installed data):
    how a pickled :class:`Store` comes back."""
    if Path(directory) == Path(data_directory()):
        return shipped()
    return _store_at(directory)


@functools.cache
def _store_at(directory: str) -> Store:
    return Store(directory)
