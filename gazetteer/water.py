"""Rivers, reservoirs and lakes (used by build.py).

* Natural Earth 10m river lines become the geometry of the rivers already in the gazetteer
  (additions.json: Dnipro, Siverskyi Donets, Oskil, Desna, Southern Bug ... keep their ids) and of a
  few more (Don, Prypiat, Seim ...), as (Multi)LineStrings simplified to ``LINE_TOLERANCE``; each of
  these keeps its bare name ("Don"), ranked after any other place of that name.
* Natural Earth lakes: the Kakhovka, Kremenchuk and Kyiv reservoirs ... as polygons (kind "lake").
* The State Register of Geographical Names: every river name, one point each (often its mouth, so
  ``approximate`` with a wide ``uncertainty_km``), keyed with and without "River"; its reservoirs,
  lakes, spits ... one point each, a reservoir named by its adjective also by the town or river it is
  named after ("Pechenizke Reservoir": "Pechenihy Reservoir"; see :func:`reservoirs_by_town`).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
from collections import defaultdict
from pathlib import Path

from frontmap.gazetteer.names import normalize, spelling_variants, translit_ru, translit_uk
from frontmap.gazetteer.store import haversine_km

LINE_TOLERANCE = 0.002  # degrees (about 150-200 m): lines keep their bends at map scale
LAKE_TOLERANCE = 0.002
REGISTER_UNCERTAINTY_KM = 25.0  # a register point is often the mouth; some are wrong

#: Natural Earth river name -> the gazetteer river it is part of (existing ids kept).
NE_RIVERS = {
    "Dnipro": "add:dnipro-river", "Dnepr": "add:dnipro-river",
    "Donets": "add:siverskyi-donets-river", "Seversky Donets": "add:siverskyi-donets-river",
    "Oskol": "add:oskil-river", "Desna": "add:desna-river", "Southern Bug": "add:southern-bug-river",
    "Danube": "add:danube-river", "Dniester": "add:dniester-river", "Volga": "add:volga-river",
    "Don": "ne:river-don", "Prypyat": "ne:river-prypiat", "Pripyat": "ne:river-prypiat",
    "Seym": "ne:river-seim", "Teteriv": "ne:river-teteriv", "Ros": "ne:river-ros",
    "Sluch": "ne:river-sluch", "Haryn": "ne:river-horyn", "Styr": "ne:river-styr", "Prut": "ne:river-prut",
    "Synyukha": "ne:river-syniukha", "Zakhidnyy Buh": "ne:river-western-bug", "Bug": "ne:river-western-bug",
    "Tisa": "ne:river-tysa", "Snov": "ne:river-snov", "Sozh": "ne:river-sozh", "Uzh": "ne:river-uzh",
    "Latorytsya": "ne:river-latorytsia", "Ubort": "ne:river-ubort", "Kuban": "ne:river-kuban",
    "Kama": "ne:river-kama", "Oka": "ne:river-oka", "Neman": "ne:river-neman",
}  # fmt: skip
#: Rivers Natural Earth adds: id -> (English name, other names).
NEW_RIVERS = {
    "ne:river-don": ("Don River", ["Don River", "river Don", "the Don", "Дон", "річка Дон", "река Дон"]),
    "ne:river-prypiat": ("Prypiat River", ["Prypiat", "Pripyat River", "Pripyat", "Прип'ять", "Припять"]),
    "ne:river-seim": ("Seim River", ["Seim", "Seym", "Seym River", "Сейм", "річка Сейм"]),
    "ne:river-teteriv": ("Teteriv River", ["Teteriv", "Teterev", "Тетерів", "Тетерев"]),
    "ne:river-ros": ("Ros River", ["Ros River", "Рось", "річка Рось"]),
    "ne:river-sluch": ("Sluch River", ["Sluch", "Sluch River", "Случ"]),
    "ne:river-horyn": ("Horyn River", ["Horyn", "Goryn", "Horyn River", "Горинь"]),
    "ne:river-styr": ("Styr River", ["Styr", "Styr River", "Стир"]),
    "ne:river-prut": ("Prut River", ["Prut", "Prut River", "Прут"]),
    "ne:river-syniukha": ("Syniukha River", ["Syniukha", "Synyukha", "Синюха"]),
    "ne:river-western-bug": ("Western Bug", ["Western Bug River", "Zakhidnyi Buh", "Західний Буг"]),
    "ne:river-tysa": ("Tysa River", ["Tysa", "Tisza", "Tisa", "Tysa River", "Tisza River", "Тиса"]),
    "ne:river-snov": ("Snov River", ["Snov", "Snov River", "Снов"]),
    "ne:river-sozh": ("Sozh River", ["Sozh", "Sozh River", "Сож"]),
    "ne:river-uzh": ("Uzh River", ["Uzh River", "Уж"]),
    "ne:river-latorytsia": ("Latorytsia River", ["Latorytsia", "Latorytsya", "Латориця"]),
    "ne:river-ubort": ("Ubort River", ["Ubort", "Ubort River", "Уборть"]),
    "ne:river-kuban": ("Kuban River", ["Kuban River", "river Kuban", "Kuban", "Кубань", "река Кубань"]),
    # the rivers of refineries and plants struck in Russia: Nizhnekamsk and Yelabuga, Ryazan and Kstovo
    "ne:river-kama": ("Kama River", ["Kama River", "river Kama", "the Kama", "Кама", "река Кама"]),
    "ne:river-oka": ("Oka River", ["Oka River", "river Oka", "the Oka", "Ока", "река Ока"]),
    "ne:river-neman": ("Neman River", ["Neman", "Neman River", "Nemunas", "Nioman", "Нёман", "Німан"]),
}  # fmt: skip
#: Natural Earth lake name -> (id, English name, other names); existing ids kept.
NE_LAKES = {
    "Kakhovka Reservoir": ("add:kakhovka-reservoir", None, []),
    "Kremenchuk Reservoir": ("ne:lake-kremenchuk-reservoir", "Kremenchuk Reservoir",
                             ["Kremenchuk Reservoir", "Kremenchug Reservoir", "Кременчуцьке водосховище",
                              "Кременчугское водохранилище"]),
    "Kiev Reservoir": ("ne:lake-kyiv-reservoir", "Kyiv Reservoir",
                       ["Kyiv Reservoir", "Kiev Reservoir", "Kyiv Sea", "Kiev Sea", "Київське водосховище",
                        "Київське море", "Киевское водохранилище", "Киевское море"]),
    "Syvash": ("ne:lake-syvash", "Syvash", ["Syvash", "Sivash", "Sivash Lagoon", "Сиваш"]),
    "Tiligul Liman": ("ne:lake-tylihul-estuary", "Tylihul Estuary",
                      ["Tylihul Estuary", "Tiligul Estuary", "Tiligul Liman", "Тилігульський лиман"]),
    "Molochnyy Liman": ("ne:lake-molochnyi-estuary", "Molochnyi Estuary",
                        ["Molochnyi Estuary", "Molochny Estuary", "Molochnyi Lyman", "Молочний лиман"]),
    "Yalpug and Kugurlui": ("ne:lake-yalpuh", "Lake Yalpuh", ["Yalpuh Lake", "Lake Yalpug", "Ялпуг"]),
    "Tsimlyansk Reservoir": ("ne:lake-tsimlyansk-reservoir", "Tsimlyansk Reservoir",
                             ["Tsimlyansk Reservoir", "Цимлянское водохранилище"]),
    # the Volga's reservoirs, by the towns of the refineries and plants struck on their shores
    "Gorky Reservoir": ("ne:lake-gorky-reservoir", "Gorky Reservoir",
                        ["Gorky Reservoir", "Nizhny Novgorod Reservoir", "Горьковское водохранилище"]),
    "Cheboksary Reservoir": ("ne:lake-cheboksary-reservoir", "Cheboksary Reservoir",
                             ["Cheboksary Reservoir", "Чебоксарское водохранилище"]),
    "Samara Reservoir": ("ne:lake-kuibyshev-reservoir", "Kuibyshev Reservoir",
                         ["Kuibyshev Reservoir", "Kuybyshev Reservoir", "Samara Reservoir", "Zhiguli Sea",
                          "Куйбышевское водохранилище"]),
    "Saratov Reservoir": ("ne:lake-saratov-reservoir", "Saratov Reservoir",
                          ["Saratov Reservoir", "Саратовское водохранилище"]),
    "Volgograd Reservoir": ("ne:lake-volgograd-reservoir", "Volgograd Reservoir",
                            ["Volgograd Reservoir", "Волгоградское водохранилище"]),
}  # fmt: skip


def read_geojson(path: Path) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)["features"]


def _merged(features: list[dict], tolerance: float):
    from shapely import line_merge, make_valid, union_all
    from shapely.geometry import shape

    g = union_all([make_valid(shape(f["geometry"])) for f in features])
    if g.geom_type in ("MultiLineString", "LineString"):
        g = line_merge(g)
    return g.simplify(tolerance, preserve_topology=True)


def _point_on(g) -> tuple[float, float]:
    from shapely import line_interpolate_point

    if g.geom_type in ("LineString", "MultiLineString"):
        parts = list(getattr(g, "geoms", [g]))
        longest = max(parts, key=lambda q: q.length)
        p = line_interpolate_point(longest, 0.5, normalized=True)
    else:
        p = g.representative_point()
    return round(p.y, 5), round(p.x, 5)


def river_lines(features: list[dict], places_by_id: dict[str, dict]) -> tuple[list[dict], int]:
    """Give the existing river places their Natural Earth line; returns new river places and the number
    of existing ones that got a line. The existing point stays the representative point."""
    groups = defaultdict(list)
    for f in features:
        pid = NE_RIVERS.get(f["properties"].get("name"))
        if pid:
            groups[pid].append(f)
    new, updated = [], 0
    for pid, fs in sorted(groups.items()):
        g = _merged(fs, LINE_TOLERANCE)
        if pid in places_by_id:
            places_by_id[pid]["geometry"] = g
            updated += 1
            continue
        if pid not in NEW_RIVERS:  # an additions.json river this gazetteer does not have
            continue
        name, names = NEW_RIVERS[pid]
        lat, lon = _point_on(g)
        new.append(_water(pid, name, "river", lat, lon, names, g))
    return new, updated


def lake_polygons(features: list[dict], places_by_id: dict[str, dict]) -> tuple[list[dict], int]:
    """Reservoirs and lakes: polygons for existing ids (Kakhovka Reservoir becomes kind "lake"),
    new places for the others."""
    groups = defaultdict(list)
    for f in features:
        if f["properties"].get("name") in NE_LAKES:
            groups[f["properties"]["name"]].append(f)
    new, updated = [], 0
    for ne_name, fs in sorted(groups.items()):
        pid, name, names = NE_LAKES[ne_name]
        g = _merged(fs, LAKE_TOLERANCE)
        if pid in places_by_id:
            p = places_by_id[pid]
            p["geometry"], p["kind"] = g, "lake"
            updated += 1
            continue
        if name is None:
            continue
        lat, lon = _point_on(g)
        new.append(_water(pid, name, "lake", lat, lon, names, g))
    return new, updated


#: Natural Earth marine classes that are places a report names ("the Baltic Sea", "the Bosporus").
MARINE_CLASSES = ("sea", "gulf", "strait", "channel")


def sea_polygons(features: list[dict], existing_keys: set[str]) -> list[dict]:
    """Seas, gulfs and straits of the Natural Earth marine polygons whose names no place has yet ("Baltic
    Sea", "Caspian Sea", "Gulf of Riga", "Bosporus"; the Black Sea and the Sea of Azov come from
    additions.json)."""
    groups = defaultdict(list)
    for f in features:
        prop = f["properties"]
        if prop.get("featurecla") in MARINE_CLASSES and prop.get("name"):
            groups[prop["name"]].append(f)
    new = []
    for name, fs in sorted(groups.items()):
        if normalize(name) in existing_keys:
            continue
        g = _merged(fs, LAKE_TOLERANCE)
        lat, lon = _point_on(g)
        sea = _water(f"ne:sea-{normalize(name).replace(' ', '-')}", name, "sea", lat, lon, [], g)
        new.append(sea | {"feature": "SEA" if fs[0]["properties"]["featurecla"] == "sea" else "STRT"})
    return new


def locate(lakes: list[dict], units: list[dict]) -> int:
    """Give each lake without a country the country and region whose polygons (``units``: countries and
    regions with geometry) hold its point: a reservoir in Ukraine is a Ukrainian place ("the Kyiv
    reservoir" read as a place of Ukraine). Returns how many were located."""
    from shapely import Point, prepare

    for u in units:
        prepare(u["geometry"])
    done = 0
    for lake in lakes:
        if lake["country"] is not None:
            continue
        pt = Point(lake["lon"], lake["lat"])
        for u in units:
            if u["geometry"].contains(pt):
                if u["kind"] == "country":
                    lake["country"] = u["country"]
                elif lake["admin1"] is None:
                    lake["admin1"] = u["name"]
        done += lake["country"] is not None
    return done


def _water(pid, name, kind, lat, lon, names, g) -> dict:
    keys = {normalize(n) for n in [name, *names]}
    if kind == "river":
        # a major river keeps its bare name ("the Don") even when it is a given name or a common word:
        # not explicit and tier 1, so it ranks after every other place of that name
        keys.add(normalize(name.removesuffix(" River")))
    return {
        "id": pid, "name": name, "kind": kind, "lat": lat, "lon": lon, "country": None, "admin1": None,
        "population": 0, "feature": "STM" if kind == "river" else "LK", "keys": keys,
        # "Prypiat River" is the river; a bare "Prypiat" stays the town (tier 1: after existing places)
        "explicit": {k for k in keys if " " in k}, "geometry": g, "tier": 1,
    }  # fmt: skip


_DMS = re.compile(r"([NSEW])\s*(\d+)°\s*(\d+)’\s*(\d+(?:[.,]\d+)?)")


def dms(text: str) -> float | None:
    """'N 47° 58’ 20"' -> 47.97222."""
    m = _DMS.search(text or "")
    if not m:
        return None
    v = int(m[2]) + int(m[3]) / 60 + float(m[4].replace(",", ".")) / 3600
    return -v if m[1] in "SW" else v


#: Cyrillic letters typed for their Latin look-alikes in a few of the register's Latin names ("Рrykol",
#: "Nyzhnіe"): read as the Latin letters.
LOOK_ALIKES = str.maketrans("АВЕІКМНОРСТХаеіорсух", "ABEIKMHOPCTXaeiopcyx")


def read_register_rivers(path: Path, kinds: tuple[str, ...] = ("річка",)) -> list[dict]:
    """Features of the State Register of the register ``kinds`` (rivers by default): uk name, official
    Latin name, kind, oblast, point."""
    raw = gzip.open(path, "rb").read() if str(path).endswith(".gz") else Path(path).read_bytes()
    rows = csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";")
    next(rows, None)
    out = []
    for r in rows:
        if len(r) < 8 or r[3] not in kinds:
            continue
        lat, lon = dms(r[6]), dms(r[7])
        if lat is None or lon is None or not r[1].strip():
            continue
        latin = r[2].strip().translate(LOOK_ALIKES)
        out.append({"reg": r[0], "uk": r[1].strip(), "latin": latin, "kind": r[3],
                    "oblast": r[4].strip(), "lat": round(lat, 5), "lon": round(lon, 5)})  # fmt: skip
    return out


#: Register kinds of still water, spits, islands, capes and peninsulas -> (place kind, feature code, English
#: names of "{}" the official Latin name). Only these multi-word names are keys: a bare lake name is too
#: often a village's ("Cape Tarkhankut", not "Tarkhankut", a village too).
REGISTER_WATERS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "водосховище": ("lake", "RSV", ("{} Reservoir", "{} reservoir")),
    "озеро": ("lake", "LK", ("Lake {}", "{} Lake", "{} lake")),
    "солоне озеро": ("lake", "LK", ("Lake {}", "{} Lake", "{} lake")),
    "лиман": ("lake", "LGN", ("{} Estuary", "{} estuary", "{} Lyman")),
    "коса": ("facility", "SPIT", ("{} Spit", "{} spit")),
    "острів": ("facility", "ISL", ("{} Island", "{} island", "Ostriv {}")),
    # a strait ("the Kerch Strait"), or a channel of a delta, which no report calls a strait
    "протока": ("sea", "STRT", ("{} Strait", "{} strait")),
    "мис": ("facility", "CAPE", ("Cape {}", "{} Cape")),
    "півострів": ("facility", "PEN", ("{} Peninsula", "{} peninsula")),
}
#: Where a register point must lie to be used (south, west, north, east): the country's extent. A few
#: points are misprinted (the cape of Opuk, in Crimea, at 46° east).
UKRAINE_BOUNDS = (44.3, 22.1, 52.4, 40.3)
#: The register's generic words for a spit, written as part of a name ("Arabatska Strilka", an island
#: "Tendrivska Kosa"): such a feature is a spit, named in English by the rest ("Arabatska Spit"). A
#: spit named by an adjective in -ska is also named by its stem ("Arabat Spit", "Kinburn Spit"), and one
#: in -ivska by the noun in -a it is made from too ("Tendrivska" of Tendra: "Tendra Spit").
SPIT_WORDS = ("Kosa", "Strilka")
#: How far a register point of a lake or spit may be from where a report measures to (km).
REGISTER_WATER_UNCERTAINTY_KM = 5.0


def _proper_name(latin: str) -> str:
    """The name proper of a register name: one line, without an aside in brackets or the generic words
    it spells in lower case ("Ladyzhynske vodoskhovyshche" -> "Ladyzhynske").

    >>> _proper_name("Utliutskyi Lyman (ozero\\nSyvash)")
    'Utliutskyi Lyman'
    """
    latin = re.sub(r"\([^)]*\)", " ", " ".join(latin.split()))
    return " ".join(w for w in latin.split() if w[:1].isupper())


def _spit_names(latin: str) -> list[str]:
    """The names of a spit, strait or peninsula named ``latin``: itself, and the stem of an adjective in
    -ska or -skyi (of a noun in -a for -ivska, of a town for -enska: Керченська, of Kerch).

    >>> _spit_names("Arabatska"), _spit_names("Tendrivska"), _spit_names("Biriuchyi")
    (['Arabatska', 'Arabat'], ['Tendrivska', 'Tendriv', 'Tendra'], ['Biriuchyi'])
    >>> _spit_names("Kerchenska"), _spit_names("Tarkhankutskyi")
    (['Kerchenska', 'Kerchen', 'Kerch'], ['Tarkhankutskyi', 'Tarkhankut'])
    """
    ending = next((e for e in ("ska", "skyi") if latin.endswith(e)), None)
    if ending is None:
        return [latin]
    stem = latin[: -len(ending)]
    more = [stem[:-2] + "a"] if stem.endswith("iv") else [stem[:-2]] if stem.endswith("en") else []
    return [latin, stem, *more]


def register_waters(rows: list[dict], existing_keys: set[str], oblast_name) -> list[dict]:
    """One approximate point per register reservoir, lake, estuary, spit, island, cape or peninsula
    (:data:`REGISTER_WATERS`) within :data:`UKRAINE_BOUNDS`, keyed by its English names ("Karachunivske
    Reservoir", "Lake Donuzlav", "Cape Tarkhankut"); names an existing place has are left out, and a
    feature whose names all are is left out.  Of features sharing a name, one that spans several oblasts
    takes it first (the Kamianske reservoir on the Dnipro, not a pond of that name); one at the point and
    of the kind of a feature already kept is that feature under another name, its old one
    ("Dniprodzerzhynske", the same reservoir before 2016)."""
    seen: set[str] = set()
    at: dict[tuple[str, float, float], dict] = {}  # the features kept, by kind and point, in order
    for r in sorted(rows, key=lambda r: -r["oblast"].count(",")):
        kind, feature, forms = REGISTER_WATERS[r["kind"]]
        latin = _proper_name(r["latin"] or translit_uk(r["uk"]))
        if not latin:
            continue
        words = latin.split()
        if len(words) > 1 and words[-1] in SPIT_WORDS:
            kind, feature, forms = REGISTER_WATERS["коса"]
            latin = " ".join(words[:-1])
        south, west, north, east = UKRAINE_BOUNDS
        if not (south <= r["lat"] <= north and west <= r["lon"] <= east):
            continue
        names = _spit_names(latin) if feature in ("SPIT", "STRT", "PEN") else [latin]
        keys = {normalize(f.format(n)) for f in forms for n in names} - existing_keys - seen
        if not keys:
            continue
        seen |= keys
        same = at.get((kind, r["lat"], r["lon"]))
        if same is not None:
            same["keys"] |= keys
            continue
        name = forms[0].format(latin)
        at[(kind, r["lat"], r["lon"])] = {
            "id": f"register:{r['reg']}", "name": name, "kind": kind, "lat": r["lat"], "lon": r["lon"],
            "country": "UA", "admin1": oblast_name(r["oblast"]), "population": 0, "feature": feature,
            "keys": keys, "explicit": set(), "geometry": None, "tier": 2, "approximate": True,
            "uncertainty_km": REGISTER_WATER_UNCERTAINTY_KM,
        }  # fmt: skip
    return list(at.values())


#: How a Ukrainian adjective in -ske ends for the name it is made from: "Kremenchutske" of Kremenchuk,
#: "Pechenizke" of Pechenihy, "Kanivske" of Kaniv (the name may end in one or two letters more:
#: "Kurakhivske" of Kurakhove, by :data:`ADJECTIVE_VOWELS`).
ADJECTIVE_ENDINGS = (("tske", "k"), ("zke", "h"), ("ske", ""))
#: ... and vowels the adjective changes: "-iv-" of "-ov-" (Kurakhove), "-ov-" of "-o" (Dnipro).
ADJECTIVE_VOWELS = (("iv", "ov"), ("ov", "o"))
#: How far the town or river a reservoir is named after may lie from its register point (km).
NAMED_AFTER_KM = 60.0


def _named_after(adjective: str) -> list[str]:
    """The stems of the name a Ukrainian adjective in -ske is made from (lower case).

    >>> _named_after("Kurakhivske"), _named_after("Kremenchutske"), _named_after("Dniprovske")
    (['kurakhiv', 'kurakhov'], ['kremenchuk'], ['dniprov', 'dnipro'])
    """
    for ending, back in ADJECTIVE_ENDINGS:
        if adjective.endswith(ending):
            stem = (adjective[: -len(ending)] + back).lower()
            return [stem, *(stem[: -len(a)] + b for a, b in ADJECTIVE_VOWELS if stem.endswith(a))]
    return []


def reservoirs_by_town(waters: list[dict], places: list[dict], taken: set[str]) -> int:
    """Give each register reservoir named by an adjective ("Pechenizke Reservoir") the names of the town
    it is named after ("Pechenihy Reservoir", and in each Latin spelling the town has: "Pechenegi
    Reservoir"; the nearest within :data:`NAMED_AFTER_KM` whose name is the adjective's stem, or one or
    two letters longer), or of the river a compound adjective ends with ("Chervonooskilske": "Oskil
    Reservoir", "Oskol Reservoir"); only names no place in ``taken`` has.  Returns how many reservoirs
    got one."""
    # the towns and rivers by one-degree cell: NAMED_AFTER_KM is less than a degree at Ukraine's latitudes,
    # so a reservoir's cell and the eight around it hold every one that near
    towns: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for p in places:
        if p["kind"] in ("settlement", "river"):
            towns[(math.floor(p["lat"]), math.floor(p["lon"]))].append(p)
    named = 0
    for w in waters:
        if w["feature"] != "RSV" or " " in w["name"].removesuffix(" Reservoir"):
            continue
        stems = _named_after(w["name"].removesuffix(" Reservoir"))
        found = []
        y, x = math.floor(w["lat"]), math.floor(w["lon"])
        for p in (p for dy in (-1, 0, 1) for dx in (-1, 0, 1) for p in towns.get((y + dy, x + dx), ())):
            name = p["name"].removesuffix(" River").lower()
            d = haversine_km(w["lat"], w["lon"], p["lat"], p["lon"])
            if d > NAMED_AFTER_KM:
                continue
            if any(name.startswith(s) and len(name) - len(s) <= 2 for s in stems):
                found.append((name not in stems, d, p["id"], p))
            elif p["kind"] == "river" and len(name) >= 4 and any(s.endswith(name) for s in stems):
                found.append((True, d, p["id"], p))  # "Chervono-oskilske": the Oskil
        if not found:
            continue
        town = min(found)[3]
        names = {town["name"].removesuffix(" River"), *(k.removesuffix(" river") for k in town["keys"])}
        keys = {normalize(f"{n} Reservoir") for n in names if n.isascii()} - taken
        if keys:
            w["keys"] |= keys
            named += 1
    return named


#: Russian names of rivers that spelling rules cannot derive from the Ukrainian ones (Вовча: Волчья).
RUSSIAN_RIVER_NAMES = Path(__file__).resolve().parent / "russian_river_names.json"


def read_russian_names(path: Path = RUSSIAN_RIVER_NAMES) -> dict[str, str]:
    """Ukrainian register name -> Russian name, from ``russian_river_names.json``."""
    with open(path, encoding="utf-8") as fh:
        return dict(json.load(fh)["names"])


def _russian_names(ru: str) -> set[str]:
    """The names a Russian river name ``ru`` gives: "Волчья река", "река Волчья", and "Volchya River",
    "Volchia River" ... in its Latin spellings (:func:`spelling_variants`)."""
    latin = spelling_variants(ru) | {translit_ru(ru)}
    return {f"{ru} река", f"река {ru}", *(f"{v} River" for v in latin), *(f"River {v}" for v in latin)}


def register_rivers(
    rows: list[dict],
    existing_keys: set[str],
    stop: set[str],
    oblast_name,
    taken: frozenset[str] = frozenset(),
    russian: dict[str, str] | None = None,
) -> list[dict]:
    """One approximate point per register river (names with and without "River"). Rivers whose name
    an existing river or lake has are left out; the bare name is a key only when no other place
    (``taken``: every key of the gazetteer) has it and it is not a common word ("Kharkiv" is the city,
    never the Kharkiv River).  ``russian`` (Ukrainian name -> Russian) adds the Russian names of a
    river, and the bare Latin one on the same terms ("the Konka")."""
    out = []
    seen: set[tuple[str, float, float]] = set()
    for r in rows:
        latin = r["latin"] or translit_uk(r["uk"])
        base = normalize(latin)
        if base in existing_keys or normalize(f"{latin} River") in existing_keys:
            continue
        ident = (base, round(r["lat"], 1), round(r["lon"], 1))
        if ident in seen:
            continue
        seen.add(ident)
        names = {f"{latin} River", f"River {latin}", f"{latin} river", f"річка {r['uk']}", f"{r['uk']} річка",
                 f"{translit_ru(r['uk'])} River"}  # fmt: skip
        ru = (russian or {}).get(r["uk"])
        if ru:
            names |= _russian_names(ru)
        keys = {normalize(n) for n in names}
        bare = {base} | ({normalize(translit_ru(ru))} if ru else set())
        keys |= {k for k in bare if len(k) >= 4 and k not in stop and k not in taken}
        out.append({
            "id": f"register:{r['reg']}", "name": f"{latin} River", "kind": "river", "lat": r["lat"],
            "lon": r["lon"], "country": "UA", "admin1": oblast_name(r["oblast"]), "population": 0,
            "feature": "STM", "keys": keys, "explicit": set(), "primary": {normalize(f"{latin} River")},
            "geometry": None, "tier": 2, "approximate": True, "uncertainty_km": REGISTER_UNCERTAINTY_KM,
        })  # fmt: skip
    return out
