"""Second readings of a header's columns, each with the whole row of resolved columns in view: a column dated
by the span over it alone ("Period from ... through ..."), a year to date or first months that end where a
sibling column ends, a year ending off the fiscal year's end, and the columns whose figures are no period's
amounts (an adjustment, a comparison of two periods, a superseded report or outlook)."""
from __future__ import annotations

from dataclasses import replace

import regex

from ..model import HeaderCell, Period
from .column_period import ColumnPeriod
from .column_members import PRIOR_OUTLOOK
from .dates import FULL_DATE, Length, make_date, month_end
from .header_tokens import PERIOD_KINDS, to_date, tokens
from .release_calendar import Calendar, year_to_date
from .table_kind import AS_ADJUSTED
from ..rulebook.regex_code import kept_regex

_THREE_MONTHS = kept_regex(r"^(?:three|3)[\s-]*months?$", regex.I)

YEAR_END_SLACK = 10   # days: a 52/53-week year ends within a few days of its month's end
_TWELVE_MONTHS = kept_regex(r"\b(?:twelve|12)[\s-]+months?\b|\blast\s+(?:twelve|12)\b", regex.I)


_YEAR_LONG = (Length(months=12), Length(weeks=52), Length(weeks=53))


def years_off_the_year_end(cols: list[ColumnPeriod], cal: Calendar) -> list[ColumnPeriod]:
    """A year-long column ending off the fiscal year's end ("Year Ended September 30, 2024", "52 Weeks Ended
    November 2, 2024" where the year ends early in February) in a table with
    another column ending on it ("Three Months Ended December 31, 2024", where the company's year ends in
    December): a header pieced together wrongly, a date of one group under the length of another. It is
    contested, unless its header says twelve months (a trailing twelve months' column)."""
    year_end = month_end(2001, cal.fiscal_year_end_month)

    def off(c: ColumnPeriod) -> bool:
        d = abs((c.end.replace(year=2001, day=min(c.end.day, 28 if c.end.month == 2 else 31)) - year_end).days)
        return min(d, 365 - d) > YEAR_END_SLACK

    odd = [c for c in cols if c.end and c.length in _YEAR_LONG and off(c) and not _TWELVE_MONTHS.search(c.header)]
    if not odd or not any(c.end and not off(c) for c in cols):
        return cols
    return [replace(c, length=None, contested=True) if any(c is o for o in odd) else c for c in cols]


# what joins the two dates of "Period from March 16, 2024 through December 31, 2024", "For the period from
# inception (March 1, 2024) to December 31, 2024", "January 1, 2024 - March 15, 2024"
_THROUGH = kept_regex(r"\s*\)?\s*(?:through|thru|to|until|-|–)\s*", regex.I)


_VERSUS = kept_regex(r"\b(?:vs\.?|versus|over|compared\s+(?:to|with))(?=\s)|\s/\s", regex.I)


def compares(text: str) -> bool:
    """A header that sets two periods against each other ("Q4'24 vs Q3'24", "2024 over 2023"): its column is the
    change between them. Read as the first, its figures were that period's, and clashed with its own column."""
    if not _VERSUS.search(text):
        return False
    kinds = [kind for kind, _m in tokens(text) if kind in ("y", "q", "fy", "date")]
    return len(kinds) >= 2


def spanned(col: ColumnPeriod, c: int, header: list[HeaderCell]) -> ColumnPeriod:
    """The column with the period a header cell over it states by both its ends. Read as one date, its first
    (the period's start) was the column's date: a balance under "Period from March 16, 2024 through December 31,
    2024" was dated March 16."""
    for hc in header:
        # a cell over this column alone: a range over several ("Guidance: February 2, 2025 - January 31, 2026"
        # over Low | High) is a title, not each column's period
        if hc.cols != (c, c):
            continue
        dates = list(FULL_DATE.finditer(hc.text))
        a, b = next(((a, b) for a, b in zip(dates, dates[1:])
                     if _THROUGH.fullmatch(hc.text, a.end(), b.start())), (None, None))
        if a is None:
            continue
        start, end = make_date(a["m"], a["d"], a["y"]), make_date(b["m"], b["d"], b["y"])
        if start is None or end is None or start >= end:
            return replace(col, end=None, length=None)   # not a period: the column stays undated
        return replace(col, end=end, length=None, fixed=Period(end, start))
    return col


def year_to_date_end(col: ColumnPeriod, slot: dict, cols: list[ColumnPeriod], cal: Calendar) -> ColumnPeriod:
    """"YTD 2025" beside "Quarter Ended 9/30/25": a year to date that prints no month runs to the latest date
    the table's other columns give in that fiscal year; with none, the column stays unread."""
    if col.end is not None or not ("y" in slot or "fy" in slot) or "md" in slot or not to_date(slot):
        return col
    y = slot["y"].group(0) if "y" in slot else slot["fy"]["fyy"]
    fy = int(y) if len(y) == 4 else 2000 + int(y)
    start, end = cal.fiscal_year_end(fy - 1), cal.fiscal_year_end(fy)
    ends = [c.end for c in cols if c.end is not None and start < c.end <= end]
    if not ends:
        return col
    return replace(col, end=max(ends), length=year_to_date(max(ends), cal))


def quarter_of_the_first_months(col: ColumnPeriod, slot: dict, cols: list[ColumnPeriod]) -> ColumnPeriod:
    """"Three Months" over "2024" beside "Six Months" over "2024" (a second quarter's release): the quarter is the
    last of those first months, and ends where they end, the one end the table gives that year's first months."""
    if col.end is not None or "y" not in slot or "md" in slot or "len" not in slot \
            or not _THREE_MONTHS.match(slot["len"].group(0)):
        return col
    year = int(slot["y"].group(0))
    ends = {c.end for c in cols if c.end is not None and c.length is not None and c.length.months in (6, 9)
            and c.end.year == year}
    return replace(col, end=ends.pop()) if len(ends) == 1 else col


def months_to_its_quarter(col: ColumnPeriod, slot: dict, cols: list[ColumnPeriod], cal: Calendar) -> ColumnPeriod:
    """"Twelve Months" over "2024" beside "Fourth Quarter" over "2024", "First Nine Months" over "Fiscal 2025"
    beside "Third Quarter" over "Fiscal 2025": the months end where that quarter of the year ends (a length over
    a bare year is otherwise not dated: which month ends it, the header does not say)."""
    if col.end is not None or "md" in slot or col.length is None or col.length.months not in (6, 9, 12) \
            or col.length.weeks:
        return col
    year = slot["fy"]["fyy"] if "fy" in slot else slot["y"].group(0) if "y" in slot else None
    if year is None:
        return col
    year = int(year) if len(year) == 4 else 2000 + int(year)
    end = cal.quarter_end(col.length.months // 3, year)
    quarter = any(c.end == end and c.length is not None and c.length.months == 3 and not c.skip for c in cols)
    return replace(col, end=end) if quarter else col


_RESTATED_COLUMN = kept_regex(r"\b(?:recast|restated|revised)\b", regex.I)
_REPORTED_COLUMN = kept_regex(r"\breported\b", regex.I)
_PREVIOUSLY_REPORTED = kept_regex(r"\b(?:previously|originally)\s+reported\b", regex.I)


def skipped(cols: list[ColumnPeriod], header: list[HeaderCell], claims: dict) -> list[ColumnPeriod]:
    """The columns whose figures are no period's amounts, marked skip."""
    # "Adjustments" (or "Change") heading a column of its own under a date that spans its group ("Three Months
    # Ended December 31, 2024" over "GAAP | Adjustments | Non-GAAP"): its figures are no period's amounts
    own_skip = {c for (c, kind), claimed in claims.items() if kind == "skip" and min(w for _t, w, _m in claimed) == 1
                and all(min(w for _t, w, _m in claims[(c, k)]) > 1 for k in PERIOD_KINDS if (c, k) in claims)}
    # "Q4 2024 vs. Q4 2023", "2024 vs 2023" over a column of its own: a comparison of two periods, neither's amounts
    compared = {h.cols[0] for h in header if h.cols is not None and h.cols[0] == h.cols[1] and compares(h.text)}
    # "As Reported | Adjustment | As Recast": beside a restated column, the figures as first reported are superseded
    # ("As Previously Reported" is superseded whatever stands beside it)
    restated = any(h.cols is not None and _RESTATED_COLUMN.search(h.text) for h in header)
    # "Prior Outlook" beside "Updated Outlook": the outlook the release replaces
    superseded = {c for h in header if h.cols is not None and not _RESTATED_COLUMN.search(h.text)
                  and (_PREVIOUSLY_REPORTED.search(h.text) or restated and _REPORTED_COLUMN.search(h.text)
                       or PRIOR_OUTLOOK.match(h.text.strip()))
                  for c in range(h.cols[0], h.cols[1] + 1)}
    return [replace(c, skip=True) if i in own_skip | compared | superseded else c for i, c in enumerate(cols)]


_PER_SHARE_COLUMN = kept_regex(r"^\s*(?:\$\s*)?per\s+(?:diluted\s+|basic\s+|common\s+)?share\s*$", regex.I)
_AMOUNT_COLUMN = kept_regex(r"^\s*(?:total\s+)?(?:amounts?|\$|dollars)\s*$", regex.I)


def measures(cols: list[ColumnPeriod], header: list[HeaderCell]) -> list[ColumnPeriod]:
    """A header that heads some columns "Per Share" and others "Amount" ("Q4-24" over "Total Amount | Per Share"):
    each column holds that measure only. Read by a row's rule, "GAAP net income per share | $358 | $0.54" had its
    amount written as earnings per share."""
    kinds: dict[int, str] = {}
    for hc in header:
        if hc.cols is None or hc.cols[0] != hc.cols[1]:
            continue
        if _PER_SHARE_COLUMN.match(hc.text):
            kinds[hc.cols[0]] = "per share"
        elif _AMOUNT_COLUMN.match(hc.text):
            kinds[hc.cols[0]] = "amount"
    if set(kinds.values()) != {"per share", "amount"}:
        return cols
    return [replace(c, measure=kinds[i]) if i in kinds else c for i, c in enumerate(cols)]


_OTHER_VIEW = kept_regex(r"\bnon[\s-]?gaap\b|\bpro\s*forma\b|(?<!as\s)\badjusted\b", regex.I)


def retrospective(cols: list[ColumnPeriod]) -> list[ColumnPeriod]:
    """A primary statement's prior period headed "As Adjusted" ("2024 | 2023 As Adjusted (1)", an accounting
    change applied to the prior year, as insurers' 2023 statements print it) is that period's own, beside a
    later period of the same length the statement prints plainly. Not where "As Adjusted" also stands beside a
    plain column of its own period ("2024 | 2024 As Adjusted"), nor where no plain column dates the statement
    ("Historical | Acquisition | As Adjusted"): there it is a view, an acquisition's or a non-GAAP one."""
    plain = [c for c in cols if not (c.skip or c.nongaap or c.member) and c.end is not None]
    adjusted = [c for c in cols if c.nongaap and AS_ADJUSTED.search(c.header) and not _OTHER_VIEW.search(c.header)]
    if not adjusted or any((a.end, a.length) == (p.end, p.length) for a in adjusted for p in plain):
        return cols
    def prior(c: ColumnPeriod) -> bool:
        return c.end is not None and any(p.length == c.length and p.end > c.end for p in plain)
    return [replace(c, nongaap=False) if any(c is a for a in adjusted) and prior(c) else c for c in cols]
