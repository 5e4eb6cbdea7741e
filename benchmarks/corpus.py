"""A deterministic corpus for benchmarks: documents built from the seeds, the real texts in
../shared/corpus/real/, the development corpus and the examples, with artifacts injected at rates
seen in scraped collections. The same seed and size always give the same bytes.

    python benchmarks/corpus.py 50 benchmarks/.corpus/50mb     # about 50 MB
    python benchmarks/corpus.py 100 big.txt --one-file           # about 100 MB in one file
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
SOURCES = [
    *sorted((ROOT / "tests" / "golden").glob("seed_*[0-9a-f].txt")),
    *sorted((ROOT / "benchmarks" / "devcorpus").glob("*/input.txt")),
    *sorted((ROOT / "examples" / "corpus").iterdir()),
    *sorted(REAL.glob("*/*.txt")),
]
ARTIFACTS = [
    "##paidbegin##",
    "##paidend##",
    "【更多素^材搜索哒%哒%*文库】",
    "D的二十大",
    "D建",
    "\u200b",
    "XX",
    "\n【某某素材库】——每天更新材料1000多篇，会员群同步更新，有意加入请联系：1 4367\n",
    "\n\n\n",
]
RATE = 0.002  # artifacts per character of text, about two per thousand


def paragraphs() -> list[str]:
    out = []
    for path in SOURCES:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        out += [p for p in text.replace("\r", "").split("\n") if p.strip()]
    return out


def document(rng: random.Random, pool: list[str], size: int) -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        paragraph = rng.choice(pool)
        if rng.random() < RATE * len(paragraph):
            cut = rng.randrange(len(paragraph) + 1)
            paragraph = paragraph[:cut] + rng.choice(ARTIFACTS) + paragraph[cut:]
        parts.append(paragraph)
        length += len(paragraph.encode()) + 1
    return "\n".join(parts) + "\n"


def generate(megabytes: float, folder: Path, seed: int = 2026) -> int:
    """Write about `megabytes` MB of documents (3–60 KB each) into `folder`; returns the bytes."""
    rng = random.Random(seed)
    pool = paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    n = 0
    target = int(megabytes * 1_000_000)
    while total < target:
        text = document(rng, pool, rng.randint(3_000, 60_000))
        data = text.encode()
        (folder / f"doc{n:06d}.txt").write_bytes(data)
        total += len(data)
        n += 1
    return total


def generate_one(megabytes: float, path: Path, seed: int = 2026) -> int:
    """Write about `megabytes` MB of such documents one after another into one file; returns the bytes."""
    rng = random.Random(seed)
    pool = paragraphs()
    path.parent.mkdir(parents=True, exist_ok=True)
    total = 0
    target = int(megabytes * 1_000_000)
    with path.open("wb") as out:
        while total < target:
            data = document(rng, pool, rng.randint(3_000, 60_000)).encode()
            out.write(data)
            total += len(data)
    return total


def require_real_texts() -> None:
    """Stop unless the real texts are there: without them `generate` makes another corpus (a test
    may use that), whose numbers cannot be compared with a benchmark's."""
    if not REAL.is_dir():
        raise SystemExit(f"benchmarks/corpus.py: the real texts are missing: {REAL} (run from a checkout beside ../shared)")


if __name__ == "__main__":
    require_real_texts()
    if sys.argv[3:] == ["--one-file"]:
        generate_one(float(sys.argv[1]), Path(sys.argv[2]))
    else:
        generate(float(sys.argv[1]), Path(sys.argv[2]))
