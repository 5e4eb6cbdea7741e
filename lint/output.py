"""Rendering findings for people: `full` (the line with the span marked), `concise`, `json`,
statistics and the summary. Machine formats for CI are in lint/formats.py."""

from __future__ import annotations

import bisect
import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .model import Applicability, Finding, Severity
from .terminal import PLAIN, Palette

_LINE_END = regex.compile(r"\r*\n|\r")
CONTEXT = 30  # characters shown on each side of a span in `full` output


class Locator:
    """Line and column (1-based, in characters) of offsets in a text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
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


def display_width(text: str) -> int:
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


@dataclass(frozen=True)
class Located:
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


def render_json(items: list[Located]) -> str:
    return json.dumps([as_json(i) for i in items], ensure_ascii=False, indent=2)


def render_statistics(items: list[Located]) -> str:
    counts = Counter(i.finding.rule for i in items)
    names = {i.finding.rule: i.finding for i in items}
    fixable = {i.finding.rule for i in items if safely_fixable(i.finding)}
    width = max((len(str(c)) for c in counts.values()), default=1)
    rows = []
    for rule, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        f = names[rule]
        mark = "[*]" if rule in fixable else "[ ]"
        rows.append(f"{count:>{width}}  {rule}  {mark} {f.name} ({f.category}, {f.severity})")
    return "\n".join(rows)


def by_severity(findings: Iterable[Finding]) -> str:
    """`2 errors, 1 warning, 3 info`: the counts of the severities present, most severe first."""
    counts = Counter(f.severity for f in findings)
    return ", ".join(
        f"{counts[s]} {s}" + ("s" if counts[s] != 1 and s is not Severity.INFO else "")
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[s]
    )


def summary(items: list[Located], files: int, errors: int = 0, paint: Palette = PLAIN) -> str:
    if not items:
        if errors:
            return f"No findings in {files} file{'s' if files != 1 else ''} checked; {errors} error{'s' if errors != 1 else ''} above."
        return paint("All checks passed!", "ok")
    noun = "finding" if len(items) == 1 else "findings"
    files_with = len({i.path for i in items})
    counted = f"Found {len(items)} {noun} ({by_severity(i.finding for i in items)})"
    text = f"{paint(counted, 'bold')} in {files_with} of {files} file{'s' if files != 1 else ''}."
    if errors:
        text += f" {errors} error{'s' if errors != 1 else ''} above."
    safe = sum(1 for i in items if safely_fixable(i.finding))
    unsafe = sum(1 for i in items if i.finding.fix and i.finding.fix.applicability is Applicability.UNSAFE)
    if safe:
        text += f"\n{paint('[*]', 'fix')} {safe} fixable with `plancheck --fix`."
    if unsafe:
        text += f"\n{unsafe} more fixable with `plancheck --fix --unsafe-fixes`."
    return text
