"""Stated areas against real control maps: our own sentences, checked by the command line against every
DeepStateMap snapshot at once; the tool picks the maps.  Prints each verdict and compares its measured
figure with an independent computation (shapely difference + pyproj ``Geod.geometry_area_perimeter``).

    python benchmarks/acceptance_control_areas.py [FRONTLINES_DIR]

The snapshots are not shipped (default ``../shared/frontlines``); without them this script says so and
exits 0.  Exit status 1 when a verdict or a figure (beyond 1 %) is wrong.
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys
import tempfile
import warnings

#: (file stem, published, text, check, expected status, (before, after) maps the figure is, what is measured)
CASES = [
    ("kharkiv_week", "2022-09-20",
     "Between 6 and 12 September the Ukrainian army retook about 9,000 square kilometres in the east.",
     "area", "consistent", ("2022-09-06", "2022-09-12"), "lost"),
    ("kharkiv_month", "2022-09-13",
     "More than 1,000 square miles are back in Ukrainian hands since the end of August, the general said.",
     "area", "consistent", ("2022-08-28", "2022-09-13"), "lost"),
    ("kharkiv_wrong", "2022-09-13",
     "Since the end of August the defenders have liberated some 3,000 square kilometres, a spokesman said.",
     "area", "inconsistent", ("2022-08-28", "2022-09-13"), "lost"),
    ("kharkiv_days", "2022-09-10",
     "Within four days Ukrainian units recaptured roughly 5,000 sq km around Balakliia.",
     "area", "consistent", ("2022-09-06", "2022-09-10"), "lost"),
    ("kherson", "2022-11-12",
     "Since the counteroffensive began, Kyiv's forces have regained about 40,000 square kilometres "
     "near Kherson.",
     "area", "inconsistent", ("2022-08-28", "2022-11-12"), "lost"),
    ("kherson_right", "2022-11-12",
     "Since the start of October, Ukraine has freed more than 5,000 square kilometres west of the Dnipro.",
     "area", "consistent", ("2022-10-01", "2022-11-12"), "lost"),
    ("russia_gains", "2022-09-13",
     "Russia captured barely 40 square kilometres between 6 and 12 September, analysts wrote.",
     "area", "inconsistent", ("2022-09-06", "2022-09-12"), "gained"),
    ("share_2025", "2025-06-15",
     "Moscow's troops now occupy around a fifth of Ukraine, a year after the offensive stalled.",
     "share", "consistent", ("2025-08-03", None), "share"),
]  # fmt: skip


def independent(paths: dict[str, str], before: str, after: str | None, what: str) -> float:
    """km² (or a share) from the snapshots, computed without frontmap."""
    import shapely
    from pyproj import Geod
    from shapely.geometry import shape

    def load(day: str):
        with open(paths[day], encoding="utf-8") as f:
            fc = json.load(f)
        return shapely.union_all([shapely.make_valid(shape(ft["geometry"])) for ft in fc["features"]])

    geod = Geod(ellps="WGS84")

    def km2(g) -> float:
        return abs(geod.geometry_area_perimeter(g)[0]) / 1e6

    a = load(before)
    if what == "share":
        import frontmap as fm

        ua = fm.Gazetteer().country("UA").geometry  # the outline only; the area is pyproj's
        return km2(a.intersection(ua)) / km2(ua)
    assert after is not None
    b = load(after)
    return km2(a.difference(b)) if what == "lost" else km2(b.difference(a))


def main(folder: str) -> int:
    snaps = sorted(glob.glob(os.path.join(folder, "deepstate_20*.geojson")))
    if not snaps:
        print(f"no snapshots in {folder!r}: nothing to check (they are not shipped)")
        return 0
    paths = {os.path.basename(p)[10:20]: p for p in snaps}
    tmp = tempfile.mkdtemp(prefix="frontmap-acceptance-")
    failures = 0
    for stem, published, text, check, want, (before, after), what in CASES:
        f = os.path.join(tmp, f"{stem}.txt")
        with open(f, "w", encoding="utf-8") as out:
            out.write(text + "\n")
        cmd = ["frontmap", "check", f, "--published", published, "--format", "json", "--against", *snaps]
        run = subprocess.run(cmd, capture_output=True, text=True, check=False)
        verdicts = [v for v in json.loads(run.stdout or "[]") if v["check"] == check]
        if not verdicts:
            print(f"FAIL {stem}: no {check} verdict ({run.stderr.strip()[:200]})")
            failures += 1
            continue
        v = verdicts[0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ref = independent(paths, before, after, what)
        got = v["measured"]
        off = abs(got - ref) / ref if ref else abs(got)
        ok = v["status"] == want and off <= 0.01
        failures += not ok
        unit = "" if what == "share" else " km²"
        print(f"{'ok  ' if ok else 'FAIL'} {stem}: {v['status']} (want {want}); measured {got:,.4g}{unit}, "
              f"pyproj {ref:,.4g}{unit} ({off:.3%} apart)\n     {v['explanation']}")  # fmt: skip
    print(f"{len(CASES) - failures}/{len(CASES)} right")
    return 1 if failures else 0


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "shared", "frontlines")
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else default))
