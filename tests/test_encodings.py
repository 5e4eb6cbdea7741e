"""Documents in every supported encoding are read, fixed and written back in their own encoding,
BOM and line endings; what cannot be read with confidence is refused, never guessed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lint.files import encodings
from lint.files.io import InputError, decode, encode

POLLUTED = "工作计划\n加强D建工作。##paidend##\n第二段。\n"
CLEANED = "工作计划\n加强党建工作。\n第二段。\n"


def _run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", False),
        ("utf-8", True),
        ("utf-16-le", True),
        ("utf-16-be", True),
        ("utf-32-le", True),  # its mark begins with UTF-16-LE's: read as that, it was rewritten broken
        ("utf-32-be", True),
        ("gb18030", False),
    ],
)
def test_fix_writes_back_in_the_files_own_encoding(tmp_path, encoding, bom):
    path = tmp_path / "doc.txt"
    path.write_bytes(encodings.encode(POLLUTED, encoding, bom))
    result = _run("--fix", "doc.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == encodings.encode(CLEANED, encoding, bom)


USER_PACK = """
[[rule]]
id = "WD901"
name = "simplified-zhe"
category = "wording"
severity = "warning"
message = "m"
kind = "substitution"
table = { "這個" = "这个" }
fix = "safe"
fix-title = "Simplify"
description = "What: a test rule that writes a character Big5 does not have."
[[rule.examples]]
bad = "這個"
fixed = "这个"
[[rule.examples]]
good = "这个"
"""


def test_big5_document_is_read_and_a_fix_it_cannot_hold_is_refused(tmp_path):
    (tmp_path / "pack.toml").write_text(USER_PACK, encoding="utf-8")
    (tmp_path / "plancheck.toml").write_text('rule-packs = ["pack.toml"]\n', encoding="utf-8")
    path = tmp_path / "tw.txt"
    original = "工作計劃\n這個工作。##paidend##\n".encode("big5")
    path.write_bytes(original)
    result = _run("--fix", "tw.txt", cwd=tmp_path)
    # 这 has no Big5 code: the file stays as it was, with one clear line
    assert result.returncode == 2
    assert "big5 cannot hold" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == original
    assert _run("--fix", "--ignore", "WD901", "tw.txt", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == "工作計劃\n這個工作。\n".encode("big5")


def test_mixed_line_endings_survive_on_untouched_lines(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("第一行。\r\n加强D建工作。\n第三行。\r\n第四行。\r".encode())
    assert _run("--fix", "mixed.txt", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == "第一行。\r\n加强党建工作。\n第三行。\r\n第四行。\r".encode()


@pytest.mark.parametrize("text", ["加强党建", "各位代表：现在，我代表省人民政府向大会报告工作。"])
def test_short_gb18030_text_is_recognised(text):
    assert encodings.decode(text.encode("gb18030")).encoding == "gb18030"


def test_traditional_big5_text_is_recognised():
    text = "臺灣省政府工作報告，加強黨的建設。"
    assert encodings.decode(text.encode("big5")) == encodings.Decoded(text, "big5")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe\x00\xd8", "not valid utf-16-le"),
        (b"abc\x00def", "binary file"),
        (bytes(range(0x80, 0x100)) * 3, "not confidently GB18030 or Big5"),
    ],
)
def test_undecidable_bytes_are_refused(data, message):
    with pytest.raises(InputError, match=message):
        decode(data, "x.txt")


def test_forced_encoding_and_round_trip():
    data = "加强党建".encode("gb18030")
    source = decode(data, "x.txt", "GBK")
    assert source.encoding == "gbk" and encode(source) == data


def test_encoding_from_configuration_and_command_line(tmp_path):
    (tmp_path / "legacy").mkdir()
    path = tmp_path / "legacy" / "a.txt"
    path.write_bytes("加强D建".encode("gbk"))
    (tmp_path / "plancheck.toml").write_text('encoding = { "legacy/*.txt" = "gbk" }\n', encoding="utf-8")
    assert _run("--fix", "--ignore", "LY005", "legacy/a.txt", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == "加强党建".encode("gbk")
    bad = _run("--encoding", "klingon", "legacy/a.txt", cwd=tmp_path)
    assert bad.returncode == 2 and "unknown encoding 'klingon'" in bad.stderr


def test_unknown_encoding_in_configuration_is_an_error(tmp_path):
    (tmp_path / "plancheck.toml").write_text('encoding = { "*.txt" = "klingon" }\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    result = _run("a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "unknown encoding 'klingon'" in result.stderr


def test_a_clean_utf32_file_is_left_byte_for_byte(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(encodings.encode(CLEANED, "utf-32-le", True))
    before = path.read_bytes()
    assert _run("--fix", "doc.txt", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == before


def test_korean_in_euc_kr_is_refused_not_read_as_chinese(tmp_path):
    """Its bytes decode as GB18030 into common Han characters, with full confidence by their
    script; but not into Chinese: few of them are characters Chinese documents use most."""
    korean = "대한민국 헌법은 국민의 자유와 권리를 보장하며 모든 국민은 법 앞에 평등하다. 정부는 국민의 생활 안정을 위하여 노력한다.\n"
    path = tmp_path / "ko.txt"
    path.write_bytes(korean.encode("euc-kr"))
    before = path.read_bytes()
    result = _run("--fix", "ko.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "ko.txt: reads as gb18030 but not as Chinese (Korean in EUC-KR, say); skipped" in result.stderr
    assert path.read_bytes() == before
