"""Measure plancheck's detectors on the labelled development corpus, the blind batches, the variant
generators and the real texts.

For every document of benchmarks/devcorpus/: plancheck's findings (all but layout) are matched to
the labels by category and line; per category we print precision and recall, the share of
documents whose `--fix` and `--fix --unsafe-fixes` outputs are exact, and the characters changed
outside the expected edits. Each blind batch (benchmarks/blind/NN/) is scored the same way, one
row a batch. Each variant generator (tests/variants/, and the blind ones of benchmarks/blindgen/)
is run on `--variants` cases per family and script: recall, exact fixes, characters changed
outside the artifacts, and traps touched. On
../shared/corpus/real/ we count findings per category (clean/ must have none outside layout and
placeholder) and show a sample of what --fix removes from wild/.

    python benchmarks/quality.py            # print the report
    python benchmarks/quality.py --write    # also rewrite the quality section of RESULTS.md
"""

from __future__ import annotations

import argparse
import difflib
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))

import results  # noqa: E402

from lint.engine import core as engine  # noqa: E402
from lint.files import io as files  # noqa: E402
from lint.packs.load import CATEGORIES, load_rules  # noqa: E402

DEVCORPUS = ROOT / "benchmarks" / "devcorpus"
BLIND = ROOT / "benchmarks" / "blind"
BLINDGEN = ROOT / "benchmarks" / "blindgen"
REAL = ROOT.parent / "shared" / "corpus" / "real"


def _read(path: Path) -> files.Source:
    return files.read(path)


def _changed_outside(got: str, want: str) -> int:
    """Characters inserted or deleted to turn plancheck's output into the expected one."""
    sm = difflib.SequenceMatcher(None, got, want, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


def measure_labelled(rules, corpus: Path) -> tuple[list[str], dict]:
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    exact_safe = exact_unsafe = documents = 0
    clean_changed = 0
    outside = 0
    misses: list[str] = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        labels = tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8"))
        source = _read(folder / "input.txt")
        documents += 1
        expected = Counter((f["category"], f["line"]) for f in labels.get("finding", []))
        found: Counter = Counter()
        text = source.text
        for finding in engine.check(text, rules):
            if finding.category == "layout":
                continue
            line = text.count("\n", 0, finding.start) + 1
            found[(finding.category, line)] += 1
        for key in expected | found:
            hit = min(expected[key], found[key])
            tp[key[0]] += hit
            fn[key[0]] += expected[key] - hit
            fp[key[0]] += found[key] - hit
            if expected[key] != found[key]:
                misses.append(f"{folder.name}: line {key[1]} {key[0]}: expected {expected[key]}, found {found[key]}")
        for name, unsafe in (("fixed.txt", False), ("fixed-unsafe.txt", True)):
            want = _read(folder / name).text
            got = engine.fix(text, rules, unsafe=unsafe).text
            if got == want:
                if unsafe:
                    exact_unsafe += 1
                else:
                    exact_safe += 1
            else:
                outside += _changed_outside(got, want)
                misses.append(f"{folder.name}: {name} differs by {_changed_outside(got, want)} characters")
            if labels.get("clean"):
                clean_changed += _changed_outside(got, text)
    rows = ["| category | labelled | found | precision | recall |", "|---|---|---|---|---|"]
    for category in CATEGORIES:
        if category == "layout":
            continue
        labelled = tp[category] + fn[category]
        reported = tp[category] + fp[category]
        precision = tp[category] / reported if reported else 1.0
        recall = tp[category] / labelled if labelled else 1.0
        rows.append(f"| {category} | {labelled} | {reported} | {precision:.3f} | {recall:.3f} |")
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    rows.append(
        f"| **all** | {total_tp + total_fn} | {total_tp + total_fp} | "
        f"{total_tp / max(1, total_tp + total_fp):.3f} | {total_tp / max(1, total_tp + total_fn):.3f} |"
    )
    summary = {
        "documents": documents,
        "exact_safe": exact_safe,
        "exact_unsafe": exact_unsafe,
        "outside": outside,
        "clean_changed": clean_changed,
        "misses": misses,
    }
    return rows, summary


def measure_real(rules) -> list[str]:
    lines = []
    for part in ("clean", "wild"):
        folder = REAL / part
        if not folder.is_dir():
            lines.append(f"- `{part}/`: not present beside this checkout")
            continue
        counts: Counter = Counter()
        paths = sorted(folder.glob("*.txt"))
        for path in paths:
            counts.update(f.category for f in engine.check(path.read_text(encoding="utf-8"), rules))
        shown = ", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "none"
        lines.append(f"- `{part}/` ({len(paths)} files): {shown}")
    return lines


def wild_sample(rules, n: int = 12) -> list[str]:
    folder = REAL / "wild"
    if not folder.is_dir():
        return []
    removed: dict[str, str] = {}  # one example of each distinct removal
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        fixed = engine.fix(text, rules).text
        sm = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
        for op, i1, i2, _, _ in sm.get_opcodes():
            chunk = text[i1:i2].strip()
            if op in ("delete", "replace") and len(chunk) > 1:
                removed.setdefault(chunk[:60], f"{path.name}: `{chunk[:60]!r}`")
    sample = sorted(removed.values())
    random.Random(7).shuffle(sample)
    return sample[:n]


def summary_lines(rows: list[str], s: dict) -> list[str]:
    return [
        *rows,
        "",
        f"- `--fix` output exact: {s['exact_safe']}/{s['documents']} documents "
        f"({100 * s['exact_safe'] / s['documents']:.0f} %); `--fix --unsafe-fixes` exact: "
        f"{s['exact_unsafe']}/{s['documents']} ({100 * s['exact_unsafe'] / s['documents']:.0f} %)",
        f"- characters changed outside the expected edits (all documents, both modes): {s['outside']}",
        f"- characters changed in the clean documents: {s['clean_changed']}",
        "",
        "Differences from the labels:",
        "",
        *([f"- {m}" for m in s["misses"]] or ["- none"]),
    ]


def blind_report(batch: str, label: str) -> str:
    """The scores of one blind batch (benchmarks/blind/NN/), headed by `label` and the revision."""
    revision = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "lint", "rules"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    rows, s = measure_labelled(load_rules(), BLIND / batch)
    where = f"{revision}{' with uncommitted changes to lint/ or rules/' if dirty else ''}"
    return "\n".join([f"## {label} (at {where})", "", *summary_lines(rows, s)]) + "\n"


def measure_blind(rules) -> list[str]:
    """One row a blind batch, scored by the code as it is now: what the latest batch says predicts
    unseen documents; the older ones have been read since."""
    rows = ["| batch | documents | labels | precision | recall | weakest category | exact `--fix` | exact `--unsafe-fixes` |"]
    rows.append("|---|---|---|---|---|---|---|---|")
    for folder in sorted(p for p in BLIND.iterdir() if p.is_dir()):
        table, s = measure_labelled(rules, folder)
        cells = {row.split(" | ")[0].strip("| *"): row.strip("|").split("|") for row in table[2:]}
        recalls = {name: float(cell[4]) for name, cell in cells.items() if name != "all" and int(cell[1]) > 0}
        weakest = min(recalls, key=recalls.get)
        total = cells["all"]
        rows.append(
            f"| {folder.name} | {s['documents']} | {total[1].strip()} | {total[3].strip()} | {total[4].strip()} | "
            f"{weakest} {recalls[weakest]:.3f} | {s['exact_safe']}/{s['documents']} | {s['exact_unsafe']}/{s['documents']} |"
        )
    return rows


def blind_generators() -> dict:
    """The generators of benchmarks/blindgen/, written by helpers who had not read the rules: what
    the test suite's own generators (written beside the detectors) cannot tell, the vocabulary."""
    import importlib.util

    out = {}
    for path in sorted(BLINDGEN.glob("bg_*.py")):
        spec = importlib.util.spec_from_file_location(f"blindgen_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out[module.FAMILY] = module
    return out


def measure_generators(rules, count: int, families: dict | None = None) -> list[str]:
    """Each variant family (the test suite's, unless `families`) on `count` generated artifacts and
    `count` traps (a quarter of that in traditional script), as tests/test_variants.py runs them."""
    from tests import variants

    rows = ["| family | category | script | cases | recall | exact | changed outside | traps touched |"]
    rows.append("|---|---|---|---|---|---|---|---|")
    for name, family in (variants.families() if families is None else families).items():
        for script in variants.SCRIPTS:
            n = count if script == "simplified" else max(1, count // 4)
            found = artifacts = exact = outside = 0
            for case in variants.cases(family, "artifacts", n, script=script):
                outcome = variants.evaluate(case, rules, family.CATEGORY)
                found, artifacts = found + outcome.found, artifacts + outcome.artifacts
                exact, outside = exact + outcome.exact, outside + outcome.outside
            touched = 0
            for case in variants.cases(family, "traps", n, script=script):
                outcome = variants.evaluate(case, rules, family.CATEGORY)
                touched += bool(outcome.found or outcome.outside or not outcome.exact)
            rows.append(
                f"| {name} | {family.CATEGORY} | {script} | {n} | {found / max(1, artifacts):.3f} | "
                f"{exact / n:.3f} | {outside} | {touched}/{n} |"
            )
    return rows


def report(variant_count: int) -> str:
    rules = load_rules()
    rows, s = measure_labelled(rules, DEVCORPUS)
    out = [
        "## Detection quality (benchmarks/quality.py)",
        "",
        f"Labelled development corpus: {s['documents']} documents in `benchmarks/devcorpus/` "
        "(original texts; other sites, markers, noise and redactions than the seeds; 9 clean documents dense "
        "with traps; one GB18030, one UTF-8 with BOM, one CRLF). Findings matched to labels by category and line; "
        "layout is not labelled. Tuned on: blind batches (benchmarks/blind/, each scored in its SCORES.md) are what "
        "predicts unseen documents.",
        "",
        *summary_lines(rows, s),
        "",
        "Blind batches (benchmarks/blind/NN/, written blind by a helper from the family descriptions; each one's "
        "before/after scores are in its SCORES.md), scored by this revision:",
        "",
        *measure_blind(rules),
        "",
        f"Variant generators (tests/variants/; {variant_count} cases per family and side, a quarter of that in "
        "traditional script; artifacts put into real clean paragraphs):",
        "",
        *measure_generators(rules, variant_count),
        "",
        "Blind generators (benchmarks/blindgen/, written by helpers who read no rule, test or engine code, from the "
        "family descriptions, the seeds and real page templates; their before/after scores are in its README):",
        "",
        *measure_generators(rules, variant_count, blind_generators()),
        "",
        "Real texts in `../shared/corpus/real/` (findings per category):",
        "",
        *measure_real(rules),
        "",
        "A sample of what `--fix` removes from `wild/` (checked by eye: page furniture only):",
        "",
        *[f"- {line}" for line in wild_sample(rules)],
    ]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the quality section of benchmarks/RESULTS.md")
    parser.add_argument("--blind", metavar="NN", help="score the blind batch benchmarks/blind/NN/ instead")
    parser.add_argument("--label", default="score", help="with --blind --write: the section of its SCORES.md to rewrite")
    parser.add_argument("--variants", type=int, default=200, metavar="N", help="generated cases per family and side (default 200)")
    args = parser.parse_args()
    if args.blind:
        text = blind_report(args.blind, args.label)
        print(text)
        if args.write:
            results.write_section(args.label, text, BLIND / args.blind / "SCORES.md")
        return
    text = report(args.variants)
    print(text)
    if args.write:
        results.write_section("quality", text)


if __name__ == "__main__":
    main()
