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
from frontmap.reading.lexicon import GIVEN_NAMES
from frontmap.reading.mentionrules import Candidate, Rule, Verdict

__all__ = ["QUIET_SKIPS", "Plan", "decide", "plan", "verdicts"]

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
        R.border_town,
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
    R.longer_foreign_name: lambda c: c.hit.n == 1 and c.best.country != "UA",
    R.river_after_article: lambda c: c.hit.n == 1 and any(p.kind == "river" for p in c.hit.places),
    R.known_surname: _one_word,
    R.given_name_before_surname: lambda c: c.hit.n == 1 and c.low in GIVEN_NAMES,
    R.surname_after_given_name_or_title: _one_word,
    R.inside_other_name: _one_word,
    R.given_name_river: lambda c: c.hit.n == 1 and c.low in GIVEN_NAMES and c.best.kind == "river",
    R.measured_from_a_place: lambda c: c.hit.n == 1 and c.low in GIVEN_NAMES,
    R.small_village_without_support: R.small_villages_only,
}

#: Rules that return None for a candidate marked ``quiet`` (see
#: :func:`frontmap.reading._ment_candidates.plain_candidates`): each needs a capitalised word joined
#: after the name, a word of a name's after it, a capitalised word joined before it, a vessel word
#: before it or the name used as a surname elsewhere, none of which a quiet name has.
QUIET_SKIPS: frozenset[Rule] = frozenset(
    {
        R.organisation,  # the word after is joined and capitalised (next_cap)
        R.agreement,  # the word after is joined and an agreement word
        R.military_unit,  # the word after is joined and a unit word
        R.ship_name,  # the word before is a vessel word
        R.longer_foreign_name,  # next_cap
        R.known_surname,  # the name's first word is a surname of the text
        R.given_name_before_surname,  # next_cap
        R.surname_after_given_name_or_title,  # the word before is joined and capitalised (prev_cap)
        R.inside_other_name,  # prev_cap
    }
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
    """``[decide(c, plans)[0] for c in cands]``, asking a quiet candidate only the rules that can
    decide it (not those of :data:`QUIET_SKIPS`, which would return None)."""
    out = []
    for c in cands:
        h = c.hit
        known = plans.get((h.key, h.n, c.word))
        if known is None or known[0] != h.places:
            known = _known(c, plans)
        for r in known[2] if c.quiet else known[1][0]:
            v = r(c)
            if v is not None:
                out.append(v)
                break
        else:
            out.append(known[1][1])
    return out


def _known(c: Candidate, plans: dict[Any, Any]) -> tuple[tuple[Place, ...], Plan, tuple[Rule, ...]]:
    """The places, :func:`plan` and rules to ask of a quiet candidate, of the name of ``c``."""
    h = c.hit
    key = (h.key, h.n, c.word)
    known = plans.get(key)
    if known is None or known[0] != h.places:
        p = plan(c)
        known = plans[key] = (h.places, p, tuple(r for r in p[0] if r not in QUIET_SKIPS))
    return known
