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
"""

from __future__ import annotations

import itertools
import re
import unicodedata

__all__ = [
    "is_cyrillic",
    "normalize",
    "spelling_variants",
    "translit_ru",
    "translit_uk",
]

# Apostrophes of every style and hyphen-like characters, mapped in one str.translate call.
_APOSTROPHES = "'’ʼ‘`´ʹʻ′"
_DASHES = "-‐‑‒–—―_"
_TABLE = {ord(c): None for c in _APOSTROPHES} | {ord(c): " " for c in _DASHES}
# Cyrillic letters whose marks are part of the letter are swapped out while NFKD strips the rest.
_KEEP = "йїё"
_PROTECT = {ord(c): 0xE000 + i for i, c in enumerate(_KEEP)}
_RESTORE = {0xE000 + i: c for i, c in enumerate(_KEEP)}
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def normalize(s: str) -> str:
    """The lookup key of a name: casefolded, without diacritics, apostrophes or hyphens.

    Diacritics are removed by NFKD decomposition (Cyrillic letters are kept, casefolded: й, ї and
    ё keep their marks). Apostrophes of every style are dropped (a possessive ``'s`` is *not*
    stripped), hyphens, dashes and underscores become spaces, and runs of white space collapse.

    >>> normalize("Ivano-Frankivs'k"), normalize("ХАРКІВ"), normalize("Zaporižžja")
    ('ivano frankivsk', 'харків', 'zaporizzja')
    """
    s = s.casefold().translate(_TABLE)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_PROTECT))
        # compatibility forms can decompose to capitals, hyphens or apostrophes ("🄐" -> "(A)"): fold again
        s = _COMBINING.sub("", s).translate(_RESTORE).casefold().translate(_TABLE)
    return " ".join(s.split())


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


def _word_initial(text: str, i: int) -> bool:
    return i == 0 or (not text[i - 1].isalpha() and text[i - 1] not in _APOSTROPHES)


def translit_uk(text: str) -> str:
    """Romanise Ukrainian Cyrillic with the official KMU 2010 system (what Ukraine uses: Kyiv).

    >>> [translit_uk(w) for w in ("Київ", "Ізюм", "Балаклія", "Куп'янськ", "Згурівка")]
    ['Kyiv', 'Izium', 'Balakliia', 'Kupiansk', 'Zghurivka']
    """
    out = []
    low = text.lower()
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
    low = text.lower()
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
    low = name.lower()
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
