"""The fix loop does not check the world again (issue 19): after the first pass, the rules that read
lines alone run only on the lines the fixes made (lint.engine.linescope.CarriedHits), and what
they found on the other lines is carried over. Every shortcut is held here to the plain loop,
full checks until the text is stable, on every corpus and on generated documents, safe and
unsafe: the same fixed text, findings, counts and refusals."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lint import api
from lint.engine import core as engine
from lint.files import encodings
from lint.packs.load import load_rules

from . import variants
from .conftest import CYCLE_PACK, pattern_rule

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def _plain_fix(fix, *args, **options):
    """`fix(*args, **options)` with every pass a full check of the text: the reference loop."""
    check = engine._check_timed
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "_check_timed", lambda text, rules, timeout, carried=None: check(text, rules, timeout))
        return fix(*args, **options)


def _assert_as_plain(text: str, rules, where: str, **options) -> None:
    for unsafe in (False, True):
        carried = engine.fix(text, rules, unsafe=unsafe, **options)
        plain = _plain_fix(engine.fix, text, rules, unsafe=unsafe, **options)
        assert carried == plain, f"{where} (unsafe={unsafe})"


def _corpus(folder: Path, pattern: str) -> list[Path]:
    return sorted(p for p in folder.glob(pattern) if p.is_file() and ".fixed" not in p.name and ".findings" not in p.name)


CORPORA = {
    "golden": (ROOT / "tests" / "golden", "*.txt"),
    "examples": (ROOT / "examples" / "corpus", "**/*"),
    "devcorpus": (ROOT / "benchmarks" / "devcorpus", "*/input.txt"),
    "real": (SHARED / "real", "*/*.txt"),
    "seeds": (SHARED / "seeds", "*.txt"),
}


@pytest.mark.parametrize("prefiltered", [False, True], ids=["as-loaded", "prefilter-everywhere"])
@pytest.mark.parametrize("corpus", CORPORA)
def test_the_fix_loop_gives_what_full_checks_give_on_every_corpus(corpus, prefiltered, all_rules, request):
    if prefiltered:
        request.getfixturevalue("prefilter_every_text")
    folder, pattern = CORPORA[corpus]
    paths = _corpus(folder, pattern)
    if not paths:
        pytest.skip(f"{folder} is not beside this checkout")
    for path in paths:
        try:
            text = encodings.decode(path.read_bytes()).text
        except encodings.DecodeError:
            continue  # a file plancheck does not read
        _assert_as_plain(text, all_rules, str(path))


@pytest.mark.parametrize("script", variants.SCRIPTS)
@pytest.mark.parametrize("name", variants.families())
def test_the_fix_loop_gives_what_full_checks_give_on_generated_documents(name, script, all_rules):
    if not variants.CLEAN.is_dir():
        pytest.skip("../shared/corpus/real is not beside this checkout")
    family = variants.families()[name]
    for which in ("artifacts", "traps"):
        for case in variants.cases(family, which, 40, seed=19, script=script):
            _assert_as_plain(case.text, all_rules, case.what)


def test_the_fix_loop_gives_what_full_checks_give_on_documents_of_many_artifacts(all_rules):
    """Artifacts of every family in one document: fixes of one kind touch the lines of another."""
    if not variants.CLEAN.is_dir():
        pytest.skip("../shared/corpus/real is not beside this checkout")
    rng = random.Random(19)
    families = list(variants.families().values())
    for round_ in range(12):
        cases = [case for family in families for case in variants.cases(family, "artifacts", 3, seed=round_)]
        rng.shuffle(cases)
        text = "".join(case.text for case in cases[:20])
        _assert_as_plain(text, all_rules, f"round {round_}")
        _assert_as_plain(text.replace("\n", "\r\n"), all_rules, f"round {round_}, CRLF")


def test_the_guards_refuse_as_full_checks_do(all_rules, tmp_path):
    text = (SHARED / "seeds").glob("*.txt")
    seed = next(iter(sorted(text)), None)
    if seed is None:
        pytest.skip("../shared/corpus/seeds is not beside this checkout")
    seed_text = seed.read_text(encoding="utf-8")
    deleting = "加强D建工作。\n##paidbegin##\n" * 3 + seed_text
    for options in ({"max_deletion": 0.0001}, {"max_insertion": 0.0}, {"max_passes": 1}, {"timeout": 1e-9}):
        carried = engine.fix(deleting, all_rules, **options)
        assert carried == _plain_fix(engine.fix, deleting, all_rules, **options), options
    pack = tmp_path / "cycle.toml"
    pack.write_text(CYCLE_PACK + pattern_rule("WD903", "slow-user-rule", r"(?:甲|乙)+丙", "甲丙"), encoding="utf-8")
    rules = load_rules((pack,)).only(["WD901", "WD902", "PW001", "RD001", "WD903"])
    for text in ("开始##paidbegin##甲结束\n加强D建。\n", "加强D建。\n" * 50 + "开始甲结束\n"):
        carried = engine.fix(text, rules)
        assert carried == _plain_fix(engine.fix, text, rules)
        assert not carried.converged and carried.unstable_rules == ("WD901", "WD902")
    timed = engine.fix("加强D建。\n" + "甲乙" * 4000 + "\n", rules, timeout=1e-9)
    assert timed.refused and timed == _plain_fix(engine.fix, "加强D建。\n" + "甲乙" * 4000 + "\n", rules, timeout=1e-9)


def test_what_directives_silence_stays_unfixed_as_with_full_checks():
    text = "# 工作计划\n\n<!-- plancheck: disable-next-line RD001 -->\n加强D建工作。\n\n抓好D建。\n\n```\nD建\n```\n"
    text += "推进工作。\n\n" * 30
    for unsafe in (False, True):
        carried = api.fix_text(text, path="plan.md", unsafe=unsafe)
        assert carried == _plain_fix(api.fix_text, text, path="plan.md", unsafe=unsafe)
        assert "加强D建工作" in carried.text and "抓好党建" in carried.text


def test_after_the_first_pass_the_rules_that_read_lines_alone_read_only_the_lines_the_fixes_made(all_rules, monkeypatch):
    """The loop checked the whole text again after each pass; now a rule that reads lines alone
    reads again only the lines the fixes made (here the one a watermark was deleted from), and
    finds what the full check finds."""
    prose = "全面推进乡村振兴战略，持续深化农村改革，不断拓宽增收渠道。\n"
    text = prose * 200 + "带动增收。【更多素^材搜索哒%哒%*文库】\n" + prose * 200
    passes = []  # per pass: the characters each line-local rule read
    check = engine._check_timed

    def counted(*args, **options):
        passes.append({})
        return check(*args, **options)

    monkeypatch.setattr(engine, "_check_timed", counted)
    for rule in all_rules:
        if rule.matcher.line_local:
            find = rule.matcher.find

            def reading(doc, find=find, rule_id=rule.id):
                passes[-1][rule_id] = passes[-1].get(rule_id, 0) + len(doc.text)
                return find(doc)

            monkeypatch.setattr(rule.matcher, "find", reading)
    result = engine.fix(text, all_rules)
    assert result.fixed == {"WM001": 1} and len(passes) == 2
    fixed_line = len("带动增收。\n")
    assert passes[1] and all(read <= fixed_line for read in passes[1].values()), passes[1]
    monkeypatch.setattr(engine, "_check_timed", check)
    assert result == _plain_fix(engine.fix, text, all_rules)
