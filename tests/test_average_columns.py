"""A bank's average balances are no balances at any date: a column headed "Average" gives no instant facts,
and "Period End" beside it names the period's end, not a part of the company (engine/columns.py)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from converter.pipeline import convert_text

RELEASE = """First Anytown Bancorp Reports Fourth Quarter 2024 Results

ANYTOWN, Ohio, January 23, 2025 -- First Anytown Bancorp (NASDAQ: FABC) today reported results for the fourth
quarter of 2024.

SELECTED BALANCE SHEET DATA

| (Dollars in thousands) | | |
| --- | --- | --- |
{header}
| Total deposits | 4,550,000 | 4,500,000 |
| Total assets | 5,050,000 | 5,000,000 |
| Total shareholders' equity | 460,000 | 455,000 |
"""


def _assets(header: str) -> dict[str, Decimal]:
    result = convert_text(RELEASE.format(header=header), issuer="none", layout="markdown")
    return {str(f.period): f.value for f in result.facts if f.concept == "us-gaap:Assets"}


@pytest.mark.parametrize("header", [
    "| | Period End | Quarterly Average |\n| | December 31, 2024 | |",
    "| | December 31, 2024 | Average Balance |",
    "| | Period-End | Avg. |\n| | December 31, 2024 | December 31, 2024 |",
])
def test_the_period_end_column_is_read_and_the_average_column_is_not(header):
    assert _assets(header) == {"2024-12-31": Decimal("5050000000")}


def test_a_column_of_averages_alone_gives_no_balance():
    rows = [("", "Average for the Three Months Ended December 31, 2024"), ("Total deposits", "4,500,000"),
            ("Total assets", "5,000,000"), ("Total shareholders' equity", "455,000")]
    table = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
    html = ("<html><body><p>First Anytown Bancorp Reports Fourth Quarter 2024 Results</p><p>ANYTOWN, Ohio, January "
            "23, 2025 -- First Anytown Bancorp (NASDAQ: FABC) today reported results for the fourth quarter of "
            "2024.</p><p>SELECTED BALANCE SHEET DATA</p><p>(Dollars in thousands)</p>"
            f"<table>{table}</table></body></html>")
    facts = convert_text(html, issuer="none", layout="html").facts
    assert [f for f in facts if f.concept.startswith("us-gaap")] == []
