"""Blind generator: anonymisation blanks (placeholder) left in template copies — XX/xx/××/＊＊/**/
○○/□□/＿＿/__/某某 forms in names, places, organisations, amounts, counts, percentages, dates,
phone numbers and document numbers — in lines of the shapes official documents have. Reported
only, never fixed: both outputs equal the input. The spans are the blanks themselves.
Written without reading plancheck's rules."""

from __future__ import annotations

from tests.variants import Case, document, untouched

FAMILY = "blind_placeholder"
CATEGORY = "placeholder"

BLANK2 = ("XX", "xx", "××", "＊＊", "**", "○○", "□□", "＿＿", "__", "ＸＸ", "某某", "Xx")
BLANK3 = ("XXX", "xxx", "×××", "＊＊＊", "***", "○○○", "□□□", "＿＿＿", "___", "ＸＸＸ")
SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
PLACES = ("江宁区", "涪城区", "临安区", "城关镇", "安吉县", "宁乡市", "武进区", "海曙区", "双流区", "德清县")
SUFFIX = ("省", "市", "县", "区", "镇", "乡", "村", "街道", "社区", "开发区")
ORGS = ("人民政府", "发展和改革局", "教育局", "民政局", "司法局", "财政局", "应急管理局", "农业农村局",
        "卫生健康委员会", "市场监督管理局", "党委", "党工委", "委员会", "办公室", "中心小学")
TOPICS = ("安全生产", "乡村振兴", "党风廉政建设", "基层治理", "营商环境", "生态环境保护", "文明创建",
          "防汛抗旱", "信访维稳", "招商引资", "人居环境整治", "消防安全")
UNITS = ("万元", "亿元", "元", "人", "人次", "个", "家", "户", "项", "处", "件", "公里", "亩", "平方米", "%")


class Line:
    def __init__(self):
        self.parts: list[tuple[str, bool]] = []

    def add(self, s: str, blank: bool = False):
        self.parts.append((s, blank))
        return self

    def build(self):
        text, spans, at = [], [], 0
        for s, blank in self.parts:
            if blank:
                spans.append((at, at + len(s)))
            text.append(s)
            at += len(s)
        return "".join(text), spans


def b2(rng):
    return rng.choice(BLANK2)


def b3(rng):
    return rng.choice(BLANK3 + BLANK2)


def place(rng, ln: Line, p: float):
    if rng.random() < p:
        ln.add(b2(rng), True).add(rng.choice(SUFFIX))
    else:
        ln.add(rng.choice(PLACES))


def name(rng, ln: Line, p: float):
    k = rng.random()
    if rng.random() >= p:
        ln.add(rng.choice(SURN) + rng.choice(("伟", "芳", "敏", "建华", "晓东", "海燕", "志强")))
    elif k < 0.4:
        ln.add(b3(rng), True)
    elif k < 0.8:
        ln.add(rng.choice(SURN)).add(rng.choice(("XX", "××", "某某", "xx", "＊＊", "○○", "**")), True)
    else:
        ln.add(rng.choice(SURN)).add(rng.choice(("X", "×", "某", "*", "＊", "○")), True)


AMOUNT_CHARS = ("X", "x", "×", "＊", "*", "＿", "_", "Ｘ")


def amount(rng, ln: Line, p: float, unit=None):
    unit = unit or rng.choice(UNITS)
    if rng.random() < p:
        c = rng.choice(AMOUNT_CHARS)
        k = rng.randrange(4)
        if k == 0:
            ln.add(c * rng.randint(2, 4), True)
        elif k == 1:
            ln.add(rng.choice(("XX", "××", "xx")) if unit in ("万元", "亿元", "元") and rng.random() < 0.2
                   else c * 2, True)
        elif k == 2:
            ln.add(str(rng.randint(1, 9))).add(c * rng.randint(1, 2), True)
        else:
            ln.add(c * 2, True).add(".").add(c, True)
    else:
        ln.add(f"{rng.randint(2, 980)}" + (f".{rng.randint(1, 9)}" if rng.random() < 0.4 else ""))
    ln.add(unit)


def date(rng, ln: Line, p: float):
    if rng.random() >= p:
        ln.add(f"{rng.randint(2019, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日")
        return
    k = rng.randrange(6)
    if k == 0:
        ln.add("20").add(rng.choice(("XX", "xx", "××", "＿＿", "**")), True).add("年")
    elif k == 1:
        ln.add("20").add(rng.choice(("XX", "xx", "××")), True).add("年").add(rng.choice(("XX", "xx", "××", "X")), True) \
            .add("月").add(rng.choice(("XX", "xx", "××", "X")), True).add("日")
    elif k == 2:
        ln.add(f"{rng.randint(2019, 2026)}年").add(rng.choice(("XX", "xx", "××", "＿＿", "__", "○○")), True).add("月") \
            .add(rng.choice(("XX", "xx", "××", "＿＿", "__", "○○")), True).add("日")
    elif k == 3:
        ln.add("202").add(rng.choice(("X", "x", "×")), True).add("年")
    elif k == 4:
        ln.add(rng.choice(("××××", "XXXX", "＿＿＿＿", "____")), True).add("年").add(rng.choice(("×", "X", "＿", "_")), True) \
            .add("月").add(rng.choice(("×", "X", "＿", "_")), True).add("日")
    else:
        ln.add("二〇").add(rng.choice(("XX", "××", "xx")), True).add("年")


def docnum(rng, ln: Line, p: float):
    k = rng.randrange(5) if rng.random() < p else 9
    pre = rng.choice(("浙", "苏", "皖", "鲁", "川"))
    kind = rng.choice(("政发", "政办发", "委发", "办发", "财预", "民发"))
    if k == 0:
        ln.add(rng.choice(("X", "×", "XX")), True).add(kind + "〔20").add(rng.choice(("XX", "xx", "××")), True) \
            .add("〕").add(rng.choice(("XX", "xx", "××", "X")), True).add("号")
    elif k == 1:
        ln.add(pre + kind + f"〔{rng.randint(2019, 2026)}〕").add(rng.choice(("XX", "xx", "××", "＿＿", "X")), True).add("号")
    elif k == 2:
        ln.add(pre + kind).add("〔〕", True).add(f"{rng.randint(1, 90)}号")
    elif k == 3:
        ln.add(rng.choice(("××", "XX", "xx")), True).add(f"{kind}〔{rng.randint(2019, 2026)}〕{rng.randint(1, 90)}号")
    elif k == 4:
        ln.add(pre + kind + "〔").add(rng.choice(("20XX", "××××", "XXXX")), True).add(f"〕{rng.randint(1, 90)}号")
    else:
        ln.add(f"{pre}{kind}〔{rng.randint(2019, 2026)}〕{rng.randint(1, 90)}号")


def phone(rng, ln: Line, p: float):
    k = rng.randrange(3)
    if rng.random() >= p:
        ln.add(f"0{rng.randint(10, 999)}-{rng.randint(1000000, 99999999)}")
    elif k == 0:
        ln.add(rng.choice(("XXXXXXXX", "xxxxxxxx", "××××××××", "＿＿＿＿＿＿＿＿")), True)
    elif k == 1:
        ln.add(f"1{rng.choice('358')}{rng.randint(0, 9)}").add(rng.choice(("XXXXXXXX", "xxxxxxxx", "********", "××××××××")), True)
    else:
        ln.add(f"0{rng.randint(500, 999)}-").add(rng.choice(("XXXXXXX", "×××××××", "xxxxxxx")), True)


TEMPLATES = []


def template(f):
    TEMPLATES.append(f)
    return f


@template
def t_title(r, p):
    ln = Line(); place(r, ln, p); ln.add(r.choice(ORGS) + "关于印发" + r.choice(TOPICS) + "工作方案的通知"); return ln


@template
def t_basis(r, p):
    ln = Line().add("根据《关于加强" + r.choice(TOPICS) + "工作的意见》（"); docnum(r, ln, p)
    ln.add("）精神，结合"); place(r, ln, p); ln.add("实际，制定本方案。"); return ln


@template
def t_invest(r, p):
    ln = Line().add(r.choice(("全年完成固定资产投资", "累计争取上级资金", "全年实现税收收入", "安排专项资金")))
    amount(r, ln, p, r.choice(("万元", "亿元"))); ln.add("，同比增长"); amount(r, ln, p, "%"); ln.add("。"); return ln


@template
def t_appoint(r, p):
    ln = Line(); name(r, ln, p); ln.add("同志任"); place(r, ln, p); ln.add(r.choice(ORGS) + r.choice(("副局长", "主任", "党委书记", "副主任")) + "。"); return ln


@template
def t_chair(r, p):
    ln = Line().add("会议由"); place(r, ln, p); ln.add(r.choice(ORGS) + r.choice(("主要负责同志", "副局长", "党组书记")))
    name(r, ln, p); ln.add("主持。"); return ln


@template
def t_meeting(r, p):
    ln = Line(); date(r, ln, p); ln.add("，"); place(r, ln, p); ln.add("召开" + r.choice(TOPICS) + "工作推进会。"); return ln


@template
def t_contact(r, p):
    ln = Line().add("联系人："); name(r, ln, p); ln.add("，联系电话："); phone(r, ln, p); ln.add("。"); return ln


@template
def t_count(r, p):
    ln = Line().add("截至"); date(r, ln, p); ln.add("，共排查隐患"); amount(r, ln, p, "处"); ln.add("，已整改"); amount(r, ln, p, "处")
    ln.add("，整改率"); amount(r, ln, p, "%"); ln.add("。"); return ln


@template
def t_reporter(r, p):
    ln = Line().add(r.choice(("汇报人：", "报告人：", "发言人：", "述职人："))); name(r, ln, p); ln.add(r.choice(("　", "  ", "，")) + "日期："); date(r, ln, p)
    return ln


@template
def t_people(r, p):
    ln = Line().add("全年开展培训"); amount(r, ln, p, "场次"); ln.add("，培训干部群众"); amount(r, ln, p, "人次"); ln.add("。"); return ln


@template
def t_village(r, p):
    ln = Line(); place(r, ln, 1.0 if p > 0.5 else p); place(r, ln, p); ln.add("党支部书记"); name(r, ln, p); ln.add("带领群众发展特色产业。"); return ln


@template
def t_signature(r, p):
    ln = Line(); place(r, ln, p); ln.add(r.choice(ORGS) + r.choice(("，", "　"))); date(r, ln, p); ln.add("印发。"); return ln


@template
def t_subsidy(r, p):
    ln = Line().add("发放" + r.choice(("低保金", "临时救助金", "耕地地力保护补贴", "高龄津贴"))); amount(r, ln, p, "万元")
    ln.add("，惠及"); amount(r, ln, p, r.choice(("户", "人"))); ln.add("。"); return ln


@template
def t_project(r, p):
    ln = Line().add("实施"); place(r, ln, p); ln.add(r.choice(("污水处理厂提标改造", "农村公路提档升级", "老旧小区改造", "中小学扩建")) + "项目，总投资")
    amount(r, ln, p, r.choice(("万元", "亿元"))); ln.add("，计划于"); date(r, ln, p); ln.add("前完工。"); return ln


@template
def t_comrade(r, p):
    ln = Line().add(r.choice(("尊敬的", "敬爱的", ""))); ln.add(r.choice(("某某", "XX", "×××", "XXX")), True); ln.add(r.choice(("同志", "书记", "局长", "主任")) + "：")
    return ln


def artifacts(rng, hosts) -> Case:
    make = rng.choice(TEMPLATES)
    for _ in range(50):
        line, spans = make(rng, rng.choice((0.4, 0.6, 0.9))).build()
        if spans:
            break
    text, off = document(rng, hosts, line)
    return Case(text, text, text, tuple((off + s, off + e) for s, e in spans), line)


TRAPS = [
    ("roman_century", lambda r: "XX世纪八十年代以来，我县乡镇企业快速发展。"),
    ("xray", lambda r: f"为乡镇卫生院配备X光机{r.randint(2, 9)}台、彩超{r.randint(2, 9)}台。"),
    ("xray2", lambda r: "对从业人员开展X射线防护知识培训。"),
    ("size_code", lambda r: "采购执勤服装，尺码分为L、XL、XXL三种。"),
    ("zero_date", lambda r: f"二〇二{r.randint(0, 6)}年{r.choice('一二三四五六七八九')}月{r.choice(('一', '十', '二十'))}日"),
    ("zero_date2", lambda r: "二○○八年汶川地震后，我县启动灾后重建。"),
    ("checkbox", lambda r: "是否同意调剂：□是　□否"),
    ("checkbox2", lambda r: "请在相应选项前的□内打“√”。"),
    ("times", lambda r: f"实行“7×24小时”值班制度，建设{r.randint(3, 9)}×{r.randint(3, 9)}米宣传栏。"),
    ("some_degree", lambda r: "这在某种程度上反映出基层治理仍存在短板。"),
    ("some_fields", lambda r: "某些领域风险隐患仍然突出，需要持续用力。"),
    ("some_link", lambda r: "任何一个环节、某一方面出现疏漏都可能引发事故。"),
    ("doc_number_ok", lambda r: f"根据《{r.choice(('浙', '苏'))}政发〔{r.randint(2019, 2025)}〕{r.randint(1, 60)}号》文件要求执行。"),
    ("doc_number_ok2", lambda r: f"（{r.choice(('皖', '鲁'))}政办发〔{r.randint(2019, 2025)}〕{r.randint(1, 60)}号）"),
    ("footnote_star", lambda r: "注：带*号的为约束性指标。"),
    ("case_narration", lambda r: "典型案例：某企业未按规定设置安全警示标志，被依法责令整改并处罚款。"),
    ("x_type", lambda r: "推广X型钢支撑等新型施工工艺。"),
    ("real_amounts", lambda r: f"全年完成固定资产投资{r.randint(10, 99)}.{r.randint(1, 9)}亿元，同比增长{r.randint(1, 9)}%。"),
    ("full_name", lambda r: f"{r.choice(SURN)}{r.choice(('建华', '晓东', '海燕'))}同志任{r.choice(PLACES)}应急管理局副局长。"),
    ("date_ok", lambda r: f"截至{r.randint(2019, 2025)}年{r.randint(1, 12)}月底，共排查隐患{r.randint(10, 900)}处。"),
    ("phone_ok", lambda r: f"联系人：{r.choice(SURN)}伟，联系电话：0571-8{r.randint(1000000, 9999999)}。"),
    ("hash_building", lambda r: f"{r.randint(1, 9)}#楼和{r.randint(10, 19)}#楼已交付使用。"),
    ("vitamin", lambda r: "为孕产妇免费发放叶酸和维生素D。"),
]


def traps(rng, hosts) -> Case:
    what, make = rng.choice(TRAPS)
    return untouched(rng, hosts, make(rng), what)
