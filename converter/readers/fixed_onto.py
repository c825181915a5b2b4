"""A statement's continuation on the next page that prints fewer columns than the statement: its share
counts, centred under each group of "amount | % of revenues", come out as a table of two columns under one of
six. Its columns are the statement's nearest columns of the same kind (amounts under amounts, percentages
under percentages), when each is near one of them and the order holds; otherwise it stays a table of its own.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from ..model import Row, Table

if TYPE_CHECKING:
    from .fixed_columns import Column as _Column

ONTO_SHIFT = 8   # characters: how far a continuation's column may stand from the statement's column it joins


def _percent(table: Table, col: int) -> bool:
    cells = [c.text for r in table.rows for c in r.cells if c.col == col]
    return sum(t.endswith("%") for t in cells) * 2 > len(cells)


def columns_onto(above: Table, above_cols: list["_Column"], below: Table, below_cols: list["_Column"]
                 ) -> Optional[list[int]]:
    """The column of `above` each column of `below` joins, or None when one is near none of them or two
    are as near, or the order would not hold."""
    if len(above_cols) != above.ncols or len(below_cols) != below.ncols:
        return None
    onto: list[int] = []
    for j, col in enumerate(below_cols):
        kind = _percent(below, j)
        near = sorted((abs(c.edge - col.edge), k) for k, c in enumerate(above_cols) if _percent(above, k) == kind)
        if not near or near[0][0] > ONTO_SHIFT or (len(near) > 1 and near[1][0] == near[0][0]):
            return None
        if onto and near[0][1] <= onto[-1]:
            return None
        onto.append(near[0][1])
    return onto


def rows_onto(rows: list[Row], onto: list[int]) -> list[Row]:
    return [replace(r, cells=[replace(c, col=onto[c.col]) for c in r.cells]) for r in rows]
