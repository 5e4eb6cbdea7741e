"""One TOML reader for packs and configuration (tomllib, or tomli before Python 3.11)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import usercache

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
    # imported here: a run with its packs and configuration already parsed (kept as JSON) never
    # reads TOML
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


def load_once(path: Path) -> dict[str, Any]:
    """The TOML at `path`, parsed once per content. Parsing is pure Python (tomllib and its
    expressions cost some 20 ms to load) and every run reads its configuration, so what was parsed
    is kept as JSON in the user's cache folder."""
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise TomlError(f"{path}: cannot read: {exc.strerror}") from None
    kept = usercache.folder() / "toml" / f"parsed-{usercache.key(hashlib.sha256(content).hexdigest())}.json"
    try:
        data = json.loads(kept.read_bytes())
        usercache.used(kept)
        return data
    except OSError:
        pass
    except ValueError:
        usercache.discard(kept)  # damaged: made anew
    data = parse(content, path)
    try:
        dumped = json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError):  # a TOML date has no JSON form: such a file is parsed each time
        return data
    usercache.build_once(kept, lambda temporary: Path(temporary).write_bytes(dumped), keep=64)
    return data
