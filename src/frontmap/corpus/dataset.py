"""``read_corpus``: a whole archive of articles as one dask-geopandas GeoDataFrame.

Reading is done by Dask, one partition per chunk of files (or per partition of a Bag), on the cluster
of ``client`` or whatever scheduler is active when the frame is computed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from frontmap.corpus.inputs import Doc, chunks, expand_paths
from frontmap.corpus.records import empty_frame
from frontmap.corpus.run import INSTALL
from frontmap.corpus.tasks import read_frame
from frontmap.errors import InputError

__all__ = ["read_corpus"]

#: What ``errors=`` may say about inputs that cannot be read.
ERRORS = ("raise", "skip")


def _dask() -> tuple[Any, Any]:
    try:
        import dask.dataframe as dd
        import dask_geopandas
    except ImportError as exc:
        raise ImportError(f"read_corpus needs Dask ({exc}); {INSTALL}") from None
    return dd, dask_geopandas


def _partition(docs: Sequence[Doc], chunk: int, published: Any, errors: str) -> Any:
    outcomes, gdf = read_frame(docs, chunk, published)
    problems = [o.problem for o in outcomes if o.problem]
    if problems and errors == "raise":
        more = f" (and {len(problems) - 1} more in this part)" if len(problems) > 1 else ""
        raise InputError(f"{problems[0]}{more}; pass errors='skip' to leave such inputs out")
    return gdf


def _doc(item: Any, number: int, partition: int) -> Doc:
    """A Bag item as an input: a dict with ``text`` (and ``source``, ``published``), a ``(source,
    text)`` pair, a :class:`pathlib.Path` (a file to read) or a string (the text itself)."""
    if isinstance(item, dict):
        if "text" not in item:
            raise InputError(f"a Bag item that is a dict needs a 'text' key; got keys {sorted(item)!r}")
        source = item.get("source") or f"partition {partition} item {number}"
        return Doc(number, str(source), str(item["text"] or ""), item.get("published"))
    if isinstance(item, tuple) and len(item) == 2:
        return Doc(number, str(item[0]), str(item[1] or ""))
    if isinstance(item, Path):
        return Doc(number, str(item))
    if isinstance(item, str):
        return Doc(number, f"partition {partition} item {number}", item)
    raise InputError(
        f"cannot read the Bag item {item!r:.80}: give texts, (source, text) pairs, dicts with 'text' "
        "or pathlib.Path objects"
    )


def _bag_partition(items: Any, partition: int, published: Any, errors: str) -> Any:
    docs = [_doc(item, n, partition) for n, item in enumerate(items)]
    return _partition(docs, partition, published, errors)


def read_corpus(
    paths_or_bag: Any,
    client: Any = None,
    *,
    published: Any = None,
    chunk_size: int | None = None,
    errors: str = "raise",
) -> Any:
    """Mentions and claims of many articles as one dask-geopandas GeoDataFrame (EPSG:4326).

    Parameters
    ----------
    paths_or_bag : path, glob pattern, folder, list of them, or dask.bag.Bag
        Text files (a folder stands for its ``*.txt`` files), or a Bag of texts, ``(source, text)``
        pairs, dicts with ``text`` (and optionally ``source`` and ``published``, as JSON Lines archives
        give them) or :class:`pathlib.Path` objects.
    client : distributed.Client, optional
        When given, the frame is persisted on its cluster (reading starts at once, in the background);
        otherwise it stays lazy and is computed by the active scheduler.
    published : date or 'YYYY-MM-DD', optional
        The date of every input that carries none of its own.
    chunk_size : int, optional
        Files per partition (default: about 32 partitions, at most 64 files each).
    errors : {'raise', 'skip'}
        What to do with an input that cannot be read or is not text: raise an
        :class:`~frontmap.errors.InputError` naming it when the partition is computed, or leave it out.

    Returns
    -------
    dask_geopandas.GeoDataFrame
        One row per mention and per claim, the columns of :data:`frontmap.corpus.records.COLUMNS`
        (provenance: ``source``, ``article``, ``chunk``, ``text``, ``start``, ``end``, ``sentence`` ...)
        and point ``geometry``; one partition per chunk of files.

    Examples
    --------
    >>> import frontmap as fm
    >>> gdf = fm.read_corpus("examples/*.txt")                     # doctest: +SKIP
    >>> gdf[gdf.record == "claim"].groupby("kind").size().compute()  # doctest: +SKIP
    """
    if errors not in ERRORS:
        raise ValueError(f"errors must be one of {ERRORS}, not {errors!r}")
    dd, dask_geopandas = _dask()
    meta = empty_frame()
    if _is_bag(paths_or_bag):
        parts = paths_or_bag.to_delayed()
        from dask import delayed

        frames = [delayed(_bag_partition)(p, i, published, errors) for i, p in enumerate(parts)]
        ddf = dd.from_delayed(frames, meta=meta, verify_meta=False)
    else:
        paths = expand_paths(paths_or_bag)
        if not paths:
            raise InputError(f"no text files in {os.fspath(paths_or_bag)!r:.200}")
        cut = chunks([Doc(i, p) for i, p in enumerate(paths)], chunk_size)
        ddf = dd.from_map(
            _partition,
            cut,
            list(range(len(cut))),
            args=(published, errors),
            meta=meta,
            enforce_metadata=False,
        )
    gdf = dask_geopandas.from_dask_dataframe(ddf, geometry="geometry") if not hasattr(ddf, "crs") else ddf
    return client.persist(gdf) if client is not None else gdf


def _is_bag(x: Any) -> bool:
    return type(x).__name__ == "Bag" and hasattr(x, "to_delayed") and hasattr(x, "npartitions")
