"""Running a line-local rule on some lines of a document only.

A line-local rule (its matcher's `line_local`) finds nothing but what each line's own text holds,
so it need not look at every line: the prefilter tells on which lines one of its triggers matches,
and no other line can hold a hit. The chosen lines are joined into a smaller document, the rule
runs on it once, and its hits are moved back to where their lines are.
"""

from __future__ import annotations

import bisect

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
    if not candidates:
        return []
    pieces = []
    piece_starts = []  # where each chosen line starts in the smaller document
    size = 0
    for i in candidates:
        start, end = doc.line_with_newline(i)
        pieces.append(doc.text[start:end])
        piece_starts.append(size)
        size += end - start
    part = Document("".join(pieces), doc.timeout)
    part.guard_timeout = doc.guard_timeout
    found = []
    for hit in rule.matcher.find(part):
        k = bisect.bisect_right(piece_starts, hit.start) - 1
        if hit.start > piece_starts[k] + len(pieces[k].rstrip("\n")):
            continue  # on the empty line after the last chosen one: not a line of the document
        found.append(_shift(hit, doc.line_starts[candidates[k]] - piece_starts[k]))
    return found
