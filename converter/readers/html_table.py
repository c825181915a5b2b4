"""Reading one HTML table: from grid cells to value columns, header tokens, rows and sections.

The reader hands over a table as rows of `GridCell`s (visible cells placed on the colspan/rowspan grid). This
module decides what each row is and where each figure belongs:

1. Split cells are merged into pieces (`html_cells.merge_row`).
2. The first *data row* is the first row with a text followed by a figure that is not a bare year
   ("(In millions) | 2023 | 2022" is a header). A table without one is prose (bullet lists, footnotes, guidance
   ranges written in words) and comes back as one text line per row.
3. Value columns are built from the grid columns of the digits cells of data rows: overlapping ranges are one
   column, narrow ranges first so that a figure centred over two columns cannot fuse them. Spacer columns and
   `$`/`)`/`%` cells never hold digits, so they vanish.
4. The label area is the label column (where most data-row labels end) and whatever lies left of the first
   value column. Rows above the first data row with text over value columns are header rows; their cells
   become `HeaderCell`s whose `cols` are the value columns they overlap. Label-only rows there are titles
   (above or between header rows: they go to the caption, with the stub note of a header row such as
   "(In millions, except per share data)") or section headings (after the last header row).
5. Below, a row with figures is a data row; a row with only a label is a section heading; a row with text over
   value columns only is a repeated header.

Sections (`Row.section`) follow one documented rule set, see `_Sections`.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import field
from typing import Optional, Union

import regex

from ..model import Cell, HeaderCell, Row
from .html_cells import EMPTY, FIGURE, PREFIX, SUFFIX, GridCell, Piece, classify, is_bullet, is_year, merge_row
from .html_style import strip_footnote_marks
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass

# A line of a read table, in source order: a title or stub note, a header row, or a body row.
Line = Union[tuple[str, str], tuple[str, list[HeaderCell]], tuple[str, Row]]


@dataclass
class TableLayout:
    """A numeric table as read: `lines` in source order ("title", str) / ("header", [HeaderCell]) / ("row", Row),
    and the number of value columns."""
    ncols: int
    lines: list[Line] = field(default_factory=list)

    @property
    def titles(self) -> list[str]:
        return [payload for kind, payload in self.lines if kind == "title"]


def read_table(grid: list[list[GridCell]]) -> Union[TableLayout, list[str], None]:
    """A `TableLayout` for a table of figures, a list of prose lines (one per non-empty row) for a table without
    figures, or None for a table with no text at all."""
    rows = [merge_row(cells) for cells in grid]
    if not any(rows):
        return None
    first = _first_data_row(rows)
    if first is None:
        return [line for line in (_prose_line(cells) for cells in grid) if line]
    columns = _value_columns(rows[first:])
    return _Reader(columns, _label_end(rows[first:])).read(rows, first)


# ------------------------------------------------------------------------------------------ rows and columns

def _first_data_row(rows: list[list[Piece]]) -> Optional[int]:
    """Index of the first row printing a label then a figure that is not a year; None when there is none."""
    for i, pieces in enumerate(rows):
        figures = _figures_after_label(pieces)
        if figures and any(p.kind == "text" for p in pieces) and not all(is_year(p.text) for p in figures):
            return i
    return None


def _figures_after_label(pieces: list[Piece]) -> list[Piece]:
    """The figures right of the row's first text (all figures when the row has no text): a figure left of the
    label is a footnote number or list mark, not a value."""
    first_text = next((i for i, p in enumerate(pieces) if p.kind == "text"), None)
    tail = pieces if first_text is None else pieces[first_text + 1:]
    return [p for p in tail if p.is_figure]


def _value_columns(rows: list[list[Piece]]) -> "_Columns":
    """Value columns as grid ranges, left to right, from the digits cells of the data rows.

    Ranges are added narrowest first; one that overlaps a single column widens it, one that overlaps two or more
    columns (a figure centred across them) is left out rather than fusing them. `owner` maps each grid column
    already claimed to its value column, so each range costs its own width (colspans are clamped)."""
    spans = set()
    for pieces in rows:
        figures = _figures_after_label(pieces)
        if figures and not (all(is_year(p.text) for p in figures) and not any(p.kind == "text" for p in pieces)):
            spans.update(p.core for p in figures)
    owner: dict[int, int] = {}
    extent: list[list[int]] = []  # per value column: [first grid column, last grid column]
    for start, end in sorted(spans, key=lambda s: (s[1] - s[0], s[0])):
        hits = {owner[c] for c in range(start, end + 1) if c in owner}
        if len(hits) > 1:
            continue
        if hits:
            column = hits.pop()
            extent[column] = [min(extent[column][0], start), max(extent[column][1], end)]
        else:
            column = len(extent)
            extent.append([start, end])
        for c in range(start, end + 1):
            owner.setdefault(c, column)
    merged: list[list[int]] = []
    for first, last in sorted(extent):  # widening may have made two columns touch
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return _Columns([(first, last) for first, last in merged])


class _Columns:
    """The value columns of a table as sorted, disjoint grid ranges, with lookups by bisection."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = ranges
        self.starts = [r[0] for r in ranges]
        self.ends = [r[1] for r in ranges]

    def __len__(self) -> int:
        return len(self.ranges)

    def overlapping(self, start: int, end: int) -> range:
        """Indexes of the columns that share a grid column with [start, end]."""
        return range(bisect_left(self.ends, start), bisect_right(self.starts, end))

    def nearest(self, start: int, end: int) -> int:
        """The column closest to [start, end], which overlaps none."""
        i = bisect_left(self.starts, start)
        candidates = [j for j in (i - 1, i) if 0 <= j < len(self.ranges)]
        return min(candidates, key=lambda j: max(self.starts[j] - end, start - self.ends[j]))

    def best(self, start: int, end: int) -> int:
        """The value column a grid range belongs to: the one it overlaps most (the rightmost on a tie, as
        figures are right-aligned), else the nearest."""
        hits = self.overlapping(start, end)
        if not hits:
            return self.nearest(start, end)
        if len(hits) == 1:   # most cells sit within one column
            return hits[0]
        return max(hits, key=lambda j: (min(end, self.ends[j]) - max(start, self.starts[j]), j))

    def covered(self, start: int, end: int) -> tuple[int, int]:
        """The [first, last] value columns a header cell spans; the nearest one when it spans none."""
        hits = self.overlapping(start, end)
        if hits:
            return hits[0], hits[-1]
        nearest = self.nearest(start, end)
        return nearest, nearest


def _label_end(rows: list[list[Piece]]) -> int:
    """The grid column where the label column ends (exclusive): the most common right edge of data-row labels.
    The mode, not the maximum, so that one long label spanning further does not swallow the header cells."""
    ends: dict[int, int] = {}
    for pieces in rows:
        first_text = next((p for p in pieces if p.kind == "text"), None)
        if first_text is not None and _figures_after_label(pieces):
            ends[first_text.end + 1] = ends.get(first_text.end + 1, 0) + 1
    return max(ends, key=lambda end: (ends[end], -end)) if ends else 1


# -------------------------------------------------------------------------------------------- row reading

class _Reader:
    """Reads the rows of one numeric table against its value columns."""

    def __init__(self, columns: _Columns, label_end: int):
        self.columns = columns
        self.value_start = columns.starts[0]
        self.label_end = min(label_end, self.value_start)
        self.lines: list[Line] = []
        self.sections = _Sections()
        self.seen_header = False
        self.indents: dict[int, float] = {}  # id(Row) -> left indent of its label, for Row.depth

    def read(self, rows: list[list[Piece]], first_data: int) -> TableLayout:
        splits = [self._split(pieces) for pieces in rows]
        last_header = max((i for i in range(first_data) if splits[i][1]), default=-1)
        for i, pieces in enumerate(rows):
            label_part, value_part = splits[i]
            if not pieces:
                self.sections.blank()
            elif i < first_data:
                self._above_data(label_part, value_part, title_zone=i < last_header)
            else:
                self._body(label_part, value_part)
        _set_depths([payload for kind, payload in self.lines if kind == "row"], self.indents)
        return TableLayout(ncols=len(self.columns), lines=self.lines)

    def _split(self, pieces: list[Piece]) -> tuple[list[Piece], list[Piece]]:
        """Pieces in the label area and pieces over the value columns. A piece (a figure by its digits cell)
        belongs to the label area when it starts in the label column or ends before the first value column, so
        "First Quarter Fiscal 2023" or "2022" spanning a value column from the gutter is a header."""
        label, values = [], []
        for p in pieces:
            start, end = p.core if p.is_figure else (p.start, p.end)
            in_label = start < self.label_end or end < self.value_start
            (label if in_label else values).append(p)
        return label, values

    def _above_data(self, label_part: list[Piece], value_part: list[Piece], title_zone: bool) -> None:
        """Rows above the first data row: header rows, titles, or section headings.

        A text-only row is a title when a header row is still to come, or when it runs across the value columns
        before any header ("CONDENSED CONSOLIDATED BALANCE SHEETS" spanning the table); otherwise it is the
        heading of the first rows ("Revenue:")."""
        label = _label(label_part)
        if value_part:
            if label:
                self.lines.append(("title", label))  # a stub note such as "(In millions, except per share data)"
            self._header(value_part)
        elif not label:
            return
        elif title_zone or (not self.seen_header and label_part[-1].end >= self.value_start):
            self.lines.append(("title", label))
        else:
            self._heading(label, label_part)

    def _body(self, label_part: list[Piece], value_part: list[Piece]) -> None:
        """Rows from the first data row on: data rows, headings, repeated headers."""
        label = _label(label_part)
        figures = [p for p in value_part if p.is_figure]
        if figures and not label and all(is_year(p.text) for p in figures) and len(figures) == len(value_part):
            self._header(value_part)  # a repeated "2023 2022" header
        elif figures:
            self._data(label, label_part, value_part)
        elif value_part:
            if label:
                self._heading(label, label_part)
            self._header(value_part)
        else:
            self._heading(label, label_part)

    def _header(self, value_part: list[Piece]) -> None:
        self.seen_header = True
        cells = [HeaderCell(strip_footnote_marks(p.text), self.columns.covered(p.start, p.end)) for p in value_part]
        self.lines.append(("header", cells))

    def _heading(self, label: str, label_part: list[Piece]) -> None:
        self.sections.heading(label)
        row = Row(label=label, cells=[], section=self.sections.current()[:-1])  # the headings enclosing it
        self._remember_indent(row, label_part)
        self.lines.append(("row", row))

    def _data(self, label: str, label_part: list[Piece], value_part: list[Piece]) -> None:
        cells = []
        for p in value_part:
            start, end = p.core if p.is_figure else (p.start, p.end)
            cells.append(Cell(p.text, self.columns.best(start, end)))
        self.sections.before_data(label)
        row = Row(label=label, cells=cells, section=self.sections.current())
        self._remember_indent(row, label_part)
        self.lines.append(("row", row))
        self.sections.data(label)

    def _remember_indent(self, row: Row, label_part: list[Piece]) -> None:
        if label_part:
            self.indents[id(row)] = label_part[0].indent


def _label(pieces: list[Piece]) -> str:
    """The row label: the label-area texts, footnote marks removed."""
    return strip_footnote_marks(" ".join(p.text for p in pieces if p.text))


def _set_depths(rows: list[Row], indents: dict[int, float]) -> None:
    """`depth` = rank of the label's left indent among the distinct indents of the table (3 pt tolerance)."""
    levels: list[float] = []
    for value in sorted(set(indents.values())):
        if not levels or value - levels[-1] > 3.0:
            levels.append(value)
    for row in rows:
        indent = indents.get(id(row))
        if indent is not None and levels:
            row.depth = max(i for i, level in enumerate(levels) if level <= indent + 3.0)


_CLOSING = ("total", "net cash")
_ACTIVITIES = kept_regex(r"^cash\s+flows?\b|activities\s*:?\s*$", regex.I)
_OUTSIDE_SECTION = kept_regex(r"net\s+cash\b|net\s+(?:increase|decrease|change)\s+(?:\(\w+\)\s+)?in\s+cash", regex.I)


def _is_group_title(heading: str) -> bool:
    return heading.endswith(":") or heading.isupper()


class _Sections:
    """Which headings enclose the current row.

    - A heading row (a label with no figures) opens a section. It nests under the open heading when that heading
      has no rows of its own yet and reads as a group title (ends with ":" or is upper case: "ASSETS" then
      "Current assets:"); otherwise it replaces it ("Net income:" after the rows of "Operating income:", or
      "Shareholders' equity:" after "Commitments and contingencies").
    - A row whose label starts with "Total" or "Net cash" belongs to the open section and then closes it.
    - A statement subtotal ("Net cash provided by operating activities", "Net increase in cash") that follows
      the rows of a breakdown heading ("Changes in operating assets and liabilities:", not "Cash flows from
      operating activities:") closes that heading first: it totals the outer section, not the breakdown.
    - A blank row closes the innermost section once that section has rows (a blank right under a heading, as in
      "ASSETS" / blank / "Current assets:", does not).
    """

    def __init__(self):
        self.stack: list[list] = []  # [heading, number of rows directly under it]

    def current(self) -> tuple[str, ...]:
        return tuple(heading for heading, _ in self.stack)

    def heading(self, label: str) -> None:
        if self.stack and (self.stack[-1][1] > 0 or not _is_group_title(self.stack[-1][0])):
            self.stack.pop()
        self.stack.append([label, 0])

    def before_data(self, label: str) -> None:
        if self.stack and self.stack[-1][1] > 0 and _OUTSIDE_SECTION.match(label) \
                and not _ACTIVITIES.search(self.stack[-1][0]):
            self.stack.pop()

    def data(self, label: str) -> None:
        if not self.stack:
            return
        self.stack[-1][1] += 1
        if label.lower().startswith(_CLOSING):
            self.stack.pop()

    def blank(self) -> None:
        if self.stack and self.stack[-1][1] > 0:
            self.stack.pop()


# ------------------------------------------------------------------------------------------------ prose

def _prose_line(cells: list[GridCell]) -> str:
    """One row of a table without figures as a line of prose, read across as a person reads it: bullet glyph
    cells dropped, `$`/`(` glued to what follows and `)`/`%` to what precedes, other cells joined by a space
    ("Total revenue $4.75 billion to $4.78 billion"). A space rather than " | " so that phrase rules written
    for sentences ("revenue ... $X to $Y") read these rows too."""
    out = ""
    glue = ""
    for cell in cells:
        text = cell.text
        kind = classify(text)
        if kind == EMPTY or (is_bullet(text) and kind != FIGURE):
            continue
        out = text if not out else out + ("" if kind == SUFFIX else glue) + text
        glue = "" if kind == PREFIX else " "
    return out
