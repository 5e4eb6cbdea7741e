"""Adverts of the selling site in wordings the rules were not written from: the seller speaks to
the reader of the copy and offers the original or editable file (Word, PPT, 电子版, 全套), a
keyword to reply, an account or group to follow, custom writing (代写, 定制, 约稿, 润色, 改稿),
membership, its customer service, more material at its site, or disclaims the upload and the
rights (本文由用户上传, 内容来自网络, 如有侵权…删除). Slots: voice × offer × channel × brand × handle
× punctuation; on a line of its own or ending a paragraph.

Traps: the issuer's own lines of the same shape: the whole 123xx family of service hotlines, its
contact lines, public work groups, databases, forms to download in a notice, 定制公交, 约稿 for a
newsletter, 润色 of a report, and short hard-wrapped lines with 联系 and a site word."""

from __future__ import annotations

import random
import string

from . import Case, beside_host, deleted_span, document, padded, untouched

FAMILY = "seller-voice"
CATEGORY = "advertising"

BRANDS = ("知墨", "云笔", "文渊", "稿易", "拾光", "青禾", "笔阁", "文澜", "墨香", "简书阁", "秘书圈", "公文宝")
SITES = ("文库", "范文网", "文档网", "资料站", "素材网", "公文网", "文秘网", "写作网", "办公资源网")
FILES = ("Word原文件", "可编辑Word版", "word文档", "PPT课件", "电子版", "全套材料", "完整版", "原稿", "docx版", "可编辑版本",
         "高清PDF", "源文件")
KEYWORDS = ("总结", "计划", "讲话", "ppt", "888", "述职", "调研", "资料")
RIGHTS = ("本文由用户上传，如有侵权请联系删除", "本文内容来自网络，版权归原作者所有", "文章转自网络，如有侵权请联系我们删除",
          "本文为网友投稿，仅供参考，侵删", "本文由会员上传分享，若侵犯您的权益请联系我们删除", "资料收集于网络，版权归原作者",
          "本站文档均由用户上传，如涉及版权问题请联系客服处理", "内容源自网络，侵权必删")
CUSTOM = ("承接各类材料代写", "提供讲话稿定制服务", "专业文稿润色修改", "接受约稿定制", "一对一写作指导", "各类公文代笔改稿",
          "原创材料定制", "述职报告代写润色")
WANTS = ("需要", "如需", "想要", "获取", "领取", "下载")
SEPS = ("，", ",", " ", "；", "")
ENDS = ("", "。", "！", "~", "!", "…")


def _handle(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 6))) + str(rng.randint(10, 99999))


def _phone(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17")) + "".join(rng.choice(string.digits) for _ in range(9))


def _channel(rng: random.Random) -> str:
    """A private or public way to the seller, with its handle."""
    colon = rng.choice(("：", ":", ""))
    return rng.choice((
        f"加微信{colon}{_handle(rng)}",
        f"wx{colon}{_handle(rng)}",
        f"微{rng.choice(('：', ':'))}{_handle(rng)}",
        f"扣扣{colon}{rng.randint(10**6, 10**9)}",
        f"联系客服{colon}{_phone(rng)}",
        f"客服QQ{colon}{rng.randint(10**6, 10**9)}",
        f"在线客服{colon}{_handle(rng)}",
        f"后台回复“{rng.choice(KEYWORDS)}”",
        f"公众号后台回复【{rng.choice(KEYWORDS)}】",
        f"关注我们并回复“{rng.choice(KEYWORDS)}”",
        "私我",
        f"留言“{rng.choice(KEYWORDS)}”",
        f"进交流群{rng.randint(10**6, 10**9)}",
        f"关注{rng.choice(BRANDS)}公众号",
        f"到{rng.choice(BRANDS)}{rng.choice(SITES)}搜索",
    ))


def _advert(rng: random.Random) -> tuple[str, int]:
    pick = rng.choice
    sep = pick(SEPS)
    shape = rng.randrange(9)
    if shape == 0:  # the file of this document
        body = f"{pick(WANTS)}本文{pick(FILES)}{pick(('的', '请', '可', ''))}{_channel(rng)}"
    elif shape == 1:  # a keyword to reply
        body = f"{_channel(rng)}{sep}{pick(('免费领取', '即可获取', '获取', '下载'))}{pick(FILES)}"
    elif shape == 2:  # the upload and rights disclaimer
        body = pick(RIGHTS)
    elif shape == 3:  # custom writing
        body = f"{pick(CUSTOM)}{sep}{_channel(rng)}"
    elif shape == 4:  # more at the site
        what = pick(("精品", "优质", "同类", "相关", "")) + pick(("资料", "材料", "文档", "范文", "模板"))
        body = f"更多{what}{pick(('请访问', '请到', '尽在', '请登录'))}{pick(BRANDS)}{pick(SITES)}"
    elif shape == 5:  # membership of the site
        member = pick(("开通", "加入", "升级")) + pick(BRANDS) + pick(SITES) + pick(("会员", "VIP", "年卡会员"))
        body = f"{member}{sep}{pick(('全站资料免费下载', '海量文档任意下载', '享受无限下载'))}"
    elif shape == 6:  # its customer service
        body = f"{pick(('下载遇到问题', '文档有疑问', '如有下载问题', '购买后无法下载'))}{pick(('请', '可', ''))}{_channel(rng)}"
    elif shape == 7:  # the seller names itself
        # (`本文档由…网整理`, `…来源于网络`: the site's stamp, WM004's)
        credit = f"本{pick(('资料', '范文', '材料'))}由{pick(BRANDS)}{pick(SITES)}{pick(('整理', '收集', '提供', '编辑'))}"
        body = f"{credit}{sep}{pick(('转载请注明出处', '欢迎下载使用', '仅供学习参考'))}"
    else:  # more of the same, by post or phone
        want = pick(("需要", "如需", "想要")) + pick(("更多", "同类", "全套")) + pick(("材料", "范文", "资料"))
        body = f"{want}{pick(('的朋友', '的领导', ''))}{pick(('请', '可', ''))}{_channel(rng)}"
    return body, shape


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    advert, shape = _advert(rng)
    if rng.random() < 0.5:
        advert += rng.choice(ENDS)
        text, at = document(rng, hosts, padded(rng, hosts, advert))
        end = at + len(advert) + 1
        fixed = text[:at] + text[end:]
        return Case(text, fixed, fixed, (deleted_span(text, at, end),), f"alone shape={shape}: {advert}")
    advert += rng.choice(ENDS[1:])
    host = rng.choice(hosts)
    text, at = document(rng, hosts, padded(rng, hosts, host + advert))
    start = at + len(host)
    end = start + len(advert)
    fixed = text[:start] + text[end:]
    return Case(text, fixed, fixed, (deleted_span(text, start, end),), f"paragraph-end shape={shape}: {advert}")


HOTLINES = ("12345", "12320", "12316", "12350", "12366", "12333", "12369", "12388", "12355", "12338", "12348", "12351",
            "12315", "12358", "12365", "12329", "12318", "12380")
TRAPS = (
    "群众可拨打{hotline}热线咨询相关政策，也可关注官方公众号获取办事指南。",
    "开通{hotline}服务热线和微信公众号，及时回复群众留言。",
    "设立{hotline}举报专线，受理群众来电来信。",
    "各地要公布{hotline}热线电话，畅通诉求渠道，联系电话：0551-62345678。",
    "如需咨询，请拨打{hotline}或联系区政务服务中心，电话：0371-65551234。",
    "需要办理的企业可联系区行政审批局，联系电话：0551-65551234。",
    "建立工作推进微信群，及时通报进展，请各单位联系人于3日内入群。",
    "申报材料模板可在市科技局网站下载，Word版与PDF版均可提交。",
    "全市企业信用信息数据库已向社会开放查询。",
    "开通定制公交线路12条，满足群众通勤需求。",
    "编辑部面向各单位约稿，来稿请发送至工作邮箱。",
    "对调研报告进行认真修改润色后报送市委办公室。",
    "有关材料的电子版请于5月10日前报送，联系人：李华，电话：13800001234。",
    "会员单位可登录协会网站下载年度报告全文。",
    "本站由县人民政府主办，县融媒体中心承办。",
    "如对本通知有疑问，请联系\n本局办公室。",
    "请各单位及时联系\n网站管理员更新信息。",
    "有关问题请联系\n本平台技术支持人员。",
    "企业可通过本平台联系客服咨询办理进度。",
    "本平台为企业提供一键下载电子证照服务。",
    "各乡镇可通过本网站联系客服\n咨询。",
    "如对本站公开的信息有异议，请联系\n本站管理员核实。",
    "群众可扫码下载电子版政策汇编。",
    "积极推广电子版证照，群众扫码即可领取。",
    "完善客服热线知识库，提升一次办结率。",
    "严禁代写论文、代写材料等学术不端行为。",
)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    trap = rng.choice(TRAPS).format(hotline=rng.choice(HOTLINES))
    return untouched(rng, hosts, beside_host(rng, hosts, trap, allowed="\n" not in trap))
