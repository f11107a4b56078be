"""``frontmap map``: inputs, outputs, formats and failures, run through the real reader."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from frontmap.cli import Terminated, _sigterm_exits, main

# Made-up reports naming real towns.
FIRST = "Ukrainian units entered Balakliia, about 74 km southeast of Kharkiv, on Thursday.\n"
SECOND = "Volunteers delivered water to Izium and Kupiansk over the weekend.\n"


@pytest.fixture
def texts(tmp_path):
    a = tmp_path / "first.txt"
    a.write_text(FIRST, encoding="utf-8")
    b = tmp_path / "second.txt"
    b.write_text(SECOND, encoding="utf-8")
    return a, b


def run(*argv: object) -> int:
    return main(["map", *map(str, argv)])


def test_writes_an_html_map_of_all_files(texts, tmp_path, capsys):
    out = tmp_path / "map.html"
    assert run(*texts, "-o", out) == 0
    html = out.read_text(encoding="utf-8")
    for expected in ("Places mentioned", "Distance claims", "Checks", "Balakliia", "Kupiansk"):
        assert expected in html
    err = capsys.readouterr().err
    assert f"wrote {out} (2 article(s)" in err


def test_tiles_none_gives_an_offline_map(texts, tmp_path):
    out = tmp_path / "offline.html"
    assert run(texts[0], "-o", out, "--tiles", "none") == 0
    html = out.read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" not in html
    # self-contained: scripts and styles inline, nothing loaded from a CDN
    assert re.findall(r"<(?:script|link)\b[^>]*\b(?:src|href)=", html) == []
    assert "/* frontmap/assets/leaflet.js */" in html


def test_without_tiles_the_map_is_frontmap_s_default(texts, tmp_path):
    """``--tiles`` not given: the page ``fm.draw`` makes by default (its own choice of tiles)."""
    out = tmp_path / "default.html"
    assert run(texts[0], "-o", out) == 0
    assert "Balakliia" in out.read_text(encoding="utf-8")


def test_no_check_leaves_the_verdicts_out(texts, tmp_path):
    out = tmp_path / "unchecked.html"
    assert run(texts[0], "-o", out, "--no-check") == 0
    assert "Checks" not in out.read_text(encoding="utf-8")


def test_unusable_inputs_fail_but_the_map_is_still_written(texts, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "map.html"

    assert run(texts[0], empty, missing, texts[1], "-o", out) == 1

    err = capsys.readouterr().err
    assert f"{str(empty)!r} is empty" in err
    assert f"cannot read {str(missing)!r}" in err
    html = out.read_text(encoding="utf-8")
    assert "Balakliia" in html and "Kupiansk" in html


def test_nothing_usable_writes_nothing(tmp_path, capsys):
    out = tmp_path / "map.html"
    assert run(tmp_path / "missing.txt", "-o", out) == 1
    assert "nothing to map" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("name", ["map.jpg", "map", "map.html.bak"])
def test_unknown_extension_is_refused(texts, tmp_path, capsys, name):
    assert run(texts[0], "-o", tmp_path / name) == 2
    assert "name it *.html, *.png, *.svg or *.pdf" in capsys.readouterr().err
    assert not (tmp_path / name).exists()


def test_never_writes_over_an_input(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(FIRST, encoding="utf-8")
    assert run(page, "-o", page) == 1
    assert "it is one of the input files" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == FIRST


def test_replaces_an_existing_map_atomically(texts, tmp_path):
    out = tmp_path / "map.html"
    out.write_text("old", encoding="utf-8")
    assert run(texts[1], "-o", out) == 0
    assert "Kupiansk" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.txt", "map.html", "second.txt"]


def test_reads_stdin_and_prints_html(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(SECOND))
    assert run("-", "-o", "-", "--published", "2022-09-20") == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "Izium" in out and "2022-09-20" in out


def test_control_maps_are_added(texts, tmp_path):
    square = [[[37.5, 49.0], [38.3, 49.0], [38.3, 49.8], [37.5, 49.8], [37.5, 49.0]]]
    control = tmp_path / "occupied_2022-09-13.geojson"
    control.write_text(json.dumps({"type": "Polygon", "coordinates": square}), encoding="utf-8")
    out = tmp_path / "map.html"
    assert run(texts[0], "--control", control, "-o", out, "-q") == 0
    assert "Control 2022-09-13 (occupied)" in out.read_text(encoding="utf-8")


def test_a_bad_control_map_is_reported(texts, tmp_path, capsys):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    out = tmp_path / "map.html"
    assert run(texts[0], "--control", bad, "-o", out) == 1
    assert f"cannot read the control map {str(bad)!r}" in capsys.readouterr().err
    assert out.exists()


def test_quiet_prints_no_summary(texts, tmp_path, capsys):
    assert run(texts[0], "-o", tmp_path / "map.html", "--quiet") == 0
    assert "wrote" not in capsys.readouterr().err


def test_static_formats_go_through_render(texts, tmp_path):
    out = tmp_path / "map.png"
    assert run(*texts, "-o", out, "-q") == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_help_shows_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["map", "--help"])
    assert "frontmap map examples/*.txt -o map.html" in capsys.readouterr().out


def test_no_inputs_is_a_usage_error(tmp_path, capsys):
    assert run("-o", tmp_path / "map.html") == 2
    assert "nothing to map" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["x.html", "x.png"])
def test_a_missing_output_folder_is_a_clean_error(texts, tmp_path, capsys, name):
    out = tmp_path / "missing" / "dir" / name
    assert run(*texts, "-o", out) == 1
    err = capsys.readouterr().err
    assert err == f"frontmap: cannot write {str(out)!r}: folder {str(out.parent)!r} does not exist\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.txt", "second.txt"]


def test_utf16_input_is_mapped_and_binary_is_reported(texts, tmp_path, capsys):
    u16 = tmp_path / "u16.txt"
    u16.write_bytes(SECOND.encode("utf-16"))
    binary = tmp_path / "photo.jpg.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    out = tmp_path / "map.html"
    assert run(u16, binary, texts[0], "-o", out, "-q") == 1
    assert capsys.readouterr().err == (
        f"frontmap: {str(binary)!r} is not UTF-8 text (byte 0x00 at offset 4); it looks like a binary file, "
        "not text\n"
    )
    html = out.read_text(encoding="utf-8")
    assert "Kupiansk" in html and "Balakliia" in html


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
def test_sigterm_during_the_write_leaves_no_temporary_file(tmp_path):
    """A real ``frontmap map`` process, terminated while its PNG is being written (about 2 s: it starts
    Python, reads the examples and draws the map; the SIGTERM goes out as soon as the temporary file
    appears, during matplotlib's ``savefig``)."""
    examples = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in examples), encoding="utf-8")
    out = tmp_path / "map.png"
    proc = subprocess.Popen(
        [sys.executable, "-m", "frontmap", "map", str(big), "-o", str(out), "-q"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        seen: list[str] = []
        while not seen and proc.poll() is None and time.monotonic() < deadline:
            seen = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            time.sleep(0.002)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert seen, "the map was written before a temporary file was seen: nothing was tested"
    assert seen[0].startswith(".frontmap-")
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert b"frontmap: terminated" in err and b"Traceback" not in err
    left = sorted(p.name for p in tmp_path.iterdir())
    # never a temporary file; the map itself only if the signal came just after it was renamed into
    # place (a race this test cannot always win), and then whole
    assert left in (["big.txt"], ["big.txt", "map.png"])
    if "map.png" in left:
        data = out.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals")
def test_sigterm_inside_a_finaliser_prints_no_traceback(capsys, monkeypatch):
    # SIGTERM can land while a finaliser or weakref callback runs (matplotlib has many); Python drops
    # an exception raised there with "Exception ignored in ..." and a traceback. The command must
    # still end as terminated, and quietly.
    class Dying:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(100_000):  # the handler runs here, inside the finaliser
                pass

    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)  # as in a `frontmap` process
    with pytest.raises(Terminated), _sigterm_exits():
        Dying()
        for _ in range(1000):
            pass
    assert "Traceback" not in capsys.readouterr().err
