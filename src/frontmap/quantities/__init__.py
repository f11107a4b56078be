"""The quantities stage: numbers, units and qualifiers as news writes them, and the tolerance policy.

:mod:`~frontmap.quantities.numbers` turns text into values; :mod:`~frontmap.quantities.tolerance` turns a
stated value into the interval it allows.  Both read their units and qualifiers from one set of tables,
``data/units.tsv``, ``data/qualifiers.tsv`` and ``data/qualifier_senses.tsv`` (loaded once by
:mod:`~frontmap.quantities._tables`).
"""

from frontmap.quantities import tolerance
from frontmap.quantities.numbers import (
    AREA_UNITS,
    DIRECTIONS,
    DISTANCE_UNITS,
    FRACTIONS,
    QUALIFIERS,
    parse_fraction,
    parse_number,
    to_km,
    to_km2,
)

__all__ = [
    "AREA_UNITS",
    "DIRECTIONS",
    "DISTANCE_UNITS",
    "FRACTIONS",
    "QUALIFIERS",
    "parse_fraction",
    "parse_number",
    "to_km",
    "to_km2",
    "tolerance",
]
