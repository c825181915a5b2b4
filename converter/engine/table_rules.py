"""Table rules where tables are read: which rule a table matches, and what it changes in the reading (the
columns' periods, skipped columns, segment members, the scale, the statement kind, or skipping the table).

A table two rules of equal rank match, or whose `columns` list does not have one entry per value column, is
left unread and says why: a rule that cannot settle a reading does not decide by order or by guess.
"""
from __future__ import annotations

from dataclasses import field, replace
from typing import Optional

from ..model import Table
from ..rulebook.loader import precedence
from ..rulebook.match import normalize_label, search
from ..rulebook.model import Rulebook, TableRule
from .column_period import ColumnPeriod
from .scale import Scale
from .table_kind import BALANCE_SHEET, SECONDARY, STATEMENT, TABLE
from ..dataclass_code import dataclass

KIND = {"income-statement": STATEMENT, "cash-flow": STATEMENT, "balance-sheet": BALANCE_SHEET,
        "segment": SECONDARY, "reconciliation": SECONDARY, "highlights": TABLE}
_SCALE_WORD = {0: "units", 3: "thousands", 6: "millions", 9: "billions"}


@dataclass
class TableReading:
    """The table rule a table matched and what it did, as explain shows it."""
    rule: TableRule
    notes: list[str] = field(default_factory=list)
    unread: str = ""         # why the rule left the whole table unread, if it did


def _texts(table: Table, title: str) -> dict[str, str]:
    first = next((r.label for r in table.rows if r.label.strip()), "")
    return {"title": normalize_label(title), "caption": " | ".join(table.caption).lower(),
            "header": " | ".join(h.text for h in table.header).lower(), "first_row": normalize_label(first)}


def _matches(rule: TableRule, texts: dict[str, str]) -> bool:
    for key, text in texts.items():
        pattern = getattr(rule, key)
        if pattern is not None and not search(rule, pattern, text):
            return False
    return True


def table_rule_for(book: Rulebook, table: Table, title: str) -> tuple[Optional[TableRule], str]:
    """The one table rule for this table, or (None, why) when two of equal rank match it."""
    if not book.tables:
        return None, ""
    texts = _texts(table, title)
    matching = [r for r in book.tables if _matches(r, texts)]
    if not matching:
        return None, ""
    top = matching[0]
    ties = [r for r in matching[1:] if precedence(r)[:2] == precedence(top)[:2]]
    if ties:
        return None, (f"table rules {top.id} and {ties[0].id} both match it at the same rank; "
                      f"set priority: to say which")
    return top, ""


def _column_heads(table: Table) -> dict[int, list[str]]:
    """The header text over each value column: from the cells' positions where the layout kept them, else
    the last `ncols` header cells in order (a header's bottom line names the columns); {} when neither says."""
    n = table.ncols
    heads: dict[int, list[str]] = {}
    placed = [h for h in table.header if h.cols is not None]
    if placed:
        for h in placed:
            for c in range(max(h.cols[0], 0), min(h.cols[1], n - 1) + 1):
                heads.setdefault(c, []).append(h.text)
        return heads
    loose = [h.text for h in table.header]
    if len(loose) < n:
        return {}
    return {c: [text] for c, text in enumerate(loose[-n:])}


def apply_table_rule(reading: TableReading, table: Table, columns: list[ColumnPeriod]) -> list[ColumnPeriod]:
    """The columns as the rule reads them; `reading.unread` says why none is read when the rule cannot apply."""
    rule, notes = reading.rule, reading.notes
    cols = list(columns)
    if rule.columns and len(rule.columns) != table.ncols:
        reading.unread = (f"table rule {rule.id} lists {len(rule.columns)} columns, the table has {table.ncols} "
                          f"value columns")
        return [replace(c, skip=True) for c in cols]
    if rule.skip_columns:
        heads = _column_heads(table)
        if not heads:
            reading.unread = f"table rule {rule.id}: the header does not say which column each cell heads"
            return [replace(c, skip=True) for c in cols]
        for c, texts in sorted(heads.items()):
            hit = next((t for t in texts for p in rule.skip_columns if search(rule, p, t.lower())), None)
            if hit is not None and c < len(cols):
                cols[c] = replace(cols[c], skip=True)
                notes.append(f"column {c + 1} skipped (header {hit!r})")
    for c, col in enumerate(cols):
        spec = rule.columns[c] if rule.columns else None
        if spec is not None and spec.skip:
            cols[c] = replace(col, skip=True)
            notes.append(f"column {c + 1} skipped")
            continue
        if col.skip and (spec is None or spec.period is None):
            continue
        period = spec.period if spec is not None and spec.period is not None else rule.period
        if period is not None:
            col = replace(col, fixed=period, end=period.end, skip=False, nongaap=False,
                          header=f"{col.header or 'column ' + str(c + 1)} (table rule {rule.id})")
            notes.append(f"column {c + 1} period {period}")
        if spec is not None and spec.member:
            col = replace(col, member="", dims=((rule.axis, spec.member),))
            notes.append(f"column {c + 1} member {spec.member}")
        cols[c] = col
    return cols


def rule_scale(rule: TableRule, scale: Scale) -> Scale:
    if rule.scale is None and rule.shares_scale is None:
        return scale
    power = scale.power if rule.scale is None else rule.scale
    shares = rule.shares_scale if rule.shares_scale is not None else (power if rule.scale is not None
                                                                    else scale.shares_power)
    return Scale(power, shares, f"{_SCALE_WORD.get(power, power)} (table rule {rule.id})")


def rule_kind(rule: TableRule, kind: str) -> str:
    return KIND.get(rule.kind, kind) if rule.kind else kind
