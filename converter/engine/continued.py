"""Statements that continue in a second table: a page break splits a cash flow statement in two, and the
second part prints no header of its own. A table with no header that follows another table with as many
value columns, with nothing between them but a few short lines (a page footer, "(continued)"), takes the
first table's header and title; not where those lines state a scale the first table's title does not."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..model import Paragraph, Table
from .scale import find_scale

SHORT = 120      # a line this short between the parts is a footer or a "continued" mark, not prose
BETWEEN = 3      # at most this many of them


def continuing(table: Table, previous: Optional[Table], between: list[Paragraph]) -> Table:
    """`table` with the header and title of `previous` when it continues it, else `table` unchanged."""
    if table.header or previous is None or not previous.header or previous.ncols != table.ncols:
        return table
    if len(between) > BETWEEN or any(len(p.text) > SHORT for p in between):
        return table
    note, own = find_scale([p.text for p in between]), find_scale(previous.caption)
    if note is not None and own is not None and note.power != own.power:
        return table   # a scale of its own between them ("(Dollars in millions)"): another table
    return replace(table, header=previous.header, caption=previous.caption)
