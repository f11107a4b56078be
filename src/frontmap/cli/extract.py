"""``frontmap extract``: the places and spatial claims of articles, as JSON, a table or GeoJSON."""

from __future__ import annotations

import json

from frontmap.cli._common import error, read_articles, subparser, write_output

EXAMPLES = """  frontmap extract examples/kharkiv.txt
  frontmap extract examples/*.txt --format table
  frontmap extract report.txt --format geojson -o report.geojson
  cat report.txt | frontmap extract - --published 2022-09-13
"""


def add_parser(sub) -> None:
    p = subparser(sub, "extract", "List the places and spatial claims found in articles.", EXAMPLES)
    p.add_argument("files", nargs="+", metavar="FILE", help="text files to read ('-' reads stdin)")
    p.add_argument("--format", choices=("json", "table", "geojson"), default="json")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the articles")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(run=run)


def run(args) -> int:
    articles, failed = read_articles(args)
    if args.format == "json":
        data = [a.to_dict() for a in articles]
        out = json.dumps(
            data[0] if len(args.files) == 1 and len(data) == 1 else data, ensure_ascii=False, indent=1
        )
    elif args.format == "geojson":
        out = json.dumps(_geojson(articles), ensure_ascii=False)
    else:
        out = _table(articles)
    try:
        write_output(args.output, out + "\n", args.files)
    except (OSError, ValueError) as exc:
        error(str(exc))
        return 1
    return 1 if failed else 0


def _geojson(articles) -> dict:
    features = []
    for a in articles:
        gdf = a.to_geodataframe()
        if len(gdf):
            features.extend(json.loads(gdf.to_json(na="null", drop_id=True))["features"])
    return {"type": "FeatureCollection", "features": features}


def _table(articles) -> str:
    lines = []
    for a in articles:
        lines.append(f"== {a.source}" + (f" ({a.published})" if a.published else ""))
        for m in a.mentions:
            p = m.place
            where = (
                f"{p.name} [{p.kind}, {p.admin1 or p.country or ''}] {p.lat:.3f},{p.lon:.3f}" if p else "-"
            )
            lines.append(
                f"  place  {m.start:>6}  {m.text:<28} {where}  {m.role if m.role != 'location' else ''}"
            )
        for c in a.claims:
            lines.append(f"  {c.kind:<10} {c.start:>5}  {c.text}")
    return "\n".join(lines)
