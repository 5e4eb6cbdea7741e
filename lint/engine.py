"""Detection and the fix loop. Pure: text in, findings and text out; no I/O, no global state."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from .document import Document, NewlineMap
from .model import Applicability, Edit, Finding, Fix
from .packs import Rule, RuleSet

MAX_PASSES = 32


def check(text: str, rules: RuleSet) -> list[Finding]:
    """Every finding of `rules` in `text`, sorted by position then rule id."""
    newlines = NewlineMap(text)
    doc = Document(NewlineMap.normalize(text))
    findings = []
    present: dict[str, bool] = {}
    for rule in rules:
        if rule.anchors and not any(_occurs(doc.text, a, present) for a in rule.anchors):
            continue
        for hit in rule.matcher.find(doc):
            findings.append(_finding(rule, hit, doc.text, newlines))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def _occurs(text: str, anchor: str, present: dict[str, bool]) -> bool:
    if anchor not in present:
        present[anchor] = anchor in text
    return present[anchor]


def _finding(rule: Rule, hit, norm_text: str, newlines: NewlineMap) -> Finding:
    fix = None
    if hit.edits and rule.fix != "none":
        edits = tuple(Edit(newlines.to_original(e.start), newlines.to_original(e.end), newlines.content(e.content)) for e in hit.edits)
        fix = Fix(edits, Applicability(rule.fix), rule.fix_title)
    return Finding(
        rule=rule.id,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message=rule.render_message(norm_text[hit.start : hit.end], hit.detail),
        start=newlines.to_original(hit.start),
        end=newlines.to_original(hit.end),
        fix=fix,
    )


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """Apply non-overlapping fixes in one pass sorted by position; overlapping ones wait for the
    next pass, which finds them again on the new text."""
    applied: list[Fix] = []
    taken: list[Edit] = []
    seen_edits: set[tuple[Edit, ...]] = set()
    last_end = -1
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        edits = tuple(sorted(fix.edits, key=lambda e: (e.start, e.end)))
        if edits in seen_edits:
            continue
        if fix.start < last_end or (taken and fix.start == last_end and taken[-1].start == taken[-1].end == fix.start):
            continue
        seen_edits.add(edits)
        applied.append(fix)
        taken.extend(edits)
        last_end = max(last_end, fix.end)
    if not taken:
        return text, []
    taken.sort(key=lambda e: (e.start, e.end))
    parts = []
    cursor = 0
    for edit in taken:
        parts.append(text[cursor : edit.start])
        parts.append(edit.content)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts), applied


@dataclass(frozen=True)
class FixResult:
    text: str
    initial: list[Finding]
    remaining: list[Finding]
    fixed: Counter = field(default_factory=Counter)
    converged: bool = True
    unstable_rules: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return sum(self.fixed.values()) > 0


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def fix(text: str, rules: RuleSet, *, unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixResult:
    """Fix until nothing applies. On a cycle or at the cap the original text is kept and the result
    says which rules kept changing it."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    original = text
    seen = {_digest(text)}
    fixed: Counter = Counter()
    initial: list[Finding] | None = None
    touched: Counter = Counter()
    for _ in range(max_passes):
        findings = check(text, rules)
        if initial is None:
            initial = findings
        fixes = [f.fix for f in findings if f.fix is not None and f.fix.applicability in allowed]
        if not fixes:
            return FixResult(text, initial, findings, fixed)
        by_fix = {id(f.fix): f.rule for f in findings if f.fix is not None}
        text, applied = apply_fixes(text, fixes)
        rule_ids = [by_fix[id(a)] for a in applied]
        fixed.update(rule_ids)
        touched.update(rule_ids)
        digest = _digest(text)
        if digest in seen:
            break
        seen.add(digest)
    unstable = tuple(sorted(touched))
    return FixResult(original, initial or [], initial or [], Counter(), converged=False, unstable_rules=unstable)
