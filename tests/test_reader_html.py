"""The HTML reader: small snippets for each markup trick, then the real EDGAR releases of the shared corpus."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from converter.model import Document, Paragraph, Table
from converter.readers.edgar import exhibit_text
from converter.readers.html import read_html

from .work import grows_linearly, lines_run

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("XBRLIFY_SHARED", REPO.parent / "shared")) / "corpus"


# --------------------------------------------------------------------------------------------------- helpers

def only_table(doc: Document) -> Table:
    assert len(doc.tables) == 1, [type(b).__name__ for b in doc.blocks]
    return doc.tables[0]


def row(table: Table, label: str, nth: int = 0):
    matches = [r for r in table.rows if r.label == label]
    assert len(matches) > nth, f"no row {label!r} in {[r.label for r in table.rows]}"
    return matches[nth]


def cells(r) -> list[tuple[str, int]]:
    return [(c.text, c.col) for c in r.cells]


def headers(table: Table) -> list[tuple[str, tuple[int, int]]]:
    return [(h.text, h.cols) for h in table.header]


def assert_spans_slice_text(doc: Document) -> None:
    """Every span points at exactly the text it stands for."""
    for i, block in enumerate(doc.blocks):
        assert block.index == i
        if isinstance(block, Paragraph):
            assert doc.text[block.span.start:block.span.end] == block.text
            continue
        assert block.span is not None
        for r in block.rows:
            line = doc.text[r.span.start:r.span.end]
            assert line == " | ".join(([r.label] if r.label else []) + [c.text for c in r.cells])
            for c in r.cells:
                assert doc.text[c.span.start:c.span.end] == c.text
            assert block.span.start <= r.span.start and r.span.end <= block.span.end


def wrap(body: str) -> str:
    return f"<html><body>{body}</body></html>"


INCOME = """
<p>ACME CORP</p>
<p>Condensed Statements of Operations</p>
<p>(In thousands, except per share data)</p>
<table>
  <tr><td></td><td colspan="6">Three Months Ended</td></tr>
  <tr><td></td><td colspan="3">March 31, 2024</td><td colspan="3">March 31, 2023</td></tr>
  <tr><td>Revenues:</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
  <tr><td>Product</td><td>$</td><td>1,234</td><td></td><td>$</td><td>1,000</td><td></td></tr>
  <tr><td>Services</td><td></td><td>766</td><td></td><td></td><td>500</td><td></td></tr>
  <tr><td>Total revenues</td><td></td><td>2,000</td><td></td><td></td><td>1,500</td><td></td></tr>
  <tr><td>&nbsp;</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
  <tr><td>Operating expenses:</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
  <tr><td>Research and development</td><td></td><td>300</td><td></td><td></td><td>250</td><td></td></tr>
  <tr><td>Total operating expenses</td><td></td><td>300</td><td></td><td></td><td>250</td><td></td></tr>
  <tr><td>Other income (expense)</td><td></td><td>(1,234</td><td>)</td><td></td><td>&#8212;</td><td></td></tr>
  <tr><td>Net loss per share</td><td>$</td><td>(0.39</td><td>)</td><td>$</td><td>0.12</td><td></td></tr>
</table>
"""


# ---------------------------------------------------------------------------------------- synthetic snippets

def test_colspan_headers_map_to_value_columns():
    table = only_table(read_html(wrap(INCOME)))
    assert table.ncols == 2
    assert headers(table) == [("Three Months Ended", (0, 1)), ("March 31, 2024", (0, 0)),
                              ("March 31, 2023", (1, 1))]


def test_dollar_cells_collapse_into_their_figure():
    table = only_table(read_html(wrap(INCOME)))
    assert cells(row(table, "Product")) == [("1,234", 0), ("1,000", 1)]
    assert cells(row(table, "Services")) == [("766", 0), ("500", 1)]


def test_split_negative_is_rejoined_and_dash_kept():
    table = only_table(read_html(wrap(INCOME)))
    assert cells(row(table, "Other income (expense)")) == [("(1,234)", 0), ("—", 1)]
    assert cells(row(table, "Net loss per share")) == [("(0.39)", 0), ("0.12", 1)]


def test_sections_open_at_headings_and_close_at_totals():
    table = only_table(read_html(wrap(INCOME)))
    assert row(table, "Revenues:").cells == []
    assert row(table, "Product").section == ("Revenues:",)
    assert row(table, "Total revenues").section == ("Revenues:",)
    assert row(table, "Research and development").section == ("Operating expenses:",)
    assert row(table, "Other income (expense)").section == ()


def test_blank_row_closes_a_section_with_rows_but_not_a_fresh_heading():
    html = wrap("""<table>
      <tr><td></td><td>2024</td><td>2023</td></tr>
      <tr><td>ASSETS</td><td></td><td></td></tr>
      <tr><td></td><td></td><td></td></tr>
      <tr><td>Current assets:</td><td></td><td></td></tr>
      <tr><td>Cash</td><td>10</td><td>9</td></tr>
      <tr><td></td><td></td><td></td></tr>
      <tr><td>Goodwill</td><td>5</td><td>5</td></tr>
    </table>""")
    table = only_table(read_html(html))
    assert headers(table) == [("2024", (0, 0)), ("2023", (1, 1))]
    assert row(table, "Cash").section == ("ASSETS", "Current assets:")
    assert row(table, "Goodwill").section == ("ASSETS",)


def test_caption_takes_title_lines_above_and_stub_note_inside():
    doc = read_html(wrap(INCOME))
    assert only_table(doc).caption == ["ACME CORP", "Condensed Statements of Operations",
                                       "(In thousands, except per share data)"]
    html = wrap("""<p>A long paragraph of prose that talks about the quarter at length and is clearly not a title
        for the table that follows it, because titles are short and this sentence goes on and on and on.</p>
      <table>
      <tr><td colspan="3">CONSOLIDATED BALANCE SHEETS</td></tr>
      <tr><td>(In millions)</td><td>2024</td><td>2023</td></tr>
      <tr><td>Cash</td><td>10</td><td>9</td></tr>
    </table>""")
    table = only_table(read_html(html))
    assert table.caption == ["CONSOLIDATED BALANCE SHEETS", "(In millions)"]
    assert headers(table) == [("2024", (0, 0)), ("2023", (1, 1))]
    assert cells(row(table, "Cash")) == [("10", 0), ("9", 1)]


def test_percent_in_own_cell_and_spacer_columns():
    html = wrap("""<table>
      <tr><td></td><td></td><td colspan="3">Q1</td></tr>
      <tr><td>Tax rate</td><td></td><td>22.0</td><td></td><td>%</td></tr>
      <tr><td>Adjustments</td><td></td><td>(3.0</td><td>)</td><td></td></tr>
    </table>""")
    table = only_table(read_html(html))
    assert table.ncols == 1
    assert cells(row(table, "Tax rate")) == [("22.0%", 0)]
    assert cells(row(table, "Adjustments")) == [("(3.0)", 0)]
    assert headers(table) == [("Q1", (0, 0))]


def test_hidden_elements_are_not_read():
    html = wrap("""<p>Visible</p><p style="display: none">Secret paragraph</p>
      <div style="visibility:hidden">Also secret</div>
      <table>
      <tr><td></td><td>2024</td><td>2023</td></tr>
      <tr><td style="display:none">x</td><td style="display:none">99</td></tr>
      <tr><td>Cash<span style="display:none"> (hidden note)</span></td><td>10</td><td>9</td></tr>
    </table>""")
    doc = read_html(html)
    assert [p.text for p in doc.paragraphs] == ["Visible"]
    assert "secret" not in doc.text.lower() and "99" not in doc.text
    assert [r.label for r in only_table(doc).rows] == ["Cash"]


def test_one_cell_layout_table_is_prose():
    doc = read_html(wrap("""<table><tr><td><p>First paragraph.</p><p>Second &amp; last.</p></td></tr></table>"""))
    assert doc.tables == []
    assert [p.text for p in doc.paragraphs] == ["First paragraph.", "Second & last."]


def test_nested_table_inside_layout_table():
    html = wrap(f"""<table><tr>
        <td><p>Left column note</p></td>
        <td><div>Inside the layout</div>{INCOME}</td>
      </tr></table>""")
    doc = read_html(html)
    table = only_table(doc)
    assert table.ncols == 2
    assert cells(row(table, "Total revenues")) == [("2,000", 0), ("1,500", 1)]
    texts = [p.text for p in doc.paragraphs]
    assert texts[:2] == ["Left column note", "Inside the layout"]


def test_entities_dashes_and_nbsp():
    html = wrap("""<p>Revenue&nbsp;&nbsp;grew&#160;5%&#8212;a record &#8211; Apple&#146;s best</p>
      <table>
      <tr><td></td><td>2024</td><td>2023</td></tr>
      <tr><td>Debt</td><td>&#8212;</td><td>&#x2013;</td></tr>
      <tr><td>Cash</td><td>1</td><td>-</td></tr>
    </table>""")
    doc = read_html(html)
    assert doc.paragraphs[0].text == "Revenue grew 5%—a record – Apple’s best"
    table = only_table(doc)
    assert cells(row(table, "Debt")) == [("—", 0), ("–", 1)]
    assert cells(row(table, "Cash")) == [("1", 0), ("-", 1)]


def test_footnote_marks_leave_labels():
    html = wrap("""<table>
      <tr><td></td><td>2024</td><td>2023</td></tr>
      <tr><td>Cost of sales (1)</td><td>5</td><td>4</td></tr>
      <tr><td>Earnings per share<sup>2</sup></td><td>0.5</td><td>0.4</td></tr>
      <tr><td>Acquisition-related expenses (*)</td><td>3</td><td>2</td></tr>
      <tr><td>Amortization<font style="font-size:6pt;position:relative;top:-3pt">(a)</font></td><td>1</td>
          <td>1</td></tr>
      <tr><td>Tax 1st half</td><td>7</td><td>6 (3)</td></tr>
    </table>
    <p><sup>(1)</sup> Includes stock-based compensation.</p>""")
    doc = read_html(html)
    table = only_table(doc)
    assert [r.label for r in table.rows] == ["Cost of sales", "Earnings per share", "Acquisition-related expenses",
                                             "Amortization", "Tax 1st half"]
    assert cells(row(table, "Tax 1st half")) == [("7", 0), ("6", 1)]
    # a mark that opens a block labels the footnote itself and is kept
    assert doc.paragraphs[-1].text == "(1) Includes stock-based compensation."


def test_bullet_list_table_becomes_paragraphs():
    html = wrap("""<table>
      <tr><td>&#9679;</td><td>Revenue grew 12% to $4.2 billion</td></tr>
      <tr><td>&#8226;</td><td>Operating margin of 30%</td></tr>
    </table>""")
    doc = read_html(html)
    assert doc.tables == []
    assert [p.text for p in doc.paragraphs] == ["Revenue grew 12% to $4.2 billion", "Operating margin of 30%"]


def test_table_of_words_with_amounts_reads_as_prose():
    html = wrap("""<table>
      <tr><td>Total revenue</td><td>$4.75 billion to $4.78 billion</td></tr>
      <tr><td>Tax rate</td><td>GAAP: ~21.5%</td></tr>
    </table>""")
    doc = read_html(html)
    assert doc.tables == []
    assert [p.text for p in doc.paragraphs] == ["Total revenue $4.75 billion to $4.78 billion",
                                                "Tax rate GAAP: ~21.5%"]


def test_paragraph_per_block_element_with_whitespace_collapsed():
    html = wrap("""<div><font>Adobe   Reports</font>
      <font>Record<br>Revenue</font></div><div><div>Nested</div>tail text</div><p>&#8226; Bullet item</p>""")
    assert [p.text for p in read_html(html).paragraphs] == ["Adobe Reports Record Revenue", "Nested", "tail text",
                                                            "Bullet item"]


def test_repeated_year_header_and_rowspan():
    html = wrap("""<table>
      <tr><td rowspan="2">(In millions)</td><td colspan="2">Year Ended</td></tr>
      <tr><td>2024</td><td>2023</td></tr>
      <tr><td>Revenue</td><td>100</td><td>90</td></tr>
      <tr><td></td><td>2022</td><td>2021</td></tr>
      <tr><td>Revenue</td><td>80</td><td>70</td></tr>
    </table>""")
    table = only_table(read_html(html))
    assert table.caption == ["(In millions)"]
    assert headers(table) == [("Year Ended", (0, 1)), ("2024", (0, 0)), ("2023", (1, 1)),
                              ("2022", (0, 0)), ("2021", (1, 1))]
    assert cells(row(table, "Revenue", 1)) == [("80", 0), ("70", 1)]


def test_caption_element_th_cells_and_indent_depth():
    html = wrap("""<table><caption>Segment revenue</caption>
      <tr><th></th><th>2024</th><th>2023</th></tr>
      <tr><th style="text-align:left">Revenue:</th><td></td><td></td></tr>
      <tr><td style="padding-left:10pt">Cloud</td><td>$1</td><td>$2</td></tr>
      <tr><td><p style="margin-left:20pt">of which new</p></td><td>3</td><td>4</td></tr>
      <tr><td>Total revenue</td><td>5</td><td>6</td></tr>
    </table>""")
    table = only_table(read_html(html))
    assert table.caption == ["Segment revenue"]
    assert [(r.label, r.depth) for r in table.rows] == [("Revenue:", 0), ("Cloud", 1), ("of which new", 2),
                                                        ("Total revenue", 0)]
    assert cells(row(table, "Cloud")) == [("1", 0), ("2", 1)]


def test_edgar_wrapper_picks_the_ex99_document():
    text = ("<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n<html><body><p>The 8-K cover</p></body></html>\n"
            "</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex991.htm\n<TEXT>\n"
            "<html><body><p>Press release</p></body></html>\n</TEXT>\n</DOCUMENT>\n")
    doc = read_html(text, source="x.txt")
    assert [p.text for p in doc.paragraphs] == ["Press release"]
    assert doc.layout == "html" and doc.source == "x.txt"
    assert exhibit_text("<p>no wrapper</p>") == "<p>no wrapper</p>"


def test_a_plain_text_exhibit_in_its_edgar_wrapper_is_read_as_text():
    """The wrapper's own tags must not make a 1999 plain-text exhibit look like HTML."""
    from converter.readers import detect_layout, read_document
    body = ("MIDSTATES MUTUAL REPORTS SECOND QUARTER RESULTS\n\n"
            "                                        Three Months Ended June 30,\n"
            "                                          1999            1998\n"
            "<PAGE> 2\n"
            "Premiums earned                       $  35,100       $  33,000\n"
            "Net investment income                     5,400           4,900\n"
            "Other income                                700             200\n"
            "Total revenues                           41,200          38,100\n"
            "Losses and loss adjustment expenses      24,000          22,500\n"
            "Other operating expenses                 12,600          11,300\n"
            "Income before income taxes                4,600           4,300\n"
            "Income taxes                              1,500           1,400\n"
            "Net income                                3,100           2,900\n")
    text = ("<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nFORM 8-K\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n"
            "<TYPE>EX-99\n<TEXT>\n" + body + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    assert detect_layout(text) == "fixed"
    doc = read_document(text)
    assert "<PAGE>" not in doc.text
    assert [r.label for r in doc.tables[0].rows][3] == "Total revenues"


def test_spans_point_into_document_text():
    doc = read_html(wrap(INCOME))
    assert_spans_slice_text(doc)
    table = only_table(doc)
    assert doc.text[table.span.start:table.span.end].splitlines()[0] == "Three Months Ended"
    assert "Total revenues | 2,000 | 1,500" in doc.text


def test_empty_text_only_and_junk_inputs():
    assert read_html("").blocks == []
    assert read_html("   \n").blocks == []
    assert [p.text for p in read_html("just words").paragraphs] == ["just words"]
    assert [p.text for p in read_html("<p>a\x01b</p><table><tr><td>x</td>").paragraphs] == ["ab", "x"]


def test_entity_declarations_are_not_expanded():
    bomb = ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>x &c; y</p></body></html>')
    doc = read_html(bomb)
    assert "aaaaaaaaaa" not in doc.text and len(doc.text) < 20, doc.text[:100]


def test_deep_nesting_loses_nothing():
    html = "<html><body>" + "<span>" * 5000 + "deep" + "</span>" * 5000 + "<p>after</p></body></html>"
    assert read_html(html).text == "deep\nafter"
    unclosed = "<html><body>" + "".join(f"<p><font size=2>para {i}" for i in range(3000)) + "</body></html>"
    doc = read_html(unclosed)
    assert len(doc.paragraphs) == 3000 and doc.paragraphs[-1].text == "para 2999"


# --------------------------------------------------------------------------------------------- the corpus

def corpus(name: str) -> Document:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"shared corpus file {path} not found (set XBRLIFY_SHARED)")
    return read_html(path.read_text(encoding="utf-8"), source=name)


def table_with_row(doc: Document, label: str) -> Table:
    for table in doc.tables:
        if any(r.label == label for r in table.rows):
            return table
    raise AssertionError(f"no table with a row {label!r}")


NEGATIVE = re.compile(r"^\(\d[\d,]*(?:\.\d+)?\)$")


def test_adobe_income_statement():
    doc = corpus("adobe-fy2023q1.html")
    table = table_with_row(doc, "Total revenue")
    assert table.ncols == 2
    assert ("Three Months Ended", (0, 1)) in headers(table)
    assert ("March 3, 2023", (0, 0)) in headers(table)
    assert ("March 4, 2022", (1, 1)) in headers(table)
    assert cells(row(table, "Total revenue")) == [("4,655", 0), ("4,262", 1)]
    assert cells(row(table, "Subscription")) == [("4,373", 0), ("3,958", 1)]  # "$" cell collapsed
    assert row(table, "Subscription", 1).section == ("Cost of revenue:",)
    assert row(table, "Amortization of intangibles").section == ("Operating expenses:",)  # hidden row skipped
    assert cells(row(table, "Interest expense")) == [("(32)", 0), ("(28)", 1)]
    assert "Condensed Consolidated Statements of Income" in table.caption
    assert any("In millions" in line for line in table.caption)


def test_adobe_balance_sheet_and_reconciliations():
    doc = corpus("adobe-fy2023q1.html")
    balance = table_with_row(doc, "Total assets")
    assert headers(balance) == [("March 3, 2023", (0, 0)), ("December 2, 2022", (1, 1))]
    assert row(balance, "Debt", 1).section[-1] == "Long-term liabilities:"

    recon = table_with_row(doc, "Non-GAAP operating income")
    assert recon.ncols == 3
    assert ("December 2, 2022", (2, 2)) in headers(recon)
    assert "(In millions, except per share data)" in recon.caption

    tax = table_with_row(doc, "GAAP effective income tax rate")
    assert tax.ncols == 1 and cells(row(tax, "GAAP effective income tax rate")) == [("22.0%", 0)]

    targets = [t for t in doc.tables if ("Low", (0, 0)) in headers(t) and ("High", (1, 1)) in headers(t)]
    assert len(targets) == 2
    assert ("Fiscal Year 2023", (0, 1)) in headers(targets[0])
    assert cells(row(targets[0], "GAAP diluted net income per share")) == [("10.85", 0), ("11.15", 1)]
    # "456" printed once per column across a wider colspan still lands in its own column
    assert cells(row(targets[0], "Shares used to compute diluted net income per share")) == [("456", 0), ("456", 1)]


def test_adobe_guidance_tables_read_as_prose():
    doc = corpus("adobe-fy2023q1.html")
    texts = [p.text for p in doc.paragraphs]
    assert "Total revenue $4.75 billion to $4.78 billion" in texts
    assert "Earnings per share GAAP: $2.65 to $2.70 Non-GAAP: $3.75 to $3.80" in texts
    assert any(t.startswith("Adobe achieved revenue of $4.66 billion") for t in texts)
    assert_spans_slice_text(doc)


def test_oracle_split_negatives_and_many_tables():
    doc = corpus("oracle-fy2022q4.html")
    income = table_with_row(doc, "Total revenues")
    assert income.ncols == 6  # 2022, % of revenues, 2021, % of revenues, change in US $, in constant currency
    assert cells(row(income, "Interest expense"))[:4] == [("(704)", 0), ("(6%)", 1), ("(697)", 2), ("(6%)", 3)]
    negatives = [c.text for t in doc.tables for r in t.rows for c in r.cells if NEGATIVE.match(c.text)]
    assert len(negatives) > 50
    assert not any(c.text.endswith(")") != c.text.startswith("(")
                   for t in doc.tables for r in t.rows for c in r.cells if not c.text.endswith("bp."))
    assert row(income, "Cloud services and license support", 1).section == ("OPERATING EXPENSES",)

    balance = table_with_row(doc, "TOTAL ASSETS")
    assert headers(balance) == [("May 31, 2022", (0, 0)), ("May 31, 2021", (1, 1))]
    assert cells(row(balance, "Cash and cash equivalents")) == [("21,383", 0), ("30,098", 1)]
    assert "CONDENSED CONSOLIDATED BALANCE SHEETS" in balance.caption
    assert_spans_slice_text(doc)


def test_oracle_bullet_and_footnote_tables_are_prose():
    doc = corpus("oracle-fy2022q4.html")
    texts = [p.text for p in doc.paragraphs]
    assert "Q4 GAAP Earnings per Share $1.16, Non-GAAP Earnings per Share $1.54" in texts
    assert "* Not meaningful" in texts
    assert any(t.startswith("(1) We compare the percent change") for t in texts)


def test_the_reader_works_in_proportion_to_the_document():
    """Oracle's release (1.8 MB of markup) and the same body printed twice in one document: twice the lines of
    reader code, not four times. How fast it reads is bench/run.py's to say (per document, beside lxml's own
    parse time), not a test's."""
    path = CORPUS / "oracle-fy2022q4.html"
    if not path.exists():
        pytest.skip(f"shared corpus file {path} not found (set XBRLIFY_SHARED)")
    text = path.read_text(encoding="utf-8")
    lower = text.lower()
    a, b = lower.find(">", lower.find("<body")) + 1, lower.rfind("</body>")
    grows_linearly(lambda n: lines_run(read_html, text[:a] + text[a:b] * n + text[b:]), 1)


def test_apple_2011_donnelley():
    doc = corpus("apple-fy2011q1.html")
    income = table_with_row(doc, "Net sales")
    assert income.ncols == 2
    assert ("December 25, 2010", (0, 0)) in headers(income)
    assert cells(row(income, "Net sales")) == [("26,741", 0), ("15,683", 1)]
    assert row(income, "Cost of sales").label == "Cost of sales"  # "(1)" stripped
    stock_comp = row(income, "Cost of sales", 1)
    assert stock_comp.section == ("(1) Includes stock-based compensation expense as follows:",)
    cash = table_with_row(doc, "Cash used in investing activities")
    assert cells(row(cash, "Accounts receivable, net")) == [("(517)", 0), ("271", 1)]
    balance = table_with_row(doc, "Total assets")
    assert any(r.label == "Shareholders’ equity:" for r in balance.rows)  # &#146; read as ’
    # a sentence cut by a page break is one paragraph again
    assert any("results is included from time to time in the Company" in p.text for p in doc.paragraphs)
    assert_spans_slice_text(doc)


def test_abvc_is_prose():
    doc = corpus("abvc-fy2024.html")
    texts = [p.text for p in doc.paragraphs]
    assert any("total revenues of $509,589 in 2024" in t for t in texts)
    assert "Selling, General and Administrative expenses reduced by 58%" in texts  # bullet table
    # the one table of figures is the licensing-milestone schedule, not a financial statement
    assert len(doc.tables) == 1
    assert not any("revenue" in r.label.lower() for r in doc.tables[0].rows)
    assert cells(row(doc.tables[0], "Total")) == [("702,000", 0), ("18,298,000", 1)]
    assert_spans_slice_text(doc)


def test_double_encoded_punctuation_is_repaired_in_html_and_text():
    """"Stockholdersâ€™ equity" (UTF-8 read as Windows-1252, or as Latin-1) still reads as the rule's label."""
    from converter.readers.normalize import normalize_text
    html = ("<html><body><table><tr><td></td><td>December 31, 2024</td></tr>"
            "<tr><td>Total stockholders\u00e2\u0080\u0099 equity</td><td>5,901</td></tr></table></body></html>")
    assert only_table(read_html(html)).rows[0].label == "Total stockholders' equity"
    assert normalize_text("Total stockholders\u00e2\u20ac\u2122 equity \u00e2\u20ac\u201c net") == \
        "Total stockholders' equity - net"
