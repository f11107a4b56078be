"""What every reading subcommand shares: table formats (CSV, JSON Lines, GeoParquet), one spelling for
control maps, progress bars, errors for missing folders, a short summary of items left out, and help
examples that run as printed from the root of the repository."""

from __future__ import annotations

import csv
import glob
import io
import json
import shlex
import warnings
from pathlib import Path

import pytest

import frontmap as fm
from frontmap.cli import build_parser, main
from frontmap.cli.map import _report_warnings
from frontmap.corpus import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Balakliia lies 74 km (46 miles) southeast of Kharkiv.\n"
OTHER = "Vovchansk sits 60 km northwest of Kharkiv, near the border.\n"


@pytest.fixture
def reports(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text(OTHER, encoding="utf-8")
    return str(a), str(b)


def cli(capsys, *argv):
    code = main([*map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------------------------ CSV, JSONL
def test_extract_csv_is_a_row_per_mention_and_claim_with_provenance(reports, capsys):
    code, out, err = cli(capsys, "extract", *reports, "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["source"], r["record"], r["text"]) for r in rows[:3]] == [
        (reports[0], "mention", "Balakliia"),
        (reports[0], "mention", "Kharkiv"),
        (reports[0], "claim", "74 km (46 miles) southeast of Kharkiv"),
    ]
    claim = rows[2]
    assert TEXT[int(claim["start"]) : int(claim["end"])] == claim["text"]
    assert claim["sentence"] == TEXT.strip() and claim["kind"] == "distance"
    assert float(claim["value"]) == 74 and claim["unit"] == "km"
    assert (claim["direction"], claim["anchor_name"], claim["place_name"]) == ("SE", "Kharkiv", "Balakliia")
    assert {r["source"] for r in rows} == set(reports) and {r["article"] for r in rows} == {"0", "1"}
    assert float(rows[0]["lat"]) == pytest.approx(49.46, abs=0.05)


def test_extract_jsonl_is_one_article_per_line(reports, capsys):
    code, out, _ = cli(capsys, "extract", *reports, "--format", "jsonl")
    assert code == 0
    lines = out.splitlines()
    assert [json.loads(line)["source"] for line in lines] == list(reports)
    code, listed, _ = cli(capsys, "extract", *reports, "--format", "json")
    assert [json.loads(line) for line in lines] == json.loads(listed)


def test_check_csv_is_a_row_per_verdict_flattened(reports, capsys):
    code, out, _ = cli(capsys, "check", *reports, "--format", "csv")
    assert code == 0
    code, js, _ = cli(capsys, "check", *reports, "--format", "json")
    verdicts = json.loads(js)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(verdicts) > 0
    header = out.splitlines()[0].split(",")
    assert header[:9] == [
        "status",
        "check",
        "source",
        "stated",
        "measured",
        "unit",
        "ratio",
        "tolerance",
        "explanation",
    ]
    for row, v in zip(rows, verdicts, strict=True):
        assert (row["status"], row["check"], row["explanation"]) == (
            v["status"],
            v["check"],
            v["explanation"],
        )
        assert row["source"] == v["claim"]["source"] and row["claim_text"] == v["claim"]["text"]
    distance = next(r for r in rows if r["check"] == "distance" and r["source"] == reports[0])
    assert (distance["claim_anchor"], distance["claim_subject"]) == ("Kharkiv", "Balakliia")
    assert distance["claim_converted_value"] == "46" and distance["claim_converted_unit"] == "mi"
    assert "claim_converted" not in header  # only its flattened fields


def test_check_jsonl_is_one_verdict_per_line(reports, capsys):
    _, out, _ = cli(capsys, "check", *reports, "--format", "jsonl")
    _, js, _ = cli(capsys, "check", *reports, "--format", "json")
    assert [json.loads(line) for line in out.splitlines()] == json.loads(js)


# ----------------------------------------------------------------------------------- GeoParquet
def test_parquet_one_chunk_is_one_geoparquet_file(reports, tmp_path, capsys):
    import geopandas as gpd

    out = tmp_path / "places.parquet"
    assert cli(capsys, "extract", *reports, "--format", "parquet", "-o", out) == (0, "", "")
    assert out.is_file() and out.read_bytes()[:4] == b"PAR1"
    gdf = gpd.read_parquet(out)
    assert gdf.crs == "EPSG:4326" and set(gdf.source) == set(reports)
    assert list(gdf.columns) == [*COLUMNS, "geometry"]
    claim = gdf[gdf.record == "claim"].iloc[0]
    assert claim.text == TEXT[claim.start : claim.end] and json.loads(claim.data)["direction"] == "SE"


def test_parquet_chunks_make_a_folder_of_parts_replaced_atomically(reports, tmp_path, capsys):
    import geopandas as gpd

    out = tmp_path / "parts.parquet"
    argv = ["extract", *reports, "--format", "parquet", "-o", out, "--chunk-size", "1"]
    assert cli(capsys, *argv)[0] == 0
    assert sorted(p.name for p in out.iterdir()) == ["part.00000.parquet", "part.00001.parquet"]
    first = gpd.read_parquet(out)
    assert cli(capsys, *argv)[0] == 0  # written again over the old parts
    assert gpd.read_parquet(out).equals(first)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "parts.parquet"]


def test_parquet_never_replaces_a_folder_of_other_files(reports, tmp_path, capsys):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    code, _, err = cli(capsys, "extract", *reports, "--format", "parquet", "-o", folder, "--chunk-size", "1")
    assert code == 1 and "refusing to write" in err and "other files" in err
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_parquet_needs_an_output_file(reports, capsys):
    code, _, err = cli(capsys, "extract", *reports, "--format", "parquet")
    assert code == 2 and "give -o OUT.parquet" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "--format", "parquet"],
        ["extract", "--format", "parquet", "--chunk-size", "1"],
        ["extract", "--format", "csv"],
        ["check", "--format", "jsonl"],
    ],
    ids=["parquet-file", "parquet-parts", "csv", "check-jsonl"],
)
def test_a_missing_output_folder_is_named_and_nothing_is_left(reports, tmp_path, capsys, argv):
    out = tmp_path / "missing" / "dir" / "x.out"
    code, _, err = cli(capsys, argv[0], *reports, *argv[1:], "-o", out)
    assert code == 1
    assert err == f"frontmap: cannot write {str(out)!r}: folder {str(out.parent)!r} does not exist\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


# ------------------------------------------------------------------------------ control maps
@pytest.fixture
def control(tmp_path):
    square = [[[37.5, 49.0], [38.3, 49.0], [38.3, 49.8], [37.5, 49.8], [37.5, 49.0]]]
    paths = []
    for day in ("06", "13"):
        p = tmp_path / f"occupied_2022-09-{day}.geojson"
        p.write_text(json.dumps({"type": "Polygon", "coordinates": square}), encoding="utf-8")
        paths.append(str(p))
    return paths


@pytest.mark.parametrize(
    "spelling",
    [
        lambda a, b: ["--control", a, "--control", b],
        lambda a, b: ["--against", a, b],
        lambda a, b: ["--against", a, "--against", b],
        lambda a, b: ["--control", a, "--against", b],
    ],
    ids=["control-repeated", "against-old", "against-repeated", "mixed"],
)
def test_check_takes_control_maps_in_one_spelling_and_the_old_one(
    reports, control, capsys, spelling, monkeypatch
):
    seen = []
    check = fm.check

    def spy(articles, against=None):
        seen.append([cm.date.isoformat() for cm in against])
        return check(articles, against=against)

    monkeypatch.setattr(fm, "check", spy)
    code, _, err = cli(capsys, "check", reports[0], *spelling(*control), "--format", "json")
    assert code == 0, err
    assert seen == [["2022-09-06", "2022-09-13"]]


def test_map_and_check_spell_control_maps_alike(capsys):
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in ("check", "map"):
        (action,) = [a for a in sub[name]._actions if "--control" in a.option_strings]
        assert action.dest == "control" and action.nargs is None  # one file per --control
    assert "--control FILE" in sub["check"].format_help() and "--control FILE" in sub["map"].format_help()


# ------------------------------------------------------------------------------------ progress
def test_progress_only_when_asked_on_a_stderr_that_is_not_a_terminal(reports, capsys):
    assert "reading" not in cli(capsys, "extract", *reports)[2]
    code, out, err = cli(capsys, "check", *reports, "--progress")
    assert code == 0 and "reading" in err and "checking" in err and "reading" not in out
    assert cli(capsys, "extract", *reports, "--quiet")[2] == ""


def test_progress_on_a_terminal_unless_quiet(reports, capsys, monkeypatch):
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    assert "reading" in cli(capsys, "extract", *reports)[2]
    assert cli(capsys, "extract", *reports, "-q")[2] == ""


def test_quiet_and_progress_together_are_a_usage_error(reports, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["extract", *reports, "--quiet", "--progress"])
    assert exit.value.code == 2 and "not allowed with" in capsys.readouterr().err


# ---------------------------------------------------------------------------- items left out
class LeftOut(UserWarning):
    def __init__(self, message, items):
        super().__init__(message)
        self.items = items


def _caught(*messages):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for m in messages:
            warnings.warn(m, stacklevel=1)
    return caught


def test_items_left_out_are_one_line_unless_verbose(capsys):
    items = [f"claim 'some {n} km upstream of the dam': it has no anchor place" for n in range(40)]
    long = "draw() left out 40 item(s): " + "; ".join(items)
    _report_warnings(_caught(long, "a short warning"), verbose=False)
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "frontmap: warning: draw() left out 40 item(s) (--verbose lists them)",
        "frontmap: warning: a short warning",
    ]
    _report_warnings(_caught(LeftOut("draw() left out 40 item(s): ...", items)), verbose=True)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 41 and lines[1] == f"frontmap:   left out: {items[0]}"


def test_map_passes_tiles_only_when_given(reports, tmp_path, monkeypatch, capsys):
    calls = []

    class Page:
        def get_root(self):
            return self

        def render(self):
            return "<html></html>"

    monkeypatch.setattr(fm, "draw", lambda *things, **options: calls.append(options) or Page())
    out = tmp_path / "m.html"
    assert cli(capsys, "map", reports[0], "-o", out, "-q")[0] == 0
    assert cli(capsys, "map", reports[0], "-o", out, "-q", "--tiles", "none")[0] == 0
    assert cli(capsys, "map", reports[0], "-o", out, "-q", "--tiles", "CartoDB positron")[0] == 0
    assert [c.get("tiles", "default") for c in calls] == ["default", None, "CartoDB positron"]


# ------------------------------------------------------------------------------ help examples
def _epilogs() -> dict[str, str]:
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    return {"frontmap": parser.epilog or "", **{name: p.epilog or "" for name, p in sub.items()}}


def _examples() -> list[str]:
    found = []
    for text in _epilogs().values():
        for line in text.replace("\\\n", " ").splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith(("frontmap ", "cat ")):
                found.append(line)
    return found


def test_every_command_has_examples():
    examples = _examples()
    for name in ("geocode", "extract", "check", "map"):
        assert any(e.split("| ")[-1].startswith(f"frontmap {name} ") for e in examples), name


@pytest.mark.parametrize("line", _examples())
def test_help_example_runs_from_the_repository_root(line, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    stdin = None
    if line.startswith("cat "):
        piped, line = line.split(" | ", 1)
        stdin = (ROOT / shlex.split(piped)[1]).read_bytes()
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    words = shlex.split(line)[1:]
    argv, outputs = [], []
    for i, w in enumerate(words):
        if i and words[i - 1] in ("-o", "--output"):
            w = str(tmp_path / Path(w).name)
            outputs.append(Path(w))
            argv.append(w)
        elif glob.has_magic(w):
            matches = sorted(glob.glob(w))
            assert matches, f"{w!r} matches no file from the repository root"
            argv += matches
        else:
            argv.append(w)
    for w in argv:
        if w.startswith("examples/"):
            assert (ROOT / w).exists(), f"the example names {w!r}, which does not exist"
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, f"{line!r} exited {code}: {err}"
    assert "Traceback" not in err
    for p in outputs:
        assert p.exists() and (p.is_dir() or p.stat().st_size > 0), p
    assert out or outputs
