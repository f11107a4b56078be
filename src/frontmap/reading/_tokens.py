"""Words of a text and the gazetteer names found in them (shared by :mod:`~frontmap.reading.mentions`
and :mod:`~frontmap.reading.mentionrules`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import Place

__all__ = ["POSSESSIVE", "Hit", "Token", "joined", "token_key", "tokenize"]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*", re.UNICODE)
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
    for m in _TOKEN.finditer(text):
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
