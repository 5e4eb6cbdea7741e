"""Blind generator: page furniture lines (boilerplate). Each artifact is one line (or a vertical
run of short control lines) of a CMS / government-site article page; --fix deletes the whole
line(s) with their line ends, safe and unsafe alike. Written without reading plancheck's rules."""

from __future__ import annotations

from tests.variants import Case, document, untouched

FAMILY = "blind_boilerplate"
CATEGORY = "boilerplate"

# ---- shared pools -------------------------------------------------------------------------------
PLACES = ("江宁区", "涪城区", "临安区", "城关镇", "安吉县", "宁乡市", "东湖新区", "武进区", "海曙区", "双流区",
          "余杭区", "龙岗区", "青山湖区", "柯桥区", "浦口区", "高新区", "新城街道", "长丰县", "德清县", "仁和镇")
ORGS = ("人民政府", "人民政府办公室", "发展和改革局", "教育局", "民政局", "司法局", "财政局", "应急管理局",
        "住房和城乡建设局", "农业农村局", "卫生健康委员会", "市场监督管理局", "生态环境分局", "文化和旅游局",
        "融媒体中心", "档案馆", "退役军人事务局", "医疗保障局", "数据资源管理局", "总工会")
TOPICS = ("安全生产", "乡村振兴", "党风廉政建设", "基层治理", "民政", "教育", "营商环境", "生态环境保护",
          "意识形态", "疫情防控", "文明创建", "法治政府建设", "信访", "招商引资", "防汛抗旱", "人才", "统计",
          "政务公开", "机关党建", "巡察整改")
KINDS = ("工作计划", "工作总结", "工作要点", "实施方案", "述职报告", "讲话稿", "心得体会", "调研报告",
         "自查报告", "情况汇报")
YEARS = ("2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026")


def title(rng) -> str:
    shape = rng.randrange(4)
    if shape == 0:
        return f"{rng.choice(PLACES)}{rng.choice(ORGS)}{rng.choice(YEARS)}年{rng.choice(TOPICS)}{rng.choice(KINDS)}"
    if shape == 1:
        return f"{rng.choice(YEARS)}年{rng.choice(TOPICS)}{rng.choice(KINDS)}"
    if shape == 2:
        return f"关于{rng.choice(TOPICS)}工作的{rng.choice(KINDS)}（{rng.randint(2, 12)}篇）"
    return f"{rng.choice(ORGS)}{rng.choice(TOPICS)}{rng.choice(KINDS)}范文"


def date(rng, with_time: bool | None = None) -> str:
    y, m, d = rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 28)
    hh, mm, ss = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    if with_time is None:
        with_time = rng.random() < 0.5
    f = rng.randrange(4)
    if f == 0:
        s = f"{y}-{m:02d}-{d:02d}"
    elif f == 1:
        s = f"{y}年{m}月{d}日"
    elif f == 2:
        s = f"{y}/{m:02d}/{d:02d}"
    else:
        s = f"{y}-{m}-{d}"
    if with_time:
        s += f" {hh:02d}:{mm:02d}" + (f":{ss:02d}" if rng.random() < 0.5 else "")
    return s


def person(rng) -> str:
    return rng.choice("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗") + rng.choice(
        ("伟", "芳", "敏", "静", "磊", "洋", "勇", "军", "杰", "娟", "涛", "明", "超", "霞", "平", "建华", "晓东",
         "海燕", "志强", "桢", "文"))


def _line_case(rng, hosts, lines: list[str], what: str) -> Case:
    middle = "\n".join(lines)
    text, off = document(rng, hosts, middle)
    end = off + len(middle) + 1
    fixed = text[:off] + text[end:]
    return Case(text, fixed, fixed, ((off, end),), what)


# ---- grammar ------------------------------------------------------------------------------------
OPENINGS = ("当前位置：", "当前位置:", "您现在的位置：", "您的位置：", "您所在的位置：", "现在位置：",
            "所在位置：", "位置：", "当前位置： ", "您当前的位置：", "你的位置：", "您现在所在的位置：", "")
ROOTS = ("首页", "网站首页", "主页", "首 页", "门户首页", "本站首页")
SEPS = (" > ", ">", ">>", " >> ", "»", " » ", "→", " - ", "/", " / ", "＞", " ＞ ", "->", " -> ", "›", " | ",
        ">>>", "》")
COLUMNS = ("政务公开", "新闻中心", "工作动态", "通知公告", "政策文件", "部门动态", "乡镇动态", "政府信息公开",
           "规划计划", "工作总结", "范文大全", "工作计划", "心得体会", "讲话稿", "述职报告", "党团范文",
           "公文写作", "领导讲话", "实用文档", "工作报告", "政府工作报告", "法定主动公开内容", "计划总结",
           "机构职能", "政策解读", "文秘知识", "党建工作", "办公文档", "应用文", "行政公文", "专题专栏",
           "年度报告", "重要会议", "统计信息", "图片新闻")
TAILS = ("", "", "正文", "内容", "阅读文章", "详细内容", "文章正文", "浏览文章")

CONTROLS = ("【字号：大 中 小】", "【字体：大 中 小】", "字号：大 中 小", "【大 中 小】", "字体：【大】【中】【小】",
            "【打印】", "打印本页", "【打印本页】", "【关闭】", "关闭窗口", "【关闭窗口】", "【收藏】", "加入收藏",
            "收藏本页", "我要纠错", "【纠错】", "分享到：", "分享", "【返回顶部】", "返回顶部", "【默认】",
            "保护视力色：", "【我要打印】", "【下载】", "【E-mail推荐】", "【字号 大 中 小】", "[打印]", "[关闭]",
            "[收藏]", "[纠错]", "【打印文章】", "【加入收藏夹】", "【推荐给朋友】", "【发表评论】", "视力保护色",
            "【字号：T | T】", "字号：T T", "【 大 中 小 】")
CSEPS = ("　", "  ", " ", "｜", "|", " | ", "　　", " ", "  ")
VERTICAL = ("下载", "打印", "全屏", "收藏", "分享", "纠错", "关闭", "返回", "顶部", "字号", "默认", "A+", "A-",
            "打印本页", "关闭窗口", "我要纠错", "分享到", "微信", "微博", "QQ空间")
ZIHAO = (["【字号：", "加大", "还原", "减小", "】"], ["字号：", "大", "中", "小"], ["【", "大", "中", "小", "】"],
         ["字体：", "大", "中", "小"])

SRC_KEYS = ("来源", "信息来源", "文章来源", "稿件来源", "发布机构", "发布单位", "来源单位")
SRC_VALS = ("本站", "本网", "区政府办", "县融媒体中心", "网络", "互联网", "原创", "解放日报", "吉林日报",
            "新华社", "人民网", "浙江日报", "市政府办公室", "中国政府网", "网友投稿", "综合整理", "县委办公室")
AUTH_KEYS = ("作者", "发布者", "编辑", "责任编辑", "审核", "供稿", "撰稿", "发布人", "文", "录入", "编审")
TIME_KEYS = ("发布时间", "发布日期", "时间", "日期", "更新时间", "发表时间", "发文日期", "录入时间", "成文日期",
             "发稿时间")
VIEW_KEYS = ("浏览次数", "阅读", "点击数", "访问量", "浏览", "阅读量", "点击", "阅读次数", "浏览量", "人气")
COLONS = ("：", ":", "： ", "")
FSEPS = ("　", "  ", " | ", "　　", " ", "   ", "｜")

PREV = ("上一篇", "上一条", "上一篇文章", "前一篇", "上篇", "← 上一篇", "上一篇:")
NEXT = ("下一篇", "下一条", "下一篇文章", "后一篇", "下篇", "下一篇 →", "下一篇:")
NONE = ("没有了", "没有了！", "已经是第一篇", "已经是最后一篇", "无")

RELATED = ("相关阅读", "相关推荐", "猜你喜欢", "热门推荐", "相关文章", "延伸阅读", "推荐阅读", "相关报道",
           "热门文章", "精彩推荐", "相关链接", "热门阅读", "本类推荐", "最新文章", "相关范文", "你可能感兴趣的")

SITES = ("范文网", "文秘网", "公文网", "写作网", "材料网", "文库", "资料网", "笔杆网", "公文之家", "办公资源网")
BRANDS = ("哒哒", "笔神", "秘书", "大海", "青藤", "蓝鲸", "易文", "优选", "云帆", "墨香", "金笔", "文源", "星火",
          "启明", "三一", "智库", "鸿雁")
PROVS = ("京", "沪", "浙", "苏", "粤", "鲁", "川", "皖", "赣", "湘", "鄂", "豫", "闽", "黔", "渝", "津", "冀", "陕")


def breadcrumb(rng) -> str:
    sep = rng.choice(SEPS)
    segs = [rng.choice(ROOTS)] + rng.sample(COLUMNS, rng.randint(1, 3))
    tail = rng.choice(TAILS)
    if tail:
        segs.append(tail)
    return rng.choice(OPENINGS) + sep.join(segs)


def control_row(rng) -> list[str]:
    items = rng.sample(CONTROLS, rng.randint(2, 5))
    return [rng.choice(CSEPS).join(items) if rng.random() < 0.5 else
            "".join(i + (rng.choice(CSEPS) if k < len(items) - 1 else "") for k, i in enumerate(items))]


def vertical_run(rng) -> list[str]:
    lines = rng.sample(VERTICAL, rng.randint(2, 5))
    if rng.random() < 0.6:
        at = rng.randint(0, len(lines))
        lines[at:at] = rng.choice(ZIHAO)
    return lines


def meta_line(rng) -> str:
    c = rng.choice(COLONS)
    fields = {
        "src": lambda: rng.choice(SRC_KEYS) + c + rng.choice(SRC_VALS),
        "auth": lambda: rng.choice(AUTH_KEYS) + c + (person(rng) if rng.random() < 0.8 else rng.choice(SRC_VALS)),
        "time": lambda: rng.choice(TIME_KEYS) + c + date(rng),
        "view": lambda: rng.choice(VIEW_KEYS) + c + (str(rng.randint(1, 99999)) + rng.choice(("", "次", " 次"))
                                                      if rng.random() < 0.85 else "[ ]"),
        "font": lambda: rng.choice(("【字体：大 中 小】", "字号：大 中 小", "【打印】", "【关闭】")),
    }
    n = rng.randint(1, 4)
    if n == 1:
        keys = [rng.choice(("src", "time", "view"))]
        if keys[0] == "src" and c == "":
            c = "："
    else:
        keys = rng.sample(list(fields), n)
    sep = rng.choice(FSEPS)
    s = sep.join(fields[k]() for k in keys)
    if rng.random() < 0.15:
        s = f"（{s}）" if rng.random() < 0.5 else f"[{s}]"
    return s


def empty_line(rng) -> str:
    return rng.choice(("\u00a0", "\u3000\u3000", "\u00a0\u00a0\u00a0\u00a0", " \u00a0 ", "\u3000", "&nbsp;",
                       "&nbsp;&nbsp;", "\u00a0\u3000"))


def prevnext(rng) -> list[str]:
    p = rng.choice(PREV) + rng.choice(("：", ":", " ", "")) + (title(rng) if rng.random() < 0.85 else rng.choice(NONE))
    n = rng.choice(NEXT) + rng.choice(("：", ":", " ", "")) + (title(rng) if rng.random() < 0.85 else rng.choice(NONE))
    shape = rng.randrange(4)
    if shape == 0:
        return [p]
    if shape == 1:
        return [n]
    if shape == 2:
        return [p, n]
    return [p + rng.choice(("　", "  ", " | ", "　　")) + n]


def related(rng) -> str:
    head = rng.choice(RELATED) + rng.choice(("：", ":", "", " >>", "："))
    if rng.random() < 0.35:
        return head.rstrip(" ")
    titles = [title(rng) for _ in range(rng.randint(1, 4))]
    bullet = rng.choice(("", "· ", "•", "▪ ", "◆"))
    return head + rng.choice(("　", " ", "  ")).join(bullet + t for t in titles)


def pager(rng) -> str:
    n = rng.randint(2, 9)
    cur = rng.randint(1, n)
    nums = [str(i) if i != cur or rng.random() < 0.5 else f"[{i}]" for i in range(1, n + 1)]
    sep = rng.choice((" ", "  ", "　", "\u00a0\u00a0"))
    shape = rng.randrange(7)
    if shape == 0:
        return sep.join(["上一页", *nums, "下一页"])
    if shape == 1:
        return f"共{n}页" + rng.choice(("：", ": ", " ")) + sep.join(["上一页", *nums, "下一页"])
    if shape == 2:
        return sep.join(["首页", "上一页", *nums, "下一页", "尾页"])
    if shape == 3:
        return rng.choice((f"第{cur}页 共{n}页", f"第{cur}页共{n}页", f"第 {cur} 页 / 共 {n} 页", f"{cur}/{n}页",
                           f"第{cur}页/共{n}页"))
    if shape == 4:
        return sep.join(["<<", "上一页", *nums, "下一页", ">>"])
    if shape == 5:
        return sep.join([*nums[:3], "...", "下一页"]) if n > 3 else sep.join([*nums, "下一页"])
    return rng.choice(("返回列表", "【返回列表】", "返回上一页", "【返回上页】", "点击查看更多>>", "查看全文>>",
                       "加载更多", "展开全文"))


def footer(rng) -> str:
    gov = rng.choice(PLACES) + rng.choice(ORGS)
    site = rng.choice(BRANDS) + rng.choice(SITES)
    y = rng.choice(YEARS)
    strong = [
        lambda: rng.choice(("版权所有：", "版权所有:", "版权所有 ", "版权所有©", "©版权所有 ")) + rng.choice((gov, site)),
        lambda: f"Copyright © {rng.choice(('2008-', '2012-', '2015-', ''))}{y} {rng.choice((site, gov))}"
                + rng.choice((" All Rights Reserved", " 版权所有", "", " all rights reserved.")),
        lambda: f"{rng.choice(PROVS)}ICP备{rng.randint(10000000, 99999999)}号" + rng.choice(("", f"-{rng.randint(1, 9)}")),
        lambda: f"{rng.choice(PROVS)}公网安备 {rng.randint(10**13, 10**14 - 1)}号",
        lambda: f"网站标识码{rng.choice(('：', ':', ''))}{rng.randint(10**9, 10**10 - 1)}",
        lambda: rng.choice(("技术支持：", "技术支持:", "技术支撑：", "网站建设：")) + rng.choice(
            ("智慧城市科技有限公司", "大汉网络", "开普云", "拓尔思信息技术股份有限公司", "本地网络科技有限公司",
             "政务云服务中心")),
        lambda: rng.choice(("建议使用1024×768分辨率浏览", "建议使用IE9以上浏览器", "本站支持IPv6访问",
                            "建议使用谷歌、火狐等浏览器浏览本站")),
        lambda: rng.choice(("网站地图 | 联系我们 | 关于我们", "关于我们｜联系我们｜网站声明｜网站地图",
                            "联系我们 - 使用帮助 - 隐私声明", "网站声明 | 网站地图 | 联系我们")),
    ]
    weak = [
        lambda: rng.choice(("主办：", "主办单位：", "主办:", "主管：")) + gov,
        lambda: rng.choice(("承办：", "承办单位：", "维护：", "运维单位：")) + rng.choice((gov, rng.choice(PLACES) + "大数据中心")),
        lambda: f"联系电话：0{rng.randint(10, 999)}-{rng.randint(1000000, 99999999)}",
    ]
    parts = [rng.choice(strong)() for _ in range(rng.randint(1, 3))]
    parts += [rng.choice(weak)() for _ in range(rng.randint(0, 2))]
    rng.shuffle(parts)
    return rng.choice(("　", "  ", " ", " | ", "　　")).join(dict.fromkeys(parts))


def scan(rng) -> str:
    a = rng.choice(("扫一扫", "扫码", "微信扫一扫", "手机扫码", "扫描二维码", "用微信扫描二维码", "扫一扫，", "扫描左侧二维码"))
    b = rng.choice(("在手机打开当前页", "在手机上阅读", "分享到朋友圈", "手机阅读", "用手机看", "在手机上查看",
                    "分享给好友", "手机浏览本页", "阅读全文", "转发本文"))
    return a + b


def login(rng) -> str:
    site = rng.choice(BRANDS) + rng.choice(SITES)
    return rng.choice((
        "登录 | 注册", "[登录] [注册]", "登录　注册", "会员登录", f"您好，欢迎来到{site}！请 登录 免费注册",
        f"欢迎来到{site}！ 请登录 | 免费注册", "用户名： 密码： 登录 注册 忘记密码", "请登录后发表评论",
        "登录后可收藏、评论", f"欢迎光临{site}", "免费注册 | 会员登录 | 找回密码", "手机号登录 微信登录 QQ登录",
        "请先 登录 或 注册", f"{site}会员中心 登录 注册",
    ))


def edit_credit(rng) -> str:
    k = rng.choice(("责任编辑", "编辑", "审核", "校对", "终审", "初审"))
    s = f"{k}{rng.choice(('：', ':', '： '))}{person(rng)}"
    if rng.random() < 0.4:
        s += rng.choice(("　", " ", "  ")) + rng.choice(("审核", "终审", "校对")) + "：" + person(rng)
    return rng.choice((f"（{s}）", f"({s})", f"[{s}]", s, f"【{s}】"))


DOC_KEYS = (("上传人", lambda r: person(r) if r.random() < 0.5 else r.choice(("淡然人生", "牧羊曲112", "文档达人", "wk_" + str(r.randint(100, 999))))),
            ("文档编号", lambda r: str(r.randint(10**5, 10**8))), ("资源ID", lambda r: str(r.randint(10**5, 10**8))),
            ("上传时间", lambda r: date(r)), ("格式", lambda r: r.choice(("DOCX", "DOC", "PDF", "PPT", "WPS"))),
            ("资源格式", lambda r: r.choice(("DOCX", "DOC", "PDF"))), ("页数", lambda r: str(r.randint(2, 90))),
            ("全文页数", lambda r: f"{r.randint(2, 90)}页"), ("大小", lambda r: f"{r.randint(12, 990)}.{r.randint(10, 99)}KB"),
            ("资源大小", lambda r: f"{r.randint(12, 990)}.{r.randint(10, 99)}KB"), ("文件大小", lambda r: f"{r.randint(1, 9)}.{r.randint(10, 99)}MB"),
            ("类型", lambda r: r.choice(("工作计划", "工作总结", "讲话稿", "心得体会"))), ("分类", lambda r: r.choice(COLUMNS)))


def doc_meta(rng) -> list[str]:
    """the document-sharing site's record of the file"""
    keys = rng.sample(DOC_KEYS, rng.randint(2, 5))
    c = rng.choice(("：", ":"))
    items = [k + c + v(rng) for k, v in keys]
    if rng.random() < 0.3:
        return [rng.choice(("• ", "· ", "")) + i for i in items]  # one per line, as a vertical block
    return [rng.choice(FSEPS).join(items)]


def site_bar(rng) -> str:
    """the document site's own bar above the copy"""
    n = rng.randint(2, 90)
    return rng.choice((f"书签 分享 收藏 举报 版权申诉 / {n}", "返回 下载 相关 举报", "收藏本站| 设为首页| 首页",
                       "设为首页 | 加入收藏 | 联系我们", f"{rng.choice(BRANDS)}{rng.choice(SITES)} | 帮助中心",
                       "举报 | 版权申诉 | 收藏", f"第1页 / 共{n}页", "点击查看更多>>", "热门站点| " + " | ".join(
                           rng.sample([b + s for b in BRANDS[:6] for s in SITES[:4]], 3))))


MAKERS = {
    "breadcrumb": lambda r: [breadcrumb(r)],
    "control_row": control_row,
    "vertical_run": vertical_run,
    "meta": lambda r: [meta_line(r)],
    "empty_editor": lambda r: [empty_line(r)],
    "prevnext": prevnext,
    "related": lambda r: [related(r)],
    "pager": lambda r: [pager(r)],
    "footer": lambda r: [footer(r)],
    "scan": lambda r: [scan(r)],
    "login": lambda r: [login(r)],
    "edit_credit": lambda r: [edit_credit(r)],
    "doc_meta": doc_meta,
    "site_bar": lambda r: [site_bar(r)],
}
WEIGHTS = {"breadcrumb": 3, "control_row": 3, "vertical_run": 2, "meta": 4, "empty_editor": 1, "prevnext": 2,
           "related": 2, "pager": 2, "footer": 3, "scan": 1, "login": 1, "edit_credit": 1,
           "doc_meta": 2, "site_bar": 1}


def artifacts(rng, hosts) -> Case:
    kind = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    return _line_case(rng, hosts, MAKERS[kind](rng), kind)


# ---- traps: legitimate lines of the same shape --------------------------------------------------
def _tel(rng) -> str:
    return f"0{rng.randint(10, 999)}-{rng.randint(1000000, 99999999)}"


TRAPS = [
    ("contact", lambda r: f"联系人：{person(r)}，联系电话：{_tel(r)}。"),
    ("contact2", lambda r: f"联系人及电话：{r.choice(PLACES)}{r.choice(ORGS)}{person(r)}，{_tel(r)}。"),
    ("hotline", lambda r: r.choice(("举报电话：12345。", "群众可拨打12345政务服务便民热线反映问题。",
                                    "监督举报电话：12345，邮箱：jubao@" + r.choice(("hz", "nj", "cd")) + ".gov.cn。"))),
    ("attachment", lambda r: f"附件：{r.randint(1, 3)}.{r.choice(TOPICS)}工作任务分解表"),
    ("attachment2", lambda r: f"附件：{r.choice(TOPICS)}{r.choice(('工作责任清单', '考核细则', '情况统计表'))}。"),
    ("source_in_sentence", lambda r: f"据统计，{r.choice(('全年地区生产总值增长5.2%', '城镇新增就业1.2万人'))}"
                                     f"（数据来源：{r.choice(('国家统计局', '县统计局', '市统计局'))}）。"),
    ("source_sentence2", lambda r: f"本报告所引数据来源：{r.choice(('国家统计局', '省统计局'))}公布的统计公报。"),
    ("next_step", lambda r: f"下一步，{r.choice(PLACES)}将{r.choice(('持续巩固整改成果', '进一步压实工作责任', '加快推进项目建设'))}。"),
    ("last_year", lambda r: f"上一年度考核结果为“{r.choice(('优秀', '良好', '合格'))}”的单位，由{r.choice(ORGS)}予以通报表扬。"),
    ("prev_period", lambda r: "与上一篇章相比，" + r.choice(("本章更加注重实践。", "本部分重点阐述保障措施。"))),
    ("print_prose", lambda r: f"采购打印机{r.randint(2, 30)}台、复印机{r.randint(1, 9)}台，用于乡镇便民服务中心。"),
    ("close_prose", lambda r: f"依法关闭{r.randint(2, 40)}家高污染小作坊，关停整改落后产能企业{r.randint(2, 15)}家。"),
    ("share_prose", lambda r: "组织先进典型分享经验做法，推动形成比学赶超的良好氛围。"),
    ("collect_prose", lambda r: f"征集收藏革命文物{r.randint(10, 300)}件，完成馆藏档案数字化{r.randint(1, 9)}万卷。"),
    ("event_host", lambda r: f"主办单位：{r.choice(PLACES)}总工会、{r.choice(PLACES)}文化和旅游局。"),
    ("event_host2", lambda r: f"本次活动由{r.choice(PLACES)}人民政府主办，{r.choice(PLACES)}融媒体中心承办。"),
    ("tech_support", lambda r: f"由{r.choice(ORGS)}提供技术支持，确保系统平稳运行。"),
    ("scan_prose", lambda r: "群众扫码即可在线办理社保、医保等高频事项。"),
    ("login_prose", lambda r: "申请人登录国家政务服务平台，注册并实名认证后在线提交申请材料。"),
    ("copyright_law", lambda r: "加强版权保护，依法查处侵犯著作权和版权所有人合法权益的行为。"),
    ("views_stat", lambda r: f"专栏全年发布信息{r.randint(100, 999)}条，累计浏览量达{r.randint(10, 99)}万人次。"),
    ("pub_time_prose", lambda r: "规范信息发布时间和发布程序，做到应公开尽公开。"),
    ("signature_date", lambda r: f"{r.choice(PLACES)}{r.choice(ORGS)}\n{r.choice(YEARS)}年{r.randint(1, 12)}月{r.randint(1, 28)}日"),
    ("cc_line", lambda r: f"抄送：{r.choice(PLACES)}纪委监委，{r.choice(PLACES)}人大常委会办公室。"),
    ("publish_note", lambda r: "（此件公开发布）"),
    ("return_prose", lambda r: "引导外出人才返回家乡创业，全年返乡创业人员达1200余人。"),
    ("homepage_prose", lambda r: "在政府门户网站首页开设专题专栏，及时发布政策解读信息。"),
    ("related_prose", lambda r: "相关部门要按照职责分工，推荐评选一批优秀案例。"),
    ("page_prose", lambda r: f"全书共{r.randint(100, 400)}页，分为{r.randint(3, 9)}个章节。"),
    ("font_prose", lambda r: "公文正文一般用3号仿宋体字，标题用2号小标宋体字。"),
    ("author_prose", lambda r: f"作者{person(r)}同志长期从事基层工作，撰写的调研报告获得表彰。"),
]


def traps(rng, hosts) -> Case:
    what, make = rng.choice(TRAPS)
    return untouched(rng, hosts, make(rng), what)
