"""The places a typo away from a name (used by :meth:`frontmap.gazetteer.Gazetteer.lookup_fuzzy`)."""

from __future__ import annotations

import functools

from frontmap.gazetteer.names import FUZZY_MIN_LETTERS, FUZZY_TOWN, typo_variants
from frontmap.gazetteer.place import Place
from frontmap.gazetteer.store import PLACES, Store, shipped

__all__ = ["MAX_NAME_CHARS", "fuzzy"]

_SQL_BATCH = 900  # host parameters per query (SQLite's lowest limit is 999)
#: The longest name looked up; a longer string is no name (lookup checks names against it too).
MAX_NAME_CHARS = 200


@functools.lru_cache(maxsize=1 << 14)
def fuzzy(key: str) -> tuple[Place, ...]:
    """The places of the one indexed key a typo away from ``key`` (see :meth:`Gazetteer.lookup_fuzzy`)."""
    if len(key) > MAX_NAME_CHARS or sum(c.isalpha() for c in key) < FUZZY_MIN_LETTERS:
        return ()
    typos = _indexed(shipped(), typo_variants(key))
    found = [k for k in typos if sum(c.isalpha() for c in k) >= FUZZY_MIN_LETTERS]
    # spellings of one name ("urozhaine", "urozhajne" for "Urozhane"): the places of the one that names
    # them all, among which the reader's homonym rules choose
    answers = [shipped().lookup(k) for k in sorted(found)]
    if len(answers) > 1 and all({p.id for p in a} <= {p.id for p in max(answers, key=len)} for a in answers):
        return max(answers, key=len)
    tops = {shipped().lookup(k)[0]: k for k in sorted(found, reverse=True)}  # each place's first key
    if not tops:
        return ()
    town, *others = sorted(tops, key=lambda p: -p.population)
    # one place; or a town ten times larger than the villages the other keys name ("Avdivka": the city of
    # Avdiivka, not a Chernihiv village once Avdeevka; a region's or a river's population is unknown)
    if not others or (
        all(p.kind == "settlement" for p in tops) and town.population >= FUZZY_TOWN
        and all(town.population >= 10 * max(p.population, 1) for p in others)
    ):  # fmt: skip
        # of the town's spellings, the one that names the most places: its namesakes stay for the reader
        # to choose among ("Kostiantnivka" north of Sumy is the village there, not the Donetsk city)
        return max((a for a in answers if a[0] == town), key=len)
    return ()


def _indexed(store: Store, keys: set[str]) -> list[str]:
    """Those of ``keys`` that are indexed names, sorted (one query per few hundred keys)."""
    todo, out = sorted(keys), []
    for i in range(0, len(todo), _SQL_BATCH):
        batch = todo[i : i + _SQL_BATCH]
        sql = f"SELECT key FROM names WHERE rank = 0 AND key IN ({','.join('?' * len(batch))})"
        out += [k for (k,) in store._query(PLACES, sql, tuple(batch))]
    return sorted(out)
