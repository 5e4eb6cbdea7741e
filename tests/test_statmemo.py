"""The memo of file digests (lint/statmemo.py): a warm run that prints only counts reads no unchanged
file, and every change to a file, even one that keeps its size and modification time, is seen."""

from __future__ import annotations

import json
import os
import time

import pytest

from lint import cache, files, statmemo
from lint.cli import main

from .conftest import ROOT

SEED = (ROOT / "tests" / "golden" / "seed_000_2578e3202b6b0672.txt").read_bytes()
STATISTICS = ["--statistics", "--exit-zero", "-j", "1", "c"]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A folder of documents whose status changes count as settled, as if they had been written
    well before the run."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(statmemo, "SETTLED_NS", -(10**10))
    folder = tmp_path / "c"
    folder.mkdir()
    for i in range(4):
        (folder / f"doc{i}.txt").write_bytes(SEED.replace("D建".encode(), f"D建{i}".encode()))
    return folder


@pytest.fixture
def reads(monkeypatch):
    """The paths plancheck reads, in order."""
    seen = []
    real = files.read_bytes

    def counting(path):
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(files, "read_bytes", counting)
    return seen


def _statistics(capsys) -> str:
    assert main(STATISTICS) == 0
    return capsys.readouterr().out


def test_a_warm_statistics_run_reads_no_unchanged_file(corpus, reads, capsys):
    cold = _statistics(capsys)
    assert len(reads) == 4
    reads.clear()
    assert _statistics(capsys) == cold
    assert reads == []


def test_a_run_that_prints_findings_reads_the_files_it_locates_them_in(corpus, reads, capsys):
    _statistics(capsys)
    reads.clear()
    assert main(["--exit-zero", "-j", "1", "c"]) == 0
    assert "RD001" in capsys.readouterr().out
    assert sorted(reads) == [f"doc{i}.txt" for i in range(4)]


def test_a_file_changed_in_place_with_its_size_and_time_kept_is_read_again(corpus, reads, capsys):
    cold = _statistics(capsys)
    doc = corpus / "doc0.txt"
    before = doc.stat()
    time.sleep(0.05)  # past the file system's clock tick, so that the write moves its ctime
    doc.write_bytes(doc.read_bytes().replace("D建0".encode(), "Z建0".encode()))
    os.utime(doc, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (doc.stat().st_size, doc.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    reads.clear()
    warm = _statistics(capsys)
    assert reads == ["doc0.txt"]
    assert warm != cold  # one redaction fewer


def test_a_file_written_just_now_is_remembered_only_once_settled(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "doc.txt").write_bytes(SEED)
    memo = tmp_path / ".plancheck_cache" / statmemo.MEMO_NAME
    _statistics(capsys)
    assert not memo.exists()
    monkeypatch.setattr(statmemo, "SETTLED_NS", -(10**10))
    _statistics(capsys)
    assert list(json.loads(memo.read_text(encoding="utf-8"))["files"]) == [str(tmp_path / "c" / "doc.txt")]


def test_a_damaged_memo_is_made_anew(corpus, reads, capsys):
    cold = _statistics(capsys)
    memo = corpus.parent / ".plancheck_cache" / statmemo.MEMO_NAME
    short_entry = json.dumps({"format": 1, "kinds": [], "files": {str(corpus / "doc0.txt"): [1, 2]}})
    for damage in ("{not json", '{"format": 1, "kinds": 3, "files": {}}', short_entry):
        memo.write_text(damage, encoding="utf-8")
        assert _statistics(capsys) == cold
    reads.clear()
    assert _statistics(capsys) == cold
    assert reads == []


def test_a_memo_counting_kinds_it_does_not_have_is_a_miss(corpus, reads, capsys):
    cold = _statistics(capsys)
    memo = corpus.parent / ".plancheck_cache" / statmemo.MEMO_NAME
    data = json.loads(memo.read_text(encoding="utf-8"))
    data["kinds"] = []  # every [kind number, count] pair now points nowhere
    memo.write_text(json.dumps(data), encoding="utf-8")
    reads.clear()
    assert _statistics(capsys) == cold
    assert len(reads) == 4


def test_after_a_run_on_workers_a_warm_run_reads_no_file_nor_cache_entry(corpus, reads, capsys, monkeypatch):
    """The workers write the cache entries; the memo, saved once they are done, takes their counts."""
    opened = []
    real_lookup = cache.ResultCache.lookup
    monkeypatch.setattr(cache.ResultCache, "lookup", lambda self, key, **kw: opened.append(key) or real_lookup(self, key, **kw))
    for i in range(4, 60):  # above the size from which a run starts workers
        (corpus / f"doc{i}.txt").write_bytes(SEED.replace("D建".encode(), f"D建{i}".encode()))
    two_jobs = ["--statistics", "--exit-zero", "-j", "2", "c"]
    assert main(two_jobs) == 0
    cold = capsys.readouterr().out
    reads.clear()
    opened.clear()
    assert main(two_jobs) == 0
    assert capsys.readouterr().out == cold
    assert reads == [] and opened == []


def test_after_switching_back_to_an_earlier_selection_the_memo_learns_its_entry_for_the_next_run(corpus, reads, capsys, monkeypatch):
    opened = []
    real_lookup = cache.ResultCache.lookup
    monkeypatch.setattr(cache.ResultCache, "lookup", lambda self, key, **kw: opened.append(key) or real_lookup(self, key, **kw))
    every = _statistics(capsys)
    assert main([*STATISTICS, "--ignore", "RD001"]) == 0
    assert "RD001" not in capsys.readouterr().out
    assert _statistics(capsys) == every  # back: the entries of the first run, opened once more
    opened.clear()
    reads.clear()
    assert _statistics(capsys) == every
    assert reads == [] and opened == []


def test_a_file_without_a_cache_entry_does_not_make_every_run_rewrite_the_memo(corpus, capsys):
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00")  # a UTF-16 mark and no UTF-16: never checked, no entry
    main(STATISTICS)
    memo = corpus.parent / cache.CACHE_DIR / statmemo.MEMO_NAME
    written = memo.stat()
    main(STATISTICS)
    capsys.readouterr()
    again = memo.stat()
    assert (again.st_ino, again.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
