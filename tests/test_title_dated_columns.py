"""Columns named "Fourth Quarter" and "Fiscal Year" over bare years, dated only by the statement's title ("For
the Three and Twelve Months Ended September 30, 2025 and 2024"): the title's day ends each column, and a
"Fiscal Year" column so dated states the issuer's year end, by which the text's fiscal periods are dated
(engine/columns._caption_day, engine/fiscal_calendar._named_year_ends)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.pipeline import convert_text

RELEASE = """Acme Supply Reports Fiscal 2025 Fourth Quarter Results

DAYTON, Ohio, Nov. 12, 2025 -- Acme Supply today reported results for its fiscal 2025 fourth quarter and full year.
Net sales for the fourth quarter of fiscal 2025 were $596.0 million, compared with $576.1 million in the fourth
quarter of fiscal 2024.

For fiscal 2026, the Company expects net sales of $2.45 billion to $2.55 billion.

CONSOLIDATED STATEMENTS OF INCOME
For the Three and Twelve Months Ended September 30, 2025 and 2024
(in thousands, except per share amounts)

| | Fourth Quarter | | Fiscal Year | |
| --- | --- | --- | --- | --- |
| | 2025 | 2024 | 2025 | 2024 |
| Net sales | $ 596,008 | $ 576,088 | $ 2,375,312 | $ 2,186,436 |
| Net income | 37,292 | 44,887 | 167,858 | 138,623 |
"""


def _periods(text: str, concept: str, category: str = "table") -> dict[tuple[date, date], Decimal]:
    result = convert_text(text, issuer="none")
    return {(f.period.start, f.period.end): f.value for f in result.facts
            if f.concept == concept and f.category == category and not f.dims
            or category == "guidance" and f.concept == concept and f.category == category}


def test_the_titles_day_ends_quarter_and_fiscal_year_columns_named_over_bare_years():
    sales = _periods(RELEASE, "us-gaap:Revenues")
    assert sales[(date(2024, 7, 1), date(2024, 9, 30))] == Decimal("576088000")
    assert sales[(date(2023, 10, 1), date(2024, 9, 30))] == Decimal("2186436000")
    assert sales[(date(2024, 10, 1), date(2025, 9, 30))] == Decimal("2375312000")
    assert (date(2024, 1, 1), date(2024, 12, 31)) not in sales     # no calendar year 2024 guessed


def test_a_fiscal_year_column_the_title_dates_states_the_year_end_the_text_is_dated_by():
    outlook = _periods(RELEASE, "us-gaap:Revenues", "guidance")
    assert set(outlook) == {(date(2025, 10, 1), date(2026, 9, 30))}   # fiscal 2026, not calendar 2026
    result = convert_text(RELEASE, issuer="none")
    quarter = [f for f in result.facts if f.concept == "us-gaap:Revenues" and f.period.end == date(2024, 12, 31)]
    assert quarter == []   # "the fourth quarter of fiscal 2024" is July to September 2024


def test_columns_named_by_different_quarters_do_not_all_take_the_titles_day():
    # "Third Quarter" and "Second Quarter" over "2025 | 2024" under "Periods Ended September 30": the second
    # quarter's columns end on a day of their own, which the title does not print (given it, the two quarters
    # collided, and the table was withheld)
    text = RELEASE.replace("| | Fourth Quarter | | Fiscal Year | |", "| | Third Quarter | | Second Quarter | |")
    sales = _periods(text, "us-gaap:Revenues")
    assert sales[(date(2025, 4, 1), date(2025, 6, 30))] == Decimal("2375312000")
    assert Decimal("2375312000") not in {v for (_s, end), v in sales.items() if end.month == 9}


def test_a_total_column_is_no_fiscal_year():
    # a segment table's "Total" under "September 30, 2024", its "Three Months Ended" lost at a page break: read as
    # "Fiscal Year", the quarter's total had been written as the twelve months to September 30
    text = RELEASE.split("CONSOLIDATED")[0] + """SEGMENT RESULTS (In thousands)

| | September 30, | | |
| --- | --- | --- | --- |
| | 2024 | | |
| | U.S. Drilling | International | Total |
| Depreciation and amortization | 66,966 | 92,268 | 159,234 |
"""
    result = convert_text(text, issuer="none")
    assert not [f for f in result.facts if f.concept == "us-gaap:DepreciationDepletionAndAmortization"
                and f.period.start == date(2023, 10, 1)]


def test_a_title_that_names_only_the_quarter_dates_no_full_year_column():
    # "First Quarter | Full Year" over "2025 | 2024 | 2024" under "For the Three Months Ended March 31, 2025 and
    # 2024": the full year is the calendar year, not the twelve months to March 31 (nor does it move the year end,
    # by which the text's "first quarter of 2025" is dated)
    text = """Acme Corp Reports First Quarter 2025 Results

DAYTON, Ohio, April 28, 2025 -- Acme Corp today reported results for the first quarter of 2025.

Net sales for the first quarter of 2025 were $512.4 million, compared with $488.1 million in the first quarter of 2024.

SELECTED FINANCIAL DATA
For the Three Months Ended March 31, 2025 and 2024
(in thousands, except per share amounts)

| | First Quarter | | Full Year |
| --- | --- | --- | --- |
| | 2025 | 2024 | 2024 |
| Net sales | 512,400 | 488,100 | 2,040,300 |
| Net income | 41,200 | 38,900 | 170,100 |
"""
    sales = _periods(text, "us-gaap:Revenues")
    assert sales == {(date(2025, 1, 1), date(2025, 3, 31)): Decimal("512400000"),
                     (date(2024, 1, 1), date(2024, 3, 31)): Decimal("488100000"),
                     (date(2024, 1, 1), date(2024, 12, 31)): Decimal("2040300000")}
