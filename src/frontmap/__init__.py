"""frontmap: map news reports of the war in Ukraine, offline.

Data flows one way::

    text --read--> Article(mentions, claims) --geometry--> shapes --check--> verdicts --draw/render--> maps
                        ^ gazetteer (names, places, regions)          ^ control maps, front lines

``import frontmap as fm`` is all a user needs; every public name is re-exported here.  Names whose
modules pull in heavy dependencies (pyproj, pandas, folium, matplotlib) are imported on first use, so
``import frontmap`` and a first ``fm.Gazetteer().resolve(...)`` stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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
from .read import read, read_many  # eager: a lazy name equal to its module's name would be shadowed

__version__ = "0.1.0"

#: Public name -> the module that defines it (imported when the name is first used).
_LAZY = {
    "Article": "article",
    "Mention": "article",
    "AreaClaim": "claims",
    "Claim": "claims",
    "ComparisonClaim": "claims",
    "Converted": "claims",
    "DistanceClaim": "claims",
    "ShareClaim": "claims",
    "Verdict": "checks",
    "check": "checks",
    "Change": "frontline",
    "ControlMap": "frontline",
    "change": "frontline",
    "ControlEvent": "inferred",
    "InferredControl": "inferred",
    "find_control_events": "inferred",
    "infer_control": "inferred",
    "draw": "maps",
    "render": "static",
}
_SUBMODULES = ("geometry", "shapes", "tolerance")

__all__ = [
    "KINDS",
    "AreaClaim",
    "Article",
    "Change",
    "Claim",
    "ClaimError",
    "ComparisonClaim",
    "ControlEvent",
    "ControlMap",
    "ControlMapError",
    "Converted",
    "DistanceClaim",
    "FrontmapError",
    "Gazetteer",
    "GeometryError",
    "InferredControl",
    "InputError",
    "Mention",
    "Place",
    "ShareClaim",
    "UnknownPlaceError",
    "Verdict",
    "__version__",
    "change",
    "check",
    "draw",
    "find_control_events",
    "geometry",
    "infer_control",
    "read",
    "read_many",
    "render",
    "shapes",
    "tolerance",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module 'frontmap' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # for type checkers and IDEs: the eager form of the lazy names above
    from . import geometry, shapes, tolerance
    from .article import Article, Mention
    from .checks import Verdict, check
    from .claims import AreaClaim, Claim, ComparisonClaim, Converted, DistanceClaim, ShareClaim
    from .frontline import Change, ControlMap, change
    from .inferred import ControlEvent, InferredControl, find_control_events, infer_control
    from .maps import draw
    from .static import render
