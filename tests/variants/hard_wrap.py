"""Documents that PDF extraction hard-wrapped at a fixed width (18–45 columns) (or ragged, each
line's room drawn from 70–100 % of the width, as OCR and copies of a narrow page leave lines, so
that no column shows: the family hard_wrap_ragged): real paragraphs cut into lines, a
paragraph's first line indented or not, page footers between pages, a paragraph run in after
its heading marker whose first line is cut short after a word that cannot end a phrase
(`（二）始终把` / `人民群众利益放在首位…`), a site stamp at the end of a wrapped line. The
headings, the title, lists, 附件 lines, the signature and its date stay on their own lines, and a
line that ends a sentence keeps its break. Traps: unwrapped documents (the real laws' long lines)
with short legitimate lines among them, and tables whose cells are single characters between
spaces (LY008 must not close them up)."""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import lru_cache

import opencc

from lint.engine.segment import dictionary

from . import Case, untouched

FAMILY = "hard-wrap"
CATEGORY = "layout"

# --- what a document has besides its paragraphs (invented here, not read from the rules) ---
TOPICS = ("总体要求", "主要目标", "重点任务", "保障措施", "工作原则", "组织领导", "实施步骤", "督导考核", "基本情况",
          "存在的问题", "下步打算", "工作成效", "强化责任落实", "加强宣传引导", "健全工作机制", "完善配套政策")
MARKERS = ("一、", "（一）", "第一章 ", "一、", "（一）")
CHINESE = "一二三四五六七八九十"
PLACES = ("某某县", "城关镇", "高新区", "某某市", "东湖街道", "青山乡")
BODIES = ("人民政府", "人民政府办公室", "教育局", "应急管理局", "农业农村局", "党工委", "办事处", "卫生健康委员会")
TITLE_KINDS = ("工作计划", "工作总结", "实施方案", "工作要点", "述职报告", "调研报告")
ITEMS = ("建立工作台账", "开展专项检查", "形成总结报告", "落实整改措施", "组织业务培训", "完善档案资料", "召开推进会议")
ATTACHMENTS = ("工作任务分解表", "责任清单", "进度安排表", "联系人名单", "项目汇总表")
# a word after which a phrase cannot stop: where a paragraph run in after its heading marker may
# be cut short and still plainly go on
DANGLING = "把将对向从在以为与和及的于按由并"
INDENTS = ("", "\u3000\u3000", "  ", "    ", "\u3000\u3000")
CLOSING = "，。、；：！？”’）》…"
OPENING = "“‘（《"
SENTENCE_END = "。！？；："
STAMP_OFFERS = ("更多", "海量", "免费", "精品")
# (not 文库 or 范文: the advertising rule takes them with a word such as 联系 in the line for an
# advertisement and deletes the line, a short one when it is wrapped)
STAMP_NOUNS = ("素材", "文档", "资料", "模板")
STAMP_SITES = ("青柠网", "墨香资料网", "笔杆网", "云帆资料网")


def _width(text: str) -> float:
    return sum(0.5 if ord(ch) < 128 else 1 for ch in text)


def _title(rng: random.Random) -> str:
    return f"{rng.choice(PLACES)}{rng.choice(BODIES)}{rng.randint(2020, 2026)}年{rng.choice(TITLE_KINDS)}"


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(2020, 2026), rng.randint(1, 12), rng.randint(1, 28)
    if rng.random() < 0.2:
        digits = "〇一二三四五六七八九"
        return "".join(digits[int(c)] for c in str(y)) + f"年{_number(m)}月{_number(d)}日"
    return f"{y}年{m}月{d}日"


def _number(n: int) -> str:
    if n <= 10:
        return CHINESE[n - 1]
    return ("" if n < 20 else CHINESE[n // 10 - 1]) + "十" + (CHINESE[n % 10 - 1] if n % 10 else "")


def _heading(rng: random.Random, marker: str, n: int) -> str:
    numeral = CHINESE[n - 1]
    if marker.startswith("第"):
        return f"第{numeral}章 {rng.choice(TOPICS)}"
    if marker.startswith("（"):
        return f"（{numeral}）{rng.choice(TOPICS)}"
    return f"{numeral}、{rng.choice(TOPICS)}"


def _wrap(text: str, width: int, first: float, ragged: Callable[[], float] | None = None) -> list[str]:
    """`text` cut into lines of `width` columns (the first of `first`; each of `ragged()` columns,
    when given), as a typesetter does: a
    closing mark that would start a line stays at the end of the one before, an opening mark that
    would end one goes to the next, and a run of ASCII letters or digits is not cut."""
    lines: list[str] = []
    line, used, room = "", 0.0, first
    i = 0
    while i < len(text):
        ch = text[i]
        step = _width(ch)
        if used + step > room and line:
            if ch in CLOSING and line[-1] not in CLOSING:
                line += ch
                i += 1
                continue
            carried = ""
            if line[-1] in OPENING:
                line, carried = line[:-1], line[-1]
            elif ord(ch) < 128 and ch.isalnum():
                run = len(line) - len(line.rstrip("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.%"))
                if 0 < run < len(line) - 4:
                    line, carried = line[:-run], line[-run:]
            lines.append(line)
            line, used, room = carried, _width(carried), width if ragged is None else ragged()
        line += ch
        used += step
        i += 1
    if line:
        lines.append(line)
    return lines


@lru_cache(maxsize=1)
def _to_traditional() -> Callable[[str], str]:
    return opencc.OpenCC("s2t").convert


def _convertible(lines: list[str]) -> list[str]:
    """The lines with each break moved off a phrase that OpenCC converts as a whole (注册 to 註冊
    but 注 and 册 alone to 注 and 冊): the harness converts the text and the joined text apart, and
    they must agree."""
    convert = _to_traditional()
    lines = list(lines)
    for k in range(len(lines) - 1):
        for _ in range(4):
            a, b = lines[k], lines[k + 1]
            if len(a) < 2 or convert(a[-4:] + b[:4]) == convert(a[-4:]) + convert(b[:4]):
                break
            lines[k], lines[k + 1] = a[:-1], a[-1] + b
    return lines


def _run_in_cut(rng: random.Random, text: str) -> int | None:
    """Where the first line of a paragraph run in after its marker may end short: after a word of
    one character that cannot end a phrase, 4 to 14 characters in."""
    head = text[:16]
    words, offset, cuts = dictionary().route(head), 0, []
    for word in words:
        offset += len(word)
        if len(word) == 1 and word in DANGLING and 4 <= offset <= 14:
            cuts.append(offset)
    return rng.choice(cuts) if cuts else None


def _stamp(rng: random.Random) -> str:
    left, right = rng.choice((("【", "】"), ("〖", "〗"), ("[", "]")))
    marks = rng.sample("#@&%", 2)
    return f"{left}{rng.choice(STAMP_OFFERS)}{marks[0]}{rng.choice(STAMP_NOUNS)}{marks[1]}尽在{rng.choice(STAMP_SITES)}{right}"


class _Writer:
    """The document line by line, with what fixing it must give and where each join lies."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.fixed: list[str] = []
        self.spans: list[tuple[int, int]] = []
        self.offset = 0

    def line(self, line: str, *, joined: bool = False, extra: str = "") -> None:
        """Add a line; `joined`: its break is a wrap, deleted by the fix (with `extra`, lines after
        it that other rules delete: a page footer). A stamp in `extra` ends the line itself."""
        self.text.append(line + "\n" + extra)
        end = self.offset + len(line)
        if joined:
            self.spans.append((end, end + 1 + len(extra)))
            self.fixed.append(line)
        else:
            self.fixed.append(line + "\n")
        self.offset = end + 1 + len(extra)

    def stamped(self, line: str, stamp: str) -> None:
        """A wrapped line with a site stamp at its end: the stamp is deleted, then the break."""
        self.text.append(line + stamp + "\n")
        start = self.offset + len(line)
        self.spans.append((start, start + len(stamp) + 1))
        self.fixed.append(line)
        self.offset = start + len(stamp) + 1


def _paragraph(
    rng: random.Random, out: _Writer, body: str, width: int, indent: str, page: list[int], lead: str = "", ragged: bool = False
) -> str:
    """Write one wrapped paragraph; returns what the grammar chose, for the failure message."""
    what = ""
    first = width - _width(indent)
    room = (lambda: width * rng.uniform(0.7, 1.0)) if ragged else None
    if lead:
        cut = _run_in_cut(rng, body)
        if cut is not None and rng.random() < 0.7:
            lines = [lead + body[:cut], *_wrap(body[cut:], width, width, room)]
            what = f" run-in cut {lead + body[:cut]!r}"
        else:
            lines = _wrap(lead + body, width, first, room)
    else:
        lines = _wrap(body, width, first, room)
    lines = _convertible(lines)
    lines[0] = indent + lines[0]
    # a stamp on a line that fills the column (not on a first line cut short: the stamp would hide
    # the word it ends in)
    first_full = 1 if what else 0
    stamp_at = rng.randrange(first_full, len(lines) - 1) if len(lines) > first_full + 1 and rng.random() < 0.08 else None
    for k, line in enumerate(lines):
        last = k == len(lines) - 1
        wrap = not last and line[-1] not in SENTENCE_END
        page[0] += 1
        footer = ""
        if wrap and page[0] >= page[1]:
            page[0], page[2] = 0, page[2] + 1
            shape = rng.randrange(4)
            dash = rng.choice(("—", "-"))
            if shape < 2:
                footer = f"{dash}{rng.choice(('', ' '))}{page[2]}{rng.choice(('', ' '))}{dash}\n"
            else:  # a page count, or a bare page number inside the sentence the page cut
                footer = f"第{page[2]}页 共{page[2] + 3}页\n" if shape == 2 else f"第{page[2]}页\n"
            what += f" footer {footer.strip()!r}"
        if wrap and stamp_at == k and not footer:
            out.stamped(line, _stamp(rng))
            what += " stamp"
            continue
        out.line(line, joined=wrap, extra=footer)
    return what


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    return wrapped(rng, hosts, ragged=False)


def wrapped(rng: random.Random, hosts: tuple[str, ...], *, ragged: bool) -> Case:
    """A wrapped document: at a fixed width, or `ragged`."""
    width = rng.randint(18, 45)
    indent = rng.choice(INDENTS)
    heading_indent = indent if rng.random() < 0.5 else ""
    blank = rng.random() < 0.3  # a blank line between paragraphs
    page = [0, rng.randint(6, 18), 1]  # lines on this page, lines a page holds, page number
    marker = rng.choice(MARKERS)
    out = _Writer()
    out.line(_title(rng))
    if rng.random() < 0.5:
        out.line("")
    what = f"width {width}{' ragged' if ragged else ''} indent {indent!r}"
    # distinct paragraphs: a text that repeats lets the diff that scores a case align a deleted
    # break with the other copy
    paragraphs = list(dict.fromkeys(rng.choice(hosts) for _ in range(40)))
    for n in range(1, rng.randint(3, 5)):
        out.line(heading_indent + _heading(rng, marker, n))
        # the paragraphs of a section may each run in after their number, in a style the
        # headings do not use
        run_in = rng.random() < 0.3
        for k in range(1, rng.randint(2, 4)):
            body = "".join(paragraphs.pop() for _ in range(rng.randint(1, 3)))
            lead = (f"{k}." if marker.startswith("（") else f"（{CHINESE[k - 1]}）") if run_in else ""
            if blank and out.text[-1] != "\n":
                out.line("")
            what += _paragraph(rng, out, body, width, indent, page, lead, ragged)
        if not run_in and rng.random() < 0.3:  # a list, each item on its line
            for k, item in enumerate(rng.sample(ITEMS, rng.randint(2, 4)), 1):
                out.line(f"{indent}{k}.{item}；")
    if rng.random() < 0.5:
        out.line(f"{indent}{rng.choice(('特此报告。', '特此通知。', '以上方案，请遵照执行。'))}")
        if rng.random() < 0.5:
            out.line("")
        out.line(rng.choice(PLACES) + rng.choice(BODIES))
        out.line(_date(rng))
    if rng.random() < 0.3:  # attachments, numbered as 附件1： (a list 1. 2. would meet the lists above)
        names = rng.sample(ATTACHMENTS, rng.randint(1, 3))
        for k, name in enumerate(names, 1):
            out.line(f"附件{k if len(names) > 1 else ''}：{rng.choice(PLACES)}{name}")
    text = "".join(out.text)
    fixed = "".join(out.fixed)
    return Case(text, fixed, fixed, tuple(out.spans), what)


# --- legitimate short lines in documents that are not wrapped ---
def _short_lines(rng: random.Random) -> str:
    shapes = (
        lambda: f"{_heading(rng, rng.choice(MARKERS), rng.randint(1, 9))}\n{rng.choice(TOPICS)}是做好工作的基础",
        lambda: f"特此通知。\n{rng.choice(PLACES)}{rng.choice(BODIES)}\n{_date(rng)}",
        lambda: f"{rng.choice(PLACES)}{rng.choice(BODIES)}\n{rng.choice(PLACES)}{rng.choice(BODIES)}\n{_date(rng)}",
        lambda: "附件：" + "\n".join(f"{k}.{rng.choice(PLACES)}{name}" for k, name in enumerate(rng.sample(ATTACHMENTS, 3), 1)),
        lambda: "\n".join(f"{k}.{item}" for k, item in enumerate(rng.sample(ITEMS, rng.randint(2, 4)), 1)),
        lambda: "\n".join(f"（{CHINESE[k]}）{item}" for k, item in enumerate(rng.sample(ITEMS, 3))),
        lambda: f"{_title(rng)}\n（{_date(rng)}）",
        lambda: "\n".join(rng.sample(("安全第一", "预防为主", "以人为本", "稳中求进", "守正创新"), 3)),
        lambda: f"各位代表：\n{rng.choice(('现在', '下面'))}，我代表{rng.choice(PLACES)}{rng.choice(BODIES)}作报告",
        lambda: f"{rng.choice(TOPICS)}\n{rng.choice(TOPICS)}\n{rng.choice(TOPICS)}",
        lambda: f"序号 {rng.choice(('项目名称', '工作内容'))} 责任单位 完成时限\n"
        f"1 {rng.choice(ITEMS)} {rng.choice(BODIES)} {rng.randint(1, 12)}月底",
    )
    return rng.choice(shapes)()


# --- tables whose cells are single characters between single spaces ---
GRADES = ("高 中 低", "优 良 中 差", "大 中 小", "甲 乙 丙", "是 否 否", "强 中 弱", "好 较好 一般 差")
SUBJECTS = "语数英物化史地政体音美"


def _table(rng: random.Random) -> str:
    shape = rng.randrange(4)
    if shape == 0:  # a timetable: a period, then a subject a day
        head = "节次 " + " ".join("一二三四五")
        rows = [f"{k} " + " ".join(rng.choice(SUBJECTS) for _ in range(5)) for k in range(1, rng.randint(3, 6))]
        return "\n".join([head, *rows])
    if shape == 1:  # numbered rows of grades under their header
        head = rng.choice(("序号 风险等级 可能性 严重性", "序号 评价 态度 效果", "编号 类别 规模 程度"))
        rows = [f"{k} " + " ".join(rng.choice("高中低") for _ in range(3)) for k in range(1, rng.randint(3, 5))]
        return "\n".join([head, *rows])
    if shape == 2:  # the scale under its header row
        head = rng.choice(("评价等级 分值 说明", "风险等级 颜色 响应"))
        return f"{head}\n{rng.choice(GRADES[:6])}\n{rng.randint(3, 5)} {rng.randint(1, 2)} 0"
    # a roster: a number, one-character surnames
    names = "张王李赵刘陈杨黄周吴"
    rows = [f"{k} " + " ".join(rng.sample(names, 4)) for k in range(1, rng.randint(3, 5))]
    return "\n".join(["组别 " + " ".join(("周一", "周二", "周三", "周四")), *rows])


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    middle = _table(rng) if rng.random() < 0.4 else _short_lines(rng)
    return untouched(rng, hosts, middle, f"trap {middle!r}", title=rng.random() < 0.7)
