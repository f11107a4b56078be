"""The verdicts of :mod:`~frontmap.reading.mentionrules` on the names found in a text, making a
:class:`~frontmap.reading.mentionrules.Candidate` only for the names a rule looks around (used by
:func:`frontmap.reading.mentions.find_mentions`).

A name's plan (:mod:`~frontmap.reading._decide`) says which rules can decide it; of those, a name is
not asked the rules that need a feature the words around it lack (a capitalised word joined to it, a
noble title before it ...: ``_decide.NEEDS``).  Most names ("in Kyiv", "Kharkiv was shelled") are left
with no rule to ask, and get the verdict of their plan without a candidate being made.  The verdicts
are those of ``[decide(c)[0] for c in candidates(text, gz)]``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from typing import Any

from frontmap.gazetteer.place import Place
from frontmap.gazetteer.store import haversine_km
from frontmap.reading._decide import _known, first_verdict, rules_to_ask
from frontmap.reading._gzcache import LIMIT
from frontmap.reading._ment_candidates import build, contexts
from frontmap.reading._mentions_lines import Lines
from frontmap.reading._tokens import Hit, PlainWords
from frontmap.reading.mentionrules import Candidate, Verdict, small_villages, ukrainian_anchor
from frontmap.reading.sentences import sentence_spans

__all__ = ["plain_verdicts", "sentence_ua"]


def plain_verdicts(
    text: str,
    found: PlainWords,
    hits: list[Hit],
    firsts: list[str],
    gz: Any,
    persons: set[str],
    lines: Lines,
) -> list[Verdict]:
    """The verdict on each hit of a plain text; ``firsts``: the word each starts with."""
    ctxs = contexts(text, found, hits, firsts, persons)
    made: list[Candidate | None] = [None] * len(hits)
    flags: list[bool] | None = None  # sentence_ua of each hit, once worked out

    def candidate_of(i: int) -> Candidate:
        c = made[i]
        if c is None:
            c = made[i] = build(text, hits[i], ctxs[i], gz, persons, lines)
            if flags is not None:
                c.sentence_ua = flags[i]
        return c

    flags = sentence_ua(text, hits, candidate_of)
    if flags is not None:
        for c, flag in zip(made, flags, strict=True):
            if c is not None:
                c.sentence_ua = flag
    plans = gz.memo.plans
    out = []
    for i, (h, ctx) in enumerate(zip(hits, ctxs, strict=True)):
        known = plans.get((h.key, h.n, ctx[5][0]))
        if known is None or known[0] != h.places:
            known = _known(candidate_of(i), plans)
        rules = rules_to_ask(known, ctx[6])
        # a candidate is built only for a name some rule has to look at
        out.append(first_verdict(rules, candidate_of(i), known[1][1]) if rules else known[1][1])
    return out


#: id(places) -> (places, small villages only, any in Ukraine): a gazetteer's answer, held so that its
#: id stays its own (both depend on the places alone).
_PLACES: dict[int, tuple[tuple[Place, ...], bool, bool]] = {}


def _small(places: tuple[Place, ...]) -> tuple[tuple[Place, ...], bool, bool]:
    known = _PLACES.get(id(places))
    if known is None or known[0] is not places:
        if len(_PLACES) > LIMIT:
            _PLACES.clear()
        ua = any(p.country == "UA" for p in places)
        known = _PLACES[id(places)] = (places, small_villages(places), ua)
    return known


def sentence_ua(text: str, hits: list[Hit], candidate_of: Callable[[int], Candidate]) -> list[bool] | None:
    """``sentence_ua`` of the candidate of each hit: does another name in its sentence support a small
    village?  None when no name is of small villages only (then none is asked).  Only a name of small
    villages asks, so only the names of its sentences are looked at; ``candidate_of(i)`` gives the
    candidate of hit ``i``, asked for only where the words around a name count."""
    known = []
    for h in hits:  # _small(h.places), without a call for the places already asked about
        places = h.places
        k = _PLACES.get(id(places))
        known.append(k if k is not None and k[0] is places else _small(places))
    if not any(k[1] for k in known):
        return None
    starts = [a for a, _ in sentence_spans(text)] or [0]
    sentence = [bisect_right(starts, h.start) - 1 for h in hits]
    asking = {k for (_, small, _), k in zip(known, sentence, strict=True) if small}
    anchor = [
        # ukrainian_anchor: a name with a place in Ukraine that is more than small villages, or a
        # small village supported where it stands (looked at in its candidate)
        k in asking and ua and (not small or ukrainian_anchor(candidate_of(i)))
        for i, ((_, small, ua), k) in enumerate(zip(known, sentence, strict=True))
    ]
    count = Counter(k for k, a in zip(sentence, anchor, strict=True) if a)
    flags = [count[k] - a > 0 for k, a in zip(sentence, anchor, strict=True)]
    towns: dict[int, list[Place]] = {}  # the places of Ukraine, more than small villages, of each sentence
    for h, (_, small, ua), n in zip(hits, known, sentence, strict=True):
        if ua and not small:
            towns.setdefault(n, []).extend(t for t in h.places if t.country == "UA")
    for i, ((places, small, _), n) in enumerate(zip(known, sentence, strict=True)):
        if small and not flags[i]:  # none in its sentence: a town near it in the one before or after
            near = towns.get(n - 1, [])[-_MOST_TOWNS:] + towns.get(n + 1, [])[:_MOST_TOWNS]
            flags[i] = bool(near) and _near(places, near)
    return flags


#: How near a town of the sentence before or after must lie to support a small village with none in its own.
NEAR_SENTENCE_KM = 30.0
#: The most places of the sentence before (its last) and after (its first) looked at, so that reading stays
#: linear.
_MOST_TOWNS = 50


def _near(places: tuple[Place, ...], towns: list[Place]) -> bool:
    """Does one of ``towns`` (of the sentence before or after) lie near one of ``places`` ("... 9 km south
    of Bakhmut. 'Klishchiivka was cleared,' he said")?"""
    return any(haversine_km(p.lat, p.lon, t.lat, t.lon) <= NEAR_SENTENCE_KM for p in places for t in towns)
