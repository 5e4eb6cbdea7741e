"""Reading and writing documents in the encodings Chinese corpora come in.

UTF-8 (with or without BOM) is the fast path. UTF-16 needs its BOM. Otherwise GB18030 (which
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


class DecodeError(ValueError):
    """The bytes are not text in any supported encoding, or not confidently one."""


class Decoded(NamedTuple):
    """A file's text with the encoding it was read in, to write it back in the same one."""

    text: str
    encoding: str  # a Python codec name: utf-8, utf-16-le, utf-16-be, gb18030, big5
    bom: bool = False


BOMS = (
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
    for mark, name in BOMS:
        if data.startswith(mark):
            try:
                return Decoded(data[len(mark) :].decode(name), name, True)
            except UnicodeDecodeError:
                raise DecodeError(f"has a {name} byte-order mark but is not valid {name}") from None
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
