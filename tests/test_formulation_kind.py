"""The formulation kind: its templates checked when a rule is made, and what it reads around a
slot (the frame, the name before it across a line break, a title left behind, a quoted speech)."""

from __future__ import annotations

import pytest

from lint.engine.document import Document
from lint.kinds import formulation
from lint.kinds.base import OptionError, read_options

VOICE = "习近平[^。\n]{0,20}?强调[，：]"


def _matcher(templates: dict[str, str], **options):
    table = {"restore": "习近平总书记", "written": "习近平(?:总书记)?", "formulations": templates, **options}
    matcher = formulation.compile(read_options(formulation.OPTIONS, table))
    matcher.check_compiled()
    return matcher


def _fixed(matcher, text: str) -> str:
    hits = list(matcher.find(Document(text)))
    for hit in reversed(hits):
        (edit,) = hit.edits
        text = text[: edit.start] + edit.content + text[edit.end :]
    return text


@pytest.mark.parametrize(
    ("templates", "options", "error"),
    [
        ({"x": "关于重要讲话"}, {}, "with {name} once"),
        ({"x": "学习{name}"}, {}, "with {name} once"),
        ({"x": "(?&verb){name}关于"}, {}, "no slot 'verb'"),
        ({"x": "学习{name}关于("}, {}, "entry 'x'"),
        ({"x": "学习{name}关于"}, {"title": "习近平"}, "trailing part"),
    ],
)
def test_bad_templates_are_refused_naming_the_entry(templates, options, error):
    with pytest.raises(OptionError, match=error.replace("{", r"\{").replace("(", r"\(")):
        _matcher(templates, **options)


SPEECH = {"关于…的重要讲话": "(?&verb){name}关于[^，。]{1,10}?的重要讲话"}
SLOTS = {"verb": ["学习", "贯彻"]}


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("学习关于安全的重要讲话。", "学习习近平总书记关于安全的重要讲话。"),
        ("学习总书记关于安全的重要讲话。", "学习习近平总书记关于安全的重要讲话。"),  # only the name restored
        ("深入贯彻\n关于安全的重要讲话。", "深入贯彻\n习近平总书记关于安全的重要讲话。"),  # a wrap after the frame
        ("学习习近平\n总书记关于安全的重要讲话。", "学习习近平\n总书记关于安全的重要讲话。"),  # the name before a wrap
        ("落实关于安全的重要讲话。", "落实关于安全的重要讲话。"),  # no frame
        ("习近平总书记强调，要学习关于安全的重要讲话。", "习近平总书记强调，要学习关于安全的重要讲话。"),
        ("习近平强调：“要团结。要学习关于安全的重要讲话。”", "习近平强调：“要团结。要学习关于安全的重要讲话。”"),
        ("习近平总书记来了，学习总书记关于安全的重要讲话。", "习近平总书记来了，学习总书记关于安全的重要讲话。"),
    ],
)
def test_the_slot_is_filled_where_the_frame_and_the_context_make_it_his(text, fixed):
    matcher = _matcher(SPEECH, slots=SLOTS, title="总书记", voice=VOICE)
    assert _fixed(matcher, text) == fixed


def test_two_formulations_at_one_slot_give_the_longer_finding():
    matcher = _matcher({"short": "学习{name}关于", "long": "学习{name}关于安全"})
    (hit,) = matcher.find(Document("学习关于安全。"))
    assert (hit.start, hit.end, hit.detail) == (2, 6, "long")
