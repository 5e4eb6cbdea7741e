"""Blind generator: 党 redacted as a Latin letter (D, full-width Ｄ, lower-case d, or D followed by an
invisible character) in the contexts official texts use 党 in.

Written independently of plancheck's rules, from the seeds' fixing policy: every D that stands for 党
is restored to 党 by --fix and by --fix --unsafe-fixes alike (the seeds restore D的二十大, D建, “D建+”,
D员, D风, D政, D群, 新时代D的组织路线). An invisible character between the letter and the next
character belongs to the redaction and goes with it (D\u200b建 -> 党建).

Grammar: a sentence = lead × 1..3 clauses × tail; a clause is a frame whose ※ slots are 党 contexts
(words 党 forms on the left and on the right, unit × organ words, the formulations 党的二十大精神,
党中央, 党的领导 …); every ※ is rendered with the document's letter variant. Modes: one D in the
document, a sentence redacted throughout, two redacted lines, a redacted line starting with D, a
sentence put inside a real paragraph."""

from __future__ import annotations

import random

from tests.variants import Case, document, split_sentences, untouched

FAMILY = "blind_party_letter"
CATEGORY = "redaction"

# the letter a site's filter puts for 党 (weights: plain D dominates)
LETTERS = (("D", 10), ("Ｄ", 2), ("d", 1), ("D\u200b", 2), ("D\u200c", 1), ("D\u200d", 1), ("D\u2060", 1))

UNITS = ("镇", "乡", "街道", "局机关", "县直机关", "学校", "医院", "公司", "社区", "村", "中心", "集团",
         "区委办", "市场监管局", "卫健局", "交通运输局", "教育局", "司法局", "民政局", "应急管理局")
ORGANS = ("委", "总支", "支部", "工委")
AGENCY_ORGANS = ("组", "委", "支部", "总支")

# organ phrases: unit × organ (left word × D × right word)
def _organ(rng: random.Random) -> str:
    unit = rng.choice(UNITS)
    return unit + "※" + rng.choice(AGENCY_ORGANS if unit.endswith(("局", "办")) else ORGANS)

TOPICS = ("安全生产", "乡村振兴", "基层治理", "生态环境保护", "营商环境优化", "民生保障", "信访维稳",
          "意识形态", "防汛救灾", "社会救助", "养老服务", "法治建设", "招商引资", "城市更新")

SPIRIT = ("※的二十大精神", "※的二十届二中全会精神", "※的二十届三中全会精神", "※的二十届四中全会精神",
          "※的十九届六中全会精神", "※的二十大和二十届历次全会精神", "※的二十大报告精神")
STUDY = ("深入学习贯彻", "认真学习宣传贯彻", "全面贯彻落实", "持续深入学习领会", "坚决贯彻落实", "认真传达学习",
         "系统学习", "全面学习贯彻", "深入学习宣传", "学深悟透")
PEOPLE = ("※员", "※员干部", "共产※员", "广大※员", "预备※员", "老※员", "无职※员", "流动※员", "青年※员",
          "※员领导干部", "农村※员", "在职※员", "离退休※员", "※代表", "※务工作者")

# clause frames; {O} organ phrase, {P} people, {S} spirit, {V} study verb, {T} topic
CLAUSES = (
    "{O}要切实履行全面从严治※主体责任",
    "{O}书记要认真履行第一责任人职责",
    "{O}定期专题研究{T}工作",
    "由{O}统一部署、分级负责组织实施",
    "{O}理论学习中心组开展专题学习{N}次",
    "充分发挥{O}把方向、管大局、保落实作用",
    "{V}{S}",
    "把{V}{S}作为首要政治任务",
    "坚持※的全面领导",
    "坚持和加强※的全面领导",
    "坚持※中央集中统一领导",
    "坚决维护※中央权威和集中统一领导",
    "在※的坚强领导下",
    "把※的领导贯穿{T}工作全过程",
    "以※的政治建设为统领",
    "全面加强※的建设",
    "认真贯彻落实新时代※的组织路线",
    "坚持※要管※、全面从严治※",
    "推进全面从严治※向纵深发展",
    "扎实推进※风廉政建设和反腐败工作",
    "严明※的纪律和规矩",
    "严格执行新形势下※内政治生活若干准则",
    "持续深化※纪学习教育",
    "巩固拓展※史学习教育成果",
    "扎实开展“三会一课”、主题※日等组织生活",
    "按时足额收缴※费",
    "{O}书记带头讲※课{N}次",
    "组织{P}面向※旗重温入※誓词",
    "引导{P}佩戴※徽亮身份、作表率",
    "认真学习※章、遵守※章、贯彻※章、维护※章",
    "加强※性锻炼和※性修养",
    "坚定理想信念，锤炼※性",
    "做到知※史、感※恩、听※话、跟※走",
    "引导群众爱※爱国爱社会主义",
    "做到在※爱※、在※言※、在※忧※、在※为※",
    "推行“※建+”工作模式",
    "打造“※建+{T}”服务品牌",
    "以高质量※建引领高质量发展",
    "坚持“围绕发展抓※建、抓好※建促发展”工作导向",
    "推动※建工作与{T}工作深度融合",
    "严格落实※建工作责任制",
    "做好发展※员工作，严把入※关口",
    "加强{P}教育管理监督",
    "充分发挥{P}先锋模范作用",
    "设立※员先锋岗和※员示范岗{N}个",
    "组建{T}※员突击队",
    "引导入※积极分子向※组织靠拢",
    "{N}名青年向※组织递交入※申请书",
    "为光荣在※50年的老※员颁发纪念章",
    "推进※务公开和村务公开",
    "压实※政主要负责人第一责任人职责",
    "落实※政同责、一岗双责",
    "建强基层※组织战斗堡垒",
    "不断增强※组织政治功能和组织功能",
    "落实※组织会议“第一议题”制度",
    "优化※群服务中心功能布局",
    "依托※群服务中心开展{T}志愿服务",
    "选派干部到※校参加主体班次培训",
    "庆祝中国共产※成立104周年",
    "深入推进※的自我革命",
    "用※的创新理论凝心铸魂",
    "始终保持※同人民群众的血肉联系",
    "把※和国家的关怀送到群众身边",
    "坚持管※治※、从严治※",
    "落实※内法规制度，做到※规※纪面前人人平等",
    "※风政风持续向好",
    "建※以来特别是※的十八大以来",
    "全※全国各族人民团结奋斗",
    "我※始终坚持人民至上",
    "兴※强※、建功立业",
    "中国新型政※制度显示出强大优势",
    "召开※员大会选举产生新一届{O}",
    "始终向※中央看齐",
    "向※和人民交出满意答卷",
    "※的十八大以来特别是※的二十大以来",
    "各级※委（※组）理论学习中心组开展专题学习",
    "落实{O}会议“第一议题”制度",
    "开展“学※史、悟思想、办实事、开新局”活动",
    "把{T}工作纳入※建工作考核",
    "坚持“一把手”抓※建，层层压实责任",
    "※龄满50年的老※员{N}名",
)
# clauses that may open a line with the letter itself
LINE_START = (
    "※员领导干部要以身作则、以上率下",
    "※建引领是做好{T}工作的根本保证",
    "※风廉政建设责任制落实情况纳入年度考核",
    "※的二十大对{T}作出重要部署",
    "※中央决策部署在{T}领域落地见效",
    "※群服务中心全年开展活动{N}场次",
    "※员干部要带头深入一线",
    "※组织书记抓基层※建述职评议考核全覆盖",
    "※史学习教育常态化长效化机制不断健全",
    "※政领导干部安全生产责任制全面落实",
    "※性教育贯穿干部培训全过程",
    "※内政治生活严肃认真",
)
# heading lines (no final punctuation); the D may open them
HEADINGS = ("{U}2025年※建工作要点", "{U}2024年※风廉政建设工作总结", "※建工作计划", "※风廉政建设工作总结",
            "※史学习教育实施方案", "关于加强新时代※的建设的实施意见", "{U}※组织书记抓基层※建工作述职报告",
            "一、坚持※建引领", "（二）加强※的全面领导", "三、全面从严治※", "※纪学习教育专题※课讲稿")
LEADS = ("", "", "2025年，", "下一步，我们将", "全年", "我局", "我县", "全镇上下", "我们要", "今年以来，我们",
         "一是", "二是", "三是", "（一）", "1.", "同时，", "此外，要")
TAILS = ("。", "。", "；", "，推动各项工作落地见效。", "，确保取得实效。", "，为高质量发展提供坚强保证。",
         "，切实把思想和行动统一到中央决策部署上来。", "，全年工作任务圆满完成。")


def _fill(rng: random.Random, frame: str) -> str:
    return frame.format(O=_organ(rng), P=rng.choice(PEOPLE), S=rng.choice(SPIRIT), V=rng.choice(STUDY),
                        T=rng.choice(TOPICS), N=rng.randint(2, 36))


def _letter(rng: random.Random) -> str:
    letters, weights = zip(*LETTERS)
    return rng.choices(letters, weights)[0]


def _render(line: str, letter: str, base: int) -> tuple[str, str, list[tuple[int, int]]]:
    """`line` with each ※ as `letter` (the text) and as 党 (the fix), and the spans in the text."""
    text, fixed, spans = [], [], []
    pos = base
    for ch in line:
        if ch == "※":
            text.append(letter)
            fixed.append("党")
            spans.append((pos, pos + len(letter)))
            pos += len(letter)
        else:
            text.append(ch)
            fixed.append(ch)
            pos += 1
    return "".join(text), "".join(fixed), spans


def _sentence(rng: random.Random, clauses: int) -> str:
    picked = rng.sample(CLAUSES, clauses)
    return rng.choice(LEADS) + "，".join(_fill(rng, c) for c in picked) + rng.choice(TAILS)


def _one_d(rng: random.Random) -> str:
    while True:
        line = rng.choice(LEADS) + _fill(rng, rng.choice(CLAUSES)) + rng.choice(TAILS)
        if line.count("※") == 1:
            return line


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    mode = rng.choice(("one", "throughout", "throughout", "line_start", "in_host", "two_lines", "heading"))
    letter = _letter(rng)
    if mode == "one":
        middle = _one_d(rng)
    elif mode == "throughout":
        middle = _sentence(rng, rng.randint(2, 3))
    elif mode == "line_start":
        middle = _fill(rng, rng.choice(LINE_START)) + "，" + _fill(rng, rng.choice(CLAUSES)) + rng.choice(TAILS)
    elif mode == "heading":  # a heading line, then a redacted line of text
        middle = rng.choice(HEADINGS).format(U=rng.choice(UNITS)) + "\n" + _sentence(rng, rng.randint(1, 2))
    elif mode == "two_lines":
        first, second = _sentence(rng, rng.randint(1, 2)), _sentence(rng, rng.randint(1, 2))
        middle = first + "\n" + rng.choice(hosts) + "\n" + second
        made = first + " / " + second
    else:  # a redacted sentence put inside a real paragraph, after one of its sentences
        host = rng.choice(hosts)
        cuts = [i for i in split_sentences(host) if host[i - 1] in "。；"] + [0, len(host)]
        cut = rng.choice(cuts)
        sentence = _sentence(rng, rng.randint(1, 2))
        if not sentence.endswith("。"):
            sentence = sentence[:-1] + "。"
        middle = host[:cut] + sentence + host[cut:]
        made = sentence
    if mode in ("one", "throughout", "line_start", "heading"):
        made = middle
    text_doc, start = document(rng, hosts, "\x00")
    head, tail = text_doc[:start], text_doc[start + 1:]
    body, fixed_body, spans = _render(middle, letter, start)
    text = head + body + tail
    fixed = head + fixed_body + tail
    return Case(text, fixed, fixed, tuple(spans), f"{mode}|{letter!r}|{made}")


# ---------------------------------------------------------------- traps: a D that is no 党, and 党 written out

BLOCKS = ("A", "B", "C", "D", "E")
TRAPS = (
    "经鉴定为C级和D级危房的{N}户全部列入改造对象。",
    "对鉴定为D级的危房实行“应改尽改”，已完成改造{N}户。",
    "农村危房按A、B、C、D四个等级进行分类管理。",
    "将评定为D类的企业列为重点监管对象，检查频次不低于每年{N}次。",
    "按照A、B、C、D类对党员积分实行动态管理。",
    "项目位于产业园D区，总建筑面积{N}万平方米。",
    "党群服务中心设在综合楼D座二层。",
    "{U}D栋居民楼完成外立面改造。",
    "安置小区D幢、E幢主体结构已封顶。",
    "选项A、B、C、D中只有一项符合题目要求。",
    "试卷分为A、B、C、D四种题型。",
    "为孕产妇免费发放维生素D和叶酸{N}万份。",
    "开展儿童维生素D缺乏性佝偻病筛查。",
    "推广3D打印、3D建模等数字化设计技术。",
    "建成3D党建展厅和VR党史学习馆各一处。",
    "乘坐D{N}次动车组列车抵达。",
    "G、D字头列车停靠站点增加至{N}个。",
    "开展DNA检测比对{N}份，为寻亲家庭提供帮助。",
    "该企业于今年完成D轮融资，融资额{N}亿元。",
    "本届运动会男子D组比赛共有{N}支队伍参加。",
    "公交D{N}路延伸至高铁站。",
    "地铁站D出口附近增设非机动车停放点。",
    "规划D3线与城市快速路衔接。",
    "全市GDP增长{N}.5%。",
    "推行DRG付费方式改革，覆盖{N}家医疗机构。",
    "应用CAD制图和BIM技术开展施工图审查。",
    "更换LED显示屏{N}块，用于政策宣传。",
    "运用PDCA循环持续改进服务质量。",
    "全社会R&D经费投入强度达到2.{N}%。",
    "数据备份保存至D盘指定文件夹。",
    "表格中D列为年度目标值，E列为完成值。",
    "将汇总数据填入D{N}单元格。",
    "在cwd建工作文件夹后运行脚本。",
    "购置3d建模软件一套。",
    "检测D-二聚体等指标{N}项。",
    "考核结果分为A、B、C、D四档，D档不得评优。",
    "该型号为D型钢管，壁厚{N}毫米。",
    "乐曲由D大调转入B小调。",
    "沿线设A、B、C、D四个站点，D点为终点。",
    "本次采购分为A、B、C、D四个标段。",
    "套餐分为A、B、C、D四档，用户可自主选择。",
    "配置IDC机房和SD卡存储设备。",
    "IUD中国政务舆情监测中心发布年度报告。",
    "开展LDL-C和维生素D检测，筛查高危人群{N}人。",
    "Vitamin D的每日推荐摄入量因年龄而异。",
    "The Design Department will submit the report.",
    "区块D的土地已完成收储，面积{N}亩。",
    "鉴定为Ｄ级危房的立即停止使用。",
    "深入学习贯彻党的二十大精神，扎实推进党建工作。",
    "各级党组织和广大党员干部要充分发挥作用。",
    "坚持全面从严治党，持续深化党风廉政建设。",
    "我们党始终坚持以人民为中心的发展思想。",
)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    frame = rng.choice(TRAPS)
    middle = frame.format(N=rng.randint(2, 99), U=rng.choice(("小区", "园区", "家属院", "安置区")))
    if rng.random() < 0.3:
        host = rng.choice(hosts)
        cuts = [i for i in split_sentences(host) if host[i - 1] == "。"] + [0, len(host)]
        cut = rng.choice(cuts)
        middle = host[:cut] + middle + host[cut:]
    return untouched(rng, hosts, middle, f"trap|{frame}")
