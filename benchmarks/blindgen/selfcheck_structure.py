"""Self-check of the blind structure generators: draws cases per family (simplified and traditional, through
the harness's `cases`) and checks each Case is consistent. Run:
    PYTHONPATH=/work/main:/work/blindgen2 /work/main/.venv/bin/python /work/blindgen2/selfcheck.py [count]"""

from __future__ import annotations

import difflib
import sys

import regex

import bg_enumeration
import bg_toc
from tests.variants import cases

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
RAW = int(sys.argv[2]) if len(sys.argv) > 2 else 8000


def layout_clean(s: str) -> str | None:
    if not s.endswith("\n") or s.endswith("\n\n"):
        return "no final newline or a trailing blank line"
    if s.startswith("\n"):
        return "leading blank line"
    if "\n\n\n" in s:
        return "blank-line run"
    if regex.search(r"[ \t\u3000]\n", s):
        return "trailing whitespace"
    return None


def inside(spans, i1, i2) -> bool:
    return any(a <= i1 and i2 <= b for a, b in spans)


def check(case, trap: bool) -> list[str]:
    errs = []
    kind = case.what.split(":", 1)[0]
    for name, s in (("text", case.text), ("fixed", case.fixed), ("fixed_unsafe", case.fixed_unsafe)):
        bad = layout_clean(s)
        if bad:
            errs.append(f"{name}: {bad}")
    if trap:
        if kind != "trap":
            errs.append("trap without trap: tag")
        if case.spans or not (case.text == case.fixed == case.fixed_unsafe):
            errs.append("trap not identical in all three / has spans")
        return errs
    if not case.spans:
        errs.append("artifact case without spans")
    last = 0
    for a, b in case.spans:
        if not (last <= a < b <= len(case.text)):
            errs.append(f"span {a, b} out of order or out of text")
        last = b
    if kind == "delete":
        rest = "".join(case.text[last_b:a] for last_b, a in zip([0] + [b for _, b in case.spans], [a for a, _ in case.spans]))
        rest += case.text[case.spans[-1][1]:]
        if rest != case.fixed:
            errs.append("text minus spans != fixed")
        if case.fixed_unsafe != case.fixed:
            errs.append("a safe deletion must give the same unsafe output")
    elif kind == "report":
        if not (case.text == case.fixed == case.fixed_unsafe):
            errs.append("a report-only case must leave both outputs = input")
    elif kind == "unsafe-replace":
        if case.fixed != case.text:
            errs.append("an unsafe fix must leave --fix output = input")
        if case.fixed_unsafe == case.text:
            errs.append("unsafe output does not change anything")
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, case.text, case.fixed_unsafe, autojunk=False).get_opcodes():
            if op != "equal" and not inside(case.spans, i1, max(i2, i1)):
                errs.append(f"unsafe output changes text outside the spans at {i1}")
        if case.text.count("\n") != case.fixed_unsafe.count("\n"):
            errs.append("unsafe output changes the line count")
    else:
        errs.append(f"unknown fix class {kind!r}")
    return errs


def main() -> int:
    failed = 0
    for module in (bg_enumeration, bg_toc):
        distinct_lines: set[str] = set()
        distinct_shapes: set[str] = set()
        trap_shapes: set[str] = set()
        n_art = n_trap = 0
        for script in ("simplified", "traditional"):
            for case in cases(module, "artifacts", COUNT, script=script):
                n_art += 1
                errs = check(case, False)
                if errs:
                    failed += 1
                    if failed < 15:
                        print(module.FAMILY, script, case.what, errs)
                # the artifact as the set of whole lines that hold a span
                lines = []
                for a, b in case.spans:
                    ls = case.text.rfind("\n", 0, a) + 1
                    le = case.text.find("\n", max(a, b - 1))
                    lines.append(case.text[ls:le])
                if script == "simplified":
                    distinct_lines.add("\n".join(lines))
                    distinct_shapes.add(regex.sub(r"\d+", "N", case.what.split(" in ")[0]))
            for case in cases(module, "traps", COUNT, script=script):
                n_trap += 1
                errs = check(case, True)
                if errs:
                    failed += 1
                    if failed < 15:
                        print(module.FAMILY, script, case.what, errs)
                trap_shapes.add(regex.sub(r"[：:].*", "", case.what[6:]) if module is bg_toc else case.what.split(":")[1].split("（")[0][:40])
        import random as _random
        from tests.variants import hosts as _hosts
        rng = _random.Random(f"{module.FAMILY}/distinct")
        raw_lines, raw_shapes = set(), set()
        for _ in range(RAW):
            case = module.artifacts(rng, _hosts())
            raw_lines.add(tuple(case.text[case.text.rfind("\n", 0, a) + 1:case.text.find("\n", max(a, b - 1))]
                                for a, b in case.spans))
            raw_shapes.add(regex.sub(r"\d+", "N", case.what.split(" in ")[0]) + " | " + case.what.split(" in ")[-1])
        print(f"{module.FAMILY}: {RAW} raw simplified draws: {len(raw_lines)} distinct artifacts (the lines holding "
              f"the spans), {len(raw_shapes)} distinct grammar choices (fix class × ordinal/leader × shape)")
        print(f"{module.FAMILY}: {n_art} artifact cases, {n_trap} trap cases checked; "
              f"{len(distinct_lines)} distinct artifacts in {COUNT} simplified draws; "
              f"{len(distinct_shapes)} distinct grammar choices; {len(module.TRAPS)} trap generators")
    print("FAILED" if failed else "OK", failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
