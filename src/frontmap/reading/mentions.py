"""Finding the places a text mentions (used by :func:`frontmap.read`).

Steps, from safest to most ambiguous:

1. Every capitalised word starts a candidate; the longest run of words (up to the gazetteer's longest
   name) whose normalised form is a known name wins: "Kharkiv region" before "Kharkiv", "Zaporizhzhia
   nuclear power plant" before "Zaporizhzhia".  A possessive ('s) is tried without its suffix.  A long
   capitalised word that is no name and no ordinary word may be a misspelled name ("Kramatrosk"): the one
   place a typo away is taken (:mod:`~frontmap.reading._spelling`).
2. The ordered rules of :mod:`~frontmap.reading.mentionrules` accept or refuse each candidate: a word
   that is ordinary English that opens sentences or fills pages ("Most", "Read", "March"), a month or
   weekday, a demonym, a shouted headline word ("RUSSIA"), part of a person's name ("Vitaly Kim",
   "Vladimir Putin", a surname seen earlier in such a name), part of a title ("Princess of Wales") or of
   an organisation or publication ("Kyiv Independent") is refused.
3. A small place abroad needs support: a large population, or a locative word before it ("in", "near"),
   or (a town in a neighbouring country) a place of its region named in the same text.
4. "Donetsk and Luhansk regions" are the oblasts; "the Dnipro" with no noun after it is the river
   (:mod:`~frontmap.reading._ment_features`).  Then context picks among homonyms, and each mention
   records why (:mod:`~frontmap.reading.homonyms`): a qualifier ("in the Donetsk region", "near Y"),
   the units and places of the article, a distance claim, and last the size of the candidates.
5. ``role`` is ``metonymy`` when the place speaks or acts for its state ("Moscow said", "Kyiv's military").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from frontmap.gazetteer.names import FUZZY_MIN_LETTERS, normalize
from frontmap.gazetteer.place import Place
from frontmap.reading._decide import verdicts as decide_all
from frontmap.reading._gzcache import CachedGazetteer
from frontmap.reading._ment_candidates import plain_candidates
from frontmap.reading._ment_features import any_in, contextual_referents
from frontmap.reading._ment_places import as_spelled, countries_by_adjective, region_or_country
from frontmap.reading._ment_verdicts import plain_verdicts, sentence_ua
from frontmap.reading._mentions_added import added_names
from frontmap.reading._mentions_grid import km
from frontmap.reading._mentions_lines import Lines
from frontmap.reading._reaches import at_reaches
from frontmap.reading._spelling import misspelled, with_head
from frontmap.reading._tokens import JOINING, POSSESSIVE, Hit, PlainWords, Token, Words, words
from frontmap.reading.article import Mention
from frontmap.reading.homonyms import resolve
from frontmap.reading.lexicon import (
    ANAPHOR_FEATURES,
    GIVEN_NAMES,
    LOCATIVE,
    METONYMY_AUXILIARIES,
    METONYMY_NOUNS,
    METONYMY_VERBS,
    NAME_ARTICLES,
    NEIGHBOUR_COUNTRIES,
    TITLES,
    phrases,
)
from frontmap.reading.mentionrules import (
    Candidate,
    Verdict,
    candidate,
)

__all__ = ["candidates", "find_mentions"]

_DISTRICT_WORDS = ("district", "raion", "rayon", "hromada", "municipality", "community")
#: ... in lower case or capitalised ("the city's Kuibyshev District", as TASS writes it)
_DISTRICT = re.compile(r"\s(?:" + "|".join(w + "|" + w.capitalize() for w in _DISTRICT_WORDS) + r")\b")
_DISTRICT_GATE = (*_DISTRICT_WORDS, *(w.capitalize() for w in _DISTRICT_WORDS))
_CITY_DISTRICT = re.compile(r"\b[A-Z][a-z]+(?:skyi|skyy|skiy|skyj|ivskyi|nyi|ny)\s+(?:district|raion)\b")


def find_mentions(text: str, gz, source: str | None = None) -> list[Mention]:
    """The place mentions of ``text``, in order, without overlaps."""
    gz = _cached(gz)
    found = words(text)
    hits, persons, firsts = _match(text, found, gz)
    if isinstance(found, PlainWords):  # mentionrules.decide(c)[0] of each candidate, faster
        verdicts = plain_verdicts(text, found, hits, firsts, gz, persons, Lines(text))
    else:
        verdicts = decide_all(_candidates(text, found, gz, hits, persons, firsts), gz.memo.plans)
    kept = [h for h, v in zip(hits, verdicts, strict=True) if v is Verdict.ACCEPT]
    # A small town across the border counts when the text names its region or a place in it
    # ("Shebekino ... the Belgorod region", "Glushkovo and Korenevo" in a report on Kursk), or, a town of
    # NEIGHBOUR_TOWN people or more, its country ("Russia said it had retaken Sudzha").
    regions = {h.places[0].admin1 for h in kept if h.places[0].country in NEIGHBOUR_COUNTRIES}
    # A town in a country further away counts when the text names its country or a place there (one of
    # the places a name kept may be: "Long Island in New York").
    wanted = Verdict.IF_COUNTRY_NAMED in verdicts or Verdict.IF_REGION_NAMED in verdicts
    countries = (
        {p.country for h in kept for p in h.places} | countries_by_adjective(text) if wanted else set()
    )
    maybe = [
        h
        for h, v in zip(hits, verdicts, strict=True)
        if (v is Verdict.IF_REGION_NAMED and region_or_country(h.places[0], h.key, regions, countries))
        or (v is Verdict.IF_COUNTRY_NAMED and h.places[0].country in countries)
    ]
    if maybe:
        kept = sorted(kept + maybe, key=lambda h: h.start)
    # "Pokrovsk district": the district is read as its central town (as the dev set annotates it);
    # looked for after each town only in a text with one of the words _DISTRICT needs
    for h in kept if any_in(text, _DISTRICT_GATE) else ():
        if h.places[0].kind == "settlement":
            d = _DISTRICT.match(text, h.end)
            if d:
                h.end = d.end()
    kept = _city_districts(text, kept)
    kept = added_names(text, kept, gz)
    contextual_referents(text, kept, gz)
    resolve(text, kept, gz.country)
    if "istrict" in text or "raion" in text:
        _districts_of_named_cities(text, kept, gz)
    big = [_may_speak(h) for h in kept]
    for i, h in enumerate(kept):
        # "Kyiv and Moscow accuse each other": the first of two that speak together speaks too
        pair = kept[i + 1] if i + 1 < len(kept) and big[i + 1] else None
        if pair is not None and not _AND.fullmatch(text, h.end, pair.start):
            pair = None
        h.role = _role(text, h, pair) if big[i] else "location"
    mentions = [
        Mention(text[h.start : h.end], h.start, h.end, h.place, h.role, source, h.evidence)
        for h in kept
        if h.place
    ]
    return at_reaches(_anaphora(text, mentions, source), gz)  # a river's point at the reach meant


#: The feature words as they are written after "the" (only words of lower-case ASCII letters can be).
_FEATURE_WORDS = tuple(w[0].upper() + w[1:] for w in sorted(ANAPHOR_FEATURES) if re.fullmatch("[a-z]+", w))
#: "the" and a feature word after it, not before "of" or a capitalised word ("the Spit", not "the Bay of
#: Biscay"); the "t" first, so that the regex engine skips ahead to it.
_THE_FEATURE = re.compile(r"[Tt](?<!\w[Tt])he\s+(" + "|".join(_FEATURE_WORDS) + r")\b(?!\s+(?:of\b|[A-Z]))")
#: Part of every match of _THE_FEATURE ("he", spaces, a feature word): looked for first, fast ("he" first).
_FEATURE_GATE = re.compile(r"he\s+(?:" + "|".join(_FEATURE_WORDS) + ")")


def _anaphora(text: str, mentions: list[Mention], source: str | None) -> list[Mention]:
    """ "the Spit", "the Reservoir": a capitalised feature word after "the" names again the place of
    that kind the text named last ("Kinburn ... Russian forces on the Spit")."""
    if not mentions:
        return mentions
    if not _FEATURE_GATE.search(text, mentions[0].end):
        return mentions  # no feature word after the first name (most texts): _THE_FEATURE finds none
    added = []
    starts = [m.start for m in mentions]
    for f in _THE_FEATURE.finditer(text, mentions[0].end):
        word = f.group(1).lower()
        if word not in ANAPHOR_FEATURES:
            continue
        i = bisect_right(starts, f.start(1))
        if (i < len(mentions) and mentions[i].start < f.end(1)) or (i and mentions[i - 1].end > f.start(1)):
            continue  # already part of a name
        named = next(
            (m.place for m in reversed(mentions[:i]) if m.place is not None
             and m.place.name.lower().split()[-1] == word),
            None,
        )  # fmt: skip
        if named is not None:
            added.append(Mention(f.group(1), f.start(1), f.end(1), named, "location", source, "anaphora"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def candidates(text: str, gz) -> list[Candidate]:
    """Every known name in ``text`` (longest first, without overlaps), with what the rules of
    :mod:`~frontmap.reading.mentionrules` look at; :func:`find_mentions` keeps those they accept."""
    gz = _cached(gz)
    found = words(text)
    hits, persons, firsts = _match(text, found, gz)
    return _candidates(text, found, gz, hits, persons, firsts)


def _candidates(
    text: str, found: Words, gz: CachedGazetteer, hits: list[Hit], persons: set[str], firsts: list[str]
) -> list[Candidate]:
    lines = Lines(text)
    if isinstance(found, PlainWords):
        out = plain_candidates(text, found, hits, firsts, gz, persons, lines)
    else:
        out = [candidate(text, found, h, gz, persons, lines) for h in hits]
    # does another name in its sentence support a small village?
    flags = sentence_ua(text, hits, out.__getitem__)
    if flags is not None:
        for c, flag in zip(out, flags, strict=True):
            c.sentence_ua = flag
    return out


def _cached(gz) -> CachedGazetteer:
    return gz if isinstance(gz, CachedGazetteer) else CachedGazetteer(gz)


def _match(text: str, found: Words, gz: CachedGazetteer) -> tuple[list[Hit], set[str], list[str]]:
    """Longest known names starting at capitalised words, left to right, without overlaps; the
    surnames of people named in the text, the word after a given name or a title ("Leon Panetta"); and
    the word each name starts with.

    What a word is (a given name or title, an article, the most words of a name it opens) and the
    longest name a run of words makes depend on the words alone: both are remembered with the
    gazetteer's answers (``gz.memo``)."""
    max_words = max(1, int(getattr(gz, "max_words", 6)))
    words_from = getattr(gz, "words_from", None)
    memo_starts, runs, singles = gz.memo.starts, gz.memo.runs, gz.memo.singles
    hits: list[Hit] = []
    firsts: list[str] = []
    persons: set[str] = set()
    free = 0  # the end of the last name found: no name starts before it
    for m in found.capital_matches():
        word = m[0]
        info = memo_starts.get(word)
        if info is None:
            info = memo_starts[word] = _word_info(word, max_words, words_from)
        if info is _PASSED:
            continue
        if info is _SHORT:
            if not text.startswith("-", m.end()):
                continue
            info = (False, 0)
        start, end = m.span()
        person, limit = info
        if person:
            nxt = found.joined_after(end)
            if nxt is not None and nxt[2][0].isupper() and not nxt[2].isupper():
                persons.add(POSSESSIVE.sub("", nxt[2]).lower())
        if start < free or limit is None:  # an article: a name never starts with "The" ("The Black Sea")
            continue
        name = None
        if limit > 0:
            # the words a name here may have (Words.run): the word alone unless a joining gap follows
            run = found._run(start, limit) if limit > 1 and text.startswith(JOINING, end) else word
            name = runs.get(run, _UNKNOWN)
            if name is _UNKNOWN:
                name = runs[run] = _longest(found.split(run), gz)
        if name is None:  # no name starts here: perhaps a misspelled one
            name = _guessed(text, found, Token(start, end, word, True), gz, singles)
            name = _unless_with_before(text, found, hits, firsts, start, name, gz)
        elif name[0] == 1 and text.startswith("-", end):
            # "Orekhovo-Vasilevka": a hyphen-joined name spelled another way is one place, not two
            whole = _guessed(text, found, Token(start, end, word, True), gz, singles)
            if whole is not None and whole[0] > 1:
                name = whole
        if name is not None:
            n, length, word_end, key, places = name
            hits.append(Hit(n, start, start + length, key, places))
            firsts.append(word)
            free = start + word_end
    return hits, persons, firsts


def _unless_with_before(
    text: str, found: Words, hits: list[Hit], firsts: list[str], start: int, name: Any, gz
) -> Any:
    """``name``, the misspelled one at ``start``; None when it makes one name with the word before it
    (:func:`_two_words`: "Nova Kakhivka", not two places), which then stands in ``hits``."""
    return None if name is not None and _two_words(text, found, hits, firsts, start, name, gz) else name


def _two_words(
    text: str, found: Words, hits: list[Hit], firsts: list[str], start: int, name: Any, gz
) -> bool:
    """Does the misspelled word at ``start`` (``name``, one word) make one name with the capitalised word
    just before it, spelled as that name's first word ("Nova Kakhivka", not the village of Nova and
    Kakhovka; "Velyka Novosilki")? Then it is added, or the one-word hit before becomes, that name."""
    before = found.before(start) if name[0] == 1 else None
    if before is None or not before.cap or before.end + 1 != start or text[before.end] != " ":
        return False
    first = normalize(before.text)
    last = hits[-1] if hits else None
    merged = last is not None and last.start == before.start and last.n == 1
    if not merged and ((last is not None and last.end > before.start) or gz.words_from(first) < 2):
        return False  # the word before is part of another name, or opens no name of two words
    key = f"{first} {name[3]}"
    places = gz.lookup_fuzzy(key)
    if not places or normalize(places[0].name).split()[0] != first:
        return False
    hit = Hit(2, before.start, start + name[1], key, tuple(places))
    if merged:
        hits[-1] = hit
    else:
        hits.append(hit)
        firsts.append(before.text)
    return True


def _guessed(text: str, found: Words, t: Token, gz, singles: dict) -> Any:
    """The misspelled name at word ``t`` ("Kramatrosk"; too short a word is none), as :func:`_as_name`
    gives it, or None; with no hyphen after it (no hyphen-joined name is tried) the guess depends on
    the word alone (``singles`` remembers it). Not where a person speaks: "according to Gerasimov"."""
    if text.startswith("-", t.end):
        name = _as_name(misspelled(text, found, t, gz), found)
    elif len(t.text) >= FUZZY_MIN_LETTERS:
        name = singles.get(t.text, _UNKNOWN)
        if name is _UNKNOWN:
            name = singles[t.text] = _as_name(misspelled(text, found, t, gz), found)
    else:
        return None
    if name is None or _speaker(text, t.start, t.start + name[1]):
        return None
    return with_head(text, found, t.start, name, gz)  # "Zaporizzhia Oblast": depends on the word after


#: ", reported that", after the last of a list of sources ("Mash and Readovka, reported that ..."); not an
#: inverted ", reported the governor".
_SOURCES_SAID = re.compile(r",\s*(?:reported|said|claimed|wrote|announced)\s+(?:that|on)\b")


def _speaker(text: str, start: int, end: int) -> bool:
    """Does the name at ``text[start:end]`` stand where a person speaks ("according to X", "X said", the
    last of a list of sources: "Mash and Readovka, reported")?"""
    if _ACCORDING_TO.search(text, max(0, start - 14), start):
        return True
    return _said_after(text, end) or bool(_SOURCES_SAID.match(text, end))


def _said_after(text: str, end: int) -> bool:
    """Does a verb of saying follow the name ending at ``end`` ("Moscow said", "X has claimed")?"""
    m = _METONYMY_VERB.match(text, end)
    return bool(m and m.group(1).lower() in METONYMY_VERBS)


def _word_info(word: str, max_words: int, words_from) -> Any:  # (bool, int | None), or a mark
    """What :func:`_match` asks of a capitalised word: does a surname follow it (a given name or a
    title), and the most words of a name it opens (None for an article, which opens none).  Or, for
    the words it has nothing to do with: :data:`_PASSED` for a word whose first letter is no capital
    (not one of Words.capitals) and an article that is no title; :data:`_SHORT` for a word that is no
    title and opens no name, too short to be a misspelled one unless a hyphen joins it to more."""
    if not word[0].isupper():
        return _PASSED
    person = word.lower() in _PERSON_BEFORE
    limit = None if word in NAME_ARTICLES else _limit(word, max_words, words_from)
    if not person and limit is None:
        return _PASSED
    if not person and limit == 0 and len(word) < FUZZY_MIN_LETTERS:
        return _SHORT
    return person, limit


#: The words before a surname: given names and titles.
_PERSON_BEFORE = GIVEN_NAMES | TITLES
_UNKNOWN = object()
_PASSED = object()
_SHORT = object()


def _as_name(hit: Hit | None, found: Words) -> tuple[int, int, int, str, tuple[Place, ...]] | None:
    """A hit as :func:`_longest` gives a name: ``(words, length, length to the end of its last word,
    key, places)``."""
    if hit is None:
        return None
    return hit.n, hit.end - hit.start, found.end_of(hit.end) - hit.start, hit.key, hit.places


def _limit(word: str, max_words: int, words_from) -> int:
    """The most words of a name ``word`` may open (with and without a possessive)."""
    if words_from is None:
        return max_words
    bare = POSSESSIVE.sub("", word)
    return max(words_from(normalize(word)), words_from(normalize(bare)) if bare != word else 0)


def _longest(run: list[tuple[int, str]], gz) -> tuple[int, int, int, str, tuple[Place, ...]] | None:
    """The longest known name made of the first words of a run (``(offset in the run, word)`` each):
    ``(words, length, length to the end of its last word, key, places)``, or None."""
    words = [w for _, w in run]
    all_keys = [normalize(w) for w in words]
    for n in range(len(words), 0, -1):
        keys = all_keys[:n]
        last = words[n - 1]
        variants = [(keys, len(last))]
        if POSSESSIVE.search(last):
            stripped = POSSESSIVE.sub("", last)
            if stripped:
                variants.insert(0, ([*keys[:-1], normalize(stripped)], len(stripped)))
        for ks, last_len in variants:
            key = " ".join(ks)
            places = gz.lookup(key)
            if places and n > 1 and _splits(words[:n], gz):
                continue
            if places:
                offset = run[n - 1][0]
                spelled = as_spelled(key, tuple(places), gz.lookup)
                return n, offset + last_len, offset + len(last), key, spelled
    return None


def _splits(words: list[str], gz) -> bool:
    """Is a name with "and" two names ("West Bank and Gaza"), each known on its own?"""
    low = [w.lower() for w in words]
    if "and" not in low:
        return False
    k = low.index("and")
    return bool(gz.lookup(normalize(" ".join(words[:k])))) and bool(
        gz.lookup(normalize(" ".join(words[k + 1 :])))
    )


def _city_districts(text: str, kept: list[Hit]) -> list[Hit]:
    """ "Kharkiv's Industrialnyi district", "the Ternivskyi district" (of the city just named), "the
    Industrialnyi district of Kharkiv": a district the gazetteer does not know is read as part of the city
    named before it, or right after it with "of"."""
    if "district" not in text and "raion" not in text:
        return kept  # _CITY_DISTRICT cannot match
    added = []
    starts = [h.start for h in kept]
    for m in _CITY_DISTRICT.finditer(text):
        i = bisect_right(starts, m.start())
        if i > 0 and kept[i - 1].end > m.start():
            continue  # already part of a mention
        after = kept[i] if i < len(kept) else None  # "the Industrialnyi district of Kharkiv"
        if after is not None and _has_districts(after) and _CITY_AFTER.fullmatch(text, m.end(), after.start):
            city: Hit | None = after
        else:
            before = (h for h in reversed(kept[max(0, i - 6) : i]) if m.start() - h.end <= 600)
            city = next((h for h in before if _has_districts(h)), None)
        if city is not None:
            hit = Hit(0, m.start(), m.end(), city.key, (city.places[0],))
            hit.place, hit.evidence = city.place, "feature"
            added.append(hit)
    return sorted(kept + added, key=lambda h: h.start) if added else kept


def _has_districts(h: Hit) -> bool:
    """Is ``h`` first a town large enough to have districts of its own (50,000 people)?"""
    p = h.places[0]
    return p.kind == "settlement" and p.population >= 50_000


#: A city of Ukraine this large has districts whose names other cities' bear too (Shevchenkivskyi) ...
CITY_WITH_DISTRICTS = 100_000
#: ... so a district read farther than this from the city the text names it with is another city's.
DISTRICT_OF_CITY_KM = 20.0
_CITY_BEFORE = re.compile(r"['’ʼ]s\s+(?:the\s+)?")  # "Kharkiv's Kyivskyi district"
_CITY_AFTER = re.compile(r"\s+(?:of|in)\s+(?:the\s+city\s+of\s+)?")  # "the Kyivskyi district of Kharkiv"
#: How far before a district a city named earlier in its sentence is the one meant ("In Kharkiv, ... the
#: Kyivskyi district").
_CITY_BACK = 300
_SENTENCE_END = re.compile(r"[.!?][\s\"”]")
_OF_THE_CAPITAL = re.compile(r"\s+of\s+the\s+(?:Ukrainian\s+)?capital\b")


def _districts_of_named_cities(text: str, kept: list[Hit], gz) -> None:
    """ "Kharkiv's Shevchenkivskyi district", "the Kyivskyi district of Kharkiv", "In Kharkiv, shelling hit
    the Kyivskyi district", "the Dnipro district of the capital" (Kyiv): a district named with a city of
    Ukraine that the gazetteer places in another city (Kyiv's Shevchenkivskyi raion, Donetsk's Kyivskyi) is
    its namesake in the city named, or else part of that city; a raion stays unless the city is named
    right with it ("In Kharkiv, ... the Bohodukhiv district" is the raion)."""
    for i, h in enumerate(kept):
        if h.place is None or not text[h.end - 9 : h.end].lower().endswith((" district", " raion")):
            continue
        city = _named_with(text, kept, i)
        if city is None and _OF_THE_CAPITAL.match(text, h.end):  # "the Dnipro district of the capital"
            city = gz.capital("UA")
        if city is not None and km(h.place, city) > DISTRICT_OF_CITY_KM:
            # the namesake in that city, if the gazetteer knows one, else the city
            inside = next((p for p in h.places if km(p, city) <= DISTRICT_OF_CITY_KM), None)
            h.place, h.evidence = inside or city, "feature"


def _named_with(text: str, kept: list[Hit], i: int) -> Place | None:
    """The city the district ``kept[i]`` is named with: before it with "'s", after it with "of", or (a
    district the gazetteer files as a town, or a town abroad: "the city's Kuibyshev District") earlier in
    its sentence."""
    h = kept[i]
    if i > 0 and _is_city(kept[i - 1]) and _CITY_BEFORE.fullmatch(text, kept[i - 1].end, h.start):
        return kept[i - 1].place
    if i + 1 < len(kept) and _is_city(kept[i + 1]) and _CITY_AFTER.fullmatch(text, h.end, kept[i + 1].start):
        return kept[i + 1].place
    if h.place is None or h.place.kind != "settlement" or h.place.raion is not None:
        return None  # (a town whose raion is meant, "the Pokrovsk district", is no city's district)
    for c in reversed(kept[max(0, i - 4) : i]):
        if h.start - c.end > _CITY_BACK or _SENTENCE_END.search(text, c.end, h.start):
            return None
        if _is_city(c):
            return c.place
    return None


def _is_city(h: Hit) -> bool:
    p = h.place
    return (
        p is not None and p.kind == "settlement" and p.country == "UA" and p.population >= CITY_WITH_DISTRICTS
    )


_APOSTROPHES = ("'", "’", "ʼ")
_POSSESSIVE_NOUN = re.compile(r"['’ʼ]s\s+(\w+)")
#: A place's verb after at most three auxiliaries ("Kyiv did not confirm"; either apostrophe).
_AUXILIARY = "|".join(
    re.escape(a).replace("'", "['’]") for a in sorted(METONYMY_AUXILIARIES, key=len, reverse=True)
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+")
_METONYMY_VERB = re.compile(r"(?:\s+(?:" + _AUXILIARY + r")){0,3}\s+(\w+)", re.IGNORECASE)


def _may_speak(h: Hit) -> bool:
    """Only a country or a city of 500,000 can speak for its state (:func:`_role`'s first tests)."""
    p = h.places[0] if h.place is None else h.place
    return p.kind == "country" or (p.kind == "settlement" and p.population >= 500_000)


def _role(text: str, h: Hit, pair: Hit | None = None) -> str:
    """``metonymy`` when the place speaks or acts for its state, alone or with ``pair``, the name
    joined to it by "and" ("Kyiv and Moscow blamed each other"); else ``location``."""
    place = h.places[0] if h.place is None else h.place
    if place.kind not in ("country", "settlement"):
        return "location"
    if place.kind == "settlement" and place.population < 500_000:
        return "location"
    if text.startswith(_APOSTROPHES, h.end):  # what _POSSESSIVE_NOUN starts with
        m = _POSSESSIVE_NOUN.match(text, h.end, h.end + 40)  # the name's 's and the word after (40 chars)
        if m and m.group(1).lower() in METONYMY_NOUNS:
            return "metonymy"
    if _said_after(text, h.end) or (pair is not None and _said_after(text, pair.end)):
        # "analysts in Ukraine noted": who speaks is named before ("the army of Kyiv said" is Kyiv's)
        return "location" if _LOCATIVE_BEFORE.search(text, max(0, h.start - 15), h.start) else "metonymy"
    return "location"


_LOCATIVE_BEFORE = re.compile(r"\b(?:" + phrases(LOCATIVE - {"of"}) + r")\s+(?:the\s+)?$", re.IGNORECASE)
