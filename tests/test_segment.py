"""The on-disk segmentation agrees with jieba's own (dictionary only, HMM off) on real text."""

from __future__ import annotations

import logging

import jieba
import pytest
import regex

from lint.engine import segment

from .conftest import ROOT, SHARED

jieba.setLogLevel(logging.ERROR)
_HAN_PAIR = regex.compile(r"(?<=\p{Han})(?=\p{Han})")


def _jieba_word_across(left: str, right: str) -> str | None:
    offset = 0
    for token in jieba.cut(left + right, HMM=False):
        if offset < len(left) < offset + len(token):
            return token
        offset += len(token)
    return None


def _junctions(limit: int):
    texts = sorted((SHARED / "corpus" / "real" / "clean").glob("*.txt"))[:40] + sorted((ROOT / "tests" / "golden").glob("*.txt"))
    count = 0
    for path in texts:
        for line in path.read_text(encoding="utf-8").splitlines():
            for m in _HAN_PAIR.finditer(line):
                if m.start() % 7:  # a spread sample, not every position
                    continue
                yield line[max(0, m.start() - 6) : m.start()], line[m.start() : m.start() + 6]
                count += 1
                if count >= limit:
                    return


def test_the_word_across_each_junction_is_jiebas():
    junctions = list(_junctions(4000))
    assert len(junctions) == 4000
    differing = [(left, right) for left, right in junctions if segment.word_across(left, right) != _jieba_word_across(left, right)]
    assert differing == []


@pytest.mark.parametrize(
    ("left", "right", "word"), [("基层党", "组织建设", "党组织"), ("中国特", "色社会主义", "特色"), ("省长", "王予波", None)]
)
def test_split_words(left, right, word):
    assert segment.word_across(left, right) == word


def test_the_index_is_built_once_in_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = segment.dictionary_file()
    first = segment.Dictionary(segment._open_index(source))
    built = list((tmp_path / "plancheck").glob("words-*.sqlite3"))
    assert len(built) == 1 and not list((tmp_path / "plancheck").glob(".words-*"))
    stamp = built[0].stat().st_mtime_ns
    second = segment.Dictionary(segment._open_index(source))
    assert built[0].stat().st_mtime_ns == stamp
    assert first.route("加强基层党组织建设") == second.route("加强基层党组织建设") == ["加强", "基层", "党组织", "建设"]


def test_an_unwritable_cache_folder_builds_the_index_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    dictionary = segment.Dictionary(segment._open_index(segment.dictionary_file()))
    assert dictionary.route("中国特色社会主义") == ["中国", "特色", "社会主义"]


def test_a_damaged_index_is_made_anew(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = segment.dictionary_file()
    segment._open_index(source).close()
    (built,) = (tmp_path / "plancheck").glob("words-*.sqlite3")
    built.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # truncated
    dictionary = segment.Dictionary(segment._open_index(source))
    assert dictionary.route("基层党组织") == ["基层", "党组织"]
    assert built.stat().st_size > 1_000_000
