"""A table that states no scale in a release whose other tables state thousands or more.

Its figures are read as printed, whole dollars, and most such tables are: a statement in whole dollars prints
its totals to the dollar ("2,121,234"). But a table whose title was lost (a producer that dropped a table's
first row, a title set as an image) prints "Total assets 72,911" where its neighbours say "(in thousands)":
read as dollars, each figure is a thousand times too small. Evidence of whole dollars is a figure printed to
the cent (one decimal, "92.2", is a table in millions), one the text states as printed ("revenue of $2.1
million" beside "Total revenues 2,121,234"), one a table shown to be in whole dollars prints alike, or a
figure of a million or more: a small company's statements in whole dollars print "3,168,934" beside an
"(in millions)" reconciliation. (A large company's balance sheet that lost its "(in thousands)" prints such
figures too; where a table in thousands prints one of its figures, facts/text_scale.py has re-read it.)
Without such evidence, whether the table is in dollars or in the release's thousands the release does not
say, and its money and share counts are withheld. So are those of a table that prints money to a tenth and
states no scale, whatever the rest of the release states: no amount in dollars is printed so.
"""
from __future__ import annotations

from decimal import Decimal

from ..model import Fact, Finding
from .merge import consistent, source_of
from .text_scale import stated_amounts, stated_power

WHOLE_DOLLARS = Decimal(1_000_000)   # a figure this large printed to the dollar is no amount in thousands
_SCALED = ("USD", "shares")


def unstated_scales(facts: list[Fact], snippet: bool = False) -> tuple[list[Fact], list[tuple[Fact, str]],
                                                                      list[Finding]]:
    """Facts without the money and share counts of tables that state no scale and print money to a tenth, or
    print nothing that shows them in whole dollars in a release whose other tables state thousands or more.
    A rule file's example (`snippet`) means its figures as printed."""
    money: dict[int, list[Fact]] = {}
    for f in facts:
        if f.category == "table" and f.unit == "USD" and f.provenance is not None and not f.dims:
            money.setdefault(f.provenance.block, []).append(f)
    unstated = {block: table for block, table in money.items()
                if not any(stated_power(f) for f in table) and not any(f.decimals == 2 for f in table)}
    # money printed to a tenth ("Sales 746.5") is in millions or billions, whatever else the release says
    why = {} if snippet else {block: "its money is printed to a tenth, as no amount in dollars is"
                              for block, table in unstated.items() if any(f.decimals == 1 for f in table)}
    if any(stated_power(f) >= 3 for table in money.values() for f in table):
        large = {block for block, table in unstated.items() if max(abs(f.value) for f in table) >= WHOLE_DOLLARS}
        shown = _whole_dollars(unstated, facts, large)
        why.update({block: "other tables of the release are in thousands or more, and nothing shows it in whole "
                           "dollars" for block in unstated if block not in shown and block not in why})
    if not why:
        return facts, [], []
    findings = [Finding("warning", "withheld", f"the money of {source_of(money[block][0])} is not written: it "
                                               f"states no scale, and {reason}", tuple(money[block]))
                for block, reason in sorted(why.items())]
    kept, rejected = [], []
    for f in facts:
        if f.category == "table" and f.unit in _SCALED and f.provenance is not None and f.provenance.block in why:
            rejected.append((f, f"withheld: its table states no scale, and {why[f.provenance.block]}"))
        else:
            kept.append(f)
    return kept, rejected, findings


def _whole_dollars(tables: dict[int, list[Fact]], facts: list[Fact], shown: set[int]) -> set[int]:
    """The tables (by block) `shown` in whole dollars, those with a figure the text states as printed, and
    those with a figure that such a table prints alike, in turn."""
    said = stated_amounts(facts)

    def add(blocks: set[int]) -> None:
        for block in blocks:
            for f in tables[block]:
                if not f.dims and f.value:
                    said.setdefault((f.concept, f.period), []).append(f)

    shown = set(shown)
    add(shown)
    while True:
        found = {block for block, table in tables.items() if block not in shown and any(
            consistent(f, other) for f in table if not f.dims and f.value
            for other in said.get((f.concept, f.period), ()))}
        if not found:
            return shown
        shown |= found
        add(found)
