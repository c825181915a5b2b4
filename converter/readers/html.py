"""HTML reader: an EDGAR exhibit (Workiva, Donnelley, hand-made HTML) to a `Document` of paragraphs and tables.

    read_html(text, source="") -> Document(layout="html")

How it reads:

- The EDGAR SGML wrapper (`<DOCUMENT><TYPE>EX-99.1 ... <TEXT> ... </TEXT>`) is cut away first (edgar.py);
  in a full submission the first EX-99 document is taken.
- lxml's HTML parser (libxml2) reads the markup: it knows HTML's entities only, never touches the network, and
  `huge_tree` lets 2 MB single-line Workiva files through. Its events go straight to a parser target
  (`_Walker`): no tree, no recursion, one pass linear in the size of the file, and no depth limit to lose the
  end of a file full of unclosed <font>s. Comments and processing instructions are ignored.
- Hidden elements (`display:none`), `<head>`, scripts and footnote-mark superscripts are skipped; every block
  element (`<p>`, `<div>`, ...) ends a paragraph; whitespace, `&nbsp;` and `<br>` collapse to one space, and a
  leading list glyph ("•") is dropped.
- A table is read when it closes (`html_table.read_table`). A table holding other tables, or with a single
  non-empty cell, or a single column, is layout: its cells are read as prose and its inner tables as tables.
  A table without figures becomes one paragraph per row.
- `Document.text` is rebuilt from the blocks: each paragraph is one line, each table row one line with ` | `
  between label and cells, so every `Span` (paragraph, table, row, cell) slices `Document.text` exactly.
- A table's caption is up to three short paragraphs right above it (company, statement title, scale note; page
  numbers skipped, and stopping at longer prose, a footnote, another table or a paragraph made from a table) plus
  the titles and stub notes printed inside the table above its header.
"""
from __future__ import annotations

from dataclasses import field
from typing import Optional, Union

import lxml.html
from lxml import etree

from ..model import Document, HeaderCell, Paragraph, Row, Span, Table
from .edgar import exhibit_text
from .html_cells import GridCell, strip_list_mark
from .html_style import (BLOCK_TAGS, SKIP_TAGS, is_footnote_mark, is_hidden, is_raised, left_indent,
                          normalize_space)
from .html_table import TableLayout, read_table
from .normalize import fix_mojibake
from ..rulebook.regex_code import kept_re
from ..dataclass_code import dataclass

LAYOUT = "html"
CAPTION_LINES = 3       # paragraphs above a table that may be its title lines
CAPTION_MAX_CHARS = 150  # longer paragraphs are prose, not titles
MAX_SPAN = 100           # colspan/rowspan beyond this is malformed; clamp rather than trust it

_INLINE_TAGS = frozenset({"sup", "font", "span", "a", "b", "i", "u", "em", "strong", "small", "big", "sub"})


def read_html(text: str, source: str = "") -> Document:
    """Read an HTML earnings release (optionally inside its EDGAR SGML wrapper) into a Document."""
    return _assemble(_parse(fix_mojibake(exhibit_text(text))), source)


def _parse(html: str) -> list[_Item]:
    """Parse `html` with lxml's HTML parser, feeding its events straight to a `_Walker`.

    A parser target instead of a tree: no tree is built, and libxml2's depth limit for trees (2048, reached by
    a long run of unclosed <font>s, after which the rest of a file would be silently lost) does not apply."""
    if not html.strip():
        return []
    walker = _Walker()
    parser = lxml.html.HTMLParser(target=walker, encoding="utf-8", no_network=True, huge_tree=True, recover=True,
                                  default_doctype=False)
    try:
        return etree.fromstring(html.encode("utf-8", "replace"), parser)
    except etree.XMLSyntaxError:  # nothing parseable at all
        return walker.close()


# ------------------------------------------------------------------------------------------------- the walk

@dataclass
class _Prose:
    text: str
    from_table: bool = False  # a row of a figure-less table: not a title line for the next table


@dataclass
class _TableItem:
    layout: TableLayout


_Item = Union[_Prose, _TableItem]


@dataclass(slots=True)
class _Frame:
    """Collects what one container yields: the document body, or one table cell."""
    items: list[_Item] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    colspan: int = 1
    rowspan: int = 1
    indent: float = 0.0  # left indent before the cell's first text, for Row.depth
    page_break: bool = False  # a page break since the last paragraph
    started: bool = False  # the current paragraph has visible text

    def add(self, text: Optional[str]) -> None:
        if text:
            self.buffer.append(text)
            if not self.started and not text.isspace():
                self.started = True

    def flush(self) -> None:
        """End the current paragraph. A paragraph that starts in lower case right after a page break continues
        the sentence the previous page left open (old Donnelley files close the <p> at each page break)."""
        if not self.started:   # nothing but the whitespace between tags: most flushes
            self.buffer.clear()
            return
        text = strip_list_mark(normalize_space("".join(self.buffer)))
        self.buffer.clear()
        self.started = False
        if not text:
            return
        continued = self._continued_paragraph() if self.page_break and text[0].islower() else None
        if continued is not None:
            continued.text += " " + text
        else:
            self.items.append(_Prose(text))
        self.page_break = False

    def _continued_paragraph(self) -> Optional[_Prose]:
        """The open-ended paragraph before a page break, looking past one page-number line."""
        for item in reversed(self.items[-2:]):
            if not isinstance(item, _Prose) or item.from_table:
                return None
            if _is_page_number(item.text):
                continue
            return None if item.text[-1] in ".!?:;”\"" else item
        return None

    def has_text(self) -> bool:
        return bool(self.items) or self.has_text_in_block()

    def has_text_in_block(self) -> bool:
        """Whether the current paragraph has started."""
        return self.started


@dataclass
class _TableContext:
    rows: list[list[_Frame]] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    nested: bool = False  # holds another table: a layout table


class _Walker:
    """The lxml parser target: receives start tags, text and end tags in document order. Each start tag pushes
    the action taken, so its end tag undoes exactly that; a skipped element (hidden, <head>, <script>) mutes
    everything until it closes."""

    def __init__(self):
        self.frames: list[_Frame] = [_Frame()]
        self.tables: list[_TableContext] = []
        self.actions: list[str] = []
        self.muted = 0  # depth inside a skipped element
        self.done: Optional[list[_Item]] = None

    # -- the parser-target protocol

    def start(self, tag, attrib) -> None:
        if self.muted:
            self.muted += 1
            return
        action = self._start(tag, attrib)
        if action == "skip":
            self.muted = 1
        else:
            self.actions.append(action)

    def end(self, tag) -> None:
        if self.muted:
            self.muted -= 1
        elif self.actions:
            action = self.actions.pop()
            if action != "inline":   # most elements are inline (<span>, <font>, <b>): nothing to undo
                self._end(action)

    def data(self, text: str) -> None:
        if not self.muted:
            self.frames[-1].add(text)

    def close(self) -> list[_Item]:
        if self.done is None:
            self.muted = 0
            while self.actions:  # libxml2 closes what it opened, but never trust malformed input
                self._end(self.actions.pop())
            self.frames[0].flush()
            self.done = self.frames[0].items
        return self.done

    # -- actions

    def _start(self, tag, attrib) -> str:
        style = attrib.get("style") if attrib else None  # an empty attribute mapping is slow to query
        if not isinstance(tag, str) or tag in SKIP_TAGS or (attrib and is_hidden(attrib, style)):
            return "skip"
        frame = self.frames[-1]
        if tag == "table":
            frame.flush()
            if self.tables:
                self.tables[-1].nested = True
            self.tables.append(_TableContext())
            return "table"
        if self.tables and tag == "tr":
            self.tables[-1].rows.append([])
            return "block"
        if self.tables and tag in ("td", "th"):
            return self._start_cell(attrib, style)
        if tag in BLOCK_TAGS or (tag == "caption" and self.tables):
            frame.flush()
            if tag == "hr" or (style and "page-break" in style.lower()):
                frame.page_break = True
            if len(self.frames) > 1 and not frame.has_text():
                frame.indent += left_indent(style)
            if tag == "caption" and self.tables:
                self.frames.append(_Frame())
                return "caption"
            return "block"
        if tag == "br":
            frame.add(" ")
        elif tag in _INLINE_TAGS and is_raised(tag, style):
            self.frames.append(_Frame(indent=frame.indent))
            return "raised"
        return "inline"

    def _start_cell(self, attrib, style: Optional[str]) -> str:
        self.frames[-1].flush()
        colspan = _span(attrib.get("colspan")) if attrib else 1
        rowspan = _span(attrib.get("rowspan")) if attrib else 1
        cell = _Frame(colspan=colspan, rowspan=rowspan, indent=left_indent(style))
        table = self.tables[-1]
        if not table.rows:
            table.rows.append([])
        table.rows[-1].append(cell)
        self.frames.append(cell)
        return "cell"

    def _end(self, action: str) -> None:
        if action == "cell":
            self.frames.pop().flush()
        elif action == "caption":
            caption = self.frames.pop()
            caption.flush()
            self.tables[-1].captions.extend(p.text for p in caption.items if isinstance(p, _Prose))
        elif action == "table":
            self.frames[-1].flush()
            self.frames[-1].items.extend(_table_items(self.tables.pop()))
        elif action == "raised":
            self._end_raised(self.frames.pop())
        elif action == "block":
            self.frames[-1].flush()

    def _end_raised(self, raised: _Frame) -> None:
        """A superscript that is a footnote mark is dropped where it refers to a footnote; at the start of a
        block it labels the footnote itself ("(1) Includes ...") and is kept, as is any other superscript."""
        text = "".join([p.text for p in raised.items if isinstance(p, _Prose)] + raised.buffer)
        frame = self.frames[-1]
        if is_footnote_mark(text) and frame.has_text_in_block():
            return
        frame.add(text if not raised.items else " " + text + " ")


def _span(value: Optional[str]) -> int:
    """A colspan/rowspan attribute as a sane positive integer."""
    try:
        return min(max(int(value), 1), MAX_SPAN) if value else 1
    except ValueError:
        return 1


def _table_items(table: _TableContext) -> list[_Item]:
    """What a closed table contributes to its container: a read table, prose lines, or (for a layout table)
    the contents of its cells in reading order."""
    cells = [cell for row in table.rows for cell in row]
    filled = [cell for cell in cells if cell.items]
    if table.nested or len(filled) <= 1 or all(len(row) <= 1 for row in table.rows):
        items: list[_Item] = [_Prose(text) for text in table.captions]
        for cell in cells:
            items.extend(cell.items)
        return items
    result = read_table(_grid(table.rows))
    if result is None:
        return [_Prose(text) for text in table.captions]
    if isinstance(result, list):
        return [_Prose(text, from_table=True) for text in table.captions + result]
    result.lines[:0] = [("title", text) for text in table.captions]
    return [_TableItem(result)]


def _grid(rows: list[list[_Frame]]) -> list[list[GridCell]]:
    """Place visible cells on the table grid, honouring colspan and rowspan (a cell spanning rows occupies its
    columns in the rows below, where it prints nothing)."""
    grid: list[list[GridCell]] = []
    pending: dict[int, int] = {}  # grid column -> rows it stays occupied by a rowspan above
    for row in rows:
        cells = []
        col = 0
        for frame in row:
            while pending.get(col, 0) > 0:
                col += 1
            items = frame.items   # most cells of a Workiva table are empty spacers: no join for them
            text = " ".join([p.text for p in items if isinstance(p, _Prose)]) if items else ""
            cells.append(GridCell(text, col, col + frame.colspan - 1, frame.indent))
            if frame.rowspan > 1:
                for c in range(col, col + frame.colspan):
                    pending[c] = max(pending.get(c, 0), frame.rowspan)
            col += frame.colspan
        pending = {c: n - 1 for c, n in pending.items() if n > 1}
        if cells:  # a row whose cells are all hidden (Workiva page-break rows) is no row, not a blank one
            grid.append(cells)
    return grid


# ---------------------------------------------------------------------------------------------- assembling

class _TextBuilder:
    """Builds `Document.text` line by line and hands out spans into it."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0

    def line(self, text: str) -> Span:
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return Span(start, self.length)

    def text(self) -> str:
        return "".join(self.parts)


def _assemble(items: list[_Item], source: str) -> Document:
    """Blocks with indexes and spans, the text they point into, and table captions."""
    out = _TextBuilder()
    blocks: list[Union[Paragraph, Table]] = []
    from_table: list[bool] = []
    for item in items:
        if isinstance(item, _Prose):
            blocks.append(Paragraph(item.text, out.line(item.text), index=len(blocks)))
            from_table.append(item.from_table)
        else:
            caption = _caption_above(blocks, from_table) + item.layout.titles
            blocks.append(_render_table(item.layout, caption, out, index=len(blocks)))
            from_table.append(True)
    return Document(blocks=blocks, text=out.text(), layout=LAYOUT, source=source)


def _caption_above(blocks: list, from_table: list[bool]) -> list[str]:
    """Title lines right above a table: up to CAPTION_LINES short paragraphs, page numbers skipped. Longer prose,
    a footnote or a line from a figure-less table ends the search, except that a line ending in ":" right above
    the table introduces it and is kept."""
    lines: list[str] = []
    for block in reversed(blocks[-(CAPTION_LINES + 3):]):  # room for a page number or two
        if not isinstance(block, Paragraph):
            break
        if from_table[block.index] or _FOOTNOTE_START.match(block.text) or len(block.text) > CAPTION_MAX_CHARS:
            if not lines and block.text.endswith(":") and len(block.text) <= 2 * CAPTION_MAX_CHARS:
                lines.append(block.text)  # "(3) Stock-based compensation was included in the following ...:"
            break
        if _is_page_number(block.text):
            continue
        lines.insert(0, block.text)
        if len(lines) == CAPTION_LINES:
            break
    return lines


# A footnote of the table above ("(*) Includes deal costs", "(1) We compare ..."), not a title of the next one.
_FOOTNOTE_START = kept_re(r"^(?:\((?:\d{1,2}|[a-z]|\*{1,3})\)|\*{1,3}|[†‡§])\s")


def _is_page_number(text: str) -> bool:
    """A page footer such as "7", "- 7 -" or "Page 7"."""
    core = text.lower().replace("page", "").strip(" -–—")
    return core.isdigit() and len(core) <= 3


def _render_table(layout: TableLayout, caption: list[str], out: _TextBuilder, index: int) -> Table:
    """The Table block, writing its titles, header rows and rows as lines of `Document.text`."""
    header: list[HeaderCell] = []
    rows: list[Row] = []
    first = None
    last = None
    for kind, payload in layout.lines:
        if kind == "title":
            span = out.line(payload)
        elif kind == "header":
            header.extend(payload)
            span = out.line(" | ".join(h.text for h in payload))
        else:
            span = _render_row(payload, out)
            rows.append(payload)
        first = span if first is None else first
        last = span
    table_span = Span(first.start, last.end) if first else None
    return Table(header=header, ncols=layout.ncols, rows=rows, caption=caption, span=table_span, index=index)


def _render_row(row: Row, out: _TextBuilder) -> Span:
    """Write "label | cell | cell" and set the spans of the row and of each cell."""
    texts = ([row.label] if row.label else []) + [cell.text for cell in row.cells]
    span = out.line(" | ".join(texts))
    offset = span.start + (len(row.label) + 3 if row.label else 0)
    for i, cell in enumerate(row.cells):
        cell.span = Span(offset, offset + len(cell.text))
        offset += len(cell.text) + 3
    row.span = span
    return span
