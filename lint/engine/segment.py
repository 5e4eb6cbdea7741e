"""Dictionary segmentation of a short window of text, as jieba does it, from an on-disk index.

split-word asks one question about a dozen characters around a rare gap: which dictionary word,
if any, spans it. jieba answers by loading its whole dictionary (half a million entries) into
memory, 1.5–2 s in every process that meets a gap. Here the dictionary (jieba's own file) is
copied once into an SQLite index, kept sealed in the user's cache folder and read into memory
whole (9 MB, a few milliseconds), and each question reads only the entries of the window's
substrings. The segmentation is jieba's with the HMM off: the
maximum-probability route through the graph of dictionary words (tests compare the two). Where
the cache folder cannot be written, the index is built anew in each process.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
import sqlite3
import sys
from collections.abc import Collection
from pathlib import Path

from lint.files import usercache

# jieba cuts the text into blocks of these characters and segments each block on its own
_BLOCK = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+")
_SCHEMA = "CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID"


def dictionary_file() -> Path:
    """jieba's dictionary, found without importing jieba (which costs a quarter of a second)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _entries(source: Path) -> tuple[dict[str, int], int]:
    """Words with their frequencies, and every prefix of a word with 0, as jieba reads them."""
    freq: dict[str, int] = {}
    total = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        word, count = line.strip().split(" ")[:2]
        freq[word] = int(count)
        total += int(count)
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    return freq, total


def _write_index(connection: sqlite3.Connection, source: Path) -> None:
    freq, total = _entries(source)
    connection.execute(_SCHEMA)
    connection.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
    connection.executemany("INSERT INTO words VALUES (?, ?)", freq.items())
    connection.execute("INSERT INTO meta VALUES (?)", (total,))
    connection.commit()


def _open_index(source: Path) -> sqlite3.Connection:
    """An in-memory copy of the index: the sealed one kept in the cache folder (lint.files.usercache),
    else one built now (and kept)."""
    stat = source.stat()
    target = usercache.folder() / f"words-{usercache.key(sys.version, str(source), str(stat.st_size), str(stat.st_mtime_ns))}.sqlite3"
    connection = sqlite3.connect(":memory:")
    kept = usercache.read_sealed(target) if hasattr(connection, "deserialize") else None  # Python 3.11+
    if kept is not None:
        connection.deserialize(kept)  # what serialize() made, in this process or another
        return connection
    _write_index(connection, source)
    if hasattr(connection, "serialize"):
        usercache.write_sealed(target, connection.serialize(), keep=2)
    return connection


class Dictionary:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        (self._total,) = connection.execute("SELECT total FROM meta").fetchone()

    def frequencies(self, block: str) -> dict[str, int]:
        """The entries among the substrings of `block`."""
        substrings = sorted({block[i:j] for i in range(len(block)) for j in range(i + 1, len(block) + 1)})
        marks = ",".join("?" * len(substrings))
        return dict(self._connection.execute(f"SELECT word, freq FROM words WHERE word IN ({marks})", substrings))

    def route(self, block: str, added: Collection[str] = ()) -> list[str]:
        """The block cut into words along jieba's maximum-probability route, `added` words (that
        jieba's dictionary lacks) among them, each weighing what jieba's `suggest_freq` gives
        it: just enough to be kept whole rather than cut into its own parts."""
        freq = self.frequencies(block)
        for word in added:
            if word in block and not freq.get(word):
                parts = self.route(word)
                share = math.prod((self.frequencies(part).get(part) or 1) / self._total for part in parts)
                freq[word] = int(share * self._total) + 1
                for end in range(1, len(word)):
                    freq.setdefault(word[:end], 0)
        n = len(block)
        graph = []
        for start in range(n):
            ends = []
            end = start
            fragment = block[start]
            while end < n and fragment in freq:
                if freq[fragment]:
                    ends.append(end)
                end += 1
                fragment = block[start : end + 1]
            graph.append(ends or [start])
        log_total = math.log(self._total)
        best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        for start in range(n - 1, -1, -1):
            best[start] = max((math.log(freq.get(block[start : end + 1]) or 1) - log_total + best[end + 1][0], end) for end in graph[start])
        words = []
        start = 0
        while start < n:
            end = best[start][1] + 1
            words.append(block[start:end])
            start = end
        return words


_opened: tuple[int, Dictionary] | None = None


def dictionary() -> Dictionary:
    """This process's connection to the index: a worker forked from a process that had one opens
    its own, as SQLite asks."""
    global _opened
    if _opened is None or _opened[0] != os.getpid():
        _opened = (os.getpid(), Dictionary(_open_index(dictionary_file())))
    return _opened[1]


def word_at(block: str, index: int, added: Collection[str] = ()) -> tuple[int, int]:
    """Where the word that holds character `index` of `block` (Han text) starts and ends, cut as
    jieba cuts it, with the `added` words in its dictionary."""
    start = 0
    for word in dictionary().route(block, added):
        if start + len(word) > index:
            return start, start + len(word)
        start += len(word)
    raise IndexError(index)


def word_across(left: str, right: str) -> str | None:
    """The dictionary word that spans the junction of `left` and `right`, if segmentation makes one."""
    text = left + right
    junction = len(left)
    for block in _BLOCK.finditer(text):
        if block.start() < junction < block.end():
            offset = block.start()
            for word in dictionary().route(block.group()):
                if offset < junction < offset + len(word):
                    return word
                offset += len(word)
            return None
    return None
