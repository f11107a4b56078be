"""Words of a text and the gazetteer names found in them (shared by :mod:`~frontmap.reading.mentions`
and :mod:`~frontmap.reading.mentionrules`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import Place

__all__ = ["POSSESSIVE", "Hit", "Token", "joined", "token_key", "tokenize"]

#: A letter with the combining marks written on it (stress: "Орі́хово").
_LETTERS = r"(?:[^\W\d_][\u0300-\u036f]*)+"
#: Invisible characters inside a word: soft hyphen, zero-width space/joiners, word joiner, BOM.
_INVISIBLE = "[\u00ad\u200b-\u200d\u2060\ufeff]"
_WORD = rf"{_LETTERS}(?:{_INVISIBLE}+{_LETTERS})*"
#: A word: letters (with their combining marks and the invisible characters between them, which
#: :func:`~frontmap.gazetteer.names.normalize` removes), and inner apostrophes ("Kyiv's", "Sivers'k").
_TOKEN = re.compile(rf"{_WORD}(?:['’ʼ]{_WORD})*", re.UNICODE)
#: The same for a text without marks or invisible characters (most texts; about twice as fast).
_PLAIN_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*", re.UNICODE)
_MARKED = re.compile(rf"[\u0300-\u036f]|{_INVISIBLE}")
#: A possessive ending: "Kyiv's", "Kyiv’s", "Donbas'".
POSSESSIVE = re.compile(r"['’ʼ]s$|['’ʼ]$")
_MAX_GAP = 3


@dataclass(slots=True)
class Token:
    """A word: letters, with inner apostrophes ("Kyiv's")."""

    start: int
    end: int
    text: str
    key: str  # its normalised form, filled in by :func:`token_key` when first needed
    cap: bool


@dataclass(slots=True)
class Hit:
    """A known name in the text: ``n`` tokens from token ``i``, and the places it may be."""

    i: int  # first token
    n: int  # number of tokens
    start: int
    end: int
    key: str
    places: tuple[Place, ...]
    place: Place | None = None
    role: str = "location"
    evidence: str | None = None  # why ``place`` was chosen (see frontmap.reading.homonyms.EVIDENCE)


def tokenize(text: str) -> list[Token]:
    """The words of ``text``, in order."""
    out = []
    pattern = _TOKEN if _MARKED.search(text) else _PLAIN_TOKEN
    for m in pattern.finditer(text):
        s = m.group()
        out.append(Token(m.start(), m.end(), s, "", s[0].isupper()))
    return out


def joined(text: str, a: Token, b: Token) -> bool:
    """Are two consecutive tokens part of one name (separated by one space or hyphen only)?"""
    gap = text[a.end : b.start]
    return 0 < len(gap) <= _MAX_GAP and gap.strip(" -\u00a0") == "" and "\n" not in gap


def token_key(t: Token) -> str:
    """The normalised form of a token (computed once)."""
    if not t.key:
        t.key = normalize(t.text)
    return t.key
