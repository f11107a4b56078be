"""Text forms of records, made where the reading runs (a Dask worker sends text, not objects): JSON
(indented or one line), CSV lines, GeoJSON features.

>>> csv_lines([{"a": 1, "b": None}, {"a": [2, 3]}], ["a", "b"])
'1,\\n"[2, 3]",\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["cell", "csv_lines", "indented", "json_line"]


def cell(v: Any) -> Any:
    """A CSV cell: empty for None and empty lists, JSON for lists and mappings."""
    if v is None or (isinstance(v, list | tuple | dict) and not v):
        return ""
    if isinstance(v, list | tuple | dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def csv_lines(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    """``rows`` as CSV lines (no header), the cells of ``columns`` in order."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for r in rows:
        writer.writerow([cell(r.get(c)) for c in columns])
    return buf.getvalue()


def json_line(x: Any) -> str:
    """One compact JSON document and a newline (JSON Lines)."""
    return json.dumps(x, ensure_ascii=False) + "\n"


def indented(x: Any) -> str:
    """JSON indented by one space per level, as ``json.dumps(..., indent=1)``."""
    return json.dumps(x, ensure_ascii=False, indent=1)
