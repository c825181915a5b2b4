"""Old EDGAR text submissions: the SGML envelope, a release spread over several EX-99 exhibits, and the table
tags plain-text exhibits of that time carry (`<TABLE>`, `<CAPTION>`, `<S>`, `<C>`, `<FN>`)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from converter.pipeline import convert_text
from converter.readers import detect_layout
from converter.readers.edgar import exhibit_text

SUBMISSION = Path(__file__).parent / "data" / "edgar" / "acme-2004-submission.txt"


def _values(result, concept: str) -> dict[str, Decimal]:
    return {str(f.period): f.value for f in result.facts if f.concept == "us-gaap:" + concept and not f.dims}


def test_every_ex99_exhibit_is_read_as_one_release_and_the_8k_itself_is_not():
    text = exhibit_text(SUBMISSION.read_text())
    assert "today\nreported net sales" in text            # EX-99.1, the narrative
    assert "STATEMENTS OF INCOME" in text and "BALANCE SHEETS" in text   # EX-99.2 and EX-99.3
    assert "WASHINGTON, D.C." not in text                 # the 8-K form is no part of the release
    assert "<TYPE>" not in text and "<PAGE>" not in text


def test_table_tags_are_blanked_in_place_so_columns_keep_their_positions():
    text = exhibit_text(SUBMISSION.read_text())
    assert not any(tag in text for tag in ("<TABLE>", "</TABLE>", "<CAPTION>", "<S>", "<C>", "<FN>"))
    line = next(l for l in text.splitlines() if l.startswith("Net sales"))
    original = next(l for l in SUBMISSION.read_text().splitlines() if l.startswith("Net sales"))
    assert line == original
    # three tables' tags are no HTML
    assert detect_layout(SUBMISSION.read_text()) == "fixed"


def test_a_release_spread_over_exhibits_gives_the_statements_and_the_narrative():
    result = convert_text(SUBMISSION.read_text(), issuer="none")
    assert _values(result, "Revenues") == {
        "2004-04-01..2004-06-30": Decimal("124573000"), "2003-04-01..2003-06-30": Decimal("112298000"),
        "2004-01-01..2004-06-30": Decimal("241806000"), "2003-01-01..2003-06-30": Decimal("219457000")}
    assert _values(result, "Assets") == {"2004-06-30": Decimal("220063000"), "2003-12-31": Decimal("205944000")}
    assert _values(result, "EarningsPerShareDiluted")["2004-04-01..2004-06-30"] == Decimal("0.42")
    assert not [f for f in result.findings]


def test_html_inside_the_envelope_keeps_its_tags():
    html = ("<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n<html><body><table><tr><td>Revenue</td><td>1</td></tr></table>"
            "</body></html>\n</TEXT>\n</DOCUMENT>\n")
    assert "<table>" in exhibit_text(html)
