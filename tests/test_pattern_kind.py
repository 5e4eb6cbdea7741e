"""The pattern kind fills replacement templates itself (lint.kinds.pattern.read_template), so that a
fix needs no call into `regex`'s parser: what it gives must be what Match.expand gives. Its
sentence guard finds sentences from ends found once per document: they must be those a walk from
the match finds."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from lint.engine.document import Document
from lint.files import tomlload
from lint.kinds.base import SENTENCE_END, sentence_span
from lint.kinds.pattern import fill_template, read_template

from .conftest import ROOT

PATTERN = regex.compile(r"(?P<verb>学习|贯彻)(?P<gap>[^\n，]{0,3}?)(?P<rest>新时代)(?P<never>X)?")
TEXT = "深入学习\t新时代中国特色社会主义思想，贯彻新时代"


def _packs_templates() -> list[str]:
    found = []
    for pack in sorted((ROOT / "rules").glob("*.toml")):
        rules = tomlload.parse(pack.read_bytes(), pack).get("rule", [])
        found += [rule["replacement"] for rule in rules if rule.get("kind") == "pattern" and "replacement" in rule]
    return found


def test_the_packs_templates_are_all_read_here_and_filled_as_match_expand_fills_them():
    templates = _packs_templates()
    assert len(templates) >= 3  # the count is not blind (RD001-RD003 left the pattern kind for censored-letter and formulation)
    for template in templates:
        parts = read_template(template)
        assert parts is not None, template
        for m in PATTERN.finditer(TEXT):
            if all(not isinstance(group, str) or group in PATTERN.groupindex for _, group in parts):
                assert fill_template(parts, m) == m.expand(template), template


def test_groups_escapes_and_unmatched_groups_fill_as_match_expand_does():
    for template in [r"\g<0>", r"\g<verb>习近平\g<rest>", r"\n\g<0>\t\\", r"\g<never>空", r"\g<2>\g<01>", r"\g<004>", "", "无模板", "<>"]:
        parts = read_template(template)
        assert parts is not None, template
        for m in PATTERN.finditer(TEXT):
            assert fill_template(parts, m) == m.expand(template), template


def test_a_template_with_another_escape_is_left_to_match_expand():
    for template in [r"\1", r"\x41", r"\u4e00", "\\", r"\g<>", r"\g<a-b>", r"甲\r乙", r"\g<²>", r"\g<①>"]:
        assert read_template(template) is None, template


PIECES = st.sampled_from(["甲", "，", "\n", " ", "<", ">", "g", r"\g<0>", r"\g<1>", r"\g<verb>", r"\g<never>", r"\\", r"\n", r"\t"])


@given(st.lists(PIECES, max_size=8).map("".join))
def test_any_template_of_these_forms_fills_as_match_expand_does(template):
    parts = read_template(template)
    assert parts is not None
    for m in PATTERN.finditer(TEXT):
        assert fill_template(parts, m) == m.expand(template)


def test_a_user_pack_whose_template_names_a_missing_group_fails_at_load_naming_the_rule(tmp_path):
    """Not at the first match, with a traceback: the pack is refused with a one-line error."""
    from lint.packs.load import PackError, load_pack

    from .conftest import pattern_rule

    path = tmp_path / "user.toml"

    def pack(template: str) -> str:
        table = pattern_rule("WD901", "test-template", "(?P<word>甲)乙", "甲乙")
        return table.replace('fix = "none"', f'fix = "safe"\nfix-title = "t"\nreplacement = """{template}"""')

    for template in [r"\\g<5>", r"\\g<nope>"]:
        path.write_text(pack(template), encoding="utf-8")
        with pytest.raises(PackError) as info:
            load_pack(path)
        message = str(info.value)
        assert "WD901" in message and "key 'replacement': the pattern has no group" in message and "\n" not in message, message
    path.write_text(pack(r"\\g<word>丙"), encoding="utf-8")
    assert load_pack(path)[0].matcher.template is not None


def _walked_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) found by walking from it, as the guard once did."""
    left = start
    while left > 0 and not SENTENCE_END.match(text, left - 1):
        left -= 1
    m = SENTENCE_END.search(text, end)
    return left, (m.end() if m else len(text))


@given(st.text(alphabet="甲乙。！？!?\n，", max_size=40), st.data())
def test_sentences_are_those_a_walk_from_the_match_finds(text, data):
    doc = Document(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_span(doc, start, end) == _walked_sentence(text, start, end)
