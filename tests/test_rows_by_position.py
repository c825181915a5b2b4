"""Rows by position: a row rule may name the unlabelled row right after a row (`after:`) or the total of the block
under a heading (`total_of:`); a pattern that can match only an empty label gets a warning from `rules check`."""
from __future__ import annotations

from click.testing import CliRunner

from converter.cli import main
from converter.explain import explain_lines
from converter.pipeline import Trace, convert_text

from .conftest import ISSUER_HEAD

HEAD = ISSUER_HEAD
RELEASE = """<p>Acme Corp</p><p>BALANCE SHEETS (in thousands)</p><table>
<tr><td></td><td>December 31, 2024</td><td>December 31, 2023</td></tr>
<tr><td>Cash and cash equivalents</td><td>500</td><td>400</td></tr>
<tr><td>Deferred costs:</td><td></td><td></td></tr>
<tr><td>Contract costs</td><td>30</td><td>20</td></tr>
<tr><td>Commissions</td><td>12</td><td>9</td></tr>
<tr><td>Total</td><td>45</td><td>29</td></tr>
<tr><td>Lease obligations</td><td>70</td><td>60</td></tr>
<tr><td></td><td>71</td><td>61</td></tr>
</table>"""


def _convert(tmp_path, rules: str):
    path = tmp_path / "acme.yaml"
    path.write_text(rules)
    trace = Trace()
    return convert_text(RELEASE, source="acme.htm", layout="html", issuer=str(path), trace=trace), trace


def _facts(result):
    return {(f.concept, str(f.period), f.value) for f in result.facts}


def test_after_and_total_of_reach_rows_no_label_can(tmp_path):
    rules = HEAD + """rows:
  - {id: acme-deferred-costs, concept: us-gaap:OtherAssetsCurrent, total_of: deferred costs}
  - {id: acme-lease-total, concept: us-gaap:OperatingLeaseLiability, after: lease obligations}
"""
    before = _facts(_convert(tmp_path, HEAD)[0])
    result, trace = _convert(tmp_path, rules)
    gained = _facts(result) - before
    # the block's "Total" (which does not add up: a printed total is the author's word) and the unlabelled row
    assert gained == {("us-gaap:OtherAssetsCurrent", "2024-12-31", 45000),
                      ("us-gaap:OtherAssetsCurrent", "2023-12-31", 29000),
                      ("us-gaap:OperatingLeaseLiability", "2024-12-31", 71000),
                      ("us-gaap:OperatingLeaseLiability", "2023-12-31", 61000)}
    text = "\n".join(explain_lines(result, trace, concept="OperatingLeaseLiability"))
    assert "    rule    acme-lease-total  [issuer, " in text


def test_two_positional_rules_that_disagree_leave_the_row_unread(tmp_path):
    rules = HEAD + """rows:
  - {id: acme-a, concept: us-gaap:OperatingLeaseLiability, after: lease obligations}
  - {id: acme-b, concept: us-gaap:OperatingLeaseLiabilityNoncurrent, after: "lease obligations?"}
"""
    result, _ = _convert(tmp_path, rules)
    assert not any(f.value in (71000, 61000) for f in result.facts)


def test_rules_check_warns_of_a_pattern_for_an_empty_label(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(HEAD + """rows:
  - {id: acme-a, concept: us-gaap:Revenues, labels: ["^\\\\s*$"]}
  - {id: acme-b, concept: us-gaap:Revenues, after: "(?:)"}
  - {id: acme-c, concept: us-gaap:Revenues, total_of: "(revenue"}
""")
    out = CliRunner().invoke(main, ["rules", "check", str(path), "--no-timeouts"]).output
    assert f"{path}:8:54: warning: rule 'acme-a': pattern '^\\\\s*$' can match only an empty label" in out
    assert f"{path}:9:52: warning: rule 'acme-b': pattern '(?:)' can match only an empty label" in out
    assert f"{path}:10:55: error: rule 'acme-c': pattern '(revenue' does not compile" in out
