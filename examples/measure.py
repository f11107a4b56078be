"""Print the measured distance and bearing behind every distance stated in the example reports.

Run from the repository root: ``python examples/measure.py``.  Places come from frontmap's gazetteer
(GeoNames coordinates, plus the facilities in gazetteer/additions.json); distances are geodesic on
WGS84 and bearings the initial azimuth from the anchor, as ``frontmap check`` measures them.
"""

from __future__ import annotations

from frontmap.gazetteer import Gazetteer
from frontmap.geometry import bearing, distance_km

#: (subject, anchor, what the report says)
STATEMENTS = [
    ("Balakliia", "Kharkiv", "about 72 km (45 miles) southeast"),
    ("Kupiansk", "Kharkiv", "about 100 km east"),
    ("Izium", "Kharkiv", "about 115 km southeast"),
    ("Irpin", "Kyiv", "about 21 km (13 miles) west-northwest"),
    ("Hostomel Airport", "Kyiv", "about 29 km (18 miles) north-west"),
    ("Kherson", "Nova Kakhovka", "about 60 km (37 miles) west"),
    ("Oleshky", "Kherson", "about 8 km east"),
    ("Enerhodar", "Kakhovka dam", "some 125 km upstream (north-east)"),
    ("Enerhodar", "Zaporizhzhia", "about 53 km (33 miles) southwest"),
    ("Avdiivka", "Donetsk", "about 14 km (9 miles) north"),
    ("Pokrovsk", "Avdiivka", "about 45 km (28 miles) west-northwest"),
    ("Bakhmut", "Sloviansk", "about 40 km (25 miles) southeast"),
    ("Kramatorsk", "Sloviansk", "some 13 km apart"),
]


def main() -> None:
    gz = Gazetteer()
    for subject, anchor, said in STATEMENTS:
        a, b = gz.resolve(anchor), gz.resolve(subject)
        print(
            f"{subject:>34} | {said:<38} of {anchor:<14} | {distance_km(a, b):6.1f} km {bearing(a, b):5.0f}°"
        )


if __name__ == "__main__":
    main()
