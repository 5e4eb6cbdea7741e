"""Rule selectors (`ALL`, a category, a rule name, an id or id prefix) resolved as ruff does.

Within one layer (the configuration file, then the command line) the most specific matching
selector decides each rule, and on a tie `ignore` wins. A rule's id and its name are equally
specific; a category is as specific as its two-letter prefix. A layer with `select` starts from
nothing; a layer without it starts from the layer before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lint.packs.load import CATEGORIES, Rule, RuleSet
from lint.suggest import did_you_mean

_ID_LIKE = re.compile(r"[A-Za-z]{2}[0-9]{0,3}")
EXACT = 6  # a full id (two letters, three digits: 1 + 5) or a rule name

# rules merged into others: a selector naming one gets the new rule's id in its error
MERGED = {
    **dict.fromkeys(
        ("ST007", "ST009", "ST011", "duplicate-heading-ordinal", "duplicate-paren-ordinal", "duplicate-arabic-ordinal"), "ST005"
    ),
    **dict.fromkeys(("ST008", "ST010", "ST012", "heading-ordinal-gap", "paren-ordinal-gap", "arabic-ordinal-gap"), "ST006"),
    "duplicate-clause-ordinal": "ST005",
    "clause-ordinal-gap": "ST006",
}


class SelectorError(ValueError):
    pass


def canonical_selector(selector: str) -> str:
    """A selector as the command line means it: an id or id prefix in any case (`rd001`, `ly`) is
    the id (`RD001`, `LY`), as `plancheck rule rd001` takes it; names and categories are lower case."""
    return selector.upper() if _ID_LIKE.fullmatch(selector) else selector


def merged_into(rule: str) -> str | None:
    """For the id or name of a rule merged into another, the sentence that says which; else None."""
    if rule not in MERGED:
        return None
    merged = MERGED[rule]
    return f"rule '{rule}' is now part of {merged}, which checks every ordinal style: use {merged}"


def _specificity(selector: str, rule: Rule) -> int | None:
    if selector == "ALL":
        return 0
    if selector == rule.category:
        return 1 + len(CATEGORIES[rule.category])
    if selector == rule.name:
        return EXACT
    if rule.id.startswith(selector):
        return 1 + len(selector)
    return None


def validate(selectors: Iterable[str], rules: RuleSet, where: str) -> None:
    selectors = list(selectors)
    if not selectors:
        return  # most lists are empty: no vocabulary of every rule's name and id to build
    vocabulary = {"ALL", *CATEGORIES, *(r.name for r in rules), *(r.id for r in rules)}
    for selector in selectors:
        if not isinstance(selector, str) or not selector:
            raise SelectorError(f"{where}: selectors must be non-empty strings")
        if selector in vocabulary or any(r.id.startswith(selector) for r in rules if selector.isupper()):
            continue
        if selector in MERGED:
            raise SelectorError(f"{where}: {merged_into(selector)}")
        raise SelectorError(f"{where}: unknown rule selector '{selector}'{did_you_mean(selector, vocabulary)}")


def resolve_layer(
    rules: RuleSet,
    previous: set[str] | None,
    select: Sequence[str] | None,
    extend_select: Sequence[str],
    ignore: Sequence[str],
) -> set[str]:
    """The rule ids chosen after one layer. `previous` is what the layer before chose (None: every
    rule, as if `select = ["ALL"]`)."""
    positive = list(select or []) + list(extend_select)
    chosen = set()
    for rule in rules:
        best: tuple[int, int] | None = None  # (specificity, 1 for ignore so that it wins a tie)
        for selectors, is_ignore in ((positive, 0), (ignore, 1)):
            for selector in selectors:
                spec = _specificity(selector, rule)
                if spec is not None and (best is None or (spec, is_ignore) > best):
                    best = (spec, is_ignore)
        if best is not None:
            keep = best[1] == 0
        elif select is not None:
            keep = False
        else:
            keep = previous is None or rule.id in previous
        if keep:
            chosen.add(rule.id)
    return chosen


def ignored_by(rules: RuleSet, ignore: Sequence[str]) -> set[str]:
    return {r.id for r in rules if any(_specificity(s, r) is not None for s in ignore)}
