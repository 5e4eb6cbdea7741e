"""The hard-wrap kind (LY006) on whole documents: what it reads from a wrapped document (its wrap
column, its indentation, its headings' styles) and how its joins meet the other rules' fixes in
the fix loop."""

from __future__ import annotations

from lint.engine import core as engine
from lint.engine.document import Document

PARAGRAPH = (
    "坚持以人民为中心的发展思想，统筹推进各项",
    "工作，全力抓好安全生产、乡村振兴、基层治",
    "理等重点任务，推动经济社会高质量发展取得",
    "新成效。",
)


def _joined(all_rules, text: str) -> list[str]:
    return [text[f.start - 1 : f.end + 1] for f in engine.check(text, all_rules) if f.rule == "LY006"]


def _matcher(all_rules):
    return next(rule for rule in all_rules if rule.id == "LY006").matcher


def test_a_stamp_at_the_end_of_a_wrapped_line_goes_and_the_line_is_joined(all_rules):
    # the joins of a first pass leave long lines, which no longer show the wrap: the break after
    # the stamp is judged in the first pass too (a line past the column is a wrapped line that
    # something was put into), and the stamp's deletion and the join apply together
    stamped = [PARAGRAPH[0], PARAGRAPH[1] + "【更多@素材#尽在青柠网】", *PARAGRAPH[2:]]
    text = "某某县2025年工作计划\n" + "\n".join(stamped * 3) + "\n"
    assert engine.fix(text, all_rules).text == "某某县2025年工作计划\n" + ("".join(PARAGRAPH) + "\n") * 3


def test_a_page_footer_inside_a_wrapped_sentence_goes_with_the_break(all_rules):
    for footer in ("— 2 —", "- 3 -", "第2页", "第2页 共5页"):
        text = "某某县2025年工作计划\n" + "\n".join(PARAGRAPH[:2]) + f"\n{footer}\n" + "\n".join(PARAGRAPH[2:] + PARAGRAPH) + "\n"
        assert engine.fix(text, all_rules).text == "某某县2025年工作计划\n" + "".join(PARAGRAPH) + "\n" + "".join(PARAGRAPH) + "\n"


def test_the_wrap_column_is_where_most_unfinished_lines_end(all_rules):
    matcher = _matcher(all_rules)
    lines = ["某某县2025年工作计划", *PARAGRAPH, *PARAGRAPH]
    assert matcher._wrap_column(lines, 0, None) == 20
    # a document of long lines is not wrapped, whatever its short lines share
    laws = ["第一章 总则", "第一条 为了规范行政行为，保护公民、法人和其他组织的合法权益，根据宪法，制定本条例。" * 2] * 4
    assert matcher._wrap_column(laws + ["附件一：申请表", "附件二：承诺书", "附件三：汇总表"], -1, None) is None


def test_titles_of_one_length_are_not_a_wrap(all_rules):
    # a compilation's table of contents: its titles end at one column, but they are not prose
    titles = [f"{office}2024年度述职报告" for office in ("县委办公室主任", "县发改委主任", "县教育局局长", "县水利局局长")]
    text = "\n".join(["述职报告汇编（4篇）", "目录", *titles, "", titles[0], "2024年，本人在县委的坚强领导下，认真履行职责。"]) + "\n"
    assert _matcher(all_rules)._wrap_column(Document(text).lines, 0, None) is None
    assert _joined(all_rules, text) == []


def test_a_short_line_in_a_wrapped_document_ends_its_paragraph(all_rules):
    # a heading, a signature and its date are short: they stay on their lines, though the lines
    # around them fill the column
    head, tail = ["某某县2025年工作计划", "一、总体要求"], ["某某县人民政府办公室", "2025年3月1日"]
    text = "\n".join([*head, *PARAGRAPH, "二、主要任务", *PARAGRAPH, *tail]) + "\n"
    paragraph = "".join(PARAGRAPH)
    assert engine.fix(text, all_rules).text == "\n".join([*head, paragraph, "二、主要任务", paragraph, *tail]) + "\n"


def test_a_paragraph_run_in_after_its_number_is_joined_from_a_first_line_cut_short(all_rules):
    cut = ["（一）始终把", "人民群众利益放在首位，统筹推进乡村振兴、基", "层治理等重点任务，推动经济社会高质量发展取", "得新成效。"]
    assert _joined(all_rules, "\n".join(["某某县2025年工作计划", *cut, *PARAGRAPH]) + "\n")[:2] == ["把\n人", "基\n层"]


def test_a_heading_that_fills_the_column_stays_when_the_documents_headings_have_its_style(all_rules):
    # （一） is a short heading, so a （三） line that happens to fill the column and ends in a
    # whole word is a heading too, though the paragraph after it is not indented
    matcher = _matcher(all_rules)
    lines = ["某某县2025年工作计划", "（一）组织领导", *PARAGRAPH, "（三）统筹推进城乡融合和区域协调发展", *PARAGRAPH]
    assert matcher._heading_styles(lines, matcher._wrap_column(lines, 0, None), None) == frozenset({"（）"})
    assert "展\n坚" not in _joined(all_rules, "\n".join(lines) + "\n")
    # a run-in paragraph of a style no short heading has is joined
    lines[1] = "一、组织领导"
    assert "展\n坚" in _joined(all_rules, "\n".join(lines) + "\n")


def test_an_unwrapped_document_keeps_its_short_lines(all_rules):
    paragraph = "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持以人民为中心。"
    text = f"关于加强基层治理的意见\n一、指导思想\n{paragraph}\n" * 3
    assert _joined(all_rules, text) == []
    assert _matcher(all_rules)._wrap_column(Document(text).lines, 0, None) is None


def test_rows_that_end_in_a_leader_and_a_number_are_never_joined(all_rules):
    # in a wrapped document the rows of a leader list end near the wrap column without ending a
    # sentence, like wrapped lines; their leader to a number says they are rows
    rows = ["一般公共预算收入……………………40131", "债务转贷收入……………………………94959", "政府性基金收入………………………44121"]
    text = "某某县2025年工作计划\n" + "\n".join([*PARAGRAPH, *rows, *PARAGRAPH]) + "\n"
    fixed = engine.fix(text, all_rules).text
    assert "\n".join(rows) in fixed
    assert fixed.count("".join(PARAGRAPH)) == 2
