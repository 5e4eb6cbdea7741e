"""The options every subcommand that checks documents shares, each defined once: `plancheck`,
`plancheck report` and `plancheck dataset` spell, explain and read them alike, and give the
configuration the same overrides."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from lint.files import encodings
from lint.packs.selection import canonical_selector


class UsageError(Exception):
    """A bad command line; the message is one line."""


def _help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's formatter at the width it would choose itself (COLUMNS, else the terminal's,
    else 80; less 2), without the shutil import it makes for that on every argument added: 5 ms
    of compression modules for a run that prints no help."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
    return argparse.HelpFormatter(prog, width=columns - 2)


def _raw_epilog_formatter(prog: str) -> argparse.HelpFormatter:
    """As `_help_formatter`, keeping the line breaks of the description and epilog (a list of commands)."""
    return argparse.RawDescriptionHelpFormatter(prog, width=_help_formatter(prog)._width + 2)


class Parser(argparse.ArgumentParser):
    """argparse with plancheck's manners: an option is spelt out (no abbreviations: `--unsafe-fix`
    is not `--unsafe-fixes`), an unknown one gets a did-you-mean, and errors are one line."""

    def __init__(self, raw_epilog: bool = False, **kwargs: Any) -> None:
        formatter = _raw_epilog_formatter if raw_epilog else _help_formatter
        super().__init__(formatter_class=formatter, allow_abbrev=False, **kwargs)

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        parsed, unknown = self.parse_known_args(args, namespace)
        if unknown:
            option = next((u for u in unknown if u.startswith("-") and u != "-"), None)
            if option is None:
                self.error(f"unexpected arguments: {' '.join(unknown)}")
            self.error(f"unknown option {_closest_option(option.split('=', 1)[0], self._actions)}")
        return parsed

    def error(self, message: str):  # argparse exits 2 too; keep its message on one line
        raise UsageError(message)


def _closest_option(spelt: str, actions: list[argparse.Action]) -> str:
    """`'--unsafe-fix' (did you mean '--unsafe-fixes'?)`: the options are compared without their
    dashes, which every one shares (else `--bogus` would be close to `--jobs`)."""
    import difflib  # only a mistake pays for it

    known = {string.lstrip("-"): string for action in actions for string in action.option_strings}
    close = difflib.get_close_matches(spelt.lstrip("-"), list(known), n=1, cutoff=0.6)
    return f"'{spelt}'" + (f" (did you mean '{known[close[0]]}'?)" if close else "")


def report_usage_error(prog: str, error: UsageError) -> int:
    """Print a usage error in one line, pointing to the help of the command that was run; the exit status."""
    print(f"{prog}: error: {error}", file=sys.stderr)
    print(f"Run `{prog} --help` for usage.", file=sys.stderr)
    return 2


def selectors(value: str) -> list[str]:
    return [canonical_selector(v.strip()) for v in value.split(",") if v.strip()]


def add_rules(parser: argparse.ArgumentParser) -> None:
    """Which rules run, with which configuration and limits."""
    parser.add_argument(
        "--select",
        type=selectors,
        action="extend",
        metavar="RULES",
        help="rules to enable (ids, prefixes, categories, names; comma-separated); replaces the configuration's",
    )
    parser.add_argument("--extend-select", type=selectors, action="extend", metavar="RULES", help="rules to enable in addition")
    parser.add_argument("--ignore", type=selectors, action="extend", metavar="RULES", help="rules to disable")
    parser.add_argument("--config", type=Path, metavar="FILE", help="use this plancheck.toml or pyproject.toml; no discovery")
    parser.add_argument(
        "--max-deletion",
        type=float,
        metavar="SHARE",
        help="refuse fixes that would delete more than this share of a document's Han text (default 0.2; 1 = no limit)",
    )
    parser.add_argument(
        "--max-insertion",
        type=float,
        metavar="SHARE",
        help="refuse fixes that would grow a document by more than this share of its length, past 200 characters (default 0.2)",
    )
    parser.add_argument("--rule-timeout", type=float, metavar="SECONDS", help="time one rule may run on one document (default 10)")


def add_files(parser: argparse.ArgumentParser) -> None:
    """How the files named are found and read."""
    parser.add_argument("--encoding", metavar="NAME", help="read files in this encoding (e.g. gb18030, big5) instead of detecting it")
    parser.add_argument("--force-exclude", action="store_true", help="apply exclude to paths named on the command line too")
    parser.add_argument("--max-file-size", metavar="SIZE", help="refuse files larger than this, unread (e.g. 512MiB; default 256MiB)")


def overrides(args: argparse.Namespace) -> dict[str, Any]:
    """What the command line sets of the configuration (None: the configuration's own)."""
    return {
        "select": args.select,
        "extend_select": args.extend_select,
        "ignore": args.ignore,
        "max_deletion": args.max_deletion,
        "max_insertion": args.max_insertion,
        "rule_timeout": args.rule_timeout,
        "max_file_size": getattr(args, "max_file_size", None),  # an option of add_files
    }


def encoding(args: argparse.Namespace) -> str | None:
    """The canonical name of `--encoding`; UsageError for one Python does not know."""
    if not args.encoding:
        return None
    try:
        return encodings.canonical(args.encoding)
    except encodings.DecodeError as exc:
        raise UsageError(str(exc)) from None
