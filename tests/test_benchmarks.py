"""benchmarks/cleaner.py, the hand-written cleaner plancheck is measured against, and bench.py's
peers: real processes, as bench.py runs them (no timing here)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLEANER = ROOT / "benchmarks" / "cleaner.py"
BENCH = ROOT / "benchmarks" / "bench.py"

POLLUTED = (
    "2024年工作总结\n"
    "【字体：大 中 小】\n"
    "认真学习宣传贯彻D的二十大精神，抓好D建工作。##paidbegin##\u200b\n"
    "带动村民增收。【更多素^材搜索哒%哒%*文库】  \n"
    "【某某素材库】——每天更新材料1000多篇，会员群同步更新，有意加入请联系：1 4367\n"
    "\n\n\n"
    "第1页 共3页\n"
    "按照4D的运输机场标准建设。\n"
)
CLEANED = "2024年工作总结\n认真学习宣传贯彻党的二十大精神，抓好党建工作。\n带动村民增收。\n\n按照4D的运输机场标准建设。\n"


def test_the_cleaner_reads_a_folder_and_writes_every_file_cleaned(tmp_path):
    source, target = tmp_path / "in", tmp_path / "out"
    (source / "sub").mkdir(parents=True)
    (source / "sub" / "polluted.txt").write_text(POLLUTED, encoding="utf-8")
    (source / "clean.txt").write_text("工作计划\n加强党建工作。\n", encoding="utf-8")
    subprocess.run([sys.executable, str(CLEANER), str(source), str(target)], check=True)
    assert (target / "sub" / "polluted.txt").read_text(encoding="utf-8") == CLEANED
    assert (target / "clean.txt").read_text(encoding="utf-8") == "工作计划\n加强党建工作。\n"
    assert (source / "sub" / "polluted.txt").read_text(encoding="utf-8") == POLLUTED  # SRC DST leaves SRC alone
    subprocess.run([sys.executable, str(CLEANER), str(source)], check=True)  # SRC alone: in place
    assert (source / "sub" / "polluted.txt").read_text(encoding="utf-8") == CLEANED


@pytest.mark.parametrize("peer, module", [("autocorrect", "autocorrect_py"), ("datatrove", "datatrove")])
def test_each_peer_runs_over_a_folder_in_a_process_of_its_own(tmp_path, peer, module):
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (the optional `bench` extra)")
    (tmp_path / "doc.txt").write_text(POLLUTED, encoding="utf-8")
    result = subprocess.run([sys.executable, str(BENCH), "--peer", peer, str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
