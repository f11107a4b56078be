"""Shares of a whole split by where its parts lie (used by :mod:`~frontmap.reading.claimshares`).

"Some 600 km² are under water, of which 32% is on the right bank and 68% on the left bank", "The delta
covers 4,180 km², of which 82% lies in Romania and the other 18% in Ukraine", "Of the whole flooded
area, 68% was on the east bank": a percentage after a whole ("of which", or a sentence opening "Of the
..."), said to lie in a place the text names or on a bank or side, and the percentages joined to it.
The share is of the whole the words name (``of_text``; no gazetteer place), and its ``change`` is what
the whole's clause says its ground is, when that is no control ("under water": flooded): a part of a
flooded area is flooded ground; a part of ground held is left unread (is it of the held ground or of
the region?).

>>> [bool(_SIDE.match(w)) for w in ("right bank", "west", "south-eastern shore", "poor condition")]
[True, True, True, False]
"""

from __future__ import annotations

import re

from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import Context, sentence_bounds
from frontmap.reading._shares_held import SHARE_JOIN, figure_share
from frontmap.reading.claims import ShareClaim
from frontmap.reading.lexicon import GROUND_STATES

__all__ = ["part_share"]

#: ", of which 32 percent", ", of which the other 18%": a whole before the percentage ...
_OF_WHICH = re.compile(r",\s*of\s+which\s+(?:the\s+(?:other|remaining)\s+)?$", re.IGNORECASE)
#: ... or "Of the whole flooded area, 68% ...", opening the sentence.
_OF_THE = re.compile(r"\s*[Oo]f\s+(?P<whole>(?:the|this|that|its)\s+[^,;.()]{2,60}?),\s+$")
#: Where a part is said to lie: "is on", "lies in", "is located in", "in", "is the" ... (who holds it may
#: come before a side: "on the [Russian-controlled] left bank", "on the Kyiv-held right bank")
_WHERE = re.compile(
    r"\s+(?:(?:is|was|are|were|lies|lie|lay)\s+)?(?:(?:located|situated)\s+)?(?:(?:in|on)\s+)?(?:the\s+)?"
    r"(?:\[[^\]]{1,30}\]\s*|[\w'’]+-(?:held|controlled|occupied)\s+)?",
    re.IGNORECASE,
)
#: ... then a bank or a side ("the right bank", "the west"), or a place the text names.
_SIDE = re.compile(
    r"(?:right|left|" + P.WIND + r"(?:ern)?)(?:\s+(?:bank|side|shore|coast))?\b",
    re.IGNORECASE,
)
#: What the whole's clause says its ground is (``lexicon.GROUND_STATES``), as an alternation.
_STATE = re.compile(r"\b(?:" + P.STATES + r")\b", re.IGNORECASE)
_CONTROL = frozenset({"held", "captured", "regained"})
_WHOLE_CHARS = 60  # the most of a whole's clause kept as what a share is of


def part_share(ctx: Context, m: re.Match, prev: ShareClaim | None) -> ShareClaim | None:
    """The part of a whole that the bare percentage ``m`` states, said to lie somewhere (see the module),
    or None; ``prev``: the part found just before, which a percentage joined to it continues."""
    text = ctx.text
    if not _lies_somewhere(ctx, m.end("frac")):
        return None
    s, _ = sentence_bounds(ctx, m.start())
    lo = max(s, m.start() - 200)
    if prev is not None and prev.end >= lo and _joined(text, prev.end, m.start()):
        return figure_share(ctx, m, None, prev.of_text, prev.change)  # "and 68 percent on the left bank"
    which = _OF_WHICH.search(text, lo, m.start())
    the = None if which else _OF_THE.fullmatch(text, s, m.start())
    if which is not None:
        clause, of_text = text[s : which.start()], ""
    elif the is not None:
        clause = of_text = the.group("whole")
    else:
        return None
    state = _STATE.search(clause)
    change = GROUND_STATES[" ".join(state.group().lower().split())] if state else None
    if change in _CONTROL or _HELD_OR_SHARE.search(clause):
        return None  # "Russia holds 18% of Ukraine, of which 7% in Crimea": of which whole?
    return figure_share(ctx, m, None, of_text or _whole(clause), change)


#: A whole that is ground held, or itself a share: the part's whole is unclear.
_HELD_OR_SHARE = re.compile(
    r"%|\bper\s?cent\b|" + P.HELD.pattern + "|" + P.CAPTURED.pattern + "|" + P.REGAINED.pattern, re.IGNORECASE
)


def _joined(text: str, a: int, b: int) -> bool:
    """Does the text between a part (ending at ``a``) and a percentage at ``b`` only say where the part
    lies and join the next (:data:`~frontmap.reading._shares_held.SHARE_JOIN`): " is located in Romania and
    the other ", " on the right bank and "?"""
    between = text[a:b]
    return (
        len(between) <= 80 and not any(c in between for c in ".;%") and SHARE_JOIN.search(between) is not None
    )


def _lies_somewhere(ctx: Context, pos: int) -> bool:
    """Do the words at ``pos`` say a part lies on a bank or side, or in a place the text names?"""
    where = _WHERE.match(ctx.text, pos)
    if where is None or where.end() == pos:
        return False
    named = ctx.mention_at(where.end())
    return (named is not None and named.place is not None) or _SIDE.match(ctx.text, where.end()) is not None


def _whole(clause: str) -> str:
    """What a share after ", of which" is of: the area the clause states ("600 sq km"), else its last
    words."""
    areas = [a for a in P.QTY.finditer(clause) if a.group("area")]
    if areas:
        return areas[-1].group()
    words = clause.strip()
    return words if len(words) <= _WHOLE_CHARS else words[-_WHOLE_CHARS:].split(" ", 1)[-1]
