"""Column periods: what period each value column of a table reports.

Header tokens are read in order and sorted by kind: a length ("Three Months Ended"), a date ("March 3,
2023"), a month and day ("December 31,"), a year, a quarter label ("Q3 2025"), a fiscal year ("Fiscal
2024"), or a column to skip ("% Change"). When the layout kept positions, a token covers the columns its
cell spans; when it did not, tokens of one kind are spread evenly over the columns, which is how a printed
header reads ("Three Months Ended | Six Months Ended" over "2016 2015 2016 2015").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

import regex

from ..model import HeaderCell, Period, Table
from .dates import (FULL_DATE, MONTH_RE, ORDINAL_QUARTERS, Length, add_months, length_of, make_date,
                    month_end, parse_month)

_NUM = r"(?:\d{1,2}|three|six|nine|twelve|thirteen|fourteen|twenty[\s-]?six|twenty[\s-]?seven|thirty[\s-]?nine|forty|fifty[\s-]?two|fifty[\s-]?three)"
TOKEN = regex.compile(
    rf"""(?P<len>\b{_NUM}[\s-]*(?:months?|weeks?)(?:\s+(?:ended|ending))?\b
            |\b(?:fiscal\s+)?(?:quarters?|years?|periods?)\s+(?:ended|ending)\b
            |\btransition\s+period\b)
       |(?P<q>\bQ(?P<qn>[1-4])\s*(?:FY\s*|fiscal\s*)?'?(?P<qy>(?:19|20)?\d\d)\b
            |\b(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+fiscal)?(?:\s+year)?\s+(?P<qy2>(?:19|20)\d\d)\b)
       |(?P<date>\b{MONTH_RE}\s*\d{{1,2}}\s*,?\s*(?:19|20)\d\d\b)
       |(?P<fy>\b(?:fiscal(?:\s+year)?|FY)\s*'?(?P<fyy>(?:19|20)?\d\d)\b)
       |(?P<md>\b{MONTH_RE}(?:\s*\d{{1,2}}\b)?)
       |(?P<y>\b(?:19|20)\d\d\b)
       |(?P<skip>%\s*change|\bchange\b|\bvariance\b|\bincrease\b|\bdecrease\b|%)
       |(?P<ng>\bnon[\s-]?gaap\b|\badjusted\b|\bas\s+adjusted\b|\bpro\s+forma\b)
    """, regex.I | regex.X)

LEAF = ("date", "y", "q", "fy", "skip")


@dataclass(frozen=True)
class ColumnPeriod:
    end: Optional[date]
    length: Optional[Length]
    skip: bool = False
    nongaap: bool = False
    header: str = ""

    def period_for(self, period_type: str) -> Optional[Period]:
        """The period a concept of this period type takes in this column, or None when the header does not
        say (a duration concept under a bare date is never guessed)."""
        if self.end is None or self.skip:
            return None
        if period_type == "instant":
            return Period(self.end)
        if self.length is None:
            return None
        return Period(self.end, self.length.start_for(self.end))


@dataclass
class Calendar:
    """What the document says about dates: its own dates (to complete month-only headers) and the month its
    fiscal year ends (for "Q3 2025" and "Fiscal 2024" headers)."""
    dates: tuple[date, ...] = ()
    fiscal_year_end_month: int = 12

    def complete(self, year: int, month: int) -> date:
        for d in self.dates:
            if d.year == year and d.month == month:
                return d
        return month_end(year, month)

    def fiscal_year_end(self, fy: int) -> date:
        m = self.fiscal_year_end_month
        return month_end(fy, m)

    def quarter_end(self, q: int, fy: int) -> date:
        return add_months(self.fiscal_year_end(fy), -3 * (4 - q))


def document_calendar(text: str) -> Calendar:
    dates = []
    for m in FULL_DATE.finditer(text[:400000]):
        d = make_date(m["m"], m["d"], m["y"])
        if d:
            dates.append(d)
    fye = 12
    m = regex.search(rf"fiscal\s+(?:year\s+)?(?:\d{{4}}\s+)?(?:ended|ending|ends)\s+(?:on\s+)?(?P<m>{MONTH_RE})",
                     text[:400000], regex.I)
    if m:
        fye = parse_month(m["m"]) or 12
    # Most frequent dates first, so a month-only header takes the day the text uses most.
    uniq = sorted(set(dates), key=lambda d: -dates.count(d))
    return Calendar(tuple(uniq), fye)


def _tokens(text: str):
    for m in TOKEN.finditer(text):
        kind = m.lastgroup if m.lastgroup in ("len", "q", "date", "fy", "md", "y", "skip", "ng") else None
        for k in ("len", "q", "date", "fy", "md", "y", "skip", "ng"):
            if m.group(k):
                kind = k
                break
        yield kind, m


def resolve_columns(table: Table, cal: Calendar) -> list[ColumnPeriod]:
    n = table.ncols
    slots: list[dict] = [dict() for _ in range(n)]
    spread: dict[str, list] = {}
    leaves: list = []
    for hc in table.header:
        toks = list(_tokens(hc.text))
        if hc.cols is not None:
            _place(toks, hc.cols, slots)
        else:
            for kind, m in toks:
                spread.setdefault(kind, []).append(m)
                if kind in LEAF:
                    leaves.append((kind, m))
    if len(leaves) == n:  # one leaf per column, in order: the commonest printed header
        for i, (kind, m) in enumerate(leaves):
            slots[i].setdefault(kind, m)
        spread = {k: v for k, v in spread.items() if k not in LEAF}
    for kind, ms in spread.items():
        if n % len(ms) == 0:
            width = n // len(ms)
            for i, m in enumerate(ms):
                for c in range(i * width, (i + 1) * width):
                    slots[c].setdefault(kind, m)
    caption_len = [length_of(c) for c in table.caption if length_of(c)]
    return [_column(s, cal, caption_len[0] if len(caption_len) == 1 else None) for s in slots]


def _place(toks, cols, slots):
    first, last = cols
    by_kind: dict[str, list] = {}
    for kind, m in toks:
        by_kind.setdefault(kind, []).append(m)
    for kind, ms in by_kind.items():
        width = last - first + 1
        if width % len(ms):
            ms = ms[:1]
        step = width // len(ms)
        for i, m in enumerate(ms):
            for c in range(first + i * step, first + (i + 1) * step):
                if 0 <= c < len(slots):
                    slots[c].setdefault(kind, m)


def _column(slot: dict, cal: Calendar, caption_length: Optional[Length]) -> ColumnPeriod:
    header = " ".join(m.group(0) for m in slot.values())
    if "skip" in slot and not ({"date", "y", "q", "fy"} & slot.keys()):
        return ColumnPeriod(None, None, skip=True, header=header)
    length = length_of(slot["len"].group(0)) if "len" in slot else None
    end: Optional[date] = None
    if "date" in slot:
        m = FULL_DATE.search(slot["date"].group(0))
        end = make_date(m["m"], m["d"], m["y"]) if m else None
    elif "q" in slot:
        m = slot["q"]
        q = int(m["qn"]) if m["qn"] else ORDINAL_QUARTERS[m["qo"].lower()]
        y = m["qy"] or m["qy2"]
        fy = int(y) if len(y) == 4 else 2000 + int(y)
        end = cal.quarter_end(q, fy)
        length = length or Length(months=3)
    elif "fy" in slot and "y" not in slot:
        y = slot["fy"]["fyy"]
        end = cal.fiscal_year_end(int(y) if len(y) == 4 else 2000 + int(y))
        length = length or Length(months=12)
    elif "y" in slot:
        year = int(slot["y"].group(0))
        if "md" in slot:
            md = regex.match(rf"(?P<m>{MONTH_RE})\s*(?P<d>\d{{1,2}})?", slot["md"].group(0), regex.I)
            month = parse_month(md["m"])
            end = make_date(md["m"], md["d"], str(year)) if md["d"] else cal.complete(year, month)
        elif length is not None and length.months == 12 and "len" in slot:
            end = None  # "Year Ended 2024" with no month: leave it to the caption or nothing
    if length is None:
        length = caption_length
    return ColumnPeriod(end, length, skip="skip" in slot and end is None, nongaap="ng" in slot, header=header)
