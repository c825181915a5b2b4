"""`xbrlify rules new --issuer NAME RELEASE`: the first draft of an issuer file, written from the release.

The release is converted with the base rules alone; the issuer block is filled from what the text says
(name, ticker, CIK when printed, the period for the namespace), and every table row no rule read becomes one
commented stub with its label already a pattern, a concept guessed from the taxonomy's labels when one is
close, and the heading it sits under when the label alone is ambiguous. With every stub commented the file
passes `xbrlify rules check` as written; the author uncomments, corrects and adds tests.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import regex

from ..engine.entity import CIK_SCHEME, find_entity
from ..engine.numbers import parse_figure
from ..model import Row, Table
from ..pipeline import Trace, base_taxonomy, convert_text
from ..readers.source import read_release
from .match import normalize_label
from .regex_code import kept_regex

GENERIC = kept_regex(r"^(?:basic|diluted|total|other|net|other,? net|total other|all other)$")
_WORD = kept_regex(r"[a-z]+")
_META = kept_regex(r"([.^$*+?{}\[\]\\|()])")


def label_pattern(label: str) -> str:
    """The normalized label as a pattern that matches it and nothing looser: metacharacters escaped,
    dashes of any kind accepted."""
    text = _META.sub(r"\\\1", normalize_label(label))
    return regex.sub(r"\s*[–—]\s*", " ?[–—-] ?", text)


def slug(text: str, limit: int = 40) -> str:
    out = ""
    for word in _WORD.findall(normalize_label(text)):
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word
    return out or "row"


STATEMENT_PERIOD = ((regex.compile(r"balance sheet|financial (?:position|condition)", regex.I), "instant"),
                    (regex.compile(r"operations|income|earnings|cash flows?", regex.I), "duration"))
_STOP = {"and", "of", "the", "in", "for", "net", "total", "a", "to"}


def guess_concept(label: str, period: Optional[str] = None) -> Optional[str]:
    """A taxonomy concept whose label holds every word of the row label (and not many more), of the period
    type the statement reports; None when nothing is that close. A guess for the author to confirm."""
    words = set(_WORD.findall(regex.sub(r"non-current", "noncurrent", normalize_label(label)))) - _STOP
    if not words:
        return None
    best, score = None, 0.0
    for name, spec in base_taxonomy().concepts.items():
        if spec.unit is None or (period and spec.period != period):
            continue
        theirs = set(_WORD.findall(spec.label.lower())) - _STOP
        if not theirs or not words <= theirs:
            continue
        s = len(words) / len(theirs)
        if s > score:
            best, score = name, s
    return best if score >= 0.6 else None


def _title(table: Table) -> str:
    lines = [c for c in table.caption if c.strip() and not c.strip().startswith("(")]
    return lines[-1] if lines else f"table {table.index}"


def _stub(prefix: str, row: Row, with_section: bool, used: set, period: Optional[str]) -> str:
    rid = f"{prefix}-{slug(row.label)}"
    n = 2
    while rid in used:
        rid, n = f"{prefix}-{slug(row.label)}-{n}", n + 1
    used.add(rid)
    concept = guess_concept(row.label, period)
    parts = [f"id: {rid}", f"concept: {concept or 'us-gaap:CHOOSE'}",
             f"labels: [{json.dumps(label_pattern(row.label), ensure_ascii=False)}]"]
    if with_section and row.section:
        parts.append(f"section: {json.dumps(label_pattern(row.section[-1]), ensure_ascii=False)}")
    hint = "  # concept guessed from the label" if concept else ""
    return "  # - {" + ", ".join(parts) + "}" + hint


def _test_stub(prefix: str, table: Table, row: Row) -> list[str]:
    head = " | ".join(h.text for h in table.header) or "PERIOD HEADERS"
    cells = " | ".join(c.text for c in row.cells)
    values = [parse_figure(c.text) for c in row.cells]
    first = next((f.value for f in values if f is not None and f.value is not None), None)
    value = f", value: {format(first, 'f')}" if first is not None else ""
    section = f"\n  #     | {row.section[-1]} |" if row.section else ""
    return ["  # - name: " + normalize_label(row.label),
            "  #   text: |",
            f"  #     | {head}{section}",
            f"  #     | {row.label} | {cells}",
            "  #   expect:",
            f"  #     - {{concept: us-gaap:CHOOSE{value}}}   # add period: YYYY-MM-DD or START..END"]


def starter_issuer_file(release: Path, name: str, layout: Optional[str] = None) -> str:
    """The text of a starter issuer file for `release`, for the issuer NAME (also its prefix)."""
    source = read_release(release)
    trace = Trace()
    result = convert_text(source.text, source=str(release), layout=layout or source.layout, issuer="none",
                          trace=trace)
    entity = find_entity(trace.document.text, None)
    prefix = regex.sub(r"[^a-z0-9]", "", name.lower())[:16] or "issuer"
    if not prefix[0].isalpha():
        prefix = "x" + prefix[:15]
    company = entity.name or name
    stamp = result.info.period_end.strftime("%Y%m%d") if result.info.period_end else "2025"
    lines = ["# yaml-language-server: $schema=../../schemas/rules.schema.json",
             f"# {company}: the lines of its releases the base rules do not read. Started by `xbrlify rules new`",
             f"# from {Path(release).name}. Each commented stub below is a row no rule read: give it a concept,",
             "# uncomment it, or delete it. Then: xbrlify rules check FILE; xbrlify rules test FILE; xbrlify explain.",
             "issuer:",
             f"  name: {json.dumps(company, ensure_ascii=False)}"]
    if entity.scheme == CIK_SCHEME:
        lines.append(f'  cik: "{entity.identifier}"')
    if entity.ticker:
        lines.append(f"  ticker: {entity.ticker}")
    lines += [f"  prefix: {prefix}",
              f"  namespace: http://www.{prefix}.com/{stamp}   # check: the issuer's own namespace URI",
              f"  detect: [{json.dumps(chr(92) + 'b' + regex.escape(company.rstrip('.')) + chr(92) + 'b', ensure_ascii=False)}]",
              "", "concepts:", f"  # {prefix}:ExampleConcept: {{type: monetary, period: duration, balance: credit, "
                                f"label: Example Concept}}", "", "rows:"]
    labels: dict[str, set] = {}
    for _t, row in trace.tables.unmapped:
        labels.setdefault(normalize_label(row.label), set()).add(row.section[-1:] if row.section else ())
    seen, used, first = set(), set(), None
    current = None
    for table_index, row in trace.tables.unmapped:
        if not any(parse_figure(c.text) is not None for c in row.cells):
            continue
        norm = normalize_label(row.label)
        with_section = bool(GENERIC.match(norm)) or len(labels.get(norm, ())) > 1
        key = (norm, row.section[-1:] if with_section else ())
        if not norm or key in seen:
            continue
        seen.add(key)
        table = next(t for t in trace.document.tables if t.index == table_index)
        if table is not current:
            current = table
            lines.append(f"  # {_title(table)[:90]}")
        title = _title(table)
        period = next((kind for pat, kind in STATEMENT_PERIOD if pat.search(title)), None)
        lines.append(_stub(prefix, row, with_section, used, period))
        first = first or (table, row)
    lines += _misread_lines(result, trace, prefix)
    lines += ["", "tests:"]
    if first:
        lines += _test_stub(prefix, *first)
    return "\n".join(lines) + "\n"


def _misread_lines(result, trace: Trace, prefix: str) -> list[str]:
    """The facts the base rules read but likely misread, each with a stub that would settle it (commented)."""
    from ..suspicious import misreads
    found = misreads(result, trace, prefix)
    if not found:
        return []
    out = ["", f"# Likely misreads ({len(found)}; xbrlify explain --suspicious RELEASE shows them again):"]
    for m in found:
        out += [f"#   {m.fact}: {m.why[:100]}", f"#     from {m.rule} in {m.source[:90]}", f"#     settle with {m.stub}"]
    return out
