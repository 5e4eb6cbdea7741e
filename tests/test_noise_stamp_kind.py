"""The noise-stamp kind's own decisions, beyond the rule's cases: what counts as an insertion and
where a stamp ends."""

from __future__ import annotations

import pytest

from lint.engine.document import Document
from lint.kinds import noise_stamp
from lint.kinds.base import OptionError, read_options

OPTIONS = {
    "symbols": "#&@%^$",
    "fillers": "*|",
    "separators": "·…~～",
    "brackets": "【】（）##",
    "offer": "更多|海量|免费",
    "content": "范文|资料|文档",
    "site": "(?:网|文库)$",
}


def _found(text: str) -> list[str]:
    matcher = noise_stamp.compile(read_options(noise_stamp.OPTIONS, OPTIONS))
    return [text[hit.start : hit.end] for hit in matcher.find(Document(text))]


@pytest.mark.parametrize(
    ("text", "stamps"),
    [
        ("推进海#量@范文工作。", ["海#量@范文"]),  # outside brackets: the first insertion to the last, and the cue word cut
        ("推进海#量@范工作。", ["海#量@范"]),
        ("确保稳定，精~品|文档坚决守住。", ["精~品|文档"]),  # two different marks close together
        ("马克思·韦伯在北京～天津考察。", []),  # different marks, far apart
        ("推进海#量工作。", []),  # one insertion outside a bracket proves nothing
        ("推进。【海#量范文】", ["【海#量范文】"]),  # one in a bracket, with two cues
        ("推进。【科#技生活】", []),  # one in a bracket without cues
        ("推进。@~【海#量@范文】", ["@~【海#量@范文】"]),  # noise just outside goes with it
        ("增长6%【海#量@范文】", ["【海#量@范文】"]),  # not the percent sign of a number
        ("推进*镇*村工作。", []),  # stars alone: placeholders
        ("学习马·克·思理论。", []),  # two dots: not between every character of a run
        ("学习海·量·范·文。", ["海·量·范·文"]),
        ("推进，#海量@范文#工作。", ["#海量@范文#"]),
        ("推进海^#量@范#文工作。", ["海^#量@范#文"]),  # a hash after a Han character is an insertion
        ("【海量范文免费网】", ["【海量范文免费网】"]),
        ("（更多资料见附件）", []),  # the site's name is not at the end
    ],
)
def test_stamps(text, stamps):
    assert _found(text) == stamps


def test_a_stamp_alone_on_its_line_takes_the_line():
    matcher = noise_stamp.compile(read_options(noise_stamp.OPTIONS, OPTIONS))
    text = "正文。\n　　海#量@范%文\n正文。\n"
    (hit,) = matcher.find(Document(text))
    assert [(e.start, e.end) for e in hit.edits] == [(4, 14)]


def test_brackets_come_in_pairs():
    with pytest.raises(OptionError):
        noise_stamp.compile(read_options(noise_stamp.OPTIONS, {**OPTIONS, "brackets": "【】（"}))
