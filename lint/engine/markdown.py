"""What of a Markdown text is not prose: code (fenced, indented, inline), front matter, link and
image targets, reference definitions, HTML comments and raw inline HTML. A finding there is no
artifact of the document's text (`##paidbegin##` in a code span documents the marker) and an edit
there would change the document's code, so neither is made (lint/api.py filters them out).

The blocks come from markdown-it-py's CommonMark parser, which gives each block its lines. It gives
inline tokens no offsets, so each inline construct it found is located in its block's source in
order: a code span by its backtick string (CommonMark: a run of exactly that length, not escaped),
raw HTML by its source text, which markdown-it keeps as written, a link target from the `](` or `<`
that opens it. Reference definitions (`[x]: http://…`) become no token at all: a non-blank line
that no block covers is one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from lint.engine.expressions import LazyPattern

SUFFIXES = (".md", ".markdown")

Span = tuple[int, int]


class NotProse(NamedTuple):
    """The spans of a Markdown text that are not prose, each list in order, not overlapping."""

    code: list[Span]  # code blocks, code spans, front matter: a directive written there is an example
    markup: list[Span]  # link targets, reference definitions, raw HTML (directives among it)

    @property
    def all(self) -> list[Span]:
        return _merged([*self.code, *self.markup])

    def without_code(self, text: str) -> str:
        """`text` with its code blanked out (line ends kept, so every offset stays): what its
        directives are read from."""
        if not self.code:
            return text
        parts, cursor = [], 0
        for start, end in self.code:
            parts += [text[cursor:start], "".join(ch if ch == "\n" else " " for ch in text[start:end])]
            cursor = end
        return "".join(parts) + text[cursor:]

# blocks whose every line is not prose
_CODE_BLOCKS = frozenset({"fence", "code_block", "front_matter"})
# raw HTML blocks that hold no prose: comments, and the blocks CommonMark keeps verbatim
_HTML_WITHOUT_PROSE = LazyPattern(r"[ \t]*<(?:!--|script\b|style\b|pre\b|textarea\b|\?|![A-Za-z])")


def is_markdown(name: str) -> bool:
    """Whether a file of that name is read as Markdown."""
    return name.lower().endswith(SUFFIXES)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").use(front_matter_plugin)


def not_prose(text: str) -> NotProse:
    """What of `text` is not prose (offsets into it)."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    starts.append(len(text))

    def lines(first: int, last: int) -> Span:
        return starts[min(first, len(starts) - 1)], starts[min(last, len(starts) - 1)]

    code: list[Span] = []
    markup: list[Span] = []
    covered = [False] * (len(starts) - 1)
    for token in _parser().parse(text):
        if token.map is None:
            continue
        first, last = token.map
        if token.type in ("paragraph_open", "heading_open", "html_block", "hr", *_CODE_BLOCKS):
            covered[first:last] = [True] * (last - first)
        if token.type in _CODE_BLOCKS:
            code.append(lines(first, last))
        elif token.type == "html_block" and _HTML_WITHOUT_PROSE.match(token.content):
            markup.append(lines(first, last))
        elif token.type == "inline" and token.children:
            start, end = lines(first, last)
            _inline(text, start, end, token.children, code, markup)
    for i, is_covered in enumerate(covered):
        if not is_covered and text[starts[i] : starts[i + 1]].strip():
            markup.append((starts[i], starts[i + 1]))  # a reference definition
    return NotProse(_merged(code), _merged(markup))


def _inline(text: str, start: int, end: int, children, code: list[Span], markup: list[Span]) -> None:
    """The code spans (to `code`), raw HTML and link targets (to `markup`) of one block's inline
    content, text[start:end]."""
    cursor = start
    for child in children:
        if child.type == "code_inline":
            opening = _backticks(text, child.markup, cursor, end, opening=True)
            closing = _backticks(text, child.markup, opening + len(child.markup), end, opening=False) if opening >= 0 else -1
            if closing >= 0:
                code.append((opening, closing + len(child.markup)))
                cursor = closing + len(child.markup)
        elif child.type == "html_inline":
            at = text.find(child.content, cursor, end)
            if at >= 0:
                markup.append((at, at + len(child.content)))
                cursor = at + len(child.content)
        elif child.type in ("link_open", "image") and child.markup == "autolink":
            opening = text.find("<", cursor, end)
            closing = text.find(">", opening, end) if opening >= 0 else -1
            if closing >= 0:
                markup.append((opening, closing + 1))
                cursor = closing + 1
        elif child.type in ("link_close", "image"):
            target = _target(text, cursor, end)
            if target is not None:
                markup.append(target)
                cursor = target[1]


def _backticks(text: str, run: str, start: int, end: int, *, opening: bool) -> int:
    """Where the next run of exactly `run` (backticks) starts in text[start:end], or -1. An opening
    run may be escaped (a backslash before it); inside a code span a backslash is a character."""
    at = text.find(run, start, end)
    while at >= 0:
        before = text[at - 1] if at > 0 else ""
        longer = before == "`" or text[at + len(run) : at + len(run) + 1] == "`"
        if not longer and not (opening and before == "\\"):
            return at
        stretch = at + len(run)
        while stretch < end and text[stretch] == "`":
            stretch += 1
        at = text.find(run, stretch, end)
    return -1


def _target(text: str, start: int, end: int) -> Span | None:
    """The `(target "title")` of an inline link or image whose text ends at or after `start`; None
    for a reference link (`[text][ref]`, `[text]`), whose target is its definition's line."""
    at = text.find("](", start, end)
    if at < 0:
        return None
    depth = 0
    for i in range(at + 1, end):
        if text[i] == "(" and text[i - 1] != "\\":
            depth += 1
        elif text[i] == ")" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return at + 1, i + 1
    return None


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def touches(spans: list[Span], start: int, end: int) -> bool:
    """Whether text[start:end] (an insertion where start == end) reaches into one of `spans`."""
    if start == end:
        return any(span_start < start < span_end for span_start, span_end in spans)
    return any(start < span_end and span_start < end for span_start, span_end in spans)
