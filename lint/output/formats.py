"""Output formats by name: one `Writer` per format, which prints a run's findings file after file as
the run goes. Every format is built from the same located findings (lint/output/human.py's `Located`).

`full` and `concise` are for people (the command line adds statistics and a summary to them);
the others are documents for machines and CI: `json`, `json-lines`, `github` (workflow-command
annotations), `sarif` (SARIF 2.1.0), `junit` (JUnit XML) and `gitlab` (Code Quality).

Each file's findings are printed as soon as that file is done, so that a run holds only the file in
hand: every format streams but `sarif` and `junit`, whose head depends on the whole run (SARIF's
rule list and its indices, JUnit's counts). Those two keep what they have to print in a spooled
file (in memory up to SPOOL_MEMORY, on disk past it) and print it at the end. `json` and `gitlab`
are JSON lists written one element at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from lint import __version__
from lint.model import UNUSED, UNUSED_CATEGORY, UNUSED_DESCRIPTION, Finding, Severity
from lint.output import human as output
from lint.output.human import Located
from lint.output.terminal import PLAIN, Palette
from lint.packs.load import Rule

if TYPE_CHECKING:
    from typing import TextIO

SPOOL_MEMORY = 8 * 2**20  # characters a non-streaming format keeps in memory before it spools to disk


# the fields that follow `What:` in a description, each starting a line of its own
_NEXT_FIELD = re.compile(r"\n(?:Why|How it decides|Never|Example|Fix safety):")
# a sentence ends at a full stop before a capital, outside code spans (`1.` is a heading style)
_SENTENCE_END = re.compile(r"[.]\s+(?=[A-Z])")


def rule_summary(rule: Rule) -> str:
    """What a rule flags: the first sentence of its description's `What:`, whole (the rules table,
    `rules --output-format markdown`, SARIF's shortDescription)."""
    what = _NEXT_FIELD.split(rule.description.split("\n\n")[0], 1)[0].removeprefix("What: ")
    what = what.replace("\n", " ")
    for end in _SENTENCE_END.finditer(what):
        if what.count("`", 0, end.start()) % 2 == 0:
            return what[: end.start() + 1]
    return what


def fingerprints(items: Sequence[Located]) -> list[str]:
    """A stable identity per finding: its path, rule and flagged text (and, for identical ones in
    a file, which occurrence it is), never its line, so moving text does not make it new."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for item in items:
        key = (item.path, item.finding.rule, item.text)
        seen[key] += 1
        data = "\0".join((*key, str(seen[key]))).encode("utf-8", "surrogatepass")
        out.append(hashlib.blake2b(data, digest_size=16).hexdigest())
    return out


class Writer:
    """One format printed on `stream` as a run goes: `file` once for every file checked, in the run's
    order, as soon as that file is done (with its findings, none or many), then `close` once.

    By default a format prints each finding alone, as `item` renders it."""

    def __init__(self, stream: TextIO, paint: Palette = PLAIN) -> None:
        self.stream = stream
        self.paint = paint

    def file(self, path: str, items: Sequence[Located], fail_level: Severity) -> None:
        self.stream.write("".join(map(self.item, items)))

    def item(self, item: Located) -> str:
        raise NotImplementedError

    def close(self, rules: Mapping[str, Rule]) -> None:
        """The end of the output, once every file is printed; `rules`: every rule that ran, by id."""


# -- for people


class Full(Writer):
    def item(self, item: Located) -> str:
        return output.render_full(item, self.paint) + "\n\n"


class Concise(Writer):
    def item(self, item: Located) -> str:
        return output.render_concise(item, self.paint) + "\n"


# -- for machines


def _indented(text: str, prefix: str) -> str:
    # JSON text has no line break inside a string: every line is a line of the structure
    return prefix + text.replace("\n", "\n" + prefix)


class _JsonList(Writer):
    """A JSON list, indented as `json.dumps(..., indent=2)` prints it at nesting `level`, written one
    element at a time."""

    def __init__(self, stream: TextIO, paint: Palette = PLAIN, level: int = 0) -> None:
        super().__init__(stream, paint)
        self.outer = "  " * level
        self.count = 0

    def element(self, value: dict) -> None:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        self.stream.write(("[\n" if not self.count else ",\n") + _indented(text, self.outer + "  "))
        self.count += 1

    def end(self) -> None:
        self.stream.write(f"\n{self.outer}]" if self.count else "[]")

    def close(self, rules: Mapping[str, Rule]) -> None:
        self.end()
        self.stream.write("\n")


class JsonList(_JsonList):
    def file(self, path: str, items: Sequence[Located], fail_level: Severity) -> None:
        for item in items:
            self.element(output.as_json(item))


class JsonLines(Writer):
    def item(self, item: Located) -> str:
        return json.dumps(output.as_json(item), ensure_ascii=False) + "\n"


_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


class Github(Writer):
    """One workflow command per finding: GitHub Actions shows it on the line of the pull request."""

    def item(self, item: Located) -> str:
        f = item.finding
        properties = {
            "file": item.path,
            "line": item.line,
            "col": item.column,
            "endLine": item.end_line,
            "endColumn": item.end_column,
            "title": f.rule,
        }
        props = ",".join(f"{key}={_github_property(str(value))}" for key, value in properties.items())
        note = output.fix_note(f)
        message = f"{f.message}\n{note}" if note else f.message
        return f"::{_GITHUB_COMMANDS[f.severity]} {props}::{_github_data(message)}\n"


def spool() -> TextIO:
    """A text file in memory up to SPOOL_MEMORY, on disk past it, that takes any string."""
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY, mode="w+", encoding="utf-8", errors="surrogatepass", newline="")


_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri()
    from urllib.parse import quote  # 4 ms, for SARIF only

    return quote(pure.as_posix(), safe="/")


def _sarif_rule(rule: Rule) -> dict:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule_summary(rule)},
        "fullDescription": {"text": rule.description.strip()},
        "help": {"text": rule.description.strip()},
        "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
        "properties": {"category": rule.category, "fix": rule.fix, "tags": [rule.category]},
    }


def _unused_rule() -> dict:
    return {
        "id": UNUSED,
        "name": UNUSED,
        "shortDescription": {"text": "A plancheck directive that silences nothing"},
        "fullDescription": {"text": UNUSED_DESCRIPTION},
        "help": {"text": UNUSED_DESCRIPTION},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"category": UNUSED_CATEGORY, "fix": "none", "tags": [UNUSED_CATEGORY]},
    }


def _sarif_region(item: Located) -> dict:
    f = item.finding
    return {
        "startLine": item.line,
        "startColumn": item.column,
        "endLine": item.end_line,
        "endColumn": item.end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
    }


def _sarif_fixes(f: Finding, uri: str) -> list[dict]:
    if f.fix is None:
        return []
    replacements = [
        {"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start}, "insertedContent": {"text": e.content}}
        for e in f.fix.edits
    ]
    return [
        {
            "description": {"text": f"{f.fix.message} ({f.fix.applicability} fix)"},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        }
    ]


class Sarif(Writer):
    """SARIF 2.1.0, one run; columns and offsets count characters (Unicode code points). Its results
    are spooled, one JSON line each without its rule index: the rule list comes first in the log,
    and which rules it holds, hence their indices, is known only at the end."""

    def __init__(self, stream: TextIO, paint: Palette = PLAIN) -> None:
        super().__init__(stream, paint)
        self.results = spool()
        self.unused_found = False

    def file(self, path: str, items: Sequence[Located], fail_level: Severity) -> None:
        for item, fingerprint in zip(items, fingerprints(items), strict=True):
            f = item.finding
            uri = _uri(item.path)
            result = {
                "ruleId": f.rule,
                "level": _SARIF_LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _sarif_region(item)}}],
                "partialFingerprints": {"plancheck/v1": fingerprint},
            }
            fixes = _sarif_fixes(f, uri)
            if fixes:
                result["fixes"] = fixes
            self.results.write(json.dumps(result, ensure_ascii=False) + "\n")
            self.unused_found = self.unused_found or f.rule == UNUSED

    def close(self, rules: Mapping[str, Rule]) -> None:
        descriptors = [_sarif_rule(rule) for _, rule in sorted(rules.items())]
        if self.unused_found:
            descriptors.append(_unused_rule())
        index = {d["id"]: i for i, d in enumerate(descriptors)}
        run = {
            "tool": {"driver": {"name": "plancheck", "version": __version__, "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "results": _RESULTS,
        }
        log = {"$schema": _SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
        head, tail = json.dumps(log, ensure_ascii=False, indent=2).split(json.dumps(_RESULTS))
        self.stream.write(head)
        self.results.seek(0)
        results = _JsonList(self.stream, level=3)  # the log's runs[0].results
        for line in self.results:
            result = json.loads(line)
            # in the place SARIF readers expect it, after the rule's id
            results.element({"ruleId": result["ruleId"], "ruleIndex": index[result["ruleId"]], **result})
        results.end()
        self.stream.write(tail + "\n")
        self.results.close()


_RESULTS = "plancheck: the results, written after"


# characters XML 1.0 cannot hold at all (scraped text has form feeds and other controls): all but
# \t \n \r, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 up; spelled as what is left out, which
# compiles in 1 ms where the complement's large ranges take 15 ms, and only when first used: only
# the XML formats need it
_NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


def _xml_text(text: str) -> str:
    return re.sub(_NOT_XML, lambda m: f"\\x{ord(m.group()):02x}", text)


class Junit(Writer):
    """One test case per file checked. A file with a finding at or above its fail level fails, with
    one <failure> listing every finding in it (as `concise` prints them); a file whose findings
    are all below the fail level passes and lists them in <system-out>. The test cases are spooled:
    the counts of the root element come first."""

    def __init__(self, stream: TextIO, paint: Palette = PLAIN) -> None:
        super().__init__(stream, paint)
        self.cases = spool()
        self.tests = self.failures = 0

    def file(self, path: str, items: Sequence[Located], fail_level: Severity) -> None:
        import xml.etree.ElementTree as ET  # only this format needs it

        case = ET.Element("testcase", classname="plancheck", name=_xml_text(path), file=_xml_text(path))
        if items:
            listing = _xml_text("\n".join(output.render_concise(i) for i in items))
            if any(i.finding.severity >= fail_level for i in items):
                noun = "finding" if len(items) == 1 else "findings"
                message = f"{len(items)} {noun} ({output.by_severity(i.finding for i in items)})"
                ET.SubElement(case, "failure", type="plancheck", message=message).text = listing
                self.failures += 1
            else:
                ET.SubElement(case, "system-out").text = listing
        ET.indent(case, level=2)  # as it sits in the document: <testsuites><testsuite><testcase>
        self.cases.write(("\n    " if self.tests else "") + ET.tostring(case, encoding="unicode"))
        self.tests += 1

    def close(self, rules: Mapping[str, Rule]) -> None:
        import xml.etree.ElementTree as ET

        counts = {"tests": str(self.tests), "failures": str(self.failures), "errors": "0"}
        suites = ET.Element("testsuites", name="plancheck", **counts)
        suite = ET.SubElement(suites, "testsuite", name="plancheck", skipped="0", **counts)
        if self.tests:
            ET.SubElement(suite, "cases")  # where the spooled test cases go
        ET.indent(suites)
        head, *tail = ET.tostring(suites, encoding="unicode", xml_declaration=True).split("<cases />")
        self.stream.write(head)
        if tail:
            self.cases.seek(0)
            while chunk := self.cases.read(2**16):
                self.stream.write(chunk)
            self.stream.write(tail[0])
        self.stream.write("\n")
        self.cases.close()


_GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class Gitlab(_JsonList):
    """GitLab Code Quality: a JSON list of issues, each with a fingerprint that survives moves."""

    def file(self, path: str, items: Sequence[Located], fail_level: Severity) -> None:
        for item, fingerprint in zip(items, fingerprints(items), strict=True):
            self.element(
                {
                    "description": f"{item.finding.rule} {item.finding.message}",
                    "check_name": item.finding.rule,
                    "fingerprint": fingerprint,
                    "severity": _GITLAB_SEVERITIES[item.finding.severity],
                    "location": {"path": PurePath(item.path).as_posix(), "lines": {"begin": item.line}},
                }
            )


FORMATS: dict[str, type[Writer]] = {
    "full": Full,
    "concise": Concise,
    "json": JsonList,
    "json-lines": JsonLines,
    "github": Github,
    "sarif": Sarif,
    "junit": Junit,
    "gitlab": Gitlab,
}
FOR_PEOPLE = ("full", "concise")  # these get statistics, colour and the summary
CHOICES = (*FORMATS, "auto")


def resolve(name: str, environ: Mapping[str, str] = os.environ) -> str:
    """The format to use: `auto` is `github` inside GitHub Actions and `full` elsewhere."""
    if name != "auto":
        return name
    return "github" if environ.get("GITHUB_ACTIONS") else "full"
