"""Releases we wrote to exercise layouts the corpus lacks: a bank's HTML with three quarters side by side and
a split negative, converted with base rules only."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from converter import convert

DATA = Path(__file__).parent / "data"


def _by(result):
    return {(f.concept.split(":")[1], str(f.period)): f for f in result.facts}


def test_bank_release_with_quarters_side_by_side():
    r = convert(DATA / "bank-release.html", issuer="none")
    facts = _by(r)
    assert facts[("InterestIncomeExpenseNet", "2024-04-01..2024-06-30")].value == Decimal("10360000")
    assert facts[("ProvisionForLoanLeaseAndOtherLosses", "2023-07-01..2023-09-30")].value == Decimal("-120000")
    assert facts[("NoninterestExpense", "2024-07-01..2024-09-30")].value == Decimal("7300000")
    assert facts[("Deposits", "2023-12-31")].value == Decimal("1160800000")
    assert facts[("EarningsPerShareDiluted", "2024-07-01..2024-09-30")].decimals == 2
    assert r.entity.ticker == "FRTB" and r.entity.name == "First Rivertown Bancorp, Inc."
    assert not r.findings
