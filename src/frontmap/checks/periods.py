"""The period a claim about ground that changed hands speaks of, read from its sentence.

"since the beginning of the month", "between 8 and 11 September", "within four days", "since the
counteroffensive began", "since 6 September", "last week": each names the start (and sometimes the end)
of the period over which the ground changed hands; the article's date is the end unless the text gives
one.  When the sentence states no period, :func:`claim_period` returns the default window
(``DEFAULT_WINDOW_DAYS`` before the article's date) marked ``stated=False``.

The phrases are tables (:data:`PHRASES`, :data:`CAMPAIGNS`, :data:`NUMBER_WORDS`); the engine only tries
them in order.  Nothing here raises on text: a sentence it cannot read gives the default window.

>>> import datetime as dt
>>> p = claim_period("Between 8 and 11 September the army retook 3,000 km².", dt.date(2022, 9, 20))
>>> p.start.isoformat(), p.end.isoformat(), p.stated
('2022-09-08', '2022-09-11', True)
>>> p = claim_period("It took 400 km² within four days.", dt.date(2022, 9, 10))
>>> p.start.isoformat(), p.end.isoformat()
('2022-09-06', '2022-09-10')
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["CAMPAIGNS", "DEFAULT_WINDOW_DAYS", "PHRASES", "Period", "claim_period", "gap_words"]

#: Days before the article's date a change is measured from when the text states no period.
DEFAULT_WINDOW_DAYS = 7

_MONTHS = (
    {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
    | {"sept": 9}
)
_MONTH = r"(?P<{0}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

#: Numbers written in words, for "within four days", "in the past two weeks".
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
                "twenty": 20, "thirty": 30, "few": 3, "several": 5, "24": 1, "48": 2, "72": 3}  # fmt: skip
_UNIT_DAYS = {"day": 1, "days": 1, "hours": 1 / 24, "week": 7, "weeks": 7, "month": 30, "months": 30}

#: Campaigns a text may date a period by ("since the counteroffensive began"): (words, start, region
#: words that pick it when several share the words, last date it is the one meant).
CAMPAIGNS: tuple[tuple[str, _dt.date, tuple[str, ...], _dt.date], ...] = (
    ("invasion|full-scale war|war began|start of the war|beginning of the war", _dt.date(2022, 2, 24), (),
     _dt.date(2100, 1, 1)),
    ("counteroffensive|counter-offensive", _dt.date(2022, 8, 29), ("kherson",), _dt.date(2022, 12, 31)),
    ("counteroffensive|counter-offensive", _dt.date(2022, 9, 6), ("kharkiv", "izium", "balakliia",
                                                                  "kupiansk"), _dt.date(2022, 12, 31)),
    ("counteroffensive|counter-offensive", _dt.date(2023, 6, 4), ("zaporizhzhia", "bakhmut"),
     _dt.date(2023, 12, 31)),
    ("incursion|offensive into kursk|kursk operation", _dt.date(2024, 8, 6), ("kursk",),
     _dt.date(2025, 4, 30)),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Period:
    """A period of change: ``start``…``end`` (dates), the ``text`` that stated it ("" when not stated),
    ``stated`` False when it is the default window before the article's date."""

    start: _dt.date
    end: _dt.date
    text: str = ""
    stated: bool = True

    def describe(self) -> str:
        """A few words: "from 2022-09-06 to 2022-09-12 ('between 6 and 12 September')"."""
        said = f" ('{self.text}')" if self.text else " (no period stated: the week before the article)"
        return f"from {self.start} to {self.end}{said}"


def gap_words(days: int) -> str:
    """How far a map is from a claim's date: "of the claim's date", "3 days after the claim's date".

    >>> gap_words(0), gap_words(-1), gap_words(49)
    ("of the claim's date", "1 day before the claim's date", "49 days after the claim's date")
    """
    if days == 0:
        return "of the claim's date"
    side = "after" if days > 0 else "before"
    return f"{abs(days)} day{'s' if abs(days) != 1 else ''} {side} the claim's date"


def _year_of(month: int, day: int, ref: _dt.date) -> _dt.date | None:
    """The date ``day month`` nearest before (or on) ``ref``, within a year."""
    for year in (ref.year, ref.year - 1):
        try:
            d = _dt.date(year, month, day)
        except ValueError:
            return None
        if d <= ref + _dt.timedelta(days=1):
            return d
    return None


def _between(m: re.Match[str], ref: _dt.date, _: str) -> tuple[_dt.date, _dt.date] | None:
    m1 = _MONTHS[(m["m1"] or m["m2"]).lower()]
    m2 = _MONTHS[m["m2"].lower()]
    end = _year_of(m2, int(m["d2"]), ref)
    start = _year_of(m1, int(m["d1"]), end or ref)
    return (start, end) if start and end and start <= end else None


def _between_us(m: re.Match[str], ref: _dt.date, _: str) -> tuple[_dt.date, _dt.date] | None:
    m1 = _MONTHS[m["m1"].lower()]
    m2 = _MONTHS[(m["m2"] or m["m1"]).lower()]
    end = _year_of(m2, int(m["d2"]), ref)
    start = _year_of(m1, int(m["d1"]), end or ref)
    return (start, end) if start and end and start <= end else None


def _since_day(m: re.Match[str], ref: _dt.date, _: str) -> tuple[_dt.date, _dt.date] | None:
    start = _year_of(_MONTHS[m["m1"].lower()], int(m["d1"]), ref)
    return (start, ref) if start else None


def _since_month(m: re.Match[str], ref: _dt.date, _: str) -> tuple[_dt.date, _dt.date] | None:
    month = _MONTHS[m["m1"].lower()] if m["m1"] else ref.month
    start = _year_of(month, 1, ref)
    return (start, ref) if start else None


def _since_month_end(m: re.Match[str], ref: _dt.date, _: str) -> tuple[_dt.date, _dt.date] | None:
    month = _MONTHS[m["m1"].lower()] if m["m1"] else (ref.month - 2) % 12 + 1
    first = _year_of(month, 1, ref)
    if first is None:
        return None
    return first.replace(day=calendar.monthrange(first.year, month)[1]), ref


def _last_n(m: re.Match[str], ref: _dt.date, _: str) -> tuple[_dt.date, _dt.date] | None:
    n = m["n"].lower()
    count = float(n) if n.isdigit() else NUMBER_WORDS.get(n, 0)
    days = count * _UNIT_DAYS[m["unit"].lower()]
    if not 0 < days <= 366:
        return None
    return ref - _dt.timedelta(days=max(1, round(days))), ref


def _last_week(m: re.Match[str], ref: _dt.date, _: str) -> tuple[_dt.date, _dt.date] | None:
    return ref - _dt.timedelta(days=7 if m["unit"].lower() == "week" else 30), ref


def _campaign(m: re.Match[str], ref: _dt.date, context: str) -> tuple[_dt.date, _dt.date] | None:
    said, low = m.group(0).lower(), context.lower()
    found = [c for c in CAMPAIGNS if re.search(c[0], said) and c[1] <= ref <= c[3]]
    if not found:
        return None
    named = [c for c in found if any(w in low for w in c[2])]
    start = max(c[1] for c in (named or found))
    return start, ref


_D = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_N = r"(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")"

#: The period phrases, most specific first: (compiled pattern, how a match becomes (start, end)).
PHRASES: tuple[tuple[re.Pattern[str], Callable[..., tuple[_dt.date, _dt.date] | None]], ...] = (
    (re.compile(rf"\b(?:between|from)\s+{_D.format('d1')}(?:\s+{_MONTH.format('m1')})?\s+(?:and|to|-|–)\s+"
                rf"{_D.format('d2')}\s+{_MONTH.format('m2')}", re.I), _between),
    (re.compile(rf"\b(?:between|from)\s+{_MONTH.format('m1')}\s+{_D.format('d1')}\s+(?:and|to|-|–)\s+"
                rf"(?:{_MONTH.format('m2')}\s+)?{_D.format('d2')}\b", re.I), _between_us),
    (re.compile(rf"\b(?:since|from|after)\s+(?:the\s+)?{_D.format('d1')}\s+(?:of\s+)?{_MONTH.format('m1')}",
                re.I), _since_day),
    (re.compile(rf"\b(?:since|from|after)\s+{_MONTH.format('m1')}\s+{_D.format('d1')}\b", re.I), _since_day),
    (re.compile(r"\b(?:began|started|launched|begun)\s+(?:on\s+)?" + _D.format("d1") + r"\s+"
                + _MONTH.format("m1"), re.I), _since_day),
    (re.compile(r"\b(?:began|started|launched|begun)\s+(?:on\s+)?" + _MONTH.format("m1") + r"\s+"
                + _D.format("d1") + r"\b", re.I), _since_day),
    (re.compile(rf"\bsince\s+(?:the\s+)?(?:beginning|start|outset|early\s+part)\s+of\s+(?:the\s+month|"
                rf"this\s+month|{_MONTH.format('m1')})", re.I), _since_month),
    (re.compile(rf"\bsince\s+(?:early|the\s+first\s+days\s+of)\s+(?:{_MONTH.format('m1')}|this\s+month)",
                re.I),
     _since_month),
    (re.compile(rf"\bsince\s+(?:the\s+end\s+of|late)\s+(?:{_MONTH.format('m1')}|last\s+month)", re.I),
     _since_month_end),
    (re.compile(rf"\b(?:within|in|over|during)\s+(?:just\s+|only\s+)?(?:the\s+)?(?:past\s+|last\s+)?{_N}\s+"
                r"(?P<unit>days?|weeks?|months?|hours)\b", re.I), _last_n),
    (re.compile(r"\b(?:in\s+the\s+(?:past|last)|over\s+the\s+(?:past|last)|last|this\s+past)\s+"
                r"(?P<unit>week|month)\b", re.I), _last_week),
    (re.compile(r"\bsince\s+(?:the\s+)?(?:start\s+of\s+(?:the\s+|its\s+|their\s+)?|beginning\s+of\s+(?:the\s+)?"
                r"|launch\s+of\s+(?:the\s+)?)?(?:\w+\s+){0,3}?(?:counter-?offensive|invasion|full-scale\s+war|"
                r"war\s+began|start\s+of\s+the\s+war|beginning\s+of\s+the\s+war|incursion)"
                r"(?:\s+(?:began|started|was\s+launched))?", re.I), _campaign),
)  # fmt: skip


def claim_period(
    sentence: str, published: _dt.date, context: str = "", since: _dt.date | None = None
) -> Period:
    """The period a change stated in ``sentence`` covers, for an article dated ``published``.

    ``context`` (the article's text) picks among campaigns ("the counteroffensive" in an article about
    Kharkiv Oblast in September 2022 began on 6 September); ``since`` is a start date the reader already
    found.  The first phrase of :data:`PHRASES` that reads gives the period; else ``since`` to
    ``published``; else the ``DEFAULT_WINDOW_DAYS`` before ``published`` (``stated=False``).
    """
    text = sentence[:2000]
    for pattern, to_dates in PHRASES:
        for m in pattern.finditer(text):
            got = to_dates(m, published, context[:20000] or text)
            if got is not None and got[0] < got[1] <= published + _dt.timedelta(days=1):
                return Period(got[0], got[1], " ".join(m.group(0).split()))
    if since is not None and since < published:
        return Period(since, published, f"since {since}")
    return Period(published - _dt.timedelta(days=DEFAULT_WINDOW_DAYS), published, "", stated=False)
