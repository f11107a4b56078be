"""The vertices of a stored geometry, read from its WKB with :mod:`struct` alone: the reader looks at
rivers' lines and lakes' shores without importing shapely (and numpy), which a first ``read`` would pay
for (see :meth:`frontmap.gazetteer.Gazetteer.vertices`)."""

from __future__ import annotations

import struct

__all__ = ["Parts", "parts"]

#: Lines and rings, each a tuple of ``(lon, lat)`` vertices.
Parts = tuple[tuple[tuple[float, float], ...], ...]

#: WKB geometry types (2D) by code: what each holds.
_POINT, _LINE, _POLYGON = 1, 2, 3
_MULTI = (4, 5, 6, 7)  # multipoint, multilinestring, multipolygon, geometry collection


def parts(wkb: bytes) -> Parts:
    """The lines and polygon rings of ``wkb`` (2D WKB; points are left out); ``()`` for a geometry of
    a type it does not know (3D, measured) or bytes that end too soon."""
    out: list[tuple[tuple[float, float], ...]] = []
    try:
        _read(memoryview(wkb), 0, out)
    except (struct.error, ValueError):
        return ()
    return tuple(out)


def _read(data: memoryview, at: int, out: list[tuple[tuple[float, float], ...]]) -> int:
    """Read the geometry at offset ``at`` into ``out``; the offset after it."""
    order = "<" if data[at] == 1 else ">"
    (kind,) = struct.unpack_from(order + "I", data, at + 1)
    at += 5
    if kind == _POINT:
        return at + 16
    if kind == _LINE:
        return _sequence(data, at, order, out)
    if kind == _POLYGON:
        (rings,) = struct.unpack_from(order + "I", data, at)
        at += 4
        for _ in range(rings):
            at = _sequence(data, at, order, out)
        return at
    if kind in _MULTI:
        (count,) = struct.unpack_from(order + "I", data, at)
        at += 4
        for _ in range(count):
            at = _read(data, at, out)
        return at
    raise ValueError(f"WKB geometry type {kind} is not 2D point, line or polygon")


def _sequence(data: memoryview, at: int, order: str, out: list[tuple[tuple[float, float], ...]]) -> int:
    (n,) = struct.unpack_from(order + "I", data, at)
    flat = struct.unpack_from(f"{order}{2 * n}d", data, at + 4)
    out.append(tuple(zip(flat[::2], flat[1::2], strict=True)))
    return at + 4 + 16 * n
