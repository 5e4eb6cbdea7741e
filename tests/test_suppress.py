"""Inline suppressions (`<!-- plancheck: … -->`): the same in the Python API and on the command
line, never fixing what they silence, and reporting the ones that silence nothing."""

from __future__ import annotations

import json

import pytest

from lint import check_text, fix_text
from tests.test_cli import put
from tests.test_formats import plancheck


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


def test_a_span_reaching_the_end_holds_a_finding_at_the_very_end():
    # LY005 (missing final newline) is a zero-length finding just past the last character
    for text in ("标题\n<!-- plancheck: disable-next-line LY005 -->\n正文。", "<!-- plancheck: disable-file layout -->\n正文。  "):
        assert check_text(text) == []
        assert fix_text(text).text == text


def test_a_directive_is_never_taken_for_page_furniture():
    # BP006 deletes empty or script-holding HTML comments; a directive is neither
    text = "<!-- plancheck: disable-next-line RD001 -->\n加强D建工作。\n"
    assert fix_text(text).text == text


# --------------------------------------------------------------------------------------------------
# on the command line


def test_cli_honours_directives_in_markdown_and_plain_text(tmp_path):
    body = "工作计划\n<!-- plancheck: disable-next-line RD001 -->\n加强D建工作。\n"
    put(tmp_path, "a.md", body)
    put(tmp_path, "b.txt", body)
    result = plancheck("--output-format", "concise", ".", cwd=tmp_path)
    assert (result.code, result.stdout) == (0, "All checks passed!\n")


def test_cli_reports_unused_suppressions_as_warnings_that_fail_at_fail_level_warning(tmp_path):
    put(tmp_path, "a.md", "工作计划\n<!-- plancheck: disable-next-line RD001 -->\n加强党建工作。\n")
    result = plancheck("--output-format", "concise", "a.md", cwd=tmp_path)
    assert result.code == 0
    assert result.lines == [
        "a.md:2:1: unused-suppression [warning] Unused suppression: `disable-next-line RD001` silences no finding",
        "Found 1 finding (1 warning) in 1 of 1 file.",
    ]
    assert plancheck("--fail-level", "warning", "a.md", cwd=tmp_path).code == 1
    (finding,) = json.loads(plancheck("--output-format", "json", "a.md", cwd=tmp_path).stdout)
    assert (finding["rule"], finding["category"], finding["fix"]) == ("unused-suppression", "suppression", None)


def test_cli_fix_leaves_silenced_findings_alone(tmp_path):
    block = "<!-- plancheck: disable RD001 -->\n加强D建工作。\n<!-- plancheck: enable RD001 -->\n"
    doc = put(tmp_path, "a.md", block + "抓好D建。##paidend##\n")
    result = plancheck("--fix", "a.md", cwd=tmp_path)
    assert (result.code, result.stderr) == (0, "Fixing a.md\n")
    assert doc.read_text(encoding="utf-8") == block + "抓好党建。\n"
    diff = plancheck("--diff", "a.md", cwd=tmp_path)
    assert (diff.code, diff.stdout) == (0, "")


def test_cli_stdin_honours_directives(tmp_path):
    text = "<!-- plancheck: disable-next-line RD001 -->\n加强D建工作。\n"
    result = plancheck("-", "--stdin-filename", "a.md", "--fix", cwd=tmp_path, stdin=text.encode())
    assert (result.code, result.stdout) == (0, text)


def test_documents_with_directives_share_one_prefilter():
    """Honouring directives wraps the rules; the same wrapped rule set each time, so the prefilter
    (a database load and a check of every rule's examples) is made once, not per document."""
    from lint.engine import prefilter

    text = "<!-- plancheck: disable RD001 -->\n" + "加强D建工作，推进乡村振兴。\n" * 2000
    fix_text(text)
    before = prefilter.for_rules.cache_info().misses
    for n in range(3):
        fix_text(text.replace("乡村", f"乡村{n}"))
    assert prefilter.for_rules.cache_info().misses == before
