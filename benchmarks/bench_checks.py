"""How fast are claim checks?  Prints figures; not a test.

    python benchmarks/bench_checks.py [N]

Builds N hand-made distance claims between random pairs of towns (every one checked against the
geodesic distance and bearing), N/4 extents sharing anchors and N/4 share claims of one country,
all from different "articles" published over a year (their cross-claim pairs), then times
:func:`frontmap.check` and the claim geometries of the distance claims.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

from shapely.geometry import box

from frontmap.checks import check
from frontmap.gazetteer.place import Place
from frontmap.geometry.geodesic import bearing, compass, distance_km
from frontmap.reading.claims import DistanceClaim, ShareClaim
from frontmap.shapes import claim_geometry


def towns(n: int, rng: random.Random) -> list[Place]:
    return [
        Place(f"b:{i}", f"Town {i}", "settlement", rng.uniform(46.5, 51.5), rng.uniform(24.0, 39.5), "UA",
              population=rng.choice([2_000, 20_000, 200_000, 1_000_000]))
        for i in range(n)
    ]  # fmt: skip


def day(rng: random.Random) -> dt.date:
    """A publication date within one year (reports of extents and holdings are compared within days)."""
    return dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(365))


def main(n: int = 2000) -> None:
    rng = random.Random(7)
    places = towns(200, rng)
    country = Place("b:land", "Land", "country", 49.0, 31.0, "UA", _geometry=box(22.0, 44.0, 40.0, 52.5))
    claims = []
    for i in range(n):
        a, s = rng.sample(places, 2)
        km = round(distance_km(a, s) * rng.uniform(0.8, 1.2))
        d = compass(bearing(a, s), 8)
        text = f"{km} km {d} of {a.name}"
        claims.append(DistanceClaim(text, 0, len(text), source=f"a{i}", value=km, km=km, value_text=str(km),
                                    direction=d, bearing_deg=bearing(a, s), anchor=a, subject=s))  # fmt: skip
    for i in range(n // 4):
        a = places[i % 10]
        km = rng.randint(10, 60)
        text = f"up to {km} km east of {a.name}"
        claims.append(DistanceClaim(text, 0, len(text), source=f"e{i}", published=day(rng), value=km, km=km,
                                    value_text=str(km), qualifier="up to", direction="E", bearing_deg=90.0,
                                    anchor=a))  # fmt: skip
    for i in range(n // 4):
        v = rng.choice([0.05, 0.18, 0.2, 0.22])
        text = f"{v:.0%} of the country"
        claims.append(ShareClaim(text, 0, len(text), source=f"s{i}", published=day(rng), value=v,
                                 value_text=f"{v:.0%}", of=country, change="held"))  # fmt: skip
    t = time.perf_counter()
    verdicts = check(claims)
    secs = time.perf_counter() - t
    pairs = sum(v.check == "consistency" for v in verdicts)
    print(f"check: {len(claims)} claims -> {len(verdicts)} verdicts ({pairs} cross-claim) in {secs:.2f} s "
          f"({secs / len(claims) * 1e3:.2f} ms per claim)")  # fmt: skip
    t = time.perf_counter()
    for c in claims[:n]:
        claim_geometry(c)
    secs = time.perf_counter() - t
    print(f"claim_geometry: {n} distance sectors in {secs:.2f} s ({secs / n * 1e3:.2f} ms each)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
