"""`line-classifier`: a whole line judged by the cues it combines; the line is deleted.

An advertising line is not one word: it is a contact channel *and* commercial talk. Keys:
`cues` (name = regex), `when` (array of tables cue = minimum number of distinct matches; the
line is flagged when any table is satisfied), `unless` (a regex that clears the line), and
`max-length` (longer lines are prose, not furniture; 0 = no limit) and `min-document-han` (the
line is flagged only when the document's prose, its lines with a sentence end, has at least that
many Han characters: a notice that *is* the whole body is left for a rule that reports the
document as truncated).
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.engine.document import Document
from lint.kinds.base import COUNT_TABLES, INTEGER, REGEX, REGEX_TABLE, Hit, Option, OptionError
from lint.model import Edit

OPTIONS = {
    "cues": Option(REGEX_TABLE, required=True),
    "when": Option(COUNT_TABLES, required=True),
    "unless": Option(REGEX),
    "max-length": Option(INTEGER, default=0),
    "min-document-han": Option(INTEGER, default=0),
}


class LineClassifier:
    folds = False
    line_triggers = ()

    def __init__(self, options: dict) -> None:
        self.cues = options["cues"]
        self.when = options["when"]
        for table in self.when:
            for name in table:
                if name not in self.cues:
                    raise OptionError(f"key 'when': unknown cue {name!r}")
        self.unless = options["unless"]
        self.max_length = options["max-length"]
        self.min_document_han = options["min-document-han"]
        # a line with none of the cues named first in each table cannot match: a cheap prefilter
        self.gate = {next(iter(table)) for table in self.when}
        self.triggers = tuple(self.cues[name] for name in sorted(self.gate))
        # each line is judged by its own text, unless the rule also weighs the whole document:
        # declared, and checked on the rule's examples when its pack is compiled
        self.line_local = not self.min_document_han

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        timeout = doc.guard_timeout
        # only lines holding a gate cue can match: find them with one scan per gate cue
        candidates = sorted({doc.line_index(m.start()) for name in self.gate for m in self.cues[name].finditer(text, timeout=doc.timeout)})
        for index in candidates:
            line = doc.lines[index]
            if not line.strip() or (self.max_length and len(line) > self.max_length):
                continue
            if self.unless is not None and self.unless.search(line, timeout=timeout):
                continue
            counts: dict[str, int] = {}
            for table in self.when:
                if all(self._count(counts, name, line, timeout) >= need for name, need in table.items()):
                    if self.min_document_han and doc.prose_han_count() < self.min_document_han:
                        break
                    start, end = doc.line_span(index)
                    whole = doc.line_with_newline(index)
                    found = sorted(k for k, v in counts.items() if v)
                    yield Hit(start, end, (Edit(whole[0], whole[1]),), "+".join(found))
                    break

    def _count(self, counts: dict[str, int], name: str, line: str, timeout: float | None) -> int:
        if name not in counts:
            counts[name] = len(set(self.cues[name].findall(line, timeout=timeout)))
        return counts[name]


def compile(options: dict) -> LineClassifier:
    return LineClassifier(options)
