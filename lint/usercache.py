"""Files plancheck derives once per machine and keeps in the user's cache folder
(`$XDG_CACHE_HOME/plancheck`, else `~/.cache/plancheck`): data that costs seconds to build and
milliseconds to read, such as the dictionary index of split-word and the prefilter database."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "plancheck"


def key(*parts: str) -> str:
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def discard(target: Path) -> None:
    """Remove a damaged file, so that the next `build_once` makes it anew."""
    try:
        target.unlink()
    except OSError:
        pass


def build_once(target: Path, write: Callable[[str], None]) -> bool:
    """Make `target` by `write(temporary path)` unless it exists; False when the folder cannot be
    written. The file is built aside and renamed into place, so a concurrent run sees no file or
    a whole one."""
    if target.is_file():
        return True
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".tmp")
        os.close(fd)
    except OSError:
        return False
    try:
        write(temporary)
        os.replace(temporary, target)
        return True
    except OSError:
        return False
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
