"""The words around a row that rules read besides its label: the table's title and the text `table`
conditions search, the heading a bridge's adjustments or a balance sheet's non-current liabilities stand
under when the table prints none, and the label of the row after (`followed_by`)."""
from __future__ import annotations

import regex

from ..model import Row, Table
from ..rulebook.match import GAAP_PREFIX, match_row, normalize_label
from ..rulebook.model import Rulebook
from ..rulebook.regex_code import kept_regex

_NOTE_LINE = kept_regex(r"^\(?\s*(?:un)?audited\s*\)?$|^\(?\s*(?:\$|dollars|amounts)?\s*(?:in\s+)?(?:thousands|millions|billions)\b"
                        r"[^)]*\)?$", regex.I)


def title_line(table: Table) -> str:
    """The table's title: the last caption line that is not a scale note or "(Unaudited)" ("Components of
    Other (income)/deductions--net include:" above "(MILLIONS)")."""
    lines = [c for c in table.caption if c.strip() and not _NOTE_LINE.match(c.strip())]
    return lines[-1] if lines else ""


def table_context(table: Table) -> str:
    """What `table`/`not_table` rule conditions search: caption, header and every row label, lower-cased; a
    caption over several lines also as one line, for a title they wrap ("Statements of Cash" / "Flows")."""
    wrapped = [" ".join(table.caption)] if len(table.caption) > 1 else []
    return " | ".join(table.caption + wrapped + [h.text for h in table.header] + [r.label for r in table.rows]).lower()


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


def shown_row(row: Row) -> str:
    return f"{row.label} | " + " | ".join(c.text for c in row.cells)


def next_label(table: Table, index: int) -> str:
    """The label of the next row that prints one (what `followed_by` conditions read). Looked for from the row
    on, not in a copy of the rows after it (asked for each row, that copying grew with the square of a table)."""
    rows = table.rows
    return next((rows[i].label for i in range(index + 1, len(rows)) if rows[i].label.strip()), "")
