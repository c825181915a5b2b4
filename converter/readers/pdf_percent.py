"""Percentage columns beside value columns ("% of revenues", "% change", a constant-currency change).

A header counts value columns by their dates, so percentages printed beside them are columns it does not
name; read in reading order they come as blocks of their own, as lines that mix a percentage and a value
("64% $ 7,389"), or alternating with a value column line by line. They are taken out before rows are
rebuilt by counting: a block is cut where its figures change kind, runs of percentages are dropped, and a
block whose lone values alternate with lone percentages is one value column. A lone percentage stays: lone
figures read across a row, and a row of percentages ("Gross margin") printed one figure per block is one.
A percentage row inside a value column's block goes: its rows then fail to count up, and what cannot be
counted is dropped.
"""
from __future__ import annotations

from typing import Optional

from ..engine.numbers import parse_figure
from .pdf_model import FigureBlock


def is_percent(text: str) -> bool:
    fig = parse_figure(text)
    return fig is not None and fig.percent


def values_of(figures: list[str]) -> list[str]:
    """The values of a line that mixes percentages and values ("64% $ 7,389"): the percentages are other
    columns' figures. A line of percentages alone, or of values alone, is left as it is."""
    values = [f for f in figures if not is_percent(f)]
    return values if values and len(values) < len(figures) else figures


def value_blocks(blocks: list[FigureBlock]) -> list[FigureBlock]:
    """The blocks with their percentages taken out (see the module's docstring)."""
    out: list[FigureBlock] = []
    for block in blocks:
        if not any(is_percent(f) for f, _s, _t in block.figures):
            out.append(block)   # values alone (most blocks): one run of one kind, kept whole
            continue
        alternating = _alternating_values(block)
        if alternating is not None:
            out.append(alternating)
            continue
        runs = _kind_runs(block)
        if len(runs) == 1 and len(block) == 1:
            out.append(block)
            continue
        out.extend(run for run in runs if not any(is_percent(f) for f, _s, _t in run.figures))
    return out


def _kind_runs(block: FigureBlock) -> list[FigureBlock]:
    """The block cut where its figures turn from values to percentages or back (a nil figure goes with
    the run it is in: "*" is a percentage not meaningful, "—" a value of nothing)."""
    runs: list[FigureBlock] = []
    kind: Optional[bool] = None
    for k, item in enumerate(block.figures):
        fig = parse_figure(item[0])
        this = kind if fig is None or fig.nil else fig.percent
        if not runs or (this != kind and kind is not None):
            runs.append(FigureBlock(first=min(block.first + k, block.last)))
        runs[-1].figures.append(item)
        runs[-1].last = min(block.first + k, block.last)
        kind = this
    if runs:
        runs[-1].last = block.last
        runs[-1].mark_after = block.mark_after
    return runs


def _alternating_values(block: FigureBlock) -> Optional[FigureBlock]:
    """The values of a block that alternates value and percentage line by line, at least two of each;
    None for any other block."""
    kinds = [is_percent(f) for f, _s, _t in block.figures]
    if len(kinds) < 4 or any(a == b for a, b in zip(kinds, kinds[1:])):
        return None
    values = [item for item, pct in zip(block.figures, kinds) if not pct]
    return FigureBlock(values, block.first, block.last, block.mark_after and not kinds[-1])
