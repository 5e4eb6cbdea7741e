"""The cleaning script a corpus owner would write instead of running plancheck: an afternoon's work
with `re`, covering the same families crudely. It is the yardstick of benchmarks/bench.py, not a
part of plancheck, and shares nothing with plancheck's rules (it was written from the families'
descriptions: paywall, ads, watermarks, page furniture, invisible characters, layout, redaction).

    python benchmarks/cleaner.py SRC            # clean every .txt under SRC in place
    python benchmarks/cleaner.py SRC DST        # write the cleaned files under DST instead

It reads each file, cleans it and writes it (every file, changed or not, as such a script does).
What it gets wrong is the point of comparing with it: it drops a line that mentions a 公众号 in a
real sentence, it joins a title to its first paragraph now and then, it cannot tell 4D from D建.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# whole lines of web furniture and site chatter: dropped
JUNK_LINE = re.compile(
    r"""^[ \t\u3000]*(?:
        .*(?:加入请联系|会员群|客服\s*(?:VX|微信|QQ)|私信小编|关注(?:微信)?公众号|加(?:微信|VX|QQ)[:：]?).*   # ads and contacts
      | .*(?:已阅读\d+页|还剩\d+页未读|继续免费阅读|试读结束|下载文档查看全文|全文完整版请下载).*    # preview notices
      | .*付费(?:标签|内容).*(?:替换|删除|查看).*                                                 # paywall placeholders
      | .*(?:本文档来源[自于].{0,20}网|转发文档请保留|版权归原作者所有|本站不拥有所有权).*         # site notices
      | 【?(?:字体[:：]\s*大\s*中\s*小|打印|关闭|返回顶部|收藏|分享到)】?(?:\s*【?(?:打印|关闭|返回顶部|收藏)】?)*
      | 扫一扫在手机(?:上)?打开当前页
      | (?:当前位置|您现在的位置|您的位置)[:：].*                                                # breadcrumbs
      | (?:首页|上一页|下一页|尾页|共\d+页|\d+)(?:[\s\u00a0]+(?:首页|上一页|下一页|尾页|共\d+页|\d+))+  # pagers
      | 第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页
      | [-—]\s*\d+\s*[-—]
      | (?:上一篇|下一篇|相关文章|相关阅读|热门推荐|猜你喜欢)[:：]?.*
      | .*(?:版权所有|ICP备\d+|技术支持[:：]|主办单位[:：]).*                                      # page footers
    )[ \t\u3000]*(?:\n|\Z)""",
    re.M | re.X,
)
PAYWALL_MARKER = re.compile(r"(?:##|\$\$|\[\[)paid[_-]?(?:begin|end)(?:##|\$\$|\]\])", re.I)
# a watermark stamp: a bracket holding a site's name among noise symbols
STAMP = re.compile(r"[@~#%^&*]*[【〖\[][^】〗\]\n]{0,30}(?:文库|素材|范文|资料网|文档网)[^】〗\]\n]{0,10}[】〗\]]")
# the same words scattered with noise inside a sentence: 更＃多＾素材
SCATTERED = re.compile(r"更[#＃^＾%*&@~]{1,3}多[#＃^＾%*&@~]{0,3}素[#＃^＾%*&@~]{0,3}材")
INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
# 党 written D (or full-width Ｄ) before or after the words it builds; not in 4D, DNA, CD
PARTY = re.compile(
    r"(?<![A-Za-z0-9０-９])[DＤ](?=的|建|员|委|组|政|群|纪|规|内|风|章|课|史|务|费|校|性|中央|支部|总支)"
    r"|(?<=[治全入爱兴管])[DＤ](?![A-Za-z0-9])"
)
TOC_DOTS = re.compile(r"^(.{2,60}?)\s*[.．…·]{4,}\s*\d{1,3}\s*$", re.M)
TRAILING_SPACE = re.compile(r"[ \t\u3000\u00a0]+$", re.M)
SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
BLANK_RUN = re.compile(r"\n{3,}")
# a hard wrap: a line of prose (20 characters or more) ending without a full stop, followed by more
# prose that does not open a heading
HARD_WRAP = re.compile(
    r"^([^\n]{19,}[\u4e00-\u9fff，、])\n(?=[\u4e00-\u9fff])(?![一二三四五六七八九十]+、|第[一二三四五六七八九十百]+[章节条])", re.M
)


def clean(text: str) -> str:
    text = text.replace("\r\n", "\n")
    text = INVISIBLE.sub("", text)
    text = HTML_COMMENT.sub("", text)
    text = UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = PAYWALL_MARKER.sub("", text)
    text = STAMP.sub("", text)
    text = SCATTERED.sub("", text)
    text = PARTY.sub("党", text)
    text = JUNK_LINE.sub("", text)
    text = TOC_DOTS.sub(r"\1", text)
    text = TRAILING_SPACE.sub("", text)
    text = SPACE_BETWEEN_HAN.sub("", text)
    text = HARD_WRAP.sub(r"\1", text)
    text = BLANK_RUN.sub("\n\n", text)
    return text.strip("\n") + "\n"


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    source = Path(argv[0])
    target = Path(argv[1]) if len(argv) == 2 else source
    for path in sorted(source.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        out = target / path.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(clean(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
