"""A first-quarter release of a 52/53-week issuer prints a quarter ending on a weekend day off a month's end
("Apr 1, 2023") and no longer year to date: its quarters are 13 weeks, so the second quarter an outlook names
ends 13 weeks later (July 1), not on June 30 (engine/fiscal_calendar.py)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.pipeline import convert_text

RELEASE = """SANTA CLARA, Calif., April 27, 2023 -- Acme Corporation today reported first-quarter 2023 financial results.

Acme expects second-quarter 2023 revenue of $11.5 billion to $12.5 billion.

CONSOLIDATED CONDENSED STATEMENTS OF INCOME
(In Millions)
| | Three Months Ended | |
| | {this} | {last} |
| Net revenue | 11,715 | 18,353 |
| Cost of sales | 7,707 | 9,109 |
| Gross margin | 4,008 | 9,244 |
"""


def _outlook(this: str, last: str):
    result = convert_text(RELEASE.format(this=this, last=last), issuer="none", layout="pipe")
    return {(f.period.start, f.period.end, f.value) for f in result.facts
            if f.concept == "us-gaap:Revenues" and f.category == "guidance"}


def test_an_outlook_quarter_of_a_weekly_calendar_is_counted_in_weeks():
    assert _outlook("Apr 1, 2023", "Apr 2, 2022") == {
        (date(2023, 4, 2), date(2023, 7, 1), Decimal("11500000000")),
        (date(2023, 4, 2), date(2023, 7, 1), Decimal("12500000000"))}


def test_an_outlook_quarter_of_a_month_end_calendar_ends_on_the_months_end():
    assert {(s, e) for s, e, _v in _outlook("March 31, 2023", "March 31, 2022")} == {(date(2023, 4, 1),
                                                                                       date(2023, 6, 30))}


def test_the_year_to_date_of_a_weekly_quarter_ending_in_a_months_first_week_counts_the_month_before():
    # "Apr 2, 2022" ends the first 13-week quarter, not four months; a year ending "February 1, 2025" is the
    # January fiscal year, so "November 2, 2024" is nine months into it (an unread column was settled by
    # elimination to a four-month "year to date" starting December 3)
    from converter.engine.columns import Calendar, year_to_date
    from converter.engine.dates import Length
    intel = Calendar(fiscal_year_end_month=12, anchor=date(2022, 12, 31), weekly_quarters=True)
    assert year_to_date(date(2022, 4, 2), intel) == Length(months=3)
    assert year_to_date(date(2022, 7, 2), intel) == Length(months=6)
    retailer = Calendar(fiscal_year_end_month=2, anchor=date(2025, 2, 1), weekly_quarters=True)
    assert year_to_date(date(2024, 11, 2), retailer) == Length(months=9)
    assert year_to_date(date(2024, 8, 3), retailer) == Length(months=6)
    monthly = Calendar(fiscal_year_end_month=12, anchor=date(2022, 12, 31))
    assert year_to_date(date(2022, 9, 30), monthly) == Length(months=9)


def test_an_outlook_after_a_weekly_quarter_no_table_dates_ends_thirteen_weeks_on():
    # no table is read (the statements' lines ran together, as a printed page clipped them): the quarter the
    # text reports ends on a Saturday three days before the month's end, so "the fourth quarter" ends 13
    # weeks later (December 27), not on December 31
    text = ("SAN JOSE, Calif., Oct. 29, 2025 -- Acme Semiconductor today reported financial results for its "
            "third quarter of fiscal 2025.\n\n"
            "Revenue of $1.84 billion increased 16% year over year in the third quarter of fiscal 2025.\n\n"
            "For the fourth quarter of fiscal 2025, Acme expects revenue of $1.90 billion to $1.98 billion.\n\n"
            "ACME SEMICONDUCTOR, INC.   CONDENSED CONSOLIDATED BALANCE SHEETS   (In millions)   "
            "September 27, 2025   December 28, 2024   ASSETS   Current assets:   Cash and cash equivalents\n")
    result = convert_text(text, issuer="none")
    outlook = {(f.period.start, f.period.end, f.value) for f in result.facts
               if f.concept == "us-gaap:Revenues" and f.category == "guidance"}
    assert outlook == {(date(2025, 9, 28), date(2025, 12, 27), Decimal("1.90E+9")),
                       (date(2025, 9, 28), date(2025, 12, 27), Decimal("1.98E+9"))}
