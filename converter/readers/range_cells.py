"""Outlook tables that print both ends of a range in one cell ("$190.0 - $193.0" under "First Quarter 2025").

Such a column is two columns, its low end and its high end, as an outlook table with "Low" and "High" columns
prints them; the engine then reads them the same way, as a forecast's minimum and maximum. A column is split
only where every figure in it is a range and one of them is no percentage: a column of single figures with a
range here and there is no outlook's, and a span of years ("2024 - 2025") is no range of figures.
"""
from __future__ import annotations

from dataclasses import replace
from ..model import Cell, Document, HeaderCell, Table
from ..rulebook.regex_code import kept_regex

_END = r"(?:\(\s*\$?\s?\d[\d,]*(?:\.\d+)?\s*\)|\$?\s?\(?\d[\d,]*(?:\.\d+)?\)?)"
_RANGE = kept_regex(rf"^(?P<a>{_END})\s*(?P<pa>%?)\s*(?:-|–|—|to)\s*(?P<b>{_END})\s*(?P<pb>%?)$")
_YEAR = kept_regex(r"^(?:19|20)\d\d$")
_NIL = ("", "-", "–", "—", "n/a", "N/A", "NA")


def with_range_columns(doc: Document) -> Document:
    """The document with each range column of its tables split into a low and a high column."""
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Table):
            split = split_ranges(block)
            if split is not block:
                doc.blocks[i] = split
    return doc


def _dashed(text: str) -> bool:
    """A dash or "to" in the cell: what any range prints between its ends."""
    return "-" in text or "–" in text or "—" in text or " to " in text


def is_range(text: str) -> bool:
    """A cell that prints both ends of a range ("$190.0 - $193.0", "$(0.20) - $(0.15)", "15% - 17%")."""
    return _range(text) is not None


def _range(text: str):
    m = _RANGE.match(text.strip())
    if m is None or (m["pa"] and not m["pb"]) or (_YEAR.match(m["a"]) and _YEAR.match(m["b"])):
        return None   # "2024 - 2025" is a span of years
    return m


def split_ranges(table: Table) -> Table:
    """`table` with its range columns split, or `table` itself when it has none."""
    if not any(_dashed(c.text) for row in table.rows for c in row.cells):
        return table   # most tables print no range: one look at each cell for a dash or "to"
    by_col: dict[int, list[str]] = {}
    for row in table.rows:
        for c in row.cells:
            by_col.setdefault(c.col, []).append(c.text.strip())
    ranged = set()
    for col, texts in by_col.items():
        figures = [t for t in texts if t not in _NIL]
        matches = [_range(t) for t in figures]
        if figures and all(matches) and any(not m["pb"] for m in matches):
            ranged.add(col)
    if not ranged:
        return table
    if any(h.cols is None for h in table.header) and len(ranged) < table.ncols:
        return table   # tokens spread over the columns: which of them a Low and a High would join is unknown
    first: dict[int, int] = {}
    at = 0
    for col in range(table.ncols):
        first[col] = at
        at += 2 if col in ranged else 1
    last = {col: first[col] + (1 if col in ranged else 0) for col in range(table.ncols)}
    header = [replace(h, cols=(first[h.cols[0]], last[h.cols[1]])) if h.cols is not None else h for h in table.header]
    for col in sorted(ranged):
        ends = (first[col], last[col]) if all(h.cols is not None for h in table.header) else (None, None)
        header += [HeaderCell("Low", (ends[0], ends[0]) if ends[0] is not None else None),
                   HeaderCell("High", (ends[1], ends[1]) if ends[1] is not None else None)]
    rows = [replace(row, cells=[piece for c in row.cells for piece in _cells(c, col_at=first, ranged=ranged)])
            for row in table.rows]
    return replace(table, header=header, ncols=at, rows=rows,
                   contested=tuple(k for c in table.contested for k in range(first[c], last[c] + 1)))


def _cells(cell: Cell, col_at: dict[int, int], ranged: set[int]) -> list[Cell]:
    if cell.col not in ranged:
        return [replace(cell, col=col_at[cell.col])]
    m = _range(cell.text.strip())
    if m is None:
        return []   # a dash: neither end printed
    # both ends point at the cell that printed the range
    return [Cell(m["a"] + m["pb"], col_at[cell.col], cell.span), Cell(m["b"] + m["pb"], col_at[cell.col] + 1, cell.span)]
