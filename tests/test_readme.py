"""The README stays true: its set-up block, its rule table and its hook list."""

from __future__ import annotations

import re

from lint.cli.main import rules_markdown

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_exactly_two_setup_commands():
    block = re.match(r"# plancheck\n\n```sh\n(.*?)```", README, re.S)
    assert block, "README must open with the set-up block"
    commands = block.group(1).strip().splitlines()
    assert len(commands) == 2
    assert "pip install -e '.[dev]'" in commands[0] and "plancheck check examples/corpus" in commands[0]
    assert commands[1].endswith("-m pytest")


def test_rule_table_is_generated_from_the_packs(all_rules):
    table = README.split("<!-- rules-table:start", 1)[1].split("-->", 1)[1].split("<!-- rules-table:end -->")[0]
    assert table.strip() == rules_markdown(all_rules).strip(), "run: python scripts/update_readme_rules.py"


def test_every_hook_id_is_documented():
    hooks = re.findall(r"^- id: (\S+)", (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"), re.M)
    assert hooks == ["plancheck", "plancheck-fix"]
    for hook in hooks:
        assert f"`{hook}`" in README
