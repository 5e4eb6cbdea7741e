"""The toc kind reads only the lines where the prefilter saw a 目录 heading or a page number: on
generated tables of contents and their traps it finds and fixes what it finds reading every line."""

from __future__ import annotations

import pytest

from lint.engine import core as engine

from . import variants
from .test_linescope import RULES, WHOLE

TOC_RULES = ["ST001", "ST002", "ST003", "ST004"]

pytestmark = [
    pytest.mark.usefixtures("prefilter_every_text"),
    pytest.mark.skipif(not variants.CLEAN.is_dir(), reason="../shared/corpus/real is not beside this checkout"),
]


@pytest.mark.parametrize("which", ["artifacts", "traps"])
def test_the_prefilters_lines_give_what_every_line_gives(which):
    filtered, whole = RULES.only(TOC_RULES), WHOLE.only(TOC_RULES)
    for case in variants.cases(variants.families()["toc"], which, 150, seed=1):
        assert engine.check(case.text, filtered) == engine.check(case.text, whole), case.what
        assert engine.fix(case.text, filtered).text == engine.fix(case.text, whole).text, case.what
