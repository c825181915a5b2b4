"""A value column's period as the header gives it, and the periods rows name against it ("Net income -
Quarter", "EPS (YTD)"). Resolved by columns.py; read by tables.py and table rules."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Optional

import regex

from ..model import Period
from .dates import Length
from .release_calendar import Calendar, year_to_date
from ..rulebook.regex_code import kept_regex
from ..dataclass_code import dataclass


@dataclass(frozen=True)
class ColumnPeriod:
    end: Optional[date]
    length: Optional[Length]
    skip: bool = False
    nongaap: bool = False
    header: str = ""
    bound: Optional[str] = None   # "low" or "high": a column of an outlook range
    member: str = ""              # the part of the company the column holds ("MRD", "International"), if any
    fixed: Optional[Period] = None   # the period a table rule gives the column, whatever its header says
    dims: tuple[tuple[str, str], ...] = ()   # (axis, member) a table rule gives a segment column
    contested: bool = False   # header cells of equal standing name different lengths over it: none is read
                              # from it, nor settled from the rest of the release (engine/lengths.py)
    measure: str = ""         # "amount" or "per share": a column of a header that prints both ("Total Amount |
                              # Per Share"), whose figures are of that measure only

    def period_for(self, period_type: str) -> Optional[Period]:
        """The period a concept of this period type takes in this column, or None when the header does not
        say (a duration concept under a bare date is never guessed)."""
        if self.skip:
            return None
        if self.fixed is not None:
            if period_type == "instant":
                return Period(self.fixed.end)
            return None if self.fixed.is_instant else self.fixed
        if self.end is None:
            return None
        if period_type == "instant":
            return Period(self.end)
        if self.length is None:
            return None
        return Period(self.end, self.length.start_for(self.end))


# A row that names its own length against the column's date: "Net Income - Quarter", "EPS (YTD)".
ROW_PERIOD = kept_regex(r"\s*(?:-|,|\()\s*(?P<w>quarter|qtd|quarter[\s-]to[\s-]date|ytd|year[\s-]to[\s-]date)"
                           r"\s*\)?\s*$", regex.I)


def split_row_period(label: str) -> tuple[str, Optional[str]]:
    """The label without its period qualifier, and the qualifier ("quarter" or "ytd"), if it has one."""
    m = ROW_PERIOD.search(label)
    if not m or not label[:m.start()].strip():
        return label, None
    return label[:m.start()].rstrip(), "ytd" if regex.search(r"ytd|year", m["w"], regex.I) else "quarter"


def row_column(col: ColumnPeriod, qualifier: Optional[str], cal: Calendar) -> ColumnPeriod:
    """The column as a qualified row reads it: the column's date, the row's length."""
    if qualifier is None or col.end is None or col.fixed is not None:
        return col
    length = Length(months=3) if qualifier == "quarter" else year_to_date(col.end, cal)
    return replace(col, length=length, header=f"{col.header} ({qualifier})")
