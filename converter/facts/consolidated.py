"""Consolidated net income told apart from the parent's before duplicates merge.

A release with a noncontrolling interest prints two net incomes: the parent's ("Net income attributable to
Acme") on the income statement, and the consolidated one ("Net income") at the top of the cash flow
statement or of an EBITDA reconciliation. Both rows read as `NetIncomeLoss`, and merging would keep
whichever came first. Where one differs from another (beyond rounding) by the noncontrolling interest's share
of the same period (within the rounding of the three), it is the consolidated `ProfitLoss`.
"""
from __future__ import annotations

from dataclasses import replace
from ..model import Fact
from .checks import half_interval
from .merge import consistent

NET_INCOME = "us-gaap:NetIncomeLoss"
NCI = "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"
CONSOLIDATED = "us-gaap:ProfitLoss"


def _parent_plus(parent: Fact, nci: Fact, total: Fact) -> bool:
    """`total` is `parent` plus `nci`, and no mere restatement of `parent`."""
    slack = half_interval(parent) + half_interval(nci) + half_interval(total)
    return not consistent(parent, total) and abs(parent.value + nci.value - total.value) <= slack


def consolidated_net_income(facts: list[Fact]) -> list[Fact]:
    """`facts` with each net income that is another one plus the noncontrolling interest's relabelled."""
    shares = {f.key: f for f in facts if f.concept == NCI and f.value}
    if not shares:
        return facts
    incomes: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.concept == NET_INCOME:
            incomes.setdefault((f.period, f.unit, f.dims), []).append(f)
    out = []
    for f in facts:
        nci = shares.get((NCI, f.period, f.unit, f.dims)) if f.concept == NET_INCOME else None
        if nci is not None and any(_parent_plus(g, nci, f) for g in incomes[(f.period, f.unit, f.dims)]):
            step = f"consolidated: the parent's net income plus {nci.value} attributable to noncontrolling interests"
            prov = replace(f.provenance, steps=f.provenance.steps + (step,)) if f.provenance else None
            f = replace(f, concept=CONSOLIDATED, provenance=prov)
        out.append(f)
    return out
