"""Reading speed: ``fm.read`` over articles repeated to about 5 MB, including place resolution.

    python benchmarks/bench_read.py                        # the seed articles in ../shared/seeds
    python benchmarks/bench_read.py examples/*.txt         # any text files

Prints articles/s and MB/s on one core (target: >= 1 MB/s), and the time of one 5 MB text read whole;
each time as wall clock and as the CPU time of this process (steadier on a busy machine).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import frontmap as fm

HERE = Path(__file__).resolve().parent
DEFAULT = sorted((HERE.parent.parent / "shared" / "seeds").glob("*.txt")) or sorted(
    (HERE.parent / "examples").glob("*.txt")
)
TARGET_BYTES = 5_000_000


def main(paths: list[str]) -> None:
    texts = [Path(p).read_text(encoding="utf-8") for p in (paths or DEFAULT)]
    if not texts:
        raise SystemExit("no text files to read")
    fm.Gazetteer().resolve("Kyiv")  # load the gazetteer outside the timing
    fm.read(texts[0])
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


if __name__ == "__main__":
    main(sys.argv[1:])
