"""The closed set of rule kinds. A new rule of an existing kind is TOML only; a new kind is a
module here with `OPTIONS` (its keys) and `compile(options) -> Matcher`, and its name in `KINDS`.

A kind's module is imported when a rule of that kind is first made: a run served from the cache,
or one that selects a few rules, does not load the others."""

from __future__ import annotations

import importlib
from types import ModuleType

KINDS = (
    "pattern",
    "substitution",
    "line-classifier",
    "noise-stamp",
    "hard-wrap",
    "toc",
    "enumeration",
    "mojibake",
    "split-word",
    "formulation",
    "set-phrase",
    "censored-letter",
    "furniture-cluster",
)


def module(name: str) -> ModuleType:
    """The module of the kind `name` (one of KINDS)."""
    return importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
