"""Locality is declared, never guessed (issue 15): an expression a kind looks for only on the lines
where the prefilter saw it is one its rule declares line by line (checked on the rule's examples
when the pack is compiled), and a user's expression that crosses lines keeps its findings.

Each text here is longer than the prefilter's BUILD_FROM, so that a real run loads it."""

from __future__ import annotations

import json
from pathlib import Path

import regex

from tests.test_cli import plancheck, put

ROOT = Path(__file__).resolve().parents[1]
BODY = "正文。\n" * 6000  # past BUILD_FROM: the run loads the prefilter

# `\U0000000a` takes the line end before the numeral: a guess from the source missed it
CROSSING_MARKER = r"\U0000000a[ \t]*(?P<n>\d{1,2})\)"

ENUMERATION_RULE = """
[[rule]]
id = "ST901"
name = "user-duplicate-ordinal"
category = "structure"
severity = "warning"
message = "Repeated ordinal `{{detail}}`"
kind = "enumeration"
check = "duplicate"
{scope}fix = "none"
description = "What: test."
[rule.headings]
"1)" = '''{marker}'''
{clauses}[[rule.examples]]
bad = "说明\\n1)甲\\n2)乙\\n2)丙\\n"
[[rule.examples]]
good = "说明\\n1)甲\\n2)乙\\n3)丙\\n"
"""

CLAUSES = """[rule.clauses]
"一是" = '''(?<=[。；])(?P<n>[一二三四五六七八九十]+)是'''
"""


def _json_findings(folder: Path, *args: object) -> list[dict]:
    result = plancheck("check", "--output-format", "json", *args, cwd=folder)
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_a_user_enumeration_whose_marker_crosses_lines_keeps_its_finding(tmp_path):
    """The marker takes the line end before its numeral. The kind guessed from the source that it
    could not, looked for it only on the lines where the prefilter saw it, and found no item."""
    put(tmp_path, "user.toml", ENUMERATION_RULE.format(scope="", marker=CROSSING_MARKER, clauses=CLAUSES))
    put(tmp_path, "plancheck.toml", 'rule-packs = ["user.toml"]\n')
    text = BODY + "说明\n1)甲\n2)乙\n2)丙\n"
    put(tmp_path, "doc.txt", text)
    found = [(f["rule"], f["start"]) for f in _json_findings(tmp_path, "--select", "ST901", "doc.txt")]
    assert found == [("ST901", text.rindex("\n2)"))]


def test_an_enumeration_declared_line_by_line_whose_example_crosses_lines_is_refused(tmp_path):
    put(tmp_path, "user.toml", ENUMERATION_RULE.format(scope='marker-scope = "line"\n', marker=CROSSING_MARKER, clauses=CLAUSES))
    put(tmp_path, "plancheck.toml", 'rule-packs = ["user.toml"]\n')
    put(tmp_path, "doc.txt", "正文。\n")
    result = plancheck("check", "doc.txt", cwd=tmp_path)
    assert result.code == 2
    assert regex.search(r"user\.toml:\d+: rule ST901: marker-scope = 'line' \(style '1\)'\): example .* line by line", result.stderr)


def test_an_enumeration_of_heading_styles_alone_is_a_valid_rule(tmp_path):
    """`clauses` left out: the rule loaded with a traceback (its default, None, was read as a table)."""
    put(tmp_path, "user.toml", ENUMERATION_RULE.format(scope="", marker=r"^(?P<n>\d{1,2})\)", clauses=""))
    put(tmp_path, "plancheck.toml", 'rule-packs = ["user.toml"]\n')
    put(tmp_path, "doc.txt", "说明\n1)甲\n2)乙\n2)丙\n")
    assert [f["rule"] for f in _json_findings(tmp_path, "--select", "ST901", "doc.txt")] == ["ST901"]


def test_the_built_in_enumerations_declare_their_markers_line_by_line(tmp_path):
    put(tmp_path, "doc.txt", BODY + "一、总体要求\n二、主要任务\n二、保障措施\n")
    assert [f["rule"] for f in _json_findings(tmp_path, "--select", "ST005", "doc.txt")] == ["ST005"]


def _hard_wrap_variant(folder: Path, orphan: str) -> None:
    """LY006 as a user rule (LY906) with another orphan expression, in the folder's config."""
    layout = (ROOT / "rules" / "layout.toml").read_text(encoding="utf-8")
    start = layout.index('[[rule]]\nid = "LY006"')
    block = layout[start : layout.index("[[rule]]", start + 1)]
    block = block.replace('id = "LY006"', 'id = "LY906"').replace('name = "hard-line-break"', 'name = "hard-line-break-variant"')
    block = regex.sub(r"(?m)^orphan = '''.*'''$", lambda _: f"orphan = '''{orphan}'''", block)
    put(folder, "wrap.toml", block)
    put(folder, "plancheck.toml", 'rule-packs = ["wrap.toml"]\n')


def test_a_user_hard_wrap_whose_orphan_crosses_lines_joins_every_orphan_line(tmp_path):
    """The orphan expression takes a second bracket line with it. The kind looked for orphans in
    the whole text where the guess said it cannot cross a line: that match hid the second line,
    whose break was never looked at. An orphan line is one the expression matches alone: both are."""
    _hard_wrap_variant(tmp_path, r"^[ \t]*[（(“‘《【](?:\U0000000a[（(“‘《【])*[ \t]*$")
    text = BODY + "【\n【\n正文继续推进各项工作，取得实效。\n"
    put(tmp_path, "doc.txt", text)
    found = [(f["rule"], f["start"]) for f in _json_findings(tmp_path, "--select", "LY906", "doc.txt")]
    first = text.index("【")
    assert found == [("LY906", first + 1), ("LY906", first + 3)]
