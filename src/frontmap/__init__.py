"""frontmap: map news reports of the war in Ukraine, offline.

Data flows one way::

    text --read--> Article(mentions, claims) --geometry--> shapes --check--> verdicts --draw/render--> maps
                        ^ gazetteer (names, places, regions)          ^ control maps, front lines

``import frontmap as fm`` is all a user needs; every public name is re-exported here.
"""

from __future__ import annotations

from . import geometry, shapes, tolerance
from .checks import Verdict, check
from .errors import (
    ClaimError,
    ControlMapError,
    FrontmapError,
    GeometryError,
    InputError,
    UnknownPlaceError,
)
from .article import Article, Mention
from .claims import AreaClaim, Claim, ComparisonClaim, Converted, DistanceClaim, ShareClaim
from .frontline import Change, ControlMap, change
from .gazetteer import Gazetteer
from .inferred import ControlEvent, InferredControl, find_control_events, infer_control
from .maps import draw
from .place import KINDS, Place
from .read import read, read_many
from .render import render

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "AreaClaim",
    "Article",
    "Claim",
    "ComparisonClaim",
    "Converted",
    "Change",
    "ControlEvent",
    "ControlMap",
    "InferredControl",
    "DistanceClaim",
    "Mention",
    "ShareClaim",
    "ClaimError",
    "ControlMapError",
    "FrontmapError",
    "Gazetteer",
    "GeometryError",
    "InputError",
    "Place",
    "UnknownPlaceError",
    "Verdict",
    "__version__",
    "draw",
    "change",
    "find_control_events",
    "infer_control",
    "check",
    "geometry",
    "read",
    "read_many",
    "render",
    "shapes",
    "tolerance",
]
