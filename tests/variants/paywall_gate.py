"""Preview and paywall notices of document sites in wordings the rules were not written from: a
notice says that THIS copy is incomplete or gated. Built from slots, in any order: the whole or the
remaining part (全文, 余下部分, 后面的内容 …) × its amount (N页, N千字, N%) × what opens it (pay, a
membership, VIP, coins, 积分, 下载券, a scan to pay, a login, unlocking, buying, redeeming) × what the
reader then does (view, read on, get, see) — or a state of the copy (试读结束, 预览已结束, 剩余内容已
隐藏, 当前为第1页, 以下为付费内容), with brackets, ellipses, arrows and a leading ellipsis line.

In a document with a body the notice line goes (with an ellipsis line just before it, the cut the
site made); a document that is nothing but a title and the notice is truncated: reported, not
fixed. Traps: the issuer's sentences with the same words (登录后查看, 支付…元, 全文共…字, 积分兑换,
试用期结束, 以下为…清单)."""

from __future__ import annotations

import random

from . import Case, beside_host, deleted_span, document, paragraphs, untouched

FAMILY = "paywall-gate"
CATEGORY = "paywall"

# --- the sites' vocabulary, invented here from the pages they serve (not read from the rules) ---
WHOLE = ("全文", "完整内容", "全部内容", "完整版", "完整文档", "全部文档", "整篇文档", "本篇全文", "本文全部内容", "原文",
         "完整文章", "全本")
REST = ("剩余内容", "剩下的内容", "余下部分", "后面的内容", "后续内容", "剩余部分", "其余内容", "未显示的内容", "下文",
        "其余章节", "余下内容", "剩余文字")
REST_WORDS = ("剩余", "剩下", "余下", "还有", "后面还有", "另有", "尚余")
PRICES = ("2元", "3.5元", "5元", "9.9元", "1元")
COINS = ("3下载券", "5个下载券", "10积分", "20积分", "2金币", "8个金币", "5阅读币", "15个积分", "3下载豆")
OPENERS = ("开通会员", "开通VIP", "成为VIP会员", "升级SVIP", "购买会员", "充值", "付费", "支付{price}", "扫码支付{price}",
           "扫码支付", "微信支付", "用{coin}兑换", "消耗{coin}", "解锁", "购买本文", "登录", "登录账号", "注册登录", "下载",
           "下载文档", "下载本文档", "使用{coin}", "兑换", "开通包月")
THENS = ("查看", "阅读", "继续阅读", "浏览", "获取", "观看", "查阅", "可见", "解锁阅读", "免费阅读", "阅读完整版", "免费下载")
AFTERS = ("后", "后即可", "后可", "即可", "才能", "后方可", "")
NEEDS = ("需", "需要", "请", "请先", "须", "")
UNITS = ("页", "字", "千字", "个字")
STATES = ("试读结束", "试读已结束", "预览已结束", "免费预览已结束", "试看结束", "免费试读部分已结束", "预览到此结束",
          "试读内容已结束", "可预览部分已结束")
HIDDEN = ("已隐藏", "已被隐藏", "暂不显示", "已折叠", "已锁定")
PREFIXES = ("", "", "", "……", "......", "…", "···", "(...)")
SUFFIXES = ("", "", "。", "！", ">>", "→", "…", "~", " >>")
BRACKETS = (("", ""), ("", ""), ("（", "）"), ("【", "】"), ("[", "]"), ("(", ")"), ("——", "——"), ("「", "」"), ("<", ">"))
SEPS = ("，", ",", " ", "；", "：", "")


def _amount(rng: random.Random, unit: str | None = None) -> tuple[int, str]:
    unit = unit or rng.choice(UNITS)
    n = rng.randint(2, 60) if unit in ("页", "千字") else rng.randint(3, 90) * 100
    return n, f"{n}{unit}"


def _opener(rng: random.Random) -> str:
    return rng.choice(OPENERS).format(price=rng.choice(PRICES), coin=rng.choice(COINS))


def _gate(rng: random.Random) -> str:
    """What opens the copy and what the reader then does: `开通会员后即可查看`."""
    return rng.choice(NEEDS) + _opener(rng) + rng.choice(AFTERS) + rng.choice(THENS)


def _notice(rng: random.Random) -> tuple[str, int]:
    sep = rng.choice(SEPS)
    pick = rng.choice
    shape = rng.randrange(12)
    if shape == 0:  # the whole, its amount, the rest gated
        unit = pick(UNITS)
        total, whole = _amount(rng, unit)
        rest = f"{pick(REST_WORDS)}{rng.randint(1, total - 1)}{unit}"
        body = f"{pick(('全文', '本文', '本文档', '该文档', '此文', '全篇'))}共{whole}{sep}{rest}{_gate(rng)}"
    elif shape == 1:  # gate first, then the object
        body = f"{_gate(rng)}{pick(WHOLE + REST)}"
    elif shape == 2:  # the object first, then the gate
        body = f"{pick(('查看', '阅读', '获取', '下载'))}{pick(WHOLE)}{sep}{pick(NEEDS)}{_opener(rng)}"
    elif shape == 3:  # the rest gated
        body = f"{pick(REST)}{pick(NEEDS)}{_opener(rng)}{pick(AFTERS)}{pick(THENS)}"
    elif shape == 4:  # the rest hidden
        body = f"{pick(REST)}{pick(HIDDEN)}" + pick(("", f"{sep}{_gate(rng)}"))
    elif shape == 5:  # the trial is over
        wish = f"{pick(('如需', '想要'))}{pick(('阅读', '查看'))}{pick(WHOLE)}{pick(NEEDS)}{_opener(rng)}"
        body = pick(STATES) + pick(("", f"{sep}{_gate(rng)}", f"{sep}{wish}"))
    elif shape == 6:  # a pager of the preview
        _, whole = _amount(rng, "页")
        body = pick((f"本文共{whole}{sep}当前为第1页", f"共{whole}{sep}当前显示第1页", f"当前预览第1-3页{sep}全文共{whole}",
                     f"免费预览前3页{sep}全文共{whole}"))
        body += pick(("", f"{sep}{_gate(rng)}{pick(WHOLE)}"))
    elif shape == 7:  # what follows is paid
        body = pick(("以下为付费内容", "以下为会员专享内容", "以下内容为付费内容", "以下部分为VIP内容", "以下内容仅限会员阅读",
                     f"以下内容{pick(NEEDS)}{_opener(rng)}{pick(AFTERS)}{pick(THENS)}"))
    elif shape == 8:  # a click to read the whole
        body = f"点击{pick(('查看', '阅读', '下载', '获取'))}{pick(WHOLE)}" + pick(("", f"{sep}{pick(('需', '需要'))}{_opener(rng)}"))
    elif shape == 9:  # its price in the site's coins
        what = pick(("下载本文", "下载该文档", "本文档下载", "查看全文", "阅读全文"))
        body = f"{what}{pick(('需', '需要', '需消耗', '需支付'))}{pick(COINS)}"
    elif shape == 10:  # the unread part, counted
        read, whole = _amount(rng, "页")
        body = f"已读{rng.randint(1, read)}页{sep}{pick(REST_WORDS)}{rng.randint(1, 40)}页{pick(('未读', '待阅读'))}{sep}{_gate(rng)}"
    else:  # to be continued, behind the gate
        body = f"{pick(('未完', '未完待续', '内容未完'))}{sep}{_gate(rng)}{pick(('', *WHOLE))}"
    left, right = pick(BRACKETS)
    return pick(PREFIXES) + left + body + right + pick(SUFFIXES), shape


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    notice, shape = _notice(rng)
    if rng.random() < 0.12:
        # a title, the opening words of the body and the notice: the copy is cut off, a report and
        # no fix. (With the title alone, a text in traditional script is too short for the engine
        # to tell its script: it reads it as simplified, and misses the notice)
        # (cut off at an ellipsis: a line ending mid-word would be joined to the notice by LY006)
        opening = rng.choice(hosts)[: rng.randint(30, 70)].rstrip("。，；、") + "……"
        title = rng.choice(("2025年度工作总结", "关于加强基层治理的实施方案", "在全县工作会议上的讲话"))
        text = f"{title}\n{opening}\n{notice}\n"
        at = text.index(notice)
        return Case(text, text, text, ((at, at + len(notice)),), f"truncated shape={shape}: {notice}")
    cut = rng.choice(("", "", "", "", "", "……", "......", "…………", "。。。。。。"))
    middle = (cut + "\n" if cut else "") + notice
    where = rng.choice(("before", "after", "between"))
    if where == "before":
        middle = middle + "\n" + paragraphs(rng, hosts)
    elif where == "after":
        middle = paragraphs(rng, hosts) + "\n" + middle
    else:
        middle = paragraphs(rng, hosts) + "\n" + middle + "\n" + rng.choice(hosts)
    text, at = document(rng, hosts, middle)
    # the notice's line and its line end go, with the ellipsis line before it
    end = at + middle.index(notice) + len(notice) + 1
    start = end - len(notice) - 1 - (len(cut) + 1 if cut else 0)
    fixed = text[:start] + text[end:]
    return Case(text, fixed, fixed, (deleted_span(text, start, end),), f"{where} shape={shape} cut={cut!r}: {notice}")


# the issuer's own sentences with the same words: no copy of a document is gated in them
TRAPS = (
    "全文共分五章三十二条，自公布之日起施行。",
    "本办法全文约3000字，请各单位组织干部职工认真学习。",
    "读者登录数字图书馆后即可免费阅读全文。",
    "市民可登录市政府门户网站查看政策全文。",
    "群众扫码支付后可在线查看缴费明细。",
    "考生须登录报名系统下载并打印准考证。",
    "每人需支付5元工本费，凭收据领取证书。",
    "党员可使用学习积分兑换生活用品。",
    "试用期结束后，经考核合格的予以正式录用。",
    "试点工作已结束，转入全面推广阶段。",
    "以下为付费项目清单，请各单位对照执行。",
    "以下服务内容需要付费的，应当明码标价。",
    "剩余部分资金由县级财政兜底保障。",
    "剩余内容将在下一期简报中刊发。",
    "隐藏的安全隐患已全部整改到位。",
    "附件共12页，请各单位认真阅读。",
    "本报告共12页，现予印发，请认真贯彻执行。",
    "会员单位登录协会网站后可查看年度报告。",
    "学生登录平台后下载电子教材，预习第1页至第5页内容。",
    "推行按病种付费，开通医保电子凭证扫码支付。",
    "新书试读结束后，读者可在线提交阅读意见。",
    "开通会员服务热线，解答企业办事疑问。",
    "点击率、阅读量等指标纳入考核。",
    "加强网络文学付费阅读平台监管，规范会员收费行为。",
    "以下为本次会议的主要内容：",
    "全文如下：",
    "各地已阅读并学习相关文件，剩余2个乡镇将于下周完成。",
    "政策原文下载后请仔细阅读。",
    "扫码阅读全文。",
    "全文请见附件，下载后阅读。",
    "以下为会员单位名单：",
    "……",
)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    trap = rng.choice(TRAPS)
    return untouched(rng, hosts, beside_host(rng, hosts, trap, allowed=trap != "……"))
