"""Inline suppressions: `<!-- plancheck: … -->` directives in a text, and what they silence.

    <!-- plancheck: disable-next-line RD001 -->   the line after the comment
    <!-- plancheck: disable PH -->  …  <!-- plancheck: enable PH -->   a block (to the end without enable)
    <!-- plancheck: disable-file -->              the whole text

Selectors are what `--ignore` takes (ids, id prefixes, categories, rule names), separated by
spaces or commas; none means every rule. A finding is silenced when its start lies in a directive's
span. A directive that silences nothing, an unknown selector and an `enable` with nothing to enable
are reported as findings of `unused-suppression` (a warning, outside the rule packs), so a
suppression cannot outlive the artifact it was written for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from lint.engine.expressions import LazyPattern
from lint.model import LINE_END, UNUSED, UNUSED_CATEGORY, Finding, Severity
from lint.packs.load import RuleSet
from lint.packs.selection import ignored_by
from lint.suggest import did_you_mean

if TYPE_CHECKING:
    pass

ACTIONS = ("disable-next-line", "disable-file", "disable", "enable")

_DIRECTIVE = LazyPattern(r"<!--[ \t]*plancheck[ \t]*:(?P<body>[^\n]*?)-->")
_SEPARATOR = LazyPattern(r"[\s,]+")
_LINE_END = LazyPattern(LINE_END)


class Directive(NamedTuple):
    """One `<!-- plancheck: … -->` comment: what it does, to which rules, and where it is."""

    action: str
    selectors: tuple[str, ...]  # the valid ones, as written
    start: int  # of the comment
    end: int
    rules: frozenset[str]  # the rule ids its selectors name


class Span(NamedTuple):
    """Where one directive silences one rule: findings starting in [start, end)."""

    directive: int
    rule: str
    start: int
    end: int


class Directives(NamedTuple):
    """All the directives of a document, and the spans each rule is silenced in."""

    items: tuple[Directive, ...]
    spans: Mapping[str, tuple[Span, ...]]  # by rule
    problems: tuple[Finding, ...]  # malformed directives, found while reading them

    def silencer(self, rule: str, offset: int) -> int | None:
        """The directive that silences `rule` at `offset`, if any."""
        return next((s.directive for s in self.spans.get(rule, ()) if s.start <= offset < s.end), None)


def not_honoured(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` as they are, with a warning at each directive of `text`: a strict gate checks a
    stranger's tree, where a directive could silence anything."""
    message = "Directive not honoured in a strict gate: `{}`"
    notes = [_problem(m.start(), m.end(), message.format(m.group("body").strip())) for m in _DIRECTIVE.finditer(text)]
    return sorted([*findings, *notes], key=lambda f: (f.start, f.end, f.rule))


def _problem(start: int, end: int, message: str) -> Finding:
    return Finding(UNUSED, UNUSED, UNUSED_CATEGORY, Severity.WARNING, message, start, end)


def _next_line(text: str, offset: int) -> tuple[int, int]:
    """The span of the line after the one holding `offset`, its line end included."""
    first_end = _LINE_END.search(text, offset)
    if first_end is None:
        return len(text), len(text)
    second_end = _LINE_END.search(text, first_end.end())
    return first_end.end(), second_end.end() if second_end else _past_end(text)


def _past_end(text: str) -> int:
    # a span running to the end of the text holds a finding at its very end (a missing last line end)
    return len(text) + 1


def may_have_directives(text: str) -> bool:
    """False for almost every text, decided without a regular expression."""
    return "plancheck" in text


def read(text: str, known: RuleSet) -> Directives:
    """The directives of `text`, with selectors resolved against every rule `known`."""
    if not may_have_directives(text):
        return Directives((), {}, ())
    every_rule = frozenset(r.id for r in known)
    vocabulary = ["ALL", *sorted({r.category for r in known}), *(r.name for r in known), *(r.id for r in known)]
    items: list[Directive] = []
    problems: list[Finding] = []
    for m in _DIRECTIVE.finditer(text):
        words = [w for w in _SEPARATOR.split(m.group("body")) if w]
        action, selectors = (words[0], tuple(words[1:])) if words else ("", ())
        if action not in ACTIONS:
            problems.append(_problem(m.start(), m.end(), f"Unknown plancheck directive '{action}'{did_you_mean(action, ACTIONS)}"))
            continue
        valid = []
        for selector in selectors:
            if ignored_by(known, [selector]):
                valid.append(selector)
            else:
                problems.append(_problem(m.start(), m.end(), f"Unknown rule selector '{selector}'{did_you_mean(selector, vocabulary)}"))
        if selectors and not valid:
            continue  # already reported: nothing valid to suppress
        rules = frozenset(ignored_by(known, valid)) if valid else every_rule
        items.append(Directive(action, tuple(valid), m.start(), m.end(), rules))
    spans, unmatched = _spans(text, items)
    problems.extend(_problem(d.start, d.end, "Nothing to enable: no disable before this directive is open") for d in unmatched)
    by_rule: dict[str, list[Span]] = {}
    for span in spans:
        by_rule.setdefault(span.rule, []).append(span)
    return Directives(tuple(items), {rule: tuple(found) for rule, found in by_rule.items()}, tuple(problems))


def _spans(text: str, items: list[Directive]) -> tuple[list[Span], list[Directive]]:
    """The span each directive silences; and the `enable` directives that closed nothing."""
    spans: list[Span] = []
    unmatched: list[Directive] = []
    open_since: dict[str, tuple[int, int]] = {}  # rule -> (directive index, start)
    for index, d in enumerate(items):
        if d.action == "disable-file":
            spans.extend(Span(index, rule, 0, _past_end(text)) for rule in d.rules)
        elif d.action == "disable-next-line":
            start, end = _next_line(text, d.end)
            spans.extend(Span(index, rule, start, end) for rule in d.rules)
        elif d.action == "disable":
            for rule in d.rules:
                open_since.setdefault(rule, (index, d.start))
        else:
            closing = sorted(d.rules & open_since.keys())
            if not closing:
                unmatched.append(d)
            for rule in closing:
                opener, start = open_since.pop(rule)
                spans.append(Span(opener, rule, start, d.end))
    spans.extend(Span(opener, rule, start, _past_end(text)) for rule, (opener, start) in open_since.items())
    return spans, unmatched


def apply(text: str, findings: list[Finding], rules: RuleSet, known: RuleSet) -> list[Finding]:
    """`findings` (of `rules` on `text`) without those the text's directives silence, plus an
    `unused-suppression` finding for each directive that silenced nothing. A directive whose rules
    did not run (not selected) cannot be judged and is left alone."""
    directives = read(text, known)
    if not directives.items and not directives.problems:
        return findings
    kept = []
    used = set()
    for f in findings:
        silencer = directives.silencer(f.rule, f.start)
        if silencer is None:
            kept.append(f)
        else:
            used.add(silencer)
    ran = {r.id for r in rules}
    for index, d in enumerate(directives.items):
        if d.action != "enable" and index not in used and d.rules & ran:
            written = " ".join((d.action, *d.selectors))
            kept.append(_problem(d.start, d.end, f"Unused suppression: `{written}` silences no finding"))
    kept.extend(directives.problems)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule))
