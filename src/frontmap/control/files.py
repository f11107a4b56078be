"""Reading control-map files for :mod:`frontmap.control.controlmap`: formats, zip safety, repair, dates.

Everything here turns *some input* (a path, a URL string, bytes, a GeoDataFrame or a shapely geometry)
into one clean lon/lat (Multi)Polygon plus what is known about it (a date, a name, the ids of features
that were skipped).  Errors are :class:`~frontmap.errors.ControlMapError` naming the input.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontmap._dates import to_date
from frontmap.control.repairs import Repair, check_crs_member, check_mode, clean_geometries
from frontmap.errors import ControlMapError

__all__ = ["MAX_BYTES", "Loaded", "load"]

#: Largest file (and largest uncompressed KMZ content) read, in bytes.  Override with ``max_bytes=``.
MAX_BYTES = 200_000_000

_ZIP_MAGIC = b"PK\x03\x04"
_INNER_SUFFIXES = (".kml", ".geojson", ".json", ".gpkg")
_MAX_ZIP_ENTRIES = 10_000
#: Property names looked at (case-insensitively, in this order) for a snapshot date.
DATE_KEYS = ("date", "target_date", "snapshot_date", "day", "effective", "datetime", "timestamp", "time")


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
    except (zipfile.BadZipFile, OSError) as e:
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
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as e:
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


def _read_frames(target: Any, label: str, layer: str | None) -> list[tuple[str, Any]]:
    """``(layer name, GeoDataFrame)`` for each spatial layer (or the one asked for)."""
    import pyogrio

    def opened() -> Any:
        return io.BytesIO(target) if isinstance(target, bytes) else target

    try:
        # layers are read by index: an in-memory file gets a new temporary name at each opening
        layers = [(str(n), g) for n, g in pyogrio.list_layers(opened())]
        wanted = [i for i, (_, g) in enumerate(layers) if g is not None]
        if layer is not None:
            if layer not in [n for n, _ in layers]:
                known = ", ".join(repr(n) for n, _ in layers)
                raise ControlMapError(f"{label!r} has no layer {layer!r}; its layers are {known}")
            wanted = [[n for n, _ in layers].index(layer)]
        return [(layers[i][0], _read_layer(opened, i)) for i in wanted]
    except ControlMapError:
        raise
    except Exception as e:  # pyogrio raises DataSourceError (a RuntimeError) and friends
        msg = str(e).split("; It might help")[0].replace("\n", " ")[:300]
        raise ControlMapError(
            f"cannot read {label!r} as a map file ({msg}); give GeoJSON, KML, KMZ or GeoPackage"
        ) from None


def _read_layer(opened: Any, index: int) -> Any:
    """One layer as a GeoDataFrame; geometries GEOS cannot parse (an unclosed ring ...) become None and
    are listed, with GEOS's message, in ``frame.attrs["unparseable"]`` (by row)."""
    import pyogrio
    import pyogrio.raw
    import shapely

    with warnings.catch_warnings():  # an unclosed ring is reported below, naming the feature
        warnings.filterwarnings("ignore", "Non closed ring detected", RuntimeWarning)
        try:
            return pyogrio.read_dataframe(opened(), layer=index, fid_as_index=True)
        except shapely.errors.GEOSException:
            pass  # read again feature by feature below, to name the bad ones
        meta, fids, wkbs, fields = pyogrio.raw.read(opened(), layer=index, return_fids=True)
    import geopandas as gpd

    geoms, bad = [], {}
    for row, wkb in enumerate(wkbs):
        try:
            geoms.append(None if wkb is None else shapely.from_wkb(wkb))
        except shapely.errors.GEOSException as e:
            geoms.append(None)
            bad[row] = str(e)
    frame = gpd.GeoDataFrame(dict(zip(meta["fields"], fields, strict=True)), geometry=geoms, crs=meta["crs"])
    frame.index = fids
    frame.attrs["unparseable"] = bad
    return frame


def _frames_from(source: Any, layer: str | None, cap: int) -> tuple[list[tuple[str, Any]], str, str | None]:
    """Read a path, URL string or bytes: ``(frames, label, file name)``."""
    if isinstance(source, bytes):
        label, filename, data = "<bytes>", None, source
        if len(data) > cap:
            raise ControlMapError(f"{label!r} is larger than {cap:,} bytes; pass max_bytes= to raise the cap")
    elif isinstance(source, str) and re.match(r"(?i)^[a-z][a-z0-9+.-]*://", source):
        if not re.match(r"(?i)^https?://", source):
            raise ControlMapError(f"{source!r}: only http:// and https:// URLs can be read")
        label, filename = source, source.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        data = _fetch(source, cap)
    else:
        path = Path(source)
        label, filename = os.fspath(source), path.name
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
        with path.open("rb") as fh:
            head = fh.read(64)
        if head[:4] != _ZIP_MAGIC:
            if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":  # GeoJSON: check its crs member
                check_crs_member(path.read_bytes(), label)
            return _read_frames(path, label, layer), label, filename
        data = path.read_bytes()
    if not data.strip():
        raise ControlMapError(f"{label!r} is empty")
    if data[:4] == _ZIP_MAGIC:
        data, _inner = _unzip(data, label, cap)
    check_crs_member(data, label)
    return _read_frames(data, label, layer), label, filename


# ------------------------------------------------------------------------------------------ feature ids
_ID_KEYS = ("id", "name", "fid")


def _feature_ids(frame: Any, layer: str, n_layers: int) -> list[str]:
    """A label per feature: its ``id``, else its ``name`` (KML ``<name>``), else ``fid N`` (its index)."""
    cols = {str(c).lower(): c for c in frame.columns if c != frame.geometry.name}
    values = [frame[cols[k]].tolist() for k in _ID_KEYS if k in cols]
    ids = []
    for i, fid in enumerate(frame.index.tolist()):
        label = next((str(v[i]) for v in values if _usable(v[i])), f"fid {fid}")
        ids.append(f"{layer}:{label}" if n_layers > 1 else label)
    return ids


def _usable(value: Any) -> bool:
    return value is not None and str(value).strip() not in ("", "nan", "None", "NaT", "<NA>")


def load(
    source: Any, *, layer: str | None = None, max_bytes: int = MAX_BYTES, repair: str = "refuse"
) -> Loaded:
    """Read ``source`` into a :class:`Loaded`: path, ``http(s)://`` URL string, bytes, GeoDataFrame,
    GeoSeries or shapely geometry (lon/lat).  All spatial layers are read unless ``layer`` names one.
    ``repair`` is ``"refuse"`` (repairs that change a feature's area are errors; so are unparseable
    geometries) or ``"allow"`` (they are applied, or the feature skipped, and recorded).
    """
    from shapely.geometry.base import BaseGeometry

    check_mode(repair)
    if isinstance(source, BaseGeometry):
        geom, skipped, repairs = clean_geometries([source], ["geometry"], "<geometry>", repair)
        return Loaded(geom, None, None, None, skipped, repairs)
    if hasattr(source, "geometry") and hasattr(source, "crs") and hasattr(source, "columns"):
        frame = _to_wgs84(source, "<GeoDataFrame>")
        labels = _feature_ids(frame, "", 1)
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
    frames, label, filename = _frames_from(source, layer, max_bytes)
    geoms: list[Any] = []
    ids: list[str] = []
    dates = []
    for name, frame in frames:
        frame_ids = _feature_ids(frame, name, len(frames))
        bad = frame.attrs.get("unparseable", {})
        if bad and repair != "allow":
            row, msg = next(iter(bad.items()))
            raise ControlMapError(
                f"{label!r}: feature {frame_ids[row]!r} has a geometry that cannot be read ({msg})"
                + (f" ({len(bad)} such features)" if len(bad) > 1 else "")
                + "; fix it, or pass repair='allow' to skip it"
            )
        frame = _to_wgs84(frame, label)
        geoms.extend(frame.geometry)
        ids.extend(frame_ids)
        d = _date_from_frame(frame)
        if d is not None:
            dates.append(d)
    if not geoms:
        raise ControlMapError(f"{label!r} holds no features; a control map needs polygon features")
    geom, skipped, repairs = clean_geometries(geoms, ids, label, repair)
    stem = Path(filename).name.split(".")[0] if filename else None
    return Loaded(geom, label, stem, max(dates) if dates else None, skipped, repairs)


def _to_wgs84(frame: Any, label: str) -> Any:
    if frame.crs is None:
        return frame
    try:
        if frame.crs.to_epsg() == 4326:
            return frame
        return frame.to_crs(4326)
    except Exception as e:
        raise ControlMapError(f"{label!r}: cannot reproject from {frame.crs!s} to lon/lat ({e})") from None
