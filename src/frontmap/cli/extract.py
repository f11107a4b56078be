"""``frontmap extract``: the places and spatial claims of articles, as JSON, JSON Lines, CSV, a table,
GeoJSON or GeoParquet; on several cores or a Dask cluster with ``--workers``/``--scheduler``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from frontmap.cli._common import (
    add_feedback_options,
    add_run_options,
    check_output,
    error,
    input_docs,
    published_date,
    read_values,
    reading,
    subparser,
    write_error,
    write_output,
)
from frontmap.cli._formats import csv_header
from frontmap.corpus.inputs import MAX_CHUNK, chunks
from frontmap.corpus.parquet import write_parquet, write_parquet_parts
from frontmap.corpus.records import empty_frame, plain_columns
from frontmap.corpus.tasks import read_part

EXAMPLES = """\
  frontmap extract examples/kharkiv_counteroffensive.txt
  frontmap extract examples/*.txt --format table
  frontmap extract examples/*.txt --format csv -o places.csv
  frontmap extract examples/kakhovka_dam.txt --format geojson -o kakhovka.geojson
  frontmap extract examples/*.txt --format parquet -o mentions.parquet --workers 2
  cat examples/kyiv_region_retaken.txt | frontmap extract - --published 2022-04-02

Formats: json (an object per article; one file gives one object), jsonl (the same, one per line), csv
(a row per mention and per claim, with source, offsets and sentence), table (for reading), geojson,
parquet (GeoParquet: the columns of csv plus the whole record as JSON; one file for up to 64 inputs,
else -- or with --chunk-size -- a folder with a part per chunk of inputs).  Output is the same whatever
--workers says.
"""

FORMATS = ("json", "jsonl", "csv", "table", "geojson", "parquet")

#: What each format needs from every article (see frontmap.corpus.tasks.WANTS).
WANT = {"json": "json", "jsonl": "jsonl", "table": "dict", "csv": "csv", "geojson": "features"}


def add_parser(sub: Any) -> None:
    p = subparser(sub, "extract", "List the places and spatial claims found in articles.", EXAMPLES)
    p.add_argument("files", nargs="+", metavar="FILE", help="text files to read ('-' reads stdin)")
    p.add_argument("--format", choices=FORMATS, default="json", help="output format (default: json)")
    p.add_argument(
        "--published", type=published_date, metavar="YYYY-MM-DD", help="publication date of the articles"
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of stdout")
    add_run_options(p)
    add_feedback_options(p)
    p.set_defaults(run=run)


def run(args: Any) -> int:
    if args.format == "parquet" and args.output in (None, "-"):
        error("--format parquet writes a file: give -o OUT.parquet")
        return 2
    problem = check_output(args.output, args.files)
    if problem:
        error(problem)
        return 1
    try:
        if args.format == "parquet":
            return _parquet(args)
        problems: list[str] = []
        several = args.format == "json" and len(args.files) > 1  # a list of articles
        values = read_values(args, "json_item" if several else WANT[args.format], problems)
        write_output(args.output, _render(args, values), args.files)  # each article as it comes
    except (ImportError, ConnectionError, ValueError) as exc:  # no Dask, no scheduler, cannot write
        error(str(exc))
        return 1
    except OSError as exc:  # writing GeoParquet: a full disk ...
        error(write_error(args.output, exc))
        return 1
    return 1 if problems else 0


def _render(args: Any, values: Iterator[Any]) -> Iterator[str]:
    """The output, a piece per article as the articles come."""
    if args.format == "json":  # texts of json.dumps(article, indent=1), as items of a list one level in
        if len(args.files) == 1:  # one input: its object (an empty list when it could not be read)
            only = next(values, None)
            yield "[]\n" if only is None else only + "\n"
            return
        yield from _items(values, "[\n ", ",\n ", "\n]\n", "[]\n")
    elif args.format in ("jsonl", "csv"):
        if args.format == "csv":
            yield csv_header(plain_columns())
        yield from values
    elif args.format == "geojson":
        opening = '{"type": "FeatureCollection", "features": ['
        yield from _items((v for v in values if v), opening, ", ", "]}\n", opening + "]}\n")
    else:
        yield from _items((table([a]) for a in values), "", "\n", "\n", "\n")


def _items(pieces: Iterator[str], opening: str, separator: str, closing: str, empty: str) -> Iterator[str]:
    """``opening + separator.join(pieces) + closing`` a piece at a time (``empty`` when there are none)."""
    any_piece = False
    for piece in pieces:
        yield (separator if any_piece else opening) + piece
        any_piece = True
    yield closing if any_piece else empty


def table(articles: list[dict[str, Any]]) -> str:
    """Articles (``Article.to_dict()``) as lines for people: a header per article, then its places and
    claims with their offsets."""
    lines = []
    for a in articles:
        lines.append(f"== {a['source']}" + (f" ({a['published']})" if a["published"] else ""))
        for m in a["mentions"]:
            p = m["place"]
            where = (
                f"{p['name']} [{p['kind']}, {p.get('admin1') or p.get('country') or ''}] "
                f"{p['lat']:.3f},{p['lon']:.3f}"
                if p
                else "-"
            )
            role = m["role"] if m["role"] != "location" else ""
            lines.append(f"  place  {m['start']:>6}  {m['text']:<28} {where}  {role}")
        for c in a["claims"]:
            lines.append(f"  {c['kind']:<10} {c['start']:>5}  {c['text']}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------- parquet
def _parquet(args: Any) -> int:
    """GeoParquet: one file for up to :data:`MAX_CHUNK` inputs (unless ``--chunk-size`` is given), else
    a folder with a part per chunk, each written as it arrives."""
    docs, early = input_docs(args.files)
    parts = list(enumerate(chunks(docs, args.chunk_size)))
    failed = bool(early)
    for problem in early.values():
        error(problem)

    def frames() -> Iterator[tuple[int, Any]]:
        nonlocal failed
        results = reading(args, read_part, parts, (args.published,), size=lambda p: len(p[1]))
        for chunk, outcomes, gdf in results:
            for o in outcomes:
                if o.problem:
                    error(o.problem)
                    failed = True
            yield chunk, gdf

    if args.chunk_size is None and len(docs) <= MAX_CHUNK:
        import pandas as pd

        gdfs = [g for _, g in frames()]
        write_parquet(args.output, pd.concat(gdfs, ignore_index=True) if gdfs else empty_frame())
    else:
        write_parquet_parts(args.output, frames())
    return 1 if failed else 0
