"""`formulation`: a canonical set phrase whose name slot a keyword filter emptied, found by its
grammar, the name put back at the slot.

Keys:
- `restore` (required): what stands in the slot of every formulation of the rule, and what the fix
  restores (`习近平`, `习近平总书记`);
- `title`: a trailing part of `restore` a filter may leave behind (`总书记` of 习近平总书记): found at
  the slot, only the rest of the name is restored; but after the name earlier in its paragraph,
  the title alone is the writer's short form (`……习近平新时代…思想科学指引，是贯彻总书记重要讲话
  精神的结果`);
- `written` (required): the name as a document writes it; a formulation with a match of it just
  before its slot (spaces and line breaks between them count for nothing) has its name;
- `formulations` (required): a table of canonical formulation (what messages call it: `{detail}`)
  = template. A template is a regular expression with `{name}` once where the slot is: what comes
  before it is the frame that makes the formulation the speaker's (`以`, a study verb; spaces and
  line breaks may separate it from the slot), never part of the finding; what follows is the
  formulation's own text. Templates may refer to the rule's `slots` as `(?&slot)`;
- `slots`: a table of name = expression (or list of alternatives) the templates share;
- `voice`: the opening of a quoted speech (`习近平强调，`): a sentence holding one, or a quotation
  (“…”) that opens after one in its sentence, speaks in the speaker's words, whose short forms
  are his own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lint.engine import expressions
from lint.engine.document import Document
from lint.kinds.base import REGEX, STRING, Hit, LazyPattern, Option, OptionError, sentence_span
from lint.model import Edit

SLOT = "{name}"
_REFERENCE = re.compile(r"\(\?&(\w+)\)")


def _slots(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise OptionError("expected a non-empty table of name = expression")
    out = {}
    for key, item in value.items():
        if isinstance(item, list) and item and all(isinstance(v, str) and v for v in item):
            item = expressions.alternatives(item)
        if not isinstance(item, str) or not item:
            raise OptionError(f"entry {key!r}: expected an expression or a list of them")
        out[key] = item
    return out


def _templates(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise OptionError("expected a non-empty table of formulation = template")
    for key, item in value.items():
        if not isinstance(item, str) or item.count(SLOT) != 1 or item.endswith(SLOT):
            raise OptionError(f"entry {key!r}: expected a template with {SLOT} once, and the formulation's text after it")
    return dict(value)


OPTIONS = {
    "restore": Option(STRING, required=True),
    "title": Option(STRING),
    "written": Option(STRING, required=True),
    "formulations": Option(_templates, required=True),
    "slots": Option(_slots, default={}),
    "voice": Option(REGEX),
}


def _slot(slots: dict[str, str], name: str, label: str) -> str:
    if name not in slots:
        raise OptionError(f"key 'formulations': entry {label!r}: no slot {name!r}")
    return f"(?:{slots[name]})"


class FormulationMatcher:
    folds = False
    line_triggers = ()
    # the name may close the line before the formulation (a hard wrap): every line reads the one before
    line_local = False

    def __init__(self, options: dict) -> None:
        self.restore = options["restore"]
        self.title = options["title"]
        if self.title is not None and not (self.title and self.restore.endswith(self.title) and self.title != self.restore):
            raise OptionError("key 'title': expected a trailing part of 'restore'")
        self.written = LazyPattern(options["written"])
        # the name ending where the slot begins, spaces and line breaks aside
        self.written_before = LazyPattern(f"(?:{options['written']})\\s*\\Z")
        self.voice = options["voice"]
        left = f"(?P<title>{expressions.escape(self.title)})?" if self.title else ""
        # the formulation's label, and its expression: the frame a lookbehind, the slot group `slot`
        self.formulations: dict[str, LazyPattern] = {}
        for label, template in options["formulations"].items():
            frame, body = _REFERENCE.sub(lambda m, label=label: _slot(options["slots"], m.group(1), label), template).split(SLOT)
            behind = f"(?<=(?:{frame})\\s*)" if frame else ""
            self.formulations[label] = LazyPattern(f"{behind}(?P<slot>{left})(?:{body})", expressions.MULTILINE)
        self.triggers = tuple(self.formulations.values())
        # how far back the name may stand before the slot: its own length and a few spaces
        self.reach = 3 * len(self.restore) + 8

    def check_compiled(self) -> None:
        """Every template, expanded, is a valid expression (a bad one would fail at its first match)."""
        for label, pattern in self.formulations.items():
            try:
                pattern.check()
            except ValueError as exc:
                raise OptionError(f"key 'formulations': entry {label!r}: {exc}") from None
        try:
            self.written_before.check()
        except ValueError as exc:
            raise OptionError(f"key 'written': {exc}") from None

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        found: dict[int, Hit] = {}  # by slot: where two formulations meet there, the longer one
        for label, pattern in self.formulations.items():
            for m in pattern.finditer(text, timeout=doc.timeout):
                start, end = m.span()
                if end - start <= len(m.group("slot")) or (start in found and found[start].end >= end):
                    continue
                if self._named(text, start) or self._quoted(doc, start, end):
                    continue
                if m.group("slot") and self.written.search(text, doc.line_span(doc.line_index(start))[0], start, timeout=doc.guard_timeout):
                    continue  # the title alone, the name given before in the paragraph: a short form
                restored = self.restore[: len(self.restore) - len(m.group("slot"))]
                found[start] = Hit(start, end, (Edit(start, start, restored),), label)
        yield from sorted(found.values())

    def _named(self, text: str, slot: int) -> bool:
        """Whether the name stands just before the slot, across spaces and line breaks."""
        return self.written_before.search(text[max(0, slot - self.reach) : slot]) is not None

    def _quoted(self, doc: Document, start: int, end: int) -> bool:
        """Whether the formulation is in a speech quoted: its sentence opens one, or it lies in a
        quotation that opens after one."""
        if self.voice is None:
            return False
        sentence = sentence_span(doc, start, end)
        if self.voice.search(doc.text, *sentence, timeout=doc.guard_timeout):
            return True
        line_start = doc.line_span(doc.line_index(start))[0]
        opening = doc.text.rfind("“", line_start, start)
        if opening < 0 or doc.text.find("”", opening, start) >= 0:
            return False
        quoting = sentence_span(doc, opening, opening + 1)
        return self.voice.search(doc.text, quoting[0], opening + 1, timeout=doc.guard_timeout) is not None


def compile(options: dict) -> FormulationMatcher:
    return FormulationMatcher(options)
