""":func:`~frontmap.reading.mentionrules.decide`, asking only the rules that can decide (used by
:func:`frontmap.reading.mentions.find_mentions`).

Most rules of :data:`~frontmap.reading.mentionrules.RULES` look only at the name itself: its key, its
number of words, its first word and its candidate places ("a lone ordinary English word", "a region").
What they say about a name is the same wherever it stands, so for each name it is worked out once
(:func:`plan`): the first of those rules that decides, and, before it, the rules that look around the
name and can decide for this name at all (a rule about shouted words is not asked about "Kyiv").
Reading a name then asks only those, in the order of :data:`~frontmap.reading.mentionrules.RULES`, and
gets the verdict and rule :func:`~frontmap.reading.mentionrules.decide` would give.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from frontmap.gazetteer.place import Place
from frontmap.reading import mentionrules as R
from frontmap.reading._tokens import thing_before, title_before, vessel_after
from frontmap.reading.lexicon import (
    AGREEMENT_WORDS,
    GIVEN_NAMES,
    NAME_PREFIXES,
    NEIGHBOUR_COUNTRIES,
    UNIT_WORDS,
)
from frontmap.reading.mentionrules import Candidate, Rule, Verdict

__all__ = ["NEEDS", "Plan", "decide", "features", "plan", "rules_to_ask", "verdicts"]

#: Rules that look only at the name (its key, words, first word and places), never around it.
NAME_ONLY: frozenset[Rule] = frozenset(
    {
        R.known_acronym,
        R.shouted_word,
        R.not_a_place,
        R.common_word,
        R.calendar_word,
        R.demonym,
        R.title_word,
        R.given_name_small_town,
        R.large_feature,
        R.ukrainian_place,
        R.large_city_abroad,
        R.small_place_abroad,
    }
)


def _one_word(c: Candidate) -> bool:
    return c.hit.n == 1


#: Rules that look around the name, with what the name itself must be for them to decide anything
#: (each a condition the rule checks before it looks around); a rule not listed may decide any name.
MAY_DECIDE: dict[Rule, Callable[[Candidate], bool]] = {
    R.dateline: lambda c: c.shouted,
    R.acronym_modifier: lambda c: c.shouted and c.hit.n == 1,
    R.longer_name: lambda c: c.hit.n == 1 and (c.best.country != "UA" or c.low in NAME_PREFIXES),
    R.river_after_article: lambda c: c.hit.n == 1 and any(p.kind == "river" for p in c.hit.places),
    R.known_surname: _one_word,
    R.given_name_before_surname: lambda c: c.hit.n == 1 and c.low in GIVEN_NAMES,
    R.surname_after_given_name_or_title: _one_word,
    R.inside_other_name: _one_word,
    R.given_name_river: lambda c: c.hit.n == 1 and c.low in GIVEN_NAMES and c.best.kind == "river",
    R.measured_from_a_place: lambda c: c.hit.n == 1 and c.low in GIVEN_NAMES,
    R.small_village_without_support: lambda c: c.hit.n == 1 and R.small_villages_only(c),
    R.border_town: lambda c: c.best.country in NEIGHBOUR_COUNTRIES,
}

#: What the words around a name may have, each a bit of a :func:`features` mask: a noble title and
#: "of" before it, a capitalised word joined after it, an agreement's or unit's word joined after it,
#: a vessel word before it (or a vessel's kind after it), a capitalised word joined before it, its
#: first word a surname of the text, a title before it with its full stop or in lower case ("Mr. Shcherbak").
NOBLE, NEXT_CAP, NAME_WORD, THING, PREV_CAP, SURNAME, TITLE = 1, 2, 4, 8, 16, 32, 64

#: Rules that return None for a name without a feature, with the feature each needs: a name without it
#: is not asked the rule (:func:`rules_to_ask`).
NEEDS: dict[Rule, int] = {
    R.noble_title: NOBLE,
    R.organisation: NEXT_CAP,  # the word after is joined and capitalised (next_cap)
    R.agreement: NAME_WORD,  # the word after is joined and an agreement word
    R.military_unit: NAME_WORD,  # the word after is joined and a unit word
    R.thing_name: THING,  # the word before is a vessel or media word, or a vessel's kind is after it
    R.longer_name: NEXT_CAP,
    R.known_surname: SURNAME,
    R.given_name_before_surname: NEXT_CAP,
    # the word before is joined and capitalised, or a title with its full stop or in lower case
    R.surname_after_given_name_or_title: PREV_CAP | TITLE,
    R.inside_other_name: PREV_CAP,
}
#: Words after a place that make it part of an agreement's or a unit's name.
NAME_WORDS_AFTER = AGREEMENT_WORDS | UNIT_WORDS


def features(c: Candidate) -> int:
    """The :data:`NEEDS` features of the words around the name of ``c``, as a mask."""
    prev = c.prev
    return (
        R.noble_title_before(c.text, c.hit.start) * NOBLE
        | c.next_cap * NEXT_CAP
        | R.word_after(c, NAME_WORDS_AFTER) * NAME_WORD
        | (
            (prev is not None and thing_before(c.text, prev, c.hit.start, c.hit.end))
            or vessel_after(c.text, c.hit.start, c.hit.end)
        )
        * THING
        | c.prev_cap * PREV_CAP
        | (c.low in c.persons) * SURNAME
        | title_before(c.text, prev, c.hit.start) * TITLE
    )


#: The rules to ask about a name, then the verdict and rule if none of them decides.
Plan = tuple[tuple[Rule, ...], Verdict, Rule | None]


def plan(c: Candidate) -> Plan:
    """What :func:`decide` asks about the name of ``c``, wherever it stands."""
    asked: list[Rule] = []
    for rule in R.RULES:
        if rule in NAME_ONLY:
            verdict = rule(c)
            if verdict is not None:
                return tuple(asked), verdict, rule
        elif MAY_DECIDE.get(rule, _always)(c):
            asked.append(rule)
    return tuple(asked), R.REJECT, None


def _always(c: Candidate) -> bool:
    return True


def decide(c: Candidate, plans: dict[Any, Any]) -> tuple[Verdict, Rule | None]:
    """``mentionrules.decide(c)``; ``plans`` remembers the :func:`plan` of each name (with its places,
    so that a name whose places differ is planned again)."""
    asked, verdict, rule = _known(c, plans)[1]
    for r in asked:
        v = r(c)
        if v is not None:
            return v, r
    return verdict, rule


def verdicts(cands: list[Candidate], plans: dict[Any, Any]) -> list[Verdict]:
    """``[decide(c, plans)[0] for c in cands]``, asking only the rules that can decide each candidate
    (:func:`rules_to_ask`)."""
    out = []
    for c in cands:
        h = c.hit
        known = plans.get((h.key, h.n, c.word))
        if known is None or known[0] != h.places:
            known = _known(c, plans)
        out.append(first_verdict(rules_to_ask(known, features(c)), c, known[1][1]))
    return out


def first_verdict(rules: tuple[Rule, ...], c: Candidate, default: Verdict) -> Verdict:
    """The verdict of the first of ``rules`` that decides ``c``, else ``default`` (the plan's)."""
    for r in rules:
        v = r(c)
        if v is not None:
            return v
    return default


#: What :func:`_known` remembers of a name: its places, its :func:`plan`, and the rules of the plan
#: to ask a name with each mask of :func:`features`.
Known = tuple[tuple[Place, ...], Plan, dict[int, tuple[Rule, ...]]]


def rules_to_ask(known: Known, mask: int) -> tuple[Rule, ...]:
    """The rules of a name's plan to ask when the words around it have the features of ``mask``: not
    those that need a feature it lacks, which would return None (:data:`NEEDS`)."""
    rules = known[2].get(mask)
    if rules is None:
        rules = known[2][mask] = tuple(r for r in known[1][0] if r not in NEEDS or NEEDS[r] & mask)
    return rules


def _known(c: Candidate, plans: dict[Any, Any]) -> Known:
    """What :data:`Known` says of the name of ``c`` (planned when first asked, or asked with other
    places)."""
    h = c.hit
    key = (h.key, h.n, c.word)
    known = plans.get(key)
    if known is None or known[0] != h.places:
        known = plans[key] = (h.places, plan(c), {})
    return known
