"""The name index, its ranking and the packing of the shipped SQLite files (used by build.py)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from world import RANK_AS_POPULATION  # noqa: E402

from frontmap._io import atomic_write  # noqa: E402
from frontmap.gazetteer import store  # noqa: E402

UA = "UA"
NEIGHBOURS = ("RU", "BY", "PL", "SK", "HU", "RO", "MD")

# ------------------------------------------------------------------------------ index & ranking
KIND_RANK = {
    "country": 0, "region": 0, "sea": 0, "raion": 1, "hromada": 1, "lake": 1, "settlement": 1,
    "facility": 1, "river": 1,
}  # fmt: skip
FEATURE_RANK = {"PPLC": 0, "PPLA": 1}


def rank_key(p: dict, key: str) -> tuple:
    """Default order among homonyms: curated names first, then places of the pre-2025 gazetteer
    (GeoNames, Natural Earth, additions) before the places the whole-front build adds (``tier`` 1:
    KATOTTG villages, raions, hromadas, register rivers) so that today's order stays as it was, then
    countries/regions/seas before settlements, Ukraine before its neighbours before the world, then
    places whose own name is ``key`` before those that merely have it as an alternate name, then
    population.  The bare name of a world state ("Virginia") ranks as a town of
    :data:`world.RANK_AS_POPULATION` people."""
    c = p["country"]
    crank = 0 if c == UA else 1 if c in NEIGHBOURS else 2
    bare = key in p.get("bare", ())  # a world state's own name ranks among towns (world.py)
    return (
        0 if key in p["explicit"] else 1,
        2 if key in p.get("late", ()) else 0 if bare else p.get("tier", 0),
        KIND_RANK["settlement"] if bare else KIND_RANK[p["kind"]],
        crank,
        0 if key in p.get("primary", (key,)) else 1,
        -(RANK_AS_POPULATION if bare else p["population"]),
        FEATURE_RANK.get(p["feature"], 2),
        p["id"],
    )


def build_index(places: list[dict]) -> dict[str, tuple[int, ...]]:
    """Normalised name -> row numbers of ``places``, best first."""
    idx = defaultdict(list)
    for i, p in enumerate(places):
        for k in p["keys"]:
            idx[k].append(i)
    return {k: tuple(sorted(v, key=lambda i: rank_key(places[i], k))) for k, v in sorted(idx.items())}


MAX_KEY_WORDS = 6
OBSOLETE = ("places.bin", "geometry.bin")  # format 1 (Python marshal), replaced by the SQLite files


def first_words(keys) -> dict[str, int]:
    """First word -> the most words of a key starting with it, for keys of two words or more
    (a lone word's count, 1, is read from ``names``)."""
    longest: dict[str, int] = {}
    for head, _, rest in (k.partition(" ") for k in keys):
        if rest and longest.get(head, 0) < rest.count(" ") + 2:
            longest[head] = rest.count(" ") + 2
    return longest


def sqlite_image(schema: str, tables: dict[str, list[tuple]]) -> bytes:
    """A compact SQLite database (as bytes) with ``schema`` and the rows of ``tables``."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("PRAGMA page_size = 4096")
        db.executescript(schema)
        for table, rows in tables.items():
            if rows:
                db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
        db.commit()
        db.execute("VACUUM")
        return db.serialize()
    finally:
        db.close()


def pack(places: list[dict]) -> dict[str, bytes]:
    """The shipped data files, name -> content: ``places.sqlite`` (the place table, the name index
    and first words) and ``geometry.sqlite`` (polygons as little-endian WKB by place id)."""
    import shapely

    for p in places:  # very long aliases only slow the reader's n-gram scan down
        p["keys"] = {k for k in p["keys"] if k.count(" ") < MAX_KEY_WORDS or k in p["explicit"]}
    index = build_index(places)
    cols = ("id", "name", "kind", "lat", "lon", "country", "admin1", "population", "feature")
    extra = (("raion", None), ("hromada", None), ("katottg", None), ("extent_km", 0.0),
             ("uncertainty_km", 0.0), ("approximate", 0))  # fmt: skip
    tables = {
        "meta": [("format_version", store.FORMAT_VERSION), ("places", len(places)),
                 ("max_words", max(k.count(" ") + 1 for k in index))],
        "places": [
            (i, *(p[c] for c in cols), *(_value(p.get(c, d)) for c, d in extra)) for i, p in enumerate(places)
        ],
        "names": [(k, rank, i) for k, found in index.items() for rank, i in enumerate(found)],
        "first_words": sorted(first_words(index).items()),
    }  # fmt: skip
    geoms = [
        (p["id"], shapely.to_wkb(_rounded(p["geometry"]), byte_order=1))
        for p in places
        if p["geometry"] is not None
    ]
    meta = [("format_version", store.FORMAT_VERSION)]
    return {
        store.PLACES: sqlite_image(store.PLACES_SCHEMA, tables),
        store.GEOMETRY: sqlite_image(store.GEOMETRY_SCHEMA, {"meta": meta, "geometry": geoms}),
    }


def _value(v):
    """A column value as stored: booleans as 0/1, floats rounded to 1 m."""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float):
        return round(v, 3)
    return v


def manifest(files: dict[str, bytes]) -> bytes:
    """``MANIFEST.json``: the format version and each file's size and SHA-256."""
    entries = {
        name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in sorted(files.items())
    }
    doc = {"format": "frontmap gazetteer data, see gazetteer/README.md", "version": store.FORMAT_VERSION}
    return (json.dumps({**doc, "files": entries}, indent=2) + "\n").encode()


def write(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` and their manifest (last) into ``out_dir``, each atomically; drop format-1 files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        atomic_write(out_dir / name, data)
    atomic_write(out_dir / store.MANIFEST, manifest(files))
    for name in OBSOLETE:
        (out_dir / name).unlink(missing_ok=True)


def _rounded(g, digits: int = 5):
    """``g`` with coordinates rounded to ``digits`` decimals (about 1 m), repaired if that broke it."""
    import numpy as np
    import shapely

    r = shapely.transform(g, lambda xy: np.round(xy, digits))
    return r if r.is_valid else shapely.make_valid(r)
