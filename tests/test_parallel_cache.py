"""-j and the results cache change how fast, never what: output is the same with any number of
workers and with a warm cache; the cache notices every change that matters."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT

SEED = (ROOT / "tests" / "golden" / "seed_000_2578e3202b6b0672.txt").read_bytes()
SEED_FIXED = (ROOT / "tests" / "golden" / "seed_000_2578e3202b6b0672.fixed.txt").read_bytes()


def _run(*args, cwd, env=None):
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True, timeout=600, env=env)


def _corpus(folder, n=60):  # 60 × 23 KB: above the size where the pool starts
    folder.mkdir()
    for i in range(n):
        (folder / f"doc{i:03d}.txt").write_bytes(SEED if i % 3 else SEED.replace("D建".encode(), "D员".encode()))


def test_output_is_the_same_with_any_number_of_workers(tmp_path):
    _corpus(tmp_path / "c")
    one = _run("--no-cache", "-j", "1", "--output-format", "json", "c", cwd=tmp_path)
    two = _run("--no-cache", "-j", "2", "--output-format", "json", "c", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout


def test_parallel_fix_writes_every_file_and_reports_in_file_order(tmp_path):
    _corpus(tmp_path / "c")
    result = _run("--no-cache", "-j", "2", "--fix", "c", cwd=tmp_path)
    assert result.returncode == 0
    fixing = [line for line in result.stderr.splitlines() if line.startswith("Fixing")]
    assert fixing == sorted(fixing) and len(fixing) == 60
    assert (tmp_path / "c" / "doc001.txt").read_bytes() == SEED_FIXED


def test_warm_cache_gives_the_same_output_and_notices_changes(tmp_path):
    _corpus(tmp_path / "c", n=6)
    cold = _run("--output-format", "concise", "c", cwd=tmp_path)
    assert (tmp_path / ".plancheck_cache").is_dir()
    warm = _run("--output-format", "concise", "c", cwd=tmp_path)
    assert warm.stdout == cold.stdout and warm.returncode == cold.returncode == 1
    # a changed file is checked again
    (tmp_path / "c" / "doc000.txt").write_text("干净的正文。\n", encoding="utf-8")
    assert "c/doc000.txt" not in _run("--output-format", "concise", "c", cwd=tmp_path).stdout
    # a changed configuration changes the rule set, so every entry misses
    (tmp_path / "plancheck.toml").write_text('ignore = ["RD001"]\n', encoding="utf-8")
    assert "RD001" not in _run("--output-format", "concise", "c", cwd=tmp_path).stdout


def test_a_changed_rule_pack_misses_the_cache(tmp_path):
    pack = tmp_path / "pack.toml"
    rule = """[[rule]]
id = "WD901"
name = "test-phrase"
category = "wording"
severity = "error"
message = "MESSAGE"
kind = "substitution"
table = {{ "甲乙" = "乙甲" }}
fix = "safe"
fix-title = "Swap"
description = "What: a test rule."
[[rule.examples]]
bad = "甲乙"
fixed = "乙甲"
[[rule.examples]]
good = "丙"
"""
    pack.write_text(rule.format().replace("MESSAGE", "first"), encoding="utf-8")
    (tmp_path / "plancheck.toml").write_text('rule-packs = ["pack.toml"]\n', encoding="utf-8")
    (tmp_path / "doc.txt").write_text("正文甲乙。\n", encoding="utf-8")
    assert "first" in _run("--output-format", "concise", "doc.txt", cwd=tmp_path).stdout
    pack.write_text(rule.format().replace("MESSAGE", "second"), encoding="utf-8")
    assert "second" in _run("--output-format", "concise", "doc.txt", cwd=tmp_path).stdout


def test_no_cache_and_clean(tmp_path):
    """`clean` removes the results cache and the user's cache folder (the compiled rule set)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user")}
    (tmp_path / "doc.txt").write_bytes(SEED)
    _run("--no-cache", "doc.txt", cwd=tmp_path, env=env)
    assert not (tmp_path / ".plancheck_cache").exists()
    _run("doc.txt", cwd=tmp_path, env=env)
    assert (tmp_path / ".plancheck_cache").is_dir()
    assert list((tmp_path / "user" / "plancheck").glob("ruleset-*"))
    cleaned = _run("clean", cwd=tmp_path, env=env)
    assert cleaned.returncode == 0 and "Removed" in cleaned.stdout
    assert str(tmp_path / "user" / "plancheck") in cleaned.stdout
    assert not (tmp_path / ".plancheck_cache").exists()
    assert not (tmp_path / "user" / "plancheck").exists()
    assert "No cache to remove." in _run("clean", cwd=tmp_path, env=env).stdout


def test_fix_after_fix_is_served_by_the_cache(tmp_path):
    (tmp_path / "doc.txt").write_bytes(SEED)
    assert _run("--fix", "doc.txt", cwd=tmp_path).returncode == 0
    again = _run("--fix", "doc.txt", cwd=tmp_path)
    assert again.returncode == 0 and "Fixing" not in again.stderr
    assert (tmp_path / "doc.txt").read_bytes() == SEED_FIXED


def test_jobs_must_be_positive(tmp_path):
    result = _run("-j", "0", ".", cwd=tmp_path)
    assert result.returncode == 2 and "--jobs must be at least 1" in result.stderr
