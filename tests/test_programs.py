"""lint.programs: the expressions a process compiled are kept in the user's cache, and a later
process takes them from there instead of parsing them again."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import pytest
import regex

from lint import programs

from .conftest import ROOT

SEED = ROOT / "tests" / "golden" / "seed_002_43c5f040e6d985ae.txt"


@pytest.fixture
def cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _as_a_new_process(monkeypatch)
    return tmp_path


def _as_a_new_process(monkeypatch) -> None:
    monkeypatch.setattr(programs, "_kept", None)
    monkeypatch.setattr(programs, "_compiled", {})
    monkeypatch.setattr(programs, "_fresh", set())


def _no_parsing(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("parsed an expression that was kept")

    monkeypatch.setattr(regex, "compile", refuse)


def test_a_kept_pattern_is_read_back_as_the_same_pattern_without_parsing(cache_folder, monkeypatch):
    source, flags = r"(?P<year>\d{4})年(?:\p{Han}{2,}?)(?=。|$)", regex.MULTILINE
    text = "二〇二四\n2024年工作计划。\n2025年总结"
    first = programs.compile(source, flags)
    programs.save()
    _as_a_new_process(monkeypatch)
    _no_parsing(monkeypatch)
    again = programs.compile(source, flags)
    assert (again.pattern, again.flags, again.groupindex) == (first.pattern, first.flags, first.groupindex)
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)] != []
    assert again.search(text, timeout=1.0)  # a rebuilt pattern takes the timeout the engine passes


def test_flags_are_part_of_what_is_kept(cache_folder, monkeypatch):
    assert programs.compile("^b", regex.MULTILINE).search("a\nb")
    programs.save()
    _as_a_new_process(monkeypatch)
    assert programs.compile("^b").search("a\nb") is None


def test_a_damaged_file_is_ignored_and_replaced(cache_folder, monkeypatch):
    programs.compile("甲+")
    programs.save()
    (kept,) = cache_folder.glob("plancheck/programs-*")
    kept.write_bytes(kept.read_bytes()[:40])  # cut short, as by a full disk
    _as_a_new_process(monkeypatch)
    assert programs.compile("甲+").fullmatch("甲甲")
    programs.save()
    _as_a_new_process(monkeypatch)
    _no_parsing(monkeypatch)
    assert programs.compile("甲+").fullmatch("甲甲")


class _Trap:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (os.remove, (self.path,))


@pytest.mark.parametrize("where", ["table", "program"])
def test_a_file_that_names_anything_but_patterns_runs_nothing(cache_folder, monkeypatch, tmp_path, where):
    victim = tmp_path / "victim.txt"
    victim.write_text("kept", encoding="utf-8")
    programs.compile("乙")
    programs.save()
    (kept,) = cache_folder.glob("plancheck/programs-*")
    trap = _Trap(str(victim))
    kept.write_bytes(pickle.dumps({("乙", 0): trap if where == "table" else pickle.dumps(trap)}))
    _as_a_new_process(monkeypatch)
    assert programs.compile("乙").search("甲乙")
    assert victim.read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize("table", [{(): b""}, {("乙", "0"): b""}, {("乙", 0): "not bytes"}, ["not", "a", "table"]])
def test_a_table_of_another_shape_is_ignored(cache_folder, monkeypatch, table):
    programs.compile("乙")
    programs.save()
    (kept,) = cache_folder.glob("plancheck/programs-*")
    kept.write_bytes(pickle.dumps(table))
    _as_a_new_process(monkeypatch)
    assert programs.compile("乙").search("甲乙")
    programs.save()
    assert list(programs._read(kept)) == [("乙", 0)]


def test_a_bad_expression_raises_as_regex_does_and_the_save_after_it_works(cache_folder, monkeypatch):
    monkeypatch.setattr(programs, "LIMIT", 1)
    programs.compile("old")
    programs.save()
    _as_a_new_process(monkeypatch)
    with pytest.raises(regex.error):
        programs.compile("(unclosed")
    programs.compile("new")
    programs.save()
    (kept,) = cache_folder.glob("plancheck/programs-*")
    assert list(programs._read(kept)) == [("new", 0)]


def test_a_cache_folder_that_cannot_be_made_costs_only_time(cache_folder, monkeypatch):
    blocked = cache_folder / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # its plancheck folder cannot be made, even by root
    programs.compile("丙")
    programs.save()  # nothing raised
    _as_a_new_process(monkeypatch)
    assert programs.compile("丙").fullmatch("丙")


def test_past_the_limit_a_save_keeps_what_this_process_used(cache_folder, monkeypatch):
    monkeypatch.setattr(programs, "LIMIT", 3)
    for n in range(3):
        programs.compile(f"old{n}")
    programs.save()
    _as_a_new_process(monkeypatch)
    programs.compile("new")
    programs.save()
    (kept,) = cache_folder.glob("plancheck/programs-*")
    assert list(programs._read(kept)) == [("new", 0)]


def test_a_second_plancheck_process_parses_none_of_the_expressions_the_first_compiled(tmp_path):
    """End to end: the first run keeps what it compiled; the next, on the same file, parses nothing
    (counted where `regex` parses) and reports the same findings."""
    (tmp_path / "doc.txt").write_bytes(SEED.read_bytes())
    code = (
        "import json, sys\n"
        "import regex._regex_core as core\n"
        "parsed = []\n"
        "real = core._parse_pattern\n"
        "core._parse_pattern = lambda *a: parsed.append(1) or real(*a)\n"
        "import regex._main\n"
        "regex._main._parse_pattern = core._parse_pattern\n"
        "from lint.cli import main\n"
        "main(['--no-cache', '--exit-zero', '--output-format', 'json', 'doc.txt'])\n"
        "print(json.dumps(len(parsed)), file=sys.stderr)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}

    def run() -> tuple[str, int]:
        result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        return result.stdout, json.loads(result.stderr.strip().splitlines()[-1])

    first_findings, first_parsed = run()
    second_findings, second_parsed = run()
    assert first_parsed > 10  # the first run did parse: the count is not blind
    assert second_parsed == 0
    assert second_findings == first_findings and json.loads(second_findings)


def test_escape_gives_expressions_that_match_the_text_literally():
    text = "()[]{}?*+|^$\\.-#&~ \t\n\r\v\f\u3000\u00a0\u2028甲，“乙”%@!\x00"
    for piece in [text, *text]:
        assert regex.fullmatch(programs.escape(piece), piece), repr(piece)
        assert regex.fullmatch(programs.escape(piece), piece, regex.V1), repr(piece)
    assert programs.MULTILINE == regex.MULTILINE


def _run_python(code: str, cwd) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_extension_loaded_alone_is_the_one_the_package_uses_when_it_is_imported_later(tmp_path):
    out = _run_python(
        "import sys\n"
        "from lint import programs\n"
        "assert 'regex' not in sys.modules\n"
        "import regex\n"
        "assert regex._main._regex is programs._REGEX is sys.modules['regex._regex']\n"
        "assert type(regex.compile('甲')) is type(programs.compile('乙+'))\n"
        "print(programs.compile('乙+').sub('丙', '甲乙乙'))\n",
        tmp_path,
    )
    assert out == "甲丙\n"


def test_where_regex_is_not_where_a_wheel_puts_it_the_package_is_imported_as_usual(tmp_path):
    out = _run_python(
        "import importlib.machinery as machinery, sys\n"
        "real = machinery.PathFinder.find_spec\n"
        "asked = []\n"
        "def odd(name, path=None, target=None):\n"
        "    if name == 'regex' and not asked:\n"
        "        asked.append(name)\n"
        "        return None  # the lookup of lint.programs finds nothing\n"
        "    return real(name, path, target)\n"
        "machinery.PathFinder.find_spec = odd\n"
        "from lint import programs\n"
        "assert asked and 'regex' in sys.modules\n"
        "assert programs._REGEX is sys.modules['regex._regex']\n"
        "print(programs.compile('乙+').sub('丙', '甲乙乙'))\n",
        tmp_path,
    )
    assert out == "甲丙\n"


def test_the_engine_is_identified_by_its_file_as_loaded_and_a_file_it_lacks_costs_nothing(tmp_path):
    """The key of the kept programs names the extension's file (its size and time, which an upgrade
    changes) as it was when loaded; an extension that is no file (a frozen program) still has one."""
    real = programs._REGEX
    copy = tmp_path / "_regex.so"
    copy.write_bytes(b"x" * 10)
    fake = type("Extension", (), {"__file__": str(copy), "MAGIC": real.MAGIC})
    assert programs.identity(real) == programs.ENGINE
    before = programs.identity(fake)
    copy.write_bytes(b"x" * 11)  # as an upgrade replaces it
    assert programs.identity(fake) != before
    copy.unlink()
    assert programs.identity(fake) not in (before, programs.ENGINE)  # no file: no error


def test_the_package_imported_for_a_new_expression_has_its_extension_as_an_attribute(tmp_path):
    out = _run_python(
        "import sys\n"
        "from lint import programs\n"
        "programs._kept = {}  # nothing kept: this expression is parsed\n"
        "programs.compile('新的表达式+')\n"
        "import regex\n"
        "print(regex._regex is programs._REGEX)\n",
        tmp_path,
    )
    assert out == "True\n"
