"""`--since REV`: the files added or changed since a git revision, for gating only what is new.

Changed means what `git diff --name-only --diff-filter=ACMR REV` lists (REV against the working
tree: committed, staged and unstaged changes; a renamed file under its new name; deleted files are
not checked), plus untracked files that are not ignored (a document written but not yet added is
new too). git runs in the current folder.
"""

from __future__ import annotations

import os
import subprocess


class GitError(Exception):
    """`--since` cannot be honoured; the message is one line for the user."""


def _git(*args: str, cwd: str | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("--since needs git, and git was not found") from None


def _output(*args: str, cwd: str | None = None) -> bytes:
    done = _git(*args, cwd=cwd)
    if done.returncode != 0:
        message = os.fsdecode(done.stderr).strip().splitlines()
        raise GitError(f"git {args[0]} failed: {message[-1] if message else f'exit {done.returncode}'}")
    return done.stdout


def _names(output: bytes) -> list[str]:
    return [os.fsdecode(name) for name in output.split(b"\0") if name]


def changed_since(rev: str) -> set[str]:
    """Real paths of the files added or changed since `rev`, and of untracked files."""
    if rev.startswith("-"):
        raise GitError(f"--since: '{rev}' is not a revision")
    if _git("rev-parse", "--is-inside-work-tree").returncode != 0:
        raise GitError("--since needs a git repository, and the current folder is not in one")
    if _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        if _output("rev-parse", "--is-shallow-repository").strip() == b"true":
            raise GitError(f"{rev} is not in this clone; fetch more history (git fetch --deepen / --unshallow)")
        raise GitError(f"{rev} is not in this clone; check the name, or fetch it (git fetch origin {rev})")
    top = os.fsdecode(_output("rev-parse", "--show-toplevel").strip())
    changed = _names(_output("diff", "--name-only", "--diff-filter=ACMR", "--no-ext-diff", "-z", rev, "--", cwd=top))
    untracked = _names(_output("ls-files", "--others", "--exclude-standard", "-z", cwd=top))
    return {os.path.realpath(os.path.join(top, name)) for name in changed + untracked}
