"""Rule packs: TOML files of `[[rule]]` tables, validated strictly and compiled once.

Every error names the pack file and the rule id, so a typo in a user pack is found at load time,
never as a silent no-op.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lint import kinds
from lint.engine import expressions
from lint.files.tomllines import key_line
from lint.files.tomlload import TomlError, parse
from lint.kinds import KINDS
from lint.limits import RULE_TIMEOUT
from lint.model import SEVERITY_NAMES, Severity
from lint.packs import compiled
from lint.suggest import did_you_mean

if TYPE_CHECKING:
    from typing import Any

    from lint.kinds.base import Matcher
    from lint.packs.compiled import Kept

CATEGORIES = {
    "paywall": "PW",
    "advertising": "AD",
    "watermark": "WM",
    "boilerplate": "BP",
    "redaction": "RD",
    "placeholder": "PH",
    "structure": "ST",
    "layout": "LY",
    "wording": "WD",
    "encoding": "EN",
}
FIX_POLICIES = ("safe", "unsafe", "none")
COMMON_KEYS = (
    "id",
    "name",
    "category",
    "severity",
    "message",
    "kind",
    "fix",
    "fix-title",
    "description",
    "examples",
)
# keys packs once had, which the engine now does without: refused with a hint, not as unknown
RETIRED_KEYS = {
    "anchors": "the engine finds where a rule can match by itself (its prefilter): delete the key",
    "prefilter": "the engine leaves out of its prefilter an expression that would match on most lines: delete the key",
}
PACK_KEYS = ("pack", "define", "rule")
_DEFINITION = re.compile(r"[a-z_][a-z0-9_]*")
_REFERENCE = re.compile(r"\(\?&([a-z_][a-z0-9_]*)\)")
EXAMPLE_KEYS = ("bad", "fixed", "good")
_ID = re.compile(r"[A-Z]{2}[0-9]{3}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class PackError(ValueError):
    pass


class Example(NamedTuple):
    """A rule's example: text it flags, what --fix makes of it, or text it must leave alone."""

    bad: str | None = None
    fixed: str | None = None
    good: str | None = None


class RuleBody:
    """What of a rule is read only when it runs or is explained: its table (the kind's options, the
    description, the examples) and the matcher made from it, made on first use. A run that selects
    a few rules never imports the other rules' kinds. The body is shared by the copies of a rule
    that `RuleSet.with_severities` makes, so each matcher is made once."""

    __slots__ = ("_fix_title", "_matcher", "_message", "_path", "_table")

    def __init__(self, path: Path, table: dict[str, Any], matcher: Matcher | None = None) -> None:
        self._path = path
        self._table = table
        self._matcher = matcher
        self._message: str | None = None
        self._fix_title: str | None = None

    def table(self) -> dict[str, Any]:
        return self._table

    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = _make_matcher(self._table, self._path, check=False)
        return self._matcher

    def message(self) -> str:
        # asked for every finding: read once
        if self._message is None:
            self._message = self._table["message"].strip()
        return self._message

    def fix_title(self) -> str:
        if self._fix_title is None:
            self._fix_title = self._table.get("fix-title", "").strip()
        return self._fix_title

    def with_matcher(self, matcher: Matcher) -> RuleBody:
        return RuleBody(self._path, self._table, matcher)


class Rule(NamedTuple):
    """A rule of a pack. What is read only when the rule runs or is explained comes from its body."""

    id: str
    name: str
    category: str
    severity: Severity
    kind: str
    fix: str
    source: str
    body: RuleBody
    # SHA-256 of the pack's bytes the rule was read from: what the results cache keys on, not the
    # file as it is later (it may have been saved since)
    pack_digest: str = ""
    # one of plancheck's own packs, which its tests check (lint.engine.document: guard_timeout)
    trusted: bool = False

    @property
    def matcher(self) -> Matcher:
        return self.body.matcher()

    @property
    def message(self) -> str:
        return self.body.message()

    @property
    def fix_title(self) -> str:
        return self.body.fix_title()

    @property
    def description(self) -> str:
        return self.body.table()["description"].strip()

    @property
    def examples(self) -> tuple[Example, ...]:
        return tuple(Example(**example) for example in self.body.table()["examples"])

    def with_matcher(self, matcher: Matcher) -> Rule:
        """This rule, finding its hits with `matcher`."""
        return self._replace(body=self.body.with_matcher(matcher))

    def render_message(self, matched: str, detail: str) -> str:
        matched = matched.strip()  # a match of a whole line holds its line end
        shown = matched if len(matched) <= 40 else matched[:37] + "…"
        return self.message.format_map({"match": shown, "detail": detail})


class RuleSet:
    """The rules one file is checked with, in the order their findings are reported. A value
    (equal sets are equal, and hash alike), which the prefilter can also refer to weakly."""

    __slots__ = ("__weakref__", "_hash", "kept", "rules")

    def __init__(self, rules: tuple[Rule, ...], kept: Kept | None = None) -> None:
        self.rules = rules
        # where its compiled parts are kept (lint.packs.compiled); None: nowhere, as for a set made by hand
        self.kept = kept
        self._hash = hash(rules)  # it keys caches looked up for every document

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RuleSet) and self.rules == other.rules

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"RuleSet({self.rules!r})"

    def __reduce__(self) -> tuple:
        return RuleSet, (self.rules, self.kept)  # the hash of strings differs between processes: made anew

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def only(self, ids: Iterable[str]) -> RuleSet:
        wanted = set(ids)
        return RuleSet(tuple(r for r in self.rules if r.id in wanted), self.kept)

    def with_severities(self, overrides: dict[str, Severity]) -> RuleSet:
        if not overrides:
            return self
        return RuleSet(tuple(r._replace(severity=overrides.get(r.id, r.severity)) for r in self.rules), self.kept)


def builtin_rules_dir() -> Path:
    """The packs inside an installed wheel, or the checkout's `rules/` in an editable install."""
    packaged = Path(__file__).parents[1] / "rules"  # lint/rules in a wheel, found without importlib.resources (4 ms)
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "rules").is_dir():
        return checkout / "rules"
    raise PackError("built-in rule packs not found: the installation is incomplete")


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_rules_dir().glob("*.toml"))


def _fail(path: Path, rule_id: str | None, message: str) -> PackError:
    key = re.search(r"key '([^']+)'", message)
    line = None
    if rule_id and rule_id[0] not in "'\"":  # a real id (an invalid one arrives quoted)
        line = key_line(path, key.group(1) if key else None, within=rf"^\s*id\s*=\s*[\"']{re.escape(rule_id)}[\"']")
    elif key:
        line = key_line(path, key.group(1))
    where = f"{path}:{line}" if line else str(path)
    return PackError(f"{where}: rule {rule_id}: {message}" if rule_id else f"{where}: {message}")


def _text(table: dict, key: str, path: Path, rule_id: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, rule_id, f"key '{key}' must be a non-empty string")
    return value


def _examples(value: Any, path: Path, rule_id: str, fix: str) -> tuple[Example, ...]:
    if not isinstance(value, list) or not value:
        raise _fail(path, rule_id, "key 'examples' must be an array of tables ([[rule.examples]])")
    out = []
    for item in value:
        if not isinstance(item, dict):
            raise _fail(path, rule_id, "each example must be a table")
        for key in item:
            if key not in EXAMPLE_KEYS:
                raise _fail(path, rule_id, f"unknown example key '{key}'{did_you_mean(key, EXAMPLE_KEYS)}")
        if any(not isinstance(v, str) for v in item.values()):
            raise _fail(path, rule_id, "example values must be strings")
        example = Example(**item)
        if (example.bad is None) == (example.good is None):
            raise _fail(path, rule_id, "an example has either 'bad' (with optional 'fixed') or 'good'")
        if example.fixed is not None and (example.bad is None or fix == "none"):
            raise _fail(path, rule_id, "'fixed' goes with 'bad', in a rule that has a fix")
        out.append(example)
    if not any(e.bad is not None for e in out) or not any(e.good is not None for e in out):
        raise _fail(path, rule_id, "examples need at least one 'bad' and one 'good'")
    return tuple(out)


def compile_rule(table: Any, path: Path, pack_digest: str) -> Rule:
    """The rule of a `[[rule]]` table, every key checked, its matcher made and its regular
    expressions compiled now."""
    if not isinstance(table, dict):
        raise _fail(path, None, "each [[rule]] must be a table")
    rule_id = table.get("id")
    if not isinstance(rule_id, str) or not _ID.fullmatch(rule_id):
        raise _fail(path, repr(rule_id), "key 'id' must be a two-letter prefix and three digits, like RD001")
    kind_name = table.get("kind")
    if kind_name not in KINDS:
        raise _fail(path, rule_id, f"unknown kind {kind_name!r}{did_you_mean(str(kind_name), KINDS)}; kinds: {', '.join(KINDS)}")
    allowed = COMMON_KEYS + tuple(kinds.module(kind_name).OPTIONS)
    for key in table:
        if key in RETIRED_KEYS:
            raise _fail(path, rule_id, f"key '{key}' is no longer read: {RETIRED_KEYS[key]}")
        if key not in allowed:
            raise _fail(path, rule_id, f"unknown key '{key}'{did_you_mean(key, allowed)}")
    name = _text(table, "name", path, rule_id)
    if not _NAME.fullmatch(name):
        raise _fail(path, rule_id, f"name {name!r} must be kebab-case (lower-case words joined by '-')")
    category = _text(table, "category", path, rule_id)
    if category not in CATEGORIES:
        raise _fail(path, rule_id, f"unknown category '{category}'{did_you_mean(category, CATEGORIES)}")
    if not rule_id.startswith(CATEGORIES[category]):
        raise _fail(path, rule_id, f"ids of category '{category}' start with {CATEGORIES[category]}")
    severity = _text(table, "severity", path, rule_id)
    if severity not in SEVERITY_NAMES:
        raise _fail(path, rule_id, f"severity must be one of {', '.join(SEVERITY_NAMES)}")
    fix = _text(table, "fix", path, rule_id)
    if fix not in FIX_POLICIES:
        raise _fail(path, rule_id, f"fix must be one of {', '.join(FIX_POLICIES)}")
    fix_title = table.get("fix-title", "")
    if fix != "none" and (not isinstance(fix_title, str) or not fix_title.strip()):
        raise _fail(path, rule_id, "a rule with a fix needs 'fix-title' (imperative: 'Delete the marker')")
    message = _text(table, "message", path, rule_id)
    try:
        message.format_map({"match": "", "detail": ""})
    except (KeyError, ValueError, IndexError) as exc:
        raise _fail(path, rule_id, f"message may use only {{match}} and {{detail}}: {exc}") from None
    _text(table, "description", path, rule_id)
    _examples(table.get("examples"), path, rule_id, fix)
    rule = rule_of(table, RuleBody(path, table, _make_matcher(table, path, check=True)), pack_digest)
    line_bounded = getattr(rule.matcher, "line_bounded", ())
    if rule.matcher.line_local or line_bounded:
        _check_line_claims(rule, line_bounded, path)
    return rule


def _check_line_claims(rule: Rule, line_bounded: tuple[tuple[str, Any], ...], path: Path) -> None:
    """A rule read line by line (pattern's `scope = "line"`, or its kind's nature) must find in
    each of its examples, line by line, what it finds in the whole example; else the engine, which
    runs it only on the lines the prefilter names, would lose or invent findings. So must each
    expression it declares line by line (`line_bounded`), which its kind looks for only there."""
    for example in rule.examples:
        text = example.bad if example.bad is not None else example.good
        try:
            if rule.matcher.line_local:
                _compare_line_by_line(rule, path, text)
            for declared, expression in line_bounded:
                _compare_matches_line_by_line(rule.id, declared, expression, path, text)
        except TimeoutError:
            raise _fail(path, rule.id, f"example {text[:40]!r} ran past {RULE_TIMEOUT:g} s: an expression backtracks without end") from None


def _lines_with_ends(text: str) -> list[tuple[int, str]]:
    """Each line of `text` with its line end and its offset, as the engine runs them."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]*\n|[^\n]+\Z", text)]


def _compare_matches_line_by_line(rule_id: str, declared: str, expression: Any, path: Path, text: str) -> None:
    whole = [m.span() for m in expression.finditer(text, timeout=RULE_TIMEOUT)]
    # each line read alone, as the kind reads it
    by_line = [
        (m.start() + start, m.end() + start)
        for start, line in _lines_with_ends(text)
        for m in expression.finditer(line, timeout=RULE_TIMEOUT)
    ]
    if whole != by_line:
        raise _fail(path, rule_id, f"{declared}: example {text[:40]!r} is matched differently line by line; declare 'document'")


def _compare_line_by_line(rule: Rule, path: Path, text: str) -> None:
    from lint.engine.document import Document  # only when a rule set is compiled: a run the cache serves loads no engine

    whole = [(h.start, h.end, h.edits) for h in rule.matcher.find(Document(text, RULE_TIMEOUT))]
    by_line = []
    for offset, line in _lines_with_ends(text):
        for h in rule.matcher.find(Document(line, RULE_TIMEOUT)):
            if h.start > len(line.rstrip("\n")):
                continue  # on the empty line after it: not a line of the example
            edits = tuple(e._replace(start=e.start + offset, end=e.end + offset) for e in h.edits) if h.edits else h.edits
            by_line.append((h.start + offset, h.end + offset, edits))
    if whole != by_line:
        shown = f"example {text[:40]!r} is matched differently line by line"
        if rule.kind == "pattern":
            raise _fail(path, rule.id, f"scope = 'line': {shown}; use scope = 'document'")
        raise _fail(path, rule.id, f"the {rule.kind} kind reads each line alone, but {shown}: no expression may reach past a line")


def rule_of(table: dict[str, Any], body: RuleBody, pack_digest: str) -> Rule:
    """The rule of a table known to be valid (checked by `compile_rule`, now or when its rule set
    was compiled)."""
    return Rule(
        table["id"],
        table["name"],
        table["category"],
        Severity.parse(table["severity"]),
        table["kind"],
        table["fix"],
        str(body._path),
        body,
        pack_digest,
    )


def _make_matcher(table: dict[str, Any], path: Path, *, check: bool) -> Matcher:
    from lint.kinds.base import OptionError, check_patterns, read_options

    kind = kinds.module(table["kind"])
    try:
        options = read_options(kind.OPTIONS, table)
        if check:
            check_patterns(options)
        matcher = kind.compile(options)
        if check and hasattr(matcher, "check_compiled"):
            matcher.check_compiled()
        return matcher
    except OptionError as exc:
        raise _fail(path, table["id"], str(exc)) from None


def pack_digest(content: bytes) -> str:
    """What identifies a pack's bytes: each rule's `pack_digest`, which the results cache keys on."""
    return hashlib.sha256(content).hexdigest()


def _read_pack(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PackError(f"{path}: cannot read: {exc.strerror}") from None


def _tables(path: Path, content: bytes) -> list[dict[str, Any]]:
    """The `[[rule]]` tables of a pack's bytes (parsed from the bytes hashed: the file may have
    been saved since), its top-level keys checked."""
    try:
        data = parse(content, path)
    except TomlError as exc:
        raise PackError(str(exc)) from None
    for key in data:
        if key not in PACK_KEYS:
            raise _fail(path, None, f"unknown top-level key '{key}'{did_you_mean(key, PACK_KEYS)}")
    tables = data.get("rule")
    if not isinstance(tables, list) or not tables:
        raise _fail(path, None, "a pack needs at least one [[rule]] table")
    definitions = _definitions(data.get("define", {}), path)
    if definitions:
        tables = [_expanded(table, definitions) if isinstance(table, dict) else table for table in tables]
    return tables


def _definitions(table: Any, path: Path) -> dict[str, str]:
    """A pack's `[define]` table: names for expressions its rules share, each a string or a list of
    alternatives, referred to as `(?&name)` (the spelling of `regex`'s own call of a named group) in
    any of the rules' expressions and in later definitions."""
    if not isinstance(table, dict):
        raise _fail(path, None, "'define' must be a table of name = expression")
    out: dict[str, str] = {}
    for name, value in table.items():
        if not _DEFINITION.fullmatch(name):
            raise _fail(path, None, f"define: name {name!r} must be lower-case letters, digits and _")
        if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
            value = expressions.alternatives(value)
        if not isinstance(value, str) or not value:
            raise _fail(path, None, f"define: '{name}' must be an expression or a list of them")
        out[name] = _REFERENCE.sub(lambda m: f"(?:{out[m.group(1)]})" if m.group(1) in out else m.group(0), value)
    return out


def _expanded(table: dict[str, Any], definitions: dict[str, str]) -> dict[str, Any]:
    """The rule table with every `(?&name)` of a definition replaced by it, in the kind's keys."""

    def expand(value: Any) -> Any:
        if isinstance(value, str):
            return _REFERENCE.sub(lambda m: f"(?:{definitions[m.group(1)]})" if m.group(1) in definitions else m.group(0), value)
        if isinstance(value, list):
            return [expand(v) for v in value]
        if isinstance(value, dict):
            return {k: expand(v) for k, v in value.items()}
        return value

    return {key: value if key in COMMON_KEYS else expand(value) for key, value in table.items()}


def _combine(paths: list[Path], digests: list[str], tables: list[list[dict[str, Any]]], *, check: bool, builtin: int = 0) -> list[Rule]:
    """The rules of the packs, sorted by id; `check`: every table checked and compiled now (else
    they were when the rule set was kept), ids and names unique across packs. The first `builtin`
    packs are plancheck's own: their rules are trusted."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    names: dict[str, str] = {}
    for index, (path, digest, pack) in enumerate(zip(paths, digests, tables, strict=True)):
        for table in pack:
            rule = compile_rule(table, path, digest) if check else rule_of(table, RuleBody(path, table), digest)
            if index < builtin:
                rule = rule._replace(trusted=True)
            if rule.id in seen:
                raise _fail(path, rule.id, f"duplicate id (already defined in {seen[rule.id]})")
            if rule.name in names:
                raise _fail(path, rule.id, f"duplicate name '{rule.name}' (already used by {names[rule.name]})")
            seen[rule.id] = str(path)
            names[rule.name] = rule.id
            rules.append(rule)
    return sorted(rules, key=lambda r: r.id)


def load_pack(path: Path) -> list[Rule]:
    """The rules of one pack, every key and expression checked now (nothing kept)."""
    content = _read_pack(path)
    return _combine([path], [pack_digest(content)], [_tables(path, content)], check=True)


@lru_cache(maxsize=16)
def load_rules(extra_packs: tuple[Path, ...] = ()) -> RuleSet:
    """The built-in packs plus user packs, as a compiled rule set: kept per machine (lint.packs.compiled)
    for the packs' bytes, else parsed, checked and compiled now, and kept."""
    paths = [*builtin_pack_paths(), *extra_packs]
    builtin = len(paths) - len(extra_packs)
    contents = [_read_pack(path) for path in paths]
    digests = [pack_digest(content) for content in contents]
    key = compiled.key_of(digests)
    tables = compiled.read(key)
    if tables is not None and len(tables) == len(paths):
        return RuleSet(tuple(_combine(paths, digests, tables, check=False, builtin=builtin)), compiled.Kept(key))
    tables = [_tables(path, content) for path, content in zip(paths, contents, strict=True)]
    rules = _combine(paths, digests, tables, check=True, builtin=builtin)
    from lint.engine import core as engine  # noqa: F401 - their own expressions are kept with the rules'

    compiled.write(key, tables)
    return RuleSet(tuple(rules), compiled.Kept(key))
