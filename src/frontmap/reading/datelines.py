"""The date an article gives itself, from its first lines (used by :func:`frontmap.read`).

News text carries its date in a few places: a ``Published: 2023-03-03`` line, a dateline before the
first sentence ("KYIV, Nov. 11, 2022 —"), or a byline line of its own ("August 15, 2024",
"Published 10:42 GMT, 3 March 2023", "By A. Writer | Updated Nov 3, 2023").  A short pattern only
*locates* a candidate date in those places; dateparser, a well-kept parser, reads it.  A date inside a
sentence of the story ("On August 15, 2024, troops ...") is not the article's date.

>>> dateline("KYIV, Nov. 11, 2022 — Ukrainian forces entered the city.")
datetime.date(2022, 11, 11)
>>> dateline("Published 10:42 GMT, 3 March 2023\\nShelling went on.")
datetime.date(2023, 3, 3)
>>> dateline("On August 15, 2024, troops crossed the border.") is None
True
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["dateline"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
#: Where a date may be: day month year, month day year, or ISO (a locator; dateparser reads it).
_CANDIDATE = re.compile(
    rf"\b(?:{_DAY}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_DAY},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
#: A dateline: the place in capitals (and perhaps its country) before the date, a dash after it.
_DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Z .'’-]+,\s*(?:[A-Z][a-z]+,\s*)?$")
_DATELINE_AFTER = re.compile(r"\s*(?:\(\w+\)\s*)?(?:—|–|--|-|:)")
_KEYWORD = re.compile(r"\b(?:published|updated|posted|dated?|first\s+published)\b", re.IGNORECASE)
_LINES = 5  # the first lines that may carry the date
_SHORT_LINE = 100  # a line this short with a date in it, not a sentence, is a date or byline line
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}


def dateline(text: str) -> _dt.date | None:
    """The article's own date, from its first lines (see the module docstring), or None."""
    if not isinstance(text, str):
        return None
    lines = [line for line in text[:3000].splitlines() if line.strip()][:_LINES]
    for line in lines:
        for m in _CANDIDATE.finditer(line):
            if _placed(line, m):
                date = _parse(m.group())
                if date is not None:
                    return date
    return None


def _placed(line: str, m: re.Match) -> bool:
    """Whether the date at ``m`` is where an article's own date goes."""
    if _KEYWORD.search(line, 0, m.start()):
        return True
    if len(line.strip()) <= _SHORT_LINE and not line.rstrip().endswith((".", "!", "?", '"', "”")):
        return True  # a line of its own, not a sentence of the story
    return bool(_DATELINE_BEFORE.match(line[: m.start()]) and _DATELINE_AFTER.match(line, m.end()))


def _parse(written: str) -> _dt.date | None:
    try:
        import dateparser  # imported only when a candidate is found: reading plain text stays fast
    except ImportError:  # pragma: no cover - a dependency of frontmap
        return None
    try:
        parsed = dateparser.parse(written, languages=["en"], settings=_SETTINGS)
    except Exception:  # dateparser's own errors on odd input: no date rather than a crash
        return None
    return parsed.date() if parsed is not None else None
