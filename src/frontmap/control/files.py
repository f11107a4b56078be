"""Reading control-map files for :mod:`frontmap.control.controlmap`: formats, zip safety, repair, dates.

Everything here turns *some input* (a path, a URL string, bytes, a GeoDataFrame or a shapely geometry)
into one clean lon/lat (Multi)Polygon plus what is known about it (a date, a name, the ids of features
that were skipped, the repairs made).  Errors are :class:`~frontmap.errors.ControlMapError` naming the
input.

Large files are read in bulk: pyogrio streams each layer as Arrow batches
(:mod:`~frontmap.control._arrow`), shapely checks all geometries at once and only the few features that
need work go one by one through :mod:`~frontmap.control.repairs`; a map cut into many tiles is merged
by coverage union.  A GeoJSON file of 100 MB reads in a few seconds (``benchmarks/bench_control_read.py``).
Files over ``max_bytes`` (default :data:`MAX_BYTES`) are refused; ``progress=True`` shows a bar.
"""

from __future__ import annotations

import datetime as _dt
import io
import mmap
import numbers
import os
import re
import sys
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from frontmap._dates import to_date
from frontmap.control._arrow import DATE_KEYS, ID_KEYS, Joined, Labels, Layer, read_layer
from frontmap.control.repairs import Repair, check_crs_member, check_mode, clean_geometries
from frontmap.errors import ControlMapError, InputError

__all__ = ["DATE_KEYS", "MAX_BYTES", "Loaded", "load"]

#: Largest file (and largest uncompressed KMZ content) read, in bytes (500 MB, about a million
#: polygons).  Override with ``max_bytes=``.
MAX_BYTES = 500_000_000

_ZIP_MAGIC = b"PK\x03\x04"
_INNER_SUFFIXES = (".kml", ".geojson", ".json", ".gpkg")
_MAX_ZIP_ENTRIES = 10_000
#: What a damaged zip raises while being read (zlib.error for a corrupt stream, ValueError for a bad
#: offset: "negative seek value", EOFError for a cut-off one ...).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    RuntimeError,
    NotImplementedError,
    EOFError,
    ValueError,
    zlib.error,
)


@dataclass(frozen=True)
class Loaded:
    """What :func:`load` found: the clean geometry and its metadata."""

    geometry: Any
    source: str | None
    name: str | None
    date: _dt.date | None
    skipped: tuple[str, ...]
    repairs: tuple[Repair, ...] = ()


# ---------------------------------------------------------------------------------------------- dates
def _date_from_frame(frame: Any) -> _dt.date | None:
    """The latest date found in the first date-like column of ``frame`` (None when there is none)."""
    columns = {str(c).lower(): c for c in frame.columns if c != frame.geometry.name}
    for key in DATE_KEYS:
        col = columns.get(key)
        if col is None:
            continue
        dates = [d for d in (to_date(v) for v in frame[col].tolist()) if d is not None]
        if dates:
            return max(dates)
    return None


# -------------------------------------------------------------------------------------------- reading
def _describe(source: Any) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return f"<{type(source).__name__}>"


def _read_capped(fh: Any, cap: int, label: str, what: str) -> bytes:
    data = fh.read(cap + 1)
    if len(data) > cap:
        raise ControlMapError(
            f"{label!r}: {what} is larger than {cap:,} bytes; "
            "pass max_bytes= to raise the cap if you trust it"
        )
    return data


def _unzip(data: bytes | Path, label: str, cap: int) -> tuple[bytes, str]:
    """The one map file inside a KMZ/zip, read into memory with a size cap; refuses nested zips."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
    except _ZIP_ERRORS as e:
        raise ControlMapError(f"{label!r} is not a readable KMZ/zip file ({e})") from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > _MAX_ZIP_ENTRIES:
            raise ControlMapError(
                f"{label!r} holds {len(infos):,} files; refusing (at most {_MAX_ZIP_ENTRIES:,})"
            )
        for info in infos:
            if info.filename.lower().endswith((".zip", ".kmz")):
                raise ControlMapError(
                    f"{label!r} holds another zip file {info.filename!r} (zipped-within-zipped); "
                    "unzip it yourself and pass the map file"
                )
        if sum(i.file_size for i in infos) > cap:
            raise ControlMapError(
                f"{label!r} unzips to more than {cap:,} bytes; refusing (a zip bomb?). "
                "Pass max_bytes= to raise the cap if you trust the file"
            )
        candidates = [i for i in infos if i.filename.lower().endswith(_INNER_SUFFIXES)]
        candidates.sort(key=lambda i: (Path(i.filename).name.lower() != "doc.kml", i.filename.count("/")))
        if not candidates:
            names = ", ".join(repr(i.filename) for i in infos[:5]) or "nothing"
            raise ControlMapError(f"{label!r} holds no .kml, .geojson or .gpkg file (found {names})")
        chosen = candidates[0]
        try:
            with zf.open(chosen) as fh:  # the declared size may lie: cap what is actually read
                inner = _read_capped(fh, cap, label, f"{chosen.filename!r} unzipped")
        except _ZIP_ERRORS as e:
            raise ControlMapError(f"{label!r}: cannot unzip {chosen.filename!r} ({e})") from None
    if inner[:4] == _ZIP_MAGIC:
        raise ControlMapError(
            f"{label!r}: {chosen.filename!r} is itself a zip file (zipped-within-zipped); refusing"
        )
    return inner, chosen.filename


def _fetch(url: str, cap: int) -> bytes:
    """Read a URL the user passed (http/https only), at most ``cap`` bytes."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=60) as resp:  # the caller checked the scheme
            return _read_capped(resp, cap, url, "the download")
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise ControlMapError(f"cannot download {url!r} ({e})") from None


def _single_layer(target: Any) -> bool:
    """Whether ``target`` (a path or bytes) is GeoJSON-like JSON, which holds one layer (TopoJSON may
    hold several): then the layer list need not be read, which would parse the whole file once more."""
    if isinstance(target, bytes):
        head = target[:4096]
    else:
        with open(target, "rb") as fh:
            head = fh.read(4096)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" and b'"Topology"' not in head


def _read_layers(target: Any, label: str, layer: str | None, bar: Any) -> list[Layer]:
    """Each spatial layer of ``target`` (or the one asked for), read with pyogrio's Arrow stream."""
    import pyogrio

    def opened() -> Any:
        return io.BytesIO(target) if isinstance(target, bytes) else target

    try:
        if layer is None and _single_layer(target):
            return [_to_lonlat(read_layer(opened, 0, "", "", bar), label)]
        # layers are read by index: an in-memory file gets a new temporary name at each opening
        layers = [(str(n), g) for n, g in pyogrio.list_layers(opened())]
        wanted = [i for i, (_, g) in enumerate(layers) if g is not None]
        if layer is not None:
            if layer not in [n for n, _ in layers]:
                known = ", ".join(repr(n) for n, _ in layers)
                raise ControlMapError(f"{label!r} has no layer {layer!r}; its layers are {known}")
            wanted = [[n for n, _ in layers].index(layer)]
        prefix = [f"{layers[i][0]}:" if len(wanted) > 1 else "" for i in wanted]
        return [
            _to_lonlat(read_layer(opened, i, layers[i][0], p, bar), label)
            for i, p in zip(wanted, prefix, strict=True)
        ]
    except ControlMapError:
        raise
    except Exception as e:  # pyogrio raises DataSourceError (a RuntimeError) and friends
        msg = str(e).split("; It might help")[0].replace("\n", " ")[:300]
        raise ControlMapError(
            f"cannot read {label!r} as a map file ({msg}); give GeoJSON, KML, KMZ or GeoPackage"
        ) from None


def _to_lonlat(layer: Layer, label: str) -> Layer:
    """``layer`` with its geometries reprojected to lon/lat when its CRS is another."""
    if layer.crs is None:
        return layer
    try:
        from pyproj import CRS

        crs = CRS.from_user_input(layer.crs)
        if crs.to_epsg() == 4326:
            return layer
        import geopandas as gpd

        layer.geoms = gpd.GeoSeries(layer.geoms, crs=crs).to_crs(4326).to_numpy()
        layer.crs = "EPSG:4326"
        return layer
    except Exception as e:
        raise ControlMapError(f"{label!r}: cannot reproject from {layer.crs!s} to lon/lat ({e})") from None


def _check_crs_in_file(path: Path, label: str) -> None:
    """:func:`check_crs_member` over the file's bytes, mapped rather than read into memory."""
    with path.open("rb") as fh:
        try:
            view = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # a file that cannot be mapped (a pipe, a special file)
            check_crs_member(fh.read(), label)
            return
        with view:
            check_crs_member(view, label)


def _layers_from(source: Any, layer: str | None, cap: int, bar: Any) -> tuple[list[Layer], str, str | None]:
    """Read a path, URL string or bytes: ``(layers, label, file name)``."""
    if isinstance(source, bytes):
        label, filename, data = "<bytes>", None, source
        if len(data) > cap:
            raise ControlMapError(
                f"{label!r} is {len(data):,} bytes, larger than the {cap:,}-byte cap; "
                "pass max_bytes= to raise it"
            )
    elif isinstance(source, str) and re.match(r"(?i)^[a-z][a-z0-9+.-]*://", source):
        if not re.match(r"(?i)^https?://", source):
            raise ControlMapError(f"{source!r}: only http:// and https:// URLs can be read")
        label, filename = source, source.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        data = _fetch(source, cap)
    else:
        path = Path(source)
        label, filename = os.fspath(source), path.name
        _check_path(path, label, cap)
        with path.open("rb") as fh:
            head = fh.read(4)
        if head != _ZIP_MAGIC:
            _check_crs_in_file(path, label)
            return _read_layers(path, label, layer, bar), label, filename
        data = path.read_bytes()
    if not data.strip():
        raise ControlMapError(f"{label!r} is empty")
    if data[:4] == _ZIP_MAGIC:
        data, _inner = _unzip(data, label, cap)
    check_crs_member(data, label)
    return _read_layers(data, label, layer, bar), label, filename


def _check_path(path: Path, label: str, cap: int) -> None:
    if not path.exists():
        raise ControlMapError(f"no such file {label!r}")
    if path.is_dir():
        raise ControlMapError(f"{label!r} is a directory; give one map file (or use ControlMap.series)")
    size = path.stat().st_size
    if size == 0:
        raise ControlMapError(f"{label!r} is empty")
    if size > cap:
        raise ControlMapError(
            f"{label!r} is {size:,} bytes, larger than the {cap:,}-byte cap; pass max_bytes= to raise it"
        )


# ------------------------------------------------------------------------------------------ feature ids
def _feature_ids(frame: Any) -> list[str]:
    """A label per row of a GeoDataFrame: its ``id``, else its ``name``, else ``fid N`` (its index)."""
    cols = {str(c).lower(): c for c in frame.columns if c != frame.geometry.name}
    columns = [frame[cols[k]].tolist() for k in ID_KEYS if k in cols]
    labels = Labels(columns, frame.index.tolist())
    return [labels[i] for i in range(len(frame))]


@contextmanager
def _progress(progress: bool, source: Any) -> Iterator[Any]:
    """A tqdm bar on stderr counting the features read (None when ``progress`` is false)."""
    if not progress:
        yield None
        return
    from tqdm import tqdm

    name = Path(_describe(source)).name or _describe(source)
    with tqdm(desc=f"reading {name}", unit=" features", file=sys.stderr, leave=False) as bar:
        yield bar


def load(
    source: Any,
    *,
    layer: str | None = None,
    max_bytes: int = MAX_BYTES,
    repair: str = "refuse",
    progress: bool = False,
) -> Loaded:
    """Read ``source`` into a :class:`Loaded`: path, ``http(s)://`` URL string, bytes, GeoDataFrame,
    GeoSeries or shapely geometry (lon/lat).  All spatial layers are read unless ``layer`` names one.
    ``repair`` is ``"refuse"`` (repairs that change a feature's area are errors; so are unparseable
    geometries) or ``"allow"`` (they are applied, or the feature skipped, and recorded).  Files larger
    than ``max_bytes`` are refused; ``progress=True`` shows a progress bar on stderr.
    """
    from shapely.geometry.base import BaseGeometry

    check_mode(repair)
    if isinstance(source, BaseGeometry):
        geom, skipped, repairs = clean_geometries([source], ["geometry"], "<geometry>", repair)
        return Loaded(geom, None, None, None, skipped, repairs)
    if hasattr(source, "geometry") and hasattr(source, "crs") and hasattr(source, "columns"):
        frame = _to_wgs84(source, "<GeoDataFrame>")
        labels = _feature_ids(frame)
        geom, skipped, repairs = clean_geometries(list(frame.geometry), labels, "<GeoDataFrame>", repair)
        return Loaded(geom, None, None, _date_from_frame(frame), skipped, repairs)
    if hasattr(source, "crs") and hasattr(source, "to_crs"):  # a GeoSeries
        import geopandas as gpd

        return load(gpd.GeoDataFrame(geometry=source), layer=layer, max_bytes=max_bytes, repair=repair)
    if not isinstance(source, (str, bytes, os.PathLike)):
        raise ControlMapError(
            f"cannot read a control map from {type(source).__name__!r}; give a file path, URL string, "
            "GeoDataFrame or shapely polygon"
        )
    _check_cap(max_bytes)
    with _progress(progress, source) as bar:
        layers, label, filename = _layers_from(source, layer, max_bytes, bar)
        for found in layers:
            _refuse_unparseable(found, label, repair)
        if not any(len(found.geoms) for found in layers):
            raise ControlMapError(f"{label!r} holds no features; a control map needs polygon features")
        geoms = layers[0].geoms if len(layers) == 1 else np.concatenate([found.geoms for found in layers])
        ids = layers[0].labels if len(layers) == 1 else Joined([found.labels for found in layers])
        if bar is not None:
            bar.set_description_str(f"checking {len(geoms):,} features")
        stage = bar.set_description_str if bar is not None else None
        geom, skipped, repairs = clean_geometries(geoms, ids, label, repair, stage)
    dates = [found.date for found in layers if found.date is not None]
    stem = Path(filename).name.split(".")[0] if filename else None
    return Loaded(geom, label, stem, max(dates) if dates else None, skipped, repairs)


def _check_cap(max_bytes: Any) -> None:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, numbers.Integral) or max_bytes <= 0:
        raise InputError(f"max_bytes must be a positive whole number of bytes, not {max_bytes!r}")


def _refuse_unparseable(layer: Layer, label: str, repair: str) -> None:
    """Refuse a layer with geometries GEOS cannot parse (an unclosed ring ...) unless repairs are allowed."""
    bad = layer.unparseable
    if bad and repair != "allow":
        row, msg = next(iter(bad.items()))
        raise ControlMapError(
            f"{label!r}: feature {layer.labels[row]!r} has a geometry that cannot be read ({msg})"
            + (f" ({len(bad)} such features)" if len(bad) > 1 else "")
            + "; fix it, or pass repair='allow' to skip it"
        )


def _to_wgs84(frame: Any, label: str) -> Any:
    if frame.crs is None:
        return frame
    try:
        if frame.crs.to_epsg() == 4326:
            return frame
        return frame.to_crs(4326)
    except Exception as e:
        raise ControlMapError(f"{label!r}: cannot reproject from {frame.crs!s} to lon/lat ({e})") from None
