"""Checks of facts against each other when a noncontrolling interest is in the picture: the consolidated
net income is told from the parent's, and Liabilities + the parent's equity is not asserted to be the total
where a noncontrolling interest or redeemable equity holds part of it."""
from __future__ import annotations

from decimal import Decimal

from converter.emit import taxonomy_view
from converter.pipeline import convert_text

STATEMENTS = """Acme Holdings, Inc.
CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS | (in thousands) | Year Ended December 31, | 2025 | 2024 | Net income | 307,070 | 250,000 | Less: Net income attributable to noncontrolling interests | (4,610) | (3,000) | Net income attributable to Acme Holdings, Inc. | 302,460 | 247,000 |
CONDENSED CONSOLIDATED BALANCE SHEETS | (in thousands) | December 31, 2025 | December 31, 2024 | Total assets | 310,000 | 290,000 | Total liabilities | 100,000 | 95,000 | Total Acme Holdings, Inc. stockholders' equity | 200,000 | 187,000 | Noncontrolling interests | 10,000 | 8,000 | Total equity | 210,000 | 195,000 | Total liabilities and equity | 310,000 | 290,000 |
CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS | (in thousands) | Year Ended December 31, | 2025 | 2024 | Net income | 307,070 | 250,000 | Net cash provided by operating activities | 400,000 | 350,000 |
"""


def _run():
    return convert_text(STATEMENTS, layout="pipe", issuer="none")


def test_the_consolidated_net_income_is_profit_loss_not_a_clash_with_the_parent_s():
    result = _run()
    facts = {(f.concept, str(f.period)): f.value for f in result.facts}
    assert facts[("us-gaap:NetIncomeLoss", "2025-01-01..2025-12-31")] == Decimal("302460000")
    assert facts[("us-gaap:ProfitLoss", "2025-01-01..2025-12-31")] == Decimal("307070000")
    assert not [f for f in result.findings if f.code == "inconsistent-duplicate"]


def test_equity_with_a_noncontrolling_interest_balances():
    result = _run()
    assert not [f for f in result.findings if f.code == "calculation-inconsistency"]
    view = taxonomy_view(result, "acme")
    written = {n.role.rsplit(":", 1)[-1] for n in view.calculations}
    assert "liabilities-and-equity-including-noncontrolling" in written and "liabilities-and-equity" not in written


def test_a_table_whose_header_gives_two_columns_one_period_is_not_written():
    # a print that scrambled the header's spans (its source had lost them): "Year Ended" over every column
    # but the first, so two columns read as the year 2024 (shares 9,213 and 9,202) and the quarter's 2023
    # column as the year 2023. Merging withheld the two that disagree and wrote the rest, the misread 2023
    # column among them (9,133 shares as the year's)
    text = """Nabors Industries Reports Fourth Quarter 2024 Results

HAMILTON, Bermuda, Feb. 11, 2025 -- Nabors Industries Ltd. today reported results.


                              Reconciliation of Earnings per Share
               (Unaudited)
                                                           Three Months
                                                                   Ended            Year Ended
                                                                                     September      December
                                                           December 31,                     30,             31,
               (in thousands, except per share amounts)              2024                  2023           2024   2024           2023
               BASIC EPS:
               Net income (loss) (numerator):
               Income (loss), net of tax                                $  (32,869)              $       3,857      $  (33,087)       $  (87,987)  $   49,904
               Less: net (income) loss attributable to
               noncontrollinginterest                                     (20,802)                    (20,560)        (22,738)           (88,097)    (61,688)
               Less: deemed dividends to SPAC public
              shareholders                                                       —                       (458)               —                  —     (8,638)
               Less: accrued distribution on redeemable
               noncontrolling interest in subsidiary                       (7,794)                     (7,517)         (7,363)           (29,723)    (29,824)
               Numerator for basic earnings per share:
              Adjusted income (loss), net of tax - basic                $  (61,465)              $    (24,678)      $  (63,188)       $  (205,807)  $  (50,246)
              Weighted-average number of shares
              outstanding - basic                                            9,213                       9,133           9,213              9,202       9,159
               Earnings (losses) per share:
              Total Basic                                               $   (6.67)               $      (2.70)      $   (6.86)        $   (22.37)  $   (5.49)
"""
    result = convert_text(text, issuer="none", layout="fixed")
    assert result.facts == []
    assert any(f.code == "withheld" and "two columns" in f.message for f in result.findings)
