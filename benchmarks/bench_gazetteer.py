"""Gazetteer speed and size: prints figures (targets in brackets); not a timed test.

    python benchmarks/bench_gazetteer.py

Times are CPU time (``time.process_time``), so other work on the machine barely moves them.

- first resolve in a fresh process, including ``import frontmap``, opening the store and checking
  places.sqlite against its SHA-256 (target <= 0.3 s); the figure without the import of frontmap's
  other modules is printed too
- warm resolutions per second (target >= 100,000/s) over a mix of names and spellings, and the first
  resolution of each of a few thousand distinct names in a warm process (each one a SQLite query)
- the first polygon (opens and checks geometry.sqlite, imports shapely)
- shipped data size (target <= 40 MB: the whole front, format 2 with raions, hromadas and river lines)
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
PHRASES = [
    "Kharkiv region", "Black Sea", "Chasiv Yar", "Nova Kakhovka", "Zaporizhzhia nuclear power plant",
    "Klishchiivka", "Pokrovsk district", "Bilozerka hromada", "Bakhmutka River", "Kremenchuk Reservoir",
]  # fmt: skip
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
t0 = time.process_time()
{imp}
t1 = time.process_time()
p = Gazetteer().resolve("Izyum")
t2 = time.process_time()
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


def distinct_names(n: int) -> list[str]:
    """``n`` indexed names (aliases included), spread over the index."""
    import random

    from frontmap.gazetteer.store import shipped

    return random.Random(1).sample(shipped().keys(), n)


PEAK = """
import resource, pathlib, frontmap as fm
for path in sorted(pathlib.Path({examples!r}).glob("*.txt")):
    fm.read(path.read_text(encoding="utf-8"))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def peak_memory_mb() -> float:
    """Peak resident memory (MB) of a fresh process that imports frontmap and reads the examples."""
    code = PEAK.format(examples=str(ROOT / "examples"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return float(out.strip())


def main() -> None:
    print(f"peak memory, fresh process, after reading the examples: {peak_memory_mb():.0f} MB   [<= 150 MB]")
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
    t = time.process_time()
    for _ in range(reps):
        for n in NAMES:
            gz.resolve(n)
    dt = time.process_time() - t
    print(f"warm resolve: {reps * len(NAMES) / dt:,.0f} resolutions/s   [>= 100,000/s]")

    from frontmap.gazetteer.names import normalize

    keys = [normalize(n) for n in NAMES]
    t = time.process_time()
    for _ in range(reps):
        for k in keys:
            gz.lookup(k)
    dt = time.process_time() - t
    print(f"warm lookup of normalised keys: {reps * len(keys) / dt:,.0f} lookups/s")

    distinct = distinct_names(5000)
    t = time.process_time()
    for n in distinct:
        gz.resolve(n)
    dt = time.process_time() - t
    print(f"warm process, {len(distinct):,} distinct names resolved once each: {len(distinct) / dt:,.0f}/s")

    t = time.process_time()
    geom = gz.resolve("Kharkiv Oblast").geometry
    assert geom.geom_type == "Polygon"
    print(
        f"first polygon (checks and opens geometry.sqlite, imports shapely): {time.process_time() - t:.3f} s"
    )

    from frontmap.gazetteer.store import Store

    for name in ("places.sqlite", "geometry.sqlite"):
        t = time.process_time()
        Store(DATA).verify(name)
        print(f"SHA-256 check of {name}: {time.process_time() - t:.3f} s")

    sizes = {f.name: f.stat().st_size for f in sorted(DATA.iterdir()) if f.is_file()}
    total = sum(sizes.values())
    print("shipped data: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sizes.items()))
    print(f"shipped data total: {total / 1e6:.2f} MB   [<= 40 MB]")
    print(f"places: {len(gz):,}; max words in a name key: {gz.max_words}")


if __name__ == "__main__":
    main()
