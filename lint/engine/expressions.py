"""Every regular expression the engine matches with, compiled through one place.

`regex` parses an expression in Python (about half a millisecond each, and 20 ms to import its
parser): the fifty or so that checking one small file needs would be an eighth of a pre-commit
run. A compiled pattern is data (`Pattern._pickled_data`: its source, flags and program), and the
extension `regex._regex` rebuilds a pattern from it without parsing anything. So the programs of
every expression of the rule set are made once, kept with the compiled rule set (lint.packs.compiled,
which seals them against tampering) and `install`ed here; `compile` rebuilds from them, in
microseconds, and parses only what it was not given.

A run whose expressions are all given loads only the extension (2 ms), not the package: importing
`regex` would also run its parser `_regex_core` and what it imports. The first expression not
given imports the package, which then uses the same extension.

Nothing here reads or writes a file: what is installed comes from the caller.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any

    import regex

    Key = tuple[str, int]

MULTILINE = 0x8  # regex.MULTILINE, named here so that a rule can ask for it without the package

_programs: dict[Key, tuple] = {}  # installed programs, by source and flags
_compiled: dict[Key, regex.Pattern[str]] = {}  # what this process compiled or rebuilt
_made: set[Key] = set()  # every expression a LazyPattern was made for: what a rule set keeps programs of


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


_REGEX = _extension()


def extension() -> ModuleType:
    """The `regex` extension this process compiles with."""
    return _REGEX


def _package() -> ModuleType:
    """The `regex` package, its parser with it: imported by the first expression not given."""
    import regex

    if not hasattr(regex, "_regex"):
        # the import system sets a submodule on its package only when it loads it itself
        regex._regex = _REGEX
    return regex


def compile(source: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 - as regex.compile
    """`regex.compile(source, flags)`, rebuilt from its installed program when there is one."""
    key = (source, int(flags))
    pattern = _compiled.get(key)
    if pattern is None:
        program = _programs.get(key)
        pattern = _REGEX.compile(*program) if program is not None else _package().compile(source, flags)
        _compiled[key] = pattern
    return pattern


def programs() -> dict[Key, tuple]:
    """The program of every expression made so far (a LazyPattern each), for a compiled rule set to
    keep; one that does not compile is left out (its rule's pack was refused)."""
    out = {}
    for source, flags in sorted(_made):
        try:
            out[(source, flags)] = program_of(compile(source, flags))
        except Exception as exc:  # noqa: BLE001 - only regex.error, known once the package is loaded
            if not is_bad_expression(exc):
                raise
    return out


def install(programs: dict[Key, tuple]) -> None:
    """Take the programs of a compiled rule set (lint.packs.compiled), as `program_of` made them."""
    _programs.update(programs)


def program_of(pattern: regex.Pattern[str]) -> tuple:
    """What `compile` rebuilds `pattern` from."""
    return pattern._pickled_data


def alternatives(items: list[str]) -> str:
    """One expression matching any of `items`: a list where a pack has an expression is its alternatives."""
    return "(?:" + "|".join(items) + ")"


def escape(text: str) -> str:
    """`text` as an expression that matches it literally, in place of `regex.escape`. The standard
    library's `re.escape` is loaded anyway and escapes the same metacharacters, with escapes that
    mean the same in `regex`. It leaves bare the whitespace `regex.escape` escapes beyond ASCII's
    (U+001C-001F, U+0085, U+00A0, U+2000-200A, U+3000...), which match themselves just as well:
    only a verbose expression would differ, and plancheck builds none. Hyperscan's translation
    (lint.engine.prefilter) reads them better bare: escaped, they matched nothing there."""
    return re.escape(text)


def is_bad_expression(exc: BaseException) -> bool:
    """Whether `exc` is `regex.error`: only parsing raises it, so by then the package is loaded."""
    package = sys.modules.get("regex")
    return package is not None and isinstance(exc, package.error)


class LazyPattern:
    """A regular expression compiled on first use, then used as the compiled pattern itself.

    Loading the rules must not cost the compilation of every rule's expressions, nor importing a
    module the compilation of its own: on most files most rules never run, and `compile` can
    rebuild only what was installed before. The packs that come with plancheck are checked by the
    test suite; a user's pack is checked when its rule set is compiled (`check`), so a typo still
    fails there, with its file and rule.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        _made.add((source, int(flags)))

    def compiled(self) -> regex.Pattern[str]:
        try:
            return self.__dict__["_compiled"]
        except KeyError:
            compiled = self.__dict__["_compiled"] = compile(self.source, self.flags)
            return compiled

    def check(self) -> None:
        """Raise ValueError, with regex's message, for an expression that does not compile."""
        try:
            self.compiled()
        except Exception as exc:
            if not is_bad_expression(exc):
                raise
            raise ValueError(f"invalid regular expression: {exc}") from None

    def __getattr__(self, name: str) -> Any:
        # only reached for what the instance lacks: the compiled pattern's methods, which are
        # then kept on the instance so that later calls cost no more than on the pattern
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.source, self.flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.source!r})"
