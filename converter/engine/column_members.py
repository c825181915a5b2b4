"""Columns a header names a part of the company for ("MRD", "International", "EPS"): no period of the
consolidated company is read from them."""
from __future__ import annotations

import regex

from ..model import HeaderCell, Table
from .header_tokens import TOKEN, readable
from ..rulebook.regex_code import kept_regex

# "Prior Outlook | Updated Outlook": which of a release's outlooks a column gives (the prior one is superseded,
# columns.py); neither names a part of the company
OUTLOOK_REVISION = (r"(?:prior|previous|original|initial|updated|current|revised|new|raised|reaffirmed)"
                    r"\s+(?:full[\s-]year\s+|fy\s*)?(?:(?:19|20)\d\d\s+)?(?:outlook|guidance|range|estimates?)")
PRIOR_OUTLOOK = kept_regex(r"^(?:prior|previous|original|initial)(?:\s+(?:full[\s-]year\s+|fy\s*)?(?:(?:19|20)\d\d\s+)?"
                           r"(?:outlook|guidance|range|estimates?))?$", regex.I)
# Header words that say what a column is without naming a part of the company ("Successor | Predecessor": the
# company before and after a business combination or an emergence, each over periods its header dates)
_NEUTRAL = kept_regex(
    r"^\(?\s*(?:un)?audited\s*\)?$|^(?:gaap|u\.?s\.?\s+gaap|as\s+reported|reported|actuals?|amounts?|"
    r"consolidated|total\s+company|company|\$|us\$|usd|dollars|(?:as\s+)?(?:restated|recast|revised)|as\s+previously\s+reported|"
    r"as\s+of|for\s+the|ended|ending|(?:at\s+)?period[\s-]end|end\s+of\s+(?:the\s+)?(?:period|quarter|year)"
    r"|ending\s+balances?|balance|successor|predecessor|" + OUTLOOK_REVISION + r")$", regex.I)
_LETTERS = kept_regex(r"[A-Za-z]{2,}")


def is_member_name(text: str) -> bool:
    """A header that names a part of the company, a measure or a view and no period: "MRD", "Immune
    Medicine", "International", "EPS", "Q/Q". A column under one is no period of the consolidated company."""
    t = readable(text.strip().rstrip(":"))
    from .scale import find_scale
    # a note in parentheses says what the column is as its words do ("(As Restated)")
    bare = t[1:-1].strip() if t.startswith("(") and t.endswith(")") else t
    return bool(_LETTERS.search(t)) and not _NEUTRAL.match(bare) and not TOKEN.search(t) and find_scale([t]) is None


def column_members(table: Table, header: list[HeaderCell]) -> dict[int, str]:
    """The columns a header names a part for: a positioned header cell names the columns it spans when it
    spans some of them and not all (a title over every column is no part). Pieces that lost their positions
    are not placed: which columns they stood over is not known. `header` is the table's header with its
    stacked lengths joined (_stacked_lengths), as resolve_columns read it."""
    n = table.ncols
    out: dict[int, str] = {}
    for hc in header:
        if hc.cols is not None and hc.cols[1] - hc.cols[0] + 1 < n and is_member_name(hc.text):
            for c in range(max(hc.cols[0], 0), min(hc.cols[1], n - 1) + 1):
                out.setdefault(c, hc.text)
    return out
