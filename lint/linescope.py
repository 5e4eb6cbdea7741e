"""Running a line-local rule on some lines of a document only.

A line-local rule (its matcher's `line_local`) finds nothing but what each line's own text holds,
so it need not look at every line:
- a line without any of the rule's anchors has no hit of it (an anchor occurs in the line of
  every match: the packs' tests hold every bad example to that);
- in a later pass of the fix loop, a line whose text was in the document before has the hits it
  had then; only the lines a fix created are looked at again.
The chosen lines are joined into a smaller document, the rule runs on it once, and its hits are
moved back to where their lines are.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import lru_cache

from .document import Document, LineFacts
from .kinds.base import Hit
from .model import Edit
from .packs import Rule
from .prefilter import LineTriggers, Prefilter, TriggerKey

# above this share of lines holding an anchor, one run over the whole text is cheaper
WHOLE_TEXT_SHARE = 0.25


class Memory:
    """What one pass leaves for the next: every line text it had, and the line-local hits by
    rule and line text (relative to the line's start) for the rules it ran to the end."""

    __slots__ = ("complete", "facts", "folding", "hits", "lines", "triggers")

    def __init__(self, lines: frozenset[str], facts: LineFacts) -> None:
        self.lines = lines
        self.hits: dict[str, dict[str, tuple[Hit, ...]]] = {}
        self.complete: set[str] = set()
        # the prefilter's local triggers by line text, when it scanned the text
        self.triggers: LineTriggers | None = None
        # the line texts NFKC folding changes, when the pass asked
        self.folding: frozenset[str] | None = None
        self.facts = facts


@lru_cache(maxsize=512)
def _anchor_pattern(anchors: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(a) for a in sorted(anchors, key=len, reverse=True)))


def _shift(hit: Hit, by: int) -> Hit:
    edits = tuple(Edit(e.start + by, e.end + by, e.content) for e in hit.edits) if hit.edits else hit.edits
    return Hit(hit.start + by, hit.end + by, edits, hit.detail)


class LineScope:
    def __init__(self, doc: Document, previous: Memory | None, remember: bool) -> None:
        self.doc = doc
        self.previous = previous
        # the last line is left out: it has no line end, so its hits do not hold for its text elsewhere
        self.memory = Memory(frozenset(doc.lines[:-1]), LineFacts(previous.facts if previous else None)) if remember else None
        self.fresh: list[int] | None = None
        self._folding: list[int] | None = None
        self.places: dict[str, list[int]] = defaultdict(list)
        if previous is not None:
            lines = doc.lines
            last = len(lines) - 1
            known = {line for table in previous.hits.values() for line in table}
            self.fresh = []
            for i in range(last):
                line = lines[i]
                if line not in previous.lines:
                    self.fresh.append(i)
                elif line in known:
                    self.places[line].append(i)
            # the last line is always looked at again: it may have lost or gained its line end
            self.fresh.append(last)

    def scan(self, filter_: Prefilter) -> dict[TriggerKey, list[int]] | None:
        """The prefilter's answer for the document. In a later pass of the fix loop its triggers
        that look at one line at a time look only at the lines a fix created."""
        doc = self.doc
        if self.memory is None:
            return filter_.scan(doc.text)
        known = self.previous.triggers if self.previous is not None else None
        if known is None:
            scanned = filter_.scan_lines(doc.text, doc.lines)
        else:
            assert self.fresh is not None
            scanned = filter_.rescan(doc.text, doc.lines, self.fresh, known)
        if scanned is None:
            return None
        self.memory.triggers = scanned[1]
        return scanned[0]

    def _reuses(self, rule: Rule) -> bool:
        """Whether the rule's hits on the lines the last pass had are those it found there."""
        return self.previous is not None and rule.id in self.previous.complete

    def folding_lines(self) -> list[int]:
        """Indexes of the lines NFKC folding changes, in order: in a later pass of the fix loop,
        of the lines a fix created, and of the others those whose text it changed in the pass before."""
        if self._folding is None:
            doc = self.doc
            known = self.previous.folding if self.previous is not None else None
            if known is None:
                self._folding = doc.folding_lines()
            else:
                assert self.fresh is not None
                fresh = self.fresh
                lines = {fresh[k] for k in Document("\n".join(doc.lines[i] for i in fresh)).folding_lines()}
                if known:
                    is_fresh = set(fresh)
                    lines.update(i for i, line in enumerate(doc.lines) if line in known and i not in is_fresh)
                self._folding = sorted(lines)
            if self.memory is not None:
                last = len(doc.lines) - 1
                self.memory.folding = frozenset(doc.lines[i] for i in self._folding if i != last)
        return self._folding

    def hits(self, rule: Rule, candidates: list[int] | None = None) -> list[Hit]:
        """The rule's hits in the document; `candidates`, when known, are the only lines where it
        can have any (in order). Raises TimeoutError as the rule does."""
        reuse = self._reuses(rule)
        indexes = self._lines_to_run(rule, reuse, candidates)
        hits = self._run(rule, indexes)
        if self.memory is not None:
            self._remember(rule, hits)
        if reuse:
            self._add_kept(rule, hits)
        return hits

    def _add_kept(self, rule: Rule, hits: list[Hit]) -> None:
        """Add to `hits` those the last pass found on the lines whose text it had; they are the
        next pass's too."""
        assert self.previous is not None
        starts = self.doc.line_starts
        table = self.memory.hits[rule.id] if self.memory is not None else None
        for line, line_hits in self.previous.hits.get(rule.id, {}).items():
            places = self.places.get(line)
            if places:
                if table is not None:
                    table.setdefault(line, line_hits)
                for i in places:
                    hits.extend(_shift(hit, starts[i]) for hit in line_hits)

    def _lines_to_run(self, rule: Rule, reuse: bool, candidates: list[int] | None) -> list[int] | None:
        """Indexes of the lines to look at, in order; None for all of them."""
        lines = self.doc.lines
        if reuse:
            assert self.fresh is not None
            if candidates is not None:
                possible = set(candidates)
                return [i for i in self.fresh if i in possible]
            if not rule.anchors:
                return self.fresh
            search = _anchor_pattern(rule.anchors).search
            return [i for i in self.fresh if search(lines[i])]
        if candidates is not None:
            return None if len(candidates) > WHOLE_TEXT_SHARE * len(lines) else candidates
        if not rule.anchors:
            return None
        text = self.doc.text
        occurrences = sum(text.count(a) for a in rule.anchors)
        if occurrences > WHOLE_TEXT_SHARE * len(lines):
            return None
        indexes = []
        starts = self.doc.line_starts
        search = _anchor_pattern(rule.anchors).search
        m = search(text)
        while m:
            i = bisect.bisect_right(starts, m.start()) - 1
            indexes.append(i)
            if i + 1 >= len(starts):
                break
            m = search(text, starts[i + 1])
        return indexes

    def _run(self, rule: Rule, indexes: list[int] | None) -> list[Hit]:
        doc = self.doc
        if indexes is None or len(indexes) == len(doc.lines):
            return list(rule.matcher.find(doc))
        if not indexes:
            return []
        pieces = []
        piece_starts = []  # where each chosen line starts in the smaller document
        size = 0
        for i in indexes:
            start, end = doc.line_with_newline(i)
            pieces.append(doc.text[start:end])
            piece_starts.append(size)
            size += end - start
        part = Document("".join(pieces), doc.timeout)
        hits = []
        for hit in rule.matcher.find(part):
            k = bisect.bisect_right(piece_starts, hit.start) - 1
            if hit.start > piece_starts[k] + len(pieces[k].rstrip("\n")):
                continue  # on the empty line after the last chosen one: not a line of the document
            hits.append(_shift(hit, doc.line_starts[indexes[k]] - piece_starts[k]))
        return hits

    def _remember(self, rule: Rule, hits: list[Hit]) -> None:
        assert self.memory is not None
        doc = self.doc
        by_line: dict[int, list[Hit]] = defaultdict(list)
        for hit in hits:
            by_line[doc.line_index(hit.start)].append(hit)
        by_line.pop(len(doc.lines) - 1, None)
        table = self.memory.hits.setdefault(rule.id, {})
        for i, line_hits in by_line.items():
            start = doc.line_starts[i]
            table.setdefault(doc.lines[i], tuple(_shift(hit, -start) for hit in line_hits))
        self.memory.complete.add(rule.id)
