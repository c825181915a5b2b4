"""The fixed-width reader (`pdftotext -layout` text): one synthetic snippet per mechanism."""
from __future__ import annotations

from decimal import Decimal

import pytest

from converter.model import Paragraph, Table
from converter.readers.detect import detect_layout
from converter.readers.fixed_width import looks_like, read_fixed_width


def _fixed_facts(text: str) -> dict:
    """(concept, period) -> value of each fact read from `text` as fixed-width text, base rules only."""
    from converter.pipeline import convert_text
    return {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none", layout="fixed").facts}


INCOME = """\
Condensed Statements of Income
(In millions, except per share data)
                                                    Three Months Ended
                                              March 3, 2023       March 4, 2022
Revenue:
 Subscription                               $         4,373   $         3,958
 Product                                                120               145
   Total revenue                                      4,493             4,103
Cost of revenue (1)                                     434               393
Other income (expense), net                              43                 -
Interest expense                                        (32)              (28)
Net income                                  $         1,247 $           1,266
Diluted net income per share                $          2.71   $          2.66
"""


def _table(doc, n=0) -> Table:
    return doc.tables[n]


def _row(table: Table, label: str):
    return next(r for r in table.rows if r.label == label)


def test_header_pieces_share_the_columns_by_position():
    t = _table(read_fixed_width(INCOME))
    assert t.ncols == 2
    assert [(h.text, h.cols) for h in t.header] == [
        ("Three Months Ended", (0, 1)), ("March 3, 2023", (0, 0)), ("March 4, 2022", (1, 1))]
    assert t.caption == ["Condensed Statements of Income", "(In millions, except per share data)"]


def test_figures_take_columns_by_right_edge_and_dollar_marks_are_apart():
    t = _table(read_fixed_width(INCOME))
    cells = lambda label: [(c.col, c.text) for c in _row(t, label).cells]
    assert cells("Subscription") == [(0, "4,373"), (1, "3,958")]
    assert cells("Interest expense") == [(0, "(32)"), (1, "(28)")]       # the parenthesis hangs out
    assert cells("Net income") == [(0, "1,247"), (1, "1,266")]           # "1,247 $" of the next column
    assert cells("Other income (expense), net") == [(0, "43"), (1, "-")]  # a dash under its column
    assert cells("Diluted net income per share") == [(0, "2.71"), (1, "2.66")]


def test_spaced_dot_leaders_and_leaders_run_into_a_figure_are_white_space():
    # a typesetter's ". . . ." and a word processor's dots up to the figure ("year.......70,000", as pdftotext
    # lays out a Word PDF): the figures had stayed glued to the dots, no figure at all
    t = _table(read_fixed_width("Cash Flows (In millions)\n"
                                "                                          Year Ended December 31,\n"
                                "                                            2024         2023\n"
                                "Revenue . . . . . . . . . . . . . . . .  $ 4,493      $ 4,103\n"
                                "Cash at end of year.......................85,000       70,000\n"))
    assert [(c.col, c.text) for c in _row(t, "Revenue").cells] == [(0, "4,493"), (1, "4,103")]
    assert [(c.col, c.text) for c in _row(t, "Cash at end of year").cells] == [(0, "85,000"), (1, "70,000")]


def test_a_leader_s_last_dot_is_no_figure_s_decimal_point_unless_it_can_only_be():
    t = _table(read_fixed_width("Per share\n"
                                "                                          Three Months Ended\n"
                                "                                            2024         2023\n"
                                "Diluted earnings per share. . . . . . . . . .45          .38\n"
                                "Basic earnings per share.....................47           40\n"))
    # a dot right before digits in spaced leaders is the decimal point of ".45"
    assert [c.text for c in _row(t, "Diluted earnings per share").cells] == [".45", ".38"]
    # "......47": 47 or .47? The figure run into the leader is not read
    assert "47" not in [c.text for r in t.rows for c in r.cells]


@pytest.mark.parametrize("header", [
    "              Three Months Ended December 31,         2024         2023\n",   # the title from the labels' side
    "                         Three Months Ended December 31, 2024 2023\n",      # title and years one string
])
def test_a_period_title_on_the_line_of_the_years_heads_every_column(header):
    # a word processor's header line: the title that names the length stood over no column, and every quarter
    # column was left without a period
    facts = _fixed_facts("Acme Reports Fourth Quarter 2024 Results\n\nANYTOWN, Ohio, January 23, 2025 -- Acme Corp "
                         "today reported results for the fourth quarter of 2024.\n\n"
                         "              STATEMENTS OF OPERATIONS (in thousands)\n" + header +
                         "Revenues                                         $120,500     $110,200\n"
                         "Net income                                         13,200       11,100\n")
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == Decimal("120500000")
    assert facts[("us-gaap:Revenues", "2023-10-01..2023-12-31")] == Decimal("110200000")
    assert facts[("us-gaap:NetIncomeLoss", "2023-10-01..2023-12-31")] == Decimal("11100000")


def test_a_title_from_the_labels_side_does_not_head_a_year_printed_twice():
    # the third "2024" is a year's column the header does not name: "Three Months Ended" heads no column there
    facts = _fixed_facts("Acme Reports Fourth Quarter 2024 Results\n\nANYTOWN, Ohio, January 23, 2025 -- Acme Corp "
                         "today reported results for the fourth quarter of 2024.\n\n"
                         "              STATEMENTS OF OPERATIONS (in thousands)\n"
                         "              Three Months Ended December 31,         2024         2023         2024\n"
                         "Revenues                                         $120,500     $110,200     $470,000\n"
                         "Impairment of goodwill                                                       5,000\n")
    # the year's impairment, printed in the third column only, is no fourth quarter's
    assert ("us-gaap:GoodwillImpairmentLoss", "2024-10-01..2024-12-31") not in facts


def test_an_opening_parenthesis_set_apart_from_its_digits_opens_the_figure():
    # "(  1,200)": the "(" alone was no figure, and the row had a figure too many for its columns
    t = _table(read_fixed_width("Statements of Operations (In thousands)\n"
                                "                                          Three Months Ended\n"
                                "                                            2024         2023\n"
                                "Revenues                                  120,500      110,200\n"
                                "Interest expense                         (  1,200)    (  1,300)\n"))
    assert [(c.col, c.text) for c in _row(t, "Interest expense").cells] == [(0, "(1,200)"), (1, "(1,300)")]


def test_a_footnote_letter_after_each_figure_is_no_cell():
    # "17,700 (a)": the letter ended the line, which was then read as text, and the row was lost
    t = _table(read_fixed_width("Statements of Operations (In thousands)\n"
                                "                                          Three Months Ended\n"
                                "                                            2024           2023\n"
                                "Revenues                                  120,500        110,200\n"
                                "Operating income                           17,700 (a)     15,100 (a)\n"))
    assert [(c.col, c.text) for c in _row(t, "Operating income").cells] == [(0, "17,700"), (1, "15,100")]


def test_footnote_mark_after_a_label_stays_in_the_label():
    t = _table(read_fixed_width(INCOME))
    assert [(c.col, c.text) for c in _row(t, "Cost of revenue (1)").cells] == [(0, "434"), (1, "393")]


def test_headings_enclose_indented_rows_and_a_deeper_total_closes_them():
    t = _table(read_fixed_width(INCOME))
    assert _row(t, "Product").section == ("Revenue:",)
    assert _row(t, "Total revenue").section == ("Revenue:",)
    assert _row(t, "Cost of revenue (1)").section == ()


NESTED = """\
                                                             Three Months Ended
                                                       December 25,        December 26,
                                                           2010                2009
Operating activities:
      Net income                                            6,004               3,378
      Changes in operating assets and liabilities:
            Accounts receivable, net                         (517)                271
            Inventories                                       166                (121)
                   Cash generated by operating activities   9,773               5,781
Investing activities:
      Taxes paid related to net share settlement of equity awards, net of proceeds from
      treasury stock re-issuances                              (95)               (175)
      Purchases of property and equipment                     (101)               (100)
         and other assets
"""


def test_nested_headings_and_a_total_indented_past_its_rows():
    t = _table(read_fixed_width(NESTED))
    assert [(h.text, h.cols) for h in t.header][0] == ("Three Months Ended", (0, 1))
    assert _row(t, "Net income").section == ("Operating activities:",)
    assert _row(t, "Inventories").section == ("Operating activities:", "Changes in operating assets and liabilities:")
    # the total of the operating block is not one of the changes it follows
    assert _row(t, "Cash generated by operating activities").section == ("Operating activities:",)


def test_wrapped_labels_join_above_and_below_the_figures():
    t = _table(read_fixed_width(NESTED))
    labels = [r.label for r in t.rows if r.cells]
    assert ("Taxes paid related to net share settlement of equity awards, net of proceeds from treasury stock "
            "re-issuances") in labels
    assert "Purchases of property and equipment and other assets" in labels


UNPLACED = """\
                                         2016          2015
Revenue                                 5,076        10,692
Odd line                                  195                   12
Net loss                              (34,152)      (33,227)
"""


def test_a_figure_no_column_owns_drops_its_row():
    t = _table(read_fixed_width(UNPLACED))
    assert [r.label for r in t.rows] == ["Revenue", "Net loss"]
    assert [h.text for h in t.header] == ["2016", "2015"]
    assert t.unplaced == ["Odd line 195 12"]    # not read, but said (explain --coverage)


def test_explain_coverage_names_the_lines_of_figures_in_no_column(tmp_path):
    from click.testing import CliRunner
    from converter.cli import main
    src = tmp_path / "r.txt"
    header = " " * 41 + "2016"
    src.write_text("Acme Corp Reports Results\n\nBOSTON, February 11, 2017 -- Acme Corp reported results.\n\n"
                   "STATEMENTS OF OPERATIONS (in thousands)\n"
                   + UNPLACED.replace(header, " " * 19 + "Year Ended December 31,\n" + header))
    res = CliRunner().invoke(main, ["explain", str(src), "--issuer", "none", "--format", "fixed", "--coverage"])
    assert "1 line in no column" in res.output and "'Odd line 195 12'" in res.output, res.output


PAGES = """\
Balance Sheets
                                           December 31,      June 30,
                                               2016            2016
Cash and cash equivalents                $   159,964     $  245,026
Other assets                                  38,900         34,214

                                  7
\fAccounts payable                              55,776         60,439
Total liabilities                            295,938        301,105
"""


def test_page_number_dropped_and_a_headerless_page_continues_the_table():
    doc = read_fixed_width(PAGES)
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert [r.label for r in t.rows] == ["Cash and cash equivalents", "Other assets", "Accounts payable",
                                         "Total liabilities"]
    assert [c.text for c in t.rows[-1].cells] == ["295,938", "301,105"]
    assert not any("7" == p.text for p in doc.paragraphs)


CAPTION_ON_HEADER_LINE = """\
The following table shows results reconciled to non-GAAP results included in this release.
(In millions, except per share data)                          Three Months Ended
                                                 March 3,            March 4,          December 2,
                                                   2023                2022                2022
Operating income:
GAAP operating income                        $    1,586      $       1,580     $          1,505
Amortization of intangibles                          95                101                  100
"""


def test_caption_left_of_a_header_line_and_a_flat_heading():
    t = _table(read_fixed_width(CAPTION_ON_HEADER_LINE))
    assert t.ncols == 3
    assert t.caption == ["(In millions, except per share data)"]
    assert [(h.text, h.cols) for h in t.header] == [
        ("Three Months Ended", (0, 2)), ("March 3,", (0, 0)), ("March 4,", (1, 1)), ("December 2,", (2, 2)),
        ("2023", (0, 0)), ("2022", (1, 1)), ("2022", (2, 2))]
    # a heading at the rows' own indent still encloses them in a flat layout
    assert _row(t, "GAAP operating income").section == ("Operating income:",)


WORD_TABLE = """\
The following table summarizes second quarter targets:

             Total revenue                         $4.75 billion to $4.78 billion
             Earnings per share                    GAAP: $2.65 to $2.70
"""


def test_rows_of_a_table_of_words_are_paragraphs_of_their_own():
    doc = read_fixed_width(WORD_TABLE)
    assert not doc.tables
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "Total revenue $4.75 billion to $4.78 billion" in texts
    assert "Earnings per share GAAP: $2.65 to $2.70" in texts


def test_a_sentence_spaced_out_by_the_printer_goes_on_in_the_line_under_it():
    # a wide gap after the dateline is no table of words: the sentence goes on under it, in lower case at its
    # indent, and "$22.8" / "million" is one amount
    text = """\
     BOSTON, Jan. 22, 2025           - Harbor Bancorp today reported net income for the fourth quarter of 2024 of $22.8
     million, or $1.29 per diluted share.

     Total revenue      $4.75 billion to $4.78 billion
     Net income         $1.10 billion
"""
    paragraphs = [b.text for b in read_fixed_width(text).blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].endswith("of $22.8 million, or $1.29 per diluted share."), paragraphs
    assert paragraphs[1:] == ["Total revenue $4.75 billion to $4.78 billion", "Net income $1.10 billion"], paragraphs


def test_detection_tells_fixed_width_from_reading_order_text():
    reading_order = "Revenues\nNet loss\n\n2016 2015\n$ 5,076 $ 10,692\n(34,152) $(33,227)\n"
    assert not looks_like(reading_order)
    assert looks_like(INCOME + NESTED)
    assert detect_layout(INCOME + NESTED) == "fixed"
    assert detect_layout(reading_order) == "pdf"


DRIFT = """\
                              STATEMENTS OF OPERATIONS
                                                                                            %
                                                   Three Months Ended May 31,        Increase
                                                           % of              % of   (Decrease)
                                                 2022   Revenues     2021  Revenues   in US $     (1)
REVENUES
  Cloud services                            $   7,612      64% $ 7,389       66%          3%
  Hardware                                        856       7%   882          8%         (3%)
            Total revenues                     11,840     100%  11,227      100%          5%
OPERATING EXPENSES
  Sales and marketing                           2,238      19%         2,077  19%          8%
  Research and development                      1,965      17%         1,715  15%         15%
"""


def test_a_column_that_drifts_between_rows_and_percent_columns_apart():
    t = _table(read_fixed_width(DRIFT))
    assert t.ncols == 5
    cells = lambda label: [(c.col, c.text) for c in _row(t, label).cells]
    assert cells("Cloud services") == [(0, "7,612"), (1, "64%"), (2, "7,389"), (3, "66%"), (4, "3%")]
    assert cells("Hardware") == [(0, "856"), (1, "7%"), (2, "882"), (3, "8%"), (4, "(3)%")]
    # the 2021 amounts sit 8 characters further right here, and are still the 2021 column
    assert cells("Sales and marketing") == [(0, "2,238"), (1, "19%"), (2, "2,077"), (3, "19%"), (4, "8%")]


def test_header_lines_over_the_columns_whatever_they_print():
    # "2022  Revenues  2021 ... (1)" ends with a footnote mark, yet lies over the columns: it is header
    t = _table(read_fixed_width(DRIFT))
    texts = [(h.text, h.cols) for h in t.header]
    assert ("2022", (0, 0)) in texts and ("2021", (2, 2)) in texts
    assert ("Three Months Ended May 31,", (0, 3)) in texts or ("Three Months Ended May 31,", (0, 2)) in texts
    assert [r.label for r in t.rows][:2] == ["REVENUES", "Cloud services"]


RECON = """\
                                                  Year Ended May 31,                          in US $
                                                                   2022                          2021
                                           2022                    Non-     2021                 Non-
                                          GAAP         Adj.        GAAP     GAAP       Adj.      GAAP
TOTAL OPERATING EXPENSES                $ 31,514    $ (8,667)   $ 22,847  $ 25,266   $ (3,785)  $ 21,481
Restructuring                                191        (191)        -        431       (431)        -
"""


def test_stacked_header_words_and_a_spanning_length():
    t = _table(read_fixed_width(RECON))
    cells = {(h.text, h.cols) for h in t.header}
    # "Non-" over "GAAP" is one word; each stacked cell keeps its own column
    assert ("Non-GAAP", (2, 2)) in cells and ("Non-GAAP", (5, 5)) in cells
    assert ("Adj.", (1, 1)) in cells and ("Adj.", (4, 4)) in cells
    # the years stand over their own columns, not over their neighbours
    assert ("2022", (2, 2)) in cells and ("2022", (0, 0)) in cells and ("2021", (3, 3)) in cells
    # "Year Ended May 31," stands over two columns and heads the free ones it is nearest to
    span = next(h.cols for h in t.header if h.text == "Year Ended May 31,")
    assert span[0] == 0 and span[1] >= 3


LOW_HIGH = """\
    (Shares in millions)                                           Fiscal Year 2023
                                                              Low                    High
    GAAP diluted net income per share                 $      10.85          $       11.15
    Non-GAAP diluted net income per share             $      15.30          $       15.60
"""


def test_narrow_pieces_take_the_nearest_free_column():
    t = _table(read_fixed_width(LOW_HIGH))
    assert [(h.text, h.cols) for h in t.header] == [("Fiscal Year 2023", (0, 1)), ("Low", (0, 0)), ("High", (1, 1))]
    assert t.caption == ["(Shares in millions)"]


STACKED_GROUPS = """\
                                                                Three Months Ended            Year Ended
                                                                   December 31,              December 31,
                                                                    2024         2023         2024         2023

Net sales                                                    $     812.4  $     776.9  $   3,184.6  $   3,052.3
Cost of sales                                                      547.2        529.8      2,158.9      2,091.4
"""


def test_a_month_stacked_under_a_group_title_spans_the_group():
    # "December 31," centred over two narrow columns stands over one of them only; under "Three Months
    # Ended" it heads both
    t = _table(read_fixed_width(STACKED_GROUPS))
    cells = {(h.text, h.cols) for h in t.header}
    assert ("December 31,", (0, 1)) in cells and ("December 31,", (2, 3)) in cells


LEADERS = """\
Book value per share increased to $31.42 at June 30, 1999 from $30.15 at
December 31, 1998.

                  (In thousands, except per share amounts)

                                       Three Months Ended      Six Months Ended
                                            June 30,               June 30,
                                       -------------------   -------------------
                                         1999       1998       1999       1998
                                       --------   --------   --------   --------
Revenues:
  Net premiums earned................. $142,318   $131,905   $281,440   $260,117
  Realized investment gains (losses)..   (1,204)     2,318        905      4,116
                                       --------   --------   --------   --------
      Total revenues..................  160,138    152,717    320,069    300,779
"""


def test_dot_leaders_ruled_lines_and_a_date_closing_a_paragraph():
    # leaders are white space, ruled lines do not break the header, and the date that ends the sentence
    # above the table is prose, not the table's header
    t = _table(read_fixed_width(LEADERS))
    assert [(h.text, h.cols) for h in t.header][:2] == [("Three Months Ended", (0, 1)), ("Six Months Ended", (2, 3))]
    assert [r.label for r in t.rows if r.cells] == ["Net premiums earned", "Realized investment gains (losses)",
                                                    "Total revenues"]
    assert [c.text for c in _row(t, "Net premiums earned").cells] == ["142,318", "131,905", "281,440", "260,117"]


LIFTED_GROUP = """\
                                                                                         Nine Months Ended
                                                          Three Months Ended               September 30,
                                                    September              September
                                                       30,       June 30,     30,
                                                      2025         2025      2024       2025        2024
 Income (loss) from operations                        2,771    (17,235 )  (7,227 )  (27,221 )  (33,346 )
 Interest income                                      2,105       2,318     2,906      6,812       9,105
"""


def test_a_group_title_lifted_a_line_and_parentheses_closed_from_their_own_cell():
    # pdftotext printed "Nine Months Ended" alone on a line above "Three Months Ended": the two share the
    # columns by nearness; "(17,235 )" is one figure
    t = _table(read_fixed_width(LIFTED_GROUP))
    cells = {(h.text, h.cols) for h in t.header}
    assert ("Three Months Ended", (0, 2)) in cells and ("Nine Months Ended", (3, 4)) in cells
    assert [c.text for c in _row(t, "Income (loss) from operations").cells] == \
        ["2,771", "(17,235)", "(7,227)", "(27,221)", "(33,346)"]


WORD_PER_LINE = """\
                     ACME CORP AND SUBSIDIARIES
              CONSOLIDATED STATEMENTS OF OPERATIONS

                                          Three          Three          Six            Six
                                         Months         Months        Months         Months
                                          Ended          Ended         Ended          Ended
                                        June 30,       June 30,      June 30,       June 30,
                                          2004           2003          2004           2003
                                       ----------     ----------    ----------     ----------
                                                 (in thousands, except per share)
Revenues                               $   52,410     $   48,107    $  101,322     $   95,008
Net income                                  4,105          3,210         7,990          6,004
Diluted earnings per share             $     0.21     $     0.17    $     0.41     $     0.31


                    CONSOLIDATED STATEMENTS OF CASH FLOWS
                            (in thousands)
                                               Six Months Ended
                                            June 30, 2004 and 2003
                                           ----------------------
                                              2004          2003
Net cash provided by operating activities    12,340        10,950
"""


def _facts(text: str) -> dict[tuple[str, str], object]:
    from converter.pipeline import convert_text
    result = convert_text(text, issuer="none", layout="fixed")
    return {(f.concept.split(":")[1], str(f.period)): f.value for f in result.facts if not f.dims}


def test_a_header_of_one_word_per_line_names_each_columns_length_from_the_whole_stack():
    t = _table(read_fixed_width(WORD_PER_LINE))
    assert ("Three", (0, 0)) in {(h.text, h.cols) for h in t.header}     # the stack's top line is header
    facts = _facts(WORD_PER_LINE)
    assert facts[("Revenues", "2004-04-01..2004-06-30")] == 52410000
    assert facts[("Revenues", "2003-01-01..2003-06-30")] == 95008000
    assert facts[("EarningsPerShareDiluted", "2003-04-01..2003-06-30")] == Decimal("0.17")


def test_a_date_line_that_lists_the_years_of_two_columns_dates_neither_column_by_its_first_year():
    facts = _facts(WORD_PER_LINE)
    assert facts[("NetCashProvidedByUsedInOperatingActivities", "2004-01-01..2004-06-30")] == 12340000
    assert facts[("NetCashProvidedByUsedInOperatingActivities", "2003-01-01..2003-06-30")] == 10950000


def test_tabs_mixed_with_spaces_align_as_printed_and_spans_point_at_the_figures():
    tabbed = WORD_PER_LINE.replace("Revenues                               $", "Revenues\t\t\t       $")
    assert "\t" in tabbed
    from converter.pipeline import convert_text
    result = convert_text(tabbed, issuer="none", layout="fixed")
    revenue = {str(f.period): f for f in result.facts if f.concept == "us-gaap:Revenues"}
    assert revenue["2004-01-01..2004-06-30"].value == 101322000
    span = revenue["2004-01-01..2004-06-30"].provenance.span
    assert tabbed[span.start:span.end] == "101,322"


YEARS_BESIDE = """\
                                  Quarter Ended                           Year Ended
                                   December 31,                            December 31,
(in millions)                     2024        2023     Change             2024        2023    Change
Revenues                              $ 1,632     $ 1,608      1 %            $ 6,536     $ 6,777     (4)%
Gross profit                            $ 489       $ 484      1 %            $ 1,878     $ 2,023     (7)%
Earnings from operations                $ 399       $ 370      8 %            $ 2,707     $ 1,596     70 %
"""


def test_a_header_line_of_one_piece_per_column_heads_them_in_order_wherever_set_beside_the_figures():
    t = _table(read_fixed_width(YEARS_BESIDE))
    cells = {(h.text, h.cols) for h in t.header}
    assert {("2024", (0, 0)), ("2023", (1, 1)), ("Change", (2, 2)), ("2024", (3, 3)), ("2023", (4, 4)),
            ("Change", (5, 5))} <= cells, cells


GROUPS_SET_LEFT = """\
                                         Three months                            Six months
                                                ended                                 ended
                                         December 31,                          December 31,
                                                  2024           2023                  2024           2023
Revenue                                    $   607,494    $   764,063           $ 1,479,781    $ 1,560,157
Gross profit                                   223,113        199,248               569,914        431,579
"""

LIFTED_YEAR = """\
                                                                            For the Year
                                            For the Three Months           Ended December
                                            Ended December 31,             31,
                                                2024         2023            2024         2023
Revenues                                    $ 457,790    $ 441,886     $ 1,787,686  $ 1,811,163
Net income (loss)                           $   5,758    $(100,613)    $    20,116  $    32,888
"""


def test_group_titles_head_the_groups_their_line_of_years_marks_wherever_set_over_them():
    t = _table(read_fixed_width(GROUPS_SET_LEFT))
    cells = {(h.text, h.cols) for h in t.header}
    assert ("Three months", (0, 1)) in cells and ("Six months", (2, 3)) in cells, cells
    assert ("December 31,", (0, 1)) in cells and ("December 31,", (2, 3)) in cells, cells
    facts = _facts(GROUPS_SET_LEFT)
    assert facts[("Revenues", "2023-07-01..2023-12-31")] == 1560157
    assert facts[("Revenues", "2023-10-01..2023-12-31")] == 764063
    # a length lifted a line above the other group's: the lengths in order head the groups in order
    t = _table(read_fixed_width(LIFTED_YEAR))
    cells = {(h.text, h.cols) for h in t.header}
    assert ("For the Year", (2, 3)) in cells and ("For the Three Months", (0, 1)) in cells, cells


RAGGED = """\
                                             Fiscal 2021                      Fiscal 2022
                                     Q1        Q2        Q3        Q4        Q1        Q2        Q3        Q4
GAAP Operating Cash Flow          $  13,092  $  13,967  $  14,659  $  15,887  $  15,325  $  10,255  $  10,396  $  9,539
Capital Expenditures               (1,614)   (1,833)  (1,851)   (2,135)   (2,761)  (3,118)   (3,805)  (4,511)
% Growth over prior year               (6%)      (1%)       3%       19%        9%     (41%)     (49%)    (63%)
GAAP Net Income                   $  10,249  $  10,380  $  12,830  $  13,746  $  13,952  $  10,262  $  7,560  $  6,717
Free Cash Flow as a% of Net Income     112%      117%     100%      100%       90%       70%       87%      75%
"""


def test_rows_of_as_many_figures_as_header_pieces_fill_the_columns_in_order_however_ragged_their_edges():
    t = _table(read_fixed_width(RAGGED))
    assert t.ncols == 8
    assert [h.cols for h in t.header if h.text in ("Q1", "Q2", "Q3", "Q4")] == [(k, k) for k in range(8)]
    capex = _row(t, "Capital Expenditures")
    assert [(c.text, c.col) for c in capex.cells][-2:] == [("(3,805)", 6), ("(4,511)", 7)]


TITLE_BETWEEN = """\
                                                     Year Ended December 31,
                                                        2024          2023
Net earnings                                          $  1,995      $  1,199
Adjusted EBITDA                                       $  2,066      $  2,128

MARTIN MARIETTA MATERIALS, INC.
Reconciliation of the GAAP Measure to the 2025 Adjusted EBITDA Guidance
                                                                    Mid-Point of Range
Net earnings                                                          $  1,090
Adjusted EBITDA                                                       $  2,250
"""


def test_a_company_name_or_a_statement_title_between_rows_starts_another_table():
    doc = read_fixed_width(TITLE_BETWEEN)
    first = _table(doc)
    assert [r.label for r in first.rows] == ["Net earnings", "Adjusted EBITDA"]
    assert all(c.text != "1,090" for r in first.rows for c in r.cells)
    # a label that ends with the company's name is no title: the rows after it stay in the table
    wrapped = TITLE_BETWEEN.replace("Adjusted EBITDA                                       $  2,066      $  2,128",
                                    "Net earnings attributable to\nAcme Inc.\nAdjusted EBITDA                                       $  2,066      $  2,128")
    assert [r.label for r in _table(read_fixed_width(wrapped)).rows][-1] == "Adjusted EBITDA"


WRAPPED_AROUND = """\
                                      Three Months Ended May 31,
                                      2022              2021
REVENUES
  Cloud services and
                                  $  7,612          $  7,389
  license support
  Hardware                             856               882
          Total
                                    11,840            11,227
          revenues
  Sales and marketing                2,238             2,077
"""


def test_a_label_word_alone_left_of_the_figures_is_no_header_of_a_new_table():
    doc = read_fixed_width(WRAPPED_AROUND)
    assert len(doc.tables) == 1
    t = _table(doc)
    assert [r.label for r in t.rows if r.cells] == [
        "Cloud services and license support", "Hardware", "Total revenues", "Sales and marketing"]


PERCENT_OF = """\
                                    Three Months Ended May 31,
                                           % of                % of
                                 2022               2021
                                        Revenues           Revenues
Cloud services                 $  7,612        64%  $  7,389      66%
Hardware                            856         7%     882         8%
"""


def test_words_that_go_on_below_join_the_first_piece_under_them_whichever_columns_it_reaches():
    t = _table(read_fixed_width(PERCENT_OF))
    cells = {(h.text, h.cols) for h in t.header}
    assert ("% of Revenues", (1, 1)) in cells and ("% of Revenues", (3, 3)) in cells, cells


def test_a_line_of_as_many_whole_dates_as_columns_heads_them_in_order_however_packed():
    # five dates run together from the first figure column on: by where each stood, two were over the first
    # column and the second column read as June 30 (its figures are September's)
    text = """\
                                                                                              Three Months Ended
                                                 Dec. 31, 2024 Sept. 30, 2024 June 30, 2024 March 31, 2024 Dec. 31, 2023
(dollars in thousands)
Total interest income                            $           78,753     $           77,965    $           77,185     $           76,413    $           75,649
Net income                                       $           22,842     $           22,562    $           21,891     $           21,276    $           21,334
"""
    t = _table(read_fixed_width(text))
    assert [h.text for h in t.header if h.cols == (1, 1)] == ["Sept. 30, 2024"], t.header
    facts = _facts(text)
    assert facts[("NetIncomeLoss", "2024-07-01..2024-09-30")] == 22562000
    assert facts[("NetIncomeLoss", "2023-10-01..2023-12-31")] == 21334000
    assert ("NetIncomeLoss", "2024-04-01..2024-06-30") not in facts or \
        facts[("NetIncomeLoss", "2024-04-01..2024-06-30")] == 21891000


def test_a_five_quarter_bank_table_with_its_dates_run_together_on_one_line():
    from pathlib import Path
    from converter.pipeline import convert_text
    text = (Path(__file__).parent / "data" / "fixed" / "acme-bancorp-five-quarters.txt").read_text()
    assert detect_layout(text) == "fixed"       # rows whose figures follow a "$" count as table rows
    result = convert_text(text, issuer="none")
    income = {str(f.period): f.value for f in result.facts if f.concept == "us-gaap:NetIncomeLoss"}
    assert income == {"2024-10-01..2024-12-31": 12400000, "2024-07-01..2024-09-30": 12040000,
                      "2024-04-01..2024-06-30": 11330000, "2024-01-01..2024-03-31": 11716000,
                      "2023-10-01..2023-12-31": 10763000}



BANK_QUARTERS = """\
FIRST BANCORP REPORTS FOURTH QUARTER 2024 RESULTS

ANYTOWN, Ohio, January 23, 2025 -- First Bancorp today reported results for the fourth quarter of 2024.

                         CONSOLIDATED STATEMENTS OF INCOME (Unaudited)
                              (Dollars in thousands, except per share data)

{header}
Interest income                   $ 52,114   $ 51,020   $ 49,877   $ 48,310   $ 47,905
Interest expense                    21,300     21,877     20,954     19,802     18,733
Net interest income                 30,814     29,143     28,923     28,508     29,172
Net income                        $ 11,076   $ 10,124   $ 10,178   $ 10,043   $ 10,015
"""


@pytest.mark.parametrize("header", [
    "                                   Q4 2024    Q3 2024    Q2 2024    Q1 2024    Q4 2023",
    "                                   4Q24       3Q24       2Q24       1Q24       4Q23",
    "                                   4Q 2024    3Q 2024    2Q 2024    1Q 2024    4Q 2023",
    "                                   4Q-24      3Q-24      2Q-24      1Q-24      4Q-23",
    "                                   Q4-24      Q3-24      Q2-24      Q1-24      Q4-23",
    "                                   Q4 '24     Q3 '24     Q2 '24     Q1 '24     Q4 '23",
    "                                   Fourth      Third     Second      First     Fourth\n"
    "                                  Quarter    Quarter    Quarter    Quarter    Quarter\n"
    "                                    2024       2024       2024       2024       2023",
    "                                  4th Qtr    3rd Qtr    2nd Qtr    1st Qtr    4th Qtr\n"
    "                                   2024       2024       2024       2024       2023",
])
def test_a_five_quarter_header_names_its_quarters_however_it_writes_them(header):
    """A bank's quarters side by side, each column named by its quarter: on one line or stacked a word a
    line over its column ("Fourth" / "Quarter" / "2024"), which is read together as the column's name."""
    facts = _facts(BANK_QUARTERS.format(header=header))
    income = {period: value for (concept, period), value in facts.items() if concept == "NetIncomeLoss"}
    assert income == {"2024-10-01..2024-12-31": 11076000, "2024-07-01..2024-09-30": 10124000,
                      "2024-04-01..2024-06-30": 10178000, "2024-01-01..2024-03-31": 10043000,
                      "2023-10-01..2023-12-31": 10015000}


# pdftotext -layout of Oracle's trailing-quarters table printed to PDF: one figure of the capital expenditures
# row stands alone at its edge
POPPLER_TTM = """\
                                                                     Fiscal 2021                                 Fiscal 2022
                                                          Q1         Q2       Q3          Q4          Q1         Q2       Q3          Q4

GAAP Operating Cash Flow                               $ 13,092 $ 13,967 $ 14,659 $ 15,887 $ 15,325 $ 10,255 $ 10,396 $ 9,539

Capital Expenditures                                      (1,614)   (1,833)    (1,851)    (2,135)     (2,761)    (3,118)   (3,805)    (4,511)

Free Cash Flow                                         $ 11,478 $ 12,134 $ 12,808 $ 13,752 $ 12,564 $ 7,137 $ 6,591 $ 5,028

% Growth over prior year                                   (6%)       (1%)        3%        19%          9%      (41%)     (49%)      (63%)

GAAP Net Income                                        $ 10,249 $ 10,380 $ 12,830 $ 13,746 $ 13,952 $ 10,262 $ 7,560 $ 6,717

Free Cash Flow as a % of Net Income                       112%       117%       100%       100%         90%       70%        87%        75%
"""


def test_a_figure_alone_at_its_edge_still_counts_toward_the_rows_in_order():
    t = _table(read_fixed_width(POPPLER_TTM))
    assert t.ncols == 8
    assert [c.text for c in _row(t, "Capital Expenditures").cells][2] == "(1,851)"
    assert [c.col for c in _row(t, "GAAP Net Income").cells] == list(range(8))


def test_dot_leaders_up_to_the_figures_count_as_the_gap_when_the_layout_is_detected():
    # "Net sales............................ $ 84,312": one space between the leader and the figure, as an
    # old text filing prints it; the leader is white space to the reader, so it is to detection too
    rows = "\n".join(f"{label:.<37} {a:>8}  {b:>8}" for label, a, b in [
        ("Net sales", "$ 84,312", "$ 79,105"), ("Cost of sales", "58,907", "55,612"),
        ("Gross profit", "25,405", "23,493"), ("Selling expenses", "15,618", "14,702"),
        ("Operating income", "9,787", "8,791"), ("Income taxes", "3,621", "3,077"),
        ("Net income", "$  6,166", "$  5,714"), ("Diluted per share", "$    .41", "$    .38")])
    text = f"""(In thousands, except per share amounts)
                                      Three Months Ended
                                           June 30,
                                        2001      2000
{rows}
"""
    assert looks_like(text) and detect_layout(text) == "fixed"
    net = next(r for r in read_fixed_width(text).tables[0].rows if r.label == "Net income")
    assert [c.text for c in net.cells] == ["6,166", "5,714"]


NARROW = """\
                        CONSOLIDATED BALANCE SHEETS
                               (In thousands)
                                 September 30,         December 31,
                                      2025                 2024
Assets
Investments:
  Fixed maturity
  securities,
  available for
  sale, at fair
  value
  (amortized cost
  of $10,138,240
  and
  $9,562,110)             $      9,842,610     $      9,215,330
  Other
  investments                      296,310              271,880
    Total
    investments                 10,138,920            9,487,210
Goodwill                           218,400              218,400
Total assets              $     10,357,320     $      9,705,610
Liabilities and
Stockholders'
Equity
Liabilities:
  Reserve for
  losses and loss
  adjustment
  expenses                $      7,384,520     $      7,012,840
\f
  Common stock
  and additional
  paid-in capital                  742,180              736,450
"""


def test_labels_wrapped_over_many_lines_in_a_narrow_column_stay_one_label_each():
    # a narrow label column (a PDF printed from HTML): one label over up to eight lines, a parenthetical in
    # lower case going on with it, headings wrapped too; the lines of one label count once against the
    # headings a table may hold, and a page's first row takes the lines of its label printed above it
    table = read_fixed_width(NARROW).tables[0]
    rows = {r.label: [c.text for c in r.cells] for r in table.rows if r.cells}
    assert rows["Fixed maturity securities, available for sale, at fair value (amortized cost of $10,138,240 "
                "and $9,562,110)"] == ["9,842,610", "9,215,330"]
    assert rows["Total investments"] == ["10,138,920", "9,487,210"]
    assert rows["Reserve for losses and loss adjustment expenses"] == ["7,384,520", "7,012,840"]
    assert rows["Common stock and additional paid-in capital"] == ["742,180", "736,450"]
    assert {"September 30,", "December 31,", "2025", "2024"} <= {h.text for h in table.header}


def test_prose_spaced_out_by_justification_is_not_a_column_header():
    # a justified sentence laid out with two spaces between its words: each word is its own chunk, and the
    # date in it made the line a header, so the statement below took "June 30, 1999" and "1998." as columns
    text = """\
Book  value  per  share  increased  to  $31.42  at  June  30,  1999  from  $30.15  at
December  31,  1998.

                                     1999        1998
Revenues.....................  160,138     152,717
Net income...................   14,793      14,358
"""
    from converter.readers.fixed_lines import classify, split
    assert [ln.kind for ln in map(classify, split(text))][:2] == ["text", "text"]
    table = read_fixed_width(text).tables[0]
    assert [h.text for h in table.header] == ["1999", "1998"]


def test_dates_over_their_own_columns_are_not_taken_for_group_titles():
    # three quarters and a nine months, the nine months' date a line above the quarters' dates (WeasyPrint's
    # print of a Workiva statement): the line of years "2025 2025 2024 2025 2024" marks groups 2025 | 2025
    # 2024 | 2025 2024, and the three quarter dates were spread over them ("June 30," over the second and
    # third columns), dating last year's third quarter to June
    text = """\
(in thousands, except per share amounts)
                                                                                      Nine Months Ended
                                               Three Months Ended                       September 30,
                                    September 30,    June 30,   September 30,
                                         2025          2025          2024          2025         2024
Total net revenue                   $  186,412     $  171,905   $  158,306     $  522,118   $  451,905
Gross profit                           117,294       106,493        95,401        323,712     270,587
"""
    table = read_fixed_width(text).tables[0]
    heads = {(h.text, h.cols) for h in table.header}
    assert ("June 30,", (1, 1)) in heads and ("September 30,", (2, 2)) in heads
    assert ("September 30,", (0, 0)) in heads and ("September 30,", (3, 4)) in heads


def test_a_heading_in_capitals_wrapped_before_its_colon_is_one_heading():
    # Oracle printed: "WEIGHTED AVERAGE COMMON SHARES" / "OUTSTANDING:" over Basic and Diluted; read apart, the
    # rows stood under "OUTSTANDING:" alone and were no share counts
    text = """\
($ in millions, except per share data)
                                                Three Months Ended May 31,
                                                   2022          2021
NET INCOME                                      $  3,189      $  4,033
WEIGHTED AVERAGE COMMON SHARES
OUTSTANDING:
    Basic                                          2,667         2,847
    Diluted                                        2,742         2,943
"""
    rows = {r.label: r.section for r in read_fixed_width(text).tables[0].rows if r.cells}
    assert rows["Basic"] == ("WEIGHTED AVERAGE COMMON SHARES OUTSTANDING:",)


def test_a_table_continues_under_its_own_title_printed_again_on_the_next_page():
    # a printed statement's title row repeated atop the next page (a table's head, four lines here) is no
    # new table: the rows under it, with no column header of their own, continue the statement
    text = """\
             FRESHWORKS INC.CONDENSED
             CONSOLIDATED STATEMENTS OF
             CASH FLOWS(in thousands)
             (unaudited)
                                                        Three Months Ended December 31,
                                                              2024          2023
              Net cash provided by operating activities     41,362        30,866
              Purchases of property and equipment           (5,067)       (1,079)
\f
             FRESHWORKS INC.CONDENSED
             CONSOLIDATED STATEMENTS OF
             CASH FLOWS(in thousands)
             (unaudited)
             Maturities and redemptions of marketable
             securities                                    269,868       203,599
             Net cash provided by investing activities     209,148        12,219
"""
    tables = read_fixed_width(text).tables
    assert len(tables) == 1
    rows = {r.label: [c.text for c in r.cells] for r in tables[0].rows}
    assert rows["Net cash provided by investing activities"] == ["209,148", "12,219"]


def test_a_heading_that_ends_in_comma_net_does_not_run_into_the_row_under_it():
    # "Other income (expense), net" heads the lines under it; "net" after a comma closes a label, where "net"
    # alone breaks one off ("Revenue, net of" / "returns")
    text = """\
                                            Three months ended
                                               December 31,
                                             2024          2023
Loss from operations                    (2,264,482)   (1,991,357)
Other income (expense), net
Interest expense                           (13,502)      (32,468)
Revenue, net of
returns                                    223,113       199,248
"""
    rows = {r.label: [c.text for c in r.cells] for r in read_fixed_width(text).tables[0].rows if r.cells}
    assert rows["Interest expense"] == ["(13,502)", "(32,468)"]
    assert rows["Revenue, net of returns"] == ["223,113", "199,248"]


def test_a_heading_atop_the_page_a_statement_runs_onto_heads_the_rows_under_it():
    # the balance sheet's liabilities begin a new page: "Liabilities:" above them is kept as their heading,
    # not dropped with the page's furniture
    text = """\
                                                  December 31,      December 31,
                                                      2024              2023
ASSETS
Total assets                                     $ 15,998,608      $ 16,187,665
\f
 LIABILITIES AND EQUITY
 Liabilities:
 Mortgages payable, net                           $  5,676,014      $  5,688,020
 Senior unsecured notes, net                         1,195,914         1,193,873
"""
    rows = {r.label: r.section for r in read_fixed_width(text).tables[0].rows if r.cells}
    assert rows["Mortgages payable, net"] == ("Liabilities:",)


def test_a_heading_that_ends_a_page_heads_the_rows_atop_the_next():
    # "Weighted average shares outstanding:" last on its page, "Basic" and "Diluted" first on the next: the
    # heading is the rows', not the page's furniture (a Courier print of an old filing broke its page there)
    text = """\
                                        Three Months Ended
                                             June 30,
                                          1999       1998
Net income........................... $ 14,793   $ 14,358
Weighted average shares outstanding:
\f  Basic.............................   18,205     18,412
  Diluted...........................   18,506     18,790
"""
    rows = {r.label: r.section for r in read_fixed_width(text).tables[0].rows if r.cells}
    assert rows["Basic"] == ("Weighted average shares outstanding:",)


def test_a_label_that_stops_at_a_word_no_label_ends_with_goes_on_under_its_figures():
    # a narrow label column in capitals: "INCOME BEFORE" beside the figures, "INCOME TAXES" under them
    text = """\
                                 Three Months Ended May 31,
                                    2022          2021
OPERATING INCOME                   4,503         4,541
INCOME BEFORE                      3,624         4,157
INCOME TAXES
  Provision for income taxes        (435)         (124)
NET INCOME                       $ 3,189       $ 4,033
"""
    rows = {r.label: [c.text for c in r.cells] for r in read_fixed_width(text).tables[0].rows if r.cells}
    assert rows["INCOME BEFORE INCOME TAXES"] == ["3,624", "4,157"]
    assert rows["Provision for income taxes"] == ["(435)", "(124)"]


def test_dates_run_together_over_two_columns_head_one_column_each():
    # two header cells printed with no space between them (a PDF setting each right against the next): read as
    # one piece over both columns, neither column was dated and the balance sheet gave nothing
    from converter.pipeline import convert_text
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results.

CONDENSED CONSOLIDATED BALANCE SHEETS (in thousands)
                                              December 31, 2024December 31, 2023
Cash and cash equivalents                                   4,812             4,899
Total assets                                              528,115           496,398
"""
    assets = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="fixed").facts
              if f.concept == "us-gaap:Assets"}
    assert assets == {"2024-12-31": Decimal("528115000"), "2023-12-31": Decimal("496398000")}


def test_a_heading_in_capitals_over_three_lines_at_a_pages_foot_heads_the_rows_atop_the_next():
    # "WEIGHTED AVERAGE" / "COMMON SHARES" / "OUTSTANDING:" ended a page: the rows atop the next were read
    # under "OUTSTANDING:" alone, and no share count was taken for one
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (in millions, except per share data)
                                       Three Months Ended December 31,
                                              2024          2023
NET INCOME                              $    3,189     $   4,033
EARNINGS PER SHARE:
  Basic                                 $     1.20     $    1.42
  Diluted                               $     1.16     $    1.37
WEIGHTED AVERAGE
COMMON SHARES
OUTSTANDING:
\f  Basic                                      2,667         2,847
  Diluted                                    2,742         2,943
"""
    facts = _fixed_facts(text)
    assert facts[("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "2024-10-01..2024-12-31")] == Decimal("2667000000")
    assert facts[("us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", "2023-10-01..2023-12-31")] == Decimal("2943000000")


def test_a_header_a_page_break_split_under_its_title_printed_again_is_one_header():
    # "Twelve Months" / "Ended" ended a page; the next began with the table's title printed again, then
    # "December 31," / "2024  2023": read from the title down, the columns had no length and every flow of the
    # cash flow statement was withheld
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results.

ACME CORP
Statements of Cash Flows
(in millions)
                                                         Twelve Months
                                                                 Ended
\fACME CORP
                                                          December 31,
                                                           2024      2023
Net cash provided by operating activities                 1,459     1,528
Net cash used for investing activities                   (2,444)     (459)
"""
    facts = _fixed_facts(text)
    assert facts[("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2024-01-01..2024-12-31")] == Decimal("1459000000")
    assert facts[("us-gaap:NetCashProvidedByUsedInInvestingActivities", "2023-01-01..2023-12-31")] == Decimal("-459000000")


def test_a_scale_note_wrapped_into_the_header_leaves_the_years_under_it_in_the_header():
    # a narrow label column wrapped "(In thousands, except per share amounts)" between the header's lines: its
    # close shared the line of years, which read as a row under the header, and the statement was unread
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results.

ACME CORP
STATEMENTS OF INCOME
                                       Three Months Ended          Year Ended
                                          December 31,             December 31,
(In thousands, except per share
amounts)                                2024        2023        2024        2023
Operating revenues                   729,819     725,801   2,930,126   3,005,981
Net income (loss)                    (32,869)      3,857     (33,711)    55,318
"""
    facts = _fixed_facts(text)
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == Decimal("729819000")
    assert facts[("us-gaap:NetIncomeLoss", "2023-01-01..2023-12-31")] == Decimal("55318000")
    assert facts[("us-gaap:Revenues", "2023-01-01..2023-12-31")] == Decimal("3005981000")


def test_rows_atop_a_continuation_stay_under_the_heading_open_where_the_page_turned():
    # "per common share:" over "Basic" and "Diluted from continuing operations"; the page turned, the
    # company's name printed again, then "Diluted" went on: read as a new table's first rows, it stood under
    # no heading, and no rule took a diluted figure from it
    text = """\
                                              Three Months Ended
                                                 December 31,
                                               2024          2023
Net earnings                                    294           283
Net earnings per common share:
Basic                                          4.81          4.57
Diluted from continuing operations             4.79          4.63
\f
ACME CORP
Diluted from discontinued operations              -        (0.08)
Diluted                                        4.79          4.55
"""
    tables = read_fixed_width(text).tables
    assert len(tables) == 1
    rows = {r.label: r.section for r in tables[0].rows if r.cells}
    assert rows["Diluted"] == ("Net earnings per common share:",)
    assert rows["Diluted from discontinued operations"] == ("Net earnings per common share:",)


def test_more_pieces_over_no_column_than_free_columns_are_not_placed_by_nearness():
    # four years printed over three columns, each beside its figures, not over them (the fourth column cut
    # off the page): which year is left over, nearness does not settle, and placing each by it dated the
    # first column 2023
    text = """\
                              Three Months                Twelve Months
                    2024                2023              2024              2023
Collaboration revenue            35,000      200,000                35,000
Grant revenue                       691        1,206                 2,314
Total revenue                    35,691      201,206                37,314
"""
    table = read_fixed_width(text).tables[0]
    assert not [h for h in table.header if h.text in ("2023", "2024")]


def test_a_header_cell_wrapped_into_a_narrow_stack_beside_its_columns_is_read_whole():
    # "For the Three Months Ended December 31," wrapped a word or two a line and set right against the first
    # column's "$", over no column: read line by line, "Three" and "Ended" fell into the caption, the length
    # was lost, and neither group's columns had a period
    text = """Acme Bank Reports Fourth Quarter 2024 Results

DES MOINES, February 11, 2025 -- Acme Bank today reported results.

                                                  For the
                                                   Three                 For the
                                                  Months                   Year
                                                   Ended                  Ended
                                                December               December
                                                      31,                    31,
(Dollars in millions)                                    2024     2023             2024     2023
Net interest income                                 $     241  $   347         $  1,236  $  1,306
Net income                                          $     206  $   256         $    914  $    962
"""
    facts = _fixed_facts(text)
    assert facts[("us-gaap:NetIncomeLoss", "2024-10-01..2024-12-31")] == Decimal("206000000")
    assert facts[("us-gaap:NetIncomeLoss", "2023-10-01..2023-12-31")] == Decimal("256000000")
    assert facts[("us-gaap:NetIncomeLoss", "2024-01-01..2024-12-31")] == Decimal("914000000")
    assert facts[("us-gaap:InterestIncomeExpenseNet", "2023-01-01..2023-12-31")] == Decimal("1306000000")


def test_a_continuation_of_fewer_columns_joins_the_statements_nearest_columns_of_its_kind():
    # the share counts, centred under each "amount | % of revenues" pair, ran onto the next page as two
    # columns under a statement of four: read as a table of their own, with no header, nothing was dated
    text = """Acme Corp Reports Fourth Quarter 2022 Results

AUSTIN, June 13, 2022 -- Acme Corp today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS ($ in millions, except per share data)
                                        Three Months Ended May 31,
                                         % of                % of
                               2022   Revenues     2021   Revenues
REVENUES                     11,840      100%    11,227      100%
NET INCOME                 $  3,189       27%  $  4,033       36%
EARNINGS PER SHARE:
  Basic                    $   1.20            $   1.42
WEIGHTED AVERAGE
COMMON SHARES
OUTSTANDING:
\f    Basic                         2,667                 2,847
    Diluted                      2,742                  2,943
"""
    facts = _fixed_facts(text)
    assert facts[("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "2022-03-01..2022-05-31")] == Decimal("2667000000")
    assert facts[("us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", "2021-03-01..2021-05-31")] == Decimal("2943000000")


def test_two_years_run_together_head_one_column_each():
    # two year cells set right against each other print as one word, "20242023": read as one piece over both
    # columns, neither was dated
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (in thousands)
                                     Three Months Ended December 31,
                                                  20242023
Revenue                                      1,632,100   1,608,200
Net income                                     294,300     283,100
"""
    facts = _fixed_facts(text)
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == Decimal("1632100000")
    assert facts[("us-gaap:NetIncomeLoss", "2023-10-01..2023-12-31")] == Decimal("283100000")


@pytest.mark.parametrize("printed, pieces", [
    ("Q4 2024Q4 2023", ["Q4 2024", "Q4 2023"]),
    ("FY2024FY2023", ["FY2024", "FY2023"]),
    ("December 31,December 31,", ["December 31,", "December 31,"]),
    ("Sept. 30, June 30,", ["Sept. 30,", "June 30,"]),       # one space apart on a narrow page
    ("June 30, 2024 and 2023", ["June 30, 2024 and 2023"]),
    ("Revenue 2024Total", ["Revenue 2024Total"]),   # a year run into another word is no two cells
    ("12024December", ["12024December"]),
])
def test_header_cells_run_together_are_parted_where_the_second_begins(printed, pieces):
    from converter.readers.fixed_header import chunks
    assert [text for _s, _e, text in chunks("      " + printed)] == pieces


def test_two_dates_one_space_apart_head_a_column_each():
    # WeasyPrint's print of a five-quarter table on a narrow page: "Sept. 30," and "June 30," read as one piece
    # over two columns had left both undated
    text = """\
                                   Three Months Ended
                                   Dec. 31,  Sept. 30, June 30,  March  Dec. 31,
                                   2024     2024     2024     31, 2024  2023
          Net interest income      37,196   36,103   35,318   34,490    33,734
          Net income               15,010   14,536   13,859   13,841    12,514
"""
    facts = _fixed_facts("RIVERTOWN, Ohio, January 23, 2025 -- Rivertown Bancorp today reported results.\n\n"
                         "(Dollars in thousands)\n" + text)
    income = {p: v for (c, p), v in facts.items() if c == "us-gaap:NetIncomeLoss"}
    assert income == {"2024-10-01..2024-12-31": Decimal("15010000"), "2024-07-01..2024-09-30": Decimal("14536000"),
                      "2024-04-01..2024-06-30": Decimal("13859000"), "2024-01-01..2024-03-31": Decimal("13841000"),
                      "2023-10-01..2023-12-31": Decimal("12514000")}


def test_a_row_the_pages_edge_cut_off_heads_no_rows_under_it():
    # a word processor that sets a table wider than the page cuts its last columns off: "(0.08" lost its
    # parenthesis, the line was taken for a heading, and "Basic 4.81" under it for discontinued operations' EPS.
    # The cut amount is not read; the dash before it is
    text = """\
MARTIN, Feb. 12, 2025 -- Acme today reported results.

                                                          Three Months Ended December 31,
                                                               2024            2023
                       Net earnings per common share:
                            Basic from continuing operations      $   4.81         $   4.55
                          Basic from discontinued operations      $      —         $  (0.08
                                                       Basic      $   4.81         $   4.47
"""
    facts = _fixed_facts(text)
    discontinued = "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicShare"
    assert facts[(discontinued, "2024-10-01..2024-12-31")] == 0
    assert (discontinued, "2023-10-01..2023-12-31") not in facts
    assert facts[("us-gaap:IncomeLossFromContinuingOperationsPerBasicShare", "2024-10-01..2024-12-31")] == Decimal("4.81")
    assert facts[("us-gaap:EarningsPerShareBasic", "2024-10-01..2024-12-31")] == Decimal("4.81")


def test_an_amount_the_pages_edge_cut_off_is_read_only_where_its_digits_line_up_with_its_column():
    # "(146,159" with its ")" past the page's edge: its digits, grouped by threes, end where the column's
    # whole figures end, so only the parenthesis was cut; short of them (a digit cut too), it stays unread
    text = """\
                                                  December 31, 2024     June 30, 2024
Total consolidated Acme Inc. equity               $     4,366,040    $     8,329,350
Non-controlling interest                                 (162,652)            (146,159
Total shareholders' equity                              4,203,388            8,183,191
Common stock and capital in excess of par value, 4,171 issued and outstanding (4,137
  issued and outstanding as of June 30, 2024)             32,829               31,580
"""
    rows = {r.label: [(c.text, c.col) for c in r.cells] for r in _table(read_fixed_width(text)).rows}
    assert rows["Non-controlling interest"] == [("(162,652)", 0), ("(146,159)", 1)]
    short = text.replace("(146,159\n", "(146,15\n")
    rows_short = {r.label: [(c.text, c.col) for c in r.cells] for r in _table(read_fixed_width(short)).rows}
    assert rows_short["Non-controlling interest"] == [("(162,652)", 0)]
    # after words, an open parenthesis is a wrapped label's aside, not a cut figure
    assert rows["Common stock and capital in excess of par value, 4,171 issued and outstanding (4,137 issued and "
                "outstanding as of June 30, 2024)"] == [("32,829", 0), ("31,580", 1)]


def test_a_columns_name_set_left_of_its_figures_heads_that_column_not_the_caption():
    # a word processor set "MRD" (a segment) left of its figures' column, beside "Total" over the last: taken
    # for the table's caption, it left "Total" alone on its line, a title over every column, and the segment's
    # net loss was read as the company's
    text = """\
ACME, Feb. 12, 2025 -- Acme today reported results.

                                   Year Ended
                                    December
                                      31, 2023
                                                               Immune                 Unallocated
                                         MRD                                                                   Total
                                                              Medicine                  Corporate

                        Revenue              $   102,739              $   67,537                $        —        $   170,276
              Operating expenses                 229,129                 115,031                    53,151            397,311
                        Net loss             $  (126,390)             $  (47,494)               $  (51,420)       $  (225,304
"""
    table = _table(read_fixed_width(text))
    assert ("MRD", (0, 0)) in {(h.text, h.cols) for h in table.header}
    assert ("Total", (3, 3)) in {(h.text, h.cols) for h in table.header}
    facts = _fixed_facts(text)
    # the total column's, not MRD's (its ")" past the page's edge, its digits lined up with the column's)
    assert facts.get(("us-gaap:NetIncomeLoss", "2023-01-01..2023-12-31")) == Decimal("-225304")
    assert facts.get(("us-gaap:Revenues", "2023-01-01..2023-12-31")) == Decimal("170276")


def test_a_day_run_under_its_month_left_of_the_figures_is_no_columns_name():
    # Chromium's print with its own page headers: "31," of "Three Months / Ended December / 31," stands left of
    # the first column's figures; a column's name there, it had taken the first column from "December 31,"
    text = """\
SAN JOSE, Calif., Feb. 26, 2025 -- Tigo Energy today reported results.

              (in thousands)
                                                             Three Months
                                                         Ended December                 Year Ended
                                                                       31,            December 31,
                                                                      2024                     2023   2024          2023
              Net loss - (GAAP)                                          $  (26,802               )      $  (14,774    )   $  (62,746  )  $  (984  )
             Adjustments:
              Total other expenses (income), net                             2,626                           1,123            10,646      (7,429  )
"""
    facts = _fixed_facts(text)
    assert facts[("us-gaap:NonoperatingIncomeExpense", "2024-10-01..2024-12-31")] == Decimal("-2626000")


def test_fiscal_years_head_the_groups_a_line_of_quarters_marks_however_narrow_over_them():
    # "Fiscal 2021" printed over the middle of its five columns only (a landscape page's wide columns):
    # Q1 and Q2 had no year, and their revenues were not dated
    text = """\
                                                               Fiscal 2021                                            Fiscal 2022
                                         Q1         Q2          Q3         Q4      TOTAL       Q1         Q2          Q3         Q4      TOTAL
Total revenues                     $  9,367   $  9,800    $ 10,085   $ 11,227   $ 40,479   $ 9,728   $ 10,360    $ 10,513   $ 11,840   $ 42,440
Cloud services                        6,947      7,112       7,252      7,389     28,700     7,371      7,554       7,637      7,612     30,174
"""
    table = read_fixed_width(text).tables[0]
    assert ("Fiscal 2021", (0, 4)) in [(h.text, h.cols) for h in table.header]
    assert ("Fiscal 2022", (5, 9)) in [(h.text, h.cols) for h in table.header]




def test_group_titles_set_far_left_of_the_figures_head_the_groups_their_own_line_of_years_marks():
    # a copy that lost its header's spans, printed wide: every header cell stands in the "$" cell left of
    # its figures, "Year Ended" over the quarter's 2023 figure. Laid out against the header's own line of
    # years, each title reaches into the last year of the group before its own: the k-th heads the k-th
    # group (it had been left unread, contested)
    text = """\
                                                      Three Months Ended                        Year Ended
                                                             December 31,                     December 31,
                                                                      2024                             2023   2024              2023
    Net revenue                                                          $      17,274                           $       9,245        $      54,014     $    145,233
    Cost of revenue                                                             29,837                                   6,369               58,170           93,924
    Gross (loss) profit                                                        (12,563                    )              2,876               (4,156  )        51,309
"""
    table = read_fixed_width(text).tables[0]
    cells = {(h.text, h.cols) for h in table.header}
    assert ("Three Months Ended", (0, 1)) in cells and ("Year Ended", (2, 3)) in cells, cells
    assert table.contested == ()
    facts = _facts(text)
    assert facts[("Revenues", "2023-10-01..2023-12-31")] == 9245
    assert facts[("Revenues", "2024-01-01..2024-12-31")] == 54014
    assert facts[("GrossProfit", "2024-10-01..2024-12-31")] == -12563
    # the titles' days wrapped a line under them ("Ended December" / "31,") likewise
    text = """\
                                                    Three Months Ended December                 Year Ended December
                                                                                 31,                               31,
                                                                                2024                              2023   2024          2023
    Net loss - (GAAP)                                                              $  (26,802                        )      $  (14,774    )   $  (62,746  )  $  (984)
    Income tax expense                                                                    87                                      109               103         138
    Depreciation and amortization                                                        302                                      286             1,219       1,106
"""
    table = read_fixed_width(text).tables[0]
    cells = {(h.text, h.cols) for h in table.header}
    assert ("Three Months Ended December 31,", (0, 1)) in cells and ("Year Ended December 31,", (2, 3)) in cells, cells
    assert _facts(text)[("IncomeTaxExpenseBenefit", "2023-10-01..2023-12-31")] == 109


def test_fewer_length_titles_than_dated_groups_head_the_runs_the_dates_settle():
    # a copy that lost its spans: "Three Months Ended" over the first column, "Year Ended" over the second,
    # one date over each group of years ("2024 2023 | 2024 | 2024 2023"). The quarter, its year-ago and the
    # prior quarter lie whole quarters apart, the two years whole years apart: in one way only do two titles
    # head runs of whole groups so (placed by where they stand, the year-ago quarter had been the year 2023)
    text = """\
                                              Three Months Ended          Year Ended
                                                     December 31,      September 30,       December 31,
(In thousands)                                                2024               2023               2024              2024               2023
Operating revenues                                      $  729,819    $       725,801   $        731,805   $     2,930,126    $     3,005,981
Direct costs                                               433,404            424,769            431,705         1,742,411          1,790,380
"""
    table = read_fixed_width(text).tables[0]
    cells = {(h.text, h.cols) for h in table.header}
    assert ("Three Months Ended", (0, 2)) in cells and ("Year Ended", (3, 4)) in cells, cells
    facts = _facts(text)
    assert facts[("Revenues", "2023-10-01..2023-12-31")] == 725801000
    assert facts[("Revenues", "2024-07-01..2024-09-30")] == 731805000
    assert facts[("Revenues", "2023-01-01..2023-12-31")] == 3005981000
    # a line that titles a group by something else too ("As of"): the lengths are left where they stand (the
    # years had been read as quarters under "Three Months Ended" stretched over four columns)
    as_of = """\
                                  Three Months Ended                Year Ended                 As of
                                     December 31,                 September 30,             December 31,
                                  2024          2023            2024          2023              2024
Total revenue                $  120,500    $  110,200      $  450,100    $  420,300      $  118,000
Net income                        9,800         8,000          36,500        30,100           9,100
"""
    assert ("Year Ended", (2, 3)) in {(h.text, h.cols) for h in read_fixed_width(as_of).tables[0].header}
    assert not any(period.endswith("09-30") and period.startswith("2024-07") for _c, period in _facts(as_of))
    # "(Unaudited)" on the titles' line is no group title of another kind
    unaudited = text.replace("Year Ended\n", "Year Ended     (Unaudited)\n", 1)
    assert ("Three Months Ended", (0, 2)) in {(h.text, h.cols) for h in read_fixed_width(unaudited).tables[0].header}
    # every date the same: titles could head the groups in more ways than one, so none is taken from the dates
    same = text.replace("September 30,", " December 31,")
    assert ("Three Months Ended", (0, 2)) not in {(h.text, h.cols) for h in read_fixed_width(same).tables[0].header}


def test_a_length_title_over_no_column_and_nearest_none_contests_every_column():
    # "Three Months Ended December" set far left of its group, "Year Ended December" short of the first
    # column and of its year: which columns either names, neither the figures nor the line of years settle
    text = """\
                          Three Months Ended December           Year Ended December
                                                       31,                      31,
                                                              2024         2023          2024          2023
Net revenue                                             $   17,274    $   9,245    $   54,014    $  145,233
Cost of revenue                                             29,837        6,369        58,170        93,924
"""
    table = read_fixed_width(text).tables[0]
    assert table.contested == (0, 1, 2, 3)
    assert _facts(text) == {}


def test_a_group_of_years_under_two_different_length_titles_is_contested():
    # a copy that lost its header's spans: "Three Months Ended" over the 2024 of "2024 2023" and "Year Ended"
    # over its 2023; a year and the one before it are one length twice, so the two columns get none (the
    # quarter of 2023 had been dated as the year). Here the dates print one day, so they settle nothing (with
    # "September 30," over the third group they do: see the test of fewer length titles than dated groups)
    text = """\
                                                  Three Months Ended          Year Ended
                                                         December 31,       December 31,        December 31,
 (In thousands, except per share amounts)                         2024               2023               2024              2024               2023
 Revenues and other income:
 Operating revenues                                    $       729,819    $       725,801   $        731,805   $     2,930,126    $     3,005,981
 Investment income (loss)                                        8,828             12,042             11,503            38,713             43,820
 Total revenues and other income                               738,647            737,843            743,308         2,968,839          3,049,801
"""
    table = read_fixed_width(text).tables[0]
    assert {0, 1} <= set(table.contested)


def test_a_sentence_ending_in_a_colon_right_above_a_table_is_its_caption():
    # "The following table presents a reconciliation ...:": without it the table has no title, and a
    # reconciliation is read as a summary of the company's own lines
    text = """Acme Corp Reports Second Quarter Fiscal 2025 Results

The following table presents a reconciliation of net loss to Adjusted EBITDA for the three months ended:

                                          Three Months Ended
                                             December 31,
                                           2024        2023
Net income (loss)                          0.02      (0.74)
Depreciation and amortization              0.12        0.32
"""
    from converter.engine.table_kind import SECONDARY, table_kind
    table = read_fixed_width(text).tables[0]
    assert table.caption[0].startswith("The following table presents a reconciliation")
    assert table_kind(table) == SECONDARY


def test_a_scale_note_kept_among_the_rows_above_the_figures_scales_the_table():
    # "(in millions)" printed under each group's title, read as a line of the table's body: the table had no
    # scale, and $0.12 million of depreciation came out as twelve cents
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                                          Three Months Ended
                                             December 31,
                                           2024        2023
    (in millions)                 (in millions)
Revenue                                    2.50        1.75
Depreciation and amortization              0.12        0.32
Net income (loss)                          0.02      (0.74)
"""
    facts = _fixed_facts(text)
    assert facts[("us-gaap:DepreciationDepletionAndAmortization", "2024-10-01..2024-12-31")] == Decimal("120000")


def test_a_title_in_capitals_right_under_a_sentence_is_not_the_paragraphs_last_words():
    # a table's title and scale note set with no blank line after the paragraph above them: read as that
    # paragraph's last words, "Amounts in 000's" scaled nothing, and a balance sheet came out in dollars
    text = """\
Certain of those risks are disclosed in the company's filings, which can be located at www.sec.gov.
SUNLINK HEALTH
SYSTEMS, INC.
Amounts in 000's, except per share
"""
    paragraphs = [b.text for b in read_fixed_width(text).blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].endswith("www.sec.gov.")
    assert paragraphs[1].startswith("SUNLINK HEALTH")


def test_a_title_in_title_case_under_a_sentence_and_its_wrapped_note_scale_the_table():
    # no blank line between a paragraph and a statement's title, whose scale note a narrow page wrapped
    # ("... Balance Sheets (in" / "thousands)"): read as the paragraph's last words the title scaled nothing,
    # and every figure of the balance sheet came out a thousand times too small
    text = """Tigo Energy Reports Fourth Quarter 2024 Results

CAMPBELL, Calif., February 11, 2025 -- Tigo Energy, Inc. today reported results.

We refer investors to the reconciliation of adjusted EBITDA to net loss included below, which could
have an impact on our consolidated results.
Tigo Energy, Inc. Condensed Consolidated Balance Sheets (in
thousands) (unaudited)
                                                    December 31,      December 31,
                                                            2024              2023
Cash and cash equivalents                               $ 11,746          $  4,405
Accounts payable                                        $  8,077          $ 15,685
Total assets                                            $ 72,911          $127,777
"""
    facts = _fixed_facts(text)
    assert facts[("us-gaap:AccountsPayableCurrent", "2024-12-31")] == Decimal("8077000")



def test_a_stack_whose_first_line_holds_three_words_is_read_whole():
    # "For the Six" / "Months" / "Ended" / "December 31" beside "For the" / "Three" / ...: a first line of three
    # words left the stack's other lines apart, and the six months' columns were read as a year
    text = """\
                                         For the
                                          Three                                  For the Six
                                        Months                                       Months
                                          Ended                                       Ended
                                    December 31                                 December 31
                                            2024             2023                       2024               2023
       Revenue
       Software services                       $  3,129,108     $  2,032,272               $  5,358,365       $  5,044,343
       Software license/software
       as a service                                  39,826           44,153                    248,938            136,962
       Total Revenue                              3,168,934        2,076,425                  5,607,303          5,181,305
       Cost of goods sold                         1,144,007          655,509                  1,659,310          1,837,018
       Gross Profit                               2,024,927        1,420,916                  3,947,993          3,344,287
"""
    facts = _fixed_facts("Glimpse Reports Second Quarter Fiscal 2025 Results\n\nNEW YORK, February 12, 2025 -- "
                         "The Glimpse Group today reported results.\n\n" + text)
    assert facts[("us-gaap:CostOfRevenue", "2024-07-01..2024-12-31")] == Decimal("1659310")
    assert not [k for k in facts if k[1] == "2024-01-01..2024-12-31"]


def test_a_label_wrapped_at_its_hyphen_is_one_word_again():
    # "Net loss attributable to non-" / "controlling interest": joined with a space, "non- controlling" was
    # no noncontrolling interest to the rules, and the minority's loss was written as the company's
    text = """\
                                            Three months ended
                                               December 31,
                                             2024          2023
Net loss                                  (2,264,482)   (1,991,357)
Net loss attributable to non-
controlling interest                          (7,327)       (6,742)
Net loss attributable to the Company      (2,257,155)   (1,984,615)
"""
    labels = [r.label for r in read_fixed_width(text).tables[0].rows if r.cells]
    assert "Net loss attributable to non-controlling interest" in labels


def test_a_label_the_page_broke_goes_on_atop_the_next_page():
    # "Earnings from" / "continuing operations 353 343" ended a page; the next began with the company's name
    # and then "before income tax" / "expense": the row was read as earnings from continuing operations
    text = """\
                                          Three Months Ended
                                             December 31,
                                           2024        2023
Interest expense                             50          40
Earnings from
continuing operations                       353         343
\f
ACME CORP
before income tax
expense
Income tax expense                           59          55
Earnings from
continuing operations                       294         288
"""
    tables = read_fixed_width(text).tables
    assert len(tables) == 1
    labels = [r.label for r in tables[0].rows if r.cells]
    assert labels[1] == "Earnings from continuing operations before income tax expense"
    assert labels[2:] == ["Income tax expense", "Earnings from continuing operations"]


def test_a_figure_a_narrow_cell_broke_over_two_lines_is_read_as_neither_part():
    # "11,84" over "0": a narrow cell broke 11,840, and the row read $0 of revenue
    text = """\
                                     Three Months Ended May 31,
                                        2022              2021
Services                                 833               812
                                       11,84             11,22
Total revenues                             0                 7
Operating expenses                     7,337             6,686
"""
    rows = {r.label: [c.text for c in r.cells] for r in read_fixed_width(text).tables[0].rows}
    assert rows.get("Total revenues", []) == []
    assert rows["Operating expenses"] == ["7,337", "6,686"]


def test_a_broken_figure_with_its_rows_label_on_a_line_between_the_parts_is_read_as_neither_part():
    # "109,29" / "TOTAL ASSETS" / "$ 7": the label's baseline fell between the two lines of the broken total,
    # and the row had read total assets of $7 million
    text = """\
                                                            May 31,
                                                        2022        2021
          Other non-current assets                     9,915       8,490
             Total Non-Current Assets                 77,664      75,540
                                                      109,29      131,10
       TOTAL ASSETS
                                                    $      7    $      7
       Current Liabilities:
          Notes payable, current                       3,749       8,250
"""
    rows = {r.label: [c.text for c in r.cells] for t in read_fixed_width(text).tables for r in t.rows}
    assert not any(cells == ["7", "7"] or "$ 7" in cells for cells in rows.values())
    assert rows["Notes payable, current"] == ["3,749", "8,250"]


def test_a_short_fixed_width_excerpt_is_read_as_fixed_width():
    # two rows of a table, labels and figures on one line: too few for the eight rows detection asked of a
    # whole release, they were read as reading-order text, where a line of words holds no figures, and gave
    # nothing
    from converter.pipeline import convert_text
    from converter.readers.detect import detect_layout
    text = """Acme Bank Reports Fourth Quarter 2024 Results

BOSTON, January 21, 2025 -- Acme Bank today reported results.

CONSOLIDATED BALANCE SHEETS
(in thousands)
                                   December 31,    December 31,
                                           2024            2023
Total assets                          2,242,034       2,229,571
Total deposits                        1,932,080       1,882,803
"""
    assert detect_layout(text) == "fixed"
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text, issuer="none").facts}
    assert facts[("us-gaap:Assets", "2024-12-31")] == 2242034000
    # reading-order text prints its figures on lines of their own: two rows among them do not make it fixed
    reading_order = text + "\n".join(["Revenue", "Net income", "", "1,204", "3,310", "", "1,117", "2,980"] * 3)
    assert detect_layout(reading_order) != "fixed"


def test_dates_one_space_apart_are_two_header_pieces():
    # a narrow page sets each column's date one space from the next: one piece of four dates spanned the
    # columns, and its dates no longer stood each over its own
    from converter.readers.fixed_header import chunks
    assert [t for _s, _e, t in chunks("     Dec 31, 2024 Dec 31, 2023 Sept. 30, 2024")] == [
        "Dec 31, 2024", "Dec 31, 2023", "Sept. 30, 2024"]
    # a year followed by words that are no date stays one piece
    assert [t for _s, _e, t in chunks("     Fiscal 2024 December quarter")] == ["Fiscal 2024 December quarter"]


# A bank's five quarters beside two years, as a PDF reader lays it out: "March 31," wrapped in its narrow column,
# the quarters of one year side by side, "Year Ended" over the last two columns
BANK_FIVE_AND_TWO = """\
First Anytown Bancorp Reports Fourth Quarter 2024 Results
ANYTOWN, Ohio, January 23, 2025 -- First Anytown Bancorp today reported results for the fourth quarter of 2024.

                            CONSOLIDATED STATEMENTS OF INCOME (UNAUDITED)
                              (Dollars in thousands, except per share data)
                                                 Three Months Ended                           Year Ended
                                                                        March
                                Dec. 31,     Sept. 30,     June 30,       31,    Dec. 31,  Dec. 31,   Dec. 31,
                                  2024          2024         2024         2024     2023      2024       2023
Net interest income                36,000       35,800        35,600     35,400   35,200    142,800   141,000
Provision for credit losses         1,500        1,400         1,300      1,200    1,100      5,400     4,000
Net income                    $    13,000   $   13,100    $   13,200    $13,300  $13,400  $  52,600  $ 51,000
"""


def test_five_quarters_beside_two_years_with_a_month_wrapped_over_its_day():
    facts = _facts(BANK_FIVE_AND_TWO)
    income = {period: value for (concept, period), value in facts.items() if concept == "NetIncomeLoss"}
    assert income == {"2024-10-01..2024-12-31": 13000000, "2024-07-01..2024-09-30": 13100000,
                      "2024-04-01..2024-06-30": 13200000, "2024-01-01..2024-03-31": 13300000,
                      "2023-10-01..2023-12-31": 13400000, "2024-01-01..2024-12-31": 52600000,
                      "2023-01-01..2023-12-31": 51000000}


def test_a_statement_printed_oldest_first_groups_its_years_forward_in_time():
    # "2023 2024 | 2023 2024" under "Three Months Ended | Year Ended": going back in time, the line of years
    # left single years as groups, and the two titles contradicted them over every column
    facts = _fixed_facts("Acme Reports Fourth Quarter 2024 Results\n\nANYTOWN, Ohio, January 23, 2025 -- Acme Corp "
                         "today reported results for the fourth quarter of 2024.\n\n"
                         "                      STATEMENTS OF OPERATIONS (in thousands)\n"
                         "                                     Three Months Ended          Year Ended\n"
                         "                                        December 31,            December 31,\n"
                         "                                      2023        2024        2023        2024\n"
                         "Revenues                          $110,200    $120,500    $440,800    $482,000\n"
                         "Net income                          11,100      13,200      43,200      53,400\n")
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == Decimal("120500000")
    assert facts[("us-gaap:Revenues", "2023-01-01..2023-12-31")] == Decimal("440800000")
    assert facts[("us-gaap:NetIncomeLoss", "2023-10-01..2023-12-31")] == Decimal("11100000")


def test_twelve_months_over_a_bare_year_beside_its_fourth_quarter_end_where_that_quarter_ends():
    facts = _fixed_facts("Acme Reports Fourth Quarter 2024 Results\n\nANYTOWN, Ohio, January 23, 2025 -- Acme Corp "
                         "today reported results for the fourth quarter of 2024.\n\n"
                         "                      STATEMENTS OF OPERATIONS (in thousands)\n"
                         "                                       Fourth Quarter           Twelve Months\n"
                         "                                      2024        2023        2024        2023\n"
                         "Revenues                          $120,500    $110,200    $482,000    $440,800\n")
    assert facts[("us-gaap:Revenues", "2024-01-01..2024-12-31")] == Decimal("482000000")
    assert facts[("us-gaap:Revenues", "2023-01-01..2023-12-31")] == Decimal("440800000")
    assert facts[("us-gaap:Revenues", "2023-10-01..2023-12-31")] == Decimal("110200000")


def test_a_day_wrapped_under_its_month_in_a_narrow_header_cell_dates_its_group():
    # a word processor wrapping "Three Months Ended December 31," into a narrow cell: "31," on a line of its
    # own, right under "Ended December" (run together, as a PDF may set them), was a row; the years under it
    # headed nothing and the statement gave no fact
    from converter.pipeline import convert_text
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, Feb. 11, 2025 -- Acme Corp today reported results.

    Condensed Consolidated Statements of Operations
    (Unaudited, In thousands)

                                 Three Months                                        Twelve Months
                              EndedDecember                                         EndedDecember
                                           31,                                                  31,
                                         2024                 2023                             2024                 2023
              Grant revenue                           691                 1,206                           2,314           5,000
               Total revenue                       35,691        $      201,206                   $      37,314        $ 371,206
           Net (loss) income                        (37,311)               89,347                        (366,252)   (153,610)
"""
    got = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="fixed").facts
           if f.concept == "us-gaap:NetIncomeLoss"}
    assert got == {"2024-10-01..2024-12-31": Decimal("-37311000"), "2023-10-01..2023-12-31": Decimal("89347000"),
                   "2024-01-01..2024-12-31": Decimal("-366252000"), "2023-01-01..2023-12-31": Decimal("-153610000")}


RUN_ON = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, Feb. 11, 2025 -- Acme Corp today reported results.

    Condensed Consolidated Statements of Operations
    (Unaudited, In thousands)

{header}
    Total revenue                                    35,691        201,206
    Net (loss) income                               (37,311)        89,347
"""


def test_a_length_title_run_into_the_first_year_titles_every_year_of_its_line():
    # "Three Months Ended December 31, 2024" printed as one string over the first column, "2023" over the
    # second: the 2023 column had no length and gave nothing
    facts = _fixed_facts(RUN_ON.format(header="                   Three Months Ended December 31, 2024           2023"))
    assert {p: v for (c, p), v in facts.items() if c == "us-gaap:NetIncomeLoss"} == {
        "2024-10-01..2024-12-31": Decimal("-37311000"), "2023-10-01..2023-12-31": Decimal("89347000")}


def test_a_length_title_run_into_a_year_that_stands_over_another_column_is_not_split_off():
    # the run-on year nearer the second column than the first: which column it heads is not settled
    facts = _fixed_facts(RUN_ON.format(header="                                    Three Months Ended December 31, 2024   2023"))
    assert facts.get(("us-gaap:NetIncomeLoss", "2024-10-01..2024-12-31")) != Decimal("89347000")


def test_years_over_a_banks_quarters_head_the_quarters_each_stands_over():
    # "2024" centred over four quarter columns and "2023" over the fifth, each column naming its quarter
    # ("Fourth | Third | Second | First | Fourth") or its date ("Dec. 31 | Sept. 30 | ..."): only the column
    # right under each year had been dated, and the ordinal words had been read as parts of the company
    from converter.pipeline import convert_text
    text = """Harbor Valley Bancorp Reports Fourth Quarter 2024 Results

PORTLAND, Maine, Jan. 23, 2025 -- Harbor Valley Bancorp today reported results for the fourth quarter of 2024.

                                     Consolidated Statements of Income (Unaudited)
                                      (dollars in thousands, except per share data)
                                                                Quarter Ended
                                                         2024                                   2023
                                     Fourth      Third      Second       First       Fourth
Net interest income                  30,908     29,258      29,144      28,731       28,905
Net income                         $ 12,793   $ 11,724    $ 11,397    $ 11,818     $ 10,358

                                     Consolidated Balance Sheets (Unaudited)
                                             (dollars in thousands)
                                                         2024                                   2023
                                    Dec. 31   Sept. 30     June 30    March 31      Dec. 31
Total assets                    $ 5,288,577 $ 5,216,082 $ 5,181,769 $ 5,102,676 $ 5,043,769
"""
    facts = convert_text(text, issuer="none", layout="fixed").facts
    income = {str(f.period): f.value for f in facts if f.concept == "us-gaap:NetIncomeLoss"}
    assert income == {"2024-10-01..2024-12-31": Decimal("12793000"), "2024-07-01..2024-09-30": Decimal("11724000"),
                      "2024-04-01..2024-06-30": Decimal("11397000"), "2024-01-01..2024-03-31": Decimal("11818000"),
                      "2023-10-01..2023-12-31": Decimal("10358000")}
    assets = {str(f.period): f.value for f in facts if f.concept == "us-gaap:Assets"}
    assert assets == {"2024-12-31": Decimal("5288577000"), "2024-09-30": Decimal("5216082000"),
                      "2024-06-30": Decimal("5181769000"), "2024-03-31": Decimal("5102676000"),
                      "2023-12-31": Decimal("5043769000")}


def test_years_over_quarters_that_do_not_turn_where_the_years_stand_head_nothing():
    # the quarters turn after the third column, the years stand as if after the fourth: no reading settles it
    from converter.readers.fixed_width import read_fixed_width
    text = """
                                                                        2024                  2023
                                     Dec. 31   Sept. 30     Dec. 31    Sept. 30      June 30
Total assets                    $ 5,288,577 $ 5,216,082 $ 5,181,769 $ 5,102,676 $ 5,043,769
Total liabilities                 4,288,577   4,216,082   4,181,769   4,102,676   4,043,769
"""
    table = read_fixed_width(text).tables[0]
    assert not [h for h in table.header if h.text == "2024" and h.cols[0] != h.cols[1]]


def test_a_header_printed_on_one_line_gives_its_years_to_the_columns_in_order():
    # "Three Months Ended December 31, 2024 2023 Year Ended December 31, 2024 2023" set as one string, its
    # years over no column of their own (or the whole line in the labels' column): nothing had been dated
    from converter.pipeline import convert_text
    head = "Acme Corp Reports Fourth Quarter 2024 Results\n\nBOSTON, Feb. 11, 2025 -- Acme Corp today reported results.\n\n"
    statement = """                  Condensed Consolidated Statements of Operations (Unaudited)
                           (in thousands, except per share data)
{header}
   Total revenue            $ 46,593   $ 68,158   $ 186,391    $ 272,680
   Net income                  4,001      6,512      15,870       25,230
"""
    # on one line; and wrapped in its cell, both lines starting where the cell does
    for header in ("                Three Months Ended December 31, 2024     2023 Year Ended December 31, 2024  2023",
                   "                           Three Months Ended December 31, 2024\n"
                   "                           2023 Year Ended December 31, 2024   2023"):
        got = {str(f.period): f.value for f in convert_text(head + statement.format(header=header), issuer="none",
                                                            layout="fixed").facts if f.concept == "us-gaap:NetIncomeLoss"}
        assert got == {"2024-10-01..2024-12-31": Decimal("4001000"), "2023-10-01..2023-12-31": Decimal("6512000"),
                       "2024-01-01..2024-12-31": Decimal("15870000"), "2023-01-01..2023-12-31": Decimal("25230000")}
    text = head + """Condensed Consolidated Balance Sheets
(in thousands)
December 31, 2024 2023
   Cash and cash equivalents               $    41,593    $    38,158
   Total assets                               186,391        172,680
"""
    got = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="fixed").facts
           if f.concept == "us-gaap:Assets"}
    assert got == {"2024-12-31": Decimal("186391000"), "2023-12-31": Decimal("172680000")}
    # a line naming fewer years than columns, or words that are no title, is not read this way
    text = head + """                  Condensed Consolidated Statements of Operations (Unaudited)
                Three Months Ended December 31, 2024     Year Ended December 31, 2024
   Total revenue                    $    46,593    $    68,158   $   186,391   $   272,680
"""
    assert not convert_text(text, issuer="none", layout="fixed").facts


def test_a_title_wrapped_before_its_day_beside_another_groups_title_keeps_its_line():
    # a word processor's narrow cells: "Three Months / Ended December / 31," beside "Year Ended / December 31,".
    # The day joins "Ended December" where it stands; moved down to the day's line, it had left "December 31,"
    # alone on its line, heading every column, and the statement gave nothing
    from converter.pipeline import convert_text
    text = """Northwind Instruments, Inc. Reports Fourth Quarter And Full Year 2024 Results

SEATTLE, Feb. 11, 2025  -- Northwind Instruments, Inc. today reported financial results for the fourth quarter.

                          Condensed Consolidated Statements of Operations (Unaudited)
                                (in thousands, except per share data)
                           Three Months         Year Ended
                           Ended December       December 31,
                           31,
                           2024       2023      2024        2023
Product revenue           $ 48,688   $ 35,480   $ 194,792   $ 141,934
Service revenue             14,692     14,887      58,785      59,578
Net income                $ 9,236    $ 7,326    $ 36,945    $ 29,314
"""
    got = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="fixed").facts
           if f.concept == "us-gaap:NetIncomeLoss"}
    assert got == {"2024-10-01..2024-12-31": Decimal("9236000"), "2023-10-01..2023-12-31": Decimal("7326000"),
                   "2024-01-01..2024-12-31": Decimal("36945000"), "2023-01-01..2023-12-31": Decimal("29314000")}


def test_a_one_line_header_whose_title_names_two_lengths_heads_nothing():
    # (the one-line header wrapped in its cell reads as one line: test_a_header_printed_on_one_line_...)
    from converter.pipeline import convert_text
    head = "Acme Corp Reports Fourth Quarter 2024 Results\n\nBOSTON, Feb. 11, 2025 -- Acme Corp today reported results.\n\n"
    # a title naming two lengths before its years is no one group's title
    text = head + """                  Condensed Consolidated Statements of Operations (Unaudited)
                           Three Months Ended Year Ended December 31, 2024
                           2023 2024   2023
   Total revenue            $ 46,593   $ 68,158   $ 186,391    $ 272,680
"""
    assert not convert_text(text, issuer="none", layout="fixed").facts


def test_two_groups_titles_wrapped_in_one_cell_head_their_groups():
    # "Three Months Ended June 30, Six Months" / "Ended June 30," over "2025 2024 2025 2024": one piece had
    # named both lengths over every column
    from converter.pipeline import convert_text
    text = """Acme Corp Reports Second Quarter 2025 Results

BOSTON, Aug. 5, 2025 -- Acme Corp today reported results.

                          Condensed Consolidated Statements of Operations (Unaudited)
                                (in thousands, except per share data)
                           Three Months Ended June 30, Six Months
                           Ended June 30,
                           2025      2024       2025        2024
   Total revenue         $ 46,593  $ 68,158   $ 93,205    $ 136,364
   Net income               4,001     6,512      8,870       13,230
"""
    got = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="fixed").facts
           if f.concept == "us-gaap:NetIncomeLoss"}
    assert got == {"2025-04-01..2025-06-30": Decimal("4001000"), "2024-04-01..2024-06-30": Decimal("6512000"),
                   "2025-01-01..2025-06-30": Decimal("8870000"), "2024-01-01..2024-06-30": Decimal("13230000")}


def test_a_day_alone_under_a_month_on_the_line_of_dates_completes_that_date():
    # "Dec. 31, | Sept. 30, | June 30, | March | Dec. 31," with "31," alone on the line under "March": moved
    # down to that line, "March 31," stood alone and headed every column
    from converter.pipeline import convert_text
    text = """Harbor Valley Bancorp Reports Fourth Quarter 2024 Results

PORTLAND, Maine, Jan. 23, 2025 -- Harbor Valley Bancorp today reported results for the fourth quarter of 2024.

                                      Consolidated Statements of Income (Unaudited)
                                      (dollars in thousands, except per share data)
                                     Three Months Ended
                                     Dec. 31,   Sept. 30,   June 30,   March      Dec. 31,
                                                                       31,
                                      2024       2024       2024        2024       2023
Net interest income                  30,908     29,258      29,144      28,731     28,905
Net income                         $ 12,793   $ 11,724    $ 11,397    $ 11,818   $ 10,358
"""
    got = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="fixed").facts
           if f.concept == "us-gaap:NetIncomeLoss"}
    assert got == {"2024-10-01..2024-12-31": Decimal("12793000"), "2024-07-01..2024-09-30": Decimal("11724000"),
                   "2024-04-01..2024-06-30": Decimal("11397000"), "2024-01-01..2024-03-31": Decimal("11818000"),
                   "2023-10-01..2023-12-31": Decimal("10358000")}


def test_a_day_with_its_year_under_a_title_stays_its_columns_date():
    # "Three Months Ended December" over "31, 2024     2023": "31, 2024" had been joined to the title and its
    # year lost, the title then spanning both columns and 2023's figure dated 2024
    from converter.pipeline import convert_text
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, Feb. 11, 2025 -- Acme Corp today reported results.

    Selected Items
    (Unaudited, In thousands)

                             Three Months Ended December
                             31, 2024          2023
    Goodwill impairment                      89,347
"""
    got = [(str(f.period), f.value) for f in convert_text(text, issuer="none", layout="fixed").facts]
    assert ("2024-10-01..2024-12-31", Decimal("89347000")) not in got


def test_a_statement_title_wrapped_over_two_caption_lines_names_the_statement():
    # "Condensed Consolidated Balance" / "Sheets (Unaudited)" over "Year Ended December 31,": not taken for a
    # balance sheet, its balances under a header of flows were left unread; "STATEMENTS OF CASH" / "FLOWS": the
    # working-capital changes were not read as a cash flow statement's
    from converter.pipeline import convert_text
    head = "Acme Corp Reports Fourth Quarter 2024 Results\n\nBOSTON, Feb. 11, 2025 -- Acme Corp today reported results.\n\n"
    text = head + """          Condensed Consolidated Balance
                         Sheets (Unaudited)
                                (In millions)
                                              Year Ended December 31,
                                                 2024                      2023
                   Cash and cash equivalents  $ 544.5                   $ 545.8
                     Accounts receivable, net   399.5                     399.9
"""
    cash = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="fixed").facts
            if f.concept == "us-gaap:CashAndCashEquivalentsAtCarryingValue"}
    assert cash == {"2024-12-31": Decimal("544500000"), "2023-12-31": Decimal("545800000")}
    text = head + """           STATEMENTS OF CASH
               FLOWS(in thousands)
                                                    Year Ended December 31,
                                                      2024            2023
   Net loss                                         (95,368)       (137,436)
   Changes in operating assets and liabilities:
   Accounts receivable                              (17,145)        (12,000)
   Accounts payable                                  (2,204)         (2,423)
"""
    changes = {str(f.period): f.value for f in convert_text(text, issuer="none", layout="fixed").facts
               if f.concept == "us-gaap:IncreaseDecreaseInAccountsReceivable"}
    assert changes == {"2024-01-01..2024-12-31": Decimal("17145000"), "2023-01-01..2023-12-31": Decimal("12000000")}


def test_a_negative_amount_whose_parenthesis_the_page_edge_cut_is_read_where_its_digits_line_up():
    # a Word print sets the last column's ")" past the page's edge: "(8,275" was left unread, though its
    # digits end where the column's whole figures end
    from converter.pipeline import convert_text
    head = "Acme Corp Reports Fourth Quarter 2024 Results\n\nBOSTON, Feb. 11, 2025 -- Acme Corp today reported results.\n\n"
    body = """      CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                  (in thousands)
                                          Year Ended December 31,
                                          2024            2023
        Net revenue                 $   54,014    $  145,233
        Cost of revenue                 58,170        93,924
        Gross profit                    (4,156)       51,309
        Operating expenses              47,841        59,584
        Loss from operations           (51,997)       (8,275
        Net loss                       (62,746)          (984
"""
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(head + body, issuer="none", layout="fixed").facts}
    assert facts[("us-gaap:OperatingIncomeLoss", "2023-01-01..2023-12-31")] == Decimal("-8275000")
    # (an amount of three digits or fewer, no comma to show a digit is missing, stays unread)
    assert ("us-gaap:NetIncomeLoss", "2023-01-01..2023-12-31") not in facts
    # digits that end short of the column's edge may have lost some to it: still unread
    cut = body.replace("       (8,275", "       (8,27 ").replace("          (984", "          (98 ")
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(head + cut, issuer="none", layout="fixed").facts}
    assert ("us-gaap:OperatingIncomeLoss", "2023-01-01..2023-12-31") not in facts
    assert ("us-gaap:NetIncomeLoss", "2023-01-01..2023-12-31") not in facts


def test_a_cut_amount_whose_row_prints_longer_figures_may_have_lost_digits_and_stays_unread():
    # the review's case: a column the page's edge cut at a comma ("(7,889" of "(7,889,312)") cuts its whole
    # figures there too, so they line up with it; the row's other figure, grouped in more threes, says so
    from converter.pipeline import convert_text
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, Feb. 11, 2025 -- Acme Corp today reported results.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                                         Three Months Ended December 31,
                                             2024              2023
Revenue                                   45,678,901        41,234
Cost of revenue                           22,345,678        20,123
Gross profit                              23,333,223        21,111
Operating expenses                        31,608,901        29,000
Loss from operations                      (8,275,678)       (7,889
Net loss                                  (8,100,000)       (7,700
"""
    facts = {(f.concept, str(f.period)) for f in convert_text(text, issuer="none", layout="fixed").facts}
    assert ("us-gaap:OperatingIncomeLoss", "2023-10-01..2023-12-31") not in facts
    assert ("us-gaap:NetIncomeLoss", "2023-10-01..2023-12-31") not in facts


def test_where_labels_start_is_measured_on_the_tables_own_page():
    # a word processor sets labels right in a narrow column: on the balance sheet's page they start far right,
    # on later pages (a reconciliation's narrow label column) far left. Measured over the whole text, the
    # balance sheet's rows stood far right of where labels start, as more of its header, and it was not read
    bs = """          Consolidated Balance Sheets
          (in thousands)
                                                                       December 31,
                                                                          2024          2023
                                                               Assets
                                      Cash and cash equivalents        $  47,920     $  65,064
                                       Accounts receivable, net           41,731        37,969
                                                      Inventory            8,440        14,448
                                           Total current assets          283,752       410,188
                                                   Total assets          539,376       661,134
                                              Total liabilities          200,100       250,200
"""
    recon = "\f          Reconciliation (in thousands)\n" \
            "                          Year Ended December 31, 2024\n" \
            "                           MRD      Immune     Total\n" + "".join(
                f"     Item {k:02d}        {1000 + k:>9,}  {2000 + k:>9,}  {3000 + 2 * k:>9,}\n" for k in range(40))
    head = "Acme Corp Reports Fourth Quarter 2024 Results\n\nBOSTON, Feb. 11, 2025 -- Acme Corp today reported results.\n\n"
    facts = _fixed_facts(head + bs + recon)
    assert facts[("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2024-12-31")] == Decimal("47920000")
    assert facts[("us-gaap:Assets", "2023-12-31")] == Decimal("661134000")


def test_a_statement_runs_onto_a_third_page_under_a_heading_wrapped_over_the_page_break():
    # a word processor's balance sheet over three pages: the rows atop the third page were taken as a table of
    # their own (its page was measured against the first page's, not the second's), and a heading wrapped
    # over the break ("LIABILITIES," / "REDEEMABLE" / page / "INTERESTS AND EQUITY") was counted as furniture
    text = """\
                                                  December 31,      December 31,
                                                      2024              2023
ASSETS
 Cash and cash equivalents                        $    733,947      $    997,002
\f
 Tenant and other receivables                           58,853           69,543
 Total assets                                     $ 15,998,608      $ 16,187,665
 LIABILITIES,
 REDEEMABLE
 NONCONTROLLING
\f
 INTERESTS AND EQUITY
 Liabilities:
 Mortgages payable, net                           $  5,676,014      $  5,688,020
 Total liabilities                                   9,826,739        9,843,931
"""
    tables = read_fixed_width(text).tables
    assert len(tables) == 1
    rows = {r.label: [c.text for c in r.cells] for r in tables[0].rows if r.cells}
    assert rows["Total liabilities"] == ["9,826,739", "9,843,931"]
    # a title under the last row starts another table: its rows atop the next page do not continue this one
    other = text.replace(" LIABILITIES,\n REDEEMABLE\n NONCONTROLLING\n", " Consolidated Statements of Cash Flows\n")
    assert len(read_fixed_width(other).tables[0].rows) == 4


def test_a_title_printed_again_whose_last_line_is_in_lower_case_is_no_part_of_a_label():
    # "FRESHWORKS INC.CONDENSED" / "CONSOLIDATED BALANCE SHEETS(in" / "thousands)" printed again atop the next
    # page: its last line, in lower case, was joined to the label the page broke after
    text = """\
             FRESHWORKS INC.CONDENSED
             CONSOLIDATED BALANCE SHEETS(in
                                 thousands)
                                                  December 31,      December 31,
                                                      2024              2023
 Total liabilities                                     473,963          384,510
 Accumulated other comprehensive loss                    (338)            (754)
\f
             FRESHWORKS INC.CONDENSED
             CONSOLIDATED BALANCE SHEETS(in
                                 thousands)
 Accumulated deficit                                (3,735,877)      (3,640,509)
 Total stockholders' equity                          1,137,921        1,072,262
"""
    tables = read_fixed_width(text).tables
    assert len(tables) == 1
    labels = [r.label for r in tables[0].rows if r.cells]
    assert labels == ["Total liabilities", "Accumulated other comprehensive loss", "Accumulated deficit",
                      "Total stockholders' equity"]


def test_a_negative_figure_a_narrow_cell_broke_after_its_sign_is_read_as_neither_part():
    # a word processor set "–17,820" in a narrow cell and wrapped it after the dash: the dash alone was read as
    # a nil (acquisitions of 0); "−26,32" over "5", set left, kept its sign as a nil when the figure was blanked.
    # Every dash reads "-" by the time the reader sees the text (readers/normalize.py)
    text = """\
                                                           Year Ended December 31,
                                                              2024          2023
 Purchases of property and equipment                         -8,505        -6,849
 Acquisitions, net of cash acquired                          -              -
                                                             17,820
 Net cash used in investing activities                       -26,32        -6,849
                                                             5
 Dividends paid                                              (2,225)       (1,610)
"""
    rows = {r.label: [(c.col, c.text) for c in r.cells] for r in read_fixed_width(text).tables[0].rows if r.label}
    assert rows["Acquisitions, net of cash acquired"] == [(1, "-")]
    assert rows["Net cash used in investing activities"] == [(1, "-6,849")]
    assert rows["Dividends paid"] == [(0, "(2,225)"), (1, "(1,610)")]


def test_group_titles_head_the_runs_their_columns_dates_make():
    # "Three Months Ended" centred over five quarters, "Year Ended" over two years: the figures are set right,
    # under dates set centred, and measured to the figures the last quarter stood nearer "Year Ended"; read
    # as the year 2023, it clashed with the year column and the whole statement was withheld. The dates going
    # back in time make the groups, however the titles are set (centred, left or right)
    text = """\
                                                                                            Three Months Ended                                                               Year Ended
                                                     Dec. 31, 2024        Sept. 30, 2024        June 30, 2024        March 31, 2024         Dec. 31, 2023         Dec. 31, 2024        Dec. 31, 2023
Total revenue                                                   65,576               54,785                65,576                54,785                65,576              219,169               262,336
Net income                                       $               6,248  $             6,686  $              7,060  $              6,686  $              6,826  $            26,700  $             30,695
"""
    header = {h.text: h.cols for h in read_fixed_width(text).tables[0].header}
    assert header["Three Months Ended"] == (0, 4) and header["Year Ended"] == (5, 6)
    for titles in ("                  Twelve Months Ended                 Three Months Ended",
                   "                               Twelve Months Ended                 Three Months Ended"):
        text = titles + """
                  Dec. 31, 2024      Dec. 31, 2023      Dec. 31, 2024     Sept. 30, 2024
Total revenue           262,336            219,169             65,576             64,785
Net income               26,700             20,695              6,248              6,186
"""
        header = {h.text: h.cols for h in read_fixed_width(text).tables[0].header}
        assert header["Twelve Months Ended"] == (0, 1) and header["Three Months Ended"] == (2, 3), titles
    # runs the dates make that no title fits are no groups: a bank's quarter beside last year's and the
    # sequential quarter ("Dec. 31, 2024 | Dec. 31, 2023 | Sept. 30, 2024") under "Three Months Ended", the
    # year beside it; and a year's columns printed oldest first ("Dec. 31, 2023 | Dec. 31, 2024")
    text = """\
                                                                  Three Months Ended                      Year Ended
                                                   Dec. 31, 2024      Dec. 31, 2023     Sept. 30, 2024      Dec. 31, 2024
Net income                                                 6,248              6,186              6,010             26,700
"""
    head = "Acme Bancorp Reports Fourth Quarter 2024 Results\n\nBOSTON, Feb. 11, 2025 -- Acme Bancorp today reported results.\n\n"
    income = {p: v for (c, p), v in _fixed_facts(head + "(in thousands)\n" + text).items() if c == "us-gaap:NetIncomeLoss"}
    assert income.get("2023-10-01..2023-12-31") == Decimal("6186000") and "2023-01-01..2023-12-31" not in income
    assert income.get("2024-01-01..2024-12-31") == Decimal("26700000")
    text = """\
                                     Three Months Ended            Year Ended
                                     Dec. 31, 2024      Dec. 31, 2023      Dec. 31, 2024
Net income                                   6,248             20,695             26,700
"""
    header = {h.text: h.cols for h in read_fixed_width(text).tables[0].header}
    assert header["Three Months Ended"] == (0, 0) and header["Year Ended"] == (1, 2)


def test_a_footnotes_mark_printed_against_a_figure_leaves_the_figure_read():
    # "4,495*" and "9,995(1)" (a mark set in the figure's own size, no space between): the row was not read at
    # all, every period of it lost
    text = """\
                                        Three Months Ended December 31,
                                             2024          2023
Total revenue                              70,147        43,937
Net income*                                4,495*         8,556
Operating income                         9,995(1)         7,471
"""
    rows = {r.label: [(c.col, c.text) for c in r.cells] for r in read_fixed_width(text).tables[0].rows}
    assert rows["Net income*"] == [(0, "4,495"), (1, "8,556")]
    assert rows["Operating income"] == [(0, "9,995"), (1, "7,471")]


def test_rows_under_a_scale_note_of_their_own_are_no_continuation_of_the_table_above():
    # "SUPPLEMENTAL INFORMATION" / "(Dollars in millions)" between the income statement (in thousands) and rows
    # with no header of their own, on the next page or the same: the rows were read as the statement's, and
    # depreciation of $12.5 million was written as $12,500
    statement = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, Feb. 11, 2025 -- Acme Corp today reported results.

                         CONSOLIDATED STATEMENTS OF OPERATIONS
                                   (in thousands)
                                                       Three Months Ended December 31,
                                                           2024              2023
Total revenue                                            70,147            43,937
Net income                                                6,695             4,871

                              SUPPLEMENTAL INFORMATION
                               (Dollars in millions)
                                    (unaudited)
"""
    rows = """Depreciation and amortization                               12.5              10.1
Capital expenditures                                        20.4              18.3
"""
    for turn in ("\fAcme Corp\n", ""):
        facts = _fixed_facts(statement + turn + rows)
        assert not [c for c, _p in facts if "Depreciation" in c or "PropertyPlant" in c], (turn, facts)
        assert facts[("us-gaap:NetIncomeLoss", "2024-10-01..2024-12-31")] == Decimal("6695000")


def test_a_weekly_calendars_quarters_are_grouped_by_their_dates_too():
    # a retailer's five 13-week quarters under one title beside its 52 weeks: the dates lie a quarter apart to
    # within days, not whole months; by nearness the fifth quarter was the 52 weeks ended February 3, 2024
    text = """Acme Corp Reports Fourth Quarter 2024 Results

BOSTON, Mar. 11, 2025 -- Acme Corp today reported results.

(in thousands)
                                                                        13 Weeks Ended                               52 Weeks Ended
                                           Feb. 1, 2025   Nov. 2, 2024   Aug. 3, 2024    May 4, 2024   Feb. 3, 2024   Feb. 1, 2025
Net income                                      301,014        302,015        303,016        304,017        305,018        306,019
"""
    income = {p: v for (c, p), v in _fixed_facts(text).items() if c == "us-gaap:NetIncomeLoss"}
    assert income.get("2023-11-05..2024-02-03") == Decimal("305018000")
    assert "2023-02-05..2024-02-03" not in income
