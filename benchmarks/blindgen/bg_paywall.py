"""Blind generator: paywall markers and gated-copy notices (paywall). Three shapes:
- a CMS paid/pagination marker inside a prose line (the marker alone is deleted);
- a marker on its own line (the whole line is deleted with its line end);
- a notice line that the rest of the copy is gated (remaining pages/characters × pay/member/VIP/
  download/unlock/coins × view/read; 试读/预览 endings) — the whole line is deleted.
Written without reading plancheck's rules."""

from __future__ import annotations

from tests.variants import Case, document, split_sentences, untouched

FAMILY = "blind_paywall"
CATEGORY = "paywall"

# CMS markers: FastAdmin CMS writes ##paidbegin## / ##paidend## / $$paidbegin$$ / $$paidend$$ and
# ##pagebreak##; other CMSs write ###Pagebreak### / ##PAGEBREAK## / [page] style page breaks.
MARKERS_INLINE = ("##paidbegin##", "##paidend##", "$$paidbegin$$", "$$paidend$$", "##pagebreak##",
                  "###Pagebreak###", "##PAGEBREAK##", "##PaidBegin##", "##PaidEnd##", "##PAIDBEGIN##",
                  "##PAIDEND##", "$$PAIDBEGIN$$", "$$PAIDEND$$", "###pagebreak###", "##Pagebreak##",
                  "$$pagebreak$$")
MARKER_LINES = MARKERS_INLINE + ("请替换付费标签内内容",)

SITE = ("文库", "范文网", "文档网", "资料库", "素材库", "文秘网", "公文网", "办公网", "文档")
BRAND = ("哒哒", "笔神", "易文", "青藤", "蓝鲸", "优选", "云帆", "墨香", "金笔", "星火", "三一", "启明", "鸿雁",
         "本站", "本平台")

def _n(rng, lo=1, hi=120):
    return rng.randint(lo, hi)


def remaining(rng) -> str:
    """how much of the copy is not shown"""
    k = rng.randrange(9)
    n, m = _n(rng, 1, 9), _n(rng, 2, 80)
    w = rng.choice((500, 800, 1200, 1500, 2000, 2500, 3000, 4200, 5600, 6800, 8000, 12000))
    return (f"已阅读{n}页，还剩{m}页未读", f"还剩{m}页未读", f"剩余{m}页未读", f"本文共{n + m}页，剩余{m}页",
            f"全文共{w}字，剩余{w - rng.randint(100, 400)}字", f"剩余{rng.randint(60, 95)}%内容", f"还有{m}页",
            f"本文档共{n + m}页，当前仅显示{n}页", f"全文约{w}字，已显示{rng.randint(200, 480)}字")[k]


ACTIONS = ("付费", "付费后", "开通会员", "开通会员后", "开通VIP", "升级VIP", "成为VIP会员", "登录会员",
           "充值", "下载", "下载后", "下载文档", "下载全文", "解锁", "付费解锁", "支付{p}元", "支付￥{p}元",
           "花费{c}金币", "使用{c}积分", "消耗{c}下载券", "{c}金币兑换", "购买", "扫码支付", "开通年卡",
           "会员免费", "VIP专享", "兑换", "分享后")
VERBS = ("查看", "阅读", "继续阅读", "查看全文", "阅读全文", "查看完整内容", "阅读剩余内容", "浏览全文",
         "查看剩余部分", "免费下载", "下载完整版", "获取全文", "获取完整文档", "继续浏览", "查看完整版",
         "完整阅读")
LINKERS = ("", "后", "即可", "后即可", "后可", "后方可", "可", "才能")


def gated(rng) -> str:
    a = rng.choice(ACTIONS).format(p=rng.choice(("2", "3.8", "5", "6.99", "9.9", "15", "19.9")),
                                   c=rng.randint(1, 50))
    link = rng.choice(LINKERS)
    if a.endswith("后") and link.startswith("后"):
        link = link[1:]
    return a + link + rng.choice(VERBS)


ENDINGS = ("试读结束", "试读已结束", "预览已结束", "试读到此结束", "以上为试读内容", "以上为预览内容",
           "预览结束", "免费预览已结束", "本文仅供试读", "本资源只提供{n}页预览", "免费试读{n}页",
           "可免费预览{n}页", "内容已经隐藏", "付费内容已经隐藏", "以下内容需要付费", "以下为付费内容",
           "以下内容仅VIP可见", "此文章为付费文章", "本文为会员专享内容", "全文需付费阅读")
TAILS = ("", "", "！", "。", "...", "……", " >>", "》", "→", " ▼")
PROMPTS = ("点击", "请", "立即", "马上", "", "", "请您", "您需要", "需要", "点此")
SEPS = ("，", ",", " ", "　", "；", "。", "  ", "！")


def notice(rng) -> str:
    shape = rng.randrange(7)
    sep = rng.choice(SEPS)
    end = rng.choice(TAILS)
    ending = rng.choice(ENDINGS).format(n=rng.randint(3, 20))
    if shape == 0:  # remaining × gate
        s = remaining(rng) + sep + rng.choice(PROMPTS) + gated(rng)
    elif shape == 1:  # ending × gate
        s = ending + sep + rng.choice(PROMPTS) + gated(rng)
    elif shape == 2:  # remaining, ending
        s = remaining(rng) + sep + rng.choice(("继续免费阅读", "继续阅读", "点击继续阅读", "展开阅读全文", "免费阅读全文")) \
            + (sep + rng.choice(("下载本文档", "付费下载", "下载文档", "全部文档请下载后查看")) if rng.random() < 0.6 else "")
    elif shape == 3:  # ending × remaining × gate
        s = ending + sep + remaining(rng) + sep + rng.choice(PROMPTS) + gated(rng)
    elif shape == 4:  # the whole copy is on the site
        s = rng.choice(("完整版", "全文", "完整文档", "本文完整版", "剩余内容", "更多内容")) + rng.choice(
            ("请", "需", "可", "")) + gated(rng) + (sep + f"（{rng.choice(BRAND)}{rng.choice(SITE)}）" if rng.random() < 0.3 else "")
    elif shape == 5:  # the download gate of a document-sharing site (31ppt, 163wenku style)
        n = rng.choice(("2", "3.5", "5", "6.99", "8", "10", "12.8", "20"))
        s = rng.choice((f"下载资源需要{n}金币", f"下载积分{rng.choice(('：', ':'))}{n}金币", f"下载本文需要{n}个下载券",
                        f"本文需要{n}积分下载", f"下载需{n}元", f"VIP免费下载，非会员{n}元"))
        s += rng.choice(("", sep + rng.choice(("快捷下载", "会员登录下载", "加入VIP免费专享", "游客一键下载",
                                               "立即下载", "开通会员免费下载"))))
    else:  # site-named
        s = f"{rng.choice(BRAND)}{rng.choice(SITE)}{rng.choice(('提示', '温馨提示', '友情提示', '会员提示'))}" \
            f"{rng.choice(('：', ':', '——'))}{rng.choice((remaining(rng), ending))}{sep}{rng.choice(PROMPTS)}{gated(rng)}"
    if rng.random() < 0.2:
        b = rng.choice((("【", "】"), ("[", "]"), ("（", "）"), ("★", "★"), ("<", ">")))
        s = b[0] + s + b[1]
    return s + end


def artifacts(rng, hosts) -> Case:
    shape = rng.choices(("inline", "marker_line", "notice"), weights=(2, 1, 5))[0]
    if shape == "inline":
        host = rng.choice(hosts)
        cuts = [i for i in range(1, len(host) - 1) if "\u4e00" <= host[i - 1] <= "\u9fff" and "\u4e00" <= host[i] <= "\u9fff"]
        cuts += split_sentences(host)
        cut = rng.choice(cuts)
        marker = rng.choice(MARKERS_INLINE)
        middle = host[:cut] + marker + host[cut:]
        text, off = document(rng, hosts, middle)
        s = off + cut
        fixed = text[:s] + text[s + len(marker):]
        return Case(text, fixed, fixed, ((s, s + len(marker)),), f"inline {marker}")
    line = rng.choice(MARKER_LINES) if shape == "marker_line" else notice(rng)
    text, off = document(rng, hosts, line)
    end = off + len(line) + 1
    fixed = text[:off] + text[end:]
    return Case(text, fixed, fixed, ((off, end),), shape)


TRAPS = [
    ("drg", lambda r: f"深化医保支付方式改革，推进DRG付费和按病种分值付费，覆盖{r.randint(60, 100)}%的定点医疗机构。"),
    ("pay_method", lambda r: "明确供暖费付费方式，由用户按月付费或者按采暖季一次性付费。"),
    ("paid_service", lambda r: "规范有偿服务行为，严禁借付费会员名义变相收费。"),
    ("vip_customer", lambda r: "为重点企业提供VIP专属服务，实行一对一项目代办。"),
    ("preview_it", lambda r: "升级电子公文系统，新增在线预览、批注和下载功能。"),
    ("download_it", lambda r: f"政务服务APP累计下载量突破{r.randint(10, 90)}万次。"),
    ("trial_library", lambda r: "图书馆推出新书试读活动，读者可免费阅读全文后再决定是否借阅。"),
    ("trial_run", lambda r: f"新系统于{r.randint(3, 11)}月启动试运行，试运行结束后正式上线。"),
    ("remaining_pages", lambda r: f"档案整理共完成{r.randint(200, 900)}卷，剩余{r.randint(10, 90)}卷将于年底前完成。"),
    ("remaining_tasks", lambda r: f"已完成年度任务的{r.randint(60, 95)}%，剩余任务正在加快推进。"),
    ("member_unit", lambda r: "开通会员单位服务绿色通道，成员单位按季度报送工作情况。"),
    ("unlock_prose", lambda r: "打通数据壁垒，解锁更多“一网通办”应用场景。"),
    ("coins_prose", lambda r: "开展“积分制”管理，村民可用积分兑换生活用品。"),
    ("hidden_danger", lambda r: "全面排查隐藏的安全隐患，对重大隐患实行挂牌督办。"),
    ("read_month", lambda r: "开展全民阅读活动月，引导干部群众多读书、读好书。"),
    ("view_full", lambda r: "全文详见《政府工作报告》第三部分。"),
    ("page_count", lambda r: f"本手册共{r.randint(20, 90)}页，免费向群众发放。"),
    ("charge_free", lambda r: "全面落实义务教育阶段免费政策，不得以任何名义向学生收费。"),
    ("pay_wages", lambda r: "严格落实工资支付保障制度，确保农民工工资按时足额支付。"),
    ("word_count", lambda r: f"调研报告字数控制在{r.choice(('3000', '5000', '8000'))}字以内。"),
    ("schedule_prose", lambda r: "建立“周调度、月通报”机制，每周一下午召开调度会。"),
    ("hash_number", lambda r: f"{r.randint(1, 9)}#楼主体结构已封顶，{r.randint(2, 9)}#楼正在进行基础施工。"),
    ("dollar_prose", lambda r: f"全年实现进出口总额{r.randint(10, 99)}亿美元，同比增长{r.randint(1, 19)}.{r.randint(0, 9)}%。"),
    ("pagebreak_word", lambda r: "公文排版时，正文与附件之间应另起一页。"),
]


def traps(rng, hosts) -> Case:
    what, make = rng.choice(TRAPS)
    return untouched(rng, hosts, make(rng), what)
