"""After a business combination a statement prints the successor's and the predecessor's periods side by side,
"Successor" and "Predecessor" over them: words that say whose period a column is, naming no part of the
company, so each column is read for the period its header dates (engine/column_members._NEUTRAL)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.pipeline import convert_text

TEXT = """Helix Power Systems Reports Full Year 2024 Results

HOUSTON, March 20, 2025 -- Helix Power Systems, Inc. today announced results for the year ended December 31, 2024.

**CONSOLIDATED STATEMENTS OF OPERATIONS (in thousands)**

| | | Successor | | | Predecessor | | | | |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| | | Period from February 14, 2024 through December 31, 2024 | | | Period from January 1, 2024 through February 13, 2024 | | | Year Ended December 31, 2023 | |
| Revenue | $ | 88,410 | | $ | 9,220 | | $ | 71,330 | |
| Net income (loss) | $ | (12,690 | ) | $ | (6,400 | ) | $ | 240 | |
"""


def test_successor_and_predecessor_columns_are_read_for_the_periods_their_headers_date():
    facts = {(f.concept, f.period.start, f.period.end): f.value for f in convert_text(TEXT, issuer="none").facts}
    assert facts[("us-gaap:Revenues", date(2024, 2, 14), date(2024, 12, 31))] == Decimal("88410000")
    assert facts[("us-gaap:Revenues", date(2024, 1, 1), date(2024, 2, 13))] == Decimal("9220000")
    assert facts[("us-gaap:NetIncomeLoss", date(2023, 1, 1), date(2023, 12, 31))] == Decimal("240000")
    assert not any(start == date(2024, 1, 1) and end == date(2024, 12, 31) for _c, start, end in facts)
