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


def _by_context(facts: list[Fact]) -> dict[tuple, dict[str, Fact]]:
    """(period, dims) -> concept -> fact, the last of a concept as in _index: the checks look up each of the
    taxonomy's relations in every context by concept alone (a key with the period hashes its dataclass)."""
    out: dict[tuple, dict[str, Fact]] = {}
    for f in facts:
        out.setdefault((f.period, f.dims), {})[f.concept] = f
    return out


def _summations(idx: dict[str, Fact], tax: Taxonomy):
    """(calculation, total, items, sum of the items, rounding slack) for each of the taxonomy's summations
    whose total and items one context's facts (`idx`, concept -> fact) all state."""
    for calc in tax.calculations:
        total = idx.get(calc.total)
        if total is None:
            continue
        items = [(idx.get(c), w) for c, w in calc.items]
        if any(f is None for f, _w in items) or any(u in idx for u in calc.unless):
            continue
        s = sum((f.value * w for f, w in items), Decimal(0))
        yield calc, total, items, s, half_interval(total) + sum((half_interval(f) for f, _w in items), Decimal(0))


def check_calculations(facts: list[Fact], tax: Taxonomy) -> list[Finding]:
    by_context = _by_context(facts)
    out: list[Finding] = []
    for ctx in sorted(by_context, key=str):
        period, _dims = ctx
        idx = by_context[ctx]
        for calc, total, items, s, slack in _summations(idx, tax):
            if abs(s - total.value) > slack:
                out.append(Finding("warning", "calculation-inconsistency",
                                   f"{calc.id} {period}: {calc.total} is {total.value} but its items sum to {s}",
                                   (total,) + tuple(f for f, _w in items)))
        for eq in tax.equalities:
            a, b = idx.get(eq.left), idx.get(eq.right)
            if a and b and abs(a.value - b.value) > half_interval(a) + half_interval(b):
                out.append(Finding("warning", "equality-inconsistency",
                                   f"{eq.id} {period}: {eq.left} {a.value} != {eq.right} {b.value}", (a, b)))
    return out


def holds_a_calculation(facts: list[Fact], tax: Taxonomy) -> bool:
    """Whether a calculation of the taxonomy with two items or more holds among `facts` in some context, with
    a total other than zero (dashes add up to a dash in any pairing)."""
    return any(len(items) >= 2 and total.value and abs(s - total.value) <= slack
               for idx in _by_context(facts).values() for _calc, total, items, s, slack in _summations(idx, tax))


EPS_PAIRS = (
    ("us-gaap:EarningsPerShareBasic", "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
    ("us-gaap:EarningsPerShareDiluted", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    ("us-gaap:EarningsPerShareBasicAndDiluted", "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted"),
    ("us-gaap:EarningsPerShareBasicAndDiluted", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
)


NUMERATORS = ("us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic", "us-gaap:NetIncomeLoss")


def check_eps(facts: list[Fact]) -> list[Finding]:
    """EPS ≈ net income / weighted shares, within the rounding of the printed figures (plus a cent). The
    numerator is what is left for common stockholders after preferred dividends when the release prints it,
    and a per-share figure that fits either numerator is consistent."""
    idx = _index(facts)
    out: list[Finding] = []
    periods = sorted({f.period for f in facts if f.concept in NUMERATORS and not f.dims}, key=str)
    for period in periods:
        incomes = [idx[(c, period, ())] for c in NUMERATORS if (c, period, ()) in idx]
        for eps_c, sh_c in EPS_PAIRS:
            eps, shares = idx.get((eps_c, period, ())), idx.get((sh_c, period, ()))
            if not eps or not shares or shares.value == 0:
                continue
            misses = [m for m in (eps_miss(f, eps, shares) for f in incomes) if m is not None]
            if len(misses) == len(incomes):
                out.append(Finding("warning", "eps-inconsistency",
                                   f"{eps_c} {period}: printed {eps.value}, net income / shares = "
                                   f"{misses[-1].quantize(Decimal('0.0001'))}", (eps, incomes[-1], shares)))
            break
    return out


def eps_miss(income: Fact, eps: Fact, shares: Fact):
    """income / shares when it is not `eps` within the rounding of the three, else None."""
    ratio = income.value / shares.value
    rel = (half_interval(income) / abs(income.value) if income.value else Decimal(0)) + half_interval(shares) / shares.value
    slack = half_interval(eps) + abs(ratio) * rel + Decimal("0.01")
    return ratio if abs(ratio - eps.value) > slack else None


def run_checks(facts: list[Fact], tax: Taxonomy) -> list[Finding]:
    return check_calculations(facts, tax) + check_eps(facts)
