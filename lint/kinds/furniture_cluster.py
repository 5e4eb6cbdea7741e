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
  runs to the end of the document, nothing but items and furniture after it.

A cluster is a run of consecutive lines, each blank, certain, weak or report, holding at least
one certain line. Its weak lines are deleted (whole lines, one fix a line, so that the certain
lines beside them, fixed by their own rules in the same pass, do not hold them back), its report
lines reported. A weak line with no certain furniture beside it is the document's own text.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.engine.document import Document
from lint.kinds.base import REGEX, Hit, Option
from lint.model import Edit

OPTIONS = {
    "certain": Option(REGEX, required=True),
    "weak": Option(REGEX, required=True),
    "report": Option(REGEX),
    "list-heading": Option(REGEX),
    "list-item": Option(REGEX),
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
        # no cluster without a certain line: the prefilter skips a text without one
        self.triggers = (self.certain,)

    def find(self, doc: Document) -> Iterator[Hit]:
        lines = doc.lines
        roles: dict[int, int | None] = {}
        for m in self.certain.finditer(doc.text, timeout=doc.timeout):
            if m.end() == m.start():
                continue
            for i in range(doc.line_index(m.start()), doc.line_index(m.end() - 1) + 1):
                roles[i] = _CERTAIN
        if not roles:
            return
        certain_lines = sorted(roles)
        self._list_items(doc, certain_lines, roles)
        done: set[int] = set()
        for index in certain_lines:
            if index in done:
                continue
            low = high = index
            while low > 0 and self._role(doc, low - 1, roles) is not None:
                low -= 1
            while high + 1 < len(lines) and self._role(doc, high + 1, roles) is not None:
                high += 1
            for i in range(low, high + 1):
                done.add(i)
                role = roles[i]
                if role in (_WEAK, _ITEM):
                    start, end = doc.line_span(i)
                    yield Hit(start, end, (Edit(*doc.line_with_newline(i)),))
                elif role == _REPORT:
                    yield Hit(*doc.line_span(i))

    def _role(self, doc: Document, i: int, roles: dict[int, int | None]) -> int | None:
        if i not in roles:
            line = doc.lines[i]
            timeout = doc.guard_timeout
            if not line.strip():
                roles[i] = _BLANK
            elif self.weak.match(line, timeout=timeout):
                roles[i] = _WEAK
            elif self.report is not None and self.report.match(line, timeout=timeout):
                roles[i] = _REPORT
            else:
                roles[i] = None
        return roles[i]

    def _list_items(self, doc: Document, certain_lines: list[int], roles: dict[int, int | None]) -> None:
        """Mark as items the links under a list heading whose list runs to the end of the text."""
        if self.list_heading is None or self.list_item is None:
            return
        lines = doc.lines
        for index in reversed(certain_lines):
            if not self.list_heading.match(lines[index], timeout=doc.guard_timeout):
                continue
            items = []
            for i in range(index + 1, len(lines)):
                if self._role(doc, i, roles) is not None:
                    continue
                if not self.list_item.match(lines[i], timeout=doc.guard_timeout):
                    break
                items.append(i)
            else:
                for i in items:
                    roles[i] = _ITEM
            return  # only the last heading of the text can head a list that runs to its end


def compile(options: dict) -> FurnitureCluster:
    return FurnitureCluster(options)
