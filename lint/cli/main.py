"""The `plancheck` command: check, fix, diff, gate CI, explain rules. Exit 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple, TextIO

from lint import __version__
from lint.cli import options
from lint.config.settings import ConfigError, ConfigResolver, Settings
from lint.files import io as files
from lint.files import usercache
from lint.model import SEVERITY_NAMES, Severity
from lint.output import formats, terminal
from lint.output import human as output
from lint.packs import selection
from lint.packs.load import PackError, Rule, RuleSet
from lint.run import cache, runner
from lint.suggest import did_you_mean

if TYPE_CHECKING:
    from lint.run import baseline

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    width = max(len(name) for name in COMMANDS)
    listed = "\n".join(f"  {name:<{width}}  {command.summary}" for name, command in COMMANDS.items())
    parser = options.Parser(
        prog="plancheck",
        description="Find and fix the artifacts of scraped Chinese official documents.",
        epilog=f"commands (`plancheck COMMAND --help` for each):\n{listed}",
        raw_epilog=True,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to check (default: .); - reads stdin")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    parser.add_argument("--diff", action="store_true", help="print a unified diff of what --fix would change; write nothing")
    options.add_rules(parser)
    parser.add_argument("--fail-level", choices=SEVERITY_NAMES, help="lowest severity that makes the run fail (default: error)")
    parser.add_argument("--statistics", action="store_true", help="print counts per rule instead of each finding")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    parser.add_argument("--stdin-filename", metavar="PATH", help="name of the text read from stdin (for configuration and messages)")
    parser.add_argument(
        "--output-format",
        choices=formats.CHOICES,
        default="full",
        help="how findings are printed (default: full; auto: github inside GitHub Actions, else full)",
    )
    options.add_files(parser)
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=runner.default_jobs(),
        metavar="N",
        help="worker processes (default: the CPUs available; small runs stay in one process)",
    )
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the results cache (.plancheck_cache/)")
    parser.add_argument(
        "--strict-gate",
        action="store_true",
        help="gate a tree written by others: only --config (or the defaults) counts, directives are reported and not honoured, "
        "the results cache is not used and what exclude leaves out is listed",
    )
    parser.add_argument("--since", metavar="REV", help="check only files added or changed since this git revision (and untracked ones)")
    parser.add_argument("--baseline", type=Path, metavar="FILE", help="do not report the findings recorded in this baseline file")
    parser.add_argument("--write-baseline", type=Path, metavar="FILE", help="record the current findings in this baseline file and exit 0")
    parser.add_argument("-o", "--output-file", type=Path, metavar="FILE", help="write the findings and summary to FILE instead of stdout")
    parser.add_argument(
        "--show-files", action="store_true", help="list the files that would be checked (after include and exclude), one a line, and exit"
    )
    parser.add_argument(
        "--show-settings",
        action="store_true",
        help="print the settings for the first PATH (default: .) and where each comes from: default, FILE:LINE or command line",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    parser.add_argument("--version", action="version", version=f"plancheck {__version__}")
    return parser


class Run:
    """One invocation of the command line: its arguments, and what it prints as each file is done."""

    def __init__(self, args: argparse.Namespace, resolver: ConfigResolver, overrides: dict) -> None:
        self.args = args
        self.resolver = resolver
        self.overrides = overrides  # the command line's settings, for worker processes
        self.tally = output.Tally()
        # fixes refused or not converging: a lint failure (exit 1) whatever the findings
        self.failed = False
        self.errors = 0
        self.paths: list[str] = []  # every file checked, as named
        self.rules: dict[str, Rule] = {}  # every rule that ran, by id
        self._rule_sets: set[RuleSet] = set()
        self.fixed_files = 0
        self.fixed_findings = 0
        self.diffs = 0
        self.progress = terminal.Progress(0, sys.stderr, enabled=False)
        self.stream: TextIO = sys.stdout  # where findings, diffs and the summary go (`open_output`)
        self.writer: formats.Writer | None = None  # prints each file's findings, when the run prints them
        self.in_baseline: baseline.Subtraction | None = None  # with --baseline: what it records is not reported
        self.to_record: Counter[baseline.Entry] | None = None  # with --write-baseline: every finding

    def say(self, message: str) -> None:
        self.progress.write(message)

    def error(self, message: str) -> None:
        self.errors += 1
        self.say(f"plancheck: {message}")

    def open_output(self, stream: TextIO) -> None:
        """Print on `stream` from now on: each file's findings (or diff) as it is done, and at the end
        whatever the format closes with."""
        self.stream = stream
        args = self.args
        name = formats.resolve(args.output_format)
        if args.diff or args.write_baseline or (args.statistics and name in formats.FOR_PEOPLE):
            return  # a diff, a baseline file or counts: no finding is printed
        paint = terminal.Palette(terminal.colour_wanted(stream)) if name in formats.FOR_PEOPLE else terminal.PLAIN
        self.writer = formats.FORMATS[name](stream, paint)

    def take(self, outcome: runner.Outcome, settings: Settings) -> None:
        """Merge one file's outcome (checked under `settings`) into the run, and print its findings."""
        for message in outcome.messages:
            self.say(message)
        self.errors += outcome.errors
        self.failed = self.failed or outcome.failed
        if outcome.fail_level is None:  # unreadable: not checked
            return
        self.paths.append(outcome.name)
        rules = settings.rules_for(outcome.path)
        if rules not in self._rule_sets:  # the same few sets for every file
            self._rule_sets.add(rules)
            self.rules.update((rule.id, rule) for rule in rules)
        located, kinds = outcome.located, outcome.kinds
        if self.in_baseline is not None:
            located = self.in_baseline.file(outcome.name, located)
            kinds = output.count_kinds(item.finding for item in located)  # the summary counts what is reported
        if self.to_record is not None:
            from lint.run import baseline

            self.to_record.update(baseline.entry(item, self.args.write_baseline.parent) for item in located)
        self.tally.add(outcome.name, kinds, outcome.fail_level)
        if outcome.new_text is not None:
            self.fixed_files += 1
            self.fixed_findings += outcome.fixed_findings
        if outcome.diff:
            self.diffs += 1
            self.stream.write(outcome.diff)
        if self.writer is not None:
            self.writer.file(outcome.name, located, outcome.fail_level)
        self.stream.flush()  # a reader of the output sees each file as soon as it is done

    def options(self) -> runner.Options:
        args = self.args
        return runner.Options(args.fix, args.diff, args.unsafe_fixes, args.encoding, not args.no_cache, locate=self.prints_findings())

    def prints_findings(self) -> bool:
        """Whether the run needs its findings located in their text: not when it prints only counts
        (--statistics) or a diff."""
        args = self.args
        if args.baseline or args.write_baseline:
            return True
        return not (args.diff or (args.statistics and formats.resolve(args.output_format) in formats.FOR_PEOPLE))


def _files_to_check(run: Run, changed: set[str] | None) -> list[Path]:
    """The files the paths given name, after include, exclude and --since; what cannot be checked
    is reported as an error."""
    from lint.files.discovery import Excluded, discover

    paths = [Path(p) for p in (run.args.paths or ["."])]
    found = discovered = list(discover(paths, run.resolver, force_exclude=run.args.force_exclude, list_excluded=run.args.strict_gate))
    if changed is not None:  # nothing changed since the revision is fine: nothing to check is not
        found = [item for item in found if isinstance(item, str) or os.path.realpath(item) in changed]
    run.progress = terminal.Progress(len(found), sys.stderr, enabled=sys.stderr.isatty() and not run.args.quiet)
    for item in found:
        if isinstance(item, Excluded):
            run.say(item)
        elif isinstance(item, str):
            run.progress.advance()
            run.error(item)
    if not any(isinstance(item, Path) for item in discovered) and all(path.is_dir() for path in paths):
        # a gate over folders that hold nothing it checks passes nothing: say so, and fail
        shown = " ".join(files.shown(path) for path in paths)
        run.error(f"no file to check in {shown} (include: {', '.join(run.resolver.for_path(paths[0]).include)})")
    return [item for item in found if not isinstance(item, str)]


def _check_files(run: Run, files_found: list[Path]) -> None:
    outcomes = runner.run_files(
        files_found, run.resolver, run.options(), run.args.jobs, run.overrides, run.args.config, run.progress.advance
    )
    for outcome in outcomes:
        run.take(outcome, run.resolver.for_file(outcome.path))
    run.progress.clear()


def _check_stdin(run: Run) -> None:
    name = run.args.stdin_filename or "-"
    path = Path(run.args.stdin_filename) if run.args.stdin_filename else Path.cwd() / "-"
    settings = run.resolver.for_path(path)
    try:
        source = files.decode(sys.stdin.buffer.read(), name, run.args.encoding or settings.encoding_for(path))
    except files.InputError as exc:
        run.error(str(exc))
        return
    # stdin leaves nothing behind on disk, not even a cache entry
    outcome = runner.process_text(name, source, settings, path, run.options()._replace(use_cache=False))
    run.take(outcome, settings)
    if run.args.fix:
        new_text = outcome.new_text if outcome.new_text is not None else source.text
        sys.stdout.buffer.write(files.encode(source.with_text(new_text)))
        sys.stdout.flush()


def _print_end(run: Run) -> None:
    """What follows the findings: the end of a machine format's document, or the statistics and
    summary for people."""
    args, stream = run.args, run.stream
    if args.write_baseline:
        return  # it says what it recorded instead
    if args.diff:
        if not args.quiet:
            print(f"{run.diffs} file{'s' if run.diffs != 1 else ''} would be changed.", file=sys.stderr)
        return
    if run.writer is not None:
        run.writer.close(run.rules)
    if formats.resolve(args.output_format) not in formats.FOR_PEOPLE:
        return
    paint = terminal.Palette(terminal.colour_wanted(stream))
    if args.statistics and run.tally.total():
        print(output.render_statistics(run.tally), file=stream)
    if args.quiet:
        return
    if args.fix and run.fixed_findings:
        noun = "finding" if run.fixed_findings == 1 else "findings"
        print(f"Fixed {run.fixed_findings} {noun} in {run.fixed_files} file{'s' if run.fixed_files != 1 else ''}.", file=stream)
    print(output.summary(run.tally, len(run.paths), run.errors, paint), file=stream)
    if run.in_baseline is not None:
        print(_baseline_note(run.in_baseline, args.baseline), file=stream)


def _check(run: Run, changed: set[str] | None) -> None:
    if run.args.paths == ["-"]:
        _check_stdin(run)
    else:
        _check_files(run, _files_to_check(run, changed))
    _print_end(run)


def _check_into_file(run: Run, changed: set[str] | None) -> None:
    """--output-file: the run printed into a spooled file (in memory while it is small), which then
    replaces FILE whole."""
    with formats.spool() as written:
        run.open_output(written)
        _check(run, changed)
        try:
            run.args.output_file.parent.mkdir(parents=True, exist_ok=True)  # as ruff does: `-o reports/plancheck.txt`
            written.seek(0)
            files.replace_user_file(run.args.output_file, lambda handle: _copy_encoded(written, handle))
        except OSError as exc:
            run.error(f"cannot write {run.args.output_file}: {exc.strerror or exc}")


def _copy_encoded(text: TextIO, handle: BinaryIO) -> None:
    while chunk := text.read(2**16):
        handle.write(chunk.encode("utf-8"))


def _show_settings(resolver: ConfigResolver, path: Path, overrides: dict) -> int:
    from lint.config.settings import origins

    settings = resolver.for_path(path)
    print(f"# settings for {files.shown(path)}: {settings.source or 'no configuration file, the defaults'}")
    rows = origins(settings, overrides)
    width = min(48, max(len(f"{key} = {value}") for key, value, _ in rows))  # a long exclude list runs past the column
    for key, value, origin in rows:
        print(f"{f'{key} = {value}':<{width}}  # {origin}")
    rules = settings.rules_for(path)
    print(f"# {len(rules)} of {len(settings.all_rules())} rules run")
    return EXIT_CLEAN


def _baseline_note(filtered: baseline.Subtraction, file: Path) -> str:
    note = f"{filtered.matched} finding{'s' if filtered.matched != 1 else ''} in the baseline {file} not shown."
    if filtered.stale:
        entries = "entry matches" if filtered.stale == 1 else "entries match"
        note += f" {filtered.stale} baseline {entries} nothing any more: `--write-baseline {file}` drops them."
    return note


def _check_usage(args: argparse.Namespace) -> None:
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise options.UsageError("--unsafe-fixes needs --fix or --diff")
    if args.fix and args.diff:
        raise options.UsageError("--fix and --diff do not go together: --diff only shows what --fix would do")
    if args.jobs < 1:
        raise options.UsageError("--jobs must be at least 1")
    if "-" in args.paths and len(args.paths) > 1:
        raise options.UsageError("- (stdin) cannot be combined with other paths")
    if args.write_baseline and (args.fix or args.diff or args.baseline or args.since):
        raise options.UsageError("--write-baseline records every finding as it is: no --fix, --diff, --baseline or --since with it")
    if args.since and args.paths == ["-"]:
        raise options.UsageError("--since selects files; it does not apply to stdin")
    if args.show_files and (args.show_settings or args.paths == ["-"]):
        raise options.UsageError("--show-files lists the files of the paths given: not with --show-settings or stdin")
    if args.output_file and args.output_file.resolve() in {Path(p).resolve() for p in args.paths if p != "-"}:
        raise options.UsageError(f"--output-file {args.output_file} is one of the paths to check")


def check_main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    _check_usage(args)
    overrides = {
        **options.overrides(args),
        "fail_level": Severity.parse(args.fail_level) if args.fail_level else None,
        "gate": args.strict_gate,
    }
    args.encoding = options.encoding(args)
    recorded = None
    if args.baseline or args.write_baseline:
        from lint.run import baseline

        recorded = baseline.read(args.baseline) if args.baseline else None
    changed = None
    if args.since:
        from lint.files import gitdiff

        changed = gitdiff.changed_since(args.since)
    resolver = ConfigResolver(overrides, args.config)
    if args.config and resolver.for_path(Path.cwd()).gate:
        args.strict_gate = True  # `gate = true` in the pinned configuration: as --strict-gate
    if args.strict_gate:
        args.no_cache = True  # the tree's cache folder is the stranger's too
    if args.show_settings:
        return _show_settings(resolver, Path((args.paths or ["."])[0]), overrides)
    run = Run(args, resolver, overrides)
    if args.show_files:
        for path in _files_to_check(run, changed):
            print(files.shown(path))
        return EXIT_ERROR if run.errors else EXIT_CLEAN
    if recorded is not None:
        run.in_baseline = baseline.Subtraction(recorded, args.baseline.parent)
    if args.write_baseline:
        run.to_record = Counter()
    if args.output_file and not args.write_baseline:
        _check_into_file(run, changed)
    else:
        # with --fix on stdin the fixed text owns stdout, so findings go to stderr
        run.open_output(sys.stderr if (args.fix and args.paths == ["-"]) else sys.stdout)
        _check(run, changed)
    if args.write_baseline:
        count = baseline.write(args.write_baseline, run.to_record)
        noun = "finding" if count == 1 else "findings"
        print(f"Recorded {count} {noun} of {len(run.paths)} file{'s' if len(run.paths) != 1 else ''} in {args.write_baseline}.")
        return EXIT_ERROR if run.errors else EXIT_CLEAN
    if run.errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if args.diff:
        return EXIT_FINDINGS if run.diffs else EXIT_CLEAN
    return EXIT_FINDINGS if run.failed or run.tally.failing else EXIT_CLEAN


def _rules_for_listing(argv: Sequence[str]) -> tuple[argparse.Namespace, RuleSet]:
    parser = options.Parser(prog="plancheck rules", description=COMMANDS["rules"].summary)
    parser.add_argument("--config", type=Path, metavar="FILE")
    parser.add_argument("--output-format", choices=("full", "json", "markdown"), default="full")
    args = parser.parse_args(argv)
    resolver = ConfigResolver(config_file=args.config)
    return args, resolver.for_path(Path.cwd()).all_rules()


def rules_main(argv: Sequence[str]) -> int:
    args, rules = _rules_for_listing(argv)
    if args.output_format == "json":
        print(json.dumps([_rule_json(r) for r in rules], ensure_ascii=False, indent=2))
    elif args.output_format == "markdown":
        print(rules_markdown(rules))
    else:
        for r in rules:
            print(f"{r.id}  {r.name:<40} {r.category:<12} {str(r.severity):<8} fix: {r.fix}")
    return EXIT_CLEAN


def rules_markdown(rules: RuleSet) -> str:
    rows = ["| id | name | category | severity | fix | what it flags |", "|---|---|---|---|---|---|"]
    for r in rules:
        what = formats.rule_summary(r).replace("|", "\\|")
        rows.append(f"| {r.id} | `{r.name}` | {r.category} | {r.severity} | {r.fix} | {what} |")
    return "\n".join(rows)


def _rule_json(r: Rule) -> dict:
    return {
        "id": r.id,
        "name": r.name,
        "category": r.category,
        "severity": str(r.severity),
        "kind": r.kind,
        "fix": r.fix,
        "fix_title": r.fix_title,
        "message": r.message,
        "description": r.description,
        "examples": [{k: v for k, v in vars_of(e).items() if v is not None} for e in r.examples],
        "source": r.source,
    }


def vars_of(example) -> dict:
    return {"bad": example.bad, "fixed": example.fixed, "good": example.good}


def rule_main(argv: Sequence[str]) -> int:
    parser = options.Parser(prog="plancheck rule", description=COMMANDS["rule"].summary)
    parser.add_argument("rule", metavar="ID", help="a rule id or name, e.g. RD001")
    parser.add_argument("--config", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    rules = ConfigResolver(config_file=args.config).for_path(Path.cwd()).all_rules()
    wanted = args.rule.strip()
    rule = next((r for r in rules if wanted in (r.id, r.name) or r.id == wanted.upper()), None)
    merged = selection.merged_into(wanted.upper()) or selection.merged_into(wanted)
    if rule is None and merged:
        raise options.UsageError(merged)
    if rule is None:
        vocabulary = [r.id for r in rules] + [r.name for r in rules]
        raise options.UsageError(f"unknown rule '{wanted}'{did_you_mean(wanted, vocabulary)}")
    fix = {"safe": "safe (applied by --fix)", "unsafe": "unsafe (applied by --fix --unsafe-fixes)", "none": "none"}
    print(f"{rule.id} {rule.name}")
    print(f"category: {rule.category}   severity: {rule.severity}   kind: {rule.kind}")
    print(f"fix: {fix[rule.fix]}" + (f" — {rule.fix_title}" if rule.fix_title else ""))
    print(f"message: {rule.message}")
    print()
    print(rule.description)
    print()
    print("Examples:")
    for e in rule.examples:
        if e.bad is not None:
            print(f"  bad:   {e.bad!r}")
            if e.fixed is not None:
                print(f"  fixed: {e.fixed!r}")
        else:
            print(f"  good:  {e.good!r}")
    return EXIT_CLEAN


def init_main(argv: Sequence[str]) -> int:
    parser = options.Parser(prog="plancheck init", description=COMMANDS["init"].summary)
    parser.add_argument("--pyproject", action="store_true", help="append a [tool.plancheck] table to pyproject.toml instead")
    args = parser.parse_args(argv)
    from lint.cli import init

    try:
        written = init.append_to_pyproject(Path.cwd()) if args.pyproject else init.write_plancheck_toml(Path.cwd())
    except init.InitError as exc:
        print(f"plancheck: {exc}", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"Wrote {written.name}: every setting at its default, each explained.")
    return EXIT_CLEAN


def report_main(argv: Sequence[str]) -> int:
    from lint.report.html import report_main as main  # imported when used: the HTML report is its own module

    return main(argv)


def clean_main(argv: Sequence[str]) -> int:
    parser = options.Parser(prog="plancheck clean", description=COMMANDS["clean"].summary)
    parser.add_argument(
        "paths", nargs="*", metavar="DIR", help="folders whose cache to delete (default: here and the configuration's folder)"
    )
    args = parser.parse_args(argv)
    folders = [Path(p) for p in args.paths] or sorted({Path.cwd(), ConfigResolver().for_path(Path.cwd()).root})
    removed = [folder / cache.CACHE_DIR for folder in folders if cache.clean(folder)]
    if usercache.clear():
        removed.append(usercache.folder())
    for folder in removed:
        print(f"Removed {folder}")
    if not removed:
        print("No cache to remove.")
    return EXIT_CLEAN


def dataset_main(argv: Sequence[str]) -> int:
    from lint.dataset.shards import dataset_main as run_dataset

    return run_dataset(argv)


class Command(NamedTuple):
    run: Callable[[Sequence[str]], int]
    summary: str  # for `plancheck --help` and the command's own


COMMANDS = {
    "check": Command(check_main, "check (or --fix) files and folders; the default: `plancheck PATH…` is `plancheck check PATH…`"),
    "rule": Command(rule_main, "explain a rule: what, why, examples, fix safety"),
    "rules": Command(rules_main, "list the rules"),
    "init": Command(init_main, "write a commented starter configuration in the current folder"),
    "report": Command(report_main, "write one self-contained HTML page about a corpus"),
    "dataset": Command(dataset_main, "clean the records of JSONL or Parquet shards"),
    "clean": Command(clean_main, "delete the results cache (.plancheck_cache/) and what plancheck keeps in the user's cache folder"),
}


def _user_errors() -> tuple[type[Exception], ...]:
    """The errors reported in one line, without a traceback. Called only when an exception is raised,
    so that a run without --baseline or --since does not import those modules."""
    from lint.files import gitdiff
    from lint.run import baseline

    return ConfigError, PackError, baseline.BaselineError, gitdiff.GitError


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    prog = "plancheck"  # whose --help a usage error points to
    try:
        if argv and argv[0] in COMMANDS:
            if argv[0] != "check" and os.path.lexists(argv[0]):
                # a corpus folder named `clean` must not have its cache removed instead of being checked
                raise options.UsageError(
                    f"'{argv[0]}' is both a subcommand and a path here: run `plancheck check {argv[0]}` to check the path, "
                    f"or `plancheck {argv[0]}` from another folder for the subcommand"
                )
            prog = f"plancheck {argv[0]}"
            return COMMANDS[argv[0]].run(argv[1:])
        return check_main(argv)
    except options.UsageError as exc:
        return options.report_usage_error(prog, exc)
    except _user_errors() as exc:
        print(f"plancheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("plancheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN


if __name__ == "__main__":
    raise SystemExit(main())
