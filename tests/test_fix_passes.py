"""A later pass of the fix loop reuses what the pass before learnt about the lines whose text it
had (the prefilter's line-local triggers, which lines folding changes, per-line facts of kinds):
every pass must know exactly what a first look at its text would."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import engine, linescope, prefilter
from lint.document import Document, LineFacts
from lint.packs import load_rules

from .test_linescope import _generated, _texts
from .test_prefilter import SNIPPETS
from .test_properties import EXAMPLES

RULES = load_rules()


pytestmark = pytest.mark.usefixtures("prefilter_every_text")


def _from_scratch(monkeypatch):
    """Make every pass of the fix loop look at its text as if it were the first."""
    check = engine._check

    def first_look(text, rules, timeout, previous=None, remember=False):
        return check(text, rules, timeout, None, remember)

    monkeypatch.setattr(engine, "_check", first_look)


@pytest.fixture
def passes(monkeypatch):
    """Every pass of the fix loop compares what it learns incrementally with a first look."""
    looked: list[int] = []
    scan, folding = linescope.LineScope.scan, linescope.LineScope.folding_lines

    def checked_scan(self, filter_):
        scanned = scan(self, filter_)
        assert scanned == filter_.scan(self.doc.text)
        looked.append(1)
        return scanned

    def checked_folding(self):
        lines = folding(self)
        assert lines == Document(self.doc.text).folding_lines()
        return lines

    monkeypatch.setattr(linescope.LineScope, "scan", checked_scan)
    monkeypatch.setattr(linescope.LineScope, "folding_lines", checked_folding)
    return looked


def _result(result):
    return (result.text, result.initial, result.remaining, result.fixed, result.converged, result.unstable_rules, result.refused)


def _both_ways(text: str, monkeypatch) -> None:
    for unsafe in (False, True):
        incremental = _result(engine.fix(text, RULES, unsafe=unsafe))
        with monkeypatch.context() as scratch:
            _from_scratch(scratch)
            assert _result(engine.fix(text, RULES, unsafe=unsafe)) == incremental


@pytest.mark.parametrize("path", list(_texts()), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_pass_knows_what_a_first_look_would(path, passes, monkeypatch):
    _both_ways(path.read_bytes().decode("utf-8", "replace"), monkeypatch)


def test_the_generated_corpus_too(tmp_path_factory, passes, monkeypatch):
    for path in _generated(tmp_path_factory):
        _both_ways(path.read_text(encoding="utf-8"), monkeypatch)
    assert len(passes) > 100  # the passes were looked at


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(st.sampled_from(SNIPPETS), st.sampled_from(["", "\n", "\n\n", "，", " ", "\r\n", "\n（一）", "\n一、"])),
        min_size=1,
        max_size=12,
    )
)
def test_rule_examples_in_any_order_fix_the_same_pass_by_pass_and_from_scratch(passes, monkeypatch, parts):
    _both_ways("".join(snippet + glue for snippet, glue in parts), monkeypatch)


def test_a_line_fact_is_worked_out_once_per_text_and_kept_for_the_next_pass():
    computed = []

    def length(doc):
        return lambda i: computed.append(doc.lines[i]) or len(doc.lines[i])

    first = Document("标题\n正文一行。\n正文一行。\n另一行\n末行")
    facts = LineFacts()
    assert facts.of(first, "length", [0, 1, 2, 3, 4], length(first)) == [2, 5, 5, 3, 2]
    assert computed == ["标题", "正文一行。", "另一行", "末行"]  # the same text inside: once
    computed.clear()
    second = Document("另一行\n正文一行。\n新的一行\n另一行")
    assert LineFacts(facts).of(second, "length", [0, 1, 2, 3], length(second)) == [3, 5, 4, 3]
    # the first and last lines are worked out again: an expression may see that nothing is before
    # or after them
    assert computed == ["另一行", "新的一行", "另一行"]


def test_a_later_pass_sees_a_hard_wrap_a_deleted_line_exposed():
    # the advertising line is deleted in the first pass; only then do the wrapped lines meet, which
    # the hard-wrap trigger (a match across a line end) must find in the second pass
    wrapped = "全面推进乡村振兴战略，持续深化农村改革，不断拓宽增收渠道，切实提高村集体造血功能，扎实推进基层治理体系建设和带动村民增收水"
    ad = "【哒哒素材库】——每天更新材料1000多篇，有意加入请联系：1 4367"
    text = f"前言。\n{wrapped}\n{ad}\n平，推动各项工作取得实效。\n结尾。\n"
    result = engine.fix(text, RULES, max_deletion=1.0)  # a short text: the ad is much of it
    assert result.fixed == {"AD001": 1, "LY006": 1}
    assert result.text == f"前言。\n{wrapped}平，推动各项工作取得实效。\n结尾。\n"


def test_the_local_triggers_are_those_that_stay_in_a_line_and_want_every_line():
    filter_ = prefilter.for_rules(RULES)
    local = set(filter_._local.keys)
    every = set(filter_._every.keys)
    assert local and local < every and set(filter_._whole.keys) == every - local
    hard_wrap = RULES.get("LY006").matcher
    assert prefilter.key_of(hard_wrap.triggers[0]) in every - local  # it matches across a line end
    assert prefilter.key_of(RULES.get("ST009").matcher.marker) in local
