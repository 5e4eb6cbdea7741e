"""Data-driven cases beyond the packs' examples: the traps of each artifact family.

Each `tests/cases/<RULE>.toml` holds `[[case]]` tables with a `name` and either `pass` (text the
rule must not flag) or `fail` (text it must flag) with an optional `fix` (the text after fixing
with this rule alone; absent means the text must stay as it is)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint import engine
from lint.packs import load_rules
from lint.tomlload import load

RULES = load_rules()
CASES = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES.glob("*.toml")):
        rule_id = path.stem
        for case in load(path)["case"]:
            assert set(case) <= {"name", "pass", "fail", "fix"}, f"{path}: unknown case key"
            yield pytest.param(rule_id, case, id=f"{rule_id}-{case['name']}")


def test_every_case_file_names_a_rule():
    ids = {r.id for r in RULES}
    assert {p.stem for p in CASES.glob("*.toml")} <= ids


@pytest.mark.parametrize(("rule_id", "case"), list(_cases()))
def test_case(rule_id, case):
    only = RULES.only([rule_id])
    rule = RULES.get(rule_id)
    if "pass" in case:
        assert engine.check(case["pass"], only) == []
        return
    assert engine.check(case["fail"], only), "not flagged"
    result = engine.fix(case["fail"], only, unsafe=rule.fix == "unsafe", max_deletion=1.0)
    assert result.text == case.get("fix", case["fail"])
