"""``frontmap._io``: atomic writes leave no temporary file behind; text files decode or say why not."""

from __future__ import annotations

import codecs
import errno
import os
import signal
import tempfile

import pytest

from frontmap import _io
from frontmap._io import TEMP_PREFIX, TEMP_SUFFIX, atomic_write, atomic_write_with, decode_text
from frontmap.errors import InputError


def leftovers(folder) -> list[str]:
    """Every hidden temporary file in ``folder``, whatever its naming scheme."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_and_replaces(tmp_path):
    out = tmp_path / "a.txt"
    atomic_write(out, "one")
    atomic_write(out, b"two")
    assert out.read_text() == "two"
    assert oct(out.stat().st_mode & 0o777) == "0o644"
    assert leftovers(tmp_path) == []


def test_temporary_file_is_named_and_beside_the_target(tmp_path):
    seen = []

    def write(fh):
        seen.extend(os.listdir(tmp_path))
        fh.write(b"x")

    atomic_write_with(tmp_path / "map.png", write)
    (base,) = seen
    assert base.startswith(TEMP_PREFIX) and base.endswith(TEMP_SUFFIX) and len(base) > 15
    assert (TEMP_PREFIX, TEMP_SUFFIX) == (".frontmap-", ".tmp")


@pytest.mark.parametrize("exc", [RuntimeError("boom"), KeyboardInterrupt(), SystemExit(143)], ids=repr)
def test_an_interrupted_write_leaves_no_temporary_file_and_the_old_file(tmp_path, exc):
    out = tmp_path / "map.html"
    out.write_text("old")

    def write(fh):
        fh.write(b"half a map")
        raise exc

    with pytest.raises(type(exc)):
        atomic_write_with(out, write)
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]
    assert out.read_text() == "old"


def test_a_failed_rename_names_the_target_not_the_temporary_file(tmp_path):
    out = tmp_path / "taken"
    out.mkdir()
    (out / "inside").write_text("x")  # a non-empty folder cannot be replaced by a file
    with pytest.raises(OSError) as info:
        atomic_write(out, "data")
    assert info.value.filename == str(out) and info.value.filename2 is None
    assert TEMP_PREFIX not in str(info.value)
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(FileNotFoundError) as info:
        atomic_write(tmp_path / "no" / "such" / "x.json", "{}")
    assert info.value.errno == errno.ENOENT
    assert info.value.strerror == f"folder {str(tmp_path / 'no' / 'such')!r} does not exist"
    assert TEMP_PREFIX not in str(info.value) and ".tmp" not in str(info.value)


def test_a_file_as_folder_is_named(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError) as info:
        atomic_write(tmp_path / "file" / "x.json", "{}")
    assert "is not a folder" in info.value.strerror


TEXT = "Shelling hit Kharkiv and Izium. Київ"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be", "utf-32", "utf-32-be"],
)
def test_decodes_utf8_and_marked_utf16_utf32(data):
    assert decode_text(data) == TEXT


@pytest.mark.parametrize(
    ("data", "byte", "offset", "hint"),
    [
        (b"Kharkiv \x00\x01\x02\xff binary", "0x00", 8, "binary"),
        (bytes(range(256)), "0x00", 0, "binary"),
        ("Kharkiv café".encode("latin-1"), "0xe9", 11, "iconv -f WINDOWS-1252 -t UTF-8 a.txt > a.utf8.txt"),
        ("Харків і Ізюм".encode("cp1251"), "0xd5", 0, "iconv -f WINDOWS-1251 -t UTF-8"),
        ("Kharkiv".encode("utf-16-le"), "0x00", 1, "UTF-16 without a byte-order mark"),
        ("Київ Харків".encode("utf-16-le"), "0x00", 9, "iconv -f UTF-16LE -t UTF-8"),
        ("Київ".encode("utf-16-be"), "0x04", 0, "iconv -f UTF-16BE -t UTF-8"),
        (b"Kharkiv\x01\x02\x03\x04\x05\x06", "0x01", 7, "binary"),
    ],
    ids=["nul", "binary", "latin-1", "cp1251", "utf-16-no-bom", "utf-16-cyrillic", "utf-16-be", "controls"],
)
def test_what_is_not_text_is_refused_with_the_byte_and_a_fix(data, byte, offset, hint):
    with pytest.raises(InputError) as info:
        decode_text(data, "a.txt")
    message = str(info.value)
    assert message.startswith(f"'a.txt' is not UTF-8 text (byte {byte} at offset {offset})")
    assert hint in message


def test_a_broken_utf16_file_is_refused():
    with pytest.raises(InputError, match="UTF-16 byte-order mark but is not UTF-16 text"):
        decode_text(codecs.BOM_UTF16_LE + b"K\x00h")


def test_a_signal_as_the_temporary_file_is_created_leaves_none(tmp_path, monkeypatch):
    """Ctrl-C (or SIGTERM in the command) landing just after the temporary file is made, before the
    code that removes it could know its name."""

    def then_ctrl_c(create):
        def wrapped(*args, **kwargs):
            made = create(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGINT)
            return made

        return wrapped

    # The file is made by _io._create (tempfile.mkstemp before; patched too, to show the old leak).
    monkeypatch.setattr(tempfile, "mkstemp", then_ctrl_c(tempfile.mkstemp))
    monkeypatch.setattr(_io, "_create", then_ctrl_c(getattr(_io, "_create", None)), raising=False)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "map.html", "<html>")
    assert leftovers(tmp_path) == [] and list(tmp_path.iterdir()) == []
