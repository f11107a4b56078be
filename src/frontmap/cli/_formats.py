"""Tables out: CSV and JSON Lines, and verdicts flattened into CSV rows.

``jsonl`` is the items of ``--format json`` one per line (articles for ``extract``, verdicts for
``check``); ``csv`` is flat rows with one header line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from frontmap.corpus.texts import csv_lines, json_line

__all__ = ["VERDICT_COLUMNS", "csv_header", "csv_text", "jsonl_text", "verdict_columns", "verdict_row"]

#: The first columns of a verdict row, in order; the claim's fields follow as ``claim_*``, the other
#: claim's (of a consistency check) as ``other_*``.
VERDICT_COLUMNS = (
    "status", "check", "source", "stated", "measured", "unit", "ratio", "tolerance", "explanation",
)  # fmt: skip


def csv_text(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """CSV with a header: ``columns``, or every key in order of first appearance."""
    rows = list(rows)
    if columns is None:
        columns = list(dict.fromkeys(k for r in rows for k in r))
    return csv_header(columns) + csv_lines(rows, columns)


def csv_header(columns: Sequence[str]) -> str:
    """The header line of a CSV table."""
    return csv_lines([{c: c for c in columns}], columns)


def jsonl_text(items: Iterable[Any]) -> str:
    """One compact JSON document per line."""
    return "".join(json_line(x) for x in items)


def _is_place(d: Any) -> bool:
    return isinstance(d, dict) and {"id", "name", "kind"} <= set(d)


def _flat(prefix: str, value: Any, out: dict[str, Any]) -> None:
    """``value`` under ``prefix``: a place as its name (and ``_id``), a list of places as names joined by
    '; ', another mapping field by field, a list as JSON."""
    if _is_place(value):
        out[prefix] = value["name"]
        out[f"{prefix}_id"] = value["id"]
    elif isinstance(value, dict):
        for k, v in value.items():
            _flat(f"{prefix}_{k}", v, out)
    elif isinstance(value, list | tuple) and value and all(_is_place(v) for v in value):
        out[prefix] = "; ".join(v["name"] for v in value)
    else:
        out[prefix] = value


def verdict_row(d: dict[str, Any]) -> dict[str, Any]:
    """A verdict (``Verdict.to_dict()``) as one flat row: its own fields (a nested one as JSON), the
    claim's source, then ``claim_*`` and ``other_*`` fields (places by name and id, a conversion as
    ``claim_converted_value`` and ``_unit``)."""
    row: dict[str, Any] = {c: None for c in VERDICT_COLUMNS}
    for key, value in d.items():
        if key in ("claim", "other"):
            if value:
                _flat(key, value, row)
        else:
            row[key] = value
    row["source"] = row.pop("claim_source", None)
    return row


def verdict_columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The columns of verdict rows: :data:`VERDICT_COLUMNS`, the verdicts' other fields, then the
    claim's and the other claim's; a column is left out when it is always empty and stands for
    fields flattened under its name (``claim_converted`` when ``claim_converted_value`` exists)."""
    seen = list(dict.fromkeys(k for r in rows for k in r))
    parents = {c for c in seen if any(o.startswith(c + "_") for o in seen)}
    empty = {c for c in parents if all(r.get(c) in (None, "", [], {}) for r in rows)}
    rest = [c for c in seen if c not in VERDICT_COLUMNS and c not in empty]

    def group(c: str) -> int:
        return 2 if c.startswith("other_") else 1 if c.startswith("claim_") else 0

    return list(VERDICT_COLUMNS) + sorted(rest, key=group)
