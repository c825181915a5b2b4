"""Rows of reading-order text placed by their shape or by what they add up to, where counting blocks cannot
place them (converter/readers/pdf_columns.py counts): a label followed at once by its row's figures, line by
line; a run of labels whose figures came elsewhere, placed in the one order in which the statement adds up.
"""
from __future__ import annotations

from decimal import Decimal
from itertools import product

from ..model import Cell
from .pdf_model import FigureBlock, LabelLine, figure_value, row_holds

MAX_CHAIN_COLS = 4   # columns whose orders are all tried (4! = 24)
CHAIN_REACH = 8      # rows placed after a segment that may take its last row on
MAX_CANDIDATES = 6   # unused blocks of a segment's size tried in every order
_ONE, _LESS_ONE = Decimal(1), Decimal(-1)   # Decimal against Decimal compares in half the time of against int


def place_by_arithmetic(labels: list[LabelLine], placed: dict[int, list[Cell]], blocks: list[FigureBlock],
                        ncols: int) -> dict[int, list[Cell]]:
    """Rows no count could place, placed by what the statement adds up to. A run of labels left without
    figures ("Net sales / Cost of sales / Gross margin") and unused blocks of that size (a printer gave one
    column's block early and the other's after the footnotes): the blocks go to the columns in the one choice
    and order in which the run's last row leads on, in every column, through two rows placed after it (gross
    margin less total operating expenses is operating income). No such choice, or two, places nothing."""
    if not 2 <= ncols <= MAX_CHAIN_COLS:
        return {}
    taken = {c.span.start for cells in placed.values() for c in cells if c.span is not None}
    free = [b for b in blocks if not any(span is not None and span.start in taken for _t, span, _m in b.figures)]
    out: dict[int, list[Cell]] = {}
    i = 0
    while i < len(labels):
        if labels[i].heading or id(labels[i]) in placed:
            i += 1
            continue
        j = i
        while j < len(labels) and not labels[j].heading and id(labels[j]) not in placed:
            j += 1
        run, i = labels[i:j], j
        candidates = [b for b in free if len(b) == len(run)]
        if len(run) < 2 or len(candidates) < ncols or len(candidates) > MAX_CANDIDATES:
            continue
        after = _values([placed[id(lab)] for lab in labels[j:] if id(lab) in placed][:CHAIN_REACH], ncols)
        # two rows after the run are needed to lead through: with fewer, no order of the blocks can
        orders = _leading_orders(candidates, after, ncols) if len(after) >= 2 else set()
        if len(orders) != 1:
            continue
        order = [candidates[k] for k in orders.pop()]
        for r, lab in enumerate(run):
            out[id(lab)] = [Cell(blk.figures[r][0], col, blk.figures[r][1]) for col, blk in enumerate(order)]
        free = [b for b in free if all(b is not c for c in order)]
    return out


def _values(after: list[list[Cell]], ncols: int) -> list[list[Decimal]]:
    """The values of the rows placed after a run that have `ncols` figures, all of them values: read once
    per run, not again for each of the up to 360 orders of its blocks."""
    rows = [[figure_value(c.text) for c in cells] for cells in after if len(cells) == ncols]
    return [r for r in rows if all(v is not None for v in r)]


def _leading_orders(candidates: list[FigureBlock], rows: list[list[Decimal]], ncols: int) -> set[tuple[int, ...]]:
    """The orders of `ncols` of the blocks (their places in `candidates`, one per column) whose last figures
    lead through two of the rows after them (`rows`: their values, from _values): last - x = y (or last + x
    = y) in every column, to the printed unit. Found from each pair of rows, by the blocks that fit each
    column, rather than by trying each of up to 360 orders against every pair."""
    values = [figure_value(b.figures[-1][0]) for b in candidates]
    last = [(k, v) for k, v in enumerate(values) if v is not None]
    found: set[tuple[int, ...]] = set()
    for x in rows:
        # last - x and last + x per column, worked out once for every y (the same sums, in the same order)
        less = [[(k, v - x[c]) for k, v in last] for c in range(ncols)]
        more = [[(k, v + x[c]) for k, v in last] for c in range(ncols)]
        for y in rows:
            if x is y:
                continue
            for led in (less, more):
                fits = []
                for c in range(ncols):   # a column no block fits ends the pair's search
                    fits.append([k for k, d in led[c] if _LESS_ONE <= d - y[c] <= _ONE])
                    if not fits[-1]:
                        break
                else:
                    found.update(order for order in product(*fits) if len(set(order)) == ncols)
    return found


MIN_ROW_BY_ROW = 3   # label-and-row pairs in a stretch before it is read row by row


def row_by_row(labels: list[LabelLine], blocks: list[FigureBlock], ncols: int) -> tuple[dict[int, list[Cell]], set[int]]:
    """Stretches where each label is followed at once by exactly one row's figures, one per line, and then by
    the next label ("Depreciation / 1,972 / 1,537 / Amortization of intangible assets / 1,150 / 1,379"): the
    reader printed the table row by row, each block is its label's row. Cut into bands of two rows, such
    blocks also look like the columns of two rows, with a label between a band's columns, which no reader
    prints; read so, every figure went to the wrong row. Three pairs or more in a row settle it."""
    if ncols < 2:
        return {}, set()
    events = sorted([(lab.pos, 0, k) for k, lab in enumerate(labels)] + [(b.first, 1, k) for k, b in enumerate(blocks)])
    placed: dict[int, list[Cell]] = {}
    used: set[int] = set()
    run: list[tuple[LabelLine, FigureBlock]] = []

    def close():
        if len(run) >= MIN_ROW_BY_ROW:
            for lab, block in run:
                placed[id(lab)] = [Cell(text, col, span) for col, (text, span, _t) in enumerate(block.figures)]
                used.add(id(block))
        run.clear()
    i = 0
    while i < len(events):
        _pos, kind, k = events[i]
        if kind == 0 and i + 1 < len(events) and events[i + 1][1] == 1:
            lab, block = labels[k], blocks[events[i + 1][2]]
            then_label = i + 2 >= len(events) or events[i + 2][1] == 0
            if not lab.heading and len(block) == ncols and block.first - lab.last <= 3 and then_label \
                    and row_holds([text for text, _s, _t in block.figures]):
                run.append((lab, block))
                i += 2
                continue
        close()
        i += 1
    close()
    return placed, used
