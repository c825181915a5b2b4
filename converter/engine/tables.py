"""Table rows to facts: the row's rule gives the concept and sign, the column its period, the scale note
its magnitude, and the printed figure its value and decimals. The words around a row that the rules read
are in row_headings.py, the signs its wording and its table's summations give in row_signs.py, and what
the facts read leave out (two columns of one period, parts beside the whole) in table_parts.py."""
from __future__ import annotations

from dataclasses import field, replace
from datetime import timedelta
from decimal import Decimal
from typing import Optional

import regex

from ..facts.consolidated import consolidated_net_income
from .components import component_sign, components_line
from ..model import Fact, Finding, Period, Provenance, Row, Table
from ..rulebook.match import match_row, normalize_label
from ..rulebook.model import Rulebook
from ..taxonomy import Calculation, Taxonomy
from .column_passes import retrospective, years_off_the_year_end
from .column_period import ColumnPeriod, row_column, split_row_period
from .columns import resolve_columns
from .release_calendar import Calendar
from .fiscal_calendar import began_after
from .dates import Length
from .lengths import Unresolved
from .numbers import parse_figure
from .guidance import FORECAST, MAXIMUM, MINIMUM
from .ignore import Suppressed, ignored_row, ignored_table
from .positions import has_positional, positional_rule
from .scale import Scale, row_power
from .chain_signs import chain_links, sign_by_chain
from .row_headings import bridge_headings, next_label, noncurrent_headings, shown_row, table_context, title_line
from .row_signs import SIGN_IDENTITIES, income_deducted_in_bridge, row_sign, sign_by_summation
from .table_parts import columns_collide, drop_breakdown_parts, drop_parts_beside_the_whole
from .table_kind import BALANCE_SHEET, ONE_SEGMENT, RESTATED, STATEMENT, is_bridge, table_kind
from .table_rules import TableReading, apply_table_rule, rule_kind, rule_scale, table_rule_for
from .totals import RowInfo, check_totals, named_totals, states_a_sum
from .unlabelled import parts_of, unlabelled_totals
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass


@dataclass
class TableOutcome:
    facts: list[Fact] = field(default_factory=list)
    unmapped: list[tuple[int, Row]] = field(default_factory=list)     # (table index, row)
    skipped: list[tuple[str, str]] = field(default_factory=list)      # (what, why)
    findings: list[Finding] = field(default_factory=list)             # totals that do not add up
    calculations: list[Calculation] = field(default_factory=list)     # summations the tables state
    unresolved: list[Unresolved] = field(default_factory=list)        # flows under a date with no length
    suppressed: list[Suppressed] = field(default_factory=list)        # what ignore and table rules kept unread
    readings: dict[int, TableReading] = field(default_factory=dict)   # table index -> the table rule applied
    undated: list[tuple[int, int, str]] = field(default_factory=list)  # (table, column, header) of a figure a
                                                                       # rule read in a column of no period
    unchained: set[int] = field(default_factory=set)                  # tables whose results no rows join
    tied: set[int] = field(default_factory=set)       # tables whose arithmetic ties figures to labels: a total
                                                      # holds its rows' sum, or rows join two results
    carried_scale: dict[int, int] = field(default_factory=dict)       # table -> the table whose scale note it took
    own_scale: set[int] = field(default_factory=set)                  # tables whose own title, header or rows
                                                                      # state their scale
    noted: dict[tuple[int, int], int] = field(default_factory=dict)   # (table, cell start) -> the power of ten
                                                                      # the table's scale note gave its figure


# A statement section's own subtotal ("Cash provided by operating activities", "Net increase in cash") stands
# outside the heading above it ("Changes in operating assets and liabilities:") in layouts that show no
# indentation to close that heading.
_SECTION_SUBTOTAL = kept_regex(
    r"^(?:net\s+)?cash\s+(?:flows?\s+)?\(?(?:provided|used|generated|from)\b.*\bactivities\b|^net\s+(?:increase|decrease|change)\b",
    regex.I)


# A cash flow statement, by its own rows: its working-capital lines ("Accounts payable (5,326)") are changes,
# never balances, whatever its columns' headers lost ("Ended December 31," with no length, a page's edge
# having cut "Three Months")
_CASH_FLOW_STATEMENT = kept_regex(r"\badjustments to reconcile\b|\bcash flows? (?:from|provided by|used in) "
                                  r"(?:\(?used in\)? )?operating\b")


# A heading or title that says the balances under it are the periods' closing ones ("Period-end balances:",
# "Selected balance sheet data (at period end)"), as a bank's five-quarter table prints them beside the
# quarters' flows; an average balance ("Average balances:") is no balance at any date.
_PERIOD_END = kept_regex(r"\bperiod[- ]end\b|\bend of (?:the )?(?:period|quarter|year)\b|\bending balances?\b", regex.I)
_AVERAGE = kept_regex(r"\baverage\b", regex.I)


def _at_period_end(row: Row, title: str) -> bool:
    """Whether the row's headings, or else the table's title, say its balances are at the columns' ends."""
    said = " ".join(row.section) if row.section else title
    return bool(_PERIOD_END.search(said)) and not _AVERAGE.search(said) and not _AVERAGE.search(row.label)


def _usable(columns: list[ColumnPeriod], col: int) -> bool:
    return 0 <= col < len(columns) and not columns[col].skip and not columns[col].nongaap \
        and not columns[col].member


def numeric_cells(table: Table) -> int:
    return sum(1 for r in table.rows for c in r.cells if (f := parse_figure(c.text)) is not None and not f.percent)


def facts_from_table(table: Table, book: Rulebook, tax: Taxonomy, cal: Calendar, scale: Scale,
                     out: TableOutcome, lengths: Optional[dict[int, Length]] = None,
                     resolved: Optional[list[ColumnPeriod]] = None, tie_checks: bool = False) -> None:
    """`lengths` gives columns the length their header does not print (see lengths.py); `resolved` is what
    resolve_columns(table, cal) gave already, if anything did; `tie_checks`: whether to look for what ties
    the table's figures to its labels (`out.tied`), which only tables paired by order need."""
    first = len(out.facts)
    title = title_line(table)
    ignore = ignored_table(book, table)
    if ignore is not None:
        out.suppressed.append(Suppressed("table", table.index, title, ignore.id, ignore.reason, numeric_cells(table)))
        return
    table_rule, tie = table_rule_for(book, table, title)
    if tie or (table_rule is not None and table_rule.skip):
        rid, why = ("", tie) if tie else (table_rule.id, table_rule.reason)
        out.suppressed.append(Suppressed("table", table.index, title, rid, why, numeric_cells(table)))
        return
    columns = list(resolved) if resolved is not None else resolve_columns(table, cal)
    if lengths:
        columns = [replace(c, length=lengths[i]) if i in lengths else c for i, c in enumerate(columns)]
        columns = years_off_the_year_end(columns, cal)
    kind, bridge = table_kind(table), is_bridge(table)
    if kind in (STATEMENT, BALANCE_SHEET):
        columns = retrospective(columns)
    if table_rule is not None:
        reading = out.readings[table.index] = TableReading(table_rule)
        columns = apply_table_rule(reading, table, columns)
        if reading.unread:
            out.suppressed.append(Suppressed("table", table.index, title, table_rule.id, reading.unread,
                                             numeric_cells(table)))
            return
        scale, kind = rule_scale(table_rule, scale), rule_kind(table_rule, kind)
        if table_rule.scale is not None or table_rule.shares_scale is not None:
            reading.notes.append(f"scale {scale.note}")
        if table_rule.kind:
            reading.notes.append(f"kind {table_rule.kind} (read as {kind})")
    context = table_context(table)
    flows_statement = _CASH_FLOW_STATEMENT.search(context) is not None
    caption = normalize_label(title)
    parts = components_line(title, book, context)   # (the line the rows break down, its own concept)
    if parts is not None:
        caption = parts[0]
    if kind == RESTATED:
        out.skipped.append((table.caption[-1], "a table of non-GAAP amounts: its rows are no GAAP lines"))
        return
    if kind == ONE_SEGMENT:
        out.skipped.append((title, "one segment's table: its lines are the segment's, not the company's"))
        return
    info: dict[int, RowInfo] = {}
    headings: list[tuple[str, ...]] = []   # the headings above each fact's row, in the order of out.facts
    led: list[str] = []                    # the nearest heading row above each fact's row, likewise
    heading_row = ""
    placed: list[tuple[int, int]] = []     # the (row, column) of each fact, in the order of out.facts
    bridges = bridge_headings(table, book, context, caption) | noncurrent_headings(table)
    named = unlabelled_totals(table, lambda c: _usable(columns, c))
    positional = has_positional(book)
    # (column, row qualifier, period type) -> (the column as such a row reads it, its period, the step that
    # says so): the same for every row of the table that asks
    read_columns: dict[tuple, tuple] = {}
    for index, row in enumerate(table.rows):
        if not row.cells:
            if not row.label.strip().endswith(":"):   # "Operating expenses:" heads lines within a section
                heading_row = row.label.strip()
            continue
        if index in named:   # a total printed without a label is its heading's total
            heading, over = named[index]
            total = "Total " + heading   # "Other income (expense):" totals as "Total other income (expense)"
            if match_row(book, total, " ".join(over), context, caption) is not None:
                heading = total
            row = replace(row, label=heading, section=over)
        label, qualifier = split_row_period(row.label)   # "Net Income - Quarter"
        above = () if _SECTION_SUBTOTAL.match(label) else row.section
        section = " ".join(((bridges[index],) if index in bridges else ()) + (caption,) * (parts is not None) + above)
        ignore = ignored_row(book, label, section, context)
        if ignore is not None:
            info[index] = RowInfo(None, 1)
            out.suppressed.append(Suppressed("row", table.index, shown_row(row), ignore.id, ignore.reason,
                                             len([c for c in row.cells if parse_figure(c.text) is not None])))
            continue
        rule = positional_rule(book, table, index, context) if positional else None
        if rule is None:
            rule = match_row(book, label, section, context, caption, next_label=next_label(table, index))
        if rule is None:
            info[index] = RowInfo(None, 1)
            out.unmapped.append((table.index, row))
            continue
        if index in named and any(info.get(k, RowInfo(None, 1)).concept == rule.concept for k in parts_of(table, index)):
            # a total its parts' shared words name as one of the parts ("Gross profit" over a bridge's
            # adjustments, then the adjusted figure): no name it can be given
            info[index] = RowInfo(None, 1)
            out.skipped.append((row.label, f"a total printed without a label, named as one of its own parts ({rule.concept})"))
            continue
        concept = tax.get(rule.concept)
        if concept is None or concept.unit is None:
            out.skipped.append((row.label, f"rule {rule.id} names {rule.concept}, which is not a numeric concept "
                                            f"of the taxonomy"))
            continue
        signed = component_sign(concept.balance) if parts is not None else None
        if parts is not None and (signed is None or rule.concept == parts[1]):
            info[index] = RowInfo(None, 1)
            out.skipped.append((row.label, f"a component of {parts[0]!r}: " + (
                "the line itself, or its catch-all" if signed else f"{rule.concept} has no balance to sign it by")))
            continue
        figures = [(c, parse_figure(c.text)) for c in row.cells]
        for c, f in figures:
            if f is not None and 0 <= c.col < len(columns) and columns[c.col].member:
                out.skipped.append((f"{row.label} [{c.text}]", f"a column of one part, not the company: "
                                                               f"{columns[c.col].member!r}"))
        figures = [(c, f) for c, f in figures if f is not None and not f.percent and _usable(columns, c.col)]
        mult, sign_step = signed or row_sign(rule.sign, [f for _c, f in figures], label, " ".join(row.section))
        # (a nil in it says nothing of a sign and stays)
        deducted = bridge and mult == 1 and income_deducted_in_bridge(rule.concept, concept.balance,
                                                                      [f for _c, f in figures])
        info[index] = RowInfo(rule.concept, mult)
        power = scale.for_unit(concept.unit)
        own = row_power((row.label,) + tuple(reversed(row.section))) if concept.unit != "USD/shares" else None
        if own is not None:
            power = own
        for cell, fig in figures:
            col: Optional[ColumnPeriod] = columns[cell.col] if 0 <= cell.col < len(columns) else None
            if col is None or col.skip or col.nongaap:
                continue
            if col.measure and (col.measure == "per share") != (concept.unit == "USD/shares"):
                out.skipped.append((f"{row.label} [{cell.text}]", f"a column of the {col.measure} only"))
                continue
            read = read_columns.get((cell.col, qualifier, concept.period))
            if read is None:
                col = row_column(col, qualifier, cal)
                period = col.period_for(concept.period)
                read = (col, period, f"period: {col.header} -> {period}")
                read_columns[cell.col, qualifier, concept.period] = read
            col, period, period_step = read
            if concept.period == "instant" and (col.length is not None or col.fixed is not None
                                                and not col.fixed.is_instant):
                # a balance in a column of flows: only "at beginning/end of period" lines say which date, or
                # a balance sheet's title (one that heads its columns "Year Ended December 31," misprints them)
                dur = col.period_for("duration")
                if rule.at == "start" and dur:
                    period = Period(dur.start - timedelta(days=1))
                    if col.fixed is None and col.length is not None and col.length.counted_in_weeks(col.end) \
                            and not began_after(period.end, cal, (columns[c.col] for c, _f in figures)):
                        # "Three Months Ended Apr 2, 2022" of a 52/53-week year: 13 weeks back is a guess (the
                        # quarter had 14), and nothing in the release settles it
                        out.skipped.append((f"{row.label} [{cell.text}]", "a balance at the beginning of a "
                                            "period counted in weeks: nothing in the release settles where it began"))
                        continue
                elif rule.at != "end" and kind != BALANCE_SHEET and not _at_period_end(row, title):
                    out.skipped.append((f"{row.label} [{cell.text}]", "a balance in a column of flows"))
                    continue
            elif concept.period == "instant" and rule.at is None and flows_statement:
                out.skipped.append((f"{row.label} [{cell.text}]", "a balance's line in a cash flow statement: a change"))
                continue
            elif concept.period == "instant" and rule.at == "start":
                # "Cash at beginning of year" under a bare date: the column's date ends the period, and where it
                # began its header does not say
                out.skipped.append((f"{row.label} [{cell.text}]", "a balance at the beginning of a period whose "
                                                                   "length the column does not print"))
                continue
            if period is None:
                out.skipped.append((f"{row.label} [{cell.text}]", "column period unknown"))
                out.undated.append((table.index, cell.col, col.header))
                if concept.period == "duration" and col.end and not col.contested and fig.value is not None \
                        and not fig.percent:
                    out.unresolved.append(Unresolved(table.index, cell.col, rule.concept, col.end,
                                                     (fig.value * mult).scaleb(power)))
                continue
            if fig.percent:
                continue
            if deducted and fig.value:
                out.skipped.append((f"{row.label} [{cell.text}]", "an income printed as a deduction in a "
                                                                   "reconciliation: its sign is the bridge's direction"))
                continue
            if concept.unit == "shares" and fig.value is not None and power == 0 and fig.value != fig.value.to_integral():
                # "2,634.3" shares under "(Dollars in Millions)": a count with a fraction is scaled, and the note
                # does not say by what
                out.skipped.append((f"{row.label} [{cell.text}]", "a share count with a fraction under a note "
                                                                   "that scales only money: its scale is not said"))
                continue
            value = Decimal(0) if fig.value is None else fig.value
            value = (value * mult).scaleb(power) if value else Decimal(0)
            decimals = fig.decimals - power
            steps = [period_step if period is read[1] else f"period: {col.header} -> {period}"]
            if table.index in out.readings:
                steps.insert(0, f"table rule: {out.readings[table.index].rule.id}")
            if power:
                note = scale.note.strip() if own is None else "the row's own note"
                steps.append(f"scale: x10^{power} ({note})")
                if own is None:
                    out.noted[(table.index, (cell.span or row.span).start)] = power
            if sign_step:
                steps.append(sign_step)
            if fig.nil:
                steps.append("nil: dash read as zero")
            steps.append(f"decimals: {decimals}")
            dims = col.dims
            if col.dims:
                steps.append(f"member: {col.dims[0][1]} on {col.dims[0][0]} (table rule)")
            if col.bound:  # a Low / High column of an outlook table
                dims = tuple(sorted((FORECAST, MINIMUM if col.bound == "low" else MAXIMUM)))
                steps.append(f"guidance: {col.bound} end of a range")
            out.facts.append(Fact(concept=rule.concept, period=period, value=value, unit=concept.unit,
                                  decimals=decimals, dims=dims,
                                  category="guidance" if dims else "table", provenance=Provenance(
                                      rule.id, table.index, cell.span or row.span, f"{row.label} | {cell.text}",
                                      tuple(steps), kind)))
            headings.append(above)
            led.append(heading_row)
            placed.append((index, cell.col))
    if columns_collide(out.facts[first:], placed, out, table):
        del out.facts[first:]
        return
    sign_by_summation(out.facts, first, tax.calculations + list(SIGN_IDENTITIES))
    usable = lambda c: _usable(columns, c)
    concepts, mults = {i: r.concept for i, r in info.items()}, {i: r.mult for i, r in info.items()}
    turned = sign_by_chain(table, concepts, mults, usable, out.facts, placed, first, tax)
    links = chain_links(table, concepts, mults, usable, joins=tie_checks)
    if not all(links):
        out.unchained.add(table.index)
    if tie_checks and (any(links) or states_a_sum(table, named_totals(table, concepts), usable)):
        out.tied.add(table.index)
    for i in turned:   # the table's own totals are stated with the signs the facts now have
        info[i] = RowInfo(info[i].concept, -info[i].mult)
    # a parent's total beside the whole ("Total Acme shareholders' equity", "Noncontrolling interest", "Total
    # equity") is no breakdown: tell the whole apart before parts are dropped
    out.facts[first:] = consolidated_net_income(out.facts[first:])
    headings = drop_parts_beside_the_whole(out, first, led, headings)
    drop_breakdown_parts(out, first, headings)
    findings, calcs = check_totals(table, info, usable)
    out.findings.extend(findings)
    out.calculations.extend(calcs)
