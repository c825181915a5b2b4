"""The currency of a release's amounts: the one it states, per table where a table names its own, withheld
where the evidence does not settle it, and never US dollars by default when the release says otherwise."""
from __future__ import annotations

from decimal import Decimal

from converter.pipeline import convert_text

LEAD = ("X Corp Reports Fourth Quarter 2024 Results\n\nTORONTO, Jan. 23, 2025 /CNW/ -- X Corp (TSX: XCO) today "
        "reported results for the fourth quarter ended December 31, 2024.\n\n")


def _statement(note: str = "(in thousands, except per share amounts)", mark: str = "$", rows=None,
               years=("2024", "2023"), marks=()) -> str:
    rows = rows or [("Revenues", (f"{mark}120,500", f"{mark}110,200")), ("Net income", ("12,500", "11,000")),
                    ("Diluted earnings per share", ("0.62", "0.55"))]
    n = len(years)
    lines = ["**CONSOLIDATED STATEMENTS OF INCOME**", "",
             f"| {note} | Three Months Ended December 31, |" + " |" * (n - 1), "| --- |" + " --- |" * n,
             "| | " + " | ".join(years) + " |"]
    if marks:
        lines.append("| | " + " | ".join(marks) + " |")
    lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows]
    return "\n".join(lines) + "\n"


def _units(text: str) -> dict:
    return {(f.concept, str(f.period)): (f.value, f.unit)
            for f in convert_text(text, issuer="none", layout="markdown").facts if f.concept.startswith("us-gaap")}


def test_a_release_in_canadian_dollars_has_its_amounts_in_canadian_dollars():
    # every amount had been written in US dollars
    facts = _units(LEAD + _statement("(in thousands of Canadian dollars, except per share amounts)"))
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == (Decimal("120500000"), "CAD")
    assert facts[("us-gaap:EarningsPerShareDiluted", "2024-10-01..2024-12-31")] == (Decimal("0.62"), "CAD/shares")


def test_a_currency_mark_printed_on_the_figures_names_the_table_s_currency():
    facts = _units(LEAD + _statement(mark="C$"))
    assert facts[("us-gaap:NetIncomeLoss", "2024-10-01..2024-12-31")] == (Decimal("12500000"), "CAD")


def test_a_table_in_two_currencies_has_its_amounts_withheld():
    # "RMB | RMB | US$": the convenience translation's column had been written as the quarter's figures
    facts = _units(LEAD + _statement(years=("2023", "2024", "2024"), marks=("RMB", "RMB", "US$"),
                                     rows=[("Revenues", ("780,000", "850,200", "116,476")),
                                           ("Net income", ("81,000", "88,100", "12,070")),
                                           ("Diluted earnings per share", ("0.80", "0.87", "0.12"))]))
    assert not [k for k, (_v, unit) in facts.items() if unit != "shares"]


def test_a_us_release_that_names_a_euro_amount_in_passing_stays_in_dollars():
    text = (LEAD.replace("TORONTO", "NEW YORK").replace("/CNW/", "/PRNewswire/")
            + "During the quarter the Company issued €500 million of senior notes due 2030.\n\n" + _statement())
    facts = _units(text)
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == (Decimal("120500000"), "USD")


def test_a_sentence_s_dollars_are_the_currency_the_release_states():
    facts = _units(LEAD + "Revenue for the fourth quarter of 2024 was $120.5 million. All dollar amounts are in "
                          "Canadian dollars.\n")
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == (Decimal("120500000"), "CAD")


def test_a_bare_dollar_amount_beside_another_country_s_dollars_is_withheld():
    facts = _units(LEAD + "Revenue for the fourth quarter of 2024 was C$120.5 million. Net income for the fourth "
                          "quarter of 2024 was $12.5 million.\n")
    assert ("us-gaap:NetIncomeLoss", "2024-10-01..2024-12-31") not in facts


def test_a_dollar_amount_in_a_release_stated_in_euros_is_withheld():
    facts = _units(LEAD + "All amounts are presented in euros unless otherwise stated. Net income for the fourth "
                          "quarter of 2024 was $12.5 million.\n")
    assert ("us-gaap:NetIncomeLoss", "2024-10-01..2024-12-31") not in facts


def _us(body: str) -> str:
    return (LEAD.replace("TORONTO", "NEW YORK").replace("/CNW/", "/PRNewswire/").replace("(TSX: XCO)", "(NYSE: XCO)")
            + body)


def test_a_currency_named_in_passing_leaves_a_us_release_in_dollars():
    # each of these had switched every amount of a US release to the currency it names
    for body in ["STERLING INFRASTRUCTURE, INC.\n\n" + _statement(),
                 "“We closed the year with record results in Q4,” said Eric Yuan, the CEO.\n\n" + _statement(),
                 "Fourth quarter results reflect the unfavorable impact of the Canadian dollar.\n\n" + _statement(),
                 _statement(rows=[("Revenues", ("120,500", "110,200")), ("1.5% €500 million senior notes due 2027",
                                                                          ("540,000", "552,000"))]),
                 "All amounts in this release are in U.S. dollars unless otherwise noted; amounts of our Canadian "
                 "dollar notes are in Canadian dollars.\n\n" + _statement()]:
        facts = _units(_us(body))
        assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")][1] == "USD", body[:60]


def test_one_table_in_another_currency_leaves_the_others_in_dollars():
    segment = ("**SEGMENT RESULTS**\n\n| (C$ in thousands) | 2024 | 2023 |\n| --- | --- | --- |\n"
               "| Canadian segment operating income | 4,000 | 3,500 |\n\n")
    facts = _units(_us(segment + _statement()))
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == (Decimal("120500000"), "USD")


def test_a_us_dollar_amount_named_in_a_row_label_leaves_a_canadian_table_canadian():
    facts = _units(LEAD + "All amounts are in Canadian dollars unless otherwise noted.\n\n"
                   + _statement(rows=[("Revenues", ("120,500", "110,200")),
                                      ("Senior notes (US$200 million)", ("270,000", "265,000"))]))
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == (Decimal("120500000"), "CAD")


def test_a_statement_in_thousands_of_euros_makes_the_release_s_other_tables_euros():
    # "(in TEUR)" over the income statement only: the balance sheet beside it, naming no currency, had been
    # written in dollars (and the note was not seen at all)
    balance = ("\n**CONSOLIDATED BALANCE SHEETS**\n\n| | December 31, 2024 | December 31, 2023 |\n| --- | --- | --- |\n"
               "| Cash and cash equivalents | 85,000 | 70,000 |\n")
    facts = _units(LEAD + _statement("(in TEUR, except per share amounts)") + balance)
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")][1] == "EUR"
    assert facts[("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2024-12-31")][1] == "EUR"


def test_a_label_column_headed_by_a_currency_and_its_scale_in_the_singular_states_both():
    # "EUR thousand" over the labels (as European reports head them): no scale note was found, and every
    # amount was written a thousand times too small, in US dollars
    result = convert_text(LEAD + _statement(note="EUR thousand", mark=""))
    revenue = [(f.value, f.unit) for f in result.facts if f.concept == "us-gaap:Revenues"]
    assert sorted(revenue) == [(Decimal("110200000"), "EUR"), (Decimal("120500000"), "EUR")]


def test_columns_headed_by_the_months_they_cover_are_those_periods():
    # "Oct–Dec 2024 | Oct–Dec 2023 | Jan–Dec 2024 | Jan–Dec 2023", as Nordic reports head their columns: no
    # column had been dated
    table = """**CONSOLIDATED INCOME STATEMENT**

| EUR thousand | Oct–Dec 2024 | Oct–Dec 2023 | Jan–Dec 2024 | Jan–Dec 2023 |
| --- | --- | --- | --- | --- |
| Revenue | 48,210 | 41,690 | 176,520 | 152,030 |
| Profit for the period | 4,100 | 2,200 | 12,000 | 5,900 |
"""
    result = convert_text(LEAD + table)
    revenue = {str(f.period): (f.value, f.unit) for f in result.facts if f.concept == "us-gaap:Revenues"}
    assert revenue == {"2024-10-01..2024-12-31": (Decimal("48210000"), "EUR"),
                       "2023-10-01..2023-12-31": (Decimal("41690000"), "EUR"),
                       "2024-01-01..2024-12-31": (Decimal("176520000"), "EUR"),
                       "2023-01-01..2023-12-31": (Decimal("152030000"), "EUR")}


def test_a_note_in_the_singular_or_cut_short_scales_the_table_and_names_its_currency():
    # "(€ million)" after the title on its line, and "£m" cells under the years: the figures had been
    # written as euros and as US dollars at their printed size, a million times too small
    lead = "LONDON, 6 February 2025 -- X plc today announced results for the year ended 31 December 2024.\n\n"
    euro = (lead + "**Consolidated statement of financial position** (€ million)\n\n"
            "| | Dec. 31, 2024 | Dec. 31, 2023 |\n| --- | --- | --- |\n"
            "| Total assets | 18,389 | 18,254 |\n| Cash and cash equivalents | 1,744 | 2,211 |\n")
    assert _units(euro)[("us-gaap:Assets", "2024-12-31")] == (Decimal("18389000000"), "EUR")
    pounds = (lead + "Income statement\nFor the year ended 31 December\n | 2024 |  | 2023 | \n | £m |  | £m | \n"
              "Revenue | 3,412 |  | 3,105 | \nOperating profit | 654 |  | 498 | \n")
    facts = {(f.concept, str(f.period)): (f.value, f.unit) for f in convert_text(pounds, issuer="none", layout="pipe").facts}
    assert facts[("us-gaap:Revenues", "2024-01-01..2024-12-31")] == (Decimal("3412000000"), "GBP")


def test_scale_notes_in_the_singular_or_cut_short():
    from converter.engine.scale import find_scale
    for note, power in [("Balance sheet (€ million)", 6), ("(US$ million, except per share data)", 6), ("£m", 6),
                        ("(£m)", 6), ("$bn", 9), ("(in EUR million)", 6), ("EUR thousand", 3)]:
        assert find_scale([note]).power == power, note
    for prose in ["revenue of £5m", "a $m figure", "Net sales were €5 million"]:
        assert find_scale([prose]) is None, prose
