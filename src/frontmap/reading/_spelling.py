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

from functools import lru_cache

from frontmap.gazetteer.names import FUZZY_MIN_LETTERS, normalize
from frontmap.gazetteer.place import Place
from frontmap.reading._tokens import POSSESSIVE, Hit, Token, Words
from frontmap.reading.lexicon import COMMON_WORDS, DEMONYMS, GIVEN_NAMES, MONTHS, TITLES, WEEKDAYS

__all__ = ["Name", "misspelled", "with_head"]

#: Words never read as a misspelled name.
_WORDS = COMMON_WORDS | GIVEN_NAMES | TITLES | DEMONYMS | MONTHS | WEEKDAYS
#: A place abroad smaller than this is not guessed from a misspelling (a surname is likelier).
_CITY = 100_000
#: Most words of a hyphen-joined name tried whole.
_MAX_PARTS = 3


def _word_ok(t: Token) -> bool:
    """Could ``t`` be (part of) a misspelled name: capitalised, not in capitals, not a known word?"""
    return t.cap and _plain_word(t.text)


@lru_cache(maxsize=1 << 14)
def _plain_word(text: str) -> bool:
    """Is ``text`` (a possessive aside) neither in capitals nor a known word?"""
    word = POSSESSIVE.sub("", text)
    return not word.isupper() and word.lower() not in _WORDS


def _meant(p) -> bool:
    """Is ``p`` a place a report may misspell: in Ukraine, a large feature or a city abroad?"""
    return p.country == "UA" or p.kind != "settlement" or p.population >= _CITY


def misspelled(text: str, found: Words, t: Token, gz) -> Hit | None:
    """The hit for a misspelled name starting at word ``t`` of ``found``, or None."""
    if len(t.text) < FUZZY_MIN_LETTERS and not text.startswith("-", t.end):
        return None  # too short, and no hyphen-joined name (the common case: decided first, cheaply)
    fuzzy = getattr(gz, "lookup_fuzzy", None)
    if fuzzy is None or not _word_ok(t):
        return None
    run = [t]
    while len(run) < _MAX_PARTS and text.startswith("-", run[-1].end):
        nxt = found.after(run[-1].end)
        if nxt is None or nxt.start != run[-1].end + 1 or not _word_ok(nxt):
            break
        run.append(nxt)
    words = tuple(w.text for w in run)
    memo = getattr(gz, "memo", None)
    guesses = memo.guesses if memo is not None else {}
    guess = guesses.get(words, _UNKNOWN)
    if guess is _UNKNOWN:
        guess = guesses[words] = _guess(words, fuzzy, gz.lookup)
    if guess is None:
        return None
    n, last_len, key, places = guess
    return Hit(n, t.start, run[n - 1].start + last_len, key, places)


Name = tuple[int, int, int, str, tuple[Place, ...]]


def with_head(text: str, found: Words, start: int, name: Name, gz) -> Name:
    """A misspelled name at ``start`` (``(words, length, length to the end of its last word, key,
    places)``), or the longer name it makes with the word after it: "Zaporizzhia Oblast" is the oblast,
    "the Khakhovka Reservoir" the reservoir, not the city and the town their first words are."""
    n, length, word_end, _, places = name
    end = start + length
    head = found.after(end) if word_end == length else None  # no possessive ends the name
    if head is None or head.start != end + 1 or text[end] != " ":
        return name
    longer = f"{normalize(places[0].name)} {normalize(head.text)}"
    named = gz.lookup(longer)
    return (n + 1, head.end - start, head.end - start, longer, tuple(named)) if named else name


_UNKNOWN = object()


def _guess(words: tuple[str, ...], fuzzy, lookup) -> tuple[int, int, str, tuple[Place, ...]] | None:
    """The misspelled name the first of ``words`` make: ``(words, length of its last word, key,
    places)``, or None (the answer depends on the words alone: ``gz.memo`` remembers it); ``fuzzy`` and
    ``lookup`` are the gazetteer's lookups, forgiving a typo and exact."""
    for n in range(len(words), 0, -1):
        last = POSSESSIVE.sub("", words[n - 1]) or words[n - 1]
        key = " ".join([*(normalize(w) for w in words[: n - 1]), normalize(last)])
        if n == 1 and sum(ch.isalpha() for ch in key) < FUZZY_MIN_LETTERS:
            continue
        own = lookup(key[:-1]) if n == 1 and key.endswith("s") else ()
        own = tuple(p for p in own if normalize(p.name) == key[:-1] and _meant(p))
        if own:  # "Ukraines northeast", "Russias Defense Ministry": a possessive that lost its apostrophe
            return n, len(last), key[:-1], own
        places = fuzzy(key)
        if places and any(_meant(p) for p in places):
            return n, len(last), key, tuple(places)
    return None
