"""The fix loop does not check the world again (issue 19): after the first pass, the rules that read
lines alone run only on the lines the fixes made (lint.engine.linescope.CarriedHits), and what
they found on the other lines is carried over. Every shortcut is held here to the plain loop,
full checks until the text is stable, on every corpus and on generated documents, safe and
unsafe: the same fixed text, findings, counts and refusals."""

from __future__ import annotations

import random
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint import api
from lint.engine import core as engine
from lint.files import encodings
from lint.packs.load import load_rules

from . import variants
from .conftest import CYCLE_PACK, pattern_rule
from .test_cli import ENV

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


def _cpu(args: list[str], folder: Path) -> float:
    """CPU seconds of a plancheck run in a subprocess (its own, not the machine's load)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "lint", *args], cwd=folder, env=ENV, capture_output=True, timeout=600, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def test_fix_costs_little_more_than_a_check(tmp_path):
    """`--fix` re-checked the whole text after each pass; now only the lines the fixes made are read
    again by the rules that read lines alone. On documents each fixed in one pass (a watermark in
    one line of each), a fixing run costs a check and a little: start-up left out, well under the
    two checks it was."""
    clean = sorted((SHARED / "real" / "clean").glob("*.txt"))
    if not clean:
        pytest.skip("../shared/corpus/real is not beside this checkout")
    prose = [line for path in clean for line in path.read_text(encoding="utf-8").splitlines() if line.endswith("。") and len(line) > 30]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(min(120, len(prose) // 30)):
        lines = prose[n * 30 : n * 30 + 30]
        lines[7] = lines[7][:10] + "【更多素^材搜索哒%哒%*文库】" + lines[7][10:]
        (corpus / f"{n:03}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "a.txt").write_text("正文。\n", encoding="utf-8")

    def best(args: list[str], folder: Path) -> float:
        times = []
        for _ in range(3):
            work = tmp_path / "work"
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(folder, work)
            times.append(_cpu([*args, "--no-cache", "-j", "1", "work"], tmp_path))
        return min(times)

    start_up = best(["check"], tmp_path / "empty")
    check = best(["check"], corpus) - start_up
    fix = best(["check", "--fix"], corpus) - start_up
    assert fix < 1.5 * check, (fix, check)
