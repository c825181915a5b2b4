"""Markdown newswire copies (front matter, emphasis, pipe tables with a `| --- |` rule): a small release of
our own in the two header styles scrapers write, one mechanism per test."""
from __future__ import annotations

from decimal import Decimal

from converter.model import Paragraph, Table
from converter.pipeline import convert_text
from converter.readers.detect import detect_layout, read_document

FRONT = """---
title: "Acme Reports Fourth Quarter 2024 Results"
date: "2025-02-12 05:05:01"
summary: "BOSTON, Feb. 11, 2025 -- Acme today reported revenue of $99.9 million..."
---

"""

# A scraper that kept the HTML's spacer cells: header cells stand at the first position of their span.
WIDE = FRONT + """BOSTON, Feb. 11, 2025 (GLOBE NEWSWIRE) -- Acme Corp today reported results for the fourth quarter.

**Fourth Quarter 2024 Financial Results**

* Revenue was $47.5 million for the quarter.

| Acme Corp | | | | | | | | | | | | | | | | |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| Condensed Consolidated Statements of Operations | | | | | | | | | | | | | | | | |
| (Unaudited, In thousands except per share data) | | | | | | | | | | | | | | | | |
|  |  | Three Months EndedDecember 31, | | | | | |  |  | Twelve Months EndedDecember 31, | | | | | |  |
|  |  | 2024 | |  |  | 2023 | |  |  | 2024 | |  |  | 2023 | |  |
| Revenue: |  |  | |  |  |  | |  |  |  | |  |  |  | |  |
| **Total revenue** |  | $ | 47,459 |  |  | $ | 45,784 |  |  | $ | 178,957 |  |  | $ | 170,276 |  |
| Research and development |  |  | 23,192 |  |  |  | 28,746 |  |  |  | 102,953 |  |  |  | 122,117 |  |
| Net loss |  | $ | (33,692 | ) |  | $ | (69,441 | ) |  | $ | (159,492 | ) |  | $ | (225,250 | ) |

| Acme Corp | | | | | | | | |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| Condensed Consolidated Balance Sheets | | | | | | | | |
| (In thousands) | | | | | | | | |
|  |  | December 31,2024 | |  |  | December 31,2023 | |  |
| Cash and cash equivalents |  | $ | 47,920 |  |  | $ | 65,064 |  |
| Total assets |  |  | 612,007 |  |  |  | 700,300 |  |

|  |  |
| --- | --- |
| (1) | Includes our oilfield equipment manufacturing activities. |
"""

# A scraper that dropped the spacer cells of spanning headers: they keep no position.
NARROW = FRONT + """| **Acme Corp** |
| --- |
| **Condensed Consolidated Statements of Income (Unaudited)** |
| (In millions, except per share data) |
|  | **Three Months Ended**  **December 31,** |  | **Year Ended**  **December 31,** |
|  | **2024** |  | **2023** |  | **2024** |  | **2023** |
|  |  |  |  |  |  |  |  |
| Sales | $        746.5 |  | $        719.0 |  | $    3,240.4 |  | $    3,142.8 |
| Operating income | 85.6 |  | 43.1 |  | 329.3 |  | 196.8 |
"""


def _facts(text: str) -> dict[tuple[str, str], Decimal]:
    result = convert_text(text, issuer="none")
    return {(f.concept.split(":")[1], str(f.period)): f.value for f in result.facts if not f.dims}


def test_markdown_is_told_from_pipe_text_by_its_rule_line():
    assert detect_layout(WIDE) == "markdown"
    assert detect_layout(WIDE.replace("| --- |", "").replace(" --- |", "")) == "pipe"


def test_front_matter_is_skipped_and_emphasis_and_bullets_are_taken_off_prose():
    doc = read_document(WIDE)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert not any("summary" in t or "99.9" in t for t in texts)
    assert "Fourth Quarter 2024 Financial Results" in texts
    assert "Revenue was $47.5 million for the quarter." in texts


def test_wide_headers_cover_the_columns_up_to_the_next_header_cell():
    income, balance = read_document(WIDE).tables
    assert income.ncols == 4
    spans = {h.text: h.cols for h in income.header}
    assert spans["Three Months Ended December 31,"] == (0, 1)   # "EndedDecember" as printed in two cells
    assert spans["Twelve Months Ended December 31,"] == (2, 3)
    assert [h.cols for h in income.header if h.text in ("2024", "2023")] == [(0, 0), (1, 1), (2, 2), (3, 3)]
    rows = {r.label: [c.text for c in r.cells] for r in income.rows}
    assert rows["Total revenue"] == ["47,459", "45,784", "178,957", "170,276"]   # bold taken off
    assert rows["Net loss"] == ["(33,692)", "(69,441)", "(159,492)", "(225,250)"]   # ")" in its own cell
    assert "Condensed Consolidated Statements of Operations" in income.caption
    assert "Condensed Consolidated Balance Sheets" in balance.caption


def test_a_footnote_block_is_prose_not_a_table_of_markers():
    doc = read_document(WIDE)
    assert len(doc.tables) == 2
    assert any(isinstance(b, Paragraph) and b.text.startswith("Includes our oilfield") for b in doc.blocks)


def test_wide_release_converts_with_periods_and_scale():
    facts = _facts(WIDE)
    assert facts[("Revenues", "2024-10-01..2024-12-31")] == Decimal("47459000")
    assert facts[("Revenues", "2023-01-01..2023-12-31")] == Decimal("170276000")
    assert facts[("NetIncomeLoss", "2024-01-01..2024-12-31")] == Decimal("-159492000")
    assert facts[("Assets", "2023-12-31")] == Decimal("700300000")


def test_narrow_headers_keep_no_position_and_are_spread():
    [t] = read_document(NARROW).tables
    assert t.ncols == 4
    assert {h.text: h.cols for h in t.header}["Three Months Ended December 31,"] is None
    facts = _facts(NARROW)
    assert facts[("Revenues", "2024-10-01..2024-12-31")] == Decimal("746500000")
    assert facts[("OperatingIncomeLoss", "2023-01-01..2023-12-31")] == Decimal("196800000")


def test_two_tables_in_one_block_split_where_a_header_follows_figures():
    text = FRONT + """| Summary | | | | |
| --- | --- | --- | --- | --- |
|  | Three Months Ended December 31, 2024 | | Three Months Ended December 31, 2023 | |
| Revenue | $ | 10 | $ | 9 |
| Balance Sheet Data | | | | |
|  | December 31, 2024 | | December 31, 2023 | |
| Total assets | $ | 100 | $ | 90 |
"""
    tables = read_document(text).tables
    assert len(tables) == 2
    assert tables[1].caption == ["Balance Sheet Data"]
    assert [r.label for r in tables[1].rows] == ["Total assets"]


def test_labels_printed_in_the_second_cell_are_labels_and_a_footnote_marker_is_no_figure():
    text = FRONT + """| Segment Results |
| --- |
| **(In thousands)** |  | **2024** |  | **2023** |
| Operating revenues: |  |  |  |  |
|  | U.S. Drilling |  | $ 241,637 |  | $ 265,762 |
|  | Total operating revenues |  | $ 729,819 |  | $ 725,801 |
| (1) | Includes our equipment manufacturing. |  |  |  |  |
"""
    [t] = read_document(text).tables
    rows = {r.label: ([c.text for c in r.cells], r.section) for r in t.rows}
    assert rows["U.S. Drilling"] == (["$ 241,637", "$ 265,762"], ("Operating revenues:",))
    assert rows["Total operating revenues"][0] == ["$ 729,819", "$ 725,801"]
    assert rows["Includes our equipment manufacturing."][0] == []
    assert "(In thousands)" in t.caption


def test_a_label_cut_off_in_a_row_of_its_own_joins_the_next_rows_label():
    text = FRONT + """| Statements of Earnings (Loss) | | | | |
| --- | --- | --- | --- | --- |
| Amounts in 000's | | | | |
|  | Three Months Ended December 31, | | | |
|  | 2024 | | 2023 | |
| Operating loss | (1,012 | ) | (433 | ) |
| Loss from Continuing Operations before | | | | |
| Income Taxes | (1,070 | ) | (404 | ) |
"""
    [t] = read_document(text).tables
    assert [r.label for r in t.rows if r.cells][-1] == "Loss from Continuing Operations before Income Taxes"
    facts = _facts(text)
    assert facts[("IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
                  "2024-10-01..2024-12-31")] == Decimal("-1070000")
    assert ("IncomeTaxExpenseBenefit", "2024-10-01..2024-12-31") not in facts


def test_a_result_with_a_parenthesis_and_a_total_printed_without_its_label_close_the_heading_above():
    # "Other income" after "Earnings (loss) from operations" had stayed under "Cost and expenses:", and the
    # rule that keeps operating costs out of other income refused it
    doc = read_document("| | 2024 | 2023 |\n| --- | --- | --- |\n| Cost and expenses: | | |\n| Cost of goods sold | 80 | 90 |\n"
                        "| Delivery expense | 5 | 6 |\n| | 85 | 96 |\n| Selling expense | 3 | 4 |\n"
                        "| Earnings (loss) from operations | 10 | 12 |\n| Other income | 3 | 1 |\n", layout="markdown")
    rows = {r.label: r.section for r in doc.tables[0].rows}
    assert rows["Cost of goods sold"] == ("Cost and expenses:",) and rows[""] == ("Cost and expenses:",)
    assert rows["Selling expense"] == () and rows["Other income"] == ()


def test_first_nine_months_over_a_fiscal_year_end_where_its_third_quarter_ends():
    # "First Nine Months" over "Fiscal 2025" named no month: the nine-month columns had no period
    text = ("X Corp Reports Fiscal 2025 Third Quarter Results\n\nANYTOWN, Ohio, April 30, 2025 -- X Corp today reported "
            "financial results for its fiscal 2025 third quarter ended March 31, 2025.\n\n"
            "| (in thousands) | Third Quarter | | First Nine Months | |\n| --- | --- | --- | --- | --- |\n"
            "| | Fiscal 2025 | Fiscal 2024 | Fiscal 2025 | Fiscal 2024 |\n"
            "| Revenues | 120,500 | 110,200 | 350,000 | 320,000 |\n")
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="markdown").facts}
    assert facts[("us-gaap:Revenues", "2024-07-01..2025-03-31")] == Decimal("350000000")
    assert facts[("us-gaap:Revenues", "2023-07-01..2024-03-31")] == Decimal("320000000")
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-03-31")] == Decimal("120500000")


def test_a_note_under_one_year_heads_that_year_only_and_reads_as_no_part_of_the_company():
    # "(As Restated)" under the second and fourth of four years: a note in parentheses was taken for a part of
    # the company, and the restated columns went unread
    text = """ACME INDUSTRIAL REPORTS FOURTH QUARTER 2024 RESULTS

OMAHA, Neb., March 12, 2025 -- Acme Industrial, Inc. today announced results for the fourth quarter of 2024.

**CONSOLIDATED STATEMENTS OF OPERATIONS (In thousands)**

|  |  | Three Months Ended December 31, |  |  |  |  |  |  |  | Year Ended December 31, |  |  |  |  |  |  |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
|  |  | 2024 |  |  |  | 2023 |  |  |  | 2024 |  |  |  | 2023 |  |  |
|  |  |  |  |  |  | (As Restated) |  |  |  |  |  |  |  | (As Restated) |  |  |
| Net sales |  | $ | 41,220 |  |  | $ | 38,110 |  |  | $ | 160,330 |  |  | $ | 149,880 |  |
| Operating income |  |  | 3,230 |  |  |  | 2,260 |  |  |  | 10,890 |  |  |  | 7,670 |  |
"""
    facts = _facts(text)
    assert facts[("Revenues", "2024-10-01..2024-12-31")] == Decimal("41220000")
    assert facts[("Revenues", "2023-10-01..2023-12-31")] == Decimal("38110000")
    assert facts[("Revenues", "2024-01-01..2024-12-31")] == Decimal("160330000")
    assert facts[("OperatingIncomeLoss", "2023-01-01..2023-12-31")] == Decimal("7670000")


def test_a_note_under_one_column_reaches_no_further_than_the_cell_above_it():
    # "(14 weeks)" under the prior year's quarter, the cells right of it empty up to "(53 weeks)": reaching on to
    # the next note, it gave the current year's column fourteen weeks too, and two columns went unread
    text = """ACME RETAIL REPORTS FOURTH QUARTER 2024 RESULTS

OMAHA, Neb., March 12, 2025 -- Acme Retail, Inc. today announced results for the fourth quarter of fiscal 2024.

**CONSOLIDATED STATEMENTS OF OPERATIONS (In thousands)**

|  |  | Quarter Ended |  |  |  |  |  |  |  | Year Ended |  |  |  |  |  |  |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
|  |  | February 1, 2025 |  |  |  | February 3, 2024 |  |  |  | February 1, 2025 |  |  |  | February 3, 2024 |  |  |
|  |  | (13 weeks) |  |  |  | (14 weeks) |  |  |  |  |  |  |  | (53 weeks) |  |  |
| Net sales |  | $ | 41,220 |  |  | $ | 38,110 |  |  | $ | 160,330 |  |  | $ | 149,880 |  |
| Operating income |  |  | 3,230 |  |  |  | 2,260 |  |  |  | 10,890 |  |  |  | 7,670 |  |
"""
    facts = _facts(text)
    assert facts[("Revenues", "2023-10-29..2024-02-03")] == Decimal("38110000")   # fourteen weeks
    assert facts[("Revenues", "2024-02-04..2025-02-01")] == Decimal("160330000")


def test_a_title_a_scraper_set_under_the_years_still_heads_its_group():
    text = """ACME RESINS REPORTS THIRD QUARTER 2024 RESULTS

HOUSTON, Oct. 30, 2024 -- Acme Resins, Inc. today announced results for the third quarter of 2024.

**Condensed Consolidated Statements of Income (In millions)**

| | 2024 | 2023 | 2024 | 2023 |
| --- | --- | --- | --- | --- |
| | Three Months Ended September 30, | | Nine Months Ended September 30, | |
| Revenue | $412.2 | $398.7 | $1,231.9 | $1,198.4 |
| Gross profit | 110.8 | 103.4 | 330.7 | 308.7 |
"""
    facts = _facts(text)
    assert facts[("Revenues", "2023-07-01..2023-09-30")] == Decimal("398700000")
    assert facts[("Revenues", "2023-01-01..2023-09-30")] == Decimal("1198400000")


def test_a_note_under_the_first_of_two_dates_no_group_heads_reaches_to_the_next_note():
    # "(Thirteen Weeks) | | (Fifty-Two Weeks) |" under four dates: each note is its pair's, the prior years' too
    text = """ACME STORES REPORTS FOURTH QUARTER RESULTS

DAYTON, Ohio, March 12, 2025 -- Acme Stores, Inc. today announced results for the fourth quarter of fiscal 2024.

CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands)

| | February 1, 2025 | February 3, 2024 | February 1, 2025 | February 3, 2024 |
| --- | --- | --- | --- | --- |
| | (Thirteen Weeks) | | (Fifty-Two Weeks) | |
| Net sales | 1,596,008 | 1,676,088 | 5,375,312 | 5,486,436 |
"""
    facts = _facts(text)
    assert facts[("Revenues", "2023-11-05..2024-02-03")] == Decimal("1676088000")
    assert facts[("Revenues", "2024-11-03..2025-02-01")] == Decimal("1596008000")
