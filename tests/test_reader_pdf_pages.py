"""A statement a page break splits: its title and header last on one page, its rows on the next under the
title printed again. Each page of a PDF is laid out on a grid of its own, so the header is moved over its
rows before the pages become text (readers/pdf_pages.carry_headers_over)."""
from __future__ import annotations

from decimal import Decimal

from converter.readers.pdf_file import pdf_text

from .test_reader_pdf_file import _facts_of, _pdf, _row, _word_at

_PROSE = "The Company reported results for the fourth quarter of 2024 and the year then ended today."
TITLE = "CONDENSED CONSOLIDATED BALANCE SHEETS"


def _page_one(title: str = TITLE) -> bytes:
    """Prose, then the table's title and its header at the page's foot."""
    prose = b"".join(_word_at(72, 740 - 14 * k, 10, _PROSE) for k in range(20))
    return (prose + _word_at(72, 120, 9, title) + _word_at(72, 108, 9, "(In thousands)")
            + _word_at(318, 96, 9, "December 31,") + _word_at(398, 96, 9, "December 31,")
            + _word_at(338, 84, 9, "2024") + _word_at(418, 84, 9, "2023") + _word_at(72, 72, 9, "ASSETS"))


def _rows(top: float) -> bytes:
    rows = [("Cash and cash equivalents", ("11,746", "4,405")), ("Inventory", ("21,997", "61,401")),
            ("Total current assets", ("33,743", "65,806")), ("Goodwill", ("12,209", "12,209")),
            ("Total assets", ("45,952", "78,015")), ("Accounts payable", ("8,077", "15,685")),
            ("Total liabilities", ("8,077", "15,685")), ("Total stockholders' equity", ("37,875", "62,330")),
            ("Total liabilities and stockholders' equity", ("45,952", "78,015"))]
    return b"".join(_row(top - 12 * k, label, figures) for k, (label, figures) in enumerate(rows))


def test_a_header_left_at_a_pages_foot_heads_the_rows_under_the_title_printed_again():
    for again in (TITLE, TITLE + " (continued)"):
        pdf = _pdf([_page_one(), _word_at(72, 760, 9, again) + _rows(740)])
        facts = _facts_of(pdf)
        assert facts[("us-gaap:Assets", "2024-12-31")] == Decimal("45952000"), again
        assert facts[("us-gaap:Assets", "2023-12-31")] == Decimal("78015000")
        assert facts[("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2023-12-31")] == Decimal("4405000")
        text = pdf_text(pdf)
        assert text.text.count(TITLE) == 1      # the title printed again is left out
        header = text.box_at(text.text.index("December"))
        assert header is not None and header.page == 1     # the header keeps the page it was printed on


def test_rows_that_print_a_header_of_their_own_or_follow_another_title_stay_where_they_are():
    own = _word_at(72, 760, 9, TITLE) + _word_at(338, 748, 9, "2024") + _word_at(418, 748, 9, "2023") + _rows(736)
    fiscal = _word_at(72, 760, 9, TITLE) + _word_at(338, 748, 9, "FY24") + _word_at(418, 748, 9, "FY23") + _rows(736)
    other = _word_at(72, 760, 9, "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS") + _rows(740)
    for page_two in (own, fiscal, other):
        text = pdf_text(_pdf([_page_one(), page_two])).text
        first, second = text.split("\f")
        assert "December 31," in first and "December 31," not in second


def test_a_scale_note_under_each_pages_title_is_no_running_line():
    # two statements, a page each, each under its title and "(in thousands)": printed atop both pages, the note
    # was taken for a running header and left out, and the statements were read in whole dollars
    def page(title: str, rows: list[tuple[str, tuple[str, str]]]) -> bytes:
        head = (_word_at(72, 760, 9, title) + _word_at(72, 748, 9, "(in thousands)")
                + _word_at(318, 736, 9, "December 31,") + _word_at(398, 736, 9, "December 31,")
                + _word_at(338, 724, 9, "2024") + _word_at(418, 724, 9, "2023"))
        return head + b"".join(_row(710 - 12 * k, label, figures) for k, (label, figures) in enumerate(rows))
    balance = page("CONDENSED CONSOLIDATED BALANCE SHEETS", [("Cash and cash equivalents", ("56,360", "48,211")),
                                                               ("Total assets", ("198,168", "180,221"))])
    other = page("SELECTED BALANCE SHEET DATA", [("Total liabilities", ("98,168", "90,221")),
                                                 ("Total stockholders' equity", ("100,000", "90,000"))])
    facts = _facts_of(_pdf([balance, other]))
    assert facts[("us-gaap:Assets", "2024-12-31")] == Decimal("198168000")
    assert facts[("us-gaap:Liabilities", "2023-12-31")] == Decimal("90221000")


def test_figures_last_on_a_page_are_not_the_row_of_a_label_wrapped_onto_its_own_figures():
    # an unlabelled total ends a page; the next begins "Cost of revenues, excluding depreciation and" over
    # "amortization shown separately below  27,541  26,971": the label has figures of its own, and the total
    # had been taken for cost of revenue
    head = _word_at(72, 760, 9, "Three Months Ended") + _word_at(340, 748, 9, "2024") + _word_at(420, 748, 9, "2023")
    page1 = head + _row(736, "Product revenue", ("47,459", "45,784")) + _row(724, "Service revenue", ("19,715", "20,000")) \
        + _row(80, "", ("67,174", "65,784"))
    page2 = _row(760, "Cost of revenues, excluding depreciation and", ()) \
        + _row(748, "amortization shown separately below", ("27,541", "26,971")) \
        + _row(736, "Operating income", ("11,004", "10,512"))
    text = pdf_text(_pdf([page1, page2])).text
    assert not any("Cost" in line and "67,174" in line for line in text.splitlines()), text


def test_rows_first_on_a_page_take_the_header_that_ends_the_page_before_after_another_table():
    # the income statement ends, then the cash flow statement's title and header end the page; its rows begin
    # the next, under no title: read on under the income statement, they had taken its quarters
    income = (_word_at(72, 760, 9, "CONDENSED CONSOLIDATED STATEMENTS OF INCOME") + _word_at(72, 748, 9, "(In thousands)")
              + _word_at(298, 736, 9, "Three Months Ended December 31,") + _word_at(338, 724, 9, "2024") + _word_at(418, 724, 9, "2023")
              + _row(710, "Revenue", ("52,418", "48,007")) + _row(698, "Net income", ("6,115", "5,020")))
    foot = (_word_at(72, 140, 9, "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS") + _word_at(72, 128, 9, "(In thousands)")
            + _word_at(318, 116, 9, "Year Ended December 31,") + _word_at(338, 104, 9, "2024") + _word_at(418, 104, 9, "2023"))
    flows = _row(760, "Net cash provided by operating activities", ("49,865", "41,002")) \
        + _row(748, "Purchases of property and equipment", ("(8,114)", "(7,420)"))
    facts = _facts_of(_pdf([income + foot, flows]))
    assert facts[("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2024-01-01..2024-12-31")] == Decimal("49865000")
    assert ("us-gaap:NetCashProvidedByUsedInOperatingActivities", "2024-10-01..2024-12-31") not in facts
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == Decimal("52418000")


def test_a_line_of_periods_atop_every_page_a_table_runs_onto_is_its_header_not_a_running_line():
    # a bank's quarterly table whose heading row of dates Word repeats atop each page: printed atop three of four,
    # it was left out everywhere as a running header, and no page's rows had periods
    dates = b"".join(_word_at(x, 760, 9, d) for x, d in ((318, "Dec. 31, 2024"), (398, "Sept. 30, 2024")))
    page1 = (_word_at(72, 784, 9, "SELECTED BALANCE SHEET DATA") + _word_at(72, 772, 9, "(in thousands)") + dates
             + _row(740, "Total assets", ("528,115", "519,135")) + _row(728, "Total deposits", ("440,892", "433,674")))
    page2 = dates + _row(740, "Total liabilities", ("478,115", "470,135")) + _row(728, "Total equity", ("50,000", "49,000"))
    page3 = dates + _row(740, "Loans, net", ("310,410", "305,990")) + _row(728, "Goodwill", ("12,209", "12,209"))
    page4 = dates + _row(740, "Total borrowings", ("20,410", "19,990")) + _row(728, "Other assets", ("2,209", "2,109"))
    facts = _facts_of(_pdf([page1, page2, page3, page4]))
    assert facts[("us-gaap:Assets", "2024-12-31")] == Decimal("528115000")
    assert facts[("us-gaap:Assets", "2024-09-30")] == Decimal("519135000")
