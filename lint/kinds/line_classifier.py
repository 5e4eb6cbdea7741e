"""`line-classifier`: a line, or each sentence of it, judged by the cues it combines.

An artifact line is not one word but cues of several families together (a preview notice's
action, scope and amount; a site stamp's source and site). Keys:
`cues` (name = regex), `when` (array of tables cue = minimum number of distinct matches; the
line is flagged when any table is satisfied), `unless` (a regex that clears the line), and
`max-length` (longer lines are prose, not furniture; 0 = no limit) and `min-document-han` (the
line is flagged only when the document's prose, its lines with a sentence end, has at least that
many Han characters: a notice that *is* the whole body is left for a rule that reports the
document as truncated), `max-document-han` (the mirror: flagged only when the prose has at most
that many, the rule that reports it), and `line-before` (a line it matches whole, just before a
flagged line, goes with it: the ellipsis a site leaves where it cut the text). A flagged line is
deleted; with `max-lead` or `max-tail` given (see below), only when its text before the first cue
and after the last is that short: a notice glued to a sentence of the document is reported, not
deleted with it, and only when one sentence of the line holds it by itself.

`unit = "sentence"` judges each sentence of a line instead (`when` and `max-length` then apply
to the sentence, and `unless` clears the clause it matches in), for artifacts that also come at
the end of a paragraph or between its sentences (a site's advert). A sentence beside a flagged
one goes with it when it holds a cue named in `joins` (`仅供学习参考。` after the sentence that
names the site). A run of such sentences is deleted
when both its ends are certain: the text before its first cue is at most `max-lead` characters
(and after its last cue, `max-tail`, titles in 《》 not counted) without a clause mark; a
line that is nothing but the run goes with its line end. Otherwise it is reported without a fix:
where an advert glued into a sentence of the document begins or ends is a guess.
`unless-line` (sentence unit) leaves a whole line where it matches to another rule, and `ignore`
the text it matches (another rule's artifact inside the line: its words are no cues).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from lint.engine.document import Document
from lint.kinds.base import (
    COUNT_TABLES,
    INTEGER,
    REGEX,
    REGEX_TABLE,
    STRINGS,
    Hit,
    LazyPattern,
    Option,
    OptionError,
    choice,
)
from lint.model import Edit

OPTIONS = {
    "cues": Option(REGEX_TABLE, required=True),
    "when": Option(COUNT_TABLES, required=True),
    "unless": Option(REGEX),
    "max-length": Option(INTEGER, default=0),
    "min-document-han": Option(INTEGER, default=0),
    "max-document-han": Option(INTEGER),
    "line-before": Option(REGEX),
    "unit": Option(choice("line", "sentence"), default="line"),
    "joins": Option(STRINGS, default=()),
    "unless-line": Option(REGEX),
    "ignore": Option(REGEX),
    "max-lead": Option(INTEGER),
    "max-tail": Option(INTEGER),
}

# a sentence ends after one of these marks and the closing quotes or brackets that follow it
_SENTENCE = LazyPattern(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|$)")
_CLAUSE_MARK = LazyPattern(r"[，,；;、]")
_SENTENCE_MARK = LazyPattern(r"[。！？!?]")
# what may follow an advert's last cue at the end of its sentence without being text of its own
_END_MARKS = " \t\u3000。！？!?…~～”’」』）)"
# titles an advert recommends (`小编推荐：《…》《…》`) are the advert's, however long
_TITLE = LazyPattern(r"《[^《》\n]*》")


class LineClassifier:
    folds = False

    def __init__(self, options: dict) -> None:
        self.cues = options["cues"]
        self.when = options["when"]
        for table in self.when:
            for name in table:
                if name not in self.cues:
                    raise OptionError(f"key 'when': unknown cue {name!r}")
        self.unless = options["unless"]
        self.max_length = options["max-length"]
        self.min_document_han = options["min-document-han"]
        self.max_document_han = options["max-document-han"]
        self.line_before = options["line-before"]
        # of the line unit, None: the ends are not looked at (the sentence unit reads None as 0)
        self.max_lead = options["max-lead"]
        self.max_tail = options["max-tail"]
        # a line with none of the cues named first in each table cannot match: a cheap prefilter
        self.gate = {next(iter(table)) for table in self.when}
        self.triggers = tuple(self.cues[name] for name in sorted(self.gate))
        # each line is judged by its own text, unless the rule also weighs the whole document:
        # declared, and checked on the rule's examples when its pack is compiled
        self.line_local = not self.min_document_han and self.max_document_han is None and self.line_before is None
        # a rule that reads the whole document looks up the lines of its gate cues: a cue counts
        # only inside a line (the kind's nature, checked on the examples as a line-bounded
        # declaration); a line-local rule is only run on those lines
        self.line_triggers = () if self.line_local else self.triggers
        self.line_bounded = () if self.line_local else tuple(
            (f"cues.{name} (a cue counts inside a line)", self.cues[name]) for name in sorted(self.gate)
        )

    def find(self, doc: Document) -> Iterator[Hit]:
        timeout = doc.guard_timeout
        for index in self._candidates(doc):
            line = doc.lines[index]
            if not line.strip() or (self.max_length and len(line) > self.max_length):
                continue
            if self.unless is not None and self.unless.search(line, timeout=timeout):
                continue
            found = self._flagged(line, timeout)
            if found is None:
                continue
            # the body is measured only for a flagged line (a count over the whole document)
            if self.min_document_han and doc.prose_han_count() < self.min_document_han:
                continue
            if self.max_document_han is not None and doc.prose_han_count() > self.max_document_han:
                continue
            start, end = doc.line_span(index)
            if (self.max_lead is not None or self.max_tail is not None) and not self._certain_line(line, timeout):
                # glued to a sentence of the document: reported when one sentence of the line holds
                # the notice by itself (cues read across sentences may be the document's words)
                sentences = [m for m in _SENTENCE.finditer(line, timeout=timeout) if m.group().strip()]
                glued = [m.span() for m in sentences if self._flagged(m.group(), timeout)]
                if glued:
                    yield Hit(start + glued[0][0], start + glued[-1][1], None, "+".join(found))
                continue
            whole = doc.line_with_newline(index)
            if index and self.line_before is not None and self.line_before.fullmatch(doc.lines[index - 1], timeout=timeout):
                whole = (doc.line_starts[index - 1], whole[1])
            yield Hit(start, end, (Edit(whole[0], whole[1]),), "+".join(found))

    def _certain_line(self, line: str, timeout: float | None) -> bool:
        """Whether every sentence of the line holds a cue with certain ends around it: a line of
        notices, not a notice beside a sentence of the document."""
        for m in _SENTENCE.finditer(line, timeout=timeout):
            sentence = m.group()
            if not sentence.strip():
                continue
            if not any(cue.search(sentence, timeout=timeout) for cue in self.cues.values()) or not self._ends(sentence, timeout)[2]:
                return False
        return True

    def _ends(self, text: str, timeout: float | None) -> tuple[int, int, bool]:
        """Where the first cue in `text` starts and the last one ends, and whether the artifact's
        ends are certain: at most `max-lead` characters before the first and `max-tail` after the
        last (titles in 《》 not counted), no clause or sentence mark in either."""
        cues = [m.span() for cue in self.cues.values() for m in cue.finditer(text, timeout=timeout)]
        lead_end = min(s for s, _ in cues)
        tail_start = max(e for _, e in cues)
        lead = text[:lead_end].strip()
        tail = _TITLE.sub("", text[tail_start:]).rstrip(_END_MARKS)
        certain = (
            len(lead) <= (self.max_lead or 0)
            and not _CLAUSE_MARK.search(lead)
            and not _CLAUSE_MARK.search(tail)
            and len(tail) <= (self.max_tail or 0)
            # (a line unit's notice after or before a sentence of the document is glued to it)
            and not _SENTENCE_MARK.search(lead)
            and not _SENTENCE_MARK.search(tail)
        )
        return lead_end, tail_start, certain

    def _candidates(self, doc: Document) -> list[int]:
        """The lines holding a gate cue, the only ones that can match: named by the prefilter
        where it ran (a rule that weighs the whole document reads it whole), else found with one
        scan per gate cue."""
        lines: set[int] = set()
        for name in self.gate:
            cue = self.cues[name]
            named = doc.lines_matching(cue) if cue in self.line_triggers else None
            if named is None:
                named = [doc.line_index(m.start()) for m in cue.finditer(doc.text, timeout=doc.timeout)]
            lines.update(named)
        return sorted(lines)

    def _flagged(self, text: str, timeout: float | None) -> list[str] | None:
        """The names of the cues found in `text` when one of the `when` tables holds, else None."""
        counts: dict[str, int] = {}
        for table in self.when:
            if all(self._count(counts, name, text, timeout) >= need for name, need in table.items()):
                return sorted(k for k, v in counts.items() if v)
        return None

    def _count(self, counts: dict[str, int], name: str, text: str, timeout: float | None) -> int:
        if name not in counts:
            counts[name] = len(set(self.cues[name].findall(text, timeout=timeout)))
        return counts[name]


class SentenceClassifier(LineClassifier):
    """The `sentence` unit: each sentence judged, runs of flagged sentences deleted or reported."""

    def __init__(self, options: dict) -> None:
        super().__init__(options)
        for key in ("min-document-han", "max-document-han", "line-before"):
            if options[key]:
                raise OptionError(f"key '{key}': not with unit = \"sentence\"")
        for name in options["joins"]:
            if name not in self.cues:
                raise OptionError(f"key 'joins': unknown cue {name!r}")
        self.joins = tuple(self.cues[name] for name in options["joins"])
        self.unless_line = options["unless-line"]
        self.ignore = options["ignore"]

    def find(self, doc: Document) -> Iterator[Hit]:
        timeout = doc.guard_timeout
        for index in self._candidates(doc):
            line = doc.lines[index]
            if self.unless_line is not None and self.unless_line.search(line, timeout=timeout):
                continue
            if self.ignore is not None:
                line = self.ignore.sub(lambda m: " " * len(m.group()), line, timeout=timeout)
            sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(line, timeout=timeout) if line[m.start() : m.end()].strip()]
            judged = self._judged(line, sentences, timeout)
            for first, last, found in self._runs(judged, sentences, timeout):
                yield self._hit(doc, index, line, judged, first, last, found, timeout)

    def _judged(self, line: str, sentences: list[tuple[int, int]], timeout: float | None) -> str:
        """The line as its cues are read: in each sentence, the clauses `unless` clears blanked out."""
        pieces = []
        position = 0
        for start, end in sentences:
            pieces += [line[position:start], self._cleared(line[start:end], timeout)]
            position = end
        pieces.append(line[position:])
        return "".join(pieces)

    def _runs(self, judged: str, sentences: list[tuple[int, int]], timeout: float | None) -> Iterator[tuple[int, int, list[str]]]:
        """Runs of flagged sentences with the joining sentences beside them: (start, end, cues)."""
        flagged: list[list[str] | None] = []
        joining: list[bool] = []
        for start, end in sentences:
            text = judged[start:end]
            if (self.max_length and len(text) > self.max_length) or not text.strip():
                flagged.append(None)
                joining.append(False)
                continue
            flagged.append(self._flagged(text, timeout))
            joining.append(any(cue.search(text, timeout=timeout) for cue in self.joins))
        i = 0
        while i < len(sentences):
            if flagged[i] is None:
                i += 1
                continue
            first = i
            while first and flagged[first - 1] is None and joining[first - 1]:
                first -= 1
            last = i
            found = set(flagged[i])
            while last + 1 < len(sentences) and (flagged[last + 1] is not None or joining[last + 1]):
                last += 1
                found.update(flagged[last] or ())
            yield sentences[first][0], sentences[last][1], sorted(found)
            i = last + 1

    def _cleared(self, sentence: str, timeout: float | None) -> str:
        """The sentence with the clauses where `unless` matches blanked out (their cues do not
        count: the issuer's hotline clears its own clause, not an advert glued to the sentence)."""
        if self.unless is None:
            return sentence
        matches = list(self.unless.finditer(sentence, timeout=timeout))
        if not matches:
            return sentence
        marks = [m.start() for m in _CLAUSE_MARK.finditer(sentence)]
        chars = list(sentence)
        for m in matches:
            k = bisect.bisect_right(marks, m.start())
            start = marks[k - 1] + 1 if k else 0
            end = marks[k] if k < len(marks) else len(sentence)
            chars[start:end] = " " * (end - start)
        return "".join(chars)

    def _hit(self, doc: Document, index: int, line: str, judged: str, start: int, end: int, found: list[str], timeout: float | None) -> Hit:
        base = doc.line_starts[index]
        detail = "+".join(found)
        lead_end, tail_start, certain = self._ends(judged[start:end], timeout)
        at_line_end = not line[end:].strip()
        if not certain:
            return Hit(base + start + lead_end, base + start + tail_start, None, detail)
        if at_line_end and not line[:start].strip():
            whole = doc.line_with_newline(index)
            return Hit(base, base + len(line), (Edit(whole[0], whole[1]),), detail)
        if at_line_end and base + len(line) < len(doc.text):
            # the paragraph now ends where the advert began: the edit takes the line end too (and
            # puts it back), so that a rule joining this line to the next, as one that ends in the
            # middle of a sentence, waits for the line without the advert
            return Hit(base + start, base + end, (Edit(base + start, base + len(line) + 1, "\n"),), detail)
        return Hit(base + start, base + end, (Edit(base + start, base + end),), detail)


def compile(options: dict) -> LineClassifier:
    return SentenceClassifier(options) if options["unit"] == "sentence" else LineClassifier(options)
