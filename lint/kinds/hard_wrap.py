"""`hard-wrap`: a line break inside a sentence (PDF or Word extraction); the break is deleted.

Two neighbouring non-blank lines are joined when the first ends where a sentence cannot end
(`continue-end`, a regex tested on its last character), the second starts where a sentence can
go on (`continue-start`), both lines are prose (they have clause punctuation `clause`, so titles,
headings, slogans, signatures and TOC entries, which have none, are never joined to or from), and neither
line is a heading (`heading`), an enumerated item (`item`) or a table row (tabs, runs of spaces).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..model import Edit
from .base import REGEX, Hit, Option

OPTIONS = {
    "continue-end": Option(REGEX, required=True),
    "continue-start": Option(REGEX, required=True),
    "clause": Option(REGEX, required=True),
    "heading": Option(REGEX, required=True),
    "item": Option(REGEX, required=True),
    "table-row": Option(REGEX, required=True),
}


class HardWrapMatcher:
    def __init__(self, options: dict) -> None:
        self.continue_end = options["continue-end"]
        self.continue_start = options["continue-start"]
        self.clause = options["clause"]
        self.heading = options["heading"]
        self.item = options["item"]
        self.table_row = options["table-row"]

    def find(self, doc: Document) -> Iterator[Hit]:
        lines = doc.lines
        for index in range(len(lines) - 1):
            first, second = lines[index], lines[index + 1]
            if not first or not second:
                continue
            if not self.continue_end.match(first[-1]) or not self.continue_start.match(second):
                continue
            if not (self._prose(first) and self._prose(second)) or self.heading.search(first):
                continue
            if self.item.match(second) or self.table_row.search(first) or self.table_row.search(second):
                continue
            _, end = doc.line_span(index)
            yield Hit(end, end + 1, (Edit(end, end + 1),), first[-1] + second[0])

    def _prose(self, line: str) -> bool:
        # an item's own marker (一、, 1、) is not clause punctuation: 一、加强党的建设 is a heading
        marker = self.item.match(line)
        return self.clause.search(line, marker.end() if marker else 0) is not None


def compile(options: dict) -> HardWrapMatcher:
    return HardWrapMatcher(options)
