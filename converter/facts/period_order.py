"""Columns checked against each other: revenue or costs over a period cannot be less than over a period it
contains (six months ending in March hold the quarter ending in March). A table that says otherwise had its
column headers misread (a length or a year taken by the wrong column), and the columns involved are not
written: which one is wrong, the arithmetic cannot say.
"""
from __future__ import annotations

from ..model import Fact, Finding
from .merge import rounds_to, source_of

# Amounts that are never negative and add up over time: a longer period holds at least as much.
NEVER_LESS = frozenset({
    "us-gaap:Revenues", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
    "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax", "us-gaap:CostOfRevenue",
    "us-gaap:CostOfGoodsAndServicesSold", "us-gaap:OperatingExpenses", "us-gaap:CostsAndExpenses",
    "us-gaap:SellingGeneralAndAdministrativeExpense", "us-gaap:ResearchAndDevelopmentExpense",
    "us-gaap:OperatingCostsAndExpenses", "us-gaap:GeneralAndAdministrativeExpense",
    "us-gaap:SellingAndMarketingExpense", "us-gaap:DepreciationDepletionAndAmortization",
    "us-gaap:DepreciationAndAmortization", "us-gaap:Depreciation", "us-gaap:InterestExpense",
    "us-gaap:InterestExpenseNonoperating", "us-gaap:ShareBasedCompensation", "us-gaap:AllocatedShareBasedCompensationExpense",
})


# figures of one line over two periods compared within one table: a statement prints a line once in a column,
# and comparing every figure of a table with every other grew with the square of the table
MAX_PAIRS = 400


def _contains(a, b) -> bool:
    return a.start is not None and b.start is not None and a.start <= b.start and b.end <= a.end and a != b


def _less(long: Fact, short: Fact) -> bool:
    """The longer period's figure below the shorter's, beyond what rounding can explain."""
    if long.value >= short.value:
        return False
    decimals = min(long.decimals, short.decimals)
    return not rounds_to(short.value, decimals, long.value)


def check_period_order(facts: list[Fact]) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """Facts without the columns of tables whose figures shrink as their periods grow, and findings."""
    by_table: dict[int, list[Fact]] = {}
    for f in facts:
        if f.category == "table" and f.provenance is not None and not f.dims and f.concept in NEVER_LESS \
                and f.period.start is not None and f.value > 0:
            by_table.setdefault(f.provenance.block, []).append(f)
    bad: dict[int, set] = {}
    findings: list[Finding] = []
    for block, table_facts in by_table.items():
        # a line's figures grouped by period: only periods that contain one another are compared
        groups: dict[str, dict] = {}
        for i, f in enumerate(table_facts):
            groups.setdefault(f.concept, {}).setdefault(f.period, []).append((i, f))
        shrinking = []   # (i, j, long, short): table_facts[i] over a longer period below table_facts[j]
        for periods in groups.values():
            for long_period, longs in periods.items():
                for short_period, shorts in periods.items():
                    if _contains(long_period, short_period) and len(longs) * len(shorts) <= MAX_PAIRS:
                        shrinking += [(i, j, long, short) for i, long in longs for j, short in shorts
                                      if _less(long, short)]
        if shrinking:
            _, _, long, short = min(shrinking, key=lambda s: s[:2])   # the first pair, in the table's order
            findings.append(Finding(
                "warning", "withheld",
                f"the columns {long.period} and {short.period} of {source_of(long)} are not written: "
                f"{long.concept} is {long.value} over the longer period and {short.value} over the "
                f"shorter one it contains; the column headers were misread", (long, short)))
            bad[block] = {p for s in shrinking for p in (s[2].period, s[3].period)}
    if not bad:
        return facts, [], []
    kept, rejected = [], []
    for f in facts:
        block = f.provenance.block if f.provenance is not None and f.category == "table" else None
        if block in bad and f.period in bad[block]:
            rejected.append((f, "withheld: this table's figures shrink where its periods grow; its column headers "
                                "were misread"))
        else:
            kept.append(f)
    return kept, rejected, findings
