"""``frontmap map``: one map of articles (and control maps) -- interactive HTML, or PNG/SVG/PDF."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
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
from frontmap.cli._progress import phase

EXAMPLES = """\
  frontmap map examples/*.txt -o map.html
  frontmap map examples/*.txt -o map.html --tiles none        # self-contained: works offline
  frontmap map examples/kharkiv_counteroffensive.txt -o kharkiv.png --title "Kharkiv, September 2022"
  cat examples/kakhovka_dam.txt | frontmap map - --published 2023-06-06 -o kakhovka.svg

Control maps: --control FILE, once per map (or folder of dated maps), e.g. --control
occupied_2022-09-13.geojson.  Items that cannot be drawn are counted in one line; --verbose lists them.
"""

#: Output formats by file extension.
HTML = (".html", ".htm")
STATIC = (".png", ".svg", ".pdf")

#: ``--tiles`` not given: the library's default (see :func:`frontmap.draw`).
DEFAULT_TILES = None


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
        default=DEFAULT_TILES,
        metavar="NAME",
        help="background tiles of the HTML map (a folium tile name such as OpenStreetMap; 'none': "
        "outlines instead, and a self-contained page that works with no network); default: frontmap's",
    )
    p.add_argument(
        "--check",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="check the claims and draw the verdicts (default: on; --no-check to leave them out)",
    )
    add_control_options(p)
    p.add_argument(
        "--published", type=published_date, metavar="YYYY-MM-DD", help="publication date of the articles"
    )
    p.add_argument("--title", help="title of a static map")
    add_run_options(p)
    add_feedback_options(p, verbose=True)
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
    problem = check_output(args.output, list(args.files) + list(args.control))
    if problem:  # say so before the work, not after
        error(problem)
        return 1
    try:
        articles, failed = read_articles(args) if args.files else ([], False)
    except (ImportError, ConnectionError) as exc:  # no Dask, or no scheduler at that address
        error(str(exc))
        return 1
    control, control_failed = read_control_maps(args.control, args)
    failed = failed or control_failed
    if not articles and not control:
        error("nothing to map: no input could be used")
        return 1

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with phase(args, "drawing"):
                written = _write(fmt, args, articles, control)
        except (OSError, ValueError) as exc:
            error(write_error(args.output, exc))
            return 1
    _report_warnings(caught, verbose=args.verbose)
    if not args.quiet and written:
        n_places = len({p.id for a in articles for p in a.places})
        n_claims = sum(len(a.claims) for a in articles)
        print(
            f"wrote {written} ({len(articles)} article(s), {n_places} place(s), {n_claims} claim(s), "
            f"{len(control)} control map(s))",
            file=sys.stderr,
        )
    return 1 if failed else 0


#: Longest warning printed whole without --verbose.
SHORT = 160


def _report_warnings(caught: list[warnings.WarningMessage], verbose: bool) -> None:
    """One line per warning: whole with ``verbose`` (every item left out, when the warning lists
    them in ``items``), else a summary of at most :data:`SHORT` characters pointing at --verbose."""
    for w in caught:
        if not issubclass(w.category, UserWarning):
            continue
        items = list(getattr(w.message, "items", None) or [])
        text = str(w.message)
        if verbose:
            error(f"warning: {text}")
            for item in items:
                error(f"  left out: {item}")
        elif len(text) <= SHORT and not items:
            error(f"warning: {text}")
        else:
            head = text.split(":", 1)[0] if ":" in text[:SHORT] else text[: SHORT - 1] + "…"
            error(f"warning: {head} (--verbose lists them)")


def _write(fmt: str, args: Any, articles: list[Any], control: list[Any]) -> str:
    if fmt == "html":
        options: dict[str, Any] = {"check": args.check}
        if args.tiles is not None:
            options["tiles"] = None if str(args.tiles).strip().lower() in ("none", "") else args.tiles
        m = fm.draw(articles, control, **options)
        html = m.get_root().render()
        write_output(args.output, html, list(args.files) + list(args.control))
        return "" if args.output == "-" else args.output
    things: list[Any] = [articles, control]
    if args.check and articles:
        things.append(fm.check(articles))
    fm.render(things, args.output, title=args.title)
    return args.output
