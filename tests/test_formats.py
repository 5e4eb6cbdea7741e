"""Output formats for CI (github, sarif, junit, json-lines, gitlab, auto) and for people at a
terminal (colour, progress bar), run as a user runs them: the real CLI in a subprocess."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema  # the dev extra's; validating SARIF is the point of these tests, so no skip
import pytest

from lint.output.formats import CHOICES
from lint.output.terminal import Progress
from tests.test_cli import ENV, MIXED, POLLUTED, SEEDS, Result, put

# The official SARIF 2.1.0 schema, copied from the npm package @microsoft/jest-sarif (MIT licence).
SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0-rtm.5.json"
SEED_FILES = sorted(p for p in SEEDS.glob("*.txt") if p.name.count(".") == 1)
needs_seeds = pytest.mark.skipif(not SEED_FILES, reason=f"no seed documents in {SEEDS}")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def plancheck(*args: object, cwd: Path, env: dict[str, str] | None = None, stdin: bytes = b"") -> Result:
    """Run the CLI in a subprocess with `env` added to a colourless, Actions-free environment."""
    base = {k: v for k, v in ENV.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.run(
        [sys.executable, "-m", "lint", *(str(a) for a in args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env={**base, **(env or {})},
        timeout=120,
    )
    result = Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"), proc.stdout)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def in_terminal(*args: object, cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run the CLI with stdout and stderr on a pseudo-terminal; returns the exit code and what
    the terminal received."""
    base = {k: v for k, v in ENV.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    controller, terminal = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", *(str(a) for a in args)],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        env={**base, "TERM": "xterm", **(env or {})},
    )
    os.close(terminal)
    received = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the process is done writing
            break
        if not chunk:
            break
        received += chunk
    os.close(controller)
    return proc.wait(timeout=120), received.decode("utf-8").replace("\r\n", "\n")


def seed_corpus(folder: Path) -> Path:
    corpus = folder / "corpus"
    corpus.mkdir()
    for seed in SEED_FILES:
        shutil.copy(seed, corpus / seed.name)
    return corpus


def as_json(*args: object, cwd: Path) -> list[dict]:
    return json.loads(plancheck("--output-format", "json", *args, cwd=cwd).stdout)


# --------------------------------------------------------------------------------------------------
# github


GITHUB_LINE = re.compile(
    r"::(error|warning|notice) (file=[^:]*),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([A-Z]{2}\d{3})::(.*)"
)


def unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@needs_seeds
def test_github_annotations_on_the_seed_corpus_carry_every_finding(tmp_path):
    seed_corpus(tmp_path)
    expected = as_json("corpus", cwd=tmp_path)
    result = plancheck("--output-format", "github", "corpus", cwd=tmp_path)
    assert result.code == 1
    assert len(result.lines) == len(expected) > 10
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    for line, finding in zip(result.lines, expected, strict=True):
        m = GITHUB_LINE.fullmatch(line)
        assert m, line
        command, file, *numbers, title, message = m.groups()
        assert command == levels[finding["severity"]]
        assert unescape(file.removeprefix("file=")) == finding["path"]
        assert [int(n) for n in numbers] == [finding[k] for k in ("line", "column", "end_line", "end_column")]
        assert title == finding["rule"]
        assert unescape(message).split("\n")[0] == finding["message"]
        if finding["fix"] and finding["fix"]["applicability"] == "safe":
            assert unescape(message).split("\n")[1] == f"fix: {finding['fix']['message']}"


def test_github_escapes_what_workflow_commands_reserve(tmp_path):
    put(tmp_path, "a,b:c%d.txt", "XX区工作计划。\n")  # PH001, a warning, in a file whose name needs escaping
    result = plancheck("--output-format", "github", ".", cwd=tmp_path)
    assert result.code == 0
    assert result.lines == [
        "::warning file=a%2Cb%3Ac%25d.txt,line=1,col=1,endLine=1,endColumn=3,title=PH001::"
        "Placeholder `XX` where a name, place or number was removed"
    ]


def test_auto_is_github_inside_github_actions_and_full_elsewhere(tmp_path):
    put(tmp_path, "doc.txt", POLLUTED)
    in_actions = plancheck("--output-format", "auto", "doc.txt", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert in_actions.stdout == plancheck("--output-format", "github", "doc.txt", cwd=tmp_path).stdout
    assert in_actions.stdout.startswith("::error file=doc.txt,line=2,col=3,")
    elsewhere = plancheck("--output-format", "auto", "doc.txt", cwd=tmp_path)
    assert elsewhere.stdout == plancheck("doc.txt", cwd=tmp_path).stdout
    assert in_actions.code == elsewhere.code == 1


# --------------------------------------------------------------------------------------------------
# sarif


def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def assert_valid_sarif(log: dict) -> None:
    errors = [f"{list(e.path)}: {e.message}" for e in sarif_validator().iter_errors(log)]
    assert errors == []


@needs_seeds
def test_sarif_on_the_seed_corpus_is_valid_and_locates_every_finding(tmp_path):
    corpus = seed_corpus(tmp_path)
    expected = as_json("corpus", cwd=tmp_path)
    result = plancheck("--output-format", "sarif", "corpus", cwd=tmp_path)
    assert result.code == 1
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "plancheck" and driver["version"] and "informationUri" not in driver
    rules = driver["rules"]
    assert len({r["id"] for r in rules}) == len(rules) > 30
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"].startswith("What:")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run["results"]
    assert len(results) == len(expected)
    for result_, finding in zip(results, expected, strict=True):
        assert result_["ruleId"] == finding["rule"] == rules[result_["ruleIndex"]]["id"]
        assert result_["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        assert result_["message"]["text"] == finding["message"]
        location = result_["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "corpus/" + Path(finding["path"]).name
        region = location["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            finding["line"],
            finding["column"],
            finding["end_line"],
            finding["end_column"],
        )
        text = (corpus / Path(finding["path"]).name).read_text(encoding="utf-8-sig")
        assert text[region["charOffset"] : region["charOffset"] + region["charLength"]] == finding["text"]
        if finding["fix"] is None:
            assert "fixes" not in result_
        else:
            replacements = result_["fixes"][0]["artifactChanges"][0]["replacements"]
            deleted = [r["deletedRegion"] for r in replacements]
            edits = [
                {"start": d["charOffset"], "end": d["charOffset"] + d["charLength"], "content": r["insertedContent"]["text"]}
                for d, r in zip(deleted, replacements, strict=True)
            ]
            assert edits == finding["fix"]["edits"]


def test_sarif_uris_are_percent_encoded_and_unused_suppressions_have_a_rule(tmp_path):
    put(tmp_path, "工作 计划.md", "<!-- plancheck: disable-next-line RD001 -->\n加强党建工作。\n")
    log = json.loads(plancheck("--output-format", "sarif", ".", cwd=tmp_path).stdout)
    assert_valid_sarif(log)
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "unused-suppression"
    assert log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "unused-suppression"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%E5%B7%A5%E4%BD%9C%20%E8%AE%A1%E5%88%92.md"


def test_sarif_of_a_clean_corpus_is_valid_with_no_results(tmp_path):
    put(tmp_path, "doc.txt", "工作计划\n加强党建工作。\n")
    result = plancheck("--output-format", "sarif", ".", cwd=tmp_path)
    assert result.code == 0
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    assert log["runs"][0]["results"] == []


# --------------------------------------------------------------------------------------------------
# junit


@needs_seeds
def test_junit_has_one_test_case_per_file_and_a_failure_listing_its_findings(tmp_path):
    seed_corpus(tmp_path)
    put(tmp_path, "corpus/clean.txt", "工作计划\n加强党建工作。\n")
    put(tmp_path, "corpus/warned.txt", "XX区工作计划。\n")  # a warning only: below the fail level
    expected = as_json("corpus", cwd=tmp_path)
    result = plancheck("--output-format", "junit", "corpus", cwd=tmp_path)
    assert result.code == 1
    suites = ET.fromstring(result.raw_stdout)
    assert suites.tag == "testsuites"
    (suite,) = suites
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert sorted(cases) == sorted([f"corpus/{p.name}" for p in SEED_FILES] + ["corpus/clean.txt", "corpus/warned.txt"])
    assert suite.get("tests") == str(len(cases))
    assert suite.get("failures") == str(len(SEED_FILES))
    assert list(cases["corpus/clean.txt"]) == []
    (note,) = cases["corpus/warned.txt"]
    assert note.tag == "system-out" and "PH001 [warning]" in note.text
    for seed in SEED_FILES:
        name = f"corpus/{seed.name}"
        (failure,) = cases[name].findall("failure")
        mine = [f for f in expected if f["path"] == name]
        assert failure.get("message").startswith(f"{len(mine)} findings (")
        listed = failure.text.splitlines()
        assert len(listed) == len(mine)
        for line, finding in zip(listed, mine, strict=True):
            assert line.startswith(f"{name}:{finding['line']}:{finding['column']}: {finding['rule']}")


def test_junit_stays_well_formed_when_the_text_has_characters_xml_cannot_hold(tmp_path):
    put(tmp_path, "doc.txt", "工作计划\x0c\n加强D建工作。\n")
    result = plancheck("--output-format", "junit", "--select", "ALL", ".", cwd=tmp_path)
    failure = ET.fromstring(result.raw_stdout).find("testsuite/testcase/failure")
    assert "RD001" in failure.text


# --------------------------------------------------------------------------------------------------
# gitlab and json-lines


GITLAB_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


@needs_seeds
def test_gitlab_code_quality_on_the_seed_corpus(tmp_path):
    seed_corpus(tmp_path)
    expected = as_json("corpus", cwd=tmp_path)
    result = plancheck("--output-format", "gitlab", "corpus", cwd=tmp_path)
    assert result.code == 1
    issues = json.loads(result.stdout)
    assert len(issues) == len(expected)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue, finding in zip(issues, expected, strict=True):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == finding["rule"]
        assert issue["description"] == f"{finding['rule']} {finding['message']}"
        assert issue["severity"] == GITLAB_SEVERITIES[finding["severity"]]
        assert issue["location"] == {"path": finding["path"], "lines": {"begin": finding["line"]}}
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])


def test_gitlab_fingerprints_survive_lines_added_above_and_tell_twins_apart(tmp_path):
    doc = put(tmp_path, "doc.txt", "标题\n加强D建工作。\n加强D建工作。\n")
    before = json.loads(plancheck("--output-format", "gitlab", "doc.txt", cwd=tmp_path).stdout)
    doc.write_text("新的第一行。\n\n标题\n加强D建工作。\n加强D建工作。\n", encoding="utf-8")
    after = json.loads(plancheck("--output-format", "gitlab", "doc.txt", cwd=tmp_path).stdout)
    assert [i["location"]["lines"]["begin"] for i in before] == [2, 3]
    assert [i["location"]["lines"]["begin"] for i in after] == [4, 5]
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert before[0]["fingerprint"] != before[1]["fingerprint"]


def test_json_lines_holds_the_json_objects_one_per_line(tmp_path):
    put(tmp_path, "doc.txt", MIXED)
    put(tmp_path, "other.txt", POLLUTED)
    result = plancheck("--output-format", "json-lines", ".", cwd=tmp_path)
    assert result.code == 1
    assert [json.loads(line) for line in result.lines] == as_json(".", cwd=tmp_path)
    assert len(result.lines) == 5


@pytest.mark.parametrize("name", ["github", "sarif", "junit", "json-lines", "gitlab"])
def test_machine_formats_print_no_summary_and_keep_the_exit_code(tmp_path, name):
    put(tmp_path, "doc.txt", POLLUTED)
    result = plancheck("--output-format", name, "--statistics", "doc.txt", cwd=tmp_path)
    assert result.code == 1
    assert "Found" not in result.stdout and "fixable" not in result.stdout
    assert result.stderr == ""


# --------------------------------------------------------------------------------------------------
# people at a terminal


def test_colour_on_a_terminal_and_the_same_text_underneath(tmp_path):
    put(tmp_path, "doc.txt", MIXED)
    for fmt in ("full", "concise"):
        code, shown = in_terminal("--output-format", fmt, "doc.txt", cwd=tmp_path)
        plain = plancheck("--output-format", fmt, "doc.txt", cwd=tmp_path)
        assert code == plain.code == 1
        assert "\x1b[1;31mRD001\x1b[0m" in shown
        assert ANSI.sub("", shown) == plain.stdout


def test_no_color_turns_colour_off_and_force_color_turns_it_on(tmp_path):
    put(tmp_path, "doc.txt", POLLUTED)
    _, shown = in_terminal("doc.txt", cwd=tmp_path, env={"NO_COLOR": "1"})
    assert "\x1b[" not in shown
    forced = plancheck("doc.txt", cwd=tmp_path, env={"FORCE_COLOR": "1"})
    assert "\x1b[1;31m" in forced.stdout
    assert ANSI.sub("", forced.stdout) == plancheck("doc.txt", cwd=tmp_path).stdout
    assert "\x1b[" not in plancheck("doc.txt", cwd=tmp_path).stdout  # a pipe: no colour
    assert "\x1b[" not in plancheck("--output-format", "json", "doc.txt", cwd=tmp_path, env={"FORCE_COLOR": "1"}).stdout


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    for i in range(40):
        put(tmp_path, f"doc{i:02}.txt", POLLUTED)
    result = plancheck("--fix", ".", cwd=tmp_path)
    assert "\r" not in result.stderr and "files" not in result.stderr
    assert result.stderr.splitlines() == [f"Fixing doc{i:02}.txt" for i in range(40)]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_waits_for_a_long_run_and_wipes_itself():
    now = [0.0]
    stream = FakeTerminal()
    progress = Progress(4, stream, enabled=True, delay=0.5, interval=0.1, clock=lambda: now[0])
    progress.advance()
    assert stream.getvalue() == ""  # a short run never sees a bar
    now[0] = 0.6
    progress.advance()
    assert stream.getvalue() == "\r[" + "#" * 15 + "." * 15 + "] 2/4 files"
    now[0] = 0.65
    progress.advance()  # too soon to redraw
    assert stream.getvalue().count("\r[") == 1
    progress.write("Fixing a.txt")
    assert stream.getvalue().endswith("\r\x1b[KFixing a.txt\n")
    now[0] = 0.7
    progress.advance()
    assert stream.getvalue().endswith("\r[" + "#" * 30 + "] 4/4 files")
    progress.clear()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_progress_bar_is_drawn_on_a_terminal_for_a_long_run(tmp_path):
    # enough real work to pass the half-second delay on any machine: every line has a finding,
    # so no rule is skipped for lack of its anchor (text without any runs too fast to see a bar);
    # each line differs, and so does each file, so neither the cache nor a rule's memory of the
    # lines it has seen makes the run short
    for i in range(60):
        lines = [f"第{i}号文件第{n}段" + "加强党建工作，推进重点项目落地落实。" * 60 + "XX" for n in range(120)]
        put(tmp_path, f"doc{i:02}.txt", "工作计划\n" + "\n".join(lines) + "\n")
    code, shown = in_terminal(".", cwd=tmp_path)
    assert code == 0
    assert re.search(r"\r\[[#.]{30}\] \d+/60 files", shown)
    assert "\r\x1b[K" in shown


def test_every_format_is_documented_with_an_example_in_docs_ci():
    guide = (Path(__file__).resolve().parents[1] / "docs" / "ci.md").read_text(encoding="utf-8")
    assert [name for name in CHOICES if f"### `{name}`" not in guide] == []


# --------------------------------------------------------------------------------------------------
# streaming: each file's findings are printed when that file is done


@pytest.mark.parametrize("name", ["full", "concise", "json-lines", "github", "json", "gitlab"])
def test_each_files_findings_reach_the_reader_before_the_next_files_are_read(tmp_path, name):
    """The first file's findings are on stdout while the run is still checking the files after it:
    the last file, given its finding only once the reader has seen the first file's, is reported
    with it. A run that printed at the end would have read the last file clean long before."""
    first = put(tmp_path, "a.txt", "加强D建工作。\n")
    middle = [put(tmp_path, f"m{i}.txt", "工作计划\n加强党建工作。\n" * 10_000) for i in range(3)]  # a second to check
    last = put(tmp_path, "z.txt", "工作计划\n加强党建工作。\n")
    base = {k: v for k, v in ENV.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    command = [sys.executable, "-m", "lint", "--no-cache", "-j", "1", "--output-format", name, first, *middle, last]
    proc = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=base)
    seen = b""
    for line in proc.stdout:
        seen += line
        if b"a.txt" in line:
            break
    last.write_text("加强D建工作。\n", encoding="utf-8")
    seen += proc.stdout.read()
    assert proc.wait(timeout=120) == 1, proc.stderr.read().decode()
    assert b"a.txt" in seen and b"z.txt" in seen, seen.decode()
