"""For a person at a terminal: colours in the report and a progress bar for long runs.

Colour is on when stdout is a terminal (and TERM is not `dumb`); `NO_COLOR` (any non-empty value)
turns it off and otherwise `FORCE_COLOR` turns it on, as Python itself decides. The progress bar
is drawn only on a terminal, so logs and pipes never see it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

# SGR codes by role: what a piece of the report is, not how it looks
_CODES = {
    "path": "1",
    "error": "1;31",
    "warning": "1;33",
    "info": "1;34",
    "fix": "36",
    "ok": "1;32",
    "bold": "1",
}


def colour_wanted(stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and environ.get("TERM") != "dumb"


class Palette:
    """Paints a piece of text for its role; a disabled palette returns the text untouched."""

    def __init__(self, enabled: bool = False) -> None:
        self.enabled = enabled

    def __call__(self, text: str, role: str) -> str:
        if not self.enabled or not text:
            return text
        return f"\x1b[{_CODES[role]}m{text}\x1b[0m"


PLAIN = Palette()


class Progress:
    """`[#####.....] 120/400 files` on one line of `stream`, redrawn in place.

    Short runs never see it: it appears only after `delay` seconds, is redrawn at most every
    `interval` seconds, and is wiped before any other line is written and at the end."""

    WIDTH = 30

    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        enabled: bool,
        delay: float = 0.5,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled and total > 1
        self.clock = clock
        self.delay = delay
        self.interval = interval
        self.started = clock()
        self.done = 0
        self.drawn_at: float | None = None

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay or (self.drawn_at is not None and now - self.drawn_at < self.interval):
            return
        filled = self.WIDTH * self.done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
        self.stream.flush()
        self.drawn_at = now

    def clear(self) -> None:
        if self.drawn_at is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn_at = None

    def write(self, line: str) -> None:
        """Print `line` on the stream, under the bar rather than through it."""
        self.clear()
        print(line, file=self.stream)
