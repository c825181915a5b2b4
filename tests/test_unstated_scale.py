"""A table that states no scale, in a release whose other tables state thousands (facts/unstated_scale.py)."""
from __future__ import annotations

from decimal import Decimal

from converter.pipeline import convert_text

PROSE = ("The Company continued to execute its strategy across its markets during the quarter, with management "
         "focused on margins, working capital and cash generation in every region it serves, and on the launch "
         "of its new product lines.\n\n") * 2
HEAD = """BOSTON, February 11, 2025 -- Acme Corp today reported results for its fourth quarter.

""" + PROSE
STATEMENT = """
                    CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                                  (in thousands)
                                                Three Months Ended December 31,
                                                    2024             2023
      Revenue                                     47,459           45,784
      Net loss                                    (3,692)          (6,941)
"""


def _balance_sheet(cash: str, assets: str) -> str:
    # a balance sheet whose title and note the producer dropped, before a statement that states its scale
    return f"""
                                              December 31,     December 31,
                                                  2024             2023
      Cash and cash equivalents           {cash:>12}            4,405
      Total assets                        {assets:>12}          127,777
"""


def _values(result, concept: str) -> dict[str, Decimal]:
    return {str(f.period): f.value for f in result.facts if f.concept == "us-gaap:" + concept}


def test_a_table_stating_no_scale_among_tables_in_thousands_with_figures_too_small_for_dollars_is_withheld():
    result = convert_text(HEAD + _balance_sheet("11,746", "72,911") + STATEMENT, issuer="none", layout="fixed")
    assert _values(result, "Assets") == {} and _values(result, "CashAndCashEquivalentsAtCarryingValue") == {}
    assert any(f.code == "withheld" and "states no scale" in f.message for f in result.findings)
    assert _values(result, "Revenues")["2024-10-01..2024-12-31"] == Decimal("47459000")   # the others stand


def test_whole_dollar_totals_show_a_table_that_states_no_scale_is_in_dollars():
    result = convert_text(HEAD + _balance_sheet("11,746,004", "72,911,530") + STATEMENT, issuer="none",
                          layout="fixed")
    assert _values(result, "Assets")["2024-12-31"] == Decimal("72911530")


def test_the_text_stating_a_figure_as_printed_shows_the_table_in_whole_dollars():
    told = HEAD.replace("reported results for its fourth quarter.", "reported results for its fourth quarter. "
                        "Cash and cash equivalents were $11.7 thousand at December 31, 2024.")
    result = convert_text(told + _balance_sheet("11,746", "72,911") + STATEMENT, issuer="none", layout="fixed")
    assert _values(result, "Assets")["2024-12-31"] == Decimal("72911")


def test_a_table_printing_what_a_table_in_thousands_prints_a_thousand_times_larger_is_read_in_thousands():
    # the cash a balance sheet without its note prints is the cash the cash flow statement, in thousands,
    # ends the year with
    cash_flow = """
                    CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS
                                  (in thousands)
                                                     Year Ended December 31,
                                                    2024             2023
      Net cash provided by operating activities    9,410            7,013
      Cash and cash equivalents at end of period  11,746            4,405
"""
    result = convert_text(HEAD + _balance_sheet("11,746", "72,911") + cash_flow, issuer="none", layout="fixed")
    assert _values(result, "Assets") == {"2024-12-31": Decimal("72911000"), "2023-12-31": Decimal("127777000")}
    assert any(f.code == "rescaled" and "tables that state their scale" in f.message for f in result.findings)


def test_money_printed_to_a_tenth_is_no_evidence_of_whole_dollars():
    # "Other receivables 8.0": one decimal is a table in millions, not dollars and cents
    result = convert_text(HEAD + _balance_sheet("11,746", "72,911").replace("4,405", "4,405.1") + STATEMENT,
                          issuer="none", layout="fixed")
    assert _values(result, "Assets") == {}


def test_money_printed_to_a_tenth_in_a_release_that_states_no_scale_anywhere_is_withheld():
    # "Sales 746.5": no release prints dollars to a tenth; in millions or in billions, it does not say (every
    # "(In millions)" lost, as a flattener that drops a table's title lines loses them)
    text = HEAD + STATEMENT.replace("(in thousands)", "").replace("47,459", "746.5").replace("45,784", "719.0") \
        .replace("(3,692)", "(48.3)").replace("(6,941)", "(28.6)")
    result = convert_text(text, issuer="none", layout="fixed")
    assert _values(result, "Revenues") == {} and _values(result, "NetIncomeLoss") == {}
    assert any(f.code == "withheld" and "printed to a tenth" in f.message for f in result.findings)
    # a rule file's example means its figures as printed
    example = convert_text(text, issuer="none", layout="fixed", snippet=True)
    assert _values(example, "Revenues")["2024-10-01..2024-12-31"] == Decimal("746.5")
