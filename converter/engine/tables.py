"""Table rows to facts: the row's rule gives the concept and sign, the column its period, the scale note
its magnitude, and the printed figure its value and decimals."""
from __future__ import annotations

from dataclasses import field, replace
from datetime import timedelta
from decimal import Decimal
from typing import Optional

import regex

from ..facts.consolidated import consolidated_net_income
from .components import component_sign, components_line
from ..model import Fact, Finding, Period, Provenance, Row, Table
from ..rulebook.match import GAAP_PREFIX, OPPOSITE_QUALIFIER, match_row, normalize_label
from ..rulebook.model import Rulebook
from ..taxonomy import Calculation, Taxonomy
from .columns import ColumnPeriod, resolve_columns, row_column, split_row_period, years_off_the_year_end
from .release_calendar import Calendar
from .fiscal_calendar import began_after
from .dates import Length
from .lengths import Unresolved
from .numbers import Figure, parse_figure
from .guidance import FORECAST, MAXIMUM, MINIMUM
from .ignore import Suppressed, ignored_row, ignored_table
from .positions import has_positional, positional_rule
from .scale import Scale, row_power
from .chain_signs import chain_links, sign_by_chain
from .table_kind import BALANCE_SHEET, RESTATED, table_kind
from .table_rules import TableReading, apply_table_rule, rule_kind, rule_scale, table_rule_for
from ..taxonomies.standard import summation_totals
from .totals import RowInfo, _is_total, check_totals, closes_section, states_a_sum
from .unlabelled import unlabelled_totals
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
    tie_checks: bool = False                          # whether to look for `tied` (tables paired by order)
    tied: set[int] = field(default_factory=set)       # tables whose arithmetic ties figures to labels: a total
                                                      # holds its rows' sum, or rows join two results
    carried_scale: dict[int, int] = field(default_factory=dict)       # table -> the table whose scale note it took


_NOTE_LINE = kept_regex(r"^\(?\s*(?:un)?audited\s*\)?$|^\(?\s*(?:\$|dollars|amounts)?\s*(?:in\s+)?(?:thousands|millions|billions)\b"
                        r"[^)]*\)?$", regex.I)


def title_line(table: Table) -> str:
    """The table's title: the last caption line that is not a scale note or "(Unaudited)" ("Components of
    Other (income)/deductions--net include:" above "(MILLIONS)")."""
    lines = [c for c in table.caption if c.strip() and not _NOTE_LINE.match(c.strip())]
    return lines[-1] if lines else ""


def table_context(table: Table) -> str:
    """What `table`/`not_table` rule conditions search: caption, header and every row label, lower-cased."""
    return " | ".join(table.caption + [h.text for h in table.header] + [r.label for r in table.rows]).lower()


# A label that names a loss and no income: "OPERATING LOSS", "Net loss attributable to:", "Loss per share".
# "Income tax" and "(loss)" wordings name no result of their own.
_LOSS_ONLY = kept_regex(r"\bloss(?:es)?\b")
_INCOME_TOO = kept_regex(r"\b(?:income|earnings|profit|gains?)\b(?!\s+tax)|\(loss\)|\(income\)")


def row_sign(rule_sign: str, figures: list[Figure], words: str = "", heading: str = "") -> tuple[int, str]:
    """The multiplier the row's printed figures take, and why. An expense printed as a deduction (every
    non-zero figure in parentheses) is stored positive; `negate` flips wording like "(provision) benefit";
    `loss` stores negative a result printed unsigned under a label (`words`) that names only a loss ("NET
    LOSS 14,772"), or, where the label names neither a loss nor an income ("Common stockholders"), under a
    `heading` that does ("Net loss attributable to:"). A label's own word wins over its heading's: "Loss on
    extinguishment of debt 12" under "Adjustments to reconcile net income ..." is a loss."""
    if rule_sign == "negate":
        return -1, "sign: negated (the label prints the concept's opposite)"
    if rule_sign == "loss":
        text = words.lower()
        if heading and not (_LOSS_ONLY.search(text) or _INCOME_TOO.search(text)):
            text = heading.lower()
        nonzero = [f for f in figures if f.value not in (None, 0)]
        if _LOSS_ONLY.search(text) and not _INCOME_TOO.search(text) and nonzero \
                and not any(f.negative for f in nonzero):
            return -1, "sign: a loss printed unsigned under a loss-only label, stored negative"
    if rule_sign == "expense":
        nonzero = [f for f in figures if f.value not in (None, 0)]
        if OPPOSITE_QUALIFIER.search(words):
            return 1, "sign: as printed (the label says a figure in parentheses is a reduction)"
        if nonzero and all(f.negative for f in nonzero):
            return -1, "sign: deduction printed in parentheses, stored positive"
    return 1, ""


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


# A restated line ("Non-GAAP gross profit", "Adjusted net income") closes a bridge that its GAAP line opens.
_RESTATED = kept_regex(r"^(?:total )?(?:non[\s-]?gaap|adjusted|as adjusted|pro forma)\s+")
BRIDGE_REACH = 12   # rows a bridge may span


def bridge_headings(table: Table, book: Rulebook, context: str, caption: str) -> dict[int, str]:
    """Rows between a GAAP line and its restatement ("GAAP gross profit | Stock-based compensation expense |
    Amortization | Non-GAAP gross profit") are adjustments to that line, not totals of their own: rules see
    them under the heading "adjustments to gross profit" (so `skip_sections` can say which bridges list only
    a part of an adjustment). The GAAP line is the nearest row above the restatement that maps to the concept
    the restatement's wording names once "Non-GAAP" is taken off; where no such row was read (a PDF reader
    may lose it), the heading the rows above stand under when it names that concept ("Gross profit:")."""
    out: dict[int, str] = {}
    rows = table.rows
    for end, row in enumerate(rows):
        norm = normalize_label(row.label)
        m = _RESTATED.match(norm)
        if not m or not row.cells:
            continue
        target = match_row(book, norm[m.end():], " ".join(row.section), context, caption)
        if target is None:
            continue
        for start in range(end - 1, max(-1, end - BRIDGE_REACH - 2), -1):
            above = rows[start]
            if _RESTATED.match(normalize_label(above.label)):
                break
            rule = match_row(book, above.label, " ".join(above.section), context, caption) if above.cells else None
            if rule is not None and rule.concept == target.concept:
                heading = "adjustments to " + GAAP_PREFIX.sub("", normalize_label(above.label))
                for k in range(start + 1, end):
                    out.setdefault(k, heading)
                break
        else:
            _bridge_under_heading(rows, end, target.concept, book, context, caption, out)
    return out


def _bridge_under_heading(rows: list[Row], end: int, concept: str, book: Rulebook, context: str, caption: str,
                          out: dict[int, str]) -> None:
    """The rows right above a restatement that stand under one heading naming the restated concept."""
    section = rows[end - 1].section if end else ()
    if not section:
        return
    start = end - 1
    while start > 0 and end - start < BRIDGE_REACH and rows[start - 1].section == section \
            and not _RESTATED.match(normalize_label(rows[start - 1].label)):
        start -= 1
    named = normalize_label(section[-1].rstrip(":"))
    rule = match_row(book, named, "", context, caption)
    if rule is not None and rule.concept == concept:
        for k in range(start, end):
            out.setdefault(k, "adjustments to " + GAAP_PREFIX.sub("", named))


# A balance sheet that prints no "Non-current liabilities:" heading: the lines between the current liabilities'
# subtotal and total liabilities ("Debt", "Deferred revenue") are the non-current ones.
_CURRENT_LIABILITIES = kept_regex(r"^(?:total )?current liabilities$")
_NONCURRENT_END = kept_regex(r"^total liabilities\b|equity|deficit|commitments|redeemable|temporary")
NONCURRENT_HEADING = "non-current liabilities"


def noncurrent_headings(table: Table) -> dict[int, str]:
    """Rows under no heading of their own after the current liabilities subtotal, up to total liabilities."""
    out: dict[int, str] = {}
    after = False
    for index, row in enumerate(table.rows):
        norm = normalize_label(row.label)
        if after and (_NONCURRENT_END.search(norm) or not row.cells and not row.section):
            break
        if after and row.cells and not row.section:
            out[index] = NONCURRENT_HEADING
        after = after or bool(row.cells and _CURRENT_LIABILITIES.match(norm))
    return out


def _usable(columns: list[ColumnPeriod], col: int) -> bool:
    return 0 <= col < len(columns) and not columns[col].skip and not columns[col].nongaap \
        and not columns[col].member


def numeric_cells(table: Table) -> int:
    return sum(1 for r in table.rows for c in r.cells if (f := parse_figure(c.text)) is not None and not f.percent)


def _shown_row(row: Row) -> str:
    return f"{row.label} | " + " | ".join(c.text for c in row.cells)


def next_label(table: Table, index: int) -> str:
    """The label of the next row that prints one (what `followed_by` conditions read). Looked for from the row
    on, not in a copy of the rows after it (asked for each row, that copying grew with the square of a table)."""
    rows = table.rows
    return next((rows[i].label for i in range(index + 1, len(rows)) if rows[i].label.strip()), "")


def facts_from_table(table: Table, book: Rulebook, tax: Taxonomy, cal: Calendar, scale: Scale,
                     out: TableOutcome, lengths: Optional[dict[int, Length]] = None,
                     resolved: Optional[list[ColumnPeriod]] = None) -> None:
    """`lengths` gives columns the length their header does not print (see lengths.py); `resolved` is what
    resolve_columns(table, cal) gave already, if anything did."""
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
    kind = table_kind(table)
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
    info: dict[int, RowInfo] = {}
    headings: list[tuple[str, ...]] = []   # the headings above each fact's row, in the order of out.facts
    placed: list[tuple[int, int]] = []     # the (row, column) of each fact, in the order of out.facts
    bridges = bridge_headings(table, book, context, caption) | noncurrent_headings(table)
    named = unlabelled_totals(table, lambda c: _usable(columns, c))
    positional = has_positional(book)
    # (column, row qualifier, period type) -> (the column as such a row reads it, its period, the step that
    # says so): the same for every row of the table that asks
    read_columns: dict[tuple, tuple] = {}
    for index, row in enumerate(table.rows):
        if not row.cells:
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
            out.suppressed.append(Suppressed("row", table.index, _shown_row(row), ignore.id, ignore.reason,
                                             len([c for c in row.cells if parse_figure(c.text) is not None])))
            continue
        rule = positional_rule(book, table, index, context) if positional else None
        if rule is None:
            rule = match_row(book, label, section, context, caption, next_label=next_label(table, index))
        if rule is None:
            info[index] = RowInfo(None, 1)
            out.unmapped.append((table.index, row))
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
        info[index] = RowInfo(rule.concept, mult)
        power = scale.for_unit(concept.unit)
        own = row_power((row.label,) + tuple(reversed(row.section))) if concept.unit != "USD/shares" else None
        if own is not None:
            power = own
        for cell, fig in figures:
            col: Optional[ColumnPeriod] = columns[cell.col] if 0 <= cell.col < len(columns) else None
            if col is None or col.skip or col.nongaap:
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
                elif rule.at != "end" and kind != BALANCE_SHEET:
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
                steps.append(f"scale: x10^{power} ({scale.note.strip()})")
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
            placed.append((index, cell.col))
    _sign_by_summation(out.facts, first, tax.calculations + list(SIGN_IDENTITIES))
    turned = sign_by_chain(table, {i: r.concept for i, r in info.items()}, {i: r.mult for i, r in info.items()},
                           lambda c: _usable(columns, c), out.facts, placed, first, tax)
    links = chain_links(table, {i: r.concept for i, r in info.items()}, {i: r.mult for i, r in info.items()},
                        lambda c: _usable(columns, c))
    if not all(links):
        out.unchained.add(table.index)
    if out.tie_checks:
        sums = summation_totals()
        totals = {i for i, r in enumerate(table.rows)
                  if _is_total(r.label) or i in info and info[i].concept in sums and closes_section(table, i)}
        if any(links) or states_a_sum(table, totals, lambda c: _usable(columns, c)):
            out.tied.add(table.index)
    for i in turned:   # the table's own totals are stated with the signs the facts now have
        info[i] = RowInfo(info[i].concept, -info[i].mult)
    # a parent's total beside the whole ("Total Acme shareholders' equity", "Noncontrolling interest", "Total
    # equity") is no breakdown: tell the whole apart before parts are dropped
    out.facts[first:] = consolidated_net_income(out.facts[first:])
    _drop_breakdown_parts(out, first, headings)
    findings, calcs = check_totals(table, info, lambda c: _usable(columns, c))
    out.findings.extend(findings)
    out.calculations.extend(calcs)


_WHOLE = kept_regex(r"^(?:total|consolidated|combined)\b", regex.I)


def _drop_breakdown_parts(out: TableOutcome, first: int, headings: list[tuple[str, ...]]) -> None:
    """A table that gives one concept and period several values is a breakdown: "Revenue" and "Operating
    income" under each segment's heading, then under "Total". The value printed under no heading, or under a
    total's, is the whole; the others are parts and are dropped. With no single whole, the group is left to
    the merge (which keeps the first and reports the rest)."""
    groups: dict[tuple, list[int]] = {}
    for i in range(first, len(out.facts)):
        groups.setdefault(out.facts[i].key, []).append(i)
    drop: set[int] = set()
    for members in groups.values():
        if len({out.facts[i].value for i in members}) < 2:
            continue
        whole = [i for i in members if not headings[i - first] or _WHOLE.match(headings[i - first][-1])]
        if len({out.facts[i].value for i in whole}) != 1:
            continue
        for i in members:
            if i not in whole:
                drop.add(i)
                out.skipped.append((out.facts[i].provenance.source_text, "a part of a breakdown: the table gives this "
                                                                   "line another value elsewhere"))
    if drop:
        out.facts[first:] = [f for i, f in enumerate(out.facts[first:], first) if i not in drop]


_PRETAX = "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
# Beyond the taxonomy's summations (checked on every run), these only settle a sign a wording leaves open:
# "Benefit from income taxes (2,105)" between "Loss before income taxes (50,000)" and "Net loss (47,895)" is
# a tax expense of -2,105. When anything else stands between the lines (minority interest, discontinued
# operations), the sum fails either way and nothing is turned.
SIGN_IDENTITIES = (
    Calculation("net-income-after-tax", "us-gaap:NetIncomeLoss", ((_PRETAX, 1), ("us-gaap:IncomeTaxExpenseBenefit", -1))),
    Calculation("profit-after-tax", "us-gaap:ProfitLoss", ((_PRETAX, 1), ("us-gaap:IncomeTaxExpenseBenefit", -1))),
)


def _sign_by_summation(facts: list[Fact], first: int, calculations: list[Calculation]) -> None:
    """A line whose wording does not say its sign takes the one the taxonomy's summations give it within its
    table: "Net income 15,672 / Net income attributable to noncontrolling interests (412) / Net income
    attributable to common stockholders 15,260" prints the minority's share of income as a deduction, and
    profit = parent's share + minority's share says it is +412. An item is turned only when the summation
    fails as read and holds with that item turned, in every period of the table where it can be checked."""
    at: dict[tuple, list[int]] = {}
    for i in range(first, len(facts)):
        f = facts[i]
        if not f.dims:
            at.setdefault((f.concept, f.period), []).append(i)
    # each calculation's total looked up, not every fact walked per calculation
    by_concept: dict[str, list[tuple]] = {}
    for (concept, period), total in at.items():
        by_concept.setdefault(concept, []).append((period, total))
    verdicts: dict[str, list[tuple[bool, list[int]]]] = {}
    for calc in calculations:
        for period, total in by_concept.get(calc.total, ()):
            if len(total) != 1:
                continue
            items = [(c, w, at.get((c, period), [])) for c, w in calc.items]
            if any(len(ix) != 1 for _c, _w, ix in items):
                continue
            want = facts[total[0]].value
            got = sum((w * facts[ix[0]].value for _c, w, ix in items), Decimal(0))
            for c, w, ix in items:
                v = facts[ix[0]].value
                if got == want:
                    verdicts.setdefault(c, []).append((False, ix))
                elif v and got - 2 * w * v == want:
                    verdicts.setdefault(c, []).append((True, ix))
    for concept, seen in verdicts.items():
        if seen and all(turn for turn, _ix in seen):
            for _turn, ix in seen:
                f = facts[ix[0]]
                steps = f.provenance.steps + (f"sign: turned so that the table's {concept.split(':')[-1]} adds up",) \
                    if f.provenance else ()
                facts[ix[0]] = replace(f, value=-f.value, provenance=replace(f.provenance, steps=steps)
                                       if f.provenance else None)
