"""Blind generator: tables of contents of compilations (汇编) with leaders and page numbers.

Written without reading plancheck's rules, tests or docs. Policy, exactly as seed 000's --fix output:
inside the TOC block under the `目录` heading, an entry that names the compilation itself or 目录 is deleted
with its line end; every other entry keeps its text (and its own number prefix) and loses the leader and the
page number; the compilation title and the `目录` heading stay; all of it safe, so --fix and
--fix --unsafe-fixes give the same output. A TOC without page numbers is left alone (seed 002).
Cases the seeds do not decide are left out: entries without a heading below, a TOC with no `目录` heading,
a count mismatch, page numbers in full-width digits, TOCs of single reports.

Every `what` starts with the case's fix class: `delete:` or `trap:`."""

from __future__ import annotations

import random

from tests.variants import Case, TITLES  # noqa: F401  (harness)

FAMILY = "blind_toc"
CATEGORY = "structure"

_CN = "零一二三四五六七八九十"


def cn(n: int) -> str:
    return _CN[n] if n <= 10 else "十" + _CN[n - 10]


# ---------------------------------------------------------------- titles (invented, in the manner of 范文/文库 compilations)

PLACES = ("", "", "", "东城区", "青山县", "临江镇", "河西街道", "南湖区", "柳林乡", "北塘县", "桃源镇", "江北新区", "西峰区")
UNITS = ("民政局", "司法局", "应急管理局", "残联", "水利局", "教育局", "卫生健康局", "自然资源局", "人社局", "交通运输局",
         "商务局", "市场监管局", "生态环境分局", "农业农村局", "住建局", "统计局", "文旅局", "医保局", "林业局", "审计局",
         "人民政府", "党委办公室", "纪委监委", "妇联", "团委", "总工会", "科协", "信访局", "城管局", "退役军人事务局")
ROLES = ("镇党委书记", "局党组书记", "社区党支部书记", "县委办主任", "学校校长", "村党支部书记", "派出所所长", "财政局局长",
         "办公室主任", "分管副局长", "卫生院院长", "街道办事处主任")
TOPICS = ("乡村振兴", "基层治理", "安全生产", "营商环境", "养老服务", "农村人居环境整治", "河湖长制", "耕地保护",
          "基层党建", "优化政务服务", "防汛抗旱", "社会救助", "就业创业", "义务教育", "医疗卫生", "文明创建", "招商引资",
          "集体经济发展", "矛盾纠纷化解", "生态环境保护")
THEMES = ("学习贯彻党的二十届四中全会精神", "参加中青年干部培训班", "学习新修订的纪律处分条例", "开展主题教育",
          "参加党校进修班", "学习《中华人民共和国民法典》", "参加乡村振兴专题培训", "学习先进典型事迹")
DOCTYPES = ("工作计划", "工作总结", "工作要点", "述职报告", "述职述廉报告", "调研报告", "心得体会", "实施方案",
            "工作汇报", "经验交流材料", "半年工作总结", "个人工作总结")


def org(rng) -> str:
    return rng.choice(PLACES) + rng.choice(UNITS)


def piece_title(rng, doctype: str, year: int) -> str:
    if doctype in ("述职报告", "述职述廉报告"):
        return rng.choice((f"{rng.choice(ROLES)}{year}年度{doctype}", f"{rng.choice(ROLES)}{doctype}",
                           f"{org(rng)}{rng.choice(ROLES)[-4:]}{year}年{doctype}"))
    if doctype == "调研报告":
        return rng.choice((f"关于{rng.choice(PLACES[3:])}{rng.choice(TOPICS)}情况的调研报告",
                           f"关于{rng.choice(TOPICS)}工作的调研报告", f"{rng.choice(TOPICS)}调研报告"))
    if doctype == "心得体会":
        return rng.choice((f"{rng.choice(THEMES)}心得体会", f"{rng.choice(THEMES)}的心得体会",
                           f"{rng.choice(THEMES)}心得体会（{rng.choice(ROLES)}）"))
    if doctype == "实施方案":
        return rng.choice((f"{org(rng)}{year}年{rng.choice(TOPICS)}实施方案", f"{org(rng)}{rng.choice(TOPICS)}工作实施方案"))
    if doctype == "经验交流材料":
        return rng.choice((f"{org(rng)}{rng.choice(TOPICS)}经验交流材料", f"以{rng.choice(TOPICS)}为抓手推动高质量发展"))
    return rng.choice((f"{org(rng)}{year}年{doctype}", f"{org(rng)}{year}年度{doctype}",
                       f"{org(rng)}{year}年{rng.choice(TOPICS)}{doctype}", f"{rng.choice(PLACES[3:])}{year}年{doctype}"))


def compilation_title(rng, doctype: str, year: int, count: int) -> str:
    with_count = f"（{count}篇）" if rng.random() < 0.7 else ""
    return rng.choice((f"{year}年度{doctype}汇编", f"{year}年{doctype}汇编", f"{doctype}范文汇编", f"{year}年{doctype}范文汇编",
                       f"优秀{doctype}汇编", f"{year}年度部门{doctype}汇编", f"机关单位{doctype}汇编")) + with_count


TOC_HEADS = ("目录", "目录", "目 录", "目　录", "目  录")


def leader(rng, title: str, style: str, width: int) -> str:
    fill = max(2, width - len(title))
    if style == "tab":
        return "\t"
    if style == "ellipsis":
        return "……" * max(1, fill // 2)
    if style == "single_ellipsis":
        return "…" * max(3, fill)
    if style == "dots":
        return "." * max(3, fill * 2)
    if style == "fw_dots":
        return "．" * max(3, fill)
    if style == "middots":
        return "·" * max(3, fill * 2)
    if style == "dashes":
        return "——" * max(1, fill // 2)
    if style == "fw_hyphens":
        return "－" * max(3, fill)
    if style == "hyphens":
        return "-" * max(3, fill * 2)
    if style == "spaces":
        return " " * max(2, fill)
    if style == "ideo_spaces":
        return "　" * max(2, fill // 2)
    if style == "tab_ellipsis":
        return "……" * max(1, fill // 3) + "\t"
    raise ValueError(style)


LEADERS = ("tab", "ellipsis", "single_ellipsis", "dots", "fw_dots", "middots", "dashes", "fw_hyphens", "hyphens", "spaces",
           "ideo_spaces", "tab_ellipsis")
PREFIXES = ("none", "none", "none", "ar_dot", "ar_dun", "ar_fdot", "cn_dun", "ar_paren")


def prefix(style: str, i: int) -> str:
    return {"none": "", "ar_dot": f"{i}.", "ar_dun": f"{i}、", "ar_fdot": f"{i}．", "cn_dun": f"{cn(i)}、",
            "ar_paren": f"（{i}）"}[style]


# ---------------------------------------------------------------- bodies of the pieces (legitimate, never touched)

VERBS = ("加强", "深化", "健全", "完善", "推进", "强化", "提升", "优化", "压实", "夯实", "抓实", "规范")
OBJECTS = ("组织领导", "队伍建设", "作风建设", "安全生产监管", "基层治理", "民生保障", "生态环境保护", "项目建设",
           "信访工作", "社会救助", "养老服务", "法治宣传", "政务服务", "风险防控", "财政管理", "档案管理")
TAILS = ("确保各项任务落地见效", "推动工作提质增效", "不断提升群众满意度", "形成齐抓共管的工作格局", "推动各项工作再上新台阶")


def item(rng) -> str:
    return f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}。{rng.choice(('坚持问题导向', '结合工作实际', '对标上级要求'))}，" \
           f"{rng.choice(('建立工作台账', '明确责任分工', '定期开展督查'))}，{rng.choice(TAILS)}。"


def piece_body(rng, hosts) -> list[str]:
    shape = rng.random()
    if shape < 0.5:
        return [rng.choice(hosts) for _ in range(rng.randint(1, 3))]
    if shape < 0.8:  # an outline restarting in every piece
        mark = rng.choice((lambda i: f"{i}.", lambda i: f"{cn(i)}、", lambda i: f"（{cn(i)}）", lambda i: f"{cn(i)}是"))
        return [rng.choice(hosts)] + [mark(i) + item(rng) for i in range(1, rng.randint(2, 4) + 1)]
    if shape < 0.999:  # a data table whose rows end in numbers (a trap inside the case)
        rows = [f"{rng.choice(('指标', '项目'))}\t{rng.choice(('2023年', '上年'))}\t{rng.choice(('2024年', '本年'))}"]
        for name in rng.sample(OBJECTS, rng.randint(2, 4)):
            rows.append(f"{name}\t{rng.randint(10, 999)}\t{rng.randint(10, 999)}")
        return [rng.choice(hosts), f"表{rng.randint(1, 3)}　主要指标完成情况"] + rows + [rng.choice(hosts)]
    return [rng.choice(hosts)]


def unique_titles(rng, doctype, year, count) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        t = piece_title(rng, doctype, year)
        if t not in out:
            out.append(t)
    return out


def artifacts(rng: random.Random, hosts) -> Case:
    year = rng.randint(2019, 2026)
    doctype = rng.choice(DOCTYPES)
    count = rng.randint(3, 7)
    pieces = unique_titles(rng, doctype, year, count)
    title = compilation_title(rng, doctype, year, count)
    toc_head = rng.choice(TOC_HEADS)
    style = rng.choice(LEADERS)
    sep = rng.choice(("", "", " ")) if style not in ("tab", "tab_ellipsis", "spaces", "ideo_spaces") else ""
    pfx = rng.choice(PREFIXES)
    width = rng.randint(24, 34)
    blank = rng.random() < 0.5  # a single blank line between blocks, as in seed 000 after its fix

    self_title = rng.random() < 0.5
    self_toc = rng.random() < 0.5
    page = 1
    entries: list[tuple[str, str]] = []  # (kept text, deleted tail) or (line, None) for a whole self entry
    if self_title:
        entries.append((title + sep + leader(rng, title, style, width) + str(page), None))
    if self_toc:
        entries.append((toc_head + sep + leader(rng, toc_head, style, width) + str(page), None))
    page = rng.choice((1, 2, 2, 3))
    for i, piece in enumerate(pieces, 1):
        shown = prefix(pfx, i) + piece
        entries.append((shown, sep + leader(rng, shown, style, width) + str(page)))
        page += rng.randint(1, 6)

    lines: list[tuple[str, int, int]] = []  # line text (no newline), span start/end within the line (-1: none)

    def add(text: str, span: tuple[int, int] | None = None):
        lines.append((text, *(span if span else (-1, -1))))

    add(title)
    if rng.random() < 0.3:
        add(rng.choice(("（内部资料，仅供参考）", f"{year}年{rng.randint(1, 12)}月", "编者按：本汇编收录了各单位报送的材料。")))
    if blank:
        add("")
    add(toc_head)
    if blank and rng.random() < 0.5:
        add("")
    for kept, tail in entries:
        if tail is None:
            add(kept, (0, len(kept) + 1))  # the whole line with its line end
        else:
            add(kept + tail, (len(kept), len(kept) + len(tail)))
    for piece in pieces:
        if blank:
            add("")
        add(piece)
        for line in piece_body(rng, hosts):
            add(line)

    text_parts, spans, fixed_parts = [], [], []
    offset = 0
    for line, s, e in lines:
        full = line + "\n"
        if s >= 0:
            spans.append((offset + s, offset + e))
            fixed_parts.append(full[:s] + full[e:])
        else:
            fixed_parts.append(full)
        text_parts.append(full)
        offset += len(full)
    text, fixed = "".join(text_parts), "".join(fixed_parts)
    what = (f"delete: TOC leader {style}{' +space' if sep else ''}, prefix {pfx}, {count} pieces, "
            f"self entries title={self_title} 目录={self_toc}, blank lines={blank}")
    return Case(text, fixed, fixed, tuple(spans), what)


# ---------------------------------------------------------------- traps

def _toc_no_pages(rng, hosts):
    year, doctype, count = rng.randint(2019, 2026), rng.choice(DOCTYPES), rng.randint(2, 5)
    pieces = unique_titles(rng, doctype, year, count)
    pfx = rng.choice(PREFIXES)
    lines = [compilation_title(rng, doctype, year, count), rng.choice(TOC_HEADS)]
    lines += [prefix(pfx, i) + p for i, p in enumerate(pieces, 1)]
    for p in pieces:
        lines.append(p)
        lines += piece_body(rng, hosts)
    return lines, "a compilation's 目录 without page numbers (seed 002: left alone)"


def _report_outline_toc(rng, hosts):
    heads = rng.sample(("基本情况", "主要做法", "取得的成效", "存在的问题", "原因分析", "对策建议", "下一步工作打算"), 4)
    lines = [f"关于{rng.choice(TOPICS)}情况的调研报告", rng.choice(TOC_HEADS)]
    lines += [f"{cn(i)}、{h}" for i, h in enumerate(heads, 1)]
    for i, h in enumerate(heads, 1):
        lines.append(f"{cn(i)}、{h}")
        lines.append(rng.choice(hosts))
    return lines, "the 目录 of a short report, no page numbers, followed by its sections"


def _mulu_prose(rng, hosts):
    s = rng.choice((
        f"将符合条件的{rng.choice(('中小企业', '农业经营主体', '医疗机构', '养老机构'))}纳入目录管理，实行动态调整，{rng.choice(TAILS)}。",
        f"严格执行《产业结构调整指导目录（{rng.choice(('2019', '2024'))}年本）》，{rng.choice(TAILS)}。",
        f"编制政务公开事项目录{rng.randint(20, 90)}项，{rng.choice(TAILS)}。",
        f"将{rng.randint(10, 90)}种药品纳入医保目录，切实减轻群众负担。",
        "目录清单化管理全面推行，权责事项实现动态调整。",
        f"认真做好年度资料汇编工作，共汇编各类制度文件{rng.randint(10, 60)}件。",
        f"全年修订完善权责清单目录，梳理行政权力事项{rng.randint(100, 900)}项。",
    ))
    return [s], "目录/汇编 inside prose"


def _mulu_heading(rng, hosts):
    return [f"{cn(rng.randint(2, 5))}、目录管理", f"对纳入目录的{rng.choice(('项目', '产品', '企业'))}实行分类管理，{rng.choice(TAILS)}。",
            rng.choice(hosts)], "a section heading 三、目录管理"


def _tab_table(rng, hosts):
    rows = [f"{rng.choice(('地区', '单位', '乡镇'))}\t{rng.choice(('户数', '人数', '面积（亩）'))}\t{rng.choice(('资金（万元）', '占比（%）'))}"]
    for place in rng.sample(PLACES[3:], rng.randint(3, 5)):
        rows.append(f"{place}\t{rng.randint(10, 9999)}\t{rng.randint(1, 999)}")
    rows.append(f"合计\t{rng.randint(10000, 99999)}\t{rng.randint(1000, 9999)}")
    return [f"表{rng.randint(1, 4)}　{rng.choice(TOPICS)}情况统计表"] + rows, "a tab-separated data table, rows ending in numbers"


def _space_table(rng, hosts):
    rows = []
    for place in rng.sample(PLACES[3:], rng.randint(3, 5)):
        rows.append(f"{place}　　{rng.randint(10, 999)}　　{rng.randint(1, 99)}.{rng.randint(0, 9)}")
    return ["单位　　完成数　　得分"] + rows, "a U+3000-separated table, rows ending in numbers"


def _budget_leaders(rng, hosts):
    items = rng.sample(("一般公共预算收入", "税收收入", "非税收入", "上级补助收入", "债务转贷收入", "上年结转",
                        "调入资金", "一般公共预算支出", "政府性基金收入"), 4)
    lines = ["（单位：万元）"]
    for name in items:
        lines.append(name + "…" * rng.randint(4, 10) + f"{rng.randint(1000, 99999)}")
    return [f"{rng.choice(PLACES[3:])}{rng.randint(2023, 2025)}年财政收支情况如下："] + lines, \
        "a budget list printed with leaders and amounts (not a TOC: no 目录, no headings below)"


def _page_refs(rng, hosts):
    s = rng.choice((f"具体评分标准详见本汇编第{rng.randint(3, 90)}页。",
                    f"申报材料格式见附件{rng.randint(1, 4)}（第{rng.randint(2, 9)}页）。",
                    f"本材料共{rng.randint(3, 30)}页，请各单位于{rng.randint(1, 12)}月{rng.randint(1, 28)}日前反馈意见。",
                    f"材料一式三份，每份不超过{rng.randint(3, 10)}页。",
                    f"以上数据来源：国家统计局{rng.choice(PLACES[3:])}调查队，其中{rng.randint(1, 12)}月数据为快报数。"))
    return [s], "page references in prose"


def _index(rng, hosts):
    terms = rng.sample(("安全生产责任制", "行政处罚", "应急预案", "隐患排查", "信息公开", "监督检查", "法律责任",
                        "生态补偿", "社会救助"), 4)
    lines = [rng.choice(("关键词索引", "主题词索引"))]
    for t in sorted(terms):
        pages = sorted(rng.sample(range(3, 200), rng.randint(1, 3)))
        lines.append(t + "　" + "，".join(map(str, pages)))
    return lines, "a real index of terms with page numbers (no heading below for its entries)"


def _signature(rng, hosts):
    return [rng.choice(hosts), org(rng), f"{rng.randint(2023, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"], \
        "a signature block ending in a date"


def _contact(rng, hosts):
    return [f"联系人：{rng.choice('王李张刘陈杨赵黄')}某某", f"联系电话：0{rng.randint(10, 999)}-{rng.randint(2000000, 8999999)}",
            f"传真：0{rng.randint(10, 999)}-{rng.randint(2000000, 8999999)}"], "contact lines ending in numbers"


def _subtitle(rng, hosts):
    return [f"——在{rng.choice(('全县', '全区', '全市'))}{rng.choice(TOPICS)}工作会议上的讲话",
            f"{rng.choice(('县委书记', '区长', '副县长'))}　{rng.choice('王李张刘陈杨赵黄')}某某",
            f"（{rng.randint(2023, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日）", rng.choice(hosts)], \
        "a speech subtitle with —— and a dated byline"


def _ellipsis_prose(rng, hosts):
    return [f"从{rng.choice(OBJECTS)}到{rng.choice(OBJECTS)}，从{rng.choice(OBJECTS)}到{rng.choice(OBJECTS)}……"
            f"一项项举措落地见效，全年完成投资{rng.randint(2, 90)}亿元。"], "an ellipsis in prose, a line ending in a number"


def _numbers_at_end(rng, hosts):
    return [f"全年地区生产总值增长{rng.randint(3, 8)}.{rng.randint(0, 9)}%",
            f"城乡居民人均可支配收入分别增长{rng.randint(3, 8)}%、{rng.randint(5, 9)}%",
            f"新增城镇就业{rng.randint(1000, 9999)}人"], "short result lines ending in numbers"


def _doc_numbers(rng, hosts):
    lines = [rng.choice(("附件目录：", "相关文件："))]
    for i in range(1, rng.randint(3, 4) + 1):
        lines.append(f"{i}．关于{rng.choice(TOPICS)}的通知（{rng.choice(('县政办发', '区委办', '镇发'))}〔{rng.randint(2022, 2025)}〕{rng.randint(1, 99)}号）")
    return lines, "a list of documents with 文号"


def _ranking(rng, hosts):
    lines = ["名次　单位　得分"]
    for i, place in enumerate(rng.sample(PLACES[3:], 3), 1):
        lines.append(f"第{cn(i)}名　{place}　{rng.randint(85, 99)}.{rng.randint(0, 9)}")
    return lines, "a ranking table"


def _agenda(rng, hosts):
    h = rng.randint(8, 9)
    return ["会议议程：", f"{h}:00—{h}:30\t签到", f"{h}:30—{h + 1}:00\t{rng.choice(('通报工作情况', '观看警示教育片'))}",
            f"{h + 1}:00—{h + 1}:30\t领导讲话"], "an agenda with times and tabs"


def _compilation_no_toc(rng, hosts):
    year, doctype, count = rng.randint(2019, 2026), rng.choice(DOCTYPES), rng.randint(2, 4)
    pieces = unique_titles(rng, doctype, year, count)
    lines = [compilation_title(rng, doctype, year, count)]
    for p in pieces:
        lines.append(p)
        lines += piece_body(rng, hosts)
    return lines, "a compilation without a TOC"


def _title_in_prose(rng, hosts):
    p = piece_title(rng, rng.choice(DOCTYPES), rng.randint(2022, 2026))
    return [f"《{p}》共分{cn(rng.randint(3, 6))}个部分，全文约{rng.randint(3, 9)}000字。"], "a piece title cited in prose with numbers"


def _versions(rng, hosts):
    return [f"系统版本：V{rng.randint(1, 5)}.{rng.randint(0, 9)}", f"更新日期：{rng.randint(2023, 2025)}年{rng.randint(1, 12)}月",
            f"适用范围：{rng.choice(UNITS)}"], "version and date lines"


def _materials_list(rng, hosts):
    return ["会议材料清单："] + [f"{i}.{t}（{rng.randint(1, 60)}份）" for i, t in enumerate(
        rng.sample(("会议议程", "工作报告", "讨论稿", "签到表", "考核细则"), 3), 1)], "a list of materials with quantities"


TRAPS = (_toc_no_pages, _toc_no_pages, _report_outline_toc, _mulu_prose, _mulu_heading, _tab_table, _space_table,
         _budget_leaders, _page_refs, _index, _signature, _contact, _subtitle, _ellipsis_prose, _numbers_at_end,
         _doc_numbers, _ranking, _agenda, _compilation_no_toc, _title_in_prose, _versions, _materials_list)


def traps(rng: random.Random, hosts) -> Case:
    shape = rng.choice(TRAPS)
    block, what = shape(rng, hosts)
    before = [rng.choice(TITLES)] + [rng.choice(hosts) for _ in range(rng.randint(0, 2))]
    if shape in (_toc_no_pages, _compilation_no_toc, _report_outline_toc):
        before = []  # the block opens the document
    after = [rng.choice(hosts) for _ in range(rng.randint(0, 2))]
    text = "".join(line + "\n" for line in before + block + after)
    return Case(text, text, text, (), "trap: " + what)
