"""Tables whose figures a reader paired with their labels by order rather than by place.

Text a PDF reader gave in reading order (and newswire copies printed one cell per line) lose where each
figure stood: the readers pair a run of labels with runs of figures, and a run out of step puts every figure
after it on the wrong line. Such a table is only as good as its arithmetic: when no rows take one of its
results to the next (revenue less cost of revenue to the gross profit printed below), when its lines break a
calculation of the taxonomy (gross profit is revenue less its cost; total
assets equal total liabilities and equity), or when it gives one line of one period two values, the pairing
is in doubt, and nothing read from the table is written.
"""
from __future__ import annotations

from ..model import Fact, Finding
from ..taxonomy import Taxonomy
from .checks import check_calculations
from .merge import consistent

# the layouts whose readers pair labels and figures by order: reading-order PDF text in runs (every check),
# and newswire copies of one cell per line, which keep each row's figures after its label and are doubted
# only when no column adds up (a copy may print one line of one period two ways, as its source did)
BY_ORDER = frozenset({"pdf", "cells"})
BY_RUNS = frozenset({"pdf"})


def _doubts(table_facts: list[Fact], tax: Taxonomy) -> str:
    by_key: dict[tuple, Fact] = {}
    for f in table_facts:
        seen = by_key.setdefault(f.key, f)
        if seen is not f and not consistent(seen, f):
            return f"it gives {f.concept} {f.period} two values ({seen.value} and {f.value})"
    broken = check_calculations(table_facts, tax)
    return f"its lines do not add up ({broken[0].message})" if broken else ""


def doubtful_pairings(facts: list[Fact], layout: str, unchained: set[int],
                      tax: Taxonomy) -> tuple[list[Fact], list, list[Finding]]:
    """The facts without those of tables read by order whose arithmetic puts their pairing in doubt."""
    if layout not in BY_ORDER:
        return facts, [], []
    tables: dict[int, list[Fact]] = {}
    for f in facts:
        if f.category == "table" and f.provenance is not None:
            tables.setdefault(f.provenance.block, []).append(f)
    doubted: dict[int, str] = {}
    for block, table_facts in tables.items():
        why = ("no rows take one of its results to the next (revenue less its cost to gross profit)"
               if block in unchained else _doubts(table_facts, tax) if layout in BY_RUNS else "")
        if why:
            doubted[block] = why
    if not doubted:
        return facts, [], []
    kept, rejected = [], []
    for f in facts:
        block = f.provenance.block if f.category == "table" and f.provenance is not None else None
        if block in doubted:
            rejected.append((f, f"withheld: table {block} paired its figures with labels by order, and {doubted[block]}"))
        else:
            kept.append(f)
    findings = [Finding("warning", "withheld", f"table {block} is not written: its figures were paired with their labels "
                                               f"by order (text without positions), and {why}")
                for block, why in sorted(doubted.items())]
    return kept, rejected, findings
