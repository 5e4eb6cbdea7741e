"""Expressions of the standard `re` that only some runs use, compiled when first used and kept.

Compiling one at import would cost every run (a character class of large ranges takes about a
millisecond); leaving it to `re`'s own cache would not keep it: that cache drops its oldest
entries first, and the per-document expressions of folding and mojibake pass through it.
"""

from __future__ import annotations

import re
from functools import cache


@cache
def compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)
