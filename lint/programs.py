"""Regular expressions compiled once per machine, not once per process.

`regex` parses an expression in Python, about half a millisecond each: the fifty or so that checking
one small file needs cost 20 ms, an eighth of a pre-commit run on that file. A compiled pattern
pickles as its program (the library's own `copyreg` hook rebuilds it with `_regex.compile`, parsing
nothing), so the patterns a run compiles are kept in the user cache (lint.usercache) and a later
process rebuilds each one it needs from there, in microseconds.

Rebuilding needs only `regex`'s compiled half, the extension `regex._regex`, which is loaded here
on its own (2 ms). Importing the package would also run its Python half, the parser
`_regex_core`, and what it imports: 20 ms, an eighth of a pre-commit run. A run whose expressions
are all kept never imports that half; the first expression that is not kept imports it, and the
package then finds and uses the same extension.

The file is keyed by the version of Python and by the `regex` extension loaded (`ENGINE`), so an
upgrade starts a new one. It maps each expression and its flags to its program, pickled on its
own: a process reads the table, not the patterns it does not use. A program is read with an unpickler that can call nothing but
`_regex.compile`; a damaged, foreign or unreadable file, or entry, is ignored (the expression is
compiled as usual) and replaced at the next save. The folder is trusted as the prefilter's
database beside it is: what can write there can make plancheck match wrongly.
"""

from __future__ import annotations

import io
import os
import pickle
import re
import sys
from typing import TYPE_CHECKING

from . import usercache

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

    import regex

    Key = tuple[str, int]

MULTILINE = 0x8  # regex.MULTILINE, named here so that a rule can ask for it without the package

# kept programs beyond which a save keeps only those this process used: edits of a user's pack
# leave expressions that no pack holds any more, and nothing else would remove them
LIMIT = 2048
# files of other keys kept side by side in one cache folder: one per install of Python and `regex`
# that runs plancheck (a project's environment, pre-commit's, pipx's...), and the last upgrades
KEEP_FILES = 8

_kept: dict[Key, bytes] | None = None  # the file's table, read on the first compile
_compiled: dict[Key, regex.Pattern[str]] = {}  # what this process compiled or rebuilt
_fresh: set[Key] = set()  # compiled here, not in the file


def _extension() -> ModuleType:
    """`regex._regex`, loaded without running the package (the module docstring). Where `regex`
    is installed in a way this does not foresee, the package is imported as usual."""
    loaded = sys.modules.get("regex._regex")
    if loaded is not None:
        return loaded
    from importlib.machinery import PathFinder
    from importlib.util import find_spec, module_from_spec

    try:
        # where `import regex` would find it now, by every finder, without running it
        package = find_spec("regex")
        if not package.submodule_search_locations:
            raise ImportError("regex is not a package")
        spec = PathFinder.find_spec("regex._regex", package.submodule_search_locations)
        module = module_from_spec(spec)
        spec.loader.exec_module(module)
    except Exception:  # noqa: BLE001 - not the layout of a regex wheel: the usual import finds it
        from importlib import import_module

        return import_module("regex._regex")
    # where `import regex` will find it, so that the package and this module share one extension
    return sys.modules.setdefault("regex._regex", module)


def identity(extension: ModuleType) -> str:
    """What identifies a loaded `regex` extension: its file as it was when loaded, which an upgrade
    or a reinstall replaces. What compiles, and to what program, depends on it."""
    path = getattr(extension, "__file__", "")
    try:
        status = os.stat(path)
    except OSError:  # not a file (a frozen program): the magic number of its programs alone
        return f"{path} {extension.MAGIC}"
    return f"{path} {status.st_size} {status.st_mtime_ns} {extension.MAGIC}"


_REGEX = _extension()
# taken at load, not at each save: `pip install -U regex` under a running process replaces the file,
# and what this process compiled is still the old parser's
ENGINE = identity(_REGEX)


def _package() -> ModuleType:
    """The `regex` package, its parser with it: imported by the first expression not kept."""
    import regex

    if not hasattr(regex, "_regex"):
        # the import system sets a submodule on its package only when it loads it itself
        regex._regex = _REGEX
    return regex


def escape(text: str) -> str:
    """`text` as an expression that matches it literally, in place of `regex.escape`. The standard
    library's `re.escape` is loaded anyway and escapes the same metacharacters, with escapes that
    mean the same in `regex`. It leaves bare the whitespace `regex.escape` escapes beyond ASCII's
    (U+001C-001F, U+0085, U+00A0, U+2000-200A, U+3000...), which match themselves just as well:
    only a verbose expression would differ, and plancheck builds none. Hyperscan's translation
    (lint.prefilter) reads them better bare: escaped, they matched nothing there."""
    return re.escape(text)


def is_bad_expression(exc: BaseException) -> bool:
    """Whether `exc` is `regex.error`: only parsing raises it, so by then the package is loaded."""
    package = sys.modules.get("regex")
    return package is not None and isinstance(exc, package.error)


def _path() -> Path:
    return usercache.folder() / f"programs-{usercache.key(sys.version, ENGINE)}.pickle"


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
        pattern = _package().compile(source, flags)  # raises regex.error for a bad expression
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
            return _REGEX.compile
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
    # the only callable a program may name makes patterns, so anything else read is a plain value
    # (a string, a tuple...), which has no `pattern`
    return pattern if getattr(pattern, "pattern", None) == source else None
