"""Site stamps with noise sprinkled between their characters (`〖海量*范文&免费·青柠网〗`), in any
bracket or none, anywhere in a line or alone on it; traps: the symbols, dots and brackets that
official text uses legitimately.

The stamps' wordings are made here from slots (offer word × content noun × brand × site suffix),
not taken from the rules; the noise is drawn per stamp (ASCII or full-width symbols at two or more
places, or one mark between every character, or in a bracket one or two marks that prove nothing
alone: `~ | *`). A stamp outside any bracket has noise in its first
and last gap: nothing else tells where such a stamp ends inside a sentence.
"""

from __future__ import annotations

import random

from . import Case, document, padded, split_sentences, untouched

FAMILY = "watermark"
CATEGORY = "watermark"

OFFERS = ("更多", "海量", "免费", "精品", "优质", "下载", "搜索", "尽在", "获取", "最新", "原创", "热门", "精选", "一键下载", "免费获取")
NOUNS = ("范文", "素材", "文档", "资料", "模板", "公文", "材料", "文章", "课件", "讲稿", "文稿")
BRANDS = (
    "青柠", "蓝鲸", "笔杆", "墨香", "星火", "金笔", "易文", "小白", "橙子",
    "文秘", "启航", "云帆", "悦读", "麦田", "书香", "哒哒", "快写", "百材",
)
SUFFIXES = ("网", "文库", "文档网", "范文网", "资料网", "公文网", "办公网", "素材网")
# the traditional forms of the characters above, for stamps of sites that publish in traditional script
TRADITIONAL = str.maketrans(
    "网范资档库载费质获热门键选讲课笔鲸书启帆悦读麦云办尽请优写",
    "網範資檔庫載費質獲熱門鍵選講課筆鯨書啟帆悅讀麥雲辦盡請優寫",
)

BRACKETS = ("【】", "（）", "〔〕", "〖〗", "［］", "「」", "《》", "｛｝", "＃＃", "[]", "()", "")
# noise that is evidence on its own (after folding: # & @ % ^ $), the star (also a placeholder mark,
# so only ever beside another symbol) and the separators that are noise only between every character
STRONG = "#&@%^$＃＆＠％＾＄"
STARS = "*＊"
SEPARATORS = ("·", "…", "～", "~")
WEAK = "~～|*＊"


def _site(rng: random.Random) -> str:
    return rng.choice(BRANDS) + rng.choice(SUFFIXES)


def _wording(rng: random.Random, *, plain: bool) -> str:
    """A stamp's words. `plain` (no noise will be added): the shape site stamps have, an offer and
    a content noun ending in the site's name, the only evidence then."""
    offer, noun, site = rng.choice(OFFERS), rng.choice(NOUNS), _site(rng)
    shapes = [f"{offer}{noun}{rng.choice(OFFERS)}{site}", f"{offer}{noun}尽在{site}", f"{noun}{offer}{site}", f"{offer}{noun}请搜{site}"]
    if not plain:
        shapes += [f"{site}{offer}{noun}", f"本文由{site}整理", f"{site}{noun}{offer}", f"{offer}{noun}"]
    words = rng.choice(shapes)
    return words.translate(TRADITIONAL) if rng.random() < 0.2 else words


def _noise_run(rng: random.Random) -> str:
    run = [rng.choice(STRONG) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        run.insert(rng.randrange(len(run) + 1), rng.choice(STARS))
    if rng.random() < 0.15:
        run.insert(rng.randrange(len(run) + 1), rng.choice(SEPARATORS))
    return "".join(run)


def _noised(rng: random.Random, words: str, *, covered: bool) -> tuple[str, str]:
    """`words` with noise inserted, and the mode; `covered`: noise in the first and last gap too."""
    gaps = len(words) - 1
    mode = rng.choice(("sprinkle", "sprinkle", "every-mark", "every-symbol"))
    if mode == "every-mark":
        mark = rng.choice(SEPARATORS + tuple(STRONG))
        return mark.join(words), mode
    if mode == "every-symbol":
        inserted = {i: _noise_run(rng) for i in range(gaps)}
    else:
        chosen = set(rng.sample(range(gaps), rng.randint(2, max(2, gaps // 2))))
        if covered:
            chosen |= {0, gaps - 1}
        inserted = {i: _noise_run(rng) for i in chosen}
    return "".join(ch + inserted.get(i, "") for i, ch in enumerate(words)), mode


def _stamp(rng: random.Random, position: str) -> tuple[str, str]:
    # inside a clause `＃…＃` is noise inserted between the clause's characters, not a bracket
    bracket = rng.choice([b for b in BRACKETS if b != "＃＃" or position != "in-clause"])
    draw = rng.random()
    plain = bool(bracket) and draw < 0.3
    words = _wording(rng, plain=plain)
    if plain and draw < 0.15:
        # in a bracket, one or two marks that prove nothing alone (`[更多素材~搜索材料狗]`)
        at = set(rng.sample(range(1, len(words)), rng.randint(1, 2)))
        body, mode = "".join(rng.choice(WEAK) + ch if i in at else ch for i, ch in enumerate(words)), "weak"
    else:
        body, mode = (words, "plain") if plain else _noised(rng, words, covered=not bracket)
    stamp = bracket[:1] + body + bracket[1:]
    outer = _noise_run(rng).replace("*", "").replace("＊", "")
    # noise just outside the bracket goes with it (`@~【…】`). A bare stamp ending a line ends in
    # noise: ending in a Han character, its line would look hard-wrapped to LY006, which joins it
    # to the next before the stamp is deleted
    if position == "line-end" and not bracket:
        stamp += outer
    elif mode == "weak" and rng.random() < 0.3:
        stamp = f"~{stamp}~"
    elif bracket and not plain and rng.random() < 0.3:
        stamp = outer + stamp if rng.random() < 0.5 else stamp + outer
    return stamp, f"bracket={bracket or 'none'} mode={mode} words={words}"


def _han_gap(rng: random.Random, line: str) -> int | None:
    """An offset between two Han characters of `line`, inside a clause."""
    places = [i for i in range(2, len(line) - 2) if "\u4e00" <= line[i - 1] <= "\u9fff" and "\u4e00" <= line[i] <= "\u9fff"]
    return rng.choice(places) if places else None


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    host = rng.choice(hosts)
    position = rng.choice(("line-end", "between-sentences", "in-clause", "line-start", "alone"))
    at = None
    if position == "between-sentences":
        at = rng.choice(split_sentences(host) or [None])
        if at is None:
            position = "line-end"
    elif position == "in-clause":
        at = _han_gap(rng, host)
        if at is None:
            position, at = "line-end", len(host)
    stamp, what = _stamp(rng, position)
    if position == "alone":
        text, offset = document(rng, hosts, padded(rng, hosts, stamp))
        fixed = text[:offset] + text[offset + len(stamp) + 1 :]
        # the line with a line end: the one before it, as a diff may align the deletion
        span = (max(offset - 1, 0), offset + len(stamp) + 1)
    else:
        at = {"line-end": len(host), "line-start": 0}.get(position, at)
        middle = host[:at] + stamp + host[at:]
        text, offset = document(rng, hosts, padded(rng, hosts, middle, len(stamp)))
        fixed = text[: offset + at] + text[offset + at + len(stamp) :]
        span = (offset + at, offset + at + len(stamp))
    return Case(text, fixed, fixed, (span,), f"{position} {what}")


# legitimate text of a stamp's shape: symbols between or beside Han characters, dots between words,
# brackets holding headings, titles, numbers and site names
TRAPS = (
    "推进“人工智能+政务”服务",
    "细颗粒物年均浓度降至30微克/立方米以下",
    "实施“1+N”政策体系，推动“互联网+监管”",
    "总量=存量+增量",
    "开展“3·15”国际消费者权益日宣传活动",
    "学习马克思·韦伯的组织理论和列夫·托尔斯泰的作品",
    "创建满意消费·放心城区",
    "根据《规划》要求",
    "印发《关于进一步做好资料报送工作的通知》",
    "【典型案例】某县探索“积分制”治理模式",
    "【工作目标】到2027年建成一批示范村",
    "【资料下载】",
    "（更多资料见附件）",
    "（详见中国政府网）",
    "〔2025〕7号",
    "（一）",
    "（试行）",
    "增长6%，占比达到30%以上",
    "在3～5个工作日内办结",
    "一～三月累计完成投资",
    "北京～天津城际",
    "推动A&B两类企业R&D投入",
    "请发送至xxzx@gov.cn邮箱",
    "培训C++编程人才",
    "#1号楼与#2号楼",
    "**镇党委",
    "在**镇**村开展试点",
    "自*年*月起施行",
    "*县*镇*村",
    "既要……又要……",
    "从……到……",
    "等…",
    "登录青柠网免费下载资料",
    "「十四五」时期",
    "《免费法律咨询服务网》",
    "中·美经贸",
    "US$100",
)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    host = rng.choice(hosts)
    trap = rng.choice(TRAPS)
    # not at the line's end: a line left without its full stop is another family's artifact
    places = [0, *split_sentences(host)]
    gap = _han_gap(rng, host)
    if gap is not None:
        places.append(gap)
    at = rng.choice(places)
    return untouched(rng, hosts, host[:at] + trap + host[at:], f"trap {trap!r}")
