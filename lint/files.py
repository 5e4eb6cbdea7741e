"""File I/O at the edge: decoding with the BOM remembered, and atomic writes that keep the mode."""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"


class InputError(Exception):
    """A file that cannot be read as text; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Source:
    text: str
    bom: bool = False


def decode(data: bytes, name: str) -> Source:
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes); skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); skipped") from None
    if text.startswith(BOM):
        return Source(text[1:], bom=True)
    return Source(text)


def encode(source: Source) -> bytes:
    return ((BOM if source.bom else "") + source.text).encode("utf-8")


def read(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, str(path))


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same directory, fsync, then replace: a crash leaves the
    old file or the new one, never a truncated one. The file's mode is kept."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".plancheck-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
