"""Rows by position: a row rule may name the row right after the row matching a label (`after:`), or the total
of the block of rows under a heading (`total_of:`). Both reach rows that print no label, which no label pattern
can (the engine reads no empty label). A positional rule that matches wins over the label rules: it says more
about the row. Two that match one row for different concepts at the same rank leave it unread.
"""
from __future__ import annotations

from typing import Optional

from ..model import Row, Table
from ..rulebook.loader import precedence
from ..rulebook.match import _constraints_hold, fullmatch, normalize_label
from ..rulebook.model import RowRule, Rulebook

_TOTAL = ("total", "totals")


def _blank(row: Row) -> bool:
    return not normalize_label(row.label)


def _is_total(row: Row) -> bool:
    norm = normalize_label(row.label)
    return not norm or norm.split(" ", 1)[0] in _TOTAL


def _after_holds(rule: RowRule, rows: list[Row], index: int) -> bool:
    if index == 0 or not _blank(rows[index]):
        return False
    above = normalize_label(rows[index - 1].label)
    return bool(above) and bool(fullmatch(rule, rule.after, above))


def _heading_matches(rule: RowRule, row: Row) -> bool:
    return bool(row.section) and bool(fullmatch(rule, rule.total_of, normalize_label(row.section[-1])))


def _total_of_holds(rule: RowRule, rows: list[Row], index: int) -> bool:
    row = rows[index]
    if not _is_total(row):
        return False
    # the nearest rows with figures above and below, looked for from the row (gathering every row above it,
    # for each total row, grew with the square of a table)
    last = next((rows[j] for j in range(index - 1, -1, -1) if rows[j].cells), None)
    if _heading_matches(rule, row):   # the block's last row with figures, with at least one row above it
        later = next((rows[j] for j in range(index + 1, len(rows)) if rows[j].cells), None)
        ends = later is None or later.section != row.section
        return ends and last is not None and last.section == row.section
    # an unlabelled total printed right after the block, outside its heading
    return _blank(row) and last is not None and _heading_matches(rule, last) and rows[index - 1] is last


def _positional_rules(book: Rulebook) -> tuple[RowRule, ...]:
    """The book's positional rules in order, found once per book (not once per row)."""
    return book.derived("_positional", book.rows, lambda: tuple(r for r in book.rows if r.positional))


def has_positional(book: Rulebook) -> bool:
    return bool(_positional_rules(book))


def positional_rule(book: Rulebook, table: Table, index: int, context: str = "") -> Optional[RowRule]:
    """The positional rule for the row at `index`, or None (none matches, or two of equal rank disagree)."""
    rows = table.rows
    if not rows[index].cells:
        return None
    found = []
    for rule in _positional_rules(book):
        if rule.after is not None and not _after_holds(rule, rows, index):
            continue
        if rule.total_of is not None and not _total_of_holds(rule, rows, index):
            continue
        if not _constraints_hold(rule, normalize_label(" ".join(rows[index].section)), context):
            continue
        found.append(rule)
    if not found:
        return None
    top = found[0]
    rivals = [r for r in found[1:] if precedence(r)[:2] == precedence(top)[:2] and r.concept != top.concept]
    return None if rivals else top
