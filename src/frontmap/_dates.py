"""Dates, one way for every stage: a value a user, a file or a text gives becomes a :class:`datetime.date`.

:func:`to_date` is lenient (None when there is no date), :func:`require_date` is strict (an
:class:`~frontmap.errors.InputError` naming the value), :func:`date_from_name` reads a file name.

>>> to_date("2022-09-06 22:05 UTC"), to_date("deepstate_20220912"), to_date("no date")
(datetime.date(2022, 9, 6), datetime.date(2022, 9, 12), None)
>>> date_from_name("1662501910.geojson")
datetime.date(2022, 9, 6)
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

from frontmap.errors import InputError

__all__ = ["date_from_name", "require_date", "to_date"]

_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(\d\d)\2(\d\d)(?!\d)")
_UNIX_STEM = re.compile(r"^\d{9,10}$")
_SCAN = 200  # characters of a string searched for a date


def to_date(value: Any) -> _dt.date | None:
    """A :class:`datetime.date` from a date, datetime, pandas Timestamp or a string holding
    ``YYYY-MM-DD`` (also ``YYYYMMDD``, ``YYYY_MM_DD``); None when there is none (None, NaN, NaT too)."""
    if value is None or (not isinstance(value, str) and value != value):  # None, NaN, NaT
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    to_pydatetime = getattr(value, "to_pydatetime", None)  # pandas Timestamp
    if to_pydatetime is not None:
        try:
            return to_pydatetime().date()
        except (ValueError, TypeError):  # NaT
            return None
    if not isinstance(value, str):
        return None
    for m in _ISO_DATE.finditer(value[:_SCAN]):
        try:
            return _dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
    return None


def require_date(value: Any, what: str = "date") -> _dt.date | None:
    """:func:`to_date`, but a value that holds no date is an :class:`InputError` naming ``what``;
    None and "" stay None (no date given).

    >>> require_date("2022-09-10", "published")
    datetime.date(2022, 9, 10)
    >>> require_date("yesterday", "published")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    frontmap.errors.InputError: cannot read published 'yesterday': it is not a date; give ...
    """
    if value is None or value == "":
        return None
    found = to_date(value)
    if found is None:
        raise InputError(
            f"cannot read {what} {value!r}: it is not a date; give a datetime.date or 'YYYY-MM-DD'"
        )
    return found


def date_from_name(name: str) -> _dt.date | None:
    """The date in a file name: ``deepstate_2022-09-06.geojson`` → 2022-09-06.  A stem made only of
    9–10 digits is read as a Unix timestamp (UTC), the naming used by DeepStateMap's archives.

    >>> date_from_name("/data/deepstate_2022-09-06.geojson")
    datetime.date(2022, 9, 6)
    """
    stem = Path(name).name.split(".")[0]
    found = to_date(stem)
    if found is not None:
        return found
    if _UNIX_STEM.match(stem):
        when = _dt.datetime.fromtimestamp(int(stem), tz=_dt.UTC)
        if 2000 <= when.year <= 2100:
            return when.date()
    return None
