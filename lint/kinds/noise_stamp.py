"""`noise-stamp`: a site's stamp found by the noise inserted between its characters.

`〖海量*范文&免费·青柠网〗`, `更#多@素材`, `海·量·范·文`: official text almost never puts a symbol
between two Han characters, so the insertions themselves are the evidence, whatever the words.
Detection reads the NFKC-folded text (full-width `＃＠％` count as `#@%`); the deletion covers the
original characters.

An insertion is a run of noise between two Han characters. It proves a stamp when it holds one of
`symbols` (`min-insertions` of them); one of `fillers` only (the star, also an anonymisation
mark: `**镇`, `*年*月`; `|`, a table's column mark) or of `separators` (`·`, `…`, `～`, legitimate
between words: `马克思·韦伯`, `北京～天津`) proves something only between *every* character of a
run (`海·量·范·文`, `min-every` of them, one Han character apart), or beside an insertion of a
different mark at most three characters away (`精~品|文档`): words are separated by one mark.
One of `joiners` (`+ = ! ?`: `人工智能+政务`, `加油！奋斗`) is no insertion at all alone; beside
a symbol (`素＋＾材`, `文！＋范`) it is part of one.

A stamp is
- a bracket (`brackets`: pairs of opening and closing characters; `#…#` only after text that is
  not Han, since after a Han character `#` is inserted) holding no clause punctuation and at most
  `max-bracket` characters besides noise, with that proof, or with any one insertion and two of
  the cues `offer`, `content`, `site` (matched with the noise taken out), or, with no noise at
  all, Han characters only and all three cues: `〖海量范文免费网〗` (`site` is anchored at the
  content's end: the site's name), or, noise or not, Han characters only that end in the site's
  `credit` (`（青禾写作网独家）`, `〈某某资料站出品〉`);
- outside brackets, the stretch from the first to the last proving insertion of a run of Han
  characters, moved out to the end of an `offer` or `content` word it cuts: the noise marks the
  ends of a stamp inside a sentence.
The noise just outside a stamp goes with it (`@~【…】`, `~[…]~`), unless it sticks to a letter or
digit (`6%`, `#1号楼`); a stamp that is all its line holds takes the line with its line end.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from lint.engine import expressions
from lint.engine.document import Document
from lint.kinds.base import INTEGER, REGEX, STRING, Hit, LazyPattern, Option, OptionError
from lint.model import Edit

OPTIONS = {
    "symbols": Option(STRING, required=True),
    "fillers": Option(STRING, default=""),
    "separators": Option(STRING, default=""),
    "joiners": Option(STRING, default=""),
    "brackets": Option(STRING, required=True),
    "min-insertions": Option(INTEGER, default=2),
    "min-every": Option(INTEGER, default=3),
    "max-bracket": Option(INTEGER, default=40),
    "offer": Option(REGEX, required=True),
    "content": Option(REGEX, required=True),
    "site": Option(REGEX, required=True),
    "credit": Option(REGEX, default=None),
}

# what a bracket holding a stamp never holds: the end of a clause or sentence, a line end
_CLAUSE_BREAK = frozenset("。，、；：！？,;:!?\n\t")
_HAN_ONLY = LazyPattern(r"\p{Han}+")
# Han characters at most between two insertions of different marks that prove a stamp
_NEAR = 3
# the longest insertion, and the longest stretch of noise inside a bracket
_MAX_GAP = 8
# characters of a bracket's content beside the proof of a stamp that make it more than the stamp's
# (`《中华人民共和国海事诉…》`)
_EDGE = 4


class Evidence(NamedTuple):
    """What the noise of a stretch shows: its insertions with a symbol, the longest chain of one
    separator between every character, and where the first and last of those lie."""

    insertions: int
    gaps: int  # insertions of any noise
    mixed: bool  # two different marks inserted close together (`精~品|文档`)
    chain: int
    start: int  # of the Han character before the first evidence
    end: int  # after the Han character after the last evidence


def _hashtags(gaps: list) -> set[int]:
    """The gaps that frame a hashtag (`话题#两会#`, `#两会##我的建议#`): a lone `#` before a word of
    two or more Han characters and a lone `#` after it. Noise inserted into a stamp separates its
    characters, not whole words in pairs; deleting a hashtag would cut a sentence."""
    framing: set[int] = set()
    for k in range(len(gaps) - 1):
        here, after = gaps[k], gaps[k + 1]
        # `##` between two tags closes one and opens the next
        if here.group() in ("#", "##") and after.group() in ("#", "##") and after.start() - here.end() >= 2:
            framing.update((k, k + 1))
    return framing


class NoiseStampMatcher:
    line_triggers = ()

    def __init__(self, options: dict) -> None:
        brackets = options["brackets"]
        if len(brackets) % 2:
            raise OptionError("key 'brackets': expected pairs of opening and closing characters")
        self.symbols = frozenset(options["symbols"])
        if not self.symbols:
            raise OptionError("key 'symbols': expected at least one character")
        self.separators = frozenset(options["separators"])
        self.joiners = frozenset(options["joiners"])
        noise = self.symbols | frozenset(options["fillers"]) | self.separators | self.joiners
        self.noise = noise
        self.closing = dict(zip(brackets[::2], brackets[1::2], strict=True))
        self.bracket_chars = frozenset(brackets)
        self.min_insertions = options["min-insertions"]
        self.min_every = options["min-every"]
        self.max_bracket = options["max-bracket"]
        self.offer, self.content, self.site = options["offer"], options["content"], options["site"]
        # a site's credit: found anywhere (a trigger, and before a bracket's content is known),
        # and at the end of a bracket's content, where it signs the bracket
        self.credit = options["credit"]
        self.credit_at_end = LazyPattern(f"(?:{self.credit.source})$", self.credit.flags) if self.credit is not None else None
        noise_class = "[" + "".join(map(expressions.escape, sorted(noise))) + "]"
        # Han characters with noise inserted between them: where evidence can be (a run is tried
        # from its first character only: from each of them, the scan of a long run is quadratic)
        self.run = LazyPattern(rf"(?<!\p{{Han}})\p{{Han}}++(?:{noise_class}{{1,{_MAX_GAP}}}\p{{Han}}++)+")
        self.gap = LazyPattern(f"{noise_class}+")
        self.opening = LazyPattern("[" + "".join(map(expressions.escape, self.closing)) + "]")
        # where a bracket's reading stops at the latest
        stops = _CLAUSE_BREAK | (self.bracket_chars - self.noise)
        self.bracket_stop = LazyPattern("[" + "".join(map(expressions.escape, sorted(stops))) + "]")
        self.line_local = True
        # a stamp has noise, or, in a bracket without noise, a content noun or a credit
        self.triggers = (LazyPattern(noise_class), self.content, *((self.credit,) if self.credit is not None else ()))
        self.folds = True

    def _evidence(self, text: str, start: int, end: int) -> Evidence:
        """The evidence of the noise in text[start:end]."""
        insertions = gaps = chain = links = chain_start = 0
        mixed = False
        first, last = len(text), -1
        previous = None  # the gap before in the same run
        for run in self.run.finditer(text, start, end):
            gaps_of_run = list(self.gap.finditer(text, run.start(), run.end()))
            framing = _hashtags(gaps_of_run)
            for k, gap in enumerate(gaps_of_run):
                if k in framing:
                    continue
                noise = gap.group()
                if not self._inserted(noise):
                    continue  # the text's own punctuation or operator
                gaps += 1
                if any(ch in self.symbols for ch in noise):
                    insertions += 1
                    first, last = min(first, gap.start() - 1), max(last, gap.end() + 1)
                near = previous is not None and gap.start() - previous.end() <= _NEAR
                if near and set(noise) != set(previous.group()):
                    # a separator between words, a star for a name, is always the same mark
                    mixed = True
                    first, last = min(first, previous.start() - 1), max(last, gap.end() + 1)
                if noise in self.separators:
                    # one Han character after the same separator: the chain goes on
                    joined = near and previous.group() == noise and previous.end() + 1 == gap.start()
                    links, chain_start = (links + 1, chain_start) if joined else (1, gap.start() - 1)
                    chain = max(chain, links)
                    if links >= self.min_every:
                        first, last = min(first, chain_start), max(last, gap.end() + 1)
                else:
                    links = 0
                previous = gap
            previous = None
        return Evidence(insertions, gaps, mixed, chain, first, last)

    def _proves(self, evidence: Evidence) -> bool:
        return evidence.insertions >= self.min_insertions or evidence.mixed or evidence.chain >= self.min_every

    def _words(self, text: str, start: int, end: int) -> str:
        return "".join(ch for ch in text[start:end] if ch not in self.noise)

    def _cues(self, words: str) -> int:
        return sum(1 for cue in (self.offer, self.content) if cue.search(words)) + bool(self.site.search(words))

    def _bracket_stamp(self, text: str, start: int, end: int) -> bool:
        """Whether the bracket text[start:end] is a stamp."""
        evidence = self._evidence(text, start + 1, end - 1)
        # noise inserted into a few characters in the middle of a longer bracketed text (a title:
        # `《…海事诉盡^在^模^板讼…》`) is a stamp inside it, not the bracket: where the proof leaves
        # more than _EDGE characters at both ends, the cues must show beyond it too
        located = evidence.start <= evidence.end
        spans = not located or evidence.start - (start + 1) <= _EDGE or (end - 1) - evidence.end <= _EDGE
        if self._proves(evidence) and spans:
            return True
        words = self._words(text, start + 1, end - 1)
        if self.credit_at_end is not None and self.credit_at_end.search(words) and _HAN_ONLY.fullmatch(words):
            return True
        if evidence.gaps:
            beyond = spans or self._cues(self._words(text, start + 1, evidence.start) + self._words(text, evidence.end, end - 1)) >= 1
            return beyond and self._cues(words) >= 2
        return not evidence.chain and bool(_HAN_ONLY.fullmatch(words)) and self._cues(words) == 3

    def _with_outer_noise(self, text: str, start: int, end: int) -> tuple[int, int]:
        """The span grown over the noise just outside it when that noise holds a symbol or is one
        mark (`@~【…】`, `~[…]~`, `!^•【…】`), unless it sticks to a letter or a digit (`6%`, `#1`).
        A clause mark at its far end, next to the text, is the text's own (`加油！【…】`)."""
        left = start
        while left > 0 and text[left - 1] in self.noise:
            left -= 1
        while left < start and text[left] in _CLAUSE_BREAK and (left == 0 or text[left - 1] not in self.noise):
            left += 1
        if not self._outer(text[left:start]) or (left > 0 and text[left - 1].isascii() and text[left - 1].isalnum()):
            left = start
        right = end
        while right < len(text) and text[right] in self.noise:
            right += 1
        while right > end and text[right - 1] in _CLAUSE_BREAK and (right == len(text) or text[right] not in self.noise):
            right -= 1
        if not self._outer(text[end:right]) or (right < len(text) and text[right].isascii() and text[right].isalnum()):
            right = end
        return left, right

    def _han_beyond(self, text: str, index: int, step: int) -> bool:
        """Whether the first character from `index` on (going by `step`) that is not noise is Han."""
        skipped = 0  # noise no insertion is longer than (the run expression's bound)
        while 0 <= index < len(text) and text[index] in self.noise and skipped < _MAX_GAP:
            index += step
            skipped += 1
        return 0 <= index < len(text) and bool(_HAN_ONLY.match(text, index))

    def _outer(self, noise: str) -> bool:
        return self._inserted(noise) and (len(noise) == 1 or bool(self.symbols.intersection(noise)) or self.joiners.issuperset(noise))

    def _completed(self, text: str, start: int, end: int) -> tuple[int, int]:
        """A bare stamp's ends moved out to the end of a cue word they cut (`精~品|文` + `档`)."""
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        for cue in (self.offer, self.content):
            for m in cue.finditer(text, max(line_start, end - 4), min(line_end, end + 4)):
                if m.start() < end < m.end():
                    end = m.end()
            for m in cue.finditer(text, max(line_start, start - 4), min(line_end, start + 4)):
                if m.start() < start < m.end():
                    start = m.start()
        return start, end

    def _brackets(self, text: str, timeout: float | None) -> Iterator[tuple[int, int]]:
        """The brackets that are stamps, in order. A bracket ends at its first closing, or, when
        its marks are noise too (`#…#`), at the last one that makes it a stamp."""
        taken = 0
        for m in self.opening.finditer(text, timeout=timeout):
            start = m.start()
            if start < taken:
                continue
            closing = self.closing[m.group()]
            # a mark that is noise too (`#…#`) after a Han character may be inserted between two
            # (`更#多@素材`): it frames a stamp there only when what it frames names one itself
            # (`经费＃优∙＋选•文档网提~供＃和`: two cues)
            inserted = closing in self.noise and self._han_beyond(text, start - 1, -1)
            if closing not in self.noise and not self._may_hold_stamp(text, start + 1):
                continue
            found = None
            end = start + 1
            words = noise = 0  # characters inside that are not noise; noise since the last of them
            # no insertion is longer than _MAX_GAP: a longer stretch of noise is not a stamp's
            while end < len(text) and words <= self.max_bracket and noise <= _MAX_GAP and not self._clause_break(text, end):
                ch = text[end]
                if ch in self.noise:
                    noise += 1
                else:
                    words, noise = words + 1, 0
                if (
                    ch == closing
                    and words
                    and (not inserted or self._frames(text, start, end))
                    and self._bracket_stamp(text, start, end + 1)
                ):
                    found = end + 1
                if ch == closing and ch not in self.noise or ch in self.bracket_chars and ch not in self.noise:
                    break
                end += 1
            if found is not None:
                taken = found
                yield start, found

    def _frames(self, text: str, start: int, end: int) -> bool:
        """Whether the marks at `start` and `end`, a pair of the same noise mark after a Han
        character, frame a stamp rather than being two of its insertions: each stands alone
        between text and the stamp, the mark is not inserted inside (`本＃文＃由＃…`), and what it
        frames names a stamp (two cues)."""
        mark = text[start]
        alone = text[start - 1] not in self.noise and (end + 1 >= len(text) or text[end + 1] not in self.noise)
        return alone and mark not in text[start + 1 : end] and self._cues(self._words(text, start + 1, end)) >= 2

    def _inserted(self, noise: str) -> bool:
        """Whether a stretch of noise between two characters is an insertion: it holds a mark that
        is not a joiner, or joiners no text writes together (`！＋`, `+=`; but `？！` is a speech's)."""
        return not self.joiners.issuperset(noise) or (len(noise) > 1 and not _CLAUSE_BREAK.issuperset(noise))

    def _clause_break(self, text: str, at: int) -> bool:
        """Whether text[at] ends a clause: a clause mark, unless it is a joiner inside an insertion
        (`文！＋范`)."""
        if text[at] not in _CLAUSE_BREAK:
            return False
        if text[at] not in self.joiners:
            return True
        start, end = at, at + 1
        while start > 0 and text[start - 1] in self.noise:
            start -= 1
        while end < len(text) and text[end] in self.noise:
            end += 1
        return not self._inserted(text[start:end])

    def _may_hold_stamp(self, text: str, start: int) -> bool:
        """Whether the bracket content from `start` can be a stamp: it holds noise, or a content
        word (which a stamp without noise needs). Most brackets are neither (`（一）`, `（以下简称…）`):
        this spares them the walk character by character."""
        stop = self.bracket_stop.search(text, start, start + self.max_bracket + _MAX_GAP + 2)
        end = stop.start() if stop else min(len(text), start + self.max_bracket + _MAX_GAP + 2)
        words = self._words(text, start, end)
        credit = self.credit is not None and self.credit.search(words)
        return bool(self.gap.search(text, start, end) or self.content.search(words) or credit)

    def _stamps(self, text: str, timeout: float | None) -> list[tuple[int, int]]:
        """Spans of the stamps in the folded text, in order, not overlapping."""
        found = list(self._brackets(text, timeout))
        # runs are read with the bracketed stamps taken out: what is left beside them is text
        pieces = []
        position = 0
        for start, end in found:
            pieces += [text[position:start], "\0" * (end - start)]
            position = end
        rest = "".join(pieces) + text[position:] if found else text
        for m in self.run.finditer(rest, timeout=timeout):
            evidence = self._evidence(rest, m.start(), m.end())
            if self._proves(evidence):
                found.append(self._completed(rest, evidence.start, evidence.end))
        stamps: list[tuple[int, int]] = []
        for start, end in sorted(found):
            start, end = self._with_outer_noise(text, start, end)
            if not stamps or start >= stamps[-1][1]:
                stamps.append((start, end))
        return stamps

    def find(self, doc: Document) -> Iterator[Hit]:
        folded = doc.folded()
        for folded_start, folded_end in self._stamps(folded.text, doc.timeout):
            start, end = folded.span(folded_start, folded_end)
            index = doc.line_index(start)
            line_start, line_end = doc.line_span(index)
            if not doc.text[line_start:start].strip() and not doc.text[end:line_end].strip():
                yield Hit(start, end, (Edit(*doc.line_with_newline(index)),))
            else:
                yield Hit(start, end, (Edit(start, end),))


def compile(options: dict) -> NoiseStampMatcher:
    return NoiseStampMatcher(options)
