"""A tagged PDF's table structure, as evidence for the rows that positions alone must guess.

A tagged PDF (Chromium, Microsoft Word, LibreOffice with tagging on) carries a structure tree: Table →
(THead/TBody/TFoot) → TR → TH/TD, whose leaves name the marked content (MCIDs) of the page that prints
them, so each glyph of the text layer is known to lie in one cell of one row. A row whose cells each lie
on one line, but not all on the same (a producer that centres cells in a row set a one-line label a few
points under its figures, as LibreOffice does where a page break cuts a wrapped label), is made one line:
by positions, the figures stood on a line with no label and the label on a line with no figures.

Only that. Laying out rows whose labels wrap inside their cell (every cell's lines ending on the row's last
line, as a browser prints a row aligned to the bottom) reads more rows of some LibreOffice prints and loses
whole tables of others: the fixed-width reader measures where labels start over the whole text, and moving
the labels' lines moves that.

The tree is evidence only where it is consistent: a marked content two elements name is in no cell; a
word whose glyphs lie in two cells leaves the page as positions gave it; a line whose words run against
their table's cells' order, or hold two of its rows, leaves the table so. A row is left as it is where one
of its lines holds anything but its words (a caption drawn between them, another row, a nested table), a
cell lies on two lines, or no cell holds a figure (a header, a table of prose). Structure types are read as
written: a producer's own names, mapped to TR or TD only through the document's role map, are not followed.
"""
from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, Optional

from ..rulebook.regex_code import kept_re

if TYPE_CHECKING:
    from .pdf_file import _Word

CONFLICT = (-1, -1, -1)    # a word whose glyphs the tree puts in two cells (or partly in none)
_ROW_GROUPS = {"THead", "TBody", "TFoot"}
_CELLS = {"TD", "TH"}
_MAX_DEPTH = 64            # a tree deeper than this is no document's: not read
_DIGIT = kept_re(r"\d")

Cell = tuple[int, int, int]   # (table, row, cell) on the page, in the tree's order


_TYPE_BUFFER = 64   # bytes: a structure type's name in UTF-16 ("TD", "Table", "NonStruct") and its end


def _type(raw, el, buf) -> str:
    n = raw.FPDF_StructElement_GetType(el, buf, _TYPE_BUFFER)
    if n <= 2 or n > _TYPE_BUFFER:
        return ""   # none, or a name no table's part has
    return buf.raw[:n - 2].decode("utf-16-le", "replace")


class _Walk:
    """One pass over a page's tree: how many elements name each marked content, and the cell it lies in."""

    def __init__(self, raw):
        self.raw = raw
        self.buf = ctypes.create_string_buffer(_TYPE_BUFFER)
        self.claims: dict[int, int] = {}              # marked content -> how many elements name it
        self.cell_of: dict[int, Cell] = {}
        self.tables = 0
        self.rows: dict[int, int] = {}                # table -> rows met
        self.cells: dict[tuple[int, int], int] = {}   # row -> cells met

    def walk(self, el, where: Optional[tuple], depth: int = 0) -> None:
        """`where`: ("table", t), ("row", t, r) or ("cell", (t, r, c)) for what `el` lies in."""
        if depth > _MAX_DEPTH:
            return
        raw = self.raw
        kind = _type(raw, el, self.buf)
        if kind == "Table":
            where = ("table", self.tables)
            self.tables += 1
        elif kind == "TR" and where is not None and where[0] == "table":
            t = where[1]
            where = ("row", t, self.rows.get(t, 0))
            self.rows[t] = where[2] + 1
        elif kind in _CELLS and where is not None and where[0] == "row":
            row = where[1:]
            where = ("cell", (row[0], row[1], self.cells.get(row, 0)))
            self.cells[row] = where[1][2] + 1
        elif where is not None and where[0] != "cell" and kind not in _ROW_GROUPS:
            where = None   # content beside a table's rows, or beside a row's cells: in no cell
        for i in range(raw.FPDF_StructElement_GetMarkedContentIdCount(el)):
            m = raw.FPDF_StructElement_GetMarkedContentIdAtIndex(el, i)
            if m < 0:
                continue   # a child element, walked below
            self.claims[m] = self.claims.get(m, 0) + 1
            if where is not None and where[0] == "cell":
                self.cell_of[m] = where[1]
        get = raw.FPDF_StructElement_GetChildAtIndex
        for i in range(raw.FPDF_StructElement_CountChildren(el)):
            child = get(el, i)
            if child:
                self.walk(child, where, depth + 1)


def char_cells(page, tp, raw) -> Optional[list[Optional[Cell]]]:
    """The cell of each glyph of the page's text layer (None for a glyph in no table's cell); None when the
    page has no tree or no table cell in it. A marked content that two elements name is in none: PDFium
    gives an element's marked contents on other pages too, whose numbers may be this page's own."""
    tree = raw.FPDF_StructTree_GetForPage(page.raw)
    if not tree:
        return None
    try:
        walk = _Walk(raw)
        for i in range(raw.FPDF_StructTree_CountChildren(tree)):
            top = raw.FPDF_StructTree_GetChildAtIndex(tree, i)
            if top:
                walk.walk(top, None)
    finally:
        raw.FPDF_StructTree_Close(tree)
    cell_of = {m: c for m, c in walk.cell_of.items() if walk.claims[m] == 1}
    if not cell_of:
        return None
    text_object, marked = raw.FPDFText_GetTextObject, raw.FPDFPageObj_GetMarkedContentID
    page_text = tp.raw
    out: list[Optional[Cell]] = []
    for k in range(tp.count_chars()):
        obj = text_object(page_text, k)
        out.append(cell_of.get(marked(obj)) if obj else None)
    return out


Lines = list[tuple[float, list["_Word"]]]   # (baseline, words left to right), top line first


def tagged_rows(page, tp, raw, lines: Lines, figure) -> tuple[Lines, dict[int, float]]:
    """`tag_rows` on a page whose tree names table cells; the lines as they are, and no tops, elsewhere. The
    tree is read only where two lines in a row have words side by side, not over each other: no row can
    be made one line otherwise (a page of rows whose labels start each line, as most are)."""
    if not any(ws and above and not _overlap(sorted(above + ws, key=lambda w: w.x0))
               for (_a, above), (_b, ws) in zip(lines, lines[1:])):
        return lines, {}
    cells = char_cells(page, tp, raw)
    if cells is None:
        return lines, {}
    text = tp.get_text_range()
    for _base, ws in lines:
        for w in ws:
            first, last = w.glyphs
            found = {cells[k] for k in range(first, last + 1) if k < len(cells) and not text[k:k + 1].isspace()}
            w.cell = found.pop() if len(found) == 1 else CONFLICT
    return tag_rows(lines, figure)


def tag_rows(lines: Lines, figure) -> tuple[Lines, dict[int, float]]:
    """The page's lines with each consistent table row whose cells each lie on one line, but not all on the
    same, made one line (see the module's docstring), on its lowest baseline; and, for each line made so (by
    its place in the list), its highest baseline, from which the gap above it is measured. `figure`: what a
    figure word matches."""
    rows: dict[tuple[int, int], list[int]] = {}
    bad: set[int] = set()
    for i, (_base, ws) in enumerate(lines):
        for w in ws:
            if w.cell == CONFLICT:
                return lines, {}   # a word across two cells: the words were not made by the tree's cells
            if w.cell is not None:
                rows.setdefault(w.cell[:2], []).append(i)
        cols = [w.cell for w in sorted(ws, key=lambda w: w.x0) if w.cell is not None]
        # a line of a table whose words run against its cells' order, or hold two of its rows
        bad.update(a[0] for a, b in zip(cols, cols[1:]) if a[0] == b[0] and (a[1] != b[1] or a[2] > b[2]))
    joined: dict[int, tuple[int, tuple[float, list[_Word]]]] = {}   # a row's first line -> its last, the row
    for (t, r), at in rows.items():
        first, last = min(at), max(at)
        if t in bad or first == last or _row_apart(lines[first:last + 1], (t, r), figure):
            continue
        words = sorted((w for _b, ws in lines[first:last + 1] for w in ws), key=lambda w: w.x0)
        if _overlap(words):
            continue   # words of one line would stand over another's: not cells side by side
        joined[first] = (last, (lines[last][0], words))
    out: list[tuple[float, list[_Word]]] = []
    tops: dict[int, float] = {}
    i = 0
    while i < len(lines):
        if i in joined:
            tops[len(out)] = lines[i][0]
            i, row = joined[i]
            out.append(row)
        else:
            out.append(lines[i])
        i += 1
    return out, tops


def _row_apart(span: list[tuple[float, list[_Word]]], row: tuple[int, int], figure) -> bool:
    """Whether the lines a row spans are not to be made one: one holds anything but the row's words (a
    caption drawn between them, another row, a blank); a cell lies on two of them (a label wrapped inside
    its cell, a stack of figures); or no cell holds a figure (a header, a table of prose)."""
    on: dict[int, int] = {}
    for i, (_b, ws) in enumerate(span):
        if not ws or any(w.cell is None or w.cell[:2] != row for w in ws):
            return True
        for w in ws:
            if on.setdefault(w.cell[2], i) != i:
                return True
    return not any(figure.match(w.text) and _DIGIT.search(w.text) for _b, ws in span for w in ws)


def _overlap(words: list[_Word]) -> bool:
    """Whether any of the words (left to right by their left edge) begins over one before it."""
    right = float("-inf")
    for w in words:
        if w.x0 < right - 1:
            return True
        right = max(right, w.x1)
    return False
