"""A long fuzz run: the fuzz suite's strategies and properties with many more examples.

Usage::

    python benchmarks/fuzz_long.py [--minutes 10] [--only SUBSTRING] [--seed N]

Runs every target of ``tests/test_fuzz_*.py`` (their ``TARGETS``: texts, numbers, control-map files
and geometries, command lines) with hypothesis, in rounds of ``--batch`` examples with fresh random
seeds, until the target's share of the time is used up; then prints, per target, how many inputs it
tried (generated examples plus those tried while shrinking a failure) and what failed, with the
smallest failing input hypothesis found.  Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, seed, settings

TESTS = Path(__file__).resolve().parent.parent / "tests"
MODULES = ("test_fuzz_texts", "test_fuzz_numbers", "test_fuzz_controlmaps", "test_fuzz_cli")


@dataclass
class Outcome:
    name: str
    tried: int = 0
    rounds: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def targets() -> dict[str, tuple[Any, Callable[[Any], None]]]:
    sys.path.insert(0, str(TESTS))
    found: dict[str, tuple[Any, Callable[[Any], None]]] = {}
    for name in MODULES:
        found.update(importlib.import_module(name).TARGETS)
    return found


def _failure_text(exc: BaseException) -> str:
    lines = traceback.format_exception_only(type(exc), exc)
    notes = [n for n in getattr(exc, "__notes__", []) if n.strip()]
    return "".join(lines).strip() + ("\n" + "\n".join(notes) if notes else "")


def run_target(name: str, strategy: Any, prop: Callable[[Any], None], budget_s: float, batch: int) -> Outcome:
    out = Outcome(name)

    def counted(example: Any) -> None:
        out.tried += 1
        prop(example)

    start = time.monotonic()
    while time.monotonic() - start < budget_s:
        test = settings(
            max_examples=batch, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )(given(strategy)(counted))
        test = seed(random.getrandbits(64))(test)
        out.rounds += 1
        try:
            test()
        except Exception as exc:  # a property failed: hypothesis has shrunk it already
            text = _failure_text(exc)
            if text not in out.failures:
                out.failures.append(text)
            if len(out.failures) >= 3:
                break
    out.seconds = time.monotonic() - start
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="total time for all targets")
    ap.add_argument("--only", default="", help="run the targets whose name contains this")
    ap.add_argument("--batch", type=int, default=200, help="examples per hypothesis round")
    ap.add_argument("--seed", type=int, default=None, help="seed the rounds' random seeds")
    args = ap.parse_args(argv)
    random.seed(args.seed)
    chosen = {k: v for k, v in targets().items() if args.only in k}
    if not chosen:
        print(f"no target matches {args.only!r}", file=sys.stderr)
        return 2
    budget = args.minutes * 60 / len(chosen)
    print(f"{len(chosen)} targets, {budget:.0f} s each")
    outcomes = []
    for name, (strategy, prop) in chosen.items():
        o = run_target(name, strategy, prop, budget, args.batch)
        outcomes.append(o)
        print(
            f"  {name:<36} {o.tried:>8,} inputs in {o.seconds:5.0f} s   failures: {len(o.failures)}",
            flush=True,
        )
    total = sum(o.tried for o in outcomes)
    failed = [o for o in outcomes if o.failures]
    print(f"total: {total:,} inputs tried, {sum(len(o.failures) for o in outcomes)} failures")
    for o in failed:
        for text in o.failures:
            print(f"\n--- {o.name} ---\n{text}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
