"""The fix engine: one sorted pass, re-check until stable, original kept when it cannot settle."""

from __future__ import annotations

import pytest

from lint.engine import core as engine
from lint.engine.document import NewlineMap
from lint.model import Applicability, Edit, Fix, Severity
from lint.packs.load import load_rules

from .conftest import CYCLE_PACK


def _fix(start, end, content=""):
    return Fix((Edit(start, end, content),), Applicability.SAFE, "t")


def test_overlapping_fixes_wait_for_the_next_pass():
    text, applied = engine.apply_fixes("abcdef", [_fix(1, 3, "X"), _fix(2, 4, "Y"), _fix(4, 5)])
    assert text == "aXdf"
    assert len(applied) == 2


def test_identical_fixes_apply_once():
    text, applied = engine.apply_fixes("abc", [_fix(1, 2), _fix(1, 2)])
    assert (text, len(applied)) == ("ac", 1)


def test_newline_map_handles_crlf_cr_and_cr_cr_lf():
    original = "a\r\nb\rc\r\r\nd"
    newlines = NewlineMap(original)
    normalized = NewlineMap.normalize(original)
    assert normalized == "a\nb\nc\nd"
    for i, ch in enumerate(normalized):
        if ch != "\n":
            assert original[newlines.to_original(i)] == ch
    assert newlines.to_original(len(normalized)) == len(original)




def test_a_fix_cycle_keeps_the_original_and_names_the_rules(tmp_path):
    pack = tmp_path / "cycle.toml"
    pack.write_text(CYCLE_PACK, encoding="utf-8")
    rules = load_rules((pack,)).only(["WD901", "WD902"])
    result = engine.fix("开始甲结束", rules)
    assert not result.converged
    assert result.text == "开始甲结束"
    assert result.unstable_rules == ("WD901", "WD902")


def test_only_the_rules_that_cycle_are_named_unstable(tmp_path):
    """A rule that fixed something once, before the others began to cycle, is not one of them."""
    pack = tmp_path / "cycle.toml"
    pack.write_text(CYCLE_PACK, encoding="utf-8")
    rules = load_rules((pack,)).only(["WD901", "WD902", "PW001"])
    result = engine.fix("开始##paidbegin##甲结束", rules)
    assert not result.converged
    assert result.text == "开始##paidbegin##甲结束"
    assert result.unstable_rules == ("WD901", "WD902")


def test_fixing_is_idempotent_and_reports_first_pass_findings(all_rules):
    text = "\n\n加强D建工作，\n抓好D员教育。##paidend##\n\n\n"
    first = engine.fix(text, all_rules)
    assert first.text == "加强党建工作，抓好党员教育。\n"
    assert {f.rule for f in first.initial} >= {"RD001", "PW001", "LY002", "LY006"}
    assert first.remaining == []
    assert engine.fix(first.text, all_rules).text == first.text


def test_fixes_keep_crlf_and_touch_only_their_spans(all_rules):
    text = "工作计划\r\n加强D建工作。##paidend##\r\n第二段。\r\n"
    result = engine.fix(text, all_rules)
    assert result.text == "工作计划\r\n加强党建工作。\r\n第二段。\r\n"


def test_spans_are_offsets_into_the_original_text(all_rules):
    text = "第一行\r\n加强D建"
    [finding] = [f for f in engine.check(text, all_rules) if f.rule == "RD001"]
    assert text[finding.start : finding.end] == "D"


def test_folded_text_maps_every_folded_character_back_to_its_source():
    import unicodedata

    from lint.engine.document import FoldedText

    # ㈠ folds to "(一)" and ℡ to "TEL": offsets after them shift, and must map back
    for text in ["plain", "a㈠b𝒘𝒘𝒘.𝒆𝒙.𝒄𝒐𝒎c℡℡d①", "㈠㈠", "x①y", "ｗｗｗ．ａｂ．ｃｎ，……"]:
        folded = FoldedText(text)
        assert folded.span(0, len(folded.text)) == (0, len(text))
        for i, ch in enumerate(folded.text):
            start, end = folded.span(i, i + 1)
            assert end == start + 1
            assert ch in unicodedata.normalize("NFKC", text[start:end]) or ch == text[start]


def test_findings_and_fix_results_are_picklable_values(all_rules):
    import pickle

    from lint import check_text, fix_text

    findings = check_text("加强D建工作。##paidend##\n")
    assert findings and pickle.loads(pickle.dumps(findings)) == findings
    result = fix_text("加强D建工作。##paidend##\n")
    assert pickle.loads(pickle.dumps(result)).text == "加强党建工作。\n"


def test_fullwidth_punctuation_and_ideographic_indentation_are_never_folded(all_rules):
    text = "\u3000\u3000一、总体要求：坚持“以人民为中心”，（试行）！？；……——《方案》【工作目标】ＡＢＣ１２３％\n"
    assert engine.fix(text, all_rules, unsafe=True).text == text
    assert engine.check(text, all_rules) == []


def test_settings_built_with_lists_are_taken_as_with_tuples(all_rules):
    """The settings key caches, so their fields are tuples; a caller building `Settings` with lists
    (nested ones too) gets what the tuples give."""
    from lint import check_text
    from lint.config.settings import Settings

    text = "加强D建工作。##paidend##\n"
    with_tuples = Settings(select=("PW", "RD"), per_file_ignores=(("*.txt", ("RD",)),), severity=(("PW001", Severity.INFO),))
    with_lists = Settings(select=["PW", "RD"], per_file_ignores=[("*.txt", ["RD"])], severity=[["PW001", Severity.INFO]])
    for path in (None, "a.txt"):
        expected = check_text(text, config=with_tuples, path=path)
        assert expected and check_text(text, config=with_lists, path=path) == expected
    assert {f.rule for f in check_text(text, config=with_lists, path="a.txt")} == {"PW001"}


def test_settings_built_with_mappings_and_level_names_are_taken_as_a_table_gives_them(all_rules):
    """`severity={"RD001": Severity.INFO}` worked before settings were hashed, and a level named
    "info" must give Severity.INFO in the first call as in every later one (a kept selection
    stores levels as text and reads them back as levels)."""
    from lint import check_text
    from lint.config.settings import ConfigError, Settings

    text = "加强D建工作。##paidend##\n"
    expected = check_text(text, config={"severity": {"RD001": "info"}, "per-file-ignores": {"*.md": ["PW"]}}, path="a.md")
    assert [(f.rule, f.severity) for f in expected] == [("RD001", Severity.INFO)]
    for settings in (
        Settings(severity={"RD001": Severity.INFO}, per_file_ignores={"*.md": ["PW"]}),
        Settings(severity=(("RD001", "info"),), per_file_ignores=(("*.md", ("PW",)),)),
        Settings(severity={"RD001": "info"}, per_file_ignores={"*.md": ("PW",)}),
    ):
        for _ in range(2):
            found = check_text(text, config=settings, path="a.md")
            assert found == expected and all(type(f.severity) is Severity for f in found)
    with pytest.raises(ConfigError, match="severity.RD001"):
        check_text(text, config=Settings(severity=(("RD001", "loud"),)))
