"""Tests for ``frontmap geocode`` (run in-process through frontmap.cli.main)."""

from __future__ import annotations

import json

import pytest

from frontmap.cli import main


def run(capsys, *argv):
    code = main(["geocode", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output(capsys):
    code, out, err = run(capsys, "Izyum")
    assert code == 0 and err == ""
    assert out.startswith("Izium (settlement, Kharkiv Oblast, UA)")
    assert "geonames:" in out


@pytest.mark.parametrize(
    ("argv", "name", "admin1"),
    [
        (["Kalynivka", "--near", "Kyiv"], "Kalynivka", "Kyiv Oblast"),
        (["Kharkov region"], "Kharkiv Oblast", "Kharkiv Oblast"),
        (["Київ"], "Kyiv", "Kyiv City"),
        (["Pokrovsk", "--country", "UA"], "Pokrovsk", "Donetsk Oblast"),
    ],
    ids=["near", "region", "cyrillic", "country"],
)
def test_json_output(capsys, argv, name, admin1):
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"id", "name", "kind", "lat", "lon", "country", "admin1", "population"}
    assert (data["name"], data["admin1"]) == (name, admin1)
    assert -90 <= data["lat"] <= 90 and -180 <= data["lon"] <= 180


def test_all_lists_homonyms_best_first(capsys):
    code, out, _ = run(capsys, "Lyman", "--all", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 3
    assert rows[0]["admin1"] == "Donetsk Oblast"
    code, out, _ = run(capsys, "Lyman", "--all")
    assert len(out.splitlines()) == len(rows)


def test_unknown_name_exits_1_with_one_line_and_suggestions(capsys):
    code, out, err = run(capsys, "Kharkivv")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "'Kharkivv'" in err and "Kharkiv" in err.split("did you mean", 1)[1]


@pytest.mark.parametrize(
    "argv",
    [[""], ["x" * 300], ["Kalynivka", "--near", "Atlantis Xq"], ["Kyiv", "--kind", "city"]],
    ids=["empty", "too-long", "unknown-near", "bad-kind"],
)
def test_bad_input_is_one_line_not_a_traceback(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code in (1, 2) and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_help_shows_examples(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["geocode", "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert "examples:" in out and "frontmap geocode Izyum" in out
