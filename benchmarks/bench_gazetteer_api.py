"""Speed of the gazetteer's newer API: reverse geocoding, typo-tolerant lookup, suggestions, ``within``
and normalisation of messy names. Prints figures (targets in brackets); not a timed test.

    python benchmarks/bench_gazetteer_api.py

Times are CPU time (``time.process_time``) unless marked wall.

- ``reverse``: with the store's spatial query (``Store.near``, the latitude index), compared with a
  numpy scan over every settlement (the fallback it replaces; not in lookup.py) [<= 1 ms a point warm]
- ``lookup_fuzzy``: a miss (typo variants generated, one SQLite query), and remembered answers
  [<= 1 ms a miss]
- suggestions of an unknown name (rapidfuzz over every indexed key) [<= 50 ms]
- ``resolve(..., within=...)`` and ``normalize`` over a mix of clean and messy tokens
"""

from __future__ import annotations

import random
import time

import frontmap as fm
import frontmap.gazetteer.lookup as lookup_module
from frontmap.errors import UnknownPlaceError
from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.store import shipped

UKRAINE = (44.4, 52.3, 22.2, 40.2)  # lat, lat, lon, lon
TYPOS = [
    "bahkmut", "zaporizhziha", "gulyaipoloe", "kharkivv", "kramatosk", "pokrovks", "kupainsk",
    "sievierodonetks", "chasiv yra", "avdiivak", "melitopl", "enerhodra", "mykloaiv", "kherosn",
]  # fmt: skip
NOT_TYPOS = ["between", "against", "village", "soldiers", "president", "russians", "military", "offensive"]
TOKENS = [
    "Kyiv", "Kharkiv", "Bakhmut", "Київ", "Харків", "Kup’yansk", "Оскiл", "Bakh\u00admut", "Kharkіv",
    "Харкі\u0301в", "\ufeffIzium", "the", "said", "Russian", "forces", "Zaporizhzhia",
]  # fmt: skip


def per_call(fn, items, reps: int = 1) -> float:
    t = time.process_time()
    for _ in range(reps):
        for x in items:
            fn(x)
    return (time.process_time() - t) / (reps * len(items))


def points(n: int, seed: int = 1) -> list[tuple[float, float]]:
    """Points anywhere in Ukraine's bounding box (land of six countries, and sea)."""
    rnd = random.Random(seed)
    return [(rnd.uniform(*UKRAINE[:2]), rnd.uniform(*UKRAINE[2:])) for _ in range(n)]


def points_in_ukraine(n: int, seed: int = 1) -> list[tuple[float, float]]:
    """Points within about 5 km of Ukrainian settlements (where reports are)."""
    rnd = random.Random(seed)
    gz = fm.Gazetteer()
    firsts = [gz.lookup(k)[0] for k in rnd.sample(shipped().keys(), 20 * n)]
    ua = [p for p in firsts if p.country == "UA" and p.kind == "settlement"][:n]
    return [(p.lat + rnd.uniform(-0.04, 0.04), p.lon + rnd.uniform(-0.06, 0.06)) for p in ua]


class Scan:
    """The nearest settlement by a numpy scan over all of them: what reverse would cost without
    ``Store.near`` (lookup.py has no such fallback: it is three times slower, and 0.4 s to set up)."""

    def __init__(self) -> None:
        import numpy as np

        self.np = np
        self.places = list(shipped().places(kind="settlement"))
        self.lat = np.radians([p.lat for p in self.places])
        self.lon = np.radians([p.lon for p in self.places])

    def nearest(self, q: tuple[float, float]) -> fm.Place:
        np = self.np
        p1, l1 = np.radians(q[0]), np.radians(q[1])
        a = (
            np.sin((self.lat - p1) / 2) ** 2
            + np.cos(p1) * np.cos(self.lat) * np.sin((self.lon - l1) / 2) ** 2
        )
        return self.places[int(np.argmin(a))]


def bench_reverse(gz: fm.Gazetteer) -> None:
    pts = points(2000)
    t = time.process_time()
    gz.reverse((49.99, 36.23))  # opens the store, imports geopy
    print(f"first reverse (imports geopy, reads the cities): {time.process_time() - t:.3f} s")
    near_ua = points_in_ukraine(2000)
    dt = per_call(gz.reverse, near_ua)
    print(
        f"reverse with Store.near: {dt * 1e3:.3f} ms a point ({1 / dt:,.0f}/s) near Ukrainian places"
        "   [<= 1 ms]"
    )
    many = per_call(lambda q: gz.reverse(q, exactly_one=False, limit=10), near_ua[:500])
    print(f"reverse, 10 nearest: {many * 1e3:.3f} ms a point")
    t = time.process_time()
    gz.reverse((43.5, 33.0))
    print(f"first point at sea (reads every region/country/sea polygon): {time.process_time() - t:.3f} s")
    dt = per_call(gz.reverse, pts)
    print(f"reverse with Store.near: {dt * 1e3:.3f} ms a point anywhere in Ukraine's bounding box")
    sea = [(43.5 + i * 0.001, 33.0) for i in range(200)]
    print(f"reverse at sea, warm: {per_call(gz.reverse, sea) * 1e3:.3f} ms a point")

    t = time.process_time()
    scan = Scan()
    print(f"a scan of every settlement instead (numpy), building its arrays: {time.process_time() - t:.3f} s")
    dt = per_call(scan.nearest, near_ua[:500])
    print(f"a scan of every settlement: {dt * 1e3:.3f} ms a point over {len(scan.places):,} (so: Store.near)")
    pairs = [(scan.nearest(q), gz.reverse(q).raw["id"]) for q in near_ua[:300]]
    same = sum(a.id == b for a, b in pairs)
    print(
        f"reverse and the nearest by the scan agree on {same}/{len(pairs)} points "
        "(they differ where a town's extent covers the point: reverse prefers the town)"
    )

    import geopandas
    from shapely.geometry import Point

    geo = [Point(lon, lat) for lat, lon in near_ua[:500]]
    t = time.perf_counter()
    df = geopandas.tools.reverse_geocode(geo, provider=gz)
    wall = time.perf_counter() - t
    print(
        f"geopandas.tools.reverse_geocode of {len(geo)} points: {wall:.3f} s wall, "
        f"{df.address.notna().sum()} found"
    )


def bench_fuzzy(gz: fm.Gazetteer) -> None:
    gz.lookup("kyiv")
    lookup_module._fuzzy.cache_clear()
    miss = per_call(gz.lookup_fuzzy, TYPOS + NOT_TYPOS)
    print(f"lookup_fuzzy, first time (variants + one SQLite query): {miss * 1e3:.3f} ms a key   [<= 1 ms]")
    warm = per_call(gz.lookup_fuzzy, TYPOS + NOT_TYPOS, reps=200)
    print(f"lookup_fuzzy, remembered: {warm * 1e6:.2f} us a key")
    found = sum(bool(gz.lookup_fuzzy(k)) for k in TYPOS)
    wrong = [k for k in NOT_TYPOS if gz.lookup_fuzzy(k)]
    print(f"lookup_fuzzy: {found}/{len(TYPOS)} typos found; common words matched: {wrong or 'none'}")
    rnd = random.Random(2)
    keys = [k for k in rnd.sample(shipped().keys(), 3000) if len(k) >= 7]
    typos = []
    for k in keys:
        i = rnd.randrange(1, len(k) - 2)
        typos.append(k[:i] + k[i + 1] + k[i] + k[i + 2 :])
    lookup_module._fuzzy.cache_clear()
    dt = per_call(gz.lookup_fuzzy, typos)
    back = sum(
        bool(gz.lookup_fuzzy(t)) and gz.lookup_fuzzy(t)[0] == gz.lookup(k)[0]
        for t, k in zip(typos, keys, strict=True)
    )
    print(
        f"lookup_fuzzy over {len(typos):,} random indexed keys with a swap: {dt * 1e3:.3f} ms a key, "
        f"{back / len(typos):.0%} found back (the rest: the swap was at an edge, or ambiguous)"
    )


def bench_suggestions(gz: fm.Gazetteer) -> None:
    def unknown(name: str) -> None:
        try:
            gz.resolve(name)
        except UnknownPlaceError:
            pass

    t = time.process_time()
    unknown("Qharkivz")
    print(f"first suggestions (reads every key): {time.process_time() - t:.3f} s")
    dt = per_call(unknown, ["Kharkivvv", "Zaporrizhzhia", "Xqzvbn", "Izyummmm", "Artemovskk"])
    print(
        f"suggestions for an unknown name: {dt * 1e3:.1f} ms over {len(shipped().keys()):,} keys   [<= 50 ms]"
    )


def bench_within(gz: fm.Gazetteer) -> None:
    cases = [
        ("Lyman", "Donetsk Oblast"),
        ("Kalynivka", "Kyiv Oblast"),
        ("Lyman", "Donbas"),
        ("Izium", "Kharkiv region"),
    ]
    for name, within in cases:
        gz.candidates(name, within=within)
    dt = per_call(lambda c: gz.candidates(c[0], within=c[1]), cases, reps=500)
    print(f"candidates(name, within=...): {dt * 1e6:.1f} us a call (Donbas by polygon)")


def bench_normalize() -> None:
    dt = per_call(normalize, TOKENS, reps=20_000)
    print(f"normalize over clean and messy tokens: {dt * 1e6:.2f} us a token")
    ascii_tokens = [t for t in TOKENS if t.isascii()]
    print(
        f"normalize, ASCII tokens only: {per_call(normalize, ascii_tokens, reps=20_000) * 1e6:.2f} us a token"
    )


def main() -> None:
    gz = fm.Gazetteer()
    print(f"places: {len(gz):,}")
    bench_reverse(gz)
    bench_fuzzy(gz)
    bench_suggestions(gz)
    bench_within(gz)
    bench_normalize()


if __name__ == "__main__":
    main()
