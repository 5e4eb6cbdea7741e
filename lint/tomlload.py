"""One TOML reader for packs and configuration (tomllib, or tomli before Python 3.11)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


class TomlError(ValueError):
    pass


def load(path: Path) -> dict[str, Any]:
    # imported here: a run with its packs already parsed (lint.packs keeps them as JSON) and no
    # configuration file never reads TOML
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise TomlError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise TomlError(f"{path}: cannot read: {exc.strerror}") from None
