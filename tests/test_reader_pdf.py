"""The reading-order PDF reader (`pdftotext` without -layout): one synthetic snippet per mechanism."""
from __future__ import annotations

from converter.readers.pdf_columns import page_number_lines
from converter.readers.pdf_header import header_in_order
from converter.readers.pdf_text import read_pdf_text


def _rows(doc, n=0):
    return {r.label: [(c.col, c.text) for c in r.cells] for r in doc.tables[n].rows if r.cells}


ROW_WISE = """\
Revenues
Net loss

Three Months Ended
December 31,
2016 2015
$ 5,076 $ 10,692
(34,152) $(33,227)
"""


def test_row_wise_lines_take_the_labels_in_order():
    assert _rows(read_pdf_text(ROW_WISE)) == {"Revenues": [(0, "5,076"), (1, "10,692")],
                                              "Net loss": [(0, "(34,152)"), (1, "(33,227)")]}


COLUMN_WISE = """\
Statements of Income
Three Months Ended
March 3, 2023
March 4, 2022

Revenue:
Subscription
Product
Total revenue

$

4,373
120
4,493

$

3,958
145
4,103

Gross profit

4,087

3,750
"""


def test_one_block_per_column_for_a_group_of_labels():
    rows = _rows(read_pdf_text(COLUMN_WISE))
    assert rows == {"Subscription": [(0, "4,373"), (1, "3,958")], "Product": [(0, "120"), (1, "145")],
                    "Total revenue": [(0, "4,493"), (1, "4,103")], "Gross profit": [(0, "4,087"), (1, "3,750")]}
    doc = read_pdf_text(COLUMN_WISE)
    sections = {r.label: r.section for r in doc.tables[0].rows}
    assert sections["Product"] == ("Revenue:",) and sections["Gross profit"] == ()


COMPOSITE = """\
Three Months Ended
March 3, 2023
March 4, 2022

Cash flows from financing activities:
Repurchases of common stock
Other financing activities, net
Cash at beginning of period
$
Cash at end of period

(1,400)

(2,400)

(19)
4,236
4,072 $

(29)
3,844
2,739
"""


def test_a_group_covered_by_two_bands_and_labels_across_a_dollar_line():
    rows = _rows(read_pdf_text(COMPOSITE))
    assert rows == {"Repurchases of common stock": [(0, "(1,400)"), (1, "(2,400)")],
                    "Other financing activities, net": [(0, "(19)"), (1, "(29)")],
                    "Cash at beginning of period": [(0, "4,236"), (1, "3,844")],
                    "Cash at end of period": [(0, "4,072"), (1, "2,739")]}


UNEVEN = """\
Three Months Ended
December 25,
December 26,
2010
2009

Net sales
Cost of sales
Gross margin
Operating expenses:
Research and development
Total operating expenses

15,683
9,272
6,411

575
2,471

398
1,686

26,741
16,443
10,298
"""


def test_a_group_no_band_fits_is_dropped_and_the_next_still_matches():
    # the first column of the top rows comes last: its blocks are no band, so those rows are left out
    rows = _rows(read_pdf_text(UNEVEN))
    assert rows == {"Research and development": [(0, "575"), (1, "398")],
                    "Total operating expenses": [(0, "2,471"), (1, "1,686")]}


DECIMALS = """\
March 3, 2023
March 4, 2022

Basic net income per share

2.72

459

Shares used to compute basic net income per share
"""


def test_a_band_whose_rows_mix_decimals_is_not_one_band():
    assert not read_pdf_text(DECIMALS).tables


TRAILING_DOLLAR = """\
March 3, 2023
March 4, 2022

Net income
Total assets

1,266
27,165

1,247 $
26,667
"""


def test_a_figure_followed_by_the_next_columns_dollar_is_not_in_the_last_column():
    # side by side the blocks read as first and second column, but "1,247 $" cannot be the last column:
    # the two clues disagree, so nothing is placed
    assert not read_pdf_text(TRAILING_DOLLAR).tables


SCRAMBLED = """\
Three Months Ended
March 4,
2022
March 3,
2023
December 2,
2022

GAAP operating income
Amortization of intangibles

1,586
95

1,580
101

1,505
100
"""


def test_a_header_read_out_of_column_order_drops_its_table():
    assert not header_in_order(["Three Months Ended", "March 4,", "2022", "March 3,", "2023", "December 2,",
                                "2022"])
    assert header_in_order(["Three Months Ended", "December 31,", "Six Months Ended", "December 31,",
                            "2016", "2015", "2016", "2015"])
    assert not read_pdf_text(SCRAMBLED).tables


def test_numbers_counting_up_with_the_pages_are_page_numbers():
    lines = [("Title", 1), ("Text", 1), ("12", 2), ("1", 2), ("2", 3), ("40", 3), ("3", 4), ("4", 5)]
    assert page_number_lines(lines) == {3, 4, 6, 7}
    assert page_number_lines([("12", 1), ("7", 2)]) == set()


PAGED = """\
Three Months Ended
March 3, 2023
March 4, 2022

Revenue
Net income

100
20

1

90
18
\fCover text
2
\fMore text
3
"""


def test_a_page_number_inside_a_table_is_not_a_block_of_figures():
    assert _rows(read_pdf_text(PAGED)) == {"Revenue": [(0, "100"), (1, "90")], "Net income": [(0, "20"), (1, "18")]}


PAGE_BREAK = """\
March 3, 2023
March 4, 2022

Revenue
Net income
\fOther page
Three Months Ended
March 3, 2023
March 4, 2022

100
20

90
18
"""


def test_labels_do_not_wait_across_a_page_break():
    assert not read_pdf_text(PAGE_BREAK).tables


LOW_HIGH = """\
Fiscal Year 2023
Low

High

GAAP diluted net income per share
Shares used to compute diluted net income per share

10.85
456

11.15
456
"""


def test_range_words_under_a_header_are_header_cells():
    doc = read_pdf_text(LOW_HIGH)
    assert [h.text for h in doc.tables[0].header] == ["Fiscal Year 2023", "Low", "High"]
    assert _rows(doc)["GAAP diluted net income per share"] == [(0, "10.85"), (1, "11.15")]


LEFTOVERS = """\
Three Months Ended
March 3, 2023
March 4, 2022

Operating income

1,586

1,580

(28)
(9)
277
1,266
2.68

Non-operating income (expense):
Interest expense
Investment gains (losses), net
Provision for income taxes
Net income
$
(32)
1
351
1,247 $

Basic net income per share
$
2.72
$
459

Shares used to compute basic net income per share

473
"""


def test_blocks_no_band_takes_are_placed_where_every_alignment_agrees():
    # the second column's block (5 figures, down to basic EPS) comes before the first column's (4, its last
    # followed by the next column's "$"); the share counts could sit either way round, so they are left out
    rows = _rows(read_pdf_text(LEFTOVERS))
    assert rows == {"Operating income": [(0, "1,586"), (1, "1,580")],
                    "Interest expense": [(0, "(32)"), (1, "(28)")],
                    "Investment gains (losses), net": [(0, "1"), (1, "(9)")],
                    "Provision for income taxes": [(0, "351"), (1, "277")],
                    "Net income": [(0, "1,247"), (1, "1,266")],
                    "Basic net income per share": [(0, "2.72"), (1, "2.68")]}


MIXED = """\
Three Months Ended May 31,
2022
2021

Revenues
Interest expense
Net income

100
90

64% $ 7,389

1.20 $ 1.42
"""


def test_lines_of_several_figures_in_a_column_wise_table_are_not_rows():
    # "1.20 $ 1.42" would fit the next label as a row; among figures that come one per line it is pieces
    # of two columns read across, so it takes no label
    doc = read_pdf_text(MIXED)
    assert all(r.label != "Revenues" for t in doc.tables for r in t.rows)


TOO_MANY = """\
Three Months Ended
March 3, 2023
March 4, 2022

Revenue
Net income

100
20

64
7

90
18

66
8
"""


def test_more_figures_than_the_header_has_columns_for_places_nothing():
    # two periods named, but four columns of values printed: no band can be trusted
    assert not read_pdf_text(TOO_MANY).tables


def test_percentage_columns_beside_value_columns_are_taken_out():
    # the same table with its extra columns printed as percentages of revenue: they are columns the header
    # does not name, and go; what is left counts up
    doc = read_pdf_text(TOO_MANY.replace("64\n7\n", "64%\n7%\n").replace("66\n8\n", "66%\n8%\n"))
    assert _rows(doc) == {"Revenue": [(0, "100"), (1, "90")], "Net income": [(0, "20"), (1, "18")]}


PERCENT_WOVEN = """\
Three Months Ended
March 3, 2023
March 4, 2022

Revenue
Cost of revenue
Net income

100
60
(12)

64% $ 90
22%
50
7%
(3)
(3%)
"""


def test_values_woven_with_percentages_line_by_line_are_one_column():
    # "64% $ 90": the percentage of another column and this column's first value on one line; then value
    # and percentage alternate; "(3%)" is a percentage, not a label
    assert _rows(read_pdf_text(PERCENT_WOVEN)) == {"Revenue": [(0, "100"), (1, "90")],
                                                   "Cost of revenue": [(0, "60"), (1, "50")],
                                                   "Net income": [(0, "(12)"), (1, "(3)")]}


STACKED = """\
Nine Months Ended
September 30,

Three Months Ended

Total net revenue
Gross profit

September
30,
2025
$ 186,412
117,294

June 30,
2025
$ 171,905
106,493

September
30,
2024
$ 158,306
95,401

2025
$ 522,118
323,712

2024
$ 451,905
270,587
"""


def test_column_dates_stacked_over_their_figures_head_those_columns():
    # the lengths came in the wrong order: the one naming its month goes over the bare years
    table = read_pdf_text(STACKED).tables[0]
    assert [(h.text, h.cols) for h in table.header] == [
        ("Three Months Ended", (0, 2)), ("Nine Months Ended September 30,", (3, 4)),
        ("September 30, 2025", (0, 0)), ("June 30, 2025", (1, 1)), ("September 30, 2024", (2, 2)),
        ("2025", (3, 3)), ("2024", (4, 4))]
    assert _rows(read_pdf_text(STACKED))["Gross profit"][3] == (3, "323,712")
    # dates that do not read newest first or oldest first under their length: the table is dropped
    swapped = STACKED.replace("June 30,\n2025", "@").replace("September\n30,\n2024", "June 30,\n2025") \
        .replace("@", "September\n30,\n2024")
    assert not read_pdf_text(swapped).tables


KINDS_APART = """\
Three Months Ended
December 31,
2016 2015
Earnings per share:
Basic
Diluted
Weighted average shares:
Basic
Diluted

0.83
0.82

0.67
0.66

41,218
41,802
"""


def test_per_share_blocks_and_share_count_blocks_are_two_runs():
    # the share counts' second column never came: the per-share band is still whole
    rows = read_pdf_text(KINDS_APART).tables[0].rows
    assert [(r.label, [c.text for c in r.cells]) for r in rows] == [("Basic", ["0.83", "0.67"]),
                                                                   ("Diluted", ["0.82", "0.66"])]


PAGE_BROKEN = """\
October 31,
2024
January 31,
2024
Cash and cash equivalents

412,305

388,118
Short-term investments
\f618,412

602,905
Accounts receivable, net

198,330

265,412
Goodwill

312,905

312,905
"""


def test_figures_at_the_top_of_a_page_continue_the_table_the_page_broke():
    # the figures of a label left on the last page are dropped with it; the rows of the next page go on the
    # same table
    tables = read_pdf_text(PAGE_BROKEN).tables
    assert [t.header[0].text for t in tables] == ["October 31,"]
    assert _rows(read_pdf_text(PAGE_BROKEN)) == {"Cash and cash equivalents": [(0, "412,305"), (1, "388,118")],
                                                 "Accounts receivable, net": [(0, "198,330"), (1, "265,412")],
                                                 "Goodwill": [(0, "312,905"), (1, "312,905")]}


def test_a_title_on_the_new_page_starts_a_table_of_its_own():
    # the header of this table comes after its figures: the last page's header must not stand for it
    text = PAGE_BROKEN.replace("\f618,412\n\n602,905", "\fCONDENSED BALANCE SHEETS")
    assert len(read_pdf_text(text).tables) == 1


FOOTNOTED = """\
Revenue growth in US $
(1)

Three Months Ended
March 3, 2023
March 4, 2022

Revenue
Net income

100
20

90
18

(1)

Growth in constant currency compares both periods at the exchange rates in effect at the end of last year.
"""


def test_footnote_marks_beside_a_header_or_a_note_are_not_figures():
    # "(1)" before the header and "(1)" before its note would be two figures of -1 and upset the counting
    assert _rows(read_pdf_text(FOOTNOTED)) == {"Revenue": [(0, "100"), (1, "90")],
                                               "Net income": [(0, "20"), (1, "18")]}


CAPITAL_ROWS = """\
STATEMENTS OF OPERATIONS
Three Months Ended
March 3, 2023
March 4, 2022

REVENUES
Product
Service
Total revenues
OPERATING EXPENSES
Research
Total operating expenses
OPERATING INCOME
Interest expense
NET INCOME

$
60
40
100

$
50
40
90

30
30
70
(5)
65

25
25
65
(4)
61
"""


def test_a_row_in_capitals_is_a_row_where_the_counts_say_so():
    # "REVENUES" and "OPERATING EXPENSES" head sections; "OPERATING INCOME" carries figures: read as a
    # heading the blocks of 5 would fit no run of labels
    rows = _rows(read_pdf_text(CAPITAL_ROWS))
    assert rows["OPERATING INCOME"] == [(0, "70"), (1, "65")]
    assert rows["NET INCOME"] == [(0, "65"), (1, "61")]
    assert "REVENUES" not in rows and "OPERATING EXPENSES" not in rows


WOVEN_TO_THE_END = """\
Three Months Ended
March 3, 2023
March 4, 2022

Revenue:
Product
Service
Costs:
Product
Service

100
60
40
30

12%
90
2%
50
7%
35
16% $ 25
"""


def test_a_percentage_and_a_value_on_the_last_line_keep_the_weave():
    # the second column alternates with a percentage column, starting with a percentage; its last line
    # holds both ("16% $ 25"): the percentage is the weave's turn, the value the column's last, and the
    # column is one block beside the first
    rows = [(r.label, [c.text for c in r.cells]) for r in read_pdf_text(WOVEN_TO_THE_END).tables[0].rows]
    assert rows == [("Product", ["100", "90"]), ("Service", ["60", "50"]),
                    ("Product", ["40", "35"]), ("Service", ["30", "25"])]


FOOTNOTE_UNDER_WORDS = """\
Three Months Ended
March 3, 2023
March 4, 2022
(1)

Revenue
Net income

100
20

90
18
"""


def test_a_footnote_mark_right_under_words_is_not_a_figure():
    assert _rows(read_pdf_text(FOOTNOTE_UNDER_WORDS)) == {"Revenue": [(0, "100"), (1, "90")],
                                                         "Net income": [(0, "20"), (1, "18")]}


RUN_ON = """\
Three Months Ended
March 3, 2023
March 4, 2022

Revenue
Total revenue
Earnings per share:
Basic
Diluted
Weighted average shares:
Basic
Diluted

100
100

90
90

1.20
1.16
2,667
2,742

1.42
1.37
2,847
2,943
"""


def test_a_column_block_runs_on_over_a_heading():
    # each column prints its per-share amounts and share counts as one block: the heading between them
    # has no figure, so the block covers both runs of rows
    rows = [(r.label, [c.text for c in r.cells]) for r in read_pdf_text(RUN_ON).tables[0].rows]
    assert rows[2:] == [("Basic", ["1.20", "1.42"]), ("Diluted", ["1.16", "1.37"]),
                        ("Basic", ["2,667", "2,847"]), ("Diluted", ["2,742", "2,943"])]


COLUMN_AFTER_COLUMN = """\
BALANCE SHEETS
May 31,
2022
Current assets:
Cash
Receivables
Total current assets
Current liabilities:
Accounts payable
Total current liabilities

$

21,383
5,953
27,336

1,317
1,317

May 31,
2021

$

30,098
5,409
35,507

745
745
"""


def test_columns_cut_into_the_same_blocks_one_after_the_other_are_bands():
    # the first column as blocks of 3 and 2 (a gap at the heading), then the second column the same way:
    # the k-th block of each column is one band
    rows = [(r.label, [c.text for c in r.cells]) for r in read_pdf_text(COLUMN_AFTER_COLUMN).tables[0].rows]
    assert rows == [("Cash", ["21,383", "30,098"]), ("Receivables", ["5,953", "5,409"]),
                    ("Total current assets", ["27,336", "35,507"]),
                    ("Accounts payable", ["1,317", "745"]), ("Total current liabilities", ["1,317", "745"])]


NUMBERED_NOTES = """\
(1)

Constant currency compares both periods at the exchange rates in effect at the end of last year.

Stock-based compensation by category:
Three Months Ended
May 31, 2022
Cost of revenue
Sales and marketing
Total stock-based compensation

(2)

$

60
120
180
"""


def test_a_footnote_number_that_follows_the_last_mark_is_a_mark():
    # "(2)" after the mark "(1)" continues the footnotes' numbering: not a figure of -2 for the first row
    assert _rows(read_pdf_text(NUMBERED_NOTES)) == {"Cost of revenue": [(0, "60")],
                                                    "Sales and marketing": [(0, "120")],
                                                    "Total stock-based compensation": [(0, "180")]}


PERCENT_HEADER = """\
Three Months Ended
March 3, 2023
March 4, 2022

Revenue
Net income
% Change

100
20

90
18

11%
11%
"""


def test_a_percentage_columns_header_is_not_a_row_label():
    # "% Change" heads the percentage column printed after the labels: no row of the table
    assert _rows(read_pdf_text(PERCENT_HEADER)) == {"Revenue": [(0, "100"), (1, "90")],
                                                    "Net income": [(0, "20"), (1, "18")]}



GROUP_TITLE = """\
Three Months Ended
June 30,
2025
2024
Net sales:
Wholesale
Stores
Online
Total net sales
Operating costs:
Cost of sales
Selling expenses

306
96
402

284
80
364

(301)
(122)

(290)
(115)
"""


def test_a_group_title_without_figures_is_read_where_the_counts_say_so():
    # "Wholesale" heads the two rows under it and prints no figure: read as a row, the blocks of 3 would fit
    # no run of labels; read as a title, they fit and the total adds up
    rows = _rows(read_pdf_text(GROUP_TITLE))
    assert "Wholesale" not in rows
    assert rows["Stores"] == [(0, "306"), (1, "284")]
    assert rows["Total net sales"] == [(0, "402"), (1, "364")]
    assert rows["Selling expenses"] == [(0, "(122)"), (1, "(115)")]


TITLE_OVER_A_TOTAL = """\
Three Months Ended
June 30,
2025
2024
Research
Marketing

10

11

20

21

5

6

35

38

Restructuring
Total operating expenses
Other income, net
"""


def test_a_label_over_a_total_is_no_group_title():
    # the figures came before the labels, one row after the other, and those of "Other income, net" not at
    # all: read as a title, "Restructuring" would hand its figures to the total under it (which would then
    # have nothing to add up) and the total's to "Other income, net"; so it is no title, and the rows that
    # cannot be counted out are left out
    rows = _rows(read_pdf_text(TITLE_OVER_A_TOTAL))
    assert rows["Research"] == [(0, "10"), (1, "11")]
    assert "Total operating expenses" not in rows and "Other income, net" not in rows


TITLE_AMONG_FIGURES = """\
Three Months Ended
June 30,
2025
2024
Weighted average shares:
Basic
Diluted

41,218
41,802
ACME WIDGETS, INC.
CONDENSED BALANCE SHEETS

42,506
42,915

June 30,
2025
"""


def test_a_title_in_capitals_ending_in_a_period_is_no_sentence():
    # the next statement's titles came among the last columns' blocks: "ACME WIDGETS, INC." is a heading
    # like them, not prose that would end the table and drop the second column
    rows = _rows(read_pdf_text(TITLE_AMONG_FIGURES))
    assert rows == {"Basic": [(0, "41,218"), (1, "42,506")], "Diluted": [(0, "41,802"), (1, "42,915")]}
    assert "CONDENSED BALANCE SHEETS" not in read_pdf_text(TITLE_AMONG_FIGURES).tables[0].caption


PROSE_NAMING_A_PERIOD = """\
DENVER, Oct. 28, 2025 -- Acme Widgets, Inc. (NYSE: ACME) today announced results for its fiscal fourth quarter and fiscal
year ended September 30, 2025.
ACME WIDGETS, INC.
STATEMENTS OF OPERATIONS
Three Months Ended
September 30,
2025
2024
Revenue
Net income

100
10

90
9
"""


def test_a_wrapped_line_of_prose_is_no_header():
    # "year ended September 30, 2025." goes on from the sentence above: no header piece of the table below
    table = read_pdf_text(PROSE_NAMING_A_PERIOD).tables[0]
    assert [h.text for h in table.header][0] == "Three Months Ended"
    assert _rows(read_pdf_text(PROSE_NAMING_A_PERIOD)) == {"Revenue": [(0, "100"), (1, "90")],
                                                           "Net income": [(0, "10"), (1, "9")]}


CONTINUED_ON_NEXT_PAGE = """\
Three Months Ended
June 30,
2025
2024
GAAP gross profit
Stock-based compensation

100
5

90
4
\fNon-GAAP gross profit

105

94
"""


def test_a_table_continued_on_the_next_page_is_one_table():
    # the page broke the table: its rows on the next page, under no header, go on the same table (a bridge
    # from the GAAP line to its restatement spans the break)
    doc = read_pdf_text(CONTINUED_ON_NEXT_PAGE)
    assert len(doc.tables) == 1
    assert [r.label for r in doc.tables[0].rows] == ["GAAP gross profit", "Stock-based compensation",
                                                     "Non-GAAP gross profit"]


def test_a_sentence_wrapped_over_lines_short_enough_to_pass_for_labels_is_one_paragraph():
    text = ("DALLAS, July 22, 2004 -- Acme Widget Corporation (NYSE: AWC) today\n"
            "reported net sales of $124.6 million for the second quarter ended June 30,\n"
            "2004, compared to $112.3 million for the second quarter of 2003. Net income\n"
            "for the quarter was $8.9 million, or $0.42 per diluted share, compared to\n"
            "$6.1 million, or $0.29 per diluted share, in the second quarter of 2003.\n\n"
            "Cash and equivalents\n")
    doc = read_pdf_text(text)
    texts = [b.text for b in doc.paragraphs]
    assert texts[0].startswith("DALLAS") and texts[0].endswith("in the second quarter of 2003.")
    assert "reported net sales of $124.6 million" in texts[0] and "for the quarter was $8.9 million" in texts[0]
    assert texts[1:] == ["Cash and equivalents"]


def test_a_total_right_under_another_sums_the_lines_of_the_group_above_it():
    # Martin Marietta's balance sheet read back in reading order lost one figure, and the tail of its assets'
    # column ("71 / 10,109 / 4,497 / 376 / 646 / 18,170") came out the size of the liabilities' column: as a
    # band they made a column of liabilities that adds up nowhere, beside the true one, whose lines add up to
    # "Total liabilities and equity"; "Total equity" right above it sums nothing (one line of its own)
    from converter.model import Cell, Span
    from converter.readers.pdf_model import LabelLine, totals_confirmed
    labels = ["Current maturities of long-term debt", "Other current liabilities", "Long-term debt",
              "Other noncurrent liabilities", "Total equity", "Total liabilities and equity"]
    group = [LabelLine(text, Span(0, 0), False, n) for n, text in enumerate(labels)]

    def cells(*columns):
        return {id(lab): [Cell(col[n], c) for c, col in enumerate(columns)] for n, lab in enumerate(group)}
    right_2024 = ["125", "891", "5,288", "2,410", "9,456", "18,170"]
    right_2023 = ["400", "770", "3,946", "1,973", "8,036", "15,125"]
    misplaced = ["71", "10,109", "4,497", "376", "646", "18,170"]
    assert totals_confirmed(group, cells(right_2024, right_2023)) == 2
    assert totals_confirmed(group, cells(misplaced, right_2024)) is None


ROW_BY_ROW = """\
KESTREL TOOLS, INC.
CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS
($ in millions)
Year Ended
May 31,
2024
2023
Cash Flows From Operating Activities:
Net income
$ 1,204 $ 987
Depreciation
412
398
Amortization of intangible assets
150
179
Stock-based compensation
261
237
Net cash provided by operating activities
1,940
1,834
"""


def test_a_label_followed_by_one_rows_figures_line_by_line_is_read_row_by_row():
    # each label, then its two figures on lines of their own, then the next label (WeasyPrint's Oracle read
    # by pdftotext): blocks of two were cut into bands, as if they were the columns of two rows, and every
    # figure went to the wrong row ("Depreciation | 412 | 150")
    assert _rows(read_pdf_text(ROW_BY_ROW)) == {
        "Depreciation": [(0, "412"), (1, "398")], "Amortization of intangible assets": [(0, "150"), (1, "179")],
        "Stock-based compensation": [(0, "261"), (1, "237")],
        "Net cash provided by operating activities": [(0, "1,940"), (1, "1,834")]}


DISPLACED = """\
Acme Inc.
CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in millions)
Three Months Ended
December 25,
December 26,
2010
2009

Net sales
Cost of sales
Gross margin
Operating expenses:
Research and development
Selling, general and administrative
Total operating expenses
Operating income

15,683
9,272
6,411

575
1,896
2,471
7,827

398
1,288
1,686
4,725

(1) Includes stock-based compensation expense as follows:
Cost of sales
Research and development

26,741
16,443
10,298

52
113

37
74
"""


def test_a_block_printed_after_the_footnotes_is_placed_by_what_the_statement_adds_up_to():
    # Apple's statement in reading order: the prior year's net sales, cost and gross margin first, this
    # year's after the footnote's labels; gross margin less total operating expenses is operating income in
    # one order of the two blocks only (10,298 - 2,471 = 7,827; 6,411 - 1,686 = 4,725)
    rows = _rows(read_pdf_text(DISPLACED))
    assert rows["Net sales"] == [(0, "26,741"), (1, "15,683")]
    assert rows["Gross margin"] == [(0, "10,298"), (1, "6,411")]
    assert rows["Operating income"] == [(0, "7,827"), (1, "4,725")]


def test_a_displaced_block_that_adds_up_no_way_or_two_ways_is_not_placed():
    # the operating income no longer follows from either order: nothing is placed
    rows = _rows(read_pdf_text(DISPLACED.replace("7,827", "7,800")))
    assert "Net sales" not in rows


def test_a_word_broken_at_a_line_s_end_is_whole_where_the_release_prints_it_whole_or_it_is_a_scale():
    # "$53.4 mil-" / "lion" had been $53.4, a net income of fifty-three dollars
    from converter.readers.normalize import join_wrapped
    text = "the fourth quarter of 2024 and the quarter before"
    assert join_wrapped(["net income was $53.4 mil-", "lion in the fourth quar-", "ter"], text) == \
        "net income was $53.4 million in the fourth quarter"
    assert join_wrapped(["attributable to non-", "controlling interests"], text) == \
        "attributable to non-controlling interests"
