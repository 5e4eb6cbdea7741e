from __future__ import annotations

from pathlib import Path

import pytest

from lint.packs import load_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def all_rules():
    return load_rules()
