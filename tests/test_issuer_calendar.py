"""The issuer's fiscal calendar: `fiscal_year_end` (a month, or a 52/53-week rule like saturday-nearest: jan-31)
dates every fiscal quarter and year the text and headers name, and wins over what the engine infers; without
it the engine infers the year end from a year-to-date column that prints its end and length."""
from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from converter.cli import main
from converter.engine.fiscal_calendar import fiscal_calendar
from converter.pipeline import convert_text
from converter.readers import read_document
from converter.rulebook.table_specs import year_end

HEAD = """# yaml-language-server: $schema=../../schemas/rules.schema.json
issuer:
  name: Acme Stores Inc.
  prefix: acme
  namespace: http://acme.example/2024
  detect: ["\\\\bAcme Stores\\\\b"]
"""
TEXT = ("Acme Stores Inc. reports results.\n\n"
        "Net sales for the third quarter of fiscal 2024 were $412.5 million, compared to $398.1 million in the "
        "third quarter of fiscal 2023.\n\n"
        "For fiscal 2024, the Company expects net sales of $1.6 billion to $1.7 billion.\n")


def test_year_end_rules():
    assert year_end({"saturday-nearest": "jan-31"}).end_of(2025) == date(2025, 2, 1)
    assert year_end({"saturday-nearest": "jan-31"}).end_of(2024) == date(2024, 2, 3)
    assert year_end({"saturday-nearest": "jan-31"}).end_of(2023) == date(2023, 1, 28)
    assert year_end({"saturday-last": "sep"}).end_of(2024) == date(2024, 9, 28)
    assert year_end("june").end_of(2024) == date(2024, 6, 30) and year_end(3).end_of(2024) == date(2024, 3, 31)


def _periods(tmp_path, calendar_line: str):
    path = tmp_path / "acme.yaml"
    path.write_text(HEAD + calendar_line)
    result = convert_text(TEXT, source="acme.txt", layout="pipe", issuer=str(path))
    return {(f.category, str(f.period), f.value) for f in result.facts if f.concept == "us-gaap:Revenues"}


def test_fiscal_quarters_in_text_take_the_issuer_calendar(tmp_path):
    without = _periods(tmp_path, "")
    assert ("narrative", "2024-07-01..2024-09-30", 412500000) in without   # a December year, as a guess
    weekly = _periods(tmp_path, "  fiscal_year_end: {saturday-nearest: jan-31}\n")
    assert ("narrative", "2024-08-04..2024-11-02", 412500000) in weekly
    assert ("narrative", "2023-07-30..2023-10-28", 398100000) in weekly
    assert ("guidance", "2024-02-04..2025-02-01", 1600000000) in weekly
    monthly = _periods(tmp_path, "  fiscal_year_end: jan\n")
    assert ("narrative", "2024-08-01..2024-10-31", 412500000) in monthly


def test_the_issuer_file_wins_over_the_text(tmp_path):
    text = TEXT.replace("reports results.", "reports results for the quarter ended September 28, 2024, the third "
                                            "quarter of its fiscal year ending December 28, 2024.")
    path = tmp_path / "acme.yaml"
    path.write_text(HEAD + "  fiscal_year_end: {saturday-nearest: jan-31}\n")
    result = convert_text(text, source="acme.txt", layout="pipe", issuer=str(path))
    assert "2024-08-04..2024-11-02" in {str(f.period) for f in result.facts if f.category == "narrative"}


def test_the_tables_tell_the_year_end_when_the_text_does_not():
    html = ("<p>Acme Stores</p><table><tr><td></td><td>Thirty-Nine Weeks Ended November 2, 2024</td></tr>"
            "<tr><td>Net sales</td><td>1,000</td></tr></table>")
    cal = fiscal_calendar(read_document(html, "html", "x"))
    assert cal.weekly and cal.fiscal_year_end_month == 2 and cal.named_by_start
    assert cal.quarter_end(3, 2024) == date(2024, 11, 2)


def test_rules_check_locates_calendar_mistakes(tmp_path):
    path = tmp_path / "acme.yaml"
    for line, message in (("  fiscal_year_end: {saturday-nearest: feb-30}\n", "issuer: fiscal_year_end: 'feb-30' is no day of the year"),
                          ("  fiscal_year_end: {saturday-closest: jan-31}\n", "'fiscal_year_end' must be a month"),
                          ("  fiscal_year_end: janaury\n", "'fiscal_year_end' must be a month")):
        path.write_text(HEAD + line)
        out = CliRunner().invoke(main, ["rules", "check", str(path), "--no-timeouts"]).output
        assert f"{path}:7:" in out and message in out, out
