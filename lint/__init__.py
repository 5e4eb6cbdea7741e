"""plancheck: find and fix the artifacts of scraped Chinese official documents.

The public API is pure (text in, values out) and is what the command line uses:

    from lint import check_text, fix_text
    findings = check_text(text)
    result = fix_text(text, unsafe=False)
"""

from __future__ import annotations

from .api import check_text, fix_text
from .engine import FixResult
from .model import Applicability, Edit, Finding, Fix, Severity

__version__ = "0.1.0"

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
