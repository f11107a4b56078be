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

from frontmap.errors import (
    ClaimError,
    ControlMapError,
    DataError,
    FrontmapError,
    GeometryError,
    InputError,
    UnknownPlaceError,
)
from frontmap.gazetteer import KINDS, Gazetteer, Place
from frontmap.reading import read, read_many
from frontmap.reading.claims import SHAPERS

__version__ = "0.1.0"

#: Public name -> the module that defines it (imported when the name is first used).
_LAZY = {
    "Article": "reading",
    "Mention": "reading",
    "AreaClaim": "reading",
    "Claim": "reading",
    "ComparisonClaim": "reading",
    "Converted": "reading",
    "DistanceClaim": "reading",
    "ShareClaim": "reading",
    "ControlEvent": "reading",
    "find_control_events": "reading",
    "Verdict": "checks",
    "check": "checks",
    "verdicts_frame": "checks.frame",
    "Change": "control",
    "ControlMap": "control",
    "ControlSeries": "control.timeline",
    "change": "control",
    "InferredControl": "control",
    "infer_control": "control",
    "draw": "maps",
    "render": "maps",
    "read_corpus": "corpus",
}
_SUBMODULES = ("geometry", "shapes", "tolerance")


def _shaper(name: str) -> Any:
    """``Claim.geometry()``/``.point()`` before :mod:`frontmap.shapes` (which loads the geodesy stack) is
    imported: import it on first use; on import it puts its own functions in ``SHAPERS``."""

    def shape(claim: Any) -> Any:
        return getattr(importlib.import_module(".shapes", __name__), name)(claim)

    return shape


for _name in ("claim_geometry", "claim_point"):
    SHAPERS.setdefault(_name, _shaper(_name))

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
    "ControlSeries",
    "Converted",
    "DataError",
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
    "read_corpus",
    "read_many",
    "render",
    "shapes",
    "tolerance",
    "verdicts_frame",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    elif name == "tolerance":
        value = importlib.import_module(".quantities.tolerance", __name__)
    elif name in _SUBMODULES:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module 'frontmap' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names and frontmap's own subpackages (for tab completion), not the helpers this
    module imports (``importlib``, ``Any``)."""
    own = {n for n, v in globals().items() if getattr(v, "__name__", "").startswith(__name__ + ".")}
    return sorted(set(__all__) | {n for n in own if not n.startswith("_")})


if TYPE_CHECKING:  # for type checkers and IDEs: the eager form of the lazy names above
    from frontmap import geometry, shapes
    from frontmap.checks import Verdict, check
    from frontmap.checks.frame import verdicts_frame
    from frontmap.control import Change, ControlMap, InferredControl, change, infer_control
    from frontmap.control.timeline import ControlSeries
    from frontmap.corpus import read_corpus
    from frontmap.maps import draw, render
    from frontmap.quantities import tolerance
    from frontmap.reading import (
        AreaClaim,
        Article,
        Claim,
        ComparisonClaim,
        ControlEvent,
        Converted,
        DistanceClaim,
        Mention,
        ShareClaim,
        find_control_events,
    )
