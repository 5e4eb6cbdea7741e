"""Speed and memory of plancheck, measured side by side in one run on this machine.

    python benchmarks/bench.py            # full run (10, 50 and 200 MB corpora), rewrites RESULTS.md
    python benchmarks/bench.py --quick    # 5 MB only, prints the table

Every number is wall time of a real `plancheck` process (interpreter start included) or of the
comparison in this process, taken with the others in the same run, so ratios are meaningful on a
noisy machine; absolute numbers are not. The things compared run back to back, round after round;
speeds and times are the best of the rounds, and a ratio is the median of the rounds' own ratios
(each taken from two runs next to each other), so that a slow spell of this shared machine, which
can last minutes and change its speed by half, does not fall on one side of a ratio only.
Latencies are the median of fifteen. Peak RSS comes from /usr/bin/time. Nothing here is a
test: the test suite makes no timing assertion.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import corpus  # noqa: E402
import results  # noqa: E402

PLANCHECK = [sys.executable, "-m", "lint"]
REPEAT = 3  # rounds of the in-process comparison and of each scaling case
ROUNDS_UP_TO_50_MB = 5  # rounds of a corpus row; the 200 MB row gets REPEAT (each round takes minutes)
# the single-regex baseline: one pass of one combined pattern over each file, as a minimal cleaner does
BASELINE = re.compile(r"(?:##|\$\$)paid(?:begin|end)(?:##|\$\$)|【[^】\n]{0,20}文库】|(?<![A-Za-z0-9])D(?=的|建|员)")


def _megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6


# as an installed tool runs: with its modules' byte code written once and read after, whatever
# the shell running the benchmark says
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one process (what it prints goes nowhere)."""
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**ENVIRONMENT, **(env or {})},
    )
    last = out.stderr.strip().splitlines()[-1].split()
    return float(last[0]), int(last[1]) // 1024


def plancheck(folder: Path, cwd: Path, *extra: str) -> tuple[float, int]:
    return timed([*PLANCHECK, "--exit-zero", "--statistics", "-q", *extra, str(folder)], cwd)


def in_process(fn, folder: Path) -> float:
    files = sorted(folder.rglob("*.txt"))
    started = time.perf_counter()
    for path in files:
        fn(path.read_text(encoding="utf-8"), path.name)
    return time.perf_counter() - started


def autocorrect_time(folder: Path) -> float | None:
    try:
        import autocorrect_py
    except ImportError:
        return None
    return in_process(lambda text, name: autocorrect_py.lint_for(text, name), folder)


def baseline_time(folder: Path) -> float:
    return in_process(lambda text, name: BASELINE.sub("", text), folder)


def engine_time(folder: Path) -> float:
    from lint.engine import core as engine
    from lint.packs.load import load_rules

    rules = load_rules()
    largest = max(folder.glob("*.txt"), key=lambda p: p.stat().st_size)
    engine.check(largest.read_text(encoding="utf-8"), rules)  # loads what a process loads once
    return in_process(lambda text, name: engine.check(text, rules), folder)


def latencies(runs: dict[str, tuple[Path, list[str]]], rounds: int = 15) -> dict[str, float]:
    """Median wall time of one small file checked end to end, for each named (folder, extra
    options); the runs of the different commands interleaved, round by round."""
    commands = {}
    for name, (cwd, extra) in runs.items():
        cwd.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "tests" / "golden" / "seed_002_43c5f040e6d985ae.txt", cwd / "seed.txt")
        commands[name] = (cwd, [*PLANCHECK, "--exit-zero", "-q", "--no-cache", *extra, str(cwd / "seed.txt")])
        timed(commands[name][1], cwd)  # writes the byte code (and a user pack's note and kept copy)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, (cwd, command) in commands.items():
            times[name].append(timed(command, cwd)[0])
    return {name: statistics.median(values) for name, values in times.items()}


def many_rules(cwd: Path, copies: int = 9) -> int:
    """A folder whose configuration adds `copies` renamed copies of every built-in rule as a user
    pack; returns the number of rules then loaded."""
    rules = []
    for pack in sorted((ROOT / "rules").glob("*.toml")):
        text = pack.read_text(encoding="utf-8")
        rules.append(text[text.index("[[rule]]") :])
    body = "\n".join(rules)
    count = body.count("[[rule]]")
    copied = []
    for k in range(1, copies + 1):
        renamed = re.sub(r'^id = "([A-Z]{2})(\d{3})"', lambda m, k=k: f'id = "{m.group(1)}{k * 100 + int(m.group(2))}"', body, flags=re.M)
        copied.append(re.sub(r'^name = "([a-z0-9-]+)"', rf'name = "\1-copy{k}"', renamed, flags=re.M))
    cwd.mkdir(parents=True, exist_ok=True)
    (cwd / "many.toml").write_text("\n".join(copied), encoding="utf-8")
    (cwd / "plancheck.toml").write_text('rule-packs = ["many.toml"]\n', encoding="utf-8")
    return count * (copies + 1)


def scaling(workdir: Path) -> list[tuple[str, float, float, float]]:
    """time(x), time(2x) and their ratio for inputs that make naive linters go quadratic."""
    paragraph = (ROOT / "tests" / "golden" / "seed_000_2578e3202b6b0672.txt").read_text(encoding="utf-8")
    cases = {
        "one big file (10 → 20 MB)": lambda k: paragraph * (430 * k),
        "one line of 1 → 2 MB": lambda k: paragraph.replace("\n", "，") * (43 * k),
        "200 000 → 400 000 short lines": lambda k: "加强D建。\n" * (200_000 * k),
        "noise symbols, 1 → 2 MB": lambda k: "更^%*#@~$&" * (100_000 * k),
        "nested brackets, 1 → 2 MB": lambda k: ("【" * 50 + "更多素材" + "】" * 50) * (3_000 * k),
        # a guard (unless-before, unless-sentence) asked at every match of a long line or sentence
        "a split word every 4 characters of one line, 0.5 → 1 MB": lambda k: "中 文，" * (50_000 * k),
        "one sentence of 1 → 2 MB, a guarded match every 14 characters": lambda k: "新时代中国特色社会主义思想，" * (24_000 * k),
    }
    rows = []
    for name, make in cases.items():
        folders = []
        for k in (1, 2):
            folders.append(workdir / f"scale-{len(rows)}-{k}")
            folders[-1].mkdir()
            (folders[-1] / "doc.txt").write_text(make(k), encoding="utf-8")
        # x and 2x back to back, round after round
        rounds = [[plancheck(f, workdir, "--no-cache", "-j", "1")[0] for f in folders] for _ in range(REPEAT)]
        ratio = statistics.median(r[1] / r[0] for r in rounds)
        rows.append((name, min(r[0] for r in rounds), min(r[1] for r in rounds), ratio))
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} CPUs, {memory:.0f} GiB, Python {platform.python_version()}, {platform.system()}"


def run(sizes: list[float]) -> str:
    jobs = str(os.cpu_count() or 2)
    lines = [
        "## Speed and memory (benchmarks/bench.py)",
        "",
        f"Machine: {machine()}. Corpus: `benchmarks/corpus.py` (deterministic; seeds, real and development texts with "
        "artifacts injected at about two per thousand characters). MB/s counts UTF-8 bytes of input. Speeds and times "
        "are the best of the rounds (five per row up to 50 MB, three at 200 MB), each ratio is the median of the rounds' own "
        "ratios of two runs made back to back: this machine's speed drifts by up to half over minutes.",
        "",
        "| corpus | check -j 1 | check -j "
        + jobs
        + " | -j speed-up | --fix -j 1 | fix/check | cold cache -j "
        + jobs
        + " | warm cache | warm speed-up | warm, printing findings | peak RSS -j 1 |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    comparisons = []
    with tempfile.TemporaryDirectory(prefix="plancheck-bench-") as tmp:
        work = Path(tmp)
        for size in sizes:
            folder = work / f"c{size:g}"
            corpus.generate(size, folder)
            mb = _megabytes(folder)
            # once per machine, plancheck builds its prefilter database and dictionary index
            # (seconds); that is not what this table measures
            timed([*PLANCHECK, "--exit-zero", "-q", "--no-cache", str(max(folder.glob("*.txt"), key=lambda p: p.stat().st_size))], work)
            # the runs of one row back to back, round after round (module docstring)
            rounds = []
            rss1 = 0
            cache_cwd = work / f"cache{size:g}"
            for _ in range(ROUNDS_UP_TO_50_MB if size <= 50 else REPEAT):
                one, rss = plancheck(folder, work, "--no-cache", "-j", "1")
                rss1 = max(rss1, rss)
                many = plancheck(folder, work, "--no-cache", "-j", jobs)[0]
                fixcopy = work / f"fix{size:g}"
                shutil.copytree(folder, fixcopy)
                fixing = [*PLANCHECK, "--exit-zero", "--statistics", "-q", "--fix", "--no-cache", "-j", "1", str(fixcopy)]
                fixed = timed(fixing, work)[0]
                shutil.rmtree(fixcopy)
                shutil.rmtree(cache_cwd, ignore_errors=True)
                cache_cwd.mkdir()
                cold = plancheck(folder, cache_cwd, "-j", jobs)[0]
                rounds.append((one, many, fixed, cold, plancheck(folder, cache_cwd, "-j", jobs)[0]))
            t1, tn, tf, cold, warm = (min(column) for column in zip(*rounds, strict=True))
            speedup = statistics.median(r[0] / r[1] for r in rounds)
            fix_ratio = statistics.median(r[0] / r[2] for r in rounds)
            warm_ratio = statistics.median(r[3] / r[4] for r in rounds)
            # the same warm run printing every finding in full: it reads each file to locate them
            printing, _ = timed([*PLANCHECK, "--exit-zero", "-j", jobs, str(folder)], cache_cwd)
            lines.append(
                f"| {mb:.0f} MB, {len(list(folder.glob('*.txt')))} files | {mb / t1:.2f} MB/s | {mb / tn:.2f} MB/s | "
                f"{speedup:.2f}× | {mb / tf:.2f} MB/s | {fix_ratio:.2f}× | {cold:.1f} s | {warm:.2f} s | {warm_ratio:.0f}× | "
                f"{printing:.1f} s | {rss1} MB |"
            )
            if size == sizes[0]:
                # round after round, back to back
                compared = [(autocorrect_time(folder), baseline_time(folder), engine_time(folder)) for _ in range(REPEAT)]
                auto = min((r[0] for r in compared if r[0] is not None), default=None)
                base = min(r[1] for r in compared)
                eng = min(r[2] for r in compared)
                autocorrect = (
                    f"autocorrect-py `lint_for` {mb / auto:.2f} MB/s (plancheck is "
                    f"{statistics.median(r[0] / r[2] for r in compared):.2f}× its speed); "
                    if auto
                    else "autocorrect-py not installed; "
                )
                comparisons = [
                    f"- On the {mb:.0f} MB corpus, in one process: plancheck's engine {mb / eng:.2f} MB/s; {autocorrect}"
                    f"a single-regex pass {mb / base:.2f} MB/s (plancheck is "
                    f"{statistics.median(r[1] / r[2] for r in compared):.3f}× its speed).",
                ]
            shutil.rmtree(folder)
        lines += ["", *comparisons]
        loaded = many_rules(work / "many")
        medians = latencies(
            {
                "alone": (work / "latency", []),
                "started": (work / "latency", ["--select", "PW001"]),
                "started_many": (work / "many", ["--select", "PW001"]),
            }
        )
        alone, started, started_many = medians["alone"], medians["started"], medians["started_many"]
        lines.append(f"- One small file end to end (interpreter start included, median of 15): {alone * 1000:.0f} ms.")
        lines.append(
            f"- Start-up against the number of rules loaded (the same file, one rule selected): {started * 1000:.0f} ms with "
            f"the built-in rules, {started_many * 1000:.0f} ms with {loaded} (nine renamed copies of them added as a user pack)."
        )
        lines += ["", "Linear time on inputs that make naive linters slow (time at 2× the input over time at 1×):", ""]
        lines += ["| input | time at x | time at 2x | ratio |", "|---|---|---|---|"]
        for name, a, b, ratio in scaling(work):
            lines.append(f"| {name} | {a:.2f} s | {b:.2f} s | {ratio:.2f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one 5 MB corpus; print only")
    args = parser.parse_args()
    corpus.require_real_texts()
    text = run([5] if args.quick else [10, 50, 200])
    print(text)
    if not args.quick:
        results.write_section("speed", text)


if __name__ == "__main__":
    main()
