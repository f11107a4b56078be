"""Progress bars on stderr (tqdm): one per long phase, shown on a terminal, off with ``--quiet``, forced
with ``--progress`` (for logs of long runs)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any

from tqdm import tqdm

__all__ = ["Phase", "phase", "say", "showing"]


def showing(args: Any) -> bool:
    """Whether to show progress: never with ``--quiet``, always with ``--progress``, else when stderr is
    a terminal (no options at all: never)."""
    if args is None or getattr(args, "quiet", False):
        return False
    if getattr(args, "progress", False):
        return True
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


class Phase:
    """A phase of work: ``update(n)`` as items are done (a no-op when progress is not shown)."""

    def __init__(self, bar: Any = None) -> None:
        self.bar = bar

    def update(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)


@contextlib.contextmanager
def phase(args: Any, desc: str, total: int | None = None, unit: str = "file") -> Iterator[Phase]:
    """A progress bar for one phase, removed when it ends.  Without ``total``, the bar shows only the
    phase's name and the time it has taken (a single call such as checking or drawing)."""
    if not showing(args):
        yield Phase()
        return
    options: dict[str, Any] = {"desc": desc, "total": total, "unit": unit, "file": sys.stderr, "leave": False}
    if total is None:
        options["bar_format"] = "{desc}... {elapsed}"
    bar = tqdm(dynamic_ncols=True, mininterval=0.2, **options)
    try:
        yield Phase(bar)
    finally:
        bar.close()


def say(line: str) -> None:
    """Print ``line`` on stderr without breaking a progress bar that is showing."""
    tqdm.write(line, file=sys.stderr)
