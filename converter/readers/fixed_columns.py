"""The value columns of a fixed-width table: from the right edges of its figures (amounts and percentages
apart), or by order where the edges scatter; and the column a token of a row stands in."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .fixed_header import chunks as _chunks
from ..dataclass_code import dataclass

if TYPE_CHECKING:
    from .fixed_lines import Line, Tok

EDGE_LINK = 2        # right edges this close belong to one column


@dataclass
class Column:
    edge: int         # typical right edge of its digits
    left: int
    right: int

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


def columns(rows: list[Line]) -> tuple[list[Column], dict[int, int]]:
    """Value columns from the right edges of the figures, and the column of each figure that has one.

    Amounts and percentages cluster apart (a column holds one kind). Edges are linked as loosely as a column
    may drift from row to row (a PDF printed from HTML can shift a column by a few characters) while no line
    has two figures in one column; a cluster of a single figure in a table of many rows is no column."""
    clusters: list[list[tuple[int, int, Tok]]] = []
    for percent in (False, True):
        toks = [(t.edge, ln.no, t) for ln in rows for t in ln.tail if t.numeric and t.text.endswith("%") == percent]
        if not toks:
            continue
        for link in (6, 4, 3, EDGE_LINK, 1, 0):
            groups: list[list] = []
            for item in sorted(toks, key=lambda x: x[0]):
                if groups and item[0] - groups[-1][-1][0] <= link:
                    groups[-1].append(item)
                else:
                    groups.append([item])
            if all(len({no for _e, no, _t in g}) == len(g) for g in groups):
                clusters.extend(groups)
                break
    clusters = _percent_rows_joined(clusters)
    need = 2 if len(rows) > 2 else 1
    cols: list[Column] = []
    members: list[list] = []
    for g in sorted((g for g in clusters if len(g) >= need), key=lambda g: sorted(e for e, _n, _t in g)[len(g) // 2]):
        edges = sorted(e for e, _n, _t in g)
        cols.append(Column(edges[len(edges) // 2], min(t.start for _e, _n, t in g), max(t.end for _e, _n, t in g)))
        members.append(g)
    col_of = {id(t): c for c, g in enumerate(members) for _e, _n, t in g}
    return cols, col_of


FEW_PERCENT_LINES = 2


def _percent_rows_joined(clusters: list[list]) -> list[list]:
    """A few percentages printed under an amount column in rows of their own ("Effective tax rate 90.8%"
    under "Amount"): their cluster joins that amount column when its edge is within two characters and no
    line has a figure in both. Left apart, it is a column of its own that takes the header centred over
    the amounts ("2023" over "Amount | Percent to Sales")."""
    amounts = [g for g in clusters if not all(t.text.endswith("%") for _e, _n, t in g)]
    out = [g for g in clusters if g in amounts]
    for g in clusters:
        if g in amounts:
            continue
        edge = sorted(e for e, _n, _t in g)[len(g) // 2]
        lines = {no for _e, no, _t in g}
        if len(lines) > FEW_PERCENT_LINES:    # a column of growth rates is a column of its own
            out.append(g)
            continue
        near = [a for a in amounts if abs(sorted(e for e, _n, _t in a)[len(a) // 2] - edge) <= 2
                and not lines & {no for _e, no, _t in a}]
        if len(near) == 1:
            near[0].extend(g)
        else:
            out.append(g)
    return out


def ordinal_columns(rows: list[Line], cols: list[Column], col_of: dict[int, int], head: list[Line]):
    """Columns by order where the edges scatter: when every row prints the same number of figures, fewer than
    the columns the edges made (`$`, parentheses and percentages shift a ragged right edge from row to row),
    the k-th figure of each row is in the k-th column, provided those columns do not overlap or the header's
    last line prints as many pieces over the figures ("Q1 Q2 Q3 Q4 Q1 Q2 Q3 Q4")."""
    left = min(c.left for c in cols) - 2
    # every figure right of the labels, a figure no column took included (a ragged edge leaves one alone)
    figures = [[t for t in ln.tail if id(t) in col_of or (t.numeric and t.start >= left)] for ln in rows]
    counts = {len(f) for f in figures}
    if len(counts) != 1 or len(rows) < 2:
        return cols, col_of
    n = counts.pop()
    if n < 2 or n >= len(cols):
        return cols, col_of
    ordinal = []
    for k in range(n):
        toks = [f[k] for f in figures]
        edges = sorted(t.edge for t in toks)
        ordinal.append(Column(edges[len(edges) // 2], min(t.start for t in toks), max(t.end for t in toks)))
    if any(a.right >= b.left for a, b in zip(ordinal, ordinal[1:])):
        leaves = next((ln for ln in reversed(head) if ln.kind != "blank"), None)
        left = min(c.left for c in cols) - 1
        if leaves is None or len([c for s, e, c in _chunks(leaves.raw) if s > left]) != n:
            return cols, col_of
    return ordinal, {id(t): k for f in figures for k, t in enumerate(f)}


def place(tok: Tok, cols: list[Column], col_of: dict[int, int]) -> Optional[int]:
    if tok.numeric:
        return col_of.get(id(tok))
    # a dash or a no-value mark: the column it lies under
    under = [c for c, col in enumerate(cols) if tok.start <= col.right and tok.end >= col.left - 1]
    return under[0] if len(under) == 1 else None
