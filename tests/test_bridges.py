"""Bridges from a GAAP line to its Non-GAAP restatement: the rows between are adjustments to that line."""
from __future__ import annotations

from converter.pipeline import convert_text

HEADING_ONLY = """\
Acme Corp. reports results for the third quarter ended September 30, 2025.

(In thousands) | Three Months Ended September 30, 2025 | Three Months Ended September 30, 2024
Gross profit: | |
Stock-based compensation expense | 8,118 | 7,405
Amortization of acquired intangible assets | 2,405 | 2,405
Non-GAAP gross profit | 223,218 | 182,904
Income from operations: | |
GAAP income from operations | 23,226 | 17,053
Stock-based compensation expense | 48,412 | 44,118
Non-GAAP income from operations | 71,638 | 61,171
"""


def test_a_heading_naming_the_restated_line_makes_a_bridge_without_its_gaap_line():
    # the GAAP gross profit line was lost (a PDF reader may lose it): the heading "Gross profit:" over the
    # rows still says they adjust gross profit, so its stock-based compensation is not the total one
    facts = convert_text(HEADING_ONLY, layout="pipe", issuer="none").facts
    sbc = {f.value for f in facts if f.concept.endswith("ShareBasedCompensation")}
    assert sbc and 8118000 not in sbc and 48412000 in sbc
