"""A results cache: the findings of a text under a rule set, kept in `.plancheck_cache/`.

An entry is keyed by the bytes of the file, the identity of the rule set (plancheck's version,
the bytes of every pack, the selected rules and their severities, the rule time limit) and the
mode; so an unchanged file under unchanged rules is never checked twice, and a changed pack,
configuration or version misses exactly the entries it affects. Entries are JSON (never pickle:
a cache is not trusted code), written to a temporary file and renamed, so parallel workers and
concurrent runs never see half an entry; a corrupt entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from . import __version__
from .model import Applicability, Edit, Finding, Fix, Severity
from .packs import RuleSet

CACHE_DIR = ".plancheck_cache"
FORMAT = 1


def rules_identity(rules: RuleSet, timeout: float | None) -> str:
    """A digest of everything about a rule set that can change a finding."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{__version__}|{FORMAT}|{timeout}".encode())
    for source in sorted({r.source for r in rules}):
        h.update(source.encode())
        h.update(Path(source).read_bytes())
    for rule in rules:
        h.update(f"|{rule.id}:{int(rule.severity)}".encode())
    return h.hexdigest()


def _finding_to_json(f: Finding) -> dict:
    fix = None
    if f.fix is not None:
        fix = [str(f.fix.applicability), f.fix.message, [[e.start, e.end, e.content] for e in f.fix.edits]]
    return {"r": f.rule, "n": f.name, "c": f.category, "s": int(f.severity), "m": f.message, "a": f.start, "b": f.end, "f": fix}


def _finding_from_json(d: dict) -> Finding:
    fix = None
    if d["f"] is not None:
        applicability, message, edits = d["f"]
        fix = Fix(tuple(Edit(*e) for e in edits), Applicability(applicability), message)
    return Finding(d["r"], d["n"], d["c"], Severity(d["s"]), d["m"], d["a"], d["b"], fix)


class ResultCache:
    def __init__(self, root: Path) -> None:
        self.directory = root / CACHE_DIR

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key[2:]

    @staticmethod
    def key(digest: bytes, identity: str, mode: str) -> str:
        """The entry for a file whose bytes have `digest` (lint.files.digest)."""
        h = hashlib.blake2b(digest_size=20)
        h.update(identity.encode())
        h.update(mode.encode())
        h.update(digest)
        return h.hexdigest()

    def get(self, key: str) -> list[Finding] | None:
        try:
            with open(self._path(key), encoding="utf-8") as handle:
                return [_finding_from_json(d) for d in json.load(handle)]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, findings: list[Finding]) -> None:
        path = self._path(key)
        try:
            self._ensure_directory()
            path.parent.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump([_finding_to_json(f) for f in findings], handle, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _ensure_directory(self) -> None:
        if not self.directory.is_dir():
            self.directory.mkdir(parents=True, exist_ok=True)
            # keep the cache out of the user's commits without touching their .gitignore
            (self.directory / ".gitignore").write_text("# created by plancheck\n*\n", encoding="utf-8")


def clean(root: Path) -> bool:
    """Delete the cache under `root`; True if there was one."""
    directory = root / CACHE_DIR
    if not directory.is_dir():
        return False
    shutil.rmtree(directory)
    return True
