"""Golden documents: the two seeds the product was designed from, and documents of other sites.

For each `tests/golden/NAME.txt`: `NAME.fixed.txt` is the exact `--fix` output,
`NAME.fixed-unsafe.txt` the exact `--fix --unsafe-fixes` output, and `NAME.findings.txt` the
findings of a plain check (`line:col RULE message`), so that a reviewer reads every change as a
diff. Set PLANCHECK_UPDATE_GOLDEN=1 to rewrite the findings snapshots after a deliberate change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint.engine import core as engine
from lint.model import Severity
from lint.output import human as output

GOLDEN = Path(__file__).parent / "golden"
INPUTS = sorted(p for p in GOLDEN.glob("*.txt") if p.name.count(".") == 1)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8").removeprefix("\ufeff")


def _expected(path: Path, suffix: str) -> str:
    return _read(path.with_name(path.stem + suffix))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_fix_reproduces_the_expected_file(path, all_rules):
    result = engine.fix(_read(path), all_rules)
    assert result.converged
    assert result.text == _expected(path, ".fixed.txt")
    assert engine.fix(result.text, all_rules).text == result.text


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_unsafe_fix_reproduces_the_expected_file(path, all_rules):
    result = engine.fix(_read(path), all_rules, unsafe=True)
    assert result.text == _expected(path, ".fixed-unsafe.txt")
    assert engine.fix(result.text, all_rules, unsafe=True).text == result.text


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_safe_fixed_document_has_only_warnings_left(path, all_rules):
    """What --fix cannot settle (placeholders, unsafe-only fixes) stays visible at warning level."""
    remaining = engine.check(_expected(path, ".fixed.txt"), all_rules)
    assert all(f.severity <= Severity.WARNING for f in remaining)
    assert all(f.fix is None or str(f.fix.applicability) == "unsafe" for f in remaining)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_findings_snapshot(path, all_rules):
    text = _read(path)
    lines = [
        f"{item.line}:{item.column} {item.finding.rule} {item.finding.message}"
        for item in output.locate(path.name, text, engine.check(text, all_rules))
    ]
    snapshot = path.with_name(path.stem + ".findings.txt")
    rendered = "\n".join(lines) + "\n"
    if os.environ.get("PLANCHECK_UPDATE_GOLDEN"):
        snapshot.write_text(rendered, encoding="utf-8")
    assert snapshot.read_text(encoding="utf-8") == rendered


def test_seeds_report_every_artifact_family(all_rules):
    """The raw seeds hold paywall markers, ads, watermarks, redactions, placeholders, TOC page
    numbers and self-references, a misspelt set phrase, a duplicated ordinal and hard wraps."""
    found = set()
    for path in INPUTS:
        if path.name.startswith("seed_"):
            found |= {f.rule for f in engine.check(_read(path), all_rules)}
    assert found >= {
        "PW001",
        "AD001",
        "WM001",
        "RD001",
        "RD002",
        "RD003",
        "PH001",
        "ST001",
        "ST002",
        "ST005",
        "WD001",
        "LY002",
        "LY003",
        "LY006",
    }


def test_fixes_introduce_no_new_finding(all_rules):
    """No fix creates a finding that was not there before (by rule and flagged text)."""
    for path in INPUTS:
        text = _read(path)
        before = {(f.rule, text[f.start : f.end]) for f in engine.check(text, all_rules)}
        fixed = engine.fix(text, all_rules, unsafe=True).text
        after = {(f.rule, fixed[f.start : f.end]) for f in engine.check(fixed, all_rules)}
        assert after <= before, path.name
