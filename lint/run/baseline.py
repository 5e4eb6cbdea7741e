"""A baseline: the findings a corpus had when it adopted the gate, so that only new ones fail it.

An entry names a finding by its file, its rule and its content: the flagged text with a few
characters either side of it on its line, whitespace folded. Never by line number, so that editing
the text above an old finding does not bring it back. Identical findings in one file are counted:
a file with one more of them than recorded has a new one, and the context tells which.

The file is JSON: `{"version": 1, "findings": [...]}`, one entry per line, sorted, paths relative
to the baseline's own folder, so that it diffs well and does not depend on where plancheck runs.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import NamedTuple

import regex

from lint.files import io as files
from lint.output.human import Located

VERSION = 1
CONTEXT = 16  # characters of the line kept on each side of the flagged text
_SPACE = regex.compile(r"\s+")


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message is one line for the user."""


class Entry(NamedTuple):
    """A recorded finding: file, rule and flagged text with its context, not its position, so that edits elsewhere keep it valid."""

    path: str
    rule: str
    text: str
    before: str
    after: str


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text)


def _relative(path: str, root: Path) -> str:
    return PurePath(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()


def entry(item: Located, root: Path) -> Entry:
    """The baseline entry of a finding, with its path relative to `root` (the baseline's folder)."""
    path = _relative(item.path, root)
    col = item.column - 1
    # slices near the finding only: the line may be megabytes long
    before = _fold(item.source_line[max(0, col - 4 * CONTEXT) : col])[-CONTEXT:]
    one_line = "\n" not in item.text and "\r" not in item.text
    end = col + len(item.text)
    after = _fold(item.source_line[end : end + 4 * CONTEXT])[:CONTEXT] if one_line else ""
    return Entry(path, item.finding.rule, _fold(item.text), before, after)


def write(file: Path, counts: Counter[Entry]) -> int:
    """Record the findings `counts` counts (entries relative to `file`'s folder) in `file`; returns
    the number of findings recorded."""
    rows = [json.dumps({**e._asdict(), "count": counts[e]}, ensure_ascii=False) for e in sorted(counts)]
    findings = "[\n    " + ",\n    ".join(rows) + "\n  ]" if rows else "[]"
    # whole or not at all: an error half-way (a name no encoding takes) must not leave it truncated
    files.write_atomic(file, f'{{\n  "version": {VERSION},\n  "findings": {findings}\n}}\n'.encode())
    return sum(counts.values())


def read(file: Path) -> Counter[Entry]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{file}: no such baseline file (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BaselineError(f"{file}: not a plancheck baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f'{file}: not a plancheck baseline (expected {{"version": {VERSION}, "findings": [...]}})')
    names = Entry._fields
    counts: Counter[Entry] = Counter()
    for number, row in enumerate(data["findings"], 1):
        if (
            not isinstance(row, dict)
            or set(row) != {*names, "count"}
            or not all(isinstance(row[name], str) for name in names)
            or type(row["count"]) is not int
            or row["count"] < 1
        ):
            raise BaselineError(f"{file}: entry {number} must have {', '.join(names)} (strings) and count (a positive integer)")
        counts[Entry(*(row[name] for name in names))] += row["count"]
    return counts


class Subtraction:
    """The findings a baseline (its file in `root`) does not record, file after file: `file` takes
    the findings of one checked file (all of them) and returns those to report.

    A finding first takes an entry with the same content. Findings left over then take entries
    left over with the same path, rule and text: those are old findings whose surroundings were
    edited (a fix next to them changes their context). So a finding is new only when a file holds
    more of it than the baseline recorded, and the context picks which one it is. Entries name
    their file, so each file is matched against its own entries alone."""

    def __init__(self, baseline: Counter[Entry], root: Path) -> None:
        self.root = root
        self.left: dict[str, Counter[Entry]] = {}
        for e, n in baseline.items():
            self.left.setdefault(e.path, Counter())[e] = n
        self.matched = 0  # findings the baseline absorbed
        self.stale = 0  # entries of checked files that matched nothing: those findings are gone

    def file(self, path: str, items: Sequence[Located]) -> list[Located]:
        left = self.left.pop(_relative(path, self.root), Counter())
        unmatched = []
        for item in items:
            key = entry(item, self.root)
            if left[key] > 0:
                left[key] -= 1
            else:
                unmatched.append((item, key))
        loose = Counter()
        for e, n in left.items():
            loose[_loose(e)] += n
        kept = []
        for item, key in unmatched:
            if loose[_loose(key)] > 0:
                loose[_loose(key)] -= 1
            else:
                kept.append(item)
        self.matched += len(items) - len(kept)
        self.stale += sum(loose.values())
        return kept


def _loose(e: Entry) -> tuple[str, str, str]:
    return e.path, e.rule, e.text
