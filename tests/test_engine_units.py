"""Mechanisms of the engine, one at a time: figures, periods, calendars, scale notes, sentences, entity."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.engine.release_calendar import document_calendar
from converter.engine.dates import FULL_DATE, Length, full_dates
from converter.engine.entity import CIK_SCHEME, find_entity, parse_entity_option
from converter.engine.numbers import parse_figure
from converter.engine.scale import find_scale
from converter.pipeline import convert_text


@pytest.mark.parametrize("text,value,decimals,nil", [
    ("1,234", Decimal("1234"), 0, False),
    ("(1,234)", Decimal("-1234"), 0, False),
    ("$(0.39)", Decimal("-0.39"), 2, False),
    ("$ 5,076", Decimal("5076"), 0, False),
    ("\u2212400", Decimal("-400"), 0, False),   # the minus sign a typesetter prints, not a hyphen
    ("—", None, 0, True),
    ("-", None, 0, True),
    # a footnote's mark printed against the figure: no digit of it
    ("4,495*", Decimal("4495"), 0, False),
    ("9,995(1)", Decimal("9995"), 0, False),
    ("(1,340)(a)", Decimal("-1340"), 0, False),
    ("$0.30†", Decimal("0.30"), 2, False),
    ("487 (a)", Decimal("487"), 0, False),
])
def test_parse_figure(text, value, decimals, nil):
    f = parse_figure(text)
    assert (f.value, f.decimals, f.nil) == (value, decimals, nil)


@pytest.mark.parametrize("text", ["(1,234", "Revenue", "1,23,4", "Q4(1)", "1,234(ab)",
                                  "12 (3)"])   # two figures run together, maybe: not the first with a mark
def test_not_a_figure(text):
    assert parse_figure(text) is None


def test_lengths_count_months_back_from_month_ends_and_weeks_otherwise():
    assert Length(months=3).start_for(date(2016, 12, 31)) == date(2016, 10, 1)
    assert Length(months=6).start_for(date(2016, 12, 31)) == date(2016, 7, 1)
    assert Length(months=3).start_for(date(2023, 3, 3)) == date(2022, 12, 3)   # 13 weeks
    assert Length(weeks=13).start_for(date(2024, 8, 3)) == date(2024, 5, 5)


def test_calendar_from_a_52_53_week_fiscal_year():
    cal = document_calendar("Annual Report on Form 10-K for our fiscal year 2022 ended Dec. 2, 2022.")
    assert cal.fiscal_year_end(2023) == date(2023, 12, 1)
    assert cal.quarter_end(2, 2023) == date(2023, 6, 2)


def test_calendar_from_last_day_of_prior_fiscal_year():
    cal = document_calendar("rates in effect on May 31, 2021, which was the last day of our prior fiscal year")
    assert cal.fiscal_year_end(2022) == date(2022, 5, 31)
    assert cal.quarter_end(3, 2022) == date(2022, 2, 28)


def test_calendar_named_by_the_quarter_that_belongs_to_it():
    # a January year end named by the year it ends in (software), told by the quarter phrase itself
    cal = document_calendar("results for its third quarter of fiscal 2025, ended October 31, 2024.")
    assert cal.fiscal_year_end(2025) == date(2025, 1, 31)
    assert cal.quarter_end(4, 2025) == date(2025, 1, 31)
    # the same month named by the year it begins in (retail)
    cal = document_calendar("results for the third quarter of fiscal 2024 ended November 2, 2024.")
    assert cal.fiscal_year_end(2024) == date(2025, 2, 1)


def test_calendar_snaps_to_the_printed_end_after_a_53_week_year():
    cal = document_calendar("for the fiscal year ending February 1, 2025 and the quarter ended July 29, 2023")
    assert cal.quarter_end(2, 2023) == date(2023, 7, 29)   # fiscal 2023 had 53 weeks: counted, Aug 5


@pytest.mark.parametrize("note,money,shares", [
    ("(in thousands, except per share amounts)", 3, 3),
    ("(In millions, except per share data)", 6, 6),
    ("(in thousands, except share and per share data)", 3, 0),
    ("(in millions, except share amounts which are reflected in thousands and per share amounts)", 6, 3),
    ("($ in millions)", 6, 6),
    ("($000's omitted, except per share data)", 3, 3),
    ("(000's omitted, except share data)", 3, 0),
    ("Amounts in 000’s, except per share", 3, 3),   # a curly apostrophe, as a word processor prints it
    ("($000’s omitted)", 3, 3),
])
def test_scale_notes(note, money, shares):
    s = find_scale([note])
    assert (s.for_unit("USD"), s.for_unit("shares"), s.for_unit("USD/shares")) == (money, shares, 0)


def _facts(text):
    return {(f.concept, str(f.period), f.dims): f for f in convert_text(text, issuer="none").facts}


def test_sentence_with_comparison_and_per_share_clause():
    facts = _facts("Acme reported a net loss of $78.9 million, or $0.91 per basic and diluted share, for the six "
                   "months ended December 31, 2016 compared to a net loss of $67.0 million, or $0.77 per basic and "
                   "diluted share, for the same period last year.")
    assert facts[("us-gaap:NetIncomeLoss", "2016-07-01..2016-12-31", ())].value == Decimal("-78900000")
    assert facts[("us-gaap:NetIncomeLoss", "2015-07-01..2015-12-31", ())].value == Decimal("-67000000")
    assert facts[("us-gaap:EarningsPerShareBasicAndDiluted", "2015-07-01..2015-12-31", ())].value == Decimal("-0.77")


def test_respectively_hands_out_periods_in_order():
    facts = _facts("Capital expenditures were $1.4 million and $5.1 million for the six months ended "
                   "December 31, 2016 and 2015, respectively.")
    assert facts[("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "2015-07-01..2015-12-31", ())].value \
        == Decimal("5100000")


@pytest.mark.parametrize("sentence,concept,period,value", [
    ("Acme reported third-quarter 2025 revenue of $412.5 million, up 9% from $378.4 million in the third quarter "
     "of 2024.", "us-gaap:Revenues", "2025-07-01..2025-09-30", "412500000"),
    ("Acme reported third-quarter 2025 revenue of $412.5 million, up 9% from $378.4 million in the third quarter "
     "of 2024.", "us-gaap:Revenues", "2024-07-01..2024-09-30", "378400000"),
    ("The Company reported revenue of $1,135.1 million for the first nine months of 2025, an increase of 8% over "
     "the $1,051.2 million reported in the first nine months of 2024.", "us-gaap:Revenues", "2024-01-01..2024-09-30",
     "1051200000"),
    ("Net income for the 2025 third quarter was $41.2 million, compared with $35.0 million in the 2024 third "
     "quarter.", "us-gaap:NetIncomeLoss", "2024-07-01..2024-09-30", "35000000"),
    ("In 3Q25, operating income was $61.0 million compared to $52.3 million in 3Q24.",
     "us-gaap:OperatingIncomeLoss", "2025-07-01..2025-09-30", "61000000"),
    ("Net income for the first half of 2025 was $70.4 million.", "us-gaap:NetIncomeLoss", "2025-01-01..2025-06-30",
     "70400000"),
])
def test_newswire_period_wordings(sentence, concept, period, value):
    assert _facts(sentence)[(concept, period, ())].value == Decimal(value)


HIGHLIGHTS = """Beta Industries Announces Fourth Quarter and Full Year 2024 Results

Fourth Quarter 2024 Highlights

Net sales increased 12% to $245.3 million, compared to $219.0 million in the fourth quarter of 2023.

Gross profit was $98.1 million, or 40.0% of net sales, compared to $83.2 million, or 38.0% of net sales, in the prior year period.

Full Year 2024 Highlights

Cash flow from operations was $110.2 million for the year.

Fiscal 2025 Outlook

Total revenues of $1.29 billion to $1.30 billion.
"""


def test_a_section_heading_dates_the_amounts_whose_sentence_names_no_period():
    facts = _facts(HIGHLIGHTS)
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31", ())].value == Decimal("245300000")
    assert facts[("us-gaap:GrossProfit", "2024-10-01..2024-12-31", ())].value == Decimal("98100000")
    assert facts[("us-gaap:GrossProfit", "2023-10-01..2023-12-31", ())].value == Decimal("83200000")  # prior year
    assert facts[("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2024-01-01..2024-12-31", ())].value \
        == Decimal("110200000")
    # an outlook heading dates nothing: its bullets are the guidance reader's
    assert not [k for k in facts if k[1].startswith("2025") and not k[2]]


def test_a_period_a_comparison_introduces_is_not_the_amounts_own():
    facts = _facts("Fourth quarter 2024 net sales were $812.4 million, up 4.6% from the fourth quarter of 2023.")
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31", ())].value == Decimal("812400000")
    assert ("us-gaap:Revenues", "2023-10-01..2023-12-31", ()) not in facts


def test_an_amount_reaches_for_its_period_no_further_than_the_next_amount():
    facts = _facts("Operating expenses rose on $3.2 million in research and development expenses (compared to $0.5 "
                   "million in Q3 2023).")
    assert Decimal("3200000") not in [f.value for k, f in facts.items() if k[1] == "2023-07-01..2023-09-30"]


def test_the_metric_named_again_after_compared_to_is_the_prior_period():
    facts = _facts("Paltalk Reports Results for Third Quarter 2024\n\n"
                   "Net loss was $1.5 million compared to a net loss of $0.2 million\n")
    assert facts[("us-gaap:NetIncomeLoss", "2024-07-01..2024-09-30", ())].value == Decimal("-1500000")
    assert facts[("us-gaap:NetIncomeLoss", "2023-07-01..2023-09-30", ())].value == Decimal("-200000")


def test_a_metric_named_after_compared_to_is_the_comparison_whatever_came_before():
    """"Gross loss totaled $12.6 million, compared to gross profit of $2.9 million": the gross profit is the
    comparison, a year earlier, even though the loss before it is read by no rule; it is not the heading's
    quarter. Its own period is not stated, so it is withheld rather than dated by guess."""
    facts = _facts("Acme Reports Fourth Quarter 2024 Results\n\n"
                   "Fourth Quarter 2024 Financial Results\n\n"
                   "* Gross loss totaled $12.6 million, or negative 72.7% of net revenue, compared to gross profit of "
                   "$2.9 million, or 31.1% of net revenue.\n")
    assert Decimal("2900000") not in [f.value for k, f in facts.items() if k[1] == "2024-10-01..2024-12-31"]
    facts = _facts("Acme Reports Fourth Quarter 2024 Results\n\n"
                   "Gross loss totaled $12.6 million in the fourth quarter of 2024, compared to gross profit of "
                   "$2.9 million in the fourth quarter of 2023.\n")
    assert facts[("us-gaap:GrossProfit", "2023-10-01..2023-12-31", ())].value == Decimal("2900000")


def test_past_a_period_the_sentence_names_as_its_own_the_headings_period_frames_no_amount():
    """Under a heading of the quarter, "The loss for the six months ended December 31, 2023 included an
    impairment loss of $2,032,000 ... and loss from operations of $1,552,000": the impairment takes the six
    months' reach, and the operating loss was dated by the heading's quarter. Past a period the sentence
    names as its own, the heading frames nothing; the amount has no period and is withheld."""
    facts = _facts("Acme Reports Fourth Quarter 2024 Results\n\n"
                   "Fourth Quarter 2024 Financial Results\n\n"
                   "The discontinued operations loss for the six months ended December 31, 2023 included an "
                   "impairment loss of $2,032,000 on the sale of the hospital and loss from operations of "
                   "$1,552,000, primarily from the hospital.\n\n"
                   "Operating loss was $1,012,000.\n")
    assert Decimal("-1552000") not in [f.value for f in facts.values()]
    assert facts[("us-gaap:OperatingIncomeLoss", "2024-10-01..2024-12-31", ())].value == Decimal("-1012000")


def test_a_year_column_ending_off_the_year_end_beside_one_ending_on_it_is_contested():
    """A header pieced together wrongly: "Year Ended" over the date "September 30," of another group, in a
    table whose quarter ends on December 31, the company's year end. A year ended September 30 is not this
    company's year; the column gives nothing (a trailing twelve months' column names twelve months)."""
    text = ("Acme Drilling Reports Fourth Quarter and Full Year 2024 Results\n\n"
            "HOUSTON, February 11, 2025 -- Acme Drilling today reported results for the fourth quarter and the "
            "year ended December 31, 2024.\n\n"
            "CONDENSED STATEMENTS OF CASH FLOWS\n(in thousands)\n"
            "| | Three Months Ended December 31, 2024 | Year Ended September 30, 2024 |\n"
            "| Net cash provided by operating activities | 143,615 | 581,432 |\n")
    facts = _facts(text)
    assert ("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2023-10-01..2024-09-30", ()) not in facts
    assert facts[("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2024-10-01..2024-12-31", ())].value \
        == Decimal("143615000")


def test_a_june_fiscal_year_from_which_ended_highlights_bullets_and_a_year_ago():
    """"second quarter of fiscal 2026, which ended December 31, 2025" sets the calendar; the highlights heading
    dates the bullets below it even past bullets without amounts; "a year ago" is the prior-year quarter."""
    facts = _facts((Path(__file__).parent / "data" / "narrative-fiscal-q2.txt").read_text())
    assert facts[("us-gaap:Revenues", "2025-10-01..2025-12-31", ())].value == Decimal("48200000")
    assert facts[("us-gaap:NetIncomeLoss", "2025-10-01..2025-12-31", ())].value == Decimal("-3400000")
    assert facts[("us-gaap:EarningsPerShareBasicAndDiluted", "2025-10-01..2025-12-31", ())].value == Decimal("-0.11")
    assert facts[("us-gaap:OperatingExpenses", "2024-10-01..2024-12-31", ())].value == Decimal("27100000")
    assert facts[("us-gaap:Revenues", "2025-07-01..2025-12-31", ())].value == Decimal("93000000")
    forecast = [k for k in facts if k[2]]
    assert forecast and all(k[1] == "2026-01-01..2026-03-31" for k in forecast)


@pytest.mark.parametrize("quarter, dated", [("fourth", True), ("third", False)])
def test_the_quarter_a_sentence_names_by_its_number_alone_frames_it_when_it_is_the_headings(quarter, dated):
    """"Revenue for the fourth quarter was $180.1 million" under a heading of the fourth quarter of 2024 is that
    quarter's; "for the third quarter" there names another quarter, whose year the sentence does not say."""
    facts = _facts("Acme Software Reports Fourth Quarter 2024 Results\n\nSAN MATEO, Calif., February 11, 2025 -- "
                   "Acme Software, Inc. today reported results for the fourth quarter ended December 31, 2024.\n\n"
                   f"Revenue for the {quarter} quarter was $180.1 million.\n")
    revenue = {k[1]: f.value for k, f in facts.items() if k[0] == "us-gaap:Revenues"}
    assert revenue == ({"2024-10-01..2024-12-31": Decimal("180100000")} if dated else {})


def test_a_newswire_name_under_the_title_leaves_the_title_framing_the_sentences():
    """"PR Newswire" under "X Corp Reports Fourth Quarter 2024 Results" is no section heading that names no
    period: "Fourth quarter revenue of $120.5 million, up 9% from $110.2 million in the fourth quarter of 2023"
    is still the title's quarter."""
    facts = _facts("X Corp Reports Fourth Quarter 2024 Results\n\nPR Newswire\n\nANYTOWN, Ohio, January 23, 2025 "
                   "/PRNewswire/ -- X Corp (NYSE: XCO) today reported results for the fourth quarter of 2024.\n\n"
                   "Fourth quarter revenue of $120.5 million, up 9% from $110.2 million in the fourth quarter of "
                   "2023.\n")
    revenue = {k[1]: f.value for k, f in facts.items() if k[0] == "us-gaap:Revenues"}
    assert revenue == {"2024-10-01..2024-12-31": Decimal("120500000"), "2023-10-01..2023-12-31": Decimal("110200000")}


def test_one_quarter_of_two_years_hands_its_periods_out_respectively():
    facts = _facts("Diluted earnings per share for the fourth quarter of 2024 and 2023 were $0.59 and $0.45, "
                   "respectively.")
    eps = {k[1]: f.value for k, f in facts.items() if k[0] == "us-gaap:EarningsPerShareDiluted"}
    assert eps == {"2024-10-01..2024-12-31": Decimal("0.59"), "2023-10-01..2023-12-31": Decimal("0.45")}


def test_a_year_end_is_read_from_a_sentence_not_from_a_table_headers_gap():
    header = "          Three Months Ended              Year Ended\n" + " " * 50 + "March\n        Dec. 31,   31,\n"
    assert document_calendar(header).fiscal_year_end_month == 12
    prose = "results for the fiscal year ended\n        March 31, 2024, and the fourth quarter"
    assert document_calendar(prose).fiscal_year_end_month == 3


LISTED_LEAD = ("X Corp Reports Fourth Quarter and Full Year 2024 Results\n\nANYTOWN, Ohio, January 23, 2025 -- X Corp "
               "(NYSE: XCO) today reported results for the fourth quarter and full year ended December 31, 2024.\n\n")


@pytest.mark.parametrize("sentence, expected", [
    ("For the fourth quarter of 2024, revenue, gross profit and net income were $120.5 million, $48.2 million and "
     "$12.0 million, respectively.",
     {"Revenues": Decimal("120500000"), "GrossProfit": Decimal("48200000"), "NetIncomeLoss": Decimal("12000000")}),
    ("Revenue and net income for the fourth quarter of 2024 were $120.5 million and $12.0 million, respectively, "
     "compared with $110.2 million and $9.7 million, respectively, for the fourth quarter of 2023.",
     {"Revenues": Decimal("120500000"), "NetIncomeLoss": Decimal("12000000")}),
    ("Net income and diluted earnings per share for the fourth quarter of 2024 were $12.0 million and $0.59, "
     "respectively.", {"NetIncomeLoss": Decimal("12000000"), "EarningsPerShareDiluted": Decimal("0.59")}),
    # without "respectively", which amount is whose the sentence does not say
    ("For the fourth quarter of 2024, revenue and net income were $120.5 million and $12.0 million.", {}),
])
def test_metrics_listed_before_their_amounts_take_them_in_order_only_respectively(sentence, expected):
    facts = _facts(LISTED_LEAD + sentence + "\n")
    quarter = {k[0].split(":")[1]: f.value for k, f in facts.items() if k[1] == "2024-10-01..2024-12-31" and not k[2]}
    assert quarter == expected


QUARTER_LEAD = ("X Corp Reports Fourth Quarter 2024 Results\n\nANYTOWN, Ohio, January 23, 2025 -- X Corp (NYSE: XCO) "
                "today reported results for the fourth quarter of 2024.\n\n")


@pytest.mark.parametrize("sentence, metric", [
    ("During the fourth quarter of 2024, the Company paid dividends of $5.0 million, or $0.25 per share.",
     "us-gaap:PaymentsOfDividends"),
    ("Revenue for the fourth quarter of 2024 was $120.5 million, or $6.00 per share.", "us-gaap:Revenues"),
])
def test_a_per_share_amount_after_a_metric_other_than_earnings_is_no_earnings_per_share(sentence, metric):
    facts = _facts(QUARTER_LEAD + sentence + "\n")
    assert [k[0] for k in facts] == [metric]


@pytest.mark.parametrize("sentence", [
    "Excluding these items, net income for the fourth quarter of 2024 was $14.0 million, or $0.69 per diluted share.",
    "On a combined basis, net income for the fourth quarter of 2024 was $14.0 million.",
    "Combined company revenue for the fourth quarter of 2024 was $135.0 million.",
    "Acme's revenue for the fourth quarter of 2024 was $10.3 million.",
    "The acquired business generated revenue of $10.3 million in the fourth quarter of 2024.",
    "For the full year, revenue was $480.0 million and net income was $45.0 million.",
    "Year-to-date net cash provided by operating activities was $95.0 million.",
    "Capital expenditures of $710 - $720 million are planned.",
])
def test_figures_that_are_no_company_figure_of_the_quarter_are_not_read_as_one(sentence):
    """A figure restated, combined or another company's, a full year's figure under a quarter's title, an end of
    a range: none is the quarter's actual figure."""
    facts = _facts(QUARTER_LEAD + sentence + "\n")
    assert not [k for k in facts if k[1] == "2024-10-01..2024-12-31" and not k[2]]


def test_a_loss_range_has_the_larger_loss_as_its_minimum():
    facts = _facts(QUARTER_LEAD + "For 2025, the Company expects a net loss of $20 million to $25 million.\n")
    lo = facts[("us-gaap:NetIncomeLoss", "2025-01-01..2025-12-31",
                (("srt:RangeAxis", "srt:MinimumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember")))]
    assert lo.value == Decimal("-25000000")


def test_a_per_share_figure_in_cents_is_read_as_dollars():
    # newswire style: "or 31 cents per diluted share" was no amount, and the EPS of both quarters was lost
    facts = _facts("Acme Reports Fourth Quarter 2024 Results\n\nBOSTON, Feb. 11, 2025 -- Acme today reported "
                   "results.\n\nNet income was $12.4 million, or 31 cents per diluted share, for the fourth quarter "
                   "of 2024, compared with $10.1 million, or 27 cents per diluted share, a year earlier.\n")
    eps = {period: (f.value, f.decimals) for (c, period, _d), f in facts.items() if c == "us-gaap:EarningsPerShareDiluted"}
    assert eps == {"2024-10-01..2024-12-31": (Decimal("0.31"), 2), "2023-10-01..2023-12-31": (Decimal("0.27"), 2)}
    source = next(f for (c, period, _d), f in facts.items()
                  if c == "us-gaap:EarningsPerShareDiluted" and period.startswith("2024")).provenance.source_text
    assert "31 cents" in source or "$0.31" in source


def test_a_verb_other_than_the_grammar_gives_nothing():
    assert _facts("Revenues for the quarter ended December 31, 2016 include $12.9 million of royalties.") == {}


def test_outlook_range_gives_forecast_minimum_and_maximum():
    facts = _facts("Net sales for the year ended December 31, 2024 were $50.0 million. "
                   "For 2025, the Company expects revenues between $70 million and $75 million.")
    lo = facts[("us-gaap:Revenues", "2025-01-01..2025-12-31",
                (("srt:RangeAxis", "srt:MinimumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember")))]
    assert (lo.value, lo.decimals) == (Decimal("70000000"), -6)


def test_an_outlook_within_the_range_of_two_amounts_is_an_outlook():
    facts = _facts("Acme Reports Fourth Quarter 2024 Results\n\nCAMPBELL, Calif., February 11, 2025 -- Acme, Inc. "
                   "today reported results for the fourth quarter ended December 31, 2024.\n\n"
                   "The Company provides guidance for the first quarter ending March 31, 2025 as follows:\n\n"
                   "* Revenues are expected to be within the range of $17 million to $19 million.\n")
    lo = facts[("us-gaap:Revenues", "2025-01-01..2025-03-31",
                (("srt:RangeAxis", "srt:MinimumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember")))]
    assert lo.value == Decimal("17000000")


def test_an_outlook_bullet_led_by_a_gerund_is_an_outlook():
    # "• Forecasting second-quarter 2023 revenue of $11.5 billion to $12.5 billion": no "expects" to cue it, the
    # range was read as actual revenue of a quarter not yet ended, and withheld as dated after the release
    facts = _facts("Intel Reports First-Quarter 2023 Financial Results\n\nSANTA CLARA, Calif., April 27, 2023 -- "
                   "Intel Corporation today reported first-quarter 2023 financial results.\n\n"
                   "\u2022 Forecasting second-quarter 2023 revenue of $11.5 billion to $12.5 billion.\n")
    hi = facts[("us-gaap:Revenues", "2023-04-01..2023-06-30",
                (("srt:RangeAxis", "srt:MaximumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember")))]
    assert hi.value == Decimal("12500000000")


OUTLOOK_LEAD = ("Acme Reports Fourth Quarter 2024 Results\n\nHOUSTON, Feb. 11, 2025 -- Acme Corp today reported "
                "results for the fourth quarter and full year ended December 31, 2024. Revenue for the fourth "
                "quarter of 2024 was $120.5 million.\n\nOutlook\n\n"
                "Acme expects the following metrics for the first quarter of 2025:\n\n")
FORECAST_LOW = (("srt:RangeAxis", "srt:MinimumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember"))


def test_a_full_year_item_under_a_quarter_s_outlook_is_the_year_s():
    # the quarter the list's lead names had dated the year's capital expenditures
    facts = _facts(OUTLOOK_LEAD + "Full-year capital expenditures of approximately $710 - $720 million\n")
    assert {k[1] for k in facts if k[2]} == {"2025-01-01..2025-12-31"}
    assert facts[("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "2025-01-01..2025-12-31",
                  FORECAST_LOW)].value == Decimal("710000000")


def test_an_outlook_list_is_read_to_its_end_however_many_items_it_has():
    items = "".join(f"Segment {n}\n\nAverage rig count of approximately {60 + n} rigs\n\n" for n in range(4))
    facts = _facts(OUTLOOK_LEAD + items + "Capital Expenditures\n\nCapital expenditures of $195 - $205 million\n")
    assert facts[("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "2025-01-01..2025-03-31",
                  FORECAST_LOW)].value == Decimal("195000000")


def test_a_heading_naming_a_reported_period_ends_an_outlook_list():
    facts = _facts(OUTLOOK_LEAD + "Revenue of $125 - $130 million\n\nFourth Quarter 2024 Highlights\n\n"
                   "Capital expenditures of $40 - $45 million\n")
    assert ("us-gaap:Revenues", "2025-01-01..2025-03-31", FORECAST_LOW) in facts
    assert not [k for k in facts if k[0] == "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"]


@pytest.mark.parametrize("item", [
    "Compared with $0.38 for the year-ago quarter, diluted earnings per share of $0.40 to $0.45",
    "For the first quarter of 2025, revenue of $100 million to $110 million, with full-year growth unchanged",
])
def test_only_an_item_that_opens_with_the_full_year_is_the_year_s(item):
    facts = _facts(OUTLOOK_LEAD + item + "\n")
    assert {k[1] for k in facts if k[2]} == {"2025-01-01..2025-03-31"}


def test_a_range_told_in_the_past_under_an_outlook_is_no_outlook():
    facts = _facts(OUTLOOK_LEAD + "Revenue of $125 - $130 million\n\n"
                   "Interest expense of $3 million to $4 million was incurred in the fourth quarter\n")
    assert ("us-gaap:Revenues", "2025-01-01..2025-03-31", FORECAST_LOW) in facts
    assert not [k for k in facts if k[0] == "us-gaap:InterestExpense"]


def test_entity_from_ticker_and_dateline():
    e = find_entity("NEW YORK, March 1, 2025 -- Acme Corp. (NYSE: ACME) today reported", None)
    assert (e.identifier, e.name, e.ticker) == ("ACME", "Acme Corp.", "ACME")
    assert find_entity("x", None, raw="<img src='/Archives/edgar/data/855654/a.jpg'>").identifier == "0000855654"


def test_entity_option():
    assert parse_entity_option("cik:855654").scheme == CIK_SCHEME
    with pytest.raises(ValueError):
        parse_entity_option("nonsense")


def _table_facts(header, rows, ncols):
    from converter.engine.columns import resolve_columns
    from converter.engine.release_calendar import Calendar
    from converter.model import HeaderCell, Row, Table
    t = Table([HeaderCell(h) for h in header], ncols, rows)
    return resolve_columns(t, Calendar())


def test_week_counted_and_year_to_date_columns():
    cols = _table_facts(["Thirteen Weeks Ended", "August 3, 2024", "July 29, 2023"], [], 2)
    assert str(cols[0].period_for("duration")) == "2024-05-05..2024-08-03"
    cols = _table_facts(["Year to Date", "September 30, 2024", "September 30, 2023"], [], 2)
    assert str(cols[1].period_for("duration")) == "2023-01-01..2023-09-30"


def test_lengths_over_runs_of_dates_going_back_in_time():
    # a flattened "Three Months Ended" over three dates and "Nine Months Ended" over two: the second run
    # starts where the latest date comes again, whether the dates come with their columns or not
    from converter.engine.columns import resolve_columns
    from converter.engine.release_calendar import Calendar
    from converter.model import HeaderCell, Table
    dates = ["September 27, 2025", "June 28, 2025", "September 28, 2024", "September 27, 2025", "September 28, 2024"]
    expected = ["2025-06-29..2025-09-27", "2025-03-30..2025-06-28", "2024-06-30..2024-09-28",
                "2024-12-29..2025-09-27", "2023-12-31..2024-09-28"]
    for placed in (False, True):
        header = [HeaderCell("Three Months Ended"), HeaderCell("Nine Months Ended")] + \
            [HeaderCell(d, (i, i) if placed else None) for i, d in enumerate(dates)]
        cols = resolve_columns(Table(header, 5, []), Calendar())
        assert [str(c.period_for("duration")) for c in cols] == expected


def test_quarter_named_columns():
    cols = _table_facts(["Q3 2025", "Q3 2024", "Third Quarter 2024"], [], 3)
    assert [str(c.period_for("duration")) for c in cols] == [
        "2025-07-01..2025-09-30", "2024-07-01..2024-09-30", "2024-07-01..2024-09-30"]


def test_bank_column_heads_3q25_and_numeric_dates():
    from converter.engine.dates import numeric_date
    assert numeric_date("9/30/2025") == date(2025, 9, 30) and numeric_date("12/31/24") == date(2024, 12, 31)
    assert numeric_date("13/40/2025") is None


SETTLED = """Acme Corp Reports Third Quarter 2025 Results

Revenue for the three months ended September 30, 2025 was $12.3 million, compared to $10.1 million for the three months ended September 30, 2024.

STATEMENTS OF OPERATIONS
(in thousands)
| | September 30, 2025 | September 30, 2024 |
| Revenue | 12,345 | 10,123 |
| Net loss | (2,000) | (1,500) |
"""


def test_a_column_length_settled_by_the_text_keeps_the_tables_precise_figure():
    """The columns print dates only; the text says they are quarters. The table's 12,345 thousand is kept over
    the text's rounded $12.3 million for the same fact."""
    fact = _facts(SETTLED)[("us-gaap:Revenues", "2025-07-01..2025-09-30", ())]
    assert (fact.value, fact.decimals, fact.category) == (Decimal("12345000"), -3, "table")


@pytest.mark.parametrize("text", [
    "for the quarter ended September 30, 2025 and June 30,2025; Dec. 31, 2024 and 2023",
    "as of September   30 ,   2025 (May 5 2024) 1999 2025 January 1, 20255 Sept 9, 2019",
    "December 31, 2016 | 295,938 | June 30, 2016 | 2016 | 2015 | MARCH 31, 2020",
])
def test_dates_found_from_their_years_are_the_scan_s(text):
    """full_dates finds dates by their years, then looks back: the same matches as scanning for months."""
    assert [m.span() for m in full_dates(text)] == [m.span() for m in FULL_DATE.finditer(text)]


@pytest.mark.parametrize("text", [
    "Revenue rose 5%. Net income: Strong growth; costs fell! Did it? “Yes.” Then (as expected) more.",
    "ImmunoGen, Inc. reported revenue of $5 million. Approx. 20% came from Dec. sales: Royalties rose.",
    "- Revenue rose to $70.1 million. - Gross profit was $30.4 million. * Net income - a record - was $8.3 million.",
    "<We had a record quarter,= said the CEO. <Looking ahead, we expect revenue of about $22 billion.=",
])
def test_sentences_split_where_the_full_pattern_does(text):
    """Without a bullet, sentence gaps come from a faster pattern led by the punctuation: the same gaps."""
    from converter.engine.sentence_parts import SENTENCE_END, _sentence_gaps
    assert list(_sentence_gaps(text)) == [m.span() for m in SENTENCE_END.finditer(text)]


def test_a_dash_bullet_after_a_sentence_starts_the_next():
    from converter.engine.sentence_parts import sentences
    text = "- Revenue rose to $70.1 million. - Gross profit was $30.4 million. * Net income - a record - was $8.3 million."
    assert [s for _o, s in sentences(text)] == [
        "- Revenue rose to $70.1 million.", "Gross profit was $30.4 million.", "Net income - a record - was $8.3 million."]


def test_a_sentence_opening_with_an_unknown_mark_before_a_capital_starts_anew():
    # a PDF font mapping curly quotes to "<" and "=": run together, the cash flow of the quarter just ended was
    # dated by the next sentence's outlook quarter
    from converter.engine.sentence_parts import sentences
    text = ("<We generated $9.8 billion in cash flow from operations during the December quarter,= said the CFO. "
            "<Looking ahead to the second fiscal quarter of 2011, we expect revenue of about $22 billion.=")
    assert [s for _o, s in sentences(text)] == [
        "<We generated $9.8 billion in cash flow from operations during the December quarter,= said the CFO.",
        "<Looking ahead to the second fiscal quarter of 2011, we expect revenue of about $22 billion.="]
    assert len(list(sentences("Sales rose 5%. <b> marks the bold figures."))) == 1   # a mark before lowercase


@pytest.mark.parametrize("sentence,period,value", [
    ("For the third quarter of 2025, revenue increased $5.2 million, or 8%, to $70.1 million, compared to $64.9 "
     "million in the third quarter of 2024.", "2025-07-01..2025-09-30", "70100000"),
    ("For the third quarter of 2025, revenue increased $5.2 million, or 8%, to $70.1 million, compared to $64.9 "
     "million in the third quarter of 2024.", "2024-07-01..2024-09-30", "64900000"),
    ("Revenue for the third quarter of 2025 grew by $2.0 million year over year to $30.4 million.",
     "2025-07-01..2025-09-30", "30400000"),
    ("Revenue was $12.1 million for the third quarter of 2025, a decrease of $1.5 million, or 11%, compared to "
     "$13.6 million for the third quarter of 2024.", "2024-07-01..2024-09-30", "13600000"),
])
def test_a_change_amount_is_skipped_for_the_level_it_leads_to(sentence, period, value):
    facts = _facts(sentence)
    assert facts[("us-gaap:Revenues", period, ())].value == Decimal(value)
    changes = {"5200000", "2000000", "1500000"}
    assert not any(str(f.value) in changes for f in facts.values())   # the change itself is no fact


def test_a_change_alone_gives_no_fact():
    assert not any(f.concept == "us-gaap:Revenues" for f in _facts(
        "Revenue for the third quarter of 2025 increased by $5.2 million compared with the prior-year period.").values())


def test_a_year_earlier_on_a_52_53_week_calendar_is_52_weeks_back():
    """'the year-ago quarter' and 'the second quarter of fiscal 2025' name the same period: both end on the
    Saturday 52 weeks before the current quarter's end, not on the same calendar day."""
    facts = _facts("Tidewater Foods Announces Second Quarter Fiscal 2026 Results\n\n"
                   "Tidewater Foods reported results for its second quarter of fiscal 2026, which ended December "
                   "27, 2025.\n\nNet sales declined 3% to $512.6 million, versus $528.4 million in the year-ago "
                   "quarter. Net loss narrowed to $4.7 million from $9.3 million in the second quarter of fiscal "
                   "2025.")
    prior = {(c, p) for c, p, _d in facts if p.startswith("2024")}
    assert prior == {("us-gaap:Revenues", "2024-09-29..2024-12-28"), ("us-gaap:NetIncomeLoss", "2024-09-29..2024-12-28")}


QUARTER_HEADING = "Fourth Quarter 2025 Highlights\n\n"


def test_for_the_quarter_takes_the_heading_s_quarter():
    facts = _facts(QUARTER_HEADING + "Capital expenditures for the quarter were $22.5 million.")
    assert facts[("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "2025-10-01..2025-12-31", ())].value \
        == Decimal("22500000")


def test_for_the_year_under_a_quarter_heading_is_not_the_quarter():
    facts = _facts(QUARTER_HEADING + "Revenue was $182.4 million. Revenue for the year was $671.0 million.")
    assert [(c, p) for c, p, _d in facts] == [("us-gaap:Revenues", "2025-10-01..2025-12-31")]
    assert facts[("us-gaap:Revenues", "2025-10-01..2025-12-31", ())].value == Decimal("182400000")


def test_a_guided_cost_per_unit_written_with_a_slash_is_no_amount_of_money():
    """'$2.75 to $2.95/Boe' is a cost per barrel, as '$2.75 to $2.95 per Boe' is; '/share' still names EPS."""
    facts = _facts("2026 Outlook\n\nThe Company expects operating expenses of $2.75 to $2.95/Boe and exploration "
                   "expense of $1.10-$1.20/Boe. The Company expects diluted EPS of $3.85 to $3.95/share.")
    assert sorted({c for c, _p, d in facts if d}) == ["us-gaap:EarningsPerShareDiluted"]


def test_a_cost_per_unit_in_a_sentence_is_no_amount_of_money():
    """'Lease operating expenses were $8.12 per Boe' is a cost per barrel: no OperatingExpenses of 8.12; an amount
    per share and the total beside a per-unit figure are still read."""
    facts = _facts("Lease operating expenses for the third quarter of 2025 were $8.12 per Boe. Total operating "
                   "expenses for the third quarter of 2025 were $30.0 million, or $9.40/Boe. Net income for the third "
                   "quarter of 2025 was $12.0 million, or $0.60 per diluted share.")
    assert {(c, f.value) for (c, _p, _d), f in facts.items()} == {
        ("us-gaap:OperatingExpenses", Decimal("30000000")), ("us-gaap:NetIncomeLoss", Decimal("12000000")),
        ("us-gaap:EarningsPerShareDiluted", Decimal("0.60"))}


def test_a_year_to_date_column_without_a_month_ends_with_the_table_s_quarter():
    text = ("SELECTED DATA | (in millions) | Quarter Ended 9/30/25 | Quarter Ended 9/30/24 | YTD 2025 | YTD 2024 | "
            "Revenue | $120.5 | $101.3 | $345.0 | $298.7 |\n")
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, layout="pipe", issuer="none").facts}
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-09-30")] == Decimal("345000000")
    assert facts[("us-gaap:Revenues", "2024-01-01..2024-09-30")] == Decimal("298700000")
    assert facts[("us-gaap:Revenues", "2025-07-01..2025-09-30")] == Decimal("120500000")


def test_a_year_earlier_is_found_far_from_any_year():
    """'a year earlier' is a period phrase like 'a year ago': found even where no year is printed near it."""
    facts = _facts("Third Quarter 2025 Highlights\n\nOperating expenses for the quarter were $30.0 million, "
                   "compared to $32.0 million a year earlier.")
    assert facts[("us-gaap:OperatingExpenses", "2024-07-01..2024-09-30", ())].value == Decimal("32000000")


OUTLOOK_Q3 = ("Vega Devices today reported results for the third quarter ended September 30, 2025.\n\n"
              "For the full year 2025, we now expect revenue of $760 million to $775 million.\n\n")


@pytest.mark.parametrize("sentence", [
    "Fourth quarter revenue is expected to be in the range of $180 million to $185 million.",
    "Revenue for the fourth quarter is expected to be between $180 million and $185 million.",
])
def test_an_outlook_quarter_named_without_its_year_is_in_the_outlook_s_year(sentence):
    facts = _facts(OUTLOOK_Q3 + sentence)
    ranges = sorted((p, f.value) for (c, p, d), f in facts.items() if c == "us-gaap:Revenues" and d)
    assert ranges == [("2025-01-01..2025-12-31", Decimal("760000000")), ("2025-01-01..2025-12-31", Decimal("775000000")),
                      ("2025-10-01..2025-12-31", Decimal("180000000")), ("2025-10-01..2025-12-31", Decimal("185000000"))]


def test_a_quarter_named_in_passing_does_not_date_an_outlook():
    facts = _facts(OUTLOOK_Q3 + "Following strong fourth quarter bookings, we expect fiscal 2026 revenue of $840 "
                                "million to $860 million.")
    periods = {p for (c, p, d) in facts if c == "us-gaap:Revenues" and d}
    assert periods == {"2025-01-01..2025-12-31", "2026-01-01..2026-12-31"}


@pytest.mark.parametrize("sentence", [
    "Revenue was $70.1 million, a decrease of $5.2 million primarily due to the sale of the Widget business in the "
    "fourth quarter of 2024.",
    "Revenue was $70.1 million, or $45.10 per Boe, reflecting the acquisition completed in the fourth quarter of 2024.",
])
def test_a_change_or_a_per_unit_amount_still_ends_a_period_s_reach(sentence):
    """The period after a skipped amount belongs to that amount's clause, not to the level before it: the level
    keeps the heading's quarter."""
    facts = _facts(QUARTER_HEADING + sentence)
    assert [(c, p) for c, p, _d in facts] == [("us-gaap:Revenues", "2025-10-01..2025-12-31")]


@pytest.mark.parametrize("sentence", [
    "Revenue was $70.1 million and $201.3 million for the three and nine months ended September 30, 2025, "
    "respectively.",
    "Revenue for the three and nine months ended September 30, 2025 was $70.1 million and $201.3 million, "
    "respectively.",
])
def test_three_and_nine_months_ended_hands_out_two_periods(sentence):
    facts = _facts(sentence)
    assert facts[("us-gaap:Revenues", "2025-07-01..2025-09-30", ())].value == Decimal("70100000")
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-09-30", ())].value == Decimal("201300000")


def test_periods_listed_before_their_amounts_are_handed_out_respectively():
    facts = _facts("For the three months ended September 30, 2025 and 2024, net income was $8.3 million and $6.1 "
                   "million, respectively.")
    assert facts[("us-gaap:NetIncomeLoss", "2025-07-01..2025-09-30", ())].value == Decimal("8300000")
    assert facts[("us-gaap:NetIncomeLoss", "2024-07-01..2024-09-30", ())].value == Decimal("6100000")


def test_a_year_earlier_of_a_calendar_date_is_the_same_date():
    """Only periods counted in weeks go back 52 weeks; 'as of October 24, 2025 ... a year ago' is October 24."""
    from converter.engine.periods_text import year_earlier
    from converter.model import Period
    assert str(year_earlier(Period(date(2025, 10, 24)))) == "2024-10-24"
    assert str(year_earlier(Period(date(2025, 12, 15), date(2025, 1, 1)))) == "2024-01-01..2024-12-15"
    assert str(year_earlier(Period(date(2025, 12, 27), date(2025, 9, 28)))) == "2024-09-29..2024-12-28"


@pytest.mark.parametrize("sentence,concept,value", [
    ("Net sales of $512.6 million increased 5% from $488.2 million a year ago.", "us-gaap:Revenues", "488200000"),
    ("Operating income was $61.0 million versus $52.3 million last year.", "us-gaap:OperatingIncomeLoss", "52300000"),
])
def test_a_comparison_after_a_change_verb_or_last_year_is_the_prior_year(sentence, concept, value):
    facts = _facts("Fourth Quarter 2025 Highlights\n\n" + sentence)
    assert facts[(concept, "2024-10-01..2024-12-31", ())].value == Decimal(value)


@pytest.mark.parametrize("sentence", [
    "Total revenue was a record $182.4 million.",
    "Revenue reached an all-time high of $182.4 million.",
    "Revenue totaled approximately $182.4 million.",
    "Revenue grew 14% year-over-year to a record $182.4 million.",
    "Revenue was up 14% to $182.4 million.",
])
def test_a_record_an_all_time_high_or_up_before_the_amount(sentence):
    facts = _facts("Fourth Quarter 2025 Highlights\n\n" + sentence)
    assert facts[("us-gaap:Revenues", "2025-10-01..2025-12-31", ())].value == Decimal("182400000")


def test_a_change_named_after_its_amount_is_skipped_too():
    facts = _facts("Fourth Quarter 2025 Highlights\n\nRevenue was $70.1 million, a $5.2 million increase from $64.9 "
                   "million in the fourth quarter of 2024. Net income was $8.3 million, a $2.2 million, or 36%, "
                   "year-over-year increase.")
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31", ())].value == Decimal("64900000")
    assert facts[("us-gaap:NetIncomeLoss", "2025-10-01..2025-12-31", ())].value == Decimal("8300000")
    assert not any(f.value in (Decimal("5200000"), Decimal("2200000")) for f in facts.values())


def test_a_loss_label_wins_over_an_income_heading():
    """'Loss on extinguishment of debt 12' added back under 'Adjustments to reconcile net income ...' is a loss of
    12, stored negative as the income statement's '(12)' is; a label naming neither takes its heading's word."""
    from converter.engine.row_signs import row_sign
    figs = [parse_figure("12"), parse_figure("18")]
    assert row_sign("loss", figs, "Loss on extinguishment of debt",
                    "Adjustments to reconcile net income to net cash from operating activities:")[0] == -1
    assert row_sign("loss", figs, "Common stockholders", "Net loss attributable to:")[0] == -1
    assert row_sign("loss", figs, "Common stockholders", "Net income attributable to:")[0] == 1


def test_a_restatement_printed_cut_off_is_consistent():
    from converter.facts.merge import rounds_to
    assert rounds_to(Decimal("2935708"), -3, Decimal("2935000"))      # "$2.935 million", cut off
    assert rounds_to(Decimal("2935708"), -3, Decimal("2936000"))      # rounded
    assert not rounds_to(Decimal("2935708"), -3, Decimal("2934000"))


def test_a_metric_named_as_a_change_is_no_mention():
    facts = _facts("Fourth Quarter 2025 Highlights\n\nThis improvement was due to increased revenue of $6.0 million "
                   "contributed by the new clinics.")
    assert not any(c == "us-gaap:Revenues" for c, _p, _d in facts)


def test_a_month_glued_to_the_word_before_it_still_names_the_columns_period():
    from converter.engine.columns import resolve_columns
    from converter.engine.release_calendar import Calendar
    from converter.model import HeaderCell, Table
    table = Table([HeaderCell("Three Months", (0, 1)), HeaderCell("EndedDecember 31,", (0, 1)),
                   HeaderCell("2024", (0, 0)), HeaderCell("2023", (1, 1))], 2, [])
    cols = resolve_columns(table, Calendar())
    assert [(str(c.end), c.length.months if c.length else None, c.member) for c in cols] == [
        ("2024-12-31", 3, ""), ("2023-12-31", 3, "")]


def test_a_rows_own_note_among_a_tables_title_lines_gives_way_to_the_tables_note():
    from converter.engine.scale import find_scale
    scale = find_scale(["Intel Corporation", "Consolidated Condensed Balance Sheets", "Employees (in thousands)",
                        "(In Millions, Except Par Value; Unaudited)"])
    assert scale.power == 6
    assert find_scale(["Employees (in thousands)"]).power == 3   # alone, it is still the only note there is


def test_an_outlook_cue_out_of_reach_of_any_amount_is_not_read(monkeypatch):
    """guidance.py skips a cue paragraph's periods when no paragraph it would reach prints "$": releases of
    cue, range, past-period and plain paragraphs in every order give what reading every cue gives."""
    import random
    from converter.engine import guidance
    pieces = ["For fiscal 2026, the Company expects strong growth.", "Acme expects demand to improve in 2024.",
              "Revenue is expected to be between $10 million and $12 million.",
              "The Company expects revenue of $20 million to $22 million for the first quarter of 2026.",
              "Net sales for the year ended December 31, 2025 were $50.0 million.",
              "Acme anticipates fiscal 2027 results."] + ["About Acme: a maker of widgets.", "Outlook"] * 3
    rng = random.Random(11)
    for _ in range(150):
        text = "\n\n".join(rng.choice(pieces) for _ in range(rng.randint(2, 16)))
        read = _facts(text)
        with monkeypatch.context() as m:
            m.setattr(guidance, "_amounts_within_reach", lambda paragraphs: [True] * len(paragraphs))
            assert _facts(text) == read, text


FIVE_QUARTERS = """Acme Bank Reports Fourth Quarter 2024 Results

BOSTON, January 21, 2025 -- Acme Bank today reported results for the quarter ended December 31, 2024.

SELECTED FINANCIAL DATA
(in thousands)
                                  Q4 2024      Q3 2024      Q2 2024      Q1 2024      Q4 2023
Net income                          8,310        7,980        7,720        7,610        7,400
{heading}
Total assets                    2,242,034    2,229,571    2,201,118    2,190,442    2,180,003
Total deposits                  1,932,080    1,882,803    1,870,110    1,861,229    1,850,300
"""


def test_a_five_quarter_table_s_period_end_balances_are_at_the_quarters_ends():
    from converter.pipeline import convert_text

    def assets(heading: str) -> dict[str, Decimal]:
        result = convert_text(FIVE_QUARTERS.format(heading=heading), issuer="none")
        return {str(f.period): f.value for f in result.facts if f.concept == "us-gaap:Assets"}
    assert assets("PERIOD-END BALANCES") == {
        "2024-12-31": Decimal("2242034000"), "2024-09-30": Decimal("2229571000"), "2024-06-30": Decimal("2201118000"),
        "2024-03-31": Decimal("2190442000"), "2023-12-31": Decimal("2180003000")}
    # a balance under a quarter is an average as often as a closing one: said neither way, or said to be an
    # average, it is at no date
    assert assets("") == {} and assets("AVERAGE BALANCES") == {}


def test_a_day_of_several_years_names_each_year_once():
    from converter.engine.header_tokens import readable
    assert readable("December 31, 2024 2023") == "December 31; 2024 2023"
    # three columns' dates run together, the first two days printed before: no day of three years
    assert readable("Dec 31, Sep 30, December 31, 2024 2024 2023") == "Dec 31, Sep 30, December 31, 2024 2024 2023"


def test_a_comparison_with_a_period_named_without_an_amount_leaves_the_amount_its_own_period():
    # "compared with the prior-year quarter" had been taken for the amount's own period, and undated it
    facts = _facts(QUARTER_LEAD + "Revenue for the fourth quarter was $685 million, an increase of 23 percent "
                                  "compared with the prior-year quarter.\n")
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31", ())].value == Decimal("685000000")


_Q4_TABLE = ("Acme Reports Fourth-Quarter and Full-Year 2024 Results\n\nANYTOWN, Ohio, Feb. 12, 2025 /PRNewswire/ -- "
             "Acme Corp today reported results for the fourth quarter and full year ended December 31, 2024.\n\n"
             "**Cash Generation and Liquidity**\n\n{sentence}\n\n"
             "| (in millions) | Three Months Ended December 31, | | Year Ended December 31, | |\n"
             "| --- | --- | --- | --- | --- |\n| | 2024 | 2023 | 2024 | 2023 |\n"
             "| Revenues | 1,632 | 1,608 | 6,536 | 6,777 |\n")


@pytest.mark.parametrize("sentence, period", [
    ("Cash provided by operating activities for the fourth quarter was $685 million.", "2024-10-01..2024-12-31"),
    ("Cash provided by operating activities for the third quarter was $400 million.", None),
    ("Cash provided by operating activities for the fourth quarter and the full year were $685 million and "
     "$1.5 billion, respectively.", None),
])
def test_the_quarter_a_release_reports_dates_for_the_fourth_quarter_under_a_heading_that_dates_nothing(
        sentence, period):
    # the title names a quarter and a year, the heading above the sentence none: "for the fourth quarter" is the
    # quarter the tables report, and no other quarter is dated so
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(_Q4_TABLE.format(sentence=sentence),
                                                                      issuer="none", layout="markdown").facts}
    ocf = {p: v for (c, p), v in facts.items() if c == "us-gaap:NetCashProvidedByUsedInOperatingActivities"}
    assert ocf == ({period: Decimal("685000000")} if period else {})


def test_during_the_quarter_under_a_heading_naming_a_day_is_the_quarter_the_tables_report():
    # "December 31, 2024 Quarter Highlights:" names a day; "during the quarter" is the quarter ending then
    text = _Q4_TABLE.replace("**Cash Generation and Liquidity**", "**December 31, 2024 Quarter Highlights:**").format(
        sentence="* Operating cash flow of approximately $2.7 million during the quarter")
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="markdown").facts}
    assert facts[("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2024-10-01..2024-12-31")] == Decimal("2700000")


@pytest.mark.parametrize("note, power", [("(in USD thousands, except per share amounts)", 3), ("(USD thousands)", 3),
                                         ("(in EUR thousands)", 3), ("(in € thousands)", 3), ("(€ millions)", 6),
                                         ("(EUR 000)", 3), ("(£000)", 3), ("(in TEUR)", 3), ("(in USD millions)", 6)])
def test_a_scale_note_that_names_its_currency_is_a_scale_note(note, power):
    # the currency before "thousands" hid the note, and every amount was written 1,000 times too small
    from converter.engine.scale import find_scale
    assert find_scale([note]).power == power


@pytest.mark.parametrize("aside", ["(Q4 2023 - $110.2 million)", "(Q4 2023: $110.2 million)",
                                   "(three months ended December 31, 2023 - $110.2 million)",
                                   "(Q3 2024: $115.0 million; Q4 2023: $110.2 million)"])
def test_a_period_that_labels_the_amount_after_it_is_not_the_amount_s_before_it(aside):
    # Canadian and UK releases: the period in the parenthesis is the prior figure's; it had dated the current one
    facts = _facts(QUARTER_LEAD + f"Revenue for the fourth quarter of 2024 was $120.5 million {aside}.\n")
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31", ())].value == Decimal("120500000")
    assert not [k for k, f in facts.items() if f.value == Decimal("120500000") and k[1] != "2024-10-01..2024-12-31"]


@pytest.mark.parametrize("sentence", [
    "Core net income for the fourth quarter of 2024 was $14.0 million, or $0.69 per diluted share.",
    "Normalized net income for the fourth quarter of 2024 was $14.0 million.",
    "Comparable net income for the fourth quarter of 2024 was $14.0 million.",
    "Underlying net income for the fourth quarter of 2024 was $14.0 million.",
    "Cash net income for the fourth quarter of 2024 was $14.0 million.",
    "Recurring net income for the fourth quarter of 2024 was $14.0 million.",
    "Net income for the fourth quarter of 2024 was $14.0 million excluding a $1.4 million restructuring charge.",
    "On a continuing operations basis, net income for the fourth quarter of 2024 was $11.5 million.",
])
def test_a_non_gaap_figure_under_another_name_is_no_gaap_line(sentence):
    facts = _facts(QUARTER_LEAD + sentence + "\n")
    assert not [k for k in facts if k[0] in ("us-gaap:NetIncomeLoss", "us-gaap:EarningsPerShareDiluted")]


@pytest.mark.parametrize("sentence", [
    "Non-cash stock-based compensation expense was $9.8 million for the fourth quarter of 2024.",
    "Net loss for the fourth quarter of 2024 totaled $26.8 million, compared to a net loss of $14.8 million in the "
    "year ago comparable period.",
])
def test_words_that_only_sound_like_another_basis_leave_the_line_read(sentence):
    assert [k for k in _facts(QUARTER_LEAD + sentence + "\n") if k[1] == "2024-10-01..2024-12-31"]


@pytest.mark.parametrize("title", ["COMPARABLE RESULTS", "CORE EARNINGS", "UNDERLYING RESULTS",
                                   "RESULTS BEFORE SPECIAL ITEMS", "FINANCIAL RESULTS EXCLUDING SPECIAL ITEMS"])
def test_a_table_titled_by_another_name_for_non_gaap_gives_no_gaap_line(title):
    text = (QUARTER_LEAD + f"**{title}**\n\n| (in thousands, except per share amounts) | 2024 | 2023 |\n"
            "| --- | --- | --- |\n| | Three Months Ended December 31, | |\n| Revenues | 120,500 | 110,200 |\n"
            "| Net income | 14,000 | 12,000 |\n| Diluted earnings per share | 0.69 | 0.59 |\n")
    assert not [f for f in convert_text(text, issuer="none", layout="markdown").facts if f.concept.startswith("us-gaap")]


@pytest.mark.parametrize("sentence", [
    "Cash provided by operating activities for the fourth quarter last year was $55.0 million.",
    "In the prior year, cash provided by operating activities for the fourth quarter was $55.0 million.",
    "Capital expenditures during the quarter a year ago were $7.5 million.",
    "Cash provided by operating activities for the fourth quarter in 2023 was $55.0 million.",
])
def test_the_release_s_quarter_does_not_date_a_sentence_that_names_another_year(sentence):
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(_Q4_TABLE.format(sentence=sentence),
                                                                      issuer="none", layout="markdown").facts}
    assert not [p for (c, p), v in facts.items() if v in (Decimal("55000000"), Decimal("7500000"))
                and p != "2023-10-01..2023-12-31"]


def test_an_amount_after_a_quarter_s_with_only_a_year_is_not_settled():
    # "... $55.0 million for the fourth quarter in 2023 and $60.0 million in 2024": that year's fourth quarter,
    # as likely as the year
    facts = _facts(QUARTER_LEAD + "Net cash provided by operating activities was $55.0 million for the fourth "
                                  "quarter in 2023 and $60.0 million in 2024.\n")
    assert facts[("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2023-10-01..2023-12-31", ())].value \
        == Decimal("55000000")
    assert not [k for k, f in facts.items() if f.value == Decimal("60000000")]


@pytest.mark.parametrize("sentence", [
    "In FY2024, cash provided by operating activities was $75.0 million.",
    "Cash provided by operating activities for 2024 was $75.0 million, reflecting lower U.S. tax payments.",
    "Cash provided by operating activities for 2024 was $75.0 million, driven by growth in our core markets.",
    "Cash provided by operating activities for 2024 was $75.0 million, with recurring customers renewing.",
])
def test_the_company_s_own_figure_is_read_beside_words_of_other_bases_and_places(sentence):
    facts = _facts(QUARTER_LEAD + sentence + "\n")
    assert facts[("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2024-01-01..2024-12-31", ())].value \
        == Decimal("75000000")


def test_a_prior_year_named_only_as_the_comparison_leaves_the_release_s_quarter_dating_the_amount():
    sentence = ("Cash provided by operating activities for the fourth quarter was $685 million, an increase of 23 "
                "percent compared with the prior-year quarter.")
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(_Q4_TABLE.format(sentence=sentence),
                                                                      issuer="none", layout="markdown").facts}
    assert facts[("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2024-10-01..2024-12-31")] == \
        Decimal("685000000")


def test_a_footnote_above_a_statement_naming_non_recurring_items_is_no_title_of_another_basis():
    # a footnote row ("... non-recurring income tax items ...") in the caption had made a balance sheet a
    # table of non-GAAP amounts, and none of its lines was written
    text = (QUARTER_LEAD + "| (2) | Tax adjustments include the net tax impact from non-recurring income tax items. |\n\n"
            "| Attachment 4 |  |  |  |\n| Condensed Consolidated Balance Sheets (Unaudited) |  |  |  |\n"
            "| (In millions) |  |  |  |\n|  | Year Ended December 31, |  |  |\n|  | 2024 |  | 2023 |\n"
            "| Cash and cash equivalents | $ 544.5 |  | $ 545.8 |\n| Goodwill | 1,659.7 |  | 1,719.3 |\n")
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="pipe").facts}
    assert facts[("us-gaap:Goodwill", "2024-12-31")] == Decimal("1659700000")


def test_lengths_counted_in_compound_words():
    """"Twenty-Four Weeks Ended" (a 16-12-12-12 calendar's half year) was read as the "Four Weeks" in it, and
    "Sixteen Weeks" as no length."""
    from converter.engine.dates import Length, length_of
    from converter.engine.header_tokens import tokens
    assert length_of("Twenty-Four Weeks Ended") == Length(weeks=24)
    assert length_of("Twenty-eight weeks") == Length(weeks=28)
    assert length_of("Sixteen Weeks Ended") == Length(weeks=16)
    assert length_of("Fifty Three Weeks") == Length(weeks=53)
    assert length_of("Thirteen Weeks Ended") == Length(weeks=13)
    assert [m.group(0) for k, m in tokens("Twenty-Four Weeks Ended June 14, 2025") if k == "len"] == \
        ["Twenty-Four Weeks Ended"]
