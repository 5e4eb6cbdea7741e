"""The compiled rule set, kept once per machine: the one speed trick of loading rules.

Parsing the packs (TOML, in pure Python), checking them and compiling their expressions (`regex`
parses each in Python) costs a run more than checking a small file; the prefilter's Hyperscan
database takes seconds to build. So all of it is made once for the packs' bytes and plancheck's
own code (`code_identity`), and kept in the user's cache folder under one digest:
- `ruleset-KEY`: every pack's rule tables, checked, and the program of every expression the
  rules and the engine use (lint.engine.expressions), as one `marshal`led value;
- `ruleset-KEY-PREFILTER.hsdb`: the prefilter's databases, made when a text first needs them
  (PREFILTER digests the expressions in Hyperscan's dialect and the hyperscan version).
Both are sealed (lint.files.usercache): a damaged, truncated or foreign file is never used, only made
anew, so nothing read there can crash a run, hang it or change a finding. Selecting rules,
severities and ignores happens in memory, from the whole rule set.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lint.engine import expressions
from lint.files import usercache

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

FORMAT = "1"
KEEP = 16  # rule sets kept side by side: one per combination of packs and install in use


def engine_identity() -> str:
    """What identifies the `regex` extension loaded: what compiles, and to what program, depends on it."""
    extension = expressions.extension()
    path = getattr(extension, "__file__", "")
    try:
        status = os.stat(path)
    except OSError:  # not a file (a frozen program): the magic number of its programs alone
        return f"{path} {extension.MAGIC}"
    return f"{path} {status.st_size} {status.st_mtime_ns} {extension.MAGIC}"


@lru_cache(maxsize=1)
def code_identity() -> str:
    """A digest of what decides how rules are compiled and what they find: plancheck's own source,
    the Python that runs it and the `regex` extension loaded. An edited checkout is another code."""
    h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{engine_identity()}".encode())
    package = Path(__file__).resolve().parents[1]  # lint/
    # every run asks this (the results cache keys on it): strings and os.walk, not pathlib's rglob
    sources = sorted(
        os.path.join(folder, name)[len(str(package)) + 1 :]
        for folder, _, names in os.walk(package)
        for name in names
        if name.endswith(".py")
    )
    for relative in sources:
        h.update(relative.encode())
        h.update(b"\0")
        try:
            h.update((package / relative).read_bytes())
        except OSError:
            h.update(b"unreadable")
    return h.hexdigest()


class Kept:
    """Where a rule set's compiled parts are kept: what a RuleSet carries, so that the engine can
    keep its prefilter without knowing about files."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key

    def __reduce__(self) -> tuple:
        return Kept, (self.key,)

    def prefilter(self, identity: str, build: Callable[[], bytes]) -> bytes:
        """The prefilter databases of `identity`, as kept, or else built by `build()` and kept."""
        target = usercache.folder() / f"ruleset-{self.key}-{usercache.key(identity)}.hsdb"
        found = usercache.read_sealed(target)
        if found is None:
            found = build()
            usercache.write_sealed(target, found, keep=KEEP)
        return found


def key_of(digests: list[str]) -> str:
    return usercache.key(code_identity(), *digests)


def read(key: str) -> list[list[dict[str, Any]]] | None:
    """The rule tables of each pack of the rule set `key`, with its programs installed; None when
    it is not kept (or not intact)."""
    payload = usercache.read_sealed(usercache.folder() / f"ruleset-{key}")
    if payload is None:
        return None
    try:
        value = marshal.loads(payload)
        tables, programs = value["tables"], value["programs"]
    except (ValueError, EOFError, TypeError, KeyError):  # sealed by this code, so never: but not a crash
        return None
    expressions.install(programs)
    return tables


def write(key: str, tables: list[list[dict[str, Any]]]) -> None:
    """Keep the (checked) rule tables of the rule set `key` with the programs of every expression
    made so far. A table that marshal cannot hold (a TOML date) keeps nothing: that rule set is
    compiled in each run."""
    programs = expressions.programs()
    try:
        payload = marshal.dumps({"tables": tables, "programs": programs})
    except ValueError:
        return
    usercache.write_sealed(usercache.folder() / f"ruleset-{key}", payload, keep=KEEP)
    expressions.install(programs)
