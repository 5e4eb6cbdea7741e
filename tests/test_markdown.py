"""Markdown files: code, front matter, link targets, reference definitions and HTML comments are not
prose: no finding there and no edit, with the real CLI. The same text as `.txt` is fixed throughout,
so each of these tests fails where Markdown is read as plain text."""

from __future__ import annotations

import pytest

from lint.engine import markdown

from .test_cli import plancheck, put

# every line holds an artifact plancheck fixes in plain text
NOT_PROSE = {
    "front matter": "---\ntitle: 计划##paidbegin##\n---\n",
    "inline code": "标记写作 `##paidbegin##` 即可。\n",
    "double-backtick code": "写作 ``a`##paidend##`b`` 即可。\n",
    "fenced code": "```\n学习贯彻D的二十大精神\n##paidbegin##\n```\n",
    "tilde fence": "~~~text\n尾部空格   \n~~~\n",
    "indented code": "段落。\n\n    ##paidbegin##\n",
    "link target": "见[说明](http://example.com/D的二十大/##paidend##)。\n",
    "image target": "![图](pic/##paidend##.png)\n",
    "autolink": "<http://example.com/##paidbegin##>\n",
    "reference definition": "[说明]: http://example.com/##paidbegin##\n",
    "html comment": "正文。<!-- ##paidbegin## -->\n",
    "html comment block": "<!--\n##paidbegin##\n-->\n",
}
PROSE = "学习贯彻D的二十大精神，真正的标记##paidbegin##在这里。\n"
PROSE_FIXED = "学习贯彻党的二十大精神，真正的标记在这里。\n"


@pytest.mark.parametrize("what", sorted(NOT_PROSE))
def test_fix_leaves_what_is_not_prose_and_fixes_the_prose(tmp_path, what):
    part = NOT_PROSE[what]
    text = f"{part}\n# 标题\n\n{PROSE}"
    md = put(tmp_path, "doc.md", text)
    txt = put(tmp_path, "doc.txt", text)
    result = plancheck("--fix", "--no-cache", md, txt, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert md.read_text(encoding="utf-8") == f"{part}\n# 标题\n\n{PROSE_FIXED}"
    # as plain text, the same lines are fixed: the Markdown reading is what keeps them
    assert part not in txt.read_text(encoding="utf-8")


def test_check_reports_only_the_prose(tmp_path):
    text = "\n".join(NOT_PROSE.values()) + "\n" + PROSE
    put(tmp_path, "doc.md", text)
    result = plancheck("check", "--no-cache", "--output-format", "concise", "doc.md", cwd=tmp_path)
    lines = [line for line in result.lines if line.startswith("doc.md:")]
    last = text.count("\n")
    assert lines and all(line.startswith(f"doc.md:{last}:") for line in lines), result.stdout


def test_a_markdown_and_a_text_file_with_the_same_bytes_are_cached_apart(tmp_path):
    text = "写作 `##paidbegin##` 即可。\n"
    put(tmp_path, "a.md", text)
    put(tmp_path, "a.txt", text)
    first = plancheck("check", "--output-format", "concise", "a.md", cwd=tmp_path)
    second = plancheck("check", "--output-format", "concise", "a.txt", cwd=tmp_path)
    assert first.code == 0 and "PW001" not in first.stdout
    assert second.code == 1 and "a.txt:1:" in second.stdout and "PW001" in second.stdout


def test_a_directive_in_code_is_an_example_not_a_directive(tmp_path):
    text = "用法：`<!-- plancheck: disable-file -->` 写在文首。\n\n```\n<!-- plancheck: disable PW -->\n```\n\n" + PROSE
    put(tmp_path, "doc.md", text)
    result = plancheck("check", "--no-cache", "--output-format", "concise", "doc.md", cwd=tmp_path)
    assert "unused-suppression" not in result.stdout
    assert "PW001" in result.stdout and "RD001" in result.stdout


def test_a_directive_in_an_html_comment_still_works(tmp_path):
    text = "<!-- plancheck: disable-next-line PW001 -->\n" + PROSE
    put(tmp_path, "doc.md", text)
    result = plancheck("check", "--no-cache", "--output-format", "concise", "doc.md", cwd=tmp_path)
    assert "PW001" not in result.stdout and "RD001" in result.stdout


def test_lazy_continuation_and_escaped_backticks_are_read_as_commonmark_does():
    text = "段落 \\`不是代码 `是代码` 后文\n"
    regions = markdown.not_prose(text)
    start = text.index("`是代码`")
    assert regions.code == [(start, start + len("`是代码`"))]
