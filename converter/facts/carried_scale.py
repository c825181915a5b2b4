"""A scale note carried to a table that prints none, checked against the figures. A release that says "(in
thousands)" over its first statement often means every statement after it; but a table that prints whole
dollars after one in thousands prints no note either, and read at the carried scale its figures come out a
thousand times too large ("Total assets 528,115,121" as $528 billion beside a net income of $4.1 million).
Nothing in the text settles which it is, so where the figures themselves say the scale does not carry, the
table's money and share counts are withheld with a finding; the order of the tables decides nothing.

What the figures say: a table's typical money figure (the median of its absolute amounts, as printed) and
that of the table whose note it carries. Statements of one release in one scale differ by far less than a
thousand times (a bank's balance sheet against its income statement, the widest pair, by a few hundred; in
the real releases measured, by 4.4 at most); whole dollars under a note in thousands differ by a thousand
times more.
"""
from __future__ import annotations

import statistics
from decimal import Decimal

from ..model import Fact, Finding
from .merge import source_of

CARRIED_RATIO = 1000   # typical figure of a table against the table whose note it carries: from here, no carry


def _typical(facts: list[Fact]) -> Decimal:
    return statistics.median(abs(f.value) for f in facts)


def doubtful_carried_scales(facts: list[Fact], carried: dict[int, int]
                            ) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """`carried`: table -> the table whose scale note it took. Facts kept, withheld, and a finding per table."""
    if not carried:
        return facts, [], []
    money: dict[int, list[Fact]] = {}
    for f in facts:
        if f.category == "table" and f.unit == "USD" and not f.dims and f.value and f.provenance is not None:
            money.setdefault(f.provenance.block, []).append(f)
    doubtful: dict[int, str] = {}
    findings: list[Finding] = []
    for block, source in carried.items():
        mine, theirs = money.get(block), money.get(source)
        if not mine or not theirs:
            continue
        ratio = _typical(mine) / _typical(theirs)
        if ratio >= CARRIED_RATIO:
            why = (f"withheld: {source_of(mine[0])} prints no scale, and its figures are {ratio:,.0f} times those "
                   f"of the table whose note it would take: whole dollars, or that note's scale, the text does "
                   f"not say")
            doubtful[block] = why
            findings.append(Finding("warning", "withheld", why[len("withheld: "):], tuple(mine)))
    if not doubtful:
        return facts, [], []
    kept: list[Fact] = []
    rejected: list[tuple[Fact, str]] = []
    for f in facts:
        block = f.provenance.block if f.category == "table" and f.provenance is not None else None
        if block in doubtful and f.unit in ("USD", "shares"):
            rejected.append((f, doubtful[block]))
        else:
            kept.append(f)
    return kept, rejected, findings
