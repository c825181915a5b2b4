"""Fuzz targets run by tests/test_fuzz.py in a process of their own, under a memory cap and a hang guard:
hostile rule files and hostile inputs either convert to valid outputs or are refused in one line. Every key
that holds a pattern (rows, phrases, tables, ignore, skip_sections, detect) gets hostile ones.

Run alone (`python -m tests.fuzz_targets [EXAMPLES]`) it exits 0 when every property held.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .work import hang_guard

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = (REPO / "examples" / "acme-q3-2025.txt").read_text(encoding="utf-8")
# the example, and a sentence of commas a lazy repeat can split in many ways
DOCUMENT = EXAMPLE + "\n\nRevenues for the quarter were $5.0 million, " + "a, " * 40 + "and more.\n"
# a table with commas in every text a rule pattern reads (title, caption, header, heading, labels, the label
# after a row, the row after a heading), so that table, row and ignore patterns meet them too
COMMAS = "a, " * 40
TABLE_DOCUMENT = (
    f"<html><body><p>Fuzz Corp reported results.</p><p>Fuzz Corp{',' * 60}revenues were $5.0 million.</p>"
    f"<p>Revenues were $5.0 million, {COMMAS}and more.</p><p>STATEMENTS,{'a,' * 40}</p><table>"
    f"<tr><td></td><td colspan=2>Three Months Ended March 31, {COMMAS}</td></tr>"
    f"<tr><td></td><td>2025, {COMMAS}</td><td>2024</td></tr>"
    f"<tr><td>{COMMAS}</td><td></td><td></td></tr>"
    "<tr><td>Total revenues</td><td>5,000</td><td>4,000</td></tr>"
    f"<tr><td>{COMMAS}</td><td>10</td><td>20</td></tr><tr><td></td><td>30</td><td>40</td></tr>"
    "<tr><td>Net income</td><td>1,000</td><td>900</td></tr></table></body></html>")
PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"))
# seconds after which one example is taken to hang: a hang guard, no measure of speed (an example takes well
# under a second; a pattern gets 1 s per text before it is stopped)
HANG = 120

# ------------------------------------------------------------------------------------------ rule files

HOSTILE_PATTERNS = [
    "(a+)+b", "(?:.*?,){14}Z", "(\\w+\\s?)+$", "(a|aa)+b", "(.*)*x", "(?:\\s*,?)+z", "a{1000000}", "[", "(?P<n>a)(?P=n)",
    "\\p{L}+ revenue", "(?i)total", "(?<=x)y", ".*", "x{e<=1}", "(" * 150 + "a" + ")" * 150, "\\", "*", "réveñue",
    "\x00", "a" * 5000, "(?:(?:(?:a|b)+)+)+c", "total revenues?", "net (?:income|loss)", "[^\\n]{0,100000}",
]
# those the loader takes: a bounded repeat of a lazy dot is past its look, and only the time limit stops it
LOADING_PATTERNS = ["(?:.*?,){14}Z", "(?:.*?,){11}P", "(?:.*?\\s){12}q", ".*", "total revenues?", "x{e<=1}", "(?i)total",
                    "\\p{L}+ revenue", "a" * 5000, "[^\\n]{0,100000}", "réveñue", "(?<=x)y", "(?P<n>a)(?P=n)", "net (?:income|loss)",
                    "[a-z ,]*,[a-z ,]*Q"]
SCALARS = st.one_of(st.sampled_from(["", "x", "1", "-1", "1e999", "true", "null", "~", "[]", "{}", "!!python/name:os.system",
                                     "!!binary aGk=", "&a x", "*a", "'unclosed", "\"\\x00\"", "0o777", "2025-13-45"]),
                    st.text(PRINTABLE, max_size=20).map(repr))


# nine levels of nine aliases: a few hundred bytes naming 9**9 values
ALIAS_BOMB = "tests:\n  - &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 9))


@st.composite
def rule_file(draw) -> str:
    """An issuer file: mostly well formed, with hostile patterns and the odd YAML trap."""
    # half the files hold only what loads (patterns that compile and pass the loader's look, a valid namespace,
    # no YAML trap), so that their patterns reach the engine in every place and meet its time limit; the
    # other half hold anything, and are mostly refused as they load
    loads = draw(st.booleans())
    pattern = st.sampled_from(LOADING_PATTERNS) if loads else \
        st.one_of(st.sampled_from(HOSTILE_PATTERNS), st.text(PRINTABLE, min_size=1, max_size=30))
    quote = lambda p: "'" + p.replace("'", "''") + "'"  # noqa: E731 - a YAML single-quoted scalar
    namespaces = ["http://example.com/fuzz"] + ([] if loads else ["urn:x:y", "x", "'http://example.com/a&b<c'"])
    lines = ["issuer:", "  name: Fuzz Corp", "  prefix: fuzz", "  namespace: " + draw(st.sampled_from(namespaces))]
    if draw(st.booleans()):
        lines.append(f"  detect: [{quote(draw(pattern))}]")
    if draw(st.booleans()):
        lines.append(f"skip_sections: [{quote(draw(pattern))}]")
    lines.append("rows:")
    for i in range(draw(st.integers(0, 3))):
        lines += [f"  - id: fuzz-row-{i}", "    concept: us-gaap:Revenues", f"    labels: [{quote(draw(pattern))}]"]
        key = draw(st.sampled_from(["", "section", "not_section", "table", "not_table", "followed_by",
                                    "not_followed_by", "after", "total_of", "priority", "sign"]))
        if key in ("priority", "sign"):
            lines.append(f"    {key}: {draw(SCALARS) if not loads else 5 if key == 'priority' else 'negate'}")
        elif key:
            lines.append(f"    {key}: {quote(draw(pattern))}")
    lines.append("phrases:")
    for i in range(draw(st.integers(0, 2))):
        lines += [f"  - id: fuzz-phrase-{i}", "    concept: us-gaap:Revenues",
                  f"    metrics: [{quote(draw(pattern))}]"]
        if draw(st.booleans()):
            lines.append(f"    not_after: {quote(draw(pattern))}")
    if draw(st.booleans()):
        lines.append("tables:")
        for i in range(draw(st.integers(1, 2))):
            key = draw(st.sampled_from(["title", "caption", "header", "first_row"]))
            lines += [f"  - id: fuzz-table-{i}", f"    {key}: {quote(draw(pattern))}",
                      "    scale: " + draw(st.sampled_from(["thousands", "units", "millions"]))]
            if draw(st.booleans()):
                lines.append(f"    skip_columns: [{quote(draw(pattern))}]")
    if draw(st.booleans()):
        lines.append("ignore:")
        for i in range(draw(st.integers(1, 2))):
            key = draw(st.sampled_from(["row", "table", "phrase", "sentence"]))
            lines += [f"  - id: fuzz-ignore-{i}", f"    {key}: {quote(draw(pattern))}", "    reason: fuzz"]
            if key == "row" and draw(st.booleans()):
                lines.append(f"    {draw(st.sampled_from(['section', 'in_table']))}: {quote(draw(pattern))}")
    if not loads and draw(st.integers(0, 2)) == 0:   # a YAML trap: an alias, a tag, a duplicate key or a stray scalar
        lines.append(draw(st.sampled_from(["x: &a [1, 2]", "tests: [*a]", "rows: !!python/object/apply:os.getcwd []",
                                           "rows: []", "concepts: " + draw(SCALARS), ALIAS_BOMB,
                                           "tests: " + "[" * 3000 + "]" * 3000])))
    return "\n".join(lines) + "\n"


def check_rule_file(text: str, folder: Path) -> None:
    from converter.pipeline import convert_text
    from converter.rulebook.loader import RuleError
    path = folder / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    for document, layout in ((DOCUMENT, None), (TABLE_DOCUMENT, "html")):
        with _hang_guard(text):
            try:
                result = convert_text(document, issuer=str(path), layout=layout)
            except RuleError as e:
                message = str(e)
                assert "\n" not in message and message.startswith(str(path)), message
            else:
                _valid(result)


# ------------------------------------------------------------------------------------------ inputs

PIECES = ["Revenues were $", "52.4", " trillion", " million", "1e400", "9" * 300, ", ", ". ", "\n\n", "|", " | ",
          "<table><tr><td>", "</td><td>", "</td></tr></table>", "<div>" * 50, "Total revenues", "(1,234)", "$(",
          "for the quarter ended March 31, 2025", "compared to ", "Three Months Ended", "2025", "2024", "\x00",
          "\ufeff", "&amp;", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;", "Inc.", "—", "\f", "\t" * 30]


@st.composite
def hostile_input(draw) -> str:
    pieces = draw(st.lists(st.sampled_from(PIECES), max_size=60))
    text = "".join(pieces)
    if draw(st.booleans()):   # a run repeated: long paragraphs, wide or long tables
        text += draw(st.sampled_from(PIECES)) * draw(st.integers(100, 3000))
    if draw(st.booleans()):
        text = EXAMPLE[:draw(st.integers(0, len(EXAMPLE)))] + text
    return text


def check_input(text: str) -> None:
    from converter.pipeline import convert_text
    from converter.readers import InputError
    from converter.readers.source import decode_release
    from converter.rulebook.loader import RuleError
    with _hang_guard(text):
        try:
            release = decode_release(text.encode("utf-8"), "fuzz")
            result = convert_text(release.text, source="fuzz", layout=release.layout)
        except (InputError, RuleError) as e:
            assert "\n" not in str(e), str(e)
        else:
            _valid(result)


def _hang_guard(example: str):
    """Stop the run with the example that hangs (a hypothesis run would otherwise try to shrink it)."""
    def hung():
        sys.stderr.write(f"an example was still running after {HANG} s, it hangs: {example[:2000]!r}\n")
        sys.stderr.flush()
        os._exit(3)
    return hang_guard(HANG, hung)


def _valid(result) -> None:
    from converter.api import render
    from converter.emit import render_taxonomy
    for to in ("json", "xbrl"):
        render(result, to, "fuzz")   # OutputInvalid when the instance breaks its schema
    assert render_taxonomy(result, "fuzz")


# ------------------------------------------------------------------------------------------ running them

def main(examples: int = 40) -> int:
    from converter.rulebook import timed
    timed.MATCH_TIMEOUT = 0.1   # a catastrophic pattern is stopped all the same, in a tenth of the time
    common = dict(max_examples=examples, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
    with tempfile.TemporaryDirectory() as folder:
        settings(**common)(given(rule_file())(lambda text: check_rule_file(text, Path(folder))))()
    settings(**common)(given(hostile_input())(check_input))()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 40))
