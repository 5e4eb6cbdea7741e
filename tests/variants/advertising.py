"""Adverts of the sites that sold or hosted a document, addressed to the reader of the copy: the
seller speaks (小编, 本站, 本文由…网提供), offers something (the original Word file, more model
texts, ghost-writing) and says how to get it (private message, follow and reply, join a group, a
handle, a web address), or disclaims the rights. Built from slots (voice × offer × channel × brand
× handle × punctuation × position): on a line of its own, ending a paragraph, starting one, between
two of its sentences, or inside a sentence (there its boundaries are not certain: it is reported,
not deleted).

Traps: the issuer's own lines of the same shape, a channel and a commercial word without the
seller's voice: hotlines, official accounts, work groups, databases, forms to download from a
government portal, member enterprises, procurement contacts, the contact lines of a notice.
"""

from __future__ import annotations

import random
import string

from . import Case, beside_host, deleted_span, document, padded, untouched

FAMILY = "advertising"
CATEGORY = "advertising"

# --- the seller's vocabulary, invented here (not read from the rules) ---
BRANDS = ("青柠", "墨言", "笔友", "文秘帮", "公文侠", "材料君", "星辰", "一笔", "方寸", "知行", "笔墨", "竹简", "文海", "书山",
          "橙子", "麦穗")
SITES = ("网", "文库", "范文网", "素材网", "资料网", "文档网", "公文网", "写作网", "办公网")
ACCOUNTS = ("范文", "写作", "公文", "材料", "笔记", "文库", "素材", "资料库", "写作助手")
TLDS = (".com", ".net", ".cn", ".top", ".com.cn")
KEYWORDS = ("计划", "总结", "讲话", "原版", "范文", "材料", "666", "1", "述职")
NEEDS = ("需要", "想要", "有需要")
FRIENDS = ("朋友", "小伙伴", "亲", "朋友们", "小伙伴们")
MAYS = ("可", "请", "可以", "")
COPIES = ("原版", "原版文档", "Word版", "word版", "WORD文档", "可编辑版", "完整版", "原文档", "源文件", "Word原稿")
STOCKS = ("更多精品范文", "更多范文", "海量范文", "同类范文", "精品范文", "更多优质范文", "优质范文素材", "海量精品材料", "更多原创材料")
TOPICS = ("工作总结", "工作计划", "述职报告", "心得体会", "讲话稿", "调研报告", "实施方案", "对照检查材料")
TITLE_HEADS = ("2025年", "2026年", "个人", "党支部", "社区")
GETS = ("领取", "获取", "免费领取", "即可领取", "免费获取", "下载", "即可获取")
RIGHTS = ("版权归原作者所有", "如有侵权请联系删除", "若有侵权请联系我们删除", "仅供学习参考", "仅供学习交流使用",
          "如涉及侵权请联系本站删除", "不代表本站观点", "请勿用于商业用途", "文章版权归原作者所有")
GHOSTS = ("代写各类材料", "专业代笔", "承接各类文稿代写", "原创代写", "各类材料代写", "专业代写讲话稿", "代写述职报告")
GHOST_TAILS = ("，欢迎咨询", "，持续接单中", "")
GROUPS = ("QQ交流群", "QQ群", "写作交流群", "微信交流群")
POINTERS = ("请访问", "请登录", "尽在", "请搜索", "欢迎访问", "请关注")
WHOSE = ("本站", "本网站", "我们的网站", "本平台")
HOLDINGS = ("文档", "资料", "范文", "内容")
UPLOADERS = ("网友", "会员", "用户")
PROVIDES = ("友情提供", "整理", "收集整理", "上传", "整理发布", "分享")
INTROS = ("下面是", "以下是", "这是", "")
COMPILED = ("整理", "精心整理", "收集", "精心准备")
CLOSINGS = ("欢迎阅读", "供大家参考", "希望对您有帮助", "仅供参考")
STORES = ("素材库", "文库", "材料库", "范文")
UPDATES = ("每天更新材料", "每日更新范文", "海量范文免费下载", "精品材料持续更新")
COUNTS = ("篇", "余篇", "多篇")
NOTICES = ("温馨提示", "友情提示")
SHARED = ("由网友上传", "来自网友分享")
SEPS = ("，", "，", ",", " ", "；")
ENDS = ("", "。", "。", "！", "!", "~", "…")


def _handle(rng: random.Random) -> str:
    head = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 6)))
    return head + "".join(rng.choice(string.digits) for _ in range(rng.randint(2, 6)))


def _digits(rng: random.Random) -> str:
    return str(rng.randint(10**7, 10**10))


def _site(rng: random.Random) -> str:
    return rng.choice(BRANDS) + rng.choice(SITES)


def _url(rng: random.Random) -> str:
    return rng.choice(("www.", "http://www.", "https://", "")) + _handle(rng) + rng.choice(TLDS)


def _account(rng: random.Random) -> str:
    return "“" + rng.choice(BRANDS) + rng.choice(ACCOUNTS) + "”"


def _contact(rng: random.Random) -> str:
    """A private channel to the seller, with its handle."""
    colon = rng.choice(("：", ":", "", " "))
    return rng.choice((
        f"VX{colon}{_handle(rng)}",
        f"vx{colon}{_handle(rng)}",
        f"微信{rng.choice(('：', ':'))}{_handle(rng)}",
        f"V信{colon}{_handle(rng)}",
        f"QQ{colon}{_digits(rng)}",
        f"加客服VX{colon}{_handle(rng)}",
        f"添加客服微信{rng.choice(('：', ':'))}{_handle(rng)}",
        f"QQ群{colon}{_digits(rng)}",
    ))


def _ask(rng: random.Random) -> str:
    """How the reader is told to reach the seller."""
    return rng.choice((
        "私信小编",
        "私信我们",
        "私聊小编",
        "给小编留言",
        _contact(rng),
        f"加{_contact(rng)}",
        f"扫码关注公众号{_account(rng)}",
        f"关注公众号{_account(rng)}回复“{rng.choice(KEYWORDS)}”",
        f"加入QQ交流群{_digits(rng)}",
        f"进群{_digits(rng)}",
    ))


def _advert(rng: random.Random) -> tuple[str, str]:
    """One advert (a sentence, or two), and the shape it was built from."""
    sep = rng.choice(SEPS)
    shape = rng.randrange(12)
    copy, stock, get = rng.choice(COPIES), rng.choice(STOCKS), rng.choice(GETS)
    pick = rng.choice
    if shape == 0:
        body = f"{pick(NEEDS)}{pick((copy, '本文' + copy, ''))}的{pick(FRIENDS)}{pick(MAYS)}{_ask(rng)}{get}"
    elif shape == 1:
        body = f"关注公众号{_account(rng)}{pick(('', sep))}回复“{pick(KEYWORDS)}”{get}{copy}"
    elif shape == 2:
        first, second = rng.sample(RIGHTS[:3] + RIGHTS[5:6] + RIGHTS[8:], 2)
        body = f"本文由{_site(rng)}{pick(PROVIDES)}{sep}{first}{sep}{second}"
    elif shape == 3:
        body = f"{pick(WHOSE)}所有{pick(HOLDINGS)}均为{pick(UPLOADERS)}上传{sep}{pick(RIGHTS)}"
    elif shape == 4:
        body = f"{pick(GHOSTS)}{pick((sep, *GHOST_TAILS))}{pick((' ', sep))}{_contact(rng)}"
    elif shape == 5:
        body = f"加入{pick(GROUPS)}{_digits(rng)}{get}{stock}"
    elif shape == 6:
        body = f"{stock}{pick(POINTERS)}{pick((_url(rng), _site(rng), f'{_site(rng)}（{_url(rng)}）'))}"
    elif shape == 7:
        titles = "".join(f"《{pick(TITLE_HEADS)}{pick(TOPICS)}》" for _ in range(rng.randint(1, 3)))
        body = f"小编推荐{pick(('：', ':'))}{titles}"
    elif shape == 8:
        # "we" is the site only when it hands out model texts
        who = pick(("小编", "本站", "我们"))
        model = "范文" if who == "我们" else pick(("范文", ""))
        body = f"{pick(INTROS)}{who}为{pick(('大家', '您'))}{pick(COMPILED)}的{pick(TOPICS)}{model}{sep}{pick(CLOSINGS)}"
    elif shape == 9:
        body = f"{copy}{pick(('下载', '获取'))}{pick(('请', '可', '请联系', ''))}{_ask(rng)}"
    elif shape == 10:
        body = f"【{pick(BRANDS)}{pick(STORES)}】{pick(('——', '—', '-'))}{pick(UPDATES)}{rng.randint(100, 3000)}{pick(COUNTS)}"
    else:
        body = f"{pick(NOTICES)}：{pick(('本站', _site(rng)))}{pick(('所有', ''))}资料均{pick(SHARED)}{sep}{pick(RIGHTS)}"
    return body, f"shape={shape}"


def _sentence_ends(line: str) -> list[int]:
    return [i + 1 for i, ch in enumerate(line) if ch == "。" and i + 1 < len(line)]


def _commas(line: str) -> list[int]:
    return [i + 1 for i, ch in enumerate(line) if ch == "，" and 10 < i < len(line) - 10]


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    advert, what = _advert(rng)
    host = rng.choice(hosts)
    position = rng.choice(("alone", "alone", "paragraph-end", "paragraph-start", "between-sentences", "in-sentence"))
    places = {"between-sentences": _sentence_ends(host), "in-sentence": _commas(host)}.get(position, [0])
    if not places:
        position = "paragraph-end"
    if position == "alone":
        advert += rng.choice(ENDS)
        text, offset = document(rng, hosts, padded(rng, hosts, advert))
        end = offset + len(advert) + 1
        fixed = text[:offset] + text[end:]
        return Case(text, fixed, fixed, (deleted_span(text, offset, end),), f"{position} {what}: {advert}")
    if position == "in-sentence":
        # inside a sentence of the document: where the advert ends is not certain, so it is reported
        at = rng.choice(places)
        middle = host[:at] + advert + "，" + host[at:]
        text, offset = document(rng, hosts, padded(rng, hosts, middle))
        return Case(text, text, text, ((offset + at, offset + at + len(advert)),), f"{position} {what}: {advert}")
    # a sentence of its own inside the paragraph: it ends where a sentence ends
    if position == "paragraph-end":
        advert += rng.choice(ENDS)
        at = len(host)
    else:
        advert += rng.choice(("。", "！"))
        at = 0 if position == "paragraph-start" else rng.choice(places)
    middle = host[:at] + advert + host[at:]
    text, offset = document(rng, hosts, padded(rng, hosts, middle))
    start = offset + at
    end = start + len(advert)
    fixed = text[:start] + text[end:]
    return Case(text, fixed, fixed, (deleted_span(text, start, end),), f"{position} {what}: {advert}")


# the issuer's own lines: a channel and a commercial word, never the seller speaking to the reader
TRAPS = (
    "群众可拨打12345政务服务便民热线反映诉求。",
    "纳税人可拨打12366纳税服务热线咨询办税事项。",
    "开通12368诉讼服务热线，提供查询、咨询服务。",
    "关注“青柠发布”官方公众号，及时获取政策推送。",
    "通过官方公众号推送政策解读和办事指南，扩大覆盖面。",
    "各成员单位要加入专项整治工作微信群，确保信息畅通。",
    "建立工作专班QQ群，每日报送工作进展。",
    "申报表可从市人民政府门户网站下载，咨询电话：0551-62345678。",
    "相关表格可登录市人力资源和社会保障局网站下载。",
    "《规划》完整版可登录市政府门户网站查阅。",
    "建立全市企业信用数据库，实现部门数据共享。",
    "组织会员企业参加产销对接会，帮助企业拓展市场。",
    "采购人联系方式：市财政局政府采购科，联系人：王明，联系电话：0571-88886666。",
    "联系人：张三，联系电话：13800001234。",
    "咨询邮箱：zhengce@163.com，咨询电话：010-66668888。",
    "扫码即可领取电子版惠企政策汇编。",
    "读者可扫码关注图书馆公众号，在线借阅电子图书。",
    "严禁找人代写述职报告，一经发现严肃处理。",
    "组织编印公文写作范文，供大家学习参考。",
    "现将有关材料印发给你们，供大家学习参考。",
    "有需要的企业可联系区商务局，联系电话：0551-65551234。",
    "各会员单位请于3月底前登录协会网站下载申报表。",
    "加强对网站小编的业务培训，提升网络宣传水平。",
    "组织党员关注“学习强国”学习平台，每天更新学习积分。",
    "完善热线客服标准，提升接诉即办质量。",
    "加强知识产权保护，严厉打击侵权盗版行为，畅通侵权投诉渠道。",
    "本网站由市人民政府办公室主办，市大数据中心承办。",
    "企业可通过本平台在线申报，下载电子证照。",
    "欢迎广大市民关注“青柠发布”微信公众号、下载“青柠通”APP。",
    "本资料仅供内部学习参考，请勿外传。",
    "意见建议可发送至电子邮箱zhengwu@gov.cn，或登录市政府网站留言。",
    "中小学生可登录国家中小学智慧教育平台免费获取优质课程资源。",
    "建设“红色文库”，读者可扫码阅读党史读物。",
    "市民可拨打市长热线12345或登录“青柠通”APP查询办理进度。",
    "各县区要于每月5日前将统计报表报送市统计局，联系电话：0371-12345678。",
    "对侵犯他人著作权的行为，权利人可以联系有关部门依法处理。",
    "会员服务中心为会员提供政策咨询、业务培训等服务。",
    "市场监管局发布合同示范文本，企业可登录网站免费下载。",
    "创建全国文明城市示范文明单位，扫码参与网上测评。",
    "防范文物犯罪，各村加入群防群治工作群。",
    "企业可登录政务服务平台一键下载电子证照，咨询客服热线。",
    "邀请会员单位加入行业协会会员群，共享政策信息。",
    "请各单位以Word文档格式报送，联系电话：0551-62345678。",
    "欢迎各位网友登录网站留言，提出意见建议。",
    "严禁代写代笔，一经发现严肃处理，举报电话：13800001234。",
    "推行VIP客户经理制度，提供一键办理服务，客服电话：0551-62345678。",
    "版权所有：青柠市人民政府办公室",
)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    trap = rng.choice(TRAPS)
    alone = trap.startswith(("联系人", "采购人", "版权所有", "咨询邮箱"))
    return untouched(rng, hosts, beside_host(rng, hosts, trap, allowed=not alone))
