"""What a run learnt of each file, by the file's status, so that a later run the cache serves need
not read an unchanged file at all: reading, hashing and opening its cache entry are most of what
such a run does. For each file: the digest of its bytes, the cache entry (lint/cache.py) they were
last checked under, and that entry's counts of findings by kind (all a run that prints only
statistics needs; a run that prints findings reads the file to locate them anyway).

A file's bytes can change and its modification time not (two writes in one clock tick, or a tool
that sets the time back), but its status-change time (ctime) moves to the present at every write
and no program can set it. So a file is remembered only if its ctime was already SETTLED in the
past when its status was taken, before it was read: a later write gives it a ctime that differs,
and what was remembered is no longer used. The status compared is size, both times, inode and
device. The counts are a copy of what the cache entry holds, and an entry never changes.

The memo is one JSON file in the results cache folder, `digests.json`, read once per run and
written once at its end (aside and renamed: a concurrent run sees the old memo or the new one;
the last one written wins, which costs the loser's entries, never a wrong answer).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import NamedTuple

from . import cache
from .files import replace_aside
from .output import Kind

SETTLED_NS = 2_000_000_000  # a ctime this far in the past is one no write of this run can share
MEMO_NAME = "digests.json"
FORMAT = 1
MAX_ENTRIES = 250_000  # files not seen by a run are forgotten first above this

Stamp = tuple[int, int, int, int, int]
# a file's memo entry is a JSON list: the five numbers of its stamp, then these
DIGEST, ENTRY_KEY, COUNTS = 5, 6, 7
ENTRY_LENGTH = 8


def stamp(path: Path) -> Stamp | None:
    """The status of `path` to remember a digest by; None when it cannot be had or is too recent."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if time.time_ns() - st.st_ctime_ns < SETTLED_NS:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


class _Memo:
    """The memo of one cache folder. By absolute path: [*stamp, digest (hex), entry key, counts],
    the counts as [kind number, count] pairs, each kind spelt once in a table beside."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.entries: dict[str, list] = {}
        self.kinds: list[Kind] = []
        self.seen: dict[str, list] = {}  # looked up or learnt by this run: kept first when saving
        self.changed = False
        try:
            data = json.loads((root / cache.CACHE_DIR / MEMO_NAME).read_bytes())
            if data.get("format") == FORMAT and isinstance(data.get("files"), dict):
                self.kinds = [tuple(k) for k in data["kinds"]]
                self.entries = data["files"]
        except (OSError, ValueError, AttributeError, KeyError, TypeError):
            pass  # none yet, or damaged: it is made anew
        self.numbers = {k: i for i, k in enumerate(self.kinds)}

    def counts(self, pairs: list) -> dict[Kind, int]:
        """Counts by kind from [kind number, count] pairs (IndexError, ValueError or TypeError for
        pairs that are not such)."""
        return {self.kinds[i]: n for i, n in pairs}

    def pairs(self, kinds: dict[Kind, int]) -> list:
        out = []
        for k, n in kinds.items():
            if k not in self.numbers:
                self.numbers[k] = len(self.kinds)
                self.kinds.append(k)
            out.append([self.numbers[k], n])
        return out

    def save(self) -> None:
        store = cache.ResultCache(self.root)
        for entry in self.seen.values():
            if entry[COUNTS] is None:  # checked by this run (maybe in a worker): the entry holds the counts now
                found = store.lookup(entry[ENTRY_KEY], findings=False)
                entry[COUNTS] = None if found is None else self.pairs(found[0])
        if all(self.entries.get(key) == entry for key, entry in self.seen.items()):
            return  # learnt nothing new: a file with no cache entry (undecodable, say) keeps None
        kept = {k: v for k, v in self.entries.items() if k not in self.seen}
        room = max(MAX_ENTRIES - len(self.seen), 0)
        files = dict(list(kept.items())[-room:] if room else [])
        files.update(self.seen)
        folder = cache.ensure_folder(self.root)
        if folder is None:
            return
        memo = json.dumps({"format": FORMAT, "kinds": self.kinds, "files": files}, ensure_ascii=False, separators=(",", ":"))
        try:
            replace_aside(folder / MEMO_NAME, lambda temporary: Path(temporary).write_text(memo, encoding="utf-8"))
        except OSError:
            pass  # a memo that cannot be written only costs time


class Known(NamedTuple):
    """What the memo knows of an unchanged file."""

    digest: bytes
    key: str  # the cache entry the file was last checked under
    counts: dict[Kind, int] | None  # that entry's counts of findings by kind, when known


class DigestMemo:
    """What is known of the files of one run, for the cache folders they use."""

    def __init__(self) -> None:
        self._memos: dict[Path, _Memo] = {}
        self._cwd = os.getcwd()

    def _key(self, path: Path) -> str:
        # absolute, to hold across runs from other folders; without os.path.abspath's getcwd call
        return os.path.join(self._cwd, path)

    def _memo(self, root: Path) -> _Memo:
        if root not in self._memos:
            self._memos[root] = _Memo(root)
        return self._memos[root]

    def known(self, root: Path, path: Path, status: Stamp) -> Known | None:
        """What was learnt of the file at `path` when it had this same status."""
        memo = self._memo(root)
        key = self._key(path)
        entry = memo.entries.get(key)
        if not isinstance(entry, list) or len(entry) != ENTRY_LENGTH or tuple(entry[:DIGEST]) != status:
            return None
        try:
            counts = None if entry[COUNTS] is None else memo.counts(entry[COUNTS])
            known = Known(bytes.fromhex(entry[DIGEST]), str(entry[ENTRY_KEY]), counts)
        except (ValueError, TypeError, IndexError):
            return None
        memo.seen[key] = entry
        memo.changed = memo.changed or known.counts is None  # saving looks the counts up
        return known

    def learn(self, root: Path, path: Path, status: Stamp, digest: bytes, entry_key: str) -> None:
        """Remember that the file at `path`, with `status`, has `digest` and was checked under the
        cache entry `entry_key`."""
        memo = self._memo(root)
        key = self._key(path)
        old = memo.entries.get(key)
        same = isinstance(old, list) and len(old) == ENTRY_LENGTH and old[DIGEST:COUNTS] == [digest.hex(), entry_key]
        counts = old[COUNTS] if same else None
        memo.seen[key] = [*status, digest.hex(), entry_key, counts]
        memo.changed = memo.changed or old != memo.seen[key] or counts is None

    def save(self) -> None:
        """Write the memos this run added to."""
        for memo in self._memos.values():
            if memo.changed:
                memo.save()
