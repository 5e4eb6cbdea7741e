"""`substitution`: a table of miswritten literals and their one correct form.

Keys: `table` (wrong = "right"). The alternation is built longest first so that a longer entry
wins over a shorter one it contains.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.engine import expressions
from lint.engine.document import Document
from lint.kinds.base import STRING_TABLE, Hit, LazyPattern, Option, replacement_edit

OPTIONS = {"table": Option(STRING_TABLE, required=True)}


class SubstitutionMatcher:
    folds = False
    line_triggers = ()

    def __init__(self, options: dict) -> None:
        self.table = options["table"]
        alternatives = sorted(self.table, key=len, reverse=True)
        self.line_local = not any("\n" in key or "\r" in key for key in self.table)
        self.pattern = LazyPattern("|".join(map(expressions.escape, alternatives)))
        self.triggers = (self.pattern,)

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for m in self.pattern.finditer(text, timeout=doc.timeout):
            right = self.table[m.group()]
            yield Hit(m.start(), m.end(), (replacement_edit(m.start(), m.group(), right),), right)


def compile(options: dict) -> SubstitutionMatcher:
    return SubstitutionMatcher(options)
