"""The notebooks under notebooks/ run from top to bottom, are committed without outputs and use only
the public API (``import frontmap as fm``).

Executing them is marked ``notebook`` (``pytest -m "not notebook"`` skips it); they need a Jupyter
kernel for this interpreter, installed for the current user if none is registered.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]
TIMEOUT_S = 600


def read(path: Path):
    return nbformat.read(path, as_version=4)


def test_there_are_three_notebooks():
    assert IDS == ["01_quickstart", "02_checking_claims", "03_front_lines"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_without_outputs(path):
    nb = read(path)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has outputs; clear them before committing"
            assert cell.execution_count is None, f"{path.name}: a cell has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_uses_only_the_public_api(path):
    code = "\n".join(c.source for c in read(path).cells if c.cell_type == "code")
    assert "import frontmap as fm" in code
    imports = re.findall(r"^\s*(?:from|import)\s+(frontmap\S*)", code, flags=re.M)
    assert imports == ["frontmap"], f"{path.name} imports {imports}; use `import frontmap as fm` only"
    assert not re.search(r"\bfm\._(?!_version__)", code), f"{path.name} uses a private name"


@pytest.fixture(scope="session")
def kernel_name() -> str:
    from jupyter_client.kernelspec import KernelSpecManager

    if "python3" not in KernelSpecManager().find_kernel_specs():
        subprocess.run(
            [sys.executable, "-m", "ipykernel", "install", "--user"], check=True, capture_output=True
        )
    return "python3"


def execute(path: Path, kernel_name: str):
    from nbclient import NotebookClient

    nb = read(path)
    client = NotebookClient(
        nb, timeout=TIMEOUT_S, kernel_name=kernel_name, resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, when one fails
    return nb


def outputs(nb, mime: str) -> list[str]:
    return [
        o["data"][mime]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "data" in o and mime in o["data"]
    ]


def stream(nb) -> str:
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


EXPECTED = {
    # notebook: (a MIME type it must display, text its printed output must contain)
    "01_quickstart": ("text/html", "Balakliia (settlement"),
    "02_checking_claims": ("image/png", "[consistent] Balakliia lies 72.3 km from Kharkiv"),
    "03_front_lines": ("image/png", "gained 0 km², lost"),
}
#: What the notebooks show of frontmap's own displays: (HTML snippets that must be displayed, text that
#: must be printed, how many PNG images at least).
DISPLAYS = {
    # the article's text with its mentions marked, a place with its outline, a one-line repr
    "01_quickstart": (["<mark", "Kharkiv Oblast (region)", "<svg"], "Article(source=", 0),
    # a verdict with its coloured status, the table of verdicts, the static map
    "02_checking_claims": ([">consistent</span>", "<table"], "Verdict(distance consistent", 1),
    # a control map on a small map, the series table, a change; the series plot and the static map
    "03_front_lines": (["<svg", "ControlMap occupied_2022-09-05", "Change, 2022-09-05 to 2022-09-13"], "", 2),
}


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_runs_top_to_bottom(path, kernel_name):
    nb = execute(path, kernel_name)
    mime, text = EXPECTED[path.stem]
    assert outputs(nb, mime), f"{path.name} displayed no {mime}"
    assert text in stream(nb)
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
    snippets, printed, images = DISPLAYS[path.stem]
    html = "\n".join(outputs(nb, "text/html"))
    for snippet in snippets:
        assert snippet in html, f"{path.name} displayed no HTML with {snippet!r}"
    assert printed in stream(nb)
    assert len(outputs(nb, "image/png")) >= images
    assert "e-12" not in html and "e-13" not in html  # numbers rounded for people
