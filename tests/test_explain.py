"""`xbrlify explain`: every fact with its rule, source and steps; rules that lost on precedence; merged
facts and why; with --coverage, the rows and amounts no rule read and the share of numeric cells read."""
from __future__ import annotations

from click.testing import CliRunner

from converter.cli import main
from converter.explain import coverage, explain_lines
from converter.paths import RULES_DIR
from converter.pipeline import Trace, convert_text

from .conftest import shared_path

SNIPPET = ("Revenues for the three months ended December 31, 2016 were $1.2 million.\n"
           "(in thousands) | Three Months Ended December 31, | 2016 | 2015 | Revenues: | License and milestone fees | 1,234 | 1,100 "
           "| Total revenues | 1,234 | 1,100 | Miscellaneous deferred items | 5 | 4 |\n")


def _run(issuer=str(RULES_DIR / "issuers" / "immunogen.yaml")):
    trace = Trace()
    result = convert_text(SNIPPET, source="snippet", layout="pipe", issuer=issuer, trace=trace)
    return result, trace


def test_each_fact_has_rule_source_and_steps():
    result, trace = _run()
    text = "\n".join(explain_lines(result, trace))
    assert "imgn:LicenseAndMilestoneFees  2016-10-01..2016-12-31  = 1234000 USD (decimals -3, table)" in text
    assert "    rule    imgn-license-fees  [issuer, rules/issuers/immunogen.yaml:" in text
    assert "    source  table " in text and "'License and milestone fees | 1,234'" in text
    assert "    step    period: " in text and "    step    scale: x10^3" in text and "    step    decimals: -3" in text


def test_precedence_is_visible():
    result, trace = _run()
    text = "\n".join(explain_lines(result, trace, concept="Revenues"))
    # "Total revenues" under "Revenues:": the plain total rule wins; the under-heading one lost on precedence
    assert "    rule    revenues-total  [base, rules/base/income-statement.yaml:" in text
    assert "    also    revenues-total-under-heading (base) -> us-gaap:Revenues:" not in text or "lost" in text


def test_merged_facts_are_listed_with_the_reason():
    result, trace = _run()
    text = "\n".join(explain_lines(result, trace))
    assert result.rejected, "the sentence restates the table's revenue"
    assert "merged or rejected: " in text and "    dropped: " in text


def test_coverage_counts_numeric_cells_and_lists_unmapped_rows():
    result, trace = _run()
    cov = coverage(trace)
    assert (cov.cells, cov.mapped_cells) == (6, 4)
    assert [row.label for _t, row in cov.rows] == ["Miscellaneous deferred items"]
    text = "\n".join(explain_lines(result, trace, with_coverage=True))
    assert "coverage: 4 of 6 numeric table cells in rows a rule read (66.7%); 1 unmapped rows" in text
    assert "    'Miscellaneous deferred items': 5 | 4" in text


def test_explain_cli_on_a_corpus_release():
    doc = shared_path("corpus", "apple-fy2011q1.html")
    res = CliRunner().invoke(main, ["explain", str(doc), "--coverage", "--issuer", "none"])
    assert res.exit_code == 0, res.output
    assert "    rule    revenues-total  [base, rules/base/income-statement.yaml:" in res.output
    assert "step    scale: x10^6" in res.output
    assert "coverage: " in res.output and "'Vendor non-trade receivables'" in res.output


def test_explain_cli_bad_rules_exit_3(tmp_path):
    bad = tmp_path / "acme.yaml"
    bad.write_text("issuer: {name: Acme, prefix: acme, namespace: 'http://acme.example'}\nrows: 3\n")
    doc = tmp_path / "r.txt"
    doc.write_text("| Three Months Ended December 31, | 2016 | 2015 | Revenues | 1 | 2 |\n")
    res = CliRunner().invoke(main, ["explain", str(doc), "--issuer", str(bad)])
    assert res.exit_code == 3
    assert f"{bad}:2:7: 'rows' must be a list, not an integer" in res.output


def test_coverage_does_not_list_amounts_an_outlook_read():
    text = ("Acme reported revenue of $70.1 million for the third quarter of 2025.\n\n"
            "For fiscal year 2026, Acme expects revenue in the range of $760 million to $775 million and a "
            "one-time charge of $3 million.\n")
    trace = Trace()
    result = convert_text(text, source="outlook", layout="pdf", issuer="none", trace=trace)
    ranges = [f for f in result.facts if f.category == "guidance"]
    assert sorted(trace.document.text[f.provenance.span.start:f.provenance.span.end] for f in ranges) == [
        "$760 million", "$775 million"]
    listed = [context for _block, context, _at in coverage(trace, result.facts).amounts]
    assert len(listed) == 1 and "$3 million" in listed[0]
