"""The house rules, enforced: stages import only downward, nothing imports in a circle, and the
package's own modules are imported at module level (so the graph below is the real one).

The stages, top to bottom (README, "How the code is laid out")::

    cli › corpus › maps › checks › control › shapes › reading › geometry › quantities › gazetteer › ground

``ground`` is ``errors``, ``_io``, ``_dates`` and ``_display``.  ``frontmap/__init__.py`` (the facade
that re-exports every public name, lazily) and ``__main__`` stand outside the stages; only the CLI
imports the facade.
Imports of third-party libraries are not counted: heavy ones (shapely, pyproj, folium, matplotlib,
pandas) may be imported inside the function that needs them, as geopandas does, to keep
``import frontmap`` fast.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

#: Stages from the bottom up; a module may import its own stage and the ones before it in this list.
STAGES = "ground gazetteer quantities geometry reading shapes control checks maps corpus cli".split()
GROUND = ("errors", "_io", "_dates", "_display")
OUTSIDE = ("frontmap", "frontmap.__main__")


def stage_of(module: str) -> str | None:
    """The stage a ``frontmap.…`` module belongs to (None for the facade)."""
    if module in OUTSIDE:
        return None
    top = module.split(".")[1]
    return "ground" if top in GROUND else top


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(path: Path, root: Path) -> list[tuple[str, int, bool]]:
    """(imported frontmap module, line, inside a function?) for every import of the package in ``path``.

    ``from frontmap.x import name`` counts as importing ``frontmap.x.name`` when that is a module of its
    own, else ``frontmap.x``."""
    module = module_name(path, root)
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                target = _resolve(child, module, path.name == "__init__.py")
                for a in child.names:
                    sub = f"{target}.{a.name}"
                    is_module = (root / Path(*sub.split("."))).with_suffix(".py").exists() or (
                        root / Path(*sub.split(".")) / "__init__.py"
                    ).exists()
                    found.append((sub if is_module else target, child.lineno, in_function))
            visit(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef))

    visit(tree, False)
    return [(m, line, fn) for m, line, fn in found if m == "frontmap" or m.startswith("frontmap.")]


def graph(root: Path) -> dict[str, list[tuple[str, int, bool]]]:
    """Every module of the package under ``root`` -> the package modules it imports."""
    return {
        module_name(p, root): imports_of(p, root)
        for p in sorted((root / "frontmap").rglob("*.py"))
        if "__pycache__" not in p.parts
    }


def upward_imports(g: dict[str, list[tuple[str, int, bool]]]) -> list[str]:
    """Imports from a stage into a stage above it, and imports of the facade from a stage below the CLI
    (the CLI is a thin layer over the public API, so it alone imports ``frontmap`` itself)."""
    out = []
    for module, targets in g.items():
        mine = stage_of(module)
        if mine is None:
            continue
        for target, line, _ in targets:
            theirs = stage_of(target)
            if theirs is None and mine != "cli":
                out.append(
                    f"{module}:{line} imports the facade {target!r}; import the module that defines it"
                )
            elif theirs is not None and STAGES.index(theirs) > STAGES.index(mine):
                out.append(f"{module}:{line} ({mine}) imports {target} ({theirs}), a stage above it")
    return out


def function_level_imports(g: dict[str, list[tuple[str, int, bool]]]) -> list[str]:
    return [
        f"{module}:{line} imports {target} inside a function; import it at the top of the module"
        for module, targets in g.items()
        if stage_of(module) is not None
        for target, line, in_function in targets
        if in_function
    ]


def cycles(g: dict[str, list[tuple[str, int, bool]]]) -> list[list[str]]:
    """Import cycles among the package's modules (Tarjan's strongly connected components)."""
    edges = {m: sorted({t for t, _, _ in ts if t in g and t != m}) for m, ts in g.items() if m not in OUTSIDE}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in edges:
        if v not in index:
            connect(v)
    return found


# ------------------------------------------------------------------------------------ the package
@pytest.fixture(scope="module")
def package_graph():
    return graph(SRC)


def test_every_module_is_in_a_stage(package_graph):
    unknown = [m for m in package_graph if stage_of(m) not in (None, *STAGES)]
    assert unknown == [], f"modules outside the stages {STAGES}: {unknown}"


def test_stages_import_only_downward(package_graph):
    assert upward_imports(package_graph) == []


def test_no_import_cycles(package_graph):
    assert cycles(package_graph) == []


def test_own_modules_are_imported_at_module_level(package_graph):
    assert function_level_imports(package_graph) == []


#: Longest module the house allows; past it, a module holds more than one topic.
MAX_MODULE_LINES = 600


def test_no_module_is_over_the_line_limit():
    long = {
        str(p.relative_to(SRC)): n
        for p in (SRC / "frontmap").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}, f"modules over {MAX_MODULE_LINES} lines: {long}"


# ------------------------------------------------------------------- the contract itself can fail
def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in {"frontmap/__init__.py": "", **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_an_upward_import_is_caught(tmp_path):
    root = _tree(
        tmp_path,
        {
            "frontmap/maps/__init__.py": "",
            "frontmap/maps/html.py": "def draw(): ...\n",
            "frontmap/reading/__init__.py": "",
            "frontmap/reading/reader.py": "from frontmap.maps.html import draw\n",
        },
    )
    assert upward_imports(graph(root)) == [
        "frontmap.reading.reader:1 (reading) imports frontmap.maps.html (maps), a stage above it"
    ]


def test_a_relative_upward_import_and_the_facade_are_caught(tmp_path):
    root = _tree(
        tmp_path,
        {
            "frontmap/errors.py": "from . import checks\n",
            "frontmap/checks/__init__.py": "",
            "frontmap/gazetteer/__init__.py": "import frontmap\n",
        },
    )
    found = upward_imports(graph(root))
    assert "frontmap.errors:1 (ground) imports frontmap.checks (checks), a stage above it" in found
    assert any(f.startswith("frontmap.gazetteer:1 imports the facade") for f in found)


def test_a_cycle_through_a_function_level_import_is_caught(tmp_path):
    root = _tree(
        tmp_path,
        {
            "frontmap/checks/__init__.py": "",
            "frontmap/checks/a.py": "from frontmap.checks.b import g\n\ndef f():\n    return g()\n",
            "frontmap/checks/b.py": "def g():\n    from frontmap.checks.a import f\n    return f\n",
        },
    )
    g = graph(root)
    assert cycles(g) == [["frontmap.checks.a", "frontmap.checks.b"]]
    assert function_level_imports(g) == [
        "frontmap.checks.b:2 imports frontmap.checks.a inside a function; import it at the top of the module"
    ]


def test_a_downward_import_is_allowed(tmp_path):
    root = _tree(
        tmp_path,
        {
            "frontmap/errors.py": "",
            "frontmap/maps/__init__.py": "from frontmap.errors import InputError\nimport shapely\n",
        },
    )
    g = graph(root)
    assert upward_imports(g) == [] and cycles(g) == [] and function_level_imports(g) == []
