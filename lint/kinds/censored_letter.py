"""`censored-letter`: a capital letter standing where a keyword filter cut a character out, `D员`
for 党员, `全面从严治D`, judged as a careful editor judges it: by the word the character would make
with the text on both sides, and by what the whole document shows.

Keys:
- `letters` (required): the letters the filter writes (`DＤd`); `restore` (required): the character
  they stand for (`党`);
- `certain-words` (required): words of `restore` that read as it alone (党员, 党委, 中国共产党 …);
  `certain-after`: what, following the letter, makes it certain although segmentation leaves it
  a word of its own (`的二十大`, `的全面领导`); `weak-after` and `weak-before` (ending at the
  letter): what, beside it, makes that lone word a weak reading (党的活动, 党对…的领导, 对党忠诚);
- `certain-phrases`: set formulations that hold `restore` as a word of its own (党同人民群众的血肉联系,
  爱党爱国, 光荣在党): the letter is certain where the text around it, every letter read as
  `restore`, is one of them;
- `added-words`: words of `restore` jieba's dictionary lacks (兴党, 党内法规 …), taken as words;
  `not-words`: words of `restore` of another sense (党参, a herb), never a reading;
- `left-labels`, `right-labels`: words before the letter (方案, 男子, 维生素) and characters after it
  (级, 类, 座, 区 …) that make it a label, the grade or zone D;
- `invisible`: characters a site inserts between letters (U+200B …), skipped in reading and
  deleted by the fix;
- `min-certain` (default 2): certain restorations a document needs for its weak ones to be fixed;
  `min-certain-word` (default 1): those it needs for a weak one that is a word of `restore` (全党,
  党日, 建党: the dictionary's evidence beside the document's).

A letter counts when it is outside any Latin word or number (no Latin letter, digit or code mark
beside it: `3D`, `DNA`, `D-12`, `CD光盘`) and has a Han character beside it; not as a label (a label
word before it, a label character after it, unless the word of `restore` takes that character in
as 党组织 does 组), nor as an item of a series: another capital letter before it in the same list
(`C级、D级`) or, anywhere in the document, followed by the letter's continuation (`A组 … D组`).
The text around the letter, with `restore` in its place, is segmented (jieba's dictionary,
lint/engine/segment.py, with `added-words`): the word that holds `restore` is its reading.
A reading is certain when it holds a certain word at the letter's place (党员干部, 共产党员), when
`certain-after` follows, or when the letter is a `restore` of a certain phrase (爱党爱国). It is
likely when it is any other word of `restore` (党内, 全党, 建党, 政党): restored beside
`min-certain-word` certain restorations. It is weak when that word takes a label character in
(党组 of D组), or when `restore` stands alone where no dictionary word runs through it (党/员工 is
none: a word of 党 lost its characters to a better one) and is bound by `weak-after` or
`weak-before` (党的活动, 对党忠诚): restored beside
`min-certain` certain restorations. Either is only reported beside fewer, and left alone in a
document with none, which shows no filter at work.
An enumeration's number before the letter (`1.D的十八大`) is no code.

The fix writes `restore` in place of the letter and of the invisible characters beside it (one
edit for `D\\u200b员`).
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.engine import expressions
from lint.engine.document import Document
from lint.kinds.base import INTEGER, REGEX, STRING, STRINGS, Hit, LazyPattern, Option, OptionError
from lint.model import Edit

OPTIONS = {
    "letters": Option(STRING, required=True),
    "restore": Option(STRING, required=True),
    "certain-words": Option(STRINGS, required=True),
    "certain-after": Option(REGEX),
    "weak-after": Option(REGEX),
    "weak-before": Option(REGEX),
    "certain-phrases": Option(STRINGS, default=()),
    "added-words": Option(STRINGS, default=()),
    "not-words": Option(STRINGS, default=()),
    "left-labels": Option(STRINGS, default=()),
    "right-labels": Option(STRING, default=""),
    "invisible": Option(STRING, default=""),
    "min-certain": Option(INTEGER, default=2),
    "min-certain-word": Option(INTEGER, default=1),
}

# a reading's grade: how much evidence the document must add before it is restored
CERTAIN, LIKELY, WEAK = 0, 1, 2

# how much Han text on each side segmentation reads: the longest words of 党 reach three
# characters to its left (从严治党) and four to its right (党内法规, 积极分子)
LEFT_CONTEXT, RIGHT_CONTEXT = 4, 5
# what a Latin word, a number or a code has beside its letters
_LATIN = "A-Za-z0-9Ａ-Ｚａ-ｚ０-９"
_CODE_MARKS = r"\-_.·/&+#@'’"
# an item's number opening the line: 1. 2、 （3） ⑷
_NUMBERED = LazyPattern(r"[ \t\u3000]*(?:[0-9０-９]{1,2}[.．、]|[（(][0-9０-９一二三四五六七八九十]{1,3}[）)]|[\u2460-\u2487])")


class CensoredLetterMatcher:
    folds = False
    line_triggers = ()
    # the weak readings depend on the document's certain ones
    line_local = False

    def __init__(self, options: dict) -> None:
        self.restore = options["restore"]
        if len(self.restore) != 1:
            raise OptionError("key 'restore': expected one character")
        self.letters = options["letters"]
        self.certain_words = tuple(options["certain-words"])
        self.added = tuple(options["added-words"])
        self.phrases = tuple(options["certain-phrases"])
        self.phrase_reach = max((len(phrase) - 1 for phrase in self.phrases), default=0)
        for key in ("certain-words", "certain-phrases", "added-words", "not-words"):
            if any(self.restore not in word for word in options[key]):
                raise OptionError(f"key '{key}': every word must hold {self.restore!r}")
        self.certain_after = options["certain-after"]
        self.weak_after = options["weak-after"]
        self.weak_before = options["weak-before"]
        self.not_words = frozenset(options["not-words"])
        self.left_labels = tuple(options["left-labels"])
        self.right_labels = frozenset(options["right-labels"])
        self.invisible = options["invisible"]
        self.needed = {CERTAIN: 0, LIKELY: options["min-certain-word"], WEAK: options["min-certain"]}
        letters = "[" + expressions.escape(self.letters) + "]"
        hidden = "[" + expressions.escape(self.invisible) + "]*" if self.invisible else ""
        # a letter with Han beside it, across invisible characters; the trigger is the same
        # without lookarounds, which the prefilter leaves out
        self.candidate = LazyPattern(f"(?<=\\p{{Han}}{hidden}){letters}|{letters}(?={hidden}\\p{{Han}})")
        self.triggers = (LazyPattern(f"\\p{{Han}}{hidden}{letters}|{letters}{hidden}\\p{{Han}}"),)
        # the last of a Latin series before it: C级、D级, A、B、C、D四栋
        self.series_before = LazyPattern(
            f"(?<![{_LATIN}])(?!{letters})[A-ZＡ-Ｚ]\\p{{Han}}{{0,3}}[、，,和与及或至/～~\\-]\\p{{Han}}{{0,2}}\\Z"
        )
        # another capital letter, on its own, and the Han text after it: A组 beside D组
        self.other_letter = LazyPattern(f"(?<![{_LATIN}])(?!{letters})[A-ZＡ-Ｚ]{hidden}(\\p{{Han}}{{1,{RIGHT_CONTEXT}}})")
        self.latin_or_code = LazyPattern(f"[{_LATIN}{_CODE_MARKS}]")

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        readings = []  # (edit start, edit end, grade)
        for m in self.candidate.finditer(text, timeout=doc.timeout):
            reading = self._read(doc, m.start())
            if reading is not None:
                readings.append(reading)
        certain = sum(1 for *_, grade in readings if grade == CERTAIN)
        if not certain:
            return
        for start, end, grade in readings:
            if certain >= self.needed[grade]:
                yield Hit(start, end, (Edit(start, end, self.restore),))
            else:
                yield Hit(start, end)  # weak beside too few certain ones: for a person to confirm

    def _read(self, doc: Document, at: int) -> tuple[int, int, int] | None:
        """The letter at `at` as (edit start, edit end, grade), or None when it is no 党."""
        text = doc.text
        line_start, line_end = doc.line_span(doc.line_index(at))
        start, end = at, at + 1
        while start > line_start and text[start - 1] in self.invisible:
            start -= 1
        while end < line_end and text[end] in self.invisible:
            end += 1
        before = text[start - 1] if start > line_start else ""
        after = text[end] if end < line_end else ""
        if before and _NUMBERED.fullmatch(text, line_start, start):
            before = ""  # 1.D的十八大: an item's number, not a code
        if self.latin_or_code.match(before or " ") or self.latin_or_code.match(after or " "):
            return None
        if before == " " and self.latin_or_code.match(text[start - 2 : start - 1] or " "):
            return None  # Vitamin D的, Plan D建设
        if text.endswith(self.left_labels, line_start, start) or self.series_before.search(text, line_start, start):
            return None
        if self.certain_after is not None and self.certain_after.match(text, end, line_end):
            return start, end, CERTAIN
        if self.phrases and self._in_phrase(text, start, end, line_start, line_end, after in self.right_labels):
            return start, end, CERTAIN
        from lint.engine.segment import word_at  # jieba's dictionary: only for a letter beside Han

        left = self._han(text, start - 1, line_start, -1, LEFT_CONTEXT)
        place = len(left)
        block = left + self.restore + self._han(text, end, line_end, 1, RIGHT_CONTEXT)
        word_start, word_end = word_at(block, place, self.added)
        if after in self.right_labels and word_end <= place + 1:
            return None  # D级, 入D口: no word takes the label in
        if word_end - word_start == 1:
            # 党 a word of its own: weak where a particle or preposition binds it (党的活动, 对党忠诚),
            # unless a word of 党 was there and a better word took its characters (党/员工); between
            # two Han characters alone it is no evidence (乘坐D字头动车: a label), only a phrase is
            bound = (self.weak_after is not None and self.weak_after.match(text, end, line_end)) or (
                self.weak_before is not None and self.weak_before.search(text, line_start, start)
            )
            if not bound or self._in_series(doc, after) or _words_through(block, place):
                return None
            return start, end, WEAK
        if block[word_start:word_end] in self.not_words or self._in_series(doc, block[place + 1 : word_end]):
            return None
        if self._holds_certain(block, place, word_start, word_end):
            return start, end, CERTAIN
        # a word that takes a label character in (党组 of D组) is weak: a label reads the same
        return start, end, WEAK if after in self.right_labels else LIKELY

    def _in_series(self, doc: Document, continuation: str) -> bool:
        """Whether another capital letter is followed by the letter's continuation somewhere in the
        document (A组 beside D组, A座 beside D座): a series of labels."""
        if not continuation:
            return False
        followers = doc.memo(("censored-letter-series", self.other_letter.source), lambda: tuple(self.other_letter.findall(doc.text)))
        return any(follower.startswith(continuation) for follower in followers)

    def _holds_certain(self, block: str, place: int, word_start: int, word_end: int) -> bool:
        """Whether a certain word lies inside the reading, with its 党 at the letter's place."""
        for known in self.certain_words:
            for i, ch in enumerate(known):
                at = place - i
                if ch == self.restore and word_start <= at and at + len(known) <= word_end and block.startswith(known, at):
                    return True
        return False

    def _in_phrase(self, text: str, start: int, end: int, line_start: int, line_end: int, label_after: bool) -> bool:
        """Whether the letter is a `restore` of a certain phrase in the text around it; one that
        ends at the letter leaves a label after it a label (我们D组 is no 我们党)."""
        left = self._han(text, start - 1, line_start, -1, self.phrase_reach)
        view = left + self.restore + self._han(text, end, line_end, 1, self.phrase_reach)
        place = len(left)
        for phrase in self.phrases:
            for i, ch in enumerate(phrase):
                if ch == self.restore and place >= i and view.startswith(phrase, place - i) and not (label_after and i == len(phrase) - 1):
                    return True
        return False

    def _han(self, text: str, i: int, limit: int, step: int, count: int) -> str:
        """Up to `count` Han characters from `i` on in direction `step` (invisible ones skipped, a
        letter read as `restore`), in reading order."""
        out = []
        while len(out) < count and (i >= limit if step < 0 else i < limit):
            ch = text[i]
            if ch in self.invisible:
                i += step
                continue
            if ch in self.letters:
                ch = self.restore  # a letter beside it is read as 党 too: 管D治D
            elif not _is_han(ch):
                break
            out.append(ch)
            i += step
        return "".join(reversed(out) if step < 0 else out)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _words_through(block: str, place: int) -> bool:
    """Whether jieba's dictionary has a word of more than one character through `place` in `block`."""
    from lint.engine.segment import dictionary

    found = dictionary().frequencies(block)
    return any(found.get(block[i:j]) for i in range(place + 1) for j in range(place + 1, len(block) + 1) if j - i > 1)


def compile(options: dict) -> CensoredLetterMatcher:
    return CensoredLetterMatcher(options)
