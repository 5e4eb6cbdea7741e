"""Blind generator: a leader's name cut out of a set formulation.

Written independently of plancheck's rules, from the seeds' fixing policy: `--fix` leaves the text as
it is (restoring a name is a guess), `--fix --unsafe-fixes` puts the name back where the seeds do:
习近平 before 新时代中国特色社会主义思想 (and, by the same logic, before the named thoughts and before a
bare 总书记), 习近平总书记 before 关于…的重要论述/重要指示精神 and before 考察X/视察X…重要讲话精神.
A formulation coordinated after one that holds the name (…重要论述精神以及视察江西…重要讲话精神) is
left alone, as in the seed: it is a trap here, never an artifact.

Grammar: a sentence = lead × 1..3 clauses × tail; a clause = verb frame × formulation, where the
formulation is a cut form × its slot (topic, place, meeting, thought). Each cut clause has its own
verb (the seeds' shape), so no restored name governs another cut."""

from __future__ import annotations

import random

from tests.variants import Case, document, split_sentences, untouched

FAMILY = "blind_leader_name"
CATEGORY = "redaction"

NAME = "习近平"
NAME_TITLE = "习近平总书记"

THOUGHTS = ("经济思想", "法治思想", "生态文明思想", "强军思想", "外交思想", "文化思想")
TOPICS = ("安全生产", "民政工作", "应急管理工作", "“三农”工作", "生态文明建设", "党的建设", "教育工作",
          "文化建设", "法治建设", "乡村振兴", "粮食安全", "防汛救灾", "基层治理", "网络强国", "统一战线",
          "人才工作", "科技创新", "共同富裕", "信访工作", "国家安全", "审计工作", "妇女儿童工作", "残疾人事业",
          "退役军人工作", "城市工作", "社会工作", "知识产权保护", "老龄工作", "禁毒工作", "政法工作")
PLACES = ("安徽", "江西", "四川", "河南", "湖南", "湖北", "浙江", "福建", "广东", "山东", "江苏", "陕西",
          "甘肃", "贵州", "云南", "广西", "黑龙江", "吉林", "辽宁", "内蒙古", "宁夏", "青海", "西藏", "新疆",
          "海南", "重庆", "天津", "河北", "山西")
ABBR = ("陕", "湘", "川", "皖", "赣", "黔", "滇", "桂", "鲁", "豫", "鄂", "闽", "浙", "粤", "苏", "冀", "晋", "甘",
        "辽", "吉", "黑", "琼", "渝", "津", "沪", "宁", "青", "藏", "新")
MEETINGS = ("中央经济工作会议", "中央农村工作会议", "二十届中央纪委四次全会", "全国生态环境保护大会",
            "中央城市工作会议", "全国教育大会", "全国科技大会", "中央政治局集体学习时", "庆祝中国共产党成立100周年大会",
            "中央全面深化改革委员会会议", "全国宣传思想文化工作会议", "中央社会工作会议")

# (cut formulation with ^ at the cut, what was cut, kind) kinds: T thought (may take 以…为指导),
# R 论述 (may take 以…为指导), J 精神 (a spirit to study and carry out)
def _formulation(rng: random.Random) -> tuple[str, str, str]:
    t, p, m, a = rng.choice(TOPICS), rng.choice(PLACES), rng.choice(MEETINGS), rng.choice(ABBR)
    forms = (
        ("^新时代中国特色社会主义思想", NAME, "T"),
        ("^新时代中国特色社会主义思想", NAME, "T"),
        ("^" + rng.choice(THOUGHTS), NAME, "T"),
        (f"^关于{t}的重要论述", NAME_TITLE, "R"),
        (f"^关于{t}的重要论述精神", NAME_TITLE, "J"),
        (f"^关于{t}重要指示精神", NAME_TITLE, "J"),
        (f"^关于{t}的重要指示批示精神", NAME_TITLE, "J"),
        (f"^关于{t}的重要讲话和重要指示批示精神", NAME_TITLE, "J"),
        (f"^关于{t}的重要论述和重要指示精神", NAME_TITLE, "J"),
        ("^关于党的自我革命的重要思想", NAME_TITLE, "R"),
        (f"^考察{p}重要讲话精神", NAME_TITLE, "J"),
        (f"^考察{p}重要讲话指示精神", NAME_TITLE, "J"),
        (f"^在{p}考察时的重要讲话精神", NAME_TITLE, "J"),
        (f"^视察{p}重要讲话指示精神", NAME_TITLE, "J"),
        (f"^来{p}视察时的重要讲话和重要指示精神", NAME_TITLE, "J"),
        (f"^考察{p}时的重要讲话和重要指示精神", NAME_TITLE, "J"),
        (f"^对{p}工作的重要讲话和重要指示批示精神", NAME_TITLE, "J"),
        (f"^考察{p}重要讲话重要指示精神", NAME_TITLE, "J"),
        (f"^在{p}考察时的重要讲话和指示精神", NAME_TITLE, "J"),
        (f"^对{p}工作系列重要指示精神", NAME_TITLE, "J"),
        (f"^来{a}考察重要讲话指示精神", NAME_TITLE, "J"),
        (f"^关于{p}工作的重要讲话和指示批示精神", NAME_TITLE, "J"),
        ("^总书记重要讲话精神", NAME, "J"),
        ("^总书记在全国两会期间的重要讲话精神", NAME, "J"),
        (f"^总书记对{p}工作系列重要指示精神", NAME, "J"),
        ("^总书记重要指示批示精神", NAME, "J"),
        ("^总书记重要讲话和重要指示批示精神", NAME, "J"),
        (f"^总书记在{m}上的重要讲话精神", NAME, "J"),
        (f"^总书记关于{t}的重要论述", NAME, "R"),
        (f"^总书记考察{p}重要讲话精神", NAME, "J"),
        (f"^总书记对{t}作出的重要指示精神", NAME, "J"),
        ("^总书记给基层干部群众的重要回信精神", NAME, "J"),
    )
    return rng.choice(forms)


# verb frames by kind; {X} the formulation
FRAMES = {
    "T": ("坚持以{X}为指导", "坚持以{X}为指引", "以{X}为统领", "深入学习贯彻{X}", "认真学习贯彻{X}",
          "全面贯彻{X}", "用{X}武装头脑、指导实践、推动工作", "深入领会{X}的核心要义和实践要求",
          "把学习贯彻{X}作为首要政治任务", "坚定不移用{X}凝心铸魂", "在{X}的科学指引下",
          "深入开展学习贯彻{X}主题教育", "学深悟透{X}", "自觉用{X}统一思想、统一意志、统一行动",
          "持续深化{X}的学习教育", "以{X}为根本遵循"),
    "R": ("坚持以{X}为指导", "深入学习贯彻{X}", "认真学习领会{X}", "跟进学习{X}", "以{X}为根本遵循",
          "深入领会{X}", "认真落实{X}", "系统学习{X}"),
    "J": ("深入学习贯彻{X}", "认真贯彻{X}", "认真落实{X}", "全面落实{X}", "坚决贯彻落实{X}", "跟进学习{X}",
          "深入领会{X}", "全面学习贯彻{X}", "认真学习宣传贯彻{X}", "持续深化学习{X}", "把{X}落到实处",
          "不折不扣贯彻落实{X}", "以实际行动践行{X}"),
}
LEADS = ("", "", "2025年，我们要", "2024年，", "下一步，我们将", "全年", "我局将", "我县将", "全镇上下",
         "今年以来，我们", "一是", "二是", "三是", "（一）", "1.", "同时，", "各级党组织要", "广大党员干部要",
         "区民政局将", "县应急管理局将", "市司法局将", "局党组", "我们始终")
TAILS = ("。", "。", "；", "，围绕中心、服务大局。", "，推动各项工作落地见效。", "，为推动高质量发展作出新的更大贡献。",
         "，切实把学习成果转化为推动工作的实际成效。", "，坚定“四个自信”，增强“四个意识”，做到“两个维护”。")
OTHER = ("深入贯彻党的二十大精神", "认真学习宣传贯彻党的二十届四中全会精神", "围绕中心、服务大局",
         "坚持以人民为中心的发展思想", "完整准确全面贯彻新发展理念", "统筹发展和安全")


def _clause(rng: random.Random, base: int) -> tuple[str, str, tuple[int, int]]:
    """A clause with one cut formulation: (text, the clause with the name back, span), the span
    relative to `base` (where the clause will start)."""
    form, cut, kind = _formulation(rng)
    frame = rng.choice(FRAMES[kind])
    while "主题教育" in frame and not form.startswith("^新时代"):
        frame = rng.choice(FRAMES[kind])
    before, after = frame.split("{X}")
    head, rest = form.split("^")
    text = before + head + rest + after
    at = len(before) + len(head)
    restored = text[:at] + cut + text[at:]
    return text, restored, (base + at, base + at + len(rest))


def _sentence(rng: random.Random, cuts: int, base: int) -> tuple[str, str, list[tuple[int, int]]]:
    lead = rng.choice(LEADS)
    text, restored, spans = lead, lead, []
    pieces = ["cut"] * cuts + ["other"] * rng.randint(0, 1)
    rng.shuffle(pieces)
    for i, piece in enumerate(pieces):
        if i:
            text += "，"
            restored += "，"
        if piece == "cut":
            t, r, (s, e) = _clause(rng, base + len(text))
            spans.append((s, e))
            text += t
            restored += r
        else:
            o = rng.choice(OTHER)
            text += o
            restored += o
    tail = rng.choice(TAILS)
    return text + tail, restored + tail, spans


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    mode = rng.choice(("one", "one", "throughout", "in_host", "two_lines"))
    doc, start = document(rng, hosts, "\x00")
    head, tail = doc[:start], doc[start + 1:]
    if mode == "one":
        body, restored, spans = _sentence(rng, 1, start)
    elif mode == "throughout":
        body, restored, spans = _sentence(rng, rng.randint(2, 3), start)
    elif mode == "two_lines":
        b1, r1, s1 = _sentence(rng, 1, start)
        host = rng.choice(hosts)
        mid = "\n" + host + "\n"
        b2, r2, s2 = _sentence(rng, rng.randint(1, 2), start + len(b1) + len(mid))
        body, restored, spans = b1 + mid + b2, r1 + mid + r2, s1 + s2
        made = b1 + " / " + b2
    else:
        host = rng.choice(hosts)
        cuts = [i for i in split_sentences(host) if host[i - 1] == "。"] + [0, len(host)]
        cut = rng.choice(cuts)
        b, r, s = _sentence(rng, rng.randint(1, 2), start + cut)
        if not b.endswith("。"):
            b, r = b[:-1] + "。", r[:-1] + "。"
        body, restored, spans = host[:cut] + b + host[cut:], host[:cut] + r + host[cut:], s
        made = b
    if mode in ("one", "throughout"):
        made = body
    text = head + body + tail
    return Case(text, text, head + restored + tail, tuple(spans), f"{mode}|{made}")


# ---------------------------------------------------------------- traps

def _v(rng: random.Random) -> str:
    return rng.choice(("深入学习贯彻", "认真学习贯彻", "全面贯彻落实", "坚持以", "深入领会", "认真落实"))


TRAP_FRAMES = (
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
    "深入学习贯彻习近平新时代中国特色社会主义思想，{T2}。",
    "用习近平新时代中国特色社会主义思想武装头脑、指导实践、推动工作。",
    "认真学习贯彻习近平总书记重要讲话和重要指示批示精神。",
    "深入学习贯彻习近平{TH}，{T2}。",
    "全面落实习近平总书记关于{T}的重要论述。",
    "认真贯彻习近平总书记关于{T}重要指示精神。",
    "深入学习贯彻习近平总书记考察{P}重要讲话精神。",
    "跟进学习习近平总书记关于{T}的重要论述精神以及视察{P}重要讲话精神。",
    "认真落实习近平总书记在{P}考察时的重要讲话精神和省委工作要求。",
    "坚持马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观，全面贯彻习近平新时代中国特色社会主义思想。",
    "毛泽东思想是马克思列宁主义在中国的运用和发展。",
    "邓小平理论是在和平与发展成为时代主题的历史条件下形成的。",
    "“三个代表”重要思想是加强和改进党的建设、推进我国社会主义自我完善和发展的强大理论武器。",
    "科学发展观是同马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想既一脉相承又与时俱进的科学理论。",
    "不断推进马克思主义中国化时代化。",
    "用党的创新理论武装头脑、指导实践、推动工作。",
    "二十世纪八十年代，我们党提出走自己的道路、建设有中国特色的社会主义。",
    "改革开放以来，我们党不断深化对中国特色社会主义理论体系的认识。",
    "坚持和发展新时代中国特色社会主义，奋力推进中国式现代化。",
    "中国特色社会主义进入新时代，{T2}。",
    "坚持以人民为中心的发展思想，{T2}。",
    "理论经济学一级学科下设政治经济学、经济思想史、经济史等二级学科。",
    "本课程讲授中国古代经济思想的演变。",
    "管子的经济思想对后世产生了深远影响。",
    "韩非子的法治思想主张“以法为本”。",
    "中华传统文化中蕴含着“天人合一”的生态思想。",
    "毛泽东军事思想是中国共产党和人民军队的宝贵财富。",
    "周恩来外交思想研究取得一批成果。",
    "鲁迅的文化思想至今仍有现实意义。",
    "加强和改进思想政治工作，{T2}。",
    "坚持解放思想、实事求是、与时俱进、求真务实。",
    "推动新一轮思想解放，{T2}。",
    "1989年6月，中共十三届四中全会选举江泽民为中央委员会总书记。",
    "越南共产党中央委员会总书记会见了代表团一行。",
    "老挝人民革命党中央委员会总书记出席开幕式。",
    "1982年，党的十二大决定中央不再设主席，只设总书记。",
    "市委书记在全市经济工作会议上的讲话中指出，要{T2}。",
    "认真学习贯彻县委书记在全县{T}工作会议上的讲话精神。",
    "认真落实省委书记来我市调研时的讲话精神和指示要求。",
    "正如县委主要负责同志在讲话中所说：“{T2}。”",
    "市委主要领导到我县考察{T}工作，对下一步工作提出明确要求。",
    "省考察组来我县考察干部，召开民主推荐会议。",
    "习近平指出：“只有坚持以新时代中国特色社会主义思想为指导，才能{T2}。”",
    "习近平总书记强调，要坚持以新时代中国特色社会主义思想为指导，{T2}。",
    "习近平总书记考察{P}时指出，{T2}。总书记强调，要{T2}。",
    "领导干部要带头学习宣讲贯彻好习近平总书记重要讲话精神，确保总书记重要讲话精神在{P}落地生根、见行见效。",
    "我们必须把学习贯彻习总书记来{A}重要讲话指示精神作为首要政治任务。",
    "传达学习习近平总书记在{P}考察时的重要讲话和指示精神以及新时代推动中部地区崛起座谈会精神。",
    "与学习贯彻习近平总书记历次关于{P}工作的重要讲话和指示批示精神结合起来。",
    "我们要更加紧密地团结在以习近平同志为核心的党中央周围。",
    "深入学习贯彻党的二十届四中全会精神，{T2}。",
    "新时代新征程，{T2}。",
    "加快推进新时代文明实践中心建设。",
    "马克思主义经典作家关于{T}的重要论述为我们提供了方法论。",
    "认真贯彻落实中央和省委、市委关于{T}的决策部署。",
    "学习贯彻习近平文化思想，{T2}。",
    "深入践行习近平生态文明思想，{T2}。",
    "坚定不移贯彻总体国家安全观。",
    "完整准确全面贯彻新发展理念。",
    "认真贯彻落实新时代党的组织路线。",
)
T2 = ("推动各项工作落地见效", "扎实推进高质量发展", "不断增强人民群众获得感幸福感安全感",
      "统筹发展和安全", "切实把思想和行动统一到中央决策部署上来")


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    frame = rng.choice(TRAP_FRAMES)
    middle = frame.format(T=rng.choice(TOPICS), P=rng.choice(PLACES), A=rng.choice(ABBR), TH=rng.choice(THOUGHTS), T2=rng.choice(T2))
    if rng.random() < 0.3:
        host = rng.choice(hosts)
        cuts = [i for i in split_sentences(host) if host[i - 1] == "。"] + [0, len(host)]
        cut = rng.choice(cuts)
        middle = host[:cut] + middle + host[cut:]
    return untouched(rng, hosts, middle, f"trap|{frame}")
