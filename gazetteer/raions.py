"""Russian and pre-2020 names of Ukraine's raions (used by front.py).

Russian-language news and the wires quoting it name a raion by its Russian adjective, romanised:
"Kupyansky district" (Купянский район, Kupiansk Raion), "Bogodukhovsky district", "Chuguevsky
district", or by the Russian name of its centre, "Chuguev district". Older reports use the raions of
before the 2020 reform, which the new ones absorbed: "Krasnoarmeysky district" (Красноармійський,
since 2016 Покровський, now part of Pokrovsk Raion), "Artemovsky district" (now Bakhmut Raion).

The Russian adjectives are the sources' own: ``raion_centres.json`` for today's raions; for the old
ones (Who's On First's county records, placed in the new raion holding most of their localities) the
Russian name of a raion or hromada of the same adjective, of the centre town in WOF, or WOF's own,
and only where none has one the form :func:`russian_forms` derives (Дзержинський -> Дзержинский). The
spellings are made by the project's romanisers (``translit_ru``, ``spelling_variants``, translitua's
Russian systems) with г always g and и always i, as in :mod:`russian`. A key is added only where no
other place has it and no other raion of its tier wants it (:func:`add_keys`), so no key that
resolved before changes its answer.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from ukraine import WOF_REGION, _latin_keys, _translitua_systems, wof_record, wof_rows

from frontmap.gazetteer.names import normalize, russian_forms, spelling_variants, translit_ru

SUFFIXES = ("district", "raion", "rayon")  # never "region": "Kharkov region" is the oblast
#: A Russian raion adjective: -ский / -цкий (Купянский, Донецкий); Ukrainian -ський / -цький / -зький.
RU_ADJECTIVE = re.compile(r"(?:ск|цк)ий$")
UK_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк)ий$")
#: Russian г is always g and и always i in the news' spellings (Bogodukhovsky, Kupyansky); Bohodukhovsky
#: and Kupyansky with y for и are Ukrainian-Russian hybrids (see russian.py).
_RUSSIAN_ONLY = str.maketrans({"и": "i", "И": "I", "г": "g", "Г": "G"})
#: Spellings of one Russian name (``spelling_variants``' limit): the adjective endings (-sky, -skiy,
#: -skii, -skyi, -ski) times ya/ia, yu/iu, ye/e, y/i for й, kh/h.
VARIANTS = 48
TOWN_VARIANTS = 8
#: An old raion belongs to the new raion holding at least this share of its localities (WOF's, matched
#: to the codifier's settlements); a raion split more evenly (Orikhiv's, Vasylkiv's) gets no old names.
MAJORITY = 2 / 3
#: WOF's Russian name of a county is taken where it is this similar (rapidfuzz ratio) to the form derived
#: from the Ukrainian name: Новоазовский ~ Новоазовський; not "Харьковский" for Вовчанський.
SIMILAR = 80


def russian_spellings(name: str, variants: int = VARIANTS) -> set[str]:
    """Latin spellings of a Russian name as the news writes it: the BGN-like romanisation
    (``translit_ru``), translitua's passport, ICAO, ALA-LC and driving-licence systems, and the spelling
    variants with г as g and и as i, the adjective ending (-ский, -цкий) spelled every usual way
    (Купянский: Kupyanskiy, Kupyansky, Kupianskii, Kupyanski …); ё as e and as yo (Artyomovsk)."""
    translit, _, ru_systems = _translitua_systems()
    forms = {name, name.replace("ё", "е").replace("Ё", "Е"), name.replace("ё", "йо").replace("Ё", "Йо")}
    out = set()
    for form in forms:
        out.add(translit_ru(form))
        out |= {translit(form, s) for s in ru_systems}
        m = RU_ADJECTIVE.search(form.lower())
        cut = m.start() + 2 if m else len(form)  # "Купянс" + "кий": the ending keeps its Cyrillic letters
        head = form[:cut].translate(_RUSSIAN_ONLY)
        out |= spelling_variants(head + form[cut:], limit=variants)
    return {n for n in out if n}


def raion_keys(adjectives: set[str], towns: set[str]) -> set[str]:
    """Keys "<spelling> district/raion/rayon" and "<Cyrillic> район" of a raion's Russian adjectives
    (Купянский) and the Russian names of its centre (Купянск: "Kupyansk district")."""
    keys = set()
    for adj in adjectives:
        keys.add(normalize(f"{adj} район"))
        keys |= {normalize(f"{s} {suf}") for s in russian_spellings(adj) for suf in SUFFIXES}
    for town in towns:
        keys |= {normalize(f"{s} {suf}") for s in russian_spellings(town, TOWN_VARIANTS) for suf in SUFFIXES}
    return keys


def ukrainian_keys(adjective: str) -> set[str]:
    """Keys of an old raion's Ukrainian adjective: "Красноармійський район", "Krasnoarmiiskyi
    raion/district/rayon" in KMU 2010 and translitua's Ukrainian romanisations."""
    return {normalize(f"{adjective} район")} | _latin_keys(adjective, SUFFIXES)


# ------------------------------------------------------------------------------ the old raions
def read_counties(path: Path) -> list[dict]:
    """Who's On First's county records (the raions before 2020, and city councils) as :func:`wof_record`
    records with ``superseded_by``."""
    return [
        {**wof_record(d), "superseded_by": list(d.get("superseded_by") or [])}
        for d in wof_rows(path)
        if d.get("placetype") == "county" and d.get("region_id") in WOF_REGION
    ]


def _groups(counties: list[dict]) -> list[list[dict]]:
    """County records joined by ``superseded_by`` (WOF re-made many in 2016 under the same name)."""
    parent = {c["id"]: c["id"] for c in counties}

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for c in counties:
        for s in c["superseded_by"]:
            if s in parent:
                parent[root(s)] = root(c["id"])
    groups: dict[int, list[dict]] = defaultdict(list)
    for c in counties:
        groups[root(c["id"])].append(c)
    return [sorted(g, key=lambda c: c["id"]) for g in groups.values()]


def _uk_adjectives(names: list[str]) -> list[str]:
    """The raion adjectives among a county's Ukrainian names: "Красноармійський", "Мангушський район"
    (the 2016 name of Першотравневий); Добропільский, a typo, read as -ський."""
    out = []
    for n in names:
        n = re.sub(r"\s+район$", "", n.strip())
        if n.endswith("ский") and set(n.lower()) & set("іїє"):
            n = n[:-4] + "ський"
        if UK_ADJECTIVE.search(n.lower()) and " " not in n and n not in out:
            out.append(n)
    return out


def _masculine(ru: str) -> str:
    """A Russian adjective in the masculine: Купянская -> Купянский (the hromadas' names are feminine)."""
    for fem, masc in (("ская", "ский"), ("цкая", "цкий")):
        if ru.endswith(fem):
            return ru[: -len(fem)] + masc
    return ru


def russian_names(adjective: str, oblast: str, group: list[dict], towns: dict[tuple[str, str], set[str]],
                  units: list[dict]) -> tuple[set[str], str]:  # fmt: skip
    """The Russian adjectives of an old raion and where they come from: a raion or hromada of the
    same Ukrainian adjective in the oblast (``units``: the centres files, ``ua``/``ru``/``iso``); else
    the centre town's Russian names in WOF (``towns``: (oblast, normalised Ukrainian name) -> Russian
    names) + -ий (Красноармійськ -> Красноармейск -> Красноармейский);
    else WOF's Russian name of the county ("Новоазовский район") where it spells the Ukrainian one
    (:data:`SIMILAR`: WOF calls Вовчанський "Харьковский"); else the form derived by rule
    (:func:`russian_forms`: Дзержинський -> Дзержинский, right for most Soviet-era names)."""
    from rapidfuzz import fuzz

    found = set()
    a = normalize(adjective)
    for u in units:  # the files quote some names: "\"Знам\\'янська\""
        ua = normalize(u["ua"].replace("\\", "").strip('"'))
        if u["iso"][:4] == oblast and ua in (a, a[:-2] + "а") and u.get("ru"):
            found.add(_masculine(u["ru"]))
    if found:
        return found, "units"
    if a.endswith(("ський", "цький")):
        town = towns.get((oblast, a[:-2]), ())  # Красноармійськ
        found |= {n + "ий" for n in town if n.lower().endswith(("ск", "цк"))}
    if found:
        return found, "town"
    derived = russian_forms(adjective)
    for c in group:
        for n in c["ru"]:
            n = re.sub(r"\s+район$", "", n.strip())
            if RU_ADJECTIVE.search(n.lower()) and " " not in n:
                if max(fuzz.ratio(normalize(n), normalize(d)) for d in derived) >= SIMILAR:
                    found.add(n)
    if found:
        return found, "wof"
    return set(derived), "derived"


def old_raions(counties: list[dict], localities: list[dict], raion_of_wof: dict[int, str],
               units: list[dict]) -> tuple[list[dict], int]:  # fmt: skip
    """The raions before 2020 that WOF's county records name by an adjective, each with the new raion
    (its place id) holding most of its localities (``raion_of_wof``: WOF locality id -> raion place
    id), its Ukrainian adjective and its Russian adjectives (:func:`russian_names`); and how many
    such adjectives have no new raion (no locality placed, or none holding :data:`MAJORITY`)."""
    by_county: dict[int, list[dict]] = defaultdict(list)
    towns: dict[tuple[str, str], set[str]] = defaultdict(set)
    for w in localities:
        if w.get("county"):
            by_county[w["county"]].append(w)
        for n in w["uk"]:
            towns[(w["oblast"], normalize(n))] |= set(w["ru"])
    out, unplaced = [], 0
    for group in _groups(counties):
        adjectives = _uk_adjectives([n for c in group for n in c["uk"]])
        oblast = next((c["oblast"] for c in group if c["oblast"]), None)
        if not adjectives or oblast is None:
            continue
        members = [w for c in group for w in by_county.get(c["id"], ())]
        votes = Counter(raion_of_wof[w["id"]] for w in members if w["id"] in raion_of_wof)
        raion, n = votes.most_common(1)[0] if votes else (None, 0)
        if raion is None or n < MAJORITY * sum(votes.values()):
            unplaced += len(adjectives)
            continue
        for adjective in adjectives:
            ru, source = russian_names(adjective, oblast, group, towns, units)
            out.append({"adjective": adjective, "raion": raion, "ru": ru, "ru_source": source,
                        "county": group[0]["id"], "share": round(n / sum(votes.values()), 3)})  # fmt: skip
    return out, unplaced


# --------------------------------------------------------------------------------- the keys
def add_keys(places: list[dict], tiers: list[dict[str, set[str]]]) -> tuple[dict[str, int], list[tuple]]:
    """Give raions (place id -> proposed keys) their keys where no other place has the key and no
    other raion of the same tier is proposed it; a tier sees the keys the tiers before it gave (the
    raions' current names before their pre-2020 ones). Returns the counts and the refused keys:
    (key, raion id, the places holding or also wanting it)."""
    by_id = {p["id"]: p for p in places}
    holders: dict[str, set[str]] = defaultdict(set)
    for p in places:
        for k in p["keys"]:
            holders[k].add(p["id"])
    stats = {"raions": 0, "keys": 0, "refused_taken": 0, "refused_shared": 0}
    refused, given = [], set()
    for proposed in tiers:
        wanted: dict[str, set[str]] = defaultdict(set)
        for pid, keys in proposed.items():
            for k in keys:
                wanted[k].add(pid)
        added = []
        for pid, keys in sorted(proposed.items()):
            p = by_id[pid]
            for k in sorted(keys - p["keys"]):
                if others := holders.get(k, set()) - {pid}:
                    stats["refused_taken"] += 1
                    refused.append((k, pid, tuple(sorted(others))))
                elif len(wanted[k]) > 1:
                    stats["refused_shared"] += 1
                    refused.append((k, pid, tuple(sorted(wanted[k] - {pid}))))
                else:
                    added.append((k, pid))
        for k, pid in added:
            by_id[pid]["keys"].add(k)
            holders[k].add(pid)
            given.add(pid)
        stats["keys"] += len(added)
    stats["raions"] = len(given)
    return stats, refused


def russian_raion_names(
    places: list[dict], raion_centres: dict[str, dict], hromada_centres: dict[str, dict],
    counties: list[dict], localities: list[dict], log=print,
) -> dict[str, int]:  # fmt: skip
    """Add the Russian names of the raions (their adjective from ``raion_centres``, their centre's
    Russian names from WOF), then the Ukrainian and Russian names of the raions before 2020 (WOF's
    counties), to the raion places of ``places``. Returns the counts; logs the refused keys."""
    raions = {p["id"]: p for p in places if p["kind"] == "raion" and p.get("katottg")}
    by_code = {p["katottg"]: p for p in places if p.get("katottg")}
    current: dict[str, set[str]] = {}
    for pid, r in raions.items():
        c = raion_centres.get(r["katottg"][:6]) or {}
        adjectives = {c["ru"]} if RU_ADJECTIVE.search((c.get("ru") or "").lower()) else set()
        centre = by_code.get(r.get("centre") or "")
        towns = set(centre.get("ru_names") or ()) if centre else set()
        current[pid] = raion_keys(adjectives, towns)
    raion_of = {p["raion"]: pid for pid, p in raions.items()}
    raion_of_wof = {
        w: raion_of[p["raion"]] for p in places if p.get("raion") in raion_of and p["kind"] == "settlement"
        for w in p.get("wof_ids", ())
    }  # fmt: skip
    units = list(raion_centres.values()) + list(hromada_centres.values())
    old: dict[str, set[str]] = defaultdict(set)
    found, unplaced = old_raions(counties, localities, raion_of_wof, units)
    for o in found:
        old[o["raion"]] |= ukrainian_keys(o["adjective"]) | raion_keys(o["ru"], set())
    stats, refused = add_keys(places, [current, dict(old)])
    sources = Counter(o["ru_source"] for o in found)
    stats.update(old_raions=len(found), old_unplaced=unplaced)
    stats.update({f"old_ru_{k}": v for k, v in sorted(sources.items())})
    for k, pid, others in refused:
        log(f"  raion key refused: {k!r} for {raions[pid]['name']}: {', '.join(others)}")
    return stats
