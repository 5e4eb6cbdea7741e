"""Page furniture in the wider vocabulary of real page templates (government portals, 帝国/织梦/PHPCMS
article pages, WordPress Chinese themes), written without reading the rules: clusters of it before
the title and after the last paragraph, as a scraper leaves them. Each line of a cluster is one
artifact: bars of UI items, breadcrumbs, metadata lines (reported and kept), empty credit fields,
pagers, previous/next links, related-article headings with their title lists, share bars, site
footers, and weak lines (one control word, one footer field) that only their cluster makes
furniture. Traps: the document's own lines of the same shape (an attachment list, the issuing
office's contact line, a cited source, a heading about printing, a signature block, a table row,
an event's organisers, prose about the next step, a law article about copyright or downloads)
and weak lines with no furniture beside them."""

from __future__ import annotations

import random

from . import Case, untouched

FAMILY = "furniture-wide"
CATEGORY = "boilerplate"

# --- a page's vocabulary (collected from article-page templates and portal footers) ---
CONTROL_VERBS = ("打印", "关闭", "返回", "收藏", "分享", "转发", "推荐", "纠错", "评论", "订阅", "下载", "复制", "朗读", "置顶")
CONTROL_ITEMS = (
    "打印本文",
    "打印正文",
    "打印该页",
    "关闭本文",
    "关闭此页",
    "返回上一页",
    "返回顶部",
    "回到顶部",
    "顶部",
    "TOP",
    "收藏本文",
    "加入收藏夹",
    "推荐本文",
    "我要纠错",
    "网站纠错",
    "我要评论",
    "发表评论",
    "RSS订阅",
    "订阅本栏目",
    "登录",
    "注册",
    "登录/注册",
    "下载附件",
    "下载本文",
    "下载PDF",
    "扫码阅读",
    "手机阅读",
    "二维码",
    "手机版",
    "网站地图",
    "无障碍",
    "无障碍浏览",
    "长者模式",
    "关怀版",
    "繁體",
    "简体",
    "English",
    "复制链接",
    "语音播报",
)
FONT_WORDS = ("字体", "字号", "文字", "字体大小")
FONT_SIZES = (("大", "中", "小"), ("小", "中", "大"), ("A+", "A", "A-"), ("大", "小"), ("放大", "默认", "缩小"))
BRACKETS = (("【", "】"), ("[", "]"), ("［", "］"), ("〖", "〗"), ("『", "』"), ("", ""))
ITEM_JOINTS = (" ", "  ", "\u3000", " | ", "|", "｜", " · ", "·", " / ")

OPENINGS = ("您的位置", "当前位置", "所在位置", "您现在所在的位置", "您当前所在位置", "当前页", "你的位置", "位置")
HOMES = ("首页", "网站首页", "门户首页", "主站首页", "首 页")
SECTIONS = (
    "政务服务",
    "互动交流",
    "新闻动态",
    "政府文件",
    "市政府文件",
    "政策法规",
    "规范性文件",
    "人事任免",
    "计划规划",
    "政府工作报告",
    "领导讲话",
    "部门信息",
    "乡镇街道",
    "工作总结",
    "年度报告",
    "本地要闻",
    "媒体聚焦",
    "热点专题",
    "文件资料",
    "公文公告",
    "政务要闻",
)
CRUMB_SEPARATORS = (">", "》", "»", "›", "→", "/", "-", "－", ">>", "＞", "》》", "->")

META_FIELDS = (
    "来源",
    "作者",
    "发布时间",
    "发布日期",
    "更新时间",
    "浏览次数",
    "阅读量",
    "点击数",
    "信息来源",
    "发布者",
    "访问量",
    "文章来源",
    "稿源",
)
OUTLETS = ("市政府办公室", "县融媒体中心", "区政务服务中心", "人民网", "新华网", "本网", "市统计局", "晚报", "客户端")
CREDIT_ROLES = ("编辑", "责任编辑", "责编", "审核", "校对", "终审")

RELATED_HEADINGS = (
    "相关阅读",
    "相关文章",
    "推荐阅读",
    "猜你喜欢",
    "热门文章",
    "相关新闻",
    "相关稿件",
    "延伸阅读",
    "热点推荐",
    "最新文章",
    "精彩推荐",
    "阅读排行",
)
PREV_NEXT = (("上一篇", "下一篇"), ("上一条", "下一条"), ("上一篇文章", "下一篇文章"), ("前一篇", "后一篇"), ("上篇", "下篇"))

SHARE_LEADS = ("分享到", "分享至", "分享", "转发到", "一键分享", "分享本文")
PLATFORMS = (
    "微信",
    "朋友圈",
    "微博",
    "新浪微博",
    "QQ空间",
    "QQ",
    "抖音",
    "快手",
    "小红书",
    "钉钉",
    "今日头条",
    "邮件",
    "复制链接",
    "人民号",
)

PROVINCES = ("京", "沪", "苏", "浙", "粤", "鲁", "豫", "川", "鄂", "湘", "皖", "闽", "赣", "冀", "晋", "辽")
ISSUERS = ("某某市人民政府办公室", "县人民政府", "区大数据管理局", "市发展和改革委员会", "某某镇人民政府", "县政务服务中心")
RESOLUTIONS = ("1920×1080", "1366*768", "1280x1024")
VENDORS = ("某某信息技术有限公司", "市大数据中心", "县信息中心", "某某网络科技公司")

TOPICS = ("优化营商环境", "安全生产", "防汛备汛", "老旧小区改造", "乡村振兴", "基层减负", "数字政府建设", "就业促进")
DOCTYPES = ("的通知", "实施方案", "工作要点", "情况通报", "的意见", "推进会召开")


def _pick(rng: random.Random, words: tuple[str, ...], low: int, high: int) -> list[str]:
    return rng.sample(words, rng.randint(low, min(high, len(words))))


def _short_title(rng: random.Random) -> str:
    shape = rng.randrange(3)
    if shape == 0:
        title = f"关于{rng.choice(TOPICS)}{rng.choice(DOCTYPES)}"
    elif shape == 1:
        title = f"{rng.choice(ISSUERS)}{rng.choice(TOPICS)}{rng.choice(DOCTYPES)}"
    else:
        title = f"{rng.randint(2019, 2026)}年{rng.choice(TOPICS)}{rng.choice(DOCTYPES)}"
    if rng.random() < 0.3:
        title += rng.choice((" ", "  ", "\u3000")) + f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return title


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        (
            f"{y}-{m:02d}-{d:02d}",
            f"{y}-{m:02d}-{d:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
            f"{y}年{m:02d}月{d:02d}日",
            f"{y}/{m}/{d}",
        )
    )


# --- lines of furniture: (text, deleted); a kept line (page metadata) is reported, not deleted ---
def control_bar(rng: random.Random) -> tuple[str, bool]:
    left, right = rng.choice(BRACKETS)
    items = _pick(rng, CONTROL_VERBS + CONTROL_ITEMS, 2, 5)
    if rng.random() < 0.3:
        sizes = " ".join(rng.choice(FONT_SIZES))
        items.insert(rng.randint(0, len(items)), f"{rng.choice(FONT_WORDS)}{rng.choice('：:')}{sizes}")
    joint = rng.choice(ITEM_JOINTS) if left else rng.choice(ITEM_JOINTS[:7])
    return joint.join(f"{left}{item}{right}" for item in items), True


def breadcrumb(rng: random.Random) -> tuple[str, bool]:
    sep = rng.choice(CRUMB_SEPARATORS)
    pad = rng.choice(("", " ", "  "))
    parts = [rng.choice(HOMES), *_pick(rng, SECTIONS, 1, 3)] if rng.random() < 0.7 else _pick(rng, SECTIONS, 2, 3)
    trail = (pad + sep + pad).join(parts)
    if parts[0] in HOMES and rng.random() < 0.4:
        return trail, True
    opening = rng.choice(OPENINGS)
    if opening == "位置" and parts[0] not in HOMES:  # 位置：A区-B栋 is an address: a bare 位置 only before 首页
        trail = (pad + sep + pad).join([rng.choice(HOMES), *parts])
    return f"{opening}{rng.choice('：:')}{rng.choice(('', ' '))}{trail}", True


def metadata_line(rng: random.Random) -> tuple[str, bool]:
    fields = []
    for name in _pick(rng, META_FIELDS, 2, 4):
        if name in ("浏览次数", "阅读量", "点击数", "访问量"):
            value = str(rng.randint(0, 99999))
        elif "时间" in name or "日期" in name:
            value = _date(rng)
        elif name == "作者":
            value = rng.choice(("张明", "李晓红", "王建国", "本网记者", "通讯员 刘军"))
        else:
            value = rng.choice(OUTLETS)
        fields.append(f"{name}{rng.choice('：:')}{rng.choice(('', ' '))}{value}")
    return rng.choice(("  ", " ", "\u3000", " | ", "｜", "    ")).join(fields), False


def empty_field(rng: random.Random) -> tuple[str, bool]:
    role = rng.choice(CREDIT_ROLES)
    colon = rng.choice("：:")
    if rng.random() < 0.5:
        left, right = rng.choice((("【", "】"), ("（", "）"), ("[", "]"), ("(", ")")))
        return f"{left}{role}{colon}{right}", True
    return f"{rng.choice(CREDIT_ROLES[:3])}{colon}", True  # bare, only the page's own editor fields: a bare 审核： may be a form's


def pager(rng: random.Random) -> tuple[str, bool]:
    pages = rng.randint(2, 20)
    n = rng.randint(1, pages)
    shape = rng.randrange(5)
    if shape == 0:
        return f"第{n}页", True
    if shape == 1:
        return f"共{pages}页", True
    if shape == 2:
        numbers = " ".join(f"[{i}]" if rng.random() < 0.5 else str(i) for i in range(1, min(pages, 6) + 1))
        return f"{numbers} 下一页", True
    if shape == 3:
        return rng.choice(("  ", " ")).join(["首页", "上一页", *[str(i) for i in range(1, min(pages, 5) + 1)], "下一页", "尾页"]), True
    return f"共{pages}页{rng.choice(('', ' '))}当前第{n}页", True


def prev_next(rng: random.Random) -> tuple[str, bool]:
    prev, nxt = rng.choice(PREV_NEXT)
    word = prev if rng.random() < 0.5 else nxt
    target = _short_title(rng) if rng.random() < 0.8 else rng.choice(("没有了", "暂无", "无"))
    if rng.random() < 0.3:
        left, right = rng.choice((("【", "】"), ("[", "]"), ("« ", ""), ("< ", "")))
        return f"{left}{word}{right}{rng.choice(('', ' '))}{target}", True
    return f"{word}{rng.choice('：:')}{rng.choice(('', ' '))}{target}", True


def share_bar(rng: random.Random) -> tuple[str, bool]:
    platforms = _pick(rng, PLATFORMS, 2, 5)
    return f"{rng.choice(SHARE_LEADS)}{rng.choice('：:')}{rng.choice(('', ' '))}" + rng.choice((" ", "  ", "、", " | ", "\u3000")).join(
        platforms
    ), True


def footer_line(rng: random.Random) -> tuple[str, bool]:
    issuer = rng.choice(ISSUERS)
    shape = rng.randrange(7)
    if shape == 0:  # 版权所有 alone is a printed book's too: a site's beside its filing
        owner = f"版权所有{rng.choice(('：', ':', ' ', '©', '：© '))}{issuer}"
        return f"{owner}{rng.choice(('  ', ' ', ' | '))}网站标识码：{rng.randint(10**9, 10**10 - 1)}", True
    if shape == 1:  # 主办单位/承办单位 alone are an event's too: a site's only beside its filings
        return f"主办单位：{issuer}{rng.choice(('  ', ' ', '　'))}{rng.choice(PROVINCES)}ICP备{rng.randint(10**7, 10**8 - 1)}号", True
    if shape == 2:
        return f"{rng.choice(PROVINCES)}ICP备{rng.randint(10000000, 99999999)}号" + rng.choice(("", f"-{rng.randint(1, 9)}")), True
    if shape == 3:
        return f"{rng.choice(PROVINCES)}公网安备 {rng.randint(10**13, 10**14 - 1)}号", True
    if shape == 4:
        return f"网站标识码{rng.choice(('：', ':', ''))}{rng.randint(10**9, 10**10 - 1)}", True
    if shape == 5:
        return f"Copyright {rng.choice(('©', '(C)', ''))} {rng.randint(2010, 2026)} {issuer} All Rights Reserved", True
    browser = rng.choice(("IE9", "IE10", "Chrome", "谷歌", "火狐"))
    return (
        f"建议使用{browser}{rng.choice(('及以上版本', '以上', ''))}浏览器{rng.choice(('，', ' ', ''))}{rng.choice(RESOLUTIONS)}分辨率浏览",
        True,
    )


CERTAIN_MAKERS = (control_bar, breadcrumb, metadata_line, empty_field, pager, prev_next, share_bar, footer_line)


# --- weak lines: furniture only inside a cluster ---
def weak_line(rng: random.Random) -> tuple[str, bool]:
    shape = rng.randrange(4)
    if shape == 0:
        return rng.choice(CONTROL_VERBS), True
    if shape == 1:
        return rng.choice(CONTROL_ITEMS[:12]), True
    if shape == 2:  # a footer's field an event also has, or a link of the site (not an address or
        # a phone number: the issuing office's contact lines look the same)
        return rng.choice(
            (
                f"主办：{rng.choice(ISSUERS)}",
                f"版权所有：{rng.choice(ISSUERS)}",
                f"承办单位：{rng.choice(VENDORS)}",
                f"技术支持：{rng.choice(VENDORS)}",
                "网站地图",
                "联系我们",
                "关于我们",
            )
        ), True
    return f"{rng.choice(META_FIELDS[:3])}{rng.choice('：:')}{rng.choice(OUTLETS)}", False


def related_list(rng: random.Random) -> list[tuple[str, bool]]:
    heading = rng.choice(RELATED_HEADINGS) + rng.choice(("", "：", ":"))
    return [(heading, True)] + [(_short_title(rng), True) for _ in range(rng.randint(1, 4))]


def cluster(rng: random.Random, at_tail: bool) -> list[tuple[str, bool]]:
    """A block of furniture: a few certain lines with weak ones among them; at the tail, maybe a
    related-article list last."""
    lines: list[tuple[str, bool]] = []
    for _ in range(rng.randint(1, 3)):
        lines.append(rng.choice(CERTAIN_MAKERS)(rng))
        if rng.random() < 0.4:
            lines.insert(rng.randint(0, len(lines)), weak_line(rng))
    if at_tail and rng.random() < 0.35:
        lines += related_list(rng)
    return lines


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    title = _short_title(rng).split(" ")[0].split("\u3000")[0]
    body = [rng.choice(hosts) for _ in range(rng.randint(3, 6))]
    where = rng.randrange(3)
    head = cluster(rng, False) if where != 1 else []
    tail = cluster(rng, True) if where != 0 else []
    furniture = sum(len(line) for line, _ in head + tail)
    while sum(map(len, body)) < 6 * furniture:  # enough of the document for the deletion guard
        body.append(rng.choice(hosts))
    lines = [*head, (title, None), *[(b, None) for b in body], *tail]
    text = fixed = ""
    spans = []
    for line, deleted in lines:
        start = len(text)
        text += line + "\n"
        if deleted is None or not deleted:
            fixed += line + "\n"
        if deleted is not None:
            spans.append((max(start - 1, 0), start + len(line) + 1))
    what = " / ".join(line for line, deleted in lines if deleted is not None)
    return Case(text, fixed, fixed, tuple(spans), f"cluster {what!r}")


# --- the document's own lines of the same shape ---
def _trap_line(rng: random.Random) -> str:
    issuer = rng.choice(ISSUERS)
    year = rng.randint(2018, 2026)
    makers = (
        lambda: "附件：\n" + "\n".join(f"{i}.{_short_title(rng).split(' ')[0]}" for i in range(1, rng.randint(2, 4))),
        lambda: f"联系人：{rng.choice(('王某某', '李明'))}{rng.choice(('，', '  ', ' '))}联系电话：0371-{rng.randint(10**6, 10**7)}",
        lambda: f"联系人：{rng.choice(('王某某', '李明'))}\n联系电话：{rng.randint(13000000000, 13999999999)}",
        lambda: f"以上数据来源：{rng.choice(('国家统计局', '市统计局', '县农业农村局'))}。",
        lambda: f"据统计，全年完成投资{rng.randint(10, 99)}亿元（来源：{rng.choice(ISSUERS)}），同比增长{rng.randint(1, 9)}%。",
        lambda: rng.choice(("一、关于打印和复印管理", "（二）打印、复印和扫描设备管理", "三、下载和使用规范", "（一）分享经验做法")),
        lambda: f"{issuer}\n{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        lambda: f"{issuer}办公室\n（此件公开发布）",
        lambda: " | ".join(rng.sample(("序号", "项目名称", "责任单位", "完成时限", "投资额"), 4)),
        lambda: f"| {rng.randint(1, 9)} | {rng.choice(TOPICS)} | {rng.choice(ISSUERS)} | {year}年底 |",
        lambda: f"主办单位：{rng.choice(('县委宣传部', '团县委'))}\n承办单位：{rng.choice(('县文化馆', '图书馆'))}",
        lambda: f"本手册第一页列出了{rng.choice(('办事流程', '联系方式', '申报条件'))}，第二页为常见问题。",
        lambda: rng.choice(
            (
                "对照上一年度目标，全面完成各项任务。",
                "下一步，我们将继续加大工作力度。",
                "返回式卫星搭载育种试验取得新进展。",
                "各单位要相互分享经验，共同提高。",
            )
        ),
        lambda: (
            f"第{rng.choice(('十二', '二十', '三十五'))}条 未经著作权人许可，任何组织和个人不得复制、下载、传播其作品，法律另有规定的除外。"
        ),
        lambda: f"第{rng.choice(('八', '十', '十六'))}条 网站版权所有人应当依法保护用户信息。",
        lambda: f"版权所有：{issuer}",
        lambda: rng.choice(("打印\n复印\n扫描", "收藏\n展示\n研究", "分享\n交流\n合作")),
        lambda: f"作者：{rng.choice(('县委办公室', '王建国'))}",
        lambda: "二维码扫描、登录注册等功能已全部接入统一平台。",
        lambda: f"技术支持：由{rng.choice(VENDORS)}负责平台日常运维。",
        lambda: f"共{rng.randint(3, 9)}页的报告已印发各单位。",
        lambda: rng.choice(("相关文章的撰写要求见附件。", "推荐阅读书目由县图书馆提供。", "热门文章评选结果如下。")),
    )
    return rng.choice(makers)()


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    line = _trap_line(rng)
    return untouched(rng, hosts, line, f"trap {line!r}", title=rng.random() < 0.7)
