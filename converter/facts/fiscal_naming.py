"""A fiscal year that ends in January or early February is named by the year it ends in at some issuers
("FY23" ended January 28, 2023) and by the year it begins in at others ("fiscal 2022" ended January 28, 2023).
When the release does not say which, a figure dated only by such a name ("FY24 revenue of $43.8 billion",
a column headed "Fiscal 2023") has two possible periods. The release is read both ways; a figure both
readings date alike is written; of one they date differently, the reading that cannot be is dropped (an
outlook for a year that ended before the quarter the release reports, an actual figure after the release's
date) and the figure is written when one reading is left, withheld when both are, never settled by custom."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Optional

from ..model import Fact, Finding


def agreed_readings(facts: list[Fact], other: list[Fact], released: Optional[date]
                    ) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """The facts of this reading or the other that the evidence settles; the rest with the reason, and a
    finding that says how many were withheld."""
    there = {_whole(f) for f in other}
    here = {_whole(f) for f in facts}
    alternatives: dict[tuple, list[Fact]] = defaultdict(list)
    for g in other:
        if _whole(g) not in here:
            alternatives[_source(g)].append(g)
    agreed = [f for f in facts if _whole(f) in there]
    reported = max((f.period.end for f in agreed if f.category != "guidance"), default=None)

    def possible(f: Fact) -> bool:
        if f.category == "guidance":
            return reported is None or f.period.end > reported
        return released is None or f.period.end <= released

    kept, withheld = list(agreed), []
    for f in facts:
        if _whole(f) in there:
            continue
        others = alternatives.get(_source(f), [])
        left = ([f] if possible(f) else []) + [g for g in others if possible(g)]
        if len(left) == 1:   # a reading with no such figure found none it could be (a past outlook)
            kept.append(left[0])
        else:
            withheld.append((f, f"withheld: dated {f.period} only by a fiscal year's name, and the release does "
                                f"not say whether its fiscal years (ending in January or early February) are "
                                f"named by the year they begin or the year they end in"))
    findings = []
    if withheld:
        names = sorted({f.concept.split(":")[-1] for f, _why in withheld})
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        findings.append(Finding("warning", "withheld", f"{len(withheld)} figure(s) dated only by a fiscal year's "
                                f"name are not written ({shown}): the release does not say whether its fiscal "
                                f"years are named by the year they begin or end in", tuple(f for f, _ in withheld)))
    return kept, withheld, findings


def _whole(f: Fact) -> tuple:
    return (f.concept, f.period, f.unit, f.dims, f.value)


def _source(f: Fact) -> tuple:
    """The same figure read under either naming: what it is and where it was printed, its period aside."""
    p = f.provenance
    return (f.concept, f.unit, f.dims, f.value, f.category, p.block if p else None, p.span if p else None)
