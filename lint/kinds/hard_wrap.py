"""`hard-wrap`: a line break inside a sentence (PDF or Word extraction); the break is deleted.

Two neighbouring non-blank lines are joined when the first ends where a sentence cannot end
(`continue-end`, tested on its last character), the second starts where a sentence can go on
(`continue-start`), both are prose (they have clause punctuation `clause`: titles, headings,
slogans, signatures and TOC entries have none), the first is not a heading (`heading`, or an
enumerated item with no sentence end `sentence-end` in it), the second is not an enumerated item
(`item`) or a short lead-in such as a salutation (`lead-in`: 各位代表：) and neither is a table
row (`table-row`). A first line that ends in a Han character must
also look wrapped: it ends a comma-like character (`soft-end`), is at least `min-length`
characters long, continues a sentence from the line before, or leaves a quotation open; a short
line that ends in a Han character after a full stop is a heading, not a wrap.

A line that is only an opening bracket or quote (`orphan`: `（` then `三）改革开放…`) is joined to
the next. A fragment line of at most `max-fragment` Han characters (`“双向\\n揭榜\\n挂帅”`) is joined to
both neighbours when the sentence around it is plainly open: a quotation left open before it,
or punctuation right after it.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.engine import expressions
from lint.engine.document import Document
from lint.kinds.base import INTEGER, REGEX, Hit, LazyPattern, Option, may_cross_lines
from lint.model import Edit

OPTIONS = {
    "continue-end": Option(REGEX, required=True),
    "continue-start": Option(REGEX, required=True),
    "soft-end": Option(REGEX, required=True),
    "clause": Option(REGEX, required=True),
    "sentence-end": Option(REGEX, required=True),
    "heading": Option(REGEX, required=True),
    "item": Option(REGEX, required=True),
    "table-row": Option(REGEX, required=True),
    "lead-in": Option(REGEX, required=True),
    "orphan": Option(REGEX, required=True),
    "min-length": Option(INTEGER, default=60),
    "max-fragment": Option(INTEGER, default=6),
}

_OPENERS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "(": ")"}
_FRAGMENT = LazyPattern(r"^\p{Han}+$")
_CLOSING_START = LazyPattern(r"^[，。；：、！？”’）》]")


def _open_quotation(line: str) -> bool:
    return any(line.count(o) > line.count(c) for o, c in _OPENERS.items())


class HardWrapMatcher:
    line_local = False  # it joins lines
    folds = False

    def __init__(self, options: dict) -> None:
        for key, value in options.items():
            setattr(self, key.replace("-", "_"), value)
        # a joined break is where a line ends as a sentence cannot and the next goes on, or after
        # an orphan bracket line; only the first are looked up by line (loosened for the
        # prefilter, the orphan expression matches every bracket, so this rule finds them itself)
        ends = LazyPattern(f"(?:{self.continue_end.source})\n(?:{self.continue_start.source})", expressions.MULTILINE)
        self.triggers = (ends, self.orphan)
        self.line_triggers = (ends,)
        # an orphan that may span lines is not found by its first line: every break is looked at
        self.orphan_may_cross = may_cross_lines(self.orphan.source)

    def _prose(self, line: str, timeout: float | None) -> bool:
        # an item's own marker (一、, 1、) is not clause punctuation: 一、加强党的建设 is a heading
        marker = self.item.match(line, timeout=timeout)
        return self.clause.search(line, marker.end() if marker else 0, timeout=timeout) is not None

    def _heading(self, line: str, timeout: float | None) -> bool:
        if self.heading.search(line, timeout=timeout):
            return True
        if not self.item.match(line, timeout=timeout):
            return False
        return not self.sentence_end.search(line, timeout=timeout) and not _open_quotation(line)

    def _joinable(self, first: str, second: str, continuing: bool, timeout: float | None) -> bool:
        if not self.continue_end.match(first[-1], timeout=timeout) or not self.continue_start.match(second, timeout=timeout):
            return False
        if not (self._prose(first, timeout) and self._prose(second, timeout)) or self._heading(first, timeout):
            return False
        if self.item.match(second, timeout=timeout) or self.lead_in.match(second, timeout=timeout):
            return False
        if self.table_row.search(first, timeout=timeout) or self.table_row.search(second, timeout=timeout):
            return False
        soft = self.soft_end.match(first[-1], timeout=timeout)
        return bool(soft or len(first) >= self.min_length or continuing or _open_quotation(first))

    def _fragment(self, before: str, line: str, after: str, timeout: float | None) -> bool:
        if not (before and after and len(line) <= self.max_fragment and _FRAGMENT.match(line)):
            return False
        if not self.continue_end.match(before[-1], timeout=timeout) or not self.continue_start.match(after, timeout=timeout):
            return False
        return _open_quotation(before) or bool(_CLOSING_START.match(after))

    def _breaks(self, doc: Document) -> list[int] | range:
        """Indexes of the lines whose break may be joined: all of them, or where the prefilter
        saw a line end that does not end a sentence, and the orphan lines (found here: loosened
        for the prefilter, their expression would match every bracket)."""
        last = len(doc.lines) - 1
        wrapped = doc.lines_matching(self.triggers[0])
        if wrapped is None or self.orphan_may_cross:
            return range(last)
        # a trigger match ends on the line after the break, or on the break itself when
        # continue-start matches no character (a lookahead, say)
        breaks = {j for i in wrapped for j in (i - 1, i) if 0 <= j < last}
        orphans = {doc.line_index(m.start()) for m in self.orphan.finditer(doc.text, timeout=doc.timeout)}
        return sorted(breaks | {i for i in orphans if i < last})

    def find(self, doc: Document) -> Iterator[Hit]:
        lines = doc.lines
        timeout = doc.guard_timeout
        continuing = False
        joined: set[int] = set()  # indexes of lines whose break (to the next line) is joined
        for index in self._breaks(doc):
            if index - 1 not in joined:
                continuing = False  # the break before was not looked at, so it was not joined
            first, second = lines[index], lines[index + 1]
            join = bool(first and second) and (
                self._joinable(first, second, continuing, timeout) or bool(self.orphan.match(first, timeout=timeout))
            )
            if not join and index and first and self._fragment(lines[index - 1], first, second, timeout):
                joined.add(index - 1)
                join = True
            if join:
                joined.add(index)
            continuing = join
        for index in sorted(joined):
            _, end = doc.line_span(index)
            yield Hit(end, end + 1, (Edit(end, end + 1),), lines[index][-1:] + lines[index + 1][:1])


def compile(options: dict) -> HardWrapMatcher:
    return HardWrapMatcher(options)
