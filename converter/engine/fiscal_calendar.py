"""The fiscal calendar a release is read with: the issuer file's `fiscal_year_end` when it gives one (it wins),
else what the text says (engine/release_calendar.document_calendar), else what the tables show of a 52/53-week year: a
year-to-date column that prints its end date and its length ("Thirty-Nine Weeks Ended November 2, 2024") starts
the day after the previous fiscal year ended. The tables speak only when every such column agrees.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Iterable, Optional

from ..model import Document
from ..rulebook.model import YearEnd
from .columns import FULL_YEAR, resolve_columns
from .release_calendar import Calendar, document_calendar, naming_in_doubt
from .dates import is_month_end, month_end

_TO_DATE_MONTHS, _TO_DATE_WEEKS = (6, 9), (26, 39)


def fiscal_calendar(doc: Document, year_end: Optional[YearEnd] = None, read: Optional[dict] = None) -> Calendar:
    """`read`, when given, is filled with what resolve_columns gave for each table (id -> (table, columns))
    where working the calendar out read the tables under the calendar it returns: the engine need not read
    them again (a third of a millisecond for a release's few tables)."""
    cal = document_calendar(doc.text)
    if year_end is not None:
        return issuer_calendar(cal, year_end)
    if cal.anchor is None and cal.fiscal_year_end_month == 12:
        by_table = [(table, resolve_columns(table, cal)) for table in doc.tables]
        columns = _dated_columns(cols for _table, cols in by_table)
        shown = _one_year_end(_to_date_year_ends(columns))
        # only a 52/53-week year: a month-end one the text states, and a year to date that starts on a month's
        # first day may be a transition period (a fiscal year that changed)
        if shown is not None and not is_month_end(shown):
            return replace(cal, fiscal_year_end_month=shown.month, anchor=shown,
                           named_by_start=_named_by_start(shown),
                           naming_known=not naming_in_doubt(shown))
        named = _one_year_end(_named_year_ends(columns)) if shown is None else None
        if named is not None and named.month != 12:
            # "Fiscal Year" over "2025" under "For the Three and Twelve Months Ended September 30, 2025 and
            # 2024": the table states the year end, and "the fourth quarter of fiscal 2024" in the text is July
            # to September 2024, not October to December
            return replace(cal, fiscal_year_end_month=named.month, anchor=named, stated_year_end=named,
                           named_by_start=_named_by_start(named),
                           naming_known=not naming_in_doubt(named))
        if shown is None:
            end = _one_year_end(_weekly_quarter_year_ends(columns))
            if end is not None:
                return replace(cal, fiscal_year_end_month=end.month, anchor=end, weekly_quarters=True,
                               named_by_start=end.month == 1, naming_known=not naming_in_doubt(end))
        if read is not None:
            read.update((id(table), (table, cols)) for table, cols in by_table)
    return cal


def _named_by_start(year_end: date) -> bool:
    """A year that ends in January or early February is named by the year it begins (see Calendar)."""
    return year_end.month == 1 or (year_end.month == 2 and year_end.day <= 7)


def weekly_from_quarter_end(cal: Calendar, end: Optional[date]) -> Calendar:
    """The calendar an outlook is dated with when the release reports a quarter that ends on a weekend day a
    few days before a month's end ("the third quarter, ended September 27, 2025") and nothing else says how
    its year runs: a 52/53-week year of 13-week quarters that ended whole quarters before it within a week of
    the turn of the year ("the fourth quarter" then ends December 27, not 31)."""
    if end is None or cal.anchor is not None or cal.year_end is not None or cal.fiscal_year_end_month != 12:
        return cal
    if end.weekday() < 5 or is_month_end(end) or (month_end(end.year, end.month) - end).days > 6:
        return cal
    year_ends = _december_year_ends(end, range(4))
    return replace(cal, anchor=year_ends[0], weekly_quarters=True, periods_seen={}) if year_ends else cal


def issuer_calendar(cal: Calendar, year_end: YearEnd) -> Calendar:
    """The document's calendar with the issuer's year end. A year ending in January, or in the first week of
    February, is named by the year it begins in ("fiscal 2024" ends February 1, 2025), unless the text named
    it the other way (document_calendar read that)."""
    latest = max(cal.dates, default=date(2000, 1, 1))
    anchor = year_end.end_of(latest.year)
    early = anchor.month == 1 or (anchor.month == 2 and anchor.day <= 7)
    text_named = cal.anchor is not None and (cal.anchor.month == 1 or (cal.anchor.month == 2 and cal.anchor.day <= 7))
    named_by_start = cal.named_by_start if text_named else early
    # the issuer file vouches for its calendar
    return replace(cal, fiscal_year_end_month=anchor.month, anchor=anchor, named_by_start=named_by_start,
                   naming_known=True, year_end=year_end)


def _dated_columns(tables: Iterable[list]) -> list:
    """The value columns of every table that have an end and a length (read once for both tests below)."""
    return [col for cols in tables for col in cols if col.end is not None and col.length is not None and not col.skip]


def _to_date_year_ends(columns: list) -> set[date]:
    """The fiscal year ends before the year-to-date columns (six or nine months, 26 or 39 weeks)."""
    found: set[date] = set()
    for col in columns:
        n = col.length.weeks or col.length.months
        if (col.length.weeks and n in _TO_DATE_WEEKS) or (not col.length.weeks and n in _TO_DATE_MONTHS):
            found.add(col.length.start_for(col.end) - timedelta(days=1))
    return found


def _named_year_ends(columns: list) -> set[date]:
    """The ends of columns a header names the fiscal year ("Fiscal Year", "Full Year") and dates: a year end
    the tables state."""
    return {col.end for col in columns if FULL_YEAR.match(col.header)
            and (col.length.months == 12 or col.length.weeks in (52, 53))}


def _weekly_quarter_year_ends(columns: list) -> set[date]:
    """A first-quarter release prints no year to date longer than its quarter: a quarter column that ends on a
    weekend day off a month's end (Intel's "Apr 1, 2023") is a 13-week quarter, and the year end it counts from
    is the one whole quarters before it that falls within a week of the assumed December year end."""
    found: set[date] = set()
    for col in columns:
        quarter = col.length.weeks == 13 or (not col.length.weeks and col.length.months == 3)
        if is_month_end(col.end) or col.end.weekday() < 5 or not quarter:
            continue
        found.update(_december_year_ends(col.end, (1, 2, 3)))
    return found


def _december_year_ends(end: date, quarters) -> list[date]:
    """The dates whole 13-week quarters (so many of `quarters`) before `end` that fall within a week of the
    turn of the year: where a 52/53-week year that `end` closes a quarter of ended."""
    starts = [end - timedelta(days=91 * k) for k in quarters]
    return [d for d in starts if (d.month == 12 and d.day >= 25) or (d.month == 1 and d.day <= 6)]


def _one_year_end(found: set[date]) -> Optional[date]:
    """The latest of year ends that all agree on their month (and, for 52/53-week years, within a week); None
    when there are none or they disagree."""
    if not found:
        return None
    months = {(d + timedelta(days=3)).month for d in found}   # a year end near a month's turn counts once
    return max(found) if len(months) == 1 else None


def began_after(day: date, cal: Calendar, beside: Iterable = ()) -> bool:
    """Whether a 52/53-week period counted back in weeks began the day after `day`: the release prints `day`,
    or the year end it states, or the issuer's file, settles it (`day` is a settled year end, or a quarter's
    end 13, 26 or 39 weeks into a settled year of 52 weeks: every quarter then has 13). A release that states
    no year end in words still prints one where a column beside this one (`beside`, ColumnPeriods) that runs
    from a year's start counts back to a date it prints: Northwind's nine months to September 27, 2025 began
    after December 28, 2024, the date its balance sheet prints."""
    if day in cal.dates:
        return True
    if cal.stated_year_end is None and cal.year_end is None:
        printed = [d for d in map(_year_start, beside) if d is not None and d in cal.dates]
        if not printed:
            return False
        cal = replace(cal, stated_year_end=max(printed))
    ends = [_settled_year_end(y, cal) for y in (day.year - 1, day.year, day.year + 1)]
    if day in ends:
        return True
    return any(start is not None and end is not None and (end - start).days == 364 and start < day < end
               and (day - start).days % 91 == 0 for start, end in zip(ends, ends[1:]))


def _year_start(col) -> Optional[date]:
    """The day before a column's period began, when that period runs from a fiscal year's start: six, nine or
    twelve months (26, 39 or 52 weeks) counted back in weeks."""
    length = col.length
    if col.end is None or length is None or not length.counted_in_weeks(col.end) and not length.weeks:
        return None
    if (length.weeks or length.months) not in ((26, 39, 52) if length.weeks else (6, 9, 12)):
        return None
    return length.start_for(col.end) - timedelta(days=1)


def _settled_year_end(year: int, cal: Calendar) -> Optional[date]:
    """The end of the fiscal year ending in or just after `year`'s year-end month, when settled. A 52/53-week
    year ends on one weekday, either the last in a month or the nearest to its end; the year end the text
    states rules out what it can of those two customs (Apple's September 25, 2010 was no Saturday nearest
    September 30; Adobe's December 2, 2022 no Friday in November), and the year is settled when every custom
    left ends it on the same day. Intel states no year end: its quarter ended April 2, 2022 had 14 weeks,
    and counted back 13 it gives January 1, 2022, which the custom of the nearest Saturday would give too."""
    if cal.year_end is not None:
        return cal.year_end.end_of(year)
    stated = cal.stated_year_end
    if stated is None or is_month_end(stated):
        return None
    ref = _nearest_month_end(stated)
    weekday = stated.weekday()
    customs = [c for c in (_last_weekday, _nearest_weekday) if c(ref, weekday) == stated]
    ends = {c(month_end(year, ref.month), weekday) for c in customs}
    return ends.pop() if len(ends) == 1 else None


def _nearest_month_end(d: date) -> date:
    before = d.replace(day=1) - timedelta(days=1)
    this = month_end(d.year, d.month)
    return before if (d - before).days < (this - d).days else this


def _last_weekday(end: date, weekday: int) -> date:
    return end - timedelta(days=(end.weekday() - weekday) % 7)


def _nearest_weekday(end: date, weekday: int) -> date:
    return next(end + timedelta(days=k) for k in range(-3, 4) if (end + timedelta(days=k)).weekday() == weekday)
