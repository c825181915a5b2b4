"""Why each fact came out, and what did not: the answer a rule author needs before writing the next rule.

For every fact: the rule (and the file:line it lives at), the source block and characters, and each
normalization step the engine recorded (period, scale, sign, decimals); for a table row, the other rules
whose label pattern also reads it and why they lost (precedence: issuer over base, then priority, then
specificity). Then the facts merging dropped and why, and the check findings. `coverage` lists the table
rows and narrative amounts no rule read, with the share of numeric table cells that were read.

Reads a ConversionResult and its Trace; changes nothing.
"""
from __future__ import annotations

from dataclasses import field
from typing import Optional, Sequence

from .engine.numbers import parse_figure
from .engine.ignore import Suppressed
from .engine.row_headings import next_label, shown_row, table_context
from .model import Fact, Row, Table
from .pipeline import Trace
from .result import ConversionResult
from .rulebook.match import GAAP_PREFIX, normalize_label
from .rulebook.timed import fullmatch, search
from .rulebook.model import RowRule, Rulebook
from .dataclass_code import dataclass


@dataclass
class Coverage:
    cells: int = 0                 # numeric cells in table rows
    mapped_cells: int = 0          # of those, in rows a rule read
    rows: list[tuple[Table, Row]] = field(default_factory=list)        # rows with figures no rule read
    amounts: list[tuple[int, str, int]] = field(default_factory=list)  # (block, amount in context, offset)
    suppressed: list[Suppressed] = field(default_factory=list)         # what ignore and table rules kept unread
    suppressed_cells: int = 0      # numeric cells in suppressed rows and tables (not counted as unread)
    unplaced: list[tuple[Table, str]] = field(default_factory=list)   # lines of figures in no column of their table

    @property
    def percent(self) -> float:
        return 100.0 * self.mapped_cells / self.cells if self.cells else 100.0


def _rules_by_id(book: Optional[Rulebook]) -> dict:
    return {r.id: r for r in (book.rows + book.phrases + book.tables + book.ignores)} if book else {}


def where_rule(rule) -> str:
    from .rulebook.check import shown
    return f"{rule.origin}, {shown(rule.file)}:{rule.line}" if rule.file else rule.origin


def _rank(rule) -> str:
    parts = [rule.origin]
    if rule.priority:
        parts.append(f"priority {rule.priority}")
    return ", ".join(parts)


def row_candidates(book: Rulebook, table: Table, row: Row) -> list[tuple[RowRule, str]]:
    """Every row rule whose label pattern reads this row, in precedence order, with whether its section
    and table conditions hold ("applies") or which one fails."""
    norm = GAAP_PREFIX.sub("", normalize_label(row.label))
    sec = normalize_label(" ".join(row.section))
    context = table_context(table)
    index = next((i for i, r in enumerate(table.rows) if r is row), len(table.rows))
    following = normalize_label(next_label(table, index))
    out = []
    for rule in book.rows:
        if not any(fullmatch(rule, p, norm) for p in rule.labels):
            continue
        why = "applies"
        if rule.section is not None and not search(rule, rule.section, sec):
            why = f"section {rule.section.pattern!r} not in {sec!r}"
        elif rule.not_section is not None and search(rule, rule.not_section, sec):
            why = f"section matches not_section {rule.not_section.pattern!r}"
        elif rule.table is not None and not search(rule, rule.table, context):
            why = f"table lacks {rule.table.pattern!r}"
        elif rule.not_table is not None and search(rule, rule.not_table, context):
            why = f"table has not_table {rule.not_table.pattern!r}"
        elif rule.followed_by is not None and not rule.followed_by.search(following):
            why = f"next row {following!r} lacks followed_by {rule.followed_by.pattern!r}"
        elif rule.not_followed_by is not None and rule.not_followed_by.search(following):
            why = f"next row {following!r} has not_followed_by {rule.not_followed_by.pattern!r}"
        out.append((rule, why))
    return out


def _block(trace: Trace, index: int):
    doc = trace.document
    if doc is None:
        return None
    return next((b for b in doc.blocks if b.index == index), None)


def _row_of(table: Table, fact: Fact) -> Optional[Row]:
    label = fact.provenance.source_text.split(" | ", 1)[0] if fact.provenance else ""
    span = fact.provenance.span if fact.provenance else None
    for row in table.rows:
        if span and row.span and row.span.start <= span.start <= row.span.end and row.label == label:
            return row
    return next((r for r in table.rows if r.label == label), None)


def fact_lines(fact: Fact, trace: Trace) -> list[str]:
    dims = "".join(f" [{a}={m}]" for a, m in fact.dims)
    lines = [f"{fact.concept}  {fact.period}{dims}  = {format(fact.value, 'f')} {fact.unit} "
             f"(decimals {fact.decimals}, {fact.category})"]
    prov = fact.provenance
    if prov is None:
        return lines + ["    rule    (none recorded)"]
    rules = _rules_by_id(trace.book)
    rule = rules.get(prov.rule_id)
    lines.append(f"    rule    {prov.rule_id}" + (f"  [{where_rule(rule)}]" if rule else ""))
    block = _block(trace, prov.block)
    kind = "table" if isinstance(block, Table) else "paragraph"
    span = f"  (chars {prov.span.start}-{prov.span.end})" if prov.span else ""
    lines.append(f"    source  {kind} {prov.block}: {prov.source_text[:160]!r}{span}")
    box = trace.pdf.box_at(prov.span.start) if trace.pdf is not None and prov.span else None
    if box is not None:
        lines.append(f"    printed {box}")
    reading = trace.tables.readings.get(prov.block) if isinstance(block, Table) else None
    if reading is not None:
        lines.append(f"    table   {reading.rule.id}  [{where_rule(reading.rule)}]: {'; '.join(reading.notes) or 'matched'}")
    lines += [f"    step    {s}" for s in prov.steps]
    if isinstance(block, Table) and isinstance(rule, RowRule) and trace.book:
        row = _row_of(block, fact)
        if row is not None:
            for other, why in row_candidates(trace.book, block, row):
                if other.id != rule.id:
                    verdict = "lost on precedence" if why == "applies" else why
                    lines.append(f"    also    {other.id} ({_rank(other)}) -> {other.concept}: {verdict}")
    return lines


def rejected_lines(rejected: list[tuple[Fact, str]], trace: Trace) -> list[str]:
    out = []
    for fact, why in rejected:
        prov = fact.provenance
        kind = "table" if prov and isinstance(_block(trace, prov.block), Table) else "paragraph"
        src = f" from {prov.rule_id} in {kind} {prov.block} {prov.source_text[:80]!r}" if prov else ""
        out.append(f"{fact.concept}  {fact.period}  = {format(fact.value, 'f')}{src}")
        out.append(f"    dropped: {why}")
    return out


def coverage(trace: Trace, facts: Sequence[Fact] = ()) -> Coverage:
    """What no rule read: table rows with figures, and narrative amounts (`facts`: what was read, kept or merged)."""
    cov = Coverage()
    unmapped = {id(row) for _t, row in trace.tables.unmapped}
    cov.suppressed = suppressed(trace)
    quiet_tables = {s.block for s in cov.suppressed if s.kind == "table"}
    quiet_rows = {(s.block, s.text) for s in cov.suppressed if s.kind == "row"}
    for table in trace.document.tables if trace.document else []:
        cov.unplaced += [(table, line) for line in table.unplaced]
        for row in table.rows:
            figures = [c for c in row.cells if (f := parse_figure(c.text)) is not None and not f.percent]
            cov.cells += len(figures)
            if table.index in quiet_tables or (table.index, shown_row(row)) in quiet_rows:
                cov.suppressed_cells += len(figures)
            elif id(row) in unmapped:
                if figures:
                    cov.rows.append((table, row))
            else:
                cov.mapped_cells += len(figures)
    # an amount an outlook range read is no gap, though the narrative grammar passed it by
    read = [(f.provenance.block, f.provenance.span) for f in facts if f.category == "guidance"
            and f.provenance and f.provenance.span]
    cov.amounts = [u for u in trace.narrative.unmapped
                   if not any(block == u[0] and span.start <= u[2] < span.end for block, span in read)]
    return cov


def suppressed(trace: Trace) -> list[Suppressed]:
    """What ignore and table rules kept unread, once each, in document order."""
    seen = dict.fromkeys(trace.tables.suppressed + trace.narrative.suppressed)
    return sorted(seen, key=lambda s: s.block)


def suppressed_lines(items: list[Suppressed], trace: Trace) -> list[str]:
    rules = _rules_by_id(trace.book)
    out = []
    for s in items:
        rule = rules.get(s.rule)
        by = f"{s.rule} [{where_rule(rule)}]" if rule else "no rule"
        where = "paragraph" if s.kind in ("sentence", "phrase") else "table"
        what = f"{s.kind} " if s.kind != "table" else ""
        out.append(f"  {where} {s.block} {what}{' '.join(s.text.split())[:90]!r}: suppressed by {by} ({s.reason})")
    return out


def _title(table: Table) -> str:
    """The caption line that names the table: the last one that is not a parenthesised scale note."""
    lines = [c for c in table.caption if c.strip() and not c.strip().startswith("(")]
    return lines[-1] if lines else (table.caption[0] if table.caption else "")


def coverage_lines(cov: Coverage) -> list[str]:
    out = [f"coverage: {cov.mapped_cells} of {cov.cells} numeric table cells in rows a rule read "
           f"({cov.percent:.1f}%); {len(cov.rows)} unmapped rows, "
           f"{len(cov.unplaced)} line{'' if len(cov.unplaced) == 1 else 's'} in no column, "
           f"{len(cov.amounts)} unmapped narrative amounts; "
           f"{len(cov.suppressed)} suppressed ({cov.suppressed_cells} numeric cells)"]
    current = None
    for table, row in cov.rows:
        if table is not current:
            current = table
            title = _title(table)
            out.append(f"  table {table.index} {title[:70]!r}")
        sec = f" [under {row.section[-1]!r}]" if row.section else ""
        out.append(f"    {row.label[:70]!r}{sec}: {' | '.join(c.text for c in row.cells)}")
    if cov.unplaced:
        out.append("  lines of figures the reader put in no column of their table (not read)")
        for table, line in cov.unplaced:
            out.append(f"    table {table.index}: {line[:110]!r}")
    if cov.amounts:
        out.append("  narrative amounts")
        for block, text, _at in cov.amounts:
            out.append(f"    paragraph {block}: {' '.join(text.split())!r}")
    return out


def coverage_suppressed_lines(cov: Coverage, trace: Trace) -> list[str]:
    """The suppressed items, apart from the unread ones: an author's decision, not a gap."""
    if not cov.suppressed:
        return []
    return ["suppressed (ignore and table rules; not unread):"] + ["  " + line for line in suppressed_lines(cov.suppressed, trace)]


def explain_lines(result: ConversionResult, trace: Trace, concept: Optional[str] = None,
                  with_coverage: bool = False) -> list[str]:
    book = trace.book
    issuer = f"issuer file {book.issuer.file}" if book and book.issuer else "base rules only"
    out = [f"{result.info.source or 'input'}: {len(result.facts)} facts, layout {result.info.layout}, {issuer}", ""]
    facts = [f for f in result.facts if concept is None or concept.lower() in f.concept.lower()]
    for fact in facts:
        out += fact_lines(fact, trace)
    rejected = rejected_lines([(f, w) for f, w in result.rejected
                               if concept is None or concept.lower() in f.concept.lower()], trace)
    if rejected:
        out += ["", f"merged or rejected: {len(rejected) // 2}"] + rejected
    if result.findings:
        out += ["", "check findings:"] + [f"  {f.level}: {f.code}: {f.message}" for f in result.findings]
    if with_coverage:
        cov = coverage(trace, list(result.facts) + [f for f, _w in result.rejected])
        out += [""] + coverage_lines(cov)
        out += coverage_suppressed_lines(cov, trace)
    elif suppressed(trace):
        out += ["", f"suppressed: {len(suppressed(trace))}"] + suppressed_lines(suppressed(trace), trace)
    return out

