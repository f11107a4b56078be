"""``frontmap geocode NAME``: look a place name up in the offline gazetteer."""

from __future__ import annotations

import argparse
import json

import frontmap as fm
from frontmap.cli._common import error, subparser
from frontmap.errors import FrontmapError, UnknownPlaceError

EXAMPLES = """\
  frontmap geocode Izyum
  frontmap geocode "Kharkiv region" --format json
  frontmap geocode Kalynivka --near Kyiv
  frontmap geocode Lyman --within "Donetsk Oblast"
  frontmap geocode Lyman --within "Kharkiv region" --all
  frontmap geocode Kalynivka --within "Bakhmut district" --all
  frontmap geocode Bahkmut --fuzzy
  frontmap geocode Lyman --all
"""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = subparser(sub, "geocode", "Resolve a place name with the offline gazetteer.", EXAMPLES)
    p.add_argument("name", metavar="NAME", help="a place name in any common spelling (Kyiv, Kiev, Київ)")
    p.add_argument("--near", metavar="PLACE", help="prefer the homonym closest to this place")
    p.add_argument(
        "--within",
        metavar="OBLAST",
        help="only places inside this oblast, raion or hromada: 'Donetsk Oblast', 'Donetsk region', "
        "'Bakhmut Raion', 'Bakhmut district', 'Bakhmut urban hromada'",
    )
    p.add_argument("--kind", help="only places of this kind: " + ", ".join(fm.KINDS))
    p.add_argument("--country", metavar="ISO2", help="only places in this country (ISO alpha-2, e.g. UA)")
    p.add_argument(
        "--fuzzy", action="store_true", help="forgive one typo in a long name (Bahkmut, Zaporizhziha)"
    )
    p.add_argument("--all", action="store_true", help="list every matching place, best first")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.set_defaults(run=run)
    return p


def _text(p) -> str:
    parts = (p.hromada, p.raion, p.admin1 if p.admin1 != p.name else None, p.country)
    where = ", ".join(x for x in parts if x and x != p.name)
    pop = f"  pop. {p.population:,}" if p.population else ""
    return f"{p.name} ({p.kind}{', ' + where if where else ''})  {p.lat:.5f}, {p.lon:.5f}  [{p.id}]{pop}"


def run(args: argparse.Namespace) -> int:
    gz = fm.Gazetteer()
    opts = {"kind": args.kind, "country": args.country, "within": args.within, "fuzzy": args.fuzzy}
    try:
        if args.all:
            found = gz.candidates(args.name, near=args.near, **opts)
            if not found:
                gz.resolve(args.name, **opts)  # raises with suggestions
        else:
            found = [gz.resolve(args.name, near=args.near, **opts)]
    except UnknownPlaceError as exc:
        error(str(exc))
        return 1
    except FrontmapError as exc:
        error(str(exc))
        return 2
    if args.format == "json":
        data = [p.to_dict() for p in found] if args.all else found[0].to_dict()
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for p in found:
            print(_text(p))
    return 0
