"""Outlook tables that print both ends of a range in one cell ("$190.0 - $193.0"): readers/range_cells.py."""
from __future__ import annotations

from decimal import Decimal

import pytest

from converter.model import Cell, HeaderCell, Row, Table
from converter.pipeline import convert_text
from converter.readers.range_cells import split_ranges

LOW = (("srt:RangeAxis", "srt:MinimumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember"))
HIGH = (("srt:RangeAxis", "srt:MaximumMember"), ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember"))

LEAD = ("Acme Software Reports Fourth Quarter 2024 Results\n\n"
        "SAN MATEO, Calif., February 11, 2025 -- Acme Software, Inc. (NASDAQ: ACMS) today reported results for the "
        "fourth quarter ended December 31, 2024.\n\n"
        "For the first quarter and full year 2025, we currently expect the following results:\n\n")
ROWS = [("($ in millions, except per share data)", "First Quarter 2025", "Full Year 2025"),
        ("Revenue", "$190.0 - $193.0", "$809.0 - $821.0"),
        ("Year-over-year growth", "15% - 17%", "12% - 14%"),
        ("GAAP net loss per share", "$(0.05) - $(0.03)", "$(0.12) - $(0.08)"),
        ("Non-GAAP income from operations", "$32.5 - $34.5", "$131.0 - $139.0")]


def _markdown() -> str:
    lines = [f"| {' | '.join(r)} |" for r in ROWS]
    return LEAD + "\n".join([lines[0], "| --- | --- | --- |"] + lines[1:]) + "\n"


def _html() -> str:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in ROWS)
    paragraphs = "".join(f"<p>{p}</p>" for p in LEAD.split("\n\n") if p)
    return f"<html><body>{paragraphs}<table>{rows}</table></body></html>"


@pytest.mark.parametrize("layout, text", [("markdown", _markdown()), ("html", _html())])
def test_a_range_in_each_cell_is_the_outlooks_minimum_and_maximum(layout, text):
    facts = {(f.concept, str(f.period), f.dims): f.value for f in convert_text(text, issuer="none", layout=layout).facts}
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-03-31", LOW)] == Decimal("190000000")
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-03-31", HIGH)] == Decimal("193000000")
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-12-31", LOW)] == Decimal("809000000")
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-12-31", HIGH)] == Decimal("821000000")
    # the row of percentages between them is a row of the table, not a new header (the rows under it keep
    # their periods), and the negative ends stay negative
    assert facts[("us-gaap:EarningsPerShareBasicAndDiluted", "2025-01-01..2025-12-31", LOW)] == Decimal("-0.12")
    assert facts[("us-gaap:EarningsPerShareBasicAndDiluted", "2025-01-01..2025-12-31", HIGH)] == Decimal("-0.08")
    # a non-GAAP line is no GAAP concept's outlook
    assert not any(k[0] == "us-gaap:OperatingIncomeLoss" for k in facts)
    assert all(k[2] in (LOW, HIGH) for k in facts if k[1].startswith("2025"))


def _table(cells_by_row: list[list[str]]) -> Table:
    rows = [Row(f"Row {i}", [Cell(t, c) for c, t in enumerate(texts) if t]) for i, texts in enumerate(cells_by_row)]
    return Table([HeaderCell("Q1 2025", (0, 0)), HeaderCell("FY 2025", (1, 1))], 2, rows)


def test_a_column_is_split_only_where_every_figure_in_it_is_a_range():
    whole = split_ranges(_table([["$190.0 - $193.0", "$809.0 - $821.0"], ["-", "$0.52 - $0.54"]]))
    assert whole.ncols == 4
    assert [(c.text, c.col) for c in whole.rows[0].cells] == [("$190.0", 0), ("$193.0", 1), ("$809.0", 2),
                                                               ("$821.0", 3)]
    assert [(h.text, h.cols) for h in whole.header] == [("Q1 2025", (0, 1)), ("FY 2025", (2, 3)), ("Low", (0, 0)),
                                                        ("High", (1, 1)), ("Low", (2, 2)), ("High", (3, 3))]
    # a figure that is no range keeps its column whole; a span of years is no range; percentages alone are
    # no outlook's
    for cells in ([["$190.0 - $193.0", "$809.0"], ["$12.0", "$0.52 - $0.54"]], [["2024 - 2025", "2023 - 2024"]],
                  [["15% - 17%", "12% - 14%"]]):
        table = _table(cells)
        assert split_ranges(table) is table


# the same outlook as a PDF reader lays it out: each end a word of its own, the dash between them two spaces
# away, and the scale note at the labels' margin reaching over the first figures
FIXED = """\
Acme Software Reports Fourth Quarter 2024 Results

SAN MATEO, Calif., February 11, 2025 -- Acme Software, Inc. (NASDAQ: ACMS) today reported results for the
fourth quarter ended December 31, 2024.

For the first quarter and full year 2025, we currently expect the following results:

   ($ in millions, except per share data)  First Quarter 2025  Full Year 2025
    Revenue                               $190.0  -  $193.0  $809.0  -  $821.0
    Year-over-year growth                    15%  -  17%        12%  -  14%
    GAAP net loss per share              $(0.05)  -  $(0.03)  $(0.12)  -  $(0.08)
"""


def test_a_range_printed_as_words_a_space_or_two_apart_is_one_cell_of_two_ends():
    facts = {(f.concept, str(f.period), f.dims): f.value for f in convert_text(FIXED, issuer="none", layout="fixed").facts}
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-03-31", LOW)] == Decimal("190000000")
    assert facts[("us-gaap:Revenues", "2025-01-01..2025-12-31", HIGH)] == Decimal("821000000")
    assert facts[("us-gaap:EarningsPerShareBasicAndDiluted", "2025-01-01..2025-03-31", LOW)] == Decimal("-0.05")
    assert len([k for k in facts if k[2]]) == 8
