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

A document that PDF extraction wrapped at a fixed width shows it: many of its lines that do not
end a sentence end at one column (the wrap column: the most common end column of such lines,
from `min-column` to `max-column`; a character outside ASCII takes a column, an ASCII one half),
a quarter of the lines there at least have clause punctuation (titles of one length in a table
of contents have none), and few lines go past it (lines past it times `max-overlong` at most
the lines at it). There a break after a line that ends at the column (within `column-slack`,
the indentation of a paragraph's first line counted) or past it (a stamp was put into it) is a
wrap whatever the line ends in, unless it ends a sentence (`closed-end`), the next line starts
a paragraph (it is indented, or an item, a heading, a date `date-line`, an attachment line
`attachment`; not a reference running on, `reference`: 第五十条的规定) or is a short line with no
clause punctuation (a signature, a page number), or the line is the document's title, a
heading, a table row, or an enumerated line without clause punctuation in a document that does
not indent its paragraphs, whose column is at most `max-heading` and whose short headings have
the line's marker style (a heading that happens to fill the line), unless the break plainly
splits a word or a phrase. A page footer line (`page-footer`) between the halves of a sentence
goes with the break. A document of long lines (the real laws) has no wrap column.

A document wrapped ragged, at no one column (OCR, a copy of a narrow page), shows it otherwise:
most of its prose lines, `min-ragged` at least, end where a sentence cannot and the next line
goes on. There such a break is read as a line that continues a sentence whatever its length and
punctuation, unless one of the lines stands alone (a heading, a table row, an attachment, a line
that starts a paragraph); a first line without clause punctuation must run as long as the
document's lines run, more or less (a heading is shorter).

A short line that ends in a word that cannot end a phrase (`dangling`: a character that is a
word of its own there, jieba's segmentation of the line's end says: `（二）始终把` / `人民群众利益放在首位`)
is joined to the next when that goes on, even after an item marker; so is a prose line before one
that starts with a word that cannot start a sentence (`dangling-start`: 的, 等, 或者 …) or when a
dictionary word spans the break (`应` / `当出示`).

A line that is only an opening bracket or quote (`orphan`: `（` then `三）改革开放…`) is joined to
the next. A fragment line of at most `max-fragment` Han characters (`“双向\\n揭榜\\n挂帅”`) is joined to
both neighbours when the sentence around it is plainly open: a quotation left open before it,
or punctuation right after it.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from lint.engine import expressions
from lint.engine.document import Document
from lint.kinds.base import INTEGER, REGEX, Hit, LazyPattern, Option
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
    "closed-end": Option(REGEX, required=True),
    "date-line": Option(REGEX, required=True),
    "attachment": Option(REGEX, required=True),
    "dangling": Option(REGEX, required=True),
    "dangling-start": Option(REGEX, required=True),
    "reference": Option(REGEX, required=True),
    "page-footer": Option(REGEX, required=True),
    "min-length": Option(INTEGER, default=60),
    "max-fragment": Option(INTEGER, default=6),
    "min-column": Option(INTEGER, default=15),
    "max-column": Option(INTEGER, default=60),
    "column-slack": Option(INTEGER, default=2),
    "max-overlong": Option(INTEGER, default=1),
    "max-heading": Option(INTEGER, default=24),
    "min-ragged": Option(INTEGER, default=4),
}

# the share of a ragged document's measure that the first line of a paragraph without clause
# punctuation fills when it is wrapped, not a heading
RAGGED_SHARE = 0.6
# a page footer line is short (第12页 共30页): longer lines are not matched against its expression
MAX_FOOTER = 24
_NUMERAL = LazyPattern(r"[一二三四五六七八九十百零〇\d①-⑳]+")
_OPENERS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "(": ")"}
_FRAGMENT = LazyPattern(r"^\p{Han}+$")
_CLOSING_MARKS = frozenset("”’）》)」』")
_CLOSING_START = LazyPattern(r"^[，。；：、！？”’）》]")


def _open_quotation(line: str) -> bool:
    return any(line.count(o) > line.count(c) for o, c in _OPENERS.items())


class Wrap(NamedTuple):
    """What a wrapped document shows: the column it was wrapped at, whether its paragraphs start
    indented (a line that is not indented then goes on the one before), and the marker styles of
    its headings."""

    column: float
    indents: bool
    headings: frozenset[str]


def _column(line: str) -> float:
    """The column a line ends at: a character outside ASCII is one column (a Han character,
    full-width punctuation, U+3000), an ASCII one half (its UTF-8 length is 1 against 3)."""
    return (len(line.encode()) + len(line)) / 4


class HardWrapMatcher:
    line_local = False  # it joins lines
    folds = False

    def __init__(self, options: dict) -> None:
        for key, value in options.items():
            setattr(self, key.replace("-", "_"), value)
        # a joined break is where a line ends as a sentence cannot and the next goes on, or after
        # an orphan bracket line; both are looked up by line. An orphan line is one the orphan
        # expression matches alone (the line's own text, whatever the expression), so a match of
        # its loosened form, which is all the prefilter reports, ends on that very line
        ends = LazyPattern(f"(?:{self.continue_end.source})\n(?:{self.continue_start.source})", expressions.MULTILINE)
        self.triggers = self.line_triggers = (ends, self.orphan)

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

    def _wrap_column(self, lines: list[str], title: int, timeout: float | None) -> float | None:
        """The column the document was wrapped at, or None when it was not wrapped: the column
        most of its lines that do not end a sentence end at (its title, line `title`, is not
        counted: it may end anywhere), with few lines past it and prose at it."""
        # a line of more characters than twice the widest column is past any column: when they
        # are as many as the other lines, there can be no column (counted without a loop in
        # Python: this is asked of every document)
        widest = 2 * (self.max_column + self.column_slack + 1)
        past = sum(map(widest.__lt__, map(len, lines)))
        if past * self.max_overlong >= len(lines) - past:
            return None
        measured = [(line, _column(line)) for index, line in enumerate(lines) if line and index != title]
        columns = sorted(column for _, column in measured)
        # (the expression only for lines that may end at a column: a document has thousands)
        ends = Counter(
            int(column)
            for line, column in measured
            if self.min_column <= column < self.max_column + 1 and not self.closed_end.search(line, timeout=timeout)
        )
        if not ends:
            return None
        column, count = max(ends.items(), key=lambda item: (item[1], item[0]))
        if count < 2 or column > self.max_column:
            return None
        at = bisect.bisect_right(columns, column + self.column_slack) - bisect.bisect_left(columns, column - self.column_slack)
        overlong = len(columns) - bisect.bisect_right(columns, column + self.column_slack + 0.5)
        if at < 2 or overlong * self.max_overlong > at:
            return None
        # the lines at the column are prose, many with clause punctuation: titles of the same
        # length in a table of contents have none
        prose = sum(1 for line, c in measured if abs(c - column) <= self.column_slack and self.clause.search(line, timeout=timeout))
        return column if prose * 4 >= at else None

    def _ragged(self, lines: list[str], breaks: list[int] | range, title: int, timeout: float | None) -> float | None:
        """The measure of a ragged document (the median column its open lines end at), or None:
        most of its prose lines end where a sentence cannot before a line that goes on (`breaks`
        holds every such line, and others)."""
        if len(breaks) < self.min_ragged:
            return None
        open_ = []
        for index in breaks:
            first, second = lines[index], lines[index + 1]
            if index != title and first and second and self.continue_end.match(first[-1], timeout=timeout):
                if self.continue_start.match(second, timeout=timeout) and self._prose(first, timeout):
                    open_.append(_column(first))
        if len(open_) < self.min_ragged:
            return None
        # most prose lines are open: stop counting them once they are too many (a document of
        # whole paragraphs, the usual one, stops after a few lines)
        prose = 0
        for index, line in enumerate(lines):
            if index != title and line and self._prose(line, timeout):
                prose += 1
                if prose > 2 * len(open_):
                    return None
        return sorted(open_)[len(open_) // 2]

    def _indents(self, lines: list[str], timeout: float | None) -> bool:
        """Whether the document indents the first lines of its paragraphs: two lines at least
        are indented after a line that ends a sentence."""
        starts = 0
        for line, after in zip(lines, lines[1:], strict=False):
            if after[:1].isspace() and after.strip() and self.closed_end.search(line, timeout=timeout):
                starts += 1
                if starts == 2:
                    return True
        return False

    def _style(self, line: str, timeout: float | None) -> str:
        """An enumerated line's marker with its number left out: `（）` for （三）, `.` for 2."""
        marker = self.item.match(line, timeout=timeout)
        return _NUMERAL.sub("", marker.group().strip()) if marker else ""

    def _heading_styles(self, lines: list[str], column: float, timeout: float | None) -> frozenset[str]:
        """The marker styles of the document's headings: enumerated lines that end well short of
        the column without ending a sentence or a phrase (a paragraph run in after its number
        has its first line full, or cut short after a dangling word)."""
        styles = set()
        for line in lines:
            if line and _column(line) < column - self.column_slack and not self.closed_end.search(line, timeout=timeout):
                if not self.dangling.match(line[-1], timeout=timeout) and self.item.match(line, timeout=timeout):
                    styles.add(self._style(line, timeout))
        return frozenset(styles)

    def _opens_dangling(self, line: str, timeout: float | None) -> bool:
        """The line starts with a word that cannot start a sentence (的, 等, 和, 或者 …)."""
        if not self.dangling_start.match(line, timeout=timeout):
            return False
        from lint.engine.segment import dictionary  # the dictionary index: only for such a rare line start

        return self.dangling_start.fullmatch(dictionary().route(line[:6])[0], timeout=timeout) is not None

    def _dangling(self, line: str, timeout: float | None) -> bool:
        """The line ends in a word of one character that cannot end a phrase (把, 的, 与 …)."""
        if not self.dangling.match(line[-1], timeout=timeout):
            return False
        from lint.engine.segment import dictionary  # the dictionary index: only for such a rare line end

        return len(dictionary().route(line[-6:])[-1]) == 1

    def _item(self, line: str, timeout: float | None) -> bool:
        """An enumerated line, but not one that starts with a reference running on from the line
        before (`第五十条的规定…` after `依照本法`)."""
        return self.item.match(line, timeout=timeout) is not None and self.reference.match(line, timeout=timeout) is None

    @staticmethod
    def _word_across(first: str, second: str) -> bool:
        from lint.engine.segment import word_across  # the dictionary index: only for the few breaks left to judge

        return word_across(first[-6:], second[:6]) is not None

    def _starts_paragraph(self, line: str, timeout: float | None) -> bool:
        """A line that cannot go on the line before: it is indented, an item, a heading, a
        salutation, a date or an attachment line."""
        return (
            line[0].isspace()
            or self._item(line, timeout)
            or self.heading.search(line, timeout=timeout) is not None
            or self.lead_in.match(line, timeout=timeout) is not None
            or self.date_line.match(line, timeout=timeout) is not None
            or self.attachment.match(line, timeout=timeout) is not None
        )

    def _wrapped(self, first: str, second: str, wrap: Wrap, timeout: float | None) -> bool:
        """A break in a wrapped document: the first line ends at the wrap column (or in a dangling
        word) without ending a sentence, and the second goes on."""
        column, indents, headings = wrap
        if self.closed_end.search(first, timeout=timeout) or self._starts_paragraph(second, timeout):
            return False
        if self.heading.search(first, timeout=timeout) or self.attachment.match(first, timeout=timeout):
            return False
        if self.table_row.search(first, timeout=timeout) or self.table_row.search(second, timeout=timeout):
            return False
        # at the column or past it: a line that holds more than the column is a wrapped line that
        # something was put into (a site stamp), its break a wrap all the same
        if _column(first) < column - self.column_slack:
            if not self._dangling(first, timeout):
                return False
        elif self._item(first, timeout) and not self._prose(first, timeout) and not indents and column <= self.max_heading:
            # a heading that happens to fill the line (a column no longer than a heading runs, in
            # a style the document's short headings have), unless the break splits a word or a phrase
            if self._style(first, timeout) in headings and not (
                self.soft_end.match(first[-1], timeout=timeout)
                or self._dangling(first, timeout)
                or self._opens_dangling(second, timeout)
                or self._word_across(first, second)
            ):
                return False
        # a paragraph's last line ends its sentence; a short line without clause punctuation after a
        # full one is a signature, a heading or a page number
        return _column(second) >= column - self.column_slack or self._prose(second, timeout)

    def _joinable(self, first: str, second: str, continuing: bool, ragged: float | None, timeout: float | None) -> bool:
        if ragged is not None and self._ragged_break(first, second, continuing, ragged, timeout):
            return True
        if not self.continue_end.match(first[-1], timeout=timeout) or not self.continue_start.match(second, timeout=timeout):
            return False
        if self._dangling(first, timeout) and self._prose(second, timeout) and not self._starts_paragraph(second, timeout):
            return not self.heading.search(first, timeout=timeout) and not self.table_row.search(first, timeout=timeout)
        if not (self._prose(first, timeout) and self._prose(second, timeout)) or self._heading(first, timeout):
            return False
        if self.item.match(second, timeout=timeout) or self.lead_in.match(second, timeout=timeout):
            return False
        if self.table_row.search(first, timeout=timeout) or self.table_row.search(second, timeout=timeout):
            return False
        soft = self.soft_end.match(first[-1], timeout=timeout)
        if soft or len(first) >= self.min_length or continuing or _open_quotation(first):
            return True
        # the break splits a word (`应` / `当出示`) or a phrase (`…的单位` after `成绩显著`)
        return self._opens_dangling(second, timeout) or self._word_across(first, second)

    def _ragged_break(self, first: str, second: str, continuing: bool, measure: float, timeout: float | None) -> bool:
        """A break inside a paragraph of a ragged document: the first line does not end its
        sentence (it may end in a closing mark: 》 of a title the sentence goes on after), neither
        line stands alone, and the first has clause punctuation, continues the line before, or
        runs as long as the document's lines run, more or less (a heading is shorter)."""
        if not (self.continue_end.match(first[-1], timeout=timeout) or first[-1] in _CLOSING_MARKS):
            return False
        if not self._runs_on(first, second, timeout):
            return False
        return continuing or self._prose(first, timeout) or _column(first) >= RAGGED_SHARE * measure

    def _runs_on(self, first: str, second: str, timeout: float | None) -> bool:
        """Neither line is one that stands alone: a heading, a table row, an attachment line, or a
        second line that starts a paragraph."""
        if self._heading(first, timeout) or self.attachment.match(first, timeout=timeout) or self._starts_paragraph(second, timeout):
            return False
        return not (self.table_row.search(first, timeout=timeout) or self.table_row.search(second, timeout=timeout))

    def _fragment(self, before: str, line: str, after: str, timeout: float | None) -> bool:
        if not (before and after and len(line) <= self.max_fragment and _FRAGMENT.match(line)):
            return False
        if not self.continue_end.match(before[-1], timeout=timeout) or not self.continue_start.match(after, timeout=timeout):
            return False
        return _open_quotation(before) or bool(_CLOSING_START.match(after))

    def _breaks(self, doc: Document, wrapped: bool) -> list[int] | range:
        """Indexes of the lines whose break may be joined: all of them, or where the prefilter
        saw a line end that does not end a sentence, and the lines where it saw the orphan
        expression."""
        last = len(doc.lines) - 1
        if wrapped:
            return range(last)  # a wrap there may end in any character
        triggered, orphans = (doc.lines_matching(trigger) for trigger in self.triggers)
        if triggered is None or orphans is None:
            return range(last)
        # a trigger match ends on the line after the break, or on the break itself when
        # continue-start matches no character (a lookahead, say)
        breaks = {j for i in triggered for j in (i - 1, i) if 0 <= j < last}
        return sorted(breaks | {i for i in orphans if i < last})

    def _join(
        self, first: str, second: str, wrap: Wrap | None, continuing: bool, ragged: float | None, title: bool, timeout: float | None
    ) -> bool:
        if not (first and second):
            return False
        if self.orphan.match(first, timeout=timeout):
            return True
        if title:
            return False
        if self._joinable(first, second, continuing, ragged, timeout):
            return True
        return wrap is not None and self._wrapped(first, second, wrap, timeout)

    def find(self, doc: Document) -> Iterator[Hit]:
        lines = doc.lines
        timeout = doc.guard_timeout
        continuing = False
        # the line each joined break (after the line of that index) joins up with: the next, or
        # the one after a page footer the break runs across
        joined: dict[int, int] = {}
        title = next((i for i, line in enumerate(lines) if line.strip()), -1)
        if title >= 0 and self._prose(lines[title], timeout):
            title = -1  # a first line with clause punctuation is prose, not a title
        column = self._wrap_column(lines, title, timeout) if len(lines) > 3 else None
        wrap = None if column is None else Wrap(column, self._indents(lines, timeout), self._heading_styles(lines, column, timeout))
        breaks = self._breaks(doc, wrap is not None)
        ragged = self._ragged(lines, breaks, title, timeout)
        if ragged is not None:
            breaks = self._breaks(doc, True)  # a ragged line may end in a closing mark, which no trigger sees
        across = -1  # a page footer that a joined break runs across
        for index in breaks:
            if index == across:
                continue
            if index - 1 not in joined:
                continuing = False  # the break before was not looked at, so it was not joined
            reach = index + 1
            footer = lines[reach]
            if index + 2 < len(lines) and footer and len(footer) <= MAX_FOOTER and self.page_footer.match(footer, timeout=timeout):
                reach += 1  # a sentence the page cut goes on after the footer
            join = self._join(lines[index], lines[reach], wrap, continuing, ragged, index == title, timeout)
            if not join and index and lines[index] and self._fragment(lines[index - 1], lines[index], lines[index + 1], timeout):
                joined[index - 1] = index
                join, reach = True, index + 1
            if join:
                joined[index] = reach
                across = reach - 1 if reach > index + 1 else -1
            continuing = join
        for index, reach in sorted(joined.items()):
            _, end = doc.line_span(index)
            after = doc.line_starts[reach]
            yield Hit(end, after, (Edit(end, after),), lines[index][-1:] + lines[reach][:1])


def compile(options: dict) -> HardWrapMatcher:
    return HardWrapMatcher(options)
