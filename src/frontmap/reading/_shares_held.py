"""Who holds the ground a share is of (used by :mod:`~frontmap.reading.claimshares`): the side a
control map of occupied ground shows, unless the sentence says Ukraine holds it.

>>> bool(_UKRAINE_SUBJECT.search("the Ukrainian army now ")), bool(_UKRAINE_SUBJECT.search("Russia "))
(True, False)
"""

from __future__ import annotations

import re

from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import Context, sentence_bounds

__all__ = ["whose"]

#: Who holds the ground a share is of, when the sentence says it is Ukraine -- the side a control map of
#: occupied ground does not show: the subject of the last verb of holding before the share ("the Ukrainian
#: army now controls less than a third"), "Kyiv-held" before it ...
_UKRAINE_SUBJECT = re.compile(
    r"\b(?:Ukraine|Ukrainians|Kyiv|Kiev|Ukrainian\s+(?:forces|troops|army|military|units|defenders))"
    r"(?:['’]s\s+(?:forces|troops|army))?\s+(?:(?:still|now|only|just|currently|has|have|had)\s+)?$",
    re.IGNORECASE,
)
_UKRAINE_HELD = re.compile(r"\b(?:Kyiv|Kiev|Ukrainian|Ukraine)[-\s](?:held|controlled)\b", re.IGNORECASE)
#: ... or "remains under Ukrainian control" right after it.
_UNDER_UKRAINE = re.compile(
    r"\s*(?:is|are|was|were|remains?|remained|stays?)\s+(?:still\s+)?"
    r"(?:under\s+(?:Ukrainian|Ukraine['’]s|Kyiv['’]s|Kiev['’]s)\s+control|in\s+Ukrainian\s+hands)\b",
    re.IGNORECASE,
)
_WHOSE_BEFORE = 80  # characters before a share (in its sentence) where its holder is looked for


def whose(ctx: Context, start: int, end: int, change: str | None) -> str | None:
    """``held_by_ukraine`` for a share held (``change``) that the sentence says Ukraine holds; else
    ``change`` (Russia, or no one named: the side the control maps show)."""
    if change != "held":
        return change
    text = ctx.text
    if _UNDER_UKRAINE.match(text, end):
        return "held_by_ukraine"
    a = max(sentence_bounds(ctx, start)[0], start - _WHOSE_BEFORE)
    verbs = list(P.HELD.finditer(text, a, start))
    last = verbs[-1] if verbs else None
    if last is not None and _UKRAINE_SUBJECT.search(text, max(a, last.start() - 40), last.start()):
        return "held_by_ukraine"
    adjectives = list(_UKRAINE_HELD.finditer(text, a, start))
    ukrainian = bool(adjectives) and (last is None or adjectives[-1].start() > last.start())
    return "held_by_ukraine" if ukrainian else change
