"""The results cache: hits for unchanged input, misses for anything that could change a finding."""

from __future__ import annotations

import errno
from pathlib import Path

from lint.engine import core as engine
from lint.model import Severity
from lint.packs.load import RuleSet, load_pack, load_rules
from lint.run import cache

from .conftest import CYCLE_PACK

TEXT = "加强D建工作。##paidend##\nXX万元。\n"


def test_round_trip_keeps_every_field(tmp_path):
    rules = load_rules()
    findings = engine.check(TEXT, rules)
    store = cache.ResultCache(tmp_path)
    key = store.key(TEXT.encode(), cache.rules_identity(rules, 10), "check")
    assert store.get(key) is None
    store.put(key, findings)
    assert store.get(key) == findings
    assert (tmp_path / ".plancheck_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_an_entry_cut_short_by_a_full_disk_leaves_the_old_entry_and_no_temporary_file(tmp_path, monkeypatch):
    rules = load_rules()
    findings = engine.check(TEXT, rules)
    store = cache.ResultCache(tmp_path)
    key = store.key(TEXT.encode(), cache.rules_identity(rules, 10), "check")
    store.put(key, findings)
    real_write = Path.write_bytes

    def full_disk(self, data, *args, **kwargs):
        real_write(self, data[:10], *args, **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    store.put(key, [])
    monkeypatch.undo()
    assert store.get(key) == findings
    left = sorted(p.name for p in (tmp_path / cache.CACHE_DIR).rglob("*") if p.is_file())
    assert left == [".gitignore", Path(store._path(key)).name]


def test_identity_changes_with_what_can_change_a_finding():
    rules = load_rules()
    base = cache.rules_identity(rules, 10)
    assert cache.rules_identity(rules, 10) == base
    assert cache.rules_identity(rules.only([r.id for r in rules][1:]), 10) != base  # selection
    assert cache.rules_identity(RuleSet(tuple(r._replace(severity=Severity.INFO) for r in rules)), 10) != base
    assert cache.rules_identity(rules, 5) != base  # time limit


def test_a_changed_pack_file_changes_the_identity(tmp_path):
    source = tmp_path / "pack.toml"
    source.write_text(CYCLE_PACK, encoding="utf-8")
    one = RuleSet(tuple(load_pack(source)))
    before = cache.rules_identity(one, 10)
    source.write_text(CYCLE_PACK.replace('message = "m"', 'message = "n"'), encoding="utf-8")
    assert cache.rules_identity(RuleSet(tuple(load_pack(source))), 10) != before
    # the identity is of the bytes the rules were read from, not of the file as it is now
    assert cache.rules_identity(one, 10) == before


def test_corrupt_entry_is_a_miss_and_clean_removes_the_cache(tmp_path):
    store = cache.ResultCache(tmp_path)
    key = store.key(b"x", "id", "check")
    store.put(key, [])
    (tmp_path / ".plancheck_cache" / key[:2] / key[2:]).write_text("{not json", encoding="utf-8")
    assert store.get(key) is None
    assert cache.clean(tmp_path) is True
    assert not (tmp_path / ".plancheck_cache").exists()
    assert cache.clean(tmp_path) is False


def test_identity_changes_with_plancheck_s_own_code(monkeypatch):
    """An edited kind in a checkout keeps its version number: the code itself keys the entries."""
    from lint.packs import compiled

    rules = load_rules()
    before = cache.rules_identity(rules, 10)
    monkeypatch.setattr(compiled, "code_identity", lambda: "another code")
    assert cache.rules_identity(rules, 10) != before


def test_code_identity_reads_the_package_source(tmp_path, monkeypatch):
    from lint.packs import compiled

    first = compiled.code_identity.__wrapped__()
    assert first == compiled.code_identity.__wrapped__()
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: real(self) + (b"# edited" if self.name == "toc.py" else b""))
    assert compiled.code_identity.__wrapped__() != first
