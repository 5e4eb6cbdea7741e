"""The Python API: the same calls the command line makes, with no I/O.

`check_document` and `fix_document` are where a text meets its settings: the rules chosen for its
path, its `<!-- plancheck: … -->` directives (lint/engine/suppress.py), and, in a Markdown file, what
is not prose (code, front matter, link targets, HTML comments: lint/engine/markdown.py), where no
finding is reported and no fix is made. The command line calls them for every file, so both mean
the same on the command line and here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config.settings import Settings, parse_level, settings_from_table
from lint.engine import core as engine
from lint.engine import markdown, suppress
from lint.engine.core import FixResult
from lint.model import Finding, Severity

if TYPE_CHECKING:
    from typing import Any


def _settings(config: Settings | Mapping[str, Any] | None) -> Settings:
    if config is None:
        return Settings()
    if isinstance(config, Settings):
        return _taken(config)
    return settings_from_table(config, None)


def _taken(settings: Settings) -> Settings:
    """A caller's `Settings` as those read from a table are: its fields are tuples (the settings
    key caches, so they must hash), a mapping (`severity={"RD001": Severity.INFO}`) is taken for
    its items, and a level may be named ("info"). Settings already so are returned as they are."""
    try:
        hash(settings)
    except TypeError:
        settings = settings._replace(**{key: _tuples(value) for key, value in settings._asdict().items() if _is_collection(value)})
    if not all(isinstance(pack, Path) for pack in settings.rule_packs):
        settings = settings._replace(rule_packs=tuple(Path(pack) for pack in settings.rule_packs))
    if not all(isinstance(level, Severity) for _, level in settings.severity):
        where = str(settings.source) if settings.source else "Settings"
        levels = tuple(
            (rule_id, level if isinstance(level, Severity) else parse_level(level, f"severity.{rule_id}", where))
            for rule_id, level in settings.severity
        )
        settings = settings._replace(severity=levels)
    return settings


def _is_collection(value: Any) -> bool:
    return isinstance(value, list | tuple | Mapping)


def _tuples(value: Any) -> Any:
    if isinstance(value, Mapping):
        value = list(value.items())
    return tuple(map(_tuples, value)) if isinstance(value, list | tuple) else value


def _path(path: str | Path | None) -> Path | None:
    return Path(path) if path else None


def _prose(regions: markdown.NotProse, findings: list[Finding]) -> list[Finding]:
    """The findings of a Markdown text that neither lie in nor edit what is not prose."""
    spans = regions.all
    if not spans:
        return findings
    return [
        f
        for f in findings
        if not markdown.touches(spans, f.start, f.end)
        and not (f.fix and any(markdown.touches(spans, e.start, e.end) for e in f.fix.edits))
    ]


def _directives(text: str, settings: Settings, rules) -> Callable[[str, list[Finding]], list[Finding]] | None:
    """What the directives of `text` do to each pass's findings: silence them, or, in a gate,
    only report them; None without directives."""
    if not suppress.may_have_directives(text):
        return None  # without loading every rule, which only directives need
    if settings.gate:
        return suppress.not_honoured
    known = settings.all_rules()
    return lambda current, findings: suppress.apply(current, findings, rules, known)


def _filter(text: str, settings: Settings, rules, path: Path | None) -> Callable[[str, list[Finding]], list[Finding]] | None:
    """Each pass's findings as the document leaves them: in Markdown, those of its prose, under the
    directives outside its code; elsewhere, under its directives."""
    directives = _directives(text, settings, rules)
    if path is None or not markdown.is_markdown(path.name):
        return directives

    def keep(current: str, findings: list[Finding]) -> list[Finding]:
        regions = markdown.not_prose(current)
        findings = _prose(regions, findings)
        return findings if directives is None else directives(regions.without_code(current), findings)

    return keep


def check_document(text: str, settings: Settings, path: Path | None = None) -> list[Finding]:
    """Findings for `text` under `settings`, with its directives applied."""
    rules = settings.rules_for(path)
    findings = engine.check(text, rules, timeout=settings.rule_timeout)
    keep = _filter(text, settings, rules, path)
    return findings if keep is None else keep(text, findings)


def fix_document(text: str, settings: Settings, path: Path | None = None, *, unsafe: bool = False) -> FixResult:
    """Fix `text` under `settings`; a finding its directives silence is not fixed either."""
    rules = settings.rules_for(path)
    return engine.fix(
        text,
        rules,
        unsafe=unsafe,
        max_deletion=settings.max_deletion,
        max_insertion=settings.max_insertion,
        timeout=settings.rule_timeout,
        keep=_filter(text, settings, rules, path),
    )


def check_text(text: str, *, path: str | Path | None = None, config: Settings | Mapping[str, Any] | None = None) -> list[Finding]:
    """Findings for `text`. `config` is a `Settings` or a table of the keys of `[tool.plancheck]`;
    `path` only matters for `per-file-ignores`. `<!-- plancheck: … -->` directives in the text
    silence findings, and unused ones are reported as `unused-suppression` warnings."""
    return check_document(text, _settings(config), _path(path))


def fix_text(
    text: str,
    *,
    path: str | Path | None = None,
    config: Settings | Mapping[str, Any] | None = None,
    unsafe: bool = False,
) -> FixResult:
    """Fix `text` until stable: `result.text`, `result.initial` and `result.remaining` findings,
    `result.fixed` (count per rule) and `result.converged`. Findings silenced by a directive are
    neither reported nor fixed."""
    return fix_document(text, _settings(config), _path(path), unsafe=unsafe)
