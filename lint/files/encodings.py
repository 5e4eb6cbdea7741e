"""Reading and writing documents in the encodings Chinese corpora come in.

UTF-8 (with or without BOM) is the fast path. UTF-16 and UTF-32 need their BOM. Otherwise GB18030 (which
reads GBK and GB2312 byte for byte) and Big5 are both tried, and each reading is scored by the
share of its Han characters that are common characters of that script (GB2312 level 1 for
simplified text, Big5's frequent block for traditional text). Mojibake decodes into rare
characters, so the right reading stands out even for a line of text; when neither reading is
clearly right the file is refused, never guessed and rewritten. (A general detector such as
charset-normalizer was tried: it reads a short GB18030 line as Big5.)
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

# what a reading is judged on: every character but ASCII and common CJK punctuation, so that
# mojibake that lands on Cyrillic or symbols counts against a reading
# (about 1 ms to compile, so compiled when first used: only a file that is not UTF-8 is judged)
_JUDGED = r"[^\x00-\x7f\u3000-\u303f\uff01-\uff5e“”‘’…—·]"
MIN_SCORE = 0.85
MIN_MARGIN = 0.1
# the 300 Han characters official texts use most (counted in ../shared/corpus/real/): a legacy
# reading whose Han characters are mostly others is not Chinese. EUC-KR Korean read as GB18030
# lands on common but unrelated characters, 13 % of them among these, against 39 % and more in
# real simplified and traditional documents
_FREQUENT = frozenset(
    "的人和第行条法业国定民十应政理当以有规一会务者管工全生产设发关建机用化部进动作中保实或地经区大展制门公市不在等事合施新本"
    "提二三主员家体对为品加成资其安上五要可能出重级年责高通力位推持方四构院府处企自开依监强代服及改个护所由育得共时增权治单学"
    "内照量标场下社同项交教文准查物质入委任证营信检并城分请利农境基长向外技水收防职表他件取现期议济费度医平组性报日活立运支省"
    "各办程电与商计点造据六督按科面海违申金域万专决案情统明创供路律元县投效未批款险调织目相备系予受消源审深是好七过范数使于续"
    "放划村告环口记协疗到求接特术卫优之集正验八执升导健更革指列息道书坚完式结前后领心具快负车融需罚义反确总例限九常药章态财解"
)
MIN_FREQUENT = 0.25
MIN_JUDGED_HAN = 20  # fewer Han characters say too little to judge


class DecodeError(ValueError):
    """The bytes are not text in any supported encoding, or not confidently one."""


class Decoded(NamedTuple):
    """A file's text with the encoding it was read in, to write it back in the same one."""

    text: str
    encoding: str  # a Python codec name: utf-8, utf-16-le/be, utf-32-le/be, gb18030, big5
    bom: bool = False


BOMS = (  # UTF-32's first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _common_gb(ch: str) -> bool:
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


def _common_big5(ch: str) -> bool:
    try:
        b = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E


_SCORERS = {"gb18030": _common_gb, "big5": _common_big5}


def _score(text: str, common) -> float:
    """Share of the judged characters that are common Han characters of the reading's script."""
    judged = re.findall(_JUDGED, text)
    if not judged:
        return 0.0
    ok = {ch for ch in set(judged) if common(ch)}
    return sum(1 for ch in judged if ch in ok) / len(judged)


def _reads_as_chinese(text: str) -> bool:
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    return len(han) < MIN_JUDGED_HAN or sum(ch in _FREQUENT for ch in han) >= MIN_FREQUENT * len(han)


def canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise DecodeError(f"unknown encoding '{name}'") from None


def decode(data: bytes, forced: str | None = None) -> Decoded:
    if forced is not None:
        encoding = canonical(forced)
        bom = False
        for mark, name in BOMS:
            if data.startswith(mark) and canonical(name) == encoding:
                data, bom = data[len(mark) :], True
        try:
            return Decoded(data.decode(encoding), encoding, bom)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    marked = None  # the first mark the data starts with
    for mark, name in BOMS:
        if data.startswith(mark):
            marked = marked or name
            try:
                return Decoded(data[len(mark) :].decode(name), name, True)
            except UnicodeDecodeError:
                continue  # UTF-32-LE's mark is UTF-16-LE's followed by a NUL: that may be the text's
    if marked is not None:
        raise DecodeError(f"has a {marked} byte-order mark but is not valid {marked}")
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    readings = {}
    for name, common in _SCORERS.items():
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        readings[name] = (_score(text, common), text)
    ranked = sorted(readings.items(), key=lambda kv: kv[1][0], reverse=True)
    if ranked:
        best_name, (best, text) = ranked[0]
        runner_up = ranked[1][1][0] if len(ranked) > 1 else 0.0
        if best >= MIN_SCORE and best - runner_up >= MIN_MARGIN:
            if not _reads_as_chinese(text):
                raise DecodeError(
                    f"reads as {best_name} but not as Chinese (Korean in EUC-KR, say); skipped (name the encoding with --encoding)"
                )
            return Decoded(text, best_name)
    offset = utf8_error.start
    raise DecodeError(
        f"not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset}) and not confidently GB18030 or Big5; "
        "skipped (name the encoding with --encoding)"
    )


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """The bytes to write; raises UnicodeEncodeError when a character has no place in the encoding."""
    prefix = b""
    if bom:
        prefix = dict((name, mark) for mark, name in BOMS)[encoding]
    return prefix + text.encode(encoding)
