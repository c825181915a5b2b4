"""Tables whose figures a reader paired with their labels by order rather than by place.

Text a PDF reader gave in reading order (and newswire copies printed one cell per line) lose where each
figure stood: the readers pair a run of labels with runs of figures, and a run out of step puts every figure
after it on the wrong line. Such a table is only as good as its arithmetic. Its figures keep their sums
however they are paired, so only arithmetic anchored on labels tells: a total in its labelled row holding
the rows of its section (`engine/totals.states_a_sum`), rows joining two results (revenue less cost of
revenue to the gross profit printed below), or a calculation of the taxonomy holding among its lines. Read
in reading order, a table is written only when one of these ties it, and none of the signs of a pairing out
of step is there: two results no rows join, lines that break a calculation of the taxonomy, one line of one
period given two values, or a line printed in another line's shape (a per-share line without cents, a share
count or money printed as per-share amounts are). Otherwise nothing read from the table is written, and a
finding says why.
"""
from __future__ import annotations

from ..model import Fact, Finding
from ..rulebook.regex_code import kept_regex
from ..taxonomy import Taxonomy
from .checks import check_calculations, holds_a_calculation
from .merge import consistent
from .per_share_shape import per_share_shaped, row_label

# the layouts whose readers pair labels and figures by order: reading-order PDF text in runs (every check),
# and newswire copies of one cell per line, which keep each row's figures after its label and are doubted
# only when no column adds up (a copy may print one line of one period two ways, as its source did)
_CENTS = kept_regex(r"^\(?\$?\s*\d{1,2}\.\d\d\)?$")   # "6.53", "(0.41)": under a hundred, to the cent
BY_ORDER = frozenset({"pdf", "cells"})
BY_RUNS = frozenset({"pdf"})


def _doubts(table_facts: list[Fact], tax: Taxonomy, tied: bool) -> str:
    by_key: dict[tuple, Fact] = {}
    for f in table_facts:
        seen = by_key.setdefault(f.key, f)
        if seen is not f and not consistent(seen, f):
            return f"it gives {f.concept} {f.period} two values ({seen.value} and {f.value})"
    broken = check_calculations(table_facts, tax)
    if broken:
        return f"its lines do not add up ({broken[0].message})"
    shape = _misshapen(table_facts)
    if shape:
        return shape
    if not tied and not holds_a_calculation(table_facts, tax):
        return ("nothing ties its figures to their labels (no total holds the sum of the rows above it, no "
                "rows join two of its results, no calculation of the taxonomy holds)")
    return ""


def _misshapen(table_facts: list[Fact]) -> str:
    """A line printed in another line's shape: a per-share amount without cents (a share count or money
    paired with a per-share label), a share count printed as per-share amounts are ("Basic 6.53" under the
    share counts' heading), or money printed as per-share amounts are (`per_share_shaped`)."""
    for f in table_facts:
        printed = f.provenance.source_text.rpartition(" | ")[2]
        if f.unit == "USD/shares" and f.value and not 2 <= f.decimals <= 4:
            return f"its per-share line {row_label(f)!r} prints no cents ({printed})"
        if f.unit == "shares" and _CENTS.search(printed):
            return f"its share count {row_label(f)!r} is printed as per-share amounts are ({printed})"
    _kept, shaped, _findings = per_share_shaped(table_facts)
    if shaped:
        return f"its money line {row_label(shaped[0][0])!r} is printed as per-share amounts are"
    return ""


def doubtful_pairings(facts: list[Fact], layout: str, unchained: set[int], tied: set[int],
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
               if block in unchained else _doubts(table_facts, tax, block in tied) if layout in BY_RUNS else "")
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
