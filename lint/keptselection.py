"""The rules a configuration selects, kept in the user's cache folder, so that start-up does not
grow with the number of rules loaded: a run that selects one rule of five hundred reads that one,
not every pack, and makes one `Rule`, not five hundred.

A selection is kept as lint.keptpacks keeps a pack (a head of summaries, then one line per rule
table, parsed when the rule runs), with each rule's effective severity in its summary and the pack
it came from (path and digest, which the results cache keys on) beside. The file is keyed by the
selection (the settings' selectors, per-file ignores and severities, and the ignores of the file
at hand) and by the packs: each by its status when that has settled (lint.statmemo: a write
changes it), else by the digest of its bytes.

Only rules that passed `Settings.validate` are kept, so a kept selection of a configuration also
says that its selectors were checked against those packs.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, keptpacks, packs, statmemo, usercache
from .packs import RuleBody, RuleSet

if TYPE_CHECKING:
    from .config import Settings

FORMAT = "1"


@functools.lru_cache(maxsize=16)
def _packs_identity(paths: tuple[Path, ...]) -> str | None:
    """What identifies the bytes of every pack, as packs.load_rules reads them once per process;
    None when one cannot be read (loading reports it)."""
    parts = []
    for path in paths:
        status = statmemo.stamp(path)
        if status is None:
            try:
                parts.append(f"{path}\0{hashlib.sha256(path.read_bytes()).hexdigest()}")
            except OSError:
                return None
        else:
            parts.append(f"{path}\0{status}")
    return "\0".join(parts)


def _target(settings: Settings, extra_ignores: tuple[str, ...]) -> Path | None:
    try:
        identity = _packs_identity((*packs.builtin_pack_paths(), *settings.rule_packs))
    except packs.PackError:
        return None
    if identity is None:
        return None
    chosen = (
        settings.select,
        settings.extend_select,
        settings.ignore,
        settings.per_file_ignores,
        settings.severity,
        settings.cli_select,
        settings.cli_extend_select,
        settings.cli_ignore,
        extra_ignores,
    )
    return usercache.folder() / "packs" / f"selected-{usercache.key(__version__, FORMAT, identity, repr(chosen))}.jsonl"


def known(settings: Settings) -> bool:
    """Whether a selection of `settings` is kept: they were validated against the packs as they are."""
    target = _target(settings, ())
    return target is not None and usercache.used(target)


def read(settings: Settings, extra_ignores: tuple[str, ...]) -> RuleSet | None:
    """The rules `settings` select for a file with `extra_ignores`, as kept; None when not kept."""
    target = _target(settings, extra_ignores)
    found = keptpacks.read_file(target) if target is not None else None
    if found is None:
        return None
    head, tables = found
    try:
        summaries, origins = head["rules"], head["origins"]
        if len(origins) != len(summaries):
            raise ValueError("damaged")
        rules = tuple(
            packs.rule_from_summary(summary, RuleBody(Path(source), tables=tables, index=i), source, digest)
            for i, (summary, (source, digest)) in enumerate(zip(summaries, origins, strict=True))
        )
    except (KeyError, ValueError, TypeError, AttributeError):
        usercache.discard(target)
        return None
    return RuleSet(rules)


def write(settings: Settings, extra_ignores: tuple[str, ...], rules: RuleSet) -> None:
    """Keep the rules `settings` select for a file with `extra_ignores` (validated settings only)."""
    target = _target(settings, extra_ignores)
    if target is None:
        return
    summaries = [[r.id, r.name, r.category, str(r.severity), r.kind, r.fix, list(r.anchors)] for r in rules]
    origins = [[r.source, r.pack_digest] for r in rules]
    keptpacks.write_file(target, [r.body.table() for r in rules], summaries, {"origins": origins})
