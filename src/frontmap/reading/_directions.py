"""Regions named as a direction or a boundary: "pushing toward the Dnipropetrovsk region", "opens the
way to the Luhansk region", "the Donetsk-Dnipropetrovsk Oblast border", "toward the Luhansk and
Donetsk regions", the end of a route ("the railway from Zaporizhzhia through Melitopol to the Crimea").
The places of such a sentence are not said to lie in that region, so homonyms
(:mod:`~frontmap.reading.homonyms`) do not count it as their context.  ("Crossed into the X region" is no
direction: the places named with it lie there.)

>>> text = "Troops advanced on Udachne, toward the Dnipropetrovsk region."
>>> named_as_direction(text, text.index("Dnipropetrovsk"), text.index(" region"))
True
>>> text = "The railway runs from Zaporizhzhia through Vasylivka to the Crimea."
>>> named_as_direction(text, text.index("Crimea"), text.index("."))
True
>>> text = "Shelling hit Udachne in the Dnipropetrovsk region."
>>> named_as_direction(text, text.index("Dnipropetrovsk"), text.index(" region"))
False
>>> text = "Terny lies on the border of Luhansk and Donetsk oblasts."  # in one of the two
>>> [named_as_direction(text, text.index(n), text.index(n) + len(n)) for n in ("Luhansk", "Donetsk")]
[False, False]
>>> text = "Troops pushed toward the Luhansk and Donetsk regions."
>>> [named_as_direction(text, text.index(n), text.index(n) + len(n)) for n in ("Luhansk", "Donetsk")]
[True, True]
"""

from __future__ import annotations

import re

__all__ = ["named_as_direction"]

_TOWARD_BEFORE = re.compile(
    r"\b(?:(?P<toward>towards?|(?:way|road|path|gateway|approaches?)\s+to)|border\s+(?:of|with|between)"
    r"|borders\s+of)(?:\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+\s+and)?\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A region named with another: "Luhansk and Donetsk oblasts", "the Kharkiv and Luhansk regions".  On the
#: border of two regions a place lies in one of them: the border words say nothing against either.
_PAIR_AFTER = re.compile(r"\s+and\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
_PAIR_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’-]+\s+and\s+(?:the\s+)?$", re.IGNORECASE)
#: "the railway from Zaporizhzhia through Melitopol to the Crimea": the end of a route named before.
_ROUTE_END_BEFORE = re.compile(r"\b(?:from|through|via)\s[^.;:!?]{1,120}?\bto\s+(?:the\s+)?$", re.IGNORECASE)
#: "the X Oblast border(s)"; not the verb: "X Oblast borders Russia" says where X is
_BORDER_AFTER = re.compile(
    r"(?:\s+(?:region|oblast|province)s?['’]?)?\s+(?:administrative\s+)?(?:border|borders)\b(?!\s+(?:on\s+)?(?:the\s+)?(?-i:[A-Z]))",
    re.I,
)


def named_as_direction(text: str, start: int, end: int) -> bool:
    """Whether the region named at ``text[start:end]`` is a direction ("toward the X region", "the way
    to the X region", "from A through B to the X region") or a boundary ("the X Oblast border", "the
    border of the X region"), not where places lie."""
    before = _TOWARD_BEFORE.search(text, max(0, start - 60), start)
    if before is not None or _BORDER_AFTER.match(text, end):
        pair = _PAIR_AFTER.match(text, end) or _PAIR_BEFORE.search(text, max(0, start - 40), start)
        if (before is not None and before.group("toward")) or not pair:
            return True
    return bool(
        text.endswith(("to", "to the"), 0, start - 1)  # (fast: most regions follow neither)
        and _ROUTE_END_BEFORE.search(text, max(0, start - 150), start) is not None
    )
