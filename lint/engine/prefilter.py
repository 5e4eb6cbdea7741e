"""One pass of Hyperscan over a document tells, for every rule, on which lines it can match.

Each kind names its rule's *triggers*: expressions of which one matches wherever the rule can
hit, and, for a line-local rule, on the very line of each hit (a pattern's own expression, a line
classifier's gate cue, an enumeration's marker …); a document-wide kind that reads the lines of a
trigger knows where its hits lie from them (hard-wrap: at or before such a line). Hyperscan
compiles all of them into one automaton, in prefilter mode: what it reports is a superset of
the real matches, so a rule with no trigger match in a document cannot hit there, and a
line-local rule need only look at the lines that have one.
The pass costs about what two or three of the rules' own expressions cost over the text (some
30 MB/s with the built-in packs' triggers), and saves the rest of them on most lines. Its answer
only ever removes work; every hit is still found by the rule's own expressions.

The automaton takes a while to compile (seconds for the built-in packs), so it is compiled once
per set of triggers and kept in the user's cache folder. Without Hyperscan (an exotic platform),
or on a text that is not valid UTF-8, or that holds characters Hyperscan's Unicode tables may
not know, plancheck runs every rule everywhere, as it would without this module.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from lint.engine import expressions
from lint.packs.load import RuleSet

if TYPE_CHECKING:
    from typing import Any

hyperscan: Any = None  # the module, imported when a prefilter is first built


def _import_hyperscan() -> bool:
    """Import hyperscan (25 ms: not for a run that never builds a prefilter); False where it is
    not installed."""
    global hyperscan
    if hyperscan is None:
        try:
            import hyperscan as module
        except ImportError:  # pragma: no cover - hyperscan has wheels for every platform plancheck supports
            return False
        hyperscan = module
    return True


_MULTILINE = re.MULTILINE
# The characters on which Hyperscan's Unicode properties (\p{Han}, \p{L}, \p{N}, \p{P}, \d, \s,
# case) agree with those of the regex module, as a test checks for each of them: ASCII and Latin-1, general punctuation,
# arrows and mathematical operators, enclosed numbers, box drawing, shapes and symbols, CJK
# punctuation, the ideographs up to Unicode 8 and the full-width forms. A text holding any other
# character (a newer ideograph, say) is not prefiltered.
CHECKED_RANGES = (
    (0x00, 0xFF),
    (0x2000, 0x206F),
    (0x2190, 0x22FF),
    (0x2460, 0x26FF),
    (0x3000, 0x303F),
    (0x3400, 0x4DB5),
    (0x4E00, 0x9FCC),
    (0xFEFF, 0xFEFF),
    (0xFF01, 0xFFEF),
)


# any character outside CHECKED_RANGES
_UNCHECKED = "[^" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in CHECKED_RANGES) + "]"


@cache
def _re(source: str) -> re.Pattern[str]:
    """The standard library's expression of `source`, compiled when first used: only a process that
    builds or loads a prefilter uses these (a class of large ranges takes milliseconds)."""
    return re.compile(source)


# The expressions that translate a rule's expression for Hyperscan.
# A repeat count: {n}, {m,n}, {m,} or {,n} (which `regex` reads as {0,n}, Hyperscan not at all).
_BOUNDED = r"(?<!\\)(?<!\\x)\{(?:(\d+)|(\d*),(\d*))\}"
_ESCAPED_CODE = r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})"


def _tokens(source: str, verbose: bool = False) -> Iterator[tuple[str, bool]]:
    """The pieces of an expression, each with whether it belongs to a character class: an escape
    (two characters), a class's opening (`[` or `[^`), or one character. A `]` first in a class is
    one of its members. `verbose`: a `#` outside a class starts a comment, left out to its line end."""
    i = 0
    in_class = first = False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            # an escape with a braced argument (\N{…}, \p{…}, \x{…}) is one piece: verbose mode
            # must not take the spaces of a character's name out
            braced = source[i + 1 : i + 2] in ("N", "p", "P", "x") and source[i + 2 : i + 3] == "{"
            end = source.find("}", i) + 1 if braced else 0
            end = end if end > 0 else i + 2
            yield source[i:end], in_class
            i = end
            first = False
        elif in_class:
            in_class = first or ch != "]"
            first = False
            yield ch, True
            i += 1
        elif ch == "[":
            opening = "[^" if source[i + 1 : i + 2] == "^" else "["
            in_class = first = True
            yield opening, True
            i += len(opening)
        elif verbose and ch == "#":
            end = source.find("\n", i)
            i = len(source) if end == -1 else end
        else:
            yield ch, False
            i += 1


def _plain(source: str) -> str:
    """A verbose expression (`(?x)` at its start) as a plain one: white space and `#` comments
    outside classes left out, so that the translation below reads only the expression itself."""
    if not source.startswith("(?x)"):
        return source
    return "".join(token for token, in_class in _tokens(source[len("(?x)") :], verbose=True) if in_class or not token.isspace())


_ANCHORS = {"^", "$", "\\A", "\\Z", "\\z", "\\b", "\\B"}


def _without_anchors(source: str) -> str:
    """`source` less its zero-width anchors (^ $ \\A \\Z \\z \\b \\B) outside classes: that only adds
    matches, and Hyperscan gets some of them wrong (`[ \\t]+$` finds nothing in a multi-line text
    longer than sixteen bytes). `\\A` goes too, though Hyperscan reads it as the start of the text:
    some kinds apply their triggers to one line at a time (a `toc` heading), where it means the
    line's start. An expression anchored at the start of the text, loosened, matches at every line
    end: `_everywhere` then leaves its rule out of the prefilter."""
    return "".join(token for token, in_class in _tokens(source) if in_class or token not in _ANCHORS)


# classes whose Unicode meaning differs between Hyperscan and regex even on the checked
# characters (\w on ① or ², POSIX classes), and escapes only `regex` knows (\m \M word ends,
# \G \K \X \L<list>; Hyperscan compiles some of them and matches nothing): an expression using
# one is not prefiltered
_DISAGREEING = r"\\[wW]|\[:\^?[a-z]+:\]|\\[pP]\{(?!(?:Han|L|N|P)\})|\\[mMGKXL]"


def pcre(source: str) -> str | None:
    """A Python expression in Hyperscan's dialect, loosened where that only adds matches: anchors
    left out, `\\uXXXX` escapes spelled `\\x{XXXX}`, and repeat counts above 4 left open (a count
    of a thousand makes Hyperscan compile for minutes). None for one Hyperscan would read
    differently."""
    source = _plain(source)
    if _re(_DISAGREEING).search(source.replace("\\\\", "")):
        return None
    source = _without_anchors(source)

    def loosen(m: re.Match[str]) -> str:
        exact, low, high = m.group(1), m.group(2) or "0", m.group(3)
        if exact is not None:
            return m.group(0) if int(exact) <= 4 else "{" + exact + ",}"
        return "{" + low + "," + (high if high and int(high) <= 4 else "") + "}"

    source = _re(_BOUNDED).sub(loosen, source)
    return _re(_ESCAPED_CODE).sub(lambda m: "\\x{" + (m.group(1) or m.group(2)) + "}", source)


TriggerKey = tuple[str, int]  # a trigger's source and flags
Expression = tuple[str, int, str, int]  # a trigger's source and flags, in Hyperscan's dialect and flags


def key_of(trigger) -> TriggerKey:
    return (trigger.source, trigger.flags)


class _Part:
    """One compiled database and the trigger each of its expression ids stands for."""

    def __init__(self, database, keys: list[TriggerKey]) -> None:
        database.scratch = hyperscan.Scratch(database)  # a loaded database comes without one
        self.database = database
        self.keys = keys

    def lines(self, data: bytes) -> dict[TriggerKey, list[int]]:
        """For each trigger that matches in `data`, the indexes of the lines where its matches
        end, in order."""
        ends: list[tuple[int, int]] = []
        record = ends.append

        def on_match(expression: int, start: int, end: int, flags: int, context: object) -> None:
            record((max(end - 1, 0), expression))  # where the match's last byte is

        self.database.scan(data, match_event_handler=on_match)
        ends.sort()
        found: dict[TriggerKey, list[int]] = {}
        line = offset = 0
        for last_byte, expression in ends:
            line += data.count(b"\n", offset, last_byte)
            offset = last_byte
            lines = found.setdefault(self.keys[expression], [])
            if not lines or lines[-1] != line:
                lines.append(line)
        return found


def _encoded(text: str) -> bytes | None:
    """`text` in UTF-8; None when it cannot be prefiltered: it holds a character Hyperscan may read
    differently, or it does not encode."""
    if _re(_UNCHECKED).search(text):
        return None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


class Prefilter:
    """A database of all the triggers of a rule set, for a first look at a text."""

    def __init__(self, every: _Part, rule_triggers: dict[str, tuple[TriggerKey, ...]]) -> None:
        self._every = every
        # the rules all of whose triggers Hyperscan accepted: only for them does no match mean no hit
        self._rule_triggers = rule_triggers

    def scan(self, text: str) -> dict[TriggerKey, list[int]] | None:
        """For each trigger, the indexes of the lines where its matches end, in order (of a trigger
        whose rule only asks whether it matches at all, the first such line only); None when the
        text cannot be prefiltered."""
        data = _encoded(text)
        if data is None:
            return None
        found = self._every.lines(data)
        return {key: found.get(key, []) for key in self._every.keys}

    def candidates(self, scanned: dict[TriggerKey, list[int]], rule_id: str) -> list[int] | None:
        """The lines where the rule can hit, in order; None when the prefilter cannot tell."""
        keys = self._rule_triggers.get(rule_id)
        if keys is None:
            return None
        if len(keys) == 1:
            return scanned[keys[0]]
        return sorted({line for key in keys for line in scanned[key]})


# a character of every line of prose (and the empty text): a trigger whose loosened form matches
# one of them finds a candidate on most lines, so scanning for it costs more than it saves
_ORDINARY = ("", " ", "\t", "\n", "\u3000", "。", "，", "一", "a", "1")


def _everywhere(expression: Expression) -> bool:
    """Whether a trigger, loosened as the prefilter must (its anchors left out), matches almost
    anywhere: `[ \\t]+$` becomes every space, `\\A(?:[ \\t]*\\n)+` every line end. Asked only
    when the database is built (the verdicts are kept with it: `regex` parses each in Python)."""
    try:
        loosened = expressions.compile(_without_anchors(_plain(expression[0])), expression[1])
    except Exception as exc:  # noqa: BLE001 - regex.error: a loosening regex reads otherwise
        if not expressions.is_bad_expression(exc):
            raise
        return True  # left out of the prefilter: the rule runs everywhere, as it would without it
    return any(loosened.search(sample) for sample in _ORDINARY)


def _expressions(rules: RuleSet) -> list[Expression]:
    out: dict[TriggerKey, Expression] = {}
    for rule in rules:
        # a rule that reads the whole document only asks whether a trigger matches at all, unless
        # its kind reads the lines where that one matches
        read = {key_of(t) for t in getattr(rule.matcher, "line_triggers", ())}
        for trigger in getattr(rule.matcher, "triggers", ()):
            flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_PREFILTER
            if trigger.flags & _MULTILINE:
                flags |= hyperscan.HS_FLAG_MULTILINE
            if not rule.matcher.line_local and key_of(trigger) not in read:
                flags |= hyperscan.HS_FLAG_SINGLEMATCH
            key = key_of(trigger)
            expression = pcre(trigger.source)
            if expression is None or key in out and not out[key][3] & hyperscan.HS_FLAG_SINGLEMATCH:
                continue  # not prefiltered, or another rule already asks for all its lines
            out[key] = (trigger.source, trigger.flags, expression, flags)
    return list(out.values())


def _compile(expressions: list[Expression], chosen: list[int]):
    database = hyperscan.Database()
    database.compile(
        expressions=[expressions[i][2].encode("utf-8") for i in chosen],
        ids=list(range(len(chosen))),
        elements=len(chosen),
        flags=[expressions[i][3] for i in chosen],
    )
    return database


def _accepted(expressions: list[Expression]) -> tuple[list[int], object | None]:
    """The expressions worth scanning for that Hyperscan can compile (the others leave their rules
    unfiltered), and their database when they all compile together."""
    candidates = [i for i, expression in enumerate(expressions) if not _everywhere(expression)]
    if not candidates:
        return [], None
    try:
        return candidates, _compile(expressions, candidates)
    except hyperscan.error:
        pass
    accepted = []
    for i in candidates:
        try:
            _compile(expressions, [i])
            accepted.append(i)
        except hyperscan.error:
            pass
    return accepted, None


def _build(expressions: list[Expression]) -> tuple[object | None, list[int]]:
    """The database of the expressions Hyperscan accepts (None when none does), and their indexes."""
    accepted, every = _accepted(expressions)
    if every is None and accepted:
        every = _compile(expressions, accepted)
    return every, accepted


def _load_or_build(expressions: list[Expression], rules: RuleSet) -> tuple[object | None, list[int]]:
    """`_build`, kept with the compiled rule set where it has a place (lint.packs.compiled)."""
    if rules.kept is None:
        return _build(expressions)

    def build() -> bytes:
        database, accepted = _build(expressions)
        blob = hyperscan.dumpb(database) if database is not None else b""
        return json.dumps(accepted).encode() + b"\n" + blob

    header, _, blob = rules.kept.prefilter(f"{hyperscan.__version__}\0{json.dumps(expressions)}", build).partition(b"\n")
    # sealed (lint.files.usercache): what build() made, in this process or another
    return (hyperscan.loadb(blob, hyperscan.HS_MODE_BLOCK) if blob else None), json.loads(header)


# characters: on a shorter text, loading Hyperscan and the database (tens of ms, once per
# process) costs more than the prefilter saves; once loaded it serves texts of any size
BUILD_FROM = 20_000
_loaded: weakref.WeakKeyDictionary[RuleSet, Prefilter | None] = weakref.WeakKeyDictionary()


def preload(rules: RuleSet) -> None:
    """Load the prefilter of `rules` now, whatever the size of the texts to come."""
    _loaded[rules] = for_rules(rules)


def for_text(rules: RuleSet, text: str) -> Prefilter | None:
    """The prefilter to use on `text`, or None: none can be had, or it is not worth loading."""
    if rules in _loaded:
        return _loaded[rules]
    if len(text) < BUILD_FROM:
        return None
    prefilter = _loaded[rules] = for_rules(rules)
    return prefilter


@lru_cache(maxsize=16)
def for_rules(rules: RuleSet) -> Prefilter | None:
    """The prefilter of a rule set, or None where there is nothing to prefilter with."""
    if not _import_hyperscan():
        return None
    expressions = _expressions(rules)
    if not expressions:
        return None
    database, accepted = _load_or_build(expressions, rules)
    if database is None:
        return None
    every = _Part(database, [(expressions[i][0], expressions[i][1]) for i in accepted])
    known = set(every.keys)
    rule_triggers = {}
    for rule in rules:
        triggers = tuple(key_of(t) for t in getattr(rule.matcher, "triggers", ()))
        if triggers and all(key in known for key in triggers):
            rule_triggers[rule.id] = triggers
    prefilter = Prefilter(every, rule_triggers)
    for rule_id in _missing_examples(prefilter, rules):
        del rule_triggers[rule_id]
    return prefilter


def _missing_examples(prefilter: Prefilter, rules: RuleSet) -> list[str]:
    """The rules for which the prefilter would skip one of their own bad examples. Hyperscan's
    dialect is close to `regex`'s, not the same (a construct it reads differently may compile and
    match nothing): a rule it cannot be trusted on is left unfiltered rather than never run."""
    from lint.engine.document import FoldedText

    missing = []
    for rule in rules:
        if rule.id not in prefilter._rule_triggers:
            continue
        for example in rule.examples:
            text = example.bad
            if text is None or (rule.matcher.folds and FoldedText(text).changed):
                # where folding changes a line, a folding rule runs whatever its triggers say
                # (on that line, when it reads lines alone): only the others are theirs to find
                continue
            scanned = prefilter.scan(text)
            if scanned is not None and prefilter.candidates(scanned, rule.id) == []:
                missing.append(rule.id)
                break
    return missing
