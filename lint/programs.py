"""Regular expressions compiled once per machine, not once per process.

`regex` parses an expression in Python, about half a millisecond each: the fifty or so that checking
one small file needs cost 20 ms, an eighth of a pre-commit run on that file. A compiled pattern
pickles as its program (the library's own `copyreg` hook rebuilds it with `_regex.compile`, parsing
nothing), so the patterns a run compiles are kept in the user cache (lint.usercache) and the next
process loads them all in about a millisecond.

The file is keyed by the versions of Python and `regex`, so an upgrade starts a new one. It is read
with an unpickler that rebuilds patterns and nothing else; a damaged or foreign file is ignored
and replaced at the next save.
"""

from __future__ import annotations

import sys

import regex

from . import usercache

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without loading typing (5 ms)
if TYPE_CHECKING:
    from pathlib import Path

# kept patterns beyond which a save keeps only those this process used: edits of a user's pack
# leave expressions that no pack holds any more, and nothing else would remove them
LIMIT = 4096

_known: dict[tuple[str, int], regex.Pattern[str]] | None = None  # read on the first compile
_used: set[tuple[str, int]] = set()
_fresh = False  # whether this process compiled a pattern the file lacks


def _path() -> Path:
    return usercache.folder() / f"programs-{usercache.key(sys.version, regex.__version__)}.pickle"


def compile(source: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 - as regex.compile
    """`regex.compile(source, flags)`, taken from the kept programs when it is among them."""
    global _known, _fresh
    if _known is None:
        _known = _read(_path())
    key = (source, int(flags))
    _used.add(key)
    try:
        return _known[key]
    except KeyError:
        pattern = _known[key] = regex.compile(source, flags)
        _fresh = True
        return pattern


def save() -> None:
    """Keep the patterns compiled so far, with those another process kept meanwhile. A no-op when
    every pattern came from the file; the last of two concurrent saves wins, and what it lacks is
    compiled and kept again by a later run."""
    global _fresh
    if not _fresh or _known is None:
        return
    target = _path()
    kept = {**_read(target), **_known}
    if len(kept) > LIMIT:
        kept = {key: kept[key] for key in _used}

    def write(temporary: str) -> None:
        import pickle

        with open(temporary, "wb") as stream:
            pickle.dump(kept, stream, protocol=pickle.HIGHEST_PROTOCOL)

    if usercache.replace(target, write):
        _fresh = False


def _read(path: Path) -> dict[tuple[str, int], regex.Pattern[str]]:
    import pickle

    class _PatternsOnly(pickle.Unpickler):
        # a cache file is data: the only callable it may name is the one that rebuilds a pattern
        def find_class(self, module: str, name: str):
            if (module, name) == ("regex._regex", "compile"):
                return super().find_class(module, name)
            raise pickle.UnpicklingError(f"{module}.{name} is not a pattern")

    try:
        with open(path, "rb") as stream:
            kept = _PatternsOnly(stream).load()
    except FileNotFoundError:
        return {}
    except Exception:  # noqa: BLE001 - damaged, truncated or foreign: compiled anew and replaced
        return {}
    if not isinstance(kept, dict) or not all(
        isinstance(key, tuple) and isinstance(pattern, regex.Pattern) and pattern.pattern == key[0] for key, pattern in kept.items()
    ):
        return {}
    return kept
