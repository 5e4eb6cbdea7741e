"""A text prepared for rules: newlines folded to "\n", line starts, and memoised derived views.

Rules see only "\n" line ends; `NewlineMap` takes their spans back to the file's own text, so
CRLF, CR and the CR CR LF of some scrapers survive every fix untouched.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any

import regex

_NEWLINE = regex.compile(r"\r*\n|\r")


class NewlineMap:
    """Maps offsets in the "\n"-only text to offsets in the original text."""

    __slots__ = ("_norm_positions", "_extra", "newline")

    def __init__(self, original: str) -> None:
        positions: list[int] = []
        extra: list[int] = []
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

    __slots__ = ("text", "line_starts", "_lines", "_memo")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.line_starts = starts
        self._lines: list[str] | None = None
        self._memo: dict[Any, Any] = {}

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
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

    def line_index(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def memo(self, key: Any, factory: Callable[[], Any]) -> Any:
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = factory()
            return value

    def folded(self) -> FoldedText:
        return self.memo("nfkc", lambda: FoldedText(self.text))


class FoldedText:
    """NFKC-folded text for detection only, with a map back to original offsets.

    Output always keeps the original characters: a watermark written in mathematical letters
    (𝒘𝒘𝒘.𝒆𝒙𝒂𝒎𝒑𝒍𝒆.𝒄𝒐𝒎) is *seen* as ASCII but deleted as written.
    """

    __slots__ = ("text", "_origins", "changed")

    def __init__(self, text: str) -> None:
        if unicodedata.is_normalized("NFKC", text):
            self.text, self._origins, self.changed = text, None, False
            return
        parts: list[str] = []
        origins: list[int] = []
        for i, ch in enumerate(text):
            folded = unicodedata.normalize("NFKC", ch)
            parts.append(folded)
            origins.extend([i] * len(folded))
        origins.append(len(text))
        self.text = "".join(parts)
        self._origins = origins
        self.changed = True

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self._origins is None:
            return start, end
        o = self._origins
        # the end maps past the last original character that produced folded[end - 1]
        return o[start], (o[end - 1] + 1 if end > start else o[start])
