"""One TOML reader for packs and configuration (tomllib, or tomli before Python 3.11)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from . import usercache

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without loading typing (5 ms)
if TYPE_CHECKING:
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


def load_once(path: Path) -> tuple[dict[str, Any], str]:
    """The TOML at `path`, parsed once per content, and the SHA-256 of its bytes. Parsing is pure
    Python (tomllib and its expressions cost some 20 ms to load) and every run reads the
    configuration and packs, so what was parsed is kept as JSON in the user's cache folder."""
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise TomlError(f"{path}: cannot read: {exc.strerror}") from None
    digest = hashlib.sha256(content).hexdigest()
    kept = usercache.folder() / "toml" / f"parsed-{usercache.key(digest)}.json"
    try:
        data = json.loads(kept.read_bytes())
        usercache.used(kept)
        return data, digest
    except OSError:
        pass
    except ValueError:
        usercache.discard(kept)  # damaged: made anew
    data = load(path)
    try:
        dumped = json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError):  # a TOML date has no JSON form: such a file is parsed each time
        return data, digest
    usercache.build_once(kept, lambda temporary: Path(temporary).write_bytes(dumped), keep=64)
    return data, digest
