"""``frontmap check``: check the numbers articles state against geometry, control maps and each other."""

from __future__ import annotations

import argparse
import os
from typing import Any

import frontmap as fm
from frontmap.cli._common import (
    add_control_options,
    add_feedback_options,
    add_run_options,
    check_output,
    error,
    published_date,
    read_articles,
    read_control_maps,
    subparser,
    write_error,
    write_output,
)
from frontmap.cli._formats import csv_text, jsonl_text, verdict_columns, verdict_row
from frontmap.cli._progress import phase
from frontmap.corpus.texts import indented
from frontmap.quantities.numbers import fmt

EXAMPLES = """\
  frontmap check examples/kharkiv_counteroffensive.txt
  frontmap check examples/*.txt --format json -o verdicts.json
  frontmap check examples/*.txt --format csv -o verdicts.csv
  frontmap check examples/kyiv_region_retaken.txt --published 2022-04-02 --format jsonl

Exit status 0 whatever the verdicts; 1 when an input file or control map could not be read (the others
are still checked).  Control maps for areas and shares: --control FILE, once per map or folder of dated
maps (e.g. --control occupied_2022-09-06.geojson --control occupied_2022-09-13.geojson).  Reading runs
on --workers/--scheduler; the checks across reports then run here, on every article at once.
"""

COLUMNS = ("status", "check", "source", "stated", "measured", "ratio", "explanation")
FORMATS = ("table", "json", "jsonl", "csv")


def add_parser(sub: Any) -> None:
    p = subparser(
        sub, "check", "Check stated distances, directions, areas and shares against geometry.", EXAMPLES
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="text files to read ('-' reads stdin)")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    add_control_options(p, old="--against")
    p.add_argument(
        "--published", type=published_date, metavar="YYYY-MM-DD", help="publication date of the articles"
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout")
    add_run_options(p)
    add_feedback_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    problem = check_output(args.output, args.files + args.control)
    if problem:
        error(problem)
        return 1
    maps, failed = read_control_maps(args.control, args)
    try:
        articles, unusable = read_articles(args)
    except (ImportError, ConnectionError) as exc:  # no Dask, or no scheduler at that address
        error(str(exc))
        return 1
    failed = failed or unusable
    try:
        with phase(args, "checking"):
            verdicts = fm.check(articles, against=maps or None) if articles else []
    except fm.FrontmapError as exc:
        error(str(exc))
        return 1
    try:
        write_output(args.output, render(args.format, verdicts), args.files + args.control)
    except (OSError, ValueError) as exc:
        error(write_error(args.output or "-", exc))
        return 1
    return 1 if failed else 0


def render(format: str, verdicts: list[Any]) -> str:
    """The verdicts in ``format`` (:data:`FORMATS`)."""
    if format == "json":
        return indented([v.to_dict() for v in verdicts]) + "\n"
    if format == "jsonl":
        return jsonl_text(v.to_dict() for v in verdicts)
    if format == "csv":
        rows = [verdict_row(v.to_dict()) for v in verdicts]
        return csv_text(rows, verdict_columns(rows))
    return table(verdicts) + "\n"


def _value(x: Any, unit: Any) -> str:
    return "" if x is None else fmt(x, unit)


def table(verdicts: list[Any]) -> str:
    """Aligned columns for people: status, check, source file, stated, measured, ratio, explanation."""
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
