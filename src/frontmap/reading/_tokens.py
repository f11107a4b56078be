"""Words of a text and the gazetteer names found in them (shared by :mod:`~frontmap.reading.mentions`
and :mod:`~frontmap.reading.mentionrules`).

A name starts at a capitalised word, and the rules look only at the words next to a name: :func:`words`
finds the capitalised words of a text and, when asked, a word's neighbours.  In a plain text (no
combining marks or invisible characters: most texts) nothing else is looked at (:class:`PlainWords`);
a text with them is split into all its words once (:class:`MarkedWords`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from frontmap.gazetteer.place import Place
from frontmap.quantities.numbers import DISTANCE_UNITS
from frontmap.reading.lexicon import (
    ABBREVIATIONS,
    LOWERCASE_TITLES,
    THING_WORDS,
    TITLES,
    TOWN_NOUNS,
    VESSEL_WORDS,
    phrases,
)
from frontmap.reading.patterns import LIES

__all__ = [
    "APPOSING",
    "DOTTED_TITLES",
    "JOINED_GAPS",
    "JOINING",
    "KIND_GAPS",
    "MODEL_GAP",
    "POSSESSIVE",
    "Hit",
    "MarkedWords",
    "PlainWords",
    "Token",
    "Words",
    "model_before",
    "model_before_backwards",
    "thing_before",
    "title_before",
    "tokenize",
    "vessel_apposed",
    "words",
]

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
#: Where a word of a plain text starts: a letter after no letter, and after no apostrophe that follows a
#: letter ("Kyiv's" is one word).
_STARTS = r"(?<![^\W\d_])(?<![^\W\d_]['’ʼ])"
_PLAIN_WORD = re.compile(_STARTS + _PLAIN_TOKEN.pattern)
#: A capitalised word of a plain text: a capital A-Z or a letter outside ASCII (whose case is asked
#: after), at a word start; the class of its first character lets the regex engine skip ahead.
_CAPITAL = re.compile(
    r"[A-Z\x80-\U0010ffff](?<=[^\W\d_])(?<![^\W\d_].)(?<![^\W\d_]['’ʼ].)[^\W\d_]*(?:['’ʼ][^\W\d_]+)*"
)
#: In a text read backwards: the gap, then the word before it (a word backwards fits the same pattern).
_LAST_WORD = re.compile(r"([\W\d_]*)(" + _PLAIN_TOKEN.pattern + ")")
#: From inside or at the end of a word: the rest of the word, the gap after it, the next word.
_NEXT_WORD = re.compile(r"(?:['’ʼ][^\W\d_]+)*+([\W\d_]*)(" + _PLAIN_TOKEN.pattern + ")")
#: What may stand between the words of a name: spaces and hyphens, or one unspaced en dash.
_RUN_GAP = r"(?:[ \-\u00a0]{1,3}|\u2013)"
#: :meth:`PlainWords.run` for each most number of words.
_RUNS: dict[int, re.Pattern[str]] = {}
#: The word after a gap that joins it to the word before (see :data:`JOINED_GAPS`).
_JOINED_WORD = re.compile(r"[ \-\u00a0]{1,3}(" + _PLAIN_TOKEN.pattern + ")")
#: The rest of a plain word from inside it: its apostrophes and the letters after them ("'s").
_REST = re.compile(r"(?:['’ʼ][^\W\d_]+)*")
#: A possessive ending: "Kyiv's", "Kyiv’s", "Donbas'".
POSSESSIVE = re.compile(r"['’ʼ]s$|['’ʼ]$")

#: Between a model's letters and a name: its number ("An-225 Mriya", "Su-34"); backwards as well.
MODEL_GAP = re.compile(r"-\d+ ")
_MODEL_GAP_BACKWARDS = re.compile(r" \d+-")


def model_before(text: str, prev: Token, start: int) -> bool:
    """Is the word ``prev`` before a name at ``start`` a model of two letters or more and its number ("the
    An-225 Mriya"), not a road's letter ("the H-26 Kupiansk highway")?"""
    return len(prev.text) > 1 and MODEL_GAP.fullmatch(text, prev.end, start) is not None


#: The words before a ship's name set off after its kind ("a landing ship, the Orsk,", "a ship dubbed the
#: Orsk."), as they end before the name, lower case.
APPOSING = frozenset({"the", "dubbed", "named", "called"})
_VESSEL_APPOSED = re.compile(
    r"\b(?:"
    + phrases(VESSEL_WORDS)
    + r")s?(?:\s*,\s*|\s+)(?:(?:"
    + phrases(APPOSING - {"the"})
    + r")\s+)?(?:the\s+)?"
    r"[\"'‘“]?$",
    re.IGNORECASE,
)
#: After a ship's name set off so: the end of the apposition (not "the ship, the Odesa governor said").
_APPOSITION_END = re.compile(r"[\"'’”]?\s*(?:[,.;:)]|$)")
#: After a ship's name, its kind: "the Orsk large landing ship", "the Saratov landing ship" (lower-case
#: words before it, no article: not "in Sevastopol a ship was hit"; not "the Mariupol ship repair plant").
_VESSEL_AFTER = re.compile(
    r"\s+(?:(?!(?:a|an|the|and|or|of|in|at|on|to|by|was|were|is)\b)[a-z]+[\s-]+){0,2}(?:"
    + phrases(VESSEL_WORDS)
    + r")\b(?![\s-]*(?:repair|yard|building|plant|works|factory))"
)


#: After a maker's name, an aircraft's model: "the Antonov An-225", "Tupolev Tu-95MS", "a Sukhoi Su-34" (two
#: or three letters, the first a capital: not a road's one letter, "the Kyiv M-06 highway").
_MODEL_LETTERS = r"[A-Z][a-z]{1,2}|MiG"
_MODEL_AFTER = re.compile(rf"\s+({_MODEL_LETTERS})-\d")
#: Whether a text holds such a model at all (looked for once per text).
ANY_MODEL = re.compile(rf"\b(?:{_MODEL_LETTERS})-\d")


def vessel_after(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` followed by the kind of vessel it names ("the Orsk landing ship"),
    or by a model that begins as it does (its maker: "the Antonov An-225", not "Kharkiv Tu-95")?"""
    if _VESSEL_AFTER.match(text, end) is not None:
        return True
    model = _MODEL_AFTER.match(text, end)
    return model is not None and text[start : start + 2].lower() == model.group(1)[:2].lower()


#: Titles written with a full stop before the surname ("Mr. Shcherbak", "Gen. Syrskyi"); not a saint's
#: "St.", which begins the names of places ("St. Petersburg").
DOTTED_TITLES = TITLES & ABBREVIATIONS - {"st"}


def title_before(text: str, prev: Token | None, start: int) -> bool:
    """Is ``prev``, the word before the name at ``start``, a title written with a full stop ("Mr.
    Shcherbak", "Gen. Syrskyi"), or one that marks a person even in lower case ("governor Ivanov")?"""
    if prev is None or (gap := text[prev.end : start]) not in (". ", " "):
        return False
    low = prev.text.lower()
    return low in LOWERCASE_TITLES if gap == " " else prev.cap and low in DOTTED_TITLES


def thing_before(text: str, prev: Token, start: int, end: int) -> bool:
    """Does the word ``prev`` before the name at ``text[start:end]`` make it a ship's, a medium's or an
    aircraft's: a vessel or media word right before it ("the cruiser Moskva"), a model ("the An-225
    Mriya"), or the end of what sets a ship's name off after its kind ("a landing ship, the Orsk, in
    Berdiansk", "a ship dubbed the Orsk.")?"""
    low = prev.text.lower()
    if low in THING_WORDS and text[prev.end : start].strip(" '\"‘“") == "":
        return True
    if low in APPOSING and vessel_apposed(text, start, end):
        return True
    return model_before(text, prev, start)


def vessel_apposed(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` a ship's set off after its kind (see :func:`thing_before`)?"""
    return bool(_VESSEL_APPOSED.search(text, max(0, start - 40), start) and _APPOSITION_END.match(text, end))


def model_before_backwards(word: str, gap: str) -> bool:
    """:func:`model_before` for a word and the gap after it, both read backwards (as the fast scan of
    :mod:`~frontmap.reading._ment_candidates` reads them)."""
    return len(word) > 1 and _MODEL_GAP_BACKWARDS.fullmatch(gap) is not None


#: The gaps that join two words into one name: one to three spaces, no-break spaces or hyphens.
JOINED_GAPS = frozenset(
    a + b + c for a in " -\u00a0" for b in ("", *" -\u00a0") for c in ("", *" -\u00a0") if c == "" or b
)
#: The gaps between a name and a word that says what kind of thing it names ("the Vostok group", 'the
#: "Vostok" group', "the 'Minsk' accords"): a joining gap, or a closing quote and a space (which join
#: no longer name).
KIND_GAPS = JOINED_GAPS | frozenset(q + " " for q in "\"”’'»")
#: The characters a gap that joins two words starts with.
JOINING = (" ", "-", "\u00a0")
#: The gaps between the words of one name: those of JOINED_GAPS, and one unspaced en dash ("Seversky
#: Donets–Donbass canal"); and the characters that may open one.
RUN_GAPS = JOINED_GAPS | {"\u2013"}
RUN_JOINING = (*JOINING, "\u2013")


@dataclass(slots=True)
class Token:
    """A word: letters, with inner apostrophes ("Kyiv's")."""

    start: int
    end: int
    text: str
    cap: bool


@dataclass(slots=True)
class Hit:
    """A known name in the text: ``n`` words from offset ``start``, and the places it may be."""

    n: int  # number of words
    start: int
    end: int
    key: str
    places: tuple[Place, ...]
    place: Place | None = None
    role: str = "location"
    evidence: str | None = None  # why ``place`` was chosen (see frontmap.reading.homonyms.EVIDENCE)


def tokenize(text: str) -> list[Token]:
    """The words of ``text``, in order."""
    pattern = _TOKEN if _MARKED.search(text) else _PLAIN_TOKEN
    return [Token(m.start(), m.end(), m.group(), m.group()[0].isupper()) for m in pattern.finditer(text)]


def words(text: str) -> Words:
    """The words of ``text``: :class:`PlainWords` or, for a text with combining marks or invisible
    characters, :class:`MarkedWords`."""
    return MarkedWords(text) if _marked(text) else PlainWords(text)


#: The invisible characters of _INVISIBLE, one by one.
_INVISIBLES = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def _marked(text: str) -> bool:
    """``_MARKED.search(text) is not None``, asked cheaply first: an ASCII text has no mark; an invisible
    character is looked for as such; and a combining mark (U+0300 to U+036F) is written in UTF-8 with
    a first byte 0xCC or 0xCD, which no other character's UTF-8 form holds but U+0370 to U+037F's (a
    byte of a character after its first is 0x80 to 0xBF): without those bytes, the regex finds none."""
    if text.isascii():
        return False
    if any(c in text for c in _INVISIBLES):
        return True
    utf8 = text.encode("utf-8", "surrogatepass")
    return (b"\xcc" in utf8 or b"\xcd" in utf8) and _MARKED.search(text) is not None


class Words:
    """The words of a text, as :func:`tokenize` finds them, asked for where they are needed."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def capitals(self) -> list[tuple[int, int, str]]:
        """``(start, end, word)`` of each capitalised word, in order."""
        raise NotImplementedError

    def capital_matches(self) -> Iterable[re.Match[str]]:
        """The matches of the capitalised words, in order; a word whose first letter is outside ASCII
        may be no capital, and is left for the caller to pass over (:meth:`capitals` does)."""
        raise NotImplementedError

    def run(self, start: int, end: int, most: int) -> str:
        """The text of the word at ``start:end`` and of up to ``most - 1`` words after it, each joined
        to the one before by a gap of :data:`JOINED_GAPS` (the words a name there may have)."""
        if most > 1 and self.text.startswith(RUN_JOINING, end):
            return self._run(start, most)
        return self.text[start:end]

    def _run(self, start: int, most: int) -> str:
        """:meth:`run`, when a gap that may join follows the first word."""
        raise NotImplementedError

    def split(self, run: str) -> list[tuple[int, str]]:
        """``(offset in run, word)`` of each word of a :meth:`run`."""
        raise NotImplementedError

    def joined_after(self, end: int) -> tuple[int, int, str] | None:
        """``(start, end, word)`` of the word after the word ending at ``end``, if the gap between them
        joins them into one name (:data:`JOINED_GAPS`)."""
        raise NotImplementedError

    def after(self, pos: int) -> Token | None:
        """The first word that starts at ``pos`` or later (a word ``pos`` falls inside is passed)."""
        raise NotImplementedError

    def before(self, pos: int) -> Token | None:
        """The last word that ends at ``pos`` or earlier (``pos`` a word's start, or in a gap)."""
        raise NotImplementedError

    def at(self, start: int) -> str:
        """The word that starts at ``start``."""
        raise NotImplementedError

    def end_of(self, pos: int) -> int:
        """The end of the word that holds offset ``pos - 1`` ("Kyiv's" when ``pos`` is after "Kyiv")."""
        raise NotImplementedError

    def next_to(self, start: int, end: int) -> tuple[Token | None, bool, Token | None, bool]:
        """The word before the name at ``start:end`` and whether the gap joins them, the same after it."""
        text = self.text
        prev, nxt = self.before(start), self.after(end)
        prev_joined = prev is not None and text[prev.end : start] in JOINED_GAPS
        next_joined = nxt is not None and text[self.end_of(end) : nxt.start] in JOINED_GAPS
        return prev, prev_joined, nxt, next_joined


class PlainWords(Words):
    """The words of a plain text, found by regular expressions where asked for: most words of a text
    are never a name's neighbour, and no list of them is made.  The word before a name is found in the
    text read backwards (made once, when first needed)."""

    __slots__ = ("back",)

    def __init__(self, text: str):
        super().__init__(text)
        self.back: str | None = None  # the text backwards, made when first needed

    def capitals(self) -> list[tuple[int, int, str]]:
        return [
            (m.start(), m.end(), word)
            for m in _CAPITAL.finditer(self.text)
            if (word := m.group())[0] < "\x80" or word[0].isupper()
        ]

    def capital_matches(self) -> Iterable[re.Match[str]]:
        return _CAPITAL.finditer(self.text)

    def _run(self, start: int, most: int) -> str:
        pattern = _RUNS.get(most)
        if pattern is None:
            pattern = _RUNS[most] = re.compile(
                # an en dash joins words too, unspaced: "the Seversky Donets–Donbass canal"
                rf"{_PLAIN_TOKEN.pattern}(?:{_RUN_GAP}{_PLAIN_TOKEN.pattern}){{0,{most - 1}}}"
            )
        return pattern.match(self.text, start).group()  # type: ignore[union-attr]  # a word's start

    def split(self, run: str) -> list[tuple[int, str]]:
        return [(m.start(), m.group()) for m in _PLAIN_TOKEN.finditer(run)]

    def joined_after(self, end: int) -> tuple[int, int, str] | None:
        m = _JOINED_WORD.match(self.text, end)
        return None if m is None else (m.start(1), m.end(1), m.group(1))

    def after(self, pos: int) -> Token | None:
        m = _PLAIN_WORD.search(self.text, pos)
        return None if m is None else _token(m)

    def before(self, pos: int) -> Token | None:
        last = self._last(pos)
        return None if last is None else last[0]

    def _last(self, pos: int) -> tuple[Token, str] | None:
        """The last word before ``pos`` and the gap after it, read in the text backwards."""
        if self.back is None:
            self.back = self.text[::-1]
        n = len(self.text)
        m = _LAST_WORD.match(self.back, n - pos)
        if m is None:
            return None
        start, end = n - m.end(2), n - m.start(2)
        word = self.text[start:end]
        return Token(start, end, word, word[0].isupper()), self.text[end:pos]

    def at(self, start: int) -> str:
        return _PLAIN_TOKEN.match(self.text, start).group()  # type: ignore[union-attr]  # a word's start

    def end_of(self, pos: int) -> int:
        return _REST.match(self.text, pos).end()  # type: ignore[union-attr]  # matches the empty string

    def next_to(self, start: int, end: int) -> tuple[Token | None, bool, Token | None, bool]:
        prev = nxt = None
        prev_joined = next_joined = False
        last = self._last(start)
        if last is not None:
            prev, gap = last
            prev_joined = gap in JOINED_GAPS
        m = _NEXT_WORD.match(self.text, end)
        if m is not None:
            word = m.group(2)
            nxt = Token(m.start(2), m.end(2), word, word[0].isupper())
            next_joined = m.group(1) in JOINED_GAPS
        return prev, prev_joined, nxt, next_joined


def _token(m: re.Match[str]) -> Token:
    word = m.group()
    return Token(m.start(), m.end(), word, word[0].isupper())


class MarkedWords(Words):
    """The words of a text with combining marks or invisible characters, all found at once (lists of
    ``starts``, ``ends`` and ``words``)."""

    __slots__ = ("capitalised", "ends", "starts", "words")

    def __init__(self, text: str):
        super().__init__(text)
        matches = list(_TOKEN.finditer(text))
        self.capitalised = [m for m in matches if m.group()[0].isupper()]
        found = [(m.start(), m.end(), m.group()) for m in matches]
        self.starts = [s for s, _, _ in found]
        self.ends = [e for _, e, _ in found]
        self.words = [w for _, _, w in found]

    def _at(self, k: int) -> Token:
        word = self.words[k]
        return Token(self.starts[k], self.ends[k], word, word[0].isupper())

    def capitals(self) -> list[tuple[int, int, str]]:
        return [c for c in zip(self.starts, self.ends, self.words, strict=True) if c[2][0].isupper()]

    def capital_matches(self) -> Iterable[re.Match[str]]:
        return self.capitalised

    def _run(self, start: int, most: int) -> str:
        k = m = bisect_left(self.starts, start)
        while (
            m - k < most - 1
            and m + 1 < len(self.starts)
            and self.text[self.ends[m] : self.starts[m + 1]] in RUN_GAPS
        ):
            m += 1
        return self.text[start : self.ends[m]]

    def split(self, run: str) -> list[tuple[int, str]]:
        return [(m.start(), m.group()) for m in _TOKEN.finditer(run)]

    def joined_after(self, end: int) -> tuple[int, int, str] | None:
        k = bisect_left(self.starts, end)
        if k < len(self.starts) and self.text[end : self.starts[k]] in JOINED_GAPS:
            return self.starts[k], self.ends[k], self.words[k]
        return None

    def after(self, pos: int) -> Token | None:
        k = bisect_left(self.starts, pos)
        return self._at(k) if k < len(self.starts) else None

    def before(self, pos: int) -> Token | None:
        k = bisect_right(self.ends, pos) - 1
        return self._at(k) if k >= 0 else None

    def at(self, start: int) -> str:
        return self.words[bisect_left(self.starts, start)]

    def end_of(self, pos: int) -> int:
        k = bisect_right(self.starts, pos - 1) - 1
        return max(pos, self.ends[k]) if k >= 0 else pos


#: After a name: a comma or bracket or "is"/"lies", at most two words ("some", "just over"), a figure and
#: a unit of length ("X, some 5 km ...", "X is some 10 km west of it").
_MEASURED_AFTER = re.compile(
    r"(?:\s*[,(]|\s+(?:is|"
    + LIES
    + r")\s)\s*(?:[A-Za-z]+\s+){0,2}\d[\d.,]*\s*-?\s*(?:"
    + "|".join(re.escape(u) for u in sorted(DISTANCE_UNITS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
#: After a name: ", a village of", " is a small resort town in", ", with a pre-war population of": what
#: is said of a settlement (not "a city official": the noun is followed by what says where or how large).
_DESCRIBED_AFTER = re.compile(
    r"(?:,|\s+(?:is|was))\s+(?:an?\s+(?:[a-z-]+\s+){0,2}(?:" + phrases(TOWN_NOUNS) + r")"
    r"(?=\s+(?:of|in|on|near|by|some|about|just|located|situated|that|which|where|with)\b|\s*,)"
    r"|with\s+an?\s+(?:[a-z-]+\s+)?population\b)"
)


def measured_after(text: str, end: int) -> bool:
    """Is the name ending at ``end`` followed by a distance ("Stanislav, some 35 km west of")?"""
    return bool(_MEASURED_AFTER.match(text, end, end + 60))


def placed_after(text: str, end: int) -> bool:
    """Is the name ending at ``end`` followed by a distance or a settlement's description ("Stanislav, with
    a pre-war population of")?"""
    return measured_after(text, end) or bool(_DESCRIBED_AFTER.match(text, end, end + 60))


#: Before a name: "the village of", "the small town of": what the name is, said first.
_SETTLEMENT_BEFORE = re.compile(r"\b(?:" + phrases(TOWN_NOUNS) + r")\s+of\s+$", re.IGNORECASE)


def settlement_before(text: str, start: int) -> bool:
    """Is the name at ``start`` said to be a settlement's just before it ("the village of Stanislav")?"""
    return bool(_SETTLEMENT_BEFORE.search(text, max(0, start - 20), start))


def said_a_settlement(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` said to be a settlement's, before or after it ("the town of
    Kurchatov", "Kurchatov is a town in", "Kurchatov, 42 km west of")?"""
    return placed_after(text, end) or settlement_before(text, start)
