"""The line-classifier kind's sentence unit, beyond the rules' cases: which sentences form an
advert, when its ends are certain, and the options it checks; and AD001 beside WM004, which both
read a site's lines: one line, one report."""

from __future__ import annotations

import pytest

from lint.engine import core as engine
from lint.engine.document import Document
from lint.files.tomlload import load
from lint.kinds import line_classifier
from lint.kinds.base import OptionError, read_options

from . import variants
from .test_rule_cases import CASES
from .variants import advertising, seller_voice

OPTIONS = {
    "unit": "sentence",
    "cues": {"seller": "小编|本站", "offer": "原版|范文", "channel": "私信|访问", "rights": "仅供学习参考", "closing": "欢迎阅读"},
    "when": [{"seller": 1, "offer": 1}, {"offer": 1, "channel": 1}],
    "joins": ["seller", "rights", "closing"],
    "unless": "12345",
    "max-lead": 4,
    "max-tail": 6,
}


def _hits(text: str, **changes) -> list[tuple[str, str | None]]:
    """Each hit's text, and what its fix leaves of the text (None: reported only)."""
    matcher = line_classifier.compile(read_options(line_classifier.OPTIONS, {**OPTIONS, **changes}))
    out = []
    for hit in matcher.find(Document(text)):
        fixed = None
        if hit.edits:
            fixed = text
            for edit in sorted(hit.edits, reverse=True):
                fixed = fixed[: edit.start] + edit.content + fixed[edit.end :]
        out.append((text[hit.start : hit.end], fixed))
    return out


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        # a line of nothing but the advert goes with its line end
        ("原版请私信。\n正文。\n", [("原版请私信。", "正文。\n")]),
        # ending a paragraph: the advert alone, the line end kept
        ("正文。原版请私信\n下一段。\n", [("原版请私信", "正文。\n下一段。\n")]),
        # a sentence with a joining cue beside it goes with it, one without stays
        ("正文。本站范文。仅供学习参考。欢迎阅读\n", [("本站范文。仅供学习参考。欢迎阅读", "正文。\n")]),
        ("本站范文。正文。\n", [("本站范文。", "正文。\n")]),
        # a channel alone is no advert
        ("请访问网站，私信客服。\n", []),
        # the issuer's hotline clears its clause only
        ("拨打12345热线访问。范文请私信。\n", [("范文请私信。", "拨打12345热线访问。\n")]),
        ("拨打12345热线访问，范文请私信。\n", [("范文请私信", None)]),
        ("拨打12345热线查询原版。\n", []),
        # glued to a clause of the document: reported from its first cue to its last, not fixed
        ("各地要加强领导，原版请私信，确保落实。\n", [("原版请私信", None)]),
        # too much text before the first cue, or after the last
        ("各地要加强领导原版请私信。\n", [("原版请私信", None)]),
        ("正文。原版请私信各地要加强组织领导。下一句。\n", [("原版请私信", None)]),
    ],
)
def test_sentence_unit(text, hits):
    assert _hits(text) == hits


def test_ignored_text_holds_no_cues():
    assert _hits("正文。原版【私信】。\n", ignore="【私信】") == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"joins": ["nothing"]}, "key 'joins': unknown cue 'nothing'"),
        ({"min-document-han": 100}, "key 'min-document-han'"),
        ({"max-document-han": 100}, "key 'max-document-han'"),
        ({"line-before": "…+"}, "key 'line-before'"),
    ],
)
def test_options_are_checked(changes, message):
    with pytest.raises(OptionError, match=message):
        line_classifier.compile(read_options(line_classifier.OPTIONS, {**OPTIONS, **changes}))


def _lines_with(findings, rule: str, text: str) -> set[int]:
    return {text.count("\n", 0, f.start) for f in findings if f.rule == rule}


def test_a_site_stamp_line_is_reported_once(all_rules):
    """A line WM004 reports as the site's stamp, with advert words in it too, is WM004's alone;
    and no line of the advert generator, the rules' cases or this stamp is reported by both."""
    stamp = "本文档由青柠文库整理发布，更多范文请关注公众号“青柠范文”\n正文。\n"
    texts = [stamp]
    for rule in ("AD001", "WM004"):
        texts += [case["fail"] for case in load(CASES / f"{rule}.toml")["case"] if "fail" in case]
    texts += [case.text for family in (advertising, seller_voice) for case in variants.cases(family, "artifacts", 300)]
    for text in texts:
        findings = engine.check(text, all_rules)
        assert not _lines_with(findings, "AD001", text) & _lines_with(findings, "WM004", text), text
    assert _lines_with(engine.check(stamp, all_rules), "WM004", stamp) == {0}


# the line unit: a notice line, judged whole
LINE = {
    "cues": {"gate": "付费|登录", "read": "查看|阅读", "whole": "全文", "cut": "试读结束"},
    "when": [{"whole": 1, "gate": 1, "read": 1}, {"cut": 1}],
}
_BODY = "正文第一句。正文第二句。\n"


@pytest.mark.parametrize(
    ("changes", "text", "hits"),
    [
        # the ends are not looked at unless max-lead or max-tail is given
        ({}, _BODY + "各地要认真学习。付费后阅读全文\n", [("各地要认真学习。付费后阅读全文", _BODY)]),
        # with them, a notice beside a sentence of the document is reported, not deleted
        ({"max-lead": 4, "max-tail": 4}, _BODY + "各地要认真学习。付费后阅读全文\n", [("付费后阅读全文", None)]),
        # ... and cues read across two sentences are none
        ({"max-lead": 4, "max-tail": 4}, _BODY + "登录系统办理业务。阅读全文\n", []),
        # a line of notices, each sentence with its cue at its ends, goes
        ({"max-lead": 4, "max-tail": 4}, _BODY + "试读结束。付费后阅读全文。\n", [("试读结束。付费后阅读全文。", _BODY)]),
        # the ellipsis line a site leaves at the cut goes with the notice after it, and only then
        ({"line-before": "…+"}, _BODY + "……\n试读结束\n", [("试读结束", _BODY)]),
        ({"line-before": "…+"}, _BODY + "……\n下一段。\n", []),
        # a document with a body of more Han characters than max-document-han has no report
        ({"max-document-han": 5}, _BODY + "试读结束\n", []),
        ({"max-document-han": 10}, _BODY + "试读结束\n", [("试读结束", _BODY)]),
    ],
)
def test_line_unit(changes, text, hits):
    matcher = line_classifier.compile(read_options(line_classifier.OPTIONS, {**LINE, **changes}))
    out = []
    for hit in matcher.find(Document(text)):
        fixed = None
        if hit.edits:
            fixed = text
            for edit in sorted(hit.edits, reverse=True):
                fixed = fixed[: edit.start] + edit.content + fixed[edit.end :]
        out.append((text[hit.start : hit.end], fixed))
    assert out == hits
