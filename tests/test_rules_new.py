"""`xbrlify rules new`: a starter issuer file that passes `rules check` as written; completed by hand (here:
by the test, as docs/adding-an-issuer.md does it) it stays under 40 lines, passes check and its own tests,
and the release converts with recall and precision 1.000 against its gold.

The completion holds labels, concepts and wording only; its test snippets use invented figures."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.rulebook.scaffold import guess_concept, label_pattern, slug
from converter.rulebook.loader import FLAGS
from converter.rulebook.match import normalize_label

from .conftest import score_output, shared_path

import regex

RELEASE = "apple-fy2011q1.html"

COMPLETION = """
concepts:
  apple:VendorNonTradeReceivablesCurrent: {type: monetary, period: instant, balance: debit, label: Vendor Non-trade Receivables}

rows:
  - {id: apple-other-income-and-expense, concept: us-gaap:NonoperatingIncomeExpense, labels: ["other income and expense"]}
  - {id: apple-shares-basic, concept: us-gaap:WeightedAverageNumberOfSharesOutstandingBasic, labels: [basic], section: "shares used in computing"}
  - {id: apple-shares-diluted, concept: us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, labels: [diluted], section: "shares used in computing"}
  - {id: apple-vendor-receivables, concept: apple:VendorNonTradeReceivablesCurrent, labels: ["vendor non-trade receivables"], section: "current assets"}
  - {id: apple-deferred-revenue-noncurrent, concept: us-gaap:DeferredRevenueNoncurrent, labels: ["deferred revenue ?[–—-] ?non-current"]}
  - {id: apple-capex, concept: us-gaap:PaymentsToAcquirePropertyPlantAndEquipment, sign: expense, labels: ["payments for acquisition of property, plant and equipment"]}

tests:
  - name: shares used are share counts, not per-share amounts
    text: |
      | Three Months Ended | December 25, 2010 | December 26, 2009
      | Shares used in computing earnings per share: |
      | Diluted | 1,000 | 900
    expect:
      - {concept: us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, period: 2010-09-26..2010-12-25, value: 1000, rule: apple-shares-diluted}
      - {concept: us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding, period: 2009-09-27..2009-12-26, value: 900}
  - name: vendor receivables in the cash flow statement are changes, not balances
    text: "| Three Months Ended | December 25, 2010 | December 26, 2009 | Changes in operating assets and liabilities: | Vendor non-trade receivables | (40) | 30"
    expect_none: true
"""


def complete(generated: str) -> str:
    """What the author does: delete the stubs (every commented line indented under a block) and write the
    rules the release needs."""
    kept = [ln for ln in generated.splitlines()
            if not ln.startswith("  #") and ln not in ("concepts:", "rows:", "tests:")]
    return "\n".join(kept).rstrip() + "\n" + COMPLETION


@pytest.fixture
def starter(tmp_path):
    doc = shared_path("corpus", RELEASE)
    out = tmp_path / "issuers" / "apple.yaml"
    res = CliRunner().invoke(main, ["rules", "new", "--issuer", "apple", str(doc), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return doc, out


def test_starter_file_passes_check_as_written(starter):
    _doc, out = starter
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/rules.schema.json\n")
    assert "issuer:\n" in text and "  prefix: apple\n" in text and '  detect: ["\\\\bApple\\\\b"]' in text
    assert '  # - {id: apple-vendor-non-trade-receivables, concept: us-gaap:CHOOSE, ' \
           'labels: ["vendor non-trade receivables"], section: "current assets"}' in text
    res = CliRunner().invoke(main, ["rules", "check", str(out)])
    assert res.exit_code == 0, res.output
    assert ": error: " not in res.output and ": warning: " not in res.output


def test_completed_file_reaches_recall_and_precision_one(starter, tmp_path):
    doc, out = starter
    out.write_text(complete(out.read_text(encoding="utf-8")), encoding="utf-8")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 40, f"{len(lines)} lines"
    runner = CliRunner()
    res = runner.invoke(main, ["rules", "check", str(out)])
    assert res.exit_code == 0 and ": error: " not in res.output, res.output
    res = runner.invoke(main, ["rules", "test", str(out)])
    assert res.exit_code == 0 and "rules: 2 passed, 0 failed" in res.output, res.output
    result_file = tmp_path / "apple.json"
    res = runner.invoke(main, ["convert", "--to", "json", str(doc), "--issuer", str(out), "-o", str(result_file)])
    assert res.exit_code in (0, 1), res.output
    score = score_output(shared_path("gold", "apple-fy2011q1.gold.csv"), result_file)
    assert (score["recall"], score["precision"]) == (1.0, 1.0), (score["misses"], score["false_positives"])
    text = result_file.read_text(encoding="utf-8")
    assert "apple:VendorNonTradeReceivablesCurrent" in text  # the extension concept is reported too


def test_label_pattern_matches_its_label_only():
    for label in ["Deferred revenue – non-current", "Accumulated other comprehensive income/(loss)",
                  "Cost of sales (1)", "Research & development"]:
        pattern = regex.compile(label_pattern(label), FLAGS)
        assert pattern.fullmatch(normalize_label(label)), label
        assert not pattern.fullmatch(normalize_label(label) + " x")


def test_slug_and_guess():
    assert slug("Payments for acquisition of property, plant and equipment") == "payments-for-acquisition-of-property"
    assert guess_concept("Research and development", "duration") == "us-gaap:ResearchAndDevelopmentExpense"
    assert guess_concept("Accounts payable", "duration") is None      # a balance, not in a flow statement
    assert guess_concept("Miscellaneous current assets", "instant") is None   # no concept holds every word


def test_new_refuses_to_overwrite(starter):
    doc, out = starter
    res = CliRunner().invoke(main, ["rules", "new", "--issuer", "apple", str(doc), "-o", str(out)])
    assert res.exit_code == 2 and "exists" in res.output
