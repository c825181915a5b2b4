"""Columns headed by bare years under a title that dates them (engine/columns._caption_day)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from converter.pipeline import convert_text

LEAD = ("X Corp Reports Fourth Quarter 2024 Results\n\nANYTOWN, Ohio, January 23, 2025 -- X Corp (NYSE: XCO) "
        "today reported results for the fourth quarter of 2024.\n\n")
TABLE = ("| (in thousands) | | |\n| --- | --- | --- |\n| | 2024 | 2023 |\n| Total assets | 528,115 | 498,020 |\n"
         "| Total liabilities | 210,400 | 198,100 |\n")


def _assets(title: str) -> dict[str, Decimal]:
    facts = convert_text(LEAD + title + "\n\n" + TABLE, issuer="none", layout="markdown").facts
    return {str(f.period): f.value for f in facts if f.concept == "us-gaap:Assets"}


@pytest.mark.parametrize("title", ["CONSOLIDATED BALANCE SHEETS\n\nAS OF DECEMBER 31, 2024 AND 2023",
                                   "BALANCE SHEETS AS OF DECEMBER 31, 2024 AND DECEMBER 31, 2023"])
def test_year_columns_take_the_day_their_title_gives(title):
    assert _assets(title) == {"2024-12-31": Decimal("528115000"), "2023-12-31": Decimal("498020000")}


@pytest.mark.parametrize("title", ["CONSOLIDATED BALANCE SHEETS",
                                   "BALANCE SHEETS AS OF DECEMBER 31, 2024 AND SEPTEMBER 30, 2024",
                                   "BALANCE SHEETS AS OF DECEMBER 31, 2022 AND 2021"])
def test_a_title_that_names_no_day_two_days_or_other_years_dates_no_column(title):
    assert _assets(title) == {}
