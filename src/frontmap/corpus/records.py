"""Mentions and claims of articles as flat rows with provenance: the table of a corpus.

Every row is one mention or one claim.  The columns are fixed (:data:`COLUMNS`, with one dtype each), so
that the rows of any part of a corpus stack into one table and one GeoParquet dataset; what does not fit
a column is kept whole in ``data`` (the record's ``to_dict()`` as JSON).

Provenance: ``source`` (the file), ``article`` (its position among the inputs, from 0), ``chunk`` (the
chunk of inputs it was read in: a part of a partitioned output), ``record`` and ``index`` (the nth mention
or claim of the article), ``text`` with ``start``/``end`` (Python string offsets into the article) and
the ``sentence`` it sits in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from frontmap.reading.article import Article

__all__ = ["COLUMNS", "article_rows", "empty_frame", "frame", "plain_columns", "rows_of"]

#: Column -> pandas dtype, in order; then ``geometry`` (points, EPSG:4326).
COLUMNS: dict[str, str] = {
    "source": "string",
    "article": "Int64",
    "chunk": "Int64",
    "published": "string",
    "record": "string",
    "index": "Int64",
    "kind": "string",
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    "sentence": "string",
    "role": "string",
    "evidence": "string",
    "place_id": "string",
    "place_name": "string",
    "place_kind": "string",
    "place_admin1": "string",
    "place_country": "string",
    "anchor_id": "string",
    "anchor_name": "string",
    "value": "Float64",
    "unit": "string",
    "km": "Float64",
    "km2": "Float64",
    "qualifier": "string",
    "direction": "string",
    "bearing": "Float64",
    "change": "string",
    "lon": "Float64",
    "lat": "Float64",
    "data": "string",
}

#: Columns left out of plain tables (CSV): the part of the output a row went to, the JSON of the record.
_NOT_PLAIN = ("chunk", "data")


def plain_columns() -> list[str]:
    """The columns of a plain table (CSV): every column but ``chunk`` and ``data``; ``lon``/``lat`` give
    the point."""
    return [c for c in COLUMNS if c not in _NOT_PLAIN]


def _place_columns(prefix: str, place: dict[str, Any] | None, full: bool) -> dict[str, Any]:
    if not place:
        return {}
    out = {f"{prefix}_id": place.get("id"), f"{prefix}_name": place.get("name")}
    if full:
        out |= {
            f"{prefix}_kind": place.get("kind"),
            f"{prefix}_admin1": place.get("admin1"),
            f"{prefix}_country": place.get("country"),
        }
    return out


def _point(thing: Any) -> Any:
    """A point for a mention's place or a claim (None when it has none)."""
    try:
        if hasattr(thing, "representative_point"):  # a geometry
            return thing.representative_point()
        return thing.point()
    except Exception:  # a claim with no usable place has no point
        return None


def _mention_row(a: Article, i: int, m: Any) -> tuple[dict[str, Any], Any]:
    d = m.to_dict()
    row = {"record": "mention", "index": i, "kind": "place", "text": m.text, "start": m.start, "end": m.end}
    row |= {"sentence": a.sentence_at(m.start), "role": d.get("role"), "evidence": d.get("evidence")}
    row |= _place_columns("place", d.get("place"), full=True)
    row["data"] = json.dumps(d, ensure_ascii=False)
    return row, (_point(m.place.geometry) if m.place is not None else None)


def _claim_row(a: Article, i: int, c: Any) -> tuple[dict[str, Any], Any]:
    d = c.to_dict()
    row = {"record": "claim", "index": i, "kind": d.get("kind"), "text": c.text, "start": c.start}
    row |= {"end": c.end, "sentence": getattr(c, "sentence", "") or a.sentence_at(c.start)}
    about = d.get("subject") or d.get("of")
    if not about and d.get("places"):
        about = d["places"][0]
    row |= _place_columns("place", about if isinstance(about, dict) else None, full=True)
    row |= _place_columns("anchor", d.get("anchor"), full=False)
    for key in ("value", "unit", "km", "km2", "qualifier", "direction", "bearing", "change"):
        row[key] = d.get(key)
    row["data"] = json.dumps(d, ensure_ascii=False)
    return row, _point(c)


def article_rows(a: Article, article: int = 0, chunk: int = 0) -> list[tuple[dict[str, Any], Any]]:
    """``(row, point)`` for every mention, then every claim, of ``a`` (``point`` a shapely Point in
    lon/lat, or None)."""
    head = {
        "source": a.source,
        "article": article,
        "chunk": chunk,
        "published": a.published.isoformat() if a.published else None,
    }
    out = []
    pairs = [_mention_row(a, i, m) for i, m in enumerate(a.mentions)]
    pairs += [_claim_row(a, i, c) for i, c in enumerate(a.claims)]
    for row, point in pairs:
        row = head | row
        if point is not None:
            row["lon"], row["lat"] = round(point.x, 6), round(point.y, 6)
        out.append((row, point))
    return out


def frame(rows: Iterable[tuple[dict[str, Any], Any]]) -> Any:
    """A GeoDataFrame (EPSG:4326) of ``(row, point)`` pairs with exactly :data:`COLUMNS` and their
    dtypes, then ``geometry``; a fresh 0..n-1 index."""
    import geopandas as gpd
    import pandas as pd

    rows = list(rows)
    data = pd.DataFrame([r for r, _ in rows], columns=list(COLUMNS))
    data = data.astype(COLUMNS)
    return gpd.GeoDataFrame(data, geometry=[p for _, p in rows], crs="EPSG:4326")


def empty_frame() -> Any:
    """The table with no rows: the schema (``meta``) of every part."""
    return frame([])


def rows_of(articles: Sequence[tuple[int, Article]], chunk: int) -> list[tuple[dict[str, Any], Any]]:
    """The rows of ``(article number, article)`` pairs read in chunk ``chunk``."""
    return [r for n, a in articles for r in article_rows(a, n, chunk)]
