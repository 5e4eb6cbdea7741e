"""Property-based tests (hypothesis): for arbitrary text and for generated documents with injected
artifacts, checking never raises, fixing is idempotent, fixes stay inside the lines of their
findings, no fix introduces a new finding, and decoding then encoding is lossless.

The profile is bounded for CI; `PLANCHECK_FUZZ_EXAMPLES=100000 pytest tests/test_properties.py`
runs the long one (see docs/robustness.md for its recorded result)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lint.engine import core as engine
from lint.files import encodings
from lint.packs.load import load_rules

RULES = load_rules()
EXAMPLES = int(os.environ.get("PLANCHECK_FUZZ_EXAMPLES", "150"))
PROFILE = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

SENTENCES = [
    "坚持以人民为中心的发展思想，扎实推进各项工作。",
    "加强党的建设，落实全面从严治党主体责任。",
    "全年完成投资12.5亿元，增长6%。",
    "一是强化排查。二是深化检查。三是加大力度。",
    "按照4D的运输机场标准建设，C级、D级危房全部改造。",
    "举报电话：12345，欢迎群众监督。",
    "【典型案例】某县探索积分制治理模式。",
    "　　各位代表：",
]
ARTIFACTS = [
    "##paidbegin##",
    "$$PAIDEND$$",
    "D的二十大",
    "D建",
    "D员",
    "【更多素^材搜索哒%哒%*文库】",
    "@~【%更#@多素@材文库】",
    "\u200b",
    "XX万元",
    "大兴调查研究之兴",
    "\n【某某素材库】——每天更新材料，会员群同步更新，有意加入请联系：1 4367\n",
    "\n已阅读3页，还剩5页未读\n",
    "\n\n\n",
    "  \n",
    "\n",
    "<U+00A0>",
    "\r\n",
]
PIECES = st.sampled_from(SENTENCES + ARTIFACTS)
DOCUMENTS = st.lists(PIECES, min_size=1, max_size=40).map("".join)
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("D党XX##【】\n\r 　，。")), max_size=400)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, (len(text) if right == -1 else right + 1)


@PROFILE
@given(ANY_TEXT)
def test_arbitrary_text_never_raises_and_fixing_is_idempotent(text):
    engine.check(text, RULES)
    result = engine.fix(text, RULES, unsafe=True, max_deletion=1.0)
    if result.converged:
        assert engine.fix(result.text, RULES, unsafe=True, max_deletion=1.0).text == result.text


@PROFILE
@given(DOCUMENTS)
def test_generated_documents_fix_idempotently_without_new_findings(text):
    for unsafe in (False, True):
        result = engine.fix(text, RULES, unsafe=unsafe, max_deletion=1.0)
        assert result.converged
        again = engine.fix(result.text, RULES, unsafe=unsafe, max_deletion=1.0)
        assert again.text == result.text
        before = {(f.rule, text[f.start : f.end]) for f in result.initial}
        after = {(f.rule, result.text[f.start : f.end]) for f in result.remaining}
        assert after <= before


@PROFILE
@given(DOCUMENTS)
def test_every_edit_stays_within_the_lines_of_its_finding(text):
    for finding in engine.check(text, RULES):
        if finding.fix is None:
            continue
        left, right = _line_bounds(text, finding.start, finding.end)
        for edit in finding.fix.edits:
            # an edit may reach the line end before the span (a deleted line's newline)
            assert left - 2 <= edit.start <= edit.end <= right, (finding.rule, edit)


ENCODABLE = {
    "utf-8": st.text(max_size=200).filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t)),
    "gb18030": st.text(alphabet=st.sampled_from("加强党的建设推进高质量发展，。：“”一二三ABC123\n\r "), max_size=200),
    "big5": st.text(alphabet=st.sampled_from("臺灣省政府工作報告加強黨的建設，。：一二三ABC123\n "), max_size=200),
}


@PROFILE
@given(st.sampled_from(sorted(ENCODABLE)), st.data(), st.booleans())
def test_decode_then_encode_is_lossless(encoding, data, bom):
    text = data.draw(ENCODABLE[encoding])
    bom = bom and encoding == "utf-8"
    raw = encodings.encode(text, encoding, bom)
    decoded = encodings.decode(raw, encoding)
    assert decoded.text == text
    assert encodings.encode(decoded.text, decoded.encoding, decoded.bom) == raw


@PROFILE
@given(st.text(max_size=200).filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t)), st.booleans())
def test_utf16_with_bom_round_trips(text, big_endian):
    # UTF-16-LE's mark followed by a NUL character is UTF-32-LE's mark: such a "text" (a NUL first)
    # reads as UTF-32 where it can, and is no document either way
    assume(big_endian or not text.startswith("\x00"))
    encoding = "utf-16-be" if big_endian else "utf-16-le"
    raw = encodings.encode(text, encoding, True)
    assert encodings.decode(raw) == encodings.Decoded(text, encoding, True)
