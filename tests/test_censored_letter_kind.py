"""The censored-letter kind beyond RD001's cases: its options are checked when a pack is read, a
weak reading follows the document's certain ones, and the words it adds to jieba's dictionary
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
        ("严肃D内政治生活。", []),  # a weak reading alone: the document shows no filter
        ("严肃D内政治生活，D员带头。", [(2, False), (9, True)]),  # beside one certain: reported
        ("严肃D内政治生活，D员带头，D委负责。", [(2, True), (9, True), (14, True)]),
    ],
)
def test_a_weak_reading_follows_the_certain_ones(text, hits):
    assert _hits(text) == hits


def test_min_certain_is_read():
    assert _hits("严肃D内政治生活，D员带头。", **{"min-certain": 1}) == [(2, True), (9, True)]


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
