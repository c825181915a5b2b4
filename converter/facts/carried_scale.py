"""A scale note carried to a table that prints none, checked against the figures. A release that says "(in
thousands)" over its first statement often means every statement after it; but a table that prints whole
dollars after one in thousands prints no note either, and read at the carried scale its figures come out a
thousand times too large ("Total assets 528,115,121" as $528 billion beside a net income of $4.1 million).
The note itself does not say which it is, so where the figures say the scale does not carry, the table's
money and share counts are withheld with a finding; the order of the tables decides nothing.

What settles it: a line the table shares with a table that prints its own note ("Gross profit" in highlights
"(in thousands)" and in the statement after them). Where every shared line agrees at one lower scale and none
at the carried one (2,024,927 beside 2,025 thousand: whole dollars), the table is read at that scale.

What the figures say: a table's typical money figure (the median of its absolute amounts, as printed) and
that of the table whose note it carries. Statements of one release in one scale differ by far less than a
thousand times (a bank's balance sheet against its income statement, the widest pair, by a few hundred; in
the real releases measured, by 4.4 at most); whole dollars under a note in thousands differ by a thousand
times more.
"""
from __future__ import annotations

import statistics
from dataclasses import replace
from decimal import Decimal

from ..model import Fact, Finding
from .merge import consistent, source_of

CARRIED_RATIO = 1000   # typical figure of a table against the table whose note it carries: from here, no carry


def _typical(facts: list[Fact]) -> Decimal:
    return statistics.median(abs(f.value) for f in facts)


def doubtful_carried_scales(facts: list[Fact], carried: dict[int, int], noted: dict[tuple[int, int], int]
                            ) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """`carried`: table -> the table whose scale note it took; `noted`: the figures a table's note scaled, by
    where they stand. Facts kept, withheld, and a finding per table."""
    if not carried:
        return facts, [], []
    facts, carried = _scaled_by_shared_lines(facts, carried, noted)
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


_LOWER = (3, 6, 9)   # powers of ten a carried note may overstate a table's figures by


def _scaled_by_shared_lines(facts: list[Fact], carried: dict[int, int], noted: dict[tuple[int, int], int]
                            ) -> tuple[list[Fact], dict[int, int]]:
    """`facts` with each carried table's figures the carried note scaled read at the one lower scale at which
    every money line it shares with a table of its own note agrees, and none at the carried scale; `carried`
    without those tables. `noted`: (table, cell start) -> the power a table's note gave the figure there (a
    share count the note excepts, a row with its own note, kept no power from it)."""
    def power(f: Fact) -> int:
        return noted.get((f.provenance.block, f.provenance.span.start), 0) if f.provenance and f.provenance.span else 0

    own_note = {b for b, _start in noted} - set(carried)
    by_line: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.category == "table" and f.provenance is not None and f.provenance.block in own_note and power(f) \
                and f.unit == "USD" and f.value:
            by_line.setdefault((f.concept, f.period, f.unit, f.dims), []).append(f)
    lower: dict[int, int] = {}
    for block in carried:
        shared = [(f, by_line[k]) for f in facts if f.category == "table" and f.provenance is not None
                  and f.provenance.block == block and f.value and power(f)
                  and (k := (f.concept, f.period, f.unit, f.dims)) in by_line]
        if not shared or any(consistent(f, g) for f, others in shared for g in others):
            continue
        fits = [k for k in _LOWER if all(k <= power(f) and any(consistent(_scaled(f, k), g) for g in others)
                                         for f, others in shared)]
        if len(fits) == 1:
            lower[block] = fits[0]
    if not lower:
        return facts, carried
    out = []
    for f in facts:
        k = lower.get(f.provenance.block) if f.category == "table" and f.provenance is not None else None
        out.append(_scaled(f, k, True) if k and power(f) >= k else f)
    return out, {b: s for b, s in carried.items() if b not in lower}


def _scaled(f: Fact, k: int, said: bool = False) -> Fact:
    """`f` read at a scale 10^k lower than the one it was given."""
    prov = f.provenance
    if said and prov is not None:
        prov = replace(prov, steps=prov.steps + (f"scale: not the carried note's: a line shared with a table of its "
                                                 f"own note agrees only at 10^-{k} of it",))
    return replace(f, value=f.value.scaleb(-k), decimals=f.decimals + k, provenance=prov)
