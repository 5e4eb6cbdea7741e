"""benchmarks/RESULTS.md holds one section per script, between markers, each rewritten alone."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(name: str, text: str, path: Path = RESULTS) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    section = f"{start}\n{text}{end}"
    if start in current:
        head, rest = current.split(start, 1)
        current = head + section + rest.split(end, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(current, encoding="utf-8")
