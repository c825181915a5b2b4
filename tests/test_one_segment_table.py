"""A table titled by one segment's name holds that segment's lines, not the company's (engine/table_kind.py)."""
from __future__ import annotations

import pytest

from converter.pipeline import convert_text

RELEASE = """X Corp Reports Fourth Quarter 2024 Results

ANYTOWN, Ohio, January 23, 2025 -- X Corp (NYSE: XCO) today reported results for the fourth quarter of 2024.

{title}

| (in thousands) | | |
| --- | --- | --- |
| | Three Months Ended December 31, | |
| | 2024 | 2023 |
| Net sales | 80,000 | 72,000 |
| Operating income | 15,000 | 12,000 |
| Depreciation and amortization | 2,000 | 1,900 |
| Capital expenditures | 3,000 | 2,000 |
"""


def _concepts(title: str) -> set[str]:
    facts = convert_text(RELEASE.format(title=title), issuer="none", layout="markdown").facts
    return {f.concept for f in facts if f.concept.startswith("us-gaap:")}


@pytest.mark.parametrize("title", ["**INDUSTRIAL SEGMENT**", "Industrial Segment (unaudited)",
                                   "Healthcare Segment Results"])
def test_a_table_of_one_named_segment_gives_no_company_facts(title):
    assert _concepts(title) == set()


@pytest.mark.parametrize("title", ["**SELECTED FINANCIAL DATA**", "Segment Information", "Consolidated Results"])
def test_a_table_no_segment_names_is_read(title):
    assert {"us-gaap:Revenues", "us-gaap:OperatingIncomeLoss"} <= _concepts(title)
