"""Property tests: random and mutated documents, built from the corpus, never crash the converter, and every
output still validates against its schema; any bytes either decode or are refused with an InputError; the
rule index never hides a pattern that matches."""
from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from converter.api import render
from converter.emit import render_taxonomy
from converter.pipeline import convert_text
from converter.readers import InputError
from converter.readers.source import decode
from converter.rulebook.index import PatternIndex, fold, key_options, may_match
from converter.rulebook.loader import FLAGS, load_rulebook
from converter.validate import validate_json, validate_xml

from .conftest import SHARED

REPO = Path(__file__).resolve().parent.parent
SETTINGS = dict(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SOURCES = ["seeds/000_e1d86a0c375ce1d9.txt", "corpus/apple-fy2011q1.html", "corpus/cmuv-2024q3.txt",
           "corpus/adobe-fy2023q1-pdflayout.txt", "corpus/mobilehealth-2024fy.txt"]


@lru_cache(maxsize=None)
def corpus() -> tuple[str, ...]:
    texts = [(REPO / "examples" / "acme-q3-2025.txt").read_text(encoding="utf-8")]
    texts += [(SHARED / s).read_text(encoding="utf-8", errors="replace") for s in SOURCES if (SHARED / s).exists()]
    return tuple(texts)


FRAGMENTS = ["<table>", "</table>", "<tr>", "<td>", "</td>", "<p>", "</p>", "<br>", "|", " | ", "\n", "\n\n", "$",
             "(", ")", "—", "-", "1,234", "(5.6)", "2025", "December 31,", "Three Months Ended", "in thousands",
             "Total revenues", "Net loss", "per share", "\u00a0", "&amp;", "&#x0;", "<", "]]>", "\x00", "\ufeff",
             "%", "Revenues were $12.5 million", "compared to", "between $1 and $2 million"]


@st.composite
def mutated_document(draw) -> str:
    text = draw(st.sampled_from(corpus()))
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 2000)))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "truncate", "swap", "noise"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(st.sampled_from(FRAGMENTS)) + text[i:]
        elif op == "truncate":
            text = text[:i]
        elif op == "swap":
            k = draw(st.integers(j, min(n, j + 2000)))
            text = text[:i] + text[j:k] + text[i:j] + text[k:]
        else:
            text = text[:i] + draw(st.text(max_size=40)) + text[j:]
    return text


def check_converts(text: str) -> None:
    try:
        result = convert_text(text, source="mutant")
    except InputError:
        return  # refused in one line: allowed
    for to in ("json", "xbrl"):
        render(result, to, "mutant")        # raises OutputInvalid when the instance breaks its schema
    files = render_taxonomy(result, "mutant")
    assert files and all(text.startswith("<?xml") for text in files.values())


@settings(**SETTINGS)
@given(mutated_document())
def test_mutated_corpus_documents_convert_to_valid_outputs(text):
    check_converts(text)


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(FRAGMENTS + list("abc XYZ 0123456789.,;:\n")), max_size=120).map("".join))
def test_random_fragment_soup_converts(text):
    check_converts(text)


@settings(**SETTINGS)
@given(st.text(max_size=500))
def test_random_text_converts(text):
    check_converts(text)


@settings(**SETTINGS)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused(data):
    try:
        text = decode(data, "x")
    except InputError as e:
        assert "\n" not in str(e)
        return
    assert isinstance(text, str) and text.strip()


# ----------------------------------------------------------------------------------------- the rule index

WORDS = ["net", "income", "loss", "total", "revenue", "cash", "and", "of", "per", "share", "diluted", "sales"]


@st.composite
def pattern(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["word", "word", "group", "class", "other", "look"] if depth < 2 else
                                    ["word", "class", "other"]))
        if kind == "word":
            piece = draw(st.sampled_from(WORDS)) + draw(st.sampled_from(["", " ", "s?", "e?s", "\\s+"]))
        elif kind == "group":
            alts = draw(st.lists(pattern(depth + 1), min_size=1, max_size=3))
            piece = draw(st.sampled_from(["(?:", "("])) + "|".join(alts) + ")" + \
                draw(st.sampled_from(["", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??"]))
        elif kind == "class":
            piece = draw(st.sampled_from(["[a-z]", "[^ ]+", "\\w", "\\d+", ".", ".*", "\\b", "[(]"]))
        elif kind == "look":
            piece = draw(st.sampled_from(["(?!", "(?=", "(?<!"])) + draw(pattern(depth + 1)) + ")"
        else:
            piece = draw(st.sampled_from([" ", ", ", "\\(", "-", "'", "^", "$", "(?i)", "\\p{L}", "x{e<=1}"]))
        parts.append(piece)
    return "".join(parts)


TEXT = st.lists(st.sampled_from(WORDS + [" ", "  ", ",", "(", ")", "S", "İ", "ß", "ﬁ", "1", "-"]),
                max_size=12).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(pattern(), min_size=1, max_size=6), st.lists(TEXT, min_size=1, max_size=5))
def test_index_never_hides_a_matching_pattern(patterns, texts):
    compiled = []
    for p in patterns:
        try:
            compiled.append(regex.compile(p, FLAGS))
        except regex.error:
            continue
    index = PatternIndex([(i, (c,)) for i, c in enumerate(compiled)])
    for text in texts:
        candidates = {id(p) for _i, p in index.candidates(text)}
        for c in compiled:
            if c.search(text) or c.fullmatch(text):
                assert id(c) in candidates, (c.pattern, text, key_options(c.pattern))
                assert may_match(c, fold(text)), (c.pattern, text)


def test_may_match_reads_a_piece_searched_in_place():
    """A search between two positions consumes only the piece's characters, so the piece holds the literals
    (how `not_after` wordings are looked for before a metric): every piece of varied sentences, against the
    patterns the rules search this way."""
    book = load_rulebook(None)
    patterns = {r.not_after.pattern: r.not_after for r in book.phrases if r.not_after is not None}
    patterns.update({p.pattern: p for p, _owner in book.skip_sections})
    words = ["segment ", "net ", "total ", "revenue ", "Revenue", "R&D and ", "general and administrative ", "İ",
             "ſ", "ﬁ", "ß", "tax-equivalent ", "return on ", "authorized ", "costs of ", "1.2 ", "(", ")", ", ", " "]
    rng = random.Random(7)
    for _ in range(150):
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        for c in patterns.values():
            for start in range(len(text) + 1):
                for end in range(start, len(text) + 1, 3):
                    if c.search(text, start, end):
                        assert may_match(c, fold(text[start:end])), (c.pattern, text, start, end)


def test_key_options_read_the_usual_rule_shapes():
    assert key_options("(?:total )?(?:net )?revenues?(?:,? net)?") == (frozenset({"revenue"}),)
    assert frozenset({"cash used in "}) in key_options("(?:net )?cash used in (?:operations|operating activities)")
    assert set(key_options("(?:basic|diluted) per share")) == {frozenset({"basic", "diluted"}),
                                                               frozenset({" per share"})}
    assert key_options("(?i)anything") == ()          # inline flags: unindexed, always tried
    assert key_options("cash{e<=1}") == ()            # fuzzy matching: unindexed
    assert key_options("ab") == ()                    # too short to index


def test_may_match_needs_every_literal_of_one_alternative():
    both = regex.compile(r"net income attributable to (?:non-?controlling|minority) interests?"
                         r"|(?:non-?controlling|minority) interests?['’]? share of (?:net )?income", FLAGS)
    assert may_match(both, "minority interests' share of net income")                 # the second alternative
    assert may_match(both, "net income attributable to noncontrolling interests")     # the first
    assert not may_match(both, "interest expense and net income attributable to acme")  # no "minority" or "controlling"
    assert may_match(regex.compile("(?i)anything", FLAGS), "")                       # unread: may match anything
    upper_dotted = "N\u0130NETY-DAY ANT\u0130C\u0130PATED \u0130NCOME"   # "İ", which regex matches with "i"
    for pattern in ("anticipated", "ninety-day", "income"):
        assert regex.search(pattern, upper_dotted, FLAGS) and may_match(regex.compile(pattern, FLAGS), fold(upper_dotted))


# ----------------------------------------------------------------------------------------- the fast validator

@lru_cache(maxsize=1)
def _report() -> dict:
    import json
    result = convert_text((REPO / "examples" / "acme-q3-2025.txt").read_text(encoding="utf-8"))
    return json.loads(render(result, "json", "acme"))


JSON_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False, width=16),
                        st.sampled_from(["", "x", "1.5", "-3", "a:b", "iso4217:USD", "xbrli:pure", "a b",
                                         "2025-01-01T00:00:00", "http://x", "1e5", "us-gaap:Revenues/x:y"]),
                        st.just([]), st.just({}))


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(["drop", "set", "add"]), JSON_VALUES,
                          st.sampled_from(["value", "decimals", "unit", "concept", "period", "entity", "zz",
                                           "srt:RangeAxis", "taxonomy", "documentType"])),
                min_size=1, max_size=4))
def test_fast_json_validator_agrees_with_jsonschema(edits):
    """validate_json trusts fastjsonschema's "valid"; it must never pass what jsonschema rejects."""
    import copy

    from converter.validate import json_schema
    doc = copy.deepcopy(_report())
    for pick, op, value, key in edits:
        holders = []

        def walk(node):
            if isinstance(node, dict):
                holders.append(node)
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)
        walk(doc)
        target = holders[pick % len(holders)]
        keys = sorted(target)
        if op == "drop" and keys:
            del target[keys[pick % len(keys)]]
        elif op == "set" and keys:
            target[keys[pick % len(keys)]] = value
        else:
            target[key] = value
    full = not list(json_schema._validator().iter_errors(doc))
    assert json_schema._passes_fast(doc) == full


@lru_cache(maxsize=1)
def _unit_validators() -> tuple:
    """fastjsonschema's validators of the schema's unit as written and as the fast validator reads it."""
    import json

    import fastjsonschema

    from converter.validate.json_schema import SCHEMA_FILE, _refuse_constants_by_pattern
    written = json.loads(SCHEMA_FILE.read_bytes())["$defs"]["unit"]
    rewritten = _refuse_constants_by_pattern(written)
    assert "not" not in rewritten and "not" in written
    return tuple(fastjsonschema.compile({**schema, "$schema": "http://json-schema.org/draft-07/schema#"})
                 for schema in (written, rewritten))


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["xbrli", "iso4217", ":", "pure", "USD", "shares", "/", "\n", "_", "x", " ", "$"]),
                max_size=7).map("".join))
@example("xbrli:pure")
@example("xbrli:pure\n")
@example("xbrli:pures")
@example("axbrli:pure")
@example("xbrli:pure/iso4217:USD")
def test_a_constant_refused_by_pattern_refuses_the_same_strings(text):
    """The fast validator reads "a unit matches its pattern and is not xbrli:pure" as one pattern with a
    look-ahead: the strings it passes are the ones the schema as written passes (both through fastjsonschema)."""
    import fastjsonschema

    def passes(validate):
        try:
            validate(text)
            return True
        except fastjsonschema.JsonSchemaException:
            return False
    written, rewritten = _unit_validators()
    assert passes(rewritten) == passes(written)
    assert text != "xbrli:pure" or not passes(rewritten)


# ------------------------------------------------------------------------------------ merging, indexed

def _readings_one_by_one(group):
    """The reference: each fact tried against every reading's head in turn (quadratic)."""
    from converter.facts.merge import consistent
    readings = []
    for f in sorted(group, key=lambda f: -f.decimals):
        for r in readings:
            if consistent(r[0], f):
                r.append(f)
                break
        else:
            readings.append([f])
    return readings


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=3),
       st.lists(st.tuples(st.integers(0, 2), st.integers(-3, 2), st.sampled_from(["up", "even", "down", "raw"]),
                          st.sampled_from([0, 0, 0, 1, -1])), min_size=1, max_size=25))
def test_indexed_readings_agree_with_trying_every_reading(truths, raw):
    """merge._readings looks up the readings a fact agrees with; the result is that of trying each in turn.
    The facts are a few true values printed to several precisions, rounded each way, some a unit off in the
    last place and some carrying more digits than their precision, so that readings both join and split."""
    from datetime import date
    from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

    from converter.facts.merge import _readings
    from converter.model import Fact, Period
    modes = {"up": ROUND_HALF_UP, "even": ROUND_HALF_EVEN, "down": ROUND_DOWN}
    period = Period(date(2025, 3, 31), date(2025, 1, 1))
    group = []
    for which, d, mode, off in raw:
        true = Decimal(truths[which % len(truths)]).scaleb(-3)
        unit = Decimal(1).scaleb(-d)
        value = true if mode == "raw" else true.quantize(unit, modes[mode]) + off * unit
        group.append(Fact("us-gaap:Revenues", period, value, "USD", d))
    assert [[id(f) for f in r] for r in _readings(group)] == \
        [[id(f) for f in r] for r in _readings_one_by_one(group)]
