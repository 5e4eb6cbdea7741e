"""Blind generator: the selling site's voice to the reader of the copy (advertising). Every
artifact is a whole line — an offer of the original/editable file, reply-a-keyword, join a group,
follow an account, custom writing (代写/定制/润色/代笔), membership, customer service, the site's
editor (小编) voice, the upload/copyright disclaimer — and --fix deletes the line with its line end.
Written without reading plancheck's rules."""

from __future__ import annotations

from tests.variants import Case, document, untouched

FAMILY = "blind_advertising"
CATEGORY = "advertising"

BRAND = ("哒哒", "笔神", "易文", "青藤", "蓝鲸", "优选", "云帆", "墨香", "金笔", "星火", "启明", "鸿雁", "公文侠",
         "笔杆子", "材料帮", "秘书君", "老笔头", "文小二", "稿定", "智写")
SITE = ("素材库", "文库", "范文网", "材料网", "公文网", "写作网", "文秘网", "资料站", "笔记", "写作圈", "公文馆",
        "材料库")
THINGS = ("材料", "范文", "素材", "公文模板", "讲话稿", "工作总结", "心得体会", "述职报告", "党建材料",
          "精品文档", "写作资料", "汇报材料")
CHANNELS = ("微信", "VX", "vx", "wx", "V信", "微信号", "QQ", "扣扣", "Q群", "QQ群", "企鹅", "薇信", "威信",
            "客服微信", "客服QQ", "联系方式", "电话/微信")
GROUPS = ("材料交流群", "写作交流群", "会员群", "网盘群", "VIP群", "素材分享群", "笔友群", "资料群", "公文写作群")
KW = ("材料", "范文", "总结", "计划", "666", "资料", "下载", "原文", "word", "党建", "素材", "全文")
DOCS = ("讲话稿", "工作总结", "述职报告", "心得体会", "调研报告", "汇报材料", "发言稿", "党课讲稿", "论文",
        "申报材料", "经验材料", "演讲稿", "主持词", "PPT")
CLOSE = ("", "。", "！", "~", "！！", "。谨防假冒！", "，欢迎咨询！", "，诚信经营！", "，量大从优。")


def _id(rng) -> str:
    k = rng.randrange(4)
    if k == 0:
        s = str(rng.randint(10**7, 10**10))
    elif k == 1:
        s = "".join(rng.choice("abcdefghjkmnpqrstuvwyz") for _ in range(rng.randint(3, 6))) + str(rng.randint(1, 9999))
    elif k == 2:
        s = f"1{rng.choice('3578')}{rng.randint(10**8, 10**9 - 1)}"
    else:
        s = rng.choice(("cwk", "wenmi", "bigan", "dadawk", "gongwen", "xiezuo")) + str(rng.randint(10, 999))
    if rng.random() < 0.25 and len(s) > 4:  # obfuscated with a space, as sites do to dodge filters
        at = rng.randint(1, len(s) - 1)
        s = s[:at] + " " + s[at:]
    return s


def contact(rng) -> str:
    return rng.choice(("联系", "添加", "加", "请加", "咨询", "请联系", "联系客服", "添加客服", "私信", "")) \
        + rng.choice(CHANNELS) + rng.choice(("：", ":", " ", "")) + _id(rng)


def brand(rng) -> str:
    return rng.choice(BRAND) + rng.choice(SITE)


def sep(rng) -> str:
    return rng.choice(("，", ",", "；", " ", "　", "——", "！", "。"))


def editable(rng) -> str:
    return rng.choice((
        f"本文为Word可编辑版，下载后可直接修改使用",
        f"需要Word原版（可编辑）文件请{contact(rng)}",
        f"获取原创{rng.choice(DOCS)}原文件请{contact(rng)}",
        f"原版可编辑文档已上传{brand(rng)}，搜索标题即可下载",
        f"本{rng.choice(('文档', '材料', '范文'))}提供Word/PDF两种格式，需要的朋友{contact(rng)}",
        f"完整版Word文档{rng.choice(('下载', '获取'))}请{contact(rng)}",
        f"文末附可编辑Word版，{rng.choice(('转发', '点赞', '收藏'))}后私信领取",
    ))


def reply_kw(rng) -> str:
    acct = rng.choice(BRAND) + rng.choice(("公文", "写作", "材料", "笔记", "君", "号", "学堂"))
    return rng.choice((
        f"关注公众号“{acct}”，回复“{rng.choice(KW)}”即可获取{rng.choice(THINGS)}",
        f"后台回复关键词【{rng.choice(KW)}】，免费领取{rng.randint(100, 9000)}篇{rng.choice(THINGS)}",
        f"回复“{rng.choice(KW)}”获取本文Word版",
        f"公众号{rng.choice(('：', ':', ''))}{acct}{sep(rng)}回复{rng.choice(KW)}{rng.choice(('领取', '下载', '获取'))}{rng.choice(THINGS)}",
        f"私信回复“{rng.choice(KW)}”领取全套{rng.choice(THINGS)}",
    ))


def join_group(rng) -> str:
    return rng.choice((
        f"【{brand(rng)}】——每天更新{rng.choice(THINGS)}{rng.choice((500, 800, 1000, 2000))}多篇{sep(rng)}"
        f"{rng.choice(('会员群+网盘群同步每日更新', '一键精准搜索、一键快速下载', '内部高质量素材'))}{sep(rng)}有意加入请{contact(rng)}",
        f"欢迎加入“{brand(rng)}{rng.choice(('svip会员', 'VIP会员', '会员群'))}”{sep(rng)}"
        f"{rng.randint(10, 9000)}万字{rng.choice(THINGS)}{sep(rng)}轻松解决您的各类素材需求{sep(rng)}{contact(rng)}",
        f"加入{rng.choice(BRAND)}{rng.choice(GROUPS)}{sep(rng)}{rng.choice(('每日分享', '免费领取', '共享'))}"
        f"{rng.choice(THINGS)}{sep(rng)}{rng.choice(CHANNELS)}：{_id(rng)}",
        f"{rng.choice(GROUPS)}{rng.choice(('：', ':', '号：'))}{_id(rng)}{sep(rng)}{rng.choice(('进群领取资料', '入群请备注来意', '满员请加客服'))}",
    ))


def follow(rng) -> str:
    acct = rng.choice(BRAND) + rng.choice(("公文", "写作", "材料", "笔记", "君", "学堂", "资料库"))
    return rng.choice((
        f"更多{rng.choice(THINGS)}请关注微信公众号：{acct}",
        f"关注“{acct}”，{rng.choice(('每天', '每日', '持续'))}更新{rng.choice(THINGS)}",
        f"喜欢本文请关注{acct}{rng.choice(('公众号', '抖音号', '小红书', '头条号'))}{sep(rng)}获取更多{rng.choice(THINGS)}",
        f"长按识别二维码关注{acct}{sep(rng)}{rng.choice(('海量材料免费下载', '写材料不再难'))}",
        f"更多精彩{rng.choice(THINGS)}，尽在{brand(rng)}",
        f"更多相关{rng.choice(DOCS)}请访问{brand(rng)}",
    ))


def custom(rng) -> str:
    act = rng.choice(("代写", "定制", "润色", "代笔", "代笔（润笔）", "修改", "原创定制", "一对一代写", "包过代写",
                      "代写代发"))
    return rng.choice((
        f"承接各类{rng.choice(DOCS)}、{rng.choice(DOCS)}{act}{sep(rng)}{rng.choice(('原创保障', '高度保密', '不满意可修改', '当天交稿'))}{sep(rng)}{contact(rng)}",
        f"【{rng.choice(BRAND)}{rng.choice(('代笔', '写作', '定制'))}】——{rng.choice(('原创高质量保障', '十年笔杆子团队', '体制内老师执笔'))}"
        f"{sep(rng)}各类{act}{sep(rng)}持续接单中{sep(rng)}{contact(rng)}",
        f"专业{act}{rng.choice(DOCS)}{sep(rng)}{contact(rng)}",
        f"需要{act}{rng.choice(DOCS)}的{rng.choice(('小伙伴', '朋友', '领导', '同志'))}可{contact(rng)}",
        f"{rng.choice(DOCS)}写不出来？{rng.choice(BRAND)}帮你{act}{sep(rng)}{contact(rng)}",
    ))


def member(rng) -> str:
    return rng.choice((
        f"开通{rng.choice(BRAND)}{rng.choice(('SVIP', 'VIP', '年卡会员', '终身会员'))}{sep(rng)}{rng.randint(1, 90)}万篇{rng.choice(THINGS)}免费下载",
        f"{rng.choice(('限时特惠', '新春特惠', '618活动', '会员日'))}{sep(rng)}年卡会员仅需{rng.choice((19.9, 49, 99, 199))}元",
        f"成为{brand(rng)}会员{sep(rng)}全站{rng.choice(THINGS)}不限量下载",
        f"本站会员可免费下载全部{rng.choice(THINGS)}{sep(rng)}{rng.choice(('开通请点击右上角', '详情咨询客服', '立即开通'))}",
    ))


def service(rng) -> str:
    return rng.choice((
        f"如有疑问请联系客服{rng.choice(CHANNELS)}：{_id(rng)}",
        f"网站客服{rng.choice(('QQ', '微信', '电话'))}{rng.choice(('：', ':'))}{_id(rng)}",
        f"在线客服{rng.choice(('：', ':'))}{rng.choice(('9:00-22:00', '8:30-23:00', '7×24小时'))}{sep(rng)}{contact(rng)}",
        f"下载遇到问题请{contact(rng)}",
        f"请各位小伙伴认准{rng.choice(BRAND)}{sep(rng)}{rng.choice(BRAND)}唯一平台（{contact(rng)}）{sep(rng)}谨防假冒",
    ))


def editor(rng) -> str:
    t = rng.choice(("工作计划", "工作总结", "心得体会", "讲话稿", "述职报告", "自查报告", "调研报告", "实施方案"))
    return rng.choice((
        f"以上就是小编为大家整理的{rng.randint(2, 12)}篇{t}，希望对大家有所帮助",
        f"下面是小编为大家整理的{t}{rng.choice(('范文', '参考', ''))}，供大家参考",
        f"本站小编为你精心准备了{rng.randint(3, 12)}篇{t}参考范文，愿这些范文能点燃您思维的火花，激发您的写作灵感",
        f"这是小编精心编写的{t}，欢迎阅读和收藏",
        f"以下是{brand(rng)}为大家整理的{t}，欢迎阅读",
        f"感谢阅读{brand(rng)}的{t}，更多精彩请持续关注本站",
        f"{t}由{brand(rng)}网友投稿，小编整理发布",
    ))


def disclaimer(rng) -> str:
    return rng.choice((
        f"本文由网友上传，仅供学习参考，如有侵权请联系删除",
        f"本站所有文章来源于网络，版权归原作者所有{sep(rng)}如有侵权请{contact(rng)}删除",
        f"版权说明：本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领",
        f"文档由用户上传，{brand(rng)}仅提供信息存储空间服务，不对内容的真实性负责",
        f"声明：本文内容由互联网用户自发贡献，该文观点仅代表作者本人，本站仅提供信息存储空间服务",
        f"【下载声明】本站资源均来自网友分享，{brand(rng)}仅提供信息存储空间，下载前请自行甄别文档内容的完整性",
        f"免责声明：{rng.choice(('本文', '本资料', '本范文'))}仅代表作者个人观点，与{brand(rng)}无关",
        f"一文来源于网友上传，不代表本站观点，若需要原创文章可咨询客服老师，欢迎参考",
        f"付费之前，请仔细阅读内容确认后进行付费下载",
        f"如发现本站有涉嫌抄袭侵权的内容，请发送邮件至{rng.choice(('kefu', 'jubao', 'service'))}@{rng.choice(('dada', 'wenmi', 'bigan'))}wk.com举报",
    ))


def site_pitch(rng) -> str:
    """the document site's sales pitch around the copy (zixin, 31ppt, xzwoo style)"""
    t = rng.choice(("工作计划", "工作总结", "述职报告", "实施方案", "讲话稿"))
    return rng.choice((
        f"精品文档就在这里{sep(rng)}各类专业好文档，值得你下载",
        f"{rng.choice(('-----', '——', '====='))}各类专业好文档，值得你下载，教育、管理、论文、制度、方案手册，应有尽有{rng.choice(('-----', '——', '====='))}",
        f"《{t}》由会员分享，可在线阅读，更多相关《{t}（{rng.randint(3, 60)}页珍藏版）》请在{brand(rng)}上搜索",
        f"本栏目，小编为大家收集整理了数篇{t}，希望为您带来帮助",
        f"上传文档赚钱{sep(rng)}{rng.choice(('分享文档即可获得收益', '上传优质文档最高得50元'))}",
        f"{brand(rng)}——{rng.choice(('海量', '百万', '千万'))}{rng.choice(THINGS)}{rng.choice(('免费下载', '在线阅读', '一站式下载'))}",
    ))


MAKERS = (site_pitch, editable, reply_kw, join_group, follow, custom, member, service, editor, disclaimer)


def artifacts(rng, hosts) -> Case:
    make = rng.choice(MAKERS)
    sales = make in (custom, service, join_group, member)
    line = make(rng) + rng.choice(CLOSE if sales else ("", "。", "！", "~"))
    for a, b in (("。。", "。"), ("！。", "！"), ("请请", "请"), ("客服客服", "客服"), ("联系联系", "联系"),
                 ("请联系客服客服", "请联系客服"), ("，，", "，")):
        line = line.replace(a, b)
    text, off = document(rng, hosts, line)
    end = off + len(line) + 1
    fixed = text[:off] + text[end:]
    return Case(text, fixed, fixed, ((off, end),), make.__name__)


CITY = ("杭州", "南京", "成都", "宁波", "合肥", "长沙", "武汉", "青岛", "厦门", "苏州")

TRAPS = [
    ("hotline", lambda r: "群众可通过12345政务服务便民热线反映诉求，做到接诉即办。"),
    ("gov_account", lambda r: f"通过“{r.choice(CITY)}发布”微信公众号、政府门户网站及时发布政策解读。"),
    ("follow_gov", lambda r: f"扫码关注“{r.choice(CITY)}税务”公众号，可在线办理涉税事项。"),
    ("service_hotline", lambda r: "提升热线客服接通率，全年受理群众来电3.6万件。"),
    ("publicity_material", lambda r: "制作宣传素材200余件，在主要街道、公共场所集中展示。"),
    ("gov_site", lambda r: "登录中国政府网（www.gov.cn）可查阅政策原文。"),
    ("polish", lambda r: "公文材料要反复修改润色，做到观点鲜明、文字精练。"),
    ("custom_bus", lambda r: "开通定制公交线路6条，方便园区职工通勤。"),
    ("members_congress", lambda r: "召开会员代表大会，选举产生新一届理事会。"),
    ("join_party", lambda r: "发展新党员12名，吸收一批优秀青年加入党组织。"),
    ("wechat_group", lambda r: "建立工作微信群，及时通报工作进展和存在问题。"),
    ("reply_msg", lambda r: "认真办理网民留言，按期回复率达到100%。"),
    ("agent_service", lambda r: "推行项目代办服务，由专人全程帮办代办。"),
    ("infringement", lambda r: "严厉打击侵权假冒伪劣行为，保护知识产权。"),
    ("upload_data", lambda r: "各单位要按时上传统计数据，确保数据真实准确。"),
    ("download_app", lambda r: "组织党员下载“学习强国”APP，坚持每日学习。"),
    ("email_gov", lambda r: f"意见建议请发送至电子邮箱：zhengce@{r.choice(('hz', 'nj', 'cd'))}.gov.cn。"),
    ("contact_office", lambda r: f"联系人：{r.choice('王李张刘陈')}{r.choice(('伟', '芳', '敏', '静'))}，联系电话：0571-8{r.randint(1000000, 9999999)}。"),
    ("original_docs", lambda r: "申请人须提交身份证原件及复印件。"),
    ("editable_form", lambda r: "统一使用可编辑的电子表格报送，不再报送纸质材料。"),
    ("free_download", lambda r: "标准文本可在市场监管局网站免费下载。"),
    ("vip_enterprise", lambda r: "建立重点企业“白名单”，提供一对一专属服务。"),
    ("writing_training", lambda r: "举办公文写作培训班，提升机关干部文字综合能力。"),
    ("copyright_notice", lambda r: "加强软件正版化工作，确保所用软件均有合法版权。"),
    ("discount", lambda r: "落实小微企业税费优惠政策，全年减税降费1.2亿元。"),
]


def traps(rng, hosts) -> Case:
    what, make = rng.choice(TRAPS)
    return untouched(rng, hosts, make(rng), what)
