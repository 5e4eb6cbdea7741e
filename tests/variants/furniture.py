"""Web page furniture a scraper saved with the text: breadcrumbs, control bars and vertical runs of
controls, font-size switches, share bars, previous/next links, pagers and PDF page footers, editor
credits and CMS header lines. Traps: short lines of the same shape that are the document's own
(document numbers, dates, arithmetic, headings, table columns, meeting time and place, prose that
mentions printing or the next step)."""

from __future__ import annotations

import random

from . import Case, document, untouched

FAMILY = "furniture"
CATEGORY = "boilerplate"

# --- the vocabulary of a page, invented here (not read from the rules) ---
OPENINGS = ("您现在的位置", "您当前的位置", "当前位置", "您的位置", "所在位置", "当前所在位置", "现在位置")
HOMES = ("首页", "网站首页", "主页", "门户首页")
SECTIONS = (
    "政务公开",
    "信息公开",
    "通知公告",
    "工作动态",
    "政策文件",
    "部门动态",
    "乡镇动态",
    "规划计划",
    "专题专栏",
    "新闻中心",
    "图片新闻",
    "政策解读",
    "财政预决算",
    "人事信息",
    "公示公告",
    "基层党建",
    "领导活动",
    "统计数据",
    "重点领域信息公开",
    "法定主动公开内容",
    "机构职能",
    "正文",
    "县区要闻",
    "部门文件",
    "建议提案办理",
)
SEPARATORS = (">", ">>", "»", "/", "-", "→", "›", "＞", "->", "—", "＞＞")
COLONS = ("：", ":")
SPACES = ("", " ", "  ", "\u3000", "\u00a0")
CONTROLS = (
    "打印",
    "打印本页",
    "打印此页",
    "我要打印",
    "打印文章",
    "关闭",
    "关闭窗口",
    "关闭本页",
    "关闭页面",
    "返回顶部",
    "回到顶部",
    "返回",
    "返回首页",
    "返回列表",
    "收藏",
    "加入收藏",
    "收藏本页",
    "下载",
    "保存",
    "纠错",
    "我要纠错",
    "推荐给朋友",
    "E-mail推荐",
    "分享",
)
BRACKETS = (("【", "】"), ("[", "]"), ("［", "］"), ("〖", "〗"), ("[ ", " ]"), ("【 ", " 】"), ("", ""))
PLATFORMS = (
    "微信",
    "微博",
    "新浪微博",
    "腾讯微博",
    "QQ空间",
    "QQ好友",
    "QQ",
    "人人网",
    "豆瓣网",
    "朋友圈",
    "微信好友",
    "今日头条",
    "百度贴吧",
    "复制链接",
)
SIZES = (
    ("大", "中", "小"),
    ("小", "中", "大"),
    ("默认", "大", "中", "小"),
    ("加大", "还原", "减小"),
    ("放大", "缩小"),
    ("T", "T"),
    ("A+", "A", "A-"),
    ("特大", "大", "中", "小"),
)
FONT = ("字体", "字号", "字体大小", "文字大小")
TOPICS = ("安全生产大排查", "优化营商环境", "农村人居环境整治", "防汛抗旱", "基层治理现代化", "耕地保护", "城市更新", "义务教育")
DOCTYPES = ("通知", "意见", "公告", "情况通报", "批复", "通报")  # not the endings of the harness's titles: a diff would align them
PLACES = ("某某县", "城关镇", "高新区", "市住建局", "县农业农村局", "区应急管理局")
NAMES = ("张伟", "李娜", "王芳", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷婷", "吴海燕", "欧阳明")
ROLES = ("责任编辑", "编辑", "责编", "审核", "校对", "一审", "终审")
VIEWS = ("浏览次数", "浏览量", "点击数", "阅读次数", "访问量", "阅读量", "点击率")


def _title(rng: random.Random) -> str:
    shape = rng.randrange(3)
    if shape == 0:
        return f"关于做好{rng.choice(TOPICS)}工作的{rng.choice(DOCTYPES)}"
    if shape == 1:
        return f"{rng.choice(PLACES)}{rng.randint(2018, 2026)}年{rng.choice(TOPICS)}{rng.choice(DOCTYPES)}"
    return f"{rng.choice(PLACES)}召开{rng.choice(TOPICS)}推进会"


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)
    shape = rng.randrange(4)
    if shape == 0:
        return f"{y}-{m:02d}-{d:02d}"
    if shape == 1:
        return f"{y}-{m:02d}-{d:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}" + (
            f":{rng.randint(0, 59):02d}" if rng.random() < 0.5 else ""
        )
    if shape == 2:
        return f"{y}年{m}月{d}日"
    return f"{y}/{m:02d}/{d:02d}"


def _bracketed(rng: random.Random, word: str, pair: tuple[str, str] | None = None) -> str:
    left, right = pair or rng.choice(BRACKETS)
    return f"{left}{word}{right}"


# --- one line of furniture (or a few lines); each returns the block without its last line end ---
def breadcrumb(rng: random.Random) -> str:
    sep = rng.choice(SEPARATORS)
    pad = rng.choice(("", " ", " "))
    items = rng.sample(SECTIONS, rng.randint(1, 3))
    home = rng.choice(HOMES)
    opening = rng.choice(OPENINGS) + rng.choice(COLONS) + rng.choice(("", " ", "\u3000"))
    shape = rng.randrange(4)
    if shape == 0:  # opening, home and sections
        return opening + (pad + sep + pad).join([home, *items])
    if shape == 1:  # home and sections, no opening
        return (pad + sep + pad).join([home, *items])
    if shape == 2:  # opening and two or more sections, no home
        return opening + (pad + sep + pad).join(rng.sample(SECTIONS, rng.randint(2, 3)))
    # one item per line
    lines = [opening.strip()] if rng.random() < 0.7 else []
    for i, item in enumerate([home, *items]):
        if i:
            lines.append(sep)
        lines.append(item)
    return "\n".join(lines)


def control_bar(rng: random.Random) -> str:
    pair = rng.choice(BRACKETS)
    words = rng.sample(CONTROLS, rng.randint(2, 4))
    joint = rng.choice((" ", "  ", "\u3000", " | ", "|", "")) if pair[0] else rng.choice((" ", "  ", "\u3000", " | ", "|", " · ", "｜"))
    parts = [_bracketed(rng, w, pair) for w in words]
    if rng.random() < 0.3:
        parts.insert(rng.randint(0, len(parts)), font_switch(rng))
    return rng.choice(SPACES) + joint.join(parts)


def lone_control(rng: random.Random) -> str:
    word = rng.choice(("打印本页", "关闭窗口", "返回顶部", "回到顶部", "打印此页", "关闭本页", "加入收藏", "我要纠错", "返回列表"))
    return _bracketed(rng, word, rng.choice(BRACKETS[:-1])) if rng.random() < 0.7 else word


def font_switch(rng: random.Random) -> str:
    sizes = rng.choice(SIZES)
    inner = rng.choice(("", "[]", "【】")) if len(sizes[0]) == 1 and sizes[0] != "T" else ""
    joint = rng.choice((" ", "  ", "|", " | ", "\u3000", "")) if not inner else rng.choice((" ", ""))
    if joint == "" and not inner and sizes[0] in ("T", "A+"):
        joint = "|"
    shown = joint.join(f"{inner[:1]}{s}{inner[1:]}" for s in sizes)
    line = f"{rng.choice(FONT)}{rng.choice(COLONS)}{rng.choice(('', ' '))}{shown}"
    return _bracketed(rng, line, rng.choice(BRACKETS)) if rng.random() < 0.7 else line


def share_bar(rng: random.Random) -> str:
    lead = rng.choice(("分享到", "分享至", "分享", "一键分享")) + rng.choice(COLONS)
    platforms = rng.sample(PLATFORMS, rng.randint(2, 5))
    joint = rng.choice((" ", "  ", "、", " | ", "\u3000"))
    if rng.random() < 0.2:
        return "\n".join([lead, *platforms])
    return lead + rng.choice(("", " ")) + joint.join(platforms)


def adjacent_links(rng: random.Random) -> str:
    def link(word: str) -> str:
        target = _title(rng) if rng.random() < 0.85 else rng.choice(("没有了", "无", "已是第一篇", "已是最后一篇"))
        head = _bracketed(rng, word, rng.choice(BRACKETS[:2])) if rng.random() < 0.25 else word + rng.choice(COLONS)
        return head + rng.choice(("", " ")) + target

    prev_word = rng.choice(("上一篇", "上一条", "上篇", "上一篇文章"))
    next_word = {"上一篇": "下一篇", "上一条": "下一条", "上篇": "下篇", "上一篇文章": "下一篇文章"}[prev_word]
    shape = rng.randrange(4)
    if shape == 0:
        return link(prev_word)
    if shape == 1:
        return link(next_word)
    if shape == 2:
        return link(prev_word) + "\n" + link(next_word)
    return link(prev_word) + rng.choice(("  ", "\u3000", " ")) + link(next_word)


def pager(rng: random.Random) -> str:
    pages = rng.randint(2, 30)
    current = rng.randint(1, pages)
    numbers = " ".join(str(n) for n in range(1, min(pages, rng.randint(2, 8)) + 1))
    sp = rng.choice((" ", "  ", "\u3000"))
    shape = rng.randrange(6)
    if shape == 0:
        return sp.join([f"共{pages}页", "首页", "上一页", numbers, "下一页", "尾页"])
    if shape == 1:
        return sp.join(["首页", "上一页", "下一页", rng.choice(("尾页", "末页")), f"共{pages}页"])
    if shape == 2:
        return f"第{current}页/共{pages}页" + rng.choice(("", sp + "首页 上一页 下一页 尾页"))
    if shape == 3:
        return sp.join([f"共{pages * 10}条记录", f"{current}/{pages}页", "首页", "上一页", "下一页", "尾页"])
    if shape == 4:
        return sp.join(_bracketed(rng, w, ("[", "]")) for w in ("首页", "上一页", "下一页", "尾页")) + sp + f"共{pages}页"
    return f"页次：{current}/{pages}页" + sp + sp.join(["首页", "上一页", "下一页", "尾页"])


def page_footer(rng: random.Random) -> str:
    pages = rng.randint(2, 40)
    n = rng.randint(1, pages)
    sp = rng.choice(("", " "))
    shape = rng.randrange(5)
    if shape == 0:
        return f"第{sp}{n}{sp}页{rng.choice((' ', '  ', '，', ',', '/', ' / '))}共{sp}{pages}{sp}页"
    if shape == 1:
        return f"共{pages}页{rng.choice((' ', '  '))}第{n}页"
    dash = rng.choice(("-", "—", "－", "–"))
    gap = rng.choice((" ", "", "  "))
    return f"{dash}{gap}{n}{gap}{dash}"


def vertical_run(rng: random.Random) -> str:
    groups = [
        ["【字体：", "大", "中", "小", "】"],
        ["【字体：", "小", "中", "大", "】"],
        ["【字号：", "加大", "还原", "减小", "】"],
        ["字号：", "大", "中", "小"],
        ["【", "打印本页", "】"],
        ["【", "关闭窗口", "】"],
        ["分享到：", "微信", "微博", "QQ空间"],
        ["收藏", "|", "分享到:"],
        ["×"],
    ]
    lines: list[str] = []
    for _ in range(rng.randint(1, 3)):
        lines += rng.choice(groups) if rng.random() < 0.5 else [rng.choice(CONTROLS)]
    if rng.random() < 0.5:
        lines = rng.sample(("下载", "打印", "全屏", "收藏", "分享", "纠错", "关闭"), rng.randint(2, 4)) + lines
    while len(lines) < 3:
        lines.append(rng.choice(("打印", "关闭", "收藏", "下载")))
    if rng.random() < 0.2:
        return "\n\n".join(lines)
    return "\n".join(lines)


def scan_prompt(rng: random.Random) -> str:
    return rng.choice(
        ("扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面", "手机扫一扫，打开当前页", "扫一扫在手机打开", "用手机扫一扫打开本页")
    )


LINE_MAKERS = (breadcrumb, control_bar, lone_control, font_switch, share_bar, adjacent_links, pager, page_footer, vertical_run, scan_prompt)


def editor_credit(rng: random.Random) -> str:
    left, right = rng.choice((("（", "）"), ("(", ")"), ("【", "】"), ("[", "]"), ("［", "］")))
    colon = rng.choice(COLONS)
    people = rng.choice(("", *NAMES, f"{rng.choice(NAMES)} {rng.choice(NAMES)}", f"{rng.choice(NAMES)}、{rng.choice(NAMES)}"))
    body = f"{rng.choice(ROLES[:3])}{colon}{rng.choice(('', ' '))}{people}"
    if rng.random() < 0.25:
        body += f" {rng.choice(ROLES[3:])}{colon}{rng.choice(NAMES)}"
    if rng.random() < 0.2:  # broken by the scraper
        cut = body.index(colon) + 1 if rng.random() < 0.5 else len(body)
        body = body[:cut] + "\n" + rng.choice(("", " ")) + body[cut:]
    return f"{left}{body}{right}"


def header_line(rng: random.Random) -> str:
    fields = [
        f"{rng.choice(('发布时间', '发布日期', '发表时间', '更新时间'))}{rng.choice(COLONS)}{_date(rng)}",
        f"{rng.choice(('来源', '信息来源', '文章来源'))}{rng.choice(COLONS)}{rng.choice(PLACES)}",
        f"{rng.choice(VIEWS)}{rng.choice(COLONS)}{rng.randint(1, 99999)}",
        f"{rng.choice(('作者', '发布机构', '发布者'))}{rng.choice(COLONS)}{rng.choice(PLACES + NAMES)}",
    ]
    chosen = rng.sample(fields, rng.randint(2, 4))
    return rng.choice(("  ", " ", "\u3000", " | ", "    ")).join(chosen)


def _slid(text: str, start: int, end: int, line: bool = False) -> tuple[int, int]:
    """The span of a deletion of text[start:end], widened to every place a diff may put the same
    deletion: it slides right while the character after it repeats its first, left while the
    character before it repeats its last. `line`: a deleted line, which may also go with the line
    end before it."""
    left, right = start, end
    while right < len(text) and text[right] == text[start + (right - end) % (end - start)]:
        right += 1
    while left > 0 and text[left - 1] == text[end - 1 - (start - left) % (end - start)]:
        left -= 1
    return (max(min(left, start - 1), 0) if line else left), right


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    pick = rng.random()
    if pick < 0.1:  # an editor credit after the last sentence of a paragraph, or on its own line
        credit = editor_credit(rng)
        host = rng.choice(hosts)
        if rng.random() < 0.6:
            text, at = document(rng, hosts, host + credit)
            start = at + len(host)
            return Case(
                text,
                text[:start] + text[start + len(credit) :],
                text[:start] + text[start + len(credit) :],
                (_slid(text, start, start + len(credit) + 1),),
                f"credit {credit!r}",
            )
        text, at = document(rng, hosts, credit)
        while len(text) < 6 * len(credit) + 20:
            text += rng.choice(hosts) + "\n"
        fixed = text[:at] + text[at + len(credit) + 1 :]
        return Case(text, fixed, fixed, (_slid(text, at, at + len(credit) + 1, line=True),), f"credit line {credit!r}")
    if pick < 0.17:  # a CMS header line: page metadata, reported and kept
        line = header_line(rng)
        text, at = document(rng, hosts, line)
        return Case(text, text, text, (_slid(text, at, at + len(line)),), f"header {line!r}")
    if pick < 0.25:  # a page footer inside a paragraph the PDF wrapped: the halves are joined
        host = rng.choice([h for h in (rng.choice(hosts) for _ in range(8)) if "，" in h[10:-10]] or hosts[:1])
        cuts = [i + 1 for i, ch in enumerate(host) if ch == "，" and 10 < i < len(host) - 10 and "\u4e00" <= host[i + 1] <= "\u9fff"]
        if cuts:
            cut = rng.choice(cuts)
            footer = page_footer(rng)
            middle = host[:cut] + "\n" + footer + "\n" + host[cut:]
            text, at = document(rng, hosts, middle)
            fixed = text[:at] + host + text[at + len(middle) :]
            return Case(text, fixed, fixed, (_slid(text, at + cut, at + cut + len(footer) + 2),), f"footer in a paragraph {footer!r}")
    make = rng.choice(LINE_MAKERS)
    block = make(rng)
    text, at = document(rng, hosts, block, title=rng.random() < 0.7)
    while len(text) < 6 * len(block) + 20:  # enough of the document around it for the deletion guard
        text += rng.choice(hosts) + "\n"
    fixed = text[:at] + text[at + len(block) + 1 :]
    # the span takes in the line end before the block too: a deleted line may be aligned either way
    return Case(text, fixed, fixed, (_slid(text, at, at + len(block) + 1, line=True),), f"{make.__name__} {block!r}")


# --- legitimate lines of the same shape ---
def _trap_line(rng: random.Random) -> str:
    n = rng.randint(1, 30)
    year = rng.randint(2015, 2026)
    makers = (
        lambda: f"{rng.choice(('县政发', '市政办发', '区农发'))}{rng.choice('〔[［')}{year}{rng.choice('〕]］')}{n}号",
        lambda: f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        lambda: f"{year}-{year + 1}学年",
        lambda: f"{rng.randint(300, 366)}天-{rng.randint(10, 200)}天={rng.randint(100, 300)}天",
        lambda: f"{rng.randint(10, 99)}＝{rng.randint(1, 9)}×{rng.randint(1, 9)}",
        lambda: f"{rng.randint(10, 99)}÷{rng.randint(1, 9)}",
        lambda: rng.choice(("目录", "附件", "附件1", "附件：", "前言", "结束语", "说明")),
        lambda: f"时间：{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日{rng.choice(('上午', '下午', ''))}{rng.randint(8, 17)}时",
        lambda: f"{rng.choice(('时间', '会议时间'))}：{rng.randint(1, 12)}月{rng.randint(1, 28)}日（星期{rng.choice('一二三四五')}）",
        lambda: f"{rng.choice(('地点', '会议地点'))}：{rng.choice(PLACES)}{rng.choice(('三楼会议室', '综合楼201室', '党员活动室'))}",
        lambda: f"{rng.choice(('（一）', '一、', '1.'))}{rng.choice(('时间', '地点'))}：{year}年{rng.randint(1, 12)}月",
        lambda: rng.choice(PLACES) + rng.choice(("人民政府", "办公室", "")) + f"\n{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        lambda: rng.choice(("上一年度工作完成情况", "下一步工作打算", "（三）下一步工作计划", "上一阶段工作回顾", "下一篇章")),
        lambda: rng.choice(
            (
                "请各单位自行下载打印后填写，于月底前报送。",
                "会议结束后关闭窗口并打印本页材料。",
                "点击返回首页即可查看全部内容。",
                "本方案共3页，请逐页核对。",
                "详见第2页第三段。",
            )
        ),
        lambda: f"（{rng.choice(('编辑', '责任编辑'))}：负责{rng.choice(('稿件的采集、编辑和审核', '栏目内容的策划与审校', '审核'))}）",
        lambda: f"（编辑：{rng.randint(2, 6)}人）",
        lambda: rng.choice(
            (
                "首页→个人中心→我的办件，即可查询办理进度。",
                "位置：县城东南5公里处",
                "地理位置：东经112度，北纬35度",
                "首页设置便民服务专栏，方便群众查询。",
            )
        ),
        lambda: rng.choice(("交流分享：各单位介绍了经验做法。", "分享到微信群的材料须经审核。", "通过微信、微博、抖音等平台广泛宣传。")),
        lambda: "\n".join(
            rng.choice(
                (
                    ("安全第一", "预防为主", "综合治理"),
                    ("分享", "交流", "互鉴"),
                    ("收藏", "展示", "研究"),
                    ("一、下载", "二、打印", "三、收藏"),
                    ("风险等级", "高", "中", "低"),
                    ("企业规模", "大", "中", "小", "微"),
                    ("微信", "微博", "抖音"),
                )
            )
        ),
        lambda: rng.choice(("【典型案例】", "【工作目标】", "【打印须知】请使用A4纸双面打印。")),
        lambda: f"——{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日在全县工作会议上",
        lambda: f"第{rng.choice('一二三四五六')}章 总则",
    )
    return rng.choice(makers)()


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    line = _trap_line(rng)
    return untouched(rng, hosts, line, f"trap {line!r}", title=rng.random() < 0.7)
