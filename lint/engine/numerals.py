"""Ordinals as written in official documents: 一…九十九, 1…999 (also in full-width digits), ①…⑳
⑴…⒇ and the ordinal words 首先, 其次, 再次, read and written back in the same script."""

from __future__ import annotations

import functools

_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESIZED = "".join(chr(c) for c in range(0x2474, 0x2488))  # ⑴…⒇
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# first, second, third as words (最后, "last", has no number)
_WORDS = ("首先", "其次", "再次")


# a document's items repeat a few dozen numerals thousands of times
@functools.lru_cache(maxsize=1024)
def parse(numeral: str) -> int | None:
    for series in (_CIRCLED, _PARENTHESIZED):
        if len(numeral) == 1 and numeral in series:
            return series.index(numeral) + 1
    if numeral in _WORDS:
        return _WORDS.index(numeral) + 1
    if numeral.isdecimal():
        return int(numeral)  # ASCII or full-width digits alike
    if not numeral or any(ch not in _DIGITS + "十" for ch in numeral):
        return None
    if "十" not in numeral:
        return _DIGITS.index(numeral) if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return (_DIGITS.index(tens) if tens else 1) * 10 + (_DIGITS.index(units) if units else 0)


def write(value: int, like: str) -> str | None:
    """`value` in the script of `like` (Arabic, full-width, circled or Chinese); None where that
    script has no such numeral."""
    for series in (_CIRCLED, _PARENTHESIZED):
        if like in series:
            return series[value - 1] if value <= len(series) else None
    if like in _WORDS:
        return _WORDS[value - 1] if value <= len(_WORDS) else None
    if like.isdecimal():
        return str(value) if like.isascii() else str(value).translate(_FULL_WIDTH)
    if value < 10:
        return _DIGITS[value]
    if value >= 100:
        return None
    tens, units = divmod(value, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")
