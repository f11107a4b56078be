"""The ``frontmap`` command: a thin layer over the public API (nothing else imports it).

Each subcommand lives in a module of this package exposing ``add_parser(subparsers)`` and
``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

import frontmap as fm

__all__ = ["main"]

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


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("frontmap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
