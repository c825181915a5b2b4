"""Cell texts of an HTML table row, and how printed figures are put back together.

Financial printers split one printed figure over several <td>s so the columns line up: Workiva puts `$` in a cell
of its own, Donnelley prints a negative as `(1,234` and `)` in neighbouring cells, and a percentage sign may sit
two cells to the right. Here each cell's *text* is classified (a figure, a `$`, a closing `)`, prose) and a row's
cells are merged into `Piece`s: one per printed figure or text, with the grid columns it covers. The patterns
below run over the text of single cells, never over markup.
"""
from __future__ import annotations

import re
from typing import Optional
from ..rulebook.regex_code import kept_re
from .range_cells import is_range
from ..dataclass_code import dataclass

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_CURRENCY = r"(?:US\$|\$|€|£|¥)"

# A printed figure: $ 1,234 | (1,234) | (1,234 (closed in the next cell) | -12.5 | 64% | (3%) | $(0.39) | 1,234(1)
_FIGURE = kept_re(rf"""^
    {_CURRENCY}?\s*
    (?P<open>\()?\s*
    {_CURRENCY}?\s*
    (?P<sign>[-+−–])?\s*
    (?P<num>{_NUMBER})
    \s*%?\s*
    (?P<close>\))?
    \s*%?
    (?:\s*\((?:\d{{1,2}}|[a-z]|\*+)\)|\s*\*+)?   # a trailing footnote mark, dropped
$""", re.X)
_TRAILING_MARK = kept_re(r"\s*(?:\((?:\d{1,2}|[a-z]|\*+)\)|\*+)$")

# What printers put where there is no figure: a dash, "n/a", "NM", or "*" (not meaningful).
_NIL = kept_re(rf"^{_CURRENCY}?\s*(?:[—–\-−]+|n/?a|nm|n\.m\.|n/m|\*{{1,2}})\s*%?$", re.I)
_YEAR = kept_re(r"^(?:19|20)\d\d$")
_BULLETS = frozenset("•●○◦▪■□◆◇►▸‣∙·–—-")

EMPTY, TEXT, FIGURE, NIL, PREFIX, SUFFIX = "empty", "text", "figure", "nil", "prefix", "suffix"


def classify(text: str) -> str:
    """The role of one cell's (normalized) text in a row of figures."""
    if not text:
        return EMPTY
    if len(text) > 40:
        return TEXT  # figures are short; this also keeps the patterns below from long inputs
    compact = text.replace(" ", "")
    if compact in ("$", "US$", "€", "£", "¥", "(", "$(", "($"):
        return PREFIX
    if compact in (")", "%", ")%", "%)"):
        return SUFFIX
    if _FIGURE.match(text):
        return FIGURE
    if "$" in text and is_range(text):   # both ends of an outlook's range ("$190.0 - $193.0", range_cells.py)
        return FIGURE
    if _NIL.match(text):
        return NIL
    return TEXT


def is_year(text: str) -> bool:
    """A bare four-digit year ("2023"): a column header, not a value, when a whole row holds nothing else."""
    return bool(_YEAR.match(text))


def is_bullet(text: str) -> bool:
    """A cell that is only a list glyph (the `●` column of a bullet-list table)."""
    return bool(text) and all(ch in _BULLETS or ch == " " for ch in text)


def strip_list_mark(text: str) -> str:
    """A paragraph without its leading list glyph ("•Adobe achieved ..." -> "Adobe achieved ..."); dashes are
    kept, as a leading dash may be a minus or a dash placeholder."""
    i = 0
    while i < len(text) and (text[i] in _LIST_GLYPHS or (i and text[i] == " ")):
        i += 1
    return text[i:] if i and i < len(text) else text


_LIST_GLYPHS = _BULLETS - frozenset("–—-")


def figure_text(text: str) -> str:
    """The figure as a number parser wants it: no currency sign, no whitespace, no trailing footnote mark; sign,
    parentheses, separators, dashes and `%` kept ("$ (1,234 )" -> "(1,234)")."""
    if _FIGURE.match(text) and _TRAILING_MARK.search(text) and not text.rstrip().endswith(")%"):
        stripped = _TRAILING_MARK.sub("", text)
        if _FIGURE.match(stripped) and stripped.count("(") == stripped.count(")"):
            text = stripped
    for symbol in ("US$", "$"):
        text = text.replace(symbol, "")
    return "".join(text.split())


@dataclass
class GridCell:
    """One visible <td>/<th> placed on the table grid: columns [start, end] after colspans and rowspans."""
    text: str
    start: int
    end: int
    indent: float = 0.0


@dataclass
class Piece:
    """A printed item of a row after merging split cells: a figure (kind FIGURE, NIL placeholders included) or a
    text. `start`/`end` span all merged cells; `core` is the cell that held the digits, which is what lines up
    from row to row and so what value columns are built from."""
    kind: str
    text: str
    start: int
    end: int
    core: tuple[int, int]
    indent: float = 0.0

    @property
    def is_figure(self) -> bool:
        return self.kind in (FIGURE, NIL)


def merge_row(cells: list[GridCell]) -> list[Piece]:
    """Merge a row's cells into pieces: a `$` or `(` cell joins the next figure, a `)` or `%` cell joins the
    previous figure (empty cells between are skipped, a text cell between breaks the link), and a figure left
    open ("(1,234" with its `)` lost) is closed."""
    pieces: list[Piece] = []
    prefix: list[GridCell] = []
    last_figure: Optional[Piece] = None
    for cell in cells:
        kind = classify(cell.text)
        if kind == EMPTY:
            continue
        if kind == PREFIX:
            prefix.append(cell)
        elif kind == SUFFIX:
            if last_figure is not None:
                last_figure.text += cell.text.replace(" ", "")
                last_figure.end = max(last_figure.end, cell.end)
        elif kind in (FIGURE, NIL):
            last_figure = _figure_piece(kind, cell, prefix)
            pieces.append(last_figure)
            prefix = []
        else:
            pieces.append(Piece(TEXT, cell.text, cell.start, cell.end, (cell.start, cell.end), cell.indent))
            prefix, last_figure = [], None
    for piece in pieces:
        if piece.is_figure:
            piece.text = _balance(figure_text(piece.text))
    return pieces


def _figure_piece(kind: str, cell: GridCell, prefix: list[GridCell]) -> Piece:
    """A figure piece from its digits cell and the `$`/`(` cells waiting before it."""
    text = cell.text
    if any("(" in p.text for p in prefix) and not text.lstrip("$US ").startswith("("):
        text = "(" + text
    start = min([cell.start] + [p.start for p in prefix])
    return Piece(kind, text, start, cell.end, (cell.start, cell.end), cell.indent)


def _balance(text: str) -> str:
    """Close a parenthesis the printer opened in one cell and whose `)` never came; drop a lone `)`."""
    if text.count("(") > text.count(")"):
        return text + ")"
    if text.count(")") > text.count("(") and text.endswith(")"):
        return text[:-1]
    return text
