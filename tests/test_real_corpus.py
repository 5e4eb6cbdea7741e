"""Real official texts from ../shared/corpus/real: laws and regulations must come out untouched
(but for whitespace), and scraped reports must be processed without harm."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from lint import engine

from .conftest import SHARED

CLEAN = SHARED / "corpus" / "real" / "clean"
WILD = SHARED / "corpus" / "real" / "wild"
ALLOWED_ON_CLEAN = {"layout", "placeholder"}

pytestmark = pytest.mark.skipif(not CLEAN.is_dir(), reason="../shared/corpus/real is not beside this checkout")


def _visible(text: str) -> str:
    """The text without whitespace and invisible format characters (zero-width spaces)."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def _texts(folder: Path):
    return sorted(folder.glob("*.txt"))


def test_clean_texts_have_no_findings_outside_layout_and_placeholder(all_rules):
    offending = []
    for path in _texts(CLEAN):
        text = path.read_text(encoding="utf-8")
        offending += [
            f"{path.name}: {f.rule} {text[f.start : f.end]!r}" for f in engine.check(text, all_rules) if f.category not in ALLOWED_ON_CLEAN
        ]
    assert offending == []


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fixing_clean_texts_changes_only_whitespace(all_rules, unsafe):
    for path in _texts(CLEAN):
        text = path.read_text(encoding="utf-8")
        result = engine.fix(text, all_rules, unsafe=unsafe)
        assert result.converged, path.name
        assert _visible(result.text) == _visible(text), path.name


def test_wild_reports_are_processed_and_fixes_converge(all_rules):
    for path in _texts(WILD):
        text = path.read_text(encoding="utf-8")
        result = engine.fix(text, all_rules)
        assert result.converged, path.name
        assert engine.fix(result.text, all_rules).text == result.text, path.name
