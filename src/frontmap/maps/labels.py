"""Greedy placement of point labels that do not collide (used by :mod:`frontmap.maps.static`).

Everything here works in display units (pixels, y up, as matplotlib's display coordinates): the
caller measures each label's text with the renderer and gives the anchor points in the same units.
Labels are placed in priority order; each tries eight positions around its point, the cartographic
preference first (upper right, lower right, upper left, lower left, right, left, above, below), and
takes the first whose box overlaps no label already placed, no anchor point and nothing outside the
bounds.  A label with no free position is skipped (``None``): a legible map beats a complete one.

>>> spots = place_labels([(0, 0), (5, 0)], [(40, 10), (40, 10)], [2, 1], gap=3, point_radius=2)
>>> [s.position for s in spots]
['upper right', 'lower right']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["OFFSETS", "Box", "Placement", "place_labels"]

#: (name, dx sign, dy sign), in the order they are tried.
OFFSETS: tuple[tuple[str, int, int], ...] = (
    ("upper right", 1, 1),
    ("lower right", 1, -1),
    ("upper left", -1, 1),
    ("lower left", -1, -1),
    ("right", 1, 0),
    ("left", -1, 0),
    ("above", 0, 1),
    ("below", 0, -1),
)

_HA = {1: "left", -1: "right", 0: "center"}
_VA = {1: "bottom", -1: "top", 0: "center"}


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned box ``x0 <= x <= x1``, ``y0 <= y <= y1`` (display units)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        """True when the two boxes share interior area (touching edges do not count)."""
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def inside(self, other: Box) -> bool:
        """True when this box lies entirely within ``other``."""
        return self.x0 >= other.x0 and self.x1 <= other.x1 and self.y0 >= other.y0 and self.y1 <= other.y1


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one label goes: the text anchor ``(x, y)`` with matplotlib's ``ha``/``va``, and its box."""

    x: float
    y: float
    ha: str
    va: str
    position: str
    box: Box


def _candidate(
    px: float, py: float, w: float, h: float, gap: float, name: str, sx: int, sy: int
) -> Placement:
    x = px + sx * gap
    y = py + sy * gap
    x0 = x if sx > 0 else (x - w if sx < 0 else x - w / 2)
    y0 = y if sy > 0 else (y - h if sy < 0 else y - h / 2)
    return Placement(x, y, _HA[sx], _VA[sy], name, Box(x0, y0, x0 + w, y0 + h))


def place_labels(
    anchors: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    priorities: Sequence[float] | None = None,
    *,
    gap: float = 4.0,
    point_radius: float = 3.0,
    bounds: Box | None = None,
    obstacles: Sequence[Box] = (),
) -> list[Placement | None]:
    """Choose a position for each label, or None where none is free.

    Parameters
    ----------
    anchors : sequence of (x, y)
        The labelled points, display units.
    sizes : sequence of (width, height)
        Each label's measured text extent, display units.
    priorities : sequence of float, optional
        Higher first; ties keep input order.  Default: input order.
    gap : float
        Distance from the point to the nearest edge (or centre line) of its label.
    point_radius : float
        Every anchor is an obstacle of this half-size, so no label covers another label's point.
        Keep ``gap >= point_radius``, or a label may be refused because of its own point.
    bounds : Box, optional
        Labels must lie entirely inside (e.g. the axes).
    obstacles : sequence of Box
        Further boxes no label may overlap (legend, scale bar ...).

    Returns
    -------
    list of Placement or None, in the order of ``anchors``.
    """
    if len(sizes) != len(anchors):
        raise ValueError(f"got {len(anchors)} anchors but {len(sizes)} sizes")
    if priorities is None:
        priorities = [0.0] * len(anchors)
    elif len(priorities) != len(anchors):
        raise ValueError(f"got {len(anchors)} anchors but {len(priorities)} priorities")
    r = point_radius
    points = [Box(x - r, y - r, x + r, y + r) for x, y in anchors]
    taken: list[Box] = list(obstacles)
    order = sorted(range(len(anchors)), key=lambda i: -priorities[i])
    out: list[Placement | None] = [None] * len(anchors)
    for i in order:
        (px, py), (w, h) = anchors[i], sizes[i]
        for name, sx, sy in OFFSETS:
            cand = _candidate(px, py, w, h, gap, name, sx, sy)
            if bounds is not None and not cand.box.inside(bounds):
                continue
            if any(cand.box.overlaps(b) for b in taken):
                continue
            if any(j != i and cand.box.overlaps(p) for j, p in enumerate(points)):
                continue
            out[i] = cand
            taken.append(cand.box)
            break
    return out
