"""Miswritten set phrases: every canonical phrase of WD001 with one character, at any position,
replaced by a common character of the same reading (what a pinyin input method offers first:
`再接再励`, `久久为公`) or of a close one (z/zh, c/ch, s/sh, l/n, in/ing, en/eng: reported, not
fixed), in a frame of official prose (坚持…, 发扬…的精神, a list of phrases), put into a real clean
paragraph. Traps: the phrases written correctly, the legitimate variants, one-character changes
that do not sound alike (`砥砺前进`), and near-matches that straddle two words.

The homophone table is built here from pypinyin's readings of the characters of the host
paragraphs (common characters), by the most usual reading of each; the canonical character's
reading is the one pypinyin gives it inside its phrase (行 in 行稳致远 is xing).
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import tomllib
from pypinyin import Style, lazy_pinyin, pinyin

from . import Case, document, split_sentences, untouched

FAMILY = "wording"
CATEGORY = "wording"

_PACK = Path(__file__).resolve().parents[2] / "rules" / "wording.toml"
_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w")
_SWAPS = (("z", "zh"), ("c", "ch"), ("s", "sh"), ("l", "n"))
_FINAL_SWAPS = (("ing", "in"), ("eng", "en"))

LEADS = ("", "", "要", "坚持", "必须", "始终", "我们要", "各级各部门要", "进一步", "更加")
TAILS = ("，", "，", "。", "；", "，确保各项工作落到实处，", "，")
# legitimate text in which a near-match of a phrase straddles two words
STRADDLING = (
    "坚持做实事求实效，不搞花架子。",
    "既要做实事求实效，也要重调研。",
)
# one-character changes that make a real word, not a miswritten phrase
REAL_NEIGHBOURS = ("砥砺前进", "全面从严治理", "攻坚克难关", "精准扶贫济困", "统筹兼顾好")


@cache
def _pack() -> tuple[tuple[str, ...], frozenset[str]]:
    rule = next(r for r in tomllib.loads(_PACK.read_text(encoding="utf-8"))["rule"] if r["id"] == "WD001")
    # a formulation whose name RD002 restores is that family's, not this one's: as a trap it would
    # be changed, rightly
    phrases = tuple(p for p in rule["phrases"] if "新时代中国特色社会主义思想" not in p)
    return phrases, frozenset((*phrases, *rule.get("accepted", ())))


def _split(syllable: str) -> tuple[str, str]:
    initial = next((i for i in _INITIALS if syllable.startswith(i) and len(syllable) > len(i)), "")
    return initial, syllable[len(initial) :]


def _near_syllables(syllable: str) -> set[str]:
    initial, final = _split(syllable)
    initials = {initial} | {b if a == initial else a for a, b in _SWAPS if initial in (a, b)}
    finals = {final} | {b if a == final else a for a, b in _FINAL_SWAPS if final in (a, b)}
    return {i + f for i in initials for f in finals} - {syllable}


@cache
def _readings(char: str) -> frozenset[str]:
    return frozenset(pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda _: [""])[0]) - {""}


def _close(a: str, b: str) -> bool:
    ra, rb = _readings(a), _readings(b)
    return bool(ra & rb) or any(s in _near_syllables(t) for s in ra for t in rb)


_tables: dict[int, tuple[dict[str, list[str]], list[str]]] = {}


def _homophones(hosts: tuple[str, ...]) -> tuple[dict[str, list[str]], list[str]]:
    """Common characters (those of the host paragraphs) by their usual reading, and all of them."""
    if id(hosts) not in _tables:
        chars = sorted({c for line in hosts for c in line if "\u4e00" <= c <= "\u9fff"})
        by_reading: dict[str, list[str]] = {}
        for c in chars:
            by_reading.setdefault(lazy_pinyin(c)[0], []).append(c)
        _tables[id(hosts)] = (by_reading, chars)
    return _tables[id(hosts)]


def _near_phrases(window: str) -> list[str]:
    """The canonical phrases one close-reading character away from `window`."""
    phrases, _ = _pack()
    out = []
    for phrase in phrases:
        if len(phrase) == len(window):
            diff = [i for i in range(len(phrase)) if phrase[i] != window[i]]
            if len(diff) == 1 and _close(window[diff[0]], phrase[diff[0]]):
                out.append(phrase)
    return out


def _place(rng: random.Random, hosts: tuple[str, ...], phrase: str) -> tuple[str, int, int]:
    """A document with `phrase` in a frame inside a host paragraph, and where the phrase lies."""
    host = rng.choice(hosts)
    frame = rng.randrange(4)
    if frame == 0:
        lead, tail = rng.choice(LEADS), rng.choice(TAILS)
    elif frame == 1:
        lead, tail = "发扬", "的精神，"
    elif frame == 2:
        lead, tail = "以“", "”的劲头，"
    else:
        other = rng.choice(_pack()[0])
        lead, tail = (other + "、", "，") if rng.random() < 0.5 else ("", "、" + other + "，")
    at = rng.choice([0, *split_sentences(host)])
    middle = host[:at] + lead + phrase + tail + host[at:]
    text, offset = document(rng, hosts, middle)
    start = offset + at + len(lead)
    return text, start, start + len(phrase)


def artifacts(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    phrases, known = _pack()
    by_reading, _ = _homophones(hosts)
    while True:
        phrase = rng.choice(phrases)
        i = rng.randrange(len(phrase))
        meant = lazy_pinyin(phrase)[i]
        homophone = rng.random() < 0.8
        readings = [meant] if homophone else sorted(_near_syllables(meant))
        pool = [c for r in readings for c in by_reading.get(r, ()) if c != phrase[i]]
        if not homophone:
            pool = [c for c in pool if not _readings(c) & _readings(phrase[i])]
        if not pool:
            continue
        written = rng.choice(pool)
        window = phrase[:i] + written + phrase[i + 1 :]
        if window not in known:
            break
    text, start, end = _place(rng, hosts, window)
    fixable = homophone and _readings(written) & _readings(phrase[i]) and _near_phrases(window) == [phrase]
    fixed = text[:start] + phrase + text[end:] if fixable else text
    return Case(text, fixed, fixed, ((start, end),), f"{phrase} → {window} ({'homophone' if homophone else 'close'})")


def traps(rng: random.Random, hosts: tuple[str, ...]) -> Case:
    phrases, known = _pack()
    choice = rng.randrange(6)
    if choice == 0:
        host = rng.choice(hosts)
        at = rng.choice([0, *split_sentences(host)])
        middle, what = host[:at] + rng.choice(STRADDLING) + host[at:], "straddling"
        return untouched(rng, hosts, middle, what)
    if choice == 1:
        phrase = rng.choice(REAL_NEIGHBOURS)
    elif choice == 2:
        # a character that sounds nothing like the one it replaces
        _, chars = _homophones(hosts)
        while True:
            phrase = rng.choice(phrases)
            i = rng.randrange(len(phrase))
            window = phrase[:i] + rng.choice(chars) + phrase[i + 1 :]
            if window not in known and not _near_phrases(window):
                break
        phrase = window
    else:
        phrase = rng.choice(sorted(known))
    text, _, _ = _place(rng, hosts, phrase)
    return Case(text, text, text, (), f"trap {phrase}")
