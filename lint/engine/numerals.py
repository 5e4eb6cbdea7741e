"""Ordinals as written in official documents: 一…九十九 and 1…999, read and written back."""

from __future__ import annotations

import functools

_DIGITS = "零一二三四五六七八九"


# a document's items repeat a few dozen numerals thousands of times
@functools.lru_cache(maxsize=1024)
def parse(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(ch not in _DIGITS + "十" for ch in numeral):
        return None
    if "十" not in numeral:
        return _DIGITS.index(numeral) if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return (_DIGITS.index(tens) if tens else 1) * 10 + (_DIGITS.index(units) if units else 0)


def write(value: int, like: str) -> str:
    """`value` in the script of `like` (Arabic or Chinese)."""
    if like.isdigit():
        return str(value)
    if value < 10:
        return _DIGITS[value]
    tens, units = divmod(value, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")
