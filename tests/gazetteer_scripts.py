"""Loading the gazetteer build's modules (gazetteer/*.py, scripts rather than a package) in tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

GAZETTEER = Path(__file__).resolve().parents[1] / "gazetteer"


def load(name: str):
    """The module ``gazetteer/<name>.py``; its folder goes on ``sys.path`` for the modules it imports."""
    if str(GAZETTEER) not in sys.path:
        sys.path.insert(0, str(GAZETTEER))
    spec = importlib.util.spec_from_file_location(name, GAZETTEER / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
