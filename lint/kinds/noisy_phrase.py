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

import regex

from ..document import Document
from ..model import Edit
from .base import INTEGER, REGEX, STRING, STRINGS, Hit, LazyPattern, Option, OptionError

DEFAULT_NOISE = LazyPattern(r"[\^%*#@~$&|\\/+=_`!]")

OPTIONS = {
    "phrases": Option(STRINGS, required=True),
    "noise": Option(REGEX, default=DEFAULT_NOISE),
    "max-gap": Option(INTEGER, default=3),
    "brackets": Option(STRING, default="【】"),
    "max-filler": Option(INTEGER, default=16),
}


class NoisyPhraseMatcher:
    def __init__(self, options: dict) -> None:
        self.noise = options["noise"]
        noise = self.noise.source
        brackets = options["brackets"]
        if len(brackets) % 2:
            raise OptionError("key 'brackets': expected pairs of opening and closing characters")
        gap = f"(?:{noise}){{0,{options['max-gap']}}}"
        phrases = sorted(options["phrases"], key=len, reverse=True)
        noisy = "|".join(gap.join(regex.escape(ch) for ch in p) for p in phrases)
        filler = options["max-filler"]
        alternatives = []
        for opening, closing in zip(brackets[::2], brackets[1::2], strict=True):
            o, c = regex.escape(opening), regex.escape(closing)
            inner = f"[^{o}{c}\\n]{{0,{filler}}}?"
            alternatives.append(f"(?P<bracket>{o}{inner}(?:{noisy}){inner}{c})")
        bracketed = "|".join(alternatives)
        body = f"{bracketed}|(?P<bare>{noisy})" if bracketed else f"(?P<bare>{noisy})"
        self.pattern = LazyPattern(f"(?:{noise})*(?:{body})(?:{noise})*")

    def find(self, doc: Document) -> Iterator[Hit]:
        folded = doc.folded()
        for m in self.pattern.finditer(folded.text):
            if m.group("bare") is not None and not self.noise.search(m.group("bare")):
                continue
            start, end = folded.span(*m.span())
            yield Hit(start, end, (Edit(start, end),))


def compile(options: dict) -> NoisyPhraseMatcher:
    return NoisyPhraseMatcher(options)
