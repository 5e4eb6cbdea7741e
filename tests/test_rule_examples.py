"""Every rule's own examples, from the packs, are tests: bad is flagged and fixed as declared,
good is left alone, and the fixed text re-checks clean."""

from __future__ import annotations

import pytest

from lint.engine import core as engine
from lint.packs.load import load_rules

RULES = load_rules()


def _cases(kind: str):
    for rule in RULES:
        for n, example in enumerate(rule.examples):
            if (example.bad if kind == "bad" else example.good) is not None:
                yield pytest.param(rule, example, id=f"{rule.id}-{kind}{n}")


@pytest.mark.parametrize(("rule", "example"), list(_cases("bad")))
def test_bad_example_is_flagged_and_fixed(rule, example):
    only = RULES.only([rule.id])
    findings = engine.check(example.bad, only)
    assert findings, f"{rule.id} does not flag its bad example"
    result = engine.fix(example.bad, only, unsafe=rule.fix == "unsafe", max_deletion=1.0)
    assert result.converged
    expected = example.fixed if example.fixed is not None else example.bad
    assert result.text == expected
    if example.fixed is not None:
        # a fixed text has nothing left that this rule can fix, and fixing it again changes nothing
        left = [f for f in engine.check(result.text, only) if f.fix is not None]
        assert left == []
        assert engine.fix(result.text, only, unsafe=True).text == result.text


@pytest.mark.parametrize(("rule", "example"), list(_cases("good")))
def test_good_example_is_not_flagged(rule, example):
    assert engine.check(example.good, RULES.only([rule.id])) == []


@pytest.mark.parametrize("rule", list(RULES), ids=lambda r: r.id)
def test_fix_policy_matches_what_the_rule_offers(rule):
    """A rule declared fixable offers a fix on at least one bad example; `fix = "none"` never does."""
    offered = [f.fix for e in rule.examples if e.bad is not None for f in engine.check(e.bad, RULES.only([rule.id]))]
    if rule.fix == "none":
        assert all(fix is None for fix in offered)
    else:
        assert any(fix is not None and str(fix.applicability) == rule.fix for fix in offered)
