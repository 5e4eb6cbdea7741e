"""The voice of whoever sold or reposted the copy, beyond the document sites: a blogger or an
account asking to follow, like or subscribe (点赞关注不迷路, 点击上方蓝字关注我们), a group to join (交流群,
知识星球), a message or a keyword in the comments (评论区扣1, 留下邮箱), a cloud-drive share and its
broken links (提取码, 链接失效请留言补发), the editable file or a collection (全套合集, 打包), custom writing,
a shop (本店, 拍下后自动发货), the reposter's and uploader's disclaimers (搬运自网络, 整理不易). Its
evidence: the reader addressed (你/您/大家/朋友们 …), the seller's own channel (a handle, a keyword, a
group number), and a line about this copy or the seller, not the document's subject. Wordings
invented here from real pages (searched, not read from the rules); alone on a line or ending a
paragraph. Not generated: `欢迎大家关注…头条号` without a handle or an offer, which the issuer says
of its own accounts too.

Traps: the issuer's contact lines, its official account and forms to download, a government
website's check of broken links, e-commerce statistics, a law article about 版权."""

from __future__ import annotations

import random
import string

from . import Case, beside_host, deleted_span, document, padded, untouched

FAMILY = "seller-channel"
CATEGORY = "advertising"

BRANDS = ("笔杆子", "公文侠", "材料君", "墨客", "文秘小站", "老秘书", "写作狗")
READERS = ("大家", "朋友们", "小伙伴们", "宝子们", "各位", "你", "您", "家人们")
FILES = ("Word版", "可编辑版", "完整版", "原文件", "PDF版", "全套合集", "电子版", "源文件", "打包文件")
KEYWORDS = ("材料", "总结", "1", "888", "模板", "述职")


def _handle(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 6))) + str(rng.randint(10, 99999))


def _advert(rng: random.Random) -> tuple[str, str]:
    pick = rng.choice
    sep = pick(("，", ",", " ", "；", ""))
    reader = pick(READERS)
    shape = pick(("follow", "follow", "group", "comment", "share", "file", "custom", "shop", "repost", "effort"))
    if shape == "follow":  # follow, like, subscribe
        body = pick(
            (
                f"喜欢的{pick(('朋友', '话', '小伙伴'))}记得点赞关注{pick(('哦', '呀', ''))}",
                "点赞关注不迷路",
                f"点击上方蓝字关注我们{pick(('', '，每天分享公文写作干货'))}",
                f"觉得有用就点个在看吧{sep}感谢{reader}支持",
                f"关注我{sep}每天分享{pick(('实用公文范文', '写作技巧', '材料模板'))}",
                "一键三连支持一下",
                f"求个关注{sep}谢谢{reader}",
            )
        )
    elif shape == "group":  # a group to join
        number = rng.randint(10**7, 10**10)
        body = pick(
            (
                f"公文写作交流群：{number}{sep}欢迎{reader}加入",
                f"加入{pick(BRANDS)}知识星球{sep}获取全部{pick(('资料', '范文', '模板'))}",
                f"进群领取{rng.randint(50, 500)}套模板{sep}群号{number}",
                f"想进写作群的{reader}加我{pick(('微信', 'VX'))}：{_handle(rng)}",
            )
        )
    elif shape == "comment":  # a keyword in the comments
        body = pick(
            (
                f"评论区扣{pick(KEYWORDS)}{sep}私发{pick(FILES)}",
                f"需要的{pick(('同学', '朋友', '小伙伴'))}评论区留邮箱",
                f"需要{pick(FILES)}的{reader}请在评论区留言",
                f"{pick(FILES)}已打包{sep}关注后私信“{pick(KEYWORDS)}”自动发送",
            )
        )
    elif shape == "share":  # a cloud-drive share, its broken links
        code = "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(4))
        body = pick(
            (
                f"网盘链接：https://pan.baidu.com/s/1{_handle(rng)} 提取码：{code}",
                f"提取码：{code}{sep}链接失效请留言",
                f"链接失效请{pick(('留言', '私信', '评论'))}{sep}看到后第一时间补发",
                f"如链接失效{pick(('请联系博主', '请私信我', '评论区告知'))}补发",
            )
        )
    elif shape == "file":  # the editable file, a collection
        body = pick(
            (
                f"本篇{pick(FILES)}已上传{sep}需要的{reader}自取",
                f"全套合集共{rng.randint(30, 300)}份{sep}需要的私我",
                f"更多同类{pick(('范文', '材料', '文章'))}合集{sep}点击主页查看",
                f"{reader}需要{pick(FILES)}可以私信我",
            )
        )
    elif shape == "custom":  # custom writing
        body = pick(
            (
                f"可提供{pick(('代写', '材料代写', '讲话稿定制', '文稿润色'))}服务{sep}欢迎咨询",
                f"承接各类材料撰写{sep}{pick(('私信详谈', '欢迎私信', '有需要的私我'))}",
            )
        )
    elif shape == "shop":  # a shop
        body = pick(
            (
                f"本店文档均可编辑修改{sep}拍下后自动发货",
                f"拍下后自动发货{sep}{pick(FILES)}",
                f"本店所售资料均为{pick(FILES)}{sep}欢迎选购",
                f"淘宝搜索店铺“{pick(BRANDS)}文档铺”获取更多",
            )
        )
    elif shape == "repost":  # the reposter's and uploader's disclaimers
        body = pick(
            (
                "资源搬运自网络，若侵犯您的权益请告知删除",
                "本资料为网友上传，仅供学习交流，如有侵权请联系删除",
                f"本文转载自{pick(BRANDS)}公众号，版权归原作者所有",
                "文章来自网络，侵删",
            )
        )
    else:  # the seller's effort
        labour = pick(("原创不易", "整理不易", "码字不易", "创作不易"))
        body = f"{labour}{sep}{pick(('请大家多多支持', '转载请注明出处', '求个赞', '感谢支持'))}"
    return body, shape


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    advert, shape = _advert(rng)
    if rng.random() < 0.6:
        advert += rng.choice(("", "。", "！", "~", "!", "…"))
        text, at = document(rng, hosts, padded(rng, hosts, advert))
        end = at + len(advert) + 1
        fixed = text[:at] + text[end:]
        return Case(text, fixed, fixed, (deleted_span(text, at, end),), f"alone {shape}: {advert}")
    advert += rng.choice(("。", "！", "~", "!"))
    host = rng.choice(hosts)
    text, at = document(rng, hosts, padded(rng, hosts, host + advert))
    start = at + len(host)
    end = start + len(advert)
    fixed = text[:start] + text[end:]
    return Case(text, fixed, fixed, (deleted_span(text, start, end),), f"paragraph-end {shape}: {advert}")


TRAPS = (
    "联系人：王伟，联系电话：0551-62345678，邮箱：kjj@hefei.gov.cn。",
    "地址：合肥市蜀山区长江西路100号，邮编：230031。",
    "政务服务热线：12345，工作时间：周一至周五。",
    "请关注本局官方微信公众号获取最新信息。",
    "申报表可在局网站下载，填写后于5月10日前报送。",
    "各地要加强政府网站检查，及时清理链接失效、错链断链等问题。",
    "全县共有网络店铺1200家，网络零售额增长20%。",
    "第二十条 未经著作权人许可，不得复制、发行、通过信息网络传播其作品。",
    "积极引导青年加入志愿服务队伍，关注困难群众生活。",
    "为基层干部点赞，为担当作为者撑腰。",
    "群众可通过政府网站留言板留言，反映诉求。",
    "女士们、先生们、朋友们，欢迎大家来到美丽的江城。",
    "同学们，希望大家珍惜时光，努力学习。",
    "开展“晒晒我的好家风”活动，欢迎大家踊跃参与。",
    "各单位要高度关注舆情动态，及时回应社会关切。",
    "建立工作推进微信群，请各单位联系人于3日内入群。",
    "本通知可在区政府门户网站下载，电子版同步报送。",
    "市图书馆为读者提供电子资源免费下载服务。",
    "推动电商平台规范经营，严厉打击网络售假行为。",
    "整理归档工作不易，各单位要明确专人负责。",
    "本刊欢迎各单位投稿，来稿请注明联系方式。",
)


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    trap = rng.choice(TRAPS)
    return untouched(rng, hosts, beside_host(rng, hosts, trap))
