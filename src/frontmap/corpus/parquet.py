"""GeoParquet out: one file, or a folder of parts (one per chunk of inputs), written atomically.

A folder is written as ``.frontmap-<random>.tmp`` beside the target and renamed to it when every part is
in; an old output of the same name is replaced only when it is itself such a folder of parts (or a
single parquet file), never a folder holding anything else.  ``geopandas.read_parquet``,
``dask_geopandas.read_parquet`` and pyarrow read either form as one table.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from frontmap._io import TEMP_PREFIX, TEMP_SUFFIX, atomic_write_with

__all__ = ["part_name", "write_parquet", "write_parquet_parts"]


def part_name(chunk: int) -> str:
    """The file name of the part holding chunk ``chunk``: ``part.00007.parquet``."""
    return f"part.{chunk:05d}.parquet"


def write_parquet(path: str | os.PathLike[str], gdf: Any) -> Path:
    """Write the GeoDataFrame ``gdf`` to the GeoParquet file ``path``, atomically."""

    def write(fh: IO[bytes]) -> None:
        gdf.to_parquet(fh, index=False)

    _check_replaceable(Path(path))
    return atomic_write_with(path, write)


def _is_parts(folder: Path) -> bool:
    return all(
        p.is_file() and p.name.startswith("part.") and p.suffix == ".parquet" for p in folder.iterdir()
    )


def _check_replaceable(target: Path) -> None:
    if target.is_dir() and not _is_parts(target):
        raise ValueError(
            f"refusing to write {str(target)!r}: it is a folder holding other files than parquet parts; "
            "give a new name"
        )


def _folder_of(target: Path) -> Path:
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        why = "is not a folder" if folder.exists() else "does not exist"
        raise ValueError(f"cannot write {str(target)!r}: folder {str(folder)!r} {why}")
    return folder


def write_parquet_parts(path: str | os.PathLike[str], parts: Iterable[tuple[int, Any]]) -> Path:
    """Write ``(chunk, GeoDataFrame)`` pairs as the parts of the folder ``path`` (see :func:`part_name`),
    atomically: until every part is written the target is untouched, and on any failure (or Ctrl-C) the
    temporary folder is removed.

    Raises
    ------
    ValueError
        When the target's folder is missing, or the target is a folder holding other files.
    """
    target = Path(path)
    folder = _folder_of(target)
    _check_replaceable(target)
    tmp = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}"
    old: Path | None = None
    try:
        tmp.mkdir()
        for chunk, gdf in parts:
            gdf.to_parquet(tmp / part_name(chunk), index=False)
        if target.exists():
            old = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}"
            os.replace(target, old)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not target.exists():
            os.replace(old, target)
            old = None
        raise
    finally:
        if old is not None:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
    return target
