"""The pipe reader: a whole table on one line (the seeds' flattening), and tables printed one row per line
(markdown and other flatteners), which must read the same."""
from __future__ import annotations

from decimal import Decimal

from converter.model import Table
from converter.pipeline import convert_text
from converter.readers.detect import detect_layout, read_document
from converter.readers.pipe_text import read_pipe_text

ONE_LINE = ("CONDENSED STATEMENTS OF OPERATIONS | (in thousands) | | Three Months Ended September 30, | | 2025 | "
            "| 2024 | Revenue | $ | 120,000 | | $ | 100,000 | Operating income | | 20,000 | | | 15,000 |\n")

ROW_PER_LINE = """\
Acme Corp Reports Third Quarter 2025 Results

CONDENSED STATEMENTS OF OPERATIONS
(in thousands)
| | Three Months Ended September 30, | |
|---|---|---|
| | 2025 | 2024 |
| Revenue | $ 120,000 | $ 100,000 |
| Operating income | 20,000 | 15,000 |
| Net loss per share | $ (0.12) | $ (0.10) |

The company's cash was $10.0 million.
"""


def _rows(table: Table) -> dict[str, list[str]]:
    return {r.label: [c.text for c in r.cells] for r in table.rows}


def test_a_whole_table_on_one_line():
    doc = read_pipe_text(ONE_LINE)
    assert len(doc.tables) == 1
    assert _rows(doc.tables[0]) == {"Revenue": ["120,000", "100,000"], "Operating income": ["20,000", "15,000"]}


def test_a_table_printed_one_row_per_line_is_one_table_with_its_title():
    assert detect_layout(ROW_PER_LINE) == "markdown"   # its |---| rule: markdown, read the same
    assert _rows(read_document(ROW_PER_LINE).tables[0]) == _rows(read_pipe_text(ROW_PER_LINE).tables[0])
    doc = read_pipe_text(ROW_PER_LINE)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert _rows(table) == {"Revenue": ["$ 120,000", "$ 100,000"], "Operating income": ["20,000", "15,000"],
                            "Net loss per share": ["$ (0.12)", "$ (0.10)"]}
    assert [h.text for h in table.header] == ["Three Months Ended September 30,", "2025", "2024"]
    assert "(in thousands)" in table.caption
    assert [p.text for p in doc.paragraphs][-1] == "The company's cash was $10.0 million."


def test_row_per_line_facts_take_the_column_periods_and_the_scale():
    facts = {(f.concept, f.period.end.year): f.value for f in convert_text(ROW_PER_LINE, issuer="none").facts}
    assert facts[("us-gaap:Revenues", 2025)] == Decimal("120000000")
    assert facts[("us-gaap:OperatingIncomeLoss", 2024)] == Decimal("15000000")


SEGMENTS_FIRST = """\
Acme Corp Reports Third Quarter 2025 Results

SEGMENT RESULTS
(in thousands)
| | Three Months Ended September 30, | |
| | 2025 | 2024 |
| Industrial | | |
| Revenue | 80,000 | 70,000 |
| Operating income | 15,000 | 12,000 |
| Consumer | | |
| Revenue | 40,000 | 30,000 |
| Operating income | 5,000 | 3,000 |
| Total | | |
| Revenue | 120,000 | 100,000 |
| Operating income | 20,000 | 15,000 |

CONDENSED STATEMENTS OF OPERATIONS
(in thousands)
| | Three Months Ended September 30, | |
| | 2025 | 2024 |
| Revenue | 120,000 | 100,000 |
| Operating income | 20,000 | 15,000 |
"""


def test_a_segment_breakdown_before_the_statements_gives_only_its_totals():
    result = convert_text(SEGMENTS_FIRST, issuer="none")
    facts = {(f.concept, f.period.end.year): f.value for f in result.facts}
    assert facts[("us-gaap:Revenues", 2025)] == Decimal("120000000")
    assert facts[("us-gaap:OperatingIncomeLoss", 2024)] == Decimal("15000000")
    assert not [f for f in result.findings if f.code == "inconsistent-duplicate"]


SPLIT_CELLS = """\
CONDENSED STATEMENTS OF OPERATIONS
(in thousands)
| | | Three Months Ended | | Nine Months Ended September 30, |
| | | September 30, 2025 | | June 30, 2025 | | September 30, 2024 | | 2025 | | 2024 |
| | | % of Revenues | | % Increase (Decrease) |
| Revenue | | $ | 186,412 | | 100% | | $ | 171,905 | | $ | 158,306 | | 12% | | $ | 522,118 | | $ | 451,905 |
| Operating loss | | | (17,235 | ) | | (9%) | | | 2,771 | | | (7,227 | ) | | n/m | | | (27,221 | ) | | | (33,346 | ) |
"""


def test_split_parentheses_ratio_cells_and_lengths_by_the_runs_of_like_headers():
    """"(17,235" and ")" in two cells are one figure; "%" columns hold no fact and do not shift the columns;
    "Three Months Ended" covers the full dates and "Nine Months Ended September 30," the bare years."""
    table = read_pipe_text(SPLIT_CELLS).tables[0]
    assert _rows(table)["Operating loss"] == ["(17,235)", "2,771", "(7,227)", "(27,221)", "(33,346)"]
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(SPLIT_CELLS, issuer="none").facts}
    assert facts[("us-gaap:Revenues", "2025-04-01..2025-06-30")] == Decimal("171905000")
    assert facts[("us-gaap:OperatingIncomeLoss", "2025-07-01..2025-09-30")] == Decimal("-17235000")
    assert facts[("us-gaap:OperatingIncomeLoss", "2024-01-01..2024-09-30")] == Decimal("-33346000")
    assert not [k for k in facts if "12-31" in k[1]]   # "% Increase (Decrease)" names no December


def test_a_spacer_row_of_empty_cells_does_not_end_the_table():
    text = ROW_PER_LINE.replace("| Operating income |", "|  |  |  |\n| Operating income |")
    [table] = [b for b in read_pipe_text(text).blocks if isinstance(b, Table)]
    assert [r.label for r in table.rows] == ["Revenue", "Operating income", "Net loss per share"]


def test_the_title_and_scale_note_over_the_next_table_are_its_own_not_the_tables_before():
    # a flattener that writes each row on its own line, no rule under the header, and the title lines of each
    # table as rows of one cell: "(in thousands, except share and per share data)" over the second table had
    # stayed with the first, and the second took the first's "(in thousands)" for its share counts
    text = """\
SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results.

Balance Sheet Data |  |  |
(in thousands) |  |  |
 | December 31, 2024 |  | December 31, 2023
Total assets | $ | 1,663,199 | $ | 937,118

Statements of Operations Data |  |  |
(in thousands, except share and per share data) |  |  |
 | Years Ended Dec 31, |  |
 | 2024 |  | 2023
Total revenue | 36,498 |  | 26,823
Weighted-average common shares - basic | 56,807,415 |  | 55,651,487
"""
    doc = read_pipe_text(text)
    first, second = doc.tables
    assert [r.label for r in first.rows] == ["Total assets"]
    assert "(in thousands, except share and per share data)" in second.caption
    facts = {(f.concept, f.period.end.year): f.value for f in convert_text(text, issuer="none", layout="pipe").facts}
    assert facts[("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", 2024)] == Decimal("56807415")
    assert facts[("us-gaap:Revenues", 2023)] == Decimal("26823000")
    assert facts[("us-gaap:Assets", 2024)] == Decimal("1663199000")


def test_a_header_line_of_dates_after_figures_starts_the_next_table():
    # the balance sheet's header prints dates, not bare years: its lines had been read as more rows of the
    # stock compensation table above, under "Three Months Ended", and every balance was then a balance in a
    # column of flows
    text = """\
SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results.

Stock-based compensation expense (in thousands):

 | Three Months Ended December 31, |  | Year Ended December 31, | 
 | 2024 |  | 2023 |  | 2024 |  | 2023
Research and development | $ | 9,037 | $ | 8,862 | $ | 41,512 | $ | 37,524
Total stock-based compensation expense | $ | 50,416 | $ | 50,640 | $ | 216,706 | $ | 210,707
CONDENSED CONSOLIDATED BALANCE SHEETS (in thousands) |  |  |  | 
 |  | December 31,2024 |  |  |  | December 31,2023 |  | 
Cash and cash equivalents |  | $ | 620,315 |  |  | $ | 488,121 | 
Total assets |  | $ | 1,611,884 |  |  | $ | 1,456,772 | 
"""
    stock, balance = read_pipe_text(text).tables
    assert [r.label for r in stock.rows] == ["Research and development", "Total stock-based compensation expense"]
    assert [r.label for r in balance.rows] == ["Cash and cash equivalents", "Total assets"]
    assert any("BALANCE SHEETS" in c for c in balance.caption)
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="pipe").facts}
    assert facts[("us-gaap:Assets", "2024-12-31")] == Decimal("1611884000")
    assert facts[("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2023-12-31")] == Decimal("488121000")


def test_a_long_release_with_each_table_on_one_line_is_pipe_text():
    # two tables among a hundred lines of prose: the lines of cells are fewer than one in twenty, but a line
    # that holds a whole table is no prose
    prose = "\n\n".join(f"Paragraph {i} of the release says what the quarter brought, in words." for i in range(60))
    text = "SPRINGFIELD, Oct. 29, 2025 -- Acme today reported results.\n\n" + prose + "\n\n" + ONE_LINE
    assert detect_layout(text) == "pipe"
    facts = {(f.concept, f.period.end.year): f.value for f in convert_text(text, issuer="none").facts}
    assert facts[("us-gaap:Revenues", 2025)] == Decimal("120000000")


def test_a_percent_sign_in_its_own_cell_makes_a_ratio_and_an_operating_result_closes_the_expenses():
    # each amount has its '% of Net Revenues' beside it, the '%' in a cell of its own: read as figures, the
    # ratios had doubled the columns and left every one undated. And "Gain on sale of assets" after
    # "Operating loss" is no longer under "Costs and Expenses:", where a gain would be printed as a deduction
    text = """\
SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results.

CONSOLIDATED STATEMENTS OF EARNINGS (LOSS)
Amounts in 000's, except per share |  |  |  | 
 | Three Months Ended December 31, |  | 
 |  | 2024 |  | 2023
 |  | Amount |  | % of Net Revenues |  | Amount |  | % of Net Revenues
Net revenues |  | $ | 7,935 |  | 100.0 | % |  | $ | 8,510 |  | 100.0 | %
Costs and Expenses: |  |  |  |  |  |  |  | 
Cost of goods sold |  |  | 4,618 |  | 58.2 | % |  |  | 4,761 |  | 55.9 | %
Operating loss |  |  | (1,012 | ) |  | -12.8 | % |  |  | (433 | ) |  | -5.1 | %
Gain on sale of assets |  |  | 694 |  | 4.4 | % |  |  | 2 |  | 0.0 | %
"""
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="pipe").facts}
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == Decimal("7935000")
    assert facts[("us-gaap:OperatingIncomeLoss", "2023-10-01..2023-12-31")] == Decimal("-433000")
    assert facts[("us-gaap:GainLossOnSaleOfPropertyPlantEquipment", "2024-10-01..2024-12-31")] == Decimal("694000")


def test_figures_on_a_line_without_a_label_are_a_row_of_their_own():
    # the total under the cost lines, printed without a label: its figures had been taken for more figures of
    # the line above, which then held two rows' worth and gave neither
    text = """\
SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results.

STATEMENTS OF OPERATIONS (in thousands)
 | Three Months Ended December 31, |  | 
 |  | 2024 |  | 2023
Cost and expenses: |  |  | 
Cost of materials sold |  | 78,509 |  | 91,972
Delivery expense |  | 4,941 |  | 5,469
Depreciation and amortization |  | 827 |  | 754
 |  | 84,277 |  | 98,195
Net earnings (loss) |  | (1,152 | ) |  | 1,184
"""
    table = read_pipe_text(text).tables[0]
    assert _rows(table)["Depreciation and amortization"] == ["827", "754"]
    assert _rows(table)[""] == ["84,277", "98,195"]
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="pipe").facts}
    assert facts[("us-gaap:CostsAndExpenses", "2024-10-01..2024-12-31")] == Decimal("84277000")
    assert facts[("us-gaap:DepreciationDepletionAndAmortization", "2023-10-01..2023-12-31")] == Decimal("754000")


def test_a_change_column_of_parenthesized_percents_and_a_glued_month_leave_the_periods_read():
    # "(8)%" is a ratio like "1%", and "Three Months EndedDecember 31," was printed in two cells
    text = """\
SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results.

Financial Summary
 | Three Months EndedDecember 31, |  |  |  | Twelve Months Ended December 31, |  |  | 
($ and shares in millions) | 2024 | 2023 | Change |  | 2024 | 2023 | Change | 
Net cash provided by operating activities | 743 | 773 | (4)% |  | 2,769 | 2,988 | (7)% | 
Weighted average Class A ordinary shares outstanding - diluted | 589 | 598 | (1)% |  | 594 | 603 | 1% | 
"""
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="pipe").facts}
    assert facts[("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2024-10-01..2024-12-31")] == \
        Decimal("743000000")
    assert facts[("us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", "2023-01-01..2023-12-31")] == \
        Decimal("603000000")


def test_a_header_line_naming_each_column_in_order_heads_them_one_by_one():
    # "As of" and "Increase" over the columns, "December 31, 2024 | December 31, 2023 | (Decrease)" under
    # them: the change column is no third date, and the two dates are the balance sheet's
    text = """\
SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results.

CONSOLIDATED BALANCE SHEETS
(Amounts in thousands) |  | As of |  |  |  |  |  |  |  | Increase |  | 
 |  | December 31, 2024 |  |  |  | December 31, 2023 |  |  |  | (Decrease) |  | 
ASSETS |  |  |  |  |  |  |  |  |  |  |  | 
Land |  | $ | 2,434,209 |  |  | $ | 2,436,221 |  |  | $ | (2,012 | )
Total assets |  | $ | 15,998,608 |  |  | $ | 16,187,665 |  |  | $ | (189,057 | )
"""
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="pipe").facts}
    assert facts[("us-gaap:Assets", "2024-12-31")] == Decimal("15998608000")
    assert facts[("us-gaap:Assets", "2023-12-31")] == Decimal("16187665000")
    assert Decimal("-189057000") not in facts.values()


def test_a_change_column_titled_over_two_header_lines_is_no_date_in_a_table_on_one_line_too():
    one_line = ("CONSOLIDATED BALANCE SHEETS | (Amounts in thousands) | | As of | | | | Increase | | | "
                "December 31, 2024 | | | December 31, 2023 | | | (Decrease) | ASSETS | | | | | | | "
                "Land | $ | 2,434,209 | | $ | 2,436,221 | | $ | (2,012 | ) | "
                "Total assets | $ | 15,998,608 | | $ | 16,187,665 | | $ | (189,057 | ) |\n")
    text = "SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results.\n\n" + one_line
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="pipe").facts}
    assert facts[("us-gaap:Assets", "2023-12-31")] == Decimal("16187665000")
    assert Decimal("-189057000") not in facts.values()


def test_a_row_with_twice_the_columns_figures_in_a_table_on_one_line_is_a_row_and_an_unlabelled_total():
    one_line = ("STATEMENTS OF OPERATIONS | (in thousands) | | Three Months Ended December 31, | | 2024 | | 2023 | "
                "Cost and expenses: | | | Cost of materials sold | | 78,509 | | 91,972 | "
                "Delivery expense | | 4,941 | | 5,469 | Depreciation and amortization | | 827 | | 754 | | | 84,277 | | "
                "98,195 | Net earnings (loss) | | (1,152) | | 1,184 |\n")
    text = "SPRINGFIELD, Feb. 12, 2025 -- Acme today reported results.\n\n" + one_line
    table = read_pipe_text(text).tables[0]
    assert _rows(table)["Depreciation and amortization"] == ["827", "754"]
    assert _rows(table)[""] == ["84,277", "98,195"]
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="pipe").facts}
    assert facts[("us-gaap:CostsAndExpenses", "2024-10-01..2024-12-31")] == Decimal("84277000")
