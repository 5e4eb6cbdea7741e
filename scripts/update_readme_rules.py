"""Rewrite the rule table in README.md from the packs (run after adding or changing a rule)."""

from __future__ import annotations

from pathlib import Path

from lint.cli.main import rules_markdown
from lint.packs.load import load_rules

README = Path(__file__).resolve().parents[1] / "README.md"
START = "<!-- rules-table:start"
END = "<!-- rules-table:end -->"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    marker, _ = rest.split("-->", 1)
    _, tail = rest.split(END, 1)
    table = rules_markdown(load_rules())
    README.write_text(f"{head}{START}{marker}-->\n{table}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
