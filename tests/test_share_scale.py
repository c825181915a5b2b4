"""Share counts under a note that scales only dollars ("(Dollars in thousands, except per share data)"): the
table's own per-share arithmetic says whether they are printed whole or in thousands (facts/share_scale.py)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from converter.pipeline import convert_text

RELEASE = """X Corp Reports Fourth Quarter 2024 Results

ANYTOWN, Ohio, January 23, 2025 -- X Corp (NYSE: XCO) today reported results for the fourth quarter of 2024.

| (Dollars in thousands, except per share data) | | |
| --- | --- | --- |
| | Three Months Ended December 31, | |
| | 2024 | 2023 |
| Revenues | 120,500 | 110,200 |
| Net income | 12,000 | 9,150 |
| Basic earnings per share | 0.60 | 0.46 |
| Diluted earnings per share | 0.59 | 0.45 |
| Weighted average shares outstanding - basic | {basic} | {basic_prior} |
| Weighted average shares outstanding - diluted | {diluted} | {diluted_prior} |
"""


def _shares(**printed) -> dict[tuple[str, str], Decimal]:
    result = convert_text(RELEASE.format(**printed), issuer="none", layout="markdown")
    return {(f.concept.split(":")[1], str(f.period)): f.value for f in result.facts if f.unit == "shares"}


@pytest.mark.parametrize("printed, factor", [
    (dict(basic="20,000", basic_prior="19,900", diluted="20,300", diluted_prior="20,200"), 1000),
    (dict(basic="20,000,000", basic_prior="19,900,000", diluted="20,300,000", diluted_prior="20,200,000"), 1),
])
def test_the_per_share_arithmetic_says_whether_shares_are_in_thousands(printed, factor):
    got = _shares(**printed)
    scale = Decimal(factor)
    assert got[("WeightedAverageNumberOfSharesOutstandingBasic", "2024-10-01..2024-12-31")] == \
        Decimal(printed["basic"].replace(",", "")) * scale
    assert got[("WeightedAverageNumberOfDilutedSharesOutstanding", "2023-10-01..2023-12-31")] == \
        Decimal(printed["diluted_prior"].replace(",", "")) * scale


def test_shares_whose_arithmetic_fits_neither_scale_are_withheld_when_too_few_to_be_whole():
    # 7,000 shares fit neither as printed nor in thousands, and are too few to be a registrant's whole shares
    # (they had been written as printed); 7,000,000 fit neither either, but are shares a company may have
    got = _shares(basic="7,000", basic_prior="7,000", diluted="7,100", diluted_prior="7,100")
    assert ("WeightedAverageNumberOfSharesOutstandingBasic", "2024-10-01..2024-12-31") not in got
    got = _shares(basic="7,000,000", basic_prior="7,000,000", diluted="7,100,000", diluted_prior="7,100,000")
    assert got[("WeightedAverageNumberOfSharesOutstandingBasic", "2024-10-01..2024-12-31")] == Decimal("7000000")


MILLIONS = """X Corp Reports Third Quarter 2024 Results

ANYTOWN, Ohio, November 21, 2024 -- X Corp (NYSE: XCO) today reported results for the third quarter of 2024.

| (In millions, except per share data) | | |
| --- | --- | --- |
| | Three Months Ended October 31, | |
| | 2024 | 2023 |
| Total revenue | 612.4 | 548.8 |
| Net income | 60.1 | 45.3 |
| Diluted net income per share | 0.39 | 0.30 |
| Diluted weighted-average shares | {diluted} | {diluted_prior} |

Note: Weighted-average share counts are presented in thousands.
"""


@pytest.mark.parametrize("diluted, diluted_prior, factor", [("155,100", "152,900", 1000), ("155.1", "152.9", 10 ** 6)])
def test_share_counts_the_money_note_scaled_too_far_take_the_scale_their_arithmetic_gives(diluted, diluted_prior,
                                                                                         factor):
    # "(In millions, except per share data)" over share counts a note under the table puts in thousands: they
    # were written a thousand times too many (155,100 million shares beside $60.1 million and $0.39 a share)
    result = convert_text(MILLIONS.format(diluted=diluted, diluted_prior=diluted_prior), issuer="none",
                          layout="markdown")
    got = {str(f.period): f.value for f in result.facts if f.unit == "shares"}
    assert got == {"2024-08-01..2024-10-31": Decimal(diluted.replace(",", "")) * factor,
                   "2023-08-01..2023-10-31": Decimal(diluted_prior.replace(",", "")) * factor}
