"""Table rules (`tables:`): matched by title, caption, header or first row label, they set a column's period (or
every column's), skip columns by header, set the scale, name the statement kind, give segment columns their
members, or skip the table; `explain` names the rule; `rules check` locates each kind of mistake."""
from __future__ import annotations

from click.testing import CliRunner

from converter.cli import main
from converter.explain import explain_lines
from converter.pipeline import Trace, convert_text

from .conftest import ISSUER_HEAD

HEAD = ISSUER_HEAD
RELEASE = """<html><body>
<p>Acme Corp reports results.</p>
<p>CONDENSED STATEMENTS OF OPERATIONS (in thousands)</p>
<table>
<tr><td></td><td colspan="4">Thirty-Nine Weeks Ended</td></tr>
<tr><td></td><td>$ Change</td><td>% Change</td><td>2024</td><td>2023</td></tr>
<tr><td>Net sales</td><td>100</td><td>10%</td><td>1,100</td><td>1,000</td></tr>
<tr><td>Net income</td><td>20</td><td>25%</td><td>100</td><td>80</td></tr>
</table>
<p>SEGMENT RESULTS</p>
<table>
<tr><td></td><td>Retail</td><td>Wholesale</td></tr>
<tr><td>Net sales</td><td>600</td><td>500</td></tr>
</table>
<p>SELECTED DATA</p>
<table>
<tr><td></td><td>November 2, 2024</td><td>October 28, 2023</td></tr>
<tr><td>Cash and cash equivalents</td><td>77</td><td>66</td></tr>
</table>
</body></html>
"""
NINE = "2024-02-04..2024-11-02"
NINE_BEFORE = "2023-01-29..2023-10-28"
RULES = HEAD + f"""tables:
  - id: acme-nine-weeks
    title: statements of operations
    header: thirty-nine weeks
    columns: [{{skip: true}}, {{skip: true}}, {{period: {NINE}}}, {{period: {NINE_BEFORE}}}]
  - id: acme-segments
    title: segment results
    period: {NINE}
    scale: millions
    kind: segment
    columns: [{{member: acme:RetailMember}}, {{member: acme:WholesaleMember}}]
  - {{id: acme-selected, first_row: "^cash and cash equivalents$", skip: true, reason: "restates the balance sheet"}}
"""


def _convert(tmp_path, rules: str):
    path = tmp_path / "acme.yaml"
    path.write_text(rules)
    trace = Trace()
    result = convert_text(RELEASE, source="acme.htm", layout="html", issuer=str(path), trace=trace)
    return result, trace


def _facts(result):
    return {(f.concept, str(f.period), f.value, f.dims) for f in result.facts}


def test_columns_periods_skips_members_and_skipped_table(tmp_path):
    before = _facts(_convert(tmp_path, HEAD)[0])
    result, trace = _convert(tmp_path, RULES)
    after = _facts(result)
    # weeks over bare years name no end date: nothing from the statement without the rule
    assert not any(c == "us-gaap:NetIncomeLoss" for c, *_ in before)
    assert ("us-gaap:NetIncomeLoss", NINE, 100000, ()) in after
    assert ("us-gaap:NetIncomeLoss", NINE_BEFORE, 80000, ()) in after
    assert not any(v in (20000, 100) for _c, _p, v, _d in after)         # the change columns
    # segment columns: each its member, in millions, for the period the rule gives
    axis = "us-gaap:StatementBusinessSegmentsAxis"
    assert ("us-gaap:Revenues", NINE, 600000000, ((axis, "acme:RetailMember"),)) in after
    assert ("us-gaap:Revenues", NINE, 500000000, ((axis, "acme:WholesaleMember"),)) in after
    # the selected data table is skipped
    assert any(c == "us-gaap:CashAndCashEquivalentsAtCarryingValue" for c, *_ in before)
    assert not any(c == "us-gaap:CashAndCashEquivalentsAtCarryingValue" for c, *_ in after)
    assert [(s.rule, s.reason) for s in trace.tables.suppressed] == [("acme-selected", "restates the balance sheet")]


def test_explain_names_the_table_rule(tmp_path):
    result, trace = _convert(tmp_path, RULES)
    text = "\n".join(explain_lines(result, trace))
    assert "    table   acme-nine-weeks  [issuer, " in text
    assert "column 1 skipped; column 2 skipped; column 3 period 2024-02-04..2024-11-02" in text
    assert "    step    table rule: acme-nine-weeks" in text
    assert "    table   acme-segments  [issuer, " in text and "kind segment (read as secondary)" in text
    assert "suppressed by acme-selected [issuer, " in text and "(restates the balance sheet)" in text


def test_skip_columns_by_header(tmp_path):
    rules = HEAD + f"""tables:
  - id: acme-nine
    header: thirty-nine weeks
    skip_columns: ["change"]
    columns: [{{}}, {{}}, {{period: {NINE}}}, {{period: {NINE_BEFORE}}}]
"""
    result, trace = _convert(tmp_path, rules)
    assert {(str(f.period), f.value) for f in result.facts if f.concept == "us-gaap:NetIncomeLoss"} == \
        {(NINE, 100000), (NINE_BEFORE, 80000)}
    assert "column 1 skipped (header '$ Change'); column 2 skipped (header '% Change')" in \
        "; ".join(trace.tables.readings[next(iter(trace.tables.readings))].notes)


def test_a_table_two_rules_match_at_one_rank_is_left_unread(tmp_path):
    rules = HEAD + f"""tables:
  - {{id: acme-a, title: statements of operations, columns: [{{}}, {{}}, {{period: {NINE}}}, {{skip: true}}]}}
  - {{id: acme-b, header: thirty-nine weeks, columns: [{{}}, {{}}, {{skip: true}}, {{period: {NINE_BEFORE}}}]}}
"""
    result, trace = _convert(tmp_path, rules)
    assert not any(f.concept == "us-gaap:NetIncomeLoss" for f in result.facts)
    assert any("acme-a and acme-b both match" in s.reason for s in trace.tables.suppressed)
    result, _ = _convert(tmp_path, rules.replace("id: acme-b,", "id: acme-b, priority: 1,"))
    assert {str(f.period) for f in result.facts if f.concept == "us-gaap:NetIncomeLoss"} == {NINE_BEFORE}


def test_a_columns_list_of_the_wrong_length_reads_nothing(tmp_path):
    rules = HEAD + f"""tables:
  - {{id: acme-a, title: statements of operations, columns: [{{period: {NINE}}}, {{period: {NINE_BEFORE}}}]}}
"""
    result, trace = _convert(tmp_path, rules)
    assert not any(f.concept == "us-gaap:NetIncomeLoss" for f in result.facts)
    assert any("lists 2 columns, the table has 4" in s.reason for s in trace.tables.suppressed)


def test_rules_check_locates_table_rule_mistakes(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(HEAD + """tables:
  - {id: acme-a, period: 2024-01-01}
  - {id: acme-b, title: x, kind: income-statment}
  - {id: acme-c, title: x, columns: [{period: 2024-13-01}]}
""")
    out = CliRunner().invoke(main, ["rules", "check", str(path), "--no-timeouts"]).output
    assert f"{path}:8:5: error: rule 'acme-a': missing key 'title' or 'caption' or 'header' or 'first_row'" in out
    assert f"{path}:9:34: error: rule 'acme-b': 'kind' must be one of income-statement" in out
    assert "(did you mean 'income-statement'?)" in out
    path.write_text(HEAD + """tables:
  - {id: acme-a, title: x, period: 2024-09-30..2024-01-01}
  - {id: acme-b, title: x, columns: [{period: 2024-02-30}]}
  - {id: acme-c, title: x, skip: true}
  - {id: acme-d, title: x, columns: [{member: other:RetailMember}]}
  - {id: acme-e, title: x}
""")
    out = CliRunner().invoke(main, ["rules", "check", str(path), "--no-timeouts"]).output
    assert f"{path}:8:36: error: rule 'acme-a': period '2024-09-30..2024-01-01' ends before it starts" in out
    assert f"{path}:9:47: error: rule 'acme-b': column 1: period '2024-02-30' is no date or START..END" in out
    assert f"{path}:10:5: error: rule 'acme-c': a skipped table says why: add reason:" in out
    assert f"{path}:11:47: error: rule 'acme-d': member 'other:RetailMember' takes the issuer's prefix ('acme:')" in out
    assert f"{path}:12:5: warning: rule 'acme-e': matches tables but sets nothing" in out
