"""Tables of contents as word processors and scrapers leave them in compilations (汇编) and long
documents: entries (documents of a compilation, numbered sections, chapters, two levels) × leaders
(dots, ellipses, middle dots, full-width dots and dashes, tabs, spaces) × page-number styles ×
with or without a 目录 heading × cover or page lines before the title × an entry for the
compilation itself or for 目录 × documents cut from the body, in lines or with blank lines between.
The page numbers and self-references go; an entry whose document was cut is reported.
Traps: data tables (tab-, space- or leader-separated numbers, years, percentages), a column of
rising values naming the sections below, a catalogue under a bare 目录, attachment lists, numbered
headings and law chapters without page numbers, a law's own 目录, rankings, an ellipsis in prose,
and clean tables of contents (one with the first document's heading standing as the title)."""

from __future__ import annotations

import random

from . import Case, untouched

FAMILY = "toc"
CATEGORY = "structure"

_UNITS = ("县财政局", "城关镇", "区残联", "县统计局", "市场监管局", "县卫生健康委", "东湖街道", "青石镇人民政府", "县农业农村局",
          "区住建局", "县人社局", "团县委", "县妇联", "市生态环境局", "县应急管理局", "区教育局", "县文旅局", "柳林村党支部")
_KINDS = ("工作计划", "工作总结", "述职报告", "上半年工作总结", "工作要点", "调研报告", "经验材料", "党建工作总结", "实施方案")
_TOPICS = ("指导思想", "工作目标", "主要任务", "保障措施", "基本情况", "存在问题", "下一步打算", "组织领导", "工作措施",
           "重点工作", "总体要求", "推进步骤", "主要成效", "经验做法", "意见建议", "责任分工", "考核评价", "实施范围")
_CHAPTERS = ("总则", "组织机构", "职责分工", "运行管理", "监督检查", "法律责任", "附则", "保障措施")
_CN = "一二三四五六七八九十"
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _leader(rng: random.Random) -> str:
    shape = rng.randrange(12)
    if shape == 0:
        return "…" * rng.randint(1, 16)
    if shape == 1:
        return "⋯" * rng.randint(2, 16)
    if shape == 2:
        return "." * rng.randint(3, 40)
    if shape == 3:
        return ". " * rng.randint(3, 12)
    if shape == 4:
        return "·" * rng.randint(2, 20)
    if shape == 5:
        return "．" * rng.randint(2, 20)
    if shape == 6:
        return "－" * rng.randint(2, 12)
    if shape == 7:
        return rng.choice(("-", "—", "_", "＿", "━", "‥")) * rng.randint(3, 12)
    if shape == 8:
        return "\t" * rng.randint(1, 2)
    if shape == 9:
        return " " * rng.randint(2, 8)
    if shape == 10:
        return "\u3000" * rng.randint(1, 3)
    return rng.choice((" ", "")) + "…" * rng.randint(2, 12) + rng.choice((" ", ""))


def _page(rng: random.Random, style: int, n: int) -> str:
    return (str(n), f"{n:02d}", str(n).translate(_FULL_DIGITS), f"第{n}页", f"- {n} -", f"—{n}—")[style]


def _entries(rng: random.Random) -> tuple[str, list[tuple[int, str]], str]:
    """A title and its entries (level, text) with the shape of a compilation or of one document."""
    year = rng.randint(2018, 2026)
    shape = rng.randrange(5)
    if shape == 0:  # a compilation of documents
        kind = rng.choice(_KINDS)
        units = rng.sample(_UNITS, rng.randint(3, 7))
        count = rng.choice(("", f"（{len(units)}篇）", f"({len(units)}篇)"))
        title = f"{year}年{rng.choice(('', '度'))}{kind}汇编{count}"
        number = rng.choice(("", "1.", "1、", "一、", "（一）", "01 "))
        entries = []
        for k, unit in enumerate(units):
            prefix = number.replace("1", str(k + 1)).replace("一", _CN[k]).replace("01", f"{k + 1:02d}")
            entries.append((0, prefix + f"{unit}{year}年{kind}"))
        return title, entries, "compilation"
    if shape == 1:  # one document's sections
        topics = rng.sample(_TOPICS, rng.randint(3, 6))
        title = f"{rng.choice(_UNITS)}关于{rng.choice(('推进', '加强', '做好'))}基层治理工作的实施方案"
        return title, [(0, f"{_CN[k]}、{t}") for k, t in enumerate(topics)], "sections"
    if shape == 2:  # chapters
        chapters = rng.sample(_CHAPTERS, rng.randint(3, 6))
        space = rng.choice((" ", "\u3000", ""))
        title = f"{rng.choice(_UNITS)}{rng.choice(('财务管理', '档案管理', '公务接待管理', '值班值守'))}办法"
        return title, [(0, f"第{_CN[k]}章{space}{c}") for k, c in enumerate(chapters)], "chapters"
    if shape == 3:  # two levels
        topics = rng.sample(_TOPICS, rng.randint(4, 8))
        entries = []
        major = minor = 0
        for k, topic in enumerate(topics):
            if k == 0 or rng.random() < 0.4:
                entries.append((0, f"{_CN[major]}、{topic}"))
                major += 1
                minor = 0
            else:
                entries.append((1, f"（{_CN[minor]}）{topic}"))
                minor += 1
        title = f"{year}年{rng.choice(_UNITS)}{rng.choice(_KINDS)}"
        return title, entries, "two levels"
    topics = rng.sample(_TOPICS, rng.randint(3, 6))  # arabic sections
    dot = rng.choice((".", "．", "、", ". "))
    title = f"{year}年{rng.choice(_UNITS)}{rng.choice(_KINDS)}"
    return title, [(0, f"{k + 1}{dot}{t}") for k, t in enumerate(topics)], "arabic"


def _cover(rng: random.Random, year: int) -> list[str]:
    """Lines a cover page or a web page leaves above the title (none of them deleted by any rule)."""
    lines = ("内部资料\u3000注意保存", "内部资料", f"{rng.choice(_UNITS)}编印", f"{year}年{rng.randint(1, 12)}月",
             f"发布时间：{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\u3000来源：{rng.choice(_UNITS)}",
             f"第{rng.randint(1, 30)}期", "仅供内部参考", f"（总第{rng.randint(10, 200)}期）")
    return rng.sample(lines, rng.randint(1, 2))


_HEADINGS = ("目录", "目 录", "目\u3000录", "目  录", "目录：", "【目录】", "## 目录", "目\u3000\u3000录", "目次", "目录 CONTENTS",
             "【目 录】")


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """A deleted range grown over the characters a diff may align it with instead."""
    left = 0
    while start - left > 0 and text[start - 1 - left] == text[end - 1 - left]:
        left += 1
    right = 0
    while end + right < len(text) and text[start + right] == text[end + right]:
        right += 1
    return start - left, end + right


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    title, entries, shape = _entries(rng)
    headed = rng.random() < 0.65
    paged = not headed or rng.random() < 0.85
    blank = rng.random() < 0.2  # a converter that puts a blank line after every paragraph
    # documents cut from the body: without a heading, the TOC still names at least half of them
    cut = rng.random() < 0.25 and len(entries) > (2 if headed else 3)
    self_title = rng.random() < 0.4
    self_toc = headed and rng.random() < 0.3
    if not (paged or cut or self_title or self_toc):
        self_title = True
    style = rng.randrange(6)
    leader = _leader(rng)
    same_leader = rng.random() < 0.8  # a word processor draws one leader; a retyped TOC varies it
    trailing = rng.choice(("",) * 8 + (" ", "\t"))
    indent = rng.choice(("", "", "\u3000\u3000", "  "))
    markdown = rng.random() < 0.25  # body headings as Markdown headings

    lines: list[str] = []  # the text, line by line
    kept: list[str | None] = []  # each line after --fix (None: deleted)
    spans_at: list[tuple[int, int, int]] = []  # (line, start in line, end in line) of each artifact

    def add(line: str, fixed: str | None = None, span: tuple[int, int] | None = None) -> None:
        if span:
            spans_at.append((len(lines), *span))
        lines.append(line)
        kept.append(line if fixed is None and span is None else fixed)
        if blank:
            lines.append("")
            kept.append("" if fixed is not None or span is None else None)

    year = rng.randint(2018, 2026)
    for line in _cover(rng, year) if rng.random() < 0.4 else ():
        add(line)
    add(("# " if rng.random() < 0.15 else "") + title)
    if rng.random() < 0.15:
        add(f"{rng.choice(_UNITS)}编\u3000{year}年{rng.randint(1, 12)}月")
    if headed:
        add(rng.choice(_HEADINGS))
    page = rng.randint(1, 3)

    def entry(text: str, level: int, *, self_reference: bool = False, missing: bool = False) -> None:
        nonlocal page
        pad = indent + ("\u3000\u3000" if level and indent else "")
        tail = ""
        if paged:
            tail = (leader if same_leader else _leader(rng)) + _page(rng, style, page) + trailing
            page += rng.randint(0, 9)
        line = pad + text + tail
        if self_reference:
            add(line, None, (0, len(line)))
        elif missing:
            add(line, pad + text, (len(pad), len(line)))
        elif tail:
            add(line, pad + text, (len(pad + text), len(line)))
        else:
            add(line)

    if self_title:
        entry(title, 0, self_reference=True)
    if self_toc:
        entry(rng.choice(("目录", "目 录")), 0, self_reference=True)
    present = len(entries) - (rng.randint(1, len(entries) - (2 if headed else (len(entries) + 1) // 2 + 1)) if cut else 0)
    for k, (level, text) in enumerate(entries):
        entry(text, level, missing=k >= present)
    if not blank and rng.random() < 0.7:
        add("")
    for level, text in entries[:present]:
        heading = text.replace("\u3000", rng.choice(("\u3000", " ", "")))
        if markdown:
            heading = "#" * (2 + level) + " " + heading
        add(heading)
        for _ in range(rng.randint(1, 3)):
            add(rng.choice(hosts))
        if rng.random() < 0.15:  # a table in the body is the body's own
            for row in _table(rng).split("\n"):
                add(row)

    if blank:  # no blank line at the end of the text (another rule's to delete)
        lines.pop()
        kept.pop()
    text = "".join(line + "\n" for line in lines)
    fixed = "".join(line + "\n" for line in kept if line is not None)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    spans: list[tuple[int, int]] = []
    for index, start, end in spans_at:
        if start == 0 and end == len(lines[index]):  # a whole line goes, with its line end (and its blank line)
            end += 1 + (1 if blank else 0)
        start, end = starts[index] + start, starts[index] + end
        if spans and spans[-1][1] == start:  # deleted lines one after another: one deletion to a diff
            start = spans[-1][0]
            spans.pop()
        spans.append((start, end))
    spans = [_widened(text, start, end) for start, end in spans]
    what = (f"{shape}, {'目录' if headed else 'no heading'}, leader {leader!r}, page style {style}, "
            f"self {self_title}/{self_toc}, cut {cut}, blank {blank}")
    return Case(text, fixed, fixed, tuple(spans), what)


# --- traps: legitimate text of the same shapes ---
def _number(rng: random.Random, kind: int) -> str:
    if kind == 0:
        return str(rng.randint(1, 999))
    if kind == 1:
        return f"{rng.uniform(0, 500):.1f}"
    if kind == 2:
        return f"{rng.uniform(-10, 40):.1f}%"
    return str(rng.randint(2015, 2026))


def _table(rng: random.Random) -> str:
    sep = rng.choice(("\t", "  ", "   ", "\u3000", " ", "……", "…………", "........"))
    columns = rng.randint(1, 3)
    kind = rng.randrange(4)
    rows = []
    if rng.random() < 0.5:
        rows.append(f"表{rng.randint(1, 9)}\u3000{rng.choice(_UNITS)}主要指标完成情况")
    if rng.random() < 0.6 and sep.strip() == "":
        years = [f"{y}年" if rng.random() < 0.5 else str(y) for y in range(2026 - columns, 2026)]
        rows.append(sep.join([rng.choice(("项目", "指标", "单位", "名称"))] + years))
    names = rng.sample(("一般公共预算收入", "地区生产总值", "城镇新增就业", "粮食产量", "固定资产投资", "社会消费品零售总额", "道路",
                        "桥梁", "新建学校", "一月份", "二月份", "三月份", "第一季度", "第二季度", "增长率", "完成率"),
                       rng.randint(3, 8))
    ascending = rng.random() < 0.4
    for k, name in enumerate(names):
        if ascending and kind == 0:
            values = [str(10 + 7 * k + c) for c in range(columns)]
        else:
            values = [_number(rng, kind) for _ in range(columns)]
        rows.append(sep.join([name, *values]))
    return "\n".join(rows)


def _attachments(rng: random.Random) -> str:
    docs = rng.sample(("项目申报表", "承诺书", "资金使用计划表", "绩效目标表", "联系人信息表", "评分细则"), rng.randint(2, 4))
    dot = rng.choice((".", "．", "、"))
    indent = rng.choice(("", "\u3000\u3000\u3000"))
    listing = "附件：" + ("\n" + indent).join(f"{k + 1}{dot}{d}" for k, d in enumerate(docs))
    bodies = "".join(f"\n附件{k + 1}\n{d}\n填报单位（盖章）：\u3000\u3000\u3000填报日期：" for k, d in enumerate(docs))
    return listing + "\n" + rng.choice(("特此通知。", "请认真组织实施。")) + bodies


def _sections(rng: random.Random, hosts: tuple[str, ...]) -> str:
    topics = rng.sample(_TOPICS, rng.randint(3, 5))
    return "\n".join(f"{_CN[k]}、{t}\n{rng.choice(hosts)}" for k, t in enumerate(topics))


def _law(rng: random.Random, hosts: tuple[str, ...], *, contents: bool) -> str:
    chapters = rng.sample(_CHAPTERS, rng.randint(3, 5))
    spaced = [c if rng.random() < 0.5 or len(c) != 2 else c[0] + "\u3000\u3000" + c[1] for c in chapters]
    toc = ("目\u3000\u3000录\n" + "\n".join(f"第{_CN[k]}章\u3000{c}" for k, c in enumerate(spaced)) + "\n\n") if contents else ""
    mark = rng.choice(("", "## "))
    body = "\n".join(f"{mark}第{_CN[k]}章\u3000{c}\n第{_CN[k]}条\u3000{rng.choice(hosts)}" for k, c in enumerate(spaced))
    return toc + body


def _ranking(rng: random.Random) -> str:
    names = rng.sample(("城关镇", "青石镇", "东湖街道", "柳林乡", "河西街道", "高新区", "新华社区"), rng.randint(3, 6))
    scores = sorted((rng.randint(60, 100) for _ in names), reverse=rng.random() < 0.7)
    sep = rng.choice(("  ", "\t", "\u3000\u3000", "……"))
    return "\n".join(f"{name}{sep}{score}" for name, score in zip(names, scores, strict=True))


def _prose_ellipsis(rng: random.Random, hosts: tuple[str, ...]) -> str:
    line = rng.choice((
        "开展了植树造林、河道清淤、垃圾分类……等一系列活动。",
        "群众反映的停车难、充电难、加装电梯难……等问题得到解决。",
        "主要做法有三……1是加强领导。",
        "“一张蓝图绘到底”……",
        "全年走访群众……共计1200余户。",
    ))
    return rng.choice(hosts) + "\n" + line


def _clean_contents(rng: random.Random, hosts: tuple[str, ...]) -> str:
    kind = rng.choice(_KINDS)
    units = rng.sample(_UNITS, rng.randint(2, 5))
    year = rng.randint(2018, 2026)
    # the first document's heading may stand above the TOC, as if it were the title
    title = f"{year}年{kind}汇编（{len(units)}篇）" if rng.random() < 0.7 else f"{units[0]}{year}年{kind}"
    head = f"{title}\n{rng.choice(_HEADINGS)}\n" + "\n".join(f"{u}{year}年{kind}" for u in units) + "\n"
    return head + "".join(f"\n{u}{year}年{kind}\n{rng.choice(hosts)}" for u in units)


def _catalogue(rng: random.Random) -> str:
    """A table under a bare 目录 heading, as a catalogue has: its last column is no page number."""
    names = rng.sample(("道路", "桥梁", "路灯", "公厕", "停车场", "垃圾中转站", "公园", "广场"), rng.randint(3, 6))
    counts = [rng.randint(1, 300) for _ in names]
    if counts == sorted(counts):
        counts.reverse()
    sep = rng.choice(("\t", "  "))
    rows = [sep.join(("序号", "名称", "数量"))] if rng.random() < 0.6 else []
    rows += [sep.join((str(k + 1), name, str(n))) for k, (name, n) in enumerate(zip(names, counts, strict=True))]
    return rng.choice(("目录", "目 录")) + "\n" + "\n".join(rows)


def _rising_table(rng: random.Random, hosts: tuple[str, ...]) -> str:
    """A column of rising values whose row names head the sections below: no page numbers."""
    names = ("第一季度", "第二季度", "第三季度", "第四季度")[: rng.randint(3, 4)]
    value = rng.randint(40, 300)
    sep = rng.choice(("\t", "  ", "……"))
    rows = []
    for name in names:
        rows.append(f"{name}{sep}{value}")
        value += rng.randint(1, 40)
    return "\n".join(rows) + "".join(f"\n{name}\n{rng.choice(hosts)}" for name in names)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    shape = rng.randrange(10)
    if shape == 0:
        return untouched(rng, hosts, _table(rng), "data table")
    if shape == 1:
        return untouched(rng, hosts, _attachments(rng), "attachments")
    if shape == 2:
        return untouched(rng, hosts, _sections(rng, hosts), "numbered headings")
    if shape == 3:
        return untouched(rng, hosts, _law(rng, hosts, contents=rng.random() < 0.5), "law chapters", title=False)
    if shape == 4:
        return untouched(rng, hosts, _ranking(rng), "ranking")
    if shape == 5:
        return untouched(rng, hosts, _prose_ellipsis(rng, hosts), "ellipsis in prose")
    if shape == 6:
        return untouched(rng, hosts, _clean_contents(rng, hosts), "clean contents", title=False)
    if shape == 7:
        return untouched(rng, hosts, _catalogue(rng), "catalogue")
    if shape == 8:
        return untouched(rng, hosts, _rising_table(rng, hosts), "rising table")
    return untouched(rng, hosts, _table(rng) + "\n" + rng.choice(hosts) + "\n" + _table(rng), "two tables")
