"""The :class:`~frontmap.reading.mentionrules.Candidate` of every name found in a plain text, in one
loop (used by :func:`frontmap.reading.mentions.candidates`).

It gives what :func:`~frontmap.reading.mentionrules.candidate` gives for each hit, with the calls it
makes written out in the loop (a text has a few dozen names, each asked about once): the words around
the name as :meth:`~frontmap.reading._tokens.PlainWords.next_to` finds them, the name's first word as
:func:`~frontmap.reading.mentions._match` found it (the capitalised word a hit starts at), and its line
as :meth:`~frontmap.reading._mentions_lines.Lines.line_of` finds it (names come in order).
"""

from __future__ import annotations

from typing import Any

from frontmap.reading._mentions_lines import Lines
from frontmap.reading._tokens import _LAST_WORD, _NEXT_WORD, JOINED_GAPS, Hit, PlainWords, Token
from frontmap.reading.lexicon import AGREEMENT_WORDS, UNIT_WORDS, VESSEL_WORDS
from frontmap.reading.mentionrules import Candidate, _first_word

__all__ = ["plain_candidates"]

#: Words after a place that make it part of an agreement's or a unit's name.
_NAME_WORDS_AFTER = AGREEMENT_WORDS | UNIT_WORDS


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
    if found.back is None:
        found.back = text[::-1]
    back = found.back
    n = len(text)
    last_word, next_word = _LAST_WORD.match, _NEXT_WORD.match
    out = []
    line_start = line_end = 0  # the line of the last name: text[line_start:line_end], newline included
    for h, first in zip(hits, firsts, strict=True):
        start, end = h.start, h.end
        # the word before (read backwards) and whether the gap after it joins it to the name
        m = last_word(back, n - start)
        if m is None:
            prev, prev_cap = None, False
        else:
            a, b = n - m.end(2), n - m.start(2)
            word = text[a:b]
            cap = word[0].isupper()
            prev = Token(a, b, word, cap)
            prev_cap = cap and text[b:start] in JOINED_GAPS
        # the word after, from the name's end (the rest of a possessive word is passed)
        m = next_word(text, end)
        if m is None:
            nxt, next_joined, next_cap = None, False, False
        else:
            word = m.group(2)
            cap = word[0].isupper()
            nxt = Token(m.start(2), m.end(2), word, cap)
            next_joined = m.group(1) in JOINED_GAPS
            next_cap = next_joined and cap
        if not line_start <= start < line_end:
            lo = line_end if start >= line_end else 0
            line_start = text.rfind("\n", lo, start) + 1 or lo
            nl = text.find("\n", start)
            line_end = nl + 1 if nl >= 0 else n + 1
        word, low, shouted = _first_word(first)
        # no rule of _decide.QUIET_SKIPS can decide the name (see there)
        quiet = (
            not prev_cap
            and not next_cap
            and low not in persons
            and (prev is None or prev.text.lower() not in VESSEL_WORDS)
            and (not next_joined or nxt.text not in _NAME_WORDS_AFTER)  # type: ignore[union-attr]
        )
        out.append(
            Candidate(
                text,
                h,
                h.places[0],
                word,
                low,
                shouted,
                line_start,
                prev,
                nxt,
                prev_cap,
                next_joined,
                next_cap,
                persons,
                gz,
                lines,
                False,
                quiet,
            )
        )
    return out
