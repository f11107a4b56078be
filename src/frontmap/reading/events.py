"""Control events in text: who took which place, and when.

News reports say who took which place: "Ukrainian forces retook Izium", "the recently liberated town of
...", "Russian-occupied ...", "... fell to Russian forces".  :func:`find_control_events` turns such
phrases into :class:`ControlEvent` records; :func:`frontmap.control.infer_control` turns the events into
an inferred control map.

The rules (tried on each place mention, within its sentence)
----------------------------------------------------------
* **Before the place** (``TRIGGER [filler] PLACE``, where filler is words like "the strategic city
  of"): regain verbs and nouns (retook, recaptured, liberated, freed, reclaimed, regained, took back,
  "liberation of", "returned control of") → the subject's side, Ukraine when there is no subject;
  capture verbs (captured, seized, took, overran, entered, "took control of", "capture of") → the
  subject's side, no event without one; "occupied X", "Russian-occupied X", "Russian-held X",
  "Ukrainian-controlled X" → the side named (plain "occupied" → Russia; "formerly occupied" → Ukraine);
  withdraw verbs ("withdrew from", "pulled out of", "retreat from", "lost") → the side *opposite* the
  subject; "Ukrainian flag raised over X" → the flag's side.
* **After the place**: passives ("X was recaptured by Ukrainian troops", "X, captured by Russia in
  May") → the ``by`` side, else the verb's default; "X fell to Russian forces"; "X remains under Russian
  control"; "X is back in Ukrainian hands".
* **Lists** ("retook X, Y and Z") share the event of their first (or, for passives, last) member;
  "X, a town near Y, was retaken" is X's event, not Y's.
* The **subject** is the side word (Ukrainian, Ukraine's, Kyiv's, Russian, Russia, Moscow, Wagner...)
  closest before the verb within six words; for capture and withdraw verbs, failing that, the last side
  word earlier in the sentence.
* **No event** for intentions, negations and conditionals: "a plan to recapture X", "the push for the
  liberation of X", "has not retaken X", "could fall to Russian forces" (infinitives such as
  "recapture" are never triggers).  Metonymic mentions ("Kyiv said") and countries are ignored.
* **Date**: the explicit "on September 10" (or "on 10 September 2022") nearest the trigger in the
  sentence, unless "later", "after"... stand between them; the year taken
  from ``published`` (the year before when that would put the day after publication); otherwise the
  published date.

All patterns are compiled once, applied to bounded windows around each mention (linear time overall) and
never raise on odd text.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from frontmap._dates import to_date
from frontmap.gazetteer.place import Place
from frontmap.reading.controlrules import (
    WINDOW,
    DatePhrases,
    date_phrases,
    left_event,
    list_separator,
    right_event,
    sentence_date,
)
from frontmap.reading.sentences import sentence_spans

__all__ = ["SIDES", "ControlEvent", "find_control_events"]

#: Who holds a place after an event.
SIDES = ("ukraine", "russia")
#: Kinds of place that no event is about.
_NOT_MAPPED = frozenset({"country", "sea", "river"})


@dataclass(frozen=True)
class ControlEvent:
    """One report that a side holds a place after an event ("Ukrainian forces retook Izium").

    ``text == full_text[start:end]`` is the trigger phrase ("retook", "Russian-occupied", "was
    recaptured by Ukrainian troops"); ``sentence`` the sentence it is in; ``side`` who holds ``place``
    afterwards (``"ukraine"`` or ``"russia"``); ``date`` when (None if unknown); ``source`` the article.
    """

    place: Place
    side: str
    date: _dt.date | None
    text: str
    start: int
    end: int
    sentence: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place.to_dict(),
            "side": self.side,
            "date": self.date.isoformat() if self.date else None,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "source": self.source,
        }


def find_control_events(
    text: str, mentions: Iterable[Any], published: Any = None, source: str | None = None
) -> list[ControlEvent]:
    """Control events in ``text``: a place mention governed by a capture/liberation phrase.

    Parameters
    ----------
    text : str
        The article text.
    mentions : iterable
        Objects with ``.text``, ``.start``, ``.end`` (offsets into ``text``) and ``.place`` (a
        :class:`Place` or None), e.g. :class:`~frontmap.reading.article.Mention`.  Unresolved mentions,
        mentions
        with ``role == "metonymy"``, and countries, seas and rivers are ignored.
    published : date, str or None
        The publication date: the events' date unless the sentence names a day.
    source : str or None
        Recorded on each event.

    Returns
    -------
    list of ControlEvent
        In text order; empty for text without events (never raises on odd text).

    Examples
    --------
    >>> from types import SimpleNamespace as M
    >>> izium = Place("x:1", "Izium", "settlement", 49.21, 37.26, "UA")
    >>> t = "Ukrainian troops retook Izium on September 10."
    >>> [(e.place.name, e.side, e.text, str(e.date)) for e in find_control_events(
    ...     t, [M(text="Izium", start=24, end=29, place=izium)], published="2022-09-12")]
    [('Izium', 'ukraine', 'retook', '2022-09-10')]
    """
    if not isinstance(text, str) or not text:
        return []

    pub = to_date(published)
    usable = []
    for m in mentions or ():
        place = getattr(m, "place", None)
        if not isinstance(place, Place) or place.kind in _NOT_MAPPED:
            continue
        start, end = getattr(m, "start", None), getattr(m, "end", None)
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        if getattr(m, "role", "location") == "location" and 0 <= start < end <= len(text):
            usable.append((start, end, place))
    usable.sort(key=itemgetter(0, 1))

    # Lists of places ("X, Y and Z") in one sentence, each with its sentence.
    chains: list[tuple[list[tuple[int, int, Place]], tuple[int, int]]] = []
    spans = sentence_spans(text) or ((0, 0),)
    span_starts = [s for s, _ in spans]  # once per document, not per mention as sentence_span would
    for start, end, place in usable:
        span = spans[max(bisect_right(span_starts, start) - 1, 0)]
        if chains and span == chains[-1][1]:
            last_end = chains[-1][0][-1][1]
            if start >= last_end and list_separator(text[last_end:start]):
                chains[-1][0].append((start, end, place))
                continue
        chains.append(([(start, end, place)], span))

    heads = _Heads(text, usable)
    sentences = _Sentences(text)
    events: list[ControlEvent] = []
    for chain, span in chains:
        events.extend(_chain_events(text, chain, heads, sentences, span, pub, source))
    return events


class _Heads:
    """A lookup of the head of an apposition closed before a chain: ``heads(s0, c0)`` is ``[m]`` for the
    last mention ``m`` (in ``usable`` order) with ``s0 <= m.start < c0``, ``m.end <= c0`` and a comma right
    after it ("Irpin, a town west of Kyiv, was retaken"), else ``[]``.

    Each mention followed by a comma is linked to the previous one, so a lookup steps back only over
    such mentions that overlap ``c0`` (none for the non-overlapping mentions of :func:`read`), instead
    of rescanning the sentence's earlier mentions for every chain (quadratic in a long sentence).  The
    links are made at the first lookup: most documents have no event that needs one."""

    def __init__(self, text: str, usable: list[tuple[int, int, Place]]) -> None:
        self.text, self.usable = text, usable
        self.links: tuple[list[int], list[int]] | None = None

    def _link(self) -> tuple[list[int], list[int]]:
        text, usable = self.text, self.usable
        prev = [-1] * (len(usable) + 1)
        last = -1
        for i, (_, end, _) in enumerate(usable):
            prev[i] = last
            if text[end : end + 3].lstrip(" ").startswith(","):
                last = i
        prev[len(usable)] = last
        return prev, [u[0] for u in usable]

    def __call__(self, s0: int, c0: int) -> list[tuple[int, int, Place]]:
        if self.links is None:
            self.links = self._link()
        prev, starts = self.links
        usable = self.usable
        k = prev[bisect_left(starts, c0)]
        while k >= 0 and usable[k][0] >= s0:
            if usable[k][1] <= c0:
                return [usable[k]]
            k = prev[k]
        return []


class _Sentences:
    """The text, stripped text and date phrases of the sentence last asked for: the chains of one
    sentence come one after another, so a long sentence is copied and searched once, not per chain."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.span: tuple[int, int] | None = None
        self.value: tuple[str, str, DatePhrases] | None = None

    def get(self, span: tuple[int, int]) -> tuple[str, str, DatePhrases]:
        if self.value is None or span != self.span:
            raw = self.text[span[0] : span[1]]
            self.span, self.value = span, (raw, raw.strip(), date_phrases(raw))
        return self.value


def _chain_events(
    text: str,
    chain: list[tuple[int, int, Place]],
    heads: _Heads,
    sentences: _Sentences,
    span: tuple[int, int],
    pub: _dt.date | None,
    source: str | None,
) -> list[ControlEvent]:
    """Events for a list of places in one sentence ("X, Y and Z"): a trigger before the first, or a
    passive after the last, applies to all of them.  ``heads`` finds the sentence's last mention before
    the chain that a comma follows (the subject of an apposition closed by the passive), if any."""
    s0, s1 = span
    first, last = chain[0], chain[-1]
    pre_start = max(s0, first[0] - WINDOW)
    pre = text[pre_start : first[0]]
    post = text[last[1] : min(s1, last[1] + WINDOW)]
    found: list[tuple[str, int, int, list[tuple[int, int, Place]]]] = []
    left = left_event(pre, post)
    if left is not None:
        found.append((left[0], pre_start + left[1], pre_start + left[2], chain))
    right = right_event(post)
    if right is not None:
        side, a, b, closes = right
        targets = chain
        if closes:  # "Irpin, a town west of Kyiv, was retaken": the event is Irpin's
            targets = heads(s0, first[0])
        if targets:
            found.append((side, last[1] + a, last[1] + b, targets))
    if not found:
        return []
    raw, sentence, phrases = sentences.get(span)
    out: list[ControlEvent] = []
    for side, a, b, targets in found:
        date = sentence_date(raw, a - s0, pub, phrases)
        out.extend(
            ControlEvent(place, side, date, text[a:b], a, b, sentence, source) for _, _, place in targets
        )
    return out
