"""What a plancheck process loads: a run the cache serves loads no engine, and a run loads the
rule kinds of the rules it runs, not of every rule in the packs (start-up must not grow with the
rules loaded)."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT

SEED = ROOT / "tests" / "golden" / "seed_000_2578e3202b6b0672.txt"
ENGINE = ("lint.engine.core", "lint.engine.prefilter", "lint.engine.document", "regex", "hyperscan", "sqlite3")


def _modules_after(args: list[str], cwd) -> set[str]:
    """The modules loaded by a plancheck run with `args`, in a process of its own."""
    code = f"import json, sys\nfrom lint.cli.main import main\nmain({args!r})\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300)
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_a_run_the_cache_serves_loads_no_engine(tmp_path):
    (tmp_path / "doc.txt").write_bytes(SEED.read_bytes())
    cold = _modules_after(["--statistics", "--exit-zero", "doc.txt"], tmp_path)
    assert set(ENGINE[:2]) <= cold  # the file was checked
    for printed in (["--statistics"], ["--output-format", "concise"], ["--output-format", "json"], ["--output-format", "sarif"]):
        warm = _modules_after([*printed, "--exit-zero", "doc.txt"], tmp_path)
        assert warm.isdisjoint(ENGINE), (printed, warm & set(ENGINE))
        assert not any(m.startswith("lint.kinds.") for m in warm)


def test_a_run_loads_the_kinds_of_the_rules_it_runs_only(tmp_path):
    (tmp_path / "doc.txt").write_bytes(SEED.read_bytes())
    loaded = _modules_after(["--select", "PW001", "--no-cache", "--exit-zero", "doc.txt"], tmp_path)
    kinds = {m for m in loaded if m.startswith("lint.kinds.")}
    assert kinds == {"lint.kinds.base", "lint.kinds.pattern"}  # PW001 is a pattern rule
    everything = _modules_after(["--no-cache", "--exit-zero", "doc.txt"], tmp_path)
    assert len({m for m in everything if m.startswith("lint.kinds.")}) > 5


def test_a_warm_parallel_run_that_prints_findings_starts_no_workers(tmp_path):
    """The cache serves every file in the main process, whatever is printed; a pool costs more than
    that (a regression once made every printing run of 1 MB or more start one)."""
    for i in range(3):
        (tmp_path / f"doc{i}.txt").write_bytes(SEED.read_bytes().replace("D建".encode(), f"D建{i}".encode()) * 60)  # 1 MB and more in all
    cold = _modules_after(["-j", "2", "--exit-zero", "."], tmp_path)
    assert "concurrent.futures.process" in cold  # the count is not blind: a cold run of this size uses a pool
    for printed in ([], ["--output-format", "concise"]):
        warm = _modules_after([*printed, "-j", "2", "--exit-zero", "."], tmp_path)
        assert "concurrent.futures.process" not in warm, printed


def test_a_run_whose_expressions_are_kept_loads_no_expression_parser(tmp_path):
    """The second run rebuilds every expression from the compiled rule set's programs
    (lint.packs.compiled, lint.engine.expressions) with `regex`'s extension alone: the package and its parser
    (`_regex_core`, 20 ms to import) stay unloaded."""
    (tmp_path / "doc.txt").write_bytes(SEED.read_bytes())
    args = ["--no-cache", "--exit-zero", "doc.txt"]
    _modules_after(args, tmp_path)  # keeps what it compiles
    loaded = _modules_after(args, tmp_path)
    assert {"lint.engine.core", "lint.engine.expressions", "regex._regex"} <= loaded  # the file was checked
    assert loaded.isdisjoint({"regex", "regex._main", "regex._regex_core"}), loaded & {"regex", "regex._main", "regex._regex_core"}


def test_a_run_makes_no_dataclass(tmp_path):
    """Values are named tuples: a dataclass compiles its methods from source when it is made, and
    `dataclasses` imports `inspect` (together a fifth of a one-small-file run, when there were 26)."""
    (tmp_path / "doc.txt").write_bytes(SEED.read_bytes())
    for args in (
        ["--no-cache", "--exit-zero", "doc.txt"],
        ["--exit-zero", "--output-format", "sarif", "doc.txt"],
        ["--exit-zero", "--diff", "doc.txt"],
        ["--no-cache", "--exit-zero", "--fix", "--unsafe-fixes", "doc.txt"],
    ):
        loaded = _modules_after(args, tmp_path)
        assert "lint.engine.core" in loaded or "lint.run.cache" in loaded  # the file was checked
        assert loaded.isdisjoint({"dataclasses", "inspect"}), (args, loaded & {"dataclasses", "inspect"})
