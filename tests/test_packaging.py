"""The wheel: built from this checkout, it carries the rule packs, and once installed it finds them in site-packages."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import lint
from lint.packs.load import builtin_rules_dir

CHECKOUT = Path(__file__).resolve().parents[1]
RULES = CHECKOUT / "rules"
SEEDS = CHECKOUT.parent / "shared" / "corpus" / "seeds"
POLLUTED = SEEDS / "002_43c5f040e6d985ae.txt"
FIXED = SEEDS / "002_43c5f040e6d985ae.fixed.txt"
TIMEOUT = 900


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PYTHONNOUSERSITE"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(args: list[str | Path], cwd: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=_clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        **kwargs,
    )
    return result


def _ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, f"{result.args} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("dist")
    _ok(_run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", outdir], CHECKOUT))
    wheels = list(outdir.glob("plancheck-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {outdir}: {sorted(p.name for p in outdir.iterdir())}"
    return wheels[0]


@pytest.fixture(scope="module")
def venv(tmp_path_factory, wheel) -> Path:
    """A fresh venv with the wheel and its runtime dependencies, nothing else of this checkout."""
    root = tmp_path_factory.mktemp("venv") / "env"
    _ok(_run([sys.executable, "-m", "venv", "--without-pip", root], root.parent))
    python = root / "bin" / "python"
    # the dev environment's pip installs into the new venv: faster than bootstrapping pip there
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet"]
    _ok(_run([*pip, wheel], root.parent))  # with the dependencies its metadata names, and only those
    return root


@pytest.fixture
def outside(tmp_path) -> Path:
    """A working directory with no relation to the checkout."""
    work = tmp_path / "work"
    work.mkdir()
    assert not work.resolve().is_relative_to(CHECKOUT)
    return work


def _wheel_files(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_wheel_carries_every_rule_pack_byte_for_byte(wheel):
    packs = sorted(RULES.glob("*.toml"))
    assert packs, f"no rule packs in {RULES}"
    contents = _wheel_files(wheel)
    for pack in packs:
        name = f"lint/rules/{pack.name}"
        assert name in contents, f"{name} missing from {wheel.name}"
        assert contents[name] == pack.read_bytes(), f"{name} differs from {pack}"
    in_wheel = {n.removeprefix("lint/rules/") for n in contents if n.startswith("lint/rules/") and n.endswith(".toml")}
    assert in_wheel == {p.name for p in packs}


def test_wheel_has_the_package_and_the_console_script(wheel):
    contents = _wheel_files(wheel)
    assert "lint/__init__.py" in contents
    assert contents["lint/__init__.py"] == (CHECKOUT / "lint" / "__init__.py").read_bytes()
    entry_points = [n for n in contents if n.endswith(".dist-info/entry_points.txt")]
    assert len(entry_points) == 1, entry_points
    parser = configparser.ConfigParser()
    parser.read_string(contents[entry_points[0]].decode("utf-8"))
    assert parser.has_section("console_scripts")
    assert parser.get("console_scripts", "plancheck", fallback=None) == "lint.cli.main:main"


def test_installed_wheel_finds_packs_in_site_packages(venv, outside):
    probe = (
        "import lint, lint.packs.load\n"
        "print(lint.__file__)\n"
        "print(lint.packs.load.builtin_rules_dir())\n"
        "print(','.join(p.name for p in lint.packs.load.builtin_pack_paths()))\n"
    )
    out = _ok(_run([venv / "bin" / "python", "-c", probe], outside)).stdout.splitlines()
    module, rules_dir, names = Path(out[0]).resolve(), Path(out[1]).resolve(), out[2]
    root = venv.resolve()
    assert module.is_relative_to(root), f"lint imported from {module}, not from the venv"
    assert rules_dir.is_relative_to(root), f"packs found in {rules_dir}, not in the venv"
    assert "site-packages" in rules_dir.parts
    assert rules_dir == module.parent / "rules"
    assert names.split(",") == sorted(p.name for p in RULES.glob("*.toml"))


def test_installed_plancheck_lists_the_same_rules(venv, outside):
    installed = _ok(_run([venv / "bin" / "plancheck", "rules"], outside)).stdout
    dev = _ok(_run([sys.executable, "-m", "lint", "rules"], outside)).stdout
    assert "PW001" in installed
    assert installed == dev


@pytest.mark.skipif(not (POLLUTED.is_file() and FIXED.is_file()), reason=f"seed documents not found in {SEEDS}")
def test_installed_plancheck_fixes_a_seed(venv, outside):
    doc = outside / "plan.txt"
    shutil.copyfile(POLLUTED, doc)
    result = _run([venv / "bin" / "plancheck", "--fix", "plan.txt"], outside)
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "Fixing plan.txt" in result.stderr
    assert doc.read_bytes() == FIXED.read_bytes()


def test_editable_install_uses_the_checkout_rules():
    module = Path(lint.__file__).resolve()
    if not module.is_relative_to(CHECKOUT):
        pytest.skip(f"lint is imported from {module}, not from this checkout {CHECKOUT}")
    assert not (module.parent / "rules").exists(), "a lint/rules folder in the checkout would shadow rules/"
    assert builtin_rules_dir().resolve() == RULES.resolve()
    # and the same from a fresh interpreter of the dev environment, started outside the checkout
    probe = "import lint; from lint.packs.load import builtin_rules_dir; print(lint.__file__); print(builtin_rules_dir())"
    fresh_module, rules_dir = _ok(_run([sys.executable, "-c", probe], Path(os.sep))).stdout.splitlines()
    if Path(fresh_module).resolve() != module:
        pytest.skip(f"the editable install of {sys.executable} is another checkout's: {fresh_module}")
    assert Path(rules_dir).resolve() == RULES.resolve()
