"""Benchmark: reading large control-map GeoJSON files with ``ControlMap.read``.

Usage::

    python benchmarks/bench_control_read.py [--folder FOLDER] [--sizes 20,100] [--snapshot NAME]

Builds, in a temporary folder, GeoJSON files of about the given sizes (MB) from a real snapshot in
FOLDER (default ``../shared/frontlines``; the data are not part of the repository): the occupied area
is cut along a square grid into many small features (one per grid cell, as large published maps are
drawn), each with an ``id`` and a ``date``, and a few features (one in 5,000) get a spike, an invalid
ring whose repair keeps the area, so the per-feature repair path is exercised too.

Each measurement runs in a fresh Python process and prints CPU time (``time.process_time``), the
throughput in MB of GeoJSON per CPU second, and the peak resident memory above the process's size
after its imports (``VmHWM`` after a reset, on Linux; else ``resource.getrusage``), for
``fm.ControlMap.read`` and, as a reference, for plain ``pyogrio.read_dataframe`` in the same run.
Target: ≥ 10 MB/s.  Pass ``--pythonpath SRC`` to measure another checkout of frontmap (an older
version) the same way.

Measured on 2 shared cores (CPU s, MB/s, peak MB above the imports; pyogrio alone in brackets):

=================  ===============================  ===============================
file               per-feature reader (before)      Arrow reader (after)
=================  ===============================  ===============================
21 MB, 86k feat.   4.95 s, 4.3 MB/s, 137 MB         1.26 s, 16.7 MB/s, 120 MB (78)
106 MB, 434k feat. 26.3 s, 4.0 MB/s, 612 MB         6.17 s, 17.2 MB/s, 550 MB (337)
=================  ===============================  ===============================
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import shapely

_HERE = Path(__file__).resolve().parent
_DEFAULT_FOLDER = _HERE.parent.parent / "shared" / "frontlines"

#: Runs in a child process: argv = [what, path]; prints one JSON line.
_CHILD = r"""
import json, resource, sys, time, warnings
what, path = sys.argv[1], sys.argv[2]
import pyogrio, shapely, geopandas
import frontmap as fm
from frontmap.control import controlmap


def rss_mb(key):
    # Linux: VmRSS now, VmHWM the peak since the last reset; elsewhere ru_maxrss (the peak ever)
    try:
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith(key + ":")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


try:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")  # reset the peak to the current size (after the imports)
except OSError:
    pass
base = rss_mb("VmRSS")
t0 = time.process_time()
if what == "frontmap":
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cm = fm.ControlMap.read(path)
    extra = {"area_km2": cm.area_km2(), "repairs": len(cm.repairs)}
else:
    df = pyogrio.read_dataframe(path)
    extra = {"features": len(df)}
cpu = time.process_time() - t0
print(json.dumps({"cpu_s": cpu, "peak_mb": rss_mb("VmHWM") - base, **extra}))
"""


def _grid_cells(geom: shapely.Geometry, cell_deg: float) -> np.ndarray:
    """The pieces of ``geom`` cut along a grid of ``cell_deg`` squares (cells inside kept whole)."""
    x0, y0, x1, y1 = geom.bounds
    xs = np.arange(math.floor(x0 / cell_deg) * cell_deg, x1, cell_deg)
    ys = np.arange(math.floor(y0 / cell_deg) * cell_deg, y1, cell_deg)
    gx, gy = np.meshgrid(xs, ys)
    boxes = shapely.box(gx.ravel(), gy.ravel(), gx.ravel() + cell_deg, gy.ravel() + cell_deg)
    shapely.prepare(geom)
    inside = shapely.contains_properly(geom, boxes)
    touching = shapely.intersects(geom, boxes) & ~inside
    cut = shapely.intersection(boxes[touching], geom)
    cut = cut[~shapely.is_empty(cut) & (shapely.area(cut) > 0)]
    return np.concatenate([boxes[inside], cut])


def _spiked(poly: shapely.Geometry) -> shapely.Geometry:
    """``poly`` with a zero-area spike on its first edge: invalid, but its repair keeps the area."""
    xy = shapely.get_coordinates(poly.exterior if poly.geom_type == "Polygon" else poly.geoms[0].exterior)
    (ax, ay), (bx, by) = xy[0], xy[1]
    mx, my = (ax + bx) / 2, (ay + by) / 2
    cx, cy = poly.centroid.x, poly.centroid.y
    tip = (mx + (mx - cx) * 0.2, my + (my - cy) * 0.2)
    ring = [tuple(xy[0]), (mx, my), tip, (mx, my), *map(tuple, xy[1:])]
    return shapely.Polygon(ring)


def write_geojson(snapshot: Path, target_mb: float, out: Path) -> tuple[int, float]:
    """Write a FeatureCollection of about ``target_mb`` MB cut from ``snapshot``: (features, MB)."""
    src = json.loads(snapshot.read_text())
    geom = shapely.union_all([shapely.geometry.shape(f["geometry"]) for f in src["features"]])
    date = next((f["properties"].get("target_date") for f in src["features"]), None) or "2022-09-06"
    cell = 0.1
    for _ in range(4):  # the size scales roughly with the number of cells, 1 / cell²
        pieces = _grid_cells(geom, cell)
        mb = len(pieces) * 230 / 1e6 + shapely.get_num_coordinates(geom) * 40 / 1e6
        cell *= math.sqrt(mb / target_mb)
    pieces = _grid_cells(geom, cell)
    pieces = shapely.set_precision(pieces, 1e-7)
    pieces = pieces[~shapely.is_empty(pieces)]
    geometries = shapely.to_geojson(pieces).tolist()
    for i in range(0, len(geometries), 5000):
        geometries[i] = shapely.to_geojson(_spiked(pieces[i]))
    with out.open("w") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        last = len(geometries) - 1
        for i, g in enumerate(geometries):
            sep = ",\n" if i < last else "\n"
            props = f'"properties": {{"date": "{date}"}}'
            fh.write(f'{{"type": "Feature", "id": "c{i}", {props}, "geometry": {g}}}{sep}')
        fh.write("]}\n")
    return len(geometries), out.stat().st_size / 1e6


def measure(what: str, path: Path, pythonpath: str | None = None) -> dict:
    env = dict(os.environ, PYTHONPATH=pythonpath) if pythonpath else None
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, what, str(path)], capture_output=True, text=True, check=False, env=env
    )
    if done.returncode != 0:
        raise SystemExit(f"{what} on {path} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=_DEFAULT_FOLDER)
    ap.add_argument("--snapshot", default="deepstate_2022-09-06.geojson")
    ap.add_argument("--sizes", default="20,100", help="comma-separated file sizes in MB")
    ap.add_argument("--pythonpath", help="import frontmap from this folder (e.g. another checkout's src)")
    args = ap.parse_args(argv)
    snapshot = args.folder / args.snapshot
    if not snapshot.exists():
        print(f"no snapshot {snapshot}; pass --folder with the control-map snapshots", file=sys.stderr)
        return 2
    print(f"source: {snapshot}")
    print(
        f"{'file':>8} {'features':>9} | {'frontmap s':>10} {'MB/s':>6} {'peak MB':>8} | "
        f"{'pyogrio s':>9} {'MB/s':>6} {'peak MB':>8} | {'ratio':>5}"
    )
    ok = True
    with tempfile.TemporaryDirectory(prefix="frontmap-bench-") as tmp:
        for size in (float(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"tiled_{size:g}mb_2022-09-06.geojson"
            n, mb = write_geojson(snapshot, size, path)
            fm_run = measure("frontmap", path, args.pythonpath)
            ref = measure("pyogrio", path)
            rate = mb / fm_run["cpu_s"]
            ok &= rate >= 10
            print(
                f"{mb:6.1f}MB {n:9,} | {fm_run['cpu_s']:10.2f} {rate:6.1f} {fm_run['peak_mb']:8.0f} | "
                f"{ref['cpu_s']:9.2f} {mb / ref['cpu_s']:6.1f} {ref['peak_mb']:8.0f} | "
                f"{fm_run['cpu_s'] / ref['cpu_s']:5.2f}"
            )
            print(f"{'':>19}area {fm_run['area_km2']:,.0f} km², {fm_run['repairs']} features repaired")
    print("target ≥ 10 MB/s:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
