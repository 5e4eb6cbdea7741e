"""Data-driven cases beyond the packs' examples, in the manner of sqlfluff's yaml rule tests: the
realistic traps of each artifact family, and the artifacts themselves with where they are found
and what fixing makes of them.

Every rule of the built-in packs has a file `tests/cases/<RULE>.toml` of `[[case]]` tables, each
with a `name` (unique in its file: the test id is `<RULE>-<name>`) and either

    pass = "…"                 # text the rule must not flag: legitimate text that looks similar

or

    fail = "…"                 # text the rule must flag
    positions = [[1, 5], …]    # where each of its findings starts, in the order they are reported
    fix = "…"                  # the text after fixing with this rule alone

`positions`: one `[line, column]` per finding of the rule, in the engine's order (by position),
both 1-based, the column counted in characters (code points, not display width or bytes), lines
ended by \\n, \\r\\n, \\r or \\r\\r\\n: the place `plancheck --output-format concise` prints. Given, it
must match exactly, so it also pins the number of findings. Every rule has at least two fail cases
with positions; a fail case goes without only where a rule bug keeps the right positions from
matching (a comment above it says so), rather than pinning the wrong ones.

`fix`: the result of the fix loop with this rule alone, at the rule's own safety level (its
unsafe fixes too, for a rule whose fix is "unsafe") and without the deletion guard. Absent, the
text must stay as it is: the rule offers no fix there. A rule with `fix = "none"` takes no `fix`.

After fixing, the text must lint clean with the rule, checked afresh (the fix loop stops when its
own incremental check of the lines it changed finds nothing to fix): no finding of it that still
has a fix (a rule's fixes all have its own applicability, so such a fix would be applicable at the
level just used). Report-only findings may stay: every finding of a rule with `fix = "none"`, and those a
fixable rule reports without a fix (a repeated ordinal in a sequence that is broken elsewhere,
mojibake that does not decode exactly). They are what `--fix` leaves for a person: the case's
positions pin them, and its `fix` (or its absence) says what the text around them becomes.

Fixes must make no new work for other rules (codespell's discipline): every pack example's
`fixed` and every case's `fix` (and what fixing gives now, should that differ), checked with all
built-in rules, has no finding that the text before fixing, checked the same way, did not already
have at that place. At that place: a finding of the same rule whose span, carried into the fixed
text through a character alignment of the two texts (difflib), is the same span, so a finding
that only moved with the text around it is the old one; anything else (another rule, a span the
fix created or changed) is new. Pack examples known to break this are listed in
KNOWN_NEW_FINDINGS, as strict expected failures.

No case sets a `config`: the settings a user has (selection, severity, fail level, the deletion
guard, encodings) change what is reported or whether a fix is kept, never what a rule finds or
how it fixes; a rule's options are its pack's.
"""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import Path

import pytest

from lint.engine import core as engine
from lint.files.tomlload import load
from lint.output.human import Locator
from lint.packs.load import load_rules

RULES = load_rules()
CASES = Path(__file__).parent / "cases"
KEYS = {"name", "pass", "fail", "positions", "fix"}
MIN_FAIL, MIN_PASS = 2, 3

# Pack examples whose `fixed` text another rule flags anew: rule bugs (the packs are not this
# test's to change). They still run, as strict expected failures: once the rule is fixed the test
# passes, which fails the run until the entry is struck off.
KNOWN_NEW_FINDINGS = {
    "WM003-bad0": "deleting an address that is the whole first line leaves a blank first line (LY002)",
}


def _load(path: Path) -> list[dict]:
    cases = load(path)["case"]
    rule = RULES.get(path.stem)
    names = [case.get("name") for case in cases]
    assert len(set(names)) == len(names), f"{path}: duplicate case names"
    for case in cases:
        where = f"{path}: case {case.get('name')!r}"
        assert set(case) <= KEYS and "name" in case, f"{where}: keys are {sorted(KEYS)}"
        assert ("pass" in case) != ("fail" in case), f"{where}: either 'pass' or 'fail'"
        assert "pass" not in case or not {"positions", "fix"} & set(case), f"{where}: 'positions' and 'fix' go with 'fail'"
        assert rule is None or "fix" not in case or rule.fix != "none", f"{where}: {rule.id} has no fix"
    return cases


ALL_CASES = {path.stem: _load(path) for path in sorted(CASES.glob("*.toml"))}


def _params():
    for rule_id, cases in ALL_CASES.items():
        for case in cases:
            yield pytest.param(rule_id, case, id=f"{rule_id}-{case['name']}")


def _positions(text: str, findings) -> list[list[int]]:
    locator = Locator(text)
    return [list(locator.position(f.start)) for f in findings]


def _fix(text: str, rule_id: str):
    rule = RULES.get(rule_id)
    return engine.fix(text, RULES.only([rule_id]), unsafe=rule.fix == "unsafe", max_deletion=1.0)


def test_every_case_file_names_a_rule():
    assert set(ALL_CASES) <= {r.id for r in RULES}


@pytest.mark.parametrize("rule", list(RULES), ids=lambda r: r.id)
def test_every_rule_has_its_cases(rule):
    cases = ALL_CASES.get(rule.id)
    assert cases is not None, f"no tests/cases/{rule.id}.toml"
    located = [case for case in cases if "fail" in case and "positions" in case]
    assert len(located) >= MIN_FAIL, f"fewer than {MIN_FAIL} fail cases with positions"
    assert sum("pass" in case for case in cases) >= MIN_PASS, f"fewer than {MIN_PASS} pass cases"


@pytest.mark.parametrize(("rule_id", "case"), list(_params()))
def test_case(rule_id, case):
    only = RULES.only([rule_id])
    if "pass" in case:
        assert engine.check(case["pass"], only) == []
        return
    text = case["fail"]
    findings = engine.check(text, only)
    assert findings, "not flagged"
    if "positions" in case:
        assert _positions(text, findings) == case["positions"]
    result = _fix(text, rule_id)
    assert result.converged
    assert result.text == case.get("fix", text)
    left = [f for f in engine.check(result.text, only) if f.fix is not None]  # afresh, not incrementally
    assert left == [], "the fixed text still has something this rule would fix"


def _fixed_texts():
    """Each text that fixing is declared to give, with the text before fixing and the rule."""
    for rule in RULES:
        for n, example in enumerate(rule.examples):
            name = f"{rule.id}-bad{n}"
            if example.fixed is not None:
                known = KNOWN_NEW_FINDINGS.get(name)
                marks = [pytest.mark.xfail(reason=known, strict=True)] if known else []
                yield pytest.param(rule.id, example.bad, example.fixed, id=name, marks=marks)
    for rule_id, cases in ALL_CASES.items():
        for case in cases:
            if "fix" in case:
                yield pytest.param(rule_id, case["fail"], case["fix"], id=f"{rule_id}-{case['name']}")


def _carry(before: str, after: str):
    """A function taking a span of `before` to the span of the same characters in `after`: its first
    character is followed to where it is now, its last to where it ends now (a character the fix
    replaced stands for its whole replacement), an empty span to its place."""
    starts = [len(after)] * (len(before) + 1)
    ends = [0] * len(before)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        for i in range(i1, i2):
            starts[i], ends[i] = (j1 + i - i1, j1 + i - i1 + 1) if tag == "equal" else (j1, j2)
    return lambda start, end: (starts[start], ends[end - 1] if end > start else starts[start])


@pytest.mark.parametrize(("rule_id", "before", "fixed"), list(_fixed_texts()))
def test_fix_output_makes_no_new_finding(rule_id, before, fixed):
    # the declared text, and what fixing gives now (the same, unless another test fails too)
    for after in dict.fromkeys([fixed, _fix(before, rule_id).text]):
        carry = _carry(before, after)
        old = Counter((f.rule, *carry(f.start, f.end)) for f in engine.check(before, RULES))
        new = []
        for f in engine.check(after, RULES):
            if old[f.rule, f.start, f.end]:
                old[f.rule, f.start, f.end] -= 1
            else:
                new.append((f.rule, *Locator(after).position(f.start), after[f.start : f.end]))
        assert new == [], f"findings in {after!r} that the text before fixing did not have there"
