"""A table that states no scale in a release whose other tables state thousands or more.

Its figures are read as printed, whole dollars, and most such tables are: a statement in whole dollars prints
its totals to the dollar ("2,121,234"). But a table whose title was lost (a producer that dropped a table's
first row, a title set as an image) prints "Total assets 72,911" where its neighbours say "(in thousands)":
read as dollars, each figure is a thousand times too small. Figures printed to the cent, or a figure of a
million or more, are evidence of whole dollars; without either, whether the table is in dollars or in the
release's thousands the release does not say, and its money and share counts are withheld.
"""
from __future__ import annotations

from decimal import Decimal

from ..model import Fact, Finding
from .merge import source_of

WHOLE_DOLLARS = Decimal(1_000_000)   # a figure this large printed to the dollar is no amount in thousands
_SCALED = ("USD", "shares")


def _stated_power(f: Fact) -> int:
    """The power of ten the table's note (its own, carried, or the text's) put on the fact; 0 for none."""
    steps = f.provenance.steps if f.provenance else ()
    return next((int(s[len("scale: x10^"):].split()[0]) for s in steps if s.startswith("scale: x10^")), 0)


def unstated_scales(facts: list[Fact]) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """Facts without the money and share counts of tables that state no scale, print nothing that shows
    them in whole dollars, and stand in a release whose other tables state thousands or more."""
    money: dict[int, list[Fact]] = {}
    for f in facts:
        if f.category == "table" and f.unit == "USD" and f.provenance is not None and not f.dims:
            money.setdefault(f.provenance.block, []).append(f)
    if not any(_stated_power(f) >= 3 for table in money.values() for f in table):
        return facts, [], []
    unsettled: dict[int, Decimal] = {}
    for block, table in money.items():
        if any(_stated_power(f) for f in table):
            continue
        largest = max(abs(f.value) for f in table)
        if largest < WHOLE_DOLLARS and not any(f.decimals > 0 for f in table):
            unsettled[block] = largest
    if not unsettled:
        return facts, [], []
    findings = [Finding("warning", "withheld",
                        f"the money of {source_of(money[block][0])} is not written: it states no scale, other "
                        f"tables of the release are in thousands or more, and its largest figure ({largest:,}) "
                        f"is no whole-dollar total of such a company", tuple(money[block]))
                for block, largest in unsettled.items()]
    kept, rejected = [], []
    for f in facts:
        if f.category == "table" and f.unit in _SCALED and f.provenance is not None \
                and f.provenance.block in unsettled:
            rejected.append((f, "withheld: its table states no scale, and the release's other tables are in "
                                "thousands or more"))
        else:
            kept.append(f)
    return kept, rejected, findings
