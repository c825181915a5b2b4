"""A note that breaks a non-operating line into its components ("Components of Other (income)/deductions--net
include:" under a statement that prints "Other (income)/deductions--net (347)").

Each row is the whole amount of its item (interest income, interest expense, the gain on equity securities),
printed in the line's own convention: its wording puts income in parentheses, so every row prints a
deduction positive and an income in parentheses, whatever the row's own words. A row's sign therefore
follows its concept's balance: an expense (debit) as printed, an income or gain (credit) turned. A row read
as the line's own concept is the line again, or its catch-all ("Other, net"), and no amount of its own.

Components of any other line (stock-based compensation by the lines it is charged to) are no whole amounts,
and `skip_sections` keeps them unread.
"""
from __future__ import annotations

from typing import Optional

import regex

from ..rulebook.match import match_row, normalize_label
from ..rulebook.model import Rulebook
from ..rulebook.regex_code import kept_regex

# "(5) Components of Other (income)/deductions--net include:", "The components of other expense (income), net
# were as follows:"
_COMPONENTS = kept_regex(r"^(?:\(\w{1,3}\)\s*)?(?:the\s+)?components\s+of\s+(?P<line>.+?)"
                         r"(?:\s+(?:include|includes|consist|consists|comprise|comprises|are|were)\b.*)?:?$", regex.I)
# a non-operating line that prints income in parentheses: "Other (income)/deductions--net", "Other expense
# (income), net", "Nonoperating (income) expense"
_EXPENSE_FIRST = kept_regex(r"^(?:total\s+)?(?:other|non-?operating)\s+(?:\((?:income|gains?)\)\s*/?\s*(?:expenses?|deductions?|losses?)"
                            r"|(?:expenses?|deductions?|losses?)\s*/?\s*\((?:income|gains?)\))\b", regex.I)


def components_line(title: str, book: Rulebook, context: str) -> Optional[tuple[str, str]]:
    """For a table titled as the components of an expense-first non-operating line, the line (normalized,
    what its rows are read under instead of the title) and the concept the line itself reads as."""
    m = _COMPONENTS.match(title.strip())
    if not m:
        return None
    line = normalize_label(m.group("line"))
    if not _EXPENSE_FIRST.match(line):
        return None
    rule = match_row(book, line, "", context)
    return (line, rule.concept) if rule is not None else None


def component_sign(balance: Optional[str]) -> Optional[tuple[int, str]]:
    """The multiplier of a component row by its concept's balance, and why; None for a concept with none."""
    if balance == "debit":
        return 1, "sign: as printed (a component of a line that prints deductions positive; an expense)"
    if balance == "credit":
        return -1, "sign: turned (a component of a line that prints income in parentheses; an income)"
    return None
