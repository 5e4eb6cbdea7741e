"""`set-phrase`: a set phrase of official writing with one character miswritten as another of the
same or a close reading, `再接再励` for 再接再厉, `一以惯之` for 一以贯之.

Keys: `phrases` (the canonical forms, each of at least MIN_LENGTH Han characters), `accepted`
(legitimate forms one character away from a canonical one, never flagged: 踔厉风发 beside 踔厉奋发),
`table` (miswritings of another shape, wrong = "right", as the `substitution` kind reads them:
a transposition, a wrong word).

A window of the text is a near-match when it is a canonical phrase with exactly one character
replaced. It is reported when the replaced character reads like the canonical one: the same
syllable whatever the tone (a homophone, 励 lì for 厉 lì), or a close one (z/zh, c/ch, s/sh, l/n,
in/ing, en/eng: 精准施策 as 精准思策). Any other difference is left alone: a real word one
character from a phrase (砥砺前进 beside 砥砺前行) differs in sound, not in spelling. Never when
the character is inside a correctly written known phrase (厉行节约 is no miswritten 励行),
nor at the edge of the window when it makes words with both its neighbours (做实事求实效: 求实,
实效), where the window straddles two words. The fix is safe for a homophone with exactly one
canonical phrase that close; a close reading, or two canonical phrases, are reported only.

Readings come from pypinyin's table of characters (tones dropped),
loaded when the first near-match needs one: what was typed is heard by its usual reading, what
was meant by any of its readings. Candidate windows are found in one pass for all the phrases' sides
(engine/literals.py); the prefilter looks for the same windows as one expression, each phrase with
one character left open.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from lint.engine import expressions
from lint.engine.document import Document
from lint.engine.literals import Literals
from lint.kinds.base import STRING_TABLE, STRINGS, Hit, LazyPattern, Option, OptionError, replacement_edit
from lint.kinds.substitution import SubstitutionMatcher

OPTIONS = {
    "phrases": Option(STRINGS, required=True),
    "accepted": Option(STRINGS, default=()),
    "table": Option(STRING_TABLE, default=None),
}

# a shorter phrase left open in one place is too often part of an ordinary word
MIN_LENGTH = 4
# a dictionary word near a phrase is a variant of it when the phrase is at most this many times as
# common (jieba's counts: 克尽职守 3, 恪尽职守 18; the slip 再接再励 3, 再接再厉 115)
VARIANT_SHARE = 10
_OPEN = "\0"  # the character left open in a phrase's key
_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w")
# initials and finals a speaker of many dialects (or a pinyin input method) confuses
_CLOSE_INITIALS = {frozenset(p) for p in (("z", "zh"), ("c", "ch"), ("s", "sh"), ("l", "n"))}
_CLOSE_FINALS = {frozenset(p) for p in (("in", "ing"), ("en", "eng"))}


@lru_cache(maxsize=1)
def _reading_table() -> dict[int, str]:
    """pypinyin's readings of each character (code point: "lì,lí"), loaded from its data module
    alone: the package's own import loads its phrase dictionaries too (half a second)."""
    from importlib.machinery import PathFinder
    from importlib.util import find_spec, module_from_spec

    package = find_spec("pypinyin")
    if package is None or not package.submodule_search_locations:
        raise RuntimeError("pypinyin is not installed")
    spec = PathFinder.find_spec("pypinyin.pinyin_dict", package.submodule_search_locations)
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pinyin_dict


@lru_cache(maxsize=4096)
def syllables(char: str, usual: bool = False) -> frozenset[tuple[str, str]]:
    """The readings of a character without their tones, each as (initial, final): 行 → xing, hang,
    heng; with `usual`, only the first pypinyin lists, its most common."""
    out = set()
    readings = _reading_table().get(ord(char), "").split(",")
    for toned in readings[:1] if usual else readings:
        plain = "".join(c for c in unicodedata.normalize("NFD", toned.replace("ü", "v")) if not unicodedata.combining(c))
        if plain:
            initial = next((i for i in _INITIALS if plain.startswith(i) and len(plain) > len(i)), "")
            out.add((initial, plain[len(initial) :]))
    return frozenset(out)


def _close(a: str, b: str, pairs: set[frozenset[str]]) -> bool:
    return a == b or frozenset((a, b)) in pairs


def closeness(written: str, canonical: str) -> str | None:
    """"homophone" when the two characters share a reading (tones aside), "close" when two of their
    readings differ only by a confusable initial or final, else None."""
    # what was typed is heard by its usual reading (an input method offers a character under it;
    # the rare ones, 是 read tí, 位 read lì, would make 一是推进 and 战略定位 homophones of set
    # phrases), what was meant by any of its readings (度 is duó in 审时度势)
    heard, meant = syllables(written, usual=True), syllables(canonical)
    if heard & meant:
        return "homophone"
    for initial, final in heard:
        for other_initial, other_final in meant:
            if _close(initial, other_initial, _CLOSE_INITIALS) and _close(final, other_final, _CLOSE_FINALS):
                return "close"
    return None


class _Sides:
    """For each phrase and each of its characters, the longer side of the phrase around it: a
    window where that character is replaced keeps that side whole. For each side, the places it
    stands in its phrases, as offsets from the side's end: (where the window starts, the
    character replaced and what it should be, the other side and where it starts)."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        places: dict[str, list[tuple[int, int, str, str, int]]] = defaultdict(list)
        for phrase in phrases:
            for i in range(len(phrase)):
                if i >= len(phrase) - 1 - i:
                    side, other, other_start = phrase[:i], phrase[i + 1 :], i + 1
                    start = -i
                else:
                    side, other, other_start = phrase[i + 1 :], phrase[:i], 0
                    start = -len(phrase)
                places[side].append((start, start + i, phrase[i], other, start + other_start))
        self.literals = Literals(tuple(places))
        self.places = tuple(tuple(entries) for entries in places.values())


class SetPhraseMatcher:
    folds = False
    line_triggers = ()
    # a window inside one line (every phrase is Han only)
    line_local = True

    def __init__(self, options: dict) -> None:
        phrases = tuple(dict.fromkeys(options["phrases"]))
        for phrase in (*phrases, *options["accepted"]):
            if len(phrase) < MIN_LENGTH or not all(unicodedata.name(c, "").startswith("CJK UNIFIED") for c in phrase):
                raise OptionError(f"phrase {phrase!r}: expected {MIN_LENGTH} or more Han characters")
        self.known = frozenset((*phrases, *options["accepted"]))
        self.known_lengths = sorted({len(p) for p in self.known})
        # each phrase with one character left open, keyed by the rest: a window's keys find the
        # phrases it is one character away from
        self.open_keys: dict[str, list[str]] = defaultdict(list)
        for phrase in phrases:
            for i in range(len(phrase)):
                self.open_keys[phrase[:i] + _OPEN + phrase[i + 1 :]].append(phrase)
        self.lengths = sorted({len(p) for p in phrases})
        self._sides = _Sides(phrases)
        alternatives = sorted(self.open_keys, key=len, reverse=True)
        self.pattern = LazyPattern("|".join(expressions.escape(k).replace(_OPEN, r"\p{Han}") for k in alternatives))
        self.table = SubstitutionMatcher({"table": options["table"]}) if options["table"] else None
        self.triggers = (self.pattern, *(self.table.triggers if self.table else ()))

    def find(self, doc: Document) -> Iterator[Hit]:
        listed = list(self.table.find(doc)) if self.table else []
        hits = [h for h in self._near_matches(doc) if not any(t.start < h.end and h.start < t.end for t in listed)]
        yield from sorted([*listed, *hits], key=lambda h: (h.start, h.end))

    def _near_matches(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        reported = -1  # the end of the last window reported: a longer phrase's window wins
        for start in self._starts(text):
            if start < reported:
                continue
            for length in reversed(self.lengths):
                window = text[start : start + length]
                if len(window) < length:
                    continue
                hit = self._judge(text, start, window)
                if hit is not None:
                    reported = hit.end
                    yield hit
                    break

    def _starts(self, text: str) -> list[int]:
        """Where a window that is a phrase with one character replaced starts, in order. A phrase
        with its character i replaced keeps the longer of its two sides whole: one pass for all the
        sides (engine/literals.py) finds every such window."""
        starts = set()
        sides = self._sides
        for end, index in sides.literals.ends(text):
            for start, replaced, meant, other, other_start in sides.places[index]:
                at = end + replaced
                if end + start >= 0 and at < len(text) and text[at] != meant and text.startswith(other, end + other_start):
                    starts.add(end + start)
        return sorted(starts)

    def _judge(self, text: str, start: int, window: str) -> Hit | None:
        """The finding for the window at `start`, if it is a near-match worth reporting."""
        if window in self.known:
            return None
        # (position, canonical phrase, closeness) of each phrase the window is one close character from
        near = []
        for i in range(len(window)):
            for phrase in self.open_keys.get(window[:i] + _OPEN + window[i + 1 :], ()):
                how = closeness(window[i], phrase[i])
                if how and not self._written_right(text, start + i) and not self._straddles(text, start, window, i):
                    near.append((i, phrase, how))
        if near and self._dictionary_variant(window, [phrase for _, phrase, _ in near]):
            return None
        if not near:
            return None
        end = start + len(window)
        details = [f"{phrase} ({window[i]} for {phrase[i]}, {how})" for i, phrase, how in near]
        i, phrase, how = near[0]
        if len(near) == 1 and how == "homophone":
            return Hit(start, end, (replacement_edit(start, window, phrase),), details[0])
        return Hit(start, end, None, "; ".join(details))

    def _written_right(self, text: str, at: int) -> bool:
        """Whether the character at `at` lies inside a known phrase written as it should be."""
        for length in self.known_lengths:
            for start in range(max(0, at - length + 1), at + 1):
                if text[start : start + length] in self.known:
                    return True
        return False

    @staticmethod
    def _dictionary_variant(window: str, phrases: list[str]) -> bool:
        """Whether the window is a word of jieba's dictionary in its own right, about as common as
        the phrase it is near (克尽职守 beside 恪尽职守; not the rare slip 再接再励 beside 再接再厉):
        a variant, or another word, not a misspelling."""
        from lint.engine.segment import dictionary  # only for a near-match

        words = dictionary()
        written = words.frequencies(window).get(window, 0)
        return written > 0 and all(written * VARIANT_SHARE >= words.frequencies(p).get(p, 0) for p in phrases)

    @staticmethod
    def _straddles(text: str, start: int, window: str, i: int) -> bool:
        """Whether the window's first or last character, the one that differs, makes a word with its
        neighbour outside the window and another with its neighbour inside: then the window is
        the end of one word and the start of the next (做实事求实效), not a phrase."""
        if i == 0 and start > 0:
            outside, inside = text[start - 1] + window[0], window[:2]
        elif i == len(window) - 1 and start + len(window) < len(text):
            outside, inside = window[-1] + text[start + len(window)], window[-2:]
        else:
            return False
        from lint.engine.segment import dictionary  # jieba's words: only for a near-match at a window's edge

        found = dictionary().frequencies(outside + inside)
        return bool(found.get(outside)) and bool(found.get(inside))


def compile(options: dict) -> SetPhraseMatcher:
    return SetPhraseMatcher(options)
