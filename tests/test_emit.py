"""Emitters and the lxml/JSON Schema validators, without Arelle: lexical forms, schema validity, escaping,
determinism, the written layout, which calculations reach the linkbase, and the score of the JSON."""
from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import os
import random
import subprocess
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.taxonomy import Calculation
from hypothesis import given, strategies as st
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))
from conftest_emit import ACME_NS, Q4, Q4_PRIOR, fact, synthetic_facts, synthetic_result  # noqa: E402

from converter.emit import entry_filename, render_json, render_taxonomy, render_xbrl, taxonomy_view, write_outputs
from converter.emit.formats import entity_spec, format_value, oim_period, oim_unit, unit_spec
from converter.model import Entity, Period
from converter.paths import ROOT
from converter.validate import ArelleUnavailable, arelle_check, validate_json, validate_xml

XBRLI = "http://www.xbrl.org/2003/instance"


# ------------------------------------------------------------------------------------------- lexical forms

@pytest.mark.parametrize("value, decimals, text", [
    ("21506000", -3, "21506000"),
    ("21506123", -3, "21506000"),
    ("21550000", -5, "21600000"),          # half-up, as printed figures are rounded
    ("-0.39", 2, "-0.39"),
    ("1", 2, "1.00"),
    ("0.125", 2, "0.13"),
    ("-0.001", 2, "0.00"),                  # never "-0.00"
    ("1E+9", -6, "1000000000"),
    ("123456789012345678901234567890.5", 0, "123456789012345678901234567891"),
])
def test_format_value(value, decimals, text):
    assert format_value(Decimal(value), decimals) == text


def test_format_value_refuses_floats():
    with pytest.raises(TypeError):
        format_value(0.39, 2)


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**15, max_value=10**15, places=6),
       st.integers(min_value=-9, max_value=6))
def test_format_value_is_plain_and_exact(value, decimals):
    text = format_value(value, decimals)
    assert "E" not in text.upper()
    assert not (Decimal(text).is_zero() and text.startswith("-"))
    assert abs(Decimal(text) - value) <= Decimal(1).scaleb(-decimals) / 2
    assert format_value(Decimal(text), decimals) == text


def test_oim_periods_are_end_exclusive_midnights():
    assert oim_period(Period(end=date(2016, 12, 31))) == "2017-01-01T00:00:00"
    assert oim_period(Period(end=date(2016, 12, 31), start=date(2016, 7, 1))) == \
        "2016-07-01T00:00:00/2017-01-01T00:00:00"


def test_units():
    assert oim_unit("USD") == "iso4217:USD"
    assert oim_unit("shares") == "xbrli:shares"
    assert oim_unit("USD/shares") == "iso4217:USD/xbrli:shares"
    assert oim_unit("pure") is None                     # OIM: pure is the absence of a unit
    assert unit_spec("USD/shares").id == "USD-per-shares"
    with pytest.raises(ValueError):
        unit_spec("dollars")


def test_entity_schemes():
    assert entity_spec(Entity("cik", "855654")) == ("cik", "http://www.sec.gov/CIK", "0000855654")
    assert entity_spec(Entity("http://www.sec.gov/CIK", "0000855654")).prefix == "cik"
    assert entity_spec(Entity("http://example.com/ids", "X1")) == ("scheme", "http://example.com/ids", "X1")
    assert entity_spec(Entity("ticker", "ACME")) == ("scheme", "urn:xbrlify:entity-scheme:ticker", "ACME")
    with pytest.raises(ValueError):
        entity_spec(Entity("cik", ""))


# ------------------------------------------------------------------------------------------------ JSON

def test_json_validates_and_says_what_the_facts_say():
    text = render_json(synthetic_result(), "acme.xsd")
    assert validate_json(text) == []
    doc = json.loads(text)
    info = doc["documentInfo"]
    assert info["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert info["taxonomy"] == ["acme.xsd"]
    assert info["namespaces"]["cik"] == "http://www.sec.gov/CIK"
    assert info["namespaces"]["acme"] == ACME_NS
    assert {"xbrli", "iso4217", "us-gaap", "srt", "dei"} <= info["namespaces"].keys()
    facts = list(doc["facts"].values())
    assert all(isinstance(f["value"], str) for f in facts)
    eps = [f for f in facts if f["dimensions"]["concept"] == "us-gaap:EarningsPerShareBasic"
           and f["dimensions"]["period"] == "2016-10-01T00:00:00/2017-01-01T00:00:00"]
    assert eps == [{"value": "-0.39", "decimals": 2, "dimensions": {
        "concept": "us-gaap:EarningsPerShareBasic", "entity": "cik:0000855654",
        "period": "2016-10-01T00:00:00/2017-01-01T00:00:00", "unit": "iso4217:USD/xbrli:shares"}}]
    guidance = [f for f in facts if "srt:RangeAxis" in f["dimensions"]]
    assert sorted((f["dimensions"]["srt:RangeAxis"], f["value"]) for f in guidance) == \
        [("srt:MaximumMember", "75000000"), ("srt:MinimumMember", "70000000")]
    assert all(f["dimensions"]["srt:StatementScenarioAxis"] == "srt:ScenarioForecastMember" for f in guidance)
    shares = [f for f in facts if f["dimensions"]["concept"].endswith("SharesOutstandingBasic")]
    assert {f["dimensions"]["unit"] for f in shares} == {"xbrli:shares"}


def test_json_facts_are_the_report_rows_field_by_field():
    """The JSON template unpacks each FactView by position: every fact it writes, cover facts included, is its
    row's id, value, decimals, concept, period, unit and dimensions."""
    from converter.emit.report import build_report
    result = synthetic_result()
    report = build_report(result)
    facts = json.loads(render_json(result, "acme.xsd"))["facts"]
    assert list(facts) == [v.id for v in report.facts]
    for v in report.facts:
        want = {"value": v.value, "dimensions": {"concept": v.concept, "entity": "cik:0000855654",
                                                  "period": v.oim_period, **({"unit": v.oim_unit} if v.oim_unit else {}),
                                                  **dict(v.dims)}}
        if v.decimals is not None:
            want["decimals"] = v.decimals
        assert facts[v.id] == want, v.id
    assert any(v.decimals is None for v in report.facts) and any(v.dims for v in report.facts)


@pytest.mark.parametrize("breakage, needle", [
    (lambda d: d["facts"]["f001"].update(value=1500000), "is not of type 'string'"),
    (lambda d: d["facts"]["f001"].update(decimals="-3"), "is not of type 'integer'"),
    (lambda d: d["facts"]["f001"]["dimensions"].update(period="2016-12-31"), "does not match"),
    (lambda d: d["facts"]["f001"]["dimensions"].update(unit="xbrli:pure"), "should not be valid"),
    (lambda d: d["documentInfo"].update(documentType="x"), "was expected"),
])
def test_json_schema_rejects(breakage, needle):
    doc = json.loads(render_json(synthetic_result(), "acme.xsd"))
    breakage(doc)
    problems = validate_json(json.dumps(doc))
    assert any(needle in p for p in problems), problems


def test_json_duplicate_keys_are_refused():
    text = render_json(synthetic_result(), "acme.xsd").replace('"f002"', '"f001"')
    assert any("duplicate key 'f001'" in p for p in validate_json(text))


# ------------------------------------------------------------------------------------------------- XML

def test_xml_validates_structurally_and_strictly():
    result = synthetic_result()
    text = render_xbrl(result, entry_filename("report"))
    assert validate_xml(text) == []
    assert validate_xml(text, render_taxonomy(result)) == []


def test_xml_validation_finds_broken_references_and_types():
    result = synthetic_result()
    text = render_xbrl(result, entry_filename("report"))
    broken = text.replace('contextRef="I20151231"', 'contextRef="nowhere"', 1).replace(">1500000<", ">lots<")
    problems = validate_xml(broken, render_taxonomy(result))
    assert any("missing context 'nowhere'" in p for p in problems)
    assert any("strict" in p and "'lots' is not a valid value" in p for p in problems)
    assert validate_xml(text.replace("<xbrli:instant>", "<xbrli:instant>x", 1))   # structure: not a date


def test_xml_instance_carries_cover_facts_units_and_dims():
    root = etree.fromstring(render_xbrl(synthetic_result(), "acme.xsd").encode())
    ns = {"xbrli": XBRLI, "dei": "http://xbrl.sec.gov/dei/2024", "xbrldi": "http://xbrl.org/2006/xbrldi"}
    assert root.findtext("dei:EntityCentralIndexKey", namespaces=ns) == "0000855654"
    assert root.findtext("dei:TradingSymbol", namespaces=ns) == "ACME"
    assert root.findtext("dei:DocumentType", namespaces=ns) == "8-K"
    assert root.findtext("dei:DocumentPeriodEndDate", namespaces=ns) == "2016-12-31"
    schemes = {e.get("scheme") for e in root.iterfind(".//xbrli:identifier", ns)}
    assert schemes == {"http://www.sec.gov/CIK"}
    divide = root.find("xbrli:unit[@id='USD-per-shares']/xbrli:divide", ns)
    assert [m.text for m in divide.iterfind(".//xbrli:measure", ns)] == ["iso4217:USD", "xbrli:shares"]
    members = {(m.get("dimension"), m.text) for m in root.iterfind(".//xbrli:scenario/xbrldi:explicitMember", ns)}
    assert ("srt:StatementScenarioAxis", "srt:ScenarioForecastMember") in members
    assert ("srt:RangeAxis", "srt:MinimumMember") in members


def test_escaping_of_names_values_and_labels():
    nasty = 'A&B <Holdings> "Q" \'s ]]> end'
    result = synthetic_result()
    result.entity = replace(result.entity, name=nasty + "\x07")      # a control character XML cannot carry
    root = etree.fromstring(render_xbrl(result, "acme.xsd").encode())
    assert root.findtext("{http://xbrl.sec.gov/dei/2024}EntityRegistrantName") == nasty
    doc = json.loads(render_json(result, "acme.xsd"))
    assert doc["facts"]["cover-EntityRegistrantName"]["value"] == nasty
    labels = etree.fromstring(render_taxonomy(result)["report_lab.xml"].encode())
    texts = [e.text for e in labels.iter("{http://www.xbrl.org/2003/linkbase}label")]
    assert 'License & milestone fees <net> "]]>"' in texts


# ------------------------------------------------------------------------------------------ determinism

def _digest(result) -> str:
    parts = [render_json(result, "r.xsd"), render_xbrl(result, "r.xsd"), *render_taxonomy(result).items()]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def test_output_does_not_depend_on_fact_order():
    facts = synthetic_facts()
    shuffled = facts[:]
    random.Random(7).shuffle(shuffled)
    assert _digest(synthetic_result(facts)) == _digest(synthetic_result(shuffled))


def test_output_does_not_depend_on_hash_seed():
    script = ("import sys; sys.path.insert(0, 'tests'); from test_emit import _digest; "
              "from conftest_emit import synthetic_result; print(_digest(synthetic_result()))")
    digests = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                             check=True)
        digests.add(out.stdout.strip())
    assert digests == {_digest(synthetic_result())}


# ---------------------------------------------------------------------------------------------- writing

def test_write_outputs_layout_and_atomicity(tmp_path):
    result = synthetic_result()
    written = write_outputs(result, tmp_path / "acme.json", "json")
    names = [p.name for p in written]
    assert names[-1] == "acme.json"                      # the instance comes last
    assert sorted(names) == sorted(["acme.json", "acme.xsd", "acme-acme.xsd", "acme_lab.xml", "acme_cal.xml",
                                    "acme_def.xml"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)   # no temp files left behind
    assert json.loads((tmp_path / "acme.json").read_text())["documentInfo"]["taxonomy"] == ["acme.xsd"]
    write_outputs(result, tmp_path / "acme.xml", "xbrl")
    assert validate_xml((tmp_path / "acme.xml").read_text(), tmp_path) == []
    with pytest.raises(ValueError):
        write_outputs(result, tmp_path / "acme.csv", "csv")


def test_taxonomy_imports_the_official_entry_points_and_declares_only_ours():
    files = render_taxonomy(synthetic_result(), "acme")
    xs = "{http://www.w3.org/2001/XMLSchema}"
    entry = etree.fromstring(files["acme.xsd"].encode())
    imports = {i.get("namespace"): i.get("schemaLocation") for i in entry.iter(f"{xs}import")}
    assert imports["http://fasb.org/us-gaap/2024"] == "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"
    assert imports["http://fasb.org/srt/2024"] == "https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd"
    assert imports["http://xbrl.sec.gov/dei/2024"] == "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"
    declared = {}
    for name, text in files.items():
        if name.endswith(".xsd"):
            root = etree.fromstring(text.encode())
            declared[root.get("targetNamespace")] = {e.get("name") for e in root.iter(f"{xs}element")}
    assert not set(declared) & {"http://fasb.org/us-gaap/2024", "http://fasb.org/srt/2024",
                                "http://xbrl.sec.gov/dei/2024"}
    assert declared[ACME_NS] == {"LicenseAndMilestoneFees"}
    labels = files["acme_lab.xml"]
    assert 'xlink:href="https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd#us-gaap_Revenues"' in labels


def test_calculations_only_when_the_facts_can_satisfy_them():
    view = taxonomy_view(synthetic_result())
    assert [n.role.rsplit(":", 1)[1] for n in view.calculations] == ["gross-profit", "liabilities-and-equity"]
    # the prior quarter loses its cost of revenue: gross profit there would be checked as a partial sum
    facts = [f for f in synthetic_facts() if not (f.concept == "us-gaap:CostOfRevenue" and f.period == Q4_PRIOR)]
    view = taxonomy_view(synthetic_result(facts))
    assert "gross-profit" not in [n.role.rsplit(":", 1)[1] for n in view.calculations]
    assert ("gross-profit", "some context holds the total with only part of its items") in view.skipped_calculations


def test_calculation_whose_weights_contradict_balances_is_left_out():
    # NetIncomeLoss = ProfitLoss - NCI: all three are credits, so weight -1 breaks XBRL 2.1 5.1.1.2
    facts = synthetic_facts() + [fact("us-gaap:ProfitLoss", Q4, "-1200000"),
                                 fact("us-gaap:NetIncomeLossAttributableToNoncontrollingInterest", Q4, "34000")]
    facts = [f for f in facts if not (f.concept == "us-gaap:NetIncomeLoss" and f.period == Q4_PRIOR)]
    result = synthetic_result(facts)
    result.taxonomy.calculations.append(Calculation("profit-attributable-to-parent", "us-gaap:NetIncomeLoss", (
        ("us-gaap:ProfitLoss", 1), ("us-gaap:NetIncomeLossAttributableToNoncontrollingInterest", -1))))
    skipped = dict(taxonomy_view(result).skipped_calculations)
    assert "contradicts" in skipped["profit-attributable-to-parent"]


def test_arelle_missing_gives_install_hint(monkeypatch):
    monkeypatch.setitem(sys.modules, "arelle.RuntimeOptions", None)
    with pytest.raises(ArelleUnavailable, match=r"pip install 'xbrlify\[test\]'"):
        arelle_check(__file__)


# ------------------------------------------------------------------------------------------------ score

def _load_score():
    shared = Path(os.environ.get("XBRLIFY_SHARED", ROOT.parent / "shared"))
    path = shared / "score.py"
    if not path.is_file():
        pytest.skip(f"no score.py under {shared} (set XBRLIFY_SHARED)")
    spec = importlib.util.spec_from_file_location("xbrlify_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_json_scores_perfectly_against_gold_from_the_same_facts(tmp_path):
    score = _load_score()
    result = synthetic_result()
    gold = tmp_path / "acme.gold.csv"
    with open(gold, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["concept", "period", "value", "decimals", "unit", "category", "required", "dims"])
        for x in result.facts:
            w.writerow([x.concept, str(x.period), str(x.value), x.decimals, x.unit, x.category, "yes",
                        ";".join(f"{a}={m}" for a, m in x.dims)])
    write_outputs(result, tmp_path / "acme.json", "json")
    s = score.score(score.load_gold(str(gold)), score.load_output(str(tmp_path / "acme.json")))
    assert (s["recall"], s["precision"], s["fp"]) == (1.0, 1.0, 0), (s["misses"], s["false_positives"])
    assert s["found"] == len(result.facts)
