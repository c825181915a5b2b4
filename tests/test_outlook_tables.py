"""Outlook tables whose period is not over their Low and High columns: in the title above them ("FIRST
QUARTER 2025 GUIDANCE"), or as a year with "Outlook" beside the year's actuals ("2024 Actual | 2025 Outlook")."""
from __future__ import annotations

from decimal import Decimal

import pytest

from converter.pipeline import convert_text

LOW = (("srt:RangeAxis", "srt:MinimumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember"))
HIGH = (("srt:RangeAxis", "srt:MaximumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember"))
LEAD = ("X Corp Reports Fourth Quarter 2024 Results\n\nANYTOWN, Ohio, January 23, 2025 -- X Corp (NYSE: XCO) "
        "today reported results for the fourth quarter of 2024.\n\n")


def _facts(text: str) -> dict:
    return {(f.concept, str(f.period), f.dims): f.value
            for f in convert_text(LEAD + text, issuer="none", layout="markdown").facts if f.concept.startswith("us-gaap")}


def test_low_and_high_columns_take_the_period_the_title_names():
    facts = _facts("**FIRST QUARTER 2025 GUIDANCE**\n\n"
                   "| (in millions) | | |\n| --- | --- | --- |\n| | Low | High |\n"
                   "| Revenue | $ 125.0 | $ 130.0 |\n| Non-GAAP operating income | $ 20.0 | $ 22.0 |\n"
                   "| Operating income | $ 15.0 | $ 17.0 |\n")
    assert facts == {("us-gaap:Revenues", "2025-01-01..2025-03-31", LOW): Decimal("125000000"),
                     ("us-gaap:Revenues", "2025-01-01..2025-03-31", HIGH): Decimal("130000000"),
                     ("us-gaap:OperatingIncomeLoss", "2025-01-01..2025-03-31", LOW): Decimal("15000000"),
                     ("us-gaap:OperatingIncomeLoss", "2025-01-01..2025-03-31", HIGH): Decimal("17000000")}


def test_a_title_naming_two_periods_dates_no_low_and_high_column():
    facts = _facts("**FIRST QUARTER AND FULL YEAR 2025 GUIDANCE**\n\n"
                   "| (in millions) | | |\n| --- | --- | --- |\n| | Low | High |\n| Revenue | $ 125.0 | $ 130.0 |\n")
    assert facts == {}


def test_a_year_with_outlook_over_low_and_high_beside_the_years_actuals():
    facts = _facts("**OUTLOOK**\n\n| (in millions, except per share amounts) | | | |\n| --- | --- | --- | --- |\n"
                   "| | 2024 Actual | 2025 Outlook | |\n| | | Low | High |\n"
                   "| Revenue | $ 482.0 | $ 500.0 | $ 520.0 |\n| Diluted earnings per share | $ 2.36 | $ 2.10 | $ 2.34 |\n")
    assert facts[("us-gaap:Revenues", "2024-01-01..2024-12-31", ())] == Decimal("482000000")
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-12-31", LOW)] == Decimal("500000000")
    assert facts[("us-gaap:EarningsPerShareDiluted", "2025-01-01..2025-12-31", HIGH)] == Decimal("2.34")


def test_a_period_named_twice_above_low_and_high_dates_them():
    # the heading above the table and the table's own title name the same year
    facts = _facts("**Full-Year 2025 Guidance**\n\n| 2025 GUIDANCE | | |\n| --- | --- | --- |\n"
                   "| (Dollars in Millions) | Low \\* | High \\* |\n| Total revenues | $ 6,830 | $ 7,230 |\n"
                   "| Capital expenditures | $ 725 | $ 775 |\n")
    assert facts == {("us-gaap:Revenues", "2025-01-01..2025-12-31", LOW): Decimal("6830000000"),
                     ("us-gaap:Revenues", "2025-01-01..2025-12-31", HIGH): Decimal("7230000000"),
                     ("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "2025-01-01..2025-12-31", LOW):
                         Decimal("725000000"),
                     ("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "2025-01-01..2025-12-31", HIGH):
                         Decimal("775000000")}


def test_lines_under_a_section_beside_the_consolidated_one_are_a_part_s():
    # "Gross profit" is printed for one business only: it is no outlook of the company's gross profit
    facts = _facts("| 2025 GUIDANCE | | |\n| --- | --- | --- |\n| (Dollars in Millions) | Low | High |\n"
                   "| Consolidated | | |\n| Total revenues | $ 6,830 | $ 7,230 |\n| | | |\n"
                   "| Magnesia Specialties Business | | |\n| Gross profit | $ 110 | $ 120 |\n")
    assert facts == {("us-gaap:Revenues", "2025-01-01..2025-12-31", LOW): Decimal("6830000000"),
                     ("us-gaap:Revenues", "2025-01-01..2025-12-31", HIGH): Decimal("7230000000")}


def test_low_and_high_with_a_footnote_mark_head_a_fixed_width_outlook():
    text = ("X Corp Reports Fourth Quarter 2024 Results\n\nANYTOWN, Ohio, January 23, 2025 -- X Corp (NYSE: XCO) "
            "today reported results for the fourth quarter of 2024.\n\n"
            "                    2025 GUIDANCE\n"
            "  (Dollars in Millions)                Low *          High *\n"
            "  Total revenues                   $  6,830       $  7,230\n"
            "  Capital expenditures             $    725       $    775\n\n"
            "  * Guidance range represents the low end and high end of the respective line items.\n")
    facts = {(f.concept, str(f.period), f.dims): f.value
             for f in convert_text(text, issuer="none", layout="fixed").facts if f.concept.startswith("us-gaap")}
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-12-31", LOW)] == Decimal("6830000000")
    assert facts[("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "2025-01-01..2025-12-31", HIGH)] \
        == Decimal("775000000")


def test_a_heading_with_a_colon_inside_the_consolidated_section_heads_the_company_s_lines():
    facts = _facts("| (in thousands) | | |\n| --- | --- | --- |\n| | Three Months Ended December 31, 2024 | "
                   "Three Months Ended December 31, 2023 |\n| Industrial | | |\n| Revenues | 70,000 | 60,000 |\n"
                   "| Consolidated | | |\n| Revenues | 120,500 | 110,000 |\n| Operating expenses: | | |\n"
                   "| Selling, general and administrative | 30,000 | 28,000 |\n")
    assert facts[("us-gaap:SellingGeneralAndAdministrativeExpense", "2024-10-01..2024-12-31", ())] == \
        Decimal("30000000")
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31", ())] == Decimal("120500000")


@pytest.mark.parametrize("prior, current", [("Prior Outlook", "Updated Outlook"), ("Previous Guidance", "Current Guidance"),
                                            ("Original", "Revised Outlook"), ("Prior", "Raised Guidance")])
def test_an_updated_outlook_beside_the_prior_one_is_read_and_the_prior_one_is_not(prior, current):
    # both had been read as parts of the company, and neither outlook was written
    facts = _facts("**Full Year 2025 Outlook**\n\n"
                   f"| (in millions, except per share amounts) | {prior} | {current} |\n| --- | --- | --- |\n"
                   "| Revenue | $500 - $520 | $510 - $525 |\n| Diluted earnings per share | $2.10 - $2.20 | $2.15 - $2.25 |\n")
    assert facts == {("us-gaap:Revenues", "2025-01-01..2025-12-31", LOW): Decimal("510000000"),
                     ("us-gaap:Revenues", "2025-01-01..2025-12-31", HIGH): Decimal("525000000"),
                     ("us-gaap:EarningsPerShareDiluted", "2025-01-01..2025-12-31", LOW): Decimal("2.15"),
                     ("us-gaap:EarningsPerShareDiluted", "2025-01-01..2025-12-31", HIGH): Decimal("2.25")}


def test_a_consolidated_line_its_parts_beside_it_do_not_add_up_to_is_not_the_company_s():
    # a page break took the segment's heading ("Aggregates") from above its gross profit, which then stood
    # under "Consolidated" beside the other segments' gross profit
    table = ("| 2025 GUIDANCE | | |\n| --- | --- | --- |\n| (Dollars in Millions) | Low | High |\n"
             "| Consolidated | | |\n| Total revenues | $ 6,830 | $ 7,230 |\n| Gross profit | $ 1,610 | $ 1,710 |\n"
             "| Cement | | |\n| Gross profit | $ 305 | $ 385 |\n| Magnesia Specialties Business | | |\n"
             "| Gross profit | $ 110 | $ 120 |\n")
    facts = _facts(table)
    assert not [k for k in facts if k[0] == "us-gaap:GrossProfit"]
    # where the parts add up to it, the consolidated line is the company's
    facts = _facts(table.replace("$ 1,610 | $ 1,710", "$ 415 | $ 505"))
    assert facts[("us-gaap:GrossProfit", "2025-01-01..2025-12-31", LOW)] == Decimal("415000000")
