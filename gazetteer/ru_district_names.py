"""The rules of Russian district names for :mod:`make_ru_districts`: cleaning GeoNames' untidy names,
finding a district's Russian adjective among them ("Рыльский Район" -> Рыльский), and the stems that a
town's name gives the adjective of the district named after it (Рыльск -> рыль, Суджа -> суджан,
Коломна -> коломен). The same rules serve Belarus' raions by their Russian names (Костюковичи ->
Костюковичский). No data and no network: pure functions of names.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from frontmap.gazetteer.names import normalize, translit_ru

#: Words GeoNames writes like an adjective that name no district ("Городской Округ Щигры", a typo).
NOT_DISTRICTS = ("Городской", "Гордоской")

#: A Cyrillic letter; a name in Russian letters only (not Тамароўка, nor Шклоўскі).
CYR = re.compile("[а-яё]", re.IGNORECASE)
RUSSIAN_NAME = re.compile(r"[А-ЯЁа-яё]+(?:[ -][А-ЯЁа-яё]+)*")
_TO_CYR = str.maketrans("aeopcxyAEOPCXKMHTB", "аеорсхуАЕОРСХКМНТВ")
#: A Russian district adjective: Рыльский, Кромской, Хотынецкий, Матвеево-Курганский.
ADJ = re.compile(r"^([А-ЯЁ][а-яё]*(?:-[А-ЯЁ][а-яё]*)?(?:ск|цк)(?:ий|ой))(?:\s+(.*))?$")
#: An English one: Rylsky, Ryl’skiy, Kholm-Zhirkovsky.
LATIN_ADJ = re.compile(
    r"^([A-Z][a-z’'ë-]*?(?:-[A-Z][a-z’'ë-]*?)?(?:skiy|sky|skoy|skoi|tskiy|tsky))(?:\s+(.*))?$"
)


def clean(name: str) -> str:
    """A name without stress marks and with Cyrillic look-alikes in Cyrillic words: "Таци́нский райо́н"
    -> "Тацинский район", "Чeрнянский" (Latin e) -> "Чернянский"."""
    name = unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).replace("\u0301", ""))
    words = [w.translate(_TO_CYR) if CYR.search(w) else w for w in name.split()]
    return " ".join(words)


def cyrillic_adjective(names: list[str], latin: str | None) -> tuple[str, bool] | None:
    """The Russian adjective among a district's names and whether a name calls it an urban okrug:
    "Рыльский Район" -> ("Рыльский", False), "Старооскольский городской округ" -> (.., True). Of
    several, the one that romanises as the English ``latin`` ("Belokalitvinsky": Белокалитвинский,
    not GeoNames' typo Белоалтивинский)."""
    found = []
    for n in names:
        m = ADJ.match(clean(n))
        if m and m[1] not in NOT_DISTRICTS:
            rest = (m[2] or "").lower()
            found.append((m[1], "городской" in rest))
    if not found:
        return None

    def likeness(f: tuple[str, bool]) -> tuple[float, bool]:
        near = SequenceMatcher(None, latin_key(translit_ru(f[0])), latin_key(latin)).ratio() if latin else 0
        return (-near, "ё" not in f[0])  # Конышёвский before Конышевский: the news spell ё "yo"

    return min(found, key=likeness)


def latin_adjective(name: str) -> str | None:
    """An English adjective name: "Salsky" -> "Salsky", "Ryl’skiy Rayon" -> "Ryl’skiy"."""
    m = LATIN_ADJ.match(name)
    return m[1] if m else None


def fold(s: str) -> str:
    return normalize(s).replace("ё", "е").replace(" ", "").replace("-", "")


def adjective_stem(adj: str) -> str:
    """The stem of a district adjective, as its town would give it: Рыльский -> рыль, Хотынецкий ->
    хотынец, Кромской -> кром."""
    a = fold(adj)
    for end, keep in (("цкий", "ц"), ("цкой", "ц"), ("ский", ""), ("ской", "")):
        if a.endswith(end):
            return a[: -len(end)] + keep
    return a


_FIRST_WORD = re.compile(r"^(\w+?)(ая|яя|ое|ее|ый|ий|ой|ые|ие)\s+(.+)$")
_HUSHING = ("ш", "ж", "ч", "щ", "ц", "н")


def _compound(name: str, hushing_e: bool = False) -> str:
    """A two-word town as the adjective writes it: Красная Яруга -> красноЯруга, Большое Солдатское ->
    большеСолдатское, Новый Оскол -> новоОскол, Дальнее Константиново -> дальнеКонстантиново (then
    folded); with ``hushing_e`` every head ending in ш, ж, ч, щ links with е: Большая Глушица ->
    большеГлушица."""
    m = _FIRST_WORD.match(name)
    if m:
        head = m[1].lower()
        hushing = head[-1:] in _HUSHING
        e = hushing and (m[2] in ("ое", "ий", "ие", "яя", "ее") or (hushing_e and head[-1:] != "н"))
        name = head + ("е" if e or m[2] == "ее" else "о") + m[3]
    return fold(name)


_SOFT = {"г": "ж", "к": "ч", "х": "ш"}
_CONSONANTS = "бвгджзклмнпрстфхцчшщ"
_VOWELS = "аеёиоуыэюя"


def _forms(town: str) -> set[str]:
    """The folded forms of a town's name whose stems name a district: the name (:func:`_compound`, both
    ways), and of a hyphenated name its first part (of 5 letters or more) and each later part that is not
    an adjective, before any "-на-": Спасск-Рязанский -> спасск, Калач-на-Дону -> калач, Спас-Клепики ->
    клепики (not спас, nor the усть of Усть-Шоноша)."""
    forms = {_compound(town), _compound(town, hushing_e=True)}
    head = town.split("-на-")[0]
    if head != town:
        forms.add(fold(head))
    parts = head.split("-")
    if len(parts) > 1:  # not a first part of 4 letters: Усть-, Верх-, Спас-
        forms |= {fold(parts[0])} if len(parts[0]) >= 5 else set()
        forms |= {fold(p) for p in parts[1:] if len(p) >= 3 and not re.search("(ий|ый|ой|ая|ое|ее)$", p)}
    return forms


def town_stems(town: str) -> set[str]:
    """The stems a Russian town name gives its district adjective: Рыльск -> рыль, Глушково ->
    глушков, Хомутовка -> хомутов, Суджа -> судж/суджан, Ровеньки -> ровень, Тацинская -> тацин,
    Красная Яруга -> краснояруг/краснояруж, Касторное -> касторн/касторен, Обоянь -> обоян/обоянь;
    and (:func:`_more_stems`) Коломна -> коломен, Ярославль -> ярослав, Шуя -> шуй, Глуск -> глус,
    Белебей -> белебеев, Спасск-Рязанский -> спас."""
    out: set[str] = set()
    for t in _forms(town):
        out |= _stems(t)
    return out


def _stems(t: str) -> set[str]:
    m = re.match(r"^(.+?)(ск|цк)(ая|ое|ий|ой|ие|ий)$", t)
    if m:  # the town is itself an adjective: Тацинская, Песчанокопское, Тарасовский
        return {m[1] + ("ц" if m[2] == "цк" else "")}
    if t.endswith(("ск", "цк")):  # Рыльск -> рыль, Глуск -> глус (Глусский), Шацк -> шац/шат (Шатский)
        return {t[:-2] + ("ц" if t.endswith("цк") else ""), t[:-1] if t.endswith("ск") else t[:-2] + "т"}
    stems = {t}
    for end in ("ка", "ки", "ье", "ья", "ое", "ая", "ые", "ий", "ый", "о", "е", "а", "я", "ы", "и", "ь"):
        if t.endswith(end) and len(t) - len(end) >= 2:
            stems.add(t[: -len(end)])
            if end in ("а", "я"):  # Суджа -> Суджанский, Ивня -> Ивнянский
                stems.add(t[: -len(end)] + ("ян" if end == "я" or t[-2] in "нл" else "ан"))
            if end == "ое" and t[-3] == "н":  # Касторное -> Касторенский
                stems.add(t[:-3] + "ен")
    stems |= _more_stems(t, stems)
    stems |= {s[:-1] + _SOFT[s[-1]] for s in list(stems) if s[-1:] in _SOFT}
    return stems


def _more_stems(t: str, stems: set[str]) -> set[str]:
    """Rarer stems of a town ``t`` (folded) with ``stems``: a fleeting vowel (Коломна -> коломен, Вологда
    -> вологод, Тотьма -> тотем, Крестцы -> крестец, Новогрудок -> новогруд, Воротынец -> воротын,
    Горки -> горец), a soft л (Кола -> коль, Краснополье -> краснополь) or none after a labial
    (Ярославль -> ярослав), a double letter (Старая Русса -> старорус), й (Шуя -> шуй, Провидения ->
    провиден) and -ев (Белебей -> белебеев)."""
    out = set()
    for s in stems - {t}:
        if len(s) >= 3 and s[-1] in _CONSONANTS and (s[-2] in _CONSONANTS or s[-2] == "ь"):
            head = s[:-2] if s[-2] == "ь" else s[:-1]
            out |= {head + "е" + s[-1], head + "о" + s[-1]}
        if s.endswith("л"):
            out.add(s + "ь")
            if s[-2:-1] in ("в", "б", "п", "м", "ф"):
                out.add(s[:-1])
        if len(s) >= 3 and s[-1] == s[-2] and s[-1] in _CONSONANTS:
            out.add(s[:-1])
    if len(t) >= 3 and t[-1] == "я" and t[-2] in _VOWELS:
        out.add(t[:-2] if t[-2] == "и" else t[:-1] + "й")
    if t.endswith(("ей", "ай", "уй")):
        out.add(t[:-1] + "ев")
    if t.endswith(("ок", "ек")) and len(t) >= 5:
        out |= {t[:-2], t[:-2] + "к"}
    if t.endswith("ец") and len(t) >= 5:
        out.add(t[:-2])
    if t.endswith("ки") and len(t) >= 4:
        out.add(t[:-2] + "ец")
    return out


def adjective_from_town(town: str) -> str | None:
    """The district adjective a one-word town name gives by the regular rules, or None: Сальск ->
    Сальский, Кашары -> Кашарский, Верховье -> Верховский, Новосиль -> Новосильский, Хотынец ->
    Хотынецкий (for the districts GeoNames names only in English)."""
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+", town):
        return None
    if town.endswith(("ский", "цкий")):
        return town
    stem = town[:-2] if town.endswith(("ск", "цк")) else town
    if stem == town:
        for end in ("ье", "ья", "ка", "ки", "ое", "ая", "ые", "ий", "ый", "о", "е", "а", "я", "ы", "и"):
            if town.endswith(end):
                stem = town[: -len(end)]
                break
    return stem + ("кий" if stem.endswith("ц") else "ский")


def latin_key(latin: str) -> str:
    """A key that an English adjective and the romanised Russian one share: "Salsky" and Сальский ->
    "sals"."""
    k = normalize(latin).replace("yo", "e").replace("ye", "e").replace("kh", "h").replace("y", "i")
    return re.sub(r"(skii|ski|skoi)$", "", k.replace("ii", "i")).replace("ts", "c")


def russian_name(names: list[str], latin: str) -> list[str]:
    """The Russian name among a town's Cyrillic ones (GeoNames mixes in Belarusian, Bulgarian, Serbian
    forms: Шчыгры, Шигри for Щигры): the one that romanises nearest GeoNames' name, with its ё twin
    first (Сычёвка, Сычевка)."""

    def likeness(n: str) -> tuple[float, int]:  # on a tie the shorter: Мценск, not Мтсенск
        return SequenceMatcher(None, normalize(translit_ru(n)), normalize(latin)).ratio(), -len(n)

    best = max(names, key=likeness)
    twins = [n for n in names if n.replace("ё", "е") == best.replace("ё", "е")]
    return sorted(twins, key=lambda n: "ё" not in n)
