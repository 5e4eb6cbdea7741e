"""`plancheck init`: a starter configuration in which every key is set to its default and
explained, so that a project starts from a file that loads and says what each knob does."""

from __future__ import annotations

from pathlib import Path

from lint.config.settings import ConfigError
from lint.files.tomlload import TomlError, load

STARTER = """\
# plancheck configuration. Every key is shown with its default value; change what you need.
# Command-line options override these. Selectors below are rule ids (RD001), id prefixes (RD),
# categories (redaction), rule names (redacted-party-abbreviation) or ALL; `plancheck rules`
# lists the rules and `plancheck rule ID` explains one.

# Rules to run: the selection starts from these.
select = ["ALL"]
# Rules to run in addition to `select`.
extend-select = []
# Rules not to run. The most specific selector wins; on a tie, ignore wins.
ignore = []
# Rules not to run on some files: glob = [selectors]. A glob without "/" matches any path
# component; with "/" it matches the path relative to this file.
# Example: per-file-ignores = { "templates/*" = ["placeholder"] }
per-file-ignores = {}

# Files taken when walking folders.
include = ["*.txt", "*.md"]
# Files and folders skipped when walking, in addition to .git, .venv, node_modules, build, dist, ...
# Example: exclude = ["drafts", "archive/*.txt"]
exclude = []

# Lowest severity that makes a run fail (exit 1): "error", "warning" or "info".
fail-level = "error"
# Per-rule severity: rule id = "error" | "warning" | "info".
# Example: severity = { PH001 = "error" }
severity = {}
# Extra rule packs (TOML files with [[rule]] tables, same schema as the built-in ones),
# relative to this file.
rule-packs = []

# Encoding per glob, instead of detecting it (utf-8, gb18030, gbk, big5, utf-16-le, ...).
# Example: encoding = { "legacy/*.txt" = "gbk" }
encoding = {}
# Refuse fixes that would delete more than this share of a document's Han text (1 = no limit).
max-deletion = 0.2
# Refuse fixes that would grow a document by more than this share of its length (and 200
# characters): a fix that inserts what it then matches again would grow it run after run.
max-insertion = 0.2
# Seconds one rule may run on one document before it is reported and skipped.
rule-timeout = 10
# Files larger than this are refused before they are read (bytes, or a number with KiB, MiB, GiB).
max-file-size = "256MiB"
# A strict gate over a tree written by others (as --strict-gate, when this file is the one passed
# with --config): directives are reported, not honoured; no results cache.
gate = false
"""


class InitError(Exception):
    """A configuration is already there; the message says where."""


def write_plancheck_toml(folder: Path) -> Path:
    target = folder / "plancheck.toml"
    if target.exists():
        raise InitError(f"{target.name} already exists; not overwritten")
    target.write_text(STARTER, encoding="utf-8")
    return target


def append_to_pyproject(folder: Path) -> Path:
    """Append the table, leaving every byte already in the file as it was."""
    target = folder / "pyproject.toml"
    data = b""
    if target.exists():
        try:
            tool = load(target).get("tool", {})
        except TomlError as exc:
            raise ConfigError(str(exc)) from None
        if "plancheck" in tool:
            raise InitError(f"{target.name} already has a [tool.plancheck] table; not changed")
        data = target.read_bytes()
    separator = "" if not data.strip() else "\n" if data.endswith(b"\n") else "\n\n"
    with target.open("a", encoding="utf-8") as handle:
        handle.write(separator + "[tool.plancheck]\n" + STARTER)
    return target
