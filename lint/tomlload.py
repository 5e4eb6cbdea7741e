"""One TOML reader for packs and configuration (tomllib, or tomli before Python 3.11)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


class TomlError(ValueError):
    pass


def load(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise TomlError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise TomlError(f"{path}: cannot read: {exc.strerror}") from None
