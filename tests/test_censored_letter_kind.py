"""The censored-letter kind beyond RD001's cases: its options are checked when a pack is read, a
likely or weak reading follows the document's certain ones, a certain phrase
makes a lone letter certain, and the words it adds to jieba's dictionary
weigh what jieba's own `suggest_freq` gives them."""

from __future__ import annotations

import pytest

from lint.engine import segment
from lint.engine.document import Document
from lint.kinds import censored_letter
from lint.kinds.base import OptionError, read_options

OPTIONS = {"letters": "D", "restore": "党", "certain-words": ["党员", "党委"], "invisible": "\u200b"}


def _hits(text: str, **options) -> list[tuple[int, bool]]:
    matcher = censored_letter.compile(read_options(censored_letter.OPTIONS, {**OPTIONS, **options}))
    return [(hit.start, hit.edits is not None) for hit in matcher.find(Document(text))]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"restore": "党员"}, "expected one character"),
        ({"certain-words": ["党员", "团员"]}, "every word must hold"),
        ({"added-words": ["兴业"]}, "every word must hold"),
    ],
)
def test_options_are_checked(options, message):
    with pytest.raises(OptionError, match=message):
        censored_letter.compile(read_options(censored_letter.OPTIONS, {**OPTIONS, **options}))


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("严肃D内政治生活。", []),  # a likely reading alone: the document shows no filter
        ("严肃D内政治生活，D员带头。", [(2, True), (9, True)]),  # a word of 党 beside one certain
        ("坚持D在农村的工作，D员带头。", [(2, False), (10, True)]),  # a bound 党 beside one: reported
        ("坚持D在农村的工作，D员带头，D委负责。", [(2, True), (10, True), (15, True)]),
        ("热烈庆祝D成立，D员带头，D委负责。", [(8, True), (13, True)]),  # between Han alone: no reading
        ("召开D组会议，D员带头。", [(2, False), (7, True)]),  # 党组 takes the label 组 in: weak
    ],
)
def test_weaker_readings_follow_the_certain_ones(text, hits):
    assert _hits(text, **{"right-labels": "组", "weak-after": "[的在]"}) == hits


def test_the_thresholds_are_read():
    assert _hits("坚持D在农村的工作，D员带头。", **{"min-certain": 1, "weak-after": "[的在]"}) == [(2, True), (10, True)]
    assert _hits("严肃D内政治生活，D员带头。", **{"min-certain-word": 2}) == [(2, False), (9, True)]


def test_a_certain_phrase_makes_a_lone_letter_certain():
    phrases = {"certain-phrases": ["爱党爱国", "光荣在党"]}
    assert _hits("引导群众爱D爱国。", **phrases) == [(5, True)]
    assert _hits("引导群众爱D爱国。") == []
    # a label after the end of a phrase stays a label
    assert _hits("我们D组负责。", **{"certain-phrases": ["我们党"], "right-labels": "组"}) == []


def test_the_fix_takes_the_invisible_characters_beside_the_letter():
    matcher = censored_letter.compile(read_options(censored_letter.OPTIONS, OPTIONS))
    [hit] = matcher.find(Document("加强\u200bD\u200b员教育。"))
    assert (hit.start, hit.end, hit.edits[0].content) == (2, 5, "党")


def test_added_words_weigh_what_keeps_them_whole():
    # 听党 and 党日 are not in jieba's dictionary: added, they are kept whole, and they do not
    # take 党 from a word of the dictionary (党群 in 建强党群)
    added = ("听党", "党日", "强党")
    assert segment.dictionary().route("坚定听党话", added) == ["坚定", "听党", "话"]
    assert segment.dictionary().route("开展主题党日活动", added) == ["开展", "主题", "党日", "活动"]
    assert segment.word_at("建强党群服务", 2, added) == (2, 4)
