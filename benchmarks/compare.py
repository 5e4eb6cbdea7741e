"""plancheck at another revision against the working tree, side by side in one run.

    python benchmarks/compare.py d2f9165            # 10 MB corpus, 5 rounds; prints the table
    python benchmarks/compare.py d2f9165 --write    # also rewrites its section of RESULTS.md

The other revision is checked out in a temporary git worktree; each side runs as `python -m lint`
from its own tree, with its own user cache folder, warmed once before the rounds (as a machine that
has run plancheck before). Each round runs the two sides back to back (check, then `--fix` on a
fresh copy of the corpus; one small file end to end, three times each), so a slow spell of this
shared machine falls on both; a ratio is the median of the rounds' own ratios, a time the median of
its runs. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
import results  # noqa: E402
from bench import timed  # noqa: E402

SMALL = ROOT / "tests" / "golden" / "seed_002_43c5f040e6d985ae.txt"


def _side(tree: Path, cache: Path) -> dict:
    return {"tree": tree, "env": {**os.environ, "XDG_CACHE_HOME": str(cache)}}


def _run(side: dict, *args: str) -> float:
    return timed([sys.executable, "-m", "lint", "--exit-zero", "--no-cache", "-q", *args], side["tree"], env=side["env"])[0]


def measure(base: dict, head: dict, folder: Path, work: Path, rounds: int) -> dict[str, list]:
    megabytes = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
    rows: dict[str, list] = {"check": [], "fix": [], "small": []}
    for side in (base, head):  # warm: byte code, compiled rule set, prefilter, dictionary index
        _run(side, "--statistics", "-j", "1", str(folder))
    for _ in range(rounds):
        pair = []
        for side in (base, head):
            pair.append(megabytes / _run(side, "--statistics", "-j", "1", str(folder)))
        rows["check"].append(pair)
        pair = []
        for side in (base, head):
            copy = work / "fix"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(folder, copy)
            pair.append(megabytes / _run(side, "--fix", "-j", "1", str(copy)))
        rows["fix"].append(pair)
        for _ in range(3):
            rows["small"].append([_run(side, str(work / "small.txt")) * 1000 for side in (base, head)])
    return rows


def table(rows: dict[str, list], base_name: str, megabytes: int) -> str:
    def median(values):
        return statistics.median(values)

    lines = [
        f"| measure | {base_name} | working tree | working tree / {base_name} (median of paired rounds) |",
        "|---|---|---|---|",
    ]
    names = {
        "check": f"check, {megabytes} MB, -j 1 (MB/s)",
        "fix": f"--fix, {megabytes} MB, -j 1 (MB/s)",
        "small": "one small file end to end (ms)",
    }
    for key, name in names.items():
        pairs = rows[key]
        b, h = median([p[0] for p in pairs]), median([p[1] for p in pairs])
        ratio = median([p[1] / p[0] for p in pairs])
        extra = f", difference {h - b:+.0f} ms" if key == "small" else ""
        lines.append(f"| {name} | {b:.2f} | {h:.2f} | {ratio:.3f}{extra} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base", help="the revision to compare with (a commit, tag or branch)")
    parser.add_argument("--megabytes", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="rewrite the comparison section of RESULTS.md")
    args = parser.parse_args()
    base_name, head_name = (
        subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        for rev in (args.base, "HEAD")
    )
    with tempfile.TemporaryDirectory(prefix="plancheck-compare-") as temporary:
        work = Path(temporary)
        tree = work / "base"
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), args.base], cwd=ROOT, capture_output=True, check=True)
        try:
            folder = work / "corpus"
            corpus.generate(args.megabytes, folder)
            shutil.copyfile(SMALL, work / "small.txt")
            rows = measure(_side(tree, work / "cache-base"), _side(ROOT, work / "cache-head"), folder, work, args.rounds)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True)
    text = table(rows, base_name, args.megabytes)
    print(text)
    if args.write:
        results.write_section(
            "compare",
            f"## Before and after (benchmarks/compare.py {base_name})\n\n"
            f"The working tree at {head_name} (and what was uncommitted then) against {base_name}, side by side in one run, "
            f"{args.rounds} rounds.\n\n" + text,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
