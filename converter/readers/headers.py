"""Column headers of text tables that lost their positions: which header pieces are period leaves, units or
skip marks, and which columns they cover.

A printed header is rows of leaves ("2024 | 2023 | 2022 | 2024 to 2023 | 2023 to 2022", "USD | USD | USD |
% Change | % Change") under spanning pieces ("Year Ended June 30,"). When the leaves of one printed row are
as many as the table's value columns, each covers one column, in order; within a row the period leaves come
before the change and unit marks. Every other piece keeps no position and the engine spreads it.
"""
from __future__ import annotations

from typing import Optional

import regex

from ..engine.dates import FULL_DATE, MONTH_RE
from ..engine.numbers import is_year
from ..engine.scale import find_scale
from ..model import HeaderCell
from .tokens import is_period_header
from ..rulebook.regex_code import kept_re, kept_regex

# compiled once: `regex.search(r"...", text)` looks the pattern up in regex's cache on every call
_GROUPED = kept_regex(r"\d{1,3},\d{3}")

UNIT = kept_regex(r"^(?:US\$|USD|U\.S\.\s*\$|\$|€|£)$", regex.I)
SKIP = kept_regex(r"^(?:%|%?\s*change|\$\s*change|variance|%\s*variance|increase\s*/\s*\(?decrease\)?|"
                     r"(?:19|20)\d\d\s*(?:to|vs\.?|versus|over)\s*(?:19|20)\d\d)$", regex.I)
NOTE = kept_regex(r"^\(?\s*(?:un)?audited\s*\)?$", regex.I)
QUARTER = kept_regex(r"^(?:Q[1-4]|[1-4]Q|FY)\s*'?(?:19|20)?\d\d$|^\d{1,2}/\d{1,2}/(?:19|20)?\d\d$", regex.I)
_MONTH_GLUE = kept_regex(rf"(?<=[a-z])(?={MONTH_RE}\b)")
# what every glue point holds: a lower-case letter, then a month's capital. Looked for first: the lookbehind
# above is tried at every position of every header piece, and nearly none has one. The capital is looked for
# first, then the letter before it: `re` skips to a capital in a third of the time it takes to try a letter
# at every lower-case position ("[a-z][ADFJMNOS]"), which long prose lines are full of
_MONTH_GLUE_HINT = kept_re(r"[ADFJMNOS](?<=[a-z].)")
_YEARS = kept_regex(r"^(?:(?:19|20)\d\d\s*)+$")


def deglue_months(text: str) -> str:
    """"Three Months EndedSeptember 30," as it was printed in two cells."""
    return _MONTH_GLUE.sub(" ", text) if _MONTH_GLUE_HINT.search(text) else text


def is_scale_note(text: str) -> bool:
    t = text.strip()
    return len(t) <= 90 and find_scale([t]) is not None and not _GROUPED.search(t)


def is_header_piece(text: str) -> bool:
    """A piece of a column header: period words, a year run, a unit or change mark, "(unaudited)"."""
    t = deglue_months(text.strip())
    return bool(t) and (bool(UNIT.match(t) or SKIP.match(t) or NOTE.match(t) or _YEARS.match(t))
                        or is_period_header(t))


def leaves(text: str) -> list[tuple[str, str]]:
    """The leaves a header piece holds, as (kind, text): kind "period" (a year, a full date, "Q3 2025"),
    "skip" (a change column) or "unit" ("USD", "$"). A spanning piece ("Three Months Ended", "September
    30,") holds none."""
    t = deglue_months(text.strip())
    if UNIT.match(t):
        return [("unit", t)]
    if SKIP.match(t):
        return [("skip", t)]
    if _YEARS.match(t):
        return [("period", y) for y in t.split() if is_year(y)]
    if QUARTER.match(t) or len(FULL_DATE.findall(t)) == 1 and is_period_header(t):
        return [("period", t)]
    return []


def header_cells(pieces: list[str], ncols: int) -> list[HeaderCell]:
    """Header cells in printed order; the leaves of each complete printed row get their column."""
    flat: list[tuple[Optional[str], str]] = []   # (leaf kind or None, text)
    for p in pieces:
        found = leaves(p)
        if found:
            flat.extend(found)
        elif not NOTE.match(p.strip()):
            flat.append((None, deglue_months(p.strip())))
    cols: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(flat):
        run = flat[i:i + ncols]
        if ncols and len(run) == ncols and all(k for k, _t in run) and _periods_first(run) \
                and all(j not in cols for j in range(i, i + ncols)):
            for c in range(ncols):
                cols[i + c] = (c, c)
            i += ncols
        else:
            i += 1
    return [HeaderCell(t, cols.get(j)) for j, (_k, t) in enumerate(flat)]


def _periods_first(run: list[tuple[Optional[str], str]]) -> bool:
    kinds = [k for k, _t in run]
    seen_other = False
    for k in kinds:
        if k != "period":
            seen_other = True
        elif seen_other:
            return False
    return True
