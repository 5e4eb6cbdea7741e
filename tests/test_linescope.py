"""Running line-local rules on some lines only (those where the prefilter finds a trigger) finds
exactly what running every rule on the whole text finds."""

from __future__ import annotations

import sys

import pytest

from lint.engine import core as engine
from lint.packs.load import RuleSet, load_rules

from .conftest import ROOT, SHARED

RULES = load_rules()


pytestmark = pytest.mark.usefixtures("prefilter_every_text")


class _WholeText:
    """A rule's matcher, run on the whole text every time."""

    line_local = False

    def __init__(self, matcher) -> None:
        self.matcher = matcher

    def find(self, doc):
        return self.matcher.find(doc)


WHOLE = RuleSet(tuple(rule.with_matcher(_WholeText(rule.matcher)) for rule in RULES))


def _texts():
    yield from sorted((ROOT / "benchmarks" / "devcorpus").glob("*/input.txt"))
    yield from sorted((ROOT / "tests" / "golden").glob("seed_*.txt"))
    yield from sorted((SHARED / "corpus" / "real" / "wild").glob("*.txt"))
    yield from sorted((SHARED / "corpus" / "real" / "clean").glob("*.txt"))[::10]


def _generated(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.pop(0)
    folder = tmp_path_factory.mktemp("generated")
    corpus.generate(0.5, folder, seed=7)
    return sorted(folder.glob("*.txt"))


def test_some_rules_are_line_local_and_some_are_not():
    local = {r.id for r in RULES if r.matcher.line_local}
    assert {"AD001", "PW001", "WM001", "LY009"} <= local
    assert not {"LY006", "ST005", "ST001", "BP002", "LY003", "RD001"} & local


@pytest.mark.parametrize("path", list(_texts()), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_line_scoped_check_and_fix_equal_whole_text_ones(path):
    text = path.read_bytes().decode("utf-8", "replace")
    assert engine.check(text, RULES) == engine.check(text, WHOLE)
    for unsafe in (False, True):
        scoped, whole = engine.fix(text, RULES, unsafe=unsafe), engine.fix(text, WHOLE, unsafe=unsafe)
        assert (scoped.text, scoped.remaining, scoped.fixed) == (whole.text, whole.remaining, whole.fixed)


def test_generated_corpus_agrees_too(tmp_path_factory):
    for path in _generated(tmp_path_factory):
        text = path.read_text(encoding="utf-8")
        scoped, whole = engine.fix(text, RULES), engine.fix(text, WHOLE)
        assert (scoped.initial, scoped.text, scoped.remaining) == (whole.initial, whole.text, whole.remaining), path.name


def test_a_line_a_fix_creates_is_checked_again():
    # joining the hard-wrapped lines makes a line that holds a noisy watermark split before: one
    # insertion on each line proves nothing, the two together do
    text = (
        "全面推进乡村振兴战略，持续深化农村改革，不断拓宽增收渠道，切实提高村集体造血功能和带动村民增收水平，"
        "推动各项工作取得实效，提供更^多素\n材#搜索服务，确保群众满意。\n"
    )
    scoped, whole = engine.fix(text, RULES), engine.fix(text, WHOLE)
    assert scoped.fixed == whole.fixed == {"LY006": 1, "WM001": 1}
    assert scoped.text == whole.text

