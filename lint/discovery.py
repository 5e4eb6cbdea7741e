"""Which files a run checks: paths given on the command line, walked with include/exclude."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .config import ConfigResolver, matches, relative_to


def _excluded(path: Path, resolver: ConfigResolver, below: Path | None = None) -> bool:
    """Whether `path` is excluded. When walking a folder named on the command line, only the part of
    the path below that folder counts: naming an excluded folder checks it."""
    settings = resolver.for_path(path)
    relative = relative_to(path, settings.root)
    skip = 0
    if below is not None:
        root_relative = relative_to(below, settings.root)
        if relative.startswith(root_relative + "/") and root_relative not in (".", ""):
            skip = root_relative.count("/") + 1
    return any(matches(relative, p, skip) for p in settings.exclude)


def _included(path: Path, resolver: ConfigResolver) -> bool:
    settings = resolver.for_path(path)
    return any(matches(relative_to(path, settings.root), p) for p in settings.include)


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
        for name in sorted(filenames):
            path = here / name
            if _excluded(path, resolver, root) or not _included(path, resolver):
                continue
            key = _key(path)
            if key not in seen:
                seen.add(key)
                yield path
