"""Paywall and page-break markers a CMS leaves in the text: any delimiter pair (`##`, `$$`, `###`,
`@@`, `%%`, `&&`, `【】` …) around a paid/vip/pay/free/read + begin/end/start/stop word or a page
break in any case, mid-word, after a clause, glued to an enumerator, at a line's end or alone on a
line (then the whole line goes)."""

from __future__ import annotations

import random

from . import Case, document, split_sentences, untouched

FAMILY = "paywall-marker"
CATEGORY = "paywall"

_PAIRS = (("##", "##"), ("$$", "$$"), ("###", "###"), ("@@", "@@"), ("%%", "%%"), ("&&", "&&"), ("【", "】"),
          ("〖", "〗"), ("[", "]"), ("{{", "}}"), ("**", "**"), ("~~", "~~"), ("<<", ">>"))
_HEADS = ("paid", "vip", "pay", "free", "read", "Paid", "VIP", "PAY", "Free", "READ")
_TAILS = ("begin", "end", "start", "stop", "Begin", "END", "Start", "STOP")
_GLUES = ("", "", "", "_", "-", " ")
_ENUMERATORS = ("一、", "（二）", "3.", "4、", "第五条", "（6）")


def _word(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(("page", "Page", "PAGE")) + rng.choice(_GLUES) + rng.choice(("break", "Break", "BREAK"))
    return rng.choice(_HEADS) + rng.choice(_GLUES) + rng.choice(_TAILS)


def _marker(rng: random.Random) -> str:
    left, right = rng.choice(_PAIRS)
    pad = rng.choice(("", "", "", " "))
    return left + pad + _word(rng) + pad + right


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    marker = _marker(rng)
    host = rng.choice(hosts)
    where = rng.choice(("mid-word", "clause", "end", "own-line", "enumerator"))
    if where == "own-line":
        text, at = document(rng, hosts, marker)
        fixed = text[:at] + text[at + len(marker) + 1 :]
        # the line and its newline go; a diff may show the newline before it removed instead
        span = (max(at - 1, 0), at + len(marker) + 1)
    else:
        if where == "enumerator":
            enumerator = rng.choice(_ENUMERATORS)
            host, cut = enumerator + host, len(enumerator)
        elif where == "mid-word":
            cut = rng.randrange(1, len(host) - 1)
        elif where == "clause":
            cut = rng.choice(split_sentences(host) or [len(host) // 2])
        else:
            cut = len(host)
        text, at = document(rng, hosts, host[:cut] + marker + host[cut:])
        fixed = text[: at + cut] + text[at + cut + len(marker) :]
        span = (at + cut, at + cut + len(marker))
    return Case(text, fixed, fixed, (span,), f"{where} {marker}")


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    prose = rng.choice((
        "食堂推行线上付费，家长可通过缴费平台办理。",
        "图书馆开展新书试读活动，读者可免费借阅。",
        "会员单位应当按时缴纳会费，付费凭证由秘书处留存。",
        "全文共分五章，第三章规定了法律责任。",
        "DRG/DIP付费方式改革覆盖全部统筹区。",
        "本期简报共4页，请各单位认真阅读。",
        "参与微博话题#两会##我的两会建议#讨论。",
        "落实带薪年休假（paid leave）制度，规范分页（page break）排版。",
        "开设VIP通道和free wifi，方便企业办事。",
        "【免费阅读】活动期间，市民可到图书馆借阅新书。",
        "英文课程讲解pay off、read aloud、begin with等短语。",
        "## 第一章 总则",
        "【付费阅读】专栏文章须经审核后发布。",
    ))
    return untouched(rng, hosts, prose)
