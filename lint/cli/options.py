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


class Parser(argparse.ArgumentParser):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_help_formatter, **kwargs)

    def error(self, message: str):  # argparse exits 2 too; keep its message on one line
        raise UsageError(message)


def selectors(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


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
