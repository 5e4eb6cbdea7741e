"""Traditional script. The rules are written in simplified characters; a document in traditional
script is checked through its simplified view, and what a fix inserts is written back in
traditional characters (D restored as 黨, not 党). OpenCC's t2s maps the text character for
character, so the view keeps the text's offsets and every span holds in both."""

from __future__ import annotations

import functools
import re

from lint.model import Edit

# the traditional-only characters most frequent in official texts (the real corpus converted by
# OpenCC s2t; tests/test_script.py holds each to be one that t2s changes). In traditional script
# they are a fifth of a text; a simplified text that quotes a title or a name has next to none
_FREQUENT = re.compile(
    "["
    "條業國應當規會務產設關發機進動實經區門員體對爲為資級責構處開監強個護時權單學內標場項質證營"
    "檢請農長並職現議濟費醫組報運辦電與計點據違萬專決統創縣險調織備審過範數於們這來說黨"
    "]"
)
_SHARE = 0.01
# a document's script shows in its opening: the test reads no further (a check reads 10 MB/s,
# the test on a whole text would cost 5 % of that)
_SAMPLE = 8000
# in a traditional text longer than this the frequent characters always tell (they are a fifth of it)
_SHORT = 200


@functools.cache
def _converter(config: str):
    import opencc  # only a document in traditional script needs it

    return opencc.OpenCC(config)


def simplified_view(text: str) -> str | None:
    """The text in simplified characters, offsets kept; None when it is not in traditional script
    (or when the conversion would move an offset, which OpenCC's tables do not do)."""
    sample = text[:_SAMPLE]
    count = len(_FREQUENT.findall(sample))
    if not count:
        return None
    if (count < 2 or count < _SHARE * len(sample)) and not (len(sample) <= _SHORT and _mostly_traditional(sample)):
        return None
    view = _converter("t2s").convert(text)
    return view if len(view) == len(text) else None


def _mostly_traditional(sample: str) -> bool:
    """For a text too short for the frequent characters to tell (a line or two, where one of them
    is all there is): more of its characters are traditional-only than simplified-only. Converting
    so short a text both ways costs little."""
    # a conversion that changes a phrase's length would misalign the rest: then the texts are
    # compared as far as they go
    traditional_only = sum(a != b for a, b in zip(sample, _converter("t2s").convert(sample), strict=False))
    simplified_only = sum(a != b for a, b in zip(sample, _converter("s2t").convert(sample), strict=False))
    return traditional_only >= 2 and traditional_only > simplified_only


def traditional_edit(text: str, view: str, edit: Edit) -> Edit:
    """`edit`, made on the view, for the traditional text: what it keeps of the view's characters
    is taken from the text itself, and only what it really inserts is converted."""
    old = view[edit.start : edit.end]
    new = edit.content
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    inserted = new[head : len(new) - tail]
    content = (
        text[edit.start : edit.start + head]
        + (_converter("s2t").convert(inserted) if inserted else "")
        + text[edit.end - tail : edit.end]
    )
    return edit if content == new else Edit(edit.start, edit.end, content)


def traditional(text: str) -> str:
    """`text` written in traditional characters (a finding's detail, shown in the message)."""
    return _converter("s2t").convert(text) if text else text
