"""Line numbers for errors found after TOML parsing (tomllib gives positions only for syntax)."""

from __future__ import annotations

import re
from pathlib import Path


def key_line(path: Path, key: str | None, *, within: str | None = None) -> int | None:
    """The 1-based line of `key = …` in `path`, searched after the first line matching the regex
    `within` (a rule's `id = "…"`, a `[tool.plancheck]` header) and before the next table
    header; or the line of `within` itself when the key is not found or not given."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    start = 0
    anchor = None
    if within is not None:
        pattern = re.compile(within)
        anchor = next((i for i, line in enumerate(lines) if pattern.search(line)), None)
        if anchor is None:
            return None
        # a [[rule]] table starts above its id line; a [tool.plancheck] header is the anchor itself
        start = anchor
        while start > 0 and not lines[start].lstrip().startswith("["):
            start -= 1
    if key is not None:
        wanted = re.compile(rf"^\s*(?:\"{re.escape(key)}\"|{re.escape(key)})\s*=")
        for i in range(start, len(lines)):
            if i > start and lines[i].lstrip().startswith("[") and not lines[i].lstrip().startswith(("[[rule.", "[rule.")):
                break
            if wanted.match(lines[i]):
                return i + 1
    return anchor + 1 if anchor is not None else None
