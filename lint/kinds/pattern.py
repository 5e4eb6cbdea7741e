"""`pattern`: a regular expression over the whole text; the match is deleted or replaced.

Keys: `pattern` (required), `replacement` (a template with \\g<name>; absent means delete),
`unless-line` / `unless-sentence` (skip a match whose line or sentence matches), `fold`
(detect on NFKC-folded text), `only-folded` (only matches that folding changed: text written
in look-alike characters), `min-line-length` (only in lines at least that long), `strip` (the
fix deletes only the characters matching it inside the match, instead of the whole match) and
`max-document-han` (only in documents with at most that many Han characters in their prose, the
lines with a sentence end). `scope = "line"` declares that every match lies inside one line and
depends on that line's text alone (checked on the rule's examples when its pack is compiled): the
engine may then run the rule only on the lines the prefilter names. The default, "document",
makes no such promise and the rule always reads the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.engine.document import Document
from lint.kinds.base import BOOLEAN, INTEGER, REGEX, SCOPE, STRING, Hit, Option, OptionError, replacement_edit, sentence_span
from lint.model import Edit

if TYPE_CHECKING:
    import regex

OPTIONS = {
    "pattern": Option(REGEX, required=True),
    "replacement": Option(STRING),
    "unless-line": Option(REGEX),
    "unless-sentence": Option(REGEX),
    "fold": Option(BOOLEAN, default=False),
    "only-folded": Option(BOOLEAN, default=False),
    "min-line-length": Option(INTEGER, default=0),
    "strip": Option(REGEX),
    "max-document-han": Option(INTEGER),
    "scope": Option(SCOPE, default="document"),
}


# Replacement templates are filled in here, not by Match.expand: that calls into the Python half of
# `regex` (its parser, 20 ms to import), which a run whose expressions were all rebuilt from the
# compiled rule set never loads otherwise (lint.engine.expressions). The forms read here are groups, `\g<name>` and `\g<number>`, and the
# escapes `\\`, `\n` and `\t`; a template with any other escape is left to Match.expand.
_TEMPLATE_PART = re.compile(r"\\g<(\w+)>|\\([\\nt])|([^\\]+)|(\\)")
_ESCAPED = {"\\": "\\", "n": "\n", "t": "\t"}

TemplatePart = tuple[str, "str | int | None"]  # a literal, or "" and the group to put there


def read_template(template: str) -> tuple[TemplatePart, ...] | None:
    """The parts of a replacement template, or None for one that only Match.expand reads."""
    parts: list[TemplatePart] = []
    for m in _TEMPLATE_PART.finditer(template):
        group, escaped, literal, other = m.groups()
        if other is not None:
            return None
        if group is not None:
            if group.isdecimal():
                parts.append(("", int(group)))
            elif group.isidentifier():
                parts.append(("", group))
            else:
                return None  # `²` and the like: `\w`, yet neither a number nor a name
        else:
            parts.append((literal if literal is not None else _ESCAPED[escaped], None))
    return tuple(parts)


def fill_template(parts: tuple[TemplatePart, ...], m: regex.Match[str]) -> str:
    """What Match.expand gives for the template of these parts (a group that did not take part
    in the match gives nothing)."""
    return "".join(literal if group is None else m.group(group) or "" for literal, group in parts)


class PatternMatcher:
    line_triggers = ()

    def __init__(self, options: dict) -> None:
        self.pattern = options["pattern"]
        self.replacement = options["replacement"]
        self.template = read_template(self.replacement) if self.replacement is not None else None
        self.unless_line = options["unless-line"]
        self.unless_sentence = options["unless-sentence"]
        self.fold = options["fold"] or options["only-folded"]
        self.only_folded = options["only-folded"]
        self.min_line_length = options["min-line-length"]
        self.strip = options["strip"]
        self.max_document_han = options["max-document-han"]
        if self.strip is not None and self.replacement is not None:
            raise OptionError("'strip' and 'replacement' do not go together")
        self.folds = self.fold
        self.triggers = (self.pattern,)
        # unless-line, unless-sentence and strip look only inside the line of the match
        self.line_local = options["scope"] == "line"
        if self.line_local and self.max_document_han is not None:
            raise OptionError("scope = 'line' does not go with 'max-document-han', which counts the whole document")

    def check_compiled(self) -> None:
        """What only the compiled pattern can tell, checked when a user's pack is loaded: every
        group the replacement names exists (otherwise the first match would fail)."""
        if self.template is None:
            return
        pattern = self.pattern.compiled()
        for _, group in self.template:
            if group is not None and not (group in pattern.groupindex if isinstance(group, str) else group <= pattern.groups):
                raise OptionError(f"key 'replacement': the pattern has no group {group!r}")

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        if self.fold:
            folded = doc.folded()
            if self.only_folded and not folded.changed:
                return
            haystack = folded.text
        else:
            folded = None
            haystack = text
        # what the guards found, by line and by sentence: asked again for each match in a long
        # line, the searches would make the rule quadratic in it
        excused_lines: dict[int, bool] = {}
        excused_sentences: dict[tuple[int, int], bool] = {}
        for m in self.pattern.finditer(haystack, timeout=doc.timeout):
            if self.max_document_han is not None and doc.prose_han_count() > self.max_document_han:
                return
            start, end = m.span()
            if folded is not None:
                start, end = folded.span(start, end)
                if self.only_folded and text[start:end] == m.group():
                    continue
            if end == start and self.replacement is None:
                continue
            if self.min_line_length:
                line_start, line_end = doc.line_span(doc.line_index(start))
                if line_end - line_start < self.min_line_length:
                    continue
            if self.unless_line is not None:
                i = doc.line_index(start)
                if i not in excused_lines:
                    excused_lines[i] = self.unless_line.search(text, *doc.line_span(i), timeout=doc.guard_timeout) is not None
                if excused_lines[i]:
                    continue
            if self.unless_sentence is not None:
                sentence = sentence_span(doc, start, end)
                if sentence not in excused_sentences:
                    excused_sentences[sentence] = self.unless_sentence.search(text, *sentence, timeout=doc.guard_timeout) is not None
                if excused_sentences[sentence]:
                    continue
            if self.strip is not None:
                edits = tuple(Edit(c.start(), c.end()) for c in self.strip.finditer(text, start, end, timeout=doc.guard_timeout))
                if not edits:
                    continue
            elif self.replacement is None:
                edits = (replacement_edit(start, text[start:end], ""),)
            else:
                filled = fill_template(self.template, m) if self.template is not None else m.expand(self.replacement)
                edits = (replacement_edit(start, text[start:end], filled),)
            yield Hit(start, end, edits)


def compile(options: dict) -> PatternMatcher:
    return PatternMatcher(options)
