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
from json.encoder import encode_basestring  # the C version where there is one, as json.dumps uses
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


def indented(x: Any, level: int = 0) -> str:
    """JSON indented by one space per level: the text of ``json.dumps(x, ensure_ascii=False, indent=1)``,
    made about five times faster (the standard library falls back to pure Python when it indents, and the
    records of a year of news are gigabytes of it).  ``level`` spaces more on every line but the first
    make it the text of a value that deep in a document (an article in the list ``frontmap extract``
    writes), with no second pass over it.

    >>> doc = {"a": [1, 2.5, None, True], "b": {}, "c": [], "d": {"e": "x\\"y"}}
    >>> indented(doc) == json.dumps(doc, ensure_ascii=False, indent=1)
    True
    >>> indented(doc, level=1) == json.dumps([doc], ensure_ascii=False, indent=1)[3:-2]
    True
    """
    out: list[str] = []
    newline = "\n" + " " * level
    try:
        _indent(x, out, newline)
    except _Unusual:  # keys that are not strings, objects json must convert: its own rules apply
        return json.dumps(x, ensure_ascii=False, indent=1).replace("\n", newline)
    return "".join(out)


class _Unusual(Exception):
    """A value the fast path leaves to :func:`json.dumps`."""


#: JSON for the constants and the floats json.dumps writes with names (allow_nan, its default).
_CONSTANTS: dict[Any, str] = {None: "null", True: "true", False: "false"}
_NAMED_FLOATS = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def _indent(x: Any, out: list[str], newline: str) -> None:
    """Append the JSON of ``x`` to ``out``; ``newline`` is a newline and the indentation of ``x``."""
    if isinstance(x, str):
        out.append(encode_basestring(x))
    elif x is None or x is True or x is False:
        out.append(_CONSTANTS[x])
    elif isinstance(x, int):
        out.append(int.__repr__(x))
    elif isinstance(x, float):
        r = float.__repr__(x)
        out.append(_NAMED_FLOATS.get(r, r))
    elif isinstance(x, dict):
        if not x:
            out.append("{}")
            return
        inner = newline + " "
        opening = "{" + inner
        for k, v in x.items():
            if not isinstance(k, str):
                raise _Unusual
            out.append(opening + encode_basestring(k) + ": ")
            _indent(v, out, inner)
            opening = "," + inner
        out.append(newline + "}")
    elif isinstance(x, list | tuple):
        if not x:
            out.append("[]")
            return
        inner = newline + " "
        opening = "[" + inner
        for v in x:
            out.append(opening)
            _indent(v, out, inner)
            opening = "," + inner
        out.append(newline + "]")
    else:
        raise _Unusual
