"""Column lengths a table does not print. "September 30, | 2024 | 2023" over an income statement says when its
columns end, not how long they run; a duration concept under such a column is never guessed, but the
release often says the length elsewhere, by stating the same line for a known period.

A column with an end date and no length reports either the quarter or the fiscal year to date. Each figure
in it whose concept the release states elsewhere for the same end date and one of those lengths is evidence:
a value that agrees (after rounding) supports that length, one that differs rules it out ("NET INCOME
3,093,167" beside "Net Income - Quarter 1,127,388" is not the quarter). A column takes a length only when
the evidence leaves exactly one of the two standing (or, with both standing, supports exactly one), and
never in a table where the evidence contradicts itself (a length both supported and ruled out: a part's
line read as the whole, a column under the wrong date).
"""
from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from ..model import Fact, Period
from .release_calendar import Calendar, year_to_date
from .dates import Length
from ..dataclass_code import dataclass


@dataclass(frozen=True)
class Unresolved:
    """A figure of a duration concept in a column with an end date and no length."""
    table: int
    col: int
    concept: str
    end: date
    value: Decimal


def _agrees(value: Decimal, known: Fact) -> bool:
    if value == known.value:
        return True
    q = Decimal(1).scaleb(-known.decimals)
    return any(value.quantize(q, r) == known.value for r in (ROUND_HALF_UP, ROUND_HALF_EVEN))


def infer_lengths(unresolved: list[Unresolved], known: list[Fact], cal: Calendar) -> dict[int, dict[int, Length]]:
    """{table index: {column: length}} for the columns the evidence settles."""
    by_key: dict[tuple[str, date], list[Fact]] = {}
    for f in known:
        if not f.dims and not f.period.is_instant:
            by_key.setdefault((f.concept, f.period.end), []).append(f)
    columns: dict[tuple[int, int], list[Unresolved]] = {}
    for u in unresolved:
        columns.setdefault((u.table, u.col), []).append(u)
    out: dict[int, dict[int, Length]] = {}
    doubtful: set[int] = set()
    for (table, col), items in columns.items():
        end = items[0].end
        candidates = {Length(months=3), year_to_date(end, cal)}
        ruled_out: set[Length] = set()
        supported: set[Length] = set()
        for u in items:
            for length in candidates:
                period = Period(end, length.start_for(end))
                for f in by_key.get((u.concept, end), []):
                    if abs((f.period.start - period.start).days) <= 7:
                        (supported if _agrees(u.value, f) else ruled_out).add(length)
        if supported & ruled_out:
            # one figure agrees with what the release states for a length and another disagrees: the table
            # is misread (a part's line read as the whole, a column under the wrong date), so none of its
            # columns is settled by elimination
            doubtful.add(table)
            continue
        left = candidates - ruled_out
        if len(left) > 1:
            left &= supported
        if len(left) == 1 and (supported | ruled_out):
            out.setdefault(table, {})[col] = left.pop()
    return {table: cols for table, cols in out.items() if table not in doubtful}
