"""Inputs of a corpus: files (and text already in memory) in order, cut into chunks of work.

A :class:`Doc` is one input: a file still to be read (``text`` None, ``source`` its path) or text already
read (standard input, a Bag of texts).  :func:`load` turns it into text or a one-line problem; it runs
where the work runs, so a Dask worker reads its own files (on a cluster they must be at the same paths:
a shared file system).

>>> chunk_size(600), chunk_size(20), chunk_size(1_000_000)
(19, 1, 64)
>>> [len(c) for c in chunks(list(range(5)), 2)]
[2, 2, 1]
"""

from __future__ import annotations

import glob
import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from frontmap._io import decode_text
from frontmap.errors import InputError

__all__ = ["MAX_CHUNK", "MAX_INPUT_BYTES", "Doc", "chunk_size", "chunks", "expand_paths", "load", "read_file"]

#: The largest text file read (bytes); a larger one is reported, not read.
MAX_INPUT_BYTES = 50_000_000


class Doc(NamedTuple):
    """One input: its position among the inputs (from 0), where it comes from, and its text (None
    means "read the file ``source``"); ``published`` overrides the date for this input alone."""

    number: int
    source: str
    text: str | None = None
    published: Any = None


#: Most chunks a corpus is cut into before chunks grow past one file; most files in a chunk.
_TARGET_CHUNKS = 32
MAX_CHUNK = 64

T = TypeVar("T")


def read_file(p: str) -> str:
    """The text of the file ``p`` (UTF-8, or UTF-16/UTF-32 with a byte-order mark).

    Raises
    ------
    InputError
        When the bytes are not text (the message names the file and says how to convert it).
    OSError, ValueError
        When the file cannot be read, is a directory or is larger than :data:`MAX_INPUT_BYTES`.
    """
    path = Path(p)
    if path.is_dir():
        raise IsADirectoryError(f"{p!r} is a directory; give the text files inside it")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise ValueError(f"{p!r} is larger than {MAX_INPUT_BYTES // 1_000_000} MB")
    return decode_text(path.read_bytes(), p)


def load(doc: Doc) -> tuple[str | None, str | None]:
    """``(text, None)`` for a usable input, ``(None, problem)`` for one that is not: a file that cannot
    be read or is not text, or text with nothing in it.  Never raises for a bad file."""
    source, text = doc.source, doc.text
    if text is None:
        try:
            text = read_file(source)
        except InputError as exc:  # not text: the message names the file and says what to do
            return None, str(exc)
        except (OSError, ValueError) as exc:
            return None, f"cannot read {source!r}: {getattr(exc, 'strerror', None) or exc}"
    if not text.strip():
        return None, f"{source!r} is empty: nothing to read"
    return text, None


def chunk_size(n: int) -> int:
    """Files per chunk for a corpus of ``n`` files: about :data:`_TARGET_CHUNKS` chunks, at most
    :data:`MAX_CHUNK` files each.  It depends on ``n`` alone, never on the number of workers, so that
    the chunks (and the parts of a partitioned output) are the same however the work is run."""
    return max(1, min(MAX_CHUNK, math.ceil(n / _TARGET_CHUNKS)))


def chunks(items: Sequence[T], size: int | None = None) -> list[list[T]]:
    """``items`` cut in order into lists of ``size`` (default :func:`chunk_size`)."""
    if size is None:
        size = chunk_size(len(items))
    if size < 1:
        raise ValueError(f"a chunk holds at least one item, not {size!r}")
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def expand_paths(paths: str | os.PathLike[str] | Iterable[Any]) -> list[str]:
    """File paths from a path, a glob pattern (``news/*.txt``), a folder (its ``*.txt`` files, sorted)
    or a list of those, in the order given.

    Raises
    ------
    InputError
        For a pattern that matches nothing, naming it.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    out: list[str] = []
    for p in paths:
        s = os.fspath(p)
        if glob.has_magic(s):
            found = sorted(glob.glob(s))
            if not found:
                raise InputError(f"no file matches {s!r}; give a path or a pattern such as 'news/*.txt'")
            out += found
        elif os.path.isdir(s):
            out += sorted(str(x) for x in Path(s).glob("*.txt"))
        else:
            out.append(s)
    return out
