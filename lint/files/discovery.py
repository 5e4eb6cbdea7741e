"""Which files a run checks: paths given on the command line, walked with include/exclude.

The tree may be a stranger's (a CI gate on a pull request): only regular files are checked, and
only inside the tree. A walk never follows a symbolic link (a link to a file of the tree is that
file, checked as itself; one that points outside is reported and skipped), and a FIFO, a device or
a socket is reported and skipped, never opened. A path named on the command line that goes through
a link (itself, or a folder on its way) is read only when it leads inside the current folder.

plancheck's own temporary files (`.NAME.XXXXXXXX.plancheck-tmp`, beside a file being fixed) are
never documents: a walk removes those a killed run left (`lint.files.io.remove_left_over` says
which) and passes over the others."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

from lint.config.settings import ConfigResolver, Settings, below, matches_any, relative_to
from lint.files.io import is_temporary, remove_left_over, shown


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


class Excluded(str):
    """A notice that exclude left a path out (listed by a strict gate), not an error."""


def discover(
    paths: list[Path], resolver: ConfigResolver, *, force_exclude: bool = False, list_excluded: bool = False
) -> Iterator[Path | str]:
    """Files to check, in a stable order. A path that does not exist is yielded as an error message.

    Paths named explicitly are checked even when excluded (so `plancheck examples/` works in a repo
    that excludes examples from its own runs), unless `force_exclude` (what the pre-commit hooks
    pass, since pre-commit names every staged file). `list_excluded`: an Excluded notice for each
    file or folder exclude leaves out of a walk (a strict gate shows what it did not check)."""
    seen: set[str] = set()
    here = os.path.realpath(os.getcwd())
    started = time.time()  # a temporary file written since is a live run's
    for path in paths:
        if is_temporary(path.name):
            yield f"{shown(path)}: a temporary file of plancheck's; not checked"
            continue
        if not path.exists():
            yield f"{shown(path)}: broken or looping symbolic link" if path.is_symlink() else f"{shown(path)}: no such file or directory"
            continue
        if force_exclude and _excluded(path, resolver):
            continue
        if _key(path) != os.path.abspath(path) and not _inside(_key(path), here):
            # the path itself, or a folder on the way to it, is a link that leads out of the tree
            yield f"{shown(path)}: symbolic link to a file outside the current folder; skipped"
        elif path.is_dir():
            yield from _walk(path, resolver, seen, os.path.realpath(path), list_excluded, started)
        elif not path.is_file():
            yield f"{shown(path)}: not a regular file (a FIFO, device or socket); skipped"
        elif _key(path) not in seen:
            seen.add(_key(path))
            yield path


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _key(path: Path) -> str:
    # os.path.realpath, unlike Path.resolve, does not raise on a symbolic-link loop
    return os.path.realpath(path)


def _walk(
    root: Path, resolver: ConfigResolver, seen: set[str], real_root: str, listed: bool, started: float, directory: str | None = None
) -> Iterator[Path | str]:
    """The files below `root` (walking `directory`, a folder under it), a folder's files before
    its subfolders', each sorted by name, and a message for each entry skipped that could be
    mistaken for one (the module docstring). A folder that cannot be read is passed over, as
    os.walk does. With os.scandir, whose entries know whether they are folders or links without
    another system call per file."""
    directory = os.fspath(root) if directory is None else directory
    try:
        with os.scandir(directory) as found:
            entries = sorted(found, key=lambda entry: entry.name)
    except OSError:
        return
    folders, names = [], []
    for entry in entries:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        (folders if is_folder else names).append(entry)
    here = Path(directory)
    if names:
        # what holds for every file of a folder is worked out once: its settings (the folder's),
        # its path relative to their root, its real path
        settings = resolver.for_path(here)
        folder = below(here, settings.root)
        walked = _walked_relative(root, settings)
        real = os.path.realpath(directory)
        for entry in names:
            name = entry.name
            if is_temporary(name):
                if listed:  # a strict gate writes nothing in the tree it judges: it says what it left
                    yield Excluded(f"{shown(entry.path)}: a temporary file of plancheck's; not checked")
                else:
                    remove_left_over(entry.path, started)
                continue
            if folder is None:
                relative = (here / name).as_posix()
            else:
                relative = name if folder == "." else f"{folder}/{name}"
            if matches_any(relative, settings.exclude, _skip(relative, walked)):
                if listed:
                    yield Excluded(f"{shown(entry.path)}: excluded; not checked")
                continue
            if not matches_any(relative, settings.include, ignore_case=True):
                continue
            if entry.is_symlink():
                if not _inside(_key(Path(entry.path)), real_root):
                    yield f"{shown(entry.path)}: symbolic link to a file outside {shown(root)}; skipped"
                continue  # inside: the file it points to is checked as itself
            if not entry.is_file(follow_symlinks=False):
                yield f"{shown(entry.path)}: not a regular file (a FIFO, device or socket); skipped"
                continue
            key = os.path.join(real, name)
            if key not in seen:
                seen.add(key)
                yield Path(entry.path)
    for entry in folders:
        if entry.is_symlink():
            continue
        if _excluded(here / entry.name, resolver, root):
            if listed and entry.name != ".git":
                yield Excluded(f"{shown(entry.path)}/: excluded; not checked")
            continue
        yield from _walk(root, resolver, seen, real_root, listed, started, entry.path)
