"""``frontmap map``: one map of articles (and control maps) -- interactive HTML, or PNG/SVG/PDF."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from typing import Any

import frontmap as fm
from frontmap.cli._common import error, is_an_input, read_articles, subparser, write_error, write_output

EXAMPLES = """  frontmap map examples/*.txt -o map.html
  frontmap map examples/*.txt -o map.html --tiles none        # self-contained: works offline
  frontmap map report.txt --control occupied_2022-09-13.geojson -o map.png
  cat report.txt | frontmap map - --published 2022-09-13 -o report.svg
"""

#: Output formats by file extension.
HTML = (".html", ".htm")
STATIC = (".png", ".svg", ".pdf")


def add_parser(sub: Any) -> None:
    p = subparser(
        sub,
        "map",
        "Draw the places, claims and checks of articles on one map (HTML, PNG, SVG or PDF).",
        EXAMPLES,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="text files to read ('-' reads stdin)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="the map to write: .html (interactive), .png, .svg or .pdf (static); '-' prints HTML",
    )
    p.add_argument(
        "--tiles",
        default="OpenStreetMap",
        metavar="NAME",
        help="background tiles of the HTML map (a folium tile name; 'none': outlines instead, and a "
        "self-contained page that works with no network)",
    )
    p.add_argument(
        "--check",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="check the claims and draw the verdicts (default: on; --no-check to leave them out)",
    )
    p.add_argument(
        "--control",
        action="append",
        default=[],
        metavar="FILE",
        help="a control map (GeoJSON, KML, ...; its date from the file or its name); may be repeated",
    )
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the articles")
    p.add_argument("--title", help="title of a static map")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    p.set_defaults(run=run)


def _format(out: str) -> str | None:
    if out == "-":
        return "html"
    ext = os.path.splitext(out)[1].lower()
    if ext in HTML:
        return "html"
    if ext in STATIC:
        return ext[1:]
    return None


def run(args: Any) -> int:
    fmt = _format(args.output)
    if fmt is None:
        error(
            f"cannot tell the format of {args.output!r} from its extension; "
            f"name it *.html, *.png, *.svg or *.pdf"
        )
        return 2
    if not args.files and not args.control:
        error("nothing to map: give text files (or '-' for stdin) and/or --control FILE")
        return 2
    inputs = list(args.files) + list(args.control)
    if is_an_input(args.output, inputs):
        error(f"refusing to write {args.output!r}: it is one of the input files")
        return 1
    folder = os.path.dirname(args.output) or "."
    if args.output != "-" and not os.path.isdir(folder):  # say so before the work, not after
        why = f"{folder!r} is not a folder" if os.path.exists(folder) else f"folder {folder!r} does not exist"
        error(f"cannot write {args.output!r}: {why}")
        return 1

    articles, failed = read_articles(args)
    control, control_failed = _read_control(args.control)
    failed = failed or control_failed
    if not articles and not control:
        error("nothing to map: no input could be used")
        return 1

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            written = _write(fmt, args, articles, control)
        except (OSError, ValueError) as exc:
            error(write_error(args.output, exc))
            return 1
    for w in caught:
        if issubclass(w.category, UserWarning):
            error(f"warning: {w.message}")
    if not args.quiet and written:
        n_places = len({p.id for a in articles for p in a.places})
        n_claims = sum(len(a.claims) for a in articles)
        print(
            f"wrote {written} ({len(articles)} article(s), {n_places} place(s), {n_claims} claim(s), "
            f"{len(control)} control map(s))",
            file=sys.stderr,
        )
    return 1 if failed else 0


def _read_control(paths: list[str]) -> tuple[list[Any], bool]:
    if not paths:
        return [], False
    maps, failed = [], False
    for path in paths:
        try:
            maps.append(fm.ControlMap.read(path))
        except (fm.FrontmapError, OSError) as exc:
            error(f"cannot read the control map {path!r}: {getattr(exc, 'strerror', None) or exc}")
            failed = True
    return maps, failed


def _write(fmt: str, args: Any, articles: list[Any], control: list[Any]) -> str:
    if fmt == "html":
        tiles = None if str(args.tiles).strip().lower() in ("none", "") else args.tiles
        m = fm.draw(articles, control, tiles=tiles, check=args.check)
        html = m.get_root().render()
        write_output(args.output, html, list(args.files) + list(args.control))
        return "" if args.output == "-" else args.output
    things: list[Any] = [articles, control]
    if args.check and articles:
        things.append(fm.check(articles))
    fm.render(things, args.output, title=args.title)
    return args.output
