from __future__ import annotations

from pathlib import Path

import pytest

from lint.packs.load import load_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


# Two safe rules that undo each other: the fix loop can never settle.
CYCLE_PACK = """\
[[rule]]
id = "WD901"
name = "first-way"
category = "wording"
severity = "warning"
message = "m"
kind = "substitution"
table = {"甲" = "乙"}
fix = "safe"
fix-title = "t"
description = "What: test."
[[rule.examples]]
bad = "甲"
[[rule.examples]]
good = "丙"

[[rule]]
id = "WD902"
name = "second-way"
category = "wording"
severity = "warning"
message = "m"
kind = "substitution"
table = {"乙" = "甲"}
fix = "safe"
fix-title = "t"
description = "What: test."
[[rule.examples]]
bad = "乙"
[[rule.examples]]
good = "丙"
"""


def pattern_rule(rule_id: str, name: str, pattern: str, bad: str, good: str = "丙", description: str = "What: test.") -> str:
    """A pack's [[rule]] table for a `pattern` rule with no fix, as a user would write one."""
    return f"""
[[rule]]
id = "{rule_id}"
name = "{name}"
category = "wording"
severity = "warning"
message = "m"
kind = "pattern"
pattern = '''{pattern}'''
fix = "none"
description = "{description}"
[[rule.examples]]
bad = "{bad}"
[[rule.examples]]
good = "{good}"
"""


@pytest.fixture
def prefilter_every_text(monkeypatch):
    """The prefilter on short texts too (it is loaded only from BUILD_FROM characters on): for
    the tests that compare its answers, or what runs with it, against a look without it."""
    from lint.engine import prefilter

    monkeypatch.setattr(prefilter, "BUILD_FROM", 0)


@pytest.fixture(scope="session")
def all_rules():
    return load_rules()


@pytest.fixture(scope="session", autouse=True)
def _user_cache_of_this_run(tmp_path_factory):
    """What plancheck keeps in the user's cache folder (the compiled rule set, the dictionary index)
    goes to a folder of this test run, CLI subprocesses included, not to the home of whoever runs
    the tests; the run then also builds them as a fresh machine does."""
    from lint.files import usercache

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
        patch.setattr(usercache, "_secret", None)
        yield
