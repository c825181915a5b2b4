"""Misreads, not only gaps: the facts a rule author should look at before trusting a conversion, found without an
answer file. A fact is suspicious when it lost a merge or was withheld (two readings disagree), breaks a total,
comes from a segment, reconciliation or non-GAAP table, or comes from prose for a period the tables never print
for that line (a fiscal quarter dated by a guessed calendar). Each comes with the rule and source that made it
and a rule stub that would settle it: an ignore, a table rule, a row rule or the issuer's calendar.

Reads a ConversionResult and its Trace; changes nothing (`explain --suspicious`, `rules new`).
"""
from __future__ import annotations

import json

import regex

from .engine.table_kind import SECONDARY
from .facts.quarter_grid import OFF_GRID
from .engine.row_headings import title_line
from .model import Fact, Table
from .pipeline import Trace
from .result import ConversionResult
from .rulebook.match import normalize_label
from .rulebook.regex_code import kept_regex
from .dataclass_code import dataclass

TOTAL_CODES = ("calculation-inconsistency", "table-total-mismatch", "eps-inconsistency", "equality-inconsistency")
_META = kept_regex(r"([.^$*+?{}\[\]\\|()])")


@dataclass(frozen=True)
class Misread:
    why: str          # what makes it suspicious
    fact: str         # the fact as one line
    rule: str
    source: str
    stub: str         # a rule (YAML flow mapping) that would settle it


def _pattern(text: str, words: int = 6) -> str:
    return _META.sub(r"\\\1", " ".join(normalize_label(text).split()[:words]))


def _shown(f: Fact) -> str:
    dims = "".join(f" [{a}={m}]" for a, m in f.dims)
    return f"{f.concept} {f.period}{dims} = {format(f.value, 'f')}"


def _table(trace: Trace, block: int):
    doc = trace.document
    return next((t for t in doc.tables if t.index == block), None) if doc else None


def _stub(f: Fact, trace: Trace, prefix: str, hint: str) -> str:
    prov = f.provenance
    table = _table(trace, prov.block) if prov else None
    slug = regex.sub(r"[^a-z0-9]+", "-", (prov.source_text.split("|")[0] if prov else f.concept).lower()).strip("-")[:30]
    if isinstance(table, Table):
        label = prov.source_text.split(" | ", 1)[0]
        title = _pattern(title_line(table), 4)
        if hint == "table":
            return (f"tables: - {{id: {prefix}-{slug}-table, title: {json.dumps(title)}, kind: segment}}  "
                    f"# or skip: true, reason: ...")
        return (f"ignore: - {{id: {prefix}-no-{slug}, row: {json.dumps(_pattern(label, 12))}, "
                f"in_table: {json.dumps(title)}, reason: ...}}  # or a row rule with table:/section:")
    if hint == "calendar":
        return "issuer: fiscal_year_end: MON (or {saturday-nearest: MON-DD})  # dates fiscal quarters named in prose"
    sentence = prov.source_text if prov else ""
    return f"ignore: - {{id: {prefix}-no-{slug}, sentence: {json.dumps(_pattern(sentence, 8))}, reason: ...}}"


def misreads(result: ConversionResult, trace: Trace, prefix: str = "issuer") -> list[Misread]:
    out: list[Misread] = []
    seen: set = set()

    def add(why: str, f: Fact, hint: str = "") -> None:
        key = (why.split(":")[0], f.key, f.value)
        if key in seen:
            return
        seen.add(key)
        prov = f.provenance
        source = f"{'table' if _table(trace, prov.block) else 'paragraph'} {prov.block}: {prov.source_text[:100]!r}" \
            if prov else "?"
        out.append(Misread(why, _shown(f), prov.rule_id if prov else "?", source, _stub(f, trace, prefix, hint)))

    for f, why in result.rejected:
        if why.startswith("duplicate of a more precise fact"):
            continue   # a rounded restatement that agrees: no misread
        if OFF_GRID in why:
            add("withheld: the text dates it off the quarters the tables report", f, "calendar")
        else:
            add("withheld: its readings disagree" if why.startswith("withheld") else f"lost a merge: {why}", f)
    for finding in result.findings:
        if finding.code in TOTAL_CODES:
            for f in finding.facts:
                add(f"breaks a total: {finding.message[:120]}", f)
    table_periods: dict[tuple, set] = {}
    for f in result.facts:
        if f.category == "table" and f.provenance:
            table_periods.setdefault((f.concept, f.dims), set()).add(f.period)
    for f in result.facts:
        prov = f.provenance
        if prov is None:
            continue
        if prov.source_kind == SECONDARY and f.category == "table":
            add("from a segment, reconciliation or non-GAAP table", f, "table")
        elif f.category == "narrative" and not f.dims:
            printed = table_periods.get((f.concept, f.dims), set())
            if printed and f.period not in printed and any(p.start and f.period.start and
                                                           abs((p.end - f.period.end).days) < 70 for p in printed):
                add("from prose, for a period the tables print only a few weeks off", f, "calendar")
    out += _undated_columns(trace, prefix)
    return out


def _undated_columns(trace: Trace, prefix: str) -> list[Misread]:
    """Tables whose rows a rule read but some of whose columns name no period: nothing came from those."""
    columns: dict[int, dict[int, str]] = {}
    for block, col, header in trace.tables.undated:
        columns.setdefault(block, {})[col] = header
    out = []
    for block, cols in sorted(columns.items()):
        table = _table(trace, block)
        if table is None:
            continue
        heads = " | ".join(h.text for h in table.header)
        spec = ", ".join("{period: START..END}" if c in cols else "{}" for c in range(table.ncols))
        out.append(Misread(f"read, but column(s) {', '.join(str(c + 1) for c in sorted(cols))} name no period: "
                           f"no fact came from them", f"table {block} {title_line(table)[:60]!r}", "(row rules)",
                           f"table {block}: {heads[:100]!r}",
                           f"tables: - {{id: {prefix}-table-{block}, header: {json.dumps(_pattern(table.header[0].text if table.header else heads, 4))}, "
                           f"columns: [{spec}]}}  # {{skip: true}} for a column of changes"))
    return out


def misread_lines(items: list[Misread]) -> list[str]:
    lines = [f"suspicious: {len(items)}"]
    for m in items:
        lines += [f"{m.fact}", f"    why     {m.why}", f"    rule    {m.rule}", f"    source  {m.source}",
                  f"    settle  {m.stub}"]
    return lines
