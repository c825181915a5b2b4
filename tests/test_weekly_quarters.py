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
