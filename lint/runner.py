"""Checking and fixing files, one at a time or on a process pool, with the results cache.

`process_text` is everything that happens to one document (check or fix, cache, diff) and returns
an `Outcome`, a value; writing the file is `write_outcome`'s, at the edge. `run_files` runs the
files on a pool of worker processes, the largest first so that one big file does not finish
last, and gives the outcomes back in the order of the files, so output never depends on -j.
"""

from __future__ import annotations

import difflib
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from . import api, cache, files, output
from .config import ConfigResolver, Settings
from .model import Applicability, Finding, Severity
from .packs import RuleSet

SERIAL_BELOW = 1_000_000  # bytes: smaller runs (a pre-commit hook's handful of files) stay in one process


@dataclass(frozen=True)
class Options:
    fix: bool = False
    diff: bool = False
    unsafe: bool = False
    encoding: str | None = None
    use_cache: bool = True


@dataclass
class Outcome:
    name: str
    path: Path | None
    fail_level: Severity | None = None
    located: list[output.Located] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # for stderr, in order
    errors: int = 0
    failed: bool = False  # fixes refused or not converging: a lint failure whatever the findings
    fixed_findings: int = 0
    diff: str = ""
    new_text: str | None = None  # set when --fix changed the text: what to write
    source: files.Source | None = None

    def error(self, message: str) -> None:
        self.errors += 1
        self.messages.append(f"plancheck: {message}")


@lru_cache(maxsize=64)
def _identity(rules: RuleSet, timeout: float | None) -> str:
    return cache.rules_identity(rules, timeout)


def _cached_check(text: str, digest: bytes, settings: Settings, path: Path | None, store: cache.ResultCache | None) -> list[Finding]:
    if store is None:
        return api.check_document(text, settings, path)
    key = store.key(digest, _identity(settings.rules_for(path), settings.rule_timeout), "check")
    findings = store.get(key)
    if findings is None:
        findings = api.check_document(text, settings, path)
        store.put(key, findings)
    return findings


def process_text(name: str, source: files.Source, settings: Settings, path: Path | None, options: Options) -> Outcome:
    """Check or fix one document; nothing is written here."""
    outcome = Outcome(name, path, settings.fail_level, source=source)
    store = cache.ResultCache(settings.root) if options.use_cache else None
    # the digest of the bytes read keys the cache: no need to encode every file again
    digest = source.digest or files.digest(files.encode(source))
    text = source.text
    if not (options.fix or options.diff):
        outcome.located = output.locate(name, text, _cached_check(text, digest, settings, path, store))
        return outcome
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if options.unsafe else {Applicability.SAFE}
    known = _cached_check(text, digest, settings, path, store) if store is not None else None
    if known is not None and not any(f.fix is not None and f.fix.applicability in allowed for f in known):
        outcome.located = output.locate(name, text, known)  # nothing to fix: the cache says so
        return outcome
    result = api.fix_document(text, settings, path, unsafe=options.unsafe)
    if result.refused:
        outcome.messages.append(f"plancheck: {name}: {result.refused}; left unchanged (raise max-deletion to allow)")
        outcome.failed = True
    if not result.converged:
        # a lint failure (exit 1), not an input error: the file is fine, the rules disagree
        outcome.messages.append(f"plancheck: {name}: fixes did not converge (rules {', '.join(result.unstable_rules)}); left unchanged")
        outcome.failed = True
    if result.text != text:
        outcome.fixed_findings = sum(result.fixed.values())
        outcome.new_text = result.text
        if options.diff:
            outcome.diff = unified_diff(name, text, result.text)
        elif store is not None and result.converged:
            try:  # the fixed file's findings are known: the next run need not check it again
                fixed_digest = files.digest(files.encode(source.with_text(result.text)))
                store.put(store.key(fixed_digest, _identity(settings.rules_for(path), settings.rule_timeout), "check"), result.remaining)
            except UnicodeEncodeError:
                pass
    outcome.located = output.locate(name, result.text, result.remaining)
    return outcome


def _lines(text: str) -> list[str]:
    """Lines as plancheck counts them (only line ends break lines, not \\f or U+2028)."""
    return regex.findall(r"[^\n]*\n|[^\n]+\Z", text)


def unified_diff(name: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(_lines(old), _lines(new), fromfile=name, tofile=name)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def process_path(path: Path, resolver: ConfigResolver, options: Options) -> Outcome:
    """Read, check or fix, and (with --fix) write one file."""
    name = path.as_posix()
    try:
        settings = resolver.for_path(path)
        source = files.read(path, options.encoding or settings.encoding_for(path))
    except files.InputError as exc:
        outcome = Outcome(name, path)
        outcome.error(str(exc))
        return outcome
    outcome = process_text(name, source, settings, path, options)
    if options.fix and outcome.new_text is not None:
        write_outcome(outcome)
    return outcome


def write_outcome(outcome: Outcome) -> None:
    assert outcome.path is not None and outcome.source is not None and outcome.new_text is not None
    source = outcome.source
    try:
        files.write_fixed(outcome.path, source, outcome.new_text)
    except files.InputError as exc:
        outcome.error(str(exc))
        return
    except UnicodeEncodeError as exc:
        outcome.error(f"{outcome.name}: the fixed text has {exc.object[exc.start]!r}, which {source.encoding} cannot hold; left unchanged")
        return
    except OSError as exc:
        outcome.error(f"{outcome.name}: cannot write: {exc.strerror or exc}")
        return
    outcome.messages.append(f"Fixing {outcome.name}")


# --- the pool ------------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _exit_with_parent(parent: int) -> None:
    # a parent killed outright (SIGKILL) cannot shut the pool down; its workers would wait forever
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _start_worker(overrides: dict, config_file: Path | None, options: Options) -> None:
    # Ctrl-C is the parent's to handle: it stops handing out files and waits for the ones being
    # written, so no worker dies in the middle of a write
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _WORKER["resolver"] = ConfigResolver(overrides, config_file)
    _WORKER["options"] = options


def _work(path: Path) -> Outcome:
    outcome = process_path(path, _WORKER["resolver"], _WORKER["options"])
    outcome.source = None  # the text goes back only when it matters (new_text), not twice
    return outcome


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run_files(
    paths: Sequence[Path],
    resolver: ConfigResolver,
    options: Options,
    jobs: int,
    overrides: dict,
    config_file: Path | None,
    on_done=lambda: None,
) -> Iterator[Outcome]:
    """Outcomes of `paths`, in their order. `on_done` is called as each file finishes."""
    sizes = []
    for path in paths:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)
    if jobs <= 1 or len(paths) <= 1 or sum(sizes) < SERIAL_BELOW:
        for path in paths:
            outcome = process_path(path, resolver, options)
            on_done()
            yield outcome
        return
    order = sorted(range(len(paths)), key=lambda i: -sizes[i])
    results: dict[int, Outcome] = {}
    next_index = 0
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(overrides, config_file, options)) as pool:
        futures = {pool.submit(_work, paths[i]): i for i in order}
        try:
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                on_done()
                # hand back every outcome whose turn has come, so output streams in file order
                while next_index in results:
                    yield results.pop(next_index)
                    next_index += 1
        except KeyboardInterrupt:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
