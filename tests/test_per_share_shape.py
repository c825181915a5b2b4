"""Money printed the way per-share amounts are (facts/per_share_shape.py): a row of a table in millions that
prints two more decimals than the table's money, every figure under a hundred, is withheld."""
from __future__ import annotations

from decimal import Decimal

from converter.pipeline import convert_text

STATEMENT = """\
ACME HOTELS, INC.
CONDENSED CONSOLIDATED STATEMENTS OF INCOME
(In millions of dollars, except per share amounts)
                                                         Three Months Ended March 31,
                                                             2025          2024
Total revenues                                              1,734         1,720
Direct and general and administrative expenses              1,064         1,009
Income before income taxes                                    131            92
Provision for income taxes                                    (32)          (22)
Net income attributable to Acme Hotels, Inc.                  {a}           {b}
"""


def _net_income(a: str, b: str) -> dict:
    result = convert_text(STATEMENT.format(a=a, b=b), issuer="none", layout="fixed")
    return {str(f.period): f.value for f in result.facts if f.concept == "us-gaap:NetIncomeLoss"}, result


def test_a_money_row_printed_as_a_per_share_amount_is_withheld():
    # the per-share heading above "Net income attributable to ..." was lost: $1.00 and $0.67 a share are not
    # net income of $1.00 million
    found, result = _net_income("1.00", "0.67")
    assert found == {}
    assert any("per-share" in f.message for f in result.findings)


def test_the_same_row_printed_as_money_is_written():
    found, _result = _net_income("99", "70")
    assert found["2025-01-01..2025-03-31"] == Decimal("99000000")


def test_a_table_of_too_few_rows_is_judged_by_its_note_that_excepts_per_share_amounts():
    # the per-share lines printed as a table of their own (their heading lost): no whole money beside them to
    # show the table's shape, but its note says that what prints cents under "in millions" is per share
    lone = """\
ACME HOTELS, INC.
(In millions of dollars, except per share amounts)
                                                         Three Months Ended March 31,
                                                             2025          2024
Net income attributable to Acme Hotels, Inc.                 {a}          {b}
"""
    found = lambda a, b: {str(f.period): f.value for f in convert_text(lone.format(a=a, b=b), issuer="none",
                                                                      layout="fixed").facts
                          if f.concept == "us-gaap:NetIncomeLoss"}
    assert found("1.00", "0.67") == {}
    assert found("98", "68")["2025-01-01..2025-03-31"] == Decimal("98000000")
    # a note that excepts nothing says nothing of per-share amounts: no reading is withheld by it
    plain = lone.replace(", except per share amounts", "")
    assert {str(f.period) for f in convert_text(plain.format(a="1.00", b="0.67"), issuer="none", layout="fixed").facts
            if f.concept == "us-gaap:NetIncomeLoss"} == {"2025-01-01..2025-03-31", "2024-01-01..2024-03-31"}
