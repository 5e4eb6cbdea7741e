"""Rule selectors (`ALL`, a category, a rule name, an id or id prefix) resolved as ruff does:
for each rule the most specific matching selector decides, and on a tie `ignore` wins."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .packs import CATEGORIES, Rule, RuleSet
from .suggest import did_you_mean


class SelectorError(ValueError):
    pass


def _specificity(selector: str, rule: Rule) -> int | None:
    if selector == "ALL":
        return 0
    if selector == rule.category:
        return 1
    if selector == rule.name:
        return 10
    if rule.id.startswith(selector):
        return 1 + len(selector)
    return None


def validate(selectors: Iterable[str], rules: RuleSet, where: str) -> None:
    vocabulary = {"ALL", *CATEGORIES, *(r.name for r in rules), *(r.id for r in rules)}
    for selector in selectors:
        if not isinstance(selector, str) or not selector:
            raise SelectorError(f"{where}: selectors must be non-empty strings")
        if selector in vocabulary or any(r.id.startswith(selector) for r in rules if selector.isupper()):
            continue
        raise SelectorError(f"{where}: unknown rule selector '{selector}'{did_you_mean(selector, vocabulary)}")


def resolve(rules: RuleSet, select: Sequence[str] | None, extend_select: Sequence[str], ignore: Sequence[str]) -> set[str]:
    positive = list(select if select is not None else ["ALL"]) + list(extend_select)
    chosen = set()
    for rule in rules:
        best: tuple[int, int] | None = None  # (specificity, 1 for ignore so that it wins a tie)
        for selectors, is_ignore in ((positive, 0), (ignore, 1)):
            for selector in selectors:
                spec = _specificity(selector, rule)
                if spec is not None and (best is None or (spec, is_ignore) > best):
                    best = (spec, is_ignore)
        if best is not None and best[1] == 0:
            chosen.add(rule.id)
    return chosen
