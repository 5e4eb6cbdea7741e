"""Preview and paywall notices of document sites on a line of their own, built from slots: the
whole or the remaining text × an amount in pages or characters × what the reader must do (pay,
download, join, log in, unlock) to read it, in brackets or bare. The whole line goes."""

from __future__ import annotations

import random

from . import Case, deleted_span, document, untouched

FAMILY = "paywall-notice"
CATEGORY = "paywall"

_WHOLE = ("全文", "本文", "全篇", "此文档", "本文档")
_REST = ("剩余", "还剩", "余下", "其余", "剩下")
_UNITS = ("页", "字")
_ACTIONS = ("需开通会员后查看", "请付费后阅读", "下载后即可阅读", "登录后可继续阅读", "需购买后浏览", "充值会员后解锁",
            "需解锁后查看", "请下载后查看", "开通VIP即可阅读", "付费后继续阅读")
_BRACKETS = (("", ""), ("（", "）"), ("【", "】"), ("[", "]"), ("(", ")"), ("——", "——"))


def _notice(rng: random.Random) -> str:
    unit = rng.choice(_UNITS)
    total = rng.randint(3, 60) * (1 if unit == "页" else 100)
    rest = rng.randint(1, total - 1)
    sep = rng.choice(("，", ",", " ", "；"))
    shape = rng.randrange(3)
    if shape == 0:
        body = f"{rng.choice(_WHOLE)}共{total}{unit}{sep}{rng.choice(_REST)}{rest}{unit}{rng.choice(_ACTIONS)}"
    elif shape == 1:
        body = f"已阅读{total - rest}{unit}{sep}{rng.choice(_REST)}{rest}{unit}未读{sep}{rng.choice(_ACTIONS)}"
    else:
        body = f"{rng.choice(_REST)}{rng.choice(('内容', '部分', '章节'))}{rng.choice(_ACTIONS)}"
    left, right = rng.choice(_BRACKETS)
    return left + body + right + rng.choice(("", "", "！", "。", "…"))


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    notice = _notice(rng)
    # the document has a body (a notice that is the whole body is PW004's truncated document)
    body = ""
    while len(body) < 300:
        body += "\n" + rng.choice(hosts)
    text, at = document(rng, hosts, notice + body)
    end = at + len(notice) + 1
    fixed = text[:at] + text[end:]
    return Case(text, fixed, fixed, (deleted_span(text, at, end),), notice)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    prose = rng.choice((
        "申报表可在门户网站下载后查看填写说明，按要求报送。",
        "部分风险已经隐藏在日常管理的薄弱环节中，必须及早排查。",
        "新书试读结束后，读者可以在线提交阅读意见。",
        "全文共分五章，第三章规定了法律责任。",
        "本期简报共4页，请各单位认真阅读。",
        "食堂推行线上付费，家长登录缴费平台后查看账单。",
        "剩余资金用于支付会员单位的培训费用。",
        "DRG/DIP付费方式改革覆盖全部统筹区。",
        "剩余工作量约占全部任务的三成，须在年底前完成。",
    ))
    return untouched(rng, hosts, prose)
