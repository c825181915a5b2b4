"""A fiscal year ending in late January or early February is named by the year it ends in at some issuers and by
the year it begins in at others: what a release dates only by such a name is written when the release says
which, and withheld when it does not (facts/fiscal_naming.py)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.pipeline import convert_text

DATELINE = "MINNEAPOLIS, March 2, 2023 -- Acme Stores, Inc. today announced results for the 13-week fourth quarter "
OUTLOOK = ("\n\nFY24 Financial Guidance\n\nAcme is providing the following guidance for FY24.\n\n"
           "Revenue of $43.8 billion to $45.2 billion\n")


def _revenue_guidance(head: str):
    result = convert_text(DATELINE + head + OUTLOOK, issuer="none")
    found = [f for f in result.facts if f.concept == "us-gaap:Revenues" and f.category == "guidance"]
    return result, found


def test_a_quarter_the_release_names_settles_how_its_years_are_named():
    _result, found = _revenue_guidance('ended January 28, 2023 ("Q4 FY23"), as compared to the fourth quarter '
                                       'ended January 29, 2022 ("Q4 FY22").')
    assert {(f.period.start, f.period.end) for f in found} == {(date(2023, 1, 29), date(2024, 1, 27))}
    assert sorted(f.value for f in found) == [Decimal("43800000000"), Decimal("45200000000")]


def test_a_year_by_name_alone_is_withheld_when_the_release_does_not_say_how_years_are_named():
    result, found = _revenue_guidance("ended January 28, 2023, as compared to the fourth quarter ended "
                                      "January 29, 2022.")
    assert found == []
    assert any(f.code == "withheld" and "named by the year they begin or end in" in f.message
               for f in result.findings)
    assert any("fiscal year's name" in why for _f, why in result.rejected)


def test_a_year_ending_in_the_first_week_of_january_is_named_by_the_year_it_begins():
    """Nearly all of a year that ends on January 1, 2023 is in 2022: nobody calls it fiscal 2023, so fiscal
    2023 is the year after it, whatever the release says of its naming."""
    result = convert_text("NEW BRUNSWICK, April 18, 2023 -- Acme Health today reported results for the first "
                          "quarter ended April 2, 2023.\n\nFor fiscal 2023, the company expects revenue of $97.9 "
                          "billion to $98.9 billion.\n", issuer="none")
    found = [f for f in result.facts if f.concept == "us-gaap:Revenues"]
    assert {(f.period.start, f.period.end) for f in found} == {(date(2023, 1, 2), date(2023, 12, 31))}
    assert len(found) == 2
