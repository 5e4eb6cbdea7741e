"""A tree written by a stranger (a pull request a CI gate checks, an autofix step) cannot make
plancheck read or write outside it, block it, or pass the gate with planted files. Each test builds
the attack as a real tree and runs the real command line in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

POLLUTED = "加强D建工作。##paidbegin##\n推进各项任务。  \n"
FIXED = "加强党建工作。\n推进各项任务。\n"


def _run(*args, cwd, env=None, timeout=60):
    proc = subprocess.run(
        [sys.executable, "-m", "lint", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def tree(tmp_path):
    """repo/ (the stranger's tree) beside outside/ (what it must not reach)."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "repo" / "corpus").mkdir(parents=True)
    return tmp_path


def test_fix_never_writes_through_a_link_to_a_file_outside_the_tree(tree):
    target = tree / "outside" / "config"
    target.write_text(POLLUTED, encoding="utf-8")
    (tree / "repo" / "corpus" / "cfg.txt").symlink_to("../../outside/config")
    (tree / "repo" / "corpus" / "doc.txt").write_text(POLLUTED, encoding="utf-8")
    result = _run("--fix", "corpus", cwd=tree / "repo")
    assert target.read_text(encoding="utf-8") == POLLUTED
    assert (tree / "repo" / "corpus" / "doc.txt").read_text(encoding="utf-8") == FIXED
    assert "corpus/cfg.txt: symbolic link to a file outside corpus; skipped" in result.stderr
    assert result.returncode == 2


def test_a_check_prints_nothing_of_a_file_outside_the_tree(tree):
    (tree / "outside" / "credentials").write_text("##paidbegin##TOKEN-0123456789\n", encoding="utf-8")
    (tree / "repo" / "corpus" / "leak.txt").symlink_to("../../outside/credentials")
    for output_format in ("full", "json", "github"):
        result = _run("check", "--no-cache", "--output-format", output_format, "corpus", cwd=tree / "repo")
        assert "TOKEN" not in result.stdout + result.stderr
        assert result.returncode == 2


def test_a_link_inside_the_tree_is_its_target_checked_once_and_never_written(tree):
    corpus = tree / "repo" / "corpus"
    (corpus / "b.txt").write_text(POLLUTED, encoding="utf-8")
    (corpus / "a.txt").symlink_to("b.txt")  # walked first: a link to a file of the tree
    found = json.loads(_run("check", "--no-cache", "--output-format", "json", "corpus", cwd=tree / "repo").stdout)
    assert {f["path"] for f in found} == {"corpus/b.txt"}
    result = _run("--fix", "corpus", cwd=tree / "repo")
    assert result.returncode == 0, result.stderr
    assert (corpus / "a.txt").is_symlink() and (corpus / "b.txt").read_text(encoding="utf-8") == FIXED
    (corpus / "b.txt").write_text(POLLUTED, encoding="utf-8")
    named = _run("--fix", "corpus/a.txt", cwd=tree / "repo")  # named: read, but never written through
    assert "corpus/a.txt: symbolic link; not written through" in named.stderr
    assert named.returncode == 2
    assert (corpus / "a.txt").is_symlink() and (corpus / "b.txt").read_text(encoding="utf-8") == POLLUTED


def test_a_link_named_on_the_command_line_that_points_outside_is_refused(tree):
    (tree / "outside" / "secret.txt").write_text(POLLUTED, encoding="utf-8")
    (tree / "repo" / "named.txt").symlink_to("../outside/secret.txt")
    result = _run("--fix", "named.txt", cwd=tree / "repo")
    assert result.returncode == 2
    assert "named.txt: symbolic link to a file outside the current folder; skipped" in result.stderr
    assert (tree / "outside" / "secret.txt").read_text(encoding="utf-8") == POLLUTED


def test_fifos_and_devices_are_skipped_not_opened(tree):
    corpus = tree / "repo" / "corpus"
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    (corpus / "doc.txt").write_text(POLLUTED, encoding="utf-8")
    walked = _run("check", "--no-cache", "corpus", cwd=tree / "repo", timeout=30)
    assert "corpus/pipe.txt: not a regular file (a FIFO, device or socket); skipped" in walked.stderr
    assert "corpus/zero.txt: symbolic link to a file outside corpus; skipped" in walked.stderr
    assert walked.returncode == 2
    named = _run("check", "--no-cache", "corpus/pipe.txt", cwd=tree / "repo", timeout=30)
    assert named.returncode == 2 and "not a regular file" in named.stderr


def test_a_planted_results_cache_does_not_pass_the_gate(tree, tmp_path):
    """Entries are sealed under the machine's secret: plain `[]` entries under the right keys, and
    entries sealed on the attacker's own machine, are misses."""
    repo = tree / "repo"
    (repo / "corpus" / "doc.txt").write_text(POLLUTED, encoding="utf-8")
    attacker = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "attacker")}
    assert _run("corpus", cwd=repo, env=attacker).returncode == 1  # makes the entries, under the keys
    entries = [p for p in (repo / ".plancheck_cache").rglob("*") if p.is_file() and p.name != ".gitignore"]
    assert entries
    planted = subprocess.run(
        [sys.executable, "-c", "import sys; from lint.files import usercache; sys.stdout.buffer.write(usercache.seal(b'[]\\n[]\\n'))"],
        capture_output=True,
        env=attacker,
        check=True,
    ).stdout
    for forged in (b"[]\n[]\n", planted):  # plain, then sealed with the attacker's secret
        for entry in entries:
            entry.write_bytes(forged)
        gate = _run("--output-format", "github", "corpus", cwd=repo)  # this machine: another secret
        assert gate.returncode == 1, gate.stdout
        assert "::error" in gate.stdout


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(tree):
    repo = tree / "repo"
    (repo / "corpus" / "doc.txt").write_text(POLLUTED, encoding="utf-8")
    (tree / "outside" / "cache").mkdir()
    (repo / ".plancheck_cache").symlink_to("../outside/cache")
    assert _run("corpus", cwd=repo).returncode == 1
    assert list((tree / "outside" / "cache").iterdir()) == []
    cleaned = _run("clean", cwd=repo)
    assert cleaned.returncode == 0 and not (repo / ".plancheck_cache").exists()
    assert (tree / "outside" / "cache").is_dir()


CATASTROPHIC = "(a|aa)+$"  # exponential on a run of a's that ends in b


@pytest.mark.parametrize(
    "option",
    [
        f"unless-line = '''{CATASTROPHIC}'''",
        f"unless-sentence = '''{CATASTROPHIC}'''",
        f"strip = '''{CATASTROPHIC.replace('$', 'c')}'''",
    ],
)
def test_every_expression_of_a_user_s_pack_is_held_to_the_rule_time_limit(tree, option):
    """Not only a rule's main expression: its guards too (unless-line ran past 100 s with a limit of 3)."""
    repo = tree / "repo"
    pack = repo / "slow.toml"
    pack.write_text(
        f"""
[[rule]]
id = "WD901"
name = "slow-guard"
category = "wording"
severity = "warning"
message = "m"
kind = "pattern"
pattern = '''甲[a]+b?'''
{option}
fix = "safe"
fix-title = "t"
description = "What: test."
[[rule.examples]]
bad = "甲ab"
fixed = ""
[[rule.examples]]
good = "乙"
""",
        encoding="utf-8",
    )
    (repo / "plancheck.toml").write_text('rule-packs = ["slow.toml"]\nrule-timeout = 1\n', encoding="utf-8")
    (repo / "corpus" / "doc.txt").write_text("甲" + "a" * 40 + "b\n", encoding="utf-8")
    result = _run("check", "--no-cache", "--select", "WD901", "corpus", cwd=repo, timeout=60)
    assert "ran past the time limit (1 s)" in result.stdout, result.stdout + result.stderr


def test_file_names_cannot_forge_output_or_break_a_format(tree):
    """A line break in a name (`\\n::error …` would be a workflow command of its own) and a name that
    is not UTF-8 are escaped in every format, which stays valid."""
    corpus = os.fsencode(tree / "repo" / "corpus")
    with open(os.path.join(corpus, b"x\n::error title=forged::all clean.txt"), "w", encoding="utf-8") as handle:
        handle.write(POLLUTED)
    with open(os.path.join(corpus, b"\xff\xfe.txt"), "w", encoding="utf-8") as handle:
        handle.write(POLLUTED)
    repo = tree / "repo"
    for output_format in ("full", "concise", "github", "json", "sarif", "junit", "gitlab"):
        result = _run("check", "--no-cache", "--output-format", output_format, "corpus", cwd=repo)
        assert result.returncode == 1, (output_format, result.stderr)
        assert not any(line.startswith("::error title=forged") for line in result.stdout.splitlines()), output_format
        if output_format in ("json", "sarif", "gitlab"):
            json.loads(result.stdout)
    names = {f["path"] for f in json.loads(_run("check", "--no-cache", "--output-format", "json", "corpus", cwd=repo).stdout)}
    assert names == {"corpus/x\\x0a::error title=forged::all clean.txt", "corpus/\\xff\\xfe.txt"}
    baseline = repo / "baseline.json"
    assert _run("--write-baseline", baseline, "corpus", cwd=repo).returncode == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert _run("--baseline", baseline, "corpus", cwd=repo).returncode == 0


GROWING = """
[[rule]]
id = "WD901"
name = "doubling"
category = "wording"
severity = "warning"
message = "m"
kind = "pattern"
pattern = '''甲+'''
replacement = "\\\\g<0>\\\\g<0>"
fix = "safe"
fix-title = "t"
description = "What: test."
[[rule.examples]]
bad = "甲"
fixed = "甲甲"
[[rule.examples]]
good = "乙"
"""


def test_a_fix_that_grows_the_text_is_refused_and_the_file_left_as_it_was(tree):
    """It matches what it inserted: before, a pass that ran into the time limit wrote the text
    half-grown (37 B to 131 KB), and it grew again on every run; a doubling rule ran out of memory."""
    repo = tree / "repo"
    (repo / "grow.toml").write_text(GROWING, encoding="utf-8")
    (repo / "plancheck.toml").write_text('rule-packs = ["grow.toml"]\n', encoding="utf-8")
    doc = repo / "corpus" / "doc.txt"
    doc.write_text("正文甲。\n", encoding="utf-8")
    result = _run("--fix", "--select", "WD901", "corpus", cwd=repo, timeout=60)
    assert "most of them by WD901 (raise max-insertion to allow); left unchanged" in result.stderr, result.stderr
    assert result.returncode == 1
    assert doc.read_text(encoding="utf-8") == "正文甲。\n"


def test_no_fix_is_applied_to_a_text_on_which_a_rule_ran_past_the_time_limit(tree):
    """The rule that timed out saw part of the text only; fixing the rest would write a text that
    no full check has seen."""
    repo = tree / "repo"
    (repo / "slow.toml").write_text(
        GROWING.replace("'''甲+'''", "'''(a|aa)+$'''").replace('bad = "甲"', 'bad = "aa"').replace('fixed = "甲甲"', 'fixed = "aaaa"'),
        encoding="utf-8",
    )
    (repo / "plancheck.toml").write_text('rule-packs = ["slow.toml"]\nrule-timeout = 1\n', encoding="utf-8")
    doc = repo / "corpus" / "doc.txt"
    doc.write_text("加强D建工作。\n" + "a" * 40 + "b\n", encoding="utf-8")
    result = _run("--fix", "corpus", cwd=repo, timeout=60)
    assert "WD901 ran past the time limit (1 s), so no fix is applied (raise rule-timeout to allow); left unchanged" in result.stderr
    assert doc.read_text(encoding="utf-8") == "加强D建工作。\n" + "a" * 40 + "b\n"


def test_a_hard_linked_file_is_not_split_by_a_fix(tree):
    """Replacing it would leave its other names with the old text."""
    corpus = tree / "repo" / "corpus"
    (corpus / "doc.txt").write_text(POLLUTED, encoding="utf-8")
    os.link(corpus / "doc.txt", tree / "outside" / "same.txt")
    result = _run("--fix", "corpus", cwd=tree / "repo")
    assert result.returncode == 2 and "corpus/doc.txt: has 2 hard links; not fixed" in result.stderr
    assert (tree / "outside" / "same.txt").read_text(encoding="utf-8") == POLLUTED
    assert os.stat(corpus / "doc.txt").st_nlink == 2


def test_a_file_changed_while_it_is_fixed_is_not_overwritten(tree, monkeypatch):
    """A `git checkout` between the check and the rename: the new content stays."""
    from lint.files import io as files

    doc = tree / "repo" / "doc.txt"
    doc.write_text(POLLUTED, encoding="utf-8")
    source = files.read(doc)
    real_fsync = os.fsync

    def checkout_meanwhile(fd):
        real_fsync(fd)
        doc.write_text("另一个分支的内容。\n", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", checkout_meanwhile)
    with pytest.raises(files.InputError, match="changed while being fixed; not written"):
        files.write_fixed(doc, source, FIXED)
    monkeypatch.undo()
    assert doc.read_text(encoding="utf-8") == "另一个分支的内容。\n"
    assert not [p for p in doc.parent.iterdir() if p.name.endswith(".plancheck-tmp")]


def test_a_huge_or_sparse_file_is_refused_before_it_is_read(tree):
    corpus = tree / "repo" / "corpus"
    with open(corpus / "huge.txt", "wb") as handle:
        handle.truncate(2**30)  # 1 GiB of nothing: sparse
    with open(corpus / "nul.txt", "wb") as handle:
        handle.truncate(100 * 2**20)
    result = _run("check", "--no-cache", "corpus", cwd=tree / "repo", timeout=60)
    assert "corpus/huge.txt: 1024 MiB, larger than a document can be (256 MiB); skipped" in result.stderr
    assert "corpus/nul.txt: binary file (contains NUL bytes); skipped" in result.stderr
    assert result.returncode == 2


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another user takes root")
def test_a_fix_run_as_root_keeps_the_file_s_owner_and_extended_attributes(tree):
    doc = tree / "repo" / "doc.txt"
    doc.write_text(POLLUTED, encoding="utf-8")
    os.chown(doc, 4321, 4321)
    try:
        os.setxattr(doc, "user.plancheck-test", b"kept")
    except OSError:
        pytest.skip("this file system takes no user extended attributes")
    result = _run("--fix", "doc.txt", cwd=tree / "repo")
    assert result.returncode == 0, result.stderr
    assert doc.read_text(encoding="utf-8") == FIXED
    assert (os.stat(doc).st_uid, os.stat(doc).st_gid) == (4321, 4321)
    assert os.getxattr(doc, "user.plancheck-test") == b"kept"


def test_a_strict_gate_cannot_be_turned_off_by_the_tree_it_checks(tree):
    """What a tree may legitimately say of itself (a nested configuration, a directive, a planted
    cache, files under build/) is refused by --strict-gate: only the pinned --config counts."""
    repo = tree / "repo"
    (repo / "plancheck.toml").write_text('ignore = ["ALL"]\ninclude = ["*.none"]\n', encoding="utf-8")
    (repo / "corpus" / "plancheck.toml").write_text('ignore = ["ALL"]\n', encoding="utf-8")
    (repo / "corpus" / "doc.txt").write_text("<!-- plancheck: disable-file -->\n" + POLLUTED, encoding="utf-8")
    (repo / "build").mkdir()
    (repo / "build" / "hidden.txt").write_text(POLLUTED, encoding="utf-8")
    assert _run("check", ".", cwd=repo).returncode == 0  # the tree turns an ordinary run off
    gate = _run("check", "--strict-gate", "--output-format", "github", ".", cwd=repo)
    assert gate.returncode == 1, gate.stdout + gate.stderr
    assert "file=corpus/doc.txt" in gate.stdout and "Directive not honoured in a strict gate: `disable-file`" in gate.stdout
    assert "build/: excluded; not checked" in gate.stderr
    assert not (repo / ".plancheck_cache").exists()
    pinned = tree / "pinned.toml"
    pinned.write_text('gate = true\nselect = ["RD"]\n', encoding="utf-8")
    by_config = _run("check", "--config", pinned, "--output-format", "json", ".", cwd=repo)
    assert by_config.returncode == 1
    assert {f["rule"] for f in json.loads(by_config.stdout)} == {"RD001", "unused-suppression"}


def test_a_configuration_cannot_name_a_rule_pack_outside_its_project(tree):
    """A pack outside the project could be any file of the machine, and its parse errors would
    quote it."""
    repo = tree / "repo"
    (tree / "outside" / "credentials").write_text("password = hunter2-SECRET\n", encoding="utf-8")
    (repo / "plancheck.toml").write_text('rule-packs = ["../outside/credentials"]\n', encoding="utf-8")
    (repo / "corpus" / "doc.txt").write_text(POLLUTED, encoding="utf-8")
    result = _run("check", "corpus", cwd=repo)
    assert result.returncode == 2
    assert "'rule-packs':" in result.stderr and "lies outside the project folder" in result.stderr
    assert "SECRET" not in result.stdout + result.stderr


def test_a_path_named_through_a_linked_folder_that_leads_outside_is_refused(tree):
    (tree / "outside" / "sub").mkdir()
    (tree / "outside" / "sub" / "secret.txt").write_text(POLLUTED, encoding="utf-8")
    (tree / "repo" / "linked").symlink_to("../outside")
    for named in ("linked/sub/secret.txt", "linked/sub", "linked"):
        result = _run("--fix", named, cwd=tree / "repo")
        assert result.returncode == 2, named
        assert f"{named}: symbolic link to a file outside the current folder; skipped" in result.stderr
    assert (tree / "outside" / "sub" / "secret.txt").read_text(encoding="utf-8") == POLLUTED


def test_a_planted_fifo_in_the_cache_folders_does_not_hang_a_run(tree, tmp_path):
    """Cache entries and sealed files are read only when they are regular files: a FIFO under a
    predictable name would block the run."""
    repo = tree / "repo"
    (repo / "corpus" / "doc.txt").write_text(POLLUTED, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert _run("corpus", cwd=repo, env=env).returncode == 1
    planted = [p for p in (repo / ".plancheck_cache").rglob("*") if p.is_file() and p.name != ".gitignore"]
    planted += [p for p in (tmp_path / "cache" / "plancheck").glob("ruleset-*")]
    for path in planted:
        path.unlink()
        os.mkfifo(path)
    result = _run("--output-format", "concise", "corpus", cwd=repo, env=env, timeout=60)
    assert result.returncode == 1 and "RD001" in result.stdout


def test_names_are_escaped_in_messages_too(tree):
    corpus = os.fsencode(tree / "repo" / "corpus")
    with open(os.path.join(corpus, b"b\n::error ::pwn.txt"), "wb") as handle:
        handle.write(b"\xff\xfe\xfd not text \x81\x82")
    result = _run("check", "--no-cache", "corpus", cwd=tree / "repo")
    assert result.returncode == 2
    assert not any(line.startswith("::error ::pwn") for line in (result.stdout + result.stderr).splitlines())
    assert "corpus/b\\x0a::error ::pwn.txt" in result.stderr


def test_the_results_cache_keys_on_the_gate_and_on_every_pack_loaded(tree):
    """A gate reports the directives a plain check honours; directives are read against every rule
    loaded, selected or not: both change findings, so both key the cache."""
    repo = tree / "repo"
    (repo / "corpus" / "doc.txt").write_text("<!-- plancheck: disable-file -->\n" + POLLUTED, encoding="utf-8")
    (repo / "plancheck.toml").write_text("gate = false\n", encoding="utf-8")
    assert _run("check", "corpus", cwd=repo).returncode == 0
    (repo / "plancheck.toml").write_text("gate = true\n", encoding="utf-8")
    gated = _run("check", "corpus", cwd=repo)
    assert gated.returncode == 1 and "Directive not honoured in a strict gate" in gated.stdout
    (repo / "corpus" / "doc.txt").write_text("<!-- plancheck: disable WD901 -->\n正文。\n", encoding="utf-8")
    (repo / "plancheck.toml").write_text('select = ["RD"]\n', encoding="utf-8")
    assert "Unknown rule selector 'WD901'" in _run("check", "--output-format", "concise", "corpus", cwd=repo).stdout
    (repo / "extra.toml").write_text(GROWING, encoding="utf-8")  # defines WD901, which is not selected
    (repo / "plancheck.toml").write_text('select = ["RD"]\nrule-packs = ["extra.toml"]\n', encoding="utf-8")
    assert "Unknown rule selector" not in _run("check", "--output-format", "concise", "corpus", cwd=repo).stdout
