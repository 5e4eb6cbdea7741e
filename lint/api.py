"""The Python API: the same calls the command line makes, with no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import engine
from .config import Settings, settings_from_table
from .engine import FixResult
from .model import Finding


def _settings(config: Settings | Mapping[str, Any] | None) -> Settings:
    if config is None:
        return Settings()
    if isinstance(config, Settings):
        return config
    return settings_from_table(config, None)


def check_text(text: str, *, path: str | Path | None = None, config: Settings | Mapping[str, Any] | None = None) -> list[Finding]:
    """Findings for `text`. `config` is a `Settings` or a table of the keys of `[tool.plancheck]`;
    `path` only matters for `per-file-ignores`."""
    settings = _settings(config)
    return engine.check(text, settings.rules_for(Path(path) if path else None), timeout=settings.rule_timeout)


def fix_text(
    text: str,
    *,
    path: str | Path | None = None,
    config: Settings | Mapping[str, Any] | None = None,
    unsafe: bool = False,
) -> FixResult:
    """Fix `text` until stable: `result.text`, `result.initial` and `result.remaining` findings,
    `result.fixed` (count per rule) and `result.converged`."""
    settings = _settings(config)
    return engine.fix(
        text,
        settings.rules_for(Path(path) if path else None),
        unsafe=unsafe,
        max_deletion=settings.max_deletion,
        timeout=settings.rule_timeout,
    )
