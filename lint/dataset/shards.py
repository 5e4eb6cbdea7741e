"""`plancheck dataset`: clean the records of JSONL or Parquet shards, on this machine or on Ray.

Each input shard gives one output shard of the same name and format: every record as it was, with
its text field replaced by the fixed text and a report field (`plancheck`) holding the findings
(counts per category and the list). A JSONL record is kept byte for byte but for its text
field's value; a Parquet shard is read and written with Arrow, every other column as it was. Every
shard is surveyed before anything is written (a line that is not a record is one error, not a
traceback halfway). An output is skipped on a rerun only when the manifest says it was made from
an input with the same bytes and options, so an interrupted run resumes; each shard is written to
a temporary file and renamed, so a shard on disk is always complete. Records keep their order and
are serialised the same way whatever the engine: the local process pool and Ray Data give
byte-identical shards.

Ray is used for the computation only (`map_batches` over the shard's texts, order preserved);
reading and writing shards stay here, which is what keeps the output identical.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from json.decoder import scanstring
from pathlib import Path
from typing import NamedTuple

from lint import api
from lint.cli import options
from lint.config.settings import ConfigError, ConfigResolver, Settings
from lint.files.io import is_temporary, remove_left_over, replace_user_file, write_atomic, write_only_while
from lint.packs.load import PackError
from lint.run.runner import default_jobs
from lint.suggest import did_you_mean

FORMATS = {".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet"}
REPORT_FIELD = "plancheck"  # the field each output record gets for the report, unless --report-field


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
    report_field: str = REPORT_FIELD


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


def clean_text(text: str, job: Job) -> tuple[str, str]:
    """The fixed text of one document and its report (JSON), by the pipeline every document goes
    through (lint.api: its directives honoured, as on the command line)."""
    result = api.fix_document(text, _settings_of(job), None, unsafe=job.unsafe)
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
    report = {
        "changed": result.text != text,
        "counts": dict(sorted(counts.items())),
        "findings": findings,
        "remaining": len(result.remaining),
        "refused": result.refused or None,
        "converged": result.converged,
    }
    return result.text, dump(report)


def clean_texts(texts: list[str], job: Job) -> list[tuple[str, str]]:
    """Documents in, (fixed text, report) out: the unit both engines run."""
    return [clean_text(text, job) for text in texts]


def dump(value: object) -> str:
    """JSON as plancheck writes it: compact, keys sorted, characters as they are (a lone surrogate,
    which no UTF-8 file can hold, as an escape)."""
    out = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, sort_keys=True, separators=(",", ":"))
    return out


def _with_id(report: str, id_token: str | None) -> str:
    """The report (a JSON object) with the record's id first, as the record holds it (its own
    token: a number is not re-rounded)."""
    return report if id_token is None else '{"id":' + id_token + "," + report[1:]


def _problem(field: str) -> str:
    return dump({"error": f"field '{field}' is missing or not a string"})


# --- JSONL records: only the text field's value is rewritten --------------------------------------

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class Member(NamedTuple):
    """A top-level member of a JSONL record, and where its value lies in the line."""

    key: str
    start: int
    end: int
    value: object


def members(line: str) -> tuple[list[Member], int]:
    """The top-level members of a record in their order, duplicates included, and the position of
    its closing brace. The line is one `parse_record` accepted."""
    found: list[Member] = []
    pos = _SPACE.match(line, _SPACE.match(line).end() + 1).end()  # past "{"
    while line[pos] != "}":
        key, pos = scanstring(line, pos + 1)
        pos = _SPACE.match(line, _SPACE.match(line, pos).end() + 1).end()  # past ":"
        value, end = _DECODER.raw_decode(line, pos)
        found.append(Member(key, pos, end, value))
        pos = _SPACE.match(line, end).end()
        if line[pos] == ",":
            pos = _SPACE.match(line, pos + 1).end()
    return found, pos


def clean_jsonl(lines: list[str], job: Job, clean) -> list[str]:
    """Each record as it was, byte for byte (numbers, NaN, key order, duplicate keys, escapes),
    but for its text field's value, written again only when the text changed, and the report added
    as the last member."""
    records = []
    for line in lines:
        found, close = members(line)
        records.append((line, found, close, [m for m in found if m.key == job.text_field]))
    results = iter(clean([slots[0].value for *_, slots in records if _is_document(slots)], job))
    out = []
    key = json.dumps(job.report_field, ensure_ascii=False)
    for line, found, close, slots in records:
        body = line[:close]
        if _is_document(slots):
            fixed, report = next(results)
            if fixed != slots[0].value:
                body = line[: slots[0].start] + dump(fixed) + line[slots[0].end : close]
        elif len(slots) > 1:
            report = dump({"error": f"field '{job.text_field}' appears {len(slots)} times; which one is the document is not clear"})
        else:
            report = _problem(job.text_field)
        if job.id_field is not None:
            ids = [m for m in found if m.key == job.id_field]
            report = _with_id(report, line[ids[-1].start : ids[-1].end] if ids else "null")
        out.append(f"{body}{',' if found else ''}{key}:{report}{line[close:]}")
    return out


def _is_document(slots: list[Member]) -> bool:
    """Whether a record's members named as the text field make one document."""
    return len(slots) == 1 and isinstance(slots[0].value, str)


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


def survey(shards: list[Path], job: Job) -> dict[Path, str]:
    """Read every shard once before anything is written: a line that is not a record, a text field
    that no record has, or a record with a field of the report's name, stops the run with one line
    (exit 2), with no shard half cleaned. Returns each shard's identity (`_identity`)."""
    fields: dict[str, None] = {}  # every field seen, in order, for the did-you-mean
    with_text = 0
    for shard in shards:
        if _shard_format(shard) == "jsonl":
            for number, line in read_jsonl_lines(shard):
                record = parse_record(shard, number, line)
                if job.report_field in record:
                    raise _report_field_taken(f"{shard}:{number}: the record", job)
                fields.update(dict.fromkeys(record))
                with_text += isinstance(record.get(job.text_field), str)
        else:
            schema = read_parquet_schema(shard)
            if job.report_field in schema.names:
                raise _report_field_taken(f"{shard}: the shard", job)
            fields.update(dict.fromkeys(schema.names))
            with_text += _is_text_column(schema, job.text_field)
    if shards and not with_text:
        # a misspelt --text-field would otherwise give every record an error and exit 0
        known = ", ".join(list(fields)[:12]) + (", …" if len(fields) > 12 else "")
        raise DatasetError(
            f"no record has a text field '{job.text_field}'{did_you_mean(job.text_field, fields)} "
            f"(fields: {known or 'none'}); name it with --text-field"
        )
    return {shard: _identity(shard, job) for shard in shards}


def _report_field_taken(where: str, job: Job) -> DatasetError:
    # refused rather than renamed record by record: one schema for every output record, and a
    # record's own field is never overwritten
    option = "--report-field" if job.report_field == REPORT_FIELD else "another --report-field"
    return DatasetError(f"{where} has its own '{job.report_field}' field; name plancheck's report with {option}")


def _identity(shard: Path, job: Job) -> str:
    """What an output shard was made from: the input's bytes and how they were cleaned. An output
    is kept on a rerun only when its input has the same identity, so a second input folder with the
    same shard names (or a shard changed since) is cleaned, not skipped."""
    digest = hashlib.sha256(repr(tuple(job)).encode("utf-8", "surrogateescape"))
    try:
        with open(shard, "rb") as handle:
            for block in iter(lambda: handle.read(2**20), b""):
                digest.update(block)
    except OSError as exc:
        raise DatasetError(f"{shard}: cannot read: {exc.strerror or exc}") from None
    return digest.hexdigest()


MANIFEST = ".plancheck-dataset"  # in the output folder: {shard name: identity of its input}; not a shard suffix


def _read_manifest(outdir: Path) -> dict[str, str]:
    try:
        manifest = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or damaged: every shard is cleaned again
    return manifest if isinstance(manifest, dict) else {}


def _record_done(outdir: Path, manifest: dict[str, str], name: str, identity: str) -> None:
    manifest[name] = identity
    write_atomic(outdir / MANIFEST, (dump(manifest) + "\n").encode("utf-8"))


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


def clean_parquet(source: Path, target: Path, job: Job, clean) -> None:
    """Read and write with Arrow, never through JSON or Python objects: every column but the text
    field is written as it was read (types, nulls, order, field and schema metadata), the text
    column keeps its type, and the report is a JSON string column added last (Parquet would make
    the findings one struct whose fields are the union over all records)."""
    pa, pq = _pyarrow()
    try:
        table = pq.ParquetFile(source).read()
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"{source}: not a readable Parquet file: {exc}") from None
    index = table.schema.get_field_index(job.text_field)
    texts = table.column(index).to_pylist() if _is_text_column(table.schema, job.text_field) else [None] * table.num_rows
    documents = [i for i, text in enumerate(texts) if isinstance(text, str)]
    reports = [_problem(job.text_field)] * table.num_rows
    for i, (fixed, report) in zip(documents, clean([texts[i] for i in documents], job), strict=True):
        texts[i], reports[i] = fixed, report
    if documents:
        field = table.schema.field(index)
        table = table.set_column(index, field, pa.array(texts, type=field.type))
    if job.id_field is not None:
        ids = table.column(job.id_field).to_pylist() if job.id_field in table.column_names else [None] * table.num_rows
        # a value JSON cannot hold (bytes, a timestamp) is written as text in the report; the
        # column itself keeps it
        reports = [_with_id(report, json.dumps(i, ensure_ascii=False, default=str)) for report, i in zip(reports, ids, strict=True)]
    table = table.append_column(pa.field(job.report_field, pa.string()), pa.array(reports, type=pa.string()))
    replace_user_file(target, lambda handle: pq.write_table(table, handle, compression="zstd"))


# --- engines -------------------------------------------------------------------------------------


def _local_shard(args: tuple[str, str, Job]) -> str:
    source, target, job = args
    _process_shard(Path(source), Path(target), job, clean_texts)
    return target


def _process_shard(source: Path, target: Path, job: Job, clean) -> None:
    if _shard_format(source) == "jsonl":
        try:
            cleaned = clean_jsonl([line for _, line in read_jsonl_lines(source)], job, clean)
        except (ValueError, IndexError):  # the survey found every line a record
            raise DatasetError(f"{source}: changed while the run read it; not written") from None
        write_jsonl(target, cleaned)
    else:
        clean_parquet(source, target, job, clean)


class _RayCleaner:
    """A Ray Data class UDF: the rules compile once per worker, not once per batch."""

    def __init__(self, job: Job) -> None:
        self.job = job
        prepare(job)

    def __call__(self, batch: dict) -> dict:
        results = clean_texts(list(batch["text"]), self.job)
        return {"text": [fixed for fixed, _ in results], "report": [report for _, report in results]}


def _ray_clean(ray_data, job: Job, workers: int):
    def clean(texts: list[str], job_: Job) -> list[tuple[str, str]]:
        if not texts:
            return []
        data = ray_data.from_items([{"text": text} for text in texts])
        pool = ray_data.ActorPoolStrategy(size=workers)
        cleaned = data.map_batches(_RayCleaner, fn_constructor_args=(job_,), batch_size=64, compute=pool)
        return [(row["text"], row["report"]) for row in cleaned.iter_rows()]

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
    """Clean every shard that `outdir` does not already hold cleaned from the same input (its
    identity, recorded in the manifest after each shard is written). Returns (written, skipped)."""
    started = time.time()
    identities = survey(shards, job)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatasetError(f"-o {outdir}: cannot make the output folder: {exc.strerror or exc}") from None
    with os.scandir(outdir) as entries:  # what a run killed while writing a shard left there
        for entry in entries:
            if is_temporary(entry.name):
                remove_left_over(entry.path, started)
    manifest = _read_manifest(outdir)
    todo = [(s, outdir / s.name) for s in shards if not ((outdir / s.name).exists() and manifest.get(s.name) == identities[s])]
    for source, target in _cleaned(todo, job, engine_name, jobs, ray_address, verbose):
        _record_done(outdir, manifest, target.name, identities[source])
        print(f"Cleaned {source} -> {target}", file=sys.stderr)
    return len(todo), len(shards) - len(todo)


def _cleaned(
    todo: list[tuple[Path, Path]], job: Job, engine_name: str, jobs: int, ray_address: str | None, verbose: bool
) -> Iterator[tuple[Path, Path]]:
    """Clean each (source, target) of `todo` with the engine asked for; each pair once written."""
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
                yield source, target
        return
    work = [(str(s), str(t), job) for s, t in todo]
    if jobs == 1 or len(work) <= 1:
        for (source, target), item in zip(todo, work, strict=True):
            _local_shard(item)
            yield source, target
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=write_only_while, initargs=(os.getpid(),)) as pool:
        for pair, _ in zip(todo, pool.map(_local_shard, work), strict=True):
            yield pair


def dataset_main(argv: Sequence[str]) -> int:
    parser = options.Parser(
        prog="plancheck dataset",
        description="Clean the records of JSONL or Parquet shards; write cleaned shards with per-record findings.",
    )
    parser.add_argument("inputs", nargs="+", metavar="SHARD", help="JSONL/Parquet shard files, or folders of them")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the cleaned shards")
    parser.add_argument("--text-field", default="text", help="record field holding the document (default: text)")
    parser.add_argument("--id-field", default=None, help="record field identifying the document (kept as it is; copied into the report)")
    parser.add_argument(
        "--report-field",
        default=REPORT_FIELD,
        help=f"field added to each record for plancheck's report (default: {REPORT_FIELD}; a record that has one is an error)",
    )
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
        return options.report_usage_error("plancheck dataset", exc)
    overrides = tuple((key, tuple(value) if isinstance(value, list) else value) for key, value in options.overrides(args).items())
    config = str(args.config) if args.config else None
    job = Job(args.text_field, args.id_field, args.unsafe_fixes, config, os.getcwd(), overrides, args.report_field)
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
