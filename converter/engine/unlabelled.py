"""Totals printed without a label: the figures under "Inventories: Raw materials 2,638 / Work-in-process 110 /
Finished goods 3,221" that add them up ("5,969") name no line, yet they are the heading's amount. A row with
figures and no label is named after the heading it stands under when, in every column where it has a
figure, it is the sum of the rows just above it under that heading and no later line prints the heading's total
("Total shareholders' equity" under "Equity"); otherwise it stays unnamed and unread.
Rules read it as "Total <heading>" where a rule knows that label (engine/tables.py): the sum under "Other
income (expense):" is the non-operating total, not the "other" line the heading's words alone name."""
from __future__ import annotations

from decimal import Decimal
from typing import Callable

from ..model import Table
from ..rulebook.regex_code import kept_regex
from .numbers import parse_figure


def unlabelled_totals(table: Table, usable: Callable[[int], bool]) -> dict[int, tuple[str, tuple[str, ...]]]:
    """row index -> (the label it takes, the headings it then stands under) for each unlabelled total."""
    out: dict[int, tuple[str, tuple[str, ...]]] = {}
    for i, row in enumerate(table.rows):
        if row.label or not row.cells:
            continue
        above = parts_of(table, i)
        parts = [table.rows[k] for k in above]
        if len(parts) < 2:
            continue
        total = _figures(row, usable)
        sums = [_figures(p, usable) for p in parts]
        if total and all(all(c in f for f in sums) and sum((f[c] for f in sums), Decimal(0)) == v
                         for c, v in total.items()):
            if row.section:
                # the heading's own total printed on a later line ("Equity", a heading wrapped off
                # "Liabilities and Shareholders'", over deposits, their sum, ... "Total shareholders' equity"):
                # this sum is a part's
                words = set(_WORD.findall(row.section[-1].lower()))
                if not any(_TOTAL.match(later.label) and set(_WORD.findall(later.label.lower())) - {"total"} == words
                           for later in table.rows[i + 1:] if later.cells) \
                        and not _wrapped_heading(table, min(above), row.section[-1]):
                    out[i] = (row.section[-1].rstrip(": "), row.section[:-1])
            elif (common := _common_words([p.label for p in parts])):
                # no heading: the words its parts' labels share name it ("Product revenue", "Service revenue":
                # revenue; "Cost of product revenue", "Cost of service revenue": cost of revenue)
                out[i] = (common, ())
    return out


_TOTAL = kept_regex(r"(?i)total\b")
# a heading line that breaks off ("Liabilities and Shareholders'" over "Equity"): the line under it is its end
_BROKEN_OFF = kept_regex(r"(?i)(?:\b(?:and|of|for|the|to|in|from)|[&,'’-])$")


def _wrapped_heading(table: Table, first_part: int, heading: str) -> bool:
    """Whether `heading`, over the parts that start at row `first_part`, is the end of a heading wrapped over
    two lines ("Liabilities and Shareholders'" / "Equity"): only the whole names the rows under it."""
    k = first_part - 1
    while k >= 0 and table.rows[k].cells == [] and table.rows[k].label != heading:
        k -= 1
    return k >= 1 and not table.rows[k - 1].cells and bool(_BROKEN_OFF.search(table.rows[k - 1].label.strip()))


_WORD = kept_regex(r"[\w'’]+(?:-[\w'’]+)*")


def _common_words(labels: list[str]) -> str:
    """The words every label ends with where they share no first word ("Product revenue", "Service revenue":
    revenue), or those every label begins with where they share no last one ("Income tax expense - current",
    "- deferred": income tax expense); "" otherwise. Words shared at both ends leave out the ones between that
    set the parts apart ("Income from continuing operations", "Income from discontinued operations")."""
    words = [_WORD.findall(label.lower()) for label in labels]
    head = 0
    while all(len(w) > head for w in words) and len({w[head] for w in words}) == 1:
        head += 1
    tail = 0
    while all(len(w) > tail for w in words) and len({w[-1 - tail] for w in words}) == 1:
        tail += 1
    if bool(head) == bool(tail) or any(len(w) <= max(head, tail) for w in words):
        return ""
    common = words[0][:head] if head else words[0][len(words[0]) - tail:]
    if common[0] in _LOOSE or common[-1] in _LOOSE:
        return ""   # "net income attributable to": words that break off name no line
    return " ".join(common)


_LOOSE = frozenset({"to", "of", "and", "for", "from", "in", "on", "the", "a", "an", "by", "attributable", "net", "other",
                    "less", "plus", "total", "with", "before", "after", "at"})


def parts_of(table: Table, i: int) -> list[int]:
    """The rows right above row `i` that its total may add up: labelled rows with figures under the same
    headings, up to a row without figures (or, with no heading, a total)."""
    row, out = table.rows[i], []
    for k in range(i - 1, -1, -1):
        above = table.rows[k]
        if not above.cells or above.section != row.section or not above.label \
                or not row.section and _TOTAL.match(above.label):
            break
        out.append(k)
    return out


def _figures(row, usable) -> dict[int, Decimal]:
    out = {}
    for c in row.cells:
        f = parse_figure(c.text)
        if f is not None and not f.percent and usable(c.col):
            out[c.col] = f.value if f.value is not None else Decimal(0)
    return out
