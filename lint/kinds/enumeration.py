"""`enumeration`: ordinal sequences (一是…二是…, 一、…, （一）…, 1.…) checked for repeats and gaps.

Keys: `marker` (a regex whose group `n` is the numeral), `scope` (`line`: each paragraph is its
own sequence, as 一是/二是 lists are; `document`: one sequence that restarts whenever it comes
back to one, as headings do in each section), and `check` (`duplicate` or `gap`). A repeated
ordinal right after its twin, in a sequence that is otherwise consecutive, gets a fix that
renumbers it and the items after it; the fix is unsafe because the author may have meant
something else. Gaps are only reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.engine import numerals
from lint.engine.document import Document
from lint.kinds.base import REGEX, Hit, Option, OptionError, choice, may_cross_lines
from lint.model import Edit

OPTIONS = {
    "marker": Option(REGEX, required=True),
    "scope": Option(choice("line", "document"), required=True),
    "check": Option(choice("duplicate", "gap"), required=True),
}


class EnumerationMatcher:
    line_local = False  # a sequence runs over many lines
    folds = False

    def __init__(self, options: dict) -> None:
        self.marker = options["marker"]
        if "(?P<n>" not in self.marker.source:  # read, not compiled: packs compile on first use
            raise OptionError("key 'marker': the regex needs a group named 'n' (the numeral)")
        self.scope = options["scope"]
        self.triggers = (self.marker,)  # every hit is an item, a match of the marker
        # the marker is looked for only on the lines where the prefilter saw it
        self.line_triggers = () if may_cross_lines(self.marker.source) else (self.marker,)
        self.check = options["check"]

    def _sequences(self, doc: Document) -> Iterator[list[tuple[int, int, int, int, int]]]:
        """Runs of (value, match start, match end, numeral start, numeral end)."""
        items = doc.memo(("enumeration", self.marker.source, self.marker.flags), lambda: self._items(doc))
        if self.scope == "line":
            by_line: dict[int, list] = {}
            for item in items:
                by_line.setdefault(doc.line_index(item[1]), []).append(item)
            yield from (line_items for line_items in by_line.values() if len(line_items) > 1)
            return
        run: list = []
        for item in items:
            if item[0] == 1 and run:
                yield run
                run = []
            run.append(item)
        if run:
            yield run

    def _items(self, doc: Document) -> list:
        lines = doc.lines_matching(self.marker) if self.line_triggers else None
        if lines is None:
            return self._found(doc, 0, len(doc.text))
        return [item for i in lines for item in self._found(doc, *doc.line_with_newline(i))]

    def _found(self, doc: Document, start: int, end: int) -> list:
        """The items in doc.text[start:end]."""
        items = []
        for m in self.marker.finditer(doc.text, start, end, timeout=doc.guard_timeout):
            value = numerals.parse(m.group("n"))
            if value is not None:
                (a, b), (c, d) = m.span(), m.span("n")
                items.append((value, a, b, c, d))
        return items

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for run in self._sequences(doc):
            values = [item[0] for item in run]
            for i in range(1, len(run)):
                value, start, end, _, _ = run[i]
                previous = values[i - 1]
                if self.check == "gap" and value > previous + 1 and not self._marker_lost(doc, run, i):
                    yield Hit(start, end, None, f"{text[run[i - 1][3] : run[i - 1][4]]}→{text[run[i][3] : run[i][4]]}")
                elif self.check == "duplicate" and value == previous:
                    yield Hit(start, end, self._renumber(text, run, values, i), text[start:end])

    def _marker_lost(self, doc: Document, run: list, i: int) -> bool:
        """A gap of one with exactly one unmarked paragraph between the two items: that paragraph is
        the missing item and only its numeral was lost in extraction, so nothing is missing."""
        if self.scope != "document" or run[i][0] != run[i - 1][0] + 2:
            return False
        first = doc.line_index(run[i - 1][1]) + 1
        last = doc.line_index(run[i][1])
        between = [line for line in doc.lines[first:last] if line.strip()]
        return len(between) == 1

    @staticmethod
    def _renumber(text: str, run: list, values: list[int], i: int) -> tuple[Edit, ...] | None:
        consecutive_before = all(values[k] == values[0] + k for k in range(i))
        consecutive_after = all(values[j] == values[i] + (j - i) for j in range(i, len(values)))
        if not (consecutive_before and consecutive_after):
            return None
        edits = []
        for _, _, _, n_start, n_end in run[i:]:
            old = text[n_start:n_end]
            edits.append(Edit(n_start, n_end, numerals.write(numerals.parse(old) + 1, old)))
        return tuple(edits)


def compile(options: dict) -> EnumerationMatcher:
    return EnumerationMatcher(options)
