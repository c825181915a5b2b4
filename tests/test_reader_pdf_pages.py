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
