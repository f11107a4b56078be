"""Gazetteer answers remembered while reading (used by :mod:`~frontmap.reading.mentions`).

A name scanner asks the gazetteer about the same few thousand keys again and again ("the", "russian",
"kyiv"); most are misses, and each miss is an SQLite query.  :class:`CachedGazetteer` wraps a
gazetteer and remembers its answers: for the bundled :class:`~frontmap.gazetteer.Gazetteer`, whose data
never changes while a process runs, in one memo shared by every read of the process; for any other
gazetteer, only for the read at hand.  Memos hold gazetteer answers (a pure function of the key),
never what was read in a text, and are emptied when they grow past :data:`LIMIT` entries.
"""

from __future__ import annotations

from typing import Any

from frontmap.gazetteer.lookup import Gazetteer
from frontmap.gazetteer.place import Place

__all__ = ["LIMIT", "CachedGazetteer", "Memo"]

#: Entries a memo holds before it is emptied (a few MB at most).
LIMIT = 1 << 16


class Memo:
    """Answers of one gazetteer: lookups, first words, fuzzy lookups, and the scanner's own results
    per word and per run of words as written (see :func:`frontmap.reading.mentions.candidates`),
    misspelled names among them (:func:`frontmap.reading._spelling.misspelled`), and the rules to ask
    about each name (:func:`frontmap.reading._decide.plan`)."""

    __slots__ = ("countries", "fuzzy", "guesses", "lookups", "plans", "runs", "singles", "starts", "words")

    def __init__(self) -> None:
        self.lookups: dict[str, tuple[Place, ...]] = {}
        self.words: dict[str, int] = {}
        self.fuzzy: dict[str, tuple[Place, ...]] = {}
        self.runs: dict[str, Any] = {}  # the text of a run of words -> its longest name, or None
        self.starts: dict[str, Any] = {}  # a capitalised word -> what the scanner asks of it
        self.guesses: dict[tuple[str, ...], Any] = {}
        self.singles: dict[str, Any] = {}  # a capitalised word alone -> its misspelled name, or None
        self.countries: dict[tuple[str, str], Place | None] = {}  # ("country" or "capital", code)
        self.plans: dict[Any, Any] = {}  # the rules to ask about a name (frontmap.reading._decide)

    def trim(self) -> None:
        """Empty any memo that has grown past :data:`LIMIT` entries."""
        for name in self.__slots__:
            table = getattr(self, name)
            if len(table) > LIMIT:
                table.clear()


#: The memo of the bundled gazetteer, shared by every read of the process.
_SHARED = Memo()


class CachedGazetteer:
    """``gz`` with its ``lookup``, ``words_from``, ``lookup_fuzzy``, ``country`` and ``capital`` answers
    remembered (an error is raised again each time, never remembered); every other attribute is
    ``gz``'s own.  ``words_from`` and ``lookup_fuzzy`` are None when ``gz`` lacks them."""

    def __init__(self, gz: Any) -> None:
        self.gz = gz
        self.memo = _SHARED if type(gz) is Gazetteer else Memo()
        self.memo.trim()
        self.words_from = self._words_from if hasattr(gz, "words_from") else None
        self.lookup_fuzzy = self._lookup_fuzzy if hasattr(gz, "lookup_fuzzy") else None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.gz, name)

    def lookup(self, key: str) -> tuple[Place, ...]:
        found = self.memo.lookups.get(key)
        if found is None:
            found = self.memo.lookups[key] = self.gz.lookup(key)
        return found

    def _words_from(self, first: str) -> int:
        n = self.memo.words.get(first)
        if n is None:
            n = self.memo.words[first] = self.gz.words_from(first)
        return n

    def _lookup_fuzzy(self, key: str) -> tuple[Place, ...]:
        found = self.memo.fuzzy.get(key)
        if found is None:
            found = self.memo.fuzzy[key] = self.gz.lookup_fuzzy(key)
        return found

    def country(self, iso2: str) -> Place:
        return self._by_code("country", iso2)  # type: ignore[return-value]

    def capital(self, iso2: str) -> Place | None:
        return self._by_code("capital", iso2)

    def _by_code(self, what: str, code: str) -> Place | None:
        key = (what, code)
        if key in self.memo.countries:
            return self.memo.countries[key]
        found = self.memo.countries[key] = getattr(self.gz, what)(code)
        return found
