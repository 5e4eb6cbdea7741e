"""Output formats by name: one function per format, each turning a run's report into the text to
print. Every format is built from the same located findings (lint/output/human.py's `Located`).

`full` and `concise` are for people (the command line adds statistics and a summary to them);
the others are documents for machines and CI: `json`, `json-lines`, `github` (workflow-command
annotations), `sarif` (SARIF 2.1.0), `junit` (JUnit XML) and `gitlab` (Code Quality).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path, PurePath
from typing import NamedTuple

from lint import __version__
from lint.model import UNUSED, UNUSED_CATEGORY, UNUSED_DESCRIPTION, Finding, Severity
from lint.output import human as output
from lint.output.human import Located
from lint.output.terminal import PLAIN, Palette
from lint.packs.load import Rule


class Report(NamedTuple):
    """What a run found: the findings located in their files, every file checked (with the fail
    level its configuration sets) and the rules that ran."""

    located: Sequence[Located]
    paths: Sequence[str]
    fail_levels: Mapping[str, Severity]
    rules: Mapping[str, Rule]
    paint: Palette = PLAIN

    def fails(self, item: Located) -> bool:
        return item.finding.severity >= self.fail_levels.get(item.path, Severity.ERROR)


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


# -- for people


def full(report: Report) -> str:
    return "".join(output.render_full(item, report.paint) + "\n\n" for item in report.located)


def concise(report: Report) -> str:
    return "".join(output.render_concise(item, report.paint) + "\n" for item in report.located)


# -- for machines


def json_list(report: Report) -> str:
    return output.render_json(list(report.located)) + "\n"


def json_lines(report: Report) -> str:
    return "".join(json.dumps(output.as_json(item), ensure_ascii=False) + "\n" for item in report.located)


_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def github(report: Report) -> str:
    """One workflow command per finding: GitHub Actions shows it on the line of the pull request."""
    lines = []
    for item in report.located:
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
        lines.append(f"::{_GITHUB_COMMANDS[f.severity]} {props}::{_github_data(message)}\n")
    return "".join(lines)


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


def sarif(report: Report) -> str:
    """SARIF 2.1.0, one run; columns and offsets count characters (Unicode code points)."""
    descriptors = [_sarif_rule(rule) for _, rule in sorted(report.rules.items())]
    unused = _unused_rule()
    if any(item.finding.rule == unused["id"] for item in report.located):
        descriptors.append(unused)
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = []
    for item, fingerprint in zip(report.located, fingerprints(report.located), strict=True):
        f = item.finding
        uri = _uri(item.path)
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _SARIF_LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _sarif_region(item)}}],
            "partialFingerprints": {"plancheck/v1": fingerprint},
        }
        fixes = _sarif_fixes(f, uri)
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    log = {
        "$schema": _SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "plancheck", "version": __version__, "rules": descriptors}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# characters XML 1.0 cannot hold at all (scraped text has form feeds and other controls): all but
# \t \n \r, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 up; spelled as what is left out, which
# compiles in 1 ms where the complement's large ranges take 15 ms, and only when first used: only
# the XML formats need it
_NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


def _xml_text(text: str) -> str:
    return re.sub(_NOT_XML, lambda m: f"\\x{ord(m.group()):02x}", text)


def junit(report: Report) -> str:
    """One test case per file checked. A file with a finding at or above its fail level fails, with
    one <failure> listing every finding in it (as `concise` prints them); a file whose findings
    are all below the fail level passes and lists them in <system-out>."""
    import xml.etree.ElementTree as ET  # only this format needs it

    by_path: dict[str, list[Located]] = {path: [] for path in report.paths}
    for item in report.located:
        by_path.setdefault(item.path, []).append(item)
    failing = {path for path, items in by_path.items() if any(report.fails(i) for i in items)}
    counts = {"tests": str(len(by_path)), "failures": str(len(failing)), "errors": "0"}
    suites = ET.Element("testsuites", name="plancheck", **counts)
    suite = ET.SubElement(suites, "testsuite", name="plancheck", skipped="0", **counts)
    for path, items in by_path.items():
        case = ET.SubElement(suite, "testcase", classname="plancheck", name=_xml_text(path), file=_xml_text(path))
        if not items:
            continue
        listing = _xml_text("\n".join(output.render_concise(i) for i in items))
        if path in failing:
            noun = "finding" if len(items) == 1 else "findings"
            message = f"{len(items)} {noun} ({output.by_severity(i.finding for i in items)})"
            ET.SubElement(case, "failure", type="plancheck", message=message).text = listing
        else:
            ET.SubElement(case, "system-out").text = listing
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


_GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab(report: Report) -> str:
    """GitLab Code Quality: a JSON list of issues, each with a fingerprint that survives moves."""
    issues = [
        {
            "description": f"{item.finding.rule} {item.finding.message}",
            "check_name": item.finding.rule,
            "fingerprint": fingerprint,
            "severity": _GITLAB_SEVERITIES[item.finding.severity],
            "location": {"path": PurePath(item.path).as_posix(), "lines": {"begin": item.line}},
        }
        for item, fingerprint in zip(report.located, fingerprints(report.located), strict=True)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


Renderer = Callable[[Report], str]
FORMATS: dict[str, Renderer] = {
    "full": full,
    "concise": concise,
    "json": json_list,
    "json-lines": json_lines,
    "github": github,
    "sarif": sarif,
    "junit": junit,
    "gitlab": gitlab,
}
FOR_PEOPLE = ("full", "concise")  # these get statistics, colour and the summary
CHOICES = (*FORMATS, "auto")


def resolve(name: str, environ: Mapping[str, str] = os.environ) -> str:
    """The format to use: `auto` is `github` inside GitHub Actions and `full` elsewhere."""
    if name != "auto":
        return name
    return "github" if environ.get("GITHUB_ACTIONS") else "full"
