"""Reading statements as real releases print them: one mechanism per test, each on a small release of our own."""
from __future__ import annotations

from decimal import Decimal

from converter.pipeline import convert_text

HTML_HEAD = "<html><body><p>SANTA CLARA, Calif., Feb. 25, 2026 -- Acme today reported results.</p>"


def _values(text: str, concept: str) -> dict[str, Decimal]:
    result = convert_text(text, issuer="none")
    return {str(f.period): f.value for f in result.facts if f.concept.endswith(":" + concept) and not f.dims}


def test_a_statement_split_over_two_tables_reads_its_second_part_with_the_first_parts_header():
    html = HTML_HEAD + """
<p>CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS</p><p>(In millions)</p>
<table>
<tr><td></td><td colspan="2">Year Ended</td></tr>
<tr><td></td><td>December 31, 2025</td><td>December 31, 2024</td></tr>
<tr><td>Net cash provided by operating activities</td><td>102,718</td><td>64,089</td></tr>
</table>
<table>
<tr><td>Net cash used in financing activities</td><td>(48,474)</td><td>(42,359)</td></tr>
</table>
</body></html>"""
    assert _values(html, "NetCashProvidedByUsedInFinancingActivities") == {
        "2025-01-01..2025-12-31": Decimal("-48474000000"), "2024-01-01..2024-12-31": Decimal("-42359000000")}


def test_a_table_after_prose_is_no_continuation():
    html = HTML_HEAD + """
<p>CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS</p><p>(In millions)</p>
<table>
<tr><td></td><td colspan="2">Year Ended</td></tr>
<tr><td></td><td>December 31, 2025</td><td>December 31, 2024</td></tr>
<tr><td>Net cash provided by operating activities</td><td>102,718</td><td>64,089</td></tr>
</table>
<p>""" + "Our outlook depends on many factors that we describe in our filings with the SEC. " * 4 + """</p>
<table>
<tr><td>Net cash used in financing activities</td><td>(48,474)</td><td>(42,359)</td></tr>
</table>
</body></html>"""
    assert _values(html, "NetCashProvidedByUsedInFinancingActivities") == {}


def test_a_balance_sheet_headed_year_ended_gives_its_balances_at_the_column_dates():
    text = """BOSTON, February 13, 2025 -- Acme today reported results.

Condensed Consolidated Balance Sheets (Unaudited)
(In millions)

| | Year Ended December 31, | |
|---|---|---|
| | 2024 | 2023 |
| Cash and cash equivalents | 544.5 | 545.8 |
| Total assets | 5,811.1 | 5,968.5 |
"""
    assert _values(text, "Assets") == {"2024-12-31": Decimal("5811100000"), "2023-12-31": Decimal("5968500000")}
