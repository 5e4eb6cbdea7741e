"""The line-classifier kind's sentence unit, beyond the rules' cases: which sentences form an
advert, when its ends are certain, and the options it checks; and AD001 beside WM004, which both
read a site's lines: one line, one report."""

from __future__ import annotations

import re

import pytest

from lint.engine import core as engine
from lint.engine.document import Document
from lint.files.tomlload import load
from lint.kinds import line_classifier
from lint.kinds.base import OptionError, read_options

from . import variants
from .test_cli import plancheck, put
from .test_rule_cases import CASES
from .variants import advertising, seller_channel, seller_voice

OPTIONS = {
    "unit": "sentence",
    "cues": {"seller": "小编|本站", "offer": "原版|范文", "channel": "私信|访问", "rights": "仅供学习参考", "closing": "欢迎阅读"},
    "when": [{"seller": 1, "offer": 1}, {"offer": 1, "channel": 1}],
    "joins": ["seller", "rights", "closing"],
    "unless": "12345",
    "max-lead": 4,
    "max-tail": 6,
}


def _hits(text: str, base: dict = OPTIONS, **changes) -> list[tuple[str, str | None]]:
    """Each hit's text, and what its fix leaves of the text (None: reported only), for the rule
    `base` with `changes`."""
    matcher = line_classifier.compile(read_options(line_classifier.OPTIONS, {**base, **changes}))
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
    texts += [case.text for family in (advertising, seller_voice, seller_channel) for case in variants.cases(family, "artifacts", 300)]
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
    assert _hits(text, LINE, **changes) == hits


# the notices of sources beyond the document libraries (forums, apps, social media, converters,
# OCR tools, cloud drives) and the voice of sellers and reposters beyond the sites (followers, groups,
# comments, shares, shops), each on a line of its own between the issuer's lines of the same words
_BODY_OF_A_REPORT = (
    "一年来，我局坚持以人民为中心的发展思想，围绕中心、服务大局，扎实推进各项工作任务落地落实，全面完成年度目标任务。"
    "一是强化理论武装，深入开展主题教育，组织专题学习二十余次。二是狠抓项目建设，全年实施重点项目十五个，完成投资十二亿元。"
    "三是优化营商环境，推行一窗受理、集成服务，办理时限压缩百分之四十。四是保障改善民生，新增城镇就业三千人。\n"
) * 5  # (the notices are less than a fifth of the text: the deletion guard lets the fix through)
_GATED = {
    "PW003": ("本帖隐藏的内容需回复后才可浏览", "打开APP阅读全文>>", "关注博主后即可阅读全文", "免费版仅转换前3页，升级会员转换全部页面",
              "今日识别额度已用完，开通VIP继续识别", "文档预览仅显示前10页", "还剩68%未读，点击继续阅读", "下载资源需要8金币"),
    "AD001": ("喜欢的朋友记得点赞关注哦！", "网盘链接：https://pan.baidu.com/s/1abc123 提取码：k7q2",
              "链接失效请留言，看到后第一时间补发。", "评论区扣1，私发Word版", "拍下后自动发货，可编辑修改", "整理不易，请大家多多支持",
              "资源搬运自网络，若侵犯您的权益请告知删除。"),
}
_ISSUERS_OWN = (
    "请关注本局官方微信公众号获取最新信息。", "申报表可在局网站下载，填写后报送区科技局。", "市图书馆为持证读者提供电子图书免费阅读服务。",
    "全市共有阅读类APP用户3.2万人，其中付费会员1.1万人。", "各地要加强政府网站检查，及时清理链接失效、错链断链等问题。",
    "联系人：王伟，联系电话：0551-62345678。", "为基层干部点赞，为担当作为者撑腰。", "预算额度已用完的单位，不得另行列支。",
)


def test_notices_and_sellers_of_many_sources_go_and_the_issuers_lines_stay(tmp_path):
    gated = [(rule, line) for rule, lines in _GATED.items() for line in lines]
    lines = [line for pair in zip([line for _, line in gated], _ISSUERS_OWN * 2, strict=False) for line in pair]
    put(tmp_path, "report.txt", _BODY_OF_A_REPORT + "".join(line + "\n" for line in lines))
    checked = plancheck("--output-format", "concise", "--select", "PW003,AD001", "report.txt", cwd=tmp_path)
    reported = {(int(m[1]), m[2]) for m in (re.match(r"report\.txt:(\d+):\d+: (\w+)", line) for line in checked.lines) if m}
    assert reported == {(6 + lines.index(line), rule) for rule, line in gated}, checked.stdout
    assert plancheck("--fix", "report.txt", cwd=tmp_path).code == 0
    own = [line for line in lines if line in _ISSUERS_OWN]
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == _BODY_OF_A_REPORT + "".join(line + "\n" for line in own)
