"""`plancheck dataset`: JSONL and Parquet shards cleaned record by record, resumable, and the same
bytes from the local process pool and from Ray Data."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from .conftest import ROOT

SEED = (ROOT / "tests" / "golden" / "seed_002_43c5f040e6d985ae.txt").read_text(encoding="utf-8")
SEED_FIXED = (ROOT / "tests" / "golden" / "seed_002_43c5f040e6d985ae.fixed.txt").read_text(encoding="utf-8")
RECORDS = [
    {"id": "a", "text": SEED, "source": "site-1"},
    {"id": "b", "text": "加强D建工作，推进各项任务落地落实。##paidend##\n", "source": "site-2"},
    {"id": "c", "text": "一切正常的文本。\n", "source": "site-2", "extra": {"n": 1}},
    {"id": "d", "source": "no text"},
]


def _dataset(*args, cwd):
    return subprocess.run(
        [sys.executable, "-c", "import sys; from lint.dataset.shards import dataset_main; sys.exit(dataset_main(sys.argv[1:]))", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _write_shards(folder, n=3):
    folder.mkdir()
    for i in range(n):
        lines = [json.dumps({**r, "id": f"{r['id']}{i}"}, ensure_ascii=False) for r in RECORDS]
        (folder / f"part-{i:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_jsonl_shards_are_cleaned_with_findings_per_record(tmp_path):
    _write_shards(tmp_path / "in")
    result = _dataset("in", "-o", "out", "--id-field", "id", "-j", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = [json.loads(x) for x in (tmp_path / "out" / "part-000.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a0", "b0", "c0", "d0"]
    assert records[0]["text"] == SEED_FIXED
    assert records[0]["plancheck"]["counts"]["paywall"] == 2
    assert {f["rule"] for f in records[0]["plancheck"]["findings"]} >= {"PW001", "WM001", "PH001"}
    assert records[1]["text"] == "加强党建工作，推进各项任务落地落实。\n"
    assert records[2]["plancheck"] == {
        "changed": False,
        "converged": True,
        "counts": {},
        "findings": [],
        "id": "c0",
        "refused": None,
        "remaining": 0,
    }
    assert records[2]["extra"] == {"n": 1} and records[2]["source"] == "site-2"
    assert "missing or not a string" in records[3]["plancheck"]["error"]


def test_completed_shards_are_skipped_on_a_rerun(tmp_path):
    _write_shards(tmp_path / "in")
    assert _dataset("in", "-o", "out", cwd=tmp_path).returncode == 0
    (tmp_path / "out" / "part-001.jsonl").unlink()  # as if the run had been interrupted there
    before = (tmp_path / "out" / "part-000.jsonl").stat().st_mtime_ns
    result = _dataset("in", "-o", "out", cwd=tmp_path)
    assert "1 shard cleaned, 2 already done." in result.stderr
    assert (tmp_path / "out" / "part-000.jsonl").stat().st_mtime_ns == before
    assert (tmp_path / "out" / "part-001.jsonl").exists()


def test_parquet_shards(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    (tmp_path / "in").mkdir()
    pq.write_table(pa.Table.from_pylist([{"id": r["id"], "text": r.get("text", "")} for r in RECORDS]), tmp_path / "in" / "p.parquet")
    assert _dataset("in", "-o", "out", cwd=tmp_path).returncode == 0
    rows = pq.read_table(tmp_path / "out" / "p.parquet").to_pylist()
    assert rows[0]["text"] == SEED_FIXED
    assert json.loads(rows[1]["plancheck"])["counts"] == {"paywall": 1, "redaction": 1}


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = _dataset("notes.txt", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2 and "not a JSONL or Parquet shard" in result.stderr
    assert "Traceback" not in result.stderr
    assert _dataset("missing", "-o", "out", cwd=tmp_path).returncode == 2


def test_ray_engine_gives_byte_identical_shards(tmp_path):
    if not os.environ.get("CI"):  # CI installs the extra, so there the test must run, never skip
        pytest.importorskip("ray", reason="install the ray extra: pip install -e '.[dev,ray]'")
    _write_shards(tmp_path / "in", n=2)
    assert _dataset("in", "-o", "local", "-j", "2", cwd=tmp_path).returncode == 0
    result = _dataset("in", "-o", "ray", "--engine", "ray", "-j", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    for shard in ("part-000.jsonl", "part-001.jsonl"):
        assert (tmp_path / "ray" / shard).read_bytes() == (tmp_path / "local" / shard).read_bytes()
    # Ray's start-up notices, execution plans, progress and deprecation warnings are not shown
    # (--verbose shows them): only plancheck's line per shard and its summary
    assert result.stderr.splitlines() == [
        f"Cleaned {os.path.join('in', shard)} -> {os.path.join('ray', shard)}" for shard in ("part-000.jsonl", "part-001.jsonl")
    ] + ["2 shards cleaned, 0 already done."], result.stderr[-3000:]


def test_a_record_s_directives_are_honoured_as_on_the_command_line(tmp_path):
    """One pipeline for every document: a record that disables plancheck is left as it is."""
    (tmp_path / "in").mkdir()
    disabled = "<!-- plancheck: disable-file -->\n加强D建工作。##paidend##\n"
    line = json.dumps({"id": "x", "text": disabled}, ensure_ascii=False)
    (tmp_path / "in" / "part-000.jsonl").write_text(line + "\n", encoding="utf-8")
    result = _dataset("in", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(x) for x in (tmp_path / "out" / "part-000.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["text"] == disabled
    assert record["plancheck"]["findings"] == [] and record["plancheck"]["changed"] is False


def test_jobs_default_to_the_cpus_this_process_may_use(tmp_path):
    """`os.cpu_count()` counts the machine's CPUs; a process pinned to one (taskset, a container's
    cpuset) must not start a worker per CPU it cannot use."""
    code = (
        "import os, sys\n"
        "os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})\n"
        "from lint.dataset.shards import dataset_main\n"
        "import lint.dataset.shards as d\n"
        "seen = []\n"
        "d.run = lambda shards, out, job, engine, jobs, *rest: seen.append(jobs) or (0, 0)\n"
        "dataset_main(['in', '-o', 'out'])\n"
        "print(seen)\n"
    )
    _write_shards(tmp_path / "in", 1)
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "[1]", result.stderr


def test_rule_options_are_those_of_a_check(tmp_path):
    """The subcommands share their option definitions: --ignore means what it means for a check."""
    _write_shards(tmp_path / "in", 1)
    result = _dataset("in", "-o", "out", "--ignore", "redaction", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = [json.loads(x) for x in (tmp_path / "out" / "part-000.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records[1]["text"] == "加强D建工作，推进各项任务落地落实。\n"
    assert "redaction" not in records[1]["plancheck"]["counts"]


def test_a_bad_command_line_is_one_line_and_exit_2(tmp_path):
    _write_shards(tmp_path / "in", 1)
    result = _dataset("in", "-o", "out", "-j", "0", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "plancheck dataset: error: --jobs must be at least 1"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "text": "好。"', "shard.jsonl:2:25: not valid JSON: Expecting ',' delimiter"),
        ('["not", "a", "record"]', "shard.jsonl:2: an array, not a JSON object (each line must be one record)"),
        ("42", "shard.jsonl:2: a number, not a JSON object (each line must be one record)"),
    ],
)
def test_a_line_that_is_not_a_record_is_one_line_naming_shard_and_line(tmp_path, line, message):
    """docs/robustness.md promises no traceback: a broken line stops the run before anything is
    written, naming the shard and the line (blank lines counted)."""
    (tmp_path / "in").mkdir()
    good = json.dumps({"id": "a", "text": "加强D建工作。"}, ensure_ascii=False)
    (tmp_path / "in" / "a.jsonl").write_text(good + "\n", encoding="utf-8")
    (tmp_path / "in" / "shard.jsonl").write_text(good + "\n" + line + "\n", encoding="utf-8")
    result = _dataset("in", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"plancheck: error: {os.path.join('in', message)}"], result.stderr
    assert not (tmp_path / "out").exists()


def test_a_text_field_that_no_record_has_is_one_line_and_exit_2(tmp_path):
    """Not an error inside every record and exit 0: a misspelt --text-field is a usage error."""
    _write_shards(tmp_path / "in", 2)
    result = _dataset("in", "-o", "out", "--text-field", "txet", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "plancheck: error: no record has a text field 'txet' (did you mean 'text'?) (fields: id, text, source, extra); "
        "name it with --text-field"
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("output", ["in", "in/cleaned", "./in/"])
def test_an_output_folder_that_is_or_lies_in_the_input_folder_is_refused(tmp_path, output):
    """The cleaned shards would be taken for the inputs they come from ("0 shards cleaned, 2 already done", exit 0)."""
    _write_shards(tmp_path / "in", 2)
    before = {p.name: p.read_bytes() for p in (tmp_path / "in").iterdir()}
    result = _dataset("in", "-o", output, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"plancheck: error: -o {output}: the output folder is (or lies inside) the input folder in; choose another"
    ]
    assert {p.name: p.read_bytes() for p in (tmp_path / "in").iterdir()} == before


def test_parquet_columns_other_than_the_text_come_out_as_they_went_in(tmp_path):
    """Read and written with Arrow, never through JSON: binary, timestamps with their zone,
    decimals, int8, nested values, nulls, the column order and the schema's metadata are kept."""
    pa = pytest.importorskip("pyarrow")
    import datetime
    import decimal

    import pyarrow.parquet as pq

    when = datetime.datetime(2024, 3, 1, 8, 30, 15, 123456, tzinfo=datetime.timezone.utc)
    table = pa.table(
        {
            "blob": pa.array([b"\x00\xffraw", None, b""], pa.binary()),
            "seen": pa.array([when, None, when], pa.timestamp("us", tz="Asia/Shanghai")),
            "price": pa.array([decimal.Decimal("12.30"), None, decimal.Decimal("-0.01")], pa.decimal128(9, 2)),
            "small": pa.array([-128, None, 127], pa.int8()),
            "text": pa.array(["加强D建工作。##paidend##\n", None, "一切正常。\n"], pa.large_string()),
            "tags": pa.array([[{"k": "a", "v": 1}], None, []], pa.list_(pa.struct([("k", pa.string()), ("v", pa.int16())]))),
            "ratio": pa.array([0.1, float("nan"), None], pa.float32()),
        }
    ).replace_schema_metadata({b"source": b"crawl-7", b"note": "抓取".encode()})
    (tmp_path / "in").mkdir()
    pq.write_table(table, tmp_path / "in" / "p.parquet")
    result = _dataset("in", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = pq.read_table(tmp_path / "out" / "p.parquet")
    assert out.column_names == [*table.column_names, "plancheck"]
    assert out.schema.metadata == table.schema.metadata
    for name in table.column_names:
        assert out.schema.field(name) == table.schema.field(name), name
        if name not in ("text", "ratio"):  # NaN equals nothing, itself included
            assert out.column(name).equals(table.column(name)), name
    assert str(out.column("ratio").to_pylist()) == "[0.10000000149011612, nan, None]"
    assert out.column("text").to_pylist() == ["加强党建工作。\n", None, "一切正常。\n"]
    reports = [json.loads(r) for r in out.column("plancheck").to_pylist()]
    assert reports[0]["changed"] is True and "missing or not a string" in reports[1]["error"]


def test_jsonl_records_are_kept_as_they_were_but_for_the_text(tmp_path):
    """Only the text field's value is written again (and only when it changed): numbers keep their
    own text (no re-rounding, NaN and Infinity only where the input had them), duplicate keys, key
    order, spacing and escapes stay; the report is added as the last member."""
    (tmp_path / "in").mkdir()
    lines = [
        '{"z": 0.1000000000000000055511, "text": "加强D建工作。##paidend##\\n", "n": 1e400, "dup": 1, "dup": 2}',
        '{ "text" : "\\u4e00\\u5207\\u6b63\\u5e38\\u3002\\n", "score": NaN, "inf": -Infinity, "big": 12345678901234567890123 }',
        '{"id": 1.50, "nested": {"a": [1.0, 2.50]}, "text": "好。\\n"}',
    ]
    (tmp_path / "in" / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _dataset("in", "-o", "out", "--id-field", "id", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = (tmp_path / "out" / "a.jsonl").read_text(encoding="utf-8").splitlines()
    records = [line.rsplit(',"plancheck":', 1) for line in out]
    assert records[0][0] + "}" == lines[0].replace('"加强D建工作。##paidend##\\n"', '"加强党建工作。\\n"')
    assert records[1][0] + "}" == lines[1]  # unchanged: byte for byte, escapes and NaN as they were
    assert records[2][0] + "}" == lines[2]
    assert json.loads(records[2][1][:-1])["id"] == 1.5 and records[2][1].startswith('{"id":1.50,')
    assert "NaN" not in out[0] and "Infinity" not in out[2]


def test_a_record_s_own_plancheck_field_is_refused_not_overwritten(tmp_path):
    """A record's own `plancheck` field is the user's data: the run stops (one schema for every
    record, nothing overwritten), and --report-field names plancheck's report another way."""
    (tmp_path / "in").mkdir()
    line = json.dumps({"text": "加强D建工作。\n", "plancheck": {"reviewed": True}}, ensure_ascii=False)
    (tmp_path / "in" / "a.jsonl").write_text(line + "\n", encoding="utf-8")
    result = _dataset("in", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"plancheck: error: {os.path.join('in', 'a.jsonl')}:1: the record has its own 'plancheck' field; "
        "name plancheck's report with --report-field"
    ]
    assert not (tmp_path / "out").exists()
    result = _dataset("in", "-o", "out", "--report-field", "plancheck_report", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(x) for x in (tmp_path / "out" / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["plancheck"] == {"reviewed": True} and record["plancheck_report"]["changed"] is True


def test_resume_is_keyed_by_the_input_not_by_the_shard_name(tmp_path):
    """A second input folder with the same shard names is cleaned, not taken as already done."""
    for folder, text in (("in1", "第一批。\n"), ("in2", "加强D建工作。\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "part-000.jsonl").write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert _dataset("in1", "-o", "out", cwd=tmp_path).returncode == 0
    result = _dataset("in2", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0 and "1 shard cleaned, 0 already done." in result.stderr, result.stderr
    (record,) = [json.loads(x) for x in (tmp_path / "out" / "part-000.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["text"] == "加强党建工作。\n"
    assert "0 shards cleaned, 1 already done." in _dataset("in2", "-o", "out", cwd=tmp_path).stderr


def test_a_temporary_shard_a_killed_run_left_is_removed_by_the_next_run(tmp_path):
    """SIGKILL while a shard is being written leaves `.NAME.XXXXXXXX.plancheck-tmp` in the output
    folder, with records in it; the next run removes it."""
    stalled = (
        "import os, sys, time\n"
        "def stalled(fd):\n"
        "    open('writing', 'w').close()\n"
        "    time.sleep(60)\n"
        "os.fsync = stalled\n"
        "from lint.dataset.shards import dataset_main\n"
        "sys.exit(dataset_main(sys.argv[1:]))\n"
    )
    _write_shards(tmp_path / "in", 1)
    process = subprocess.Popen([sys.executable, "-c", stalled, "in", "-o", "out"], cwd=tmp_path, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not (tmp_path / "writing").exists() and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    (left,) = [p.name for p in (tmp_path / "out").iterdir()]
    assert left.startswith(".part-000.jsonl.") and left.endswith(".plancheck-tmp")
    result = _dataset("in", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".plancheck-dataset", "part-000.jsonl"]
