"""Fuzz targets run by tests/test_fuzz.py in a process of their own, under a memory and a time cap: hostile
rule files and hostile inputs either convert to valid outputs or are refused in one line, promptly.

Run alone (`python -m tests.fuzz_targets [EXAMPLES]`) it exits 0 when every property held.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = (REPO / "examples" / "acme-q3-2025.txt").read_text(encoding="utf-8")
# the example, and a sentence of commas a lazy repeat can split in many ways
DOCUMENT = EXAMPLE + "\n\nRevenues for the quarter were $5.0 million, " + "a, " * 40 + "and more.\n"
PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"))
SLOWEST = 8.0   # seconds one example may take (a pattern gets 1 s per text; a few texts may meet it)

# ------------------------------------------------------------------------------------------ rule files

HOSTILE_PATTERNS = [
    "(a+)+b", "(?:.*?,){14}Z", "(\\w+\\s?)+$", "(a|aa)+b", "(.*)*x", "(?:\\s*,?)+z", "a{1000000}", "[", "(?P<n>a)(?P=n)",
    "\\p{L}+ revenue", "(?i)total", "(?<=x)y", ".*", "x{e<=1}", "(" * 150 + "a" + ")" * 150, "\\", "*", "réveñue",
    "\x00", "a" * 5000, "(?:(?:(?:a|b)+)+)+c", "total revenues?", "net (?:income|loss)", "[^\\n]{0,100000}",
]
SCALARS = st.one_of(st.sampled_from(["", "x", "1", "-1", "1e999", "true", "null", "~", "[]", "{}", "!!python/name:os.system",
                                     "!!binary aGk=", "&a x", "*a", "'unclosed", "\"\\x00\"", "0o777", "2025-13-45"]),
                    st.text(PRINTABLE, max_size=20).map(repr))


# nine levels of nine aliases: a few hundred bytes naming 9**9 values
ALIAS_BOMB = "tests:\n  - &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 9))


@st.composite
def rule_file(draw) -> str:
    """An issuer file: mostly well formed, with hostile patterns and the odd YAML trap."""
    pattern = st.one_of(st.sampled_from(HOSTILE_PATTERNS), st.text(PRINTABLE, min_size=1, max_size=30))
    quote = lambda p: "'" + p.replace("'", "''") + "'"  # noqa: E731 - a YAML single-quoted scalar
    lines = ["issuer:", "  name: Fuzz Corp", "  prefix: fuzz",
             "  namespace: " + draw(st.sampled_from(["http://example.com/fuzz"] * 6 + ["urn:x:y", "x",
                                                                                         "'http://example.com/a&b<c'"]))]
    if draw(st.booleans()):
        lines.append(f"  detect: [{quote(draw(pattern))}]")
    if draw(st.booleans()):
        lines.append(f"skip_sections: [{quote(draw(pattern))}]")
    lines.append("rows:")
    for i in range(draw(st.integers(0, 3))):
        lines += [f"  - id: fuzz-row-{i}", "    concept: us-gaap:Revenues", f"    labels: [{quote(draw(pattern))}]"]
        key = draw(st.sampled_from(["", "section", "not_section", "table", "not_table", "priority", "sign"]))
        if key in ("priority", "sign"):
            lines.append(f"    {key}: {draw(SCALARS)}")
        elif key:
            lines.append(f"    {key}: {quote(draw(pattern))}")
    lines.append("phrases:")
    for i in range(draw(st.integers(0, 2))):
        lines += [f"  - id: fuzz-phrase-{i}", "    concept: us-gaap:Revenues",
                  f"    metrics: [{quote(draw(pattern))}]"]
        if draw(st.booleans()):
            lines.append(f"    not_after: {quote(draw(pattern))}")
    if draw(st.integers(0, 4)) == 0:   # a YAML trap: an alias, a tag, a duplicate key or a stray scalar
        lines.append(draw(st.sampled_from(["x: &a [1, 2]", "tests: [*a]", "rows: !!python/object/apply:os.getcwd []",
                                           "rows: []", "concepts: " + draw(SCALARS), ALIAS_BOMB,
                                           "tests: " + "[" * 3000 + "]" * 3000])))
    return "\n".join(lines) + "\n"


def check_rule_file(text: str, folder: Path) -> None:
    from converter.pipeline import convert_text
    from converter.rulebook.loader import RuleError
    path = folder / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    try:
        result = convert_text(DOCUMENT, issuer=str(path))
    except RuleError as e:
        message = str(e)
        assert "\n" not in message and message.startswith(str(path)), message
    else:
        _valid(result)
    assert time.perf_counter() - started < SLOWEST, text


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
    started = time.perf_counter()
    try:
        release = decode_release(text.encode("utf-8"), "fuzz")
        result = convert_text(release.text, source="fuzz", layout=release.layout)
    except (InputError, RuleError) as e:
        assert "\n" not in str(e), str(e)
    else:
        _valid(result)
    assert time.perf_counter() - started < SLOWEST, text[:200]


def _valid(result) -> None:
    from converter.api import render
    from converter.emit import render_taxonomy
    for to in ("json", "xbrl"):
        render(result, to, "fuzz")   # OutputInvalid when the instance breaks its schema
    assert render_taxonomy(result, "fuzz")


# ------------------------------------------------------------------------------------------ running them

def main(examples: int = 40) -> int:
    common = dict(max_examples=examples, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
    with tempfile.TemporaryDirectory() as folder:
        settings(**common)(given(rule_file())(lambda text: check_rule_file(text, Path(folder))))()
    settings(**common)(given(hostile_input())(check_input))()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 40))
