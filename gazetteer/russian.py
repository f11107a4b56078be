"""Russian forms of Ukraine's settlement names, derived by rule (used by front.py).

Russian-language sources and the wires quoting them name Ukrainian villages in Russian ("Sinkovka"
for Synkivka, "Stepovaya Novoselovka"). Who's On First gives Russian names for about a third of the
codifier's settlements; for the others :func:`frontmap.gazetteer.names.russian_forms` derives the
Russian form from the Ukrainian one (and from the former name of a village renamed since 2021:
Russian sources keep "Severnoye" for Сєверне, now Північне) by the regular correspondences of the
two languages' toponyms, and this module adds its romanisations as keys that rank after every
sourced name ("late").
"""

from __future__ import annotations

from collections import defaultdict

from pack import rank_key

from frontmap.gazetteer.names import is_cyrillic, normalize, russian_forms, spelling_variants, translit_ru

#: Spelling variants of a derived form (``spelling_variants``' limit): ye/e, y/i for й, aya/aia, the
#: adjective endings ... Russian и is always i and г always g here (Sinkovka, Gazovoye; Synkovka and
#: Hazovoye are Ukrainian spellings).
VARIANTS = 8
_RUSSIAN_ONLY = str.maketrans({"и": "i", "И": "I", "г": "g", "Г": "G"})
#: The fewest characters of a derived Latin key ("Novo" from Нове is not one).
MIN_LATIN = 5


def derived_keys(uk_name: str, stop: set[str]) -> set[str]:
    """Normalised keys of the Russian forms of ``uk_name``: the Cyrillic forms, their BGN-like
    romanisation (``translit_ru``) and spelling variants (``spelling_variants``); Latin keys under
    :data:`MIN_LATIN` characters or in ``stop`` (common words, given names) are left out."""
    keys = set()
    for form in russian_forms(uk_name):
        latin = form.translate(_RUSSIAN_ONLY)  # spelling_variants would also try y for и, h for г
        for k in {form, translit_ru(form), *spelling_variants(latin, limit=VARIANTS)}:
            k = normalize(k)
            if is_cyrillic(k) or (len(k) >= MIN_LATIN and k not in stop):
                keys.add(k)
    return keys


#: A town abroad this large keeps its name from the derived Russian forms of Ukrainian villages ("Ivanovo"
#: stays the Russian city); a smaller one (a Moscow district called Sokol) shares it, ranked first.
CITY_ABROAD = 100_000
#: A town of Ukraine this large keeps a name from them; a smaller place shares it, ranked first (Makarove
#: of Odesa Oblast, which GeoNames also calls Makarovka, and the Makarivka Russian sources call so).
TOWN_KEEPS = 10_000


def _larger(h: dict, p: dict) -> bool:
    if h["kind"] != "settlement":
        return True
    if h["country"] != "UA":
        return h["population"] >= CITY_ABROAD
    return h["population"] > p["population"] and h["population"] >= TOWN_KEEPS


def _refused(p: dict, key: str, holders: list[dict], deriving: set[str]) -> bool:
    """Whether ``key`` would take a name from another place: it names something other than a
    settlement, or its first place today (the answer) is larger and no namesake of ``p`` (a place
    with the same Ukrainian name, today or before ``p`` was renamed, or one whose own name derives
    ``key`` too: ``deriving``)."""
    others = [h for h in holders if h is not p]
    if not others:
        return False
    if any(h["kind"] != "settlement" for h in others):
        return True
    first = min(others, key=lambda h: rank_key(h, key))
    # a namesake by its name today or by the one it had until renamed (Pobieda, now Peremoha: Russian
    # sources still say "Pobeda", as they do of the other Pobiedas)
    names = [p["uk_name"], *p.get("former", ())]
    namesake = any(normalize(n) in first["keys"] for n in names) or first["id"] in deriving
    return not namesake and _larger(first, p)


def add_russian_keys(places: list[dict], stop: set[str]) -> dict[str, int]:
    """Give the codifier's settlements without a sourced Russian name (``ru_names``) the keys of
    their derived Russian forms, where the key is new for the place and does not name a different,
    larger place today (:func:`_refused`). The keys are ``late``: they rank after every place whose
    own or sourced name it is. Returns counts: places considered, places given keys, keys added,
    keys refused."""
    holders: dict[str, list[dict]] = defaultdict(list)
    for p in places:
        for k in p["keys"]:
            holders[k].append(p)
    todo = [
        p
        for p in places
        if p["kind"] == "settlement" and p.get("uk_name") and (not p.get("ru_names") or _former_only(p))
    ]
    derived = {
        p["id"]: set().union(*(derived_keys(n, stop) for n in [p["uk_name"], *p.get("former", ())]))
        - p["keys"]
        for p in todo
    }
    deriving: dict[str, set[str]] = defaultdict(set)
    for pid, keys in derived.items():
        for k in keys:
            deriving[k].add(pid)
    stats = {"considered": len(todo), "places": 0, "keys": 0, "refused": 0}
    for p in todo:
        new = set()
        for k in derived[p["id"]]:
            if _refused(p, k, holders.get(k, []), deriving[k]):
                stats["refused"] += 1
                continue
            new.add(k)
        if new:
            p["keys"] |= new
            p.setdefault("late", set()).update(new)
            stats["places"] += 1
            stats["keys"] += len(new)
    return stats


_FOLD = str.maketrans({"ё": "е", "ы": "и", "ь": None})  # what the romanisations do not tell apart


def _folded_forms(uk_name: str) -> set[str]:
    return {normalize(f).translate(_FOLD) for f in russian_forms(uk_name)}


def _former_only(p: dict) -> bool:
    """Whether the sourced Russian names of a settlement are all of another of its Ukrainian names, not
    of its name today (WOF files Pavlivka of Vuhledar hromada under its former name, Долинське, with
    the Russian Долинское): its name today still needs its Russian form."""
    sourced = {normalize(r) for r in p["ru_names"]}
    if sourced & {normalize(f) for f in russian_forms(p["uk_name"])}:
        return False
    own = normalize(p["uk_name"])
    others = [k for k in p["keys"] if k != own and k not in sourced and is_cyrillic(k)]
    folded = {r.translate(_FOLD) for r in sourced}
    return any(folded & _folded_forms(k) for k in [*p.get("former", ()), *others])


def agreement(places: list[dict]) -> tuple[int, int]:
    """How many codifier settlements with a sourced (WOF) Russian name have it among the forms
    derived from their Ukrainian name, ё/е, ы/и and ь aside: (agreeing, compared)."""
    hits = total = 0
    for p in places:
        if p.get("uk_name") and p.get("ru_names"):
            total += 1
            hits += bool(_folded_forms(p["uk_name"]) & {normalize(r).translate(_FOLD) for r in p["ru_names"]})
    return hits, total
