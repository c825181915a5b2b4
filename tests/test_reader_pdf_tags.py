"""Tagged PDFs: the structure tree's table rows and cells, as evidence for rows whose cells positions put on
different lines. tagged-rows.pdf (tests/data/pdf/src/tagged-rows.html, printed by Chromium) has rows whose
label stands 11 points above its figures (Cost of revenue, Operating income) and rows whose label stands 11
points below them (Gross profit, Operating expenses)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from converter import convert
from converter.readers import pdf_file, pdf_tags
from converter.readers.pdf_file import pdf_text

DATA = Path(__file__).parent / "data"
TAGGED = DATA / "pdf" / "tagged-rows.pdf"
OFFSET_ROWS = ("Cost of revenue", "Gross profit", "Operating expenses", "Operating income")


def _lines(text: str) -> list[list[str]]:
    return [line.split() for line in text.splitlines() if line.strip()]


def _cells_of(path: Path, page: int = 0):
    doc = pdfium.PdfDocument(path.read_bytes())
    try:
        p = doc[page]
        tp = p.get_textpage()
        text = tp.get_text_range()
        return text, pdf_tags.char_cells(p, tp, raw)
    finally:
        doc.close()


def _positions_only(monkeypatch, data: bytes) -> str:
    """The text as it is laid out with no tree read."""
    with monkeypatch.context() as m:
        m.setattr(pdf_tags, "char_cells", lambda page, tp, raw: None)
        return pdf_text(data).text


def test_each_glyph_of_a_tagged_table_is_known_by_its_row_and_cell():
    text, cells = _cells_of(TAGGED)
    assert cells is not None and len(cells) == len(text)

    def cell(word: str):
        at = text.index(word)
        assert len({cells[k] for k in range(at, at + len(word))}) == 1
        return cells[at]

    gross, eight_hundred, seven_twenty = cell("Gross profit"), cell("800"), cell("720")
    assert gross[:2] == eight_hundred[:2] == seven_twenty[:2]            # one row
    assert gross[2] < eight_hundred[2] < seven_twenty[2]                 # its cells, left to right
    assert cell("Operating expenses")[:2] != gross[:2]
    assert cell("Kestrel") is None and cell("unaudited") is None        # paragraphs: in no cell


def test_a_tagged_row_whose_cells_sit_on_different_baselines_is_one_line(monkeypatch):
    data = TAGGED.read_bytes()
    lines = _lines(pdf_text(data).text)
    for label in OFFSET_ROWS:
        row = next(line for line in lines if " ".join(line).startswith(label))
        assert len(row) == len(label.split()) + 2, row                 # the label and its two figures
    # by positions alone, each of those rows is a line of words and a line of figures
    apart = _lines(_positions_only(monkeypatch, data))
    assert ["Gross", "profit"] in apart and ["800", "720"] in apart


def test_a_label_printed_below_its_figures_gets_its_own_figures_not_the_next_rows():
    facts = {(f.concept, str(f.period)): f.value for f in convert(TAGGED, issuer="none").facts}
    assert facts[("us-gaap:GrossProfit", "2024-10-01..2024-12-31")] == Decimal("800000")
    assert facts[("us-gaap:GrossProfit", "2023-10-01..2023-12-31")] == Decimal("720000")
    assert facts[("us-gaap:OperatingExpenses", "2024-10-01..2024-12-31")] == Decimal("500000")
    assert facts[("us-gaap:CostOfRevenue", "2024-10-01..2024-12-31")] == Decimal("400000")


def test_a_word_keeps_its_page_and_box_on_a_row_made_one_line():
    words = pdf_text(TAGGED.read_bytes())
    label, figure = words.box_at(words.text.index("Gross profit")), words.box_at(words.text.index("800"))
    assert label.page == figure.page == 1
    assert label.top - figure.top == pytest.approx(11, abs=2)          # printed 11 points lower, as it was


@pytest.mark.parametrize("path", [DATA / "printed" / "abvc-fy2024.ghostscript.pdf", DATA / "pdf" / "release.pdf"])
def test_an_untagged_pdf_has_no_cells_and_reads_as_before(monkeypatch, path):
    assert _cells_of(path)[1] is None
    assert pdf_text(path.read_bytes()).text == _positions_only(monkeypatch, path.read_bytes())


def test_a_tagged_pdf_whose_rows_positions_already_read_reads_as_before(monkeypatch):
    path = DATA / "printed" / "abvc-fy2024.chromium.pdf"
    assert _cells_of(path)[1] is not None
    assert pdf_text(path.read_bytes()).text == _positions_only(monkeypatch, path.read_bytes())


def _spoiled(how: str):
    """char_cells, with the tree made inconsistent in one way."""
    real = pdf_tags.char_cells

    def cells(page, tp, raw_):
        out = real(page, tp, raw_)
        text = tp.get_text_range()
        at = text.index("Gross profit")
        if how == "reversed":        # every row's cells numbered right to left: against the line's order
            return [None if c is None else (c[0], c[1], -c[2]) for c in out]
        if how == "word across cells":
            out[at + 1] = (out[at][0], out[at][1], out[at][2] + 1)
            return out
        if how == "label in the next row":
            row = out[at]
            return [None if c is None else (c[0], c[1] + 1, c[2]) if c == row else c for c in out]
        raise AssertionError(how)
    return cells


@pytest.mark.parametrize("how", ["reversed", "word across cells", "label in the next row"])
def test_an_inconsistent_tree_leaves_the_rows_as_positions_gave_them(monkeypatch, how):
    data = TAGGED.read_bytes()
    before = _positions_only(monkeypatch, data)
    monkeypatch.setattr(pdf_tags, "char_cells", _spoiled(how))
    text = pdf_text(data).text
    lines = _lines(text)
    assert ["Gross", "profit"] in lines and ["800", "720"] in lines
    if how != "label in the next row":
        assert text == before       # the table (or the page) is left to positions


def _word(text: str, x0: float, base: float, cell) -> pdf_file._Word:
    return pdf_file._Word(text, x0, x0 + 6 * len(text), base, base + 9, 9.0, cell=cell)


@pytest.mark.parametrize("case,one_line", [
    ("side by side", True),
    ("over each other", False),     # a word of one line would stand over one of the other
    ("no figure", False),           # a header's cells
    ("label on two lines", False),  # a label wrapped inside its cell: left to positions
    ("caption between", False),     # a line of words in no cell among the row's lines
])
def test_which_rows_are_made_one_line(case, one_line):
    label, figure = (0, 3, 0), (0, 3, 1)
    lines = [(700.0, [_word("Gross", 10, 700, label), _word("profit", 50, 700, label)]),
             (689.0, [_word("800" if case != "no figure" else "Note", 200, 689, figure)])]
    if case == "over each other":
        lines[1] = (689.0, [_word("800", 40, 689, figure)])
    elif case == "label on two lines":
        lines.insert(1, (694.0, [_word("margin", 10, 694, label)]))
    elif case == "caption between":
        lines.insert(1, (694.0, [_word("Continued", 10, 694, None)]))
    out, tops = pdf_tags.tag_rows(lines, pdf_file._FIGURE)
    if one_line:
        assert [[w.text for w in ws] for _b, ws in out] == [["Gross", "profit", "800"]]
        assert out[0][0] == 689.0 and tops == {0: 700.0}   # on the figures' baseline; the gap above from its top
    else:
        assert out == lines and tops == {}
