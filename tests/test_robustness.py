"""Bad input never crashes plancheck and never loses data: one clear line, the right exit code,
the rest of the run goes on and no file is changed. Also the runaway guard and the rule timeout."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from .conftest import ROOT, pattern_rule

SEED = ROOT / "tests" / "golden" / "seed_000_2578e3202b6b0672.txt"
SEED_FIXED = ROOT / "tests" / "golden" / "seed_000_2578e3202b6b0672.fixed.txt"
POLLUTED = "标题\n加强D建工作，推进各项任务落地落实，确保取得实效。##paidend##\n"


def _run(*args, cwd, **kwargs):
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True, **kwargs)


def _no_traceback(result):
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


@pytest.mark.parametrize(
    ("name", "data", "code", "message"),
    [
        ("empty.txt", b"", 0, None),
        ("blank.txt", b"  \n\n\t\n", 0, None),  # only whitespace: fixed to an empty file
        ("nul.txt", b"\xe6\x96\x87\x00\x00abc", 2, "binary file"),
        ("mixed.txt", "正文。".encode() + b"\xff\xfe\xfa" + "结尾。".encode(), 2, "skipped"),
        ("ole.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, 2, "binary file"),
    ],
)
def test_bad_file_contents(tmp_path, name, data, code, message):
    path = tmp_path / name
    path.write_bytes(data)
    other = tmp_path / "other.txt"
    other.write_text(POLLUTED, encoding="utf-8")
    result = _run("--fix", "--fail-level", "warning", name, "other.txt", cwd=tmp_path)
    _no_traceback(result)
    assert result.returncode == code
    if message:
        [line] = [x for x in result.stderr.splitlines() if name in x]
        assert message in line
        assert path.read_bytes() == data
    assert other.read_text(encoding="utf-8") == "标题\n加强党建工作，推进各项任务落地落实，确保取得实效。\n"


def test_missing_path_and_symlink_loop_are_reported_and_the_run_goes_on(tmp_path):
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "ok.txt").write_text(POLLUTED, encoding="utf-8")
    result = _run("--fix", "missing.txt", "a.txt", "ok.txt", cwd=tmp_path)
    _no_traceback(result)
    assert result.returncode == 2
    assert "missing.txt: no such file or directory" in result.stderr
    assert "a.txt: broken or looping symbolic link" in result.stderr
    assert "加强党建" in (tmp_path / "ok.txt").read_text(encoding="utf-8")


def test_a_directory_named_as_a_file_is_walked(tmp_path):
    (tmp_path / "docs.txt").mkdir()
    (tmp_path / "docs.txt" / "a.txt").write_text(POLLUTED, encoding="utf-8")
    result = _run("docs.txt", cwd=tmp_path)
    assert result.returncode == 1 and "RD001" in result.stdout


def test_read_only_file_is_not_rewritten(tmp_path):
    path = tmp_path / "ro.txt"
    path.write_text(POLLUTED, encoding="utf-8")
    path.chmod(0o444)
    result = _run("--fix", "ro.txt", cwd=tmp_path)
    _no_traceback(result)
    assert result.returncode == 2 and "ro.txt: read-only file; not fixed" in result.stderr
    assert path.read_text(encoding="utf-8") == POLLUTED


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(POLLUTED, encoding="utf-8")
    path.chmod(0)
    result = _run("secret.txt", cwd=tmp_path)
    assert result.returncode == 2 and "secret.txt: cannot read" in result.stderr


def test_file_changed_while_being_checked_is_not_written(tmp_path, monkeypatch):
    from lint.files import io as files

    path = tmp_path / "doc.txt"
    path.write_text(POLLUTED, encoding="utf-8")
    source = files.read(path)
    path.write_text(POLLUTED + "新增的一段。\n", encoding="utf-8")  # someone saves the file meanwhile
    with pytest.raises(files.InputError, match="changed while being checked"):
        files.write_fixed(path, source, "anything")
    assert path.read_text(encoding="utf-8").endswith("新增的一段。\n")


def test_fixes_that_would_eat_the_document_are_refused(tmp_path):
    ad = "【某某素材库】——每天更新材料，会员群同步更新，有意加入请联系：1 4367\n"
    path = tmp_path / "ads.txt"
    path.write_text("标题\n正文一句。\n" + ad * 3, encoding="utf-8")
    before = path.read_bytes()
    result = _run("--fix", "ads.txt", cwd=tmp_path)
    _no_traceback(result)
    assert result.returncode == 1
    assert "most of it by AD001" in result.stderr and "left unchanged" in result.stderr
    assert path.read_bytes() == before
    assert _run("--fix", "--max-deletion", "1", "ads.txt", cwd=tmp_path).returncode == 0
    assert path.read_text(encoding="utf-8") == "标题\n正文一句。\n"


SLOW_PACK = pattern_rule(
    "WD990", "catastrophic-pattern", "(?:(a|aa)+)+$", "aa", good="b", description="What: a pattern with catastrophic backtracking."
)


def test_a_runaway_user_pattern_is_reported_for_that_document_and_the_run_goes_on(tmp_path):
    (tmp_path / "slow.toml").write_text(SLOW_PACK, encoding="utf-8")
    (tmp_path / "plancheck.toml").write_text('rule-packs = ["slow.toml"]\nrule-timeout = 0.5\n', encoding="utf-8")
    (tmp_path / "trap.txt").write_text("a" * 3000 + "b\n加强D建。\n", encoding="utf-8")
    started = time.monotonic()
    result = _run("--output-format", "concise", "trap.txt", cwd=tmp_path, timeout=60)
    assert time.monotonic() - started < 30
    _no_traceback(result)
    assert "WD990 [error] Rule ran past the time limit (0.5 s)" in result.stdout
    assert "RD001" in result.stdout  # the other rules still ran
    assert result.returncode == 1


def _processes_in(folder) -> list[int]:
    """Processes whose working directory is `folder` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/cwd") == str(folder):
                    found.append(int(entry))
            except OSError:
                continue
    return found


def test_sigkill_during_fix_leaves_every_file_original_or_fixed(tmp_path):
    original = SEED.read_bytes()
    fixed = SEED_FIXED.read_bytes()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(1000):
        (corpus / f"doc{i:04d}.txt").write_bytes(original)
    process = subprocess.Popen(
        [sys.executable, "-m", "lint", "--fix", "-q", "-j", "2", "corpus"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    fixing = 0
    for line in process.stderr:  # wait until it is well into writing files
        fixing += line.startswith("Fixing")
        if fixing >= 20:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    # the pool's workers notice their parent is gone and stop: none is left running in this folder
    deadline = time.monotonic() + 15
    while _processes_in(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _processes_in(tmp_path) == []
    contents = [p.read_bytes() for p in sorted(corpus.glob("*.txt"))]
    assert len(contents) == 1000
    assert all(c in (original, fixed) for c in contents)
    assert 20 <= sum(c == fixed for c in contents) < 1000


# `plancheck` with fsync slowed down: each process that reaches it (having written a temporary
# file beside a document) says so in a file, then waits until its parent is gone (a worker, whose
# run is then killed) or until it is killed itself
_STALLED_FSYNC = """
import os, sys, time
signals, argv = sys.argv[1], sys.argv[2:]
real_fsync = os.fsync
def stalled(fd):
    parent = os.getppid()
    open(os.path.join(signals, f"fsync-{os.getpid()}"), "w").close()
    deadline = time.monotonic() + 60
    while os.getppid() == parent and time.monotonic() < deadline:
        time.sleep(0.01)
    real_fsync(fd)
os.fsync = stalled
from lint.cli.main import main
sys.exit(main(argv))
"""


def _kill_when_writing(tmp_path, *args) -> None:
    """Run plancheck with `args` (fsync stalled) and SIGKILL it once a process of it has written a
    temporary file and is about to rename it."""
    signals = tmp_path / "signals"
    signals.mkdir()
    process = subprocess.Popen([sys.executable, "-c", _STALLED_FSYNC, str(signals), *args], cwd=tmp_path, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not any(signals.iterdir()) and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_temporary_files_a_killed_fix_left_are_removed_by_the_next_run_and_never_checked(tmp_path):
    """SIGKILL between the temporary file and the rename leaves `.NAME.XXXXXXXX.plancheck-tmp`
    holding the document's text. The next run in that folder removes it (and no file that only
    looks like one: a link, a file another live run holds) and never takes it for a document."""
    import fcntl

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text(POLLUTED, encoding="utf-8")
    _kill_when_writing(tmp_path, "--fix", "--no-cache", "corpus/doc.txt")
    (left,) = [p for p in corpus.iterdir() if p.name.endswith(".plancheck-tmp")]
    assert left.name.startswith(".doc.txt.") and "加强党建工作" in left.read_text(encoding="utf-8")
    assert (corpus / "doc.txt").read_text(encoding="utf-8") == POLLUTED
    (corpus / ".other.txt.abcd1234.plancheck-tmp").symlink_to("doc.txt")  # looks like one, is a link
    busy = corpus / ".busy.txt.wxyz5678.plancheck-tmp"  # a live run's
    busy.write_text(POLLUTED, encoding="utf-8")
    os.utime(busy, (time.time() - 60, time.time() - 60))
    (tmp_path / "plancheck.toml").write_text('include = ["*"]\n', encoding="utf-8")  # every file a document
    with open(busy, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        result = _run("--output-format", "concise", "--no-cache", "corpus", cwd=tmp_path)
    assert "plancheck-tmp" not in result.stdout + result.stderr
    assert result.stdout.startswith("corpus/doc.txt:"), result.stdout
    assert sorted(p.name for p in corpus.iterdir()) == [".busy.txt.wxyz5678.plancheck-tmp", ".other.txt.abcd1234.plancheck-tmp", "doc.txt"]


def test_pool_workers_write_nothing_once_their_run_is_killed(tmp_path):
    """A worker notices within a second that its parent is gone; before that it used to go on
    renaming fixed files into place. It now checks right before every rename."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    original = SEED.read_bytes()
    for i in range(130):  # past the bytes below which a run stays in one process
        (corpus / f"doc{i:03d}.txt").write_bytes(original)
    _kill_when_writing(tmp_path, "--fix", "--no-cache", "-q", "-j", "2", "corpus")
    deadline = time.monotonic() + 15
    while _processes_in(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_in(tmp_path) == []
    assert all(p.read_bytes() == original for p in corpus.glob("*.txt"))


def test_two_fix_runs_at_once_never_corrupt_a_file(tmp_path):
    original = SEED.read_bytes()
    for i in range(60):
        (tmp_path / f"doc{i:03d}.txt").write_bytes(original)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "lint", "--fix", "-q", "."], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    for run in runs:
        run.wait(timeout=300)
    assert all(p.read_bytes() == SEED_FIXED.read_bytes() for p in tmp_path.glob("*.txt"))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".plancheck-tmp")]


def test_a_replaced_file_is_whole_or_untouched_and_a_users_file_reaches_the_disk(tmp_path, monkeypatch):
    from lint.files import io as files

    target = tmp_path / "doc.txt"
    target.write_bytes(b"old")
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))

    def half_then_fail(handle):
        handle.write(b"ne")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        files.replace_user_file(target, half_then_fail)
    assert target.read_bytes() == b"old" and synced == []
    files.write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and len(synced) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt"]


def test_a_new_output_file_gets_the_mode_the_umask_allows_not_the_temporary_files(tmp_path):
    from lint.files import io as files

    previous = os.umask(0o022)
    try:
        files.write_atomic(tmp_path / "new.jsonl", b"{}\n")
    finally:
        os.umask(previous)
    assert (tmp_path / "new.jsonl").stat().st_mode & 0o777 == 0o644


def test_the_file_size_cap_is_max_file_size_from_the_configuration_or_the_command_line(tmp_path):
    """256 MiB is the default; `max-file-size` and `--max-file-size` change it. A file over the cap
    is one line, exit 2, not read; the other files are still checked."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    big = (POLLUTED + "一切正常的文本。\n" * 4000).encode()
    (corpus / "big.txt").write_bytes(big + b"\n" * (100 * 2**10 - len(big)))  # 100 KiB
    (corpus / "small.txt").write_text(POLLUTED, encoding="utf-8")
    (tmp_path / "plancheck.toml").write_text('max-file-size = "64KiB"\n', encoding="utf-8")
    result = _run("--output-format", "concise", "--no-cache", "corpus", cwd=tmp_path)
    _no_traceback(result)
    assert result.returncode == 2
    refused = [line for line in result.stderr.splitlines() if "big.txt" in line]
    assert refused == [
        "plancheck: corpus/big.txt: 100 KiB, larger than a document can be (64 KiB); skipped (raise max-file-size to allow)"
    ]
    assert "corpus/small.txt:2:3: RD001" in result.stdout and "big.txt" not in result.stdout
    result = _run("--output-format", "concise", "--no-cache", "--max-file-size", "1MiB", "corpus", cwd=tmp_path)
    assert result.returncode == 1 and "corpus/big.txt:2:3: RD001" in result.stdout, result.stderr
    # the HTML report reads files under the same cap
    result = _run("report", "-o", "r.html", "corpus", cwd=tmp_path)
    _no_traceback(result)
    assert "big.txt: 100 KiB, larger than a document can be (64 KiB)" in result.stderr + (tmp_path / "r.html").read_text(encoding="utf-8")
    result = _run("--max-file-size", "lots", "corpus", cwd=tmp_path)
    assert result.returncode == 2
    assert "'--max-file-size' must be a size: a number of bytes, or one with KiB, MiB or GiB (\"512MiB\")" in result.stderr


def test_a_strict_gate_removes_no_temporary_file_and_lists_each(tmp_path):
    """A gate judges a stranger's tree and writes nothing there: a file named like a killed run's
    temporary file is left where it is and named as not checked."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text(POLLUTED, encoding="utf-8")
    planted = corpus / ".doc.txt.abcd1234.plancheck-tmp"
    planted.write_text(POLLUTED, encoding="utf-8")
    old = time.time() - 3600
    os.utime(planted, (old, old))
    result = _run("--strict-gate", "--output-format", "concise", "corpus", cwd=tmp_path)
    _no_traceback(result)
    assert planted.exists()
    assert "corpus/.doc.txt.abcd1234.plancheck-tmp: a temporary file of plancheck's; not checked" in result.stdout + result.stderr
    assert result.returncode == 1 and "corpus/doc.txt:" in result.stdout
