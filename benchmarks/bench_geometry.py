"""Time frontmap.geometry's builders and measurements; prints one line per operation.

Run: ``python benchmarks/bench_geometry.py``.  Figures are per call (best of 5 repeats).
"""

from __future__ import annotations

import random
import timeit

import shapely

import frontmap as fm

geo = fm.geometry
KHARKIV = (36.2304, 49.9935)  # GeoNames, rounded
rng = random.Random(1)
POINTS = [(rng.uniform(22, 40), rng.uniform(44.5, 52)) for _ in range(500)]
RING = geo.ring(KHARKIV, 20, 80)
UKRAINE_BOX = shapely.segmentize(shapely.box(22, 44, 40, 52), 0.05)  # as control maps are measured

CASES = {
    "destination": lambda: geo.destination(KHARKIV, 74, 135),
    "distance_km": lambda: geo.distance_km(KHARKIV, (30.5234, 50.4501)),
    "sector 60-90 km, ±22.5°": lambda: geo.sector(KHARKIV, 60, 90, 135, 22.5),
    "ring 20-80 km": lambda: geo.ring(KHARKIV, 20, 80),
    "disk_of_area 6,000 km²": lambda: geo.disk_of_area(KHARKIV, 6000),
    "disk_of_area 600,000 km²": lambda: geo.disk_of_area(KHARKIV, 600_000),
    "area_km2 of a ring (514 vertices)": lambda: geo.area_km2(RING),
    f"area_km2 of a box ({len(UKRAINE_BOX.exterior.coords)} vertices)": lambda: geo.area_km2(UKRAINE_BOX),
    "area_km2 of the whole Earth (box)": lambda: geo.area_km2(shapely.box(-180, -90, 180, 90)),
    "length_km of the box's outline": lambda: geo.length_km(UKRAINE_BOX),
    "hull of 500 points": lambda: geo.hull(POINTS),
}


def main() -> None:
    for name, fn in CASES.items():
        timer = timeit.Timer(fn)
        number, _ = timer.autorange()
        best = min(timer.repeat(5, number)) / number
        print(f"{name:<36} {best * 1e6:10.1f} µs")


if __name__ == "__main__":
    main()
