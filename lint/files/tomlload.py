"""One TOML reader for packs and configuration (tomllib, or tomli before Python 3.11)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


class TomlError(ValueError):
    pass


def load(path: Path) -> dict[str, Any]:
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise TomlError(f"{path}: cannot read: {exc.strerror}") from None
    return parse(content, path)


def parse(content: bytes, path: Path) -> dict[str, Any]:
    """The TOML of `content`, read from `path` (parse the bytes that were hashed, never the file
    again: it may have been saved in between)."""
    # imported here: a run whose rule set is kept (lint.packs.compiled) and that has no configuration
    # file reads no TOML
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        return tomllib.loads(content.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise TomlError(f"{path}: invalid TOML: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise TomlError(f"{path}: invalid TOML: {exc}") from None
