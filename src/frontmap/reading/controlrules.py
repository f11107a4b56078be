"""The phrase rules behind :func:`frontmap.reading.events.find_control_events` (see that module's docstring).

Patterns are compiled once with ``re.VERBOSE``; each is applied to a bounded window before or after a
place mention, so the work per mention is constant and no pattern can backtrack catastrophically.  A
rule before a place must end where the place begins, and a negation must end where the trigger does:
these are matched backwards, on the window reversed (:mod:`frontmap.reading._events_reverse`), from
that end.  Most places have no event: one quick match of all the rules at once, on the window in lower
case, answers for them.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from typing import NamedTuple

from frontmap.reading._events_reverse import any_of, reversed_pattern
from frontmap.reading.lexicon import CONTROL_AUXILIARIES, CONTROL_FILLER, MONTH_NUMBERS

__all__ = [
    "WINDOW",
    "DatePhrases",
    "date_phrases",
    "left_event",
    "list_separator",
    "right_event",
    "sentence_date",
]

_F = re.IGNORECASE | re.VERBOSE
_UA = r"(?:ukrain(?:ians|ian|e)(?:['’]s)?|kyiv['’]s|zsu|afu)"
_RU = (
    r"(?:russi(?:ans|an|a)(?:['’]s)?|moscow(?:['’]s)?|kremlin|wagner|pro-russian|separatists?|kadyrovites?"
    r"|dpr|lpr)"
)
_CUE = re.compile(rf"\b(?:(?P<ua>{_UA})|(?P<ru>{_RU}))(?![\w-])", re.IGNORECASE)
_SIDE_NAMES = rf"(?P<cue>{_UA}|{_RU})"

# Words allowed between a trigger and the place: "the strategic eastern city of".
_FILLER = r"(?:(?:" + "|".join(re.escape(w) for w in CONTROL_FILLER) + r")\s+){0,6}"


def _backwards(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern``, a test of how a text ends (``...$``), compiled backwards (:func:`reversed_pattern`),
    for :func:`_ends_with`."""
    return re.compile(reversed_pattern(pattern), flags)


def _ends_with(backwards: re.Pattern[str], s: str) -> bool:
    """Whether ``s`` ends as the pattern compiled by :func:`_backwards` says: the answer of
    ``re.search`` with the pattern as written, without trying it at every position of ``s``."""
    return backwards.match(s[::-1]) is not None


# Words that make the verb a verb (with a subject) rather than an adjective ("in liberated X").
_VERB_CONTEXT = _backwards(
    rf"""(?:\b(?:has|have|had|which|that|who|it|they|forces|troops|army|military|soldiers|units|brigades?|
    fighters|marines|paratroopers|mercenaries|defenders|{_UA}|{_RU}|kyiv)\s+)
    (?:(?:\w+ly|also|now|just|finally|reportedly|already|then|later|again|swiftly|since)\s+){{0,2}}$""",
    re.IGNORECASE,
)
# Negations, modals and intentions just before a trigger: no event.
_NOT_DONE = _backwards(
    r"""\b(?:not|never|n[’']t|no\s+longer|yet\s+to|could|would|might|shall|should|must|cannot|unless|
    whether)\b(?:\s+\S+){0,3}\s*$
    |\b(?:deni(?:ed|es)|deny|false(?:ly)?|rumou?rs?)\b(?:\s+\S+){0,5}\s*$
    |\b(?:plans?|planned|planning|aims?|aimed|aiming|trying|tried|tries|attempts?|attempted|attempting|
    efforts?|bid|push|drive|battle|fight|fighting|struggle|campaign|(?:counter-?)?offensive|operations?|
    hopes?|hoped|hoping|goal|preparations?|prepar(?:e|es|ed|ing)|threat(?:en|ens|ened|ening)?|vow(?:s|ed)?|
    promis(?:e|es|ed|ing)|seeks?|sought|intends?|intended|wants?|wanted|order(?:s|ed)?|fail(?:s|ed)?|
    ready|calls?|called)\s+(?:for|to|towards?|at|of)\b(?:\s+\S+){0,2}\s*$""",
    re.IGNORECASE,
)
# Ambiguous modals ("in May", "Will") only count in lower case.
_NOT_DONE_LOWER = _backwards(r"\b(?:may|will|can|if)\b(?:\s+\S+){0,3}\s*$")


def _for_folded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern``, whose words are in lower case, compiled without the case-insensitive flag, for text
    in lower case (:func:`_folded`): it matches there wherever, case-insensitive, it matches the text."""
    if any(c.isupper() for c in re.sub(r"\\.|\(\?P<\w+>", "", pattern)):  # escapes and names aside
        raise ValueError(f"not in lower case: {pattern!r}")
    return re.compile(pattern, flags)


def _left(trigger: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<trig>{trigger})\s+{_FILLER}$", _F)


# kind: "ua" fixed side; "subj-ua"/"subj-ru" the subject's side when used as a verb, else (an adjective
# or noun, or no subject) the default in the suffix; "subj" the subject's side, no default; "anti" the
# side opposite the subject; "cue" the side named in the phrase.
_LEFT_TRIGGERS: list[tuple[str, str]] = [
    (
        "cue",
        rf"""{_SIDE_NAMES}\s+(?:national\s+)?flags?\s+(?:(?:was|were|is|has|had|have|been|now|again|
        once|proudly)\s+){{0,4}}(?:raised|hoisted|flies|flew|flying|planted|unfurled)\s+(?:again\s+)?
        (?:over|in|above|at|on)""",
    ),
    ("cue", rf"{_SIDE_NAMES}[-\s](?:occupied|held|controlled)"),
    (
        "ua",
        r"""(?:formerly|previously|once|recently|briefly)[-\s]+occupied|de-?occupied|
        (?:de-?occupation|liberation)\s+of|returned\s+(?:full\s+)?control\s+(?:of|over)""",
    ),
    (
        "subj-ru",
        r"(?:(?:temporarily|illegally|still)\s+)?(?:occupied|annexed)|(?:occupation|annexation|fall)\s+of",
    ),
    (
        "subj-ua",
        r"""retook|retaken|recaptured|liberated|freed|reclaimed|regained|(?:took|taken|won|wrested)\s+back|
        (?:regained|restored|re-established|reestablished)\s+(?:full\s+)?control\s+(?:of|over)|
        (?:recapture|retaking)\s+of""",
    ),
    (
        "subj",
        r"""(?:gained|seized|took|taken|established|assumed|consolidated)\s+(?:full\s+)?control\s+
        (?:of|over)|captured|seized|took(?:\s+over)?|taken(?:\s+over)?|overran|overrun|conquered|entered|
        (?:capture|seizure|takeover|conquest)\s+of""",
    ),
    (
        "anti",
        r"""(?:withdrew|withdrawn|withdrawing|retreated|retreating|pulled\s+back|fled)
        \s+(?:(?:its|their|his|all|the|remaining|last|troops|forces|units|soldiers)\s+){0,3}
        (?:from|out\s+of)|pulled\s+(?:(?:its|their|his|all|the|remaining|last|troops|forces|units|soldiers)
        \s+){0,3}out\s+(?:of|from)|(?:withdrawal|retreat|pull-?out)\s+(?:of\s+(?:(?:its|their|the|all|remaining)\s+)?
        (?:troops|forces|units|soldiers)\s+)?from|abandoned|surrendered|lost(?:\s+control\s+(?:of|over))?""",
    ),
]
_LEFT_RULES: list[tuple[str, re.Pattern[str]]] = [(kind, _left(t)) for kind, t in _LEFT_TRIGGERS]
#: Each rule written backwards (:func:`reversed_pattern`), for the window reversed and in lower case
#: (:func:`_folded`): matched at its start, where the place begins, it says in a few steps whether the
#: rule matches at all.
_BACKWARDS = tuple(_for_folded(reversed_pattern(rx.pattern)) for _, rx in _LEFT_RULES)
#: Any rule, backwards (the filler once, then any trigger): most places have none before them.
_ANY_LEFT_BACKWARDS = _for_folded(
    reversed_pattern(rf"(?:{any_of(t for _, t in _LEFT_TRIGGERS)})\s+{_FILLER}")
)
#: Each rule for text in lower case: where it first matches there, the rule first matches the text.
_FOLDED_RULES = tuple(_for_folded(rx.pattern, re.VERBOSE) for _, rx in _LEFT_RULES)

_AUX = r"(?:(?:" + "|".join(re.escape(w) for w in CONTROL_AUXILIARIES) + r")\s+){0,5}"
_RIGHT_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "passive",
        re.compile(
            rf"""^\s*,?\s*(?P<aux>{_AUX})(?P<verb>recaptured|retaken|liberated|freed|reclaimed|regained|
            de-?occupied|captured|seized|taken|occupied|overrun|annexed|held|controlled)\b""",
            _F,
        ),
    ),
    (
        "fell",
        re.compile(
            rf"^\s*,?\s*(?P<aux>{_AUX})(?:fell|falls|fallen)\s+(?:in)?to\s+(?:the\s+)?{_SIDE_NAMES}", _F
        ),
    ),
    (
        "under",
        re.compile(
            rf"""^\s*,?\s*(?P<aux>(?:(?:which|that|is|was|are|were|remains|remained|has|had|have|been|remain|
            stays|stayed|came|come|comes|returned|returns|now|still|firmly|fully|again|largely|already|
            not|never|no|longer)\s+){{0,5}})(?:back\s+)?(?:under|in|into|to)\s+(?:full\s+|firm\s+)?{_SIDE_NAMES}
            \s+(?:control|occupation|rule|hands)""",
            _F,
        ),
    ),
    (
        "which",
        re.compile(
            rf"""^\s*,\s*(?:which|that)\s+{_SIDE_NAMES}(?:\s+(?:forces|troops|army|military|soldiers|units))?
            \s+(?P<aux>(?:(?:has|had|have|had|also|later|then|finally|only)\s+){{0,2}})
            (?P<verb>retook|recaptured|liberated|freed|reclaimed|regained|captured|seized|took|occupied|
            overran|annexed)\b""",
            _F,
        ),
    ),
]
#: Any rule of :data:`_RIGHT_RULES`, without the case-insensitive flag, for text in lower case
#: (:func:`_folded`): most places have none after them, and one match is cheaper than four.
_ANY_RIGHT_FOLDED = _for_folded(any_of(rx.pattern for _, rx in _RIGHT_RULES))
_FINITE = re.compile(r"(?:was|were|is|are|has|had|have|remains|remained)\b", re.I)
_RELATIVE_TIME = re.compile(
    r"\b(?:later|earlier|afterwards?|after|before|following|next|previous|then)\b", re.I
)
_RELATIVE_TIME_AT_END = re.compile(_RELATIVE_TIME.pattern + r"\Z", re.I)
_EDGE_SPAN = 16
_REGAIN = re.compile(r"^(?:recaptured|retaken|retook|liberated|freed|reclaimed|regained|de-?occupied)$", re.I)
_OCCUPY = re.compile(r"^(?:occupied|annexed)$", re.I)
_MODAL = re.compile(
    r"\b(?:not|never|no|longer|could|would|might|may|will|should|must|cannot|can|yet)\b", re.I
)
_BY_SIDE = re.compile(rf"^[^,;.]{{0,50}}?\bby\s+(?:the\s+)?(?:(?P<ua>{_UA})|(?P<ru>{_RU}))(?![\w-])", re.I)
_FROM_SIDE = re.compile(rf"^\s*,?\s*from\s+(?:the\s+)?(?:(?P<ua>{_UA})|(?P<ru>{_RU}))(?![\w-])", re.I)
_LIST_SEP = re.compile(
    rf"^(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+|or\s+)?|\s+(?:and|as\s+well\s+as)\s+){_FILLER}$", _F
)

_MONTHS = MONTH_NUMBERS
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ON_DATE = re.compile(
    rf"""\bon\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?
    (?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?
    (?P<m2>{_MONTH}))(?:,?\s+(?P<y>(?:19|20)\d\d))?(?!\d)""",
    _F,
)
_DIGIT = re.compile(r"\d")
WINDOW = 200  # characters of context looked at on each side of a mention


def _side_of(m: re.Match[str] | None) -> str | None:
    if m is None:
        return None
    if m.groupdict().get("ua"):
        return "ukraine"
    if m.groupdict().get("ru"):
        return "russia"
    cue = m.groupdict().get("cue")
    if cue:
        return "ukraine" if re.match(_UA, cue, re.I) else "russia"
    return None


def _close_subject(before: str) -> str | None:
    """The side word closest before a verb, within six words and the same clause."""
    clause = re.split(r"[,;:()]", before[-120:])[-1]
    words = clause.split()[-6:]
    last = None
    for m in _CUE.finditer(" ".join(words)):
        last = m
    return _side_of(last)


def _any_subject(before: str) -> str | None:
    last = None
    for m in _CUE.finditer(before[-WINDOW:]):
        last = m
    return _side_of(last)


def _other(side: str | None) -> str | None:
    return {"ukraine": "russia", "russia": "ukraine"}.get(side or "")


#: The only letters beyond ASCII that a case-insensitive pattern matches to an ASCII letter.
_ASCII_TWINS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_ASCII_TWIN = re.compile("[\u0130\u0131\u017f\u212a]")


def _folded(s: str) -> str:
    """``s`` in lower case, with the letters a case-insensitive pattern reads as ASCII letters made
    them: a lower-case pattern of ASCII words finds in it what the case-insensitive one finds in ``s``,
    at the same offsets (no character of ``s`` becomes two)."""
    if not s.isascii() and _ASCII_TWIN.search(s):
        s = s.translate(_ASCII_TWINS)  # slow, and seldom needed
    return s.lower()


#: For each rule of :data:`_LEFT_RULES`, more characters than its trigger can hold, white space and
#: hyphens aside (the longest phrase of each pattern, counted by hand, plus a margin: "ukrainians's
#: national flags proudly ... unfurled again above" holds 71).  Every repetition a trigger may make
#: without bound is of white space or hyphens, so its start lies at most this many counted characters
#: before the end of the trigger.
_TRIGGER_CHARS = (71 + 8, 22 + 8, 23 + 8, 19 + 8, 28 + 8, 27 + 8, 43 + 8)
#: The same, as patterns matched on the reversed window: how far back a trigger can start.
_BACK = tuple(re.compile(rf"(?:[\s-]*[^\s-]){{0,{n}}}[\s-]*") for n in _TRIGGER_CHARS)
_FILLER_WORDS = frozenset(w.lower() for w in CONTROL_FILLER)
_MAX_FILLER = 6  # as in _FILLER


def _trigger_end_bound(pre: str) -> int:
    """An offset no trigger of ``pre`` ends before: the end of ``pre`` without the words at its end that
    could be filler (at most six; a word that is not plain ASCII might be one, so it counts as one)."""
    rest = pre.rstrip()
    for _ in range(_MAX_FILLER):
        parts = rest.rsplit(None, 1)
        if not parts:
            break
        last = parts[-1]
        if last.isascii() and last.lower() not in _FILLER_WORDS:
            break
        rest = parts[0].rstrip() if len(parts) == 2 else ""
    return len(rest)


def left_event(pre: str, post: str) -> tuple[str, int, int] | None:
    """``(side, start, end)`` of a trigger ending ``pre`` (offsets within ``pre``), or None.

    A rule must end where the place begins, so all are first matched at once backwards from there
    (:data:`_ANY_LEFT_BACKWARDS`, a few steps), then each (:data:`_BACKWARDS`); only a rule that
    matches is searched for its first match, in the window in lower case (:data:`_FOLDED_RULES`) and
    only where its trigger can start (:data:`_TRIGGER_CHARS` before the filler that ends ``pre``).
    """
    folded = _folded(pre)  # as long as ``pre``, offset for offset
    reverse = folded[::-1]
    if not _ANY_LEFT_BACKWARDS.match(reverse):
        return None
    from_end = len(pre) - _trigger_end_bound(pre)
    rules = zip(_LEFT_RULES, _FOLDED_RULES, _BACKWARDS, _BACK, strict=True)
    for (kind, rx), folded_rx, backwards, back in rules:
        if not backwards.match(reverse):
            continue
        reach = back.match(reverse, from_end)
        start_at = len(pre) - reach.end() if reach else 0
        first = folded_rx.search(folded, start_at)  # no match of ``rx`` starts before this one
        m = first and (rx.match(pre, first.start()) or rx.search(pre, first.start() + 1))
        if m is None:
            continue
        start, trig_end = m.start("trig"), m.end("trig")
        before = pre[:start]
        if _ends_with(_NOT_DONE, before[-80:]) or _ends_with(_NOT_DONE_LOWER, before[-80:]):
            return None
        side: str | None
        if kind == "cue":
            side = _side_of(m)
        elif kind in ("ua", "ru"):
            side = {"ua": "ukraine", "ru": "russia"}[kind]
        elif kind.startswith("subj-"):
            default = {"subj-ua": "ukraine", "subj-ru": "russia"}[kind]
            is_verb = _ends_with(_VERB_CONTEXT, before[-80:])
            side = (_close_subject(before) if is_verb else None) or _side_of(_BY_SIDE.match(post)) or default
        elif kind == "subj":
            side = _close_subject(before) or _side_of(_BY_SIDE.match(post)) or _any_subject(before)
        else:  # anti
            side = _other(_close_subject(before) or _any_subject(before))
        return (side, start, trig_end) if side else None
    return None


def right_event(post: str) -> tuple[str, int, int, bool] | None:
    """``(side, start, end, closes_apposition)`` of a passive/"fell to"/"under control" phrase opening
    ``post``.  ``closes_apposition`` is true for ", was retaken" after a place: the place then ends an
    apposition ("Irpin, a town west of Kyiv, was retaken") and the subject is an earlier place."""
    if not _ANY_RIGHT_FOLDED.match(_folded(post)):
        return None
    for kind, rx in _RIGHT_RULES:
        m = rx.match(post)
        if m is None:
            continue
        if _MODAL.search(m.group("aux") or ""):
            return None
        start = len(post) - len(post.lstrip(" ,"))
        end = m.end()
        if kind == "passive":
            verb = m.group("verb")
            by = _BY_SIDE.match(post[m.end() :])
            if not (m.group("aux") or "," in post[:start] or by):  # "X liberated Y" is not a passive
                return None
            if by is not None:
                side = _side_of(by)
                end = m.end() + by.end()
            elif _REGAIN.match(verb):
                side = "ukraine"
            elif _OCCUPY.match(verb):
                side = "russia"
            else:
                side = _other(_side_of(_FROM_SIDE.match(post[m.end() :])))
        else:
            side = _side_of(m)
        closes = "," in post[:start] and bool(_FINITE.match(m.groupdict().get("aux") or ""))
        return (side, start, end, closes) if side else None
    return None


class DatePhrases(NamedTuple):
    """The "on <day>" phrases of a sentence and its relative-time words ("later", "after"), found once
    per sentence however many events it has (:func:`date_phrases`).  Relative-time words only matter
    between an event and a day, so they are not looked for in a sentence without a day."""

    starts: list[int]
    found: list[re.Match[str]]
    relative_starts: list[int]
    relative_ends: list[int]


def date_phrases(sentence: str) -> DatePhrases:
    """The :class:`DatePhrases` of ``sentence``, for :func:`sentence_date`."""
    found = list(_ON_DATE.finditer(sentence)) if _DIGIT.search(sentence) else []  # a day has digits
    relative = list(_RELATIVE_TIME.finditer(sentence)) if found else []
    return DatePhrases(
        [m.start() for m in found], found, [m.start() for m in relative], [m.end() for m in relative]
    )


def _relative_between(sentence: str, lo: int, hi: int, phrases: DatePhrases) -> bool:
    """``_RELATIVE_TIME.search(sentence[lo:hi])``, without copying or searching the span: a word of the
    whole sentence inside it, or one that only the cut makes a word (at either end of the span)."""
    if hi <= lo:
        return False
    i = bisect_left(phrases.relative_starts, lo)
    if i < len(phrases.relative_starts) and phrases.relative_ends[i] <= hi:
        return True
    edge = _EDGE_SPAN  # longer than any relative-time word, so the cut side of a window is never reached
    return bool(
        _RELATIVE_TIME.match(sentence[lo : min(hi, lo + edge)])
        or _RELATIVE_TIME_AT_END.search(sentence[max(lo, hi - edge) : hi])
    )


def sentence_date(
    sentence: str, at: int, published: _dt.date | None, phrases: DatePhrases | None = None
) -> _dt.date | None:
    """The date of an event whose trigger is at offset ``at`` of ``sentence``: the explicit "on <day>"
    nearest to it (the earlier one on a tie), unless words such as "later" or "after" stand between
    them; else ``published``.  ``phrases`` is ``date_phrases(sentence)``, if already known."""
    phrases = phrases if phrases is not None else date_phrases(sentence)
    starts, found = phrases.starts, phrases.found
    i = bisect_left(starts, at)
    best = None
    if i > 0:
        best = found[i - 1]
    if i < len(found) and (best is None or starts[i] - at < at - best.start()):
        best = found[i]
    if best is None:
        return published
    lo, hi = (best.end(), at) if best.end() <= at else (at, best.start())
    if _relative_between(sentence, lo, hi, phrases):
        return published
    m = best
    month = _MONTHS[(m.group("m1") or m.group("m2")).rstrip(".").lower()]
    day = int(m.group("d1") or m.group("d2"))
    if m.group("y"):
        year = int(m.group("y"))
    elif published is not None:
        year = published.year
        try:
            if _dt.date(year, month, day) > published:
                year -= 1
        except ValueError:
            return published
    else:
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return published


def list_separator(gap: str) -> bool:
    """Whether ``gap`` joins two places of a list (", ", " and ", ", the town of ")."""
    return len(gap) < 60 and _LIST_SEP.match(gap) is not None
