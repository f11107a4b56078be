"""``frontmap check``: check the numbers articles state against geometry, control maps and each other."""

from __future__ import annotations

import json

import frontmap as fm
from frontmap.checks.verdict import fmt
from frontmap.cli._common import error, read_articles, subparser, write_output

EXAMPLES = """  frontmap check examples/kharkiv.txt
  frontmap check reports/*.txt --format json -o verdicts.json
  frontmap check report.txt --published 2022-09-13 --against maps/deepstate_2022-09-06.geojson \\
      maps/deepstate_2022-09-13.geojson

Exit status 0 whatever the verdicts; 1 when an input file or control map could not be read (the others
are still checked).  Put the article files before --against, which takes one or more control maps (a
directory of dated snapshots works too).
"""

COLUMNS = ("status", "check", "source", "stated", "measured", "ratio", "explanation")


def add_parser(sub) -> None:
    p = subparser(
        sub, "check", "Check stated distances, directions, areas and shares against geometry.", EXAMPLES
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="text files to read ('-' reads stdin)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument(
        "--against",
        nargs="+",
        action="extend",
        metavar="CONTROLFILE",
        help="control maps (GeoJSON, KML, KMZ, GeoPackage, or a folder of dated ones) for areas and shares",
    )
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the articles")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(run=run)


def run(args) -> int:
    failed = False
    maps = None
    if args.against:
        maps, failed = _maps(args.against)
    articles, unusable = read_articles(args)
    failed = failed or unusable
    try:
        verdicts = fm.check(articles, against=maps) if articles else []
    except fm.FrontmapError as exc:
        error(str(exc))
        return 1
    if args.format == "json":
        out = json.dumps([v.to_dict() for v in verdicts], ensure_ascii=False, indent=1)
    else:
        out = table(verdicts)
    try:
        write_output(args.output, out + "\n", args.files + list(args.against or []))
    except (OSError, ValueError) as exc:
        error(str(exc))
        return 1
    return 1 if failed else 0


def _maps(paths: list[str]) -> tuple[list | None, bool]:
    """The control maps that could be read, and whether any could not."""
    import os

    maps, failed = [], False
    for p in paths:
        try:
            maps += fm.ControlMap.series(p) if os.path.isdir(p) else [fm.ControlMap.read(p)]
        except (fm.FrontmapError, OSError) as exc:
            error(f"cannot read control map {p!r}: {exc}")
            failed = True
    return (maps or None), failed


def _value(x, unit) -> str:
    return "" if x is None else fmt(x, unit)


def table(verdicts) -> str:
    """Aligned columns for people: status, check, source file, stated, measured, ratio, explanation."""
    import os

    rows = [COLUMNS]
    for v in verdicts:
        ratio = "" if v.ratio is None else f"{v.ratio:.2f}"
        src = os.path.basename(v.source or "") or "-"
        stated, measured = _value(v.stated, v.unit), _value(v.measured, v.unit)
        rows.append((v.status, v.check, src, stated, measured, ratio, v.explanation))
    if len(rows) == 1:
        return "no claims to check"
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS) - 1)]
    lines = []
    for n, r in enumerate(rows):
        cells = [
            c.rjust(w) if i in (3, 4, 5) and n else c.ljust(w)
            for i, (c, w) in enumerate(zip(r[:-1], widths, strict=True))
        ]
        lines.append("  ".join(cells) + "  " + r[-1])
    return "\n".join(lines)
