"""frontmap: map news reports of the war in Ukraine, offline.

Data flows one way::

    text --read--> Article(mentions, claims) --geometry--> shapes --check--> verdicts --draw/render--> maps
                        ^ gazetteer (names, places, regions)          ^ control maps, front lines

``import frontmap as fm`` is all a user needs; every public name is re-exported here.
"""

from __future__ import annotations

from . import geometry, tolerance
from .errors import (
    ClaimError,
    ControlMapError,
    FrontmapError,
    GeometryError,
    InputError,
    UnknownPlaceError,
)
from .gazetteer import Gazetteer
from .place import KINDS, Place
from .render import render

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "ClaimError",
    "ControlMapError",
    "FrontmapError",
    "Gazetteer",
    "GeometryError",
    "InputError",
    "Place",
    "UnknownPlaceError",
    "__version__",
    "geometry",
    "render",
    "tolerance",
]
