"""Running chunks of work in this process or on a Dask cluster, results in input order.

``workers=1`` (and no scheduler) runs everything here, one chunk after another, without importing Dask.
``workers=N`` starts a local cluster (:class:`distributed.LocalCluster`: N worker processes, one thread
each, no dashboard) for the duration of the run; ``scheduler="tcp://host:8786"`` uses a running
cluster instead.  Either way the results come back in the order of the chunks, so the output does not
depend on how the work was spread.  From a cluster that is not this process's own, a chunk's result
travels compressed (zlib's fastest level): the text of a year of articles is gigabytes, and the network
into the one process that gathers it would otherwise be the limit.  From the local cluster started here
it travels as it is: there the workers and this process share the machine's cores, and compressing cost
them more than it saved (--workers 2 on 600 articles: 0.1 s of CPU, 0.05 s of 2.4 s).
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

__all__ = ["dask_client", "run_chunks"]

#: zlib's fastest level (about 280 MB/s here; JSON of articles shrinks about 8x).
_LEVEL = 1

#: How to install what running on Dask needs.
INSTALL = "pip install 'frontmap[dask]' (dask[distributed] and dask-geopandas)"


#: Settings of a local cluster started here.  On Linux its workers are forked from this process, which
#: has imported frontmap already: a worker starts in a fraction of a second instead of importing
#: everything again (``spawn``, Dask's default, elsewhere; the gazetteer reopens its files after a
#: fork).  The workers' statistical profiler, which samples their threads every 10 ms, is off, and the
#: monitors every process runs (memory every 100 ms, system every 500 ms, an event-loop tick every 20 ms)
#: look a few times less often: on two cores they took CPU from the reading (--workers 2 against 1 on 600
#: articles: 1.19x -> 1.29x).  A cluster given with ``scheduler`` keeps its own settings.
_LOCAL_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "200ms",
    **({"distributed.worker.multiprocessing-method": "fork"} if sys.platform == "linux" else {}),
}


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(f"running on Dask needs the distributed package ({exc}); {INSTALL}") from None
    return distributed


@contextlib.contextmanager
def dask_client(workers: int = 1, scheduler: str | None = None) -> Iterator[Any]:
    """A :class:`distributed.Client`: of the cluster at ``scheduler``, or of a local cluster of
    ``workers`` processes started here and closed on leaving.

    Raises
    ------
    ImportError
        When distributed is not installed (saying what to install).
    ConnectionError
        When the scheduler cannot be reached (naming its address).
    """
    distributed = _distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler)  # waits distributed.comm.timeouts.connect (30 s)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConnectionError(
                f"cannot reach the Dask scheduler {scheduler!r} ({exc}); give its address as "
                "tcp://HOST:8786 (the scheduler prints it when it starts)"
            ) from None
        with contextlib.closing(client):
            yield client
        return
    import dask

    with dask.config.set(_LOCAL_CONFIG):
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # no dashboard, and the scheduler's small HTTP server on a free port of this machine alone
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )
    # results come straight from the workers, not through the scheduler: it runs in this process too,
    # which would otherwise take in every result twice
    with (
        contextlib.closing(cluster),
        contextlib.closing(distributed.Client(cluster, direct_to_workers=True)) as client,
    ):
        yield client


def run_chunks(
    func: Callable[..., Any],
    chunks: Sequence[Any],
    *args: Any,
    workers: int = 1,
    scheduler: str | None = None,
    client: Any = None,
    done: Callable[[int], None] | None = None,
    size: Callable[[Any], int] = len,
) -> Iterator[Any]:
    """``func(chunk, *args)`` for every chunk, yielded in chunk order.

    Parameters
    ----------
    func
        A module-level function (Dask sends it to the workers by name: they need frontmap installed).
    workers, scheduler, client
        Where to run: an existing ``client``; else the cluster at ``scheduler``; else ``workers``
        local processes (1: here, no Dask).
    done, size
        ``done(size(chunk))`` is called as each chunk finishes (in any order): for a progress bar.
    """
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers!r}")
    if client is None and scheduler is None and (workers == 1 or len(chunks) <= 1):
        for chunk in chunks:
            result = func(chunk, *args)
            if done is not None:
                done(size(chunk))
            yield result
        return
    if client is not None:
        yield from _on_dask(client, func, chunks, args, done, size, packed=True)
        return
    with dask_client(workers, scheduler) as own:
        yield from _on_dask(own, func, chunks, args, done, size, packed=scheduler is not None)


def _packed(func: Callable[..., Any], *args: Any) -> bytes:
    """``func(*args)`` pickled and compressed where it ran: records of articles are repetitive text
    (JSON, rows) that shrinks about eightfold, and the network into the process that gathers them is
    the bottleneck."""
    return zlib.compress(pickle.dumps(func(*args), protocol=pickle.HIGHEST_PROTOCOL), _LEVEL)


def _unpacked(data: bytes) -> Any:
    return pickle.loads(zlib.decompress(data))


def _on_dask(
    client: Any,
    func: Callable[..., Any],
    chunks: Sequence[Any],
    args: tuple[Any, ...],
    done: Callable[[int], None] | None,
    size: Callable[[Any], int],
    packed: bool,
) -> Iterator[Any]:
    distributed = _distributed()
    call = (_packed, func) if packed else (func,)
    futures = [client.submit(*call, chunk, *args, pure=False) for chunk in chunks]
    index = {f.key: i for i, f in enumerate(futures)}
    ready: dict[int, Any] = {}
    following = 0
    try:
        for future in distributed.as_completed(futures):
            i = index[future.key]
            ready[i] = _unpacked(future.result()) if packed else future.result()
            future.release()
            if done is not None:
                done(size(chunks[i]))
            while following in ready:
                yield ready.pop(following)
                following += 1
    finally:
        client.cancel([f for f in futures if not f.done()])
