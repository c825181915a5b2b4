"""Text a PDF reader extracted in reading order: a table's row labels come as one block of lines and its
figures as another, with the column headers in between ("Three Months Ended / December 31, / 2016 2015").

The reader keeps a queue of pending row labels. A line holding a whole row of figures (as many as the header
names periods, all of one kind) takes the next label; headings (all capitals, a trailing colon, a statement
title) are not given figures but become the section of the rows after them. Figures that come one per line
come column by column: they are gathered in blocks and matched to the labels by counting (`pdf_columns`).
A header run starts a new table; a page (form feed) ends what waits on it, but figures at the top of the
next page, before any header or statement title, continue the table under its header, as one table with
the rows the last page gave (`pdf_header` reads a header whose pieces came among the figures); page
numbers, counted with the pages, `$` marks on lines of their own and footnote marks ("(1)" under words or
beside prose) are not figures, and percentage columns beside the value columns are taken out
(`pdf_percent`). A line of prose that ends no sentence goes on in the next line, even one that names a
period ("... fourth quarter and fiscal / year ended September 30, 2025."): no header. A name in capitals
("ACME WIDGETS, INC.") among a table's figure blocks is the next statement's title, not prose: the
figures after it may still be the table's.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import field
from typing import Optional

import regex

from ..engine.numbers import is_year
from ..model import Cell, Document, HeaderCell, Paragraph, Row, Span, Table
from .normalize import collapse_spaces, join_wrapped
from .pdf_columns import align, figure_line, is_mark_line, page_number_lines
from .pdf_header import HeaderPiece, header_columns, header_in_order, stacked_header
from .pdf_model import FigureBlock, LabelLine, row_holds
from .pdf_percent import value_blocks, values_of
from .tokens import WORD, AtEnd, is_period_header, is_range_word
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_TOTAL_OR_NET = kept_regex(r"(?i)^(total|net)\b")
_SENTENCE_END = kept_regex(r"[.!?][\"')]?$")

_TITLE = kept_regex(r"\b(?:statements?|balance\s+sheets?|financial\s+information|selected|unaudited|"
                       r"in\s+(?:thousands|millions|billions))\b", regex.I)
_DAY = kept_regex(r"^\d{1,2},$")
_MONTH = kept_regex(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$")
_FOOTNOTE_MARK = kept_regex(r"^(?:\((\d{1,2})\)|\*{1,3})$")
_CONTINUATION_END = AtEnd(r"\b(?:of|to|for|and|or|the|on|in|from|related|with|by|a|an)$|[,&(-]$", regex.I, 7)


@dataclass
class _Open:
    header: list[HeaderCell] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    caption: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    broken: bool = False      # a line of figures did not fit as a row
    row_lines: list = field(default_factory=list)   # rows taken from lines of figures, in label order
    column_lines: bool = False                      # figures also came one per line
    labels_after_figures: bool = False              # a label line came after its first figure block
    header_between_figures: bool = False            # header pieces came between its figure blocks
    pieces: list[HeaderPiece] = field(default_factory=list)   # the header lines, where they came
    header_line: int = -1                                       # line number of the last of them
    orphans: bool = False     # continued on a new page: figures before its first label there are another's
    continues: Optional[Table] = None   # continued on a new page: the table the last page gave
    emitted: Optional[Table] = None     # the table it gave (or went on), once closed
    counted: tuple = ((), 0)            # (header, its length) when `ncols` was last counted
    counted_ncols: int = 0

    def ncols(self) -> int:
        """The columns the header names (`header_columns`): counted again only when the header has changed,
        not for each line of figures (a header only grows, or is replaced)."""
        if self.counted[0] is not self.header or self.counted[1] != len(self.header):
            self.counted = (self.header, len(self.header))
            self.counted_ncols = header_columns([h.text for h in self.header])
        return self.counted_ncols


def _is_heading(text: str) -> bool:
    t = text.strip()
    return (t.endswith(":") or (t.startswith("(") and t.endswith(")"))
            or _capitals(t) and not _TOTAL_OR_NET.match(t)
            or bool(_TITLE.search(t)) and len(t) < 90)


def _soft_heading(text: str) -> bool:
    """Of headings (`_is_heading`, which the caller has asked), one by its capitals alone: a statement in
    capitals prints rows that carry figures the same way ("OPERATING INCOME"), so counting decides
    (`pdf_bands`)."""
    t = text.strip()
    return _capitals(t) and not t.endswith(":") and not t.startswith("(") and not _TITLE.search(t)


def _capitals(t: str) -> bool:
    return t.isupper()   # every cased letter a capital, and at least one


def _is_label(text: str) -> bool:
    """Short, not a sentence: a row label or heading rather than prose."""
    t = text.strip()
    return 0 < len(t) <= 110 and not _SENTENCE_END.search(t) or t.endswith("etc.")


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield line, pos
        pos += len(line) + 1


def _pages(lines: list[tuple[str, int]]) -> list[int]:
    """The page of each line, counting the form feeds a PDF reader puts between pages."""
    out, page = [], 1
    for raw, _start in lines:
        page += raw.count("\f")
        out.append(page)
    return out


def read_pdf_text(text: str, source: str = "") -> Document:
    blocks: list = []
    pending: list[LabelLine] = []
    section: tuple[str, ...] = ()
    table: _Open | None = None
    prose: list[tuple[str, int, int]] = []
    blank_run = 0
    lines = list(_lines(text))
    pages = _pages(lines)
    collapsed = [collapse_spaces(r) for r, _s in lines]
    page_numbers = page_number_lines(list(zip(collapsed, pages)))
    column_blocks: list[FigureBlock] = []   # figures that came one per line, column by column
    last_figure_line = -2
    last_mark = 0                           # the number of the last footnote mark met ("(3)")

    def flush_prose():
        if prose:
            joined = join_wrapped([t for t, _s, _e in prose], text)
            blocks.append(Paragraph(joined, Span(prose[0][1], prose[-1][2])))
            prose.clear()

    def close_columns():
        if table is not None and column_blocks:
            ncols = table.ncols()
            blocks_ = value_blocks(column_blocks)
            rows, used = align(pending, blocks_, ncols, table.header_between_figures, table.start)
            for r in rows:
                table.rows.append(Row(r.label.text, r.cells, section=r.section, span=r.label.span))
            if rows:
                table.end = max(table.end, blocks_[-1].figures[-1][1].end)
            del pending[:used]
        column_blocks.clear()

    def close_table():
        nonlocal table
        close_columns()
        if table and table.column_lines and table.row_lines:
            # where figures come column by column, a line of several figures is pieces of different rows
            # read across, not a row: the labels it took are not its own
            table.rows = [r for r in table.rows if not any(r is x for x in table.row_lines)]
        in_order = table is not None and header_in_order([h.text for h in table.header])
        if table and table.header_between_figures:
            stacked = stacked_header(table.pieces, table.ncols())
            if stacked:
                table.header, in_order = stacked
        # a header whose pieces the reader scattered gives no column order to trust: the table is dropped
        if table and table.rows and in_order:
            ncols = Counter(len(r.cells) for r in table.rows if r.cells).most_common(1)[0][0]
            before = table.continues
            if before is not None and before.ncols == ncols:
                # the rest of a table a page broke off: one table still (a bridge may span the break)
                before.rows.extend(table.rows)
                before.span = Span(before.span.start, table.end)
                table.emitted = before
            else:
                table.emitted = Table(table.header, ncols, table.rows, table.caption, Span(table.start, table.end))
                blocks.append(table.emitted)
        table = None

    def open_table(start: int) -> _Open:
        # figures at the top of a page, before any header, continue the table the last page broke off
        if carried is not None:
            return _Open(header=carried.header, caption=carried.caption, start=start, orphans=not pending,
                         continues=carried.emitted)
        return _Open(start=start)

    carried: _Open | None = None
    for no, (raw, start) in enumerate(lines):
        if no and pages[no] != pages[no - 1]:
            # a new page: what was waiting on the last one stays there
            flush_prose()
            carried = table if table is not None and table.header else None
            close_table()
            pending.clear()
        line = collapsed[no]
        end = start + len(raw)
        if not line:
            blank_run += 1
            flush_prose()
            continue
        # a line with a word (most lines) is no footnote mark, `$` line, figure line or day: not tried as one
        words = bool(WORD.search(line))
        mark = None if words else _footnote_mark(lines, no, last_mark)
        if mark is not None:
            last_mark = mark or last_mark
            continue   # a footnote's mark is no row's figure
        if no in page_numbers or line.startswith("%"):
            continue   # nor a page number, nor a percentage column's header
        if not words and is_mark_line(line):
            if column_blocks and last_figure_line == no - 1:
                column_blocks[-1].mark_after = True
            continue
        parsed = None if words else figure_line(line)
        figures, trailing = (values_of(parsed[0]), parsed[1]) if parsed else (None, False)
        woven = parsed[0] if figures and len(figures) == 1 < len(parsed[0]) else None   # "64% $ 7,389"
        years = figures and all(is_year(f) for f in figures)
        header_word = (table is not None and table.header and not table.rows and not column_blocks
                       and is_range_word(line))
        if years or header_word or (not figures and is_period_header(line) and not _runs_on(prose, blank_run)) \
                or not words and not figures and _day_piece(line, lines, no):   # ("30," is no figure)
            # a printer may stack each column's header over its first figures ("August 3, / 2024 / $ 487,312"):
            # header pieces between figure blocks, with no label since, go on the same header
            if table is None or table.rows or (column_blocks and table.labels_after_figures):
                close_table()
                carried = None
                table = _Open(start=start, caption=[l.text for l in pending if l.heading][-3:])
            table.header_between_figures |= bool(column_blocks)
            joined = table.header_line >= 0 and not any(lines[k][0].strip() for k in range(table.header_line + 1, no))
            table.header.extend(HeaderCell(t) for t in (figures if years else [line]))
            table.pieces.append(HeaderPiece(line, len(column_blocks), joined))
            table.header_line = no
            table.end = end
        elif figures and table is not None and table.orphans:
            continue  # the figures of labels left on the last page: dropped, never guessed
        elif figures and len(figures) == 1:
            if table is None:
                table = open_table(start)
                if table.orphans:
                    continue
            if not column_blocks or last_figure_line != no - 1:
                column_blocks.append(FigureBlock(first=no))
            # a percentage beside the value goes in too, before it, as printed: it may be the turn of a
            # percentage column woven line by line with this one (`pdf_percent`)
            column_blocks[-1].figures.extend((f, Span(start, end), trailing and f == figures[0])
                                             for f in (woven or figures))
            table.column_lines = True
            column_blocks[-1].last = no
            last_figure_line = no
        elif figures:
            if table is None:
                table = open_table(start)
                if table.orphans:
                    continue
            ncols = table.ncols()
            if table.broken or (ncols and len(figures) != ncols) or not row_holds(figures):
                # not a whole row of this table: the labels no longer line up with the rows, so the
                # table takes no more rows this way
                table.broken = True
                continue
            label = _next_label(pending, len(figures))
            while label is not None and label.heading:
                section = (label.text,)
                label = _next_label(pending, len(figures))
            if label is None:
                continue  # figures with no label left to own them: dropped, never guessed
            cells = [Cell(f, i) for i, f in enumerate(figures)]
            table.rows.append(Row(label.text, cells, section=section, span=label.span))
            table.row_lines.append(table.rows[-1])
            table.end = end
            if label.text.lower().startswith("total"):
                section = ()
        elif prose and blank_run == 0 and not (_SENTENCE_END.search(prose[-1][0]) and _is_heading(line)):
            prose.append((line, start, end))  # a wrapped line of the paragraph above, unless it is a title
        elif _is_label(line) or (column_blocks and len(line) <= 110 and _capitals(line)):
            # a name in capitals ("ACME WIDGETS, INC.") is no sentence: among a table's figure blocks it is
            # the next statement's title, and the figures after it may still be this table's
            flush_prose()
            if table is not None:
                table.orphans = False
            if _TITLE.search(line):
                carried = None   # a statement title: what follows is a table of its own
            if table is not None and column_blocks:
                table.labels_after_figures = True
            if pending and blank_run <= 1 and not pending[-1].heading and (
                    _CONTINUATION_END.search(pending[-1].text) or line[:1].islower()):
                last = pending[-1]
                pending[-1] = LabelLine(f"{last.text} {line}", Span(last.span.start, end), False, last.pos, no)
                if blocks and isinstance(blocks[-1], Paragraph) and blocks[-1].span.start == last.span.start:
                    blocks[-1] = Paragraph(pending[-1].text, pending[-1].span)   # a wrapped line: nothing lost
            else:
                heading = _is_heading(line)
                pending.append(LabelLine(line, Span(start, end), heading, no, soft=heading and _soft_heading(line)))
                if pending[-1].heading or not (table and table.rows):
                    blocks.append(Paragraph(line, Span(start, end)))
        else:
            close_table()
            opening = pending[-1] if pending and blank_run == 0 and pending[-1].last == no - 1 else None
            pending.clear()
            carried = None
            if opening is not None and blocks and isinstance(blocks[-1], Paragraph) \
                    and blocks[-1].span.start == opening.span.start and not opening.heading:
                # the sentence began on lines short enough to pass for labels: it is one paragraph
                blocks.pop()
                prose.append((opening.text, opening.span.start, opening.span.end))
            prose.append((line, start, end))
        blank_run = 0
    flush_prose()
    close_table()
    for i, b in enumerate(blocks):
        b.index = i
    return Document(blocks, text, "pdf", source)


def _runs_on(prose: list[tuple[str, int, int]], blank_run: int) -> bool:
    """A paragraph whose last line ends no sentence goes on in the next line, whatever that line names
    ("... for its fiscal fourth quarter and fiscal / year ended September 30, 2025.")."""
    return bool(prose) and blank_run == 0 and not _SENTENCE_END.search(prose[-1][0])


def _day_piece(line: str, lines: list[tuple[str, int]], no: int) -> bool:
    """"30," under a line "September": a date the printer broke after its month."""
    return bool(_DAY.match(line.strip())) and no > 0 and bool(_MONTH.match(lines[no - 1][0].strip()))


def _footnote_mark(lines: list[tuple[str, int]], no: int, last_mark: int) -> int | None:
    """"(1)" or "*" on a line of its own right under a line of words, beside prose, or between a label and a
    column header: the mark of a footnote (of those words, of the header, or the note itself), not a figure
    (-1) of a column. A column's figures are set apart from words by a blank line or a `$`. Footnotes are
    numbered in order, so "(4)" after the mark "(3)" is one too, unless a figure line touches it. The
    mark's number (0 for "*"); None for anything else."""
    t = lines[no][0].strip()
    m = _FOOTNOTE_MARK.match(t) if t[:1] in ("(", "*") else None   # the pattern on the few lines it may take
    if not m:
        return None
    number = int(m[1]) if m[1] else 0
    above = lines[no - 1][0].strip() if no else ""
    below = lines[no + 1][0].strip() if no + 1 < len(lines) else ""
    if above and figure_line(above) is None and not is_mark_line(above):
        return number
    if number >= 2 and number == last_mark + 1 and not any(figure_line(t) for t in (above, below)):
        return number
    before = next((t.strip() for t, _s in reversed(lines[:no]) if t.strip()), "")
    after = next((t.strip() for t, _s in lines[no + 1:] if t.strip()), "")
    if any(t and not _is_label(t) and figure_line(t) is None for t in (before, after)):
        return number
    if is_period_header(after) and figure_line(before) is None and not is_mark_line(before):
        return number
    return None


def _next_label(pending: list[LabelLine], nfig: int) -> LabelLine | None:
    return pending.pop(0) if pending else None
