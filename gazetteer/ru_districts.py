"""Russia's districts and Belarus' raions as places (used by front.py).

The war's news name the districts of Russia's border oblasts ("the Rylsky district", "Glushkovsky
District", "Graivoron urban district", "Shebekinsky urban okrug", "Рыльский район"), and long-range
strikes those of the rest of Russia and of Belarus ("the Mozhaisk district of the Moscow region",
"Yelabuzhsky District", "Kostyukovichsky district"). The districts of every federal subject of Russia
and the raions of Belarus' voblasts come from ``ru_districts.json`` (made by ``make_ru_districts.py``
from GeoNames, which names each district's sources): the Russian adjective (Рыльский), GeoNames'
English names, the town the district is named after or its administrative centre, an estimate of how
far the district reaches from that town, its country ("RU", "BY") and the gazetteer's name of its
region.

Each district is a place of kind "raion" at its town, ``approximate``, with that reach as its
``uncertainty_km``, keyed by its adjective romanised every usual way (:func:`raions.russian_spellings`:
Rylsky, Rylskiy, Rylskii ...) with "district", "raion", "rayon" and the words of its municipal forms
("urban okrug", "municipal district" ...), by its town ("Rylsk district", "Graivoron urban district"),
by the Cyrillic names ("Рыльский район", "Грайворонский городской округ") and by GeoNames' English
names. Reforms keep changing which districts are urban or municipal okrugs (Belgorod Oblast's since
2018, Kursk Oblast's since 2024) faster than any source, so every district of the oblasts by the front
gets every form (elsewhere, the municipal forms would be two thirds of the keys for names the news of
strikes does not use: a district there is "the Mozhaisk district", not an okrug). A key
that a place of the gazetteer already has is never given, nor any spelling of a name another place
answers to in one spelling (:func:`free_keys`): no name that resolves today changes its answer, and
"Kamensky district" stays Kamianske Raion (once Каменский район) in all its spellings.

Districts share names (a Sovetsky district in nine regions, a Kursky district in Kursk Oblast and in
Stavropol Krai): those of the seven oblasts by the front (:data:`FRONT`) come first among namesakes
(``tier`` 1, the others 2), so that a bare "Kursky district" stays Kursk Oblast's. A district reaching
more than :data:`MAX_REACH_KM` from its town (Siberia's, the Far East's) is no place: the gazetteer's
uncertainties stop there.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from raions import SUFFIXES, TOWN_VARIANTS, russian_spellings

from frontmap.gazetteer.names import normalize

EXTRACT = Path(__file__).resolve().parent / "ru_districts.json"
#: English words of a district's municipal forms, after its adjective or town ("Shebekinsky urban okrug",
#: "Graivoron urban district").
MUNICIPAL = ("urban district", "urban okrug", "municipal district", "municipal okrug", "municipal raion",
             "municipal rayon", "okrug")  # fmt: skip
#: The same in Russian, after the adjective (Рыльский район, Шебекинский городской округ).
RUSSIAN_WORDS = ("район", "муниципальный район", "муниципальный округ", "городской округ", "округ")
#: How a district's town was found (``make_ru_districts.find_centre``): only a town the district is
#: named after gives keys ("Rylsk district"); an administrative centre of another name does not (the
#: Sovetsky district's centre is Kshensky).
NAMESAKE = ("namesake", "prefix")
#: The oblasts by the front whose districts come first among namesake districts (``tier`` 1).
FRONT = ("Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast", "Voronezh Oblast", "Rostov Oblast",
         "Oryol Oblast", "Smolensk Oblast")  # fmt: skip
#: The farthest a district may reach from its town and still be a place: the gazetteer's largest
#: uncertainty.
MAX_REACH_KM = 100.0


def read_extract(path: Path = EXTRACT) -> list[dict]:
    """The districts of ``ru_districts.json``."""
    return json.loads(path.read_text(encoding="utf-8"))["districts"]


def adjective_spellings(adjective: str) -> set[str]:
    """Latin spellings of a district adjective: :func:`raions.russian_spellings`, and for the -ской
    adjectives also those of -ский (Кромской: Kromskoy, Kromskoi, Kromsky, Kromskiy ...)."""
    out = russian_spellings(adjective)
    if adjective.endswith("ской"):
        out |= russian_spellings(adjective[:-2] + "ий")
    return out


def _typed(name: str) -> str:
    """A GeoNames English name with its kind: "Salsky" -> "Salsky District" (a bare "Tarasovsky" is the
    town); "Ryl’skiy Rayon" as it is."""
    return name if name.split()[-1].lower() in ("district", "rayon", "raion", "okrug") else f"{name} District"


def key_families(row: dict) -> dict[str, set[str]]:
    """The keys of a district of the extract (see the module's docstring), normalised, by family:
    "adjective" (its Latin spellings with district/raion/rayon, and GeoNames' English names),
    "town" (its town's, likewise), "municipal" (both with the municipal words; only in the oblasts
    by the front, :data:`FRONT`, whose districts the news names as okrugs: two thirds of the keys
    otherwise) and "cyrillic"."""
    adjective, town = row["ru"], row["town"]
    latin = adjective_spellings(adjective)
    fam = {
        "adjective": {f"{s} {w}" for s in latin for w in SUFFIXES} | {row["name"], *map(_typed, row["en"])},
        "municipal": {f"{s} {w}" for s in latin for w in MUNICIPAL},
        "cyrillic": {f"{a} {w}" for a in {adjective, adjective.replace("ё", "е")} for w in RUSSIAN_WORDS},
        "town": set(),
    }
    if town["found"] in NAMESAKE:
        spellings = {town["name"]}.union(*(russian_spellings(r, TOWN_VARIANTS) for r in town["ru"]))
        fam["town"] = {f"{s} {w}" for s in spellings for w in SUFFIXES}
        if not town["own_okrug"]:  # a city that is an urban okrug of its own: "Kursk urban okrug" is the city
            fam["municipal"] |= {f"{s} {w}" for s in spellings for w in MUNICIPAL}
    if row["admin1"] not in FRONT:  # the municipal forms only where reforms made the news use them
        fam["municipal"] = set()
    return {f: {k for k in map(normalize, names) if k} for f, names in fam.items()}


def district_keys(row: dict) -> set[str]:
    """Every key of a district of the extract, normalised (:func:`key_families`)."""
    return set().union(*key_families(row).values())


#: Families whose keys go together: where another place has one spelling ("kamenski district", the old
#: Kamianske raion), the district gets none of them, so that every spelling keeps one answer.
WHOLE = ("adjective", "town")


def free_keys(row: dict, holder: dict[str, str]) -> tuple[set[str], list[str]]:
    """The keys a district gets (none that ``holder``, key -> a place's name, has; no family of
    :data:`WHOLE` with any such key) and the keys it does not get."""
    keys, refused = set(), []
    for family, ks in key_families(row).items():
        taken = sorted(k for k in ks if k in holder)
        if taken and family in WHOLE:
            refused += sorted(ks)
        else:
            keys |= ks - set(taken)
            refused += taken
    return keys - set(refused), refused


def _place(row: dict, keys: set[str]) -> dict:
    return {
        "id": row["id"], "name": row["name"], "kind": "raion", "lat": row["lat"], "lon": row["lon"],
        "country": row.get("country", "RU"), "admin1": row["admin1"], "population": 0, "feature": "ADM2",
        "raion": row["name"], "hromada": None, "katottg": None, "extent_km": 0.0,
        "uncertainty_km": float(row["uncertainty_km"]), "approximate": True, "keys": keys, "explicit": set(),
        "geometry": None, "tier": 1 if row["admin1"] in FRONT else 2,
    }  # fmt: skip


def district_places(places: list[dict], log=print, rows: list[dict] | None = None) -> list[dict]:
    """New raion places for the districts of ``rows`` (default: ``ru_districts.json``), each with the
    keys of :func:`free_keys`: none that a place of ``places`` has; a district left with no key, or
    reaching more than :data:`MAX_REACH_KM`, is left out. ``places`` is not changed. Logs the counts,
    the districts with keys not given (and a place that has one), those too large, and any region the
    gazetteer has no region of its country by that name."""
    rows = read_extract() if rows is None else rows
    holder: dict[str, str] = {}
    for p in places:
        for k in p["keys"]:
            holder.setdefault(k, p["name"])
    regions = {(p.get("country"), p["name"]) for p in places if p["kind"] == "region"}
    for country, admin1 in sorted({(r.get("country", "RU"), r["admin1"]) for r in rows} - regions):
        log(f"  Russian districts: no region {admin1!r} ({country}) in the gazetteer (admin1 kept as it is)")
    out, per_region, refused, too_large = [], Counter(), defaultdict(list), []
    for row in rows:
        if row["uncertainty_km"] > MAX_REACH_KM:
            too_large.append(f"{row['name']} ({row['admin1']}, {row['uncertainty_km']:.0f} km)")
            continue
        keys, refused[row["id"]] = free_keys(row, holder)
        if held := [k for k in refused[row["id"]] if k in holder]:
            n = len(refused[row["id"]])
            log(f"  Russian district {row['name']} ({row['admin1']}): {n} keys not given, {held[0]!r} is "
                f"{holder[held[0]]}'s")  # fmt: skip
        if not keys:
            continue
        out.append(_place(row, keys))
        per_region[(out[-1]["country"], row["admin1"])] += 1
    if too_large:
        log(f"  Russian districts reaching over {MAX_REACH_KM:.0f} km, left out: {len(too_large)}: "
            f"{'; '.join(too_large)}")  # fmt: skip
    n_keys = sum(len(p["keys"]) for p in out)
    n_refused = sum(map(len, refused.values()))
    countries = Counter(p["country"] for p in out)
    counts = {f"{a} ({c})": n for (c, a), n in sorted(per_region.items())}
    log(f"Russian districts: {len(out)} places ({dict(sorted(countries.items()))}; {counts}), {n_keys} keys, "
        f"{n_refused} refused")  # fmt: skip
    return out
