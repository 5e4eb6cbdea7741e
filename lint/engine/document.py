"""A text prepared for rules: newlines folded to "\n", line starts, and memoised derived views.

Rules see only "\n" line ends; `NewlineMap` takes their spans back to the file's own text, so
CRLF, CR and the CR CR LF of some scrapers survive every fix untouched.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from lint.engine.expressions import LazyPattern
from lint.model import LINE_END

if TYPE_CHECKING:
    from typing import Any

_NEWLINE = LazyPattern(LINE_END)
_NOT_HAN = LazyPattern(r"\P{Han}+")
_SENTENCE_END = LazyPattern(r"[。！？]")


def han_count(text: str) -> int:
    return len(_NOT_HAN.sub("", text))


class NewlineMap:
    """Maps offsets in the "\n"-only text to offsets in the original text."""

    __slots__ = ("_norm_positions", "_extra", "newline")

    def __init__(self, original: str) -> None:
        # machine integers, not a list of int objects: a CRLF file has an entry per line
        positions = array("q")
        extra = array("q")
        styles: Counter[str] = Counter()
        shift = 0
        if "\r" in original:
            for m in _NEWLINE.finditer(original):
                unit = m.group()
                positions.append(m.start() - shift)
                shift += len(unit) - 1
                extra.append(shift)
                styles["\r\n" if unit.endswith("\r\n") else unit[-1]] += 1
        else:
            styles["\n"] += 1
        self._norm_positions = positions
        self._extra = extra
        self.newline = styles.most_common(1)[0][0]

    @staticmethod
    def normalize(original: str) -> str:
        return _NEWLINE.sub("\n", original) if "\r" in original else original

    def to_original(self, index: int) -> int:
        if not self._norm_positions:
            return index
        k = bisect.bisect_left(self._norm_positions, index)
        return index + (self._extra[k - 1] if k else 0)

    def content(self, text: str) -> str:
        return text.replace("\n", self.newline) if self.newline != "\n" else text


class Document:
    """The "\n"-only text with line geometry; detection never mutates it."""

    __slots__ = ("text", "line_starts", "timeout", "guard_timeout", "_lines", "_memo", "trigger_lines")

    def __init__(self, text: str, timeout: float | None = None) -> None:
        self.text = text
        # seconds a rule's regular expression may run on this document (None: no limit): its main
        # scan always, its guards and per-line tests (`guard_timeout`) only where the rule is not
        # one of plancheck's own, whose expressions the tests hold to linear time: a time limit
        # costs `regex` 2.5 us a call, which on the many short calls of a kind's guards was a sixth
        # of a check (benchmarks/compare.py)
        self.timeout = timeout
        self.guard_timeout = timeout
        self._lines = text.split("\n")
        # each line starts one past the end of the one before, line end included (no loop in
        # Python: a text has tens of thousands of lines, and each pass of the fix loop a new one);
        # machine integers, a fifth of the memory of a list of int objects
        self.line_starts = array("q", itertools.accumulate(map(operator.add, map(len, self._lines[:-1]), itertools.repeat(1)), initial=0))
        self._memo: dict[Any, Any] = {}
        # the prefilter's answer, when it ran: for each rule trigger (source, flags), the lines
        # where its matches end
        self.trigger_lines: dict[tuple[str, int], list[int]] | None = None

    @property
    def lines(self) -> list[str]:
        return self._lines

    def line_span(self, index: int) -> tuple[int, int]:
        """Start and end (newline excluded) of line `index`."""
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def line_with_newline(self, index: int) -> tuple[int, int]:
        """Span of the whole line including its newline (for deleting the line)."""
        start = self.line_starts[index]
        end = self.line_starts[index + 1] if index + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def lines_matching(self, trigger: Any) -> list[int] | None:
        """Indexes of the lines where matches of `trigger` (a rule's trigger) end, in order; None
        when the prefilter did not run on this text."""
        if self.trigger_lines is None:
            return None
        return self.trigger_lines.get((trigger.source, trigger.flags))

    def line_index(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def memo(self, key: Any, factory: Callable[[], Any]) -> Any:
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = factory()
            return value

    def han_count(self) -> int:
        return self.memo("han-count", lambda: han_count(self.text))

    def prose_han_count(self) -> int:
        """Han characters in the document's prose: lines with a sentence end (。！？). Titles, notices
        and advertising lines mostly have none, so deleting them leaves this count alone."""
        return self.memo("prose-han-count", lambda: sum(han_count(line) for line in self.lines if _SENTENCE_END.search(line)))

    def folded(self) -> FoldedText:
        return self.memo("nfkc", lambda: FoldedText(self.text))

    def folding_lines(self) -> list[int]:
        """Indexes of the lines NFKC folding changes, in order. Folding keeps line ends as they
        are, so a line folds alone: one scan for the characters that may fold finds these lines
        without folding the text (a few in a hundred lines of a Chinese document)."""
        return self.memo("folding-lines", self._folding_lines)

    def _folding_lines(self) -> list[int]:
        text, starts = self.text, self.line_starts
        indexes = []
        m = _MAY_FOLD.search(text)
        while m:
            ch = m.group()
            if _fold_char(ch) == ch:
                m = _MAY_FOLD.search(text, m.end())
                continue
            i = bisect.bisect_right(starts, m.start()) - 1
            indexes.append(i)
            if i + 1 >= len(starts):
                break
            m = _MAY_FOLD.search(text, starts[i + 1])
        return indexes


@functools.lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


# Chinese punctuation is folded by NFKC (，to ,) but is text, not noise or look-alike: leaving it
# as it is keeps clean documents on the fast path and keeps ！ and ～ from counting as noise.
KEEP_UNFOLDED = frozenset("，：；！？（）～＂＇［］｛｝…　")
# What NFKC leaves as it is, by the block: ASCII, the CJK ideographs and the common Chinese
# punctuation. Only the other characters (full-width letters, circled numbers, look-alikes) are
# looked at, so folding a clean document costs one scan instead of a set of all its characters.
_COMMON_PUNCTUATION = "、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟“”‘’—–·•"
_STABLE_PUNCTUATION = "".join(c for c in _COMMON_PUNCTUATION if unicodedata.normalize("NFKC", c) == c)
# (`re`, not `regex`: it scans a large character class several times faster)
_MAY_FOLD = re.compile("[^\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff" + re.escape(_STABLE_PUNCTUATION + "".join(sorted(KEEP_UNFOLDED))) + "]")


class FoldedText:
    """NFKC-folded text for detection only, with a map back to original offsets.

    Output always keeps the original characters: a watermark written in mathematical letters
    (𝒘𝒘𝒘.𝒆𝒙𝒂𝒎𝒑𝒍𝒆.𝒄𝒐𝒎) is *seen* as ASCII but deleted as written. Folding works per distinct
    character (a document has a few thousand): one scan finds the characters that may fold, and
    one substitution replaces those that do; only characters that fold to several (… to ...)
    need offsets remembered.
    """

    __slots__ = ("text", "changed", "_fold_ends", "_shifts", "_origins")

    def __init__(self, text: str) -> None:
        self._fold_ends: list[int] = []
        self._shifts: list[int] = []
        self._origins: list[int] = []
        self.text, self.changed = text, False
        # per distinct character, not unicodedata.is_normalized: that falls back to normalizing
        # the whole text whenever the quick check is unsure, which Chinese text often makes it
        table = {}
        for ch in set(_MAY_FOLD.findall(text)):
            folded = _fold_char(ch)
            if folded != ch:
                table[ch] = folded
        if not table:
            return
        self.changed = True
        # a substitution visits only the characters that fold; str.translate would look up every
        # character of the text in the table, several times slower on a document
        self.text = re.sub("[" + "".join(map(re.escape, table)) + "]", lambda m: table[m.group()], text)
        resized = {ch for ch, folded in table.items() if len(folded) != 1}
        if not resized:
            return
        shift = 0
        for m in re.finditer("[" + "".join(map(re.escape, resized)) + "]", text):
            i = m.start()
            size = len(table[m.group()])
            self._fold_ends.append(i + shift + size)
            shift += size - 1
            self._shifts.append(shift)
            self._origins.append(i)

    def _original(self, offset: int, end: bool) -> int:
        k = bisect.bisect_right(self._fold_ends, offset)
        shift = self._shifts[k - 1] if k else 0
        if k < len(self._fold_ends):
            # inside a character that folded to several: map to that character
            size_before = self._fold_ends[k] - (self._shifts[k] - shift) - 1
            if size_before < offset < self._fold_ends[k]:
                return self._origins[k] + (1 if end else 0)
        return offset - shift

    def span(self, start: int, end: int) -> tuple[int, int]:
        if not self._fold_ends:
            return start, end
        return self._original(start, False), self._original(end, True)
