"""Which files a run checks: paths given on the command line, walked with include/exclude."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .config import ConfigResolver, Settings, below, matches_any, relative_to


def _excluded(path: Path, resolver: ConfigResolver, walked: Path | None = None) -> bool:
    """Whether `path` is excluded. When walking a folder named on the command line, only the part of
    the path below that folder counts: naming an excluded folder checks it."""
    settings = resolver.for_path(path)
    relative = relative_to(path, settings.root)
    return matches_any(relative, settings.exclude, _skip(relative, _walked_relative(walked, settings)))


def _walked_relative(walked: Path | None, settings: Settings) -> str | None:
    return None if walked is None else relative_to(walked, settings.root)


def _skip(relative: str, walked_relative: str | None) -> int:
    """How many leading components of `relative` the folder being walked takes: they are not tested."""
    if walked_relative is not None and relative.startswith(walked_relative + "/") and walked_relative not in (".", ""):
        return walked_relative.count("/") + 1
    return 0


def discover(paths: list[Path], resolver: ConfigResolver, *, force_exclude: bool = False) -> Iterator[Path | str]:
    """Files to check, in a stable order. A path that does not exist is yielded as an error message.

    Paths named explicitly are checked even when excluded (so `plancheck examples/` works in a repo
    that excludes examples from its own runs), unless `force_exclude` (what the pre-commit hooks
    pass, since pre-commit names every staged file)."""
    seen: set[str] = set()
    for path in paths:
        if not path.exists():
            yield f"{path}: broken or looping symbolic link" if path.is_symlink() else f"{path}: no such file or directory"
            continue
        if force_exclude and _excluded(path, resolver):
            continue
        if path.is_dir():
            yield from _walk(path, resolver, seen)
        elif _key(path) not in seen:
            seen.add(_key(path))
            yield path


def _key(path: Path) -> str:
    # os.path.realpath, unlike Path.resolve, does not raise on a symbolic-link loop
    return os.path.realpath(path)


def _walk(root: Path, resolver: ConfigResolver, seen: set[str]) -> Iterator[Path]:
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(directory)
        dirnames[:] = sorted(d for d in dirnames if not _excluded(here / d, resolver, root))
        if not filenames:
            continue
        # what holds for every file of a folder is worked out once: its settings (the folder's),
        # its path relative to their root, its real path
        settings = resolver.for_path(here)
        folder = below(here, settings.root)
        walked = _walked_relative(root, settings)
        real = os.path.realpath(here)
        for name in sorted(filenames):
            path = here / name
            if folder is None:
                relative = path.as_posix()
            else:
                relative = name if folder == "." else f"{folder}/{name}"
            if matches_any(relative, settings.exclude, _skip(relative, walked)) or not matches_any(relative, settings.include):
                continue
            key = _key(path) if os.path.islink(path) else os.path.join(real, name)
            if key not in seen:
                seen.add(key)
                yield path
