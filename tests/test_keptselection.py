"""Selections kept between runs (lint.keptselection): a run whose configuration selected the same
rules from the same packs before reads those rules, not every pack, and behaves exactly as a run
that loads them all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from lint.model import Severity
from lint.packs import RuleSet

from .conftest import ROOT, pattern_rule

SEED = ROOT / "tests" / "golden" / "seed_002_43c5f040e6d985ae.txt"
# prints, after a run, how many times the process loaded every rule (packs.load_rules)
PROGRAM = (
    "import sys\n"
    "from lint import packs\n"
    "from lint.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('loads', packs.load_rules.cache_info().misses, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _run(cwd: Path, *args: str) -> tuple[int, str, str, int]:
    """Exit code, stdout and stderr of a plancheck process in `cwd` (its user cache folder in
    `cwd/cache`), and how many times it loaded every rule."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cwd / "cache"), "PYTHONUTF8": "1"}
    proc = subprocess.run([sys.executable, "-c", PROGRAM, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)
    *stderr, last = proc.stderr.splitlines()
    assert last.startswith("loads "), proc.stderr
    return proc.returncode, proc.stdout, "\n".join(stderr), int(last.split()[1])


def _selections(cwd: Path) -> list[Path]:
    return sorted((cwd / "cache" / "plancheck" / "packs").glob("selected-*"))


def _corpus(folder: Path, config: str = "", pack: str = "") -> None:
    (folder / "doc.txt").write_bytes(SEED.read_bytes())
    (folder / "other.txt").write_text("加强D建工作。\n见##paidbegin##全文。\n", encoding="utf-8")
    if pack:
        (folder / "mine.toml").write_text(pack, encoding="utf-8")
        config = 'rule-packs = ["mine.toml"]\n' + config
    if config:
        (folder / "plancheck.toml").write_text(config, encoding="utf-8")


def test_a_second_run_with_the_same_selection_loads_no_pack_and_finds_the_same(tmp_path):
    _corpus(tmp_path, 'ignore = ["layout"]\nseverity = { RD001 = "info" }\n')
    for args in ([], ["--select", "PW001,RD"], ["--extend-select", "LY001", "--ignore", "RD002"]):
        code, out, err, loads = _run(tmp_path, "--no-cache", "--output-format", "json", "--exit-zero", *args, ".")
        assert loads == 1 and code == 0, err
        again = _run(tmp_path, "--no-cache", "--output-format", "json", "--exit-zero", *args, ".")
        assert again == (code, out, err, 0), args
        found = json.loads(out)
        assert found and not any(f["category"] == "layout" for f in found)
        assert all(f["severity"] == "info" for f in found if f["rule"] == "RD001") and any(f["rule"] == "RD001" for f in found)
    assert len(_selections(tmp_path)) >= 3
    # a directive's selectors are judged against every rule: those are loaded for a text that has one
    (tmp_path / "directive.txt").write_text("加强D建工作。<!-- plancheck: disable-next-line NOPE1 -->\n", encoding="utf-8")
    code, out, err, loads = _run(tmp_path, "--no-cache", "--output-format", "json", "--exit-zero", "--select", "PW001", ".")
    assert loads == 1 and any("Unknown rule selector 'NOPE1'" in f["message"] for f in json.loads(out)), out


def test_a_changed_pack_or_configuration_is_read_anew(tmp_path):
    _corpus(tmp_path, pack=pattern_rule("WD901", "first", "加强", "加强"))
    first = _run(tmp_path, "--no-cache", "--output-format", "concise", "--exit-zero", "--select", "WD9", ".")
    assert "WD901" in first[1] and "WD902" not in first[1]
    (tmp_path / "mine.toml").write_text(pattern_rule("WD902", "second", "全文", "全文"), encoding="utf-8")
    second = _run(tmp_path, "--no-cache", "--output-format", "concise", "--exit-zero", "--select", "WD9", ".")
    assert "WD902" in second[1] and "WD901" not in second[1] and second[3] == 1
    ignoring = 'rule-packs = ["mine.toml"]\nper-file-ignores = { "other.txt" = ["WD902"] }\n'
    (tmp_path / "plancheck.toml").write_text(ignoring, encoding="utf-8")
    third = _run(tmp_path, "--no-cache", "--output-format", "concise", "--exit-zero", "--select", "WD9", ".")
    assert "WD902" not in third[1] and third[3] == 1
    assert _run(tmp_path, "--no-cache", "--output-format", "concise", "--exit-zero", "--select", "WD9", ".")[1:] == (*third[1:3], 0)


def test_an_unknown_selector_is_an_error_in_every_run(tmp_path):
    _corpus(tmp_path)
    _run(tmp_path, "--no-cache", "--exit-zero", "--select", "PW001", ".")
    for _ in range(2):
        code, _out, err, _loads = _run(tmp_path, "--no-cache", "--select", "PW001,NOPE9", ".")
        assert code == 2 and "NOPE9" in err, err
    (tmp_path / "plancheck.toml").write_text('severity = { XX123 = "info" }\n', encoding="utf-8")
    for _ in range(2):
        code, _out, err, _loads = _run(tmp_path, "--no-cache", ".")
        assert code == 2 and "XX123" in err, err


def test_a_damaged_selection_is_made_anew(tmp_path):
    _corpus(tmp_path)
    args = ("--no-cache", "--output-format", "json", "--exit-zero", "--select", "PW,RD", ".")
    first = _run(tmp_path, *args)
    for damage in (b"", b'{"rules": [["PW001"]], "body": "x"}\n{}', b"not json at all"):
        for kept in _selections(tmp_path):
            kept.write_bytes(damage)
        again = _run(tmp_path, *args)
        assert again[:3] == first[:3] and again[3] == 1, damage
        assert _run(tmp_path, *args) == (*first[:3], 0)


def test_a_kept_selection_holds_the_rules_as_loaded(tmp_path, monkeypatch):
    """In one process: the rules read from a kept selection are those the settings select, with
    the same sources, digests, severities and tables, whether the packs are known by their
    settled status or by their bytes."""
    from lint import config, keptselection, statmemo

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    targets = set()
    for settled_after in (10**20, -(10**10)):  # no file counts as settled; every file does
        monkeypatch.setattr(statmemo, "SETTLED_NS", settled_after)
        keptselection._targets.clear()  # as in a new process
        keptselection._known.clear()
        settings = config.settings_from_table({"select": ["PW", "WM"], "severity": {"PW001": "warning"}}, None)
        every = settings.all_rules()
        expected = config._select(settings, (), every)
        targets.add(keptselection._target(keptselection._selection(settings, ())))
        kept = keptselection._read(keptselection._target(keptselection._selection(settings, ())))
        assert kept is not None and len(kept) == len(expected) > 1
        for got, want in zip(kept, expected, strict=True):
            assert got._replace(body=None) == want._replace(body=None)
            assert got.body.table() == want.body.table() and got.message == want.message
        assert kept.get("PW001").severity == Severity.WARNING
    assert len(targets) == 2


def test_rules_loaded_from_other_bytes_than_the_packs_have_now_are_not_kept(tmp_path, monkeypatch):
    """A long-lived process may hold the rules of a pack since edited: they are not kept under
    the key of the pack as it is now."""
    from lint import config, keptselection

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    settings = config.Settings(select=("PW",))
    every = settings.all_rules()
    chosen = config._select(settings, (), every)
    edited = every.get("WM001").source  # a pack none of whose rules is selected
    older = RuleSet(tuple(r._replace(pack_digest="0" * 64) if r.source == edited else r for r in every))
    keptselection.write(settings, ("LY",), chosen, older)
    assert keptselection._read(keptselection._target(keptselection._selection(settings, ("LY",)))) is None
    keptselection.write(settings, ("LY",), chosen, every)
    kept = keptselection._read(keptselection._target(keptselection._selection(settings, ("LY",))))
    assert kept is not None and [r.id for r in kept] == [r.id for r in chosen]


def test_a_users_pack_is_kept_for_the_regex_engine_that_checked_it(tmp_path, monkeypatch):
    """lint.packs checks a user's pack again under another `regex` (a pattern the new one rejects
    must be an error, not a crash when it runs): its selections are the engine's too."""
    from lint import config, keptselection, programs

    (tmp_path / "mine.toml").write_text(pattern_rule("WD901", "first", "加强", "加强"), encoding="utf-8")
    with_pack = config.Settings(rule_packs=(tmp_path / "mine.toml",))
    without = config.Settings()
    before = keptselection._target(keptselection._selection(with_pack, ())), keptselection._target(keptselection._selection(without, ()))
    monkeypatch.setattr(programs, "ENGINE", programs.ENGINE + "-upgraded")
    assert keptselection._target(keptselection._selection(with_pack, ())) != before[0]
    assert keptselection._target(keptselection._selection(without, ())) == before[1]


def test_equal_selections_share_their_rules_and_every_selection_the_bodies(tmp_path, monkeypatch):
    """Folders with the same configuration (another source, another fail level) check with the
    same rules, and rules selected by several configurations have one matcher."""
    from lint import config, keptselection

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(keptselection, "_made", {})
    monkeypatch.setattr(keptselection, "_bodies", {})
    monkeypatch.setattr(keptselection, "_known", set())
    for _ in range(2):  # the selections made, then read back in a new process
        config._selected_rules.cache_clear()
        keptselection._made.clear()
        keptselection._bodies.clear()
        a = config.Settings(source=tmp_path / "a" / "plancheck.toml", ignore=("LY",)).rules_for(None)
        b = config.Settings(source=tmp_path / "b" / "plancheck.toml", ignore=("LY",), fail_level=Severity.WARNING).rules_for(None)
        other = config.Settings(select=("PW", "LY")).rules_for(None)
        assert a is b
        assert other.get("PW001").body is a.get("PW001").body and other.get("PW001").matcher is a.get("PW001").matcher


def test_selections_no_longer_in_use_are_not_held(tmp_path, monkeypatch):
    """A long-lived process asking for many selections keeps those its settings' cache holds, not
    every one it made (each rule set keeps its prefilter alive)."""
    import gc

    from lint import config, keptselection

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(keptselection, "_made", type(keptselection._made)())
    config._selected_rules.cache_clear()
    ids = [r.id for r in config.Settings().all_rules()][:5]
    held = [config.Settings(select=(rule_id,)).rules_for(None) for rule_id in ids]
    assert len(keptselection._made) == 5
    del held
    config._selected_rules.cache_clear()
    gc.collect()
    assert len(keptselection._made) == 0


def test_settings_are_validated_once_per_process_whatever_the_packs_status_becomes(tmp_path, monkeypatch):
    """A pack's status settles two seconds after it was written: settings validated before are
    still known as validated (an API caller validates its configuration for each text)."""
    from lint import config, keptselection, statmemo

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "mine.toml").write_text(pattern_rule("WD901", "first", "加强", "加强"), encoding="utf-8")
    loads = []
    monkeypatch.setattr(config, "load_rules", lambda packs: loads.append(packs) or keptselection.packs.load_rules(packs))
    monkeypatch.setattr(statmemo, "SETTLED_NS", 10**20)  # not settled yet
    write = keptselection.write

    def settling_write(*args) -> None:
        monkeypatch.setattr(statmemo, "SETTLED_NS", -(10**10))  # the pack settles while validated
        write(*args)

    monkeypatch.setattr(keptselection, "write", settling_write)
    table = {"rule-packs": [str(tmp_path / "mine.toml")], "select": ["WD901", "PW"]}
    for _ in range(4):
        config.settings_from_table(table, None)
    assert len(loads) == 1
