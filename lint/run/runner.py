"""Checking and fixing files, one at a time or on a process pool, with the results cache.

`process_text` is everything that happens to one document (check or fix, cache, diff) and returns
an `Outcome`, a value; writing the file is `write_outcome`'s, at the edge. `run_files` serves from
the cache what it can in this process (a warm run starts no worker), runs the rest on a pool of
worker processes, the largest first so that one big file does not finish last, and gives the
outcomes back in the order of the files, so output never depends on -j.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lint.config.settings import ConfigError, ConfigResolver, Settings
from lint.engine import markdown
from lint.files import io as files
from lint.model import Applicability, Finding, Severity
from lint.output import human as output
from lint.packs.load import RuleSet
from lint.run import cache

if TYPE_CHECKING:
    from typing import Any

SERIAL_BELOW = 1_000_000  # bytes: smaller runs (a pre-commit hook's handful of files) stay in one process
BATCH_MIN = 32_000  # bytes: the least a worker is handed at once (one file, if larger)


class Options(NamedTuple):
    """What a run does to each file (check, fix, diff …), the same for every file and worker."""

    fix: bool = False
    diff: bool = False
    unsafe: bool = False
    encoding: str | None = None
    use_cache: bool = True
    # False when only counts are printed (--statistics): findings are counted by kind, not located
    locate: bool = True

    def fixes_something(self, kinds: dict[output.Kind, int]) -> bool:
        """Whether findings of these kinds have fixes this run applies."""
        allowed = (Applicability.SAFE.value, Applicability.UNSAFE.value) if self.unsafe else (Applicability.SAFE.value,)
        return any(k[4] in allowed for k in kinds)


class Outcome:
    """What happened to one file: its findings (counted, and located when printed), its fixed text, errors."""

    def __init__(
        self,
        name: str,
        path: Path | None,
        fail_level: Severity | None = None,
        kinds: dict[output.Kind, int] | None = None,
        source: files.Source | None = None,
    ) -> None:
        self.name = name
        self.path = path
        self.fail_level = fail_level
        self.kinds: dict[output.Kind, int] = kinds if kinds is not None else {}  # the findings, counted by kind
        self.located: list[output.Located] = []  # the findings, when Options.locate
        self.messages: list[str] = []  # for stderr, in order
        self.errors = 0
        self.failed = False  # fixes refused or not converging: a lint failure whatever the findings
        self.fixed_findings = 0
        self.diff = ""
        self.new_text: str | None = None  # set when --fix changed the text: what to write
        # with new_text, the findings of the text as read: what remains if the write is refused
        self.initial: list[Finding] | None = None
        self.source = source

    def error(self, message: str) -> None:
        self.errors += 1
        self.messages.append(f"plancheck: {message}")

    def found(self, text: str, findings: list[Finding], options: Options) -> Outcome:
        self.kinds = output.count_kinds(findings)
        if options.locate:
            self.located = output.locate(self.name, text, findings)
        return self

    def left_unchanged(self, text: str, findings: list[Finding], options: Options) -> Outcome:
        """The file stays as read (its fixes refused, not converging or not written): nothing is fixed,
        and its findings lose the fixes this run applies, which running it again would not apply
        either, so that the summary counts none of them as fixable."""
        self.new_text = None
        self.fixed_findings = 0
        allowed = {Applicability.SAFE, Applicability.UNSAFE} if options.unsafe else {Applicability.SAFE}
        kept = [f._replace(fix=None) if f.fix is not None and f.fix.applicability in allowed else f for f in findings]
        return self.found(text, kept, options)


@lru_cache(maxsize=64)
def _identity(rules: RuleSet, timeout: float | None) -> str:
    return cache.rules_identity(rules, timeout)


@lru_cache(maxsize=64)
def _store(root: Path) -> cache.ResultCache:
    return cache.ResultCache(root)


class _Entry(NamedTuple):
    """Where the findings of one file's bytes are (or go) in the cache."""

    store: cache.ResultCache
    key: str
    encoding: str | None  # the encoding the bytes are read in (None: detected)

    @classmethod
    def of(cls, digest: bytes, settings: Settings, path: Path | None, encoding: str | None) -> _Entry:
        store = _store(settings.root)
        identity = _identity(settings.rules_for(path), settings.rule_timeout)
        # findings are offsets into the decoded text: bytes read in another encoding are another
        # entry; a strict gate reports directives that a plain check honours; a Markdown file is
        # checked in its prose only
        mode = f"check:{encoding or ''}:{'gate' if settings.gate else ''}:{'markdown' if path and markdown.is_markdown(path.name) else ''}"
        return cls(store, store.key(digest, identity, mode), encoding)


def _encoding(options: Options, settings: Settings, path: Path | None) -> str | None:
    """The encoding to read `path` in; None to detect it."""
    return options.encoding or (settings.encoding_for(path) if path is not None else None)


def process_text(name: str, source: files.Source, settings: Settings, path: Path | None, options: Options) -> Outcome:
    """Check or fix one document; nothing is written here."""
    entry = None
    if options.use_cache:
        # the digest of the bytes read keys the cache: no need to encode every file again
        entry = _Entry.of(source.digest or files.digest(files.encode(source)), settings, path, _encoding(options, settings, path))
        settled = _from_cache(name, path, settings, options, entry, lambda: source)
        if settled is not None:
            return settled
    return _process(name, source, settings, path, options, entry)


def _from_cache(
    name: str,
    path: Path | None,
    settings: Settings,
    options: Options,
    entry: _Entry,
    read: Callable[[], files.Source],
) -> Outcome | None:
    """The outcome the cache settles without checking: a check, or a fix that the recorded findings
    say has nothing to do. The text is read only to locate the findings."""
    found = entry.store.lookup(entry.key, findings=options.locate)
    if found is None:
        return None
    kinds, findings = found
    if (options.fix or options.diff) and options.fixes_something(kinds):
        return None
    outcome = Outcome(name, path, settings.fail_level, kinds=kinds)
    if options.locate:
        try:
            text = read().text
        except files.InputError:
            return None  # cannot be: an entry is written only for a text that was read
        outcome.located = output.locate(name, text, findings or [])
    return outcome


def _process(name: str, source: files.Source, settings: Settings, path: Path | None, options: Options, entry: _Entry | None) -> Outcome:
    from lint import api  # the engine and the rule kinds: not loaded by a run the cache serves

    outcome = Outcome(name, path, settings.fail_level, source=source)
    text = source.text
    if not (options.fix or options.diff):
        findings = api.check_document(text, settings, path)
        if entry is not None:
            entry.store.put(entry.key, findings)
        return outcome.found(text, findings, options)
    # no check first: the fix loop's first pass is that check, and its findings are the text's
    result = api.fix_document(text, settings, path, unsafe=options.unsafe)
    if entry is not None and entry.store.lookup(entry.key, findings=False) is None:
        entry.store.put(entry.key, result.initial)
    if result.refused:
        outcome.messages.append(f"plancheck: {name}: {result.refused}; left unchanged")
        outcome.failed = True
    if not result.converged:
        # a lint failure (exit 1), not an input error: the file is fine, the rules disagree
        outcome.messages.append(f"plancheck: {name}: fixes did not converge (rules {', '.join(result.unstable_rules)}); left unchanged")
        outcome.failed = True
    if result.refused or not result.converged:
        return outcome.left_unchanged(text, result.remaining, options)
    if result.text != text:
        outcome.fixed_findings = sum(result.fixed.values())
        outcome.new_text = result.text
        if options.fix:
            outcome.initial = result.initial
        if options.diff:
            outcome.diff = unified_diff(name, text, result.text)
        elif entry is not None and result.converged:
            _remember_fixed(source.with_text(result.text), result.remaining, settings, path, entry.encoding)
    return outcome.found(result.text, result.remaining, options)


def _remember_fixed(fixed: files.Source, findings: list[Finding], settings: Settings, path: Path | None, encoding: str | None) -> None:
    """Record the fixed file's findings, so that the next run need not check it again: when the
    fixed bytes read back as the fixed text."""
    try:
        data = files.encode(fixed)
        if files.decode(data, "", encoding).text != fixed.text:
            return
    except (UnicodeEncodeError, files.InputError):
        return
    entry = _Entry.of(files.digest(data), settings, path, encoding)
    entry.store.put(entry.key, findings)


def _lines(text: str) -> list[str]:
    """Lines as plancheck counts them (only line ends break lines, not \\f or U+2028)."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def unified_diff(name: str, old: str, new: str) -> str:
    import difflib

    lines = difflib.unified_diff(_lines(old), _lines(new), fromfile=name, tofile=name)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def process_path(path: Path, resolver: ConfigResolver, options: Options) -> Outcome:
    """Read, check or fix, and (with --fix) write one file."""
    name = files.shown(path)
    settings = resolver.for_file(path)
    encoding = _encoding(options, settings, path)
    try:
        found = _lookup(path, settings, options, encoding)
        if isinstance(found, Outcome):
            return found
        source = files.decode(found[0], files.shown(path), encoding)
    except files.InputError as exc:
        outcome = Outcome(name, path)
        outcome.error(str(exc))
        return outcome
    entry = found[1]
    del found  # the bytes read, as large as the text again: not kept while it is checked
    outcome = _process(name, source, settings, path, options, entry)
    if options.fix and outcome.new_text is not None:
        write_outcome(outcome, options)
    outcome.initial = None  # not sent back from a worker: it is needed only to write
    return outcome


def _lookup(path: Path, settings: Settings, options: Options, encoding: str | None) -> Outcome | tuple[bytes, _Entry | None]:
    """The outcome of `path` if the cache settles it, else its bytes and cache entry."""
    data = files.read_bytes(path, settings.max_file_size)
    if not options.use_cache:
        return data, None
    entry = _Entry.of(files.digest(data), settings, path, encoding)
    settled = _from_cache(files.shown(path), path, settings, options, entry, lambda: files.decode(data, files.shown(path), encoding))
    return (data, entry) if settled is None else settled


def _cached(path: Path, resolver: ConfigResolver, options: Options) -> Outcome | None:
    """The outcome of `path` if the cache settles it; None to have it checked."""
    settings = resolver.for_file(path)
    try:
        found = _lookup(path, settings, options, _encoding(options, settings, path))
    except files.InputError:
        return None  # reported where it is checked
    return found if isinstance(found, Outcome) else None


def write_outcome(outcome: Outcome, options: Options) -> None:
    """Write the fixed text; when the file cannot take it, the outcome is that of the file as read."""
    assert outcome.path is not None and outcome.source is not None and outcome.new_text is not None and outcome.initial is not None
    source = outcome.source
    try:
        files.write_fixed(outcome.path, source, outcome.new_text)
    except files.InputError as exc:
        outcome.error(str(exc))
    except UnicodeEncodeError as exc:
        outcome.error(f"{outcome.name}: the fixed text has {exc.object[exc.start]!r}, which {source.encoding} cannot hold; left unchanged")
    except OSError as exc:
        outcome.error(f"{outcome.name}: cannot write: {exc.strerror or exc}")
    else:
        outcome.messages.append(f"Fixing {outcome.name}")
        return
    outcome.left_unchanged(source.text, outcome.initial, options)


# --- the pool ------------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _exit_with_parent(parent: int) -> None:
    # a parent killed outright (SIGKILL) cannot shut the pool down; its workers would wait forever
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _start_worker(overrides: dict, config_file: Path | None, options: Options, stop: Any) -> None:
    import signal

    # Ctrl-C is the parent's to handle: it sets `stop`, and each worker ends its task after the file
    # in hand, so that no worker dies in the middle of a write
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import threading  # workers only

    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    files.write_only_while(os.getppid())  # the thread may wake a second after the parent died
    _WORKER["resolver"] = ConfigResolver(overrides, config_file)
    _WORKER["options"] = options
    _WORKER["stop"] = stop


def _batches(order: list[int], sizes: dict[int, int], jobs: int) -> list[list[int]]:
    """The files of `order` (largest first) cut into the tasks handed to workers: each takes an
    eighth of a worker's share of the bytes not handed out yet, so tasks shrink towards the end and
    the workers finish together, while a run of many files costs the pool a few dozen tasks, not
    one per file."""
    remaining = sum(sizes[i] for i in order)
    batches: list[list[int]] = []
    batch: list[int] = []
    size = 0
    for i in order:
        batch.append(i)
        size += sizes[i]
        if size >= max(remaining // (8 * jobs), BATCH_MIN):
            batches.append(batch)
            remaining -= size
            batch, size = [], 0
    if batch:
        batches.append(batch)
    return batches


def _work(paths: list[Path]) -> list[Outcome]:
    """The outcomes of the first files of `paths`: all of them, unless the run is stopped (Ctrl-C)."""
    outcomes = []
    for path in paths:
        if _WORKER["stop"].is_set():
            break
        outcomes.append(process_path(path, _WORKER["resolver"], _WORKER["options"]))
    for outcome in outcomes:
        outcome.source = None  # the text goes back only when it matters (new_text), not twice
    return outcomes


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
    """Outcomes of `paths`, in their order. `on_done` is called as each file finishes.

    With several workers, what the cache settles is served here first, then the rest goes to the
    pool, largest first; a rest too small to be worth starting workers for is checked here too."""
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            outcome = process_path(path, resolver, options)
            on_done()
            yield outcome
        return
    results: dict[int, Outcome] = {}
    rest = []
    for i, path in enumerate(paths):
        outcome = _cached(path, resolver, options) if options.use_cache else None
        if outcome is None:
            rest.append(i)
        else:
            results[i] = outcome
            on_done()
    sizes = {i: _size(paths[i]) for i in rest}
    if len(rest) <= 1 or sum(sizes.values()) < SERIAL_BELOW:
        for i in range(len(paths)):
            if i not in results:
                results[i] = process_path(paths[i], resolver, options)
                on_done()
            yield results.pop(i)
        return
    order = sorted(rest, key=lambda i: -sizes[i])
    _prepare(resolver, paths[order[0]])
    yield from _run_pool(paths, order, sizes, results, options, jobs, overrides, config_file, on_done)


def _prepare(resolver: ConfigResolver, path: Path) -> None:
    """Compile the rules' expressions and load the prefilter here, before the workers are forked:
    they then start with them, instead of each doing it again."""
    import multiprocessing

    from lint.engine import core as engine

    if multiprocessing.get_start_method() != "fork":
        return
    try:
        engine.prepare(resolver.for_file(path).rules_for(path))
    except ConfigError:
        pass  # the worker that checks this file reports it


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _run_pool(
    paths: Sequence[Path],
    order: list[int],
    sizes: dict[int, int],
    results: dict[int, Outcome],
    options: Options,
    jobs: int,
    overrides: dict,
    config_file: Path | None,
    on_done,
) -> Iterator[Outcome]:
    """Run the files `order` lists on a pool of `jobs` workers; with `results`, the outcomes already
    known, give every outcome back in file order.

    Ctrl-C stops the run within a file's time: the workers end their tasks after the file in hand
    and start no other, the outcomes of every file done so far are given back (so that each file
    written is named), and then KeyboardInterrupt is raised. A second Ctrl-C interrupts at once."""
    import multiprocessing
    import signal
    import threading
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only runs that need workers pay for this

    stop = multiprocessing.get_context().Event()

    def stop_after_the_files_in_hand(signum, frame) -> None:
        stop.set()
        signal.signal(signal.SIGINT, previous)

    # only the main thread may set a handler; a run started with Ctrl-C ignored (nohup) keeps ignoring it
    handles_ctrl_c = threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
    if handles_ctrl_c:
        previous = signal.signal(signal.SIGINT, stop_after_the_files_in_hand)
    next_index = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(overrides, config_file, options, stop)) as pool:
            futures = {pool.submit(_work, [paths[i] for i in batch]): batch for batch in _batches(order, sizes, jobs)}
            try:
                for future in as_completed(futures):
                    # a task cut short by a stop has the outcomes of its first files only
                    for i, outcome in zip(futures[future], future.result(), strict=not stop.is_set()):
                        results[i] = outcome
                        on_done()
                    # hand back every outcome whose turn has come, so output streams in file order
                    while next_index in results:
                        yield results.pop(next_index)
                        next_index += 1
            except BaseException:  # a second Ctrl-C, or the caller gone: no new file is started
                stop.set()
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    finally:
        if handles_ctrl_c and signal.getsignal(signal.SIGINT) is stop_after_the_files_in_hand:
            signal.signal(signal.SIGINT, previous)
    # the outcomes from the cache after the last file of the pool; after a stop, every file done
    yield from (results.pop(i) for i in sorted(results))
    if stop.is_set():
        raise KeyboardInterrupt
