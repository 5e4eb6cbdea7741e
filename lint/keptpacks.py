"""Trusted packs kept in the user's cache folder as JSON lines, so that loading one costs about the
same whatever its number of rules.

A run needs every rule's id, name, category and severity (to select rules and check selectors),
but the options, message, description and examples only of the rules it runs or explains. So a
pack is kept as a first line holding each rule's summary (SUMMARY_KEYS, as a list) and then one
line per rule table, parsed when that rule is first made or explained. The file is keyed
by the pack's bytes (and this format); the first line also holds a digest of the others, so a
damaged copy is noticed at load, removed and made anew from the pack. The rules a configuration
selects are kept in the same form (lint.keptselection).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from . import usercache

if TYPE_CHECKING:
    from typing import Any

FORMAT = "2"
SUMMARY_KEYS = ("id", "name", "category", "severity", "kind", "fix", "anchors")


def summary(table: dict[str, Any]) -> list:
    """The values of SUMMARY_KEYS in a (valid) rule table."""
    return [table.get(key, []) for key in SUMMARY_KEYS]


class Tables:
    """The rule tables of a kept pack, each parsed when first asked for."""

    __slots__ = ("_lines", "_parsed")

    def __init__(self, lines: list[bytes]) -> None:
        self._lines = lines
        self._parsed: dict[int, dict[str, Any]] = {}

    def __getitem__(self, index: int) -> dict[str, Any]:
        if index not in self._parsed:
            self._parsed[index] = json.loads(self._lines[index])
        return self._parsed[index]


def _path(digest: str) -> Path:
    return usercache.folder() / "packs" / f"kept-{usercache.key(FORMAT, digest)}.jsonl"


def _body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def read(digest: str) -> tuple[list[list], Tables] | None:
    """The summaries and tables of the pack whose bytes have `digest`; None when not kept (or
    damaged: then removed)."""
    found = read_file(_path(digest))
    return None if found is None else (found[0]["rules"], found[1])


def read_file(kept: Path) -> tuple[dict[str, Any], Tables] | None:
    """The head of a file of kept rule tables (its "rules": one summary per table) and the tables;
    None when there is none (or it is damaged: then removed)."""
    try:
        data = kept.read_bytes()
    except OSError:
        return None
    head, _, body = data.partition(b"\n")
    try:
        index = json.loads(head)
        summaries = index["rules"]
        lines = body.split(b"\n") if body else []  # a selection may hold no rule
        if index["body"] != _body_digest(body) or len(lines) != len(summaries):
            raise ValueError("damaged")
        if not all(isinstance(row, list) and len(row) == len(SUMMARY_KEYS) for row in summaries):
            raise ValueError("damaged")
    except (ValueError, KeyError, TypeError):
        usercache.discard(kept)
        return None
    usercache.used(kept)
    return index, Tables(lines)


def write(digest: str, tables: list[dict[str, Any]]) -> None:
    """Keep the (valid) rule tables of the pack whose bytes have `digest`."""
    write_file(_path(digest), tables, [summary(table) for table in tables], {})


def write_file(kept: Path, tables: list[dict[str, Any]], summaries: list[list], head: dict[str, Any]) -> None:
    """Keep rule tables in `kept`, with their `summaries` and what else `head` holds."""
    try:
        lines = [json.dumps(table, ensure_ascii=False).encode("utf-8") for table in tables]
    except (TypeError, ValueError):  # a TOML date has no JSON form: such a pack is parsed each time
        return
    body = b"\n".join(lines)
    first = json.dumps({**head, "rules": summaries, "body": _body_digest(body)}, ensure_ascii=False).encode("utf-8")
    usercache.build_once(kept, lambda temporary: Path(temporary).write_bytes(first + b"\n" + body), keep=64)
