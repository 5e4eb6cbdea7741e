"""Configuration: `plancheck.toml` or `[tool.plancheck]` in `pyproject.toml`, the closest one above
a checked file wins (no merging), and command-line options override it.

Unknown keys, selectors, rule ids and levels are errors with a did-you-mean, never ignored.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lint.files import encodings
from lint.files.io import MAX_FILE_BYTES
from lint.files.tomllines import key_line
from lint.files.tomlload import TomlError, load
from lint.limits import MAX_DELETION, MAX_INSERTION, RULE_TIMEOUT
from lint.model import SEVERITY_NAMES, Severity
from lint.packs.load import PackError, RuleSet, load_rules
from lint.packs.selection import SelectorError, canonical_selector, ignored_by, resolve_layer, validate
from lint.suggest import did_you_mean

if TYPE_CHECKING:
    from typing import Any

CONFIG_NAMES = ("plancheck.toml", "pyproject.toml")
KEYS = (
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "include",
    "exclude",
    "fail-level",
    "severity",
    "rule-packs",
    "encoding",
    "max-deletion",
    "max-insertion",
    "rule-timeout",
    "max-file-size",
    "gate",
)
DEFAULT_INCLUDE = ("*.txt", "*.md")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    "node_modules",
    "__pycache__",
    ".plancheck_cache",
    ".pytest_cache",
    ".ruff_cache",
    "build",
    "dist",
)


class ConfigError(ValueError):
    pass


class Settings(NamedTuple):
    """The effective settings for the files under one configuration."""

    source: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    fail_level: Severity = Severity.ERROR
    severity: tuple[tuple[str, Severity], ...] = ()
    rule_packs: tuple[Path, ...] = ()
    encoding: tuple[tuple[str, str], ...] = ()
    max_deletion: float = MAX_DELETION
    max_insertion: float = MAX_INSERTION
    rule_timeout: float = RULE_TIMEOUT
    max_file_size: int = MAX_FILE_BYTES  # bytes: a larger file is refused before it is read
    # a strict gate over a stranger's tree: its directives are reported, not honoured (lint.api)
    gate: bool = False
    # the command line's selection, a layer over the file's (None: no --select given)
    cli_select: tuple[str, ...] | None = None
    cli_extend_select: tuple[str, ...] = ()
    cli_ignore: tuple[str, ...] = ()

    @property
    def root(self) -> Path:
        # without a configuration file it is the current folder
        return _root(self.source, "" if self.source else os.getcwd())

    def all_rules(self) -> RuleSet:
        try:
            return load_rules(self.rule_packs)
        except PackError as exc:
            raise ConfigError(str(exc)) from None

    def rules_for(self, path: Path | None = None) -> RuleSet:
        """The selected rules (with severity overrides) that apply to `path`."""
        return _selected_rules(self, self._ignores_for(path))

    def encoding_for(self, path: Path) -> str | None:
        """The encoding configured for `path` (first matching glob), or None to detect it."""
        if not self.encoding:
            return None
        relative = relative_to(path, self.root)
        return next((name for pattern, name in self.encoding if matches(relative, pattern)), None)

    def _ignores_for(self, path: Path | None) -> tuple[str, ...]:
        if path is None or not self.per_file_ignores:
            return ()
        relative = relative_to(path, self.root)
        found: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if matches(relative, pattern):
                found.extend(selectors)
        return tuple(found)

    def validate(self) -> Settings:
        """Check selectors and rule ids against the rules that will be loaded (once per process
        for these settings)."""
        return _validated(self)

    def _validate(self) -> Settings:
        rules = self.all_rules()
        where = str(self.source) if self.source else "command line"
        try:
            # each error names its key, so that the configuration file's error points at its line
            validate(self.select or (), rules, f"{where}: 'select'")
            validate(self.extend_select, rules, f"{where}: 'extend-select'")
            validate(self.ignore, rules, f"{where}: 'ignore'")
            for selectors in (self.cli_select or (), self.cli_extend_select, self.cli_ignore):
                validate(selectors, rules, "command line")
            for glob, selectors in self.per_file_ignores:
                validate(selectors, rules, f"{where}: 'per-file-ignores.{glob}'")
        except SelectorError as exc:
            raise ConfigError(str(exc)) from None
        ids = [r.id for r in rules]
        for rule_id, _ in self.severity:
            if rule_id not in ids:
                raise ConfigError(f"{where}: 'severity.{rule_id}': unknown rule id '{rule_id}'{did_you_mean(rule_id, ids)}")
        return self


# what is asked for every file is worked out once per value of the settings (they are hashable)
@functools.lru_cache(maxsize=64)
def _root(source: Path | None, cwd: str) -> Path:
    return source.parent if source is not None else Path(cwd)


@functools.lru_cache(maxsize=64)
def _validated(settings: Settings) -> Settings:
    return settings._validate()


@functools.lru_cache(maxsize=64)
def _selected_rules(settings: Settings, extra_ignores: tuple[str, ...]) -> RuleSet:
    """The rules `settings` select for a file with `extra_ignores` (its per-file ignores)."""
    settings.validate()
    return _select(settings, extra_ignores, settings.all_rules())


def _select(settings: Settings, extra_ignores: tuple[str, ...], rules: RuleSet) -> RuleSet:
    """The rules of `rules` (every rule loaded) that `settings` select, less `extra_ignores`."""
    chosen = resolve_layer(rules, None, settings.select, settings.extend_select, settings.ignore)
    if settings.cli_select is not None or settings.cli_extend_select or settings.cli_ignore:
        chosen = resolve_layer(rules, chosen, settings.cli_select, settings.cli_extend_select, settings.cli_ignore)
    # per-file ignores come last: they hold for the file whatever was selected
    chosen -= ignored_by(rules, extra_ignores)
    return rules.only(chosen).with_severities(dict(settings.severity))


def relative_to(path: Path, root: Path) -> str:
    """`path` relative to `root` with "/" between components; `path` as it is when not below `root`."""
    relative = below(path, root)
    return path.as_posix() if relative is None else relative


def below(path: Path, root: Path) -> str | None:
    """`path` relative to `root` with "/" between components; None when not below `root`."""
    # with strings, not pathlib: this runs for every file of a run
    absolute, base = os.path.abspath(path), os.path.abspath(root)
    if absolute == base:
        return "."
    base = base.rstrip(os.sep) + os.sep
    if not absolute.startswith(base):
        return None
    relative = absolute[len(base) :]
    return relative.replace(os.sep, "/") if os.sep != "/" else relative


def matches(relative: str, pattern: str, skip: int = 0) -> bool:
    """A pattern with a slash matches the relative path (or a folder above it); one without matches
    any single path component, as in .gitignore. The first `skip` components are not tested."""
    return matches_any(relative, (pattern,), skip)


def matches_any(relative: str, patterns: tuple[str, ...], skip: int = 0, ignore_case: bool = False) -> bool:
    """Whether any of `patterns` matches (see `matches`); `ignore_case` for file endings (A.TXT is
    a .txt file)."""
    names, paths = _globs(patterns, ignore_case)
    parts = relative.split("/")
    if names is not None and any(names.match(part) for part in parts[skip:]):
        return True
    return paths is not None and any(paths.match("/".join(parts[:i])) for i in range(skip + 1, len(parts) + 1))


@functools.lru_cache(maxsize=256)
def _globs(patterns: tuple[str, ...], ignore_case: bool = False) -> tuple[re.Pattern | None, re.Pattern | None]:
    """Patterns without a slash and patterns with one, each kind compiled into one expression (as
    fnmatch.fnmatchcase would match them one by one)."""
    names, paths = [], []
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if "/" in pattern:
            paths.append(fnmatch.translate(pattern.removeprefix("./")))
        else:
            names.append(fnmatch.translate(pattern))
    flags = re.IGNORECASE if ignore_case else 0
    return (re.compile("|".join(names), flags) if names else None), (re.compile("|".join(paths), flags) if paths else None)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(value)


def _selectors(value: Any, key: str, where: str) -> tuple[str, ...]:
    """Rule selectors, read as the command line reads them (`rd001` is RD001)."""
    return tuple(canonical_selector(v) for v in _strings(value, key, where))


def parse_level(value: Any, key: str, where: str) -> Severity:
    if value not in SEVERITY_NAMES:
        raise ConfigError(f"{where}: '{key}' must be one of {', '.join(SEVERITY_NAMES)}, not {value!r}")
    return Severity.parse(value)


def _fraction(value: Any, key: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise ConfigError(f"{where}: '{key}' must be a number above 0 and at most 1 (a share of the document)")
    return float(value)


def _seconds(value: Any, key: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ConfigError(f"{where}: '{key}' must be a positive number of seconds")
    return float(value)


_SIZE_UNITS = {"": 1, "b": 1, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(value: Any, key: str, where: str) -> int:
    """A size in bytes: a whole number of bytes, or one with KiB, MiB or GiB ("512MiB")."""
    if isinstance(value, str):
        found = re.fullmatch(r"\s*(\d+)\s*([A-Za-z]*)\s*", value)
        if found and found.group(2).lower() in _SIZE_UNITS:
            value = int(found.group(1)) * _SIZE_UNITS[found.group(2).lower()]
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigError(f"{where}: '{key}' must be a size: a number of bytes, or one with KiB, MiB or GiB (\"512MiB\")")
    return value


def _boolean(value: Any, key: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: '{key}' must be true or false")
    return value


# the keys read by one checker each, into the field of their name
_PLAIN_KEYS = {
    "select": _selectors,
    "extend-select": _selectors,
    "ignore": _selectors,
    "include": _strings,
    "fail-level": parse_level,
    "max-deletion": _fraction,
    "max-insertion": _fraction,
    "rule-timeout": _seconds,
    "max-file-size": parse_size,
    "gate": _boolean,
}


def settings_from_table(table: Mapping[str, Any], source: Path | None) -> Settings:
    where = str(source) if source else "configuration"
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: the plancheck configuration must be a table")
    for key in table:
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key '{key}'{did_you_mean(key, KEYS)}")
    base = source.parent if source else Path.cwd()
    values: dict[str, Any] = {"source": source}
    for key, read in _PLAIN_KEYS.items():
        if key in table:
            values[key.replace("-", "_")] = read(table[key], key, where)
    if "exclude" in table:
        values["exclude"] = DEFAULT_EXCLUDE + _strings(table["exclude"], "exclude", where)
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, Mapping):
            raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [selectors]")
        values["per_file_ignores"] = tuple((glob, _selectors(sel, f"per-file-ignores.{glob}", where)) for glob, sel in pfi.items())
    if "severity" in table:
        sev = table["severity"]
        if not isinstance(sev, Mapping):
            raise ConfigError(f"{where}: 'severity' must be a table of rule id = level")
        values["severity"] = tuple((canonical_selector(rid), parse_level(level, f"severity.{rid}", where)) for rid, level in sev.items())
    if "rule-packs" in table:
        packs = tuple((base / p).resolve() for p in _strings(table["rule-packs"], "rule-packs", where))
        project = base.resolve()
        for pack in packs:
            if not pack.is_relative_to(project):
                # a configuration in a stranger's tree must not make plancheck read the machine's files
                raise ConfigError(f"{where}: 'rule-packs': {pack} lies outside the project folder {project}")
            if not pack.is_file():
                raise ConfigError(f"{where}: 'rule-packs': no such file {pack}")
        values["rule_packs"] = packs
    if "encoding" in table:
        enc = table["encoding"]
        if not isinstance(enc, Mapping) or not all(isinstance(v, str) for v in enc.values()):
            raise ConfigError(f"{where}: 'encoding' must be a table of glob = encoding name")
        try:
            values["encoding"] = tuple((glob, encodings.canonical(name)) for glob, name in enc.items())
        except encodings.DecodeError as exc:
            raise ConfigError(f"{where}: 'encoding': {exc}") from None
    return Settings(**values).validate()


def read_config_file(path: Path) -> Settings | None:
    """Settings from `path`; None for a pyproject.toml without [tool.plancheck]."""
    try:
        data = load(path)
    except TomlError as exc:
        raise ConfigError(str(exc)) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("plancheck")
        if table is None:
            return None
    elif isinstance(data.get("tool"), Mapping) and "plancheck" in data["tool"]:
        line = key_line(path, None, within=r"^\s*\[tool\.plancheck")
        raise ConfigError(
            f"{path}{f':{line}' if line else ''}: the [tool.plancheck] header belongs in pyproject.toml; in plancheck.toml the keys stand "
            "at the top, without a header"
        )
    else:
        table = data
    try:
        return settings_from_table(table, path)
    except ConfigError as exc:
        raise ConfigError(_with_line(str(exc), path)) from None


def _with_line(message: str, path: Path) -> str:
    """`FILE: 'key' …` becomes `FILE:LINE: 'key' …`, pointing at the key in the file; for
    `'key.sub'`, at `sub = …` when `key` is a table of its own (`[tool.plancheck.severity]`)."""
    prefix = f"{path}: "
    key = re.search(r"'([A-Za-z-]+)(?:\.([^']*))?'", message)
    if not message.startswith(prefix) or not key:
        return message
    table = r"tool\.plancheck" if path.name == "pyproject.toml" else ""
    own_table = rf"^\s*\[{table + '.' if table else ''}\"?{re.escape(key.group(1))}\"?\]"
    if key_line(path, None, within=own_table):
        line = key_line(path, key.group(2), within=own_table)
    else:
        line = key_line(path, key.group(1), within=rf"^\s*\[{table}\]" if table else None)
    return f"{path}:{line}: {message[len(prefix) :]}" if line else message


def explicit_config(path: Path) -> Settings:
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    settings = read_config_file(path)
    if settings is None:
        raise ConfigError(f"{path}: has no [tool.plancheck] table")
    return settings


class ConfigResolver:
    """Finds the closest configuration above each path, reading each directory once."""

    def __init__(self, overrides: Mapping[str, Any] | None = None, config_file: Path | None = None) -> None:
        """`config_file`: the one configuration for every path. A strict gate (the `gate` override)
        reads no configuration from the tree it checks: that one, or else the defaults."""
        self._overrides = dict(overrides or {})
        if config_file:
            self._fixed: Settings | None = self._apply(explicit_config(config_file))
        else:
            self._fixed = self._apply(Settings()) if self._overrides.get("gate") else None
        self._by_dir: dict[str, Settings] = {}
        self._by_given_dir: dict[str, Settings] = {}

    def for_path(self, path: Path) -> Settings:
        if self._fixed is not None:
            return self._fixed
        # with strings, not pathlib: this runs for every file of a run
        absolute = os.path.abspath(path)
        return self._for_dir(absolute if os.path.isdir(path) else os.path.dirname(absolute))

    def for_file(self, path: Path) -> Settings:
        """`for_path` for a path known not to be a folder."""
        if self._fixed is not None:
            return self._fixed
        # by the folder as named: asked for every file (twice), and the working folder stays
        given = os.path.dirname(path)
        if given not in self._by_given_dir:
            self._by_given_dir[given] = self._for_dir(os.path.dirname(os.path.abspath(path)))
        return self._by_given_dir[given]

    def _for_dir(self, directory: str) -> Settings:
        if directory in self._by_dir:
            return self._by_dir[directory]
        found = None
        for name in CONFIG_NAMES:
            candidate = Path(directory, name)
            if candidate.is_file():
                found = read_config_file(candidate)
                if found is not None:
                    break
        if found is not None:
            settings = self._apply(found)
        elif os.path.dirname(directory) != directory:
            settings = self._for_dir(os.path.dirname(directory))
        else:
            settings = self._apply(Settings())
        self._by_dir[directory] = settings
        return settings

    def _apply(self, settings: Settings) -> Settings:
        """Command-line options over the file's settings."""
        o = self._overrides
        if not o:
            return settings
        changes: dict[str, Any] = {}
        if o.get("select") is not None:
            changes["cli_select"] = tuple(o["select"])
        if o.get("extend_select"):
            changes["cli_extend_select"] = tuple(o["extend_select"])
        if o.get("ignore"):
            changes["cli_ignore"] = tuple(o["ignore"])
        if o.get("fail_level") is not None:
            changes["fail_level"] = o["fail_level"]
        if o.get("max_deletion") is not None:
            changes["max_deletion"] = _fraction(o["max_deletion"], "--max-deletion", "command line")
        if o.get("max_insertion") is not None:
            changes["max_insertion"] = _fraction(o["max_insertion"], "--max-insertion", "command line")
        if o.get("rule_timeout") is not None:
            changes["rule_timeout"] = _seconds(o["rule_timeout"], "--rule-timeout", "command line")
        if o.get("max_file_size") is not None:
            changes["max_file_size"] = parse_size(o["max_file_size"], "--max-file-size", "command line")
        if o.get("gate"):
            changes["gate"] = True
        if not changes:
            return settings
        return settings._replace(**changes).validate()


# --- where each setting comes from (--show-settings) --------------------------------------------

# the command line's overrides (lint.cli.options.overrides) by the key they override; a selector
# option is a layer over the configuration's key, not a replacement of it
_FROM_COMMAND_LINE = {
    "fail-level": "fail_level",
    "max-deletion": "max_deletion",
    "max-insertion": "max_insertion",
    "rule-timeout": "rule_timeout",
    "gate": "gate",
}
_SELECTOR_OPTIONS = {"select": "cli_select", "extend-select": "cli_extend_select", "ignore": "cli_ignore"}


_TABLES = ("per-file-ignores", "severity", "encoding")  # held as tuples of (key, value) pairs


def _toml(value: Any, table: bool = False) -> str:
    """A setting's value as it would be written in plancheck.toml; `table`: pairs, as an inline table."""
    if table:
        return "{" + ", ".join(f"{_toml(str(k))} = {_toml(v)}" for k, v in value) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Severity):
        return f'"{value}"'
    if isinstance(value, (int, float)):
        return f"{value:g}"
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def origins(settings: Settings, overrides: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """Every setting of `settings` as (key, value as TOML, origin): `default`, `FILE:LINE` of the key
    in the configuration file, or `command line` (the selector options as `--select` rows, the
    layer they add over the file's keys)."""
    table: Mapping[str, Any] = {}
    within = None
    if settings.source is not None:
        data = load(settings.source)
        table = data.get("tool", {}).get("plancheck", {}) if settings.source.name == "pyproject.toml" else data
        within = r"^\s*\[tool\.plancheck\]" if settings.source.name == "pyproject.toml" else None
    rows = []
    for key in KEYS:
        value = getattr(settings, key.replace("-", "_"))
        if key == "select" and value is None:
            value = ("ALL",)
        if overrides.get(_FROM_COMMAND_LINE.get(key, "")) not in (None, False):
            origin = "command line"
        elif key in table:
            origin = f"{settings.source}:{key_line(settings.source, key, within=within)}"
        else:
            origin = "default"
        rows.append((key, _toml(value, key in _TABLES), origin))
        option = _SELECTOR_OPTIONS.get(key)
        if option and getattr(settings, option) not in (None, ()):
            rows.append((f"--{key}", _toml(getattr(settings, option)), "command line"))
    return rows
