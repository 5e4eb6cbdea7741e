"""Enumerations in every style with one repeated ordinal (renumbered by --unsafe-fixes) or one
missing (reported only): headings (一、 （一） 1. 1、 1． （1） ①) each on its own line above a
paragraph, and the clause ordinals of one paragraph (一是 一要 第一， 首先/其次 are not numbered)."""

from __future__ import annotations

import random

from . import Case

FAMILY = "enumeration"
CATEGORY = "structure"

_CHINESE = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_FULL = "１２３４５６７８９"


def _chinese(n: int) -> str:
    return _CHINESE[n - 1]


# heading styles: a numeral written by `number`, in a frame
_HEADINGS = {
    "一、": lambda n: f"{_chinese(n)}、",
    "（一）": lambda n: f"（{_chinese(n)}）",
    "1.": lambda n: f"{n}.",
    "1、": lambda n: f"{n}、",
    "1．": lambda n: f"{n}．",
    "１．": lambda n: f"{_FULL[n - 1]}．",
    "（1）": lambda n: f"（{n}）",
    "①": lambda n: _CIRCLED[n - 1],
}
_CLAUSES = {
    "一是": lambda n: f"{_chinese(n)}是",
    "一要": lambda n: f"{_chinese(n)}要",
    "第一，": lambda n: f"第{_chinese(n)}，",
}
_TOPICS = ("加强组织领导", "完善工作机制", "强化督促检查", "推进信息公开", "做好宣传引导", "落实安全责任",
           "健全考核制度", "提升服务能力", "抓好队伍建设", "深化改革创新")
_CLAUSE_BODIES = ("强化排查整治", "压实主体责任", "完善长效机制", "加大曝光力度", "提升服务质效", "严格考核问责",
                  "健全协调机制", "抓好宣传培训")


def _numbers(rng: random.Random, count: int, broken: str, first: int) -> tuple[list[int], int, list[int]]:
    """The numbers as written (with one repeat or one gap at item `at` ≥ `first`) and as they
    should be."""
    at = rng.randrange(first, count)
    right = list(range(1, count + 1))
    if broken == "duplicate":
        written = right[:at] + [right[at - 1]] + right[at:-1]
    else:
        written = right[:at] + [n + 1 for n in right[at:]]
    return written, at, right


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    broken = rng.choice(("duplicate", "gap"))
    count = rng.randint(3, 6)
    headings = rng.random() < 0.6
    # a heading that repeats 一 reads as a new section's first: no editor can tell, so the repeat
    # of a heading comes later in its sequence
    written, at, right = _numbers(rng, count, broken, 2 if headings and broken == "duplicate" else 1)
    topics = rng.sample(_TOPICS, count)
    if headings:
        style = rng.choice(list(_HEADINGS))
        number = _HEADINGS[style]
        lines = [rng.choice(hosts)]
        starts = []
        for n, topic in zip(written, topics, strict=True):
            starts.append(sum(len(line) + 1 for line in lines))
            lines += [number(n) + topic, rng.choice(hosts)]
        text = "".join(line + "\n" for line in lines)
        fixed_lines = list(lines)
        if broken == "duplicate":
            for k in range(at, count):
                fixed_lines[1 + 2 * k] = number(right[k]) + topics[k]
        last = count - 1 if broken == "duplicate" else at  # a repeat renumbers the items after it too
        span = (starts[at], starts[last] + len(number(written[last])))
    else:
        style = rng.choice(list(_CLAUSES))
        number = _CLAUSES[style]
        bodies = rng.sample(_CLAUSE_BODIES, count)
        opening = "今年重点抓好以下工作："
        items = [number(n) + body + "。" for n, body in zip(written, bodies, strict=True)]
        line = opening + "".join(items)
        starts = [len(opening) + sum(len(item) for item in items[:k]) for k in range(count)]
        head = rng.choice(hosts) + "\n"
        text = head + line + "\n" + rng.choice(hosts) + "\n"
        fixed_items = [number(right[k] if broken == "duplicate" and k >= at else written[k]) + bodies[k] + "。" for k in range(count)]
        fixed_lines = None
        fixed_unsafe = head + opening + "".join(fixed_items) + "\n" + text.split("\n")[2] + "\n"
        last = count - 1 if broken == "duplicate" else at
        span = (len(head) + starts[at], len(head) + starts[last] + len(number(written[last])))
    if fixed_lines is not None:
        fixed_unsafe = "".join(line + "\n" for line in fixed_lines)
    if broken == "gap":
        fixed_unsafe = text
    return Case(text, text, fixed_unsafe, (span,), f"{broken} in {style} at {at} of {count}")


_TRAPS = (
    # numbering restarts in each section
    "一、总体要求\n（一）指导思想\n（二）工作目标\n二、主要任务\n（一）加强组织领导\n（二）完善工作机制\n",
    "一是强化排查。二是深化检查。\n一是完善机制。二是压实责任。\n",
    # ordinals inside a sentence, a span of months, sub-clause numbering
    "第一季度完成摸底，第二季度全面推开，二、三月份集中开展检查。\n",
    "1.1 工作目标\n1.2 工作任务\n2.1 保障措施\n",
    "附件：1.申报表\n2.承诺书\n3.汇总表\n",
    "首先要统一思想，其次要压实责任，再次要强化督导，最后要严格考核。\n",
    "①组织学习；②开展调研；③形成报告。\n",
    "一要提高站位。二要压实责任。三要强化督导。\n",
)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    text = rng.choice(hosts) + "\n" + rng.choice(_TRAPS) + rng.choice(hosts) + "\n"
    return Case(text, text, text, (), "trap")
