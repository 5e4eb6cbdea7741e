"""Detection and the fix loop. Pure: text in, findings and text out; no I/O, no global state."""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from lint.engine import linescope, prefilter, script
from lint.engine.document import Document, NewlineMap, han_count
from lint.kinds.base import CARRIED_LINES, LazyPattern
from lint.limits import MAX_DELETION, MAX_INSERTION, MIN_INSERTION, RULE_TIMEOUT
from lint.model import Applicability, Edit, Finding, Fix, Severity
from lint.packs.load import Rule, RuleSet

MAX_PASSES = 32


def prepare(rules: RuleSet) -> None:
    """Do now what checking does once per process: compile every rule's expressions and load the
    prefilter. Workers forked after this share the result instead of each doing it again."""
    for rule in rules:
        for value in vars(rule.matcher).values():
            items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else (value,)
            for item in items:
                if isinstance(item, LazyPattern):
                    item.compiled()
    prefilter.preload(rules)


def check(text: str, rules: RuleSet, *, timeout: float | None = RULE_TIMEOUT) -> list[Finding]:
    """Every finding of `rules` in `text`, sorted by position then rule id. A rule that runs past
    `timeout` on the text is reported as a finding of its own, and the others still run."""
    return _check(text, rules, timeout)


def _check(text: str, rules: RuleSet, timeout: float | None) -> list[Finding]:
    return _check_timed(text, rules, timeout)[0]


def _check_timed(
    text: str, rules: RuleSet, timeout: float | None, carried: linescope.CarriedHits | None = None
) -> tuple[list[Finding], list[str]]:
    """`check`'s findings, and the rules that ran past `timeout`. plancheck's own rules read a text
    in traditional script through its simplified view; a user's rules read the text as written
    (they may be written for either script). `carried` (in the fix loop) holds what the rules that
    read lines alone found on each line of the text the pass before checked: they run only on the
    lines that are new."""
    newlines = NewlineMap(text)
    norm = NewlineMap.normalize(text)
    view = script.simplified_view(norm)
    documents: dict[bool, tuple[Document, prefilter.Prefilter | None]] = {}
    findings = []
    timed_out = []
    for rule in rules:
        on_view = view is not None and rule.trusted and not getattr(rule.matcher, "as_written", False)
        if on_view not in documents:
            documents[on_view] = _document(view if on_view else norm, rules, timeout)
            if carried is not None:
                doc = documents[on_view][0]
                doc.memo(CARRIED_LINES, lambda doc=doc, reading=on_view: functools.partial(carried.by_line, reading, doc))
        doc, filter_ = documents[on_view]
        candidates = filter_.candidates(doc.trigger_lines, rule.id) if filter_ and doc.trigger_lines is not None else None
        if candidates is not None and rule.matcher.folds:
            folding = doc.folding_lines()
            if folding:
                # found in the text as it is, which the rule reads folded: where folding changes
                # a line, the rule must look itself (at the whole text, unless it reads lines alone)
                candidates = sorted({*candidates, *folding}) if rule.matcher.line_local else None
        if candidates == []:
            continue  # none of its triggers occurs: it cannot hit
        doc.guard_timeout = None if rule.trusted else timeout
        try:
            if not rule.matcher.line_local:
                hits = list(rule.matcher.find(doc))
            elif carried is not None:
                hits = carried.hits(on_view, doc, rule, candidates)
            else:
                hits = linescope.hits(doc, rule, candidates)
        except TimeoutError:
            findings.append(_timed_out(rule, timeout))
            timed_out.append(rule.id)
            continue
        findings.extend(_finding(rule, hit, norm, view if on_view else None, newlines) for hit in hits)
    if carried is not None:
        carried.end_pass({on_view: doc for on_view, (doc, _) in documents.items()})
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings, timed_out


def _document(text: str, rules: RuleSet, timeout: float | None) -> tuple[Document, prefilter.Prefilter | None]:
    doc = Document(text, timeout)
    filter_ = prefilter.for_text(rules, doc.text)
    doc.trigger_lines = filter_.scan(doc.text) if filter_ is not None else None
    return doc, filter_


def _timed_out(rule: Rule, timeout: float | None) -> Finding:
    return Finding(
        rule=rule.id,
        name=rule.name,
        category=rule.category,
        severity=Severity.ERROR,
        message=f"Rule ran past the time limit ({timeout:g} s) on this document and was skipped",
        start=0,
        end=0,
    )


def _finding(rule: Rule, hit, norm_text: str, view: str | None, newlines: NewlineMap) -> Finding:
    """The finding of `hit`, made on `view` (the simplified view of a text in traditional script)
    or on `norm_text` itself, in the original text's offsets and script."""
    fix = None
    if hit.edits and rule.fix != "none":
        edits = hit.edits if view is None else tuple(script.traditional_edit(norm_text, view, e) for e in hit.edits)
        edits = tuple(Edit(newlines.to_original(e.start), newlines.to_original(e.end), newlines.content(e.content)) for e in edits)
        fix = Fix(edits, Applicability(rule.fix), rule.fix_title)
    return Finding(
        rule=rule.id,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message=rule.render_message(norm_text[hit.start : hit.end], hit.detail if view is None else script.traditional(hit.detail)),
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


class FixResult(NamedTuple):
    """The fixed text, the findings before and after fixing, and how many of each rule were fixed."""

    text: str
    initial: list[Finding]
    remaining: list[Finding]
    fixed: Counter
    converged: bool = True
    unstable_rules: tuple[str, ...] = ()
    # set when the fixes were refused because they would delete too much of the document
    refused: str = ""

    @property
    def changed(self) -> bool:
        return sum(self.fixed.values()) > 0


def _too_much_deleted(original: str, deleted: Counter, limit: float) -> str:
    """`deleted` counts, per rule, the Han characters its applied edits removed (net of what they
    inserted), so the fixed text has the original's count less their sum."""
    removed = sum(deleted.values())
    if removed <= 0 or limit >= 1:  # a limit of 1 (100 %) turns the guard off
        return ""
    before = han_count(original)
    after = before - removed
    share = removed / before
    if after and share <= limit:
        return ""
    culprit = max(deleted, key=lambda rule: deleted[rule])
    what = "all of its Han text" if not after else f"{share:.0%} of its Han text (limit {limit:.0%})"
    return f"fixes would delete {what}, most of it by {culprit} (raise max-deletion to allow)"


def _too_much_inserted(original: str, text: str, inserted: Counter, limit: float) -> str:
    """Whether the fixes grew the text past `limit` (a share of its length, and MIN_INSERTION
    characters in any case): a fix that inserts what it then matches again would grow it pass
    after pass, run after run."""
    grown = len(text) - len(original)
    if limit >= 1 or grown <= max(MIN_INSERTION, limit * len(original)):
        return ""
    culprit = max(inserted, key=lambda rule: inserted[rule])
    return f"fixes would grow the text by {grown} characters, most of them by {culprit} (raise max-insertion to allow)"


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def fix(
    text: str,
    rules: RuleSet,
    *,
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
    max_deletion: float = MAX_DELETION,
    max_insertion: float = MAX_INSERTION,
    timeout: float | None = RULE_TIMEOUT,
    keep: Callable[[str, list[Finding]], list[Finding]] | None = None,
) -> FixResult:
    """Fix until nothing applies. On a cycle or at the cap the original text is kept and the result
    says which rules kept changing it. Fixes that together would delete more than `max_deletion`
    of the document's Han text, or all of it, are refused the same way, naming the rule that
    deleted most: a cleaning tool must not eat a document; and so are fixes that grow it by more
    than `max_insertion` of its length, and any fixing of a text on which a rule ran past `timeout`
    (its pass saw only part of what the text holds). `keep` filters each pass's findings (the
    text's suppression directives): what it drops is neither fixed nor reported. After the first
    pass, the rules that read lines alone read only the lines the fixes made (`CarriedHits`): the
    result is that of full checks, which tests/test_fix_loop.py holds it to."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    original = text
    seen = {_digest(text): 0}  # each text the loop made, with the pass that made it
    fixed: Counter = Counter()
    deleted_han: Counter = Counter()
    inserted: Counter = Counter()
    initial: list[Finding] | None = None
    by_pass: list[list[str]] = []  # the rules whose fixes each pass applied
    carried = linescope.CarriedHits()
    for _ in range(max_passes):
        findings, timed_out = _check_timed(text, rules, timeout, carried)
        if keep is not None:
            findings = keep(text, findings)
        if initial is None:
            initial = findings
        if timed_out:
            refused = f"{', '.join(timed_out)} ran past the time limit ({timeout:g} s), so no fix is applied (raise rule-timeout to allow)"
            return FixResult(original, initial, initial, Counter(), refused=refused)
        fixes = [f.fix for f in findings if f.fix is not None and f.fix.applicability in allowed]
        if not fixes:
            refused = _too_much_deleted(original, deleted_han, max_deletion)
            if refused:
                return FixResult(original, initial, initial, Counter(), refused=refused)
            return FixResult(text, initial, findings, fixed)
        by_fix = {id(f.fix): f.rule for f in findings if f.fix is not None}
        before = text
        text, applied = apply_fixes(text, fixes)
        rule_ids = [by_fix[id(a)] for a in applied]
        for fix_, rule_id in zip(applied, rule_ids, strict=True):
            deleted_han[rule_id] += sum(han_count(before[e.start : e.end]) - han_count(e.content) for e in fix_.edits)
            inserted[rule_id] += sum(len(e.content) - (e.end - e.start) for e in fix_.edits)
        fixed.update(rule_ids)
        refused = _too_much_inserted(original, text, inserted, max_insertion)
        if refused:  # at once: a fix that grows the text could make it too large to hold
            return FixResult(original, initial, initial, Counter(), refused=refused)
        by_pass.append(rule_ids)
        digest = _digest(text)
        if digest in seen:
            # a cycle: the rules that fixed something since the loop first made this text
            cycle = by_pass[seen[digest] :]
            break
        seen[digest] = len(by_pass)
    else:
        cycle = by_pass[-1:]  # at the cap: the rules of the last pass, still changing the text
    unstable = tuple(sorted({rule_id for rules_ in cycle for rule_id in rules_}))
    return FixResult(original, initial or [], initial or [], Counter(), converged=False, unstable_rules=unstable)
