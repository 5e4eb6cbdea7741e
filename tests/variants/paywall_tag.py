"""Paywall and page-break tags of CMSs and forums in spellings the rules were not written from:
BBCode pairs around the paid text (`[hide]…[/hide]`, `[pay=5]…[/pay]`), HTML comments
(`<!--付费-->`, `<!-- paid:end -->`), template tags (`{{pay}}`, `{% paywall %}`), and doubled
delimiters around other names (`##vipstart##`, `$$hide_begin$$`, `##付费开始##`). The tags go, the
text between them stays; a tag alone on its line goes with its line end.

Traps: brackets and delimiters of the document itself: footnote marks, 【付费阅读】 headings,
topic hashtags, a Markdown heading, an email, `[注]`, `{{` in a formula."""

from __future__ import annotations

import random

from . import Case, beside_host, document, split_sentences, untouched

FAMILY = "paywall-tag"
CATEGORY = "paywall"

LATIN = ("hide", "pay", "paid", "vip", "fee", "member", "lock", "premium", "paywall", "charge", "reply", "login", "svip", "sell")
HAN = ("付费", "付费内容", "收费", "会员", "隐藏", "VIP内容", "会员内容", "付费阅读", "收费内容", "隐藏内容")
OPENS = ("begin", "start", "open", "Begin", "START", "开始", "")
CLOSES = ("end", "stop", "close", "End", "STOP", "结束")
GLUES = ("", "_", "-", ":", " ")
CASES = (str.lower, str.upper, str.title)


def _name(rng: random.Random) -> str:
    word = rng.choice(LATIN)
    return rng.choice(CASES)(word) if rng.random() < 0.7 else rng.choice(HAN)


def _pair(rng: random.Random) -> tuple[str, str, str]:
    """An opening and a closing tag of one spelling, and the spelling's name."""
    name = _name(rng)
    glue = rng.choice(GLUES) if name.isascii() else ""
    style = rng.randrange(5)
    pad = rng.choice(("", "", " "))
    if style == 0:  # BBCode
        arg = rng.choice(("", "", f"={rng.randint(1, 20)}"))
        return f"[{name}{arg}]", f"[/{name}]", "bbcode"
    if style == 1:  # an HTML comment
        return f"<!--{pad}{name}{glue}{rng.choice(OPENS)}{pad}-->", f"<!--{pad}{name}{glue}{rng.choice(CLOSES)}{pad}-->", "comment"
    if style == 2:  # a template tag
        left, right = rng.choice((("{{", "}}"), ("{%", "%}"), ("{", "}"), ("[[", "]]")))
        return f"{left}{pad}{name}{pad}{right}", f"{left}{pad}/{name}{pad}{right}", "template"
    if style == 3:  # doubled delimiters around a begin/end word
        delim = rng.choice(("##", "$$", "###", "@@", "%%", "&&", "**", "~~"))
        opening = f"{delim}{name}{glue}{rng.choice(OPENS[:5] + ('开始',))}{delim}"
        return opening, f"{delim}{name}{glue}{rng.choice(CLOSES)}{delim}", "doubled"
    # a bracketed Latin tag with an end word
    left, right = rng.choice((("【", "】"), ("〖", "〗"), ("<<", ">>"), ("[", "]"), ("<", ">")))
    latin = rng.choice(CASES)(rng.choice(LATIN))
    glue = rng.choice(GLUES[:3])
    opening = f"{left}{latin}{glue}{rng.choice(('begin', 'start'))}{right}"
    return opening, f"{left}{latin}{glue}{rng.choice(('end', 'stop'))}{right}", "bracket"


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    opening, closing, style = _pair(rng)
    host = rng.choice(hosts)
    where = rng.choice(("around-a-part", "own-lines", "one-tag-inside", "one-tag-alone"))
    if where == "own-lines":
        middle = f"{opening}\n{host}\n{closing}"
        text, at = document(rng, hosts, middle)
        while text.count(host) > 1:  # a diff could not tell which copy the tags were around
            text, at = document(rng, hosts, middle)
        fixed = text[:at] + host + "\n" + text[at + len(middle) + 1 :]
        spans = ((max(at - 1, 0), at + len(opening) + 1), (at + len(opening) + 1 + len(host), at + len(middle) + 1))
        return Case(text, fixed, fixed, spans, f"{where} {style} {opening}")
    # one tag without its partner: a closing tag, or an opening one that cannot be a word of the
    # text (a comment, doubled delimiters, a begin word; a bare `[hide]` alone on its line)
    lone = (opening, closing) if style in ("comment", "doubled", "bracket") else (closing,)
    if where == "one-tag-alone":
        tag = rng.choice(lone + ((opening,) if opening.isascii() else ()))
        # beside paragraphs: the fix loop refuses to delete a fifth of a text
        text, at = document(rng, hosts, tag + "\n" + "\n".join(rng.choice(hosts) for _ in range(3)))
        fixed = text[:at] + text[at + len(tag) + 1 :]
        return Case(text, fixed, fixed, ((max(at - 1, 0), at + len(tag) + 1),), f"{where} {style} {tag}")
    cuts = split_sentences(host) or [len(host) // 2]
    if where == "one-tag-inside":
        tag = rng.choice(lone)
        cut = rng.choice(cuts + [rng.randrange(1, len(host) - 1)])
        text, at = document(rng, hosts, host[:cut] + tag + host[cut:])
        fixed = text[: at + cut] + text[at + cut + len(tag) :]
        return Case(text, fixed, fixed, ((at + cut, at + cut + len(tag)),), f"{where} {style} {tag}")
    first = rng.choice(cuts)
    last = rng.choice([c for c in cuts if c > first] + [len(host)])
    middle = host[:first] + opening + host[first:last] + closing + host[last:]
    text, at = document(rng, hosts, middle)
    a = at + first
    b = a + len(opening) + (last - first)
    fixed = text[:a] + text[a + len(opening) : b] + text[b + len(closing) :]
    return Case(text, fixed, fixed, ((a, a + len(opening)), (b, b + len(closing))), f"{where} {style} {opening}…{closing}")


TRAPS = (
    "据统计，全市共建成基层服务站点120个[1]。",
    "【付费阅读】专栏文章须经编辑部审核后发布。",
    "【会员服务】全年为会员企业提供培训30场次。",
    "参与微博话题#两会##我的建议#讨论。",
    "## 第二章 工作任务",
    "来信请寄电子邮箱service@example.com.cn。",
    "[注]本表数据截至2024年底。",
    "〖典型案例〗某县推行“一窗通办”改革。",
    "按照{基本工资+绩效工资}的结构核定薪酬。",
    "设置VIP通道和free wifi，方便企业办事。",
    "规范分页（page break）排版和会员（member）管理。",
    "〔2024〕3号文件规定的事项继续执行。",
    "<附件>申报表</附件>请于5月底前报送。",
)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    trap = rng.choice(TRAPS)
    return untouched(rng, hosts, beside_host(rng, hosts, trap, allowed=not trap.startswith("##")))
