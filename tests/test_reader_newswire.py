"""Newswire text layouts: tables printed one cell per line, and tables squashed onto one line. Synthetic
snippets, one mechanism each, plus the engine pieces these layouts lean on."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.engine.column_period import split_row_period
from converter.engine.columns import resolve_columns
from converter.engine.release_calendar import Calendar
from converter.engine.numbers import parse_figure
from converter.engine.scale import find_scale
from converter.engine.row_signs import row_sign
from converter.model import Table
from converter.pipeline import convert_text
from converter.readers.detect import detect_layout, read_document
from converter.readers.headers import header_cells
from converter.readers.squashed import read_squashed_line, tokens
from converter.rulebook.match import normalize_label


def _cells(*lines: str) -> str:
    """A one-cell-per-line document: every cell on its own line, blank lines between."""
    return "\n\n".join(lines) + "\n"


def _tables(text: str) -> list[Table]:
    return read_document(text, "cells").tables


def _rows(table: Table) -> dict[str, list[str]]:
    return {r.label: [c.text for c in r.cells] for r in table.rows}


INCOME = _cells(
    "ACME CORP", "CONDENSED STATEMENTS OF OPERATIONS",
    "Three Months Ended", "September 30,", "2024", "2023",
    "Revenues", "$", "1,200", "$", "1,000",
    "Net loss", "$", "(300", ")", "$", "(250", ")",
    "Basic", "(0.30", ")", "(0.25", ")",
    "The accompanying notes are an integral part of these statements.")


# ------------------------------------------------------------------------------------------ one cell per line

def test_a_label_takes_the_figures_after_it_and_split_parentheses_join():
    [t] = _tables(INCOME)
    assert t.ncols == 2
    rows = _rows(t)
    assert rows["Revenues"] == ["1,200", "1,000"]
    assert rows["Net loss"] == ["(300)", "(250)"]
    assert t.caption[-1] == "CONDENSED STATEMENTS OF OPERATIONS"
    assert [h.text for h in t.header] == ["Three Months Ended", "September 30,", "2024", "2023"]


def test_column_count_is_the_commonest_group_and_overflow_goes_to_a_label_printed_after_it():
    text = _cells(
        "BALANCE SHEETS", "December 31,", "2024", "2023",
        "NON-CURRENT LIABILITIES:", "-", "59",            # figures after a heading: their label comes next
        "Long-term lease liability",
        "Promissory note", "977", "-",
        "TOTAL NON-CURRENT LIABILITIES", "$", "4,083", "$", "59", "$", "7,666", "$", "2,255",
        "TOTAL LIABILITIES",                                # owns the second row of the group above
        "COMMITMENTS AND CONTINGENCIES",
        "Equity", "10", "20",
        "The accompanying notes are an integral part of these statements.")
    [t] = _tables(text)
    rows = _rows(t)
    assert t.ncols == 2
    assert rows["Long-term lease liability"] == ["-", "59"]
    assert rows["Promissory note"] == ["977", "-"]
    assert rows["TOTAL NON-CURRENT LIABILITIES"] == ["4,083", "59"]
    assert rows["TOTAL LIABILITIES"] == ["7,666", "2,255"]
    assert rows["COMMITMENTS AND CONTINGENCIES"] == []


def test_labels_of_several_rows_then_figures_of_several_rows_are_paired_with_none():
    """A reader that gave labels and figures in runs (Intel's balance sheet as pdftotext -raw prints it): two
    labels, then two rows of figures. By place, the first label would take the first row; by the rule that a
    row's figures follow its label, the second would, the first being a heading. Each is right in some
    releases and wrong in others, so neither label gets figures."""
    text = _cells(
        "BALANCE SHEETS", "Apr 1, 2023", "Dec 31, 2022",
        "Other long-term liabilities", "4,840", "5,182",
        "Common stock and capital in excess of par value",
        "Accumulated other comprehensive income (loss)",
        "32,829", "31,580", "(419)", "(562)",
        "Total stockholders' equity", "100,403", "103,286",
        "The accompanying notes are an integral part of these statements.")
    [t] = _tables(text)
    rows = _rows(t)
    assert rows["Other long-term liabilities"] == ["4,840", "5,182"]
    assert rows["Total stockholders' equity"] == ["100,403", "103,286"]
    assert not rows.get("Common stock and capital in excess of par value")
    assert not rows.get("Accumulated other comprehensive income (loss)")


def test_labels_in_a_run_under_a_heading_are_paired_with_none_too():
    # Adobe's balance sheet as pdftotext prints WeasyPrint's copy: "Current assets:" above the run of labels,
    # the cash line's figures printed after the next label; the heading used to let the last label take the
    # first row ("Short-term investments | 4,072", which is the cash)
    text = _cells(
        "BALANCE SHEETS", "March 3, 2023", "December 2, 2022",
        "ASSETS", "Current assets:", "Cash and cash equivalents", "$", "Short-term investments",
        "4,072", "$", "4,236", "1,581", "1,860",
        "Total current assets", "8,342", "8,996",
        "The accompanying notes are an integral part of these statements.")
    rows = _rows(_tables(text)[0])
    assert not rows.get("Short-term investments") and not rows.get("Cash and cash equivalents")
    assert rows["Total current assets"] == ["8,342", "8,996"]


def test_more_overflow_rows_than_labels_waiting_for_them_go_to_none():
    # Intel's cash flow in reading order: one label before a group of three rows, then two labels with no
    # figures of their own before the next; three rows for two labels is no pairing at all
    text = _cells(
        "CASH FLOWS", "Apr 1, 2023", "Apr 2, 2022",
        "Cash and cash equivalents, beginning of period", "Operating activities:",
        "Net income (loss)", "11,144", "4,827", "(2,768)", "8,113", "1,901", "2,847", "739", "707",
        "Adjustments to reconcile net income to net cash provided by operating activities:",
        "Depreciation", "Share-based compensation", "Restructuring and other charges", "55", "17",
        "Amortization of intangibles", "465", "501",
        "The accompanying notes are an integral part of these statements.")
    rows = _rows(_tables(text)[0])
    assert not rows.get("Depreciation") and not rows.get("Share-based compensation")
    assert rows["Restructuring and other charges"] == ["55", "17"]


def test_a_figure_group_that_is_no_whole_number_of_rows_gives_no_row():
    # a date of the header printed among the figures cuts a group short: the rest is one figure too many for
    # whole rows, so the label before it takes none of it (it took the first two, and the next label the rest)
    text = _cells(
        "CASH FLOWS", "Apr 1, 2023", "Apr 2, 2022",
        "Revenue", "100", "90",
        "Net income (loss)", "4,827", "(2,768)", "8,113",
        "Depreciation", "1,901", "2,847",
        "Amortization of intangibles", "465", "501",
        "The accompanying notes are an integral part of these statements.")
    rows = _rows(_tables(text)[0])
    assert not rows.get("Net income (loss)")
    assert rows["Depreciation"] == ["1,901", "2,847"]


def test_a_result_line_left_without_figures_leaves_the_next_labels_figures_unpaired():
    # Intel's income statement in reading order: "Operating income (loss)" with its figures printed after the
    # next label; a result line heads no section, so the figures may be either line's
    text = _cells(
        "INCOME", "Apr 1, 2023", "Apr 2, 2022",
        "Operating expenses", "5,476", "4,903",
        "Operating income (loss)", "Restructuring and other charges", "(1,468)", "4,341",
        "Interest and other, net", "141", "997",
        "The accompanying notes are an integral part of these statements.")
    rows = _rows(_tables(text)[0])
    assert not rows.get("Restructuring and other charges") and not rows.get("Operating income (loss)")
    assert rows["Interest and other, net"] == ["141", "997"]
    # a heading without a colon still titles the row under it
    text = text.replace("Operating income (loss)", "Operating expenses and other")
    assert _rows(_tables(text)[0])["Restructuring and other charges"] == ["(1,468)", "4,341"]


def test_wrapped_closing_label_claims_the_last_orphan_row():
    text = _cells(
        "BALANCE SHEETS", "December 31,", "2024", "2023",
        "Cash", "1", "2",
        "TOTAL EQUITY", "5", "6", "$", "3,087", "$", "5,256",
        "TOTAL LIABILITIES, REDEEMABLE CONVERTIBLE",
        "PREFERRED SHARES AND EQUITY",
        "The accompanying notes are an integral part of these statements.")
    [t] = _tables(text)
    assert _rows(t)["TOTAL LIABILITIES, REDEEMABLE CONVERTIBLE PREFERRED SHARES AND EQUITY"] == ["3,087", "5,256"]


def test_wrapped_label_with_an_open_parenthesis_is_one_label():
    text = _cells(
        "BALANCE SHEETS", "December 31,", "2024", "2023",
        "Ordinary shares ($0.0001 par value; 200,000,000 shares authorized;",
        "11,180,031 shares issued and outstanding)", "1", "1",
        "Additional paid-in capital", "37,003", "11,335",
        "The accompanying notes are an integral part of these statements.")
    [t] = _tables(text)
    assert [r.label for r in t.rows][0].endswith("issued and outstanding)")


def test_header_rows_of_leaves_get_their_columns_and_change_columns_are_skipped():
    text = _cells(
        "Statement of Operations", "Year Ended June 30,",
        "2024", "2023", "2022", "2024 to 2023", "2023 to 2022",
        "USD", "USD", "USD", "% Change", "% Change",
        "Revenue", "13,968", "7,874", "6,988", "77.4", "12.7",
        "Net (loss) income", "(15,602)", "(3,213)", "92", "385.6", "(3,566.5)",
        "Some closing sentence that ends the table here.")
    [t] = _tables(text)
    cols = resolve_columns(t, Calendar())
    assert [c.end for c in cols[:3]] == [date(2024, 6, 30), date(2023, 6, 30), date(2022, 6, 30)]
    assert cols[0].length.months == 12
    assert cols[3].skip and cols[4].skip


def test_a_heading_that_continues_the_row_above_keeps_it_in_the_section():
    text = _cells(
        "STATEMENTS OF OPERATIONS", "Nine months ended", "September 30,", "2024", "2023",
        "NET LOSS", "14,772", "3,428",
        "Attributable to:",
        "Equity holders of the Company", "14,696", "3,214",
        "Non-controlling interests", "76", "214",
        "The accompanying notes are an integral part of these statements.")
    [t] = _tables(text)
    holders = next(r for r in t.rows if r.label == "Equity holders of the Company")
    assert holders.section == ("NET LOSS Attributable to:",)


def test_net_cash_line_closes_the_working_capital_heading():
    text = _cells(
        "STATEMENTS OF CASH FLOWS", "Nine Months Ended September 30,", "2024", "2023",
        "Changes in operating assets and liabilities:",
        "Accounts receivable", "(30)", "(31)",
        "Net cash used in operating activities", "(1,551)", "(980)",
        "Some closing sentence that ends the table here.")
    [t] = _tables(text)
    rows = {r.label: r for r in t.rows}
    assert rows["Accounts receivable"].section == ("Changes in operating assets and liabilities:",)
    assert rows["Net cash used in operating activities"].section == ()


def test_a_scale_note_line_is_a_caption_and_never_a_paragraph():
    text = _cells(
        "Key metrics:", "(in thousands)", "Three Months Ended", "September 30,", "2024", "2023",
        "Revenues", "1,200", "1,000", "Some closing sentence that ends the table here.")
    doc = read_document(text, "cells")
    assert "(in thousands)" in doc.tables[0].caption
    assert not any("thousands" in p.text for p in doc.paragraphs)


def test_a_lone_period_line_before_prose_is_its_heading():
    text = _cells(
        "Fourth Quarter 2024 Highlights", "Net income of $36.3 million for the fourth quarter of 2024.",
        "Full Year 2024", "Net cash provided by operating activities was $446.3 million.")
    doc = read_document(text, "cells")
    assert [p.text for p in doc.paragraphs][2] == "Full Year 2024"
    facts = convert_text(text, layout="cells").facts
    assert [(f.concept, f.period.start) for f in facts if "Operating" in f.concept] == \
        [("us-gaap:NetCashProvidedByUsedInOperatingActivities", date(2024, 1, 1))]


# ---------------------------------------------------------------------------------------- squashed onto a line

ALIGNED = ("  Financial Summary  For Quarter Ending September 30, 2024      BALANCE SHEET September 30,        "
           "2024 2023  ASSETS        Cash & Cash Equivalents  $                 34,778,590  $                 "
           "52,443,464    Other Assets                     15,465,927                     14,601,831    "
           "Book Value - Basic (CVB - Bank)  $      20.94  $      18.93      STATEMENT OF INCOME AND EXPENSE  "
           "          September 30,        2024 2023    Total Interest Income  $     13,231,101  $     11,791,972"
           "    Net Income - Quarter  $     1,127,388  $     991,297")


def test_aligned_columns_squashed_onto_a_line_split_at_runs_of_spaces():
    blocks = read_squashed_line(ALIGNED, 0, [], [])
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 2                         # a second year run after rows starts a new table
    bs, inc = tables
    assert bs.caption == ["BALANCE SHEET"]
    assert [h.text for h in bs.header] == ["September 30,", "2024", "2023"]
    assert _rows(bs)["Cash & Cash Equivalents"] == ["34,778,590", "52,443,464"]
    assert _rows(bs)["Book Value - Basic (CVB - Bank)"] == ["20.94", "18.93"]   # spaced dashes are text
    assert _rows(inc)["Net Income - Quarter"] == ["1,127,388", "991,297"]
    assert inc.caption == ["STATEMENT OF INCOME AND EXPENSE"]


GLUED = ("ASSETS Current assets: Cash and cash equivalents$ 22,042,638$ 30,125,944 Taxes receivable671,866 "
         "734,630 Total current assets 39,146,005 45,066,481 Shareholders' equity: Preferred stock: $0.00001 "
         "par value; 20,000,000 shares authorized --Common stock: $0.00001 par value; 140,660,454 and "
         "129,242,993 shares issued and outstanding, respectively$ 1,406$ 1,292 Stock payable -5,711,807 "
         "Subscription receivable (41,399) -Additional paid-in capital 72,683,110 50,313,125 Total "
         "shareholders' equity of GMGI 123,543,879 105,072,994Noncontrolling interests 3,551,216 3,877,586")


def test_glued_cells_are_cut_and_numbers_inside_labels_stay_there():
    [t] = [b for b in read_squashed_line(GLUED, 0, ["Balance Sheets"],
                                         ["As of September 30, 2025", "As of December 31, 2024"])
           if isinstance(b, Table)]
    rows = _rows(t)
    assert t.ncols == 2
    assert rows["Taxes receivable"] == ["671,866", "734,630"]
    assert rows["Cash and cash equivalents"] == ["22,042,638", "30,125,944"]
    assert rows["Preferred stock: $0.00001 par value; 20,000,000 shares authorized"] == ["-", "-"]
    assert rows["Common stock: $0.00001 par value; 140,660,454 and 129,242,993 shares issued and outstanding, "
                "respectively"] == ["1,406", "1,292"]
    assert rows["Stock payable"] == ["-", "5,711,807"]            # a dash glued to the next figure
    assert rows["Subscription receivable"] == ["(41,399)", "-"]   # a dash glued to the next label
    assert rows["Noncontrolling interests"] == ["3,551,216", "3,877,586"]
    cash = next(r for r in t.rows if r.label == "Cash and cash equivalents")
    assert cash.section == ("Current assets:",)


def test_glued_figures_split_only_where_comma_grouping_forces_it():
    texts = [t.text for t in tokens("+Stock-based compensation546,4151,614,751 3,003,054 x128,156314,555")]
    assert texts[-6:-3] == ["546,415", "1,614,751", "3,003,054"]
    assert texts[-2:] == ["128,156", "314,555"]
    assert [t.text for t in tokens("Total 1234,56")][-1] == "1234,56"   # no reading: left alone


def test_a_lowercase_heading_word_then_a_capital_starts_a_label():
    line = ("2025 2024 Revenues$ 47,316,308$ 40,992,329 Operating expenses Selling, general and administrative "
            "expenses26,774,044 23,379,550 Less: Net income (loss) attributable to noncontrolling interest "
            "(152,212)109,935 Net income (loss) per ordinary share attributable to GMGI: Basic $ 0.00$ (0.03)")
    [t] = [b for b in read_squashed_line(line, 0, [], ["Three Months Ended September 30,"]) if isinstance(b, Table)]
    rows = _rows(t)
    assert rows["Selling, general and administrative expenses"] == ["26,774,044", "23,379,550"]
    assert rows["Less: Net income (loss) attributable to noncontrolling interest"] == ["(152,212)", "109,935"]
    assert rows["Basic"] == ["0.00", "(0.03)"]
    assert rows["Operating expenses"] == []


def test_a_change_word_before_the_years_covers_the_columns_after_them():
    cells = header_cells(["Three Months Ended", "September 30,", "Change", "2024", "2023", "$", "%"], 4)
    assert [(h.text, h.cols) for h in cells][3:] == [("2024", (0, 0)), ("2023", (1, 1)), ("$", (2, 2)),
                                                    ("%", (3, 3))]
    assert cells[2].cols is None


# --------------------------------------------------------------------------------------------- detection

def test_layouts_are_detected_and_text_layouts_keep_their_readers():
    assert detect_layout(INCOME) == "cells"
    assert detect_layout("Title\n\n" + ALIGNED + "\n") == "squashed"
    pdf_order = "\n".join(["Revenues", "Net loss", "Basic", "2024 2023", "1,200 1,000", "(300) (250)",
                           "(0.30) (0.25)"] * 5)
    assert detect_layout(pdf_order) not in ("cells", "squashed")


# ------------------------------------------------------------------------------------ engine pieces they use

def test_a_row_may_name_its_own_period():
    assert split_row_period("Net Income - Quarter") == ("Net Income", "quarter")
    assert split_row_period("Earnings Per Share (Basic) - YTD") == ("Earnings Per Share (Basic)", "ytd")
    assert split_row_period("Net income") == ("Net income", None)


def test_a_loss_printed_unsigned_under_a_loss_only_label_is_negative():
    figs = [parse_figure("14,772"), parse_figure("3,428")]
    assert row_sign("loss", figs, "NET LOSS")[0] == -1
    assert row_sign("loss", figs, "LOSS BEFORE INCOME TAX")[0] == -1
    assert row_sign("loss", figs, "Equity holders of the Company NET LOSS Attributable to:")[0] == -1
    assert row_sign("loss", figs, "Net income (loss)")[0] == 1
    assert row_sign("loss", [parse_figure("(300)"), parse_figure("25")], "Net loss")[0] == 1


def test_remarks_on_included_amounts_are_not_part_of_a_label():
    assert normalize_label("Financial expenses (income), (including $(47) and $40 from related party)") == \
        "financial expenses (income)"
    assert normalize_label("Net loss (including noncontrolling interests)") == \
        "net loss (including noncontrolling interests)"


def test_a_note_that_names_dollars_scales_money_only():
    assert find_scale(["U.S. dollars in thousands"]).shares_power == 0
    assert find_scale(["(in thousands, except per share amounts)"]).shares_power == 3


def test_end_to_end_one_cell_per_line():
    result = convert_text(INCOME, "synthetic.txt", layout="cells", issuer="none")
    got = {(f.concept, str(f.period)): f.value for f in result.facts}
    assert got[("us-gaap:Revenues", "2024-07-01..2024-09-30")] == Decimal(1200)
    assert got[("us-gaap:NetIncomeLoss", "2023-07-01..2023-09-30")] == Decimal(-250)


def test_a_column_without_a_length_takes_the_one_the_release_leaves_standing():
    from converter.engine.dates import Length
    from converter.engine.lengths import Unresolved, infer_lengths
    from converter.model import Fact, Period
    quarter = Fact("us-gaap:NetIncomeLoss", Period(date(2024, 9, 30), date(2024, 7, 1)), Decimal(1127388), "USD", 0)
    ytd = Fact("us-gaap:NetIncomeLoss", Period(date(2024, 9, 30), date(2024, 1, 1)), Decimal(3093167), "USD", 0)
    pending = [Unresolved(7, 0, "us-gaap:NetIncomeLoss", date(2024, 9, 30), Decimal(3093167))]
    assert infer_lengths(pending, [quarter], Calendar()) == {7: {0: Length(months=9)}}   # not the quarter
    assert infer_lengths(pending, [ytd], Calendar()) == {7: {0: Length(months=9)}}       # the year to date
    assert infer_lengths(pending, [], Calendar()) == {}                                  # no evidence
    other = Fact("us-gaap:NetIncomeLoss", Period(date(2024, 9, 30), date(2024, 1, 1)), Decimal(1), "USD", 0)
    assert infer_lengths(pending, [quarter, other], Calendar()) == {}                    # both ruled out
    # the release states the quarter's line twice, once agreeing, once not (a part's line read as the whole):
    # the quarter is neither shown nor ruled out, and the year to date is not left standing by default
    same = Fact("us-gaap:NetIncomeLoss", Period(date(2024, 9, 30), date(2024, 7, 1)), Decimal(3093167), "USD", 0)
    assert infer_lengths(pending, [quarter, same], Calendar()) == {}
    # nor is another column of that table settled by elimination: the table is misread
    revenue = Fact("us-gaap:Revenues", Period(date(2024, 9, 30), date(2024, 7, 1)), Decimal(5000000), "USD", 0)
    beside = Unresolved(7, 1, "us-gaap:Revenues", date(2024, 9, 30), Decimal(14000000))
    assert infer_lengths([beside], [quarter, same, revenue], Calendar()) == {7: {1: Length(months=9)}}
    assert infer_lengths([beside, pending[0]], [quarter, same, revenue], Calendar()) == {}


def test_a_label_that_ends_like_a_sentence_keeps_its_figures():
    text = _cells(
        "BALANCE SHEETS", "December 31,", "2024", "2023",
        "Cash", "1", "2",
        "Accounts receivable, net of allowances of $13 and $23, respectively.", "114", "92",
        "Total assets", "10", "20",
        "The accompanying notes are an integral part of these statements.")
    [t] = _tables(text)
    assert _rows(t)["Accounts receivable, net of allowances of $13 and $23, respectively."] == ["114", "92"]
    assert _rows(t)["Total assets"] == ["10", "20"]


def test_years_printed_in_a_row_inside_a_squashed_header_are_its_leaves():
    line = ("Three Months Ended September 30, 2024 2023 Nine Months Ended September 30, 2024 2023 Revenues "
            "$ 1,200 $ 1,000 $ 3,600 $ 3,000 Net loss (300) (250) (900) -12.0%Other 1 2 3 4")
    [t] = [b for b in read_squashed_line(line, 0, [], []) if isinstance(b, Table)]
    cols = resolve_columns(t, Calendar())
    assert [(c.end.year, c.length.months) for c in cols] == [(2024, 3), (2023, 3), (2024, 9), (2023, 9)]
    assert _rows(t)["Revenues"] == ["1,200", "1,000", "3,600", "3,000"]
    assert _rows(t)["Other"] == ["1", "2", "3", "4"]


def test_a_squashed_header_with_titles_units_and_change_columns():
    line = ("Statement of Operations (Unaudited) Year Ended June 30, 2024 2023 2022 2024 to 2023 2023 to 2022 "
            "U.S. dollars in thousands USD USD USD % Change % Change Revenue 13,968 7,874 6,988 77.4 12.7 "
            "Gross profit 2,538 1,094 1,935 131.8 (43.4) Treasury stock, 641,963 shares repurchased as of "
            "June 30, 2024 (1,199) (1,199) (1,199) - -")
    [t] = [b for b in read_squashed_line(line, 0, [], []) if isinstance(b, Table)]
    assert t.caption == ["Statement of Operations (Unaudited)", "U.S. dollars in thousands"]
    assert "Year Ended June 30," in [h.text for h in t.header]
    assert _rows(t)["Revenue"] == ["13,968", "7,874", "6,988", "77.4", "12.7"]
    assert "Treasury stock, 641,963 shares repurchased as of June 30, 2024" in _rows(t)
    cols = resolve_columns(t, Calendar())
    assert [c.end.year for c in cols[:3]] == [2024, 2023, 2022] and cols[3].skip and cols[4].skip


def test_a_tables_scale_note_reaches_past_a_footnote_but_not_past_a_passage_of_prose():
    footnote = "(1) " + "This footnote explains a line of the table above in some detail. " * 4
    def release(paragraphs):
        return _cells("Key metrics", "(in thousands)", "Three Months Ended", "September 30,", "2024", "2023",
                      "Total revenues", "1,200", "1,000", *paragraphs,
                      "STATEMENTS OF OPERATIONS", "Three Months Ended", "September 30,", "2024", "2023",
                      "Net loss", "(300)", "(250)", "Closing sentence of the release, as prose.")
    def net_loss(paragraphs, text=None):
        facts = convert_text(text or release(paragraphs), "s.txt", layout="cells", issuer="none").facts
        return next((f.value for f in facts if f.concept == "us-gaap:NetIncomeLoss" and f.period.end.year == 2024),
                    None)
    assert net_loss([footnote]) == Decimal(-300000)
    # past the prose the note does not reach: the statement states no scale, and (300) may be dollars or the
    # key metrics' thousands, so it is withheld (facts/unstated_scale.py) ...
    passage = [footnote, footnote.replace("(1)", "(2)")]
    assert net_loss(passage) is None
    # ... unless it prints what only whole dollars print
    whole = release(passage).replace("(300)", "(3,001,250)").replace("(250)", "(2,500,125)")
    assert net_loss(passage, whole) == Decimal(-3001250)


def test_a_cell_per_line_release_with_a_row_printed_on_one_line_is_still_cells():
    text = INCOME.replace("Basic\n\n(0.30\n\n)\n\n(0.25\n\n)", "Basic\n\n(0.30) (0.25)").replace(
        "Revenues\n", "Product revenue\n\n700\n\n600\n\nService revenue\n\n500\n\n400\n\nRevenues\n")
    assert "(0.30) (0.25)" in text
    assert detect_layout(text) == "cells"
    [t] = _tables(text)
    assert _rows(t)["Basic"] == ["(0.30)", "(0.25)"]


def test_a_label_in_capitals_ending_like_a_sentence_keeps_its_figures_past_a_dollar_line():
    text = _cells(
        "ACME HOTELS, INC.", "STATEMENTS OF INCOME", "(In millions)",
        "Three Months Ended March 31,", "2025", "2024",
        "NET INCOME", "$", "99", "$", "69",
        "NET INCOME ATTRIBUTABLE TO NONCONTROLLING INTERESTS", "(1", ")", "(1", ")",
        "NET INCOME ATTRIBUTABLE TO ACME HOTELS & RESORTS, INC.", "$", "98", "$", "68",
        "WEIGHTED-AVERAGE SHARES OUTSTANDING (in millions):", "Basic", "98.4", "101.2")
    [table] = _tables(text)
    rows = _rows(table)
    assert rows["NET INCOME ATTRIBUTABLE TO ACME HOTELS & RESORTS, INC."] == ["98", "68"]
    # a scale note that ends with a colon inside a table is a heading over the rows below it
    assert [r.section for r in table.rows if r.label == "Basic"] == [("WEIGHTED-AVERAGE SHARES OUTSTANDING (in millions):",)]


def test_a_year_glued_to_the_last_date_of_a_run_together_header_is_that_columns_year():
    from converter.pipeline import convert_text
    line = ("ACME ROBOTICS, INC.CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS(In millions)(Unaudited)Three Months "
            "Ended March 31, Six Months Ended March 31,2025 2024 2025 2024Total revenues 1,050 1,011 2,071 1,980Cost "
            "of revenues 610 598 1,207 1,175Gross profit 440 413 864 805Operating income 170 152 329 286Net income "
            "$ 131 $ 117 $ 254 $ 220")
    text = "SAN JOSE, Calif., April 24, 2025 -- Acme Robotics reported results.\n\n" + line + "\n"
    result = convert_text(text, issuer="none", layout="squashed")
    revenue = {str(f.period): f.value for f in result.facts if f.concept == "us-gaap:Revenues"}
    assert revenue == {"2025-01-01..2025-03-31": 1050000000, "2024-01-01..2024-03-31": 1011000000,
                       "2024-10-01..2025-03-31": 2071000000, "2023-10-01..2024-03-31": 1980000000}


def test_a_sentence_a_cells_copy_wrapped_is_one_paragraph():
    # a copy that wraps its prose: "$160.6" at a line's end and "million, ..." on the next were two
    # paragraphs, and the first stated net cash from operations of $160.60
    text = """Acme Corp Reports Fourth Quarter and Full Year 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results for the fourth quarter and full year ended December 31, 2024.

Operating Cash Flow: Net cash provided by operating activities was $160.6
million for the full year 2024, compared to $86.2 million in 2023.

Revenue
2024
2023
Subscription
1,200
1,000
"""
    doc = read_document(text, layout="cells")
    assert any(p.text.endswith("was $160.6 million for the full year 2024, compared to $86.2 million in 2023.")
               for p in doc.paragraphs)
    result = convert_text(text, issuer="none", layout="cells")
    cash = {str(f.period): f.value for f in result.facts if f.concept.endswith(":NetCashProvidedByUsedInOperatingActivities")}
    assert cash["2024-01-01..2024-12-31"] == Decimal("160600000")


def test_headings_bullets_and_capitalised_brand_names_are_not_wrapped_sentences():
    # the join of a wrapped sentence took any line starting in lower case: a heading and the paragraph a blank
    # line below it ("eBay revenue was ..."), and bullet after bullet, were made one paragraph
    text = """Acme Corp Reports Fourth Quarter and Full Year 2024 Results

BOSTON, February 11, 2025 -- Acme Corp today reported results for the fourth quarter and full year ended December 31, 2024.

Full Year 2024 Results

eBay revenue was $46.2 million, compared to $40.1 million in 2023.

• Full year revenue of $5.0 billion, up 10% from 2023
• iPhone revenue of $1.2 billion
"""
    paragraphs = [p.text for p in read_document(text, layout="cells").paragraphs]
    assert "Full Year 2024 Results" in paragraphs
    assert any(p.startswith("eBay revenue was $46.2 million") for p in paragraphs)
    assert any(p.startswith("iPhone revenue of $1.2 billion") for p in paragraphs)
    # and the heading dates the paragraph under it, whose first word is a name in lower case
    alone = text.split("\n\u2022")[0]
    revenue = {str(f.period): f.value for f in convert_text(alone, issuer="none", layout="cells").facts
               if f.concept == "us-gaap:Revenues" and not f.dims}
    assert revenue["2024-01-01..2024-12-31"] == Decimal("46200000")


def test_bold_title_lines_over_a_table_are_its_caption_and_date_a_weekly_calendars_years():
    """A copy sets the statement's titles on lines of their own with no blank line between ("**ACME**" /
    "**STATEMENTS OF CONSOLIDATED INCOME**" / "**For the Three Months and Twelve Months Ended October 27, 2024 and
    October 29, 2023**"): read as one long paragraph they were no caption, and the columns headed by bare years
    had no day; the whole statement was unread. Each year takes the date the title prints in it."""
    from converter.pipeline import convert_text
    text = """Acme Reports Fourth Quarter Results

MOLINE, Ill., Nov. 21, 2024 (BUSINESS WIRE) -- Acme today reported results.

**ACME & COMPANY**
**STATEMENTS OF CONSOLIDATED INCOME**
**For the Three Months and Twelve Months Ended October 27, 2024 and October 29, 2023**
(In millions of dollars) Unaudited

| | Three Months Ended | | Twelve Months Ended | |
|---|---|---|---|---|
| | 2024 | 2023 | 2024 | 2023 |
| Net sales | 9,325 | 13,801 | 44,759 | 55,565 |
"""
    revenue = {str(f.period): f.value for f in convert_text(text, issuer="none").facts
               if f.concept == "us-gaap:Revenues"}
    assert revenue["2024-07-29..2024-10-27"] == 9325000000
    assert revenue["2022-10-31..2023-10-29"] == 55565000000
