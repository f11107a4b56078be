"""Shares held (used by :mod:`~frontmap.reading.claimshares`): who holds the ground a share is of (the
side a control map of occupied ground shows, unless the sentence says Ukraine holds it), a share held
with its whole left unsaid ("the army now controls less than a third"), and the region or country the
text named last, which such a share, "its territory" and "of it" are of; and the record of a share a
bare figure states (:func:`figure_share`), which the readers of such shares in claimshares build too.

>>> bool(_UKRAINE_SUBJECT.search("the Ukrainian army now ")), bool(_UKRAINE_SUBJECT.search("Russia "))
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from frontmap.gazetteer.place import Place
from frontmap.quantities.numbers import parse_fraction
from frontmap.reading import patterns as P
from frontmap.reading._claimcontext import Context, qualifier, sentence_bounds
from frontmap.reading.claims import ShareClaim
from frontmap.reading.lexicon import FRACTION_WORDS

__all__ = ["SHARE_JOIN", "figure_share", "fractions_held", "held_elided", "last_ground", "whose"]

#: Who holds the ground a share is of, when the sentence says it is Ukraine -- the side a control map of
#: occupied ground does not show: the subject of the last verb of holding before the share ("the Ukrainian
#: army now controls less than a third"), "Kyiv-held" before it ...
_UKRAINE_SUBJECT = re.compile(
    r"\b(?:Ukraine|Ukrainians|Kyiv|Kiev|Ukrainian\s+(?:forces|troops|army|military|units|defenders))"
    r"(?:['’]s\s+(?:forces|troops|army))?\s+(?:(?:still|now|only|just|currently|has|have|had)\s+)?$",
    re.IGNORECASE,
)
_UKRAINE_HELD = re.compile(r"\b(?:Kyiv|Kiev|Ukrainian|Ukraine)[-\s](?:held|controlled)\b", re.IGNORECASE)
#: ... or "remains under Ukrainian control", "is held by Ukrainian troops" right after it.
_UNDER_UKRAINE = re.compile(
    # an abbreviation in brackets may come first: "of the Donetsk People's Republic (DPR) remains ..."
    r"(?:\s*\([^()]{1,40}\))?\s*(?:is|are|was|were|remains?|remained|stays?)\s+(?:still\s+)?"
    r"(?:under\s+(?:Ukrainian|Ukraine['’]s|Kyiv['’]s|Kiev['’]s)\s+control|in\s+Ukrainian\s+hands"
    r"|under\s+the\s+control\s+of\s+(?:the\s+)?(?:Ukraine|Kyiv|Kiev|Ukrainian\s+(?:forces|troops|army|military))"
    r"|(?:held|controlled)\s+by\s+(?:the\s+)?(?:Ukraine|Kyiv|Kiev|Ukrainians"
    r"|Ukrainian\s+(?:forces|troops|army|military|units|defenders)))\b",
    re.IGNORECASE,
)
#: "..., and 0.6% in 2024", "while the remaining 25%", "and the other 18% in Ukraine": what joins a bare
#: percentage to the share before it, ending the words between them (claimshares, _shares_parts).
SHARE_JOIN = re.compile(
    r"(?:[,;]|[,;]?\s+(?:and|while|whereas|but))\s*(?:the\s+(?:remaining|other|rest\s+of\s+the)\s+)?$",
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


#: "Russia (still) occupies", "Russian forces hold": the words between a holder and its verb.
_HOLDER_GAP = re.compile(r"(?:['’]s)?\s+(?P<word>[a-z]+\s+)?")
#: "Russia now controls about 75%", "the army holds less than a third": a verb of holding right before a
#: share whose whole is left unsaid ...
_HOLDS_BEFORE = re.compile(
    r"\b(?:controls?|holds?|occupies|(?:has|have|had)\s+(?:captured|seized|taken|occupied))\s+"
    r"(?:(?:now|only|just|still|already)\s+)?$",
    re.IGNORECASE,
)
#: ... a share in words with no "of" after it (a percentage is one of the scan's bare percentages), found
#: after the verbs (rarer than the words of fractions: looked for as literals, fast).
_HELD_FRACTION = re.compile(r"(?P<frac>" + P.FRACTION_WORDS + r")(?!\s*[—–(,]?\s*(?:of|per)\b|[\w-])")
_HOLDING_VERBS = ("control", "hold", "occup", "captured", "seized", "taken")
#: The rest of the verb, then each word of up to three before the fraction ("now", "less than", "a";
#: held_elided checks what they are).
_VERB_END = re.compile(r"\w*\s+")
_FRACTION_STEMS = tuple(sorted({w.rstrip("s") for w in FRACTION_WORDS}))  # looked for first: fast
_NEXT_WORD = re.compile(r"[a-z]+[\s-]+")


def fractions_held(text: str) -> Iterator[re.Match[str]]:
    """The fractions in words (:data:`_HELD_FRACTION`) a few words after a verb of holding, in text
    order."""
    found: dict[int, re.Match[str]] = {}
    for verb in _HOLDING_VERBS:
        i = text.find(verb)
        while i >= 0:
            near = text[i : i + 50]
            after = _VERB_END.match(text, i) if any(f in near for f in _FRACTION_STEMS) else None
            for _ in range(4):  # the fraction after none, one, two or three words
                if after is None:
                    break
                frac = _HELD_FRACTION.match(text, after.end())
                if frac is not None:
                    found[frac.start()] = frac
                    break
                after = _NEXT_WORD.match(text, after.end())
            i = text.find(verb, i + len(verb))
    return (found[k] for k in sorted(found))


def held_elided(ctx: Context, m: re.Match) -> ShareClaim | None:
    """ "The Donetsk region ... The army now controls less than a third": a share a verb says is held,
    with no whole after it, is of the region or country the text named last (this sentence or the one
    before, not the holder)."""
    text = ctx.text
    if not _HOLDS_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None
    of = last_ground(ctx, m.start())
    return (
        figure_share(ctx, m, of, "", whose(ctx, m.start(), m.end("frac"), "held")) if of is not None else None
    )


def figure_share(
    ctx: Context,
    m: re.Match,
    of: Place | None,
    of_text: str,
    change: str | None,
    start: int | None = None,
    end: int | None = None,
) -> ShareClaim | None:
    """The share the figure ``m`` (its ``frac`` group, widened to its qualifier) states of ``of``, its
    text from ``start`` to ``end`` (the figure's own, unless given); None when its value is no fraction
    in (0, 1]."""
    frac = " ".join(m.group("frac").split())
    value = P.WHOLE_SHARES.get(frac.lower()) or parse_fraction(frac)
    if value is None or not 0 < value <= 1:
        return None
    start, end = m.start() if start is None else start, m.end("frac") if end is None else end
    return ShareClaim(
        ctx.text[start:end], start, end, value=value, value_text=m.group("frac"), qualifier=qualifier(m),
        of=of, of_text=of_text, change=change, **ctx.common(start, end),
    )  # fmt: skip


def last_ground(ctx: Context, pos: int) -> Place | None:
    """The region or country named last (as a location) in the sentence of ``pos`` or the one before,
    other than the one that holds it ("Russia still occupies a quarter of it": of the region before)."""
    s, _ = sentence_bounds(ctx, pos)
    before, _ = sentence_bounds(ctx, max(0, s - 2))
    for m in ctx.mentions_back(before, pos):
        if m.place is None or m.place.kind not in ("region", "country") or m.role != "location":
            continue
        gap = _HOLDER_GAP.match(ctx.text, m.end)
        # the verb right after the name ("Russia occupies") or after one word more ("Russia still holds")
        at = (gap.start("word"), gap.end()) if gap and gap.group("word") else (gap.end() if gap else m.end,)
        if not any(p.match(ctx.text, i) for p in (P.HELD, P.CAPTURED, P.REGAINED) for i in at):
            return m.place
    return None
