"""Fuzzing the ``frontmap`` command (hypothesis): random subcommands, options, values and paths --
text files good and bad (UTF-16, binary, empty, missing, a folder), control maps good and damaged,
outputs in every format, in missing folders or onto a folder -- run in-process with
``frontmap.cli.main``.

Whatever the arguments, the command ends with status 0, 1 or 2 (argparse's usage errors), says why on
stderr when it is not 0, and never shows a traceback.

The strategies and ``check_*`` properties are shared with ``benchmarks/fuzz_long.py``.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontmap.cli import main

#: The CI profile: the whole fuzz suite stays well under two minutes.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,  # the same inputs on every run: CI never flakes; benchmarks/fuzz_long.py explores
)

NEWS = (
    "Published: 2022-09-12\n\nBalakliia lies 74 km southeast of Kharkiv. Ukrainian troops retook Izium "
    "on September 10. Russia captured 6,000 sq km, a fifth of Ukraine.\n"
)
BOX = {
    "type": "Polygon",
    "coordinates": [[[36.5, 49.0], [37.5, 49.0], [37.5, 49.8], [36.5, 49.8], [36.5, 49.0]]],
}
CONTROL = json.dumps(
    {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "id": "a", "properties": {}, "geometry": BOX}],
    }
)


def _workspace() -> Path:
    """A folder of inputs, made once per process and removed at exit."""
    root = Path(tempfile.mkdtemp(prefix="frontmap-fuzz-cli-"))
    atexit.register(shutil.rmtree, root, True)
    (root / "news.txt").write_text(NEWS, encoding="utf-8")
    (root / "utf16.txt").write_text(NEWS, encoding="utf-16")
    (root / "binary.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x80\x81 Kharkiv")
    (root / "empty.txt").write_bytes(b"")
    (root / "folder").mkdir()
    (root / "maps").mkdir()
    (root / "maps" / "occupied_2022-09-06.geojson").write_text(CONTROL)
    (root / "occupied_2022-09-06.geojson").write_text(CONTROL)
    (root / "damaged.geojson").write_text(CONTROL[: len(CONTROL) // 2])
    (root / "bowtie.geojson").write_text(
        CONTROL.replace("[37.5, 49.0], [37.5, 49.8]", "[37.5, 49.8], [37.5, 49.0]")
    )
    (root / "out").mkdir()
    return root


ROOT = _workspace()
TEXTS = ["news.txt", "utf16.txt", "binary.txt", "empty.txt", "folder", "missing.txt", "-"]
CONTROLS = [
    "occupied_2022-09-06.geojson",
    "maps",
    "damaged.geojson",
    "bowtie.geojson",
    "news.txt",
    "missing.kml",
]
OUTPUTS = [
    "out/a.html", "out/a.json", "out/a.csv", "out/a.jsonl", "out/a.txt", "out/a.parquet", "out/a.svg",
    "out/a.png", "-", "out", "no-such-folder/a.html", "out/a.pdf",
]  # fmt: skip
DATES = ["2022-09-12", "2022-13-45", "yesterday", "", "2022-02-29", "1999-01-01"]
junk = st.text(max_size=12)


def _path(name: str) -> str:
    return name if name == "-" else str(ROOT / name)


paths = st.sampled_from(TEXTS).map(_path)
outputs = st.sampled_from(OUTPUTS).map(_path)
controls = st.sampled_from(CONTROLS).map(_path)
dates = st.sampled_from(DATES) | junk
#: Each subcommand's options, with the values to try (None: a flag).
OPTIONS: dict[str, dict[str, st.SearchStrategy[str] | None]] = {
    "extract": {
        "--format": st.sampled_from(["json", "jsonl", "csv", "table", "geojson", "parquet", "xml"]),
        "--published": dates,
        "-o": outputs,
        "--chunk-size": st.sampled_from(["1", "0", "-2", "x"]),
        "--workers": st.sampled_from(["1", "0", "-1", "many"]),
        "-q": None,
        "--progress": None,
    },
    "check": {
        "--format": st.sampled_from(["table", "json", "jsonl", "csv", "html"]),
        "--control": controls,
        "--against": controls,
        "--published": dates,
        "-o": outputs,
        "-q": None,
        "--progress": None,
    },
    "map": {
        "--tiles": st.sampled_from(["none", "no such tiles"]),
        "--control": controls,
        "--published": dates,
        "--title": junk,
        "--check": None,
        "--no-check": None,
        "-q": None,
        "--progress": None,
        "-v": None,
    },
    "geocode": {
        "--near": st.sampled_from(["Kyiv", "Kharkiv", "Atlantis", ""]) | junk,
        "--within": st.sampled_from(["Donetsk Oblast", "Bakhmut Raion", "Nowhere"]) | junk,
        "--kind": st.sampled_from(["settlement", "river", "planet"]),
        "--country": st.sampled_from(["UA", "PL", "XX", "ukraine"]),
        "--format": st.sampled_from(["text", "json", "csv"]),
        "--fuzzy": None,
        "--all": None,
    },
}
NAMES = st.sampled_from(["Kyiv", "Kiev", "Київ", "Bakhmut", "Kalynivka", "Xyzzy", "", "  "]) | junk


@st.composite
def arguments(draw: st.DrawFn) -> list[str]:
    """A command line: a subcommand, its inputs and options with values (good and bad), now and then a
    junk token, a missing value or a misspelt subcommand."""
    command = draw(st.sampled_from([*OPTIONS, *OPTIONS, "frobnicate", "--version", "--help"]))
    if command not in OPTIONS:
        return [command]
    args = [command]
    if command == "geocode":
        args.append(draw(NAMES))
    else:
        args += draw(st.lists(paths, min_size=1, max_size=3))
    if command == "map":
        args += ["-o", draw(outputs)]
    table = OPTIONS[command]
    for option in draw(st.lists(st.sampled_from(sorted(table)), max_size=3)):
        value = table[option]
        args += [option] if value is None else [option, draw(value)]
    if draw(st.integers(0, 5)) == 0:
        args.insert(draw(st.integers(0, len(args))), draw(junk | st.sampled_from(["-o", "--format", "-x"])))
    return args


def run_cli(args: list[str], stdin: bytes = NEWS.encode()) -> tuple[int, str]:
    """``main(args)`` in-process with stdin/stdout/stderr replaced: ``(status, stderr)``."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    fake_in = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    saved = sys.stdin
    sys.stdin = fake_in
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                status = main(args)
            except SystemExit as e:  # argparse: --help, --version, usage errors
                status = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    finally:
        sys.stdin = saved
    return status, err.getvalue()


def check_cli(args: list[str]) -> None:
    status, err = run_cli(args)
    assert status in (0, 1, 2), (args, status, err)
    assert "Traceback" not in err, (args, err)
    if status != 0:
        assert err.strip(), (args, status)


@FUZZ
@given(arguments())
def test_any_command_line_ends_in_0_1_or_2_with_a_message_and_no_traceback(args):
    check_cli(args)


@settings(FUZZ, max_examples=15)
@given(st.lists(junk, max_size=4))
def test_junk_arguments_end_in_a_usage_message(args):
    check_cli(args)


#: For benchmarks/fuzz_long.py: name -> (strategy, property taking one example).
TARGETS = {"cli: command lines": (arguments(), check_cli)}
