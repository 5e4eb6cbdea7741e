"""The split-word kind's `unless-before` guard, on long lines: it is searched in the line as it is
(its start and what lookbehinds see are the line's), for a match starting at most BEFORE_WINDOW
characters before the gap, so that a long line costs time in proportion to its gaps."""

from __future__ import annotations

import pytest

from lint.engine import segment
from lint.engine.document import Document
from lint.kinds import split_word
from lint.kinds.base import read_options


def _gaps(unless_before: str, text: str) -> list[int]:
    options = {"gap": r"(?<=\p{Han}) (?=\p{Han})", "prose": "[，。；！？]", "unless-before": unless_before}
    matcher = split_word.compile(read_options(split_word.OPTIONS, options))
    return [hit.start for hit in matcher.find(Document(text))]


@pytest.fixture(autouse=True)
def _every_gap_splits_a_word(monkeypatch):
    monkeypatch.setattr(segment, "word_across", lambda before, after: "词")


@pytest.mark.parametrize(
    ("unless_before", "before_gap", "flagged"),
    [
        ("^记者", "甲" * 10 + "记者" + "乙" * 62, True),  # not at the line's start, though at the window's
        ("(?<=者)八", "记者八" + "乙" * 64, True),  # the match starts out of the window
        ("(?<=甲)记者", "甲记者" + "乙" * 56, False),  # its lookbehind reads the line before the window
        ("记者$", "乙" * 70 + "记者", False),
        ("记者", "记者" + "乙" * 70, True),  # further back than BEFORE_WINDOW: not looked for
        ("^记者", "记者" + "乙" * 30, False),
    ],
)
def test_unless_before_is_searched_in_the_line_near_the_gap(unless_before, before_gap, flagged):
    text = before_gap + " 丙，\n"
    assert _gaps(unless_before, text) == ([len(before_gap)] if flagged else [])


def test_each_line_is_judged_by_its_own_quotation_marks_and_prose():
    text = "“甲 乙，\n甲 乙，\n甲 乙\n“甲”乙 丙，“丁 戊”\n"
    # the second line's gap (the first line's quotation is open); not the third (no prose); on the
    # fourth, the gap after the closed quotation, not the one in the open one
    assert _gaps("^$", text) == [7, text.index("乙 丙") + 1]
