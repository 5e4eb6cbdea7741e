"""The closed set of rule kinds. A new rule of an existing kind is TOML only; a new kind is a
module here with `OPTIONS` (its keys) and `compile(options) -> Matcher`."""

from __future__ import annotations

from types import ModuleType

from . import enumeration, hard_wrap, line_classifier, mojibake, noisy_phrase, pattern, split_word, substitution, toc

KINDS: dict[str, ModuleType] = {
    "pattern": pattern,
    "substitution": substitution,
    "line-classifier": line_classifier,
    "noisy-phrase": noisy_phrase,
    "hard-wrap": hard_wrap,
    "toc": toc,
    "enumeration": enumeration,
    "mojibake": mojibake,
    "split-word": split_word,
}
