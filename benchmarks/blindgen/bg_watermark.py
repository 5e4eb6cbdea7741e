"""Blind generator: site stamps (watermark) of invented sites put inside or between the sentences
of a real paragraph: bracket × leading/trailing noise × noise between the Han characters × brand ×
phrase × position, and look-alike URLs (full-width, mathematical letters, dotted). --fix deletes the
whole stamp — brackets and noise included — and nothing else. Written without reading plancheck's
rules."""

from __future__ import annotations

import regex

from tests.variants import Case, document, split_sentences, untouched

FAMILY = "blind_watermark"
CATEGORY = "watermark"

# invented sites: (name, pinyin for its URL)
BRANDS = (("哒哒", "dada"), ("笔神", "bishen"), ("易文", "yiwen"), ("青藤", "qingteng"), ("蓝鲸", "lanjing"),
          ("优选", "youxuan"), ("云帆", "yunfan"), ("墨香", "moxiang"), ("金笔", "jinbi"), ("星火", "xinghuo"),
          ("启明", "qiming"), ("鸿雁", "hongyan"), ("笔杆", "bigan"), ("材料帮", "cailiaobang"), ("秘书君", "mishujun"),
          ("老笔头", "laobitou"), ("文小二", "wenxiaoer"), ("智写", "zhixie"), ("公文侠", "gongwenxia"),
          ("第一范文", "diyifanwen"), ("大海", "dahai"), ("百文", "baiwen"))
SITES = (("文库", "wenku"), ("素材库", "sucai"), ("范文网", "fanwen"), ("材料网", "cailiao"), ("公文网", "gongwen"),
         ("写作网", "xiezuo"), ("文秘网", "wenmi"), ("资料站", "ziliao"), ("文档网", "wendang"), ("笔记", "biji"))
TLDS = (".com", ".cn", ".net", ".com.cn", ".top", ".vip", ".cc")

PHRASES = ("更多素材搜索{b}", "更多材料搜索{b}", "搜索{b}获取更多", "{b}整理", "{b}原创", "来自{b}", "本文来自{b}",
           "{b}首发", "{b}独家", "{b}版权所有", "关注{b}", "{b}出品", "转载自{b}", "{b}收集整理", "更多范文尽在{b}",
           "{b}提供", "{b}编辑整理", "下载自{b}", "{b}专用", "{b}", "{b}会员专享", "{b}正版资料", "海量资料尽在{b}",
           "{b}www.{u}")
BRACKETS = (("【", "】"), ("（", "）"), ("〔", "〕"), ("〖", "〗"), ("［", "］"), ("「", "」"), ("《", "》"),
            ("｛", "｝"), ("〈", "〉"), ("＃", "＃"), ("", ""), ("(", ")"), ("[", "]"), ("『", "』"),
            ("【", "】"), ("", ""))
NOISE_HALF = "^%*#@~$&!`+=|"
NOISE_FULL = "＾％＊＃＠～＄＆！｀＋＝｜"
NOISE_DOTS = "·•・∙"
NOISE_SETS = {"half": NOISE_HALF, "full": NOISE_FULL, "dots": NOISE_DOTS, "mixed": NOISE_HALF + NOISE_FULL + NOISE_DOTS,
              "none": ""}

MATH = {c: chr(0x1D482 + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")}  # mathematical bold italic a-z
FULL = {c: chr(0xFF41 + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")}
HAN = regex.compile(r"\p{Han}")


def url(rng, u: str) -> str:
    dom = "www." + u + rng.choice(TLDS) if rng.random() < 0.8 else u + rng.choice(TLDS)
    style = rng.randrange(5)
    if style == 0:
        return dom
    if style == 1:
        return "".join(FULL.get(c, "．" if c == "." else c) for c in dom)
    if style == 2:
        return "".join(MATH.get(c, c) for c in dom)
    if style == 3:
        return dom.replace(".", rng.choice(("。", "点", " . ", "·")))
    return ("https://" if rng.random() < 0.5 else "http://") + dom


def noised(rng, s: str, noise: str, density: float) -> str:
    if not noise:
        return s
    out = []
    for i, ch in enumerate(s):
        out.append(ch)
        if i < len(s) - 1 and HAN.match(ch) and HAN.match(s[i + 1]) and rng.random() < density:
            out.append("".join(rng.choice(noise) for _ in range(rng.randint(1, 2))))
    return "".join(out)


def stamp(rng) -> tuple[str, str]:
    (bn, bu), (sn, su) = rng.choice(BRANDS), rng.choice(SITES)
    kind = rng.random()
    if kind < 0.15:  # a look-alike URL on its own
        core = url(rng, bu + (su if rng.random() < 0.5 else ""))
        noise_name, body = "none", core
    else:
        phrase = rng.choice(PHRASES)
        core = phrase.format(b=bn + sn, u=bu + su + rng.choice(TLDS))
        noise_name = rng.choice(("half", "full", "dots", "mixed", "none", "half", "mixed"))
        body = noised(rng, core, NOISE_SETS[noise_name], rng.choice((0.2, 0.35, 0.5, 0.8)))
    o, c = rng.choice(BRACKETS)
    lead = trail = ""
    pool = NOISE_SETS["mixed"] if noise_name == "none" else NOISE_SETS[noise_name]
    if rng.random() < 0.3:
        lead = "".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.15:
        trail = "".join(rng.choice(pool) for _ in range(rng.randint(1, 2)))
    if not o and noise_name == "none" and kind >= 0.15:
        # a bare, noiseless phrase has no visible edge: not a stamp anyone can delimit; bracket it
        o, c = rng.choice([b for b in BRACKETS if b[0]])
    return lead + o + body + c + trail, f"{o or '-'}{c} noise={noise_name} lead={bool(lead)} core={core}"


def _positions(host: str) -> dict[str, list[int]]:
    inner = [i for i in range(2, len(host) - 2) if HAN.match(host[i - 1]) and HAN.match(host[i])]
    return {"clause": split_sentences(host), "end": [len(host)], "inside": inner}


def artifacts(rng, hosts) -> Case:
    host = rng.choice(hosts)
    n = 1 if rng.random() < 0.8 else 2
    pos = _positions(host)
    cuts = set()
    whats = []
    for _ in range(n):
        where = rng.choice(("clause", "end", "inside", "clause"))
        if not pos[where]:
            where = "end"
        cuts.add(rng.choice(pos[where]))
        whats.append(where)
    cuts = sorted(cuts)
    pieces, spans_local, last, shift = [], [], 0, 0
    descr = []
    for cut in cuts:
        st, d = stamp(rng)
        descr.append(d)
        pieces.append(host[last:cut])
        start = cut + shift
        pieces.append(st)
        spans_local.append((start, start + len(st)))
        shift += len(st)
        last = cut
    pieces.append(host[last:])
    middle = "".join(pieces)
    text, off = document(rng, hosts, middle)
    fixed = text[:off] + host + text[off + len(middle):]
    spans = tuple((off + s, off + e) for s, e in spans_local)
    return Case(text, fixed, fixed, spans, f"{'/'.join(whats)} " + " | ".join(descr))


TRAPS = [
    ("heading_bracket", lambda r: r.choice(("【典型案例】", "【工作目标】", "【基本情况】", "【经验做法】"))
     + "某街道创新“街长制”，推动问题就地解决。".replace("某", r.choice(("东湖", "城南", "新华")))),
    ("law_title", lambda r: "严格执行《中华人民共和国安全生产法》《生产安全事故应急条例》等法律法规。"),
    ("corner_quote", lambda r: "科学编制「十五五」规划，谋划一批重大项目。"),
    ("doc_number", lambda r: f"根据《关于加强基层治理的意见》（{r.choice(('浙', '苏', '皖'))}政发〔{r.choice(('2023', '2024'))}〕{r.randint(1, 60)}号）要求，制定本方案。"),
    ("percent", lambda r: f"全年地区生产总值增长{r.randint(3, 8)}.{r.randint(0, 9)}%，一般公共预算收入增长{r.randint(1, 9)}%。"),
    ("email", lambda r: f"意见请发送至邮箱：fzb@{r.choice(('hz', 'nj', 'wh'))}.gov.cn。"),
    ("gov_url", lambda r: "相关政策可登录中国政府网（www.gov.cn）查询。"),
    ("plus_brand", lambda r: "深化“党建+网格”治理模式，推动“互联网+政务服务”提质增效。"),
    ("5g_plus", lambda r: "实施“5G+工业互联网”融合应用行动，培育示范工厂10家。"),
    ("ethnic_name", lambda r: f"{r.choice(('阿依古丽·买买提', '热依拉·艾合买提', '努尔兰·别克'))}同志被评为全省优秀共产党员。"),
    ("foreign_name", lambda r: "学习借鉴马克斯·韦伯关于科层制的论述。"),
    ("building_no", lambda r: f"{r.randint(1, 9)}#楼主体结构已封顶，{r.randint(10, 19)}#楼完成基础施工。"),
    ("range_tilde", lambda r: f"每个村配备{r.randint(2, 3)}~{r.randint(4, 6)}名网格员。"),
    ("slash", lambda r: "实行“7×24小时”不打烊服务，推行A/B岗工作制度。"),
    ("ampersand", lambda r: "全社会R&D经费投入强度达到2.6%。"),
    ("source_in_paren", lambda r: "规模以上工业增加值增长6.1%（数据来源：国家统计局）。"),
    ("quote_slogan", lambda r: "大力弘扬“特别能吃苦、特别能战斗”的精神。"),
    ("angle_trial", lambda r: "印发〈乡镇权责清单〉，明确属地管理事项152项。"),
    ("middot_list", lambda r: "打造“山水·人文·生态”旅游品牌。"),
    ("ref_mark", lambda r: "推动形成“1+3+N”工作体系［1］。"),
    ("hash_topic", lambda r: "围绕＃我为群众办实事＃话题开展线上宣传。"),
    ("book_in_quote", lambda r: "组织党员干部学习《习近平谈治国理政》第四卷。"),
    ("lenticular_label", lambda r: "〖案例〗某乡镇推行“积分超市”，激发群众参与热情。".replace("某乡镇", r.choice(("城关镇", "仁和镇")))),
    ("at_prose", lambda r: "开通“@市长”网络问政平台，全年办结留言3200件。"),
    ("star_rating", lambda r: "创建五星级党支部8个、四星级党支部15个。"),
]


def traps(rng, hosts) -> Case:
    what, make = rng.choice(TRAPS)
    return untouched(rng, hosts, make(rng), what)
