"""`plancheck report`: one self-contained HTML page about a corpus, for the person who owns it.

The page carries everything it needs inline (CSS, script, data; a Content-Security-Policy forbids
any fetch): totals, findings by category and by rule as charts, the documents with the most
findings, and per document its text with the findings highlighted and what `--fix` would change
as a line diff. Document text is escaped here, in Python; the script only draws the charts and
filters, from a JSON blob escaped so that no `</script>` or `<!--` can end it early.

Big corpora are capped: every document is counted, but only the `--max-documents` with the most
findings are shown with their text (each up to `--max-chars` characters) and diff, and the page
says what was left out.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import difflib
import heapq
import html
import itertools
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import regex

from lint import __version__, api
from lint.cli import options
from lint.config.settings import ConfigError, ConfigResolver
from lint.engine import core as engine
from lint.engine import suppress
from lint.files import io as files
from lint.files.discovery import discover
from lint.model import LINE_END, Applicability, Finding, Severity
from lint.output.human import Located, locate
from lint.packs.load import PackError

MAX_DOCUMENTS = 50  # documents shown with text and diff: those with the most findings
MAX_CHARS = 30_000  # characters of one document's text shown
MAX_DIFF_LINES = 300  # diff rows shown per document
MAX_ROWS = 400  # finding rows listed per document
DIFF_LIMIT = 400_000  # a document longer than this (in characters) gets no diff on the page
INTRALINE_LIMIT = 2_000  # changed clauses longer than this together are marked whole, not compared by character
CONTEXT_LINES = 2
ELIDE_KEEP = 60  # characters kept at each end of a long unchanged stretch of a changed line
OPEN_DOCUMENTS = 3  # documents shown unfolded when the page opens (of those with more than layout findings)
TITLE_CHARS = 60  # the longest list of paths that makes a heading
# findings that only tidy the text's layout: folded away in each document, so that what was added
# to the text (ads, stamps, redactions) is what the open panels show first
LAYOUT = "layout"
EXIT_WRITTEN, EXIT_ERROR = 0, 2
# the page may run its own inline script and style and nothing else: no fetch, no font, no image
POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

# Chinese glosses and colours of the categories (a category a custom pack adds gets a spare colour)
CATEGORY_GLOSS = {
    "paywall": "付费墙",
    "advertising": "广告",
    "watermark": "水印",
    "boilerplate": "网页残留",
    "redaction": "屏蔽词",
    "placeholder": "占位符",
    "structure": "结构",
    "layout": "版式",
    "wording": "措辞",
    "encoding": "编码",
    "suppression": "抑制注释",
}
CATEGORY_COLOR = {
    "paywall": "#e8590c",
    "advertising": "#d6336c",
    "watermark": "#7048e8",
    "boilerplate": "#1c7ed6",
    "redaction": "#c92a2a",
    "placeholder": "#e0a800",
    "structure": "#2f9e44",
    "layout": "#0c8599",
    "wording": "#ae3ec9",
    "encoding": "#795548",
}
SPARE_COLORS = ("#5c940d", "#364fc7", "#a61e4d", "#087f5b", "#862e9c", "#d9480f")
INVISIBLE_NAMES = {
    0x00A0: "NBSP",
    0x00AD: "SHY",
    0x200B: "ZWSP",
    0x200C: "ZWNJ",
    0x200D: "ZWJ",
    0x200E: "LRM",
    0x200F: "RLM",
    0x2060: "WJ",
    0xFEFF: "BOM",
}

_LINE_END = regex.compile(LINE_END)
# characters HTML cannot carry as text (C0/C1 controls, lone surrogates): shown as a label instead
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# inside a highlight, invisible characters are labelled too, so a flagged zero-width space shows
_LABELLED = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u00a0\p{Cf}]")
# a clause of a changed block: text up to and with a punctuation mark, a run of white space, a line end
_CLAUSE = regex.compile(r"\n|[^\S\n]+|[^\s。！？；，、：,.;:!?]+[。！？；，、：,.;:!?]*|[。！？；，、：,.;:!?]+")
_NEWLINE_SIGN = '<span class="nl">↵</span>'
# a line end inside a highlight keeps its character and gets a ↵ drawn by CSS, so that a flagged
# run of blank lines shows and the text copied from the page is still the document's
_MARKED_NEWLINE = '<span class="br">\n</span>'


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = options.Parser(
        prog="plancheck report",
        description="Check and fix a corpus in memory (no file is changed) and write one self-contained HTML page about it.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check (default: .)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("plancheck-report.html"),
        metavar="FILE",
        help="the page to write (default: plancheck-report.html)",
    )
    parser.add_argument("--title", help="heading of the page (default: the paths checked)")
    parser.add_argument("--unsafe-fixes", action="store_true", help="show unsafe fixes in the diffs too")
    options.add_rules(parser)
    options.add_files(parser)
    parser.add_argument(
        "--max-documents",
        type=_count,
        default=MAX_DOCUMENTS,
        metavar="N",
        help=f"show the text and diff of the N documents with the most findings (default {MAX_DOCUMENTS})",
    )
    parser.add_argument(
        "--max-chars",
        type=_count,
        default=MAX_CHARS,
        metavar="N",
        help=f"characters of a document's text shown (default {MAX_CHARS})",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    return parser


# --- collecting -------------------------------------------------------------------------------


class DocumentSummary:
    """What the page keeps of every document, shown or not."""

    def __init__(self, path: str, chars: int, remaining: int = 0, fixes: int = 0) -> None:
        self.path = path
        self.chars = chars
        self.by_rule: Counter = Counter()
        self.safe_by_rule: Counter = Counter()
        self.unsafe_by_rule: Counter = Counter()
        self.by_severity: Counter = Counter()
        self.remaining = remaining  # findings left once the fixes are applied
        self.fixes = fixes  # fixes applied
        self.note = ""  # fixes refused or not converged

    @property
    def findings(self) -> int:
        return sum(self.by_rule.values())


class ShownDocument(NamedTuple):
    """A document shown with its text: the original, what the fixes make of it, its findings."""

    summary: DocumentSummary
    text: str
    fixed: str
    findings: list[Finding]


class RuleInfo(NamedTuple):
    """What the report says about a rule that ran."""

    id: str
    name: str
    category: str
    severity: Severity
    fix: str


class Corpus:
    """What the report gathers over all documents."""

    def __init__(self) -> None:
        self.documents: list[DocumentSummary] = []
        self.shown: list[ShownDocument] = []
        self.errors: list[str] = []
        self.rules: dict[str, RuleInfo] = {}  # every rule that ran on some document


def collect(
    paths: Iterable[Path],
    resolver: ConfigResolver,
    *,
    unsafe: bool = False,
    encoding: str | None = None,
    force_exclude: bool = False,
    max_documents: int = MAX_DOCUMENTS,
) -> Corpus:
    """Check and fix every file in memory. Only the `max_documents` texts with the most findings
    are kept (a heap, so a large corpus is never held in memory at once)."""
    corpus = Corpus()
    heap: list[tuple[int, int, ShownDocument]] = []  # (findings, -order, document): the smallest is dropped first
    for item in discover(list(paths), resolver, force_exclude=force_exclude):
        if isinstance(item, str):
            corpus.errors.append(item)
            continue
        try:
            settings = resolver.for_path(item)
            rules = settings.rules_for(item)
            source = files.read(item, encoding or settings.encoding_for(item), settings.max_file_size)
        except files.InputError as exc:
            corpus.errors.append(str(exc))
            continue
        for rule in rules:
            corpus.rules.setdefault(rule.id, RuleInfo(rule.id, rule.name, rule.category, rule.severity, rule.fix))
        # the calls the command line makes, so `<!-- plancheck: … -->` directives mean the same here
        result = api.fix_document(source.text, settings, item, unsafe=unsafe)
        if suppress.may_have_directives(source.text):  # the fix's first pass honours them but reports no unused ones
            result = result._replace(initial=api.check_document(source.text, settings, item))
        summary = _summarize(files.shown(item), source.text, result)
        for f in result.initial:  # a finding of no rule in the set (a timed-out rule's, a directive's) still needs a name
            if f.rule not in corpus.rules:
                corpus.rules[f.rule] = RuleInfo(f.rule, f.name, f.category, f.severity, "none")
        corpus.documents.append(summary)
        if summary.findings and max_documents:
            shown = ShownDocument(summary, source.text, result.text, result.initial)
            entry = (summary.findings, -len(corpus.documents), shown)
            if len(heap) < max_documents:
                heapq.heappush(heap, entry)
            elif entry[:2] > heap[0][:2]:
                heapq.heapreplace(heap, entry)
    corpus.shown = [entry[2] for entry in sorted(heap, key=lambda e: (-e[0], -e[1]))]
    return corpus


def _summarize(path: str, text: str, result: engine.FixResult) -> DocumentSummary:
    summary = DocumentSummary(path, len(text), len(result.remaining), sum(result.fixed.values()))
    for f in result.initial:
        summary.by_rule[f.rule] += 1
        summary.by_severity[str(f.severity)] += 1
        if f.fix is not None:
            (summary.safe_by_rule if f.fix.applicability is Applicability.SAFE else summary.unsafe_by_rule)[f.rule] += 1
    if result.refused:
        summary.note = f"fixes refused: {result.refused}"
    elif not result.converged:
        summary.note = f"fixes did not converge (rules {', '.join(result.unstable_rules)}); the diff is empty"
    return summary


# --- escaping ---------------------------------------------------------------------------------


def _label(ch: str) -> str:
    return INVISIBLE_NAMES.get(ord(ch), f"U+{ord(ch):04X}")


def _slug(category: str) -> str:
    """A category as a CSS class name."""
    return regex.sub(r"[^a-z0-9_-]", "-", category.lower())


def _attr(value: str) -> str:
    """Text for an attribute value (or a short label): escaped, controls spelled out."""
    return html.escape(_CONTROL.sub(lambda m: f"<{_label(m[0])}>", value), quote=True)


def _text(value: str, labelled: bool = False) -> str:
    """Document text as HTML. Characters HTML cannot hold are replaced by a label; with `labelled`,
    invisible ones (zero-width, no-break space, BOM) are kept and labelled too."""
    pattern = _LABELLED if labelled else _CONTROL
    out = []
    pos = 0
    for m in pattern.finditer(value):
        out.append(html.escape(value[pos : m.start()], quote=False))
        ch = m[0]
        keep = "" if _CONTROL.match(ch) else ch
        out.append(f'<span class="cp" data-cp="{_label(ch)}">{keep}</span>')
        pos = m.end()
    out.append(html.escape(value[pos:], quote=False))
    return "".join(out)


def script_json(data: object) -> str:
    """JSON that is safe inside <script type="application/json">: ASCII only (so lone surrogates
    and U+2028 survive), and no `<`, `>` or `&` that could close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _Folded:
    """A text with every line end (CR LF, CR, CR CR LF) folded to "\\n", and original offsets mapped
    onto it, so the page shows lines as plancheck counts them."""

    def __init__(self, text: str) -> None:
        self._ends: list[int] = []  # original offset where each multi-character or CR line end ends
        self._starts: list[int] = []
        self._removed: list[int] = []  # characters removed up to and including that line end
        if "\r" not in text:
            self.text = text
            return
        parts = []
        pos = removed = 0
        for m in _LINE_END.finditer(text):
            if m.group() == "\n":
                continue
            parts.append(text[pos : m.start()])
            parts.append("\n")
            pos = m.end()
            removed += len(m.group()) - 1
            self._starts.append(m.start())
            self._ends.append(m.end())
            self._removed.append(removed)
        parts.append(text[pos:])
        self.text = "".join(parts)

    def offset(self, original: int) -> int:
        i = bisect.bisect_right(self._ends, original) - 1
        before = self._removed[i] if i >= 0 else 0
        following = i + 1
        if following < len(self._starts) and self._starts[following] < original:
            original = self._starts[following]  # inside a line end: its start
        return original - before


# --- the text with its findings -----------------------------------------------------------------


def _severity_rank(f: Finding) -> tuple[int, int]:
    return (-int(f.severity), f.end - f.start)


def _tooltip(findings: Iterable[Finding]) -> str:
    parts = []
    for f in findings:
        line = f"{f.rule} {f.name} · {f.severity}\n{f.message}"
        if f.fix is not None:
            line += f"\nfix ({f.fix.applicability}): {f.fix.message}"
        parts.append(line)
    return "\n\n".join(parts)


def _mark(findings: dict[int, Finding], ending: list[int], body: str, point: bool = False) -> str:
    top = min(findings.values(), key=_severity_rank)
    rules = sorted({f.rule for f in findings.values()})
    classes = f"f c-{_slug(top.category)} s-{top.severity}" + (" pt" if point else "")
    label = f' data-label="{_attr(" ".join(dict.fromkeys(findings[i].rule for i in ending)))}"' if ending else ""
    return (
        f'<mark class="{classes}" data-r="{_attr(" ".join(rules))}" data-f="{" ".join(map(str, findings))}"{label}'
        f' title="{_attr(_tooltip(findings.values()))}">{body}</mark>'
    )


def _marked(piece: str) -> str:
    return _text(piece, labelled=True).replace("\n", _MARKED_NEWLINE)


def highlight(text: str, findings: Sequence[Finding], limit: int) -> tuple[str, int]:
    """The text up to about `limit` characters as HTML, each finding's span in <mark> elements (one
    per stretch covered by the same findings; data-f lists the findings by index, data-label the
    rules that end there). Returns the HTML and the original offset where it was cut."""
    folded = _Folded(text)
    shown = folded.text
    cut = len(shown)
    if cut > limit:
        newline = shown.rfind("\n", 0, limit)
        cut = newline + 1 if newline >= limit // 2 else limit
        shown = shown[:cut]
    spans = [(i, folded.offset(f.start), folded.offset(f.end), f) for i, f in enumerate(findings)]
    spans = [(i, min(s, cut), min(e, cut), f) for i, s, e, f in spans if s < cut or (s == cut == len(folded.text))]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    points: dict[int, list[int]] = {}
    for i, s, e, _ in spans:
        if s == e:
            points.setdefault(s, []).append(i)
        else:
            starts.setdefault(s, []).append(i)
            ends.setdefault(e, []).append(i)
    boundaries = sorted({0, cut, *starts, *ends, *points})
    active: dict[int, Finding] = {}
    out = []
    for n, pos in enumerate(boundaries):
        for i in ends.get(pos, ()):
            active.pop(i, None)
        for i in starts.get(pos, ()):
            active[i] = findings[i]
        if pos in points:
            out.append(_mark({i: findings[i] for i in points[pos]}, points[pos], "", point=True))
        if n + 1 == len(boundaries):
            break
        end = boundaries[n + 1]
        piece = shown[pos:end]
        if active:
            ending = [i for i in ends.get(end, ()) if i in active]
            if ending and piece.endswith("\n"):
                # the rule ids go before the line end they would otherwise follow onto the next line
                out.append(_mark(dict(active), ending, _marked(piece[:-1])))
                out.append(_mark(dict(active), [], _MARKED_NEWLINE))
            else:
                out.append(_mark(dict(active), ending, _marked(piece)))
        else:
            out.append(_text(piece))
    return "".join(out), cut


# --- the diff ---------------------------------------------------------------------------------


def _split_lines(text: str) -> list[str]:
    return regex.findall(r"[^\n]*\n|[^\n]+\Z", text)


def _elided(unchanged: str) -> str:
    """An unchanged stretch of a changed line: a long one keeps only its ends, so a paragraph that
    lost four characters does not fill the diff twice."""
    if len(unchanged) <= 2 * ELIDE_KEEP + 40:
        return _text(unchanged)
    middle = len(unchanged) - 2 * ELIDE_KEEP
    return (
        f'{_text(unchanged[:ELIDE_KEEP])}<span class="elide" title="{middle:,} unchanged characters">…</span>'
        f"{_text(unchanged[-ELIDE_KEEP:])}"
    )


def _render_block(block: str, ranges: list[tuple[int, int]], tag: str, elide: bool = False) -> list[str]:
    """Each line of `block` as HTML (without its line end), the characters in `ranges` wrapped in
    <tag>; a line end inside a range shows as ↵. With `elide`, long unchanged stretches are cut."""
    plain = _elided if elide else _text
    rows = []
    offset = 0
    r = 0
    for line in _split_lines(block):
        start, end = offset, offset + len(line)
        content_end = end - 1 if line.endswith("\n") else end
        pieces = []
        pos = start
        while r < len(ranges) and ranges[r][1] <= start:
            r += 1
        k = r
        while k < len(ranges) and ranges[k][0] < end:
            a, b = max(ranges[k][0], start), min(ranges[k][1], end)
            if a > pos:
                pieces.append(plain(block[pos:a]))
            inner = _text(block[a : min(b, content_end)], labelled=True) if a < content_end else ""
            if b > content_end and content_end < end:
                inner += _NEWLINE_SIGN
            pieces.append(f"<{tag}>{inner}</{tag}>")
            pos = b
            k += 1
        if pos < content_end:
            pieces.append(plain(block[pos:content_end]))
        rows.append("".join(pieces))
        offset = end
    return rows


def _blank(line: str) -> bool:
    return not line.strip()


def _blank_line_ranges(block: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in regex.finditer(r"(?m)^[^\S\n]*\n", block)]


Op = tuple[str, int, int, int, int]


def _char_opcodes(old: str, new: str) -> list[Op]:
    """Opcodes that turn `old` into `new`, by character offsets: first by clauses (text up to and
    with a punctuation mark, a run of white space, a line end), then character by character
    inside the clauses that differ, as a word diff does. Much faster than characters throughout
    on reports of tens of thousands of characters, and the marks land on whole changes."""
    a, b = _CLAUSE.findall(old), _CLAUSE.findall(new)
    starts_a, starts_b = _starts(a), _starts(b)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        x0, x1, y0, y1 = starts_a[i1], starts_a[i2], starts_b[j1], starts_b[j2]
        if tag == "replace" and (x1 - x0) + (y1 - y0) <= INTRALINE_LIMIT:
            inner = difflib.SequenceMatcher(None, old[x0:x1], new[y0:y1], autojunk=False).get_opcodes()
            ops.extend((op, x0 + c1, x0 + c2, y0 + d1, y0 + d2) for op, c1, c2, d1, d2 in inner)
        else:
            ops.append((tag, x0, x1, y0, y1))
    return ops


def _replace_rows(old: str, new: str, old_line: int, new_line: int, budget: int) -> list[str]:
    """Rows for a block of lines replaced by another, about `budget` of them at most. Blocks of as
    many lines on each side (a fix applied line by line, like trailing whitespace on every line)
    are compared line by line; others as a whole, cut to the budget first, so a diff of thousands
    of changed lines costs no more than the rows shown."""
    old_lines, new_lines = _split_lines(old), _split_lines(new)
    if len(old_lines) == len(new_lines):
        rows: list[str] = []
        for k, (x, y) in enumerate(zip(old_lines, new_lines, strict=True)):
            if len(rows) >= budget:
                break
            rows.extend(_aligned_rows(x, y, old_line + k, new_line + k))
        return rows
    return _aligned_rows("".join(old_lines[:budget]), "".join(new_lines[:budget]), old_line, new_line)


def _aligned_rows(old: str, new: str, old_line: int, new_line: int) -> list[str]:
    """Rows for `old` replaced by `new`: changed characters marked, and the lines split wherever a
    line end is common to both, so each line is followed by what it became instead of all the
    old lines coming before all the new ones."""
    ops = _char_opcodes(old, new)
    deleted = [(i1, i2) for tag, i1, i2, _, _ in ops if tag != "equal" and i2 > i1]
    inserted = [(j1, j2) for tag, _, _, j1, j2 in ops if tag != "equal" and j2 > j1]
    old_rows, new_rows = _render_block(old, deleted, "del", elide=True), _render_block(new, inserted, "ins", elide=True)
    old_ends = [m.start() for m in regex.finditer("\n", old)]
    new_ends = [m.start() for m in regex.finditer("\n", new)]
    syncs = [(0, 0)]
    for tag, i1, i2, j1, _ in ops:
        if tag != "equal":
            continue
        for k in range(bisect.bisect_left(old_ends, i1), bisect.bisect_left(old_ends, i2)):
            end = old_ends[k]
            syncs.append((k + 1, bisect.bisect_left(new_ends, j1 + end - i1) + 1))
    syncs.append((len(old_rows), len(new_rows)))
    rows = []
    for (o1, n1), (o2, n2) in itertools.pairwise(syncs):
        if (o2 - o1, n2 - n1) == (1, 1) and old_rows[o1] == new_rows[n1]:
            rows.append(_row("ctx", old_line + o1 + 1, new_line + n1 + 1, old_rows[o1]))
            continue
        rows.extend(_row("del", old_line + k + 1, None, old_rows[k]) for k in range(o1, o2))
        rows.extend(_row("add", None, new_line + k + 1, new_rows[k]) for k in range(n1, n2))
    return rows


def _starts(tokens: list[str]) -> list[int]:
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    return starts


def _row(kind: str, old_no: int | None, new_no: int | None, body: str) -> str:
    return f'<tr class="{kind}"><td class="ln">{old_no or ""}</td><td class="ln">{new_no or ""}</td><td class="code">{body}</td></tr>'


def diff_html(old: str, new: str, max_rows: int = MAX_DIFF_LINES) -> tuple[str, bool]:
    """A unified line diff of `old` and `new` as table rows, the changed characters of changed
    lines marked. Returns the HTML of the first `max_rows` rows, and whether there is more."""
    a, b = _split_lines(_Folded(old).text), _split_lines(_Folded(new).text)
    # blank lines are junk: never anchors of the alignment, so the text lines pair up across them
    matcher = difflib.SequenceMatcher(_blank, a, b, autojunk=False)
    rows: list[str] = []
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        if len(rows) >= max_rows:
            return "\n".join(rows[:max_rows]), True
        _tag, i1, _, j1, _ = group[0]
        rows.append(f'<tr class="hunk"><td colspan="3">@@ original line {i1 + 1}, fixed line {j1 + 1} @@</td></tr>')
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows.extend(_row("ctx", i1 + k + 1, j1 + k + 1, _text(a[i1 + k].rstrip("\n"))) for k in range(i2 - i1))
                continue
            old_block, new_block = "".join(a[i1:i2]), "".join(b[j1:j2])
            if tag == "replace":
                # one row more than the budget, so that a cut block is known to be cut
                rows.extend(_replace_rows(old_block, new_block, i1, j1, max_rows - len(rows) + 1))
                continue
            # whole lines: the row colour says it; only blank lines get their ↵ marked
            deleted, inserted = _blank_line_ranges(old_block), _blank_line_ranges(new_block)
            rows.extend(_row("del", i1 + k + 1, None, body) for k, body in enumerate(_render_block(old_block, deleted, "del")))
            rows.extend(_row("add", None, j1 + k + 1, body) for k, body in enumerate(_render_block(new_block, inserted, "ins")))
    return "\n".join(rows[:max_rows]), len(rows) > max_rows


# --- the page ---------------------------------------------------------------------------------


def _asset(name: str) -> str:
    text = (resources.files("lint") / "report_assets" / name).read_text(encoding="utf-8")
    if regex.search(r"</(?:script|style)|<!--", text, regex.IGNORECASE):
        raise ValueError(f"report asset {name} would end its element early")
    return text


def _category_colors(categories: Iterable[str]) -> dict[str, str]:
    colors = {}
    spare = 0
    for category in sorted(categories):
        if category in CATEGORY_COLOR:
            colors[category] = CATEGORY_COLOR[category]
        else:
            colors[category] = SPARE_COLORS[spare % len(SPARE_COLORS)]
            spare += 1
    return colors


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _diff_panel(doc: ShownDocument, unsafe: bool) -> tuple[str, str]:
    """The diff of the document against its fixed text, and a one-line summary of the fixing."""
    s = doc.summary
    left = _plural(s.remaining, "finding") + " left"
    command = "plancheck --fix" + (" --unsafe-fixes" if unsafe else "")
    if doc.fixed == doc.text:
        if s.note:
            return '<p class="empty">No diff: the fixes were not applied (see the note above).</p>', left
        return f'<p class="empty">Nothing here is fixed by <code>{command}</code>.</p>', left
    if len(doc.text) > DIFF_LIMIT:
        return f'<p class="empty">Too long to diff here; run <code>plancheck --diff {_attr(s.path)}</code>.</p>', left
    table, more = diff_html(doc.text, doc.fixed)
    tail = ""
    if more:
        command = f"plancheck --diff{' --unsafe-fixes' if unsafe else ''} {_attr(s.path)}"
        tail = f'<p class="note">The diff goes on after {MAX_DIFF_LINES} rows; <code>{command}</code> shows all of it.</p>'
    fixes = _plural(s.fixes, "fix", "fixes")
    return f'<div class="scroll"><table class="diff">{table}</table></div>{tail}', f"{fixes} applied, {left}"


def _snippet(flagged: str) -> str:
    """The flagged text for the findings table: short, line ends as ↵, and white space made
    visible when there is nothing else (trailing spaces, blank lines)."""
    text = _Folded(flagged).text
    text = text if len(text) <= 40 else text[:39] + "…"
    shown = _text(text, labelled=True)
    if not text.strip():
        shown = shown.replace(" ", "·").replace("\t", "→").replace("\u3000", "□")
    return shown.replace("\n", _NEWLINE_SIGN)


def _finding_rows(doc: ShownDocument, folded: _Folded, cut: int) -> tuple[str, str]:
    """The table rows of the findings listed: those that matter, and the layout-only ones apart."""
    located: list[Located] = locate(doc.summary.path, doc.text, doc.findings)
    rows, layout_rows = [], []
    for i, item in enumerate(located[:MAX_ROWS]):
        f = item.finding
        if f.fix is None:
            fix = "—"
        else:
            fix = f'<span class="fx fx-{f.fix.applicability}" title="{_attr(f.fix.message)}">{f.fix.applicability}</span>'
        snippet = _snippet(item.text)
        beyond = " beyond" if folded.offset(f.start) >= cut and cut < len(folded.text) else ""
        (layout_rows if f.category == LAYOUT else rows).append(
            f'<tr class="fr{beyond}" data-r="{_attr(f.rule)}" data-f="{i}">'
            f'<td class="where">{item.line}:{item.column}</td>'
            f'<td><span class="rid c-{_slug(f.category)}" title="{_attr(f.name)} ({_attr(f.category)})">{_attr(f.rule)}</span></td>'
            f'<td><span class="sv s-{f.severity}">{f.severity}</span></td>'
            f'<td class="msg">{_attr(f.message)}</td><td class="snip"><code>{snippet}</code></td><td>{fix}</td></tr>'
        )
    more = len(located) - MAX_ROWS
    if more > 0:
        rows.append(f'<tr class="more"><td colspan="6">… and {_plural(more, "more finding")} not listed here.</td></tr>')
    return "".join(rows), "".join(layout_rows)


def _findings_tables(doc: ShownDocument, folded: _Folded, cut: int) -> str:
    head = "<thead><tr><th>line:col</th><th>rule</th><th>severity</th><th>message</th><th>text</th><th>fix</th></tr></thead>"
    rows, layout_rows = _finding_rows(doc, folded, cut)
    tables = f'<table class="findings">{head}<tbody>{rows}</tbody></table>' if rows else ""
    if layout_rows:
        count = layout_rows.count('<tr class="fr')
        tables += (
            f'<details class="layout-findings"{"" if rows else " open"}><summary>{_plural(count, "layout finding")} '
            f"(line breaks, blank lines, spaces), folded</summary>"
            f'<table class="findings">{head}<tbody>{layout_rows}</tbody></table></details>'
        )
    return f'<div class="scroll short">{tables}</div>'


def _document_section(index: int, doc: ShownDocument, max_chars: int, unsafe: bool, unfolded: bool) -> str:
    s = doc.summary
    folded = _Folded(doc.text)
    body, cut = highlight(doc.text, doc.findings, max_chars)
    rules = " ".join(sorted(s.by_rule))
    chips = "".join(
        f'<span class="chip s-{sev}">{_plural(s.by_severity[sev], sev)}</span>'
        for sev in ("error", "warning", "info")
        if s.by_severity[sev]
    )
    notes = f'<p class="note warn">{_attr(s.note)}</p>' if s.note else ""
    if cut < len(folded.text):
        notes += (
            f'<p class="note">The text is cut after {cut:,} of {len(folded.text):,} characters; '
            "the findings further on are listed but not highlighted.</p>"
        )
    diff, fixing = _diff_panel(doc, unsafe)
    folder, _, name = s.path.rpartition("/")
    folder += "/" if folder else ""
    command = "plancheck --fix" + (" --unsafe-fixes" if unsafe else "")
    return f"""
<details class="doc" id="d{index}" data-rules="{_attr(rules)}" data-path="{_attr(s.path)}"{" open" if unfolded else ""}>
<summary><span class="path"><span class="dir">{_attr(folder)}</span>{_attr(name)}</span>
<span class="count">{_plural(s.findings, "finding")}</span>{chips}
<span class="fixing">{fixing}</span></summary>
{notes}
<div class="cols">
<section class="panel findings-panel"><h4>Findings</h4>
{_findings_tables(doc, folded, cut)}</section>
<section class="panel"><h4>Text, findings highlighted</h4><div class="scroll"><pre class="text">{body}</pre></div></section>
<section class="panel"><h4>What <code>{command}</code> changes</h4>{diff}</section>
</div>
</details>"""


def _legend(colors: dict[str, str]) -> str:
    categories = "".join(
        f'<span class="lg"><mark class="f c-{_slug(c)} s-warning">{_attr(CATEGORY_GLOSS.get(c, c))}</mark> {_attr(c)}</span>'
        for c in colors
    )
    return f"""<div class="legend">
<div><b>Highlight colour: category</b> {categories}</div>
<div><b>Underline: severity</b> <span class="lg"><mark class="f c-layout s-error">solid</mark> error</span>
<span class="lg"><mark class="f c-layout s-warning">dashed</mark> warning</span>
<span class="lg"><mark class="f c-layout s-info">dotted</mark> info</span>
<span class="lg"><mark class="f c-layout s-warning pt" data-label="LY005"></mark> a finding at a point (nothing to underline)</span>
<span class="lg"><span class="cp" data-cp="ZWSP"></span> an invisible character, named</span></div>
<div><b>Diff</b> <span class="lg"><del>deleted</del> by the fix</span> <span class="lg"><ins>inserted</ins> by the fix</span>
<span class="lg"><del><span class="nl">↵</span></del> a line break removed</span>
<span class="lg">Hover a highlight for the rule, its message and its fix; click a finding row to find it in the text.</span></div>
</div>"""


def _left_after_fixing(docs: Sequence[DocumentSummary], remaining: int, unsafe: bool) -> str:
    """How the findings left after fixing follow from the cards before, or why they do not: fixes
    refused in a document leave its fixable findings, and a fix can bring up or settle others."""
    command = "--fix --unsafe-fixes" if unsafe else "--fix"
    refused = [d for d in docs if d.note]
    fixable = sum(sum(d.safe_by_rule.values()) + (sum(d.unsafe_by_rule.values()) if unsafe else 0) for d in docs if not d.note)
    expected = sum(d.findings for d in docs) - fixable
    parts = [f"{sum(d.findings for d in docs):,} findings − {fixable:,} fixed by {command}"]
    if refused:
        their = "its" if len(refused) == 1 else "their"
        parts.append(f"the fixes of {_plural(len(refused), 'document')} were not applied, so {their} findings stay")
    if remaining != expected:
        difference = f"{abs(remaining - expected):,} {'more' if remaining > expected else 'fewer'}"
        parts.append(f"{difference}: what a fix brought up or settled besides")
    return "; ".join(parts)


def render(corpus: Corpus, *, title: str, unsafe: bool = False, max_chars: int = MAX_CHARS, max_documents: int = MAX_DOCUMENTS) -> str:
    """The whole page."""
    docs = corpus.documents
    used = {rule for d in docs for rule in d.by_rule}
    rules = {rid: info for rid, info in corpus.rules.items() if rid in used}
    colors = _category_colors({info.category for info in corpus.rules.values()} | {info.category for info in rules.values()})
    anchors = {id(s.summary): i for i, s in enumerate(corpus.shown)}
    total = sum(d.findings for d in docs)
    severity = Counter()
    for d in docs:
        severity.update(d.by_severity)
    safe = sum(sum(d.safe_by_rule.values()) for d in docs)
    unsafe_count = sum(sum(d.unsafe_by_rule.values()) for d in docs)
    remaining = sum(d.remaining for d in docs)
    with_findings = sum(1 for d in docs if d.findings)
    without_fix = total - safe - unsafe_count
    data = {
        "rules": {rid: {"n": r.name, "c": r.category, "s": str(r.severity), "x": r.fix} for rid, r in sorted(rules.items())},
        "categories": {c: {"zh": CATEGORY_GLOSS.get(c, ""), "color": colors[c]} for c in colors},
        "docs": [
            {
                "p": d.path,
                "a": anchors.get(id(d)),
                # per rule: findings, safely fixable, fixable with --unsafe-fixes
                "r": {rid: [n, d.safe_by_rule[rid], d.unsafe_by_rule[rid]] for rid, n in sorted(d.by_rule.items())},
                "s": [d.by_severity["error"], d.by_severity["warning"], d.by_severity["info"]],
                "left": d.remaining,
            }
            for d in docs
        ],
    }
    category_css = "\n".join(f".c-{_slug(c)}{{--c:{color}}}" for c, color in colors.items())
    cards = [
        ("Documents", f"{len(docs):,}", f"{with_findings:,} with findings · {len(docs) - with_findings:,} clean"),
        ("Findings", f"{total:,}", f"in {_plural(len(rules), 'rule')} of {len(corpus.rules)} checked"),
        ("Errors", f"{severity['error']:,}", "severity error", "s-error"),
        ("Warnings", f"{severity['warning']:,}", "severity warning", "s-warning"),
        ("Info", f"{severity['info']:,}", "severity info", "s-info"),
        ("Fixable safely", f"{safe:,}", "with plancheck --fix", "fx-safe"),
        ("Fixable, unsafe", f"{unsafe_count:,}", "with --fix --unsafe-fixes: a person should confirm", "fx-unsafe"),
        ("No fix", f"{without_fix:,}", "reported only: a person decides"),
        ("Left after fixing", f"{remaining:,}", _left_after_fixing(docs, remaining, unsafe)),
    ]
    card_html = "".join(
        f'<div class="card {extra[0] if extra else ""}"><div class="k">{k}</div><div class="v">{v}</div>'
        f'<div class="sub">{_attr(sub)}</div></div>'
        for k, v, sub, *extra in cards
    )
    cap_notes = []
    if with_findings > len(corpus.shown):
        n = len(corpus.shown)
        which = f"only the {_plural(n, 'document')} with the most findings {'is' if n == 1 else 'are'}" if n else "none is"
        cap_notes.append(
            f"Of the {with_findings:,} documents with findings, {which} shown below (<code>--max-documents {max_documents}</code>); "
            "every document is counted in the totals, the charts and the table above."
        )
    cap_notes.append(
        f"Each document's text is shown up to {max_chars:,} characters (<code>--max-chars</code>), its first {MAX_ROWS} findings "
        f"and {MAX_DIFF_LINES} diff rows."
    )
    errors = ""
    if corpus.errors:
        items = "".join(f"<li>{_attr(e)}</li>" for e in corpus.errors)
        errors = f'<section id="errors"><h2>Not checked ({len(corpus.errors)})</h2><ul class="errors">{items}</ul></section>'
    # the first documents with more than layout findings are unfolded; a layout-only one stays folded
    mattering = [i for i, doc in enumerate(corpus.shown) if any(f.category != LAYOUT for f in doc.findings)]
    unfolded = set(mattering[:OPEN_DOCUMENTS])
    sections = "".join(_document_section(i, doc, max_chars, unsafe, i in unfolded) for i, doc in enumerate(corpus.shown))
    generated = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    fix_words = "--fix --unsafe-fixes" if unsafe else "--fix"
    return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{POLICY}">
<title>{_attr(title)} · plancheck report</title>
<style>
{_asset("report.css")}
{category_css}
</style>
<script>{_asset("guard.js")}</script>
</head>
<body>
<p id="status" data-status="loading" hidden>loading</p>
<header class="top">
<h1>{_attr(title)}</h1>
<p class="meta">plancheck {__version__} report · {generated} · {_plural(len(docs), "document")} checked, nothing written to them ·
the diffs show what <code>plancheck {fix_words}</code> would change</p>
</header>
<nav class="toolbar" aria-label="filters">
<label>Category <select id="f-cat"><option value="">all categories</option></select></label>
<label>Rule <select id="f-rule"><option value="">all rules</option></select></label>
<label>Document <input id="f-q" type="search" placeholder="part of a path…" autocomplete="off"></label>
<label class="check"><input id="f-badges" type="checkbox" checked> rule ids in the text</label>
<button id="f-reset" type="button">Reset</button>
<span id="f-summary" class="fsum"></span>
</nav>
<noscript><p class="note warn">The charts, the table of documents and the filters need JavaScript;
the documents below do not.</p></noscript>
<main>
<section class="cards">{card_html}</section>
<section class="overview">
<figure class="chart cat"><figcaption>Findings by category <span class="hint">click a bar to filter</span></figcaption>
<div id="chart-cat"></div></figure>
<figure class="chart rule"><figcaption>Findings by rule
<span class="hint">solid: fixable with --fix · pale: needs a person</span></figcaption>
<div id="chart-rule"></div></figure>
<section id="worst" class="chart"><h3>Documents with the most findings</h3><div id="worst-table"></div></section>
</section>
<section id="documents"><h2>Documents</h2>
{"".join(f'<p class="note">{n}</p>' for n in cap_notes)}
{_legend(colors)}
{sections}
<p id="no-docs" class="empty" hidden>No document shown here matches the filter.</p>
</section>
{errors}
</main>
<footer>Generated by plancheck {__version__}. This page is self-contained: it loads nothing from the network.</footer>
<script type="application/json" id="report-data">{script_json(data)}</script>
<script>{_asset("report.js")}</script>
</body>
</html>
"""


# --- the command --------------------------------------------------------------------------------


def page_title(paths: Sequence[Path]) -> str:
    """The heading for the paths checked: them, when a few short ones; else how many, and the
    folder they share (a pre-commit run or a shell glob names hundreds of files)."""
    names = [p.as_posix() for p in paths]
    if len(names) <= 3 and len(", ".join(names)) <= TITLE_CHARS:
        return ", ".join(names)
    common = os.path.commonpath([os.path.abspath(p) for p in paths])
    shared = Path(os.path.relpath(common)).as_posix() if common != os.path.abspath(os.curdir) else "."
    if shared.startswith("../") or len(shared) > TITLE_CHARS:
        shared = common
    return f"{len(names):,} paths in {shared}" if shared != "." else f"{names[0]} and {len(names) - 1:,} more paths"


def _run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    if "-" in args.paths:
        raise options.UsageError("report reads files and folders, not standard input (-)")
    args.encoding = options.encoding(args)
    resolver = ConfigResolver(options.overrides(args), args.config)
    paths = [Path(p) for p in (args.paths or ["."])]
    corpus = collect(
        paths,
        resolver,
        unsafe=args.unsafe_fixes,
        encoding=args.encoding,
        force_exclude=args.force_exclude,
        max_documents=args.max_documents,
    )
    title = args.title or page_title(paths)
    page = render(corpus, title=title, unsafe=args.unsafe_fixes, max_chars=args.max_chars, max_documents=args.max_documents)
    try:
        args.output.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise OSError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    for error in corpus.errors:
        print(f"plancheck: {error}", file=sys.stderr)
    if not args.quiet:
        total = sum(d.findings for d in corpus.documents)
        print(f"Wrote {args.output}: {_plural(total, 'finding')} in {_plural(len(corpus.documents), 'document')}.")
    return EXIT_ERROR if corpus.errors else EXIT_WRITTEN


def report_main(argv: Sequence[str]) -> int:
    """`plancheck report PATH… -o FILE`: exit 0 when the page is written, 2 on a usage,
    configuration or I/O error (one line on stderr; unreadable files are listed on the page too)."""
    try:
        return _run(argv)
    except options.UsageError as exc:
        return options.report_usage_error("plancheck report", exc)
    except (ConfigError, PackError, OSError) as exc:
        print(f"plancheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
