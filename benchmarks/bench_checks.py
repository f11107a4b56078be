"""How fast are claim checks?  Prints figures; not a test.

    python benchmarks/bench_checks.py [N]

First the scaling of a corpus of articles (80, 640 and 1,000 made-up articles of four claims each: a
distance between towns, an extent of an advance, a share of the country held, an area regained in an
oblast): CPU seconds and verdicts per article, which must stay within 2x from 80 to 640 articles, and
1,000 articles in at most 3 s of CPU.  Then N hand-made distance claims between random pairs of towns
(every one checked against the
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
from frontmap.reading.article import Article
from frontmap.reading.claims import AreaClaim, DistanceClaim, ShareClaim
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


def corpus(n: int, rng: random.Random, places: list[Place], country: Place) -> list[Article]:
    """``n`` articles of four claims each, published over a year."""
    out = []
    for i in range(n):
        when = day(rng)
        a, s = rng.sample(places, 2)
        km = round(distance_km(a, s) * rng.uniform(0.8, 1.2))
        d = compass(bearing(a, s), 8)
        ext = rng.randint(10, 60)
        v = rng.choice([0.05, 0.18, 0.2, 0.22])
        k2 = rng.choice([500, 1_000, 6_000])
        claims = (
            DistanceClaim(f"{km} km {d} of {a.name}", 0, 9, value=km, km=km, value_text=str(km), direction=d,
                          bearing_deg=bearing(a, s), anchor=a, subject=s),
            DistanceClaim(f"up to {ext} km east of {places[i % 10].name}", 10, 20, value=ext, km=ext,
                          value_text=str(ext), qualifier="up to", direction="E", bearing_deg=90.0,
                          anchor=places[i % 10]),
            ShareClaim(f"{v:.0%} of the country", 21, 30, value=v, value_text=f"{v:.0%}", of=country,
                       change="held"),
            AreaClaim(f"{k2:,} km² retaken", 31, 40, value=k2, km2=k2, value_text=f"{k2:,}",
                      change="regained",
                      places=(places[i % 5],)),
        )  # fmt: skip
        out.append(Article("", source=f"art{i}", published=when, claims=claims))
    return out


def scaling() -> None:
    rng = random.Random(11)
    places = towns(200, rng)
    for p in places[:5]:
        object.__setattr__(p, "admin1", f"Oblast {p.id}")
    country = Place("b:land", "Land", "country", 49.0, 31.0, "UA", _geometry=box(22.0, 44.0, 40.0, 52.5))
    check(corpus(10, rng, places, country))  # warm up (imports, caches)
    per: dict[int, tuple[float, float]] = {}
    for n in (80, 640, 1000):
        arts = corpus(n, rng, places, country)
        runs = []
        for _ in range(5 if n < 500 else 2):  # the fastest of a few runs: small corpora take milliseconds
            t = time.process_time()
            verdicts = check(arts)
            runs.append(time.process_time() - t)
        cpu = min(runs)
        per[n] = (cpu / n, len(verdicts) / n)
        cross = sum(v.check == "consistency" for v in verdicts)
        print(f"scaling: {n:5d} articles -> {len(verdicts):6d} verdicts ({cross} cross-report) "
              f"in {cpu:.2f} s CPU "
              f"({cpu / n * 1e3:.2f} ms and {len(verdicts) / n:.2f} verdicts per article)")  # fmt: skip
    t_ratio, v_ratio = per[640][0] / per[80][0], per[640][1] / per[80][1]
    print(f"scaling: 640 vs 80 articles, per article: time x{t_ratio:.2f}, verdicts x{v_ratio:.2f} "
          "(bar 2.0); "
          f"1,000 articles in {per[1000][0] * 1000:.2f} s CPU (bar 3.0)")  # fmt: skip


def main(n: int = 2000) -> None:
    scaling()
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
