"""A results cache: the findings of a text under a rule set, kept in `.plancheck_cache/`.

An entry is keyed by the bytes of the file, the identity of the rule set (plancheck's code, the
bytes of every pack, the selected rules and their severities, the rule time limit) and the
mode; so an unchanged file under unchanged rules is never checked twice, and a changed pack,
configuration or version misses exactly the entries it affects. Entries are JSON (never pickle:
a cache is not trusted code), written to a temporary file and renamed, so parallel workers and
concurrent runs never see half an entry; a corrupt entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from lint.files import io as files
from lint.files import usercache
from lint.model import Applicability, Edit, Finding, Fix, Severity
from lint.output.human import Kind, count_kinds
from lint.packs import compiled
from lint.packs.load import RuleSet

CACHE_DIR = ".plancheck_cache"
FORMAT = 3


def rules_identity(rules: RuleSet, timeout: float | None) -> str:
    """A digest of everything about a rule set that can change a finding."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{compiled.code_identity()}|{FORMAT}|{timeout}".encode())
    if rules.kept is not None:
        # every pack loaded, selected or not: directives are read against all of their rules
        h.update(f"|packs:{rules.kept.key}".encode())
    for source, digest in sorted({(r.source, r.pack_digest) for r in rules}):
        h.update(f"{source}|{digest}".encode())  # the bytes its rules were read from
    for rule in rules:
        h.update(f"|{rule.id}:{int(rule.severity)}".encode())
    return h.hexdigest()


def _row(f: Finding) -> list:
    fix = None
    if f.fix is not None:
        fix = [f.fix.applicability.value, f.fix.message, [[e.start, e.end, e.content] for e in f.fix.edits]]
    return [f.rule, f.name, f.category, int(f.severity), f.message, f.start, f.end, fix]


_SEVERITIES = {int(s): s for s in Severity}
_APPLICABILITIES = {a.value: a for a in Applicability}


def _finding(row: list) -> Finding:
    rule, name, category, severity, message, start, end, fix = row
    if fix is not None:
        applicability, fix_message, edits = fix
        fix = Fix(tuple(Edit(*e) for e in edits), _APPLICABILITIES[applicability], fix_message)
    return Finding(rule, name, category, _SEVERITIES[severity], message, start, end, fix)


def kinds_of(rows: list) -> dict[Kind, int]:
    """Counts by kind from the rows an entry keeps them in; ValueError or TypeError for rows that
    are not such."""
    return {(r, n, c, s, a): count for r, n, c, s, a, count in rows}


class ResultCache:
    """Entries are two lines of JSON: the counts of the findings by kind (lint.output.human.Kind), then
    the findings, sealed (lint.files.usercache) under the per-machine secret. The folder lies in the
    tree, which may be a stranger's: an entry planted there (`[]` under a predictable key, to make a
    gate pass) fails its seal and is a miss, and a cache folder that is a symbolic link is not used."""

    def __init__(self, root: Path) -> None:
        self.directory = root / CACHE_DIR
        self._prefix = os.path.join(self.directory, "")

    def _path(self, key: str) -> str:
        return f"{self._prefix}{key[:2]}{os.sep}{key[2:]}"  # not pathlib nor os.path.join: this runs for every file

    @staticmethod
    def key(digest: bytes, identity: str, mode: str) -> str:
        """The entry for a file whose bytes have `digest` (lint.files.io.digest)."""
        h = hashlib.blake2b(digest_size=20)
        h.update(identity.encode())
        h.update(mode.encode())
        h.update(digest)
        return h.hexdigest()

    def lookup(self, key: str, *, findings: bool = True) -> tuple[dict[Kind, int], list[Finding] | None] | None:
        """The counts by kind and (when asked for) the findings of an entry; None for a miss."""
        if os.path.islink(self.directory):
            return None
        try:
            data = files.read_kept(self._path(key))
            payload = usercache.unseal(data) if data is not None else None
            if payload is None:
                return None
            counts_line, _, rows_line = payload.partition(b"\n")
            counts = kinds_of(json.loads(counts_line))
            return counts, [_finding(row) for row in json.loads(rows_line)] if findings else None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def get(self, key: str) -> list[Finding] | None:
        entry = self.lookup(key)
        return None if entry is None else entry[1]

    def put(self, key: str, findings: list[Finding]) -> None:
        path = self._path(key)
        counts = [[*k, n] for k, n in count_kinds(findings).items()]
        if ensure_folder(self.directory.parent) is None:
            return
        # ensure_ascii=False leaves no raw line break in JSON: one line each
        lines = json.dumps(counts, ensure_ascii=False) + "\n" + json.dumps([_row(f) for f in findings], ensure_ascii=False) + "\n"
        sealed = usercache.seal(lines.encode("utf-8"))
        if sealed is None or os.path.islink(os.path.dirname(path)):
            return
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            files.replace_aside(Path(path), lambda temporary: Path(temporary).write_bytes(sealed))
        except OSError:
            pass  # a cache that cannot be written only costs time


def ensure_folder(root: Path) -> Path | None:
    """The cache folder under `root`, made if need be; None when it cannot be."""
    directory = root / CACHE_DIR
    if directory.is_symlink():
        return None  # planted to send the cache's writes out of the tree
    if not directory.is_dir():
        try:
            directory.mkdir(parents=True, exist_ok=True)
            # keep the cache out of the user's commits without touching their .gitignore
            (directory / ".gitignore").write_text("# created by plancheck\n*\n", encoding="utf-8")
        except OSError:
            return None
    return directory


def clean(root: Path) -> bool:
    """Delete the cache under `root`; True if there was one. A cache folder that is a symbolic link
    (planted) loses the link, never what it points to."""
    directory = root / CACHE_DIR
    if directory.is_symlink():
        directory.unlink()
        return True
    if not directory.is_dir():
        return False
    import shutil

    shutil.rmtree(directory)
    return True
