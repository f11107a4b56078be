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

import re
from typing import Any

from frontmap.reading._decide import (
    NAME_WORD,
    NAME_WORDS_AFTER,
    NEXT_CAP,
    NOBLE,
    PREV_CAP,
    SURNAME,
    THING,
    TITLE,
)
from frontmap.reading._mentions_lines import Lines
from frontmap.reading._tokens import (
    _LAST_WORD,
    _NEXT_WORD,
    ANY_MODEL,
    APPOSING,
    DOTTED_TITLES,
    JOINED_GAPS,
    KIND_GAPS,
    Hit,
    PlainWords,
    Token,
    model_before_backwards,
    vessel_after,
    vessel_apposed,
)
from frontmap.reading.lexicon import LOWERCASE_TITLES, THING_WORDS, VESSEL_WORDS
from frontmap.reading.mentionrules import Candidate, _first_word, noble_title_before

__all__ = ["Context", "build", "contexts", "plain_candidates"]

#: The vessel words written backwards: a word read backwards, lowered, is one of them when it is a
#: vessel word (they are ASCII: lowering a word's letters one by one reads the same both ways).
_THING_WORDS_BACKWARDS = frozenset(w[::-1] for w in THING_WORDS)
assert all(w.isascii() for w in THING_WORDS)
_APPOSING_BACKWARDS = frozenset(w[::-1] for w in APPOSING)
#: The vessel words: only in a text that has one (in lower case, as the pattern after a name wants it) is
#: the word after each name looked at for one (a substring test is about ten times faster than a search).
_VESSEL_WORDS = tuple(sorted(VESSEL_WORDS))
#: ... and the titles written with a full stop ("Mr.", "Gen."), likewise.
_DOTTED_TITLES_BACKWARDS = frozenset(w[::-1] for w in DOTTED_TITLES)
_LOWERCASE_TITLES_BACKWARDS = frozenset(w[::-1] for w in LOWERCASE_TITLES)
assert all(w.isascii() for w in DOTTED_TITLES | LOWERCASE_TITLES)

#: Around a name: the match of the word before in the text read backwards (None at the start) and
#: whether that word is joined and capitalised; the match of the word after (or None), whether it is
#: joined, and joined and capitalised; the name's first word without a possessive, in lower case, and
#: whether it is shouted; and the features of the words around the name (``_decide.features``).
Context = tuple[
    re.Match[str] | None,
    bool,
    re.Match[str] | None,
    bool,
    bool,
    tuple[str, str, bool],
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
    vessels = any(w in text for w in _VESSEL_WORDS) or ANY_MODEL.search(text) is not None
    out: list[Context] = []
    for h, first in zip(hits, firsts, strict=True):
        start = h.start
        mask = 0
        # the word before (read backwards: the gap, then the word) and whether the gap joins it to
        # the name (the gaps of JOINED_GAPS read the same both ways)
        before = last_word(back, n - start)
        if before is None:
            prev_cap = False
        else:
            gap, word = before.group(1, 2)
            prev_cap = word[-1].isupper() and gap in JOINED_GAPS
            if prev_cap:
                mask = PREV_CAP
            # a vessel word before the name, or a model's number ("An-225 Mriya"; not a road's: "H-26")
            low = word.lower()
            if low in _THING_WORDS_BACKWARDS or model_before_backwards(word, gap):
                mask |= THING
            elif low in _APPOSING_BACKWARDS and vessel_apposed(text, h.start, h.end):
                mask |= THING  # "a landing ship, the Orsk,"
            elif gap == " ." and word[-1].isupper() and low in _DOTTED_TITLES_BACKWARDS:
                mask |= TITLE
            elif gap == " " and low in _LOWERCASE_TITLES_BACKWARDS:
                mask |= TITLE  # "the regional governor Ivanov"
        # the word after, from the name's end (the rest of a possessive word is passed)
        after = next_word(text, h.end)
        if after is None:
            next_joined = next_cap = False
        else:
            gap, word = after.group(1, 2)
            next_joined = gap in JOINED_GAPS
            next_cap = next_joined and word[0].isupper()
            if next_cap:
                mask |= NEXT_CAP
            if gap in KIND_GAPS and word in NAME_WORDS_AFTER:
                mask |= NAME_WORD  # 'the Vostok group', 'the "Vostok" group'
            if vessels and vessel_after(text, start, h.end):
                mask |= THING  # "the Orsk landing ship"
        fw = _first_word(first)
        if fw[1] in persons:
            mask |= SURNAME
        # "of" is rarely before a name, a noble title and "of" more rarely still
        if text.find("of", max(0, start - 20), start) >= 0 and noble_title_before(text, start):
            mask |= NOBLE
        out.append((before, prev_cap, after, next_joined, next_cap, fw, mask))
    return out


def build(text: str, h: Hit, ctx: Context, gz: Any, persons: set[str], lines: Lines) -> Candidate:
    """The :class:`~frontmap.reading.mentionrules.Candidate` of hit ``h`` from its :data:`Context`."""
    before, prev_cap, after, next_joined, next_cap, (word, low, shouted), _ = ctx
    prev = nxt = None
    if before is not None:
        n = len(text)
        a, b = n - before.end(2), n - before.start(2)
        w = text[a:b]
        prev = Token(a, b, w, w[0].isupper())
    if after is not None:
        w = after.group(2)
        nxt = Token(after.start(2), after.end(2), w, w[0].isupper())
    return Candidate(
        text,
        h,
        h.places[0],
        word,
        low,
        shouted,
        lines.line_of(h.start),
        prev,
        nxt,
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
