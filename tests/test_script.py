"""Texts in traditional script: plancheck's rules read them through their simplified view and
fix them in traditional characters; a user's rules read them as written."""

from __future__ import annotations

import subprocess
import sys

from lint.engine import core as engine
from lint.engine import script
from lint.model import Edit
from lint.packs.load import load_rules

from .test_encodings import USER_PACK  # a user rule written in traditional characters: 這個 → 这个

TRADITIONAL = "認真學習宣傳貫徹D的二十大精神，加強D員隊伍建設。\n掃一掃在手機打開當前頁\n堅持以新時代中國特色社會主義思想為指導。\n"


def test_a_traditional_text_is_fixed_in_traditional_characters(all_rules):
    fixed = engine.fix(TRADITIONAL, all_rules).text
    assert fixed == "認真學習宣傳貫徹黨的二十大精神，加強黨員隊伍建設。\n堅持以新時代中國特色社會主義思想為指導。\n"
    unsafe = engine.fix(TRADITIONAL, all_rules, unsafe=True).text
    assert unsafe.endswith("堅持以習近平新時代中國特色社會主義思想為指導。\n")


def test_findings_show_the_text_as_written(all_rules):
    shown = {TRADITIONAL[f.start : f.end] for f in engine.check(TRADITIONAL, all_rules)}
    assert "掃一掃在手機打開當前頁\n" in shown


def test_a_simplified_text_quoting_traditional_characters_is_read_as_it_is():
    text = "组织干部学习《論語》选读。" + "坚持党的全面领导，推进各项工作落实落细，持续改善民生福祉，" * 6
    assert script.simplified_view(text) is None
    assert script.simplified_view(TRADITIONAL) is not None


def test_an_edit_keeps_the_characters_it_does_not_change():
    text = "第一篇　鄉鎮工作計劃……3\n"
    view = script.simplified_view(text * 3)[: len(text)]
    # a fix made on the view that keeps the entry and drops its page number
    edit = script.traditional_edit(text, view, Edit(0, len(text) - 1, view[:10]))
    assert edit == Edit(0, len(text) - 1, "第一篇　鄉鎮工作計劃")
    assert script.traditional_edit(text, view, Edit(3, 3, "习近平")).content == "習近平"


def test_a_users_rule_reads_the_text_as_written(tmp_path):
    pack = tmp_path / "pack.toml"
    pack.write_text(USER_PACK, encoding="utf-8")
    rules = load_rules((pack,))
    text = "這個工作計劃由縣人民政府組織實施，各鄉鎮認真貫徹執行。\n"
    assert [f.rule for f in engine.check(text, rules) if f.rule == "WD901"] == ["WD901"]


def test_a_big5_file_is_fixed_in_big5(tmp_path):
    path = tmp_path / "tw.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    result = subprocess.run([sys.executable, "-m", "lint", "--fix", "tw.txt"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert path.read_bytes().decode("big5") == engine.fix(TRADITIONAL, load_rules()).text


def test_the_characters_that_tell_traditional_script_are_traditional_only():
    import opencc

    to_simplified = opencc.OpenCC("t2s").convert
    listed = script._FREQUENT.pattern.strip("[]")
    assert [ch for ch in listed if to_simplified(ch) == ch] == []


def test_a_short_traditional_text_is_fixed_in_traditional_characters(all_rules):
    # one frequent traditional character only (們): too few for the frequent-character test alone
    text = "我們要堅持綜合治里，再接再勵，一以慣之。\n"
    assert engine.fix(text, all_rules).text == "我們要堅持綜合治理，再接再厲，一以貫之。\n"
    assert script.simplified_view("临时抽调国家级专家。\n") is None
