"""A primary statement's prior-year column headed "As Adjusted" (an accounting change applied to it, as insurers'
2023 statements print it) is that year's own; an "As Adjusted" column beside the same period's GAAP column, or
in a reconciliation, stays a non-GAAP view (engine/column_passes.retrospective)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.pipeline import convert_text

HEAD = """Acme Health Reports First Quarter 2024 Results

DAYTON, Ohio, April 29, 2024 -- Acme Health today reported results for the first quarter of 2024.

"""


def _sales(table: str) -> dict[tuple[date, date], Decimal]:
    result = convert_text(HEAD + table, issuer="none")
    return {(f.period.start, f.period.end): f.value for f in result.facts
            if f.concept == "us-gaap:Revenues" and not f.dims}


def test_a_statements_as_adjusted_prior_year_is_that_years_own():
    sales = _sales("""CONDENSED CONSOLIDATED STATEMENTS OF INCOME (in thousands)

| | Three Months Ended March 31, | |
| --- | --- | --- |
| | 2024 | 2023 As Adjusted (1) |
| Revenue | 712,400 | 682,283 |
| Net income | 101,200 | 96,400 |
""")
    assert sales[(date(2023, 1, 1), date(2023, 3, 31))] == Decimal("682283000")
    assert sales[(date(2024, 1, 1), date(2024, 3, 31))] == Decimal("712400000")


def test_as_adjusted_beside_the_same_periods_gaap_column_or_in_a_reconciliation_is_not_read_as_gaap():
    beside = _sales("""CONDENSED CONSOLIDATED STATEMENTS OF INCOME (in thousands)

| | Three Months Ended March 31, 2024 | |
| --- | --- | --- |
| | GAAP | As Adjusted |
| Revenue | 712,400 | 730,000 |
""")
    assert Decimal("730000000") not in beside.values()
    reconciliation = _sales("""RECONCILIATION OF GAAP TO ADJUSTED RESULTS (in thousands)

| | Three Months Ended March 31, | |
| --- | --- | --- |
| | 2024 | 2023 As Adjusted |
| Revenue | 712,400 | 682,283 |
""")
    assert Decimal("682283000") not in reconciliation.values()


def test_as_adjusted_as_a_view_of_a_period_printed_plainly_or_of_an_acquisition_is_not_read():
    beside = _sales("""CONDENSED CONSOLIDATED STATEMENTS OF INCOME (in thousands)

| | Three Months Ended December 31, | | |
| --- | --- | --- | --- |
| | 2024 | 2024 As Adjusted | 2023 As Adjusted |
| Revenue | 712,400 | 730,000 | 690,300 |
""")
    assert Decimal("690300000") not in beside.values() and Decimal("730000000") not in beside.values()
    acquisition = _sales("""CONDENSED CONSOLIDATED STATEMENTS OF INCOME (in thousands)

| | Year Ended December 31, 2024 | | |
| --- | --- | --- | --- |
| | Historical | Acquisition | As Adjusted |
| Revenue | 2,712,400 | 312,000 | 3,024,400 |
""")
    assert Decimal("3024400000") not in acquisition.values()
