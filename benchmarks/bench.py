"""Speed and memory of plancheck side by side with what a corpus owner would run instead, in one run.

    python benchmarks/bench.py              # 10 and 50 MB corpora, one 100 MB file; rewrites RESULTS.md
    python benchmarks/bench.py --quick      # a 5 MB corpus and a 20 MB file; prints the tables only
    python benchmarks/bench.py --sizes 10 50 200

Compared on each corpus, round after round, each a real process timed by /usr/bin/time
(interpreter start included): plancheck `check` and `--fix` at `-j 1` and the default jobs, the
hand-written `re` cleaner of benchmarks/cleaner.py reading and writing every file,
autocorrect-py's `lint_for` and datatrove's text formatters (`pip install -e '.[bench]'`; a peer
that is not installed is skipped with a line saying so). The runs of a round are back to back, so
ratios are meaningful on a noisy machine; absolute numbers are not. Speeds are the best of the
rounds, and a ratio is the median of the rounds' own ratios (each taken from two runs of the same
round), so that a slow spell of this shared machine, which can last minutes and change its speed
by half, does not fall on one side of a ratio only. Latencies are the median of fifteen. Peak RSS
comes from /usr/bin/time. Nothing here is a test: the test suite makes no timing assertion.
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
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import corpus  # noqa: E402
import results  # noqa: E402

PLANCHECK = [sys.executable, "-m", "lint"]
CLEANER = [sys.executable, str(ROOT / "benchmarks" / "cleaner.py")]
ROUNDS = 5  # rounds of a corpus's comparison (three from 100 MB up: each round takes minutes)
REPEAT = 3  # rounds of the results-cache table and of each scaling case
BIG_FILE_MB = 100  # the one big file fixed whole: the memory bound is three times its size


# as an installed tool runs: with its modules' byte code written once and read after, whatever
# the shell running the benchmark says
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6


def timed(args: list[str], cwd: Path, env: dict[str, str] | None = None, stdout=subprocess.DEVNULL) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process (what it prints goes to `stdout`, nowhere by default)."""
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", *args],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env={**ENVIRONMENT, **(env or {})},
    )
    last = out.stderr.strip().splitlines()[-1].split()
    return float(last[0]), int(last[1]) * 1024 / 1e6


def plancheck(folder: Path, cwd: Path, *extra: str) -> tuple[float, float]:
    return timed([*PLANCHECK, "--exit-zero", "--statistics", "-q", *extra, str(folder)], cwd)


def on_a_copy(command: list[str], folder: Path, cwd: Path) -> tuple[float, float]:
    """Time `command` + [a copy of folder]: for what writes the files it cleans."""
    copy = cwd / f"{folder.name}-copy"
    shutil.copytree(folder, copy)
    try:
        return timed([*command, str(copy)], cwd)
    finally:
        shutil.rmtree(copy)


# --- the peers that are libraries, each run in a process of its own: `bench.py --peer NAME FOLDER`


def _autocorrect() -> Callable[[str, str], object]:
    import autocorrect_py

    return autocorrect_py.lint_for


def _datatrove() -> Callable[[str, str], object]:
    # the text formatters datatrove ships that need no model: mojibake and controls (ftfy),
    # e-mail addresses and IPs, lines of symbols
    from datatrove.pipeline.formatters import FTFYFormatter, PIIFormatter, SymbolLinesFormatter

    formatters = [FTFYFormatter(), PIIFormatter(), SymbolLinesFormatter()]

    def format_text(text: str, name: str) -> str:
        for formatter in formatters:
            text = formatter.format(text)
        return text

    return format_text


class Peer(NamedTuple):
    label: str
    load: Callable[[], Callable[[str, str], object]]
    install: str  # what to install when it is missing


PEERS = {
    "autocorrect": Peer("autocorrect-py `lint_for`", _autocorrect, "autocorrect-py"),
    "datatrove": Peer("datatrove formatters (FTFY, PII, SymbolLines)", _datatrove, "datatrove and ftfy"),
}


def peer_main(name: str, folder: Path) -> None:
    """Run one peer over every file of `folder`, as its user would: read each file, pass its text."""
    run = PEERS[name].load()
    for path in sorted(folder.rglob("*.txt")):
        run(path.read_text(encoding="utf-8"), path.name)


def missing_peers() -> dict[str, str]:
    """The peers that cannot run here, each with the line that says so."""
    missing = {}
    for name, peer in PEERS.items():
        try:
            peer.load()
        except ImportError as exc:
            missing[name] = f"{peer.label}: not installed ({exc}); `pip install -e '.[bench]'` brings {peer.install}"
    return missing


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


class Contender(NamedTuple):
    label: str
    measure: Callable[[Path, Path], tuple[float, float]]  # (corpus folder, work folder) -> seconds, peak RSS


def contenders(jobs: str, missing: dict[str, str]) -> dict[str, Contender]:
    fixing = [*PLANCHECK, "--exit-zero", "--statistics", "-q", "--fix", "--no-cache", "-j"]
    out = {
        "check1": Contender("plancheck check -j 1", lambda f, w: plancheck(f, w, "--no-cache", "-j", "1")),
        "checkN": Contender(f"plancheck check -j {jobs}", lambda f, w: plancheck(f, w, "--no-cache", "-j", jobs)),
        "fix1": Contender("plancheck --fix -j 1", lambda f, w: on_a_copy([*fixing, "1"], f, w)),
        "fixN": Contender(f"plancheck --fix -j {jobs}", lambda f, w: on_a_copy([*fixing, jobs], f, w)),
        "cleaner": Contender("hand-written `re` cleaner (benchmarks/cleaner.py)", lambda f, w: on_a_copy(CLEANER, f, w)),
    }
    for name, peer in PEERS.items():
        if name not in missing:
            out[name] = Contender(peer.label, lambda f, w, name=name: timed([sys.executable, __file__, "--peer", name, str(f)], w))
    return out


def compare(folder: Path, work: Path, runners: dict[str, Contender], rounds: int) -> list[dict[str, tuple[float, float]]]:
    """Every contender on `folder`, back to back, round after round: per round, seconds and peak RSS by name."""
    return [{name: runner.measure(folder, work) for name, runner in runners.items()} for _ in range(rounds)]


def ratio(rounds: list[dict[str, tuple[float, float]]], of: str, against: str) -> float:
    """The speed of `of` over the speed of `against`: the median of the rounds' own ratios."""
    return statistics.median(r[against][0] / r[of][0] for r in rounds)


def corpus_table(mb: float, runners: dict[str, Contender], rounds: list[dict[str, tuple[float, float]]]) -> list[str]:
    lines = [
        "| contender | MB/s | peak RSS | check -j 1 ÷ it | --fix -j 1 ÷ it |",
        "|---|---|---|---|---|",
    ]
    for name, runner in runners.items():
        best = min(r[name][0] for r in rounds)
        rss = max(r[name][1] for r in rounds)
        check, fix = ratio(rounds, "check1", name), ratio(rounds, "fix1", name)
        lines.append(f"| {runner.label} | {mb / best:.2f} | {rss:.0f} MB | {check:.2f}× | {fix:.2f}× |")
    return lines


def cache_rows(folder: Path, work: Path, jobs: str, mb: float, rounds: int) -> str:
    """The results cache, on by default: a cold check, a warm one, a --fix the cache does not know
    (as the plancheck-fix hook runs it) and a warm check printing its findings."""
    cache_cwd = work / f"cache-{folder.name}"
    measured = []
    for _ in range(rounds):
        shutil.rmtree(cache_cwd, ignore_errors=True)
        cache_cwd.mkdir()
        cold = plancheck(folder, cache_cwd, "-j", jobs)[0]
        warm = plancheck(folder, cache_cwd, "-j", jobs)[0]
        shutil.rmtree(cache_cwd / ".plancheck_cache")
        fixed = on_a_copy([*PLANCHECK, "--exit-zero", "--statistics", "-q", "--fix", "-j", jobs], folder, cache_cwd)[0]
        measured.append((cold, warm, fixed))
    cold, warm, fixed = (min(column) for column in zip(*measured, strict=True))
    warm_ratio = statistics.median(r[0] / r[1] for r in measured)
    printing = timed([*PLANCHECK, "--exit-zero", "-j", jobs, str(folder)], cache_cwd)[0]
    return f"| {mb:.0f} MB | {cold:.1f} s | {warm:.2f} s | {warm_ratio:.0f}× | {mb / fixed:.2f} MB/s | {printing:.1f} s |"


# what a printing check keeps, -j 1, against --statistics (which locates nothing): the formats that
# stream for people and for machines, the JSON list written element by element, the two spooled
PRINTING = {
    "--statistics": ["--statistics"],
    "full": ["--output-format", "full"],
    "json-lines": ["--output-format", "json-lines"],
    "json": ["--output-format", "json"],
    "sarif": ["--output-format", "sarif"],
    "junit": ["--output-format", "junit"],
}


def printing_memory(folder: Path, work: Path) -> dict[str, float]:
    out = {}
    for name, extra in PRINTING.items():
        out[name] = timed([*PLANCHECK, "--exit-zero", "--no-cache", "-q", "-j", "1", *extra, str(folder)], work)[1]
    return out


def big_file(megabytes: float, work: Path) -> tuple[float, dict[str, tuple[float, float]]]:
    """One file of `megabytes` MB checked and fixed whole, -j 1: its size in bytes, and per run seconds and peak RSS."""
    folder = work / "big"
    path = folder / "big.txt"
    size = corpus.generate_one(megabytes, path)
    runs = {
        "check": plancheck(folder, work, "--no-cache", "-j", "1"),
        "--fix": on_a_copy([*PLANCHECK, "--exit-zero", "--statistics", "-q", "--fix", "--no-cache", "-j", "1"], folder, work),
    }
    shutil.rmtree(folder)
    return size, runs


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def run(sizes: list[float], big_mb: float, rounds: int, with_scaling: bool) -> str:
    jobs = str(os.cpu_count() or 2)
    missing = missing_peers()
    runners = contenders(jobs, missing)
    lines = [
        "## Speed and memory (benchmarks/bench.py)",
        "",
        f"Machine: {machine()}. Corpus: `benchmarks/corpus.py` (deterministic; seeds, real and development texts with "
        "artifacts injected at about two per thousand characters). MB/s counts UTF-8 bytes of input; every contender is "
        "a process of its own, interpreter start included. On each corpus the contenders run back to back, round after "
        f"round ({rounds} rounds up to 50 MB, at most three above): speeds are the best round's, peak RSS the largest, and "
        "each ratio (how many times the contender's time plancheck's speed is) the median of the rounds' own ratios: "
        "this machine's speed drifts by up to half over minutes. `--fix` and the cleaner work on a fresh copy of the "
        "corpus each round; the cleaner writes every file, `--fix` the files it changes.",
        "",
        *(f"- Skipped: {line}" for line in missing.values()),
    ]
    measured: dict[float, list[dict[str, tuple[float, float]]]] = {}
    cache_lines = []
    memory: dict[str, float] = {}
    memory_mb = 0.0
    with tempfile.TemporaryDirectory(prefix="plancheck-bench-") as tmp:
        work = Path(tmp)
        for size in sizes:
            folder = work / f"c{size:g}"
            corpus.generate(size, folder)
            mb = _megabytes(folder)
            # once per machine, plancheck builds its prefilter database and dictionary index
            # (seconds); that is not what this table measures
            timed([*PLANCHECK, "--exit-zero", "-q", "--no-cache", str(max(folder.glob("*.txt"), key=lambda p: p.stat().st_size))], work)
            measured[size] = compare(folder, work, runners, rounds if size <= 50 else min(rounds, REPEAT))
            lines += ["", f"### {mb:.0f} MB, {len(list(folder.glob('*.txt')))} files", "", *corpus_table(mb, runners, measured[size])]
            cache_lines.append(cache_rows(folder, work, jobs, mb, min(rounds, REPEAT)))
            if size <= 50 and size == max(s for s in sizes if s <= 50):
                memory, memory_mb = printing_memory(folder, work), mb
            shutil.rmtree(folder)
        size_bytes, big = big_file(big_mb, work)
        loaded = many_rules(work / "many")
        medians = latencies(
            {
                "alone": (work / "latency", []),
                "started": (work / "latency", ["--select", "PW001"]),
                "started_many": (work / "many", ["--select", "PW001"]),
            }
        )
        scaled = scaling(work) if with_scaling else []
    lines += [
        "",
        f"### The results cache (on by default), -j {jobs}",
        "",
        "| corpus | cold check | warm check | warm speed-up | --fix, cache cold | warm, printing findings |",
        "|---|---|---|---|---|---|",
        *cache_lines,
    ]
    if memory:
        lines += [
            "",
            f"### Peak RSS of a check printing its findings, {memory_mb:.0f} MB corpus, -j 1",
            "",
            "| output | peak RSS | against --statistics |",
            "|---|---|---|",
            *(f"| {name} | {rss:.0f} MB | {rss / memory['--statistics']:.2f}× |" for name, rss in memory.items()),
        ]
    lines += [
        "",
        f"### One file of {size_bytes / 1e6:.0f} MB, -j 1",
        "",
        "| run | time | peak RSS | peak RSS ÷ file size |",
        "|---|---|---|---|",
        *(f"| {name} | {t:.1f} s | {rss:.0f} MB | {rss * 1e6 / size_bytes:.2f}× |" for name, (t, rss) in big.items()),
        "",
        f"- One small file end to end (interpreter start included, median of 15): {medians['alone'] * 1000:.0f} ms.",
        f"- Start-up against the number of rules loaded (the same file, one rule selected): {medians['started'] * 1000:.0f} ms "
        f"with the built-in rules, {medians['started_many'] * 1000:.0f} ms with {loaded} (nine renamed copies of them added as "
        "a user pack).",
    ]
    lines += ["", "### Issue 19's targets, measured in this run", "", "| target | measured | |", "|---|---|---|"]

    def target(name: str, bound: float, judged: tuple[str, str], also: tuple[str, str]) -> None:
        """A ratio target, judged at -j 1 (`judged`: of, against) on every corpus, shown at the default jobs too."""
        shown = "; ".join(f"{size:g} MB: {ratio(r, *judged):.2f}× (-j {jobs}: {ratio(r, *also):.2f}×)" for size, r in measured.items())
        lines.append(f"| {name} | {shown} | {_met(all(ratio(r, *judged) >= bound for r in measured.values()))} at -j 1 |")

    target("`--fix` ≥ 0.8× check", 0.8, ("fix1", "check1"), ("fixN", "checkN"))
    target("`--fix` ≥ 1.0× the hand-written cleaner writing files", 1.0, ("fix1", "cleaner"), ("fixN", "cleaner"))
    target("check ≥ 1.0× the hand-written cleaner", 1.0, ("check1", "cleaner"), ("checkN", "cleaner"))
    if memory:
        printing = max(memory[name] for name in PRINTING if name != "--statistics")
        lines.append(
            f"| peak RSS of a printing check on {memory_mb:.0f} MB ≤ 1.5× `--statistics` | "
            f"{printing / memory['--statistics']:.2f}× (the largest of the formats) | {_met(printing <= 1.5 * memory['--statistics'])} |"
        )
    fixed_rss = big["--fix"][1] * 1e6 / size_bytes
    lines.append(f"| one {size_bytes / 1e6:.0f} MB file fixed in ≤ 3× its size | {fixed_rss:.2f}× | {_met(fixed_rss <= 3)} |")
    lines.append(f"| one small file end to end ≤ 150 ms | {medians['alone'] * 1000:.0f} ms | {_met(medians['alone'] <= 0.150)} |")
    lines.append("| results identical to full re-checking | a test of the suite, not a measurement | |")
    if scaled:
        lines += ["", "Linear time on inputs that make naive linters slow (time at 2× the input over time at 1×):", ""]
        lines += ["| input | time at x | time at 2x | ratio |", "|---|---|---|---|"]
        lines += [f"| {name} | {a:.2f} s | {b:.2f} s | {r:.2f} |" for name, a, b, r in scaled]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 5 MB corpus, a 20 MB file, two rounds, no scaling rows; print only")
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 50], metavar="MB", help="the corpora (default: 10 50)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"rounds on each corpus up to 50 MB (default: {ROUNDS})")
    parser.add_argument("--no-scaling", action="store_true", help="leave out the scaling rows (minutes)")
    parser.add_argument("--peer", nargs=2, metavar=("NAME", "FOLDER"), help=argparse.SUPPRESS)  # one peer's process
    args = parser.parse_args()
    if args.peer:
        peer_main(args.peer[0], Path(args.peer[1]))
        return
    corpus.require_real_texts()
    if args.quick:
        text = run([5], 20, 2, with_scaling=False)
    else:
        text = run(args.sizes, BIG_FILE_MB, args.rounds, with_scaling=not args.no_scaling)
    print(text)
    if not args.quick:
        results.write_section("speed", text)


if __name__ == "__main__":
    main()
