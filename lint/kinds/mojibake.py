"""`mojibake`: UTF-8 text that was once decoded with the wrong codec (`misread-as`), so that every
Chinese character became two or three strange ones: `鍔犲己鍏氬缓` (read as GBK), `åŠ å¼º` (read as
Latin-1/Windows-1252).

Detection looks at the characters themselves, not at any guess about the file: a line is a GBK
misreading when its GBK bytes, read as UTF-8, are mostly valid Han text (real Chinese text gives
almost nothing but errors that way); a Latin-1 misreading is a run of lead characters `â`–`ï`
each followed by continuation characters. A run of at least `min-run` such characters is
reported. The fix
re-encodes the run with the wrong codec and decodes it as UTF-8; it is offered only when that
succeeds strictly (the repair is exact and lossless) and gives Han text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.engine import expressions
from lint.engine.document import Document
from lint.kinds.base import INTEGER, Hit, LazyPattern, Option, choice, replacement_edit

if TYPE_CHECKING:
    import regex

OPTIONS = {
    "misread-as": Option(choice("gbk", "latin-1"), required=True),
    "min-run": Option(INTEGER, default=4),
}

_HAN = LazyPattern(r"\p{Han}")
# Windows-1252 puts printable characters where Latin-1 has C1 controls; a scraper may have used either
_CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_LATIN1_RUN = "(?:[\u00e2-\u00ef][\u0080-\u00bf" + expressions.escape(_CP1252_EXTRA) + "\ufffd]{1,2}){%d,}"


# compiled when first used: only a document with a suspect character needs them
_NON_ASCII_RUN = LazyPattern(r"[^\x00-\x7f](?:[^\n]*[^\x00-\x7f])?")
_CJK = LazyPattern(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
GBK_QUALITY = 0.5


def _gbk_lead_alphabet() -> frozenset[str]:
    """Characters whose GBK code is a UTF-8 lead byte (E3–E9, EF) then a continuation byte below A1.
    Half of the characters of a GBK misreading are of this kind, and real text has almost none of
    them (they are GBK's rare extension characters), so they gate the closer look."""
    chars = set()
    for lead in [*range(0xE3, 0xEA), 0xEF]:
        for trail in range(0x80, 0xA1):
            try:
                chars.add(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


GBK_LEAD_ALPHABET = _gbk_lead_alphabet()
# `re`, not `regex`: it scans a large character class over a whole document many times faster
_GBK_LEAD = re.compile("[" + "".join(re.escape(ch) for ch in sorted(GBK_LEAD_ALPHABET)) + "]")


def _gbk_reading_quality(run: str) -> float:
    """Share of the UTF-8 reading of the run's GBK bytes that is CJK text."""
    try:
        raw = run.encode("gbk", errors="replace")
    except UnicodeEncodeError:  # pragma: no cover - errors="replace" does not raise
        return 0.0
    reading = raw.decode("utf-8", errors="replace")
    return len(_CJK.findall(reading)) / max(1, len(reading.strip()))


def _latin_bytes(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            try:
                out += ch.encode("latin-1")
            except UnicodeEncodeError:
                return None
    return bytes(out)


class MojibakeMatcher:
    folds = False
    # mojibake looks like traditional characters: it is read as written, never through the
    # simplified view of a traditional text
    as_written = True
    line_triggers = ()

    def __init__(self, options: dict) -> None:
        self.misread = options["misread-as"]
        self.min_run = options["min-run"]
        self.latin_run = LazyPattern(_LATIN1_RUN % self.min_run)
        self.line_local = True
        self.triggers = (self.latin_run,) if self.misread == "latin-1" else (LazyPattern(_GBK_LEAD.pattern),)

    def _runs(self, text: str) -> Iterator[regex.Match[str]]:
        if self.misread == "latin-1":
            yield from self.latin_run.finditer(text)
            return
        # a GBK misreading always holds characters whose GBK code starts with a UTF-8 lead byte;
        # text without one (nearly all real text) needs no closer look
        suspects = frozenset(_GBK_LEAD.findall(text))
        if not suspects:
            return
        suspect = re.compile("[" + "".join(map(re.escape, sorted(suspects))) + "]")
        done_lines: set[int] = set()
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        for hit in suspect.finditer(text):
            # look only at the lines that hold a suspect character, once each
            line = bisect.bisect_right(starts, hit.start()) - 1
            if line in done_lines:
                continue
            done_lines.add(line)
            end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
            for m in _NON_ASCII_RUN.finditer(text, starts[line], end):
                run = m.group()
                if len(run) >= self.min_run and not suspects.isdisjoint(run) and _gbk_reading_quality(run) >= GBK_QUALITY:
                    yield m

    def _repair(self, run: str) -> str | None:
        try:
            raw = run.encode("gbk") if self.misread == "gbk" else _latin_bytes(run)
            if raw is None:
                return None
            repaired = raw.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None
        return repaired if _HAN.search(repaired) and repaired.isprintable() else None

    def find(self, doc: Document) -> Iterator[Hit]:
        for m in self._runs(doc.text):
            repaired = self._repair(m.group())
            edits = (replacement_edit(m.start(), m.group(), repaired),) if repaired else None
            yield Hit(m.start(), m.end(), edits, repaired or "not repairable exactly")


def compile(options: dict) -> MojibakeMatcher:
    return MojibakeMatcher(options)
