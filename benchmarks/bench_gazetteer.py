"""Gazetteer speed and size: prints figures (targets in brackets); not a timed test.

    python benchmarks/bench_gazetteer.py

- first resolve in a fresh process, including ``import frontmap`` and loading (target <= 0.3 s);
  the figure without the import of frontmap's other modules is printed too
- warm resolutions per second (target >= 100,000/s) over a mix of names and spellings
- shipped data size (target <= 25 MB)
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "frontmap" / "gazetteer" / "data"

WORDS = (
    "Kyiv Kiev Kharkov Izyum Balakleya Volchansk Gostomel Irpen Zaporozhye Nikolaev Odessa Dnepr "
    "Kupyansk Artemivsk Krasnoarmeysk Severodonetsk Energodar Bakhmut Avdiivka Pokrovsk Lyman Sumy "
    "Київ Харьков Crimea Donbas Russia Britain Moscow Washington Gaza Belgorod Kursk Sudzha"
)
PHRASES = ["Kharkiv region", "Black Sea", "Chasiv Yar", "Nova Kakhovka", "Zaporizhzhia nuclear power plant"]
NAMES = [*WORDS.split(), *PHRASES]

# Imports frontmap.gazetteer without running frontmap/__init__.py (which imports every module).
ISOLATED = (
    "import sys, types, importlib.util; "
    "spec = importlib.util.find_spec('frontmap'); "
    "pkg = types.ModuleType('frontmap'); pkg.__path__ = list(spec.submodule_search_locations); "
    "pkg.__spec__ = spec; "
    "sys.modules['frontmap'] = pkg; "
    "from frontmap.gazetteer import Gazetteer"
)

FIRST = """
import time
t0 = time.perf_counter()
{imp}
t1 = time.perf_counter()
p = Gazetteer().resolve("Izyum")
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def first_resolve(imp: str, runs: int = 5) -> tuple[float, float]:
    best = (float("inf"), float("inf"))
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", FIRST.format(imp=imp)], capture_output=True, text=True, check=True
        ).stdout.split()
        imp_s, load_s = float(out[0]), float(out[1])
        if imp_s + load_s < sum(best):
            best = (imp_s, load_s)
    return best


def main() -> None:
    for label, imp in [
        ("import frontmap as fm", "import frontmap as fm; Gazetteer = fm.Gazetteer"),
        ("gazetteer module alone, package __init__ bypassed", ISOLATED),
    ]:
        imp_s, load_s = first_resolve(imp)
        print(
            f"first resolve, fresh process ({label}): {imp_s + load_s:.3f} s "
            f"= import {imp_s:.3f} s + load and resolve {load_s:.3f} s   [<= 0.3 s]"
        )

    import frontmap as fm

    gz = fm.Gazetteer()
    for n in NAMES:
        gz.resolve(n)
    reps = 5000
    t = time.perf_counter()
    for _ in range(reps):
        for n in NAMES:
            gz.resolve(n)
    dt = time.perf_counter() - t
    print(f"warm resolve: {reps * len(NAMES) / dt:,.0f} resolutions/s   [>= 100,000/s]")

    from frontmap.gazetteer.names import normalize

    keys = [normalize(n) for n in NAMES]
    t = time.perf_counter()
    for _ in range(reps):
        for k in keys:
            gz.lookup(k)
    dt = time.perf_counter() - t
    print(f"warm lookup of normalised keys: {reps * len(keys) / dt:,.0f} lookups/s")

    t = time.perf_counter()
    geom = gz.resolve("Kharkiv Oblast").geometry
    assert geom.geom_type == "Polygon"
    print(f"first polygon (loads geometry.bin): {time.perf_counter() - t:.3f} s")

    sizes = {f.name: f.stat().st_size for f in sorted(DATA.iterdir()) if f.is_file()}
    total = sum(sizes.values())
    print("shipped data: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sizes.items()))
    print(f"shipped data total: {total / 1e6:.2f} MB   [<= 25 MB]")
    print(f"places: {len(gz):,}; max words in a name key: {gz.max_words}")


if __name__ == "__main__":
    main()
