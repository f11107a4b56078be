"""Words of a text and the gazetteer names found in them (shared by :mod:`~frontmap.reading.mentions`
and :mod:`~frontmap.reading.mentionrules`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from frontmap.gazetteer.names import normalize
from frontmap.gazetteer.place import Place

__all__ = ["JOINED_GAPS", "POSSESSIVE", "Hit", "Token", "Tokens", "joined", "token_key", "tokenize"]

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
#: The same two patterns as one group each, to split a text into its gaps and words.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})", re.UNICODE)
_PLAIN_TOKEN_SPLIT = re.compile(f"({_PLAIN_TOKEN.pattern})", re.UNICODE)
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


class Tokens(Sequence[Token]):
    """The words of a text, as :func:`tokenize` finds them, kept as lists (``words``, ``starts``,
    ``ends``, ``caps``; ``gaps[k]`` is the text between word ``k - 1`` and word ``k``, ``gaps[0]`` what
    comes before the first word); indexing gives the :class:`Token` of a word, made when first asked for.
    Most words of a text are never a name's neighbour: no object is made for them."""

    __slots__ = ("_made", "caps", "ends", "gaps", "starts", "words")

    def __init__(self, text: str):
        parts = (_TOKEN_SPLIT if _MARKED.search(text) else _PLAIN_TOKEN_SPLIT).split(text)
        offsets = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]
        self.gaps: list[str] = parts[0::2]
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]
        self.caps: list[bool] = list(map(str.isupper, map(itemgetter(0), self.words)))
        self._made: dict[int, Token] = {}

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i):  # type: ignore[override]  # an index, never a slice
        t = self._made.get(i)
        if t is None:
            k = i + len(self.words) if i < 0 else i
            if not 0 <= k < len(self.words):
                raise IndexError(i)
            t = self._made[i] = Token(self.starts[k], self.ends[k], self.words[k], "", self.caps[k])
        return t

    def joined(self, k: int) -> bool:
        """Are words ``k`` and ``k + 1`` part of one name (see :func:`joined`)?"""
        return self.gaps[k + 1] in JOINED_GAPS


#: The gaps that join two words into one name: one to three spaces, no-break spaces or hyphens.
JOINED_GAPS = frozenset(
    a + b + c for a in " -\u00a0" for b in ("", *" -\u00a0") for c in ("", *" -\u00a0") if c == "" or b
)


def joined(text: str, a: Token, b: Token) -> bool:
    """Are two consecutive tokens part of one name (separated by one space or hyphen only)?"""
    gap = text[a.end : b.start]
    return 0 < len(gap) <= _MAX_GAP and gap.strip(" -\u00a0") == "" and "\n" not in gap


def token_key(t: Token) -> str:
    """The normalised form of a token (computed once)."""
    if not t.key:
        t.key = normalize(t.text)
    return t.key
