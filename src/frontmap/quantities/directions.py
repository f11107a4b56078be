"""Compass directions as news writes them: keys, bearings and the sector each covers (re-exported by
:mod:`~frontmap.quantities.tolerance`, the policy they are part of).

>>> direction_key("south-east"), direction_bearing("SWbW"), direction_half_angle("north and northeast")
('SE', 236.25, 45.0)
"""

from __future__ import annotations

import re

from frontmap.errors import InputError

__all__ = [
    "WINDS_16",
    "WINDS_32",
    "bearing_difference",
    "direction_bearing",
    "direction_half_angle",
    "direction_key",
]

#: The 16 wind abbreviations, clockwise from north (index × 22.5 = bearing in degrees).
WINDS_16 = tuple("N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split())
#: The 32 points of the mariner's compass, clockwise from north (index × 11.25 = bearing): the 16 winds
#: and the "by" points between them ("southwest by west", SWbW), which reference pages use.
WINDS_32 = tuple(
    "N NbE NNE NEbN NE NEbE ENE EbN E EbS ESE SEbE SE SEbS SSE SbE "
    "S SbW SSW SWbS SW SWbW WSW WbS W WbN WNW NWbW NW NWbN NNW NbW".split()
)
_WIND_KEYS = {k.upper(): k for k in WINDS_32}


#: Two directions a place may lie in, said together: "north and northeast", "west or south-west", "N/NE".
_TWO_WINDS = re.compile(r"\s*(?:/|\s(?:and|or|to)\s)\s*", re.IGNORECASE)


def direction_key(direction: str) -> str:
    """The compass abbreviation of a direction: "south-east", "Southeast", "se", "south-eastward" -> "SE";
    the 32-point "by" directions too: "southwest by west", "SWbW" -> "SWbW"; two neighbouring directions
    said together (at most 90 degrees apart): "north and northeast", "N/NE" -> "N/NE".

    Raises :class:`~frontmap.errors.InputError` for anything else (e.g. "up", "north and south").
    """
    if not isinstance(direction, str):
        raise InputError(f"direction must be a string such as 'SE' or 'south-east', got {direction!r}")
    parts = _TWO_WINDS.split(direction.strip())
    if len(parts) == 2:
        first, second = direction_key(parts[0]), direction_key(parts[1])
        if "/" in first + second or not 0 < _apart(first, second) <= 90:
            raise InputError(f"direction {direction!r} names two directions more than 90 degrees apart")
        return f"{first}/{second}"
    # "north-eastward(s)": the way towards a wind is that wind ("northern" names a part, not a way)
    s = re.sub(r"wards?$", "", re.sub(r"[^a-z]", "", direction.lower())).replace("by", "b")
    for word, letter in (("north", "n"), ("south", "s"), ("east", "e"), ("west", "w")):
        s = s.replace(word, letter)
    key = _WIND_KEYS.get(s.upper())
    if key is None:
        raise InputError(f"unknown direction {direction!r}; use one of {', '.join(WINDS_16)} or words")
    return key


def direction_bearing(direction: str) -> float:
    """The bearing in degrees of a compass direction: "SE" -> 135.0, "SWbW" -> 236.25; of two said
    together, the bearing halfway between them.

    >>> direction_bearing("SE"), direction_bearing("southwest by west"), direction_bearing("NNW")
    (135.0, 236.25, 337.5)
    >>> direction_bearing("north and northeast"), direction_bearing("NW/N")
    (22.5, 337.5)
    """
    key = direction_key(direction)
    return _span(*key.split("/"))[0] if "/" in key else _wind_bearing(key)


def direction_half_angle(direction: str) -> float:
    """Half-angle in degrees a named direction covers: 8-wind (N, NE, E ...) ±22.5°, 16-wind ±11.25°,
    the 32-point "by" directions (NbE, SWbW ...) ±5.625°; two said together, both sectors.

    Examples
    --------
    >>> direction_half_angle("SE"), direction_half_angle("north-northeast"), direction_half_angle("W")
    (22.5, 11.25, 22.5)
    >>> direction_half_angle("north and northeast")
    45.0
    """
    key = direction_key(direction)
    return _span(*key.split("/"))[1] if "/" in key else _wind_half_angle(key)


def _wind_bearing(key: str) -> float:
    return WINDS_32.index(key) * 11.25


def _wind_half_angle(key: str) -> float:
    return 5.625 if "b" in key else 22.5 if len(key) <= 2 else 11.25


def _span(first: str, second: str) -> tuple[float, float]:
    """(bearing, half-angle) of the arc that the sectors of two neighbouring winds cover together."""
    ends = [(0.0, _wind_half_angle(first)), (_signed(first, second), _wind_half_angle(second))]
    low, high = min(b - h for b, h in ends), max(b + h for b, h in ends)
    return (_wind_bearing(first) + (low + high) / 2) % 360.0, (high - low) / 2


def bearing_difference(to: float, frm: float) -> float:
    """Degrees from bearing ``frm`` to bearing ``to``, -180 to 180 (clockwise positive).

    >>> bearing_difference(10.0, 350.0), bearing_difference(350.0, 10.0)
    (20.0, -20.0)
    """
    return (to - frm + 180.0) % 360.0 - 180.0


def _signed(first: str, second: str) -> float:
    """Degrees from wind ``first`` to wind ``second``, -180 to 180 (clockwise positive)."""
    return bearing_difference(_wind_bearing(second), _wind_bearing(first))


def _apart(first: str, second: str) -> float:
    return abs(_signed(first, second))
