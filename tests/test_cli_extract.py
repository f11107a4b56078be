"""`frontmap extract`: formats, several files, stdin, unreadable files, atomic output."""

from __future__ import annotations

import io
import json

import pytest

from frontmap.cli import main

TEXT = "Balakliia lies 74 km (46 miles) southeast of Kharkiv.\n"


@pytest.fixture
def report(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_json_one_file_is_one_object(report, capsys):
    assert main(["extract", str(report), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == str(report)
    assert [m["text"] for m in data["mentions"]] == ["Balakliia", "Kharkiv"]
    (claim,) = data["claims"]
    expected = {
        "kind": "distance", "text": "74 km (46 miles) southeast of Kharkiv", "value": 74, "unit": "km",
        "km": 74.0, "direction": "SE", "bearing": 135.0, "converted": {"value": 46, "unit": "mi"},
    }  # fmt: skip
    assert {k: claim[k] for k in expected} == expected
    assert claim["anchor"]["name"] == "Kharkiv" and claim["subject"]["name"] == "Balakliia"
    assert TEXT[claim["start"] : claim["end"]] == claim["text"]


def test_json_several_files_is_a_list(report, tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("Shelling hit Odesa.", encoding="utf-8")
    assert main(["extract", str(report), str(other)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["source"] for d in data] == [str(report), str(other)]


def test_geojson(report, capsys):
    assert main(["extract", str(report), "--format", "geojson"]) == 0
    fc = json.loads(capsys.readouterr().out)
    assert fc["type"] == "FeatureCollection"
    records = sorted({f["properties"]["record"] for f in fc["features"]})
    assert records == ["claim", "mention"]


def test_table(report, capsys):
    assert main(["extract", str(report), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Balakliia" in out and "distance" in out


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(TEXT))
    assert main(["extract", "-", "--published", "2022-09-10"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["published"] == "2022-09-10" and data["source"] == "<stdin>"


def test_unreadable_file_reported_others_processed(report, tmp_path, capsys):
    code = main(["extract", str(tmp_path / "missing.txt"), str(report)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "missing.txt" in err and len(err.strip().splitlines()) == 1
    assert [d["source"] for d in json.loads(out)] == [str(report)]


def test_bad_date_is_a_clear_error(report, capsys):
    assert main(["extract", str(report), "--published", "last week"]) == 1
    assert "not a date" in capsys.readouterr().err


def test_output_file_written_and_never_over_input(report, tmp_path, capsys):
    out = tmp_path / "out.json"
    assert main(["extract", str(report), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["mentions"]
    assert main(["extract", str(report), "-o", str(report)]) == 1
    assert report.read_text() == TEXT
    assert "input" in capsys.readouterr().err


def test_help_shows_examples(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "examples:" in capsys.readouterr().out
