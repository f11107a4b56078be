"""The ``frontmap`` command: a thin layer over the public API (nothing else imports it).

Each subcommand lives in a module of this package exposing ``add_parser(subparsers)`` and
``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import signal
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

import frontmap as fm

__all__ = ["main", "program"]

#: Subcommand modules, in the order ``frontmap --help`` lists them.
COMMANDS = ("geocode", "extract", "check", "map")

EPILOG = """examples:
  frontmap map examples/*.txt -o map.html            # an interactive map of the reports
  frontmap map examples/*.txt -o map.png             # a static map (.png, .svg, .pdf)
  frontmap extract examples/*.txt --format table     # the places and claims found
  frontmap check examples/*.txt                      # every stated number checked
  frontmap geocode Kalynivka --near Kyiv --format json

Run 'frontmap COMMAND --help' for a command's options and examples.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontmap",
        description="Map news reports of the war in Ukraine: places, spatial claims, checks, front lines.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"frontmap {fm.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f".{name}", __name__)
        module.add_parser(sub)
    return parser


def _settle(args: Any) -> None:
    """Mark everything imported so far as lasting until the process exits (:func:`gc.freeze`): the
    cycle collector never goes through it again, nor through the modules of distributed, which a run
    on Dask imports here first.  Those made the collection on leaving take 0.06 s (--workers 2 on 600
    articles takes 2.3 s); workers forked from this process skip them too, so the memory pages they
    share with it stay shared."""
    if getattr(args, "workers", 1) > 1 or getattr(args, "scheduler", None):
        with contextlib.suppress(ImportError):  # the command then says what to install
            import distributed  # noqa: F401
    gc.freeze()


class Terminated(SystemExit):
    """SIGTERM, raised in the main thread so that ``finally`` blocks (and the removal of a half-written
    temporary file) run before the process exits with status 128 + 15."""


@contextlib.contextmanager
def _sigterm_exits() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated` (once; a second SIGTERM during the clean-up is
    ignored), and leaving after a SIGTERM raises it again, whatever the command made of it.  Only in
    the main thread, and only when SIGTERM has its default action (a parent that
    ignores it, or a program that embeds :func:`main` with its own handler, keeps its choice)."""
    sigterm = getattr(signal, "SIGTERM", None)
    try:
        active = sigterm is not None and signal.getsignal(sigterm) is signal.SIG_DFL
    except ValueError:
        active = False
    if not active or sigterm is None:
        yield
        return
    fired = False

    def handler(signum: int, frame: FrameType | None) -> None:
        nonlocal fired
        if not fired:
            fired = True
            raise Terminated(128 + signum)

    def unraisable(info: Any) -> None:
        # Raised into a finaliser or a weakref callback (matplotlib has many), Terminated is printed as
        # "Exception ignored in ..." with a traceback and dropped: say nothing, it is raised on leaving.
        if not isinstance(info.exc_value, Terminated):
            hook(info)

    try:
        previous = signal.signal(sigterm, handler)
    except ValueError:  # not the main thread
        yield
        return
    hook, sys.unraisablehook = sys.unraisablehook, unraisable
    try:
        yield
    except Exception:  # a library may turn the Terminated raised inside it into an error of its own
        if not fired:
            raise
    finally:
        signal.signal(sigterm, previous)
        sys.unraisablehook = hook
    if fired:  # the command went on to handle that error (or swallowed the signal): still terminated
        raise Terminated(128 + sigterm)


def program() -> None:
    """The ``frontmap`` program (its script, and ``python -m frontmap``): :func:`main` in a process of
    its own, which exits with its status."""
    sys.exit(main(settle=True))


def main(argv: list[str] | None = None, *, settle: bool = False) -> int:
    """Run the command ``argv`` (default: the process's arguments) and return its exit status.
    ``settle`` says that the process ends with the command (see :func:`_settle`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    if settle:
        _settle(args)
    try:
        with _sigterm_exits():
            return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("frontmap: interrupted", file=sys.stderr)
        return 130
    except Terminated as exc:
        print("frontmap: terminated", file=sys.stderr)
        return int(exc.code or 143)
    except BrokenPipeError:
        return 0
