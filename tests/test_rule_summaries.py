"""Every rule's summary (the README's rules table, `rules --output-format markdown`, SARIF's
shortDescription) is the whole first sentence of what its description says it flags, checked
against the description itself, not against the generator's own output."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from lint.output.formats import rule_summary

from .conftest import ROOT

FIELDS = ("Why:", "How it decides:", "Never:", "Example:", "Fix safety:")


def _code_spans_closed(text: str) -> bool:
    return text.count("`") % 2 == 0


def test_every_summary_is_the_whole_first_sentence_of_its_description(all_rules):
    for rule in all_rules:
        summary = rule_summary(rule)
        what = rule.description.split("\n\n")[0].replace("\n", " ")
        assert what.startswith(f"What: {summary}"), (rule.id, summary)
        rest = what[len(f"What: {summary}") :]
        # the sentence is whole: nothing of it is left behind, and nothing of the next field came along
        assert rest == "" or re.match(r" (?:[A-Z]|$)", rest), (rule.id, summary, rest[:40])
        assert summary.endswith((".", "…")), (rule.id, summary)
        assert _code_spans_closed(summary), (rule.id, summary)
        assert summary.count("(") == summary.count(")") and summary.count("（") == summary.count("）"), (rule.id, summary)
        assert not any(field in summary for field in FIELDS), (rule.id, summary)


def _cli(*args: str, cwd) -> str:
    command = [sys.executable, "-m", "lint", *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=True, cwd=cwd).stdout


@pytest.fixture(scope="module")
def summaries(all_rules) -> dict[str, str]:
    return {rule.id: rule_summary(rule) for rule in all_rules}


def test_the_rules_table_markdown_and_sarif_carry_the_summaries(summaries, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = _cli("rules", "--output-format", "markdown", cwd=tmp_path)
    for table in (readme, listed):
        rows = [re.split(r"(?<!\\)\|", line)[1:-1] for line in re.findall(r"^\| [A-Z]{2}\d{3} \|.*$", table, re.M)]
        assert {row[0].strip(): row[-1].strip().replace("\\|", "|") for row in rows} == summaries
    (tmp_path / "a.txt").write_text("加强D建工作。\n", encoding="utf-8")
    sarif = json.loads(_cli("--output-format", "sarif", "--exit-zero", "a.txt", cwd=tmp_path))
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(r["shortDescription"]["text"] == summaries[r["id"]] for r in rules if r["id"] in summaries)
