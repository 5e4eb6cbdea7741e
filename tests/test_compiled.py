"""What plancheck keeps in the user's cache folder is hostile input: a damaged, truncated, foreign
or planted file there never crashes a run, hangs it or changes what it finds (lint.files.usercache seals
every file, lint.packs.compiled keeps the rule set in them). Each case is a real CLI run in a new process."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT

SEED = (ROOT / "tests" / "golden" / "seed_000_2578e3202b6b0672.txt").read_bytes() * 3  # 24 000 characters: the prefilter runs


def _run(cwd, cache):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-cache", "--output-format", "json", "doc.txt"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A tree with one polluted document, its findings, and a cache folder with every kept file."""
    tree = tmp_path_factory.mktemp("tree")
    # and a word split by a space, which split-word looks up in its dictionary
    (tree / "doc.txt").write_bytes(SEED + "加强基层党 组织建设，推进各项工作。\n".encode())
    cache = tmp_path_factory.mktemp("cache")
    expected = _run(tree, cache)
    assert expected[0] == 1 and json.loads(expected[1])
    kept = {p.name: p.read_bytes() for p in (cache / "plancheck").iterdir()}
    families = {name.split("-")[0] for name in kept}
    assert {"secret", "ruleset", "words"} <= families, sorted(kept)
    assert any(name.endswith(".hsdb") for name in kept), sorted(kept)
    return tree, cache, expected, kept


def _damages(data: bytes, rng: random.Random):
    """A bit flipped in the seal, at the start of what it seals, in the middle and at the end; cut
    short; replaced by bytes of the same size."""
    for position in (0, 32, rng.randrange(33, len(data) - 1), len(data) - 1):
        flipped = bytearray(data)
        flipped[position] ^= 1 << rng.randrange(8)
        yield f"flip@{position}", bytes(flipped)
    yield "truncated", data[: len(data) // 2]
    yield "foreign", rng.randbytes(len(data))


def _restore(cache, kept):
    folder = cache / "plancheck"
    shutil.rmtree(folder)
    folder.mkdir()
    for name, data in kept.items():
        (folder / name).write_bytes(data)
        (folder / name).chmod(0o600)


@pytest.mark.parametrize("family", ["ruleset", "hsdb", "words"])
def test_a_damaged_kept_file_changes_nothing(built, family):
    tree, cache, expected, kept = built
    rng = random.Random(family)
    (name,) = [n for n in kept if (n.endswith(".hsdb") if family == "hsdb" else n.startswith(family) and not n.endswith(".hsdb"))]
    for damage, data in _damages(kept[name], rng):
        _restore(cache, kept)
        (cache / "plancheck" / name).write_bytes(data)
        assert _run(tree, cache) == expected, damage
        # made anew, and sealed again: the next run uses it
        assert (cache / "plancheck" / name).read_bytes() != data, damage


def test_a_file_planted_without_the_secret_is_not_used(built, tmp_path):
    """A rule set sealed by another machine's secret (a planted copy: the name is predictable) is
    ignored: what decides is the seal, not the name."""
    tree, cache, expected, kept = built
    other = tmp_path / "other"
    _run(tree, other)
    for planted in (other / "plancheck").glob("*-*"):
        assert planted.name in kept  # the same name: the same code and packs
        _restore(cache, kept)
        (cache / "plancheck" / planted.name).write_bytes(planted.read_bytes())
        assert _run(tree, cache) == expected
        assert (cache / "plancheck" / planted.name).read_bytes() != planted.read_bytes()


@pytest.mark.parametrize("damage", ["replaced", "readable-by-others", "symlink"])
def test_an_untrustworthy_secret_changes_nothing(built, tmp_path, damage):
    tree, cache, expected, kept = built
    _restore(cache, kept)
    secret = cache / "plancheck" / "secret"
    if damage == "replaced":
        secret.write_bytes(os.urandom(32))
    elif damage == "readable-by-others":
        secret.chmod(0o644)
    else:
        outside = tmp_path / "known-secret"
        outside.write_bytes(secret.read_bytes())
        secret.unlink()
        secret.symlink_to(outside)
    assert _run(tree, cache) == expected
