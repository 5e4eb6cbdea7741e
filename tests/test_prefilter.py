"""The prefilter (one Hyperscan pass) only ever removes work: wherever a rule hits, the prefilter
said it could; and where Hyperscan and Python's regex disagree, it stands aside."""

from __future__ import annotations

from pathlib import Path

import hyperscan
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import api
from lint.engine import core as engine
from lint.engine import prefilter
from lint.files import usercache
from lint.packs import compiled
from lint.packs.load import PackError, RuleSet, load_rules

from .conftest import pattern_rule
from .test_linescope import WHOLE
from .test_properties import EXAMPLES

RULES = load_rules()


pytestmark = pytest.mark.usefixtures("prefilter_every_text")


FLAGS = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_PREFILTER


def _hyperscan_matches(expression: str, chars: list[str]) -> list[bool]:
    """Whether Hyperscan's `expression` matches each of `chars` on its own."""
    database = hyperscan.Database()
    database.compile(expressions=[expression.encode()], ids=[0], elements=1, flags=[FLAGS])
    separator = "\x00"
    data = separator.join(chars).encode()
    ends = set()
    database.scan(data, match_event_handler=lambda i, start, end, flags, context: ends.add(end))
    out, offset = [], 0
    for ch in chars:
        offset += len(ch.encode())
        out.append(offset in ends)
        offset += 1
    return out


CHECKED = [chr(c) for a, b in prefilter.CHECKED_RANGES for c in range(a, b + 1) if chr(c) != "\x00"]


@pytest.mark.parametrize("prop", [r"\p{Han}", r"\p{L}", r"\p{N}", r"\p{P}", r"\d", r"\D", r"\s", r"\S", r"\P{Han}", "."])
def test_on_the_checked_characters_hyperscan_and_regex_agree(prop):
    python = regex.compile(prop)
    expected = [python.fullmatch(ch) is not None for ch in CHECKED]
    found = _hyperscan_matches(prop, CHECKED)
    assert [ch for ch, e, f in zip(CHECKED, expected, found, strict=True) if e != f] == []


def test_caseless_letters_agree_on_the_checked_characters():
    letters = [ch for ch in CHECKED if ch.isalpha() and ch.lower() != ch.upper()]
    for ch in letters:
        python = regex.compile("(?i)" + regex.escape(ch))
        expected = [python.fullmatch(other) is not None for other in letters]
        assert _hyperscan_matches("(?i)" + ch, letters) == expected, ch


@pytest.mark.parametrize("source", [r"\w+", r"[[:punct:]]", r"\p{Sc}", r"a\W", r"\mabc", r"abc\M"])
def test_classes_read_differently_are_not_prefiltered(source):
    assert prefilter.pcre(source) is None


def test_a_text_with_an_unchecked_character_is_not_prefiltered_and_still_checked():
    filter_ = prefilter.for_rules(RULES)
    text = "加强D的建设，推进𠀀工作。\n"  # U+20000, an ideograph Hyperscan does not know
    assert filter_.scan(text) is None
    assert [f.rule for f in engine.check(text, RULES)] == [f.rule for f in engine.check(text, WHOLE)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"^[ \t]*(?:来源|时间)[：:]$", r"[ \t]*(?:来源|时间)[：:]"),
        (r"[^$\n]+$", r"[^$\n]+"),
        (r"\$\d{1,30}", r"\$\d{1,}"),
        (r"\bD\B\Z", "D"),
        (r"[ \t\u3000]{2}", r"[ \t\x{3000}]{2}"),
        (r"\x{41}{9}", r"\x{41}{9,}"),
        (r"“{,2}", r"“{0,2}"),
        (r"a{,9}b{2,}", r"a{0,}b{2,}"),
        (r"\A(?:[ \t]*\n)+", r"(?:[ \t]*\n)+"),  # a kind may read its trigger one line at a time
        (r"[[]x$", r"[[]x"),  # a [ inside a class is a member: the ] after it ends the class
        (r"[]]a$|[^]]b$", r"[]]a|[^]]b"),  # the start of the document, where Hyperscan reads it too
    ],
)
def test_expressions_are_loosened_into_hyperscans_dialect(source, expected):
    assert prefilter.pcre(source) == expected


TOC_WITH_LINE_ANCHORS = r'''
[[rule]]
id = "ST901"
name = "toc-entry-without-heading-by-line"
category = "structure"
severity = "warning"
message = "m"
kind = "toc"
check = "missing-heading"
heading = """\A[ \t\u3000]*目[ \t\u3000]*录[ \t\u3000]*\Z"""
fix = "none"
description = "What: test."
[[rule.examples]]
bad = "目录\n甲工作计划\n乙工作计划\n\n甲工作计划\n正文。\n"
[[rule.examples]]
good = "正文。\n"
'''


def test_an_expression_read_one_line_at_a_time_keeps_its_hits_whatever_its_anchors(tmp_path):
    # toc applies `heading` to single lines, where \A and \Z are the line's ends: kept for
    # Hyperscan, \A (the text's start there) made the rule skip every document not opening on 目录
    pack = tmp_path / "toc.toml"
    pack.write_text(TOC_WITH_LINE_ANCHORS.replace('"""', "'''"), encoding="utf-8")
    rules = load_rules((pack,))
    text = "工作计划汇编\n目录\n甲工作计划\n乙工作计划\n\n甲工作计划\n正文。\n" + "正文。\n" * 8000
    assert prefilter.for_rules(rules).scan(text) is not None
    assert [f.rule for f in engine.check(text, rules) if f.rule == "ST901"] == ["ST901"]


def test_leading_blank_lines_are_found_outside_the_prefilter():
    # \A(?:[ \t]*\n)+, loosened, would match at every line end of every document
    filter_ = prefilter.for_rules(RULES)
    assert "LY002" not in filter_._rule_triggers
    for text, count in [("\n\n第一段。\n", 1), ("第一段。\n\n\n第二段。\n", 0), ("第一段。\n" + " \n" * 50, 0)]:
        assert [f.rule for f in engine.check(text, RULES) if f.rule == "LY002"] == ["LY002"] * count


def test_an_orphan_bracket_line_at_either_end_of_the_text_is_joined():
    for text in ("（\n三）改革开放以来，我们取得了巨大成就，继续推进各项工作。\n", "前言，继续推进各项工作。\n（\n"):
        assert prefilter.for_rules(RULES).scan(text) is not None
        assert engine.fix(text, RULES).text == engine.fix(text, WHOLE).text
    assert engine.fix("（\n三）改革开放以来，我们取得了巨大成就。\n", RULES).text == "（三）改革开放以来，我们取得了巨大成就。\n"
    # an orphan line is the only place to join: no other line end the prefilter would look at
    text = "起好步。\n【\n（一）因地制宜加快发展新质生产力。\n"
    assert engine.check(text, RULES) == engine.check(text, WHOLE) != []


def test_a_folding_rule_finds_what_only_folding_shows():
    # ＷＷＷ．ｅｘａｍｐｌｅ．ｃｏｍ: the prefilter sees full-width letters, the rule sees www.example.com
    text = "欢迎访问ＷＷＷ．ＥＸＡＭＰＬＥ．ＣＯＭ，获取更多资料。\n"
    assert [f.rule for f in engine.check(text, RULES)] == [f.rule for f in engine.check(text, WHOLE)]
    assert "WM003" in [f.rule for f in engine.check(text, RULES)]


def test_a_line_local_folding_rule_looks_only_at_its_candidates_and_the_lines_folding_changes(monkeypatch):
    # one line folds (full-width digits); the watermark's trigger matches on another: the rule
    # reads those two lines, not the hundreds of others
    text = "前言。\n" * 300 + "完成投资１２３亿元。\n" + "第二段。\n" * 300 + "带动增收。【更多素^材搜索哒%哒%*文库】\n"
    [watermark] = RULES.only(["WM001"])
    seen: list[str] = []
    find = type(watermark.matcher).find

    def recording(self, doc):
        seen.append(doc.text)
        return find(self, doc)

    monkeypatch.setattr(type(watermark.matcher), "find", recording)
    assert [f.rule for f in engine.check(text, RULES) if f.rule == "WM001"] == ["WM001"]
    assert seen == ["完成投资１２３亿元。\n带动增收。【更多素^材搜索哒%哒%*文库】\n"]


@given(st.lists(st.sampled_from(["前言", "１２", "①", "ａ", "，", "㈠", "x", "　", "\u00a0", "…", "\n"]), max_size=30))
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_lines_folding_changes_are_those_whose_folded_text_differs(pieces):
    from lint.engine.document import Document, FoldedText

    text = "".join(pieces)
    expected = [i for i, line in enumerate(text.split("\n")) if FoldedText(line).text != line]
    assert Document(text).folding_lines() == expected
    assert bool(expected) == FoldedText(text).changed


def test_trailing_blanks_on_a_long_line_are_found():
    # Hyperscan finds no match of [ \t]+$ in a multi-line text longer than 16 bytes: anchors are left out
    text = "一、总体要求和主要目标任务  \n第二行。\n"
    assert [f.rule for f in engine.check(text, RULES)] == ["LY001"]


def test_the_database_is_built_once_and_kept_with_the_compiled_rule_set(tmp_path, monkeypatch):
    """Kept sealed beside the rule set (lint.packs.compiled); a damaged copy is rebuilt, never loaded."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(usercache, "_secret", None)
    rules = RULES.only(["PW001", "RD001", "LY006"])
    assert rules.kept is not None
    built = prefilter.for_rules.__wrapped__(rules)
    files = list((tmp_path / "plancheck").glob("ruleset-*.hsdb"))
    assert built is not None and len(files) == 1
    text = "前言\n加强D的建设##paidbegin##。\n"
    scanned = built.scan(text)
    assert built.candidates(scanned, "PW001") == [1] and built.candidates(scanned, "RD001") == [1]
    monkeypatch.setattr(prefilter, "_build", lambda expressions: pytest.fail("built again"))
    again = prefilter.for_rules.__wrapped__(rules)
    assert again.candidates(again.scan(text), "PW001") == [1]
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    files[0].write_bytes(files[0].read_bytes()[:-1] + b"x")
    rebuilt = prefilter.for_rules.__wrapped__(rules)
    assert rebuilt.candidates(rebuilt.scan(text), "PW001") == [1]


def test_without_hyperscan_every_rule_runs_everywhere(monkeypatch):
    monkeypatch.setattr(prefilter, "_import_hyperscan", lambda: False)
    rules = RuleSet(tuple(r.with_matcher(r.matcher) for r in RULES))  # a new set (new bodies): not in the cache
    text = "加强D的建设##paidbegin##，推进工作。\n"
    assert prefilter.for_rules(rules) is None
    assert engine.check(text, rules) == engine.check(text, RULES)


def _snippets():
    for rule in RULES:
        for example in rule.examples:
            yield from (t for t in (example.bad, example.good) if t)


SNIPPETS = sorted(set(_snippets()))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.sampled_from(SNIPPETS), st.sampled_from(["", "\n", "\n\n", "，", " ", "\r\n"])), min_size=1, max_size=12))
def test_rule_examples_in_any_order_and_context_find_the_same_with_and_without_the_prefilter(parts):
    text = "".join(snippet + glue for snippet, glue in parts)
    assert engine.check(text, RULES) == engine.check(text, WHOLE)
    fixed, whole = engine.fix(text, RULES, unsafe=True), engine.fix(text, WHOLE, unsafe=True)
    assert (fixed.text, fixed.remaining) == (whole.text, whole.remaining)


def test_an_unwritable_cache_folder_builds_the_database_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    built = prefilter.for_rules.__wrapped__(RULES.only(["PW001"]))
    assert built.candidates(built.scan("前言\n正文##paidend##\n"), "PW001") == [1]


def test_the_cache_folder_keeps_only_the_most_recently_used_databases(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(usercache, "_secret", None)
    built = [prefilter.for_rules.__wrapped__(RULES.only([rule.id])) for rule in RULES]
    assert sum(p is not None for p in built) > compiled.KEEP
    assert len(list((tmp_path / "plancheck").glob("ruleset-*"))) == compiled.KEEP


def test_hard_wraps_are_joined_the_same_in_a_text_with_suppression_directives():
    # a directive makes the fix loop wrap every rule to honour it; the wrapped hard-wrap rule must
    # still be given every line its trigger matches, not only the first (one join a pass would
    # never settle 40 of them)
    wrapped = (
        "全面推进乡村振兴战略，持续深化农村改革，不断拓宽增收渠道，切实提高村集体造血功能，"
        "扎实推进基层治理体系建设和带动村民增收水\n平，推动各项工作取得实效。\n"
    )
    text = "<!-- plancheck: disable RD001 -->\n前言。\n" + wrapped * 40
    settings = {"max-deletion": 1.0}
    with_prefilter = api.fix_text(text, config=settings).text
    prefilter.BUILD_FROM = 10**9
    prefilter._loaded.clear()
    without = api.fix_text(text, config=settings).text
    assert with_prefilter == without
    assert with_prefilter.count("水平") == 40


def _user_rules(tmp_path, patterns: dict[str, str]) -> RuleSet:
    text = "".join(pattern_rule(f"WD9{i:02}", f"user-rule-{i:02}", p, bad) for i, (p, bad) in enumerate(patterns.items(), 1))
    pack = tmp_path / "user.toml"
    pack.write_text(text, encoding="utf-8")
    return load_rules((pack,))


def test_regex_only_constructs_in_a_user_pack_do_not_switch_its_rule_off(tmp_path):
    """`{,n}` is {0,n} to `regex` and nothing to Hyperscan; \\m and \\M (word start and end) compile
    in Hyperscan and match nothing there: such rules still find their hits."""
    rules = _user_rules(tmp_path, {"“{,2}测试”": "这是“测试”。", r"\mabc": "x abc", r"abc\M": "abc x"})
    text = "这是“测试”。\nx abc\nabc x\n"
    found = sorted((f.rule, f.start) for f in engine.check(text, rules) if f.rule.startswith("WD9"))
    assert found == [("WD901", 2), ("WD902", 10), ("WD902", 14), ("WD903", 10), ("WD903", 14)]


def test_a_rule_hyperscan_misreads_on_its_own_examples_is_left_unfiltered(tmp_path, monkeypatch):
    rules = _user_rules(tmp_path, {"甲乙": "甲乙"})
    real = prefilter.pcre
    monkeypatch.setattr(prefilter, "pcre", lambda source: "NEVER-MATCHES" if source == "甲乙" else real(source))
    filter_ = prefilter.for_rules(rules)
    assert "WD901" not in filter_._rule_triggers and "RD001" in filter_._rule_triggers
    assert [f.rule for f in engine.check("加强甲乙。\n", rules)] == ["WD901"]


def _hard_wrap_variant(tmp_path, **options: str) -> RuleSet:
    """LY006 as a user rule (LY906) with some of its expressions replaced."""
    layout = (Path(__file__).resolve().parents[1] / "rules" / "layout.toml").read_text(encoding="utf-8")
    start = layout.index('[[rule]]\nid = "LY006"')
    block = layout[start : layout.index("[[rule]]", start + 1)]
    block = block.replace('id = "LY006"', 'id = "LY906"').replace('name = "hard-line-break"', 'name = "hard-line-break-variant"')
    for key, value in options.items():
        line = f"{key} = '''{value}'''"
        block = regex.sub(rf"(?m)^{key} = '''.*'''$", lambda _, line=line: line, block)
    pack = tmp_path / "wrap.toml"
    pack.write_text(block, encoding="utf-8")
    return load_rules((pack,)).only(["LY906"])


@pytest.mark.parametrize(
    "options",
    [
        {"orphan": r"^\s*[（(“‘《【]\s*$"},  # may span lines: \s takes the line end
        {"continue-start": r"(?=[\p{Han}0-9A-Za-z，。、；：！？”’）》])"},  # matches no character
    ],
)
def test_hard_wrap_expressions_a_user_may_choose_find_the_same_with_and_without_the_prefilter(tmp_path, monkeypatch, options):
    rules = _hard_wrap_variant(tmp_path, **options)
    texts = (
        "前言，继续推进各项工作。\n\n【\n三）改革开放以来，我们取得了巨大成就。\n",
        "定期进行风险分析，\n抓住关键要害，开展有针对性的排查\n整治。二是深化安全检查。\n",
    )
    assert all(prefilter.for_text(rules, text) is not None for text in texts)
    with_prefilter = [[(f.rule, f.start) for f in engine.check(text, rules)] for text in texts]
    monkeypatch.setattr(prefilter, "for_text", lambda rules, text: None)
    plain = [[(f.rule, f.start) for f in engine.check(text, rules)] for text in texts]
    assert with_prefilter == plain and all(plain)


def test_a_user_pattern_whose_class_takes_a_line_end_keeps_its_cross_line_finding(tmp_path):
    """Locality is declared, never guessed from the expression: [\\x00-\\x7f] holds the line end,
    which the guess from the source missed, and with the prefilter loaded the rule was run on its
    candidate lines one by one and lost this finding."""
    pack = tmp_path / "user.toml"
    pack.write_text(pattern_rule("WD901", "user-cross-line", r"甲[\x00-\x7f]+乙", "甲a\\nb乙"), encoding="utf-8")
    rules = load_rules((pack,)).only(["WD901"])
    text = "正文。\n" * 4000 + "甲a\nb乙\n"
    assert prefilter.for_text(rules, text) is not None
    assert [(f.rule, f.start) for f in engine.check(text, rules)] == [("WD901", text.index("甲"))]


def test_a_rule_declared_line_by_line_whose_example_crosses_lines_is_refused_at_load(tmp_path):
    pack = tmp_path / "user.toml"
    table = pattern_rule("WD901", "user-cross-line", r"甲\s+乙", "甲\\n乙").replace('kind = "pattern"', 'kind = "pattern"\nscope = "line"')
    pack.write_text(table, encoding="utf-8")
    with pytest.raises(PackError, match=r"user\.toml:\d+: rule WD901: scope = 'line': example .* line by line"):
        load_rules((pack,))


def test_a_rule_finds_what_its_pattern_says_with_no_list_of_anchors(tmp_path):
    """`anchors` listed what a match must hold; an incomplete list (微信 for (?:微信|VX)) made the
    rule find nothing on 加VX. The key is refused now, with a hint, and the rule finds both."""
    body = pattern_rule("WD901", "contact-line", r"(?:微信|VX)[:：]\w+", "加VX：abc123")
    pack = tmp_path / "user.toml"
    pack.write_text(body.replace('kind = "pattern"', 'kind = "pattern"\nanchors = ["微信"]'), encoding="utf-8")
    with pytest.raises(PackError, match=r"rule WD901: key 'anchors' is no longer read: .*delete the key"):
        load_rules((pack,))
    pack.write_text(body, encoding="utf-8")
    rules = load_rules((pack,)).only(["WD901"])
    for text in ("加VX：abc123\n", "正文。\n" * 4000 + "加VX：abc123\n"):
        assert [f.rule for f in engine.check(text, rules)] == ["WD901"]


def test_a_trigger_that_loosened_matches_everywhere_is_left_out_of_the_prefilter_by_the_engine(tmp_path):
    """No `prefilter = false` hint: the engine sees that `[ \\t]+$` without its anchor is every space."""
    pack = tmp_path / "user.toml"
    body = pattern_rule("WD901", "trailing-blank", r"[ \t]+$", "文字 ")
    pack.write_text(body.replace('kind = "pattern"', 'kind = "pattern"\nprefilter = false'), encoding="utf-8")
    with pytest.raises(PackError, match=r"key 'prefilter' is no longer read: .*delete the key"):
        load_rules((pack,))
    pack.write_text(body, encoding="utf-8")
    rules = load_rules((pack,)).only(["WD901", "PW001"])
    filter_ = prefilter.for_rules(rules)
    assert "WD901" not in filter_._rule_triggers and "PW001" in filter_._rule_triggers
    text = "正文。\n" * 4000 + "结尾 \n"
    assert [f.rule for f in engine.check(text, rules)] == ["WD901"]


@pytest.mark.parametrize(
    ("verbose", "plain"),
    [
        ("(?x) a  b # a comment, with [ and $\n c", "abc"),
        ("(?x)[[] z a", "[[]za"),  # a [ first in a class is a member: the class ends at the first ]
        ("(?x)[] #] x", "[] #]x"),  # a ] first in a class is a member
        ("(?x)a\\ b\\#c", "a\\ b\\#c"),  # escaped white space and # are the expression's
    ],
)
def test_a_verbose_expression_is_read_as_regex_reads_it(verbose, plain):
    assert prefilter._plain(verbose) == plain
    for sample in ("abc", "[za", "]x", " #]x", "a b#c"):
        assert bool(regex.search(verbose, sample)) == bool(regex.search(plain, sample)), sample


def test_a_verbose_expression_with_a_named_character_keeps_its_name_and_never_crashes(tmp_path, monkeypatch):
    r"""`\N{…}` holds spaces that verbose mode must keep; an expression the loosening cannot read is
    left out of the prefilter rather than raising."""
    assert prefilter._plain("(?x) \\N{CJK UNIFIED IDEOGRAPH-4E00} 好 # a comment") == "\\N{CJK UNIFIED IDEOGRAPH-4E00}好"
    pack = tmp_path / "user.toml"
    pack.write_text(pattern_rule("WD901", "named-character", r"(?x) \N{CJK UNIFIED IDEOGRAPH-4E00} 好", "一好"), encoding="utf-8")
    rules = load_rules((pack,)).only(["WD901"])
    text = "正文。\n" * 6000 + "一好\n"
    assert [f.rule for f in engine.check(text, rules)] == ["WD901"]
    monkeypatch.setattr(prefilter, "_plain", lambda source: source + "(")  # a loosening regex cannot read
    assert prefilter._everywhere((r"(?x) a", 0, "", 0)) is True
