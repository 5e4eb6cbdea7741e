"""党 replaced by a capital `D` (a full-width `Ｄ`, a lower-case `d`) by a platform's keyword filter, in words 党
forms on either side: `D员干部`, `D委书记`, `D的二十大`, `中国共产D`, `全面从严治D`, `管D治D`, `入D积极
分子`, at a line's start, split from its continuation by an invisible character (`D\u200b员`), and
documents redacted throughout beside documents with one redaction alone, and set formulations in
which 党 stands alone (`对D忠诚`, `爱D爱国`, `主题D日`). A word of 党 that only reads as 党 where the
document shows a filter at work (`全D`, `姓D`, `建D`, `政D`) is restored beside one certain
redaction; a weaker reading (`D组会议`, where D组 is also group D; `D在农村`, `向D的`) beside two or
more, and only reported beside fewer. The fix writes 党 and drops the invisible character.

Traps: letters that label grades, types, zones, buildings, exits, options, groups, series,
vitamins, keys and drives (`C级、D级危房`, `D类`, `D座`, `男子D组`, `A、B、C、D四栋`, `维生素D3`,
`D-二聚体`, `D盘`, `D调`), Latin words and codes (`DNA`, `CD光盘`, `D1`, `D-12`, `ABCD内`), and
weak shapes (`D内`, `全D`) in documents that show no redaction at all; the same label shapes are
also put into redacted documents, where they must stay as they are."""

from __future__ import annotations

import random

from . import Case, document, split_sentences, untouched

FAMILY = "party-letter"
CATEGORY = "redaction"

# phrases with 党 slots: {C} a word or formulation that reads as 党 on its own, {L} a word of 党 that
# needs one certain redaction beside it, {W} a reading that needs two; upper case when the word
# continues to the right of the slot, lower case to the left
CERTAIN_PHRASES = (
    "认真学习宣传贯彻{C}的二十大精神", "深入学习贯彻{C}的二十届三中全会精神", "坚持{C}的全面领导", "加强{C}的政治建设",
    "扎实做好发展{C}员工作", "广大{C}员干部要带头转变作风", "召开{C}委理论学习中心组学习会", "镇{C}委书记履行第一责任人职责",
    "紧紧围绕{C}中央决策部署", "健全基层{C}组织体系", "充分发挥{C}支部战斗堡垒作用", "以高质量{C}建引领基层治理",
    "持之以恒推进{C}风廉政建设", "严格落实{C}政同责", "建强{C}群服务中心阵地", "深入开展{C}史学习教育",
    "选派干部到{C}校参加轮训", "书记带头讲专题{C}课", "认真学习{C}章", "严明{C}纪{C}规", "按时足额交纳{C}费",
    "全面推行{C}务公开", "不断增强{C}性修养", "为{C}龄满五十年的老同志颁发纪念章", "面向{C}旗重温入{l}誓词",
    "组织新{C}员佩戴{C}徽", "筹备召开{C}代会", "街道{C}工委统筹协调", "加强同{C}外人士的团结合作", "系统学习{C}内法规",
    "热烈庆祝中国共产{c}成立一百周年", "坚定不移全面从严治{c}", "落实管{c}治{c}政治责任", "认真考察入{c}积极分子",
    "推动{C}和国家事业取得新成就", "社区{C}总支统筹推进", "每月召开{C}小组会", "健全{C}组书记抓基层{C}建述职评议制度",
    "深化{C}建带团建", "共产{c}员要走在前列", "坚持{C}管干部原则", "精简{C}和国家机关", "自{C}的十八大以来",
    "{C}员领导干部要以身作则", "{C}委（{W}组）要切实履行主体责任", "动员全{c}全社会共同参与", "严肃{C}内政治生活",
    "坚定听{c}话、跟{c}走", "开展主题{c}日活动", "弘扬兴{c}强{c}精神", "始终做到对{c}忠诚", "引导群众感{c}恩",
    "始终保持{C}同人民群众的血肉联系", "引导群众爱{c}爱国",
)
WEAK_PHRASES = (
    "召开{W}组会议研究部署", "坚持国有企业姓{l}", "号召全{l}行动起来", "庆祝建{l}一百周年", "加强政{l}协商",
    "制定{L}内规章", "办好{L}报{L}刊", "坚持{C}的领导、{C}委（{W}组）负总责", "{W}组成员要带头执行",
    "落实{W}组前置研究讨论重大事项", "巩固{W}在农村的执政基础", "加强{W}对金融工作的领导",
    "汇聚民心向{w}的强大合力", "东西南北中，{W}是领导一切的",
)
# label shapes that must stay (a trap's D never stands for 党)
LABELS = (
    "经鉴定为C级、D级危房的一律拆除重建", "其中D类事项另行报批", "该企业已完成D轮融资", "开设3D打印和3D建模课程",
    "适量补充维生素D3", "检测D-二聚体等指标", "安置在A、B、C、D四栋楼内", "男子D组和女子D组同时开赛", "会议在D座三楼召开",
    "车辆停放在D区停车场", "请从地铁D号出口出站", "刻录CD光盘存档", "开展DNA比对", "将文件备份到D盘", "最终选择方案D实施",
    "车辆从D口驶入", "演奏D调练习曲", "选用D1型号设备", "完成D-12地块供地", "按A档、B档、C档、D档分档补助",
    "在D栏填写本人信息", "选用D型钢材", "设置A段、D段两个施工标段", "补充维生素D的摄入", "乘坐D字头动车出行",
    "完成ABCD内部审核", "对点A、点D的坐标进行复核", "编号依次为A组、B组、C组、D组", "登记为D级风险点位",
    "车辆经出入D口进入园区", "搬迁至D校区办公", "建立D风险台账", "为D员工食堂配齐设备", "启动D项目前期工作",
    "选用Vitamin D补充剂", "执行Plan D建设方案", "点A的坐标为原点，点D的坐标另行测定",
)
# shapes that read as 党 only in a document that shows redaction: alone they stay
WEAK_ALONE = (
    "在区域D内组织巡查", "集合D内的元素两两不同", "完成ABCD内外墙检测", "下载全D打印模型", "开展D日纪念活动研讨",
    "将样品放入D内腔检测", "设置D组对照实验",
)
LETTERS = ("D", "D", "D", "D", "Ｄ", "d")
INVISIBLE = ("\u200b", "\u2060", "\ufeff", "\u00ad")
TAILS = ("，", "。", "；")


class _Slot:
    def __init__(self, code: str) -> None:
        self.certain, self.rightward = code in "Cc", code.isupper()
        # certain redactions the document needs beside it for it to be restored
        self.needs = {"c": 0, "l": 1, "w": 2}[code.lower()]


def _render(rng: random.Random, phrase: str, split: float) -> tuple[str, list[tuple[int, int, _Slot]]]:
    """The phrase as the filter left it, and each slot's span in it (letter and invisible characters)."""
    out = ""
    slots = []
    i = 0
    while i < len(phrase):
        if phrase[i] == "{":
            code = phrase[i + 1]
            slot = _Slot(code)
            letter = rng.choice(LETTERS)
            mark = rng.choice(INVISIBLE) if rng.random() < split else ""
            written = letter + mark if slot.rightward else mark + letter
            slots.append((len(out), len(out) + len(written), slot))
            out += written
            i += 3
        else:
            out += phrase[i]
            i += 1
    return out, slots


def _restored(text: str, spans: list[tuple[int, int, bool]]) -> str:
    for start, end, restore in sorted(spans, reverse=True):
        if restore:
            text = text[:start] + "党" + text[end:]
    return text


def _line(rng: random.Random, hosts: tuple[str, ...], sentence: str) -> tuple[str, int]:
    """A line with `sentence` in it: at a clause boundary of a host line, or starting the line."""
    host = rng.choice(hosts)
    cuts = split_sentences(host)
    tail = rng.choice(TAILS)
    if cuts and rng.random() < 0.6:
        cut = rng.choice(cuts)
        return host[:cut] + sentence + tail + host[cut:], cut
    if rng.random() < 0.5:
        return sentence + "。" + host, 0
    return host + sentence + "。", len(host)


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    single = rng.random() < 0.3
    split = rng.choice((0.0, 0.15, 0.5))
    if single:
        phrases = [p for p in CERTAIN_PHRASES if p.count("{C}") + p.count("{c}") == 1 and "{W}" not in p]
        weak = [p for p in WEAK_PHRASES if "{C}" not in p]
        chosen = [rng.choice(phrases)] + [rng.choice(weak) for _ in range(rng.randint(0, 2))]
    else:
        chosen = [rng.choice(CERTAIN_PHRASES) for _ in range(rng.randint(2, 5))]
        chosen += [rng.choice(WEAK_PHRASES) for _ in range(rng.randint(0, 3))]
    rng.shuffle(chosen)
    rendered = [_render(rng, p, split) for p in chosen]
    # a label of the same shape as a slot (A组…D组 beside D组会议) makes that slot a label too to a
    # careful reader: such labels are left out of the document
    after = {text[e : e + 1] for text, slots in rendered for _, e, _ in slots}
    fitting = [label for label in LABELS if not any(f"{letter}{c}" in label for letter in "ABCEFGH" for c in after)]
    labels = [rng.choice(fitting) for _ in range(rng.choice((0, 0, 1, 2)))]
    certain = sum(slot.certain for _, slots in rendered for *_, slot in slots)
    lines: list[tuple[str, list[tuple[int, int, bool]]]] = []
    for text, slots in rendered:
        line, at = _line(rng, hosts, text)
        lines.append((line, [(at + s, at + e, certain >= slot.needs) for s, e, slot in slots]))
    for label in labels:
        line, _ = _line(rng, hosts, label)
        lines.append((line, []))
    rng.shuffle(lines)
    body = "\n".join(line for line, _ in lines)
    text, start = document(rng, hosts, body)
    spans = []
    fixed_body_parts = []
    offset = start
    for line, slots in lines:
        spans += [(offset + s, offset + e) for s, e, _ in slots]
        fixed_body_parts.append(_restored(line, slots))
        offset += len(line) + 1
    fixed = text[:start] + "\n".join(fixed_body_parts) + text[start + len(body) :]
    what = f"{'single' if single else 'many'} ({certain} certain, split {split}): " + " | ".join(t for t, _ in rendered)
    return Case(text, fixed, fixed, tuple(spans), what)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    pool = LABELS + WEAK_ALONE
    items = [rng.choice(pool) for _ in range(rng.randint(1, 3))]
    lines = [_line(rng, hosts, item)[0] for item in items]
    return untouched(rng, hosts, "\n".join(lines), "trap: " + " | ".join(items))
