"""Any standard US-GAAP element may be named in a rule without declaring it, with its official data type and the
period type and balance of the official statement calculations; a misspelt one gets 'did you mean'; one whose
period type nothing official gives must be declared."""
from __future__ import annotations

from click.testing import CliRunner

from converter.cli import main
from converter.pipeline import convert_text
from converter.taxonomies.standard import standard_concept

from .conftest import ISSUER_HEAD

HEAD = ISSUER_HEAD
TABLE = ("Acme Corp\n\nBalance sheets (in thousands) | December 31, 2024 | December 31, 2023 | "
         "Deferred contract costs | 30 | 20 | Allowance for doubtful accounts | (5) | (4) |\n")


def test_an_undeclared_element_has_its_real_type_period_and_balance():
    concept, why = standard_concept("us-gaap:DeferredCostsCurrent")
    assert why == "" and (concept.type, concept.period, concept.balance) == ("monetary", "instant", "debit")
    concept, _ = standard_concept("us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent")
    assert (concept.period, concept.balance) == ("instant", "credit")
    concept, _ = standard_concept("us-gaap:PaymentsForRepurchaseOfCommonStock")
    assert (concept.period, concept.balance) == ("duration", "credit")
    assert standard_concept("us-gaap:SegmentDomain")[0] is None     # a domain is no amount


def test_a_rule_names_it_and_the_engine_reads_it(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(HEAD + """rows:
  - {id: acme-deferred, concept: us-gaap:DeferredCostsCurrent, labels: ["deferred contract costs"]}
  - {id: acme-allowance, concept: us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent, sign: expense,
     labels: ["allowance for doubtful accounts"]}
""")
    out = CliRunner().invoke(main, ["rules", "check", str(path), "--no-timeouts"]).output
    assert "0 errors" in out, out
    facts = {(f.concept, str(f.period), f.value) for f in
             convert_text(TABLE, source="acme.txt", layout="pipe", issuer=str(path)).facts}
    assert ("us-gaap:DeferredCostsCurrent", "2024-12-31", 30000) in facts
    assert ("us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", "2024-12-31", 5000) in facts


def test_rules_check_says_did_you_mean_or_declare_it(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(HEAD + """rows:
  - {id: acme-a, concept: us-gaap:DeferredCostCurrent, labels: ["deferred contract costs"]}
  - {id: acme-b, concept: us-gaap:SegmentDomain, labels: ["segments"]}
""")
    out = CliRunner().invoke(main, ["rules", "check", str(path), "--no-timeouts"]).output
    assert (f"{path}:8:27: error: rule 'acme-a': us-gaap:DeferredCostCurrent is not a 2024 element of us-gaap; "
            f"did you mean us-gaap:DeferredCostsCurrent") in out
    assert f"{path}:9:27: error: rule 'acme-b': us-gaap:SegmentDomain is a domainItemType element" in out


def test_a_rule_files_example_may_expect_an_undeclared_element(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(HEAD + """rows:
  - {id: acme-deferred, concept: us-gaap:DeferredCostsCurrent, labels: ["deferred contract costs"]}
tests:
  - name: deferred contract costs
    text: |
      | December 31, 2024 | December 31, 2023
      | Deferred contract costs | 30 | 20
    expect:
      - {concept: us-gaap:DeferredCostsCurrent, period: 2024-12-31, value: 30}
      - {concept: us-gaap:DeferredCostsCurrent, period: 2023-12-31, value: 20}
""")
    out = CliRunner().invoke(main, ["rules", "check", str(path), "--no-timeouts"]).output
    assert "0 errors" in out, out
    assert "1 passed, 0 failed" in CliRunner().invoke(main, ["rules", "test", str(path)]).output
