"""`split-word`: a stray space that PDF extraction put inside a word, `基层党 组织`.

A single space between two Han characters is a split word when a dictionary word spans it: the
text around the gap, segmented without the space (jieba, dictionary only, no guessing of new
words), has a word that crosses the gap (`党组织` in 基层党 组织, `特色` in 中国特 色社会主义). Only in
prose lines (`prose`), never after `unless-before` (an article number: `第八十九条 理算…`, where
`条理` is a word by accident; a match of it starts at most BEFORE_WINDOW characters before the
gap) and never inside an open quotation (`“万企出海 鲁贸全球”` is a slogan written with a
space). The dictionary is read from an on-disk index (lint/engine/segment.py), only for
the few gaps that pass the other tests.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.engine.document import Document
from lint.kinds.base import INTEGER, REGEX, Hit, Option
from lint.model import Edit

OPTIONS = {
    "gap": Option(REGEX, required=True),
    "prose": Option(REGEX, required=True),
    "unless-before": Option(REGEX, required=True),
    "context": Option(INTEGER, default=6),
}


# `unless-before` is looked for in the line before the gap, in a match starting this many characters
# before the gap at most (an article number, a byline's 记者): searching all of the line before each
# gap of a long line was quadratic
BEFORE_WINDOW = 64


class SplitWordMatcher:
    folds = False
    line_triggers = ()

    def __init__(self, options: dict) -> None:
        self.gap = options["gap"]
        self.prose = options["prose"]
        self.unless_before = options["unless-before"]
        self.context = options["context"]
        # a gap inside one prose line, judged by that line: declared, and checked on the rule's
        # examples when its pack is compiled
        self.line_local = True
        # none: Hyperscan leaves out the lookarounds of its gap, and a bare space is on most lines
        self.triggers = ()

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        line = -1
        for m in self.gap.finditer(text, timeout=doc.timeout):
            start, end = m.span()
            index = doc.line_index(start)
            if index != line:
                # a new line: judged once, and its quotation marks counted from its start on, gap
                # after gap (each gap looking at all of its line made a long line quadratic)
                line = index
                line_start, line_end = doc.line_span(line)
                line_text = text[line_start:line_end]
                prose = self.prose.search(line_text, timeout=doc.guard_timeout) is not None
                counted, open_quotes = line_start, 0
            if not prose:
                continue
            open_quotes += text.count("“", counted, start) - text.count("”", counted, start)
            counted = start
            # in the line as it is (its start, what lookbehinds see), from the window's start on
            gap = start - line_start
            if open_quotes > 0 or self.unless_before.search(line_text, max(0, gap - BEFORE_WINDOW), gap, timeout=doc.guard_timeout):
                continue
            from lint.engine.segment import word_across  # the dictionary index (and sqlite3): only for a gap in prose

            word = word_across(text[max(line_start, start - self.context) : start], text[end : min(line_end, end + self.context)])
            if word:
                yield Hit(start, end, (Edit(start, end),), word)


def compile(options: dict) -> SplitWordMatcher:
    return SplitWordMatcher(options)
