"""The gazetteer stage: places, their names in every spelling, and lookup.

:class:`Gazetteer` resolves names from the data shipped in ``frontmap/gazetteer/data``; :class:`Place` is
the record it returns; :mod:`~frontmap.gazetteer.names` holds normalisation and transliteration.
"""

from frontmap.gazetteer.lookup import Gazetteer
from frontmap.gazetteer.names import is_cyrillic, normalize, spelling_variants, translit_ru, translit_uk
from frontmap.gazetteer.place import KINDS, Place

__all__ = [
    "KINDS",
    "Gazetteer",
    "Place",
    "is_cyrillic",
    "normalize",
    "spelling_variants",
    "translit_ru",
    "translit_uk",
]
