"""A row whose wording does not give its sign ("Other, net"), read from a table other than a statement, is
withheld when no statement reads the same fact (facts/presented_signs.py)."""
from __future__ import annotations

from decimal import Decimal

from converter.pipeline import convert_text

HEAD = ("Acme Drilling Reports Fourth Quarter 2024 Results\n\nHOUSTON, February 11, 2025 -- Acme Drilling today "
        "reported results for the fourth quarter ended December 31, 2024.\n\n")
RECONCILIATION = ("RECONCILIATION OF NON-GAAP FINANCIAL MEASURES TO NET INCOME (LOSS)\n(in thousands)\n"
                  "| | Three Months Ended December 31, | |\n| | 2024 | 2023 |\n"
                  "| Net loss | (32,869) | 3,857 |\n| Income tax expense | 15,231 | 19,244 |\n"
                  "| Interest expense | 53,642 | 49,938 |\n| Other, net | 37,021 | 7,878 |\n"
                  "| Adjusted EBITDA | 73,025 | 80,917 |\n")
STATEMENT = ("CONDENSED CONSOLIDATED STATEMENTS OF INCOME (LOSS)\n(in thousands)\n"
             "| | Three Months Ended December 31, | |\n| | 2024 | 2023 |\n"
             "| Operating revenues | 729,819 | 725,801 |\n| Costs and other deductions: | | |\n"
             "| Direct costs | 676,123 | 659,862 |\n| Interest expense | 53,642 | 49,938 |\n"
             "| Other, net | 37,021 | 7,878 |\n| Total costs and other deductions | 766,786 | 717,678 |\n"
             "| Income (loss) before income taxes | (36,967) | 8,123 |\n")
Q4 = "2024-10-01..2024-12-31"


def _other(text: str) -> tuple[dict, list]:
    result = convert_text(text, issuer="none", layout="pipe")
    return ({str(f.period): f.value for f in result.facts if f.concept == "us-gaap:OtherNonoperatingIncomeExpense"},
            result.findings)


def test_an_add_back_in_a_reconciliation_alone_is_withheld():
    # "Other, net 37,021" added back on the way to EBITDA: an expense, or income? the table does not say
    found, findings = _other(HEAD + RECONCILIATION)
    assert Q4 not in found
    assert any(f.code == "withheld" and "sign is not settled" in f.message for f in findings)


def test_the_statement_reading_stands_beside_the_reconciliation():
    # the statement lists it among the deductions: its arithmetic says it is an expense
    found, _findings = _other(HEAD + STATEMENT + "\n" + RECONCILIATION)
    assert found[Q4] == Decimal("-37021000")


def test_a_gain_a_reconciliation_subtracts_is_withheld_and_a_nil_is_no_sign():
    # "Gain on office lease termination (0.03)" on the way to adjusted EBITDA: the gain of $30,000, printed as
    # the reconciliation's subtraction, had been written as a loss
    text = HEAD + ("RECONCILIATION OF NON-GAAP FINANCIAL MEASURES TO NET INCOME (LOSS)\n(in millions)\n"
                   "| | Three Months Ended December 31, | |\n| | 2024 | 2023 |\n"
                   "| Net income (loss) | 0.02 | (0.74) |\n| Depreciation and amortization | 0.12 | 0.32 |\n"
                   "| Gain on office lease termination | (0.03) | - |\n| Adjusted EBITDA | 0.11 | (0.42) |\n")
    result = convert_text(text, issuer="none", layout="pipe")
    gains = {str(f.period): f.value for f in result.facts if f.concept == "us-gaap:GainLossOnTerminationOfLease"}
    assert Q4 not in gains
    assert gains.get("2023-10-01..2023-12-31") == Decimal("0")   # a nil: no sign to settle
