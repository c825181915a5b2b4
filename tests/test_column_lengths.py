"""What a header gives some columns only (engine/columns.py): a length ("LTM" beside "Three Months Ended",
"Year to Date" or "H1" over "Fiscal 2024", "Full Year" over bare years), or no period at all ("Adjustments"
under a date spanning its group). Read wrongly, a quarter's or a half's figures had been dated a year's, or an
adjustment had been the period's amount."""
from __future__ import annotations

from decimal import Decimal

import pytest

from converter.pipeline import convert_text

LEAD = ("X Corp Reports Results\n\nANYTOWN, Ohio, {date} -- X Corp (NASDAQ: XCO) today reported results for "
        "{what}.\n\n")


def _release(date: str, what: str, header: list[str], top: list[str] = ()) -> str:
    rows = [("Revenues", "120,500", "110,200", "482,000", "440,800"),
            ("Net income", "12,000", "9,150", "48,000", "36,600")]
    lines = ["| (in thousands) | | | | |", "| --- | --- | --- | --- | --- |"]
    if top:
        lines.append("| | " + " | ".join(top) + " |")
    lines.append("| | " + " | ".join(header) + " |")
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return LEAD.format(date=date, what=what) + "\n".join(lines) + "\n"


def _revenues(text: str) -> dict[str, Decimal]:
    return {str(f.period): f.value for f in convert_text(text, issuer="none", layout="markdown").facts
            if f.concept == "us-gaap:Revenues" and not f.dims}


def test_a_trailing_twelve_months_header_over_two_columns_leaves_the_quarters_their_length():
    text = _release("January 23, 2025", "the fourth quarter of 2024", ["2024", "2023", "2024", "2023"],
                    top=["Three Months Ended December 31,", "", "Trailing Twelve Months", ""])
    got = _revenues(text)
    assert got["2024-10-01..2024-12-31"] == Decimal("120500000")
    assert got["2023-10-01..2023-12-31"] == Decimal("110200000")
    assert all(v != Decimal("120500000") for p, v in got.items() if p != "2024-10-01..2024-12-31")


@pytest.mark.parametrize("top, header", [
    (["Second Quarter", "", "Year to Date", ""], ["Fiscal 2025", "Fiscal 2024", "Fiscal 2025", "Fiscal 2024"]),
    ([], ["Q2 FY2025", "Q2 FY2024", "H1 FY2025", "H1 FY2024"]),
])
def test_a_year_to_date_or_a_half_over_a_fiscal_year_is_no_whole_year(top, header):
    text = _release("February 10, 2025", "the second quarter of fiscal year 2025, ended December 31, 2024",
                    header, top=top)
    got = _revenues(text)
    assert got["2024-10-01..2024-12-31"] == Decimal("120500000")
    assert got["2024-07-01..2024-12-31"] == Decimal("482000000")
    assert got["2023-07-01..2023-12-31"] == Decimal("440800000")
    assert "2023-07-01..2024-06-30" not in got


def test_full_year_over_bare_years_is_those_fiscal_years():
    text = _release("January 23, 2025", "the fourth quarter of 2024", ["2024", "2023", "2024", "2023"],
                    top=["Fourth Quarter", "", "Full Year", ""])
    assert _revenues(text) == {"2024-10-01..2024-12-31": Decimal("120500000"),
                               "2023-10-01..2023-12-31": Decimal("110200000"),
                               "2024-01-01..2024-12-31": Decimal("482000000"),
                               "2023-01-01..2023-12-31": Decimal("440800000")}


def test_an_adjustments_column_under_a_date_spanning_its_group_is_no_periods_amounts():
    text = LEAD.format(date="January 23, 2025", what="the fourth quarter of 2024") + "\n".join([
        "| (in thousands) | | | |", "| --- | --- | --- | --- |",
        "| | Three Months Ended December 31, 2024 | | |", "| | GAAP | Adjustments | Non-GAAP |",
        "| Revenues | 120,500 | 12,050 | 132,550 |", "| Operating income | 17,700 | 1,770 | 19,470 |"]) + "\n"
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="markdown").facts
             if f.concept.startswith("us-gaap")}
    assert facts == {("us-gaap:Revenues", "2024-10-01..2024-12-31"): Decimal("120500000"),
                     ("us-gaap:OperatingIncomeLoss", "2024-10-01..2024-12-31"): Decimal("17700000")}


def test_three_months_beside_six_months_over_bare_years_ends_where_the_six_months_end():
    text = _release("July 23, 2024", "the second quarter of 2024", ["2024", "2023", "2024", "2023"],
                    top=["Three Months", "", "Six Months", ""])
    assert _revenues(text) == {"2024-04-01..2024-06-30": Decimal("120500000"),
                               "2023-04-01..2023-06-30": Decimal("110200000"),
                               "2024-01-01..2024-06-30": Decimal("482000000"),
                               "2023-01-01..2023-06-30": Decimal("440800000")}


def test_three_months_over_bare_years_with_nothing_to_end_them_gives_nothing():
    text = _release("July 23, 2024", "the second quarter of 2024", ["2024", "2023", "2024", "2023"],
                    top=["Three Months", "", "Year", ""])
    assert not any(p.endswith("-06-30") and p.startswith(("2024-04", "2023-04")) for p in _revenues(text))


@pytest.mark.parametrize("heads, expected", [
    (["As Reported", "Adjustment", "As Recast"], {"2023-10-01..2023-12-31": Decimal("111000000")}),
    (["As Previously Reported", "Adjustments", "As Adjusted"], {}),
])
def test_figures_as_first_reported_beside_restated_ones_are_superseded(heads, expected):
    text = LEAD.format(date="January 23, 2025", what="the fourth quarter of 2024") + "\n".join([
        "| (in thousands) | | | |", "| --- | --- | --- | --- |",
        "| | Three Months Ended December 31, 2023 | | |", "| | " + " | ".join(heads) + " |",
        "| Revenues | 110,200 | 800 | 111,000 |", "| Operating income | 13,600 | 500 | 14,100 |"]) + "\n"
    facts = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="markdown").facts
             if f.concept == "us-gaap:Revenues"}
    assert facts == expected


def test_a_column_headed_by_both_ends_of_its_period_is_that_period():
    # "Period from March 16, 2024 through December 31, 2024": read as one date, its first (the period's start)
    # was the column's date, and the cash at the period's end was written as a balance at March 16
    text = """Tallowpeak Reports 2024 Results

CITY, Feb. 20, 2025 -- Tallowpeak today reported results.

CONSOLIDATED STATEMENTS OF CASH FLOWS (in thousands)

| | Period from March 16, 2024 through December 31, 2024 | Year Ended December 31, 2023 |
| --- | --- | --- |
| Net cash provided by operating activities | 41,300 | 48,200 |
| Cash and cash equivalents at end of period | 93,600 | 79,900 |
"""
    got = {(f.concept.split(":")[1], str(f.period)): f.value for f in convert_text(text, issuer="none").facts
           if not f.concept.startswith("dei:")}
    assert got == {("NetCashProvidedByUsedInOperatingActivities", "2024-03-16..2024-12-31"): Decimal("41300000"),
                   ("NetCashProvidedByUsedInOperatingActivities", "2023-01-01..2023-12-31"): Decimal("48200000"),
                   ("CashAndCashEquivalentsAtCarryingValue", "2024-12-31"): Decimal("93600000"),
                   ("CashAndCashEquivalentsAtCarryingValue", "2023-12-31"): Decimal("79900000")}
    # ends out of order: no period, nothing read from the column
    backwards = text.replace("Period from March 16, 2024 through December 31, 2024",
                             "Period from December 31, 2024 through March 16, 2024")
    assert not [f for f in convert_text(backwards, issuer="none").facts if f.period.end.year == 2024]


@pytest.mark.parametrize("compare", ["Q4'24 vs Q3'24", "Q4 2024 vs. Q4 2023", "Q4 2024 / Q4 2023",
                                     "Q4 2024 compared to Q4 2023"])
def test_a_column_that_sets_two_periods_against_each_other_is_no_period(compare):
    # read as its first period, the change column clashed with that period's own column and the whole table
    # was withheld
    text = f"""Acme Reports Fourth Quarter 2024 Results

BOSTON, Feb. 11, 2025 -- Acme today reported results.

(in thousands)

| | Q4 2024 | Q3 2024 | {compare} |
| --- | --- | --- | --- |
| Total revenue | 70,147 | 65,000 | 5,147 |
"""
    assert _revenues(text) == {"2024-10-01..2024-12-31": Decimal("70147000"),
                               "2024-07-01..2024-09-30": Decimal("65000000")}


def test_a_range_over_several_columns_is_their_title_not_each_ones_period():
    # "Fiscal 2025 Outlook (February 2, 2025 - January 31, 2026)" over "Low | High | Fiscal 2024 Actual": the
    # last column, last year's actuals, had taken the outlook's period
    from converter.engine.columns import resolve_columns
    from converter.engine.fiscal_calendar import fiscal_calendar
    from converter.readers import read_document
    html = ("<html><body><p>Acme Stores Reports Fiscal 2024 Results</p><table>"
            "<tr><td></td><td colspan='3'>Fiscal 2025 Outlook (February 2, 2025 - January 31, 2026)</td></tr>"
            "<tr><td></td><td>Low</td><td>High</td><td>Fiscal 2024 Actual</td></tr>"
            "<tr><td>Net sales</td><td>2,600,000</td><td>2,700,000</td><td>2,450,000</td></tr></table></body></html>")
    doc = read_document(html, "html")
    columns = resolve_columns(doc.tables[0], fiscal_calendar(doc))
    assert all(c.fixed is None for c in columns)


def test_length_titles_over_the_first_of_their_runs_of_years_head_the_runs():
    # HTML that lost the titles' spans: "Six Months Ended June 30," over the first of "2024 | 2023", "Three Months
    # Ended June 30," over the first of the next "2024 | 2023"; the prior years' columns had gone unread
    cell = '<td style="text-align:right">{}</td>'
    row = lambda label, *cells: "<tr><td>" + label + "</td>" + "".join(cell.format(c) for c in cells) + "</tr>"
    html = ("<html><body><p>X Corp Reports Second Quarter 2024 Results</p><p>ANYTOWN, Ohio, July 30, 2024 -- X Corp "
            "today reported results for the second quarter of 2024.</p><p>CONSOLIDATED STATEMENTS OF INCOME "
            "(In thousands)</p><table>"
            + row("", "Six Months Ended June 30,", "", "Three Months Ended June 30,", "")
            + row("", "2024", "2023", "2024", "2023")
            + row("Revenues", "241,000", "220,400", "120,500", "110,200")
            + row("Net income", "24,000", "18,300", "12,000", "9,150") + "</table></body></html>")
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(html, issuer="none").facts}
    assert facts[("us-gaap:Revenues", "2023-01-01..2023-06-30")] == Decimal("220400000")
    assert facts[("us-gaap:Revenues", "2023-04-01..2023-06-30")] == Decimal("110200000")
    assert facts[("us-gaap:NetIncomeLoss", "2024-01-01..2024-06-30")] == Decimal("24000000")
