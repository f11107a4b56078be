"""What :func:`~frontmap.reading.mentionrules.candidate` reads around each name found in a plain text,
in one loop (used by :mod:`~frontmap.reading.mentions` and :mod:`~frontmap.reading._ment_verdicts`).

:func:`contexts` reads the words around every name as
:meth:`~frontmap.reading._tokens.PlainWords.next_to` finds them, and the name's first word as
:func:`~frontmap.reading.mentions._match` found it (the capitalised word a hit starts at); :func:`build`
makes the :class:`~frontmap.reading.mentionrules.Candidate` of a name from them when it is needed (most
names are decided without one: :mod:`~frontmap.reading._ment_verdicts`).  ``build`` of each context is
what ``candidate`` gives.
"""

from __future__ import annotations

from typing import Any

from frontmap.reading._decide import NAME_WORD, NAME_WORDS_AFTER, NEXT_CAP, NOBLE, PREV_CAP, SURNAME, VESSEL
from frontmap.reading._mentions_lines import Lines
from frontmap.reading._tokens import _LAST_WORD, _NEXT_WORD, JOINED_GAPS, Hit, PlainWords, Token
from frontmap.reading.lexicon import VESSEL_WORDS
from frontmap.reading.mentionrules import Candidate, _first_word, noble_title_before

__all__ = ["Context", "build", "contexts", "plain_candidates"]

#: Around a name: the word before (``(start, end, text, capitalised)``, or None) and whether it is
#: joined and capitalised; the word after, whether it is joined, and joined and capitalised; the
#: name's first word without a possessive, in lower case, and whether it is shouted; and the features
#: of the words around it (``_decide.features``).
Context = tuple[
    tuple[int, int, str, bool] | None,
    bool,
    tuple[int, int, str, bool] | None,
    bool,
    bool,
    str,
    str,
    bool,
    int,
]


def contexts(
    text: str, found: PlainWords, hits: list[Hit], firsts: list[str], persons: set[str]
) -> list[Context]:
    """The :data:`Context` of each hit; ``firsts``: the word each starts with; ``persons``: the
    surnames of the text (complete: ``_match`` has read the whole text)."""
    if found.back is None:
        found.back = text[::-1]
    back = found.back
    n = len(text)
    last_word, next_word = _LAST_WORD.match, _NEXT_WORD.match
    out: list[Context] = []
    for h, first in zip(hits, firsts, strict=True):
        start = h.start
        # the word before (read backwards) and whether the gap after it joins it to the name
        m = last_word(back, n - start)
        if m is None:
            prev, prev_cap, vessel = None, False, False
        else:
            a, b = m.span(2)
            a, b = n - b, n - a
            word = text[a:b]
            cap = word[0].isupper()
            prev = (a, b, word, cap)
            prev_cap = cap and text[b:start] in JOINED_GAPS
            vessel = word.lower() in VESSEL_WORDS
        # the word after, from the name's end (the rest of a possessive word is passed)
        m = next_word(text, h.end)
        if m is None:
            nxt, next_joined, next_cap, name_word = None, False, False, False
        else:
            gap, word = m.group(1, 2)
            cap = word[0].isupper()
            nxt = (*m.span(2), word, cap)
            next_joined = gap in JOINED_GAPS
            next_cap = next_joined and cap
            name_word = next_joined and word in NAME_WORDS_AFTER
        word, low, shouted = _first_word(first)
        # _decide.features: "of" is rarely before a name, a noble title and "of" more rarely still
        noble = text.find("of", max(0, start - 20), start) >= 0 and noble_title_before(text, start)
        mask = (
            noble * NOBLE
            | next_cap * NEXT_CAP
            | name_word * NAME_WORD
            | vessel * VESSEL
            | prev_cap * PREV_CAP
            | (low in persons) * SURNAME
        )
        out.append((prev, prev_cap, nxt, next_joined, next_cap, word, low, shouted, mask))  # type: ignore[arg-type]
    return out


def build(text: str, h: Hit, ctx: Context, gz: Any, persons: set[str], lines: Lines) -> Candidate:
    """The :class:`~frontmap.reading.mentionrules.Candidate` of hit ``h`` from its :data:`Context`."""
    prev, prev_cap, nxt, next_joined, next_cap, word, low, shouted, _ = ctx
    return Candidate(
        text,
        h,
        h.places[0],
        word,
        low,
        shouted,
        lines.line_of(h.start),
        None if prev is None else Token(*prev),
        None if nxt is None else Token(*nxt),
        prev_cap,
        next_joined,
        next_cap,
        persons,
        gz,
        lines,
    )


def plain_candidates(
    text: str,
    found: PlainWords,
    hits: list[Hit],
    firsts: list[str],
    gz: Any,
    persons: set[str],
    lines: Lines,
) -> list[Candidate]:
    """``[candidate(text, found, h, gz, persons, lines) for h in hits]``; ``firsts``: the word each hit
    starts with."""
    ctxs = contexts(text, found, hits, firsts, persons)
    return [build(text, h, ctx, gz, persons, lines) for h, ctx in zip(hits, ctxs, strict=True)]
