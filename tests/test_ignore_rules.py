"""Ignore rules (`ignore:`): a row label, a table, a phrase or a sentence gives no fact, each with a reason that
`explain` shows ("suppressed by RULE (reason)") and that `--coverage` lists apart from what no rule read."""
from __future__ import annotations

from click.testing import CliRunner

from converter.cli import main
from converter.explain import coverage, explain_lines
from converter.pipeline import Trace, convert_text

from .conftest import ISSUER_HEAD

HEAD = ISSUER_HEAD
IGNORE = HEAD + """ignore:
  - {id: acme-no-segment-revenue, phrase: "segment revenue", reason: "a segment's revenue, not the company's"}
  - {id: acme-no-other, row: "other assets", in_table: "balance", reason: "a catch-all line of the balance sheet"}
  - {id: acme-no-combined, sentence: "including the business it acquired", reason: "combined with an acquired business"}
  - {id: acme-no-kpi, table: "key operating data", reason: "operating statistics"}
"""
RELEASE = """Acme Corp reports results.

Revenues for the three months ended December 31, 2016 were $1.2 million. Revenue of the Widgets segment for the three months ended December 31, 2016 was $0.7 million. Including the business it acquired in June, operating expenses for the three months ended December 31, 2016 were $1.9 million.

Key operating data (in thousands) | Three Months Ended December 31, | 2016 | 2015 | Revenues | 999 | 888 | Net income | 77 | 66 |

Condensed balance sheets (in thousands) | December 31, 2016 | December 31, 2015 | Cash and cash equivalents | 500 | 400 | Other assets | 12 | 10 | Total assets | 512 | 410 |
"""


def _convert(tmp_path, rules: str):
    path = tmp_path / "acme.yaml"
    path.write_text(rules)
    trace = Trace()
    result = convert_text(RELEASE.replace("Revenue of the Widgets segment", "Segment revenue"), source="acme.txt",
                          layout="pipe", issuer=str(path), trace=trace)
    return result, trace


def _facts(result):
    return {(f.concept, str(f.period), f.value) for f in result.facts}


def test_each_ignore_kind_suppresses_what_it_names(tmp_path):
    before, _ = _convert(tmp_path, HEAD)
    after, trace = _convert(tmp_path, IGNORE)
    gone = _facts(before) - _facts(after)
    # the table of operating data, the pro forma sentence, the balance sheet's "Other": all read without the rules
    assert ("us-gaap:OperatingExpenses", "2016-10-01..2016-12-31", 1900000) in gone
    assert ("us-gaap:Revenues", "2015-10-01..2015-12-31", 888000) in gone
    assert ("us-gaap:OtherAssets", "2016-12-31", 12000) in gone
    # the sentence's revenue no longer disagrees with the operating data table's, so it is kept
    assert _facts(after) - _facts(before) == {("us-gaap:Revenues", "2016-10-01..2016-12-31", 1200000)}
    kinds = {(s.kind, s.rule) for s in trace.tables.suppressed + trace.narrative.suppressed}
    assert kinds == {("table", "acme-no-kpi"), ("row", "acme-no-other"), ("sentence", "acme-no-combined"),
                     ("phrase", "acme-no-segment-revenue")}


def test_explain_says_suppressed_by_rule_and_reason(tmp_path):
    result, trace = _convert(tmp_path, IGNORE)
    text = "\n".join(explain_lines(result, trace))
    assert "suppressed by acme-no-kpi [issuer, " in text and "(operating statistics)" in text
    assert "row 'Other assets | 12 | 10': suppressed by acme-no-other" in text
    assert "sentence 'Including the business it acquired" in text and "(combined with an acquired business)" in text


def test_coverage_lists_suppressed_apart_from_unread(tmp_path):
    result, trace = _convert(tmp_path, IGNORE)
    cov = coverage(trace, result.facts)
    assert cov.suppressed_cells == 4 + 2          # the operating data table, the 'Other' row
    assert not any(row.label == "Other assets" for _t, row in cov.rows)
    assert not any("segment" in text.lower() for _b, text, _o in cov.amounts)
    text = "\n".join(explain_lines(result, trace, with_coverage=True))
    head, _, tail = text.partition("suppressed (ignore and table rules; not unread):")
    assert "4 suppressed (6 numeric cells)" in head and "acme-no-segment-revenue" in tail


def test_rules_check_locates_ignore_mistakes(tmp_path):
    bad = HEAD + """ignore:
  - {id: acme-a, row: "other", reason: "x"}
  - {id: acme-b, row: "total", table: "segment", reason: "both a row and a table"}
  - {id: acme-c, sentence: "pro forma"}
"""
    path = tmp_path / "acme.yaml"
    path.write_text(bad)
    out = CliRunner().invoke(main, ["rules", "check", str(path), "--no-timeouts"]).output
    assert f"{path}:9:5: error: rule 'acme-b': give one of 'row' or 'table' or 'phrase' or 'sentence', not both" in out
    assert f"{path}:10:5: error: rule 'acme-c': missing key 'reason'" in out
    path.write_text(HEAD + """ignore:
  - {id: acme-a, row: "other", reason: "x"}
  - {id: acme-d, phrase: "(a+)+ revenue", reason: "backtracks"}
  - {id: acme-a, table: "kpi", reason: "the same id twice"}
""")
    out = CliRunner().invoke(main, ["rules", "check", str(path), "--no-timeouts"]).output
    assert f"{path}:9:26: error: rule 'acme-d': pattern '(a+)+ revenue' can backtrack catastrophically" in out
    assert f"{path}:10:10: error: rule 'acme-a': duplicate id (first at line 8)" in out
