"""Leader-name formulations with 习近平 (or 习近平总书记) cut out by a keyword filter: the named
thoughts (`以法治思想为指导`), `总书记关于…的重要论述` with only the name gone, `关于…的重要指示` or
`考察江西时的重要讲话` after a study verb with no speaker left, `以同志为核心的党中央`. The fix,
unsafe, puts the name back at its slot.

Traps: the same formulations written in full (the name also at the end of the line before), a
speech quoted with the name in the sentence or before the quotation, thoughts that are someone
else's (`马克思主义法治思想`, `中国古代经济思想`, `经济思想史`), other speakers (`省委关于…`),
other leaders (`毛泽东思想`), formulations with no name to restore (`新时代党的建设总要求`) and
look-alikes (`法治思维`, `关于…的重要举措`)."""

from __future__ import annotations

import random

from . import Case, document, split_sentences, untouched

FAMILY = "leader-name"
CATEGORY = "redaction"

NAME = "习近平"
SPEAKER = "习近平总书记"

THOUGHTS = ("新时代中国特色社会主义", "经济", "法治", "生态文明", "强军", "外交", "文化")
# what stands before a thought: (before, after) around it
THOUGHT_FRAMES = (
    ("坚持以", "为指导"), ("始终坚持以", "为指导"), ("以", "为指引"), ("深入学习贯彻", ""), ("全面贯彻", ""),
    ("深入践行", ""), ("用", "武装头脑"), ("坚持不懈用", "凝心铸魂"), ("学深悟透", ""), ("认真学习宣传", ""),
    ("深入学习领会", ""), ("贯彻落实", ""), ("自觉运用", "指导实践"), ("坚定不移贯彻", ""), ("以", "为根本遵循"),
    ("全面学习", ""), ("研究阐释", ""), ("持续深化", "学习"),
)
STUDY_VERBS = (
    "学习贯彻", "深入学习贯彻", "认真贯彻落实", "贯彻落实", "学习宣传贯彻", "全面落实", "认真学习", "深入贯彻",
    "传达学习", "学习领会", "深入践行", "跟进学习", "全面贯彻", "认真落实", "深化落实", "坚决贯彻",
)
TOPICS = (
    "安全生产", "乡村振兴", "教育", "生态环境保护", "民族团结进步", "基层治理", "网络安全", "防汛救灾", "粮食安全",
    "统一战线", "青年工作", "“三农”工作", "全面从严治党", "党的自我革命", "文化遗产保护", "优化营商环境",
    "耕地保护", "民政工作", "社会救助", "国有企业改革发展", "黄河流域生态保护和高质量发展", "应急管理",
    "食品药品安全", "新型城镇化", "科技创新", "人才工作", "知识产权保护", "安全生产和防灾减灾救灾",
)
EXPOSITIONS = (
    "重要论述", "重要讲话", "重要指示", "重要批示", "重要指示批示", "系列重要讲话", "重要讲话和重要指示批示",
    "系列重要指示", "重要讲话重要指示", "重要论述和重要指示批示",
)
PLACES = (
    "江西", "安徽", "河南", "四川", "贵州", "云南", "湖南", "广东", "浙江", "福建", "吉林", "黑龙江", "内蒙古", "新疆",
    "西藏", "宁夏", "陕西", "甘肃", "青海", "海南", "山东", "江苏", "湖北", "辽宁", "河北", "山西", "广西", "重庆",
    "天津", "上海", "北京", "我省", "我市", "本省", "湘西", "延安", "赣南",
)
ADDRESSEES = (
    "北京大学新疆学生", "河北省平山县西柏坡村干部群众", "全国大学生志愿者", "中国农业大学科技小院学生", "福建寿宁县下党乡乡亲们",
    "“中国好人”李培生胡晓春", "山东省莱西市院上镇的老党员", "参加海峡青年论坛的台湾青年",
)
INSPECT = ("考察", "视察", "考察调研")
TAILS = ("精神", "精神，", "精神。", "，", "。")
PARTY_CENTRE_FRAMES = (
    ("在以", "的党中央坚强领导下，"), ("紧密团结在以", "的党中央周围，"), ("同以", "的党中央保持高度一致，"),
    ("坚决拥护以", "的党中央，"), ("衷心拥护以", "的党中央。"),
)


class Formulation:
    """One formulation as a writer put it: `before` + name slot + `after`, with what a filter
    leaves of the name and what restoring it writes."""

    def __init__(self, before: str, after: str, written: str, left: str, what: str) -> None:
        self.before, self.after, self.written, self.left, self.what = before, after, written, left, what

    def full(self) -> str:
        return self.before + self.written + self.after

    def cut(self) -> str:
        return self.before + self.left + self.after


def _exposition(rng: random.Random) -> tuple[str, str]:
    """What follows the speaker: `关于{topic}的重要论述`, `在江西考察时的重要讲话` …, and its shape."""
    place = rng.choice(PLACES)
    inspect = rng.choice(INSPECT)
    shape = rng.randrange(8)
    if shape == 0:
        return f"关于{rng.choice(TOPICS)}{rng.choice(('的', '的', ''))}{rng.choice(EXPOSITIONS)}", "about"
    if shape == 1:
        return f"在{place}{inspect}时{rng.choice(('的', ''))}重要讲话", "in-place"
    if shape == 2:
        return f"{inspect}{place}{rng.choice(('时的', '时', ''))}重要讲话", "inspecting"
    if shape == 3:
        return rng.choice(("重要指示批示", "重要讲话和重要指示批示", "重要讲话重要指示批示")), "instructions"
    if shape == 4:
        return f"关于{rng.choice(TOPICS)}的重要指示批示", "about-instructions"
    if shape == 5:
        return f"对{place}{rng.choice(('', '工作'))}{rng.choice(('重要讲话', '重要指示', '系列重要讲话重要指示'))}", "to-place"
    if shape == 6:
        return f"在参加{place}代表团审议时的重要讲话", "deputies"
    return f"给{rng.choice(ADDRESSEES)}的{rng.choice(('回信', '重要回信', '贺信'))}", "letter"


def formulation(rng: random.Random) -> Formulation:
    """A leader-name formulation in a frame that makes it his, the name slot marked."""
    shape = rng.randrange(5)
    if shape == 0:
        thought = rng.choice(THOUGHTS)
        before, after = rng.choice(THOUGHT_FRAMES)
        return Formulation(before, f"{thought}思想{after}", NAME, "", f"thought {thought}")
    if shape == 1:
        exposition, what = _exposition(rng)
        return Formulation(rng.choice(STUDY_VERBS), exposition + rng.choice(TAILS), SPEAKER, "", f"speakerless {what}")
    if shape == 2:
        exposition, what = _exposition(rng)
        return Formulation(rng.choice(STUDY_VERBS), exposition + rng.choice(TAILS), SPEAKER, "总书记", f"secretary {what}")
    if shape == 3:
        return Formulation(rng.choice(STUDY_VERBS), "总书记关于党的建设的重要思想", NAME, "", "important thought")
    before, after = rng.choice(PARTY_CENTRE_FRAMES)
    return Formulation(before, f"同志为核心{after}", NAME, "", "party centre")


def _place(rng: random.Random, hosts: tuple[str, ...]) -> tuple[str, int, str]:
    """A host line, the offset of a clause boundary in it where a sentence goes (0: before it all),
    and the mark that sentence must end with to fit there."""
    host = rng.choice(hosts)
    cuts = split_sentences(host)
    if cuts and rng.random() < 0.7:
        cut = rng.choice(cuts)
        return host, cut, "，" if host[cut - 1] == "，" else "。"
    return host, 0, "。"


def _put(rng: random.Random, hosts: tuple[str, ...], sentence: str) -> str:
    """A host line with `sentence` (its end mark left to fit) put at a clause boundary."""
    host, cut, mark = _place(rng, hosts)
    return host[:cut] + _ending(sentence, mark) + host[cut:]


def _ending(text: str, end: str) -> str:
    return text if text.endswith(("，", "。")) else text + end


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    items = [formulation(rng) for _ in range(rng.choice((1, 1, 1, 2)))]
    joiners = [rng.choice(("，", "，", "；")) for _ in items[1:]]
    if len(items) == 2 and all(item.what.startswith("thought") and item.after.endswith("思想") for item in items):
        # two thoughts in a list, each with its name cut: 学习贯彻新时代…思想和法治思想
        joiners = [rng.choice("和、")]
        items[1].before = ""

    def sentence(cut: bool) -> str:
        parts = [item.cut() if cut else item.full() for item in items]
        out = parts[0]
        for joiner, part in zip(joiners, parts[1:], strict=True):
            out = out.rstrip("，。") + joiner + part
        return _ending(out, mark)

    host, cut, mark = _place(rng, hosts)
    redacted, restored = sentence(True), sentence(False)
    text, start = document(rng, hosts, host[:cut] + redacted + host[cut:])
    # the spans: from each slot to the end of what follows it
    spans = []
    position = start + cut
    cursor = 0
    for item in items:
        left = item.cut().rstrip("，。")
        where = redacted.index(left, cursor)
        spans.append((position + where + len(item.before), position + where + len(left)))
        cursor = where + len(left)
    fixed_unsafe = text[:position] + restored + text[position + len(redacted) :]
    return Case(text, text, fixed_unsafe, tuple(spans), " + ".join(item.what for item in items))


# sentences that quote a speech: the name, a speech verb, then the words
QUOTE_OPENINGS = (
    "习近平强调，", "习近平总书记指出，", "习近平总书记在{place}考察时强调，", "习近平总书记深刻指出：", "习近平总书记强调：“",
    "习近平在讲话中指出，", "习近平总书记要求，", "习近平总书记在给{place}的回信中指出，",
)
QUOTED = (
    "只有坚持以{short}为指导，才能把握正确方向",
    "要坚持以{short}为指导，统筹推进各项工作",
    "{short}是当代中国马克思主义、二十一世纪马克思主义",
    "要深入学习贯彻{short}，推动理论学习走深走实",
)
ELSEWHERE = (
    "深入研究中国古代法治思想的源流", "系统梳理马克思主义法治思想的形成过程", "开设中国经济思想史课程",
    "学习西方经济思想史中的有益成果", "运用法治思维和法治方式化解矛盾", "坚持毛泽东思想、邓小平理论",
    "全面落实新时代党的建设总要求", "认真贯彻新时代党的组织路线", "坚持和发展新时代中国特色社会主义",
    "认真贯彻落实省委关于安全生产的重要指示精神", "深入学习贯彻省委书记在调研时的重要讲话精神",
    "贯彻落实市委关于乡村振兴的重要部署", "落实关于进一步加强安全生产的重要举措", "认真贯彻落实《关于加强基层治理的意见》",
    "学习贯彻党中央关于全面从严治党的重要决策部署", "紧密团结在以毛泽东同志为核心的党中央周围", "坚持以人民为中心的发展思想",
    "深入研究中华优秀传统文化思想精华", "以党的政治建设为统领", "传达学习县委书记考察我县时的重要讲话精神",
    "认真落实上级关于防汛救灾的重要指示", "深入学习马克思主义哲学思想", "挖掘先秦法家法治思想中的有益成分",
)


def _quote(rng: random.Random) -> str:
    opening = rng.choice(QUOTE_OPENINGS).format(place=rng.choice(PLACES))
    thought = rng.choice(THOUGHTS)
    quoted = rng.choice(QUOTED).format(short=f"{thought}思想")
    if opening.endswith("“"):
        return f"{opening}{quoted}。”"
    if rng.random() < 0.4:
        # a quotation of several sentences: the short form in the second
        second = rng.choice(QUOTED).format(short=f"{rng.choice(THOUGHTS)}思想")
        return f"{opening.rstrip('，：')}：“要勇于自我革命。{second}。”"
    return f"{opening}{quoted}。"


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    kind = rng.randrange(5)
    if kind == 0:
        item = formulation(rng)
        line = _put(rng, hosts, item.full())
        what = f"written in full: {item.what}"
    elif kind == 1:
        line = _put(rng, hosts, _quote(rng))
        what = "quoted speech"
    elif kind == 2:
        line = _put(rng, hosts, rng.choice(ELSEWHERE))
        what = "someone else's or a look-alike"
    elif kind == 3:
        # the name given first, then the title alone: the writer's short form
        first = formulation(rng)
        exposition, shape = _exposition(rng)
        line = _put(rng, hosts, first.full().rstrip("，。") + f"，{rng.choice(STUDY_VERBS)}总书记{exposition}精神")
        what = f"short form after the name: {first.what}, then {shape}"
    else:
        # the name at the end of the line before, the formulation on the next: a hard wrap
        # (the first line without a clause mark: a wrap the layout rules leave alone, as a PDF's
        # line of a title block)
        item = formulation(rng)
        line = item.before + item.written + "\n" + item.after.rstrip("，。") + "。"
        what = f"name before a line break: {item.what}"
    return untouched(rng, hosts, line, what)
