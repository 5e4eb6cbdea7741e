"""`noisy-phrase`: a watermark phrase with noise symbols sprinkled between its characters.

`【更多素^材搜索哒%哒%*文库】` is 更多素材搜索 with `^` inside, in a brand bracket. Detection runs on
NFKC-folded text, so full-width and mathematical look-alikes count as the plain symbols; the
deletion covers the original characters. Keys: `phrases` (the lexicon), `noise` (a regex
character class), `max-gap` (noise characters allowed between two phrase characters),
`brackets` (pairs of opening/closing characters; a bracket holding a phrase goes whole, with
`max-filler` other characters beside the phrase). A phrase outside brackets counts only when
noise was actually inserted into it: `提供更多素材` in a propaganda plan is prose.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.engine import expressions
from lint.engine.document import Document
from lint.kinds.base import INTEGER, REGEX, STRING, STRINGS, Hit, LazyPattern, Option, OptionError
from lint.model import Edit

DEFAULT_NOISE = LazyPattern(r"[\^%*#@~$&|\\/+=_`!]")

OPTIONS = {
    "phrases": Option(STRINGS, required=True),
    "noise": Option(REGEX, default=DEFAULT_NOISE),
    "max-gap": Option(INTEGER, default=3),
    "brackets": Option(STRING, default="【】"),
    "max-filler": Option(INTEGER, default=16),
}


class NoisyPhraseMatcher:
    line_triggers = ()

    def __init__(self, options: dict) -> None:
        self.noise = options["noise"]
        brackets = options["brackets"]
        if len(brackets) % 2:
            raise OptionError("key 'brackets': expected pairs of opening and closing characters")
        gap = f"(?:{self.noise.source}){{0,{options['max-gap']}}}"
        phrases = sorted(options["phrases"], key=len, reverse=True)
        # only the phrase is searched for; its bracket and the noise beside it are found around
        # each hit, so the scan is one small pattern, not a copy of the phrases per bracket kind
        self.phrase = LazyPattern("|".join(gap.join(map(expressions.escape, p)) for p in phrases))
        self.pairs = tuple(zip(brackets[::2], brackets[1::2], strict=True))
        self.filler = options["max-filler"]
        # a stamp inside one line (its bracket search stops at line ends): declared, and checked on
        # the rule's examples when its pack is compiled
        self.line_local = True
        self.triggers = (self.phrase,)
        self.folds = True

    def _bracket(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The bracket around the phrase at [start, end), with at most `filler` other characters
        on either side inside it; the one that opens first when several do."""
        found = None
        for opening, closing in self.pairs:
            left = start - 1
            while left >= 0 and start - left <= self.filler + 1 and text[left] not in (closing, "\n") and text[left] != opening:
                left -= 1
            if left < 0 or start - left > self.filler + 1 or text[left] != opening:
                continue
            right = end
            while right < len(text) and right - end <= self.filler and text[right] not in (opening, "\n") and text[right] != closing:
                right += 1
            if right < len(text) and right - end <= self.filler and text[right] == closing and (found is None or left < found[0]):
                found = (left, right + 1)
        return found

    def find(self, doc: Document) -> Iterator[Hit]:
        folded = doc.folded()
        text = folded.text
        timeout = doc.guard_timeout
        taken = 0  # end of the last hit: hits do not overlap
        for m in self.phrase.finditer(text, timeout=doc.timeout):
            if m.start() < taken:
                continue
            span = self._bracket(text, *m.span())
            if span is None:
                if not self.noise.search(m.group(), timeout=timeout):
                    continue  # a bare phrase counts only when noise was inserted into it
                span = m.span()
            start, end = span
            while start > taken and self.noise.fullmatch(text, start - 1, start, timeout=timeout):
                start -= 1
            while end < len(text) and self.noise.fullmatch(text, end, end + 1, timeout=timeout):
                end += 1
            taken = end
            start, end = folded.span(start, end)
            yield Hit(start, end, (Edit(start, end),))


def compile(options: dict) -> NoisyPhraseMatcher:
    return NoisyPhraseMatcher(options)
