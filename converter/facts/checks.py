"""Checks of facts against each other: the taxonomy's summations and equalities, and EPS against net
income over shares. Checks read facts and report findings; they never change a fact.

Tolerance follows XBRL Calculations 1.1: each value stands for the interval its decimals allow, and a
summation is consistent when the intervals of the total and of the sum overlap.
"""
from __future__ import annotations

from decimal import Decimal

from ..model import Fact, Finding
from ..taxonomy import Taxonomy


def half_interval(f: Fact) -> Decimal:
    """Half the rounding interval the fact's decimals allow."""
    return Decimal(1).scaleb(-f.decimals) / 2


def _index(facts: list[Fact]) -> dict[tuple, Fact]:
    return {(f.concept, f.period, f.dims): f for f in facts}


def contexts(facts: list[Fact]) -> set[tuple]:
    return {(f.period, f.dims) for f in facts}


def check_calculations(facts: list[Fact], tax: Taxonomy) -> list[Finding]:
    idx = _index(facts)
    out: list[Finding] = []
    for ctx in sorted(contexts(facts), key=str):
        period, dims = ctx
        for calc in tax.calculations:
            total = idx.get((calc.total, period, dims))
            items = [(idx.get((c, period, dims)), w) for c, w in calc.items]
            if total is None or any(f is None for f, _w in items) or \
                    any((u, period, dims) in idx for u in calc.unless):
                continue
            s = sum((f.value * w for f, w in items), Decimal(0))
            slack = half_interval(total) + sum((half_interval(f) for f, _w in items), Decimal(0))
            if abs(s - total.value) > slack:
                out.append(Finding("warning", "calculation-inconsistency",
                                   f"{calc.id} {period}: {calc.total} is {total.value} but its items sum to {s}",
                                   (total,) + tuple(f for f, _w in items)))
        for eq in tax.equalities:
            a, b = idx.get((eq.left, period, dims)), idx.get((eq.right, period, dims))
            if a and b and abs(a.value - b.value) > half_interval(a) + half_interval(b):
                out.append(Finding("warning", "equality-inconsistency",
                                   f"{eq.id} {period}: {eq.left} {a.value} != {eq.right} {b.value}", (a, b)))
    return out


EPS_PAIRS = (
    ("us-gaap:EarningsPerShareBasic", "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
    ("us-gaap:EarningsPerShareDiluted", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    ("us-gaap:EarningsPerShareBasicAndDiluted", "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted"),
    ("us-gaap:EarningsPerShareBasicAndDiluted", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
)


def check_eps(facts: list[Fact]) -> list[Finding]:
    """EPS ≈ net income / weighted shares, within the rounding of the printed figures (plus a cent)."""
    idx = _index(facts)
    out: list[Finding] = []
    for f in facts:
        if f.concept != "us-gaap:NetIncomeLoss" or f.dims:
            continue
        for eps_c, sh_c in EPS_PAIRS:
            eps, shares = idx.get((eps_c, f.period, ())), idx.get((sh_c, f.period, ()))
            if not eps or not shares or shares.value == 0:
                continue
            ratio = f.value / shares.value
            # bound the error from rounding of the income and the share count
            rel = (half_interval(f) / abs(f.value) if f.value else Decimal(0)) + half_interval(shares) / shares.value
            slack = half_interval(eps) + abs(ratio) * rel + Decimal("0.01")
            if abs(ratio - eps.value) > slack:
                out.append(Finding("warning", "eps-inconsistency",
                                   f"{eps_c} {f.period}: printed {eps.value}, net income / shares = "
                                   f"{ratio.quantize(Decimal('0.0001'))}", (eps, f, shares)))
            break
    return out


def run_checks(facts: list[Fact], tax: Taxonomy) -> list[Finding]:
    return check_calculations(facts, tax) + check_eps(facts)
