"""The text's periods checked against the tables' quarters. An issuer's quarters all end in the same months
of the year: a fiscal year ending in May has quarters ending in August, November, February and May. A
sentence's period that ends in another month was dated by a calendar that is not the issuer's ("the third
quarter of fiscal 2006" read as July to September 2006, where the tables' quarters end in February: nothing
in the text said when the fiscal year ends), and it is withheld, never written under a wrong date.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from ..model import Fact, Finding

QUARTER_DAYS = (80, 100)   # a quarter's length in days, whatever its calendar
SLACK = 7                  # days: a 52/53-week calendar ends its quarters up to a week off a month's end


def off_the_quarter_grid(facts: list[Fact], released: Optional[date]
                         ) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """Facts without the text's whose period ends off the quarters the tables report (the latest quarter a
    table dates, none after the release's date `released`); a finding naming them."""
    quarters = [f.period for f in facts if f.category == "table" and not f.dims and f.period.start is not None
                and QUARTER_DAYS[0] <= (f.period.end - f.period.start).days + 1 <= QUARTER_DAYS[1]
                and (released is None or f.period.end <= released)]
    if not quarters:
        return facts, [], []
    quarter = max(quarters, key=lambda p: p.end)
    kept, rejected = [], []
    for f in facts:
        if f.category in ("narrative", "guidance") and not _on_grid(f.period.end, quarter.end):
            rejected.append((f, f"withheld: the text dates it to a period ending {f.period.end}, off the quarters "
                                f"the tables report (one ends {quarter.end}): the issuer's fiscal calendar was not "
                                f"read"))
        else:
            kept.append(f)
    if not rejected:
        return facts, [], []
    shown = ", ".join(sorted({f"{f.concept} {f.period}" for f, _w in rejected})[:4])
    finding = Finding("warning", "withheld", f"{len(rejected)} amounts the text states are not written: their "
                      f"periods end off the quarters the tables report ({shown})", tuple(f for f, _w in rejected))
    return kept, rejected, [finding]


def _on_grid(end: date, quarter_end: date) -> bool:
    """Whether a period ending on `end` may be one of the quarters, halves or years of a calendar whose quarter
    ends on `quarter_end`: its month (or one a week either side) a whole number of quarters away."""
    want = quarter_end.month % 3
    return any((end + timedelta(days=k)).month % 3 == want for k in (-SLACK, 0, SLACK))
