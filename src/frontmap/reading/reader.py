"""Reading articles: text in, :class:`~frontmap.reading.article.Article` out.

>>> import frontmap as fm
>>> art = fm.read("Balakliia lies 74 km (46 miles) southeast of Kharkiv.")
>>> [m.text for m in art.mentions]
['Balakliia', 'Kharkiv']
>>> c = art.claims[0]
>>> (c.kind, c.value, c.unit, c.direction, c.anchor.name, c.subject.name)
('distance', 74.0, 'km', 'SE', 'Kharkiv', 'Balakliia')

Reading never raises on odd text: empty, binary or enormous input gives an article with what could be
found (often nothing).  Work is linear in the length of the text.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from frontmap._dates import require_date
from frontmap._io import decode_text
from frontmap.errors import InputError
from frontmap.gazetteer.lookup import Gazetteer
from frontmap.reading._gzcache import CachedGazetteer
from frontmap.reading.article import Article
from frontmap.reading.claimtext import find_claims
from frontmap.reading.datelines import dateline
from frontmap.reading.events import find_control_events
from frontmap.reading.mentions import find_mentions

__all__ = ["read", "read_many"]

_DATE_LINE = re.compile(
    r"^(?:published|date|updated)\s*:\s*(\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE | re.MULTILINE
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: A tag starts with a name, "/", "!" or "?" right after "<" ("< 5 km ... >" in prose is no tag) and
#: never runs across a blank line (so "<b" in one paragraph and ">" in the next hide nothing).
_HTML_TAG = re.compile(r"<[A-Za-z/!?](?:[^<>\n]|\n(?![ \t\r]*\n)){0,500}>")


def _as_text(text: Any) -> str:
    if text is None:
        return ""
    if isinstance(text, bytes | bytearray | memoryview):
        try:  # UTF-8, or UTF-16/32 with a byte-order mark
            return decode_text(bytes(text))
        except InputError:  # text never raises: undecodable bytes read with replacement characters
            return bytes(text).decode("utf-8", errors="replace")
    if not isinstance(text, str):
        return str(text)
    return text


def _clean(text: str) -> str:
    """Text with control characters and HTML tags blanked out, offsets unchanged."""
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    if "<" in text:
        text = _HTML_TAG.sub(lambda m: " " * len(m.group()), text)
    return text


def read(text: Any, source: str | None = None, published: Any = None, gazetteer: Any = None) -> Article:
    """Read an article: the places it mentions and the spatial claims it makes.

    Parameters
    ----------
    text : str
        The article text (bytes are decoded as UTF-8; None reads as empty).
    source : str, optional
        Where the text came from (a file name or URL), kept on every record.
    published : datetime.date or str, optional
        Publication date ('YYYY-MM-DD'); if absent, the text's own date is used: a line
        ``Published: YYYY-MM-DD``, a dateline ("KYIV, Nov. 11, 2022 —") or a date line near the top
        ("Published 10:42 GMT, 3 March 2023"; see :mod:`~frontmap.reading.datelines`).  Control events
        and claims are dated by it.
    gazetteer : frontmap.Gazetteer, optional
        Defaults to the bundled offline gazetteer.

    Returns
    -------
    Article
        ``mentions`` and ``claims`` carry offsets into ``text`` (``text[m.start:m.end] == m.text``).

    Raises
    ------
    InputError
        Only for an unusable ``published`` value; odd text never raises.
    """
    raw = _as_text(text)
    date = require_date(published, "published")
    if date is None:
        m = _DATE_LINE.search(raw[:2000])
        if m:
            try:
                date = _dt.date.fromisoformat(m.group(1))
            except ValueError:
                date = None
    if date is None:  # "KYIV, Nov. 11, 2022 —", "Published 10:42 GMT, 3 March 2023"
        date = dateline(raw)
    if gazetteer is None:
        gazetteer = Gazetteer()
    gazetteer = CachedGazetteer(gazetteer)  # its answers remembered (for the bundled one, across reads)
    work = _clean(raw)
    mentions = find_mentions(work, gazetteer, source)
    mentions = [_retext(raw, m) for m in mentions]
    events = _events(work, mentions, date, source)
    claims = find_claims(work, mentions, gazetteer, source, date, events)
    claims = [_retext(raw, c) for c in claims]
    return Article(raw, source, date, tuple(mentions), tuple(claims), tuple(events))


def _retext(raw: str, record):
    """Records quote the original text (cleaning only blanks characters, so offsets agree)."""
    original = raw[record.start : record.end]
    if original == record.text:
        return record
    return dataclasses.replace(record, text=original)


def _events(text, mentions, date, source) -> list:
    return list(find_control_events(text, mentions, published=date, source=source))


def read_many(paths: Iterable[str | os.PathLike[str]], gazetteer: Any = None) -> list[Article]:
    """Read many text files, in order, one :class:`Article` each (``source`` is the path).

    Raises
    ------
    InputError
        Naming the file, when one cannot be read (missing, a directory, not a file) or is not text
        (UTF-8, or UTF-16/32 with a byte-order mark).
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    out = []
    for p in paths:
        path = Path(p)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {str(p)!r}: {exc.strerror or exc}") from None
        out.append(read(decode_text(data, str(p)), source=str(p), gazetteer=gazetteer))
    return out
