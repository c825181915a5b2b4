"""One conversion, start to end: read → rules → engine → merge → checks. The CLI and the library API both
call `convert_text`; nothing here formats output."""
from __future__ import annotations

from dataclasses import field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .engine.release_calendar import Calendar
from .engine.fiscal_calendar import fiscal_calendar, weekly_from_quarter_end
from .engine.continued import continuing
from .engine.entity import find_entity
from .engine.guidance import guidance_facts
from .engine.lengths import infer_lengths
from .engine.release_date import release_date
from .engine.narrative import NarrativeOutcome, date_undated, facts_from_paragraph
from .engine.scale import Scale, find_scale
from .engine.tables import TableOutcome, facts_from_table
from .facts.currency import in_currency
from .facts.checks import run_checks
from .facts.attribution import unattributed_totals
from .facts.consolidated import consolidated_net_income
from .facts.unstated_scale import unstated_scales
from .facts.share_scale import shares_by_eps, too_few_shares
from .facts.fiscal_naming import agreed_readings
from .facts.magnitude import unread_amounts, within_reach
from .facts.merge import merge_facts
from .facts.paired_by_order import BY_RUNS, doubtful_pairings
from .facts.misdated_columns import misdated_columns
from .facts.quarter_grid import off_the_quarter_grid
from .facts.period_order import check_period_order
from .engine.not_the_line import declared_nongaap
from .facts.release_bound import bound_by_release
from .facts.per_share_shape import per_share_shaped
from .facts.presented_signs import unsettled_signs
from .facts.carried_scale import doubtful_carried_scales
from .facts.unqualified_eps import unqualified_eps
from .facts.text_scale import check_table_scales
from .model import Document, Entity, Fact, Paragraph, Table
from .paths import RULES_DIR, TAXONOMY_FILE
from .readers import read_document
from .readers.pdf_file import PdfText
from .result import ConversionResult, DocumentInfo
from .rulebook.loader import detect_issuer, load_rulebook
from .rulebook.model import Rulebook
from .taxonomies.standard import standard_concepts
from .taxonomy import Taxonomy, load_taxonomy
from .dataclass_code import dataclass


@dataclass
class Trace:
    """What `explain` and `--coverage` need beyond the facts."""
    document: Optional[Document] = None
    tables: TableOutcome = field(default_factory=TableOutcome)
    narrative: NarrativeOutcome = field(default_factory=NarrativeOutcome)
    book: Optional[Rulebook] = None     # the rules in force, so explain can say where a rule lives and what else matched
    pdf: Optional[PdfText] = None       # a PDF source's words and where they were printed, so explain can say


@lru_cache(maxsize=4)
def base_taxonomy(path: str = str(TAXONOMY_FILE)) -> Taxonomy:
    return load_taxonomy(Path(path))


def _scale_note(par: Paragraph) -> Optional[Scale]:
    return find_scale([par.text]) if len(par.text) < 200 else None


def convert_text(text: str, source: str = "", layout: Optional[str] = None, issuer: Optional[str] = None,
                 entity: Optional[Entity] = None, rules_dir: Path = RULES_DIR,
                 trace: Optional[Trace] = None, snippet: bool = False) -> ConversionResult:
    """Convert one release. `issuer`: a path to an issuer file, "none" for base rules only, or None to
    detect it from the text. `snippet`: the text is a rule file's example, a table that states no scale and
    means its figures as printed, not a release whose scale was lost (facts/unstated_scale.py)."""
    doc = read_document(text, layout, source)
    if issuer is None:
        issuer_file = detect_issuer(doc.text, rules_dir)
    elif issuer == "none":
        issuer_file = None
    else:
        issuer_file = _issuer_path(issuer, rules_dir)
    book = load_rulebook(issuer_file, rules_dir)
    tax = with_standard_concepts(base_taxonomy(), book)
    if book.issuer:
        tax = tax.extend(book.issuer.prefix, book.issuer.namespace, book.extension_concepts)
    elif book.extension_concepts:
        tax = tax.extend("", "", {})
    released = release_date(doc)
    columns: dict = {}   # the tables' columns, where working the calendar out read them
    cal = fiscal_calendar(doc, book.issuer.fiscal_year_end if book.issuer else None, columns)
    trace = trace or Trace()
    trace.document = doc
    trace.book = book
    facts, report_end = _read_facts(doc, book, tax, cal, released, trace, columns)
    unnamed: list[tuple[Fact, str]] = []
    naming_findings: list = []
    late_here = _late(facts, released) if released is not None else 0
    if cal.fiscal_year_end_month in (1, 2) and (late_here or not cal.naming_known):
        # a year ending in January or February is named by the year it ends in or by the one it begins in:
        # a naming that dates actual figures after the release is wrong; with no such evidence, and the text
        # silent, what the two namings date differently is withheld (facts/fiscal_naming.py)
        other_cal, other = replace(cal, named_by_start=not cal.named_by_start, periods_seen={}), Trace()
        other_facts, other_end = _read_facts(doc, book, tax, other_cal, released, other)
        late_there = _late(other_facts, released) if released is not None else 0
        if late_there < late_here:
            facts, report_end = other_facts, other_end
            trace.tables, trace.narrative = other.tables, other.narrative
        elif late_there == late_here and not cal.naming_known:
            facts, unnamed, naming_findings = agreed_readings(facts, other_facts, released)

    facts, late = bound_by_release(facts, released)
    facts, out_of_range, range_findings = within_reach(facts)
    facts, unpaired, pairing_findings = doubtful_pairings(facts, doc.layout, trace.tables.unchained, trace.tables.tied, tax)
    facts, off_scale, scale_findings = check_table_scales(facts, trace.tables.own_scale)
    facts, unscaled, unscaled_findings = unstated_scales(facts, snippet)
    facts = shares_by_eps(facts)
    facts, few, few_findings = too_few_shares(facts)
    facts, uncarried, carry_findings = doubtful_carried_scales(facts, trace.tables.carried_scale, trace.tables.noted)
    facts, shaped, shape_findings = per_share_shaped(facts)
    facts, unqualified, unqualified_findings = unqualified_eps(facts)
    facts, misread, order_findings = check_period_order(facts)
    facts, misdated, misdated_findings = misdated_columns(facts)
    facts, off_grid, grid_findings = off_the_quarter_grid(facts, released)
    facts, unsigned, sign_findings = unsettled_signs(facts, trace.tables.unchained)
    facts = consolidated_net_income(facts)
    facts, unattributed, attribution_findings = unattributed_totals(facts, doc.text)
    facts, declared = _declared_nongaap(facts, doc, book)
    kept, rejected, findings = merge_facts(facts)
    kept, uncurrencied, currency_findings = in_currency(kept, doc)
    findings += currency_findings
    rejected = (declared + uncurrencied + unnamed + unattributed + late + out_of_range + unpaired + off_scale + unscaled + uncarried + shaped
                + unqualified + misread + misdated + off_grid + few + unsigned + rejected)
    findings = (trace.tables.findings + naming_findings + range_findings + pairing_findings + scale_findings
                + unscaled_findings + carry_findings + shape_findings + unqualified_findings + order_findings + misdated_findings
                + grid_findings + few_findings
                + sign_findings + attribution_findings + unread_amounts(doc) + findings)
    if trace.tables.calculations:
        tax = tax.with_calculations(trace.tables.calculations)
    kept.sort(key=lambda f: (f.concept, str(f.period), f.dims, f.unit))
    findings.extend(run_checks(kept, tax))
    ent = entity or find_entity(doc.text, book.issuer, text)
    info = DocumentInfo(source=source, layout=doc.layout, period_end=report_end,
                        issuer_prefix=book.issuer.prefix if book.issuer else "")
    return ConversionResult(kept, ent, tax, info, findings, rejected)


def _read_facts(doc: Document, book: Rulebook, tax: Taxonomy, cal: Calendar, released: Optional[date],
                trace: Trace, columns: Optional[dict] = None) -> tuple[list[Fact], Optional[date]]:
    """Every reading of the tables and the prose under one calendar, and the latest period the release
    reports (never after its date). `columns`: what fiscal_calendar's reading of the tables under `cal` gave."""
    doc_scale = prose_scale = Scale()
    noted_in: Optional[int] = None   # the table whose own note `doc_scale` is, if a table's
    facts = []
    scales: dict[int, Scale] = {}
    read: list[Table] = []        # the tables as read (a continued one with its first part's header)
    prose = 0   # long paragraphs since the last table
    previous, between = None, []   # the last table read, and the paragraphs since
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            between.append(block)
            note = _scale_note(block)
            if note:
                doc_scale = prose_scale = note
                noted_in = None
            elif len(block.text) >= 200:
                prose += 1
                if prose >= 2:  # a passage of prose between tables ends the reach of a table's own note
                    doc_scale, noted_in = prose_scale, None
        elif isinstance(block, Table):
            block = previous = continuing(block, previous, between)
            between = []
            read.append(block)
            # a table's own note wins; it also carries to the tables after it that print none
            own = find_scale(block.caption + [h.text for h in block.header] + _above_the_figures(block))
            if own:
                noted_in = block.index
                trace.tables.own_scale.add(block.index)
            elif noted_in is not None and doc_scale.power:
                trace.tables.carried_scale[block.index] = noted_in
            scale = own or doc_scale
            doc_scale = scales[block.index] = scale
            prose = 0
            known = columns.get(id(block)) if columns else None   # (a continued table is another table)
            facts_from_table(block, book, tax, cal, scale, trace.tables,
                             resolved=known[1] if known is not None and known[0] is block else None,
                             tie_checks=doc.layout in BY_RUNS)   # only tables paired by order need their ties
    facts.extend(trace.tables.facts)
    cal.ends = tuple(sorted({f.period.end for f in trace.tables.facts}))
    own = {f.period for f in trace.tables.facts if not f.dims and not f.period.is_instant
           and (released is None or f.period.end <= released)}
    latest = max((p.end for p in own), default=None)
    cal.reported = tuple(sorted((p for p in own if p.end == latest), key=lambda p: p.start))
    for par in doc.paragraphs:
        facts_from_paragraph(par, book, tax, cal, trace.narrative)
    date_undated(trace.narrative, tax)
    facts.extend(trace.narrative.facts)
    facts.extend(_settled_columns(read, book, tax, cal, scales, trace, facts))
    reported = [f.period.end for f in trace.tables.facts if not f.dims] or \
        [f.period.end for f in trace.narrative.facts]
    reported = [end for end in reported if released is None or end <= released]
    report_end = max(reported) if reported else None
    facts.extend(guidance_facts(doc.paragraphs, book, tax, weekly_from_quarter_end(cal, report_end), report_end))
    return facts, report_end


def with_standard_concepts(tax: Taxonomy, book: Rulebook) -> Taxonomy:
    """The taxonomy with the standard elements the rules name that it does not declare (taxonomies/standard.py).
    Made once per book and taxonomy (both are kept and only read), not for every conversion."""
    kept = book.__dict__.setdefault("_with_standard", {})
    key = (id(tax), len(book.rows), len(book.phrases))
    if key in kept and kept[key][0] is tax:
        return kept[key][1]
    kept[key] = (tax, _with_standard_concepts(tax, book))
    return kept[key][1]


def _with_standard_concepts(tax: Taxonomy, book: Rulebook) -> Taxonomy:
    missing = {r.concept for rules in (book.rows, book.phrases) for r in rules if r.concept not in tax}
    found = standard_concepts(missing) if missing else {}
    if not found:
        return tax
    return Taxonomy(dict(tax.namespaces), {**tax.concepts, **found}, list(tax.calculations), list(tax.equalities))


def _above_the_figures(table: Table) -> list[str]:
    """The label-only lines a table holds before its first row of figures: a header line a reader kept among
    the rows ("(in millions)" printed under each group's title) still notes the table's scale."""
    out = []
    for row in table.rows:
        if row.cells:
            break
        out.append(row.label)
    return out


def _declared_nongaap(facts: list[Fact], doc: Document, book: Rulebook) -> tuple[list[Fact], list[tuple[Fact, str]]]:
    """Facts a sentence gave for a wording the release calls a non-GAAP measure (engine/not_the_line.py)."""
    declared = declared_nongaap([p.text for p in doc.paragraphs], book)
    if not declared:
        return facts, []
    kept, dropped = [], []
    for f in facts:
        if f.category != "table" and f.concept in declared:
            dropped.append((f, f"the release calls its wording a non-GAAP measure ('{declared[f.concept]}')"))
        else:
            kept.append(f)
    return kept, dropped


def _late(facts: list[Fact], released: date) -> int:
    """Actual figures dated after the release: how many."""
    return sum(1 for f in facts if f.category != "guidance" and f.period.end > released)


def _settled_columns(tables: list[Table], book, tax: Taxonomy, cal, scales: dict, trace: Trace,
                     facts: list) -> list:
    """Tables read again with the column lengths the rest of the release settles (engine/lengths.py)."""
    settled = infer_lengths(trace.tables.unresolved, facts, cal)
    if not settled:   # the common case: no table to read again
        return []
    seen = {f.key for f in trace.tables.facts}   # a rounded restatement in the text must not keep a table's figure out
    out = []
    for table in tables:
        if table.index in settled:
            again = TableOutcome()
            facts_from_table(table, book, tax, cal, scales[table.index], again, settled[table.index])
            out.extend(f for f in again.facts if f.key not in seen)
    return out


def _issuer_path(issuer: str, rules_dir: Path) -> Path:
    p = Path(issuer)
    if p.suffix in (".yaml", ".yml") and p.exists():
        return p
    candidate = rules_dir / "issuers" / f"{issuer}.yaml"
    if candidate.exists():
        return candidate
    raise FileNotFoundError(f"no issuer file {issuer!r} (looked for {p} and {candidate})")
