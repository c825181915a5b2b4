"""The taxonomy against the official lists: every us-gaap, srt and dei name the project writes or a rule file
names is an element of the official 2024 taxonomies, with the official data type (and period type and balance
where the lists give them); `rules check` says so for issuer files, with the nearest official names."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from converter.emit.cover import DEI_COVER_CONCEPTS
from converter.paths import RULES_DIR
from converter.pipeline import base_taxonomy
from converter.rulebook.check import check_paths
from converter.taxonomies.official import (ENTRY_POINTS, LISTS_DIR, OFFICIAL_PREFIXES, did_you_mean,
                                           official_elements, official_problem)
from converter.taxonomies.package import SRT_DIMENSIONS

from .conftest import shared_path

QNAME = re.compile(r"\b(?:us-gaap|srt|dei):[A-Za-z][A-Za-z0-9_]*")


def test_shipped_lists_are_the_shared_official_lists():
    for ep in ENTRY_POINTS.values():
        official = shared_path("taxonomy", ep.list_file)
        assert (LISTS_DIR / ep.list_file).read_bytes() == official.read_bytes(), ep.list_file
    assert sum(1 for q in official_elements() if q.startswith("us-gaap:")) == 17388


def test_every_official_concept_of_the_taxonomy_is_official_with_its_type():
    wrong = [official_problem(name, d.type, d.period, d.balance) for name, d in base_taxonomy().concepts.items()]
    assert [w for w in wrong if w] == []


def test_every_official_name_in_a_rule_file_is_an_official_element():
    wrong = []
    for path in sorted(RULES_DIR.rglob("*.yaml")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("#"):
                continue      # a comment may name what is not an element ("no US-GAAP element: ...")
            for name in QNAME.findall(line):
                if name not in official_elements():
                    wrong.append(f"{path.relative_to(RULES_DIR)}:{n}: {name}")
    assert wrong == []


def test_what_the_emitter_writes_itself_is_official():
    for name, d in DEI_COVER_CONCEPTS.items():
        found = official_elements()[name]
        assert found.period == d.period, name
        assert (found.type == "dateItemType") == (d.type == "date"), name
    for name in SRT_DIMENSIONS:
        assert official_elements()[name].abstract, name


def test_a_wrong_name_or_type_is_caught_with_the_nearest_names():
    assert did_you_mean("us-gaap:Revenue") == ["us-gaap:Revenues"]
    assert did_you_mean("us-gaap:grossprofit") == ["us-gaap:GrossProfit"]
    assert "did you mean us-gaap:NetIncomeLoss" in official_problem("us-gaap:NetIncomeLos")
    assert official_problem("us-gaap:Revenues", "shares") == \
        "us-gaap:Revenues is monetaryItemType in the official taxonomy, not shares"
    assert "period type instant" in official_problem("dei:EntityCommonStockSharesOutstanding", "shares",
                                                     "duration")
    assert official_problem("us-gaap:Revenues", "monetary", "duration", "credit") is None
    assert official_problem("acme:Whatever", "shares") is None     # not ours to check
    assert OFFICIAL_PREFIXES == {"us-gaap", "srt", "dei"}


def test_rules_check_names_the_official_element_for_an_issuer_file(tmp_path):
    issuer = tmp_path / "bad.yaml"
    issuer.write_text(
        "# yaml-language-server: $schema=../../schemas/rules.schema.json\n"
        'issuer: {name: Bad Corp, prefix: bad, namespace: "http://bad.example/2024", detect: "Bad Corp"}\n'
        "rows:\n"
        "  - id: revenue\n"
        "    concept: us-gaap:Revenue\n"
        '    labels: ["total sales"]\n'
        "  - id: cash\n"
        "    concept: us-gaap:CashAndCashEquivalentsAtCarryingValue\n"
        '    labels: ["cash on hand"]\n', encoding="utf-8")
    problems = [p for p in check_paths([issuer], timeouts=False) if p.code == "not-official"]
    assert [(p.line, p.message) for p in problems] == [
        (5, "rule 'revenue': us-gaap:Revenue is not a 2024 element of us-gaap; did you mean us-gaap:Revenues?")]


def test_declared_calculations_agree_with_the_official_weights():
    """Where an official statement calculation sums an item directly into the same total, the weight is the
    same (the other differences are named in rules/taxonomy.yaml's comments)."""
    folder = shared_path("taxonomy", "us-gaap-2025-stm-cal")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    try:
        from official_calcs import official_summations
    finally:
        sys.path.pop(0)
    official = official_summations(folder)
    assert official["us-gaap:GrossProfit"]          # the linkbases were read
    contradictions = []
    for calc in base_taxonomy().calculations:
        for networks in [official.get(calc.total, {})]:
            for where, items in networks.items():
                for item, weight in calc.items:
                    if item in items and items[item] != weight:
                        contradictions.append(f"{calc.id}: {item} {weight:+d}, officially {items[item]:+d} ({where})")
    assert contradictions == []


def test_every_concept_a_base_rule_names_is_declared():
    # an undeclared element is looked up in the official lists (taxonomies/standard.py), which a plain
    # conversion then loads on every start: the base rules declare theirs, and start without them
    from converter.pipeline import base_taxonomy
    from converter.rulebook.loader import load_rulebook
    book, tax = load_rulebook(None), base_taxonomy()
    assert sorted({r.concept for rules in (book.rows, book.phrases) for r in rules if r.concept not in tax}) == []
