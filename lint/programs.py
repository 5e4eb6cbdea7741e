"""Regular expressions compiled once per machine, not once per process.

`regex` parses an expression in Python, about half a millisecond each: the fifty or so that checking
one small file needs cost 20 ms, an eighth of a pre-commit run on that file. A compiled pattern
pickles as its program (the library's own `copyreg` hook rebuilds it with `_regex.compile`, parsing
nothing), so the patterns a run compiles are kept in the user cache (lint.usercache) and a later
process rebuilds each one it needs from there, in microseconds.

The file is keyed by the versions of Python and `regex`, so an upgrade starts a new one. It maps
each expression and its flags to its program, pickled on its own: a process reads the table, not
the patterns it does not use. A program is read with an unpickler that can call nothing but
`_regex.compile`; a damaged, foreign or unreadable file, or entry, is ignored (the expression is
compiled as usual) and replaced at the next save. The folder is trusted as the prefilter's
database beside it is: what can write there can make plancheck match wrongly.
"""

from __future__ import annotations

import io
import pickle
import sys

import regex

from . import usercache

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without loading typing (5 ms)
if TYPE_CHECKING:
    from pathlib import Path

    Key = tuple[str, int]

# kept programs beyond which a save keeps only those this process used: edits of a user's pack
# leave expressions that no pack holds any more, and nothing else would remove them
LIMIT = 2048
KEEP_FILES = 2  # of other versions of Python or `regex`, side by side in one cache folder

_kept: dict[Key, bytes] | None = None  # the file's table, read on the first compile
_compiled: dict[Key, regex.Pattern[str]] = {}  # what this process compiled or rebuilt
_fresh: set[Key] = set()  # compiled here, not in the file


def _path() -> Path:
    return usercache.folder() / f"programs-{usercache.key(sys.version, regex.__version__)}.pickle"


def compile(source: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 - as regex.compile
    """`regex.compile(source, flags)`, rebuilt from its kept program when there is one."""
    global _kept
    key = (source, int(flags))
    pattern = _compiled.get(key)
    if pattern is not None:
        return pattern
    if _kept is None:
        _kept = _read(_path())
    program = _kept.get(key)
    pattern = _rebuilt(program, source) if program is not None else None
    if pattern is None:
        pattern = regex.compile(source, flags)  # raises regex.error for a bad expression
        _fresh.add(key)
    _compiled[key] = pattern
    return pattern


def save() -> None:
    """Keep the programs compiled so far, with those another process kept meanwhile. A no-op when
    every pattern came from the file; the last of two concurrent saves wins, and what it lacks is
    compiled and kept again by a later run. A folder that cannot be written is left alone."""
    if not _fresh:
        return
    target = _path()
    kept = {**_read(target), **{key: pickle.dumps(_compiled[key], protocol=pickle.HIGHEST_PROTOCOL) for key in _fresh}}
    if len(kept) > LIMIT:
        kept = {key: kept[key] for key in _compiled if key in kept}

    def write(temporary: str) -> None:
        with open(temporary, "wb") as stream:
            pickle.dump(kept, stream, protocol=pickle.HIGHEST_PROTOCOL)

    if usercache.replace(target, write, keep=KEEP_FILES):
        _fresh.clear()


class _NothingCallable(pickle.Unpickler):
    # the table holds strings, numbers and bytes only: it may name no callable at all
    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"{module}.{name} in a table of programs")


class _PatternsOnly(pickle.Unpickler):
    # a program is data: the only callable it may name is the one that rebuilds a pattern
    def find_class(self, module: str, name: str):
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a pattern")


def _read(path: Path) -> dict[Key, bytes]:
    try:
        with open(path, "rb") as stream:
            table = _NothingCallable(stream).load()
        if isinstance(table, dict) and all(_is_entry(key, program) for key, program in table.items()):
            return table
    except Exception:  # noqa: BLE001 - missing, damaged, truncated or foreign: compiled anew and replaced
        pass
    return {}


def _is_entry(key: object, program: object) -> bool:
    return type(key) is tuple and len(key) == 2 and type(key[0]) is str and type(key[1]) is int and type(program) is bytes


def _rebuilt(program: bytes, source: str) -> regex.Pattern[str] | None:
    try:
        pattern = _PatternsOnly(io.BytesIO(program)).load()
    except Exception:  # noqa: BLE001 - a damaged entry: compiled anew
        return None
    return pattern if isinstance(pattern, regex.Pattern) and pattern.pattern == source else None
