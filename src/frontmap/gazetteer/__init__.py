"""The gazetteer stage: places, their names in every spelling, and lookup.

:class:`Gazetteer` resolves names from the data shipped in ``frontmap/gazetteer/data`` (optionally within an
oblast, raion or hromada, or forgiving one typo) and points back to settlements (``reverse``); :class:`Place`
is the record it returns; :mod:`~frontmap.gazetteer.names` holds normalisation, transliteration and typo
variants.
"""

from frontmap.gazetteer.lookup import REVERSE_RADIUS_KM, WITHIN_KINDS, Gazetteer
from frontmap.gazetteer.names import (
    FUZZY_MIN_LETTERS,
    is_cyrillic,
    normalize,
    spelling_variants,
    translit_ru,
    translit_uk,
    typo_variants,
)
from frontmap.gazetteer.place import KINDS, Place

__all__ = [
    "FUZZY_MIN_LETTERS",
    "KINDS",
    "REVERSE_RADIUS_KM",
    "WITHIN_KINDS",
    "Gazetteer",
    "Place",
    "is_cyrillic",
    "normalize",
    "spelling_variants",
    "translit_ru",
    "translit_uk",
    "typo_variants",
]
