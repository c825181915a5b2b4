"""Hostile rules and documents: a catastrophic pattern is stopped by the time limit and reported with its rule
id, markup cannot expand entities or reach outside resources, awkward labels come out escaped, YAML is loaded
safely, and long inputs are read with work in proportion to their size (counted, not timed: tests/work.py)."""
from __future__ import annotations

from decimal import Decimal

import json
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner
from lxml import etree

from converter.cli import main
from converter.engine.metric_mentions import find_book_mentions
from converter.rulebook.loader import FLAGS, RuleError
from converter.rulebook.match import match_row
from converter.rulebook.model import PhraseRule, RowRule, Rulebook

from .work import grows_linearly, hang_guard, lines_run

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "acme-q3-2025.txt"
# Not caught by the loader's static look (no nested repeat), yet exponential on text with many commas.
SLOW = r"(?:.*?,){11}P"


@pytest.fixture(autouse=True)
def _no_hang():
    """A pattern past the time limit, or a quadratic reading, would hang the suite: fail it instead."""
    with hang_guard(120):
        yield


def run(*args):
    return CliRunner().invoke(main, ["convert", *map(str, args)])


def issuer_file(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "hostile.yaml"
    p.write_text("issuer:\n  name: Hostile Corp\n  prefix: hstl\n  namespace: http://example.com/hostile\n" + body,
                 encoding="utf-8")
    return p


# ------------------------------------------------------------------------------------------ catastrophic rules

def test_catastrophic_phrase_rule_is_stopped_and_named(tmp_path):
    rules = issuer_file(tmp_path, f"phrases:\n  - id: slow-metric\n    concept: us-gaap:Revenues\n"
                                  f"    metrics: ['{SLOW}']\n")
    doc = tmp_path / "doc.txt"
    doc.write_text("Hostile Corp reported results.\n\nRevenues were $5.0 million, " + "a, " * 40 + "and more.\n")
    res = run("--issuer", rules, doc, "-o", tmp_path / "out" / "r.json")
    assert res.exit_code == 3, res.output
    assert "slow-metric" in res.stderr and "catastrophic" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_nested_repeat_in_a_row_rule_is_refused_with_its_id(tmp_path):
    rules = issuer_file(tmp_path, "rows:\n  - id: evil-row\n    concept: us-gaap:Revenues\n"
                                  "    labels: ['(?:\\w+\\s?)+!']\n")
    res = run("--issuer", rules, EXAMPLE, "-o", tmp_path / "out" / "r.json")
    assert res.exit_code == 3 and "evil-row" in res.stderr, res.output
    assert not (tmp_path / "out").exists()


def _row_rule(rid: str, pattern: str) -> RowRule:
    return RowRule(id=rid, concept="us-gaap:Revenues", labels=(regex.compile(pattern, FLAGS),), file="t.yaml", line=3)


def test_match_time_limit_on_row_labels():
    """The limit itself, with rules built in code (past any load-time check)."""
    book = Rulebook(rows=[_row_rule("ok", "total revenues?"), _row_rule("hang", SLOW)])
    label = "a, " * 30 + "b"
    with pytest.raises(RuleError, match=r"t\.yaml:3: rule 'hang'.*took over"):
        match_row(book, label)
    assert match_row(book, "Total revenues").id == "ok"


def test_match_time_limit_on_sentences():
    rule = PhraseRule(id="slow-phrase", concept="us-gaap:Revenues", metrics=(regex.compile(SLOW, FLAGS),))
    book = Rulebook(phrases=[rule])
    with pytest.raises(RuleError, match="slow-phrase"):
        find_book_mentions("Revenues were $5 million, " + "a, " * 40, book, "before", "narrative")


# ------------------------------------------------------------------------------------------ hostile documents

def test_external_entities_and_entity_bombs_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    laughs = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 9))
    html = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
            f'<!ENTITY l0 "lol">{laughs}]>'
            '<html><body><p>Hostile Corp: &xxe; &l8;</p>'
            '<p>Revenues for the quarter ended March 31, 2025 were $5.0 million.</p>'
            f'<img src="file://{secret}"/><iframe src="http://127.0.0.1:9/"></iframe></body></html>')
    doc = tmp_path / "bomb.htm"
    doc.write_text(html)
    res = run(doc, "-o", tmp_path / "out" / "r.json")
    assert res.exit_code in (0, 1), res.output
    text = "".join(p.read_text() for p in (tmp_path / "out").iterdir())
    assert "TOP-SECRET-VALUE" not in text and "lollol" not in text


def test_awkward_labels_are_escaped_in_xml_and_json(tmp_path):
    nasty = 'Fees & <Costs> "Q" \'s ]]> end'
    rules = issuer_file(tmp_path, (
        "concepts:\n"
        f"  hstl:OddFees: {{type: monetary, period: duration, balance: debit, label: {json.dumps(nasty)}}}\n"
        "rows:\n"
        "  - {id: odd-fees, concept: hstl:OddFees, labels: ['fees and <costs> \"q\" .s \\]\\]> end']}\n"))
    doc = tmp_path / "doc.htm"
    doc.write_text(
        "<html><body><p>Hostile Corp &amp; Sons &lt;HC&gt; reports.</p><table>"
        "<tr><td></td><td>Three Months Ended March 31,</td></tr>"
        "<tr><td></td><td>2025</td><td>2024</td></tr>"
        "<tr><td>Fees &amp; &lt;Costs&gt; \"Q\" 's ]]&gt; end</td><td>1,000</td><td>900</td></tr>"
        "<tr><td>Total revenues</td><td>5,000</td><td>4,000</td></tr>"
        "</table></body></html>")
    for to, name in (("xbrl", "r.xml"), ("json", "r.json")):
        out = tmp_path / to / name
        res = run("--to", to, "--issuer", rules, doc, "-o", out)
        assert res.exit_code in (0, 1), res.output
        files = {p.name: p.read_bytes() for p in out.parent.iterdir()}
        for fname, data in files.items():   # every file parses: nothing broke out of its quoting
            if fname.endswith((".xml", ".xsd")):
                etree.fromstring(data)
            else:
                json.loads(data)
        labels = etree.fromstring(files["r_lab.xml"])
        texts = [el.text for el in labels.iter("{http://www.xbrl.org/2003/linkbase}label")]
        assert nasty in texts
        if to == "json":
            facts = json.loads(files[name])["facts"].values()
            assert any(f["dimensions"]["concept"] == "hstl:OddFees" and f["value"] == "1000" for f in facts)
        else:
            root = etree.fromstring(files[name])
            assert root.find("{http://example.com/hostile}OddFees") is not None


def test_yaml_is_loaded_safely(tmp_path):
    marker = tmp_path / "pwned"
    rules = tmp_path / "evil.yaml"
    rules.write_text(f"rows: !!python/object/apply:os.system ['touch {marker}']\n")
    res = run("--issuer", rules, EXAMPLE, "-o", tmp_path / "out" / "r.json")
    assert res.exit_code == 3 and str(rules) in res.stderr, res.output
    assert not marker.exists()
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------------------------------ hostile rule files

def rules_check(*args):
    return CliRunner().invoke(main, ["rules", "check", *map(str, args)])


def alias_bomb(levels: int = 9) -> str:
    """Nine levels of nine aliases: a few hundred bytes that name 9**9 strings."""
    body = "tests:\n  - name: t0\n    text: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, levels):
        body += f"  - name: t{i}\n    text: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n"
    return body


def test_yaml_alias_bomb_is_refused_before_it_is_expanded(tmp_path):
    rules = issuer_file(tmp_path, alias_bomb())
    res = run("--issuer", rules, EXAMPLE, "-o", tmp_path / "out" / "r.json")
    assert res.exit_code == 3, res.output
    line = res.stderr.strip()
    assert len(line.splitlines()) == 1 and str(rules) in line and "alias" in line, line
    assert not (tmp_path / "out").exists()
    res = rules_check(rules)
    assert res.exit_code == 1 and "alias" in res.output and "Traceback" not in res.output, res.output


def test_an_anchor_used_once_is_harmless_but_every_alias_is_refused(tmp_path):
    """An anchor alone expands nothing; a single alias is refused all the same (rule files need none)."""
    rules = issuer_file(tmp_path, "rows:\n  - &r {id: r1, concept: us-gaap:Revenues, labels: [total sales]}\n")
    assert run("--issuer", rules, EXAMPLE, "-o", tmp_path / "a" / "r.json").exit_code in (0, 1)
    rules = issuer_file(tmp_path, "rows:\n  - &r {id: r1, concept: us-gaap:Revenues, labels: [total sales]}\n"
                                  "  - *r\n")
    res = run("--issuer", rules, EXAMPLE, "-o", tmp_path / "b" / "r.json")
    assert res.exit_code == 3 and f"{rules}:7:5:" in res.stderr and "alias" in res.stderr, res.output


# every place a rule file puts a pattern the engine runs, with a catastrophic pattern and text that sets it off
CATASTROPHIC = r"(?:.*?,){14}Z"
COMMAS = "a, " * 40


def test_catastrophic_skip_sections_pattern_is_stopped_and_named(tmp_path):
    rules = issuer_file(tmp_path, f"skip_sections: ['{CATASTROPHIC}']\n")
    doc = tmp_path / "doc.htm"
    doc.write_text("<html><body><p>Hostile Corp reported results.</p><table>"
                   "<tr><td></td><td colspan=2>Three Months Ended March 31,</td></tr>"
                   "<tr><td></td><td>2025</td><td>2024</td></tr>"
                   f"<tr><td>{COMMAS}:</td><td></td><td></td></tr>"
                   "<tr><td>Total revenues</td><td>5,000</td><td>4,000</td></tr></table></body></html>")
    res = run("--issuer", rules, doc, "-o", tmp_path / "out" / "r.json")
    assert res.exit_code == 3 and "skip_sections" in res.stderr and str(rules) in res.stderr, res.output
    assert len(res.stderr.strip().splitlines()) == 1


def test_catastrophic_not_after_pattern_is_stopped_and_named(tmp_path):
    rules = issuer_file(tmp_path, "phrases:\n  - id: odd-revenue\n    concept: us-gaap:Revenues\n"
                                  f"    metrics: ['odd revenues']\n    not_after: '{CATASTROPHIC}'\n")
    doc = tmp_path / "doc.txt"
    doc.write_text("Hostile Corp reported results.\n\n" + "," * 60 + "odd revenues were $5.0 million.\n")
    res = run("--issuer", rules, doc, "-o", tmp_path / "out" / "r.json")
    assert res.exit_code == 3 and "odd-revenue" in res.stderr and "took over" in res.stderr, res.output


def test_catastrophic_detect_pattern_in_any_issuer_file_is_stopped_and_named(tmp_path):
    from converter.paths import RULES_DIR
    from converter.pipeline import convert_text
    rules_dir = tmp_path / "rules"
    (rules_dir / "issuers").mkdir(parents=True)
    (rules_dir / "base").symlink_to(RULES_DIR / "base")
    evil = rules_dir / "issuers" / "evil.yaml"
    evil.write_text("issuer:\n  name: Evil Corp\n  prefix: evil\n  namespace: http://example.com/evil\n"
                    f"  detect: ['{CATASTROPHIC}']\n")
    with pytest.raises(RuleError, match=r"evil\.yaml.*detect.*took over"):
        convert_text("Acme Corp. reported results, " + COMMAS + "\n\nRevenues were $5.0 million.\n",
                     rules_dir=rules_dir)


def test_rules_check_tries_every_kind_of_pattern_on_adversarial_text(tmp_path):
    """Patterns the structural look lets pass (a bounded repeat of a lazy dot) are run on hostile strings."""
    rules = issuer_file(tmp_path, (
        f"  detect: ['{CATASTROPHIC}']\n"
        f"skip_sections: ['{CATASTROPHIC}']\n"
        "rows:\n  - id: slow-row\n    concept: us-gaap:Revenues\n"
        f"    labels: ['{CATASTROPHIC}']\n    not_table: '{CATASTROPHIC}'\n"
        "phrases:\n  - id: slow-phrase\n    concept: us-gaap:Revenues\n"
        f"    metrics: ['odd revenues']\n    not_after: '{CATASTROPHIC}'\n"))
    res = rules_check(rules)
    bad = [line for line in res.output.splitlines() if "can backtrack catastrophically" in line]
    assert res.exit_code == 1, res.output
    assert len(bad) == 5, res.output     # detect, skip_sections, labels, not_table, not_after
    assert any("skip_sections" in line for line in bad) and any("issuer" in line for line in bad)
    assert any("slow-phrase" in line for line in bad)


# every key of a rule file that holds a pattern, with a rule that puts one there; TABLE_DOCUMENT has commas in
# every text such a pattern reads (title, caption, header, heading, labels, the label after a row, sentences)
_ROW = "  - id: {id}\n    concept: us-gaap:Revenues\n"
PROBES = {
    ("rows", "labels"): _ROW + "    labels: ['{p}']\n",
    ("rows", "label"): _ROW + "    label: ['{p}']\n",
    **{("rows", key): _ROW + f"    labels: ['total revenues']\n    {key}: '{{p}}'\n"
       for key in ("section", "not_section", "table", "not_table", "followed_by", "not_followed_by")},
    ("rows", "after"): _ROW + "    after: '{p}'\n",
    ("rows", "total_of"): _ROW + "    total_of: '{p}'\n",
    ("phrases", "metrics"): _ROW + "    metrics: ['{p}']\n",
    ("phrases", "metric"): _ROW + "    metric: ['{p}']\n",
    ("phrases", "not_after"): _ROW + "    metrics: ['revenues']\n    not_after: '{p}'\n",
    **{("tables", key): f"  - id: {{id}}\n    {key}: '{{p}}'\n    scale: thousands\n"
       for key in ("title", "caption", "header", "first_row")},
    ("tables", "skip_columns"): "  - id: {id}\n    header: 'three months'\n    skip_columns: ['{p}']\n    reason: probe\n",
    **{("ignore", key): f"  - id: {{id}}\n    {key}: '{{p}}'\n    reason: probe\n"
       for key in ("row", "table", "phrase", "sentence")},
    **{("ignore", key): f"  - id: {{id}}\n    row: '.*'\n    {key}: '{{p}}'\n    reason: probe\n"
       for key in ("section", "in_table")},
}


def test_every_key_that_holds_a_pattern_is_probed():
    from converter.rulebook.schema import PATTERN_KEYS
    assert set(PROBES) == {(kind, key) for kind, keys in PATTERN_KEYS.items() for key in keys}


@pytest.mark.parametrize("where", sorted(PROBES), ids=".".join)
def test_a_catastrophic_pattern_under_any_key_is_stopped_and_named(tmp_path, monkeypatch, where):
    """The one time limit covers every key a rule file puts a pattern under, and the message names the file,
    the line and the rule (an ignore rule was named by its kind: 'row: pattern ...')."""
    from converter.pipeline import convert_text
    from converter.rulebook import timed

    from .fuzz_targets import TABLE_DOCUMENT
    monkeypatch.setattr(timed, "MATCH_TIMEOUT", 0.1)
    kind, _key = where
    rules = issuer_file(tmp_path, f"{kind}:\n" + PROBES[where].format(id="probe", p=CATASTROPHIC))
    with pytest.raises(RuleError) as caught:
        convert_text(TABLE_DOCUMENT, issuer=str(rules), layout="html")
    message = str(caught.value)
    assert message.startswith(f"{rules}:6: rule 'probe': pattern '{CATASTROPHIC}"), message   # (not_after's ends '\s*$')
    assert "took over" in message and "catastrophic" in message and "\n" not in message


def test_rules_check_tries_the_pattern_under_every_key(tmp_path):
    kinds: dict[str, str] = {}
    for (kind, key), entry in PROBES.items():
        kinds[kind] = kinds.get(kind, "") + entry.format(id=f"probe-{key.replace('_', '-')}", p=CATASTROPHIC)
    rules = issuer_file(tmp_path, "".join(f"{kind}:\n{entries}" for kind, entries in kinds.items()))
    res = rules_check(rules)
    bad = [line for line in res.output.splitlines() if "can backtrack catastrophically" in line]
    assert res.exit_code == 1, res.output
    assert len(bad) == len(PROBES), res.output
    for kind, key in PROBES:
        assert any(f"rule 'probe-{key.replace('_', '-')}'" in line for line in bad), (kind, key, res.output)


# ------------------------------------------------------------------------------------------ messages name the cause

def test_a_deeply_nested_rule_pattern_is_blamed_not_the_document(tmp_path):
    deep = "(" * 50000 + "a" + ")" * 50000
    rules = issuer_file(tmp_path, f"rows:\n  - id: deep-row\n    concept: us-gaap:Revenues\n    labels: ['{deep}']\n")
    res = run("--issuer", rules, EXAMPLE, "-o", tmp_path / "out" / "r.json")
    assert res.exit_code == 3, res.output
    assert "deep-row" in res.stderr and "nested" in res.stderr and "document" not in res.stderr, res.stderr[:300]
    res = rules_check(rules)
    assert res.exit_code == 1 and "deep-row" in res.output and "Traceback" not in res.output, res.output[:300]


def test_a_long_paragraph_blames_no_rule(tmp_path):
    """One 300 KB sentence converts, and is never blamed on a shipped rule (an 18 MB one was reported as the
    catastrophic backtracking of nar-revenues)."""
    doc = tmp_path / "long.txt"
    doc.write_text("Acme Corp. announced results.\n\n" + "Revenue was $1.0 million and " * 10_000 + "more.\n")
    res = run(doc, "-o", tmp_path / "out" / "r.json")
    assert res.exit_code in (0, 1), res.output[:300]
    assert "catastrophic" not in res.stderr and "nar-revenues" not in res.stderr, res.stderr[:300]


def test_a_long_paragraph_is_read_in_linear_time():
    """A sentence that never ends: the grammar's look-ups within a sentence grew with the square of its
    length (211 KB took 39 s). Read in pieces of bounded length, twice the sentence is twice the work."""
    def work(n: int) -> int:
        return _work("Acme Corp. announced results.\n\n" + "Revenue was $1.0 million and " * n + "more.\n", None)
    grows_linearly(work, 2500)


def test_a_time_out_on_a_long_text_names_the_text_not_the_rule(monkeypatch):
    """A pattern that runs out of time on a long text but not on a short piece of it is not catastrophic: the
    message names the text's size. One that runs out of time on a short text is the rule's fault."""
    from converter.rulebook import match, timed
    monkeypatch.setattr(timed, "MATCH_TIMEOUT", 0.0005)
    linear = _row_rule("plain-row", r"\b\w+\s+\d")
    with pytest.raises(timed.TextTooLong) as caught:
        match.search(linear, linear.labels[0], "word " * 400_000)
    message = str(caught.value)
    assert message.startswith("a text of 2.0 MB") and "t.yaml:3: rule 'plain-row'" in message, message
    assert "catastrophic" not in message
    monkeypatch.setattr(timed, "MATCH_TIMEOUT", 0.2)
    slow = _row_rule("slow-row", SLOW)
    with pytest.raises(RuleError, match="slow-row.*catastrophic"):
        match.search(slow, slow.labels[0], "a, " * 30 + "b")


# ------------------------------------------------------------------------------------------ work in proportion

LINES = ["Revenues", "Cost of revenues", "Gross profit", "Research and development", "Net income"]


def _figure(i: int) -> str:
    return f"{(i * 7919) % 997 + 1},{(i * 104729) % 900 + 100}"


def _work(text: str, layout) -> int:
    """Lines of converter code run converting `text`: a count, where a clock would measure the machine."""
    from converter.pipeline import convert_text
    return lines_run(convert_text, text, layout=layout)


def _pdf_bands(n: int) -> str:
    return "ACME CORP\nCONDENSED STATEMENTS OF OPERATIONS\nThree Months Ended September 30,\n2025 2024\n" + "".join(
        f"{LINES[i % len(LINES)]}\n{_figure(i)}\n{_figure(i + 1)}\n" for i in range(n))


def test_reading_order_pdf_text_of_many_bands_is_read_in_linear_time():
    """Labels and figures alternating line by line: each label block looked at every figure block, and a
    fact's disagreeing readings were each tried against all the others (8,000 rows took 20 s; 1.4 MB ran past
    a minute). Twice the rows are now twice the work."""
    grows_linearly(lambda n: _work(_pdf_bands(n), "pdf"), 1000)


def _html_table(rows: list[tuple[str, str, str]]) -> str:
    return ("<html><body><p>Acme Corp. announced results.</p><table>"
            "<tr><td></td><td colspan=2>Three Months Ended September 30,</td></tr>"
            "<tr><td></td><td>2025</td><td>2024</td></tr>"
            + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
            + "</table></body></html>")


def test_a_table_condition_is_searched_once_per_table_not_once_per_row(monkeypatch):
    """`table`/`not_table` conditions search the table's whole text; asked for each row, a long table took
    time in the square of its length. ("Total equity" asks whether the table holds a noncontrolling interest,
    a condition whose literals this table holds: one whose literals it lacks is not searched at all.)"""
    import converter.rulebook.match as match
    from converter.pipeline import convert_text
    calls = []
    real = match.search
    monkeypatch.setattr(match, "search", lambda *a, **k: calls.append(len(a[2])) or real(*a, **k))
    rows = [(LINES[i % len(LINES)], _figure(i), _figure(i + 1)) for i in range(3000)]
    rows += [("Noncontrolling interests", "1,000", "900"), ("Total equity", "5,000", "4,000")] * 100
    convert_text(_html_table(rows), layout="html")
    whole = [n for n in calls if n > 3000 * 10]   # searches of the table's whole text
    assert 0 < len(whole) < 50, len(whole)


def test_a_long_table_is_read_in_linear_time():
    """One table of thousands of rows, its lines printed again and again: the guard against figures that shrink
    as their periods grow compared every figure of the table with every other (0.2 MB: 8 s of 11)."""
    def table(n: int) -> str:
        return _html_table([(LINES[i % len(LINES)], _figure(i), _figure(i + 1)) for i in range(n)])
    grows_linearly(lambda n: _work(table(n), "html"), 1000)


def test_the_label_after_a_row_is_found_without_copying_the_rows_after_it():
    """`followed_by` reads the next row's label: found in a copy of all the rows after the row, asked for each
    row, the copying grew with the square of the table (C code, which no line count sees)."""
    from converter.engine.row_headings import next_label
    from converter.model import Row, Table

    class Rows(list):
        touched = 0

        def __getitem__(self, k):
            Rows.touched += len(range(*k.indices(len(self)))) if isinstance(k, slice) else 1
            return super().__getitem__(k)
    rows = Rows(Row(label=LINES[i % len(LINES)] if i % 3 else "", cells=[]) for i in range(3000))
    table = Table(header=[], ncols=2, rows=rows)
    labels = [next_label(table, i) for i in range(len(rows))]
    assert labels[0] == LINES[1] and labels[1] == LINES[2] and labels[2] == LINES[4] and labels[-1] == ""
    assert Rows.touched <= 3 * len(rows), Rows.touched


def test_a_total_of_rule_looks_at_the_rows_next_to_a_total_not_at_every_row_above_it():
    """`total_of:` asks of each total row which rows with figures come before and after it: it gathered every
    row above, for each total row, which grew with the square of a table of totals."""
    from converter.engine.positions import positional_rule
    from converter.model import Cell, Row, Table
    rule = RowRule(id="block-total", concept="us-gaap:Assets", labels=(), file="t.yaml", line=3,
                   total_of=regex.compile("assets", FLAGS))
    book = Rulebook(rows=[rule])

    def table(n: int) -> Table:
        rows = [Row(label="ASSETS", cells=[])]
        rows += [Row(label="Total assets" if i % 2 else "Cash", cells=[Cell("1,000", 0)], section=("ASSETS",))
                 for i in range(n)]
        return Table(header=[], ncols=1, rows=rows + [Row(label="", cells=[Cell("9,000", 0)])])

    def work(n: int) -> int:
        t = table(n)
        return lines_run(lambda: [positional_rule(book, t, i) for i in range(len(t.rows))])
    grows_linearly(work, 500)
    t = table(4)   # still the block's last total, and the unlabelled total printed after the block
    assert [i for i in range(len(t.rows)) if positional_rule(book, t, i) is rule] == [4, 5]


def test_the_shrinking_period_guard_compares_periods_not_every_pair_of_figures():
    from datetime import date
    from decimal import Decimal

    from converter.facts.period_order import check_period_order
    from converter.model import Fact, Period, Provenance
    quarter, nine = Period(date(2025, 9, 30), date(2025, 7, 1)), Period(date(2025, 9, 30), date(2025, 1, 1))
    concepts = ["us-gaap:Revenues", "us-gaap:CostOfRevenue", "us-gaap:OperatingExpenses"]

    def table(n: int) -> list:
        return [Fact(concepts[i % 3], period, Decimal(1000 + i + (5000 if period == nine else 0)), "USD", 0,
                     provenance=Provenance("t", 1)) for i in range(n) for period in (quarter, nine)]
    grows_linearly(lambda n: lines_run(check_period_order, table(n)), 600)
    shrinking = [Fact("us-gaap:Revenues", quarter, Decimal(900), "USD", 0, provenance=Provenance("t", 2)),
                 Fact("us-gaap:Revenues", nine, Decimal(800), "USD", 0, provenance=Provenance("t", 2))]
    kept, rejected, findings = check_period_order(table(3) + shrinking)   # still caught in a table of its size
    assert len(kept) == 6 and len(rejected) == 2 and len(findings) == 1, findings


def _between_two_results(n: int) -> str:
    rows = [("Revenues", "5,000", "4,000")] + [(f"Other item {i}", _figure(i), _figure(i + 1)) for i in range(n)]
    return _html_table(rows + [("Operating income", "1,000", "900")])


def test_a_long_table_between_two_results_is_not_solved_row_by_row():
    """Between 'Revenues' and 'Operating income', thousands of rows: the sign arithmetic looked for running
    totals and subtotals over every run of them (quadratic); so long a run is no statement's arithmetic."""
    grows_linearly(lambda n: _work(_between_two_results(n), "html"), 1000)


def test_aligning_thousands_of_figure_blocks_gives_up_instead_of_overflowing_the_stack():
    """The search that aligns a PDF text's leftover figure blocks went one call deeper per block: 1 MB of
    alternating labels and figures raised RecursionError, reported as 'the document is nested too deeply'."""
    from converter.model import Span
    from converter.readers.pdf_columns import _search
    from converter.readers.pdf_model import FigureBlock
    blocks = [FigureBlock([("1,000", Span(i, i + 5), False)], i, i) for i in range(3000)]
    assert _search(blocks, 1500, set(), 2, [False] * len(blocks), [10**6]) is None


def test_the_column_period_of_figure_blocks_is_found_without_copying_them_for_each_period():
    """Reading-order PDF text whose figures come column after column: each period tried copied the blocks up
    to it (C code, which no line count sees), which grew with the square of the blocks (pdf-band, 3 MB: 12 s
    of 51 there; 17 MB: 26 s per MB against 5.6 at 1 MB)."""
    from converter.model import Span
    from converter.readers.pdf_bands import column_period
    from converter.readers.pdf_model import FigureBlock

    class Blocks(list):
        touched = 0

        def __getitem__(self, k):
            Blocks.touched += len(range(*k.indices(len(self)))) if isinstance(k, slice) else 1
            return super().__getitem__(k)
    blocks = Blocks(FigureBlock([("1,000", Span(i, i + 5), False)], i, i) for i in range(6000))
    assert column_period(blocks, 2, []) is None       # blocks of one size each are bands read across
    assert Blocks.touched <= 3 * len(blocks), Blocks.touched


def test_consolidated_totals_compare_each_distinct_reading_once(monkeypatch):
    """A release repeated hundreds of times prints net income and its noncontrolling share as often: each
    net income was compared with every other (20 MB of fixed-width text took 145 s, 7 s per MB instead of
    1.7). Equal readings are now compared once, and a period with more readings than a release prints is
    left to merging."""
    from datetime import date
    from decimal import Decimal

    from converter.facts import consolidated
    from converter.model import Fact, Period
    calls = []
    real = consolidated._parent_plus
    monkeypatch.setattr(consolidated, "_parent_plus", lambda *a: calls.append(1) or real(*a))
    q = Period(date(2025, 9, 30), date(2025, 7, 1))

    def net(value: int, concept: str = "us-gaap:NetIncomeLoss") -> Fact:
        return Fact(concept, q, Decimal(value), "USD", -3)
    share = net(500_000, "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest")
    repeated = [net(4_200_000), net(4_700_000)] * 600 + [share]   # the parent's and the consolidated, 600 times
    out = consolidated.consolidated_net_income(repeated)
    assert len(calls) <= 4 * 1200
    assert sum(f.concept == "us-gaap:ProfitLoss" for f in out) == 600        # still told apart
    calls.clear()
    many = [net(1_000_000 + 1000 * i) for i in range(1200)] + [share]     # 1,200 different net incomes
    consolidated.consolidated_net_income(many)
    assert len(calls) <= 4 * 1200


def test_table_scales_compare_each_amount_the_prose_states_once(monkeypatch):
    """A release repeated hundreds of times (20 MB of pipe text) states each amount as often as its tables print
    it: each table figure was compared with every sentence stating its metric and period (4 MB: 22 s of 68;
    20 MB ran past ten minutes). Each amount the prose states is now compared once, and a metric and period
    stated at more amounts than a release states is no evidence of a table's scale."""
    from datetime import date
    from decimal import Decimal

    from converter.facts import text_scale
    from converter.model import Fact, Period, Provenance
    calls = []
    real = text_scale._relation
    monkeypatch.setattr(text_scale, "_relation", lambda *a: calls.append(1) or real(*a))
    q = Period(date(2025, 9, 30), date(2025, 7, 1))

    def release(n: int, amounts=lambda i: Decimal(47_500_000)) -> list:
        """n copies of a table printing 47,459 as dollars (its 'in thousands' missed) beside '$47.5 million'"""
        out = []
        for i in range(n):
            out.append(Fact("us-gaap:Revenues", q, Decimal(47_459), "USD", 0, provenance=Provenance("t", 2 * i)))
            out.append(Fact("us-gaap:Revenues", q, amounts(i), "USD", -5, provenance=Provenance("n", 2 * i + 1),
                            category="narrative"))
        return out

    def work(n: int) -> int:
        calls.clear()
        facts, rejected, findings = text_scale.check_table_scales(release(n))
        assert not rejected and all(f.value == 47_459_000 for f in facts if f.category == "table")   # re-read
        return len(calls)
    grows_linearly(work, 300)
    calls.clear()
    facts, _, _ = text_scale.check_table_scales(release(600, lambda i: Decimal(1_000_000 + 100_000 * i)))
    assert not calls and all(f.value == 47_459 for f in facts if f.category == "table")   # no evidence


def test_a_text_too_long_is_reported_with_the_input(monkeypatch, tmp_path):
    from converter import conversion, pipeline
    from converter.rulebook.timed import TextTooLong

    def too_long(*_a, **_k):
        raise TextTooLong("a text of 18.0 MB ('Revenue was ...') is too long to read: ...")
    monkeypatch.setattr(pipeline, "convert_text", too_long)
    out = conversion.render_file(conversion.Job(EXAMPLE, tmp_path / "r.json"))
    assert out.code == 3 and out.message.startswith(f"{EXAMPLE}: a text of 18.0 MB"), out.message



def test_a_dotted_capital_i_is_read_as_an_i_in_every_layout():
    # the patterns match "THİRD" and "SİX" as "third" and "six" ignoring case, but "İ" lower-cases to "i" and a
    # combining dot, so the word matched was no key of the tables naming it: an internal error (exit 4)
    from converter.pipeline import convert_text
    text = ("Acme Reports Results\n\nBOSTON, November 5, 2025 -- Acme reported results for the THİRD quarter.\n\n"
            "CONDENSED STATEMENTS OF OPERATIONS (İN MİLLİONS)\n\n"
            "| | THREE MONTHS ENDED SEPTEMBER 30, | | SİX MONTHS ENDED SEPTEMBER 30, | |\n"
            "| | 2025 | 2024 | 2025 | 2024 |\n| Revenue | 5.2 | 4.1 | 9.1 | 8.0 |\n")
    html = ("<html><body><p>Acme reports THİRD quarter results</p><p>BOSTON, November 5, 2025 -- Acme today "
            "reported results.</p><p>CONDENSED STATEMENTS OF OPERATIONS (İN MİLLİONS)</p><table><tr><td></td>"
            "<td colspan=2>SİX MONTHS ENDED SEPTEMBER 30,</td></tr><tr><td></td><td>2025</td><td>2024</td></tr>"
            "<tr><td>Revenue</td><td>9.1</td><td>8.0</td></tr><tr><td>Net income</td><td>2.0</td><td>1.5</td></tr>"
            "</table></body></html>")
    for source in (text, html):
        revenue = {str(f.period): f.value for f in convert_text(source, issuer="none").facts
                   if f.concept == "us-gaap:Revenues"}
        assert revenue.get("2025-04-01..2025-09-30") == Decimal("9100000"), revenue
