"""Reading speed: ``fm.read`` over articles repeated to about 5 MB, including place resolution.

    python benchmarks/bench_read.py                        # the seed articles in ../shared/seeds
    python benchmarks/bench_read.py examples/*.txt         # any text files
    python benchmarks/bench_read.py --doubling             # only the growth of reading time
    python benchmarks/bench_read.py --peer                 # only the speed next to geotext
    python benchmarks/bench_read.py --fresh                # only start-up time and peak memory

First the speed next to a peer: ``fm.read`` and geotext (``pip install geotext``; skipped when it is not
installed), which only spots city names, over the same articles repeated to 2 MB, in the same process:
MB/s of CPU time for each, and their ratio (issue 13 asks for >= 10 MB/s and >= 0.4 x geotext).
Then, in fresh processes, ``import frontmap`` and a first ``read`` (issue 13 asks for <= 0.5 s), and
the peak memory of reading the articles repeated to 5 MB (<= 150 MB).  Then articles/s and MB/s on
one core (target: >= 1 MB/s), and the time of one 5 MB text read whole; each time as wall clock and
as the CPU time of this process (steadier on a busy machine).  Then, for
texts of several shapes (one name repeated, one sentence full of places, a text without sentence
breaks...), the CPU time of reading n and 2n pieces and their ratio: about 2 when reading is linear,
4 when it is quadratic.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import frontmap as fm

HERE = Path(__file__).resolve().parent
DEFAULT = sorted((HERE.parent.parent / "shared" / "seeds").glob("*.txt")) or sorted(
    (HERE.parent / "examples").glob("*.txt")
)
TARGET_BYTES = 5_000_000
PEER_BYTES = 2_000_000

_EVENTS = (
    "Ukrainian troops retook Izium on September 10 while Russian forces captured Bakhmut, a town 5 km "
    "north of Donetsk, was retaken and Balakliia lies 74 km (46 miles) southeast of Kharkiv and "
)
#: Shapes of text, each a function of n (pieces): the ways one text can be long.
SHAPES = {
    "'Kyiv ' x n": lambda n: "Kyiv " * n,
    "one sentence, n places and commas": lambda n: (
        "Shelling hit " + ", ".join(["Kyiv", "Izium", "Lyman"] * (n // 3))
    ),
    "'Bakhmut and Avdiivka, ' x n": lambda n: "Bakhmut and Avdiivka, " * n,
    # a list of names that ends in no region or district noun, in a text with both nouns
    "a long list, then 'the regions and districts'": lambda n: (
        ", ".join(["Kyiv", "Izium", "Lyman"] * (n // 3)) + ". The regions and districts were quiet."
    ),
    "no sentence break, events and claims": lambda n: _EVENTS * (n // 10),
    "'Kyiv. ' x n (short sentences)": lambda n: "Kyiv. " * n,
    # a small village with no town in its sentence looks at the places of the sentence before (here all
    # far from it, so that each is looked at)
    "a sentence of n towns, then one of n villages": lambda n: (
        "Shelling hit "
        + ", ".join(["Lviv", "Lutsk", "Rivne"] * (n // 6))
        + ". "
        + " and ".join(["Klishchiivka"] * (n // 2))
        + " held."
    ),
    # and the other way round: the villages look at the sentence after
    "a sentence of n villages, then one of n towns": lambda n: (
        " and ".join(["Klishchiivka"] * (n // 2))
        + " held. Shelling hit "
        + ", ".join(["Lviv", "Lutsk", "Rivne"] * (n // 6))
        + "."
    ),
    # names given again in other languages in a bracket (each name in it is the one before it)
    "'Pavlivka (Ukrainian: ...; Russian: ...), ' x n": lambda n: (
        "Pavlivka (Ukrainian: Павлівка; Russian: Павловка), " * (n // 4)
    ),
    "'Kyiv 1,0,0,0 km east of Kharkiv ' x n": lambda n: "Kyiv 1,0,0,0 km east of Kharkiv " * (n // 3),
    "one sentence of areas and comparisons": lambda n: (
        "an area twice the size of Luxembourg and 600 sq km near Kharkiv and " * (n // 10)
    ),
    "one date, then n events": lambda n: "On September 10 " + "Ukrainian troops retook Izium and " * (n // 5),
    "one subject, then n distances": lambda n: (
        "Izium lies on the road and " + "shelling hit 5 km from the front line and " * (n // 10)
    ),
    # names with many namesakes each and nothing else: the namesakes of every two are paired up
    "'Andriivka and Zarichne ...' x n": lambda n: (
        "Fighting near Andriivka and Zarichne, then Torske and Ivanivka. " * (n // 8)
    ),
    # a list of distances under one heading
    "'Distances: Melitopol - 57 km' x n": lambda n: "Distances by road: " + "Melitopol - 57 km, " * (n // 6),
    # one sentence of towns each with its distance in a bracket
    "'A (32 km) and B (23 km), ' x n": lambda n: (
        "Dytiatky lies between " + "Ivankiv (32 km) and Dymer (23 km), " * (n // 8)
    ),
    # a river named beside a town, over and over: each mention's reach is found from the town beside it
    "'Kherson, on the Dnipro, ' x n": lambda n: "Boats left " + "Kherson, on the Dnipro, and " * (n // 5),
}


def _repeated(texts: list[str], target: int) -> tuple[list[str], int]:
    """``texts`` repeated in order until they hold ``target`` bytes of UTF-8; and their size."""
    corpus, size = [], 0
    while size < target:
        for t in texts:
            corpus.append(t)
            size += len(t.encode("utf-8"))
    return corpus, size


def _cpu_mb_per_s(read, corpus: list[str], size: int, repeat: int = 3) -> float:
    """MB/s of CPU time (this process) of ``read`` over ``corpus``: the best of ``repeat`` passes."""
    best = float("inf")
    for _ in range(repeat):
        c0 = time.process_time()
        for t in corpus:
            read(t)
        best = min(best, time.process_time() - c0)
    return size / 1e6 / max(best, 1e-9)


def versus_peer(texts: list[str]) -> None:
    """MB/s (CPU) of ``fm.read`` and of geotext over the same articles repeated to 2 MB, and the ratio."""
    corpus, size = _repeated(texts, PEER_BYTES)
    fm.read(texts[0])  # the gazetteer loaded outside the timing
    ours = _cpu_mb_per_s(fm.read, corpus, size)
    print(f"fm.read over {len(corpus)} articles ({size / 1e6:.2f} MB): {ours:.2f} MB/s CPU (target >= 10)")
    try:
        from geotext import GeoText
    except ImportError:
        print("  geotext is not installed (pip install geotext): no peer to compare with")
        return
    GeoText(texts[0])  # its data loaded outside the timing
    peer = _cpu_mb_per_s(GeoText, corpus, size)
    print(f"geotext over the same articles: {peer:.2f} MB/s CPU")
    print(f"  ratio fm.read / geotext: {ours / peer:.3f} (target >= 0.4)")


_FRESH = """
import resource, sys, time
t0, c0 = time.perf_counter(), time.process_time()
import frontmap as fm
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
fm.read(texts[0])
print(time.perf_counter() - t0, time.process_time() - c0)
size = 0
while size < 5_000_000:
    for t in texts:
        fm.read(t)
        size += len(t.encode("utf-8"))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def fresh(paths: list[Path], runs: int = 3) -> None:
    """``import frontmap`` and a first ``read`` in a fresh process (best of ``runs``), and the peak
    resident memory of that process after reading ``paths`` repeated to 5 MB."""
    best = (float("inf"), float("inf"))
    peak = 0.0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _FRESH, *map(str, paths)], capture_output=True, text=True, check=True
        ).stdout.split()
        wall, cpu, mb = float(out[0]), float(out[1]), float(out[2])
        best, peak = min(best, (wall, cpu)), max(peak, mb)
    print(f"fresh process: import frontmap + first read {best[0]:.3f} s (CPU {best[1]:.3f} s) [<= 0.5 s]")
    print(f"  peak memory after reading 5 MB of articles: {peak:.0f} MB [<= 150 MB]")


def main(paths: list[str]) -> None:
    texts = [Path(p).read_text(encoding="utf-8") for p in (paths or DEFAULT)]
    if not texts:
        raise SystemExit("no text files to read")
    fm.Gazetteer().resolve("Kyiv")  # load the gazetteer outside the timing
    fm.read(texts[0])
    versus_peer(texts)
    fresh([Path(p) for p in (paths or DEFAULT)])
    corpus, size = [], 0
    while size < TARGET_BYTES:
        for t in texts:
            corpus.append(t)
            size += len(t.encode("utf-8"))
    t0, c0 = time.perf_counter(), time.process_time()
    mentions = claims = 0
    for t in corpus:
        art = fm.read(t)
        mentions += len(art.mentions)
        claims += len(art.claims)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    mb = size / 1e6
    print(f"read {len(corpus)} articles, {mb:.2f} MB in {dt:.2f} s (CPU {cpu:.2f} s)")
    print(f"  {len(corpus) / dt:,.0f} articles/s, {mb / dt:.2f} MB/s (target >= 1 MB/s)")
    print(f"  {mentions:,} mentions, {claims:,} claims")
    big = "\n".join(corpus)
    t0, c0 = time.perf_counter(), time.process_time()
    art = fm.read(big)
    dt = time.perf_counter() - t0
    print(
        f"one {len(big.encode()) / 1e6:.1f} MB text: {dt:.2f} s ({len(big.encode()) / 1e6 / dt:.2f} MB/s), "
        f"CPU {time.process_time() - c0:.2f} s"
    )
    one_line = " ".join(corpus * 2).replace("\n", " ")[:10_000_000]
    t0, c0 = time.perf_counter(), time.process_time()
    fm.read(one_line)
    print(
        f"{len(one_line) / 1e6:.1f} MB of articles on one line: {time.perf_counter() - t0:.2f} s, "
        f"CPU {time.process_time() - c0:.2f} s"
    )
    dense = "Kyiv 1,0,0,0 km east of Kharkiv. " * (1_000_000 // 34)
    t0, c0 = time.perf_counter(), time.process_time()
    art = fm.read(dense)
    print(
        f"1 MB naming a place every 17 characters ({len(art.mentions):,} mentions): "
        f"{time.perf_counter() - t0:.2f} s, CPU {time.process_time() - c0:.2f} s"
    )

    doubling()


def doubling(sizes: tuple[int, ...] = (10_000, 20_000, 40_000)) -> None:
    """CPU time of reading each shape at n, 2n, 4n pieces, and the ratio of each to the one before
    (about 2 when linear).  The largest texts are around 1 MB."""
    fm.read("Kyiv")
    print("growth when the text doubles (CPU s; ratio to the half-size text, ~2 = linear):")
    for name, make in SHAPES.items():
        cells, prev = [], None
        for n in sizes:
            text = make(n)
            c0 = time.process_time()
            fm.read(text)
            cpu = time.process_time() - c0
            cells.append(f"{len(text) / 1e3:,.0f} kB {cpu:.2f} s" + (f" x{cpu / prev:.2f}" if prev else ""))
            prev = max(cpu, 1e-6)
        print(f"  {name:42s} " + " | ".join(cells))


def _cli() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", help="text files to read (default: the seed articles)")
    only = ap.add_mutually_exclusive_group()
    only.add_argument("--doubling", action="store_true", help="only the growth of reading time")
    only.add_argument("--peer", action="store_true", help="only the speed next to geotext")
    only.add_argument("--fresh", action="store_true", help="only start-up time and peak memory")
    opts = ap.parse_args()
    missing = [f for f in opts.files if not Path(f).is_file()]
    if missing:
        ap.error(f"no such file: {missing[0]!r} (give text files, or none for the seed articles)")
    if opts.doubling:
        doubling()
    elif opts.fresh:
        fresh([Path(p) for p in (opts.files or DEFAULT)])
    elif opts.peer:
        versus_peer([Path(p).read_text(encoding="utf-8") for p in (opts.files or DEFAULT)])
    else:
        main(opts.files)


if __name__ == "__main__":
    _cli()
