"""Self-check of the blind redaction generators: draws cases of each family (simplified and, through
the harness, traditional) and checks each Case is consistent. Run:

    PYTHONPATH=.:benchmarks/blindgen .venv/bin/python benchmarks/blindgen/selfcheck_redaction.py
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.variants import Case, cases  # noqa: E402

import bg_leader_name  # noqa: E402
import bg_party_letter  # noqa: E402

N = 2000
LETTER = regex.compile(r"^[DＤd][\u200b\u200c\u200d\u2060]?$")


def changes(text: str, out: str) -> list[tuple[int, int, str, str]]:
    return [(i1, i2, text[i1:i2], out[j1:j2])
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, text, out, autojunk=False).get_opcodes()
            if op != "equal"]


def inside(i1: int, i2: int, spans) -> bool:
    return any(s <= i1 and i2 <= e for s, e in spans)


def clean_layout(out: str) -> bool:
    return not regex.search(r"[ \t\u3000]+$", out, flags=regex.M) and "\n\n\n" not in out and not out.startswith("\n")


def check_artifact(module, case: Case, errors: list[str]) -> None:
    t = case.text
    if not case.spans:
        errors.append(f"no span: {case.what}")
    for s, e in case.spans:
        if not (0 <= s < e <= len(t)):
            errors.append(f"span out of text {s, e}: {case.what}")
    for out in (case.fixed, case.fixed_unsafe):
        if not clean_layout(out):
            errors.append(f"layout: {case.what}")
    if module is bg_party_letter:
        if case.fixed != case.fixed_unsafe:
            errors.append(f"party letter: safe and unsafe differ: {case.what}")
        for s, e in case.spans:
            if not LETTER.match(t[s:e]):
                errors.append(f"span is not a letter: {t[s:e]!r}: {case.what}")
        for i1, i2, old, new in changes(t, case.fixed):
            if not inside(i1, i2, case.spans) or new not in ("党", "黨", "") or i1 == i2:
                errors.append(f"change outside/odd {old!r}->{new!r}: {case.what}")
        if len(case.fixed) != len(t) - sum(e - s - 1 for s, e in case.spans):
            errors.append(f"length: {case.what}")
    else:
        if case.fixed != case.text:
            errors.append(f"leader: --fix must leave the text: {case.what}")
        ch = changes(t, case.fixed_unsafe)
        for i1, i2, old, new in ch:
            if i1 != i2 or not inside(i1, i1, case.spans) or new not in ("习近平", "習近平", "习近平总书记", "習近平總書記"):
                errors.append(f"unsafe change {old!r}->{new!r} at {i1}: {case.what}")
        if len(ch) != len(case.spans):
            errors.append(f"{len(ch)} insertions for {len(case.spans)} spans: {case.what}")
        for s, e in case.spans:
            if "习近平" in t[max(0, s - 6):s] or "習近平" in t[max(0, s - 6):s]:
                errors.append(f"name already there: {case.what}")


def check_trap(case: Case, errors: list[str]) -> None:
    if case.spans or not (case.text == case.fixed == case.fixed_unsafe):
        errors.append(f"trap not untouched: {case.what}")
    if not clean_layout(case.text):
        errors.append(f"trap layout: {case.what}")


def main() -> int:
    bad = 0
    for module in (bg_party_letter, bg_leader_name):
        errors: list[str] = []
        distinct, shapes = set(), set()
        for script in ("simplified", "traditional"):
            for case in cases(module, "artifacts", N, script=script):
                check_artifact(module, case, errors)
                if script == "simplified":
                    distinct.add(case.what)
            for case in cases(module, "traps", N, script=script):
                check_trap(case, errors)
                shapes.add(case.what.replace(" (traditional)", ""))
        # the grammar's own size, beyond the 2 000 drawn
        import random
        rng = random.Random(1)
        more = set()
        for _ in range(30000):
            c = module.artifacts(rng, __import__("tests.variants", fromlist=["hosts"]).hosts())
            more.add(c.what)
        print(f"{module.FAMILY}: {N} artifacts x2 scripts, distinct artifacts among {N}: {len(distinct)}; "
              f"among 30000 draws: {len(more)}; trap shapes: {len(shapes)}; errors: {len(errors)}")
        for e in errors[:10]:
            print("  ", e[:300])
        bad += len(errors)
    print("OK" if not bad else "FAILED")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
