"""The text's periods checked against the tables' quarters. An issuer's quarters all end in the same months
of the year: a fiscal year ending in May has quarters ending in August, November, February and May. A
sentence's period that ends in another month was dated by a calendar that is not the issuer's ("the third
quarter of fiscal 2006" read as July to September 2006, where the tables' quarters end in February: nothing
in the text said when the fiscal year ends), and it is withheld, never written under a wrong date.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from ..engine.dates import full_dates, make_date
from ..model import Fact, Finding

QUARTER_DAYS = (80, 100)   # a quarter's length in days, whatever its calendar
SLACK = 7                  # days: a 52/53-week calendar ends its quarters up to a week off a month's end
OFF_GRID = "off the quarters the tables report"


def off_the_quarter_grid(facts: list[Fact], released: Optional[date]
                         ) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """Facts without the text's whose period ends off the quarters the tables report (the latest quarter a
    table dates, none after the release's date `released`); a finding naming them."""
    quarters = [f.period for f in facts if f.category == "table" and not f.dims and f.period.start is not None
                and QUARTER_DAYS[0] <= (f.period.end - f.period.start).days + 1 <= QUARTER_DAYS[1]
                and (released is None or f.period.end <= released)]
    if not quarters or len({_grid(p.end) for p in quarters}) != 1:
        return facts, [], []   # no quarter, or tables on two grids (an acquired company's, a changed year)
    quarter = max(quarters, key=lambda p: p.end)
    kept, rejected = [], []
    for f in facts:
        if f.category in ("narrative", "guidance") and not _on_grid(f.period.end, quarter.end) \
                and not _printed(f.period.end, f.provenance.source_text if f.provenance else ""):
            rejected.append((f, f"withheld: the text dates it to a period ending {f.period.end}, {OFF_GRID} (one "
                                f"ends {quarter.end}): the issuer's fiscal calendar was not read"))
        else:
            kept.append(f)
    if not rejected:
        return facts, [], []
    shown = ", ".join(sorted({f"{f.concept} {f.period}" for f, _w in rejected})[:4])
    finding = Finding("warning", "withheld", f"{len(rejected)} amounts the text states are not written: their "
                      f"periods end off the quarters the tables report ({shown})", tuple(f for f, _w in rejected))
    return kept, rejected, [finding]


def _grid(end: date) -> int:
    """The quarter grid a quarter's end lies on (0, 1, 2), a week's slack either way taken to the nearer
    month's end."""
    return (end + timedelta(days=SLACK)).month % 3 if end.day > 31 - SLACK else end.month % 3


def _printed(end: date, sentence: str) -> bool:
    """Whether the sentence prints the date itself ("fiscal year ended January 31, 2024", "as of January 31,
    2025"): a date the text states is no calendar's reading."""
    return any(make_date(m["m"], m["d"], m["y"]) == end for m in full_dates(sentence))


def _on_grid(end: date, quarter_end: date) -> bool:
    """Whether a period ending on `end` may be one of the quarters, halves or years of a calendar whose quarter
    ends on `quarter_end`: its month (or one a week either side) a whole number of quarters away."""
    return _grid(end) == _grid(quarter_end) or end.day <= SLACK and (end - timedelta(days=SLACK)).month % 3 == \
        _grid(quarter_end)
