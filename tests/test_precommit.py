"""End to end: the hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit in a throwaway git repository.

`pre-commit try-repo` installs the hooks from this checkout's working tree (uncommitted changes included) and
always builds their environment in a temporary store of its own, so each try-repo call costs one environment
build. The `pre-commit install` + `git commit` flow uses the checkout's committed HEAD and the module's shared
PRE_COMMIT_HOME, so its environment is built once for the module; it runs the README's snippet, against a
clone of the checkout's committed HEAD.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[1]
SEEDS = CHECKOUT.parent / "shared" / "corpus" / "seeds"
POLLUTED = SEEDS / "002_43c5f040e6d985ae.txt"
FIXED = SEEDS / "002_43c5f040e6d985ae.fixed.txt"
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
DOC = "docs/plan.txt"
TIMEOUT = 900
# the README's rev until plancheck has a release tag: "put your commit here"
README_PLACEHOLDER_REV = "0" * 40

pytestmark = [
    pytest.mark.skipif(not (POLLUTED.is_file() and FIXED.is_file()), reason=f"seed documents not found in {SEEDS}"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


@pytest.fixture(scope="module")
def pre_commit_env(tmp_path_factory) -> dict[str, str]:
    """The environment of every pre-commit and git call: one PRE_COMMIT_HOME for the module, no outer git state."""
    if not PRE_COMMIT.is_file():
        pytest.fail(f"pre-commit is not installed next to {sys.executable} (install the dev extra)")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in ("SKIP", "PYTHONPATH", "VIRTUAL_ENV")
    }
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    env["PRE_COMMIT_COLOR"] = "never"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
    )


def _git(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = _run(["git", *args], repo, env)
    assert result.returncode == 0, f"git {' '.join(args)} failed:\n{result.stdout}"
    return result


def _new_repo(path: Path, env: dict[str, str], content: bytes) -> Path:
    """A git repository with `docs/plan.txt` holding `content`, staged."""
    path.mkdir()
    _git(path, env, "init", "-q")
    _git(path, env, "config", "user.name", "plancheck tests")
    _git(path, env, "config", "user.email", "tests@plancheck.invalid")
    _git(path, env, "config", "commit.gpgsign", "false")
    doc = path / DOC
    doc.parent.mkdir()
    doc.write_bytes(content)
    _git(path, env, "add", DOC)
    return path


def _try_repo(repo: Path, env: dict[str, str], hook: str) -> subprocess.CompletedProcess[str]:
    return _run([PRE_COMMIT, "try-repo", CHECKOUT, hook, "--files", DOC], repo, env)


def _show(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}, output:\n{result.stdout}"


def test_try_repo_fix_hook_cleans_the_file_then_passes(tmp_path, pre_commit_env):
    repo = _new_repo(tmp_path / "repo", pre_commit_env, POLLUTED.read_bytes())

    first = _try_repo(repo, pre_commit_env, "plancheck-fix")
    assert first.returncode != 0, _show(first)
    assert "plancheck (fix)" in first.stdout, _show(first)
    assert "Fixing" in first.stdout or "files were modified by this hook" in first.stdout, _show(first)
    assert (repo / DOC).read_bytes() == FIXED.read_bytes()

    _git(repo, pre_commit_env, "add", DOC)
    second = _try_repo(repo, pre_commit_env, "plancheck-fix")
    assert second.returncode == 0, _show(second)
    assert "Passed" in second.stdout, _show(second)
    assert (repo / DOC).read_bytes() == FIXED.read_bytes()


def test_try_repo_report_hook_fails_on_polluted_and_passes_on_fixed(tmp_path, pre_commit_env):
    polluted = POLLUTED.read_bytes()
    repo = _new_repo(tmp_path / "repo", pre_commit_env, polluted)

    dirty = _try_repo(repo, pre_commit_env, "plancheck")
    assert dirty.returncode != 0, _show(dirty)
    assert "plancheck (report)" in dirty.stdout, _show(dirty)
    assert "PW001" in dirty.stdout and "WM001" in dirty.stdout, _show(dirty)
    assert "files were modified by this hook" not in dirty.stdout, _show(dirty)
    assert (repo / DOC).read_bytes() == polluted, "the report hook must not write"

    (repo / DOC).write_bytes(FIXED.read_bytes())
    _git(repo, pre_commit_env, "add", DOC)
    clean = _try_repo(repo, pre_commit_env, "plancheck")
    assert clean.returncode == 0, _show(clean)
    assert "Passed" in clean.stdout, _show(clean)
    assert (repo / DOC).read_bytes() == FIXED.read_bytes()


def _readme_snippet(clone: Path, env: dict[str, str]) -> str:
    """The README's pre-commit snippet, with the clone's path for its placeholder URL and, unless
    the README pins a revision the clone has (a tag), the clone's commit for the placeholder rev."""
    readme = (CHECKOUT / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"^## pre-commit\n\n```yaml\n(.*?)^```", readme, re.S | re.M).group(1)
    rev = re.search(r"^ +rev: (\S+)", snippet, re.M).group(1)
    if rev == README_PLACEHOLDER_REV:
        snippet = snippet.replace(f"rev: {rev}", f"rev: {_git(clone, env, 'rev-parse', 'HEAD').stdout.strip()}", 1)
    else:
        found = _run(["git", "rev-parse", "--verify", "-q", f"{rev}^{{commit}}"], clone, env)
        assert found.returncode == 0, f"the README pins rev {rev}, which this repository does not have"
    # JSON strings are YAML strings: the path needs no further quoting
    snippet, replaced = re.subn(r"^( +- repo: )\S+", lambda m: m.group(1) + json.dumps(str(clone)), snippet, count=1, flags=re.M)
    assert replaced == 1, snippet
    return snippet


def test_the_readme_snippet_blocks_the_commit_then_lets_the_fixed_file_in(tmp_path, pre_commit_env):
    clone = tmp_path / "plancheck"
    _git(tmp_path, pre_commit_env, "clone", "-q", str(CHECKOUT), str(clone))
    assert (clone / ".pre-commit-hooks.yaml").is_file(), "the checkout's HEAD has no .pre-commit-hooks.yaml"

    repo = _new_repo(tmp_path / "repo", pre_commit_env, POLLUTED.read_bytes())
    (repo / ".pre-commit-config.yaml").write_text(_readme_snippet(clone, pre_commit_env), encoding="utf-8")
    _git(repo, pre_commit_env, "add", ".pre-commit-config.yaml")

    install = _run([PRE_COMMIT, "install"], repo, pre_commit_env)
    assert install.returncode == 0, _show(install)
    assert (repo / ".git" / "hooks" / "pre-commit").is_file()

    first = _run(["git", "commit", "-m", "Add plan"], repo, pre_commit_env)
    assert first.returncode != 0, _show(first)
    assert "files were modified by this hook" in first.stdout, _show(first)
    assert _run(["git", "rev-parse", "--verify", "-q", "HEAD"], repo, pre_commit_env).returncode != 0, (
        "the commit must have been refused"
    )
    assert (repo / DOC).read_bytes() == FIXED.read_bytes()

    _git(repo, pre_commit_env, "add", DOC)
    second = _run(["git", "commit", "-m", "Add plan"], repo, pre_commit_env)
    assert second.returncode == 0, _show(second)
    assert "Passed" in second.stdout, _show(second)
    committed = subprocess.run(
        ["git", "show", f"HEAD:{DOC}"], cwd=repo, env=pre_commit_env, capture_output=True, check=True
    ).stdout
    assert committed == FIXED.read_bytes()
    assert _git(repo, pre_commit_env, "status", "--porcelain").stdout == ""
