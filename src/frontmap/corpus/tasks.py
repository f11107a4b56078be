"""The work done on one chunk of inputs, wherever it runs (this process or a Dask worker).

Each task reads the chunk's inputs in order and returns plain data -- dicts, GeoJSON features, rows or
a GeoDataFrame -- with one :class:`Outcome` per input, so that problems are reported by the caller in
input order, exactly as when everything runs in one process.

Articles themselves can travel too (``want="article"``): their places load polygons lazily from the
gazetteer's data files, and the gazetteer's store pickles as its folder, reopened on the other side
(:meth:`frontmap.gazetteer.store.Store.__reduce__`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from frontmap.corpus.inputs import Doc, load
from frontmap.corpus.records import frame, plain_columns, rows_of
from frontmap.corpus.texts import csv_lines, indented, json_line
from frontmap.errors import FrontmapError
from frontmap.reading.article import Article
from frontmap.reading.reader import read

__all__ = ["WANTS", "Outcome", "read_docs", "read_frame", "read_part"]

#: What a task can return for each input: ``dict`` (``Article.to_dict()``), ``json`` (that, as JSON
#: indented by one space), ``json_item`` (the same one level in: an item of a list of articles),
#: ``jsonl`` (as one line of JSON), ``features`` (the GeoJSON features of its mentions and claims, as
#: JSON text joined by ", "), ``rows`` (plain table rows, see :func:`frontmap.corpus.records.plain_columns`),
#: ``csv`` (those rows as CSV lines), ``article`` (the :class:`Article`).  Text is cheaper to send from a
#: worker than objects, and is made there in the form it is written.
WANTS = ("dict", "json", "json_item", "jsonl", "features", "rows", "csv", "article")


class Outcome(NamedTuple):
    """What became of one input: ``value`` (as asked for) or ``problem`` (a one-line message)."""

    number: int
    source: str
    value: Any = None
    problem: str | None = None


def _read_one(doc: Doc, published: Any) -> tuple[Article | None, str | None]:
    text, problem = load(doc)
    if text is None:
        return None, problem
    try:
        return read(text, source=doc.source, published=doc.published or published), None
    except FrontmapError as exc:  # an unusable date
        return None, f"cannot read {doc.source!r}: {exc}"


def _features(a: Article) -> str:
    gdf = a.to_geodataframe()
    if not len(gdf):
        return ""
    features = json.loads(gdf.to_json(na="null", drop_id=True))["features"]
    return ", ".join(json.dumps(f, ensure_ascii=False) for f in features)


def _rows(a: Article, number: int) -> list[dict[str, Any]]:
    columns = plain_columns()
    return [{c: row.get(c) for c in columns} for row, _ in rows_of([(number, a)], 0)]


def _value(a: Article, number: int, want: str) -> Any:
    if want == "article":
        return a
    if want == "features":
        return _features(a)
    if want in ("rows", "csv"):
        rows = _rows(a, number)
        return rows if want == "rows" else csv_lines(rows, plain_columns())
    d = a.to_dict()
    if want in ("json", "json_item"):
        return indented(d, level=int(want == "json_item"))
    return json_line(d) if want == "jsonl" else d


def read_docs(docs: Sequence[Doc], published: Any = None, want: str = "dict") -> list[Outcome]:
    """Read ``docs`` in order: one :class:`Outcome` each, its value as ``want`` says (:data:`WANTS`).

    ``published`` is the date of every input that has none of its own."""
    if want not in WANTS:
        raise ValueError(f"want must be one of {WANTS}, not {want!r}")
    out = []
    for doc in docs:
        a, problem = _read_one(doc, published)
        value = None if a is None else _value(a, doc.number, want)
        out.append(Outcome(doc.number, doc.source, value, problem))
    return out


def read_frame(docs: Sequence[Doc], chunk: int, published: Any = None) -> tuple[list[Outcome], Any]:
    """Read ``docs`` (chunk number ``chunk``) into one GeoDataFrame of their mentions and claims
    (see :mod:`frontmap.corpus.records`), with an :class:`Outcome` (value None) for each input."""
    outcomes, read_ok = [], []
    for doc in docs:
        a, problem = _read_one(doc, published)
        outcomes.append(Outcome(doc.number, doc.source, None, problem))
        if a is not None:
            read_ok.append((doc.number, a))
    return outcomes, frame(rows_of(read_ok, chunk))


def read_part(part: tuple[int, Sequence[Doc]], published: Any = None) -> tuple[int, list[Outcome], Any]:
    """:func:`read_frame` of ``part``, a ``(chunk number, docs)`` pair: ``(chunk, outcomes, frame)``."""
    chunk, docs = part
    outcomes, gdf = read_frame(docs, chunk, published)
    return chunk, outcomes, gdf
