"""What every rule kind shares: the hit value, option schemas and edit helpers."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from lint.engine import expressions
from lint.engine.document import Document
from lint.engine.expressions import LazyPattern
from lint.model import Edit

if TYPE_CHECKING:
    from typing import Any, Protocol


    # the interface of every kind's matcher (for type checkers: nothing derives from it)
    class Matcher(Protocol):
        # True when every hit lies inside one line and depends on nothing but that line's text
        # (declared, and checked on the rule's examples at load): the engine may then run the rule
        # on the lines where the prefilter finds one of its triggers
        line_local: bool
        # expressions of which one matches wherever the rule can hit (empty: none known); of a
        # line-local rule, every hit lies on a line where a match of one of them ends. The prefilter
        # finds them all in one pass and skips the rule where there are none
        triggers: tuple[LazyPattern, ...]
        # of a rule that reads the whole document: those triggers whose lines it looks up
        # (Document.lines_matching); of its other triggers it only needs to know whether they match
        line_triggers: tuple[LazyPattern, ...]
        # optional: the expressions the rule declares line by line (enumeration's `marker-scope =
        # "line"`), each with the declaration that names it in an error: every match lies inside
        # one line and depends on that line alone, so the kind may look for them only on the lines
        # the prefilter names. Checked on the rule's examples at load (absent: none)
        line_bounded: tuple[tuple[str, LazyPattern], ...]
        # True when it reads the NFKC-folded text: its triggers then hold only where folding changed
        # nothing (the prefilter scans the text as it is)
        folds: bool
        # optional, True when it must read a text in traditional script as written rather than
        # through its simplified view (absent: False)
        as_written: bool

        def find(self, doc: Document) -> Iterator[Hit]: ...

        # a matcher may also have `check_compiled()`, raising OptionError for what only its compiled
        # expressions can tell; it runs when a user's pack is loaded, after check_patterns


# where the fix loop leaves, in each document of a pass, what it carries from the pass before
CARRIED_LINES = "carried-lines"


def carried_lines(doc: Document) -> Callable[[object, list[int] | None, Callable[[list[int]], dict]], list[tuple[int, tuple]]] | None:
    """In the fix loop, the pass's `by_line(name, lines, compute)` for this document (see
    lint.engine.linescope.CarriedHits.by_line): a kind's values of lines' texts alone, kept from
    the pass before for the lines the fixes left as they were. None in a plain check."""
    return doc.memo(CARRIED_LINES, lambda: None)


class Hit(NamedTuple):
    """One place a kind matched, with the edits that would fix it (None: nothing to offer)."""

    start: int
    end: int
    edits: tuple[Edit, ...] | None = None
    detail: str = ""


class OptionError(ValueError):
    """A kind's option has the wrong type or value; the pack loader adds file and rule id."""


def check_patterns(options: Mapping[str, Any]) -> None:
    """Compile every expression among a rule's options now, naming the key of a bad one."""
    for key, value in options.items():
        entries = value.items() if isinstance(value, dict) else [(None, value)]
        for entry, item in entries:
            if isinstance(item, LazyPattern):
                try:
                    item.check()
                except ValueError as exc:
                    where = f"key '{key}': entry {entry!r}" if entry is not None else f"key '{key}'"
                    raise OptionError(f"{where}: {exc}") from None


# Option types a kind may declare. Each checker returns the converted value or raises OptionError.
def _regex(value: Any) -> LazyPattern:
    if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
        value = expressions.alternatives(value)
    if not isinstance(value, str):
        raise OptionError("expected a regular expression string, or a list of them (its alternatives)")
    return LazyPattern(value, expressions.MULTILINE)


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise OptionError("expected a string")
    return value


def _integer(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise OptionError("expected a non-negative integer")
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise OptionError("expected true or false")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise OptionError("expected a non-empty list of non-empty strings")
    return tuple(value)


def _string_table(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise OptionError("expected a non-empty table of strings")
    for key, item in value.items():
        if not isinstance(item, str) or not key:
            raise OptionError(f"entry {key!r}: expected a string")
    return dict(value)


def _regex_table(value: Any) -> dict[str, LazyPattern]:
    if not isinstance(value, dict) or not value:
        raise OptionError("expected a non-empty table of regular expressions")
    out = {}
    for key, item in value.items():
        try:
            out[key] = _regex(item)
        except OptionError as exc:
            raise OptionError(f"entry {key!r}: {exc}") from None
    return out


def _count_tables(value: Any) -> tuple[dict[str, int], ...]:
    if not isinstance(value, list) or not value:
        raise OptionError("expected a non-empty array of tables")
    out = []
    for item in value:
        if not isinstance(item, dict) or not item:
            raise OptionError("expected tables of cue name = minimum count")
        for key, count in item.items():
            if not isinstance(count, int) or isinstance(count, bool) or count < 1:
                raise OptionError(f"{key!r}: expected a positive integer")
        out.append(dict(item))
    return tuple(out)


def choice(*allowed: str):
    def check(value: Any) -> str:
        if value not in allowed:
            raise OptionError(f"expected one of {', '.join(allowed)}")
        return value

    return check


# where an expression's matches lie: "line" declares that each lies inside one line and depends
# on that line alone (checked on the rule's examples when its pack is compiled); "document" makes
# no such promise. Declared, never guessed from the expression's source
SCOPE = choice("document", "line")


REGEX = _regex
STRING = _string
INTEGER = _integer
BOOLEAN = _boolean
STRINGS = _strings
STRING_TABLE = _string_table
REGEX_TABLE = _regex_table
COUNT_TABLES = _count_tables


class Option(NamedTuple):
    """One key a rule kind accepts in its table: how it is checked, whether it is required, its default."""

    check: Any
    required: bool = False
    default: Any = None


def read_options(schema: Mapping[str, Option], table: Mapping[str, Any]) -> dict[str, Any]:
    """Convert a rule's kind-specific keys; unknown keys were rejected by the caller."""
    options: dict[str, Any] = {}
    for key, option in schema.items():
        if key in table:
            try:
                options[key] = option.check(table[key])
            except OptionError as exc:
                raise OptionError(f"key '{key}': {exc}") from None
        elif option.required:
            raise OptionError(f"missing required key '{key}'")
        else:
            options[key] = option.default
    return options


def replacement_edit(start: int, old: str, new: str) -> Edit:
    """The smallest edit turning `old` (at `start`) into `new`: shared ends are kept as they are."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Edit(start + prefix, start + len(old) - suffix, new[prefix : len(new) - suffix])


SENTENCE_END = LazyPattern(r"[。！？!?\n]")


def sentence_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): bounded by 。！？!? or a line end (the ends are found once per
    document: walking to them from each match was quadratic in a long sentence with many)."""
    ends = doc.memo("sentence-ends", lambda: [m.start() for m in SENTENCE_END.finditer(doc.text)])
    i = bisect.bisect_left(ends, start)
    j = bisect.bisect_left(ends, end, i)
    return (ends[i - 1] + 1 if i else 0), (ends[j] + 1 if j < len(ends) else len(doc.text))
