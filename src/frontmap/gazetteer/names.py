"""Place-name normalisation and transliteration.

:func:`normalize` turns any spelling of a name into the key the gazetteer index uses; it is called
for every token the article reader looks up, so it is a handful of C-level string operations.
:func:`translit_uk` (Ukrainian, the official KMU 2010 system) and :func:`translit_ru` (Russian, a
BGN/PCGN-like system without diacritics) romanise Cyrillic; :func:`spelling_variants` produces the
spellings news reports actually use for a Cyrillic name (Izium/Izyum, Balakliia/Balakleya ...).

Examples
--------
>>> normalize("  Kup’yansk-Vuzlovyi ")
'kupyansk vuzlovyi'
>>> translit_uk("Запоріжжя"), translit_ru("Запорожье")
('Zaporizhzhia', 'Zaporozhye')
>>> "Zaliznichne" in spelling_variants("Залізничне")
True
>>> russian_forms("Синьківка"), russian_forms("Степова Новоселівка")
(['Синьковка'], ['Степовая Новоселовка'])
"""

from __future__ import annotations

import itertools
import re
import unicodedata

__all__ = [
    "FUZZY_MIN_LETTERS",
    "FUZZY_TOWN",
    "adjective_spellings",
    "is_cyrillic",
    "normalize",
    "russian_forms",
    "spelling_variants",
    "translit_ru",
    "translit_uk",
    "typo_variants",
]

# Apostrophes of every style and hyphen-like characters, mapped in one str.translate call.
_APOSTROPHES = "'’ʼ‘`´ʹʻ′"
#: Every apostrophe as the ASCII one.
_ONE_APOSTROPHE = str.maketrans(dict.fromkeys(_APOSTROPHES, "'"))
_DASHES = "-‐‑‒–—―_"
# Invisible characters web pages put inside words (zero-width space, non-joiner and joiner, word
# joiner, byte-order mark, soft hyphen): removed. None of them occurs in a stored key.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_TABLE = (
    {ord(c): None for c in _APOSTROPHES} | {ord(c): " " for c in _DASHES} | {ord(c): None for c in _INVISIBLE}
)
# Cyrillic letters whose marks are part of the letter are swapped out while NFKD strips the rest.
_KEEP = "йїё"
_PROTECT = {ord(c): 0xE000 + i for i, c in enumerate(_KEEP)}
_RESTORE = {0xE000 + i: c for i, c in enumerate(_KEEP)}
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# Look-alike letters (after casefolding): a Latin letter typed inside a Cyrillic word ("Оскiл" with a
# Latin i), or a Cyrillic one inside a Latin word ("Kharkіv" with a Cyrillic і), is swapped for its twin.
_LAT2CYR = dict(zip("abcehikmoptxy", "авсенікмортху", strict=True))
_CYR2LAT = {c: lat for lat, c in _LAT2CYR.items()}
_TO_CYR = str.maketrans(_LAT2CYR)
_TO_LAT = str.maketrans(_CYR2LAT)
_CYRILLIC = re.compile("[\u0400-\u052f]")
_LATIN = re.compile("[a-z]")


def normalize(s: str) -> str:
    """The lookup key of a name: casefolded, without diacritics, apostrophes or hyphens.

    Diacritics and stress marks are removed by NFKD decomposition (Cyrillic letters are kept,
    casefolded: й, ї and ё keep their marks). Apostrophes of every style are dropped (a possessive
    ``'s`` is *not* stripped), hyphens, dashes and underscores become spaces, and runs of white space
    collapse. Invisible characters pages carry inside words (zero-width space, joiner and non-joiner,
    word joiner, byte-order mark, soft hyphen) are removed. A word that mixes Latin and Cyrillic
    look-alike letters (а/a, с/c, е/e, і/i, о/o, р/p, х/x, у/y, к/k, в/b, н/h, м/m, т/t) is written in
    one script: the script of its letters that have no twin, else of most of its letters
    ("Оскiл" with a Latin i is "оскіл"; "Kharkіv" with a Cyrillic і is "kharkiv").

    >>> normalize("Ivano-Frankivs'k"), normalize("ХАРКІВ"), normalize("Zaporižžja")
    ('ivano frankivsk', 'харків', 'zaporizzja')
    >>> normalize("Bakh\u00admut"), normalize("Оскiл"), normalize("Харкі\u0301в")
    ('bakhmut', 'оскіл', 'харків')
    """
    s = s.casefold().translate(_TABLE)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_PROTECT))
        # compatibility forms can decompose to capitals, hyphens or apostrophes ("🄐" -> "(A)"): fold again
        s = _COMBINING.sub("", s).translate(_RESTORE).casefold().translate(_TABLE)
        if _LATIN.search(s) and _CYRILLIC.search(s):  # both scripts: rare, so checked cheaply first
            s = " ".join(_unmix(w) for w in s.split(" "))
    return " ".join(s.split())


def _fold(s: str) -> str:  # normalize() before the look-alike repair, spaces not yet collapsed
    s = s.casefold().translate(_TABLE)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_PROTECT))
        s = _COMBINING.sub("", s).translate(_RESTORE).casefold().translate(_TABLE)
    return s


def normalize_mixed(s: str) -> str:
    """:func:`normalize` without the look-alike repair: the key a word mixing Latin and Cyrillic letters
    had in data built before :func:`normalize` made it one script (the gazetteer tries it on a miss)."""
    return " ".join(_fold(s).split())


def _unmix(word: str) -> str:
    """``word`` in one script when it mixes look-alike letters of the other.

    The script is the one of the letters that have no twin (л, ж ... or b, d, s ...); when every letter
    has a twin, the majority's. A word with twinless letters of both scripts is left alone."""
    if not (_CYRILLIC.search(word) and any("a" <= c <= "z" for c in word)):
        return word
    cyr_only = lat_only = False
    n_cyr = n_lat = 0
    for c in word:
        if _CYRILLIC.match(c):
            n_cyr += 1
            cyr_only = cyr_only or c not in _CYR2LAT
        elif c.isalpha():
            n_lat += 1
            lat_only = lat_only or c not in _LAT2CYR
    if cyr_only and lat_only:
        return word
    if cyr_only or (not lat_only and n_cyr > n_lat):
        return word.translate(_TO_CYR)
    if lat_only or n_lat > n_cyr:
        return word.translate(_TO_LAT)
    return word


#: The fewest letters a key must have for typo-tolerant matching (:func:`typo_variants`).
FUZZY_MIN_LETTERS = 7
#: The fewest people of a town a misspelling is read as when other names are a typo away too.
FUZZY_TOWN = 10_000
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: Vowels that transliterations of one name write for each other ("Lysichansk", "Lisichansk").
_LATIN_VOWELS = "aeiouy"
#: The letters a transliteration may write in place of each: a vowel as another, and the "j" of
#: Central European spellings for an English "i" or "y" ("Sjedove", "Mykolajiv").
_SOUNDS_LIKE = {**{v: _LATIN_VOWELS for v in _LATIN_VOWELS}, "j": "iy"}
_CYRILLIC_LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёъыэ"


def typo_variants(key: str) -> set[str]:
    """Every string one typo away from the normalised ``key``: two adjacent letters swapped
    ("bahkmut" -> "bakhmut"), one letter dropped (an inserted or doubled letter: "gulyaipoloe" ->
    "gulyaipole", "kharkivv" -> "kharkiv"), one letter added (a dropped one: "zaporizhzha" ->
    "zaporizhzhia") or one Latin vowel written as another, as transliterations do ("lysichansk" ->
    "lisichansk"; not in a word's last two letters).

    The first letter of each word and the spaces are never touched (typos there are rare, and would
    make far more false matches), and neither is the end of a word, except to undouble a doubled last
    letter: a changed ending is usually another word ("russians", "president" are not typos of
    "russian", "presidente"). Added letters are of the key's script. About ``len(key) * 30``
    strings, made in tens of microseconds; ``key`` itself is not included.

    >>> "bakhmut" in typo_variants("bahkmut"), "zaporizhzhia" in typo_variants("zaporizhziha")
    (True, True)
    >>> "akhmut" in typo_variants("bakhmut"), "bakhmuts" in typo_variants("bakhmut")
    (False, False)
    >>> "lisichansk" in typo_variants("lysichansk"), "lisichanska" in typo_variants("lisichansko")
    (True, False)
    >>> "siedove" in typo_variants("sjedove")
    True
    """
    alphabet = _CYRILLIC_LETTERS if is_cyrillic(key) else _LATIN_LETTERS
    out: set[str] = set()
    n = len(key)
    for i in range(1, n):
        a, b = key[i - 1], key[i]  # the letters either side of the gap before position i
        if a == " " or b == " ":
            continue
        out.update(key[:i] + c + key[i:] for c in alphabet)  # a letter added between a and b
        ends_word = i == n - 1 or key[i + 1] == " "
        if i > 1 and key[i - 2] != " ":  # a is not the first letter of its word
            out.add(key[: i - 1] + b + a + key[i + 1 :])  # a swapped with b (so the last two, too)
            out.add(key[: i - 1] + key[i:])  # a dropped
        if ends_word and a == b:
            out.add(key[:i] + key[i + 1 :])  # a doubled last letter undoubled
        if a in _SOUNDS_LIKE and i > 1 and key[i - 2] != " " and not ends_word:
            # a vowel written as another (transliterations), not in a word's last two letters: "-ov"
            # for "-iv" is a Russian surname more often than a village ("Gerasimov", "Harasymiv")
            out.update(key[: i - 1] + v + key[i:] for v in _SOUNDS_LIKE[a])
    out.discard(key)
    return out


def is_cyrillic(s: str) -> bool:
    """True if ``s`` contains a Cyrillic letter."""
    return any("\u0400" <= c <= "\u04ff" for c in s)


# --- Ukrainian: KMU 2010 (Resolution of the Cabinet of Ministers of Ukraine No. 55, 2010) -------
# (letter, word-initial form, elsewhere form)
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
_UK_INITIAL = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia")}

# --- Russian: BGN/PCGN 1947 without diacritics (ё as e, ь/ъ dropped) ------------------------------
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ё": "e", "і": "i", "ї": "yi", "є": "ye",
    "ґ": "g", "'": "", "’": "",
}  # fmt: skip
_RU_VOWELS = set("аеёиоуыэюяьъй")
_RU_ONLY = set("ыэъё")
_UK_ONLY = set("іїєґ")


def _case_like(out: str, src: str) -> str:
    if not out:
        return out
    if src.isupper() and len(src) > 1:
        return out.upper()
    return out[0].upper() + out[1:] if src[0].isupper() else out


def _lower_each(text: str) -> str:
    """``text`` lower-cased letter by letter, as long as ``text``: a letter whose lower case is longer
    (Turkish İ -> i + combining dot) stays as it is, so that position ``i`` is the same in both."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in text)


def _word_initial(text: str, i: int) -> bool:
    return i == 0 or (not text[i - 1].isalpha() and text[i - 1] not in _APOSTROPHES)


def translit_uk(text: str) -> str:
    """Romanise Ukrainian Cyrillic with the official KMU 2010 system (what Ukraine uses: Kyiv).

    >>> [translit_uk(w) for w in ("Київ", "Ізюм", "Балаклія", "Куп'янськ", "Згурівка")]
    ['Kyiv', 'Izium', 'Balakliia', 'Kupiansk', 'Zghurivka']
    """
    out = []
    low = _lower_each(text)
    for i, c in enumerate(low):
        if c in _UK_INITIAL:
            r = _UK_INITIAL[c][0 if _word_initial(low, i) else 1]
        elif c == "г" and i > 0 and low[i - 1] == "з":
            r = "gh"  # зг -> zgh, to tell it from ж
        else:
            r = _UK[c] if c in _UK else _RU.get(c, c)
        out.append(_case_like(r, text[i]))
    return "".join(out)


def translit_ru(text: str) -> str:
    """Romanise Russian Cyrillic, BGN/PCGN-like without diacritics (Kharkov, Zaporozhye).

    >>> [translit_ru(w) for w in ("Харьков", "Николаев", "Энергодар", "Новая Каховка")]
    ['Kharkov', 'Nikolayev', 'Energodar', 'Novaya Kakhovka']
    """
    out = []
    low = _lower_each(text)
    for i, c in enumerate(low):
        if c == "е":
            r = "ye" if i == 0 or low[i - 1] in _RU_VOWELS or not low[i - 1].isalpha() else "e"
        else:
            r = _RU.get(c, c)
        out.append(_case_like(r, text[i]))
    return "".join(out)


# Each class of Cyrillic letters is spelled one way throughout a variant (all и as y, or all as i):
# that is how news spellings vary, and it keeps the number of variants small.
_VARIANT_CLASSES: dict[str, tuple[str, ...]] = {
    "и": ("y", "i"),
    "ы": ("y", "i"),
    "я": ("ia", "ya"),
    "ю": ("iu", "yu"),
    "є": ("ie", "ye"),
    "ї": ("i", "yi"),
    "й": ("i", "y"),
    "е": ("e", "ye"),  # ye only where Russian has it: word-initially and after a vowel
    "х": ("kh", "h"),
    "г": ("h", "g"),
}
_INITIAL = {"я": "ya", "ю": "yu", "є": "ye", "ї": "yi", "е": "ye", "и": "i"}
_ENDINGS = (  # adjectival endings at the end of a word, spelled many ways
    ("ський", ("skyi", "skyy", "skiy", "sky", "skii", "ski")),
    ("ский", ("skiy", "sky", "skyi", "skii", "ski")),
    ("ий", ("yi", "iy", "yy", "y", "ii")),
    ("ый", ("yy", "y", "iy", "yi")),
    ("ій", ("ii", "iy", "yi", "i")),
    ("ая", ("aya", "aia")),
    ("ое", ("oye", "oe")),
)
_ENDING_RE = re.compile("(" + "|".join(e for e, _ in _ENDINGS) + r")\b")
_MAX_VARIANTS = 48
#: A romanised word in -ський/-ский, however its ending is spelled ("Antonivskyi", "Antonovsky").
_SKY_WORD = re.compile(r"\b(\w{3,}?sk)(?:yi|yy|iy|y|ii|i)\b", re.IGNORECASE)


def adjective_spellings(name: str) -> set[str]:
    """``name`` (in Latin letters) with its adjectives in -sky spelled each way the news spells that
    ending (:data:`_ENDINGS`); an empty set for a name without one.

    >>> sorted(adjective_spellings("Antonivskyi Bridge"))[:3]
    ['Antonivski Bridge', 'Antonivskii Bridge', 'Antonivskiy Bridge']
    >>> adjective_spellings("Kherson")
    set()
    """
    if not _SKY_WORD.search(name):
        return set()
    return {_SKY_WORD.sub(r"\g<1>" + e[2:], name) for e in _ENDINGS[0][1]}


def spelling_variants(name: str, limit: int = _MAX_VARIANTS) -> set[str]:
    """Common Latin spellings of a Cyrillic name (Ukrainian or Russian), including both standard
    romanisations; soft signs and apostrophes are dropped. At most ``limit`` spellings.

    >>> sorted(spelling_variants("Ізюм"))
    ['Izium', 'Izyum']
    >>> {"Balakleya", "Balakleia"} <= spelling_variants("Балаклея")
    True
    """
    if not is_cyrillic(name):
        return set()
    low = _lower_each(name)
    out = set()
    if not any(c in _RU_ONLY for c in low):
        out.add(translit_uk(name))
    if not any(c in _UK_ONLY for c in low):
        out.add(translit_ru(name))
    # Mark adjectival endings: first char carries the ending, the rest emit nothing.
    endings = {m.start(): m.group(1) for m in _ENDING_RE.finditer(low)}
    skip = {i for st, e in endings.items() for i in range(st + 1, st + len(e))}
    end_forms = dict(_ENDINGS)
    present = [c for c in _VARIANT_CLASSES if c in low]
    choices = [_VARIANT_CLASSES[c] for c in present]
    ending_kinds = sorted(set(endings.values()))
    choices += [end_forms[e] for e in ending_kinds]
    for combo in itertools.islice(itertools.product(*choices), 8 * limit):
        table = dict(zip(present, combo, strict=False))
        etable = dict(zip(ending_kinds, combo[len(present) :], strict=True))
        res = []
        for i, c in enumerate(low):
            if i in skip:
                continue
            if i in endings:
                res.append(etable[endings[i]])
                continue
            initial = _word_initial(low, i)
            if c in table:
                r = table[c]
                if initial and c in _INITIAL:
                    r = _INITIAL[c]
                elif c == "е" and not (i > 0 and low[i - 1] in _RU_VOWELS):
                    r = "e"
            elif c == "щ":
                r = "shch"
            else:
                r = _UK[c] if c in _UK else _RU.get(c, c)
            res.append(_case_like(r, name[i]))
        out.add("".join(res))
        if len(out) >= limit:
            break
    # Doubled letters that news spellings often simplify (Zaporizhzhia -> Zaporizhia)
    out |= {v.replace("zhzh", "zh") for v in out if "zhzh" in v}
    return {v for v in out if v}


# --- Ukrainian -> Russian toponyms ----------------------------------------------------------------
# The regular correspondences between a Ukrainian settlement name and the form Russian sources use
# (Синьківка -> Синьковка, Сергіївка -> Сергеевка, Берестове -> Берестовое/Берестово, Привільне ->
# Привольное, Степова Новоселівка -> Степовая Новоселовка). Derived, not sourced: see
# gazetteer/README.md ("Russian forms"). Three tables, applied to each word (lower case, hyphenated
# parts separately) in this order:
#
# 1. _UK_RU_ROOTS: roots whose vowel differs (Ukrainian і for Old East Slavic ѣ or for о/е in a
#    closed syllable: Біла/Белая, Світлодарськ/Светлодарск, Вільне/Вольное, Новосілка/Новоселка) and
#    a few regular initial sounds (Олександрівка/Александровка, Миколаївка/Николаевка,
#    Вугледар/Угледар, Вовчанськ/Волчанск). Regular expressions, first match per position.
# 2. _UK_RU_ENDINGS: the word's ending, longest first (suffixes -івка/-ївка -> -овка/-евка, -ів/-їв
#    -> -ов/-ев, the neuter adjective -ове/-не/-ське -> -ово or -овое/-ное/-ское, the masculine
#    -ий/-ій -> -ый/-ий, the -ття/-лля nouns -> -тье/-лье). "|" separates alternatives.
# 3. _UK_RU_LETTERS: the letters Russian lacks (і -> и, ї -> и, є -> е, ґ -> г); the apostrophe is dropped,
#    or is ь after р (Мар'їнка -> Марьинка).
# A word before the last word of a name ending in a feminine adjective ending (_UK_RU_ADJ_FIRST:
# Нова, Степова, Велика, Верхня) takes the Russian long form (-ая, -яя).
_UK_RU_ROOTS: tuple[tuple[str, str], ...] = (
    ("олекс", "алекс"),  # Олександрівка, Олексіївка -> Александровка, Алексеевка
    ("микола", "никола"),  # Миколаївка, Новомиколаївка
    ("^вугле", "угле"),  # Вугледар, Вуглегірськ
    ("^вузл", "узл"),  # Вузлове
    ("^вовч", "волч"),  # Вовчанськ, Вовче
    ("^вільх", "ольх"),  # Вільхівка -> Ольховка
    ("^вільш", "ольш"),  # Вільшанка -> Ольшанка
    ("^жовт", "желт"),  # Жовте, Жовтневе
    ("чорн", "черн"),  # Чорнобаївка, Чорноморськ
    ("^під", "под"),  # Підгородне, Підлісне
    ("(^|о)біл", r"\1бел"),  # Біла, Білогорівка, Новобілоусівка
    ("світ", "свет"),  # Світле, Світлодарськ, Новий Світ
    ("ліс", "лес"),  # Лісне, Підлісне, Залісся
    ("річ", "реч"),  # Річки, Заріччя
    ("гір", "гор"),  # Гірське, Святогірськ, Вуглегірськ
    ("піл", "пол"),  # Мирнопілля, Тернопіль
    ("піс", "пес"),  # Піски, Пісочин
    ("віль", "воль"),  # Вільне, Привільне, Вільнянськ
    ("вілл", "волл"),  # Привілля
    ("сіл", "сел"),  # Новосілка, Новосілки
    ("сівер", "север"),  # Сіверськ
    ("кліщ", "клещ"),  # Кліщіївка
    ("дніпр", "днепр"),  # Дніпровське
    ("кам'яне$", "каменне"),  # Кам'яне -> Каменное
    ("кам'ян", "камен"),  # Кам'янка, Кам'янське
    ("ріг$", "рог"),  # Кривий Ріг, Новий Ріг
    ("володимир", "владимир"),  # Володимирівка -> Владимировка
    ("яблун", "яблон"),  # Яблунівка -> Яблоновка
    ("^довг", "долг"),  # Довга Гребля -> Долгая Гребля
    ("^довж", "долж"),  # Довжанськ -> Должанск
    ("^ілл", "иль"),  # Іллінка -> Ильинка
    ("^ганн", "анн"),  # Ганнівка -> Анновка (Ганна = Анна)
    ("^відрад", "отрад"),  # Відрадне -> Отрадное
    ("^роздол", "раздол"),  # Роздольне -> Раздольное
    ("шкіл", "школ"),  # Шкільне -> Школьное
    ("сокіл", "сокол"),  # Сокільське -> Сокольское
    ("уват", "оват"),  # Ясинувата -> Ясиноватая, Купувате -> Куповатое
    ("^козак", "казак"),  # Козаківка -> Казаковка
    ("^товст", "толст"),  # Товсте -> Толстое
    ("^кирил(?!л)", "кирилл"),  # Кирилівка -> Кирилловка
    ("костянтин", "константин"),  # Костянтинівка -> Константиновка (Костянтин = Константин)
    ("^ягід", "ягод"),  # Ягідне -> Ягодное
    ("^гліб", "глеб"),  # Глібівка -> Глебовка
    ("^між", "меж"),  # Міжріччя -> Межречье
    ("^ювіл", "юбил"),  # Ювілейне -> Юбилейное
    ("^цілин", "целин"),  # Цілинне -> Целинное
    ("^тінист", "тенист"),  # Тінисте -> Тенистое
    ("^зоря$", "заря"),  # Зоря, Красна Зоря
    ("діл$", "дол"),  # Суходіл -> Суходол
)
_UK_RU_ENDINGS: tuple[tuple[str, str], ...] = (
    ("василівка", "васильевка"),  # after a soft stem Russian has -ьевка
    ("григорівка", "григорьевка"),
    ("юр'ївка", "юрьевка"),
    ("юріївка", "юрьевка"),
    ("іївка", "еевка|иевка"),  # Сергіївка, Андріївка, Кліщіївка; Новогеоргіївка -> Новогеоргиевка
    ("жівка", "жевка"),  # after ж ш ч щ Russian writes е for unstressed о: Хоружівка -> Хоружевка
    ("шівка", "шевка"),
    ("чівка", "чевка"),
    ("щівка", "щевка"),
    ("'ївка", "ьевка"),  # Солов'ївка
    ("ївка", "евка"),  # Миколаївка, Чорнобаївка
    ("івка", "овка"),  # Синьківка, Новоселівка, Петропавлівка
    ("іївське", "еевское"),
    ("івське", "овское"),  # Петрівське
    ("івська", "овская"),
    ("івський", "овский"),
    ("ївське", "евское"),
    ("івськ", "овск"),
    ("ськ", "ск"),  # Покровськ, Світлодарськ
    ("цьк", "цк"),  # Торецьк
    ("ське", "ское"),  # Первомайське, Гірське
    ("цьке", "цкое"),
    ("ська", "ская"),
    ("цька", "цкая"),
    ("ський", "ский"),
    ("цький", "цкий"),
    ("іїв", "еев"),  # Андріїв
    ("їв", "ев"),  # Київ, Миколаїв
    ("ів", "ов"),  # Часів Яр, Харків
    ("ець", "ец"),  # Кролевець -> Кролевец
    ("чів", "чев"),  # after ж ч ш щ: Золочів -> Золочев
    ("щів", "щев"),
    ("шів", "шев"),
    ("жів", "жев"),
    ("нє", "нее"),  # Верхнє, Дальнє
    ("ова", "овая"),  # a feminine adjective: Борова -> Боровая
    ("вата", "ватая"),  # Ясинувата -> Ясиноватая
    ("ева", "евая"),
    ("би", "бы"),  # plurals: Russian ы after a hard consonant (Горби -> Горбы, Морози -> Морозы)
    ("ви", "вы"),
    ("ди", "ды"),
    ("зи", "зы"),
    ("ли", "лы"),
    ("ми", "мы"),
    ("ни", "ны"),
    ("пи", "пы"),
    ("ри", "ры"),
    ("си", "сы"),
    ("ти", "ты"),
    ("ове", "ово|овое"),  # Курахове -> Курахово, Берестове -> Берестовое
    ("єве", "ево|евое"),  # Єнакієве
    ("еве", "ево|евое"),
    ("иве", "ивое"),  # Криве
    ("ине", "ино|иное"),  # Широкине, Орлине
    ("не", "ное"),  # Водяне, Привільне, Залізничне
    ("ке", "кое"),  # Широке, Високе
    ("ле", "лое"),  # Веселе, Тепле
    ("поле", "поле"),  # a noun, not an adjective: Гуляйполе
    ("ре", "рое"),  # Бистре, Мокре
    ("те", "тое"),  # Золоте, Круте
    ("кий", "кий"),  # Широкий: -ий after к, г, х stays
    ("гий", "гий"),
    ("хий", "хий"),
    ("ий", "ый"),  # Новий, Старий
    ("ій", "ий"),  # Верхній
    ("івці", "овцы"),  # Петрівці -> Петровцы
    ("ці", "цы"),  # Russian ц is hard
    ("ця", "ца"),  # Станиця, Криниця
    ("лля", "лье"),  # Мирнопілля -> Мирнополье
    ("ння", "нье"),
    ("сся", "сье"),  # Залісся
    ("ччя", "чье"),  # Заріччя
    ("жжя", "жье"),  # Запоріжжя
    ("ття", "тье"),
    ("р'я", "рье"),  # Білогір'я
)
_UK_RU_ADJ_FIRST: tuple[tuple[str, str], ...] = (
    ("ова", "овая"), ("ева", "евая"), ("на", "ная"), ("ла", "лая"), ("ра", "рая"), ("ика", "икая"),
    ("ока", "окая"), ("ька", "ькая"), ("ша", "шая"), ("ня", "няя"), ("та", "тая"), ("ві", "вые"),
    ("лі", "лые"), ("кі", "кие"), ("рі", "рые"), ("хні", "хние"), ("жні", "жние"), ("ні", "ные"),
)  # fmt: skip
_UK_RU_LETTERS = {"і": "и", "ї": "и", "є": "е", "ґ": "г"}
#: Ordinals that tell apart villages of one name (Желанне Друге, Новоселівка Перша), in Russian: a word,
#: not a sound, so translated whole.
_UK_RU_ORDINALS = {
    "перший": "первый", "перша": "первая", "перше": "первое", "перші": "первые",
    "другий": "второй", "друга": "вторая", "друге": "второе", "другі": "вторые",
    "третій": "третий", "третя": "третья", "третє": "третье", "треті": "третьи",
}  # fmt: skip
_UK_RU_ROOT_RES = tuple((re.compile(a), b) for a, b in _UK_RU_ROOTS)
_UK_RU_ENDING_LIST = sorted(_UK_RU_ENDINGS, key=lambda e: -len(e[0]))


def _ru_letters(stem: str) -> str:
    out = []
    for i, c in enumerate(stem):
        if c == "'":  # (russian_forms reads every apostrophe as this one)
            out.append("ь" if i > 0 and stem[i - 1] == "р" else "")  # Мар'їнка -> Марьинка
        elif c == "е" and i == 0:
            out.append("э")  # Енергодар -> Энергодар
        else:
            out.append(_UK_RU_LETTERS.get(c, c))
    return "".join(out)


def _ru_word(word: str, adjective: bool) -> list[str]:
    """The Russian forms of one lower-case Ukrainian word; ``adjective``: a word before the last."""
    if word in _UK_RU_ORDINALS:
        return [_UK_RU_ORDINALS[word]]
    for pattern, repl in _UK_RU_ROOT_RES:
        word = pattern.sub(repl, word)
    endings = _UK_RU_ADJ_FIRST + tuple(_UK_RU_ENDING_LIST) if adjective else _UK_RU_ENDING_LIST
    for end, ru in endings:
        if word.endswith(end) and (len(word) > len(end) or word == end):
            stem = _ru_letters(word[: -len(end)])
            return [stem + r for r in ru.split("|")]
    return [_ru_letters(word)]


def russian_forms(name: str) -> list[str]:
    """The Russian forms of a Ukrainian Cyrillic settlement name, by the regular correspondences of
    Ukrainian and Russian toponyms (:data:`_UK_RU_ROOTS`, :data:`_UK_RU_ENDINGS`, :data:`_UK_RU_LETTERS`;
    an ordinal translated whole, :data:`_UK_RU_ORDINALS`); ``[]`` for a name that is not Ukrainian
    Cyrillic. Derived, so sometimes not the form Russian sources use (Роботине -> Роботино, not
    Работино): the gazetteer ranks them after every sourced name.

    >>> russian_forms("Сергіївка"), russian_forms("Курахове"), russian_forms("Кам’янка")
    (['Сергеевка', 'Сергиевка'], ['Курахово', 'Кураховое'], ['Каменка'])
    >>> russian_forms("Желанне Друге")
    ['Желанное Второе']
    """
    if not is_cyrillic(name) or any(c.isdigit() or "a" <= c.lower() <= "z" for c in name):
        return []
    # the rules write the apostrophe as ASCII; the codifier writes ’ (U+2019), Ukrainian orthography ʼ
    words = name.lower().translate(_ONE_APOSTROPHE).split()
    forms: list[str] = [""]
    for i, word in enumerate(words):
        parts = word.split("-")
        options: list[list[str]] = [
            _ru_word(p, adjective=i < len(words) - 1 and len(parts) == 1) for p in parts
        ]
        word_forms = ["-".join(combo) for combo in itertools.product(*options)]
        forms = [f"{f} {w}".strip() for f in forms for w in word_forms]
    return [_title(f) for f in dict.fromkeys(forms)]


def _title(s: str) -> str:
    return re.sub(r"(^|[\s-])(\w)", lambda m: m.group(1) + m.group(2).upper(), s)
