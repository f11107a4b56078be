"""Finding spatial claims in text (used by :func:`frontmap.read`).

One compiled pattern finds every "number + unit" and every share ("5%", "a fifth"); what follows and
precedes it, within the sentence, decides what it is:

- distance: a length unit with a direction and/or an anchor ("74 km (46 miles) southeast of Kharkiv",
  "up to 21 miles east of the capital", "within 30 km of the border").  A bare length ("a 300 km range",
  "at 40 km/h") is not a location statement and is skipped.
- area: an area unit ("6,000 square kilometres"), or the common slip of a length unit after "area of"
  ("a land area of about 600,000 km").
- share: a percentage or fraction "of" a territory (the country, Ukraine, its territory, a region);
  shares of people or things ("80% of the population") are not territorial and are skipped.
- comparison: "equal to / the size of / larger than" named places, linked to the area claim it sizes.

All patterns are linear (no nested unbounded repetition) and look at most a few hundred characters
around each number, so reading stays linear in the length of the text.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left

from ._sentences import sentence_span
from .article import Mention
from .claims import AreaClaim, Claim, ComparisonClaim, Converted, DistanceClaim, ShareClaim
from .place import Place
from .quantities import (
    AREA_UNITS,
    DIRECTIONS,
    DISTANCE_UNITS,
    QUALIFIERS,
    parse_fraction,
    parse_number,
    to_km,
    to_km2,
)

__all__ = ["find_claims"]


def _leading(words: list[str]) -> str:
    """A pattern for whole ``words`` that starts with a character class, so that the regex engine can
    skip ahead quickly (an alternation of words, or a case-insensitive flag, defeats that)."""
    firsts = sorted({w[0] for w in words})
    cls = "[" + "".join(firsts) + "".join(f.upper() for f in firsts) + "]"
    rests = "|".join(re.escape(w[1:]).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return cls + r"(?<![\w]" + cls + r")(?:" + rests + r")\b"


_WORDNUM = _leading(
    [
        *"one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty".split(),
        *"fifty sixty seventy eighty ninety hundred thousand dozen".split(),
        *("a hundred", "a few hundred", "a thousand", "a few thousand", "a dozen"),
    ]
)
_NUM = (
    r"(?:\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?(?![.,]?\d)(?:\s+(?:million|thousand))?"
    r"|" + _WORDNUM + r"(?:[\s-]+" + _WORDNUM + r"){0,3})"
)
_QUAL = (
    r"(?:"
    + "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS), key=len, reverse=True))
    + r")"
)
_AREA_UNIT = (
    r"(?:square\s+(?:kilomet(?:re|er)s?|km|miles?|mi|met(?:re|er)s?)|sq\.?\s*(?:km|kilomet(?:re|er)s?|mi(?:les)?|m)\b"
    r"|km²|km2|kmsq|km\s+sq\b|mi²|mi2|m²|hectares?|ha\b)"
)
_DIST_UNIT = r"(?:kilomet(?:re|er)s?|kms?\b|miles?\b|mi\b|met(?:re|er)s?\b|m\b)"

_QTY = re.compile(
    r"(?P<num>" + _NUM + r")(?:\s*-\s*|\s*)(?i:(?P<area>" + _AREA_UNIT + r")|(?P<dist>" + _DIST_UNIT + r"))"
)

_QUAL_BEFORE = re.compile(r"\b(" + _QUAL + r")\s+$", re.IGNORECASE)


class _Found:
    """A pattern match widened to the qualifier written before it ("about 6,000 km²")."""

    __slots__ = ("_frac", "_m", "_qual", "_start")

    def __init__(self, text: str, m: re.Match):
        self._m = m
        start = m.start()
        self._frac = None
        if "frac" in m.re.groupindex and not m.group("frac")[0].isdigit():
            f = _FRACTION_BEFORE.search(text, max(0, start - 8), start)
            if f:
                start = f.start(1)
                self._frac = text[start : m.end("frac")]
        q = _QUAL_BEFORE.search(text, max(0, start - 30), start)
        self._start = q.start(1) if q else start
        self._qual = q.group(1) if q else None

    def start(self, group: int | str = 0) -> int:
        return self._start if group == 0 else self._m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._m.end(group)

    def group(self, name: int | str = 0) -> str | None:
        if name == "qual":
            return self._qual
        if name == "frac" and self._frac is not None:
            return self._frac
        return self._m.group(name)


def _found(pattern: re.Pattern, text: str):
    return (_Found(text, m) for m in pattern.finditer(text))


_FRACTION_WORDS = _leading(
    "half third quarter fifth sixth seventh eighth tenth thirds quarters fifths".split()
)
_SHARE = re.compile(
    r"(?P<frac>\d(?<![\w.,]\d)\d{0,2}(?:\.\d+)?\s*(?:%|(?i:per\s?cent|percent)\b)|" + _FRACTION_WORDS + r")"
    r"\s+of\s+"
)
_FRACTION_BEFORE = re.compile(r"\b((?:an?|one|two|three|four)[\s-]+)$", re.IGNORECASE)

_CONVERSION = re.compile(
    r"\s*[(\[]\s*(?:"
    + _QUAL
    + r"\s+|~\s*)?(?P<num>"
    + _NUM
    + r")\s*-?\s*(?:(?P<area>"
    + _AREA_UNIT
    + r")|(?P<dist>"
    + _DIST_UNIT
    + r"))\s*[)\]]",
    re.IGNORECASE,
)
_DIRECTION_WORDS = sorted((d for d in DIRECTIONS if len(d) > 3), key=len, reverse=True)
_DIRECTION = re.compile(
    r"\s*(?:to\s+the\s+|in\s+the\s+)?(?P<dir>"
    + "|".join(re.escape(d).replace(r"\ ", r"\s") for d in _DIRECTION_WORDS)
    + r"|(?-i:N|S|E|W|NE|NW|SE|SW|NNE|ENE|ESE|SSE|SSW|WSW|WNW|NNW))(?![\w-])"
    # "... 20 km east of Izium", or a direction that ends the phrase: "... some 20 km to the south."
    r"(?:\s+(?:of|from)\s+|(?P<end>(?<=[a-z])(?=\s*[,.;:)—–]|\s+(?:and|but|on|in|at|as|after|before)\b)))",
    re.IGNORECASE,
)
_STREAM = re.compile(
    r"\s*(?P<dir>downstream|upstream|down\s+river|up\s+river)(?P<of>\s+(?:of|from)\s+)?", re.I
)
_INTO = re.compile(
    r"\s*(?:deep\s+)?(?:into|inside)\s+(?P<what>(?:the\s+)?(?P<adj>ukrainian|russian|belarusian)\s+"
    r"(?:territory|land|lines|positions|defen[cs]es)|(?P<adj2>ukraine|russia|belarus))\b",
    re.IGNORECASE,
)
_AWAY = re.compile(r"\s*(?:away\s+)?(?:from|of|outside|beyond|inside|behind|off)\s+", re.IGNORECASE)
_NOT_LOCATION = re.compile(
    r"\s*(?:/|per\s|an?\s+hour|-?\s*long\b|-?\s*range\b|-?\s*wide\b|-?\s*deep\b|-?\s*high\b|-?\s*tall\b"
    r"|of\s+(?:road|roads|track|tracks|railway|rail|pipeline|cable|fence|trenches|front|coastline|border))",
    re.IGNORECASE,
)
_RANGE_BEFORE = re.compile(
    r"\b(?:range|radius|speed|altitude|height|depth|length|width)\s+of\s+(?:up\s+to\s+)?$", re.I
)
_AREA_CONTEXT = re.compile(
    r"\b(?:area|land\s*mass|landmass|territory|surface|size)\s+(?:of\s+)?$", re.IGNORECASE
)
_AREA_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?of\s+(?:\w+\s+)?(?:land|territory|farmland|fields)\b", re.I
)
_COVERS = re.compile(
    r"(?:,\s*(?:which|that)\s+)?\b(?:covers|covering|spans|spanning|measures|measuring|has\s+an?\s+(?:total\s+)?"
    r"(?:land\s+)?area\s+of|with\s+an?\s+(?:total\s+)?(?:land\s+)?area\s+of)\s+$",
    re.IGNORECASE,
)
_SUBJECT_AREA = re.compile(
    r"['’ʼ]s?\s+(?:\w+\s+){0,3}?(?:area|land\s*mass|landmass|territory|size)\s+(?:is\s+|of\s+)?$",
    re.IGNORECASE,
)
_TERRITORY = re.compile(
    r"(?:the\s+)?(?:(?:entire|whole|total|internationally\s+recognised|internationally\s+recognized)\s+)?"
    r"(?P<what>country|territory|land|landmass|land\s+mass|region|oblast|province|nation)\b",
    re.IGNORECASE,
)
_ITS_TERRITORY = re.compile(
    r"(?:its|their|ukrainian|ukraine['’]s)\s+(?:\w+\s+)?(?:territory|land|landmass)\b", re.I
)
_TAKEN_PART = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:(?:(?:[A-Z][\w'’-]+|forces|troops)\s+){1,2}(?:has\s+|had\s+|have\s+)?)?"
    r"(?:(?:was|were|had|has|have)\s+(?:been\s+)?)?(?:seized|occupied|captured|taken|took|held"
    r"|controlled|controls|lost|annexed|grabbed)\b"
)
#: Anchors that are not places: a distance from them is still a spatial statement.
_THING = re.compile(
    r"(?:the|its|their)\s+(?:(?:current|nearest|southern|northern|eastern|western)\s+)?(?:front\s*-?\s*lines?\b|"
    r"frontline\b|front\b(?!\s+of)|contact\s+line\b|line\s+of\s+contact\b|coast(?:line)?\b|shore\b|city\s+cent(?:re|er)\b"
    r"|plant\b|dam\b|reservoir\b|river\b)",
    re.IGNORECASE,
)
#: "the logistics hub of", "the Ukrainian-held town of": a description before the place it names.
_DESCRIBED = re.compile(
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:town|city|village|hub|port|capital|settlement|center|centre"
    r"|junction|stronghold|outpost|base|plant)\s+of\s+"
)
_OF_COUNTRY = re.compile(r"\s+of\s+(?:ukraine|the\s+country)\b", re.IGNORECASE)
_NOT_TERRITORY = re.compile(
    r"['’]s\s+(?:population|people|residents|inhabitants|voters|economy|gdp|budget|exports|imports|grain|"
    r"energy|power|electricity|housing|homes|infrastructure|forces|army|troops|men|women|children)\b"
    r"|\s+(?:population|people|residents|inhabitants)\b",
    re.IGNORECASE,
)
_COMPARISON = re.compile(
    r"(?P<rel>(?:"
    + _leading(["equal", "equivalent", "comparable", "similar"])
    + r")\s+(?:in\s+size\s+)?to|"
    + _leading(["the size of", "as large as", "as big as"])
    + r"|"
    + _leading(["larger", "bigger", "greater", "smaller"])
    + r"\s+than)"
    r"\s+(?:the\s+)?(?:(?:combined|total|joint)\s+)?(?:(?:land\s+)?(?:areas?|size|territory|territories)\s+of\s+)?"
)
_COMPARISON_QUAL = re.compile(
    r"\b(roughly|about|approximately|almost|nearly|around|just\s+over|just\s+under)\s+$", re.IGNORECASE
)
_REGAINED = re.compile(
    r"\b(?:re-?took|re-?taken|retakes?|retaking|re-?captured?|recapturing|reclaimed|reclaims?|liberated|liberates?"
    r"|liberation|regained|regains?|recovered|won\s+back|freed|de-?occupied|returned\s+control|clawed\s+back"
    r"|pushed\s+(?:russian|the\s+russians)|counter-?offensive)\b",
    re.IGNORECASE,
)
_CAPTURED = re.compile(
    r"\b(?:captured|seized|taken|took|occupied|annexed|overran|gained|advanced|grabbed)\b", re.I
)
_HELD = re.compile(r"\b(?:controls?|controlled|holds?|held|occupies|occupy|occupying)\b", re.IGNORECASE)
_SINCE = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning|end|middle)\s+of\s+)?(?P<month>january|february|march|april|may|june|july"
    r"|august|september|october|november|december)(?:\s+(?P<day>\d{1,2})\b)?",
    re.IGNORECASE,
)
_MONTHS = "january february march april may june july august september october november december".split()
_CAPITAL = re.compile(
    r"(?:the\s+)?(?:(?P<adj>ukrainian|russian|belarusian|polish)\s+)?capital\b", re.IGNORECASE
)
_BORDER = re.compile(
    r"(?:the\s+)?(?:(?P<adj>russian|belarusian|ukrainian|polish)\s+)?border\b", re.IGNORECASE
)
_ADJ_COUNTRY = {"ukrainian": "UA", "russian": "RU", "belarusian": "BY", "polish": "PL"}
_WINDOW = 220
_CHANGED_KINDS = ("settlement", "facility")


class _Context:
    """What the claim finder needs from the rest of the article."""

    def __init__(self, text: str, mentions: list[Mention], gz, source, published, home: Place | None):
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.gz = gz
        self.source = source
        self.published = published
        self.home = home
        self.events: tuple = ()

    def mention_at(self, pos: int) -> Mention | None:
        """The mention starting at ``pos`` (after optional "the ")."""
        i = bisect_left(self.starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            return self.mentions[i]
        return None

    def mentions_between(self, a: int, b: int) -> list[Mention]:
        i = bisect_left(self.starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            out.append(self.mentions[i])
            i += 1
        return out

    def common(self, start: int, end: int) -> dict:
        s, e = sentence_span(self.text, start)
        return {
            "sentence": self.text[s:e].strip(),
            "source": self.source,
            "published": self.published,
        }


def find_claims(
    text: str, mentions: list[Mention], gz, source=None, published=None, events=()
) -> list[Claim]:
    """The spatial claims of ``text`` (see the module docstring), ordered by position.

    ``events`` are the article's control events ("retook Izium"): an area said to be regained or
    captured lists the places the same article says changed hands that way.
    """
    home = _home_country(mentions, gz)
    ctx = _Context(text, mentions, gz, source, published, home)
    ctx.events = tuple(events)
    claims: list[Claim] = []
    taken_until = -1  # matches inside an earlier claim ("(46 miles)") are part of it
    c: Claim | None
    for m in _found(_QTY, text):
        if m.start() < taken_until:
            continue
        c = _area(ctx, m) if m.group("area") or _area_slip(text, m) else _distance(ctx, m)
        if c is not None:
            claims.append(c)
            taken_until = max(taken_until, c.end)
    for m in _found(_SHARE, text):
        c = _share(ctx, m)
        if c is not None:
            claims.append(c)
    claims.sort(key=lambda c: c.start)
    comparisons = [_comparison(ctx, m, claims) for m in _COMPARISON.finditer(text)]
    claims.extend(c for c in comparisons if c is not None)
    claims.sort(key=lambda c: c.start)
    return _link_comparisons(claims)


def _home_country(mentions: list[Mention], gz) -> Place | None:
    """The country "the country" means: Ukraine, unless the text names places of one other country
    only (Russia, the usual actor, does not count: "Russia controls a fifth of the country")."""
    codes = {m.place.country for m in mentions if m.place is not None and m.place.country}
    named = {m.place.country for m in mentions if m.place is not None and m.place.kind == "country"}
    others = (codes & named) - {"UA", "RU"}
    code = "UA" if "UA" in codes or len(others) != 1 else others.pop()
    return _safe(gz.country, code)


def _number(m: re.Match) -> float | None:
    value = parse_number(re.sub(r"\s+", " ", m.group("num")))
    return value if value is not None and value > 0 else None


def _qualifier(m: re.Match) -> str | None:
    q = m.group("qual")
    return QUALIFIERS.get(" ".join(q.lower().split())) if q else None


def _conversion(text: str, pos: int) -> tuple[Converted | None, int]:
    c = _CONVERSION.match(text, pos)
    if not c:
        return None, pos
    value = parse_number(re.sub(r"\s+", " ", c.group("num")))
    if value is None:
        return None, pos
    if c.group("area"):
        unit = _area_unit(c.group("area"))
    else:
        unit = DISTANCE_UNITS.get(c.group("dist").lower())
    if unit is None:
        return None, pos
    return Converted(value, unit, c.group("num")), c.end()


def _area_unit(s: str) -> str | None:
    key = " ".join(s.lower().replace(".", " ").split())
    return AREA_UNITS.get(key) or AREA_UNITS.get(key.replace(" ", ""))


def _area_slip(text: str, m: re.Match) -> bool:
    """A length unit used for an area: "a land area of about 600,000 km"."""
    if not m.group("dist") or not m.group("dist").lower().startswith("k"):
        return False
    before = text[max(0, m.start() - 60) : m.start()]
    return bool(_AREA_CONTEXT.search(before) or _AREA_AFTER.match(text, m.end()))


def _sentence_bounds(ctx: _Context, pos: int) -> tuple[int, int]:
    return sentence_span(ctx.text, pos)


def _anchor(ctx: _Context, pos: int) -> tuple[Place | None, str, int]:
    """The place named at ``pos`` (a mention, "the capital", "the border"), its text and end offset."""
    text = ctx.text
    the = re.match(r"(?:the\s+)?", text[pos : pos + 5])
    for p in (pos, pos + (the.end() if the else 0)):
        m = ctx.mention_at(p)
        if m is not None:
            return m.place, text[pos : m.end], m.end
    cap = _CAPITAL.match(text, pos)
    if cap:
        code = _ADJ_COUNTRY.get((cap.group("adj") or "").lower()) or (ctx.home.country if ctx.home else "UA")
        return _safe(ctx.gz.capital, code), cap.group(), cap.end()
    thing = _THING.match(text, pos)
    if thing and not ctx.mention_at(thing.end() + 1):
        # "within 30 km of the front line": a real anchor that is not a gazetteer place.
        return None, thing.group(), thing.end()
    described = _DESCRIBED.match(text, pos)
    if described:
        # "the logistics hub of Pokrovsk", "the Ukrainian-held town of Kostiantynivka"
        m = ctx.mention_at(described.end())
        if m is not None and m.place is not None:
            return m.place, text[pos : m.end], m.end
    border = _BORDER.match(text, pos)
    if border:
        adj = (border.group("adj") or "russian").lower()
        code = _ADJ_COUNTRY.get(adj, "RU")
        if code == "UA":
            code = "RU"
        return _safe(ctx.gz.country, code), border.group(), border.end()
    return None, "", pos


def _safe(fn, *args):
    try:
        return fn(*args)
    except Exception:
        return None


def _distance(ctx: _Context, m: re.Match) -> DistanceClaim | None:
    text = ctx.text
    value = _number(m)
    unit = DISTANCE_UNITS.get(m.group("dist").lower())
    if value is None or unit is None:
        return None
    if _RANGE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
        return None
    converted, pos = _conversion(text, m.end())
    if _NOT_LOCATION.match(text, pos):
        return None
    start = m.start()

    def claim(end: int, **fields) -> DistanceClaim:
        fields.setdefault("subject", _subject(ctx, start, fields.get("anchor")))
        return DistanceClaim(
            text[start:end], start, end, value=value, unit=unit, km=to_km(value, unit),
            value_text=m.group("num"), qualifier=_qualifier(m), converted=converted,
            **fields, **ctx.common(start, end),
        )  # fmt: skip

    d = _DIRECTION.match(text, pos)
    if d is None:
        stream = _STREAM.match(text, pos)
        if stream and not stream.group("of"):
            # "Kherson, 70 km downstream": a distance along the river, no compass direction.
            return claim(stream.end("dir"))
        into = None if stream else _INTO.match(text, pos)
        if into:
            # "up to 10 km into Ukrainian territory": measured from the border of that country.
            adj = (into.group("adj") or into.group("adj2")).lower()
            code = _ADJ_COUNTRY.get(adj) or {"russia": "RU", "belarus": "BY"}.get(adj, "UA")
            return claim(into.end(), anchor=_safe(ctx.gz.country, code), anchor_text=into.group("what"))
        away = stream or _AWAY.match(text, pos)
        if not away:
            return None
        anchor, anchor_text, end = _anchor(ctx, away.end())
        if anchor is None and not anchor_text:
            return None
        return claim(end, anchor=anchor, anchor_text=anchor_text)

    direction = DIRECTIONS.get("-".join(d.group("dir").lower().split())) or DIRECTIONS.get(
        d.group("dir").lower()
    )
    if direction is None:
        return None
    from .geometry import bearing_of

    fields = {"direction": direction, "bearing_deg": bearing_of(direction)}
    if d.group("end") is not None:  # "... some 20 km to the south."
        return claim(d.end("dir"), **fields)
    anchor, anchor_text, end = _anchor(ctx, d.end())
    if anchor is None and not anchor_text:
        end = d.end("dir")
    return claim(end, anchor=anchor, anchor_text=anchor_text, **fields)


_THE_TOWN = re.compile(
    r"\s*(?:The|This)\s+(?:town|city|village|settlement|hub)\s+(?:itself\s+)?(?:lies|is|sits)\b"
)
#: ", a road and rail hub" / ", the regional capital": a short noun phrase naming the place again.
_APPOSITIVE = re.compile(r"\s*[,(—–]\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE)
_CLAUSE_WORDS = re.compile(
    r"\b(?:after|before|when|while|as|since|they|he|she|it|we|was|were|had|has|have|day|week|month|year)\b",
    re.IGNORECASE,
)
#: The words just before a distance that make the place before them its subject ("..., which lies").
_LINK = re.compile(
    r"(?:^\s*|\b(?:lies|lie|lying|located|situated|sits|sitting|stands|is|are|was|based)\s+)$", re.I
)


def _subject(ctx: _Context, start: int, anchor: Place | None) -> Place | None:
    """The place a distance statement is about: the nearest settlement before it in the sentence,
    when the words between link them ("Balakliia, ... which lies 74 km ...")."""
    s, _ = _sentence_bounds(ctx, start)
    if _THE_TOWN.match(ctx.text, s):
        # "The town lies 15 miles west of Donetsk": the settlement the previous sentences are about.
        earlier = [m.place for m in ctx.mentions_between(max(0, s - 600), s) if m.place is not None]
        return next((p for p in reversed(earlier) if p.kind == "settlement" and p != anchor), None)
    before = [(m, m.place) for m in ctx.mentions_between(s, start) if m.place is not None]
    for m, place in reversed(before):
        if place.kind not in ("settlement", "facility") or (anchor is not None and place == anchor):
            continue
        gap = ctx.text[m.end : start]
        words = gap.split()
        apposition = (len(words) <= 3 and gap.lstrip()[:1] in (",", "(", "—", "–")) or bool(
            _APPOSITIVE.match(gap) and not _CLAUSE_WORDS.search(gap)
        )
        if apposition or (_LINK.search(gap) and len(words) <= 30):
            return place
        return None
    return None


def _area(ctx: _Context, m: re.Match) -> AreaClaim | None:
    text = ctx.text
    value = _number(m)
    if value is None:
        return None
    unit = _area_unit(m.group("area")) if m.group("area") else "km2"
    if unit is None:
        return None
    converted, end = _conversion(text, m.end())
    start = m.start()
    s, e = _sentence_bounds(ctx, start)
    before = text[max(s, start - _WINDOW) : start]
    after = text[end : min(e, end + 80)]
    clause = before + " " + after
    change = None
    if _REGAINED.search(clause):
        change = "regained"
    elif _HELD.search(before[-80:]):
        change = "held"
    elif _CAPTURED.search(clause):
        change = "captured"
    subject = _area_subject(ctx, start, before)
    since = _since(ctx, text[s:e])
    places: tuple[Place, ...] = ()
    if subject is None and change in ("regained", "captured"):
        side = "ukraine" if change == "regained" else "russia"
        found = {e.place.id: e.place for e in ctx.events if e.side == side and e.place.kind in _CHANGED_KINDS}
        places = tuple(found.values())
    return AreaClaim(
        text[start:end],
        start,
        end,
        value=value,
        unit=unit,
        km2=to_km2(value, unit),
        value_text=m.group("num"),
        qualifier=_qualifier(m),
        subject=subject,
        converted=converted,
        change=change if subject is None else None,
        places=places,
        since=since,
        **ctx.common(start, end),
    )


def _area_subject(ctx: _Context, start: int, before: str) -> Place | None:
    """ "Ukraine's total land area of about ...", "the country's land mass of ..." -> the place."""
    tail = before[-90:]
    cover = _COVERS.search(tail)
    if cover:
        # "Ukraine, which covers some 600,000 square km": the place just before the verb.
        offset = start - len(tail) + cover.start()
        near = [m.place for m in ctx.mentions_between(max(0, offset - 40), offset + 1) if m.place is not None]
        if near and near[-1].kind in ("country", "region", "sea"):
            return near[-1]
    hit = _SUBJECT_AREA.search(tail)
    if not hit:
        return None
    offset = start - len(tail) + hit.start()
    head = tail[: hit.start()]
    if re.search(r"\bthe\s+country$", head, re.I):
        return ctx.home
    for m in reversed(ctx.mentions_between(max(0, offset - 60), offset + 1)):
        if m.end == offset or ctx.text[m.end : offset] in ("", "'", "’"):
            return m.place
    return None


def _since(ctx: _Context, sentence: str) -> _dt.date | None:
    m = _SINCE.search(sentence)
    if not m or ctx.published is None:
        return None
    month = _MONTHS.index(m.group("month").lower()) + 1
    year = ctx.published.year if month <= ctx.published.month else ctx.published.year - 1
    day = int(m.group("day")) if m.group("day") else 1
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _share(ctx: _Context, m: re.Match) -> ShareClaim | None:
    text = ctx.text
    value = parse_fraction(" ".join(m.group("frac").split()))
    if value is None or not 0 < value <= 1:
        return None
    pos = m.end()
    of, of_text, end = _anchor(ctx, pos)
    if of is not None and of.kind not in ("country", "region"):
        return None
    if of is None:
        terr = _ITS_TERRITORY.match(text, pos)
        if terr:
            named = re.match(r"ukrain", terr.group(), re.I)
            of = _safe(ctx.gz.country, "UA") if named else ctx.home
            of_text, end = terr.group(), terr.end()
        else:
            terr = _TERRITORY.match(text, pos)
            if not terr:
                return None
            of_text, end = terr.group(), terr.end()
            what = terr.group("what").lower()
            of = (
                ctx.home
                if what in ("country", "nation", "territory", "land", "landmass", "land mass")
                else None
            )
            if of is None:
                of = _last_region(ctx, m.start())
            elif _TAKEN_PART.match(text, end):
                of = None  # "50% of the land seized by Russia": a share of a part, not of the country
    if _NOT_TERRITORY.match(text, end):
        return None
    tail = _OF_COUNTRY.match(text, end)
    if tail:  # "18% of the territory of Ukraine"
        end = tail.end()
    start = m.start()
    s, e = _sentence_bounds(ctx, start)
    clause = text[max(s, start - _WINDOW) : min(e, end + 60)]
    change = (
        "regained"
        if _REGAINED.search(clause)
        else "held"
        if _HELD.search(clause)
        else ("captured" if _CAPTURED.search(clause) else None)
    )
    return ShareClaim(
        text[start:end],
        start,
        end,
        value=value,
        value_text=m.group("frac"),
        qualifier=_qualifier(m),
        of=of,
        of_text=of_text,
        change=change,
        **ctx.common(start, end),
    )


def _last_region(ctx: _Context, pos: int) -> Place | None:
    for m in reversed(ctx.mentions_between(0, pos)):
        if m.place is not None and m.place.kind == "region":
            return m.place
    return None


def _comparison(ctx: _Context, m: re.Match, claims: list[Claim]) -> ComparisonClaim | None:
    text = ctx.text
    s, e = _sentence_bounds(ctx, m.start())
    places: list[Place] = []
    end = m.end()
    for men in ctx.mentions_between(m.end(), min(e, m.end() + 120)):
        gap = text[end : men.start]
        if places and not re.fullmatch(r"\s*(?:,|and|&|plus|or)?\s*(?:the\s+)?", gap):
            break
        if not places and not re.fullmatch(r"\s*(?:the\s+)?", gap):
            break
        if men.place is not None and men.place.kind in ("country", "region", "settlement"):
            places.append(men.place)
            end = men.end
    if not places:
        return None
    if not any(isinstance(c, AreaClaim) for c in claims if c.start < m.start()) and not re.search(
        r"\b(?:area|territory|land|size)\b", text[s:e], re.I
    ):
        return None
    rel = m.group("rel").lower()
    relation = (
        "larger" if re.search(r"larger|bigger|greater", rel) else "smaller" if "smaller" in rel else "equal"
    )
    qual = _COMPARISON_QUAL.search(text, max(0, m.start() - 20), m.start())
    start = qual.start(1) if qual else m.start()
    return ComparisonClaim(
        text[start:end],
        start,
        end,
        places=tuple(places),
        relation=relation,
        qualifier=QUALIFIERS.get(" ".join(qual.group(1).lower().split())) if qual else None,
        **ctx.common(start, end),
    )


def _link_comparisons(claims: list[Claim]) -> list[Claim]:
    """Point each comparison at the area it sizes: the latest area claim before it that is not a
    reference total (an area with a subject, "Ukraine's land area of ..."), else the latest area."""
    from dataclasses import replace

    out: list[Claim] = []
    for c in claims:
        if isinstance(c, ComparisonClaim):
            areas = [(i, a) for i, a in enumerate(out) if isinstance(a, AreaClaim)]
            pick = next((i for i, a in reversed(areas) if a.subject is None), None)
            if pick is None and areas:
                pick = areas[-1][0]
            c = replace(c, refers_to=pick)
        out.append(c)
    return out
