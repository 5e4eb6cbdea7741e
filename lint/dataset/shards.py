"""`plancheck dataset`: clean the records of JSONL or Parquet shards, on this machine or on Ray.

Each input shard gives one output shard of the same name and format: every record as it was, with
its text field replaced by the fixed text and a `plancheck` field holding the findings (counts
per category and the list). Shards already written are skipped, so an interrupted run resumes;
each shard is written to a temporary file and renamed, so a shard on disk is always complete.
Records keep their order and are serialised the same way whatever the engine: the local process
pool and Ray Data give byte-identical shards.

Ray is used for the computation only (`map_batches` over the shard's records, order preserved);
reading raw lines and writing shards stay here, which is what keeps the output identical.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from lint import api
from lint.cli import options
from lint.config.settings import ConfigError, ConfigResolver, Settings
from lint.files.io import replace_user_file, write_atomic
from lint.packs.load import PackError
from lint.run.runner import default_jobs
from lint.suggest import did_you_mean

FORMATS = {".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet"}


class DatasetError(Exception):
    """A usage or input problem; the message is one line for the user."""


class Job(NamedTuple):
    """What every shard of a `plancheck dataset` run is cleaned with (picklable, for the workers of either engine)."""

    text_field: str
    id_field: str | None
    unsafe: bool
    config: str | None  # path of an explicit configuration file, or None for discovery from cwd
    cwd: str
    overrides: tuple[tuple[str, object], ...] = ()  # what the command line sets of the configuration


def _settings(job: Job) -> Settings:
    resolver = ConfigResolver(dict(job.overrides), Path(job.config) if job.config else None)
    return resolver.for_path(Path(job.cwd))


_SETTINGS: dict = {}


def _settings_of(job: Job) -> Settings:
    key = (job.config, job.cwd, job.overrides)
    if key not in _SETTINGS:
        _SETTINGS[key] = _settings(job)
    return _SETTINGS[key]


def prepare(job: Job) -> None:
    """Load the job's rules now: a broken configuration is reported before any work starts, and
    workers forked after this start with them."""
    _settings_of(job).rules_for(None)


def clean_record(record: dict, job: Job) -> dict:
    """The record with its text fixed and the findings attached, by the pipeline every document
    goes through (lint.api: its directives honoured, as on the command line)."""
    settings = _settings_of(job)
    text = record.get(job.text_field)
    if not isinstance(text, str):
        out = dict(record)
        out["plancheck"] = {"error": f"field '{job.text_field}' is missing or not a string"}
        if job.id_field:
            out["plancheck"]["id"] = record.get(job.id_field)
        return out
    result = api.fix_document(text, settings, None, unsafe=job.unsafe)
    counts = Counter(f.category for f in result.initial)
    findings = [
        {
            "rule": f.rule,
            "category": f.category,
            "severity": str(f.severity),
            "start": f.start,
            "end": f.end,
            "text": text[f.start : f.end],
            "message": f.message,
            "fix": str(f.fix.applicability) if f.fix else None,
        }
        for f in result.initial
    ]
    out = dict(record)
    out[job.text_field] = result.text
    out["plancheck"] = {
        **({"id": record.get(job.id_field)} if job.id_field else {}),
        "changed": result.text != text,
        "counts": dict(sorted(counts.items())),
        "findings": findings,
        "remaining": len(result.remaining),
        "refused": result.refused or None,
        "converged": result.converged,
    }
    return out


def clean_lines(lines: list[str], job: Job) -> list[str]:
    """JSONL in, JSONL out: the unit both engines run (lines a survey has found to be records)."""
    return [dump(clean_record(json.loads(line), job)) for line in lines]


def dump(record: dict) -> str:
    # values JSON cannot hold (dates, bytes in Parquet) are written as text, the same for both engines
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


# --- shards --------------------------------------------------------------------------------------


def _shard_format(path: Path) -> str:
    for suffix, fmt in FORMATS.items():
        if path.name.endswith(suffix):
            return fmt
    raise DatasetError(f"{path}: not a JSONL or Parquet shard (.jsonl, .json, .parquet)")


def find_shards(inputs: Sequence[str]) -> list[Path]:
    shards: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            shards += sorted(p for p in path.iterdir() if p.is_file() and any(p.name.endswith(s) for s in FORMATS))
        elif path.is_file():
            _shard_format(path)
            shards.append(path)
        else:
            raise DatasetError(f"{path}: no such file or directory")
    names = [s.name for s in shards]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise DatasetError(f"two input shards have the same name ({', '.join(sorted(duplicates))}): outputs would collide")
    return shards


def read_jsonl_lines(path: Path) -> list[tuple[int, str]]:
    """The shard's records: each non-blank line with its number (from 1, blank lines counted)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DatasetError(f"{path}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); JSONL is UTF-8") from None
    return [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]


_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean", type(None): "null"}


def parse_record(path: Path, number: int, line: str) -> dict:
    """One JSONL line as a record; DatasetError naming the shard and line when it is not a JSON object."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{path}:{number}:{exc.colno}: not valid JSON: {exc.msg}") from None
    if not isinstance(record, dict):
        raise DatasetError(f"{path}:{number}: {_JSON_TYPES[type(record)]}, not a JSON object (each line must be one record)")
    return record


def survey(shards: list[Path], job: Job) -> None:
    """Read every shard once before anything is written: a line that is not a record, or a text
    field that no record has, stops the run with one line (exit 2), with no shard half cleaned."""
    fields: dict[str, None] = {}  # every field seen, in order, for the did-you-mean
    with_text = 0
    for shard in shards:
        if _shard_format(shard) == "jsonl":
            for number, line in read_jsonl_lines(shard):
                record = parse_record(shard, number, line)
                fields.update(dict.fromkeys(record))
                with_text += isinstance(record.get(job.text_field), str)
        else:
            schema = read_parquet_schema(shard)
            fields.update(dict.fromkeys(schema.names))
            with_text += _is_text_column(schema, job.text_field)
    if shards and not with_text:
        # a misspelt --text-field would otherwise give every record an error and exit 0
        known = ", ".join(list(fields)[:12]) + (", …" if len(fields) > 12 else "")
        raise DatasetError(
            f"no record has a text field '{job.text_field}'{did_you_mean(job.text_field, fields)} "
            f"(fields: {known or 'none'}); name it with --text-field"
        )


def check_output(outdir: str, inputs: Sequence[str]) -> None:
    """Refuse an output folder that is an input folder or lies inside one (or holds an input shard):
    the cleaned shards would replace, or be taken for, the shards they come from."""
    out = os.path.realpath(outdir)
    for item in inputs:
        real = os.path.realpath(item)
        folder = real if os.path.isdir(real) else os.path.dirname(real)
        if out == folder or (os.path.isdir(real) and out.startswith(folder.rstrip(os.sep) + os.sep)):
            raise DatasetError(f"-o {outdir}: the output folder is (or lies inside) the input folder {item}; choose another")


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise DatasetError("Parquet shards need pyarrow: pip install 'plancheck[parquet]'") from None
    return pa, pq


def read_parquet_records(path: Path) -> list[dict]:
    _, pq = _pyarrow()
    return pq.read_table(path).to_pylist()


def read_parquet_schema(path: Path):
    pa, pq = _pyarrow()
    try:
        return pq.read_schema(path)
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"{path}: not a readable Parquet file: {exc}") from None


def _is_text_column(schema, name: str) -> bool:
    pa, _ = _pyarrow()
    index = schema.get_field_index(name)
    return index >= 0 and (pa.types.is_string(schema.field(index).type) or pa.types.is_large_string(schema.field(index).type))


def write_jsonl(path: Path, lines: list[str]) -> None:
    write_atomic(path, "".join(line + "\n" for line in lines).encode("utf-8"))


def write_parquet(path: Path, records: list[dict]) -> None:
    """Parquet would turn the findings into one struct whose fields are the union over all records;
    they are stored as a JSON string column instead, exactly as in the JSONL output."""
    pa, pq = _pyarrow()
    rows = [{**r, "plancheck": dump(r["plancheck"])} for r in records]
    table = pa.Table.from_pylist(rows)
    replace_user_file(path, lambda handle: pq.write_table(table, handle, compression="zstd"))


# --- engines -------------------------------------------------------------------------------------


def _local_shard(args: tuple[str, str, Job]) -> str:
    source, target, job = args
    _process_shard(Path(source), Path(target), job, clean_lines)
    return target


def _process_shard(source: Path, target: Path, job: Job, clean) -> None:
    if _shard_format(source) == "jsonl":
        write_jsonl(target, clean([line for _, line in read_jsonl_lines(source)], job))
    else:
        lines = [dump(r) for r in read_parquet_records(source)]
        write_parquet(target, [json.loads(line) for line in clean(lines, job)])


class _RayCleaner:
    """A Ray Data class UDF: the rules compile once per worker, not once per batch."""

    def __init__(self, job: Job) -> None:
        self.job = job
        prepare(job)

    def __call__(self, batch: dict) -> dict:
        return {"line": clean_lines(list(batch["line"]), self.job)}


def _ray_clean(ray_data, job: Job, workers: int):
    def clean(lines: list[str], job_: Job) -> list[str]:
        if not lines:
            return []
        data = ray_data.from_items([{"line": line} for line in lines])
        pool = ray_data.ActorPoolStrategy(size=workers)
        cleaned = data.map_batches(_RayCleaner, fn_constructor_args=(job_,), batch_size=64, compute=pool)
        return [row["line"] for row in cleaned.iter_rows()]

    return clean


def _start_ray(ray, ray_data, address: str | None, jobs: int, verbose: bool) -> None:
    """Start or join Ray; unless `verbose`, with only its errors shown: its start-up notices,
    execution plans and progress lines would bury the one line per shard plancheck prints."""
    if not verbose:
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
        ray_data.DataContext.get_current().enable_progress_bars = False
    if not ray.is_initialized():
        ray.init(
            address=address,
            num_cpus=None if address else jobs,
            include_dashboard=False,
            log_to_driver=verbose,
            logging_level=logging.INFO if verbose else logging.ERROR,
        )
    if not verbose:
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # ray.init configures it again
    ray_data.DataContext.get_current().execution_options.preserve_order = True


@contextmanager
def _native_log_hidden(verbose: bool) -> Iterator[None]:
    """Ray's core (C++) writes its log lines to file descriptor 2 itself, past Python's logging
    (an actor's restart policy, at error level, on every run). Unless `verbose`, descriptor 2 goes
    to /dev/null while Ray runs, and `sys.stderr` (plancheck's own lines) to the real stderr."""
    if verbose:
        yield
        return
    sys.stderr.flush()
    real_fd = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    real = sys.stderr
    sys.stderr = open(os.dup(real_fd), "w", encoding=real.encoding, errors=real.errors, buffering=1)  # noqa: SIM115
    try:
        yield
    finally:
        sys.stderr.close()
        sys.stderr = real
        os.dup2(real_fd, 2)
        os.close(real_fd)


def run(
    shards: list[Path], outdir: Path, job: Job, engine_name: str, jobs: int, ray_address: str | None, verbose: bool = False
) -> tuple[int, int]:
    """Clean every shard not already in `outdir`. Returns (written, skipped)."""
    survey(shards, job)
    outdir.mkdir(parents=True, exist_ok=True)
    todo = [(s, outdir / s.name) for s in shards if not (outdir / s.name).exists()]
    skipped = len(shards) - len(todo)
    if engine_name == "ray":
        try:
            import ray
            import ray.data as ray_data
        except ImportError:
            raise DatasetError("--engine ray needs Ray: pip install 'plancheck[ray]'") from None
        with _native_log_hidden(verbose):
            _start_ray(ray, ray_data, ray_address, jobs, verbose)
            clean = _ray_clean(ray_data, job, jobs)
            for source, target in todo:
                _process_shard(source, target, job, clean)
                print(f"Cleaned {source} -> {target}", file=sys.stderr)
        return len(todo), skipped
    work = [(str(s), str(t), job) for s, t in todo]
    if jobs == 1 or len(work) <= 1:
        for item in work:
            print(f"Cleaned {item[0]} -> {_local_shard(item)}", file=sys.stderr)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for item, target in zip(work, pool.map(_local_shard, work), strict=True):
                print(f"Cleaned {item[0]} -> {target}", file=sys.stderr)
    return len(todo), skipped


def dataset_main(argv: Sequence[str]) -> int:
    parser = options.Parser(
        prog="plancheck dataset",
        description="Clean the records of JSONL or Parquet shards; write cleaned shards with per-record findings.",
    )
    parser.add_argument("inputs", nargs="+", metavar="SHARD", help="JSONL/Parquet shard files, or folders of them")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the cleaned shards")
    parser.add_argument("--text-field", default="text", help="record field holding the document (default: text)")
    parser.add_argument("--id-field", default=None, help="record field identifying the document (kept as it is)")
    parser.add_argument("--engine", choices=("local", "ray"), default="local", help="process pool here, or Ray Data")
    parser.add_argument("--ray-address", default=None, help="address of an existing Ray cluster (default: start a local one)")
    parser.add_argument("-j", "--jobs", type=int, default=default_jobs(), help="worker processes (default: the CPUs this process may use)")
    parser.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=bool(os.environ.get("PLANCHECK_VERBOSE")),
        help="show Ray's own log (start-up, execution plans, progress); also PLANCHECK_VERBOSE=1",
    )
    options.add_rules(parser)
    try:
        args = parser.parse_args(argv)
        if args.jobs < 1:
            raise options.UsageError("--jobs must be at least 1")
    except options.UsageError as exc:
        print(f"plancheck dataset: error: {exc}", file=sys.stderr)
        print("Run `plancheck dataset --help` for usage.", file=sys.stderr)
        return 2
    overrides = tuple((key, tuple(value) if isinstance(value, list) else value) for key, value in options.overrides(args).items())
    config = str(args.config) if args.config else None
    job = Job(args.text_field, args.id_field, args.unsafe_fixes, config, os.getcwd(), overrides)
    try:
        prepare(job)
        shards = find_shards(args.inputs)
        check_output(args.output, args.inputs)
        written, skipped = run(shards, Path(args.output), job, args.engine, args.jobs, args.ray_address, args.verbose)
    except (DatasetError, ConfigError, PackError) as exc:
        print(f"plancheck: error: {exc}", file=sys.stderr)
        return 2
    print(f"{written} shard{'s' if written != 1 else ''} cleaned, {skipped} already done.", file=sys.stderr)
    return 0
