"""`plancheck report`: the HTML page, its escaping, its exit codes, and the page in a real browser.

The browser tests drive Debian's chromium headless: through the DevTools protocol on a pipe (no
network port, standard library only) to catch every console message, script exception, failed
load and request, and to use the filters; and through its command line for `--dump-dom` and
`--screenshot`. They are skipped only when no chromium binary is installed
(`apt-get install -y chromium fonts-noto-cjk`).
"""

from __future__ import annotations

import base64
import fcntl
import html
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lint.config.settings import ConfigResolver
from lint.model import Applicability, Edit, Finding, Fix, Severity
from lint.report import html as report

from .conftest import ROOT, SHARED

SEEDS = SHARED / "corpus" / "seeds"
WILD = SHARED / "corpus" / "real" / "wild"
# real scraped reports with `<U+00A0>` escapes and `<!-- -->` comments (the first), and a shorter one
WILD_PICKS = ("GOVRPTNAT_0001.txt", "GOVRPT2026_0006.txt")
CLEAN = "关于做好2024年安全生产工作的通知\n\n各单位：\n现将有关事项通知如下。\n"
# a document that would run script if any of it reached the page unescaped
HOSTILE = (
    "工作计划\n加强D建工作。##paidend##\n"
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">\n'
    "</script><!-- 注释 --> & &amp; \"引号\" '单引号' <U+00A0>\u200b零宽\n"
)
HOSTILE_NAME = 'x<img src=y onerror="window.__pwned=3">&amp;.txt'
# inline directives: one silences RD001, one silences nothing (an unused-suppression warning)
SUPPRESSED = "标题\n<!-- plancheck: disable-next-line RD001 -->\n加强D建工作。\n<!-- plancheck: disable-next-line PW001 -->\n没有问题。\n"
ENV = {**os.environ, "PYTHONUTF8": "1"}


def run_report(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """report_main in a subprocess, as the brief's entry point (the CLI wiring is tested apart)."""
    code = "import sys; from lint.report.html import report_main; sys.exit(report_main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=cwd or ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Seeds (without their .fixed files), two real scraped reports, a clean file, a hostile one."""
    root = tmp_path_factory.mktemp("corpus") / "docs"
    root.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        if seed.name.count(".") == 1:
            shutil.copy(seed, root / seed.name)
    for name in WILD_PICKS:
        if (WILD / name).is_file():
            shutil.copy(WILD / name, root / name)
    (root / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (root / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    (root / "suppressed.txt").write_text(SUPPRESSED, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def page(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("page") / "report.html"
    result = run_report(corpus, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert out.stat().st_size > 0
    return out


def page_data(text: str) -> dict:
    found = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', text, re.S)
    assert found, "no data blob"
    return json.loads(found.group(1))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_comment(self, data):
        self.comments.append(data)


def _strip_tags(fragment: str) -> str:
    """The text of an HTML fragment, without the labels of `.cp` spans (they are CSS content)."""
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


# --------------------------------------------------------------------------------------------------
# the page as text: structure and escaping


def test_page_is_one_self_contained_file(page):
    text = page.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(text)
    tags = [t for t, _ in parser.tags]
    # exactly the page's own three scripts (guard, data, code) and one style: nothing from a document
    assert tags.count("script") == 3
    assert text.count("</script>") == 3
    assert tags.count("style") == 1
    assert parser.comments == []  # the documents' `<!-- -->` are text, not comments
    for tag, attrs in parser.tags:
        assert tag not in ("img", "link", "iframe", "object", "embed")
        assert "src" not in attrs and not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert not re.match(r"(?i)\s*(https?:|//)", attrs.get("href") or ""), attrs
    assert "http-equiv" in text and "default-src 'none'" in text


def test_documents_are_escaped(page):
    text = page.read_text(encoding="utf-8")
    assert "window.__pwned" in text  # the hostile text is on the page …
    assert "<script>window" not in text and "<img src=x" not in text  # … but only as text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in text
    assert "&lt;!-- 注释 --&gt; &amp; &amp;amp;" in text
    assert "&lt;U+00A0&gt;" in text
    data = page_data(text)
    assert HOSTILE_NAME in [d["p"].rsplit("/", 1)[-1] for d in data["docs"]]


def test_data_blob_cannot_end_its_script():
    blob = report.script_json({"p": "</script><!-- <script> & \u2028 \ud800"})
    assert "<" not in blob and ">" not in blob and "&" not in blob
    assert blob.isascii()
    assert json.loads(blob) == {"p": "</script><!-- <script> & \u2028 \ud800"}


def test_totals_agree_with_the_check(corpus, page):
    data = page_data(page.read_text(encoding="utf-8"))
    checked = subprocess.run(
        [sys.executable, "-m", "lint", "--output-format", "json", "--exit-zero", str(corpus)],
        env=ENV,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
    )
    findings = json.loads(checked.stdout)
    assert sum(n for d in data["docs"] for n, _, _ in d["r"].values()) == len(findings)
    assert set(data["rules"]) == {f["rule"] for f in findings}
    safe = sum(1 for f in findings if f["fix"] and f["fix"]["applicability"] == "safe")
    assert sum(s for d in data["docs"] for _, s, _ in d["r"].values()) == safe
    assert len(data["docs"]) == len(list(corpus.iterdir()))
    # directives mean the same as for a check: RD001 silenced, the unused one reported
    suppressed = next(d for d in data["docs"] if d["p"].endswith("/suppressed.txt"))
    assert suppressed["r"] == {"unused-suppression": [1, 0, 0]}


# --------------------------------------------------------------------------------------------------
# highlighting and diff, as functions


def _finding(rule: str, start: int, end: int, category: str = "layout", severity: Severity = Severity.WARNING, fix=None) -> Finding:
    return Finding(rule, rule.lower(), category, severity, f"{rule} message <b>", start, end, fix)


def test_highlight_keeps_the_text_and_marks_overlaps():
    text = "甲乙丙<丁>&戊\n己庚\n"
    findings = [_finding("AA001", 1, 5), _finding("BB002", 3, 9, "redaction", Severity.ERROR), _finding("CC003", 12, 12)]
    body, cut = report.highlight(text, findings, 1000)
    assert cut == len(text)
    assert _strip_tags(body) == text
    marks = re.findall(r'<mark class="([^"]*)" data-r="([^"]*)" data-f="([^"]*)"([^>]*)>', body)
    # BB002 ends with a line end: its rule id goes on the line, before the mark of the line end
    assert [m[1] for m in marks] == ["AA001", "AA001 BB002", "BB002", "BB002", "CC003"]
    assert "s-error" in marks[1][0] and "c-redaction" in marks[1][0]  # the error's colour where they overlap
    assert 'data-label="AA001"' in marks[1][3] and 'data-label="BB002"' in marks[2][3] and "data-label" not in marks[3][3]
    assert " pt" in marks[4][0]  # a finding at a point
    assert re.search(r'data-label="BB002"[^>]*>&gt;&amp;戊</mark><mark [^>]*><span class="br">\n</span></mark>', body)  # CSS draws ↵
    assert "&lt;b&gt;" in body and "<b>" not in body  # messages in tooltips are escaped too


def test_highlight_folds_line_ends_and_labels_what_html_cannot_hold():
    text = "一\r\n二\x00三\r\n\u200b四\r"
    findings = [_finding("AA001", 3, 5), _finding("BB002", 8, 9)]
    body, _ = report.highlight(text, findings, 1000)
    assert "\r" not in body and "\x00" not in body
    assert '<span class="cp" data-cp="U+0000"></span>' in body
    assert '<span class="cp" data-cp="ZWSP">\u200b</span>' in body  # inside a mark: kept and named
    assert re.search(r'data-r="AA001"[^>]*>二<span class="cp" data-cp="U\+0000"></span></mark>', body)
    assert _strip_tags(body) == "一\n二三\n\u200b四\n"


def test_highlight_cuts_long_texts_at_a_line_end():
    text = "".join(f"第{i}行内容。\n" for i in range(1000))
    body, cut = report.highlight(text, [_finding("AA001", 5, 6), _finding("BB002", len(text) - 3, len(text) - 2)], 100)
    assert cut <= 100 and text[cut - 1] == "\n"
    assert "AA001" in body and "BB002" not in body


def test_diff_marks_changed_characters_and_pairs_lines():
    old = "标题\n\n<U+00A0>加强D建工作。##paidend##\n第二段不变。\n\n\n第三段<U+00A0>\n"
    new = "标题\n\n加强党建工作。\n第二段不变。\n\n第三段\n"
    rows, more = report.diff_html(old, new)
    assert not more
    assert "<del>&lt;U+00A0&gt;</del>" in rows
    assert "<del>##paidend##</del>" in rows
    assert re.search(r"<del>D</del>|<del>D建</del>", rows) and re.search(r"<ins>党</ins>|<ins>党建</ins>", rows)
    kinds = re.findall(r'<tr class="(\w+)">', rows)
    # the changed line is followed by what it became, not all deletions first
    assert kinds.index("add") < len(kinds) - 1 - kinds[::-1].index("del")
    assert 'class="nl">↵' in rows  # a removed blank line is visible


def test_diff_elides_long_unchanged_stretches():
    para = "经济平稳较快增长。" * 60
    rows, _ = report.diff_html(f"<U+00A0>{para}\n", f"{para}\n")
    assert 'class="elide"' in rows
    assert len(_strip_tags(rows)) < len(para)


@pytest.mark.parametrize("every", [1, 7])
def test_diff_of_thousands_of_changed_lines_is_capped_and_quick(every):
    # trailing spaces on every line (one block, as many lines on each side), or on every 7th line
    # with a blank line removed besides (blocks of different sizes): once took minutes
    old = "".join(f"第{i}行内容，继续。{' ' if i % every == 0 else ''}\n" + ("\n" if i % 50 == 0 else "") for i in range(3000))
    new = "".join(f"第{i}行内容，继续。\n" for i in range(3000))
    started = time.monotonic()
    rows, more = report.diff_html(old, new, max_rows=50)
    assert time.monotonic() - started < 10
    assert rows.count("<tr") == 50 and more
    assert rows.count("<del>") >= 5


def test_clauses_cover_every_character():
    text = "一、总体要求。\n  坚持,稳中求进；\t2024年 GDP增长5%!?…\u3000末尾"
    assert "".join(report._CLAUSE.findall(text)) == text


def test_render_escapes_lone_surrogates_and_controls(tmp_path):
    text = "甲\ud800乙\x07丙\n"
    summary = report.DocumentSummary("a\udcff<b>.txt", len(text))
    summary.by_rule["AA001"] = 1
    summary.by_severity["warning"] = 1
    fix = Fix((Edit(1, 2, ""),), Applicability.SAFE, "delete it")
    corpus = report.Corpus()
    corpus.documents.append(summary)
    corpus.shown.append(report.ShownDocument(summary, text, "甲乙\x07丙\n", [_finding("AA001", 1, 2, fix=fix)]))
    corpus.rules["AA001"] = report.RuleInfo("AA001", "aa", "layout", Severity.WARNING, "safe")
    page = report.render(corpus, title="t")
    page.encode("utf-8")  # strict: nothing unencodable reached the page
    assert "U+D800" in page and "U+0007" in page and "&lt;b&gt;" in page


# --------------------------------------------------------------------------------------------------
# the command: options, caps, exit codes


def test_caps_are_applied_and_said(corpus, tmp_path):
    out = tmp_path / "capped.html"
    result = run_report(corpus, "-o", out, "--max-documents", "1", "--max-chars", "200", "-q")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.count('<details class="doc"') == 1
    assert "only the 1 document with the most findings is shown below" in text
    assert "The text is cut after" in text
    data = page_data(text)
    assert len(data["docs"]) == len(list(corpus.iterdir()))  # all counted
    assert sum(1 for d in data["docs"] if d["a"] is not None) == 1


def test_select_and_unsafe_fixes(corpus, tmp_path):
    out = tmp_path / "rd.html"
    result = run_report(corpus, "-o", out, "--select", "RD", "--unsafe-fixes", "--title", "只看屏蔽词")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert set(page_data(text)["rules"]) <= {"RD001", "RD002", "RD003"}
    assert "<h1>只看屏蔽词</h1>" in text
    assert "plancheck --fix --unsafe-fixes" in text


def test_config_file_is_used(corpus, tmp_path):
    config = tmp_path / "plancheck.toml"
    config.write_text('ignore = ["layout", "boilerplate"]\n', encoding="utf-8")
    out = tmp_path / "configured.html"
    result = run_report(corpus, "-o", out, "--config", config)
    assert result.returncode == 0, result.stderr
    categories = {r["c"] for r in page_data(out.read_text(encoding="utf-8"))["rules"].values()}
    assert categories and not categories & {"layout", "boilerplate"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-documents", "many"], "not a whole number"),
        (["--select", "NOPE999"], "NOPE999"),
        (["--no-such-option"], "unknown option '--no-such-option'"),
        (["-"], "not standard input"),
        (["--encoding", "klingon"], "klingon"),
        (["-o", "missing-folder/report.html"], "cannot write"),
    ],
)
def test_usage_and_config_errors_exit_2_with_one_line(corpus, tmp_path, args, message):
    result = run_report(*(args if args == ["-"] else [corpus, *args]), cwd=tmp_path)
    assert result.returncode == 2
    error, *rest = result.stderr.splitlines()
    assert message in error, result.stderr
    assert rest in ([], ["Run `plancheck report --help` for usage."]), result.stderr  # a usage error points to the help


def test_unreadable_file_is_reported_and_the_page_still_written(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("加强D建工作。\n", encoding="utf-8")
    (docs / "binary.txt").write_bytes(b"\xff\xfe\x00\xd8\x00\x00\x81\x30\x81")
    out = tmp_path / "r.html"
    result = run_report(docs, tmp_path / "missing.txt", "-o", out)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("plancheck: ") for line in lines), lines
    text = out.read_text(encoding="utf-8")
    assert "Not checked (2)" in text and "missing.txt" in text


def test_collect_keeps_only_the_worst_texts(corpus):
    gathered = report.collect([corpus], ConfigResolver(), max_documents=2)
    counts = sorted((d.findings for d in gathered.documents), reverse=True)
    assert [s.summary.findings for s in gathered.shown] == counts[:2]
    assert any(d.findings == 0 for d in gathered.documents)  # the clean file is counted


def test_silenced_findings_are_not_fixed_either(tmp_path):
    (tmp_path / "s.txt").write_text(SUPPRESSED, encoding="utf-8")
    gathered = report.collect([tmp_path], ConfigResolver())
    (shown,) = gathered.shown
    assert [f.rule for f in shown.findings] == ["unused-suppression"]
    assert "加强D建工作" in shown.fixed


def test_assets_ship_in_the_wheel():
    hatchling = pytest.importorskip("hatchling.builders.wheel")
    shipped = {f.distribution_path for f in hatchling.WheelBuilder(str(ROOT)).recurse_included_files()}
    for name in ("guard.js", "report.js", "report.css"):
        assert f"lint/report_assets/{name}" in shipped


def test_plancheck_report_through_the_cli(corpus, tmp_path):
    from lint.cli import main as cli

    if "report" not in getattr(cli, "COMMANDS", {}):
        pytest.skip("`plancheck report` is not wired into lint/cli/main.py yet")
    out = tmp_path / "cli.html"
    result = subprocess.run(
        [sys.executable, "-m", "lint", "report", str(corpus), "-o", str(out)],
        env=ENV,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {out}:")
    assert page_data(out.read_text(encoding="utf-8"))["docs"]
    bad = subprocess.run(
        [sys.executable, "-m", "lint", "report", "--max-chars", "-3"], env=ENV, capture_output=True, text=True, cwd=tmp_path
    )
    assert bad.returncode == 2
    assert bad.stderr.splitlines() == [
        "plancheck report: error: argument --max-chars: must be 0 or more, not -3",
        "Run `plancheck report --help` for usage.",
    ]


# --------------------------------------------------------------------------------------------------
# in a real browser

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = _chromium()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (apt-get install -y chromium fonts-noto-cjk)")


class Browser:
    """Chromium driven through the DevTools protocol on a pipe: commands go in on its fd 3 and
    replies come out on fd 4, NUL-terminated JSON (--remote-debugging-pipe)."""

    def __init__(self, profile: Path, timeout: float = 60) -> None:
        self.timeout = timeout
        self.log = open(profile.with_name("chromium.log"), "wb")  # noqa: SIM115 - closed in close()
        to_child, self._to_child = os.pipe()
        self._from_child, from_child = os.pipe()
        # copies above the low numbers, so that dup2 onto 3 and 4 cannot clobber one another
        high_in = fcntl.fcntl(to_child, fcntl.F_DUPFD_CLOEXEC, 10)
        high_out = fcntl.fcntl(from_child, fcntl.F_DUPFD_CLOEXEC, 10)

        def place_pipes() -> None:
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, *CHROMIUM_FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=self.log,
            preexec_fn=place_pipes,
            close_fds=False,  # our own descriptors are not inheritable (PEP 446); 3 and 4 are
        )
        for fd in (to_child, from_child, high_in, high_out):
            os.close(fd)
        self._buffer = b""
        self._id = 0
        self.session = ""
        self.events: list[dict] = []

    def _message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer")
            if select.select([self._from_child], [], [], left)[0]:
                chunk = os.read(self._from_child, 1 << 16)
                if not chunk:
                    raise RuntimeError("chromium closed the protocol pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, *, browser: bool = False) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if self.session and not browser:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def _wait_for(self, method: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not any(e["method"] == method for e in self.events):
            reply = self._message(deadline)
            if "method" in reply:
                self.events.append(reply)

    def open(self, url: str, width: int = 1400, height: int = 1000) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, browser=True)["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.navigate", {"url": url})
        self._wait_for("Page.loadEventFired")

    def js(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path, clip: dict | None = None) -> None:
        params: dict = {"format": "png"}
        if clip:
            params.update(clip={"scale": 1, **clip}, captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, and error log entries (failed loads,
        policy violations, …) seen so far."""
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning", "assert"):
                found.append(f"console.{params['type']}: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append("exception: " + details.get("exception", {}).get("description", details.get("text", "")))
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log {params['entry']['level']}: {params['entry']['text']} {params['entry'].get('url', '')}")
        return found

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def close(self) -> None:
        try:
            self.send("Browser.close", browser=True)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_child)
        os.close(self._from_child)
        self.log.close()


@pytest.fixture
def browser(tmp_path):
    opened = Browser(tmp_path / "profile")
    try:
        yield opened
    finally:
        opened.close()


def _chromium_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'cli-profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@needs_chromium
def test_page_renders_cleanly_in_chromium(page, browser):
    browser.open(page.as_uri())
    data = page_data(page.read_text(encoding="utf-8"))
    status = browser.js("document.getElementById('status').dataset.status")
    assert status == "ok", browser.js("document.getElementById('status').textContent")
    assert browser.problems() == []
    assert browser.requests() == [page.as_uri()]  # nothing fetched: no font, no script, no image
    # one bar per rule and per category that has findings
    assert browser.js("document.querySelectorAll('#chart-rule rect.bar').length") == len(data["rules"])
    assert browser.js("document.querySelectorAll('#chart-cat rect.bar').length") == len({r["c"] for r in data["rules"].values()})
    worst = sum(1 for d in data["docs"] if d["r"])
    assert browser.js("document.querySelectorAll('#worst-table tbody tr').length") == min(worst, 10)
    if worst > 10:
        browser.js("document.querySelector('#worst-table button.more').click()")
        assert browser.js("document.querySelectorAll('#worst-table tbody tr').length") == min(worst, 35)
    # the hostile document's markup stayed text
    assert browser.js("window.__pwned") is None
    assert browser.js("[...document.querySelectorAll('pre.text')].some(p => p.textContent.includes('<script>window.__pwned = 1</script>'))")
    assert browser.js("[...document.querySelectorAll('pre.text')].some(p => p.textContent.includes('<!-- 注释 --> & &amp;'))")


@needs_chromium
def test_filters_charts_and_rows_work_in_chromium(page, browser):
    browser.open(page.as_uri())
    # choose a rule in the select, as a person would
    browser.js("var s = document.getElementById('f-rule'); s.value = 'RD001'; s.dispatchEvent(new Event('change'))")
    state = browser.js("JSON.stringify(plancheckReport.state)")
    assert json.loads(state) == {"cat": "redaction", "rule": "RD001", "q": ""}
    visible = browser.js("[...document.querySelectorAll('details.doc')].filter(d => !d.hidden).map(d => d.dataset.rules)")
    assert visible and all("RD001" in rules.split() for rules in visible)
    rows = browser.js("[...document.querySelectorAll('details.doc:not([hidden]) tr.fr')].filter(r => !r.hidden).map(r => r.dataset.r)")
    assert rows and set(rows) == {"RD001"}
    lit = browser.js("[...document.querySelectorAll('details.doc:not([hidden]) mark.f:not(.off)')].map(m => m.dataset.r)")
    assert lit and all("RD001" in r.split() for r in lit)
    assert browser.js("document.querySelector('#chart-rule g.row.sel').dataset.key") == "RD001"
    # what the filter found is unfolded, and each text opens at its first match
    assert browser.js("[...document.querySelectorAll('details.doc:not([hidden])')].slice(0, 3).every(d => d.open)")
    assert browser.js(
        "[...document.querySelectorAll('details.doc:not([hidden]) pre.text')].every(p => {"
        " const m = p.querySelector('mark.f:not(.off)'), box = p.parentNode;"
        " return m.offsetTop >= box.scrollTop && m.offsetTop < box.scrollTop + box.clientHeight; })"
    )
    # click a category bar: the filter follows, and the rule chart keeps only that category
    browser.js("document.querySelector('#chart-cat g.row[data-key=layout]').dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    assert json.loads(browser.js("JSON.stringify(plancheckReport.state)"))["cat"] == "layout"
    keys = browser.js("[...document.querySelectorAll('#chart-rule g.row')].map(g => g.dataset.key)")
    assert keys and all(k.startswith("LY") for k in keys)
    # search a path: the table of documents follows
    browser.js("var q = document.getElementById('f-q'); q.value = 'GOVRPT'; q.dispatchEvent(new Event('input'))")
    names = browser.js("[...document.querySelectorAll('#worst-table tbody td.path')].map(t => t.title)")
    assert names and all("GOVRPT" in n for n in names)
    # reset, then click a finding row: its mark in the text flashes
    browser.js("document.getElementById('f-reset').click()")
    assert json.loads(browser.js("JSON.stringify(plancheckReport.state)")) == {"cat": "", "rule": "", "q": ""}
    browser.js("document.querySelector('details.doc[open] tr.fr:not(.beyond)').click()")
    assert browser.js("document.querySelectorAll('mark.flash').length") == 1
    assert browser.problems() == []


@needs_chromium
def test_dump_dom_and_screenshot_from_the_chromium_command_line(page, tmp_path):
    dom = _chromium_cli(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert '<p id="status" data-status="ok" hidden="">ok</p>' in dom.stdout
    assert dom.stdout.count('class="bar"') == len(page_data(page.read_text(encoding="utf-8"))["rules"]) + len(
        {r["c"] for r in page_data(page.read_text(encoding="utf-8"))["rules"].values()}
    )
    png = tmp_path / "report.png"
    shot = _chromium_cli(tmp_path, f"--screenshot={png}", "--window-size=1400,1000", page.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000


# --------------------------------------------------------------------------------------------------
# the page's heading, its totals, layout folded


def _cards(page: str) -> dict[str, tuple[int, str]]:
    found = re.findall(r'<div class="k">([^<]*)</div><div class="v">([\d,]+)</div><div class="sub">([^<]*)</div>', page)
    return {key: (int(value.replace(",", "")), html.unescape(sub)) for key, value, sub in found}


def test_the_heading_of_many_paths_is_readable(tmp_path):
    for n in range(30):
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / f"{n:02}.txt").write_text("加强D建工作。\n", encoding="utf-8")
    many = run_report(*(f"docs/{n:02}.txt" for n in range(30)), "-o", "many.html", cwd=tmp_path)
    assert many.returncode == 0, many.stderr
    page = (tmp_path / "many.html").read_text(encoding="utf-8")
    assert "<h1>30 paths in docs</h1>" in page
    assert "<title>30 paths in docs · plancheck report</title>" in page
    few = run_report("docs/00.txt", "docs/01.txt", "-o", "few.html", cwd=tmp_path)
    assert few.returncode == 0 and "<h1>docs/00.txt, docs/01.txt</h1>" in (tmp_path / "few.html").read_text(encoding="utf-8")


def test_the_totals_add_up_or_say_why(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("加强D建工作。##paidend##\n", encoding="utf-8")  # two safe fixes
    (docs / "b.txt").write_text("坚持以新时代中国特色社会主义思想为指导。XX区。\n", encoding="utf-8")  # unsafe, no fix
    (docs / "c.txt").write_text("请替换付费标签内内容\n", encoding="utf-8")  # its fix is refused: it would delete all
    assert run_report("docs", "-o", "r.html", cwd=tmp_path).returncode == 0
    cards = _cards((tmp_path / "r.html").read_text(encoding="utf-8"))
    findings = cards["Findings"][0]
    assert cards["Errors"][0] + cards["Warnings"][0] + cards["Info"][0] == findings
    assert cards["Fixable safely"][0] + cards["Fixable, unsafe"][0] + cards["No fix"][0] == findings
    left, why = cards["Left after fixing"]
    assert left == findings - 2  # c.txt's fix is refused: its finding stays
    assert why.startswith(f"{findings} findings − 2 fixed by --fix") and "the fixes of 1 document were not applied" in why


def test_layout_only_findings_are_folded(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "layout.txt").write_text("第一段。\n\n\n\n第二段。   \n" * 5, encoding="utf-8")  # more findings, layout only
    (docs / "mixed.txt").write_text("加强D建工作。\n\n\n\n工作计划。\n", encoding="utf-8")
    assert run_report("docs", "-o", "r.html", cwd=tmp_path).returncode == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    sections = dict(re.findall(r'<details class="doc" [^>]*data-path="docs/(\w+).txt"([^>]*)>', page))
    assert sections == {"layout": "", "mixed": " open"}  # the first panels show what matters
    mixed = page.split('data-path="docs/mixed.txt"', 1)[1].split('<details class="doc"', 1)[0]
    matter, folded = mixed.split('<details class="layout-findings">', 1)
    assert 'data-r="RD001"' in matter and 'data-r="LY003"' not in matter
    assert 'data-r="LY003"' in folded.split("</details>", 1)[0]
