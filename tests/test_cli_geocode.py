"""Tests for ``frontmap geocode`` (run in-process through frontmap.cli.main)."""

from __future__ import annotations

import json

import pytest

import frontmap as fm
from frontmap.cli import main

BASE_KEYS = {"id", "name", "kind", "lat", "lon", "country", "admin1", "population"}


def run(capsys, *argv):
    code = main(["geocode", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output(capsys):
    code, out, err = run(capsys, "Izyum")
    assert code == 0 and err == ""
    assert out.startswith("Izium (settlement, ") and "Kharkiv Oblast, UA)" in out.splitlines()[0]
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
    assert set(data) >= BASE_KEYS
    assert set(data) <= {
        *BASE_KEYS,
        "raion",
        "hromada",
        "katottg",
        "extent_km",
        "uncertainty_km",
        "approximate",
    }
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


@pytest.mark.parametrize(
    ("within", "admin1"),
    [
        ("Donetsk Oblast", "Donetsk Oblast"),
        ("Donetsk region", "Donetsk Oblast"),
        ("Kharkiv Oblast", "Kharkiv Oblast"),
        ("Kharkov region", "Kharkiv Oblast"),
    ],
)
def test_within_picks_the_homonym_in_the_oblast(capsys, within, admin1):
    code, out, err = run(capsys, "Lyman", "--within", within, "--format", "json")
    assert code == 0 and err == ""
    assert json.loads(out)["admin1"] == admin1
    code, out, _ = run(capsys, "Lyman", "--within", within, "--all", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows and {r["admin1"] for r in rows} == {admin1}


def test_within_text_output_shows_the_oblast(capsys):
    code, out, _ = run(capsys, "Lyman", "--within", "Kharkiv Oblast", "--all")
    assert code == 0 and out
    assert all(
        line.startswith("Lyman (settlement, ") and "Kharkiv Oblast, UA)" in line for line in out.splitlines()
    )


def test_within_a_raion(capsys):
    if not fm.Gazetteer().lookup("bakhmut raion"):
        pytest.skip("the shipped data has no raions yet (before the settlements rebuild)")
    code, out, _ = run(capsys, "Kalynivka", "--within", "Bakhmut district", "--all", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows and all(r["raion"] == "Bakhmut Raion" for r in rows)


def test_name_not_within_exits_1_and_says_where_it_is(capsys):
    code, out, err = run(capsys, "Izium", "--within", "Donetsk Oblast")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "within Donetsk Oblast" in err and "Kharkiv Oblast" in err


@pytest.mark.parametrize("within", ["Atlantis Xq", "", "Kharkiv River"], ids=["unknown", "empty", "river"])
def test_bad_within_exits_2_naming_it(capsys, within):
    code, out, err = run(capsys, "Lyman", "--within", within)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert f"within={within!r}" in err or "within" in err


def test_fuzzy_forgives_one_typo(capsys):
    code, out, _ = run(capsys, "Bahkmut", "--fuzzy")
    assert code == 0 and out.startswith("Bakhmut (settlement, ")
    code, out, err = run(capsys, "Bahkmut")
    assert code == 1 and "Bakhmut" in err.split("did you mean", 1)[1]


def test_help_documents_within_and_fuzzy(capsys):
    with pytest.raises(SystemExit):
        main(["geocode", "--help"])
    out = capsys.readouterr().out
    assert "--within OBLAST" in out and "Bakhmut district" in out
    assert 'frontmap geocode Lyman --within "Donetsk Oblast"' in out
    assert "--fuzzy" in out
