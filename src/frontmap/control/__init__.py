"""The control stage: who holds what, from control-map files or from events read in text.

:class:`ControlMap` reads a snapshot (GeoJSON, KML/KMZ, GeoPackage ...) and measures it; :func:`change`
gives the ground that changed hands between two; :func:`infer_control` draws an approximate front from
:class:`~frontmap.reading.events.ControlEvent` records when no published map exists.
"""

from frontmap.control.controlmap import Change, ControlMap, at, between, change
from frontmap.control.inferred import FrontSegment, InferredControl, infer_control
from frontmap.control.repairs import Repair

__all__ = [
    "Change",
    "ControlMap",
    "FrontSegment",
    "InferredControl",
    "Repair",
    "at",
    "between",
    "change",
    "infer_control",
]
