"""The package surface: every public name is re-exported, and importing frontmap stays light."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

import frontmap as fm


@pytest.mark.parametrize("name", fm.__all__)
def test_every_public_name_resolves(name):
    assert getattr(fm, name) is not None


def test_tab_completion_shows_the_public_names_only():
    names = dir(fm)
    assert set(fm.__all__) <= set(names)
    assert not {"Any", "TYPE_CHECKING", "annotations", "importlib"} & set(names)
    assert {"gazetteer", "reading"} <= set(names)  # the subpackages stay visible


@pytest.mark.parametrize(
    ("module", "name"),
    [("frontmap.reading.reader", "read"), ("frontmap.maps.static", "render"), ("frontmap.maps", "draw")],
)
def test_functions_not_shadowed_by_modules(module, name):
    __import__(module)
    value = getattr(fm, name)
    assert callable(value) and not isinstance(value, types.ModuleType)


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        fm.nonsense  # noqa: B018


def test_import_does_not_load_heavy_dependencies():
    code = (
        "import sys, frontmap as fm; fm.Gazetteer().resolve('Izyum'); "
        "heavy = {'pandas', 'folium', 'matplotlib', 'geopandas'}; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_errors_inherit_builtins():
    assert issubclass(fm.UnknownPlaceError, LookupError)
    assert issubclass(fm.InputError, ValueError)
    assert issubclass(fm.ClaimError, ValueError)
    assert issubclass(fm.GeometryError, ValueError)
    assert all(
        issubclass(e, fm.FrontmapError) for e in (fm.UnknownPlaceError, fm.ClaimError, fm.ControlMapError)
    )


def test_reading_does_not_load_the_geodesy_stack():
    code = (
        "import sys, frontmap as fm; fm.read('Balakliia lies 74 km (46 miles) southeast of Kharkiv.'); "
        "heavy = {'pyproj', 'shapely', 'numpy', 'pandas'}; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
