"""A sentence's "net income" in a release whose tables split net income with noncontrolling interests
(facts/consolidated.unsaid_parent_net_income)."""
from __future__ import annotations

from decimal import Decimal

from converter.pipeline import convert_text

RELEASE = """X Corp Reports Fourth Quarter 2024 Results

ANYTOWN, Ohio, January 23, 2025 -- X Corp (NYSE: XCO) today reported results for the fourth quarter of 2024.

{sentence}

| (in thousands) | | |
| --- | --- | --- |
| | Three Months Ended December 31, | |
| | 2024 | 2023 |
| Income before income taxes | 15,600 | 11,300 |
| Net income | 12,500 | 9,150 |
| Less: Net income attributable to noncontrolling interests | (500) | (350) |
| Net income attributable to X Corp | 12,000 | 8,800 |
"""


def _net_income(sentence: str) -> dict[str, Decimal]:
    facts = convert_text(RELEASE.format(sentence=sentence), issuer="none", layout="markdown").facts
    return {str(f.period): f.value for f in facts if f.concept == "us-gaap:NetIncomeLoss"}


def test_a_sentences_net_income_that_does_not_say_whose_is_withheld():
    got = _net_income("Net income for the full year 2024 was $45.5 million, of which $2.0 million was attributable "
                      "to noncontrolling interests.")
    assert "2024-01-01..2024-12-31" not in got
    assert got["2024-10-01..2024-12-31"] == Decimal("12000000")


def test_a_sentences_net_income_attributable_to_the_company_is_read():
    got = _net_income("Net income attributable to X Corp for the full year 2024 was $43.5 million.")
    assert got["2024-01-01..2024-12-31"] == Decimal("43500000")
