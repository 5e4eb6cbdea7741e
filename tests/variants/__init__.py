"""Variant generators: each family's artifacts built from a small grammar (bracket × noise × brand
× phrase × position …) and put into real clean paragraphs, and its traps: legitimate text of the
same shape that must come out untouched.

A family is a module in this package with `FAMILY` (its name), `CATEGORY` (the category its
findings carry) and two generators of `Case`s, `artifacts(rng, hosts)` and `traps(rng, hosts)`.
tests/test_variants.py runs every family in CI (bounded by PLANCHECK_VARIANTS);
benchmarks/quality.py scores them for RESULTS.md."""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import random
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import opencc
import regex

from lint.engine import core as engine
from lint.packs.load import RuleSet

CLEAN = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real" / "clean"
# a host paragraph: one line of ordinary prose, long enough to hold an artifact mid-sentence
_PROSE = regex.compile(r"^[^\s#<>|（(一二三四五六七八九十第]\S{24,160}。$")


class Case(NamedTuple):
    """One generated document and what a perfect plancheck does with it."""

    text: str
    fixed: str  # the exact output of --fix
    fixed_unsafe: str  # the exact output of --fix --unsafe-fixes
    # where the artifacts lie in `text`; one finding of the family's category must overlap each.
    # Empty for a trap, where no finding of the category may appear at all
    spans: tuple[tuple[int, int], ...] = ()
    what: str = ""  # the grammar's choices, for the failure message


class Outcome(NamedTuple):
    found: int  # artifacts with a finding (a trap: findings of the category, false ones)
    artifacts: int
    exact: bool  # both fix outputs as expected
    outside: int  # characters changed outside the artifacts' spans


@lru_cache(maxsize=1)
def hosts() -> tuple[str, ...]:
    """Prose lines of the real laws, the clean text every artifact is put into."""
    lines = []
    for path in sorted(CLEAN.glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if _PROSE.match(line)]
    return tuple(dict.fromkeys(lines))


def document(rng: random.Random, hosts: tuple[str, ...], middle: str, *, title: bool = True) -> tuple[str, int]:
    """A document of real paragraphs with the line `middle` among them (it holds the artifact), and
    the offset where `middle` starts."""
    before = [rng.choice(hosts) for _ in range(rng.randint(0, 2))]
    after = [rng.choice(hosts) for _ in range(rng.randint(0, 2))]
    if title:
        before.insert(0, rng.choice(TITLES))
    head = "".join(line + "\n" for line in before)
    return head + middle + "\n" + "".join(line + "\n" for line in after), len(head)


def untouched(rng: random.Random, hosts: tuple[str, ...], middle: str, what: str = "trap", *, title: bool = True) -> Case:
    """A trap: a document of real paragraphs with the legitimate line `middle` among them, which
    must come out as it went in."""
    text, _ = document(rng, hosts, middle, title=title)
    return Case(text, text, text, (), what)


def padded(rng: random.Random, hosts: tuple[str, ...], middle: str, size: int | None = None) -> str:
    """`middle` with real paragraphs after it, enough that deleting `size` characters (all of
    `middle` by default) is a small part of the document, as in a real one: the fix loop refuses
    to delete a fifth of a text."""
    size = len(middle) if size is None else size
    lines = [middle]
    while sum(map(len, lines)) < 12 * size:
        lines.append(rng.choice(hosts))
    return "\n".join(lines)


def paragraphs(rng: random.Random, hosts: tuple[str, ...], chars: int = 320) -> str:
    """Real paragraphs, one a line, of at least `chars` characters in all: a body that makes a
    document more than the notice beside it (the default is a body to a paywall's rules)."""
    lines: list[str] = []
    while sum(map(len, lines)) < chars:
        lines.append(rng.choice(hosts))
    return "\n".join(lines)


def deleted_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The deleted span [start, end), widened to the left over the characters it shares with what
    precedes it: a diff may show the deletion shifted there (`。广告。` after `。`)."""
    shift = 0
    while shift < start and text[start - 1 - shift] == text[end - 1 - shift]:
        shift += 1
    return start - shift, end


def beside_host(rng: random.Random, hosts: tuple[str, ...], trap: str, allowed: bool = True) -> str:
    """The trap alone, or (half the time, where `allowed`) glued before or after a real paragraph."""
    if allowed and rng.random() < 0.5:
        host = rng.choice(hosts)
        return host + trap if rng.random() < 0.5 else trap + host
    return trap


def split_sentences(line: str) -> list[int]:
    """Offsets just after each sentence or clause mark inside a line, where an artifact may go."""
    return [m.end() for m in regex.finditer(r"[，；。：]", line) if m.end() < len(line)]


TITLES = ("2025年度工作总结", "关于进一步加强基层治理工作的实施方案", "在全县工作会议上的讲话", "区住房和城乡建设局工作计划")


def families() -> dict[str, ModuleType]:
    out = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        out[module.FAMILY] = module
    return dict(sorted(out.items()))


SCRIPTS = ("simplified", "traditional")


def cases(module: ModuleType, which: str, count: int, seed: int = 0, script: str = "simplified") -> Iterator[Case]:
    """`count` cases of a family's `which` ("artifacts" or "traps"), in simplified script or, the
    same grammar's output converted whole by OpenCC, in traditional script (every family must
    work in both)."""
    rng = random.Random(f"{module.FAMILY}/{which}/{seed}/{script}")
    make: Callable = getattr(module, which)
    made = 0
    while made < count:
        case = make(rng, hosts())
        if script == "traditional":
            case = _traditional(case)
            if case is None:
                continue
        made += 1
        yield case


def _traditional(case: Case) -> Case | None:
    convert = _s2t().convert
    text = convert(case.text)
    if len(text) != len(case.text):
        return None  # a phrase of another length: the spans would not hold
    fixed, fixed_unsafe = (_as_converted(case.text, text, out) for out in (case.fixed, case.fixed_unsafe))
    return Case(text, fixed, fixed_unsafe, case.spans, case.what + " (traditional)")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def _as_converted(simplified: str, traditional: str, out: str) -> str:
    """`out` (what a fix makes of `simplified`) for the converted text: what it keeps is taken from
    `traditional` as converted whole, and only what it inserts is converted on its own. Converting
    `out` whole would let OpenCC read a phrase across a deletion's seam, and pick other characters
    there than in the text the rules see."""
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, simplified, out, autojunk=False).get_opcodes():
        parts.append(traditional[i1:i2] if op == "equal" else _s2t().convert(out[j1:j2]))
    return "".join(parts)


def _outside(text: str, got: str, spans: tuple[tuple[int, int], ...]) -> int:
    """Characters of `text` outside every span that `got` lost or changed, plus insertions away
    from the spans."""
    def inside(i1: int, i2: int) -> bool:
        return any(start <= i1 and i2 <= end for start, end in spans)

    changed = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, text, got, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if i1 == i2:
            changed += 0 if inside(i1, i1) else j2 - j1
        else:
            changed += sum(1 for i in range(i1, i2) if not inside(i, i + 1))
    return changed


def evaluate(case: Case, rules: RuleSet, category: str) -> Outcome:
    findings = [f for f in engine.check(case.text, rules) if f.category == category]
    if case.spans:
        found = sum(1 for start, end in case.spans if any(f.start < end and start < f.end for f in findings))
    else:
        found = len(findings)
    safe = engine.fix(case.text, rules).text
    unsafe = engine.fix(case.text, rules, unsafe=True).text
    exact = safe == case.fixed and unsafe == case.fixed_unsafe
    # an exact output changed nothing but the expected edits; a diff of a long, repetitive text can
    # still align a deleted line end with another copy of the words and count them as changed
    outside = 0 if exact else max(_outside(case.text, safe, case.spans), _outside(case.text, unsafe, case.spans))
    return Outcome(found, len(case.spans), exact, outside)
