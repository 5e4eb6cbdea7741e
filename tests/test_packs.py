"""Packs are validated strictly: every mistake is an error naming the pack file and the rule id."""

from __future__ import annotations

import re

import pytest

from lint.files import usercache
from lint.packs import load as packs
from lint.packs.load import CATEGORIES, PackError, builtin_pack_paths, load_pack, load_rules

GOOD_RULE = """
[[rule]]
id = "PW901"
name = "test-marker"
category = "paywall"
severity = "error"
message = "Marker"
kind = "pattern"
pattern = '''@@cut@@'''
fix = "safe"
fix-title = "Delete the marker"
description = "What: a test marker."
[[rule.examples]]
bad = "a@@cut@@b"
fixed = "ab"
[[rule.examples]]
good = "ab"
"""


def _pack(tmp_path, text, name="user.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_user_pack_loads(tmp_path):
    rules = load_pack(_pack(tmp_path, GOOD_RULE))
    assert [r.id for r in rules] == ["PW901"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("pattern = '''@@cut@@'''", "patern = '''@@cut@@'''"), "unknown key 'patern' (did you mean 'pattern'?)"),
        (("'''@@cut@@'''", "'''(unclosed'''"), "invalid regular expression"),
        (('kind = "pattern"', 'kind = "patern"'), "unknown kind 'patern' (did you mean 'pattern'?)"),
        (('category = "paywall"', 'category = "paywal"'), "unknown category 'paywal' (did you mean 'paywall'?)"),
        (('id = "PW901"', 'id = "RD901"'), "ids of category 'paywall' start with PW"),
        (('name = "test-marker"', 'name = "Test_Marker"'), "must be kebab-case"),
        (('severity = "error"', 'severity = "fatal"'), "severity must be one of"),
        (('fix-title = "Delete the marker"', ""), "needs 'fix-title'"),
        (('good = "ab"', 'bad = "ab@@cut@@"'), "at least one 'bad' and one 'good'"),
        (('message = "Marker"', 'message = "Marker {oops}"'), "message may use only"),
    ],
)
def test_invalid_rule_is_an_error_naming_file_and_rule(tmp_path, change, message):
    path = _pack(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(PackError) as info:
        load_pack(path)
    text = str(info.value)
    assert str(path) in text and message in text
    if "'id'" not in message:  # the error points at the line of the offending key (or the rule's id)
        assert re.search(rf"{re.escape(str(path))}:\d+: ", text), text
    if "'id'" not in message:
        assert "PW901" in text or "RD901" in text


def test_invalid_toml_names_line_and_column(tmp_path):
    path = _pack(tmp_path, GOOD_RULE + "\n[[rule]\n")
    with pytest.raises(PackError, match=r"user\.toml: invalid TOML: .*line \d+, column \d+"):
        load_pack(path)


def test_duplicate_id_across_packs(tmp_path):
    first = _pack(tmp_path, GOOD_RULE, "a.toml")
    second = _pack(tmp_path, GOOD_RULE.replace("test-marker", "other-marker"), "b.toml")
    with pytest.raises(PackError, match=r"b\.toml:3: rule PW901: duplicate id \(already defined in .*a\.toml\)"):
        packs.load_rules.__wrapped__((first, second))


def test_user_pack_cannot_reuse_a_builtin_id(tmp_path):
    path = _pack(tmp_path, GOOD_RULE.replace('"PW901"', '"PW001"').replace("test-marker", "x-marker"))
    with pytest.raises(PackError, match="duplicate id"):
        load_rules((path,))


def test_builtin_packs_are_well_formed(all_rules):
    ids = [r.id for r in all_rules]
    assert len(ids) == len(set(ids))
    for rule in all_rules:
        assert rule.id.startswith(CATEGORIES[rule.category])
        assert rule.description.startswith("What:"), rule.id
        assert "Fix safety:" in rule.description, rule.id
    assert {r.category for r in all_rules} == set(CATEGORIES)


@pytest.mark.parametrize("path", builtin_pack_paths(), ids=lambda p: p.name)
def test_builtin_packs_pass_the_checks_a_user_pack_gets(path):
    assert load_pack(path)


def test_a_bad_expression_in_a_user_pack_fails_at_load_beside_the_builtin_packs(tmp_path):
    path = _pack(tmp_path, GOOD_RULE.replace("'''@@cut@@'''", "'''(unclosed'''"))
    with pytest.raises(PackError, match=r"user\.toml:\d+: rule PW901: key 'pattern': invalid regular expression"):
        load_rules((path,))


def test_a_user_pack_is_compiled_once_and_checked_again_when_edited(tmp_path, monkeypatch):
    """The compiled rule set is kept for the packs' bytes (lint.packs.compiled): a later process takes it
    without parsing the packs, and an edited pack is another rule set, checked anew."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(usercache, "_secret", None)
    path = _pack(tmp_path, GOOD_RULE)
    load = packs.load_rules.__wrapped__  # as a new process would, without this one's memo
    assert load((path,)).get("PW901").matcher.pattern.search("a@@cut@@b")
    assert list((tmp_path / "cache" / "plancheck").glob("ruleset-*"))
    with monkeypatch.context() as patch:
        patch.setattr(packs, "parse", lambda content, where: pytest.fail("parsed again"))
        assert load((path,)).get("PW901").matcher.pattern.search("a@@cut@@b")
    path.write_text(GOOD_RULE.replace("'''@@cut@@'''", "'''(unclosed'''"), encoding="utf-8")
    with pytest.raises(PackError, match="invalid regular expression"):
        load((path,))


def test_a_pack_saved_while_it_loads_is_read_as_it_was_hashed(tmp_path, monkeypatch):
    """A compiled rule set is keyed by the bytes hashed: those bytes are what is parsed, so a pack
    saved in between cannot leave a valid rule set under an invalid pack's key."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    bad = GOOD_RULE.replace("'''@@cut@@'''", "'''(unclosed'''")
    path = _pack(tmp_path, bad)
    real_parse = packs.parse

    def saved_meanwhile(content, where):
        if where == path:
            where.write_text(GOOD_RULE, encoding="utf-8")  # the user saves the fixed pack meanwhile
        return real_parse(content, where)

    monkeypatch.setattr(packs, "parse", saved_meanwhile)
    load = packs.load_rules.__wrapped__
    with pytest.raises(PackError, match="invalid regular expression"):
        load((path,))
    monkeypatch.setattr(packs, "parse", real_parse)
    assert load((path,)).get("PW901")  # the fixed pack, now on disk
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(PackError, match="invalid regular expression"):
        load((path,))


READABLE = """
[define]
# the words a stamp's brand may end with
brand_end = ["文库", "素材网"]
stamp = '【(?:[^】\\n]{0,12}(?&brand_end))】'

[[rule]]
id = "WM901"
name = "readable-stamp"
category = "watermark"
severity = "warning"
message = "m"
kind = "pattern"
scope = "line"
pattern = '''(?x)
  (?&stamp)        # a bracketed site stamp: not [ a class, and no $ anchor
  | 〖 [^〗\\n]{0,12} 〗  # the other brackets
'''
fix = "safe"
fix-title = "Delete the stamp"
description = "What: test."
[[rule.examples]]
bad = "正文【更多材料文库】。\\n"
fixed = "正文。\\n"
[[rule.examples]]
good = "正文【通知】。\\n"

[[rule]]
id = "WM902"
name = "listed-markers"
category = "watermark"
severity = "warning"
message = "m"
kind = "pattern"
pattern = ["@@甲@@", "##乙##"]
fix = "none"
description = "What: test."
[[rule.examples]]
bad = "正文##乙##。\\n"
[[rule.examples]]
good = "正文。\\n"
"""


def test_a_pack_may_share_named_expressions_lists_of_alternatives_and_verbose_patterns(tmp_path, monkeypatch):
    """What makes a long expression data a person can change safely; the prefilter reads the verbose
    form as the plain one (its comments are not expression), so it finds the same with and without."""
    from lint.engine import core, prefilter

    pack = _pack(tmp_path, READABLE)
    rules = load_rules((pack,)).only(["WM901", "WM902"])
    text = "正文。\n" * 6000 + "正文【更多材料素材网】。〖某某网〗@@甲@@\n"
    assert prefilter.for_text(rules, text) is not None
    with_prefilter = [(f.rule, text[f.start : f.end]) for f in core.check(text, rules)]
    assert with_prefilter == [("WM901", "【更多材料素材网】"), ("WM901", "〖某某网〗"), ("WM902", "@@甲@@")]
    monkeypatch.setattr(prefilter, "for_text", lambda rules, text: None)
    assert [(f.rule, text[f.start : f.end]) for f in core.check(text, rules)] == with_prefilter


@pytest.mark.parametrize(
    ("define", "message"),
    [
        ('[define]\nBad-Name = "x"\n', "define: name 'Bad-Name' must be lower-case"),
        ("[define]\nempty = []\n", "define: 'empty' must be an expression or a list of them"),
        ('define = "x"\n', "'define' must be a table"),
    ],
)
def test_a_bad_definition_is_refused_with_its_pack(tmp_path, define, message):
    pack = _pack(tmp_path, define + GOOD_RULE)
    with pytest.raises(PackError, match=re.escape(message)):
        load_rules((pack,))


def test_a_pack_whose_example_backtracks_without_end_is_refused_at_load_not_hung(tmp_path, monkeypatch):
    monkeypatch.setattr(packs, "RULE_TIMEOUT", 0.5)  # the limit, shortened for the test
    body = GOOD_RULE.replace("'''@@cut@@'''", "'''(a|aa)+$'''\nscope = \"line\"").replace('bad = "', 'bad = "' + "a" * 40 + "b ", 1)
    pack = _pack(tmp_path, body)
    with pytest.raises(PackError, match=r"rule PW901: example .* ran past 0.5 s: an expression backtracks without end"):
        load_pack(pack)
