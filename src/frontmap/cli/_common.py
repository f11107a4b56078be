"""Helpers shared by the subcommands: reading inputs, reporting errors, progress, writing output."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import frontmap as fm
from frontmap._io import atomic_write, decode_text

__all__ = ["error", "is_an_input", "read_articles", "read_inputs", "subparser", "write_error", "write_output"]

MAX_INPUT_BYTES = 50_000_000


def subparser(
    sub: argparse._SubParsersAction, name: str, help: str, examples: str
) -> argparse.ArgumentParser:
    """A subcommand parser whose help ends with examples."""
    return sub.add_parser(
        name,
        help=help,
        description=help,
        epilog="examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def error(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    print(f"frontmap: {message}", file=sys.stderr)


def read_inputs(paths: list[str], quiet: bool = False) -> Iterator[tuple[str, str | None]]:
    """Yield ``(source, text)`` for each path in order; ``text`` is None (and an error is printed) when
    the file cannot be read or is not text (UTF-8, or UTF-16/UTF-32 with a byte-order mark).  ``-``
    reads standard input.  A progress line goes to stderr when more than a few files are read and
    ``quiet`` is false."""
    show = not quiet and len(paths) > 3 and sys.stderr.isatty()
    for i, p in enumerate(paths, 1):
        if show:
            print(f"\rreading {i}/{len(paths)} {p[:60]:<60}", end="", file=sys.stderr, flush=True)
        try:
            text = _read_stdin() if p == "-" else _read_file(p)
        except fm.InputError as exc:  # not text: the message names the file and says what to do
            if show:
                print(file=sys.stderr)
            error(str(exc))
            text = None
        except (OSError, ValueError) as exc:
            if show:
                print(file=sys.stderr)
            error(f"cannot read {p!r}: {getattr(exc, 'strerror', None) or exc}")
            text = None
        yield ("<stdin>" if p == "-" else p), text
    if show:
        print(file=sys.stderr)


def _read_stdin() -> str:
    raw = getattr(sys.stdin, "buffer", None)  # bytes when there are (a replaced stdin may be text only)
    return decode_text(raw.read(), "<stdin>") if raw is not None else sys.stdin.read()


def _read_file(p: str) -> str:
    path = Path(p)
    if path.is_dir():
        raise IsADirectoryError(f"{p!r} is a directory; give the text files inside it")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise ValueError(f"{p!r} is larger than {MAX_INPUT_BYTES // 1_000_000} MB")
    return decode_text(path.read_bytes(), p)


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


def write_error(out: str, exc: BaseException) -> str:
    """One clean line for a failed write of ``out`` (no temporary file names, no errno codes)."""
    message = (getattr(exc, "strerror", None) if isinstance(exc, OSError) else None) or str(exc)
    if message.startswith(("cannot write", "refusing to write")):
        return message
    return f"cannot write {out!r}: {message}"


def write_output(out: str | None, data: str | bytes, inputs: Sequence[str] = ()) -> None:
    """Print ``data`` to stdout, or write it atomically to ``out`` (never over one of ``inputs``)."""
    if out is None or out == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    if is_an_input(out, inputs):
        raise ValueError(f"refusing to write {out!r}: it is one of the input files")
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise ValueError(write_error(out, exc)) from None


def read_articles(args: Any) -> tuple[list[Any], bool]:
    """Read ``args.files`` (with ``args.published`` and ``args.quiet``) into Articles.

    Returns the articles and whether any input was unusable (unreadable, empty, a bad date); each
    problem is reported on stderr and the other files are still read.
    """
    articles, failed = [], False
    for source, text in read_inputs(args.files, args.quiet):
        if text is None:
            failed = True
            continue
        if not text.strip():
            error(f"{source!r} is empty: nothing to read")
            failed = True
            continue
        try:
            articles.append(fm.read(text, source=source, published=getattr(args, "published", None)))
        except fm.FrontmapError as exc:
            error(f"cannot read {source!r}: {exc}")
            failed = True
    return articles, failed
