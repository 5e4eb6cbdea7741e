"""`toc`: a table of contents (目录) checked against the document it belongs to.

A table of contents needs a TOC's context, as an editor reads it: the block of short lines after
a `heading` line (目录) near the top, or, without one, a run of at least three entries ending in
a page number (`leader`, group `page`), the first at most 10, of which at least half (two or
more) name a line further down; either way its page numbers do not go down (a table's column of numbers may). An entry's
text ends in a word: a line whose last cell before the number is a number too (`指标\t12\t13`) is
a table row, never an entry. Keys: `check` (`page-number`: a page number left from the printed
layout, deleted; `self-reference`: an entry, before the real ones, pointing at a line above the
TOC that no heading below repeats (the title, whatever cover lines stand before it) or at 目录,
deleted with its line; `count`: a `（N篇）` count in the nearest line above the TOC with one that
differs from the number of entries, reported; `missing-heading`: an entry with no heading in the
body, reported), plus `heading`, `leader`, `numbering` and `count-pattern` (group `n`). All four
checks share one parse of the document, which reads only the lines where the prefilter saw a
heading or a page number.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from lint.engine import expressions, numerals
from lint.engine.document import Document
from lint.kinds.base import REGEX, Hit, LazyPattern, Option, choice
from lint.model import Edit

_PAGE = r"(?P<page>\d{1,3}|第[ \t]*\d{1,3}[ \t]*页|[-－—–][ \t]*\d{1,3}[ \t]*[-－—–])"
# drawn leaders (dots, ellipses, middle dots, full-width dots and dashes, rules, spaced dots) or
# a tab, two spaces or an ideographic space; one ASCII space is a word gap (`附件 3`)
_LEADER = (
    r"(?:[ \t\u3000]*(?:(?:[.．·•‥_＿\-－—─━～] ?){2,}|[…⋯‥][…⋯‥ ]*)[ \t\u3000]*|\t[ \t\u3000]*|[ \u3000]{2,}|\u3000)"
)

OPTIONS = {
    "check": Option(choice("page-number", "self-reference", "count", "missing-heading"), required=True),
    "heading": Option(
        REGEX,
        default=LazyPattern(
            r"^[ \t\u3000]*(?:#{1,6}[ \t]*)?[【\[]?[ \t\u3000]*目[ \t\u3000]*[录次][ \t\u3000]*[】\]]?[：:]?"
            r"(?:[ \t\u3000]*(?:CONTENTS|Contents))?[ \t\u3000]*$"
        ),
    ),
    "leader": Option(REGEX, default=LazyPattern(_LEADER + _PAGE + r"[ \t\u3000]*$")),
    "numbering": Option(
        REGEX,
        default=LazyPattern(
            r"^[\t \u3000]*(?:\d{1,3}[.、．]|\d{1,3}(?=[ \t\u3000])|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）])"
            r"[\t \u3000]*"
        ),
    ),
    "count-pattern": Option(REGEX, default=LazyPattern(r"[（(](?P<n>\d{1,3}|[一二三四五六七八九十]+)篇[)）]")),
}

MAX_ENTRY_LENGTH = 80
HEADING_WINDOW = 80  # a 目录 is near the top of a document: lines beyond this are body text
MIN_RUN = 3  # entries of a table of contents without a heading
# its first page: a table of contents at the top of a document starts near the first page (a
# table's column of rising values starts anywhere)
MAX_FIRST_PAGE = 10
# a number cell closing an entry's text: the line is a table row (`道路\t12\t15`, `产值……12……15`)
_NUMBER_CELL = LazyPattern(r"(?:^|[\s.．·…⋯\-－—_])[\d.,．%％]+$")
_SENTENCE_END = LazyPattern(r"[。！？；]")
_MARKDOWN_HEADING = LazyPattern(r"^[ \t\u3000]*#{1,6}[ \t]+")


class Entry(NamedTuple):
    """One line of a table of contents: its heading text, where its leader and page number are, and its page."""

    line: int
    core: str
    leader: tuple[int, int] | None
    page: int | None


class Contents(NamedTuple):
    """A table of contents found in a document: the lines above it, its entries, and where it ends."""

    above: tuple[int, ...]  # the non-blank lines above it, nearest first (the title among them)
    entries: tuple[Entry, ...]
    self_references: frozenset[int]
    end_line: int


def _squash(text: str) -> str:
    return "".join(text.split())


class _Reader:
    """Reads lines as a table of contents sees them (one per document and pattern set)."""

    def __init__(self, doc: Document, matcher: TocMatcher) -> None:
        self.doc = doc
        self.heading = matcher.heading
        self.leader = matcher.leader
        self.numbering = matcher.numbering
        # the lines where the prefilter saw a heading or a page number (None: every line may have one)
        self.heading_lines = doc.lines_matching(matcher.triggers[0])
        paged = doc.lines_matching(matcher.triggers[1])
        self.paged_lines = None if paged is None else frozenset(paged)

    def core(self, text: str) -> str:
        """The words of a heading or an entry: no Markdown marks, no numbering, no spaces."""
        timeout = self.doc.guard_timeout
        text = _MARKDOWN_HEADING.sub("", text, count=1, timeout=timeout)
        return _squash(self.numbering.sub("", text, count=1, timeout=timeout))

    def entry(self, i: int) -> Entry | None:
        """Line `i` as an entry, or None when it cannot be one (too long, a sentence, a table row)."""
        text = self.doc.lines[i]
        if not text.strip() or len(text) > MAX_ENTRY_LENGTH or _SENTENCE_END.search(text):
            return None
        m = self.leader.search(text, timeout=self.doc.guard_timeout)
        if m is None:
            return Entry(i, self.core(text), None, None)
        body = text[: m.start()].rstrip()
        if not body.strip() or _NUMBER_CELL.search(body, timeout=self.doc.guard_timeout):
            return None
        start, _ = self.doc.line_span(i)
        page = numerals.parse("".join(ch for ch in m.group("page") if ch.isdecimal()))
        return Entry(i, self.core(body), (start + m.start(), start + m.end()), page)

    def is_heading(self, text: str) -> bool:
        return bool(self.heading.match(text, timeout=self.doc.guard_timeout))

    def last_line(self, core: str) -> int:
        """The last line whose words (as `core` reads them, or squashed as written) are `core`; -1: none."""
        return self.doc.memo(("toc-cores", self.numbering.pattern), self._last_lines).get(core, -1)

    def _last_lines(self) -> dict[str, int]:
        last = {}
        for i, line in enumerate(self.doc.lines):
            if line.strip():
                last[_squash(line)] = last[self.core(line)] = i
        return last


def _after_heading(reader: _Reader, heading_line: int, titles: set[str]) -> list[Entry]:
    """The entries below a 目录 heading: short lines up to a blank line (in a compact TOC), or,
    where a blank line follows every entry, up to the body's first heading (an entry's text again,
    the title again, or a line without a page number after entries with them) or a sentence."""
    lines = reader.doc.lines
    entries: list[Entry] = []
    seen: set[str] = set()
    spaced: bool | None = None  # whether blank lines separate the entries
    blanks = 0
    for i in range(heading_line + 1, len(lines)):
        if not lines[i].strip():
            blanks += 1
            if entries and (spaced is False or blanks > 1):
                break
            continue
        entry = reader.entry(i)
        if entry is None or (entry.core and entry.core in seen):
            break
        if entries:
            if entry.core in titles and any(e.core not in titles for e in entries):
                break
            if spaced is None:
                spaced = blanks > 0
            if blanks and entry.leader is None and any(e.leader for e in entries):
                break
        entries.append(entry)
        seen.add(entry.core)
        blanks = 0
    return entries


def _runs(reader: _Reader, window: int) -> Iterator[list[Entry]]:
    """Runs of entries with page numbers (blank lines between them allowed) in the first lines."""
    run: list[Entry] = []
    for i in range(window):
        if not reader.doc.lines[i].strip():
            continue
        entry = reader.entry(i) if reader.paged_lines is None or i in reader.paged_lines else None
        if entry is not None and entry.leader is not None:
            run.append(entry)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def _pages_rise(entries: list[Entry]) -> bool:
    """Whether the page numbers do not go down, as a table of contents' do (a table's column may)."""
    pages = [entry.page for entry in entries if entry.page is not None]
    return pages == sorted(pages)


def _is_contents(reader: _Reader, run: list[Entry]) -> bool:
    """Whether a run without a 目录 heading is a table of contents: pages that do not go down,
    and entries naming lines below it, as the documents or sections it lists."""
    if len(run) < MIN_RUN or not _pages_rise(run) or min(e.page for e in run if e.page is not None) > MAX_FIRST_PAGE:
        return False
    named = sum(1 for entry in run if reader.last_line(entry.core) > run[-1].line)
    return named >= max(2, (len(run) + 1) // 2)


def parse(reader: _Reader) -> Contents | None:
    doc = reader.doc
    lines = doc.lines
    window = min(len(lines), HEADING_WINDOW)
    candidates = range(window) if reader.heading_lines is None else (i for i in reader.heading_lines if i < window)
    heading_line = next((i for i in candidates if reader.is_heading(lines[i])), None)
    if heading_line is None:
        entries = next((run for run in _runs(reader, window) if _is_contents(reader, run)), [])
        if not entries:
            return None
    above = tuple(i for i in range(entries[0].line if heading_line is None else heading_line) if lines[i].strip())[::-1]
    titles = {reader.core(lines[i]) for i in above}
    if heading_line is not None:
        entries = _after_heading(reader, heading_line, titles)
        if not entries or not _pages_rise(entries):  # not pages: a catalogue's column of numbers
            return None
    self_refs = set()
    # a word processor lists the title and 目录 first, before the real entries; a line above the
    # TOC that is a heading below too is the first document's, not the compilation's
    for entry in entries:
        named_below = reader.last_line(entry.core) > entries[-1].line
        if not entry.core or not (entry.core in titles and not named_below or reader.is_heading(entry.core)):
            break
        self_refs.add(entry.line)
    return Contents(above, tuple(entries), frozenset(self_refs), entries[-1].line)


class TocMatcher:
    line_local = False  # a table of contents is read against the whole body
    folds = False

    def __init__(self, options: dict) -> None:
        self.check = options["check"]
        self.heading = options["heading"]
        self.leader = options["leader"]
        self.numbering = options["numbering"]
        self.count = options["count-pattern"]
        # a table of contents opens with its heading or is a run of entries with page numbers;
        # both are read line by line, so the scan reads them line by line too
        self.triggers = tuple(LazyPattern(p.source, p.flags | expressions.MULTILINE) for p in (self.heading, self.leader))
        self.line_triggers = self.triggers  # looked up where they match, not looked for

    def find(self, doc: Document) -> Iterator[Hit]:
        key = ("toc", self.heading.pattern, self.leader.pattern, self.numbering.pattern)
        contents = doc.memo(key, lambda: parse(_Reader(doc, self)))
        if contents is None:
            return
        yield from getattr(self, "_" + self.check.replace("-", "_"))(doc, contents)

    def _page_number(self, doc: Document, contents: Contents) -> Iterator[Hit]:
        for entry in contents.entries:
            if entry.leader and entry.line not in contents.self_references:
                yield Hit(*entry.leader, (Edit(*entry.leader),), doc.text[entry.leader[0] : entry.leader[1]].strip())

    def _self_reference(self, doc: Document, contents: Contents) -> Iterator[Hit]:
        lines = doc.lines
        for line in sorted(contents.self_references):
            start, end = doc.line_span(line)
            _, cut = doc.line_with_newline(line)
            # between blank lines, one of them goes too: two would stand where one entry was
            if 0 < line < len(lines) - 2 and not lines[line - 1].strip() and not lines[line + 1].strip():
                _, cut = doc.line_with_newline(line + 1)
            yield Hit(start, end, (Edit(start, cut),), lines[line].strip())

    def _real_entries(self, contents: Contents) -> list[Entry]:
        return [e for e in contents.entries if e.line not in contents.self_references and e.core]

    def _count(self, doc: Document, contents: Contents) -> Iterator[Hit]:
        for line in contents.above:  # the nearest line above with a count is the title
            start, end = doc.line_span(line)
            m = self.count.search(doc.text, start, end, timeout=doc.guard_timeout)
            if m:
                stated = numerals.parse(m.group("n"))
                listed = len(self._real_entries(contents))
                if stated is not None and stated != listed:
                    yield Hit(m.start(), m.end(), None, f"{stated} stated, {listed} listed")
                return

    def _missing_heading(self, doc: Document, contents: Contents) -> Iterator[Hit]:
        reader = _Reader(doc, self)
        for entry in self._real_entries(contents):
            if reader.last_line(entry.core) <= contents.end_line:
                start, end = doc.line_span(entry.line)
                yield Hit(start, end, None, entry.core)


def compile(options: dict) -> TocMatcher:
    return TocMatcher(options)
