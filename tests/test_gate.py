"""Gating only what is new (`--since`, `--baseline`, `--write-baseline`) in real git repositories,
and adopting plancheck (`plancheck init`), run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from lint.config.settings import KEYS, read_config_file
from tests.test_cli import POLLUTED, put
from tests.test_formats import plancheck

OLD_DOC = "工作计划\n一、总体要求\n加强D建工作。##paidend##\n抓好落实。\n"
NEW_DOC = "新的通知\n坚持以人民为中心。##paidbegin##\n"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **GIT_ENV}, check=True)
    return done.stdout.strip()


def repo_with_old_corpus(folder: Path) -> Path:
    """A repository whose history holds a polluted corpus, as a legacy project has."""
    folder.mkdir(exist_ok=True)
    git("init", "-q", "-b", "main", cwd=folder)
    put(folder, "corpus/old1.txt", OLD_DOC)
    put(folder, "corpus/old2.md", OLD_DOC.replace("工作计划", "工作总结"))
    put(folder, "README.md", "# 文件汇编\n")
    git("add", ".", cwd=folder)
    git("commit", "-q", "-m", "old corpus", cwd=folder)
    return folder


def rules_by_path(*args: object, cwd: Path) -> dict[str, list[str]]:
    result = plancheck("--output-format", "json", *args, cwd=cwd)
    assert result.code in (0, 1), result.stderr
    found: dict[str, list[str]] = {}
    for f in json.loads(result.stdout):
        found.setdefault(f["path"], []).append(f["rule"])
    return found


# --------------------------------------------------------------------------------------------------
# a legacy corpus adopts the gate


def test_baseline_lets_the_old_corpus_pass_and_fails_a_new_polluted_document(tmp_path):
    repo = repo_with_old_corpus(tmp_path)
    assert plancheck("corpus", cwd=repo).code == 1
    adopted = plancheck("--write-baseline", ".plancheck-baseline.json", "corpus", cwd=repo)
    assert (adopted.code, adopted.stdout) == (0, "Recorded 4 findings of 2 files in .plancheck-baseline.json.\n")
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "adopt plancheck", cwd=repo)

    gate = plancheck("--baseline", ".plancheck-baseline.json", "corpus", cwd=repo)
    assert (gate.code, gate.lines) == (0, ["All checks passed!", "4 findings in the baseline .plancheck-baseline.json not shown."])

    # editing above an old finding moves it down a line: still in the baseline
    old1 = repo / "corpus/old1.txt"
    old1.write_text("前言。\n\n" + OLD_DOC.replace("一、总体要求", "一、总体要求和主要目标"), encoding="utf-8")
    assert plancheck("--baseline", ".plancheck-baseline.json", "corpus", cwd=repo).code == 0

    put(repo, "corpus/new.txt", NEW_DOC)
    gate = plancheck("--baseline", ".plancheck-baseline.json", "--output-format", "concise", "corpus", cwd=repo)
    assert gate.code == 1
    assert gate.lines[0] == "corpus/new.txt:2:10: PW001 [*] [error] Paywall marker `##paidbegin##` left in the text"
    assert gate.lines[1] == "Found 1 finding (1 error) in 1 of 3 files."


def test_baseline_counts_identical_findings_and_matches_by_content_not_line(tmp_path):
    put(tmp_path, "doc.txt", "标题\n加强D建工作。\n加强D建工作。\n")
    assert plancheck("--write-baseline", "base.json", "doc.txt", cwd=tmp_path).code == 0
    data = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert data == {
        "version": 1,
        "findings": [{"path": "doc.txt", "rule": "RD001", "text": "D", "before": "加强", "after": "建工作。", "count": 2}],
    }
    # a third identical line is one more finding than the baseline holds
    put(tmp_path, "doc.txt", "标题\n加强D建工作。\n加强D建工作。\n加强D建工作。\n")
    assert rules_by_path("--baseline", "base.json", "doc.txt", cwd=tmp_path) == {"doc.txt": ["RD001"]}
    # the new one is told from the old ones by its context
    put(tmp_path, "doc.txt", "标题\n加强D建工作。\n全面推进D建。\n加强D建工作。\n")
    (new,) = json.loads(plancheck("--baseline", "base.json", "--output-format", "json", "doc.txt", cwd=tmp_path).stdout)
    assert (new["rule"], new["line"]) == ("RD001", 3)
    # an old finding whose own line was edited is still an old finding
    put(tmp_path, "doc.txt", "标题\n全面加强D建工作。\n加强D建工作，抓好落实。\n")
    assert plancheck("--baseline", "base.json", "doc.txt", cwd=tmp_path).code == 0


def test_baseline_file_is_sorted_one_entry_per_line_and_stable(tmp_path):
    put(tmp_path, "b.txt", POLLUTED)
    put(tmp_path, "a.txt", POLLUTED + "XX区。\n")
    plancheck("--write-baseline", "base.json", ".", cwd=tmp_path)
    first = (tmp_path / "base.json").read_bytes()
    lines = first.decode("utf-8").splitlines()
    assert lines[:3] == ["{", '  "version": 1,', '  "findings": [']
    entries = [json.loads(line.strip().rstrip(",")) for line in lines[3:-2]]
    assert [(e["path"], e["rule"]) for e in entries] == [
        ("a.txt", "PH001"),
        ("a.txt", "PW001"),
        ("a.txt", "RD001"),
        ("b.txt", "PW001"),
        ("b.txt", "RD001"),
    ]
    plancheck("--write-baseline", "base.json", ".", cwd=tmp_path)
    assert (tmp_path / "base.json").read_bytes() == first


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    put(tmp_path, "corpus/doc.txt", POLLUTED)
    (tmp_path / "ci").mkdir()
    plancheck("--write-baseline", "ci/base.json", "corpus", cwd=tmp_path)
    assert '"path": "../corpus/doc.txt"' in (tmp_path / "ci/base.json").read_text(encoding="utf-8")
    assert plancheck("--baseline", "../ci/base.json", ".", cwd=tmp_path / "corpus").code == 0


def test_a_fixed_finding_leaves_a_stale_entry_and_its_neighbour_stays_old(tmp_path):
    put(tmp_path, "doc.txt", POLLUTED)
    plancheck("--write-baseline", "base.json", "doc.txt", cwd=tmp_path)
    # RD001 fixed by hand; the paywall marker next to it has new surroundings but is not new
    put(tmp_path, "doc.txt", "工作计划\n加强党建工作。##paidend##\n")
    result = plancheck("--baseline", "base.json", "doc.txt", cwd=tmp_path)
    assert result.code == 0
    assert result.lines[-1] == (
        "1 finding in the baseline base.json not shown. "
        "1 baseline entry matches nothing any more: `--write-baseline base.json` drops them."
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "base.json: no such baseline file (create it with --write-baseline)"),
        ("[]", 'base.json: not a plancheck baseline (expected {"version": 1, "findings": [...]})'),
        (
            '{"version": 1, "findings": [{"path": "a"}]}',
            "base.json: entry 1 must have path, rule, text, before, after (strings) and count (a positive integer)",
        ),
    ],
)
def test_an_unusable_baseline_exits_2_in_one_line(tmp_path, content, message):
    put(tmp_path, "doc.txt", POLLUTED)
    if content is not None:
        put(tmp_path, "base.json", content)
    result = plancheck("--baseline", "base.json", "doc.txt", cwd=tmp_path)
    assert (result.code, result.stdout, result.stderr) == (2, "", f"plancheck: error: {message}\n")


def test_write_baseline_refuses_options_that_would_record_something_else(tmp_path):
    put(tmp_path, "doc.txt", POLLUTED)
    for extra in (["--fix"], ["--since", "HEAD"], ["--baseline", "x.json"]):
        result = plancheck("--write-baseline", "base.json", *extra, "doc.txt", cwd=tmp_path)
        assert result.code == 2
        assert "--write-baseline records every finding as it is" in result.stderr
    assert not (tmp_path / "base.json").exists()


# --------------------------------------------------------------------------------------------------
# --since


def test_since_checks_only_what_changed_since_a_revision(tmp_path):
    repo = repo_with_old_corpus(tmp_path)
    base = git("rev-parse", "HEAD", cwd=repo)
    put(repo, "corpus/added.txt", NEW_DOC)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "add", cwd=repo)
    git("mv", "corpus/old2.md", "corpus/renamed.md", cwd=repo)
    git("rm", "-q", "corpus/old1.txt", cwd=repo)
    git("commit", "-q", "-m", "rename and delete", cwd=repo)
    put(repo, "corpus/untracked.txt", POLLUTED)
    put(repo, "ignored/x.txt", POLLUTED)
    put(repo, ".gitignore", "ignored/\n")
    assert sorted(rules_by_path("--since", base, ".", cwd=repo)) == ["corpus/added.txt", "corpus/renamed.md", "corpus/untracked.txt"]
    # intersected with the paths given
    assert sorted(rules_by_path("--since", base, "corpus/added.txt", "README.md", cwd=repo)) == ["corpus/added.txt"]
    # from a subfolder, paths are the subfolder's
    assert sorted(rules_by_path("--since", "HEAD", ".", cwd=repo / "corpus")) == ["untracked.txt"]


def test_since_with_baseline_gates_a_pull_request(tmp_path):
    repo = repo_with_old_corpus(tmp_path)
    plancheck("--write-baseline", ".plancheck-baseline.json", ".", cwd=repo)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "baseline", cwd=repo)
    git("checkout", "-q", "-b", "feature", cwd=repo)
    old1 = repo / "corpus/old1.txt"
    old1.write_text("补充说明。\n" + old1.read_text(encoding="utf-8"), encoding="utf-8")  # touches an old file
    git("commit", "-q", "-am", "edit an old document", cwd=repo)
    gate = plancheck("--since", "main", "--baseline", ".plancheck-baseline.json", ".", cwd=repo)
    assert (gate.code, gate.lines[0]) == (0, "All checks passed!")
    put(repo, "corpus/new.txt", NEW_DOC)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "a new polluted document", cwd=repo)
    gate = plancheck("--since", "main", "--baseline", ".plancheck-baseline.json", "--output-format", "github", ".", cwd=repo)
    assert gate.code == 1
    assert gate.lines == [
        "::error file=corpus/new.txt,line=2,col=10,endLine=2,endColumn=23,title=PW001::"
        "Paywall marker `##paidbegin##` left in the text%0Afix: Delete the marker"
    ]


def test_since_in_a_shallow_clone_without_the_revision_exits_2_with_advice(tmp_path):
    origin = repo_with_old_corpus(tmp_path / "origin")
    first = git("rev-parse", "HEAD", cwd=origin)
    put(origin, "corpus/later.txt", NEW_DOC)
    git("add", ".", cwd=origin)
    git("commit", "-q", "-m", "later", cwd=origin)
    git("clone", "-q", "--depth", "1", origin.as_uri(), str(tmp_path / "clone"), cwd=tmp_path)
    clone = tmp_path / "clone"
    result = plancheck("--since", first, ".", cwd=clone)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == f"plancheck: error: {first} is not in this clone; fetch more history (git fetch --deepen / --unshallow)\n"
    # the tip itself is there: nothing changed since it
    assert plancheck("--since", "HEAD", ".", cwd=clone).lines == ["All checks passed!"]


def test_since_names_an_unknown_revision_and_a_folder_outside_git(tmp_path):
    repo = repo_with_old_corpus(tmp_path / "repo")
    unknown = plancheck("--since", "no-such-branch", ".", cwd=repo)
    assert (unknown.code, unknown.stderr) == (
        2,
        "plancheck: error: no-such-branch is not in this clone; check the name, or fetch it (git fetch origin no-such-branch)\n",
    )
    (tmp_path / "plain").mkdir()
    outside = plancheck("--since", "main", ".", cwd=tmp_path / "plain", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert (outside.code, outside.stderr) == (2, "plancheck: error: --since needs a git repository, and the current folder is not in one\n")


# --------------------------------------------------------------------------------------------------
# plancheck init


def test_init_writes_a_starter_config_that_documents_every_key_and_loads(tmp_path):
    result = plancheck("init", cwd=tmp_path)
    assert (result.code, result.stdout) == (0, "Wrote plancheck.toml: every setting at its default, each explained.\n")
    written = tmp_path / "plancheck.toml"
    text = written.read_text(encoding="utf-8")
    keys = [line.split(" = ")[0] for line in text.splitlines() if line and not line.startswith("#")]
    assert sorted(keys) == sorted(KEYS)
    lines = text.splitlines()
    for key in KEYS:
        above = lines[lines.index(next(line for line in lines if line.startswith(f"{key} = "))) - 1]
        assert above.startswith("#"), f"{key} has no comment above it"
    assert read_config_file(written) is not None
    put(tmp_path, "doc.txt", POLLUTED)
    assert plancheck("doc.txt", cwd=tmp_path).code == 1


def test_init_refuses_to_overwrite(tmp_path):
    put(tmp_path, "plancheck.toml", "ignore = []\n")
    result = plancheck("init", cwd=tmp_path)
    assert (result.code, result.stderr) == (1, "plancheck: plancheck.toml already exists; not overwritten\n")
    assert (tmp_path / "plancheck.toml").read_text(encoding="utf-8") == "ignore = []\n"


def test_init_pyproject_appends_a_table_once(tmp_path):
    project = '[project]\nname = "corpus"\n'
    put(tmp_path, "pyproject.toml", project)
    result = plancheck("init", "--pyproject", cwd=tmp_path)
    assert (result.code, result.stdout) == (0, "Wrote pyproject.toml: every setting at its default, each explained.\n")
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith(project + "\n[tool.plancheck]\n")
    assert read_config_file(tmp_path / "pyproject.toml") is not None
    again = plancheck("init", "--pyproject", cwd=tmp_path)
    assert (again.code, again.stderr) == (1, "plancheck: pyproject.toml already has a [tool.plancheck] table; not changed\n")
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == text


def test_the_sample_corpus_passes_its_committed_baseline_as_ci_gates_it():
    # what .github/workflows/ci.yml runs; after a deliberate rule change, regenerate the baseline
    # with `plancheck --write-baseline examples/.plancheck-baseline.json examples/corpus`
    root = Path(__file__).resolve().parents[1]
    result = plancheck("--baseline", "examples/.plancheck-baseline.json", "examples/corpus", cwd=root)
    assert (result.code, result.lines[0]) == (0, "All checks passed!"), result.stdout
    assert "match nothing" not in result.stdout and "matches nothing" not in result.stdout
