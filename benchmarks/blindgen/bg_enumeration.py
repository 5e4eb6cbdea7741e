"""Blind generator: broken enumerations of Chinese official documents (one duplicate or one gap per case).

Written without reading plancheck's rules, tests or docs. Policy (seed 000 and the blind batch READMEs):
a duplicated ordinal (`二是…二是`, `1. 2. 2. 4.`, `（2）（2）` as the last item, `其次…其次` → `再次`) is a
structure finding on the duplicate, renumbered only with --unsafe-fixes (only the duplicate changes); a gap
(`一、二、四、`) is a structure finding on the ordinal after the gap, reported only (both outputs = input).

Every `what` starts with the case's fix class: `unsafe-replace:`, `report:` or `trap:`."""

from __future__ import annotations

import random

from tests.variants import Case, TITLES, untouched  # noqa: F401  (harness)

FAMILY = "blind_enumeration"
CATEGORY = "structure"

# ---------------------------------------------------------------- ordinals

_CN = "零一二三四五六七八九十"


def cn(n: int) -> str:
    if n <= 10:
        return _CN[n]
    if n < 20:
        return "十" + _CN[n - 10]
    tens, units = divmod(n, 10)
    return _CN[tens] + "十" + (_CN[units] if units else "")


CIRC = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PCIRC = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
SHOUXIAN = ("首先", "其次", "再次", "最后")

# style: (marker of ordinal n, the largest n it takes)
LINE_STYLES = {
    "cn_dun": (lambda n: f"{cn(n)}、", 15),
    "cn_paren": (lambda n: f"（{cn(n)}）", 12),
    "cn_hparen": (lambda n: f"({cn(n)})", 10),
    "ar_dot": (lambda n: f"{n}.", 15),
    "ar_fdot": (lambda n: f"{n}．", 15),
    "ar_dun": (lambda n: f"{n}、", 15),
    "ar_paren": (lambda n: f"（{n}）", 12),
    "ar_hparen": (lambda n: f"({n})", 12),
    "ar_rparen": (lambda n: f"{n}）", 10),
    "circ": (lambda n: CIRC[n - 1], 12),
    "pcirc": (lambda n: PCIRC[n - 1], 10),
    "di_comma": (lambda n: f"第{cn(n)}，", 8),
    "di_dun": (lambda n: f"第{cn(n)}、", 8),
    "shi_line": (lambda n: f"{cn(n)}是", 8),
}
INLINE_STYLES = {
    "shi": (lambda n: f"{cn(n)}是", 8),
    "yao": (lambda n: f"{cn(n)}要", 6),
    "di_in": (lambda n: f"第{cn(n)}，", 6),
    "ar_paren_in": (lambda n: f"（{n}）", 8),
    "circ_in": (lambda n: CIRC[n - 1], 8),
    "pcirc_in": (lambda n: PCIRC[n - 1], 6),
    "bu_in": (lambda n: f"{cn(n)}是要", 5),
}

# outline shapes, outermost level first; the last level may be inline (its items share the parent's line)
HIERARCHIES = (
    ("cn_dun", "cn_paren", "ar_dot", "ar_paren"),
    ("cn_dun", "cn_paren", "ar_fdot", "ar_hparen"),
    ("cn_dun", "cn_paren", "ar_dun", "circ"),
    ("cn_dun", "cn_paren", "shi"),
    ("cn_dun", "cn_paren", "yao"),
    ("cn_dun", "ar_dot", "ar_paren"),
    ("cn_dun", "ar_dun", "ar_paren_in"),
    ("cn_dun", "di_comma"),
    ("cn_dun", "di_comma", "shi"),
    ("cn_paren", "ar_dot", "circ_in"),
    ("cn_paren", "shi"),
    ("cn_paren", "ar_rparen"),
    ("cn_hparen", "ar_hparen"),
    ("ar_dot", "ar_paren", "circ"),
    ("ar_fdot", "ar_paren"),
    ("ar_dun", "pcirc"),
    ("cn_dun", "cn_paren", "ar_dot", "pcirc_in"),
    ("cn_dun", "shi_line"),
    ("cn_paren", "bu_in"),
    ("di_dun", "shi"),
    ("cn_dun",), ("cn_paren",), ("ar_dot",), ("ar_fdot",), ("ar_dun",), ("ar_paren",), ("ar_hparen",),
    ("ar_rparen",), ("circ",), ("pcirc",), ("di_comma",), ("shi",), ("yao",), ("di_in",), ("ar_paren_in",),
    ("circ_in",), ("shouxian",),
)


def style(name: str):
    if name in LINE_STYLES:
        return LINE_STYLES[name], False
    return INLINE_STYLES[name], True


# ---------------------------------------------------------------- wording grammar (invented, in the manner of 工作计划/总结)

VERBS = ("加强", "强化", "深化", "健全", "完善", "推进", "扎实推进", "持续推进", "全面推进", "着力提升", "不断提升",
         "切实加强", "大力推进", "积极推进", "统筹推进", "稳步推进", "加快推进", "持续深化", "狠抓", "抓实", "抓好",
         "做实", "压实", "筑牢", "夯实", "优化", "规范", "提升", "严格落实", "全力抓好")
OBJECTS = ("组织领导", "队伍建设", "作风建设", "安全生产监管", "基层治理", "营商环境建设", "民生保障", "生态环境保护",
           "乡村振兴", "重点项目建设", "招商引资", "矛盾纠纷排查化解", "信访工作", "动物疫病防控", "防汛抗旱",
           "社会救助", "养老服务", "就业创业服务", "干部教育培训", "法治宣传教育", "文明城市创建", "数字政府建设",
           "政务服务", "风险防控", "财政资金管理", "审计监督", "党风廉政建设", "意识形态工作", "农村人居环境整治",
           "耕地保护", "食品安全监管", "河湖长效管护", "校园安全管理", "医疗服务能力", "市场秩序监管", "消防安全治理",
           "城市精细化管理", "公共文化服务", "统计监测", "档案规范管理")
HEAD_TAILS = ("", "", "", "工作")
C1 = ("坚持问题导向", "坚持目标导向", "坚持系统观念", "紧盯薄弱环节", "聚焦重点领域", "围绕中心工作", "对标上级要求",
      "立足职能定位", "结合工作实际", "按照年度计划", "坚持以人民为中心", "突出重点难点")
C2 = ("建立工作台账", "细化任务清单", "明确责任分工", "定期开展督查", "完善考核机制", "加强部门协同", "强化跟踪问效",
      "开展专项整治", "落实闭环管理", "实行挂图作战", "健全长效机制", "加大投入力度", "强化示范带动", "推行清单化管理")
C3 = ("确保各项任务落地见效", "推动工作提质增效", "切实提升群众满意度", "形成齐抓共管的工作格局", "不断提升工作水平",
      "为高质量发展提供有力保障", "确保取得实实在在的成效", "推动各项工作再上新台阶", "切实守住安全底线",
      "让群众有更多获得感")
SECTION_HEADS = ("指导思想", "总体要求", "工作目标", "主要任务", "重点工作", "保障措施", "工作措施", "实施步骤",
                 "组织保障", "工作要求", "基本情况", "存在问题", "主要做法", "下一步工作打算", "取得的成效")
INTROS = ("重点抓好以下工作：", "主要做好以下几个方面：", "具体从以下方面推进：", "我们将着力做好以下工作：",
          "重点实施以下举措：", "主要采取了以下措施：", "下步工作中，要突出抓好几点：", "为此，要做到：")
SPEECH_HEADS = ("提高政治站位", "聚焦重点任务", "压紧压实责任", "狠抓工作落实", "强化底线思维", "转变工作作风")


def clause(rng: random.Random) -> str:
    return f"{rng.choice(C1)}，{rng.choice(C2)}，{rng.choice(C3)}"


def head(rng: random.Random) -> str:
    obj = rng.choice(OBJECTS)
    return rng.choice(VERBS) + obj + ("" if obj.endswith("工作") else rng.choice(HEAD_TAILS))


def body(rng: random.Random, hosts) -> str:
    """The text after a line enumerator: a short heading with its sentence, or a heading alone."""
    r = rng.random()
    if r < 0.55:
        return f"{head(rng)}。{clause(rng)}。"
    if r < 0.8:
        return f"{head(rng)}，{clause(rng)}。"
    return f"{head(rng)}。{rng.choice(hosts)}"


def inline_item(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(C2)}，{rng.choice(C3)}"


# ---------------------------------------------------------------- outline building

class Node:
    def __init__(self, level: int):
        self.level = level
        self.children: list[Node] = []


def tree(rng: random.Random, hier: tuple[str, ...], level: int = 0) -> list[Node]:
    """Sibling groups: a list of nodes at `level`, each with a group of children at the next level."""
    count = rng.randint(3, 5) if level == 0 else rng.randint(2, 4)
    nodes = [Node(level) for _ in range(count)]
    if level + 1 < len(hier):
        for node in nodes:
            if rng.random() < (0.8 if level == 0 else 0.55):
                node.children = tree(rng, hier, level + 1)
    return nodes


def groups(nodes: list[Node], out: list[list[Node]]) -> list[list[Node]]:
    out.append(nodes)
    for node in nodes:
        if node.children:
            groups(node.children, out)
    return out


def render(rng, hosts, hier, nodes, error, speech) -> tuple[list[str], list[tuple[int, int, str, str]]]:
    """Lines of the outline, and the artifact as (line index, column, shown marker, right marker).
    `error`: (group, kind, index) where kind is 'dup' or 'gap'."""
    lines: list[str] = []
    found: list[tuple[int, int, str, str]] = []

    def shown(group, i):
        """The ordinal shown for item i of the group, and the right one."""
        right = i + 1
        if error and error[0] is group:
            kind, k = error[1], error[2]
            if kind == "dup":
                return (right - 1 if i == k else right), right
            return (right + 1 if i >= k else right), right
        return right, right

    def emit(group, level):
        (mark, _), inline = style(hier[level])
        if inline:
            raise AssertionError
        for i, node in enumerate(group):
            s, r = shown(group, i)
            marker = mark(s)
            child_inline = node.children and style(hier[level + 1])[1]
            if child_inline:
                (cmark, _), _ = style(hier[level + 1])
                text = marker + (rng.choice(SPEECH_HEADS) if speech and level == 0 else head(rng)) + "。"
                sep = rng.choice(("。", "；"))
                if rng.random() < 0.5:
                    text += rng.choice(INTROS)
                pieces = []
                for j, _child in enumerate(node.children):
                    cs, cr = shown(node.children, j)
                    start = len(text) + sum(len(p) for p in pieces)
                    cm = cmark(cs)
                    if error and error[0] is node.children and j == error[2]:
                        found.append((len(lines), start, cm, cmark(cr)))
                    piece = cm + inline_item(rng) + (sep if j < len(node.children) - 1 else "。")
                    pieces.append(piece)
                text += "".join(pieces)
                if error and error[0] is group and i == error[2]:
                    found.append((len(lines), 0, marker, mark(r)))
                lines.append(text)
                continue
            if error and error[0] is group and i == error[2]:
                found.append((len(lines), 0, marker, mark(r)))
            if node.children:
                lines.append(marker + (rng.choice(SECTION_HEADS) if level == 0 and not speech else
                                       rng.choice(SPEECH_HEADS) if speech else head(rng)))
                if rng.random() < 0.35:
                    lines.append(rng.choice(hosts))
                emit(node.children, level + 1)
            else:
                lines.append(marker + body(rng, hosts))

    (mark0, _), inline0 = style(hier[0])
    if inline0:  # a flat inline list: one paragraph
        text = rng.choice(("", "", head(rng) + "。")) + rng.choice(INTROS)
        sep = rng.choice(("。", "；"))
        for j, _node in enumerate(nodes):
            s, r = shown(nodes, j)
            if error and error[0] is nodes and j == error[2]:
                found.append((0, len(text), mark0(s), mark0(r)))
            text += mark0(s) + inline_item(rng) + (sep if j < len(nodes) - 1 else "。")
        lines.append(text)
    else:
        emit(nodes, 0)
    return lines, found


def shouxian_case(rng, hosts) -> tuple[list[str], list[tuple[int, int, str, str]]]:
    """首先，其次，其次，最后 (the second 其次 should be 再次): one paragraph, or one line per item."""
    items = [inline_item(rng) for _ in range(4)]
    shown = ["首先", "其次", "其次", "最后"]
    if rng.random() < 0.5:
        text = rng.choice(("", head(rng) + "。")) + rng.choice(INTROS)
        found = []
        for j, (word, item) in enumerate(zip(shown, items)):
            if j == 2:
                found.append((0, len(text), word, "再次"))
            text += word + rng.choice(("，", "，", "要")) + item + ("。" if j == 3 else rng.choice(("。", "；")))
        return [text], found
    lines = [word + "，" + item + "。" for word, item in zip(shown, items)]
    return lines, [(2, 0, "其次", "再次")]


def assemble(rng, hosts, block: list[str]) -> tuple[str, int]:
    """A document: title, a few real paragraphs, the block, more paragraphs; the block's offset."""
    before = [rng.choice(TITLES)] + [rng.choice(hosts) for _ in range(rng.randint(0, 2))]
    after = [rng.choice(hosts) for _ in range(rng.randint(0, 2))]
    head_text = "".join(line + "\n" for line in before)
    return head_text + "".join(line + "\n" for line in block) + "".join(line + "\n" for line in after), len(head_text)


def artifacts(rng: random.Random, hosts) -> Case:
    kind = rng.choice(("dup", "dup", "gap"))
    hier = rng.choice(HIERARCHIES)
    speech = "di_comma" in hier and rng.random() < 0.7
    if hier == ("shouxian",):
        kind = "dup"
        block, found = shouxian_case(rng, hosts)
        where = "shouxian"
    else:
        for _ in range(50):
            nodes = tree(rng, hier)
            candidates = [g for g in groups(nodes, []) if len(g) >= 3]
            if candidates:
                break
        group = rng.choice(candidates)
        level = group[0].level
        maxn = style(hier[level])[0][1]
        if len(group) + 1 > maxn:
            del group[maxn - 1:]
        index = rng.randint(2, len(group) - 1) if kind == "dup" else rng.randint(1, len(group) - 1)
        block, found = render(rng, hosts, hier, nodes, (group, kind, index), speech)
        where = f"{'>'.join(hier)} level {level} item {index + 1} of {len(group)}"
    text, offset = assemble(rng, hosts, block)
    assert len(found) == 1, found
    line, col, shown_marker, right = found[0]
    start = offset + sum(len(x) + 1 for x in block[:line]) + col
    end = start + len(shown_marker)
    assert text[start:end] == shown_marker, (text[start:end], shown_marker)
    if kind == "dup":
        unsafe = text[:start] + right + text[end:]
        return Case(text, text, unsafe, ((start, end),), f"unsafe-replace: duplicate {shown_marker}→{right} in {where}")
    return Case(text, text, text, ((start, end),), f"report: gap at {shown_marker} (expected {right}) in {where}")


# ---------------------------------------------------------------- traps: legitimate text of the same shape

def _outline_ok(rng, hosts):
    hier = rng.choice([h for h in HIERARCHIES if len(h) > 1])
    nodes = tree(rng, hier)
    lines, _ = render(rng, hosts, hier, nodes, None, "di_comma" in hier)
    return lines, "correct nested outline, every level restarting under its parent: " + ">".join(hier)


def _flat_ok(rng, hosts):
    hier = (rng.choice(list(LINE_STYLES) + list(INLINE_STYLES)),)
    nodes = tree(rng, hier)
    lines, _ = render(rng, hosts, hier, nodes, None, False)
    return lines, "correct flat list " + hier[0]


def _sections_restart(rng, hosts):
    mark = LINE_STYLES[rng.choice(("ar_dot", "ar_fdot", "ar_dun", "ar_paren", "circ"))][0]
    top = LINE_STYLES[rng.choice(("cn_dun", "cn_paren"))][0]
    lines = []
    for s in range(1, rng.randint(2, 4) + 1):
        lines.append(top(s) + rng.choice(SECTION_HEADS))
        for i in range(1, rng.randint(2, 4) + 1):
            lines.append(mark(i) + body(rng, hosts))
    return lines, "sublists restarting at 1 in each section"


def _paragraph_restart(rng, hosts):
    m = INLINE_STYLES[rng.choice(("shi", "yao", "ar_paren_in", "circ_in"))][0]
    lines = []
    for p in range(rng.randint(2, 3)):
        text = f"（{cn(p + 1)}）{head(rng)}。"
        for i in range(1, rng.randint(2, 4) + 1):
            text += m(i) + inline_item(rng) + "。"
        lines.append(text)
    return lines, "inline 一是/一要/（1） lists restarting in each paragraph"


def _di_in_sentence(rng, hosts):
    phrases = ("第一时间", "第一责任人", "第一书记", "第一批", "第一季度", "第一次全体会议", "第一要务", "第一道防线",
               "第一粒扣子", "第一手资料", "第一线", "第一生产力", "第一资源", "第一动力", "第一议题")
    a, b = rng.sample(phrases, 2)
    s = (f"各级各部门要把安全生产作为{a}来抓，{rng.choice(C2)}，坚持把{b}制度落到实处，{rng.choice(C3)}。",
         f"对群众反映的问题要{a}响应、{a}处置，{b}要亲自过问，{rng.choice(C3)}。",
         f"坚持发展是{a}、人才是{b}、创新是第一动力，{rng.choice(C3)}。")
    return [rng.choice(s)], "第一 inside a sentence: " + a + "/" + b


def _rank(rng, hosts):
    a, b = rng.sample(range(1, 9), 2)
    return [f"全年{rng.choice(OBJECTS)}考核位列全市第{cn(a)}、全省第{cn(b)}，{rng.choice(C3)}。"], "ranks 第一、第三 in prose"


def _one_two_three_industry(rng, hosts):
    s = rng.choice((
        "推动一、二、三产业融合发展，延伸农业产业链条，{c}。",
        "一、二季度全区规模以上工业增加值保持较快增长，三季度增速有所回落，{c}。",
        "二、三月份是春耕备耕的关键时期，各乡镇要{c2}，{c}。",
        "对一、二级风险隐患实行挂牌督办，对三、四级隐患限期整改，{c}。",
        "全年共评选出一、二、三等奖各若干名，{c}。",
        "第一、二批次项目已全部开工，第三批次正在开展前期工作，{c}。",
        "一二三产业融合发展示范园建设加快推进，{c}。",
        "落实一、二类疫苗接种工作，{c}。",
    ))
    return [s.format(c=rng.choice(C3), c2=rng.choice(C2))], "一、二、三 as a compound in running text"


def _law_articles(rng, hosts):
    n = rng.randint(3, 6)
    start = rng.choice((1, 1, 1, rng.randint(2, 20)))
    lines = []
    if start > 1:
        lines.append(f"第{cn(rng.randint(1, 5))}章　{rng.choice(('总则', '监督管理', '法律责任', '附则', '保障措施'))}")
    for k in range(start, start + n):
        lines.append(f"第{cn(k)}条　{rng.choice(hosts)}")
    return lines, f"numbered articles 第{cn(start)}条… (an excerpt may start anywhere)"


def _article_refs(rng, hosts):
    a, b = rng.sample(range(1, 9), 2)
    return [f"有本办法第{cn(rng.randint(5, 30))}条第{cn(a)}款第（{cn(b)}）项、第（{cn(b + 2)}）项规定情形的，"
            f"由主管部门责令改正，{rng.choice(C3)}。"], "article/item references 第（二）项、第（四）项 inside a sentence"


def _table(rng, hosts):
    cols = rng.choice((("序号", "项目名称", "责任单位", "完成时限"), ("序号", "工作任务", "牵头部门", "配合部门")))
    lines = ["\t".join(cols)]
    for i in range(1, rng.randint(3, 6) + 1):
        lines.append("\t".join((str(i), rng.choice(OBJECTS), rng.choice(("县发改局", "县财政局", "县住建局", "各乡镇")),
                                rng.choice(("2025年6月", "2025年12月", "长期坚持", "3月底前")))))
    if rng.random() < 0.5:  # a second table restarting at 1
        lines.append(f"表{rng.randint(2, 5)}　{rng.choice(OBJECTS)}任务分解表")
        lines.append("\t".join(cols))
        for i in range(1, rng.randint(2, 4) + 1):
            lines.append("\t".join((str(i), rng.choice(OBJECTS), "各乡镇", "2025年底前")))
    return lines, "a tab-separated task table with row numbers"


def _attachments(rng, hosts):
    names = rng.sample(("申报表", "项目汇总表", "工作联系人回执", "考核评分细则", "资金使用明细表", "自查报告提纲"), 3)
    style_ = rng.choice(("附件：1.{a}\n2.{b}\n3.{c}", "附件1：{a}\n附件2：{b}\n附件3：{c}", "附件：{a}\n附件2：{b}",
                         "附件：1．{a}\n　　　2．{b}\n　　　3．{c}", "附件1\n{a}"))
    text = style_.format(a=names[0], b=names[1], c=names[2])
    return [rng.choice(hosts)] + text.split("\n"), "a notice's 附件 list"


def _line_start_numbers(rng, hosts):
    shape = rng.choice(("wan", "year", "dec"))
    if shape == "wan":
        vals = sorted(rng.sample(range(11, 59), 3))
        lines = [f"{v // 10}.{v % 10}万{rng.choice(('户', '人次', '亩', '吨'))}{rng.choice(OBJECTS)}任务全面完成，{rng.choice(C3)}。"
                 for v in vals]
        return lines, "lines starting with 1.5万 / 1.8万 (not ordinals)"
    if shape == "year":
        y = rng.randint(2019, 2023)
        return [f"{y + i}年，{rng.choice(OBJECTS)}取得新进展，{rng.choice(C3)}。" for i in range(rng.randint(2, 4))] + \
               [f"{y + 1}年{rng.randint(1, 12)}月，{rng.choice(C2)}，{rng.choice(C3)}。"], "years at line start"
    return [f"{rng.randint(1, 3)}.{rng.randint(0, 9)}%的{rng.choice(('增速', '增幅'))}高于全省平均水平，{rng.choice(C3)}。",
            f"{rng.randint(1, 3)}.{rng.randint(0, 9)}亿元{rng.choice(('专项债券', '衔接资金'))}已全部下达，{rng.choice(C3)}。"], \
        "decimals at line start"


def _versions_phones(rng, hosts):
    s = rng.choice((
        f"推动政务服务平台升级至{rng.randint(2, 4)}.{rng.randint(0, 9)}版本，实现“一网通办”，{rng.choice(C3)}。",
        f"联系人：{rng.choice('王李张刘陈杨赵黄')}某某，联系电话：0{rng.randint(10, 999)}-{rng.randint(2000000, 8999999)}，"
        f"电子邮箱：zwfw{rng.randint(10, 99)}@163.com。",
        f"畅通12345政务服务便民热线，{rng.choice(C2)}，{rng.choice(C3)}。",
        f"防汛值班电话：{rng.randint(2000000, 8999999)}，24小时有人值守。",
        f"智慧城管系统{rng.randint(1, 3)}.0建设进入第二阶段，{rng.choice(C3)}。",
    ))
    return [s], "versions, phone numbers, hotlines"


def _yifangmian(rng, hosts):
    return [f"一方面，要{inline_item(rng)}；另一方面，要{inline_item(rng)}。"], "一方面…另一方面"


def _speech_restart(rng, hosts):
    lines = []
    for s in range(1, rng.randint(2, 3) + 1):
        lines.append(f"{cn(s)}、{rng.choice(SPEECH_HEADS)}")
        for i in range(1, rng.randint(2, 4) + 1):
            lines.append(f"第{cn(i)}，要{inline_item(rng)}。")
    return lines, "a speech whose 第一，第二， restart in each section"


def _preview_then_sections(rng, hosts):
    n = rng.randint(3, 5)
    heads = rng.sample(SECTION_HEADS, n)
    lines = [f"本方案分为{cn(n)}个部分：" + "、".join(heads) + "。"]
    if rng.random() < 0.5:
        lines = [f"{cn(i + 1)}、{h}" for i, h in enumerate(heads)] + ["具体内容如下。"]
    for i, h in enumerate(heads):
        lines.append(f"{cn(i + 1)}、{h}")
        lines.append(rng.choice(hosts))
    return lines, "a list of headings followed by the sections themselves (二、 twice is right)"


def _quoted(rng, hosts):
    a = rng.randint(1, 3)
    b = a + rng.randint(2, 3)
    s = rng.choice((
        f"《实施意见》第三部分“（{cn(a)}）{head(rng)}”和“（{cn(b)}）{head(rng)}”对此作出了明确规定，{rng.choice(C3)}。",
        f"文件对此提出了“一要{inline_item(rng)}”“三要{inline_item(rng)}”的明确要求，我们要认真抓好贯彻落实。",
        f"对照通知中“{cn(a)}、{head(rng)}”“{cn(b)}、{head(rng)}”两项要求，{rng.choice(C2)}，{rng.choice(C3)}。",
    ))
    return [s], "selected items quoted from another document (a gap there is legitimate)"


def _continued(rng, hosts):
    mark = LINE_STYLES[rng.choice(("ar_dot", "ar_fdot", "ar_dun", "cn_paren"))][0]
    k = rng.randint(2, 3)
    lines = [mark(i) + body(rng, hosts) for i in range(1, k + 1)]
    lines.append(rng.choice(("", rng.choice(hosts))))
    if lines[-1] == "":
        pass
    lines += [mark(i) + body(rng, hosts) for i in range(k + 1, k + rng.randint(2, 3) + 1)]
    return lines, "numbering continuing after a break (blank line or an interposed paragraph)"


def _long_cn(rng, hosts):
    n = rng.randint(11, 14)
    return [f"{cn(i)}、{head(rng)}。{clause(rng)}。" for i in range(1, n + 1)], "a long list into 十一、十二、"


def _yishiyi(rng, hosts):
    s = rng.choice(("干部要坚持一是一、二是二，实事求是反映情况，{c}。", "统计数据必须一是一、二是二，坚决防止弄虚作假，{c}。",
                    "这项工作的重中之重，一是抓统一思想，{c}。", "首先要统一思想认识，{c}。", "其次是资金保障问题，{c}。",
                    "坚持“两个毫不动摇”，树牢“四个意识”，坚定“四个自信”，做到“两个维护”，{c}。"))
    return [s.format(c=rng.choice(C3))], "一是一、二是二 / lone 首先 / counted slogans"


def _shouxian_ok(rng, hosts):
    words = rng.choice((SHOUXIAN, ("首先", "其次", "最后"), ("首先", "其次", "再次", "其次", "最后")[:3]))
    return [rng.choice(INTROS) + "".join(f"{w}，{inline_item(rng)}；" for w in words[:-1]) + f"{words[-1]}，{inline_item(rng)}。"], \
        "首先/其次/(再次)/最后 in order"


def _notes(rng, hosts):
    return [f"注：①{rng.choice(OBJECTS)}数据截至{rng.randint(1, 12)}月底；②增幅按可比价格计算；③部分数据因四舍五入存在尾差。"], \
        "a table note ①②③"


def _letters(rng, hosts):
    return [f"A.{rng.choice(OBJECTS)}", f"B.{rng.choice(OBJECTS)}", f"C.{rng.choice(OBJECTS)}"], "A. B. C. options"


def _schedule(rng, hosts):
    weeks = sorted(rng.sample(range(1, 6), 3))
    return [f"第{cn(w)}周\t{rng.choice(C2)}\t{rng.choice(('办公室', '业务科', '各站所'))}" for w in weeks], \
        "a schedule table whose weeks may skip (第一周 第二周 第四周)"


def _new_document(rng, hosts):
    lines = [f"{cn(i)}、{head(rng)}。{clause(rng)}。" for i in range(1, rng.randint(2, 4) + 1)]
    lines.append(rng.choice(("区民政局", "县司法局", "镇人民政府", "县应急管理局")) + rng.choice(("2025年工作计划", "2024年工作总结")))
    lines += [f"{cn(i)}、{head(rng)}。{clause(rng)}。" for i in range(1, rng.randint(2, 4) + 1)]
    return lines, "a compilation: the next piece's outline starts again at 一、"


def _date_items(rng, hosts):
    m = rng.randint(1, 9)
    return [f"{m}月{rng.randint(1, 28)}日，召开{rng.choice(OBJECTS)}推进会，{rng.choice(C2)}。",
            f"{m + 2}月{rng.randint(1, 28)}日，开展{rng.choice(OBJECTS)}专项督查，{rng.choice(C3)}。"], "dated lines 3月5日，"


def _numbered_words(rng, hosts):
    return [f"深入实施“{cn(rng.randint(2, 9))}大工程”，{rng.choice(C2)}，推动第{cn(rng.randint(1, 3))}个五年规划目标任务落实，"
            f"{rng.choice(C3)}。"], "counted titles (五大工程) and 第二个五年"


def _decimal_outline(rng, hosts):
    lines = []
    for a in range(1, rng.randint(2, 3) + 1):
        lines.append(f"{a} {rng.choice(SECTION_HEADS)}")
        for b in range(1, rng.randint(2, 3) + 1):
            lines.append(f"{a}.{b} {head(rng)}。{clause(rng)}。")
    return lines, "a decimal outline 1 / 1.1 / 1.2 / 2 / 2.1 (technical plans)"


def _next_step(rng, hosts):
    s = rng.choice((f"下一步，我们将{inline_item(rng)}。", f"全年{rng.choice(OBJECTS)}投入较上一年度增长{rng.randint(3, 30)}%，{rng.choice(C3)}。",
                    f"据国家统计局{rng.choice(('临江', '青山', '北塘'))}调查队数据，一季度居民消费价格同比上涨{rng.randint(0, 3)}.{rng.randint(0, 9)}%。",
                    f"今年以来，二是二、三是三的务实作风蔚然成风，{rng.choice(C3)}。"))
    return [s], "下一步 / 上一年度 / 来源 in a sentence"


TRAPS = (_decimal_outline, _next_step, _outline_ok, _outline_ok, _outline_ok, _flat_ok, _flat_ok, _sections_restart, _paragraph_restart,
         _di_in_sentence, _rank, _one_two_three_industry, _law_articles, _article_refs, _table, _attachments,
         _line_start_numbers, _versions_phones, _yifangmian, _speech_restart, _preview_then_sections, _quoted,
         _continued, _long_cn, _yishiyi, _shouxian_ok, _notes, _letters, _schedule, _new_document, _date_items,
         _numbered_words)


def traps(rng: random.Random, hosts) -> Case:
    shape = rng.choice(TRAPS)
    block, what = shape(rng, hosts)
    block = [line for line in block if line != ""] if rng.random() < 0.5 else block
    # no blank line at the edges and no blank-line runs (layout repairs are not this family's business)
    while block and block[0] == "":
        block.pop(0)
    text, _ = assemble(rng, hosts, block)
    return Case(text, text, text, (), "trap: " + what)
