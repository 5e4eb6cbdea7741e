"""The folder tree is the architecture: the engine and the rule kinds take a compiled rule set and
text and give back findings and fixed text. They import nothing from the layers that call them
(run/, cli/, output/, config/, report/, dataset/, the API) nor from the file layer, and do no I/O."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LINT = Path(__file__).resolve().parents[1] / "lint"
PURE = sorted([*(LINT / "engine").glob("*.py"), *(LINT / "kinds").glob("*.py")])
# what the pure layers may import of plancheck: themselves, the values, the rule set they are given
ALLOWED = ("lint.engine", "lint.kinds", "lint.model", "lint.limits", "lint.suggest", "lint.packs.load", "lint.packs.selection")
IO_MODULES = {"os", "io", "pathlib", "shutil", "subprocess", "sqlite3", "tempfile", "socket", "glob", "urllib"}
# split-word's dictionary index (9 MB, built from jieba's dictionary in seconds) is read from the
# user's cache folder where it is looked up: the one exception, until the compiled rule set carries it
EXCEPTIONS = {"segment.py": {"lint.files", "lint.files.usercache", "os", "pathlib", "sqlite3"}}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path.name}: relative import"  # absolute imports show the layer
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names if node.module == "lint")
    return found


@pytest.mark.parametrize("path", PURE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_engine_and_the_kinds_import_no_layer_above_them_and_do_no_io(path):
    allowed = EXCEPTIONS.get(path.name, set())
    for name in _imports(path) - allowed:
        if name.startswith("lint"):
            assert name.startswith(ALLOWED), f"{path.name} imports {name}"
        else:
            assert name.split(".")[0] not in IO_MODULES, f"{path.name} imports {name}"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert "open" not in calls, f"{path.name} opens a file"


def test_every_module_lives_in_a_subpackage_but_the_api_and_the_values():
    top = sorted(p.name for p in LINT.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "api.py", "limits.py", "model.py", "suggest.py"]
    for package in ("engine", "kinds", "packs", "config", "files", "run", "output", "cli", "report", "dataset"):
        init = LINT / package / "__init__.py"
        assert init.is_file() and ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{package}/ says what it holds"
