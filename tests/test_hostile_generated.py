"""Generated hostile trees: links in and out, FIFOs, planted caches and configurations, directives,
odd names and encodings. Whatever the tree holds, a real CLI run never writes outside it, never
crashes or hangs, and a strict gate never passes a tree that holds a polluted document.

    PLANCHECK_HOSTILE_EXAMPLES=500 python -m pytest tests/test_hostile_generated.py   # the long run
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("PLANCHECK_HOSTILE_EXAMPLES", "12"))
POLLUTED = "加强D建工作。##paidbegin##\n推进各项任务。  \n"
CLEAN = "　　第一条 为了规范管理工作，制定本办法。\n"
NAMES = st.sampled_from(["a.txt", "b.md", "x\n::error::forged.txt", "空 格.txt", "UPPER.TXT", "-dash.txt", "deep/er.txt"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-32"])

ENTRY = st.one_of(
    st.tuples(st.just("document"), NAMES, st.sampled_from([POLLUTED, CLEAN]), ENCODINGS),
    st.tuples(st.just("directive"), NAMES),
    st.tuples(st.just("link-out"), NAMES),
    st.tuples(st.just("link-in"), NAMES),
    st.tuples(st.just("fifo"), NAMES),
    st.tuples(st.just("config"), st.sampled_from(["", "sub/"]), st.sampled_from(['ignore = ["ALL"]', 'include = ["*.none"]', "[[broken"])),
    st.tuples(st.just("cache"), st.sampled_from([b"[]\n[]\n", b"\xff" * 40, b""])),
    st.tuples(st.just("excluded"), st.sampled_from(["build", "dist", "venv"])),
)


def _build(root, outside, entries) -> bool:
    """Lay the entries out in `root`; whether a polluted document is among the files it holds."""
    polluted = False
    for entry in entries:
        kind = entry[0]
        if kind in ("document", "directive", "link-out", "link-in", "fifo"):
            path = root / "corpus" / entry[1]
            path.parent.mkdir(parents=True, exist_ok=True)
            if os.path.lexists(path):
                continue
        if kind == "document":
            path.write_bytes(entry[2].encode(entry[3]))
            polluted = polluted or entry[2] == POLLUTED
        elif kind == "directive":
            path.write_text("<!-- plancheck: disable-file -->\n" + POLLUTED, encoding="utf-8")
            polluted = True
        elif kind == "link-out":
            path.symlink_to(outside / "secret.txt")
        elif kind == "link-in":
            (root / "corpus" / "target.txt").write_text(CLEAN, encoding="utf-8")
            path.symlink_to(root / "corpus" / "target.txt")
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "config":
            folder = root / entry[1]
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "plancheck.toml").write_text(entry[2] + "\n", encoding="utf-8")
        elif kind == "cache":
            for key in ("00/00", "ab/cdef"):
                planted = root / ".plancheck_cache" / key
                planted.parent.mkdir(parents=True, exist_ok=True)
                planted.write_bytes(entry[1])
        elif kind == "excluded":
            # left out by the default excludes, even from a strict gate (which lists it)
            (root / "corpus" / entry[1]).mkdir(exist_ok=True)
            (root / "corpus" / entry[1] / "hidden.txt").write_text(POLLUTED, encoding="utf-8")
    return polluted


def _snapshot(folder):
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


def _run(*args, cwd, cache):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, timeout=120, env=env)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(ENTRY, min_size=1, max_size=8))
def test_a_generated_hostile_tree_cannot_escape_crash_hang_or_pass_a_strict_gate(tmp_path_factory, entries):
    base = tmp_path_factory.mktemp("hostile")
    root, outside = base / "repo", base / "outside"
    (root / "corpus").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text(POLLUTED, encoding="utf-8")
    polluted = _build(root, outside, entries)
    before = _snapshot(outside)
    try:
        gate = _run("check", "--strict-gate", "--output-format", "github", "corpus", cwd=root, cache=base / "cache")
        assert b"Traceback" not in gate.stderr, gate.stderr
        assert gate.returncode in (0, 1, 2), gate.returncode
        if polluted:
            assert gate.returncode != 0, (entries, gate.stdout, gate.stderr)
        fixed = _run("--fix", "--strict-gate", "corpus", cwd=root, cache=base / "cache")
        assert b"Traceback" not in fixed.stderr, fixed.stderr
        plain = _run("--fix", "corpus", cwd=root, cache=base / "cache")
        assert b"Traceback" not in plain.stderr, plain.stderr
        assert _snapshot(outside) == before
    finally:
        shutil.rmtree(base, ignore_errors=True)
