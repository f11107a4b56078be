"""`frontmap extract`: formats, several files, stdin, unreadable files, atomic output."""

from __future__ import annotations

import codecs
import io
import json
import os
import signal
import tempfile

import pytest

from frontmap import _io
from frontmap.cli import main
from frontmap.corpus import tasks

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


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("last week", "give it as YYYY-MM-DD"),
        ("29/08/2023", "give it as YYYY-MM-DD, e.g. 2023-08-29"),
        ("2023-02-30", "give it as YYYY-MM-DD"),
    ],
)
def test_a_bad_date_is_an_error_naming_the_option(report, capsys, value, hint):
    with pytest.raises(SystemExit) as exit:
        main(["extract", str(report), "--published", value])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --published: {value!r} is not a date; {hint}" in err
    assert str(report) not in err  # the input file is not blamed


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


def test_utf16_and_utf8_bom_files_are_read(tmp_path, capsys):
    u16 = tmp_path / "u16.txt"
    u16.write_bytes(TEXT.encode("utf-16"))  # with a byte-order mark
    bom = tmp_path / "bom.txt"
    bom.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert main(["extract", str(u16), str(bom)]) == 0
    out, err = capsys.readouterr()
    for data in json.loads(out):
        assert [m["text"] for m in data["mentions"]] == ["Balakliia", "Kharkiv"]
        assert TEXT[data["claims"][0]["start"] : data["claims"][0]["end"]] == data["claims"][0]["text"]
    assert err == ""


def test_utf16_stdin_is_read(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-16"))))
    assert main(["extract", "-"]) == 0
    assert [m["text"] for m in json.loads(capsys.readouterr().out)["mentions"]] == ["Balakliia", "Kharkiv"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "(byte 0x00 at offset 8)"),
        ("Balakliia lies 74 km southeast of Kharkiv, café.".encode("latin-1"), "(byte 0xe9 at offset 46)"),
        ("Балаклія".encode("cp1251"), "iconv -f WINDOWS-1251 -t UTF-8"),
        (TEXT.encode("utf-16-le"), "iconv -f UTF-16LE -t UTF-8"),
    ],
    ids=["binary", "latin-1", "cp1251", "utf-16-without-bom"],
)
def test_a_file_that_is_not_text_is_reported_and_the_others_read(report, tmp_path, capsys, data, expected):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    code = main(["extract", str(bad), str(report)])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith(f"frontmap: {str(bad)!r} is not UTF-8 text (byte 0x")
    assert expected in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert [d["source"] for d in json.loads(out)] == [str(report)]


def test_binary_stdin_is_reported(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(bytes(range(256)))))
    assert main(["extract", "-"]) == 1
    assert "'<stdin>' is not UTF-8 text (byte 0x00 at offset 0)" in capsys.readouterr().err


def test_a_missing_output_folder_is_a_clean_error(report, tmp_path, capsys):
    out = tmp_path / "missing" / "dir" / "x.json"
    assert main(["extract", str(report), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == f"frontmap: cannot write {str(out)!r}: folder {str(out.parent)!r} does not exist\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_an_interrupted_write_leaves_no_temporary_file(report, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr("frontmap._io.os.fsync", interrupted)  # the data is written, not yet renamed
    assert main(["extract", str(report), "-o", str(out)]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "report.txt"]
    assert out.read_text(encoding="utf-8") == "old"


def test_never_writes_over_an_input_under_another_name(report, tmp_path, capsys):
    link = tmp_path / "link.txt"
    os.link(report, link)
    assert main(["extract", str(report), "-o", str(link)]) == 1
    assert "it is one of the input files" in capsys.readouterr().err
    assert report.read_text(encoding="utf-8") == TEXT


def test_ctrl_c_as_the_temporary_file_is_created_leaves_none(report, tmp_path, monkeypatch, capsys):
    def then_ctrl_c(create):
        def wrapped(*args, **kwargs):
            made = create(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGINT)
            return made

        return wrapped

    # The file is made by _io._create (tempfile.mkstemp before; patched too, to show the old leak).
    monkeypatch.setattr(tempfile, "mkstemp", then_ctrl_c(tempfile.mkstemp))
    monkeypatch.setattr(_io, "_create", then_ctrl_c(getattr(_io, "_create", None)), raising=False)
    assert main(["extract", str(report), "-o", str(tmp_path / "out.json")]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_articles_are_written_as_they_are_read(report, tmp_path, monkeypatch):
    """An archive's output need not fit in memory: the first article is in the temporary file before
    the second is read, and the file appears whole under its name only at the end."""
    other = tmp_path / "other.txt"
    other.write_text("Shelling hit Odesa.", encoding="utf-8")
    out = tmp_path / "out.json"
    seen = []
    real_read = tasks.read

    def read(text, **kwargs):
        if kwargs["source"] == str(other):  # the first article is written by now, not yet renamed
            (tmp,) = [p for p in tmp_path.iterdir() if p.name.startswith(_io.TEMP_PREFIX)]
            seen.append(tmp.read_text(encoding="utf-8"))
            assert not out.exists()
        return real_read(text, **kwargs)

    monkeypatch.setattr(tasks, "read", read)
    assert main(["extract", str(report), str(other), "-o", str(out), "--quiet"]) == 0
    assert seen and str(report) in seen[0] and str(other) not in seen[0]
    assert [d["source"] for d in json.loads(out.read_text(encoding="utf-8"))] == [str(report), str(other)]


def test_a_failure_of_the_reading_is_not_called_a_failure_to_write(report, tmp_path, monkeypatch, capsys):
    def lost(*args, **kwargs):
        raise ConnectionError("the Dask scheduler went away")

    monkeypatch.setattr(tasks, "read", lost)
    out = tmp_path / "out.json"
    assert main(["extract", str(report), str(report), "-o", str(out), "--quiet"]) == 1
    assert capsys.readouterr().err == "frontmap: the Dask scheduler went away\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]
