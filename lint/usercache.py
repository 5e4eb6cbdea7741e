"""Files plancheck derives once per machine and keeps in the user's cache folder
(`$XDG_CACHE_HOME/plancheck`, else `~/.cache/plancheck`): data that costs seconds to build and
milliseconds to read, such as the dictionary index of split-word and the prefilter database."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from . import files


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


def used(target: Path) -> bool:
    """Whether `target` exists; it is then marked as used now, the last of its family to go."""
    try:
        # the access time says when it was last used (set here, whatever the mount's atime
        # policy); the modification time stays when it was built
        os.utime(target, ns=(time.time_ns(), target.stat().st_mtime_ns))
    except FileNotFoundError:
        return False
    except OSError:
        return target.is_file()  # a read-only cache folder: nothing is pruned there either
    return target.is_file()


def build_once(target: Path, write: Callable[[str], None], keep: int) -> bool:
    """Make `target` by `write(temporary path)` unless it exists; False when the folder cannot be
    written."""
    return used(target) or replace(target, write, keep)


def replace(target: Path, write: Callable[[str], None], keep: int) -> bool:
    """(Re)make `target` by `write(temporary path)` (files.replace_aside); False when the folder
    cannot be written. Files of its family (the same name up to the first "-") are kept to the
    `keep` most recently used: each edit of a pack makes new ones, and nothing else would remove
    them."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        files.replace_aside(target, write)
    except OSError:
        return False
    _prune(target, keep)
    return True


def _prune(target: Path, keep: int) -> None:
    family = target.name.split("-", 1)[0]
    try:
        found = sorted(target.parent.glob(f"{family}-*"), key=lambda p: p.stat().st_atime_ns, reverse=True)
    except OSError:  # a file removed by a concurrent run while sorting
        return
    for old in found[keep:]:
        discard(old)
