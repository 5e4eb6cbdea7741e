"""Inline suppressions (`<!-- plancheck: … -->`) in the Python API: never fixing what they silence,
and reporting the ones that silence nothing."""

from __future__ import annotations

import pytest

from lint import check_text, fix_text


def rules_at(text: str, **kwargs) -> list[tuple[str, int]]:
    """(rule, line) of each finding."""
    return [(f.rule, text.count("\n", 0, f.start) + 1) for f in check_text(text, **kwargs)]


def test_disable_next_line_silences_that_line_only():
    text = "工作计划\n<!-- plancheck: disable-next-line RD001 -->\n加强D建工作。\n抓好D建。\n"
    assert rules_at(text) == [("RD001", 4)]


def test_disable_and_enable_bound_a_block_and_disable_alone_runs_to_the_end():
    text = "一\n<!-- plancheck: disable RD001 -->\n加强D建。\n抓好D建。\n<!-- plancheck: enable RD001 -->\n发展D员。\n"
    assert rules_at(text) == [("RD001", 6)]
    open_ended = "一\n加强D建。\n<!-- plancheck: disable RD001 -->\n抓好D建。\n发展D员。\n"
    assert rules_at(open_ended) == [("RD001", 2)]


def test_enable_re_enables_only_what_it_names():
    text = "<!-- plancheck: disable RD001, PW -->\n加强D建。##paidend##\n<!-- plancheck: enable PW -->\n抓好D建。##paidend##\n"
    assert rules_at(text) == [("PW001", 4)]


def test_disable_file_with_no_ids_silences_every_rule():
    text = "<!-- plancheck: disable-file -->\n加强D建工作。##paidend##\nXX区。\n"
    assert check_text(text) == []


@pytest.mark.parametrize("selector", ["RD001", "RD", "R", "redaction", "redacted-party-abbreviation", "ALL"])
def test_selectors_are_ids_prefixes_categories_and_names(selector):
    text = f"<!-- plancheck: disable-file {selector} -->\n加强D建工作。##paidend##\n"
    assert [r for r, _ in rules_at(text)] == ([] if selector == "ALL" else ["PW001"])


def test_a_directive_that_silences_nothing_is_an_unused_suppression_warning():
    text = "工作计划\n<!-- plancheck: disable-next-line RD001 -->\n加强党建工作。\n"
    (finding,) = check_text(text)
    assert (finding.rule, finding.name, finding.category, str(finding.severity)) == (
        "unused-suppression",
        "unused-suppression",
        "suppression",
        "warning",
    )
    assert finding.message == "Unused suppression: `disable-next-line RD001` silences no finding"
    assert text[finding.start : finding.end] == "<!-- plancheck: disable-next-line RD001 -->"


def test_unknown_selectors_directives_and_enables_are_reported():
    text = (
        "<!-- plancheck: disable-file RD0001 -->\n"
        "<!-- plancheck: disabel RD001 -->\n"
        "<!-- plancheck: enable PW -->\n"
        "加强党建工作。\n"
    )
    messages = [f.message for f in check_text(text)]
    assert messages == [
        "Unknown rule selector 'RD0001' (did you mean 'RD001'?)",
        "Unknown plancheck directive 'disabel' (did you mean 'disable'?)",
        "Nothing to enable: no disable before this directive is open",
    ]


def test_a_directive_for_a_rule_that_did_not_run_is_not_judged():
    text = "<!-- plancheck: disable-next-line PH001 -->\n加强党建工作。\n"
    assert check_text(text, config={"ignore": ["placeholder"]}) == []
    assert [f.rule for f in check_text(text)] == ["unused-suppression"]


def test_fix_text_does_not_apply_a_silenced_fix_and_reports_what_remains():
    text = "工作计划\n<!-- plancheck: disable-next-line RD001 -->\n加强D建工作。##paidend##\n抓好D建。\n"
    result = fix_text(text)
    assert result.text == "工作计划\n<!-- plancheck: disable-next-line RD001 -->\n加强D建工作。\n抓好党建。\n"
    assert result.remaining == []
    assert fix_text(result.text).text == result.text


def test_fix_text_reports_a_directive_that_fixing_left_with_nothing_to_silence():
    text = "<!-- plancheck: disable-next-line PH001 -->\n加强D建工作。\n"
    result = fix_text(text)
    assert result.text == "<!-- plancheck: disable-next-line PH001 -->\n加强党建工作。\n"
    assert [f.rule for f in result.remaining] == ["unused-suppression"]


def test_directives_hold_in_files_with_crlf_line_ends():
    text = "工作计划\r\n<!-- plancheck: disable-next-line RD001 -->\r\n加强D建工作。\r\n抓好D建。\r\n"
    assert rules_at(text) == [("RD001", 4)]
    assert fix_text(text).text == text.replace("抓好D建", "抓好党建")


def test_a_directive_is_never_taken_for_page_furniture():
    # BP006 deletes empty or script-holding HTML comments; a directive is neither
    text = "<!-- plancheck: disable-next-line RD001 -->\n加强D建工作。\n"
    assert fix_text(text).text == text
