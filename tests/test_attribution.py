"""A plain 'Net income' line is the company's net income unless the release also prints a noncontrolling
interest's share: then, with no line attributed to the company beside it, it may be the consolidated total
and is withheld (facts/attribution.py)."""
from __future__ import annotations

from decimal import Decimal

from converter.pipeline import convert_text

HEAD = ("SPRINGFIELD, July 30, 2025 -- Acme Corp. today reported results for the second quarter ended "
        "June 30, 2025.\n\nCONDENSED CONSOLIDATED STATEMENTS OF INCOME\n(in millions)\n"
        "| | Three Months Ended June 30, | |\n| | 2025 | 2024 |\n| Revenues | 1,000 | 900 |\n"
        "| Operating income | 150 | 130 |\n| Net income | 120 | 100 |\n")
Q2 = "2025-04-01..2025-06-30"


def _net_income(text: str):
    result = convert_text(text, issuer="none", layout="pipe")
    return result, {str(f.period): f.value for f in result.facts if f.concept == "us-gaap:NetIncomeLoss"}


def test_a_plain_net_income_line_is_the_companys_when_no_share_of_it_is_anyone_elses():
    _result, found = _net_income(HEAD)
    assert found[Q2] == Decimal("120000000")


def test_a_plain_net_income_line_beside_a_noncontrolling_share_and_no_attributed_line_is_withheld():
    text = HEAD + "\nNet income attributable to noncontrolling interests was $20 million in the quarter.\n"
    result, found = _net_income(text)
    assert Q2 not in found
    assert any(f.code == "withheld" and "noncontrolling interest's share" in f.message for f in result.findings)


def test_an_attributed_line_that_agrees_lets_the_plain_line_stand():
    text = HEAD + ("| Net income attributable to noncontrolling interests | — | — |\n"
                   "| Net income attributable to Acme | 120 | 100 |\n")
    _result, found = _net_income(text)
    assert found[Q2] == Decimal("120000000")


def test_a_sentence_of_plain_equity_is_withheld_only_in_a_release_with_a_noncontrolling_interest():
    """'Shareholders equity was $4.20 million' in a release whose balance sheet has a noncontrolling interest:
    the sentence gave the total with it (IntelligentBio) and is withheld; without one it is the company's."""
    said = ("SPRINGFIELD, February 14, 2025 -- Acme Corp. today reported results.\n\nShareholders equity as of "
            "December 31, 2024, was $4.20 million. The noncontrolling interest was $0.16 million.\n")
    alone = convert_text(said, issuer="none")
    assert not [f for f in alone.facts if f.concept == "us-gaap:StockholdersEquity"]
    assert any("noncontrolling interest's share" in why for _f, why in alone.rejected)
    without = convert_text(said.replace(" The noncontrolling interest was $0.16 million.", ""), issuer="none")
    assert [f.value for f in without.facts if f.concept == "us-gaap:StockholdersEquity"] == [Decimal("4200000")]


def test_a_share_printed_as_a_label_wrapped_over_two_lines_is_a_share_too():
    # fixed-width text from a PDF: "Net (income) loss attributable to" / "noncontrolling interests" on two lines,
    # its figures between them; the search for a noncontrolling share stopped at the line's end, and a cash
    # flow statement's plain "Net income" (the consolidated total) was written as the parent's
    text = """Acme Corp Reports Second Quarter 2025 Results

SPRINGFIELD, July 30, 2025 -- Acme Corp. today reported results for the second quarter ended June 30, 2025.

CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (in millions)
                                                 Three Months Ended June 30,
                                                     2025          2024
Net income                                            120           100
Depreciation and amortization                          40            38

OTHER DATA (in millions)
                                                     2025          2024
      Net (income) loss attributable to
                                                     (0.2)          0.2
            noncontrolling interests
      Capital expenditures                              55            50
"""
    result = convert_text(text, issuer="none", layout="fixed")
    assert Q2 not in {str(f.period) for f in result.facts if f.concept == "us-gaap:NetIncomeLoss"}



def test_a_share_wrapped_after_its_first_words_is_a_share_too():
    # "Net earnings" / "attributable to noncontrolling interests": the search stopped at the first line's end,
    # and a plain "Net earnings" line, perhaps the consolidated total, was written as the parent's
    text = """Acme Corp Reports Second Quarter 2025 Results

SPRINGFIELD, July 30, 2025 -- Acme Corp. today reported results for the second quarter ended June 30, 2025.
Net earnings
attributable to noncontrolling interests were $1 million in the quarter.

SELECTED DATA (in millions)
                                                 Three Months Ended June 30,
                                                     2025          2024
Revenues                                              1,632         1,608
Net earnings                                            294           283
"""
    result = convert_text(text, issuer="none", layout="fixed")
    assert Q2 not in {str(f.period) for f in result.facts if f.concept == "us-gaap:NetIncomeLoss"}
