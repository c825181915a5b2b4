"""What kind of table a table is, as evidence: when two readings of one fact disagree, the primary statements
(income statement, balance sheet, cash flows) outrank other tables, and those outrank reconciliations,
non-GAAP bridges, segment and supplementary tables, which stand with the prose.

The kind comes from what the table says of itself: its title and scale lines, its column headers, and the
share of its rows that are restated ("Adjusted ...", "Non-GAAP ...") measures.
"""
from __future__ import annotations

import regex

from ..model import Table
from ..rulebook.regex_code import kept_regex

STATEMENT, BALANCE_SHEET, TABLE, SECONDARY = "statement", "balance sheet", "table", "secondary"
RESTATED = "restated"   # a table of non-GAAP amounts only: none of its rows is the GAAP line its label names
NARRATIVE = "narrative"
# higher outranks lower; a balance on the balance sheet outranks the same balance elsewhere (the cash flow
# statement's "cash at beginning of period"), see `standing`
STANDING = {BALANCE_SHEET: 3, STATEMENT: 3, TABLE: 2, SECONDARY: 1, NARRATIVE: 1, "guidance": 1, "": 1}
_BALANCE_SHEET = kept_regex(r"\bbalance\s+sheets?\b|\bfinancial\s+(?:position|condition)\b", regex.I)

_STATEMENT = kept_regex(
    r"\bstatements?\s+of\s+(?:consolidated\s+)?(?:(?:net\s+)?(?:income|earnings|operations|loss|comprehensive|"
    r"cash\s+flows?|financial\s+(?:position|condition))|\(?loss\)?)"
    r"|\bbalance\s+sheets?\b|\bincome\s+statements?\b|\bcash\s+flows?\s+statements?\b", regex.I)
AS_ADJUSTED = kept_regex(r"\bas\s+adjusted\b", regex.I)
_SECONDARY = kept_regex(
    r"\breconcil|\bnon[\s-]?gaap\b|\badjusted\b|\bas\s+adjusted\b|\bpro\s*forma\b|\bsegments?\b|\bsupplement"
    r"|\bby\s+(?:region|geograph|product|business|division|channel)|\bspecial\s+items\b|\bitems\s+affecting\b"
    r"|\bfunds\s+from\s+operations\b|\bFFO\b|\bEBITDA\b|\bguidance\b|\boutlook\b|\bkey\s+(?:metrics|performance)"
    r"|\boperating\s+(?:data|statistics|metrics)\b", regex.I)
# "The components of non-GAAP Adjusted Other (income)/deductions--net include the following:": the rows are
# adjusted amounts ("Interest expense 295" there is not the GAAP interest expense). A reconciliation, or a
# bridge from a GAAP line, prints GAAP amounts too, and is read as a secondary table.
_RESTATED_TITLE = kept_regex(r"\b(?:components|details?|breakdown|composition)\s+of\s+(?:the\s+)?(?:non[\s-]?gaap|adjusted)\b"
                                r"|^\(?\d*\)?\s*(?:non[\s-]?gaap|adjusted)\s+[^|]*\b(?:include|consist|comprise)", regex.I)
TITLE_CHARS = 100   # a caption line this long at most is a title
# "COMPARABLE RESULTS", "CORE EARNINGS", "RESULTS BEFORE SPECIAL ITEMS": a non-GAAP basis under another name
_OTHER_BASIS_TITLE = kept_regex(
    r"\b(?:core|comparable|underlying|normali[sz]ed|(?<!non-)(?<!non)recurring)\s+(?:(?:financial|operating)\s+)?(?:results|earnings|"
    r"net\s+income|eps|income|measures?)\b|\b(?:results?|earnings|income)\s+(?:before|excluding|ex)\s+(?:special|"
    r"one[\s-]time|non[\s-]?recurring|notable|significant|certain)\s+items\b", regex.I)
# a reconciliation's title; "Bridge" alone may be a name ("BRIDGE BANCORP, INC."), so only the kind of a table
# (which a name does not change) reads it
_RECONCILIATION_WORDS = r"\breconcil|\bgaap\s+to\b|\bto\s+(?:non[\s-]?gaap|adjusted)\b"
_RECONCILIATION = kept_regex(_RECONCILIATION_WORDS, regex.I)
_BRIDGE = kept_regex(_RECONCILIATION_WORDS + r"|\bbridge\b", regex.I)
# "INDUSTRIAL SEGMENT", "Industrial Segment (in thousands)": one named segment's table, whose lines are that
# segment's, not the company's; "Segment Information", "Reportable Segments" and "Consolidated and Segment
# Results" name no one segment
ONE_SEGMENT = "one segment"
_ONE_SEGMENT = kept_regex(r"^\s*(?:the\s+)?(?!(?:total|all|reportable|operating|business|other|each|by)\b)(?i:(?-i:[A-Z])[\w&'’.-]*)"
                             r"(?:\s+(?i:(?-i:[A-Z])[\w&'’.-]*)){0,3}\s+(?i:segment)\b(?!s)(?!\s+(?:information|data|results?\s+of\s+operations))",
                             regex.I)
_ACTIVITIES = kept_regex(r"\b(?:operating|investing|financing)\s+activities\b", regex.I)
_ADJ = kept_regex(r"^\s*adj\.", regex.I)
_RESTATED_ROW = kept_regex(r"^\s*(?:total\s+)?(?:non[\s-]?gaap|adjusted|as\s+adjusted|pro\s+forma)\b", regex.I)


def table_kind(table: Table) -> str:
    """ONE_SEGMENT for a table titled by one segment's name; SECONDARY for a table whose title or headers
    name a reconciliation, a non-GAAP, segment or
    supplementary view, or whose rows are mostly restated measures; STATEMENT for a primary statement by its
    title; TABLE otherwise (a summary or a selection of GAAP lines)."""
    titles = " | ".join(table.caption)
    heads = " | ".join(h.text for h in table.header)
    if _STATEMENT.search(titles) and not _SECONDARY.search(titles):
        # a primary statement's prior year "As Adjusted" (an accounting change applied to it) is no non-GAAP
        # view (columns.retrospective reads the column as the period's)
        heads = AS_ADJUSTED.sub("", heads)
    labelled = [r for r in table.rows if r.cells]
    restated = sum(1 for r in labelled if _RESTATED_ROW.match(r.label))
    # column headers a flattened table printed as rows of their own ("GAAP | Adj. | Non-GAAP")
    restated_heads = any(_RESTATED_ROW.match(r.label) or _ADJ.match(r.label) for r in table.rows if not r.cells)
    # (a title, not a footnote above the table: "... non-recurring income tax items ..." names no basis)
    if (_RESTATED_TITLE.search(table.caption[-1] if table.caption else "")
            or any(_OTHER_BASIS_TITLE.search(c) for c in table.caption if len(c) <= TITLE_CHARS)) \
            and not _BRIDGE.search(titles):
        return RESTATED
    if any(_ONE_SEGMENT.match(c) for c in table.caption):
        return ONE_SEGMENT
    if _SECONDARY.search(titles) or _SECONDARY.search(heads) or restated_heads \
            or restated >= 2 and restated * 4 >= len(labelled):
        return SECONDARY
    # a title wrapped over two caption lines ("Condensed Consolidated Balance" / "Sheets (Unaudited)") is one
    wrapped = " ".join(table.caption)
    if not _STATEMENT.search(titles) and not _STATEMENT.search(wrapped):
        return TABLE
    # a balance sheet has no cash flows from activities: such rows under a balance sheet's title are a cash
    # flow statement whose title is not its own (a page's running title, the table above's)
    flows = any(_ACTIVITIES.search(r.label) for r in table.rows)
    return BALANCE_SHEET if (_BALANCE_SHEET.search(titles) or _BALANCE_SHEET.search(wrapped)) and not flows \
        else STATEMENT


def is_bridge(table: Table) -> bool:
    """Whether the table's title names a reconciliation or a bridge ("Reconciliation of Net Income to Adjusted
    EBITDA", "GAAP to Non-GAAP"): its rows between the two results are adjustments, signed by the way the
    bridge runs."""
    return bool(_RECONCILIATION.search(" | ".join(table.caption)))


def standing(kind: str, instant: bool) -> int:
    """How much a reading from a source of this kind weighs against another that disagrees."""
    return STANDING.get(kind, 1) + (kind == BALANCE_SHEET and instant)
