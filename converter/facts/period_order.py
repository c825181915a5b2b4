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
        for long in table_facts:
            for short in table_facts:
                if long.concept == short.concept and _contains(long.period, short.period) and _less(long, short):
                    if not bad.get(block):
                        findings.append(Finding(
                            "warning", "withheld",
                            f"the columns {long.period} and {short.period} of {source_of(long)} are not written: "
                            f"{long.concept} is {long.value} over the longer period and {short.value} over the "
                            f"shorter one it contains; the column headers were misread", (long, short)))
                    bad.setdefault(block, set()).update({long.period, short.period})
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
