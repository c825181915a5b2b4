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


def test_retail_release_with_week_counted_periods_and_fiscal_year_named_by_its_start():
    r = convert(DATA / "retail-release.html", issuer="none")
    facts = _by(r)
    assert facts[("Revenues", "2024-05-05..2024-08-03")].value == Decimal("412610000")        # 13 weeks
    assert facts[("CostOfRevenue", "2023-01-29..2023-07-29")].value == Decimal("499010000")   # 26 weeks
    assert facts[("InterestExpense", "2024-05-05..2024-08-03")].value == Decimal("1120000")   # printed (1,120)
    assert facts[("WeightedAverageNumberOfDilutedSharesOutstanding", "2024-05-05..2024-08-03")].value \
        == Decimal("28490000")
    outlook = {(f.concept, dict(f.dims)["srt:RangeAxis"]): f for f in r.facts if f.dims}
    assert str(outlook[("us-gaap:Revenues", "srt:MinimumMember")].period) == "2024-02-04..2025-02-01"
    assert outlook[("us-gaap:EarningsPerShareDiluted", "srt:MaximumMember")].value == Decimal("2.30")


def test_old_fixed_width_release_with_wrapped_label():
    r = convert(DATA / "oldstyle-release.txt", issuer="none")
    assert r.info.layout == "fixed"
    facts = _by(r)
    assert facts[("SellingGeneralAndAdministrativeExpense", "2003-10-01..2003-12-31")].value == Decimal("15940000")
    assert facts[("OtherNonoperatingIncomeExpense", "2002-10-01..2002-12-31")].value == Decimal("-30000")
    assert facts[("WeightedAverageNumberOfDilutedSharesOutstanding", "2003-01-01..2003-12-31")].value \
        == Decimal("10001000")
    assert len([f for f in r.facts if not f.dims]) == 56


def test_pipe_release_with_non_gaap_reconciliation_tags_only_gaap_lines():
    r = convert(DATA / "saas-release.txt", issuer="none")
    assert r.info.layout == "pipe"
    facts = _by(r)
    q = "2025-02-01..2025-04-30"
    assert facts[("OperatingIncomeLoss", q)].value == Decimal("-14200000")
    assert facts[("Revenues", q)].value == Decimal("212400000")
    assert facts[("EarningsPerShareBasicAndDiluted", q)].value == Decimal("-0.09")
    assert all(f.value != Decimal("21700000") for f in r.facts)   # non-GAAP operating income is not tagged
    assert all(f.value != Decimal("27900000") for f in r.facts)   # nor Adjusted EBITDA
