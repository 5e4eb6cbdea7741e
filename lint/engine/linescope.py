"""Running a line-local rule on some lines of a document only.

A line-local rule (its matcher's `line_local`) finds nothing but what each line's own text holds,
so it need not look at every line: the prefilter tells on which lines one of its triggers matches,
and no other line can hold a hit. The chosen lines are joined into a smaller document, the rule
runs on it once, and its hits are moved back to where their lines are.

For the same reason a pass of the fix loop need not look again at a line the pass before saw
with the same text: `CarriedHits` keeps what each rule found on each line, by the line's text,
and the next pass runs the rules only on the lines that are new (the ones the fixes touched).
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable
from typing import NamedTuple

from lint.engine.document import Document
from lint.kinds.base import Hit
from lint.model import Edit
from lint.packs.load import Rule

# above this share of lines holding a candidate, one run over the whole text is cheaper
WHOLE_TEXT_SHARE = 0.25


def _shift(hit: Hit, by: int) -> Hit:
    edits = tuple(Edit(e.start + by, e.end + by, e.content) for e in hit.edits) if hit.edits else hit.edits
    return Hit(hit.start + by, hit.end + by, edits, hit.detail)


def hits(doc: Document, rule: Rule, candidates: list[int] | None) -> list[Hit]:
    """The rule's hits in the document; `candidates`, when known, are the only lines where it can
    have any (in order). Raises TimeoutError as the rule does."""
    if candidates is None or len(candidates) > WHOLE_TEXT_SHARE * len(doc.lines):
        return list(rule.matcher.find(doc))
    return _hits_on(doc, rule, candidates)


class _Part(NamedTuple):
    """Some lines of a document joined into a smaller one: where each starts there, and where its
    text ends (its line end left out)."""

    doc: Document
    lines: list[int]
    starts: list[int]
    ends: list[int]


def _part(doc: Document, lines: list[int]) -> _Part:
    pieces = []
    starts = []
    ends = []
    size = 0
    for i in lines:
        start, end = doc.line_with_newline(i)
        piece = doc.text[start:end]
        pieces.append(piece)
        starts.append(size)
        ends.append(size + len(piece.rstrip("\n")))
        size += end - start
    return _Part(Document("".join(pieces), doc.timeout), lines, starts, ends)


def _hits_in(part: _Part, doc: Document, rule: Rule) -> list[Hit]:
    """The rule's hits on the lines of `part`, found in one run over them alone, in `doc`'s offsets."""
    part.doc.guard_timeout = doc.guard_timeout
    found = []
    for hit in rule.matcher.find(part.doc):
        k = bisect.bisect_right(part.starts, hit.start) - 1
        if hit.start > part.ends[k]:
            continue  # on the empty line after the last chosen one: not a line of the document
        found.append(_shift(hit, doc.line_starts[part.lines[k]] - part.starts[k]))
    return found


def _hits_on(doc: Document, rule: Rule, candidates: list[int]) -> list[Hit]:
    """The rule's hits on the lines `candidates` (in order), found in one run over them alone."""
    return _hits_in(_part(doc, candidates), doc, rule) if candidates else []


def _line_keys(doc: Document) -> list[bytes]:
    """Each line's key: a digest of its text, the last line's (no line end after it) told apart.
    Not the text itself: the keys outlive their pass, and as strings they would keep a second copy
    of a big file alive while the next pass reads the fixed one."""
    lines = doc.lines
    keys = [_digest(line, b"line") for line in lines[:-1]]
    keys.append(_digest(lines[-1], b"last"))
    return keys


def _digest(line: str, kind: bytes) -> bytes:
    # 128 bits: a collision would carry one line's hits to another, so no 64-bit hash()
    return hashlib.blake2b(line.encode("utf-8", "surrogatepass"), digest_size=16, person=kind).digest()


class _Seen(NamedTuple):
    """One document of a pass, against the pass before: its line keys, the lines that are new, the
    line keys of the document before (None in the first pass) and the hits of each rule on the
    lines that are not new, moved to where those lines are now."""

    keys: list
    new_lines: list[int]
    known: set | None
    carried: dict[str, list[Hit]]


class CarriedHits:
    """What the fix loop carries from one pass to the next, by the text of each line: the hits of
    the line-local rules, and what a kind found of an expression its rule declares line by line
    (`by_line`, which a kind reaches through `lint.kinds.base.carried_lines`). A pass asks for
    them on each of its documents (one per reading of the text: as written, or its simplified
    view), then calls `end_pass`."""

    def __init__(self) -> None:
        # per reading: the line keys of the document before, and of those with hits, {rule id: hits
        # from the line's start}
        self._before: dict[object, tuple[set, dict]] = {}
        self._values_before: dict[object, dict[object, dict]] = {}  # per reading and name: line key -> value
        self._values_now: dict[object, dict[object, dict]] = {}
        self._seen: dict[object, _Seen] = {}
        self._parts: dict[object, _Part] = {}  # per reading: the new lines of this pass, joined
        self._found: dict[object, list[tuple[str, list[Hit]]]] = {}

    def _seen_in(self, reading: object, doc: Document) -> _Seen:
        seen = self._seen.get(reading)
        if seen is None:
            seen = self._seen[reading] = self._compare(doc, self._before.get(reading))
        return seen

    def hits(self, reading: object, doc: Document, rule: Rule, candidates: list[int] | None) -> list[Hit]:
        """The rule's hits in `doc`, as `hits` finds them; `reading` tells the pass's documents
        apart. Raises TimeoutError as the rule does."""
        seen = self._seen_in(reading, doc)
        if seen.known is None:  # the first pass, or the text is read another way now
            found = hits(doc, rule, candidates)
        elif not seen.new_lines:
            found = seen.carried.get(rule.id, [])
        else:
            # every rule reads the new lines, joined once, whatever its candidates: they are few,
            # and a rule finds on a line what that line holds, wherever else it may look
            part = self._parts.get(reading)
            if part is None:
                part = self._parts[reading] = _part(doc, seen.new_lines)
            found = sorted([*seen.carried.get(rule.id, ()), *_hits_in(part, doc, rule)], key=lambda h: (h.start, h.end))
        self._found.setdefault(reading, []).append((rule.id, found))
        return found

    def by_line(
        self, reading: object, doc: Document, name: object, lines: list[int] | None, compute: Callable[[list[int]], dict[int, tuple]]
    ) -> list[tuple[int, tuple]]:
        """For each line of `lines` (None: every line) where it is not empty, in order, the line
        and its value: a function of the line's text alone, named `name`, that is empty on the
        lines the prefilter leaves out of `lines`. `compute` gives the values of the lines it is
        given (in order; the empty ones may be left out); a line the pass before saw with the
        same text gets the value it had there (none, if it was not among its lines)."""
        seen = self._seen_in(reading, doc)
        before = self._values_before.get(reading, {}).get(name, {})
        now = self._values_now.setdefault(reading, {}).setdefault(name, {})
        indexes = range(len(doc.lines)) if lines is None else lines
        known = seen.known
        values = compute(list(indexes) if known is None else [i for i in indexes if seen.keys[i] not in known])
        out = []
        for index in indexes:
            key = seen.keys[index]
            value = before.get(key, ()) if known is not None and key in known else values.get(index, ())
            if value:
                now[key] = value
                out.append((index, value))
        return out

    @staticmethod
    def _compare(doc: Document, before: tuple[set, dict] | None) -> _Seen:
        keys = _line_keys(doc)
        if before is None:
            return _Seen(keys, list(range(len(keys))), None, {})
        known, with_hits = before
        new_lines = [index for index, key in enumerate(keys) if key not in known]
        carried: dict[str, list[Hit]] = {}
        starts = doc.line_starts
        for index, key in enumerate(keys):
            entry = with_hits.get(key)
            if entry is not None:
                for rule_id, on_line in entry.items():
                    carried.setdefault(rule_id, []).extend(_shift(h, starts[index]) for h in on_line)
        return _Seen(keys, new_lines, known, carried)

    def end_pass(self, docs: dict[object, Document]) -> None:
        """Keep what this pass found on each line of `docs` (its documents, by reading) for the next."""
        before = {}
        for reading, doc in docs.items():
            keys = self._seen_in(reading, doc).keys
            with_hits: dict = {}
            starts = doc.line_starts
            for rule_id, found in self._found.get(reading, ()):
                by_line: dict[int, list[Hit]] = {}
                for h in found:
                    index = bisect.bisect_right(starts, h.start) - 1
                    by_line.setdefault(index, []).append(_shift(h, -starts[index]))
                for index, on_line in by_line.items():
                    with_hits.setdefault(keys[index], {})[rule_id] = on_line
            before[reading] = (set(keys), with_hits)
        self._before = before
        self._values_before, self._values_now = self._values_now, {}
        self._seen.clear()
        self._parts.clear()
        self._found.clear()
