"""``frontmap check`` end to end: our own example sentences read by the reader, then checked.

The sentences are written for these tests; the facts in them (distances between towns, the area of the
West Bank) are deliberately right in some places and wrong in others.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from shapely.geometry import box

from frontmap.cli import main

TEXTS = {
    "izium.txt": (
        "Troops entered Izium, a town 120 km southeast of Kharkiv, on Saturday. Officials said Ukraine had "
        "won back 3,000 square kilometres (1,160 square miles) in a week."
    ),
    "west.txt": "The army says it has retaken 3,000 sq km since Tuesday, about the size of the West Bank.",
    "vovchansk.txt": "Vovchansk sits 60 km northwest of Kharkiv, near the border.",
}


@pytest.fixture
def files(tmp_path):
    paths = []
    for name, text in TEXTS.items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    return paths


def run_json(argv, capsys):
    code = main(["check", *argv, "--format", "json"])
    out = capsys.readouterr()
    return code, json.loads(out.out), out.err


def find(verdicts, check, source, status=None):
    hits = [v for v in verdicts if v["check"] == check and v["claim"]["source"].endswith(source)]
    assert hits, f"no {check} verdict for {source}: {[(v['check'], v['claim']['source']) for v in verdicts]}"
    if status is not None:
        assert [v["status"] for v in hits] == [status], [v["explanation"] for v in hits]
    return hits[0]


def test_json_verdicts_for_our_examples(files, capsys):
    code, verdicts, err = run_json(files, capsys)
    assert code == 0, err
    assert isinstance(verdicts, list) and verdicts
    d = find(verdicts, "distance", "izium.txt", "consistent")  # Izium is about 114 km from Kharkiv
    assert d["claim"]["subject"]["name"] == "Izium" and d["unit"] == "km"
    find(verdicts, "bearing", "izium.txt", "consistent")
    find(verdicts, "conversion", "izium.txt", "consistent")
    find(verdicts, "distance", "vovchansk.txt", "consistent")
    b = find(verdicts, "bearing", "vovchansk.txt", "inconsistent")  # Vovchansk lies north-east
    assert "(NE)" in b["explanation"]
    c = find(verdicts, "comparison", "west.txt", "inconsistent")  # the West Bank is nearly twice 3,000 km²
    assert "West Bank" in c["explanation"]
    for v in verdicts:
        assert set(v) >= {"check", "status", "stated", "measured", "unit", "ratio", "tolerance", "claim",
                          "other", "explanation"}  # fmt: skip
        assert v["claim"]["kind"] in ("distance", "area", "share", "comparison")


def test_table_is_aligned_and_readable(files, capsys):
    assert main(["check", *files]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["status", "check", "source", "stated", "measured", "ratio", "explanation"]
    start = lines[0].index("explanation")
    assert all(len(line) > start and line[start - 2 : start] == "  " for line in lines[1:])
    assert any(line.startswith("inconsistent  bearing") for line in lines)


def test_unreadable_file_gives_status_1_but_checks_the_rest(files, tmp_path, capsys):
    code, verdicts, err = run_json([str(tmp_path / "missing.txt"), *files], capsys)
    assert code == 1
    assert "missing.txt" in err
    find(verdicts, "distance", "izium.txt", "consistent")


def test_against_control_maps(tmp_path, capsys):
    from frontmap.control.controlmap import ControlMap, change

    before = ControlMap(box(37.0, 48.5, 38.5, 49.5), dt.date(2022, 9, 6))
    after = ControlMap(box(37.4, 48.5, 38.5, 49.5), dt.date(2022, 9, 13))
    lost = change(before, after).lost_km2
    maps = []
    for cm in (before, after):
        p = tmp_path / f"occupied_{cm.date}.geojson"
        cm.to_geodataframe().to_file(p, driver="GeoJSON")
        maps.append(str(p))
    art = tmp_path / "gain.txt"
    art.write_text(
        f"Ukraine says it has retaken {round(lost, -2):,.0f} square kilometres this week.", encoding="utf-8"
    )
    code, verdicts, err = run_json([str(art), "--published", "2022-09-13", "--against", *maps], capsys)
    assert code == 0, err
    v = find(verdicts, "area", "gain.txt", "consistent")
    assert v["measured"] == pytest.approx(lost, rel=1e-6)


def test_unreadable_control_map_is_reported(files, tmp_path, capsys):
    bad = tmp_path / "broken.geojson"
    bad.write_text("{not json", encoding="utf-8")
    code, verdicts, err = run_json([files[0], "--against", str(bad)], capsys)
    assert code == 1 and "broken.geojson" in err
    find(verdicts, "distance", "izium.txt", "consistent")


def test_help_shows_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "frontmap check" in out and "--against" in out


def test_utf16_file_is_checked(tmp_path, capsys):
    p = tmp_path / "izium16.txt"
    p.write_bytes(TEXTS["izium.txt"].encode("utf-16"))
    code, verdicts, err = run_json([str(p)], capsys)
    assert code == 0, err
    find(verdicts, "distance", "izium16.txt", "consistent")


def test_binary_and_latin1_files_give_status_1_but_the_rest_is_checked(files, tmp_path, capsys):
    binary = tmp_path / "scan.pdf.txt"
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff\xfe")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Troops entered Izium, a town 120 km southeast of Kharkiv, café.".encode("latin-1"))
    code, verdicts, err = run_json([str(binary), str(latin), *files], capsys)
    assert code == 1
    lines = err.strip().splitlines()
    assert lines == [
        f"frontmap: {str(binary)!r} is not UTF-8 text (byte 0x00 at offset 9); it looks like a binary file, "
        "not text",
        f"frontmap: {str(latin)!r} is not UTF-8 text (byte 0xe9 at offset 61); convert it, e.g. iconv -f "
        f"WINDOWS-1252 -t UTF-8 {latin} > {tmp_path / 'latin.utf8.txt'}",
    ]
    find(verdicts, "distance", "izium.txt", "consistent")
    assert not [v for v in verdicts if v["claim"]["source"].endswith("latin.txt")]


def test_a_missing_output_folder_is_a_clean_error(files, tmp_path, capsys):
    out = tmp_path / "missing" / "verdicts.json"
    assert main(["check", *files, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == f"frontmap: cannot write {str(out)!r}: folder {str(out.parent)!r} does not exist\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
