"""One layer of a map file read as Arrow record batches, for :mod:`frontmap.control.files`.

pyogrio streams the layer in batches (``pyogrio.open_arrow``); each batch's WKB column becomes shapely
geometries in one vectorised call, and of the attributes only what is needed later is kept: the
columns that name a feature (``id``, ``name``, ``fid``) and the distinct values of the date-like
columns.  Feature labels are worked out only for the few features a message or a repair names.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from frontmap._dates import to_date

__all__ = ["DATE_KEYS", "ID_KEYS", "Labels", "Layer", "read_layer"]

#: Property names looked at (case-insensitively, in this order) for a snapshot date.
DATE_KEYS = ("date", "target_date", "snapshot_date", "day", "effective", "datetime", "timestamp", "time")
#: Property names looked at (case-insensitively, in this order) for a feature's label.
ID_KEYS = ("id", "name", "fid")
#: Features per Arrow batch: large enough for vectorised work, small enough to keep memory flat.
BATCH_FEATURES = 32_768


def usable(value: Any) -> bool:
    """Whether a property value can label a feature (not missing, not blank)."""
    return value is not None and str(value).strip() not in ("", "nan", "None", "NaT", "<NA>")


class _Lazy(Sequence[str]):
    """A sequence whose items are worked out on demand by ``_at(row)``, ``row`` in ``range(len(self))``."""

    def __getitem__(self, row: Any) -> Any:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        row = int(row)
        if row < 0:
            row += len(self)
        return self._at(row)

    def _at(self, row: int) -> str:
        raise NotImplementedError


class Labels(_Lazy):
    """A label per feature, worked out on demand: its ``id``, else its ``name`` (KML ``<name>``), else
    ``fid N``; prefixed with ``layer:`` when the file has several layers."""

    def __init__(self, columns: Sequence[Any], fids: Any, prefix: str = "") -> None:
        self._columns = list(columns)  # each indexable by row, in ID_KEYS order
        self._fids = fids
        self._prefix = prefix

    def __len__(self) -> int:
        return len(self._fids)

    def _at(self, row: int) -> str:
        for column in self._columns:
            value = _python(column[row])
            if usable(value):
                return self._prefix + str(value)
        return f"{self._prefix}fid {int(self._fids[row])}"


def _python(value: Any) -> Any:
    """An Arrow scalar as a Python value; text that is not UTF-8 (a damaged file) with replacements."""
    if not hasattr(value, "as_py"):
        return value
    try:
        return value.as_py()
    except UnicodeDecodeError:
        return value.as_buffer().to_pybytes().decode("utf-8", errors="replace")


class Joined(_Lazy):
    """Several :class:`Labels` (one per layer) seen as one sequence."""

    def __init__(self, parts: Sequence[Sequence[str]]) -> None:
        self._parts = [p for p in parts if len(p)]

    def __len__(self) -> int:
        return sum(len(p) for p in self._parts)

    def _at(self, row: int) -> str:
        for part in self._parts:
            if row < len(part):
                return part[row]
            row -= len(part)
        raise IndexError(row)


@dataclass
class Layer:
    """What one layer holds: ``geoms`` (an object array, None where a feature has no geometry or one that
    cannot be parsed), the parse errors by row, the feature labels, the CRS and the latest date found."""

    name: str
    geoms: Any
    labels: Sequence[str]
    crs: str | None = None
    date: _dt.date | None = None
    unparseable: dict[int, str] = field(default_factory=dict)


def _wkb_to_geometries(wkb: Any, first_row: int, bad: dict[int, str]) -> Any:
    """Shapely geometries from an Arrow WKB column; rows GEOS cannot parse become None, listed in
    ``bad`` (by row, counted from ``first_row``) with GEOS's message."""
    import numpy as np
    import shapely

    raw = wkb.to_numpy(zero_copy_only=False)
    geoms = shapely.from_wkb(raw, on_invalid="ignore")
    lost = [row for row in np.flatnonzero(shapely.is_missing(geoms)).tolist() if raw[row] is not None]
    for row in lost:
        try:
            shapely.from_wkb(raw[row])
            bad[first_row + row] = "unreadable geometry"
        except (shapely.errors.GEOSException, ValueError) as e:
            bad[first_row + row] = str(e)
    return geoms


def _latest_date(values: dict[str, set[Any]], names: dict[str, str]) -> _dt.date | None:
    """The latest date in the first date-like column (in :data:`DATE_KEYS` order) that holds one."""
    for key in DATE_KEYS:
        if key not in names:
            continue
        dates = [d for d in (to_date(v) for v in values.get(names[key], ())) if d is not None]
        if dates:
            return max(dates)
    return None


def read_layer(opened: Any, index: int, name: str, prefix: str = "", bar: Any = None) -> Layer:
    """Read layer ``index`` of ``opened()`` (a path or a fresh file-like object) batch by batch.

    ``bar`` (a tqdm progress bar or None) advances by the features read.  pyogrio's errors pass through
    (the caller turns them into :class:`~frontmap.errors.ControlMapError`).
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyogrio

    chunks: list[Any] = []
    fids: list[Any] = []
    id_chunks: dict[str, list[Any]] = {}
    date_values: dict[str, set[Any]] = {}
    bad: dict[int, str] = {}
    rows = 0
    with warnings.catch_warnings():  # an unclosed ring is reported by the caller, naming the feature
        warnings.filterwarnings("ignore", "Non closed ring detected", RuntimeWarning)
        with pyogrio.open_arrow(
            opened(),
            layer=index,
            return_fids=True,
            use_pyarrow=True,
            batch_size=BATCH_FEATURES,
            datetime_as_string=True,
        ) as (meta, reader):
            geom_col = meta["geometry_name"] or "wkb_geometry"
            fields = [str(f) for f in meta["fields"]]
            names = {f.lower(): f for f in fields}
            id_cols = [names[k] for k in ID_KEYS if k in names]
            date_cols = [names[k] for k in DATE_KEYS if k in names]
            for batch in reader:
                n = batch.num_rows
                if geom_col in batch.schema.names:
                    chunks.append(_wkb_to_geometries(batch.column(geom_col), rows, bad))
                else:
                    chunks.append(np.full(n, None, dtype=object))
                fids.append(batch.column(meta["fid_column"]).to_numpy())
                for col in id_cols:
                    id_chunks.setdefault(col, []).append(batch.column(col))
                for col in date_cols:
                    values = date_values.setdefault(col, set())
                    values.update(_python(v) for v in pc.unique(batch.column(col)))
                rows += n
                if bar is not None:
                    bar.update(n)
    geoms = np.concatenate(chunks) if chunks else np.empty(0, dtype=object)
    fid_array = np.concatenate(fids) if fids else np.empty(0, dtype=np.int64)
    columns = [pa.chunked_array(id_chunks[c], type=id_chunks[c][0].type) for c in id_cols if id_chunks.get(c)]
    labels = Labels(columns, fid_array, prefix)
    date = _latest_date(date_values, names)
    return Layer(name, geoms, labels, meta.get("crs"), date, bad)
