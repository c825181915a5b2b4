"""Broken rule files: each kind gets one line naming the file, the line (and column) and what is wrong, from
the loader (a RuleError, nothing half-loaded) and from `xbrlify rules check` (exit 1). No traceback."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.paths import RULES_DIR
from converter.pipeline import convert_text
from converter.rulebook.loader import RuleError, load_rulebook

HEAD = """# yaml-language-server: $schema=../../schemas/rules.schema.json
issuer:
  name: Acme Corp
  prefix: acme
  namespace: http://acme.example/xbrl/2025
  detect: ["\\\\bAcme Corp\\\\b"]
"""
RULE = "rows:\n  - id: acme-rev\n    concept: us-gaap:Revenues\n    labels: [\"net product revenue\"]\n"

# (name, file text, line of the error, words the message holds, caught on load too)
CASES = [
    ("bad-yaml", HEAD + "rows:\n  - {id: acme-rev, concept: us-gaap:Revenues, labels: [\"x\"]\n", 9,
     "invalid YAML: expected ',' or '}', but got '<stream end>' (while parsing a flow mapping at line 8)", True),
    ("tab-indent", HEAD + "rows:\n\t- id: acme-rev\n", 8, "invalid YAML", True),
    ("not-a-mapping", "# yaml-language-server: $schema=../../schemas/rules.schema.json\n- id: x\n", 1,
     "a rule file is a mapping", True),
    ("duplicate-key", HEAD + RULE + "rows: []\n", 11, "duplicate key 'rows'", True),
    ("unknown-top-key", HEAD + RULE.replace("rows:", "row:"), 7, "unknown key 'row' (did you mean 'rows'?)", True),
    ("unknown-rule-key", HEAD + RULE.replace("    concept:", "    concpet:"), 9,
     "rule 'acme-rev': unknown key 'concpet' (did you mean 'concept'?)", True),
    ("wrong-type", HEAD + RULE + "    priority: high\n", 11,
     "rule 'acme-rev': 'priority' must be an integer, not a string ('high')", True),
    ("bad-enum", HEAD + RULE + "    sign: expence\n", 11, "not 'expence' (did you mean 'expense'?)", True),
    ("missing-labels", HEAD + "rows:\n  - id: acme-rev\n    concept: us-gaap:Revenues\n", 8,
     "rule 'acme-rev': missing key 'labels' or 'label'", True),
    ("empty-labels", HEAD + RULE.replace('["net product revenue"]', "[]"), 10, "'labels' must not be empty", True),
    ("not-a-qname", HEAD + RULE.replace("us-gaap:Revenues", "Revenues"), 9,
     "'concept' must be a QName like us-gaap:Revenues", True),
    ("unknown-concept", HEAD + RULE.replace("us-gaap:Revenues", "us-gaap:Revnues"), 9,
     "rule 'acme-rev': us-gaap:Revnues is not a 2024 element of us-gaap; did you mean us-gaap:Revenues?", True),
    ("undeclared-extension", HEAD + RULE.replace("us-gaap:Revenues", "acme:ProductRevenue"), 9,
     "unknown concept 'acme:ProductRevenue' (declare it under concepts:)", True),
    ("extension-wrong-prefix", HEAD + "concepts:\n  acne:ProductRevenue: {type: monetary, period: duration}\n"
     + RULE.replace("us-gaap:Revenues", "acne:ProductRevenue"), 8,
     "concept 'acne:ProductRevenue': an extension concept takes the issuer's prefix 'acme:'", True),
    ("bad-concept-type", HEAD + "concepts:\n  acme:ProductRevenue: {type: money, period: duration}\n"
     + RULE.replace("us-gaap:Revenues", "acme:ProductRevenue"), 8, "'type' must be one of monetary", True),
    ("duplicate-id", HEAD + RULE + RULE.replace("rows:\n", ""), 11, "rule 'acme-rev': duplicate id (first at line 8)",
     True),
    ("id-of-a-base-rule", HEAD + RULE.replace("acme-rev", "revenues-total"), 8,
     "rule 'revenues-total': id", True),
    ("bad-regex", HEAD + RULE.replace("net product revenue", "net (product revenue"), 10,
     "rule 'acme-rev': pattern 'net (product revenue' does not compile", True),
    ("catastrophic-regex", HEAD + RULE.replace("net product revenue", "(\\\\w+\\\\s?)+ revenue"), 10,
     "rule 'acme-rev': pattern '(\\w+\\s?)+ revenue' can backtrack catastrophically", True),
    ("missing-issuer-block", "# yaml-language-server: $schema=../../schemas/rules.schema.json\n" + RULE, 1,
     "missing issuer block", True),
    ("issuer-missing-prefix", HEAD.replace("  prefix: acme\n", "") + RULE, 2, "issuer: missing key 'prefix'", True),
    ("standard-prefix", HEAD.replace("prefix: acme", "prefix: us-gaap") + RULE, 4,
     "issuer: prefix 'us-gaap' is a standard taxonomy's", True),
    ("bad-namespace", HEAD.replace("http://acme.example/xbrl/2025", "acme 2025") + RULE, 5,
     "'namespace' must be a URI", True),
    ("impossible-date", HEAD + RULE + "    priority: 2025-13-45\n", 11, "'priority' must be an integer, not a string", True),
    ("control-character", HEAD + RULE.replace("net product revenue", "net\x00revenue"), 10,
     "invalid YAML: character '\\x00' is not allowed", True),
    ("test-both-expectations", HEAD + RULE + "tests:\n  - text: 'x'\n    expect: []\n    expect_none: true\n", 12,
     "test 1: give one of 'expect' or 'expect_none', not both", True),
    # what only `rules check` sees
    ("prefix-clash", HEAD.replace("prefix: acme", "prefix: imgn") + RULE.replace("acme-rev", "imgn2-rev"), 4,
     "issuer: prefix 'imgn' is also used by", False),
    ("period-mismatch", HEAD + RULE.replace("net product revenue", "revenue at end of period"), 10,
     "us-gaap:Revenues is a duration concept, but 'revenue at end of period' names a balance at a date", False),
    ("shadowed-rule", HEAD + RULE + "  - id: acme-rev-2\n    concept: us-gaap:CostOfRevenue\n"
     "    labels: [\"net product revenue\"]\n", 11, "rule 'acme-rev-2': never applies: 'acme-rev'", False),
    ("timeout-regex", HEAD + RULE.replace("net product revenue", "(a|aa)+"), 10,
     "can backtrack catastrophically: it timed out", False),
]


def _write(tmp_path, name, text):
    path = tmp_path / "issuers" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_at_least_fifteen_kinds():
    assert len(CASES) >= 15 and len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("name,text,line,words,on_load", CASES, ids=[c[0] for c in CASES])
def test_rules_check_reports_one_line(tmp_path, name, text, line, words, on_load):
    path = _write(tmp_path, name, text)
    res = CliRunner().invoke(main, ["rules", "check", str(path)])
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    errors = [ln for ln in res.output.splitlines() if ": error: " in ln]
    hits = [ln for ln in errors if words in ln]
    assert hits, res.output
    assert hits[0].startswith(f"{path}:{line}:"), hits[0]


@pytest.mark.parametrize("name,text,line,words,on_load", [c for c in CASES if c[4]], ids=[c[0] for c in CASES if c[4]])
def test_loader_refuses_with_one_line(tmp_path, name, text, line, words, on_load):
    path = _write(tmp_path, name, text)
    for _ in range(2):  # a refused file is refused again: nothing half-loaded was cached
        with pytest.raises(RuleError) as err:
            load_rulebook(path)
        message = str(err.value)
        assert "\n" not in message and message.startswith(f"{path}:{line}"), message
        assert words.split(" (did")[0].split(": ", 1)[-1][:30] in message, message
    book = load_rulebook(None)  # the good rules still load
    assert book.rows and book.issuer is None


def test_convert_cli_says_the_same_line_and_exits_3(tmp_path):
    path = _write(tmp_path, "acme", HEAD + RULE.replace("    concept:", "    concpet:"))
    doc = tmp_path / "release.txt"
    doc.write_text("Acme Corp reports. | Three Months Ended December 31, | 2024 | 2023 | Revenue | 5 | 4 |\n")
    res = CliRunner().invoke(main, ["convert", str(doc), "--issuer", str(path)])
    assert res.exit_code == 3
    assert f"{path}:9:5: rule 'acme-rev': unknown key 'concpet' (did you mean 'concept'?)" in res.output
    assert "Traceback" not in res.output


def test_a_good_issuer_file_converts(tmp_path):
    path = _write(tmp_path, "acme", HEAD + RULE)
    result = convert_text("| Three Months Ended December 31, | 2024 | 2023 | Net product revenue | 5 | 4 |",
                          layout="pipe", issuer=str(path), rules_dir=RULES_DIR)
    assert {(f.concept, str(f.value)) for f in result.facts} == {("us-gaap:Revenues", "5"), ("us-gaap:Revenues", "4")}


def test_broken_taxonomy_gets_one_located_line(tmp_path):
    from converter.paths import TAXONOMY_FILE
    from converter.rulebook.loader import RuleError
    from converter.taxonomy import load_taxonomy
    bad = tmp_path / "taxonomy.yaml"
    bad.write_text(TAXONOMY_FILE.read_text().replace("us-gaap:Revenues: {type:", "us-gaap:Revenues: {typ:", 1))
    with pytest.raises(RuleError, match=r"taxonomy\.yaml:\d+:\d+: .*unknown key 'typ'"):
        load_taxonomy(bad)
