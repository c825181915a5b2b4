"""A release reports no actual figure for a period that ends after the day it was published: a fact that
does is a misreading (a fiscal year named the wrong way, a column read as the wrong year) and is not written.
Forecasts are what a release says of later periods, and stay; a forecast for a period that had ended before
the release was published is no outlook but a misdating ("full year" guidance dated the year the release
reports, its heading's year lost), and is not written either."""
from __future__ import annotations

from datetime import date
from typing import Optional

from ..model import Fact


def bound_by_release(facts: list[Fact], released: Optional[date]) -> tuple[list[Fact], list[tuple[Fact, str]]]:
    """The actual facts that end on or before `released` and the forecasts that end after it (all of them when
    the release prints no date), and the others with the reason."""
    if released is None:
        return facts, []
    kept, late = [], []
    for f in facts:
        if f.category != "guidance" and f.period.end > released:
            late.append((f, f"withheld: the period ends {f.period.end}, after the release's date {released}"))
        elif f.category == "guidance" and f.period.end < released:
            late.append((f, f"withheld: an outlook for a period that ended {f.period.end}, before the release's "
                            f"date {released}: its period was misread"))
        else:
            kept.append(f)
    return kept, late
