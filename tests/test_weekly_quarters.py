"""A first-quarter release of a 52/53-week issuer prints a quarter ending on a weekend day off a month's end
("Apr 1, 2023") and no longer year to date: its quarters are 13 weeks, so the second quarter an outlook names
ends 13 weeks later (July 1), not on June 30 (engine/fiscal_calendar.py)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from converter.engine.column_period import ColumnPeriod
from converter.engine.release_calendar import Calendar
from converter.engine.dates import Length
from converter.engine.fiscal_calendar import began_after
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
    from converter.engine.release_calendar import Calendar, year_to_date
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


# ------------------------------------------------------------------ where a period counted in weeks began

@pytest.mark.parametrize("stated,day,settled", [
    # Apple: September 25, 2010 is the last Saturday of September, not the one nearest its end (October 2), so
    # the year before ended on the last Saturday, September 26, 2009; a week earlier is no year end
    (date(2010, 9, 25), date(2009, 9, 26), True),
    (date(2010, 9, 25), date(2009, 9, 19), False),
    # Adobe: December 2, 2022 is the Friday nearest November's end; 2021's was December 3
    (date(2022, 12, 2), date(2021, 12, 3), True),
    (date(2022, 12, 2), date(2021, 11, 26), False),
    # a year that ended on a Saturday both customs give (December 28, 2024): 2023 ended on December 30 by both
    (date(2024, 12, 28), date(2023, 12, 30), True),
    # a year ending on December 31, 2022, a month's end: it says nothing about its weekday's custom
    (date(2022, 12, 31), date(2022, 1, 1), False),
    # NVIDIA: the last Sunday of January; a 52-week year between settled ends makes the third quarter end
    # 39 weeks in (October 26, 2025)
    (date(2026, 1, 25), date(2025, 10, 26), True),
    (date(2026, 1, 25), date(2025, 10, 19), False),
])
def test_a_stated_year_end_settles_the_years_its_custom_gives(stated, day, settled):
    assert began_after(day, Calendar(stated_year_end=stated)) is settled


def test_without_a_stated_year_end_nothing_is_settled_but_the_dates_the_release_prints():
    # Intel's quarter ended April 2, 2022 began on December 26, 2021: counted back 13 weeks, January 1 is a guess
    assert not began_after(date(2022, 1, 1), Calendar())
    assert began_after(date(2022, 12, 31), Calendar(dates=(date(2022, 12, 31),)))


def test_a_year_to_date_column_beside_that_counts_back_to_a_printed_date_states_the_year_end():
    cal = Calendar(dates=(date(2024, 12, 28), date(2025, 9, 27)))
    this = ColumnPeriod(date(2025, 9, 27), Length(months=9))
    last = ColumnPeriod(date(2024, 9, 28), Length(months=9))
    assert began_after(date(2023, 12, 30), cal, [this, last])
    # a quarter beside it does not run from the year's start: it states nothing
    quarter = ColumnPeriod(date(2025, 9, 27), Length(months=3))
    assert not began_after(date(2023, 12, 30), replace(cal, dates=(date(2025, 6, 28),)), [quarter, last])


def test_the_columns_read_to_find_the_calendar_are_handed_on_only_under_that_calendar():
    """fiscal_calendar reads every table's columns when the text states no year end; the engine takes them
    instead of reading them again only where the calendar returned is the one they were read under: a
    weekly quarter ("Apr 1, 2023") gives another calendar, and nothing is handed on."""
    from converter.engine.columns import resolve_columns
    from converter.engine.fiscal_calendar import fiscal_calendar
    from converter.readers.detect import read_document
    for this, last, handed in (("March 31, 2023", "March 31, 2022", True), ("Apr 1, 2023", "Apr 2, 2022", False)):
        doc = read_document(RELEASE.format(this=this, last=last), "pipe")
        read: dict = {}
        cal = fiscal_calendar(doc, None, read)
        assert bool(read) == handed and doc.tables
        for table in doc.tables:
            if handed:
                assert read[id(table)] == (table, resolve_columns(table, cal))


@pytest.mark.parametrize("anchor, fy, end", [
    (date(2021, 1, 30), 2019, date(2020, 2, 1)),    # a year back from January 30 is 52 weeks, not 53
    (date(2005, 1, 29), 2003, date(2004, 1, 31)),
    (date(2021, 1, 30), 2020, date(2021, 1, 30)),
])
def test_a_weekly_year_a_year_back_is_the_anchors_weekday_nearest_its_day(anchor, fy, end):
    cal = Calendar((), 1, anchor, named_by_start=True)
    assert cal.fiscal_year_end(fy) == end
    assert cal.quarter_end(4, fy) == end    # a fourth quarter ends its year


RETAIL = """Acme Stores Reports Fourth Quarter Results

ANYTOWN, Ohio, March 3, 2021 -- Acme Stores, Inc. today reported results for the fourth quarter and fiscal year
2020, which ended January 30, 2021.

| (in thousands) | | | | |
| --- | --- | --- | --- | --- |
| | Fourth Quarter | | Fiscal Year | |
| | 2020 | 2019 | 2020 | 2019 |
| Net sales | 120,500 | 110,200 | 482,000 | 440,800 |
"""


def test_a_retailers_prior_fourth_quarter_and_fiscal_years_end_on_their_weeks():
    facts = {str(f.period): f.value for f in convert_text(RETAIL, issuer="none", layout="markdown").facts
             if f.concept == "us-gaap:Revenues"}
    assert facts["2020-11-01..2021-01-30"] == Decimal("120500000")
    assert facts["2019-11-03..2020-02-01"] == Decimal("110200000")
    assert facts["2020-02-02..2021-01-30"] == Decimal("482000000")
    assert facts["2019-02-03..2020-02-01"] == Decimal("440800000")


def test_the_weeks_a_release_says_its_period_counts_do_not_hide_the_calendar_it_states():
    # "fiscal year (52 weeks) ended December 29, 2024" and "the third quarter of fiscal 2024, the thirteen weeks
    # ended November 2, 2024": the weeks between the period and its end hid the end, and "fiscal 2024" was the
    # calendar year (revenue to December 31; an outlook for fiscal 2024 ending in December, not February)
    result = convert_text("DALLAS, Feb. 20, 2025 -- Salt & Ember Grill, Inc. today reported results for the fourth "
                          "quarter (13 weeks) and fiscal year (52 weeks) ended December 29, 2024.\n\nFor fiscal 2024, "
                          "total revenues were $1.27 billion.\n", issuer="none")
    assert [str(f.period.end) for f in result.facts if f.concept == "us-gaap:Revenues"] == ["2024-12-29"]
    result = convert_text("COLUMBUS, Ohio, Dec. 4, 2024 -- Bramble Home, Inc. today announced results for the third "
                          "quarter of fiscal 2024, the thirteen weeks ended November 2, 2024.\n\nFor fiscal 2024 the "
                          "Company now expects diluted earnings per share of $2.12 to $2.18.\n", issuer="none")
    assert {str(f.period) for f in result.facts} == {"2024-02-04..2025-02-01"}


def test_a_53_week_years_fourth_quarter_of_14_weeks_is_no_other_length_than_its_13_week_peer():
    # "13 Weeks Ended | 14 Weeks Ended | 52 Weeks Ended | 53 Weeks Ended" over two groups of years: read as two
    # titles saying different lengths of one group, every column was contested and the statement gave nothing
    text = """Pinecrest Outfitters Reports Fourth Quarter Fiscal 2024 Results

COLUMBUS, Ohio, March 5, 2025 -- Pinecrest Outfitters, Inc. today reported results for the fourth quarter of fiscal 2024.

CONSOLIDATED STATEMENTS OF INCOME
(Unaudited; in thousands, except per share amounts)

                                                            13 Weeks Ended  14 Weeks Ended  52 Weeks Ended  53 Weeks Ended
                                                               February 1,     February 3,     February 1,     February 3,
                                                                      2025            2024            2025            2024

Net sales                                                      $ 1,208,410     $ 1,257,530     $ 4,402,010     $ 4,451,120
Cost of sales                                                      768,549         808,590       2,839,700       2,880,010
Net income                                                        $ 71,320        $ 69,410       $ 201,810       $ 214,650
"""
    revenue = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="fixed").facts
               if f.concept == "us-gaap:Revenues"}
    assert revenue == {"2024-11-03..2025-02-01": Decimal("1208410000"), "2023-10-29..2024-02-03": Decimal("1257530000"),
                       "2024-02-04..2025-02-01": Decimal("4402010000"), "2023-01-29..2024-02-03": Decimal("4451120000")}


def test_a_length_in_weeks_under_a_year_to_date_title_is_the_columns_length():
    # "Fiscal 2024 YTD" over "39 Weeks Ended November 2, 2024": the two lengths claimed the column and neither
    # was kept, and the retailer's year-to-date columns gave nothing
    text = """Marlowe Reports Third Quarter Results

CITY, Nov. 20, 2024 -- Marlowe today reported results.

| (in thousands) | | | | |
| --- | --- | --- | --- | --- |
| | Fiscal 2024 Q3 | Fiscal 2023 Q3 | Fiscal 2024 YTD | Fiscal 2023 YTD |
| | 13 Weeks Ended November 2, 2024 | 13 Weeks Ended October 28, 2023 | 39 Weeks Ended November 2, 2024 | 39 Weeks Ended October 28, 2023 |
| Net sales | 642,700 | 618,900 | 1,855,200 | 1,801,200 |
"""
    sales = {(f.period.start, f.period.end): f.value for f in convert_text(text, issuer="none", layout="markdown").facts
             if f.concept == "us-gaap:Revenues"}
    assert sales[(date(2024, 2, 4), date(2024, 11, 2))] == Decimal("1855200000")
    assert sales[(date(2023, 1, 29), date(2023, 10, 28))] == Decimal("1801200000")
    assert len(sales) == 4


def test_a_length_over_every_column_does_not_outweigh_a_year_to_date_over_its_own():
    # "Three Months Ended December 31," over four columns, "2024 YTD" over one: the columns' own "YTD" names
    # their length; taken as three months, they clashed with the quarters and the table was withheld
    text = """Marlowe Reports Fourth Quarter Results

CITY, Feb. 20, 2025 -- Marlowe today reported results.

| (in thousands) | | | | |
| --- | --- | --- | --- | --- |
| | Three Months Ended December 31, | | | |
| | 2024 | 2023 | 2024 YTD | 2023 YTD |
| Net sales | 642,700 | 618,900 | 2,455,200 | 2,401,200 |
"""
    sales = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="markdown").facts
             if f.concept == "us-gaap:Revenues"}
    assert sales == {"2024-10-01..2024-12-31": Decimal("642700000"), "2023-10-01..2023-12-31": Decimal("618900000"),
                     "2024-01-01..2024-12-31": Decimal("2455200000"), "2023-01-01..2023-12-31": Decimal("2401200000")}
