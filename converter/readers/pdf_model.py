"""The pieces the reading-order PDF reader matches: row labels, blocks of figures printed one per line, and
the checks that say a set of figures can be one row or one table (a wrong match fails them more often than
not, so a match that fails them is dropped)."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import field
from decimal import Decimal
from typing import Optional

from ..engine.numbers import parse_figure
from ..model import Cell, Span
from ..dataclass_code import dataclass


@dataclass
class LabelLine:
    text: str
    span: Span
    heading: bool
    pos: int                      # line number in the text of its first line
    last: int = -1                # and of its last line (a label wrapped over two)
    soft: bool = False            # a heading by its capitals alone ("OPERATING INCOME"): maybe a row

    def __post_init__(self):
        self.last = max(self.last, self.pos)


@dataclass
class FigureBlock:
    """Consecutive lines of one figure each: (figure, span, followed on its line by a `$`)."""
    figures: list[tuple[str, Span, bool]] = field(default_factory=list)
    first: int = 0                # line numbers of its first and last figure
    last: int = 0
    mark_after: bool = False      # a `$` line follows its last figure at once: the next figure's, same column

    def __len__(self) -> int:
        return len(self.figures)


def row_holds(figures: list[str]) -> bool:
    """A row prints every figure with the same number of decimals, all percentages or none."""
    kinds = set()
    for text in figures:
        fig = parse_figure(text)
        if fig is not None and not fig.nil:
            kinds.add((fig.decimals, fig.percent))
    return len(kinds) <= 1


def same_run(a: FigureBlock, b: FigureBlock) -> bool:
    """Whether two blocks can be columns of the same rows: as many figures, and row by row of one kind (per
    share amounts beside share counts are two runs of blocks, even when nothing is printed between them).
    Lone figures read across the rows, so their kinds change with the row."""
    return len(a) == len(b) and len(a) == 1 or len(a) == len(b) and all(row_holds([fa, fb]) for (fa, _s, _t), (fb, _s2, _t2) in zip(a.figures, b.figures))


def band_holds(band: list[FigureBlock]) -> bool:
    if any(trailing for _t, _s, trailing in band[-1].figures) and len(band) > 1:
        return False  # a figure with the next column's `$` after it is not in the last column
    return all(row_holds([text for text, _s, _t in row]) for row in zip(*(b.figures for b in band)))


def totals_hold(group: list[LabelLine], cells_of: dict[int, list[Cell]]) -> bool:
    return totals_confirmed(group, cells_of) is not None


def totals_confirmed(group: list[LabelLine], cells_of: dict[int, list[Cell]]) -> Optional[int]:
    """How many figures of the group's "Total" rows equal the sum of the rows above them (back to the
    group's start or the previous total; for a total right under another, every line of the group above it);
    None when a total adds up in one column and not in another, which says the columns were mixed."""
    start = 0
    confirmed = 0
    leaves: list[int] = []   # the group's lines: rows that are no total, and totals that sum nothing above
    for i, lab in enumerate(group):
        if not lab.text.lower().startswith("total"):
            leaves.append(i)
            continue
        parts = [cells_of.get(id(l)) for l in group[start:i]]
        if not parts:
            # a total right under another ("Total equity" / "Total liabilities and equity") sums every line
            # of the group above it
            parts = [cells_of.get(id(group[k])) for k in leaves]
        total = cells_of.get(id(lab))
        start = i + 1
        if not parts or total is None or any(p is None for p in parts):
            leaves.append(i)
            continue
        verdicts = []
        for col, cell in enumerate(total):
            value = figure_value(cell.text)
            figs = [figure_value(p[col].text) for p in parts]
            if value is None or any(f is None for f in figs):
                continue
            verdicts.append(abs(sum(figs) - value) <= len(figs) * _HALF * _unit(cell.text))
        if len(set(verdicts)) > 1:
            return None
        if not any(verdicts):
            leaves.append(i)   # a "total" of no rows above it is a line of its own ("Total equity")
        confirmed += sum(verdicts)
    return confirmed


_HALF = Decimal("0.5")   # made once: a Decimal from a string costs more than the sum it bounds


def figure_value(text: str) -> Optional[Decimal]:
    fig = parse_figure(text)
    if fig is None or fig.percent:
        return None
    return Decimal(0) if fig.value is None else fig.value


def _unit(text: str) -> Decimal:
    """One unit of the last printed digit: rounding in a printed sum is at most half of it per part."""
    fig = parse_figure(text)
    return Decimal(1).scaleb(-fig.decimals) if fig is not None else Decimal(1)


def any_between(ordered: list[int], low: int, high: int) -> bool:
    """Whether a value of the sorted list lies strictly between `low` and `high`: one bisection, where a
    pass over the list for each block or label made a long text's reading quadratic."""
    i = bisect_right(ordered, low)
    return i < len(ordered) and ordered[i] < high
