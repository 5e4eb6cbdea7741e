"""The rules a configuration selects, kept in the user's cache folder, so that start-up does not
grow with the number of rules loaded: a run that selects one rule of five hundred reads that one,
not every pack, and makes one `Rule`, not five hundred.

A selection is kept as lint.keptpacks keeps a pack (a head of summaries, then one line per rule
table, parsed when the rule runs), with each rule's effective severity in its summary and the pack
it came from (path and digest, which the results cache keys on) beside. The file is keyed by the
selection (the settings' selectors, per-file ignores and severities, and the ignores of the file
at hand) and by the packs: each by its status when that has settled (lint.statmemo: a write
changes it), else by the digest of its bytes; with a user's pack, also by the `regex` engine
installed, which decided that the pack's expressions compile (lint.packs checks a user's pack
again for another one).

Only selections of validated settings are kept, so a kept selection of a configuration also says
that its selectors were checked against those packs; and only from rules loaded from the packs'
bytes as they are when it is written (a long-lived process may hold rules of an older version).
Equal selections share their rules, and every selection shares the body (table and matcher) of a
rule with the others in the process.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, keptpacks, packs, statmemo, usercache
from .packs import Rule, RuleBody, RuleSet

if TYPE_CHECKING:
    from collections.abc import Callable

    from .config import Settings

FORMAT = "1"

# per process: the selections in use, by file (weakly: the settings' cache holds those in use, and
# a rule set keeps its prefilter alive); the bodies of their rules, by pack and id; the targets of
# settings; the selections of validated settings
_made: weakref.WeakValueDictionary[Path, RuleSet] = weakref.WeakValueDictionary()
_bodies: dict[tuple[str, str, str], RuleBody] = {}
_targets: dict[tuple[tuple, Path], Path] = {}
_known: set[Path] = set()
MAX_TARGETS = 256  # all forgotten at once above this: only a process seeing that many configurations gets there


def _packs_identity(paths: tuple[Path, ...], loaded: dict[str, str] | None = None) -> str | None:
    """What identifies the bytes of every pack: its status, when settled, else its digest. None
    when a pack cannot be read (loading reports it), or, given the digests of the packs as
    `loaded` (by path), when a pack's bytes no longer have that digest."""
    parts = []
    for path in paths:
        status = statmemo.stamp(path)  # taken before the bytes are read: a write after it changes it
        digest = None
        if status is None or loaded is not None:
            try:
                digest = packs.pack_digest(path.read_bytes())
            except OSError:
                return None
            if loaded is not None and loaded.get(str(path)) != digest:
                return None
        parts.append(f"{path}\0{status if status is not None else digest}")
    return "\0".join(parts)


def _selection(settings: Settings, extra_ignores: tuple[str, ...]) -> tuple:
    """What of `settings` decides the rules a file with `extra_ignores` is checked with."""
    return (
        settings.rule_packs,
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


def _target(selection: tuple, rules: RuleSet | None = None) -> Path | None:
    """The file of a `_selection`; None when the packs cannot be identified. Given every rule
    loaded (`rules`), None too unless they are those of the packs' bytes as they are now."""
    rule_packs = selection[0]
    try:
        paths = (*packs.builtin_pack_paths(), *rule_packs)
    except packs.PackError:
        return None
    identity = _packs_identity(paths, None if rules is None else {r.source: r.pack_digest for r in rules})
    if identity is None:
        return None
    if rule_packs:
        from . import programs

        identity += "\0" + programs.ENGINE
    return usercache.folder() / "packs" / f"selected-{usercache.key(__version__, FORMAT, identity, repr(selection))}.jsonl"


def _shared(rule: Rule) -> Rule:
    """`rule` with the body every selection in this process has for it."""
    body = _bodies.setdefault((rule.source, rule.pack_digest, rule.id), rule.body)
    return rule if body is rule.body else rule._replace(body=body)


def _target_of(settings: Settings, extra_ignores: tuple[str, ...]) -> Path | None:
    """`_target`, worked out once per process (as the packs are loaded once per process: an API
    caller validating the same settings for each text touches no file); not kept while None."""
    selection = _selection(settings, extra_ignores)
    key = (selection, usercache.folder())
    target = _targets.get(key)
    if target is None:
        target = _target(selection)
        if target is not None:
            if len(_targets) >= MAX_TARGETS:
                _targets.clear()
            _targets[key] = target
    return target


def known(settings: Settings) -> bool:
    """Whether a selection of `settings` is kept: they were validated against the packs as they are."""
    target = _target_of(settings, ())
    if target is None:
        return False
    if target not in _known and usercache.used(target):
        _known.add(target)
    return target in _known


def rules(settings: Settings, extra_ignores: tuple[str, ...], select: Callable[[], tuple[RuleSet, RuleSet]]) -> RuleSet:
    """The rules `settings` select for a file with `extra_ignores`: as kept, or else made by
    `select()` (which validates the settings, and gives the selection and every rule loaded) and
    kept."""
    target = _target_of(settings, extra_ignores)
    made = _made.get(target) if target is not None else None
    if made is not None:
        return made
    chosen = _read(target) if target is not None else None
    if chosen is None:
        chosen, every = select()
        write(settings, extra_ignores, chosen, every)
    chosen = RuleSet(tuple(map(_shared, chosen)))
    if target is not None:
        _made[target] = chosen
    return chosen


def _read(target: Path) -> RuleSet | None:
    found = keptpacks.read_file(target)
    if found is None:
        return None
    head, tables = found
    try:
        summaries, origins = head["rules"], head["origins"]
        if len(origins) != len(summaries):
            raise ValueError("damaged")
        return RuleSet(
            tuple(
                packs.rule_from_summary(summary, RuleBody(Path(source), tables=tables, index=i), source, digest)
                for i, (summary, (source, digest)) in enumerate(zip(summaries, origins, strict=True))
            )
        )
    except (KeyError, ValueError, TypeError, AttributeError):
        usercache.discard(target)
        return None


def write(settings: Settings, extra_ignores: tuple[str, ...], chosen: RuleSet, every: RuleSet) -> None:
    """Keep `chosen`, the rules validated `settings` select for a file with `extra_ignores`, made
    from `every` rule loaded."""
    target = _target(_selection(settings, extra_ignores), every)
    if target is None:
        return
    summaries = [packs.summary_of(r) for r in chosen]
    origins = [[r.source, r.pack_digest] for r in chosen]
    keptpacks.write_file(target, [r.body.table() for r in chosen], summaries, {"origins": origins})


def validated(settings: Settings) -> None:
    """Note that `settings` passed validation in this process (kept or not, and whatever the
    packs' status became since: `known` asks by the target this process worked out)."""
    target = _target_of(settings, ())
    if target is not None:
        _known.add(target)
