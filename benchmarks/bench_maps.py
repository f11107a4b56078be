"""How big and how slow is an HTML map of five typical articles?  Prints size and time.

Target (issue "Maps people can open"): a map of five typical articles is at most 2 MB of HTML and
is built and written in at most 2 s, with and without tiles.  Rows: tiles from OpenStreetMap (code
from CDNs); ``tiles=None`` (self-contained: outlines and the inlined code); tiles with
``offline=True`` (inlined code, tiles from the network).

    python benchmarks/bench_maps.py [FILE ...]

Reads the given text files (five typical articles), else the example reports under examples/,
and adds one made-up control map so the control layer and front line are measured too.
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def inputs(argv: list[str]) -> list[Path]:
    if argv:
        return [Path(a) for a in argv]
    return sorted((ROOT / "examples").glob("*.txt"))[:5]


def main(argv: list[str]) -> int:
    from shapely.geometry import Polygon

    import frontmap as fm
    from frontmap._io import atomic_write
    from frontmap.control.controlmap import ControlMap
    from frontmap.maps import html as maps

    paths = inputs(argv)
    if not paths:
        print("no input files: pass five article files", file=sys.stderr)
        return 1
    t = time.perf_counter()
    articles = fm.read_many(paths)
    read_s = time.perf_counter() - t
    # A made-up occupied area in the east, with a ragged edge of 400 vertices.

    edge = [(37.6 + 0.15 * math.sin(i / 7.0), 48.0 + 2.0 * i / 400) for i in range(401)]
    control = ControlMap(Polygon([*edge, (40.0, 50.0), (40.0, 48.0)]), date="2022-09-13")

    print(f"{len(articles)} articles from {', '.join(p.name for p in paths)} (read in {read_s:.2f} s)")
    print(f"{'tiles':<24} {'size':>10} {'draw':>8} {'render+write':>13} {'total':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for tiles, offline in (("OpenStreetMap", False), (None, True), ("OpenStreetMap", True)):
            maps._outlines.cache_clear()  # the first map pays for the outlines, as a fresh process would
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                t0 = time.perf_counter()
                m = fm.draw(articles, control, tiles=tiles, offline=offline)
                t1 = time.perf_counter()
                out = Path(tmp) / "map.html"
                atomic_write(out, m.get_root().render())
                t2 = time.perf_counter()
            size = out.stat().st_size
            label = f"{tiles} (offline)" if offline else str(tiles)
            print(f"{label:<24} {size / 1e6:>8.3f} MB {t1 - t0:>6.2f} s {t2 - t1:>11.2f} s {t2 - t0:>6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
