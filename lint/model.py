"""The values plancheck passes around: severities, edits, fixes and findings.

Spans are 0-based offsets into the decoded text, counted in code points (the right unit for CJK);
lines and columns are derived only when a finding is rendered.
"""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return _SEVERITIES[name.lower()]  # a dict, not the enum's lookup: every rule of every pack is parsed

    def __str__(self) -> str:
        return self.name.lower()


# What ends a line, wherever plancheck counts lines (the engine, the output, directives, reports):
# \n, \r\n, a lone \r, and \r\r\n, which some converters write for one line end
LINE_END = r"\r*\n|\r"

SEVERITY_NAMES = tuple(str(s) for s in Severity)
_SEVERITIES = {str(s): s for s in Severity}


class Applicability(str, enum.Enum):
    """How far a fix may be trusted: `--fix` applies safe fixes, `--unsafe-fixes` adds the rest."""

    SAFE = "safe"
    UNSAFE = "unsafe"

    def __str__(self) -> str:
        return self.value


# Values are named tuples, not dataclasses: a dataclass compiles its methods from source when it
# is made (0.7 ms for four fields, frozen), and importing `dataclasses` loads `inspect`; for the
# 26 a run made, that was a fifth of the time of a pre-commit run on one small file. A named tuple
# is made in a seventh of the time.
class Edit(NamedTuple):
    """Replace text[start:end] with content (a deletion when content is empty)."""

    start: int
    end: int
    content: str = ""


class Fix(NamedTuple):
    """How to fix a finding: edits applied together, and whether applying them is safe."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    message: str

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)


class Finding(NamedTuple):
    """One problem a rule found: the rule, a message, the character span it covers and maybe a fix."""

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    fix: Fix | None = None


# the finding of a directive that silences nothing (lint.engine.suppress); here, so that output formats
# that describe it need not load the suppression machinery and the engine behind it
UNUSED = "unused-suppression"
UNUSED_CATEGORY = "suppression"
UNUSED_DESCRIPTION = (
    "What: a `<!-- plancheck: … -->` directive that silences no finding, names an unknown rule, "
    "or enables what was not disabled.\n\n"
    "Why: a suppression that outlives its artifact would silence the next real one in its place.\n\n"
    "Fix: delete the directive, or correct it."
)
