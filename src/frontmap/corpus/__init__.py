"""Many articles at once: inputs cut into chunks, read in this process or on a Dask cluster, and
tables of mentions and claims with provenance (GeoParquet, dask-geopandas).

Dask is imported only when work runs on it (``workers > 1``, a scheduler, :func:`read_corpus`), never by
``import frontmap``.

=================  ====================================================================================
module             what it holds
=================  ====================================================================================
``inputs``         ``Doc`` (one input), reading a file, chunking, expanding paths and patterns
``records``        an article's mentions and claims as rows with fixed columns (``COLUMNS``)
``tasks``          the work on one chunk (``read_docs``, ``read_frame``), the same wherever it runs
``run``            running chunks here or on Dask, results in input order (``run_chunks``)
``parquet``        GeoParquet out: one file or a folder of parts, atomically
``dataset``        :func:`read_corpus`: a dask-geopandas GeoDataFrame of a whole archive
=================  ====================================================================================
"""

from frontmap.corpus.dataset import read_corpus
from frontmap.corpus.inputs import Doc, chunk_size, chunks, expand_paths
from frontmap.corpus.records import COLUMNS
from frontmap.corpus.run import dask_client, run_chunks

__all__ = [
    "COLUMNS",
    "Doc",
    "chunk_size",
    "chunks",
    "dask_client",
    "expand_paths",
    "read_corpus",
    "run_chunks",
]
