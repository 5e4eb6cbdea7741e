"""plancheck: find and fix the artifacts of scraped Chinese official documents.

The public API is pure (text in, values out) and is what the command line uses:

    from lint import check_text, fix_text
    findings = check_text(text)
    result = fix_text(text, unsafe=False)
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# the public names, by module: imported when first asked for, so that `plancheck` answering from
# its cache, or `plancheck --version`, does not load the engine and every rule kind
_EXPORTS = {
    "check_text": "api",
    "fix_text": "api",
    "FixResult": "engine.core",
    "Applicability": "model",
    "Edit": "model",
    "Finding": "model",
    "Fix": "model",
    "Severity": "model",
}

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without loading typing (5 ms)
if TYPE_CHECKING:
    from typing import Any

    from lint.api import check_text, fix_text
    from lint.engine.core import FixResult
    from lint.model import Applicability, Edit, Finding, Fix, Severity


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'lint' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = [
    "Applicability",
    "Edit",
    "Finding",
    "Fix",
    "FixResult",
    "Severity",
    "__version__",
    "check_text",
    "fix_text",
]
