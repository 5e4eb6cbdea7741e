"""Real official texts from ../shared/corpus/real: laws and regulations must come out untouched
(but for whitespace), and scraped reports must be processed without harm."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from lint.engine import core as engine

from .conftest import ROOT, SHARED

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


FURNITURE = re.compile(
    r"^(?:下载|打印|全屏|收藏|【字号：|加大|还原|减小|】|【字体：|大|中|小|>|首页|分享[:：]?)$"
    r"|扫一扫在手机打开当前页|^打印本页$|^关闭窗口$|当前位置|您的位置|【字体：大 中 小】|（责任编辑"
    r"|上一页|^相关报道：$|^[0-9a-f]{32}:|<!--|<U\+[0-9A-F]{4}>|E-mail推荐|点击图片进入专题|^相关(?:文档|附件|链接)",
    re.M,
)


def _sentences(text: str) -> list[str]:
    """Sentences of the report: each line cut at 。, without page furniture and escapes."""
    text = re.sub(r"<U\+[0-9A-F]{4}>", "", text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    out = []
    previous = ""
    for line in text.splitlines():
        # a related-article title follows its hexadecimal id, a breadcrumb item its `>`
        if FURNITURE.search(line) or re.match(r"[0-9a-f]{32}:|>$", previous):
            previous = line
            continue
        previous = line
        out += [s for s in _visible(line).split("。") if len(s) >= 6]
    return out


def test_wild_page_furniture_goes_and_every_sentence_stays(all_rules):
    for path in _texts(WILD):
        text = path.read_text(encoding="utf-8")
        fixed = engine.fix(text, all_rules).text
        assert FURNITURE.findall(fixed) == [], path.name
        kept = _visible(fixed)
        lost = [s for s in _sentences(text) if s not in kept]
        assert lost == [], path.name


def test_the_prefilter_never_changes_a_finding(all_rules, monkeypatch):
    """The prefilter only removes work: on every corpus we have, checking with it on every text
    (however short) finds exactly what checking with none does."""
    from lint.engine import prefilter

    paths = [*_texts(CLEAN), *_texts(WILD)]
    paths += sorted((ROOT / "tests" / "golden").glob("*.txt")) + sorted((ROOT / "examples").rglob("*.*"))
    texts = [path.read_text(encoding="utf-8-sig") for path in paths]
    monkeypatch.setattr(prefilter, "BUILD_FROM", 0)
    with_prefilter = [engine.check(text, all_rules) for text in texts]
    assert prefilter.for_text(all_rules, texts[0]) is not None
    monkeypatch.setattr(prefilter, "for_text", lambda rules, text: None)
    assert [engine.check(text, all_rules) for text in texts] == with_prefilter

