"""`toc`: a table of contents (目录) checked against the document it belongs to.

The TOC is the block of short lines after a `heading` line (目录), or, without one, a run of at
least three lines ending in a page-number `leader`. Keys: `check` (`page-number`: a page number
left from the printed layout, deleted; `self-reference`: an entry pointing at the compilation's
own title or at 目录, deleted with its line; `count`: a `（N篇）` count in the title that differs
from the number of entries, reported; `missing-heading`: an entry with no heading in the body,
reported), plus `heading`, `leader` (group `page`), `numbering` and `count-pattern` (group `n`).
All four checks share one parse of the document.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from lint.engine import expressions, numerals
from lint.engine.document import Document
from lint.kinds.base import REGEX, Hit, LazyPattern, Option, choice
from lint.model import Edit

if TYPE_CHECKING:
    import regex

OPTIONS = {
    "check": Option(choice("page-number", "self-reference", "count", "missing-heading"), required=True),
    "heading": Option(REGEX, default=LazyPattern(r"^[ \t\u3000]*目[ \t\u3000]*录[ \t\u3000]*$")),
    "leader": Option(
        REGEX,
        default=LazyPattern(r"(?:[\t ]*(?:\.{2,}|…+|·{2,}|-{2,}|—{2,})[\t ]*|\t+| {2,})(?P<page>\d{1,4})[\t ]*$"),
    ),
    "numbering": Option(
        REGEX, default=LazyPattern(r"^[\t \u3000]*(?:\d{1,3}[.、．]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）])[\t ]*")
    ),
    "count-pattern": Option(REGEX, default=LazyPattern(r"[（(](?P<n>\d{1,3}|[一二三四五六七八九十]+)篇[)）]")),
}

MAX_ENTRY_LENGTH = 80
HEADING_WINDOW = 80  # a 目录 is near the top of a document: lines beyond this are body text


class Entry(NamedTuple):
    """One line of a table of contents: its heading text and where its leader dots and page number are."""

    line: int
    core: str
    leader: tuple[int, int] | None


class Contents(NamedTuple):
    """A table of contents found in a document: its title line and its entries."""

    title_line: int | None
    title: str
    entries: tuple[Entry, ...]
    self_references: frozenset[int]
    end_line: int


def _squash(text: str) -> str:
    return "".join(text.split())


def parse(doc: Document, heading: regex.Pattern, leader: regex.Pattern, numbering: regex.Pattern) -> Contents | None:
    lines = doc.lines
    window = min(len(lines), HEADING_WINDOW)
    heading_line = next((i for i in range(window) if heading.match(lines[i], timeout=doc.guard_timeout)), None)
    candidates: list[int] = []
    if heading_line is not None:
        i = heading_line + 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        while i < len(lines) and lines[i].strip() and len(lines[i]) <= MAX_ENTRY_LENGTH and "。" not in lines[i]:
            candidates.append(i)
            i += 1
        first_line = heading_line
    else:
        run: list[int] = []
        for i in range(window):
            if len(lines[i]) <= MAX_ENTRY_LENGTH and leader.search(lines[i], timeout=doc.guard_timeout):  # the cheap test first
                run.append(i)
                continue
            if len(run) >= 3:
                break
            run = []
        if len(run) < 3:
            return None
        candidates = run
        first_line = run[0]
    if not candidates:
        return None
    title_line = next((i for i in range(first_line) if lines[i].strip()), None)
    title = _squash(lines[title_line]) if title_line is not None else ""
    entries = []
    self_refs = set()
    for i in candidates:
        start, _ = doc.line_span(i)
        text = lines[i]
        m = leader.search(text, timeout=doc.guard_timeout)
        body = text[: m.start()] if m else text
        core = _squash(numbering.sub("", body, count=1, timeout=doc.guard_timeout))
        entries.append(Entry(i, core, (start + m.start(), start + m.end()) if m else None))
        if core and (core == title or heading.match(core, timeout=doc.guard_timeout)):
            self_refs.add(i)
    return Contents(title_line, title, tuple(entries), frozenset(self_refs), candidates[-1])


class TocMatcher:
    line_local = False  # a table of contents is read against the whole body
    folds = False
    line_triggers = ()

    def __init__(self, options: dict) -> None:
        self.check = options["check"]
        self.heading = options["heading"]
        self.leader = options["leader"]
        self.numbering = options["numbering"]
        self.count = options["count-pattern"]
        # a table of contents opens with its heading or is a run of entries with page numbers;
        # both are read line by line, so the scan reads them line by line too
        self.triggers = tuple(LazyPattern(p.source, p.flags | expressions.MULTILINE) for p in (self.heading, self.leader))

    def find(self, doc: Document) -> Iterator[Hit]:
        key = ("toc", self.heading.pattern, self.leader.pattern, self.numbering.pattern)
        contents = doc.memo(key, lambda: parse(doc, self.heading, self.leader, self.numbering))
        if contents is None:
            return
        yield from getattr(self, "_" + self.check.replace("-", "_"))(doc, contents)

    def _page_number(self, doc: Document, contents: Contents) -> Iterator[Hit]:
        for entry in contents.entries:
            if entry.leader and entry.line not in contents.self_references:
                yield Hit(*entry.leader, (Edit(*entry.leader),), doc.text[entry.leader[0] : entry.leader[1]].strip())

    def _self_reference(self, doc: Document, contents: Contents) -> Iterator[Hit]:
        for line in sorted(contents.self_references):
            start, end = doc.line_span(line)
            yield Hit(start, end, (Edit(*doc.line_with_newline(line)),), doc.lines[line].strip())

    def _real_entries(self, contents: Contents) -> list[Entry]:
        return [e for e in contents.entries if e.line not in contents.self_references and e.core]

    def _count(self, doc: Document, contents: Contents) -> Iterator[Hit]:
        if contents.title_line is None:
            return
        start, end = doc.line_span(contents.title_line)
        m = self.count.search(doc.text, start, end, timeout=doc.guard_timeout)
        if not m:
            return
        stated = numerals.parse(m.group("n"))
        listed = len(self._real_entries(contents))
        if stated is not None and stated != listed:
            yield Hit(m.start(), m.end(), None, f"{stated} stated, {listed} listed")

    def _missing_heading(self, doc: Document, contents: Contents) -> Iterator[Hit]:
        body = set()
        for line in doc.lines[contents.end_line + 1 :]:
            squashed = _squash(line)
            if squashed:
                body.add(squashed)
                body.add(_squash(self.numbering.sub("", line, count=1, timeout=doc.guard_timeout)))
        for entry in self._real_entries(contents):
            if entry.core not in body:
                start, end = doc.line_span(entry.line)
                yield Hit(start, end, None, entry.core)


def compile(options: dict) -> TocMatcher:
    return TocMatcher(options)
