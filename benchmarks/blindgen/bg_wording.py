"""Blind generator: homophone misspellings (wording) of chengyu and official set formulations —
one character replaced by a same- or near-reading character — in sentences of the voice of work
plans and speeches (opener × phrase × closer), put as a sentence of its own after a real paragraph
or as a line of its own. --fix replaces the wrong character by the right one (safe and unsafe
alike). Written without reading plancheck's rules; the pairs are my own list of frequent errors.

Each pair is "correct|wrong"; the two differ in exactly one character."""

from __future__ import annotations

from tests.variants import Case, document, untouched

FAMILY = "blind_wording"
CATEGORY = "wording"

# class v: fits "<opener>要<P>，<closer>" (an action or attitude)
V_PAIRS = """
再接再厉|再接再励 迫不及待|迫不急待 一如既往|一如继往 按部就班|按步就班 墨守成规|默守成规 迫在眉睫|迫在眉捷
鞠躬尽瘁|鞠躬尽粹 义无反顾|义无返顾 旁征博引|旁证博引 一鼓作气|一股作气 精兵简政|精兵减政 众志成城|众志成诚
锲而不舍|契而不舍 循序渐进|循序渐近 一视同仁|一视同人 因地制宜|因地治宜 与时俱进|与时具进 实事求是|实事求事
任劳任怨|任劳任愿 雷厉风行|雷励风行 心无旁骛|心无旁鹜 殚精竭虑|惮精竭虑 集思广益|集思广议
举一反三|举一返三 防微杜渐|防危杜渐 未雨绸缪|未雨筹缪 一丝不苟|一丝不够 宽严相济|宽严相剂 标本兼治|标本兼制
攻坚克难|攻艰克难 开拓进取|开托进取 砥砺前行|抵砺前行 踔厉奋发|卓厉奋发 笃行不怠|笃行不殆 久久为功|久久为攻
行稳致远|行稳至远 踏石留印|踏实留印 抓铁有痕|抓铁有恨 驰而不息|持而不息 激浊扬清|激浊扬青 不忘初心|不忘初新
履职尽责|履职进责 不折不扣|不折不叩 一以贯之|一以惯之 迎难而上|迎难而尚 以身作则|以身做则 艰苦奋斗|坚苦奋斗
有的放矢|有的放失 各司其职|各思其职 全力以赴|全力以付 竭尽全力|竭进全力 精益求精|精意求精 不遗余力|不遗于力
身体力行|身体利行 尽职尽责|尽职进责 责无旁贷|责无旁代 重蹈覆辙|重蹈复辙 循规蹈矩|循规导矩 再创佳绩|再创嘉绩
坚定不移|坚定不疑 毫不动摇|毫不动遥 群策群力|群测群力 精诚团结|精城团结 和衷共济|和忠共济 时不我待|时不我代
只争朝夕|只争潮夕 聚精会神|聚精汇神 全神贯注|全神惯注 厉行节约|励行节约 令行禁止|令行进止 独树一帜|独树一志
凝心聚力|凝心聚立 勇于担当|勇于担挡 担当作为|担挡作为 精准施策|精准施测 贯彻落实|惯彻落实 安排部署|安排布署
弘扬传统美德|宏扬传统美德 排查整治|排察整治 统筹兼顾|统筹兼故 脚踏实地|脚塌实地 千方百计|千方百记
大兴调查研究之风|大兴调查研究之兴 加强党风廉政建设|加强党风廉正建设 持续优化营商环境|持续优化营商环镜
全面推进乡村振兴|全面推进乡村震兴 巩固脱贫攻坚成果|巩固脱贫攻艰成果 化解矛盾纠纷|化解矛盾纠分 健全长效机制|健全长效机治
防患于未然|防患于未燃 百尺竿头更进一步|百尺杆头更进一步 按图索骥|按图索冀 常抓不懈|常抓不泄 锐意进取|锐意近取
真抓实干|真抓实淦 埋头苦干|埋头苦赶 求真务实|求真务石 防范化解重大风险|防范化解重大风显
""".split()
# class d: a description, fits "<subject>呈现出<P>的<scene>"
D_PAIRS = """
欣欣向荣|欣欣向容 日新月异|日新月易 层出不穷|层出不穹 蒸蒸日上|蒸蒸日尚 井然有序|井然有叙
焕然一新|换然一新 人才辈出|人才倍出 相得益彰|相得益张 政通人和|政通人合 风清气正|风清气政 浑然一体|混然一体
安居乐业|安居乐叶 突飞猛进|突飞猛近 事半功倍|事半功陪 源远流长|渊远流长 相辅相成|相辅相承 一脉相承|一脉相成
名列前茅|名列前矛 家喻户晓|家谕户晓 任重道远|任重道原 出类拔萃|出类拔粹 不可或缺|不可或却
迥然不同|炯然不同 有条不紊|有条不稳 众所周知|众所周之 不言而喻|不言而谕 当务之急|当物之急 重中之重|众中之重
""".split()

OPENERS = ("各级各部门要", "全体干部职工要", "我们必须", "全县上下要", "广大党员干部要", "我局将", "要始终",
           "各乡镇要", "领导干部要", "我们将继续", "全区各级要", "机关各科室要", "我们一定要", "今后我们要",
           "全系统要", "各单位要", "班子成员要", "每一名党员都要", "下一步要", "新的一年，我们要")
CLOSERS = ("推动各项工作落地见效", "确保年度目标任务圆满完成", "为全县高质量发展贡献力量", "切实把责任扛在肩上",
           "以实际行动践行初心使命", "努力交出满意答卷", "推动工作再上新台阶", "不断开创工作新局面",
           "确保各项部署落到实处", "让群众有更多获得感", "奋力谱写新篇章", "把各项任务抓紧抓实抓好",
           "以优异成绩迎接检验", "在新征程上展现新作为", "全力以赴抓好落实", "做到守土有责、守土尽责")
SUBJECTS = ("全县各项事业", "我区经济社会发展", "全镇干部队伍", "各项改革", "城乡面貌", "机关作风", "全市文化事业",
            "基层党建工作", "乡村产业", "政务服务")
SCENES = ("良好态势", "喜人局面", "发展格局", "崭新面貌", "良好氛围", "生动局面", "可喜变化")


def _pairs(raw):
    out = []
    for item in raw:
        good, bad = item.split("|")
        assert len(good) == len(bad) and sum(a != b for a, b in zip(good, bad)) == 1, item
        out.append((good, bad))
    return out


V = _pairs(V_PAIRS)
D = _pairs(D_PAIRS)


def sentence(rng, pair_class: str, good: str, bad: str):
    """(wrong sentence, its correct form, offset of the phrase, key)"""
    if pair_class == "v":
        o, c = rng.choice(OPENERS), rng.choice(CLOSERS)
        if good == "全力以赴" and c == "全力以赴抓好落实":
            c = CLOSERS[0]
        head, tail = o, "，" + c + "。"
    else:
        s, sc = rng.choice(SUBJECTS), rng.choice(SCENES)
        shape = rng.randrange(3)
        if shape == 0:
            head, tail = s + "呈现出", "的" + sc + "。"
        elif shape == 1:
            head, tail = "努力营造" + rng.choice(("", "更加")), "的" + sc + "，" + rng.choice(CLOSERS) + "。"
        else:
            head, tail = s + "要在新起点上形成", "的" + sc + "。"
    return head + bad + tail, head + good + tail, len(head), head + bad + tail


def artifacts(rng, hosts) -> Case:
    cls = "v" if rng.random() < 0.7 else "d"
    good, bad = rng.choice(V if cls == "v" else D)
    wrong, right, at, key = sentence(rng, cls, good, bad)
    if rng.random() < 0.6:  # a sentence of its own after a real paragraph
        host = rng.choice(hosts)
        middle, fixed_middle, at = host + wrong, host + right, len(host) + at
    else:
        middle, fixed_middle = wrong, right
    text, off = document(rng, hosts, middle)
    fixed = text[:off] + fixed_middle + text[off + len(middle):]
    span = (off + at, off + at + len(bad))
    return Case(text, fixed, fixed, (span,), key)


TRAPS = [
    ("correct_chengyu", lambda r: f"{r.choice(OPENERS)}{r.choice(V)[0]}，{r.choice(CLOSERS)}。"),
    ("correct_desc", lambda r: f"{r.choice(SUBJECTS)}呈现出{r.choice(D)[0]}的{r.choice(SCENES)}。"),
    ("shibeigongban", lambda r: "方法不当往往事倍功半，必须找准症结、精准发力。"),
    ("necessities", lambda r: "做好粮油等生活必需品保供稳价工作。"),
    ("buzhi_venue", lambda r: "提前布置会场，做好会务保障工作。"),
    ("quanli_quanli", lambda r: "依法保障群众知情权、参与权，把权力关进制度的笼子里。"),
    ("deadline", lambda r: "申报截止日期为6月30日，截至目前已受理申请120件。"),
    ("transition", lambda r: "设置一年过渡期，过渡期内保持政策总体稳定。"),
    ("reaction", lambda r: "建立快速反应机制，及时回应群众反映的问题。"),
    ("yuanyuan", lambda r: "深入挖掘本地文化的历史渊源，打造文旅融合品牌。"),
    ("hongwei", lambda r: "绘就高质量发展的宏伟蓝图。"),
    ("yanli", lambda r: "严厉打击电信网络诈骗犯罪，持续开展专项行动。"),
    ("encourage", lambda r: "健全激励机制，鼓励干部担当作为。"),
    ("rencai_beizeng", lambda r: "实施人才倍增计划，全年引进高层次人才50名。"),
    ("zhisheng", lambda r: "把创新作为高质量发展的致胜法宝。"),
    ("yaoyao_yuzhui", lambda r: "全面排查摇摇欲坠的危旧房屋，确保群众住房安全。"),
    ("gongjian", lambda r: "打好污染防治攻坚战，持续改善生态环境质量。"),
    ("bushu", lambda r: "认真落实省委省政府决策部署。"),
    ("guzu_ganjin", lambda r: "鼓足干劲、乘势而上，奋力完成全年目标任务。"),
    ("chuxin_shiming", lambda r: "牢记初心使命，始终保持同人民群众的血肉联系。"),
    ("variant_kejin", lambda r: "广大医务人员克尽职守，全力守护群众健康。"),
    ("variant_luli", lambda r: "全县上下勠力同心，坚决打赢防汛救灾这场硬仗。"),
    ("zuochu_zuochu", lambda r: "对表现突出的集体和个人作出表彰，对履职不力的作出处理。"),
    ("yizhi_yizhi", lambda r: "少数干部作风漂浮，以致工作推进缓慢。"),
    ("zhengzhi_zhili", lambda r: "坚持标本兼治、综合治理、系统治理、源头治理。"),
    ("cheng_cheng", lambda r: "坚持继承和发展相统一，一脉相承、与时俱进。"),
]


def traps(rng, hosts) -> Case:
    what, make = rng.choice(TRAPS)
    return untouched(rng, hosts, make(rng), what)
