"""End-to-end tests of the `plancheck` command line: the real CLI in subprocesses, in temporary folders.

Every test runs `python -m lint ...` (or the installed `plancheck` console script) with a temporary
working directory and asserts what a user sees: the exit code, stdout, stderr and the bytes on disk.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

import lint

from .conftest import CYCLE_PACK

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SEED_NAMES = sorted(p.name[: -len(".txt")] for p in SEEDS.glob("*.txt") if p.name.count(".") == 1)
needs_seeds = pytest.mark.skipif(not SEED_NAMES, reason=f"no seed documents in {SEEDS}")

# A small polluted document: a redacted 党 (RD001, error, safe fix) and a paywall marker (PW001, error, safe fix).
POLLUTED = "工作计划\n加强D建工作。##paidend##\n"
POLLUTED_FIXED = "工作计划\n加强党建工作。\n"
CLEAN = "工作计划\n加强党建工作。\n"
# Only a warning without a fix: an anonymisation placeholder (PH001).
WARN_ONLY = "XX区工作计划。\n"
# RD001 (error, safe fix), RD002 (warning, unsafe fix) and PH001 (warning, no fix) on one line.
MIXED = "加强D建工作，坚持以新时代中国特色社会主义思想为指导。XX区。\n"

ENV = {**os.environ, "PYTHONUTF8": "1"}
ENV.pop("PYTHONWARNINGS", None)


# --------------------------------------------------------------------------------------------------
# helpers


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str
    raw_stdout: bytes

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


def console_script() -> str:
    """The installed `plancheck` entry point: next to this interpreter, else on PATH."""
    beside = shutil.which("plancheck", path=str(Path(sys.executable).parent))
    found = beside or shutil.which("plancheck")
    if found is None:
        pytest.skip("the plancheck console script is not installed")
    return found


def plancheck(*args: object, cwd: Path, stdin: bytes | None = None, script: bool = False) -> Result:
    """Run the CLI in a subprocess; never raises on a non-zero exit."""
    command = [console_script()] if script else [sys.executable, "-m", "lint"]
    proc = subprocess.run(
        [*command, *(str(a) for a in args)],
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=ENV,
        timeout=120,
    )
    result = Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"), proc.stdout)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def put(folder: Path, name: str, text: str, *, bom: bool = False) -> Path:
    """Write `text` as UTF-8 (with a BOM if asked), creating folders; returns the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode())
    return path


def copy_seed(folder: Path, seed: str) -> Path:
    target = folder / f"{seed}.txt"
    target.write_bytes((SEEDS / f"{seed}.txt").read_bytes())
    return target


def findings(*args: object, cwd: Path) -> list[dict]:
    result = plancheck("--output-format", "json", *args, cwd=cwd)
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)


def rule_ids(*args: object, cwd: Path) -> set[str]:
    return {f["rule"] for f in findings(*args, cwd=cwd)}


def paths_checked_with_findings(*args: object, cwd: Path) -> list[str]:
    return sorted({f["path"] for f in findings(*args, cwd=cwd)})


def assert_one_line_skip(stderr: str, start: str) -> None:
    """An unreadable input is reported on exactly one line that says it was skipped."""
    assert stderr.count("\n") == 1 and stderr.endswith("\n"), stderr
    assert stderr.startswith(start), stderr
    assert "skipped" in stderr


def display_width(text: str) -> int:
    """Terminal columns with East-Asian wide and full-width characters counted as 2."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def builtin_rule_ids() -> list[str]:
    ids = []
    for pack in sorted((ROOT / "rules").glob("*.toml")):
        with pack.open("rb") as handle:
            ids.extend(rule["id"] for rule in tomllib.load(handle)["rule"])
    return sorted(ids)


USER_PACK = """\
[pack]
name = "mine"

[[rule]]
id = "PW901"
name = "vip-teaser"
category = "paywall"
severity = "error"
message = "VIP teaser `{match}` left in the text"
kind = "pattern"
pattern = \'\'\'【VIP专享】\'\'\'
fix = "safe"
fix-title = "Delete the teaser"
description = "What: a VIP teaser of a document site."

[[rule.examples]]
bad = "工作【VIP专享】计划\\n"
fixed = "工作计划\\n"

[[rule.examples]]
good = "工作计划\\n"
"""



def with_user_pack(folder: Path, pack_text: str = USER_PACK, name: str = "mypack.toml") -> Path:
    """A folder whose plancheck.toml loads `pack_text` as a rule pack."""
    put(folder, name, pack_text)
    put(folder, "plancheck.toml", f'rule-packs = ["{name}"]\n')
    return folder / name


# --------------------------------------------------------------------------------------------------
# exit codes and usage errors


def test_clean_file_exits_0_and_says_all_checks_passed(tmp_path):
    put(tmp_path, "doc.txt", CLEAN)
    result = plancheck("doc.txt", cwd=tmp_path)
    assert (result.code, result.stdout, result.stderr) == (0, "All checks passed!\n", "")


def test_error_finding_exits_1(tmp_path):
    put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck("doc.txt", cwd=tmp_path)
    assert result.code == 1
    assert "Found 2 findings (2 errors) in 1 of 1 file." in result.stdout
    assert "[*] 2 fixable with `plancheck --fix`." in result.stdout


def test_warnings_only_exit_0_by_default(tmp_path):
    put(tmp_path, "doc.txt", WARN_ONLY)
    result = plancheck("doc.txt", cwd=tmp_path)
    assert result.code == 0
    assert "Found 1 finding (1 warning) in 1 of 1 file." in result.stdout


def test_no_path_checks_the_current_folder(tmp_path):
    put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck("--output-format", "concise", "-q", cwd=tmp_path)
    assert result.code == 1
    assert result.lines[0].startswith("doc.txt:2:3: RD001")


def test_unknown_flag_is_a_usage_error(tmp_path):
    put(tmp_path, "doc.txt", CLEAN)
    result = plancheck("--bogus", "doc.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr == ("plancheck: error: unknown option '--bogus'\nRun `plancheck --help` for usage.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unsafe-fixes"], "--unsafe-fixes needs --fix or --diff"),
        (["--fix", "--diff"], "--fix and --diff do not go together"),
        (["--fail-level", "fatal"], "argument --fail-level: invalid choice: 'fatal'"),
        (["--output-format", "xml"], "argument --output-format: invalid choice: 'xml'"),
        (["-", "other.txt"], "- (stdin) cannot be combined with other paths"),
    ],
    ids=["unsafe-fixes-alone", "fix-with-diff", "bad-fail-level", "bad-format", "stdin-with-paths"],
)
def test_bad_option_combinations_exit_2(tmp_path, args, message):
    path = put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck(*args, "doc.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr.startswith("plancheck: error: ")
    assert message in result.stderr
    assert path.read_text(encoding="utf-8") == POLLUTED


@pytest.mark.parametrize(
    ("option", "selector", "hint"),
    [
        ("--select", "RD00l", "unknown rule selector 'RD00l' (did you mean 'RD00"),
        ("--select", "redactoin", "unknown rule selector 'redactoin' (did you mean 'redaction'?)"),
        ("--ignore", "paywal", "unknown rule selector 'paywal' (did you mean 'paywall'?)"),
        ("--extend-select", "PW01", "unknown rule selector 'PW01' (did you mean 'PW001'?)"),
    ],
)
def test_unknown_selector_exits_2_with_did_you_mean(tmp_path, option, selector, hint):
    put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck(option, selector, "doc.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("plancheck: error: command line: ")
    assert hint in result.stderr


def test_missing_path_exits_2_and_the_other_paths_are_still_checked(tmp_path):
    put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck("--output-format", "concise", "nope.txt", "doc.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr == "plancheck: nope.txt: no such file or directory\n"
    assert "doc.txt:2:3: RD001 [*] [error] `D` stands for 党 cut out by a keyword filter" in result.lines
    assert "Found 2 findings (2 errors) in 1 of 1 file." in result.stdout


@pytest.mark.parametrize("fix", [False, True], ids=["check", "fix"])
def test_invalid_utf8_exits_2_with_one_line_and_leaves_the_file_alone(tmp_path, fix):
    data = "工作".encode() + b"\xff" + "计划\n加强D建工作。\n".encode()
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    result = plancheck(*(["--fix"] if fix else []), "doc.txt", cwd=tmp_path)
    assert result.code == 2
    assert_one_line_skip(result.stderr, "plancheck: doc.txt: not valid UTF-8 (byte 0xff at offset 6)")
    assert path.read_bytes() == data


def test_a_gbk_file_is_fixed_and_written_back_in_gbk(tmp_path):
    text = "工作计划\r\n加强D建工作。##paidend##\r\n各项工作顺利推进，取得明显成效。\r\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode("gbk"))
    result = plancheck("--fix", "doc.txt", cwd=tmp_path)
    assert (result.code, result.stderr) == (0, "Fixing doc.txt\n")
    assert path.read_bytes() == text.replace("D建", "党建").replace("##paidend##", "").encode("gbk")


def test_binary_file_with_nul_bytes_exits_2_and_other_files_are_checked(tmp_path):
    data = b"PK\x03\x04\x00\x00binary"
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck("--fix", "blob.txt", "doc.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr == "plancheck: blob.txt: binary file (contains NUL bytes); skipped\nFixing doc.txt\n"
    assert path.read_bytes() == data
    assert (tmp_path / "doc.txt").read_text(encoding="utf-8") == POLLUTED_FIXED


def test_a_skipped_file_is_not_summarised_as_all_checks_passed(tmp_path):
    (tmp_path / "doc.txt").write_bytes("工作".encode() + b"\xff\n")
    result = plancheck("doc.txt", cwd=tmp_path)
    assert result.code == 2
    assert "All checks passed!" not in result.stdout


# --------------------------------------------------------------------------------------------------
# --fix


def test_fix_rewrites_the_file_and_names_it_on_stderr(tmp_path):
    path = put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck("--fix", "doc.txt", cwd=tmp_path)
    assert result.code == 0
    assert result.stderr == "Fixing doc.txt\n"
    assert result.stdout == "Fixed 2 findings in 1 file.\nAll checks passed!\n"
    assert path.read_bytes() == POLLUTED_FIXED.encode()


def test_fix_exits_0_when_only_warnings_remain(tmp_path):
    path = put(tmp_path, "doc.txt", "加强D建工作。XX区。\n")
    result = plancheck("--fix", "--output-format", "concise", "doc.txt", cwd=tmp_path)
    assert result.code == 0
    assert path.read_text(encoding="utf-8") == "加强党建工作。XX区。\n"
    assert result.lines[0] == "doc.txt:1:8: PH001 [warning] Placeholder `XX` where a name, place or number was removed"


def test_fix_names_each_fixed_file_and_not_the_clean_ones(tmp_path):
    put(tmp_path, "a.txt", POLLUTED)
    put(tmp_path, "b.txt", CLEAN)
    put(tmp_path, "sub/c.txt", POLLUTED)
    result = plancheck("--fix", ".", cwd=tmp_path)
    assert result.code == 0
    assert result.stderr == "Fixing a.txt\nFixing sub/c.txt\n"
    assert "Fixed 4 findings in 2 files." in result.stdout


def test_second_fix_changes_nothing_and_prints_no_fixing(tmp_path):
    path = put(tmp_path, "doc.txt", POLLUTED + "\n\n\n其他XX。\n")
    first = plancheck("--fix", "doc.txt", cwd=tmp_path)
    assert first.stderr == "Fixing doc.txt\n"
    after_first = path.read_bytes()
    second = plancheck("--fix", "doc.txt", cwd=tmp_path)
    assert second.code == 0
    assert second.stderr == ""
    assert "Fixed" not in second.stdout
    assert path.read_bytes() == after_first


@pytest.mark.parametrize("seed", SEED_NAMES)
@pytest.mark.parametrize(("flags", "suffix"), [((), "fixed"), (("--unsafe-fixes",), "fixed-unsafe")], ids=["safe", "unsafe"])
def test_fix_of_a_seed_matches_its_golden_file_byte_for_byte(tmp_path, seed, flags, suffix):
    path = copy_seed(tmp_path, seed)
    result = plancheck("--fix", *flags, path.name, cwd=tmp_path)
    assert result.code == 0, result.stdout + result.stderr
    assert result.stderr == f"Fixing {path.name}\n"
    assert path.read_bytes() == (SEEDS / f"{seed}.{suffix}.txt").read_bytes()
    again = plancheck("--fix", *flags, path.name, cwd=tmp_path)
    assert again.stderr == ""
    assert path.read_bytes() == (SEEDS / f"{seed}.{suffix}.txt").read_bytes()


def test_fix_without_unsafe_fixes_leaves_unsafe_findings(tmp_path):
    text = "坚持以新时代中国特色社会主义思想为指导。\n"
    path = put(tmp_path, "doc.txt", text)
    safe = plancheck("--fix", "--output-format", "concise", "doc.txt", cwd=tmp_path)
    assert (safe.code, safe.stderr) == (0, "")
    assert path.read_text(encoding="utf-8") == text
    assert "1 more fixable with `plancheck --fix --unsafe-fixes`." in safe.stdout
    unsafe = plancheck("--fix", "--unsafe-fixes", "doc.txt", cwd=tmp_path)
    assert (unsafe.code, unsafe.stderr) == (0, "Fixing doc.txt\n")
    assert path.read_text(encoding="utf-8") == "坚持以习近平新时代中国特色社会主义思想为指导。\n"


@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
def test_fix_keeps_bom_and_crlf_line_endings(tmp_path, bom):
    path = put(tmp_path, "doc.txt", "工作计划\r\n加强D建工作。##paidend##\r\n", bom=bom)
    result = plancheck("--fix", "doc.txt", cwd=tmp_path)
    assert (result.code, result.stderr) == (0, "Fixing doc.txt\n")
    expected = ("\ufeff" if bom else "") + "工作计划\r\n加强党建工作。\r\n"
    assert path.read_bytes() == expected.encode()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("工作计划\r加强D建工作。##paidend##\r", "工作计划\r加强党建工作。\r"),
        ("工作计划\r\n加强D建工作。\n\n\n第二段。\r\n", "工作计划\r\n加强党建工作。\n\n第二段。\r\n"),
        ("工作计划\r\n加强党建工作。", "工作计划\r\n加强党建工作。\r\n"),
    ],
    ids=["cr-only", "mixed", "crlf-final-newline-added"],
)
def test_fix_keeps_each_lines_own_ending(tmp_path, before, after):
    path = put(tmp_path, "doc.txt", before)
    plancheck("--fix", "doc.txt", cwd=tmp_path)
    assert path.read_bytes() == after.encode()


def test_fix_keeps_crlf_when_layout_fixes_join_and_drop_lines(tmp_path):
    path = put(tmp_path, "doc.txt", "\r\n\r\n一、工作计划\r\n加强党建工作，\r\n进一步推动各项任务落实。\r\n\r\n\r\n")
    plancheck("--fix", "doc.txt", cwd=tmp_path)
    assert path.read_bytes() == "一、工作计划\r\n加强党建工作，进一步推动各项任务落实。\r\n".encode()


def test_fix_keeps_the_file_mode(tmp_path):
    path = put(tmp_path, "doc.txt", POLLUTED)
    path.chmod(0o640)
    result = plancheck("--fix", "doc.txt", cwd=tmp_path)
    assert result.stderr == "Fixing doc.txt\n"
    assert path.read_text(encoding="utf-8") == POLLUTED_FIXED
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_fix_leaves_no_temporary_files_behind(tmp_path):
    put(tmp_path, "doc.txt", POLLUTED)
    plancheck("--fix", "doc.txt", cwd=tmp_path)
    # the results cache is the only addition, and it keeps itself out of git
    assert sorted(p.name for p in tmp_path.iterdir()) == [".plancheck_cache", "doc.txt"]
    assert (tmp_path / ".plancheck_cache" / ".gitignore").is_file()


@pytest.mark.parametrize(
    "text", [CLEAN, WARN_ONLY, "坚持以新时代中国特色社会主义思想为指导。\n"], ids=["clean", "unfixable", "unsafe-only"]
)
def test_fix_does_not_rewrite_a_file_that_needs_no_fix(tmp_path, text):
    path = put(tmp_path, "doc.txt", text)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = path.stat()
    result = plancheck("--fix", "doc.txt", cwd=tmp_path)
    assert result.stderr == ""
    after = path.stat()
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)


def test_fix_that_never_settles_leaves_the_file_and_names_the_rules(tmp_path):
    with_user_pack(tmp_path, CYCLE_PACK, "cycle.toml")
    path = put(tmp_path, "doc.txt", "甲乙\n")
    result = plancheck("--fix", "doc.txt", cwd=tmp_path)
    assert result.code != 0
    assert result.stderr == "plancheck: doc.txt: fixes did not converge (rules WD901, WD902); left unchanged\n"
    assert path.read_text(encoding="utf-8") == "甲乙\n"


def test_fix_that_never_settles_exits_1_as_documented(tmp_path):
    with_user_pack(tmp_path, CYCLE_PACK, "cycle.toml")
    put(tmp_path, "doc.txt", "甲乙\n")
    assert plancheck("--fix", "doc.txt", cwd=tmp_path).code == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_fix_never_writes_through_a_symlink_and_keeps_the_link(tmp_path):
    """A link may point anywhere (a stranger's tree: .git/config): the file itself is what to fix."""
    target = put(tmp_path, "real.txt", POLLUTED)
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    result = plancheck("--fix", "link.txt", cwd=tmp_path)
    assert result.code == 2 and "link.txt: symbolic link; not written through" in result.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == POLLUTED


# --------------------------------------------------------------------------------------------------
# --diff


def test_diff_prints_a_unified_diff_writes_nothing_and_exits_1(tmp_path):
    path = put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck("--diff", "doc.txt", cwd=tmp_path)
    assert result.code == 1
    assert result.stdout == ("--- doc.txt\n+++ doc.txt\n@@ -1,2 +1,2 @@\n 工作计划\n-加强D建工作。##paidend##\n+加强党建工作。\n")
    assert result.stderr == "1 file would be changed.\n"
    assert path.read_text(encoding="utf-8") == POLLUTED


def test_diff_exits_0_when_nothing_would_change(tmp_path):
    put(tmp_path, "doc.txt", WARN_ONLY)
    result = plancheck("--diff", "doc.txt", cwd=tmp_path)
    assert (result.code, result.stdout, result.stderr) == (0, "", "0 files would be changed.\n")


def test_diff_marks_a_missing_final_newline(tmp_path):
    put(tmp_path, "doc.txt", "工作计划\n加强D建工作。")
    result = plancheck("--diff", "--select", "RD001", "doc.txt", cwd=tmp_path)
    assert result.stdout.endswith("-加强D建工作。\n\\ No newline at end of file\n+加强党建工作。\n\\ No newline at end of file\n")


@needs_seeds
def test_diff_with_unsafe_fixes_shows_the_unsafe_changes_too(tmp_path):
    path = copy_seed(tmp_path, SEED_NAMES[0])
    before = path.read_bytes()
    safe = plancheck("--diff", path.name, cwd=tmp_path)
    unsafe = plancheck("--diff", "--unsafe-fixes", path.name, cwd=tmp_path)
    assert safe.code == unsafe.code == 1
    assert safe.stdout.startswith(f"--- {path.name}\n+++ {path.name}\n@@ ")
    added_safe = [line for line in safe.lines if line.startswith("+") and not line.startswith("+++")]
    added_unsafe = [line for line in unsafe.lines if line.startswith("+") and not line.startswith("+++")]
    assert not any("习近平" in line for line in added_safe)
    assert any("习近平新时代中国特色社会主义思想" in line for line in added_unsafe)
    assert path.read_bytes() == before


@pytest.mark.parametrize("separator", ["\f", "\u2028"], ids=["form-feed", "line-separator"])
def test_diff_counts_lines_like_the_findings_do(tmp_path, separator):
    put(tmp_path, "doc.txt", f"第一页{separator}第二页\n加强D建工作。\n")
    [finding] = findings("--select", "RD001", "doc.txt", cwd=tmp_path)
    assert finding["line"] == 2
    result = plancheck("--diff", "--select", "RD001", "doc.txt", cwd=tmp_path)
    assert "@@ -1,2 +1,2 @@" in result.stdout
    assert "No newline at end of file" not in result.stdout


# --------------------------------------------------------------------------------------------------
# rule selection


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], {"RD001", "RD002", "PH001"}),
        (["--select", "RD001"], {"RD001"}),
        (["--select", "RD"], {"RD001", "RD002"}),
        (["--select", "redaction"], {"RD001", "RD002"}),
        (["--select", "redacted-party-abbreviation"], {"RD001"}),
        (["--select", "RD001,PH001"], {"RD001", "PH001"}),
        (["--select", "RD001", "--select", "PH001"], {"RD001", "PH001"}),
        (["--select", "PH", "--extend-select", "RD001"], {"PH001", "RD001"}),
        (["--ignore", "RD001"], {"RD002", "PH001"}),
        (["--ignore", "RD"], {"PH001"}),
        (["--ignore", "redaction"], {"PH001"}),
        (["--ignore", "PH,RD002"], {"RD001"}),
        (["--select", "ALL", "--ignore", "ALL"], set()),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)
def test_select_extend_select_and_ignore(tmp_path, args, expected):
    put(tmp_path, "doc.txt", MIXED)
    assert rule_ids(*args, "doc.txt", cwd=tmp_path) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "RD", "--ignore", "RD001"], {"RD002"}),
        (["--select", "redaction", "--ignore", "RD001"], {"RD002"}),
        (["--ignore", "RD", "--extend-select", "RD001"], {"RD001", "PH001"}),
        (["--ignore", "redaction", "--extend-select", "RD001"], {"RD001", "PH001"}),
        (["--select", "RD001", "--ignore", "redaction"], {"RD001"}),
        (["--select", "RD001", "--ignore", "R"], {"RD001"}),
        (["--select", "redaction", "--ignore", "RD00"], set()),
        (["--select", "RD001", "--ignore", "redacted-party-abbreviation"], set()),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else None,
)
def test_the_more_specific_selector_wins(tmp_path, args, expected):
    put(tmp_path, "doc.txt", MIXED)
    assert rule_ids(*args, "doc.txt", cwd=tmp_path) == expected


def test_equally_specific_select_and_ignore_ignore_wins(tmp_path):
    put(tmp_path, "doc.txt", MIXED)
    assert rule_ids("--select", "RD001", "--ignore", "RD001", "doc.txt", cwd=tmp_path) == set()


def test_ignoring_an_id_beats_selecting_the_same_rule_by_name(tmp_path):
    put(tmp_path, "doc.txt", MIXED)
    assert rule_ids("--select", "redacted-party-abbreviation", "--ignore", "RD001", "doc.txt", cwd=tmp_path) == set()


def test_ignoring_a_category_beats_selecting_its_prefix(tmp_path):
    put(tmp_path, "doc.txt", MIXED)
    assert rule_ids("--select", "RD", "--ignore", "redaction", "doc.txt", cwd=tmp_path) == set()


def test_command_line_select_overrides_a_configuration_ignore(tmp_path):
    put(tmp_path, "plancheck.toml", 'ignore = ["RD001"]\n')
    put(tmp_path, "doc.txt", MIXED)
    assert rule_ids("--select", "RD001", "doc.txt", cwd=tmp_path) == {"RD001"}


# --------------------------------------------------------------------------------------------------
# fail level and --exit-zero


def test_fail_level_warning_makes_a_warnings_only_file_fail(tmp_path):
    put(tmp_path, "doc.txt", WARN_ONLY)
    assert plancheck("doc.txt", cwd=tmp_path).code == 0
    assert plancheck("--fail-level", "warning", "doc.txt", cwd=tmp_path).code == 1
    assert plancheck("--fail-level", "info", "doc.txt", cwd=tmp_path).code == 1


def test_exit_zero_exits_0_but_still_reports(tmp_path):
    put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck("--exit-zero", "--output-format", "concise", "doc.txt", cwd=tmp_path)
    assert result.code == 0
    assert result.lines[0] == "doc.txt:2:3: RD001 [*] [error] `D` stands for 党 cut out by a keyword filter"
    assert "Found 2 findings (2 errors) in 1 of 1 file." in result.stdout


def test_exit_zero_does_not_hide_a_usage_error(tmp_path):
    assert plancheck("--exit-zero", "nope.txt", cwd=tmp_path).code == 2


# --------------------------------------------------------------------------------------------------
# output formats


def test_concise_lines_are_path_line_col_id_severity_message(tmp_path):
    put(tmp_path, "doc.txt", "工作计划\n加强D建工作。##paidend##\n" + MIXED)
    result = plancheck("--output-format", "concise", "-q", "doc.txt", cwd=tmp_path)
    assert result.code == 1
    assert result.lines == [
        "doc.txt:2:3: RD001 [*] [error] `D` stands for 党 cut out by a keyword filter",
        "doc.txt:2:8: PW001 [*] [error] Paywall marker `##paidend##` left in the text",
        "doc.txt:3:3: RD001 [*] [error] `D` stands for 党 cut out by a keyword filter",
        "doc.txt:3:11: RD002 [warning] `新时代中国特色社会主义思想` without 习近平"
        " (the formulation 习近平新时代中国特色社会主义思想): the name was probably cut out",
        "doc.txt:3:28: PH001 [warning] Placeholder `XX` where a name, place or number was removed",
    ]


def test_concise_summary_counts_findings_by_severity(tmp_path):
    put(tmp_path, "a.txt", MIXED)
    put(tmp_path, "b.txt", CLEAN)
    result = plancheck("--output-format", "concise", "a.txt", "b.txt", cwd=tmp_path)
    assert result.lines[-3:] == [
        "Found 3 findings (1 error, 2 warnings) in 1 of 2 files.",
        "[*] 1 fixable with `plancheck --fix`.",
        "1 more fixable with `plancheck --fix --unsafe-fixes`.",
    ]


def test_quiet_prints_no_summary(tmp_path):
    put(tmp_path, "doc.txt", CLEAN)
    assert plancheck("-q", "doc.txt", cwd=tmp_path).stdout == ""


JSON_KEYS = {
    "path",
    "rule",
    "name",
    "category",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "text",
    "fix",
}


def test_json_is_a_list_of_findings_with_the_documented_keys(tmp_path):
    put(tmp_path, "doc.txt", MIXED)
    result = plancheck("--output-format", "json", "doc.txt", cwd=tmp_path)
    assert result.code == 1
    items = json.loads(result.stdout)
    assert isinstance(items, list) and len(items) == 3
    for item in items:
        assert JSON_KEYS <= set(item)
        assert item["path"] == "doc.txt"
    by_rule = {item["rule"]: item for item in items}
    rd001 = by_rule["RD001"]
    assert {k: rd001[k] for k in ("name", "category", "severity", "text")} == {
        "name": "redacted-party-abbreviation",
        "category": "redaction",
        "severity": "error",
        "text": "D",
    }
    assert rd001["fix"] == {
        "applicability": "safe",
        "message": "Restore 党",
        "edits": [{"start": 2, "end": 3, "content": "党"}],
    }
    assert by_rule["RD002"]["fix"]["applicability"] == "unsafe"
    assert by_rule["PH001"]["fix"] is None


def test_json_of_a_clean_file_is_an_empty_list(tmp_path):
    put(tmp_path, "doc.txt", CLEAN)
    result = plancheck("--output-format", "json", "doc.txt", cwd=tmp_path)
    assert (result.code, json.loads(result.stdout)) == (0, [])


@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
def test_json_columns_count_characters_not_bytes(tmp_path, bom):
    put(tmp_path, "doc.txt", "工作计划\r\n加强D建工作。##paidend##\r\n", bom=bom)
    items = findings("doc.txt", cwd=tmp_path)
    positions = [(i["rule"], i["line"], i["column"], i["end_line"], i["end_column"], i["text"]) for i in items]
    assert positions == [
        ("RD001", 2, 3, 2, 4, "D"),
        ("PW001", 2, 8, 2, 19, "##paidend##"),
    ]


def _apply_edits(text: str, items: list[dict]) -> str:
    edits = sorted((e for item in items for e in item["fix"]["edits"]), key=lambda e: e["start"], reverse=True)
    for edit in edits:
        text = text[: edit["start"]] + edit["content"] + text[edit["end"] :]
    return text


@pytest.mark.parametrize("rule", ["PW001", "RD001"])
def test_json_fix_edits_applied_to_the_decoded_text_reproduce_fix(tmp_path, rule):
    text = "工作计划##paidbegin##\r\n加强D建工作。##paidend##\r\n抓好D员教育。\r\n"
    put(tmp_path, "doc.txt", text, bom=True)
    items = findings("--select", rule, "doc.txt", cwd=tmp_path)
    assert len(items) == 2
    for item in items:
        [edit] = item["fix"]["edits"]
        assert text[edit["start"] : edit["end"]] == item["text"]
    expected = _apply_edits(text, items)
    path = put(tmp_path, "fixed.txt", text, bom=True)
    plancheck("--fix", "--select", rule, "fixed.txt", cwd=tmp_path)
    assert path.read_bytes() == ("\ufeff" + expected).encode()


def _caret_blocks(stdout: str) -> list[tuple[str, str, str]]:
    """(header, shown text, caret line without gutter) for each finding of `full` output."""
    lines = stdout.splitlines()
    blocks = []
    for i, line in enumerate(lines):
        match = re.match(r"^(\d+) \| (.*)$", line)
        if match:
            gutter = " " * len(match.group(1))
            assert lines[i - 1] == f"{gutter} |"
            assert lines[i + 1].startswith(f"{gutter} | ")
            blocks.append((lines[i - 2], match.group(2), lines[i + 1][len(gutter) + 3 :]))
    return blocks


def _index_at_columns(text: str, columns: int) -> int | None:
    """The index of the character that starts at display column `columns` (None: inside a wide one)."""
    width = 0
    for index, ch in enumerate(text):
        if width >= columns:
            return index if width == columns else None
        width += display_width(ch)
    return len(text) if width == columns else None


def _assert_carets_under(shown: str, carets: str, flagged: str) -> None:
    pad = len(carets) - len(carets.lstrip(" "))
    assert set(carets[pad:]) == {"^"}
    index = _index_at_columns(shown, pad)
    assert index is not None, f"caret column {pad} falls inside a wide character of {shown!r}"
    assert shown[index:].startswith(flagged), (shown[index:], flagged)
    assert len(carets) - pad == display_width(flagged)


@pytest.mark.parametrize(
    "text",
    [
        "工作计划\n加强D建工作。##paidend##\n",
        "（一）" + "全面推进乡村振兴战略实施，" * 4 + "加强D建工作，抓好D员教育。" + "继续做好各项工作。" * 5 + "\n",
        "第1项：ＡＢＣ全角字母，加强D建工作。\n",
    ],
    ids=["short", "long-line-with-ellipses", "fullwidth-latin"],
)
def test_full_format_carets_sit_under_the_flagged_text(tmp_path, text):
    put(tmp_path, "doc.txt", text)
    result = plancheck("--output-format", "full", "doc.txt", cwd=tmp_path)
    items = findings("doc.txt", cwd=tmp_path)
    blocks = _caret_blocks(result.stdout)
    assert len(blocks) == len(items) > 0
    for (header, shown, carets), item in zip(blocks, items, strict=True):
        assert header.startswith(f"doc.txt:{item['line']}:{item['column']}: {item['rule']} [{item['severity']}] ")
        assert shown.replace("…", "") in text
        _assert_carets_under(shown, carets, item["text"])


def test_full_format_layout_of_one_finding(tmp_path):
    put(tmp_path, "doc.txt", "工作计划\n加强D建工作。\n")
    result = plancheck("doc.txt", cwd=tmp_path)
    assert result.stdout == (
        "doc.txt:2:3: RD001 [error] `D` stands for 党 cut out by a keyword filter\n"
        "  |\n"
        "2 | 加强D建工作。\n"
        "  |     ^\n"
        "  = fix: Restore 党\n"
        "\n"
        "Found 1 finding (1 error) in 1 of 1 file.\n"
        "[*] 1 fixable with `plancheck --fix`.\n"
    )


def test_full_format_elides_long_lines_around_the_span(tmp_path):
    put(tmp_path, "doc.txt", "前" * 60 + "加强D建工作。" + "后" * 60 + "\n")
    [(_, shown, carets)] = _caret_blocks(plancheck("doc.txt", cwd=tmp_path).stdout)
    assert shown.startswith("…") and shown.endswith("…")
    _assert_carets_under(shown, carets, "D")


def test_statistics_prints_counts_per_rule(tmp_path):
    put(tmp_path, "a.txt", MIXED)
    put(tmp_path, "b.txt", "加强D建工作。\n")
    result = plancheck("--statistics", "a.txt", "b.txt", cwd=tmp_path)
    assert result.code == 1
    assert result.lines[:3] == [
        "2  RD001  [*] redacted-party-abbreviation (redaction, error)",
        "1  PH001  [ ] anonymisation-placeholder (placeholder, warning)",
        "1  RD002  [ ] missing-leader-name-in-thought (redaction, warning)",
    ]
    assert result.lines[3] == "Found 4 findings (2 errors, 2 warnings) in 2 of 2 files."


def test_statistics_of_a_clean_file_prints_only_the_summary(tmp_path):
    put(tmp_path, "doc.txt", CLEAN)
    assert plancheck("--statistics", "doc.txt", cwd=tmp_path).stdout == "All checks passed!\n"


# --------------------------------------------------------------------------------------------------
# stdin


def test_stdin_is_checked_under_the_stdin_filename(tmp_path):
    result = plancheck(
        "-",
        "--stdin-filename",
        "doc.txt",
        "--output-format",
        "concise",
        "-q",
        cwd=tmp_path,
        stdin=POLLUTED.encode(),
    )
    assert result.code == 1
    assert result.lines == [
        "doc.txt:2:3: RD001 [*] [error] `D` stands for 党 cut out by a keyword filter",
        "doc.txt:2:8: PW001 [*] [error] Paywall marker `##paidend##` left in the text",
    ]


def test_stdin_without_a_filename_is_called_dash(tmp_path):
    result = plancheck("-", "--output-format", "concise", "-q", cwd=tmp_path, stdin=WARN_ONLY.encode())
    assert result.code == 0
    assert result.lines == ["-:1:1: PH001 [warning] Placeholder `XX` where a name, place or number was removed"]


def test_stdin_fix_writes_only_the_fixed_text_to_stdout(tmp_path):
    data = ("\ufeff" + "工作计划\r\n加强D建工作。##paidend##\r\n" + "XX区。\r\n").encode()
    result = plancheck("-", "--stdin-filename", "doc.txt", "--fix", "--output-format", "concise", cwd=tmp_path, stdin=data)
    assert result.code == 0
    assert result.raw_stdout == ("\ufeff" + "工作计划\r\n加强党建工作。\r\n" + "XX区。\r\n").encode()
    assert result.stderr.splitlines() == [
        "doc.txt:3:1: PH001 [warning] Placeholder `XX` where a name, place or number was removed",
        "Fixed 2 findings in 1 file.",
        "Found 1 finding (1 warning) in 1 of 1 file.",
    ]
    assert list(tmp_path.iterdir()) == []


def test_stdin_filename_picks_the_configuration_and_per_file_ignores(tmp_path):
    put(tmp_path, "plancheck.toml", '[per-file-ignores]\n"drafts/*" = ["RD001"]\n')
    run = lambda name: plancheck(  # noqa: E731
        "-", "--stdin-filename", name, "--output-format", "json", cwd=tmp_path, stdin=POLLUTED.encode()
    )
    assert {f["rule"] for f in json.loads(run("drafts/doc.txt").stdout)} == {"PW001"}
    assert {f["rule"] for f in json.loads(run("final/doc.txt").stdout)} == {"RD001", "PW001"}


def test_stdin_invalid_utf8_exits_2(tmp_path):
    result = plancheck("-", "--stdin-filename", "doc.txt", cwd=tmp_path, stdin=b"\xff\n")
    assert result.code == 2
    assert_one_line_skip(result.stderr, "plancheck: doc.txt: not valid UTF-8 (byte 0xff at offset 0)")


# --------------------------------------------------------------------------------------------------
# configuration


def test_plancheck_toml_is_discovered(tmp_path):
    put(tmp_path, "plancheck.toml", 'ignore = ["RD001"]\n')
    put(tmp_path, "docs/doc.txt", POLLUTED)
    assert rule_ids("docs/doc.txt", cwd=tmp_path) == {"PW001"}


def test_pyproject_tool_plancheck_table_is_discovered(tmp_path):
    put(tmp_path, "pyproject.toml", '[project]\nname = "corpus"\n\n[tool.plancheck]\nignore = ["PW"]\n')
    put(tmp_path, "docs/doc.txt", POLLUTED)
    assert rule_ids("docs/doc.txt", cwd=tmp_path) == {"RD001"}


def test_the_closest_configuration_wins_without_merging(tmp_path):
    put(tmp_path, "plancheck.toml", 'ignore = ["PH001"]\n')
    put(tmp_path, "sub/pyproject.toml", '[tool.plancheck]\nignore = ["RD"]\n')
    put(tmp_path, "sub/deeper/pyproject.toml", '[project]\nname = "no-plancheck-table"\n')
    for name in ("a.txt", "sub/a.txt", "sub/deeper/a.txt"):
        put(tmp_path, name, MIXED)
    by_path: dict[str, set[str]] = {}
    for item in findings(".", cwd=tmp_path):
        by_path.setdefault(item["path"], set()).add(item["rule"])
    assert by_path == {
        "a.txt": {"RD001", "RD002"},
        "sub/a.txt": {"PH001"},
        "sub/deeper/a.txt": {"PH001"},
    }


def test_plancheck_toml_beats_pyproject_in_the_same_folder(tmp_path):
    put(tmp_path, "plancheck.toml", 'ignore = ["PW001"]\n')
    put(tmp_path, "pyproject.toml", '[tool.plancheck]\nignore = ["RD001"]\n')
    put(tmp_path, "doc.txt", POLLUTED)
    assert rule_ids("doc.txt", cwd=tmp_path) == {"RD001"}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plancheck.toml", 'ignor = ["PH001"]\n', "plancheck.toml: unknown key 'ignor' (did you mean 'ignore'?)"),
        (
            "pyproject.toml",
            '[tool.plancheck]\nextend-selct = ["RD"]\n',
            "pyproject.toml: unknown key 'extend-selct' (did you mean 'extend-select'?)",
        ),
        ("plancheck.toml", '[severity]\nPH01 = "error"\n', "'severity.PH01': unknown rule id 'PH01' (did you mean 'PH001'?)"),
        ("plancheck.toml", '[severity]\nPH001 = "fatal"\n', "'severity.PH001' must be one of info, warning, error"),
        ("plancheck.toml", 'select = ["redactoin"]\n', "unknown rule selector 'redactoin' (did you mean 'redaction'?)"),
        ("plancheck.toml", "select = [\n", "invalid TOML"),
    ],
    ids=["unknown-key", "unknown-key-pyproject", "severity-id", "severity-level", "selector", "bad-toml"],
)
def test_bad_configuration_exits_2_with_a_message(tmp_path, name, content, message):
    put(tmp_path, name, content)
    path = put(tmp_path, "doc.txt", POLLUTED)
    for args in (["doc.txt"], ["--fix", "doc.txt"]):
        result = plancheck(*args, cwd=tmp_path)
        assert result.code == 2
        assert result.stdout == ""
        assert result.stderr.startswith("plancheck: error: ")
        # errors point at the line of the key: FILE:LINE: …
        assert message in re.sub(r"\.toml:\d+: ", ".toml: ", result.stderr)
    assert path.read_text(encoding="utf-8") == POLLUTED


def test_per_file_ignores_apply_to_matching_files_only(tmp_path):
    put(tmp_path, "plancheck.toml", '[per-file-ignores]\n"drafts/*" = ["RD001"]\n"*.md" = ["paywall"]\n')
    put(tmp_path, "drafts/a.txt", POLLUTED)
    put(tmp_path, "final/b.txt", POLLUTED)
    put(tmp_path, "final/c.md", POLLUTED)
    rules: dict[str, set[str]] = {}
    for item in findings(".", cwd=tmp_path):
        rules.setdefault(item["path"], set()).add(item["rule"])
    assert rules == {"drafts/a.txt": {"PW001"}, "final/b.txt": {"RD001", "PW001"}, "final/c.md": {"RD001"}}


def test_severity_override_turns_a_warning_into_an_error(tmp_path):
    put(tmp_path, "doc.txt", WARN_ONLY)
    assert plancheck("doc.txt", cwd=tmp_path).code == 0
    put(tmp_path, "plancheck.toml", '[severity]\nPH001 = "error"\n')
    result = plancheck("--output-format", "concise", "doc.txt", cwd=tmp_path)
    assert result.code == 1
    assert result.lines[0] == "doc.txt:1:1: PH001 [error] Placeholder `XX` where a name, place or number was removed"
    assert plancheck("--fix", "doc.txt", cwd=tmp_path).code == 1


def test_fail_level_in_configuration_and_the_command_line_overrides_it(tmp_path):
    put(tmp_path, "plancheck.toml", 'fail-level = "warning"\n')
    put(tmp_path, "doc.txt", WARN_ONLY)
    assert plancheck("doc.txt", cwd=tmp_path).code == 1
    assert plancheck("--fail-level", "error", "doc.txt", cwd=tmp_path).code == 0


def test_folder_walk_checks_only_txt_and_md_by_default(tmp_path):
    for name in ("a.txt", "b.md", "c.rst", "d.json", "e.text", "build/f.txt", ".git/g.txt", "node_modules/h.txt", "sub/i.txt"):
        put(tmp_path, name, POLLUTED)
    assert paths_checked_with_findings(".", cwd=tmp_path) == ["a.txt", "b.md", "sub/i.txt"]


def test_include_and_exclude_from_configuration_steer_the_walk(tmp_path):
    put(tmp_path, "plancheck.toml", 'include = ["*.txt", "*.rst"]\nexclude = ["notes", "*.draft.txt"]\n')
    for name in ("a.txt", "b.md", "c.rst", "x.draft.txt", "notes/d.txt", "build/e.txt", "sub/f.rst"):
        put(tmp_path, name, POLLUTED)
    assert paths_checked_with_findings(".", cwd=tmp_path) == ["a.txt", "c.rst", "sub/f.rst"]


def test_an_excluded_file_named_explicitly_is_checked_unless_force_exclude(tmp_path):
    put(tmp_path, "plancheck.toml", 'exclude = ["notes"]\n')
    put(tmp_path, "notes/d.txt", POLLUTED)
    assert plancheck("notes/d.txt", cwd=tmp_path).code == 1
    forced = plancheck("--force-exclude", "notes/d.txt", cwd=tmp_path)
    assert forced.code == 0
    assert "notes/d.txt" not in forced.stdout


def test_patterns_for_a_dot_folder_match(tmp_path):
    put(tmp_path, "plancheck.toml", 'exclude = [".archive/*.txt", "./drafts/"]\n')
    put(tmp_path, ".archive/old.txt", POLLUTED)
    put(tmp_path, "archive/kept.txt", POLLUTED)
    put(tmp_path, "drafts/d.txt", POLLUTED)
    put(tmp_path, "new.txt", POLLUTED)
    assert paths_checked_with_findings(".", cwd=tmp_path) == ["archive/kept.txt", "new.txt"]


def test_an_excluded_folder_named_explicitly_is_walked_unless_force_exclude(tmp_path):
    put(tmp_path, "plancheck.toml", 'exclude = ["notes"]\n')
    put(tmp_path, "notes/d.txt", POLLUTED)
    put(tmp_path, "notes/sub/e.txt", POLLUTED)
    assert paths_checked_with_findings("notes", cwd=tmp_path) == ["notes/d.txt", "notes/sub/e.txt"]
    for args in ((".",), ("--force-exclude", "notes")):  # every file excluded: nothing to check
        result = plancheck(*args, cwd=tmp_path)
        assert result.code == 2 and "no file to check in" in result.stderr


def test_config_option_disables_discovery(tmp_path):
    put(tmp_path, "plancheck.toml", 'ignore = ["RD"]\n')
    put(tmp_path, "sub/pyproject.toml", '[tool.plancheck]\nignore = ["PW"]\n')
    put(tmp_path, "shared/other.toml", 'select = ["PH"]\n')
    put(tmp_path, "sub/doc.txt", POLLUTED + WARN_ONLY)
    assert rule_ids("sub/doc.txt", cwd=tmp_path) == {"RD001", "PH001"}
    assert rule_ids("--config", "shared/other.toml", "sub/doc.txt", cwd=tmp_path) == {"PH001"}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.toml", None, "missing.toml: no such configuration file"),
        ("pyproject.toml", '[project]\nname = "x"\n', "pyproject.toml: has no [tool.plancheck] table"),
    ],
)
def test_config_option_with_an_unusable_file_exits_2(tmp_path, name, content, message):
    if content is not None:
        put(tmp_path, name, content)
    put(tmp_path, "doc.txt", CLEAN)
    result = plancheck("--config", name, "doc.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr == f"plancheck: error: {message}\n"


# --------------------------------------------------------------------------------------------------
# user rule packs


def test_a_user_rule_pack_is_loaded_and_its_rule_fires(tmp_path):
    with_user_pack(tmp_path)
    path = put(tmp_path, "doc.txt", "年度【VIP专享】工作计划\n")
    result = plancheck("--output-format", "concise", "-q", "doc.txt", cwd=tmp_path)
    assert (result.code, result.lines) == (1, ["doc.txt:1:3: PW901 [*] [error] VIP teaser `【VIP专享】` left in the text"])
    assert rule_ids("--select", "paywall", "doc.txt", cwd=tmp_path) == {"PW901"}
    assert rule_ids("--ignore", "PW9", "doc.txt", cwd=tmp_path) == set()
    # the teaser is a third of this tiny document: lift the runaway guard for it
    fixed = plancheck("--fix", "--max-deletion", "1", "doc.txt", cwd=tmp_path)
    assert (fixed.code, fixed.stderr) == (0, "Fixing doc.txt\n")
    assert path.read_text(encoding="utf-8") == "年度工作计划\n"


def test_a_user_rule_pack_shows_in_rule_and_rules(tmp_path):
    with_user_pack(tmp_path)
    explained = plancheck("rule", "PW901", cwd=tmp_path)
    assert explained.code == 0
    assert explained.lines[:3] == [
        "PW901 vip-teaser",
        "category: paywall   severity: error   kind: pattern",
        "fix: safe (applied by --fix) — Delete the teaser",
    ]
    listed = plancheck("rules", cwd=tmp_path)
    assert any(line.split()[:2] == ["PW901", "vip-teaser"] for line in listed.lines)


@pytest.mark.parametrize(
    ("old", "new", "rule_id", "message"),
    [
        ('fix = "safe"', 'fixx = "safe"', "PW901", "unknown key 'fixx' (did you mean 'fix'?)"),
        ("pattern = '''【VIP专享】'''", "pattern = '''【VIP(专享'''", "PW901", "key 'pattern': invalid regular expression"),
        ('id = "PW901"', 'id = "PW001"', "PW001", "duplicate id (already defined in"),
        ('name = "vip-teaser"', 'name = "paywall-marker"', "PW901", "duplicate name 'paywall-marker'"),
        ('category = "paywall"', 'category = "paywal"', "PW901", "unknown category 'paywal' (did you mean 'paywall'?)"),
        ('kind = "pattern"', 'kind = "patern"', "PW901", "unknown kind 'patern' (did you mean 'pattern'?)"),
    ],
    ids=["unknown-key", "bad-regex", "duplicate-id", "duplicate-name", "unknown-category", "unknown-kind"],
)
def test_an_invalid_user_pack_exits_2_naming_the_pack_and_the_rule(tmp_path, old, new, rule_id, message):
    assert old in USER_PACK
    pack = with_user_pack(tmp_path, USER_PACK.replace(old, new))
    put(tmp_path, "doc.txt", CLEAN)
    for args in (["doc.txt"], ["rules"], ["rule", "RD001"]):
        result = plancheck(*args, cwd=tmp_path)
        assert result.code == 2, args
        assert result.stdout == ""
        assert result.stderr.startswith("plancheck: error: ")
        assert re.search(rf"{re.escape(pack.name)}:\d+: rule {rule_id}: {re.escape(message)}", result.stderr), result.stderr


def test_a_missing_user_pack_exits_2(tmp_path):
    put(tmp_path, "plancheck.toml", 'rule-packs = ["nothere.toml"]\n')
    put(tmp_path, "doc.txt", CLEAN)
    result = plancheck("doc.txt", cwd=tmp_path)
    assert result.code == 2
    assert "'rule-packs': no such file" in result.stderr and "nothere.toml" in result.stderr


# --------------------------------------------------------------------------------------------------
# `plancheck rule`, `plancheck rules`, --version, the console script


def test_rule_explains_description_fix_safety_and_examples(tmp_path):
    result = plancheck("rule", "RD001", cwd=tmp_path)
    assert result.code == 0
    assert result.lines[:4] == [
        "RD001 redacted-party-abbreviation",
        "category: redaction   severity: error   kind: censored-letter",
        "fix: safe (applied by --fix) — Restore 党",
        "message: `{match}` stands for 党 cut out by a keyword filter",
    ]
    assert "What: a Latin `D` (a full-width `Ｄ`, a lower-case `d`) standing where a keyword filter cut 党 out" in result.stdout
    assert "Examples:" in result.lines
    assert "  bad:   '认真学习宣传贯彻D的二十大精神，继续抓好D建工作，加强D员干部教育。\\n'" in result.lines
    assert "  fixed: '认真学习宣传贯彻党的二十大精神，继续抓好党建工作，加强党员干部教育。\\n'" in result.lines
    assert "  good:  '按照4D的运输机场标准建设，D风险等级另行评估。\\n'" in result.lines


@pytest.mark.parametrize(
    ("wanted", "fix_line"),
    [
        ("RD002", "fix: unsafe (applied by --fix --unsafe-fixes) — Restore 习近平"),
        ("PH001", "fix: none"),
        ("rd001", "fix: safe (applied by --fix) — Restore 党"),
        ("redacted-party-abbreviation", "fix: safe (applied by --fix) — Restore 党"),
    ],
)
def test_rule_accepts_ids_lower_case_ids_and_names(tmp_path, wanted, fix_line):
    result = plancheck("rule", wanted, cwd=tmp_path)
    assert result.code == 0
    assert result.lines[2] == fix_line


def test_rule_with_an_unknown_id_exits_2(tmp_path):
    result = plancheck("rule", "nonsense", cwd=tmp_path)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith("plancheck rule: error: unknown rule 'nonsense'")
    assert "did you mean 'RD001'" in plancheck("rule", "RD01", cwd=tmp_path).stderr


def test_rules_lists_every_rule_id(tmp_path):
    result = plancheck("rules", cwd=tmp_path)
    assert result.code == 0
    assert [line.split()[0] for line in result.lines] == builtin_rule_ids()


def test_rules_json_is_valid_and_complete(tmp_path):
    result = plancheck("rules", "--output-format", "json", cwd=tmp_path)
    assert result.code == 0
    rules = json.loads(result.stdout)
    assert [r["id"] for r in rules] == builtin_rule_ids()
    for r in rules:
        assert {"id", "name", "category", "severity", "kind", "fix", "message", "description", "examples"} <= set(r)
        assert r["fix"] in ("safe", "unsafe", "none")
        assert any("bad" in e for e in r["examples"]) and any("good" in e for e in r["examples"])


def test_check_subcommand_is_the_default_command(tmp_path):
    put(tmp_path, "doc.txt", POLLUTED)
    assert plancheck("check", "doc.txt", cwd=tmp_path).stdout == plancheck("doc.txt", cwd=tmp_path).stdout


def test_module_version(tmp_path):
    result = plancheck("--version", cwd=tmp_path)
    assert (result.code, result.stdout) == (0, f"plancheck {lint.__version__}\n")


def test_console_script_version_and_check(tmp_path):
    version = plancheck("--version", cwd=tmp_path, script=True)
    assert (version.code, version.stdout) == (0, f"plancheck {lint.__version__}\n")
    put(tmp_path, "doc.txt", POLLUTED)
    via_script = plancheck("--output-format", "concise", "doc.txt", cwd=tmp_path, script=True)
    via_module = plancheck("--output-format", "concise", "doc.txt", cwd=tmp_path)
    assert (via_script.code, via_script.stdout) == (via_module.code, via_module.stdout) == (1, via_module.stdout)
    assert via_script.lines[0] == "doc.txt:2:3: RD001 [*] [error] `D` stands for 党 cut out by a keyword filter"


def test_console_script_fix(tmp_path):
    path = put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck("--fix", "doc.txt", cwd=tmp_path, script=True)
    assert (result.code, result.stderr) == (0, "Fixing doc.txt\n")
    assert path.read_text(encoding="utf-8") == POLLUTED_FIXED


# --------------------------------------------------------------------------------------------------
# a first argument that is both a subcommand and a path; a run that finds nothing to check


@pytest.mark.parametrize("name", ["clean", "rules", "report", "init", "dataset", "rule"])
def test_a_folder_named_like_a_subcommand_is_never_taken_for_it(tmp_path, name):
    """`plancheck clean` on a corpus folder `clean/` removed the cache and exited 0: a gate bypass."""
    put(tmp_path / name, "doc.txt", POLLUTED)
    plancheck("check", ".", cwd=tmp_path)  # makes a results cache, which `clean` would remove
    result = plancheck(name, cwd=tmp_path)
    assert result.code == 2
    assert f"'{name}' is both a subcommand and a path here: run `plancheck check {name}`" in result.stderr
    assert (tmp_path / ".plancheck_cache").is_dir()
    assert not (tmp_path / "plancheck.toml").exists() and not list(tmp_path.glob("*.html"))
    checked = plancheck("check", name, cwd=tmp_path)
    assert checked.code == 1 and f"{name}/doc.txt" in checked.stdout


def test_folders_with_nothing_to_check_fail_the_run(tmp_path):
    (tmp_path / "empty").mkdir()
    put(tmp_path / "pdfs", "scan.pdf", "not text")
    for folder in ("empty", "pdfs"):
        result = plancheck("check", folder, cwd=tmp_path)
        assert result.code == 2
        assert f"no file to check in {folder} (include: *.txt, *.md)" in result.stderr
    # pre-commit names files: when every one is excluded, there is simply nothing to do
    put(tmp_path / "examples", "x.txt", POLLUTED)
    put(tmp_path, "plancheck.toml", 'exclude = ["examples"]\n')
    assert plancheck("check", "--force-exclude", "examples/x.txt", cwd=tmp_path).code == 0


def test_a_merged_rule_id_names_the_rule_that_took_it_over(tmp_path):
    put(tmp_path, "a.txt", "一、总体要求\n")
    result = plancheck("check", "--ignore", "ST011", "a.txt", cwd=tmp_path)
    assert result.code == 2
    assert "rule 'ST011' is now part of ST005" in result.stderr


# --------------------------------------------------------------------------------------------------
# a fix that is refused is neither fixed nor fixable


def test_fix_of_a_read_only_file_says_nothing_was_fixed(tmp_path):
    path = put(tmp_path, "a.txt", POLLUTED)
    path.chmod(0o444)
    result = plancheck("--fix", "--output-format", "concise", "a.txt", cwd=tmp_path)
    assert result.code == 2
    assert "a.txt: read-only file; not fixed" in result.stderr and "Fixing" not in result.stderr
    assert "Fixed" not in result.stdout and "fixable" not in result.stdout
    assert "Found 2 findings (2 errors) in 1 of 1 file. 1 error above." in result.stdout
    assert "[*]" not in result.stdout  # the findings are those of the text as it stays
    assert path.read_text(encoding="utf-8") == POLLUTED


def test_fixes_refused_by_a_guard_are_not_counted_as_fixable(tmp_path):
    put(tmp_path, "a.txt", "请替换付费标签内内容\n")  # PW002's fix would delete every Han character
    result = plancheck("--fix", "a.txt", cwd=tmp_path)
    assert result.code == 1 and "fixes would delete all of its Han text" in result.stderr
    assert "Fixed" not in result.stdout and "fixable" not in result.stdout


# --------------------------------------------------------------------------------------------------
# the parser's manners: no abbreviations, did-you-mean, each command's own help, ids in any case


@pytest.mark.parametrize(("typed", "meant"), [("--unsafe-fix", "--unsafe-fixes"), ("--fi", "--fix"), ("--statistic", "--statistics")])
def test_an_option_is_never_abbreviated_and_a_typo_gets_a_did_you_mean(tmp_path, typed, meant):
    path = put(tmp_path, "a.txt", MIXED)
    args = [typed] if typed == "--fi" else ["--fix", typed]
    result = plancheck(*args, "a.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr == f"plancheck: error: unknown option '{typed}' (did you mean '{meant}'?)\nRun `plancheck --help` for usage.\n"
    assert path.read_text(encoding="utf-8") == MIXED


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("check", ["--fix", "--diff", "a.txt"]),
        ("rule", ["RD001", "--confg", "x"]),
        ("rules", ["--output-format", "xml"]),
        ("init", ["--pyprojetc"]),
        ("clean", ["--all"]),
        ("report", ["--titel", "x", "a.txt"]),
        ("dataset", ["--text-feild", "t", "-o", "out", "a.jsonl"]),
    ],
)
def test_a_subcommands_usage_error_points_to_its_own_help(tmp_path, command, args):
    put(tmp_path, "a.txt", POLLUTED)
    result = plancheck(command, *args, cwd=tmp_path)
    assert result.code == 2
    assert result.stderr.startswith(f"plancheck {command}: error: ") or command == "check", result.stderr
    assert result.stderr.endswith(f"Run `plancheck {command} --help` for usage.\n"), result.stderr


def test_help_lists_every_subcommand(tmp_path):
    from lint.cli.main import COMMANDS

    listed = plancheck("--help", cwd=tmp_path).stdout.split("commands (", 1)[1]
    for name, command in COMMANDS.items():
        assert re.search(rf"^  {name} +{re.escape(command.summary)}$", listed, re.MULTILINE), name
        assert plancheck(name, "--help", cwd=tmp_path).code == 0


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_rule_ids_in_selectors_are_case_insensitive_as_in_rule(tmp_path, option):
    put(tmp_path, "a.txt", POLLUTED)
    assert rule_ids(option, "rd001,pw", "a.txt", cwd=tmp_path) == rule_ids(option, "RD001,PW", "a.txt", cwd=tmp_path)
    assert plancheck("rule", "rd001", cwd=tmp_path).code == 0


def test_rule_ids_in_a_configuration_file_are_case_insensitive_as_on_the_command_line(tmp_path):
    put(tmp_path, "a.txt", POLLUTED)
    put(tmp_path, "plancheck.toml", 'ignore = ["RD001"]\n[severity]\nPW001 = "info"\n')
    upper = plancheck("--output-format", "concise", "a.txt", cwd=tmp_path).stdout
    put(tmp_path, "plancheck.toml", 'ignore = ["rd001"]\n[severity]\npw001 = "info"\n')
    assert plancheck("--output-format", "concise", "a.txt", cwd=tmp_path).stdout == upper
    assert "RD001" not in upper and "[info]" in upper


@pytest.mark.parametrize("merged", ["ST007", "st011", "duplicate-clause-ordinal"])
def test_rule_of_a_merged_id_names_the_rule_it_became(tmp_path, merged):
    result = plancheck("rule", merged, cwd=tmp_path)
    assert result.code == 2
    assert f"rule '{merged.upper() if merged[2:].isdigit() else merged}' is now part of ST005" in result.stderr
    assert f"rule '{merged.upper() if merged[2:].isdigit() else merged}' is now part of ST005" in plancheck(
        "--select", merged, ".", cwd=tmp_path
    ).stderr


# --------------------------------------------------------------------------------------------------
# Ctrl-C


def test_ctrl_c_during_a_parallel_fix_stops_at_once_and_names_every_file_written(tmp_path):
    import signal
    import time

    # enough bytes for the pool (runner.SERIAL_BELOW), in files small enough to be done in moments
    paragraph = "加强D建工作。##paidend##\n" + "全面加强党的建设，推进各项任务落实。\n" * 80
    corpus = tmp_path / "corpus"
    for n in range(300):
        put(corpus, f"{n:03}.txt", paragraph)
    fixed = paragraph.replace("D建", "党建").replace("##paidend##", "")
    command = [sys.executable, "-m", "lint", "--fix", "--no-cache", "-j", "2", "corpus"]
    proc = subprocess.Popen(command, cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120  # a fresh user cache: the rule set is compiled first
    while not any(path.read_text(encoding="utf-8") == fixed for path in corpus.glob("*.txt")):
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended before a file was fixed"
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    sent = time.monotonic()
    stdout, stderr = proc.communicate(timeout=30)
    took = time.monotonic() - sent
    stderr_text = stderr.decode()
    assert proc.returncode == 130, stderr_text
    assert took < 1.0, f"{took:.2f} s after Ctrl-C"
    assert "Traceback" not in stderr_text and stderr_text.endswith("plancheck: interrupted\n"), stderr_text
    texts = {path.name: path.read_text(encoding="utf-8") for path in corpus.iterdir()}
    assert set(texts.values()) <= {paragraph, fixed}, "a file neither as it was nor fixed, or a temporary file left"
    written = {name for name, text in texts.items() if text == fixed}
    named = {line.removeprefix("Fixing corpus/") for line in stderr_text.splitlines() if line.startswith("Fixing ")}
    assert written == named and len(written) < len(texts)


# --------------------------------------------------------------------------------------------------
# --output-file, --show-files, --show-settings


def test_output_file_holds_what_stdout_would(tmp_path):
    put(tmp_path, "a.txt", POLLUTED)
    shown = plancheck("--output-format", "concise", "a.txt", cwd=tmp_path)
    result = plancheck("--output-format", "concise", "--output-file", "out/report.txt", "a.txt", cwd=tmp_path)
    assert (result.code, result.stdout) == (1, "")
    assert (tmp_path / "out" / "report.txt").read_text(encoding="utf-8") == shown.stdout
    unwritable = plancheck("-o", "a.txt/report.txt", "a.txt", cwd=tmp_path)  # under a file
    assert unwritable.code == 2 and "cannot write a.txt/report.txt" in unwritable.stderr
    assert plancheck("-o", "a.txt", "a.txt", cwd=tmp_path).code == 2  # never over a file it checks


def test_show_files_lists_what_would_be_checked_after_include_and_exclude(tmp_path):
    put(tmp_path, "plancheck.toml", 'exclude = ["drafts"]\n')
    for name in ("docs/a.txt", "docs/B.MD", "docs/scan.pdf", "docs/drafts/c.txt", "notes/d.md"):
        put(tmp_path, name, POLLUTED)
    result = plancheck("--show-files", "docs", "notes", cwd=tmp_path)
    assert (result.code, result.lines, result.stderr) == (0, ["docs/B.MD", "docs/a.txt", "notes/d.md"], "")
    missing = plancheck("--show-files", "nope", cwd=tmp_path)
    assert missing.code == 2 and "nope: no such file or directory" in missing.stderr
    assert all(path.read_text(encoding="utf-8") == POLLUTED for path in (tmp_path / "docs").glob("*.txt"))


def test_show_settings_says_where_each_value_comes_from(tmp_path):
    put(tmp_path, "plancheck.toml", '# corpus settings\nfail-level = "warning"\n\nignore = ["PH001"]\n')
    put(tmp_path, "a.txt", POLLUTED)
    result = plancheck("--show-settings", "--ignore", "rd001", "--max-deletion", "0.5", "a.txt", cwd=tmp_path)
    assert result.code == 0, result.stderr
    config = tmp_path / "plancheck.toml"
    rows = {line.split(" = ", 1)[0]: line for line in result.lines if " = " in line}
    assert rows["fail-level"].startswith('fail-level = "warning"') and rows["fail-level"].endswith(f"# {config}:2")
    assert rows["ignore"].startswith('ignore = ["PH001"]') and rows["ignore"].endswith(f"# {config}:4")
    assert rows["--ignore"].startswith('--ignore = ["RD001"]') and rows["--ignore"].endswith("# command line")
    assert rows["max-deletion"].startswith("max-deletion = 0.5") and rows["max-deletion"].endswith("# command line")
    assert rows["rule-timeout"].startswith("rule-timeout = 10") and rows["rule-timeout"].endswith("# default")
    from lint.config.settings import KEYS

    assert set(KEYS) <= set(rows)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == POLLUTED


# --------------------------------------------------------------------------------------------------
# configuration errors: the hint for a pasted header, the key's own line


def test_a_tool_plancheck_header_in_plancheck_toml_gets_a_hint(tmp_path):
    put(tmp_path, "plancheck.toml", '# pasted from pyproject.toml\n[tool.plancheck]\nignore = ["PH001"]\n')
    put(tmp_path, "a.txt", CLEAN)
    result = plancheck("a.txt", cwd=tmp_path)
    assert result.code == 2
    assert f"{tmp_path / 'plancheck.toml'}:2: the [tool.plancheck] header belongs in pyproject.toml" in result.stderr


@pytest.mark.parametrize(
    ("table", "line", "message"),
    [
        ('select = ["ALL", "RDX"]\n', 6, "'select': unknown rule selector 'RDX'"),
        ('ignore = ["RD001"]\n\n[tool.plancheck.severity]\nPH001 = "error"\nRD009 = "error"\n', 10, "'severity.RD009': unknown rule id"),
        ('[tool.plancheck.severity]\nRD001 = "fatal"\n', 7, "'severity.RD001' must be one of"),
        (
            '[tool.plancheck.per-file-ignores]\n"a/*" = ["PH001"]\n"b/*" = ["RDX"]\n',
            8,
            "'per-file-ignores.b/*': unknown rule selector 'RDX'",
        ),
    ],
    ids=["selector", "severity-table", "level-in-table", "per-file-ignores-table"],
)
def test_an_error_in_pyproject_names_the_keys_own_line(tmp_path, table, line, message):
    put(tmp_path, "pyproject.toml", f'[project]\nname = "corpus"\n\n[tool.plancheck]\nfail-level = "error"\n{table}')
    put(tmp_path, "a.txt", CLEAN)
    result = plancheck("a.txt", cwd=tmp_path)
    assert result.code == 2
    assert f"{tmp_path / 'pyproject.toml'}:{line}: {message}" in result.stderr, result.stderr


def test_the_readme_says_how_to_run_the_installed_command(tmp_path):
    usage = (ROOT / "README.md").read_text(encoding="utf-8").split("## Usage", 1)[1].split("```", 1)[0]
    assert ".venv/bin/plancheck" in usage and "source .venv/bin/activate" in usage
    script = Path(console_script())
    assert script.parent.name == "bin" and (script.parent / "activate").is_file()  # the venv the README names
    put(tmp_path, "a.txt", POLLUTED)
    assert plancheck("check", "a.txt", cwd=tmp_path, script=True).code == 1
