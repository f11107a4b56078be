"""The word just before a figure, looked at cheaply (used by :mod:`~frontmap.reading.claimtext` and
:mod:`~frontmap.reading._claims_found`).

Several claim patterns read the words before a figure and must end where it starts (``...\\s+$``,
searched in the few dozen characters before it): "about 5 km" (a qualifier), "advanced 2 km" (a verb
of travel), "a range of 300 km", "an area of 600,000 km", "Ukraine, which covers 603,550 km²".  A
search tries such a pattern at each of those characters, though most figures follow none of their
words.  Each pattern can only end with one of a few words (:data:`QUALIFIER_ENDS`...), so the finders
search only when :func:`may_end` finds one of them there.

What the words before a figure make of it is decided here too: a distance travelled (:func:`travelled`;
who is pushed back, :data:`PUSHED_BEFORE` with :data:`BACK_AFTER`; an advance's depth, :data:`DEEP`), or
an area written in a length unit (:func:`area_slip`), unless the words after it place something.

>>> may_end("It lies about 5 km away", 6, 14, QUALIFIER_ENDS), may_end("the 5 km", 0, 4, QUALIFIER_ENDS)
(True, False)
"""

from __future__ import annotations

import re

from frontmap.quantities.numbers import QUALIFIERS
from frontmap.reading import lexicon
from frontmap.reading import patterns as P

__all__ = [
    "AREA_CONTEXT_ENDS",
    "AROUND_WORDS",
    "BACK_AFTER",
    "COVERS_ENDS",
    "DEEP",
    "PUSHED_BEFORE",
    "QUALIFIER_ENDS",
    "RANGE_BEFORE_ENDS",
    "SUBJECT_AREA_ENDS",
    "TRAVEL_ENDS",
    "a_reach",
    "area_slip",
    "dimension",
    "distance_said",
    "may_end",
    "travelled",
    "zone_before",
]

#: The last words of :data:`~frontmap.reading.patterns.QUAL_BEFORE`: of each qualifier ("up to").
QUALIFIER_ENDS = frozenset(q.split()[-1] for q in QUALIFIERS)
#: ... of :data:`~frontmap.reading.patterns.TRAVEL_BEFORE`: a verb of travel, or the word after it
#: ("advanced another 2 km").
TRAVEL_ENDS = frozenset(v.split()[-1] for v in lexicon.TRAVEL_VERBS) | {
    "another", "additional", "further", "some", "of", "average", "by", "back",
    "advance", "advances", "breakthrough", "penetration", "incursion", "is", "was", "were", "reached",
}  # fmt: skip
#: ... of :data:`~frontmap.reading.patterns.RANGE_BEFORE` ("a range of (up to) 300 km").
RANGE_BEFORE_ENDS = frozenset({"of", "to"})
#: After a radius: words for the place a zone is around ("a radius of 30 km around the plant", "centred on").
AROUND_WORDS = r"around|round|surrounding|cent(?:er|re)d\s+(?:on|at)"
ZONE_AROUND = re.compile(r"\s+(?:" + AROUND_WORDS + r")\s+", re.IGNORECASE)


def a_reach(text: str, lo: int, start: int, pos: int) -> bool:
    """Do the words before the figure at ``start`` (searched from ``lo``) make it a reach or a size ("a
    range of 300 km", "a drone with a radius of 300 km"), not a location?  Not a zone's radius around a
    place, after the figure's words (ending at ``pos``): "a radius of 30 km around the plant"."""
    return (
        may_end(text, lo, start, RANGE_BEFORE_ENDS)
        and P.RANGE_BEFORE.search(text[lo:start]) is not None
        and not ZONE_AROUND.match(text, pos)
    )


#: ... of :data:`~frontmap.reading.patterns.AREA_CONTEXT` ("a land mass (of) 600,000 km").
AREA_CONTEXT_ENDS = frozenset({"area", "mass", "landmass", "territory", "surface", "size", "of"})
#: ... of :data:`~frontmap.reading.patterns.COVERS` ("which covers", "an area of").
COVERS_ENDS = frozenset(
    {"covers", "covering", "spans", "spanning", "measures", "measuring", "occupies", "of"}
)
#: ... of :data:`~frontmap.reading.patterns.SUBJECT_AREA` ("Ukraine's land area (is) 600,000 km²").
SUBJECT_AREA_ENDS = frozenset({"area", "mass", "landmass", "territory", "size", "is", "of"})


def may_end(text: str, lo: int, hi: int, words: frozenset[str]) -> bool:
    """Can a pattern that ends with one of ``words`` (lower case, ASCII; case is ignored) and white
    space match at the end of ``text[lo:hi]``?  No when the letters before that white space are
    another word; yes when they are one of ``words``, or letters other than ASCII (which a pattern
    that ignores case may read as ASCII ones: "ſ" as "s")."""
    j = hi
    while j > lo and text[j - 1].isspace():
        j -= 1
    i = j
    while i > lo and text[i - 1].isalpha():
        i -= 1
    word = text[i:j]
    return not word.isascii() or word.lower() in words


#: Characters before a figure searched for a verb of travel (a verb and who it pushes back: "pushing
#: back Ukrainian Armed Forces (AFU) by nearly 14 km").
_TRAVEL_WINDOW = 70


def travelled(text: str, start: int) -> bool:
    """Does a verb of travel come just before the figure at ``start`` ("advanced 10 km", "pushed the
    enemy back by 5 km")?"""
    lo = max(0, start - _TRAVEL_WINDOW)
    return may_end(text, lo, start, TRAVEL_ENDS) and P.TRAVEL_BEFORE.search(text, lo, start) is not None


#: "a buffer zone of at least 60 km", "the security zone should be about 20 km", "a buffer zone up to
#: 15 km deep": a zone of a kind (patterns.ZONE_KINDS) named before the figure that gives its depth (named
#: after it: patterns.ZONE).
_ZONE_BEFORE = re.compile(
    r"\b(?:(?:" + P.ZONE_KINDS + r")\s+)(?:zone|belt|strip)s?\s+"
    r"(?:(?:of|is|was|(?:should|would|must|will|could)\s+(?:be|extend)(?:\s+to)?)\s+)?(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)


#: "(a distance of about 5 km)", "an estimated distance of just 20 km": the figure of a distance said to be
#: one, not a length ("over a distance of").
_DISTANCE_OF = re.compile(
    r"(?<!over )(?<!along )(?<!across )(?<!for )\ban?\s+(?:(?:estimated|approximate|remaining|minimum)\s+)?"
    r"distance\s+of\s+$",
    re.IGNORECASE,
)


def distance_said(text: str, start: int) -> bool:
    """Is the figure at ``start`` said to be a distance just before it ("a distance of 5 km")?"""
    return _DISTANCE_OF.search(text, max(0, start - 30), start) is not None


#: "690 metres by 682 metres", "2 km x 3 km": a figure after another and "by", a size, not a location.
_BY_FIGURE = re.compile(r"\d[\d,.]*\s*-?\s*" + P.DIST_UNIT + r"\s*(?:by|x|×)\s*$", re.IGNORECASE)


def dimension(text: str, start: int) -> bool:
    """Is the figure at ``start`` the second of a size's two ("690 metres by 682 metres")?"""
    return _BY_FIGURE.search(text, max(0, start - 40), start) is not None


def zone_before(text: str, start: int) -> bool:
    """Does a zone's name come just before the figure at ``start`` ("a buffer zone of 60 km")?"""
    return _ZONE_BEFORE.search(text, max(0, start - 60), start) is not None


#: "territory just 15 km from the border", "an area 10 km (6 miles) north of Izium": a figure that says
#: where something lies, not the size of the area named before it.
_PLACED_AFTER = re.compile(r"\s+(?:away\s+)?from\s")


def _placed(text: str, end: int) -> bool:
    conversion = P.CONVERSION.match(text, end)
    end = conversion.end() if conversion else end
    if _PLACED_AFTER.match(text, end):
        return True
    d = P.DIRECTION.match(text, end)
    return d is not None and d.group("end") is None  # a direction, then "of" or "from"


#: "an area within five kilometers of the site": a radius, not the size of the area named before it
#: (the figure's qualifier, or the words before it).
_WITHIN = re.compile(r"\bwithin\b", re.IGNORECASE)


def area_slip(text: str, m: re.Match, value: float | None) -> bool:
    """A length unit used for an area: "a land area of about 600,000 km", "retook 500 km of
    territory"; not "territory 15 km from the border", "an area within 5 km of the site"."""
    if not m.group("dist") or not m.group("dist").lower().startswith("k") or _placed(text, m.end()):
        return False
    if _WITHIN.search(text, max(0, m.start() - 20), m.start("num")):
        return False
    lo = max(0, m.start() - 60)
    if may_end(text, lo, m.start(), AREA_CONTEXT_ENDS) and P.AREA_CONTEXT.search(text[lo : m.start()]):
        return True
    # "retook 500 km of territory" is an area; "within 1.5 km of Romanian territory" a distance
    return bool(value is not None and value >= 100 and P.AREA_AFTER.match(text, m.end()))


#: "pushed Ukraine 9 km back", "drove the enemy 3 km back": who is pushed, then "back" after the figure.
PUSHED_BEFORE = re.compile(r"\b(?:push|dr[io]v|thr[eo]w|knock)\w*\s+(?:[\w()'’-]+\s+){1,6}?$", re.IGNORECASE)
BACK_AFTER = re.compile(r"\s*back\b", re.IGNORECASE)
DEEP = re.compile(r"\s*-?\s*deep\b", re.IGNORECASE)
