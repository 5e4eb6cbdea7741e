"""Anonymisation blanks where an uploader removed a place, a name, an amount, a date or a
document number's year: a blank (XX, XXX, xx, ＸＸ, ××, ×××, ＊＊, **, ○○, and one X or * before a
date part or a place) × what it stands for (a county, a town's party committee, a comrade, an
amount in 万元, a year, a month and day, a document number) × the words around it, put into a
real paragraph. The blanks are reported, never fixed: what was removed is unknown.
Traps: the same characters in legitimate text: X光, X射线, XL/XXL sizes, X86, Windows XP,
Mac OS X, roman numerals (XX世纪, XXI世纪), multiplication (3×4米, 1.2m×0.6m), Markdown emphasis
(**重要提示**), footnote asterisks, years written with ○ (二○○九年), complete document numbers (〔2024〕15号) and 某某 in case
reports."""

from __future__ import annotations

import functools
import random

from . import Case, split_sentences, untouched

FAMILY = "placeholder"
CATEGORY = "placeholder"

_RUNS = ("XX", "XXX", "xx", "xxx", "ＸＸ", "ＸＸＸ", "××", "×××", "＊＊", "＊＊＊", "**", "***", "○○", "○○○")
_SINGLES = ("X", "x", "×", "*", "＊", "Ｘ")

# what the blank stands for: a template with {b} where each blank goes
_PLACES = ("{b}县", "{b}市", "{b}区", "{b}镇", "{b}乡", "{b}村", "{b}社区", "{b}街道", "{b}省", "{b}县人民政府", "{b}镇党委",
           "{b}社区居委会", "{b}街道办事处", "{b}村党支部", "中共{b}市委", "{b}市{b}区", "{b}省{b}县")
_BODIES = ("{b}局", "{b}公司", "{b}学校", "{b}医院", "{b}中心", "{b}集团", "{b}小学", "{b}合作社")
_PEOPLE = ("{b}同志", "{b}书记", "{b}局长", "{b}镇长", "汇报人：{b}", "联系人：{b}", "经办人：{b}", "{b}主任")
_AMOUNTS = ("{b}万元", "{b}亿元", "{b}元", "{b}人", "{b}人次", "{b}个", "{b}%", "{b}项", "{b}户", "{b}家", "{b}次", "{b}场",
            "{b}公里", "{b}亩")
_DATES = ("20{b}年", "{b}年{b}月", "{b}月{b}日", "20{b}年{b}月{b}日", "{b}年度", "20{b}年{b}月")
_NUMBERS = ("{b}发〔20{b}〕{n}号", "〔〕{n}号", "〔 〕{n}号", "{b}政办〔〕{n}号")

_LEADS = {
    "place": ("在", "由", "经", "", "根据", "我们到"),
    "body": ("与", "由", "", "协调"),
    "person": ("", "由", "经"),
    "amount": ("共投入", "完成", "累计", "新增", "惠及", "达到"),
    "date": ("自", "于", "截至", "", "从"),
    "number": ("根据《关于加强管理的通知》（", "按照", "依据"),
}
_TAILS = {
    "place": ("召开现场会", "开展调研", "牵头负责", "组织实施", ""),
    "body": ("签订协议", "联合开展", "负责落实", ""),
    "person": ("主持会议", "作表态发言", "负责", ""),
    "amount": ("", "以上", "左右"),
    "date": ("起施行", "前完成", "召开", ""),
    "number": ("）", "文件精神", "要求"),
}


def _blank(rng: random.Random, what: str, template: str) -> str:
    """A blank fit for its place: one character may stand for a date part or a place name, not
    for an amount, a person or a body (X人, X局 read as letters); ○ stands for names only."""
    singles_fit = what == "date" or (what == "place" and not template.startswith("中共"))
    if singles_fit and rng.random() < 0.3:
        return rng.choice(_SINGLES)
    runs = _RUNS if what in ("place", "body", "person") else tuple(r for r in _RUNS if r[0] != "○")
    return rng.choice(runs)


def _phrase(rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """A phrase with blanks, and where each blank lies in it."""
    what, templates = rng.choice((("place", _PLACES), ("body", _BODIES), ("person", _PEOPLE), ("amount", _AMOUNTS),
                                  ("date", _DATES), ("number", _NUMBERS)))
    template = rng.choice(templates)
    blank = _blank(rng, what, template)
    if blank == "**" and what in ("body", "person", "amount"):
        blank = "＊＊"  # `**局` and `**万元` read like Markdown emphasis opening: an editor would hesitate too
    lead = rng.choice(_LEADS[what])
    phrase = lead
    spans = []
    position = 0
    for part in template.replace("{n}", str(rng.randint(1, 99))).split("{b}"):
        if position:
            spans.append((len(phrase), len(phrase) + len(blank)))
            phrase += blank
        phrase += part
        position += 1
    if "〔〕" in template or "〔 〕" in template:
        start = phrase.index("〔")
        spans.append((start, phrase.index("号", start) + 1))
    return phrase + rng.choice(_TAILS[what]), spans


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    host = rng.choice(hosts)
    cuts = split_sentences(host)
    at = rng.choice(cuts) if cuts and rng.random() < 0.8 else 0
    phrase, spans = _phrase(rng)
    mark = "，" if at == 0 or rng.random() < 0.5 else ""
    line = host[:at] + phrase + mark + host[at:]
    before = [rng.choice(hosts) for _ in range(rng.randint(0, 2))]
    head = "".join(line + "\n" for line in before)
    text = head + line + "\n" + "".join(rng.choice(hosts) + "\n" for _ in range(rng.randint(0, 2)))
    offset = len(head) + at
    return Case(text, text, text, tuple((offset + s, offset + e) for s, e in spans), phrase)


_TRAPS = (
    "医院新购置X光机一台，开展X射线检测{n}人次。",
    "统一配发XL号和XXL号工作服，尺码不合适的可以调换。",
    "服务器采用X86架构，终端操作系统已由Windows XP升级。",
    "办公电脑预装Mac OS X系统，另配X64版办公软件。",
    "XX世纪中叶，这里还是一片荒滩。",
    "进入XXI世纪以来，全县经济快速发展。",
    "新建仓库尺寸为{n}×4米，货架规格1.2m×0.6m，共3×3排。",
    "**重要提示**：请于本月底前完成申报。",
    "**工作目标**\n全面完成年度任务。",
    "注：带*号的为必填项，*号后为备注。",
    "根据《关于加强管理的通知》（鲁政办发〔2024〕{n}号）要求。",
    "依据〔2023〕第{n}号文件精神。",
    "村民张某某反映，某企业未按时支付工资，某某村已介入调解。",
    "开展X型钢支撑检测，绘制X轴和Y轴坐标图。",
    "公式中x表示产量，y表示成本。",
    "第Ⅹ章规定了法律责任，附录XI列出了术语。",
    "长×宽×高不超过{n}厘米。",
    "在2024年XR和VR产业大会上发布了新成果。",
    "年产量为{n}万吨，约为去年的2倍。",
    "乘法口诀三三得九，3×3=9。",
    "表中“○”表示已完成，“×”表示未完成。",
    "该馆始建于二○○九年，二○一○年正式开放。",
    "**{n}年工作要点**\n一、总体要求",
)


@functools.lru_cache(maxsize=1)
def _blank_free(hosts: tuple[str, ...]) -> tuple[str, ...]:
    """The paragraphs without a blank character of their own (a few laws print `××××3` templates)."""
    return tuple(host for host in hosts if not any(ch in host for ch in "XxＸｘ×＊*○_＿"))


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    hosts = _blank_free(hosts)
    trap = rng.choice(_TRAPS).replace("{n}", str(rng.randint(2, 99)))
    return untouched(rng, hosts, rng.choice(hosts) + "\n" + trap, f"trap {trap!r}")
