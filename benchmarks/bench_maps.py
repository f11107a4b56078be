"""How big and how slow is an HTML map?  Prints size and time, and how the size grows with articles.

Targets (issue 14): a map of five typical articles is built and written in at most 2 s; a map of many
articles grows linearly -- the HTML bytes per article at 640 articles are at most twice those at 80.

Part 1 rows: the default (self-contained, web tiles an overlay switched off); ``tiles=None`` (no web
tiles at all); ``offline=False`` (code from CDNs, tiles shown).  Part 2 maps 10 to 1,000 articles made
from the examples with varied places, file names and dates, and prints bytes per article (the fixed
part -- the basemap and the inlined code -- is subtracted with the map of no article).

    python benchmarks/bench_maps.py [FILE ...]

Reads the given text files (five typical articles), else the example reports under examples/,
and adds one made-up control map so the control layer and front line are measured too.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Towns swapped into the repeated examples (each replaces the town the example is about).
TOWNS = ("Izium", "Kupiansk", "Lyman", "Sumy", "Chernihiv", "Mariupol", "Melitopol", "Tokmak", "Vuhledar",
         "Siversk", "Toretsk", "Kostiantynivka", "Orikhiv", "Huliaipole", "Kreminna", "Svatove")  # fmt: skip
SIZES = (10, 80, 160, 320, 640, 1000)


def inputs(argv: list[str]) -> list[Path]:
    if argv:
        return [Path(a) for a in argv]
    return sorted((ROOT / "examples").glob("*.txt"))[:5]


def many(paths: list[Path], n: int) -> list[tuple[str, str, str]]:
    """``n`` (text, source, date) made from the examples: each copy names another town and date."""
    texts = [p.read_text(encoding="utf-8") for p in paths]
    out = []
    for i in range(n):
        text = texts[i % len(texts)]
        town = TOWNS[(i // len(texts)) % len(TOWNS)]
        for old in ("Izium", "Avdiivka", "Kherson", "Irpin"):
            text = text.replace(old, town)
        day = dt.date(2022, 3, 1) + dt.timedelta(days=(7 * i) % 700)
        out.append((text, f"copy{i:04d}.txt", day.isoformat()))
    return out


def part_one(paths: list[Path]) -> None:
    from shapely.geometry import Polygon

    import frontmap as fm
    from frontmap._io import atomic_write
    from frontmap.control.controlmap import ControlMap
    from frontmap.maps import basemap

    t = time.perf_counter()
    if len(paths) >= 5:
        articles = fm.read_many(paths)
        names = ", ".join(p.name for p in paths)
    else:  # the examples are four: a fifth is the first again, under another name and date
        articles = [fm.read(text, source=src, published=day) for text, src, day in many(paths, 5)]
        names = ", ".join(p.name for p in paths) + " and the first again"
    read_s = time.perf_counter() - t
    # A made-up occupied area in the east, with a ragged edge of 400 vertices.
    edge = [(37.6 + 0.15 * math.sin(i / 7.0), 48.0 + 2.0 * i / 400) for i in range(401)]
    control = ControlMap(Polygon([*edge, (40.0, 50.0), (40.0, 48.0)]), date="2022-09-13")

    print(f"{len(articles)} articles from {names} (read in {read_s:.2f} s)")
    print(f"{'map':<28} {'size':>10} {'draw':>8} {'render+write':>13} {'total':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, kw in (
            ("default (self-contained)", {}),
            ("tiles=None", {"tiles": None}),
            ("offline=False (CDNs)", {"offline": False}),
        ):
            basemap.basemap_data.cache_clear()  # the first map pays for the basemap, as a fresh process would
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                t0 = time.perf_counter()
                m = fm.draw(articles, control, **kw)
                t1 = time.perf_counter()
                out = Path(tmp) / "map.html"
                atomic_write(out, m.get_root().render())
                t2 = time.perf_counter()
            size = out.stat().st_size
            print(f"{label:<28} {size / 1e6:>8.3f} MB {t1 - t0:>6.2f} s {t2 - t1:>11.2f} s {t2 - t0:>6.2f} s")
        cli_row(paths, Path(tmp))


def cli_row(paths: list[Path], tmp: Path) -> None:
    """``frontmap map FILE... -o map.html`` in this process: reading, checking, drawing and writing."""
    from frontmap.cli import main as cli
    from frontmap.maps import basemap

    files = []
    for i in range(5):
        f = tmp / f"article{i}.txt"
        f.write_text(paths[i % len(paths)].read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(f))
    basemap.basemap_data.cache_clear()
    t0 = time.perf_counter()
    cli(["map", *files, "-o", str(tmp / "cli.html"), "-q"])
    took = time.perf_counter() - t0
    size = (tmp / "cli.html").stat().st_size
    print(
        f"{'frontmap map (5 files)':<28} {size / 1e6:>8.3f} MB {'':>8} {'':>13} {took:>6.2f} s (target ≤ 2 s)"
    )


def part_two(paths: list[Path]) -> None:
    import frontmap as fm

    made = many(paths, max(SIZES))
    t = time.perf_counter()
    articles = [fm.read(text, source=src, published=day) for text, src, day in made]
    took = time.perf_counter() - t
    print(f"\n{len(articles)} articles read in {took:.1f} s; maps of the first n (check=True):")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fixed = len(fm.draw().get_root().render().encode("utf-8"))
    print(f"{'articles':>8} {'HTML':>10} {'per article':>12} {'time':>7}   (fixed part {fixed / 1e6:.3f} MB)")
    per: dict[int, float] = {}
    for n in SIZES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            size = len(fm.draw(articles[:n]).get_root().render().encode("utf-8"))
            took = time.perf_counter() - t0
        per[n] = (size - fixed) / n
        print(f"{n:>8} {size / 1e6:>8.2f} MB {per[n] / 1e3:>9.1f} kB {took:>6.1f} s")
    print(f"per-article bytes at 640 / at 80: {per[640] / per[80]:.2f} (target ≤ 2)")


def main(argv: list[str]) -> int:
    paths = inputs(argv)
    if not paths:
        print("no input files: pass five article files", file=sys.stderr)
        return 1
    part_one(paths)
    if not argv or "--scale" in argv:
        part_two(paths)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
