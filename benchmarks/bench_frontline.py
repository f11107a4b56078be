"""Benchmark and acceptance figures for frontmap.control.controlmap on real control-map snapshots.

Usage::

    python benchmarks/bench_frontline.py [FOLDER]     # default: ../shared/frontlines

FOLDER holds occupied-area snapshots named ``*_YYYY-MM-DD.geojson`` (e.g. DeepStateMap archives).  The
data are not part of the repository.  Prints, for each snapshot, the time to read it and compute its
area, share of Ukraine, per-oblast table and front line (target ≤ 1 s for a ~100 kB file); the area
checked against an independent equal-area projection; the 2022-09-06 → 2022-09-12 change per oblast;
and the time for a 50-snapshot series (the files reused with shifted dates; target ≤ 30 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer

import frontmap as fm
from frontmap.control.measure import _area_km2, _default_country, _default_regions


def laea_area_km2(geom) -> float:
    """Independent check: area in a Lambert azimuthal equal-area projection centred on the geometry."""
    c = geom.centroid
    t = Transformer.from_crs(
        "EPSG:4326", f"+proj=laea +lat_0={c.y} +lon_0={c.x} +ellps=WGS84 +units=m", always_xy=True
    )
    dense = shapely.segmentize(geom, 0.01)
    return shapely.transform(dense, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1]))).area / 1e6


def one_snapshot(path: Path) -> dict:
    t0 = time.perf_counter()
    cm = fm.ControlMap.read(path)
    t_read = time.perf_counter()
    area = cm.area_km2()
    share = cm.share_of("Ukraine")
    table = cm.by_region()
    front_km = cm.front_length_km()
    t_end = time.perf_counter()
    return {
        "cm": cm,
        "kb": path.stat().st_size / 1000,
        "read_s": t_read - t0,
        "total_s": t_end - t0,
        "area": area,
        "share": share,
        "front_km": front_km,
        "top": table.iloc[0],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = Path(__file__).resolve().parent
    ap.add_argument("folder", nargs="?", default=str(here.parent.parent / "shared" / "frontlines"))
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    files = sorted(p for p in folder.glob("*_????-??-??.geojson") if "layers" not in p.name)
    if not files:
        print(f"no *_YYYY-MM-DD.geojson snapshots in {folder}", file=sys.stderr)
        return 1

    t = time.perf_counter()
    country, regions = _default_country(), _default_regions()
    print(
        f"gazetteer outline + {len(regions)} regions loaded in {time.perf_counter() - t:.2f} s "
        "(once per process, not counted below except in the first snapshot's figures)"
    )
    print(f"Ukraine outline: {_area_km2(country):,.0f} km² (geodesic)\n")

    print(
        f"{'snapshot':<32} {'kB':>6} {'read s':>7} {'all s':>6} {'km²':>9} {'LAEA Δ%':>8} {'share':>6} "
        f"{'front km':>9}  largest oblast"
    )
    worst = 0.0
    results = {}
    for p in files:
        r = one_snapshot(p)
        results[r["cm"].date] = r
        check = laea_area_km2(r["cm"].geometry)
        delta = 100 * (r["area"] - check) / check
        worst = max(worst, abs(delta))
        top = r["top"]
        print(
            f"{p.name:<32} {r['kb']:6.0f} {r['read_s']:7.3f} {r['total_s']:6.3f} {r['area']:9,.0f} "
            f"{delta:8.4f} {r['share']:6.3f} {r['front_km']:9,.0f}  "
            f"{top['region']} {top['km2']:,.0f} km² ({top['share']:.0%})"
        )
    print(f"\nlargest |geodesic − LAEA| area difference: {worst:.4f} % (target < 0.1 %)")
    n_rep = sum(len(r["cm"].repairs) for r in results.values())
    n_skip = sum(len(r["cm"].skipped) for r in results.values())
    print(f"features repaired while reading: {n_rep}, skipped: {n_skip} (see ControlMap.repairs / .skipped)")

    a, b = results.get(dt.date(2022, 9, 6)), results.get(dt.date(2022, 9, 12))
    if a and b:
        t = time.perf_counter()
        ch = fm.change(a["cm"], b["cm"])
        df = ch.by_region()
        elapsed = time.perf_counter() - t
        print(
            f"\nchange 2022-09-06 → 2022-09-12 (occupied side; 'lost' = regained by Ukraine), {elapsed:.2f} s"
        )
        print(f"  gained {ch.gained_km2:,.0f} km², lost {ch.lost_km2:,.0f} km², net {ch.net_km2:,.0f} km²")
        print(f"  area(after) − area(before) = {b['area'] - a['area']:,.0f} km²")
        for _, row in df.head(5).iterrows():
            print(f"  {row['region']:<22} gained {row['gained_km2']:8,.0f}  lost {row['lost_km2']:8,.0f} km²")

    t = time.perf_counter()
    dates = [dt.date(2020, 1, 1) + dt.timedelta(days=7 * k) for k in range(50)]
    series = [fm.ControlMap.read(files[k % len(files)], date=d) for k, d in enumerate(dates)]
    for prev, cur in zip([None, *series], series, strict=False):
        cur.area_km2(), cur.share_of("Ukraine"), cur.by_region(), cur.front_length_km()
        if prev is not None:
            fm.change(prev, cur)
    print(
        f"\n50-snapshot series (read, area, share, oblasts, front line, change to previous): "
        f"{time.perf_counter() - t:.1f} s (target ≤ 30 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
