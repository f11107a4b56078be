"""Comparisons in text (used by :mod:`~frontmap.reading.claimtext`): "about the size of Belgium",
"three times larger than Luxembourg", "equal to the West Bank and Gaza put together".

A comparison (found by :data:`frontmap.reading.patterns.COMPARISON`) is a claim when places follow it
and it sizes an area: an area claim comes before it in the text, or its sentence speaks of an area,
a territory, land or a size.  :func:`~frontmap.reading.claimlinks.link_comparisons` then points it at
the area it sizes.
"""

from __future__ import annotations

import re

from frontmap.gazetteer.place import Place
from frontmap.quantities.numbers import QUALIFIERS, parse_number
from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import Context, sentence_bounds
from frontmap.reading.claims import ComparisonClaim
from frontmap.reading.lexicon import MULTIPLIERS

__all__ = ["comparison_claim"]

_SIZE_WORDS = re.compile(r"\b(?:area|territory|land|size)\b", re.I)
#: A country's unit named by its noun: "state of", "province of".
_UNIT_OF = r"(?:state|province|region|county)\s+of\s+"
#: Before the first place compared: "the", and a unit noun ("the size of the state of Maryland").
_FIRST_GAP = re.compile(r"\s*(?:the\s+)?(?:" + _UNIT_OF + ")?")
#: Between a country and one of its units, which the comparison means: "the U.S. state of Maryland",
#: "Germany's Brandenburg".
_UNIT_OF_GAP = re.compile(r"\s+" + _UNIT_OF + r"|['’]s\s+")
#: Between places compared together ("the West Bank and Gaza"); "or" ends them: "the size of Maryland or
#: Brandenburg" likens the area to each, not to both put together, and the first is kept.
_LIST_GAP = re.compile(r"\s*(?:,|and|&|plus)?\s*(?:the\s+)?")


def comparison_claim(ctx: Context, m: re.Match, first_area: int | None) -> ComparisonClaim | None:
    """The comparison claim of the :data:`~frontmap.reading.patterns.COMPARISON` match ``m``, or None
    when no place follows it or nothing says it sizes an area.  ``first_area``: where the text's first
    area claim starts (None without one)."""
    text = ctx.text
    s, e = sentence_bounds(ctx, m.start())
    places: list[Place] = []
    end = m.end()
    for men in ctx.mentions_between(m.end(), min(e, m.end() + 120)):
        gap = text[end : men.start]
        unit = bool(places) and places[-1].kind == "country" and _UNIT_OF_GAP.fullmatch(gap) is not None
        if not (unit or (_LIST_GAP if places else _FIRST_GAP).fullmatch(gap)):
            break
        if men.place is not None and men.place.kind in ("country", "region", "settlement"):
            if unit:
                places.pop()  # the country only says which state or region
            places.append(men.place)
            end = men.end
    if not places:
        return None
    if (first_area is None or first_area >= m.start()) and not ctx.search(_SIZE_WORDS, s, e):
        return None
    rel = m.group("rel").lower()
    relation = (
        "larger" if re.search(r"larger|bigger|greater", rel) else "smaller" if "smaller" in rel else "equal"
    )
    start, factor = m.start(), 1.0
    lo = max(0, start - 30)
    times = P.TIMES_BEFORE.search(text, lo, start) if ctx.may_match(P.TIMES_BEFORE, (lo, start)) else None
    if times:  # "three times the size of Luxembourg", "half the size of"
        factor = _times(times.group("mult"))
        start = times.start("mult")
    qual = P.COMPARISON_QUAL.search(text, max(0, start - 20), start)
    if qual:
        start = qual.start(1)
        word = " ".join(qual.group(1).lower().split())
        if times and word in ("more than", "over"):  # "more than three times the size of X"
            relation = "larger"
        elif times and word in ("less than", "under"):
            relation = "smaller"
    return ComparisonClaim(
        text[start:end],
        start,
        end,
        places=tuple(places),
        relation=relation,
        factor=factor,
        qualifier=QUALIFIERS.get(" ".join(qual.group(1).lower().split())) if qual else None,
        **ctx.common(start, end),
    )


def _times(word: str) -> float:
    w = " ".join(word.lower().replace("-", " ").split())
    if w in MULTIPLIERS:
        return MULTIPLIERS[w]
    n = parse_number(w.removesuffix(" times").strip())
    return n if n is not None and n > 0 else 1.0
