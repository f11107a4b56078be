"""Regular expressions read backwards, for the rules of :mod:`frontmap.reading.controlrules`.

A rule for the words before a place ("retook the town of ") is a pattern that must end where the place
begins, so ``re.search`` tries it at every position of the window before it can say "no".  The same
rule written backwards and matched (``re.match``) on the window reversed starts at that end and gives
up after a few characters.  :func:`reversed_pattern` writes a pattern backwards: a string matches the
reversed pattern (from start to end) exactly when its mirror image matches the original.

Only the syntax the rules use is read: literal characters and escapes, character classes, ``(?:...)``
and ``(?P<name>...)`` groups, alternation, the quantifiers ``? * + {m,n}`` (greedy or lazy, not
possessive), ``\\b`` and the anchors ``^ $ \\A \\Z``; anything else (look-arounds, back-references,
inline flags) raises ``ValueError``.  Patterns are read as if compiled with ``re.VERBOSE`` (white
space and ``#`` comments outside classes are ignored).  ``$`` is read as the end of the text, so the
reversed pattern starts with ``\\A`` (for the rules this is exact: white space, which may hold a last
newline, always comes before their ``$``).  Alternatives that are plain words are written as one trie
("retook|retaken" as "ret(?:ook|aken)"), which tries fewer of them at each step but may change
their order: the patterns written here test whether a text matches, not which match is found.  A run
that must be followed by its complement (``\\S+\\s+``) is written possessive, as giving back any of it
cannot help.

>>> import re
>>> p = reversed_pattern(r"(?P<t>retook|took\\s+back)\\s+(?:the\\s+){0,2}$")
>>> p
'\\\\A(?:\\\\s+eht){0,2}\\\\s+(?:k(?:ooter|cab\\\\s+koot))'
>>> bool(re.match(p, "retook the "[::-1])), bool(re.match(p, "retook a "[::-1]))
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["any_of", "reversed_pattern"]

_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})\??")  # possessive ones change what matches
#: Anchors and their mirror images.
_MIRROR = {"^": r"\Z", "$": r"\A", r"\A": r"\Z", r"\Z": r"\A"}
#: Escapes that stand for one character (or, for ``\b`` and ``\B``, a place that reads the same both ways).
_ONE_CHAR_ESCAPES = set("sSwWdDbB") | set(r"\.-^$*+?{}[]()| #'&~/,:;<>=!%@`" + '"')


@dataclass(frozen=True)
class _Atom:
    """One character, escape, class or anchor, as written."""

    text: str


@dataclass(frozen=True)
class _Group:
    """A group: alternatives, each a sequence of (item, quantifier) pairs."""

    alternatives: list[list[tuple[_Node, str]]]
    name: str | None = None


_Node = _Atom | _Group


class _Reader:
    """A recursive-descent reader of the pattern subset described in the module docstring."""

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def fail(self, what: str) -> ValueError:
        return ValueError(f"{what} at {self.i} of {self.p!r}: not supported by reversed_pattern")

    def skip_blanks(self) -> None:
        """Skip white space and ``#`` comments, as ``re.VERBOSE`` does outside classes."""
        p = self.p
        while self.i < len(p):
            if p[self.i].isspace():
                self.i += 1
            elif p[self.i] == "#":
                end = p.find("\n", self.i)
                self.i = len(p) if end < 0 else end + 1
            else:
                break

    def alternatives(self) -> list[list[tuple[_Node, str]]]:
        out = [self.sequence()]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            out.append(self.sequence())
        return out

    def sequence(self) -> list[tuple[_Node, str]]:
        items: list[tuple[_Node, str]] = []
        while True:
            self.skip_blanks()
            if self.i >= len(self.p) or self.p[self.i] in "|)":
                return items
            node = self.node()
            self.skip_blanks()
            m = _QUANTIFIER.match(self.p, self.i)
            quantifier = ""
            if m:
                quantifier, self.i = m.group(), m.end()
            items.append((node, quantifier))

    def node(self) -> _Node:
        p, i = self.p, self.i
        c = p[i]
        if c == "(":
            name = None
            if p.startswith("(?:", i):
                self.i += 3
            elif p.startswith("(?P<", i):
                close = p.index(">", i)
                name, self.i = p[i + 4 : close], close + 1
            elif p.startswith("(?", i):
                raise self.fail("group kind")
            else:
                self.i += 1
            group = _Group(self.alternatives(), name)
            if self.i >= len(p) or p[self.i] != ")":
                raise self.fail("unclosed group")
            self.i += 1
            return group
        if c == "[":
            j = i + 1
            j += p.startswith("^", j)
            j += p.startswith("]", j)
            while p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            self.i = j + 1
            return _Atom(p[i : j + 1])
        if c == "\\":
            if p[i + 1] not in _ONE_CHAR_ESCAPES and p[i + 1] not in "AZ":
                raise self.fail("escape")
            self.i += 2
            return _Atom(p[i : i + 2])
        if c in "*+?{":
            raise self.fail("quantifier without an item")
        self.i += 1
        return _Atom(c)


#: Each class and its complement (no character is in both).
_COMPLEMENTS = {r"\S": r"\s", r"\s": r"\S", r"\W": r"\w", r"\w": r"\W"}


def _gives_back_in_vain(node: _Atom, quantifier: str, following: list[tuple[_Node, str]]) -> bool:
    """Whether ``node`` repeated (``+`` or ``*``) is followed by a character of its complement that must
    be there (``\\S+\\s+``): a shorter run would leave one of its own characters to that one, so the
    run can be possessive (``\\S++``) and the engine need not try giving characters back."""
    if quantifier not in ("+", "*") or not following or node.text not in _COMPLEMENTS:
        return False
    nxt, nxt_quantifier = following[0]
    required = nxt_quantifier in ("", "+", "+?") or (
        nxt_quantifier.startswith("{") and not nxt_quantifier.startswith(("{0", "{,"))
    )
    return isinstance(nxt, _Atom) and nxt.text == _COMPLEMENTS[node.text] and required


def _trie(alternatives: list[list[str]]) -> str:
    """One pattern for alternatives (lists of items as written: characters, classes, groups, each with
    its quantifier) that shares their beginnings: the regex engine then tries a few first items instead
    of every alternative at every step ("retook|retaken" as "ret(?:ook|aken)")."""
    root: dict[str, Any] = {}
    for items in alternatives:
        node = root
        for item in items:
            node = node.setdefault(item, {})
        node[""] = {}  # an alternative ends here

    def written(node: dict[str, Any]) -> str:
        branches = [item + written(child) for item, child in node.items() if item]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"

    # At the top, the alternatives are those of the group that holds them: no group of their own.
    return "|".join([item + written(child) for item, child in root.items() if item] + [""] * ("" in root))


def _write(alternatives: list[list[tuple[_Node, str]]], backwards: bool) -> str:
    """The alternatives as a pattern, written backwards if ``backwards``, without group names and white
    space (so not needing ``re.VERBOSE``), as one :func:`_trie`."""
    out = []
    for sequence in alternatives:
        items = list(reversed(sequence)) if backwards else sequence
        parts = []
        for i, (node, quantifier) in enumerate(items):
            if isinstance(node, _Atom):
                text = _MIRROR.get(node.text, node.text) if backwards else node.text
                if _gives_back_in_vain(node, quantifier, items[i + 1 : i + 2]):
                    quantifier += "+"
            else:
                text = "(?:" + _write(node.alternatives, backwards) + ")"
            parts.append(text + quantifier)
        out.append(parts)
    return _trie(out) if len(out) > 1 else "".join(out[0])


def _parsed(pattern: str) -> list[list[tuple[_Node, str]]]:
    reader = _Reader(pattern)
    tree = reader.alternatives()
    if reader.i != len(pattern):
        raise reader.fail("unbalanced parenthesis")
    return tree


def reversed_pattern(pattern: str) -> str:
    """``pattern`` (read as ``re.VERBOSE``) written backwards, without its group names.

    >>> reversed_pattern(r"a[bc]+(?P<x>d|ef)?$")
    '\\\\A(?:d|fe)?[bc]+a'
    """
    return _write(_parsed(pattern), backwards=True)


def any_of(patterns: Iterable[str], backwards: bool = False) -> str:
    """One pattern that matches where one of ``patterns`` (read as ``re.VERBOSE``) does, written
    backwards if ``backwards``: a quick test before trying each.  Group names are dropped, so several
    patterns may use the same one.

    >>> any_of([r"(?P<x>a) b", r"(?P<x>c)+$"])
    '(?:a)b|(?:c)+$'
    >>> any_of(["retook|retaken", "[Tt]ook"])
    'ret(?:ook|aken)|[Tt]ook'
    """
    return _write([alternative for p in patterns for alternative in _parsed(p)], backwards)
