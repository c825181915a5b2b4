"""Arelle as the oracle: what we write is clean XBRL 2.1 / Dimensions / Calculations 1.1 / UTR / OIM, and
what is broken on purpose is caught with the specific code. Arelle is loaded once per test session (the
validator keeps one in-process session per thread)."""
from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("arelle", reason="Arelle is not installed: pip install 'xbrlify[test]'")

sys.path.insert(0, str(Path(__file__).parent))
from conftest_emit import BS, Q4, Q4_PRIOR, fact, synthetic_facts, synthetic_result  # noqa: E402

from converter.emit import write_outputs
from converter.model import Entity
from converter.result import ConversionResult, DocumentInfo
from converter.taxonomy import Taxonomy
from converter.validate import arelle_check

pytestmark = pytest.mark.arelle
FORMATS = [("xbrl", "xml"), ("json", "json")]


def check(tmp_path, result, to, ext, name="report"):
    out = tmp_path / f"{name}.{ext}"
    write_outputs(result, out, to)
    return arelle_check(out)


def codes(findings):
    return {f["code"] for f in findings}


@pytest.mark.parametrize("to, ext", FORMATS)
def test_synthetic_report_is_clean(tmp_path, to, ext):
    assert check(tmp_path, synthetic_result(), to, ext) == []


@pytest.mark.parametrize("to, ext", FORMATS)
def test_bare_report_is_clean(tmp_path, to, ext):
    """No issuer, no dims, no calculations, an entity that is not a CIK, concepts of an undeclared prefix that
    the taxonomy lacks (their definitions inferred from unit and period) and a pure ratio."""
    facts = [fact("us-gaap:Revenues", Q4, "1000"), fact("ext:UnheardOfShares", BS, "5", unit="shares", decimals=0),
             fact("ext:SomeRatio", Q4, "0.25", unit="pure", decimals=2)]
    result = ConversionResult(facts=facts, entity=Entity("ticker", "ACME", name="Acme"),
                              taxonomy=Taxonomy({}, {}), info=DocumentInfo(source="x.txt", layout="text"))
    assert check(tmp_path, result, to, ext) == []


def test_unknown_official_concept_is_refused(tmp_path):
    """Nothing is declared in a namespace the project does not own: a us-gaap name outside the official
    elements the package declares cannot be written at all."""
    facts = [fact("us-gaap:Revenues", Q4, "1000"), fact("us-gaap:UnheardOfShares", BS, "5", unit="shares", decimals=0)]
    result = ConversionResult(facts=facts, entity=Entity("ticker", "ACME", name="Acme"),
                              taxonomy=Taxonomy({}, {}), info=DocumentInfo(source="x.txt", layout="text"))
    with pytest.raises(ValueError, match="us-gaap:UnheardOfShares is not among the official elements"):
        write_outputs(result, tmp_path / "report.xml", "xbrl")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("to, ext", FORMATS)
def test_skipped_calculations_keep_consistent_data_clean(tmp_path, to, ext):
    """A partial context and a calculation whose weights contradict balances are left out of the linkbase,
    so Arelle sees nothing to complain about."""
    facts = [f for f in synthetic_facts() if not (f.concept == "us-gaap:CostOfRevenue" and f.period == Q4_PRIOR)]
    facts += [fact("us-gaap:ProfitLoss", Q4, "-1200000"),
              fact("us-gaap:NetIncomeLossAttributableToNoncontrollingInterest", Q4, "34000")]
    assert check(tmp_path, synthetic_result(facts), to, ext) == []


@pytest.mark.parametrize("to, ext", FORMATS)
def test_total_that_does_not_add_up(tmp_path, to, ext):
    facts = [replace(f, value=Decimal("10000000")) if f.concept == "us-gaap:GrossProfit" and f.period == Q4 else f
             for f in synthetic_facts()]
    findings = check(tmp_path, synthetic_result(facts), to, ext)
    assert codes(findings) == {"calc11e:inconsistentCalculationUsingRounding"}
    assert all(f["level"] == "inconsistency" for f in findings)


@pytest.mark.parametrize("to, ext", FORMATS)
def test_duplicate_fact_with_another_value(tmp_path, to, ext):
    facts = synthetic_facts() + [fact("us-gaap:CashAndCashEquivalentsAtCarryingValue", BS, "5000000")]
    findings = check(tmp_path, synthetic_result(facts), to, ext)
    assert "arelle:duplicateFacts" in codes(findings)
    assert codes(findings) <= {"arelle:duplicateFacts", "oime:invalidTaxonomy"}


@pytest.mark.parametrize("to, ext", FORMATS)
def test_shares_fact_in_usd(tmp_path, to, ext):
    facts = [replace(f, unit="USD") if f.concept.endswith("SharesOutstandingBasic") else f
             for f in synthetic_facts()]
    findings = check(tmp_path, synthetic_result(facts), to, ext)
    assert {"xbrl.4.8.2:sharesFactUnit-notSharesMeasure", "utre:error-NumericFactUtrInvalid"} <= codes(findings)
    assert codes(findings) <= {"xbrl.4.8.2:sharesFactUnit-notSharesMeasure", "utre:error-NumericFactUtrInvalid",
                               "oime:invalidTaxonomy"}


def test_findings_are_plain_dicts(tmp_path):
    facts = synthetic_facts() + [fact("us-gaap:CashAndCashEquivalentsAtCarryingValue", BS, "1")]
    finding = check(tmp_path, synthetic_result(facts), "xbrl", "xml")[0]
    assert set(finding) == {"code", "level", "message", "source"}
    assert finding["level"] == "warning" and "CashAndCashEquivalentsAtCarryingValue" in finding["message"]


def test_report_without_period_end_uses_latest_fact(tmp_path):
    result = synthetic_result(period_end=None)
    assert check(tmp_path, result, "xbrl", "xml") == []
    assert '<xbrli:startDate>2016-12-31</xbrli:startDate>' in (tmp_path / "report.xml").read_text()
    assert date(2016, 12, 31) == max(f.period.end for f in result.facts if not f.dims)


@pytest.mark.parametrize("to, ext", FORMATS)
def test_consistent_duplicate_is_clean(tmp_path, to, ext):
    """A table figure and its rounded restatement in the text (26,741 thousand vs "$26.7 million")."""
    facts = synthetic_facts() + [fact("us-gaap:Revenues", Q4, "26700000", decimals=-5, category="narrative")]
    assert check(tmp_path, synthetic_result(facts), to, ext) == []


@pytest.mark.parametrize("to, ext", FORMATS)
def test_a_report_in_canadian_dollars_is_clean(tmp_path, to, ext):
    facts = [replace(f, unit=f.unit.replace("USD", "CAD")) for f in synthetic_facts()]
    assert check(tmp_path, synthetic_result(facts), to, ext) == []
