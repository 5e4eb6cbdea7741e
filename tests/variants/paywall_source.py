"""Paywall notices of the many sources a copy is scraped from, beyond the document libraries:
forums and their hide plug-ins (Discuz!, phpBB, WordPress: 本帖隐藏的内容需回复才可浏览, 部分链接隐藏，
注册或登录后显示), mobile apps (打开APP阅读全文), social-media and news articles (关注作者后可阅读
全文, 订阅后阅读剩余70%), PDF converters and OCR tools (免费版仅转换前3页, 今日识别额度已用完), cloud
drives (预览仅显示前10页) and the libraries' own new wordings (展开阅读全文, 下载资源需要8金币). Read
by the evidence, not by phrases: a count of what is left or shown (pages, characters, percent, the
first N pages) × a condition (pay, a membership, coins, points, a quota, a login, an app, a reply,
a share, a follow, an advert) × the act (read, download, unlock, convert, show), in any order, with
the wordings invented here from real pages (searched, not read from the rules). Not generated:
a gate of 转发 (forwarding) or on an 附件, words a notice uses for the documents it forwards and
attaches (`现将…转发给你们，请认真阅读全文`).

In a document with a body the notice's line goes. Traps: the issuer's own lines with the same
words: its official account, a form to download from its site, a library's or museum's free
reading and membership, statistics about apps and members, a law article about 版权 and 付费."""

from __future__ import annotations

import random

from . import Case, beside_host, deleted_span, document, paragraphs, untouched

FAMILY = "paywall-source"
CATEGORY = "paywall"

APPS = ("APP", "App", "app", "客户端", "{brand}APP", "{brand}App")
BRANDS = ("知讯", "云阅", "墨读", "掌上文库", "易读", "头条", "拾光")
CONDITIONS = (
    "登录",
    "注册",
    "注册或登录",
    "登录账号",
    "回复",
    "回复本帖",
    "评论",
    "评论本文",
    "关注作者",
    "关注博主",
    "关注公众号",
    "分享到朋友圈",
    "观看广告",
    "看一段广告",
    "订阅",
    "订阅专栏",
    "购买专栏",
    "开通会员",
    "开通VIP",
    "升级会员",
    "购买正式版",
    "升级专业版",
    "支付{price}",
    "使用{coins}",
    "消耗{coins}",
    "打开{app}",
    "下载{app}",
    "前往{app}",
    "在{app}内",
    "扫码打开{app}",
)
PRICES = ("1元", "2.9元", "5元", "9.9元", "19元")
COINS = ("8金币", "5积分", "10个积分", "3下载券", "2个阅读币", "20点数", "6个币")
ACTS = ("阅读", "查看", "浏览", "继续阅读", "解锁", "下载", "显示", "阅读完整版", "转换", "识别", "免费阅读", "获取")
AFTERS = ("后", "后即可", "后可", "即可", "才能", "才可以", "后方可")
OBJECTS = (
    "全文",
    "完整内容",
    "全部内容",
    "完整文档",
    "剩余内容",
    "剩余部分",
    "隐藏内容",
    "本帖隐藏的内容",
    "全部页面",
    "完整版",
    "原文",
    "后续内容",
    "更多内容",
)
NEEDS = ("需", "需要", "请", "请先", "须", "")
SHOWN = ("前3页", "前5页", "前10页", "前2000字", "前500字", "前20%", "前30%")
LEFT = ("剩余{n}%", "还剩{n}%", "剩余{p}页", "还剩{p}页", "余下{n}%", "其余{p}页")
PREFIXES = ("", "", "", "……", "…", "↓", "▼", "(...)")
SUFFIXES = ("", "", "。", "！", ">>", "→", "…", " >", "~")
BRACKETS = (("", ""), ("", ""), ("（", "）"), ("【", "】"), ("[", "]"), ("「", "」"), ("<", ">"))
SEPS = ("，", ",", " ", "；", "")


def _fill(rng: random.Random, text: str) -> str:
    app = rng.choice(APPS).format(brand=rng.choice(BRANDS))
    return text.format(app=app, price=rng.choice(PRICES), coins=rng.choice(COINS), n=rng.randint(15, 95), p=rng.randint(2, 60))


def _gate(rng: random.Random) -> str:
    """A condition and the act it opens: `注册或登录后显示`, `打开APP即可阅读`."""
    act = "后可见" if rng.random() < 0.1 else rng.choice(AFTERS) + rng.choice(ACTS)
    return rng.choice(NEEDS) + _fill(rng, rng.choice(CONDITIONS)) + act


def _notice(rng: random.Random) -> tuple[str, str]:
    pick = rng.choice
    sep = pick(SEPS)
    source = pick(("forum", "forum", "app", "social", "news", "converter", "ocr", "drive", "library", "percent"))
    if source == "forum":  # a hide plug-in of a forum or a blog
        what = pick(("本帖隐藏的内容", "此处内容", "该内容", "部分内容", "部分链接", "图片", "下载地址", "隐藏内容", "本段内容"))
        state = pick(("已隐藏", "已被隐藏", "隐藏", "被作者隐藏", ""))
        body = f"{what}{state}{sep}{_gate(rng)}" if state else f"{what}{_gate(rng)}"
    elif source == "app":  # the rest is in the mobile app
        body = pick(
            (f"{_gate(rng)}{pick(OBJECTS)}", f"{pick(OBJECTS)}{pick(NEEDS)}{_fill(rng, pick(CONDITIONS[-5:]))}{pick(AFTERS)}{pick(ACTS)}")
        )
    elif source == "social":  # a social-media article's gate
        cond = pick(("关注作者", "关注博主", "关注公众号", "分享到朋友圈", "观看广告", "点赞并关注"))
        body = pick(
            (
                f"{cond}{pick(AFTERS)}{pick(ACTS)}{pick(OBJECTS)}",
                f"{pick(('阅读', '查看', '解锁'))}{pick(OBJECTS)}{sep}{pick(NEEDS)}{cond}",
                f"展开{pick(('全文', '阅读全文', '剩余内容'))}",
                f"展开{pick(('全文', '阅读全文'))}{sep}{_gate(rng)}",
            )
        )
    elif source == "news":  # a news site's metered or subscribed article
        left = _fill(rng, pick(LEFT))
        body = pick(
            (
                f"{left}{sep}{_gate(rng)}",
                f"本文为{pick(('付费', '订阅', '会员'))}内容{sep}{_gate(rng)}{pick(OBJECTS)}",
                f"您已阅读{rng.randint(2, 9)}篇免费文章{sep}{_gate(rng)}",
            )
        )
    elif source == "converter":  # a PDF converter's trial
        version = pick(("免费版", "试用版", "未注册版本", "非会员", "体验版"))
        body = f"{version}{pick(('仅', '只能', '只'))}{pick(('转换', '导出', '显示'))}{pick(SHOWN)}" + pick(
            ("", f"{sep}{_gate(rng)}{pick(OBJECTS)}")
        )
    elif source == "ocr":  # an OCR tool's quota
        quota = pick(
            ("今日识别额度已用完", "免费识别次数已用完", "本月免费额度已达上限", "免费用户每日仅可识别3次", "识别字数已超出免费额度")
        )
        body = quota + pick(("", f"{sep}{_gate(rng)}"))
    elif source == "drive":  # a cloud drive's preview
        shown = pick(SHOWN)
        body = pick(
            (
                f"{pick(('文件', '文档', ''))}预览仅显示{shown}{sep}{_gate(rng)}{pick(OBJECTS)}",
                f"在线预览仅支持{shown}{sep}{_gate(rng)}",
                f"预览已达上限{sep}{pick(('请保存到网盘后查看', '请下载后查看完整文档'))}",
            )
        )
    elif source == "library":  # a document library's new wordings
        body = pick(
            (
                f"展开阅读全文{pick(('', '∨', ' ↓'))}",
                f"点击查看更多{pick(('', '>>', '…'))}",
                f"下载资源需要{pick(COINS)}",
                f"该文档仅提供{pick(SHOWN)}预览{sep}{_gate(rng)}{pick(OBJECTS)}",
                f"{_fill(rng, pick(LEFT))}未读{sep}{pick(('继续阅读', '点击继续阅读', '展开阅读全文'))}",
            )
        )
    else:  # a percentage of what is left
        body = f"{_fill(rng, pick(LEFT))}{pick(('', '内容', '的内容'))}{pick(('已隐藏', '未显示', '需付费', '需付费阅读'))}" + pick(
            ("", f"{sep}{_gate(rng)}")
        )
    left, right = pick(BRACKETS)
    return pick(PREFIXES) + left + body + right + pick(SUFFIXES), source


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    notice, source = _notice(rng)
    where = rng.choice(("before", "after", "between"))
    if where == "before":
        middle = notice + "\n" + paragraphs(rng, hosts)
    elif where == "after":
        middle = paragraphs(rng, hosts) + "\n" + notice
    else:
        middle = paragraphs(rng, hosts) + "\n" + notice + "\n" + rng.choice(hosts)
    text, at = document(rng, hosts, middle)
    end = at + middle.index(notice) + len(notice) + 1
    start = end - len(notice) - 1
    fixed = text[:start] + text[end:]
    return Case(text, fixed, fixed, (deleted_span(text, start, end),), f"{where} {source}: {notice}")


# the issuer's, a library's, a museum's or a statute's own sentences with the same words
TRAPS = (
    "请关注本局官方微信公众号获取最新信息。",
    "申报表可在局网站下载，填写后报送区科技局。",
    "市图书馆为持证读者提供电子图书免费阅读服务。",
    "博物馆会员可免费参观常设展览，并预约讲解服务。",
    "截至年底，全市移动支付用户达到120万户，电商平台会员数增长15%。",
    "全市共有阅读类APP用户3.2万人，其中付费会员1.1万人。",
    "第二十四条 网络服务提供者不得以付费、会员等方式限制用户查阅依法公开的信息。",
    "第十条 著作权人可以许可他人使用其作品，并依照约定获得报酬，未经许可不得下载传播。",
    "群众可下载“皖事通”APP在线办理社保业务。",
    "登录国家政务服务平台APP即可查看办理进度。",
    "本条例全文共五章四十条，自2025年1月1日起施行。",
    "附件2可在市人民政府门户网站“通知公告”栏目下载。",
    "会员单位登录协会网站后可查看年度报告全文。",
    "请各单位登录系统查看并确认本单位数据。",
    "免费开放的公共文化场馆达到86个，年接待读者50万人次。",
    "剩余30%的资金待项目验收合格后拨付。",
    "已完成全年任务的80%，剩余部分将于年底前完成。",
    "系统隐藏的安全隐患已全部整改到位。",
    "全年共转换科技成果120项，其中前5项已实现产业化。",
    "预算额度已用完的单位，不得另行列支。",
    "订阅党报党刊工作已全面完成。",
    "引导群众关注“清廉XX”公众号，阅读廉政文章。",
)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    trap = rng.choice(TRAPS)
    return untouched(rng, hosts, beside_host(rng, hosts, trap))
