"""Rendering findings for people: `full` (the line with the span marked), `concise`, a finding as
JSON, statistics and the summary. Machine formats for CI are in lint/output/formats.py."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from lint.model import LINE_END, Applicability, Finding, Severity
from lint.output.terminal import PLAIN, Palette

_LINE_END = re.compile(LINE_END)
CONTEXT = 30  # characters shown on each side of a span in `full` output


class Locator:
    """Line and column (1-based, in characters) of offsets in a text."""

    def __init__(self, text: str) -> None:
        self.text = text
        if "\r" in text:
            self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        else:  # the common case, without a match object per line
            self.starts = [0, *itertools.accumulate(len(line) + 1 for line in text.split("\n")[:-1])]
        # one string per line, shared by all the findings on it: a long line with thousands of
        # findings must not be copied thousands of times
        self._lines: dict[int, str] = {}

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        if line not in self._lines:
            start = self.starts[line - 1]
            end = self.starts[line] if line < len(self.starts) else len(self.text)
            self._lines[line] = _LINE_END.sub("", self.text[start:end])
        return self._lines[line]


class _Widths(dict):
    """Columns a character takes in a terminal, looked up once per character."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        return width


_WIDTHS = _Widths()


def display_width(text: str) -> int:
    return len(text) if text.isascii() else sum(map(_WIDTHS.__getitem__, text))


class Located(NamedTuple):
    """A finding placed in its file: line and column, and the line's text to show it in."""

    path: str
    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    source_line: str


def locate(path: str, text: str, findings: Iterable[Finding]) -> list[Located]:
    locator = Locator(text)
    out = []
    for f in findings:
        line, column = locator.position(f.start)
        end_line, end_column = locator.position(f.end)
        out.append(Located(path, f, line, column, end_line, end_column, text[f.start : f.end], locator.line_text(line)))
    return out


def fix_note(f: Finding) -> str:
    if f.fix is None:
        return ""
    if f.fix.applicability is Applicability.SAFE:
        return f"fix: {f.fix.message}"
    return f"unsafe fix (--unsafe-fixes): {f.fix.message}"


def _head(item: Located, paint: Palette, marker: str = "") -> str:
    f = item.finding
    severity = str(f.severity)
    rule = paint(f.rule, severity) + paint(marker, "fix")
    return f"{paint(item.path, 'path')}:{item.line}:{item.column}: {rule} [{paint(severity, severity)}] {f.message}"


def render_full(item: Located, paint: Palette = PLAIN) -> str:
    f = item.finding
    head = _head(item, paint)
    full = item.source_line
    col = item.column - 1
    first_line_of_span = item.text.split("\n", 1)[0].split("\r", 1)[0]
    span_len = max(1, min(len(full) - col, len(first_line_of_span)) if col < len(full) else 1)
    left = max(0, col - CONTEXT)
    right = min(len(full), col + span_len + CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(full) else ""
    window = full[left:right].replace("\t", " ")  # only the window: the line may be megabytes long
    shown = prefix + window + suffix
    pad = display_width(prefix + window[: col - left])
    carets = "^" * max(1, display_width(window[col - left : col - left + span_len]))
    gutter = " " * len(str(item.line))
    lines = [head, f"{gutter} |", f"{item.line} | {shown}", f"{gutter} | {' ' * pad}{paint(carets, str(f.severity))}"]
    note = fix_note(f)
    if note:
        lines.append(f"{gutter} = {paint(note, 'fix')}")
    return "\n".join(lines)


def safely_fixable(f: Finding) -> bool:
    return f.fix is not None and f.fix.applicability is Applicability.SAFE


def render_concise(item: Located, paint: Palette = PLAIN) -> str:
    return _head(item, paint, " [*]" if safely_fixable(item.finding) else "")


def as_json(item: Located) -> dict:
    f = item.finding
    fix = None
    if f.fix is not None:
        fix = {
            "applicability": str(f.fix.applicability),
            "message": f.fix.message,
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in f.fix.edits],
        }
    return {
        "path": item.path,
        "rule": f.rule,
        "name": f.name,
        "category": f.category,
        "severity": str(f.severity),
        "message": f.message,
        "line": item.line,
        "column": item.column,
        "end_line": item.end_line,
        "end_column": item.end_column,
        "start": f.start,
        "end": f.end,
        "text": item.text,
        "fix": fix,
    }


# What the statistics, the summary and the exit status need of a finding: its rule (id, name and
# category), its severity and how it can be fixed ("safe", "unsafe" or None). A run that prints only
# counts keeps these counts instead of the findings, so it never places a finding in its text.
Kind = tuple[str, str, str, int, "str | None"]


def kind(f: Finding) -> Kind:
    return f.rule, f.name, f.category, int(f.severity), None if f.fix is None else f.fix.applicability.value


def count_kinds(findings: Iterable[Finding]) -> dict[Kind, int]:
    """How many findings of each kind, in the order of each kind's last occurrence."""
    counts: dict[Kind, int] = {}
    for f in findings:
        k = kind(f)
        counts[k] = counts.pop(k, 0) + 1
    return counts


class Tally:
    """A run's findings counted by kind (in the order of each kind's last occurrence), with what the
    summary and the exit status need to know of their files."""

    def __init__(self) -> None:
        self.kinds: dict[Kind, int] = {}
        self.paths: set[str] = set()  # the files with findings
        self.failing = False  # whether a finding is at or above the fail level of its file

    def add(self, path: str, counts: Mapping[Kind, int], fail_level: Severity) -> None:
        """Count the findings of one file, after those of the files before it."""
        if counts:
            self.paths.add(path)
        for k, n in counts.items():
            self.kinds[k] = self.kinds.pop(k, 0) + n
            self.failing = self.failing or k[3] >= fail_level

    def total(self) -> int:
        return sum(self.kinds.values())


_SAFE, _UNSAFE = Applicability.SAFE.value, Applicability.UNSAFE.value


def render_statistics(tally: Tally) -> str:
    counts: Counter[str] = Counter()
    last: dict[str, Kind] = {}  # a rule is described by its last finding
    fixable = set()
    for k, n in tally.kinds.items():
        counts[k[0]] += n
        last[k[0]] = k
        if k[4] == _SAFE:
            fixable.add(k[0])
    width = max((len(str(c)) for c in counts.values()), default=1)
    rows = []
    for rule, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        _, name, category, severity, _ = last[rule]
        mark = "[*]" if rule in fixable else "[ ]"
        rows.append(f"{count:>{width}}  {rule}  {mark} {name} ({category}, {Severity(severity)})")
    return "\n".join(rows)


def by_severity(findings: Iterable[Finding]) -> str:
    """`2 errors, 1 warning, 3 info`: the counts of the severities present, most severe first."""
    return _by_severity(Counter(f.severity for f in findings))


def _by_severity(counts: Mapping[int, int]) -> str:
    return ", ".join(
        f"{counts[s]} {s}" + ("s" if counts[s] != 1 and s is not Severity.INFO else "")
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts.get(s)
    )


def summary(tally: Tally, files: int, errors: int = 0, paint: Palette = PLAIN) -> str:
    total = tally.total()
    if not total:
        if errors:
            return f"No findings in {files} file{'s' if files != 1 else ''} checked; {errors} error{'s' if errors != 1 else ''} above."
        return paint("All checks passed!", "ok")
    noun = "finding" if total == 1 else "findings"
    severities: Counter[int] = Counter()
    fixes: Counter[str | None] = Counter()
    for k, n in tally.kinds.items():
        severities[k[3]] += n
        fixes[k[4]] += n
    files_with = len(tally.paths)
    counted = f"Found {total} {noun} ({_by_severity(severities)})"
    text = f"{paint(counted, 'bold')} in {files_with} of {files} file{'s' if files != 1 else ''}."
    if errors:
        text += f" {errors} error{'s' if errors != 1 else ''} above."
    safe, unsafe = fixes[_SAFE], fixes[_UNSAFE]
    if safe:
        text += f"\n{paint('[*]', 'fix')} {safe} fixable with `plancheck --fix`."
    if unsafe:
        text += f"\n{unsafe} more fixable with `plancheck --fix --unsafe-fixes`."
    return text
