"""Misspelled names ("Kramatrosk", "Zaporizzhia"): a long capitalised word the gazetteer does not know,
read as the one place a typo away (used by :mod:`~frontmap.reading.mentions`).

Only words of :data:`~frontmap.gazetteer.names.FUZZY_MIN_LETTERS` letters or more are tried, never a
word in capitals, an ordinary English word, a given name, a title, a demonym, a month or a weekday; the
gazetteer's :meth:`~frontmap.gazetteer.Gazetteer.lookup_fuzzy` answers only when every key a typo away
names the same place.  A hyphen-joined name ("Ivano-Frankivks") is tried whole before its first word.
Only places in Ukraine, large features and cities abroad are guessed.
The candidate then goes through the rules of :mod:`~frontmap.reading.mentionrules` like any other.
"""

from __future__ import annotations

from frontmap.gazetteer.names import FUZZY_MIN_LETTERS, normalize
from frontmap.reading._tokens import POSSESSIVE, Hit, Token, token_key
from frontmap.reading.lexicon import COMMON_WORDS, DEMONYMS, GIVEN_NAMES, MONTHS, TITLES, WEEKDAYS

__all__ = ["misspelled"]

#: Words never read as a misspelled name.
_WORDS = COMMON_WORDS | GIVEN_NAMES | TITLES | DEMONYMS | MONTHS | WEEKDAYS
#: A place abroad smaller than this is not guessed from a misspelling (a surname is likelier).
_CITY = 100_000
#: Most words of a hyphen-joined name tried whole.
_MAX_PARTS = 3


def _word_ok(t: Token) -> bool:
    """Could ``t`` be (part of) a misspelled name: capitalised, not in capitals, not a known word?"""
    word = POSSESSIVE.sub("", t.text)
    return t.cap and not word.isupper() and word.lower() not in _WORDS


def _meant(p) -> bool:
    """Is ``p`` a place a report may misspell: in Ukraine, a large feature or a city abroad?"""
    return p.country == "UA" or p.kind != "settlement" or p.population >= _CITY


def misspelled(text: str, tokens: list[Token], i: int, gz) -> Hit | None:
    """The hit for a misspelled name starting at token ``i``, or None."""
    t = tokens[i]
    if len(t.text) < FUZZY_MIN_LETTERS and not text.startswith("-", t.end):
        return None  # too short, and no hyphen-joined name (the common case: decided first, cheaply)
    fuzzy = getattr(gz, "lookup_fuzzy", None)
    if fuzzy is None or not _word_ok(t):
        return None
    run = [t]
    while (
        len(run) < _MAX_PARTS
        and i + len(run) < len(tokens)
        and text[run[-1].end : tokens[i + len(run)].start] == "-"
        and _word_ok(tokens[i + len(run)])
    ):
        run.append(tokens[i + len(run)])
    for n in range(len(run), 0, -1):
        last = POSSESSIVE.sub("", run[n - 1].text) or run[n - 1].text
        key = " ".join([*(token_key(w) for w in run[: n - 1]), normalize(last)])
        if n == 1 and sum(ch.isalpha() for ch in key) < FUZZY_MIN_LETTERS:
            continue
        places = fuzzy(key)
        if places and any(_meant(p) for p in places):
            return Hit(i, n, t.start, run[n - 1].start + len(last), key, tuple(places))
    return None
