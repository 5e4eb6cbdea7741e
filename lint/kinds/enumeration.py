"""`enumeration`: ordinal sequences in every style (一、 （一） 1. （1） ① … and 一是 一要 第一，…)
checked for repeats and gaps.

Keys: `headings` and `clauses`, tables of style name = marker (a regex whose group `n` is the
numeral), `check` (`duplicate` or `gap`) and `marker-scope`: "line" declares that every match of
a marker lies inside one line and depends on that line alone (checked on the rule's examples when
its pack is compiled), so that a marker is looked for only on the lines where the prefilter saw
it; the default, "document", makes no such promise and the markers are looked for in the whole
text. A heading style's items run through the document as
one sequence that restarts whenever it comes back to one, as headings do in each section; a
clause style's items run inside one paragraph (一是/二是 lists) and restart in the next. A
repeated ordinal right after its twin, in a sequence that is otherwise consecutive, gets a fix
that renumbers it alone where the items after it go on from its right number (1 2 2 4), else it
and the items after it (1 2 2 3); the fix is unsafe because the author may have meant something
else. Gaps are only reported, and not the one right after a repeat (1 2 2 4), which is the repeat's.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.engine import numerals
from lint.engine.document import Document
from lint.kinds.base import REGEX_TABLE, SCOPE, Hit, LazyPattern, Option, OptionError, carried_lines, choice
from lint.model import Edit

OPTIONS = {
    "headings": Option(REGEX_TABLE),
    "clauses": Option(REGEX_TABLE),
    "check": Option(choice("duplicate", "gap"), required=True),
    "marker-scope": Option(SCOPE, default="document"),
}

# an item: (value, match start, match end, numeral start, numeral end)
Item = tuple[int, int, int, int, int]


class EnumerationMatcher:
    line_local = False  # a sequence runs over many lines
    folds = False

    def __init__(self, options: dict) -> None:
        # (style, marker, whole document?) for every style; a paragraph's first, so that an item
        # both read is judged in its paragraph
        self.styles: list[tuple[str, LazyPattern, bool]] = [
            (name, marker, scope == "headings") for scope in ("clauses", "headings") for name, marker in (options[scope] or {}).items()
        ]
        if not self.styles:
            raise OptionError("give the ordinal styles to check in 'headings', 'clauses' or both")
        for name, marker, _ in self.styles:
            if "(?P<n>" not in marker.source:  # read, not compiled: packs compile on first use
                raise OptionError(f"style {name!r}: the marker needs a group named 'n' (the numeral)")
        self.triggers = tuple(marker for _, marker, _ in self.styles)  # every hit is an item, a match of a marker
        by_line = options["marker-scope"] == "line"
        # a marker declared line by line is looked for only on the lines where the prefilter saw it
        self.line_triggers = self.triggers if by_line else ()
        self.line_bounded = tuple((f"marker-scope = 'line' (style {name!r})", marker) for name, marker, _ in self.styles) if by_line else ()
        self.check = options["check"]

    def _sequences(self, doc: Document, marker: LazyPattern, whole: bool) -> Iterator[list[Item]]:
        items = doc.memo(("enumeration", marker.source, marker.flags), lambda: self._items(doc, marker))
        if not whole:
            by_line: dict[int, list[Item]] = {}
            for item in items:
                by_line.setdefault(doc.line_index(item[1]), []).append(item)
            yield from (line_items for line_items in by_line.values() if len(line_items) > 1)
            return
        run: list[Item] = []
        for item in items:
            if item[0] == 1 and run:
                yield run
                run = []
            run.append(item)
        if run:
            yield run

    def _items(self, doc: Document, marker: LazyPattern) -> list[Item]:
        if marker not in self.line_triggers:
            return self._found(doc, marker, doc.text, 0)
        lines = doc.lines_matching(marker)
        carried = carried_lines(doc)
        if carried is None:
            if lines is None:
                return self._found(doc, marker, doc.text, 0)
            return [item for i in lines for item in self._on_line(doc, marker, i, doc.line_starts[i])]
        # in the fix loop, a line left as it was has the items it had in the pass before
        on_lines = carried(("enumeration", marker.source, marker.flags), lines, lambda indexes: self._by_line(doc, marker, indexes))
        starts = doc.line_starts
        return [(v, a + s, b + s, c + s, d + s) for i, items in on_lines for s in (starts[i],) for v, a, b, c, d in items]

    def _by_line(self, doc: Document, marker: LazyPattern, indexes: list[int]) -> dict[int, tuple[Item, ...]]:
        """The items on each of the lines `indexes`, their offsets from the line's start: found in
        the whole text when that is every line (one scan), else on each line alone."""
        if len(indexes) < len(doc.lines):
            return {i: tuple(self._on_line(doc, marker, i, 0)) for i in indexes}
        found: dict[int, list[Item]] = {}
        for item in self._found(doc, marker, doc.text, 0):
            i = doc.line_index(item[1])
            s = doc.line_starts[i]
            found.setdefault(i, []).append((item[0], item[1] - s, item[2] - s, item[3] - s, item[4] - s))
        return {i: tuple(items) for i, items in found.items()}

    def _on_line(self, doc: Document, marker: LazyPattern, index: int, offset: int) -> list[Item]:
        """The items on line `index`, read alone (a marker declared line by line depends on
        nothing else), their offsets from `offset`."""
        start, end = doc.line_with_newline(index)
        return self._found(doc, marker, doc.text[start:end], offset)

    @staticmethod
    def _found(doc: Document, marker: LazyPattern, text: str, offset: int) -> list[Item]:
        """The items in `text`, which starts at `offset`."""
        items = []
        for m in marker.finditer(text, timeout=doc.guard_timeout):
            value = numerals.parse(m.group("n"))
            if value is not None:
                (a, b), (c, d) = m.span(), m.span("n")
                items.append((value, a + offset, b + offset, c + offset, d + offset))
        return items

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        found: set[tuple[int, int]] = set()  # an item read by two styles (a paragraph's and the document's) is one finding
        for _, marker, whole in self.styles:
            for run in self._sequences(doc, marker, whole):
                values = [item[0] for item in run]
                for i in range(1, len(run)):
                    value, start, end, _, _ = run[i]
                    previous = values[i - 1]
                    # a gap right after a repeated item is the repeat's (1 2 2 4: the second 2 is the 3)
                    repeat = i >= 2 and previous == values[i - 2] and value == previous + 2
                    if (start, end) in found:
                        continue
                    if self.check == "gap" and value > previous + 1 and not repeat and not (whole and self._marker_lost(doc, run, i)):
                        found.add((start, end))
                        yield Hit(start, end, None, f"{text[run[i - 1][3] : run[i - 1][4]]}→{text[run[i][3] : run[i][4]]}")
                    elif self.check == "duplicate" and value == previous:
                        found.add((start, end))
                        yield Hit(start, end, self._renumber(text, run, values, i), text[start:end].strip(" \t\u3000"))

    @staticmethod
    def _marker_lost(doc: Document, run: list[Item], i: int) -> bool:
        """A gap of one where exactly one unmarked paragraph stands between the two items and the
        other items follow each other with no paragraph between: that paragraph is the missing
        item, and only its numeral was lost in extraction. (Where every item has a paragraph
        under it, the one under the item before the gap is that item's own, and the gap is real.)"""
        if run[i][0] != run[i - 1][0] + 2:
            return False
        lines = [doc.line_index(item[1]) for item in run]

        def between(k: int) -> int:
            return sum(1 for line in doc.lines[lines[k - 1] + 1 : lines[k]] if line.strip())

        return between(i) == 1 and all(between(k) == 0 for k in range(1, len(run)) if k != i)

    @staticmethod
    def _renumber(text: str, run: list[Item], values: list[int], i: int) -> tuple[Edit, ...] | None:
        """The edits that make the sequence unbroken again: the repeated item alone renumbered where
        the items after it go on from the number it should have (1 2 2 4), else it and every item
        after it (1 2 2 3); None where neither does (the sequence is broken elsewhere too)."""
        if not all(values[k] == values[0] + k for k in range(i)):
            return None
        if all(values[j] == values[i] + 1 + (j - i) for j in range(i + 1, len(values))) and i + 1 < len(values):
            renumbered = run[i : i + 1]
        elif all(values[j] == values[i] + (j - i) for j in range(i, len(values))):
            renumbered = run[i:]
        else:
            return None
        edits = []
        for _, _, _, n_start, n_end in renumbered:
            old = text[n_start:n_end]
            new = numerals.write(numerals.parse(old) + 1, old)
            if new is None:
                return None  # past what the style can write (⑳ has no successor)
            edits.append(Edit(n_start, n_end, new))
        return tuple(edits)


def compile(options: dict) -> EnumerationMatcher:
    return EnumerationMatcher(options)
