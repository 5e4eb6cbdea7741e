"""Self-check of the blind generators: draws 2 000 cases per family (simplified script) and checks
each Case is consistent; prints the number of distinct artifacts per family.
Run: PYTHONPATH=/work/main:/work/blindgen /work/main/.venv/bin/python /work/blindgen/selfcheck.py"""

from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, "/work/main")

from tests.variants import _traditional, hosts  # noqa: E402

NAMES = ["bg_boilerplate", "bg_paywall", "bg_advertising", "bg_watermark", "bg_placeholder", "bg_wording"]
DELETION = {"boilerplate", "paywall", "advertising", "watermark"}
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
CAP = int(sys.argv[2]) if len(sys.argv) > 2 else 20000


def key_of(mod, c):
    if mod.CATEGORY in ("placeholder", "wording"):
        return c.what
    return tuple(c.text[s:e] for s, e in sorted(c.spans))


def minus(text, spans):
    out, last = [], 0
    for s, e in sorted(spans):
        out.append(text[last:s])
        last = e
    out.append(text[last:])
    return "".join(out)


def clean_output(s):
    lines = s.split("\n")
    if any(l != l.rstrip() for l in lines):
        return "trailing whitespace"
    if "\n\n" in s or s.startswith("\n"):
        return "blank line"
    if not s.endswith("\n"):
        return "no final newline"
    return ""


def check(mod):
    errors = []
    distinct = set()
    trap_shapes = set()
    H = hosts()
    rng = random.Random(f"{mod.FAMILY}/selfcheck")
    dropped = 0
    for i in range(2 * N):
        c = mod.artifacts(rng, H)
        if i >= N:  # the second half: the same grammar converted whole to traditional script
            c = _traditional(c)
            if c is None:
                dropped += 1
                continue
        err = ""
        if not c.spans:
            err = "no spans"
        for s, e in c.spans:
            if not (0 <= s < e <= len(c.text)):
                err = f"span {s},{e} outside"
        sp = sorted(c.spans)
        if any(sp[k][1] > sp[k + 1][0] for k in range(len(sp) - 1)):
            err = "overlapping spans"
        if not err:
            key = tuple(c.text[s:e] for s, e in sp)
            if mod.CATEGORY in DELETION:
                if minus(c.text, c.spans) != c.fixed:
                    err = "text minus spans != fixed"
                if c.fixed != c.fixed_unsafe:
                    err = "safe != unsafe"
            elif mod.CATEGORY == "placeholder":
                if not (c.fixed == c.text == c.fixed_unsafe):
                    err = "placeholder changed"
                key = c.what
            elif mod.CATEGORY == "wording":
                if c.fixed != c.fixed_unsafe:
                    err = "safe != unsafe"
                if len(c.fixed) != len(c.text):
                    err = "length differs"
                diff = [k for k in range(len(c.text)) if c.text[k] != c.fixed[k]] if len(c.fixed) == len(c.text) else []
                if not diff:
                    err = "no change"
                if any(not any(s <= k < e for s, e in c.spans) for k in diff):
                    err = "change outside spans"
                if any(not any(s <= k < e for k in diff) for s, e in c.spans):
                    err = "span without change"
                key = c.what
            for out in (c.fixed, c.fixed_unsafe):
                bad = clean_output(out)
                if bad:
                    err = "output: " + bad
            if i < N:
                distinct.add(key)
        if err:
            errors.append((err, c))
    for i in range(N):
        c = mod.traps(rng, H)
        trap_shapes.add(c.what)
        if c.spans or not (c.text == c.fixed == c.fixed_unsafe):
            errors.append(("trap not untouched", c))
        bad = clean_output(c.text)
        if bad:
            errors.append(("trap text: " + bad, c))
    for i in range(CAP):  # capacity: more draws, only the artifact keys
        c = mod.artifacts(rng, H)
        distinct.add(key_of(mod, c))
    check.dropped = dropped
    return errors, len(distinct), len(trap_shapes)


def main():
    ok = True
    for name in NAMES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            print(f"{name}: missing ({e})")
            ok = False
            continue
        errors, n, shapes = check(mod)
        status = "OK"
        if errors or n < 5000 or shapes < 20:
            ok = False
            status = "FAIL"
        print(f"{mod.FAMILY:22s} {status}  distinct artifacts in {N}+{CAP} draws: {n}  trap shapes: {shapes}  errors: {len(errors)}  traditional dropped: {check.dropped}")
        for err, c in errors[:3]:
            print("   ", err, "|", c.what, "|", repr(c.text[:300]))
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
