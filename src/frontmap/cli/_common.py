"""Helpers shared by the subcommands: options, reading inputs, reporting errors, writing output."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

import frontmap as fm
from frontmap._dates import to_date
from frontmap._io import atomic_write_with, decode_text
from frontmap.cli._progress import phase, say
from frontmap.corpus.inputs import Doc, chunks
from frontmap.corpus.run import run_chunks
from frontmap.corpus.tasks import Outcome, read_docs

__all__ = [
    "add_control_options",
    "add_feedback_options",
    "add_run_options",
    "check_output",
    "error",
    "input_docs",
    "is_an_input",
    "positive_int",
    "published_date",
    "read_all",
    "read_articles",
    "read_control_maps",
    "read_values",
    "reading",
    "subparser",
    "write_error",
    "write_output",
]


def subparser(
    sub: argparse._SubParsersAction, name: str, help: str, examples: str
) -> argparse.ArgumentParser:
    """A subcommand parser whose help ends with examples (run from the repository root)."""
    return sub.add_parser(
        name,
        help=help,
        description=help,
        epilog="examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def error(message: str) -> None:
    """One line on stderr, prefixed with the program name (a progress bar showing is kept intact)."""
    say(f"frontmap: {message}")


# ------------------------------------------------------------------------------------ options
_DMY = re.compile(r"\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*")


def published_date(value: str) -> dt.date:
    """``--published``: a date written ``YYYY-MM-DD``; the message of a bad one says how to write it."""
    found = to_date(value)
    if found is not None:
        return found
    hint = "give it as YYYY-MM-DD"
    m = _DMY.fullmatch(value)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        guesses = []
        for day, month in ((a, b), (b, a)):
            try:
                guesses.append(dt.date(year, month, day).isoformat())
            except ValueError:
                pass
        if guesses:
            hint += ", e.g. " + " or ".join(dict.fromkeys(guesses))
    raise argparse.ArgumentTypeError(f"{value!r} is not a date; {hint}")


def positive_int(value: str) -> int:
    """A whole number of 1 or more (``--workers``, ``--chunk-size``)."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return n


def add_run_options(p: argparse.ArgumentParser) -> None:
    """``--workers``, ``--scheduler`` and ``--chunk-size``: where the reading runs."""
    g = p.add_argument_group("running on several cores or machines (Dask)")
    g.add_argument(
        "--workers",
        type=positive_int,
        default=1,
        metavar="N",
        help="read on N local worker processes (a Dask LocalCluster; default 1: this process alone)",
    )
    g.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="read on the running Dask cluster at ADDRESS (tcp://host:8786) instead; its workers need "
        "frontmap installed and the input files at the same paths",
    )
    g.add_argument(
        "--chunk-size",
        type=positive_int,
        metavar="N",
        help="input files per task (default: about 32 chunks, at most 64 files each)",
    )


def add_control_options(p: argparse.ArgumentParser, old: str | None = None) -> None:
    """``--control FILE``, once per control map (or folder of dated ones); ``old`` is an older spelling
    still accepted, which took several files after one flag (``--against A B``)."""
    p.add_argument(
        "--control",
        action="append",
        default=[],
        metavar="FILE",
        help="a control map (GeoJSON, KML, KMZ, GeoPackage; its date from the file or its name) or a "
        "folder of dated ones; repeat the option for several",
    )
    if old:
        p.add_argument(
            old,
            dest="control",
            action="extend",
            nargs="+",
            metavar="FILE",
            help=f"the older spelling of --control, taking one or more files: {old} A B",
        )


def add_feedback_options(p: argparse.ArgumentParser, verbose: bool = False) -> None:
    """``--quiet`` / ``--progress`` (and ``--verbose`` when the command has details to give)."""
    g = p.add_mutually_exclusive_group()
    g.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    g.add_argument(
        "--progress", action="store_true", help="progress bars on stderr even when it is not a terminal"
    )
    if verbose:
        p.add_argument("-v", "--verbose", action="store_true", help="list every item left out, not a summary")


# ------------------------------------------------------------------------------------- inputs
def _read_stdin() -> str:
    raw = getattr(sys.stdin, "buffer", None)  # bytes when there are (a replaced stdin may be text only)
    return decode_text(raw.read(), "<stdin>") if raw is not None else sys.stdin.read()


def input_docs(paths: Sequence[str]) -> tuple[list[Doc], dict[int, str]]:
    """The inputs to read, and problems found already (standard input that is not text), by position."""
    docs, early = [], {}
    for i, p in enumerate(paths):
        if p != "-":
            docs.append(Doc(i, p))
            continue
        try:
            docs.append(Doc(i, "<stdin>", _read_stdin()))
        except (OSError, ValueError) as exc:  # InputError is a ValueError
            early[i] = str(exc)
    return docs, early


def reading(
    args: Any, func: Any, parts: Sequence[Any], extra: tuple[Any, ...], size: Any = len
) -> Iterator[Any]:
    """``func(part, *extra)`` for every part, in order, here or on Dask as ``args.workers`` and
    ``args.scheduler`` say, under a progress bar counting ``size(part)`` inputs per part."""
    total = sum(size(p) for p in parts)
    with phase(args, "reading", total=total) as bar:
        yield from run_chunks(
            func,
            parts,
            *extra,
            workers=getattr(args, "workers", 1),
            scheduler=getattr(args, "scheduler", None),
            done=bar.update,
            size=size,
        )


def _outcomes(args: Any, extra: tuple[Any, ...]) -> Iterator[Outcome]:
    """The outcome of every input in order (problems with standard input at its place)."""
    docs, early = input_docs(args.files)
    for outcomes in reading(args, read_docs, chunks(docs, getattr(args, "chunk_size", None)), extra):
        for o in outcomes:
            for n in sorted(k for k in early if k < o.number):
                yield Outcome(n, "<stdin>", None, early.pop(n))
            yield o
    for n in sorted(early):
        yield Outcome(n, "<stdin>", None, early[n])


def read_values(args: Any, want: str, problems: list[str]) -> Iterator[Any]:
    """Read ``args.files`` (dated ``args.published``): the value of every usable input, in order and as
    it comes, as ``want`` says (see :func:`frontmap.corpus.tasks.read_docs`).  Each problem is reported
    on stderr, in input order, and added to ``problems``; the other inputs are still read."""
    for o in _outcomes(args, (getattr(args, "published", None), want)):
        if o.problem:
            error(o.problem)
            problems.append(o.problem)
        else:
            yield o.value


def read_all(args: Any, want: str) -> tuple[list[Any], bool]:
    """:func:`read_values` as a list, and whether any input was unusable."""
    problems: list[str] = []
    values = list(read_values(args, want, problems))
    return values, bool(problems)


def read_articles(args: Any) -> tuple[list[Any], bool]:
    """Read ``args.files`` into Articles (see :func:`read_all`)."""
    return read_all(args, "article")


def read_control_maps(paths: Sequence[str], args: Any = None) -> tuple[list[Any], bool]:
    """The control maps (files, or folders of dated ones) that could be read, and whether any could
    not; each failure is reported on stderr.  A progress bar counts the paths when ``args`` asks."""
    maps: list[Any] = []
    failed = False
    if not paths:
        return maps, failed
    with phase(args, "control maps", total=len(paths), unit="path") as bar:
        for p in paths:
            try:
                maps += fm.ControlMap.series(p) if os.path.isdir(p) else [fm.ControlMap.read(p)]
            except (fm.FrontmapError, OSError) as exc:
                error(f"cannot read the control map {p!r}: {getattr(exc, 'strerror', None) or exc}")
                failed = True
            bar.update()
    return maps, failed


# ------------------------------------------------------------------------------------ outputs
def is_an_input(out: str, inputs: Sequence[str]) -> bool:
    """Whether writing ``out`` would write over one of ``inputs`` (the same path, a link to it, or the
    same file under another name)."""
    if out == "-":
        return False
    target = os.path.realpath(out)
    for i in inputs:
        if i == "-":
            continue
        if os.path.realpath(i) == target:
            return True
        try:
            if os.path.samefile(i, out):
                return True
        except OSError:  # one of them does not exist (yet)
            pass
    return False


def check_output(out: str | None, inputs: Sequence[str]) -> str | None:
    """Why ``out`` cannot be written (checked before the work, not after), or None."""
    if out is None or out == "-":
        return None
    if is_an_input(out, inputs):
        return f"refusing to write {out!r}: it is one of the input files"
    folder = os.path.dirname(out) or "."
    if not os.path.isdir(folder):
        why = f"{folder!r} is not a folder" if os.path.exists(folder) else f"folder {folder!r} does not exist"
        return f"cannot write {out!r}: {why}"
    return None


def write_error(out: str, exc: BaseException) -> str:
    """One clean line for a failed write of ``out`` (no temporary file names, no errno codes)."""
    message = (getattr(exc, "strerror", None) if isinstance(exc, OSError) else None) or str(exc)
    if message.startswith(("cannot write", "refusing to write")):
        return message
    return f"cannot write {out!r}: {message}"


def write_output(out: str | None, data: str | bytes | Iterable[str], inputs: Sequence[str] = ()) -> None:
    """Print ``data`` to stdout, or write it atomically to ``out`` (never over one of ``inputs``).

    ``data`` may be pieces of text, each written out as it comes (the output of an archive need not fit
    in memory, and a reader of JSON Lines on stdout gets each article as it is read); what the pieces
    raise is raised as it is, and a file is then left as it was."""
    pieces = [data] if isinstance(data, str | bytes) else data
    if out is None or out == "-":
        for piece in pieces:
            if isinstance(piece, bytes):
                sys.stdout.buffer.write(piece)
            else:
                sys.stdout.write(piece)
            sys.stdout.flush()
        return
    if is_an_input(out, inputs):
        raise ValueError(f"refusing to write {out!r}: it is one of the input files")

    def write(fh: IO[bytes]) -> None:
        for piece in _from_source(pieces):
            fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            fh.flush()

    try:
        atomic_write_with(out, write)
    except _SourceError as exc:
        raise exc.error from None
    except OSError as exc:
        raise ValueError(write_error(out, exc)) from None


class _SourceError(Exception):
    """What making the output raised (a Dask scheduler gone ...), not writing it."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def _from_source(pieces: Iterable[str | bytes]) -> Iterator[str | bytes]:
    """``pieces``, their OSErrors told apart from the output's own."""
    it = iter(pieces)
    while True:
        try:
            piece = next(it)
        except StopIteration:
            return
        except OSError as exc:
            raise _SourceError(exc) from exc
        yield piece
