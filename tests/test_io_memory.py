"""A big file is read and written without a second copy of it in memory: the bytes read are not
joined to their first block, not encoded again whole to check that they round-trip, and the fixed
text is encoded into the new file piece by piece, with the file on disk hashed by blocks, not
read whole again. Peaks measured with tracemalloc (deterministic, not a timing)."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

from lint.files import io as files
from tests.test_cli import ENV

LINE = "加强党建工作，推进各项任务落实，切实提高服务群众的能力和水平。##paidend##\n"
TEXT = LINE * 200_000  # 8.4 M characters: 19 MB of UTF-8


def _peak(action) -> tuple[object, int]:
    tracemalloc.start()
    try:
        return action(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reading_holds_the_bytes_once_and_the_text_once(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(TEXT, encoding="utf-8")
    size = path.stat().st_size
    data, peak = _peak(lambda: files.read_bytes(path))
    assert data == path.read_bytes()
    assert peak < size + 2 * files.PIECE  # not `head + rest`
    source, peak = _peak(lambda: files.decode(data, "big.txt"))
    assert source.text == TEXT
    # what decoding itself takes (Python's UTF-8 decoder works in a buffer of up to four bytes a
    # character) and no more: the check that the text gives the same bytes back goes piece by piece
    alone = _peak(lambda: data.decode("utf-8"))[1]
    assert peak < alone + 8 * files.PIECE


def test_writing_a_fixed_text_encodes_it_piece_by_piece(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(TEXT, encoding="utf-8")
    source = files.read(path)
    fixed = TEXT.replace("##paidend##", "")
    _, peak = _peak(lambda: files.write_fixed(path, source, fixed))
    assert path.read_text(encoding="utf-8") == fixed
    assert peak < 8 * files.PIECE  # neither the fixed text's bytes whole nor the file read again whole


def test_a_fix_the_files_encoding_cannot_hold_leaves_the_big_file_as_it_was(tmp_path):
    """Encoded piece by piece, a character the encoding has no place for is met in the middle of the
    write: the file keeps its bytes, and the error is the one-line message it always was."""
    path = tmp_path / "big.txt"
    text = "工作計劃\n" * 300_000 + "加強D建工作。\n"
    path.write_bytes(text.encode("big5"))
    pack = tmp_path / "pack.toml"
    pack.write_text(
        '[[rule]]\nid = "WD901"\nname = "to-euro"\ncategory = "wording"\nseverity = "warning"\nmessage = "m"\n'
        'kind = "substitution"\ntable = {"D建" = "€建"}\nfix = "safe"\nfix-title = "t"\ndescription = "What: test."\n'
        '[[rule.examples]]\nbad = "D建"\n[[rule.examples]]\ngood = "丙"\n',
        encoding="utf-8",
    )
    (tmp_path / "plancheck.toml").write_text('rule-packs = ["pack.toml"]\nselect = ["WD901"]\n', encoding="utf-8")
    before = path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "lint", "--fix", "--no-cache", "--encoding", "big5", "big.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )
    assert path.read_bytes() == before
    assert "the fixed text has '€', which big5 cannot hold; left unchanged" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not [p for p in tmp_path.iterdir() if files.is_temporary(p.name)]  # no temporary file left beside it


PEAK_OF_A_RUN = """
import sys, tracemalloc
tracemalloc.start()
from lint.cli.main import main
code = main(sys.argv[1:])
print(tracemalloc.get_traced_memory()[1], file=sys.stderr)
"""


def _cli_peak(folder: Path, *args: str) -> int:
    """The tracemalloc peak of a real `plancheck` run (the command line's own code, in a process of its own)."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK_OF_A_RUN, "--no-cache", "-j", "1", "--statistics", "--exit-zero", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stderr.strip().splitlines()[-1])


def test_fixing_a_big_file_peaks_no_higher_than_checking_it(tmp_path):
    """With one rule that keeps little (PW001 on a few markers), what a run holds is the file: its
    bytes while they are decoded, its text, its lines. Writing the fix adds no copy of the file to
    that (the bytes read are let go before the check, the fixed text is encoded piece by piece)."""
    text = TEXT.replace("##paidend##", "") + "##paidend##\n"
    (tmp_path / "check.txt").write_text(text, encoding="utf-8")
    (tmp_path / "fix.txt").write_text(text, encoding="utf-8")
    _cli_peak(tmp_path, "--select", "PW001", "check.txt")  # builds what plancheck keeps in the user's cache, if it must
    checking = _cli_peak(tmp_path, "--select", "PW001", "check.txt")
    fixing = _cli_peak(tmp_path, "--select", "PW001", "--fix", "fix.txt")
    assert "##paid" not in (tmp_path / "fix.txt").read_text(encoding="utf-8")
    assert fixing < 1.05 * checking  # before: 1.15 (the fixed text encoded whole, the file read again whole)
