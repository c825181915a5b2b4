"""Outlook sentences whose periods stand after their ranges, or are handed out by "respectively"."""
from __future__ import annotations

from decimal import Decimal

from converter.pipeline import convert_text

LOW = (("srt:RangeAxis", "srt:MinimumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember"))
HIGH = (("srt:RangeAxis", "srt:MaximumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember"))
LEAD = ("X Corp Reports Fourth Quarter 2024 Results\n\nANYTOWN, Ohio, February 12, 2025 -- X Corp (NYSE: XCO) "
        "today reported results for the fourth quarter ended December 31, 2024. ")


def _facts(text: str) -> dict:
    return {(f.concept.split(":")[1], str(f.period), f.dims): f.value
            for f in convert_text(LEAD + text, issuer="none").facts if f.concept.startswith("us-gaap")}


def test_the_period_right_after_a_range_is_its_period():
    """"... reported results for the fourth quarter ended December 31, 2024. The Company expects revenue of $310
    million to $320 million for the first quarter of 2025": the range was dated by the quarter the paragraph
    named first (withheld as a past outlook where the release has a date, written as the past quarter where
    it has none)."""
    facts = _facts("The Company expects revenue of $310 million to $320 million for the first quarter of 2025.\n")
    assert facts == {("Revenues", "2025-01-01..2025-03-31", LOW): Decimal("310000000"),
                     ("Revenues", "2025-01-01..2025-03-31", HIGH): Decimal("320000000")}
    # a period after a comparison is the comparison's
    compared = _facts("The Company expects revenue of $310 million to $320 million for 2025, compared with $300 "
                      "million for the first quarter of 2024.\n")
    assert not any(p == "2024-01-01..2024-03-31" for _c, p, _d in compared)


def test_ranges_handed_out_by_respectively_take_the_periods_in_their_order():
    facts = _facts("\n\nFor the first quarter of 2025 and the full year 2025, the Company expects revenue of $310 "
                   "million to $320 million and $1.30 billion to $1.34 billion, respectively.\n")
    assert facts == {("Revenues", "2025-01-01..2025-03-31", LOW): Decimal("310000000"),
                     ("Revenues", "2025-01-01..2025-03-31", HIGH): Decimal("320000000"),
                     ("Revenues", "2025-01-01..2025-12-31", LOW): Decimal("1.30E+9"),
                     ("Revenues", "2025-01-01..2025-12-31", HIGH): Decimal("1.34E+9")}


def test_ranges_handed_out_by_respectively_to_fewer_periods_or_to_metrics_are_not_read():
    # one period named for two ranges: the first range was written as the year's
    one = _facts("\n\nFor fiscal 2025, the Company expects diluted EPS of $0.40 to $0.44 and $1.90 to $2.00, "
                 "respectively.\n")
    assert not one
    # "revenue and EPS of ... and ..., respectively": the ranges are the metrics', in order, not the periods'
    metrics = _facts("\n\nFor the first quarter of 2025 and the full year 2025, the Company expects revenue and "
                     "diluted EPS of $310 million to $320 million and $0.40 to $0.44, respectively.\n")
    assert not any(c == "EarningsPerShareDiluted" and v > 100 for (c, _p, _d), v in metrics.items())
    assert not any(c == "Revenues" and v < 100 for (c, _p, _d), v in metrics.items())


def test_an_amount_a_clause_says_is_expected_is_no_actual():
    """With no dateline to bound it, "we expect revenue of $2.3 billion in 2025" in a sentence that also
    reports was written as 2025's actual revenue."""
    lead = "X Corp Reports Fourth Quarter 2024 Results\n\nX Corp today reported results for the fourth quarter of 2024.\n\n"
    said = convert_text(lead + "For the fourth quarter of 2024, revenue was $512.3 million, and we expect net income of "
                               "$90.0 million in 2025.\n", issuer="none")
    assert not [f for f in said.facts if f.concept == "us-gaap:NetIncomeLoss"]
    quoted = convert_text(lead + "For the fourth quarter of 2024, we grew revenue to $512.3 million and we expect "
                                 "revenue of $2.3 billion in 2025.\n", issuer="none")
    assert not [f for f in quoted.facts if f.concept == "us-gaap:Revenues" and f.value > 10 ** 9]
    passive = convert_text(lead + "Revenue for 2025 is expected to be $2.3 billion.\n", issuer="none")
    assert not [f for f in passive.facts if f.concept == "us-gaap:Revenues" and not f.dims]
    # what came out as expected, or better, is reported
    better = convert_text(lead + "Better-than-expected revenue for the fourth quarter of 2024 was $512.3 million. As "
                                 "expected, net income for the fourth quarter of 2024 was $40.1 million.\n", issuer="none")
    assert {f.concept for f in better.facts if not f.dims} >= {"us-gaap:Revenues", "us-gaap:NetIncomeLoss"}


def test_respectively_over_bases_or_scenarios_hands_no_range_to_periods_named_apart():
    """Ranges split by basis ("on a GAAP and organic basis, respectively") beside periods named apart ("Following
    record results in 2024, for 2025 ...") were handed to those periods: the organic range as 2025's revenue."""
    bases = _facts("Following record results in 2024, for 2025 the Company expects revenue of $1.30 billion to "
                   "$1.34 billion and $1.35 billion to $1.39 billion on a GAAP and organic basis, respectively.\n")
    assert not any(v == Decimal("1.35E+9") for v in bases.values())
    scenarios = _facts("For 2025, the Company expects revenue of $1.30 billion to $1.34 billion and $1.40 billion to "
                       "$1.45 billion excluding and including the Zeta acquisition, respectively, which is expected "
                       "to close in the first quarter of 2025.\n")
    assert not any(p == "2025-01-01..2025-03-31" for _c, p, _d in scenarios)
