"""Files in and out: atomic writes, and decoding the bytes of a text file.

Writing: a temporary file ``.frontmap-<random>.tmp`` beside the target, then one rename.  A reader
never sees a half-written file, and a failure leaves the old file (if any) untouched.  The temporary
file is removed on every exit Python sees (an exception, KeyboardInterrupt, SystemExit -- the
``frontmap`` command turns SIGTERM into SystemExit); only a hard kill (SIGKILL, a power cut) can leave
one behind, and its fixed name says what it is and that it can be deleted.

Reading: :func:`decode_text` takes UTF-8 (with or without a byte-order mark) and UTF-16/UTF-32 with a
byte-order mark; anything else raises :class:`~frontmap.errors.InputError` saying where the bytes stop
being text and how to convert them.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import secrets
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import IO

from frontmap.errors import InputError

__all__ = ["TEMP_PREFIX", "TEMP_SUFFIX", "atomic_write", "atomic_write_with", "decode_text"]

#: Temporary files are named ``TEMP_PREFIX + <random> + TEMP_SUFFIX``, in the target's folder.
TEMP_PREFIX = ".frontmap-"
TEMP_SUFFIX = ".tmp"

#: How a temporary file is opened: created here and now, never through a link, not inherited.
_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _folder_of(target: Path) -> Path:
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise FileNotFoundError(errno.ENOENT, f"folder {str(folder)!r} does not exist", str(target))
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, f"{str(folder)!r} is not a folder", str(target))
    return folder


def _create(path: str) -> int:
    """Create ``path`` (it must not exist) for writing; its file descriptor."""
    return os.open(path, _FLAGS, 0o600)


def _about_target(exc: OSError, target: Path) -> OSError:
    """The same error, naming the target instead of the temporary file."""
    if exc.errno is None or not exc.strerror:
        return exc
    return type(exc)(exc.errno, exc.strerror, str(target))


def atomic_write_with(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> Path:
    """Call ``write(fileobj)`` on a temporary file in the target's folder, then rename it to ``path``.

    Raises
    ------
    OSError
        Naming ``path`` (never the temporary file): its folder is missing or not writable, the disk
        is full ...  Whatever ``write`` raises is raised as it is.  Either way no temporary file is
        left behind.
    """
    target = Path(path)
    folder = _folder_of(target)
    # The name is chosen before the file is made, so that whatever interrupts us from here on (an
    # exception, Ctrl-C, SIGTERM turned into SystemExit) finds the name and removes the file.
    tmp: str | None = None
    fd: int | None = None
    fh: IO[bytes] | None = None
    try:
        while fd is None:
            name = tmp = os.path.join(folder, f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}")
            try:
                fd = _create(name)
            except FileExistsError:  # someone else's: never ours to remove
                tmp = None
            except OSError as exc:
                tmp = None
                raise _about_target(exc, target) from None
        fh = os.fdopen(fd, "wb")
        with fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(name, 0o644)
        os.replace(name, target)
    except BaseException as exc:
        _discard(fd if fh is None else fh, tmp)
        if isinstance(exc, OSError) and tmp is not None and tmp in (exc.filename, exc.filename2):
            raise _about_target(exc, target) from None
        raise
    return target


def _discard(file: IO[bytes] | int | None, tmp: str | None) -> None:
    """Close ``file`` (a file object or descriptor) and remove ``tmp``, quietly."""
    try:
        if isinstance(file, int):
            os.close(file)
        elif file is not None:
            file.close()
    except OSError:
        pass
    if tmp is not None:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass


def atomic_write(path: str | os.PathLike[str], data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` (text or bytes) to ``path`` atomically."""
    payload = data.encode(encoding) if isinstance(data, str) else data

    def write(fh: IO[bytes]) -> None:
        fh.write(payload)

    return atomic_write_with(path, write)


#: Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def decode_text(data: bytes, name: str = "the input") -> str:
    """The text of a file's bytes: UTF-8 (a byte-order mark is dropped), or UTF-16/UTF-32 when the
    bytes start with their byte-order mark.

    Raises
    ------
    InputError
        Naming ``name``, the offending byte and its offset, when the bytes are not text in one of those
        encodings (binary data, a NUL byte, Latin-1 or Windows-1251 bytes, UTF-16 without a mark ...),
        with an ``iconv`` command line to convert a legacy encoding.

    Examples
    --------
    >>> decode_text("Kyiv".encode("utf-16"))
    'Kyiv'
    >>> decode_text("café".encode("latin-1"), "a.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    frontmap.errors.InputError: 'a.txt' is not UTF-8 text (byte 0xe9 at offset 3); convert it, e.g. iconv ...
    """
    data = bytes(data)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name!r} starts with a {label} byte-order mark but is not {label} text "
                    f"(byte 0x{body[exc.start]:02x} at offset {len(bom) + exc.start})"
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name!r} is not UTF-8 text (byte 0x00 at offset {nul}); {_nul_hint(data, name)}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name!r} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"convert it, e.g. {_iconv(_legacy_guess(data), name)}"
        ) from None
    head = text[:4000]
    first = _CONTROL.search(head)
    controls = 0 if first is None else len(_CONTROL.findall(head))
    if first is not None and controls >= 4 and controls > 0.05 * len(head):
        at = len(text[: first.start()].encode("utf-8"))
        raise InputError(
            f"{name!r} is not UTF-8 text (byte 0x{data[at]:02x} at offset {at}); {_nul_hint(data, name)}"
        )
    return text


#: C0 control characters that text files do not use (tab, newlines and form feed are fine).
_CONTROLS = frozenset(chr(c) for c in range(32)) - set("\t\n\r\f\v") | {"\x7f"}
_CONTROL = re.compile("[" + re.escape("".join(sorted(_CONTROLS))) + "]")


def _iconv(encoding: str, name: str) -> str:
    stem, ext = os.path.splitext(name)
    return f"iconv -f {encoding} -t UTF-8 {shlex.quote(name)} > {shlex.quote(stem + '.utf8' + ext)}"


def _nul_hint(data: bytes, name: str) -> str:
    """UTF-16 without a byte-order mark (it decodes to printable text), else binary."""
    codec = _utf16_guess(data)
    if codec:
        return f"it looks like UTF-16 without a byte-order mark: convert it, e.g. {_iconv(codec, name)}"
    return "it looks like a binary file, not text"


def _utf16_guess(data: bytes) -> str | None:
    """``UTF-16LE`` or ``UTF-16BE`` when the start of ``data`` reads in it as Latin, Cyrillic or Greek
    text (news in English, Ukrainian, Russian ...)."""
    head = data[: min(len(data), 4000) // 2 * 2]
    for codec in ("UTF-16LE", "UTF-16BE"):
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        plausible = sum(1 for ch in text if ch in "\t\n\r" or (ch.isprintable() and _is_european(ch)))
        if text and plausible >= 0.9 * len(text):
            return codec
    return None


def _is_european(ch: str) -> bool:
    return ord(ch) < 0x0530 or 0x2000 <= ord(ch) < 0x2070  # Latin, Greek, Cyrillic; punctuation


def _legacy_guess(data: bytes) -> str:
    """WINDOWS-1251 when most letters are high bytes (Cyrillic), else WINDOWS-1252 (Western)."""
    high = sum(1 for b in data[:20000] if b >= 0xC0)
    ascii_letters = sum(1 for b in data[:20000] if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    return "WINDOWS-1251" if high > ascii_letters else "WINDOWS-1252"
