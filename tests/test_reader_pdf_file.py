"""PDF files read from their text layer: words with their positions laid out as fixed-width text, facts that
say where on which page they were printed, and a one-line error for every PDF that holds nothing to read.
The fixtures in tests/data/pdf are small PDFs written for these tests (release.pdf: a one-page statement)."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import convert
from converter.cli import main
from converter.pipeline import Trace
from converter.readers.pdf_file import pdf_text

PDFS = Path(__file__).parent / "data" / "pdf"


def test_a_pdf_statement_is_laid_out_in_columns_and_read():
    layout = pdf_text((PDFS / "release.pdf").read_bytes()).text
    revenue = next(line for line in layout.splitlines() if line.strip().startswith("Revenue"))
    assert revenue.split() == ["Revenue", "47,459", "45,784"]
    assert "   47,459" in revenue          # a column gap, not a word space
    result = convert(PDFS / "release.pdf", issuer="none")
    facts = {(f.concept, str(f.period)): f.value for f in result.facts}
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == Decimal("47459000")
    assert facts[("us-gaap:NetIncomeLoss", "2023-10-01..2023-12-31")] == Decimal("-69441000")
    assert result.info.layout == "fixed"


def test_explain_says_where_on_which_page_a_figure_was_printed():
    res = CliRunner().invoke(main, ["explain", str(PDFS / "release.pdf"), "--issuer", "none", "--concept", "Revenues"])
    assert res.exit_code == 0, res.output
    assert "printed page 1, x 358-" in res.output


def test_a_glyph_laid_out_below_the_baseline_or_kerned_apart_stays_in_its_word():
    words = pdf_text((PDFS / "release.pdf").read_bytes())
    box = words.box_at(words.text.index("(33,692)"))
    assert box is not None and box.page == 1 and box.x0 == pytest.approx(353, abs=1)


@pytest.mark.parametrize("name,reason", [
    ("scanned.pdf", "has no text layer"),
    ("encrypted.pdf", "is encrypted"),
    ("truncated.pdf", "is damaged"),
    ("zero-pages.pdf", "has no pages"),
    ("dingbats.pdf", "does not hold readable text"),
])
def test_a_pdf_with_nothing_to_read_is_refused_in_one_line_and_nothing_is_written(tmp_path, name, reason):
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["convert", str(PDFS / name), "-o", str(out / "r.json")])
    assert res.exit_code == 3, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("xbrlify: error: ") and reason in lines[0], res.stderr
    assert not out.exists() or not any(out.iterdir())


def test_a_folder_of_pdfs_converts_in_a_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "acme.pdf").write_bytes((PDFS / "release.pdf").read_bytes())
    res = CliRunner().invoke(main, ["convert", "--to", "json", str(src), "-o", str(tmp_path / "out"), "-q"])
    assert res.exit_code in (0, 1), res.output
    facts = json.loads((tmp_path / "out" / "acme.json").read_text())["facts"]
    assert any(f["dimensions"]["concept"] == "us-gaap:Revenues" for f in facts.values())


def test_glyphs_drawn_one_by_one_make_words_by_where_they_stand_not_by_the_breaks_pdfium_adds():
    # Chromium drew each glyph of this page as an object of its own; PDFium puts a generated line break
    # after every one of them, and prints no space between words
    data = (Path(__file__).parent / "data" / "printed" / "freshworks-2024q4.chromium.pdf").read_bytes()
    text = pdf_text(data).text
    assert "RECONCILIATION OF SELECTED GAAP MEASURES" in text
    assert "R E C O N" not in text and "3 1,9 6 1" not in text


def _facts(path: Path) -> dict:
    return {(f.concept, str(f.period)): f.value for f in convert(path, issuer="none").facts}


def test_a_text_filing_printed_in_a_fixed_pitch_font_comes_back_as_it_was_typed():
    # src/typed-release.txt in a <pre>, printed by Chromium: measured by ink, one space between words looked
    # like two and the columns drifted a character in twenty-five, so a sentence was read as a table header
    # and the second quarter's figures were dated to the half year
    import textwrap
    pdf = pdf_text((PDFS / "typed-release.pdf").read_bytes())
    typed = (PDFS / "src" / "typed-release.txt").read_text()
    assert pdf.fixed_pitch
    assert [line.rstrip() for line in textwrap.dedent(pdf.text).strip().splitlines()] == \
        [line.rstrip() for line in typed.strip().splitlines()]
    facts = _facts(PDFS / "typed-release.pdf")
    assert facts[("us-gaap:Revenues", "2001-01-01..2001-06-30")] == Decimal("162518000")
    assert facts[("us-gaap:Revenues", "2000-04-01..2000-06-30")] == Decimal("79105000")
    assert facts[("us-gaap:NetIncomeLoss", "2000-01-01..2000-06-30")] == Decimal("10250000")
    assert facts[("us-gaap:EarningsPerShareDiluted", "2001-01-01..2001-06-30")] == Decimal("0.75")


def test_a_proportional_pdf_is_not_taken_for_typed_text():
    assert not pdf_text((PDFS / "release.pdf").read_bytes()).fixed_pitch
    assert not pdf_text((PDFS / "offset-rows.pdf").read_bytes()).fixed_pitch


def test_a_label_printed_a_fraction_of_a_line_above_its_figures_is_on_their_row():
    # src/offset-rows.html: each label a paragraph in a cell aligned to the top, its figures in a smaller font
    # in cells aligned to the bottom (old EDGAR HTML); printed, the label's baseline sits 5 points above its
    # figures', and each row was read as a heading followed by figures without a label
    facts = _facts(PDFS / "offset-rows.pdf")
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == Decimal("52418000")
    assert facts[("us-gaap:Revenues", "2023-01-01..2023-12-31")] == Decimal("170118000")
    assert facts[("us-gaap:OperatingIncomeLoss", "2023-10-01..2023-12-31")] == Decimal("3582000")
    assert facts[("us-gaap:EarningsPerShareDiluted", "2024-10-01..2024-12-31")] == Decimal("0.21")
    assert sum(1 for concept, _p in facts if not concept.startswith("dei:")) == 28


def _one_page_pdf(content: bytes, font: bytes = b"Helvetica") -> bytes:
    """A one-page PDF with a standard font (no descriptor, so no flags) as /F1 and `content` as its page's
    content stream."""
    return _pdf([content], font)


def _pdf(pages: list[bytes], font: bytes = b"Helvetica", to_unicode: bytes = b"") -> bytes:
    """A PDF of one page per content stream, each with a standard font as /F1 and, when `to_unicode` holds
    lines of a CMap's bfchar/bfrange sections, that font (WinAnsi) mapping its codes to what they say as /F2."""
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (3 + k) for k in range(n))
    fonts = b"/F1 %d 0 R /F2 %d 0 R" % (3 + n, 4 + n)
    objects = [b"<</Type /Catalog /Pages 2 0 R>>", b"<</Type /Pages /Kids [" + kids + b"] /Count %d>>" % n]
    objects += [b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources <</Font <<" + fonts
                + b">>>> /Contents %d 0 R>>" % (6 + n + k) for k in range(n)]
    objects.append(b"<</Type /Font /Subtype /Type1 /BaseFont /" + font + b">>")
    objects.append(b"<</Type /Font /Subtype /Type1 /BaseFont /" + font
                   + b" /Encoding /WinAnsiEncoding /ToUnicode %d 0 R>>" % (5 + n))
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n" + to_unicode
            + b"\nendcmap CMapName currentdict /CMapResource defineresource pop end end")
    objects.append(b"<</Length %d>>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    objects += [b"<</Length %d>>\nstream\n" % len(c) + c + b"\nendstream" for c in pages]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_dollar_sign_drawn_after_its_figure_stays_apart_from_it():
    # cairo rewrites a PDF drawing each figure's digits first and its "$" after them, to the left: read in
    # drawing order, "23,426$" was no figure and the row lost its second column
    # one text object, the pen moved back over the figure (a TJ offset) to draw its "$" before it
    content = (b"BT /F1 9 Tf 1 0 0 1 72 700 Tm (Sales to customers) Tj "
               b"1 0 0 1 300 700 Tm [(24,746) 4200 ($)] TJ 1 0 0 1 400 700 Tm [(23,426) 4200 ($)] TJ ET")
    line = pdf_text(_one_page_pdf(content)).text.strip()
    assert line.split() == ["Sales", "to", "customers", "$", "24,746", "$", "23,426"]


def test_a_standard_courier_page_is_measured_as_fixed_pitch_without_font_flags():
    # a text filing set in the standard Courier (as EDGAR's and many old generators print one) carries no
    # font descriptor, so no FixedPitch flag: the pitch is measured from the glyphs' advances
    typed = ["                                   Three Months Ended",
             "                                    2001      2000",
             "Net sales.......................  $ 84,312  $ 79,105",
             "Cost of sales...................    58,907    55,612",
             "Gross profit....................    25,405    23,493",
             "Selling and administrative......    15,618    14,702",
             "Income before income taxes......     9,787     8,791",
             "Net income......................  $  6,166  $  5,714"]
    body = b" ".join(b"(" + line.encode() + b") Tj T*" for line in typed)
    pdf = pdf_text(_one_page_pdf(b"BT /F1 9 Tf 11 TL 36 700 Td " + body + b" ET", b"Courier"))
    assert pdf.fixed_pitch
    import textwrap
    assert [line.rstrip() for line in textwrap.dedent(pdf.text).strip("\n").splitlines()] == typed
    assert not pdf_text(_one_page_pdf(b"BT /F1 9 Tf 11 TL 36 700 Td " + body + b" ET")).fixed_pitch


def test_an_html_pages_source_printed_as_text_is_read_as_text_not_parsed_as_the_page(tmp_path):
    # a word processor that does not know EDGAR's SGML wrapper prints the page's source: its markup wraps at the
    # page's edge, so a cell's tags no longer hold their figure; parsed as HTML, Adobe's print had read
    # "Total current assets" as (25,206), a figure of another row
    typed = ["<HTML><BODY><P>SAN JOSE, Calif., March 16, 2023 -- Acme today reported results.</P>",
             "<TABLE><TR><TD>Total current assets</TD><TD STYLE=\"text-align: right; font-size:",
             "9pt\">8,342</TD></TR><TR><TD>Accounts payable</TD><TD>(25,206)</TD><TD>",
             "</TD></TR></TABLE></BODY></HTML>"]
    body = b" ".join(b"(" + line.encode() + b") Tj T*" for line in typed)
    path = tmp_path / "source.pdf"
    path.write_bytes(_one_page_pdf(b"BT /F1 9 Tf 11 TL 36 700 Td " + body + b" ET", b"Courier"))
    from converter.readers.source import read_release
    release = read_release(path)
    assert release.layout != "html"
    assert any("HTML page's source printed as text" in n for n in release.notes)
    assert not any(f.concept == "us-gaap:AssetsCurrent" for f in convert(path, issuer="none").facts)


def test_a_bare_number_far_from_the_pages_place_is_a_figure_not_its_page_number():
    # a table printed one cell a line put "131" (income before taxes) first on page 3; taken for a page
    # number it was dropped, and every figure after it went to the row above
    from converter.readers.pdf_file import _Word
    from converter.readers.pdf_pages import is_page_number as _is_page_number

    def line(*texts):
        return [_Word(t, 300.0 + 30 * k, 320.0 + 30 * k, 20.0, 28.0, 9.0) for k, t in enumerate(texts)]
    assert not _is_page_number(line("131"), 3)
    assert not _is_page_number(line("99"), 3)
    assert _is_page_number(line("3"), 3) and _is_page_number(line("-", "4", "-"), 3)
    assert _is_page_number(line("Page", "12", "of", "40"), 3) and _is_page_number(line("A-1"), 9)


def _lines(font: bytes, lines: list[bytes]) -> bytes:
    return b"BT /" + font + b" 9 Tf 11 TL 36 700 Td " + b" ".join(b"(" + t + b") Tj T*" for t in lines) + b" ET"


def test_a_dash_whose_font_codes_it_as_a_digit_is_read_as_a_dash():
    # a producer rebuilding a font's map from glyphs to characters (Ghostscript rewriting a Chromium print)
    # gave the em dash of every nil the code of a "4": each "—" in a cash flow statement became $4 million
    statement = [b"Three Months Ended June 30,        2025        2024",
                 b"Net income                         1,274       1,021",
                 b"Impairment of intangible assets    \x97          1,359",
                 b"Proceeds from long-term debt       2,986       \x97",
                 b"Net cash from operations           4,210       3,987"]
    pdf = pdf_text(_pdf([_lines(b"F2", statement)], to_unicode=b"1 beginbfchar <97> <0034> endbfchar"))
    rows = [line.split() for line in pdf.text.splitlines() if line.strip()]
    assert rows[2][-2:] == ["—", "1,359"] and rows[3][-2:] == ["2,986", "—"]
    assert rows[1][-2:] == ["1,274", "1,021"] and pdf.redrawn == 2
    # the same page with the dash mapped as a dash: nothing redrawn
    assert pdf_text(_pdf([_lines(b"F2", statement)], to_unicode=b"1 beginbfchar <97> <2014> endbfchar")).redrawn == 0


_PROSE = [b"Revenue for the quarter was higher than a year ago, and the company expects growth to continue",
          b"in the second half of the year as new products reach customers in more markets around the world."]
_SHIFTED = b"1 beginbfrange <61> <7a> <0044> endbfrange"   # a font giving glyph numbers: "a" comes out as "D"


def test_a_pdf_whose_fonts_give_glyph_numbers_instead_of_letters_is_refused():
    pdf = _pdf([_lines(b"F2", _PROSE + [b"net income was up to a record 56 cents"])], to_unicode=_SHIFTED)
    with pytest.raises(Exception, match="does not hold readable text"):
        pdf_text(pdf)


def test_a_page_whose_font_gives_glyph_numbers_is_left_out_and_said_so(tmp_path):
    # the prose pages of a release rewritten by Ghostscript lost their letters, its statement pages did not:
    # those are read, the others left out (an "RS" in such a font comes out as "56": no figure to trust)
    legible = _lines(b"F1", _PROSE + [b"Net income was $1.2 million for the quarter ended June 30, 2025."])
    pdf = pdf_text(_pdf([_lines(b"F2", _PROSE), legible], to_unicode=_SHIFTED))
    assert [p for p, _why in pdf.left_out] == [1] and "Revenue for the quarter" in pdf.text and "DQG" not in pdf.text
    src = tmp_path / "r.pdf"
    src.write_bytes(_pdf([_lines(b"F2", _PROSE), legible], to_unicode=_SHIFTED))
    res = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "r.json")])
    assert res.exit_code in (0, 1), res.output
    assert "page 1 left out: the text layer there does not hold readable text" in res.stderr


def _word_at(x: float, y: float, size: float, text: str) -> bytes:
    return b"BT /F1 %.1f Tf %.2f %.2f Td (%s) Tj ET " % (size, x, y, text.encode())


def _helvetica_width(text: str, size: float) -> float:
    widths = {",": 278, "$": 556, ".": 278}     # Helvetica's advances, per 1000 of the size; digits 556
    return sum(widths.get(c, 556) for c in text) * size / 1000


def test_a_five_column_statement_in_small_type_under_large_prose_keeps_its_columns():
    # a bank's balance sheet in 7-point type, each total "$ 528,115,121" under five dates 50 points apart, on a
    # page of 11-point prose: measured by the prose's letters a column was wider than a 7-point digit, each
    # figure and its "$" pushed the next out of line, and the long last row ("Total liabilities and
    # shareholders' equity") was dropped
    prose = "The Company continued to grow its core deposit franchise and loan portfolio during the quarter"
    content = b"".join(_word_at(36, 740 - 14 * k, 11, prose) for k in range(12))
    edges = [250 + 50 * k for k in range(5)]
    dates = ["Dec. 31, 2024", "Sept. 30, 2024", "June 30, 2024", "March 31, 2024", "Dec. 31, 2023"]
    content += b"".join(_word_at(e - _helvetica_width(d, 7) * 1.1, 540, 7, d) for e, d in zip(edges, dates))
    rows = [("Cash and due from banks", [4812331, 5120455, 4987012, 5012877, 4899120]),
            ("Total assets", [528115121, 519135899, 510824246, 501241327, 496398926]),
            ("Total deposits", [440892674, 433674565, 427007567, 421007567, 417997007]),
            ("Total liabilities and shareholders' equity", [528115121, 519135899, 510824246, 501241327, 496398926])]
    for k, (label, values) in enumerate(rows):
        y = 528 - 10 * k
        content += _word_at(36, y, 7, label)
        for e, v in zip(edges, values):
            fig = f"{v:,}"
            content += _word_at(e - _helvetica_width(fig, 7), y, 7, fig)
            if label.startswith("Total a") or label.startswith("Total l"):
                content += _word_at(e - _helvetica_width(fig, 7) - 2 - _helvetica_width("$", 7), y, 7, "$")
    header = (b"BT /F1 11 Tf 36 760 Td (First Prairie Bancorp Reports Fourth Quarter 2024 Results) Tj ET "
              b"BT /F1 7 Tf 36 552 Td (CONSOLIDATED BALANCE SHEETS) Tj ET ")
    text = pdf_text(_pdf([header + content])).text
    lines = [line for line in text.splitlines() if "528,115,121" in line]
    from converter.readers.fixed_width import read_fixed_width
    table = read_fixed_width(text).tables[0]
    got = {r.label.replace("\u2019", "'"): [c.col for c in r.cells] for r in table.rows}
    assert got.get("Total liabilities and shareholders' equity") == [0, 1, 2, 3, 4], (lines, got)
    assert got["Total assets"] == [0, 1, 2, 3, 4] and got["Cash and due from banks"] == [0, 1, 2, 3, 4]


def test_words_run_together_with_no_space_between_them_are_left_out_and_said_so(tmp_path):
    # a producer that parts words by a hair's breadth of pen movement and no space glyph: "123" and "456" run
    # together would be read as the figure 123456
    def tight(y: int, *words: str) -> bytes:
        return b"BT /F1 9 Tf 72 %d Td [" % y + b" -60 ".join(b"(" + w.encode() + b")" for w in words) + b"] TJ ET "
    run = b"".join(tight(700 - 12 * k, *_PROSE[k % 2].decode().split()) for k in range(6))
    run += tight(600, "Total", "assets", "123", "456")
    pdf = pdf_text(_pdf([run, _lines(b"F1", _PROSE)]))
    assert pdf.left_out == [(1, "the text layer there runs its words together (no space between them)")]
    assert "123456" not in pdf.text and "Revenue for the quarter" in pdf.text
    with pytest.raises(Exception, match="runs its words together"):
        pdf_text(_pdf([run]))


def _row(y: float, label: str, figures: tuple[str, ...], x_label: float = 72) -> bytes:
    out = _word_at(x_label, y, 9, label) if label else b""
    for k, fig in enumerate(figures):     # right-aligned at 360 and 440
        out += _word_at(360 + 80 * k - _helvetica_width(fig, 9), y, 9, fig)
    return out


def test_a_row_a_page_break_split_is_one_row_again():
    # a producer that lets a row break across pages printed a total's figures last on one page and its label
    # first on the next: read apart, the figures had no label and the label no figures
    title = _word_at(72, 740, 9, "Three Months Ended") + _word_at(300, 728, 9, "2024") + _word_at(380, 728, 9, "2023")
    page1 = title + _row(716, "Revenue", ("47,459", "45,784")) + _row(704, "Cost of revenue", ("20,118", "19,902")) \
        + _row(80, "", ("27,341", "25,882"))
    page2 = _row(760, "Gross profit", ()) + _row(740, "Operating expenses", ("11,004", "10,512"))
    text = pdf_text(_pdf([page1, page2])).text
    joined = next(line for line in text.splitlines() if "27,341" in line)
    assert joined.split() == ["Gross", "profit", "27,341", "25,882"], text
    pdf = pdf_text(_pdf([page1, page2]))
    box = pdf.box_at(pdf.text.index("Gross"))
    assert box is not None and box.page == 2      # the label was printed on the next page
    # a heading with rows indented under it is no label of the figures above the break
    heading = _row(760, "Operating expenses", ()) + _row(740, "Research and development", ("11,004", "10,512"), 84)
    text = pdf_text(_pdf([page1, heading])).text
    assert not any("27,341" in line and "Operating" in line for line in text.splitlines()), text
    # figures in no column of the table above stay apart
    stray = page1.replace(_row(80, "", ("27,341", "25,882")), _word_at(250, 80, 9, "27,341") + _word_at(470, 80, 9, "25,882"))
    text = pdf_text(_pdf([stray, page2])).text
    assert not any("Gross" in line and "27,341" in line for line in text.splitlines()), text


def test_a_browsers_header_and_footer_on_both_pages_of_a_two_page_print_are_left_out():
    # a browser's "Print to PDF" sets its date and the page's title over each page and its address and "1/2"
    # under it: on a file of two pages they had stood between a statement's parts, and the parts' total,
    # printed first on the second page with no label, went unread
    def furniture(page: int) -> bytes:
        return (_word_at(40, 770, 8, "12/7/26, 2:58 AM") + _word_at(300, 770, 8, "Acme Reports Results")
                + _word_at(40, 20, 8, "file:///C:/Users/me/acme.html") + _word_at(560, 20, 8, f"{page}/2"))
    dateline = _word_at(72, 740, 9, "SPRINGFIELD, March 12, 2025 -- Acme Corp. today reported results.")
    title = _word_at(72, 716, 9, "CONSOLIDATED STATEMENTS OF OPERATIONS") + _word_at(72, 704, 9, "(in thousands)") \
        + _word_at(250, 692, 9, "Three Months Ended December 31,") + _word_at(335, 680, 9, "2024") + _word_at(415, 680, 9, "2023")
    page1 = furniture(1) + dateline + title + _row(668, "Revenues:", ()) + _row(656, "Product sales", ("4,512", "3,987"), 84) \
        + _row(644, "Service revenue", ("1,204", "1,100"), 84)
    page2 = furniture(2) + _row(740, "", ("5,716", "5,087")) + _row(728, "Cost of revenues", ("3,022", "2,791")) \
        + _row(716, "Gross profit", ("2,694", "2,296"))
    pdf = _pdf([page1, page2])
    text = pdf_text(pdf).text
    assert "file:///" not in text and "2:58 AM" not in text, text
    assert "SPRINGFIELD" in text          # what only one page prints at its top stays
    facts = _facts_of(pdf)
    assert facts[("us-gaap:Revenues", "2024-10-01..2024-12-31")] == Decimal("5716000")
    assert facts[("us-gaap:Revenues", "2023-10-01..2023-12-31")] == Decimal("5087000")


def _facts_of(pdf: bytes) -> dict:
    from converter.pipeline import convert_text
    return {(f.concept, str(f.period)): f.value for f in convert_text(pdf_text(pdf).text, issuer="none", layout="fixed").facts}


def test_a_ligature_glyph_is_read_as_its_letters():
    # a font that maps the "fi" ligature glyph to U+FB01: "Gross pro\ufb01t" matched no rule, and the ligature
    # took one column where its letters take two
    statement = [b"Three Months Ended December 31,      2024        2023",
                 b"Revenue                            47,459      45,784",
                 b"Gross pro\x9ft                      27,341      25,882"]
    pdf = pdf_text(_pdf([_lines(b"F2", statement)], to_unicode=b"1 beginbfchar <9f> <fb01> endbfchar"))
    assert "Gross profit" in pdf.text and "\ufb01" not in pdf.text
    from converter.readers.normalize import normalize_text
    assert normalize_text("Gross pro\ufb01t and cash \ufb02ows") == "Gross profit and cash flows"


@pytest.mark.parametrize("turn", [1, 2, 3])
def test_a_statement_set_turned_on_its_page_is_read_upright(turn):
    # a landscape statement (a bank's five quarters) set on a portrait page runs up it: read by the page's
    # own x and y, its lines were columns of single glyphs, and figures were pieced from digits of several
    def word(x: float, y: float, text: str) -> bytes:
        w, h = 612, 792
        matrix = {1: (0, 1, -1, 0, w - y, x), 2: (-1, 0, 0, -1, w - x, h - y), 3: (0, -1, 1, 0, y, h - x)}[turn]
        return b"BT /F1 9 Tf %d %d %d %d %.2f %.2f Tm (%s) Tj ET " % (*matrix, text.encode())
    content = word(72, 560, "Three Months Ended") + word(300, 548, "Dec. 31, 2024") + word(400, 548, "Sept. 30, 2024")
    rows = [("Net interest income", ("12,818", "12,439")), ("Provision for credit losses", ("350", "300")),
            ("Net income", ("4,100", "3,959"))]
    for k, (label, figures) in enumerate(rows):
        content += word(72, 536 - 12 * k, label)
        for j, fig in enumerate(figures):
            content += word(360 + 100 * j - _helvetica_width(fig, 9), 536 - 12 * k, fig)
    lines = [line.split() for line in pdf_text(_pdf([content])).text.splitlines() if line.strip()]
    assert lines[2] == ["Net", "interest", "income", "12,818", "12,439"], lines
    assert lines[4] == ["Net", "income", "4,100", "3,959"], lines


def test_a_note_running_up_the_margin_is_no_figures_of_the_rows_beside_it():
    # "CUSIP 12345 6789" set up the page's right edge: laid out with the statement, its glyphs stood one a
    # line at the end of the rows, and "Revenue 47,459 45,784 34" had a third figure
    content = _word_at(72, 700, 9, "Three Months Ended December 31,") + _word_at(300, 688, 9, "2024") \
        + _word_at(380, 688, 9, "2023")
    for k, (label, a, b) in enumerate([("Revenue", "47,459", "45,784"), ("Cost of revenue", "20,118", "19,902"),
                                       ("Net income", "7,341", "5,882")]):
        y = 676 - 12 * k
        content += _word_at(72, y, 9, label) + _word_at(360 - _helvetica_width(a, 9), y, 9, a) \
            + _word_at(440 - _helvetica_width(b, 9), y, 9, b)
    content += b"BT /F1 9 Tf 0 1 -1 0 560 640 Tm (CUSIP 12345 6789) Tj ET "
    lines = [line.split() for line in pdf_text(_pdf([content])).text.splitlines() if line.strip()]
    assert lines[2] == ["Revenue", "47,459", "45,784"] and len(lines) == 5, lines


def test_dot_leaders_run_into_the_figures_are_white_space_and_move_no_figure():
    # a word processor's leaders: dots from the label up to the first figure with no space glyph between, each
    # dot narrower than a column of the text laid out. Written as text they pushed every figure a column right
    # of its header, and the 2024 balances were dated December 31, 2023
    dots = b"." * 66
    rows = [(b"Cash and cash equivalents", b"$85,000", b"$70,000"), (b"Accounts receivable, net", b"40,000", b"35,000"),
            (b"Total assets", b"$450,000", b"$425,000"), (b"Total stockholders' equity", b"280,000", b"235,000")]
    content = [b"BT /F1 9 Tf 1 0 0 1 72 720 Tm (Acme Reports Fourth Quarter 2024 Results) Tj",
               b"1 0 0 1 72 700 Tm (ANYTOWN, Ohio, January 23, 2025 -- Acme Corp today reported results for the) Tj",
               b"1 0 0 1 72 689 Tm (fourth quarter and full year ended December 31, 2024.) Tj",
               b"1 0 0 1 150 660 Tm (CONDENSED CONSOLIDATED BALANCE SHEETS \\(in thousands\\)) Tj",
               b"1 0 0 1 330 640 Tm (December 31,) Tj 1 0 0 1 415 640 Tm (December 31,) Tj",
               b"1 0 0 1 362 629 Tm (2024) Tj 1 0 0 1 447 629 Tm (2023) Tj"]
    y = 612
    for label, a, b in rows:
        width = 5.0 * len(b.replace(b",", b"").replace(b"$", b"")) + 2.5 * b.count(b",") + 5.0 * b.count(b"$")
        content.append(b"1 0 0 1 72 %d Tm (%s) Tj 1 0 0 1 180 %d Tm (%s) Tj 1 0 0 1 345 %d Tm (%s) Tj "
                       b"1 0 0 1 %.1f %d Tm (%s) Tj" % (y, label, y, dots, y, a, 465 - width, y, b))
        y -= 12
    text = pdf_text(_one_page_pdf(b" ".join(content) + b" ET"))
    assert "..." not in text.text
    from converter.pipeline import convert_text
    facts = {(f.concept, str(f.period)): f.value for f in convert_text(text.text, issuer="none", layout="fixed").facts}
    assert facts[("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2024-12-31")] == Decimal("85000000")
    assert facts.get(("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2023-12-31")) in (None, Decimal("70000000"))
    assert facts[("us-gaap:StockholdersEquity", "2024-12-31")] == Decimal("280000000")


def test_a_footnote_mark_raised_after_a_figure_is_no_cell_of_the_row():
    # "17,700 (2)" with the mark set small and raised: laid out as a word of its own it was a third cell in a
    # row of two columns, and the row was not read
    content = (b"BT /F1 9 Tf 1 0 0 1 300 720 Tm (2024) Tj 1 0 0 1 380 720 Tm (2023) Tj "
               b"1 0 0 1 72 700 Tm (Operating income) Tj 1 0 0 1 292.8 700 Tm (17,700) Tj "
               b"/F1 6 Tf 1 0 0 1 324 703 Tm (\\(2\\)) Tj /F1 9 Tf 1 0 0 1 372.8 700 Tm (15,100) Tj "
               b"/F1 6 Tf 1 0 0 1 404 703 Tm (\\(2\\)) Tj ET")
    line = [ln for ln in pdf_text(_one_page_pdf(content)).text.splitlines() if "Operating" in ln][0]
    assert line.split() == ["Operating", "income", "17,700", "15,100"]


def test_a_leader_stops_short_of_the_decimal_point_of_a_figure_printed_without_its_zero():
    # "Diluted earnings per share ........ .45": the leader ran on through the space into ".45", and the
    # figure was read as 45
    content = (b"BT /F1 9 Tf 1 0 0 1 72 700 Tm (Diluted earnings per share ................................ .45) Tj "
               b"1 0 0 1 400 700 Tm (.38) Tj ET")
    line = [ln for ln in pdf_text(_one_page_pdf(content)).text.splitlines() if "Diluted" in ln][0]
    assert line.split() == ["Diluted", "earnings", "per", "share", ".45", ".38"]


def test_a_heading_row_repeated_from_partway_through_the_file_is_kept_where_it_is_first_printed():
    # a Word table's heading row ("CONSOLIDATED BALANCE SHEETS (in thousands)") repeated atop every page the
    # table runs onto was left out as a running title everywhere, its first printing too: the balance sheet
    # lost its title and its scale, and every figure was withheld
    prose = [_word_at(72, 740, 9, "SPRINGFIELD, March 12, 2025 -- Acme Corp. today reported results."),
             _word_at(72, 740, 9, "Acme Corp. designs and makes measuring instruments for laboratories."),
             ]
    heading = _word_at(72, 760, 9, "CONSOLIDATED BALANCE SHEETS (in thousands)")
    dates = _word_at(320, 740, 9, "Dec. 31, 2024") + _word_at(400, 740, 9, "Dec. 31, 2023")
    page3 = heading + dates + _row(728, "Cash and cash equivalents", ("4,812", "4,899")) \
        + _row(716, "Total assets", ("528,115", "496,398"))
    page4 = heading + dates + _row(728, "Accounts payable", ("12,010", "11,870")) \
        + _row(716, "Total liabilities", ("128,115", "116,398"))
    page5 = heading + dates + _row(728, "Common stock", ("10", "10")) \
        + _row(716, "Total stockholders' equity", ("400,000", "380,000"))
    pdf = _pdf(prose + [page3, page4, page5])
    text = pdf_text(pdf).text
    assert text.count("CONSOLIDATED BALANCE SHEETS") == 1, text
    facts = _facts_of(pdf)
    assert facts[("us-gaap:Assets", "2024-12-31")] == Decimal("528115000")
    assert facts[("us-gaap:Assets", "2023-12-31")] == Decimal("496398000")


@pytest.mark.parametrize("mark", [b"7.5", b"8.1"])   # five sixths of the figure's size (browsers), nine tenths (WeasyPrint)
def test_a_footnote_mark_raised_against_a_figure_with_no_space_is_no_digit_of_it(mark):
    # "487¹" as <sup> prints: the mark a little smaller and raised, touching the figure. Read on as one word it
    # was 4,871; on a year of the header, "20241" dated nothing
    content = (b"BT /F1 9 Tf 1 0 0 1 300 720 Tm (2024) Tj /F1 %(m)s Tf 1 0 0 1 318 722.8 Tm (1) Tj "
               b"/F1 9 Tf 1 0 0 1 380 720 Tm (2023) Tj "
               b"1 0 0 1 72 700 Tm (Interest expense) Tj 1 0 0 1 302.8 700 Tm (487) Tj "
               b"/F1 %(m)s Tf 1 0 0 1 317.8 702.8 Tm (1) Tj /F1 9 Tf 1 0 0 1 382.8 700 Tm (300) Tj "
               b"/F1 %(m)s Tf 1 0 0 1 397.8 702.8 Tm (\\(2\\)) Tj ET") % {b"m": mark}
    lines = pdf_text(_one_page_pdf(content)).text.splitlines()
    assert [ln.split() for ln in lines if ln.strip()] == [["2024", "2023"], ["Interest", "expense", "487", "300"]]


def test_a_fraction_set_with_a_raised_numerator_stays_one_word():
    # "1⅔¢" printed as "1", a small raised "2", "/" and a small lowered "3": no footnote's mark
    content = (b"BT /F1 9 Tf 1 0 0 1 72 700 Tm (Common stock, par value 1) Tj /F1 5.85 Tf 1 0 0 1 181.2 704 Tm (2) Tj "
               b"/F1 9 Tf 1 0 0 1 184.5 700 Tm (/) Tj /F1 5.85 Tf 1 0 0 1 187 698.6 Tm (3) Tj ET")
    line = [ln for ln in pdf_text(_one_page_pdf(content)).text.splitlines() if "Common" in ln][0]
    assert line.split()[-1] == "12/3"
