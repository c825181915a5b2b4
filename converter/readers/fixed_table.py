"""The table of one segment of fixed-width text: its value columns and header (fixed_columns.py,
fixed_header.py), then each line of its body read in turn as a row of figures, the rest of a wrapped label, or
a heading that opens a section for the rows indented under it."""
from __future__ import annotations

from typing import Optional

from ..model import Cell, Row, Span, Table
from .normalize import collapse_spaces
from .fixed_columns import columns as _columns, ordinal_columns as _ordinal_columns, place as _place
from .fixed_header import header as _header
from .fixed_lines import Line
from .fixed_segments import Segment, carries_on, wrapped_below

_CLOSING = ("total", "net cash")


def build(seg: Segment, lines: list[Line], sections: "Sections", columns: Optional[list] = None,
           above: Optional[Row] = None) -> Optional[Table]:
    """The table of a segment; `sections` is the state of its headings, which the rows leave as the table
    ends (a continuation on the next page takes it on); `columns`, when given, receives its columns; `above`,
    the last row before the page turned, under whose headings figures first on the page with no label stand
    (the total of the parts above it)."""
    body = lines[seg.head_end:seg.last + 1]
    rows = [ln for ln in body if ln.kind == "row"]
    cols, col_of = _columns(rows)
    if not cols:
        return None
    cols, col_of = _ordinal_columns(rows, cols, col_of, lines[seg.first:seg.head_end])
    if columns is not None:
        columns.extend(cols)
    zone = min(c.left for c in cols) - 1
    margin = min(ln.indent for ln in rows)
    contested: list[int] = []
    header, caption = _header(lines[seg.first:seg.head_end], cols, zone, margin, contested)
    caption = [collapse_spaces(c.raw) for c in seg.caption_lines] + caption
    out: list[Row] = []
    pending: Optional[tuple[str, Span, int]] = None   # a label line waiting for its figures
    unplaced: list[str] = []
    last_row: Optional[Row] = None
    for i, ln in enumerate(body):
        if ln.kind == "blank":
            if pending:
                _heading(pending, sections, out)
                pending = None
            continue
        if ln.kind != "row":
            text = ln.label
            if last_row is not None and pending is None and wrapped_below(last_row.label, text):
                last_row.label = joined(last_row.label, text)
                continue
            after = body[i + 1].label if i + 1 < len(body) and body[i + 1].kind == "text" else ""
            if pending and carries_on(pending[0], text, after):
                pending = (joined(pending[0], text), Span(pending[1].start, ln.span.end), pending[2])
                continue
            if pending:
                _heading(pending, sections, out)
            pending = (text, ln.span, ln.indent)
            last_row = None
            continue
        label_toks = list(ln.label_toks)
        cells: list[Cell] = []
        bad = False
        for t in ln.tail:
            if t.end <= zone:            # a footnote mark "(1)" printed after the label
                label_toks.append(t)
                continue
            c = _place(t, cols, col_of)
            if c is None or any(x.col == c for x in cells):
                bad = True
                break
            cells.append(Cell(t.text, c, Span(ln.at(t.start), ln.at(t.end))))
        label = collapse_spaces(" ".join(t.text for t in label_toks))
        indent = ln.indent
        span = ln.span
        if pending is not None:
            ptext, pspan, pind = pending
            if not label or carries_on(ptext, label):
                label = collapse_spaces(joined(ptext, label))
                span, indent = Span(pspan.start, span.end), pind
            else:
                _heading(pending, sections, out)
            pending = None
        if bad:
            unplaced.append(collapse_spaces(ln.raw))   # said by `explain --coverage`, never read
        if bad or not cells:
            last_row = None
            continue
        if not label:
            # figures printed without a label under rows of their own (the total of "Inventories:" parts): kept
            # with the rows' headings, for the engine to name by its arithmetic (engine/unlabelled.py)
            under = last_row if last_row is not None or out else above
            if under is not None:
                out.append(Row("", cells, section=under.section, span=span, depth=under.depth))
            last_row = None
            continue
        section = sections.row(indent, label)
        row = Row(label, cells, section=section, span=span, depth=len(section))
        out.append(row)
        last_row = row
    if not any(r.cells for r in out):
        return None
    start = lines[seg.first].offset
    end = lines[seg.last].span.end
    return Table(header, len(cols), out, caption, Span(start, end), unplaced=unplaced, contested=tuple(contested))


def joined(above: str, below: str) -> str:
    """A label wrapped over two lines, read as one: a word the line broke at its hyphen ("non-" /
    "controlling interest") goes on without a space."""
    if not below:
        return above
    if len(above) > 1 and above.endswith("-") and above[-2].isalpha() and below[:1].isalpha():
        return above + below
    return f"{above} {below}"


def _heading(pending: tuple[str, Span, int], sections: "Sections", out: list[Row]) -> None:
    text, span, indent = pending
    section = sections.heading(indent, text)
    out.append(Row(text, [], section=section, span=span, depth=len(section)))


class Sections:
    """Headings open sections for the rows indented under them. A heading at the same indent or to the left
    closes the ones it passes; a row indented deeper than the rows before it (a total, "      Total current
    assets") belongs to the outer section and closes the inner one."""

    def __init__(self):
        self.stack: list[list] = []   # [heading, indent, indent of its rows or None]

    def heading(self, indent: int, text: str) -> tuple[str, ...]:
        while self.stack and self.stack[-1][1] >= indent:
            self.stack.pop()
        outer = tuple(h for h, _i, _r in self.stack)
        self.stack.append([text, indent, None])
        return outer

    def row(self, indent: int, label: str) -> tuple[str, ...]:
        # a heading stays open for rows at its own indent only where its rows are not indented (a flat layout)
        while self.stack and (self.stack[-1][1] > indent or (
                self.stack[-1][1] == indent and self.stack[-1][2] is not None and self.stack[-1][2] > indent)):
            self.stack.pop()
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top[2] is None:
            top[2] = indent
        elif indent > top[2] + 1 or label.lower().startswith(_CLOSING):
            section = (self.stack[0][0],) if indent > top[2] + 1 and len(self.stack) > 1 else \
                tuple(h for h, _i, _r in self.stack)
            self.stack.pop()
            return section
        return tuple(h for h, _i, _r in self.stack)
