"""`furniture-cluster`: lines that are page furniture only beside furniture that is certain, read as
an editor reads a scraped page: the interface of the page clusters before the title and after the
last paragraph, and a line that alone could be the document's own (`打印`, `来源：新华社`,
`主办单位：县委宣传部`) is the page's when it sits in such a cluster.

Keys (each expression matches at a line start, `^…$` for one line):
- `certain` (required): furniture on its own, over one line or several (a control bar, a vertical
  run of controls, a breadcrumb, a pager, a site footer …); other rules report and fix it, this
  one only takes it as evidence;
- `weak` (required): a line that is furniture inside a cluster (one control word, a size of a
  font switch, one footer field): deleted there;
- `report` : a line that is page metadata inside a cluster (one field, `来源：新华社`): reported
  without a fix, as the metadata lines are;
- `list-heading`, `list-item`: a certain line that heads a list of links (`相关阅读`), and what one of
  its links looks like (a short title): the items after the heading go with it when the list
  runs to the end of the document, nothing but items and furniture after it;
- `max-length` (default 60): the longest weak or report line; a longer one is prose.

A cluster is a run of consecutive lines, each blank, certain, weak or report, holding at least
one certain line. Its weak lines are deleted (whole lines, one fix a line, so that the certain
lines beside them, fixed by their own rules in the same pass, do not hold them back), its report
lines reported. A weak line with no certain furniture beside it is the document's own text.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.engine.document import Document
from lint.kinds.base import INTEGER, REGEX, Hit, Option, OptionError
from lint.model import Edit

OPTIONS = {
    "certain": Option(REGEX, required=True),
    "weak": Option(REGEX, required=True),
    "report": Option(REGEX),
    "list-heading": Option(REGEX),
    "list-item": Option(REGEX),
    "max-length": Option(INTEGER, default=60),
}

_CERTAIN, _WEAK, _REPORT, _BLANK, _ITEM = range(5)


class FurnitureCluster:
    folds = False
    line_triggers = ()
    # a line is judged by the lines around it
    line_local = False

    def __init__(self, options: dict) -> None:
        self.certain = options["certain"]
        self.weak = options["weak"]
        self.report = options["report"]
        self.list_heading = options["list-heading"]
        self.list_item = options["list-item"]
        self.max_length = options["max-length"]
        if (self.list_heading is None) != (self.list_item is None):
            raise OptionError("keys 'list-heading' and 'list-item' go together")
        # no hit without a weak or report line or a list heading: the prefilter skips a text
        # without one (the certain expression, a union of every other rule's, is too large)
        self.triggers = tuple(t for t in (self.weak, self.report, self.list_heading) if t is not None)

    def find(self, doc: Document) -> Iterator[Hit]:
        timeout = doc.guard_timeout
        roles: dict[int, int | None] = {}
        heading = None  # the last list heading of the text
        for i, line in enumerate(doc.lines):
            # a weak line is short: the length alone dismisses the prose (a scan of the whole
            # text would try the expressions at every character)
            if len(line) > self.max_length or not line.strip():
                continue
            if self.weak.match(line, timeout=timeout):
                roles[i] = _WEAK
            elif self.report is not None and self.report.match(line, timeout=timeout):
                roles[i] = _REPORT
            elif self.list_heading is not None and self.list_heading.match(line, timeout=timeout):
                heading = i
        if heading is not None:
            self._list_items(doc, heading, roles)
        if not roles:
            return
        done: set[int] = set()
        for index in sorted(roles):
            if index in done or roles[index] not in (_WEAK, _REPORT, _ITEM):
                continue
            low = high = index
            while low > 0 and self._role(doc, low - 1, roles) is not None:
                low -= 1
            while high + 1 < len(doc.lines) and self._role(doc, high + 1, roles) is not None:
                high += 1
            done.update(range(low, high + 1))
            self._claim_certain(doc, low, high, roles)
            if not any(roles[i] == _CERTAIN for i in range(low, high + 1)):
                continue  # weak lines with no certain furniture beside them: the document's own
            for i in range(low, high + 1):
                if roles[i] in (_WEAK, _ITEM):
                    yield Hit(*doc.line_span(i), (Edit(*doc.line_with_newline(i)),))
                elif roles[i] == _REPORT:
                    yield Hit(*doc.line_span(i))

    def _role(self, doc: Document, i: int, roles: dict[int, int | None]) -> int | None:
        """What line `i` is (None: the document's own text, which ends a cluster); a certain match
        over several lines (a vertical run, a breadcrumb one item a line) makes each of them
        certain."""
        if i not in roles:
            start = doc.line_starts[i]
            if not doc.lines[i].strip():
                roles[i] = _BLANK
            elif m := self.certain.match(doc.text, start, timeout=doc.guard_timeout):
                # the lines it takes in are its own, even a weak one (`大` of a font switch broken
                # one item a line): reported and fixed by the certain line's rule
                for j in range(i, doc.line_index(max(m.end() - 1, start)) + 1):
                    roles[j] = _CERTAIN
            else:
                roles[i] = None
        return roles[i]

    def _claim_certain(self, doc: Document, low: int, high: int, roles: dict[int, int | None]) -> None:
        """Make certain the weak lines of the cluster that a certain match takes in: `打印` in a
        vertical run of controls is the run's, reported and fixed by its own rule."""
        i = low
        while i <= high:
            if roles[i] in (_WEAK, _REPORT) and (m := self.certain.match(doc.text, doc.line_starts[i], timeout=doc.guard_timeout)):
                last = doc.line_index(max(m.end() - 1, doc.line_starts[i]))
                for j in range(i, min(last, high) + 1):
                    roles[j] = _CERTAIN
                i = last + 1
            else:
                i += 1

    def _list_items(self, doc: Document, index: int, roles: dict[int, int | None]) -> None:
        """Mark as items the links under the list heading at line `index` when its list runs to
        the end of the text: nothing after the heading but items, blank lines and furniture."""
        roles[index] = _CERTAIN
        items = []
        for i in range(index + 1, len(doc.lines)):
            if self._role(doc, i, roles) is not None:
                continue
            if not self.list_item.match(doc.lines[i], timeout=doc.guard_timeout):
                return
            items.append(i)
        for i in items:
            roles[i] = _ITEM


def compile(options: dict) -> FurnitureCluster:
    return FurnitureCluster(options)
