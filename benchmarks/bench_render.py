"""How long static maps take: the example reports to PNG, SVG and PDF (a conformal projection, the
basemap densified and cut to the frame, a detail inset when the claims crowd), one report alone, and
label placement alone.

Run from the repository root: ``python benchmarks/bench_render.py``.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

import frontmap as fm
from frontmap.maps.labels import Box, place_labels

ROOT = Path(__file__).resolve().parents[1]


def timed(fn, repeat: int = 3) -> float:
    """Median wall time of ``fn()`` in seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    articles = fm.read_many(sorted((ROOT / "examples").glob("*.txt")))
    verdicts = fm.check(articles)
    out = Path(tempfile.mkdtemp())
    fm.render([], out / "warm.png")  # loads the gazetteer's outlines once
    n = len(articles)
    kharkiv = [a for a in articles if "kharkiv" in (a.source or "")]

    print("render (median of 3), 10 x 7 in")
    for name, things, kw in [
        ("empty map of Ukraine", [], {}),
        (f"{n} articles + verdicts", [articles, verdicts], {}),
        (f"{n} articles, no basemap", articles, {"basemap": False, "check": False}),
        ("1 article (Kharkiv), checked", kharkiv, {}),
    ]:
        for fmt, dpi in (("png", 150), ("png", 300), ("svg", 150), ("pdf", 150)):
            path = out / f"m.{fmt}"
            s = timed(lambda p=path, d=dpi, t=things, k=kw: fm.render(t, p, dpi=d, **k))
            size = path.stat().st_size / 1024
            print(f"  {name:<24} {fmt} @{dpi:>3} dpi  {s * 1000:7.0f} ms  {size:8.0f} KiB")

    print("place_labels (median of 3), 800 x 600 px, labels 40-120 x 12 px")
    rng = random.Random(1)
    for n in (100, 1000, 3000):
        anchors = [(rng.uniform(0, 800), rng.uniform(0, 600)) for _ in range(n)]
        sizes = [(rng.uniform(40, 120), 12.0) for _ in range(n)]
        prios = [rng.random() for _ in range(n)]
        placed: list = []

        def run(anchors=anchors, sizes=sizes, prios=prios, placed=placed) -> None:
            placed[:] = place_labels(anchors, sizes, prios, bounds=Box(0, 0, 800, 600))

        s = timed(run)
        kept = sum(p is not None for p in placed)
        print(f"  {n:5d} labels  {s * 1000:8.1f} ms  {kept:5d} placed")


if __name__ == "__main__":
    main()
